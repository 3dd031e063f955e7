"""The CheckThat! 2020 task 2 files (verified claims, tweets) as matcher records.

``verified_claims.docs.tsv`` (``vclaim_id <TAB> vclaim <TAB> title``, header
first; a claim may hold a quoted line break, so it is read as CSV) and
``tweets.queries.tsv`` (``tweet_id <TAB> tweet_content``).  Used by the
training script, the benchmark and the tests; the qrels are read by
``claimkit.evaluate.matches``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from claimkit.match.records import FactCheck, Query


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return rows[1:]


def verified_claims(path: Path) -> list[FactCheck]:
    return [FactCheck(id=r[0], claim=r[1], title=r[2] or None) for r in _rows(path)]


def tweets(path: Path) -> list[Query]:
    return [Query(id=r[0], text=r[1]) for r in _rows(path)]
