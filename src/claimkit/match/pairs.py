"""Is this pair of claims the same claim?  Features of a pair and the trained decision.

A pair is scored only when the cosine of its sentence vectors reaches
``PairModel.floor``; its seven features (``NAMES``) are the cosine, the share
of the two texts' content-word weight (idf) that they share, the Jaccard
overlap of their content words, the idf of the rarest word they share (over
the largest idf possible in the collection, so that it means the same for 200
claims and for a million), the capitalised words and the numbers they share
(at most 3 each), and the ratio of their lengths.  Document frequencies are
counted over the claims being clustered, hashed into ``BUCKETS`` counters
(fixed memory for any vocabulary).

The logistic regression over them is ``pairs_checkthat2020_train.json``,
written by ``scripts/train_cluster.py`` from CheckThat! 2020 train tweets
that share a fact-check; a pair is the same claim when its probability is at
least the file's ``threshold``.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claimkit.errors import ExtractorError
from claimkit.match.text import clean, content_words

NAMES = ["cosine", "idf_overlap", "jaccard", "rarest_shared", "shared_capitals", "shared_numbers", "length_ratio"]
BUCKETS = 1 << 20
WEIGHTS = Path(__file__).with_name("pairs_checkthat2020_train.json")

_CAPITAL = re.compile(r"\b[A-Z][A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_COMMON_CAPITALS = frozenset("the a an i this that we you he she it they my our his her their what why how when who".split())


def bucket(word: str) -> int:
    """The counter a word's document frequency goes to (CRC-32: the same in every process)."""
    return zlib.crc32(word.encode("utf-8")) & (BUCKETS - 1)


@dataclass(frozen=True)
class Tokens:
    """What the features read of one claim."""

    words: frozenset[str]
    capitals: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Tokens:
        cleaned = clean(text) or text
        capitals = {w.lower() for w in _CAPITAL.findall(cleaned)} - _COMMON_CAPITALS
        return cls(frozenset(content_words(cleaned)), frozenset(capitals), frozenset(_NUMBER.findall(cleaned)))


def count_documents(tokens: Iterable[Tokens], counts: np.ndarray) -> int:
    """Add each claim's words once to the hashed ``counts``; the number of claims counted."""
    n = 0
    for t in tokens:
        if t.words:
            np.add.at(counts, np.fromiter((bucket(w) for w in t.words), dtype=np.int64), 1)
        n += 1
    return n


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies from hashed counts over ``n`` claims."""

    counts: np.ndarray
    n: int

    def __call__(self, word: str) -> float:
        return math.log((self.n + 1) / (int(self.counts[bucket(word)]) + 1))

    @property
    def top(self) -> float:
        return math.log(self.n + 1) or 1.0


def word_weights(tokens: Tokens, idf: Idf) -> dict[str, float]:
    """The idf of each of a claim's words (computed once per claim, read by every pair it is in)."""
    return {w: idf(w) for w in tokens.words}


def features(a: Tokens, b: Tokens, cosine: float, idf: Idf,
             weights: tuple[dict[str, float], dict[str, float]] | None = None) -> list[float]:
    """The features of ``NAMES`` for one pair (``weights``: the two claims' ``word_weights``, when known)."""
    shared, union = a.words & b.words, a.words | b.words
    wa, wb = weights or (word_weights(a, idf), word_weights(b, idf))
    total = sum(wa[w] if w in wa else wb[w] for w in union) or 1.0
    return [
        cosine,
        sum(wa[w] for w in shared) / total,
        len(shared) / max(len(union), 1),
        max((wa[w] for w in shared), default=0.0) / idf.top,
        float(min(len(a.capitals & b.capitals), 3)),
        float(min(len(a.numbers & b.numbers), 3)),
        min(len(a.words), len(b.words)) / max(len(a.words), len(b.words), 1),
    ]


@dataclass(frozen=True)
class PairModel:
    names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float  # the same claim when the probability is at least this
    floor: float  # pairs whose cosine is below this are never scored
    encoder: str
    origin: str

    def probability(self, x: Sequence[Sequence[float]]) -> np.ndarray:
        z = (np.asarray(x, dtype=np.float64) - np.array(self.mean)) / np.array(self.scale)
        return np.asarray(1.0 / (1.0 + np.exp(-(z @ np.array(self.coef) + self.intercept))), dtype=np.float64)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairModel:
        return cls(**data)


def load(path: Path = WEIGHTS) -> PairModel:
    try:
        model = PairModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        raise ExtractorError(f"claimkit cluster: cannot read the pair model {path.name} ({exc})") from None
    if model.names != NAMES:
        raise ExtractorError(f"claimkit cluster: {path.name} was trained on other features ({model.names})")
    return model
