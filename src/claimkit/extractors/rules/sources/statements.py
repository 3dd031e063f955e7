"""Standalone statements: the reported clause as a sentence a reader can check alone.

For every indirect or mixed claim (a reported clause, "that"-clause or not),
``fill`` writes ``statement``:

* a leading "that" is dropped;
* a third-person pronoun that opens the clause (its subject, or a possessive
  in it: "it had recovered", "her client would appeal", "its factory is") is
  replaced by the name it stands for: the claim's source when the pronoun can
  stand for it ("The council said it had ..."), else the most recent agreeing
  named mention before the content (``coreference.Mentions``), outside the
  source phrase ("Officials in Seoul said it ..." is not Seoul); a possessive
  becomes "Name's" ("Paints'" for a body's plural name), with "The" where
  the text wrote the name with it.  A source described by whose it is ("Her
  coach, Viktor Hale, said she ...") speaks of the possessor: "she" is her;
* the first definite description of a named entity ("the company", "the
  club's") becomes the name, and an opening "its" with no antecedent in reach
  the organisation the article is about (``owners``);
* where the clause opens with no pronoun, the first he/she/his/her/him in a
  clause that names no person before it is replaced the same way ("the
  injury meant she would miss").  Other pronouns further on are left: they
  refer to the subject or to words in the clause.  An unresolved pronoun is
  left as it is;
* the first letter is capitalised and the sentence ends with a period (a
  trailing comma inside a closing quotation mark becomes the period; a
  closing quotation mark without one gets the period after it).

Nothing else changes: the tense and every other word are the content's.  An
infinitive ("not to be named") or an embedded question ("whether hours
would change") asserts nothing on its own and gets no statement.
Direct quotations are the source's own words and keep the statement the rules
gave them (none, or a relative pronoun's antecedent).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimkit.entities.names import fullest
from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.sources import groups, owners
from claimkit.extractors.rules.sources import words as sw
from claimkit.extractors.rules.sources.coreference import (
    Mentions,
    Named,
    agrees,
    full_name_before,
    indefinite,
    window_start,
)
from claimkit.extractors.rules.sources.plural_subjects import PEOPLE_NOUNS
from claimkit.model import Candidate, Sentence, Source, Span

__all__ = ["EXPECTING", "fill", "statement_for"]

# a complementizer, not "that" as the subject ("that is not enough")
_OPENING = re.compile(
    r"\s*(?:that\s+(?!(?:is|was|were|are|would|will|could|should|can|may|might|must|has|had|have|does|did)\b))?", re.IGNORECASE
)
_FIRST_WORD = re.compile(r"(?P<w>he|she|it|they|his|her|its|their)\b", re.IGNORECASE)
_SUBJECT = frozenset({"he", "she", "it", "they"})
# "it had been unable to recruit": adjectives whose subject is the one who does it, no expletive "it"
_CONTROL = "(?:unable|able|willing|unwilling|ready|keen|eager|reluctant|determined|prepared|forced|obliged|due|committed|happy|pleased|proud|sorry|delighted|disappointed|confident|aware|unaware|entitled|allowed|permitted|required)"
_EXPLETIVE_IT = re.compile(
    rf"it\s+(?:is|was|'s|will\s+be|would\s+be|has\s+been|had\s+been|seems|seemed|appears|appeared)\s+[\"\u201c]?(?:(?:too|far|very|still|not|so|much)\s+)*(?!\w+ing\b)(?!{_CONTROL}\b)\w+[\"\u201d]?\s+(?:that|to|whether|for|if)\b"
    r"|it\s+(?:(?:will|would|could|might|may|can)\s+)?(?:take|takes|took)\s+(?:[\w,-]+\s+){1,3}to\b"  # "it might take years to win them back"
    r"|it\s+(?:(?:will|would|could|might|may|can|does|did)\s+)?(?:not\s+)?(?:make|makes|made)\s+(?:\w+\s+)?sense\b",  # "it would make sense for X to"
    re.IGNORECASE,
)
# An infinitive or an embedded question states nothing on its own ("not to be
# named", "whether opening hours would change"): no statement.
_NOT_A_PROPOSITION = re.compile(r"(?:not\s+)?to\s|(?:whether|if|how|why|what|when|where|who)\b", re.IGNORECASE)
# A content that only points at another claim ("rejected a claim", "disputed that account") says nothing checkable
# of its own: no statement.
_ONLY_A_REFERENCE = re.compile(
    r"(?:(?:a|an|the|that|this|those|these|such|any|the same)\s+)?(?:[\w-]+\s+)?"
    r"(?:claims?|accounts?|allegations?|accusations?|reports?|suggestions?|assertions?|characteri[sz]ations?|version|story|idea|notion)\W*$",
    re.IGNORECASE,
)
_DESCRIBING = frozenset("describe brand label portray characterize characterise dub hail denounce paint cast".split())
_AS = re.compile(r"\bas\s")


def _described_as(cand: Candidate, body: str) -> bool:
    """"described the brooch as 'irreplaceable'", "branded him as a liar": the
    object of a describing verb and what it was called, no sentence to stand alone."""
    lemma = cand.cue.lemma if cand.cue is not None else ""
    first = lemma.split()[0] if lemma else ""
    if first in {"accuse", "blame", "criticise", "criticize", "praise", "thank", "credit"} and _OF_FOR.search(body):
        return True  # "accused the council of giving in", "blamed the weather for the losses"
    return (first in _DESCRIBING and _AS.search(body) is not None) or (lemma == "call" and "that" not in body.split()[:1])


_OF_FOR = re.compile(r"\b(?:of|for)\s")


_CLOSERS = "\"'\u201d\u2019"


def _source_stands(source: Source | None, pronoun: str, mentions: Mentions) -> bool:
    if source is None or source.kind in {"unnamed", "author"}:
        return False
    if pronoun in {"they", "their"} and indefinite(source) and source.kind != "group":
        return False  # "A Scottish museum ... after concluding that they were smuggled": they are the objects, not the museum
    if not source.name[:1].isupper() and (source.kind not in {"organization", "government", "media"} or pronoun != "it"):
        return False  # "the agriculture ministry" stands for its "it" (not for an "its", left to the search); "officials" do not
    want = lx.PRONOUNS.get(pronoun)
    at = source.mention.start if source.mention is not None else -1
    together = any(m.plural and m.start == at and m.name == source.name for m in mentions.items)  # "Tesco and Asda"
    named = Named(0, 0, source.name, source.kind, plural=together)
    return want is not None and agrees(named, want, mentions.gender)


_PEOPLE_QUANTIFIERS = frozenset("several some many most others both few".split())


def _people_who_said_it(source: Source | None, pronoun: str, cand: Candidate) -> str | None:
    """The people a "they" opening what they said stands for, where they are named
    by a lower-case plural ("some students", "Analysts", "Three governors")."""
    mention = source.mention if source is not None else None
    if pronoun != "they" or source is None or mention is None or source.kind not in {"group", "unnamed"} or source.resolved_from is not None:
        return None
    last = source.name.split()[-1:] if source.name else []
    if not last or mention.end > cand.content.start:
        return None
    if last[0].lower() in _PEOPLE_QUANTIFIERS and len(source.name.split()) == 1:
        return source.name  # "several said they had been sent home": "Several had been sent home", never a body named before
    if not last[0].endswith("s"):
        return None
    definite = mention.text.strip().lower().startswith("the ") and not source.name.lower().startswith("the ")
    return "The " + source.name if definite and not source.name[:1].isupper() else source.name  # "the co-founders said they ..."


def _described_speaker(source: Source | None, pronoun: str, cand: Candidate) -> str | None:
    """The person a "he" or "she" opening what they said stands for, where the
    person is only described ("a former physiotherapist ..., who said he had seen")."""
    mention = source.mention if source is not None else None
    if pronoun not in {"he", "she"} or source is None or mention is None or source.kind not in {"person", "unnamed"}:
        return None
    name = re.sub(r"^(?:One|Another)\s+", "", source.name)  # "One support engineer, who spoke on condition of anonymity"
    if name[:1].isupper():
        return None
    # "The chair of the council's transport committee" is one; a headline's bare "coach" is not
    one_word = " " not in source.name and (source.name not in sw.INDIVIDUAL_NOUNS | lx.PERSON_HEADS or len(mention.text.split()) < 3)
    if mention.end > cand.content.start or one_word or name.split()[-1] in {"he", "she"} or name.split()[-1] in lx.UNNAMED_HEADS:
        return None
    return "the " + name


_POSSESSOR = {"he": "his", "his": "his", "she": "her", "her": "her"}


def _with_article(text: str, name: str, at: int) -> str:
    """"The European Medicines Office" where the text wrote the name with "the" before it (at ``at``)."""
    written = text[max(0, at - 4) : at].lower() == "the " or (text[at : at + 4].lower() == "the " and text.startswith(name, at + 4))
    return "The " + name if written and not name.lower().startswith("the ") else name


def _written_at(name: str, mention: Span | None, mentions: Mentions) -> int | None:
    """Where the text wrote ``name``: in the source phrase, else its last mention before it."""
    if mention is None:
        return None
    at = mention.text.find(name)
    if at >= 0:
        return mention.start + at
    known = next((m.start for m in mentions.before(mention.start, 0) if m.name == name), None)
    if known is not None:
        return known
    at = mentions.text.rfind(name, 0, mention.start)
    return at if at >= 0 else None


def _possessor(text: str, pronoun: str, cand: Candidate, sentences: Sequence[Sentence], mentions: Mentions) -> str | None:
    """"Her coach, Viktor Hale, said she ...": a source described by whose it is
    ("her coach", "his lawyer") speaks of that person, so a "she" or "he" of
    the same gender in the content is the possessor, not the source.  An
    unnamed relation who speaks as often of themselves ("Her neighbour said
    she had heard"): "" (the pronoun is left as written)."""
    mention = cand.source.mention if cand.source is not None else None
    own = _POSSESSOR.get(pronoun)
    if mention is None or own is None:
        return None
    sent = sentences[cand.sentence_index]
    hit = re.search(rf"\b{own}\s+([a-z]+)", text[sent.start : mention.end], re.IGNORECASE)
    if hit is None or sent.start + hit.start() < mention.start - 2:
        return None
    if hit.group(1).lower() not in _SPEAKS_FOR:
        return ""  # "Her neighbour (, Mira Kostek,) said she had heard": the neighbour or her? Left as written
    lo = window_start(sentences, cand.sentence_index)
    ante = mentions.agreeing(own, sent.start + hit.start(), lo, (mention.start, mention.end))
    return ante.name if ante is not None else ""  # the possessor, unnamed nearby: never the lawyer who speaks for her


_PLURAL = frozenset({"they", "their"})
# Roles that speak for the person whose they are ("his lawyer said he would appeal"); a neighbour, a friend or a
# sister speaks as often of themselves, and an unnamed one leaves the pronoun as it is.
_SPEAKS_FOR = frozenset(
    "lawyer lawyers attorney attorneys counsel solicitor barrister agent agents manager coach trainer spokesman "
    "spokeswoman spokesperson representative representatives publicist doctor physician office campaign team".split()
)


def _fronted(cand: Candidate, sentences: Sequence[Sentence]) -> bool:
    """A content that opens its sentence before the source ("They recorded water ..., the statement said"):
    its "they" reaches back into the sentences before, where plural things ("the meters") are as likely as the
    names we know, so it is not resolved to a name (a wrong name is worse than the pronoun)."""
    mention = cand.source.mention if cand.source is not None else None
    sent = sentences[cand.sentence_index]
    return mention is not None and mention.start >= cand.content.end and cand.content.start <= sent.start + 2


def _name_for(
    pronoun: str, pos: int, cand: Candidate, sentences: Sequence[Sentence], mentions: Mentions
) -> str | None:
    text = mentions.text
    possessor = _possessor(text, pronoun, cand, sentences, mentions)
    if possessor is not None:
        return possessor or None
    if pronoun in _PLURAL and _fronted(cand, sentences):
        return _both_before(text, cand, sentences) if pronoun == "they" else None
    told = _people_told(text, pronoun, cand)
    if told is not None:
        return told  # "tells customers they can claim": the customers
    body = _body_spoken_for(cand.source, pronoun)
    if body is not None:
        return body
    people = _people_who_said_it(cand.source, pronoun, cand) or _described_speaker(cand.source, pronoun, cand)
    if people is not None:
        return people  # "some students said they were worried": the students; "a former nurse, who said she ...": the nurse
    if pronoun in {"her", "his", "him"} and _kept_unnamed(cand.source):
        return None  # "One support engineer ... said her manager had told ...": hers, not a woman named elsewhere
    stands = _source_stands(cand.source, pronoun, mentions)
    if stands and pronoun in {"it", "its"} and _thing_between(text, _thing_from(cand, sentences), cand.content.start):
        return None  # "declined to comment on the dispute, saying it was ...": "it" is the dispute
    if stands:
        described = _described(cand.source)  # type: ignore[arg-type]
        if described is not None:
            return described
        name = fullest([cand.source.name])  # type: ignore[union-attr]
        if groups.as_description(name) != name:
            return groups.as_description(name)
        kind = cand.source.kind  # type: ignore[union-attr]
        if kind == "person" and " " not in name:
            return full_name_before(text, name, cand.content.start) or name  # "Aalto" -> "Ingrid Aalto"
        at = _written_at(name, cand.source.mention, mentions)  # type: ignore[union-attr]
        named = _with_article(text, name, at) if at is not None else name
        return named if named != name else owners.with_the(text, name, kind)
    mention = cand.source.mention if cand.source is not None else None
    skip = (mention.start, mention.end) if mention is not None else None
    ante = mentions.agreeing(pronoun, min(pos, cand.content.start), window_start(sentences, cand.sentence_index), skip)
    if ante is not None and _body_of_another_paragraph(ante, pronoun, cand, sentences):
        return None  # "the boy's mother said they had waited": her family, not the police of the paragraph before
    if ante is not None and pronoun in {"it", "its", "they", "their"} and _aside(text, ante):
        return None  # "he told Radio Pampa Norte that ... It expects to", "a geophysicist at the University of X ... It could": not who
    if ante is not None and pronoun in {"it", "its"} and _thing_between(text, max(ante.end, sentences[cand.sentence_index].start), cand.content.start):
        return None  # "Consumer groups welcomed the fine but said it was too small": "it" is the fine
    if ante is None and pronoun == "its":
        ante = owners.topic(cand.content.start, mentions)  # "its online orders" in an article about Brenmoor
    return owners.name_of(text, ante) if ante is not None else None


# "A spokesman for the environment agency", "an official at the Ministry of Health": whose voice the person is
_FOR_A_BODY = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:spokesman|spokeswoman|spokesperson|representative|official|officer|director|executive|lawyer)"
    r"\s+(?:for|at|of|from)\s+(?P<body>(?:the\s+)?[\w'\u2019&-]+(?:\s+[\w'\u2019&-]+){0,5})$",
    re.IGNORECASE,
)


