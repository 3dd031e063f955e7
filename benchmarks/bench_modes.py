"""Words/s and peak memory of each extraction mode on the same texts, in one run.

    python benchmarks/bench_modes.py [--split ../shared/eval/polnear/dev] [--articles 20] [--repeat 1]
        [--modes default,cue-tagger,accurate]

The modes are the offline extractor alone (``default``), with the MiniLM cue
tagger (``--cue-tagger``, tagger extra) and with the MPNet tagger
(``--accurate``, accurate extra).  Each run is `claimkit extract` in a child
process on one core (JSONL in and out, validation on), as a user runs it; with
``--repeat`` the modes alternate, so a machine whose speed drifts slows them
alike.  Start-up (imports and model loading) is measured on a one-line
article and reported apart.  Peak memory is the child's own maximum RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared"))
FLAGS = {"default": [], "cue-tagger": ["--cue-tagger"], "accurate": ["--accurate"]}


def build_input(split: Path, out: Path, articles: int) -> int:
    """The split's first ``articles`` texts (sorted by id) as claimkit JSONL; return the word count."""
    full = out.with_suffix(".all.jsonl")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "polnear_to_jsonl.py"), str(split), "-o", str(full)], check=True)
    rows = sorted((json.loads(line) for line in full.open(encoding="utf-8")), key=lambda r: r["id"])
    rows = rows[:articles] if articles else rows
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return sum(len(r["text"].split()) for r in rows)


def run_extract(inp: Path, out: Path, flags: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS KiB) of one `claimkit extract` child on one core."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    pin = ["taskset", "-c", "0"] if subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []
    start = time.perf_counter()
    proc = subprocess.Popen([*pin, sys.executable, "-m", "claimkit", "extract", str(inp), "-o", str(out), *flags], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"extract {' '.join(flags)} failed ({code}): {err.strip()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", type=Path, default=SHARED / "eval" / "polnear" / "dev")
    ap.add_argument("--articles", type=int, default=20, help="the first N articles of the split (0: all)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--modes", default="default,cue-tagger,accurate")
    args = ap.parse_args()
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        inp, tiny = d / "in.jsonl", d / "tiny.jsonl"
        words = build_input(args.split, inp, args.articles)
        tiny.write_text(json.dumps({"id": "t", "text": "The mayor said it rained."}) + "\n", encoding="utf-8")
        runs: dict[str, list[tuple[float, float, int]]] = {m: [] for m in modes}
        tiny_runs: dict[str, list[tuple[float, float, int]]] = {m: [] for m in modes}
        for m in modes:  # a first, cold start of each mode (files not yet in the page cache) is not counted
            run_extract(tiny, d / "tiny.out.jsonl", FLAGS[m])
        for _ in range(args.repeat):
            for m in modes:  # alternating, each start-up measured beside its run
                tiny_runs[m].append(run_extract(tiny, d / "tiny.out.jsonl", FLAGS[m]))
                runs[m].append(run_extract(inp, d / f"{m}.out.jsonl", FLAGS[m]))
        starts = {m: (median(r[0] for r in tiny_runs[m]), median(r[1] for r in tiny_runs[m])) for m in modes}
        records = {m: sum(1 for _ in (d / f"{m}.out.jsonl").open(encoding="utf-8")) for m in modes}
    print(f"input: {args.split}, {args.articles or 'all'} articles, {words:,} words; one core; median of {args.repeat} run(s) per mode")
    print(f"{'mode':12} {'records':>8} {'wall s':>8} {'start-up s':>10} {'words/s':>9} {'words/s excl. start-up':>22} {'CPU words/s':>12} {'peak MiB':>9}")
    for m in modes:
        wall = median(r[0] for r in runs[m])
        cpu = median(r[1] for r in runs[m])
        peak = max(r[2] for r in runs[m]) / 1024
        sw, sc = starts[m]
        print(f"{m:12} {records[m]:>8,} {wall:>8.1f} {sw:>10.1f} {words / wall:>9,.0f} {_rate(words, wall, sw):>22} {_rate(words, cpu, sc):>12} {peak:>9,.0f}")


def _rate(words: int, total: float, start_up: float) -> str:
    """Words per second after start-up; "-" when the work is too small a
    part of the run (under 10%) to be told from the start-up's spread."""
    work = total - start_up
    return f"{words / work:,.0f}" if work > 0.1 * total else "-"


if __name__ == "__main__":
    main()
