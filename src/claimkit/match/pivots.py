"""``claimkit cluster --against``: two claims checked by the same fact-check are the same claim.

A desk that keeps a collection of fact-checks can use it as a pivot: every
claim is looked up with the matcher (``Matcher.rank``, its ``TOP`` best), and
claims that share a pivot are joined, on top of the pair model's edges (a
union).  A claim's pivots:

* the best of its ``TOP`` that the matcher calls ``same_claim`` (every claim);
* for a claim without a document (a tweet, a line typed by a reviewer: no
  ``doc_id``), also every one of its ``TOP`` whose regression probability
  reaches ``SHARED`` and whose cosine reaches the ``same_claim`` floor
  (round 5): two such claims share a pivot when some fact-check is that likely
  for both.  Claims of articles keep the first rule only: a story's claims
  share its likely fact-checks whether or not they say the same thing (round
  4, docs/clusters.md), where a tweet is one claim.

The collection also vetoes (round 5, every claim): a pair model's edge is
dropped when the two claims' best fact-checks (the regression's best of the
``TOP``) differ and the regression gives each at least ``VETO``, its cosine
at the ``same_claim`` floor: two claims checked by two different fact-checks
are two claims, however many words they share (``vetoed``).

The claims' stored vectors are the matcher's query vectors (the same encoder
reading the same cleaned text), so nothing is encoded twice.  A fragment
(``edges.fragment``) gets no pivot, as it gets no edge.

Memory: ``TOP`` + 1 int32 a claim (fact-check rows in the collection, ``NONE``
for none: the pivots, then the confident best); the join sorts the pivots (8
bytes an entry while it lasts).
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

TOP = 5  # the matcher's best read for pivots
NONE = -1
SHARED = 0.5  # a claim without a document: its fact-checks this likely (regression probability) are pivots too
VETO = 0.5  # two claims whose best fact-checks differ, each at least this likely, are not joined by the pair model


def pivots_of(texts: list[str], ids: list[str], vectors: np.ndarray | None, matcher: Matcher,
              loose: list[bool] | None = None) -> np.ndarray:
    """Each claim's row of ``TOP`` + 1 fact-check rows in the collection: its pivots (the best ``same_claim``
    fact-check first, then, when ``loose[k]`` (claim k has no document), its other fact-checks of probability
    ``SHARED`` or more above the cosine floor; ``NONE`` fills the rest), and last its best fact-check when the
    regression gives it ``VETO`` or more and its cosine reaches the floor, else ``NONE`` (``vectors``: the
    claims' vectors by the matcher's encoder; None: the matcher encodes them)."""
    out = np.full((len(texts), TOP + 1), NONE, dtype=np.int32)
    asked = [k for k, t in enumerate(texts) if not fragment(Tokens.of(t))]
    if not asked:
        return out
    floor = matcher.reranker.same_cos if matcher.reranker.same_cos is not None else -1.0
    found = matcher.rank([Query(ids[k], texts[k]) for k in asked], TOP, None if vectors is None else vectors[asked])
    for k, ranked in zip(asked, found, strict=True):
        same = np.flatnonzero(ranked.same_claim)
        mine = [int(ranked.rows[same[0]])] if len(same) else []
        if loose is not None and loose[k]:
            likely = (ranked.regression >= SHARED) & (ranked.cosine >= floor)
            mine += [int(r) for r in ranked.rows[likely] if int(r) not in mine]
        out[k, : min(len(mine), TOP)] = mine[:TOP]
        best = int(np.argmax(ranked.regression))
        if ranked.regression[best] >= VETO and ranked.cosine[best] >= floor:
            out[k, TOP] = int(ranked.rows[best])
    return out


def pivot_task(job: tuple[str, int, int, int], matcher: Matcher, encoder: str) -> np.ndarray:
    """The pivots of one part's claims, a chunk at a time (``encoder``: the one the stored vectors come from;
    another than the matcher's and the matcher encodes the texts again)."""
    work, index, count, dim = job
    same = model_id(encoder) == model_id(matcher.reranker.encoder)
    out = [np.zeros((0, TOP + 1), dtype=np.int32)]
    for start, vectors in zip(range(0, count, store.CHUNK), store.chunks_of_vectors(work, index, count, dim), strict=True):
        chunk = store.read_members(work, index, list(range(start, start + len(vectors))))
        out.append(pivots_of([m.text for m in chunk], [m.id for m in chunk], vectors if same else None, matcher,
                             [m.doc_id is None for m in chunk]))
    return np.concatenate(out)


def vetoed(edges: np.ndarray, best: np.ndarray) -> np.ndarray:
    """Which of ``edges`` (record-number pairs, k x 2) join two claims whose confident best fact-checks (``best``,
    a row a claim or ``NONE``; ``pivots_of``'s last column) differ."""
    a, b = best[edges[:, 0]], best[edges[:, 1]]
    return (a != NONE) & (b != NONE) & (a != b)


def pivot_edges(pivots: np.ndarray) -> np.ndarray:
    """Record-number pairs (k x 2) joining every claim to the first claim of each of its pivots (``pivots``: one
    row of pivots a claim, or one pivot a claim)."""
    table = pivots.reshape(len(pivots), -1)
    claims, slots = np.nonzero(table != NONE)
    if not len(claims):
        return np.zeros((0, 2), dtype=np.int64)
    keys = table[claims, slots]
    order = np.lexsort((claims, keys))
    claims, keys = claims[order], keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    first = claims[np.repeat(starts, np.diff(np.r_[starts, len(claims)]))]
    keep = first != claims
    return np.stack([first[keep], claims[keep]], axis=1).astype(np.int64)
