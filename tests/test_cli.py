"""Every command, every output format and every kind of bad input, through the real CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.write import validate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-strike.txt"

runner = CliRunner()


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_every_command_has_help() -> None:
    for command in ("extract", "schema", "validate", "eval"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage" in result.output


def test_extract_jsonl_on_an_example() -> None:
    result = runner.invoke(app, ["extract", str(EXAMPLE)])
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert records and all(validate.errors(r) == [] for r in records)
    text = EXAMPLE.read_text(encoding="utf-8")
    for r in records:
        assert list(validate.span_errors(r, text)) == []
        assert r["doc_id"] == "harbour-strike"
    assert "1 document(s)" in result.stderr


def test_extract_json_and_table(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", str(EXAMPLE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    table = runner.invoke(app, ["extract", str(EXAMPLE), "--format", "table"])
    assert table.exit_code == 0
    assert "source" in table.stdout and "certainty" in table.stdout
    first_source = next(r["source"]["name"] for r in data if r["source"])
    assert first_source.split()[0] in table.stdout


def test_json_output_of_no_records_is_an_empty_array(tmp_path: Path) -> None:
    article = tmp_path / "menu.txt"
    article.write_text("Home\nSports\nWeather\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_date_option_overrides_and_resolves_weekdays(tmp_path: Path) -> None:
    article = tmp_path / "vote.txt"
    article.write_text("The council voted on Thursday to close the bridge, the mayor said.\n", encoding="utf-8")
    undated = _records(runner.invoke(app, ["extract", str(article)]).stdout)
    dated = _records(runner.invoke(app, ["extract", str(article), "--date", "2026-02-07"]).stdout)
    values = [r["event_time"]["value"] for r in dated if r["event_time"]]
    assert "2026-02-05" in values
    assert all(r["event_time"] is None or r["event_time"]["value"] is None for r in undated)
    bad = runner.invoke(app, ["extract", str(article), "--date", "07/02/2026"])
    assert bad.exit_code == 2


def test_stdin_text_and_jsonl() -> None:
    text = "Tuesday, March 10, 2026\n\nThe union said the strike would end on Friday.\n"
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.stderr
    assert {r["doc_id"] for r in _records(result.stdout)} == {"stdin"}
    line = json.dumps({"id": "s1", "text": "The union said the strike would end on Friday.", "published": "2026-03-10"})
    result = runner.invoke(app, ["extract", "-"], input=line + "\n")
    records = _records(result.stdout)
    assert {r["doc_id"] for r in records} == {"s1"}
    assert any(r["event_time"] and r["event_time"]["value"] == "2026-03-13" for r in records)


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("empty.txt", b"\n \n", "empty article"),
        ("binary.txt", b"\x00\x01\x02\x03" * 10, "binary"),
        ("latin1.txt", "Préfecture".encode("latin-1"), "not valid UTF-8"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_bad_input_is_one_line_distinct_exit_and_others_still_processed(
    tmp_path: Path, name: str, payload: bytes | None, message: str
) -> None:
    bad = tmp_path / name
    if payload is not None:
        bad.write_bytes(payload)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(bad), str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("claimkit: error:")]
    assert len(errors) == 1 and name in errors[0] and message in errors[0]
    assert "Traceback" not in result.stderr
    assert {r["doc_id"] for r in _records(out.read_text(encoding="utf-8"))} == {"harbour-strike"}


def test_huge_input_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_text("The mayor said so. " * 200, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(big), "--max-bytes", "1000"])
    assert result.exit_code == 3 and "too large" in result.stderr


def test_output_into_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(EXAMPLE), "-o", str(tmp_path / "nope" / "out.jsonl")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_failed_run_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "keep.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    # The LLM extractor without a model is refused before anything is written.
    result = runner.invoke(app, ["extract", str(EXAMPLE), "-o", str(out), "--extractor", "llm"], env={"CLAIMKIT_MODEL": ""})
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert not list(tmp_path.glob("*.part"))


def test_missing_parser_model_is_an_extractor_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimkit.extractors.rules import parse

    out = tmp_path / "out.jsonl"
    out.write_text("earlier output\n", encoding="utf-8")
    monkeypatch.setattr(parse, "MODEL", "en_core_web_not_installed")
    parse.nlp.cache_clear()
    try:
        result = runner.invoke(app, ["extract", str(EXAMPLE), "-o", str(out)])
    finally:
        parse.nlp.cache_clear()  # the next test loads the real pipeline again
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1 and "en_core_web_not_installed" in result.stderr
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "earlier output\n"


def test_schema_command_prints_the_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == validate.claim_schema()


def test_validate_command(tmp_path: Path) -> None:
    records = _records(runner.invoke(app, ["extract", str(EXAMPLE)]).stdout)
    good = tmp_path / "good.jsonl"
    good.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ok = runner.invoke(app, ["validate", str(good), "--text", str(EXAMPLE)])
    assert ok.exit_code == 0, ok.stderr

    broken = dict(records[0], mode="rumour")
    shifted = json.loads(json.dumps(records[-1]))
    shifted["content"]["start"] += 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps(records[0]) + "\n" + json.dumps(broken) + "\n{not json\n" + json.dumps(shifted) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(bad), "--text", str(EXAMPLE)])
    assert result.exit_code == 6
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{bad}:2: mode") for line in lines)
    assert any(line.startswith(f"{bad}:3: invalid JSON") for line in lines)
    assert any(line.startswith(f"{bad}:4: content") for line in lines)
    assert not any(line.startswith(f"{bad}:1:") for line in lines)

    missing = runner.invoke(app, ["validate", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 3 and "Traceback" not in missing.output


def test_eval_command_on_polnear_dev_sample(tmp_path: Path, shared_dir: Path) -> None:
    dev = shared_dir / "eval" / "polnear" / "dev"
    names = sorted(p.stem for p in (dev / "text").glob("*.txt"))[:3]
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    for name in names:
        shutil.copy(dev / "text" / f"{name}.txt", gold / "text")
        for ann in (dev / "attributions").glob(f"{name}_*.ann"):
            shutil.copy(ann, gold / "attributions")
    pred = tmp_path / "pred.jsonl"
    extracted = runner.invoke(app, ["extract", str(gold / "text"), "-o", str(pred)])
    assert extracted.exit_code == 0, extracted.stderr
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores, "eval printed nothing"
    table = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred)])
    assert table.exit_code == 0 and "cue" in table.stdout
    missing = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nogold"), "--pred", str(pred)])
    assert missing.exit_code == 3
    (tmp_path / "empty").mkdir()
    for not_gold in (pred, tmp_path / "empty"):  # a file, and a directory that is no gold set
        wrong = runner.invoke(app, ["eval", "--gold", str(not_gold), "--pred", str(pred)])
        assert wrong.exit_code == 3 and "Traceback" not in wrong.output and len(wrong.stderr.splitlines()) == 1


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimkit", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("claimkit ")


def test_readme_documents_every_command_and_option() -> None:
    """The README cannot drift from the CLI: every command and option is named there."""
    import typer.main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"claimkit {name}" in readme, f"README does not document `claimkit {name}`"
        assert command.help, f"`claimkit {name}` has no help text"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"README does not mention {opt} of `claimkit {name}`"
