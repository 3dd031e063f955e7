"""Whether a rule's finding conveys content: a cue introduces what a source
says, writes, believes, intends, finds or shows, not an event its subject
takes part in.

The constructions find a cue word and read a content around it; several of
their readings take a plain argument for the content (``verb:obj``: "discussed
the plan", ``verb:prep``: "complained about a smell", ``verb:xcomp``:
"declined to comment", ``verb:right``: "pleaded guilty").  Such a reading is
a record only when it can carry a message.  It cannot when

* the verb names an activity, a visit or a deliberation and its argument is
  not a clause (``lexicon.ACTIVITY_VERBS``: "the team toured the plant", "she
  chaired the meeting", "they considered adapting the lessons"); a noun
  ("Trump's view of NATO") is no such verb, and viewing or considering with a
  predicate is a belief ("viewed them as rivals", "is considered a threat");
* "recall" of goods or an envoy ("recalls pouches", "recalled 40,000 teddy
  bears", "recalled its ambassador"): a withdrawal, not a memory;
* a passive verb of giving with a plain object and no agent ("have been
  offered a rise"): a thing received;
* the verb says that nothing was conveyed: a negated speech verb with a plain
  argument ("did not name the stores", "would not discuss the deal", "showed
  no reaction"), a speech verb whose object is only "nothing", "little" or
  "much" ("has said nothing since the vote"; "said little about the injury"
  has a content) or "declined/refused to comment" (``NO_CONTENT_SPEECH``);
  or it is a plea in court ("pleaded guilty"; "pleading with voters for their
  support" is a message);
* a participle of effect set off by a comma ("..., raising fears of long
  queues", "..., sparking concerns about jobs"): the writer's account of what
  the clause before brought about, unless the noun takes a clause;
* its subject is a thing that cannot speak ("the homes care for 640 people",
  "the AI tutor asks questions"): a common noun the source classes do not
  know (``lexicon.SOURCE_NOUNS``), unless the content is a clause ("the
  harbour master is convinced that ...");
* a noun's object names only when or where the message went ("a statement on
  Friday", "a post on social media");
* "according to" names a manner, not a source ("going according to
  schedule": a bare singular noun, ``ACCORDING_IDIOMS``);
* a passive "is (not) expected" has only a noun for its content and no agent
  ("A decision is not expected before 2027": the author's own expectation).

The subject check learns from PolNeAR train which common nouns head a
source; the other checks are the project's definition of a cue, which is
narrower than PolNeAR's (its annotators also mark "discussed X", "declined
to comment" and "pleaded guilty"): on the held-out fifth of train they cost
cue recall (docs/attribution-rules.md has the numbers).

A clause, a quotation, a that/whether/wh-complement or an infinitive of a
speech or intention verb conveys content, and these readings are kept
whatever the verb.
"""

from __future__ import annotations

import re

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.no_message import no_message
from claimkit.extractors.rules.constructions.nominal_reports import RECEIVING, a_money_claim
from claimkit.extractors.rules.constructions.sentence import TIME_WORDS, Found, ParsedSentence, Token
from claimkit.extractors.rules.constructions.subjects import effect_participle
from claimkit.extractors.rules.parse import coarse
from claimkit.extractors.rules.sources.plural_subjects import PEOPLE_NOUNS
from claimkit.extractors.rules.sources.words import BODY_NOUNS, NOT_NAMED, PERSON_DESCRIPTORS

# readings whose content is the verb's plain argument rather than a clause or quotation
ARGUMENT_PATHS = frozenset({"verb:obj", "verb:prep", "verb:right", "verb:matter", "verb:xcomp", "verb:fallback", "learned-arg", "light"})
# readings where the verb's own subject must be able to speak
_SUBJECT_PATHS = frozenset({"verb:obj", "verb:prep", "verb:right"})
# what someone declines, refuses or fails to do when they convey nothing
NO_CONTENT_SPEECH = frozenset(
    "comment say discuss elaborate speak answer respond confirm disclose name specify detail reveal identify "
    "report mention talk address explain show give provide release".split()
)
# "according to X" that means "in keeping with X"
ACCORDING_IDIOMS = frozenset("schedule plan tradition custom script protocol form design expectation expectations".split())
_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "advcl", "relcl", "acl", "xcomp", "pcomp"})
_NEGATIVE_DETS = frozenset({"no", "neither"})
_QUANTITIES = frozenset({"nothing", "little", "much"})  # what a speaker says when the object is no content
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_JUDGING = frozenset({"view", "consider", "regard", "see"})
_TOPIC_PREPOSITIONS = frozenset({"about", "over", "on", "regarding", "concerning"})


