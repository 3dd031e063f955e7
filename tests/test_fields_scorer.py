"""The fields scorer's measures of issue 32 on a hand-made gold set: precision
(a record that should not exist counts against), clauses that must not become
attributions, continued accounts and one kind per entity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimkit.evaluate.entity_kinds import count as count_kinds
from claimkit.evaluate.fields import evaluate_fields
from claimkit.evaluate.polnear import EvalReport, Score

TEXT = (
    "Monday, March 2, 2026\n\n"
    "According to Norvik, its sales fell 8 percent. The chain closed two shops. "
    "The delegation toured the plant. Norvik said it would hire 40 people."
)


def _span(part: str) -> dict[str, Any]:
    start = TEXT.index(part)
    return {"text": part, "start": start, "end": start + len(part)}


def _record(rid: str, content: str, *, cue: str | None, source: str | None, kind: str = "organization", **extra: Any) -> dict[str, Any]:
    return {
        "id": rid,
        "doc_id": "norvik",
        "mode": "indirect",
        "content": _span(content),
        "cue": {"lemma": cue, "mention": _span(cue)} if cue else None,
        "source": {"name": "Norvik", "kind": kind, "mention": _span(source)} if source else None,
        "certainty": {"level": "certain", "polarity": "positive", "cues": []},
        "reported_at": None,
        "times": [],
        "statement": None,
        **extra,
    }


def _gold(content: str, cue: str | None, continues: str | None = None) -> dict[str, Any]:
    return {
        "doc": "norvik", "content": content, "mode": "indirect", "source": ["Norvik"], "kind": "organization",
        "cue": cue, "reported_at": None, "times": [], "level": "certain", "polarity": "positive",
        "statement": None, "split": "tune", "entity": "norvik", "continues": continues,
    }


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "norvik.txt").write_text(TEXT, encoding="utf-8")
    golds = [
        _gold("its sales fell 8 percent", "According"),
        _gold("The chain closed two shops", None, continues="its sales fell 8 percent"),
        _gold("it would hire 40 people", "said"),
    ]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8")
    not_claims = [{"doc": "norvik", "text": "The delegation toured the plant", "why": "activity verb"}]
    (tmp_path / "not_claims.jsonl").write_text("".join(json.dumps(n) + "\n" for n in not_claims), encoding="utf-8")
    return tmp_path


def _score(gold_dir: Path, records: list[dict[str, Any]]) -> dict[str, float | int]:
    pred = gold_dir / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return evaluate_fields(gold_dir, pred).to_dict()["tune"]


def test_all_right(gold_dir: Path) -> None:
    scores = _score(gold_dir, [
        _record("a", "its sales fell 8 percent", cue="According", source="Norvik"),
        _record("b", "The chain closed two shops", cue=None, source=None, continues="a") | {"source": {"name": "Norvik", "kind": "organization", "mention": None}},
        _record("c", "it would hire 40 people", cue="said", source="Norvik"),
    ])
    assert scores["found"] == 1.0 and scores["precision"] == 1.0
    assert scores["continues"] == 1.0 and scores["fully"] == 1.0
    assert scores["not_claims"] == 1 and scores["not_claims_taken"] == 0
    assert scores["one_kind"] == 1.0


def test_extra_record_activity_verb_and_two_kinds(gold_dir: Path) -> None:
    scores = _score(gold_dir, [
        _record("a", "its sales fell 8 percent", cue="According", source="Norvik"),
        # the continued account given to the author: no pointer back
        _record("b", "The chain closed two shops", cue=None, source="Norvik"),
        _record("c", "it would hire 40 people", cue="said", source="Norvik", kind="person"),
        # an activity verb taken for a cue: an extra record and a not-claim taken
        _record("d", "the plant", cue="toured", source="The delegation"),
    ])
    assert scores["found"] == 1.0
    assert scores["precision"] == 0.75
    assert scores["continues"] == pytest.approx(2 / 3, abs=0.001)
    assert scores["not_claims_taken"] == 1
    assert scores["one_kind"] == 0.0  # Norvik is an organization in one record, a person in another
    assert scores["fully_of_gold"] == pytest.approx(1 / 3, abs=0.001)


def test_continuation_pointing_at_the_wrong_record(gold_dir: Path) -> None:
    scores = _score(gold_dir, [
        _record("a", "its sales fell 8 percent", cue="According", source="Norvik"),
        _record("b", "The chain closed two shops", cue=None, source="Norvik", continues="c"),
        _record("c", "it would hire 40 people", cue="said", source="Norvik"),
    ])
    assert scores["continues"] == pytest.approx(2 / 3, abs=0.001)


def test_predicted_entities_of_two_kinds_count_against_pred_one_kind(gold_dir: Path) -> None:
    """``pred_one_kind``: of the predicted entities with 2+ records (by entity id, or
    by name without one), the share whose records carry one kind."""
    same = {"id": "norvik", "name": "Norvik", "kind": "organization", "mentions": []}
    one = _score(gold_dir, [
        _record("a", "its sales fell 8 percent", cue="According", source="Norvik"),
        _record("c", "it would hire 40 people", cue="said", source="Norvik"),
    ])
    assert one["pred_one_kind"] == 1.0
    two = _score(gold_dir, [
        _record("a", "its sales fell 8 percent", cue="According", source="Norvik"),
        _record("c", "it would hire 40 people", cue="said", source="Norvik", kind="person"),
    ])
    assert two["pred_one_kind"] == 0.0
    by_entity = [
        _record("a", "its sales fell 8 percent", cue="According", source="Norvik"),
        _record("c", "it would hire 40 people", cue="said", source="Norvik", kind="person"),
    ]
    by_entity[0]["source"]["entity"] = same
    by_entity[1]["source"]["entity"] = dict(same, id="norvik-2")  # two entities of one record each
    assert _score(gold_dir, by_entity)["pred_one_kind"] == 0.0  # none with 2+ records: no figure
    assert count_kinds([]) == (0, 0)


def test_the_polnear_report_gives_the_kind_consistency_of_predicted_entities() -> None:
    report = EvalReport(scores={(r, c): Score() for r in ("source", "cue", "content") for c in ("exact", "overlap")},
                        pair=Score(), gold_docs=1, gold_attributions=0, predicted_records=0, entity_kinds=(4, 3))
    assert "predicted entities with 2+ records: 4, all records of one kind: 3 (0.750)" in report.format_table()
    assert report.to_dict()["entity_kinds"] == {"entities": 4, "one_kind": 3, "ratio": 0.75}
