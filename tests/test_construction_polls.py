"""Polls and views named by the phrase that opens a sentence
(``constructions.polls``): "In a poll ..., Y" and "To X, Y".

Sentences are written for these tests; each runs through the real parse and
the construction dispatch (``rules_support``)."""

from __future__ import annotations

import pytest

from rules_support.reading import Reading, read


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("In a new poll released on Monday, most voters backed the stadium plan.", "a new poll released on Monday", "most voters backed the stadium plan"),
        # "an average of polls": the polls decide
        ("In an average of recent polls, the mayor leads by six points.", "an average of recent polls", "the mayor leads by six points"),
    ],
)
def test_opening_poll_is_the_source(text: str, source: str, content: str) -> None:
    assert read(text) == [Reading("poll", "In", source, content)]


def test_what_respondents_said_is_what_the_poll_found() -> None:
    """One attribution: the respondents' "said" inside the poll's content gives no record of its own."""
    text = "In a survey of 800 anglers published by the trust, most said the river was cleaner."
    assert read(text) == [Reading("poll", "In", "a survey of 800 anglers published by the trust", "most said the river was cleaner")]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("To the residents, the new bridge is an eyesore.", "the residents", "the new bridge is an eyesore"),
        ("To many scientists, the result was a surprise.", "many scientists", "the result was a surprise"),
    ],
)
def test_opening_to_phrase_names_whose_view_it_is(text: str, source: str, content: str) -> None:
    assert read(text) == [Reading("view", "To", source, content)]


@pytest.mark.parametrize(
    "text",
    [
        "In the morning, the ferry left the harbour.",  # not a poll
        "Cruz came second in January polls.",  # not at the start of the sentence
        "For the residents, the new bridge is an eyesore.",  # "For X" is left alone
        "To be sure, the river is high.",  # no one's view
    ],
)
def test_other_opening_phrases_are_no_cue(text: str) -> None:
    assert read(text) == []
