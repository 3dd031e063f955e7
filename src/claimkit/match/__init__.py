"""Has it been fact-checked already?  Claims matched against fact-check collections.

The library face of ``claimkit index`` and ``claimkit match`` (and of
``extract``/``review --against``): each function takes paths and options and
returns typed results, or raises a ``claimkit.errors`` exception whose
message is one line.

* ``build_index(factchecks, output)`` reads ClaimReview JSON-LD or JSONL
  fact-checks and writes a ``.ckx`` index (``index``);
* ``open_collection(against)`` gives the index of ``--against``: ``.ckx``
  files are loaded, fact-check files are read and encoded in memory, and
  several are combined;
* ``match_files(claims, against, top)`` matches claim records or
  ``{"id", "claim"}`` lines and returns, per claim, its best fact-checks;
* ``Matcher(index).match(queries, top)`` does the same for ``Query`` objects.

How it works and how well: docs/matching.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from claimkit.errors import InputError
from claimkit.match import index as _index
from claimkit.match import rerank
from claimkit.match.collection import Collection, read_collection
from claimkit.match.encoder import Encoder, model_id
from claimkit.match.index import FactCheckIndex, is_index
from claimkit.match.matcher import Matcher
from claimkit.match.queries import read_queries
from claimkit.match.records import FactCheck, Match, Query

__all__ = [
    "Collection", "FactCheck", "FactCheckIndex", "Match", "Matcher", "Query",
    "build_index", "index_collection", "match_files", "open_collection", "read_collection", "read_queries",
]

Encode = Callable[[list[str]], np.ndarray]


def default_encoder() -> str:
    """The encoder the shipped re-ranker was trained with (indexes must be built with it)."""
    return rerank.load().encoder


def index_collection(collection: Collection, encode: Encode | None = None) -> FactCheckIndex:
    """Index fact-checks in memory with the re-ranker's encoder (``encode`` stands in for it in tests and
    benchmarks that reuse vectors); encoding is the slow part."""
    name = default_encoder()
    return _index.build(collection.factchecks, encode or Encoder(name).encode, model_id(name))


def build_index(factchecks: Sequence[Path], output: Path, encode: Encode | None = None) -> FactCheckIndex:
    """``claimkit index FACTCHECKS... -o OUTPUT``: read, encode, write whole or not at all."""
    index = index_collection(read_collection(factchecks), encode)
    _index.write(index, output)
    return index


def open_collection(against: Sequence[Path], encode: Encode | None = None) -> FactCheckIndex:
    """The fact-checks of ``--against``: indexes loaded, files read and indexed, all combined."""
    if not against:
        raise InputError("--against needs a fact-check index (.ckx) or fact-check files")
    loaded = [_index.load(p) for p in against if is_index(p)]
    files = [p for p in against if not is_index(p)]
    if files:
        loaded.append(index_collection(read_collection(files), encode))
    return loaded[0] if len(loaded) == 1 else _index.combine(loaded)


def match_files(claims: Sequence[Path], against: Sequence[Path], top: int = 5, encode: Encode | None = None) -> list[list[Match]]:
    """``claimkit match CLAIMS... --against FACTCHECKS... --top K``: per claim, its best fact-checks."""
    queries = read_queries(claims)
    return Matcher(open_collection(against, encode), encode=encode).match(queries, top)
