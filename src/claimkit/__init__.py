"""claimkit: turn news articles into attributed, time-resolved claim records.

The library API mirrors the command line::

    from claimkit import extract_claims
    claims = extract_claims(text, published=datetime.date(2026, 2, 7))
"""

from __future__ import annotations

import datetime as dt

from claimkit.model import Article, Claim
from claimkit.version import __version__

__all__ = ["Article", "Claim", "__version__", "extract_claims"]


def extract_claims(
    text: str,
    *,
    doc_id: str = "doc",
    published: dt.date | None = None,
    extractor: object | None = None,
    language: str | None = None,
) -> list[Claim]:
    """Extract validated claims from one article text (offline extractor by default).

    Without ``published`` the date is taken from a date line at the top of the
    text, if any; relative times stay unresolved when there is none.  The
    article's language is identified unless given as ``language`` (ISO 639-1);
    an article the extractor does not read raises ``LanguageSkipped``.
    """
    from claimkit import pipeline
    from claimkit.errors import LanguageSkipped
    from claimkit.extractors import Extractor
    from claimkit.read import files
    from claimkit.read import language as languages

    if extractor is None:
        from claimkit.extractors.rules import RuleExtractor

        extractor = RuleExtractor()
    if not isinstance(extractor, Extractor):
        raise TypeError("extractor must have .info and .extract(article, sentences)")
    article = files.make_article(text, doc_id, doc_id, published=published)
    checked = languages.check(article, reads=getattr(extractor, "languages", None), declared=language)
    if isinstance(checked, LanguageSkipped):
        raise checked
    return pipeline.run(checked, extractor).claims
