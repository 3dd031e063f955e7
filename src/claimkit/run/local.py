"""Run many articles: in this process or in worker processes, to stdout, a
file, or a resumable file.  The CLI's ``extract`` is a thin layer over ``run``.

``results`` yields one ``Done`` per article (or the ``InputError`` in its
place) in input order, whether the work is done here (``jobs=1``) or by
``jobs`` worker processes, each of which builds its extractor once from an
``ExtractorSpec``.  Articles go to the workers in small chunks, and at most a
few chunks per worker are in flight: memory stays flat however long the
input is.  The records of an article do not depend on which process made
them, so the output is the same byte for byte for any ``jobs``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from claimkit import pipeline
from claimkit.errors import ClaimkitError, ExtractorError, InputError, LanguageSkipped, ResumeError
from claimkit.extractors import Extractor
from claimkit.extractors.spec import ExtractorSpec, cached_extractor
from claimkit.model import Article, Diagnostic
from claimkit.read import files, language
from claimkit.read.repeats import RepeatedArticle, drop_repeats
from claimkit.run.journal import Journal
from claimkit.run.progress import RunProgress
from claimkit.version import __version__
from claimkit.write import formats
from claimkit.write.formats import WRITERS, open_output

# Articles per task sent to a worker, and tasks in flight per worker.
CHUNK_SIZE = 8
IN_FLIGHT_PER_WORKER = 3
# Chunks per worker before the workers are replaced by fresh ones (8,000
# articles each): spaCy's vocabulary grows with every new word form (~10
# strings per news article), so a worker that lived for ever would too.
RECYCLE_AFTER_CHUNKS = 1000


@dataclass
class Done:
    """One article's records (serialised) and diagnostics."""

    doc_id: str
    origin: str
    records: list[dict[str, Any]]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # the article's metadata, its text left out (a worker sends it back):
    # writers such as ClaimReview's need its url, title and date
    meta: Article | None = None
    # the records as JSONL lines instead, where a worker serialised them for
    # a JSONL writer (cheaper to send between processes than nested dicts)
    lines: list[str] | None = None

    @property
    def count(self) -> int:
        return len(self.lines) if self.lines is not None else len(self.records)

    def serialised(self) -> Done:
        return Done(self.doc_id, self.origin, [], self.diagnostics, self.meta, [formats.line(r) for r in self.records])

    @classmethod
    def of(cls, result: pipeline.Result) -> Done:
        a = result.article
        return cls(a.doc_id, a.origin or a.doc_id, result.records, result.diagnostics, a.model_copy(update={"text": ""}))


Item = Article | InputError
Outcome = Done | InputError
# A step on each article's records in the parent process, before they are written.
Annotate = Callable[[list[dict[str, Any]]], None]


def resolve_jobs(jobs: int) -> int:
    """``0`` means every core this process may run on."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def default_start_method() -> str:
    """forkserver where there is one (Linux, macOS), else spawn; never fork
    (the parent may hold threads, e.g. rich's progress refresher)."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def results(
    inputs: Iterable[Item],
    spec: ExtractorSpec,
    *,
    jobs: int = 1,
    extractor: Extractor | None = None,
    chunk_size: int = CHUNK_SIZE,
    start_method: str | None = None,
    serialise: bool = False,
) -> Iterator[Outcome]:
    """Run every article, in input order, in this process (``jobs=1``, with
    ``extractor`` if given) or in ``jobs`` worker processes (0: all cores).
    ``serialise``: workers send each article's records as JSONL lines
    (``Done.lines``), for a JSONL writer."""
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        ext = extractor if extractor is not None else cached_extractor(spec)
        for r in pipeline.run_all(inputs, ext):
            yield r if isinstance(r, InputError) else Done.of(r)
        return
    yield from _parallel(inputs, spec, jobs, chunk_size, start_method or default_start_method(), serialise)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Each worker is one core's worth of work: one BLAS thread.  Unset, OpenBLAS
