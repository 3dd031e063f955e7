"""Round 5 of ``claimkit cluster --against``: pivot scores between two claims' top-5 fact-check lists.

    PYTHONPATH=src python scripts/tune_cluster_pivots.py            # fifth + 5-fold CV (train only)
    PYTHONPATH=src python scripts/tune_cluster_pivots.py --hidden   # ... half of each fold's fact-checks hidden
    PYTHONPATH=src python scripts/tune_cluster_pivots.py --dev RULE:T:V # and dev once, at a rule chosen on train
    PYTHONPATH=src python scripts/tune_cluster_pivots.py --grid [--hidden] [--vetoes V,..] [--rules "RULE:T;..."]
                                                     # veto x pivot rule: fifth, five folds, all 800 at once
    PYTHONPATH=src python scripts/tune_cluster_pivots.py --grid --near none,0.7   # the veto spares close fact-checks
    PYTHONPATH=src python scripts/tune_cluster_pivots.py --whole [--hidden]       # all 800 at once, with veto rows

The veto (V): a pair model edge is dropped when the two tweets' bests differ,
each at probability V or more; V negative: -V, and both bests' cosines at the
same_claim floor (.425) too; nan: no veto.  RULE is a key of ``SCORES``.

Each tweet is read by the matcher's regression fitted without the scored fold
(no cross-encoder: every cross-encoder there is has seen train tweets), its
best 5 fact-checks kept with the regression's probability of each.  A pair of
tweets gets pivot scores from the two lists: ``shared`` (the sum over the
fact-checks in both lists of the product of the two probabilities: the chance
both are checked by the same one, were the two reads independent), ``minmax``
(the largest, over the shared fact-checks, of the smaller of the two
probabilities), ``top1`` (both bests the same: the smaller of the two
probabilities, else 0).  Each is thresholded and joined with the pair model's
edges (a union, as ``--against`` joins today); the folds are cut as in
``tune_cluster.py`` (whole fact-check groups, seed 33, the first is the
fifth).  Dev (``--dev``): the shipped regression fitted on all 800 train
tweets, again without the cross-encoder, so that it reads as the folds do.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cluster import load
from tune_cluster import (
    SHIPPED,
    Case,
    Scored,
    components,
    counts,
    f1,
    fit,
    folds,
    groups_of,
    half_hidden,
    hidden_pairs,
    matcher_pairs,
    split_of,
)

from claimkit.match.edges import candidates
from claimkit.match.pairs import features

TOP = 5


@dataclass(frozen=True)
class Top:
    """One tweet's best ``TOP`` fact-checks by the regression: ids, probabilities, cosines."""

    ids: tuple[str, ...]
    prob: tuple[float, ...]
    cos: tuple[float, ...]


def tops(which: set[str], reranker, pairs=None) -> dict[str, Top]:  # type: ignore[no-untyped-def]
    from claimkit.match.features import NAMES

    p, ids = pairs or matcher_pairs()
    cos = NAMES.index("cos")
    out: dict[str, Top] = {}
    for k, q in enumerate(p.qids):
        if q in which:
            prob = reranker.probability(p.x[k])
            order = np.argsort(-prob, kind="stable")[:TOP]
            out[q] = Top(tuple(ids[p.rows[k][j]] for j in order), tuple(float(prob[j]) for j in order),
                         tuple(float(p.x[k][j, cos]) for j in order))
    return out


def out_of_fold_tops(parts: list[list[str]], pairs=None) -> dict[str, Top]:  # type: ignore[no-untyped-def]
    from train_matcher import fit as fit_matcher

    p, _ = matcher_pairs()
    every = {t for part in parts for t in part}
    out: dict[str, Top] = {}
    for part in parts:
        out.update(tops(set(part), fit_matcher(p, every - set(part), 1.0), pairs))
    return out


def _shared(a: Top, b: Top) -> float:
    pb = dict(zip(b.ids, b.prob, strict=True))
    return sum(p * pb[f] for f, p in zip(a.ids, a.prob, strict=True) if f in pb)


def _minmax(a: Top, b: Top) -> float:
    pb = dict(zip(b.ids, b.prob, strict=True))
    return max((min(p, pb[f]) for f, p in zip(a.ids, a.prob, strict=True) if f in pb), default=0.0)


