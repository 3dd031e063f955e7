"""Load articles: text and Markdown files, web pages, web archives, directories, stdin and JSONL.

Each input becomes an ``Article`` whose ``text`` is exactly what was read
(decoded as UTF-8, a byte-order mark dropped, line endings kept), so offsets
computed later index it directly.  Web pages (``html``) and web
archives (``warc``) become the text of their main article, which the
offsets then index.  A file that cannot be an article raises ``InputError``
naming the file; the caller decides whether to carry on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimkit.errors import InputError
from claimkit.model import Article
from claimkit.read.dates import find_date_line, parse_iso_date
from claimkit.read.html import article_from_html, is_html_path, read_page
from claimkit.read.warc import is_warc_path, load_warc

MAX_BYTES = 10_000_000
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Standard input is a web page when it starts like one.
_HTML_START = re.compile(rb"<(?:!doctype|html|head|body|meta|title|\?xml|!--)", re.IGNORECASE)

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
    """Build an Article, taking its date from the text when none is given.

    A date line or dateline the text has is kept as the article's date span even when a date is given: it is
    the article's furniture, never the time of one of its claims."""
    date_span = None
    found = find_date_line(text)
    if found is not None:
        date_span = found[1]
        if published is None:
            published = found[0]
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


def _jsonl_article(line: str, where: str, default_id: str, max_bytes: int) -> Article | InputError:
    """One JSONL line -> an Article, or the InputError that names the line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"{where}: invalid JSON ({exc.msg})")
    return article_from_dict(obj, where, default_id, max_bytes)


def article_from_dict(obj: object, where: str, default_id: str, max_bytes: int = MAX_BYTES) -> Article | InputError:
    """A JSONL object (``text``, or a web page's ``html``; optional ``id``,
    ``published``, ``title``, ``url``, ``authors``, ``site_name``) -> an Article, or the InputError that names ``where``."""
    if isinstance(obj, dict) and not isinstance(obj.get("text"), str) and isinstance(obj.get("html"), str):
        return _jsonl_page(obj, where, default_id, max_bytes)
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return InputError(f"{where}: each line must be an object with a string 'text' (or 'html')")
    if not obj["text"].strip():
        return InputError(f"{where}: empty article")
    size = len(obj["text"].encode("utf-8"))
    if size > max_bytes:
        return InputError(f"{where}: article too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        published = obj.get("published")
        article = make_article(
            obj["text"],
            str(obj.get("id") or default_id),
            where,
            published=parse_iso_date(str(published), where) if published else None,
            title=obj.get("title") if isinstance(obj.get("title"), str) else None,
            url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        )
        byline = _byline_fields(obj, where)
    except InputError as exc:
        return exc
    return article.model_copy(update=byline) if byline else article


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
        update["published"] = published
    if isinstance(obj.get("title"), str):
        update["title"] = obj["title"]
    return article.model_copy(update=update) if update else article


def is_article_file(path: Path) -> bool:
    """A file a directory is searched for: text, JSONL (also gzipped), web page or web archive."""
    return path.suffix.lower() in TEXT_SUFFIXES or is_jsonl_name(path.name) or is_html_path(path) or is_warc_path(path)


def jsonl_articles(lines: Iterable[bytes], origin: str, stem: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles from JSONL lines (bytes, split on newline only), one at a time.

    A stream is never read whole: memory stays flat over any number of
    lines.  A line that is not an article gives an InputError naming
    ``origin:line``; the lines after it are still read.
    """
    seen = False
    for lineno, raw in enumerate(lines, start=1):
        if lineno == 1:
            if b"\x00" in raw[:8192]:
                yield InputError(f"{origin}: binary file (contains NUL bytes), not JSONL")
                return
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        seen = True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(f"{origin}:{lineno}: not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})")
            continue
        yield _jsonl_article(line, f"{origin}:{lineno}", f"{stem}-{lineno}", max_bytes)
    if not seen:
        yield InputError(f"{origin}: empty article")


def _stdin_items(max_bytes: int) -> Iterator[Article | InputError]:
    """Standard input: JSONL (read line by line, as it arrives) when its first
    non-blank line starts with a JSON object, a web page when it starts like
    one (``_HTML_START``), else one text article."""
    stream = sys.stdin.buffer
    head: list[bytes] = []
    for line in iter(stream.readline, b""):
        head.append(line)
        if line.strip():
            break
    if head and head[-1].lstrip().removeprefix(b"\xef\xbb\xbf").startswith(b"{"):
        yield from jsonl_articles(itertools.chain(head, iter(stream.readline, b"")), "<stdin>", "stdin", max_bytes)
        return
    data = b"".join(head) + stream.read()
    try:
        if _HTML_START.match(data.lstrip()[:64]):
            if len(data) > max_bytes:
                raise InputError(f"<stdin>: too large ({len(data):,} bytes; the limit is {max_bytes:,})")
            yield article_from_html(data, doc_id="stdin", origin="<stdin>")
            return
        yield make_article(decode(data, "<stdin>", max_bytes=max_bytes), "stdin", "<stdin>")
    except InputError as exc:
        yield exc


def file_stem(name: str) -> str:
    """The file name without its suffixes, naming its articles: ``a.jsonl.gz`` -> ``a``, ``page.html.gz`` -> ``page``."""
    base = name.rsplit("/", 1)[-1]
    if base.lower().endswith(".gz"):
        base = base[:-3]
    return base.rsplit(".", 1)[0] if "." in base else base


def is_jsonl_name(name: str) -> bool:
    """Whether a file name is JSONL by its suffix (``.jsonl``, ``.ndjson``, optionally ``.gz``)."""
    low = name.lower().removesuffix(".gz")
    return any(low.endswith(s) for s in JSONL_SUFFIXES)


def _jsonl_file(path: Path, origin: str) -> Iterator[bytes]:
    """The lines of a JSONL file, decompressed when it ends in .gz."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        try:
            yield from fh
        except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
            raise InputError(f"{origin}: cannot read ({exc})") from None


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


def load(paths: list[str], *, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield an Article for each readable input, an InputError for each bad one.

    Errors are yielded, not raised, so one bad file does not stop the rest.
    JSONL files (``.jsonl``, ``.ndjson``, also gzipped: ``.jsonl.gz``) and
    standard input are read line by line, never whole.  Standard input is read
    as JSONL when it starts with a JSON object, as a web page when it starts
    like one.  A web archive is read record by record (its own size is not
    limited; each page's is).
    """
    for raw in expand_paths(paths):
        if raw == "-":
            yield from _stdin_items(max_bytes)
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(f"{raw}: no such file or directory")
            continue
        if is_warc_path(path):
            yield from load_warc(path, max_bytes)
            continue
        if is_jsonl_name(path.name):
            try:
                yield from jsonl_articles(_jsonl_file(path, raw), raw, file_stem(path.name), max_bytes)
            except InputError as exc:
                yield exc
            except OSError as exc:
                yield InputError(f"{raw}: cannot read ({exc.strerror})")
            continue
        try:
            if path.stat().st_size > max_bytes:
                raise InputError(f"{raw}: too large ({path.stat().st_size:,} bytes; the limit is {max_bytes:,})")
            if is_html_path(path):
                yield article_from_html(read_page(path, max_bytes), doc_id=file_stem(path.name), origin=raw)
            else:
                yield make_article(decode(path.read_bytes(), raw, max_bytes=max_bytes), path.stem, raw)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(f"{raw}: cannot read ({exc.strerror})")
