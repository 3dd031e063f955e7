"""Train the token-level cue detector on PolNeAR TRAIN (never dev).

    # 1. features of every scored token of train (project venv, uses the parse cache)
    .venv/bin/python scripts/train_cue_model.py features
    # 2. logistic regression (a separate venv with scikit-learn, offline only)
    /tmp/skvenv/bin/python scripts/train_cue_model.py fit [--C 0.1] [--part fit|all]
    # 3. pick the threshold on the held-out 20% of train, end to end (project venv)
    .venv/bin/python scripts/train_cue_model.py threshold
    # 4. lemmas never near a cue, whose features the rules skip (speed only)
    .venv/bin/python scripts/train_cue_model.py hopeless [--margin 1.0] [--min-count 20]
    # distillation (tried in stop 22, not shipped): Wikinews tokens labelled by the accurate tagger
    .venv/bin/python scripts/train_cue_model.py extra-features --labels ~/.cache/claimkit-train/wikinews-labels-fit.jsonl
    .venv/bin/python scripts/train_cue_model.py fit --part fit --extra-weight 0.3 --out /tmp/cm-0.3.json
    .venv/bin/python scripts/train_cue_model.py threshold --model /tmp/cm-0.3.json

A token is positive when it lies inside a gold Cue span (first annotator of
each article).  Tokens scored: verbs, nouns, adjectives that are not
auxiliaries (``cue_model.scored``).  Features: ``cue_model.features``.  The
weights are written sparse (|w| >= PRUNE, features seen at least MIN_COUNT
times) to ``src/claimkit/extractors/rules/cues/cue_model_polnear_train.json`` with
their origin.  ``--part fit`` trains on the 80% fit part (for choosing the
threshold and reporting held-out scores); ``--part all`` retrains on all of
train with the same settings for shipping.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "claimkit" / "extractors" / "rules" / "cues" / "cue_model_polnear_train.json"
FEATS = Path("/tmp/claimkit-cue-feats.jsonl")
EXTRA_FEATS = Path("/tmp/claimkit-cue-feats-extra.jsonl")
ORIGIN = (
    "trained on PolNeAR v1.0.0 train split (Newell et al., LREC 2018): logistic regression over spaCy parse "
    "features of a token, positive = inside a gold Cue span (first annotator per article); "
    "produced by scripts/train_cue_model.py"
)
PRUNE = 0.02
FEATURE_SET = 2  # cue_model.features(..., extended=True)
MIN_COUNT = 3


def cmd_features() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import rules_harness as H

    from claimkit import segment
    from claimkit.evaluate.polnear import trim_span
    from claimkit.extractors.rules import lexicon
    from claimkit.extractors.rules.constructions.quotes import Quotes
    from claimkit.extractors.rules.cues import cue_model

    gold, texts = H.load_corpus()
    H.install_cache(texts)
    fit, held = H.split_ids(list(gold))
    part = {d: "fit" for d in fit} | {d: "held" for d in held}
    lex = lexicon.learned()
    n = 0
    with FEATS.open("w", encoding="utf-8") as fh:
        for d in sorted(gold):
            text = texts[d]
            inside: set[int] = set()
            for g in gold[d]:
                for s, e in trim_span(text, g.cue):
                    inside.update(range(s, e))
            quotes = Quotes(text)
            for s in segment.sentences(text):
                doc = H.cached_doc(text[s.start : s.end])
                for tok in doc:
                    if not cue_model.scored(tok):
                        continue
                    pos = s.start + tok.idx
                    y = int(pos in inside)
                    f = cue_model.features(tok, lex, quotes.at(pos) is not None)
                    fh.write(json.dumps({"p": part[d], "y": y, "f": f, "d": d, "o": pos}) + "\n")
                    n += 1
    print(f"{n} tokens -> {FEATS}")


def cmd_extra_features(labels: Path) -> None:
    """Features of every scored token of the Wikinews articles in ``labels``
    (``scripts/distill_accurate.py label``), positive where the accurate
    tagger put a cue: distillation into the cue model."""
    import gzip

    from distill_accurate import WIKINEWS

    from claimkit import segment
    from claimkit.extractors.rules import lexicon, parse
    from claimkit.extractors.rules.constructions.quotes import Quotes
    from claimkit.extractors.rules.cues import cue_model

    rows: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for line in labels.open(encoding="utf-8"):
        r = json.loads(line)
        rows.setdefault(r["article"], []).append(r)
    lex, nlp, n = lexicon.learned(), parse.nlp(), 0
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as fh, EXTRA_FEATS.open("w", encoding="utf-8") as out:
        for line in fh:
            art = json.loads(line)
            if art["id"] not in rows:
                continue
            text, quotes = art["text"], Quotes(art["text"])
            sents = segment.sentences(text)
            labelled = rows[art["id"]]
            assert [parse.parser_text(text[s.start : s.end]) for s in sents] == [r["text"] for r in labelled], art["id"]
            for s, r, doc in zip(sents, labelled, nlp.pipe([r["text"] for r in labelled]), strict=True):
                cues = r["spans"][0]
                for tok in doc:
                    if cue_model.scored(tok):
                        y = int(any(a <= tok.idx < b for a, b in cues))
                        f = cue_model.features(tok, lex, quotes.at(s.start + tok.idx) is not None)
                        out.write(json.dumps({"p": "extra", "y": y, "f": f, "d": art["id"], "o": s.start + tok.idx}) + "\n")
                        n += 1
    print(f"{n} tokens of {len(rows)} articles -> {EXTRA_FEATS}")


def cmd_fit(c: float, which: str, extra_weight: float = 0.0, out: Path = OUT) -> None:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score

    rows = [json.loads(line) for line in FEATS.open(encoding="utf-8")]
    train = [r for r in rows if which == "all" or r["p"] == "fit"]
    if extra_weight:  # distillation: the accurate tagger's Wikinews labels, down-weighted
        train += [json.loads(line) for line in EXTRA_FEATS.open(encoding="utf-8")]
    held = [r for r in rows if r["p"] == "held"]
    counts: Counter[str] = Counter(x for r in train for x in set(r["f"]))
    keep = {x for x, k in counts.items() if k >= MIN_COUNT}
    vec = DictVectorizer()
    X = vec.fit_transform([{x: 1 for x in r["f"] if x in keep} for r in train])
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)
    y = np.array([r["y"] for r in train])
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(X, y, sample_weight=np.array([extra_weight if r["p"] == "extra" else 1.0 for r in train]))
    names = vec.get_feature_names_out()
    w = clf.coef_[0]
    weights = {str(names[k]): round(float(w[k]), 3) for k in np.argsort(-np.abs(w)) if abs(w[k]) >= PRUNE}
    bias = float(clf.intercept_[0])
    if held:
        Xh = vec.transform([{x: 1 for x in r["f"]} for r in held])
        yh = np.array([r["y"] for r in held])
        # score as the pruned runtime model would
        sh = np.array([bias + sum(weights.get(x, 0.0) for x in r["f"]) for r in held])
        ph = clf.decision_function(Xh)
        print(f"held-out token AP: full {average_precision_score(yh, ph):.4f}  pruned {average_precision_score(yh, sh):.4f}")
        for t in (-1.5, -1.0, -0.5, 0.0, 0.5):
            pred = sh > t
            tp = int((pred & (yh == 1)).sum())
            pr, rc = tp / max(pred.sum(), 1), tp / max(yh.sum(), 1)
            print(f"  t={t:5.1f}  P {pr:.3f} R {rc:.3f} F1 {2 * pr * rc / max(pr + rc, 1e-9):.3f}")
    old = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    distilled = f", plus {extra_weight}-weighted tokens of Wikinews articles labelled by the accurate tagger (scripts/distill_accurate.py)" if extra_weight else ""
    data = {
        "origin": ORIGIN + f"; C={c}, trained on {'all of train' if which == 'all' else 'the 80% fit part of train'}{distilled}",
        "trained_on": which,
        "feature_set": FEATURE_SET,
        "threshold": old.get("threshold", 0.0),
        "noun_threshold": old.get("noun_threshold", old.get("threshold", 0.0)),
        "bias": round(bias, 4),
        "weights": weights,
    }
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights (of {len(names)}), {out.stat().st_size / 1024:.0f} KiB -> {out}")


def cmd_threshold(grid: list[float], noun_grid: list[float]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import rules_harness as H

    from claimkit.evaluate.polnear import score_documents
    from claimkit.extractors.rules.cues import cue_model

    gold, texts = H.load_corpus()
    H.install_cache(texts)
    _, held = H.split_ids(list(gold))
    m = cue_model.model()
    assert m is not None
    best = None
    for t in grid:
        for nt in noun_grid:
            m.threshold, m.noun_threshold = t, nt
            preds, _ = H.predict(texts, held)
            rep = score_documents({d: gold[d] for d in held}, preds, texts)
            key = H.objective(rep)
            print(f"t={t:5.2f} nt={nt:5.2f}  {H.short(rep)}  sum {key:.3f}", flush=True)
            if best is None or key > best[0]:
                best = (key, t, nt)
    assert best is not None
    data = json.loads(cue_model.MODEL_FILE.read_text(encoding="utf-8"))
    data["threshold"], data["noun_threshold"] = best[1], best[2]
    cue_model.MODEL_FILE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"threshold {best[1]}, noun threshold {best[2]} -> {cue_model.MODEL_FILE}")


def cmd_hopeless(margin: float, min_count: int) -> None:
    """Lemmas the shipped model never comes near calling a cue: every one of
    their (at least ``min_count``) train tokens scores below both thresholds
    minus ``margin``.  The rules skip their features at run time (speed only;
    about 40% of scored tokens)."""
    data = json.loads(OUT.read_text(encoding="utf-8"))
    w, bias = data["weights"], data["bias"]
    floor = min(data["threshold"], data["noun_threshold"]) - margin
    top: dict[str, float] = {}
    seen: Counter[str] = Counter()
    total = 0
    for line in FEATS.open(encoding="utf-8"):
        r = json.loads(line)
        total += 1
        lemma = next(x for x in r["f"] if x.startswith("l="))[2:]
        score = bias + sum(w.get(x, 0.0) for x in r["f"])
        top[lemma] = max(top.get(lemma, score), score)
        seen[lemma] += 1
    hopeless = sorted(k for k, v in top.items() if seen[k] >= min_count and v < floor)
    covered = sum(seen[k] for k in hopeless)
    print(f"{len(hopeless)} lemmas, {covered} of {total} scored tokens ({covered / total:.0%})")
    data["hopeless"] = {"margin": margin, "min_count": min_count, "lemmas": hopeless}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=["features", "extra-features", "fit", "threshold", "hopeless"])
    ap.add_argument("--labels", type=Path, help="extra-features: the accurate tagger's Wikinews labels")
    ap.add_argument("--extra-weight", type=float, default=0.0, help="fit: also learn from the extra features, each token weighted so")
    ap.add_argument("--out", type=Path, default=OUT, help="fit: the model file to write")
    ap.add_argument("--model", type=Path, help="threshold: tune this model file instead of the shipped one")
    ap.add_argument("--margin", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--C", type=float, default=0.1)  # chosen on the held-out 20% with feature set 2
    ap.add_argument("--part", choices=["fit", "all"], default="fit")
    ap.add_argument("--grid", default="-1,-0.5,0,0.5")
    ap.add_argument("--noun-grid", default="0,0.5,1")
    args = ap.parse_args()
    if args.step == "features":
        sys.path.insert(0, str(ROOT / "src"))
        cmd_features()
    elif args.step == "extra-features":
        sys.path.insert(0, str(ROOT / "src"))
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        cmd_extra_features(args.labels)
    elif args.step == "fit":
        cmd_fit(args.C, args.part, args.extra_weight, args.out)
    elif args.step == "hopeless":
        cmd_hopeless(args.margin, args.min_count)
    else:
        sys.path.insert(0, str(ROOT / "src"))
        if args.model:
            from claimkit.extractors.rules.cues import cue_model

            cue_model.MODEL_FILE = args.model
        cmd_threshold([float(x) for x in args.grid.split(",")], [float(x) for x in args.noun_grid.split(",")])


if __name__ == "__main__":
    main()
