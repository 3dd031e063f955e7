"""Article text -> paragraphs and sentences, each with exact character offsets.

A rule-based splitter: it is fast (no parser) and never changes the text, so
every offset indexes ``Article.text`` directly.  Paragraphs are blocks
separated by blank lines; a single line break also ends a sentence (headlines,
captions and menu items sit on lines of their own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimkit.model import Sentence

# Words that end with a period without ending a sentence (lower-cased, without the period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj pres rev hon st jr sr
    coun cllr supt insp det const cpl pvt brig atty ald fr engr eng smt kum
    inc corp co ltd llc dept univ assn bros no nos vs etc approx est fig
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo
    u.s u.n u.k e.g i.e a.m p.m d.c
    """.split()
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets,
# then white space.  Whether it really ends the sentence is decided below.
_TERMINAL = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)(\w*)")
# A wire dateline opening a paragraph ("HARTWELL, Nov. 30 (Metro Wire) - ",
# "WASHINGTON (AP) — ", "ASHBY, Saturday 21 November 2026 — "): a place in capitals, then a region, a date or an
# agency (not a word in capitals alone: "EXCLUSIVE - ..."), a dash.  It is a
# segment of its own, so that no claim's content starts with it.
_DATELINE = re.compile(
    r"[A-Z][A-Z\u00c0-\u00d6\u00d8-\u00de.'\- ]{1,40}(?=[,(]|[ \t]+\()(?:,[ \t]*[A-Z][A-Za-z.' ]{1,30}){0,2}(?:[ \t]*\([A-Z][\w .&-]{1,30}\))?"
    r"(?:,[ \t]*(?:[A-Z][a-z]+,?[ \t]+)?(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:,?[ \t]+\d{4})?))?"
    r"[ \t]*(?:\([A-Z][\w .&-]{1,30}\)[ \t]*)?"
    r"(?:--|\u2014|\u2013|-)(?=[ \t]+\S)"
)
_INITIALS = re.compile(r"[a-z](?:\.[a-z])+")
# After an abbreviation that may also end a sentence ("in the U.S."), a new
# sentence is assumed only when one of these common openers follows.
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i you this that these those there but and so yet in on at "
    "for if when while after before as his her its their our my no not some many most".split()
)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each non-blank paragraph, white space trimmed."""
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, pos, match.start())
        pos = match.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_run_start(text: str, end: int) -> int:
    """Where ``_WORD_BEFORE`` can first match in ``text[:end]``: the start of the
    run of letters and dots ending at ``end`` (``$`` also matches before a final
    newline, so a run ending just before one counts too).  Searching from there
    instead of from 0 gives the same match without rescanning the article for
    every full stop (that rescan made splitting quadratic)."""
    pos = end
    if pos > 0 and text[pos - 1] == "\n":
        pos -= 1
    while pos > 0 and text[pos - 1] in _WORD_CHARS:
        pos -= 1
    return pos


def _is_boundary(text: str, dot_end: int, block_end: int) -> bool:
    """Decide whether the punctuation ending at ``dot_end`` closes a sentence."""
    punct_start = dot_end
    while punct_start > 0 and text[punct_start - 1] in ".!?…\"'”’)]":
        punct_start -= 1
    nxt = _NEXT_START.match(text, dot_end, block_end)
    if nxt is None:
        return False
    first = nxt.group(2)
    if text[punct_start:dot_end].startswith(".") and "!" not in text[punct_start:dot_end]:
        word = _WORD_BEFORE.search(text, _word_run_start(text, punct_start), punct_start)
        if word is not None:
            token = word.group(1).lower().rstrip(".")
            if token in ABBREVIATIONS:
                # "U.S. officials" continues; "in the U.S. The" ends (capital after an
                # abbreviation that can close a sentence is ambiguous: trust case).
                if token not in {"u.s", "u.n", "u.k", "d.c", "etc", "a.m", "p.m", "inc", "corp", "ltd", "co", "jr", "sr"}:
                    return False
                if nxt.group(2).lower() + nxt.group(3).lower() not in SENTENCE_OPENERS:
                    return False
            elif len(token) == 1 and token.isalpha():
                return False  # an initial: "John F. Kennedy"
            elif _INITIALS.fullmatch(token) and nxt.group(2).lower() + nxt.group(3).lower() not in SENTENCE_OPENERS:
                return False  # initials: "T.J. Maxx", "J.R.R. Tolkien" (not "... in the D.C. area. The")
    return first.isupper() or first.isdigit() or first in "\"'“‘([—–-"


def split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split text[start:end] (one line of a paragraph) into sentence spans."""
    pos = start
    for match in _TERMINAL.finditer(text, start, end):
        if _is_boundary(text, match.end(), end):
            yield from _trimmed(text, pos, match.end())
            pos = match.end()
    yield from _trimmed(text, pos, end)


# "KESSENHAVEN - Dock workers ...": a place in capitals alone before a dash (not a label such as "EXCLUSIVE -")
_BARE_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z\u00c0-\u00d6\u00d8-\u00de'\-]+(?: [A-Z][A-Z\u00c0-\u00d6\u00d8-\u00de'\-]+){0,3})[ \t]+(?:--|\u2014|\u2013|-)[ \t]+(?=[A-Z])")
_LABELS = frozenset(
    "EXCLUSIVE BREAKING UPDATE UPDATED WATCH ANALYSIS OPINION LIVE CORRECTION EDITORIAL REVIEW INTERVIEW FACTBOX "
    "EXPLAINER PHOTOS VIDEO URGENT FLASH COMMENT FEATURE NEWS SPORT WORLD".split()
)


def _dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """A wire dateline opening a paragraph (``_DATELINE``, or a place in capitals alone before a dash)."""
    found = _DATELINE.match(text, start, end)
    if found is not None:
        return found
    bare = _BARE_DATELINE.match(text, start, end)
    return bare if bare is not None and not set(bare["place"].split()) & _LABELS else None


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split the whole article into sentences with paragraph indices."""
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        line_start = p_start
        dateline = _dateline(text, p_start, p_end)
        if dateline is not None:
            out.append(Sentence(index=len(out), start=p_start, end=dateline.end(), paragraph=p_index))
            line_start = dateline.end()
        line_ends = [m.start() for m in _LINE_BREAK.finditer(text, p_start, p_end)] + [p_end]
        for line_end in line_ends:
            for s_start, s_end in split_block(text, line_start, line_end):
                out.append(Sentence(index=len(out), start=s_start, end=s_end, paragraph=p_index))
            line_start = line_end + 1
    return tuple(out)
