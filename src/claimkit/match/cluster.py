"""``claimkit cluster``: group the claims of many articles that make the same claim.

Four stages, each a list of independent tasks that a ``Runner`` runs (here
one after the other; ``claimkit.match.on_dask`` runs them on a Dask
cluster):

1. every input file is read, its claims encoded (all-MiniLM-L6-v2, cleaned
   as ``match`` cleans them) and stored as a part (``store``), its words
   counted for the document frequencies;
2. cells are learnt on a sample of the vectors and every claim is assigned
   to its nearest ones (``blocking``; one cell up to 4,096 claims);
3. inside each cell the pairs of close vectors are scored by the pair model
   (``pairs``, ``edges``); the pairs at or above its threshold are edges;
   with a fact-check collection (``against``), claims whose best same_claim
   fact-check is the same are joined too (``pivots``);
4. the edges are joined by union-find (``unionfind``); every component of two
   or more claims is a ``Group`` (``groups``), written in the order of its
   first member in the input, its members read back a batch at a time.

Memory: the vectors and texts stay on disk in the working directory; what
grows with the input is the union-find parents and cell assignments (about
20 bytes a claim), their sorting into cells (about 130 bytes a claim while it
lasts), the edges (16 bytes each) and the record numbers of the groups
(docs/clusters.md gives what was measured).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from claimkit.errors import InputError
from claimkit.match import blocking, members, pairs, store
from claimkit.match.edges import block_edges
from claimkit.match.groups import Group, make_group
from claimkit.match.pairs import Idf, PairModel, Tokens
from claimkit.match.pivots import NONE, pivot_edges, pivot_task
from claimkit.match.unionfind import UnionFind

if TYPE_CHECKING:
    from claimkit.match.matcher import Matcher

Encode = Callable[[list[str]], np.ndarray]
TASK_RECORDS = 65536  # cell memberships per stage-3 task
BATCH = 8192  # members read back at once when groups are written


class Runner(Protocol):
    def map(self, fn: Callable[..., Any], items: Sequence[Any], *shared: Any) -> list[Any]:
        """``[fn(item, *shared) for item in items]``, in order (``shared`` sent once)."""


class LocalRunner:
    def map(self, fn: Callable[..., Any], items: Sequence[Any], *shared: Any) -> list[Any]:
        return [fn(item, *shared) for item in items]


def default_encode(model: PairModel) -> Encode:
    from claimkit.match.encoder import Encoder

    return Encoder(model.encoder).encode


def encode_task(job: tuple[str, int, str], encode: Encode | None, model: PairModel) -> store.PartInfo:
    """Stage 1 on one input file."""
    work, index, path = job
    return store.write_part(work, index, members.read_members(Path(path)), encode or default_encode(model))


def assign_task(job: tuple[str, int, int, int], cents: np.ndarray) -> np.ndarray:
    """Stage 2 on one part: its claims' cells."""
    work, index, count, dim = job
    out = [blocking.assign(v, cents) for v in store.chunks_of_vectors(work, index, count, dim)]
    return np.concatenate(out) if out else np.zeros((0, blocking.PROBES), dtype=np.int32)


@dataclass(frozen=True)
class Layout:
    """Where a record number lives: part ``k`` holds records ``starts[k]`` to ``starts[k + 1] - 1``."""

    work: str
    starts: np.ndarray
    dim: int

    def rows(self, records: np.ndarray) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """(part, rows in it, positions in ``records``) for sorted ``records``."""
        parts = np.searchsorted(self.starts, records, side="right") - 1
        for part in np.unique(parts).tolist():
            at = np.flatnonzero(parts == part)
            yield part, records[at] - self.starts[part], at

    def read_vectors(self, records: np.ndarray) -> np.ndarray:
        vectors = np.empty((len(records), self.dim), dtype=np.float32)
        for part, rows, at in self.rows(records):
            vectors[at] = store.read_vectors(self.work, part, rows.tolist(), self.dim)
        return vectors

    def read(self, records: np.ndarray) -> tuple[list[members.Member], np.ndarray]:
        """The members and vectors of sorted ``records``."""
        found: list[Any] = [None] * len(records)
        vectors = np.empty((len(records), self.dim), dtype=np.float32)
        for part, rows, at in self.rows(records):
            vectors[at] = store.read_vectors(self.work, part, rows.tolist(), self.dim)
            for k, m in zip(at.tolist(), store.read_members(self.work, part, rows.tolist()), strict=True):
                found[k] = m
        return found, vectors


def _cell_edges(vectors: np.ndarray, tokens: list[Tokens], docs: list[str | None], idf: Idf, model: PairModel,
                depth: int = 0) -> tuple[np.ndarray, np.ndarray]:
    if len(vectors) <= blocking.MAX_CELL or depth > 0:
        return block_edges(vectors, tokens, idf, model, docs)
    found = [(sub[a], sub[b]) for sub in blocking.subcells(vectors)
             for a, b in [_cell_edges(vectors[sub], [tokens[i] for i in sub], [docs[i] for i in sub], idf, model, depth + 1)]]
    return (np.concatenate([a for a, _ in found]), np.concatenate([b for _, b in found])) if found else (np.zeros(0, np.int64),) * 2


def cells_task(cells: list[np.ndarray], layout: Layout, idf: Idf, model: PairModel) -> np.ndarray:
    """Stage 3 on a batch of cells: the edges found, as record-number pairs (k x 2)."""
    found = [np.zeros((0, 2), dtype=np.int64)]
    for cell in cells:
        group, vectors = layout.read(cell)
        a, b = _cell_edges(vectors, [Tokens.of(m.text) for m in group], [m.doc_id for m in group], idf, model)
        found.append(np.stack([cell[a], cell[b]], axis=1))
    return np.concatenate(found)


