"""Views and polls named by a phrase that opens the sentence:

* "In a CNN poll released Monday, Clinton led by ten points": the poll is the
  source, "In" the cue and the clause after the comma the content
  (``in_poll``);
* "To Sexton, Tuesday marked a turning point": the clause is the view of the
  people the opening phrase names (``view_of``).
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import TIME_WORDS, Found, ParsedSentence, Token


def opening_phrase(s: ParsedSentence, tok: Token) -> Any:
    """The object of a prepositional phrase that opens the sentence (after
    at most a conjunction or an adverb) and ends with a comma, or None."""
    d = s.doc
    if tok.dep_ != "prep" or any(not (t.is_punct or t.dep_ in {"cc", "advmod"}) for t in d[: tok.i]):
        return None
    end = tok.right_edge.i
    if end + 2 >= len(d) or d[end + 1].text != ",":
        return None
    return next((c for c in tok.children if c.dep_ == "pobj"), None)


def view_of(s: ParsedSentence, tok: Token) -> Found | None:
    """"To Sexton, Tuesday marked a turning point": the clause is the view
    of the people the opening phrase names.  "For X, Y" is left alone: in
    PolNeAR train it is an attribution less than half the time."""
    pobj = opening_phrase(s, tok)
    if pobj is None or pobj.lower_ in TIME_WORDS:
        return None
    if not (pobj.tag_ in {"NNP", "NNPS", "NNS"} or (pobj.tag_ == "PRP" and pobj.lower_ not in lx.MESSAGE_NOUNS) or pobj.lower_ in lx.VIEW_HOLDER_WORDS):
        return None
    content = s.outside(tok.i, tok.right_edge.i)
    if content is None:
        return None
    return Found(cue=s.tspan(tok.i, tok.i), lemma=tok.lower_, content=s.snap(content), source=s.np_span(pobj), source_head=pobj, rule="view")


def in_poll(s: ParsedSentence, tok: Token) -> Found | None:
    """"In a CNN poll released Monday, Clinton led by ten points": the poll
    is the source, "In" the cue and the clause after the comma the
    content.  Only at the start of the sentence: "Cruz came second in
    January polls" is annotated in PolNeAR train only now and then."""
    pobj = opening_phrase(s, tok)
    if pobj is None:
        return None
    head = pobj
    if pobj.lower_ in {"average", "series", "number"}:
        # "in an average of recent polls"
        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((g for g in of.children if g.dep_ == "pobj"), pobj) if of is not None else pobj
    if head.lower_ not in lx.POLL_NOUNS:
        return None
    content = s.outside(tok.i, tok.right_edge.i)
    if content is None:
        return None
    return Found(cue=s.tspan(tok.i, tok.i), lemma="in", content=s.snap(content), source=s.np_span(pobj), source_head=pobj, rule="poll")
