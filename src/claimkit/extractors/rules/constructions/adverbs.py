"""Adverb cues ("reportedly", "allegedly", ``lexicon.ADVERB_CUES``): the
clause of the verb the adverb modifies is the content, from its subject on;
the source is not named (``lexicon.UNNAMED_ADVERB_SOURCE``).
"""

from __future__ import annotations

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import SUBJ, Found, ParsedSentence, Token
from claimkit.extractors.rules.parse import coarse


def adverb(s: ParsedSentence, tok: Token) -> Found | None:
    """The record of an adverb cue at ``tok``, or None when it modifies no verb."""
    head = tok.head
    if head.i == tok.i or coarse(head.tag_) != "V":
        return None
    subj = next((c for c in head.children if c.dep_ in SUBJ), None)
    lo = subj.left_edge.i if subj is not None else min(tok.i, head.i)
    content = s.clean(*s.tspan(lo, head.right_edge.i))
    if content is None:
        return None
    return Found(
        cue=s.tspan(tok.i, tok.i),
        lemma=tok.lower_,
        content=s.snap(content),
        source=None,
        source_head=None,
        rule="adverb",
        fixed_source=lx.UNNAMED_ADVERB_SOURCE,
    )
