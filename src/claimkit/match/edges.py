"""The pairs of one block of claims that are the same claim.

Cosines are computed a slice of rows at a time (at most ``CELLS`` cosines in
memory), pairs at or above the model's floor get their features (at most
``PAIRS`` pairs at once), and those whose probability reaches the threshold
are the block's edges, as local row numbers ``i < j``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from claimkit.match.pairs import Idf, PairModel, Tokens, features, word_weights

CELLS = 1 << 22  # cosines held at once
PAIRS = 1 << 16  # candidate pairs whose features are held at once


def _slices(vectors: np.ndarray, floor: float) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The pairs ``i < j`` whose cosine is at least ``floor``, a slice of rows at a time: rows, columns, cosines."""
    n = len(vectors)
    step = max(1, CELLS // max(n, 1))
    x = vectors.astype(np.float32, copy=False)
    for start in range(0, n, step):
        sims = x[start : start + step] @ x.T
        i, j = np.nonzero(sims >= floor)
        keep = j > i + start
        yield i[keep] + start, j[keep], sims[i[keep], j[keep]]


def candidates(vectors: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair ``i < j`` whose cosine is at least ``floor``: rows, columns, cosines."""
    found = list(_slices(vectors, floor))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def _score(i: np.ndarray, j: np.ndarray, cos: np.ndarray, tokens: Sequence[Tokens], weights: list[dict[str, float]],
           idf: Idf, model: PairModel) -> np.ndarray:
    if not len(i):
        return np.zeros(0)
    x = [features(tokens[a], tokens[b], float(c), idf, (weights[a], weights[b]))
         for a, b, c in zip(i.tolist(), j.tolist(), cos.tolist(), strict=True)]
    return model.probability(x)


def probabilities(vectors: np.ndarray, tokens: Sequence[Tokens], idf: Idf, model: PairModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scored pairs of a block: rows, columns, probabilities of being the same claim (all held: training, small sets)."""
    i, j, cos = candidates(vectors, model.floor)
    return i, j, _score(i, j, cos, tokens, [word_weights(t, idf) for t in tokens], idf, model)


def block_edges(vectors: np.ndarray, tokens: Sequence[Tokens], idf: Idf, model: PairModel) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of the block that are the same claim (local rows ``i < j``), scored ``PAIRS`` at a time."""
    weights = [word_weights(t, idf) for t in tokens]
    found: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0, dtype=np.int64),) * 2]
    for i, j, cos in _slices(vectors, model.floor):
        for at in range(0, len(i), PAIRS):
            a, b = i[at : at + PAIRS], j[at : at + PAIRS]
            keep = _score(a, b, cos[at : at + PAIRS], tokens, weights, idf, model) >= model.threshold
            found.append((a[keep], b[keep]))
    return np.concatenate([a for a, _ in found]), np.concatenate([b for _, b in found])
