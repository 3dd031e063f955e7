"""The normalise stage: fill time and certainty of each candidate.

Extractors may set ``reported_at``, ``event_time`` and ``certainty``
themselves (the LLM extractor does); what they leave empty is filled here
from the text, resolved against the article date.
"""

from __future__ import annotations

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


def _pick_times(cand: Candidate, times: list[TimeRef]) -> tuple[TimeRef | None, TimeRef | None]:
    """Event time: the first dated expression in the content.  Reported-at: a
    dated expression outside the content (in the attribution part), nearest
    to the cue."""
    content = cand.content
    inside = [t for t in times if _inside(t, content.start, content.end)]
    outside = [t for t in times if t.end <= content.start or t.start >= content.end]
    event = next((t for t in inside if t.value), inside[0] if inside else None)
    reported = None
    if cand.mode != "unattributed" and outside:
        anchor = cand.cue.mention.start if cand.cue else content.start
        reported = min(outside, key=lambda t: abs(t.start - anchor))
    return reported, event


def normalise(article: Article, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Return the candidates with time and certainty filled where empty."""
    out = []
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
        if cand.reported_at is None or cand.event_time is None:
            times = times_in.get((start, end))
            if times is None:
                times = times_in[(start, end)] = find_time_expressions(text, start, end, article.published)
            reported, event = _pick_times(cand, times)
            if goes_on:
                reported = said_at[cue_key]  # type: ignore[index]
            if cand.reported_at is None and reported is not None:
                update["reported_at"] = reported
            if cand.event_time is None and event is not None:
                update["event_time"] = event
        if cand.certainty is None:
            update["certainty"] = rate_certainty(text, cand.content, cand.cue, start, end)
        done = cand.model_copy(update=update) if update else cand
        if cue_key is not None:
            said_at.setdefault(cue_key, done.reported_at)
        out.append(done)
    return out
