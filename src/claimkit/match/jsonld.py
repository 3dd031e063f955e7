"""schema.org ClaimReview JSON-LD, as fact-checkers publish it, to ``FactCheck`` records.

Accepted shapes: one ClaimReview, an array of them, an ``@graph``, a
``DataFeed`` whose ``dataFeedElement`` items are ClaimReviews or
``DataFeedItem``\\s holding them under ``item``, an ``ItemList`` of
``ListItem``\\s (``item``), and any nesting of these.  Other nodes beside
them (the publisher's Organization, a WebSite) are passed over.  The type may
be written ``ClaimReview``, ``schema:ClaimReview`` or the full IRI, alone or
in a list.

``walk`` is given a ``where`` function that names a node's place (file and
line) for the one-line error of a ClaimReview without ``claimReviewed`` or
without any id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from claimkit.errors import InputError
from claimkit.match.records import FactCheck

Where = Callable[[dict[str, Any]], str]
_CONTAINERS = ("@graph", "dataFeedElement", "itemListElement", "item", "mainEntity")


def types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", ())
    names = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return {str(n).rsplit("/", 1)[-1].rsplit(":", 1)[-1].rsplit("#", 1)[-1] for n in names}


def _text(value: Any) -> str | None:
    """A plain string, the ``name`` of a node, the first of a list; None when empty."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _number(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _rating(node: dict[str, Any]) -> tuple[str | None, float | None]:
    """``alternateName`` (else ``name``) of ``reviewRating``, with ``ratingValue`` (of ``bestRating``) when given."""
    rating = node.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    if not isinstance(rating, dict):
        return None, None
    name = _text(rating.get("alternateName")) or _text(rating.get("name"))
    value = _number(rating.get("ratingValue"))
    if value is None:
        return name, None
    best = _number(rating.get("bestRating"))
    shown = f"{value:g}/{best:g}" if best is not None else f"{value:g}"
    return (f"{name} ({shown})" if name else shown), value


def claim_review(node: dict[str, Any], where: Where) -> FactCheck:
    claim = _text(node.get("claimReviewed"))
    if claim is None:
        raise InputError(f"{where(node)}: a ClaimReview without claimReviewed (the claim that was checked)")
    url = _text(node.get("url"))
    ident = url or _text(node.get("@id")) or _text(node.get("identifier"))
    if ident is None:
        raise InputError(f"{where(node)}: a ClaimReview without url, @id or identifier to name it by")
    rating, value = _rating(node)
    checked_by = _text(node.get("author")) or _text(node.get("publisher"))
    return FactCheck(
        id=ident,
        claim=claim,
        title=_text(node.get("name")) or _text(node.get("headline")),
        url=url,
        rating=rating,
        rating_value=value,
        checked_by=checked_by,
        date=_text(node.get("datePublished")),
    )


def walk(node: Any, where: Where) -> Iterator[FactCheck]:
    """Every ClaimReview in ``node``, in document order."""
    if isinstance(node, list):
        for item in node:
            yield from walk(item, where)
        return
    if not isinstance(node, dict):
        return
    if "ClaimReview" in types(node):
        yield claim_review(node, where)
        return
    for key in _CONTAINERS:
        if key in node:
            yield from walk(node[key], where)


def is_jsonld(node: Any) -> bool:
    """Does ``node`` look like JSON-LD (a typed node, a graph, or a list holding one)?"""
    if isinstance(node, list):
        return any(is_jsonld(n) for n in node[:50])
    return isinstance(node, dict) and ("@type" in node or "@graph" in node or "@context" in node)
