"""Every field of a claim, scored on the hand-made gold set of issue 22.

``tests/data/gold22``: seventeen articles written for the project, 122
attributed claims with every field filled by hand before any rule was tuned on
them (README there).  Twelve articles were looked at while tuning (``tune``),
five never were (``heldout``, written at stop 20 by a session that never saw
the extractor's output on them).  The offline extractor runs on all twelve; the
scorer (``claimkit.evaluate_fields``, also ``claimkit eval --gold
tests/data/gold22``) reports per field.  The targets of the issue are asserted
on the whole set and on the tuning split; the held-out split has floors a
little below what it measured with the stop-20 rules (found .956, source .977,
kind .907, level .977, statement .868, fully .791), since it is there to show
how far the tuning carries.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit import pipeline
from claimkit.evaluate.fields import evaluate_fields
from claimkit.extractors.rules import RuleExtractor
from claimkit.read import files as ingest

GOLD = Path(__file__).parent / "data" / "gold22"
TARGETS = {"found": 0.95, "source": 0.90, "kind": 0.90, "level": 0.85, "statement": 0.70, "fully": 0.70}
# Issue 32 changed the statement convention: a definite description of a named
# entity becomes its name ("The bank would write" -> "Veltra Bank would write";
# tests/data/gold32/README.md, "Statements").  Gold22 was written before and keeps
# the descriptions, so its statement and fully figures fell on exactly those
# claims when the change came (held out: statement .868 -> .763, fully .791 ->
# .721; every changed statement on the whole set was such a replacement, and
# right under the new convention).  The floors below are a little under that.
HELDOUT_FLOORS = {"found": 0.93, "source": 0.93, "kind": 0.88, "level": 0.93, "statement": 0.74, "fully": 0.70}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float | int]]:
    extractor = RuleExtractor()
    out = tmp_path_factory.mktemp("gold22") / "claims.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(GOLD.glob("*.txt")):
            article = ingest.make_article(path.read_text(encoding="utf-8"), path.stem, str(path))
            for record in pipeline.run(article, extractor).records:
                handle.write(json.dumps(record) + "\n")
    report = evaluate_fields(GOLD, out)
    print("\n" + report.format_table())
    return report.to_dict()


def test_gold_set_is_complete() -> None:
    golds = [json.loads(line) for line in (GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({g["doc"] for g in golds}) >= 12 and len(golds) >= 60
    assert len({g["doc"] for g in golds if g["split"] == "heldout"}) == 5
    for g in golds:
        text = (GOLD / f"{g['doc']}.txt").read_text(encoding="utf-8")
        assert text.count(g["content"]) == 1, g["content"]
        assert g["cue"] in text and g["kind"] and g["level"] and g["polarity"]
        assert (g["statement"] is None) == (g["mode"] == "direct")


@pytest.mark.parametrize("split", ["all", "tune"])
def test_targets(scores: dict[str, dict[str, float | int]], split: str) -> None:
    for name, target in TARGETS.items():
        assert scores[split][name] >= target, (split, name, scores[split][name])


def test_heldout_floors(scores: dict[str, dict[str, float | int]]) -> None:
    for name, floor in HELDOUT_FLOORS.items():
        assert scores["heldout"][name] >= floor, (name, scores["heldout"][name])
