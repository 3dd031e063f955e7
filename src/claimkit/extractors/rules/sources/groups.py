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

__all__ = ["HEADS", "as_description", "introductions", "members_of"]

HEADS = frozenset("delegation panel committee commission mission consortium crew jury squad contingent".split())
_NAME = r"[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z][\w'\u2019&-]*)*"
_INTRO = re.compile(
    rf"\b[Aa]n?\s+(?P<g>(?:[\w-]+\s+)?(?P<h>{'|'.join(sorted(HEADS))})\s+(?:from|of|led\s+by|representing)\s+(?:the\s+)?{_NAME})"
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
