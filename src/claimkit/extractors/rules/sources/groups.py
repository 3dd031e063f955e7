"""Unnamed groups that speak: delegations, panels, committees.

"A delegation from Ostrova's Ministry of Education" introduces a group with
no proper name; the article then calls it "the delegation", "the Ostrovan
delegation", "Members of the delegation" or "they".  ``introductions`` finds
such phrases (an indefinite group noun with "from", "of" or "led by" and a
name); the group's name is the phrase without its article, capitalised
("Delegation from Ostrova's Ministry of Education"), and a statement writes
it as a description ("The delegation from ...", ``as_description``).
"""

from __future__ import annotations

import re

__all__ = ["HEADS", "JOINT", "as_description", "introductions", "joint_name", "members_of", "referring"]

HEADS = frozenset("delegation panel committee commission mission consortium crew jury squad contingent".split())
_NAME = r"[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z][\w'\u2019&-]*)*"
_INTRO = re.compile(
    rf"\b[Aa]n?\s+(?P<g>(?:[\w-]+\s+){{0,2}}?(?P<h>{'|'.join(sorted(HEADS))})\s+(?:from|of|led\s+by|representing)\s+(?:the\s+)?{_NAME})"
)
_DEFINITE = re.compile(rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?P<h>{'|'.join(sorted(HEADS))})\b")
# Two parties named together: "both parties", "both sides", "the two sides", "the two firms".
JOINT = re.compile(
    r"\b(?:[Bb]oth\s+(?:parties|sides)|[Tt]he\s+two\s+(?:sides|parties|firms|companies|clubs|teams|groups|unions|organi[sz]ations|bodies|charities|airlines|banks|councils))\b"
)
_MEMBERS = re.compile(rf"^(?:[Mm]embers|[Ss]ome|[Mm]ost)\s+of\s+(?P<d>the\s+(?:[\w-]+\s+)?(?:{'|'.join(sorted(HEADS))}))$")


def introductions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of each group an indefinite phrase introduces in ``text[start:end]``."""
    out = []
    for hit in _INTRO.finditer(text, start, end):
        phrase = hit.group("g")
        out.append((hit.start("g"), hit.end("g"), phrase[:1].upper() + phrase[1:]))
    return out


def members_of(phrase: str) -> str | None:
    """"Members of the delegation" -> "the delegation" (the members speak for it)."""
    hit = _MEMBERS.match(phrase.strip())
    return hit.group("d") if hit else None


def as_description(name: str) -> str:
    """"Delegation from Ostrova's Ministry of Education" -> "The delegation from
    Ostrova's Ministry of Education"; other names as they are."""
    first = name.split()[0].lower() if name.split() else ""
    return "The " + name[:1].lower() + name[1:] if first in HEADS else name


def referring(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of each definite mention in ``text[start:end]`` ("the North
    Korean delegation") of a group introduced before it in the article."""
    hits = list(_DEFINITE.finditer(text, start, end))
    intros = introductions(text, 0, end) if hits else []
    out = []
    for hit in hits:
        head = hit.group("h")
        earlier = [i for i in intros if i[1] <= hit.start() and head in i[2].lower().split()]
        if earlier:
            out.append((hit.start(), hit.end(), earlier[-1][2]))
    return out


def joint_name(first: str, second: str) -> str:
    """"A and B" from two canonical names, an unnamed group as its description
    ("Lumenra and the delegation from Ostrova's Ministry of Education")."""
    a, b = as_description(first), as_description(second)
    if b.startswith("The "):
        b = "the " + b[4:]
    return f"{a} and {b}"
