"""Throughput of the LLM extractor against a server with a fixed latency.

Starts the test fault server (``tests/llm_support/server.py``) in a separate
process, answering every request after ``--latency`` seconds, and runs the
whole pipeline (extract -> ground -> normalise -> assemble -> validate) on
``--chunks`` one-chunk articles at each ``--concurrency`` level.  Prints the
throughput and claimkit's own overhead per chunk: the CPU time of this
process (the server runs elsewhere) and the wall time beyond the ideal
``ceil(chunks / concurrency) * latency``.

    python benchmarks/bench_llm_concurrency.py --latency 0.2 --chunks 64 --concurrency 1 4 16
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import subprocess
import sys
import time
from pathlib import Path

from claimkit import pipeline
from claimkit.extractors.llm import LLMExtractor, LLMOptions
from claimkit.model import Article

SERVER = Path(__file__).resolve().parents[1] / "tests" / "llm_support" / "server.py"


def articles(n: int) -> list[Article]:
    return [
        Article(
            doc_id=f"bench-{i}",
            text=f"Budget talks, day {i}\n\nMinister Ana Lopez said the budget number {i} will pass this week.\n",
            published=dt.date(2026, 2, 7),
            title=f"Budget talks, day {i}",
        )
        for i in range(n)
    ]


def run(url: str, docs: list[Article], concurrency: int, latency: float) -> dict[str, float]:
    ext = LLMExtractor(LLMOptions(model="bench", base_url=url, concurrency=concurrency, max_retries=0))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    results = list(pipeline.run_all(docs, ext, batch_size=len(docs)))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    stats = ext.summary()
    records = sum(len(r.records) for r in results if isinstance(r, pipeline.Result))
    ideal = math.ceil(stats.chunks / concurrency) * latency
    return {
        "concurrency": concurrency,
        "chunks": stats.chunks,
        "records": records,
        "seconds": wall,
        "chunks_per_s": stats.chunks / wall,
        "cpu_ms_per_chunk": 1000 * cpu / stats.chunks,
        "wall_overhead_ms_per_chunk": 1000 * max(0.0, wall - ideal) / stats.chunks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=float, default=0.2, help="server seconds per request")
    parser.add_argument("--chunks", type=int, default=64, help="one-chunk articles per run")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()

    server = subprocess.Popen(
        [sys.executable, str(SERVER), "--latency", str(args.latency)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        docs = articles(args.chunks)
        run(url, docs[:4], 4, args.latency)  # warm-up: imports, first connections
        print(f"fault server at {args.latency * 1000:.0f} ms per request, {args.chunks} chunks")
        print(f"{'concurrency':>11} {'seconds':>8} {'chunks/s':>9} {'speed-up':>8} {'cpu ms/chunk':>12} {'overhead ms/chunk':>17} {'records':>7}")
        base = None
        for level in args.concurrency:
            row = run(url, docs, level, args.latency)
            base = base or row["chunks_per_s"]
            print(
                f"{level:>11} {row['seconds']:>8.2f} {row['chunks_per_s']:>9.1f} {row['chunks_per_s'] / base:>7.1f}x "
                f"{row['cpu_ms_per_chunk']:>12.2f} {row['wall_overhead_ms_per_chunk']:>17.2f} {row['records']:>7}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
