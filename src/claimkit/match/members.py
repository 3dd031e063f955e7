"""The claims ``claimkit cluster`` groups, read one line at a time.

A line is a claim record from ``claimkit extract`` or a JSONL ``{"id",
"claim"}`` object (optional ``"date"``, ``"source"``, ``"doc_id"``), as
``claimkit match`` takes them (``queries.query_of`` checks it).  A ``Member``
keeps of it what the groups and their flags need: the text (a record's
``statement``, else its content), the document, the source (name and kind),
the mode, the certainty level and its cue words, and the date it was
reported (a record's ``reported_at`` value, else a ``published`` or ``date``
field joined to it; a plain line's ``date``).  Reading never holds a whole
file: a million claims are streamed.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from claimkit.errors import InputError
from claimkit.match.queries import query_of


@dataclass(frozen=True)
class Member:
    """One claim as the clustering sees it; ``mode`` is None when the input does not say (a plain line)."""

    id: str
    text: str
    doc_id: str | None = None
    source: str | None = None
    kind: str | None = None
    mode: str | None = None
    level: str | None = None
    cues: tuple[str, ...] = field(default=())
    date: str | None = None

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, ())}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str | bytes) -> Member:
        data = json.loads(line)
        data["cues"] = tuple(data.get("cues", ()))
        return cls(**data)


def _text(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _date(value: Any) -> str | None:
    """An ISO date or date-time, cut to its first 10 characters when it is one (intervals keep their start)."""
    text = _text(value)
    return text[:10] if text and len(text) >= 10 and text[4] == "-" and text[:4].isdigit() else text


def _from_record(ident: str, text: str, obj: dict[str, Any]) -> Member:
    source = obj.get("source") if isinstance(obj.get("source"), dict) else {}
    certainty = obj.get("certainty") if isinstance(obj.get("certainty"), dict) else {}
    reported = obj.get("reported_at") if isinstance(obj.get("reported_at"), dict) else {}
    cues = tuple(c["text"] for c in certainty.get("cues") or () if isinstance(c, dict) and isinstance(c.get("text"), str))
    return Member(
        id=ident, text=text, doc_id=_text(obj.get("doc_id")), source=_text(source.get("name")),
        kind=_text(source.get("kind")), mode=_text(obj.get("mode")), level=_text(certainty.get("level")),
        cues=cues, date=_date(reported.get("value")) or _date(obj.get("published")) or _date(obj.get("date")),
    )


def member_of(obj: Any, where: str) -> Member:
    """One JSON line as a member; a line that is no claim is one ``InputError`` naming ``where``."""
    query = query_of(obj, where)
    if query.record is not None:
        return _from_record(query.id, query.text, query.record)
    source = obj.get("source")
    name = _text(source.get("name")) if isinstance(source, dict) else _text(source)
    kind = _text(source.get("kind")) if isinstance(source, dict) else None
    return Member(id=query.id, text=query.text, doc_id=_text(obj.get("doc_id")), source=name, kind=kind,
                  date=_date(obj.get("date")))


def _lines(path: Path) -> Iterator[bytes]:
    try:
        with (gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")) as fh:
            yield from fh
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None


def read_members(path: Path) -> Iterator[Member]:
    """The claims of one JSONL file (``.gz`` too), in order."""
    for n, raw in enumerate(_lines(path), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError:
            raise InputError(f"{path}:{n}: not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc.msg}); claims are JSON Lines") from None
        yield member_of(obj, f"{path}:{n}")


def check_inputs(paths: Sequence[Path]) -> None:
    """Every input is a readable file: one line naming the first that is not."""
    if not paths:
        raise InputError("no claims given")
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
