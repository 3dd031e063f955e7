"""Direct quotes: pair quotation marks into regions, across sentence ends.

Marks: curly “ ”, straight ", and the doubled apostrophe '' some wires use.
Pairs are found within a paragraph; a quote still open at the end of its
paragraph runs to that end (the newspaper convention for quotes that go on
in the next paragraph reopens them there).  Single quotes are not pairs: they
are too often apostrophes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimkit import segment

_MARK = re.compile(r"“|”|''|\"|„|«|»")
_OPEN = {"“", "„", "«"}
_CLOSE = {"”", "»"}


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph end)
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


class Quotes:
    """All quote regions of a text, with fast lookup by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        regions: list[Quote] = []
        for p_start, p_end in segment.paragraphs(text):
            open_at: int | None = None
            for m in _MARK.finditer(text, p_start, p_end):
                mark = m.group()
                if mark in _OPEN:
                    if open_at is None:
                        open_at = m.start()
                elif mark in _CLOSE:
                    if open_at is not None:
                        regions.append(Quote(open_at, m.end(), True))
                        open_at = None
                elif open_at is None:
                    open_at = m.start()
                else:
                    regions.append(Quote(open_at, m.end(), True))
                    open_at = None
            if open_at is not None and p_end - open_at > 1:
                regions.append(Quote(open_at, p_end, False))
        self.regions = regions
        self._starts = [q.start for q in regions]

    def at(self, pos: int) -> Quote | None:
        """The quote region holding offset ``pos``, if any."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.regions[i].start <= pos < self.regions[i].end:
            return self.regions[i]
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out = []
        while i < len(self.regions) and self.regions[i].start < end:
            q = self.regions[i]
            if q.end > start:
                out.append(q)
            i += 1
        return out

    def quoted_chars(self, start: int, end: int) -> int:
        return sum(min(end, q.end) - max(start, q.start) for q in self.overlapping(start, end))

    def holds(self, start: int, end: int) -> bool:
        """Whether the words of ``text[start:end]`` all lie inside one closed quotation."""
        text = self.text
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        q = self.at(start)
        return start < end and q is not None and q.closed and end < q.end
