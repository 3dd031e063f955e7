"""Model replies -> validated data -> grounded ``Candidate`` records.

``parse_reply`` turns the raw reply into the response object or a short
error message fit for a re-ask.  ``to_candidates`` aligns every quote with
the article text (``claimkit.ground``) and keeps only what it can place:
a claim whose content cannot be found is dropped and counted; a cue, source
mention, time expression or hedge cue that cannot be found near the content
is left out of the record.  ``merge`` removes claims found twice (chunks
overlap, and models repeat themselves).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator

from claimkit.extractors.llm.chunking import Chunk
from claimkit.extractors.llm.prompt import RESPONSE_SCHEMA
from claimkit.ground import align
from claimkit.model import (
    Article,
    Candidate,
    Certainty,
    Cue,
    Diagnostic,
    Grounding,
    Sentence,
    Source,
    Span,
    TimeRef,
)

__all__ = ["Converted", "iso_value", "merge", "parse_reply", "to_candidates"]

UNNAMED_SOURCE = "unnamed source"
"""The source of an attributed claim whose source the model did not name."""
_OPTIONAL_KEYS = ("source", "cue", "statement", "reported_at", "event_time", "certainty")
_FENCED = re.compile(r"^\s*```[a-zA-Z]*\s*\n?(.*?)\n?```\s*$", re.S)
_ISO_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(RESPONSE_SCHEMA)


def parse_reply(content: str, finish_reason: str | None = None) -> tuple[dict[str, Any] | None, str | None]:
    """``(data, None)`` for a valid reply, else ``(None, error message)``.

    Code fences and prose around the object are tolerated; claims missing
    optional keys get ``null`` for them; everything else must match the
    response schema.
    """
    text = content.strip()
    fenced = _FENCED.match(text)
    if fenced:
        text = fenced.group(1).strip()
    first, last = text.find("{"), text.rfind("}")
    if first < 0 or last < first:
        cut = " (the reply was cut off at the token limit: return fewer, shorter claims)" if finish_reason == "length" else ""
        return None, f"the reply contains no JSON object{cut}"
    try:
        data = json.loads(text[first : last + 1], strict=False)  # raw newlines in strings are tolerated
    except json.JSONDecodeError as exc:
        cut = " (the reply was cut off at the token limit: return fewer, shorter claims)" if finish_reason == "length" else ""
        return None, f"invalid JSON: {exc.msg} at character {exc.pos}{cut}"
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        for item in data["claims"]:
            if isinstance(item, dict):
                for key in _OPTIONAL_KEYS:
                    item.setdefault(key, None)
    problems = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if problems:
        shown = "; ".join(
            f"{'/'.join(str(p) for p in err.absolute_path) or '(top level)'}: {err.message[:200]}" for err in problems[:3]
        )
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        return None, f"the JSON does not match the schema: {shown}{more}"
    return data, None


def iso_value(value: object) -> str | None:
    """``value`` if it is an ISO 8601 date, partial date, date-time or interval of them."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    parts = value.split("/")
    if not value or len(parts) > 2:
        return None
    for part in parts:
        m = _ISO_PART.match(part)
        if m is None:
            return None
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            dt.date(year or 1, month or 1, day or 1)
        except ValueError:
            return None
    return value


@dataclass
class Converted:
    """Candidates from one chunk, with counts of how their content was aligned."""

    candidates: list[Candidate] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    grounding: dict[str, int] = field(default_factory=lambda: {"exact": 0, "normalised": 0, "fuzzy": 0})
    ungrounded: int = 0


class _Placer:
    """Aligns the quotes of one claim, near its content."""

    def __init__(self, text: str, sentences: Sequence[Sentence], chunk: Chunk) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.chunk = chunk

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def near(self, content: Span) -> tuple[int, int]:
        """The content's sentences plus one on each side."""
        if not self.sentences:
            return content.start, content.end
        first = max(0, self.sentence_at(content.start) - 1)
        last = min(len(self.sentences) - 1, self.sentence_at(max(content.start, content.end - 1)) + 1)
        return min(self.sentences[first].start, content.start), max(self.sentences[last].end, content.end)

    def place(self, quote: object, region: tuple[int, int], anchor: int) -> Span | None:
        """An exact or normalised match of a short quote inside ``region``."""
        if not isinstance(quote, str) or not quote.strip():
            return None
        found = align(quote, self.text, region[0], region[1], near=anchor, fuzzy=False)
        if found is None:
            return None
        span, _ = found
        return span if region[0] <= span.start and span.end <= region[1] else None


