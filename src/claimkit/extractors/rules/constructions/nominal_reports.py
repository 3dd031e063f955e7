"""Reports carried by a noun or an adjective:

* nominal cues with a possessor ("X's claim that Y"): the possessor is the
  source, the that-clause the content (``nominal``);
* light verb + attitude noun ("expressed hope for Y", "has concerns about
  Y"): the verb and the noun are the cue, the noun's argument the content,
  the verb's subject the source (``light_verb_noun``);
* learned noun and adjective cues ("concerns about X", "is confident that
  X", "X's criticism of Y"): content from the that/to-clause or the
  prepositional object, source from the possessor or the governing verb
  (``argument_cue``).
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import Chars, Found, ParsedSentence, Token
from claimkit.extractors.rules.constructions.subjects import clause_end, source_of
from claimkit.extractors.rules.parse import coarse
from claimkit.normalize.lexicon import NEGATIVE_CUES


def _opens_with_that(clause: Token) -> bool:
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)


def report_clause(noun: Token) -> Token | None:
    """The that-clause of a report noun: its own ("X's claim that Y"), or the
    complement the parser hung on the noun's verb straight after the noun
    ("denied the mayor's allegation that funds were missing")."""
    own = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and _opens_with_that(c)), None)
    if own is not None or noun.dep_ != "dobj":
        return own
    return next((c for c in noun.head.children if c.dep_ == "ccomp" and c.left_edge.i == noun.right_edge.i + 1 and _opens_with_that(c)), None)


def claimed_by_report(clause: Token, lemma: str) -> bool:
    """Whether a that-clause hung on a verb or a preposition's noun is the
    complement of another's report right before it ("denied the mayor's
    allegation that Y", "responded to the residents' complaint that Y"):
    the report's content (``nominal``), not the verb's."""
    first = clause.left_edge.i
    if first == 0 or not _opens_with_that(clause):
        return False
    noun = clause.doc[first - 1]
    if noun.dep_ == "pobj" and noun.head.lower_ in {"by", "from"}:
        noun = noun.head.head  # "claims by fans that Y": the report, past its holder
    return coarse(noun.tag_) == "N" and anothers_report(lemma, noun)


def nominal(s: ParsedSentence, tok: Token) -> Found | None:
    """"X's claim that Y", "the minister's warning that Y"."""
    poss = holder_of_report(tok)
    clause = report_clause(tok) if poss is not None else None
    if poss is None or clause is None or (poss.lower_ in lx.PRONOUNS and poss.lower_ == "its"):
        return None
    content = s.clean(*s.tspan(clause.left_edge.i, clause_end(clause)))  # not ", saying Z" after it: the reporter's
    if content is None:
        return None
    src = s.np_span(poss)
    # drop the possessive 's
    start, end = src
    if s.text[start:end].endswith(("'s", "’s")):
        end -= 2
    return Found(cue=s.tspan(tok.i, tok.i), lemma=tok.lower_, content=s.snap(content), source=(start, end), source_head=poss, rule="nominal")


# what makes "claims" a demand for money
_NOT_SPOKEN = frozenset("insurance compensation benefit benefits unemployment damages warranty expenses injury pension tax refund".split())


def a_money_claim(noun: Token) -> bool:
    """"filed insurance claims", "lodging travel insurance claims": applications for money, not assertions."""
    return any(c.dep_ == "compound" and c.lower_ in _NOT_SPOKEN for c in noun.children)


def anothers_report(lemma: str, noun: Token) -> bool:
    """"rejected Ms Park's claim that Y", "dismissed the union's warning that Y",
    "disputed her claim that Y": a report with a possessor of its own is the
    possessor's (``nominal``), not the verb's subject's attitude; the verb
    takes the whole object.  A pronoun possessor is the subject's own ("repeated
    his claim that Y") unless the verb denies: nobody disputes their own claim.
    "claims by fans that Y" are the fans' as "the fans' claims" are."""
    poss = holder_of_report(noun)
    if poss is None or noun.lower_ not in lx.NOMINAL_CUES:
        return False
    return poss.lower_ not in lx.PRONOUNS or lemma in NEGATIVE_CUES


