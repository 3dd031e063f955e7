"""find_time_expressions: hand-written cases and the seed article."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.model import TimeRef
from claimkit.normalize.time import find_time_expressions

SAT = dt.date(2026, 2, 7)  # the seed article's date, a Saturday


def _find(text: str, anchor: dt.date | None = SAT) -> list[TimeRef]:
    refs = find_time_expressions(text, 0, len(text), anchor)
    _check_invariant(text, refs)
    return refs


def _check_invariant(text: str, refs: list[TimeRef]) -> None:
    """Spans index the text, come in order and do not overlap."""
    previous_end = -1
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
        assert ref.start >= previous_end
        previous_end = ref.end


def _pairs(text: str, anchor: dt.date | None = SAT) -> list[tuple[str, str | None]]:
    return [(r.text, r.value) for r in _find(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # absolute
        ("It opened on January 27, 2026.", [("January 27, 2026", "2026-01-27")]),
        ("It opened Jan. 27 in Shenzhen.", [("Jan. 27", "2026-01-27")]),
        ("It opened 27 January 2026.", [("27 January 2026", "2026-01-27")]),
        ("Sales rose in February 2026.", [("February 2026", "2026-02")]),
        ("Sales rose in 2025.", [("2025", "2025")]),
        ("The data (2026-02-05) came out.", [("2026-02-05", "2026-02-05")]),
        ("The attacks of Sept. 11 changed that.", [("Sept. 11", "2025-09-11")]),
        ("It will open on March 3.", [("March 3", "2026-03-03")]),
        ("The deadline is August 1.", [("August 1", "2026-08-01")]),  # 175 days ahead: this year
        # issue 32: told in the past tense and more than 75 days ahead: last year's
        ("It closed on August 1.", [("August 1", "2025-08-01")]),
        ("It closed on March 1.", [("March 1", "2026-03-01")]),  # 22 days ahead: framed events ahead stay
        ("It closed on September 1.", [("September 1", "2025-09-01")]),  # >183 days ahead: last year
        ("Saturday, February 7, 2026", [("Saturday, February 7, 2026", "2026-02-07")]),
        ("The law dates from the 1990s.", [("the 1990s", "199")]),
        ("Growth slowed in mid-2025.", [("mid-2025", "2025")]),
        ("Profits fell in the third quarter of 2025.", [("the third quarter of 2025", "2025-Q3")]),
        ("The festival is in May.", [("May", "2026-05")]),
        ("It happened in May.", [("May", "2025-05")]),  # issue 32: past tense, three months ahead
        ("It happened in April.", [("April", "2026-04")]),
        ("It happened in late March.", [("late March", "2026-03")]),
        # ranges
        ("They stayed from January 27 to 28.", [("from January 27 to 28", "2026-01-27/2026-01-28")]),
        ("They stayed January 27-28.", [("January 27-28", "2026-01-27/2026-01-28")]),
        ("They met between May 1 and May 3.", [("between May 1 and May 3", "2026-05-01/2026-05-03")]),
        ("He served from 2019 to 2021.", [("from 2019 to 2021", "2019/2021")]),
        ("He served between 2019 and 2021.", [("between 2019 and 2021", "2019/2021")]),
        ("The summit ran 7-9 December 2025.", [("7-9 December 2025", "2025-12-07/2025-12-09")]),
        ("It ran from January to March 2025.", [("from January to March 2025", "2025-01/2025-03")]),
        # "from ... and" is not a range: two dates
        (
            "Taxes rise from April 2025 and October 2025.",
            [("April 2025", "2025-04"), ("October 2025", "2025-10")],
        ),
        # weekdays (anchor: Saturday 2026-02-07)
        ("It was announced on Thursday.", [("Thursday", "2026-02-05")]),
        ("according to a Thursday report", [("Thursday", "2026-02-05")]),
        ("They met last Thursday.", [("last Thursday", "2026-02-05")]),
        ("They met on Saturday.", [("Saturday", "2026-02-07")]),  # same weekday: the anchor day
        ("They met last Saturday.", [("last Saturday", "2026-01-31")]),
        ("They meet this Saturday.", [("this Saturday", "2026-02-07")]),
        ("They meet next Monday.", [("next Monday", "2026-02-09")]),
        ("The board will vote on Monday.", [("Monday", "2026-02-09")]),
        ("He said on Thursday it will vote.", [("Thursday", "2026-02-05")]),
        ("The vote, held Friday evening, passed.", [("Friday evening", "2026-02-06")]),
        # relative
        ("It opens today.", [("today", "2026-02-07")]),
        ("It opened yesterday.", [("yesterday", "2026-02-06")]),
        ("It opens tomorrow.", [("tomorrow", "2026-02-08")]),
        ("It was founded last year.", [("last year", "2025")]),
        ("It grows this year.", [("this year", "2026")]),
        ("It grows next year.", [("next year", "2027")]),
        ("It shrank last month.", [("last month", "2026-01")]),
        ("It shrank last week.", [("last week", "2026-W05")]),
        ("It opened two days ago.", [("two days ago", "2026-02-05")]),
        ("It opened three years ago.", [("three years ago", "2023")]),
        ("It opened earlier this month.", [("earlier this month", "2026-02")]),
        ("It opened last March.", [("last March", "2025-03")]),
        # vague: not time expressions
        ("It recently opened, and is now open.", []),
        ("A few days ago it opened.", []),
        ("Over the next year it will grow.", []),
    ],
)
def test_expressions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You may go now, and they may stay.",
        "May I ask a question?",
        "They March on the capital.",
        "About 2,000 people and 300 soldiers came.",
        "Some 2025 people signed the letter.",
        "The budget was $2019 million.",
        "He lives at number 2019.",
        "He is in his 70s.",
        "Stocks fell on Black Monday.",
        "In the last week of talks, nothing moved.",
        "Jan Smith spoke.",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert _find(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened on Thursday.", [("Thursday", None)]),
        ("It opened last year.", [("last year", None)]),
        ("It opened on January 27.", [("January 27", None)]),
        ("It opened on January 27, 2026.", [("January 27, 2026", "2026-01-27")]),
        ("from January 27 to 28", [("from January 27 to 28", None)]),
        ("from 2019 to 2021", [("from 2019 to 2021", "2019/2021")]),
    ],
)
def test_without_anchor_relative_values_are_null(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _pairs(text, None) == expected


def test_region_limits_and_offsets() -> None:
    text = "On Monday it rose. In 2019 it fell. Since March 3 it is flat."
    start = text.index("In 2019")
    end = text.index("Since")
    refs = find_time_expressions(text, start, end, SAT)
    _check_invariant(text, refs)
    assert [(r.text, r.start) for r in refs] == [("2019", text.index("2019"))]


def test_no_expression_starts_inside_a_word() -> None:
    text = "Divers breathe 5 March 2025 air; in the '90s the 5 March 1994 meeting ran late."
    assert _pairs(text) == [("5 March 2025", "2025-03-05"), ("the '90s", "199"), ("the 5 March 1994", "1994-03-05")]


def test_invalid_dates_are_skipped() -> None:
    assert _find("It closed on February 30, 2025.") == []


# --------------------------------------------------------------------------- #
# The seed article (read at test time, never copied into the repository)


@pytest.mark.parametrize(
    ("phrase", "expression", "value"),
    [
        ("Saturday, February 7, 2026", "Saturday, February 7, 2026", "2026-02-07"),
        ("according to a Thursday report", "Thursday", "2026-02-05"),
        ("released on Thursday by Chinese AI company", "Thursday", "2026-02-05"),
        ("two days, from January 27 to 28, at", "from January 27 to 28", "2026-01-27/2026-01-28"),
        ("to Russia last year and", "last year", "2025"),
    ],
)
def test_seed_article(seed_text: str, phrase: str, expression: str, value: str) -> None:
    start = seed_text.index(phrase)
    refs = find_time_expressions(seed_text, start, start + len(phrase), SAT)
    _check_invariant(seed_text, refs)
    assert [(r.text, r.value) for r in refs] == [(expression, value)]


def test_seed_article_whole_text(seed_text: str) -> None:
    refs = find_time_expressions(seed_text, 0, len(seed_text), SAT)
    _check_invariant(seed_text, refs)
    assert {r.value for r in refs} == {"2026-02-07", "2026-02-05", "2026-01-27/2026-01-28", "2025"}


def test_would_in_reported_speech_points_forward() -> None:
    """"would end on Friday" in reported speech is the coming Friday."""
    text = "The union said the strike would end on Friday."
    (found,) = find_time_expressions(text, 0, len(text), dt.date(2026, 3, 10))
    assert found.text == "Friday" and found.value == "2026-03-13"


@pytest.mark.parametrize(
    ("attribution", "reported"),
    [
        ("The harbour master said on Thursday that the ferry was late again last week.", "2026-02-05"),
        # no date on the saying: a date inside the earlier claim is not when it was said
        ("The harbour master said the ferry was late again last week.", None),
    ],
)
def test_a_quotation_that_goes_on_after_the_attribution_shares_its_reported_time(attribution: str, reported: str | None) -> None:
    from claimkit import extract_claims

    text = f"{attribution} “We have no crews left, and the winter timetable starts in a week, so the boats stay in port.”"
    claims = extract_claims(text, published=SAT)
    (claim,) = [c for c in claims if c.content.text.startswith("“We have")]
    # the quotation carries on the harbour master's account (``continues``): it was said when the anchor was
    anchor = next(c for c in claims if c.id == claim.continues)
    assert anchor.cue is not None and anchor.cue.mention.text == "said"
    assert claim.source is not None and claim.source.name == anchor.source.name  # type: ignore[union-attr]
    assert (claim.reported_at.value if claim.reported_at else None) == reported


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board said it would refund every affected customer by the end of January.", "2027-01"),
        ("The club will pay the injured players in March.", "2027-03"),
        ("The council approved the delayed budget in October.", "2026-10"),
    ],
)
def test_an_adjective_in_ed_after_a_determiner_is_no_past_tense(sentence: str, expected: str) -> None:
    """"every affected customer", "the injured players": adjectives, not past tenses; the future before them
    decides (article of Tuesday, November 24, 2026)."""
    found = find_time_expressions(sentence, 0, len(sentence), dt.date(2026, 11, 24))
    assert [t.value for t in found] == [expected]