def _aside(text: str, ante: Named) -> bool:
    """Whether a mention is one a report's "it" or "they" rarely means: the hearer of "told", the
    object of a preposition (the only ones that agreed, ``Mentions.salient``), or a place or body
    named before a person's role ("Waiharo mayor Anahera Kingi")."""
    modifier = " " not in ante.name and _ROLE_AND_NAME_AFTER.match(text, ante.end) is not None  # "Waiharo mayor Anahera Kingi"
    return modifier or _HEARER_OR_PLACE.search(text, max(0, ante.start - 12), ante.start) is not None


_ROLE_AND_NAME_AFTER = re.compile(r"\s+[a-z][a-z-]+\s+[A-Z]")
_HEARER_OR_PLACE = re.compile(r"\b(?:told|tells|tell|telling|at|in|from|with|to|on|by)\s+(?:the\s+)?(?:[a-z-]+\s+)?$", re.IGNORECASE)  # (not "a spokesman for", "the head of")


def _body_of_another_paragraph(ante: Named, pronoun: str, cand: Candidate, sentences: Sequence[Sentence]) -> bool:
    """Whether a person's "they" would stand for a body named only in an earlier paragraph."""
    person = cand.source is not None and cand.source.kind in {"person", "unnamed"}
    return pronoun in {"they", "their"} and person and ante.kind in {"organization", "government"} and ante.start < _paragraph_start(sentences, cand.sentence_index)


