"""Who speaks: the source of a cue verb.

The source is the verb's ``nsubj`` (or ``csubj``) subtree, else the object of
its passive "by" agent.  A verb without a subject of its own climbs to the
verb it hangs off (through conj, xcomp, advcl, ccomp, dep: "X said Y and
criticized Z", "X refused to say", "after saying ..."); a relative clause's
verb takes the noun it modifies; a verb right after a closing quotation takes
its inverted subject ("“...,” added a local fisherman.").

``ccomp_end`` lives here too: where a complement clause stops decides both
what a verb reports and which later verbs are still the speaker's.
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import QUOTE_CHARS, SUBJ, Chars, ParsedSentence, Token
from claimkit.extractors.rules.parse import coarse
from claimkit.extractors.rules.sources.plural_subjects import PEOPLE_NOUNS


def ccomp_end(s: ParsedSentence, verb: Token, ccomp: Token) -> int:
    """The last token of a complement clause, without a conjoined verb
    that has no subject of its own and is itself a reporting verb: in
    "said X was wrong and criticized him", "criticized" is the speaker's
    second act, though the parser hangs it off the complement.  A light
    verb ("and expressed hope for Y") is left in: it is as often the
    complement subject's own act."""
    hi: int = ccomp.right_edge.i
    if ccomp.i < verb.i:
        return hi
    for other in verb.children:  # "said the agency had ignored evidence that a pill she bought was contaminated":
        if other.dep_ == "ccomp" and other.i > ccomp.i and other.left_edge.i == hi + 1 and not other.doc[hi + 1].is_punct:
            hi = other.right_edge.i  # a second complement the parser split off the first, with nothing between, is its end
    aside = speakers_participle(ccomp)
    if aside is not None:
        hi = aside.i - 2  # "denied that ministers had ignored warnings, saying ...": the denial ends at the comma
    effect = next((c for c in ccomp.children if c.i > ccomp.i and effect_participle(c)), None)
    if effect is not None:
        hi = min(hi, effect.i - 2)  # "said the bridge would close, prompting fears of gridlock": the writer's, after the comma
    own = next((g.lower_ for g in ccomp.children if g.dep_ in SUBJ), None)
    for c in ccomp.children:
        if c.dep_ != "conj" or c.i < ccomp.i or coarse(c.tag_) != "V":
            continue
        subj = next((g for g in c.children if g.dep_ in SUBJ), None)
        if subj is not None:
            # "said the real extremist is Clinton, and he railed against ...":
            # after a comma, a clause about "he"/"she" that the complement is
            # not about is the writer's, not the speaker's
            if subj.lower_ in {"he", "she"} and own != subj.lower_ and c.left_edge.i > 1 and s.doc[subj.i - 2].text == "," and s.doc[subj.i - 1].dep_ == "cc":
                return int(subj.i) - 3
            continue
        lemma = s.lex.lemma_of(c.lower_, "V")
        if (lemma not in s.lex.cue_verbs or lemma in lx.LIGHT_VERBS) and not _speakers_second_act(verb, ccomp, c):
            continue
        if any(g.dep_ == "auxpass" for g in c.children):
            continue  # "said the union had asked for the papers and had been refused": what befell the subject
        cut = c.left_edge.i
        cc = [g for g in ccomp.children if g.dep_ == "cc" and g.i < c.i]
        if cc:
            cut = min(cut, cc[-1].i)
        if cut - 1 >= ccomp.i:  # "said no decision had been made and warned ...": the clause may end at its verb
            return int(cut) - 1
    return hi


def conjoined_report(s: ParsedSentence, verb: Token) -> bool:
    """"said X was weak and urged the jury to acquit": a reporting verb that
    ``ccomp_end`` cut off the complement it is conjoined to is the speaker's
    second report, a cue whatever the cue model makes of a verb inside a
    content."""
    h = verb.head
    if verb.dep_ != "conj" or h.dep_ != "ccomp" or h.head.i >= h.i:
        return False
    if verb.tag_ != h.head.tag_ or any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
        return False  # "said it had discovered the breach and had told the police": the aux is shared, part of what was said
    lemma = s.lex.lemma_of(verb.lower_, "V")
    return lemma in s.lex.cue_verbs and lemma not in lx.LIGHT_VERBS and ccomp_end(s, h.head, h) < verb.i


