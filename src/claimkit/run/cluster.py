"""Claim extraction on a Dask cluster (the ``dask`` extra).

``run_files`` sends each input JSONL file (local, or any fsspec URL such as
``s3://bucket/day/*.jsonl.gz`` where that filesystem is installed) to the
cluster as one partition.  A worker reads it line by line, extracts every
article with an extractor it builds once per worker process, and writes one
part, ``OUT/part-00000.jsonl`` (or ``.jsonl.gz``), beside a temporary name
first and renamed when complete.  The parts, concatenated in order, are the
output a local run on the same files gives, byte for byte.  A partition
whose task fails is retried (``retries``); a worker that dies has its
partitions rerun elsewhere by the scheduler.  At the end
``OUT/manifest.json`` lists every part with its counts of articles, records
and bad inputs.

The same article twice (same id; ``claimkit.read.repeats``), in one file or
in two, is found before any extraction: every partition is first read on
the workers for the digests of its articles' ids and texts (a pass that
parses each line but extracts nothing), the scheduler's client walks them
in input order, and each partition is then told which of its lines are later
copies: the same text is left out and counted, another text is one line
naming the id and both places (a bad input).  The parts are then the local
run's output, byte for byte, repeats and all.

``extract_bag`` / ``extract_dataframe`` are for users who already hold their
articles in a ``dask.bag`` or a Dask DataFrame.

This module is named ``cluster``, not ``dask``, so that it never shadows
the ``dask`` package.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from claimkit import pipeline
from claimkit.errors import ClaimkitError, ExtractorError, InputError, LanguageSkipped
from claimkit.extractors.spec import ExtractorSpec, cached_extractor, reads
from claimkit.model import Article
from claimkit.read import files, language
from claimkit.read.repeats import RepeatedArticle, Seen, article_keys, repeat_item
from claimkit.run import local
from claimkit.version import __version__
from claimkit.write.formats import JsonlWriter

# Messages (bad inputs, diagnostics) a part sends back in full; beyond this
# only the counts are kept.
MAX_MESSAGES = 1000
_BUILD_LOCK = threading.Lock()


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ExtractorError(
            "a Dask run needs the dask extra (pip install 'claimkit[dask]'): the distributed package is missing"
        ) from None
    return distributed


@dataclass
class Part:
    """What one partition gave: its counts and the lines to report."""

    index: int
    input: str
    part: str
    articles: int = 0
    records: int = 0
    bad_inputs: int = 0
    skipped: int = 0  # articles skipped for their language
    repeats: int = 0  # later copies of an article read before (same id and text), left out
    seconds: float = 0.0
    worker: str = ""
    messages: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    """Every part of a run, in input order, and the totals."""

    parts: list[Part]
    failed: list[str] = field(default_factory=list)  # "input: error" of partitions that failed every retry
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return sum(p.articles for p in self.parts)

    @property
    def records(self) -> int:
        return sum(p.records for p in self.parts)

    @property
    def bad_inputs(self) -> int:
        return sum(p.bad_inputs for p in self.parts)

    @property
    def skipped(self) -> int:
        return sum(p.skipped for p in self.parts)

    @property
    def repeats(self) -> int:
        return sum(p.repeats for p in self.parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimkit": __version__,
            "parts": [{k: v for k, v in asdict(p).items() if k != "messages"} for p in self.parts],
            "failed": self.failed,
            "totals": {"parts": len(self.parts), "articles": self.articles, "records": self.records, "bad_inputs": self.bad_inputs, "skipped_for_language": self.skipped, "repeats": self.repeats},
            "seconds": round(self.seconds, 3),
        }

    def format(self) -> str:
        return (
            f"{len(self.parts)} part(s), {self.articles} document(s), {self.records} record(s), "
            f"{self.bad_inputs} input error(s), {self.skipped} skipped for language, "
            f"{self.repeats} repeated article(s) read once, {len(self.failed)} failed partition(s), {self.seconds:.2f}s"
        )


def _open_text_lines(url: str) -> Iterator[bytes]:
    """The lines of a JSONL file or URL, decompressed by suffix (.gz)."""
    import fsspec

    with fsspec.open(url, "rb", compression="gzip" if url.lower().endswith(".gz") else None) as fh:
        try:
            yield from fh
        except (OSError, EOFError) as exc:
            raise InputError(f"{url}: cannot read ({exc})") from None


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):  # not on a Dask worker
        return f"pid {os.getpid()}"


def _part_name(index: int, gz: bool) -> str:
    return f"part-{index:05d}.jsonl" + (".gz" if gz else "")


# A later copy of an article, by its line in the partition: where the first
# copy was read and whether the text is the same (``claimkit.read.repeats``).
Skip = dict[int, tuple[str, bool]]


def _line_of(origin: str) -> int:
    """The line number of a JSONL article's origin (``URL:LINE``)."""
    return int(origin.rsplit(":", 1)[1])


