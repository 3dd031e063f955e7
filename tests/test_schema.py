"""The JSON Schema file matches the pydantic models, and it rejects bad records."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from claimkit import extract_claims
from claimkit.write import validate

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schemas" / "claim.schema.json"

ARTICLE = (
    "Monday, May 4, 2026\n\n"
    "The council approved the budget on Friday, the mayor said.\n\n"
    "Water prices rose by 3% in 2025.\n"
)


def test_schema_file_has_not_drifted_from_the_models() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == validate.claim_schema(), (
        "schemas/claim.schema.json is stale: run `claimkit schema > schemas/claim.schema.json`"
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.fixture(scope="module")
def record() -> dict:
    claims = extract_claims(ARTICLE, doc_id="budget")
    attributed = [c for c in claims if c.mode != "unattributed"]
    assert attributed, "the offline extractor found no attribution in a plain 'X said' sentence"
    return attributed[0].model_dump(mode="json")


def test_a_real_record_validates(record: dict) -> None:
    assert validate.errors(record) == []


@pytest.mark.parametrize(
    ("path", "value", "expect"),
    [
        (("mode",), "hearsay", "mode"),
        (("schema_version",), "2.0", "schema_version"),
        (("content", "start"), -1, "content/start"),
        (("certainty", "level"), "sure", "certainty/level"),
        (("source", "kind"), "robot", "source"),
        (("source",), None, "source"),  # attributed records need a source
        (("unexpected",), 1, "(record)"),
    ],
)
def test_schema_rejects_broken_records(record: dict, path: tuple[str, ...], value: object, expect: str) -> None:
    broken = copy.deepcopy(record)
    node = broken
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    problems = validate.errors(broken)
    assert problems, f"setting {'/'.join(path)} = {value!r} was accepted"
    assert any(p.startswith(expect) for p in problems), problems


def test_missing_field_is_rejected(record: dict) -> None:
    broken = dict(record)
    del broken["event_time"]
    assert any("event_time" in p for p in validate.errors(broken))


def test_span_errors_finds_offsets_that_do_not_index_the_text(record: dict) -> None:
    assert list(validate.span_errors(record, ARTICLE)) == []
    shifted = copy.deepcopy(record)
    shifted["content"]["start"] += 1
    assert [p for p in validate.span_errors(shifted, ARTICLE) if p.startswith("content")]


def test_fast_validator_agrees_with_the_published_schema(record: dict) -> None:
    """The runtime validator (references inlined, nullable fields merged) accepts and
    rejects exactly what schemas/claim.schema.json does."""
    plain = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    variants = [record]
    for key, value in [
        ("mode", "hearsay"), ("source", None), ("source", 3), ("cue", {"lemma": "say"}), ("cue", None),
        ("reported_at", None), ("reported_at", {"text": "x", "start": 0, "end": 1}), ("nested_in", 5),
        ("statement", None), ("statement", ["a"]), ("event_time", {"text": "x", "start": 0, "end": 1, "value": None}),
    ]:
        broken = copy.deepcopy(record)
        broken[key] = value
        variants.append(broken)
    for variant in variants:
        assert validate.validator().is_valid(variant) == plain.is_valid(variant), variant


def test_in_place_properties_keyword_gives_the_stock_errors(record: dict) -> None:
    """The runtime validator's cheaper ``properties`` and ``type`` keywords accept, reject and
    report (messages and paths) exactly as stock jsonschema does on the same schema,
    and agrees with the published schema, also for problems deep inside a record."""
    published = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    stock = Draft202012Validator(validate.validator().schema)
    edits: list[tuple[tuple[str, ...], object]] = [
        (("content", "start"), -1), (("content", "text"), 3), (("content", "extra"), 1), (("cue", "mention", "end"), "7"),
        (("cue", "mention", "start"), 1.5), (("cue", "lemma"), None), (("source", "kind"), "robot"), (("source", "mention"), "x"),
        (("source", "mention"), {"text": "x", "start": 0}), (("source", "resolved_from"), {"text": "x", "start": 0, "end": -2}),
        (("certainty", "cues"), [{"text": "x", "start": 0, "end": 1}, {"text": "y", "start": -1, "end": 1}]),
        (("certainty", "cues"), "none"), (("certainty", "level"), "sure"), (("certainty", "polarity"), None),
        (("sentence", "index"), -1), (("extractor", "model"), 5), (("extractor",), {"name": "rules"}), (("grounding",), "loose"),
        (("schema_version",), "2.0"), (("nested_in",), 4), (("id",), None), (("mode",), "unattributed"), (("source",), None),
        # the type shortcut: a bool is no integer, a whole float is one, to jsonschema
        (("sentence", "index"), True), (("statement",), False), (("certainty", "cues"), {}),
    ]
    variants = [record]
    for path, value in edits:
        broken = copy.deepcopy(record)
        node = broken
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        variants.append(broken)
    for variant in variants:
        ours = validate.validator()
        assert ours.is_valid(variant) == published.is_valid(variant) == stock.is_valid(variant), variant
        got = sorted((list(e.absolute_path), list(e.absolute_schema_path), e.message) for e in ours.iter_errors(variant))
        want = sorted((list(e.absolute_path), list(e.absolute_schema_path), e.message) for e in stock.iter_errors(variant))
        assert got == want, variant
    assert not any(published.is_valid(v) for v in variants[1:])
    whole = copy.deepcopy(record)
    whole["sentence"]["index"] = float(whole["sentence"]["index"])  # a whole float is an integer to jsonschema
    assert validate.validator().is_valid(whole) and stock.is_valid(whole) and published.is_valid(whole)


def test_a_schema_1_0_record_still_validates(record: dict) -> None:
    """Readers and files of schema 1.0 keep working: the 1.1 and 1.2 fields are optional."""
    old = {k: v for k, v in record.items() if k not in ("times", "language", "byline", "continues", "checked")}
    old["schema_version"] = "1.0"
    old["source"] = {k: v for k, v in old["source"].items() if k != "entity"}
    assert validate.errors(old) == []
    assert record["schema_version"] == "1.2"
    assert {"times", "language", "byline", "checked", "continues"} <= record.keys()


def test_a_schema_1_1_record_still_validates_and_checked_entries_are_checked(record: dict) -> None:
    """1.2 adds ``checked`` (the fact-checks of the same claim, from --against): optional, and its entries
    must be whole."""
    old = {k: v for k, v in record.items() if k != "checked"}
    old["schema_version"] = "1.1"
    assert validate.errors(old) == []
    entry = {"factcheck_id": "https://checks.example.org/a", "url": "https://checks.example.org/a", "rating": "False",
             "checked_by": "Harbour Checks", "date": "2026-02-11", "claim": "The bridge will close.", "score": 0.9}
    assert validate.errors({**record, "checked": [entry]}) == []
    assert validate.errors({**record, "checked": []}) == []
    assert validate.errors({**record, "checked": [{**entry, "score": 1.5}]}) != []
    assert validate.errors({**record, "checked": [{k: v for k, v in entry.items() if k != "claim"}]}) != []


def test_a_schema_1_1_record_without_an_entity_still_validates(record: dict) -> None:
    """The 1.2 field (``source.entity``) is optional: a 1.1 record validates, and so does a null entity."""
    old = copy.deepcopy(record)
    old["schema_version"] = "1.1"
    del old["source"]["entity"]
    assert validate.errors(old) == []
    old["source"]["entity"] = None
    assert validate.errors(old) == []


def test_an_entity_must_have_an_id_a_name_a_kind_and_spans(record: dict) -> None:
    entity = record["source"]["entity"]
    assert entity is not None and {"id", "name", "kind", "mentions"} <= entity.keys()
    broken = copy.deepcopy(record)
    broken["source"]["entity"]["kind"] = "alien"
    assert validate.errors(broken)
    broken = copy.deepcopy(record)
    del broken["source"]["entity"]["id"]
    assert validate.errors(broken)


def test_a_schema_1_1_record_without_continues_still_validates(record: dict) -> None:
    """A 1.1 record has no ``continues``: it validates as it is."""
    old = {k: v for k, v in record.items() if k != "continues"}
    old["schema_version"] = "1.1"
    assert validate.errors(old) == []
    old["continues"] = 7
    assert validate.errors(old), "continues must be an id (a string) or null"
