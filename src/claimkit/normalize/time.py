"""Find time expressions in article text and resolve them against the article date.

``find_time_expressions(text, start, end, anchor)`` returns every time expression
in ``text[start:end]`` as a :class:`~claimkit.model.TimeRef` whose ``text``,
``start`` and ``end`` index ``text`` directly, in order and non-overlapping.

How it works: each kind of expression is one *rule*, a regular expression plus a
handler that turns the match into an ISO 8601 value.  All rules are joined into
one master pattern (compiled once, at import) so a sentence is scanned once; the
rules are ordered longest form first (a range before a date, a full date before a
month-and-year, a month-and-year before a bare month), so at each position the
longest reading wins.  Only a match is re-parsed by its own rule to read groups.

Values (TIMEX3-like ISO 8601): ``2026-02-05`` (day), ``2026-02`` (month),
``2026`` (year), ``199`` (decade, "the 1990s"), ``2026-W05`` (ISO week),
``2026-W05-WE`` (weekend), ``2026-Q1`` (quarter), ``A/B`` (interval).

Decisions:

* Prepositions are not part of an expression ("on March 3" -> "March 3") except
  "from"/"between" in a range, which carry its structure.
* Month and day without a year take the anchor's year; when that lands more than
  183 days (a month alone: more than 6 months) after the anchor, the previous year.
* A weekday alone ("Thursday", "on Thursday", "a Thursday report") or after
  "last" is the most recent such day strictly before the anchor (news looks
  back): anchored on Saturday 2026-02-07, "Thursday" is 2026-02-05.  One
  exception, from data: a bare weekday equal to the anchor's weekday is the
  anchor day itself ("Apple announced on Monday" in an article dated that
  Monday; all 7 such cases in MEANTIME's gold agree), while "last Saturday" is
  2026-01-31.  A bare weekday whose nearest tense marker is a future one ("will
  meet on Monday", "On Monday, the board will vote") and "next Monday" are the
  first such day strictly after the anchor.  "this Saturday" is the day in the
  anchor's Monday-Sunday week; "today" is the anchor.
* Vague expressions ("recently", "now", "a few days ago", "in the past year")
  are not time expressions here: they are not returned at all.  "the next day"
  and "a day earlier" are the day after or before the last day named before
  them in the sentence; "the previous day" without one is the day before the
  anchor, "the next day" without one has no value.
* Issue 32 (docs/certainty-and-time.md): holidays (``holidays``), "the first /
  last week of March" (the ISO weeks with four days or more in the month),
  halves (``2026-H1``), fiscal years (``FY2026``), "the current year", "the end
  of the month", years before 1900 (a bare one after "in", "since" ...),
  headlines in title case ("Last Year"), and a month and day in a future
  context or after a deferral ("adjourned until March 3") is the next such day.
* Without an anchor, relative expressions and dates without a year are returned
  with ``value=None``.  The clock is never read.
* A bare year (1900-2099) needs context: not after a currency sign, a quantifier
  ("about 2000") or "No."; not before a count noun or unit ("2025 people").
  A bare month needs a preposition or modifier before it ("in May", "early
  March"), so the modal "May I" and the verb "March on" are not dates.  Month
  and weekday names must be capitalised.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from claimkit.model import TimeRef
from claimkit.normalize.holidays import HOLIDAY_PATTERN, holiday_day

__all__ = ["find_time_expressions"]

# --------------------------------------------------------------------------- #
# Word tables

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip
# Words before a bare month that make it a date ("in May", "since March").
MONTH_CONTEXT = frozenset((
    "in", "on", "since", "until", "till", "by", "during", "before", "after", "through", "throughout",
    "of", "from", "to", "between", "early", "late", "mid", "end", "beginning", "start", "last", "next",
    "this", "and", "or", "its", "their", "his", "her", "our"
))  # fmt: skip
# Words before a bare 4-digit number that make it a quantity, not a year.
YEAR_BLOCKERS_BEFORE = frozenset((
    "about", "around", "approximately", "nearly", "almost", "over", "some", "than", "roughly", "least",
    "up", "only", "just", "no", "number", "page", "pages", "room", "flight", "route", "article",
    "section", "chapter", "model", "version", "channel", "highway", "resolution", "code", "rule", "pin"
))  # fmt: skip
# Words after a bare 4-digit number that make it a quantity, not a year.
YEAR_BLOCKERS_AFTER = frozenset((
    "people", "persons", "men", "women", "children", "kids", "troops", "soldiers", "workers", "jobs",
    "members", "residents", "voters", "votes", "students", "cases", "deaths", "victims", "copies",
    "units", "cars", "homes", "houses", "km", "kilometres", "kilometers", "miles", "metres", "meters",
    "feet", "tons", "tonnes", "dollars", "euros", "pounds", "yen", "yuan", "won", "rupees", "barrels",
    "acres", "hectares", "employees", "staff", "police", "officers", "protesters", "refugees",
    "migrants", "delegates", "seats", "points", "pages", "words", "hours", "minutes", "seconds", "days",
    "weeks", "months", "years", "times", "percent", "per"
))  # fmt: skip
# Named days that are not dates ("Black Monday", "Super Tuesday").
NAMED_DAY_PREFIXES = frozenset(["black", "super", "bloody", "good", "easter", "palm", "ash", "cyber", "holy"])
RELATIVE_UNITS = ("year", "month", "week", "weekend", "quarter")
# the same, either case of the first letter (headlines in title case: "Last Year")
_UNIT = "|".join(f"[{u[0]}{u[0].upper()}]{u[1:]}" for u in RELATIVE_UNITS)
_TENSE_WINDOW = (50, 40)  # characters looked at before / after a bare weekday

# --------------------------------------------------------------------------- #
# Pattern fragments

_SP = r"[^\S\n]+"  # white space, not crossing a line
_OSP = r"[^\S\n]*"
_DASH = r"[-\u2013\u2014]"
_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD_PREFIX = rf"(?:(?:{_WEEKDAY}),?{_SP}(?:the{_SP})?)?"
_TIME_OF_DAY = rf"(?:{_SP}(?:morning|afternoon|evening|night)\b)?"
_MOD = rf"(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id|[Tt]he{_SP}end{_SP}of|[Tt]he{_SP}beginning{_SP}of)(?:-|{_SP}))?"
# A range opens with "from" (closed by to/until/through) or "between" (closed by
# "and"); either may use a dash.  ``(?(fr)...)`` tests which opener matched.
_RANGE_OPEN = rf"\b(?:(?P<fr>[Ff]rom)|[Bb]etween){_SP}"
_RANGE_WORD = rf"(?:{_OSP}{_DASH}{_OSP}|{_SP}(?(fr)(?:to|until|till|through|thru)|and){_SP})"
_NUMBER = "|".join(w if len(w) < 2 else f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in NUMBER_WORDS)


def _month(name: str) -> str:
    return rf"(?P<{name}>(?:{_MONTH_FULL})\b|{_MONTH_ABBR})"


def _month_full(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_FULL})\b"


def _day(name: str) -> str:
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,:]\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:1[5-9]|20)\d\d)\b(?![.,:]?\d)"


def _opt_year(name: str) -> str:
    return rf"(?:,?{_SP}{_year(name)})?"


# --------------------------------------------------------------------------- #
# Value helpers


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _iso_week(day: dt.date, suffix: str = "") -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}{suffix}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, anchor: dt.date) -> int:
    """The year of a month-and-day without one: the anchor's, or the previous
    one when that would be more than ~6 months after the anchor."""
    guess = _safe_date(anchor.year, month, day) or dt.date(anchor.year, month, 28)
    return anchor.year - 1 if (guess - anchor).days > 183 else anchor.year


def _year_for_month(month: int, anchor: dt.date) -> int:
    return anchor.year - 1 if month - anchor.month > 6 else anchor.year


def _resolve_day(year: str | None, month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    if year is not None:
        return _safe_date(int(year), month, day)
    if anchor is None:
        return None
    return _safe_date(_year_for(month, day, anchor), month, day)


def _valid_day(year: str | None, month: int, day: int) -> bool:
    """Whether a day can exist at all (Feb 29 only in a leap year when given one)."""
    return _safe_date(int(year) if year else 2000, month, day) is not None


# --------------------------------------------------------------------------- #
# Context helpers

_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\S\n]*$")
_WORD_AFTER = re.compile(r"[^\S\n]*([A-Za-z]+)")
# Tense markers near a bare weekday: the nearest one before it decides, else the
# nearest one after it; future alternatives come first so "expected to" is future.
_TENSE = re.compile(
    r"\b(?P<future>will|would|shall|going to|is to|are to|plans? to|planned|scheduled|set to|"
    r"due to|expected to|upcoming|next|likely|forecasts?|predicted|could|may|might|should|aims? to|intends? to)\b"
    r"|['\u2019]ll\b"
    r"|\b(?P<past>said|says|told|was|were|had|did|met|went|began|held|\w+ed)\b"
)


def _word_before(text: str, pos: int, lo: int) -> str:
    found = _WORD_BEFORE.search(text, max(lo, pos - 40), pos)
    return found.group(1).lower() if found else ""


def _word_after(text: str, pos: int, hi: int) -> str:
    found = _WORD_AFTER.match(text, pos, hi)
    return found.group(1).lower() if found else ""


# A deferral points past the report: "adjourned until March 3", "postponed to Monday".
_DEFERRED = re.compile(
    r"\b(?:adjourn|postpon|delay|defer|reschedul|remand|push(?:ed|ing)?[^\S\n]+back|put[^\S\n]+off)\w*"
    r"(?:[^\S\n]+[\w'\u2019-]+){0,3}?[^\S\n]+(?:until|till|to)[^\S\n]+(?:(?:the|next|on)[^\S\n]+)?$",
    re.IGNORECASE,
)


def _looks_future(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the nearest tense marker around text[start:end] is a future one,
    or a deferral ("adjourned until") leads to it."""
    if _DEFERRED.search(text, max(lo, start - 80), start):
        return True
    before, after = _TENSE_WINDOW
    markers = [t for t in _TENSE.finditer(text, max(lo, start - before), start) if not _participle(text, t, lo)]
    last = markers[-1] if markers else None
    if last is None:
        last = next((t for t in _TENSE.finditer(text, end, min(hi, end + after)) if not _participle(text, t, lo)), None)
    return last is not None and last["past"] is None


