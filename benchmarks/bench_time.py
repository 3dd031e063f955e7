"""Throughput of ``find_time_expressions`` over unannotated Wikinews articles.

Runs it on every sentence of the first N articles of the tosca Wikinews corpus
(sentences split once, beforehand, by ``claimkit.segment``; the split is not
timed), anchored at each article's date, as the normalise stage does:

    python benchmarks/bench_time.py [--corpus PATH] [--articles 1000] [--repeat 3]

Prints articles, sentences, words, expressions found, seconds and words/s
(best of the repeats).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import time
from pathlib import Path

from claimkit.normalize.time import find_time_expressions
from claimkit.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared"))
DEFAULT_CORPUS = SHARED / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz"

Job = tuple[str, list[tuple[int, int]], dt.date | None]


def load(corpus: Path, limit: int) -> list[Job]:
    """The first ``limit`` articles as (text, sentence bounds, date)."""
    jobs: list[Job] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(jobs) >= limit:
                break
            record = json.loads(line)
            text = record["text"]
            try:
                anchor: dt.date | None = dt.date.fromisoformat(record.get("date") or "")
            except ValueError:
                anchor = None
            jobs.append((text, [(s.start, s.end) for s in sentences(text)], anchor))
    return jobs


def run(jobs: list[Job]) -> tuple[float, int]:
    """Time one pass over all sentences; return (seconds, expressions found)."""
    found = 0
    start = time.perf_counter()
    for text, bounds, anchor in jobs:
        for s_start, s_end in bounds:
            found += len(find_time_expressions(text, s_start, s_end, anchor))
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    jobs = load(args.corpus, args.articles)
    words = sum(len(text.split()) for text, _, _ in jobs)
    n_sentences = sum(len(bounds) for _, bounds, _ in jobs)
    seconds, found = min(run(jobs) for _ in range(max(1, args.repeat)))
    print(f"articles={len(jobs)} sentences={n_sentences} words={words} expressions={found}")
    print(f"seconds={seconds:.3f} words/s={words / seconds:,.0f}")


if __name__ == "__main__":
    main()
