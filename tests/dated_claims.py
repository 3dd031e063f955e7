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
