"""Where a cue verb's arguments are, and what around it is not one.

The parser hangs a reporting verb's words in many places: a that-clause off
the last noun of a phrase of time ("said on Friday during a news conference
that ..."), the argument inside a phrase of occasion ("predicted at the
debate that ..."), the person addressed before the matter ("apologized to
Clinton for ...").  These helpers tell the reporting-verb paths
(``reporting_verbs``) which child is what: a time or occasion (``time_prep``,
``past_occasion``), the addressee (``addressee_pp``, ``names_people``), a
part of an object's content (``obj_tail``), a raising verb whose subject
belongs to its infinitive (``raising``), and the verb PolNeAR's cue starts
from when the cue is its complement (``governing_verb``).
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import TIME_WORDS, ParsedSentence, Token
from claimkit.extractors.rules.parse import coarse

# what "at X" names when it is the occasion or the manner, not the target
# ("said at a rally", "saying at one point", "spoke at length")
OCCASION_WORDS = frozenset(
    "point length times moment outset end start rally event conference briefing hearing debate forum meeting "
    "dinner luncheon breakfast summit speech convention ceremony gathering fundraiser interview campaign".split()
)

# what "in X" names when it is the setting of the words, not part of them
# ("in federal court", "in the past", "in print", "in an effort to")
_IN_SETTING = frozenset(
    "court past print letters appearance appearances order effort case weeks months years days decades hours "
    "public private person writing comments remarks race manner".split()
)


def time_prep(prep: Token) -> bool:
    """"on Monday", "at the time", "at a rally": a time or an occasion, not a cue's argument."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    return bool(obj.lower_ in TIME_WORDS or (prep.lower_ == "at" and obj.lower_ in OCCASION_WORDS))


def misattached_that_clause(verb: Token) -> Any:
    """"said on Friday during a news conference that he may wait": the
    parser hangs the that-clause off the last noun of a prepositional
    phrase as a relative clause, though "that" is its complementizer
    (a relative "that" is the clause's subject or object, not its mark)."""
    for c in verb.children:
        if c.i < verb.i or not (c.dep_ == "prep" or (c.dep_ == "agent" and verb.lower_ in _TOLD_BY)):
            continue
        for t in c.subtree:
            if t.dep_ in {"relcl", "acl"} and coarse(t.head.tag_) == "N" and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == t.left_edge.i for g in t.children):
                return t
            if t.dep_ == "relcl" and _that_with_no_gap(t, c.dep_ == "agent"):
                return t  # "told reporters at a briefing that he had rarely seen staff so demoralised"
    return None


# "had been told by the health office that generators would arrive": after the teller, "that" opens what was told
_TOLD_BY = frozenset("told informed warned assured advised reassured notified".split())


def _that_with_no_gap(clause: Token, subject_enough: bool = False) -> bool:
    """A relative clause opened by "that" that has a subject and an object of its own:
    no gap for "that" to fill, so "that" is a complementizer (after a passive teller,
    ``subject_enough``, a subject of its own is enough)."""
    that = clause.doc[clause.left_edge.i]
    if that.lower_ != "that" or that.head.i != clause.i:
        return False
    subject = any(g.dep_ in {"nsubj", "nsubjpass"} and g.i != that.i for g in clause.children)
    return subject and (subject_enough or any(g.dep_ in {"dobj", "attr", "ccomp"} and g.i != that.i for g in clause.children))


def past_occasion(s: ParsedSentence, tok: Token) -> tuple[int, Any]:
    """The index of the first word after a cue verb that is neither one
    of its particles or adverbs nor inside a phrase of time or occasion
    hung off it ("said at one point", "spoke at length", "asked at a
    briefing Monday"), and the cue's own argument where the parser hung
    it inside that phrase: a that-clause ("predicted at the debate that
    X") or an about-phrase ("asked at a briefing about X")."""
    d = s.doc
    i = tok.i + 1
    while i < len(d):
        t = d[i]
        if t.head.i == tok.i and t.dep_ in {"prt", "advmod"}:
            i += 1
        elif t.head.i == tok.i and t.dep_ == "prep" and time_prep(t):
            obj = next(g for g in t.children if g.dep_ == "pobj")
            for g in obj.subtree:
                if g.head.i == obj.i and g.i > obj.i and ((g.dep_ == "relcl" and g.left_edge.lower_ == "that" and g.left_edge.i == obj.i + 1) or (g.dep_ == "prep" and g.lower_ == "about")):
                    return g.left_edge.i, g
            i = t.right_edge.i + 1
        elif t.head.i == tok.i and t.dep_ == "npadvmod" and t.lower_ in TIME_WORDS:
            i = t.right_edge.i + 1
        else:
            break
    return i, None


