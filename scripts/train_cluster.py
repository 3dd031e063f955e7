"""Fit the pair model of ``claimkit cluster`` and choose its threshold (CheckThat! 2020 train).

    PYTHONPATH=src python scripts/train_cluster.py            # fit on four fifths, choose on the held-out fifth
    PYTHONPATH=src python scripts/train_cluster.py --write    # ... and write src/claimkit/match/pairs_checkthat2020_train.json
    PYTHONPATH=src python scripts/train_cluster.py --dev      # ... and score dev once

Tweets that share a fact-check are the same claim.  The held-out fifth is a
fifth of the train tweets taken by fact-check (the fact-checks of train in
an order shuffled with seed 33, whole groups taken until 160 tweets), so that
its groups stay whole: a fifth taken tweet by tweet keeps only 7 pairs of
tweets that share a fact-check, too few to choose anything on.  The
regression is fitted on the pairs of the other four fifths whose cosine
reaches the floor (those sharing a fact-check positive), with document
frequencies counted over the tweets being grouped, as ``claimkit cluster``
does; the threshold is the one of best pairwise F1 on the held-out fifth.
Vectors come from scripts/match_vectors.py's cache (MiniLM, cleaned tweets).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED, cached

from claimkit.evaluate.clusters import score_groups
from claimkit.evaluate.matches import read_qrels
from claimkit.match import checkthat
from claimkit.match.edges import probabilities
from claimkit.match.pairs import BUCKETS, NAMES, WEIGHTS, Idf, PairModel, Tokens, count_documents, features
from claimkit.match.text import clean
from claimkit.match.unionfind import UnionFind

SEED = 33
FLOOR = 0.3
THRESHOLDS = [0.02, 0.03, 0.05, 0.07, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]


class Split:
    """Tweets (ids, raw texts, vectors, tokens) of one set, with its qrels."""

    def __init__(self, ids: list[str], text: dict[str, str], vec: dict[str, np.ndarray], qrels: dict[str, set[str]]) -> None:
        self.ids = ids
        self.vectors = np.stack([vec[i] for i in ids])
        self.tokens = [Tokens.of(text[i]) for i in ids]
        counts = np.zeros(BUCKETS, dtype=np.int32)
        self.idf = Idf(counts, count_documents(self.tokens, counts))
        self.qrels = {i: qrels[i] for i in ids}


def load() -> tuple[Split, Split, Split]:
    tweets = {s: checkthat.tweets(SHARED / s / "tweets.queries.tsv") for s in ("train", "dev")}
    every = tweets["train"] + tweets["dev"]
    vecs = cached("minilm", "tweet", [clean(t.text) for t in every], CACHE)
    vec = {t.id: v for t, v in zip(every, vecs, strict=True)}
    text = {t.id: t.text for t in every}
    qrels = {**read_qrels(SHARED / "train" / "tweet-vclaim-pairs.qrels"), **read_qrels(SHARED / "dev" / "tweet-vclaim-pairs.qrels")}
    groups: dict[str, list[str]] = {}
    for t in tweets["train"]:
        groups.setdefault(min(qrels[t.id]), []).append(t.id)
    keys = sorted(groups)
    random.Random(SEED).shuffle(keys)
    held: list[str] = []
    for k in keys:
        if len(held) >= len(tweets["train"]) // 5:
            break
        held += groups[k]
    four = [t.id for t in tweets["train"] if t.id not in set(held)]
    fifth = [t.id for t in tweets["train"] if t.id in set(held)]
    return (Split(four, text, vec, qrels), Split(fifth, text, vec, qrels), Split([t.id for t in tweets["dev"]], text, vec, qrels))


def training_rows(split: Split) -> tuple[np.ndarray, np.ndarray]:
    sims = split.vectors @ split.vectors.T
    i, j = np.nonzero(np.triu(sims >= FLOOR, 1))
    x = [features(split.tokens[a], split.tokens[b], float(sims[a, b]), split.idf) for a, b in zip(i, j, strict=True)]
    y = [bool(split.qrels[split.ids[a]] & split.qrels[split.ids[b]]) for a, b in zip(i, j, strict=True)]
    return np.array(x), np.array(y)


def fit(split: Split) -> PairModel:
    x, y = training_rows(split)
    mean, scale = x.mean(0), x.std(0) + 1e-9
    reg = LogisticRegression(C=1.0, max_iter=5000).fit((x - mean) / scale, y)
    print(f"fitted on {len(y)} pairs ({int(y.sum())} the same claim), cosine >= {FLOOR}")
    return PairModel(NAMES, mean.tolist(), scale.tolist(), reg.coef_[0].tolist(), float(reg.intercept_[0]), 0.5, FLOOR,
                     "minilm", "")


def groups_at(split: Split, scored: tuple[np.ndarray, np.ndarray, np.ndarray], threshold: float) -> list[list[str]]:
    i, j, p = scored
    uf = UnionFind(len(split.ids))
    keep = p >= threshold
    uf.add(i[keep], j[keep])
    roots = uf.roots()
    by: dict[int, list[str]] = {}
    for k, r in enumerate(roots.tolist()):
        by.setdefault(r, []).append(split.ids[k])
    return [g for g in by.values() if len(g) > 1]


def cosine_only(split: Split, threshold: float) -> list[list[str]]:
    sims = split.vectors @ split.vectors.T
    i, j = np.nonzero(np.triu(sims >= threshold, 1))
    return groups_at(split, (i, j, np.ones(len(i))), 0.5)


def sweep(name: str, split: Split, model: PairModel) -> float:
    scored = probabilities(split.vectors, split.tokens, split.idf, model)
    best = (0.0, 0.0)
    for t in THRESHOLDS:
        s = score_groups(groups_at(split, scored, t), split.qrels)
        print(f"  {name} p >= {t:<5} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
        best = max(best, (s.f1, -t))
    for t in (0.5, 0.55, 0.6, 0.65):
        s = score_groups(cosine_only(split, t), split.qrels)
        print(f"  {name} cosine only >= {t}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    return -best[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--dev", action="store_true")
    args = ap.parse_args()
    four, fifth, dev = load()
    print(f"four fifths {len(four.ids)} tweets, held-out fifth {len(fifth.ids)}, dev {len(dev.ids)}")
    model = fit(four)
    threshold = sweep("fifth", fifth, model)
    origin = (f"CheckThat! 2020 task 2 train tweets sharing a fact-check (scripts/train_cluster.py): fitted on four fifths, "
              f"threshold of best pairwise F1 on the fifth held apart by fact-check (seed {SEED})")
    model = PairModel(**{**model.__dict__, "threshold": threshold, "origin": origin})
    print(f"threshold {threshold}: coefficients {dict(zip(NAMES, np.round(model.coef, 2), strict=True))}")
    if args.dev:
        for name, split in (("fifth", fifth), ("dev", dev)):
            scored = probabilities(split.vectors, split.tokens, split.idf, model)
            print(name, " ".join(score_groups(groups_at(split, scored, threshold), split.qrels).lines()))
    if args.write:
        WEIGHTS.write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