# Past tenses of reporting verbs: they date the saying, not the event ("said the
# vote is in May"), so they do not tell that an event lies in the past.
_REPORTING_PAST = frozenset("said says told announced reported added stated confirmed explained noted".split())


# A month or a day told in the past tense is last year's only this far (days,
# about three months) after the article: nearer ones are mostly events ahead
# framed by a past verb ("proposed they debate on April 15", "looking to the
# February 20 primary"), as read on PolNeAR train.
_PAST_GAP = 75
_FUTURE_IN_SENTENCE = re.compile(
    r"\b(?:[Ww]ill|[Ww]ould|[Ww]on['\u2019]t|[Ss]hall|[Ll]et['\u2019]s|going to|[Mm]ust|[Ss]hould|[Cc]ould|[Mm]ight|[Cc]an)\b|['\u2019]ll\b"
)


def _told_in_past(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the nearest tense marker around text[start:end] (before it, else
    after it) is a past tense other than a reporting verb's ("In July the council
    voted"), with no deferral before it and no future marker earlier in its sentence."""
    sentence = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), lo)
    if _DEFERRED.search(text, max(lo, start - 80), start) or _FUTURE_IN_SENTENCE.search(text, sentence, start):
        return False
    before, after = _TENSE_WINDOW
    markers = [t for t in _TENSE.finditer(text, max(lo, start - before), start) if not _participle(text, t, lo)]
    last = markers[-1] if markers else None
    if last is None:
        stop = _SENTENCE_END.search(text, end, min(hi, end + after))
        last = next((t for t in _TENSE.finditer(text, end, stop.start() if stop else min(hi, end + after)) if not _participle(text, t, lo)), None)
    return last is not None and last["past"] is not None and last.group().lower() not in _REPORTING_PAST


_SENTENCE_END = re.compile(r"[.!?][\s\"'\u201d\u2019]|\n")


# Verbs after which an "-ed" word is a participle, not a past tense ("will
# stay closed until April").
_DETERMINERS = frozenset("a an the every each all some any no its their his her our your these those many most several few".split())
_PARTICIPLE_AFTER = frozenset("be been being is are am stay stays remain remains keep keeps get gets become becomes".split())