# what a person asked a question may do instead of answering it
_GESTURES = frozenset("shrug smile laugh pause nod sigh grin wince hesitate frown blush chuckle giggle grimace".split())


def _answered_by_a_gesture(s: ParsedSentence, tok: Token) -> bool:
    """Whether a fronted "Asked ..." hangs off a gesture ("shrugged", "smiled"),
    the main verb of the one asked."""
    head = tok.head
    # "she smiled and said it was fine": an answer after all
    answered = any(c.dep_ == "conj" and c.tag_.startswith("VB") for c in head.children)
    return tok.dep_ == "advcl" and tok.i < head.i and s.lex.lemma_of(head.lower_, "V") in _GESTURES and not answered


def _it_is_hard_to(tok: Token) -> bool:
    """A cue verb as the infinitive after "it is" and an adjective ("too early to say", "hard to tell")."""
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    verb = tok.head.head if tok.head.tag_ == "JJ" else tok.head
    subject_it = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)
    return subject_it and any(c.dep_ == "acomp" and c.tag_ == "JJ" for c in verb.children)


def conveys(s: ParsedSentence, tok: Token, f: Found) -> bool:
    """Whether ``f``, the finding of the cue word ``tok``, conveys content (module docstring)."""
    if inference_adjunct(tok):
        return False  # ", indicating that ...": a conclusion drawn from the clause before, nobody's message
    if _effect_participle(tok, f):
        return False  # ", raising fears of long queues": the writer's account of an effect, nobody's message
    if _it_is_hard_to(tok):
        return False  # "it was far too early to say so", "it is hard to tell what the board wants": nobody says it
    if f.rule == "according":
        return not _manner_idiom(f.source_head)
    if _announced_in_passing(tok, f) or _confirmed_by_nobody(s, tok, f):
        return False  # "Opponents cheered as the vote was announced", "The outbreak was confirmed last week": nobody's message
    if any(c.dep_ == "dobj" and c.lower_ in {"claim", "claims"} and a_money_claim(c) for c in tok.children):
        return False  # "have since filed insurance claims for the lost harvest"
    if f.rule == "learned-arg" and tok.lower_ in _PROPOSALS and tok.dep_ == "dobj" and s.lex.lemma_of(tok.head.lower_, "V") in _DECIDING:
        return False  # "the board approved a plan to double its launch rate": a decision on a proposal
    if s.lex.lemma_of(tok.lower_, "V") == "approve" and _proposal_object(tok):
        return False  # "its board approved the move", whatever clause the parser hung on the verb (PolNeAR keeps "rejected Trump's offer")
    if tok.lower_ == "asked" and _ANONYMITY.match(s.text, f.content[0], f.content[1]):
        return False  # "who asked that his company not be named": a request for anonymity, not a message
    if tok.lower_ == "asked" and _answered_by_a_gesture(s, tok):
        return False  # "Asked what she thought, one girl shrugged": a question put, and no words in reply
    if f.rule == "learned-arg" and tok.tag_ == "JJ" and tok.dep_ in {"ccomp", "oprd"} and f.source is None:
        return False  # "they had found a prosecutor willing to listen" read as a small clause: a stance of nobody named
    if _PLEA.search(s.text[f.cue[0] : f.cue[1]] + s.text[f.cue[1] : f.cue[1] + 16]):
        return False  # "pleaded guilty", "has pleaded not guilty in the district court to 14 counts": a plea, not a message
    lemma = f.lemma.split()[0] if f.rule != "learned-arg" else s.lex.lemma_of(tok.lower_, coarse(tok.tag_))
    if no_message(s, tok, lemma, f):
        return False  # "published a blog post", "issued a statement on Saturday evening", "Asked about that claim, ..."
    if f.rule not in ARGUMENT_PATHS:
        return True
    if _judgement(s, tok, lemma, f):
        return True
    if lemma in lx.ACTIVITY_VERBS and tok.tag_.startswith("VB") and not _has_clause(s, f):
        return False
    if lemma == "recall" and _withdrawn(tok):
        return False
    if lemma in RECEIVING and f.rule != "light" and _RECEIVED.match(s.text, f.content[0], f.content[1]):
        return False  # "The ruling has drawn criticism from ...": criticism received, not the ruling's message (``nominal_reports``)
    if lemma == "lay" and _next_word(s, tok) in {"on", "off"}:
        return False  # "has laid on a free bus", "laid off 200 staff": provided or dismissed, not set out ("laid out its plans")
    if lemma in _DECIDING and not _has_clause(s, f) and _a_decision_object(s, f):
        return False  # "The council rejected the application", "Plans ... have been rejected by councillors": a decision, no message
    if lemma in _DECISIONS and _an_infinitive(s, f) and not _has_clause(s, f):
        return False  # "The council decided on Tuesday to shut the bridge", "voted to strike": a decision taken, an event
    if _says_nothing(s, tok, lemma, f):
        return False
    if f.rule == "verb:fallback" and lemma == "expect" and f.source is None and not _has_clause(s, f):
        return False
    if lemma in {"find", "discover", "uncover"} and _passive(s, f) and not _has_clause(s, f) and _opens_noun_phrase(s, f):
        return False  # "The brooch was found by a metal detectorist": an object discovered, not a finding
    if f.rule == "verb:obj" and lemma in _GIVING and f.source is None and _passive(s, f) and _opens_noun_phrase(s, f):
        return False  # "Drivers have been offered a 3 percent rise": a thing given, by nobody named, is no message
    if _sourceless_stance(s, tok, f) or _only_a_time(s, f) or _only_a_medium(s, f) or _belief_without_proposition(s, tok, f) or _only_whom(s, tok, lemma, f):
        return False
    return f.rule not in _SUBJECT_PATHS or _has_clause(s, f) or not _own_subject(tok, f.source_head) or _can_speak(f.source_head)


