"""Match claims against fact-checks: candidates, features, the trained re-ranker.

``Matcher(index).match(queries, top)`` gives, for each query, its ``top``
fact-checks best first as ``Match`` records: ``score`` is the final score
(the logistic re-ranker's logit plus the weighted cross-encoder logit, as a
probability), ``same_claim`` is the logistic re-ranker's probability at or
above its trained threshold (better calibrated than the sum: on the held-out
fifth F1 .82 against .70).
Queries are cleaned (``text.clean``: tweet links, signatures, tags), encoded
in one pass, and scored against the collection in blocks of ``BLOCK`` so that
memory stays bounded (a block is 4 x BLOCK x collection floats).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from claimkit.errors import InputError
from claimkit.match import features, rerank
from claimkit.match.encoder import Encoder, model_id
from claimkit.match.index import FactCheckIndex, vector_text
from claimkit.match.records import Match, Query
from claimkit.match.text import clean, content_words

BLOCK = 64


class Matcher:
    def __init__(self, index: FactCheckIndex, reranker: rerank.Reranker | None = None,
                 encode: Callable[[list[str]], np.ndarray] | None = None) -> None:
        self.index = index
        self.reranker = reranker or rerank.load()
        wanted = model_id(self.reranker.encoder)
        if index.encoder != wanted:
            raise InputError(f"the index holds {index.encoder} vectors; the re-ranker was trained with {wanted}: rebuild the index")
        self._encode = encode
        self._cross: Any = None
        self._texts = [vector_text(c) for c in index.factchecks]

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._encode is None:
            self._encode = Encoder(self.reranker.encoder).encode
        return self._encode(texts)

    def final_logits(self, text: str, rows: np.ndarray, x: np.ndarray) -> np.ndarray:
        """The regression's logits; with the cross-encoder, its best ``cross_top`` read again and
        moved by ``cross_weight`` x the cross-encoder's logit (the rest stay below them)."""
        logit = self.reranker.logit(x)
        k = min(self.reranker.cross_top, len(rows))
        if k == 0:
            return logit
        if self._cross is None:
            from claimkit.match.cross import CrossEncoder

            self._cross = CrossEncoder()
        best = np.argsort(-logit, kind="stable")[:k]
        again = self._cross.score([text] * k, [self._texts[rows[j]] for j in best])
        out = logit + self.reranker.cross_weight * float(again.min())
        out[best] = logit[best] + self.reranker.cross_weight * again
        floor = out[best].min()
        rest = np.setdiff1d(np.arange(len(rows)), best)
        out[rest] = np.minimum(out[rest], floor - 1e-3)
        return out

    def _matches(self, query: Query, s: features.Scores, q: int, text: str, top: int) -> list[Match]:
        rows, rb, rc = features.candidates(s, q, self.reranker.depth)
        x = features.pair_features(s, q, rows, rb, rc, text, [self._texts[r] for r in rows])
        same = self.reranker.probability(x) >= self.reranker.threshold
        prob = 1.0 / (1.0 + np.exp(-self.final_logits(text, rows, x)))
        order = np.argsort(-prob, kind="stable")[:top]
        out = []
        for rank, j in enumerate(order, 1):
            c = self.index.factchecks[rows[j]]
            out.append(Match(query.id, c.id, rank, float(prob[j]), bool(same[j]), c.claim, c.title, c.url, c.rating, c.date, c.checked_by))
        return out

    def match(self, queries: Sequence[Query], top: int = 5) -> list[list[Match]]:
        """The ``top`` best fact-checks of each query, in the order of ``queries``."""
        if top < 1:
            raise InputError(f"--top must be at least 1 (got {top})")
        texts = [clean(q.text) or q.text for q in queries]
        vectors = self.encode(texts)
        out: list[list[Match]] = []
        for start in range(0, len(queries), BLOCK):
            block = range(start, min(start + BLOCK, len(queries)))
            s = features.scores(self.index, [content_words(texts[i]) for i in block], vectors[block.start : block.stop])
            out += [self._matches(queries[i], s, k, texts[i], top) for k, i in enumerate(block)]
        return out