def _paragraph_start(sentences: Sequence[Sentence], index: int) -> int:
    first = index
    while first > 0 and sentences[first - 1].paragraph == sentences[index].paragraph:
        first -= 1
    return sentences[first].start


_TELLING = frozenset("tell assure warn inform remind advise".split())
_TOLD_PEOPLE = re.compile(r"\s*(?P<np>(?:[a-z-]+\s+){0,2}[a-z-]+s)\s*(?:that\s+)?$")


_NOT_NAMED = re.compile(rf"\b{sw.NOT_NAMED}\b", re.IGNORECASE)


def _kept_unnamed(source: Source | None) -> bool:
    """One person the article says it does not name ("One support engineer, who spoke on condition of anonymity")."""
    return source is not None and source.kind == "unnamed" and source.mention is not None and _NOT_NAMED.search(source.mention.text) is not None


def _people_told(text: str, pronoun: str, cand: Candidate) -> str | None:
    """"A notice tells customers they can claim": a "they" opening what was told to
    plural people is those people (as the statement names them)."""
    cue = cand.cue
    if pronoun != "they" or cue is None or cue.mention is None or cue.lemma.split()[0] not in _TELLING or cue.mention.end > cand.content.start:
        return None
    hit = _TOLD_PEOPLE.match(text[cue.mention.end : cand.content.start])
    if hit is None or hit.group("np").split()[-1].lower() not in PEOPLE_NOUNS | lx.GROUP_HEADS:
        return None
    np = hit.group("np")
    return np[:1].upper() + np[1:]