# states of being persuaded or not, which need a proposition to convey anything
_PERSUADED = frozenset("convinced unconvinced persuaded satisfied impressed sure certain sceptical skeptical".split())


def _belief_without_proposition(s: ParsedSentence, tok: Token, f: Found) -> bool:
    """"The pilots' association was not convinced.": a state of being
    persuaded, with nobody else named and no clause, conveys no content (its
    subject is not what was said)."""
    return bool(
        f.rule == "verb:fallback" and f.source is None and tok.lower_ in _PERSUADED
        and f.content[1] <= f.cue[0] and not _has_clause(s, f)
    )


# verbs whose "to" object is who was written or spoken to, never what was said
_TO_WHOM = frozenset("write speak talk".split())  # not "respond to criticism", "reply to a letter": what was answered


def _only_whom(s: ParsedSentence, tok: Token, lemma: str, f: Found) -> bool:
    """"The association has written to the local MP, Mark Dalton": whom it
    wrote to is no content."""
    if f.rule != "verb:prep" or lemma not in _TO_WHOM:
        return False
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > tok.i), None)
    obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    return obj is not None and s.off + s.doc[obj.left_edge.i].idx == f.content[0]


def _only_a_time(s: ParsedSentence, f: Found) -> bool:
    """"In a statement on Friday, the board said ...": a noun whose object is
    a day or a date tells when, not what; so does "would report by the end of
    June" (a verb and "by" a date: when the report is due)."""
    words = [w.strip(",.").lower() for w in s.text[f.content[0] : f.content[1]].split()]
    by_a_date = f.rule in {"verb:right", "verb:prep"} and s.text[f.cue[0] : f.cue[1]].lower().endswith((" by", " until", " before"))
    if by_a_date:
        return bool(words) and all(w in TIME_WORDS or w in lx.MONTHS or w.isdigit() or w in {"the", "end", "start", "middle", "of", "next", "this"} for w in words)
    if f.rule != "learned-arg" or f.source is not None:
        return False  # with a speaker ("They sent a letter on Thursday") the annotators keep the attribution
    return bool(words) and all(w in TIME_WORDS or w in lx.MONTHS or w.isdigit() or w in {"the", "last", "next", "this", "of"} for w in words)


# where a message was put, not what it said: "a post on social media", "an interview on local radio"
_MEDIA = frozenset(
    """
    media website twitter facebook instagram tiktok youtube linkedin telegram bluesky radio television tv blog podcast
    """.split()
)


def _only_a_medium(s: ParsedSentence, f: Found) -> bool:
    """"In a post on social media, he said ...": a noun whose object names the
    medium (a platform, a website, the radio) tells where the message went,
    not what it said; the clause after it is the record."""
    if f.rule != "learned-arg" or _has_clause(s, f) or s.text[f.content[1] :].lstrip().startswith(":"):
        return False  # "a statement on his blog: ..." introduces what follows the colon
    if s.text[f.cue[0] : f.cue[1]].split()[-1].lower() not in {"on", "in", "via"}:
        return False  # the medium is the object of the cue's own "on": "a post on social media"
    words = [w.strip(",.'\u2019").lower() for w in s.text[f.content[0] : f.content[1]].split()]
    return bool(words) and len(words) <= 4 and words[-1] in _MEDIA


