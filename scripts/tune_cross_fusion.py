"""How many candidates the matcher's cross-encoder reads again, and its weight: scored on the held-out fifth.

    PYTHONPATH=src python scripts/tune_cross_fusion.py [--tops 10,15,20] [--weights 1,1.5,2,3,4]

The held-out fifth of CheckThat! 2020 train (160 tweets, seed 33) is the one ``train_matcher.py`` and
``train_cross_encoder.py`` keep apart; the logistic re-ranker is fitted on the other four fifths here and
the shipped cross-encoder was trained on them too, so nothing scored was seen in training.  Each held-out
tweet's best ``max(tops)`` candidates by the regression are read by the cross-encoder once; every
(top, weight) pair then re-orders them as ``Matcher.final_logits`` does (regression logit + weight x
cross-encoder logit on the best ``top``, the rest kept below) and MAP@1 / MAP@5 are printed.  Dev is not
read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED
from train_matcher import fit, pairs, split

from claimkit.evaluate.matches import mean_ap
from claimkit.match import checkthat, cross
from claimkit.match.index import vector_text
from claimkit.match.text import clean


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tops", default="10,15,20")
    ap.add_argument("--weights", default="1,1.5,2,3,4")
    args = ap.parse_args()
    tops, weights = [int(x) for x in floats(args.tops)], floats(args.weights)
    p, ids, qrels = pairs("minilm", 30, CACHE)
    train_ids = [t.id for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")]
    fit_ids, held = split(train_ids)
    model = fit(p, fit_ids, 1.0)
    tweets = {t.id: clean(t.text) for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")}
    checks = [vector_text(c) for c in checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")]
    ce = cross.CrossEncoder()
    sub = {q: qrels[q] for q in held}
    read: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for i, q in enumerate(p.qids):
        if q in held:
            logit = model.logit(p.x[i])
            order = np.argsort(-logit, kind="stable")
            best = order[: max(tops)]
            c = ce.score([tweets[q]] * len(best), [checks[p.rows[i][j]] for j in best])
            read[q] = (p.rows[i][order], logit[order], c)
    print(f"held-out fifth ({len(held)} tweets); regression alone: MAP@5 "
          f"{mean_ap({q: [ids[r] for r in rows] for q, (rows, _, _) in read.items()}, sub, 5):.3f}")
    for top in tops:
        for w in weights:
            ranked = {}
            for q, (rows, logit, c) in read.items():
                k = min(top, len(rows))
                final = logit[:k] + w * c[:k]
                ranked[q] = [ids[rows[j]] for j in np.argsort(-final, kind="stable")] + [ids[r] for r in rows[k:]]
            print(f"  top {top:2d} weight {w:4.2f}: MAP@1 {mean_ap(ranked, sub, 1):.3f} MAP@5 {mean_ap(ranked, sub, 5):.3f}")


if __name__ == "__main__":
    main()