def _body_spoken_for(source: Source | None, pronoun: str) -> str | None:
    """"A spokesman for the environment agency confirmed it had received ...":
    a person speaking for a body speaks of the body as "it" ("The environment
    agency"; "The Calder Port Authority" as written)."""
    if pronoun not in {"it", "its"} or source is None or source.mention is None:
        return None
    hit = _FOR_A_BODY.match(source.mention.text.strip())
    if hit is None:
        return None
    body = hit.group("body")
    last = body.split()[-1].lower()
    if not (last in sw.BODY_NOUNS or last in sw.INSTITUTION_NOUNS or last in sw.GENERIC_BODY_NOUNS or any(w[:1].isupper() for w in body.split())):
        return None  # "a spokesman for the family": not an "it"
    return body[:1].upper() + body[1:]


_BOTH = re.compile(
    r"(?:(?:Both\s+(?:the\s+)?[a-z]+|The\s+two\s+[a-z]+)(?=\s+[a-z])"
    r"|Both\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*\s+and\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*(?=\s+[a-z])"
    # "Dashly and the union held a short meeting": a name and a description (or two names) as the subject
    r"|(?!(?:The|A|An|But|And|In|On|At|For|It|They|He|She)\s)[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*\s+and\s+(?:the\s+[a-z]+|[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)"
    r"(?=\s+(?:[a-z]+ed|met|held|spent|agreed|have|had|are|were|will|would)\b))"
)


