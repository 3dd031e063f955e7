"""Bytes of a web page -> text, using what the page and the server say about its charset.

Order: a byte-order mark; valid UTF-8 (whatever the label says: pure ASCII
reads the same in every ASCII-based charset, and non-ASCII text that happens
to be valid UTF-8 almost never is anything else); the charset the HTTP header
declares, then the page's ``<meta charset>``; UTF-8 with stray bytes read as
Windows-1252 (pages pasted together from two sources); and last what
charset-normalizer detects.  ``latin-1`` and ``ascii`` labels are read as
Windows-1252, as browsers do.  Only bytes that decode to no readable text at
all (a binary file, or mostly control characters) are refused.
"""

from __future__ import annotations

import codecs
import re

from claimkit.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_AS_CP1252 = frozenset({"latin_1", "iso8859_1", "ascii"})
# Control characters other than tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_META_WINDOW = 4096


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read each undecodable byte as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("claimkit-cp1252", _cp1252_fallback)


def charset_of_header(content_type: str | None) -> str | None:
    """The charset named in an HTTP Content-Type header, if any."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top."""
    match = _META_CHARSET.search(data[:_META_WINDOW])
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name.replace("-", "_") in _AS_CP1252 else name


def _strict(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return _strict(data, _codec(best.encoding)) if best is not None else None


def decode_html(data: bytes, origin: str, http_charset: str | None = None) -> str:
    """Decode a page; raise InputError naming ``origin`` when it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _readable(data.decode(codec, errors="replace"), origin)
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: binary file (contains NUL bytes), not a web page")
    text = _strict(data, "utf-8")
    for label in (http_charset, meta_charset(data)):
        if text is None:
            text = _strict(data, _codec(label))
    if text is None and _UTF8_MULTIBYTE.search(data):
        text = data.decode("utf-8", errors="claimkit-cp1252")
    if text is None:
        text = _detected(data) or data.decode("cp1252", errors="replace")
    return _readable(text, origin)


def _readable(text: str, origin: str) -> str:
    if not text.strip():
        raise InputError(f"{origin}: empty page")
    bad = len(_CONTROL.findall(text))
    if bad > 0.05 * len(text):
        raise InputError(f"{origin}: not readable text in any charset ({bad:,} control or undecodable characters)")
    return text
