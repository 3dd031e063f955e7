"""The record contract: frozen pydantic models shared by every stage.

This module is the leaf of the package: it imports nothing from claimkit.
``Claim`` is the strict, grounded record that is written out; ``Candidate``
is the looser shape that extractors hand to the later stages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.2"
# Fields added in schema 1.1.  They are not required, so a 1.0 record (which
# lacks them) still validates; a reader of 1.0 ignores them.  A missing
# ``times`` reads as [], a missing ``language`` or ``byline`` as null.
ADDED_IN_1_1 = ("times", "language", "byline")
# Fields added in schema 1.2, likewise optional: a missing ``checked`` (a record's earlier fact-checks) or
# ``continues`` (the record whose account this one carries on) reads as null, and so does a missing ``entity``
# on ``source`` (the entity the source names).
ADDED_IN_1_2 = ("checked", "continues", "entity")

Mode = Literal["direct", "indirect", "mixed", "unattributed"]
SourceKind = Literal[
    "person",
    "organization",
    "government",
    "media",
    "document",
    "group",
    "unnamed",
    "author",
]
CertaintyLevel = Literal["certain", "probable", "possible", "unknown"]
Polarity = Literal["positive", "negative"]
Grounding = Literal["exact", "normalised", "fuzzy"]

# Ordered from most to least certain; used to compare and to lower levels.
CERTAINTY_ORDER: tuple[CertaintyLevel, ...] = ("certain", "probable", "possible", "unknown")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_serialization_defaults_required=True)


class Span(_Frozen):
    """A verbatim piece of the article: ``text[start:end] == span.text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TimeRef(_Frozen):
    """A time expression with its normalised ISO 8601 value (null if unresolved)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str | None = Field(
        description="ISO 8601 date (2026-02-05), partial date (2025, 2026-01), "
        "or interval (2026-01-27/2026-01-28); a live-blog entry's time is a date and time "
        "(2026-03-07T18:22Z) or, without an article date, a time (T18:22Z); null when it cannot be resolved",
    )


def _optional_fields(*names: str) -> Callable[[dict[str, object]], None]:
    """A ``json_schema_extra`` that leaves ``names`` out of ``required``."""

    def edit(schema: dict[str, object]) -> None:
        required = schema.get("required")
        if isinstance(required, list):
            schema["required"] = [name for name in required if name not in names]

    return edit


class Entity(_Frozen):
    """Who a source is, once per article: the same in every record of that source."""

    id: str = Field(description="the same in every record of this source in the article; the same text gives the same id")
    name: str = Field(description="the canonical name: the fullest proper name the article uses, without a title")
    kind: SourceKind = Field(description="decided once for the entity from all its mentions")
    mentions: list[Span] = Field(
        default_factory=list,
        description="where the article refers to the entity as a source or as a source's antecedent, in text order",
    )


class Source(_Frozen):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_serialization_defaults_required=True,
        json_schema_extra=_optional_fields(*ADDED_IN_1_2),
    )

    name: str
    kind: SourceKind
    mention: Span | None = None
    resolved_from: Span | None = Field(
        default=None,
        description="the pronoun or short mention this source was resolved from",
    )
    entity: Entity | None = Field(
        default=None,
        description="the entity of the article this source names; name and kind are the entity's (1.2)",
    )


class Cue(_Frozen):
    lemma: str
    mention: Span


class Certainty(_Frozen):
    level: CertaintyLevel
    polarity: Polarity
    cues: list[Span] = Field(default_factory=list)


class SentenceRef(_Frozen):
    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ExtractorInfo(_Frozen):
    name: str
    version: str
    model: str | None = None


class Byline(_Frozen):
    """Whose article it is, as the page or feed states it (never guessed from the text)."""

    authors: list[str] = Field(default_factory=list)
    outlet: str | None = None


class CheckedBefore(_Frozen):
    """A fact-check of the same claim, found in the fact-checks given with
    ``--against`` (``claimkit.match``): who checked it, when, the rating and where."""

    factcheck_id: str = Field(description="the fact-check's id (a ClaimReview's url)")
    url: str | None = None
    rating: str | None = Field(default=None, description="the rating as published, e.g. \"False\" or \"Mostly false (2/5)\"")
    checked_by: str | None = Field(default=None, description="the fact-checker (the ClaimReview's author or publisher)")
    date: str | None = Field(default=None, description="when the fact-check was published, as given")
    claim: str = Field(description="the claim as the fact-check states it")
    score: float = Field(ge=0, le=1, description="the matcher's score: how surely the fact-check is about this claim")


# "source is null exactly when mode is unattributed", for JSON Schema consumers.
_SOURCE_RULE = {
    "if": {"properties": {"mode": {"const": "unattributed"}}},
    "then": {"properties": {"source": {"type": "null"}}},
    "else": {"properties": {"source": {"type": "object"}}},
}


def _claim_schema_extra(schema: dict[str, object]) -> None:
    schema["allOf"] = [_SOURCE_RULE]
    required = schema.get("required")
    if isinstance(required, list):
        schema["required"] = [name for name in required if name not in ADDED_IN_1_1 + ADDED_IN_1_2]


class Claim(_Frozen):
    """One attributed (or unattributed) claim: the record claimkit writes."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_serialization_defaults_required=True,
        json_schema_extra=_claim_schema_extra,
    )

    schema_version: Literal["1.0", "1.1", "1.2"] = Field(
        default=SCHEMA_VERSION,
        description="claimkit writes 1.2; 1.0 and 1.1 records (without the fields added since) still validate",
    )
    id: str = Field(description="stable: the same article text and span give the same id")
    doc_id: str
    content: Span
    statement: str | None = None
    mode: Mode
    source: Source | None
    cue: Cue | None
    reported_at: TimeRef | None = None
    event_time: TimeRef | None = None
    times: list[TimeRef] = Field(
        default_factory=list,
        description="every date or time expression of the claim, in text order, each with its ISO 8601 value (1.1)",
    )
    certainty: Certainty
    sentence: SentenceRef
    nested_in: str | None = None
    continues: str | None = Field(
        default=None,
        description="on a sentence that carries on a source's account without a cue of its own: the id of the record that opened the account (1.2)",
    )
    grounding: Grounding = "exact"
    extractor: ExtractorInfo
    language: str | None = Field(
        default=None, description="ISO 639-1 code of the article's language, where identified (1.1)"
    )
    byline: Byline | None = Field(
        default=None,
        description="on unattributed records: the article's author(s) and outlet where the input states them (1.1)",
    )
    checked: list[CheckedBefore] | None = Field(
        default=None,
        description="fact-checks of the same claim found with --against, best first; [] when none was found, "
        "null when the claim was not looked up (1.2)",
    )

    @model_validator(mode="after")
    def _source_matches_mode(self) -> Claim:
        if (self.mode == "unattributed") != (self.source is None):
            raise ValueError("source must be null exactly when mode is 'unattributed'")
        return self


