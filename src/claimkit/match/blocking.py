"""Blocking: which claims are compared with which, so that a million claims are not a trillion pairs.

The claims' sentence vectors are cut into cells by spherical k-means (an
inverted-file index, as approximate nearest-neighbour libraries build it):
``ceil(n / TARGET)`` centroids learnt on an evenly spread sample of at most
``SAMPLE`` vectors (seed 33: the same cells on every run), and every claim
goes to the cells of its ``PROBES`` nearest centroids, so that two close
claims near a border still meet in one.  Pairs are compared exactly inside a
cell.  Up to ``SINGLE`` claims there is one cell: every pair is compared.
A cell larger than ``MAX_CELL`` is cut again the same way, inside its task.
"""

from __future__ import annotations

import math

import numpy as np

SINGLE = 4096
TARGET = 1024
PROBES = 3
SAMPLE = 32768
MAX_CELL = 8 * TARGET
ROUNDS = 10
SEED = 33


def cell_count(n: int) -> int:
    return 1 if n <= SINGLE else math.ceil(n / TARGET)


def centroids(sample: np.ndarray, k: int, seed: int = SEED) -> np.ndarray:
    """Spherical k-means: ``k`` unit centroids of ``sample`` (rows of unit length)."""
    rng = np.random.default_rng(seed)
    k = min(k, len(sample))
    cents = sample[np.sort(rng.choice(len(sample), size=k, replace=False))].copy()
    for _ in range(ROUNDS):
        nearest = np.argmax(sample @ cents.T, axis=1)
        sums = np.zeros_like(cents)
        np.add.at(sums, nearest, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        filled = norms[:, 0] > 0
        cents[filled] = sums[filled] / norms[filled]
    return cents


def assign(vectors: np.ndarray, cents: np.ndarray, probes: int = PROBES) -> np.ndarray:
    """The cells of each vector: its ``probes`` nearest centroids (rows x probes, int32)."""
    probes = min(probes, len(cents))
    sims = vectors @ cents.T
    best = np.argpartition(-sims, probes - 1, axis=1)[:, :probes] if probes < len(cents) else np.tile(np.arange(len(cents)), (len(vectors), 1))
    return best.astype(np.int32)


def cells(assigned: np.ndarray) -> list[np.ndarray]:
    """Record numbers per cell (each sorted), from the rows x probes assignment; cells of one record are left out."""
    flat = assigned.ravel()
    records = np.repeat(np.arange(len(assigned), dtype=np.int64), assigned.shape[1])
    order = np.lexsort((records, flat))
    flat, records = flat[order], records[order]
    bounds = np.flatnonzero(np.diff(flat)) + 1
    return [np.unique(c) for c in np.split(records, bounds) if len(np.unique(c)) > 1]


def subcells(vectors: np.ndarray) -> list[np.ndarray]:
    """A cell too large to compare whole, cut again (row numbers within the cell)."""
    k = cell_count(len(vectors)) if len(vectors) > SINGLE else math.ceil(len(vectors) / TARGET)
    cents = centroids(vectors[:: max(1, len(vectors) // SAMPLE)], k)
    return cells(assign(vectors, cents, 2))
