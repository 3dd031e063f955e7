"""``claimkit index``, ``claimkit match`` and ``claimkit eval --matches`` through the command line.

Real data: a slice of CheckThat! 2020 dev (../shared, read at test time and written to a temporary
directory: the tweets of the slice, the verified claims their qrels name and every 60th other one)
and ClaimReview objects written for these tests.  The real encoder, re-ranker and cross-encoder run.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.version import __version__

ROOT = Path(__file__).resolve().parents[1]
TWEETS = 24
FIELDS = ["query_id", "factcheck_id", "rank", "score", "same_claim", "claim", "title", "url", "rating", "date"]

runner = CliRunner()


def review(url: str, claim: str, title: str, by: str, date: str, rating: dict[str, object]) -> dict[str, object]:
    return {"@type": "ClaimReview", "url": url, "claimReviewed": claim, "name": title, "datePublished": date,
            "author": {"@type": "Organization", "name": by}, "reviewRating": {"@type": "Rating", **rating}}


FEED = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
    {"@type": "DataFeedItem", "item": review("https://checks.example.org/bridge-closure", "The harbour bridge will be closed for a whole year.",
                                             "Will the Harbour Bridge Close for a Year?", "Harbour Checks", "2026-02-11",
                                             {"alternateName": "False", "ratingValue": 1, "bestRating": 5})},
    {"@type": "DataFeedItem", "item": review("https://checks.example.org/tea", "Drinking hot tea cures the common cold.",
                                             "Does Tea Cure Colds?", "Health Checks", "2025-11-02", {"alternateName": "False"})},
]}
OWN_CLAIMS = [{"id": "q-bridge", "claim": "They are shutting the harbour bridge for twelve months"},
              {"id": "q-tea", "claim": "hot tea will cure your cold, doctors say"}]


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def data(match_extra: None, shared_dir: Path, require_shared, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    from claimkit.evaluate.matches import read_qrels
    from claimkit.match import checkthat as ct

    root = require_shared(shared_dir / "eval" / "checkthat2020", "CheckThat! 2020 task 2")
    d = tmp_path_factory.mktemp("cli-match")
    qrels = read_qrels(root / "dev" / "tweet-vclaim-pairs.qrels")
    tweets = ct.tweets(root / "dev" / "tweets.queries.tsv")[:TWEETS]
    named = {c for t in tweets for c in qrels[t.id]}
    checks = [c for i, c in enumerate(ct.verified_claims(root / "verified_claims.docs.tsv")) if c.id in named or i % 60 == 0]
    (d / "feed.json").write_text(json.dumps(FEED), encoding="utf-8")
    (d / "qrels").write_text("".join(f"{t.id} 0 {c} 1\n" for t in tweets for c in sorted(qrels[t.id])), encoding="utf-8")
    return {
        "checks": _jsonl(d / "checks.jsonl", [{"id": c.id, "claim": c.claim, "title": c.title} for c in checks]),
        "feed": d / "feed.json",
        "tweets": _jsonl(d / "tweets.jsonl", [{"id": t.id, "claim": t.text} for t in tweets]),
        "own": _jsonl(d / "own.jsonl", OWN_CLAIMS),
        "qrels": d / "qrels",
        "dir": d,
    }


@pytest.fixture(scope="module")
def index(data: dict[str, Path]) -> Path:
    out = data["dir"] / "checks.ckx"
    result = runner.invoke(app, ["index", str(data["checks"]), str(data["feed"]), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"claimkit: wrote {out}: ") and " fact-check(s), " in result.stderr
    return out


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_match_against_an_index_then_eval_gives_the_measures(data: dict[str, Path], index: Path) -> None:
    out = data["dir"] / "matches.jsonl"
    result = runner.invoke(app, ["match", str(data["tweets"]), "--against", str(index), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert f"claimkit: {TWEETS} claim(s) against " in result.stderr
    lines = _lines(out.read_text(encoding="utf-8"))
    assert len(lines) == TWEETS * 5  # --top defaults to 5
    assert all(list(x)[:10] == FIELDS for x in lines)
    for k in range(TWEETS):
        mine = lines[k * 5 : (k + 1) * 5]
        assert [x["rank"] for x in mine] == [1, 2, 3, 4, 5] and len({x["query_id"] for x in mine}) == 1
        assert [x["score"] for x in mine] == sorted((x["score"] for x in mine), reverse=True)  # best first
    scored = runner.invoke(app, ["eval", "--matches", str(out), "--qrels", str(data["qrels"])])
    assert scored.exit_code == 0, scored.stderr
    shown = scored.stdout.splitlines()
    assert shown[0] == f"queries {TWEETS}"
    measures = dict(zip(shown[1].split()[::2], map(float, shown[1].split()[1::2]), strict=True))
    assert set(measures) == {"MAP@1", "MAP@5", "MRR"}
    assert measures["MAP@5"] >= 0.8, shown
    assert shown[2].startswith("same_claim: ") and "precision" in shown[2] and "recall" in shown[2]
    as_json = runner.invoke(app, ["eval", "--matches", str(out), "--qrels", str(data["qrels"]), "--json"])
    assert json.loads(as_json.stdout)["map_at_5"] == pytest.approx(measures["MAP@5"], abs=5e-4)


def test_claimreview_fields_reach_the_match_and_files_match_as_the_index(data: dict[str, Path], index: Path) -> None:
    from_index = runner.invoke(app, ["match", str(data["own"]), "--against", str(index), "--top", "2"])
    from_files = runner.invoke(app, ["match", str(data["own"]), "--against", str(data["checks"]), "--against", str(data["feed"]), "-k", "2"])
    assert from_index.exit_code == from_files.exit_code == 0, from_index.stderr + from_files.stderr
    lines = _lines(from_index.stdout)
    assert [x["factcheck_id"] for x in lines] == [x["factcheck_id"] for x in _lines(from_files.stdout)]
    bridge, tea = lines[0], lines[2]
    assert bridge["query_id"] == "q-bridge" and bridge["same_claim"] is True
    assert (bridge["url"], bridge["rating"], bridge["checked_by"], bridge["date"]) == (
        "https://checks.example.org/bridge-closure", "False (1/5)", "Harbour Checks", "2026-02-11")
    assert tea["factcheck_id"] == "https://checks.example.org/tea" and tea["same_claim"] is True


def test_table_and_csv_show_same_claim(data: dict[str, Path], index: Path) -> None:
    table = runner.invoke(app, ["match", str(data["own"]), "--against", str(index), "--top", "2", "--format", "table"])
    assert table.exit_code == 0, table.stderr
    assert "same" in table.stdout and "q-bridge: They are shutting the harbour bridge" in table.stdout
    rows = [line for line in table.stdout.splitlines() if line.startswith("│ 1 ")]
    assert len(rows) == 2 and all("│ yes " in row for row in rows)
    out = data["dir"] / "matches.csv"
    result = runner.invoke(app, ["match", str(data["own"]), "--against", str(index), "-k", "2", "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    rows_csv = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows_csv) == 4 and list(rows_csv[0])[:10] == FIELDS
    assert [r["same_claim"] for r in rows_csv if r["rank"] == "1"] == ["yes", "yes"]


def test_claims_from_stdin(data: dict[str, Path], index: Path) -> None:
    result = runner.invoke(app, ["match", "-", "--against", str(index), "--top", "1"], input=data["own"].read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert [x["query_id"] for x in _lines(result.stdout)] == ["q-bridge", "q-tea"]


def _fails(args: list[str], code: int, says: str, out: Path | None = None) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert says in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    if code != 2:
        assert len(lines) == 1, lines
    if out is not None:
        assert not out.exists() and not [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    return result.stderr


def test_bad_fact_checks_are_one_line_exit_3_and_nothing_written(data: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "bad.ckx"
    no_claim = dict(FEED["dataFeedElement"][0]["item"])  # type: ignore[index]
    del no_claim["claimReviewed"]
    bad = _jsonl(tmp_path / "reviews.jsonl", [FEED["dataFeedElement"][1]["item"], no_claim])  # type: ignore[index]
    _fails(["index", str(bad), "-o", str(out)], 3, f"{bad}:2: ", out)
    page = tmp_path / "feed.html"
    page.write_text("<html><body>not a feed</body></html>", encoding="utf-8")
    _fails(["index", str(page), "-o", str(out)], 3, f"{page}:1: not JSON", out)
    other = _jsonl(tmp_path / "other.jsonl", [{"title": "Harbour Checks", "rating": "False"}])
    _fails(["index", str(other), "-o", str(out)], 3, f"{other}:1: neither ClaimReview JSON-LD", out)
    site = _jsonl(tmp_path / "site.jsonl", [{"@context": "https://schema.org", "@type": "WebSite", "name": "Harbour Checks"}])
    _fails(["index", str(site), "-o", str(out)], 3, f"{site}: no fact-check in it", out)
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    _fails(["index", str(empty), "-o", str(out)], 3, "no fact-check", out)
    _fails(["match", str(data["own"]), "--against", str(empty), "-o", str(out)], 3, "no fact-check", out)


def test_an_index_of_another_version_is_exit_8(data: dict[str, Path], index: Path, tmp_path: Path) -> None:
    import numpy as np

    from claimkit.match import index as ckx

    old = ckx.load(index)
    old.meta["claimkit"] = "0.0.1"
    stale = tmp_path / "stale.ckx"
    ckx.write(old, stale)
    out = tmp_path / "m.jsonl"
    said = _fails(["match", str(data["own"]), "--against", str(stale), "-o", str(out)], 8, "rebuild it with claimkit index", out)
    assert f"built by claimkit 0.0.1 (index format 1); this is claimkit {__version__}" in said
    assert np.load(stale, allow_pickle=False)["vectors"].shape[0] == len(old)  # a real index, only its version differs


def test_bad_claims_and_usage(data: dict[str, Path], index: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.jsonl"
    broken = tmp_path / "claims.jsonl"
    broken.write_text('{"id": "a", "claim": "The bridge is closing."}\n{"id": "b"}\n', encoding="utf-8")
    _fails(["match", str(broken), "--against", str(index), "-o", str(out)], 3, f"{broken}:2: a claim without text", out)
    _fails(["match", str(tmp_path / "missing.jsonl"), "--against", str(index), "-o", str(out)], 3, "missing.jsonl: cannot read", out)
    _fails(["match", str(data["own"]), "--against", str(tmp_path / "nowhere.ckx")], 3, "no such index file")
    _fails(["match", str(data["own"])], 2, "--against")
    _fails(["match", str(data["own"]), "--against", str(index), "--top", "0"], 2, "--top")
    _fails(["eval", "--matches", str(out)], 2, "--matches and --qrels go together")


def test_a_missing_extra_is_one_line_and_exit_4(data: dict[str, Path], tmp_path: Path) -> None:
    code = ("import sys; sys.modules['scipy'] = None\n"
            "from claimkit.cli import app\n"
            f"app(['match', {str(data['own'])!r}, '--against', {str(data['feed'])!r}])")
    run = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode == 4, run.stderr
    assert run.stderr.strip() == "claimkit: error: claimkit match needs the match extra (scipy is missing): pip install -e '.[match]'"
