"""Sources named together: "Tesco and Asda said they would refund customers",
"The agency and the company both say they acted at once".

The rules find one source phrase for the coordinated subject; without this
step its name is the first conjunct's ("Tesco"), and the "they" of the
content goes to whatever plural came before.  Here each conjunct is read on
its own, a name by the article's named mentions inside it, a description
("the agency") by the caller's resolver, and the source is the two or three
together: one joint name ("Tesco and Asda", "Food Standards Agency and
Halvorsen Foods"), of their kind where they share one, else ``group``.  A
conjunct that names nobody the article knows (the second half of "the
Ministry of Culture and Tourism") leaves the phrase as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from claimkit.extractors.rules.sources.kinds import given_name

# "A and B", "A, B and C", "A and B both" / "Both A and B"
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_BOTH = re.compile(r"(?:[Bb]oth\s+)?(?P<body>.+?)(?:\s+both)?$", re.DOTALL)
_ASIDE = re.compile(r",\s+(?:who|whose|which|whom)\b")
_PRONOUNS = frozenset("he she it they we i you him her them us".split())


class Party(Protocol):
    start: int
    end: int
    name: str
    kind: str
    plural: bool


def conjuncts(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The spans of the conjuncts of the source phrase ``text[start:end]``, or
    None when it is not a coordination of two or three phrases."""
    aside = _ASIDE.search(text, start, end)  # "Tom and Grace Pearson, whose cottage was flooded,"
    hit = _BOTH.match(text, start, aside.start() if aside else end)
    if hit is None or " and " not in hit.group("body"):
        return None
    lo, hi = hit.span("body")
    parts, at = [], lo
    for sep in _SPLIT.finditer(text, lo, hi):
        parts.append((at, sep.start()))
        at = sep.end()
    parts.append((at, hi))
    if not 2 <= len(parts) <= 3 or any(e <= s for s, e in parts):
        return None
    if any(text[s:e].lower() in _PRONOUNS for s, e in parts):
        return None
    return parts


