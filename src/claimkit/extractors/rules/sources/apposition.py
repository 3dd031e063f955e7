"""A source's name given in an apposition: "the league's president, Ana
Silva", "a spokeswoman for the council, Mia Holt", "its owner, Averly
Holdings", and with no comma right after the noun ("parents' group Safe Start").

When the head of a source phrase is a common noun (a role: president,
spokeswoman, owner) and a proper name stands in apposition to it, the name is
who the source is: the record's ``source.name`` is the name and its kind is
the name's (a person, or an organisation such as "Averly Holdings"), while
``source.mention`` keeps the phrase the rules found (with the name, or
without it when the name follows the phrase after a comma).  The reverse order
("Ana Silva, the league's president") already has the name as its head.
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx


def named(head: Any) -> Any | None:
    """The proper-noun head of a name in apposition to the common-noun ``head``, or None
    (a capitalised plural too: "The charity Physicians for Human Rights")."""
    if not head.tag_.startswith("NN") or (head.tag_.startswith("NNP") and head.lower_ not in lx.TITLES | lx.PERSON_HEADS):
        return None  # a proper noun is its own name, but for a title written with a capital ("The local MP, Ruth Adeyemi")
    for child in head.rights:
        if child.dep_ == "appos" and (child.tag_.startswith("NNP") or (child.tag_ == "NNS" and child.text[:1].isupper())):
            # "the president, Ana Silva," / "president, Ana Silva." : a comma before the name
            # or the name straight after the noun: "Parents' group Safe Start"
            first = child.left_edge
            if any(c.dep_ == "conj" for c in child.children):
                return None  # "Presidential candidates Hillary Clinton and Donald Trump": both, not the first
            if first.i > 0 and (child.doc[first.i - 1].text in {",", "—", "–"} or first.i == head.i + 1):
                return child
    return None


def belongs(text: str, start: int, end: int, name_start: int) -> bool:
    """Whether a name starting at ``name_start`` goes with the source phrase
    ``start..end``: inside it, or right after it and a comma ("according to
    the finance officer, Tomas Berg")."""
    return start <= name_start < end or (name_start >= end and text[end:name_start].strip() in {",", "—", "–"})
