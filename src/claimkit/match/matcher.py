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
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimkit.errors import InputError
from claimkit.match import features, rerank
from claimkit.match.encoder import Encoder, model_id
from claimkit.match.index import FactCheckIndex, vector_text
from claimkit.match.records import Match, Query
from claimkit.match.text import clean, content_words

BLOCK = 64


@dataclass(frozen=True)
class Ranked:
    """One query's best fact-checks, best first: their rows in the collection, the final score (``Match.score``),
    the regression's own probability (without the cross-encoder), ``same_claim`` and the pair's cosine."""

    rows: np.ndarray
    score: np.ndarray
    regression: np.ndarray
    same_claim: np.ndarray
    cosine: np.ndarray


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

    def _block(self, texts: Sequence[str], s: features.Scores, top: int) -> list[Ranked]:
        """The ranked best of one block of queries (``s`` holds their scores against the whole collection)."""
        rows, logits, same, cos = [], [], [], []
        for q, text in enumerate(texts):
            r, rb, rc = features.candidates(s, q, self.reranker.depth)
            x = features.pair_features(s, q, r, rb, rc, text, [self._texts[i] for i in r])
            rows.append(r)
            logits.append(self.reranker.logit(x))
            same.append(self.reranker.same_claim(x))
            cos.append(np.asarray(x, dtype=np.float64)[:, features.NAMES.index("cos")])
        out = []
        for r, lg, final, yes, c in zip(rows, logits, self.final_logits(texts, rows, logits), same, cos, strict=True):
            prob = 1.0 / (1.0 + np.exp(-final))
            b = np.argsort(-prob, kind="stable")[:top]
            out.append(Ranked(np.asarray(r)[b], prob[b], 1.0 / (1.0 + np.exp(-lg[b])), np.asarray(yes)[b], c[b]))
        return out

    def rank(self, queries: Sequence[Query], top: int = 5, vectors: np.ndarray | None = None) -> list[Ranked]:
        """The ``top`` best fact-checks of each query as collection rows with their scores, in the order of
        ``queries`` (``vectors``: the queries' cleaned texts already encoded with the re-ranker's encoder)."""
        if top < 1:
            raise InputError(f"--top must be at least 1 (got {top})")
        texts = [clean(q.text) or q.text for q in queries]
        vectors = self.encode(texts) if vectors is None else vectors
        out: list[Ranked] = []
        for start in range(0, len(queries), BLOCK):
            stop = min(start + BLOCK, len(queries))
            s = features.scores(self.index, [content_words(t) for t in texts[start:stop]], vectors[start:stop])
            out += self._block(texts[start:stop], s, top)
        return out

    def match(self, queries: Sequence[Query], top: int = 5, vectors: np.ndarray | None = None) -> list[list[Match]]:
        """The ``top`` best fact-checks of each query as ``Match`` records, in the order of ``queries``."""
        out = []
        for query, ranked in zip(queries, self.rank(queries, top, vectors), strict=True):
            mine = []
            for k, (row, prob, yes) in enumerate(zip(ranked.rows.tolist(), ranked.score.tolist(), ranked.same_claim.tolist(), strict=True)):
                c = self.index.factchecks[row]
                mine.append(Match(query.id, c.id, k + 1, float(prob), bool(yes), c.claim, c.title, c.url, c.rating, c.date, c.checked_by))
            out.append(mine)
        return out
