"""Holidays as days of the year, for the time finder (``normalize.time``).

Our own table: the fixed-date holidays of English-language news and the
movable ones reckoned from Easter Sunday (Western, Gregorian: the anonymous
Gregorian algorithm) or from a weekday of a month (US Thanksgiving, Labor Day,
Memorial Day).  ``holiday_day(name, year)`` gives the day in that year.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["HOLIDAY_PATTERN", "holiday_day"]

FIXED: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "the fourth of july": (7, 4), "bastille day": (7, 14),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "guy fawkes night": (11, 5),
}  # fmt: skip
FROM_EASTER: dict[str, int] = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2, "maundy thursday": -3}
# (month, weekday Monday=0, which: 1-4 the nth, -1 the last)
NTH_WEEKDAY: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
}  # fmt: skip



def _written(name: str) -> str:
    """The pattern of a holiday as news writes it: capitalised words ("Boxing
    Day", "the Fourth of July"), "'s" with either apostrophe."""
    words = []
    for word in name.split():
        if word == "the":
            words.append("[Tt]he")
        elif word == "of":
            words.append("of")
        else:
            words.append(re.escape(word[0].upper() + word[1:]).replace("'", "['\u2019]"))
    return r"[^\S\n]+".join(words)


# Longest names first.
HOLIDAY_PATTERN = "|".join(_written(name) for name in sorted([*FIXED, *FROM_EASTER, *NTH_WEEKDAY], key=len, reverse=True))


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, which: int) -> dt.date:
    if which > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (which - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def holiday_day(name: str, year: int) -> dt.date:
    """The day of the holiday ``name`` (any case, white space normalised) in ``year``."""
    key = " ".join(name.lower().replace("\u2019", "'").split())
    if key in FIXED:
        return dt.date(year, *FIXED[key])
    if key in FROM_EASTER:
        return _easter(year) + dt.timedelta(days=FROM_EASTER[key])
    return _nth_weekday(year, *NTH_WEEKDAY[key])