def _speakers_second_act(verb: Token, ccomp: Token, conj: Token) -> bool:
    """"said there was no sign of fraud but fined the board": a subjectless
    conjunct in the cue verb's own tense cannot share the complement's
    expletive "there", so it is the speaker's next act, whatever the verb.
    (A complement with a subject of its own is ambiguous: "said its orders
    had grown and now made up a third of sales" goes on with the orders.)"""
    if conj.tag_ not in {"VBD", "VBZ", "VBP"} or conj.tag_ != verb.tag_ or any(g.dep_ in {"aux", "auxpass"} for g in conj.children):
        return False
    return any(g.dep_ == "expl" and g.lower_ == "there" for g in ccomp.children)


# verbs by which an event stirs feelings or questions in others
_STIRRING = frozenset("raise spark prompt fuel stoke trigger heighten revive renew".split())


def effect_participle(verb: Token) -> bool:
    """"..., the ministry said, raising fears of long queues", "The firm cut its
    forecast, raising concerns about jobs", "said the bridge would close,
    prompting fears of gridlock": a participle of a stirring verb, set off by
    a comma, with a bare attitude noun ("fears", not "its fears") about a noun
    phrase is the writer's account of what the clause before brought about,
    neither a cue nor part of a content.  With a clause ("raising fears that
    the violence will spread", "raising questions about whether ...") PolNeAR
    marks a cue, and so do we."""
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or noun is None or lx.learned().lemma_of(verb.lower_, "V") not in _STIRRING:
        return False
    if any(_opens_clause(t) for t in noun.subtree):
        return False  # "raising fears that the final would be postponed", "raising questions about whether ..."
    if any(c.dep_ in {"nsubj", "mark", "poss"} for c in [*verb.children, *noun.children]):
        return False  # "while raising questions about X" (the subject's own act), "raising its concerns"
    return verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _opens_clause(t: Token) -> bool:
    """Whether a word starts or heads a clause: a mark, a wh-word, or a verb with a subject."""
    return t.dep_ == "mark" or t.tag_ in {"WDT", "WP", "WRB"} or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in t.children)


_SPEAKING = frozenset("saying adding arguing insisting noting explaining claiming warning stressing".split())


def reporting_verb_of(clause: Token) -> Token | None:
    """The verb whose report a clause is: the head of a complement ("denied
    that Y"), or the verb that governs a noun the clause completes ("denied
    the allegation that Y", "rejected claims that Y", "disputed his claim
    that Y")."""
    if clause.dep_ == "ccomp":
        return clause.head if coarse(clause.head.tag_) == "V" else None
    if clause.dep_ != "acl" or not any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return None
    node = clause.head
    if coarse(node.tag_) != "N":
        return None
    while node.dep_ in {"pobj", "prep", "conj", "appos"} and node.head.i != node.i and coarse(node.head.tag_) != "V":
        node = node.head  # "responded to the claim that Y": up through the preposition to the verb
    if node.dep_ not in {"dobj", "pobj", "prep", "conj", "appos", "attr"}:
        return None
    return node.head if coarse(node.head.tag_) == "V" else None


def speakers_participle(ccomp: Token) -> Token | None:
    """"X denied that Y, saying Z", "X denied the allegation that Y, insisting Z":
    a speech participle after a comma that the parser hung on the reported
    clause; it is the reporter's (X's) second act, not part of Y."""
    if reporting_verb_of(ccomp) is None:
        return None
    return next(
        (
            c for c in ccomp.children
            if c.dep_ == "advcl" and c.i > ccomp.i and c.lower_ in _SPEAKING and c.i >= 2 and c.doc[c.i - 1].text == ","
            and not any(g.dep_ in SUBJ for g in c.children)
        ),
        None,
    )