def joint(
    text: str,
    start: int,
    end: int,
    named: Sequence[Party],
    describe: Callable[[int, int], Party | None],
) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(name, kind, the parties' names and kinds) of the coordinated source
    phrase ``text[start:end]``, or None.

    ``named`` are the article's named mentions; ``describe(start, end)`` resolves
    a conjunct that is a description. One name spanning the whole phrase ("Marks
    and Spencer" read as one entity) is one party, not two."""
    parts = conjuncts(text, start, end)
    if parts is None or any(m.start <= parts[0][0] and parts[-1][1] <= m.end and " and " in m.name for m in named):
        return None
    if _one_body_of_places(text, parts):
        return None
    couple = _couple(text, parts, named)
    if couple is not None:
        return couple
    found: list[tuple[str, str]] = []
    for s, e in parts:
        party = _named_as(text, s, e, named) or describe(s, e) or _first_word_of(text, s, e)
        if party is None or party.plural:
            return None
        found.append((party.name, party.kind))
    if any(k == "" for _, k in found):
        # a first word that opens a longer name written before: of the kind of the parties named beside it
        found = [(n, k or next((m.kind for m in named if m.name == n), "")) for n, k in found]
        known = {k for _, k in found if k}
        if known != {"organization"}:
            return None
        found = [(n, k or "organization") for n, k in found]
    names = [n for n, _ in found]
    if len(set(names)) < len(names):
        return None
    name = " and ".join(names) if len(names) == 2 else f"{names[0]}, {names[1]} and {names[2]}"
    kinds = {k for _, k in found}
    if kinds == {"organization", "person"}:
        # "Tesco and Fresco": a one-word name NER took for a person, beside a company, is a company too
        found = [(n, "organization" if k == "person" and " " not in n else k) for n, k in found]
        kinds = {k for _, k in found}
    # "Obama and Clinton": people together are a group; bodies of one kind keep it
    kind = kinds.pop() if len(kinds) == 1 and kinds != {"person"} else "group"
    return name, kind, found


def _couple(text: str, parts: list[tuple[int, int]], named: Sequence[Party]) -> tuple[str, str, list[tuple[str, str]]] | None:
    """"Tom and Grace Pearson": two people of one family name, the first given
    name alone; a group named as written, of the two persons."""
    if len(parts) != 2:
        return None
    first, second = text[parts[0][0] : parts[0][1]].strip(), text[parts[1][0] : parts[1][1]].strip()
    words = second.split()
    if " " in first or not first[:1].isupper() or not given_name(first) or len(words) != 2 or not given_name(words[0]):
        return None
    if not any(m.kind == "person" and m.name == second for m in named):
        return None
    return f"{first} and {second}", "group", [(f"{first} {words[1]}", "person"), (second, "person")]


_BODY_WORDS = frozenset(
    "council board authority authorities commission trust service services police fire health college university "
    "association federation union club partnership committee agency".split()
)


def _one_body_of_places(text: str, parts: list[tuple[int, int]]) -> bool:
    """"Hereford and Worcester Council", "Avon and Somerset Police": places named
    before one body's noun are one body, not two parties."""
    *first, last = [text[s:e].strip() for s, e in parts]
    words = last.split()
    return (
        all(" " not in f and f[:1].isupper() for f in first)
        and len(words) >= 2 and words[-1].lower() in _BODY_WORDS and all(w[:1].isupper() for w in words)
    )


class _Found:
    def __init__(self, name: str, kind: str) -> None:
        self.name, self.kind, self.plural = name, kind, False


def _named_as(text: str, start: int, end: int, named: Sequence[Party]) -> _Found | None:
    """The named mention the conjunct ``text[start:end]`` is, whole ("Tesco", "the
    Urban Institute", "Marlow's": a shop named in the possessive), or None when it
    is more than a name ("Recent polls in Pennsylvania", "a fellow at the Hoover
    Institution")."""
    written = text[start:end].strip()
    bare = written[4:] if written.lower().startswith("the ") else written
    possessive = bare.endswith(("'s", "\u2019s"))
    for m in named:
        if m.plural or not (start <= m.start < end or m.start == start):
            continue
        if bare == m.name or text[m.start : m.end] == bare or (text.startswith(bare, m.start) and bare.startswith(m.name) and bare[len(m.name) :] in {"", "'s", "\u2019s"}):
            return _Found(bare, "organization") if possessive and bare != m.name else _Found(m.name, m.kind)
        if bare.endswith(" " + m.name) and _descriptor(bare[: -len(m.name)]):
            return _Found(m.name, m.kind)  # "Presidential candidates Hillary Clinton (and Donald Trump)"
    return None


def _first_word_of(text: str, start: int, end: int) -> _Found | None:
    """"Castor" in "Velbrook and Castor" after "Castor Grid" was written (a name NER did
    not read): the longer name, its kind left to the parties beside it ("")."""
    word = text[start:end].strip()
    if " " in word or not word[:1].isupper() or given_name(word):
        return None
    hits = list(re.compile(rf"\b{re.escape(word)}((?:\s+[A-Z][\w&'\u2019-]*){{1,2}})(?=\s+[a-z]|[,.;:)]|$)").finditer(text, 0, start))
    if not hits or any(given_name(w) for w in hits[-1].group(1).split()):
        return None  # not "Chrysler LLC Jim" (Press)
    return _Found(hits[-1].group(0), "")


_NOT_DESCRIPTOR = frozenset("of in at on for from to by with near about against after before over under".split())


def _descriptor(words: str) -> bool:
    """Whether words before a name describe it ("Presidential candidates",
    "retailer"), not place it ("Recent polls in")."""
    tokens = words.split()
    return 0 < len(tokens) <= 3 and not any(t.lower() in _NOT_DESCRIPTOR for t in tokens)