def _time(placer: _Placer, raw: Any, region: tuple[int, int], anchor: int) -> TimeRef | None:
    if not isinstance(raw, dict):
        return None
    span = placer.place(raw.get("text"), region, anchor)
    if span is None:
        return None
    return TimeRef(text=span.text, start=span.start, end=span.end, value=iso_value(raw.get("value")))


def _claim(placer: _Placer, item: dict[str, Any], content: Span, grounding: Grounding) -> Candidate:
    near = placer.near(content)
    anchor = content.start
    mode = item["mode"]
    source = cue = None
    if mode != "unattributed":
        raw_src = item.get("source")
        if isinstance(raw_src, dict):
            mention = placer.place(raw_src.get("mention"), (placer.chunk.start, placer.chunk.end), anchor)
            name = (raw_src.get("name") or "").strip() or (mention.text if mention else "")
            if name:
                source = Source(name=name, kind=raw_src["kind"], mention=mention)
        raw_cue = item.get("cue")
        if isinstance(raw_cue, dict):
            span = placer.place(raw_cue.get("text"), near, anchor)
            if span is not None:
                lemma = (raw_cue.get("lemma") or "").strip().lower() or span.text.lower()
                cue = Cue(lemma=lemma, mention=span)
        if source is None:  # an attribution always has a source, if only an unnamed one (as in the rules)
            source = Source(name=UNNAMED_SOURCE, kind="unnamed")
    certainty = None
    raw_cert = item.get("certainty")
    if isinstance(raw_cert, dict):
        cues = [s for s in (placer.place(c, near, anchor) for c in raw_cert.get("cues") or []) if s is not None]
        unique = list({(s.start, s.end): s for s in cues}.values())
        certainty = Certainty(level=raw_cert["level"], polarity=raw_cert["polarity"], cues=unique)
    statement = item.get("statement")
    return Candidate(
        content=content,
        mode=mode,
        sentence_index=placer.sentence_at(content.start),
        source=source,
        cue=cue,
        statement=statement.strip() or None if isinstance(statement, str) else None,
        grounding=grounding,
        reported_at=_time(placer, item.get("reported_at"), near, anchor),
        event_time=_time(placer, item.get("event_time"), near, anchor),
        certainty=certainty,
    )


def to_candidates(article: Article, sentences: Sequence[Sentence], chunk: Chunk, data: dict[str, Any]) -> Converted:
    """Ground the claims of one validated reply in the article text."""
    out = Converted()
    if not sentences:
        return out
    placer = _Placer(article.text, sentences, chunk)
    for item in data.get("claims", []):
        found = align(item["content"], article.text, chunk.start, chunk.end)
        if found is None:
            out.ungrounded += 1
            out.diagnostics.append(
                Diagnostic(
                    code="llm-ungrounded-quote",
                    message=f"dropped a claim whose content is not in the article: {item['content'][:80]!r}",
                    doc_id=article.doc_id,
                )
            )
            continue
        span, how = found
        out.grounding[how] += 1
        out.candidates.append(_claim(placer, item, span, how))
    return out


def _richness(c: Candidate) -> int:
    return sum(x is not None for x in (c.source, c.cue, c.statement, c.reported_at, c.event_time, c.certainty))


def merge(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Drop duplicates: the same content span, or a content inside another
    with the same cue; the better-filled (then longer) one is kept."""
    ordered = sorted(candidates, key=lambda c: (-_richness(c), -(c.content.end - c.content.start)))
    kept: list[Candidate] = []
    for cand in ordered:
        dup = False
        for other in kept:
            same = (cand.content.start, cand.content.end) == (other.content.start, other.content.end)
            inside = (other.content.start <= cand.content.start and cand.content.end <= other.content.end) or (
                cand.content.start <= other.content.start and other.content.end <= cand.content.end
            )
            same_cue = (cand.cue.mention if cand.cue else None) == (other.cue.mention if other.cue else None)
            if same or (inside and same_cue):
                dup = True
                break
        if not dup:
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.content.start, c.content.end))
