"""Distributed runs on a real local Dask cluster: `dask scheduler` and
`dask worker --nworkers 2 --nthreads 1` started as processes by the tests.

Skipped without the dask extra; on CI (``CI=true``) that is a failure.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimkit import pipeline
from claimkit.extractors.spec import ExtractorSpec, cached_extractor
from claimkit.read import files as ingest

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")


def _need_extra() -> Any:
    try:
        import dask.bag  # noqa: F401
        import distributed
        import pandas  # noqa: F401
    except ImportError as exc:
        reason = f"the dask extra is not installed ({exc.name}): pip install -e '.[dask]'"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (required on CI)")
        pytest.skip(reason)
    return distributed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two worker processes (one thread each); yields the address."""
    distributed = _need_extra()
    address = f"tcp://127.0.0.1:{_free_port()}"
    logs = tmp_path_factory.mktemp("dask-logs")
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    scheduler = subprocess.Popen(
        [*dask, "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
        env=ENV, stdout=subprocess.DEVNULL, stderr=(logs / "scheduler.log").open("wb"),
    )
    workers = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
        env=ENV, stdout=subprocess.DEVNULL, stderr=(logs / "workers.log").open("wb"),
    )
    try:
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in (workers, scheduler):
            proc.terminate()
        for proc in (workers, scheduler):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, wikinews_articles: Callable[[int], list[dict[str, object]]]) -> list[Path]:
    """Four JSONL partitions (one gzipped), one with a bad line."""
    articles = wikinews_articles(80)
    root = tmp_path_factory.mktemp("dask-in")
    paths = []
    for k in range(4):
        lines = [json.dumps(a, ensure_ascii=False) for a in articles[k * 20 : (k + 1) * 20]]
        if k == 1:
            lines.insert(3, '{"id": "broken", "text": ')
        data = ("\n".join(lines) + "\n").encode("utf-8")
        path = root / (f"p{k}.jsonl.gz" if k == 2 else f"p{k}.jsonl")
        path.write_bytes(gzip.compress(data) if k == 2 else data)
        paths.append(path)
    return paths


def _local(paths: list[Path], out: Path) -> bytes:
    run = subprocess.run([sys.executable, "-m", "claimkit", "extract", *map(str, paths), "-o", str(out)], env=ENV, capture_output=True, text=True, check=False)
    assert run.returncode == 3, run.stderr
    return out.read_bytes()


def _parts(out_dir: Path) -> bytes:
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    data = b""
    for part in manifest["parts"]:
        if part["part"]:
            raw = (out_dir / part["part"]).read_bytes()
            data += gzip.decompress(raw) if part["part"].endswith(".gz") else raw
    return data


