"""Match claims against fact-checks: candidates, features, the trained re-ranker.

``Matcher(index).match(queries, top)`` gives, for each query, its ``top``
fact-checks best first as ``Match`` records: ``score`` is the final score
(the logistic re-ranker's logit plus the weighted cross-encoder logit, as a
probability), ``same_claim`` is the logistic re-ranker's probability at or
above its trained threshold (better calibrated than the sum: on the held-out
fifth F1 .82 against .70) and the pair's cosine at or above ``same_cos``
(``Reranker.same_claim``).
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

    def load(self) -> None:
        """Load the encoder and the cross-encoder now (else each loads on first use)."""
        self.encode([])
        if self.reranker.cross_top:
            self._cross_encoder()

    def _cross_encoder(self) -> Any:
        if self._cross is None:
            from claimkit.match.cross import CrossEncoder

            self._cross = CrossEncoder()
        return self._cross

    def final_logits(self, texts: Sequence[str], rows: Sequence[np.ndarray], logits: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Per query: the regression's logits; with the cross-encoder, the best ``cross_top`` of each read again
        (all the block's pairs in one batched call) and moved by ``cross_weight`` x its logit, the rest kept below."""
        k = self.reranker.cross_top
        if k == 0:
            return list(logits)
        best = [np.argsort(-lg, kind="stable")[: min(k, len(lg))] for lg in logits]
        pairs = [(t, self._texts[r[j]]) for t, r, b in zip(texts, rows, best, strict=True) for j in b]
        again = self._cross_encoder().score([a for a, _ in pairs], [b for _, b in pairs]) if pairs else np.zeros(0)
        out, at = [], 0
        for lg, b in zip(logits, best, strict=True):
            mine, at = again[at : at + len(b)], at + len(b)
            final = lg + self.reranker.cross_weight * (float(mine.min()) if len(mine) else 0.0)
            final[b] = lg[b] + self.reranker.cross_weight * mine
            rest = np.setdiff1d(np.arange(len(lg)), b)
            if len(b):
                final[rest] = np.minimum(final[rest], final[b].min() - 1e-3)
            out.append(final)
        return out

    def _block(self, queries: Sequence[Query], texts: Sequence[str], s: features.Scores, top: int) -> list[list[Match]]:
        """The matches of one block of queries (``s`` holds their scores against the whole collection)."""
        rows, logits, same = [], [], []
        for q, text in enumerate(texts):
            r, rb, rc = features.candidates(s, q, self.reranker.depth)
            x = features.pair_features(s, q, r, rb, rc, text, [self._texts[i] for i in r])
            rows.append(r)
            logits.append(self.reranker.logit(x))
            same.append(self.reranker.same_claim(x))
        out = []
        for query, r, final, yes in zip(queries, rows, self.final_logits(texts, rows, logits), same, strict=True):
            prob = 1.0 / (1.0 + np.exp(-final))
            mine = []
            for rank, j in enumerate(np.argsort(-prob, kind="stable")[:top], 1):
                c = self.index.factchecks[r[j]]
                mine.append(Match(query.id, c.id, rank, float(prob[j]), bool(yes[j]), c.claim, c.title, c.url, c.rating, c.date, c.checked_by))
            out.append(mine)
        return out

    def match(self, queries: Sequence[Query], top: int = 5, vectors: np.ndarray | None = None) -> list[list[Match]]:
        """The ``top`` best fact-checks of each query, in the order of ``queries`` (``vectors``: the queries'
        cleaned texts already encoded with the re-ranker's encoder)."""
        if top < 1:
            raise InputError(f"--top must be at least 1 (got {top})")
        texts = [clean(q.text) or q.text for q in queries]
        vectors = self.encode(texts) if vectors is None else vectors
        out: list[list[Match]] = []
        for start in range(0, len(queries), BLOCK):
            stop = min(start + BLOCK, len(queries))
            s = features.scores(self.index, [content_words(t) for t in texts[start:stop]], vectors[start:stop])
            out += self._block(queries[start:stop], texts[start:stop], s, top)
        return out
