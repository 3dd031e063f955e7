"""The stage: one entity per source of an article, ids, names and kinds made one.

``link(text, candidates)`` groups the sources (the extractor's entities where
it gave them, else ``grouping.by_name``; entities of the same name are one),
makes one ``Entity`` per group and writes it into every source of the group,
with ``source.name`` and ``source.kind`` set to the entity's.

* name: the fullest of the group's names (``names.fullest``);
* kind: the extractor's entity kind where it gave one (decided there from all
  the mentions), else the kind most of the group's records carry, a named kind
  before ``unnamed`` and, on a tie, the kind of the fullest name;
* mentions: the extractor's, the source phrases and the words they were
  resolved from, in text order, each indexing the text;
* id: the slug of the name, in order of first mention, "-2" on a repeat
  (``names.unique_ids``): the same text gives the same ids.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from claimkit.entities import names
from claimkit.entities.grouping import by_name
from claimkit.model import Candidate, Entity, Source, Span

__all__ = ["link"]


def _named_as(source: Source) -> Source:
    """The source as the grouping sees it: under its entity's name and kind where it has one."""
    e = source.entity
    return source if e is None else source.model_copy(update={"name": e.name, "kind": e.kind})


_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s", re.IGNORECASE)


def _kind(members: list[Source]) -> str:
    if any(s.mention is not None and _HONORIFIC.match(s.mention.text.strip()) and " and " not in s.mention.text for s in members):
        return "person"  # "Mr. Bush" settles it, whatever NER made of "George W. Bush"
    given = [s.entity for s in members if s.entity is not None]
    if given:
        return max(given, key=lambda e: len(names.words(e.name))).kind
    votes = Counter(s.kind for s in members)
    named = {k: n for k, n in votes.items() if k != "unnamed"} or dict(votes)
    fullest = max(members, key=lambda s: len(names.words(s.name)))
    if fullest.kind == "person" and len(names.words(fullest.name)) >= 2 and all(len(names.words(s.name)) == 1 for s in members if s.kind != "person"):
        return "person"  # "Daniel Hughes" once, "Hughes" twice as an organisation (NER's reading of a lone surname): a person
    return max(named, key=lambda k: (named[k], k == fullest.kind))


def _mentions(text: str, members: list[Source]) -> list[Span]:
    spans: dict[tuple[int, int], Span] = {}
    for s in members:
        for span in [*(s.entity.mentions if s.entity is not None else ()), s.mention, s.resolved_from]:
            if span is not None and text[span.start : span.end] == span.text and span.start < span.end:
                spans.setdefault((span.start, span.end), span)
    return [spans[k] for k in sorted(spans)]


def _entity(text: str, members: list[Source]) -> Entity:
    given = [s.entity.name for s in members if s.entity is not None]
    named = [s.name for s in members if s.kind not in {"unnamed", "author"}]
    name = names.fullest(given or named or [s.name for s in members])
    return Entity(id="", name=name, kind=_kind(members), mentions=_mentions(text, members))  # type: ignore[arg-type]


def _first(entity: Entity, fallback: int) -> int:
    return entity.mentions[0].start if entity.mentions else fallback


def link(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with an entity on every source (module docstring)."""
    at = [i for i, c in enumerate(candidates) if c.source is not None]
    if not at:
        return list(candidates)
    sources = [candidates[i].source for i in at]
    groups = by_name([_named_as(s) for s in sources])  # type: ignore[arg-type]
    members: dict[int, list[Source]] = {}
    for g, s in zip(groups, sources, strict=True):
        members.setdefault(g, []).append(s)  # type: ignore[arg-type]
    built = {g: _entity(text, m) for g, m in members.items()}
    order = sorted(built, key=lambda g: (_first(built[g], len(text)), g))
    ids = dict(zip(order, names.unique_ids([built[g].name for g in order]), strict=True))
    out = list(candidates)
    for i, g in zip(at, groups, strict=True):
        e = built[g].model_copy(update={"id": ids[g]})
        src = candidates[i].source
        assert src is not None
        out[i] = candidates[i].model_copy(update={"source": src.model_copy(update={"name": e.name, "kind": e.kind, "entity": e})})
    return out