def _sourceless_stance(s: ParsedSentence, tok: Token, f: Found) -> bool:
    """"A petition against the dredging has gathered 2,000 signatures": a
    noun of a stance with nobody named and only a thing for its object
    ("against the dredging", "for a new school") tells what the stance is
    about, not a message anyone conveyed."""
    if f.rule != "learned-arg" or f.source is not None or not tok.tag_.startswith("NN") or _has_clause(s, f):
        return False
    prep = s.doc[tok.i + 1] if tok.i + 1 < len(s.doc) else None
    if prep is not None and prep.lower_ == "about" and any(c.dep_ == "amod" and c.lower_ in _JUDGED for c in tok.children):
        return True  # "put off by false claims about vaccine safety": the writer's word for a rumour, nobody's message
    return prep is not None and prep.lower_ in {"against", "for"} and len(s.text[f.content[0] : f.content[1]].split()) <= 5


# what the writer calls claims nobody in the sentence makes
_JUDGED = frozenset("false unfounded baseless misleading unsubstantiated bogus debunked wild spurious".split())


# Verbs that draw a conclusion from what is before them: as a participle after a comma, their subject is that event
_INFERENCE = frozenset(
    "suggesting indicating showing signalling signaling implying meaning demonstrating confirming reflecting proving "
    "revealing underlining highlighting".split()
)


def inference_adjunct(verb: Token) -> bool:
    """", indicating that demand has weakened": a participle of an inference verb, set off by a comma and
    with no subject of its own, draws its conclusion from the whole clause before it. The subject of that
    clause ("sales fell") did not indicate anything: the participle has no speaker to climb to."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp", "conj", "dep"} or verb.lower_ not in _INFERENCE:
        return False
    if any(c.dep_ in {"nsubj", "csubj", "nsubjpass"} for c in verb.children):
        return False
    return verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _effect_participle(tok: Token, f: Found) -> bool:
    """A light or noun reading of a participle of effect (``subjects.effect_participle``):
    "..., the ministry said, raising fears of long queues" is nobody's message."""
    if f.rule not in {"light", "learned-arg"}:
        return False
    return effect_participle(tok if coarse(tok.tag_) == "V" else tok.head)


def _judgement(s: ParsedSentence, tok: Token, lemma: str, f: Found) -> bool:
    """"viewed communists as terrorists", "it is considered a threat": a verb of
    viewing or considering with a predicate on its object is a belief, not
    an activity ("viewed photographs", "considered adapting the lessons")."""
    if lemma not in _JUDGING:
        return False
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
    return passive or " as " in f" {s.text[f.content[0] : f.content[1]]} "


def _own_subject(tok: Token, head: Token | None) -> bool:
    """Whether ``head`` is the subject of the verb ``tok`` (or of the verb it is conjoined to)."""
    verbs = {tok.i, tok.head.i} if tok.dep_ == "conj" else {tok.i}
    return head is not None and head.dep_ == "nsubj" and head.head.i in verbs


def inside_other(s: ParsedSentence, f: Found, found: list[Found]) -> bool:
    """Whether the plain-argument reading ``f`` (or a raising verb's) lies
    inside the content of another finding that reports a clause: "they said
    they had raised concerns about X", "X, she added. A follow-up is expected
    to Y": part of that content, not an attribution of its own (PolNeAR's
    attributions do not nest either).  An argument that holds a verb of its
    own, or a light verb's that is not only a topic, is a message, and nests
    ("Blaze reported that the ministry expressed hope for establishing ties",
    "expressed hope for a quick agreement", "said they voiced fears about
    losing jobs"),
    and so do a relative clause's attribution ("a pay offer that it described
    as an insult": content "that") and what a speaker line's speaker reports
    ("MAYOR: The engineers tell me the first week of June")."""
    if f.rule not in ARGUMENT_PATHS and f.rule != "verb:raising":
        return False
    if f.lemma.split()[:1] != ["have"] and (_verbal_argument(s, f) or (f.rule == "light" and not _topic_only(s, f))):
        return False  # "said it had no plans to grow" stays one content
    if s.text[f.content[0] : f.content[1]].strip().lower() in _RELATIVE_PRONOUNS:
        return False
    return any(
        g is not f and g.rule not in ARGUMENT_PATHS and g.rule != "speaker" and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
        for g in found
    )


