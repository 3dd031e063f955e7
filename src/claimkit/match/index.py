"""The fact-check index (``.ckx``): everything matching needs, in one file.

A ``.ckx`` file is a NumPy ``.npz`` archive (a zip; nothing in it is
pickled) holding:

* ``meta``: JSON with the format name and version, the claimkit version that
  built it, the encoder's id and width, the number of fact-checks, the BM25
  parameters;
* ``factchecks``: the fact-checks' fields, one JSON object a line;
* ``bm25.{field}.*``: the BM25 weight matrix (CSR: data, indices, indptr,
  shape) and its terms, for each field (``all`` = claim and title, ``claim``,
  ``title``);
* ``vectors``: the encoder's unit vectors of the fact-checks, float16.

``write`` writes to a temporary name beside the target and renames it, so a
reader never sees half an index.  ``load`` refuses an index of another format
version or another claimkit version (``IndexMismatchError``, one line) and
never re-encodes the collection.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from claimkit.errors import IndexMismatchError, InputError
from claimkit.match.bm25 import BM25, K1, B
from claimkit.match.records import FactCheck
from claimkit.match.text import content_words
from claimkit.version import __version__

FORMAT = "claimkit-factcheck-index"
FORMAT_VERSION = 1
FIELDS = ("all", "claim", "title")


def field_words(check: FactCheck) -> dict[str, list[str]]:
    """The BM25 words of each field of a fact-check."""
    claim, title = content_words(check.claim), content_words(check.title or "")
    return {"all": claim + title, "claim": claim, "title": title}


def vector_text(check: FactCheck) -> str:
    """What the encoder reads of a fact-check: the claim, then the title of its article."""
    return f"{check.claim} {check.title}" if check.title else check.claim


@dataclass
class FactCheckIndex:
    factchecks: list[FactCheck]
    bm25: dict[str, BM25]
    vectors: np.ndarray  # n x dim, float16, unit rows
    encoder: str  # the encoder's id (all-mpnet-base-v2...)
    meta: dict[str, Any]
    _dense: np.ndarray | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.factchecks)

    def dense(self) -> np.ndarray:
        """The vectors as float32 (made once, kept: 4 bytes a number)."""
        if self._dense is None:
            self._dense = self.vectors.astype(np.float32)
        return self._dense


def build(factchecks: Sequence[FactCheck], encode: Callable[[list[str]], np.ndarray], encoder: str) -> FactCheckIndex:
    """Index ``factchecks``: BM25 of each field, and ``encode``'s vectors (the slow part)."""
    if not factchecks:
        raise InputError("no fact-check to index")
    words = [field_words(c) for c in factchecks]
    bm25 = {f: BM25.build([w[f] for w in words]) for f in FIELDS}
    vectors = np.asarray(encode([vector_text(c) for c in factchecks]), dtype=np.float16)
    meta = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "claimkit": __version__,
        "encoder": encoder, "dim": int(vectors.shape[1]), "count": len(factchecks), "bm25": {"k1": K1, "b": B},
    }
    return FactCheckIndex(list(factchecks), bm25, vectors, encoder, meta)


def _bytes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _arrays(index: FactCheckIndex) -> dict[str, np.ndarray]:
    out = {
        "meta": _bytes(json.dumps(index.meta)),
        "factchecks": _bytes("\n".join(json.dumps(c.to_dict(), ensure_ascii=False) for c in index.factchecks)),
        "vectors": np.asarray(index.vectors, dtype=np.float16),
    }
    for name, b in index.bm25.items():
        w = b.weights
        out |= {f"bm25.{name}.data": w.data, f"bm25.{name}.indices": w.indices, f"bm25.{name}.indptr": w.indptr,
                f"bm25.{name}.shape": np.array(w.shape, dtype=np.int64), f"bm25.{name}.terms": _bytes("\n".join(b.terms))}
    return out


def write(index: FactCheckIndex, path: Path) -> None:
    """Write ``path`` whole or not at all (temporary file in the same folder, then rename)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **_arrays(index))  # type: ignore[arg-type]
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _meta(path: Path, arrays: Any) -> dict[str, Any]:
    try:
        meta: dict[str, Any] = json.loads(arrays["meta"].tobytes().decode("utf-8"))
    except (KeyError, ValueError):
        raise InputError(f"{path}: not a claimkit fact-check index (no metadata)") from None
    if meta.get("format") != FORMAT:
        raise InputError(f"{path}: not a claimkit fact-check index (format {meta.get('format')!r})")
    if meta.get("format_version") != FORMAT_VERSION or meta.get("claimkit") != __version__:
        raise IndexMismatchError(
            f"{path}: built by claimkit {meta.get('claimkit')} (index format {meta.get('format_version')}); "
            f"this is claimkit {__version__} (format {FORMAT_VERSION}): rebuild it with claimkit index"
        )
    return meta


def load(path: Path) -> FactCheckIndex:
    """Read an index; a one-line error for a file that is not one or was built by another version."""
    if not Path(path).is_file():
        raise InputError(f"{path}: no such index file")
    try:
        arrays = np.load(path, allow_pickle=False)
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise InputError(f"{path}: not a claimkit fact-check index ({exc.__class__.__name__})") from None
    with arrays:
        meta = _meta(path, arrays)
        lines = arrays["factchecks"].tobytes().decode("utf-8").split("\n")
        checks = [FactCheck(**json.loads(line)) for line in lines]
        bm25 = {}
        for f in FIELDS:
            terms = arrays[f"bm25.{f}.terms"].tobytes().decode("utf-8")
            shape = tuple(int(x) for x in arrays[f"bm25.{f}.shape"])
            w = sparse.csr_matrix((arrays[f"bm25.{f}.data"], arrays[f"bm25.{f}.indices"], arrays[f"bm25.{f}.indptr"]), shape=shape)
            bm25[f] = BM25({t: i for i, t in enumerate(terms.split("\n"))} if terms else {}, w)
        vectors = arrays["vectors"]
    return FactCheckIndex(checks, bm25, vectors, meta["encoder"], meta)


def is_index(path: Path) -> bool:
    """Is ``path`` an index (by its suffix or, for any name, by its zip signature and metadata entry)?"""
    if path.suffix == ".ckx":
        return True
    try:
        with zipfile.ZipFile(path) as zf:
            return "meta.npy" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False




def combine(indexes: Sequence[FactCheckIndex]) -> FactCheckIndex:
    """Several indexes as one: each id once (the first kept), BM25 recounted over the whole, vectors stacked."""
    encoders = {i.encoder for i in indexes}
    if len(encoders) > 1:
        raise IndexMismatchError(f"the indexes were built with different encoders ({', '.join(sorted(encoders))}): rebuild them alike")
    seen: set[str] = set()
    checks, rows = [], []
    for i in indexes:
        for row, c in enumerate(i.factchecks):
            if c.id not in seen:
                seen.add(c.id)
                checks.append(c)
                rows.append(i.vectors[row])
    vectors = np.vstack(rows)
    return build(checks, lambda _texts: vectors, indexes[0].encoder)