def _both_before(text: str, cand: Candidate, sentences: Sequence[Sentence]) -> str | None:
    """"Both parties met on Wednesday. They spent three hours ...": a "they"
    opening the sentence after one that opens with two parties named together
    ("Both parties", "The two unions", "Both Avel and the council") or with a
    group ("A delegation from the association met ...") is them."""
    index = cand.sentence_index
    if index == 0 or sentences[index - 1].paragraph != sentences[index].paragraph:
        return None
    hit = _BOTH.match(text, sentences[index - 1].start, sentences[index - 1].end)
    if hit:
        return hit.group()
    group = _GROUP_OPENING.match(text, sentences[index - 1].start, sentences[index - 1].end)
    return "The " + group.group("g") if group else None  # "A delegation from the association met ...": "The delegation from the association"


_GROUP_OPENING = re.compile(
    rf"(?:A|An|The)\s+(?P<g>(?:[a-z-]+\s+)?(?:{'|'.join(sorted(groups.HEADS | {'team', 'group'}))})\s+(?:from|of)\s+"
    r"(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+)(?=\s+(?:[a-z]+ed|met|went|spent|held|took|saw|made|came|were|had|was)\b)"
)


_THE_NOUN = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?([a-z-]+)\b(?!\s+(?:of|for)\b)")
_NOT_THINGS = sw.BODY_NOUNS | sw.INSTITUTION_NOUNS | sw.GENERIC_BODY_NOUNS | lx.PERSON_HEADS | sw.PERSON_DESCRIPTORS


