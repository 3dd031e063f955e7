"""``claimkit index`` and ``claimkit match``: has a claim been fact-checked
already?  A thin layer over ``claimkit.match`` (the ``match`` extra), which is
imported only when one of these commands (or ``--against``) runs."""

from __future__ import annotations

import sys
import time
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from claimkit.cli.common import AgainstOption, check_directory, fail, output_option, say
from claimkit.errors import ClaimkitError, ExtractorError, InputError
from claimkit.run.local import Annotate
from claimkit.write.formats import open_output

if TYPE_CHECKING:
    from claimkit.match import Matcher, Query
    from claimkit.match.output import MatchWriter


class MatchFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


# Claims matched per call: their vectors and the cross-encoder's pairs are made together.
BATCH = 256

FactChecksArgument = Annotated[list[Path], typer.Argument(help="Fact-checks: schema.org ClaimReview JSON-LD (an object, an array, JSON Lines, a DataFeed), JSONL {id, claim, title, url, rating, date}, or indexes (.ckx) to add to.")]
IndexOutputOption = Annotated[Path, output_option("The index to write (.ckx), beside and renamed: never half a file.")]
ClaimsArgument = Annotated[list[str], typer.Argument(help="Claims: records from claimkit extract (JSONL) or {\"id\", \"claim\"} lines; - for stdin.")]
TopOption = Annotated[int, typer.Option("--top", "-k", min=1, help="Fact-checks listed per claim, best first.")]
MatchOutputOption = Annotated[Optional[Path], output_option("Write here instead of stdout (beside it, then renamed: never half a file).")]
MatchFormatOption = Annotated[MatchFormat, typer.Option("--format", "-f", help="jsonl: one match per line; table: for reading; csv: one row per match (UTF-8 with BOM).")]


def library() -> ModuleType:
    """``claimkit.match``, or the one-line error of a missing ``match`` extra (exit 4)."""
    try:
        import claimkit.match as lib
    except ImportError as exc:
        raise ExtractorError(f"claimkit match needs the match extra ({exc.name} is missing): pip install -e '.[match]'") from None
    return lib


def load_matcher(against: list[Path]) -> Matcher:
    """The matcher over the fact-checks of ``--against`` (indexes loaded, files read and encoded)."""
    lib = library()
    matcher: Matcher = lib.Matcher(lib.open_collection(against))
    return matcher


def checked_annotator(against: list[Path]) -> Annotate:
    """``extract``/``review --against``: the step that sets each record's ``checked``, its
    models loaded now (once per run), so that a bad index or a missing extra stops the run
    before anything is read."""
    library()
    from claimkit.match.checked import Checked

    matcher = load_matcher(against)
    matcher.load()
    return Checked(matcher).annotate


def index_cmd(factchecks: FactChecksArgument, output: IndexOutputOption) -> None:
    """Build a fact-check index once (.ckx), for match and for extract/review --against."""
    check_directory(output)
    started = time.perf_counter()
    try:
        lib = library()
        from claimkit.match import index as ckx

        index = lib.open_collection(factchecks)
        ckx.write(index, output)
    except ClaimkitError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        say("claimkit: interrupted; no index was written")
        raise typer.Exit(130) from None
    size = output.stat().st_size
    shown = f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"
    say(f"claimkit: wrote {output}: {len(index):,} fact-check(s), {shown}, {time.perf_counter() - started:.1f}s")


def _queries(claims: list[str]) -> list[Query]:
    """Every claim of the inputs, read whole first (a bad line stops the run before any output);
    the records they came from are not kept."""
    from claimkit.match.collection import read_text
    from claimkit.match.queries import query_lines
    from claimkit.match.records import Query

    out: list[Query] = []
    for name in claims:
        text = sys.stdin.read() if name == "-" else read_text(Path(name))
        out += [Query(q.id, q.text) for q in query_lines(text, "<stdin>" if name == "-" else name)]
    if not out:
        raise InputError(f"{', '.join(claims)}: no claim to match")
    return out


def _match_all(matcher: Matcher, queries: list[Query], top: int, writer: MatchWriter) -> int:
    """Match and write in batches; the number of claims with a fact-check of the same claim."""
    found = 0
    for start in range(0, len(queries), BATCH):
        batch = queries[start : start + BATCH]
        matches = matcher.match(batch, top)
        writer.write(batch, matches)
        found += sum(1 for ms in matches if any(m.same_claim for m in ms))
    return found


def match_cmd(
    claims: ClaimsArgument,
    against: AgainstOption = None,
    top: TopOption = 5,
    output: MatchOutputOption = None,
    fmt: MatchFormatOption = MatchFormat.jsonl,
) -> None:
    """Look claims up in fact-checks: per claim the best fact-checks, and whether each checks the same claim."""
    check_directory(output)
    if not against:
        raise typer.BadParameter("give the fact-checks to look in: --against checks.ckx (or fact-check files)", param_hint="--against")
    started = time.perf_counter()
    try:
        library()
        from claimkit.match.output import WRITERS

        queries = _queries(claims)
        matcher = load_matcher(against)
        with open_output(output, sys.stdout) as stream:
            found = _match_all(matcher, queries, top, WRITERS[fmt.value](stream))
    except ClaimkitError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        say("claimkit: interrupted" + ("; no output file was written" if output else ""))
        raise typer.Exit(130) from None
    say(
        f"claimkit: {len(queries):,} claim(s) against {len(matcher.index):,} fact-check(s): {found:,} checked before "
        f"(same_claim), {time.perf_counter() - started:.1f}s"
    )
