"""Resumable output: ``FILE.part`` plus a small index, renamed to FILE at the end.

A run writing JSONL to ``FILE`` writes ``FILE.part`` instead, one article at a
time, and keeps an index ``FILE.part.idx`` beside it: a header line (what the
run was asked to do) and then one line per finished article, ``{"n": k,
"doc": doc_id, "end": byte offset of FILE.part after its records}``.  Each article's records
are written as it finishes; at most once a second (``SYNC_SECONDS``) and at
the end, FILE.part is fsync'ed first and then the index lines of the articles
written since are written and fsync'ed, so an index line always describes
bytes on disk.  (One fsync pair per article cost 1.6 ms each, 2% of a
one-core run; now a power loss costs the articles finished since the last sync,
which ``--resume`` runs again: those of under a second, or the one
last article where articles take longer.)

When the run ends well, ``FILE.part`` is renamed to ``FILE`` (atomically) and
the index removed.  A run killed at any point (SIGKILL, power loss) leaves
both files; the same command with ``--resume`` reads the index, cuts
``FILE.part`` back to the last finished article (dropping a half-written
line, or the first records of an unfinished article), skips the articles the
index lists and appends the rest.  Without ``--resume`` a new run starts
``FILE.part`` afresh.  ``FILE`` itself is only ever replaced by a finished
run, so a failed run never clobbers an older one.

Gzipped output (``FILE.jsonl.gz``) is one gzip member per article (written
with mtime 0: the same records give the same bytes); readers of gzip read the
members as one stream.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import time
from pathlib import Path
from typing import IO

from claimkit.errors import ResumeError

try:
    import fcntl
except ImportError:  # not POSIX: no lock
    fcntl = None  # type: ignore[assignment]

_HEADER_KEY = "claimkit-journal"
SYNC_SECONDS = 1.0  # the least time between two syncs (a sync happens at a commit)


def _fsync(fh: IO[bytes]) -> None:
    fh.flush()
    os.fsync(fh.fileno())


class Journal:
    """The resumable output of one run; ``stream`` is what the writer writes to."""

    def __init__(self, path: Path, *, fingerprint: str, resume: bool) -> None:
        self.path = path
        self.part = path.with_name(path.name + ".part")
        self.index_path = path.with_name(path.name + ".part.idx")
        self.gz = path.name.lower().endswith(".gz")
        self.fingerprint = fingerprint
        self.stream: io.StringIO = io.StringIO()
        self.done: list[str] = []  # doc ids finished by earlier runs, in order
        self.resumed = False
        self._offset = 0
        self._pending: list[bytes] = []  # index lines of articles written but not yet made durable
        self._synced = time.monotonic()
        self._index = open(self.index_path, "a+b")  # noqa: SIM115 - held for the run
        try:
            self._lock()
            if resume:
                self._load()
            if not self.resumed:
                self._index.truncate(0)
                self._index.seek(0)
                header = {_HEADER_KEY: 1, "fingerprint": fingerprint}
                self._index.write((json.dumps(header) + "\n").encode("utf-8"))
                _fsync(self._index)
            self._part = open(self.part, "r+b" if self.resumed else "wb")  # noqa: SIM115
        except BaseException:
            self._index.close()
            raise
        self._part.truncate(self._offset)
        self._part.seek(self._offset)

    def _lock(self) -> None:
        if fcntl is None:
            return
        try:
            fcntl.flock(self._index.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ResumeError(f"{self.path}: another claimkit run is writing it ({self.index_path} is locked)") from None

    def _load(self) -> None:
        """Read the index of an earlier run; keep its complete lines only."""
        self._index.seek(0)
        lines = self._index.read().split(b"\n")
        if not self.part.exists() or not lines[0]:
            return  # nothing to resume: start afresh
        try:
            header = json.loads(lines[0])
        except json.JSONDecodeError:
            return
        if header.get("fingerprint") != self.fingerprint:
            raise ResumeError(
                f"{self.part} was written from other inputs or options; run without --resume to start over"
            )
        size = self.part.stat().st_size
        good = 1
        for raw in lines[1:-1]:  # the last element is after the final newline: incomplete or empty
            try:
                entry = json.loads(raw)
            except json.JSONDecodeError:
                break
            if entry.get("n") != len(self.done) or entry.get("end", size + 1) > size:
                break
            self.done.append(str(entry["doc"]))
            self._offset = int(entry["end"])
            good += 1
        # drop a torn last index line so new lines follow complete ones
        keep = sum(len(line) + 1 for line in lines[:good])
        self._index.truncate(keep)
        self._index.seek(keep)
        self.resumed = True

    def commit(self, doc_id: str) -> None:
        """Write what the writer wrote for this article and record it as
        done; durable within ``SYNC_SECONDS``."""
        data = self._take()
        if data:
            self._part.write(data)
            self._offset += len(data)
        entry = {"n": len(self.done), "doc": doc_id, "end": self._offset}
        self._pending.append((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
        self.done.append(doc_id)
        if time.monotonic() - self._synced >= SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        """Make the articles committed so far durable: records first, then their index lines."""
        if self._pending:
            _fsync(self._part)
            self._index.write(b"".join(self._pending))
            _fsync(self._index)
            self._pending.clear()
        self._synced = time.monotonic()

    def _take(self) -> bytes:
        text = self.stream.getvalue()
        self.stream.seek(0)
        self.stream.truncate(0)
        data = text.encode("utf-8")
        return gzip.compress(data, mtime=0) if self.gz and data else data

    def finish(self) -> None:
        """Write what is left, rename FILE.part to FILE, remove the index."""
        data = self._take()
        if data:
            self._part.write(data)
        _fsync(self._part)
        self._part.close()
        os.replace(self.part, self.path)
        self._index.close()
        self.index_path.unlink(missing_ok=True)
        _fsync_dir(self.path.parent)

    def abandon(self) -> None:
        """Close, keeping FILE.part and its index for ``--resume`` (with
        every article finished so far)."""
        with contextlib.suppress(OSError):  # e.g. the disk is full: resume from the last durable article
            self.sync()
        self._part.close()
        self._index.close()


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (where the platform allows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
