"""Web archives (WARC, gzipped or not) -> Articles, one per HTML page captured.

Each ``response`` (or ``resource``) record with status 200 and an HTML
content type becomes an Article through ``html``: its doc_id and url
are the record's target URI, and the capture date (``WARC-Date``) is the
article date only when the page states none itself.  Everything else
(requests, metadata, warcinfo, revisits, redirects and errors, images,
scripts, and HTML pages without article text such as section fronts) is
skipped and counted; the counts go out as one log line per archive on the
``claimkit.read`` logger (printed on stderr when the application has not
set up logging).  A record over the size limit, and a truncated or corrupt
archive, are InputErrors: the records before the damage are still read.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from claimkit.errors import InputError
from claimkit.model import Article
from claimkit.read.charset import charset_of_header
from claimkit.read.html import NoArticleText, article_from_html

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
log = logging.getLogger("claimkit.read")


def is_warc_path(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_date(value: str | None) -> dt.date | None:
    """The date of a WARC-Date (ISO 8601, UTC)."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def load_warc(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """Yield an Article per HTML page of the archive, InputErrors for damage."""
    skipped: Counter[str] = Counter()
    pages = 0
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(f"{path}: cannot read ({exc.strerror})")
        return
    with stream:
        for item in _records(path, stream, max_bytes, skipped):
            if isinstance(item, Article):
                pages += 1
            yield item
    log.warning("claimkit: %s: %s", path, _summary(pages, skipped))


def _summary(pages: int, skipped: Counter[str]) -> str:
    parts = ", ".join(f"{n} {why}" for why, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    total = sum(skipped.values())
    return f"{pages} HTML page(s) read, {total} other record(s) skipped" + (f" ({parts})" if parts else "")


def _records(path: Path, stream, max_bytes: int, skipped: Counter[str]) -> Iterator[Article | InputError]:  # type: ignore[no-untyped-def]
    from warcio.archiveiterator import ArchiveIterator

    seen: Counter[str] = Counter()
    count = 0
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        for record in records:
            if record.rec_type is None:
                raise ValueError("a record without a WARC-Type")
            before = skipped.copy()
            item = _page(path, record, max_bytes, skipped, seen)
            if _cut_short(record):
                skipped.clear()
                skipped.update(before)
                raise ValueError(f"record {count + 1} ends before its Content-Length")
            count += 1
            if item is not None:
                yield item
        _check_nothing_left(stream, records, count)
    except Exception as exc:  # noqa: BLE001 -- warcio fails in many ways on damaged archives; none may escape as a traceback
        ours = isinstance(exc, (ValueError, EOFError, OSError)) or type(exc).__name__ == "ArchiveLoadFailed"
        reason = str(exc).splitlines()[0] if ours and str(exc) else f"the reader failed with {type(exc).__name__}"
        yield InputError(f"{path}: truncated or corrupt WARC after {count} complete record(s) ({reason})")


def _check_nothing_left(stream, records, count: int) -> None:  # type: ignore[no-untyped-def]
    """The reader stops quietly where a record's headers are cut off: bytes
    other than blank lines after the last complete record mean a damaged file."""
    end = records.get_record_offset() + records.get_record_length() if count else 0
    stream.seek(end)
    rest = stream.read(1 << 16)
    if rest.strip():
        raise ValueError(f"bytes after offset {end:,} do not make a complete record")


def _cut_short(record) -> bool:  # type: ignore[no-untyped-def]
    """Read the rest of the record; True if the archive ends inside it."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return getattr(raw, "limit", 0) > 0


def _page(path: Path, record, max_bytes: int, skipped: Counter[str], seen: Counter[str]) -> Article | InputError | None:  # type: ignore[no-untyped-def]
    kind = record.rec_type
    if kind not in ("response", "resource"):
        skipped[kind or "untyped"] += 1
        return None
    http = record.http_headers
    status = http.get_statuscode() if http is not None else "200"
    content_type = (http.get_header("Content-Type") if http is not None else None) or record.content_type or ""
    if status != "200":
        skipped[f"status {status}"] += 1
        return None
    if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        skipped["not HTML"] += 1
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{sum(seen.values()) + 1}"
    seen[uri] += 1
    doc_id = uri if seen[uri] == 1 else f"{uri}#{seen[uri]}"
    origin = f"{path}:{uri}"
    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # noqa: BLE001 -- a body whose transfer or content encoding is broken spoils this record only
        return InputError(f"{origin}: the response body cannot be decoded ({type(exc).__name__})")
    if len(data) > max_bytes:
        return InputError(f"{origin}: too large (over the limit of {max_bytes:,} bytes)")
    try:
        article = article_from_html(
            data,
            doc_id=doc_id,
            origin=origin,
            url=uri,
            http_charset=charset_of_header(content_type),
            fallback_date=warc_date(record.rec_headers.get_header("WARC-Date")),
        )
    except NoArticleText:
        skipped["HTML without article text"] += 1
        return None
    except InputError as exc:
        return exc
    return article.model_copy(update={"url": uri})