def _top1(a: Top, b: Top) -> float:
    return min(a.prob[0], b.prob[0]) if a.ids[0] == b.ids[0] else 0.0


def _top1_floor(a: Top, b: Top) -> float:
    return _top1(a, b) if min(a.cos[0], b.cos[0]) >= 0.425 else 0.0


def _minmax_floor(a: Top, b: Top) -> float:
    pb = {f: p for f, p, c in zip(b.ids, b.prob, b.cos, strict=True) if c >= 0.425}
    return max((min(p, pb[f]) for f, p, c in zip(a.ids, a.prob, a.cos, strict=True) if f in pb and c >= 0.425), default=0.0)


def _same_claim(a: Top, b: Top) -> float:
    """1 when both have the shipped pivot (the best of the top 5 at probability .727 and cosine .425) and it is the
    same one."""

    def pivot(x: Top) -> str | None:
        return next((f for f, p, c in zip(x.ids, x.prob, x.cos, strict=True) if p >= 0.727 and c >= 0.425), None)

    return float(pivot(a) is not None and pivot(a) == pivot(b))


SCORES: dict[str, Callable[[Top, Top], float]] = {"same_claim (shipped)": _same_claim, "shared": _shared, "minmax": _minmax, "minmax cos .425": _minmax_floor,
                                                  "top1": _top1, "top1 cos .425": _top1_floor}
TS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]


@dataclass
class Fold:
    """One scored split: the pair model's edges at its threshold and every pair's pivot scores."""

    case: Case
    model_edges: tuple[np.ndarray, np.ndarray]
    pivot: dict[str, np.ndarray]  # score name -> per pair of ``pairs``
    pairs: tuple[np.ndarray, np.ndarray]
    top: dict[str, Top] | None = None


def plain_scored(split) -> Scored:  # type: ignore[no-untyped-def]
    i, j, cos = candidates(split.vectors, 0.3)
    x = [features(split.tokens[a], split.tokens[b], float(c), split.idf) for a, b, c in zip(i.tolist(), j.tolist(), cos.tolist(), strict=True)]
    y = [bool(split.qrels[split.ids[a]] & split.qrels[split.ids[b]]) for a, b in zip(i.tolist(), j.tolist(), strict=True)]
    return Scored(split, i, j, np.array(x).reshape(len(x), -1), np.array(y, dtype=bool))


def prepare(case: Case, top: dict[str, Top]) -> Fold:
    train, test = case
    prob = fit(train, list(range(7)))(test.x) if len(test.x) else np.zeros(0)
    keep = prob >= SHIPPED
    piv, pairs = pivot_scores(test.split.ids, top)
    return Fold(case, (test.i[keep], test.j[keep]), piv, pairs, top)


