"""The pairs of one block of claims that are the same claim.

Cosines are computed a slice of rows at a time (at most ``CELLS`` cosines in
memory), pairs at or above the model's floor get their features, and those
whose probability reaches the threshold are the block's edges, as local row
numbers ``i < j``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from claimkit.match.pairs import Idf, PairModel, Tokens, features

CELLS = 1 << 22  # cosines held at once


def candidates(vectors: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair ``i < j`` whose cosine is at least ``floor``: rows, columns, cosines."""
    n = len(vectors)
    step = max(1, CELLS // max(n, 1))
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    x = vectors.astype(np.float32, copy=False)
    for start in range(0, n, step):
        sims = x[start : start + step] @ x.T
        i, j = np.nonzero(sims >= floor)
        keep = j > i + start
        found.append((i[keep] + start, j[keep], sims[i[keep], j[keep]]))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def probabilities(vectors: np.ndarray, tokens: Sequence[Tokens], idf: Idf, model: PairModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scored pairs of a block: rows, columns, probabilities of being the same claim."""
    i, j, cos = candidates(vectors, model.floor)
    if not len(i):
        return i, j, np.zeros(0)
    x = [features(tokens[a], tokens[b], float(c), idf) for a, b, c in zip(i.tolist(), j.tolist(), cos.tolist(), strict=True)]
    return i, j, model.probability(x)


def block_edges(vectors: np.ndarray, tokens: Sequence[Tokens], idf: Idf, model: PairModel) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of the block that are the same claim (local rows ``i < j``)."""
    i, j, p = probabilities(vectors, tokens, idf, model)
    keep = p >= model.threshold
    return i[keep], j[keep]