def _thing_between(text: str, start: int, end: int) -> bool:
    """Whether a thing named by "the" ("welcomed the fine but said it ...")
    stands between a body and the "it" of the content, in the content's sentence."""
    for hit in _THE_NOUN.finditer(text, start, end):
        words = hit.group().lower().split()[1:]
        while len(words) > 1 and (words[-1] in _SPEECH_FORMS or words[-1] in _LINKS or words[-1] in _AUXILIARIES):
            words.pop()  # "the findings and", "the board said", "The plan was": the noun is before
        if any(w in _NOT_THINGS for w in words) or words[-1].endswith(("s", "ed")):
            continue  # a body, or a plural ("rejected the findings and said it would appeal": "it" is the firm)
        return True
    return False


def _thing_from(cand: Candidate, sentences: Sequence[Sentence]) -> int:
    """Where a thing the content's "it" may mean can stand: after the source, or for a
    relative source ("The report was welcomed by the charity, which said it was
    overdue") from the start of the sentence."""
    mention = cand.source.mention  # type: ignore[union-attr]
    if mention is not None and mention.text.strip().lower() in {"which", "who", "that"}:
        return sentences[cand.sentence_index].start
    return mention.end if mention is not None else cand.content.start


_AUXILIARIES = frozenset("is are was were has have had will would can could may might must should".split())
_LINKS = frozenset("and or but that to in on at with for by as".split())


_SPEECH_FORMS = frozenset("said says told tells added adds argued argues claimed claims".split())


def _described(source: Source) -> str | None:
    """A body the article only describes, as the source phrase wrote it ("The transport ministry")."""
    mention = source.mention
    if source.name[:1].isupper() or mention is None or mention.text[:4].lower() != "the ":
        return None
    return "The " + mention.text[4:].split(",")[0].strip()  # not its ", which awards the franchise"


def _end_with_period(s: str) -> str:
    s = s.rstrip(" ,;:\u2014-")
    if not s:
        return s
    if s[-1] in ".!?":
        return s
    if s[-1] in _CLOSERS:
        body = s.rstrip(_CLOSERS)
        closers = s[len(body) :]
        if body[-1:] in ".!?":
            return s
        if body[-1:] == ",":
            return body[:-1] + "." + closers
        return s + "."
    return s + "."


def _possessive(name: str, cand: Candidate, mentions: Mentions) -> str:
    """"Nadia Farouk's", "Lena Kovacs's", "Greenfield Paints'" (a body's name in a
    plural form takes the apostrophe alone)."""
    bare = name.removeprefix("The ")  # "The Hartwell Museum of Art" (``_with_article``)
    if cand.source is not None and cand.source.name == bare:
        kind = cand.source.kind
    else:
        kind = next((m.kind for m in mentions.items if m.name == bare), "person")
    if name.endswith("s") and kind in {"organization", "government", "media", "group"}:
        return name + "'"
    return name + "'s"


def statement_for(text: str, cand: Candidate, sentences: Sequence[Sentence], mentions: Mentions) -> str | None:
    """The standalone sentence of one indirect or mixed claim (module docstring)."""
    c = cand.content
    lead = _OPENING.match(text, c.start, c.end)
    start = lead.end() if lead else c.start
    body = _without_inserted_cue(text, start, c.end, cand).strip()
    if not body or _NOT_A_PROPOSITION.match(body) or _ONLY_A_REFERENCE.match(body) or _described_as(cand, body):
        return None
    speaker = cand.source.mention.text if cand.source is not None and cand.source.mention is not None else ""
    body = owners.description(body, start, window_start(sentences, cand.sentence_index), mentions, speaker)
    first = _FIRST_WORD.match(body)
    if first and not _EXPLETIVE_IT.match(body):
        word = first["w"].lower()
        name = _name_for(word, start, cand, sentences, mentions)
        if name is not None and name.lower() != word and name.lower() not in lx.PRONOUNS:
            body = (name if word in _SUBJECT else _possessive(name, cand, mentions)) + body[first.end() :]
    elif not first:
        body = _later_person(body, start, cand, sentences, mentions)
    body = _SECOND_THAT.sub(r"\g<conj> ", body)
    if _directive(body, cand):
        return None  # "asked officials to review ...": a request, no statement of fact
    body = _expected_event(body, cand)
    return _end_with_period(body[:1].upper() + body[1:])


