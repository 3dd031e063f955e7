"""Claim records with their earlier fact-checks (``extract`` and ``review --against``).

``Checked(matcher).annotate(records)`` looks every record of one article up
(its ``statement``, else its content) and sets its ``checked`` field (schema
1.2): the fact-checks the matcher calls the same claim (``same_claim``) among
its best ``TOP``, best first, each as a ``CheckedBefore`` (id, url, rating,
who checked it, when, the claim as checked, the score); ``[]`` when none.

One article is matched at a time, whatever the run's batches or worker
processes: a record's ``checked`` depends only on its article, so the output
is the same for any ``--jobs`` and after ``--resume``.
"""

from __future__ import annotations

from typing import Any

from claimkit.match.matcher import Matcher
from claimkit.match.queries import query_of
from claimkit.match.records import Match
from claimkit.model import CheckedBefore

# The fact-checks read per claim (as ``claimkit match``'s default --top).
TOP = 5


def checked_before(m: Match) -> dict[str, Any]:
    """One same-claim match as the record's ``checked`` entry."""
    entry = CheckedBefore(
        factcheck_id=m.factcheck_id, url=m.url, rating=m.rating, checked_by=m.checked_by, date=m.date,
        claim=m.claim, score=round(m.score, 4),
    )
    return entry.model_dump(mode="json")


class Checked:
    """Sets ``checked`` on claim records; holds one matcher (loaded once per run)."""

    def __init__(self, matcher: Matcher, top: int = TOP) -> None:
        self.matcher = matcher
        self.top = top

    def annotate(self, records: list[dict[str, Any]]) -> None:
        """Set ``checked`` on each record (in place; the records of one article)."""
        if not records:
            return
        queries = [query_of(r, str(r.get("id"))) for r in records]
        for record, matches in zip(records, self.matcher.match(queries, self.top), strict=True):
            record["checked"] = [checked_before(m) for m in matches if m.same_claim]
