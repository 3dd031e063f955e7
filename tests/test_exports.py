"""`extract --format csv` and `--format claimreview`, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.write.formats import csv_cell_value

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "examples" / "harbour-strike.txt", ROOT / "examples" / "library-reopening.md"]
CLAIMREVIEW_SCHEMA = json.loads((ROOT / "schemas" / "claimreview.schema.json").read_text(encoding="utf-8"))

runner = CliRunner()

# Written for this test: hard-wrapped lines (line breaks inside claims),
# letters beyond ASCII, an astral character, and claims that start like
# spreadsheet formulas.
WRAPPED = """Zoë Ångström, the harbour master of Tromsø, said the ferry to the
outer islands would not sail before Thursday. “The engines are
finished,” she told reporters. 🦀 The crab season, the council said, opens in May.
The police said =HYPERLINK("http://example.invalid/","open") was written on the sign.
The mayor said +1 more bus would run on Sunday.
"""

# How each CSV column is read from a JSONL record.
FROM_RECORD = {
    "doc_id": lambda r: r["doc_id"],
    "id": lambda r: r["id"],
    "mode": lambda r: r["mode"],
    "source_name": lambda r: r["source"]["name"] if r["source"] else None,
    "source_kind": lambda r: r["source"]["kind"] if r["source"] else None,
    "entity_id": lambda r: r["source"]["entity"]["id"] if r["source"] else None,
    "source_mention": lambda r: (r["source"]["mention"] or {}).get("text") if r["source"] else None,
    "cue": lambda r: r["cue"]["mention"]["text"] if r["cue"] else None,
    "content": lambda r: r["content"]["text"],
    "statement": lambda r: r["statement"],
    "reported_at": lambda r: r["reported_at"]["value"] if r["reported_at"] else None,
    "event_time": lambda r: r["event_time"]["value"] if r["event_time"] else None,
    "certainty_level": lambda r: r["certainty"]["level"],
    "polarity": lambda r: r["certainty"]["polarity"],
    "content_start": lambda r: str(r["content"]["start"]),
    "content_end": lambda r: str(r["content"]["end"]),
    "nested_in": lambda r: r["nested_in"],
    "continues": lambda r: r["continues"],
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> list[str]:
    folder = tmp_path_factory.mktemp("exports")
    wrapped = folder / "wrapped.txt"
    wrapped.write_text(WRAPPED, encoding="utf-8")
    seed = folder / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    return [*map(str, EXAMPLES), str(wrapped), str(seed)]


def _extract(paths: list[str], fmt: str, out: Path) -> None:
    result = runner.invoke(app, ["extract", *paths, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.stderr


def test_csv_reads_back_as_the_jsonl_records(inputs: list[str], tmp_path: Path) -> None:
    _extract(inputs, "jsonl", tmp_path / "out.jsonl")
    _extract(inputs, "csv", tmp_path / "out.csv")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    assert b"\r\n" in raw and raw.endswith(b"\r\n"), "RFC 4180 rows end with CRLF"
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == tuple(FROM_RECORD)
        rows = list(reader)
    assert len(rows) == len(records) > 20
    for row, record in zip(rows, records, strict=True):
        for column, get in FROM_RECORD.items():
            assert csv_cell_value(column, row[column]) == get(record), (column, record["id"])
    contents = [r["content"]["text"] for r in records]
    assert any("\n" in c for c in contents), "the test article should give a claim with a line break"
    assert any("Ångström" in (r["source"] or {}).get("name", "") for r in records)


def test_csv_cells_that_look_like_formulas_are_defused(inputs: list[str], tmp_path: Path) -> None:
    _extract(inputs[2:3], "csv", tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    starts = [row["content"][:2] for row in rows]
    assert "'=" in starts and "'+" in starts, starts
    assert not any(row[c].startswith(("=", "+", "-", "@")) for row in rows for c in row)


def test_claimreview_drafts_validate_and_follow_the_records(inputs: list[str], tmp_path: Path) -> None:
    jsonl = tmp_path / "articles.jsonl"
    text = Path(inputs[0]).read_text(encoding="utf-8")
    jsonl.write_text(
        json.dumps({"id": "harbour", "text": text, "url": "https://news.example/harbour", "title": "Dock strike", "published": "2026-03-10"}) + "\n",
        encoding="utf-8",
    )
    paths = [str(jsonl), *inputs[1:]]
    _extract(paths, "jsonl", tmp_path / "out.jsonl")
    _extract(paths, "claimreview", tmp_path / "out.json")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    drafts = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(CLAIMREVIEW_SCHEMA).validate(drafts)
    attributed = [r for r in records if r["mode"] != "unattributed"]
    assert len(records) > len(attributed) > 20, "the inputs have unattributed claims, which get no draft"
    assert [d["identifier"] for d in drafts] == [r["id"] for r in attributed]
    kinds = {"person": "Person", "organization": "Organization", "government": "Organization", "unnamed": "Person"}
    for d, r in zip(drafts, attributed, strict=True):
        assert d["@context"] == "https://schema.org" and d["@type"] == "ClaimReview"
        assert "reviewRating" not in d
        assert d["claimReviewed"] == (r["statement"] or r["content"]["text"])
        claim = d["itemReviewed"]
        assert claim["author"]["name"] == r["source"]["name"] == r["source"]["entity"]["name"]
        if r["source"]["kind"] in kinds:
            assert claim["author"]["@type"] == kinds[r["source"]["kind"]]
        reported = r["reported_at"]
        if reported and reported["value"] and "/" not in reported["value"]:
            assert claim["datePublished"] == reported["value"]
        else:
            assert "datePublished" not in claim
        if r["doc_id"] == "harbour":
            assert claim["appearance"] == {
                "@type": "NewsArticle",
                "identifier": "harbour",
                "url": "https://news.example/harbour",
                "headline": "Dock strike",
                "datePublished": "2026-03-10",
            }
    assert any(d["itemReviewed"].get("datePublished") for d in drafts)


def test_the_claimreview_schema_rejects_a_rated_or_broken_draft(inputs: list[str], tmp_path: Path) -> None:
    _extract(inputs[:1], "claimreview", tmp_path / "out.json")
    drafts = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(CLAIMREVIEW_SCHEMA)
    assert validator.is_valid(drafts)
    rated = [dict(drafts[0], reviewRating={"@type": "Rating", "ratingValue": 1})]
    no_author = json.loads(json.dumps(drafts[:1]))
    del no_author[0]["itemReviewed"]["author"]
    bad_date = json.loads(json.dumps(drafts[:1]))
    bad_date[0]["itemReviewed"]["datePublished"] = "2026-01-27/2026-01-28"
    for broken in (rated, no_author, bad_date):
        assert not validator.is_valid(broken)


def test_no_attributed_claims_give_an_empty_array(tmp_path: Path) -> None:
    article = tmp_path / "menu.txt"
    article.write_text("Soup of the day: leek and potato.\n", encoding="utf-8")
    _extract([str(article)], "claimreview", tmp_path / "out.json")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == []


def test_the_table_names_the_entity_and_the_words_the_article_used(tmp_path: Path) -> None:
    article = tmp_path / "vote.txt"
    article.write_text(
        "Finance Minister Helena Varga said the budget would pass on Friday. She said taxes would not rise.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(article), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.count("Helena Varga") >= 2 and out.count("(person)") == 2  # the entity's name, in both rows
    assert "as “She”" in out and "as “Finance Minister" in out  # and the words the article used
