"""``claimkit extract --against`` and ``claimkit review --against``: records carry the fact-checks of the
same claim (``checked``, schema 1.2) and the review page shows "checked before" beside the claim.

Real data: an index built here with ``claimkit index`` from ClaimReviews written for these tests and a slice of
the CheckThat! 2020 verified claims (../shared, read at test time: every 50th, so that the collection is of a
size where the matcher's rank features mean something); an article written for these tests. The real encoder,
re-ranker and cross-encoder run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.write import validate

runner = CliRunner()


def _review(url: str, claim: str, title: str, by: str, date: str, rating: dict[str, object]) -> dict[str, object]:
    return {"@type": "ClaimReview", "url": url, "claimReviewed": claim, "name": title, "datePublished": date,
            "author": {"@type": "Organization", "name": by}, "reviewRating": {"@type": "Rating", **rating}}


BRIDGE = _review("https://checks.example.org/bridge-closure", "The harbour bridge will be closed for a whole year.",
                 "Will the Harbour Bridge Close for a Year?", "Harbour Checks", "2026-02-11",
                 {"alternateName": "False", "ratingValue": 1, "bestRating": 5})
TEA = _review("https://checks.example.org/tea", "Drinking hot tea cures the common cold.", "Does Tea Cure Colds?",
              "Health Checks", "2025-11-02", {"alternateName": "Mostly false"})
ARTICLE = (
    "Harbour bridge to shut for a year, mayor says\n\n"
    "The mayor said on Tuesday that the harbour bridge will be shut for twelve months.\n\n"
    "The council said the library opens at nine on Saturdays.\n\n"
    "A local doctor said that drinking hot tea cures the common cold.\n\n"
    "Residents said the ferry timetable would change in spring.\n"
)


@pytest.fixture(scope="module")
def files(match_extra: None, shared_dir: Path, require_shared, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    from claimkit.match import checkthat as ct

    root = require_shared(shared_dir / "eval" / "checkthat2020", "CheckThat! 2020 task 2")
    d = tmp_path_factory.mktemp("against")
    checks = [c for i, c in enumerate(ct.verified_claims(root / "verified_claims.docs.tsv")) if i % 50 == 0]
    (d / "snopes.jsonl").write_text("".join(json.dumps({"id": c.id, "claim": c.claim, "title": c.title}) + "\n" for c in checks), encoding="utf-8")
    (d / "reviews.json").write_text(json.dumps({"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [BRIDGE, TEA]}), encoding="utf-8")
    (d / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    index = d / "checks.ckx"
    built = runner.invoke(app, ["index", str(d / "snopes.jsonl"), str(d / "reviews.json"), "-o", str(index)])
    assert built.exit_code == 0, built.stderr
    return {"dir": d, "index": index, "article": d / "bridge.txt"}


@pytest.fixture(scope="module")
def records(files: dict[str, Path]) -> list[dict]:
    out = files["dir"] / "checked.jsonl"
    result = runner.invoke(app, ["extract", str(files["article"]), "--against", str(files["index"]), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _by_words(records: list[dict], words: str) -> dict:
    [record] = [r for r in records if words in r["content"]["text"]]
    return record


def test_extract_against_sets_checked_on_the_claims_checked_before(records: list[dict]) -> None:
    bridge, tea = _by_words(records, "harbour bridge"), _by_words(records, "hot tea")
    assert [(c["factcheck_id"], c["url"], c["rating"], c["checked_by"], c["date"], c["claim"]) for c in bridge["checked"]] == [
        (BRIDGE["url"], BRIDGE["url"], "False (1/5)", "Harbour Checks", "2026-02-11", BRIDGE["claimReviewed"])]
    assert [(c["factcheck_id"], c["rating"], c["checked_by"]) for c in tea["checked"]] == [(TEA["url"], "Mostly false", "Health Checks")]
    assert 0 < bridge["checked"][0]["score"] <= 1
    # claims nobody checked were looked up and nothing was found: [] (not null)
    assert _by_words(records, "library")["checked"] == [] and _by_words(records, "ferry")["checked"] == []
    for r in records:
        assert r["schema_version"] == "1.2"
        assert validate.errors(r) == [], r


def test_without_against_checked_is_null_and_the_rest_is_the_same(files: dict[str, Path], records: list[dict]) -> None:
    plain = runner.invoke(app, ["extract", str(files["article"])])
    assert plain.exit_code == 0, plain.stderr
    lines = [json.loads(line) for line in plain.stdout.splitlines()]
    assert [r["checked"] for r in lines] == [None] * len(records)
    assert [{**r, "checked": None} for r in records] == lines


def test_the_table_shows_checked_before(files: dict[str, Path]) -> None:
    shown = runner.invoke(app, ["extract", str(files["article"]), "--against", str(files["index"]), "-f", "table"])
    assert shown.exit_code == 0, shown.stderr
    # the claim column, its wrapped lines joined
    column = " ".join(" ".join(line.split("│")[4].split()) for line in shown.stdout.splitlines() if line.count("│") == 7)
    assert column.count("checked before:") == 2
    assert "checked before: False (1/5), by Harbour Checks, 2026-02-11, https://checks.example.or" in column
    assert "checked before: Mostly false, by Health Checks, 2025-11-02," in column


DATA = re.compile(r'<script type="application/json" id="claimkit-data">(.*?)</script>', re.S)


def _page_claims(page: Path) -> dict[str, dict]:
    data = json.loads(DATA.findall(page.read_text(encoding="utf-8"))[0])
    return {c["id"]: c for d in data["docs"] for c in d["claims"]}


def test_review_against_puts_the_earlier_checks_on_the_page(files: dict[str, Path], records: list[dict]) -> None:
    page = files["dir"] / "review.html"
    made = runner.invoke(app, ["review", str(files["article"]), "--against", str(files["index"]), "-o", str(page)])
    assert made.exit_code == 0, made.stderr
    claims = _page_claims(page)
    bridge = claims[_by_words(records, "harbour bridge")["id"]]
    assert bridge["ck"] == [{"r": "False (1/5)", "by": "Harbour Checks", "d": "2026-02-11", "u": BRIDGE["url"],
                             "id": BRIDGE["url"], "cl": BRIDGE["claimReviewed"]}]
    assert claims[_by_words(records, "library")["id"]]["ck"] == []
    # records made earlier with --against show the same; records without, nothing
    again = files["dir"] / "again.html"
    made = runner.invoke(app, ["review", str(files["article"]), "--records", str(files["dir"] / "checked.jsonl"), "-o", str(again)])
    assert made.exit_code == 0, made.stderr
    assert {k: c["ck"] for k, c in _page_claims(again).items()} == {k: c["ck"] for k, c in claims.items()}
    plain = files["dir"] / "plain.html"
    assert runner.invoke(app, ["review", str(files["article"]), "-o", str(plain)]).exit_code == 0
    assert {c["ck"] is None for c in _page_claims(plain).values()} == {True}


def test_a_bad_index_stops_the_run_before_anything_is_written(files: dict[str, Path], tmp_path: Path) -> None:
    from claimkit.match import index as ckx

    old = ckx.load(files["index"])
    old.meta["claimkit"] = "0.0.1"
    stale = tmp_path / "stale.ckx"
    ckx.write(old, stale)
    for command, out in (("extract", tmp_path / "r.jsonl"), ("review", tmp_path / "r.html")):
        result = runner.invoke(app, [command, str(files["article"]), "--against", str(stale), "-o", str(out)])
        assert result.exit_code == 8, result.stderr
        assert "rebuild it with claimkit index" in result.stderr and "Traceback" not in result.stderr
        assert not out.exists()
    result = runner.invoke(app, ["extract", str(files["article"]), "--against", str(tmp_path / "nowhere.ckx")])
    assert result.exit_code == 3 and "no such index file" in result.stderr
    result = runner.invoke(app, ["extract", str(files["article"]), "--against", str(files["index"]), "--scheduler", "local", "-o", str(tmp_path / "parts")])
    assert result.exit_code == 2 and "--against" in result.stderr


def test_the_records_are_the_same_with_two_worker_processes(files: dict[str, Path], records: list[dict], tmp_path: Path) -> None:
    second = files["dir"] / "second.txt"
    second.write_text(ARTICLE.replace("The mayor", "The harbour master"), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for out, jobs in ((one, "1"), (two, "2")):
        result = runner.invoke(app, ["extract", str(files["article"]), str(second), "--against", str(files["index"]), "--jobs", jobs, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
    assert one.read_bytes() == two.read_bytes()
    lines = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert lines[: len(records)] == records
    assert [bool(r["checked"]) for r in lines[len(records) :]] == [bool(r["checked"]) for r in records]
