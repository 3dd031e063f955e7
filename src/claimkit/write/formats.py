"""Write records as JSONL, JSON, a readable rich table, CSV or ClaimReview drafts.

Writers get serialised records (dicts), one article at a time, with the
article they came from (ClaimReview needs its url and date).  Output to a
file goes to a temporary file beside it and is renamed into place at the end,
so an interrupted run never leaves a half-written file or clobbers an old one.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimkit.model import Article
from claimkit.write import claimreview

Format = Literal["jsonl", "json", "table", "csv", "claimreview"]


class Writer(Protocol):
    def write(self, records: list[dict[str, Any]], article: Article | None = None) -> None: ...

    def close(self) -> None: ...


def line(record: dict[str, Any]) -> str:
    """One record as a JSONL line."""
    return json.dumps(record, ensure_ascii=False) + "\n"


class JsonlWriter:
    """One record per line, flushed after each article."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, records: list[dict[str, Any]], article: Article | None = None) -> None:
        self.write_lines([line(record) for record in records])

    def write_lines(self, lines: list[str]) -> None:
        """Records already serialised by ``line`` (as ``--jobs`` workers send them)."""
        self.stream.write("".join(lines))
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """A JSON array of all records, streamed element by element."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0
        self.stream.write("[")

    def write(self, records: list[dict[str, Any]], article: Article | None = None) -> None:
        for node in self.nodes(records, article):
            self.stream.write(("," if self.count else "") + "\n  " + json.dumps(node, ensure_ascii=False))
            self.count += 1
        self.stream.flush()

    def nodes(self, records: list[dict[str, Any]], article: Article | None) -> Iterable[dict[str, Any]]:
        """The array's elements for one article's records: the records themselves."""
        return records

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


def _time(label: str, value: dict[str, Any]) -> str:
    """"said: on Thursday" with the resolved value on a line of its own, so an
    interval ("2026-01-27/2026-01-28") is never broken."""
    return f"{label}: {value['text']}\n{value['value'] or '(unresolved)'}"


def checked_line(check: dict[str, Any]) -> str:
    """An earlier fact-check (a record's ``checked`` entry) in one line: rating, by whom, when, where."""
    by = f"by {check['checked_by']}" if check.get("checked_by") else None
    return ", ".join(x for x in (check.get("rating") or "not rated", by, check.get("date"), check.get("url") or check["factcheck_id"]) if x)


def _source_cell(source: dict[str, Any] | None) -> str:
    """"Helena Varga (person)", and below it the words the article used where
    they are not the name ("as “she”"): the entity, then its mention."""
    if source is None:
        return "—"
    cell = f"{source['name']} ({source['kind']})"
    said = (source.get("mention") or {}).get("text")
    if said and said.strip() != source["name"]:
        cell += f"\nas “{_clip(said.strip(), 60)}”"
    return cell


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class TableWriter:
    """A rich table per article: source, cue, claim, time, certainty.

    Cells are plain ``Text``: article words are never read as rich markup.
    """

    # name, fixed width (None: the claim column takes the rest)
    COLUMNS = (("#", 3), ("source", 20), ("cue", 12), ("claim", None), ("time", 22), ("certainty", 9))

    def __init__(self, stream: IO[str]) -> None:
        self.console = Console(file=stream, width=max(110, Console(file=stream).width), soft_wrap=False)

    def write(self, records: list[dict[str, Any]], article: Article | None = None) -> None:
        if not records:
            return
        table = Table(title=records[0]["doc_id"], show_lines=True, expand=True)
        for name, width in self.COLUMNS:
            table.add_column(name, width=width, overflow="fold", ratio=None if width else 1)
        number = {r["id"]: i for i, r in enumerate(records, start=1)}
        for i, r in enumerate(records, start=1):
            src = _source_cell(r["source"])
            cue = r["cue"]["mention"]["text"] if r["cue"] else ""
            if r.get("continues") in number:
                cue = f"(goes on from #{number[r['continues']]})"
            times = "\n".join(_time(label, r[key]) for label, key in (("said", "reported_at"), ("event", "event_time")) if r[key])
            cert = r["certainty"]
            level = cert["level"] + ("\nnegated" if cert["polarity"] == "negative" else "")
            claim = Text(f"{r['mode']}: ", style="dim")
            claim.append(_clip(r["content"]["text"], 400))
            if r["statement"]:
                claim.append(f"\n= {_clip(r['statement'], 400)}", style="italic")
            for check in r.get("checked") or ():
                claim.append(f"\nchecked before: {checked_line(check)}", style="bold")
            table.add_row(str(i), Text(src), Text(cue), claim, Text(times), Text(level))
        self.console.print(table)

    def close(self) -> None:
        pass


# CSV: one row per record, flat.  A time column holds the ISO value; an empty
# cell is null.
CSV_COLUMNS = (
    "doc_id",
    "id",
    "mode",
    "source_name",
    "source_kind",
    "entity_id",
    "source_mention",
    "cue",
    "content",
    "statement",
    "reported_at",
    "event_time",
    "certainty_level",
    "polarity",
    "content_start",
    "content_end",
    "nested_in",
    "continues",
)
# Free-text cells starting with one of these would be read as a formula by a
# spreadsheet (a hostile article can quote "=HYPERLINK(...)"): they get a
# leading apostrophe, which spreadsheets show as text.  ``csv_cell_value``
# undoes it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_TEXT_COLUMNS = ("source_name", "source_mention", "cue", "content", "statement")


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """The CSV cells of one record (None for null)."""
    source, cue, cert = record["source"], record["cue"], record["certainty"]
    reported, event = record.get("reported_at"), record.get("event_time")
    return {
        "doc_id": record["doc_id"],
        "id": record["id"],
        "mode": record["mode"],
        "source_name": source["name"] if source else None,
        "source_kind": source["kind"] if source else None,
        "entity_id": (source.get("entity") or {}).get("id") if source else None,
        "source_mention": (source.get("mention") or {}).get("text") if source else None,
        "cue": cue["mention"]["text"] if cue else None,
        "content": record["content"]["text"],
        "statement": record.get("statement"),
        "reported_at": reported["value"] if reported else None,
        "event_time": event["value"] if event else None,
        "certainty_level": cert["level"],
        "polarity": cert["polarity"],
        "content_start": record["content"]["start"],
        "content_end": record["content"]["end"],
        "nested_in": record.get("nested_in"),
        "continues": record.get("continues"),
    }


def _defuse(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_cell_value(column: str, cell: str) -> str | None:
    """Read a cell back: '' is null, a defused formula loses its apostrophe."""
    if cell == "":
        return None
    if column in CSV_TEXT_COLUMNS and cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


class CsvWriter:
    """RFC 4180 CSV (CRLF rows, quoted cells keep their line breaks), UTF-8
    with a byte-order mark so that Excel reads the characters right."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.stream.write("\ufeff")
        self.csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        self.csv.writeheader()

    def write(self, records: list[dict[str, Any]], article: Article | None = None) -> None:
        for record in records:
            row = csv_row(record)
            for column in CSV_TEXT_COLUMNS:
                if row[column] is not None:
                    row[column] = _defuse(row[column])
            self.csv.writerow(row)
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class ClaimReviewWriter(JsonWriter):
    """A JSON-LD array of schema.org ClaimReview drafts, one per attributed claim."""

    def nodes(self, records: list[dict[str, Any]], article: Article | None) -> Iterable[dict[str, Any]]:
        drafts = (claimreview.draft(record, article) for record in records)
        return [node for node in drafts if node is not None]


WRITERS: dict[str, Callable[[IO[str]], Writer]] = {
    "jsonl": JsonlWriter,
    "json": JsonWriter,
    "table": TableWriter,
    "csv": CsvWriter,
    "claimreview": ClaimReviewWriter,
}


@contextmanager
def open_output(path: Path | None, stdout: IO[str]) -> Iterator[IO[str]]:
    """Yield a stream; for a file, write beside it and rename on success.

    A path ending in ``.gz`` is written gzipped (mtime 0: the same records
    give the same bytes).  Resumable JSONL output is ``claimkit.journal``.
    """
    if path is None:
        yield stdout
        return
    directory = path.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as raw:
            if path.name.lower().endswith(".gz"):
                with (
                    gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed,
                    io.TextIOWrapper(packed, encoding="utf-8", newline="") as stream,  # type: ignore[arg-type]
                ):
                    yield stream
            else:
                with io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream:
                    yield stream
                    stream.flush()
                    raw.flush()
                    os.fsync(raw.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