def _left_out(items: Iterator[local.Item], skip: Skip) -> Iterator[local.Item]:
    """The partition's items with its later copies of articles replaced (``repeat_item``)."""
    for item in items:
        found = skip.get(_line_of(item.origin)) if isinstance(item, Article) and skip else None
        yield item if found is None else repeat_item(item.doc_id, item.origin, *found)


def _take(part: Part, outcome: local.Outcome, packed: Any) -> None:
    """Count one outcome of a partition, note its messages, write its records."""

    def note(line: str) -> None:
        if len(part.messages) < MAX_MESSAGES:
            part.messages.append(line)

    if isinstance(outcome, RepeatedArticle):
        part.repeats += 1
    elif isinstance(outcome, LanguageSkipped):
        part.skipped += 1
        note(f"claimkit: {outcome}")
    elif isinstance(outcome, InputError):
        part.bad_inputs += 1
        note(f"claimkit: error: {outcome}")
    else:
        part.articles += 1
        part.records += len(outcome.records)
        for diag in outcome.diagnostics:
            note(f"claimkit: {diag.doc_id}: {diag.code}: {diag.message}")
        buffer = io.StringIO()
        JsonlWriter(buffer).write(outcome.records)
        packed.write(buffer.getvalue().encode("utf-8"))


def extract_partition(
    index: int,
    url: str,
    out_dir: str,
    spec: ExtractorSpec,
    anchor: dt.date | None = None,
    max_bytes: int = files.MAX_BYTES,
    gz: bool = False,
    declared: str | None = None,
    skip: Skip | None = None,
) -> Part:
    """Run on a worker: extract one JSONL input into ``out_dir/part-NNNNN.jsonl[.gz]``,
    leaving out the lines ``skip`` names (later copies of articles)."""
    import fsspec

    started = time.perf_counter()
    with _BUILD_LOCK:
        extractor = cached_extractor(spec)
    part = Part(index=index, input=url, part=_part_name(index, gz), worker=_worker_name())
    fs, root = fsspec.core.url_to_fs(out_dir)
    final = f"{root.rstrip('/')}/{part.part}"
    tmp = f"{root.rstrip('/')}/.{part.part}.{uuid.uuid4().hex}.tmp"
    try:
        with fs.open(tmp, "wb") as raw:
            packed: Any = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if gz else raw
            try:
                items = _left_out(files.jsonl_articles(_open_text_lines(url), url, files.file_stem(url), max_bytes), skip or {})
                items = language.stage(local.with_date(items, anchor), reads=reads(spec), declared=declared)
                for outcome in local.results(items, spec, extractor=extractor):
                    _take(part, outcome, packed)
            except InputError as exc:  # the file itself cannot be read
                _take(part, exc, packed)
            if gz:
                packed.close()
        fs.mv(tmp, final)
    except BaseException:
        if fs.exists(tmp):
            fs.rm(tmp)
        raise
    part.seconds = time.perf_counter() - started
    return part


def scan_partition(url: str, max_bytes: int = files.MAX_BYTES) -> bytes:
    """Run on a worker: the digests of every article of one JSONL input (id,
    text: ``article_keys``) and its line, packed in 28 bytes each."""
    out = bytearray()
    try:
        for item in files.jsonl_articles(_open_text_lines(url), url, files.file_stem(url), max_bytes):
            if isinstance(item, Article):
                id_key, text_key = article_keys(item)
                out += id_key + text_key + _line_of(item.origin).to_bytes(4, "big")
    except InputError:  # the file cannot be read (on): the extraction reports it
        pass
    return bytes(out)


