"""Cue and source lexicons: data only (plus a loader for the learned counts).

The learned part is ``cues_polnear_train.json``: for every (lemma, coarse POS)
seen in PolNeAR train, how often it occurred and how often it lay inside a
gold Cue span (see that file's ``origin`` and ``scripts/learn_cues.py``).
The hand-written lists below cover what the counts cannot: multi-word cues,
adverbial cues, source kinds.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LEARNED_FILE = Path(__file__).with_name("cues_polnear_train.json")
SPEAKER_NOUNS_FILE = Path(__file__).with_name("speaker_nouns_polnear_train.json")

# P(cue | lemma, pos) = cue / (total + SMOOTHING); a verb is a cue candidate
# above VERB_THRESHOLD with at least MIN_CUE_COUNT gold occurrences.
SMOOTHING = 2
VERB_THRESHOLD = 0.4
MIN_CUE_COUNT = 3

# Verbs that are cues whatever the counts say (rare in train or absent).
EXTRA_VERBS = frozenset(
    """
    say tell report indicate suggest claim allege state announce confirm deny assert
    hint interpret believe think argue insist warn predict estimate conclude
    reveal disclose add note explain write tweet acknowledge admit contend maintain
    """.split()
)
# Lemmas the counts like but that are too often not cues without more evidence.
BLOCKED_VERBS = frozenset("be have do make go get take give come accord".split())

# Verbs whose cue takes a preposition as part of the cue: "called for", "referred to".
PREP_CUES = frozenset("about for to on of against with at over".split())

# verbs whose object is the person addressed ("told reporters", "asked
# workers"), not what was said, unless the object is a message noun
ADDRESSEE_VERBS = frozenset("tell ask assure inform remind".split())
MESSAGE_NOUNS = frozenset(
    "question questions joke jokes story stories truth lie lies tale tales anything something nothing everything "
    "it this that what which same".split()
)
# raising verbs: "X seems to Y" attributes "X to Y" to no one in particular
RAISING_VERBS = frozenset("seem appear".split())
RAISING_FORMS = frozenset("seem seems seemed seeming appear appears appeared appearing".split())
PASSIVE_RAISING_VERBS = frozenset("expect know say believe think rumor rumour".split())
# "as X put it": the object "it" stands for the words quoted
PUT_IT_VERBS = frozenset("put".split())
# "issued a statement saying": the issuing verb and its object belong to the cue
STATEMENT_NOUNS = frozenset("statement statements release note letter memo post tweet email message video".split())
# verbs whose "if"/"whether" clause is what is asked, not a condition
QUESTION_VERBS = frozenset("ask wonder question inquire query".split())
# prepositions that can introduce the person addressed ("said to reporters",
# "tweeted at him", "pleaded with voters"), and those that then introduce what
# the words were about ("apologized to X for Y", "lashed out at X over Y")
ADDRESSEE_PREPS = frozenset("to at with".split())
MATTER_PREPS = frozenset("for over about".split())
# verbs whose subject is what stirs a feeling and whose object is the one who
# feels it ("the report alarmed Democrats": Democrats are the source, the
# report the content); "cheer" and "concern" are left out (they also mean
# "applaud" and "be about")
STIMULUS_SUBJECT_VERBS = frozenset(
    "alarm anger annoy bother delight disappoint dismay disturb exasperate frighten frustrate infuriate irritate "
    "outrage scare shock surprise trouble upset worry impress unnerve rattle hearten enrage offend amuse stun "
    "baffle puzzle confuse intrigue excite thrill spook terrify appall appal embarrass irk vex dishearten "
    "discourage reassure".split()
)
# "In a CNN poll released Monday, Clinton led by ten points": PolNeAR makes
# the poll the source and "In" the cue
POLL_NOUNS = frozenset("poll polls survey surveys polling".split())
# "To many Democrats, X", "To Sexton, X": whose view X is (PolNeAR annotates
# the opening phrase as the cue); besides names, pronouns and plural nouns,
# these words can name the holders of a view
VIEW_HOLDER_WORDS = frozenset("many some others most few anyone everyone".split())
# "Name: words" at the head of a paragraph is an attribution (headlines such as
# "Issa: Clinton's honesty is in question", transcripts such as "TAPPER: Do you
# think ..."), except under these labels (compared lower-cased); "Q"/"A" are
# annotated in PolNeAR train only a third of the time
NOT_SPEAKERS = frozenset(
    x.strip()
    for x in (
        "q, a, the latest, contributing, breaking, revealed, twitter, online, from, so, name, note, update, "
        "correction, previously, byline, video, photo, watch, related, exclusive, busted, boom, look, wow, bombshell, "
        "editor's note, editor’s note, read more, source, sources, credit, caption, transcript, video transcript, "
        "short reads, stat of the week, delegate update, paid notice, "
        # section labels and kickers of headlines (issue 25)
        "live, live updates, analysis, opinion, comment, editorial, explainer, factbox, fact check, timeline, "
        "review, interview, profile, obituary, in pictures, pictured, quiz, listen, podcast, letters, "
        "recap, preview, explained, warning, alert, special report"
    ).split(",")
)
# verbs whose object goes with a predicate after it, all of it the content:
# "polls show Johnson at or above 10 percent", "the survey put her ahead"
SMALL_CLAUSE_VERBS = frozenset("show find put peg have".split())
# one-word answers a cue can report ("said yes", "thinks so", "said the same")
SHORT_ANSWERS = frozenset("yes no so same otherwise sorry nothing".split())
# verbs whose "to/at/with X" is the person addressed
ADDRESSING_VERBS = frozenset(
    "say write tweet post speak talk apologize apologise explain complain lash plead appeal shout yell declare admit "
    "confide repeat mention boast brag joke announce insist signal recount reply respond snap fire quip vow pledge "
    "promise whisper scream cry".split()
)
# common nouns for an audience
AUDIENCE_NOUNS = frozenset(
    "reporter reporters journalist journalists voter voters supporter supporters crowd crowds audience audiences "
    "people donor donors member members colleague colleagues student students viewer viewers listener listeners "
    "host hosts interviewer lawmaker lawmakers delegate delegates follower followers "
    # bodies that hear evidence or speeches ("told the hearing that", "told the jury that")
    "hearing court jury inquest tribunal inquiry committee meeting conference parliament mps councillors".split()
)
# Prepositions of circumstance (time, place, manner, channel): a phrase they
# head after a cue verb's object is not content ("attacked X on Monday", "X in
# a tweet"); others are ("blamed X for Y", "accused X of Y").
CIRCUMSTANCE_PREPS = frozenset("in on at by during despite after before since amid through until following throughout via".split())

# Adverbs left out of a cue span (PolNeAR keeps "also", "not", "repeatedly" in).
CUE_SPAN_SKIP: frozenset[str] = frozenset()

# Prepositions that introduce the content of a noun or adjective cue: "concerns about X".
ARG_PREPS = frozenset("about of on over for to against with that regarding toward towards at in".split())

# "said in a statement": the channel is part of the cue (in PolNeAR gold, mostly
# only for statements; "said in an interview" has the cue "said").
CHANNEL_NOUNS = frozenset("statement release".split())

# A verb and the preposition right after it that PolNeAR's cue keeps, as it
# keeps a particle: "called on X to Y" (26 of 30 on train, fit part), "known as X" (8 of 8).
PREP_PARTICLES = frozenset({("call", "on"), ("know", "as")})

# "reportedly ..." and friends: the adverb is the cue, the source is not named.
ADVERB_CUES = frozenset(
    "reportedly allegedly purportedly reputedly supposedly ostensibly".split()
)
UNNAMED_ADVERB_SOURCE = "unnamed sources"
UNNAMED_SOURCE = "unnamed source"  # an attribution whose source is not in the sentence

# Days and months: capitalised words that are neither names nor places
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
CALENDAR = WEEKDAYS | MONTHS
# "The report appears to support X", "Residents seem divided": with nobody it
# seems to ("appears to officials"), the impression is the writer's own
AUTHOR_SOURCE = "the author"

# Light verb + noun cues: "expressed hope", "voiced concern", "has concerns".
CUE_NOUNS = frozenset(
    """
    hope concern concerns doubt doubts support confidence belief view views opinion criticism
    interest desire fear fears worry worries optimism skepticism scepticism frustration
    opposition assurance assurances commitment intention plan plans promise warning
    claim claims allegation allegations statement statements assessment assessments
    """.split()
)
# Verbs that report an activity, a visit, a deliberation or a decision, not
# conveyed content: with a plain argument ("toured the plant", "discussed the
# plan", "considered adapting the lessons") they are events,
# not cues; with a clause ("considered whether ...") the clause is content
# (``constructions.conveyed``)
ACTIVITY_VERBS = frozenset(
    """
    visit tour explore experience examine inspect chair meet attend host view watch observe study survey
    review test try use consider discuss debate approve sign join lead applaud cheer learn practise
    practice care spend travel fly hold
    """.split()
)
# capitalised words that open a sentence and begin no name
OPENING_WORDS = frozenset(
    """
    the a an but and or so yet in on at as if when while after before for with by from to of he she it they we i
    you this that these those there his her its their our my your however meanwhile also still then yesterday today
    last next some many most all both each every no one two three several
    """.split()
)
# collective and other nouns that can convey content besides the source
# classes' heads (``SOURCE_NOUNS``) and those learned from PolNeAR train
# (``speaker_nouns``)
SPEAKER_NOUNS = frozenset(
    """
    delegation team board cabinet panel jury tribunal inspectorate inspectors regulator regulators
    pollsters publishers visitors opposition
    """.split()
)
LIGHT_VERBS = frozenset("express voice have raise share offer make give issue state reiterate signal".split())

# Nouns that make "X's NOUN that ..." / "a NOUN by X that ..." a nominal attribution.
NOMINAL_CUES = frozenset(
    """
    report reports statement statements claim claims allegation allegations assertion
    suggestion argument announcement warning belief view assessment analysis finding findings
    prediction estimate promise pledge vow criticism complaint accusation charge charges
    insistence admission acknowledgment acknowledgement denial remark remarks comment comments
    testimony speculation assumption proposal
    """.split()
)

# --------------------------------------------------------------------------- #
# Sources

PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
    "it": "thing",
    "its": "thing",
    "they": "plural",
    "them": "plural",
    "their": "plural",
}
AUTHOR_PRONOUNS = frozenset("i we me us my our".split())
RELATIVE_PRONOUNS = frozenset("who which that whom".split())

MEDIA = frozenset(
    """
    reuters ap afp bloomberg cnn msnbc nbc abc cbs fox bbc npr pbs politico axios breitbart huffpost
    yonhap xinhua tass kcna ria interfax
    """.split()
)
MEDIA_PHRASES = (
    "associated press",
    "new york times",
    "washington post",
    "wall street journal",
    "usa today",
    "the post",
    "the times",
    "the journal",
    "huffington post",
    "fox news",
    "the guardian",
    "the hill",
    "the atlantic",
    "the economist",
    "financial times",
    "los angeles times",
    "daily mail",
    "state media",
    "state-run media",
    "news agency",
)
MEDIA_HEADS = frozenset(
    "media newspaper newspapers outlet outlets broadcaster network networks agency paper magazine tabloid daily channel television tv".split()
)
GOVERNMENT_HEADS = frozenset(
    """
    ministry government administration department office house kremlin pentagon congress senate
    parliament assembly cabinet court police military army navy commission council regime
    embassy state authorities authority bureau agency fbi cia nsa fda epa irs treasury
    """.split()
)
GOVERNMENT_NAMES = frozenset(
    """
    pentagon kremlin congress senate whitehall beijing moscow washington pyongyang seoul tokyo
    tehran kiev kyiv london paris berlin
    """.split()
)
COUNTRIES = frozenset(
    """
    afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
    belgium bolivia bosnia brazil bulgaria burma cambodia cameroon canada chile china colombia congo croatia
    cuba cyprus czechia denmark ecuador egypt estonia ethiopia finland france georgia germany ghana greece
    guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy japan jordan
    kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya lithuania malaysia mali mexico moldova
    mongolia morocco myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda serbia singapore slovakia slovenia
    somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey
    turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
    u.s. us usa america britain uk u.k. england scotland wales luxembourg malta senegal angola mozambique
    botswana namibia eritrea jamaica bhutan brunei fiji montenegro macedonia liechtenstein monaco andorra chad
    benin togo gabon madagascar malawi mauritius liberia guinea burundi djibouti bahamas barbados belize
    kyrgyzstan maldives
    """.split()
) | frozenset(
    # several words: matched as the whole name
    [
        "new zealand", "south africa", "sri lanka", "saudi arabia", "north korea", "south korea", "costa rica",
        "el salvador", "united states", "united kingdom", "united arab emirates", "czech republic",
        "dominican republic", "ivory coast", "hong kong", "puerto rico", "northern ireland",
    ]
)
ORG_HEADS = frozenset(
    """
    company firm corporation corp inc ltd group bank university institute foundation association
    organization organisation campaign party committee union coalition center centre council
    startup maker manufacturer developer lab laboratory programme program project scheme initiative
    """.split()
)
DOCUMENT_HEADS = frozenset(
    """
    report study survey poll polls data document documents memo letter statement filing filings record
    records analysis paper book article email emails cable cables transcript footage video release
    complaint lawsuit indictment ruling decision rule guidance plan budget bill law
    petition papers reports studies surveys letters memos review reviews audit audits inquiry investigation
    figures statistics minutes accounts logs recordings messages photographs photos images submissions files
    tests results scans samples notice notices editorial editorials findings summary summaries communique
    communiques submission dossier notification notifications resolution resolutions motion application applications circular circulars directive directives
    """.split()
)
UNNAMED_HEADS = frozenset(
    """
    source sources official officials reports analyses assessments estimates some others many few
    people observers someone critics insiders aides experts analysts
    """.split()
)
GROUP_HEADS = frozenset(
    """
    republicans democrats conservatives liberals progressives voters supporters opponents residents
    members leaders lawmakers legislators activists protesters workers americans citizens delegates
    donors students parents women men families groups advocates economists scientists researchers
    staff employees engineers doctors nurses teachers farmers customers passengers commuters fans
    pupils visitors users volunteers officers players campaigners traders shopkeepers councillors pharmacists
    """.split()
)
PERSON_HEADS = frozenset(
    """
    president spokesman spokeswoman spokesperson minister secretary senator governor mayor director
    chairman chairwoman chair ceo executive official adviser advisor aide candidate leader lawyer
    attorney professor analyst expert economist researcher scientist author writer reporter
    correspondent editor judge justice representative ambassador general commander chief founder
    manager nominee congressman congresswoman lawmaker pastor sheriff diplomat businessman
    councillor councilor commissioner prosecutor premier chancellor councilmember councilman councilwoman alderman
    alderwoman assemblymember assemblyman assemblywoman
    """.split()
)
TITLES = frozenset(
    "mr. mrs. ms. dr. sen. rep. gov. gen. prof. mr mrs ms dr prof mp president senator governor secretary sgt sgt. insp insp. det "
    "cllr cllr. capt capt. cpl cpl. supt supt. lt lt. coun coun. hon hon. sir dame councilmember councilman councilwoman "
    "alderman alderwoman assemblymember assemblyman assemblywoman engr engr. eng eng. smt smt. shri kum kum. haji hajji alhaji td td. mp. mep mep. msp msp. mla mla. mpp mpp.".split()
)
# every common noun the source classes know
SOURCE_NOUNS = MEDIA | MEDIA_HEADS | GOVERNMENT_HEADS | ORG_HEADS | DOCUMENT_HEADS | UNNAMED_HEADS | GROUP_HEADS | PERSON_HEADS


# --------------------------------------------------------------------------- #
# Loading the learned counts


_BRITISH_VERB = re.compile(r"(?<=.{3})is(e|es|ed|ing)$")


class Learned:
    """The learned table, indexed for the extractor."""

    def __init__(self, data: dict) -> None:
        self.origin: str = data.get("origin", "")
        self.prob: dict[tuple[str, str], float] = {}
        self.lemma: dict[tuple[str, str], str] = {}
        for key, entry in data.get("entries", {}).items():
            lemma, _, pos = key.rpartition("|")
            self.prob[(lemma, pos)] = entry["cue"] / (entry["total"] + SMOOTHING)
            for form in entry.get("forms", []):
                self.lemma.setdefault((form, pos), lemma)
        self.cue_verbs = frozenset(
            lemma
            for (lemma, pos), p in self.prob.items()
            if pos == "V"
            and lemma not in BLOCKED_VERBS
            and p >= VERB_THRESHOLD
            and data["entries"][f"{lemma}|{pos}"]["cue"] >= MIN_CUE_COUNT
        ) | EXTRA_VERBS

    def lemma_of(self, lower: str, pos: str) -> str:
        got = self.lemma.get((self._american(lower, pos), pos))
        if got is not None:
            return got
        if pos == "V":
            for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
                if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                    stem = lower[: -len(suffix)] + repl
                    if stem in self.cue_verbs:
                        return stem
                    if stem + "e" in self.cue_verbs:
                        return stem + "e"
        return lower

    def _american(self, lower: str, pos: str) -> str:
        """"criticised" as "criticized", "apologising" as "apologizing": PolNeAR is
        American, and a British spelling it saw less often is the same verb."""
        us = _BRITISH_VERB.sub(r"iz\1", lower) if pos == "V" else lower
        return us if us != lower and (us, pos) in self.lemma else lower

    def verb_prob(self, lemma: str) -> float:
        return self.prob.get((lemma, "V"), 0.0)


@lru_cache(maxsize=1)
def learned() -> Learned:
    return Learned(json.loads(LEARNED_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Common nouns that can name a source: the source classes' heads,
    ``SPEAKER_NOUNS`` and the lower-case heads of PolNeAR train's sources
    (``scripts/learn_speaker_nouns.py``)."""
    learned = json.loads(SPEAKER_NOUNS_FILE.read_text(encoding="utf-8"))["nouns"] if SPEAKER_NOUNS_FILE.exists() else []
    return SOURCE_NOUNS | SPEAKER_NOUNS | frozenset(learned)
