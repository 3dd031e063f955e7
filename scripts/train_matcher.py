"""Train and choose the fact-check matcher's re-ranker on CheckThat! 2020 train.

    PYTHONPATH=src python scripts/train_matcher.py --encoder mpnet            # choices: held-out fifth only
    PYTHONPATH=src python scripts/train_matcher.py --encoder mpnet --final    # writes the weights
    PYTHONPATH=src python scripts/train_matcher.py --encoder mpnet --final --dev   # and scores dev (once per final choice)

Every choice is made on a fifth of the 800 train tweets held apart (seed 33):
the re-ranker is fitted on the other four fifths and scored there.  With
``--final`` it is refitted on all 800 with the chosen settings, the
``same_claim`` threshold is the one that gave the best F1 on the held-out
fifth, the weights go to ``src/claimkit/match/reranker_checkthat2020_train.json``
and dev is scored once.  Vectors come from ``scripts/match_vectors.py``'s
cache (``--cache``), computed there on first use.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED, cached, texts

from claimkit.evaluate.matches import Qrels, mean_ap, read_qrels
from claimkit.match import checkthat, features
from claimkit.match.index import build
from claimkit.match.rerank import WEIGHTS, Reranker
from claimkit.match.text import clean, content_words

SEED = 33


@dataclass
class Pairs:
    """The candidates of each query with their features and labels."""

    qids: list[str]
    rows: list[np.ndarray]
    x: list[np.ndarray]
    y: list[np.ndarray]


def split(train_ids: list[str]) -> tuple[set[str], set[str]]:
    order = sorted(train_ids, key=int)
    random.Random(SEED).shuffle(order)
    held = set(order[: len(order) // 5])
    return set(order) - held, held


def pairs(encoder: str, depth: int, cache: Path) -> tuple[Pairs, list[str], Qrels]:
    claims = checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")
    tweets = [t for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")]
    qrels = {**read_qrels(SHARED / "train" / "tweet-vclaim-pairs.qrels"), **read_qrels(SHARED / "dev" / "tweet-vclaim-pairs.qrels")}
    t = texts()
    vecs = cached(encoder, "claimtitle", t["claimtitle"], cache)
    index = build(claims, lambda _texts: vecs, encoder)
    qtexts = [clean(q.text) for q in tweets]
    s = features.scores(index, [content_words(q) for q in qtexts], cached(encoder, "tweet", t["tweet"], cache))
    ids = [c.id for c in claims]
    check_text = [f"{c.claim} {c.title or ''}" for c in claims]
    out = Pairs([], [], [], [])
    for q, tweet in enumerate(tweets):
        rows, rb, rc = features.candidates(s, q, depth)
        out.qids.append(tweet.id)
        out.rows.append(rows)
        out.x.append(features.pair_features(s, q, rows, rb, rc, qtexts[q], [check_text[r] for r in rows]))
        out.y.append(np.array([ids[r] in qrels.get(tweet.id, ()) for r in rows]))
    return out, ids, qrels


def fit(p: Pairs, which: set[str], c: float) -> Reranker:
    from sklearn.linear_model import LogisticRegression

    keep = [i for i, q in enumerate(p.qids) if q in which]
    x = np.vstack([p.x[i] for i in keep])
    y = np.concatenate([p.y[i] for i in keep])
    mean, scale = x.mean(0), x.std(0) + 1e-6
    lr = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
    return Reranker(list(features.NAMES), mean.tolist(), scale.tolist(), lr.coef_[0].tolist(), float(lr.intercept_[0]),
                    0.5, "", 0, "")


def ranking(p: Pairs, ids: list[str], which: set[str], model: Reranker | None) -> dict[str, list[str]]:
    out = {}
    for i, q in enumerate(p.qids):
        if q not in which:
            continue
        order = np.argsort(-model.probability(p.x[i]), kind="stable") if model else np.arange(len(p.rows[i]))
        out[q] = [ids[p.rows[i][j]] for j in order]
    return out


def best_threshold(p: Pairs, which: set[str], model: Reranker) -> tuple[float, float, float]:
    """The probability threshold of best F1 over the top-5 pairs of ``which``: (threshold, precision, recall)."""
    scored, relevant = [], 0
    for i, q in enumerate(p.qids):
        if q in which:
            prob = model.probability(p.x[i])
            top = np.argsort(-prob)[:5]
            scored += [(float(prob[j]), bool(p.y[i][j])) for j in top]
            relevant += 1
    best = (0.5, 0.0, 0.0, -1.0)
    for t in sorted({s for s, _ in scored}):
        yes = [ok for s, ok in scored if s >= t]
        prec, rec = sum(yes) / len(yes), sum(yes) / relevant
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
        if f1 > best[3]:
            best = (t, prec, rec, f1)
    return best[0], best[1], best[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--encoder", default="mpnet")
    ap.add_argument("--depth", type=int, default=30)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--final", action="store_true", help="refit on all train and write the shipped weights")
    ap.add_argument("--cross-top", type=int, default=0, help="with --final: the cross-encoder reads the best K again "
                    "(chosen with scripts/train_cross_encoder.py; 0: no cross-encoder)")
    ap.add_argument("--cross-weight", type=float, default=0.0, help="with --final: its weight in the final logit")
    ap.add_argument("--same-cos", type=float, default=None, help="with --final: same_claim also needs the pair's cosine "
                    "at least this (chosen with scripts/tune_unchecked.py)")
    ap.add_argument("--dev", action="store_true", help="with --final: score dev (once per final choice)")
    args = ap.parse_args()
    p, ids, qrels = pairs(args.encoder, args.depth, args.cache)
    train_ids = [t.id for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")]
    fit_ids, held = split(train_ids)
    sub = {q: qrels[q] for q in held}
    model = fit(p, fit_ids, args.c)
    recall = np.mean([p.y[i].any() for i, q in enumerate(p.qids) if q in held])
    print(f"held-out fifth ({len(held)} tweets), {args.encoder}, depth {args.depth}: candidate recall {recall:.3f}")
    print(f"  fused (RRF) MAP@5 {mean_ap(ranking(p, ids, held, None), sub, 5):.3f}")
    print(f"  re-ranked   MAP@1 {mean_ap(ranking(p, ids, held, model), sub, 1):.3f} MAP@5 {mean_ap(ranking(p, ids, held, model), sub, 5):.3f}")
    threshold, prec, rec = best_threshold(p, held, model)
    print(f"  same_claim threshold {threshold:.3f}: precision {prec:.3f} recall {rec:.3f}")
    print("  weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(features.NAMES, model.coef, strict=True)))
    if not args.final:
        return
    final = fit(p, set(train_ids), args.c)
    origin = (f"logistic regression (C={args.c}) over claimkit.match.features, fitted on the candidates of the 800 "
              f"CheckThat! 2020 task 2 train tweets (scripts/train_matcher.py); threshold from the held-out fifth (seed {SEED})")
    if args.cross_top:
        origin += (f"; the cross-encoder (scripts/train_cross_encoder.py --all: all 800 train tweets) reads the best {args.cross_top} "
                   f"again, weight {args.cross_weight}, chosen on the held-out fifth")
    if args.same_cos is not None:
        origin += (f"; same_claim also needs a cosine of at least {args.same_cos} (scripts/tune_unchecked.py: the held-out "
                   "fifth and the claims of our own fictional tune articles)")
    final = Reranker(final.names, final.mean, final.scale, final.coef, final.intercept, threshold, args.encoder, args.depth,
                     origin, args.cross_top, args.cross_weight, args.same_cos)
    WEIGHTS.write_text(final.to_json() + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS}")
    if not args.dev:
        return
    dev = {q: r for q, r in qrels.items() if q not in set(train_ids)}
    ranked = ranking(p, ids, set(dev), final)
    print(f"dev ({len(dev)} tweets): MAP@1 {mean_ap(ranked, dev, 1):.3f} MAP@5 {mean_ap(ranked, dev, 5):.3f}")


if __name__ == "__main__":
    main()
