"""Write records as JSONL, JSON or a readable rich table.

Writers get serialised records (dicts), one article at a time.  Output to a
file goes to a temporary file beside it and is renamed into place at the end,
so an interrupted run never leaves a half-written file or clobbers an old one.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from rich.console import Console
from rich.table import Table
from rich.text import Text

Format = Literal["jsonl", "json", "table"]


class Writer(Protocol):
    def write(self, records: list[dict[str, Any]]) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """One record per line, flushed after each article."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """A JSON array of all records, streamed element by element."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0
        self.stream.write("[")

    def write(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            self.stream.write(("," if self.count else "") + "\n  " + json.dumps(record, ensure_ascii=False))
            self.count += 1
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


def _time(label: str, value: dict[str, Any]) -> str:
    """"said: on Thursday" with the resolved value on a line of its own, so an
    interval ("2026-01-27/2026-01-28") is never broken."""
    return f"{label}: {value['text']}\n{value['value'] or '(unresolved)'}"


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

    def write(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        table = Table(title=records[0]["doc_id"], show_lines=True, expand=True)
        for name, width in self.COLUMNS:
            table.add_column(name, width=width, overflow="fold", ratio=None if width else 1)
        for i, r in enumerate(records, start=1):
            source = r["source"]
            src = "—" if source is None else f"{source['name']} ({source['kind']})"
            cue = r["cue"]["mention"]["text"] if r["cue"] else ""
            times = "\n".join(_time(label, r[key]) for label, key in (("said", "reported_at"), ("event", "event_time")) if r[key])
            cert = r["certainty"]
            level = cert["level"] + ("\nnegated" if cert["polarity"] == "negative" else "")
            claim = Text(f"{r['mode']}: ", style="dim")
            claim.append(_clip(r["content"]["text"], 400))
            if r["statement"]:
                claim.append(f"\n= {_clip(r['statement'], 400)}", style="italic")
            table.add_row(str(i), Text(src), Text(cue), claim, Text(times), Text(level))
        self.console.print(table)

    def close(self) -> None:
        pass


WRITERS: dict[str, type[JsonlWriter] | type[JsonWriter] | type[TableWriter]] = {
    "jsonl": JsonlWriter,
    "json": JsonWriter,
    "table": TableWriter,
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