def pivot_scores(ids: tuple[str, ...], top: dict[str, Top]) -> tuple[dict[str, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Every pivot score of each pair of claims whose top lists share a fact-check, and those pairs."""
    a, b = np.triu_indices(len(ids), 1)
    shared_any = np.array([bool(set(top[ids[x]].ids) & set(top[ids[y]].ids)) for x, y in zip(a.tolist(), b.tolist(), strict=True)])
    a, b = a[shared_any], b[shared_any]
    piv = {name: np.array([fn(top[ids[x]], top[ids[y]]) for x, y in zip(a.tolist(), b.tolist(), strict=True)])
           for name, fn in SCORES.items()}
    return piv, (a, b)


VETO_NEAR: list[float | None] = [None]  # the veto spares two bests whose own vectors are this close (None: never)


@functools.lru_cache(maxsize=1)
def check_vectors() -> tuple[dict[str, int], np.ndarray]:
    from match_vectors import CACHE, cached, texts
    from tune_cluster import SHARED

    from claimkit.match import checkthat

    claims = checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")
    return {c.id: k for k, c in enumerate(claims)}, cached("minilm", "claimtitle", texts()["claimtitle"], CACHE)


def check_cosine(a: str, b: str) -> float:
    rows, vecs = check_vectors()
    return float(vecs[rows[a]] @ vecs[rows[b]])


def vetoed(f: Fold, v: float | None) -> tuple[np.ndarray, np.ndarray]:
    """The pair model's edges less those whose two tweets' bests differ, both at probability ``v`` or more (``v``
    negative: -v, and both bests' cosines at least .425 too)."""
    i, j = f.model_edges
    if v is None or f.top is None or not len(i):
        return i, j
    ids = f.case[1].split.ids
    top = f.top
    floor = 0.425 if v < 0 else -9.0
    v = abs(v)
    near = VETO_NEAR[0]
    off = np.array([top[ids[a]].ids[0] != top[ids[b]].ids[0] and min(top[ids[a]].prob[0], top[ids[b]].prob[0]) >= v
                    and min(top[ids[a]].cos[0], top[ids[b]].cos[0]) >= floor
                    and (near is None or check_cosine(top[ids[a]].ids[0], top[ids[b]].ids[0]) < near)
                    for a, b in zip(i.tolist(), j.tolist(), strict=True)], dtype=bool)
    return i[~off], j[~off]


def score(folds_: list[Fold], name: str, t: float, with_model: bool = True, veto: float | None = None) -> tuple[int, int, int]:
    total = (0, 0, 0)
    for f in folds_:
        test = f.case[1]
        on = f.pivot[name] >= t
        mi, mj = vetoed(f, veto) if with_model else (np.zeros(0, int), np.zeros(0, int))
        i = np.concatenate([mi, f.pairs[0][on]]).astype(int)
        j = np.concatenate([mj, f.pairs[1][on]]).astype(int)
        c = counts(test.split, groups_of(test.split, components(len(test.split.ids), i, j)))
        total = tuple(x + y for x, y in zip(total, c, strict=True))  # type: ignore[assignment]
    return total


def fmt(c: tuple[int, int, int]) -> str:
    p, r, f = f1(c)
    return f"{p:.3f}/{r:.3f}/{f:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hidden", action="store_true", help="half of each fold's fact-checks out of the collection")
    ap.add_argument("--dev", help="RULE:T:V, a choice made on train (pivot rule, its threshold, the veto): score dev once")
    args = ap.parse_args()
    four, fifth, dev = load()
    parts = folds(fifth, four)
    every = sorted({t for p in parts for t in p}, key=int)
    fold_splits = [split_of([t for t in every if t in set(p)], fifth) for p in parts]
    rest_splits = [split_of([t for t in every if t not in set(p)], fifth) for p in parts]
    oof = out_of_fold_tops(parts, hidden_pairs(half_hidden(parts)) if args.hidden else None)
    s_four, s_fifth = plain_scored(four), plain_scored(fifth)
    fifth_fold = [prepare(([s_four], s_fifth), oof)]
    cv = [prepare(([plain_scored(r)], plain_scored(f)), oof) for r, f in zip(rest_splits, fold_splits, strict=True)]
    print("hidden: half of each fold's fact-checks out of the collection" if args.hidden else "the whole collection")
    print(f"pair model alone at {SHIPPED}: fifth {fmt(score(fifth_fold, 'shared', 9.0))}  CV {fmt(score(cv, 'shared', 9.0))}")
    for name in SCORES:
        for t in TS:
            print(f"{name:14s} t {t:<5} alone: fifth {fmt(score(fifth_fold, name, t, False))} CV {fmt(score(cv, name, t, False))}"
                  f" | union: fifth {fmt(score(fifth_fold, name, t))} CV {fmt(score(cv, name, t))}")
    ts = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    for label, cols in (("7 + shared + minmax + top1 + conflict", list(range(11))), ("7 + minmax", [*range(7), 8]),
                        ("7 + shared + conflict", [*range(7), 7, 10]), ("7 + minmax + conflict", [*range(7), 8, 10])):
        fl = learned([f.case for f in fifth_fold], oof, cols, ts)
        cl = learned([f.case for f in cv], oof, cols, ts)
        print(f"learned {label}: " + "  ".join(f"t {t}: fifth {fmt(fl[t])} CV {fmt(cl[t])}" for t in ts))
    if args.dev:
        from claimkit.match.rerank import load as load_reranker

        name, t, v = args.dev.rsplit(":", 2)
        dev_fold = prepare(([s_four], plain_scored(dev)), tops(set(dev.ids), load_reranker()))
        print(f"dev, {name} >= {t} ∪ pair model (veto {v}): {fmt(score([dev_fold], name, float(t), True, float(v)))} "
              f"(pair model alone {fmt(score([dev_fold], name, 9.0))}; shipped pivot ∪ pair model "
              f"{fmt(score([dev_fold], 'same_claim (shipped)', 0.5))})")


# --- a learned combination: the pair features and the pivot scores in one regression ------------------------------

def combined_rows(s: Scored, top: dict[str, Top]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of ``s``'s split whose cosine reaches .3 or whose lists share a fact-check: (i, j, x, y), x the
    seven pair features, then shared, minmax, top1 and "both bests confident (>= .5) and different"."""
    split = s.split
    ids = split.ids
    n = len(ids)
    sims = split.vectors @ split.vectors.T
    a, b = np.triu_indices(n, 1)
    share = np.array([bool(set(top[ids[x]].ids) & set(top[ids[y]].ids)) for x, y in zip(a.tolist(), b.tolist(), strict=True)])
    keep = share | (sims[a, b] >= 0.3)
    a, b = a[keep], b[keep]
    x = []
    for p, q in zip(a.tolist(), b.tolist(), strict=True):
        ta, tb = top[ids[p]], top[ids[q]]
        conflict = float(ta.ids[0] != tb.ids[0] and min(ta.prob[0], tb.prob[0]) >= 0.5)
        x.append([*features(split.tokens[p], split.tokens[q], float(sims[p, q]), split.idf), _shared(ta, tb), _minmax(ta, tb), _top1(ta, tb), conflict])
    y = np.array([bool(split.qrels[ids[p]] & split.qrels[ids[q]]) for p, q in zip(a.tolist(), b.tolist(), strict=True)])
    return a, b, np.array(x), y


def learned(cases: list[Case], top: dict[str, Top], cols: list[int], ts: list[float]) -> dict[float, tuple[int, int, int]]:
    from sklearn.linear_model import LogisticRegression

    out = {t: (0, 0, 0) for t in ts}
    for train, test in cases:
        rows = [combined_rows(s, top) for s in train]
        x = np.vstack([r[2][:, cols] for r in rows])
        y = np.concatenate([r[3] for r in rows])
        mean, scale = x.mean(0), x.std(0) + 1e-9
        reg = LogisticRegression(C=1.0, max_iter=5000).fit((x - mean) / scale, y)
        a, b, xt, _ = combined_rows(test, top)
        prob = reg.predict_proba((xt[:, cols] - mean) / scale)[:, 1]
        for t in ts:
            on = prob >= t
            c = counts(test.split, groups_of(test.split, components(len(test.split.ids), a[on], b[on])))
            out[t] = tuple(u + v for u, v in zip(out[t], c, strict=True))  # type: ignore[assignment]
    return out



# --- all 800 train tweets grouped at once: more claims of other fact-checks around each group, as in a real run --------

def whole_train(parts: list[list[str]], top: dict[str, Top], like) -> Fold:  # type: ignore[no-untyped-def]
    """Every train tweet in one run: a pair scored by the pair model fitted on the folds holding neither tweet, the
    pivots out of fold.  Folds are whole fact-check groups, so every same-claim pair lies inside a fold, and each
    group meets the claims of four fifths more than in a fold."""
    every = sorted({t for p in parts for t in p}, key=int)
    whole = plain_scored(split_of(every, like))
    fold_of = {t: k for k, p in enumerate(parts) for t in p}
    ids = whole.split.ids
    fa = np.array([fold_of[ids[x]] for x in whole.i.tolist()])
    fb = np.array([fold_of[ids[x]] for x in whole.j.tolist()])
    prob = np.zeros(len(whole.i))
    for a in range(len(parts)):
        for b in range(a, len(parts)):
            mine = ((fa == a) & (fb == b)) | ((fa == b) & (fb == a))
            rest = plain_scored(split_of([t for t in every if fold_of[t] not in (a, b)], like))
            prob[mine] = fit([rest], list(range(7)))(whole.x[mine])
    keep = prob >= SHIPPED
    piv, pairs = pivot_scores(ids, top)
    return Fold(([], whole), (whole.i[keep], whole.j[keep]), piv, pairs, top)


def main_whole(hidden: bool) -> None:
    four, fifth, _ = load()
    parts = folds(fifth, four)
    oof = out_of_fold_tops(parts, hidden_pairs(half_hidden(parts)) if hidden else None)
    whole = [whole_train(parts, oof, fifth)]
    print(f"all 800 train tweets at once{' (half of each fold hidden)' if hidden else ''}: pair model alone "
          f"{fmt(score(whole, 'shared', 9.0))}")
    for name in SCORES:
        print(f"{name:16s} " + "  ".join(f"t {t}: {fmt(score(whole, name, t))}" for t in TS))
        print(f"{name + ' alone':16s} " + "  ".join(f"t {t}: {fmt(score(whole, name, t, False))}" for t in TS))
    w = whole[0]
    ids = w.case[1].split.ids
    for v in (0.3, 0.5, 0.7, 0.9):
        i, j = w.model_edges
        conflict = np.array([oof[ids[a]].ids[0] != oof[ids[b]].ids[0] and min(oof[ids[a]].prob[0], oof[ids[b]].prob[0]) >= v
                             for a, b in zip(i.tolist(), j.tolist(), strict=True)], dtype=bool)
        vetoed = [Fold(w.case, (i[~conflict], j[~conflict]), w.pivot, w.pairs)]
        print(f"veto: a pair model edge dropped when both bests differ at >= {v} ({int(conflict.sum())} of {len(i)}): "
              f"alone {fmt(score(vetoed, 'shared', 9.0))}; "
              + "  ".join(f"∪ minmax cos .425 >= {t}: {fmt(score(vetoed, 'minmax cos .425', t))}" for t in (0.1, 0.2, 0.3, 0.5)))


def main_grid(hidden: bool) -> None:
    """Veto x pivot rule on the fifth, the five folds and all 800 at once."""
    four, fifth, _ = load()
    parts = folds(fifth, four)
    every = sorted({t for p in parts for t in p}, key=int)
    oof = out_of_fold_tops(parts, hidden_pairs(half_hidden(parts)) if hidden else None)
    fifth_fold = [prepare(([plain_scored(four)], plain_scored(fifth)), oof)]
    cv = [prepare(([plain_scored(split_of([t for t in every if t not in set(p)], fifth))],
                   plain_scored(split_of([t for t in every if t in set(p)], fifth))), oof) for p in parts]
    whole = [whole_train(parts, oof, fifth)]
    print("grid" + (" (half of each fold's fact-checks hidden)" if hidden else "") + ": P/R/F1 fifth | CV | all 800")
    rules = [("same_claim (shipped)", 0.5), *((r, t) for r in ("minmax cos .425", "top1 cos .425", "minmax", "top1")
                                               for t in (0.15, 0.2, 0.3, 0.5))]
    vetoes = [float(x) for x in sys.argv[sys.argv.index("--vetoes") + 1].split(",")] if "--vetoes" in sys.argv else [None, 0.3, 0.5, 0.7, 0.9]
    if "--rules" in sys.argv:
        rules = [(r.rsplit(":", 1)[0], float(r.rsplit(":", 1)[1])) for r in sys.argv[sys.argv.index("--rules") + 1].split(";")]
    nears = [None if x == "none" else float(x) for x in sys.argv[sys.argv.index("--near") + 1].split(",")] if "--near" in sys.argv else [None]
    for near in nears:
        VETO_NEAR[0] = near
        for v in vetoes:
            for name, t in rules:
                cells = [fmt(score(x, name, t, True, v)) for x in (fifth_fold, cv, whole)]
                print(f"veto {v!s:5s} near {near!s:5s} {name:22s} {t:<5} " + " | ".join(cells))


if __name__ == "__main__":
    if "--grid" in sys.argv:
        main_grid("--hidden" in sys.argv)
    elif "--whole" in sys.argv:
        main_whole("--hidden" in sys.argv)
    else:
        main()
