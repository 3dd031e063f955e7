"""Quote alignment: exact, then normalised, then bounded fuzzy; never made-up offsets."""

from __future__ import annotations

import pytest

from claimkit.ground import align, normalise_with_map

TEXT = (
    "The mayor said the bridge will open in May.\n\n"
    "\u201cWe are  on schedule,\u201d said Ana L\u00f3pez, the city\u2019s engineer.  "
    "Critics said the bridge will cost more.\n"
    "The mayor said the bridge will open in May."
)


def check(found: tuple[object, str] | None, kind: str) -> None:
    assert found is not None
    span, how = found
    assert how == kind
    assert TEXT[span.start : span.end] == span.text


def test_exact_prefers_the_window() -> None:
    quote = "The mayor said the bridge will open in May."
    first = align(quote, TEXT, 0, 60)
    last = align(quote, TEXT, 140, len(TEXT))
    check(first, "exact")
    check(last, "exact")
    assert first is not None and last is not None
    assert first[0].start == 0 and last[0].start > 140


def test_exact_outside_the_window_is_still_found() -> None:
    found = align("Critics said", TEXT, 0, 20)
    check(found, "exact")


def test_near_picks_the_closest_occurrence() -> None:
    found = align("said", TEXT, 0, len(TEXT), near=120)
    check(found, "exact")
    assert found is not None
    occurrences = [i for i in range(len(TEXT)) if TEXT.startswith("said", i)]
    assert found[0].start == min(occurrences, key=lambda i: abs(i - 120))


def test_normalised_quote_marks_white_space_and_case() -> None:
    found = align('"we are on schedule," said ana l\u00f3pez, the city\'s engineer.', TEXT, 0, len(TEXT))
    check(found, "normalised")
    assert found is not None
    assert found[0].text.startswith("\u201cWe are  on")
    assert found[0].text.endswith("engineer.")


def test_normalise_map_points_back_to_the_original() -> None:
    text = "a \u201cB\u201d\n\n c\u2026"
    norm, offsets = normalise_with_map(text)
    assert norm == 'a "b" c...'
    assert len(offsets) == len(norm)
    assert [text[i] for i in offsets][:5] == ["a", " ", "\u201c", "B", "\u201d"]


def test_fuzzy_inside_the_chunk() -> None:
    found = align("Critics said the brigde will cost more", TEXT, 40, 150)
    check(found, "fuzzy")
    assert found is not None
    assert found[0].text == "Critics said the bridge will cost more"


def test_fuzzy_is_bounded_to_the_window() -> None:
    assert align("Critics said the brigde will cost more", TEXT, 0, 40) is None


@pytest.mark.parametrize(
    "quote",
    [
        "The governor said the tunnel will close in June.",
        "Critics said the bridge will cost much much less than anyone expected",
        "sad",
        "",
        "   ",
    ],
)
def test_not_in_the_text_gives_none(quote: str) -> None:
    assert align(quote, TEXT, 0, len(TEXT)) is None


def test_short_quotes_are_never_fuzzy() -> None:
    assert align("sayd the", TEXT, 0, len(TEXT)) is None


def test_fuzzy_can_be_switched_off() -> None:
    assert align("Critics said the brigde will cost more", TEXT, 40, 150, fuzzy=False) is None


def test_every_match_satisfies_the_span_invariant() -> None:
    quotes = ["mayor", "We are on schedule", "city's engineer", "will open in May", "critics SAID"]
    for quote in quotes:
        found = align(quote, TEXT, 0, len(TEXT))
        assert found is not None, quote
        assert TEXT[found[0].start : found[0].end] == found[0].text
