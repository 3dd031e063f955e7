"""The review page (``claimkit review``) and reviewers' verdicts.

``build_page`` writes one self-contained HTML file for a set of articles and
their records (``gather_articles``, then ``docs_from_records`` or
``extracted_docs``); ``verdicts`` reads what reviewers downloaded from it and
scores it (``verdict_report``, for ``claimkit eval --verdicts``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from claimkit import pipeline
from claimkit.errors import InputError, LanguageSkipped
from claimkit.extractors import Extractor
from claimkit.model import Article
from claimkit.read.repeats import RepeatedArticle
from claimkit.review.page import ReviewDoc, build_page
from claimkit.review.records import read_records, records_by_id
from claimkit.review.verdicts import VerdictReport, check_against, read_verdicts, score

__all__ = [
    "ReviewDoc",
    "VerdictReport",
    "build_page",
    "check_against",
    "docs_from_records",
    "extracted_docs",
    "gather_articles",
    "read_records",
    "read_verdicts",
    "records_by_id",
    "score",
    "unique_articles",
    "verdict_report",
    "verdicts_for",
]


def gather_articles(items: Iterable[Article | InputError], report: Callable[[str], None]) -> tuple[list[Article], int]:
    """The articles of the input, and how many inputs were bad or skipped for
    their language (each reported as one line).  A later copy of an article
    (same id, same text) is left out quietly."""
    articles: list[Article] = []
    bad_inputs = 0
    for item in items:
        if isinstance(item, RepeatedArticle):
            continue
        if isinstance(item, InputError):
            bad_inputs += 1
            report(f"claimkit: {item}" if isinstance(item, LanguageSkipped) else f"claimkit: error: {item}")
        else:
            articles.append(item)
    return articles, bad_inputs


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


def extracted_docs(articles: Sequence[Article], extractor: Extractor, report: Callable[[str], None]) -> list[ReviewDoc]:
    """The page's documents with records extracted now (each diagnostic
    reported as one line)."""
    docs = []
    for result in pipeline.run_all(articles, extractor):
        if isinstance(result, InputError):  # (loading errors were reported by gather_articles)
            continue
        for diag in result.diagnostics:
            report(f"claimkit: {diag.doc_id}: {diag.code}: {diag.message}")
        docs.append(ReviewDoc(result.article, result.records))
    return docs


def verdicts_for(path: Path, docs: Sequence[ReviewDoc]) -> list[dict[str, Any]]:
    """The verdicts of a file, each checked to be about these documents' records."""
    verdicts = read_verdicts(path)
    records = {r["id"]: r for d in docs for r in d.records}
    texts = {d.article.doc_id: d.article.text for d in docs}
    check_against(verdicts, records, texts, str(path))
    return verdicts


def verdict_report(verdicts: Path, records: Path | None = None) -> VerdictReport:
    """The verdicts of a file, scored.  With ``records`` (the records reviewed)
    every verdict on a claim must be about one of them, and their mode and
    source kind count instead of the verdict lines'."""
    lines = read_verdicts(verdicts)
    by_id = None
    if records is not None:
        by_id = records_by_id(records)
        check_against([v for v in lines if v["verdict"] != "missed"], by_id, {}, str(verdicts))
    return score(lines, by_id)
