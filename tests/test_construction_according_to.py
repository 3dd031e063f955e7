""""According to X, Y" (``constructions.according_to``).

Sentences are written for these tests; each runs through the real parse and
the construction dispatch (``rules_support``)."""

from __future__ import annotations

import pytest

from rules_support.reading import Reading, read


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("According to the weather service, the storm will weaken overnight.", "According to", "the storm will weaken overnight"),
        ("The storm will weaken overnight, according to the weather service.", "according to", "The storm will weaken overnight"),
    ],
)
def test_according_to_before_or_after_the_clause(text: str, cue: str, content: str) -> None:
    assert read(text) == [Reading("according", cue, "the weather service", content)]


def test_the_agent_inside_the_phrase_is_the_source() -> None:
    text = "According to figures released by the weather office, the winter was the warmest on record."
    assert read(text) == [Reading("according", "According to", "the weather office", "the winter was the warmest on record")]


def test_a_name_in_apposition_stays_out_of_the_content() -> None:
    text = "According to the club's doctor, Maria Lind, the striker will be fit by Saturday."
    assert read(text) == [Reading("according", "According to", "the club's doctor, Maria Lind", "the striker will be fit by Saturday")]

