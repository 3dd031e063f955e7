"""A date written on a line of its own near the top of an article
("Saturday, February 7, 2026", "2026-06-19", "Published: March 3, 2025"), or in a wire dateline that opens the
first paragraph ("HARBOURTON, Tuesday, November 24, 2026 -- The board said ..."), and ISO dates given with an
input."""

from __future__ import annotations

import datetime as dt
import re

from claimkit.errors import InputError
from claimkit.model import Span

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE = (
    r"(?:(?P<mname>[A-Z][a-z]{2,8})\.?\s+(?P<mday>\d{1,2}),?\s+(?P<myear>\d{4})"
    r"|(?P<dday>\d{1,2})\s+(?P<dname>[A-Z][a-z]{2,8})\.?,?\s+(?P<dyear>\d{4})"
    r"|(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2}))"
)
_DATE_LINE = re.compile(
    r"^[ \t]*(?:(?:Published|Updated|Posted|Date)[:\s]+)?"
    + _WEEKDAY
    + _DATE
    + r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*$",
    re.MULTILINE,
)
# A wire dateline: a place in capitals (a region after it in any case), the date, a dash, the story.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.' ]{1,30}){0,2}(?:[ \t]*\([A-Z][\w .&-]{1,30}\))?,[ \t]*"
    + _WEEKDAY
    + r"(?P<date>"
    + _DATE
    + r")[ \t]*(?:\([A-Z][\w .&-]{1,30}\)[ \t]*)?(?:--|\u2014|\u2013|-)[ \t]*\S",
    re.MULTILINE,
)
# Only the first lines of an article can carry its date line.
_DATE_LINE_WINDOW = 400


def parse_iso_date(value: str, origin: str) -> dt.date:
    """Parse YYYY-MM-DD (a longer ISO timestamp is cut to its date)."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{origin}: invalid date {value!r} (expected YYYY-MM-DD)") from None


def find_date_line(text: str) -> tuple[dt.date, Span] | None:
    """Find a date written alone on one of the first lines of the text."""
    window = min(len(text), _DATE_LINE_WINDOW)
    for match in _DATE_LINE.finditer(text, 0, window):
        date = _date_from_match(match)
        if date is not None:
            start, end = match.span()
            line = text[start:end]
            start += len(line) - len(line.lstrip())
            end -= len(line) - len(line.rstrip())
            return date, Span(text=text[start:end], start=start, end=end)
    return _find_dateline(text, window)


def _find_dateline(text: str, window: int) -> tuple[dt.date, Span] | None:
    """The date of a wire dateline opening a paragraph: the span is the date alone."""
    for match in _DATELINE.finditer(text, 0, window):
        date = _date_from_match(match)
        if date is not None:
            start, end = match.span("date")
            return date, Span(text=text[start:end], start=start, end=end)
    return None


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["iyear"]:
            return dt.date(int(g["iyear"]), int(g["imonth"]), int(g["iday"]))
        name, day, year = (
            (g["mname"], g["mday"], g["myear"]) if g["mname"] else (g["dname"], g["dday"], g["dyear"])
        )
        month = _MONTHS.get(name.lower())
        return dt.date(int(year), month, int(day)) if month else None
    except ValueError:
        return None
