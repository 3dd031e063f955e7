"""Who a source phrase names: pronouns and definite descriptions resolved,
names and kinds read from what the name is.  Rule-based; no model download.

``refine(text, sentences, candidates)`` runs after the attribution rules and
rewrites ``source.name``, ``source.kind`` and ``source.resolved_from`` (never
the ``mention`` span, so span scores do not move):

1. Named mentions of the article: the PERSON, ORG, GPE and NORP entities that
   spaCy's NER finds in the sentences around attributions (``entities``),
   plus the proper-noun source names the rules found.  A later surname
   ("Okoye") stands for the earlier full name ("Grace Okoye"), a first word
   ("Nordvik") for the organisation it begins ("Nordvik Seafoods").
2. Gender, where the text shows it: an honorific before the name ("Ms
   Varga"), or the first he/she/his/her after it in the same sentence with no
   other person between ("Okoye said she had ...").
3. A pronoun source (he, she, it, they, ...) is the most recent earlier named
   mention that agrees (a person of the same or unknown gender; a singular
   organisation or public body for "it"; a group, organisation or body for
   "they") within the window: the source's paragraph and at least the two
   sentences before it, the sentence itself up to the pronoun included.
4. A definite description ("the company", "The firm", "the agency", "the
   ministry", "the club", "the minister") is the most recent earlier named
   mention whose name holds the noun ("the ministry" -> "Ministry of
   Finance"; anywhere before), else the most recent one of the kind the noun
   names within the window (``words``).
5. Any other source gets the entity inside its phrase as its name when the
   rules kept only a title or description ("Chief financial officer Rafael
   Moreno" -> "Rafael Moreno"), and its kind from the name
   (``kinds``).

``resolved_from`` keeps the pronoun or description a name was resolved from.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.sources import coordination, descriptors, groups, spokespeople
from claimkit.extractors.rules.sources import entities as ner
from claimkit.extractors.rules.sources import words as sw
from claimkit.extractors.rules.sources.kinds import (
    clean_name,
    given_name,
    given_name_gender,
    kind_of_name,
    title_word,
)
from claimkit.extractors.rules.sources.plural_subjects import PEOPLE_NOUNS
from claimkit.model import Candidate, Sentence, Source, Span

__all__ = ["LOWER_WORD_AFTER", "Mentions", "agrees", "analyse", "full_name_before", "indefinite", "refer", "refine", "window_start"]

WINDOW_SENTENCES = 2  # sentences before the source's own, at least
_PREPOSITIONS = frozenset("of in at from to near on for with by into across outside inside via".split())
_PLACE_PREPOSITIONS = frozenset("in at near to into across outside inside".split())
_GENDER_PRONOUNS = {"he": "male", "his": "male", "him": "male", "she": "female", "her": "female"}
_PRONOUN_AFTER = re.compile(r"\b(he|she|his|her|him)\b", re.IGNORECASE)
# verbs whose object pronoun is somebody else than their subject ("she told him", "he thanked her")
_OBJECT_VERBS = frozenset("asked gave showed sent offered thanked met called warned assured informed urged helped handed let made saw".split())
_DESCRIPTOR_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z'\u2019-]+\s+)?([a-z-]+)\s+$", re.IGNORECASE)
# "The aviation regulator, Traficom,", "The senior coroner for Eastshire, Margaret Okonkwo,"
_DESCRIPTOR_COMMA_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})?,\s+$",
    re.IGNORECASE,
)
_DESCRIPTOR_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[a-z'\u2019-]+\s+){0,2}?([a-z-]+)(?:\s+of\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))?" + descriptors.APPOSITION_END
)  # "a tenants' union", "a mother of three"
# ", a local branch of the charity,": a part of a body is a body of that kind
_DESCRIPTOR_PART_OF = re.compile(
    r",\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?:branch|arm|unit|division|subsidiary|chapter|wing|offshoot)\s+of\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)"
    + descriptors.APPOSITION_END
)
_DESCRIPTION = re.compile(r"^(?:the|this|that)\s+(?:[a-z-]+\s+|[a-z-]+s['\u2019]\s+(?=boss\b))?([a-z-]+)$", re.IGNORECASE)  # ("the visitors' boss")


# "according to the operator, Pennine Freight": a source, not the object of a preposition
_ACCORDING_BEFORE = re.compile(r"according\s+to\s+$", re.IGNORECASE)


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?][\"\u201d\u2019']?\s+|\n\s*)$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s")


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 20) : pos].split()
    return words[-1].lower() if words else ""


def _governing_word(text: str, pos: int) -> str:
    """The word before a name and the role noun and titles written before it ("was briefed by incident
    controller Supt. Leanne Marsh": "by"), so that a preposition before a titled name is seen."""
    words = text[max(0, pos - 60) : pos].split()
    k = len(words)
    while k > 1 and words[k - 1].lower() in lx.TITLES:
        k -= 1  # "Supt."
    if k > 1 and (words[k - 1].lower() in _ROLE_NOUNS or words[k - 1].lower().endswith(("er", "or", "ist"))) and words[k - 1].islower():
        k -= 1  # "controller", "writer"
        if k > 1 and words[k - 1].islower() and words[k - 1].isalpha() and words[k - 1] not in _PREPOSITIONS:
            k -= 1  # "incident"
    if k and k < len(words) and words[k - 1].lower() != "by":
        return words[-1].lower()  # only a passive's agent is read over a role ("talks with opposition leader Raila Odinga, who ...")
    return words[k - 1].lower() if k else ""


@dataclass
class Named:
    start: int
    end: int
    name: str
    kind: str
    plural: bool = False


class Quoted(Protocol):
    """Where an article's quotations are (the extractor's ``constructions.quotes.Quotes``)."""

    def at(self, pos: int) -> object | None: ...


class Mentions:
    """The named mentions of one article, in text order, with gender evidence."""

    def __init__(self, text: str, found: list[Named]) -> None:
        self.text = text
        self.items: list[Named] = []
        self.gender: dict[str, str] = {}
        self.spoken_for: dict[int, tuple[str, str]] = {}  # where an unnamed spokesperson was named -> the body (``spokespeople``)
        self.people: list[Named] = []  # plural subjects of people, antecedents for "they" only (``plural_subjects``)
        self.individuals: list[tuple[int, int, str]] = []  # "one girl", "a pensioner": antecedents for "she" or "he" only
        self.quotes: Quoted | None = None  # the article's quotations, given by the extractor
        for m in sorted(found, key=lambda m: m.start):
            m.name = self._canonical(m)
            self.items.append(m)

    def add_resolved(self, m: Named) -> None:
        """A description or pronoun resolved to a name, as an antecedent for
        what follows ("In a statement, the board said ... It described ...":
        "It" is what "the board" was)."""
        # not the words inside it read as a name of their own ("the Moldovan President": "Moldovan President")
        self.items = [n for n in self.items if not (m.start <= n.start and n.end <= m.end and n.name != m.name)]
        keys = [n.start for n in self.items]
        self.items.insert(bisect.bisect_right(keys, m.start), m)

    def describe(self, name: str, head: str) -> None:
        """Remember that a description ("the company") was resolved to ``name``: a
        later "the company" prefers the name it already stood for."""
        self.descriptors.setdefault(name, set()).add(head)

    def _canonical(self, m: Named) -> str:
        """The earlier full name a shorter mention stands for; a person's surname
        makes the mention a person whatever NER said ("Rahimi" ORG -> person)."""
        words = m.name.split()
        for earlier in reversed(self.items):
            full = earlier.name.split()
            if earlier.start >= m.start or len(words) >= len(full):
                continue
            if earlier.kind == "person" and full[-len(words) :] == words:
                m.kind = "person"
                return earlier.name
            if earlier.kind == "person" and words == full[:1] and _HONORIFIC_GIVEN.match(self.text, m.start):
                m.kind = "person"  # "Dame Felicity" after "Dame Felicity Unwin", "Sir Alan" after "Sir Alan Reid"
                return earlier.name
            if earlier.kind == m.kind != "person" and words in (full[: len(words)], full[-len(words) :]):
                return earlier.name  # "Nordvik" for Nordvik Seafoods, "Rovers" for Castlemere Rovers
            if earlier.kind == "organization" and _with_legal_suffix(full, words):
                m.kind = earlier.kind
                return earlier.name  # "Glyncastle Mining" for Glyncastle Mining Ltd, whatever NER made of it
            if m.kind in {"person", "unnamed"} and earlier.kind == "organization" and len(words) == 1 and full[:1] == words and _firm_by_first_word(earlier.name):
                m.kind = earlier.kind  # "Greenway" after "Greenway Buses", which NER alone reads as a person or not at all
                return earlier.name
            if _brand(m, words, earlier, full):
                m.kind = earlier.kind
                return earlier.name
        return m.name

    def learn_descriptors(self) -> None:
        """Nouns the text puts next to a name: "the planemaker Corvan Aero",
        "Fjell Capital, an investment bank", "Valdoran XR company Lumenra"."""
        self.descriptors: dict[str, set[str]] = {}
        for m in self.items:
            at = self.text.find(m.name, m.start, m.end)  # "The sportswear maker Kestrova" as one source phrase
            before = _DESCRIPTOR_BEFORE.search(self.text, max(0, m.start - 40), m.start)
            after = _DESCRIPTOR_AFTER.match(self.text, at + len(m.name) if at >= 0 else m.end) or _DESCRIPTOR_PART_OF.match(
                self.text, at + len(m.name) if at >= 0 else m.end
            )
            # "The aviation regulator, Traficom, said": a description set before the name by a comma
            name_at = at if at > m.start else m.start
            comma = _DESCRIPTOR_COMMA_BEFORE.search(self.text, max(0, name_at - 50), name_at)
            if comma is not None and _word_before(self.text, comma.start()) in _PREPOSITIONS:
                comma = None  # "A spokeswoman for the force, Inspector Mia Holt": the force is hers, not her kind
            found = {hit.group(1).lower() for hit in (before, after, comma) if hit}
            bare = descriptors.descriptor_before(self.text, at if at > m.start else m.start)
            if bare:
                found.add(bare)
            if m.kind != "person" and self._owns_a_person(m):
                found.add("organization")  # "Comhar's Nuala Brennock": every "Comhar" is the party, not a person
            self.descriptors.setdefault(m.name, set()).update(found)

    def _owns_a_person(self, m: Named) -> bool:
        """Whether a person's name of two or three words follows the mention's possessive."""
        hit = _POSSESSIVE_START.match(self.text, m.end)
        return hit is not None and any(p.kind == "person" and p.start == hit.end() and 2 <= len(p.name.split()) <= 3 for p in self.items)

    def add_joint(self, spans: list[tuple[int, int]]) -> None:
        """"both parties", "the two sides": one plural group named after the two
        parties named last before it (1,500 characters back at most), in the order
        the article first names them, of their shared kind where they have one; a
        later "both sides" is the same pair as the last one (3,000 characters back)."""
        hits = sorted({(h.start(), h.end()) for lo, hi in spans for h in groups.JOINT.finditer(self.text, lo, hi)})
        for start, end in hits:
            earlier = next((m for m in self.before(start, max(0, start - 3000)) if _is_joint(m)), None)
            pair = (earlier.name, earlier.kind) if earlier is not None else self._pair(start)
            if pair is not None:
                self.items.append(Named(start, end, pair[0], pair[1], plural=True))
                self.items.sort(key=lambda m: m.start)

    def _pair(self, pos: int) -> tuple[str, str] | None:
        """The joint name and kind of the two parties named last before ``pos``."""
        parties: list[Named] = []
        for m in self.before(pos, max(0, pos - 1500)):
            # "in Tarvik", "Ostrova": where, not who
            place = (m.kind == "government" and " " not in m.name) or _word_before(self.text, m.start) in _PLACE_PREPOSITIONS
            # nor a hearer ("told Radio Kaiwhero"), nor a place before a role ("Waiharo mayor Anahera Kingi")
            place = place or _word_before(self.text, m.start) in _TOLD_FORMS or (" " not in m.name and LOWER_WORD_AFTER.match(self.text, m.end) is not None)
            if m.kind not in {"person", "document", "media"} and not (place or _is_joint(m)) and all(p.name != m.name for p in parties):
                parties.append(m)
            if len(parties) == 2:
                break
        if len(parties) < 2:
            return None
        low = self.text.lower()
        first, second = sorted(parties, key=lambda p: low.find(p.name.lower()) % (len(low) + 1))
        return groups.joint_name(first.name, second.name), first.kind if first.kind == second.kind else "group"

    def settle_kinds(self) -> dict[str, str]:
        """One kind per name where its descriptors agree on one ("Chinese AI company
        Blaze" makes every mention of Blaze an organisation): the kinds so settled."""
        settled = {}
        for name, found in self.descriptors.items():
            kind = descriptors.kind_of_descriptors(found)
            if kind in {"organization", "government", "media"} and len(name.split()) > 1 and given_name(name.split()[0]):
                continue  # "the property developer Vincent Areola": a person the noun describes
            if kind is not None:
                settled[name] = kind
        for m in self.items:
            if m.name in settled and not m.plural:
                m.kind = settled[m.name]
            m.name = self._canonical(m)  # "Brask" after "Head groundsman Ivo Brask", now a person
        return settled

    def learn_gender(self, sentences: Sequence[Sentence]) -> None:
        starts = [s.start for s in sentences]
        for m in self.items:
            # after the name, or inside a source phrase that holds the apposition
            described = (_KIN_AFTER.match(self.text, m.end) or _KIN_AFTER.search(self.text, m.start, m.end)) if m.kind == "person" else None
            if described is not None and m.name not in self.gender:
                # "Ivanka Trump, the nominee's eldest daughter,": the noun says it, wherever the name comes first
                self.gender[m.name] = "female" if described.group(1).lower() in _FEMALE_KIN else "male"
        for i, m in enumerate(self.items):
            if m.kind != "person" or m.name in self.gender:
                continue
            honorific = _honorific_before(self.text, m)
            if honorific is not None:
                self.gender[m.name] = honorific
                continue
            words = m.name.split()
            # a given and a family name ("Brian Fallon"); a name alone may be a family name ("Clinton")
            given = given_name_gender(words[0]) if len(words) >= 2 else None
            kin = _KIN_BEFORE.search(self.text, max(0, m.start - 14), m.start)
            if kin is not None:
                given = "female" if kin.group(1).lower() in _FEMALE_KIN else "male"  # "Mr Toller's wife, Janet"
            if given is not None:
                self.gender[m.name] = given  # "Mr Toller's wife, Janet, ... He said": Janet is no "he"
                continue
            k = bisect.bisect_right(starts, m.start) - 1
            stop = sentences[k].end if k >= 0 else len(self.text)
            nxt = next((o.start for o in self.items[i + 1 :] if o.kind == "person" and o.name != m.name), stop)
            hit = _PRONOUN_AFTER.search(self.text, m.end, min(stop, nxt))
            while hit and hit.group(1).lower() in {"him", "her"} and _word_before(self.text, hit.start()) in _TOLD_FORMS | _OBJECT_VERBS:
                hit = _PRONOUN_AFTER.search(self.text, hit.end(), min(stop, nxt))  # "Madam Tay told him": the hearer, another person
            if hit:
                self.gender[m.name] = _GENDER_PRONOUNS[hit.group(1).lower()]

    def agreeing(self, pronoun: str, pos: int, lo: int, skip: tuple[int, int] | None = None) -> Named | None:
        """The most recent mention before ``pos`` (from ``lo``) that ``pronoun`` can stand for,
        leaving out those inside ``skip``."""
        want = lx.PRONOUNS.get(pronoun.lower())
        if want is None:
            return None
        fits = [
            m for m in self.before(pos, lo)
            if not (skip is not None and skip[0] <= m.start and m.end <= skip[1]) and agrees(m, want, self.gender)
        ]
        if want in {"male", "female"}:
            # a speaker, not a person named inside somebody's quoted words ("'... lose Leon,' he said. He added ...")
            fits = [m for m in fits if not self._quoted(m)] or fits
            # nor one named with "she" beside her ("She and Sokolov have worked together. She says ...": not Sokolov)
            fits = [m for m in fits if not self._beside_a_pronoun(m)] or fits
            # nor the hearer of a "told" ("spokeswoman Katrin Oberholzer told Alpenwire. She said ...")
            fits = [m for m in fits if _word_before(self.text, m.start) not in _TOLD_FORMS] or fits
            opener = self._subject_before(fits, pos)
            if opener is not None:
                return opener
        if want == "plural":
            people = [m for m in self.people if m.end <= pos and m.start >= lo and not (skip is not None and skip[0] <= m.start and m.end <= skip[1])]
            fits = sorted(fits + people, key=lambda m: m.start, reverse=True)
            # "The NFU and the TFA said ... They urged": the two together, not the last of them
            joints = [j for j in fits if _is_joint(j)]
            fits = [m for m in fits if _is_joint(m) or not any(j.start <= m.start and m.end <= j.end for j in joints)]
            subject = next((m for m in fits if m in people), None)
            if subject is not None and fits and fits[0] is not subject and not _SENTENCE_END.search(self.text, subject.end, fits[0].start):
                return subject  # "Inspectors visited the Rosewood Birth Centre ... They found": the people who did it, not the place
        return self.salient(fits)

    def _subject_before(self, fits: list[Named], pos: int) -> Named | None:
        """A sentence-opening "She" after a sentence whose subject fits: that subject, not a person named
        later in it ("The mayor visited the station with ... its chief executive, Bongani Zulu. She told
        reporters ...": the mayor)."""
        if not fits or not _OPENS_SENTENCE.search(self.text, max(0, pos - 4), pos):
            return None
        last = fits[0]
        opener = next((m for m in fits if _OPENS_SENTENCE.search(self.text, max(0, m.start - 4), m.start)), None)
        if opener is None or opener is last or _SENTENCE_END.search(self.text, opener.end, last.start):
            return None
        return opener

    def _beside_a_pronoun(self, m: Named) -> bool:
        return bool(_WITH_THE_PRONOUN.search(self.text, max(0, m.start - 10), m.start) or _WITH_THE_PRONOUN_AFTER.match(self.text, m.end))

    def _quoted(self, m: Named) -> bool:
        return self.in_quotes(m.start)

    def in_quotes(self, pos: int) -> bool:
        return self.quotes is not None and self.quotes.at(pos) is not None

    def salient(self, fits: list[Named]) -> Named | None:
        """Of compatible mentions (most recent first), the most recent that is not
        the object of a preposition (a subject is more likely referred to:
        "Brennock Mills will shut its shed in Ulverby, the company said"; "the
        port of Averly"), else the most recent."""
        if not fits:
            return None
        return next((m for m in fits if _governing_word(self.text, m.start) not in _PREPOSITIONS or self._according_to_body(m)), fits[0])

    def _according_to_body(self, m: Named) -> bool:
        """"according to the operator, Pennine Freight": a body as a source, not the object of a preposition
        (not a person NER read as a body, "Apple CEO Steve Jobs")."""
        words = {w.lower().strip(".,") for w in m.name.split()}
        return bool(_ACCORDING_BEFORE.search(self.text, max(0, m.start - 16), m.start)) and not words & (lx.PERSON_HEADS | lx.TITLES | {"ceo", "chief"})


    def before(self, pos: int, lo: int) -> list[Named]:
        """Mentions ending at or before ``pos`` and starting at or after ``lo``, most recent first."""
        return [m for m in reversed(self.items) if m.end <= pos and m.start >= lo]


def _honorific_gender(name: str) -> str | None:
    first = name.split()[0].lower() if name.split() else ""
    return "male" if first in sw.HONORIFICS_MALE else "female" if first in sw.HONORIFICS_FEMALE else None


def _may_be(full: str, sex: str | None) -> bool:
    """Whether the full name may be that of a person of ``sex`` (by its given name)."""
    given = given_name_gender(full.split()[0]) if full.split() else None
    return sex is None or given is None or given == sex


_COUPLE = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w'-]+)\b")


def _couple_member(text: str, family: str, pos: int, sex: str | None) -> str | None:
    """"Mr Pearson" after "Tom and Grace Pearson": the one of the couple whose
    given name is of the honorific's sex ("Tom Pearson")."""
    if sex is None:
        return None
    for hit in reversed(list(_COUPLE.finditer(text, 0, pos))):
        if hit.group(3) == family:
            genders = [given_name_gender(g) for g in hit.group(1, 2)]
            if genders.count(sex) == 1:
                return f"{hit.group(1 + genders.index(sex))} {family}"
            other = [k for k, g in enumerate(genders) if g is not None and g != sex]
            return f"{hit.group(2 - other[0])} {family}" if len(other) == 1 else None  # "Peter" is in both lists, "Anna" is not a man's
    return None


def _firm_by_first_word(name: str) -> bool:
    """Whether a company may be called by its first word alone: a name of two or
    three capitalised words ("Greenway Buses", "Northlight Interactive"; not a
    headline NER read as a body, "Obama Says African-American Museum Will Tell",
    nor "Apple CEO Steve Jobs"), whose first word is no given name."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not given_name(words[0]) and not {w.lower() for w in words} & (lx.TITLES | lx.PERSON_HEADS)


def _brand(m: Named, words: list[str], earlier: Named, full: list[str]) -> bool:
    """"Northline's chief executive" after "Northline Rail": a company's first
    name alone, which NER may take for a place, is the company (not so "Carrow"
    before "Carrow Commuters' Association": a body named after a place)."""
    rest = {w.strip("'\u2019").lower() for w in full[len(words) :]}
    return (
        earlier.kind == "organization"
        and m.kind == "government"
        and full[: len(words)] == words
        and not rest & (sw.INSTITUTION_NOUNS | sw.GENERIC_BODY_NOUNS | set(sw.GOVERNMENT_DESCRIPTORS))
    )


def _is_joint(m: Named) -> bool:
    return m.plural and " and " in m.name


def agrees(m: Named, want: str, gender: dict[str, str]) -> bool:
    if want in {"male", "female"}:
        return m.kind == "person" and gender.get(m.name, want) == want
    if want == "thing":
        return m.kind in {"organization", "government", "media", "document"} and not m.plural
    if want == "plural":
        country = m.kind == "government" and not m.plural and m.name.lower() in lx.COUNTRIES  # a country is "it", not "they"
        return (m.plural and m.kind != "document") or (m.kind in {"group", "organization", "government"} and not country)
    return False


def window_start(sentences: Sequence[Sentence], index: int) -> int:
    """Where antecedents may start: the paragraph's first sentence or two sentences back, the earlier."""
    first = index
    while first > 0 and sentences[first - 1].paragraph == sentences[index].paragraph:
        first -= 1
    return sentences[min(first, max(0, index - WINDOW_SENTENCES))].start


def refer(phrase: str, pos: int, lo: int, mentions: Mentions) -> Named | None:
    """The named mention a pronoun or a definite description at ``pos`` stands for
    (antecedents from ``lo``; a description's name anywhere before), or None."""
    low = phrase.strip().lower()
    if low in lx.PRONOUNS:
        return mentions.agreeing(low, pos, lo)
    head = _description_head(phrase.strip())
    return _resolve_description(head, pos, lo, mentions) if head else None


def _resolve_description(head: str, pos: int, lo: int, mentions: Mentions) -> Named | None:
    aged = _AGED_HEAD.fullmatch(head)
    if aged is not None:
        return _aged_person(aged.group("age"), aged.group("noun"), pos, mentions)
    if head == _HEAD_OF_STATE:
        # "the Moldovan leader": the person the article titled president or prime minister, if any
        return next((m for m in reversed(mentions.before(pos, 0)) if m.kind == "person" and _titled(mentions, m.name, head, pos)), None)
    people = _people_described(head, pos, lo, mentions)
    if people is not None or (head in groups.HEADS and head not in sw.ORG_DESCRIPTORS):
        return people  # (a "consortium" or an "alliance" named before is a body)
    want = _wanted(head)
    if want is None:
        return _ending_in(head, pos, mentions)
    affine = sw.DESCRIPTOR_NAME_WORDS.get(head, frozenset()) | {head}

    def named_so(m: Named, last_word: bool) -> bool:
        return _named_so(m, head, affine, mentions, last_word)

    # not an unnamed group ("the ministry" is not "A delegation from the Ministry of ...")
    # nor parties named together ("the company" is not "Tesco and Asda")
    # (nor the name a comma sets right before it: "signed by her adviser, Mr. Ikenna Eze, the commissioner said")
    earlier = [
        m for m in mentions.before(pos, 0)
        if (m.kind == "person") == ("person" in want) and not ((m.plural and m.kind == "group") or _is_joint(m) or _COMMA_ONLY.fullmatch(mentions.text, m.end, pos))
    ]
    # a name ending in the noun first ("the club": Castlemere Rovers, not the Rovers Supporters Trust)
    # a proper name before a body the article only describes ("the Association of Flight Attendants", then
    # "the flight attendants' union": "the union" is the association)
    earlier = sorted(earlier, key=lambda m: not m.name[:1].isupper())
    # a name ending in the noun, or one the noun described ("Brenmoor, the home furnishings retailer,")
    exact = _exact(earlier, head, pos, want, mentions, named_so)
    if exact is None and re.search(rf"\b[Tt]he\s+(?:[a-z-]+\s+){{1,2}}{re.escape(head)}\b", mentions.text[:pos]):
        return None  # "the agency" after "the environment agency": a body the article only describes, not the port authority named nearer
    by_name = exact or next((m for m in earlier if named_so(m, True)), None) or next((m for m in earlier if named_so(m, False)), None)
    if by_name is None and head in sw.INSTITUTION_NOUNS and not any(named_so(m, False) for m in mentions.before(pos, 0)):
        by_name = _introduced_as(head, mentions, pos, lo)
    if by_name is not None:
        return by_name
    written = _name_holding(mentions.text, affine, pos, want) if "person" not in want else None
    near = _near(head, pos, lo, want, affine, mentions)
    sex = _noun_gender(head) if "person" in want else None
    if sex is not None:
        near = [m for m in near if agrees(m, sex, mentions.gender) and _may_be(m.name, sex)]  # "The father said": not Jane Doe
    if head in _COMPANY_HEADS:
        near = [m for m in near if m.name.lower().split()[-1] not in _NOT_A_COMPANY]
        if not near and written is None:
            # "The company said ..." three sentences after "Lunegate Homes had argued": the last company named
            near = [
                m for m in mentions.before(pos, 0)
                if m.kind == "organization" and not m.plural and m.name.lower().split()[-1] not in _NOT_A_COMPANY and not (m.name.isupper() and len(m.name) <= 4)
                and not _other_institution(m.name, head, affine)  # "the company" is not the National Union of Mineworkers
            ][:1]  # not "GMT" of a live blog's times, which NER may take for a body
    return _as_wanted(written or mentions.salient(near), want)


def _wanted(head: str) -> set[str] | None:
    """The kinds a description's noun may stand for, or None where the noun is no known description."""
    if head in sw.PERSON_DESCRIPTORS or head in _ONE_PERSONS_ROLE:
        return {"person"}
    if head in sw.MEDIA_DESCRIPTORS:
        return {"media", "organization"}
    if head in sw.GOVERNMENT_DESCRIPTORS:
        return {"government"}
    if head in sw.ORG_DESCRIPTORS:
        return {"organization"}
    if head in _ANY_BODY:
        return {"organization", "government"}  # "The public body called the discovery exceptional": the body named before
    return None


def _near(head: str, pos: int, lo: int, want: set[str], affine: frozenset[str] | set[str], mentions: Mentions) -> list[Named]:
    """The mentions in view a description may stand for, most recent first."""
    return [
        m for m in mentions.before(pos, lo)
        if _fits(m, want, mentions) and not _is_joint(m) and not _other_institution(m.name, head, affine) and not _another_role(m, head, mentions)
        and not (m.name.lower() in lx.COUNTRIES and head not in _A_COUNTRY)  # "the health service" is not England
        and not _COMMA_ONLY.fullmatch(mentions.text, m.end, pos)
    ]


def _exact(earlier: list[Named], head: str, pos: int, want: set[str], mentions: Mentions, named_so: Callable[[Named, bool], bool]) -> Named | None:
    """A mention whose name ends in the description's noun, or that the noun described, or that the text gave it as a title."""
    exact = next((m for m in earlier if m.name.lower().split()[-1:] == [head] or head in mentions.descriptors.get(m.name, ())), None)
    if exact is not None and not exact.name[:1].isupper():
        # "a government ministry said ... The Ministry of Mines and Energy said ... the ministry said": the name, not the description
        exact = next((m for m in earlier if m.name[:1].isupper() and named_so(m, False)), exact)
    if exact is None and "person" in want:
        exact = next((m for m in earlier if _titled(mentions, m.name, head, pos)), None)  # "the president" after "President Obama"
    return exact


def _as_wanted(found: Named | None, want: set[str]) -> Named | None:
    """A firm NER read as a place here ("Freshway"), found by a firm's description: a firm."""
    if found is not None and want == {"organization"} and found.kind == "government":
        return Named(found.start, found.end, found.name, "organization", found.plural)
    return found


_QUANTIFIERS = frozenset("all half most some many both others several few none each".split())


def _may_research(head: str, name: str) -> bool:
    """Whether people named ``name`` may be "the researchers" or "the scientists" ("Researchers at
    the University of Copenhagen", "a team of ecologists"; not "people in the post-meal group")."""
    return head == "team" or bool(_RESEARCHERS.search(name))


_RESEARCHERS = re.compile(r"(?i)research|scien|team|author|investigat|expert|academic|ologist|economist|analyst|engineer|doctor|physician")


def _people_described(head: str, pos: int, lo: int, mentions: Mentions) -> Named | None:
    """Bodies or people a description stands for as a whole: "the companies" for the two
    named together, "the team" for the researchers named before, "the delegation"."""
    joint = _two_named(head, pos, mentions)
    if joint is not None:
        return joint  # "Zipp and Rolla said ... the companies argued": the two
    if head in _TEAMS:
        # "Researchers at the University of Copenhagen analysed ... The team said": those people
        people = next((m for m in reversed(mentions.people) if lo <= m.start and m.end <= pos and m.name.lower() not in _QUANTIFIERS and _may_research(head, m.name)), None)
        if people is not None:
            return people  # (not "All wore glucose monitors": a quantifier over a study's participants is no team)
    if head in groups.HEADS:
        return next((m for m in mentions.before(pos, 0) if m.kind == "group" and " and " not in m.name and head in m.name.lower().split()), None)
    return None


def _two_named(head: str, pos: int, mentions: Mentions) -> Named | None:
    """"the companies", "the two firms", "the unions": bodies named together before, if any."""
    single = head[:-3] + "y" if head.endswith("ies") else head[:-1] if head.endswith("s") else None
    if single is None or single not in sw.ORG_DESCRIPTORS | sw.GOVERNMENT_DESCRIPTORS:
        return None
    return next((m for m in mentions.before(pos, 0) if _is_joint(m)), None)


def _another_role(m: Named, head: str, mentions: Mentions) -> bool:
    """A person named or described by another role ("Moldovan President", "The Estonian
    President, Kaja Lind": not "the mayor")."""
    words = {w.lower().strip(".,") for w in m.name.split()} | mentions.descriptors.get(m.name, set())
    roles = words & (sw.PERSON_DESCRIPTORS | {"president", "minister", "premier", "chancellor", "mayor", "governor"})
    return m.kind == "person" and bool(roles) and head not in roles and head not in _ANY_ROLE



def _fits(m: Named, want: set[str], mentions: Mentions) -> bool:
    """Whether a mention is of a kind the description wants, or a firm NER read as a
    place here and as an organisation elsewhere ("Freshway", then "the chain")."""
    return m.kind in want or (want == {"organization"} and m.kind == "government" and any(o.name == m.name and o.kind == "organization" for o in mentions.items))


def _ending_in(head: str, pos: int, mentions: Mentions) -> Named | None:
    """"the Lowmoor Health Protection Unit ... the unit said": a noun no list knows
    stands for the last body named before whose name ends in it."""
    if not head.isalpha() or head in lx.PERSON_HEADS or head in sw.INDIVIDUAL_NOUNS:
        return None
    return next(
        (m for m in mentions.before(pos, 0) if m.kind in {"organization", "government", "media"} and len(m.name.split()) > 1 and m.name.lower().split()[-1] == head),
        None,
    )


def _named_so(m: Named, head: str, affine: frozenset[str] | set[str], mentions: Mentions, last_word: bool) -> bool:
    """Whether a mention's name (its last word, or any) holds the description's noun, or the noun described it."""
    words = m.name.lower().split()
    return bool(set(words[-1:] if last_word else words) & affine) or head in mentions.descriptors.get(m.name, ())


def _introduced_as(head: str, mentions: Mentions, pos: int, lo: int) -> Named | None:
    """"Unions blamed low pay. The RMT said ... A spokesman for the union said": a
    union (party, ...) whose name lacks the word is the body named nearest before,
    when the words just before its first mention speak of unions and its name says
    it is nothing else (no company's or other institution's word)."""
    plural = re.compile(rf"\b{re.escape(head)}s?\b", re.IGNORECASE)
    for m in reversed(mentions.before(pos, lo)):
        lone_word = m.kind == "person" and " " not in m.name and not given_name(m.name)  # "Aslef", which NER may read as a person
        if (m.kind != "organization" and not lone_word) or m.plural or _is_joint(m):
            continue
        words = {w.lower() for w in m.name.split()}
        if words & (sw.INSTITUTION_NOUNS | sw.ORG_NAME_WORDS):
            return None
        first = min((n.start for n in mentions.items if n.name == m.name), default=m.start)
        cut = max(mentions.text.rfind(". ", 0, first), mentions.text.rfind("\n", 0, first))
        previous = max(mentions.text.rfind(". ", 0, max(cut, 0)), mentions.text.rfind("\n", 0, max(cut, 0)), 0)
        if not plural.search(mentions.text, previous, first):
            return None
        return Named(m.start, m.end, m.name, "organization") if lone_word else m
    return None


# "the 47-year-old", "the 61-year-old skipper", "the 38-year-old mother of two": a person by age
_AGED = re.compile(r"^the\s+(?P<age>\d{1,3})-year-old(?:\s+(?P<noun>[a-z-]+)(?:\s+of\s+[a-z]+)?)?$", re.IGNORECASE)
_AGED_HEAD = re.compile(r"(?P<age>\d{1,3})-year-old(?:\s+(?P<noun>[a-z-]+))?")


def _aged_head(phrase: str) -> str | None:
    """The head ``_resolve_description`` reads for a description by age ("52-year-old",
    "38-year-old mother"), or None; not for a body ("the 150-year-old company")."""
    hit = _AGED.match(phrase)
    if hit is None:
        return None
    noun = (hit.group("noun") or "").lower()
    if noun in sw.BODY_NOUNS | sw.INSTITUTION_NOUNS | groups.HEADS:
        return None
    return f"{hit.group('age')}-year-old {noun}".strip()


def _age_given(text: str, m: Named, age: str) -> bool:
    """Whether the article gives ``age`` with this mention: "Farrow, 52,", "Farrow (52)",
    "Farrow, aged 52", "Farrow, a 52-year-old coach", "the 52-year-old coach Paul Farrow"."""
    after = re.compile(rf"(?:['\u2019]s)?(?:,\s*(?:an?\s+)?|\s*\(\s*|,?\s+aged\s+){age}\b")
    before = re.compile(rf"\b{age}-year-old\s+(?:[\w-]+\s+){{0,3}}$")
    at = text.find(m.name, m.start, m.end)  # "Adaeze Okafor, a 61-year-old trader": a source phrase that holds the age
    return bool(after.match(text, m.end) or (at >= 0 and after.match(text, at + len(m.name))) or before.search(text, max(0, m.start - 60), m.start))


def _named_with_age(text: str, age: str, pos: int) -> Named | None:
    """"Farrow, 52, spoke outside his home": the last capitalised name before ``pos``
    with the age after it, which NER (reading a lone surname) may have missed."""
    pattern = re.compile(rf"(?<![\w'\u2019-])([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{0,3}})(?:,\s*|\s*\(\s*){age}\b")
    hits = [h for h in pattern.finditer(text, 0, pos) if h.group(1).split()[0].lower() not in lx.OPENING_WORDS]
    if not hits:
        return None
    last = hits[-1]
    return Named(last.start(1), last.end(1), clean_name(last.group(1)), "person")


def _aged_person(age: str, noun: str | None, pos: int, mentions: Mentions) -> Named | None:
    """"The 52-year-old said": the person last in view whose age the article gave
    as 52, else the last person named whom the noun's gender fits ("the 38-year-old
    mother"); a person, never a body."""
    people = [m for m in mentions.before(pos, 0) if m.kind == "person" and not m.plural]
    for m in people:
        if any(_age_given(mentions.text, o, age) for o in mentions.items if o.name == m.name and o.end <= pos):
            return m
    written = _named_with_age(mentions.text, age, pos) or _unread_name_before(mentions.text, max([m.end for m in people] + [pos - 300]), pos)
    if written is not None:
        return written
    sex = _noun_gender(noun or "")
    outside = [m for m in people if not mentions.in_quotes(m.start) or mentions.in_quotes(pos)]  # not "Sam" in '"... saw Sam down," said the 29-year-old'
    return next((m for m in outside if sex is None or (agrees(m, sex, mentions.gender) and _may_be(m.name, sex))), None)


_NAME_RUN = re.compile(r"(?<![\w.'\u2019-])((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+)(?![\w'\u2019-])")


# a name after these is a place or a body ("the River Lenn", "in Port Astell"), not a person
_PLACE_BEFORE = re.compile(r"\b(?:the|of|in|at|on|to|from|near|by)\s+$", re.IGNORECASE)


def _unread_name_before(text: str, lo: int, pos: int) -> Named | None:
    """"Skipper Arne Vollan steered his boat past the wreck. The 61-year-old said": a person's
    name written after the last person NER read (in a sentence with no source, which it did not
    read), the title before it dropped."""
    hits = [
        h for h in _NAME_RUN.finditer(text, max(0, lo), pos)
        if h.group(1).split()[0].lower() not in lx.OPENING_WORDS and not _PLACE_BEFORE.search(text, max(0, h.start() - 6), h.start())
    ]
    if not hits:
        return None
    words = clean_name(hits[-1].group(1)).split()
    while words[:-1] and (words[0].lower() in _NOT_A_FIRST_NAME or (not given_name(words[0]) and len(words) > 2)):
        words = words[1:]
    if len(words) < 2 or any(w.lower() in _BODY_NAME_WORDS for w in words):
        return None
    start = hits[-1].end(1) - len(" ".join(words))
    return Named(start, hits[-1].end(1), " ".join(words), "person")


_TEAMS = frozenset("team researchers scientists".split())
# descriptions a country's name may stand for
_A_COUNTRY = frozenset("government country state nation administration authorities".split())
# roles and nationalities "the X" describes one person by, named before ("the councillor", "the lead
# author", "the midfielder", "the visitors' boss", "The Scot")
_NATIONALS = frozenset("scot scotsman dutchman frenchman englishman irishman welshman spaniard briton dane swede finn".split())
_PARENTS = frozenset("father mother grandfather grandmother parent".split())
_MEMBERS = ("TD", "MP", "MEP", "MSP", "MLA", "MPP", "MHA")  # letters after a member's name, and "the TD" alone
_ONE_PERSONS_ROLE = (
    frozenset(
        """
        councillor councilor councilman councilwoman alderman author founder editor attorney ambassador
        commander ceo economist lawmaker congressman congresswoman assemblyman assemblywoman pastor diplomat adviser advisor
        boss midfielder striker goalkeeper defender winger keeper organizer organiser pathologist scientist driver jobholder
        """.split()
    )
    | _NATIONALS
    | _PARENTS
    | {m.lower() for m in _MEMBERS}
)
_DEMONYM = re.compile(rf"^(?:[Tt]he)\s+((?i:{'|'.join(sorted(_NATIONALS))})|{'|'.join(_MEMBERS)})$")
_KIN_OF_SEVERAL = re.compile(rf"^((?:[Tt]he)\s+(?:{'|'.join(sorted(_PARENTS))}))\s+of\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)$")
# descriptions any role's holder may be given: a nationality, a parent, "the boss", a job written in full
_ANY_ROLE = frozenset({"jobholder", "boss"}) | _NATIONALS | _PARENTS
_JOB_ENDING = re.compile(r"(?:[a-z]{3}(?:er|or|ist|ian)|(?:wo)?man)$")
_LONG_ROLE = re.compile(r"^(?:[Tt]he)\s+(?:[a-z-]+\s+){2,3}([a-z-]+)$")
_ANY_BODY = frozenset("body organisation organization institution entity".split())


def _titled(mentions: Mentions, name: str, head: str, pos: int) -> bool:
    """Whether the text gave ``name`` the title ``head`` before ``pos``: a mention
    of that name right after the title ("President Obama", "President Barack
    Obama" for "the president"; not Hillary Clinton after "President Bill Clinton")."""
    titles = _TITLES_OF.get(head, (head,))
    title = re.compile(rf"\b(?:{'|'.join(titles)})\s+$", re.IGNORECASE)
    text = mentions.text
    width = max(len(t) for t in titles)
    inside = re.compile(rf"\b(?:{'|'.join(titles)})\s+[A-Z]", re.IGNORECASE)
    return any(
        m.name == name and m.start < pos
        and (title.search(text, max(0, m.start - width - 3), m.start) or inside.search(text, m.start, m.end))
        for m in mentions.items
    )


# the titles a description's noun is written as before a name ("the judge": "Mrs Justice Harlow")
_TITLES_OF = {
    "judge": ("judge", "justice"),
    "minister": ("minister", "secretary", "premier"),
    "premier": ("premier", "prime minister"),
    "officer": ("officer", "constable", "sergeant"),
    # "the Moldovan leader": the country's president or head of government
    "head of state": ("president", "premier", "prime minister", "chancellor", "leader"),
}
_HEAD_OF_STATE = "head of state"


def _other_institution(name: str, head: str, affine: frozenset[str] | set[str]) -> bool:
    """A name that says it is another kind of body than the description: "the
    state" is not "Hartwell city council", "the union" not "the Harbour Board"
    nor "Northline Rail" ("the government" may be any of its ministries, "the
    group" any body)."""
    if head in sw.GENERIC_BODY_NOUNS:
        return False
    words = {w.strip("'\u2019").lower() for w in name.split()}
    if head in sw.INSTITUTION_NOUNS and head not in {"party", "charity"} and not words & affine:
        return True  # "the union" is no company: a body of that kind is named so ("party": "Labour" often is not, nor is a charity)
    return bool((words & sw.INSTITUTION_NOUNS) - affine)


# "the company" is a firm, never the union or the trust named nearer
_COMPANY_HEADS = frozenset("company firm business".split())
_NOT_A_COMPANY = frozenset(
    "union association party trust federation league society foundation charity coalition alliance council committee court courts stadium".split()
)


_CAPITALISED = re.compile(r"(?:the\s+)?[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'\u2019&-]*)*")


def _name_holding(text: str, affine: frozenset[str] | set[str], pos: int, want: set[str]) -> Named | None:
    """The last capitalised name before ``pos`` holding one of the words a
    description agrees with ("the centre" -> "the Polar Research Centre", written
    paragraphs before, where no tagged sentence named it)."""
    last = None
    for hit in _CAPITALISED.finditer(text, 0, pos):
        at = hit.start()
        for part in hit.group(0).split(" and "):  # "between the Coastal Stevedores Union and Brannigan Marine": the union
            words = {w.strip("'\u2019").lower() for w in part.split()[1:]}
            if words & affine:
                last = (at, at + len(part), part)
            at += len(part) + 5
    if last is None:
        return None
    name = clean_name(last[2])
    kind = kind_of_name(name, None, sorted(want)[0])
    return Named(last[0], last[1], name, kind) if kind in want else None


_ROLE_BEFORE = re.compile(r"\b([a-z]+),?\s+$")
_AGE = r"\d{1,3},|(?:an?\s+)?\d{1,3}-year-old\b"  # "Diallo, 27,", "Nwosu, a 44-year-old nurse"
_AGE_AFTER = re.compile(rf",\s+(?:{_AGE}|who\b)")
_AGE_AFTER_ONLY = re.compile(rf",\s+(?:{_AGE})")
# "the Civic Alliance's Siobhán Tierney", "Comhar's Nuala Brennock": a body's possessive right before a name
_OWNERS = r"['\u2019]s\s+(?:(?:Hon|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Coun|Cllr)\.?\s+)?$"  # "BPP's Hon. Kunle Fasanmi"
_OWNER_BEFORE = re.compile(r"[A-Z][\w-]*" + _OWNERS)
_POSSESSIVE_END = re.compile(_OWNERS)
_HONORIFIC_GIVEN = re.compile(r"(?:the\s+)?(?:Dame|Sir|Lady|Lord)\s+[A-Z]")
_POSSESSIVE_START = re.compile(r"['\u2019]s\s+")


def _person_context(text: str, start: int, end: int) -> bool:
    """A role word right before a name ("her opponent, Amara Diallo", "striker
    Leo Park"), an age or a "who" right after it ("Diallo, 27, said", "Marta
    Ilves, who runs an orchard, said"): a person, whatever
    the small NER model says of an unfamiliar name."""
    before = _ROLE_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1) in sw.PERSON_ROLE_WORDS | lx.PERSON_HEADS | sw.PERSON_DESCRIPTORS:
        return True
    return _AGE_AFTER.match(text, end) is not None


