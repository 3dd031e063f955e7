"""Certainty and polarity agree with MEANTIME's gold on reported content.

The scorer lives in benchmarks/eval_meantime.py (which prints the figures);
here it runs on the corpus and must stay above floors set a little below what
it measured (recall .80, certainty .79, polarity .97 on 2026-11-25).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_meantime", ROOT / "benchmarks" / "eval_meantime.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_meantime_certainty_and_polarity(shared_dir: Path) -> None:
    tally = _scorer().score(shared_dir / "eval" / "meantime-en" / "derived_slink_attributions.jsonl")
    scores = tally.as_dict()
    print(scores)
    assert scores["slinks"] == 120
    assert scores["attribution_recall"] >= 0.72
    assert scores["certainty_accuracy"] >= 0.70
    assert scores["polarity_accuracy"] >= 0.90
