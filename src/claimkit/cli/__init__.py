"""The command line: a thin typer layer over the library.

One module per command or family: ``extract``, ``review``, ``records``
(``text``, ``schema``, ``validate``), ``evaluate`` (``eval``) and ``match``
(``index``, ``match``); ``common``
holds the options several commands share, the error line, and the parsing of
option values.  Nothing in the library imports this package.

Records go to stdout (or ``-o FILE``); errors and the run summary go to
stderr, one line each.  Exit codes: 0 success, 2 usage, 3 bad input (the other
inputs are still processed), 4 extractor failure, 5 LLM endpoint failure,
6 invalid records, 7 articles skipped for their language (3 wins when both happen),
8 a fact-check index built by another claimkit version.  The run
loop is ``claimkit.run.local`` (``claimkit.run.cluster`` on a Dask cluster).
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimkit.cli import cluster, evaluate, extract, match, records, review
from claimkit.version import __version__

app = typer.Typer(
    name="claimkit",
    help="Turn news articles into attributed, time-resolved, validated claim records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# The commands, in the order --help lists them.
app.command(name="extract")(extract.extract)
app.command(name="review")(review.review_cmd)
app.command(name="text")(records.text_cmd)
app.command(name="schema")(records.schema)
app.command(name="validate")(records.validate_cmd)
app.command(name="eval")(evaluate.eval_cmd)
app.command(name="index")(match.index_cmd)
app.command(name="match")(match.match_cmd)
app.command(name="cluster")(cluster.cluster_cmd)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """claimkit: who reported what, when, and with what certainty."""
