"""Live-blog entries: the time an entry was posted is when its claims were reported.

A live blog is a run of entries, each opened by a clock time at the head of
a paragraph::

    10:42 GMT — Police say two people were arrested near the stadium.
    11.05am: The fire service said the blaze was under control.
    14:20 CET
    The ministry has confirmed the figures.      (the time on its own line)

Every record from an entry's paragraphs (up to the next entry) whose
``reported_at`` is still empty after the normalise stage gets the entry's
time (and a content that begins with the time, "18:22 GMT — Two people were
arrested, police said.", loses it): ``10:42 GMT`` on an article dated 2026-03-03 becomes
``2026-03-03T10:42Z``.  A time zone named by its abbreviation becomes an
offset (BST ``+01:00``, EST ``-05:00``; ET, CT, MT and PT take the offset
of US time on the article's date); a time without a zone stays local
(``2026-03-03T10:42``).  Without an article date the value is the time
alone (``T10:42Z``), ISO 8601's form for a time of day.  Every entry is
dated with the article's date: a blog that runs past midnight gets the
entries after midnight one day early (entries carry no date of their own).

A sentence that dates its own saying ("said on Monday") keeps that date.
An article counts as a live blog only with at least two such entries, so a
lone paragraph that opens with a time ("9:30 - the doors open") is left
alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimkit.model import Article, Candidate, Sentence, Span, TimeRef

STAMP = re.compile(
    r"[ \t]*(?:(?:updated|posted|update)[ \t]*:?[ \t]+)?(?:at[ \t]+)?"
    r"(?P<time>(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)"
    r"(?:[ \t]?(?P<ampm>[aApP])\.?[ \t]?[mM]\.?)?"
    r"(?:[ \t]*(?P<zone>GMT|UTC|BST|CET|CEST|EET|EEST|WET|WEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT)\b)?)"
    r"(?:[ \t]*(?:[—–|:]|-{1,2})[ \t]*|[ \t]*(?=\n|$))"
)
_FIXED = {
    "GMT": "Z", "UTC": "Z", "WET": "Z", "WEST": "+01:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
    "EET": "+02:00", "EEST": "+03:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
}  # fmt: skip
_US = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
MIN_ENTRIES = 2


def _offset(zone: str | None, day: dt.date | None, hour: int, minute: int) -> str:
    if zone is None:
        return ""
    zone = zone.upper()
    if zone in _FIXED:
        return _FIXED[zone]
    if day is None:
        return ""
    try:
        from zoneinfo import ZoneInfo

        local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(_US[zone]))
    except Exception:  # noqa: BLE001 - no time-zone database: leave the time local
        return ""
    delta = local.utcoffset()
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def stamp_at(text: str, pos: int, day: dt.date | None) -> tuple[TimeRef, int] | None:
    """The entry time at ``pos`` (a paragraph's start) and where the entry's words begin, or None."""
    m = STAMP.match(text, pos)
    if m is None:
        return None
    hour, minute = int(m.group("h")), int(m.group("m"))
    ampm = (m.group("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    clock = f"T{hour:02d}:{minute:02d}{_offset(m.group('zone'), day, hour, minute)}"
    value = f"{day.isoformat()}{clock}" if day is not None else clock
    start, end = m.span("time")
    return TimeRef(text=text[start:end], start=start, end=end, value=value), m.end()


@dataclass(frozen=True)
class Entry:
    time: TimeRef
    body: int  # where the entry's own words begin, after the time and its dash


def entries(article: Article, sentences: Sequence[Sentence]) -> dict[int, Entry]:
    """The live-blog entry of every sentence inside one, by sentence index."""
    text = article.text
    out: dict[int, Entry] = {}
    current: Entry | None = None
    count = 0
    paragraph = None
    for s in sentences:
        if s.paragraph != paragraph:
            paragraph = s.paragraph
            found = stamp_at(text, s.start, article.published)
            if found is not None:
                current = Entry(*found)
                count += 1
        if current is not None:
            out[s.index] = current
    return out if count >= MIN_ENTRIES else {}


def _dated(text: str, cand: Candidate, entry: Entry) -> Candidate:
    update: dict[str, object] = {}
    if cand.reported_at is None:
        update["reported_at"] = entry.time
    content = cand.content
    if content.start <= entry.time.start and content.end > entry.body:
        # "18:22 GMT — Two people were arrested, police said.": the time is not content
        update["content"] = Span(text=text[entry.body : content.end], start=entry.body, end=content.end)
        lead = text[content.start : entry.body]
        if cand.statement is not None and cand.statement.startswith(lead):
            update["statement"] = cand.statement[len(lead) :]
    return cand.model_copy(update=update) if update else cand


def date_entries(article: Article, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates, those of a live-blog entry with the entry's time as
    ``reported_at`` where empty, and without the time in their content."""
    found = entries(article, sentences)
    if not found:
        return list(candidates)
    return [_dated(article.text, c, found[c.sentence_index]) if c.sentence_index in found else c for c in candidates]