def _owned_name(text: str, e: ner.Entity, name: str) -> bool:
    """A name of two or three words right after a body's possessive ("the Civic Alliance's Siobhán
    Tierney", "Comhar's Nuala Brennock", with the owner inside the entity or before it): a person
    of that party, firm or club (``kinds.owner_before_a_name``), whatever NER made of it."""
    if not 2 <= len(name.split()) <= 3:
        return False
    inside = e.text.endswith(name) and _POSSESSIVE_END.search(e.text, 0, len(e.text) - len(name)) is not None
    return inside or _OWNER_BEFORE.search(text, max(0, e.start - 40), e.start) is not None


def _hyphenated_given_name(name: str) -> bool:
    """"Jean-Paul Okafor", "Mary-Kate Byrne": a name opening with two given names
    joined by a hyphen, which no body's name does (NER's small model reads many as ORG)."""
    words = name.split()
    return 2 <= len(words) <= 3 and "-" in words[0] and given_name(words[0]) and words[-1][:1].isupper()


_ROAD = re.compile(r"(?:the\s+)?(?:[ABM]\d{1,4}(?:\([MT]\))?|I-\d{1,3}|US-\d{1,3}|E\d{1,3})", re.IGNORECASE)
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december".split()
)
_TIME_ZONES = frozenset("GMT BST UTC CET CEST EST EDT PST PDT CST CDT MST MDT IST JST AEST".split())
_LANDFORMS = frozenset(
    "river lake loch mount mountain mountains valley forest reef sea ocean island islands bay canal estuary glacier "
    "street road lane avenue boulevard square".split()  # "Corn Street", which NER may read as a body
)