# starts a thread per core in every worker, and in a worker forked from a
# forkserver that had loaded numpy, those threads made a run 6x slower.
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Set the BLAS thread variables the user has not set, for the worker
    processes started meanwhile, and restore the environment after."""
    added = [name for name in _ONE_THREAD if name not in os.environ]
    for name in added:
        os.environ[name] = "1"
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _parallel(inputs: Iterable[Item], spec: ExtractorSpec, jobs: int, chunk_size: int, method: str, serialise: bool = False) -> Iterator[Outcome]:
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # the default offline extractor loads in the forkserver, once
        preload = "claimkit.run.preload" if spec == ExtractorSpec() else "claimkit.run.local"
        context.set_forkserver_preload(["claimkit.run.local", preload])
    chunks = _chunks(inputs, chunk_size)
    with _one_blas_thread():
        while True:
            generation = itertools.islice(chunks, jobs * RECYCLE_AFTER_CHUNKS)
            first = next(generation, None)
            if first is None:
                return
            yield from _pool_run(itertools.chain([first], generation), spec, jobs, context, serialise)


def _pool_run(chunks: Iterable[list[Item]], spec: ExtractorSpec, jobs: int, context: Any, serialise: bool = False) -> Iterator[Outcome]:
    """One generation of workers: run these chunks, in order, then let the workers go."""
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(spec, os.getpid(), serialise))
    window: deque[Future[list[Outcome]]] = deque()
    try:
        for chunk in chunks:
            window.append(pool.submit(_work, chunk))
            if len(window) >= jobs * IN_FLIGHT_PER_WORKER:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    except BrokenProcessPool:
        raise ExtractorError("a worker process died (out of memory, or killed); rerun with --resume to continue") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_WORKER_ERROR: list[ClaimkitError] = []


def _init_worker(spec: ExtractorSpec, parent: int, serialise: bool = False) -> None:
    """In each worker: leave Ctrl-C to the parent, exit when the parent is
    gone, and load the models once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(parent)
    try:
        cached_extractor(spec)
    except ClaimkitError as exc:  # raised again with the first task, to reach the parent
        _WORKER_ERROR.append(exc)
    _SPEC.append(spec)
    _SERIALISE.append(serialise)


def _watch_parent(parent: int) -> None:
    """A parent killed outright (SIGKILL) cannot stop its workers, and a
    worker waiting for work would wait for ever: check once a second.

    On POSIX the check is a SIGALRM handler, not a thread: a second thread,
    even one that only sleeps, made each worker about 8% slower (likely
    glibc's malloc, which skips its locks while a process has one thread).  The
    handler also runs while the worker waits for work (the wait is
    interrupted by the signal)."""
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, lambda _sig, _frame: _exit_if_gone(parent))
        signal.setitimer(signal.ITIMER_REAL, 1.0, 1.0)
    else:  # Windows: no interval timer
        threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="claimkit-parent-watch").start()


def _exit_if_gone(parent: int) -> None:
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        os._exit(1)
    except PermissionError:  # the pid now belongs to another user's process: ours is gone
        os._exit(1)


def _exit_with(parent: int) -> None:
    while True:
        time.sleep(1.0)
        _exit_if_gone(parent)


_SPEC: list[ExtractorSpec] = []
_SERIALISE: list[bool] = []


def _work(chunk: list[Item]) -> list[Outcome]:
    if _WORKER_ERROR:
        raise _WORKER_ERROR[0]
    extractor = cached_extractor(_SPEC[0])
    done = [r if isinstance(r, InputError) else Done.of(r) for r in pipeline.run_all(chunk, extractor)]
    return [d.serialised() if isinstance(d, Done) and _SERIALISE[0] else d for d in done]


# --------------------------------------------------------------------------- #
# the whole run: inputs -> records written -> summary


@dataclass
class Summary:
    articles: int = 0
    records: int = 0
    bad_inputs: int = 0
    skipped: int = 0  # articles skipped for their language (``claimkit.language``)
    resumed: int = 0  # articles already done by an interrupted run
    repeats: int = 0  # later copies of an article already read (same id and text), left out
    seconds: float = 0.0

    def format(self) -> str:
        resumed = f" ({self.resumed:,} done before, skipped)" if self.resumed else ""
        return (
            f"{self.articles} document(s){resumed}, {self.records} record(s), "
            f"{self.bad_inputs} input error(s), {self.skipped} skipped for language, "
            f"{self.repeats} repeated article(s) read once, {self.seconds:.2f}s"
        )


def with_date(inputs: Iterable[Item], anchor: dt.date | None) -> Iterator[Item]:
    """Give every article this publication date (``--date``)."""
    for a in inputs:
        yield a if anchor is None or isinstance(a, InputError) else a.model_copy(update={"published": anchor})


def staged_inputs(
    paths: list[str], *, max_bytes: int, anchor: dt.date | None, reads: frozenset[str] | None, declared: str | None = None
) -> Iterator[Item]:
    """The inputs of a run, read lazily in order: every article of ``paths``
    (dated ``anchor`` when given, its language set) or the ``InputError`` in
    its place; a later copy of an article is a ``RepeatedArticle``, or an
    ``InputError`` when its text differs (``claimkit.read.repeats``)."""
    items = drop_repeats(files.load(paths, max_bytes=max_bytes))
    return language.stage(with_date(items, anchor), reads=reads, declared=declared)


