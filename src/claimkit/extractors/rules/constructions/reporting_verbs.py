"""Reporting verbs: "X said (that) Y", "Y, X said", "X, adding Y".

The cue verb's ``nsubj`` subtree is the source (climbing through
conj/xcomp/advcl/relcl when the verb has none: ``subjects``); the content is
read by the first of these paths that finds one, in this order (the path's
name ends the record's rule, "verb:ccomp", for error analysis):

1. ``ccomp``: the complement clause ("said that Y", "asked if Y"), with a
   second that-clause or a colon's list, or "Y, he added, but Z" around it;
2. ``for``: a for-to clause ("called for all candidates to Y");
3. ``xcomp`` / ``raising``: an infinitive ("urged him to resign"; "X seems to
   Y", attributed to no one in particular);
4. ``raising``: "X seemed rattled";
5. ``para-left``: the clause a verb hangs off as ``parataxis`` ("Y, the paper
   said, including Z");
6. ``inserted``: "The risk, he said, is a clash" (``inserted_cues``);
7. ``ccomp`` / ``prep`` inside an occasion: "predicted at the debate that Y",
   "asked at a briefing about Y";
8. ``matter``: what a verb addressed to someone was about ("apologized to
   Clinton for Y");
9. ``adjq``: an adjacent quotation (``quotation_content``);
10. ``as``: "as X reported on Monday, Y" (``verb_fallbacks``);
11. ``final``: "Y, his aide told The Huffington Post." (``closing_cues``);
12. ``obj`` / ``prep``: the object, or the first prepositional argument, to
    the verb's right ("blamed X for Y", "called for Y");
13. ``answer``: a one-word answer ("46 percent said yes");
14. ``fallback``: a learned cue's passive subject, modified noun, as-clause or
    relative pronoun (``verb_fallbacks``);
15. ``final``: a cue phrase closing the sentence after a comma;
16. ``right``: a learned cue's first argument on the right ("lashed out over
    Y").

Before the paths, four verb constructions give a whole record of their own:
a sentence-final "the board announced" misparsed as a noun's participle
(``closing_cues.final_report``), "made (it) clear that Y" (``make_clear``),
"Y has exasperated X" (``stimulus``), and a light verb with an attitude noun
(``nominal_reports.light_verb_noun``).

After them, ``_assemble`` makes the record: the source (none for a raising
verb, the closing phrase's subject for ``final``), the cue with the verb that
governs it ("went on to say", "issued a statement saying"), and the content
grown over a quotation resumed after the cue or in the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.closing_cues import final_report, preceding_clause
from claimkit.extractors.rules.constructions.inserted_cues import inserted, resumed_after_cue
from claimkit.extractors.rules.constructions.nominal_reports import claimed_by_report, light_verb_noun
from claimkit.extractors.rules.constructions.quotation_content import (
    adjacent_quote,
    continue_paragraphs,
    continue_quote,
)
from claimkit.extractors.rules.constructions.sentence import (
    QUOTE_CHARS,
    REL_WORDS,
    SUBJ,
    TIME_WORDS,
    Chars,
    Found,
    ParsedSentence,
    Token,
)
from claimkit.extractors.rules.constructions.subjects import (
    ccomp_end,
    right_complement,
    source_of,
    speakers_aside,
    swallowed_subject,
)
from claimkit.extractors.rules.constructions.verb_arguments import (
    addressee_pp,
    governing_verb,
    misattached_that_clause,
    names_people,
    obj_tail,
    past_occasion,
    raising,
    time_prep,
)
from claimkit.extractors.rules.constructions.verb_fallbacks import fallback_content
from claimkit.extractors.rules.parse import coarse

_MAKE_CLEAR_VERBS = frozenset({"make"})
_MAKE_CLEAR_ADJS = frozenset({"clear", "plain", "known"})
XCOMP_OBJ = True
RAISING = True
GOVERNING = True
PARA_AROUND = True
CCOMP_AROUND = True
_PARA_AFTER_NOT = frozenset({"cc", "conj", "advcl", "mark", "parataxis", "advmod", "npadvmod"})
_CLAUSE_BREAK = re.compile(r"[:;]| [—–-]+ ")
# where or when, not what: "spoke from the East Room", "after the debate"
_PLACE_PREPS = frozenset("from after into before between at".split())


@dataclass
class VerbCue:
    """A cue verb and what the paths read around it."""

    tok: Token
    lemma: str
    learned: bool | None  # the cue model's verdict; None without the model (the lexicon decides)
    kids: list[Token]
    has_subj: bool = False
    addressed: set[int] = field(default_factory=set)  # objects that are the person addressed, and ``placeholder``
    placeholder: set[int] = field(default_factory=set)  # "it" of "as X put it"
    target: Any = None  # "to/at/with X" right after a speech verb
    to_whom: Any = None  # ``target`` when it names people
    near: int = 0  # the first word past particles and phrases of time or occasion
    inner: Any = None  # the argument the parser hung inside such a phrase
    has_obj: bool = False  # an object or argument of its own to the right


@dataclass
class Reading:
    """What one path read: the content (None when the path applied but found
    none), the path's name, and the source a closing cue phrase names.

    ``extra`` is a word right of the verb the cue takes ("called for", "lashed
    out at"); a path that sets it (``takes_extra``) sets it for the paths after
    it too, even when it finds no content itself."""

    content: Chars | None
    path: str
    extra: Any = None
    takes_extra: bool = False
    source: Any = None


def make_clear(s: ParsedSentence, tok: Token, lemma: str, kids: list[Token]) -> Found | None:
    """"made (it) clear that ...": the adjective belongs to the cue."""
    if lemma not in _MAKE_CLEAR_VERBS:
        return None
    adj = next((c for c in kids if c.lower_ in _MAKE_CLEAR_ADJS and c.dep_ in {"ccomp", "oprd", "acomp", "xcomp", "dobj"} and tok.i < c.i <= tok.i + 2), None)
    clause = next((c for c in kids if c.dep_ == "ccomp" and adj is not None and c.i > adj.i), None)
    if adj is None or not (adj.right_edge.i > adj.i or clause is not None):
        return None
    hi = adj.right_edge.i if adj.right_edge.i > adj.i else clause.right_edge.i  # type: ignore[union-attr]
    content = s.clean(*s.tspan(adj.i + 1, hi))
    if content is None:
        return None
    src, head = source_of(s, tok)
    cue = (s.cue_span(tok)[0], s.tspan(adj.i, adj.i)[1])
    return Found(cue=cue, lemma=f"{lemma} {adj.lower_}", content=s.snap(content), source=src, source_head=head, rule="make-clear")


def stimulus(s: ParsedSentence, tok: Token, lemma: str, kids: list[Token], dobj: Token) -> Found | None:
    """"Such negativity has exasperated Mr. Obama": the one who feels it is
    the source, what makes them feel it the content."""
    if lemma not in lx.STIMULUS_SUBJECT_VERBS or dobj is None or dobj.i <= tok.i or coarse(dobj.tag_) not in {"N", "O"}:
        return None
    subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < tok.i and c.lower_ not in REL_WORDS and c.lower_ != "that"), None)
    if subj is None or any(c.dep_ in {"ccomp", "prt"} for c in kids):  # not "rattled off"
        return None
    content = s.clean(*s.np_span(subj), drop_that=False)
    if content is None:
        return None
    return Found(cue=s.cue_span(tok), lemma=lemma, content=s.snap(content), source=s.np_span(dobj), source_head=dobj, rule="stimulus")


def verb(s: ParsedSentence, tok: Token, lemma: str, learned: bool | None = None) -> Found | None:
    """The record of a cue verb, or None.  ``learned``: whether the cue model
    scored the verb above its threshold (None: no model; the learned
    lexicon's cue verbs are cues).  A verb the model scores below its
    threshold (a light verb: "expressed hope for Y") is read by the
    constructions before the paths only."""
    if tok.dep_ in {"amod", "compound", "aux", "auxpass"}:
        return None
    final = final_report(s, tok, lemma)
    if final is not None:
        return final
    kids = list(tok.children)
    found = make_clear(s, tok, lemma, kids)
    if found is not None:
        return found
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    found = stimulus(s, tok, lemma, kids, dobj)
    if found is None:
        found = light_verb_noun(s, tok, lemma, dobj)
    if found is not None:
        return found
    if learned is False or (learned is None and lemma not in s.lex.cue_verbs):
        return None
    v = _surroundings(s, VerbCue(tok, lemma, learned, kids))
    reading = _content(s, v)
    return _assemble(s, v, reading) if reading is not None else None


def _surroundings(s: ParsedSentence, v: VerbCue) -> VerbCue:
    """Fill in who is addressed, what is time or occasion and whether the
    verb has an object of its own.  A verb with an object of its own
    ("blamed X", "pledged Y") takes the object, not a quotation after it (or
    one before it, unless the quote is the usual "...," she told reporters),
    nor the clause an "as"-clause hangs off ("as he answered questions, he ...")."""
    tok, lemma, kids = v.tok, v.lemma, v.kids
    v.has_subj = any(c.dep_ in SUBJ for c in kids)
    v.addressed = {c.i for c in kids if lemma in lx.ADDRESSEE_VERBS and c.dep_ in {"dobj", "dative"} and c.lower_ not in lx.MESSAGE_NOUNS}
    # "as X put it, Y", "X put it this way: Y": "it" stands for the quoted words
    v.placeholder = {c.i for c in kids if lemma in lx.PUT_IT_VERBS and c.dep_ == "dobj" and c.lower_ == "it"}
    v.addressed |= v.placeholder
    # "said to People", "tweeting at him": the person addressed is not the content
    v.target = addressee_pp(s, tok, lemma)
    v.to_whom = v.target if v.target is not None and names_people(v.target) else None
    # "spoke at length about X", "saying at one point, “...”": where the argument starts
    v.near, v.inner = past_occasion(s, tok)
    if v.inner is not None and v.inner.dep_ == "relcl" and any(c.lower_ in {"so", "such"} for c in kids):
        v.inner = None  # "so revered at the time that ...": a result, not what was said
    v.has_obj = any(
        c.i > tok.i and c.i not in v.addressed and (v.to_whom is None or c.i != v.to_whom.i) and (c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ in lx.PREP_CUES and not time_prep(c) and (c.i <= tok.i + 2 or c.i == v.near)))
        for c in kids
    )
    return v


# ------------------------------------------------------------------ paths
def _complement_clause(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"said (that) Y", "asked workers if Y", "Y, he added, but Z"."""
    tok, kids = v.tok, v.kids
    swallowed = swallowed_subject(tok)  # "X, who ..., said Y" misparsed: Y is the right-hand clause
    ccomp = (
        (right_complement(tok) if swallowed is not None else None)
        or next((c for c in kids if c.dep_ == "ccomp"), None)
        or misattached_that_clause(tok)
        or _addressee_that_clause(v)
    )
    if ccomp is not None and claimed_by_report(ccomp, v.lemma):
        return None  # "denied the mayor's allegation that Y": the verb's content is the whole report (``_object_args``)
    if ccomp is None and v.lemma in lx.QUESTION_VERBS:
        # "asked workers if they planned to attend": the parser makes the question an adverbial clause
        ccomp = next((c for c in kids if c.dep_ == "advcl" and c.i > tok.i and any(g.dep_ == "mark" and g.lower_ in {"if", "whether"} for g in c.children)), None)
    if ccomp is None:
        return None
    hi = ccomp_end(s, tok, ccomp)
    # "said X, but that he would not Y": a second that-clause the parser conjoins to the cue verb
    if ccomp.i > tok.i:
        conj = next((c for c in kids if c.dep_ == "conj" and c.i > hi and coarse(c.tag_) == "V" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if conj is not None:
            hi = conj.right_edge.i
        # "said he knew two of the men: A, who ..., and B": what follows the colon spells the clause out
        d = s.doc
        if hi + 2 < len(d) and d[hi + 1].text == ":" and not s.quotes.at(s.off + d[hi + 2].idx):
            hi = len(d) - 1
    content = s.clean(*s.tspan(_after_the_occasion(v, ccomp, _subject_hung_on_the_cue(v, ccomp)), hi))
    content = _quotation_resumed(s, tok, content)
    if CCOMP_AROUND and content is not None and ccomp.i < tok.i:
        end = resumed_after_cue(s, tok, ccomp)
        if end is not None:
            content = (content[0], end)
    return Reading(content, "ccomp")


_TIME_WORDS = TIME_WORDS | lx.MONTHS  # "said on Wednesday", "said in March"


def _after_the_occasion(v: VerbCue, ccomp: Token, lo: int) -> int:
    """"said on Wednesday it would cut sailings", "said last week the plant would
    close": a time straight after the cue, before the clause's subject, is when it
    was said (the parser hangs it on the clause); the clause starts after it."""
    d = v.tok.doc
    if ccomp.i < v.tok.i or lo != v.tok.i + 1:
        return lo
    first = d[lo]
    lead = next((c for c in ccomp.children if c.i == lo or c.left_edge.i == lo), None)
    subj = next((c for c in ccomp.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if lead is None or subj is None or lead.dep_ not in {"prep", "npadvmod"} or lead.right_edge.i >= subj.left_edge.i:
        return lo
    words = {t.lower_ for t in lead.subtree}
    if (lead.dep_ == "prep" and first.lower_ not in {"on", "in", "at"}) or not words & _TIME_WORDS:
        return lo
    return int(lead.right_edge.i) + 1


def _quotation_resumed(s: ParsedSentence, tok: Token, content: Chars | None) -> Chars | None:
    """'"The country has set itself targets," she said, "that it cannot meet."':
    a quotation the cue interrupts, which the parser split into a clause before
    the cue and a complement after it, is one content from the first quote mark."""
    if content is None or tok.dep_ != "parataxis" or tok.head.i > tok.i:
        return content
    before = s.quotes.at(s.off + tok.head.left_edge.idx)
    after = s.quotes.at(content[0])
    if before is None or after is None or before is after or before.end > s.off + tok.idx:
        return content
    if any(ch in ".!?" for ch in s.text[s.off + tok.idx : after.start]):
        return content  # '"X," he said. "Y," he added': two sentences, two records
    return (before.start, content[1])


def _subject_hung_on_the_cue(v: VerbCue, ccomp: Token) -> int:
    """Where the reported clause starts. "said a fault at a plant in Belgium had
    held up 400,000 doses", "said about one in five of its members had no doses
    left": the parser may hang the clause's subject on the cue (an object or a
    prepositional phrase) and leave the clause without one; the words between
    the cue and the clause are then its subject."""
    tok, lo = v.tok, ccomp.left_edge.i
    if ccomp.i < tok.i or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in ccomp.children) or (ccomp.tag_ not in {"VBD", "VBZ", "VBP", "MD"} and not any(
        c.dep_ in {"aux", "auxpass"} and c.i < ccomp.i for c in ccomp.children
    )):
        return lo
    gap = [c for c in v.kids if tok.i < c.i < lo and c.dep_ in {"dobj", "prep"} and c.i not in v.addressed]
    if not gap or gap[0].left_edge.i != tok.i + 1 or any(t.is_punct or t.lower_ == "that" for t in tok.doc[tok.i + 1 : lo]):
        return lo
    return tok.i + 1


def _addressee_that_clause(v: VerbCue) -> Any:
    """"told a meeting of passenger groups that the cuts were temporary": the
    parser hangs the that-clause off the person addressed as a relative clause,
    though "that" is its complementizer (it opens the clause: a relative "that"
    is its subject or object, not its mark)."""
    for c in v.kids:
        if c.i not in v.addressed:
            continue
        for t in c.subtree:
            if t.dep_ in {"relcl", "acl"} and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == t.left_edge.i for g in t.children):
                return t
            if t.dep_ == "relcl" and (_no_gap_after_that(t) or _told_a_hearing_that(t)):
                return t
    return None


_BE = frozenset("be is are was were been being".split())


def _told_a_hearing_that(clause: Token) -> bool:
    """"told the hearing that the bolts had sheared": after an audience ("the hearing",
    "the jury") a clause opened by "that" with a subject of its own is what was told."""
    that = clause.doc[clause.left_edge.i]
    subject = any(g.dep_ in {"nsubj", "nsubjpass"} and g.i != that.i for g in clause.children)
    return that.lower_ == "that" and that.head.i == clause.i and subject and clause.head.lower_ in lx.AUDIENCE_NOUNS


def _no_gap_after_that(clause: Token) -> bool:
    """"told a briefing that none of the aircraft had been in danger": a
    "that" the parser reads as the relative clause's object, where the clause
    has a subject of its own and no room for an object (a form of "be", a
    passive, an object or complement already there), is its complementizer."""
    that = clause.doc[clause.left_edge.i]
    if that.lower_ != "that" or that.head.i != clause.i:
        return False
    if not any(g.dep_ in {"nsubj", "nsubjpass", "expl"} and g.i != that.i for g in clause.children):
        return False
    filled = any(g.dep_ in {"dobj", "attr", "acomp", "ccomp", "auxpass", "oprd"} and g.i != that.i for g in clause.children)
    return clause.lower_ in _BE or filled


def _for_to_clause(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"called for all candidates to lay out their plans": a for-to clause the parser makes adverbial."""
    tok = v.tok
    forcl = next((c for c in v.kids if c.dep_ == "advcl" and c.i > tok.i and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark" and c.left_edge.i <= tok.i + 2), None)
    if forcl is None or forcl.left_edge.i >= forcl.right_edge.i:
        return None
    content = s.clean(*s.tspan(forcl.left_edge.i + 1, forcl.right_edge.i), drop_that=False)
    return Reading(content, "for", extra=forcl.left_edge, takes_extra=True)


def _infinitive(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"urged him to resign", "asked the campaign to stop": the object is the
    infinitive's subject; "X seemed to Y", "X is expected to Y": X to Y is the
    content, the source is unnamed."""
    tok, kids = v.tok, v.kids
    xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > tok.i), None)
    if xcomp is None:
        return None
    lo = xcomp.left_edge.i
    obj = next((c for c in kids if c.dep_ in {"dobj", "dative"} and tok.i < c.i < xcomp.i), None)
    if XCOMP_OBJ and obj is not None and obj.right_edge.i < xcomp.left_edge.i:
        lo = obj.left_edge.i
    subj = next((c for c in kids if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)
    path = "xcomp"
    if RAISING and subj is not None and raising(tok, v.lemma):
        lo = subj.left_edge.i
        path = "raising"
    return Reading(s.clean(*s.tspan(lo, xcomp.right_edge.i), drop_that=False), path)


def _raising_complement(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"X seemed rattled": X and the complement, attributed to no one in particular."""
    tok, kids = v.tok, v.kids
    if not (RAISING and (v.lemma in lx.RAISING_VERBS or tok.lower_ in lx.RAISING_FORMS)):
        return None
    subj = next((c for c in kids if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)
    comp = next((c for c in kids if c.dep_ in {"acomp", "oprd", "attr"} and c.i > tok.i), None)
    if subj is None or comp is None:
        return None
    return Reading(s.clean(*s.tspan(subj.left_edge.i, comp.right_edge.i), drop_that=False), "raising")


def _but_a_clause(after: list[Token]) -> bool:
    """Whether what follows a cue set after its clause is "but" and a clause
    with a subject of its own (the speaker's point going on)."""
    return (
        len(after) >= 2 and after[0].dep_ == "cc" and after[0].lower_ == "but"
        and after[1].dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in after[1].children)
    )


def _reports_its_own(verb: Token) -> bool:
    """"..., Ms Hale said, but blood tests showed that he had been drinking": a
    clause that reports another source's account (a reporting verb with a
    complement clause) is no part of the speaker's."""
    return verb.dep_ == "conj" and verb.lower_ in _REPORTING_FORMS and any(c.dep_ == "ccomp" for c in verb.children)


_REPORTING_FORMS = frozenset(
    "said says showed shows found finds revealed reveals suggested suggests insisted insists claimed claims told tells "
    "argued argues warned warns confirmed confirms denied denies reported reports".split()
)


def _clause_before(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"Y, the paper said.": the clause a verb hangs off as ``parataxis``;
    "Y, the paper said, including Z": the clause goes on after the cue."""
    tok = v.tok
    if tok.dep_ not in {"parataxis"} or tok.head.i >= tok.i:
        return None
    h = tok.head
    lo = h.left_edge.i
    hi = tok.left_edge.i - 1
    after = [c for c in h.children if c.i > tok.right_edge.i and not c.is_punct]
    if any(_reports_its_own(c) for c in after):
        after = []  # what follows is another source's account
    if PARA_AROUND and after and after[0].dep_ not in _PARA_AFTER_NOT and h.right_edge.i > tok.right_edge.i + 1:
        hi = h.right_edge.i
    elif PARA_AROUND and _but_a_clause(after):
        hi = h.right_edge.i  # "Traders and cyclists both had a point, she said, but the council should have ...": her point goes on
    if hi < lo:
        return None
    return Reading(s.clean(*s.tspan(lo, hi)), "para-left")


def _inserted(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"The risk, he said, is a clash": the clause the cue is inserted in."""
    if v.tok.dep_ != "parataxis" or v.tok.head.i <= v.tok.i:
        return None
    return Reading(inserted(s, v.tok), "inserted")


def _inside_occasion(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"predicted at the debate that X", "asked at a briefing about X": the
    parser hangs the argument off the occasion."""
    inner = v.inner
    if inner is None:
        return None
    content = s.clean(*s.tspan(inner.left_edge.i if inner.dep_ == "relcl" else inner.i, inner.right_edge.i), drop_that=inner.dep_ == "relcl")
    return Reading(content, "ccomp" if inner.dep_ == "relcl" else "prep")


def _matter(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"apologized to Clinton for the incident", "lashed out at the company
    over Y": what it was about."""
    target = v.target
    if target is None:
        return None
    matter = next((c for c in v.kids if c.dep_ == "prep" and c.i > target.right_edge.i and c.lower_ in lx.MATTER_PREPS and c.right_edge.i > c.i), None)
    if matter is None:
        return None
    content = s.clean(*s.tspan(matter.i, matter.right_edge.i), drop_that=False)
    return Reading(content, "matter", extra=target, takes_extra=True)


def _adjacent_quotation(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """A quotation right before or after the cue, past the person addressed
    and a phrase of occasion; a verb with an object of its own takes only
    the usual "...," she told reporters."""
    heard = v.addressed - v.placeholder
    if v.to_whom is not None:
        heard = heard | {v.to_whom.i}
    content = adjacent_quote(s, v.tok, before=not v.has_obj, after=not v.has_obj, before_here=v.has_obj and v.has_subj, addressed=heard, skip_to=v.near)
    return Reading(content, "adjq")


def _as_clause(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"as X reported on Monday, Y": Y."""
    tok = v.tok
    if not (v.learned and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.kids) and not v.has_obj):
        return None
    return Reading(fallback_content(s, tok), "as")


def _closing_after_addressee(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"Y, his aide told The Huffington Post.": the clause before, not the one addressed."""
    if not (v.addressed - v.placeholder or v.to_whom is not None):
        return None
    return _closing_clause(s, v)


def _objects(s: ParsedSentence, v: VerbCue, first: Token) -> Reading:
    """The verb's first object and what belongs with it ("blamed X for Y")."""
    lo = first.left_edge.i
    small = v.lemma in lx.SMALL_CLAUSE_VERBS  # "polls show Johnson at 10 percent"
    hi = max(c.right_edge.i for c in v.kids if c.i >= first.i and (obj_tail(c) or (small and c.dep_ in {"prep", "advmod", "acomp", "npadvmod", "oprd", "xcomp"})))
    return Reading(s.clean(*s.tspan(lo, hi), drop_that=False), "obj")


def _preposition(s: ParsedSentence, v: VerbCue, p: Token) -> Reading | None:
    """The object of the verb's first prepositional argument ("called for Y")."""
    obj = next((g for g in p.children if g.dep_ in {"pobj", "pcomp"}), None)
    if obj is None:
        return None
    hi = obj.right_edge.i
    # "referred to X as Y": the predicate belongs to the content
    as_pp = next((c for c in v.kids if c.dep_ == "prep" and c.lower_ == "as" and c.i == hi + 1), None)
    if as_pp is not None:
        hi = as_pp.right_edge.i
    # "called for the deal's suspension in response to X", "pushed for action to Y"
    hi = max([hi] + [c.right_edge.i for c in v.kids if c.i > hi and obj_tail(c) and (c.dep_ != "prep" or c.lower_ == "in")])
    return Reading(s.clean(*s.tspan(obj.left_edge.i, hi), drop_that=False), "prep", extra=p, takes_extra=True)


def _object_args(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """The verb's object, else its first prepositional argument, to its right."""
    tok = v.tok
    args = [c for c in v.kids if c.i > tok.i and c.dep_ in {"dobj", "prep", "attr", "oprd", "dative"} and c.i not in v.placeholder]
    args = [c for c in args if not (c.dep_ == "prep" and (c.lower_ not in lx.PREP_CUES or time_prep(c)))]
    objs = [c for c in args if c.dep_ in {"dobj", "attr", "oprd"}]
    preps = [c for c in args if c.dep_ == "prep"]
    if objs:
        return _objects(s, v, objs[0])
    if preps and (preps[0].i <= tok.i + 2 or preps[0].i == v.near):
        return _preposition(s, v, preps[0])
    return None


def _short_answer(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"46 percent said yes", "experts said so", "26 percent said the same",
    "Sorry, Sanders said.": a one-word answer is the content."""
    tok = v.tok
    ans = next(
        (c for c in v.kids if c.lower_ in lx.SHORT_ANSWERS and c.dep_ in {"intj", "advmod", "dobj", "nsubj", "attr", "npadvmod", "acomp"} and (tok.i < c.i <= tok.i + 2 or (c.dep_ == "intj" and c.left_edge.i == 0))),
        None,
    )
    if ans is None:
        return None
    return Reading(s.clean(*s.tspan(ans.left_edge.i, ans.right_edge.i), drop_that=False), "answer")


def _fallback(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """A learned cue without a complement (``verb_fallbacks``)."""
    return Reading(fallback_content(s, v.tok), "fallback") if v.learned else None


def _closing_clause(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """"Y, said Jane Roe, a spokeswoman." (``closing_cues``)."""
    got = preceding_clause(s, v.tok)
    if got is None:
        return None
    content, src = got
    return Reading(content, "final", source=src)


def _right_argument(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """A learned cue no other rule could read ("lashed out over X", "feel
    betrayed by X"): its first argument on the right."""
    tok = v.tok
    if not (v.learned and tok.dep_ in {"ROOT", "conj", "ccomp", "relcl", "advcl"}):
        return None
    right = [c for c in v.kids if c.i > tok.i and c.dep_ in {"prep", "acomp", "oprd", "attr", "advcl", "dobj", "xcomp"} and not (c.dep_ == "prep" and (time_prep(c) or c.lower_ in _PLACE_PREPS))]
    if not right:
        return None
    first = right[0]
    content = s.clean(*s.tspan(first.i if first.dep_ != "prep" else first.i + 1, first.right_edge.i), drop_that=False)
    return Reading(content, "right", extra=first if first.dep_ == "prep" and first.i <= tok.i + 2 else None, takes_extra=True)


_PATHS: tuple[Callable[[ParsedSentence, VerbCue], Reading | None], ...] = (
    _complement_clause,
    _for_to_clause,
    _infinitive,
    _raising_complement,
    _clause_before,
    _inserted,
    _inside_occasion,
    _matter,
    _adjacent_quotation,
    _as_clause,
    _closing_after_addressee,
    _object_args,
    _short_answer,
    _fallback,
    _closing_clause,
    _right_argument,
)


def _content(s: ParsedSentence, v: VerbCue) -> Reading | None:
    """The first path's reading that has a content, with the cue's extra word
    as the paths before it left it."""
    extra = None
    for path in _PATHS:
        got = path(s, v)
        if got is None:
            continue
        if got.takes_extra:
            extra = got.extra
        if got.content is not None:
            return replace(got, extra=extra)
    return None


# --------------------------------------------------------------- assembly
def _assemble(s: ParsedSentence, v: VerbCue, reading: Reading) -> Found | None:
    """The record: source, cue (from a governing verb: "went on to say") and
    content (grown over a quotation resumed after the cue or in the next
    paragraph)."""
    tok, lemma, learned = v.tok, v.lemma, v.learned
    content = reading.content
    assert content is not None
    fixed = None
    if speakers_aside(tok):
        src, head = source_of(s, tok)  # "X denied that Y, saying Z": X, not Y's subject
    elif reading.source is not None:
        src, head = s.np_span(reading.source), reading.source
    elif reading.path == "raising":
        src, head = None, None
        fixed = _writers_impression(v)
    else:
        src, head = source_of(s, tok)
    if src is None and s.lex.verb_prob(lemma) < 0.5 and lemma not in lx.EXTRA_VERBS and not learned:
        return None
    cue = s.cue_span(tok, reading.extra)
    gov = governing_verb(s, tok) if GOVERNING else None
    if gov is not None:
        cue = (min(cue[0], s.cue_span(gov)[0]), cue[1])
    if content[1] <= cue[0] and s.text[content[0]] not in QUOTE_CHARS and s.quotes.at(content[0]) is None and _CLAUSE_BREAK.search(s.text, content[1], cue[0]):
        # "Most voters were worried; a third said they were very worried": the
        # clause before a colon, semicolon or spaced dash is not what the later cue reports
        after = [t.i for t in s.doc[tok.i : tok.right_edge.i + 1] if s.off + t.idx >= cue[1] and not t.is_punct]
        content = s.clean(*s.tspan(after[0], after[-1])) if after else None
        if content is None:
            return None
    return Found(
        cue=cue,
        lemma=lemma,
        content=continue_paragraphs(s, continue_quote(s, s.snap(content), cue), cue),
        source=src,
        source_head=head,
        rule="verb:" + reading.path,
        fixed_source=fixed,
    )


def _writers_impression(v: VerbCue) -> str | None:
    """"The report appears to support X", "Residents seem divided": "seem"
    and "appear" with nobody they seem to are the writer's impression, not an
    unnamed source's ("is expected to", "is said to" are others')."""
    if not (v.lemma in lx.RAISING_VERBS or v.tok.lower_ in lx.RAISING_FORMS):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children) for c in v.kids):
        return None  # "seemed to the inspectors to be"
    return lx.AUTHOR_SOURCE
