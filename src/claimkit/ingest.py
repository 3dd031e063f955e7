"""Load articles: text and Markdown files, web pages, web archives, directories, stdin and JSONL.

Each input becomes an ``Article`` whose ``text`` is exactly what was read
(decoded as UTF-8, a byte-order mark dropped, line endings kept), so offsets
computed later index it directly.  Web pages (``ingest_html``) and web
archives (``ingest_warc``) become the text of their main article, which the
offsets then index.  A file that cannot be an article raises ``InputError``
naming the file; the caller decides whether to carry on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from claimkit.errors import InputError
from claimkit.ingest_html import article_from_html, is_html_path, read_page
from claimkit.ingest_warc import is_warc_path, load_warc
from claimkit.model import Article, Span

MAX_BYTES = 10_000_000
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Standard input is a web page when it starts like one.
_HTML_START = re.compile(rb"<(?:!doctype|html|head|body|meta|title|\?xml|!--)", re.IGNORECASE)

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE_LINE = re.compile(
    r"^[ \t]*(?:(?:Published|Updated|Posted|Date)[:\s]+)?" + _WEEKDAY + r"(?:"
    r"(?P<mname>[A-Z][a-z]{2,8})\.?\s+(?P<mday>\d{1,2}),?\s+(?P<myear>\d{4})"
    r"|(?P<dday>\d{1,2})\s+(?P<dname>[A-Z][a-z]{2,8})\.?,?\s+(?P<dyear>\d{4})"
    r"|(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})"
    r")(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*$",
    re.MULTILINE,
)
# Only the first lines of an article can carry its date line.
_DATE_LINE_WINDOW = 400


def parse_iso_date(value: str, origin: str) -> dt.date:
    """Parse YYYY-MM-DD (a longer ISO timestamp is cut to its date)."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{origin}: invalid date {value!r} (expected YYYY-MM-DD)") from None


def find_date_line(text: str) -> tuple[dt.date, Span] | None:
    """Find a date written alone on one of the first lines of the text."""
    for match in _DATE_LINE.finditer(text, 0, min(len(text), _DATE_LINE_WINDOW)):
        date = _date_from_match(match)
        if date is not None:
            start, end = match.span()
            line = text[start:end]
            start += len(line) - len(line.lstrip())
            end -= len(line) - len(line.rstrip())
            return date, Span(text=text[start:end], start=start, end=end)
    return None


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["iyear"]:
            return dt.date(int(g["iyear"]), int(g["imonth"]), int(g["iday"]))
        name, day, year = (
            (g["mname"], g["mday"], g["myear"]) if g["mname"] else (g["dname"], g["dday"], g["dyear"])
        )
        month = _MONTHS.get(name.lower())
        return dt.date(int(year), month, int(day)) if month else None
    except ValueError:
        return None


