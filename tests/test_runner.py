"""Large runs: --jobs, .jsonl.gz in and out, stdin streaming, --resume after SIGKILL.

Inputs are Wikinews articles from the shared data, written to a temporary
directory at test time (never into the repository).
"""

from __future__ import annotations

import gzip
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")


def _claimkit(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimkit", *args], env=ENV, capture_output=True, text=True, check=False, **kw)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def wikinews(wikinews_articles: Callable[[int], list[dict[str, object]]]) -> list[dict[str, object]]:
    return wikinews_articles(160)


def _write_jsonl(path: Path, articles: list[dict[str, object]], bad_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(a, ensure_ascii=False) for a in articles]
    for at, line in sorted((bad_lines or {}).items()):  # at: the final 0-based line index
        lines.insert(at, line)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def test_jobs_two_gives_the_same_bytes_and_reports_bad_lines(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    # two bad lines inside the run: each is named by file and line, the run goes on, exit 3
    inp = _write_jsonl(tmp_path / "in.jsonl", wikinews[:40], {5: '{"id": "broken", "text": ', 20: '{"id": "no-text"}'})
    one = _claimkit("extract", str(inp), "-o", str(tmp_path / "one.jsonl"))
    two = _claimkit("extract", str(inp), "-o", str(tmp_path / "two.jsonl"), "--jobs", "2")
    for run in (one, two):
        assert run.returncode == 3, run.stderr
        assert f"{inp}:6: invalid JSON" in run.stderr and f"{inp}:21: each line must be an object" in run.stderr
        assert "40 document(s)" in run.stderr and "2 input error(s)" in run.stderr
        assert "Traceback" not in run.stderr
    a, b = (tmp_path / "one.jsonl").read_bytes(), (tmp_path / "two.jsonl").read_bytes()
    assert a == b and a.count(b"\n") > 100
    docs = [json.loads(line)["doc_id"] for line in a.decode().splitlines()]
    order = [str(x["id"]) for x in wikinews[:40]]
    assert sorted(set(docs), key=order.index) == list(dict.fromkeys(docs))  # input order


def test_gzip_in_and_out(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    plain = _write_jsonl(tmp_path / "in.jsonl", wikinews[:12])
    packed = _write_jsonl(tmp_path / "in.jsonl.gz", wikinews[:12])
    assert _claimkit("extract", str(plain), "-o", str(tmp_path / "a.jsonl")).returncode == 0
    run = _claimkit("extract", str(packed), "-o", str(tmp_path / "b.jsonl.gz"), "-j", "2")
    assert run.returncode == 0, run.stderr
    raw = (tmp_path / "b.jsonl.gz").read_bytes()
    assert raw[:2] == b"\x1f\x8b"
    assert gzip.decompress(raw) == (tmp_path / "a.jsonl").read_bytes()
    # the same records give the same compressed bytes
    assert _claimkit("extract", str(packed), "-o", str(tmp_path / "c.jsonl.gz")).returncode == 0
    assert (tmp_path / "c.jsonl.gz").read_bytes() == raw
    # a corrupt .gz is one bad input, not a traceback
    (tmp_path / "bad.jsonl.gz").write_bytes(raw[: len(raw) // 2])
    bad = _claimkit("extract", str(tmp_path / "bad.jsonl.gz"), "-o", str(tmp_path / "d.jsonl"))
    assert bad.returncode == 3 and "bad.jsonl.gz: cannot read" in bad.stderr and "Traceback" not in bad.stderr


def test_stdin_jsonl_streams_records_before_input_ends(wikinews: list[dict[str, object]]) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimkit", "extract", "-"],
        env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write((json.dumps(wikinews[0]) + "\n").encode("utf-8"))
        proc.stdin.flush()
        # stdin stays open: the first article's records must come anyway
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        assert ready, "no record while stdin was still open"
        first = json.loads(proc.stdout.readline())
        assert first["doc_id"] == wikinews[0]["id"]
        proc.stdin.write((json.dumps(wikinews[1]) + "\n").encode("utf-8"))
        proc.stdin.close()
        rest = proc.stdout.read().decode("utf-8").splitlines()
        assert proc.wait(timeout=120) == 0
    finally:
        proc.kill()
    assert {json.loads(line)["doc_id"] for line in rest} <= {wikinews[0]["id"], wikinews[1]["id"]}
    assert any(json.loads(line)["doc_id"] == wikinews[1]["id"] for line in rest)


def _wait_for_entries(index: Path, n: int, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if index.exists() and index.read_bytes().count(b"\n") > n:
            return
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be killed: {proc.stderr.read() if proc.stderr else ''!r}")
        time.sleep(0.05)
    pytest.fail("the run made no progress")


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.parametrize(("suffix", "killed_jobs", "resumed_jobs"), [(".jsonl", "2", "1"), (".jsonl.gz", "1", "2")])
def test_resume_after_sigkill_gives_the_uninterrupted_output(
    tmp_path: Path, wikinews: list[dict[str, object]], suffix: str, killed_jobs: str, resumed_jobs: str
) -> None:
    inp = _write_jsonl(tmp_path / "in.jsonl", wikinews[:100], {50: "not json"})
    whole = tmp_path / f"whole{suffix}"
    assert _claimkit("extract", str(inp), "-o", str(whole)).returncode == 3
    out = tmp_path / f"out{suffix}"
    out.write_bytes(b"an older result\n")
    cmd = [sys.executable, "-m", "claimkit", "extract", str(inp), "-o", str(out)]
    proc = subprocess.Popen([*cmd, "--jobs", killed_jobs], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_for_entries(out.with_name(out.name + ".part.idx"), 15, proc)
    workers = _descendants(proc.pid) if sys.platform.startswith("linux") else set()
    assert len(workers) >= (2 if killed_jobs == "2" else 0)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # killed mid-way, not finished
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in workers):
        assert time.monotonic() < deadline, "worker processes outlived their killed parent"
        time.sleep(0.2)
    assert out.read_bytes() == b"an older result\n"  # a killed run never clobbers an older file
    part = out.with_name(out.name + ".part")
    # as if the power failed in the middle of a write: half a line after the last complete article
    with part.open("ab") as fh:
        fh.write(b'{"schema_version": "1.1", "id": "c0ffee", "doc_')
    resumed = subprocess.run([*cmd, "--resume", "--jobs", resumed_jobs], env=ENV, capture_output=True, text=True, check=False)
    assert resumed.returncode == 3, resumed.stderr
    assert "done before, skipped" in resumed.stderr
    assert out.read_bytes() == whole.read_bytes()
    assert not part.exists() and not out.with_name(out.name + ".part.idx").exists()


def test_resume_refuses_other_input_and_needs_a_jsonl_file(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    inp = _write_jsonl(tmp_path / "in.jsonl", wikinews[:60])
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "claimkit", "extract", str(inp), "-o", str(out)], env=ENV, stderr=subprocess.PIPE)
    _wait_for_entries(out.with_name("out.jsonl.part.idx"), 5, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _write_jsonl(inp, wikinews[60:120])  # the same file name, other articles
    changed = _claimkit("extract", str(inp), "-o", str(out), "--resume")
    assert changed.returncode == 2 and "run without --resume to start over" in changed.stderr
    assert not out.exists()
    usage = _claimkit("extract", str(inp), "--resume")
    assert usage.returncode == 2 and "--resume needs -o FILE" in usage.stderr
    # without --resume the run starts afresh and finishes
    fresh = _claimkit("extract", str(inp), "-o", str(out))
    assert fresh.returncode == 0 and out.exists() and not out.with_name("out.jsonl.part").exists()


def test_progress_bar_on_a_terminal_only(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    inp = _write_jsonl(tmp_path / "in.jsonl", wikinews[:6])
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimkit", "extract", str(inp), "-o", str(tmp_path / "o.jsonl")],
        env=dict(ENV, TERM="xterm", COLUMNS="140"), stdout=subprocess.DEVNULL, stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    text = seen.decode("utf-8", "replace")
    assert "articles/s" in text and "records" in text
    piped = _claimkit("extract", str(inp), "-o", str(tmp_path / "p.jsonl"))
    assert "articles/s" not in piped.stderr


def test_workers_replaced_mid_run_give_the_same_records(monkeypatch: pytest.MonkeyPatch, wikinews: list[dict[str, object]]) -> None:
    """Workers are replaced every RECYCLE_AFTER_CHUNKS chunks (memory stays bounded); here every chunk."""
    from claimkit.extractors.spec import ExtractorSpec
    from claimkit.read import files as ingest
    from claimkit.run import local as runner

    lines = [json.dumps(a).encode("utf-8") for a in wikinews[:40]]

    def records(jobs: int) -> list[list[dict[str, object]]]:
        items = ingest.jsonl_articles(iter(lines), "w", "w")
        return [o.records for o in runner.results(items, ExtractorSpec(), jobs=jobs) if isinstance(o, runner.Done)]

    one = records(1)
    monkeypatch.setattr(runner, "RECYCLE_AFTER_CHUNKS", 1)  # 5 generations of 2 workers for 40 articles
    assert records(2) == one and len(one) == 40



def test_jobs_two_skips_other_languages_and_passes_page_metadata_to_writers(tmp_path: Path) -> None:
    """Where the features meet: the language stage runs before the workers
    (exit 7, counted apart), and a writer that needs an article's metadata
    (ClaimReview's appearance: the page's url and date) gets it from a worker."""
    from test_language import ENGLISH, GERMAN

    page = ROOT / "tests" / "data" / "html" / "council-budget.html"
    articles = tmp_path / "mixed.jsonl"
    articles.write_text(
        json.dumps({"id": "en", "text": ENGLISH}) + "\n" + json.dumps({"id": "de", "text": GERMAN}) + "\n", encoding="utf-8"
    )
    one = _claimkit("extract", str(articles), str(page), "--format", "claimreview", "--jobs", "1")
    two = _claimkit("extract", str(articles), str(page), "--format", "claimreview", "--jobs", "2")
    assert two.returncode == one.returncode == 7, two.stderr
    assert two.stdout == one.stdout
    assert "1 skipped for language" in two.stderr and "German (de)" in two.stderr
    meta = json.loads(_claimkit("text", str(page), "--format", "jsonl").stdout)
    assert meta["url"] and meta["published"]
    from_page = [d for d in json.loads(two.stdout) if d["itemReviewed"]["appearance"].get("url") == meta["url"]]
    assert from_page, "no ClaimReview draft names the page it came from"
    assert all(d["itemReviewed"]["appearance"].get("datePublished") == meta["published"] for d in from_page)


def test_journal_syncs_at_most_once_a_second_and_keeps_every_article_on_abandon(tmp_path: Path) -> None:
    from claimkit.run.journal import Journal

    out = tmp_path / "out.jsonl"
    index = out.with_name(out.name + ".part.idx")
    journal = Journal(out, fingerprint="f", resume=False)
    header = index.read_bytes()
    for k in range(3):
        journal.stream.write(json.dumps({"k": k}) + "\n")
        journal.commit(f"d{k}")
    assert index.read_bytes() == header  # three quick articles: not yet made durable
    journal.abandon()  # an error or Ctrl-C: what was finished is made durable first
    again = Journal(out, fingerprint="f", resume=True)
    assert again.done == ["d0", "d1", "d2"]
    again.abandon()
