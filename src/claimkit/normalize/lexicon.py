"""Certainty lexicons: data only.

Origin: our own compilation for claimkit, written by hand from the reporting and
belief verbs and the epistemic modal markers of English news prose (modal verbs,
epistemic adverbs and adjectives, evidential "reportedly"/"allegedly", and the
usual negators).  No list was copied from another project.  Levels use
``model.CERTAINTY_ORDER``: certain > probable > possible > unknown.

Matching is on lower-cased words; phrases match with single spaces between words.
"""

from __future__ import annotations

from claimkit.model import CertaintyLevel

# How sure the source is of what it reports, by cue lemma.  A plain speech act
# ("say", "report") passes the content on as certain; belief and estimation
# verbs make it probable; insinuation and speculation make it possible;
# questions leave it unknown.  Noun cues ("claim", "rumor") share the verb entry.
CUE_CERTAINTY: dict[str, CertaintyLevel] = {
    # certain: reporting a fact as such
    "say": "certain", "tell": "certain", "report": "certain", "announce": "certain",
    "state": "certain", "confirm": "certain", "according to": "certain", "add": "certain",
    "note": "certain", "explain": "certain", "write": "certain", "declare": "certain",
    "reveal": "certain", "disclose": "certain", "acknowledge": "certain", "admit": "certain",
    "show": "certain", "find": "certain", "assert": "certain", "insist": "certain",
    "maintain": "certain", "stress": "certain", "emphasize": "certain", "emphasise": "certain",
    "reiterate": "certain", "testify": "certain", "tweet": "certain", "post": "certain",
    "publish": "certain", "release": "certain", "inform": "certain", "demonstrate": "certain",
    "prove": "certain", "know": "certain", "conclude": "certain", "reply": "certain",
    "respond": "certain", "recall": "certain", "remark": "certain", "describe": "certain",
    "deny": "certain", "refute": "certain", "reject": "certain", "dismiss": "certain",
    "statement": "certain", "announcement": "certain", "pledge": "certain", "promise": "certain",
    "vow": "certain", "record": "certain",
    # a warning states facts as facts ("warned that teachers had not been
    # trained": gold32, 3 of 3); a warned-of event carries its own modal
    # ("warned that members could strike": possible by "could")
    "warn": "certain",
    # a claim commits its source to the content (MEANTIME's guidelines rate the
    # source's commitment: "Apple claims it sells devices" -> sells CERTAIN);
    # the reporter's distance is not the source's doubt
    "claim": "certain", "argue": "certain", "contend": "certain",
    # probable: belief, estimation, second-hand report
    "indicate": "probable", "believe": "probable", "think": "probable",
    "estimate": "probable", "expect": "probable", "reportedly": "probable",
    "allegedly": "probable", "allege": "probable", "allegation": "probable", "predict": "probable", "forecast": "probable", "project": "probable",
    "assess": "probable", "assessment": "probable", "consider": "probable", "assume": "probable",
    "presume": "probable", "understand": "probable", "purportedly": "probable",
    "supposedly": "probable", "reputedly": "probable", "feel": "probable", "charge": "probable",
    "accuse": "probable", "accusation": "probable", "view": "probable",
    "analysis": "probable", "finding": "probable", "calculate": "probable", "anticipate": "probable",
    "reckon": "probable", "foresee": "probable", "envisage": "probable", "envision": "probable",
    # the nouns of these verbs rate as the verbs do ("the prediction that", "concerns that")
    "prediction": "probable", "expectation": "probable", "belief": "probable", "projection": "probable",
    "suspicion": "possible", "concern": "possible", "threaten": "possible", "threat": "possible",
    # probable: wishes (the event is not yet a fact) and appearances.  A stated
    # plan or intention as the cue ("Apple plans to sell films", "outlined a
    # plan") commits its source and stays certain, as in MEANTIME (4 of 6);
    # "plans to" inside reported content lowers it (``HEDGES``)
    "want": "probable", "wish": "probable", "seek": "probable", "appear": "probable", "seem": "probable",
    # possible: insinuation, speculation, hope and fear
    "suggest": "possible", "suggestion": "possible", "hint": "possible", "speculate": "possible",
    "speculation": "possible", "rumor": "possible", "rumour": "possible", "interpret": "possible",
    "signal": "possible", "imply": "possible", "guess": "possible", "suspect": "possible",
    "hypothesize": "possible", "hypothesise": "possible", "theorize": "possible",
    "propose": "possible", "insinuate": "possible", "intimate": "possible", "hope": "possible",
    "fear": "possible", "worry": "possible", "doubt": "possible", "float": "possible",
    "attempt": "possible", "try": "possible",
    # unknown: the source does not commit at all
    "ask": "unknown", "question": "unknown", "wonder": "unknown", "inquire": "unknown",
}  # fmt: skip
DEFAULT_CUE_LEVEL: CertaintyLevel = "certain"  # a cue lemma not listed: a plain report

