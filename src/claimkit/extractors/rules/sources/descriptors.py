"""What the words around a name say it is, and names that are not sources.

* ``kind_of_descriptors``: the kind the nouns an article puts next to a name
  settle ("Valdoran XR company Lumenra", "the crane maker Brandvold",
  "Brenmoor, the home furnishings retailer," -> organization; "Chief
  executive Marta Lindqvist" -> person), once for every mention of the name;
* ``name_after_descriptor``: the name a small NER model swallowed into a
  description ("Valdoran XR company" + "Lumenra" -> "Lumenra");
* ``not_a_source``: a technology ("XR", "AI", "5G") or a nationality
  adjective in front of a noun ("Ostrovan delegation", "North Korean
  officials") is a word about something, never something that speaks nor the
  antecedent of a source's pronoun.

Word lists are our own (``words``), written from English news usage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimkit.extractors.rules.sources import words as sw

__all__ = ["descriptor_before", "kind_of_descriptors", "name_after_descriptor", "not_a_source"]

# Technologies and fields that news text writes with capitals; never sources.
TECHNOLOGIES = frozenset(
    """
    ai xr vr ar mr 3g 4g 5g 6g iot gps llm llms genai api apis cpu gpu gpus nfc rfid lidar crispr dna rna mrna
    wi-fi wifi bluetooth blockchain
    """.split()
)
# Endings of nationality adjectives ("Ostrovan", "Kessarian", "Skarlandic", "Danish", "Chinese").
DEMONYM = re.compile(r"(?:an|ian|ese|ish|ic|i)$")
# Words after a one-word name that show it is the subject, not an adjective.
_AFTER_SUBJECT = frozenset(
    """
    said says told added warned wrote reported announced is was has had will would could can may might
    and or who which whose also later then did does
    """.split()
)
# Endings of nouns for people ("groundsman", "spokeswoman", "chairperson", "pianist").
_PERSON_ENDINGS = ("sman", "swoman", "sperson", "ist")
_NEXT_WORD = re.compile(r"\s+([\w'\u2019-]+)")
_CAPITALISED_RUN = re.compile(r"\s+((?:[A-Z][\w'\u2019&-]*\s?)+)")
_WORD_BEFORE = re.compile(r"\b([a-z-]+)\s+$", re.IGNORECASE)  # "Education Minister Clara Weiss"
# Role words that may stand for a firm as well as a person ("its rival Corvo Jet").
_EITHER = frozenset("rival partner successor predecessor client opponent deputy assistant victim suspect witness operator".split())  # (a crane operator, a port operator)


def descriptor_before(text: str, start: int) -> str | None:
    """The descriptor noun written right before a name with no article
    ("company" in "Valdoran XR company Lumenra", "maker" in "crane maker")."""
    hit = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if hit is None:
        return None
    word = hit.group(1).lower()
    return word if kind_of_descriptors([word]) is not None else None


def kind_of_descriptors(descriptors: Iterable[str]) -> str | None:
    """The kind the descriptor nouns of a name agree on, or None (none, or they disagree)."""
    kinds = set()
    for d in descriptors:
        if d in _EITHER:
            continue
        if d in sw.PERSON_DESCRIPTORS or d in sw.PERSON_ROLE_WORDS or d.endswith(_PERSON_ENDINGS):
            kinds.add("person")
        elif d in sw.MEDIA_DESCRIPTORS:
            kinds.add("media")
        elif d in sw.GOVERNMENT_DESCRIPTORS:
            kinds.add("government")
        elif d in sw.ORG_DESCRIPTORS:
            kinds.add("organization")
    return kinds.pop() if len(kinds) == 1 else None


def name_after_descriptor(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Where an entity ``text[start:end]`` ends in a lower-case descriptor noun and a
    capitalised name follows ("Valdoran XR company Lumenra"): that name's span and
    the descriptor."""
    last = text[start:end].split()[-1:] if end > start else []
    if not last or not last[0].islower() or last[0] not in sw.ORG_DESCRIPTORS | sw.GOVERNMENT_DESCRIPTORS | sw.MEDIA_DESCRIPTORS:
        return None
    run = _CAPITALISED_RUN.match(text, end)
    if run is None:
        return None
    name = run.group(1).rstrip()
    return run.start(1), run.start(1) + len(name), last[0]


def not_a_source(text: str, start: int, end: int) -> bool:
    """A technology, or a one-word nationality adjective followed by the noun it describes."""
    name = text[start:end].strip().rstrip("'\u2019s").strip()
    words = name.split()
    if not words:
        return True
    if all(w.lower().strip("(),.") in TECHNOLOGIES for w in words):
        return True
    if len(words) > 2 or not DEMONYM.search(words[-1]):
        return False
    if len(words) == 2 and words[0].lower() not in _COMPASS:
        return False  # "Aldo Ferri met ...": a given and a family name; "North Korean" is one adjective
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1).lower() not in _AFTER_SUBJECT


_COMPASS = frozenset("north south east west central northern southern eastern western new upper lower".split())
_NAME = r"((?:The\s+)?[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'\u2019&-]*)*)"
# Where a descriptor's noun ends an apposition: a comma, or a post-modifier after it ("a vaccine maker based in Lyon,").
APPOSITION_END = r"(?:\s*,|\s+(?:based|headquartered|owned|run|founded|listed|backed|building|running|operating|behind)\b)"
_NAME_THEN_DESCRIPTION = re.compile(_NAME + r",\s+(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){0,3}?([a-z-]+)" + APPOSITION_END)
_DESCRIPTION_THEN_NAME = re.compile(r"\b([a-z-]+)\s+" + _NAME)


def described_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Names in ``text[start:end]`` that a descriptor noun introduces ("Brenmoor,
    the home furnishings retailer,"; "the crane maker Brandvold"): (start, end,
    descriptor), whatever a statistical model made of the name."""
    out = []
    for hit in _NAME_THEN_DESCRIPTION.finditer(text, start, end):
        if kind_of_descriptors([hit.group(2)]) is not None:
            out.append((hit.start(1), hit.end(1), hit.group(2)))
    for hit in _DESCRIPTION_THEN_NAME.finditer(text, start, end):
        word = hit.group(1)
        if kind_of_descriptors([word]) is not None and not not_a_source(text, hit.start(2), hit.end(2)):
            out.append((hit.start(2), hit.end(2), word))
    return out
