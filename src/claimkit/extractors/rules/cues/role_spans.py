"""Source and content spans set by the accurate tagger's role heads.

With ``--accurate`` every token of a parsed sentence carries a source and a
content logit (``accurate_tagger.ROLE_SCORES``).  The rules still find the
attributions (cue, source, content) and give the record its structure; then,
for each, the runs of tokens the tagger takes for content (logit above
``THRESHOLD``) that touch the rule's content become the content, from the
first such run's start to the last one's end, never taking in the cue; the
same for the source.  Where the tagger takes none of the rule's words for the
role, the rule's span stays (the rules are the fallback).
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


def corrected(doc: Any, off: int, scores: list[Any], role: int, rule: Span, avoid: list[Span]) -> Span:
    """The span the tagger gives the role near the rule's span ``rule``;
    ``rule`` itself when the tagger takes none of its words for the role.
    Runs are cut where they meet a span in ``avoid`` (the cue, the other role)."""
    if MODE == "off":
        return rule
    sent_start, sent_end = doc[0].idx + off, doc[-1].idx + len(doc[-1].text) + off
    touching: list[Span] = []
    for i, j in _runs(doc, scores, role, THRESHOLD):
        # split the run around tokens inside a span to avoid
        k = i
        while k <= j:
            while k <= j and any(a <= doc[k].idx + off < b for a, b in avoid):
                k += 1
            m = k
            while m + 1 <= j and not any(a <= doc[m + 1].idx + off < b for a, b in avoid):
                m += 1
            if k <= j:
                piece = _chars(doc, off, k, m)
                if piece[0] < rule[1] and rule[0] < piece[1]:
                    touching.append(piece)
            k = m + 1
    if not touching:
        return rule
    start, end = touching[0][0], touching[-1][1]
    # the rule's span may reach past the sentence (a quotation going on): the tagger only sees the sentence
    if rule[0] < sent_start:
        start = rule[0]
    if rule[1] > sent_end:
        end = rule[1]
    if MODE == "trim":
        start, end = max(start, rule[0]), min(end, rule[1])
    return (start, end) if end > start else rule