# Cue lemmas by which the source says the content is false: polarity negative.
NEGATIVE_CUES = frozenset(["deny", "denial", "refute", "reject", "dismiss", "dispute", "disprove", "rebut"])

# Irregular past forms of cue verbs, for cues whose lemma is a surface form.
IRREGULAR_FORMS: dict[str, str] = {
    "said": "say", "says": "say", "told": "tell", "thought": "think", "wrote": "write",
    "written": "write", "found": "find", "knew": "know", "known": "know", "felt": "feel",
    "understood": "understand", "shown": "show", "denied": "deny", "denies": "deny",
}  # fmt: skip

# Hedges: words and phrases that lower the level of the content they are in.
HEDGES: dict[str, CertaintyLevel] = {
    # possible: epistemic modals and adverbs of possibility
    "could": "possible", "may": "possible", "might": "possible", "possibly": "possible",
    "perhaps": "possible", "maybe": "possible", "potentially": "possible",
    "conceivably": "possible", "it is possible": "possible", "unlikely": "possible",
    "rumored": "possible", "rumoured": "possible", "speculated": "possible",
    # probable: likelihood and evidentials
    "likely": "probable", "probably": "probable", "apparently": "probable",
    "reportedly": "probable", "allegedly": "probable", "purportedly": "probable",
    "supposedly": "probable", "reputedly": "probable", "seemingly": "probable",
    "ostensibly": "probable", "presumably": "probable", "evidently": "probable",
    "alleged": "probable", "suspected": "probable", "almost certainly": "probable",
    "in all likelihood": "probable", "most likely": "probable",
    "seem to": "probable", "seems to": "probable", "seemed to": "probable",
    "appear to": "probable", "appears to": "probable", "appeared to": "probable",
    "it appears": "probable", "it seems": "probable", "expected to": "probable",
    "believed to": "probable", "thought to": "probable", "said to": "probable",
    # probable: modals of prediction and obligation, and intentions, plans,
    # schedules and forecasts of the content's own subject ("the airline
    # intends to buy", "the line is scheduled to open"); "will" stays certain
    "would": "probable", "should": "probable", "ought to": "probable",
    "intends to": "probable", "intend to": "probable", "intended to": "probable", "intending to": "probable",
    "plans to": "probable", "plan to": "probable", "planned to": "probable", "planning to": "probable",
    "aims to": "probable", "aim to": "probable", "aimed to": "probable", "aiming to": "probable",
    "scheduled to": "probable", "is set to": "probable", "are set to": "probable", "was set to": "probable",
    "were set to": "probable", "poised to": "probable", "on track to": "probable",
    "expects to": "probable", "expect to": "probable", "forecast to": "probable", "projected to": "probable",
    "predicted to": "probable", "estimated to": "probable",
    "is due to": "probable", "are due to": "probable", "was due to": "probable", "were due to": "probable",
    # a forecast or a schedule without "to" ("a ruling is expected in May", "the vote is scheduled for Monday")
    "is expected": "probable", "are expected": "probable", "is scheduled for": "probable", "are scheduled for": "probable",
    "was scheduled for": "probable", "were scheduled for": "probable",
    # possible: hopes
    # ("wanted to" is left out: a past wish is told as a fact, "I wanted to win")
    "wants to": "probable", "want to": "probable",
    "hopes to": "possible", "hope to": "possible", "hoped to": "possible", "hoping to": "possible",
    # possible: attempts, whose outcome is open ("is trying to find", "sought to raise")
    "tries to": "possible", "try to": "possible", "tried to": "possible", "trying to": "possible",
    "attempts to": "possible", "attempt to": "possible", "attempted to": "possible", "attempting to": "possible",
    "seeks to": "possible", "seek to": "possible", "sought to": "possible", "seeking to": "possible",
    # the event said or thought of by others than the source ("is understood to be stable")
    "understood to": "probable", "reported to": "probable", "unconfirmed": "probable",
    "feared to": "possible",
    # adjectives and nouns of likelihood in the main clause
    "probable": "probable", "is possible": "possible", "are possible": "possible", "was possible": "possible",
    "were possible": "possible", "possibility": "possible", "doubtful": "possible",
    "a chance that": "possible", "the chance that": "possible", "a risk that": "possible", "the risk that": "possible",
    "little chance": "possible", "in danger of": "possible", "at risk of": "possible",
    # outcomes still open: talks, threats; a course set
    "in talks to": "possible", "threatens to": "possible", "threaten to": "possible", "threatened to": "possible",
    "threatening to": "possible", "on course to": "probable",
    # unknown: open questions
    "unclear": "unknown", "uncertain": "unknown", "not clear": "unknown",
    "whether": "unknown", "remains to be seen": "unknown",
    # unknown: certainty denied ("she was not sure the treatment worked")
    "not sure": "unknown", "unsure": "unknown", "not certain": "unknown", "nobody knows": "unknown",
    "no one knows": "unknown", "not know whether": "unknown", "not know if": "unknown",
    "no guarantee": "unknown",
}  # fmt: skip