EXPECTING = frozenset("expect predict forecast project anticipate".split())
_SUBJECT_TO = re.compile(r"(?P<np>(?:[\w'\u2019,.-]+\s+){1,6}?)to\s+(?=[a-z]+\b)")


_DIRECTING = frozenset("ask urge tell order instruct invite encourage press want call persuade advise warn".split())


def _directive(body: str, cand: Candidate) -> bool:
    """A request or order with its addressee ("asked officials to review how mines
    are inspected", "urged members to vote"): what is asked is no proposition."""
    cue = cand.cue
    if cue is None or cue.lemma.split()[0] not in _DIRECTING or cue.mention is None or cue.mention.end > cand.content.start:
        return False  # the request follows its verb ("It intends to move ..., she told analysts" is no request)
    hit = _SUBJECT_TO.match(body)
    return hit is not None and not any(w.lower().strip(",.") in _AUXILIARIES for w in hit["np"].split())


def _expected_event(body: str, cand: Candidate) -> str:
    """"expected the fire to be contained by Monday": the statement is what is
    expected, as a clause ("The fire would be contained by Monday"; "will" after a
    present "expects")."""
    cue = cand.cue
    if cue is None or cue.lemma not in EXPECTING or cue.mention is None or cue.mention.end > cand.content.start:
        return body
    hit = _SUBJECT_TO.match(body)
    if hit is None or any(w.lower().strip(",.") in _AUXILIARIES for w in hit["np"].split()):
        return body
    modal = "would" if cue.mention.text.lower().split()[-1].endswith("ed") else "will"
    return f"{hit['np']}{modal} {body[hit.end():]}"


def _without_inserted_cue(text: str, start: int, end: int, cand: Candidate) -> str:
    """The content's words without a cue phrase set into them: "The final
    version, he said, reflected new data" reads "The final version reflected
    new data" (the span keeps the cue, as the annotators mark it)."""
    cue = cand.cue.mention if cand.cue is not None else None
    if cue is None or not (start < cue.start and cue.end < end):
        return text[start:end]
    lo, hi = cue.start, cue.end
    mention = cand.source.mention if cand.source is not None else None
    if mention is not None and start < mention.start and mention.end < end and abs(mention.start - cue.start) < 60:
        lo, hi = min(lo, mention.start), max(hi, mention.end)
    left = text.rfind(",", start, lo)
    right = text.find(",", hi, end)
    if left < 0 or right < 0 or text[left + 1 : lo].strip() or len(text[hi:right].split()) > 4:
        return text[start:end]  # not set off by commas on both sides ("on Monday" after the cue may stand)
    rest = text[right + 1 : end]
    first = rest.split()[0].lower() if rest.split() else ""
    before = text[start:left].split()
    # "The final version, he said, reflected ...": subject and verb; "It was, he said, "an honest mistake"": verb and complement
    joined = first in _AUXILIARIES or first.endswith("ed") or (bool(before) and before[-1].lower() in _AUXILIARIES)
    return text[start:left] + (rest if joined else "," + rest)  # "... on June 29, eleven months after ..." keeps its comma


_AUXILIARIES = frozenset(
    "is are was were will would could should might may must can has have had does did be been".split()
)


