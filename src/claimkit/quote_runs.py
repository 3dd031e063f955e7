"""Quotations that run on past their cue's sentence become continued accounts.

``"Players love big crowds," she said. "A new stadium tells them we are
serious."`` -- the second quotation has no cue of its own: it carries on the
speaker's account.  Extractors give it either as part of one mixed record
running over both sentences (PolNeAR's span convention) or as a second direct
record whose cue sits in the sentence before.  This stage (after extraction,
for every extractor, before ``claimkit.accounts``) makes it what the record
format says it is: the first quotation a direct record with the cue (the
anchor), each following whole-quotation sentence of the paragraph a direct
record with no cue that ``continues`` the anchor.

A record is left alone unless what it runs on to is whole quotations and, when it is split, the part in the cue's sentence opens
with a quotation that closes before the cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimkit.model import Candidate, Sentence, Span

OPEN_QUOTES = "\"“‘'"
CLOSE_QUOTES = "\"”’'"
_DOUBLE_MARKS = "\"“”"


def is_quotation(line: str) -> bool:
    """Whether a sentence is one whole quotation: it opens with a quotation
    mark, ends with one, and has no other double mark in between."""
    s = line.strip()
    if len(s) < 3 or s[0] not in OPEN_QUOTES or s[-1] not in CLOSE_QUOTES:
        return False
    return not any(ch in _DOUBLE_MARKS for ch in s[1:-1])


def quote_units(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with each quotation that runs over several sentences of a
    paragraph ('"We lost. It hurts."') merged into one (the first's index)."""
    units: list[Sentence] = []
    i = 0
    while i < len(sentences):
        first = sentences[i]
        j = i
        if text[first.start : first.end].strip()[:1] in OPEN_QUOTES and not is_quotation(text[first.start : first.end]):
            j = next(
                (k for k in range(i + 1, len(sentences)) if sentences[k].paragraph == first.paragraph and is_quotation(text[first.start : sentences[k].end])),
                i,
            )
            if j == i:
                j = _open_to_paragraph_end(text, sentences, i)
        units.append(first if j == i else first.model_copy(update={"end": sentences[j].end}))
        i = j + 1
    return units


def _open_to_paragraph_end(text: str, sentences: Sequence[Sentence], i: int) -> int:
    """The last sentence of the paragraph when a quotation opening at sentence ``i`` runs to the
    paragraph's end with no closing mark and the next paragraph opens with a quotation mark (the
    newspaper convention for a quotation that goes on), else ``i``."""
    first = sentences[i]
    last = i
    while last + 1 < len(sentences) and sentences[last + 1].paragraph == first.paragraph:
        last += 1
    return last if open_quotation(text, first.start, sentences[last].end) else i


def open_quotation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a quotation left open at its paragraph's end that the next
    paragraph reopens ('"That is not a commute. We have had the studies.' then '"What we ...')."""
    s = text[start:end].strip()
    if len(s) < 3 or s[0] not in OPEN_QUOTES or any(ch in _DOUBLE_MARKS for ch in s[1:]):
        return False
    after = text[end : end + 12]
    return "\n" in after and after.lstrip()[:1] in OPEN_QUOTES


def sentence_at(sentences: Sequence[Sentence], pos: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= pos < s.end), None)


def whole_span(text: str, s: Sentence) -> Span:
    """The sentence without the white space around it."""
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text=text[start:end], start=start, end=end)


def _run_on(text: str, sentences: Sequence[Sentence], cue_sentence: Sentence, end: int) -> list[Sentence] | None:
    """The sentences after the cue's one that a content ending at ``end`` runs
    over, when they are all whole quotations, in the cue's paragraph or in
    paragraphs that are nothing but quotations (else None)."""
    units = quote_units(text, sentences)
    later = [u for u in units if u.index > cue_sentence.index and u.start < end]
    if not later or not all(_a_quotation(text, u) for u in later):
        return None
    beyond = {u.paragraph for u in later} - {cue_sentence.paragraph}
    if any(not _a_quotation(text, u) for u in units if u.paragraph in beyond):
        return None
    return later


def _a_quotation(text: str, u: Sentence) -> bool:
    return is_quotation(text[u.start : u.end]) or open_quotation(text, u.start, u.end)


def _head(text: str, c: Candidate, start: int) -> Span | None:
    """The quotation that opens at ``start``, when it closes before the cue."""
    assert c.cue is not None
    if text[start] not in OPEN_QUOTES:
        return None
    close = next((k for k in range(start + 1, c.cue.mention.start) if text[k] in _DOUBLE_MARKS), None)
    if close is None or text[close] not in CLOSE_QUOTES or close - start < 2:
        return None
    return Span(text=text[start : close + 1], start=start, end=close + 1)


def _continued(text: str, s: Sentence, anchor: Candidate, index: int) -> Candidate:
    return Candidate(
        content=whole_span(text, s),
        mode="direct",
        sentence_index=s.index,
        source=None if anchor.source is None else anchor.source.model_copy(update={"mention": None, "resolved_from": None}),
        continues=index,
    )


def _split(text: str, sentences: Sequence[Sentence], cands: list[Candidate], i: int) -> list[Candidate]:
    """Split candidate ``i`` when it runs on (module docstring); the records
    added (``cands[i]`` is updated in place)."""
    c = cands[i]
    if c.cue is None or c.mode not in ("direct", "mixed") or c.continues is not None:
        return []
    home = sentence_at(sentences, c.cue.mention.start)
    if home is None or c.content.end <= home.end:
        return []
    later = _run_on(text, sentences, home, c.content.end)
    if later is None:
        return []
    if c.content.start >= home.end:  # a second record whose cue is in the sentence before
        return _second(text, home, later, cands, i)
    head = _head(text, c, c.content.start)
    if head is None:
        return []
    cands[i] = c.model_copy(update={"content": head, "mode": "direct", "statement": None})
    return [_continued(text, s, c, i) for s in later]


def _second(text: str, home: Sentence, later: list[Sentence], cands: list[Candidate], i: int) -> list[Candidate]:
    """A record whose content is the quotation after its cue's sentence
    continues the record of the quotation before the cue; when the extractor
    gave that one no record of its own, it is added as the anchor."""
    c = cands[i]
    if len(later) != 1:
        return []
    anchor = next((j for j, o in enumerate(cands) if j != i and o.cue == c.cue and o.content.end <= home.end), None)
    if anchor is not None:
        cands[i] = _continued(text, later[0], cands[anchor], anchor)
        return []
    start = whole_span(text, home).start
    head = _head(text, c, start)
    if head is None:
        return []
    cands[i] = c.model_copy(update={"content": head, "sentence_index": home.index, "statement": None})
    return [_continued(text, later[0], c, i)]


def split_quote_runs(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates (runs split, updated in place of the originals) and the
    continued records added, whose ``continues`` index into the first list."""
    cands = list(candidates)
    added: list[Candidate] = []
    for i in range(len(cands)):
        added += _split(text, sentences, cands, i)
    return cands, added
