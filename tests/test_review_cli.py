"""`claimkit review` and `claimkit eval --verdicts` through the real CLI (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app

ROOT = Path(__file__).resolve().parents[1]
HARBOUR = ROOT / "examples" / "harbour-strike.txt"
LIBRARY = ROOT / "examples" / "library-reopening.md"

runner = CliRunner()

DATA = re.compile(r'<script type="application/json" id="claimkit-data">(.*?)</script>', re.S)


def page_data(page: str) -> dict:
    blocks = DATA.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the two examples, made once with `extract`."""
    folder = tmp_path_factory.mktemp("review")
    result = runner.invoke(app, ["extract", str(HARBOUR), str(LIBRARY), "-o", str(folder / "records.jsonl")])
    assert result.exit_code == 0, result.stderr
    return folder


def test_review_and_eval_have_help() -> None:
    for args in (["review", "--help"], ["eval", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.output
    assert "--verdicts" in runner.invoke(app, ["review", "--help"]).output


def test_review_from_records_embeds_the_same_claims_as_extracting(made: Path, tmp_path: Path) -> None:
    fresh = runner.invoke(app, ["review", str(HARBOUR), str(LIBRARY), "-o", str(tmp_path / "a.html")])
    assert fresh.exit_code == 0, fresh.stderr
    again = runner.invoke(app, ["review", str(HARBOUR), str(LIBRARY), "--records", str(made / "records.jsonl"), "-o", str(tmp_path / "b.html")])
    assert again.exit_code == 0, again.stderr
    a = page_data((tmp_path / "a.html").read_text(encoding="utf-8"))
    b = page_data((tmp_path / "b.html").read_text(encoding="utf-8"))
    assert a == b
    records = _jsonl(made / "records.jsonl")
    assert [c["id"] for d in a["docs"] for c in d["claims"]] == [r["id"] for r in records]
    assert [d["id"] for d in a["docs"]] == ["harbour-strike", "library-reopening"]
    assert a["docs"][0]["text"] == HARBOUR.read_text(encoding="utf-8")


def test_the_page_is_self_contained(made: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(HARBOUR), str(LIBRARY), "--records", str(made / "records.jsonl"), "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    # nothing is fetched: no src= or href= attribute, no url( in the CSS, no @import
    for pattern in (r"\ssrc=", r"<link\b", r"url\(", r"@import", r"https?://(?!schema)"):
        assert not re.search(pattern, page), pattern


def test_article_text_cannot_close_the_data_block(tmp_path: Path) -> None:
    hostile = 'The clerk said "</script><script>alert(1)</script>" was typed & <!-- sent -->.\n'
    article = tmp_path / "hostile.txt"
    article.write_text(hostile, encoding="utf-8")
    result = runner.invoke(app, ["review", str(article), "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    block = DATA.findall(page)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert page_data(page)["docs"][0]["text"] == hostile
    assert page.count("<script") == 2  # the data block and the page's own script


def _fails_cleanly(args: list[str], output: Path, needle: str) -> None:
    output.write_text("an earlier page", encoding="utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 3, (result.exit_code, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("claimkit: error:") and needle in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert output.read_text(encoding="utf-8") == "an earlier page", "the old page is kept"
    assert not list(output.parent.glob(".*.part")), "no temporary file left"


def test_records_of_other_articles_are_refused(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    # records of both examples, only one article given
    _fails_cleanly(["review", str(HARBOUR), "--records", str(made / "records.jsonl"), "-o", str(out)], out, "not among the articles")
    # an article whose text changed since the records were made
    changed = tmp_path / "harbour-strike.txt"
    changed.write_text("Breaking: " + HARBOUR.read_text(encoding="utf-8"), encoding="utf-8")
    harbour_only = tmp_path / "harbour.jsonl"
    harbour_only.write_text(
        "".join(json.dumps(r) + "\n" for r in _jsonl(made / "records.jsonl") if r["doc_id"] == "harbour-strike"), encoding="utf-8"
    )
    _fails_cleanly(["review", str(changed), "--records", str(harbour_only), "-o", str(out)], out, "does not match the text")


def test_records_without_ids_or_with_repeated_ids_are_refused(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    records = _jsonl(made / "records.jsonl")
    no_id = tmp_path / "no-id.jsonl"
    no_id.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "id" or i != 3}) + "\n" for i, r in enumerate(records)), encoding="utf-8")
    _fails_cleanly(["review", str(HARBOUR), str(LIBRARY), "--records", str(no_id), "-o", str(out)], out, "without an id")
    twice = tmp_path / "twice.jsonl"
    twice.write_text("".join(json.dumps(r) + "\n" for r in [*records, records[0]]), encoding="utf-8")
    _fails_cleanly(["review", str(HARBOUR), str(LIBRARY), "--records", str(twice), "-o", str(out)], out, "appears twice")


def test_verdicts_for_other_records_are_refused(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    verdicts = tmp_path / "v.jsonl"
    line = {"id": "c0ffee0000000000", "doc_id": "harbour-strike", "verdict": "correct", "note": "", "start": None, "end": None, "reviewed_at": "2026-12-04T10:00:00Z"}
    verdicts.write_text(json.dumps(line) + "\n", encoding="utf-8")
    args = ["review", str(HARBOUR), str(LIBRARY), "--records", str(made / "records.jsonl"), "--verdicts", str(verdicts), "-o", str(out)]
    _fails_cleanly(args, out, "not among these records")
    missed = dict(line, id=None, verdict="missed", start=10, end=99999)
    verdicts.write_text(json.dumps(missed) + "\n", encoding="utf-8")
    _fails_cleanly(args, out, "beyond the end")
    verdicts.write_text(json.dumps(dict(line, verdict="great")) + "\n", encoding="utf-8")
    _fails_cleanly(args, out, "unknown verdict")


def test_verdicts_are_written_into_the_page(made: Path, tmp_path: Path) -> None:
    records = _jsonl(made / "records.jsonl")
    lines = [
        {"id": records[0]["id"], "doc_id": records[0]["doc_id"], "verdict": "correct", "note": "checked", "start": None, "end": None, "reviewed_at": "2026-12-04T10:00:00Z"},
        {"id": None, "doc_id": "library-reopening", "verdict": "missed", "note": "", "start": 5, "end": 20, "reviewed_at": "2026-12-04T10:01:00Z"},
    ]
    verdicts = tmp_path / "v.jsonl"
    verdicts.write_text("".join(json.dumps(v) + "\n" for v in lines), encoding="utf-8")
    out = tmp_path / "p.html"
    result = runner.invoke(app, ["review", str(HARBOUR), str(LIBRARY), "--records", str(made / "records.jsonl"), "--verdicts", str(verdicts), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert page_data(out.read_text(encoding="utf-8"))["verdicts"] == lines


def test_a_bad_article_is_reported_and_the_page_keeps_the_rest(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    out = tmp_path / "p.html"
    result = runner.invoke(app, ["review", str(HARBOUR), str(empty), "-o", str(out)])
    assert result.exit_code == 3
    assert "empty.txt: empty article" in result.stderr
    assert [d["id"] for d in page_data(out.read_text(encoding="utf-8"))["docs"]] == ["harbour-strike"]


# ----------------------------------------------------------------- eval --verdicts


def _verdict(record: dict, verdict: str, at: str = "2026-12-04T10:00:00Z", keep_fields: bool = True) -> dict:
    line = {"id": record["id"], "doc_id": record["doc_id"], "verdict": verdict, "note": "", "start": None, "end": None, "reviewed_at": at}
    if keep_fields:
        line["mode"] = record["mode"]
        line["source_kind"] = record["source"]["kind"] if record["source"] else None
    return line


def test_eval_verdicts_gives_precision_by_kind_and_mode(made: Path, tmp_path: Path) -> None:
    records = _jsonl(made / "records.jsonl")
    person = [r for r in records if r["source"] and r["source"]["kind"] == "person"]
    organisation = [r for r in records if r["source"] and r["source"]["kind"] == "organization"]
    assert len(person) >= 3 and len(organisation) >= 2
    lines = [
        _verdict(person[0], "correct"),
        _verdict(person[1], "wrong_span"),
        _verdict(person[2], "not_a_claim", at="2026-12-04T09:00:00Z"),
        _verdict(person[2], "correct", at="2026-12-04T11:00:00Z"),  # reviewed again: the later verdict counts
        _verdict(organisation[0], "wrong_source"),
        _verdict(organisation[1], "correct", keep_fields=False),
        {"id": None, "doc_id": "harbour-strike", "verdict": "missed", "note": "", "start": 0, "end": 40, "reviewed_at": "2026-12-04T10:00:00Z"},
        {"id": None, "doc_id": "library-reopening", "verdict": "missed", "note": "", "start": 3, "end": 30, "reviewed_at": "2026-12-04T10:00:00Z"},
    ]
    verdicts = tmp_path / "v.jsonl"
    verdicts.write_text("".join(json.dumps(v) + "\n" for v in lines), encoding="utf-8")
    result = runner.invoke(app, ["eval", "--verdicts", str(verdicts), "--records", str(made / "records.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["overall"]["reviewed"] == 5 and report["overall"]["correct"] == 3
    assert report["overall"]["precision"] == pytest.approx(3 / 5)
    assert report["by_source_kind"]["person"]["precision"] == pytest.approx(2 / 3)
    assert report["by_source_kind"]["organization"] == {
        "reviewed": 2, "correct": 1, "wrong_source": 1, "wrong_span": 0, "not_a_claim": 0, "precision": 0.5
    }
    modes = {r["mode"] for r in [person[0], person[1], person[2], organisation[0], organisation[1]]}
    assert set(report["by_mode"]) == modes
    assert sum(t["reviewed"] for t in report["by_mode"].values()) == 5
    assert report["missed"] == 2 and report["documents_with_missed"] == 2
    # without --records the line's own mode and kind are used; the line without them is "(unknown)"
    bare = runner.invoke(app, ["eval", "--verdicts", str(verdicts), "--json"])
    assert bare.exit_code == 0
    assert json.loads(bare.stdout)["by_source_kind"]["(unknown)"]["reviewed"] == 1
    table = runner.invoke(app, ["eval", "--verdicts", str(verdicts), "--records", str(made / "records.jsonl")])
    assert "person" in table.stdout and "0.667" in table.stdout and "missed claims marked: 2" in table.stdout


def test_eval_verdicts_for_other_records_exits_3(made: Path, tmp_path: Path) -> None:
    verdicts = tmp_path / "v.jsonl"
    verdicts.write_text(json.dumps({"id": "feedfeedfeedfeed", "doc_id": "x", "verdict": "correct", "note": "", "start": None, "end": None, "reviewed_at": None}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--verdicts", str(verdicts), "--records", str(made / "records.jsonl")])
    assert result.exit_code == 3
    assert "not among these records" in result.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "doc_id": "x", "verdict": "correct"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "--verdicts", str(broken)])
    assert result.exit_code == 3 and "broken.jsonl:2: invalid JSON" in result.stderr


def test_eval_needs_gold_and_pred_or_verdicts() -> None:
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 2
