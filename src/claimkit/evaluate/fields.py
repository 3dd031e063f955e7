"""Score every field of attributed records against a hand-made gold set.

The gold set is a directory of articles (``NAME.txt``) and ``gold.jsonl``, one
claim per line (``tests/data/gold22/README.md`` describes the fields and the
conventions).  Records are matched to gold claims article by article, one to
one, when their contents overlap (the shared characters are at least half of
each span, after trimming quotes, punctuation and a leading "that", as
``claimkit eval`` does for PolNeAR).  For each matched pair every field is
judged:

* ``source``: the record's name, lower-cased without a leading "the", a
  possessive "'s" and punctuation, equals an accepted gold name, or ends with
  one (a title before it: "Finance Minister Helena Varga"), or, for a person,
  is the gold name's last word (the surname the article goes on with);
* ``kind``, ``mode``, ``level``, ``polarity``: equal;
* ``cue``: the gold cue word is inside the record's cue mention;
* ``reported_at``: equal values (null equals null);
* ``times``: the same values (as a multiset) as the gold ``times``;
* ``statement`` (only where the gold has one): the same words once case and
  punctuation are ignored, starting with a capital and ending with a period
  (or a closing quotation mark after one);
* ``fully``: every field above right.

Ratios are over the gold claims (``found``) or over the matched claims (every
other field; ``statement`` over matched claims that need one).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.evaluate.polnear import is_overlap, trim_span

__all__ = ["FIELDS", "FieldReport", "evaluate_fields"]

FIELDS = ("source", "kind", "mode", "cue", "level", "polarity", "reported_at", "times", "statement", "fully")
_PUNCT = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")


@dataclass
class _Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: Counter[str] = field(default_factory=Counter)
    judged: Counter[str] = field(default_factory=Counter)

    def ratios(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "found": round(self.found / self.gold, 3) if self.gold else 0.0,
        }
        for name in FIELDS:
            n = self.judged[name]
            out[name] = round(self.right[name] / n, 3) if n else 0.0
        out["fully_of_gold"] = round(self.right["fully"] / self.gold, 3) if self.gold else 0.0
        return out


@dataclass
class FieldReport:
    """Per split (as the gold names them: "tune", "heldout", ...; then "all"): counts and ratios; plus the misses."""

    tallies: dict[str, _Tally]
    misses: list[str]

    def to_dict(self) -> dict[str, dict[str, float | int]]:
        return {split: tally.ratios() for split, tally in self.tallies.items()}

    def format_table(self) -> str:
        cols = ["gold", "found", *FIELDS, "fully_of_gold"]
        rows = self.to_dict()
        lines = ["split    " + " ".join(f"{c:>13}" for c in cols)]
        for split, r in rows.items():
            lines.append(f"{split:<8} " + " ".join(f"{r[c]:>13}" for c in cols))
        return "\n".join(lines)


def _norm_name(name: str) -> str:
    name = _POSSESSIVE.sub("", name.lower())
    name = " ".join(_PUNCT.sub(" ", name).split())
    return name[4:] if name.startswith("the ") else name


def _source_right(got: dict[str, Any] | None, names: list[str], kind: str) -> bool:
    if got is None:
        return False
    pred = _norm_name(got.get("name", ""))
    for gold in map(_norm_name, names):
        if pred == gold or pred.endswith(" " + gold):
            return True
        if kind == "person" and " " not in pred and gold.split()[-1] == pred:
            return True
    return False


def _words(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def _statement_right(got: str | None, want: str) -> bool:
    if not got:
        return False
    shaped = got[:1].isupper() and bool(re.search(r"[.!?][\"'\u201d\u2019]?$", got.rstrip()))
    return shaped and _words(got) == _words(want)


def _judge(gold: dict[str, Any], rec: dict[str, Any]) -> dict[str, bool]:
    cue = rec.get("cue") or {}
    cue_text = (cue.get("mention") or {}).get("text", "").lower()
    source = rec.get("source")
    reported = (rec.get("reported_at") or {}).get("value")
    times = Counter(t.get("value") for t in rec.get("times") or [])
    verdict = {
        "source": _source_right(source, gold["source"], gold["kind"]),
        "kind": source is not None and source.get("kind") == gold["kind"],
        "mode": rec.get("mode") == gold["mode"],
        "cue": gold["cue"].lower() in cue_text,
        "level": rec["certainty"]["level"] == gold["level"],
        "polarity": rec["certainty"]["polarity"] == gold["polarity"],
        "reported_at": reported == gold["reported_at"],
        "times": times == Counter(gold["times"]),
    }
    if gold.get("statement"):
        verdict["statement"] = _statement_right(rec.get("statement"), gold["statement"])
    verdict["fully"] = all(verdict.values())
    return verdict


def _match(text: str, golds: list[dict[str, Any]], recs: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Pair each gold claim with the overlapping record sharing the most characters (one to one)."""
    spans = []
    for g in golds:
        start = text.index(g["content"])
        spans.append(trim_span(text, [(start, start + len(g["content"]))]))
    rec_spans = [trim_span(text, [(r["content"]["start"], r["content"]["end"])]) for r in recs]
    pairs = []
    for i, gs in enumerate(spans):
        for j, rs in enumerate(rec_spans):
            if is_overlap(gs, rs):
                shared = sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for a in gs for b in rs)
                pairs.append((shared, i, j))
    taken_g: dict[int, int] = {}
    taken_r: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in taken_g and j not in taken_r:
            taken_g[i] = j
            taken_r.add(j)
    return [(g, recs[taken_g[i]] if i in taken_g else None) for i, g in enumerate(golds)]


