"""claimkit cluster on synthetic claims: wall and CPU time, peak memory, and what the cells lose.

    PYTHONPATH=src python benchmarks/bench_cluster.py 10000 100000 300000  # each size in a process of its own
    PYTHONPATH=src python benchmarks/bench_cluster.py --blocking 10000      # cells against every pair compared
    PYTHONPATH=src python benchmarks/bench_cluster.py --encoding 1000       # the real MiniLM encoding rate

Synthetic claims are built from the 10,375 CheckThat! 2020 claims and 997
tweets (read from ../shared at run time, never copied): each source text
gives a group of 1 to 4 paraphrase-like variants (words dropped, two words
swapped, a "Reportedly," or "BREAKING:" before, a date and one of 40 source
names), and after the first pass over the texts each later pass makes new
claims of them (a place name added, the vector moved further away), so that
close but different claims are there too.  The vectors stand in for the
encoder: the source's MiniLM vector (cache of scripts/match_vectors.py) plus
noise, a variant's key carried in zero-width characters that the word
tokenizer does not see; encoding is timed apart (``--encoding``) and added
in the estimate.  Peak memory is the process's maximum resident set.  The id
of a synthetic claim ends with the key of its group, so that the pairs found
are scored against the groups made (``pair_precision``, ``pair_recall``).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from match_vectors import CACHE, cached, texts

from claimkit.match.cluster import Summary, cluster_files

ZERO, ONE = "\u200b", "\u200c"
SOURCES = [f"Source {chr(65 + k % 26)}{k // 26}" for k in range(40)]
PLACES = ["Averly", "Kell", "Tidewater", "Quay", "Westbrook", "Marrow", "Dunley", "Ashby"]


def base() -> tuple[list[str], np.ndarray]:
    t = texts()
    claims = [c.replace("\n", " ") for c in t["claim"]]
    vecs = np.concatenate([cached("minilm", "claim", t["claim"], CACHE), cached("minilm", "tweet", t["tweet"], CACHE)])
    return claims + t["tweet"], vecs.astype(np.float32)


def variant(words: list[str], rng: random.Random) -> str:
    words = [w for w in words if rng.random() > 0.1] or words
    if len(words) > 3:
        k = rng.randrange(len(words) - 1)
        words[k], words[k + 1] = words[k + 1], words[k]
    lead = rng.choice(["", "", "Reportedly, ", "BREAKING: "])
    return lead + " ".join(words)


def key(n: int) -> str:
    return "".join(ONE if b == "1" else ZERO for b in format(n, "b"))


def write_claims(n: int, path: Path, sources: list[str]) -> int:
    """Write ``n`` synthetic claims (the id ends with the key of the variant's group); the number of same-group pairs."""
    rng = random.Random(33)
    made = pairs = 0
    with path.open("w", encoding="utf-8") as fh:
        while made < n:
            src = made % len(sources)  # not exact: groups advance the count
            cycle = made // len(sources)
            words = sources[src].split()
            if cycle:
                words = [*words, "in", PLACES[cycle % len(PLACES)]]
            size = min(rng.randint(1, 4), n - made)
            pairs += size * (size - 1) // 2
            for v in range(size):
                text = variant(list(words), rng) + key(src << 12 | min(cycle, 4095))
                line = {"id": f"s{made}-{src}-{cycle}", "claim": text, "date": f"2026-{1 + v % 12:02d}-{1 + made % 28:02d}", "source": rng.choice(SOURCES)}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                made += 1
    return pairs


def right_pairs(ids: list[str]) -> int:
    """Pairs of a group's members that are variants of one synthetic claim."""
    keys: dict[str, int] = {}
    for i in ids:
        k = i.split("-", 1)[1]
        keys[k] = keys.get(k, 0) + 1
    return sum(c * (c - 1) // 2 for c in keys.values())


def make_encode(vecs: np.ndarray):  # type: ignore[no-untyped-def]
    def encode(batch: list[str]) -> np.ndarray:
        out = np.empty((len(batch), vecs.shape[1]), dtype=np.float32)
        for k, text in enumerate(batch):
            bits = "".join("1" if c == ONE else "0" for c in text if c in (ZERO, ONE))
            code = int(bits or "0", 2)
            src, cycle = code >> 12, code & 4095
            rng = np.random.default_rng(zlib.crc32(text.encode("utf-8")))
            centre = vecs[src] + (np.random.default_rng(src * 7919 + cycle).normal(scale=0.04, size=vecs.shape[1]) if cycle else 0)
            v = centre + rng.normal(scale=0.02, size=vecs.shape[1])
            out[k] = v / np.linalg.norm(v)
        return out
    return encode


def one(n: int) -> None:
    sources, vecs = base()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "claims.jsonl"
        truth = write_claims(n, path, sources)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started, cpu = time.perf_counter(), time.process_time()
        summary = Summary()
        groups = found = right = 0
        for group in cluster_files([path], encode=make_encode(vecs), summary=summary):
            ids = [m.id for m in group.members]
            groups += 1
            found += len(ids) * (len(ids) - 1) // 2
            right += right_pairs(ids)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"claims": n, "seconds_without_encoding": round(seconds, 1), "claims_per_s": round(n / seconds),
                      "cpu_seconds": round(cpu, 1), "claims_per_cpu_s": round(n / cpu),
                      "groups": groups, "cells": summary.cells, "pair_precision": round(right / max(found, 1), 3),
                      "pair_recall": round(right / max(truth, 1), 3), "peak_rss_mb": round(peak),
                      "rss_before_mb": round(before / 1024)}))


def together(path: Path, vecs: np.ndarray) -> set[tuple[str, str]]:
    """The pairs of claims that ``claimkit cluster`` puts in one group."""
    out: set[tuple[str, str]] = set()
    for group in cluster_files([path], encode=make_encode(vecs)):
        ids = sorted(m.id for m in group.members)
        out.update((a, b) for k, a in enumerate(ids) for b in ids[k + 1 :])
    return out


def blocking_loss(n: int) -> None:
    """The same claims grouped with cells and with every pair compared (one cell): what the cells lose."""
    from claimkit.match import blocking

    sources, vecs = base()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "claims.jsonl"
        write_claims(n, path, sources)
        cells = blocking.cell_count(n)
        blocked = together(path, vecs)
        blocking.SINGLE = blocking.MAX_CELL = n + 1
        exact = together(path, vecs)
    print(json.dumps({"claims": n, "cells": cells, "pairs_exact": len(exact), "pairs_blocked": len(blocked),
                      "exact_pairs_kept": round(len(exact & blocked) / max(len(exact), 1), 4),
                      "blocked_pairs_not_exact": len(blocked - exact)}))


def encoding_rate(n: int) -> None:
    from claimkit.match.encoder import Encoder

    sources, _ = base()
    enc = Encoder("minilm")
    started = time.perf_counter()
    enc.encode(sources[:n])
    seconds = time.perf_counter() - started
    print(json.dumps({"encoded": n, "seconds": round(seconds, 1), "texts_per_s": round(n / seconds, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--one", type=int)
    ap.add_argument("--encoding", type=int)
    ap.add_argument("--blocking", type=int, help="group N claims with cells and with one cell, and compare")
    args = ap.parse_args()
    if args.one:
        one(args.one)
    elif args.blocking:
        blocking_loss(args.blocking)
    elif args.encoding:
        encoding_rate(args.encoding)
    for n in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
