"""A group of claims that make the same claim, as ``claimkit cluster`` writes it, with its flags.

* ``claim``: the member closest to all the others (the medoid of their vectors);
* ``first``: the member reported earliest (its date, else the first in the input);
* ``sources``: who the members credit, in input order; ``certainty``: the levels seen;
* ``flags``, each about members of different documents (inside one article a
  nested attribution has two sources by design):
  - ``attribution lost``: one document credits the claim to a source, another
    states it as its own (every member of that document is unattributed);
  - ``certainty hardened``: an earlier member hedges ("reportedly", "may": a
    level below certain, or a hedge word in a plain claim), a later one states
    it as certain;
  - ``source changed``: two documents credit it to different sources (no name in common; the
    placeholder "unnamed source", a source the sentence does not give, is no name).

"Earlier" is the earlier date when both members have one, else the earlier
place in the input.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimkit.match.members import Member
from claimkit.model import CERTAINTY_ORDER

ATTRIBUTED = {"direct", "indirect", "mixed"}
HEDGED_LEVELS = {"probable", "possible"}
# "may" in lower case only: "May" is as often the month
_HEDGE = re.compile(r"\b(?:(?i:reportedly|allegedly|apparently|might|could|possibly|perhaps|rumou?red|unconfirmed)|may)\b")
FLAGS = ("attribution lost", "certainty hardened", "source changed")
PLACEHOLDER = "unnamed source"  # what the extractors name a source that is not in the sentence


def attributed(m: Member) -> bool:
    return m.mode in ATTRIBUTED if m.mode is not None else m.source is not None


def named(m: Member) -> bool:
    """The member's source has a name: not the extractors' placeholder for a source the sentence does not give."""
    return bool(m.source) and not (m.kind == "unnamed" and m.source.casefold() == PLACEHOLDER)


def hedged(m: Member) -> bool:
    if m.level is not None:
        return m.level in HEDGED_LEVELS
    return bool(_HEDGE.search(m.text))


def certain(m: Member) -> bool:
    return m.level == "certain" if m.level is not None else not _HEDGE.search(m.text)


def earlier(a: tuple[int, Member], b: tuple[int, Member]) -> bool:
    (pa, ma), (pb, mb) = a, b
    if ma.date and mb.date and ma.date != mb.date:
        return ma.date < mb.date
    return pa < pb


def _doc(m: Member) -> str:
    return m.doc_id or f"\x00{m.id}"


def flags(members: Sequence[tuple[int, Member]]) -> list[str]:
    """The flags of a group (``members``: input position and member)."""
    docs: dict[str, list[Member]] = {}
    for _, m in members:
        docs.setdefault(_doc(m), []).append(m)
    out = []
    said = [d for d, ms in docs.items() if any(attributed(m) for m in ms)]
    own = [d for d, ms in docs.items() if all(m.mode == "unattributed" for m in ms)]
    if said and own:
        out.append("attribution lost")
    if any(hedged(a[1]) and certain(b[1]) and _doc(a[1]) != _doc(b[1]) and earlier(a, b) for a in members for b in members):
        out.append("certainty hardened")
    names = [{m.source.casefold() for m in ms if attributed(m) and named(m)} for ms in docs.values()]
    names = [n for n in names if n]
    if any(not (x & y) for k, x in enumerate(names) for y in names[k + 1 :]):
        out.append("source changed")
    return out


def medoid(vectors: np.ndarray) -> int:
    """The row closest to all the others (the first of equals)."""
    return int(np.argmax((vectors @ vectors.T).sum(axis=1)))


@dataclass(frozen=True)
class Group:
    members: list[Member]  # in input order
    positions: list[int]
    claim: str

    @property
    def cluster_id(self) -> str:
        """Stable: the same members give the same id, whatever else is in the input."""
        digest = hashlib.sha1("\n".join(sorted(m.id for m in self.members)).encode("utf-8")).hexdigest()
        return f"c-{digest[:12]}"

    def first(self) -> Member:
        """The earliest dated member (of one date, a named source before an unnamed one), else the first in the input."""
        dated = [(m.date or "", m.kind == "unnamed", p, m) for m, p in zip(self.members, self.positions, strict=True) if m.date]
        return min(dated, key=lambda x: x[:3])[3] if dated else self.members[0]

    def to_dict(self) -> dict[str, Any]:
        first = self.first()
        sources: dict[str, dict[str, str | None]] = {}
        for m in self.members:
            if attributed(m) and m.source:
                sources.setdefault(m.source.casefold(), {"name": m.source, "kind": m.kind})
        levels = {m.level for m in self.members}
        return {
            "cluster_id": self.cluster_id,
            "members": [m.id for m in self.members],
            "claim": self.claim,
            "first": {"id": first.id, "date": first.date, "source": first.source if attributed(first) else None, "doc_id": first.doc_id},
            "sources": list(sources.values()),
            "certainty": [lv for lv in CERTAINTY_ORDER if lv in levels],
            "flags": flags(list(zip(self.positions, self.members, strict=True))),
        }


def make_group(members: Sequence[Member], positions: Sequence[int], vectors: np.ndarray) -> Group | None:
    """A group of the members (in input order), the same id twice kept once; None when fewer than two are left."""
    seen: set[str] = set()
    kept = []
    for k, (m, p) in enumerate(sorted(zip(members, positions, strict=True), key=lambda x: x[1])):
        if m.id not in seen:
            seen.add(m.id)
            kept.append((k, m, p))
    if len(kept) < 2:
        return None
    order = sorted(range(len(members)), key=lambda i: positions[i])
    vecs = vectors[[order[k] for k, _, _ in kept]]
    return Group([m for _, m, _ in kept], [p for _, _, p in kept], kept[medoid(vecs)][1].text)
