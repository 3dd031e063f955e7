"""How many candidates the matcher's cross-encoder reads again, and its weight: scored on the held-out fifth.

    PYTHONPATH=src python scripts/tune_cross_fusion.py [--tops 10,15,20] [--weights 1,1.5,2,3,4] [--cross A,B,...]

The held-out fifth of CheckThat! 2020 train (160 tweets, seed 33) is the one ``train_matcher.py`` and
``train_cross_encoder.py`` keep apart; the logistic re-ranker is fitted on the other four fifths here, and the
cross-encoder(s) scored must have been trained on them too (``train_cross_encoder.py`` without ``--all``), so
nothing scored was seen in training.  Each held-out tweet's best ``max(tops)`` candidates by the regression
are read by each cross-encoder once; every (top, weight) pair then re-orders them as ``Matcher.final_logits``
does (regression logit + weight x cross-encoder logit on the best ``top``, the rest kept below) and MAP@1 /
MAP@5 are printed.  ``--cross`` names the cross-encoders' weight files (default: the shipped one, which is
now the refit on all 800 and so has seen the held-out fifth: give the four-fifths file); with two or more,
every ensemble of two or more of them is scored too, its cross-encoder logit being the mean of its members'.
Dev is not read.
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED
from train_matcher import Pairs, fit, pairs, split

from claimkit.evaluate.matches import Qrels, mean_ap
from claimkit.match import checkthat, cross
from claimkit.match.index import vector_text
from claimkit.match.text import clean

Read = dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def read_held(p: Pairs, held: set[str], files: list[Path], depth: int) -> Read:
    """Per held-out tweet: its candidates in the regression's order, their regression logits and the
    cross-encoders' logits on the best ``depth`` (one row per file)."""
    train_ids = [t.id for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")]
    model = fit(p, split(train_ids)[0], 1.0)
    tweets = {t.id: clean(t.text) for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")}
    checks = [vector_text(c) for c in checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")]
    ordered: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for i, q in enumerate(p.qids):
        if q in held:
            logit = model.logit(p.x[i])
            order = np.argsort(-logit, kind="stable")
            ordered[q] = (p.rows[i][order], logit[order])
    scores: dict[str, list[np.ndarray]] = {q: [] for q in ordered}
    for f in files:
        cross._merged.cache_clear()
        ce = cross.CrossEncoder(f)
        for q, (rows, _) in ordered.items():
            best = rows[:depth]
            scores[q].append(ce.score([tweets[q]] * len(best), [checks[r] for r in best]))
    return {q: (rows, logit, np.vstack(scores[q])) for q, (rows, logit) in ordered.items()}


def ranked(read: Read, ids: list[str], members: tuple[int, ...], top: int, w: float) -> dict[str, list[str]]:
    """Each tweet's fact-check ids re-ordered by regression logit + w x the members' mean cross-encoder logit."""
    out = {}
    for q, (rows, logit, c) in read.items():
        k = min(top, len(rows))
        final = logit[:k] + w * c[list(members), :k].mean(axis=0)
        out[q] = [ids[rows[j]] for j in np.argsort(-final, kind="stable")] + [ids[r] for r in rows[k:]]
    return out


def report(read: Read, ids: list[str], sub: Qrels, names: list[str], tops: list[int], weights: list[float]) -> None:
    print(f"held-out fifth ({len(sub)} tweets); regression alone: MAP@5 "
          f"{mean_ap({q: [ids[r] for r in rows] for q, (rows, _, _) in read.items()}, sub, 5):.3f}")
    groups = [m for n in range(1, len(names) + 1) for m in combinations(range(len(names)), n)]
    for members in groups:
        if len(names) > 1:
            print(f"cross-encoder{'s' if len(members) > 1 else ''}: {' + '.join(names[i] for i in members)}")
        for top in tops:
            for w in weights:
                rk = ranked(read, ids, members, top, w)
                print(f"  top {top:2d} weight {w:4.2f}: MAP@1 {mean_ap(rk, sub, 1):.3f} MAP@5 {mean_ap(rk, sub, 5):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tops", default="10,15,20")
    ap.add_argument("--weights", default="1,1.5,2,3,4")
    ap.add_argument("--cross", default=str(cross.WEIGHTS),
                    help="comma-separated cross-encoder weight files (trained on the four fifths); with two or more, "
                    "their ensembles (mean logit) are scored too")
    args = ap.parse_args()
    tops, weights = [int(x) for x in floats(args.tops)], floats(args.weights)
    files = [Path(f) for f in args.cross.split(",")]
    p, ids, qrels = pairs("minilm", 30, CACHE)
    held = split([t.id for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")])[1]
    read = read_held(p, held, files, max(tops))
    report(read, ids, {q: qrels[q] for q in held}, [f.stem for f in files], tops, weights)


if __name__ == "__main__":
    main()
