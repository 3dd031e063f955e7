"""The pairs of one block of claims that are the same claim.

Cosines are computed a slice of rows at a time (at most ``CELLS`` cosines in
memory), pairs at or above the model's floor get their features (at most
``PAIRS`` pairs at once), and those whose probability reaches the threshold
are the block's edges, as local row numbers ``i < j``.

Two kinds of pair are never edges, whatever the model says (``allowed``): a
fragment (fewer than ``MIN_WORDS`` content words, or a name alone) with anything, and two
records of one article whose cosine is below ``SAME_DOCUMENT``.  The model
was trained on tweets, each its own document; inside one article the
extractor has already told the claims apart, and sentences of one story share
names and words enough for the model to join different claims of it (and
chain them into one group).  A claim repeated in its article (the lead and a
later paragraph, "It is reported that X" and X) is nearly the same words.

A third kind is kept apart after scoring: two claims of two different
articles that share less than ``ARTICLES_OVERLAP`` of their words' idf
weight.  The model, trained on tweets, trusts one shared rare word (the name
of a person, a city) and a close vector; in news the claims of one story
share exactly that ("Sgrena was kidnapped", "Sgrena was freed"), and read on
Wikinews most such groups were a topic, not a claim.  Claims without a
document (tweets, plain lines) are left to the model: on CheckThat! the same
claim tweeted twice often shares less than that.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from claimkit.match.pairs import Idf, PairModel, Tokens, features, word_weights

CELLS = 1 << 22  # cosines held at once
PAIRS = 1 << 16  # candidate pairs whose features are held at once
MIN_WORDS = 3  # a fragment ("The attack.", "Musharraf.") says too little to be the same claim as anything
SAME_DOCUMENT = 0.85  # two records of one article are one claim only when nearly the same words (a nested attribution)
ARTICLES_OVERLAP = 0.2  # claims of two articles must share this much of their word weight (docs/clusters.md)


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


def _features(i: np.ndarray, j: np.ndarray, cos: np.ndarray, tokens: Sequence[Tokens], weights: list[dict[str, float]],
              idf: Idf) -> np.ndarray:
    x = [features(tokens[a], tokens[b], float(c), idf, (weights[a], weights[b]))
         for a, b, c in zip(i.tolist(), j.tolist(), cos.tolist(), strict=True)]
    return np.array(x, dtype=np.float64).reshape(len(x), -1)


def _score(i: np.ndarray, j: np.ndarray, cos: np.ndarray, tokens: Sequence[Tokens], weights: list[dict[str, float]],
           idf: Idf, model: PairModel) -> np.ndarray:
    return model.probability(_features(i, j, cos, tokens, weights, idf)) if len(i) else np.zeros(0)


def probabilities(vectors: np.ndarray, tokens: Sequence[Tokens], idf: Idf, model: PairModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scored pairs of a block: rows, columns, probabilities of being the same claim (all held: training, small sets)."""
    i, j, cos = candidates(vectors, model.floor)
    return i, j, _score(i, j, cos, tokens, [word_weights(t, idf) for t in tokens], idf, model)


def fragment(tokens: Tokens) -> bool:
    """Too little to be a claim: fewer than ``MIN_WORDS`` content words, or a name alone ("President Pervez Musharraf.")."""
    return len(tokens.words) < MIN_WORDS or tokens.words <= tokens.capitals


def allowed(i: np.ndarray, j: np.ndarray, cos: np.ndarray, tokens: Sequence[Tokens], docs: Sequence[str | None] | None) -> np.ndarray:
    """Pairs that may be an edge at all: neither claim a ``fragment``, and two records of one article only when
    nearly the same words (cosine at least ``SAME_DOCUMENT``)."""
    short = np.array([fragment(t) for t in tokens], dtype=bool)
    ok = ~(short[i] | short[j])
    if docs is not None:
        doc = np.array([d if d is not None else f"\x00{k}" for k, d in enumerate(docs)], dtype=object)
        ok &= (doc[i] != doc[j]) | (cos >= SAME_DOCUMENT)
    return ok


def block_edges(vectors: np.ndarray, tokens: Sequence[Tokens], idf: Idf, model: PairModel,
                docs: Sequence[str | None] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of the block that are the same claim (local rows ``i < j``), scored ``PAIRS`` at a time;
    ``docs``: each claim's document (None: a document of its own)."""
    weights = [word_weights(t, idf) for t in tokens]
    found: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0, dtype=np.int64),) * 2]
    article = np.array([d is not None for d in docs] if docs is not None else [False] * len(tokens), dtype=bool)
    for i, j, cos in _slices(vectors, model.floor):
        ok = allowed(i, j, cos, tokens, docs)
        i, j, cos = i[ok], j[ok], cos[ok]
        for at in range(0, len(i), PAIRS):
            a, b = i[at : at + PAIRS], j[at : at + PAIRS]
            if not len(a):
                continue
            x = _features(a, b, cos[at : at + PAIRS], tokens, weights, idf)
            keep = model.probability(x) >= model.threshold
            keep &= ~(article[a] & article[b]) | (x[:, 1] >= ARTICLES_OVERLAP)
            found.append((a[keep], b[keep]))
    return np.concatenate([a for a, _ in found]), np.concatenate([b for _, b in found])