def clause_end(clause: Token) -> int:
    """The last token of a reported clause, before a speech participle of the reporter's."""
    aside = speakers_participle(clause)
    return int(aside.i) - 2 if aside is not None else int(clause.right_edge.i)


def speakers_aside(verb: Token) -> bool:
    """Whether ``verb`` is the speech participle ``speakers_participle`` finds on its head."""
    aside = speakers_participle(verb.head) if verb.dep_ == "advcl" else None
    return aside is not None and aside.i == verb.i  # spaCy makes a new Token at every access: compare positions


def _misparsed_subject(s: ParsedSentence, verb: Token) -> tuple[Chars, Any] | None:
    """A subject the parser split in two: a hyphenated noun, or a noun and the name after it."""
    split = _split_subject(verb)
    if split is not None:
        first, last = split  # "the co-founders said": a hyphenated noun the parser split into three subjects
        # with the name in apposition to it ("Her co-counsel, Marcus Abernathy, said")
        return (s.tspan(first.left_edge.i, last.i)[0], s.np_span(last, before=verb.i)[1]), last
    named = _name_after_its_noun(verb)
    if named is not None:
        noun, name = named  # "The charity Physicians for Human Rights said": the parser made both subjects
        return (s.tspan(noun.left_edge.i, name.right_edge.i)[0], s.np_span(name, before=verb.i)[1]), name
    det = _determiner_of_a_verb(verb)
    if det is not None:
        return s.tspan(det.i, verb.i - 1), verb.doc[verb.i - 1]  # "The 44-year-old added that ...": the words before it
    return None


