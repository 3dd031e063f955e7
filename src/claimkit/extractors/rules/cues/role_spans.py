"""Source and content spans set by the accurate tagger's role heads.

With ``--accurate`` every token of a parsed sentence carries a source and a
content logit (``accurate_tagger.ROLE_SCORES``).  The rules still find the
attributions (cue, source, content) and give the record its structure; then,
for each, the runs of tokens the tagger takes for content (logit above
``THRESHOLD``) that touch the rule's content become the content, from the
first such run's start to the last one's end, never taking in the cue; the
same for the source.  Where the tagger takes none of the rule's words for the
role, the rule's span stays (the rules are the fallback).  The accurate tagger
joins content runs only across gaps it is not confident about (``joined``,
``accurate_tagger.CONTENT_GAP``); the MiniLM tagger joins them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

THRESHOLD = 0.0  # logit; chosen on held-out train (docs/development-log.md)
MODE = "both"  # "both": trim and extend; "trim": only narrow the rule's span; "off"
SOURCE = False  # also correct sources (held-out train: costs; content spans only)

Span = tuple[int, int]


def runs(doc: Any, yes: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Maximal runs of tokens (i, j inclusive) where ``yes(i)``; punctuation
    and quotation marks inside a run do not break it, but a run neither
    starts nor ends on one."""
    out: list[tuple[int, int]] = []
    start = last = -1
    for tok in doc:
        if tok.is_punct:
            continue
        if yes(tok.i):
            if start < 0:
                start = tok.i
            last = tok.i
        elif start >= 0:
            out.append((start, last))
            start = last = -1
    if start >= 0:
        out.append((start, last))
    return out


def _runs(doc: Any, scores: list[Any], role: int, threshold: float) -> list[tuple[int, int]]:
    """The runs of tokens the tagger takes for ``role`` (logit above ``threshold``)."""
    return runs(doc, lambda j: scores[j] is not None and scores[j][role] > threshold)


def _chars(doc: Any, off: int, i: int, j: int) -> Span:
    return doc[i].idx + off, doc[j].idx + len(doc[j].text) + off


def corrected(doc: Any, off: int, scores: list[Any], role: int, rule: Span, avoid: list[Span], gap: float | None = None) -> Span:
    """The span the tagger gives the role near the rule's span ``rule``;
    ``rule`` itself when the tagger takes none of its words for the role.
    Runs are cut where they meet a span in ``avoid`` (the cue, then the
    other role).  The runs that touch the rule's span are joined, all of
    them (``gap`` None), or only those ``joined`` reaches across gaps where
    no word scores below ``-gap``."""
    if MODE == "off":
        return rule
    pieces = _pieces(doc, off, scores, role, rule, avoid)
    if not pieces:
        return rule
    lo, hi = (0, len(pieces) - 1) if gap is None else joined(doc, off, scores, role, pieces, avoid, gap)
    start, end = _chars(doc, off, pieces[lo][0], pieces[hi][1])
    # the rule's span may reach past the sentence (a quotation going on): the tagger only sees the sentence
    sent_start, sent_end = doc[0].idx + off, doc[-1].idx + len(doc[-1].text) + off
    if rule[0] < sent_start:
        start = rule[0]
    if rule[1] > sent_end:
        end = rule[1]
    if MODE == "trim":
        start, end = max(start, rule[0]), min(end, rule[1])
    return (start, end) if end > start else rule


def _outside(doc: Any, off: int, avoid: list[Span]) -> list[bool]:
    return [not any(a <= t.idx + off < b for a, b in avoid) for t in doc]


def _pieces(doc: Any, off: int, scores: list[Any], role: int, rule: Span, avoid: list[Span]) -> list[tuple[int, int]]:
    """The tagger's runs for ``role`` cut around ``avoid``, those touching ``rule`` (token ranges, in order)."""
    ok = _outside(doc, off, avoid)
    out = []
    for i, j in _runs(doc, scores, role, THRESHOLD):
        k = i
        while k <= j:
            while k <= j and not ok[k]:
                k += 1
            m = k
            while m + 1 <= j and ok[m + 1]:
                m += 1
            if k <= j:
                a, b = _chars(doc, off, k, m)
                if a < rule[1] and rule[0] < b:
                    out.append((k, m))
            k = m + 1
    return out


def _weak_gap(doc: Any, scores: list[Any], role: int, i: int, j: int, ok: list[bool], gap: float) -> bool:
    """No word strictly between tokens i and j (outside the spans to avoid) scores below -gap for the role."""
    return all(doc[k].is_punct or not ok[k] or scores[k] is None or scores[k][role] >= -gap for k in range(i + 1, j))


def joined(doc: Any, off: int, scores: list[Any], role: int, pieces: list[tuple[int, int]], avoid: list[Span], gap: float) -> tuple[int, int]:
    """The first and last of ``pieces`` to join: from the one nearest the cue
    (``avoid[0]``) outwards, across gaps where no word scores below ``-gap``,
    so that a second content of the sentence that the rule's span runs into
    ("pointing out that X would win – even though he picked Y to win") is
    left out (chosen on held-out train: docs/models.md)."""
    cue_tok = [t.i for t in doc if avoid and avoid[0][0] <= t.idx + off < avoid[0][1]]
    at = 0
    if cue_tok:
        c0, c1 = cue_tok[0], cue_tok[-1]
        at = min(range(len(pieces)), key=lambda p: max(pieces[p][0] - c1, c0 - pieces[p][1]))
    lo = hi = at
    ok = _outside(doc, off, avoid)
    while lo > 0 and _weak_gap(doc, scores, role, pieces[lo - 1][1], pieces[lo][0], ok, gap):
        lo -= 1
    while hi + 1 < len(pieces) and _weak_gap(doc, scores, role, pieces[hi][1], pieces[hi + 1][0], ok, gap):
        hi += 1
    return lo, hi
