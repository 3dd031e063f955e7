"""The working files of a clustering run: one part per input file, read back by row.

A part is ``part-NNNNN.members.jsonl`` (one ``Member`` a line), the byte
offset of each line (``.offsets.npy``) and the members' sentence vectors as
raw float16 rows (``.vectors.f16``).  Parts are written a chunk of
``CHUNK`` claims at a time and read back row by row with positioned reads
(no memory map), so that neither writing nor reading holds more than a chunk
or a block: memory does not grow with the size of the input.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from claimkit.match.members import Member
from claimkit.match.pairs import BUCKETS, Tokens, count_documents
from claimkit.match.text import clean

CHUNK = 2048
Encode = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class PartInfo:
    """What writing a part gave: its number, its size, the width of its vectors, and its hashed document counts
    as the buckets used and their counts (a part's words fill few of the 2^20 buckets: kept whole, a thousand
    input files would hold 4 GB of counts)."""

    index: int
    count: int
    dim: int
    buckets: np.ndarray
    counts: np.ndarray

    def add_to(self, total: np.ndarray) -> None:
        """Add this part's document counts to ``total`` (``BUCKETS`` counters)."""
        total[self.buckets] += self.counts


def stem(work: str, index: int) -> str:
    return os.path.join(work, f"part-{index:05d}")


def vector_text(member: Member) -> str:
    """What the encoder reads: the claim without tweet furniture (``text.clean``)."""
    return clean(member.text) or member.text


def write_part(work: str, index: int, members: Iterable[Member], encode: Encode) -> PartInfo:
    """Encode and store ``members`` as part ``index``."""
    base = stem(work, index)
    counts = np.zeros(BUCKETS, dtype=np.int32)
    offsets: list[int] = []
    count, dim, at = 0, 0, 0
    with open(base + ".members.jsonl", "wb") as lines, open(base + ".vectors.f16", "wb") as vectors:
        chunk: list[Member] = []

        def flush() -> None:
            nonlocal dim, at
            vecs = np.asarray(encode([vector_text(m) for m in chunk]), dtype=np.float16)
            dim = vecs.shape[1]
            vectors.write(vecs.tobytes())
            count_documents((Tokens.of(m.text) for m in chunk), counts)
            for m in chunk:
                data = (m.to_json() + "\n").encode("utf-8")
                offsets.append(at)
                lines.write(data)
                at += len(data)
            chunk.clear()

        for member in members:
            chunk.append(member)
            count += 1
            if len(chunk) == CHUNK:
                flush()
        if chunk:
            flush()
    offsets.append(at)
    np.save(base + ".offsets.npy", np.array(offsets, dtype=np.int64))
    used = np.flatnonzero(counts)
    return PartInfo(index, count, dim, used.astype(np.int32), counts[used])


def read_vectors(work: str, index: int, rows: Sequence[int], dim: int) -> np.ndarray:
    """The vectors of ``rows`` of a part (float32)."""
    width = dim * 2
    out = np.empty((len(rows), dim), dtype=np.float16)
    fd = os.open(stem(work, index) + ".vectors.f16", os.O_RDONLY)
    try:
        for k, row in enumerate(rows):
            out[k] = np.frombuffer(os.pread(fd, width, int(row) * width), dtype=np.float16)
    finally:
        os.close(fd)
    return out.astype(np.float32)


def read_members(work: str, index: int, rows: Sequence[int]) -> list[Member]:
    """The members of ``rows`` of a part."""
    offsets = np.load(stem(work, index) + ".offsets.npy", mmap_mode="r")
    fd = os.open(stem(work, index) + ".members.jsonl", os.O_RDONLY)
    try:
        return [Member.from_json(os.pread(fd, int(offsets[r + 1] - offsets[r]), int(offsets[r]))) for r in rows]
    finally:
        os.close(fd)


def chunks_of_vectors(work: str, index: int, count: int, dim: int) -> Iterable[np.ndarray]:
    """A part's vectors in order, ``CHUNK`` rows at a time (float32)."""
    with open(stem(work, index) + ".vectors.f16", "rb") as fh:
        for _ in range(0, count, CHUNK):
            data = fh.read(CHUNK * dim * 2)
            yield np.frombuffer(data, dtype=np.float16).reshape(-1, dim).astype(np.float32)
