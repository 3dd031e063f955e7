"""Run the offline rules' constructions on text written for a test.

``read`` splits the text into sentences as the pipeline does, parses them with
the real spaCy pipeline (nothing is mocked) and runs the construction
dispatch on each, as the rule extractor does before it names sources and
writes records.  Each finding comes back as the text of its cue, source and
content, with the rule that read it ("verb:ccomp", "according", ...).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from claimkit import segment
from claimkit.extractors.rules import parse
from claimkit.extractors.rules.constructions import dispatch
from claimkit.extractors.rules.constructions.quotes import Quotes
from claimkit.extractors.rules.constructions.sentence import ParsedSentence


class Reading(NamedTuple):
    rule: str
    cue: str
    source: str | None  # the source's words, or the fixed name of a source not in the text
    content: str


def read(text: str) -> list[Reading]:
    """Every finding of the constructions in ``text``, sentence by sentence."""
    quotes = Quotes(text)
    sentences = segment.sentences(text)
    out = []
    for s, doc in zip(sentences, parse.parse([text[s.start : s.end] for s in sentences]), strict=True):
        for f in dispatch.run(ParsedSentence(doc, s.start, text, quotes)):
            source = text[f.source[0] : f.source[1]] if f.source is not None else f.fixed_source
            out.append(Reading(f.rule, text[f.cue[0] : f.cue[1]], source, text[f.content[0] : f.content[1]]))
    return out


def by_rule(text: str, rule: str) -> Reading:
    """The one finding of ``rule`` in ``text``."""
    found = read(text)
    hits = [r for r in found if r.rule == rule]
    assert len(hits) == 1, f"expected one {rule!r} finding, got {found}"
    return hits[0]


def by_cue(text: str, cue: str) -> Reading:
    """The one finding whose cue is ``cue``."""
    found = read(text)
    hits = [r for r in found if r.cue == cue]
    assert len(hits) == 1, f"expected one finding with cue {cue!r}, got {found}"
    return hits[0]


def parsed(text: str) -> ParsedSentence:
    """``text``, one sentence, parsed (for calling one construction's function directly)."""
    (doc,) = parse.parse([text])
    return ParsedSentence(doc, 0, text, Quotes(text))


def word(s: ParsedSentence, text: str) -> Any:
    """The first token of ``s`` that reads ``text``."""
    return next(t for t in s.doc if t.text == text)
