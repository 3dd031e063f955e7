"""The same_claim rule against claims nobody checked: our own fictional articles as negatives.

    PYTHONPATH=src python scripts/tune_unchecked.py dump --records fiction.jsonl --out rows.json
    PYTHONPATH=src python scripts/tune_unchecked.py rules --rows rows.json
    PYTHONPATH=src python scripts/tune_unchecked.py pivots --rows rows.json   # claimkit cluster --against's rules

``fiction.jsonl`` is ``claimkit extract`` run on articles written for the project (gold22, the gold32 tune
articles, examples/, ...): their events are invented, so Snopes cannot have checked any of their claims and
every ``checked`` given to one is wrong.  ``dump`` looks each record up against the 10,375 CheckThat! 2020
verified claims with the shipped regression and cross-encoder, and the held-out fifth of train (160 tweets,
seed 33) twice, as they are and with their own fact-checks taken out, with the regression fitted on the other
four fifths and the cross-encoder ``--held-cross`` trained on them (nothing scored there was seen in training);
for every query its regression's best ``CROSS_TOP``: regression logit, cross-encoder logit, the pair features
and whether it is right.  ``rules`` prints, for a grid of rules, precision and recall over the real held-out
tweets, the share of "unchecked" tweets given a yes, and how many fictional records get a ``checked``,
split into the articles a rule may be chosen on (``TUNE_DOCS``: the gold32 and gold22 tune articles) and the
rest (a check).  Dev is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED, cached, texts
from train_matcher import fit, pairs, split

from claimkit.evaluate.matches import read_qrels
from claimkit.match import checkthat, cross, features, rerank
from claimkit.match.encoder import Encoder
from claimkit.match.index import FactCheckIndex, build, vector_text
from claimkit.match.queries import read_queries
from claimkit.match.text import clean, content_words

CROSS_TOP = 10
WEIGHT = 2.0
TUNE_DOCS = {
    # gold32, split "tune" (its six held-out articles are never read here)
    "business-retailer", "courts-landlord", "education-ai-tutors", "environment-wetland", "health-care-homes",
    "localgov-libraries", "science-glacier", "sport-stadium", "tech-xr-delegation", "transport-airport",
    # gold22, split "tune"
    "biz-airline", "biz-cannery", "court-treasurer", "local-bridge", "local-school", "pol-budget",
    "pol-leadership", "science-fossil", "science-inhaler", "sport-rovers", "sport-tennis", "weather-heat",
}
Row = dict[str, object]


def collection() -> tuple[FactCheckIndex, list[str], list[str]]:
    claims = checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")
    index = build(claims, lambda _x: cached("minilm", "claimtitle", texts()["claimtitle"], CACHE), "minilm")
    return index, [c.id for c in claims], [vector_text(c) for c in claims]


def look_up(index: FactCheckIndex, qtexts: list[str], vectors: np.ndarray, model: rerank.Reranker,
            ce: cross.CrossEncoder, checks: list[str], drop: list[list[int]] | None = None) -> list[list[Row]]:
    """Per query, its regression's best CROSS_TOP with both logits and the pair features (``drop``: columns
    taken out of the collection for that query)."""
    s = features.scores(index, [content_words(q) for q in qtexts], vectors)
    out = []
    for q, text in enumerate(qtexts):
        for col in (drop[q] if drop else []):
            for m in s.bm25.values():
                m[q, col] = -1e6
            s.cos[q, col] = -10.0
        rows, rb, rc = features.candidates(s, q, model.depth)
        x = features.pair_features(s, q, rows, rb, rc, text, [checks[r] for r in rows])
        logit = model.logit(x)
        best = np.argsort(-logit, kind="stable")[:CROSS_TOP]
        c = ce.score([text] * len(best), [checks[rows[j]] for j in best])
        out.append([{"row": int(rows[j]), "reg": float(logit[j]), "cross": float(c[k]), "x": x[j].tolist(),
                     "words": len(content_words(text))} for k, j in enumerate(best)])
    return out


def held_rows(index: FactCheckIndex, ids: list[str], checks: list[str], held_cross: Path) -> dict[str, object]:
    p, _ids, _q = pairs("minilm", 30, CACHE)
    train = [t.id for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")]
    fit_ids, held_set = split(train)
    held = sorted(held_set, key=int)
    model = fit(p, fit_ids, 1.0)
    model = rerank.Reranker(model.names, model.mean, model.scale, model.coef, model.intercept, 0.5, "minilm", 30, "")
    qrels = read_qrels(SHARED / "train" / "tweet-vclaim-pairs.qrels")
    tweets = {t.id: t for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")}
    order = [t for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")]
    where = {t.id: i for i, t in enumerate(order)}
    vecs = cached("minilm", "tweet", texts()["tweet"], CACHE)[[where[q] for q in held]]
    qtexts = [clean(tweets[q].text) for q in held]
    column = {c: i for i, c in enumerate(ids)}
    gold = [[column[c] for c in qrels[q]] for q in held]
    ce = cross.CrossEncoder(held_cross)
    real = look_up(index, qtexts, vecs, model, ce, checks)
    unchecked = look_up(index, qtexts, vecs, model, ce, checks, gold)
    for q, found in enumerate(real):
        for r in found:
            r["right"] = r["row"] in gold[q]
    return {"held": real, "unchecked": unchecked}


def dump(args: argparse.Namespace) -> None:
    index, ids, checks = collection()
    out = held_rows(index, ids, checks, args.held_cross)
    queries = read_queries([args.records])
    qtexts = [clean(q.text) or q.text for q in queries]
    model = rerank.load()
    found = look_up(index, qtexts, Encoder("minilm").encode(qtexts), model, cross.CrossEncoder(args.cross), checks)
    docs = [str((q.record or {}).get("doc_id")) for q in queries]
    out["fiction"] = [{"doc": d, "text": t, "rows": f} for d, t, f in zip(docs, qtexts, found, strict=True)]
    args.out.write_text(json.dumps(out), encoding="utf-8")
    print(f"wrote {args.out}: {len(out['held'])} held-out tweets, {len(queries)} fictional records", file=sys.stderr)


Rule = Callable[[Row], bool]


def yes_rows(found: list[Row], rule: Rule) -> list[Row]:
    """The top-5 candidates (final order) the rule calls the same claim."""
    final = [float(r["reg"]) + WEIGHT * float(r["cross"]) for r in found]
    top = [found[j] for j in np.argsort(-np.array(final), kind="stable")[:5]]
    return [r for r in top if rule(r)]


def score(data: dict[str, list], rule: Rule) -> tuple[float, float, float, int, int]:  # type: ignore[type-arg]
    """(precision, recall, share of unchecked given a yes, fictional tune records with a yes, the others)."""
    right = wrong = 0
    for found in data["held"]:
        yes = yes_rows(found, rule)
        right += sum(bool(r["right"]) for r in yes)
        wrong += sum(not r["right"] for r in yes)
    unchecked = sum(bool(yes_rows(found, rule)) for found in data["unchecked"])
    tune = sum(bool(yes_rows(f["rows"], rule)) for f in data["fiction"] if f["doc"] in TUNE_DOCS)
    other = sum(bool(yes_rows(f["rows"], rule)) for f in data["fiction"] if f["doc"] not in TUNE_DOCS)
    n = len(data["held"])
    return right / max(right + wrong, 1), right / n, unchecked / n, tune, other


def grid() -> dict[str, Rule]:
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    cos = features.NAMES.index("cos")
    rules: dict[str, Rule] = {}
    for t in (0.5, 0.6, 0.727475, 0.9):
        for cmin in (None, -3.0, -2.0, 0.0):
            for cosmin in (None, 0.4, 0.425, 0.45, 0.475, 0.5, 0.55):
                for words in (0, 3):
                    name = f"p>={t:.3f} cross>={cmin} cos>={cosmin} words>={words}"
                    rules[name] = lambda r, t=t, cmin=cmin, cosmin=cosmin, words=words: bool(
                        sig(r["reg"]) >= t and (cmin is None or r["cross"] >= cmin)
                        and (cosmin is None or r["x"][cos] >= cosmin) and r["words"] >= words)
    return rules


def rules(args: argparse.Namespace) -> None:
    data = json.loads(args.rows.read_text(encoding="utf-8"))
    tune_n = sum(f["doc"] in TUNE_DOCS for f in data["fiction"])
    print(f"held-out fifth {len(data['held'])} tweets; fictional records: {tune_n} tune, {len(data['fiction']) - tune_n} other")
    print(f"{'rule':50s} {'prec':>5s} {'recall':>6s} {'unchk':>5s} {'tune':>4s} {'other':>5s}")
    for name, rule in grid().items():
        prec, rec, unchecked, tune, other = score(data, rule)
        print(f"{name:50s} {prec:5.3f} {rec:6.3f} {unchecked:5.3f} {tune:4d} {other:5d}")


def best_row(found: list[Row]) -> tuple[Row, float]:
    """The best candidate in the final order and its final probability (regression + cross-encoder)."""
    final = np.array([float(r["reg"]) + WEIGHT * float(r["cross"]) for r in found])
    k = int(np.argmax(final))
    return found[k], float(1 / (1 + np.exp(-final[k])))


def pivots(args: argparse.Namespace) -> None:
    """A claim's pivot is its best fact-check (final order) when a rule trusts it: per rule, on the held-out tweets
    the share given a pivot and the share of those right, the share of "unchecked" tweets given one (all wrong),
    and the fictional records given one (all wrong)."""
    data = json.loads(args.rows.read_text(encoding="utf-8"))
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    cos = features.NAMES.index("cos")
    rules: dict[str, Callable[[Row, float], bool]] = {}
    for t in (0.2, 0.3, 0.5, 0.727):
        rules[f"regression p >= {t}, cos >= .425"] = lambda r, f, t=t: bool(sig(float(r["reg"])) >= t and r["x"][cos] >= 0.425)
    for t in (0.5, 0.9, 0.99, 0.999):
        rules[f"final p >= {t}, cos >= .425"] = lambda r, f, t=t: bool(f >= t and r["x"][cos] >= 0.425)
    print(f"{'rule':40s} {'held: pivot':>11s} {'right':>6s} {'unchecked':>9s} {'fiction':>7s}")
    for name, rule in rules.items():
        held = [best_row(f) for f in data["held"]]
        yes = [r for r, f in held if rule(r, f)]
        unchecked = np.mean([rule(*best_row(f)) for f in data["unchecked"]])
        fiction = sum(rule(*best_row(f["rows"])) for f in data["fiction"])
        right = np.mean([bool(r["right"]) for r in yes]) if yes else 0.0
        print(f"{name:40s} {len(yes) / len(held):11.3f} {right:6.3f} {unchecked:9.3f} {fiction:7d}")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--records", type=Path, required=True)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--cross", type=Path, default=cross.WEIGHTS, help="the cross-encoder for the fictional records (shipped)")
    d.add_argument("--held-cross", type=Path, default=CACHE / "cross" / "cross-640.safetensors",
                   help="the cross-encoder trained on the four fifths (for the held-out tweets)")
    r = sub.add_parser("rules")
    r.add_argument("--rows", type=Path, required=True)
    v = sub.add_parser("pivots")
    v.add_argument("--rows", type=Path, required=True)
    args = ap.parse_args()
    {"dump": dump, "rules": rules, "pivots": pivots}[args.what](args)


if __name__ == "__main__":
    main()
