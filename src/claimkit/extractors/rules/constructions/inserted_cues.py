"""A cue phrase set into the clause it reports.

* "The risk, he said, is a clash": a cue inserted as ``parataxis`` takes the
  clause around it (``inserted``);
* "The streets were deserted, he added, but people need to connect": a
  complement clause before the cue goes on after it (``resumed_after_cue``).
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules.constructions.sentence import QUOTE_CHARS, SUBJ, Chars, ParsedSentence, Token
from claimkit.extractors.rules.constructions.subjects import stolen_subject

# what, after "X, he said,", starts the cue's own business (when it was said, who said it) rather than the rest of X; so does any participle
_AROUND_NOT = frozenset("according who which where after before when as".split())


def inserted(s: ParsedSentence, tok: Token) -> Chars | None:
    """"The risk, he said, is a clash": the clause the cue is inserted in.

    The content runs over the whole clause (the inserted "he said" is
    inside it); a left part without the clause's subject ("In the end,
    X said, ...") is left out."""
    h = tok.head
    if h.dep_ in {"aux", "auxpass"} and h.head.i != h.i:
        h = h.head  # 'The minister, she said, was "pouring water ...": the parser hangs the cue on the auxiliary'
    lo, hi = h.left_edge.i, h.right_edge.i
    if s.quotes.at(s.off + s.doc[lo].idx) is not None and s.quotes.at(s.off + s.doc[hi].idx) is None:
        return None
    left = [t for t in s.doc[lo : tok.left_edge.i] if not t.is_punct]
    if stolen_subject(tok) is not None:
        lo = stolen_subject(tok).left_edge.i  # "The bridge, Ms Varga said, was ...": the clause's subject, hung on the cue
    elif not any(t.dep_ in SUBJ or t.dep_ == "expl" for t in left) and not any(t.i == h.i for t in left):
        lo = tok.right_edge.i + 1
    if hi < lo:
        return None
    return s.clean(*s.tspan(lo, hi))


def _reported_by_another(s: ParsedSentence, rest: Any) -> bool:
    """"..., Mr Redfern said, but phone logs showed that no call was made": what
    follows reports another source's account (a cue verb with a subject of its own)."""
    return any(
        t.tag_.startswith("VB") and s.lex.lemma_of(t.lower_, "V") in s.lex.cue_verbs and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
        and any(c.dep_ in {"ccomp", "dobj"} for c in t.children)
        for t in rest
    )


def resumed_after_cue(s: ParsedSentence, tok: Token, ccomp: Token) -> int | None:
    """"The streets were deserted, he added, but people need to connect":
    a clause the cue phrase is set into goes on after it.  Returns the
    end offset of the resumed part, or None."""
    d = s.doc
    last = len(d) - 1
    while last > tok.i and d[last].is_punct:
        last -= 1
    if s.quotes.at(s.off + d[ccomp.left_edge.i].idx) is not None or s.quotes.at(s.off + d[ccomp.right_edge.i].idx) is not None:
        return None  # a quotation: what follows the cue is the writer's narration, or another rule's
    subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
    if subj is None or subj.i > tok.i:
        return None
    j = ccomp.right_edge.i + 1
    while j < tok.i and d[j].is_punct and d[j].text != ",":
        j += 1
    if j >= tok.i or d[j].text != ",":
        return None
    k = next((t.i for t in d[tok.i + 1 : last + 1] if t.text in {",", "—", "–"}), None)
    if k is None or k >= last or any(t.text in {".", "!", "?"} for t in d[tok.i + 1 : k]):
        return None  # '"X," he said. "Y," he added': the cue ends its sentence
    first = next((t for t in d[k + 1 : last + 1] if t.text not in QUOTE_CHARS), None)
    if first is None:
        return None
    if first.lower_ in _AROUND_NOT or first.tag_ == "VBG":
        # "..., he said, adding that ...", "..., citing ...", "..., according to ...": the cue's own business
        return None
    if _speakers_next_act(d, tok, first) or _reported_by_another(s, d[k + 1 : last + 1]):
        return None
    end = s.clean(*s.tspan(first.i, last), drop_that=False)
    return end[1] if end is not None else None


def _speakers_next_act(d: Any, tok: Token, first: Token) -> bool:
    """"..., he said, but declined to comment on ...": a verb joined to the cue
    with no subject of its own tells what the speaker did next; it resumes
    nothing ("..., he added, but people need to connect" does)."""
    verb = d[first.i + 1] if first.dep_ == "cc" and first.i + 1 < len(d) else first
    return bool(verb.dep_ == "conj" and verb.head.i == tok.i and verb.tag_.startswith("VB") and not any(c.dep_ in SUBJ for c in verb.children))
