"""Union-find over record numbers: the groups are the connected components of the edges.

One int64 array of parents (8 bytes a record) with path halving and union
by the smaller root, so that a component's root is its earliest record
whatever order the edges come in.
"""

from __future__ import annotations

import numpy as np


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = int(parent[x])
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo

    def add(self, a: np.ndarray, b: np.ndarray) -> None:
        for x, y in zip(a.tolist(), b.tolist(), strict=True):
            self.union(x, y)

    def roots(self) -> np.ndarray:
        """Every record's root (its component's earliest record)."""
        parent = self.parent.copy()
        while True:
            up = parent[parent]
            if np.array_equal(up, parent):
                return parent
            parent = up