_WHICH_AFTER = re.compile(r"(?:['\u2019]s)?,\s+which\b")


def _named_from_entities(text: str, found: list[ner.Entity]) -> list[Named]:
    out = []
    for e in found:
        swallowed = descriptors.name_after_descriptor(text, e.start, e.end)
        if swallowed is not None:
            # "Valdoran XR company" + "Lumenra": the name is what the description introduces
            start, end, word = swallowed
            kind = descriptors.kind_of_descriptors([word]) or "organization"
            out.append(Named(start, end, clean_name(text[start:end]), kind))
            continue
        if descriptors.not_a_source(text, e.start, e.end):
            continue  # "XR", "Ostrovan" in "Ostrovan delegation"
        if _common_noun_opening(text, e):
            continue  # "Union organiser Mereana Tautahi": a capital only because the sentence opens there
        if _CONTRACTION.fullmatch(e.text.strip()):
            continue  # "I've", "It's": a pronoun NER took for a name
        name = clean_name(e.text)
        if name.upper() in _TIME_ZONES or name.lower() in _CALENDAR_WORDS:
            continue  # "18:40 GMT" in a live blog, "early Tuesday": times, which NER may read as a body
        if _ROAD.fullmatch(name):
            continue  # "diverted via the A48", "the M4", "I-95": a road, which NER may read as a body
        low = name.lower().split()
        if low and {low[0], low[-1]} & _LANDFORMS and not set(low) & (sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS):
            continue  # "the River Leadon", which NER may read as a body: a place no "it" or "the company" stands for
        if not name or (e.label == "GPE" and name.isupper() and len(name) <= 3 and name.lower() not in lx.COUNTRIES):
            continue  # "AI" taken for a place
        kind = kind_of_name(name, e.label)
        # (a place NER names is a person only by an owner or an age: "Ashton, Md., who watched" is a place)
        if kind in {"organization", "unnamed", "government"} and kind_of_name(name, None, "person") == "person" and (
            (kind != "government" and (_person_context(text, e.start, e.end) or _hyphenated_given_name(name)))
            or _owned_name(text, e, name) or _AGE_AFTER_ONLY.match(text, e.end)
        ):
            kind = "person"
        if kind == "person" and _WHICH_AFTER.match(text, e.end):
            kind = "organization"  # "the payment processor Cardlink, which handles ...": "which", not "who"
        owner = _owner_inside(e, name) if kind == "person" else None
        if owner is not None:
            out.append(owner)  # "Comhar's Nuala Brennock": Comhar, a body that has people, and Nuala Brennock
            out.append(Named(e.end - len(name), e.end, name, kind))
            continue
        out.append(Named(e.start, e.end, name, kind, plural=e.label == "NORP"))
    return out


def _common_noun_opening(text: str, e: ner.Entity) -> bool:
    """A one-word entity opening a sentence that is a body's common noun, before a lower-case
    noun ("Union organiser X", "Council leader Y", "Police spokeswoman Z"): no name."""
    word = e.text.lower()
    if " " in e.text or word not in sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS or _OPENS_A_SENTENCE.search(text, max(0, e.start - 4), e.start) is None:
        return False
    return LOWER_WORD_AFTER.match(text, e.end) is not None


LOWER_WORD_AFTER = re.compile(r"\s+[a-z][a-z-]+\b")
_TOLD_FORMS = frozenset({"told", "tells", "telling"})  # the word before a hearer
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?][\"'\u201d\u2019]?\s+|\n)$")


def _owner_inside(e: ner.Entity, name: str) -> Named | None:
    """The owner of a person's name inside one entity ("Comhar's Nuala Brennock": Comhar), with the
    kind its own words give, an organisation where they give none."""
    if not 2 <= len(name.split()) <= 3 or not e.text.endswith(name):
        return None
    hit = _POSSESSIVE_END.search(e.text, 0, len(e.text) - len(name))
    owner = clean_name(e.text[: hit.start()]) if hit else ""
    if not owner or not 1 <= len(owner.split()) <= 3:
        return None
    at = e.start + e.text.find(owner)
    kind = kind_of_name(owner, None, "organization")
    return Named(at, at + len(owner), owner, kind if kind in {"government", "media", "organization"} else "organization")


