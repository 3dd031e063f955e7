"""How well PolNeAR's own annotators agree, scored as ``claimkit eval`` scores claimkit.

Where an article was annotated by several people, the first annotator (the
one ``claimkit eval`` takes as gold, first ``.ann`` in name order) is gold and
each other annotator's spans are scored against it as if they were
predictions: overlap F1 of cue, source, content and source+content pairs,
summed over every (first, other) pair.  That is the ceiling a system faces
under the same metric.  ``--pred`` scores a claimkit JSONL over the same
articles against the same gold.

    python scripts/annotator_agreement.py ../shared/eval/polnear/train ../shared/eval/polnear/dev ../shared/eval/polnear/annotator-training
    python scripts/annotator_agreement.py ../shared/eval/polnear/dev --pred dev.jsonl
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from claimkit.evaluate import polnear as E


def agreement(
    splits: Sequence[Path],
) -> tuple[E.EvalReport, dict[str, list[E.GoldAttribution]], dict[str, str]]:
    """The other annotators scored against the first, over every article with
    two or more; also the first annotator's gold and the texts of those articles."""
    gold: dict[str, list[E.GoldAttribution]] = {}
    texts: dict[str, str] = {}
    pair_gold: dict[str, list[E.GoldAttribution]] = {}
    pair_pred: dict[str, list[E.PredictedAttribution]] = {}
    for split in splits:
        events, split_texts = E.all_annotations(split)
        for doc_id, (first, *others) in events.items():
            if not others:
                continue
            gold[doc_id], texts[doc_id] = first, split_texts[doc_id]
            for n, other in enumerate(others, start=1):  # each pair is scored as a copy of the article
                key = f"{doc_id}#{n}"
                pair_gold[key], texts[key] = first, split_texts[doc_id]
                pair_pred[key] = E.as_predictions(other, key)
    return E.score_documents(pair_gold, pair_pred, texts), gold, texts


def row(name: str, report: E.EvalReport) -> str:
    f1 = [report.score(r, "overlap").f1 for r in ("cue", "source", "content")] + [report.pair.f1]
    return (
        f"{name:<24} "
        + "  ".join(f"{x:.3f}" for x in f1)
        + f"   ({report.gold_docs} scored, {report.gold_attributions} gold events)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("splits", nargs="+", type=Path)
    ap.add_argument(
        "--pred", type=Path, help="claimkit JSONL over the same articles, scored against the same gold"
    )
    args = ap.parse_args()
    human, gold, texts = agreement(args.splits)
    print(f"{len(gold)} articles with several annotators; overlap F1 against the first annotator")
    print(f"{'':<24} cue    source content pair")
    print(row("another annotator", human))
    if args.pred:
        print(
            row(f"claimkit {args.pred.name}", E.score_documents(gold, E.load_predictions(args.pred), texts))
        )


if __name__ == "__main__":
    main()
