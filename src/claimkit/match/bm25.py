"""Okapi BM25 over a fixed collection, as one sparse matrix.

Every (document, term) weight ``idf(t) * tf (k1 + 1) / (tf + k1 (1 - b + b |d| / avgdl))``
is computed once when the collection is built; a query's scores are then one
sparse product with its term counts.  ``idf`` is Robertson-Sparck Jones'
``log(1 + (N - df + 0.5) / (df + 0.5))`` (never negative).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

K1 = 1.2
B = 0.75


@dataclass
class BM25:
    """``terms`` maps a word to its column; ``weights`` is documents x terms."""

    terms: dict[str, int]
    weights: sparse.csr_matrix

    @classmethod
    def build(cls, docs: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> BM25:
        terms: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[float] = []
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
        for row, doc in enumerate(docs):
            for term, count in Counter(doc).items():
                rows.append(row)
                cols.append(terms.setdefault(term, len(terms)))
                tfs.append(count)
        r, c, tf = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(tfs)
        df = np.bincount(c, minlength=len(terms))
        n = max(len(docs), 1)
        idf = np.log1p((n - df + 0.5) / (df + 0.5))
        avgdl = lengths.mean() if len(docs) and lengths.mean() > 0 else 1.0
        norm = k1 * (1 - b + b * lengths[r] / avgdl)
        w = idf[c] * tf * (k1 + 1) / (tf + norm)
        weights = sparse.csr_matrix((w.astype(np.float32), (r, c)), shape=(len(docs), len(terms)))
        return cls(terms, weights)

    def query_matrix(self, queries: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Term counts of each query over this collection's terms (unknown words drop out)."""
        rows, cols, vals = [], [], []
        for row, q in enumerate(queries):
            for term, tf in Counter(t for t in q if t in self.terms).items():
                rows.append(row)
                cols.append(self.terms[term])
                vals.append(tf)
        return sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(len(queries), len(self.terms)))

    def scores(self, queries: Sequence[Sequence[str]]) -> np.ndarray:
        """Queries x documents BM25 scores (dense float32)."""
        return np.asarray((self.query_matrix(queries) @ self.weights.T).toarray(), dtype=np.float32)
