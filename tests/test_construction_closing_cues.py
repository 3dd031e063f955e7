"""A reporting clause that closes the sentence (``constructions.closing_cues``):
"Y, said X." read from the comma, and "Y, the board announced." misparsed as
a noun with a reduced relative clause.

Sentences are written for these tests; each runs through the real parse."""

from __future__ import annotations

import pytest

from claimkit.extractors.rules.constructions.closing_cues import final_report, preceding_clause
from rules_support.reading import Reading, parsed, read, word


def test_final_report_after_a_long_apposition() -> None:
    text = (
        "The tender to rebuild the old pier over the next five years has gone to Northgate Marine, "
        "a builder that has never worked on a harbour, the county council announced on Tuesday."
    )
    assert read(text) == [
        Reading(
            "final-report",
            "announced",
            "the county council",
            "The tender to rebuild the old pier over the next five years has gone to Northgate Marine, a builder that has never worked on a harbour",
        )
    ]


def test_final_report_needs_the_misparse() -> None:
    """Parsed as a clause with its own subject, the closing cue is the reporting verb's."""
    s = parsed("The bakery will close in March, the owners announced on Friday.")
    assert final_report(s, word(s, "announced"), "announce") is None
    assert read(s.text) == [Reading("verb:ccomp", "announced", "the owners", "The bakery will close in March")]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("Its profits, once the envy of the sector, have fallen, an analyst told reporters.", "told", "an analyst", "Its profits, once the envy of the sector, have fallen"),
        ("The old mill, empty for years, will become a museum, said the town's planning officer, Tom Reed.", "said", "the town's planning officer, Tom Reed", "The old mill, empty for years, will become a museum"),
    ],
)
def test_clause_before_the_comma_of_a_closing_cue(text: str, cue: str, source: str, content: str) -> None:
    s = parsed(text)
    got = preceding_clause(s, word(s, cue))
    assert got is not None
    (start, end), src = got
    assert (text[start:end], s.text[s.np_span(src)[0] : s.np_span(src)[1]]) == (content, source)
    assert read(text) == [Reading("verb:final", cue, source, content)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("If the ferry runs late, the captain will say so.", "say"),  # the opening clause is the cue's own condition
        ("The coach said that the team would play without its captain on Saturday.", "said"),  # no comma before the cue
    ],
)
def test_no_closing_clause(text: str, cue: str) -> None:
    s = parsed(text)
    assert preceding_clause(s, word(s, cue)) is None
