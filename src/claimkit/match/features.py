"""Candidates for each query, and what the re-ranker knows of each (query, fact-check) pair.

Candidates are the union of the ``depth`` best fact-checks by BM25 (over
claim and title) and by the encoder's cosine, ordered by reciprocal-rank
fusion (``1/(60 + rank)`` summed over the two lists).  Each pair is then
described by the numbers of ``NAMES``: the BM25 scores of the whole, the claim
and the title, each also as a share of the query's best; the cosine and its
distance to the query's best; both ranks (as ``1/rank``) and the fused score;
how many of the fact-check's content words, numbers and capitalised words
the query has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from claimkit.match.index import FactCheckIndex
from claimkit.match.text import content_words

RRF_K = 60
NAMES = (
    "bm25", "bm25_share", "bm25_claim", "bm25_claim_share", "bm25_title", "bm25_title_share",
    "cos", "cos_gap", "bm25_rr", "cos_rr", "rrf",
    "words_of_check", "words_of_query", "numbers_of_check", "numbers_missing", "names_of_check",
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][\w'’-]+")


@dataclass
class Scores:
    """Queries x fact-checks: BM25 of each field, and cosine."""

    bm25: dict[str, np.ndarray]
    cos: np.ndarray


def scores(index: FactCheckIndex, query_words: Sequence[list[str]], query_vectors: np.ndarray) -> Scores:
    bm25 = {f: index.bm25[f].scores(query_words) for f in index.bm25}
    cos = np.asarray(query_vectors, dtype=np.float32) @ index.dense().T
    return Scores(bm25, cos)


def _ranks(row: np.ndarray) -> np.ndarray:
    """1-based rank of every column of ``row`` (best = 1)."""
    order = np.argsort(-row, kind="stable")
    ranks = np.empty(len(row), dtype=np.int64)
    ranks[order] = np.arange(1, len(row) + 1)
    return ranks


def candidates(s: Scores, q: int, depth: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fact-check rows, BM25 ranks, cosine ranks) of query ``q``'s candidates, best fused first."""
    b, c = s.bm25["all"][q], s.cos[q]
    k = min(depth, len(b))
    pool = np.union1d(np.argpartition(-b, k - 1)[:k], np.argpartition(-c, k - 1)[:k])
    rb, rc = _ranks(b)[pool], _ranks(c)[pool]
    fused = 1 / (RRF_K + rb) + 1 / (RRF_K + rc)
    order = np.argsort(-fused, kind="stable")
    return pool[order], rb[order], rc[order]


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(whole) if whole else 0.0


def overlap(query: str, check: str) -> list[float]:
    """Shares of the check's content words, the query's, the check's numbers, numbers of the check the
    query lacks (a count), the check's capitalised words."""
    qw, cw = set(content_words(query)), set(content_words(check))
    qn, cn = set(_NUMBER.findall(query)), set(_NUMBER.findall(check))
    qc, cc = {w.lower() for w in _NAME.findall(query)}, {w.lower() for w in _NAME.findall(check)}
    return [_share(qw, cw), _share(cw, qw), _share(qn, cn), float(len(cn - qn)), _share(qc, cc)]


def pair_features(s: Scores, q: int, rows: np.ndarray, rb: np.ndarray, rc: np.ndarray, query: str, checks: Sequence[str]) -> np.ndarray:
    """One row of ``NAMES`` per candidate."""
    out = np.zeros((len(rows), len(NAMES)), dtype=np.float32)
    best = {f: max(float(m[q].max()), 1e-6) for f, m in s.bm25.items()}
    top_cos = float(s.cos[q].max())
    for i, (row, b_rank, c_rank, text) in enumerate(zip(rows, rb, rc, checks, strict=True)):
        b, bc, bt = (float(s.bm25[f][q, row]) for f in ("all", "claim", "title"))
        cos = float(s.cos[q, row])
        out[i] = [
            b, b / best["all"], bc, bc / best["claim"], bt, bt / best["title"],
            cos, top_cos - cos, 1 / b_rank, 1 / c_rank, 1 / (RRF_K + b_rank) + 1 / (RRF_K + c_rank),
            *overlap(query, text),
        ]
    return out
