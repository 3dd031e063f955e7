"""The normalise stage: fill time and certainty of each candidate.

Extractors may set ``reported_at``, ``event_time``, ``times`` and
``certainty`` themselves (the LLM extractor does); what they leave empty is
filled here from the text, resolved against the article date.

``times`` (schema 1.1) is every date expression of the claim, in text order:
those inside its content, plus those of its attribution part, the words of
its sentence that are in no claim's content and not in a relative clause
about a participant ("..., the union said on Monday", "after talks ended on
Friday"; not "said Rosa Lima, who has run her shop since '98").  So ``reported_at`` is among them,
and a date in another claim's content of the same sentence is not.  A claim
that goes on after its cue's sentence (a continued quotation) has its
content's and the ``reported_at`` of its cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimkit.model import Article, Candidate, Sentence, TimeRef
from claimkit.normalize.certainty import rate_certainty
from claimkit.normalize.time import find_time_expressions


def _scope(cand: Candidate, sentence: Sentence) -> tuple[int, int]:
    """The region a claim's words live in: its sentence plus its content and cue."""
    starts = [sentence.start, cand.content.start]
    ends = [sentence.end, cand.content.end]
    if cand.cue is not None:
        starts.append(cand.cue.mention.start)
        ends.append(cand.cue.mention.end)
    return min(starts), max(ends)


def _inside(t: TimeRef, start: int, end: int) -> bool:
    return start <= t.start and t.end <= end


_RELATIVE_OPENER = re.compile(r",\s+(?:who|which|whose|whom)\b", re.IGNORECASE)


def _in_relative_clause(text: str, lo: int, t: TimeRef) -> bool:
    """Whether ``t`` sits in a relative clause about a participant ("said baker
    Rosa Lima, who has run her shop there since '98"): not the claim's time."""
    openers = list(_RELATIVE_OPENER.finditer(text, lo, t.start))
    return bool(openers) and "," not in text[openers[-1].end() : t.start]


def _times_of_scope(article: Article, start: int, end: int) -> list[TimeRef]:
    """The time expressions of a scope, less the article's own date (a dateline is no event of a claim)."""
    found = find_time_expressions(article.text, start, end, article.published)
    dated = article.date_span
    if dated is None:
        return found
    return [t for t in found if t.end <= dated.start or t.start >= dated.end]


def _attribution_times(text: str, lo: int, times: list[TimeRef], contents: list[tuple[int, int]]) -> list[TimeRef]:
    """The time expressions in no claim's content, outside relative clauses."""
    return [
        t for t in times
        if not any(s < t.end and t.start < e for s, e in contents) and not _in_relative_clause(text, lo, t)
    ]


def _pick_times(cand: Candidate, times: list[TimeRef], attribution: list[TimeRef]) -> tuple[TimeRef | None, TimeRef | None]:
    """Event time: the first dated expression in the content.  Reported-at: a
    dated expression of the attribution part (``attribution``), nearest to the cue."""
    content = cand.content
    inside = [t for t in times if _inside(t, content.start, content.end)]
    event = next((t for t in inside if t.value), inside[0] if inside else None)
    reported = None
    if cand.mode != "unattributed" and attribution:
        anchor = cand.cue.mention.start if cand.cue else content.start
        reported = min(attribution, key=lambda t: abs(t.start - anchor))
    return reported, event


def _claim_times(cand: Candidate, times: list[TimeRef], attribution: list[TimeRef], own_sentence: bool) -> list[TimeRef]:
    """The content's time expressions and, with ``own_sentence``, those of the
    attribution part."""
    c = cand.content
    return [t for t in times if _inside(t, c.start, c.end) or (own_sentence and t in attribution)]


def normalise(article: Article, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Return the candidates with time and certainty filled where empty."""
    out = []
    contents: dict[int, list[tuple[int, int]]] = {}
    for cand in candidates:
        contents.setdefault(cand.sentence_index, []).append((cand.content.start, cand.content.end))
    text = article.text
    # Candidates of one sentence often share a scope: find its times once.
    times_in: dict[tuple[int, int], list[TimeRef]] = {}
    # when each cue's saying is dated, for a later claim with the same cue
    said_at: dict[tuple[int, int], TimeRef | None] = {}
    for cand in candidates:
        sentence = sentences[cand.sentence_index]
        cue_key = (cand.cue.mention.start, cand.cue.mention.end) if cand.cue is not None else None
        # words that go on after the sentence of a cue already seen ("She said
        # on Monday that A. “B.”"): their own region is the quotation alone,
        # and they were said when A was
        goes_on = cue_key in said_at and cand.content.start >= sentence.end
        start, end = (cand.content.start, cand.content.end) if goes_on else _scope(cand, sentence)
        update: dict[str, object] = {}
        if cand.reported_at is None or cand.event_time is None or cand.times is None:
            times = times_in.get((start, end))
            if times is None:
                times = times_in[(start, end)] = _times_of_scope(article, start, end)
            attribution = _attribution_times(text, sentence.start, times, contents.get(cand.sentence_index, []))
            if cand.times is None:
                update["times"] = _claim_times(cand, times, attribution, not goes_on)
            reported, event = _pick_times(cand, times, attribution)
            if goes_on:
                reported = said_at[cue_key]  # type: ignore[index]
            if cand.reported_at is None and reported is not None:
                update["reported_at"] = reported
            if cand.event_time is None and event is not None:
                update["event_time"] = event
        if cand.certainty is None:
            update["certainty"] = rate_certainty(text, cand.content, cand.cue, start, end)
        done = cand.model_copy(update=update) if update else cand
        if "times" in update and done.reported_at is not None and done.reported_at not in done.times:  # type: ignore[operator]
            done = done.model_copy(update={"times": sorted([*done.times, done.reported_at], key=lambda t: t.start)})  # type: ignore[misc]
        if cue_key is not None:
            said_at.setdefault(cue_key, done.reported_at)
        out.append(done)
    return out
