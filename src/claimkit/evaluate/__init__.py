"""Score records against gold: PolNeAR attributions (``polnear``), MEANTIME
certainty, polarity and dates (``meantime`` over ``meantime_corpus``), and
every field of a claim on the project's own gold sets (``fields``).
``against_gold`` picks the one a gold directory calls for."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol


class Scores(Protocol):
    """What every evaluation returns."""

    def to_dict(self) -> dict[str, Any]: ...

    def format_table(self) -> str: ...


def against_gold(gold: Path, pred: Path) -> Scores:
    """Score the records of ``pred`` against ``gold``: a fields gold set when it
    holds ``gold.jsonl``, else MEANTIME when it looks like MEANTIME, else
    PolNeAR.  Unreadable or mismatched input raises ``OSError``,
    ``ValueError`` or ``KeyError``."""
    from claimkit.evaluate.fields import evaluate_fields
    from claimkit.evaluate.meantime import evaluate_meantime, is_meantime_dir
    from claimkit.evaluate.polnear import evaluate

    if (gold / "gold.jsonl").is_file():
        return evaluate_fields(gold, pred)
    if is_meantime_dir(gold):
        return evaluate_meantime(gold, pred)
    return evaluate(gold, pred)
