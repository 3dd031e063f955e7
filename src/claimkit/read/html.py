"""Web pages -> Articles: the main text and the page's metadata.

trafilatura finds the article body (navigation, cookie banners, scripts,
comments, related links and footers are left out) and the metadata: title,
publication date (htmldate: meta tags, JSON-LD, the URL, a visible date),
author(s), site name and canonical URL.  The body is written out as plain text
with one block (heading, paragraph, list item, quotation) per paragraph,
separated by blank lines, so claimkit's segmenter sees the page's paragraphs;
quotation marks are kept as the page has them (``&ldquo;`` becomes “).  The
title heads the text unless the body already starts with it.

The date of the article is the page's own: its metadata, else a date line at
the top of the text, else ``fallback_date`` (a WARC record's capture date).
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import re
import zlib
from pathlib import Path

from claimkit.errors import InputError
from claimkit.model import Article, Span
from claimkit.read.charset import decode_html
from claimkit.read.dates import find_date_line

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
_BLOCKS = frozenset({"p", "head", "quote", "list", "item", "table", "row", "code", "div"})
_INLINE_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LAYOUT_CONTENT = ".//p | .//h1 | .//h2 | .//h3 | .//div | .//table | .//article"
_TABLE_PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th")
# A paragraph that is all small print (<small>, <font size="1">) is a notice,
# a credit or a footer line, not article text.
_SMALL_PRINT = (
    "//p[count(*) = 1][small or font[@size = '1' or @size = '-1' or @size = '-2']]"
    "[normalize-space(.) = normalize-space(*[1])]"
)
# An article has at least one block of this many words; a page whose blocks
# are all shorter (headlines of other stories, a "please enable JavaScript"
# notice) has no article text.
_SENTENCE_WORDS = 15
# htmldate without its "extensive" search, which reads any date in the page's
# text, down to a copyright year (taken as 1 January): the page's own date is in
# its metadata, its URL, a <time> element or a date line, which is read below.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# "By Owen Mabry", "By Ann Lee and Tom Park, Political Editor": a byline line
# near the top of the text, read when the metadata names no author.
_BYLINE = re.compile(r"By\s+(?P<names>[A-Z][^\n,|·]{2,80}?)(?:\s*[,|·–—].*)?")
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}")
_BYLINE_BLOCKS = 4

# trafilatura and htmldate log every page they discard; claimkit reports that
# itself, once, as an InputError.  A NullHandler keeps Python's last-resort
# handler from printing their messages (an application that configures
# logging still gets them).
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


class NoArticleText(InputError):
    """The page holds no article: a section front, a list of links, an empty app shell."""


def is_html_path(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def read_page(path: Path, max_bytes: int) -> bytes:
    """The bytes of a page file, gunzipped for ``.gz``; the size limit applies after decompression."""
    if not path.name.lower().endswith(".gz"):
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{path}: not a readable gzip file ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: too large once decompressed (over the limit of {max_bytes:,} bytes)")
    return data


def article_from_html(
    page: bytes | str,
    *,
    doc_id: str,
    origin: str,
    url: str | None = None,
    http_charset: str | None = None,
    fallback_date: dt.date | None = None,
) -> Article:
    """Extract one Article from a page; InputError if it holds no article."""
    html = decode_html(page, origin, http_charset) if isinstance(page, bytes) else page
    doc = _extract(html, origin, url)
    text = page_text(doc.body, doc.title)
    published, date_span = _date_of(doc.date, text, fallback_date)
    return Article(
        doc_id=doc_id,
        text=text,
        published=published,
        date_span=date_span,
        title=doc.title or None,
        url=doc.url or url,
        origin=origin,
        authors=split_authors(doc.author) or byline_authors(text),
        site_name=doc.sitename or None,
        language=None,
    )


def _extract(html: str, origin: str, url: str | None):  # type: ignore[no-untyped-def]
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise InputError(f"{origin}: not an HTML page")
    prepare(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 -- a page that breaks the extractor is bad input, not a crash
        raise InputError(f"{origin}: the page could not be read ({type(exc).__name__} in the extractor)") from None
    if doc is None or doc.body is None:
        raise NoArticleText(f"{origin}: no article text found (no main text block on the page)")
    blocks = [_render(el) for el in doc.body.iter("p", "item", "head", "cell")]
    if not any(len(b.split()) >= _SENTENCE_WORDS for b in blocks):
        what = "the page is a list of links" if len(blocks) >= 3 else "no main text block on the page"
        raise NoArticleText(f"{origin}: no article text found ({what})")
    return doc


def prepare(tree) -> None:  # type: ignore[no-untyped-def]
    """Before extraction: drop <noscript> notices and small-print paragraphs,
    and unwrap layout tables."""
    for noise in [*tree.iter("noscript"), *tree.xpath(_SMALL_PRINT)]:
        noise.drop_tree()
    unwrap_layout_tables(tree)


def unwrap_layout_tables(tree) -> None:  # type: ignore[no-untyped-def]
    """Turn tables used for page layout (cells holding paragraphs, headings or
    other tables) into plain blocks, so the extractor can tell the article
    column from the navigation beside it instead of keeping the whole table."""
    for table in list(tree.iter("table")):
        if table.xpath(_LAYOUT_CONTENT):
            for el in [table, *table.iter(*_TABLE_PARTS)]:
                el.tag = "div"


def page_text(body, title: str | None) -> str:  # type: ignore[no-untyped-def]
    """The extracted body as text: one paragraph per block, blank lines between."""
    blocks: list[str] = []
    _collect(body, blocks)
    if title and not (blocks and _same(blocks[0], title)):
        blocks.insert(0, _inline(title))
    return "\n\n".join(b for b in blocks if b)


def _collect(element, blocks: list[str]) -> None:  # type: ignore[no-untyped-def]
    for child in element:
        if child.tag == "list" and all(c.tag == "item" and not _has_blocks(c) for c in child):
            blocks.append("\n".join(filter(None, (_render(item) for item in child))))
        elif child.tag == "row":
            cells = [_render(c) for c in child]
            blocks.append(" | ".join(c for c in cells if c))
        elif _has_blocks(child):
            _collect(child, blocks)
        elif child.tag in _BLOCKS:
            blocks.append(_render(child))


def _has_blocks(element) -> bool:  # type: ignore[no-untyped-def]
    return any(c.tag in _BLOCKS for c in element)


def _render(element) -> str:  # type: ignore[no-untyped-def]
    """One block's text: white space collapsed as a browser would, <lb/> kept as a line break."""
    parts: list[str] = [element.text or ""]
    for child in element.iterdescendants():
        parts.append("\x00" if child.tag == "lb" else child.text or "")
        parts.append(child.tail or "")
    lines = "".join(parts).split("\x00")
    return "\n".join(filter(None, (_inline(line) for line in lines)))


def _inline(text: str) -> str:
    return _INLINE_SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def _same(a: str, b: str) -> bool:
    return _inline(a).casefold() == _inline(b).casefold()


def split_authors(author: str | None) -> tuple[str, ...]:
    """trafilatura joins several authors with '; '."""
    return tuple(a.strip() for a in (author or "").split(";") if a.strip())


def byline_authors(text: str) -> tuple[str, ...]:
    """The names of a "By ..." line among the first paragraphs of the text."""
    for block in text.split("\n\n")[:_BYLINE_BLOCKS]:
        match = _BYLINE.fullmatch(block.strip())
        if match:
            names = [n.strip() for n in re.split(r"\s+and\s+|\s*&\s*", match.group("names"))]
            if all(_NAME.fullmatch(n) for n in names):
                return tuple(names)
    return ()


def _date_of(meta_date: str | None, text: str, fallback: dt.date | None) -> tuple[dt.date | None, Span | None]:
    found = find_date_line(text)
    span = found[1] if found is not None else None
    if meta_date:
        try:
            return dt.date.fromisoformat(meta_date[:10]), span
        except ValueError:
            pass
    if found is not None:
        return found
    return fallback, None