# "said the repairs would cost more and that the city would ask for help": the
# second "that" joins a second reported clause; the statement reads without it
# (not "and that figure", where "that" is a determiner).
_SECOND_THAT = re.compile(
    r"(?P<conj>,?\s+(?:and|but|or))\s+that\s+"
    r"(?=(?:[Tt]he|[Aa]n?|[Ii]t|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Tt]here|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hese|[Tt]hose)\b|[A-Z]"
    # a plural noun and a verb ("and that officials would visit"): "that" is no determiner before a plural
    r"|(?:[a-z-]+\s+)?[a-z]+[^s\W]s\s+(?:would|will|could|should|might|may|must|were|are|had|have|did|do|can|of|raised|made|given|taken|from|in|at|on|who|which)\b"
    # a gerund and a verb ("and that dredging would resume")
    r"|[a-z]+ing\s+(?:would|will|could|should|might|may|must|was|is|had|has|did|does|can)\b"
    # a quantifier ("and that some delays were likely"): "that" is no determiner before one
    # an abstract noun, which takes no "that" as its determiner ("and that safety was its first priority")
    r"|[a-z]+(?:ty|ment|tion|sion|ness|ance|ence)\s+(?:would|will|could|should|might|may|must|was|is|were|are|had|has|did|does|can)\b"
    # a number ("and that about 800,000 deals would end")
    r"|(?:(?:about|around|nearly|almost|roughly|over|under|up\s+to|at\s+least)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|dozens|half)\b)"
    r"|(?:[Ss]ome|[Mm]any|[Mm]ost|[Aa]ll|[Nn]o|[Nn]one|[Ss]everal|[Ff]ew|[Bb]oth|[Ee]ach|[Ee]very|[Oo]ther|[Mm]ore)\b)"
)


_LATER_PERSON = re.compile(r"\b(?P<w>he|she|him|his|her)\b(?P<next>\s+[a-z]+)?", re.IGNORECASE)
_OPENERS = frozenset("the a an it its this that these those their our we i in on at there".split())
_NOT_A_NOUN = frozenset(
    "to and or that in on at for with by from as if when after before it he she they we you i this there the a an".split()
)  # "told her it was ...": "her" is the object, not an owner


def _later_person(body: str, start: int, cand: Candidate, sentences: Sequence[Sentence], mentions: Mentions) -> str:
    """"the injury meant she would miss the final": a he/she/his/her/him in a
    clause that names no person before it refers outside the clause, so it is
    replaced (the first one only) as an opening pronoun would be."""
    hit = _LATER_PERSON.search(body)
    if hit is None or _person_before(body[: hit.start()]) or _quoted(body[: hit.start()]):
        return body  # not inside the speaker's own quoted words ('"the kindest thing we can do for her"')
    word = hit["w"].lower()
    name = _name_for("he" if word == "him" else word, start + hit.start(), cand, sentences, mentions)
    if name is None or name.lower() in lx.PRONOUNS:
        return body  # an unresolved "She said her car ...": left as written
    follower = (hit["next"] or "").strip()
    possessive = word == "his" or (word == "her" and bool(follower) and follower not in _NOT_A_NOUN)
    return body[: hit.start()] + (_possessive(name, cand, mentions) if possessive else name) + body[hit.end("w") :]


def _quoted(before: str) -> bool:
    """Whether a quotation is open at the end of ``before``."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _person_before(words: str) -> bool:
    """Whether a person may be named in these words (a capitalised word after
    the first, or a person's role): a pronoun after them may refer to it."""
    tokens = words.split()
    if any(w[:1].isupper() for w in tokens[1:]) or (tokens[:1] and tokens[0][:1].isupper() and tokens[0].lower() not in _OPENERS):
        return True
    people = lx.PERSON_HEADS | sw.PERSON_DESCRIPTORS | sw.PERSON_ROLE_WORDS
    return any(w.strip(",.'\u2019s").lower() in people or w.lower().rstrip("s") in people for w in tokens)


# "which the union says is well below inflation": the extractor wrote its statement from the noun the clause is about
_RELATIVE_SAID = re.compile(r"(?:which|who)\s+.*\b(?:says?|said|claims?|claimed|argues?|argued|believes?|believed|thinks?|thought|insists?|insisted)\s", re.IGNORECASE)


def fill(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate], mentions: Mentions) -> list[Candidate]:
    """The candidates with a statement on every indirect and mixed claim."""
    out = []
    for cand in candidates:
        if cand.mode not in {"indirect", "mixed"} or cand.content.text.strip().lower() in lx.RELATIVE_PRONOUNS or _RELATIVE_SAID.match(cand.content.text):
            out.append(cand)
            continue
        if not cand.proposition:
            out.append(cand.model_copy(update={"statement": None}))  # "criticised the delay": a topic, no claim to stand alone
            continue
        out.append(cand.model_copy(update={"statement": statement_for(text, cand, sentences, mentions)}))
    return out