def test_cli_on_a_cluster_gives_the_local_records_and_a_manifest(cluster: str, inputs: list[Path], tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("The mayor said the bridge would open in June.\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "claimkit", "extract", *map(str, inputs), str(note), "-o", str(out_dir), "--scheduler", cluster, "--gzip-parts"],
        env=ENV, capture_output=True, text=True, check=False, timeout=600,
    )
    assert run.returncode == 3, run.stderr  # the bad line and the text file are bad input; the rest ran
    assert f"{inputs[1]}:4: invalid JSON" in run.stderr
    assert "note.txt: a Dask run reads JSONL files" in run.stderr
    assert "Traceback" not in run.stderr
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    parts = [p for p in manifest["parts"] if p["part"]]
    assert [p["part"] for p in parts] == [f"part-{k:05d}.jsonl.gz" for k in range(4)]
    assert [p["articles"] for p in parts] == [20, 20, 20, 20]
    assert [p["bad_inputs"] for p in parts] == [0, 1, 0, 0]
    assert manifest["totals"]["bad_inputs"] == 2 and manifest["totals"]["articles"] == 80
    assert len({p["worker"] for p in parts}) == 2  # both workers took partitions
    local = _local(inputs, tmp_path / "local.jsonl")
    assert _parts(out_dir) == local
    assert manifest["totals"]["records"] == local.count(b"\n")


def test_repeated_articles_in_and_across_partitions_give_the_local_output(
    cluster: str, wikinews_articles: Callable[[int], list[dict[str, object]]], tmp_path: Path
) -> None:
    a = wikinews_articles(12)
    changed = dict(a[3], text=str(a[3]["text"]) + "\nA line added later.")
    parts = [[*a[0:6], a[2]], [a[0], *a[6:10], changed], [a[1], a[11]]]  # 3 copies, 1 other text
    inputs = []
    for k, articles in enumerate(parts):
        path = tmp_path / f"r{k}.jsonl"
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in articles), encoding="utf-8")
        inputs.append(path)
    out_dir = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "claimkit", "extract", *map(str, inputs), "-o", str(out_dir), "--scheduler", cluster],
        env=ENV, capture_output=True, text=True, check=False, timeout=600,
    )
    assert run.returncode == 3, run.stderr
    conflict = f"{inputs[1]}:6: article {a[3]['id']!r} again with another text than at {inputs[0]}:4; the first is kept"
    assert f"claimkit: error: {conflict}" in run.stderr.splitlines()
    assert "3 repeated article(s) read once" in run.stderr and "Traceback" not in run.stderr
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert [p["repeats"] for p in manifest["parts"]] == [1, 1, 1]
    assert manifest["totals"]["articles"] == 11 and manifest["totals"]["bad_inputs"] == 1
    local = subprocess.run([sys.executable, "-m", "claimkit", "extract", *map(str, inputs), "-o", str(tmp_path / "local.jsonl")], env=ENV, capture_output=True, text=True, check=False)
    assert local.returncode == 3 and "3 repeated article(s) read once" in local.stderr
    assert _parts(out_dir) == (tmp_path / "local.jsonl").read_bytes()


def test_a_partition_whose_worker_is_killed_is_run_again(cluster: str, inputs: list[Path], tmp_path: Path) -> None:
    distributed = _need_extra()
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
    out_dir = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimkit", "extract", *map(str, inputs), "-o", str(out_dir), "--scheduler", cluster],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    # kill one worker process while it writes a part (its nanny starts a new one)
    deadline = time.monotonic() + 300
    while not list(out_dir.glob(".part-*.tmp")):
        assert time.monotonic() < deadline and proc.poll() is None, "no partition started"
        time.sleep(0.02)
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 3, stderr
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["failed"] == [] and manifest["totals"]["articles"] == 80
    assert _parts(out_dir) == _local(inputs, tmp_path / "local.jsonl")


def test_python_api_takes_a_bag_and_a_dataframe(cluster: str, wikinews_articles: Callable[[int], list[dict[str, object]]]) -> None:
    distributed = _need_extra()
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from claimkit.run import cluster as dask_run

    articles = wikinews_articles(12)
    extractor = cached_extractor(ExtractorSpec())
    expected = {
        str(a["id"]): pipeline.run(ingest.article_from_dict(a, str(a["id"]), str(a["id"])), extractor).records  # type: ignore[union-attr,arg-type]
        for a in articles
    }
    with distributed.Client(cluster):
        from_bag = dask_run.extract_bag(db.from_sequence([*articles, {"id": "x", "text": " "}], npartitions=3)).compute()
        frame = dd.from_pandas(pd.DataFrame(articles), npartitions=2)
        from_frame = dask_run.extract_dataframe(frame).compute()
    assert [o["doc_id"] for o in from_bag] == [*expected, "x"]
    assert from_bag[-1]["error"] == "x: empty article" and from_bag[-1]["records"] == []
    assert {o["doc_id"]: o["records"] for o in from_bag[:-1]} == expected
    assert {o["doc_id"]: o["records"] for o in from_frame} == expected


def test_an_unreachable_scheduler_is_one_line_and_exit_4(inputs: list[Path], tmp_path: Path) -> None:
    _need_extra()
    env = dict(ENV, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    run = subprocess.run(
        [sys.executable, "-m", "claimkit", "extract", str(inputs[0]), "-o", str(tmp_path / "out"), "--scheduler", f"tcp://127.0.0.1:{_free_port()}"],
        env=env, capture_output=True, text=True, check=False, timeout=120,
    )
    assert run.returncode == 4
    assert "cannot reach the Dask scheduler" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out" / "manifest.json").exists()
