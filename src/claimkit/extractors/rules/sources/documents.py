"""A nominal report's source is its author.

"Brenmoor's statement said", "according to its planning application", "A
2024 report by the agency found", "The report, published on Monday, said"
(after "A report by the Social Care Inspectorate found"): the records name
who wrote, published or filed the document, and the document's phrase stays
as the mention (``resolved_from`` keeps it).  The author is read

* from the phrase itself: a possessor ("Brenmoor's", "its": resolved as a
  pronoun) or a "by"/"from" phrase ("by the agency": resolved as a
  description, "by the Tarvik Herald");
* for "the report", "the study" with neither: from the last earlier phrase of
  the article that introduced a document of the same noun with its author.

A document with no author found keeps the source the rules gave it.

An "it" whose nearest possible antecedent is a document that opened a
sentence ("The draft report, seen by this newspaper, appears to support them.
It found that ...", "A new study was published on Friday. It shows ...") is
that document, or its author where the phrase names one: a subject is what a
following "it" most likely continues, and a finding verb's "it" is more often
a study than the body named in passing before it (``documents_for_it``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.sources.coreference import (
    Mentions,
    Named,
    opens_a_clause_before_its_noun,
    refer,
    window_start,
)
from claimkit.extractors.rules.sources.kinds import clean_name, kind_of_name
from claimkit.model import Candidate, Sentence, Source, Span

__all__ = ["authors", "documents_for_it"]

_NOUNS = lx.DOCUMENT_HEADS | {"application", "website", "figures", "findings", "accounts", "results", "submission", "investigation", "inquiry", "review", "audit", "assessment"}
_NAME = r"(?:the\s+)?[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'\u2019&-]*)*"
_OWNER = rf"(?P<owner>{_NAME}['\u2019]s?|its|their|his|her|the\s+[a-z-]+['\u2019]s)"
_BY = rf"(?:by|from)\s+(?P<by>{_NAME}|the\s+[a-z-]+(?![\w'\u2019-]))"  # not "by the council's auditors": the auditors


def _phrase(noun: str) -> re.Pattern[str]:
    """A document phrase with its author: "<owner> [words] noun" or "noun [words] by/from <author>"."""
    word = f"(?i:{noun})"  # "Figures from ..." opening a sentence
    return re.compile(rf"{_OWNER}\s+(?:[\w-]+\s+){{0,3}}?{word}\b|\b{word}\b[^.;]{{0,60}}?\b{_BY}")


def _head(phrase: str) -> str | None:
    words = re.findall(r"[a-z]+", phrase.lower())
    return next((w for w in words if w in _NOUNS), None)


_READ_BY = re.compile(
    r"\b(?:seen|obtained|reviewed|read|examined|leaked|acquired|accessed|viewed|heard|commissioned|funded|sponsored|requested|ordered|paid\s+for)"
    r"\s+(?:by|from)\s+$",
    re.IGNORECASE,
)


def _read_by(text: str, hit: re.Match[str]) -> bool:
    """"papers seen by the Westmoor Courier", "a poll commissioned by the Harlowe Institute": who read or
    paid for a document is not its author."""
    return bool(hit.group("by")) and bool(_READ_BY.search(text, max(0, hit.start("by") - 30), hit.start("by")))


def _author_phrase(text: str, start: int, end: int, noun: str) -> tuple[str, int] | None:
    """The author's words in ``text[start:end]`` and where they stand."""
    hit = _phrase(noun).search(text, start, end)
    if hit is None or _read_by(text, hit):
        return None
    group = "owner" if hit.group("owner") else "by"
    return hit.group(group), hit.start(group)


_AFTER = re.compile(rf"\s*,?\s*(?:published\s+|released\s+|filed\s+)?{_BY}")


def _author_after(text: str, end: int) -> tuple[str, int] | None:
    """"Figures from the Department of Transport show": the author right after the document's noun."""
    hit = _AFTER.match(text, end)
    return (hit.group("by"), hit.start("by")) if hit else None


def _introduced(text: str, before: int, noun: str) -> tuple[str, int] | None:
    """The author of the last phrase before ``before`` that introduced a ``noun`` with one."""
    last = None
    for hit in _phrase(noun).finditer(text, 0, before):
        if _read_by(text, hit):
            last = None
            continue
        group = "owner" if hit.group("owner") else "by"
        last = (hit.group(group), hit.start(group))
    return last


def _named(words: str, at: int, lo: int, mentions: Mentions) -> Named | None:
    """The named mention an author's words stand for: a pronoun or a description
    resolved, a name as its canonical mention (else as written)."""
    bare = re.sub(r"['\u2019]s?$", "", words.strip())
    low = bare.lower()
    if low in lx.PRONOUNS or (low.startswith("the ") and not bare[4:5].isupper()):
        return refer(bare, at, lo, mentions)
    name = clean_name(bare)
    if not name:
        return None
    known = next((m for m in mentions.items if m.name == name or m.name.endswith(" " + name) or m.name.startswith(name + " ")), None)
    return known or Named(at, at + len(bare), name, kind_of_name(name, None, "organization"))


