"""Fast development loop for the rule extractor on PolNeAR TRAIN (never dev).

    python scripts/rules_harness.py            # score fit (80%) and held-out (20%) train articles
    python scripts/rules_harness.py --all      # also the whole of train
    python scripts/rules_harness.py --cue-model FIT.json --tagger FIT.safetensors   # a fair held-out score

Every train sentence is parsed once and cached in /tmp (a spaCy DocBin), so a
run only costs the rules.  The held-out part is a fixed 20% of train articles
(every fifth article in sorted order); choose thresholds and keep or drop
rules by the held-out score.  Scores are computed with ``claimkit.evaluate``
on the candidates (unattributed ones skipped), as ``claimkit eval`` would.

Also used as a library by ``analyze_errors.py`` and ``train_cue_model.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

POLNEAR = Path(os.environ.get("CLAIMKIT_SHARED", "/work/shared")) / "eval" / "polnear"


def split_ids(ids: list[str]) -> tuple[list[str], list[str]]:
    """(fit, held-out): every fifth article of the sorted ids is held out."""
    ids = sorted(ids)
    return [d for k, d in enumerate(ids) if k % 5 != 4], [d for k, d in enumerate(ids) if k % 5 == 4]


_CACHE: dict[str, object] = {}


def load_corpus(split: str = "train"):  # type: ignore[no-untyped-def]
    from claimkit.evaluate.polnear import load_gold_corpus

    if split != "train" and split != "annotator-training":
        raise SystemExit("the harness is for train only")
    return load_gold_corpus(POLNEAR / split)


def cached_doc(sentence: str):  # type: ignore[no-untyped-def]
    """The cached parse of ``sentence`` (None when it was never parsed)."""
    from claimkit.extractors.rules import parse

    return _CACHE.get(parse.parser_text(sentence))


def install_cache(texts: dict[str, str]) -> None:
    """Parse every sentence of ``texts`` once (cached on disk) and make
    ``parse.parse`` answer from the cache."""
    from spacy.tokens import DocBin

    from claimkit import segment
    from claimkit.extractors.rules import parse

    nlp = parse.nlp()
    # the cache is named after the pipeline and its tokenizer rules, so a change to either parses afresh
    key = hashlib.sha1(f"{parse.model_version()} {nlp.tokenizer.infix_finditer.__self__.pattern} {parse.parser_text('don’t')}".encode()).hexdigest()[:10]
    cache = Path(f"/tmp/claimkit-parse-cache-train-{key}.spacy")
    sents = sorted({parse.parser_text(t[s.start : s.end]) for t in texts.values() for s in segment.sentences(t)})
    if cache.exists():
        db = DocBin().from_disk(cache)
        for d in db.get_docs(nlp.vocab):
            _CACHE[d.text] = d
    todo = [s for s in sents if s not in _CACHE]
    if todo:
        print(f"parsing {len(todo)} sentences for the cache ...", file=sys.stderr)
        for s, d in zip(todo, nlp.pipe(todo, batch_size=256, n_process=2), strict=True):
            _CACHE[s] = d
        db = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "SPACY", "POS"])
        for d in _CACHE.values():
            db.add(d)  # type: ignore[arg-type]
        db.to_disk(cache)
    real = parse.parse

    def cached(batch):  # type: ignore[no-untyped-def]
        out = [cached_doc(t) for t in batch]
        miss = [t for t, d in zip(batch, out, strict=True) if d is None]
        if miss:
            got = iter(real(miss))
            out = [d if d is not None else next(got) for d in out]
        return out

    parse.parse = cached  # type: ignore[assignment]


def predict(texts: dict[str, str], ids: list[str], extractor=None):  # type: ignore[no-untyped-def]
    """doc id -> list of PredictedAttribution (and the raw candidates)."""
    from claimkit import segment
    from claimkit.evaluate.polnear import PredictedAttribution
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.model import Article

    ex = extractor or RuleExtractor()
    preds: dict[str, list] = {}
    cands_by: dict[str, list] = {}
    for d in ids:
        text = texts[d]
        cands = ex.extract(Article(doc_id=d, text=text), segment.sentences(text)).candidates
        cands_by[d] = cands
        out = []
        for k, c in enumerate(cands):
            if c.mode == "unattributed":
                continue
            src = c.source.mention if c.source is not None and c.source.mention is not None else None
            out.append(
                PredictedAttribution(
                    doc_id=d,
                    record_id=str(k),
                    line=k,
                    source=((src.start, src.end),) if src else (),
                    cue=((c.cue.mention.start, c.cue.mention.end),) if c.cue else (),
                    content=((c.content.start, c.content.end),),
                )
            )
        preds[d] = out
    return preds, cands_by


def table(rep, label: str) -> str:  # type: ignore[no-untyped-def]
    rows = [f"{label:10} " + "  ".join(f"{r[:3]}/{c[:2]} {rep.score(r, c).precision:.3f}/{rep.score(r, c).recall:.3f}/{rep.score(r, c).f1:.3f}" for r in ("cue", "source", "content") for c in ("overlap", "exact"))]
    rows.append(f"{'':10} pair {rep.pair.precision:.3f}/{rep.pair.recall:.3f}/{rep.pair.f1:.3f}")
    return "\n".join(rows)


def objective(rep) -> float:  # type: ignore[no-untyped-def]
    """What model choices on held-out train maximise: cue, source and content overlap F1 plus pair F1."""
    return rep.score("cue", "overlap").f1 + rep.score("source", "overlap").f1 + rep.score("content", "overlap").f1 + rep.pair.f1


def short(rep) -> str:  # type: ignore[no-untyped-def]
    f = lambda r, c: rep.score(r, c).f1  # noqa: E731
    return (
        f"cue {f('cue', 'overlap'):.3f}/{f('cue', 'exact'):.3f}  src {f('source', 'overlap'):.3f}/{f('source', 'exact'):.3f}  "
        f"content {f('content', 'overlap'):.3f}/{f('content', 'exact'):.3f}  pair {rep.pair.f1:.3f}  "
        f"(cue P/R {rep.score('cue', 'overlap').precision:.3f}/{rep.score('cue', 'overlap').recall:.3f})"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--held-only", action="store_true", help="score the held-out part only")
    ap.add_argument("--cue-model", type=Path, help="a cue model file other than the shipped one (e.g. one fitted on the fit part only)")
    ap.add_argument("--tagger", type=Path, help="also use this cue tagger weights file (needs the tagger extra)")
    args = ap.parse_args()
    from claimkit.evaluate.polnear import score_documents
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.extractors.rules.cues import cue_model

    if args.cue_model:
        cue_model.MODEL_FILE = args.cue_model
    extractor = None
    if args.tagger:
        from claimkit.extractors.rules.cues.cue_tagger import CueTagger

        extractor = RuleExtractor(cue_tagger=CueTagger(args.tagger))

    gold, texts = load_corpus()
    install_cache(texts)
    fit, held = split_ids(list(gold))
    t0 = time.perf_counter()
    parts = [("held-out", held)] + ([] if args.held_only else [("fit", fit)])
    for label, ids in parts:
        preds, _ = predict(texts, ids, extractor)
        rep = score_documents({d: gold[d] for d in ids}, preds, texts)
        print(table(rep, label) if args.long else f"{label:9} {short(rep)}")
    if args.all:
        preds, _ = predict(texts, sorted(gold), extractor)
        rep = score_documents(gold, preds, texts)
        print(table(rep, "all") if args.long else f"{'all':9} {short(rep)}")
    print(f"({time.perf_counter() - t0:.1f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
