"""Read the claims to look up: claim records from ``claimkit extract`` (JSONL)
or JSONL ``{"id", "claim"}`` lines (a tweet, a quote typed by a reviewer).

A claim record is matched on its ``statement`` (the claim as a standalone
sentence), else on its ``content.text``; its ``id`` is the query id and the
whole record is kept (``Query.record``: source, doc_id...) for whoever joins
the matches back.  Problems are one ``InputError`` line naming file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from claimkit.errors import InputError
from claimkit.match.collection import read_text
from claimkit.match.records import Query


def query_of(obj: Any, where: str) -> Query:
    """One JSON line as a query."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: not a claim (a JSON object with id and claim, or a claimkit record)")
    ident = obj.get("id")
    if not isinstance(ident, (str, int)) or str(ident).strip() == "":
        raise InputError(f"{where}: a claim without an id")
    if "claim" in obj:
        text, record = obj["claim"], None
    else:
        content = obj.get("content")
        text = obj.get("statement") or (content.get("text") if isinstance(content, dict) else None)
        record = obj
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: a claim without text (claim, statement or content.text)")
    return Query(id=str(ident), text=" ".join(text.split()), record=record)


def query_lines(text: str, origin: str) -> Iterator[Query]:
    """The claims of one JSONL text (a file's, or standard input's), in order."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{origin}:{n}: not JSON ({exc.msg}); claims are JSON Lines") from None
        yield query_of(obj, f"{origin}:{n}")


def read_queries(paths: Sequence[Path]) -> list[Query]:
    """The claims of ``paths``, in order; an empty input is an error."""
    out: list[Query] = []
    for path in paths:
        out += query_lines(read_text(path), str(path))
    if not out:
        raise InputError(f"{', '.join(map(str, paths)) or 'input'}: no claim to match")
    return out
