"""find_time_expressions on sentences of our own, by category of date expression (issue 32).

``tests/data/dates_domains.jsonl`` holds sentences from domains other than
business news, written for this test with the expected expression and ISO value
filled in by hand before the finder was changed: weekday names, "last week" and
the like, months and their parts, years and their halves, quarters and fiscal
years, seasons, holidays, written dates, title-case headlines, "ago" and
"the next day", decades and early years, and words that are not dates
(``"found": false``).  A third (``split`` "held") was kept apart while the
finder was changed and scored once at the end.  The floors sit a little below
what was measured then; the misses are printed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimkit.normalize.time import find_time_expressions

CASES = Path(__file__).parent / "data" / "dates_domains.jsonl"
# measured at the end of issue 32 (see docs/certainty-and-time.md); floors a little below
FLOORS = {"tune": {"found": 0.95, "right": 0.95}, "held": {"found": 0.9, "right": 0.9}}


def _cases() -> list[dict[str, object]]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def judge(case: dict[str, object]) -> tuple[bool, bool, list[tuple[str, str | None]]]:
    """(found, right, what the finder returned) for one case.  A date is found
    when an expression with a value overlaps it (a case whose value is null:
    any expression), right when that value is the expected one; a case that is
    not a date is found and right when nothing overlaps it."""
    text, expression = str(case["text"]), str(case["expression"])
    start = text.index(expression)
    end = start + len(expression)
    anchor = dt.date.fromisoformat(str(case["anchor"]))
    times = find_time_expressions(text, 0, len(text), anchor)
    hits = [t for t in times if t.start < end and start < t.end]
    got = [(t.text, t.value) for t in times]
    if case.get("found") is False:
        return not hits, not hits, got
    want = case["value"]
    found = any(t.value for t in hits) if want is not None else bool(hits)
    return found, any(t.value == want for t in hits), got


def score(split: str) -> dict[str, object]:
    cases = [c for c in _cases() if c["split"] == split]
    found = right = 0
    misses = []
    for case in cases:
        was_found, was_right, got = judge(case)
        found += was_found
        right += was_right
        if not was_right:
            misses.append(f"[{case['category']}] {case['text']} want {case['expression']!r}={case.get('value', 'no date')} got {got} ({case['anchor']})")
    n = len(cases)
    return {"n": n, "found": found / n, "right": right / n, "misses": misses}


def test_cases_are_well_formed() -> None:
    cases = _cases()
    assert len(cases) >= 100
    assert {c["split"] for c in cases} == {"tune", "held"}
    assert len({c["category"] for c in cases}) >= 10
    for case in cases:
        assert str(case["text"]).count(str(case["expression"])) == 1
        dt.date.fromisoformat(str(case["anchor"]))
        assert ("value" in case) != (case.get("found") is False)


@pytest.mark.parametrize("split", ["tune", "held"])
def test_domains(split: str) -> None:
    result = score(split)
    print(f"\n{split}: n={result['n']} found {result['found']:.3f} right {result['right']:.3f}")
    print("\n".join(result["misses"]))  # type: ignore[arg-type]
    assert result["found"] >= FLOORS[split]["found"]
    assert result["right"] >= FLOORS[split]["right"]