@dataclass
class Summary:
    """What a run did, for its closing line."""

    claims: int = 0
    cells: int = 0
    edges: int = 0
    groups: int = 0
    grouped: int = 0
    inputs: list[str] = field(default_factory=list)
    pivoted: int | None = None  # with --against: the claims whose best fact-check is the same claim

    def format(self) -> str:
        matched = "" if self.pivoted is None else f", {self.pivoted} matched to a fact-check"
        return (f"{self.claims} claim(s) from {len(self.inputs)} file(s), {self.groups} group(s) of "
                f"{self.grouped} claim(s), {self.cells} cell(s){matched}")


def _sample(layout: Layout, total: int) -> np.ndarray:
    """At most ``blocking.SAMPLE`` vectors spread evenly over the records."""
    picks = np.unique(np.linspace(0, total - 1, num=min(total, blocking.SAMPLE)).astype(np.int64))
    return layout.read_vectors(picks)


def _batches(cells: list[np.ndarray]) -> list[list[np.ndarray]]:
    out: list[list[np.ndarray]] = [[]]
    size = 0
    for cell in cells:
        if size + len(cell) > TASK_RECORDS and out[-1]:
            out.append([])
            size = 0
        out[-1].append(cell)
        size += len(cell)
    return [b for b in out if b]


def find_edges(layout: Layout, total: int, idf: Idf, model: PairModel, runner: Runner, summary: Summary,
               against: Matcher | None = None) -> UnionFind:
    """Stages 2-4: cells, edges inside them (and with ``against``, claims of the same best fact-check), components."""
    every = np.arange(total, dtype=np.int64)
    jobs = [(layout.work, k, int(layout.starts[k + 1] - layout.starts[k]), layout.dim) for k in range(len(layout.starts) - 1)]
    if blocking.cell_count(total) == 1:
        cells = [every] if total > 1 else []
    else:
        cents = blocking.centroids(_sample(layout, total), blocking.cell_count(total))
        cells = blocking.cells(np.concatenate(runner.map(assign_task, jobs, cents)))
    summary.cells = len(cells)
    uf = UnionFind(total)
    for edges in runner.map(cells_task, _batches(cells), layout, idf, model):
        summary.edges += len(edges)
        uf.add(edges[:, 0], edges[:, 1])
    if against is not None:
        found = np.concatenate(runner.map(pivot_task, jobs, against, model.encoder))
        summary.pivoted = int((found != NONE).sum())
        edges = pivot_edges(found)
        uf.add(edges[:, 0], edges[:, 1])
    return uf


def write_groups(layout: Layout, uf: UnionFind, summary: Summary) -> Iterator[Group]:
    """Stage 5: the components of two or more, in the order of their first record, read a batch at a time."""
    roots = uf.roots()
    sizes = np.bincount(roots, minlength=len(roots))
    grouped = np.flatnonzero(sizes[roots] > 1)
    order = grouped[np.lexsort((grouped, roots[grouped]))]
    start = 0
    while start < len(order):
        stop = min(start + BATCH, len(order))
        while stop < len(order) and roots[order[stop]] == roots[order[stop - 1]]:
            stop += 1
        batch = np.sort(order[start:stop])
        found, vectors = layout.read(batch)
        by_root: dict[int, list[int]] = {}
        for k, record in enumerate(batch.tolist()):
            by_root.setdefault(int(roots[record]), []).append(k)
        for root in sorted(by_root):
            ks = by_root[root]
            group = make_group([found[k] for k in ks], [int(batch[k]) for k in ks], vectors[ks])
            if group is not None:
                summary.groups += 1
                summary.grouped += len(group.members)
                yield group
        start = stop


def cluster_files(paths: Sequence[Path], *, encode: Encode | None = None, runner: Runner | None = None,
                  work_dir: Path | None = None, summary: Summary | None = None, against: Matcher | None = None) -> Iterator[Group]:
    """The groups of the claims in ``paths`` (claim records or ``{"id", "claim"}`` JSONL), in input order.

    ``encode`` stands in for the MiniLM encoder (tests, benchmarks); ``runner``
    runs the tasks (default: here, one after the other); ``work_dir`` is where
    the working directory is made (default: the system's; on a cluster, a
    directory every worker sees); ``against``: a matcher over a fact-check
    collection, whose best same_claim fact-check joins claims too
    (``pivots``).  Every input is read and encoded before the first group is
    given, so bad input fails before anything is written.
    """
    members.check_inputs(paths)
    model = pairs.load()
    runner = runner or LocalRunner()
    summary = summary if summary is not None else Summary()
    summary.inputs = [str(p) for p in paths]
    if encode is None and isinstance(runner, LocalRunner):
        encode = default_encode(model)  # fails now (exit 4) when the match extra is missing
    with tempfile.TemporaryDirectory(prefix="claimkit-cluster-", dir=work_dir) as work:
        infos = runner.map(encode_task, [(work, k, str(p.resolve())) for k, p in enumerate(paths)], encode, model)
        counts = np.zeros(pairs.BUCKETS, dtype=np.int64)
        for info in infos:
            info.add_to(counts)
        summary.claims = total = sum(i.count for i in infos)
        if total == 0:
            raise InputError(f"{', '.join(map(str, paths))}: no claim to cluster")
        layout = Layout(work, np.cumsum([0] + [i.count for i in infos]), max(i.dim for i in infos))
        idf = Idf(counts, int(total))
        uf = find_edges(layout, total, idf, model, runner, summary, against)
        yield from write_groups(layout, uf, summary)
