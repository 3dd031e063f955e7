"""The language stage: identification, skipping what the offline extractor
cannot read (exit 7), --lang, and the language on every record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit import extract_claims
from claimkit.cli import app
from claimkit.errors import LanguageSkipped
from claimkit.read import language
from llm_support.fixtures import fault_server
from llm_support.server import FaultServer, Reply, claims_reply

__all__ = ["fault_server"]

runner = CliRunner()

GERMAN = (
    "Brücke bleibt bis Juni gesperrt\n\n"
    "Der Bürgermeister sagte am Dienstag, dass die Brücke bis Juni gesperrt bleibt. "
    "Laut dem Ministerium fehlen noch zwei Gutachten.\n"
)
ENGLISH = "The mayor said on Tuesday that the swing bridge would stay closed until June, because two surveys are missing.\n"
# an English article quoting a whole sentence in French
MIXED = (
    "The French delegation left the harbour summit early on Friday. \"Nous ne signerons pas ce texte dans sa "
    "forme actuelle,\" the delegation's head, Marc Vidal, told reporters. Organisers said talks would resume "
    "next week and that the ferry agreement was still within reach.\n"
)

WRITTEN = {
    "de": GERMAN,
    "fr": "La police a interpellé lundi soir deux hommes soupçonnés d'avoir cambriolé une boulangerie du centre-ville.",
    "es": "El alcalde dijo el martes que las obras del puente tardarán más de lo previsto, según fuentes municipales.",
    "it": "Il sindaco ha detto martedì che i lavori del ponte dureranno più del previsto, secondo il ministero.",
    "nl": "De burgemeester zei dinsdag dat de reparatie van de brug langer duurt dan gepland, volgens het ministerie.",
    "pt": "O presidente da câmara disse na terça-feira que as obras da ponte vão demorar mais do que o previsto.",
    "en": ENGLISH,
}


@pytest.mark.parametrize("code", sorted(WRITTEN))
def test_identifies_short_news_texts(code: str) -> None:
    found = language.identify(WRITTEN[code])
    assert found.code == code and found.iso_639_1 == code


def test_an_english_article_quoting_french_is_english() -> None:
    assert language.identify(MIXED).code == "en"


@pytest.mark.parametrize("text", ["", "10:42 GMT", "OK.", "12 345 678 — 9.5%"])
def test_too_little_text_has_no_language(text: str) -> None:
    assert language.identify(text).code is None


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_german_article_is_skipped_with_one_line_and_exit_7(tmp_path: Path) -> None:
    path = _write(tmp_path, "brücke.txt", GERMAN)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 7, result.stderr
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if "skipped, written in" in line]
    assert len(lines) == 1 and str(path) in lines[0] and "German (de)" in lines[0]
    assert "0 document(s)" in result.stderr and "1 skipped for language" in result.stderr
    assert "Traceback" not in result.output


def test_lang_en_forces_the_offline_extractor(tmp_path: Path) -> None:
    path = _write(tmp_path, "brücke.txt", GERMAN)
    result = runner.invoke(app, ["extract", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert records and all(r["language"] == "en" for r in records)


def test_english_and_mixed_articles_carry_en(tmp_path: Path) -> None:
    inp = _write(tmp_path, "feed.jsonl", "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("plain", ENGLISH), ("mixed", MIXED))))
    result = runner.invoke(app, ["extract", str(inp)])
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert {r["doc_id"] for r in records} == {"plain", "mixed"}
    assert all(r["language"] == "en" for r in records)
    vidal = [r for r in records if r["source"] and r["source"]["name"] == "Marc Vidal"]
    assert vidal and vidal[0]["content"]["text"].startswith('"Nous ne signerons')


def test_bad_input_outranks_a_language_skip(tmp_path: Path) -> None:
    """Exit 3 when an input is broken and another skipped; both are counted."""
    lines = [json.dumps({"id": "en", "text": ENGLISH}), json.dumps({"id": "de", "text": GERMAN}), "{not json"]
    inp = _write(tmp_path, "feed.jsonl", "\n".join(lines))
    result = runner.invoke(app, ["extract", str(inp)])
    assert result.exit_code == 3
    assert f"{inp}:2 (de): skipped, written in German (de)" in result.stderr
    assert f"{inp}:3: invalid JSON" in result.stderr
    assert "1 document(s)" in result.stderr and "1 input error(s), 1 skipped for language" in result.stderr
    assert {r["doc_id"] for r in _records(result.stdout)} == {"en"}


def test_lang_must_be_a_code_the_offline_extractor_reads(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ENGLISH)
    for bad in ("de", "english", "e1"):
        result = runner.invoke(app, ["extract", str(path), "--lang", bad])
        assert result.exit_code == 2, (bad, result.output)


def test_library_raises_language_skipped() -> None:
    with pytest.raises(LanguageSkipped) as info:
        extract_claims(GERMAN, doc_id="brücke")
    assert info.value.exit_code == 7 and info.value.language == "de"
    assert all(c.language == "en" for c in extract_claims(GERMAN, doc_id="brücke", language="en"))
    assert all(c.language == "en" for c in extract_claims(ENGLISH))


def _german_model(body: dict) -> Reply:
    """A model that reports the mayor's statement of the German article."""
    return Reply(
        content=claims_reply(
            [
                {
                    "content": "dass die Brücke bis Juni gesperrt bleibt",
                    "mode": "indirect",
                    "source": {"name": "Der Bürgermeister", "kind": "person", "mention": "Der Bürgermeister"},
                    "cue": {"text": "sagte", "lemma": "sagen"},
                }
            ]
        )
    )


@pytest.mark.parametrize("declared", [None, "de"])
def test_llm_extractor_reads_german_and_records_say_so(fault_server: FaultServer, tmp_path: Path, declared: str | None) -> None:
    fault_server.responder = _german_model
    path = _write(tmp_path, "brücke.txt", GERMAN)
    args = ["extract", str(path), "--extractor", "llm", "--base-url", fault_server.url, "--model", "m", "--no-cache", "--timeout", "5"]
    result = runner.invoke(app, args + (["--lang", declared] if declared else []))
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert [r["source"]["name"] for r in records] == ["Der Bürgermeister"]
    assert records[0]["language"] == "de"
    assert "0 skipped for language" in result.stderr