def _topic_only(s: ParsedSentence, f: Found) -> bool:
    """Whether the content is only what the cue is about ("raised concerns
    about night staffing", "complained over the noise"): a topic, not a message."""
    before = s.text[max(0, f.content[0] - 12) : f.content[0]].split()
    return bool(before) and before[-1].lower() in _TOPIC_PREPOSITIONS


def _verbal_argument(s: ParsedSentence, f: Found) -> bool:
    """Whether the noun the cue governs (its object, or the noun of a light
    verb: "expressed hope") takes a verb of its own: "hope for establishing",
    "fears about losing", "hope to sign"."""
    nouns = [t for t in s.doc if t.tag_.startswith("NN") and (f.cue[0] <= s.off + t.idx < f.cue[1] or (t.dep_ == "dobj" and f.cue[0] <= s.off + t.head.idx < f.cue[1]))]
    for noun in nouns:
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VB":
                return True
            if c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
                return True
    return False


def _has_clause(s: ParsedSentence, f: Found) -> bool:
    """Whether the content holds a finite clause or a quotation of its own
    ("considered whether to ...", "discussed how ...")."""
    if s.quotes.quoted_chars(*f.content) > 0:
        return True
    for t in s.doc:
        pos = s.off + t.idx
        if f.content[0] <= pos < f.content[1] and t.dep_ in {"mark"} and t.lower_ in {"that", "whether", "if"}:
            return True
        if f.content[0] <= pos < f.content[1] and t.tag_ in {"WDT", "WP", "WRB"} and t.head.dep_ in {"ccomp", "pcomp"}:
            return True
    return False


_ANONYMITY = re.compile(rf"\s*{NOT_NAMED}\b", re.IGNORECASE)


# verbs of giving: a passive one with a plain object is a thing received ("were offered a rise")
_GIVING = frozenset("offer give grant award pay promise".split())


_RECEIVED = re.compile(r"(?:(?:harsh|sharp|fierce|strong|widespread|heavy|growing|fresh|much|some|international|public|bipartisan)\s+)*"
                       r"(?:criticism|praise|condemnation|backlash|scrutiny|fire|ire|rebuke|plaudits|anger|outrage)\b", re.I)


# a plea in court, in the cue or right after it ("pleading with voters for their support" is a message)
_PLEA = re.compile(r"\bplead(?:ed|s|ing)?\s+(?:not\s+)?(?:guilty|innocent)\b", re.I)


def _next_word(s: ParsedSentence, tok: Token) -> str:
    return s.doc[tok.i + 1].lower_ if tok.i + 1 < len(s.doc) else ""


def _an_infinitive(s: ParsedSentence, f: Found) -> bool:
    """Whether the content is an infinitive of what the subject will do ("to shut the bridge", "not to renew"),
    not a stance taken on something ("voted against the bill", "voting for Trump")."""
    return re.match(r"(?:not\s+)?to\s", s.text[f.content[0] : f.content[1]], re.I) is not None


def _withdrawn(verb: Token) -> bool:
    """"recalls pouches", "recalled 40,000 teddy bears", "recalled its
    ambassador": goods or an envoy called back, not a memory told ("recalled
    the night of the fire" stays, as PolNeAR marks it)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    counted = any(c.dep_ == "nummod" for c in obj.children)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    by_a_body = subject is not None and subject.lower_ in BODY_NOUNS  # "Baby food maker recalls pouches", not "recalling summer visits"
    bare_plural = obj.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "amod"} for c in obj.children)
    return counted or (bare_plural and by_a_body) or obj.lower_ in {"ambassador", "envoy", "ambassadors", "envoys"}


# taking a decision to act ("decided to", "voted to"): PolNeAR train marks 26 of 87 "decide ... to" and 11 of 64
# "vote ... to" as cues (scripts/polnear_phrases.py)
_DECISIONS = frozenset({"decide", "vote"})
# deciding on a proposal, which conveys no content of the decider's
_DECIDING = frozenset("reject approve block veto overturn dismiss refuse".split())
_PROPOSALS = frozenset(
    "plan plans application applications bid bids proposal proposals scheme schemes offer offers deal "
    "nomination merger takeover expansion permit licence license appeal appeals motion motions "
    "petition petitions move extension package contract contracts budget".split()
)


def _proposal_object(tok: Token) -> bool:
    """"its board approved the move", whatever clause the parser hung on the verb before it."""
    after = [c for c in tok.children if c.i > tok.i]
    return any(c.dep_ == "dobj" and c.lower_ in _PROPOSALS for c in after) and not any(c.dep_ in _CLAUSE_DEPS for c in after)


def _a_decision_object(s: ParsedSentence, f: Found) -> bool:
    """Whether the content is a proposal decided on ("the application", "Plans for a wind farm")."""
    toks = [t for t in s.doc if f.content[0] <= s.off + t.idx < f.content[1]]
    heads = [t for t in toks if t.head.i == t.i or not (f.content[0] <= s.off + t.head.idx < f.content[1])]
    return bool(heads) and heads[0].lower_ in _PROPOSALS


_MADE_KNOWN = frozenset("confirmed announced reported revealed disclosed published released".split())


def _confirmed_by_nobody(s: ParsedSentence, tok: Token, f: Found) -> bool:
    """"The outbreak was confirmed last week at two farms": a thing made known by
    nobody named, with no clause of what was said, is the writer's report of an event."""
    if tok.lower_ not in _MADE_KNOWN or not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.tag_ in {"NN", "NNS"} and not _has_clause(s, f) and f.content[1] <= s.off + tok.idx


