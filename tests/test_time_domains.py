"""Held-out time checks on domains other than business news (issue 22).

The sentences were written for this test, with the expected values filled in by
hand before the finder was run on them, and were never used to tune it: sport,
weather, courts and science.  Each case gives the article date, a sentence, the
expression and its ISO value (None: found, but ambiguous by design).  The test
asserts a floor on the share found with the right value, a little below what
was measured when the cases were first run (printed by the test), so that a
regression shows while the misses stay visible in the printout.
"""

from __future__ import annotations

import datetime as dt

from claimkit.normalize.time import find_time_expressions

CASES: list[tuple[str, str, str, str | None]] = [
    # sport
    ("2026-03-16", "United beat Rovers 2-1 on Saturday to go top of the table.", "Saturday", "2026-03-14"),
    ("2026-03-16", "The two sides meet again on Saturday in the cup.", "Saturday", "2026-03-21"),
    ("2026-03-16", "Okafor, who joined the club in '09, will retire at the end of the season.", "'09", "2009"),
    ("2026-03-16", "The final is scheduled for May 30 at the national stadium.", "May 30", "2026-05-30"),
    ("2026-03-16", "She won her first title two years ago in Doha.", "two years ago", "2024"),
    ("2026-03-16", "The league said the transfer window will open next month.", "next month", "2026-04"),
    # weather
    ("2026-07-07", "Forecasters expect the heat to break by Friday.", "Friday", "2026-07-10"),
    ("2026-07-07", "The storm flooded 300 homes on Sunday night.", "Sunday night", "2026-07-05"),
    ("2026-07-07", "Rainfall last month was double the average for June.", "last month", "2026-06"),
    ("2026-07-07", "It was the wettest spring since records began in 1884.", "1884", "1884"),
    ("2026-07-07", "The reservoir was last this low in the summer of 2018.", "the summer of 2018", "2018-SU"),
    ("2026-07-07", "Frost is likely again next winter, the service warned.", "next winter", "2026-WI"),
    # courts
    ("2026-01-22", "The trial is due to resume on Monday.", "Monday", "2026-01-26"),
    ("2026-01-22", "Pryce was arrested on 14/3/2024 at his home.", "14/3/2024", "2024-03-14"),
    ("2026-01-22", "The appeal will be heard in the spring.", "the spring", "2026-SP"),
    ("2026-01-22", "The judge said the offences began a year earlier, in 2019.", "2019", "2019"),
    ("2026-01-22", "The contract was signed on 6/7/2021.", "6/7/2021", None),
    ("2026-01-22", "He was sentenced on Wednesday to four years.", "Wednesday", "2026-01-21"),
    # science
    ("2026-09-30", "The probe will reach the comet in the third quarter of 2028.", "the third quarter of 2028", "2028-Q3"),
    ("2026-09-30", "The samples were collected last autumn.", "last autumn", "2025-FA"),
    ("2026-09-30", "Results are expected early next year.", "early next year", "2027"),
    ("2026-09-30", "The team first described the gene in the 1990s.", "the 1990s", "199"),
    ("2026-09-30", "The telescope was launched in December 2021 and began work the following year.", "December 2021", "2021-12"),
    ("2026-09-30", "The vaccine could be approved by the end of the year.", "the end of the year", "2026"),
]


def _score() -> tuple[int, list[str]]:
    right, misses = 0, []
    for day, sentence, expression, value in CASES:
        anchor = dt.date.fromisoformat(day)
        found = find_time_expressions(sentence, 0, len(sentence), anchor)
        hit = next((t for t in found if expression in t.text or t.text in expression), None)
        if hit is not None and hit.value == value:
            right += 1
        else:
            misses.append(f"{sentence!r}: want {expression!r}={value}, got {[(t.text, t.value) for t in found]}")
    return right, misses


def test_time_on_other_domains() -> None:
    right, misses = _score()
    print(f"\nheld-out domains: {right}/{len(CASES)} right")
    print("\n".join(misses))
    assert right / len(CASES) >= 0.80  # measured 21/24 = .875 on first run (2026-12-04)
