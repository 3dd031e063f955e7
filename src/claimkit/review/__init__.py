"""The review page (``claimkit review``) and reviewers' verdicts.

``build_page`` writes one self-contained HTML file for a set of articles and
their records; ``verdicts`` reads what reviewers downloaded from it and
scores it (``claimkit eval --verdicts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimkit.errors import InputError
from claimkit.model import Article
from claimkit.review.page import ReviewDoc, build_page
from claimkit.review.records import read_records, records_by_id
from claimkit.review.verdicts import VerdictReport, check_against, read_verdicts, score

__all__ = [
    "ReviewDoc",
    "VerdictReport",
    "build_page",
    "check_against",
    "docs_from_records",
    "read_records",
    "read_verdicts",
    "records_by_id",
    "score",
    "unique_articles",
    "verdicts_for",
]


def unique_articles(articles: Sequence[Article]) -> None:
    """Verdicts and records name articles by doc_id: two articles may not share one."""
    seen: dict[str, Article] = {}
    for a in articles:
        if a.doc_id in seen:
            raise InputError(f"{a.origin}: doc_id {a.doc_id!r} is also the id of {seen[a.doc_id].origin}; give the articles distinct names")
        seen[a.doc_id] = a


def docs_from_records(articles: Sequence[Article], records_path: Path) -> list[ReviewDoc]:
    """The page's documents from records made earlier for these articles."""
    by_doc = read_records(records_path, articles)
    return [ReviewDoc(a, by_doc[a.doc_id]) for a in articles]


def verdicts_for(path: Path, docs: Sequence[ReviewDoc]) -> list[dict[str, Any]]:
    """The verdicts of a file, each checked to be about these documents' records."""
    verdicts = read_verdicts(path)
    records = {r["id"]: r for d in docs for r in d.records}
    texts = {d.article.doc_id: d.article.text for d in docs}
    check_against(verdicts, records, texts, str(path))
    return verdicts