def _determiner_of_a_verb(verb: Token) -> Any:
    """A determiner the parser hung off a finite verb with no subject ("The 44-year-old added":
    "added" read as the noun of "The ... old"), opening the sentence or a clause: no verb takes
    one, so the words from it to the verb are the subject."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children):
        return None
    det = next((c for c in verb.children if c.dep_ == "det" and c.i < verb.i - 1), None)
    if det is None or (det.i > 0 and not verb.doc[det.i - 1].is_punct):
        return None
    return det


def source_of(s: ParsedSentence, verb: Token, depth: int = 0) -> tuple[Chars | None, Any]:
    """The source span of a cue verb and its head token, or (None, None)."""
    reporter = reporting_verb_of(verb.head) if depth < 4 and speakers_aside(verb) else None
    if reporter is not None:
        return source_of(s, reporter, depth + 1)  # "X denied that Y, saying Z": X says Z
    stolen = stolen_subject(verb)
    shaped = _misparsed_subject(s, verb)
    if shaped is not None:
        return shaped
    direct = _direct_subject(s, verb, stolen)
    if direct is not None:
        return direct
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj" and g.lower_ not in _TIMES:  # not "would have been declared by teatime"
                    return s.np_span(g), g
    held = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if verb.lower_ in _STANCES else None
    if held is not None:
        return s.np_span(held, before=verb.i), held  # "Economists are divided on whether caps work": the economists
    swallowed = swallowed_subject(verb) or _named_as_a_slogan(verb)
    if swallowed is not None:
        if swallowed.i > 0 and swallowed.doc[0].dep_ == "advcl" and swallowed.doc[0].head.i == verb.i:
            return s.tspan(0, swallowed.i), swallowed  # "Keep Brackenford Moving, which ..., said"
        return s.np_span(swallowed, before=verb.i), swallowed
    if verb.lower_ in _TOLD and any(c.dep_ == "nsubjpass" for c in verb.children):
        return None, None  # "as customers were told to pay in cash": they were told, by nobody named
    h = verb.head
    if depth < 4 and verb.dep_ == "conj" and h.dep_ == "ccomp" and h.head.i < h.i and ccomp_end(s, h.head, h) < verb.i:
        # "said X was wrong and criticized him": the subject of "said"
        return source_of(s, h.head, depth + 1)
    if depth < 4 and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.i != verb.head.i:
        return _conjoined_speaker(s, verb, depth)
    if depth < 4 and verb.dep_ in {"conj", "xcomp", "advcl", "ccomp", "dep"} and verb.head.i != verb.i:
        if verb.dep_ == "ccomp" and verb.i > verb.head.i:
            return None, None
        if _asked_of_the_speaker(verb):
            return None, None  # "Asked whether ..., she said": she was asked; who asked is not named
        return source_of(s, verb.head, depth + 1)
    # "after saying ...", "by suggesting ...": the subject of the verb the preposition hangs off
    if depth < 4 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and coarse(verb.head.head.tag_) == "V":
        return source_of(s, verb.head.head, depth + 1)
    if verb.dep_ == "acl" and (verb.tag_ in {"VBD", "VBZ"} or _past_with_that(verb)) and verb.head.dep_ == "ROOT" and verb.head.tag_.startswith("NN") and verb.head.i < verb.i:
        # "Its chairman, Felix Marr, called on ...": a finite verb the parser hangs on the sentence's noun is its predicate
        return s.np_span(verb.head, before=verb.i), verb.head
    described = _described_noun(s, verb)
    if described[1] is not None:
        return described
    # "“...,” added a local fisherman.": the parser reads the inverted subject as an object
    if depth == 0 and after_quote(s, verb):
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative", "attr"} and c.i > verb.i and coarse(c.tag_) == "N"), None)
        if obj is not None:
            return s.np_span(obj), obj
        subj = inverted_clause_subject(verb)
        if subj is not None:
            return s.np_span(subj), subj
    return None, None


_TIMES = lx.CALENDAR | frozenset(
    "noon midnight teatime lunchtime dawn dusk tonight tomorrow today morning evening afternoon night weekend end deadline then".split()
)


def _direct_subject(s: ParsedSentence, verb: Token, stolen: Any) -> tuple[Chars, Any] | None:
    """The verb's own subject, or a name the parser hung off it or ran into a phrase before it."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"} and (stolen is None or c.i != stolen.i)]
    if subjects:
        subj = _next_to_the_verb(subjects, verb)
        unclosed = _unclosed_apposition(subj, verb)
        if unclosed is not None:
            return s.np_span(unclosed, before=verb.i), unclosed
        return _subject(s, subj, verb)
    loose = loose_name_subject(verb)
    if loose is not None:
        return s.np_span(loose, before=verb.i), loose
    fronted = _subject_in_a_fronted_phrase(verb)
    if fronted is not None:
        return s.tspan(fronted.i, verb.i - 1), fronted  # "In a letter to Aránguiz, Riquelme and four other deputies wrote"
    return None


