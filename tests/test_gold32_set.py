"""The gold set of issue 32 (tests/data/gold32) is whole: every claim's content
is verbatim and unique in its article, every entity and continued account it
names exists, every clause that must not become an attribution is verbatim."""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).parent / "data" / "gold32"


def _rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold32_is_consistent() -> None:
    golds, entities, not_claims = _rows("gold.jsonl"), _rows("entities.jsonl"), _rows("not_claims.jsonl")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in GOLD.glob("*.txt")}
    assert len(texts) >= 12 and all(300 <= len(t.split()) <= 600 for t in texts.values())
    ids = {(e["doc"], e["id"]) for e in entities}
    contents = {(g["doc"], g["content"]) for g in golds}
    for g in golds:
        assert texts[g["doc"]].count(g["content"]) == 1, g["content"]
        assert (g["doc"], g["entity"]) in ids or g["entity"] == "unnamed", g
        assert g["continues"] is None or (g["doc"], g["continues"]) in contents, g
        assert (g["cue"] is None) == (g["continues"] is not None) or g["cue"] is not None
    for e in entities:
        assert all(m in texts[e["doc"]] for m in e["mentions"]), e
    for n in not_claims:
        assert n["text"] in texts[n["doc"]], n
    assert {g["split"] for g in golds} == {"tune", "heldout"}
    assert len({g["doc"] for g in golds if g["split"] == "heldout"}) >= 5