def only_particles_between(s: ParsedSentence, tok: Token, j: int) -> bool:
    """Whether every word between ``tok`` and index ``j`` is a particle or
    an adverb of ``tok`` ("tweeting back at", "telling them, “...”")."""
    d = s.doc
    return all(d[k].head.i == tok.i and d[k].dep_ in {"prt", "advmod"} for k in range(tok.i + 1, j))


def addressee_pp(s: ParsedSentence, tok: Token, lemma: str) -> Any:
    """The "to/at/with X" right after a speech verb, its particles and
    adverbs aside: "said to reporters", "tweeting back at him", "lashed
    out at the company"."""
    if lemma not in lx.ADDRESSING_VERBS:
        return None
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ in lx.ADDRESSEE_PREPS:
            if only_particles_between(s, tok, c.i) and any(g.dep_ == "pobj" for g in c.children):
                return c
            return None
    return None


def names_people(prep: Token) -> bool:
    """Whether the object of a preposition is a person, a group or an
    audience (a pronoun, a capitalised name, "reporters", "voters")."""
    obj = next(g for g in prep.children if g.dep_ == "pobj")
    return bool((obj.tag_ == "PRP" and obj.lower_ not in lx.MESSAGE_NOUNS) or (obj.tag_.startswith("NN") and obj.text[:1].isupper()) or obj.lower_ in lx.AUDIENCE_NOUNS)


def raising(tok: Token, lemma: str) -> bool:
    """A verb whose subject belongs to its infinitive: "seems", "appears",
    passive "is expected", "is known"."""
    if lemma in lx.RAISING_VERBS or tok.lower_ in lx.RAISING_FORMS:
        return True
    return lemma in lx.PASSIVE_RAISING_VERBS and any(c.dep_ == "auxpass" for c in tok.children)


def obj_tail(c: Token) -> bool:
    """Whether a child of a cue verb after its object belongs to the
    content: a second object or complement, a to-clause not set off by a
    comma ("praised the efforts of X to find Y"), or a prepositional phrase
    that is not a circumstance ("blamed X for Y", "praised X in support of
    Y", but not "attacked X on Monday" or "claimed X in a tweet"); adverbs
    are left out."""
    if c.dep_ in {"dobj", "attr", "oprd", "xcomp", "ccomp"}:
        return True
    if c.dep_ == "advcl" and c.left_edge.tag_ == "TO" and c.doc[c.left_edge.i - 1].text != ",":
        return True  # "praised the efforts of Kerry to find a political solution"
    if c.dep_ == "prep" and c.lower_ == "in":
        # "in support of", "in the face of", "in expanding": a manner or a
        # respect, part of what is said; "in Iowa", "in 2008", "in a tweet" are not
        obj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
        if obj is None or c.doc[c.i - 1].text == ",":
            return False
        return bool(obj.dep_ == "pcomp" or (obj.tag_ in {"NN", "NNS"} and not any(obj.lower_ in words for words in (TIME_WORDS, _IN_SETTING, lx.STATEMENT_NOUNS, OCCASION_WORDS))))
    return bool(c.dep_ == "prep" and c.lower_ not in lx.CIRCUMSTANCE_PREPS)


def governing_verb(s: ParsedSentence, tok: Token) -> Any:
    """The verb PolNeAR's cue starts from when the cue verb is its
    complement: "went on to say", "refused to say" (an infinitive right
    after it), "issued a statement saying" (a participle on the verb's
    channel-noun object)."""
    h = tok.head
    if h.i == tok.i or h.i > tok.i:
        return None
    infinitive = tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and s.doc[tok.i - 1].lower_ == "to" and s.doc[tok.i - 1].dep_ == "aux")
    if infinitive and coarse(h.tag_) == "V" and tok.i - h.i <= 3:
        between = s.doc[h.i + 1 : tok.i]
        if all(t.dep_ in {"prt", "aux", "neg", "advmod"} and t.head.i in {h.i, tok.i} for t in between):
            return h
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and coarse(h.tag_) == "V":
        # "sent an email saying", parsed with the participle on the verb
        obj = next((c for c in h.children if c.dep_ == "dobj" and c.lower_ in lx.STATEMENT_NOUNS and h.i < c.i < tok.i), None)
        # (a phrase of time may stand between: "issued a statement Thursday, saying")
        if obj is not None and obj.i - h.i <= 4 and (tok.i - obj.i <= 2 or (tok.i - obj.i <= 5 and all(t.is_punct or t.dep_ in {"npadvmod", "compound", "det", "amod", "nummod"} or t.head.dep_ == "npadvmod" for t in s.doc[obj.i + 1 : tok.i]))):
            return h
    if tok.dep_ == "acl" and h.lower_ in lx.STATEMENT_NOUNS and h.dep_ == "dobj" and tok.i - h.i <= 3:
        v = h.head
        if coarse(v.tag_) == "V" and h.i - v.i <= 4:
            return v
    return None
