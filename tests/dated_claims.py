"""Shared by the sentence tests of the rules: the attributed records of a text
set under a date line, and the one whose content opens with given words."""

from __future__ import annotations

from claimkit import extract_claims
from claimkit.model import Claim

DATE = "Monday, May 4, 2026\n\n"


def attributed(text: str) -> list[Claim]:
    """The records of ``text`` (under a date line) that have a source."""
    return [c for c in extract_claims(DATE + text + "\n", doc_id="t") if c.mode != "unattributed"]


def one(text: str, start: str) -> Claim:
    """The attributed record of ``text`` whose content starts with ``start``."""
    return next(c for c in attributed(text) if c.content.text.startswith(start))


def titled(body: str) -> list[Claim]:
    """The records with a source of an article made of a title, the date line and ``body``."""
    return [c for c in extract_claims(f"Title\n\n{DATE}{body}\n", doc_id="t") if c.source is not None]


def the_one(body: str, start: str) -> Claim:
    """The only record of ``titled(body)`` whose content (past an opening quotation mark) starts with ``start``."""
    hits = [c for c in titled(body) if c.content.text.lstrip("\"\u201c").startswith(start)]
    assert len(hits) == 1, [(c.source.name if c.source else None, c.content.text) for c in titled(body)]
    return hits[0]


def who(body: str, start: str) -> tuple[str, str]:
    """The source name and kind of ``the_one(body, start)``."""
    source = the_one(body, start).source
    assert source is not None
    return source.name, source.kind
