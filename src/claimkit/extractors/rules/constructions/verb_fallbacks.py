"""The content of a learned verb cue without a complement, from where the
verb stands rather than from what it governs:

* "X was reported by Y": the passive subject;
* "the plan described by Y": the noun phrase the participle modifies;
* "as Y reported, X" / "X, as Y reported": the clause the cue hangs off;
* "the allegations, which Y denies": the relative pronoun (the extractor
  writes what it stands for as the statement); "the style he prefers": the
  noun phrase a bare relative clause modifies.
"""

from __future__ import annotations

from claimkit.extractors.rules.constructions.sentence import REL_WORDS, Chars, ParsedSentence, Token
from claimkit.extractors.rules.parse import coarse

RELCL_HEAD = True


def _relative_clause_content(s: ParsedSentence, tok: Token) -> Chars | None:
    """"the allegations, which Y denies": the relative pronoun; "the style he
    prefers", "something they aren't proposing": the noun phrase."""
    h = tok.head
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < tok.i and c.lower_ in {"which", "that", "what"}), None)
    if obj is not None:
        return s.tspan(obj.i, obj.i) if len(obj.text) >= 2 else None
    rel = [t for t in tok.subtree if t.lower_ in REL_WORDS or t.lower_ == "that" or t.tag_ in {"WDT", "WP", "WP$"}]
    if RELCL_HEAD and not rel and coarse(h.tag_) == "N" and h.i < tok.i:
        lo = h.left_edge.i
        if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.i < h.i:
            lo = h.head.head.left_edge.i  # "the sort of change the party warned about"
        hi = tok.left_edge.i - 1
        if hi >= lo:
            return s.clean(*s.tspan(lo, hi), drop_that=False)
    return None


def fallback_content(s: ParsedSentence, tok: Token) -> Chars | None:
    """Content of a learned verb cue without a complement:

    * "X was reported by Y": the passive subject;
    * "the plan described by Y": the noun phrase the participle modifies;
    * "as Y reported, X" / "X, as Y reported": the clause the cue hangs off
      ("A, as Y reported, B": all of it, the as-clause inside);
    * "the allegations, which Y denies": the relative pronoun."""
    kids = list(tok.children)
    subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if subj is not None:
        # "X is widely seen as Y": the subject with what it is seen as
        comp = next((c for c in kids if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "as"), None)
        if comp is not None and subj.i < tok.i:
            return s.clean(*s.tspan(subj.left_edge.i, comp.right_edge.i), drop_that=False)
        return s.clean(*s.np_span(subj), drop_that=False)
    h = tok.head
    if tok.dep_ == "acl" and h.i < tok.i and coarse(h.tag_) == "N" and (tok.tag_ == "VBN" or any(c.dep_ == "agent" for c in kids)):
        return s.clean(*s.tspan(h.left_edge.i, tok.left_edge.i - 1), drop_that=False) if tok.left_edge.i > h.left_edge.i else None
    if tok.dep_ == "advcl" and h.i != tok.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
        lo, hi = tok.left_edge.i, tok.right_edge.i
        if lo <= h.left_edge.i:
            span = (hi + 1, h.right_edge.i)
        elif hi < h.right_edge.i - 1:
            span = (h.left_edge.i, h.right_edge.i)
        else:
            span = (h.left_edge.i, lo - 1)
        if span[1] >= span[0]:
            return s.clean(*s.tspan(*span))
    if tok.dep_ == "relcl":
        return _relative_clause_content(s, tok)
    return None
