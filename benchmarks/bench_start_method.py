"""spawn against forkserver for ``--jobs 2``: seconds to the first article
back (worker start-up: imports and model load) and for the whole input,
alternating, medians::

    python benchmarks/bench_start_method.py [--articles 40] [--repeat 3]

The input is the first Wikinews articles of the shared data, read at run time.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from claimkit.extractors.spec import ExtractorSpec  # noqa: E402
from claimkit.read import files as ingest  # noqa: E402
from claimkit.run import local as runner  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lines = []
    with gzip.open(SHARED / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz", "rb") as fh:
        for line in fh:
            if json.loads(line)["text"].strip():
                lines.append(line)
            if len(lines) == args.articles:
                break
    first: dict[str, list[float]] = {"spawn": [], "forkserver": []}
    total: dict[str, list[float]] = {"spawn": [], "forkserver": []}
    for _ in range(args.repeat):
        for method in first:
            started = time.perf_counter()
            items = ingest.jsonl_articles(iter(lines), "wikinews", "wikinews")
            for k, _outcome in enumerate(runner.results(items, ExtractorSpec(), jobs=2, start_method=method)):
                if k == 0:
                    first[method].append(time.perf_counter() - started)
            total[method].append(time.perf_counter() - started)
            print(f"  {method}: first article after {first[method][-1]:.2f} s, all {args.articles} after {total[method][-1]:.2f} s", flush=True)
    for method in first:
        print(f"{method:<11} first article {statistics.median(first[method]):.2f} s, all {statistics.median(total[method]):.2f} s (medians)")


if __name__ == "__main__":
    main()
