"""Memory per worker over a long run: ``claimkit extract --jobs N`` on the
Wikinews articles repeated up to ``--articles`` (100,000 by default), gzipped
JSONL in and out.

Every half second the resident memory of the main process and of each worker
process is sampled (psutil, installed with the dask extra); at every tenth of
the input (read from the run's index file, ``OUT.part.idx``) the peak so far
of each is printed, with the current RSS of the live workers (workers are
replaced every ``runner.RECYCLE_AFTER_CHUNKS`` chunks), so a leak shows as
numbers that keep growing::

    python benchmarks/bench_memory.py [--articles 100000] [--jobs 2]

The input is written to a temporary directory at run time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared"))
WIKINEWS = SHARED / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz"


def build_input(path: Path, n: int) -> int:
    """The non-empty Wikinews articles repeated (ids made unique) up to n; returns words."""
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as fh:
        pool = [json.loads(line) for line in fh]
    pool = [{"id": a["id"], "text": a["text"], "published": a["date"]} for a in pool if a["text"].strip()]
    words = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        for k in range(n):
            a = pool[k % len(pool)]
            words += len(a["text"].split())
            out.write(json.dumps({**a, "id": f"{a['id']}-{k // len(pool)}"}, ensure_ascii=False) + "\n")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        inp, out = tmp / "in.jsonl.gz", tmp / "out.jsonl.gz"
        words = build_input(inp, args.articles)
        print(f"{args.articles:,} articles ({words:,} words), --jobs {args.jobs}; load average {os.getloadavg()[0]:.2f}", flush=True)
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimkit", "extract", str(inp), "-o", str(out), "--jobs", str(args.jobs)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        main_proc = psutil.Process(proc.pid)
        peaks: dict[int, int] = {}
        live: dict[int, int] = {}
        index = out.with_name(out.name + ".part.idx")
        step = max(1, args.articles // 10)
        next_mark = step
        started = time.perf_counter()
        print(f"{'articles':>9} {'seconds':>8} {'main MiB':>9}  {'peak MiB of any worker':>22}  live workers' MiB now", flush=True)
        while proc.poll() is None:
            try:
                procs = [main_proc, *main_proc.children(recursive=True)]
                live = {}
                for p in procs:
                    rss = p.memory_info().rss
                    peaks[p.pid] = max(peaks.get(p.pid, 0), rss)
                    live[p.pid] = rss
            except psutil.Error:
                pass
            done = index.read_bytes().count(b"\n") - 1 if index.exists() else 0
            if done >= next_mark:
                # processes over 100 MiB besides the main one: the workers (and the forkserver holding the models)
                workers = [v for pid, v in peaks.items() if pid != proc.pid and v > 100 << 20]
                now = sorted((v for pid, v in live.items() if pid != proc.pid and v > 100 << 20), reverse=True)
                print(
                    f"{done:>9,} {time.perf_counter() - started:>8.0f} {peaks.get(proc.pid, 0) / 2**20:>9.0f}  "
                    f"{max(workers, default=0) / 2**20:>22.0f}  " + ", ".join(f"{v / 2**20:.0f}" for v in now),
                    flush=True,
                )
                next_mark += step
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        print(f"exit {proc.returncode} after {elapsed:.0f} s: {words / elapsed:,.0f} words/s, {args.articles / elapsed:,.1f} articles/s")


if __name__ == "__main__":
    main()
