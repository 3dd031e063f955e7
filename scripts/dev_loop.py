"""Run the offline extractor on a PolNeAR split and score it with ``claimkit.evaluate``.

    python scripts/dev_loop.py train            # score on train (develop here)
    python scripts/dev_loop.py dev --limit 20   # report on dev at the end only

Writes the records to ``/tmp/claimkit-<split>.jsonl`` (or ``--out``) and prints
words/s, peak memory and the score table.  The same figures come from
``claimkit extract`` + ``claimkit eval``; this loop only saves the JSONL round
trip of the article texts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

from claimkit import pipeline
from claimkit.evaluate.polnear import evaluate, load_gold_corpus
from claimkit.extractors.rules import RuleExtractor
from claimkit.read import files as ingest

POLNEAR = Path(os.environ.get("CLAIMKIT_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "eval" / "polnear"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", choices=["train", "dev", "annotator-training"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", default="")
    args = ap.parse_args()

    gold_dir = POLNEAR / args.split
    _, texts = load_gold_corpus(gold_dir)
    doc_ids = sorted(texts)[: args.limit or None]
    out_path = Path(args.out or f"/tmp/claimkit-{args.split}.jsonl")
    extractor = RuleExtractor()
    extractor.warm_up()
    words = records = 0
    started = time.perf_counter()
    with out_path.open("w", encoding="utf-8") as fh:
        for doc_id in doc_ids:
            article = ingest.make_article(texts[doc_id], doc_id, doc_id)
            words += len(article.text.split())
            for record in pipeline.run(article, extractor).records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                records += 1
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(doc_ids)} articles, {words:,} words in {seconds:.1f}s = {words / seconds:,.0f} words/s; peak RSS {peak:.0f} MB")
    print(f"records: {records:,} -> {out_path}")
    print(evaluate(gold_dir, out_path).format_table())


if __name__ == "__main__":
    main()
