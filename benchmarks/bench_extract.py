"""Throughput and peak memory of `claimkit extract` (offline extractor).

JSONL in, JSONL out, schema validation on, one process (one core), as a user
would run it.  By default the input is the PolNeAR train texts, converted to
JSONL in a temporary directory (never written into the repository):

    python benchmarks/bench_extract.py [--split ../shared/eval/polnear/train] [--repeat 1] [--cue-tagger]

Prints words, seconds, words/s (with and without the start-up: import and
model load, measured on a one-line article) and the peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared"))


def build_input(split: Path, out: Path) -> int:
    """Write the split's texts as claimkit JSONL; return the word count."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "polnear_to_jsonl.py"), str(split), "-o", str(out)],
        check=True,
    )
    words = 0
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            words += len(json.loads(line)["text"].split())
    return words


def run_extract(inp: Path, out: Path, extra: list[str]) -> tuple[float, float, int]:
    """Run the CLI once in a child process; return (wall seconds, CPU seconds
    (user + system), peak RSS in KiB).  CPU time is less disturbed than wall
    time when another process shares the core."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = ["taskset", "-c", "0"] if subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [*cmd, sys.executable, "-m", "claimkit", "extract", str(inp), "-o", str(out), *extra],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"extract failed ({proc.returncode}): {proc.stderr.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, cpu, after.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", type=Path, default=SHARED / "eval" / "polnear" / "train")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--cue-tagger", action="store_true", help="extract with --cue-tagger (needs the tagger extra)")
    args = parser.parse_args()
    extra = ["--cue-tagger"] if args.cue_tagger else []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        inp = tmpdir / "in.jsonl"
        words = build_input(args.split, inp)
        tiny = tmpdir / "tiny.jsonl"
        tiny.write_text(json.dumps({"id": "t", "text": "The mayor said it rained."}) + "\n", encoding="utf-8")
        startup, startup_cpu, _ = run_extract(tiny, tmpdir / "tiny.out.jsonl", extra)
        best = best_cpu = float("inf")
        for _ in range(args.repeat):
            seconds, cpu, peak_kib = run_extract(inp, tmpdir / "out.jsonl", extra)
            best, best_cpu = min(best, seconds), min(best_cpu, cpu)
        records = sum(1 for _ in (tmpdir / "out.jsonl").open(encoding="utf-8"))
    print(f"input           {args.split} ({words:,} words){' with --cue-tagger' if extra else ''}")
    print(f"records         {records:,}")
    print(f"wall time       {best:.2f} s (start-up {startup:.2f} s)")
    print(f"words/s         {words / best:,.0f} (including start-up)")
    print(f"words/s         {words / max(best - startup, 1e-9):,.0f} (excluding start-up)")
    print(f"cpu time        {best_cpu:.2f} s (start-up {startup_cpu:.2f} s): {words / best_cpu:,.0f} words/s")
    print(f"peak memory     {peak_kib / 1024:,.0f} MiB (max RSS of the extract process)")


if __name__ == "__main__":
    main()