def _repeats(client: Any, jobs: list[tuple[int, str]], max_bytes: int, retries: int) -> dict[int, Skip]:
    """Scan every partition on the cluster and walk the digests in input
    order: per partition, the lines that are later copies of an article."""
    token = uuid.uuid4().hex[:8]
    futures = [client.submit(scan_partition, url, max_bytes, key=f"claimkit-scan-{i:05d}-{token}", retries=retries, pure=False) for i, url in jobs]
    seen = Seen()
    urls = dict(jobs)
    out: dict[int, Skip] = {}
    for (i, url), future in zip(jobs, futures, strict=True):
        try:
            packed = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker failure, after every retry: one line
            raise ExtractorError(f"partition {url} could not be read for repeated articles: {type(exc).__name__}: {exc}") from None
        future.release()
        skip: Skip = {}
        for at in range(0, len(packed), 28):
            line = int.from_bytes(packed[at + 24 : at + 28], "big")
            found = seen.note(packed[at : at + 16], packed[at + 16 : at + 24], f"{i}:{line}")
            if found is not None:
                first, _, first_line = found[0].partition(":")
                skip[line] = (f"{urls[int(first)]}:{first_line}", found[1])
        out[i] = skip
    return out


def input_urls(paths: list[str]) -> list[str]:
    """Local paths and directories expand to their JSONL files; a URL with a
    glob (``s3://b/2026-12-*/*.jsonl.gz``) expands through fsspec."""
    urls: list[str] = []
    for raw in paths:
        if "://" in raw:
            import fsspec

            fs, _ = fsspec.core.url_to_fs(raw)
            found = sorted(fs.glob(raw)) if any(c in raw for c in "*?[") else [raw]
            protocol = raw.split("://", 1)[0]
            urls += [u if "://" in u else f"{protocol}://{u}" for u in found]
        else:
            urls += list(files.expand_paths([raw]))
    return urls


def run_files(
    paths: list[str],
    out_dir: str,
    spec: ExtractorSpec,
    *,
    scheduler: Any,
    anchor: dt.date | None = None,
    max_bytes: int = files.MAX_BYTES,
    gz: bool = False,
    declared: str | None = None,
    retries: int = 2,
    report: Callable[[str], None] = lambda line: None,
) -> Manifest:
    """Extract every JSONL input on the cluster at ``scheduler`` (an address
    such as ``tcp://10.0.0.5:8786``, or a ``distributed.Client``), one part
    per input, and write ``out_dir/manifest.json``.

    Inputs that are not JSONL are reported as bad input.  A partition that
    fails every retry is listed in ``manifest.failed``; the error of the
    first is raised after the manifest is written.
    """
    distributed = _import_distributed()
    import fsspec

    started = time.perf_counter()
    fs, root = fsspec.core.url_to_fs(out_dir)
    fs.makedirs(root, exist_ok=True)
    jobs, early = _jsonl_jobs(input_urls(paths), report)
    client = scheduler if isinstance(scheduler, distributed.Client) else _connect(distributed, scheduler)
    try:
        skips = _repeats(client, jobs, max_bytes, retries)
        futures = _submit(client, jobs, (out_dir, spec, anchor, max_bytes, gz, declared), retries, skips)
        parts, failed = _collect(distributed, futures, retries, report)
        _report_messages(parts, report)
    finally:
        if client is not scheduler:
            client.close()
    manifest = Manifest(parts=early + parts, failed=[f"{u}: {e}" for u, e in failed], seconds=time.perf_counter() - started)
    _write_manifest(fs, root, manifest)
    if failed:
        exc = failed[0][1]
        raise exc if isinstance(exc, ClaimkitError) else ExtractorError(f"partition {failed[0][0]} failed: {exc}")
    return manifest


def _jsonl_jobs(urls: list[str], report: Callable[[str], None]) -> tuple[list[tuple[int, str]], list[Part]]:
    """The JSONL inputs numbered for their parts, and a bad-input part (reported
    now) for every other input."""
    jobs: list[tuple[int, str]] = []
    early: list[Part] = []
    for url in urls:
        if url == "-" or not files.is_jsonl_name(url):
            report(f"claimkit: error: {url}: a Dask run reads JSONL files (.jsonl, .jsonl.gz), not this")
            early.append(Part(index=-1, input=url, part="", bad_inputs=1))
        else:
            jobs.append((len(jobs), url))
    return jobs, early


def _submit(client: Any, jobs: list[tuple[int, str]], args: tuple[Any, ...], retries: int, skips: dict[int, Skip]) -> dict[Any, tuple[int, str]]:
    """One ``extract_partition`` task per job (``args``: its arguments after the
    index and URL; then the job's lines to skip), keyed by the future."""
    token = uuid.uuid4().hex[:8]
    return {
        client.submit(
            extract_partition, i, url, *args, skips.get(i) or None,
            key=f"claimkit-part-{i:05d}-{token}", retries=retries, pure=False,
        ): (i, url)
        for i, url in jobs
    }


