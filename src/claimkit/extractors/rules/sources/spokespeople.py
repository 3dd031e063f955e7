"""Unnamed spokespeople speak for their body: "A spokeswoman for Aeroline
said", "a Greenway spokesman said", "a council spokeswoman said", and, after
an organisation was named, "a spokeswoman said".

A fact-checker wants to know whose position a record states; a press officer
with no name states the body's, as newsrooms attribute it.  The source is
the body (its name and kind), the mention stays the phrase, and
``resolved_from`` is the phrase too; a "she" or "he" that goes on from that
spokesperson is the body as well (``Mentions.spoken_for``).  A named
spokesperson ("its spokeswoman, Hannah Reilly") is a person and is left to the
apposition rules; so are other roles ("a Marlow Coastal director", "an
official at the ministry"), whose words are their own or unnamed officials'.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimkit.extractors.rules.sources import words as sw
from claimkit.extractors.rules.sources.descriptors import kind_of_descriptors
from claimkit.extractors.rules.sources.kinds import kind_of_name

__all__ = ["ROLE", "body_phrase", "proper_part", "resolve"]

ROLE = r"(?:spokesman|spokeswoman|spokesperson|spokespeople|spokesmen|spokeswomen|representative|press officer)"
# "A spokeswoman for the rival carrier Aeroline", "a spokesman at the ministry"
_FOR = re.compile(rf"^(?:an?|the|one)\s+(?:[\w-]+\s+)?{ROLE}\s+(?:for|of|at|from)\s+(?P<body>.+)$", re.IGNORECASE)
# "A Greenway spokesman", "a council spokeswoman", "an airport spokesperson"
_BEFORE = re.compile(rf"^(?:an?|the|one)\s+(?P<body>(?:[\w'\u2019&-]+\s+){{1,3}}){ROLE}$", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:which|who|whose|that)\b.*$", re.DOTALL)
# "a spokeswoman", "A spokesman"
_BARE = re.compile(rf"^(?:an?|one)\s+{ROLE}$", re.IGNORECASE)


def body_phrase(phrase: str) -> tuple[str | None] | None:
    """(the words naming the body, or None for a bare "a spokeswoman",) of a
    spokesperson phrase, or None when the phrase is no unnamed spokesperson."""
    phrase = _RELATIVE.sub("", phrase.strip())  # "A spokesman for Eutelsat, which has booked two launches"
    hit = _FOR.match(phrase) or _BEFORE.match(phrase)
    if hit:
        return (hit.group("body").strip(" ,"),)
    return (None,) if _BARE.match(phrase) else None


def proper_part(words: str) -> str | None:
    """The proper name at the end of a body phrase ("the rival carrier Aeroline"
    -> "Aeroline"), or None when it ends in a common noun."""
    tokens = words.split()
    run: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        w = tokens[i]
        inside = w.lower() in _CONNECTORS and run and i > 0 and tokens[i - 1][:1].isupper()
        if not (w[:1].isupper() or inside):
            break
        run.insert(0, w)  # "the Department for Enterprise and Work": "for" and "and" inside the name
    return " ".join(run) if run else None


_CONNECTORS = frozenset("of for and & the".split())


def resolve(
    phrase: str,
    named_in: Callable[[str], tuple[str, str] | None],
    described: Callable[[str], tuple[str, str] | None],
    last_body: Callable[[], tuple[str, str] | None],
) -> tuple[str, str] | None:
    """(name, kind) of the body a spokesperson phrase speaks for: a name it
    gives (``named_in``), a description it gives (``described``: "the firm",
    "council"), or for a bare "a spokeswoman" the body last named
    (``last_body``); None when none is found."""
    parts = body_phrase(phrase)
    if parts is None:
        return None
    (words,) = parts
    if words is not None and "," in words:
        return None  # "A spokeswoman for the force, Inspector Mia Holt": a named spokesperson
    if words is None:
        return last_body()
    name = proper_part(words)
    if name is not None:
        return named_in(name) or (name, kind_of_name(name, "ORG"))  # "the Department for Enterprise and Work": government
    head = words.split()[-1].lower()
    found = described(head)
    if found is None and head in sw.BODY_NOUNS:
        # "A spokesperson for the environment department", "a council spokesman": the body as the phrase describes it
        bare = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.IGNORECASE)
        return bare, kind_of_descriptors([head]) or "organization"
    return found
