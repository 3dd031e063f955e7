"""Score records against MEANTIME (apple + gm): certainty of the main event, and dates.

Records are those ``claimkit extract`` wrote for the texts of
``scripts/meantime_to_jsonl.py`` (``doc_id`` is the MEANTIME file stem).  Only
sentences 0-5 are annotated, so only records whose content starts there, and
gold dates there, are scored.

Certainty: for each attributed record, the content's main event is the head
of its dependency parse (spaCy, the pipeline of the offline extractor); when
that head is a verb of intention, plan, schedule or expectation, or a copula
"likely"/"able", with a clausal complement ("intends to buy", "is expected
to reach"), the complement's verb is the main event ("buy", "reach").  The
MEANTIME event mention on that word is the gold: CERTAIN should stay
``certain``; PROBABLE or POSSIBLE should get a lower level ("flagged");
UNDERSPECIFIED is left out.  Polarity: POS/NEG against the record's polarity.

Dates: the gold TIMEX3 of type DATE in sentences 0-5 other than the document
date itself whose value is a calendar value (a plain ISO date, month, year,
decade, week, weekend, quarter or season: ``COMPARABLE_VALUE``; vague ones such
as PRESENT_REF, PAST_REF or XXXX-XX-XX have no ISO value a record could carry).
``found``: some record carries a time expression overlapping it (in ``times``,
``event_time`` or ``reported_at``) with a value; ``right``: that value equals
the gold value.  ``all_dates_found`` is ``found`` over every DATE, vague ones
included.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.evaluate.meantime_corpus import ANNOTATED_SENTENCES, Document, Event, documents
from claimkit.normalize.certainty import lemma_candidates

__all__ = ["MeantimeReport", "evaluate_meantime", "is_meantime_dir"]

COMPARABLE_VALUE = re.compile(r"^\d{3,4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q\d|SP|SU|FA|WI))?$")
# Heads whose complement carries the claim's main event ("plans to close").
_PASS_THROUGH = frozenset(
    "intend plan aim schedule set expect hope want seek try likely unlikely able due poised going "
    "continue begin start seem appear".split()
)
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acomp"})


def is_meantime_dir(path: Path) -> bool:
    return (path / "intra-doc_annotation").is_dir()


@dataclass
class MeantimeReport:
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def _ratio(self, a: str, b: str) -> float:
        return round(self.counts[a] / self.counts[b], 3) if self.counts[b] else 0.0

    def to_dict(self) -> dict[str, float | int]:
        c = self.counts
        return {
            "records_scored": c["scored"],
            "hedged_main_events": c["hedged"],
            "hedged_flagged": self._ratio("hedged_flagged", "hedged"),
            "certain_main_events": c["certain"],
            "certain_kept": self._ratio("certain_kept", "certain"),
            "polarity_scored": c["polarity"],
            "polarity_accuracy": self._ratio("polarity_right", "polarity"),
            "gold_dates": c["dates_comparable"],
            "dates_found": self._ratio("dates_found", "dates_comparable"),
            "dates_value_right": self._ratio("dates_right", "dates_comparable"),
            "all_gold_dates": c["dates"],
            "all_dates_found": self._ratio("all_dates_found", "dates"),
        }

    def format_table(self) -> str:
        return "\n".join(f"{k:<22} {v}" for k, v in self.to_dict().items())


def _load(pred_path: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for lineno, line in enumerate(pred_path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{pred_path}:{lineno}: not JSON ({exc.msg})") from None
            out.setdefault(rec.get("doc_id", ""), []).append(rec)
    return out


def main_event_offset(content_doc: Any) -> int | None:
    """Character offset (in the parsed text) of the main event of a parsed content."""
    roots = [t for t in content_doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    head = roots[0]
    for _ in range(3):
        if not any(word in _PASS_THROUGH for word in lemma_candidates(head.lower_)):
            break
        comp = next((c for c in head.children if c.dep_ in _COMPLEMENT_DEPS and c.tag_[:2] in {"VB", "JJ", "MD"}), None)
        if comp is None:
            break
        head = comp
    return head.idx


def _event_at(doc: Document, offset: int) -> Event | None:
    return next((e for e in doc.events if e.start <= offset < e.end and e.sentence < ANNOTATED_SENTENCES), None)


def _score_certainty(doc: Document, recs: list[dict[str, Any]], report: MeantimeReport) -> None:
    from claimkit.extractors.rules import parse

    attributed = [r for r in recs if r["mode"] != "unattributed" and r["content"]["start"] < doc.annotated_end]
    parsed = parse.parse([r["content"]["text"] for r in attributed])
    for rec, cdoc in zip(attributed, parsed, strict=True):
        offset = main_event_offset(cdoc)
        event = _event_at(doc, rec["content"]["start"] + offset) if offset is not None else None
        if event is None:
            continue
        level, polarity = rec["certainty"]["level"], rec["certainty"]["polarity"]
        report.counts["scored"] += 1
        word = doc.text[event.start : event.end]
        if event.certainty == "CERTAIN":
            report.counts["certain"] += 1
            report.counts["certain_kept"] += level == "certain"
            if level != "certain":
                report.errors.append(f"certain->{level} [{word}] {rec['content']['text'][:120]}")
        elif event.certainty in {"PROBABLE", "POSSIBLE"}:
            report.counts["hedged"] += 1
            report.counts["hedged_flagged"] += level != "certain"
            if level == "certain":
                report.errors.append(f"{event.certainty}->certain [{word}] {rec['content']['text'][:120]}")
        if event.polarity in {"POS", "NEG"}:
            report.counts["polarity"] += 1
            ok = (polarity == "negative") == (event.polarity == "NEG")
            report.counts["polarity_right"] += ok
            if not ok:
                report.errors.append(f"polarity {event.polarity}->{polarity} [{word}] {rec['content']['text'][:120]}")


def _score_dates(doc: Document, recs: list[dict[str, Any]], report: MeantimeReport) -> None:
    carried = []
    for rec in recs:
        for t in [*(rec.get("times") or []), rec.get("event_time"), rec.get("reported_at")]:
            if t is not None and t.get("value"):
                carried.append(t)
    for gold in doc.timexes:
        if gold.type != "DATE" or gold.creation_time or gold.sentence >= ANNOTATED_SENTENCES:
            continue
        report.counts["dates"] += 1
        hits = [t for t in carried if t["start"] < gold.end and gold.start < t["end"]]
        report.counts["all_dates_found"] += bool(hits)
        comparable = bool(COMPARABLE_VALUE.match(gold.value))
        report.counts["dates_comparable"] += comparable
        report.counts["dates_found"] += comparable and bool(hits)
        right = comparable and any(t["value"] == gold.value for t in hits)
        report.counts["dates_right"] += right
        if comparable and not right:
            got = sorted({t["value"] for t in hits})
            report.errors.append(f"date {doc.text[gold.start:gold.end]!r} gold {gold.value} got {got} ({doc.published})")


def evaluate_meantime(meantime_dir: Path, pred_path: Path) -> MeantimeReport:
    """Score the records in ``pred_path`` against MEANTIME apple + gm in ``meantime_dir``."""
    preds = _load(pred_path)
    report = MeantimeReport()
    docs = list(documents(meantime_dir))
    if not any(doc.doc_id in preds for doc in docs):
        raise ValueError(f"{pred_path}: no record is for a MEANTIME apple or gm document (extract the texts of scripts/meantime_to_jsonl.py)")
    for doc in docs:
        recs = preds.get(doc.doc_id, [])
        for rec in recs:
            c = rec["content"]
            if doc.text[c["start"] : c["end"]] != c["text"]:
                raise ValueError(f"{pred_path}: records of {doc.doc_id} do not index its MEANTIME text (extract the texts of scripts/meantime_to_jsonl.py)")
        _score_certainty(doc, recs, report)
        _score_dates(doc, recs, report)
    return report