def _collect(
    distributed: Any, futures: dict[Any, tuple[int, str]], retries: int, report: Callable[[str], None]
) -> tuple[list[Part], list[tuple[str, BaseException]]]:
    """The parts in input order, and the partitions that failed every retry
    (each reported as it fails)."""
    parts: list[Part] = []
    failed: list[tuple[str, BaseException]] = []
    for future in distributed.as_completed(futures):
        _, url = futures[future]
        try:
            part = future.result()
        except ClaimkitError as exc:
            failed.append((url, exc))
            report(f"claimkit: error: partition {url} failed after {retries} retries: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - any worker failure is reported, the run goes on
            failed.append((url, exc))
            report(f"claimkit: error: partition {url} failed after {retries} retries: {type(exc).__name__}: {exc}")
            continue
        parts.append(part)
    parts.sort(key=lambda p: p.index)
    return parts, failed


def _report_messages(parts: list[Part], report: Callable[[str], None]) -> None:
    """The bad inputs and diagnostics of every part, in input order."""
    for part in parts:
        for line in part.messages:
            report(line)
        if part.bad_inputs > len(part.messages):
            report(f"claimkit: {part.input}: {part.bad_inputs - len(part.messages)} more message(s) not shown")


def _connect(distributed: Any, address: str) -> Any:
    try:
        return distributed.Client(address)  # waits distributed.comm.timeouts.connect (30 s)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ExtractorError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {exc})") from None


def _write_manifest(fs: Any, root: str, manifest: Manifest) -> None:
    tmp = f"{root.rstrip('/')}/.manifest.{uuid.uuid4().hex}.tmp"
    with fs.open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(manifest.to_dict(), indent=2) + "\n")
    fs.mv(tmp, f"{root.rstrip('/')}/manifest.json")


# --------------------------------------------------------------------------- #
# the Python API over a dask.bag or DataFrame


def _default_id(obj: dict[str, Any]) -> str:
    text = obj.get("text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] if isinstance(text, str) else "none"
    return f"doc-{digest}"


def _clean(obj: Any) -> Any:
    """A DataFrame row: missing values (None, NaN, NaT) count as absent."""
    if not isinstance(obj, dict):
        return obj
    return {k: v for k, v in obj.items() if v is not None and v == v}


def _outcomes(partition: list[Any], spec: ExtractorSpec, max_bytes: int) -> list[dict[str, Any]]:
    with _BUILD_LOCK:
        extractor = cached_extractor(spec)
    items: list[local.Item] = []
    ids: list[str] = []
    for obj in partition:
        if isinstance(obj, files.Article):
            items.append(obj)
            ids.append(obj.doc_id)
            continue
        obj = _clean(obj)
        doc_id = str(obj.get("id") or _default_id(obj)) if isinstance(obj, dict) else "?"
        items.append(files.article_from_dict(obj, doc_id, doc_id, max_bytes))
        ids.append(doc_id)
    return [
        {"doc_id": doc_id, "records": [], "error": str(outcome)}
        if isinstance(outcome, InputError)
        else {"doc_id": doc_id, "records": outcome.records, "error": None}
        for doc_id, outcome in zip(ids, pipeline.run_all(items, extractor), strict=True)
    ]


def extract_bag(articles: Any, spec: ExtractorSpec | None = None, *, max_bytes: int = files.MAX_BYTES) -> Any:
    """A ``dask.bag`` of articles -> a bag with one ``{"doc_id", "records",
    "error"}`` per article, in order.

    An article is a dict like a JSONL line (``text``; optional ``id``,
    ``published``, ``title``, ``url``; without ``id`` the doc id is
    ``doc-`` and a digest of the text) or an ``Article``.  ``error`` is the
    message of an article that cannot be read (then ``records`` is empty).
    All records: ``extract_bag(bag).pluck("records").flatten()``.
    """
    return articles.map_partitions(_outcomes, spec or ExtractorSpec(), max_bytes)


def extract_dataframe(frame: Any, spec: ExtractorSpec | None = None, *, max_bytes: int = files.MAX_BYTES) -> Any:
    """A Dask DataFrame with a ``text`` column (and optionally ``id``,
    ``published``, ``title``, ``url``) -> the bag of ``extract_bag``."""
    return extract_bag(frame.to_bag(format="dict"), spec, max_bytes=max_bytes)
