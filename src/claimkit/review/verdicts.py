"""Reviewers' verdicts: read them, check them against the records, score them.

A verdict line (what the review page downloads) is
``{"id", "doc_id", "verdict", "note", "start", "end", "reviewed_at"}`` plus,
so that it can be scored without the records, the claim's ``mode`` and
``source_kind``.  ``verdict`` is one of ``correct``, ``wrong_source``,
``wrong_span``, ``not_a_claim`` (on a record, ``id`` its record id) or
``missed`` (a claim claimkit did not find: ``id`` null, ``start``/``end`` its
character offsets in the article, counted as in records).  ``verdict`` may be
null on a line that carries only a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.errors import InputError
from claimkit.review.records import json_lines

ON_RECORDS = ("correct", "wrong_source", "wrong_span", "not_a_claim")
VERDICTS = (*ON_RECORDS, "missed")
FIELDS = ("id", "doc_id", "verdict", "note", "start", "end", "reviewed_at")


def _check_line(obj: Any, where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a verdict line must be a JSON object")
    missing = [k for k in ("id", "doc_id", "verdict") if k not in obj]
    if missing:
        raise InputError(f"{where}: missing {', '.join(missing)}")
    verdict = obj["verdict"]
    if verdict is not None and verdict not in VERDICTS:
        raise InputError(f"{where}: unknown verdict {verdict!r} (expected one of {', '.join(VERDICTS)})")
    if not isinstance(obj["doc_id"], str):
        raise InputError(f"{where}: doc_id must be a string")
    if verdict == "missed":
        start, end = obj.get("start"), obj.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise InputError(f"{where}: a missed claim needs offsets 0 <= start < end")
    elif not isinstance(obj["id"], str) or not obj["id"]:
        raise InputError(f"{where}: a verdict on a record needs its record id")
    if obj.get("note") is not None and not isinstance(obj["note"], str):
        raise InputError(f"{where}: note must be a string")
    return obj


def read_verdicts(path: Path) -> list[dict[str, Any]]:
    """Every verdict of a JSONL file; a broken line raises InputError naming it."""
    return [_check_line(obj, where) for where, obj in json_lines(path)]


def check_against(verdicts: Iterable[dict[str, Any]], records: Mapping[str, dict[str, Any]], texts: Mapping[str, str], origin: str) -> None:
    """Every verdict must be about these records (by id) or, for a missed claim,
    about one of these articles (by doc_id, offsets inside its text)."""
    for v in verdicts:
        if v["verdict"] == "missed":
            text = texts.get(v["doc_id"])
            if text is None:
                raise InputError(f"{origin}: a missed claim in document {v['doc_id']!r}, which is not among the articles")
            if v["end"] > len(text):
                raise InputError(f"{origin}: a missed claim at {v['start']}-{v['end']} lies beyond the end of {v['doc_id']!r}")
            continue
        record = records.get(v["id"])
        if record is None:
            raise InputError(f"{origin}: verdict on record {v['id']!r}, which is not among these records (verdicts for other records?)")
        if record["doc_id"] != v["doc_id"]:
            raise InputError(f"{origin}: record {v['id']!r} belongs to {record['doc_id']!r}, not {v['doc_id']!r}")


@dataclass
class Tally:
    """Verdicts of one group of claims."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ON_RECORDS, 0))

    @property
    def reviewed(self) -> int:
        return sum(self.counts.values())

    @property
    def precision(self) -> float | None:
        return self.counts["correct"] / self.reviewed if self.reviewed else None

    def to_dict(self) -> dict[str, Any]:
        return {"reviewed": self.reviewed, **self.counts, "precision": self.precision}


@dataclass
class VerdictReport:
    overall: Tally
    by_kind: dict[str, Tally]
    by_mode: dict[str, Tally]
    missed: int
    missed_docs: int
    docs: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_source_kind": {k: t.to_dict() for k, t in self.by_kind.items()},
            "by_mode": {k: t.to_dict() for k, t in self.by_mode.items()},
            "missed": self.missed,
            "documents_with_missed": self.missed_docs,
            "documents_reviewed": self.docs,
        }

    def format_table(self) -> str:
        head = f"{'':<22}{'reviewed':>9}{'correct':>9}{'wrong src':>10}{'wrong span':>11}{'not claim':>10}{'precision':>11}"
        lines = [head]

        def row(name: str, t: Tally) -> str:
            p = "-" if t.precision is None else f"{t.precision:.3f}"
            c = t.counts
            return f"{name:<22}{t.reviewed:>9}{c['correct']:>9}{c['wrong_source']:>10}{c['wrong_span']:>11}{c['not_a_claim']:>10}{p:>11}"

        lines.append(row("all reviewed claims", self.overall))
        lines.append("by source kind")
        lines += [row("  " + k, t) for k, t in sorted(self.by_kind.items())]
        lines.append("by mode")
        lines += [row("  " + k, t) for k, t in sorted(self.by_mode.items())]
        lines.append(f"missed claims marked: {self.missed} (in {self.missed_docs} of {self.docs} reviewed document(s))")
        return "\n".join(lines)


def score(verdicts: Iterable[dict[str, Any]], records: Mapping[str, dict[str, Any]] | None = None) -> VerdictReport:
    """Precision (correct / reviewed) overall, by source kind and by mode.

    The mode and source kind of a claim come from its record when ``records``
    are given, else from the verdict line.  A claim reviewed twice counts once,
    with its latest verdict.
    """
    latest: dict[str, dict[str, Any]] = {}
    missed: set[tuple[str, int, int]] = set()
    docs: set[str] = set()
    for v in verdicts:
        if v["verdict"] is None:
            continue
        docs.add(v["doc_id"])
        if v["verdict"] == "missed":
            missed.add((v["doc_id"], v["start"], v["end"]))
            continue
        held = latest.get(v["id"])
        if held is None or (v.get("reviewed_at") or "") >= (held.get("reviewed_at") or ""):
            latest[v["id"]] = v
    report = VerdictReport(Tally(), {}, {}, len(missed), len({d for d, _, _ in missed}), len(docs))
    for claim_id, v in latest.items():
        record = records.get(claim_id) if records is not None else None
        if record is not None:
            mode = record["mode"]
            kind = record["source"]["kind"] if record["source"] else "(unattributed)"
        else:
            mode = v.get("mode") or "(unknown)"
            kind = v.get("source_kind") or ("(unattributed)" if mode == "unattributed" else "(unknown)")
        for tally in (report.overall, report.by_kind.setdefault(kind, Tally()), report.by_mode.setdefault(mode, Tally())):
            tally.counts[v["verdict"]] += 1
    return report