def decode(data: bytes, origin: str, max_bytes: int | None = MAX_BYTES) -> str:
    """Bytes -> text, refusing what is not a readable article.

    ``max_bytes=None`` skips the size check (JSONL: each article is checked).
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"{origin}: too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})"
        ) from None
    if not text.strip():
        raise InputError(f"{origin}: empty article")
    return text


def make_article(
    text: str,
    doc_id: str,
    origin: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Article:
    """Build an Article, taking its date from the text when none is given."""
    date_span = None
    if published is None:
        found = find_date_line(text)
        if found is not None:
            published, date_span = found
    return Article(
        doc_id=doc_id,
        text=text,
        published=published,
        date_span=date_span,
        title=title,
        url=url,
        origin=origin,
    )


def article_record(article: Article) -> dict[str, object]:
    """An article as one JSONL line that ``load`` reads back as the same article."""
    return {
        "id": article.doc_id,
        "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "url": article.url,
        "authors": list(article.authors),
        "site_name": article.site_name,
        "language": article.language,
        "origin": article.origin,
    }


def _byline_fields(obj: dict, where: str) -> dict[str, object]:  # type: ignore[type-arg]
    """'authors' (a list of names) and 'site_name' of a JSONL article, when given."""
    fields: dict[str, object] = {}
    authors = obj.get("authors")
    if authors is not None:
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise InputError(f"{where}: 'authors' must be a list of names")
        fields["authors"] = tuple(a for a in authors if a.strip())
    if isinstance(obj.get("site_name"), str) and obj["site_name"].strip():
        fields["site_name"] = obj["site_name"]
    return fields


def _jsonl_articles(data: str, origin: str, stem: str, max_bytes: int) -> Iterator[Article | InputError]:
    for lineno, line in enumerate(data.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: invalid JSON ({exc.msg})")
            continue
        if isinstance(obj, dict) and not isinstance(obj.get("text"), str) and isinstance(obj.get("html"), str):
            yield _jsonl_page(obj, where, f"{stem}-{lineno}", max_bytes)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputError(f"{where}: each line must be an object with a string 'text' (or 'html')")
            continue
        if not obj["text"].strip():
            yield InputError(f"{where}: empty article")
            continue
        size = len(obj["text"].encode("utf-8"))
        if size > max_bytes:
            yield InputError(f"{where}: article too large ({size:,} bytes; the limit is {max_bytes:,})")
            continue
        try:
            published = obj.get("published")
            article = make_article(
                obj["text"],
                str(obj.get("id") or f"{stem}-{lineno}"),
                where,
                published=parse_iso_date(published, where) if published else None,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                url=obj.get("url") if isinstance(obj.get("url"), str) else None,
            )
            byline = _byline_fields(obj, where)
            yield article.model_copy(update=byline) if byline else article
        except InputError as exc:
            yield exc


def _jsonl_page(obj: dict, where: str, default_id: str, max_bytes: int) -> Article | InputError:  # type: ignore[type-arg]
    """A JSONL line with the page's 'html' instead of 'text'; its own fields win over the page's."""
    size = len(obj["html"].encode("utf-8"))
    if size > max_bytes:
        return InputError(f"{where}: page too large ({size:,} bytes; the limit is {max_bytes:,})")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    try:
        published = parse_iso_date(obj["published"], where) if obj.get("published") else None
        byline = _byline_fields(obj, where)
        article = article_from_html(obj["html"], doc_id=str(obj.get("id") or default_id), origin=where, url=url)
    except InputError as exc:
        return exc
    update: dict[str, object] = {"url": url} if url else {}
    update.update(byline)
    if published is not None:
        update.update(published=published, date_span=None)
    if isinstance(obj.get("title"), str):
        update["title"] = obj["title"]
    return article.model_copy(update=update) if update else article


def is_article_file(path: Path) -> bool:
    """A file a directory is searched for: text, JSONL, web page or web archive."""
    return path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES or is_html_path(path) or is_warc_path(path)


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Directories become the article files inside them, sorted; '-' stays."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and is_article_file(child):
                    yield str(child)
        else:
            yield raw


def _stem(path: Path) -> str:
    """The file name without its suffixes: page.html.gz -> page."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def load(paths: list[str], *, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield an Article for each readable input, an InputError for each bad one.

    Errors are yielded, not raised, so one bad file does not stop the rest.
    Standard input is read as JSONL when it starts with a JSON object, as a
    web page when it starts like one (``_HTML_START``).  A web archive is read
    record by record (its own size is not limited; each page's is).
    """
    for raw in expand_paths(paths):
        if raw != "-" and is_warc_path(Path(raw)) and Path(raw).exists():
            yield from load_warc(Path(raw), max_bytes)
            continue
        try:
            origin, stem, kind, data = _read(raw, max_bytes)
            if kind == "html":
                yield article_from_html(data, doc_id=stem, origin=origin)
                continue
            text = decode(data, origin, max_bytes=None if kind == "jsonl" else max_bytes)
        except InputError as exc:
            yield exc
            continue
        if kind == "jsonl":
            yield from _jsonl_articles(text, origin, stem, max_bytes)
        else:
            yield make_article(text, stem, origin)


def _read(raw: str, max_bytes: int) -> tuple[str, str, str, bytes]:
    """(origin, stem, kind, bytes) of one input; kind is 'jsonl', 'html' or 'text'."""
    if raw == "-":
        data = sys.stdin.buffer.read()
        head = data.lstrip()[:64]
        kind = "jsonl" if head[:1] == b"{" else "html" if _HTML_START.match(head) else "text"
        return "<stdin>", "stdin", kind, data
    path = Path(raw)
    kind = "jsonl" if path.suffix.lower() in JSONL_SUFFIXES else "html" if is_html_path(path) else "text"
    try:
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        if path.stat().st_size > max_bytes and kind != "jsonl":
            raise InputError(f"{raw}: too large ({path.stat().st_size:,} bytes; the limit is {max_bytes:,})")
        data = read_page(path, max_bytes) if kind == "html" else path.read_bytes()
    except OSError as exc:
        raise InputError(f"{raw}: cannot read ({exc.strerror})") from None
    return raw, _stem(path), kind, data
