"""The same_claim decision with claims nobody checked: scored on the held-out fifth of train.

    PYTHONPATH=src python scripts/tune_same_claim.py

Every CheckThat! tweet has its fact-check in the collection, so a threshold chosen on the tweets alone never
sees the common case of ``extract --against``: a claim that was never checked, whose best candidate still
has rank 1 and the best score of its list.  Here each tweet of the held-out fifth (160, seed 33) is looked
up twice: as it is, and with its own fact-check(s) taken out of the collection (its best candidate is then
a wrong one).  The regression is fitted on the other four fifths (the shipped cross-encoder was trained on
them too).  For each rule the top-5 pairs are counted: precision and recall over the real tweets, and the
share of the "unchecked" ones given any same_claim.  Dev is not read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED, cached, texts
from train_matcher import fit, pairs, split

from claimkit.evaluate.matches import read_qrels
from claimkit.match import checkthat, cross, features
from claimkit.match.index import build, vector_text
from claimkit.match.text import clean, content_words

CROSS_TOP = 10
WEIGHT = 2.0


def looked_up(held: list[str], drop_gold: bool, model, ce) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:  # type: ignore[no-untyped-def]
    """Per held-out tweet, its best 10 by the regression: (regression logit, cross-encoder logit, relevant)."""
    claims = checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")
    tweets = [t for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")]
    qrels = read_qrels(SHARED / "train" / "tweet-vclaim-pairs.qrels")
    t = texts()
    index = build(claims, lambda _x: cached("minilm", "claimtitle", t["claimtitle"], CACHE), "minilm")
    vecs = cached("minilm", "tweet", t["tweet"], CACHE)
    where = {tw.id: i for i, tw in enumerate(tweets)}
    at = [where[q] for q in held]
    qtexts = [clean(tweets[i].text) for i in at]
    s = features.scores(index, [content_words(q) for q in qtexts], vecs[at])
    ids = [c.id for c in claims]
    column = {c: i for i, c in enumerate(ids)}
    checks = [vector_text(c) for c in claims]
    out = []
    for q, tid in enumerate(held):
        gold = [column[c] for c in qrels[tid]]
        if drop_gold:
            for m in s.bm25.values():
                m[q, gold] = -1e6
            s.cos[q, gold] = -10.0
        rows, rb, rc = features.candidates(s, q, 30)
        x = features.pair_features(s, q, rows, rb, rc, qtexts[q], [checks[r] for r in rows])
        logit = model.logit(x)
        best = np.argsort(-logit, kind="stable")[:CROSS_TOP]
        c = ce.score([qtexts[q]] * len(best), [checks[rows[j]] for j in best])
        out.append((logit[best], c, np.array([ids[rows[j]] in qrels[tid] for j in best])))
    return out


def counts(found, rule) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(right yes, wrong yes, queries with any yes) over the top-5 pairs, final order."""
    right = wrong = anyone = 0
    for logit, c, rel in found:
        final = logit + WEIGHT * c
        top = np.argsort(-final, kind="stable")[:5]
        yes = [j for j in top if rule(logit[j], c[j], final[j])]
        right += sum(bool(rel[j]) for j in yes)
        wrong += sum(not rel[j] for j in yes)
        anyone += bool(yes)
    return right, wrong, anyone


def main() -> None:
    p, _ids, _qrels = pairs("minilm", 30, CACHE)
    train_ids = [t.id for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")]
    fit_ids, held_set = split(train_ids)
    held = sorted(held_set, key=int)
    model = fit(p, fit_ids, 1.0)
    ce = cross.CrossEncoder()
    real = looked_up(held, False, model, ce)
    unchecked = looked_up(held, True, model, ce)
    n = len(held)
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    rules = {"regression >= .727 (no cosine floor)": lambda lg, c, f: sig(lg) >= 0.727275}
    for t in (0.5, 0.727275, 0.9):
        for cmin in (-2.0, -1.0, 0.0, 1.0, 2.0, 3.0):
            rules[f"regression >= {t:.3f} and cross >= {cmin:+.0f}"] = lambda lg, c, f, t=t, cmin=cmin: sig(lg) >= t and c >= cmin
    for fmin in (0.0, 2.0, 4.0, 6.0, 8.0):
        rules[f"final logit >= {fmin:.0f}"] = lambda lg, c, f, fmin=fmin: f >= fmin
    print(f"held-out fifth: {n} tweets as they are, and the same {n} with their fact-checks taken out")
    print(f"{'rule':42s} {'prec':>6s} {'recall':>6s} {'unchecked given a yes':>22s} {'F1 (both)':>9s}")
    for name, rule in rules.items():
        right, wrong, _ = counts(real, rule)
        _, wrong_u, any_u = counts(unchecked, rule)
        prec = right / max(right + wrong + wrong_u, 1)
        rec = right / n
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{name:42s} {right / max(right + wrong, 1):6.3f} {rec:6.3f} {any_u / n:22.3f} {f1:9.3f}")


if __name__ == "__main__":
    main()
