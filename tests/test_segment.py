"""Sentence and paragraph splitting keeps exact offsets."""

from __future__ import annotations

import pytest

from claimkit.segment import paragraphs, sentences


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen. Mary Holt arrived. She spoke.", ["Sen. Mary Holt arrived.", "She spoke."]),
        ("Officials in the U.S. Treasury agreed.", ["Officials in the U.S. Treasury agreed."]),
        ("He left the U.S. The talks went on.", ["He left the U.S.", "The talks went on."]),
        ("John F. Kennedy spoke at 3 p.m. on Friday.", ["John F. Kennedy spoke at 3 p.m. on Friday."]),
        ('"We will win." Then he left.', ['"We will win."', "Then he left."]),
        ("“It is over,” she said. Nobody answered.", ["“It is over,” she said.", "Nobody answered."]),
        ("Prices rose 2.5 percent in Jan. and fell after.", ["Prices rose 2.5 percent in Jan. and fell after."]),
        ("Headline without a stop\nBody sentence one. Body two.", ["Headline without a stop", "Body sentence one.", "Body two."]),
        # a wire dateline is a segment of its own: no claim's content opens with it
        (
            "Title\n\nKELSO, Mar. 4 (Border Wire) - The ferry was late, the captain said.",
            ["Title", "KELSO, Mar. 4 (Border Wire) -", "The ferry was late, the captain said."],
        ),
        ("PORT ELLEN, Islay (PA) \u2014 Ten boats sank.", ["PORT ELLEN, Islay (PA) \u2014", "Ten boats sank."]),
        ("Ten boats sank. UK - storms went on.", ["Ten boats sank.", "UK - storms went on."]),
        ("EXCLUSIVE - The mayor resigns.", ["EXCLUSIVE - The mayor resigns."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_offsets_index_the_text_and_paragraphs_count() -> None:
    text = "  First para. Still first.\n\n\n Second para!\r\n\r\nThird?  "
    sents = sentences(text)
    assert [text[s.start : s.end] for s in sents] == ["First para.", "Still first.", "Second para!", "Third?"]
    assert [s.paragraph for s in sents] == [0, 0, 1, 2]
    assert [s.index for s in sents] == [0, 1, 2, 3]
    assert len(list(paragraphs(text))) == 3


def test_seed_article_sentences_are_exact(seed_text: str) -> None:
    text = seed_text
    sents = sentences(text)
    assert text[sents[0].start : sents[0].end] == "Saturday, February 7, 2026"
    starts = [text[s.start : s.end] for s in sents]
    assert any(s.startswith("According to information released on Thursday") for s in starts)
    assert any(s == "However, North Korean media have not reported on this matter." for s in starts)
    for s in sents:
        chunk = text[s.start : s.end]
        assert chunk == chunk.strip() and chunk


def test_word_before_search_from_the_run_start_matches_a_search_from_zero() -> None:
    """``_word_run_start`` only narrows where ``_WORD_BEFORE`` is searched: the match is unchanged."""
    import random

    from claimkit.segment import _WORD_BEFORE, _word_run_start

    rnd = random.Random(7)
    pieces = ["a", "Bc", ".", "..", "\n", " ", "U.S.", "e.g", "1", "!", "”"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        for end in range(len(text) + 1):
            full = _WORD_BEFORE.search(text, 0, end)
            fast = _WORD_BEFORE.search(text, _word_run_start(text, end), end)
            assert (full and full.span()) == (fast and fast.span()), (text, end)
