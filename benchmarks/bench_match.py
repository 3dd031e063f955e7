"""Fact-check matching: index build time, match throughput, peak memory, MAP (CheckThat! 2020 dev).

    PYTHONPATH=src python benchmarks/bench_match.py                 # both collections, each in its own process
    PYTHONPATH=src python benchmarks/bench_match.py dev             # the 10,375 verified claims, 197 dev tweets
    PYTHONPATH=src python benchmarks/bench_match.py large [--size 100000]

``dev`` builds the index of the 10,375 CheckThat! 2020 verified claims
(../shared, read at run time) with the shipped encoder, writes and reloads it,
matches the 197 dev tweets (top 5) and scores them against the dev qrels.
``large`` makes a collection of ``--size`` fact-checks: the 10,375 claims
and synthetic variants of them under new ids (the claim with one word left
out, so BM25 sees new texts); their vectors are the source claim's vector
with a little noise, so the encoding time of the whole collection is
estimated from the rate measured on the real claims (printed as such), and
the index, its size and the match throughput are measured for real.  Peak
memory is the process's maximum resident set size after each step (each
collection runs in a process of its own).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from claimkit.evaluate.matches import read_qrels, score
from claimkit.match import Collection, Matcher, default_encoder, index_collection, rerank
from claimkit.match import checkthat as ct
from claimkit.match import index as ckx
from claimkit.match.encoder import Encoder
from claimkit.match.records import FactCheck

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "checkthat2020"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(label: str, value: str) -> None:
    print(f"  {label:44s} {value}", flush=True)


def timed_match(index: ckx.FactCheckIndex, tweets: list, label: str) -> list:  # type: ignore[type-arg]
    """Match ``tweets`` with the shipped re-ranker, and again without the cross-encoder (where the time goes)."""
    shipped = rerank.load()
    out: list = []  # type: ignore[type-arg]
    for name, model in (("", shipped), (", without the cross-encoder", dataclasses.replace(shipped, cross_top=0))):
        matcher = Matcher(index, model)
        if model.cross_top:
            matcher._cross_encoder().score(["warm up"], ["warm up"])
        matcher.encode(["warm up"])  # model loads are not part of the throughput
        t = time.perf_counter()
        matches = matcher.match(tweets, top=5)
        took = time.perf_counter() - t
        report(f"match {len(tweets)} claims ({label}{name})", f"{took:.1f} s, {len(tweets) / took:.1f} claims/s; peak RSS {peak_mb():,.0f} MB")
        out = out or matches
    return out


def write_and_load(index: ckx.FactCheckIndex, n: int) -> ckx.FactCheckIndex:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "checks.ckx"
        t = time.perf_counter()
        ckx.write(index, path)
        size = path.stat().st_size
        wrote = time.perf_counter() - t
        t = time.perf_counter()
        again = ckx.load(path)
        report("index file", f"{size / 1e6:,.1f} MB ({size / 1e6 * 100_000 / n:,.0f} MB per 100,000 fact-checks); "
               f"write {wrote:.1f} s, load {time.perf_counter() - t:.1f} s")
    return again


def dev() -> None:
    claims = ct.verified_claims(SHARED / "verified_claims.docs.tsv")
    tweets = ct.tweets(SHARED / "dev" / "tweets.queries.tsv")
    print(f"dev: {len(claims):,} verified claims, {len(tweets)} dev tweets, encoder {default_encoder()}")
    encoder = Encoder(default_encoder())
    t = time.perf_counter()
    index = index_collection(Collection(claims), encoder.encode)
    took = time.perf_counter() - t
    report("build index (BM25 + encoding)", f"{took:.1f} s ({len(claims) / took:.0f} fact-checks/s); peak RSS {peak_mb():,.0f} MB")
    index = write_and_load(index, len(claims))
    matches = timed_match(index, tweets, "dev")
    s = score({ms[0].query_id: [m.factcheck_id for m in ms] for ms in matches},
              {(m.query_id, m.factcheck_id) for ms in matches for m in ms if m.same_claim},
              read_qrels(SHARED / "dev" / "tweet-vclaim-pairs.qrels"))
    for line in s.lines():
        report("dev", line)


def variant(c: FactCheck, k: int, rng: random.Random) -> FactCheck:
    words = c.claim.split()
    if len(words) > 3:
        del words[rng.randrange(len(words))]
    return FactCheck(id=f"syn{k}-{c.id}", claim=" ".join(words), title=c.title)


def large(size: int) -> None:
    claims = ct.verified_claims(SHARED / "verified_claims.docs.tsv")
    tweets = ct.tweets(SHARED / "dev" / "tweets.queries.tsv")
    rng = random.Random(7)
    made = [variant(claims[i % len(claims)], i // len(claims) + 1, rng) for i in range(size - len(claims))]
    collection = claims + made
    print(f"large: {len(collection):,} fact-checks ({len(claims):,} real, {len(made):,} synthetic variants)")
    encoder = Encoder(default_encoder())
    t = time.perf_counter()
    base = encoder.encode([ckx.vector_text(c) for c in claims])
    rate = len(claims) / (time.perf_counter() - t)
    report(f"encoding rate ({len(claims):,} real claims)", f"{rate:.0f} fact-checks/s -> {size / rate / 60:.1f} min estimated for {size:,}")
    noise = np.random.default_rng(7).normal(0, 0.02, (len(made), base.shape[1])).astype(np.float32)
    vecs = np.vstack([base, base[[i % len(claims) for i in range(len(made))]] + noise])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    t = time.perf_counter()
    index = ckx.build(collection, lambda _texts: vecs, encoder.id)
    report("build index without encoding (BM25, fields)", f"{time.perf_counter() - t:.1f} s; peak RSS {peak_mb():,.0f} MB")
    index = write_and_load(index, len(collection))
    timed_match(index, tweets, f"against {len(collection):,}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", nargs="?", choices=["dev", "large"])
    ap.add_argument("--size", type=int, default=100_000)
    args = ap.parse_args()
    if args.which == "dev":
        dev()
    elif args.which == "large":
        large(args.size)
    else:
        for which in ("dev", "large"):
            subprocess.run([sys.executable, __file__, which, "--size", str(args.size)], check=True)


if __name__ == "__main__":
    main()
