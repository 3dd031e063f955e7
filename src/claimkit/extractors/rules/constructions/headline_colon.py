"""Colon attribution in headlines and standfirsts: "Mayor: Bridge will reopen
in June", "Harbour council: repairs will cost less than feared",
"Transport minister Ana Ruiz: “We will not back down”".

A paragraph of one line that is a source phrase, a colon and a clause is an
attribution: the phrase is the source, the colon the cue (lemma ":") and the
rest of the line the content.  Headlines and standfirsts are otherwise page
furniture (``furniture``) and were skipped whole; the paragraph-head speaker
rule in ``speaker_lines`` (transcripts, "Issa: ...") wants every word of the
name capitalised, so a role ("Harbour council", "Police chief") was missed
there too.

What is not a source: a label ("Live:", "Analysis:", "Watch:", "Correction:":
``lexicon.NOT_SPEAKERS``), a topic ("Brexit: what happens next", "Ferry
fares: a guide"): the phrase's last word must be a proper noun or a source
noun of the lexicon, and the rest must be a clause (it holds a verb), not a
question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions import notices
from claimkit.extractors.rules.constructions.sentence import Found
from claimkit.extractors.rules.constructions.speaker_lines import SPEAKER_LINE
from claimkit.model import Sentence

# up to six words (a role, a name, or both) before the colon; then a letter or
# an opening quotation mark
_LINE = re.compile(
    r"[ \t]*(?P<src>[A-Z][\w.’'&-]*(?:[ \t]+[\w.’'&-]+){0,5}?)[ \t]*:[ \t]+"
    r"(?P<body>[\"“‘']?[^\W\d_][^\n]*?)[ \t]*$"
)
# roles that head headline sources and are missing from the lexicon's source
# nouns (which were learned from PolNeAR's body sentences); plurals are looked
# up by their singular
_ROLES = frozenset(
    "envoy boss coach captain head owner fan witness firefighter paramedic prosecutor investigator "
    "regulator mp pm board insider analyst economist campaigner activist neighbour neighbor".split()
)
_QUESTION_WORDS = frozenset("what why how who where when which whether".split())
_MAX_SOURCE_CHARS = 50


def lines(text: str, sentences: Sequence[Sentence], furniture: set[int]) -> dict[int, re.Match[str]]:
    """Sentences (by index) that are a whole one-line paragraph of the form
    "Source: clause", before any parse.  A line that is not ``furniture`` and
    that the paragraph-head speaker rule reads ("Harbour Master Kane: The pier
    will open.", "RUTH KANE: ...") is left to that rule."""
    per_paragraph: dict[int, int] = {}
    for s in sentences:
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1
    out: dict[int, re.Match[str]] = {}
    for s in sentences:
        if per_paragraph[s.paragraph] != 1 or "\n" in text[s.start : s.end]:
            continue
        m = _LINE.fullmatch(text, s.start, s.end)
        if m is None or (s.index not in furniture and SPEAKER_LINE.match(text, s.start, s.end)):
            continue
        source, body = m.group("src"), m.group("body")
        words = body.split()
        if (
            len(source) > _MAX_SOURCE_CHARS
            or source.lower() in lx.NOT_SPEAKERS
            or notices.is_notice(text[s.start : s.end])
            or len(words) < 3
            or body.rstrip("\"'”’ ").endswith("?")
            or words[0].strip("\"“‘'").lower() in _QUESTION_WORDS
        ):
            continue
        out[s.index] = m
    return out


def found(doc: Any, offset: int, match: re.Match[str]) -> Found | None:
    """The attribution of a parsed "Source: clause" line, or None when the
    phrase is no source or the rest no clause."""
    colon = match.end("src")
    while match.string[colon] != ":":
        colon += 1
    source_tokens = [t for t in doc if offset + t.idx < match.end("src") and not t.is_punct]
    body_tokens = [t for t in doc if offset + t.idx >= match.start("body")]
    if not source_tokens or not body_tokens:
        return None
    if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in source_tokens):
        # "Verizon said in a statement: ...", "According to X: ...": another rule's business
        return None
    # the phrase's own head: "Clinton" in "Clinton to Planned Parenthood",
    # "problem" (no source) in "Another problem for Sanders"
    inside = {t.i for t in source_tokens}
    head = next((t for t in source_tokens if t.head.i not in inside or t.head.i == t.i), source_tokens[-1])
    low = head.lower_
    if not (head.tag_.startswith("NNP") or low in lx.SOURCE_NOUNS or low in _ROLES or low.removesuffix("s") in _ROLES | lx.SOURCE_NOUNS):
        if not head.text[:1].isupper() or not head.tag_.startswith("NN"):
            return None
        # alone before a colon, a capitalised name is often tagged a common noun
        head.tag_ = "NNP"
    if not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in body_tokens):
        return None
    end = match.end("body")
    while match.string[end - 1] in ".;:":  # a standfirst's full stop is not content
        end -= 1
    return Found(
        cue=(colon, colon + 1),
        lemma=":",
        content=(match.start("body"), end),
        source=(match.start("src"), match.end("src")),
        source_head=head,
        rule="headline-colon",
    )
