"""Kind consistency of predicted entities: does every record of one source carry one kind?

A source is the entity its records name (``source.entity.id``, schema 1.2), or,
in records without one, its name.  The figure is over the entities with two
or more attributed records in an article: how many of them have records of a
single kind.  With the entity stage it is 1.0 by construction; a lower figure
says records were made another way (an older claimkit, another tool).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["count"]


def _key(record: dict[str, Any]) -> tuple[str, str] | None:
    source = record.get("source")
    if not source or record.get("mode") == "unattributed":
        return None
    entity = source.get("entity")
    return (record.get("doc_id", ""), "entity:" + entity["id"] if entity else "name:" + source.get("name", ""))


def count(records: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """(entities with two or more records, of them those whose records all carry one kind)."""
    kinds: dict[tuple[str, str], list[str]] = {}
    for record in records:
        key = _key(record)
        if key is not None:
            kinds.setdefault(key, []).append(record["source"].get("kind"))
    several = [k for k in kinds.values() if len(k) >= 2]
    return len(several), sum(len(set(k)) == 1 for k in several)
