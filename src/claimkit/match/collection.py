"""Read fact-check collections: ClaimReview JSON-LD (one object, an array, a
DataFeed, JSON Lines of any of these) or JSONL ``{"id", "claim", "title",
"url", "rating", "date"}`` records (only ``id`` and ``claim`` required).

A file is one JSON document when it parses as one, else JSON Lines.  Every
problem is one ``InputError`` line naming the file and the line: text that is
not JSON, JSON that is neither JSON-LD nor a fact-check record, a ClaimReview
without ``claimReviewed``, a file without any fact-check.  The same id twice
keeps the first and is counted (``Collection.repeats``): feeds list a review
again when it is updated.
"""

from __future__ import annotations

import gzip
import json
import json.decoder
import json.scanner
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimkit.errors import InputError
from claimkit.match import jsonld
from claimkit.match.records import FactCheck

_POS = "\x00pos"  # the offset of a JSON object in its file, set by the located parse


class _Located(json.JSONDecoder):
    """A JSON decoder that notes each object's offset under ``_POS`` (pure Python: used only to name a line)."""

    def __init__(self) -> None:
        super().__init__()

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            obj, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
            if isinstance(obj, dict):
                obj[_POS] = s_and_end[1] - 1
            return obj, end

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def read_text(path: Path) -> str:
    try:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        return data.decode("utf-8-sig")
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _record(obj: dict[str, Any], where: str) -> FactCheck:
    """A plain fact-check record: ``id`` and ``claim`` required."""
    ident, claim = obj.get("id"), obj.get("claim")
    if not isinstance(ident, (str, int)) or str(ident).strip() == "":
        raise InputError(f"{where}: a fact-check record without an id")
    if not isinstance(claim, str) or not claim.strip():
        raise InputError(f"{where}: a fact-check record without a claim")

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return " ".join(str(value).split()) or None if value not in (None, "") else None

    value = obj.get("rating_value")
    return FactCheck(
        id=str(ident), claim=" ".join(claim.split()), title=opt("title"), url=opt("url"), rating=opt("rating"),
        rating_value=float(value) if isinstance(value, (int, float)) else None,
        checked_by=opt("checked_by"), date=opt("date"),
    )


def _is_record(obj: Any) -> bool:
    return isinstance(obj, dict) and "@type" not in obj and "claim" in obj


def from_json(obj: Any, where: jsonld.Where, origin: str) -> Iterator[FactCheck]:
    """The fact-checks of one parsed JSON value (a document, or one line of JSON Lines)."""
    items = obj if isinstance(obj, list) else [obj]
    if items and all(_is_record(i) for i in items):
        for item in items:
            yield _record(item, where(item))
        return
    if not jsonld.is_jsonld(obj):
        raise InputError(f"{origin}: neither ClaimReview JSON-LD (@type ClaimReview, DataFeed...) nor a fact-check record (id, claim)")
    yield from jsonld.walk(obj, where)


def _document(path: Path, text: str) -> list[FactCheck]:
    obj = json.loads(text)

    def plain(node: dict[str, Any]) -> str:
        return str(path)

    try:
        return list(from_json(obj, plain, f"{path}:1"))
    except InputError:
        # again with each object's offset, to name the line of the problem
        located = _Located().decode(text)

        def line(node: dict[str, Any]) -> str:
            return f"{path}:{text.count(chr(10), 0, node.get(_POS, 0)) + 1}"

        return list(from_json(located, line, f"{path}:1"))


def _fixed(place: str) -> jsonld.Where:
    """A ``where`` that names one line whatever the node (JSON Lines)."""

    def where(_node: dict[str, Any]) -> str:
        return place

    return where


def _lines(path: Path, text: str) -> Iterator[FactCheck]:
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc.msg}, column {exc.colno})") from None
        yield from from_json(obj, _fixed(f"{path}:{n}"), f"{path}:{n}")


def read_file(path: Path) -> list[FactCheck]:
    """The fact-checks of one file, in order; a one-line InputError for anything else."""
    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path}: empty: no fact-check in it")
    try:
        found = _document(path, text)
    except json.JSONDecodeError as whole:
        first = next(line for line in text.splitlines() if line.strip())
        try:
            json.loads(first)
        except json.JSONDecodeError:
            raise InputError(f"{path}:{whole.lineno}: not JSON ({whole.msg}); a fact-check collection is JSON-LD or JSON Lines") from None
        found = list(_lines(path, text))
    if not found:
        raise InputError(f"{path}: no fact-check in it (no ClaimReview, no id/claim record)")
    return found


@dataclass(frozen=True)
class Collection:
    """The fact-checks of some files, each id once; ``repeats`` counts the later copies dropped."""

    factchecks: list[FactCheck]
    repeats: int = 0


def read_collection(paths: Sequence[Path]) -> Collection:
    """Every fact-check of ``paths`` (files read in order), each id once."""
    if not paths:
        raise InputError("no fact-check file given")
    first: dict[str, FactCheck] = {}
    total = 0
    for path in paths:
        for check in read_file(path):
            total += 1
            first.setdefault(check.id, check)
    return Collection(list(first.values()), total - len(first))
