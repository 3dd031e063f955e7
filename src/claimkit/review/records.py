"""Records made earlier (``claimkit extract -o FILE.jsonl``), paired with
the articles they came from.

Every record must name one of the articles (``doc_id``), carry an id seen
once, and index that article's text exactly; anything else means the records
and the articles do not belong together, and nothing is built from them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from claimkit.errors import InputError, SchemaError
from claimkit.model import Article
from claimkit.write import validate


def json_lines(path: Path) -> Iterator[tuple[str, Any]]:
    """(``file:line``, value) for every non-blank line of a JSONL file; a file
    that cannot be read or a line that is not JSON raises InputError naming it."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8") from None
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: invalid JSON ({exc.msg})") from None


def iter_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, record) for every line of a JSONL file of records: each has an
    id and validates against the schema, and no id comes twice."""
    seen: set[str] = set()
    for where, record in json_lines(path):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not record["id"]:
            raise InputError(f"{where}: a record without an id")
        if record["id"] in seen:
            raise InputError(f"{where}: record id {record['id']!r} appears twice")
        seen.add(record["id"])
        problems = validate.errors(record)
        if problems:
            raise SchemaError(f"{where}: invalid record: {problems[0]}")
        yield where, record


def records_by_id(path: Path) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for _, record in iter_records(path)}


def read_records(path: Path, articles: Sequence[Article]) -> dict[str, list[dict[str, Any]]]:
    """The records of each article, by doc_id, in file order."""
    texts = {a.doc_id: a.text for a in articles}
    by_doc: dict[str, list[dict[str, Any]]] = {a.doc_id: [] for a in articles}
    for where, record in iter_records(path):
        doc_id = record["doc_id"]
        if doc_id not in texts:
            raise InputError(f"{where}: record {record['id']!r} is from document {doc_id!r}, which is not among the articles given")
        span_problems = list(validate.span_errors(record, texts[doc_id]))
        if span_problems:
            raise InputError(f"{where}: record {record['id']!r} does not match the text of {doc_id!r} ({span_problems[0]})")
        by_doc[doc_id].append(record)
    return by_doc
