"""Try pair models, fact-check pivots and transitivity guards for ``claimkit cluster`` (CheckThat! 2020 train).

    PYTHONPATH=src python scripts/tune_cluster.py                       # features and guards: fifth + 5-fold CV
    PYTHONPATH=src python scripts/tune_cluster.py --cross FILE.safetensors   # + the cross-encoder on tweet pairs
    PYTHONPATH=src python scripts/tune_cluster.py --pivot FILE.safetensors   # + the matcher as a pivot
    ... --dev                                                           # and score dev once with the choices

Splits: the held-out fifth of ``train_cluster.py`` (by fact-check, seed 33,
160 tweets, 33 same-claim pairs), the pair model fitted on the other four
fifths; and five folds of all 800 train tweets cut the same way (whole
fact-check groups, the first fold is the fifth), each scored by a model
fitted on the other four, pairwise counts pooled over the folds.  The
cross-encoder (``--cross``) must be one that never saw the fifth
(``train_cross_encoder.py --held cluster``): its figures are given on the
fifth and dev only, since it saw the other folds' tweets.  The pivot
(``--pivot``): each tweet's best ``same_claim`` fact-check by the matcher's
regression fitted on the tweets outside the fold (and that cross-encoder on
the fifth); two tweets with the same one are joined.
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED, cached
from train_cluster import SEED, Split, load

from claimkit.evaluate.clusters import gold_pairs, grouped_pairs
from claimkit.evaluate.matches import read_qrels
from claimkit.match import checkthat
from claimkit.match.edges import candidates
from claimkit.match.pairs import features
from claimkit.match.text import clean
from claimkit.match.unionfind import UnionFind

FLOOR = 0.3
THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
SHIPPED = 0.4  # the pair model's threshold (pairs_checkthat2020_train.json)
CROSS_CACHE = Path("/work/h-cluster33-cache")


@dataclass
class Scored:
    """The candidate pairs of one split with their features and labels."""

    split: Split
    i: np.ndarray
    j: np.ndarray
    x: np.ndarray  # base features, then extra columns
    y: np.ndarray


def mpnet_vectors() -> dict[str, np.ndarray]:
    tweets = [t for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")]
    vecs = cached("mpnet", "tweet", [clean(t.text) for t in tweets], CACHE)
    return {t.id: v for t, v in zip(tweets, vecs, strict=True)}


def scored(split: Split, mpnet: dict[str, np.ndarray], cross: dict[tuple[str, str], float] | None) -> Scored:
    i, j, cos = candidates(split.vectors, FLOOR)
    ids = split.ids
    x = [features(split.tokens[a], split.tokens[b], float(c), split.idf) + [float(mpnet[ids[a]] @ mpnet[ids[b]])]
         + ([cross[(ids[a], ids[b])]] if cross is not None else [])
         for a, b, c in zip(i.tolist(), j.tolist(), cos.tolist(), strict=True)]
    y = [bool(split.qrels[ids[a]] & split.qrels[ids[b]]) for a, b in zip(i.tolist(), j.tolist(), strict=True)]
    return Scored(split, i, j, np.array(x).reshape(len(x), -1), np.array(y, dtype=bool))


def fit(train: list[Scored], cols: list[int]) -> Callable[[np.ndarray], np.ndarray]:
    x = np.vstack([s.x[:, cols] for s in train])
    y = np.concatenate([s.y for s in train])
    mean, scale = x.mean(0), x.std(0) + 1e-9
    reg = LogisticRegression(C=1.0, max_iter=5000).fit((x - mean) / scale, y)
    return lambda z: reg.predict_proba((z[:, cols] - mean) / scale)[:, 1]


def components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    uf = UnionFind(n)
    uf.add(i, j)
    return uf.roots()


def groups_of(split: Split, roots: np.ndarray) -> list[list[str]]:
    by: dict[int, list[str]] = {}
    for k, r in enumerate(roots.tolist()):
        by.setdefault(r, []).append(split.ids[k])
    return [g for g in by.values() if len(g) > 1]


def counts(split: Split, groups: list[list[str]]) -> tuple[int, int, int]:
    """(gold pairs, grouped pairs, right pairs) of a split."""
    gold = gold_pairs(split.qrels)
    found = grouped_pairs(groups, set(split.qrels))
    return len(gold), len(found), len(gold & found)


def f1(c: tuple[int, int, int]) -> tuple[float, float, float]:
    gold, found, right = c
    p, r = right / max(found, 1), right / max(gold, 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def folds(fifth: Split, four: Split) -> list[list[str]]:
    """All train tweets in five folds of whole fact-check groups (the first is the fifth)."""
    every = {**dict.fromkeys(four.ids), **dict.fromkeys(fifth.ids)}
    qrels = {**four.qrels, **fifth.qrels}
    groups: dict[str, list[str]] = {}
    for t in sorted(every, key=int):
        groups.setdefault(min(qrels[t]), []).append(t)
    keys = sorted(groups)
    random.Random(SEED).shuffle(keys)
    out: list[list[str]] = [[]]
    for k in keys:
        if len(out[-1]) >= len(every) // 5 and len(out) < 5:
            out.append([])
        out[-1] += groups[k]
    return out


def split_of(ids: list[str], like: Split) -> Split:
    tweets = [t for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")]
    vecs = cached("minilm", "tweet", [clean(t.text) for t in tweets], CACHE)
    qrels = {**read_qrels(SHARED / "train" / "tweet-vclaim-pairs.qrels"), **read_qrels(SHARED / "dev" / "tweet-vclaim-pairs.qrels")}
    return Split(ids, {t.id: t.text for t in tweets}, {t.id: v for t, v in zip(tweets, vecs, strict=True)}, qrels)


# --- transitivity guards: which of the edges at or above t are joined -------------------------------------------

def plain(s: Scored, p: np.ndarray, t: float) -> np.ndarray:
    keep = p >= t
    return components(len(s.split.ids), s.i[keep], s.j[keep])


def triangle(strong: float) -> Callable[[Scored, np.ndarray, float], np.ndarray]:
    """An edge below ``strong`` is kept only when a third claim is joined to both ends, or it is an isolated pair."""

    def guard(s: Scored, p: np.ndarray, t: float) -> np.ndarray:
        keep = p >= t
        n = len(s.split.ids)
        nb: list[set[int]] = [set() for _ in range(n)]
        for a, b in zip(s.i[keep].tolist(), s.j[keep].tolist(), strict=True):
            nb[a].add(b)
            nb[b].add(a)
        ok = keep.copy()
        for k in np.flatnonzero(keep & (p < strong)).tolist():
            a, b = int(s.i[k]), int(s.j[k])
            ok[k] = bool(nb[a] & nb[b]) or (len(nb[a]) == 1 and len(nb[b]) == 1)
        return components(n, s.i[ok], s.j[ok])

    return guard


def average(link: float) -> Callable[[Scored, np.ndarray, float], np.ndarray]:
    """Edges at or above t, strongest first, join two groups only when the mean probability over all their cross
    pairs (a pair never scored counts 0) reaches ``link``."""

    def guard(s: Scored, p: np.ndarray, t: float) -> np.ndarray:
        n = len(s.split.ids)
        m = np.zeros((n, n))
        m[s.i, s.j] = m[s.j, s.i] = p
        members = {k: [k] for k in range(n)}
        root = list(range(n))
        for k in np.argsort(-p, kind="stable"):
            if p[k] < t:
                break
            ra, rb = root[int(s.i[k])], root[int(s.j[k])]
            if ra == rb or m[np.ix_(members[ra], members[rb])].mean() < link:
                continue
            for x in members[rb]:
                root[x] = ra
            members[ra] += members.pop(rb)
        return np.array(root)

    return guard


def least_cosine(c: float) -> Callable[[Scored, np.ndarray, float], np.ndarray]:
    """An edge also needs a MiniLM cosine of at least ``c``."""

    def guard(s: Scored, p: np.ndarray, t: float) -> np.ndarray:
        return plain(s, np.where(s.x[:, 0] >= c, p, 0.0) if len(p) else p, t)

    return guard


def least_overlap(c: float) -> Callable[[Scored, np.ndarray, float], np.ndarray]:
    """An edge also needs the two texts to share at least ``c`` of their idf weight."""

    def guard(s: Scored, p: np.ndarray, t: float) -> np.ndarray:
        return plain(s, np.where(s.x[:, 1] >= c, p, 0.0) if len(p) else p, t)

    return guard


def edges_average(link: float) -> Callable[[Scored, np.ndarray, float], np.ndarray]:
    """``average`` counting only the edges (pairs at or above t; every other pair counts 0)."""

    def guard(s: Scored, p: np.ndarray, t: float) -> np.ndarray:
        return average(link)(s, np.where(p >= t, p, 0.0), t)

    return guard


GUARDS: dict[str, Callable[[Scored, np.ndarray, float], np.ndarray]] = {
    "none": plain, "triangle .6": triangle(0.6), "triangle .8": triangle(0.8),
    "average .2": average(0.2), "average .3": average(0.3), "average .4": average(0.4),
    "edges average .2": edges_average(0.2), "edges average .3": edges_average(0.3), "edges average .5": edges_average(0.5),
    "overlap .1": least_overlap(0.1), "overlap .15": least_overlap(0.15), "overlap .2": least_overlap(0.2),
    "overlap .25": least_overlap(0.25), "cosine .45": least_cosine(0.45), "cosine .5": least_cosine(0.5), "cosine .55": least_cosine(0.55),
}


def with_pivot(roots: np.ndarray, pivot: list[str | None]) -> np.ndarray:
    """``roots`` with every two claims of the same pivot joined as well."""
    n = len(roots)
    first: dict[str, int] = {}
    a, b = [], []
    for k, v in enumerate(pivot):
        a.append(k)
        b.append(int(roots[k]))
        if v is not None:
            a.append(k)
            b.append(first.setdefault(v, k))
    return components(n, np.array(a), np.array(b))


# --- the matcher as a pivot ---------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def matcher_pairs():  # type: ignore[no-untyped-def]
    from train_matcher import pairs

    p, ids, _ = pairs("minilm", 30, CACHE)
    return p, ids


def pivots(which: set[str], reranker, cross_file: Path | None, top: int = 5) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Each tweet of ``which``: its best ``same_claim`` fact-check among the matcher's ``top`` (None: none)."""
    from claimkit.match.index import vector_text

    p, ids = matcher_pairs()
    ce = None
    if cross_file is not None:
        from claimkit.match import cross

        cross._merged.cache_clear()
        ce = cross.CrossEncoder(cross_file)
        texts = {t.id: clean(t.text) for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")}
        checks = [vector_text(c) for c in checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")]
    out: dict[str, str | None] = {}
    for k, q in enumerate(p.qids):
        if q not in which:
            continue
        lg = reranker.logit(p.x[k])
        same = 1 / (1 + np.exp(-lg)) >= reranker.threshold
        final = lg.copy()
        if ce is not None:
            best = np.argsort(-lg, kind="stable")[:10]
            again = ce.score([texts[q]] * len(best), [checks[p.rows[k][b]] for b in best])
            final = lg + 2.0 * float(again.min())
            final[best] = lg[best] + 2.0 * again
            rest = np.setdiff1d(np.arange(len(lg)), best)
            final[rest] = np.minimum(final[rest], final[best].min() - 1e-3)
        order = np.argsort(-final, kind="stable")[:top]
        out[q] = next((ids[p.rows[k][j]] for j in order if same[j]), None)
    return out


def out_of_fold_pivots(parts: list[list[str]]) -> dict[str, str | None]:
    """Every train tweet's pivot by the matcher's regression fitted on the other folds (no cross-encoder)."""
    from train_matcher import fit

    from claimkit.match.rerank import load as load_reranker

    p, _ = matcher_pairs()
    threshold = load_reranker().threshold
    every = {t for part in parts for t in part}
    out: dict[str, str | None] = {}
    for part in parts:
        model = fit(p, every - set(part), 1.0)
        model = type(model)(**{**model.__dict__, "threshold": threshold})
        out.update(pivots(set(part), model, None))
    return out


# --- scoring -------------------------------------------------------------------------------------------------------

Case = tuple[list[Scored], Scored]  # the splits fitted on, the split scored


def pivot_columns(s: Scored, piv: dict[str, str | None]) -> Scored:
    """``s`` with two columns more: both tweets have a pivot and it is the same; both have one and they differ."""
    a = [piv.get(s.split.ids[k]) for k in s.i.tolist()]
    b = [piv.get(s.split.ids[k]) for k in s.j.tolist()]
    same = [float(x is not None and x == y) for x, y in zip(a, b, strict=True)]
    diff = [float(x is not None and y is not None and x != y) for x, y in zip(a, b, strict=True)]
    return Scored(s.split, s.i, s.j, np.column_stack([s.x, same, diff]) if len(s.x) else s.x, s.y)


def run(cases: list[Case], cols: list[int], guard: Callable[[Scored, np.ndarray, float], np.ndarray],
        piv: dict[str, str | None] | None = None, thresholds: list[float] = THRESHOLDS) -> dict[float, tuple[int, int, int]]:
    """Pooled (gold, grouped, right) pairs over the cases at each threshold."""
    out = {t: (0, 0, 0) for t in thresholds}
    for train, test in cases:
        prob = fit(train, cols)(test.x) if len(test.x) else np.zeros(0)
        for t in thresholds:
            roots = guard(test, prob, t)
            if piv is not None:
                roots = with_pivot(roots, [piv.get(q) for q in test.split.ids])
            c = counts(test.split, groups_of(test.split, roots))
            out[t] = tuple(x + y for x, y in zip(out[t], c, strict=True))  # type: ignore[assignment]
    return out


def pivot_only(cases: list[Case], piv: dict[str, str | None]) -> tuple[int, int, int]:
    total = (0, 0, 0)
    for _, test in cases:
        roots = with_pivot(np.arange(len(test.split.ids)), [piv.get(q) for q in test.split.ids])
        total = tuple(x + y for x, y in zip(total, counts(test.split, groups_of(test.split, roots)), strict=True))  # type: ignore[assignment]
    return total


def show(label: str, table: dict[float, tuple[int, int, int]]) -> float:
    """Print a row per threshold; the threshold of best F1."""
    best = max(table, key=lambda t: (f1(table[t])[2], -t))
    cells = "  ".join(f"{t}:{f1(c)[2]:.3f}" for t, c in table.items())
    p, r, f = f1(table[best])
    at = f" | at {SHIPPED}: P {f1(table[SHIPPED])[0]:.3f} R {f1(table[SHIPPED])[1]:.3f}" if SHIPPED in table else ""
    print(f"{label:44s} best t {best}: P {p:.3f} R {r:.3f} F1 {f:.3f} ({table[best][0]} gold) | {cells}{at}")
    return best


def cross_scores(splits: list[Split], path: Path) -> dict[tuple[str, str], float]:
    """The cross-encoder's logit for every candidate pair of ``splits`` (both orders averaged), cached."""
    from claimkit.match import cross

    cache = CROSS_CACHE / f"pairs-{path.stem}.npz"
    known: dict[tuple[str, str], float] = {}
    if cache.exists():
        z = np.load(cache)
        known = {(str(a), str(b)): float(v) for a, b, v in zip(z["a"], z["b"], z["v"], strict=True)}
    text = {t.id: clean(t.text) or t.text for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")}
    todo = sorted({(s.ids[a], s.ids[b]) for s in splits for a, b in zip(*candidates(s.vectors, FLOOR)[:2], strict=True)} - set(known))
    if todo:
        cross._merged.cache_clear()
        ce = cross.CrossEncoder(path)
        print(f"cross-encoder: {len(todo)} pairs to score", file=sys.stderr)
        for start in range(0, len(todo), 2000):
            chunk = todo[start : start + 2000]
            one = ce.score([text[a] for a, _ in chunk], [text[b] for _, b in chunk])
            two = ce.score([text[b] for _, b in chunk], [text[a] for a, _ in chunk])
            known.update({k: float(v) for k, v in zip(chunk, (one + two) / 2, strict=True)})
            keys = list(known)
            np.savez(cache, a=[a for a, _ in keys], b=[b for _, b in keys], v=[known[k] for k in keys])
            print(f"  {len(known)} scored", file=sys.stderr)
    return known


def pivot_tables(args: argparse.Namespace, parts: list[list[str]], cases: tuple[list[Case], list[Case], list[Case]]) -> None:
    """The pivot alone, its union with the pair model's edges, and the pair model with two pivot columns."""
    from train_matcher import fit as fit_matcher

    from claimkit.match import cross, rerank

    fifth_case, cv, dev_case = cases
    shipped = rerank.load()
    oof = out_of_fold_pivots(parts)
    if args.pivot_cross:
        train = set(oof) - set(parts[0])
        model = fit_matcher(matcher_pairs()[0], train, 1.0)
        model = type(model)(**{**model.__dict__, "threshold": shipped.threshold})
        fifth_piv = pivots(set(parts[0]), model, args.pivot_cross)
    else:
        fifth_piv = {q: oof[q] for q in parts[0]}
    dev_piv = pivots(set(dev_case[0][1].split.ids), shipped, cross.WEIGHTS if args.dev_cross else None)
    for name, case, piv in (("fifth", fifth_case, fifth_piv), ("CV", cv, oof), ("dev", dev_case, dev_piv)):
        p, r, f = f1(pivot_only(case, piv))
        print(f"{name}: pivot alone: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for name, case, piv in (("fifth", fifth_case, fifth_piv), ("CV", cv, oof), ("dev", dev_case, dev_piv)):
        show(f"{name}: 7 features + pivot union", run(case, list(range(7)), plain, piv))
        show(f"{name}: 7 features + pivot union, average .3", run(case, list(range(7)), average(0.3), piv))
        learned = [([pivot_columns(s, oof) for s in train], pivot_columns(test, piv)) for train, test in case]
        show(f"{name}: 7 features + pivot union, triangle .6", run(case, list(range(7)), triangle(0.6), piv))
        width = learned[0][1].x.shape[1]
        show(f"{name}: 7 features + 2 pivot columns", run(learned, [*range(7), width - 2, width - 1], plain))
        show(f"{name}: 7 features + 2 pivot columns + union", run(learned, [*range(7), width - 2, width - 1], plain, piv))


def cross_alone(fifth: Split, dev: Split, path: Path) -> None:
    """Components of the pairs whose cross-encoder probability reaches t: the fifth's sweep, dev at its best t."""
    mpnet = mpnet_vectors()
    cross = cross_scores([fifth, dev], path)
    ts = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.97]
    tables = []
    for s in (scored(fifth, mpnet, cross), scored(dev, mpnet, cross)):
        p = 1 / (1 + np.exp(-s.x[:, 8]))
        tables.append({t: counts(s.split, groups_of(s.split, plain(s, p, t))) for t in ts})
    best = show("fifth: cross-encoder alone (its tweets seen)", tables[0])
    show(f"dev: cross-encoder alone at the fifth's t {best}", {best: tables[1][best]})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cross", type=Path, help="a cross-encoder that never saw the fifth: a pair feature")
    ap.add_argument("--pivot", action="store_true", help="the matcher's best same_claim fact-check as a pivot")
    ap.add_argument("--pivot-cross", type=Path, help="with --pivot: the cross-encoder for the fifth's matcher")
    ap.add_argument("--dev-cross", action="store_true", help="with --pivot: dev's matcher is the shipped one with its "
                    "cross-encoder (else the shipped regression alone)")
    ap.add_argument("--cross-alone", type=Path, help="a cross-encoder's logit alone on the fifth's and dev's pairs "
                    "(a diagnostic: the shipped one has seen most of the fifth's tweets)")
    ap.add_argument("--dev", action="store_true", help="score dev at each configuration's threshold chosen on CV")
    args = ap.parse_args()
    four, fifth, dev = load()
    if args.cross_alone:
        cross_alone(fifth, dev, args.cross_alone)
        return
    parts = folds(fifth, four)
    assert set(parts[0]) == set(fifth.ids), "the first fold must be the fifth"
    order = {t: k for k, t in enumerate(four.ids + fifth.ids)}
    every = sorted(order, key=int)
    fold_splits = [split_of([t for t in every if t in set(p)], fifth) for p in parts]
    rest_splits = [split_of([t for t in every if t not in set(p)], fifth) for p in parts]
    print(f"folds: {[len(p) for p in parts]} tweets, {[len(gold_pairs(s.qrels)) for s in fold_splits]} same-claim pairs")
    mpnet = mpnet_vectors()
    cross = cross_scores([four, fifth, dev], args.cross) if args.cross else None
    s_four, s_fifth, s_dev = (scored(s, mpnet, cross) for s in (four, fifth, dev))
    fifth_case: list[Case] = [([s_four], s_fifth)]
    cv: list[Case] = [([scored(r, mpnet, None)], scored(f, mpnet, None)) for r, f in zip(rest_splits, fold_splits, strict=True)]
    sets = {"7 features": list(range(7)), "7 + MPNet cosine": list(range(8)), "MiniLM cosine alone": [0]}
    if cross:
        sets |= {"7 + cross-encoder": [*range(7), 8], "7 + MPNet + cross-encoder": list(range(9)), "cross-encoder alone": [8]}
    chosen: dict[str, float] = {}
    for name, cols in sets.items():
        for g, guard in GUARDS.items():
            label = f"{name}, guard {g}"
            chosen[label] = show(f"fifth: {label}", run(fifth_case, cols, guard))
            if max(cols) < 8:
                chosen[label] = show(f"CV:    {label}", run(cv, cols, guard))
    if args.dev:
        for label, t in chosen.items():
            name, g = label.split(", guard ")
            show(f"dev (t from CV, else fifth): {label}", run([([s_four], s_dev)], sets[name], GUARDS[g], None, [t]))
    if args.pivot:
        pivot_tables(args, parts, (fifth_case, cv, [([s_four], s_dev)]))


if __name__ == "__main__":
    main()
