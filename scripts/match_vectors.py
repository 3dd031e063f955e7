"""Encode the CheckThat! 2020 claims, titles and tweets once, cached (experiments and training).

    PYTHONPATH=src python scripts/match_vectors.py --encoder mpnet [--cache DIR]

Vectors go to ``DIR/{encoder}-{what}-{sha1 of the texts}.npy`` (default
/work/tools/cache/match) so that every later run reads them back.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

from claimkit.match import checkthat
from claimkit.match.encoder import Encoder
from claimkit.match.index import vector_text
from claimkit.match.text import clean

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "checkthat2020"
CACHE = Path("/work/tools/cache/match")


def texts(shared: Path = SHARED) -> dict[str, list[str]]:
    claims = checkthat.verified_claims(shared / "verified_claims.docs.tsv")
    tweets = [t for split in ("train", "dev") for t in checkthat.tweets(shared / split / "tweets.queries.tsv")]
    return {
        "tweet": [clean(t.text) for t in tweets],
        "claimtitle": [vector_text(c) for c in claims],
        "claim": [c.claim for c in claims],
        "title": [c.title or "" for c in claims],
    }


def _known(encoder: str, what: str, cache: Path) -> dict[str, np.ndarray]:
    """Vectors cached for earlier versions of the same texts (a change of cleaning re-encodes only what changed)."""
    known: dict[str, np.ndarray] = {}
    for old in sorted(cache.glob(f"{encoder}-{what}-*.npy")):
        listed = old.with_suffix(".txt")
        if listed.exists() and not old.name.endswith(".tmp.npy"):
            vecs = np.load(old)
            known.update(zip(listed.read_text(encoding="utf-8").split("\n"), vecs, strict=True))
    return known


def cached(encoder: str, what: str, items: list[str], cache: Path = CACHE) -> np.ndarray:
    key = hashlib.sha1("\n".join(items).encode()).hexdigest()[:12]
    path = cache / f"{encoder}-{what}-{key}.npy"
    if path.exists():
        return np.load(path)
    t = time.time()
    known = _known(encoder, what, cache)
    todo = sorted({x for x in items if x not in known})
    if todo:
        known.update(zip(todo, Encoder(encoder).encode(todo), strict=True))
    vecs = np.stack([known[x] for x in items])
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path.with_suffix(".tmp.npy"), vecs)
    path.with_suffix(".txt").write_text("\n".join(items), encoding="utf-8")
    path.with_suffix(".tmp.npy").rename(path)
    print(f"{encoder} {what}: {len(items)} texts ({len(todo)} encoded) in {time.time() - t:.0f}s", file=sys.stderr)
    return vecs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--encoder", default="mpnet")
    ap.add_argument("--cache", type=Path, default=CACHE)
    args = ap.parse_args()
    for what, items in texts().items():
        cached(args.encoder, what, items, args.cache)


if __name__ == "__main__":
    main()