def _subject_in_a_fronted_phrase(verb: Token) -> Any:
    """A verb with no subject after an opening prepositional phrase whose object the parser
    ran on, past a comma, into the subject ("In a letter to Aránguiz, Riquelme and four other
    deputies wrote": "Riquelme" read as a second addressee): the first word after that comma."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == 0), None)
    if prep is None or prep.right_edge.i != verb.i - 1:
        return None
    commas = [t for t in verb.doc[prep.i : verb.i] if t.text == ","]
    first = verb.doc[commas[-1].i + 1] if commas else None
    if first is None or first.dep_ != "conj" or not (first.tag_.startswith("NNP") or first.tag_ == "NNS"):
        return None
    return first


def _unclosed_apposition(subj: Token, verb: Token) -> Any:
    """"In a statement signed by her adviser, Mr. Ikenna Eze, the commissioner said": a name after a
    comma with a description in apposition that no comma closes before the verb; the name ends the
    phrase before it, and the description is the subject."""
    if not subj.tag_.startswith("NNP") or subj.left_edge.i == 0 or verb.doc[subj.left_edge.i - 1].text != ",":
        return None
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i and c.tag_ in {"NN", "NNS"}), None)
    if appos is None or appos.right_edge.i != verb.i - 1 or not any(d.dep_ == "det" and d.lower_ == "the" for d in appos.children):
        return None
    return appos


def _next_to_the_verb(subjects: list[Token], verb: Token) -> Token:
    """Of two subjects the parser gave one verb, the one right before it when a comma closes the
    first and none the second ("In a statement signed by her adviser, Mr. Chuka Eberechi, the
    commissioner said": the commissioner; "Chuka Eberechi, the adviser, said" keeps the name)."""
    last = subjects[-1]
    if len(subjects) < 2 or last.right_edge.i != verb.i - 1 or last.i < verb.i - 4:
        return subjects[0]
    first = subjects[0]
    between = verb.doc[first.right_edge.i + 1 : last.left_edge.i]
    return last if any(t.text == "," for t in between) and first.tag_.startswith("NNP") and not last.tag_.startswith("NNP") else subjects[0]


def _described_noun(s: ParsedSentence, verb: Token) -> tuple[Chars | None, Any]:
    """The noun a participle or relative clause describes, as its speaker ("the spokesman who said")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.lower_ in _DOCUMENT_OR_PEOPLE and verb.head.dep_ != "dobj":
        # "A petition calling for a footbridge", "an email claiming that ...": the noun the participle describes
        # (not one issued: "issued a statement calling ..." is the issuer's)
        return s.np_span(verb.head, before=verb.i), verb.head
    if verb.dep_ == "relcl" and verb.head.tag_.startswith("NN"):
        h = verb.head
        return s.tspan(h.left_edge.i, h.i), h
    return None, None


# nouns that can carry a message a participle describes ("a petition calling for", "protesters demanding")
_DOCUMENT_OR_PEOPLE = lx.DOCUMENT_HEADS | PEOPLE_NOUNS


def _subject(s: ParsedSentence, subj: Token, verb: Token) -> tuple[Chars, Any]:
    """The span and head of a verb's own subject."""
    adjective = _adverb_read_as_noun(subj)
    if adjective is not None:
        return s.tspan(subj.left_edge.i, adjective.i), adjective  # "The 54-year-old later said": not "later"
    return _with_name_before(s, subj, s.np_span(subj, before=verb.i)), subj


def _adverb_read_as_noun(subj: Token) -> Token | None:
    """"The 54-year-old later said": the parser may make the adverb after a
    nominal adjective the subject's head, with the article and the adjective
    hung off it; the subject is the adjective, the adverb no part of it."""
    if subj.tag_ not in {"RB", "RBR"} or not subj.n_lefts:
        return None
    lefts = list(subj.lefts)
    if lefts[0].dep_ != "det" or lefts[-1].tag_ != "JJ" or lefts[-1].i != subj.i - 1:
        return None
    return lefts[-1]


def _past_with_that(verb: Token) -> bool:
    """"Sen. Walt Hennessey, a Democrat ..., posted on social media that he had ...": a past
    form the tagger read as a participle, with a "that" clause of its own, is the predicate."""
    return verb.tag_ == "VBN" and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in verb.children)


_LOOSE_DEPS = frozenset({"dep", "npadvmod", "nmod"})
# passive forms whose subject is the addressee, not the speaker
_TOLD = frozenset("told informed advised warned asked instructed urged notified reminded".split())


def _with_name_before(s: ParsedSentence, subj: Token, span: Chars) -> Chars:
    """"Greenway Buses said": the parser may hang the first word of a name off
    the verb ("Greenway" as dep) and make only "Buses" the subject; proper nouns
    right before a proper-noun subject, hung off something outside it, are part
    of the name."""
    if not subj.tag_.startswith("NNP"):
        return span
    d = subj.doc
    lo = subj.left_edge.i
    first = lo
    while first > 0 and d[first - 1].tag_ in {"NNP", "NNPS"} and d[first - 1].dep_ in _LOOSE_DEPS and not d[first - 1].is_ancestor(subj):
        first -= 1
    if first == 1 and d[1].tag_ in {"NNP", "NNPS"} and name_opener(d[0]):
        first = 0  # "Born Free Westbrook, a local branch ..., claimed": the name's first word read as a verb
    return span if first == lo else (d[first].idx + s.off, span[1])


