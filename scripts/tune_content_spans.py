"""Choose how ``--accurate`` sets content spans, on the held-out fifth of PolNeAR TRAIN (never dev).

    python scripts/tune_content_spans.py --gaps "inf;3;2;1;0.5"

For each value of ``accurate_tagger.CONTENT_GAP`` (``inf``: the tagger's
runs touching the rule's content are all joined, as before issue 32; a
number: from the run nearest the cue outwards, across gaps with no word
below minus that logit, ``role_spans.nearest_runs``), the four overlap F1s
and their sum.  The tagger's logits come from ``accurate_scores.py`` (run it
first); only articles whose every sentence has them are scored, so a partial
run of it is a sample.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accurate_scores as S
import rules_harness as H


def scored_ids(texts: dict[str, str], ids: list[str], stored: S.StoredTagger, ex) -> list[str]:  # type: ignore[no-untyped-def]
    """The articles of ``ids`` whose every parsed sentence has stored logits."""
    out = []
    for d in ids:
        before = stored.missing
        H.predict(texts, [d], ex)
        if stored.missing == before:
            out.append(d)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="held", choices=["held", "fit", "all"])
    ap.add_argument("--scores", type=Path, default=S.DEFAULT)
    ap.add_argument("--gaps", default="inf;3;2;1;0.5")
    args = ap.parse_args()
    from claimkit.evaluate.polnear import score_documents
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.extractors.rules.cues import accurate_tagger

    t0 = time.perf_counter()
    gold, texts = H.load_corpus()
    H.install_cache(texts)
    stored = S.StoredTagger(S.load(args.scores))
    ex = RuleExtractor(cue_tagger=stored)  # type: ignore[arg-type]
    ids = scored_ids(texts, S.part_ids(args.part), stored, ex)
    print(f"{len(ids)} articles with stored logits ({time.perf_counter() - t0:.0f}s)", flush=True)
    for gap in args.gaps.split(";"):
        accurate_tagger.CONTENT_GAP = None if gap == "inf" else float(gap)  # type: ignore[assignment]
        preds, _ = H.predict(texts, ids, ex)
        rep = score_documents({d: gold[d] for d in ids}, preds, texts)
        c = rep.score("content", "overlap")
        print(f"gap {gap:5} {H.short(rep)}  content P/R {c.precision:.3f}/{c.recall:.3f}  sum {H.objective(rep):.4f}  ({time.perf_counter() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
