"""``claimkit eval``: scores of records against gold (``claimkit.evaluate``)
or of reviewers' verdicts (``claimkit.review``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimkit.cli.common import fail
from claimkit.errors import ClaimkitError, InputError
from claimkit.evaluate import Scores, against_gold
from claimkit.evaluate.matches import evaluate_matches
from claimkit.review import verdict_report

GoldOption = Annotated[
    Optional[Path],
    typer.Option(
        "--gold",
        help="PolNeAR split directory (text/ and attributions/), MEANTIME directory (intra-doc_annotation/), "
        "or a fields gold set (gold.jsonl beside the articles, e.g. tests/data/gold22).",
    ),
]
PredOption = Annotated[Optional[Path], typer.Option("--pred", help="claimkit JSONL records for the same articles.")]
VerdictsOption = Annotated[Optional[Path], typer.Option("--verdicts", help="Reviewers' verdicts (JSONL downloaded from the review page): precision by source kind and mode, missed claims.")]
RecordsOption = Annotated[Optional[Path], typer.Option("--records", help="With --verdicts: the records reviewed (their mode and source kind are used, and every verdict must be about one).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")]
MatchesOption = Annotated[Optional[Path], typer.Option("--matches", help="Matches from claimkit match (JSONL), scored against --qrels: MAP@1, MAP@5, MRR, same_claim precision and recall.")]
ClustersOption = Annotated[Optional[Path], typer.Option("--clusters", help="Groups written by claimkit cluster (JSONL): pairwise precision, recall and F1 against --qrels.")]
QrelsOption = Annotated[Optional[Path], typer.Option("--qrels", help="TREC qrels (query_id 0 factcheck_id relevance), e.g. CheckThat! 2020's: with --matches the right fact-checks; with --clusters, claims that share a fact-check make the same claim.")]


def eval_cmd(
    gold: GoldOption = None,
    pred: PredOption = None,
    verdicts: VerdictsOption = None,
    records: RecordsOption = None,
    as_json: JsonOption = False,
    matches: MatchesOption = None,
    clusters: ClustersOption = None,
    qrels: QrelsOption = None,
) -> None:
    """Score records against gold (--gold, --pred): PolNeAR (P/R/F1 of source, cue, content and pairs),
    MEANTIME (certainty of the main event, dates in records) or a fields gold set (every field per claim);
    reviewers' verdicts (--verdicts); fact-check matches (--matches, --qrels) or claim groups (--clusters, --qrels)
    against qrels."""
    if clusters is not None:
        _clusters(clusters, qrels, as_json)
        return
    if matches is not None or qrels is not None:
        _eval_matches(matches, qrels, as_json)
        return
    if verdicts is not None:
        try:
            report = verdict_report(verdicts, records)
        except ClaimkitError as exc:
            raise fail(exc) from None
        _show(report, as_json)
        return
    if gold is None or pred is None:
        raise typer.BadParameter("give --gold and --pred, --verdicts, or --matches and --qrels")
    for p in (gold, pred):
        if not p.exists():
            raise fail(InputError(f"{p}: no such file or directory"))
    if not gold.is_dir():
        raise fail(InputError(f"{gold}: --gold takes a directory (a PolNeAR split, MEANTIME or a fields gold set)"))
    try:
        scores = against_gold(gold, pred)
    except ClaimkitError as exc:
        raise fail(exc) from None
    except (OSError, ValueError, KeyError) as exc:
        raise fail(InputError(f"cannot evaluate: {exc}")) from None
    _show(scores, as_json)


def _eval_matches(matches: Path | None, qrels: Path | None, as_json: bool) -> None:
    """``eval --matches M --qrels Q``: the ranking measures and the same_claim decision."""
    if matches is None or qrels is None:
        raise typer.BadParameter("--matches and --qrels go together")
    try:
        scores = evaluate_matches(matches, qrels)
    except ClaimkitError as exc:
        raise fail(exc) from None
    typer.echo(json.dumps(asdict(scores), indent=2) if as_json else "\n".join(scores.lines()))


def _show(scores: Scores, as_json: bool) -> None:
    typer.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.format_table())


def _clusters(clusters: Path, qrels: Path | None, as_json: bool) -> None:
    """``--clusters C --qrels Q``: pairwise precision, recall and F1 of the groups."""
    from claimkit.evaluate.clusters import evaluate_clusters

    if qrels is None:
        raise typer.BadParameter("--clusters needs --qrels", param_hint="--qrels")
    try:
        scores = evaluate_clusters(clusters, qrels)
    except ClaimkitError as exc:
        raise fail(exc) from None
    typer.echo(json.dumps(scores.to_dict(), indent=2) if as_json else "\n".join(scores.lines()))