def evaluate_fields(gold_dir: Path, pred_path: Path) -> FieldReport:
    """Score the attributed records of ``pred_path`` against ``gold_dir/gold.jsonl``."""
    golds = [json.loads(line) for line in (gold_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    preds: dict[str, list[dict[str, Any]]] = {}
    for lineno, line in enumerate(pred_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{pred_path}:{lineno}: not JSON ({exc.msg})") from None
        if rec.get("mode") != "unattributed":
            preds.setdefault(rec.get("doc_id", ""), []).append(rec)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in golds:
        by_doc.setdefault(g["doc"], []).append(g)
    if not set(by_doc) & set(preds):
        raise ValueError(f"{pred_path}: no attributed record is for an article of {gold_dir}")
    tallies: dict[str, _Tally] = {}
    total = _Tally()
    misses: list[str] = []
    for doc, doc_golds in by_doc.items():
        text = (gold_dir / f"{doc}.txt").read_text(encoding="utf-8")
        recs = preds.get(doc, [])
        split = doc_golds[0].get("split", "tune")
        tallies.setdefault(split, _Tally())
        for t in (tallies[split], total):
            t.predicted += len(recs)
        for gold, rec in _match(text, doc_golds, recs):
            for t in (tallies[split], total):
                t.gold += 1
            if rec is None:
                misses.append(f"{doc}: NOT FOUND {gold['content']!r}")
                continue
            verdict = _judge(gold, rec)
            for t in (tallies[split], total):
                t.found += 1
                for name, ok in verdict.items():
                    t.judged[name] += 1
                    t.right[name] += ok
            wrong = [n for n, ok in verdict.items() if not ok and n != "fully"]
            if wrong:
                misses.append(f"{doc}: {gold['content'][:50]!r} wrong {', '.join(wrong)}: " + _describe(rec, wrong))
    return FieldReport({**tallies, "all": total}, misses)


def _describe(rec: dict[str, Any], wrong: list[str]) -> str:
    source = rec.get("source") or {}
    shown = {
        "source": source.get("name"),
        "kind": source.get("kind"),
        "mode": rec.get("mode"),
        "cue": (rec.get("cue") or {}).get("mention", {}).get("text"),
        "level": rec["certainty"]["level"],
        "polarity": rec["certainty"]["polarity"],
        "reported_at": (rec.get("reported_at") or {}).get("value"),
        "times": [t.get("value") for t in rec.get("times") or []],
        "statement": rec.get("statement"),
    }
    return "; ".join(f"{n}={shown[n]!r}" for n in wrong)