def _participle(text: str, marker: re.Match[str], lo: int) -> bool:
    word = marker.group()
    if marker["past"] is None or word in {"planned", "scheduled"}:  # "-ed" or irregular ("to be held")
        return False
    before = _NOT_BEFORE.sub("", text[max(lo, marker.start() - 40) : marker.start()])  # "is not fixed"
    word_before = _word_before(before, len(before), 0)
    if word_before in _DETERMINERS and word.endswith("ed"):
        return True  # "every affected customer", "the injured workers": an adjective, no tense
    return word_before in _PARTICIPLE_AFTER


_NOT_BEFORE = re.compile(r"(?:\b(?:not|never|yet|still)|n['\u2019]t)[^\S\n]*$", re.IGNORECASE)


# --------------------------------------------------------------------------- #
# Rules: a handler gets the rule's own match, the anchor and the region bounds,
# and returns the value (None: unresolved) or raises _Reject when the match is
# not a time expression after all.


class _Reject(Exception):
    """The matched words are not a time expression in this context."""


Handler = Callable[[re.Match[str], "dt.date | None", int, int], "str | None"]


def _h_iso(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        raise _Reject
    return day.isoformat()


def _h_range_md(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """January 27 to 28; January 27-February 2, 2026; from 27 to 28 January."""
    groups = m.groupdict()
    month1 = _month_number(groups.get("m1") or groups["m"])
    month2 = _month_number(groups["m2"]) if groups.get("m2") else month1
    day1, day2 = int(m["d1"]), int(m["d2"])
    year = groups.get("y1") or groups.get("y2") or groups.get("y")
    if not (_valid_day(year, month1, day1) and _valid_day(year, month2, day2)):
        raise _Reject
    if (month2, day2) <= (month1, day1):
        raise _Reject
    first = _resolve_day(groups.get("y1") or year, month1, day1, anchor)
    if first is None:
        return None
    last = _safe_date(int(groups["y2"]) if groups.get("y2") else first.year, month2, day2)
    return f"{first.isoformat()}/{last.isoformat()}" if last and last > first else None


def _h_range_month(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    month1, month2 = _month_number(m["m1"]), _month_number(m["m2"])
    year2 = int(m["y2"]) if m["y2"] else None
    year1 = int(m["y1"]) if m["y1"] else year2
    if year1 is None:
        if anchor is None:
            return None
        year1 = _year_for_month(month1, anchor)
    if year2 is None:
        year2 = year1 if month2 > month1 else year1 + 1
    if (year2, month2) <= (year1, month1):
        raise _Reject
    return f"{_iso_month(year1, month1)}/{_iso_month(year2, month2)}"


def _h_range_year(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    first, last = int(m["y1"]), int(m["y2"])
    if last <= first or _blocked_quantity(m.string, m.start(), m.end(), lo, hi):
        raise _Reject
    return f"{first}/{last}"


def _h_date(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """March 3 (2026), 3 March: without a year, the anchor's (see ``_year_for``),
    or in a future context ("will play on January 9") the next such day."""
    month, day = _month_number(m["m"]), int(m["d"])
    if not _valid_day(m["y"], month, day):
        raise _Reject
    resolved = _resolve_day(m["y"], month, day, anchor)
    if resolved and anchor and not m["y"] and resolved < anchor and _looks_future(m.string, m.start(), m.end(), lo, hi):
        resolved = _safe_date(resolved.year + 1, month, day)
    elif resolved and anchor and not m["y"] and (resolved - anchor).days > _PAST_GAP and _told_in_past(m.string, m.start(), m.end(), lo, hi):
        resolved = _safe_date(resolved.year - 1, month, day)  # "reopened on April 2", written in March
    return resolved.isoformat() if resolved else None


def _h_month_year(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    return _iso_month(int(m["y"]), _month_number(m["m"]))


QUARTERS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "q1": 1, "q2": 2, "q3": 3, "q4": 4, "final": 4, "last": 4,
}  # fmt: skip


def _h_quarter(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the third quarter (of 2009); Q3 2009: a quarter of the given or the anchor's year."""
    given = m["y"] or m["y2"]
    word = (m["q"] or m["q2"]).lower()
    if given:
        year = int(given)
    elif anchor is None:
        return None
    elif m["ry"]:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["ry"].lower()]
    elif m["ty"]:  # "the final quarter of the year": of the year named before, else the anchor's
        year = _base_year(m.string, m.start(), lo, anchor) or anchor.year
        word = "fourth" if word in {"last", "final"} else word
    elif word in {"last", "final"}:
        if word == "final":
            raise _Reject  # "the final quarter" alone: of a match, a season...
        year, quarter = divmod(anchor.year * 4 + (anchor.month - 1) // 3 - 1, 4)
        return f"{year:04d}-Q{quarter + 1}"  # "the last quarter": the one before the anchor's
    else:
        year = anchor.year
    return f"{year:04d}-Q{QUARTERS[word]}"


def _h_short_decade(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the '70s, the 80s, "70s and 80s": taken as the 20th century.  Needs "the",
    an apostrophe or a coordinated decade: "in his 70s" is an age."""
    opener = m.group()[0]
    if opener not in "Tt'\u2019" and _word_before(m.string, m.start(), lo) not in {"and", "or", "to"}:
        raise _Reject
    return "19" + m["dec"]


def _h_decade(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    return m["dec"]


def _h_relative_day_words(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """today / yesterday / tomorrow / tonight / last night / this morning."""
    if anchor is None:
        return None
    word = (m["w"] or m["w2"] or "today").lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    return (anchor + dt.timedelta(days=offset)).isoformat()


def _h_relative_unit(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """last/this/next year|month|week|weekend|quarter, optionally "earlier/later";
    "the current year|month|week|quarter"."""
    if _word_before(m.string, m.start(), lo) in {"the", "past", "a"}:
        raise _Reject  # "the next year", "in the last week": durations or anaphora
    if anchor is None:
        return None
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "current": 0}.get(m["rel"].lower(), -1)  # "this past week": -1
    return _unit_value(anchor, m["unit"].lower(), step)


def _unit_value(anchor: dt.date, unit: str, step: int) -> str:
    """The year, month, quarter, week or weekend ``step`` units from the anchor's."""
    if unit == "year":
        return str(anchor.year + step)
    if unit == "month":
        return _iso_month(*_shift_month(anchor.year, anchor.month, step))
    if unit == "quarter":
        year, quarter = divmod((anchor.year * 4 + (anchor.month - 1) // 3) + step, 4)
        return f"{year:04d}-Q{quarter + 1}"
    day = anchor + dt.timedelta(weeks=step)
    return _iso_week(day, "-WE" if unit == "weekend" else "")


def _h_relative_month(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """last March / this March / next March."""
    if anchor is None:
        return None
    month, rel = _month_number(m["m"]), m["rel"].lower()
    if rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return _iso_month(year, month)


def _h_ago(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    count_word = m["n"].lower()
    count = int(count_word) if count_word.isdigit() else NUMBER_WORDS[count_word]
    if anchor is None:
        return None
    unit = m["unit"]
    if unit == "day":
        return (anchor - dt.timedelta(days=count)).isoformat()
    if unit == "week":
        return _iso_week(anchor - dt.timedelta(weeks=count))
    if unit == "month":
        return _iso_month(*_shift_month(anchor.year, anchor.month, -count))
    if unit == "year":
        return str(anchor.year - count)
    return str(anchor.year - 10 * count)[:3]  # decade


def _weekday_date(weekday: int, anchor: dt.date, direction: str) -> dt.date:
    """The weekday relative to the anchor: "past" strictly before, "future"
    strictly after, "this" in the anchor's Monday-Sunday week."""
    if direction == "this":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    if direction == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)


def _h_relative_weekday(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    if anchor is None:
        return None
    rel = m["rel"].lower()
    direction = {"last": "past", "this": "this", "next": "future", "coming": "future"}[rel]
    day = _weekday_date(WEEKDAYS[m["wd"].lower()], anchor, direction)
    if rel == "this" and day < anchor and _looks_future(m.string, m.start(), m.end(), lo, hi):
        day += dt.timedelta(weeks=1)  # "will return this Wednesday", said on a Sunday
    return day.isoformat()


def _h_weekday(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    text = m.string
    if _word_before(text, m.start(), lo) in NAMED_DAY_PREFIXES:
        raise _Reject
    if anchor is None:
        return None
    future = _looks_future(text, m.start(), m.end(), lo, hi)
    weekday = WEEKDAYS[m["wd"].lower()]
    if weekday == anchor.weekday():
        return anchor.isoformat()
    day = _weekday_date(weekday, anchor, "future" if future else "past")
    return day.isoformat()


def _h_month(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    if not m["mod"] and _word_before(m.string, m.start(), lo) not in MONTH_CONTEXT:
        raise _Reject
    if anchor is None:
        return None
    month = _month_number(m["m"])
    if _looks_future(m.string, m.start(), m.end(), lo, hi):
        # "will stay closed until April", said in October: the next April
        return _iso_month(anchor.year if month >= anchor.month else anchor.year + 1, month)
    year = _year_for_month(month, anchor)
    if (year * 12 + month) - (anchor.year * 12 + anchor.month) >= 3 and _told_in_past(m.string, m.start(), m.end(), lo, hi):
        year -= 1  # "In May the council voted", written in March: last May
    return _iso_month(year, month)


def _blocked_quantity(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the number at text[start:end] reads as a quantity, not a year."""
    before = text[start - 1] if start > lo else " "
    if before in "$€£¥#" or before.isalnum():
        return True
    if _word_before(text, start, lo) in YEAR_BLOCKERS_BEFORE and not _TIME_LIMIT.search(text, max(lo, start - 40), start):
        return True
    return _word_after(text, end, hi) in YEAR_BLOCKERS_AFTER


# A limit in time before a year: "until at least 2027", "by no later than 2030"
# (a quantity reads "at least 2000 people").
_TIME_LIMIT = re.compile(
    r"\b(?:until|till|by|from|since|before|after|through|in)[^\S\n]+(?:at[^\S\n]+least|no[^\S\n]+later[^\S\n]+than)[^\S\n]*$"
    r"|\bno[^\S\n]+later[^\S\n]+than[^\S\n]*$",
    re.IGNORECASE,
)


# Words before a bare year earlier than 1900 that make it a date ("built in 1884").
EARLY_YEAR_CONTEXT = frozenset("in since from by until till of before after between and to circa c".split())


def _h_year(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    text = m.string
    if int(m["y"]) < 1900 and not m["mod"] and _word_before(text, m.start(), lo) not in EARLY_YEAR_CONTEXT:
        raise _Reject  # "1850 nurses": before 1900 a bare number needs "in", "since" ...
    if not m["mod"]:
        before = text[m.start() - 1] if m.start() > lo else " "
        if before in "-\u2013/.,:'\u2019" or _blocked_quantity(text, m.start(), m.end(), lo, hi):
            raise _Reject
    elif _word_after(text, m.end(), hi) in YEAR_BLOCKERS_AFTER:
        raise _Reject
    return m["y"]


# --------------------------------------------------------------------------- #
# Issue 22: anaphoric years, parts of the year, "the day", "the weekend",
# seasons, numeric dates and two-digit years.



def _base_year(text: str, pos: int, lo: int, anchor: dt.date | None) -> int | None:
    """The year an anaphoric phrase at ``pos`` is relative to: the last explicit
    year before it in the region ("in 2025 from a year earlier"), else the anchor's."""
    years = [t.value[:4] for t in find_time_expressions(text, lo, pos, anchor) if t.value and t.value[:4].isdigit()]
    if years:
        return int(years[-1])  # "last year, ... than the year previous": the year before last
    return anchor.year if anchor is not None else None


def _h_month_rel_year(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """October of next year, March last year."""
    if anchor is None:
        return None
    return _iso_month(anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"]], _month_number(m["m"]))


def _h_same_period(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """"the same month / period / quarter last year": the last month or quarter
    named before it in the region, a year back; else the anchor's month a year back."""
    named = [t.value for t in find_time_expressions(m.string, lo, m.start(), anchor) if t.value and re.fullmatch(r"\d{4}-(?:\d\d|Q\d)", t.value)]
    if named:
        return f"{int(named[-1][:4]) - 1:04d}{named[-1][4:]}"
    if anchor is None:
        return None
    return _iso_month(anchor.year - 1, anchor.month)


def _h_year_before(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the previous year, the year before, a year earlier: the year before the base year."""
    base = _base_year(m.string, m.start(), lo, anchor)
    return str(base - 1) if base is not None else None


def _h_year_part(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the beginning / end of the year, the entire year: the base year."""
    base = _base_year(m.string, m.start(), lo, anchor)
    return str(base) if base is not None else None


def _h_past_decade(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """"the past decade", "the last decade": the decade that most of the ten
    years before the anchor fall in (in 2011, the 2000s: ``200``)."""
    return str(anchor.year - 5)[:3] if anchor is not None else None


def _h_new_year(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """"before the new year", "in the new year": the coming year in the second
    half of the anchor's year, the year just begun in the first."""
    if anchor is None:
        return None
    return str(anchor.year + 1 if anchor.month >= 7 else anchor.year)


def _h_the_day(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """"on the day", "later in the day" in a dated report: the last day named
    before it in the region, else the report's date."""
    if _word_before(m.string, m.start(), lo) not in {"on", "in", "for"}:
        raise _Reject
    days = [d for d in find_time_expressions(m.string, lo, m.start(), anchor) if d.value and len(d.value) == 10]
    if days:
        return days[-1].value
    return anchor.isoformat() if anchor is not None else None


def _h_the_weekend(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """"the weekend": the coming one in a future context, else the last one (the
    anchor's own when it is a Saturday or Sunday)."""
    if anchor is None:
        return None
    if anchor.weekday() >= 5:
        return _iso_week(anchor, "-WE")
    future = _looks_future(m.string, m.start(), m.end(), lo, hi)
    return _iso_week(anchor if future else anchor - dt.timedelta(weeks=1), "-WE")


SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}


def _deadline(text: str, start: int, lo: int, hi: int) -> bool:
    """A season after "by" or "until" with no past tense near it: a deadline
    ahead ("if standards do not improve by the summer"); "had finished by the
    summer" looks back (the nearest tense marker decides, as for a weekday)."""
    if _word_before(text, start, lo) not in {"by", "until", "till"}:
        return False
    before, _ = _TENSE_WINDOW
    markers = [t for t in _TENSE.finditer(text, max(lo, start - before), start) if not _participle(text, t, lo)]
    return not markers or markers[-1]["past"] is None


def _h_season(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """spring 2027, the spring of 2027, next spring, last winter, this summer,
    in the spring (direction by tense)."""
    code, month = SEASONS[m["s"].lower()]
    if m["y"]:
        return f"{m['y']}-{code}"
    rel = (m["rel"] or "").lower()
    if not rel and _word_before(m.string, m.start(), lo) not in {"in", "the", "this", "by", "until", "during", "before", "after", "since"}:
        raise _Reject  # "fall" the verb, "spring" the noun
    if anchor is None:
        return None
    current = anchor.month >= month or (code == "WI" and anchor.month < 3)
    if rel == "next":
        year = anchor.year + 1 if anchor.month >= month or (code == "WI" and anchor.month < 3) else anchor.year
    elif rel == "last":
        year = anchor.year - 1 if not current or (anchor.month < month + 3 and code != "WI") else anchor.year
        if code == "WI" and anchor.month < 3:
            year = anchor.year - 1
    elif rel == "this" or not (_looks_future(m.string, m.start(), m.end(), lo, hi) or _deadline(m.string, m.start(), lo, hi)):
        year = anchor.year if current or rel == "this" else anchor.year - 1
    else:
        year = anchor.year if anchor.month < month else anchor.year + 1
    if code == "WI" and anchor.month < 3 and rel in {"", "this"}:
        year = anchor.year - 1  # the winter that began last December
    return f"{year:04d}-{code}"


# --------------------------------------------------------------------------- #
# Issue 32: the current unit, parts of a month or week, halves, fiscal years,
# weeks of a month, holidays, "the next day" and "a year later".


def _h_current_unit(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the current year / month / week / quarter: the anchor's."""
    return _unit_value(anchor, m["unit"].lower(), 0) if anchor is not None else None


def _h_unit_part(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the end / beginning / middle of the (this, next, last) month, week or quarter."""
    if anchor is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}.get((m["rel"] or "this").lower(), 0)
    return _unit_value(anchor, m["unit"].lower(), step)


def _h_half(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the first / second half of 2026 (of last year, of the year); H1 2026: ``2026-H1``."""
    half = 1 if (m["h"] or m["h2"] or "").lower() in {"first", "h1"} else 2
    if m["y"] or m["y2"]:
        year = int(m["y"] or m["y2"])
    elif anchor is None:
        return None
    elif m["rel"]:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    else:
        year = _base_year(m.string, m.start(), lo, anchor) or anchor.year
    return f"{year:04d}-H{half}"


def _h_fiscal(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """fiscal 2025, fiscal year 2026, the 2026 fiscal year, FY2026, FY26: ``FY2026``."""
    if m["y"] or m["y2"]:
        return f"FY{m['y'] or m['y2']}"
    if m["rel"] or m["the"]:  # this / last / the (current) financial year: the anchor's, one back, one on
        step = {"last": -1, "previous": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
        return f"FY{anchor.year + step}" if anchor is not None else None
    digits = m["fy"]
    year = int(digits) if len(digits) == 4 else _two_digit_year(int(digits), anchor)
    return f"FY{year}" if year is not None else None


def _h_month_week(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the first / second / last week of March: the ISO weeks with at least four
    of their days in the month, counted from the start or the end (MEANTIME:
    "the last week of March" 2009 is 2009-W13)."""
    month = _month_number(m["m"])
    if m["y"]:
        year = int(m["y"])
    elif anchor is None:
        return None
    elif _looks_future(m.string, m.start(), m.end(), lo, hi):
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = _year_for_month(month, anchor)
    weeks = _weeks_of_month(year, month)
    index = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1}[m["ord"].lower()]
    return weeks[index] if -len(weeks) <= index < len(weeks) else None


def _weeks_of_month(year: int, month: int) -> list[str]:
    days: dict[str, int] = {}
    day = dt.date(year, month, 1)
    while day.month == month:
        week = _iso_week(day)
        days[week] = days.get(week, 0) + 1
        day += dt.timedelta(days=1)
    return [week for week, count in days.items() if count >= 4]


_NOT_THE_DAY = re.compile(r"-[a-z]")
# A country's own day: a possessive or a capitalised word right before it.
_OWNER_BEFORE = re.compile(
    r"(?:['\u2019]s?|\b(?!(?:On|In|At|By|Of|For|Since|Until|Before|After|The|This|Last|Next|Every|Each|Until|Till|Over|From)\b)[A-Z][a-z]+)[^\S\n]+$"
)


def _h_holiday(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """Christmas, Easter Monday, Thanksgiving ... (``holidays``): of the given
    year, or the next one in a future context, else the one nearest before or
    up to six months after the anchor (as for a month and day)."""
    name = m["hol"]
    if _NOT_THE_DAY.match(m.string, m.end()):
        raise _Reject  # "a Christmas-themed ad"
    if name.lower().startswith("independence") and _OWNER_BEFORE.search(m.string, max(lo, m.start() - 30), m.start()):
        return None  # "Ukraine's Independence Day": a day, but not July 4
    if m["y"]:
        return holiday_day(name, int(m["y"])).isoformat()
    if anchor is None:
        return None
    day = holiday_day(name, anchor.year)
    if _looks_future(m.string, m.start(), m.end(), lo, hi):
        return (day if day >= anchor else holiday_day(name, anchor.year + 1)).isoformat()
    if (day - anchor).days > 183 or ((day - anchor).days > _PAST_GAP and _told_in_past(m.string, m.start(), m.end(), lo, hi)):
        day = holiday_day(name, anchor.year - 1)
    return day.isoformat()


# Words after "the day before" or "a year later" that anchor it on an event, not on a date.
_EVENT_ANCHOR = frozenset("the a an his her its their this that than when of following".split())


def _h_day_relative(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the next / following / previous day, the day before / after, a day earlier /
    later: a day from the last day named before it in the region; the ones looking
    back count from the anchor when none is named, the ones looking on are then null."""
    after = _WORD_AFTER.match(m.string, m.end(), hi)
    if after and (after.group(1).lower() in _EVENT_ANCHOR or after.group(1)[0].isupper()):
        raise _Reject  # "the day before the vote", "a day earlier than planned"
    back = bool(m["back"] or m["back2"] or m["back3"])
    days = [d for d in find_time_expressions(m.string, lo, m.start(), anchor) if d.value and len(d.value) == 10]
    if days:
        base = dt.date.fromisoformat(days[-1].value)  # type: ignore[arg-type]
    elif back and anchor is not None:
        base = anchor
    else:
        return None
    return (base + dt.timedelta(days=-1 if back else 1)).isoformat()


def _h_unit_relative(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the following / previous week or month, the week / month before or after:
    one unit from the last day, week or month named before it in the region;
    looking back without one, from the anchor; looking on without one, null."""
    after = _WORD_AFTER.match(m.string, m.end(), hi)
    if after and (after.group(1).lower() in _EVENT_ANCHOR or after.group(1)[0].isupper()):
        raise _Reject  # "the week before the vote"
    unit, step = (m["unit"] or m["unit2"]).lower(), -1 if (m["back"] or m["back2"]) else 1
    named = [t.value for t in find_time_expressions(m.string, lo, m.start(), anchor) if t.value and _NAMED_PERIOD.fullmatch(t.value)]
    if named:
        base = _period_start(named[-1])
    elif step < 0 and anchor is not None:
        base = anchor
    else:
        return None
    if unit == "week":
        return _iso_week(base + dt.timedelta(weeks=step))
    return _iso_month(*_shift_month(base.year, base.month, step))


_NAMED_PERIOD = re.compile(r"\d{4}-(?:\d\d(?:-\d\d)?|W\d\d)")


def _period_start(value: str) -> dt.date:
    """The first day of a day, ISO week or month value."""
    if "W" in value:
        return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]) if len(value) == 10 else 1)


def _h_two_days(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """the day before yesterday, the day after tomorrow: two days from the anchor."""
    if anchor is None:
        return None
    return (anchor + dt.timedelta(days=-2 if m["back"] else 2)).isoformat()


def _h_year_after(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """a year later, the following year: the year after the one named before it, else the anchor's."""
    after = _WORD_AFTER.match(m.string, m.end(), hi)
    if after and (after.group(1).lower() in _EVENT_ANCHOR or after.group(1)[0].isupper()):
        raise _Reject  # "a year after the election"
    base = _base_year(m.string, m.start(), lo, anchor)
    return str(base + 1) if base is not None else None


_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)(?![\d/])")


def numeric_order(text: str) -> str | None:
    """How the article writes numeric dates: "dmy" when one has a first number
    over 12 (14/3/2026), "mdy" when one has a second over 12 (3/14/2026), None
    when none tells (or both do)."""
    dmy = mdy = False
    for a, b, _ in _NUMERIC.findall(text):
        dmy |= int(a) > 12 >= int(b)
        mdy |= int(b) > 12 >= int(a)
    return "dmy" if dmy and not mdy else "mdy" if mdy and not dmy else None


def _h_numeric(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """3/4/2026: day first or month first as the numbers or the article's other
    numeric dates tell (``numeric_order``); when nothing tells, ambiguous: null."""
    a, b, y = int(m["na"]), int(m["nb"]), m["ny"]
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), anchor)
    if a > 12 >= b or (a <= 12 and b <= 12 and a != b and numeric_order(m.string) == "dmy"):
        day, month = a, b
    elif b > 12 >= a or a == b or numeric_order(m.string) == "mdy":
        day, month = b, a
    else:
        return None
    if year is None:
        return None
    found = _safe_date(year, month, day)
    if found is None:
        raise _Reject
    return found.isoformat()


def _two_digit_year(yy: int, anchor: dt.date | None) -> int | None:
    """'98 -> 1998, '19 -> 2019: the latest year ending so that is not after the anchor's next."""
    if anchor is None:
        return 2000 + yy if yy <= 30 else 1900 + yy
    century = anchor.year // 100 * 100
    return century + yy if century + yy <= anchor.year + 1 else century - 100 + yy


def _h_short_year(m: re.Match[str], anchor: dt.date | None, lo: int, hi: int) -> str | None:
    """'98 after "in", "since", "of", a month or a season: 1998."""
    before = _word_before(m.string, m.start(), lo)
    if before not in MONTH_CONTEXT and before not in MONTHS and before not in SEASONS and before not in {"class"}:
        raise _Reject
    year = _two_digit_year(int(m["yy"]), anchor)
    return str(year) if year is not None else None


# Ordered: longer forms first, so the longest reading wins at a position.
_RULES: tuple[tuple[str, str, Handler], ...] = (
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b(?!-\d)", _h_iso),
    (
        "fiscal",
        rf"\b(?:(?:[Ff]iscal|[Ff]inancial)(?:{_SP}[Yy]ear)?{_SP}{_year('y')}|(?:[Tt]he{_SP})?{_year('y2')}{_SP}(?:fiscal|financial){_SP}year"
        rf"|FY{_OSP}(?P<fy>(?:19|20)\d\d|\d\d)\b"
        rf"|(?:(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Pp]revious|[Cc]urrent)|(?P<the>[Tt]he(?:{_SP}current)?)){_SP}(?:fiscal|financial){_SP}year\b)",
        _h_fiscal,
    ),
    (
        "half",
        rf"\b(?:[Tt]he{_SP}(?P<h>first|second){_SP}half{_SP}of{_SP}(?:{_year('y')}|(?P<rel>last|this|next){_SP}year|the{_SP}year)"
        rf"|(?P<h2>H[12]){_SP}{_year('y2')})\b",
        _h_half,
    ),
    (
        "month_week",
        rf"\b[Tt]he{_SP}(?P<ord>first|second|third|fourth|last|final){_SP}week{_SP}of{_SP}{_month_full('m')}"
        rf"(?:,?{_SP}{_year('y')})?",
        _h_month_week,
    ),
    ("holiday", rf"\b(?P<hol>{HOLIDAY_PATTERN})\b(?:,?{_SP}{_year('y')})?", _h_holiday),
    (
        "range_md",
        rf"{_RANGE_OPEN}{_WD_PREFIX}{_month('m1')}{_SP}{_day('d1')}{_opt_year('y1')}"
        rf"{_RANGE_WORD}{_WD_PREFIX}(?:{_month('m2')}{_SP})?{_day('d2')}{_opt_year('y2')}",
        _h_range_md,
    ),
    (
        "range_md_dash",
        rf"\b{_month('m1')}{_SP}{_day('d1')}{_OSP}{_DASH}{_OSP}(?:{_month('m2')}{_SP})?"
        rf"{_day('d2')}{_opt_year('y2')}",
        _h_range_md,
    ),
    (
        "range_dm",
        rf"{_RANGE_OPEN}{_day('d1')}{_RANGE_WORD}"
        rf"{_day('d2')}{_SP}(?:of{_SP})?{_month('m')}{_opt_year('y')}",
        _h_range_md,
    ),
    (
        "range_dm_dash",
        rf"(?<![\d,.]){_day('d1')}{_OSP}{_DASH}{_OSP}{_day('d2')}{_SP}(?:of{_SP})?{_month('m')}{_opt_year('y')}",
        _h_range_md,
    ),
    (
        "range_month",
        rf"{_RANGE_OPEN}{_month_full('m1')}(?:{_SP}{_year('y1')})?"
        rf"{_RANGE_WORD}{_month_full('m2')}(?!{_OSP}\d{{1,2}}\b)"
        rf"(?:,?{_SP}{_year('y2')})?",
        _h_range_month,
    ),
    (
        "range_year",
        rf"{_RANGE_OPEN}{_year('y1')}{_RANGE_WORD}{_year('y2')}",
        _h_range_year,
    ),
    ("range_year_dash", rf"\b{_year('y1')}{_OSP}[-\u2013]{_OSP}{_year('y2')}", _h_range_year),
    ("date_mdy", rf"\b{_WD_PREFIX}{_month('m')}{_SP}{_day('d')}{_opt_year('y')}", _h_date),
    (
        "date_dmy",
        rf"(?<![\d,.]){_WD_PREFIX}(?:the{_SP})?\b{_day('d')}{_SP}(?:of{_SP})?{_month('m')}{_opt_year('y')}",
        _h_date,
    ),
    ("month_year", rf"\b{_MOD}{_month('m')},?{_SP}(?:of{_SP})?{_year('y')}", _h_month_year),
    (
        "month_rel_year",
        rf"\b{_MOD}{_month_full('m')},?{_SP}(?:of{_SP})?(?P<rel>last|this|next){_SP}year\b",
        _h_month_rel_year,
    ),
    (
        "decade",
        rf"\b(?:[Tt]he{_SP})?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|{_SP}))?(?P<dec>(?:1[5-9]|20)\d)0['\u2019]?s\b",
        _h_decade,
    ),
    (
        "short_decade",
        rf"(?:\b[Tt]he{_SP})?['\u2019]?\b(?P<dec>[2-9])0s\b",
        _h_short_decade,
    ),
    (
        "quarter",
        rf"\b(?:(?:[Tt]he{_SP})?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ]quarter"
        rf"(?:{_SP}of{_SP}(?:{_year('y')}|(?P<ry>last|this|next){_SP}year|(?P<ty>the){_SP}year))?|(?P<q2>Q[1-4]){_SP}{_year('y2')})\b",
        _h_quarter,
    ),
    (
        "relative_day",
        rf"\b(?:(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight){_TIME_OF_DAY}"
        rf"|(?P<w2>[Ll]ast){_SP}night|[Tt]his{_SP}(?:morning|afternoon|evening))\b",
        _h_relative_day_words,
    ),
    ("current_unit", rf"\b[Tt]he{_SP}current{_SP}(?P<unit>year|month|week|quarter)\b", _h_current_unit),
    (
        "unit_part",
        rf"\b[Tt]he{_SP}(?:end|beginning|start|middle){_SP}of{_SP}(?:the|(?P<rel>this|next|last)){_SP}(?P<unit>month|week|quarter)\b",
        _h_unit_part,
    ),
    (
        "relative_unit",
        rf"\b(?:(?:[Ee]arlier|[Ll]ater){_SP}(?:in{_SP})?)?(?P<rel>[Ll]ast|[Tt]his(?:{_SP}past)?|[Nn]ext|[Pp]revious)"
        rf"{_SP}(?P<unit>{_UNIT})\b",
        _h_relative_unit,
    ),
    (
        "relative_month",
        rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext){_SP}{_month_full('m')}(?!{_OSP}\d)",
        _h_relative_month,
    ),
    (
        "relative_weekday",
        rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming){_SP}(?P<wd>{_WEEKDAY})\b{_TIME_OF_DAY}",
        _h_relative_weekday,
    ),
    (
        "ago",
        rf"\b(?P<n>\d{{1,3}}|{_NUMBER}){_SP}(?P<unit>day|week|month|year|decade)s?{_SP}ago\b",
        _h_ago,
    ),
    (
        "numeric",
        r"(?<![\d/.])(?P<na>\d{1,2})/(?P<nb>\d{1,2})/(?P<ny>(?:19|20)?\d\d)(?![\d/])",
        _h_numeric,
    ),
    (
        "season",
        rf"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext){_SP})?(?:[Tt]he{_SP})?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b"
        rf"(?:,?{_SP}(?:of{_SP})?{_year('y')})?",
        _h_season,
    ),
    (
        "same_period",
        rf"\b[Tt]he{_SP}same{_SP}(?:month|period|quarter|time){_SP}(?:of{_SP})?(?:last{_SP}year|the{_SP}(?:previous|prior){_SP}year"
        rf"|a{_SP}year{_SP}(?:ago|earlier|before))\b",
        _h_same_period,
    ),
    (
        "year_before",
        rf"\b(?:[Tt]he{_SP}(?:previous|prior|preceding){_SP}year|[Tt]he{_SP}year{_SP}(?:before|previous|earlier)"
        rf"|[Aa]{_SP}year{_SP}(?:earlier|before|previously)"
        # a result "for the last year" is for the year before (not "over the last year": twelve months)
        rf"|(?<=\b[Ff]or\s)the{_SP}last{_SP}year)\b",
        _h_year_before,
    ),
    (
        "year_part",
        rf"\b[Tt]he{_SP}(?:(?:beginning|start|end|middle|rest){_SP}of{_SP}the|entire|whole|full){_SP}year\b",
        _h_year_part,
    ),
    (
        "year_after",
        rf"\b(?:[Aa]{_SP}year{_SP}(?:later|after)|[Tt]he{_SP}following{_SP}year)\b",
        _h_year_after,
    ),
    ("past_decade", rf"\b[Tt]he{_SP}(?:past|last|previous){_SP}decade\b", _h_past_decade),
    ("new_year", rf"\b[Tt]he{_SP}[Nn]ew{_SP}[Yy]ear\b(?![\'\u2019]s|{_SP}[A-Z])", _h_new_year),
    (
        "unit_relative",
        rf"\b(?:[Tt]he{_SP}(?:(?P<back>previous|preceding|prior)|following){_SP}(?P<unit>week|month)"
        rf"|[Tt]he{_SP}(?P<unit2>week|month){_SP}(?:(?P<back2>before)|after))\b",
        _h_unit_relative,
    ),
    (
        "two_days",
        rf"\b[Tt]he{_SP}day{_SP}(?:(?P<back>before{_SP}yesterday)|after{_SP}tomorrow)\b",
        _h_two_days,
    ),
    (
        "day_relative",
        rf"\b(?:[Tt]he{_SP}(?:(?P<back>previous|preceding|prior)|next|following){_SP}day"
        rf"|[Tt]he{_SP}day{_SP}(?:(?P<back2>before)|after)|[Aa]{_SP}day{_SP}(?:(?P<back3>earlier|before)|later|after))\b",
        _h_day_relative,
    ),
    ("the_day", rf"\b[Tt]he{_SP}day\b(?!{_SP}(?:before|after|of|when|that|earlier|later|he|she|they|it|we|I)\b)", _h_the_day),
    ("the_weekend", rf"\b[Tt]he{_SP}[Ww]eekend\b", _h_the_weekend),
    ("short_year", r"(?<![\w'\u2019])['\u2019](?P<yy>\d\d)\b(?!s\b|['\u2019\d])", _h_short_year),
    ("weekday", rf"\b(?P<wd>{_WEEKDAY})\b{_TIME_OF_DAY}", _h_weekday),
    ("month", rf"\b{_MOD}{_month_full('m')}(?!\.?{_OSP}\d)", _h_month),
    ("year", rf"\b{_MOD}{_year('y')}", _h_year),
)


_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
_CONDITION = re.compile(r"\(\?\((\w+)\)")


def _master_part(name: str, pattern: str) -> str:
    """A rule's pattern for the master: inner groups become non-capturing (fewer
    captures scan faster), except those a ``(?(group)...)`` test needs, which are
    kept under a name prefixed with the rule's, so names stay unique."""
    tested = set(_CONDITION.findall(pattern))

    def group(found: re.Match[str]) -> str:
        return f"(?P<{name}__{found[1]}>" if found[1] in tested else "(?:"

    inner = _CONDITION.sub(lambda found: f"(?({name}__{found[1]})", _NAMED_GROUP.sub(group, pattern))
    return f"(?P<{name}>{inner})"


def _compile_rules() -> tuple[re.Pattern[str], dict[str, tuple[re.Pattern[str], Handler]]]:
    """One master pattern, so a text is scanned once, plus, per rule, its own
    compiled pattern (to read a match's groups) and handler."""
    master = "|".join(_master_part(name, pattern) for name, pattern, _ in _RULES)
    table = {name: (re.compile(pattern), handler) for name, pattern, handler in _RULES}
    # an expression starts at a digit, an apostrophe ("'90s") or the first
    # letter of a word: testing that first spares the alternation at every
    # other position (half the scan time), and no expression starts inside a
    # word ("breathe 5 March" holds "5 March", not "the 5 March")
    return re.compile(rf"(?:(?=[\d'\u2019])|(?<!\w)(?=\w))(?:{master})"), table


_MASTER, _RULE_TABLE = _compile_rules()
# Cheap first test: a sentence with none of these cannot hold an expression.
_TRIGGER = re.compile(
    rf"\d|\b(?:{_MONTH_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|{_WEEKDAY})\b"
    r"|\b(?:[Tt]o(?:day|morrow|night)|[Yy]esterday|[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\b|\bago\b"
    r"|\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Ww]eekend|[Yy]ear|[Dd]ay|quarter|decade|month|week)\b"
    r"|\b(?:Christmas|Easter|Halloween|Thanksgiving|Good Friday|Maundy)\b"
)


def find_time_expressions(text: str, start: int, end: int, anchor: dt.date | None) -> list[TimeRef]:
    """Every time expression in ``text[start:end]``, in order and non-overlapping.

    ``anchor`` is the article date that relative expressions are resolved
    against; without it they (and dates without a year) get ``value=None``.
    """
    if not _TRIGGER.search(text, start, end):
        return []
    found: list[TimeRef] = []
    for match in _MASTER.finditer(text, start, end):
        name = match.lastgroup
        if name is None:
            continue
        rule, handler = _RULE_TABLE[name]
        own = rule.match(text, match.start(), end)
        if own is None or own.end() != match.end():  # cannot happen; be safe
            continue
        try:
            value = handler(own, anchor, start, end)
        except _Reject:
            continue
        found.append(TimeRef(text=own.group(), start=own.start(), end=own.end(), value=value))
    return found
