"""``claimkit cluster --against``: two claims whose best fact-check is the same are the same claim.

A desk that keeps a collection of fact-checks can use it as a pivot: every
claim is looked up with the matcher (``Matcher.match``, its ``TOP`` best),
and its pivot is the best of them the matcher calls ``same_claim``; claims
with the same pivot are joined, on top of the pair model's edges (a union).
The claims' stored vectors are the matcher's query vectors (the same encoder
reading the same cleaned text), so nothing is encoded twice.  A fragment
(``edges.fragment``) gets no pivot, as it gets no edge.

Memory: one int32 a claim (the fact-check's row in the collection, -1 for
none); the join sorts them (8 bytes a claim while it lasts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from claimkit.match import store
from claimkit.match.edges import fragment
from claimkit.match.encoder import model_id
from claimkit.match.pairs import Tokens
from claimkit.match.records import Query

if TYPE_CHECKING:
    from claimkit.match.matcher import Matcher

TOP = 5  # the matcher's best read for a same_claim one
NONE = -1


def pivots_of(texts: list[str], ids: list[str], vectors: np.ndarray | None, matcher: Matcher) -> np.ndarray:
    """Each claim's pivot: the row of its best ``same_claim`` fact-check in the collection, else ``NONE``
    (``vectors``: the claims' vectors by the matcher's encoder; None: the matcher encodes them)."""
    rows = {c.id: k for k, c in enumerate(matcher.index.factchecks)}
    out = np.full(len(texts), NONE, dtype=np.int32)
    asked = [k for k, t in enumerate(texts) if not fragment(Tokens.of(t))]
    if not asked:
        return out
    found = matcher.match([Query(ids[k], texts[k]) for k in asked], TOP, None if vectors is None else vectors[asked])
    for k, matches in zip(asked, found, strict=True):
        best = next((m for m in matches if m.same_claim), None)
        if best is not None:
            out[k] = rows[best.factcheck_id]
    return out


def pivot_task(job: tuple[str, int, int, int], matcher: Matcher, encoder: str) -> np.ndarray:
    """The pivots of one part's claims, a chunk at a time (``encoder``: the one the stored vectors come from;
    another than the matcher's and the matcher encodes the texts again)."""
    work, index, count, dim = job
    same = model_id(encoder) == model_id(matcher.reranker.encoder)
    out = [np.zeros(0, dtype=np.int32)]
    for start, vectors in zip(range(0, count, store.CHUNK), store.chunks_of_vectors(work, index, count, dim), strict=True):
        chunk = store.read_members(work, index, list(range(start, start + len(vectors))))
        out.append(pivots_of([m.text for m in chunk], [m.id for m in chunk], vectors if same else None, matcher))
    return np.concatenate(out)


def pivot_edges(pivots: np.ndarray) -> np.ndarray:
    """Record-number pairs (k x 2) joining every claim to the first claim of its pivot."""
    records = np.flatnonzero(pivots != NONE)
    if not len(records):
        return np.zeros((0, 2), dtype=np.int64)
    order = records[np.argsort(pivots[records], kind="stable")]
    keys = pivots[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    first = order[np.repeat(starts, np.diff(np.r_[starts, len(order)]))]
    keep = first != order
    return np.stack([first[keep], order[keep]], axis=1).astype(np.int64)
