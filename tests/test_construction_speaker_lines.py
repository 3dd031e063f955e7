"""Speaker lines at the head of a paragraph (``constructions.speaker_lines``):
"Name: words" makes the name the source, the colon the cue and the rest of the
paragraph the content.

Texts are written for these tests; each runs through the real parse and the
construction dispatch (``rules_support``)."""

from __future__ import annotations

import pytest

from rules_support.reading import Reading, read


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("COACH: We played well in the second half and deserved the win.", "COACH", "We played well in the second half and deserved the win"),
        # the rest of the paragraph, over sentence ends
        ("Mayor Reed: The bridge will reopen in May. The ferry will stop.", "Mayor Reed", "The bridge will reopen in May. The ferry will stop"),
        # the next speaker's words are not this one's
        ("Reed: “The bridge is safe.” Okafor: “It is not.”", "Reed", "“The bridge is safe.”"),
    ],
)
def test_speaker_line(text: str, source: str, content: str) -> None:
    assert read(text) == [Reading("speaker", ":", source, content)]


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The road has reopened after the crash.",  # a label
        "Squad: Lind, Okafor, Reed, Silva, Moreau, Tanaka, Berg.",  # a list
        "Final score: 3-1.",  # too short
    ],
)
def test_labels_lists_and_scores_are_no_speakers(text: str) -> None:
    assert read(text) == []


def test_only_at_the_head_of_a_paragraph() -> None:
    text = "The ranger left a note on the gate. Kane: the bears are awake again."
    assert [r.rule for r in read(text)] == []
