"""Build the self-contained review page: one HTML file, its CSS and script
inline, the articles and records embedded as JSON.

The data sits in a ``<script type="application/json">`` block with ``<``,
``>`` and ``&`` escaped as ``\\u003c``..., so no article text can close the
tag; the page's script reads it with ``JSON.parse`` and builds every node
with ``textContent``.  A Content-Security-Policy allows nothing but the
page's own script and style (by their hashes): no request leaves the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from claimkit.model import Article
from claimkit.version import __version__


@dataclass
class ReviewDoc:
    """One article of the page and its records (serialised claims)."""

    article: Article
    records: list[dict[str, Any]] = field(default_factory=list)


def _asset(name: str) -> str:
    return resources.files("claimkit.review").joinpath("assets", name).read_text(encoding="utf-8")


def _pair(span: dict[str, Any] | None) -> list[int] | None:
    return None if span is None else [span["start"], span["end"]]


def _time(t: dict[str, Any] | None) -> list[Any] | None:
    return None if t is None else [t["start"], t["end"], t["value"]]


def web_link(url: str | None) -> str | None:
    """The url when it is an http(s) link, else None: the page links nothing else (no ``javascript:``)."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else None


def compact_checks(checked: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """A record's earlier fact-checks (``checked``, from ``--against``) as the page shows them:
    rating, by whom, when, link, and the claim as checked; None when the claim was not looked up."""
    if checked is None:
        return None
    return [
        {"r": c.get("rating"), "by": c.get("checked_by"), "d": c.get("date"), "u": web_link(c.get("url") or c.get("factcheck_id")),
         "id": c["factcheck_id"], "cl": c.get("claim")}
        for c in checked
    ]


def compact_claim(r: dict[str, Any]) -> dict[str, Any]:
    """The fields the page shows, spans as [start, end] (the text is in the article)."""
    source, cue, cert = r["source"], r["cue"], r["certainty"]
    return {
        "id": r["id"],
        "mode": r["mode"],
        "c": _pair(r["content"]),
        "st": r.get("statement"),
        "src": None
        if source is None
        else {
            "name": source["name"],
            "kind": source["kind"],
            "m": _pair(source.get("mention")),
            "r": _pair(source.get("resolved_from")),
            "e": (source.get("entity") or {}).get("id"),
        },
        "cue": None if cue is None else {"lemma": cue["lemma"], "m": _pair(cue["mention"])},
        "ra": _time(r.get("reported_at")),
        "et": _time(r.get("event_time")),
        "tm": [_time(t) for t in r.get("times") or ()],
        "cl": cert["level"],
        "pol": cert["polarity"],
        "cc": [_pair(s) for s in cert["cues"]],
        "in": r.get("nested_in"),
        "ck": compact_checks(r.get("checked")),
        "co": r.get("continues"),
    }


def compact_entities(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The source entities of one article by id (schema 1.2): name, kind and
    mention spans, once per page rather than once per record."""
    out: dict[str, dict[str, Any]] = {}
    for r in records:
        entity = (r.get("source") or {}).get("entity")
        if entity and entity["id"] not in out:
            out[entity["id"]] = {"name": entity["name"], "kind": entity["kind"], "m": [_pair(m) for m in entity["mentions"]]}
    return out


def doc_key(article: Article) -> str:
    """Names the document's missed claims in browser storage: its id and text."""
    return hashlib.sha256(f"{article.doc_id}\0{article.text}".encode()).hexdigest()[:16]


def compact_doc(doc: ReviewDoc) -> dict[str, Any]:
    a = doc.article
    return {
        "id": a.doc_id,
        "key": doc_key(a),
        "title": a.title,
        "url": a.url,
        "site": a.site_name,
        "published": a.published.isoformat() if a.published else None,
        "text": a.text,
        "claims": [compact_claim(r) for r in doc.records],
        "ents": compact_entities(doc.records),
    }


def embed_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' left."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {_sha256(script)}",
            f"style-src {_sha256(style)}",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def build_page(docs: Sequence[ReviewDoc], verdicts: Iterable[dict[str, Any]] = (), title: str | None = None) -> str:
    """The HTML of the review page for these documents, with earlier verdicts in place."""
    script, style = _asset("review.js"), _asset("review.css")
    data = {
        "claimkit": __version__,
        "docs": [compact_doc(d) for d in docs],
        "verdicts": list(verdicts),
    }
    if title is None:
        title = f"claimkit review: {docs[0].article.title or docs[0].article.doc_id}" if len(docs) == 1 else f"claimkit review: {len(docs)} articles"
    page = _asset("review.html")
    for placeholder, value in (
        ("{{CSP}}", html.escape(content_security_policy(script, style), quote=False)),  # no " in it
        ("{{VERSION}}", html.escape(__version__)),
        ("{{TITLE}}", html.escape(title)),
        ("{{STYLE}}", style),
        ("{{SCRIPT}}", script),
    ):
        page = page.replace(placeholder, value, 1)
    # The data goes in last, so nothing in it is taken for a placeholder.
    head, tail = page.split("{{DATA}}", 1)
    return head + embed_json(data) + tail
