"""What language identification costs a `claimkit extract` run.

On PolNeAR dev as JSONL (84 articles, converted into a temporary directory),
prints:

- the identifier's load time (in this process, alone) and its time per
  article (median and total, whole article as the language stage reads it);
- whole `claimkit extract` runs (offline extractor, JSONL out, one child
  process each), alternating a run that identifies every article's language
  with one given `--lang en` (no identification, no model load), and the
  medians of both: their difference is what identification costs a run.

    python benchmarks/bench_langid.py [--split ../shared/eval/polnear/dev] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))


def identify_alone(texts: list[str]) -> tuple[float, list[float]]:
    """(load seconds, seconds per article) of the language stage's identifier."""
    from claimkit.read import language

    start = time.perf_counter()
    language.warm_up()
    load = time.perf_counter() - start
    per_article = []
    for text in texts:
        t = time.perf_counter()
        language.identify(text)
        per_article.append(time.perf_counter() - t)
    return load, per_article


def run_extract(inp: Path, out: Path, extra: list[str]) -> float:
    """Wall seconds of one `claimkit extract` in a child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "claimkit", "extract", str(inp), "-o", str(out), *extra],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"extract failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=SHARED / "eval" / "polnear" / "dev")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each kind, alternating")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "polnear_to_jsonl.py"), str(args.split), "-o", str(inp)], check=True)
        texts = [json.loads(line)["text"] for line in inp.read_text(encoding="utf-8").splitlines()]
        load, per_article = identify_alone(texts)
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} articles, {words:,} words")
        print(
            f"identifier: load {load:.2f} s; per article median {statistics.median(per_article) * 1e3:.2f} ms, "
            f"max {max(per_article) * 1e3:.2f} ms, total {sum(per_article):.3f} s"
        )
        with_id, without = [], []
        for _ in range(args.repeat):
            with_id.append(run_extract(inp, Path(tmp) / "a.jsonl", []))
            without.append(run_extract(inp, Path(tmp) / "b.jsonl", ["--lang", "en"]))
        a, b = statistics.median(with_id), statistics.median(without)
        print(f"extract, identifying:  {', '.join(f'{x:.2f}' for x in with_id)} s (median {a:.2f})")
        print(f"extract, --lang en:    {', '.join(f'{x:.2f}' for x in without)} s (median {b:.2f})")
        print(f"identification costs the run {a - b:+.2f} s = {(a - b) / b * 100:+.1f}% (medians)")
        print(f"identification alone (load + every article) / run without it: {(load + sum(per_article)) / b * 100:.1f}%")


if __name__ == "__main__":
    main()
