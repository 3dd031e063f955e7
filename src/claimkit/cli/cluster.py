"""``claimkit cluster``: group the claims of many articles that make the same claim
(``claimkit.match.cluster``; on a Dask cluster ``claimkit.match.on_dask``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Optional

import typer

from claimkit.cli.common import check_directory, fail, output_option, say
from claimkit.cli.match import library, load_matcher
from claimkit.errors import ClaimkitError
from claimkit.write.formats import open_output

if TYPE_CHECKING:
    from claimkit.match.cluster import Summary
    from claimkit.match.groups import Group
    from claimkit.match.matcher import Matcher


class ClusterFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


ClaimsArgument = Annotated[list[Path], typer.Argument(help="Claims: JSONL records from claimkit extract, or {\"id\", \"claim\"} lines (optional date, source); .gz too.")]
ClusterOutputOption = Annotated[Optional[Path], output_option("Write the groups here (written beside it and renamed when complete) instead of stdout.")]
ClusterFormatOption = Annotated[ClusterFormat, typer.Option("--format", "-f", help="jsonl: one group per line; table: for reading.")]
ClusterAgainstOption = Annotated[Optional[list[Path]], typer.Option("--against", help="Fact-checks (an index from claimkit index, .ckx, or ClaimReview / JSONL files; repeat for several): two claims whose best same-claim fact-check is the same are grouped too.")]
ClusterSchedulerOption = Annotated[Optional[str], typer.Option("--scheduler", help="Run the encoding and the comparisons on a Dask cluster (tcp://HOST:PORT; needs the dask extra); the working files go beside -o, which every worker must see.")]


def cluster_cmd(
    claims: ClaimsArgument,
    output: ClusterOutputOption = None,
    fmt: ClusterFormatOption = ClusterFormat.jsonl,
    scheduler: ClusterSchedulerOption = None,
    against: ClusterAgainstOption = None,
) -> None:
    """Group claims from many articles that make the same claim, with the flags a fact-checker acts on
    (attribution lost, certainty hardened, source changed)."""
    check_directory(output)
    if scheduler is not None and output is None:
        raise typer.BadParameter("--scheduler needs -o FILE (the workers' files go beside it)", param_hint="--output")
    try:
        library()  # the match extra, or one line and exit 4
        from claimkit.match.cluster import Summary

        summary = Summary()
        matcher = load_matcher(against) if against else None
        groups = _groups(claims, scheduler, output, summary, matcher)
        first = next(groups, None)  # every input is read and compared before anything is written
        with open_output(output, sys.stdout) as stream:
            _write(_chain(first, groups), stream, fmt)
    except ClaimkitError as exc:
        raise fail(exc) from None
    say(f"claimkit: {summary.format()}")


def _groups(claims: list[Path], scheduler: str | None, output: Path | None, summary: Summary,
            against: Matcher | None) -> Iterator[Group]:
    if scheduler is None:
        from claimkit.match.cluster import cluster_files

        return cluster_files(claims, summary=summary, against=against)
    from claimkit.match.on_dask import cluster_on_dask

    assert output is not None
    return cluster_on_dask(claims, scheduler, output.resolve().parent, summary, against)


def _chain(first: Group | None, rest: Iterator[Group]) -> Iterator[Group]:
    if first is not None:
        yield first
        yield from rest


def _write(groups: Iterator[Group], stream: IO[str], fmt: ClusterFormat) -> None:
    if fmt is ClusterFormat.table:
        from claimkit.match.table import write_table

        write_table(groups, stream)
        return
    for group in groups:
        stream.write(json.dumps(group.to_dict(), ensure_ascii=False) + "\n")
