"""The trained re-ranker: a logistic regression over the pair features, and
optionally the cross-encoder (``cross``) reading its best candidates again.

Its weights are a small JSON file shipped beside this module
(``reranker_checkthat2020_train.json``), written by
``scripts/train_matcher.py`` from CheckThat! 2020 train pairs; it records the
feature names, the standardisation, the coefficients, the ``same_claim``
threshold on the probability and the floor on the pair's cosine (``same_cos``), the encoder the features were computed with,
and where it came from.  A file whose feature names differ from
``features.NAMES`` is refused: the two must move together.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claimkit.errors import ExtractorError
from claimkit.match.features import NAMES

WEIGHTS = Path(__file__).with_name("reranker_checkthat2020_train.json")


@dataclass(frozen=True)
class Reranker:
    names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float  # same_claim when the regression's probability is at least this
    encoder: str  # the short name of the encoder the cosine features came from
    depth: int  # candidates taken from each of BM25 and the encoder
    origin: str
    cross_top: int = 0  # with the cross-encoder: how many of the best are read again by it
    cross_weight: float = 0.0  # final logit = the regression's logit + cross_weight x the cross-encoder's
    same_cos: float | None = None  # same_claim also needs the encoder's cosine of the pair at least this (None: not asked)

    def logit(self, features: np.ndarray) -> np.ndarray:
        z = (np.asarray(features, dtype=np.float64) - np.array(self.mean)) / np.array(self.scale)
        return np.asarray(z @ np.array(self.coef), dtype=np.float64) + self.intercept

    def probability(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(features)))

    def same_claim(self, features: np.ndarray) -> np.ndarray:
        """Per candidate: is it the same claim?  The regression's probability at or above ``threshold`` and, when
        asked, the cosine of claim and fact-check (an absolute figure, unlike the rank features) at or above
        ``same_cos``."""
        yes = self.probability(features) >= self.threshold
        if self.same_cos is not None:
            yes &= np.asarray(features, dtype=np.float64)[:, NAMES.index("cos")] >= self.same_cos
        return yes

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reranker:
        return cls(**data)


def load(path: Path = WEIGHTS) -> Reranker:
    try:
        model = Reranker.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        raise ExtractorError(f"{path}: cannot read the re-ranker ({exc.__class__.__name__}): reinstall claimkit") from None
    if list(model.names) != list(NAMES):
        raise ExtractorError(f"{path}: the re-ranker was trained on other features than this claimkit computes: retrain it")
    return model