def holder_of_report(noun: Token) -> Token | None:
    """Whose a report noun is: its possessor ("the union's warning"), or the
    object of its "by" or "from" ("claims by fans", "warnings from doctors")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} and c.i == noun.i + 1), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


def light_verb_noun(s: ParsedSentence, tok: Token, lemma: str, dobj: Token) -> Found | None:
    """Light verb + attitude noun: "expressed hope for Y", "has concerns about Y"."""
    if dobj is None or dobj.lower_ not in lx.CUE_NOUNS or dobj.i <= tok.i:
        return None
    if a_money_claim(dobj) or anothers_report(lemma, dobj):
        return None
    received = _received(s, tok, lemma, dobj) if lemma in RECEIVING else None
    if received is not None:
        return received
    arg = next((c for c in dobj.children if c.dep_ in {"acl", "ccomp", "prep", "relcl"} and c.i > dobj.i), None)
    if arg is None:
        return None
    if arg.dep_ == "prep":
        obj = next((g for g in arg.children if g.dep_ in {"pobj", "pcomp"}), None)
        lo = obj.left_edge.i if obj is not None else arg.i + 1
        hi = arg.right_edge.i
    else:
        lo, hi = arg.left_edge.i, clause_end(arg)
    if hi < lo:
        return None
    content = s.clean(*s.tspan(lo, hi))
    if content is None:
        return None
    src, head = source_of(s, tok)
    cue_lo = s.cue_span(tok)[0]
    return Found(
        cue=(cue_lo, s.tspan(dobj.i, dobj.i)[1]),
        lemma=f"{lemma} {dobj.lower_}",
        content=s.snap(content),
        source=src,
        source_head=head,
        rule="light",
    )


# verbs whose subject receives the attitude ("has drawn criticism from X", "faced condemnation"): X is the source
RECEIVING = frozenset("draw attract generate spark provoke face receive earn win prompt trigger".split())


def _received(s: ParsedSentence, tok: Token, lemma: str, dobj: Token) -> Found | None:
    """"The proposal has drawn harsh criticism from fellow senators": the senators criticised the
    proposal (as PolNeAR marks it: the from-phrase the source, the subject the content); with no
    from-phrase ("The mayor has drawn criticism for the plan") nobody is named."""
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.tag_ in {"PRP", "WDT", "WP"}:
        return None
    frm = next((p for t in (dobj, tok) for p in t.children if p.dep_ == "prep" and p.lower_ == "from" and p.i > dobj.i), None)
    who = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
    return Found(
        cue=(s.cue_span(tok)[0], s.tspan(dobj.i, dobj.i)[1]),
        lemma=f"{lemma} {dobj.lower_}",
        content=s.np_span(subj),
        source=s.np_span(who) if who is not None else None,
        source_head=who,
        rule="light",
    )


def _describes(clause: Token) -> bool:
    """A participle that describes the noun ("a statement read outside the hearing",
    "concerns raised by staff"), not a clause with a subject or a mark of its own."""
    return clause.dep_ == "acl" and clause.tag_ in {"VBN", "VBG"} and not any(c.dep_ in {"mark", "nsubj", "nsubjpass", "aux", "auxpass"} for c in clause.children)


def _argument(s: ParsedSentence, tok: Token) -> tuple[Chars, Any] | None:
    """The content of a noun or adjective cue (its that/to-clause, else the
    object of its preposition) and the preposition the cue takes, if any."""
    kids = list(tok.children)
    content = None
    # not a participle that describes the noun ("a statement read outside the hearing", "concerns raised by staff")
    clause = next((c for c in kids if c.dep_ in {"acl", "ccomp", "xcomp"} and c.i > tok.i and not _describes(c)), None)
    extra = None
    if clause is not None:
        content = s.clean(*s.tspan(clause.left_edge.i, clause_end(clause)), drop_that=True)
    # its own preposition, else ("took a swipe at X", "called attention to
    # X") the one right after it that the parser hangs on its verb
    preps = [next((c for c in kids if c.dep_ == "prep" and c.i > tok.i and c.lower_ in lx.ARG_PREPS), None)]
    if tok.dep_ == "dobj" and coarse(tok.head.tag_) == "V":
        preps.append(next((c for c in tok.head.children if c.dep_ == "prep" and c.i == tok.right_edge.i + 1 and c.lower_ in lx.ARG_PREPS), None))
    for prep in preps:
        if content is not None:
            break
        obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
        if obj is not None:
            content = s.clean(*s.tspan(obj.left_edge.i, obj.right_edge.i), drop_that=False)
            extra = prep
    return (content, extra) if content is not None else None


def _holder(s: ParsedSentence, tok: Token) -> tuple[Chars | None, Any]:
    """Whose the noun or adjective cue is: its possessor, else the subject of
    the verb it hangs off ("expressed concern", "is critical", "has doubts")."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        start, end = s.np_span(poss)
        if s.text[start:end].endswith(("'s", "’s")):
            end -= 2
        return (start, end), poss
    h = tok.head
    if tok.tag_ == "JJ" and tok.dep_ == "amod" and h.tag_ in {"NNS", "NNPS", "NNP"} and h.i < tok.i:
        return s.tspan(h.left_edge.i, h.i), h  # "leaving islanders angry about X": the islanders, not whoever left them so
    climb = tok
    while climb.dep_ in {"dobj", "attr", "acomp", "oprd", "conj", "amod"} and h.i != climb.i and coarse(h.tag_) in {"V", "N"}:
        if coarse(h.tag_) == "V":
            return source_of(s, h)
        climb, h = h, h.head
    return None, None


def argument_cue(s: ParsedSentence, tok: Token) -> Found | None:
    """A learned noun or adjective cue ("criticism of X", "concerns about
    X", "is critical of X", "confident that X"): the content is its
    that-clause, to-clause or prepositional object; the source its
    possessor, its "by" agent, or the subject of the verb it hangs off."""
    got = _argument(s, tok)
    if got is None or a_money_claim(tok):
        return None
    content, extra = got
    src, head = _holder(s, tok)
    lo, hi = tok.i, tok.i
    if extra is not None and extra.i == tok.i + 1:
        hi = extra.i
    # the governing light verb belongs to the cue: "has concerns", "is critical of"
    g = tok.head
    if tok.dep_ in {"dobj", "attr", "acomp"} and coarse(g.tag_) == "V" and g.i < tok.i and tok.i - g.i <= 3:
        lo = s.cue_span(g)[0]
        return Found(cue=(lo, s.tspan(hi, hi)[1]), lemma=tok.lower_, content=s.snap(content), source=src, source_head=head, rule="learned-arg")
    return Found(cue=s.tspan(lo, hi), lemma=tok.lower_, content=s.snap(content), source=src, source_head=head, rule="learned-arg")
