"""The blind gold set gold32b (tests/data/gold32b) is whole: ten articles of 300 to 600 words,
every claim's content verbatim and unique in its article, every entity, continued account and
mention it names exists, every clause that must not become an attribution is verbatim and unique,
and every claim is held out."""

from __future__ import annotations

import json
import re
from pathlib import Path

GOLD = Path(__file__).parent / "data" / "gold32b"
DATE_LINE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}"
)
FIELDS = {
    "doc", "content", "mode", "source", "kind", "cue", "reported_at", "times", "level",
    "polarity", "statement", "split", "entity", "continues",
}
WHY = {"activity verb", "not a source", "event report by the author", "other"}


def _rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold32b_articles() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in GOLD.glob("*.txt")}
    assert len(texts) == 10
    for doc, text in texts.items():
        assert 300 <= len(text.split()) <= 600, doc
        lines = text.split("\n")
        assert DATE_LINE.fullmatch(lines[0]) and lines[1] == "" and lines[2].strip(), doc


def test_gold32b_is_consistent() -> None:
    golds, entities, not_claims = _rows("gold.jsonl"), _rows("entities.jsonl"), _rows("not_claims.jsonl")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in GOLD.glob("*.txt")}
    by_id = {(e["doc"], e["id"]): e for e in entities}
    assert len(by_id) == len(entities)
    claims = {(g["doc"], g["content"]): g for g in golds}
    assert len(claims) == len(golds)
    for g in golds:
        assert set(g) == FIELDS, g
        assert texts[g["doc"]].count(g["content"]) == 1, g["content"]
        assert g["split"] == "heldout", g
        assert g["mode"] in {"direct", "indirect", "mixed"}, g
        assert g["level"] in {"certain", "probable", "possible"}, g
        assert g["polarity"] in {"positive", "negative"}, g
        assert (g["statement"] is None) == (g["mode"] == "direct"), g
        if g["entity"] == "unnamed":
            assert g["kind"] == "unnamed" and g["source"] == ["unnamed source"], g
        else:
            entity = by_id[(g["doc"], g["entity"])]
            assert g["kind"] == entity["kind"] and g["source"][0] == entity["name"], g
        if g["continues"] is not None:
            anchor = claims[(g["doc"], g["continues"])]
            assert g["cue"] is None and anchor["cue"] is not None and anchor["continues"] is None, g
            assert g["entity"] == anchor["entity"] and g["reported_at"] == anchor["reported_at"], g
        else:
            assert g["cue"], g
        assert g["reported_at"] is None or g["reported_at"] in g["times"], g
    for e in entities:
        assert e["doc"] in texts and all(m in texts[e["doc"]] for m in e["mentions"]), e
        assert any(g["doc"] == e["doc"] and g["entity"] == e["id"] for g in golds), e
    for n in not_claims:
        assert texts[n["doc"]].count(n["text"]) == 1, n
        assert n["why"] in WHY and (n["why"] != "other" or n.get("note")), n
    assert {g["doc"] for g in golds} == set(texts) == {n["doc"] for n in not_claims}
