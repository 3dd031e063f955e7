"""The stages in order: segment -> extract -> ground -> entities -> continued accounts -> normalise -> assemble ->
validate.

(The language stage, ``claimkit.language``, runs before these, right after loading.)

``run`` is the library's main entry point for one loaded article; nothing
here reads files, the clock or the environment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimkit import segment
from claimkit.accounts import continue_accounts, date_continued
from claimkit.assemble import assemble
from claimkit.entities import link
from claimkit.errors import InputError, SchemaError
from claimkit.extractors import Extraction, Extractor
from claimkit.model import Article, Candidate, Claim, Diagnostic, Sentence, Span
from claimkit.normalize.liveblog import date_entries
from claimkit.normalize.stage import normalise
from claimkit.write import validate


@dataclass
class Result:
    """Claims of one article, their serialised records, and what went wrong."""

    article: Article
    claims: list[Claim]
    records: list[dict[str, Any]]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _spans_of(cand: Candidate) -> list[Span]:
    spans: list[Span] = [cand.content]
    if cand.cue is not None:
        spans.append(cand.cue.mention)
    if cand.source is not None:
        spans += [s for s in (cand.source.mention, cand.source.resolved_from) if s is not None]
    for t in (cand.reported_at, cand.event_time, *(cand.times or ())):
        if t is not None:
            spans.append(Span(text=t.text, start=t.start, end=t.end))
    if cand.certainty is not None:
        spans += cand.certainty.cues
    return spans


def ground(article: Article, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> tuple[list[Candidate], list[Diagnostic]]:
    """Keep the candidates whose every span indexes the text exactly.

    Extractors set offsets themselves (the LLM extractor aligns its quotes
    first); this stage is the guard that no record leaves with a broken span.
    Dropping a candidate shifts indices, so ``nested_in`` and ``continues`` are remapped.
    """
    text = article.text
    kept: list[Candidate] = []
    remap: dict[int, int] = {}
    diags: list[Diagnostic] = []
    for i, cand in enumerate(candidates):
        bad = [s for s in _spans_of(cand) if text[s.start : s.end] != s.text or s.start > s.end]
        if bad or not 0 <= cand.sentence_index < len(sentences) or not cand.content.text.strip():
            diags.append(
                Diagnostic(
                    code="ungrounded-span",
                    message=f"dropped a candidate whose span does not index the text: {bad[0].text[:60]!r}" if bad else "dropped an empty or misplaced candidate",
                    doc_id=article.doc_id,
                )
            )
            continue
        remap[i] = len(kept)
        kept.append(cand)
    fixed = [
        c if c.nested_in is None and c.continues is None else c.model_copy(update={"nested_in": remap.get(c.nested_in) if c.nested_in is not None else None, "continues": remap.get(c.continues) if c.continues is not None else None})
        for c in kept
    ]
    return fixed, diags


def run(article: Article, extractor: Extractor) -> Result:
    """Extract, check and assemble the claims of one article."""
    sentences = segment.sentences(article.text)
    return finish(article, sentences, extractor.extract(article, sentences), extractor)


def finish(article: Article, sentences: Sequence[Sentence], extraction: Extraction, extractor: Extractor) -> Result:
    """The stages after extraction: ground, entities, continued accounts, normalise, assemble, validate."""
    candidates, diagnostics = ground(article, sentences, extraction.candidates)
    candidates = link(article.text, candidates)
    candidates = continue_accounts(article.text, sentences, candidates)
    candidates = date_continued(normalise(article, sentences, candidates))
    candidates = date_entries(article, sentences, candidates)
    claims = assemble(article, sentences, candidates, extractor.info)
    records = [c.model_dump(mode="json") for c in claims]
    for record in records:
        problems = validate.errors(record) + list(validate.span_errors(record, article.text))
        if problems:
            raise SchemaError(f"{article.origin}: record {record.get('id')} is invalid: {problems[0]}")
    return Result(article, claims, records, [*extraction.diagnostics, *diagnostics])


def run_all(
    inputs: Iterable[Article | InputError], extractor: Extractor, *, batch_size: int = 16
) -> Iterator[Result | InputError]:
    """Run many articles in input order, passing input errors through.

    An extractor with ``extract_batch(items) -> list[Extraction]`` (the LLM
    extractor, which keeps many requests in flight) gets articles in batches;
    others get them one by one.
    """
    batch_fn = getattr(extractor, "extract_batch", None)
    if batch_fn is None:
        for item in inputs:
            yield item if isinstance(item, InputError) else run(item, extractor)
        return
    pending: list[Article | InputError] = []

    def flush() -> Iterator[Result | InputError]:
        arts = [a for a in pending if isinstance(a, Article)]
        items = [(a, segment.sentences(a.text)) for a in arts]
        extractions = iter(batch_fn(items)) if items else iter(())
        sents = iter(items)
        for item in pending:
            if isinstance(item, InputError):
                yield item
            else:
                _, sentences = next(sents)
                yield finish(item, sentences, next(extractions), extractor)
        pending.clear()

    for item in inputs:
        pending.append(item)
        if sum(isinstance(a, Article) for a in pending) >= batch_size:
            yield from flush()
    yield from flush()
