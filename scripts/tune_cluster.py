"""Try pair models, fact-check pivots and transitivity guards for ``claimkit cluster`` (CheckThat! 2020 train).

    PYTHONPATH=src python scripts/tune_cluster.py                       # features and guards: fifth + 5-fold CV
    PYTHONPATH=src python scripts/tune_cluster.py --cross FILE.safetensors   # + the cross-encoder on tweet pairs
    PYTHONPATH=src python scripts/tune_cluster.py --pivot FILE.safetensors   # + the matcher as a pivot
    ... --dev                                                           # and score dev once with the choices
    PYTHONPATH=src python scripts/tune_cluster.py --pivot-sweep [--hidden]  # a looser pivot: the best fact-check at p >= t
    PYTHONPATH=src python scripts/tune_cluster.py --unchecked RECORDS --index CKX   # ... on claims nobody checked

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
the fifth); two tweets with the same one are joined.  ``--pivot-sweep`` (round 4): the matcher's best
fact-check as the pivot when the regression's probability of it reaches t, rules and t swept on the fifth and
the folds (``--hidden``: half of each fold's fact-checks taken out of the collection); ``--unchecked``: the
pivots those rules give claims of our fictional articles or of news, with the shipped matcher.
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


# --- a looser pivot: the matcher's best fact-check when its probability reaches t (round 4) -------------------------

@dataclass(frozen=True)
class Read:
    """One tweet read by a matcher: its best fact-check (the matcher's order), the regression's probability of the
    best and of the second, the best's cosine, and the old pivot (the best ``same_claim`` of the top 5: probability
    at or above the shipped threshold and cosine at or above the shipped floor)."""

    best: str
    p1: float
    p2: float
    cos: float
    same: str | None


def reads(which: set[str], reranker, same_cos: float | None, pairs=None) -> dict[str, Read]:  # type: ignore[no-untyped-def]
    """Each tweet of ``which`` read by ``reranker`` (no cross-encoder: its order is the regression's; ``pairs``:
    the candidates, else ``matcher_pairs()``)."""
    from claimkit.match.features import NAMES

    p, ids = pairs or matcher_pairs()
    cos = NAMES.index("cos")
    out: dict[str, Read] = {}
    for k, q in enumerate(p.qids):
        if q not in which:
            continue
        prob = reranker.probability(p.x[k])
        order = np.argsort(-prob, kind="stable")
        same = (prob >= reranker.threshold) & (p.x[k][:, cos] >= (same_cos if same_cos is not None else -9.0))
        old = next((ids[p.rows[k][j]] for j in order[:5] if same[j]), None)
        second = float(prob[order[1]]) if len(order) > 1 else 0.0
        out[q] = Read(ids[p.rows[k][order[0]]], float(prob[order[0]]), second, float(p.x[k][order[0], cos]), old)
    return out


def out_of_fold_reads(parts: list[list[str]], scored_pairs=None) -> dict[str, Read]:  # type: ignore[no-untyped-def]
    """Every train tweet read by the matcher's regression fitted on the other folds (shipped threshold and floor;
    ``scored_pairs``: the candidates read, else those the regression is fitted on)."""
    from train_matcher import fit as fit_matcher

    from claimkit.match.rerank import load as load_reranker

    shipped = load_reranker()
    p, _ = matcher_pairs()
    every = {t for part in parts for t in part}
    out: dict[str, Read] = {}
    for part in parts:
        model = fit_matcher(p, every - set(part), 1.0)
        model = type(model)(**{**model.__dict__, "threshold": shipped.threshold})
        out.update(reads(set(part), model, shipped.same_cos, scored_pairs))
    return out


@functools.lru_cache(maxsize=1)
def hidden_pairs(hide: frozenset[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """``matcher_pairs`` with fact-checks taken out of the collection for some tweets (``hide``: (tweet, fact-check)
    pairs): their BM25 and cosine set below any other before the candidates are drawn, so that every feature is
    what a collection without them gives."""
    from match_vectors import texts
    from train_matcher import Pairs

    from claimkit.match import features
    from claimkit.match.index import build
    from claimkit.match.text import content_words

    claims = checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")
    tweets = [t for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")]
    t = texts()
    index = build(claims, lambda _texts: cached("minilm", "claimtitle", t["claimtitle"], CACHE), "minilm")
    qtexts = [clean(q.text) for q in tweets]
    s = features.scores(index, [content_words(q) for q in qtexts], cached("minilm", "tweet", t["tweet"], CACHE))
    column = {c.id: k for k, c in enumerate(claims)}
    for q, c in hide:
        row = next(k for k, tw in enumerate(tweets) if tw.id == q)
        for m in s.bm25.values():
            m[row, column[c]] = -1e6
        s.cos[row, column[c]] = -10.0
    check_text = [f"{c.claim} {c.title or ''}" for c in claims]
    out = Pairs([], [], [], [])
    for q, tweet in enumerate(tweets):
        rows, rb, rc = features.candidates(s, q, 30)
        out.qids.append(tweet.id)
        out.rows.append(rows)
        out.x.append(features.pair_features(s, q, rows, rb, rc, qtexts[q], [check_text[r] for r in rows]))
        out.y.append(np.zeros(len(rows), dtype=bool))
    return out, [c.id for c in claims]


def half_hidden(parts: list[list[str]]) -> frozenset[tuple[str, str]]:
    """In every fold, half its fact-check groups (seed 33) taken out of the collection for the fold's tweets: an
    archive where half the claims were never checked."""
    qrels = read_qrels(SHARED / "train" / "tweet-vclaim-pairs.qrels")
    out = set()
    for part in parts:
        checks = sorted({c for q in part for c in qrels[q]})
        random.Random(SEED).shuffle(checks)
        gone = set(checks[: len(checks) // 2])
        out |= {(q, c) for q in part for c in gone}
    return frozenset(out)


PivotRule = Callable[[Read, float], "str | None"]
PIVOT_RULES: dict[str, PivotRule] = {
    "best, p >= t": lambda r, t: r.best if r.p1 >= t else None,
    "best, p >= t, cos >= .425": lambda r, t: r.best if r.p1 >= t and r.cos >= 0.425 else None,
    "best, p >= t, p - p2 >= .2": lambda r, t: r.best if r.p1 >= t and r.p1 - r.p2 >= 0.2 else None,
    "best, p >= t, else same_claim": lambda r, t: r.best if r.p1 >= t else r.same,
    "best, p >= t, cos >= .425, else same_claim": lambda r, t: r.best if r.p1 >= t and r.cos >= 0.425 else r.same,
}
PIVOT_TS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.727]


def pivot_sweep(parts: list[list[str]], cases: tuple[list[Case], list[Case]], hidden: bool) -> None:
    """Each pivot rule at each t: the pivot alone and its union with the pair model (at its threshold), on the
    fifth and pooled over the five folds; the regression refitted without the scored fold, no cross-encoder
    (``hidden``: half of each fold's fact-checks taken out of the collection, ``half_hidden``)."""
    fifth_case, cv = cases
    oof = out_of_fold_reads(parts, hidden_pairs(half_hidden(parts)) if hidden else None)
    old = {q: r.same for q, r in oof.items()}
    print("half of each fold's fact-checks taken out of the collection" if hidden else "the whole collection")
    for name, case in (("fifth", fifth_case), ("CV", cv)):
        p, r, f = f1(pivot_only(case, old))
        print(f"{name:5s} old pivot (same_claim of the top 5) alone: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        p, r, f = f1(run(case, list(range(7)), plain, old, [SHIPPED])[SHIPPED])
        print(f"{name:5s} old pivot ∪ pair model: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for label, rule in PIVOT_RULES.items():
        for t in PIVOT_TS:
            piv = {q: rule(r, t) for q, r in oof.items()}
            cells = []
            for case in (fifth_case, cv):
                alone = f1(pivot_only(case, piv))
                union = f1(run(case, list(range(7)), plain, piv, [SHIPPED])[SHIPPED])
                cells.append(f"alone P {alone[0]:.3f} R {alone[1]:.3f} F1 {alone[2]:.3f} | union P {union[0]:.3f} "
                             f"R {union[1]:.3f} F1 {union[2]:.3f}")
            print(f"{label:32s} t {t:.3f}  fifth: {cells[0]}  ||  CV: {cells[1]}")
    probs = np.array([r.p1 for r in oof.values()])
    print("out-of-fold best probability (no cross-encoder), quantiles .1/.25/.5/.75/.9: "
          + " ".join(f"{v:.3f}" for v in np.quantile(probs, [0.1, 0.25, 0.5, 0.75, 0.9])))


def ranked_of(records: Path, index_path: Path, cache: Path | None):  # type: ignore[no-untyped-def]
    """The shipped matcher's best 5 (``Matcher.rank``, cross-encoder included) of every claim of ``records`` that
    is no fragment, with the claims' documents and texts; kept in ``cache`` (an .npz) when given."""
    from claimkit.match.edges import fragment
    from claimkit.match.index import load as load_index
    from claimkit.match.matcher import Matcher, Ranked
    from claimkit.match.pairs import Tokens
    from claimkit.match.queries import read_queries

    queries = [q for q in read_queries([records]) if not fragment(Tokens.of(q.text))]
    docs = [str((q.record or {}).get("doc_id")) for q in queries]
    texts = [clean(q.text) or q.text for q in queries]
    if cache is not None and cache.exists():
        z = np.load(cache)
        return [Ranked(*(z[k][i] for k in ("rows", "score", "regression", "same", "cosine"))) for i in range(len(queries))], docs, texts
    ranked = Matcher(load_index(index_path)).rank(queries, 5)
    if cache is not None:
        np.savez(cache, **{k: np.stack([getattr(r, a) for r in ranked]) for k, a in
                           (("rows", "rows"), ("score", "score"), ("regression", "regression"), ("same", "same_claim"), ("cosine", "cosine"))})
    return ranked, docs, texts


NO_PIVOT = -1
FLOOR_COS = 0.425  # the shipped same_claim's cosine floor


def same_claim_pivot(r) -> int:  # type: ignore[no-untyped-def]
    """The shipped rule (claimkit.match.pivots): the best of the top 5 the matcher calls same_claim."""
    same = np.flatnonzero(r.same_claim)
    return int(r.rows[same[0]]) if len(same) else NO_PIVOT


def pivot_rules():  # type: ignore[no-untyped-def]
    """The rules read on claims nobody checked: name -> (ranked -> pivot row or NO_PIVOT).  The looser ones take the
    matcher's best when the regression's probability of it (or the final one, cross-encoder included) reaches a
    floor and its cosine the same_claim floor, else fall back on the shipped rule."""

    def looser(r, t: float, final: bool = False) -> int:  # type: ignore[no-untyped-def]
        p = r.score[0] if final else r.regression[0]
        return int(r.rows[0]) if p >= t and r.cosine[0] >= FLOOR_COS else same_claim_pivot(r)

    rules = {"same_claim only (shipped)": same_claim_pivot}
    for t in (0.2, 0.3, 0.4, 0.5, 0.6):
        rules[f"regression >= {t}, cos >= .425, else same_claim"] = lambda r, t=t: looser(r, t)
    for f in (0.9, 0.99, 0.999):
        rules[f"final >= {f}, cos >= .425, else same_claim"] = lambda r, f=f: looser(r, f, final=True)
    return rules


def unchecked_pivots(records: Path, index_path: Path, cache: Path | None, show_rule: str | None) -> None:
    """Claims nobody checked (our fictional articles), or news the collection mostly does not hold: per rule, how
    many claims get a pivot and how many pairs of different texts share one (for fiction every such join is
    wrong); with ``show_rule``, the pairs it joins that the rule before round 4 does not, to be read."""
    ranked, docs, texts = ranked_of(records, index_path, cache)
    p1 = np.array([r.regression[0] for r in ranked])
    moved = np.mean([int(np.argmax(r.regression)) != 0 for r in ranked])
    print(f"{len(ranked)} claims (no fragment) from {len(set(docs))} documents; regression probability of the "
          f"matcher's best, quantiles .1/.25/.5/.75/.9/.99: " + " ".join(f"{v:.3f}" for v in np.quantile(p1, [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]))
          + f"; best by the cross-encoder not the regression's best of the top 5: {moved:.3f}")
    joined: dict[str, set[tuple[int, int]]] = {}
    for name, rule in pivot_rules().items():
        by: dict[int, list[int]] = {}
        for k, r in enumerate(ranked):
            if (f := rule(r)) != NO_PIVOT:
                by.setdefault(f, []).append(k)
        joined[name] = {(a, b) for g in by.values() for x, a in enumerate(g) for b in g[x + 1 :] if texts[a] != texts[b]}
        across = sum(docs[a] != docs[b] for a, b in joined[name])
        print(f"{name:48s} {sum(len(g) for g in by.values()):5d} with a pivot, {len(joined[name]):5d} pairs of different "
              f"texts share one ({across} across documents)")
    if show_rule:
        for a, b in sorted(joined[show_rule] - joined["same_claim only (shipped)"])[:40]:
            print(f"   {docs[a]} | {texts[a][:100]}\n   {docs[b]} | {texts[b][:100]}\n")


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
    ap.add_argument("--pivot-sweep", action="store_true", help="the matcher's best fact-check as a pivot when its "
                    "probability reaches t: a sweep of t and rules, fifth and 5-fold CV (then stop)")
    ap.add_argument("--unchecked", type=Path, help="claim records nobody checked (our fictional articles) or news: "
                    "the pivots each rule gives them (with --index, then stop)")
    ap.add_argument("--index", type=Path, help="with --unchecked: the fact-check collection (claimkit index)")
    ap.add_argument("--cache", type=Path, help="with --unchecked: keep the matcher's reads here (.npz)")
    ap.add_argument("--show", help="with --unchecked: print the pairs this rule joins that the shipped one does not")
    ap.add_argument("--hidden", action="store_true", help="with --pivot-sweep: half of each fold's fact-checks taken "
                    "out of the collection")
    ap.add_argument("--dev", action="store_true", help="score dev at each configuration's threshold chosen on CV")
    args = ap.parse_args()
    if args.unchecked:
        unchecked_pivots(args.unchecked, args.index, args.cache, args.show)
        return
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
    if args.pivot_sweep:
        pivot_sweep(parts, (fifth_case, cv), args.hidden)
        return
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