def fingerprint(spec: ExtractorSpec, fmt: str, *context: object) -> str:
    """What a resumed run must share with the run it continues (not ``jobs``)."""
    key = repr((__version__, spec, fmt, *context))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _skip_done(inputs: Iterable[Item], done: list[str], output: Path) -> Iterator[Item]:
    """Drop the articles an interrupted run finished; they must be the same, in the same order."""
    k = 0
    for item in inputs:
        if k < len(done) and isinstance(item, Article):
            if item.doc_id != done[k]:
                raise ResumeError(
                    f"{output}: article {k + 1} of the input is {item.doc_id!r}, but the interrupted run wrote "
                    f"{done[k]!r} there; run without --resume to start over"
                )
            k += 1
            continue
        yield item
    if k < len(done):
        raise ResumeError(f"{output}: the input has {k} article(s), fewer than the {len(done)} the interrupted run wrote")


def resumable(output: Path | None, fmt: str) -> bool:
    """JSONL to a file is written resumably (``claimkit.journal``)."""
    return output is not None and fmt == "jsonl"


def run(
    inputs: Iterable[Item],
    spec: ExtractorSpec,
    *,
    output: Path | None = None,
    stdout: IO[str] = sys.stdout,
    fmt: str = "jsonl",
    jobs: int = 1,
    resume: bool = False,
    fingerprint_key: str = "",
    extractor: Extractor | None = None,
    report: Callable[[str], None] = lambda line: None,
    progress: RunProgress | None = None,
    start_method: str | None = None,
    annotate: Annotate | None = None,
) -> Summary:
    """Extract every article and write its records as it finishes.

    ``report`` gets one line per bad input and per diagnostic.  JSONL to a
    file goes through a ``Journal`` (``resume`` continues an interrupted run);
    other output goes through ``open_output``.  ``annotate``, when given, gets
    each article's records in this process before they are written, and may
    change them (``extract --against`` adds the earlier fact-checks).
    """
    if resume and not resumable(output, fmt):
        raise ResumeError("--resume needs -o FILE and JSONL output")
    summary = Summary()
    started = time.perf_counter()
    journal = Journal(output, fingerprint=fingerprint_key, resume=resume) if resumable(output, fmt) and output else None
    serialise = fmt == "jsonl" and annotate is None
    try:
        if journal is not None:
            summary.resumed = len(journal.done)
            if progress is not None:
                progress.skipped(summary.resumed)
            inputs = _skip_done(inputs, list(journal.done), output)  # type: ignore[arg-type]
            done = results(inputs, spec, jobs=jobs, extractor=extractor, start_method=start_method, serialise=serialise)
            _write_all(done, WRITERS[fmt](journal.stream), journal, summary, report, progress, annotate)
            journal.finish()
        else:
            with open_output(output, stdout) as stream:
                done = results(inputs, spec, jobs=jobs, extractor=extractor, start_method=start_method, serialise=serialise)
                _write_all(done, WRITERS[fmt](stream), None, summary, report, progress, annotate)
    except BaseException:
        if journal is not None:
            journal.abandon()
        raise
    finally:
        if progress is not None:
            progress.stop()
    summary.seconds = time.perf_counter() - started
    return summary


def _write_all(
    outcomes: Iterable[Outcome],
    writer: Any,
    journal: Journal | None,
    summary: Summary,
    report: Callable[[str], None],
    progress: RunProgress | None,
    annotate: Annotate | None = None,
) -> None:
    for outcome in outcomes:
        if isinstance(outcome, RepeatedArticle):
            summary.repeats += 1
            continue
        if isinstance(outcome, LanguageSkipped):
            summary.skipped += 1
            report(f"claimkit: {outcome}")
            continue
        if isinstance(outcome, InputError):
            summary.bad_inputs += 1
            report(f"claimkit: error: {outcome}")
            continue
        summary.articles += 1
        summary.records += outcome.count
        for diag in outcome.diagnostics:
            report(f"claimkit: {diag.doc_id}: {diag.code}: {diag.message}")
        if annotate is not None:
            annotate(outcome.records)
        if outcome.lines is not None:
            writer.write_lines(outcome.lines)
        else:
            writer.write(outcome.records, outcome.meta)
        if journal is not None:
            journal.commit(outcome.doc_id)
        if progress is not None:
            progress.article(len(outcome.records))
    writer.close()
