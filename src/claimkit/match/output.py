"""Write matches (``claimkit match --format jsonl|table|csv``).

* ``jsonl``: one ``Match.to_dict()`` line per match, best first per claim;
* ``table``: for reading, one rich table per claim (its text as the title),
  ``same_claim`` shown as yes/no;
* ``csv``: one row per match, the JSON line's fields as columns (``same_claim``
  as yes/no), UTF-8 with a byte-order mark, CRLF rows, and a cell a
  spreadsheet would run as a formula given a leading apostrophe (as
  ``claimkit extract -f csv``).

Every writer takes the matches of a batch of claims at a time, so a long run
writes as it goes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import IO, Protocol

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimkit.match.records import Match, Query
from claimkit.write.formats import FORMULA_START

CSV_COLUMNS = ("query_id", "factcheck_id", "rank", "score", "same_claim", "claim", "title", "url", "rating", "date", "checked_by")
CSV_TEXT_COLUMNS = ("query_id", "factcheck_id", "claim", "title", "url", "rating", "date", "checked_by")


class MatchWriter(Protocol):
    def write(self, queries: Sequence[Query], matches: Sequence[Sequence[Match]]) -> None: ...


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


class JsonlMatches:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, queries: Sequence[Query], matches: Sequence[Sequence[Match]]) -> None:
        self.stream.write("".join(json.dumps(m.to_dict(), ensure_ascii=False) + "\n" for ms in matches for m in ms))
        self.stream.flush()


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class TableMatches:
    """A table per claim: rank, same claim, score, rating, who checked it and when, the fact-check."""

    COLUMNS = (("#", 3), ("same", 5), ("score", 6), ("rating", 16), ("checked", 18), ("fact-check", None))

    def __init__(self, stream: IO[str]) -> None:
        self.console = Console(file=stream, width=max(110, Console(file=stream).width), soft_wrap=False)

    def write(self, queries: Sequence[Query], matches: Sequence[Sequence[Match]]) -> None:
        for query, ms in zip(queries, matches, strict=True):
            table = Table(title=Text(f"{query.id}: {_clip(query.text, 300)}"), show_lines=True, expand=True)
            for name, width in self.COLUMNS:
                table.add_column(name, width=width, overflow="fold", ratio=None if width else 1)
            for m in ms:
                checked = "\n".join(x for x in (m.checked_by, m.date) if x)
                check = Text(_clip(m.claim, 300))
                for extra in (m.title, m.url):
                    if extra:
                        check.append(f"\n{extra}", style="dim")
                table.add_row(str(m.rank), yes_no(m.same_claim), f"{m.score:.3f}", Text(m.rating or ""), Text(checked), check)
            self.console.print(table)


class CsvMatches:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.stream.write("\ufeff")
        self.csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        self.csv.writeheader()

    def write(self, queries: Sequence[Query], matches: Sequence[Sequence[Match]]) -> None:
        for ms in matches:
            for m in ms:
                row = m.to_dict()
                row["same_claim"] = yes_no(m.same_claim)
                for column in CSV_TEXT_COLUMNS:
                    value = row.get(column)
                    if isinstance(value, str) and value.startswith(FORMULA_START):
                        row[column] = "'" + value
                self.csv.writerow(row)
        self.stream.flush()


WRITERS: dict[str, Callable[[IO[str]], MatchWriter]] = {"jsonl": JsonlMatches, "table": TableMatches, "csv": CsvMatches}
