"""claimkit cluster --scheduler on a real local Dask cluster (the fixture of test_dask_run): the groups a local run gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_dask_run import ENV, cluster  # noqa: F401 - the fixture

ROWS = [
    ("a1", "Taxpayers are paying a fortune for the use of Air Force One on the campaign trail."),
    ("a2", "Why is Air Force One used on the campaign trail, and who pays for it? The taxpayers."),
    ("b1", "The Kell harbour bridge will reportedly close for three months of repairs next spring."),
    ("c1", "A new bakery opened on Quay Street this week."),
    ("b2", "The Kell harbour bridge will close for three months of repairs next spring."),
]


def test_cluster_on_dask_gives_the_local_groups(cluster: str, tmp_path: Path) -> None:  # noqa: F811
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_text("".join(json.dumps({"id": i, "claim": t}) + "\n" for i, t in ROWS[:2]), encoding="utf-8")
    two.write_text("".join(json.dumps({"id": i, "claim": t}) + "\n" for i, t in ROWS[2:]), encoding="utf-8")
    local = subprocess.run([sys.executable, "-m", "claimkit", "cluster", str(one), str(two)], env=ENV, capture_output=True, text=True, check=False, timeout=600)
    assert local.returncode == 0, local.stderr
    out = tmp_path / "groups.jsonl"
    run = subprocess.run([sys.executable, "-m", "claimkit", "cluster", str(one), str(two), "-o", str(out), "--scheduler", cluster],
                         env=ENV, capture_output=True, text=True, check=False, timeout=600)
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == local.stdout
    assert [json.loads(x)["members"] for x in local.stdout.splitlines()] == [["a1", "a2"], ["b1", "b2"]]
    assert not list(tmp_path.glob("claimkit-cluster-*"))  # the working files are gone


CHECKS = [
    {"id": "fc-bridge", "claim": "The harbour bridge will be closed for a whole year.", "title": "Will the Harbour Bridge Close for a Year?"},
    {"id": "fc-tea", "claim": "Drinking hot tea cures the common cold.", "title": "Does Tea Cure Colds?"},
]


def test_cluster_against_fact_checks_on_dask_gives_the_local_groups(cluster: str, tmp_path: Path) -> None:  # noqa: F811
    claims, checks = tmp_path / "claims.jsonl", tmp_path / "checks.jsonl"
    rows = [*ROWS, ("t1", "hot tea will cure your cold, doctors say"), ("t2", "A cup of hot tea gets rid of colds")]
    claims.write_text("".join(json.dumps({"id": i, "claim": t}) + "\n" for i, t in rows), encoding="utf-8")
    checks.write_text("".join(json.dumps(c) + "\n" for c in CHECKS), encoding="utf-8")
    args = [sys.executable, "-m", "claimkit", "cluster", str(claims), "--against", str(checks)]
    local = subprocess.run(args, env=ENV, capture_output=True, text=True, check=False, timeout=900)
    assert local.returncode == 0, local.stderr
    assert "matched to a fact-check" in local.stderr
    out = tmp_path / "groups.jsonl"
    run = subprocess.run([*args, "-o", str(out), "--scheduler", cluster], env=ENV, capture_output=True, text=True, check=False, timeout=900)
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == local.stdout
    assert any({"t1", "t2"} <= set(json.loads(x)["members"]) for x in local.stdout.splitlines())