def _named_from_sources(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> list[Named]:
    out = []
    for c in candidates:
        s = c.source
        if (
            s is not None and s.mention is not None and s.resolved_from is None and s.kind in {"group", "unnamed"}
            and _PLURAL_PEOPLE.fullmatch(s.mention.text.strip()) and not groups.JOINT.fullmatch(s.mention.text.strip())
        ):
            # "Analysts at Harcourt Securities said ..., although they warned": the people a "they" after them means
            people = _people_of_a_body(c)
            # the people's words only, so that the body they come from stays a mention of its own ("Halden Partners")
            hit = _PEOPLE_OF.match(s.mention.text)
            end = s.mention.start + hit.end("who") if hit else s.mention.end
            out.append(Named(s.mention.start, end, people.name if people else s.name, people.kind if people else s.kind, plural=True))
            continue
        if s is None or s.mention is None or s.resolved_from is not None or s.kind in {"unnamed", "author"}:
            continue
        words = s.name.split()
        # "Finance minister": a capital only because a sentence starts there
        # (not so "the Lowfield education authority", which names one)
        opens = not text[sentences[c.sentence_index].start : s.mention.start].strip(" \"'\u201c\u2018") and s.mention.text.startswith(words[0])
        if len(words) > 1 and opens and not any(w[:1].isupper() for w in words[1:]) and not re.search(r"['\u2019]s?$", words[0]):
            continue
        if (s.name[:1].isupper() or _described_body(words)) and _is_named(s):  # not "Members of the panel": that is the panel
            out.append(Named(s.mention.start, s.mention.end, s.name, s.kind))
    return out


# "Analysts", "Analysts at Harcourt Securities", "Local residents": plural people, lower-case but for the first word
_PLURAL_PEOPLE = re.compile(r"(?:[A-Z]?[a-z-]+\s+){0,2}[A-Za-z][a-z-]*[^s\W]?s(?:\s+(?:at|of|from|for|in)\s+.+)?")


def _described_body(words: list[str]) -> bool:
    """"the regional growers' association", "the agriculture ministry": a body
    the article names only by a modified description; later "the association",
    "its chairman" refer to it."""
    words = [w for w in words if w.lower() not in {"the", "a", "an"}]
    return len(words) >= 2 and words[-1].lower() in sw.BODY_NOUNS


def _named_from_descriptions(text: str, spans: list[tuple[int, int]], known: list[Named]) -> list[Named]:
    """Names a descriptor noun introduces ("Brenmoor, the home furnishings
    retailer,") that no other mention covers, with the descriptor's kind."""
    out = []
    for lo, hi in spans:
        for start, end, word in descriptors.described_names(text, lo, hi):
            name = clean_name(text[start:end])
            if name and not any(k.start < end and start < k.end for k in [*known, *out]):
                out.append(Named(start, end, name, descriptors.kind_of_descriptors([word]) or "organization"))
    return out


_PLACE_BODY = re.compile(
    # the lower-case words describe ("health board"), they are not a clause ("the Westbrook Echo that the zoo")
    r"\b[Tt]he\s+(?P<name>(?:[A-Z][\w'\u2019-]*\s+){1,3}(?:(?!(?:that|the|which|who|and|or|of|to|in|on|at|a|an|for|with|by|was|is|had|has)\b)[a-z][\w-]*\s+){0,2}"
    rf"(?P<noun>{'|'.join(sorted(sw.BODY_NOUNS, key=len, reverse=True))}))\b"
)


def _place_bodies(text: str, spans: list[tuple[int, int]], found: list[ner.Entity]) -> list[Named]:
    """Bodies named by a place and a lower-case description ("the Westmoor
    health board", "the Calder Bay port authority"): what a later "the
    board", "its" or "the authority" refers to, not the place
    (``_place_body_phrase`` says what is not one); nor where NER reads the
    capitals as a nationality."""
    out = []
    for lo, hi in spans:
        for hit in _PLACE_BODY.finditer(text, lo, hi):
            start = hit.start("name")
            if _place_body_phrase(hit.group("name"), hit.group("noun")) is None:
                continue
            if any(e.label == "NORP" and e.start <= start < e.end for e in found):
                continue
            kind = descriptors.kind_of_descriptors([hit.group("noun")]) or "organization"
            out.append(Named(start, hit.end("name"), hit.group("name"), kind))
    return out


# a product's model code ends a name ("Norvale Hearthwise HX-20", "Boeing 737", "Kestrel X5"): a product, not the company
_A_MODEL = re.compile(r"\s(?:[A-Z]{0,4}-?\d{1,5}[A-Za-z]?|[A-Z]{1,3}\d{1,4})$")


def _named_in(text: str, spans: list[tuple[int, int]], found: list[ner.Entity]) -> list[Named]:
    """The named mentions of the tagged spans: the entities, and the names descriptor nouns introduce."""
    introduced = [
        Named(s, e, name, _group_kind(name), plural=True)
        for lo, hi in spans
        for s, e, name in [*groups.introductions(text, lo, hi), *groups.referring(text, lo, hi)]
    ]
    bodies = _place_bodies(text, spans, found)
    # the names inside "A delegation from Ostrova's Ministry of Education" are not who "they" are,
    # nor is the place inside "the Westmoor health board" what "its" stands for
    from_ner = [
        n for n in _named_from_entities(text, found)
        if not any(g.start <= n.start and n.end <= g.end for g in [*introduced, *bodies]) and not _A_MODEL.search(n.name)
    ]
    known = introduced + bodies + from_ner + _named_from_descriptions(text, spans, from_ner)
    return known + _repeats(text, spans, known)


def _group_kind(name: str) -> str:
    """A committee or a commission is a body, not people: of a parliament or a council ("a cross-party
    committee of the Witan"), a public one; a delegation or a crew stays a group."""
    head = next((w for w in name.lower().split() if w in groups.HEADS), "")
    if head not in _BODY_GROUPS:
        return "group"
    words = {w.strip("'\u2019").lower() for w in name.split()}
    return "government" if words & (sw.GOVERNMENT_NAME_WORDS | _LEGISLATURES) or _OF_A_NAME.search(name) else "organization"


_BODY_GROUPS = frozenset("committee commission".split())  # (a panel is often its members: "Members of the panel said")
_LEGISLATURES = frozenset("parliament senate congress assembly witan dail dáil bundestag knesset duma legislature".split())
_OF_A_NAME = re.compile(r"\bof\s+the\s+[A-Z]")


def _repeats(text: str, spans: list[tuple[int, int]], known: list[Named]) -> list[Named]:
    """Other occurrences, in the tagged spans, of the names found (the small NER
    model reads "Lumenra" in one sentence and misses it in the next), and of the
    family names of the people found."""
    kinds: dict[str, str] = {}
    for k in known:
        if len(k.name) >= 4 and k.name[:1].isupper() and not k.plural:
            kinds.setdefault(k.name, k.kind)
    for k in known:
        words = k.name.split()
        if k.kind != "person" or not 2 <= len(words) <= 3:
            continue
        # "Tierney conceded": a family name alone, which NER and the tagger may miss; "Ulloa" of "Jorge Ulloa Pizarro"
        for family in words[-1:] + (words[1:2] if len(words) == 3 and given_name(words[0]) else []):
            if len(family) >= 4 and family[:1].isupper():
                kinds.setdefault(family, "person")
    if not kinds:
        return []
    names = "|".join(re.escape(n) for n in sorted(kinds, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
    taken = sorted((k.start, k.end) for k in known)
    out: list[Named] = []
    for lo, hi in spans:
        for hit in pattern.finditer(text, lo, hi):
            i = bisect.bisect_left(taken, (hit.end(), -1))
            if not any(s < hit.end() and hit.start() < e for s, e in taken[max(0, i - 8) : i]):
                out.append(Named(hit.start(), hit.end(), hit.group(0), kinds[hit.group(0)]))
    return out


def _people_subjects(groups: Sequence[tuple[int, int, str]], known: list[Named]) -> list[Named]:
    """Plural subjects of people the parse found ("The other two", "Residents"), as
    antecedents for "they", where no named mention covers them (``plural_subjects``)."""
    return [
        Named(start, end, _group_name(phrase), "group", plural=True)
        for start, end, phrase in groups
        if not any(k.start <= start < k.end for k in known)  # a body named inside ("Researchers at the University of ...") stays its own
    ]


def _group_name(phrase: str) -> str:
    """A plural subject's phrase as a source name: without its article ("The other two" -> "other two")."""
    words = phrase.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else phrase


# "Pretorius and his wife, Marietjie, lodged a claim": a relative named in apposition, in a sentence NER may not read
_KIN_NAMED = re.compile(
    r"\b(?:his|her|their)\s+(?:wife|husband|son|daughter|mother|father|sister|brother|widow|widower),\s+"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})(?=\s*[,.;])"
)


def _kin_named(text: str, named: list[Named]) -> list[Named]:
    """``named`` with the relatives named in apposition that no mention holds yet, as people (whose
    gender ``Mentions.learn_gender`` reads from the kin noun)."""
    extra = []
    for h in _KIN_NAMED.finditer(text):
        held = [n for n in named if n.start < h.end("name") and h.start("name") < n.end]
        for n in held:
            n.kind = "person"  # whatever NER made of a name it did not know ("Marietjie" as a place)
        if not held:
            extra.append(Named(h.start("name"), h.end("name"), h.group("name"), "person"))
    return sorted(named + extra, key=lambda n: n.start) if extra else named


def _merge(from_ner: list[Named], from_sources: list[Named]) -> list[Named]:
    """Both lists, without an NER entity that a source name already holds
    ("Priya Raman" inside the source "Councillor Priya Raman", "Varden" inside
    "Varden's health department")."""
    kept = [
        n for n in from_ner
        if not any(s.start <= n.start and n.end <= s.end and n.name in s.name for s in from_sources)
    ]
    return kept + from_sources


# "its budget", "the report": a source phrase that leans on the sentences before
_REFERRING_LEAD = re.compile(r"\s*(?:its|their|his|her|the|this|that)\s", re.IGNORECASE)
_OPENING_PRONOUN = re.compile(r"\s*(?:that\s+)?(?:he|she|it|they|his|her|its|their)\b", re.IGNORECASE)


def _spans_to_tag(sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> list[tuple[int, int]]:
    """The sentences NER reads: each one holding a source, and the two before
    it (and the rest of its paragraph) where the source or the content opens
    with a pronoun or a description that may refer back."""
    need: set[int] = set()
    for c in candidates:
        if c.source is None or c.source.mention is None:
            continue
        need.add(c.sentence_index)
        refers = not _is_named(c.source) or _OPENING_PRONOUN.match(c.content.text) or _REFERRING_LEAD.match(c.source.mention.text)
        if refers:
            lo = window_start(sentences, c.sentence_index)
            need.update(i for i in range(max(0, c.sentence_index - WINDOW_SENTENCES - 1), c.sentence_index) if sentences[i].end > lo)
    return [(sentences[i].start, sentences[i].end) for i in sorted(need)]


def _person_of_a_body(name: str) -> str | None:
    """"Detective Sergeant Claire Hughes of Gwent Police" -> "Claire Hughes": a
    given name and a family name, after any rank or title, before "of" a body."""
    before, sep, _ = name.partition(" of ")
    words = before.split()
    if not sep:
        return None
    start = next((k for k, w in enumerate(words) if given_name(w)), None)
    if start is None or not 2 <= len(words) - start <= 3 or not all(w[:1].isupper() for w in words[start:]):
        return None
    if {w.lower() for w in words[start:]} & (sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS | sw.INSTITUTION_NOUNS):
        return None  # "Royal College of GPs": a body's name, whatever its first word
    return " ".join(words[start:])


def _adjective_of_a_noun(text: str, e: ner.Entity, end: int) -> bool:
    """A NORP entity followed, inside the phrase, by a lower-case word: an adjective of a common noun."""
    return e.label == "NORP" and re.match(r"\s+[a-z-]+", text[e.end : end]) is not None


def _entity_in(mention_start: int, mention_end: int, found: list[ner.Entity]) -> ner.Entity | None:
    inside = [e for e in found if mention_start <= e.start and e.end <= mention_end]
    return next((e for e in inside if e.label == "PERSON"), inside[0] if inside else None)


def refine(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with their sources resolved and classified (module docstring)."""
    return analyse(text, sentences, candidates)[0]


def analyse(
    text: str,
    sentences: Sequence[Sentence],
    candidates: Sequence[Candidate],
    groups: Sequence[tuple[int, int, str]] = (),
    quotes: Quoted | None = None,
    individuals: Sequence[tuple[int, int, str]] = (),
) -> tuple[list[Candidate], Mentions]:
    """``refine``, plus the article's named mentions (for ``statements``).

    Named sources are read first (with the entities alone as context), so that
    the pronouns and descriptions after them resolve to the corrected names."""
    if not any(c.source is not None and c.source.mention is not None for c in candidates):
        return list(candidates), Mentions(text, [])
    spans = _spans_to_tag(sentences, candidates)
    found = ner.entities(text, spans, sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS)
    # read once; each Mentions gets its own copies, since it rewrites names and kinds in place
    named_in = _named_in(text, spans, found)
    first = Mentions(text, [replace(n) for n in named_in])
    named = [_with_source(c, _named_source(text, c.source, first, found)) if _is_named(c.source) else c for c in candidates]  # type: ignore[arg-type]
    named = _headline_names(text, named, first)
    from_sources = _named_from_sources(text, sentences, named)
    mentions = Mentions(text, _kin_named(text, _merge(named_in, from_sources)))
    mentions.people = _people_subjects(groups, [*named_in, *from_sources])
    mentions.quotes = quotes
    mentions.individuals = list(individuals)
    mentions.learn_descriptors()
    settled = mentions.settle_kinds()
    _bodies_that_say_it(named, mentions, settled)
    _described_subjects(sentences, mentions)
    mentions.add_joint(spans)
    mentions.learn_gender(sentences)
    out = []
    for c in named:
        source = c.source
        together = _coordinated_source(sentences, c, mentions, settled) or _spokesperson_source(sentences, c, mentions, out)
        if together is not None:
            out.append(_with_source(c, together))
            continue
        owned = (_owned_source(sentences, c, mentions) or _one_of(sentences, c, out) or _people_of_a_body(c) or _initials_source(c, mentions) or _holder_of_a_role(c, mentions) or _police_named(c, mentions)) if source is not None else None
        if owned is not None:
            out.append(_with_source(c, owned))
            continue
        if source is None or source.mention is None or _is_named(source):
            out.append(c)
            continue
        if (ahead := _cataphor(sentences, c, source, mentions)) is not None:
            out.append(_with_source(c, ahead))
            continue
        resolved = _resolved(sentences, c, source, out, mentions)
        if resolved is not None and resolved.kind == "person" and source.mention.text.strip().lower() in _GENDER_PRONOUNS:
            mentions.gender.setdefault(resolved.name, _GENDER_PRONOUNS[source.mention.text.strip().lower()])
        head = _description_head(source.mention.text.strip())
        if resolved is not None and head:
            # "the governor said ... she said": the description now names Teresa Halvorsen for what follows
            mentions.add_resolved(Named(source.mention.start, source.mention.end, resolved.name, resolved.kind))
            if resolved.kind != "person":
                mentions.describe(resolved.name, head)
        out.append(_with_source(c, resolved))
    return _anonymous([_settled(c, mentions, settled) for c in _headline_sources(text, _lede_descriptions(sentences, out))]), mentions


# "who asked not to be named", "speaking on condition of anonymity": a person the article keeps unnamed
_NOT_NAMED = re.compile(rf"\b{sw.NOT_NAMED}\b", re.IGNORECASE)


_FRONTED = re.compile(rf"\s*(?i:{'|'.join(sorted(sw.SUBORDINATORS))})\s+")


def opens_a_clause_before_its_noun(text: str, sentence_start: int, pos: int) -> bool:
    """Whether the pronoun at ``pos`` is the subject of a clause that opens its sentence ("Since it ...")."""
    return _FRONTED.fullmatch(text[sentence_start:pos]) is not None


def _cataphor(sentences: Sequence[Sentence], c: Candidate, source: Source, mentions: Mentions) -> Source | None:
    """A pronoun the rules resolved to the subject of its sentence's main clause, which comes after it
    ("Since it announced the closure, the council has ..."): that subject, a description resolved to
    the body it names ("Kelmoor County Council"); not a body named earlier (the last "it" before)."""
    mention = source.mention
    if mention is None or mention.text.strip().lower() not in {"it", "he", "she", "they"} or source.resolved_from is None:
        return None
    sent = sentences[c.sentence_index]
    if not opens_a_clause_before_its_noun(mentions.text, sent.start, mention.start):
        return None  # only a clause that opens the sentence: "She says Trump ..." is no cataphor
    later = mentions.text[mention.end : sent.end]
    hit = re.search(rf"\b{re.escape(source.name)}\b", later)
    if hit is None or "," not in later[: hit.start()] or source.name.lower() == mention.text.strip().lower():
        return None
    if not source.name[:1].islower():
        return source
    at = mention.end + hit.start()
    ante = _resolve_description(source.name.split()[-1], at, window_start(sentences, c.sentence_index), mentions)
    if ante is None or ante.plural or ante.kind != source.kind:
        return source  # ("the council" of an article that names no council stays the council)
    return Source(name=ante.name, kind=ante.kind, mention=mention, resolved_from=mention)  # type: ignore[arg-type]


def _anonymous(candidates: list[Candidate]) -> list[Candidate]:
    """"One support engineer, who spoke on condition of anonymity, said": a person only
    described, whom the article says it does not name, is an unnamed source (kind
    ``unnamed``), in every record of that description ("she said" after it too)."""
    names = {
        c.source.name for c in candidates
        if c.source is not None and c.source.mention is not None and c.source.kind == "person" and c.source.resolved_from is None
        and (c.source.name[:1].islower() or c.source.name.split()[0] in {"One", "Another"}) and _NOT_NAMED.search(c.source.mention.text)
    }
    if not names:
        return candidates
    return [
        c.model_copy(update={"source": c.source.model_copy(update={"kind": "unnamed"})}) if c.source is not None and c.source.name in names else c
        for c in candidates
    ]


_OWNED_DESCRIPTION = re.compile(r"[A-Z][\w.-]*['\u2019]s\s+[a-z]")


def _lede_descriptions(sentences: Sequence[Sentence], candidates: list[Candidate]) -> list[Candidate]:
    """"The competition watchdog has blocked ..." and then "The Competition and
    Markets Authority said ...": a body described before anything is named, and
    not resolved, is the body the next two sentences name first (of a kind the
    description allows: "the union" is never a company)."""
    out = list(candidates)
    for i, c in enumerate(out):
        s = c.source
        owned = s is not None and s.mention is not None and _OWNER_LEAD.match(s.mention.text.strip()) is not None
        if s is None or s.mention is None or (s.resolved_from is not None and not owned) or (s.name[:1].isupper() and not owned and not indefinite(s)):
            continue
        if any(
            d.source is not None and d.source.resolved_from is None and d.source.name[:1].isupper() and not _OWNED_DESCRIPTION.match(d.source.name)
            and not indefinite(d.source) and d.sentence_index > 0 for d in out[:i]  # not the headline's title-case words
        ):
            break  # something is named already ("Zambia's main opposition party" is only described): the lede is over
        head = _lede_head(s.mention.text.strip())
        if head is None or not (head in sw.BODY_NOUNS | _LEDE_NOUNS or _a_persons_role(head)):
            continue
        affine = sw.DESCRIPTOR_NAME_WORDS.get(head, frozenset()) | {head}
        want = _lede_kinds(head, owned)
        nxt = next(
            (
                d for d in out[i + 1 :]
                if d.source is not None and d.source.name[:1].isupper() and d.source.kind in want and not indefinite(d.source)
                and (owned or "person" in want or not _other_institution(d.source.name, head, affine))  # "its board of trustees": the museum's
            ),
            None,
        )  # "a decision the developer said it would challenge" ... "Northwind Renewables, which spent four years ...": the first body of that kind
        if want == {"person"}:
            # "An independent neurologist said" ... "Professor Martin Keogh, a neurologist at ...": the person the noun describes
            nxt = next((d for d in out[i + 1 :] if _described_by(d.source, head)), nxt)  # type: ignore[arg-type]
            if nxt is not None and _described_by(nxt.source, head):  # type: ignore[arg-type]
                out[i] = _with_source(c, Source(name=nxt.source.name, kind=nxt.source.kind, mention=s.mention, resolved_from=s.mention))  # type: ignore[union-attr]
                continue
        if nxt is None or nxt.sentence_index > c.sentence_index + _LEDE_REACH:
            continue
        out[i] = _with_source(c, Source(name=nxt.source.name, kind=nxt.source.kind, mention=s.mention, resolved_from=s.mention))  # type: ignore[union-attr]
    return out


_LEDE_REACH = 6  # sentences after the lede's description in which the body it describes is named
_LEDE_NOUNS = frozenset("watchdog regulator institution body".split())
_OWNER_LEAD = re.compile(
    r"(?:its|their|the\s+(?:country|state|county|city|nation|region|province|island)['\u2019]s)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]+)(?:\s+of\s+[a-z]+)?$",
    re.IGNORECASE,
)


def indefinite(source: Source | None) -> bool:
    """A source phrase that only describes ("A Scottish museum"), however capitalised."""
    return source is not None and source.mention is not None and re.match(r"\s*(?:an?|one)\s", source.mention.text, re.IGNORECASE) is not None


def _lede_kinds(head: str, owned: bool) -> set[str]:
    """The kinds of body a lede's description may stand for ("the local authority": a government;
    "its board of trustees": the board of whatever body the article names)."""
    if _a_persons_role(head):
        return {"person"}  # "a security researcher has said" ... "Lena Vogt, who works for a cybersecurity firm, said"
    kind = descriptors.kind_of_descriptors([head])
    return {kind} if kind in {"organization", "government", "media"} and not owned else {"organization", "government", "media"}


def _described_by(source: Source | None, head: str) -> bool:
    """A named person whose source phrase holds the lede's noun ("District Judge Harold Ames" for "a district judge")."""
    if source is None or source.mention is None or source.kind != "person" or not source.name[:1].isupper() or source.resolved_from is not None:
        return False
    return re.search(rf"\b{re.escape(head)}s?\b", source.mention.text, re.IGNORECASE) is not None


def _a_persons_role(head: str) -> bool:
    """A lede's noun for one person ("a security researcher", "the driver", "a witness")."""
    return head in sw.PERSON_DESCRIPTORS | sw.INDIVIDUAL_NOUNS | {"official"} or (head.endswith(("er", "ist", "or")) and head not in sw.BODY_NOUNS | sw.ORG_DESCRIPTORS)


_INDEFINITE_LEAD = re.compile(r"(?:an?)\s+(?:[A-Za-z-]+\s+){0,2}(?P<noun>[a-z-]+)$", re.IGNORECASE)


def _lede_head(phrase: str) -> str | None:
    """The noun of a lede's description: "the institution", "their water supplier", "its board of trustees"."""
    owned = _OWNER_LEAD.match(phrase) or _INDEFINITE_LEAD.match(phrase)
    return owned.group("noun").lower() if owned else _description_head(phrase)


_BARE_NOUN = re.compile(r"(?:[a-z-]+\s+)?(?P<head>[a-z-]+)")


def _headline_sources(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """"Ferry fares to rise, operator confirms", "Ferry operator cuts sailings,
    blaming ...": a bare noun as the source of a headline is the body or person the article's first record with that noun
    names ("The operator said", resolved to Western Isles Ferries; "Gwent Police said")."""
    title_end = text.find("\n")
    out = list(candidates)
    for i, c in enumerate(out):
        s = c.source
        if s is None or s.mention is None or s.resolved_from is not None or title_end < 0 or s.mention.end > title_end:
            continue
        phrase = s.mention.text.strip()
        if not text[: s.mention.start].strip():
            phrase = phrase[:1].lower() + phrase[1:]  # "Ferry operator cuts sailings, blaming ...": the headline's first capital
        bare = _BARE_NOUN.fullmatch(phrase)
        head = bare.group("head") if bare else None
        if head is None or head not in sw.BODY_NOUNS | sw.PERSON_DESCRIPTORS | _HEADLINE_BODIES:
            continue
        later = next((d.source for d in out[i + 1 :] if d.source is not None and d.source.name[:1].isupper() and _says_as(d.source, head)), None)
        if later is None and head not in sw.PERSON_DESCRIPTORS:
            later = _lede_body(out[i + 1 :], c.sentence_index)
        if later is not None:
            out[i] = _with_source(c, Source(name=later.name, kind=later.kind, mention=s.mention, resolved_from=s.mention))  # type: ignore[arg-type]
    return out


def _headline_names(text: str, candidates: list[Candidate], mentions: Mentions) -> list[Candidate]:
    """"Hurdler Tarrant banned ...": a headline's title-case word before a surname, which the body never
    writes with it, is no given name; the person is the one the body names with that surname ("Imogen
    Tarrant"), in the headline's record, in every record named after it and in the mentions."""
    title_end = text.find("\n")
    renames: dict[str, str] = {}
    for c in candidates:
        src = c.source
        words = src.name.split() if src is not None else []
        if src is None or src.mention is None or src.mention.end > title_end or src.kind != "person" or len(words) != 2:
            continue
        if given_name(words[0]) or src.name in text[title_end:]:
            continue
        named = re.search(rf"\b([A-Z][a-z]+)\s+{re.escape(words[1])}\b", text[title_end:])
        if named is not None and named.group(1).lower() not in lx.OPENING_WORDS:
            renames[src.name] = f"{named.group(1)} {words[1]}"
    if not renames:
        return candidates
    for m in mentions.items:
        m.name = renames.get(m.name, m.name)
    return [
        c.model_copy(update={"source": c.source.model_copy(update={"name": renames[c.source.name]})}) if c.source is not None and c.source.name in renames else c
        for c in candidates
    ]


# what a headline calls a body the lede names: "..., says watchdog", "..., regulator warns"
_HEADLINE_BODIES = frozenset("watchdog regulator".split())


def _lede_body(after: Sequence[Candidate], title_index: int) -> Source | None:
    """The body (not a person) that speaks first in the two sentences after the headline's date line."""
    first = next((d for d in after if d.source is not None), None)
    if first is None or first.sentence_index > title_index + 3:
        return None
    src = first.source
    return src if src is not None and src.name[:1].isupper() and src.kind in {"organization", "government"} else None


def _says_as(source: Source, head: str) -> bool:
    """Whether a record's source was written as ``head`` ("The company") or is named with it ("Gwent Police")."""
    if source.resolved_from is not None:
        return _lede_head(source.resolved_from.text.strip()) == head  # "The operator said", "a security researcher has said"
    written = source.mention.text.lower().split() if source.mention is not None else []
    # "Gwent Police"; a person with the noun as a title ("Chairman Peter Whitlock" for "..., chairman admits")
    return source.name.lower().split()[-1:] == [head] or (source.kind == "person" and written[:1] == [head])


_SUBJECT_DESCRIPTION = re.compile(
    r"(?:The|Its|Their)\s+(?:(?P<mod>[a-z-]+)\s+)??(?P<noun>[a-z-]+)\s+(?=[a-z]+s\b|[a-z]+ed\b|has\b|have\b|had\b|is\b|was\b|will\b|would\b)"
)


# a country's public body as the subject of a sentence ("Peru's embassy in London welcomed ...")
_OWNED_BODY_SUBJECT = re.compile(
    r"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?['\u2019]s\s+(?:foreign\s+|interior\s+|health\s+|defence\s+|defense\s+)?"
    r"(?P<noun>embassy|consulate|ministry|government|mission|delegation)(?:\s+in\s+[A-Z][\w-]+)?)"
    r"(?=\s+(?:[a-z]+s|[a-z]+ed|has|have|had|is|was|will|would)\b)"
)


def _described_subjects(sentences: Sequence[Sentence], mentions: Mentions) -> None:
    """"The zoo denies this. It said ...": a body described by the subject of
    a sentence ("The zoo", "The company") is what a following "it" stands for,
    where the description resolves to a name the article gave before; each such
    subject becomes a named mention at its place."""
    for sent in sentences:
        owned = _OWNED_BODY_SUBJECT.match(mentions.text, sent.start, sent.end)
        if owned is not None and not any(m.start == owned.start() and m.end >= owned.end("noun") for m in mentions.items):
            # "Peru's embassy in London welcomed the decision. In a statement, it thanked ...": the embassy
            mentions.add_resolved(Named(owned.start(), owned.end("noun"), owned.group("name"), "government"))
            continue
        hit = _SUBJECT_DESCRIPTION.match(mentions.text, sent.start, sent.end)
        noun = hit.group("noun").lower() if hit is not None else ""
        if hit is None or (noun not in sw.BODY_NOUNS and noun not in _SUBJECT_ROLES):
            continue
        start, end = hit.start(), hit.end("noun")
        if any(m.start == start for m in mentions.items):
            continue
        ante = _resolve_description(noun, start, window_start(sentences, sent.index), mentions)
        if ante is not None and ante.kind != "person" and not ante.plural and noun in sw.BODY_NOUNS:
            mentions.add_resolved(Named(start, end, ante.name, ante.kind))
        elif ante is not None and ante.kind == "person" and _holds_role(mentions.text, ante.name, (noun, ""), start):
            # "Mayor Thandeka Mabuza told ... The mayor visited the pump station with ... Bongani Zulu. She told reporters": the mayor
            mentions.add_resolved(Named(start, end, ante.name, ante.kind))


# roles whose holder, named before, a sentence's subject "The X" is ("The mayor visited ...")
_SUBJECT_ROLES = frozenset("mayor governor minister president premier chancellor councillor senator judge sheriff chief commissioner".split()) | _ONE_PERSONS_ROLE


_IT_OPENS = re.compile(r"it(?:s)?\s", re.IGNORECASE)


def _bodies_that_say_it(candidates: Sequence[Candidate], mentions: Mentions, settled: dict[str, str]) -> None:
    """"Pellam Digital said it was cooperating fully": a name NER read as a
    person's, whose own content calls it "it", is an organisation, in every
    record and mention of the article (``settled``), unless its first word is a
    given name ("Maria Lopez said it was too early": the expletive "it")."""
    for c in candidates:
        s = c.source
        if s is None or s.mention is None or s.kind != "person" or s.name in settled or c.mode == "direct":
            continue
        words = s.name.split()
        said = {w.strip(".,").lower() for w in s.mention.text.split()}
        if len(words) < 2 or given_name(words[0]) or not _IT_OPENS.match(c.content.text) or said & (lx.TITLES | lx.PERSON_HEADS | sw.PERSON_DESCRIPTORS):
            continue  # "President Obama said it would ...": a title makes a person, whatever "it" is
        if s.mention.end > c.content.start or not mentions.text.startswith(s.name, s.mention.start):
            continue  # the name written as the source, before its content
        settled[s.name] = "organization"
        for m in mentions.items:
            if m.name == s.name:
                m.kind = "organization"


def _coordinated_source(sentences: Sequence[Sentence], c: Candidate, mentions: Mentions, settled: dict[str, str]) -> Source | None:
    """"Tesco and Asda said", "The agency and the company both say": the parties
    together (``coordination``), an antecedent for the "they" that follows; a
    party's kind the coordination settled ("Tesco and Fresco": Fresco is a firm)
    holds for its other records (in ``settled``, unless its descriptors settled it)."""
    mention = c.source.mention if c.source is not None else None
    if mention is None:
        return None
    lo = window_start(sentences, c.sentence_index)

    def describe(start: int, end: int) -> Named | None:
        head = _description_head(mentions.text[start:end].strip())
        return _resolve_description(head, start, lo, mentions) if head else None

    found = coordination.joint(mentions.text, mention.start, mention.end, mentions.items, describe)
    if found is None:
        return None
    name, kind, parties = found
    for party, party_kind in parties:
        if party_kind == "organization":
            settled.setdefault(party, party_kind)
    mentions.add_resolved(Named(mention.start, mention.end, name, kind, plural=True))
    described = name != mention.text.strip()
    return Source(name=name, kind=kind, mention=mention, resolved_from=mention if described else None)  # type: ignore[arg-type]


def _speaker_before(sentences: Sequence[Sentence], c: Candidate, source: Source, before: Sequence[Candidate]) -> Source | None:
    """"NHS England said there was no shortage and that GP surgeries still had
    enough vaccine. It urged ...", "... Visibility was poor, it said.": an "it" or
    "they" opening a sentence, or closing it after what was said, goes on with the
    body that spoke in the sentence before, not a name inside what it said."""
    mention = source.mention
    if mention is None or mention.text.strip().lower() not in {"it", "they"} or c.sentence_index == 0:
        return None
    sent = sentences[c.sentence_index]
    if mention.start - sent.start > 2 and c.content.end > mention.start:
        return None  # opening the sentence, or closing it after what was said ("Visibility was poor, it said.")
    spoke = [b.sentence_index for b in before if b.source is not None and b.cue is not None and c.sentence_index - 2 <= b.sentence_index < c.sentence_index]
    prev = [b for b in before if spoke and b.sentence_index == max(spoke) and b.source is not None and b.cue is not None]
    if not prev or any(b.source.kind == "person" or b.source.kind in {"unnamed", "author"} for b in prev):  # type: ignore[union-attr]
        return None
    last = prev[-1].source
    assert last is not None
    # two bodies named together ("Tesco and Asda"), not one whose name holds an "and" ("Ministry of Mines and Energy")
    plural = (" and " in last.name and " of " not in last.name) or last.kind == "group"
    if (mention.text.strip().lower() == "it") == plural:
        return None
    return Source(name=last.name, kind=last.kind, mention=mention, resolved_from=mention)


def _speaker_going_on(sentences: Sequence[Sentence], c: Candidate, source: Source, before: Sequence[Candidate], mentions: Mentions) -> Source | None:
    """"Mr Garside said ... He said he did not doubt Mr Areola's sincerity. ... 'We don't
    want anyone hurt,' he said": a "he" or "she" goes on with the person who has been
    speaking in the paragraph, not a person only named in passing as an owner ("Mr Areola's")."""
    mention = source.mention
    low = re.sub(r"\s+(?:herself|himself)$", "", mention.text.strip().lower()) if mention is not None else ""  # "She herself did not want to go"
    if mention is None or low not in _GENDER_PRONOUNS or c.sentence_index == 0:
        return None
    paragraph = sentences[c.sentence_index].paragraph
    in_view = _paragraphs_in_view(sentences, c, mentions.text)
    prev = [
        b.source for b in before
        if b.source is not None and b.cue is not None and sentences[b.sentence_index].paragraph in in_view and b.sentence_index < c.sentence_index
        # an unnamed speaker of the paragraph before, not ("one questioner claimed ... / 'You're right,' he said")
        and (b.source.kind == "person" or (_one_unnamed(b.source) and sentences[b.sentence_index].paragraph == paragraph))
    ]
    speaker = prev[-1] if prev else None
    if speaker is None or mentions.gender.get(speaker.name, _GENDER_PRONOUNS[low]) != _GENDER_PRONOUNS[low]:
        return None
    ante = mentions.agreeing(low, mention.start, window_start(sentences, c.sentence_index))
    if _one_unnamed(speaker) and _noun_gender(speaker.name) in {None, _GENDER_PRONOUNS[low]} and (
        ante is None or sentences[_sentence_of(sentences, ante.start)].paragraph != paragraph
    ):
        # "A senior consultant, who asked not to be named, told the Gazette ... She said": the consultant, not a
        # woman of the paragraph before
        return Source(name=speaker.name, kind=speaker.kind, mention=mention, resolved_from=mention)
    if ante is not None and ante.name == speaker.name:
        return Source(name=speaker.name, kind="person", mention=mention, resolved_from=mention)  # ("She herself ...": the speaker, whom nothing else reads)
    if ante is None:
        return None
    owner = re.search(r"['\u2019]s?$", mentions.text[ante.start : ante.end]) or re.match(r"['\u2019]s\b", mentions.text[ante.end : ante.end + 3])
    # named only inside what the speaker said ("Denning told the hearing that footage showed Dr Relf ... she said")
    own = [b for b in before if b.source is not None and b.source.name == speaker.name]
    told = any(b.cue is not None and b.content.start <= ante.start and ante.end <= b.content.end for b in own)
    # or named inside the speaker's own source phrase ("A former officer, who spoke to the Gazette, said ... she said")
    aside = any(b.source.mention is not None and b.source.mention.start <= ante.start and ante.end <= b.source.mention.end for b in own)  # type: ignore[union-attr]
    if not (owner or told or aside):
        return None
    return Source(name=speaker.name, kind="person", mention=mention, resolved_from=mention)


def _person_of_the_paragraph(sentences: Sequence[Sentence], c: Candidate, source: Source, mentions: Mentions) -> Source | None:
    """"Asked what she thought, one girl shrugged. 'We just want it over,' she said":
    a "she" or "he" after one unnamed person of its paragraph ("one girl", "a
    pensioner"), with nobody named between, is that person, not a person named
    in a paragraph before."""
    mention = source.mention
    low = mention.text.strip().lower() if mention is not None else ""
    if mention is None or low not in {"he", "she"}:
        return None
    paragraph = sentences[c.sentence_index].paragraph
    opens = min(s.start for s in sentences if s.paragraph == paragraph)
    # not one inside a quotation ("'A teacher told me to leave,' she said": the speaker's words)
    ones = [one for one in mentions.individuals if opens <= one[0] and one[1] <= mention.start and not mentions.in_quotes(one[0])]
    if not ones:
        return None
    start, end, phrase = ones[-1]
    if _noun_gender(phrase) not in {None, _GENDER_PRONOUNS[low]}:
        return None
    if mentions.agreeing(low, mention.start, end) is not None:
        return None  # a person named after the one described ("... her mother, Jane Pike, said ... she said")
    sent = next((s for s in sentences if s.start <= start < s.end), None)
    if sent is not None and (mentions.agreeing(low, start, sent.start) is not None or (low == "he" and re.search(r"\bhim\b", mentions.text[end : sent.end]))):
        return None  # "Papermaster ..., but a federal judge barred him": the man named before, whom the "he" may be
    name = re.sub(r"^(?:an?)\s+", "", phrase, flags=re.IGNORECASE)  # "a pensioner" is the pensioner, as "A teacher ... said" is
    return Source(name=name, kind="unnamed", mention=mention, resolved_from=mention)  # type: ignore[arg-type]


def _paragraphs_in_view(sentences: Sequence[Sentence], c: Candidate, text: str) -> set[int]:
    """The paragraphs whose speaker a "he" or "she" may go on with: its own, and the
    one before when a quotation opens its paragraph ("Aparna Mathur ... said Ivanka
    Trump's statement didn't clarify the matter. / 'I don't see details,' she said")."""
    sent = sentences[c.sentence_index]
    opens = c.sentence_index > 0 and sentences[c.sentence_index - 1].paragraph != sent.paragraph
    quoted = text[sent.start : sent.start + 1] in {'"', "\u201c"} and c.content.start <= sent.start + 1
    return {sent.paragraph, sent.paragraph - 1} if opens and quoted else {sent.paragraph}


def _one_unnamed(source: Source) -> bool:
    """One person the article only describes ("A senior consultant at the hospital"), not a group."""
    words = source.name.split()
    if source.kind not in {"unnamed", "person"} or not words or not source.name[:1].islower() or source.mention is None:
        return False
    one = re.match(r"\s*(?:an?|one|another)\s", source.mention.text, re.IGNORECASE) is not None
    return words[-1] in sw.INDIVIDUAL_NOUNS | lx.PERSON_HEADS or (one and not words[-1].endswith("s"))


_FEMALE_NOUNS = frozenset("mother woman wife daughter sister grandmother girl widow actress businesswoman chairwoman spokeswoman policewoman".split())
_MALE_NOUNS = frozenset("father man husband son brother grandfather boy widower actor businessman chairman spokesman policeman".split())


def _noun_gender(description: str) -> str | None:
    """"male" or "female" where a description's noun says it ("the girl's mother")."""
    last = description.lower().split()[-1:] or [""]
    return "female" if last[0] in _FEMALE_NOUNS else "male" if last[0] in _MALE_NOUNS else None


def _sentence_of(sentences: Sequence[Sentence], pos: int) -> int:
    return max(0, bisect.bisect_right([s.start for s in sentences], pos) - 1)


def _spokesperson_source(sentences: Sequence[Sentence], c: Candidate, mentions: Mentions, before: Sequence[Candidate] = ()) -> Source | None:
    """"A spokeswoman for Aeroline said", "a council spokesman said", "..., a
    spokeswoman said": the body the unnamed spokesperson speaks for (``spokespeople``)."""
    mention = c.source.mention if c.source is not None else None
    if mention is None:
        return None
    lo = window_start(sentences, c.sentence_index)

    def named_in(name: str) -> tuple[str, str] | None:
        bare = clean_name(name)
        if bare != name and len(bare.split()) >= 2 and given_name(bare.split()[0]) and kind_of_name(name, None, "person") == "person":
            name = bare  # "A spokesman for Mayor Tom Reilly": the mayor, a person
        m = next(
            (
                m for m in mentions.before(mention.end, 0)
                if not m.plural and not mention.start <= m.start < mention.end  # not the spokesperson phrase itself
                and (m.name == name or m.name.endswith(" " + name) or m.name.startswith(name + " "))
            ),
            None,
        )
        if m is None and given_name(name.split()[0]):
            return name, "person"  # "A spokeswoman for Hillary Clinton"
        return (m.name, m.kind) if m is not None else None

    def described(head: str) -> tuple[str, str] | None:
        if head in sw.BODY_NOUNS:
            ante = _resolve_description(head, mention.start, lo, mentions)
        else:  # "The Marine Accident Inquiry Unit ... A spokesman for the unit": a name ending in the word
            ante = next((m for m in mentions.before(mention.start, 0) if len(m.name.split()) > 1 and m.name.lower().split()[-1] == head), None)
        return (ante.name, ante.kind) if ante is not None and ante.kind != "person" and not ante.plural else None

    def last_body() -> tuple[str, str] | None:
        # only a body named in this sentence or the one before ("Greenway Buses said ... The company had made a fair offer, a spokeswoman said"),
        # the one that spoke first ("The Scottish government said trade with Vietnam ... A spokesman said": not Vietnam)
        spoke = next(
            (
                b.source for b in reversed(before)
                if b.source is not None and b.sentence_index >= c.sentence_index - 1 and b.source.kind in {"organization", "government", "media"}
                and b.source.name[:1].isupper() and " and " not in b.source.name
            ),
            None,
        )
        if spoke is not None:
            return spoke.name, spoke.kind
        near = sentences[max(0, c.sentence_index - 1)].start
        m = mentions.agreeing("it", mention.start, max(lo, near))
        return (m.name, m.kind) if m is not None and not _a_place(mentions.text, m) else None

    found = spokespeople.resolve(mention.text, named_in, described, last_body)
    if found is None:
        return None
    mentions.spoken_for[mention.start] = found
    return Source(name=found[0], kind=found[1], mention=mention, resolved_from=mention)  # type: ignore[arg-type]


_OWNED = re.compile(r"(?P<p>its|their|his|her)\s+(?P<rest>(?:[a-z-]+\s+)?[a-z-]+)", re.IGNORECASE)


def _owned_source(sentences: Sequence[Sentence], c: Candidate, mentions: Mentions) -> Source | None:
    """"Its authors suggested ...", "Her campaign says ...": a source named only as
    somebody's, with no name of its own, is named by whose it is ("Nuffield
    Trust's authors", "Patricia Moore's campaign"); its kind stays the noun's."""
    source = c.source
    mention = source.mention if source is not None else None
    hit = _OWNED.fullmatch(mention.text.strip()) if mention is not None else None
    if source is None or mention is None or hit is None or source.resolved_from is not None:
        return None
    role = hit.group("rest")
    later = _named_after(mentions.text, sentences, c.sentence_index, role) if source.kind == "person" else None
    if later is not None:
        return Source(name=later, kind="person", mention=mention, resolved_from=mention)  # "its governor" ... "Governor Fiona Strachan"
    owner = mentions.agreeing(hit.group("p").lower(), mention.start, window_start(sentences, c.sentence_index))
    if owner is None or _a_place(mentions.text, owner):
        return None  # "Bus drivers in Fenmouth ..., their union said": the town is where, not whose
    whose = owner.name if owner.kind != "person" or " " in owner.name else full_name_before(mentions.text, owner.name, owner.start) or owner.name
    body = _persons_body(mentions.text, whose, role, mention.start) if owner.kind == "person" else None
    if body is not None:
        return Source(name=body, kind="organization", mention=mention, resolved_from=mention)  # "Her party" after "The Attwood Party's Joanna Kell"
    owners_mark = "'" if whose.endswith("s") and whose[:1].islower() else "'s"  # "some members' pharmacies"
    return Source(name=f"{whose}{owners_mark} {role}", kind=source.kind, mention=mention, resolved_from=mention)


def _persons_body(text: str, person: str, role: str, pos: int) -> str | None:
    """The party, union or firm whose possessive the article put before a person's name, when
    "her party" or "his union" is said of that person ("The Attwood Party's Joanna Kell ... Her party")."""
    if role.split()[-1].lower() not in {"party", "union", "club", "firm", "company", "team", "group", "campaign"}:
        return None
    owned = re.compile(rf"(?:[Tt]he\s+)?((?:[A-Z][\w&-]*\s+){{0,3}}[A-Z][\w&-]*)['\u2019]s\s+(?:[A-Z][a-z]{{0,4}}\.?\s+)?{re.escape(person.split()[0])}\b")
    hits = list(owned.finditer(text, 0, pos))
    return clean_name(hits[-1].group(1)) if hits else None


def _named_after(text: str, sentences: Sequence[Sentence], index: int, role: str) -> str | None:
    """The person the next two sentences of the paragraph name with the same role
    ("its governor hinted ..." then "Governor Fiona Strachan told reporters ...";
    "its chief executive ..." then "The chief executive, Lars Mikkelsen,")."""
    words = role.split()
    if not words or words[-1].lower() not in sw.PERSON_DESCRIPTORS | lx.PERSON_HEADS:
        return None
    here = sentences[index]
    later = [s for s in sentences[index + 1 : index + 3] if s.paragraph == here.paragraph or s.index == index + 1]
    if not later:
        return None
    pattern = re.compile(rf"\b(?i:{re.escape(role)})(?:,\s+|\s+)((?:[A-Z][\w'\u2019-]+\s+){{1,2}}[A-Z][\w'\u2019-]+)")
    hit = pattern.search(text, later[0].start, later[-1].end)
    return clean_name(hit.group(1)) if hit else None


def _titled_later(text: str, mention: Span) -> str | None:
    """The one person the rest of the article names with the capitalised title a source was given
    before any name ("The Premier says ..." in a summary, then "Premier Deborah Halloran toured ...")."""
    title = re.fullmatch(r"[Tt]he\s+([A-Z][a-z]+)", mention.text.strip())
    if title is None:
        return None
    pattern = re.compile(rf"\b{title.group(1)}\s+((?:[A-Z][\w'\u2019-]+\s+){{1,2}}[A-Z][\w'\u2019-]+)")
    names = {clean_name(h.group(1)) for h in pattern.finditer(text, mention.end)}
    return names.pop() if len(names) == 1 else None


def _a_place(text: str, m: Named) -> bool:
    """A one-word name after "in", "near" ... ("in Fenmouth", whether NER calls
    it a public body or a company; "at" only for a public body: "staff at Tesco"): a place."""
    before = _word_before(text, m.start)
    if " " in m.name or m.kind not in {"government", "organization"}:
        return False
    return before in _PLACE_PREPOSITIONS if m.kind == "government" else before in {"in", "near", "across", "outside"}


_ONE_OF = re.compile(r"(?P<q>One|Two|Some|Most|Several|Many|None|Each|Both|All)\s+of\s+(?:them|those)", re.IGNORECASE)


def _one_of(sentences: Sequence[Sentence], c: Candidate, before: Sequence[Candidate]) -> Source | None:
    """"One of them said" after "Two vets ... said": named by the group of
    people that spoke last in the paragraph or the two sentences before ("One
    of two vets"); one of a group is a person."""
    mention = c.source.mention if c.source is not None else None
    if mention is not None and mention.text.strip().lower() == "another":
        return _another(sentences, c, before)
    if mention is not None and mention.text.strip().lower() == "others":
        return _others(sentences, c, before)
    hit = _ONE_OF.fullmatch(mention.text.strip()) if mention is not None else None
    if mention is None or hit is None:
        return None
    lo = window_start(sentences, c.sentence_index)
    group = next(
        (b.source for b in reversed(before) if b.source is not None and b.source.kind == "group" and b.source.mention is not None and lo <= b.source.mention.start < mention.start),
        None,
    )
    if group is None:
        return None
    whom = group.name[:1].lower() + group.name[1:] if not group.name.split()[0][1:].isupper() else group.name
    one = hit.group("q").lower() in {"one", "each"}
    return Source(name=f"{hit.group('q').capitalize()} of {whom}", kind="person" if one else "group", mention=mention, resolved_from=mention)  # type: ignore[arg-type]


_PEOPLE_OF = re.compile(
    r"(?P<who>(?:[A-Z][a-z-]+|[a-z-]+)(?:\s+[a-z-]+)?)\s+(?P<prep>at|from|of|for)\s+(?P<the>the\s+)?(?P<desc>(?:[a-z-]+\s+){0,2})"
    r"(?P<body>[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'\u2019&-]*)*)(?=\s*(?:,|$))"
)


def _people_of_a_body(c: Candidate) -> Source | None:
    """"Engineers from the consultancy Halden Partners", "Analysts at Harcourt
    Securities": unnamed people named with the body they speak from."""
    s = c.source
    if s is None or s.mention is None or s.kind not in {"group", "unnamed"} or s.resolved_from is not None:
        return None
    hit = _PEOPLE_OF.match(s.mention.text)
    if hit is None or not hit.group("who").lower().endswith("s") or hit.group("who").lower() in {"members", "most", "some", "many", "all", "both"}:
        return None
    the = "the " if hit.group("the") and not hit.group("desc") else ""  # "Ministers of the Crown"; not "the consultancy"
    name = f"{hit.group('who')} {hit.group('prep')} {the}{hit.group('body')}"
    return None if name == s.name else Source(name=name, kind="group", mention=s.mention, resolved_from=s.resolved_from)


_ONE_NOUN = re.compile(r"One\s+(?P<noun>(?:[a-z-]+\s+)?[a-z-]+)\b")


def _others(sentences: Sequence[Sentence], c: Candidate, before: Sequence[Candidate]) -> Source | None:
    """"Others cautioned that ..." after "Cyber security experts are divided ...": other
    people of the plural group that spoke last in the paragraph or the two sentences before."""
    mention = c.source.mention  # type: ignore[union-attr]
    lo = window_start(sentences, c.sentence_index)
    for b in reversed(before):
        s = b.source
        m = s.mention if s is not None else None
        if s is None or m is None or m.start < lo or m.start >= mention.start or s.kind not in {"group", "unnamed"} or s.resolved_from is not None:  # type: ignore[union-attr]
            continue
        words = s.name.split()
        if words and (words[-1].lower() in PEOPLE_NOUNS or words[-1].lower().endswith(("ists", "ians", "ers", "ors"))):
            return Source(name="other " + " ".join(w.lower() if w[:1].isupper() and i == 0 else w for i, w in enumerate(words)), kind="group", mention=mention, resolved_from=mention)
    return None


def _another(sentences: Sequence[Sentence], c: Candidate, before: Sequence[Candidate]) -> Source | None:
    """"Another said" after "One developer, who did not want to be named, said": another developer."""
    mention = c.source.mention  # type: ignore[union-attr]
    lo = window_start(sentences, c.sentence_index)
    for b in reversed(before):
        m = b.source.mention if b.source is not None else None
        if m is None or m.start < lo or m.start >= mention.start:  # type: ignore[union-attr]
            continue
        hit = _ONE_NOUN.match(m.text)
        if hit:
            return Source(name=f"Another {hit.group('noun')}", kind="person", mention=mention, resolved_from=mention)
    return None


def _settled(c: Candidate, mentions: Mentions, settled: dict[str, str]) -> Candidate:
    """The candidate with its source's name and kind those its descriptors settled
    ("Kestrova" an organisation everywhere after "the sportswear maker Kestrova";
    "Brask" the person "Ivo Brask" after "Head groundsman Ivo Brask")."""
    s = c.source
    if s is None or s.mention is None or s.kind in {"media", "group", "unnamed", "author"}:
        return c
    name = s.name
    if name not in settled:
        at = s.mention.start if s.resolved_from is None else -1
        m = next((m for m in mentions.items if at <= m.start < s.mention.end and m.name in settled and m.name.endswith(name)), None)
        if m is None:
            return c
        name = m.name
    if (name, settled[name]) == (s.name, s.kind):
        return c
    return c.model_copy(update={"source": s.model_copy(update={"name": name, "kind": settled[name]})})


def _with_source(c: Candidate, source: Source | None) -> Candidate:
    return c if source is None else c.model_copy(update={"source": source})


def _is_named(source: Source | None) -> bool:
    """A source phrase that names (not a pronoun, a description or an already resolved one)."""
    if source is None or source.mention is None or source.resolved_from is not None:
        return False
    text = source.mention.text.strip()
    return text.lower() not in lx.PRONOUNS and not _description_head(text) and not groups.JOINT.fullmatch(text)


_RELATIVE = re.compile(r",?\s+(?:who|which|whose)\b.*$", re.DOTALL)
# "the institute published last year" (a participle the parser hangs on the noun)
_PARTICIPLE_AFTER = re.compile(r"^((?:the|this|that)\s+(?:[a-z-]+\s+)?[a-z-]+)\s+[a-z]+ed\b.*$", re.DOTALL | re.IGNORECASE)


_PUBLIC_FORECASTER = re.compile(
    rf"^(?:the|this|that)\s+(?:{'|'.join(sorted(sw.PUBLIC_MODIFIERS))})\s+(?:{'|'.join(sorted(sw.PUBLIC_AGENTS))})s?$", re.IGNORECASE
)
# bodies a nation has one of: with its adjective the phrase names the body
_NATIONAL_BODIES = frozenset("government parliament army navy military police administration cabinet".split())
# a head of state or government written with a capital: "the President", "the Moldovan Prime Minister"
_NATIONALITY = r"(?:[A-Z][a-z]+(?:an|ese|ish|ic|i)|French|Dutch|Greek|Thai|Swiss|Welsh|Slovak|Czech|Uzbek|Kazakh|Tajik|Basque)"
_CAPITALISED_TITLE = re.compile(
    rf"^((?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:{_NATIONALITY}\s+)?)(President|Premier|Prime Minister|Chancellor|Governor|Mayor)$"
)
_NATIONALITY_AFTER_THE = re.compile(rf"^([Tt]he|[Tt]his|[Tt]hat)\s+{_NATIONALITY}\s+(?=[a-z])")


# "The HSE chief executive", "the DPWH director": a body's initials before a role
_INITIALS_BEFORE = re.compile(r"((?i:the|this|that)\s+)([A-Z]{2,5})\s+(?=[a-z])")
_NAME_OF_A_BODY = re.compile(r"[A-Z][a-z]+(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][a-z]+)+")


_POLICE_BODY = re.compile(r"\b((?:[A-Z][\w'\u2019-]+\s+){1,4}(?:Police(?:\s+(?:Department|Service|Force))?|Constabulary))\b")


def _police_named(c: Candidate, mentions: Mentions) -> Source | None:
    """"..., police said" in an article that names one police force anywhere ("the Harlow Springs
    Police Department posted a statement"): that force."""
    mention = c.source.mention if c.source is not None else None
    if mention is None or c.source is None or c.source.resolved_from is not None or mention.text.strip().lower() not in {"police", "the police"}:
        return None
    names = {clean_name(hit.group(1)) for hit in _POLICE_BODY.finditer(mentions.text)}
    names = {n for n in names if n.lower() not in {"police", "the police"}}
    return Source(name=names.pop(), kind="government", mention=mention, resolved_from=mention) if len(names) == 1 else None


def _holder_of_a_role(c: Candidate, mentions: Mentions) -> Source | None:
    """"The HSE chief executive added": the person the article named with that role, or with
    a body whose initials these are (not "The FBI director" where no director was named)."""
    mention = c.source.mention if c.source is not None else None
    if mention is None or c.source is None or c.source.resolved_from is not None:
        return None
    initials = _INITIALS_BEFORE.match(mention.text.strip())
    head = _description_head(initials.group(1) + mention.text.strip()[initials.end() :]) if initials is not None else None
    if initials is None or head not in _ROLE_NOUNS:
        return None
    ante = _resolve_description(head, mention.start, max(0, mention.start - 1500), mentions)
    if ante is None or ante.kind != "person" or not _holds_role(mentions.text, ante.name, (head, initials.group(2)), mention.start):
        return None
    return Source(name=ante.name, kind="person", mention=mention, resolved_from=mention)


def _holds_role(text: str, name: str, role_and_initials: tuple[str, str], pos: int) -> bool:
    """Whether the article wrote the role next to ``name`` before ``pos`` ("Yusra Bakhit, chief
    executive of ...") or the body the initials stand for ("The head of the Coastal Fisheries
    Service, Dr. Arvid Lund," for "the CFS director")."""
    head, initials = role_and_initials
    last = re.escape(name.split()[-1])
    bodies = [m.group() for m in _NAME_OF_A_BODY.finditer(text, 0, pos) if "".join(w[0] for w in m.group().split() if w[0].isupper()) == initials]
    role = re.compile(rf"\b(?:{re.escape(head)}{''.join('|' + re.escape(b) for b in bodies)})\b", re.IGNORECASE)
    for hit in re.finditer(rf"\b{last}\b", text[:pos]):
        if role.search(text, max(0, hit.start() - 90), hit.start()) or role.search(text, hit.end(), min(pos, hit.end() + 90)):
            return True
    return False


def _description_head(phrase: str) -> str | None:
    """The noun of a definite description ("the company"; "The minister, who
    visited a school in Orsund" is the minister, not Orsund; "the Ostrovan
    delegation" and "Members of the delegation" are the delegation)."""
    phrase = groups.members_of(phrase) or _RELATIVE.sub("", phrase)
    phrase = _PARTICIPLE_AFTER.sub(r"\1", phrase)
    demonym = _DEMONYM.match(phrase.strip(" ,"))
    if demonym is not None:
        return demonym.group(1).lower()  # "The Scot, whose side move up to sixth": the manager named before; "The TD"
    phrase = _KIN_OF_SEVERAL.sub(r"\1", phrase)  # "The father of two": a father
    long_role = _LONG_ROLE.match(phrase.strip(" ,"))
    if long_role is not None and (long_role.group(1).lower() in sw.PERSON_DESCRIPTORS or long_role.group(1).lower() in _ONE_PERSONS_ROLE):
        return long_role.group(1).lower()  # "The retired school bus driver"
    if long_role is not None and _JOB_ENDING.search(long_role.group(1)):
        return "jobholder"  # "The retired hospital cleaner": a job no list holds, written in full after the person was named
    aged = _aged_head(phrase)
    if aged is not None:
        return aged
    if _PUBLIC_FORECASTER.match(phrase):
        return "agency"  # "the national forecaster" is the weather service, not a person
    phrase = _CAPITALISED_TITLE.sub(lambda m: m.group(1) + m.group(2).lower(), phrase)  # "the Moldovan President"
    national = _NATIONALITY_AFTER_THE.match(phrase)
    phrase = _NATIONALITY_AFTER_THE.sub(r"\1 ", phrase)  # "The French company" is a description of a company
    desc = _DESCRIPTION.match(phrase)
    if desc is None:
        return None
    head = desc.group(1).lower()
    if head == "minister" and phrase.lower().endswith("prime minister"):
        head = "premier"  # "the prime minister" is the head of government, not the defence minister named nearer
    if head == "leader" and (national or len(phrase.split()) == 2):
        head = _HEAD_OF_STATE  # "the Moldovan leader", "the leader"; not "the band leader"
    if national and head in _NATIONAL_BODIES:
        return None  # "The Scottish government" names a government of its own, not the council named before
    if not any(w[:1].isupper() for w in phrase.split()[1:]) or (head in groups.HEADS and phrase.split()[-1].islower()):
        return head
    return None


# modifiers that do not make a description fuller ("the same agency", "a new company")
_NOT_FULLER = frozenset(
    """
    same other new old former first second third two three another such whole entire the a an of and or but to in on
    at by for from with as its their his her this that these those is was be been are were has have had
    """.split()
)
_NEWS_WORDS = frozenset("news press media wire broadcasting".split())


def _fuller_description(text: str, head: str, mention: Span) -> Source | None:
    """"The agency said" where the article named no agency but wrote "The
    national anti-doping agency" before: the source is that fuller description,
    of the kind its noun gives (a news agency only with a news word)."""
    pattern = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+((?:[a-z][\w-]*\s+){{1,3}}){re.escape(head)}\b(?!['\u2019-])")
    # "at Kelham airport": a place's name before the noun, no article
    placed = re.compile(rf"(?<=\s)((?:[A-Z][\w'\u2019-]*\s+){{1,2}}){re.escape(head)}\b(?!['\u2019-])")
    hits = [h for h in pattern.finditer(text, 0, mention.start) if not set(h.group(1).split()) & (_NOT_FULLER | lx.RELATIVE_PRONOUNS)]
    hits += [h for h in placed.finditer(text, 0, mention.start) if h.group(1).split()[0].lower() not in lx.OPENING_WORDS]
    if not hits:
        return None
    name = max(hits, key=lambda h: h.start()).group(1) + head
    words = set(name.split())
    kind = "media" if words & _NEWS_WORDS else descriptors.kind_of_descriptors([head])
    if kind is None:
        return None
    return Source(name=name, kind=kind, mention=mention, resolved_from=mention)  # type: ignore[arg-type]


def _referring_source(sentences: Sequence[Sentence], c: Candidate, source: Source, mentions: Mentions) -> Source | None:
    """The named source a pronoun or a definite description refers to, or None."""
    mention = source.mention
    assert mention is not None
    low = mention.text.strip().lower()
    lo = window_start(sentences, c.sentence_index)
    if low in lx.PRONOUNS:
        # not a name inside what the pronoun's speaker said ("'Nobody wanted to lose Leon,' he said"), nor inside an earlier quotation
        # (nor a name inside a content the cue interrupts: "Thibodeau, he added, was welcome to his own view")
        inserted = c.content.start < mention.start and mentions.text[max(0, mention.start - 2) : mention.start].strip() == ","
        inside = (c.content.start, c.content.end) if c.content.end <= mention.start or inserted else None
        ante = mentions.agreeing(low, mention.start, lo, inside)
    elif groups.JOINT.fullmatch(mention.text.strip()):
        ante = next((m for m in mentions.items if m.start == mention.start and m.plural), None)  # ``add_joint``
    else:
        head = _description_head(mention.text.strip())
        if head == "paper" and _JOURNAL.search(mentions.text, 0, mention.start):
            # "The paper reports" after "the study, published in the Northern Journal of Neurology": the study's paper
            return Source(name="paper", kind="document", mention=mention, resolved_from=mention)  # type: ignore[arg-type]
        ante = _resolve_description(head, mention.start, lo, mentions) if head else None
        ante = _content_subject(c, mention, ante, mentions) or ante
        if ante is None and head and head in lx.PERSON_HEADS and (later := _titled_later(mentions.text, mention)) is not None:
            return Source(name=later, kind="person", mention=mention, resolved_from=mention)  # "The Premier says" before "Premier Deborah Halloran"
        if ante is None and head and head not in sw.PERSON_DESCRIPTORS and source.name.lower() in {head, "the " + head}:
            return _fuller_description(mentions.text, head, mention)  # nothing else named it: "the agency" as written
    spoke = max((k for k in mentions.spoken_for if lo <= k < mention.start), default=None) if low in {"she", "he"} else None
    if spoke is not None and (ante is None or ante.start <= spoke):
        body, kind = mentions.spoken_for[spoke]  # "She added ..." after "a spokeswoman for Aeroline said": Aeroline
        return Source(name=body, kind=kind, mention=mention, resolved_from=mention)  # type: ignore[arg-type]
    if ante is None:
        return None
    name = ante.name
    if ante.kind == "person" and " " not in name:
        name = full_name_before(mentions.text, name, ante.start) or name  # "She" after "Moore" after "Patricia Moore"
    return Source(name=name, kind=ante.kind, mention=mention, resolved_from=mention)  # type: ignore[arg-type]


def _resolved(sentences: Sequence[Sentence], c: Candidate, source: Source, out: Sequence[Candidate], mentions: Mentions) -> Source | None:
    """A pronoun's or a description's source, in the order the readings are tried."""
    assert source.mention is not None
    they = source.mention.text.strip().lower() == "they"
    people = (_people_opening(mentions.text, c, source.mention) or _singular_they(sentences, c, source.mention, out)) if they else None
    return (
        people or _person_of_the_paragraph(sentences, c, source, mentions) or _speaker_before(sentences, c, source, out)
        or _speaker_going_on(sentences, c, source, out, mentions) or _referring_source(sentences, c, source, mentions)
        or _last_speaker_of_that_sex(c, source, out, mentions)
    )


def _last_speaker_of_that_sex(c: Candidate, source: Source, out: Sequence[Candidate], mentions: Mentions) -> Source | None:
    """A "he" or "she" nothing in view resolves, whose reading so far is a person of the other sex
    ("He added ..." after "He said he had been told by Ms Christine Yeo that ..."): the last speaker of
    that sex in the records before, leaving out reports nested in another."""
    assert source.mention is not None
    sex = _GENDER_PRONOUNS.get(source.mention.text.strip().lower())
    if sex is None or mentions.gender.get(source.name, _honorific_gender(source.name) or sex) == sex:
        return None
    if source.name.split() and given_name_gender(source.name.split()[0]) == sex:
        return None  # "Melanie": her given name says she may be the "she", whatever was learned of it
    spoke = next(
        (
            b.source for b in reversed(out)
            if b.source is not None and b.nested_in is None and b.source.kind == "person" and b.sentence_index <= c.sentence_index
            and mentions.gender.get(b.source.name, sex) == sex and _may_be(b.source.name, sex)
        ),
        None,
    )
    return Source(name=spoke.name, kind="person", mention=source.mention, resolved_from=source.mention) if spoke is not None else None


def _initials_source(c: Candidate, mentions: Mentions) -> Source | None:
    """The person a title written by its initials stands for (``_title_by_initials``)."""
    mention = c.source.mention if c.source is not None else None
    person = _title_by_initials(mention, mentions) if mention is not None else None
    if person is None or mention is None:
        return None
    mentions.add_resolved(Named(mention.start, mention.end, person.name, "person"))
    return Source(name=person.name, kind="person", mention=mention, resolved_from=mention)


def _title_by_initials(mention: Span, mentions: Mentions) -> Named | None:
    """"The CMD added" after "The Chief Medical Director of the hospital, Prof. Babatunde Ajiboye-Lawal":
    a title written by its initials is the person the article gave that title."""
    hit = _INITIALS.fullmatch(mention.text.strip())
    if hit is None:
        return None
    titles = _titles_for(hit.group(1), mentions.text[: mention.start])
    if not titles:
        return None  # "the NPS" is a body's initials, not a person's title ("Chief Medical Director": "the CMD")
    title = titles[-1]
    people = [m for m in mentions.before(mention.start, 0) if m.kind == "person" and not m.plural]
    # named with the initials before the name ("DEO Smt. K. Lalitha Devi"), or with the title written out
    titled = next((m for m in reversed(people) if re.search(rf"\b{hit.group(1)}\s+$", mentions.text[max(0, m.start - 8) : m.start]) or mentions.text[m.start : m.end].startswith(hit.group(1) + " ")), None)
    return titled or next((m for m in reversed(people) if m.start <= title.start() < m.end or title.end() <= m.start <= title.end() + 80), None)


def _titles_for(letters: str, text: str) -> list[re.Match[str]]:
    """The person's titles in ``text`` that ``letters`` are the initials of, in either case ("Chief
    Medical Director", "managing director", and "Chief executive" for "CEO", whose O is "officer")."""
    found: list[re.Match[str]] = []
    for initials in (letters, letters[:-1] if letters.endswith("O") and len(letters) > 2 else ""):
        if not initials:
            continue
        words = r"\s+".join(rf"[{ch}{ch.lower()}][a-z]+" for ch in initials)
        found += [t for t in re.finditer(rf"\b{words}\b", text) if t.group().split()[-1].lower() in _TITLE_ENDS]
    return sorted(found, key=lambda t: t.start())


_TITLE_ENDS = lx.PERSON_HEADS | sw.PERSON_ROLE_WORDS | frozenset("officer director executive manager secretary".split())


_INITIALS = re.compile(r"[Tt]he\s+([A-Z]{2,5})")


def _singular_they(sentences: Sequence[Sentence], c: Candidate, mention: Span, before: Sequence[Candidate]) -> Source | None:
    """"According to the same board member, two sponsors had pulled out. The festival could not
    have opened, they said.": a "they" closing what was said, right after a sentence whose one
    speaker was a single person the article keeps unnamed, is that person."""
    if mention.start < c.content.end or c.sentence_index == 0:
        return None
    prev = [b for b in before if b.sentence_index == c.sentence_index - 1 and b.source is not None and b.cue is not None]
    if len(prev) != 1 or sentences[c.sentence_index - 1].paragraph != sentences[c.sentence_index].paragraph:
        return None
    speaker = prev[0].source
    assert speaker is not None
    head = speaker.name.split()[-1] if speaker.name else ""
    one = _one_unnamed(speaker) or (speaker.kind == "unnamed" and speaker.name[:1].islower() and not head.endswith("s"))
    if not one or head in _FEMALE_NOUNS | _MALE_NOUNS or head in {"source", "sources"}:
        return None
    return Source(name=speaker.name, kind=speaker.kind, mention=mention, resolved_from=mention)


def _people_opening(text: str, c: Candidate, mention: Span) -> Source | None:
    """"The resident doctors are not asking for salaries, they insist": a closing "they" is
    the people the content opens with."""
    if mention.start < c.content.end or text[c.content.end : mention.start].strip(" ,\"'\u201d\u2019") != "":
        return None
    hit = _PEOPLE_OPENING.match(text, c.content.start, c.content.end)
    if hit is None or hit["noun"].lower() not in PEOPLE_NOUNS:
        return None
    name = hit["np"][4:] if hit["np"].lower().startswith("the ") else hit["np"]
    return Source(name=name, kind="group", mention=mention, resolved_from=mention)


_PEOPLE_OPENING = re.compile(r"(?P<np>(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,2}(?P<noun>[a-z-]+s))\s+(?:are|were|have|had|will|would|do|did|could|can|say|said|want|wanted)\b")


def _content_subject(c: Candidate, mention: Span, ante: Named | None, mentions: Mentions) -> Named | None:
    """"Brisa Air Inc. is in talks with smaller rival Tarn Air Holdings ..., the company said": a description
    after its content stands for the body the content opens with, when it is of the same kind as the body
    named nearest (that rival is only the object of the talks)."""
    if ante is None or ante.kind == "person" or mention.start < c.content.end or ante.start < c.content.start:
        return None
    opening = next((m for m in mentions.items if c.content.start <= m.start <= c.content.start + 4 and m.end <= c.content.end), None)
    if opening is None or opening.kind != ante.kind or opening.plural or opening.name == ante.name:
        return None
    return opening


_JOURNAL = re.compile(r"\b(?:journal|published\s+in)\b", re.IGNORECASE)
_OFFICIALS_IN = re.compile(r"(?:the\s+)?(?:officials|authorities|ministers)\s+(?:in|of|from)\s+(?:the\s+)?[A-Z]", re.IGNORECASE)


def _named_source(text: str, source: Source, mentions: Mentions, found: list[ner.Entity]) -> Source | None:
    """Name and kind of a source phrase that is neither a pronoun nor a description."""
    mention = source.mention
    assert mention is not None
    name, kind = source.name, source.kind
    body = _place_body_phrase(mention.text, name)
    if body is not None:
        # "Greymouth town council said": the council of that place, not the festival named after the place
        kind = descriptors.kind_of_descriptors([name]) or "organization"
        return None if (body, kind) == (source.name, source.kind) else Source(name=body, kind=kind, mention=mention, resolved_from=source.resolved_from)  # type: ignore[arg-type]
    ent, name, kind = _entity_of(text, mention, name, kind, found)
    name, kind, label, described = _named_by_entity(text, mention, name, kind, ent)
    if not name[:1].isupper():
        return None
    of_body = _person_of_a_body(name)
    if of_body is not None:
        name, kind, described = of_body, "person", True  # "Detective Sergeant Claire Hughes of Gwent Police"
    kind = _kind_in_context(text, mention, name, kind, label, described, ent)
    if _OFFICIALS_IN.match(mention.text) and name.split()[0].lower() not in {"officials", "authorities", "ministers"}:
        kind = "government"  # named by the place ("officials in Marenzia": Marenzia): its government, whatever NER made of an unknown name
    name, kind = _fuller_name(text, mention, name, kind, ent, mentions)
    if (name, kind) == (source.name, source.kind):
        return None
    return Source(name=name, kind=kind, mention=mention, resolved_from=source.resolved_from)  # type: ignore[arg-type]


_WITH_THE_PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e)\s+and\s+$")
_WITH_THE_PRONOUN_AFTER = re.compile(r"\s+and\s+(?:she|he)\b")
_CONTRACTION = re.compile(r"(?i)(?:i|we|you|they|he|she|it)['\u2019](?:ve|m|ll|d|re|s)")
_ROLE_NOUNS = sw.PERSON_ROLE_WORDS | lx.PERSON_HEADS | sw.PERSON_DESCRIPTORS
_PERSON_OF_THE_BODY = re.compile(r"\s+(?:[a-z-]+\s+)?(?:figure|source|insider|official|member|aide|staffer|employee|executive|spokesman|spokeswoman|spokesperson)\b(?!\s+[A-Z])")
_BODY_AFTER_A_NAME = frozenset("coalition party alliance movement union federation association league company group".split())
_OWNERS_BODY = re.compile(r"(?:['\u2019]s?)?\s+(?:[a-z-]+\s+)?(?:office|campaign|team|staff|camp|administration|lawyers)\b")
_OWNERS_MARK = re.compile(r"['\u2019]s?$")


def _owner_of_the_source(text: str, ent: ner.Entity) -> bool:
    """"Senator Gloria Pangan's office", "the mayor's campaign": the entity owns the body that speaks."""
    owned = _OWNERS_MARK.search(ent.text) is not None or text[ent.end : ent.end + 1] in {"'", "\u2019"}
    return owned and _OWNERS_BODY.match(text, ent.end) is not None
_RELATIVE_IN = re.compile(r"\s(?:that|which|who|whose|whom)\s")
# a name, then a comma and a lower-case description of it ("Kunle Fasanmi, a lawmaker for Ilemo North")
_NAME_THEN_APPOSITION = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]*),\s+(?:a|an|the)\s+[a-z]")


_OWNERS_ROLE = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*['\u2019]s\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+(?=[A-Z])")


def _entity_of(text: str, mention: Span, name: str, kind: str, found: list[ner.Entity]) -> tuple[ner.Entity | None, str, str]:
    """The NER entity that names a source phrase, and the name and kind so far."""
    # not a nationality before a common noun ("The European breeding programme", "Japanese automaker Toyota")
    # not a name in a relative clause of the phrase ("The European breeding programme that placed her at Westbrook")
    relative = _RELATIVE_IN.search(mention.text)
    end = mention.start + relative.start() if relative else mention.end
    named = _NAME_THEN_APPOSITION.match(mention.text)
    end = min(end, mention.start + named.end(1)) if named is not None else end  # "Kunle Fasanmi, a lawmaker for Ilemo North": not the place
    inside = [e for e in found if mention.start <= e.start and e.end <= end and not _adjective_of_a_noun(text, e, mention.end)]
    at = mention.text.rfind(name) if name[:1].isupper() else -1
    if at > 0:  # "The US car manufacturer General Motors": a place before the name describes it
        inside = [e for e in inside if not (e.label in {"GPE", "NORP"} and e.end <= mention.start + at)]
    role = _OWNERS_ROLE.match(mention.text)
    if role is not None:
        # "Ardan's managing director, Dr Fergal Quinlan": the person named after the role, not its owner
        inside = [e for e in inside if e.start >= mention.start + role.end()] or inside
    exact = next((e for e in inside if clean_name(e.text) == name), None)
    ent = next((e for e in inside if e.label == "PERSON"), exact or (inside[0] if inside else None)) or _apposition(text, mention.end, found)
    if ent is not None and any(e.label == "NORP" and name.startswith(e.text + " ") and e.end <= ent.start for e in found):
        name = clean_name(ent.text) or name  # "Japanese automaker Toyota": Toyota
    if ent is not None and _where_it_appeared(text, name, mention.start, ent.start):
        ent = None  # "a study published on Wednesday in the journal Marine Ecology Letters": the study's, not the journal's
    if ent is not None and _ROLE_FOR.match(text, mention.start, ent.start):
        ent = None  # "A spokeswoman for Lunegate": a person speaking for the company, not the company
        kind = "person" if kind == "unnamed" else kind  # "The head of Sony Pictures Television"
    if ent is not None and _owner_of_the_source(text, ent):
        ent = None  # "Senator Gloria Pangan's office", "the mayor's campaign": the owner's body speaks, not the owner
    if ent is not None and _PERSON_OF_THE_BODY.match(text, ent.end):
        ent = None  # "A senior Comhar figure, who asked not to be named": one of the party's people, not the party
    return ent, name, kind


def _named_by_entity(text: str, mention: Span, name: str, kind: str, ent: ner.Entity | None) -> tuple[str, str, str | None, bool]:
    """(name, kind, the entity's label where it names the source, whether words before the name described a person)."""
    label, described = None, False
    if kind_of_name(name, None) == "document":
        return name, "document", None, False  # "The Harbour Authority's review": the body's document, not the body NER names in it
    if ent is None:
        bare = clean_name(name) if kind == "person" else name
        return (bare if len(bare.split()) >= 2 else name), kind, label, described  # "Harlow County Treasurer Janet Price", NER or not
    ent_name = clean_name(ent.text)
    bare = clean_name(name)
    if kind == "person" and ent.label != "PERSON" and len(bare.split()) >= 2 and bare.endswith(" " + ent_name) and given_name(bare.split()[0]):
        return bare, "person", None, True  # "Minister of Mining Verónica Aránguiz Toledo": NER read only "Toledo", as a place
    if ent_name and _described_person(text[mention.start : max(mention.end, ent.end)], ent_name) and kind_of_name(ent_name, None, "person") == "person":
        # "Farmers' union chairman Piet de Wit", "Her rival, former minister Paul
        # Andersen"; a title is no part of the name ("Superintendent Glen Harwood" is Glen Harwood)
        name, kind, described = ent_name, "person", True
        if _honorific_gender(name) is not None:
            name = ent_name  # "Mr. Obama" is Obama
    elif ent_name and (
        not name[:1].isupper() or name.split()[0].lower() in lx.PERSON_HEADS | lx.TITLES | {"its", "their", "his", "her"}
        or name in ent_name or clean_name(name) == ent_name or name in " ".join(ent.text.split())
    ):  # "Its secretary-general, Tomas Reyl"
        # "Chief financial officer" -> "Rafael Moreno"; "Corvan" -> "Corvan Aero"; "Paramedic Tom Brancato" -> "Tom Brancato"
        name = ent_name
    if ent_name and (ent_name in name or name in ent_name):
        label = ent.label
    return name, kind, label, described


def _kind_in_context(text: str, mention: Span, name: str, kind: str, label: str | None, described: bool, ent: ner.Entity | None) -> str:
    """The source's kind from the words around its name."""
    lead = text[max(0, mention.start - 15) : mention.start].lower().split()[-1:] + mention.text.split()[:1]
    if any(w.lower() in sw.COUNTRY_ADJECTIVES for w in lead):
        kind = "government"  # "neighbouring Ostravia"
    elif _role_of_a_body(mention.text):
        kind = "person"  # "a Marlow Coastal director": one person of the body
    elif not described and (kind != "person" or label is not None) and not _given_name_and_part(name, kind, ent):
        kind = kind_of_name(name, label, kind)
    if _honorific_gender(mention.text.strip()) is not None:
        return "person"  # "Mr Whitfield", whatever NER made of the name
    at = text.find(name, mention.start, max(mention.end, ent.end if ent else 0))
    noun = text[at + len(name) : mention.end].split()[:1] if at >= 0 else []
    if kind == "government" and noun and noun[0].lower() in _BODY_AFTER_A_NAME:
        kind = "organization"  # "the Bagong Lakas coalition": a party's alliance, whatever NER made of its name
    if kind != "person" and at >= 0 and _AGE_AFTER.match(text, at + len(name)) and kind_of_name(name, None, "person") == "person":
        kind = "person"  # "Brandt, 24, said"
    return kind


def _given_name_and_part(name: str, kind: str, ent: ner.Entity | None) -> bool:
    """A person's name ("Gwen Tallis") of which NER labelled the family name alone
    (as a nationality, a place or a body): the label is not the name's."""
    words = name.split()
    return kind == "person" and ent is not None and len(words) == 2 and given_name(words[0]) and ent.text == words[-1]


def _fuller_name(text: str, mention: Span, name: str, kind: str, ent: ner.Entity | None, mentions: Mentions) -> tuple[str, str]:
    """A short name made the fullest the article gave before ("Okoye" -> "Grace
    Okoye", "Riverside" -> "Riverside Coaches", "Mrs. Clinton" -> "Hillary Clinton")."""
    firm = _firm_named_before(name, kind, mention, mentions)
    if firm is not None:
        return firm  # "Northlight said" after "The video games developer Northlight Interactive", whatever NER made of it
    named = next((m for m in mentions.items if m.start < max(mention.end, ent.end if ent else 0) and mention.start < m.end and m.name.endswith(name)), None)
    if (named is None or named.kind != "person") and kind in {"organization", "unnamed"} and " " not in name and kind_of_name(name, None, "person") == "person":
        # "Hughes called the plan ..." read as ORG (or as nothing: "Price said") where NER missed this sentence's person: the earlier "Daniel Hughes"
        named = next((m for m in mentions.before(mention.start, 0) if m.kind == "person" and m.name.endswith(" " + name)), None)
        full = full_name_before(text, name, mention.start) if named is None or named.kind != "person" else None
        at = text.rfind(full, 0, mention.start) if full else -1
        if full and at >= 0 and (_person_context(text, at, at + len(full)) or _a_persons_full_name(text, at, at + len(full))):
            named = Named(at, at + len(full), full, "person")  # "... the Labour candidate, Daniel Hughes, on 38 percent"
    if named is not None and named.kind == "person" and kind in {"person", "organization", "unnamed"} and kind_of_name(name, None, "person") == "person":
        name, kind = named.name, "person"  # "Okoye" -> "Grace Okoye", "Rahimi" (ORG to NER) -> "Kaveh Rahimi"
    titled = clean_name(mention.text) != mention.text.strip() and " " not in clean_name(mention.text)  # "Dr Achebe"
    if kind == "person" and " " not in clean_name(name) and (titled or named is None or named.kind != "person" or " " not in named.name):
        bare = clean_name(name)  # "Mr Howard": Howard
        earlier = next((m for m in mentions.before(mention.start, 0) if m.kind == "person" and m.name.endswith(" " + bare)), None)
        # "Bellini told ..." after "head coach Marco Bellini"
        name = earlier.name if earlier is not None else full_name_before(text, bare, mention.start) or name
    sex = _honorific_gender(mention.text.strip())
    if kind == "person" and sex is not None and (" " not in clean_name(name) or not _may_be(name, sex)):
        # "Mrs. Clinton": Hillary, not Bill; "Mr Whitfield" after "Peter and Anna Whitfield": Peter
        name = _full_name_of_sex(text, clean_name(name).split()[-1], mention.start, sex, mentions) or clean_name(name).split()[-1]
    if kind == "person" and " " not in name and not given_name(name):
        name = _family_name_first_before(text, name, mention.start) or name  # "Mrs Nguyen" after "Nguyen Thi Lan"
    return name, kind


_LEGAL_SUFFIXES = frozenset("ltd limited plc inc llc corp corporation co group holdings sa ag gmbh nv".split())


def _with_legal_suffix(full: list[str], words: list[str]) -> bool:
    """Whether ``full`` is ``words`` with a legal suffix after them ("Glyncastle Mining Ltd")."""
    rest = full[len(words) :]
    return bool(rest) and full[: len(words)] == words and all(w.lower().strip(".,") in _LEGAL_SUFFIXES for w in rest)


def _honorific_before(text: str, m: Named) -> str | None:
    """"male" or "female" from an honorific before a person's name or opening its
    mention, over a title between ("Mrs Justice Harlow", "Mr Harlow")."""
    raw = text[max(0, m.start - 24) : m.end].split()
    words = [w.strip(".,").lower() for w in raw]
    name_at = len(text[max(0, m.start - 24) : m.start].split())
    for k in reversed(range(max(0, name_at - 3), min(len(words), max(name_at, 1) + 1))):
        w = words[k]
        if w in sw.HONORIFICS_MALE:
            return "male"
        if w in sw.HONORIFICS_FEMALE:
            return "female"
        if k < name_at and (raw[k].endswith((",", "'s", "\u2019s")) or w in _KIN):
            return None  # "Mr Toller's wife, Janet": his honorific, not hers
    at = text.find(m.name, m.start, m.end)
    before = text[m.start : at].split() if at > m.start else []
    if before and before[-1].strip(".,").lower() in sw.HONORIFICS_FEMALE | sw.HONORIFICS_MALE:
        return "female" if before[-1].strip(".,").lower() in sw.HONORIFICS_FEMALE else "male"  # "an elderly cleaner, Madam Tay Ah Lian"
    return None


# words for a relation between an honorific's bearer and the name after them
_KIN = frozenset("wife husband son daughter mother father sister brother partner widow widower".split())
_FEMALE_KIN = frozenset("wife daughter mother sister widow".split())
# "Lena Baptiste, a mother of two,", "Ivanka Trump, the nominee's eldest daughter,": the noun of an apposition
_KIN_AFTER = re.compile(
    # not over a preposition ("the lawyer for the victim's mother" is no mother)
    r",\s+(?:the|a|an|his|her|their)\s+(?:(?!(?:of|for|to|at|in|with|and|or|who)\b)[\w'\u2019-]+\s+){0,4}?"
    r"(wife|husband|son|daughter|mother|father|sister|brother|widow|widower)\b",
    re.IGNORECASE,
)
_KIN_BEFORE = re.compile(r"\b(wife|husband|son|daughter|mother|father|sister|brother|widow|widower),?\s+$", re.IGNORECASE)


def _family_name_first_before(text: str, family: str, pos: int) -> str | None:
    """The last name written family name first before ``pos``: "Nguyen Thi Lan" for
    "Mrs Nguyen"; none where the text ever writes the name after another capitalised
    word ("President Obama": Obama is a family name written last) or as a headline's words."""
    if re.search(rf"\b[A-Z][\w.'\u2019-]*\s+{re.escape(family)}\b", text[:pos]):
        return None
    found = None
    for hit in re.finditer(rf"\b{re.escape(family)}(?:\s+[A-Z][a-z'\u2019-]+){{1,2}}(?=[,.;]|\s+[a-z])", text[:pos]):
        found = hit
    if found is None or any(w.lower() in _HEADLINE_VERBS for w in found.group(0).split()):
        return None
    return found.group(0)


_HEADLINE_VERBS = frozenset("says said sees could will would may can is are was were has have".split())


def _firm_named_before(name: str, kind: str, mention: Span, mentions: Mentions) -> tuple[str, str] | None:
    """"Riverside disputes ..." after "Riverside Coaches", "Northlight said" after
    "Northlight Interactive": a one-word name that is no given name and opens a
    company's name given before (and no person's family name) is the company;
    so is a name the article gave before with a legal suffix ("Glyncastle Mining" for
    Glyncastle Mining Ltd)."""
    earlier = mentions.before(mention.start, 0)
    if kind in {"person", "unnamed", "organization"} and " " in name:
        words = name.split()
        suffixed = next((m for m in earlier if m.kind == "organization" and _with_legal_suffix(m.name.split(), words)), None)
        return (suffixed.name, "organization") if suffixed is not None else None
    if kind not in {"person", "unnamed", "organization"} or " " in name or given_name(name) or _honorific_gender(mention.text.strip()) is not None:
        return None
    if any(m.kind == "person" and m.name.endswith(" " + name) for m in earlier):
        return None
    firms = [m for m in earlier if m.name.startswith(name + " ") and _firm_by_first_word(m.name) and _a_firm(mentions.text, m)]
    # a company's word before a product's name ("Ford Motor Company", not the "Ford Taurus" named since)
    firm = next((m for m in firms if m.name.split()[-1].lower() in sw.ORG_NAME_WORDS), firms[0] if firms else None)
    return (firm.name, "organization") if firm is not None else None


def _a_firm(text: str, m: Named) -> bool:
    """A company's name: one with a company's word ("Greenway Buses", "Cerberus
    Capital Management"), or one a company's noun introduces ("the video games
    developer Northlight Interactive"), whatever NER read it as; not a product
    NER took for a body ("the Ford Taurus sedan")."""
    if m.kind not in {"organization", "person"}:
        return False
    if m.kind == "organization" and {w.lower() for w in m.name.split()} & sw.ORG_NAME_WORDS:
        return True
    word = descriptors.descriptor_before(text, m.start)
    return word is not None and descriptors.kind_of_descriptors([word]) == "organization"


def _full_name_of_sex(text: str, family: str, pos: int, sex: str, mentions: Mentions) -> str | None:
    """The full name written before ``pos`` that ends in ``family`` and may be a
    person of ``sex``: an earlier named mention, the text before, or one of a couple."""
    earlier = next((m.name for m in mentions.before(pos, 0) if m.kind == "person" and m.name.endswith(" " + family) and _may_be(m.name, sex)), None)
    full = earlier or full_name_before(text, family, pos)
    return full if full and _may_be(full, sex) else _couple_member(text, family, pos, sex)


_NOT_A_FIRST_NAME = lx.CALENDAR | sw.CLAUSE_OPENERS | frozenset(
    "the a an on in at by for from to of and but or when after before as if while since said says told unlike like".split()
)
_BODY_NAME_WORDS = sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS | sw.MEDIA_NAME_WORDS | lx.MEDIA


def _a_persons_full_name(text: str, start: int, end: int) -> bool:
    """"Agriculture Minister Thandi Mokoena visited farms": a full name, in a sentence
    NER did not read, that a title before it, a given name opening it or NER, run
    on that one sentence only, says is a person's."""
    surname = text[start:end].split()[-1]
    if any(set(h.group(1).lower().split()) & _BODY_NAME_WORDS for h in re.finditer(rf"\b{re.escape(surname)}((?:\s+[A-Z][\w&'\u2019-]*){{1,3}})", text)):
        return False  # "Ford" where the article names "Ford Motor Company": maybe the firm
    before = text[max(0, start - 30) : start].split()[-1:]
    if (before and title_word(before[0])) or given_name(text[start:end].split()[0]):
        return True
    opens = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    closes = min((k for k in (text.find(". ", end), text.find("\n", end)) if k >= 0), default=len(text))
    return any(e.label == "PERSON" and e.start <= start and end <= e.end for e in ner.entities(text, [(opens, closes)]))


def full_name_before(text: str, surname: str, pos: int) -> str | None:
    """The last "First [Middle] Surname" written before ``pos`` (where NER did not
    read that sentence): "Brandt" after "Her opponent, Kaia Brandt"."""
    found = None
    # from the start of a word ("CEO. Jobs" holds no "O. Jobs")
    for hit in re.finditer(rf"(?<![\w.'\u2019-])((?:[A-Z](?:[\w'\u2019-]+|\.)\s+){{1,3}}){re.escape(surname)}\b", text[:pos]):
        found = hit
    if found is None:
        return None
    words = clean_name(found.group(0)).split()
    while words[:-1] and words[0].lower() in _NOT_A_FIRST_NAME:
        words = words[1:]
    second = _SECOND_SURNAME.match(text, found.end())
    if second is not None and len(words) == 2 and given_name(words[0]) and second.group(1).lower() not in _CALENDAR_WORDS:
        words.append(second.group(1))  # "Aránguiz" after "Verónica Aránguiz Toledo": a second family name, as Spanish names have
    if any(w.lower() in _BODY_NAME_WORDS or w.endswith(("'s", "\u2019s")) for w in words[:-1]):
        # "the editorial board of the Washington Post Trump said", "China's Blaze": a paper's name or an owner, then the name
        return None
    return " ".join(words) if len(words) > 1 else None


_APPOSITION = re.compile(r",\s+(?:(?:the|a|an|[a-z-]+|[A-Z][a-z]+)\s+){0,3}")
_COMMA_ONLY = re.compile(r",\s*")
_SECOND_SURNAME = re.compile(r"\s([A-Z][\w'\u2019-]+)(?=[,;:]|\s+(?:who|whose|said|says|told|of|from|at)\b)")


def _apposition(text: str, end: int, found: list[ner.Entity]) -> ner.Entity | None:
    """The entity named in an apposition right after a source phrase:
    "Her rival, former minister Paul Andersen, said"."""
    m = _APPOSITION.match(text, end)
    if m is None:
        return None
    ent = next((e for e in found if m.start() < e.start <= m.end() + 1), None)
    if ent is None or not text.startswith(",", ent.end):
        return None
    return ent


def _place_body_phrase(phrase: str, noun: str) -> str | None:
    """"Greymouth town council", "the Westmoor health board": a body named by a
    place and a lower-case description ending in ``noun``; the phrase without "the"."""
    if noun not in sw.BODY_NOUNS or noun in sw.MEDIA_DESCRIPTORS:
        return None
    hit = re.fullmatch(rf"(?:[Tt]he\s+)?((?:[A-Z][\w'\u2019-]*\s+){{1,3}}(?:[a-z][\w-]*\s+){{0,2}}{re.escape(noun)})", phrase.strip())
    if hit is None or descriptors.DEMONYM.search(hit.group(1).split()[0]) or hit.group(1).split()[0].lower() in lx.CALENDAR:
        return None
    return hit.group(1)


_ROLE_FOR = re.compile(
    r"(?:an?|the|one)\s+(?:[\w-]+\s+)?(?:spokesman|spokeswoman|spokesperson|representative|official|officer|director|executive|"
    r"lawyer|adviser|advisor|source|member|employee|worker|engineer|manager|premier|governor|mayor|minister|president|chief|head|leader|chairman|chairwoman|chair|"
    r"analyst|economist|strategist|researcher|trader|banker)s?"
    r"\s+(?:for|of|at|from|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$",
    re.IGNORECASE,
)
_APPEARED_IN = re.compile(r"\b(?:published|printed|posted|appeared|released|presented)\b[^,;]*\b(?:in|on|at|to)\s+(?:the\s+)?(?:[a-z]+\s+)?$")


def _where_it_appeared(text: str, name: str, start: int, ent_start: int) -> bool:
    """Whether a document's phrase names its entity only as where or to whom
    it appeared ("a study published in the journal X", "a report presented to
    the Y council")."""
    return name.split()[-1:] != [] and name.split()[-1].lower() in lx.DOCUMENT_HEADS and bool(_APPEARED_IN.search(text, start, ent_start))


def _role_of_a_body(phrase: str) -> bool:
    """Whether a phrase is a body's name followed by a person's role in lower
    case: "a Marlow Coastal director", "a Kelso Council engineer"."""
    words = phrase.strip().rstrip(",.").split()
    if len(words) < 2 or not words[-1][:1].islower() or not any(w[:1].isupper() for w in words[:-1] if w.lower() not in {"a", "an", "the"}):
        return False
    last = words[-1].lower()
    return last in lx.PERSON_HEADS or last in sw.PERSON_DESCRIPTORS or last in sw.PERSON_ROLE_WORDS


def _described_person(phrase: str, name: str) -> bool:
    """Whether words before the name describe a person: a title, job or role
    ("Finance Minister Helena Varga", "baker Rosa Lima", "Lead author X")."""
    at = phrase.find(name)
    if at <= 0:
        return False
    words = [w.strip(",.'\u2019").lower() for w in phrase[:at].split()]
    words = [w for w in words if w and w not in {"the", "a", "an"}]
    if not words:
        return False
    last = words[-1]
    if last in lx.PERSON_HEADS or last in lx.TITLES or last in sw.PERSON_DESCRIPTORS:
        return True
    if phrase[:at].rstrip().endswith(",") and _a_persons_phrase(words):
        return True  # "A spokesman of the foreign department, Vitalie Ignatiev": the spokesman, named
    if last in sw.BODY_NOUNS:
        return False  # "Japanese automaker Toyota", "manufacturer General Motors": a body's noun, whatever its ending
    if not phrase[:at].strip()[-1:].isupper() and last.endswith(("er", "or", "ist", "ian", "ant", "ent", "author", "chief", "head")):
        return True
    # the new rule reads only a short phrase ("The Olympic champion"), not "Several judges ... about Hillary Clinton"
    return len(words) <= 3 and phrase[:at].split()[-1][:1].islower() and last not in _PREPOSITIONS | _FUNCTION_WORDS and _given_and_family(last, name)


def _a_persons_phrase(words: list[str]) -> bool:
    """Whether a phrase's noun, before its "of" or "for", is a person's ("spokesman of the department", "head of")."""
    for w in words:
        if w in {"of", "for", "at"}:
            return False
        if w in lx.PERSON_HEADS or w in sw.PERSON_DESCRIPTORS or w in {"head", "chief"}:
            return True
    return False


_FUNCTION_WORDS = frozenset("about against among and or but than as like over under between after before during since".split())


def _given_and_family(noun: str, name: str) -> bool:
    """"The Olympic champion Leah Dunmore": a common noun that names no kind of
    body, straight before a name of two or three words that opens with a given
    name (``kinds.given_name``) and has no word of a body, describes a person
    (NER's small model reads many such names as ORG; "Its rival Corvo Jet" and
    "Residents near Holloway Fields" stay as they were)."""
    words = name.split()
    body_words = sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS | sw.INSTITUTION_NOUNS
    return (
        noun.isalpha()
        and noun not in sw.BODY_NOUNS | sw.INSTITUTION_NOUNS | sw.GENERIC_BODY_NOUNS
        and 2 <= len(words) <= 3
        and given_name(words[0])
        and all(w[:1].isupper() and w.isalpha() and w.lower() not in body_words for w in words)
    )
