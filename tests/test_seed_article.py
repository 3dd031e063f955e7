"""The article the project was specified from, end to end through the offline pipeline.

Each test is one promise of the specification; the article is read from
../shared at test time and never copied into the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit import pipeline
from claimkit.extractors.rules import RuleExtractor
from claimkit.model import CERTAINTY_ORDER
from claimkit.read import files as ingest
from claimkit.write import validate

RANK = {level: i for i, level in enumerate(CERTAINTY_ORDER)}


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> tuple[str, list[dict]]:
    path = shared_dir / "seed-article.txt"
    (article,) = list(ingest.load([str(path)]))
    assert article.published is not None and article.published.isoformat() == "2026-02-07"
    result = pipeline.run(article, RuleExtractor())
    return article.text, result.records


def _find(records: list[dict], cue_text: str, content_start: str) -> dict:
    """The record whose cue mention contains ``cue_text`` (cue spans keep adverbs and
    negators: "also hinted", "have not reported") and whose content begins with ``content_start``."""
    hits = [
        r
        for r in records
        if r["cue"] is not None
        and cue_text.lower() in r["cue"]["mention"]["text"].lower()
        and r["content"]["text"].lstrip("“\"'‘ ").startswith(content_start)
    ]
    assert hits, f"no record with cue {cue_text!r} and content starting {content_start!r}"
    return hits[0]


def test_every_record_is_valid_and_grounded(seed: tuple[str, list[dict]]) -> None:
    text, records = seed
    assert len(records) >= 15
    for r in records:
        assert validate.errors(r) == []
        assert list(validate.span_errors(r, text)) == []


def test_according_to_blaze_with_both_times(seed: tuple[str, list[dict]]) -> None:
    _, records = seed
    r = _find(records, "According to", "the North Korean delegation spent two days")
    assert r["source"]["name"].endswith("Blaze")
    assert r["source"]["kind"] == "organization"
    assert r["reported_at"]["value"] == "2026-02-05"
    assert r["event_time"]["value"] == "2026-01-27/2026-01-28"
    assert r["mode"] == "indirect"


@pytest.mark.parametrize(("cue", "content"), [("indicated", "they explored"), ("reported", "North Korea")])
def test_blaze_indicated_and_reported(seed: tuple[str, list[dict]], cue: str, content: str) -> None:
    _, records = seed
    r = _find(records, cue, content)
    assert r["source"]["name"] == "Blaze"
    assert r["certainty"]["polarity"] == "positive"


def test_nested_attribution_inside_blaze_report(seed: tuple[str, list[dict]]) -> None:
    _, records = seed
    outer = _find(records, "reported", "North Korea")
    inner = [r for r in records if r["nested_in"] == outer["id"]]
    assert inner, "the Ministry's hope is not nested in Blaze's report"
    assert "Ministry of Education" in inner[0]["source"]["name"]


def test_hinted_is_less_certain_than_reported(seed: tuple[str, list[dict]]) -> None:
    _, records = seed
    hinted = _find(records, "hinted", "it would use this contact")
    reported = _find(records, "reported", "North Korea")
    assert hinted["source"]["name"] == "North Korea"
    assert RANK[hinted["certainty"]["level"]] > RANK[reported["certainty"]["level"]]


def test_reports_indicate_unnamed_source_last_year_and_statement(seed: tuple[str, list[dict]]) -> None:
    _, records = seed
    r = _find(records, "indicate", "it dispatched AI research personnel")
    assert r["source"]["kind"] == "unnamed"
    assert r["event_time"]["value"] == "2025"
    assert r["statement"] is not None and r["statement"].startswith("North Korea")


def test_reportedly_claims_are_probable(seed: tuple[str, list[dict]]) -> None:
    _, records = seed
    hits = [r for r in records if r["cue"] and r["cue"]["lemma"] == "reportedly"]
    assert len(hits) >= 2
    for r in hits:
        assert r["certainty"]["level"] == "probable"
        assert any(c["text"] == "reportedly" for c in r["certainty"]["cues"])


def test_media_have_not_reported_is_negative(seed: tuple[str, list[dict]]) -> None:
    _, records = seed
    hits = [r for r in records if "North Korean media have not reported" in r["content"]["text"]
            or (r["source"] and "North Korean media" in r["source"]["name"])]
    assert hits
    assert all(r["certainty"]["polarity"] == "negative" for r in hits)


def test_unnamed_and_group_sources(seed: tuple[str, list[dict]]) -> None:
    _, records = seed
    for cue, content in (("suggest", "North Korea-linked"), ("interpret", "this contact"), ("indicate", "North Korea")):
        r = _find(records, cue, content)
        assert r["source"]["kind"] in {"unnamed", "group"}, r["source"]


def test_unattributed_claims_and_no_furniture(seed: tuple[str, list[dict]]) -> None:
    text, records = seed
    plain = [r for r in records if r["mode"] == "unattributed"]
    assert any(r["content"]["text"].startswith("Recently, North Korea has actively expanded") for r in plain)
    assert all(r["source"] is None and r["cue"] is None for r in plain)
    furniture = ("Check Out", "Most Popular", "Courtesy of", "Saturday, February 7", "North Korea Drone Scandal")
    for r in records:
        assert not r["content"]["text"].startswith(furniture), r["content"]["text"]
    body_start = text.index("A North Korean delegation")
    assert all(r["content"]["start"] >= body_start for r in records)


def test_ids_are_stable_across_file_names(seed: tuple[str, list[dict]], tmp_path: Path) -> None:
    text, records = seed
    copy = tmp_path / "renamed.txt"
    copy.write_text(text, encoding="utf-8")
    (article,) = list(ingest.load([str(copy)]))
    again = pipeline.run(article, RuleExtractor()).records
    assert [r["id"] for r in again] == [r["id"] for r in records]
    assert len({r["id"] for r in records}) == len(records)


def test_table_shows_resolved_times_unbroken(shared_dir: Path) -> None:
    """The readable table keeps a resolved interval on one line under its phrase."""
    from typer.testing import CliRunner

    from claimkit.cli import app

    result = CliRunner().invoke(app, ["extract", str(shared_dir / "seed-article.txt"), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "2026-01-27/2026-01-28" in result.stdout
    assert "2026-02-05" in result.stdout
