"""schema.org ClaimReview drafts (JSON-LD) from claim records.

One draft per attributed claim, for a fact-checker to complete: the claim
(``claimReviewed``: the standalone statement where there is one, else the
verbatim content), who made it (``itemReviewed.author``), when
(``itemReviewed.datePublished``, from ``reported_at``) and where it appeared
(``itemReviewed.appearance``: the article, with its url and date).  There is
no ``reviewRating``: the verdict is the fact-checker's to add.  The shape is
fixed by ``schemas/claimreview.schema.json``.
"""

from __future__ import annotations

import re
from typing import Any

from claimkit.model import Article

CONTEXT = "https://schema.org"

# schema.org's Claim.author is a Person or an Organization.  A document ("the
# report said") is issued by an organisation; an unnamed source ("a senior
# official") and the article's author are people.
AUTHOR_TYPE = {
    "person": "Person",
    "unnamed": "Person",
    "author": "Person",
    "organization": "Organization",
    "government": "Organization",
    "media": "Organization",
    "group": "Organization",
    "document": "Organization",
}

# schema.org Date: a calendar date, or a year or a month of one.  Intervals
# ("2026-01-27/2026-01-28") and unresolved times are left out.
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _date(value: str | None) -> str | None:
    return value if value is not None and _DATE.fullmatch(value) else None


def appearance(article: Article | None, doc_id: str) -> dict[str, Any]:
    """The article the claim appeared in, as a NewsArticle node."""
    node: dict[str, Any] = {"@type": "NewsArticle", "identifier": doc_id}
    if article is None:
        return node
    if article.url:
        node["url"] = article.url
    if article.title:
        node["headline"] = article.title
    if article.published is not None:
        node["datePublished"] = article.published.isoformat()
    if article.authors:
        node["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.site_name:
        node["publisher"] = {"@type": "Organization", "name": article.site_name}
    return node


def draft(record: dict[str, Any], article: Article | None) -> dict[str, Any] | None:
    """The ClaimReview draft of one record; None for an unattributed record."""
    source = record.get("source")
    if source is None or record["mode"] == "unattributed":
        return None
    who = source.get("entity") or source  # the entity's canonical name and kind (schema 1.2), else the source's
    claim: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": AUTHOR_TYPE[who["kind"]], "name": who["name"]},
    }
    reported = record.get("reported_at")
    when = _date(reported["value"]) if reported else None
    if when is not None:
        claim["datePublished"] = when
    claim["appearance"] = appearance(article, record["doc_id"])
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": record["id"],
        "claimReviewed": record.get("statement") or record["content"]["text"],
        "itemReviewed": claim,
    }
