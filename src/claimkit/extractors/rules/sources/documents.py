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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.sources.coreference import Mentions, Named, refer, window_start
from claimkit.extractors.rules.sources.kinds import clean_name, kind_of_name
from claimkit.model import Candidate, Sentence, Source

__all__ = ["authors"]

_NOUNS = lx.DOCUMENT_HEADS | {"application", "website", "figures", "findings", "accounts", "results", "submission"}
_NAME = r"(?:the\s+)?[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'\u2019&-]*)*"
_OWNER = rf"(?P<owner>{_NAME}['\u2019]s?|its|their|his|her|the\s+[a-z-]+['\u2019]s)"
_BY = rf"(?:by|from)\s+(?P<by>{_NAME}|the\s+[a-z-]+)"


def _phrase(noun: str) -> re.Pattern[str]:
    """A document phrase with its author: "<owner> [words] noun" or "noun [words] by/from <author>"."""
    word = f"(?i:{noun})"  # "Figures from ..." opening a sentence
    return re.compile(rf"{_OWNER}\s+(?:[\w-]+\s+){{0,3}}?{word}\b|\b{word}\b[^.;]{{0,60}}?\b{_BY}")


def _head(phrase: str) -> str | None:
    words = re.findall(r"[a-z]+", phrase.lower())
    return next((w for w in words if w in _NOUNS), None)


def _author_phrase(text: str, start: int, end: int, noun: str) -> tuple[str, int] | None:
    """The author's words in ``text[start:end]`` and where they stand."""
    hit = _phrase(noun).search(text, start, end)
    if hit is None:
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
    if noun is None:
        return None
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
    """The candidates with each nominal report's source made its author (module docstring)."""
    out = []
    for c in candidates:
        author = _author(text, sentences, c, mentions)
        out.append(c if author is None else c.model_copy(update={"source": author}))
    return out
