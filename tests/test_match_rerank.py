"""The re-ranker's same_claim decision: the regression's probability, and the pair's cosine when asked.

A hand-made re-ranker whose logit reads one feature (the BM25 share), so the two conditions can be moved
apart; and the shipped file, which must load and ask for a cosine.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from extras import require_module

require_module("scipy", "match")

from claimkit.match import rerank
from claimkit.match.features import NAMES

SHARE, COS = NAMES.index("bm25_share"), NAMES.index("cos")


def _model(same_cos: float | None) -> rerank.Reranker:
    coef = [0.0] * len(NAMES)
    coef[SHARE] = 10.0
    return rerank.Reranker(list(NAMES), [0.0] * len(NAMES), [1.0] * len(NAMES), coef, -5.0, 0.5, "minilm", 30, "test",
                           same_cos=same_cos)


def _rows(*pairs: tuple[float, float]) -> np.ndarray:
    x = np.zeros((len(pairs), len(NAMES)), dtype=np.float32)
    for i, (share, cos) in enumerate(pairs):
        x[i, SHARE], x[i, COS] = share, cos
    return x


def test_same_claim_needs_the_probability_and_the_cosine() -> None:
    x = _rows((1.0, 0.7), (1.0, 0.3), (0.0, 0.9))  # sure and close; sure but far; unsure and close
    assert _model(0.425).same_claim(x).tolist() == [True, False, False]
    assert _model(None).same_claim(x).tolist() == [True, True, False]
    assert _model(0.425).same_claim(_rows((1.0, 0.425))).tolist() == [True]  # at the threshold is enough


def test_a_file_without_same_cos_asks_for_no_cosine(tmp_path: Path) -> None:
    data = json.loads(rerank.WEIGHTS.read_text(encoding="utf-8"))
    del data["same_cos"]
    old = tmp_path / "reranker.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    model = rerank.load(old)
    assert model.same_cos is None
    assert model.same_claim(np.zeros((3, len(NAMES)))).shape == (3,)


def test_the_shipped_reranker_asks_for_a_cosine() -> None:
    model = rerank.load()
    assert model.same_cos is not None and 0.0 < model.same_cos < 1.0
    assert rerank.Reranker.from_dict(json.loads(model.to_json())) == model