def _named_as_a_slogan(verb: Token) -> Token | None:
    """"Keep Brackenford Moving, which has campaigned ..., said": a campaign named by an
    imperative ("Keep", "Save", "Stop") that the parser read as a clause of the verb with
    no subject; the name's last word (the imperative's proper-noun object) heads the source."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in verb.children):
        return None
    first = verb.doc[0]
    if first.dep_ != "advcl" or first.head.i != verb.i or first.tag_ != "VB" or not first.is_title:
        return None
    obj = next((c for c in first.children if c.dep_ == "dobj" and c.tag_ in {"NNP", "NNPS"}), None)
    return obj if obj is not None and all(t.is_title or t.tag_.startswith("NNP") for t in verb.doc[1 : obj.i + 1]) else None


def name_opener(tok: Token) -> bool:
    """Whether the sentence's first word, capitalised, alone and read as a verb or
    an adjective, opens the proper name after it ("Born Free Westbrook", "Save
    Kelvin Park"; not "Although", "What", "Automobile manufacturer", "Say")."""
    return (
        tok.i == 0 and tok.is_title and not list(tok.children) and tok.tag_ in {"VBN", "VBG", "VB", "JJ"}
        and tok.lower_ not in lx.OPENING_WORDS and tok.lower_ not in _SPEECH
    )


_SPEECH = frozenset("say tell ask note add claim argue insist warn suggest imagine consider remember".split())


# participles that tell what their subject holds, not what was done to it
_STANCES = frozenset("divided split".split())


def _asked_of_the_speaker(verb: Token) -> bool:
    """"Asked whether ...", "When asked ...", "Being asked ...": a passive "asked" set before the clause of the one asked."""
    # a subjectless "Asked" the tagger read as a past tense (VBD) is the participle all the same
    passive = verb.tag_ in {"VBN", "VBD"} or any(c.dep_ == "auxpass" for c in verb.children)
    return verb.dep_ == "advcl" and passive and verb.lower_ == "asked" and verb.i < verb.head.i and not any(c.dep_ == "nsubj" for c in verb.children)


def _conjoined_speaker(s: ParsedSentence, verb: Token, depth: int) -> tuple[Chars | None, Any]:
    """The subject of the clause a conjoined verb hangs off, unless that is a thing: "the firm
    accepted that a leak had happened but denied that ...": the firm denied, not the leak."""
    got = source_of(s, verb.head, depth + 1)
    return source_of(s, verb.head.head, depth + 1) if got[1] is not None and _a_thing(got[1]) else got


def _a_thing(head: Token) -> bool:
    """A lower-case common noun no source is named by ("a leak", "the plan")."""
    if not head.tag_.startswith("NN") or not head.text.islower():
        return False
    low = head.lower_
    nouns = lx.speaker_nouns()
    return not (low in nouns or low.removesuffix("s") in nouns or low + "s" in nouns)


def _split_subject(verb: Token) -> tuple[Any, Any] | None:
    """The first and last of several subjects of one verb that stand side by side,
    joined by hyphens with no space ("co-founders", "vice-president", "co-counsel")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) < 2:
        return None
    words = verb.doc[subjects[0].i : subjects[-1].i + 1]
    subject_at = {t.i for t in subjects}
    joined = all(t.i in subject_at or t.text == "-" for t in words) and not any(t.whitespace_ for t in words[:-1])
    if not joined or not any(t.text == "-" for t in words):
        return None
    return subjects[0], subjects[-1]


def _name_after_its_noun(verb: Token) -> tuple[Any, Any] | None:
    """Two subjects of one verb, a common noun and a proper name straight after it
    ("The charity Physicians for Human Rights said"): the name is the noun's."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2:
        return None
    noun, name = subjects
    if not noun.tag_.startswith("NN") or noun.tag_.startswith("NNP") or not name.tag_.startswith("NNP") or name.left_edge.i != noun.i + 1:
        return None
    return noun, name


def loose_name_subject(verb: Token) -> Any:
    """"Greenway disputes those figures": a finite verb with no subject, right
    after a proper name the parser hung off it as a modifier, has that name
    for its subject."""
    if verb.tag_ not in {"VBZ", "VBD", "VBP", "VBN"} or any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass"} for c in verb.children):
        return None
    if verb.tag_ == "VBN" and verb.dep_ != "ROOT":
        return None
    name = next((c for c in verb.children if c.dep_ in _LOOSE_DEPS and c.tag_ in {"NNP", "NNPS"} and c.right_edge.i == verb.i - 1), None)
    if name is None:
        name = _name_read_as_adverb(verb)
    if name is None or (name.left_edge.i != 0 and verb.doc[name.left_edge.i - 1].dep_ not in {"cc", "punct"}):
        return None  # a name opening the sentence or a clause, not "On Monday Greenway ..."
    return name


def _name_read_as_adverb(verb: Token) -> Any:
    """"Dashly rejected claims that ...": a capitalised word opening the sentence,
    straight before a verb that has no subject, which the parser read as an
    adverb for its "-ly" (an adverb there would be followed by a comma)."""
    first = verb.doc[0] if verb.i == 1 else None
    if first is None or first.tag_ != "RB" or first.dep_ != "advmod" or first.head.i != verb.i or not first.text[:1].isupper() or not first.text.endswith("ly"):
        return None
    return first


def swallowed_subject(verb: Token) -> Any:
    """"Marta Ilves, who runs an orchard higher up the valley, said her trees
    were safe": the parser may hang the name and its relative clause off a
    misread clause before the verb ("higher ...") and make what follows a
    second complement.  With a complement clause on each side of a verb that
    has no subject, the left one's subject, a name with a relative clause or
    an apposition, is the verb's (the right clause, with a subject of its own,
    is what was said: ``right_complement``)."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in verb.children) or right_complement(verb) is None:
        return None
    left = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    subj = next((c for c in left.children if c.dep_ == "nsubj" and c.i < left.i), None) if left is not None else None
    if subj is None or subj.tag_ not in {"NNP", "NNPS"} or not any(g.dep_ in {"relcl", "appos"} for g in subj.children):
        return None
    return subj


def stolen_subject(verb: Token) -> Any:
    """"The bridge, Ms Varga said, was never designed for lorries": the parser
    may give an inserted cue verb two subjects; the first, set off by a comma
    from the second, is the subject of the clause the cue is set into."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i]
    if verb.dep_ != "parataxis" or len(subjects) < 2:
        return None
    first, second = subjects[0], subjects[-1]
    between = verb.doc[first.i + 1 : second.left_edge.i]
    return first if any(t.text == "," for t in between) else None


def right_complement(verb: Token) -> Any:
    """The complement clause after ``verb`` when it has one before it too, and a subject of its own."""
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    right = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if right is None or not any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in right.children):
        return None
    return right


def after_quote(s: ParsedSentence, verb: Token) -> bool:
    """A finite verb right after a closing quotation and its comma ("...,” said)."""
    d = s.doc
    return bool(verb.tag_ in {"VBD", "VBZ", "VBP"} and verb.i >= 2 and d[verb.i - 1].text in QUOTE_CHARS + "''" and d[verb.i - 2].text in {",", "?", "!"})


def inverted_clause_subject(verb: Token) -> Any:
    """"“...,” said Jo Roe, who ... yet endorsed Y.": the parser makes the
    inverted subject the subject of a clause it hangs off the verb."""
    if any(c.dep_ in SUBJ for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i:
            subj = next((g for g in c.children if g.dep_ in SUBJ and g.left_edge.i == verb.i + 1 and coarse(g.tag_) == "N"), None)
            if subj is not None:
                return subj
    return None
