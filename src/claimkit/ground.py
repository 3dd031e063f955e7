"""Quote alignment: find a model's verbatim quote in the article text.

A language model is asked to copy words from the article; claimkit, not the
model, decides where they are.  ``align`` tries three steps, each weaker than
the one before, and reports which one succeeded:

1. ``exact``: the quote occurs as is (inside the window first, then anywhere);
2. ``normalised``: it occurs once white space runs are collapsed, typographic
   quote marks, apostrophes and dashes are made plain and case is ignored;
   offsets map back to the original characters;
3. ``fuzzy``: a run of whole words inside the window is nearly the same
   (``difflib`` ratio at least ``FUZZY_THRESHOLD``), bounded in cost.

When none succeeds the result is ``None``: no offsets are ever made up.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from claimkit.model import Grounding, Span

__all__ = ["FUZZY_THRESHOLD", "align", "normalise_with_map"]

FUZZY_THRESHOLD = 0.9
"""Lowest ``difflib`` similarity accepted for a fuzzy match."""

_MIN_FUZZY_WORDS = 4  # shorter quotes must match exactly or normalised
_MAX_FUZZY_WINDOWS = 20_000  # bound on comparisons per quote
_CHAR_CANDIDATES = 8  # windows compared character by character
_WORD_PREFILTER = 0.5  # share of words in common a window needs before characters are compared

_CHAR_MAP = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
    "\u00a0": " ",
}
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'.,;:!?()[]-"


def _fold(ch: str) -> str:
    return _CHAR_MAP.get(ch, ch).lower()


def normalise_with_map(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """Normalise ``text[start:end]`` and map each output character to its source index.

    White space runs become one space (leading and trailing white space is
    dropped), quote marks and dashes become ASCII, letters are lower-cased.
    ``offsets[i]`` is the index in ``text`` of the character that produced
    output character ``i``.
    """
    end = len(text) if end is None else end
    out: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for i in range(start, end):
        ch = text[i]
        if ch.isspace():
            if out and pending_space < 0:
                pending_space = i
            continue
        if pending_space >= 0:
            out.append(" ")
            offsets.append(pending_space)
            pending_space = -1
        for piece in _fold(ch):
            out.append(piece)
            offsets.append(i)
    return "".join(out), offsets


def _exact(quote: str, text: str, start: int, end: int, near: int | None) -> Span | None:
    hits = list(_find_all(text, quote, start, end))
    if not hits:
        hits = list(_find_all(text, quote, 0, len(text)))
    if not hits:
        return None
    anchor = start if near is None else near
    best = min(hits, key=lambda h: (0 if start <= h and h + len(quote) <= end else 1, abs(h - anchor)))
    return Span(text=quote, start=best, end=best + len(quote))


def _find_all(text: str, quote: str, start: int, end: int) -> Iterator[int]:
    pos = text.find(quote, start, end)
    while pos >= 0:
        yield pos
        pos = text.find(quote, pos + 1, end)


def _normalised(quote: str, text: str, start: int, end: int, near: int | None) -> Span | None:
    needle, _ = normalise_with_map(quote)
    if not needle:
        return None
    for lo, hi in ((start, end), (0, len(text))):
        hay, offsets = normalise_with_map(text, lo, hi)
        hits = list(_find_all(hay, needle, 0, len(hay)))
        if hits:
            anchor = lo if near is None else near
            pos = min(hits, key=lambda h: abs(offsets[h] - anchor))
            s, e = offsets[pos], offsets[pos + len(needle) - 1] + 1
            return Span(text=text[s:e], start=s, end=e)
    return None


def _fuzzy(quote: str, text: str, start: int, end: int) -> Span | None:
    q_words = _WORD.findall(quote)
    n = len(q_words)
    if n < _MIN_FUZZY_WORDS:
        return None
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    if not words:
        return None
    target = " ".join(normalise_with_map(w)[0] for w in q_words)
    folded = [normalise_with_map(text, s, e)[0] for s, e in words]
    slack = max(1, n // 10)
    sizes = [k for k in range(n - slack, n + slack + 1) if 0 < k <= len(words)]
    if len(words) * len(sizes) > _MAX_FUZZY_WINDOWS:
        return None
    # Words first (English letter counts are alike everywhere, word counts are not):
    # rank the windows by word-level similarity, then compare characters of the best few.
    by_word = difflib.SequenceMatcher(autojunk=False)
    by_word.set_seq2(target.split(" "))
    ranked: list[tuple[float, int, int]] = []
    for k in sizes:
        for i in range(len(words) - k + 1):
            by_word.set_seq1(folded[i : i + k])
            if by_word.quick_ratio() >= _WORD_PREFILTER:
                ranked.append((by_word.ratio(), i, i + k))
    ranked.sort(reverse=True)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(target)
    best: tuple[float, int, int] | None = None
    for _, i, j in ranked[:_CHAR_CANDIDATES]:
        matcher.set_seq1(" ".join(folded[i:j]))
        if matcher.quick_ratio() < FUZZY_THRESHOLD:
            continue
        score = matcher.ratio()
        if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
            best = (score, i, j)
    if best is None:
        return None
    s, e = words[best[1]][0], words[best[2] - 1][1]
    # Trim punctuation the quote does not have at its edges ("said," -> "said").
    while e > s and text[e - 1] in _EDGE_PUNCT and not quote.rstrip().endswith(text[e - 1]):
        e -= 1
    while s < e and text[s] in _EDGE_PUNCT and not quote.lstrip().startswith(text[s]):
        s += 1
    return Span(text=text[s:e], start=s, end=e) if e > s else None


def align(
    quote: str,
    text: str,
    start: int,
    end: int,
    *,
    near: int | None = None,
    fuzzy: bool = True,
) -> tuple[Span, Grounding] | None:
    """Locate ``quote`` in ``text``, preferring the window ``text[start:end]``.

    ``near`` picks, among several equal matches, the one closest to that
    offset (default: the window start).  ``fuzzy=False`` skips the fuzzy step
    (for short mentions such as cues, where a near miss is a different word).
    Returns the span as it is in ``text`` and how it was found, or ``None``.
    """
    quote = quote.strip()
    start, end = max(0, start), min(len(text), end)
    if not quote or start > end:
        return None
    span = _exact(quote, text, start, end, near)
    if span is not None:
        return span, "exact"
    span = _normalised(quote, text, start, end, near)
    if span is not None:
        return span, "normalised"
    if fuzzy:
        span = _fuzzy(quote, text, start, end)
        if span is not None:
            return span, "fuzzy"
    return None
