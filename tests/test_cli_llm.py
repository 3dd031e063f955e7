"""`claimkit extract --extractor llm` through the CLI, against the local fault server."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.write import validate
from llm_support.fixtures import fault_server
from llm_support.server import FaultServer, Reply, claims_reply

__all__ = ["fault_server"]  # the fixture, imported so pytest finds it

SECRET = "sk-cli-test-5f3a9e7d1c0bSECRET"
ARTICLE = "Thursday, May 7, 2026\n\nMayor Ana Lopez said the bridge will open in June.\n"

runner = CliRunner()


def _run(server: FaultServer, tmp_path: Path, *extra: str):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    args = [
        "extract", str(path), "--extractor", "llm", "--base-url", server.url, "--model", "fault-model",
        "--api-key-env", "CLAIMKIT_TEST_KEY", "--timeout", "5", *extra,
    ]
    return runner.invoke(app, args, env={"CLAIMKIT_TEST_KEY": SECRET, "XDG_CACHE_HOME": str(tmp_path / "cache")})


def test_llm_records_through_the_cli(fault_server: FaultServer, tmp_path: Path) -> None:
    result = _run(fault_server, tmp_path, "--no-cache", "--max-claims", "5", "--instructions-role", "user")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "no record from the echo model"
    for r in records:
        assert validate.errors(r) == []
        assert list(validate.span_errors(r, ARTICLE)) == []
        assert r["extractor"]["name"] == "llm" and r["extractor"]["model"] == "fault-model"
    # the entity stage names the source by its canonical name, without the title
    assert records[0]["source"]["name"] == "Ana Lopez"
    entity = records[0]["source"]["entity"]
    assert entity["name"] == "Ana Lopez" and entity["kind"] == records[0]["source"]["kind"]
    assert [m["text"] for m in entity["mentions"]] == ["Mayor Ana Lopez"]
    assert "1 request" in result.stderr and "prompt" in result.stderr  # the run summary
    assert SECRET not in result.stdout + result.stderr
    body = fault_server.requests[0]
    assert body["messages"][0]["role"] == "user"


def test_second_run_is_served_from_the_cache(fault_server: FaultServer, tmp_path: Path) -> None:
    first = _run(fault_server, tmp_path)
    assert first.exit_code == 0, first.stderr
    sent = len(fault_server.requests)
    second = _run(fault_server, tmp_path)
    assert second.exit_code == 0
    assert len(fault_server.requests) == sent
    assert first.stdout == second.stdout


def test_endpoint_refusing_the_key_exits_5_without_echoing_it(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.responder = lambda body: Reply(status=401, error=f"Incorrect API key provided: {SECRET}")
    out = tmp_path / "out.jsonl"
    result = _run(fault_server, tmp_path, "--no-cache", "-o", str(out))
    assert result.exit_code == 5
    assert SECRET not in result.output and SECRET[-8:] not in result.output
    assert "Traceback" not in result.output
    assert not out.exists(), "a failed run must not leave an output file"


def test_default_key_is_not_sent_to_an_endpoint_named_on_the_command_line(fault_server: FaultServer, tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    base = ["extract", str(path), "--extractor", "llm", "--base-url", fault_server.url, "--model", "m", "--no-cache"]
    env = {"OPENAI_API_KEY": SECRET, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert runner.invoke(app, base, env=env).exit_code == 0
    assert runner.invoke(app, [*base, "--api-key-env", "OPENAI_API_KEY"], env=env).exit_code == 0
    first, second = (r.get("authorization", "") for r in fault_server.headers[:2])
    assert SECRET not in first
    assert second == f"Bearer {SECRET}"


def test_llm_with_two_worker_processes_gives_the_one_process_output(fault_server: FaultServer, tmp_path: Path) -> None:
    lines = [
        {"id": f"a{k}", "text": f"Thursday, May {k + 1}, 2026\n\nCouncillor Mara Ode said the ferry number {k} would run late.\n", "published": f"2026-05-{k + 1:02d}"}
        for k in range(12)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    args = ["extract", str(path), "--extractor", "llm", "--base-url", fault_server.url, "--model", "fault-model",
            "--api-key-env", "CLAIMKIT_TEST_KEY", "--timeout", "5", "--no-cache", "--concurrency", "2"]
    env = {"CLAIMKIT_TEST_KEY": SECRET}
    one = runner.invoke(app, [*args, "--jobs", "1"], env=env)
    sent = len(fault_server.requests)
    two = runner.invoke(app, [*args, "--jobs", "2"], env=env)
    assert one.exit_code == 0 and two.exit_code == 0, two.stderr
    assert len(fault_server.requests) == 2 * sent  # the workers asked the server themselves
    assert one.stdout == two.stdout
    assert [json.loads(r)["doc_id"] for r in one.stdout.splitlines()] == [f"a{k}" for k in range(12)]


def test_llm_records_get_continued_accounts(fault_server: FaultServer, tmp_path: Path) -> None:
    """The continued-accounts stage runs after every extractor: an "according to"
    claim the model returns opens an account the next sentence carries on."""
    article = (
        "Thursday, May 7, 2026\n\n"
        "According to the Valley Water Board, reservoirs are at 40 percent. Rationing starts in June.\n"
    )
    claim = {
        "content": "reservoirs are at 40 percent",
        "mode": "indirect",
        "source": {"name": "Valley Water Board", "kind": "organization", "mention": "the Valley Water Board"},
        "cue": {"text": "According to", "lemma": "according to"},
    }
    fault_server.script(Reply(content=claims_reply([claim])))
    path = tmp_path / "water.txt"
    path.write_text(article, encoding="utf-8")
    args = ["extract", str(path), "--extractor", "llm", "--base-url", fault_server.url, "--model", "fault-model",
            "--api-key-env", "CLAIMKIT_TEST_KEY", "--timeout", "5", "--no-cache"]
    result = runner.invoke(app, args, env={"CLAIMKIT_TEST_KEY": SECRET, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    anchor = next(r for r in records if r["cue"] is not None)
    more = next(r for r in records if r["content"]["text"] == "Rationing starts in June")
    assert more["continues"] == anchor["id"] and more["cue"] is None and more["source"]["name"] == "Valley Water Board"
    assert more["extractor"]["name"] == "llm"
    for r in records:
        assert validate.errors(r) == []
