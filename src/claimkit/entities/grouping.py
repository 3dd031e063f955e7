"""Which sources are one entity when the extractor did not say: by their names.

Two sources are one entity when their names are the same once a leading
"the", titles and a possessive are off ("the Ministry of Finance", "Ministry
of Finance's"), or when one is a single word that ends a person's fuller name
("Varga" after "Helena Varga"; only where one person of the article has that
surname) or a newspaper's ("the Courier" after "the Sunday Courier"), or begins an
organisation's ("Corvan" and "Corvan Aero"), never a joint source's
("Blaze and the delegation").  Sources of
kind ``unnamed`` or ``author`` are grouped by their words alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimkit.entities import names
from claimkit.model import Source

__all__ = ["by_name"]

_NAMELESS = frozenset({"unnamed", "author"})


def _target(short: list[str], fuller: list[list[str]], kinds: list[set[str]]) -> int | None:
    """The one fuller name a single-word name stands for, or None."""
    if len(short) != 1:
        return None
    hits = [
        i for i, (words, k) in enumerate(zip(fuller, kinds, strict=True))
        if len(words) > 1
        and "and" not in words  # "Blaze" is not "Blaze and the delegation" (a joint source)
        and ((words[-1] == short[0] and k & {"person", "media"}) or (words[0] == short[0] and k - {"person"}))
    ]
    return hits[0] if len(hits) == 1 else None


def by_name(sources: Sequence[Source]) -> list[int]:
    """A group number for each source: equal numbers are one entity."""
    keys: list[str] = []
    kinds: list[set[str]] = []
    group_of: list[int] = []
    for s in sources:
        k = ("~" if s.kind in _NAMELESS else "") + names.key(s.name)
        if k not in keys:
            keys.append(k)
            kinds.append(set())
        g = keys.index(k)
        kinds[g].add(s.kind)
        group_of.append(g)
    fuller = [k.split() if not k.startswith("~") else [] for k in keys]
    merged = list(range(len(keys)))
    for g, words in enumerate(fuller):
        t = _target(words, fuller, kinds)
        if t is not None and t != g:
            merged[g] = t
    return [merged[g] for g in group_of]
