"""A cue phrase set into the clause it reports (``constructions.inserted_cues``):
"The risk, he said, is a clash" and "Y, he added, but Z".

Sentences are written for these tests; each runs through the real parse."""

from __future__ import annotations

from claimkit.extractors.rules.constructions.inserted_cues import inserted
from rules_support.reading import Reading, parsed, read, word


def test_inserted_cue_takes_the_whole_clause() -> None:
    text = "The trial, the clerk said, will resume on Monday."
    assert read(text) == [Reading("verb:inserted", "said", "the clerk", "The trial, the clerk said, will resume on Monday")]


def test_a_left_part_without_the_subject_is_left_out() -> None:
    text = "In the end, the jury said, the verdict was fair."
    s = parsed(text)
    span = inserted(s, word(s, "said"))
    assert span is not None and text[span[0] : span[1]] == "the verdict was fair"
    assert read(text) == [Reading("verb:inserted", "said", "the jury", "the verdict was fair")]


def test_clause_resumed_after_the_cue() -> None:
    text = "The prices will rise, the grocer added, but the shelves will stay full."
    assert read(text) == [Reading("verb:ccomp", "added", "the grocer", "The prices will rise, the grocer added, but the shelves will stay full")]


def test_the_cue_s_own_business_after_it_is_no_resumed_clause() -> None:
    """", adding that ...": a second cue of the same speaker, not the rest of the clause."""
    text = "The prices will rise, the grocer added, adding that the shelves will stay full."
    assert read(text) == [
        Reading("verb:ccomp", "added", "the grocer", "The prices will rise"),
        Reading("verb:ccomp", "adding", "the grocer", "the shelves will stay full"),
    ]