def _announced_in_passing(tok: Token, f: Found) -> bool:
    """A passive cue in a clause of time ("as the vote was announced", "when the
    results were published") whose subject is a thing and that names no agent:
    it dates what the sentence tells, it reports nobody's words."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return False
    mark = next((c for c in tok.children if c.dep_ == "mark"), None)
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return mark is not None and mark.lower_ in {"as", "when", "after", "before", "until", "once"} and subject is not None and subject.tag_ in {"NN", "NNS"}


def _opens_noun_phrase(s: ParsedSentence, f: Found) -> bool:
    """Whether the content opens with a noun phrase ("a 3 percent rise, which
    ..."), not a clause or a quotation."""
    first = next((t for t in s.doc if s.off + t.idx >= f.content[0]), None)
    return first is not None and first.tag_ in {"DT", "CD", "JJ", "NN", "NNS", "PRP$"} and s.quotes.quoted_chars(*f.content) == 0


def _passive(s: ParsedSentence, f: Found) -> bool:
    """Whether the cue ("have been offered") is a passive verb."""
    return any(f.cue[0] <= s.off + t.idx < f.cue[1] and any(c.dep_ == "auxpass" for c in t.children) for t in s.doc)


def _says_nothing(s: ParsedSentence, tok: Token, lemma: str, f: Found) -> bool:
    """"did not name the stores", "would not discuss the deal", "showed no
    reaction", "declined to comment on the loan": nothing is conveyed; nor
    by "asked not to be named" (a request for anonymity, not a message)."""
    if _ANONYMITY.match(s.text, f.content[0], f.content[1]):
        return True
    if _has_clause(s, f):
        return False
    if lemma in {"decline", "refuse"}:
        inner = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        return inner is not None and s.lex.lemma_of(inner.lower_, "V") in NO_CONTENT_SPEECH and not any(c.dep_ == "ccomp" for c in inner.children)
    if lemma not in NO_CONTENT_SPEECH:
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lower_ in _QUANTITIES and s.text[f.content[0] : f.content[1]].strip().lower() == obj.lower_:
        return True  # "has said nothing since the vote", "said little": no content ("said little about the injury" has one)
    return obj is not None and any(c.dep_ == "det" and c.lower_ in _NEGATIVE_DETS for c in obj.children)


_DESCRIBED_SPEAKERS = BODY_NOUNS | PERSON_DESCRIPTORS | PEOPLE_NOUNS


def _can_speak(head: Token | None) -> bool:
    """Whether a subject can convey content: a name (any capitalised word),
    a pronoun, or a common noun that can name a source
    (``lexicon.speaker_nouns``: a person, a group, a body, a document)."""
    if head is None or not head.tag_.startswith("NN") or not head.text.islower():
        return True
    nouns = lx.speaker_nouns() | _DESCRIBED_SPEAKERS  # and the nouns that describe a body or person ("the charity")
    low = head.lower_
    return low in nouns or low.removesuffix("s") in nouns or low + "s" in nouns


def _manner_idiom(pobj: Token | None) -> bool:
    """"according to schedule", "according to plan": a bare singular noun of manner."""
    return pobj is not None and pobj.tag_ == "NN" and not list(pobj.children) and pobj.lower_ in ACCORDING_IDIOMS