# --------------------------------------------------------------------------- #
# Internal shapes (not written out)


class Article(_Frozen):
    """One input document, text exactly as loaded (all offsets index it)."""

    doc_id: str
    text: str
    published: dt.date | None = None
    date_span: Span | None = Field(
        default=None, description="the date line or wire dateline in the text: the article's own date, never a claim's time"
    )
    title: str | None = None
    url: str | None = None
    origin: str = Field(default="", description="file path or '<stdin>', for messages")
    authors: tuple[str, ...] = Field(default=(), description="the byline's author(s), from page metadata or the feed")
    site_name: str | None = Field(default=None, description="the outlet, from page metadata or the feed")
    language: str | None = Field(default=None, description="ISO 639-1 code, where identified")


class Sentence(_Frozen):
    index: int
    start: int
    end: int
    paragraph: int


class Candidate(_Frozen):
    """What an extractor found, before normalisation and assembly.

    ``nested_in`` is the index of the outer candidate in the same list;
    ``continues`` the index of the record that opened the account a cue-less
    sentence carries on (``claimkit.accounts``); ``proposition`` is False for
    a content that is only a noun phrase ("criticised the delay", "denies
    cheating"), of which no standalone statement is made.
    Time and certainty may be left ``None``: the normalise stage fills them.
    """

    content: Span
    mode: Mode
    sentence_index: int
    source: Source | None = None
    cue: Cue | None = None
    statement: str | None = None
    nested_in: int | None = None
    continues: int | None = None
    grounding: Grounding = "exact"
    proposition: bool = True
    reported_at: TimeRef | None = None
    event_time: TimeRef | None = None
    times: list[TimeRef] | None = None
    certainty: Certainty | None = None


class Diagnostic(_Frozen):
    """Something a stage could not do, reported instead of raised."""

    code: str
    message: str
    doc_id: str | None = None
    span: Span | None = None
