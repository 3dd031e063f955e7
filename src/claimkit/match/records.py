"""The matcher's records: a fact-check, a claim to look up, and a match between them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class FactCheck:
    """One checked claim.  From a ClaimReview: ``id`` is its ``url`` (else its
    ``@id`` or ``identifier``), ``claim`` its ``claimReviewed``, ``title`` its
    ``name`` or ``headline``, ``rating`` its ``reviewRating.alternateName``
    (``rating_value`` the numeric ``ratingValue`` when given), ``checked_by``
    its ``author.name`` and ``date`` its ``datePublished``."""

    id: str
    claim: str
    title: str | None = None
    url: str | None = None
    rating: str | None = None
    rating_value: float | None = None
    checked_by: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Query:
    """A claim to look up: ``text`` is what is matched (a record's
    ``statement``, else its content); ``record`` keeps the claim record it
    came from (its ``source``, ``doc_id``...) when there was one."""

    id: str
    text: str
    record: dict[str, Any] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Match:
    """One fact-check found for a query; ``rank`` 1 is the best."""

    query_id: str
    factcheck_id: str
    rank: int
    score: float
    same_claim: bool
    claim: str
    title: str | None
    url: str | None
    rating: str | None
    date: str | None
    checked_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON line: the fields of issue 33 in order, ``checked_by`` last and only when known."""
        out = asdict(self)
        out["score"] = round(self.score, 4)
        if out["checked_by"] is None:
            del out["checked_by"]
        return out