# Hedges of a planned or predicted event that a committing cue makes certain:
# "The council announced that the library would reopen", "The trust confirmed
# it intends to merge": the source commits to the event (MEANTIME rates "would
# be providing" under "announced" CERTAIN), while "said ... would" stays probable.
INTENTION_HEDGES = frozenset((
    "would", "intends to", "intend to", "intended to", "intending to", "plans to", "plan to", "planned to",
    "planning to", "aims to", "aim to", "aimed to", "aiming to", "scheduled to", "is set to", "are set to",
    "was set to", "were set to", "is due to", "are due to", "was due to", "were due to", "is scheduled for",
    "are scheduled for", "was scheduled for", "were scheduled for",
))  # fmt: skip
# Cue lemmas by which a source commits to a future event.
COMMITTING_CUES = frozenset((
    "announce", "announcement", "confirm", "confirmation", "promise", "pledge", "vow", "guarantee",
    "decide", "decision", "agree", "agreement", "commit",
))  # fmt: skip
# Words after a hedge ending in "to" that make the "to" a preposition, not an
# infinitive marker: "the delay is due to the strike", "reported to the police".
PREPOSITION_OBJECTS = frozenset((
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
    "him", "them", "us", "me", "it", "some", "any", "all", "each", "every", "no",
))  # fmt: skip

# The level of a main event that holds only if a condition does ("X would
# fall if Y", "If Y, X"): see ``main_clause.conditional``.
CONDITIONAL_LEVEL: CertaintyLevel = "possible"

# Modal verbs: after "and"/"or" one opens a second, coordinated event.
MODALS = frozenset("would will could might may should can must shall".split())
# Modals of a hypothetical event: a condition on one lowers the event to ``CONDITIONAL_LEVEL``.
HYPOTHETICAL_MODALS = frozenset("would could might may should can".split())
# Attempts as hedges: a progressive one needs "be" before it ("is trying to",
# not "people trying to"), a bare one no determiner ("will try to", not "in an
# attempt to").
ATTEMPT_PROGRESSIVE = frozenset(("trying to", "attempting to", "seeking to"))
ATTEMPT_BARE = frozenset(("try to", "attempt to", "attempts to", "seek to"))
# Prepositions before "(the) possibility": the possibility is then an object
# ("differ on the possibility of a compromise"), not a hedge of the main event.
OBJECT_PREPOSITIONS = frozenset("on about of over to for at with into against from by".split())
BE_FORMS = frozenset("is are was were be been being am 's 're".split())
DETERMINERS = frozenset("a an the his her its their our my your this that every any one botched failed new last first".split())

# Hedges that qualify the whole sentence wherever they stand ("X reportedly said
# Y", "Y, allegedly"); other hedges count only in the content or next to the cue.
SENTENCE_HEDGES = frozenset((
    "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "reputedly", "seemingly",
    "ostensibly"
))  # fmt: skip
# Hedges that count only in lower case: capitalised, "May" is the month.
LOWERCASE_ONLY_HEDGES = frozenset({"may"})

# Boosters: they set the level to certain when nothing lowers it.
BOOSTERS = frozenset((
    "certainly", "clearly", "definitely", "undoubtedly", "obviously", "indeed", "unquestionably",
    "undeniably", "confirmed", "officially", "no doubt", "without doubt", "without a doubt",
    "beyond doubt", "of course", "in fact", "it is clear", "it is certain",
))  # fmt: skip

# Negators that make the predicate they govern negative.  Not listed on purpose:
# "without" (it negates an adjunct: "met without delay"), "denied"/"rejected"
# (cues, see NEGATIVE_CUES), "fail to"/"refuse to" (implicatives, left alone).
NEGATIONS = frozenset((
    "not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
    "no longer",
))  # fmt: skip
# Phrases with a negator that do not negate ("not only X but Y", "no doubt").
NEGATION_EXCEPTIONS = frozenset(
    ("not only", "not just", "not least", "no doubt", "not to mention", "nothing but", "no sooner",
     "no confidence", "no-confidence",
     # negated certainty is a hedge (level unknown), not a negated event
     "not sure", "not certain", "not clear", "nobody knows", "no one knows", "not know whether", "not know if",
     "no guarantee")
)

# Words that open a subordinate clause: a negation after one is not in the
# content's main predicate.
SUBORDINATORS = frozenset((
    "that", "which", "who", "whom", "whose", "because", "although", "though", "while", "whereas", "if",
    "unless", "when", "whether", "where", "since", "after", "before", "until", "once"
))  # fmt: skip
