"""Source names compared across an article's records: the words that make two
names one ("Helena Varga", "Varga", "Finance Minister Helena Varga"), and the
ids an entity gets from its canonical name."""

from __future__ import annotations

import re

__all__ = ["fullest", "key", "slug", "unique_ids"]

# Courtesy titles: never part of a name ("Mr Okoye" is Okoye).
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady sgt sgt. insp insp. cllr cllr. capt capt. supt supt.".split())
# Titles and roles a name may carry in front of it in a source phrase.  The
# words up to the last of them are not part of the name when a first name and
# a surname follow ("Finance Minister Helena Varga", "Fenwick analyst Sara
# Holm"); "General Motors" and "President Lind" keep theirs.
TITLES = HONORIFICS | frozenset(
    """
    president premier chancellor minister secretary senator sen. rep. representative gov. governor mayor judge chief executive
    chairman chairwoman chair spokesman spokeswoman spokesperson director councillor councilor
    coach manager general gen. ambassador commissioner inspector detective officer captain
    analyst economist professor lawyer founder leader editor correspondent officer
    skipper sergeant constable lieutenant colonel superintendent
    """.split()
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_EDGE = " ,.;:\"'\u201c\u201d\u2018\u2019()"


def _bare(name: str) -> list[str]:
    """The words of ``name`` as written, without a leading "the", the titles before
    a name (``TITLES``) and a final possessive."""
    out = name.strip(_EDGE).split()  # inner apostrophes stay ("Workers' Union")
    if len(out) > 1 and out[0].lower() == "the":
        out = out[1:]
    titled = [i for i, w in enumerate(out[:-2]) if w.lower() in TITLES]
    if titled:
        out = out[titled[-1] + 1 :]
    while len(out) > 1 and out[0].lower() in HONORIFICS:
        out = out[1:]
    if out:
        out[-1] = _POSSESSIVE.sub("", out[-1]) or out[-1]
    return out


def words(name: str) -> list[str]:
    """The words of a name without a leading "the", titles and a final possessive, lower-cased."""
    return [w.lower() for w in _bare(name)]


def key(name: str) -> str:
    """What two names must share to be the same name: ``words`` joined."""
    return " ".join(words(name))


def fullest(names: list[str]) -> str:
    """The fullest proper name among ``names`` (most words once titles are off,
    then a capitalised one, then the earliest), without its title."""
    def rank(item: tuple[int, str]) -> tuple[int, int, int]:
        i, name = item
        return (len(words(name)), name[:1].isupper(), -i)

    _, best = max(enumerate(names), key=rank)
    return " ".join(_bare(best)) or best


def slug(name: str) -> str:
    """An id from a name: its words, lower-cased, joined by hyphens ("helena-varga")."""
    return "-".join(re.findall(r"\w+", name.lower())) or "source"


def unique_ids(names: list[str]) -> list[str]:
    """One id per name, in order: the slug, with "-2", "-3" ... on a repeat."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = slug(name)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out
