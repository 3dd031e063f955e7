"""Groups as a table for reading (``claimkit cluster --format table``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimkit.match.groups import Group


def _first(data: dict[str, Any]) -> str:
    first = data["first"]
    return " ".join(str(x) for x in (first["id"], first["date"], first["source"] and f"({first['source']})") if x)


def write_table(groups: Iterable[Group], stream: IO[str]) -> int:
    """One row per group: size, the representative claim, who said it first, the sources, the flags; the number of groups."""
    table = Table(show_lines=True)
    for name in ("group", "n", "claim", "first", "sources", "flags"):
        table.add_column(name, overflow="fold")
    count = 0
    for group in groups:
        data = group.to_dict()
        sources = ", ".join(s["name"] for s in data["sources"])
        table.add_row(Text(data["cluster_id"]), Text(str(len(data["members"]))), Text(data["claim"]), Text(_first(data)),
                      Text(sources), Text(", ".join(data["flags"])))
        count += 1
    console = Console(file=stream, width=max(110, Console(file=stream).width), soft_wrap=False)
    console.print(table)
    return count