def _author(text: str, sentences: Sequence[Sentence], c: Candidate, mentions: Mentions) -> Source | None:
    source = c.source
    if source is None or source.mention is None or source.kind == "person":
        return None
    mention = source.mention
    noun = _head(mention.text)
    if noun is None or (source.kind != "document" and source.name.lower().split()[-1:] != [noun]):
        return None  # "Passengers who flew with a budget airline from X": people, whatever noun their phrase holds
    lo = window_start(sentences, c.sentence_index)
    found = _author_phrase(text, mention.start, mention.end, noun) or _author_after(text, mention.end)
    if found is None and re.match(rf"(?:the|this|that)\s+(?:[\w-]+\s+)?{noun}$", mention.text.strip(), re.IGNORECASE):
        found = _introduced(text, mention.start, noun)
        lo = 0
    if found is None:
        return None
    ante = _named(found[0], found[1], lo, mentions)
    if ante is None or ante.kind == "document":
        return None
    return Source(name=ante.name, kind=ante.kind, mention=mention, resolved_from=mention)  # type: ignore[arg-type]


def authors(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate], mentions: Mentions) -> list[Candidate]:
    """The candidates with each nominal report's source made its author (module docstring), also
    where a pronoun stands for a document phrase whose author an earlier record found ("According to
    the company's planning application, ... It also states ...": the company both times)."""
    out = _with_sources(candidates, lambda c: _author(text, sentences, c, mentions))
    found = {
        _bare(c.source.mention.text): c.source for c, before in zip(out, candidates, strict=True)
        if c.source is not None and c.source.mention is not None and c.source is not before.source and c.source.kind != "document"
    }
    return _with_sources(out, lambda c: _same_author(c, found))


def _bare(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an|this|that)\s+", "", phrase.strip().lower())


def _same_author(c: Candidate, found: dict[str, Source]) -> Source | None:
    s = c.source
    pronoun = s is not None and s.resolved_from is not None and s.resolved_from.text.strip().lower() in {"it", "its"}
    author = found.get(_bare(s.name)) if s is not None and s.kind == "document" and pronoun else None
    if author is None or s is None:
        return None
    return Source(name=author.name, kind=author.kind, mention=s.mention, resolved_from=s.resolved_from)


def _with_sources(candidates: Sequence[Candidate], find: Callable[[Candidate], Source | None]) -> list[Candidate]:
    """The candidates, each with the source ``find`` gives it where it gives one."""
    out = []
    for c in candidates:
        found = find(c)
        out.append(c if found is None else c.model_copy(update={"source": found}))
    return out


# documents that find, show or say: not "plan", "bill", "law" (whose "it" is as often the body's)
_FINDING_NOUNS = frozenset(
    "report study survey poll analysis paper review audit assessment investigation inquiry memo letter statement ruling filing complaint".split()
)
_OPENING = re.compile(
    rf"(?:The|A|An|This|That|Its|Their|[A-Z][\w'\u2019&-]*['\u2019]s?)\s+(?P<words>(?:[\w'\u2019-]+\s+){{0,3}}?)(?P<noun>{'|'.join(sorted(_FINDING_NOUNS))})\b"
)


def _opening_document(text: str, sentences: Sequence[Sentence], lo: int, pos: int) -> tuple[re.Match[str], int] | None:
    """The last sentence-opening document phrase between ``lo`` and ``pos``, with its sentence's end."""
    last = None
    for s in sentences:
        if s.start < lo or s.start >= pos:
            continue
        hit = _OPENING.match(text, s.start, min(s.end, pos))
        if hit is not None:
            last = (hit, min(s.end, pos))
    return last


def _document_source(text: str, opening: tuple[re.Match[str], int], mention: Span, mentions: Mentions, lo: int) -> Source:
    """The source an "it" standing for the document ``hit`` names: its author
    where its sentence gives one ("A survey ... was published on Tuesday by the
    guild"), else the document."""
    hit, end = opening
    noun = hit.group("noun")
    found = _author_phrase(text, hit.start(), end, noun) or _author_after(text, hit.end())
    ante = _named(found[0], found[1], lo, mentions) if found is not None else None
    if ante is not None and ante.kind != "document":
        return Source(name=ante.name, kind=ante.kind, mention=mention, resolved_from=mention)  # type: ignore[arg-type]
    name = (hit.group("words") + noun).strip()
    return Source(name=name, kind="document", mention=mention, resolved_from=mention)


def _for_it(text: str, sentences: Sequence[Sentence], c: Candidate, mentions: Mentions) -> Source | None:
    source = c.source
    if source is None or source.mention is None or source.mention.text.strip().lower() != "it":
        return None
    pos = source.mention.start
    if opens_a_clause_before_its_noun(text, sentences[c.sentence_index].start, pos):
        return None  # "Since it announced the ban, the company ...": the main clause's subject (coreference)
    lo = window_start(sentences, c.sentence_index)
    # earlier sentences only: "A second review is expected in September, it said" is the content, not the speaker
    opening = _opening_document(text, sentences, lo, sentences[c.sentence_index].start)
    if opening is None:
        return None
    ante = mentions.agreeing("it", pos, lo)
    if ante is not None and ante.start >= opening[1]:
        return None  # a body named after the document's sentence is nearer
    return _document_source(text, opening, source.mention, mentions, lo)


def documents_for_it(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate], mentions: Mentions) -> list[Candidate]:
    """The candidates with an "it" that stands for a document made that document or its author (module docstring)."""
    return _with_sources(candidates, lambda c: _for_it(text, sentences, c, mentions))
