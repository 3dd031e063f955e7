"""Score every field of attributed records against a hand-made gold set.

The gold set is a directory of articles (``NAME.txt``) and ``gold.jsonl``, one
claim per line (``tests/data/gold22/README.md`` and
``tests/data/gold32/README.md`` describe the fields and the conventions).
Records are matched to gold claims article by article, one to one, when their
contents overlap (the shared characters are at least half of each span, after
trimming quotes, punctuation and a leading "that", as ``claimkit eval`` does
for PolNeAR).  For each matched pair every field is judged:

* ``source``: the record's name, lower-cased without a leading "the", a
  possessive "'s" and punctuation, equals an accepted gold name, or ends with
  one (a title before it: "Finance Minister Helena Varga"), or, for a person,
  is the gold name's last word (the surname the article goes on with);
* ``kind``, ``mode``, ``level``, ``polarity``: equal;
* ``cue`` (where the gold has one): the gold cue word is inside the record's
  cue mention;
* ``continues`` (gold sets that mark continued accounts): a claim that carries
  on an account must point (``continues``) at the record matched to the
  claim that opened the account; any other claim must point nowhere;
* ``reported_at``: equal values (null equals null);
* ``times``: the same values (as a multiset) as the gold ``times``;
* ``statement`` (only where the gold has one): the same words once case and
  punctuation are ignored, starting with a capital and ending with a period
  (or a closing quotation mark after one);
* ``fully``: every field above right.

Ratios are over the gold claims (``found``, the recall) or over the matched
claims (every other field; ``statement`` over matched claims that need one).
The gold lists every attributed claim of its articles, so an attributed
record that matches none counts against ``precision`` (matched records over
attributed records).  Where the gold set has ``not_claims.jsonl`` (clauses
that must not become attributions), ``not_claims`` counts those whose words
hold a record's cue (or, for "not a source", a record's source mention).
Where it has ``entities.jsonl``, ``one_kind`` is the share of gold source
entities with two or more matched records whose records all carry one kind.
``pred_one_kind`` is the same over the predicted entities (``entity_kinds``:
a record's ``source.entity``, else its source name) with two or more
attributed records.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.evaluate import entity_kinds
from claimkit.evaluate.polnear import is_overlap, trim_span

__all__ = ["FIELDS", "FieldReport", "evaluate_fields"]

FIELDS = ("source", "kind", "mode", "cue", "continues", "level", "polarity", "reported_at", "times", "statement", "fully")
_PUNCT = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")

Record = dict[str, Any]
Gold = dict[str, Any]


@dataclass
class _Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: Counter[str] = field(default_factory=Counter)
    judged: Counter[str] = field(default_factory=Counter)
    not_claims: int = 0
    not_claims_taken: int = 0
    entities: int = 0
    entities_one_kind: int = 0
    pred_entities: int = 0
    pred_entities_one_kind: int = 0

    def ratios(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "found": _ratio(self.found, self.gold),
            "precision": _ratio(self.found, self.predicted),
        }
        for name in FIELDS:
            out[name] = _ratio(self.right[name], self.judged[name])
        out["fully_of_gold"] = _ratio(self.right["fully"], self.gold)
        out["not_claims"] = self.not_claims
        out["not_claims_taken"] = self.not_claims_taken
        out["one_kind"] = _ratio(self.entities_one_kind, self.entities)
        out["pred_one_kind"] = _ratio(self.pred_entities_one_kind, self.pred_entities)
        return out


def _ratio(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


@dataclass
class FieldReport:
    """Per split (as the gold names them: "tune", "heldout", ...; then "all"): counts and ratios; plus the misses."""

    tallies: dict[str, _Tally]
    misses: list[str]

    def to_dict(self) -> dict[str, dict[str, float | int]]:
        return {split: tally.ratios() for split, tally in self.tallies.items()}

    def format_table(self) -> str:
        rows = self.to_dict()
        cols = ["gold", "found", "precision", *FIELDS, "fully_of_gold"]
        if any(t.not_claims for t in self.tallies.values()):
            cols += ["not_claims", "not_claims_taken"]
        if any(t.entities for t in self.tallies.values()):
            cols.append("one_kind")
        cols.append("pred_one_kind")
        if not any(t.judged["continues"] for t in self.tallies.values()):
            cols.remove("continues")
        width = max(len(c) for c in cols) + 1
        lines = ["split    " + " ".join(f"{c:>{width}}" for c in cols)]
        for split, r in rows.items():
            lines.append(f"{split:<8} " + " ".join(f"{r[c]:>{width}}" for c in cols))
        return "\n".join(lines)


def _norm_name(name: str) -> str:
    name = _POSSESSIVE.sub("", name.lower())
    name = " ".join(_PUNCT.sub(" ", name).split())
    return name[4:] if name.startswith("the ") else name


def _source_right(got: Record | None, names: list[str], kind: str) -> bool:
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


def _judge(gold: Gold, rec: Record, anchor_id: str | None) -> dict[str, bool]:
    """Every field of one matched pair; ``anchor_id`` is the id of the record
    matched to the claim that opened the account ``gold`` continues."""
    cue = rec.get("cue") or {}
    cue_text = (cue.get("mention") or {}).get("text", "").lower()
    source = rec.get("source")
    reported = (rec.get("reported_at") or {}).get("value")
    times = Counter(t.get("value") for t in rec.get("times") or [])
    verdict = {
        "source": _source_right(source, gold["source"], gold["kind"]),
        "kind": source is not None and source.get("kind") == gold["kind"],
        "mode": rec.get("mode") == gold["mode"],
        "level": rec["certainty"]["level"] == gold["level"],
        "polarity": rec["certainty"]["polarity"] == gold["polarity"],
        "reported_at": reported == gold["reported_at"],
        "times": times == Counter(gold["times"]),
    }
    if gold.get("cue"):
        verdict["cue"] = gold["cue"].lower() in cue_text
    if "continues" in gold:
        pointed = rec.get("continues")
        verdict["continues"] = pointed is None if gold["continues"] is None else pointed is not None and pointed == anchor_id
    if gold.get("statement"):
        verdict["statement"] = _statement_right(rec.get("statement"), gold["statement"])
    verdict["fully"] = all(verdict.values())
    return verdict


def _match(text: str, golds: list[Gold], recs: list[Record]) -> list[tuple[Gold, Record | None]]:
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


def _inside(span: Record | None, lo: int, hi: int) -> bool:
    return span is not None and lo <= span["start"] and span["end"] <= hi


def _not_claims_taken(text: str, not_claims: list[Gold], recs: list[Record]) -> list[str]:
    """The clauses of ``not_claims`` that became an attribution: a record's cue
    lies in their words (for "not a source": a record's source mention does)."""
    taken = []
    for nc in not_claims:
        lo = text.index(nc["text"])
        hi = lo + len(nc["text"])
        for rec in recs:
            cue = (rec.get("cue") or {}).get("mention")
            mention = (rec.get("source") or {}).get("mention")
            hit = _inside(mention, lo, hi) if nc["why"] == "not a source" else _inside(cue, lo, hi)
            if hit or (nc["why"] == "other" and _inside(mention, lo, hi)):
                taken.append(f"{nc['text'][:60]!r} ({nc['why']}) taken by {rec.get('id')}")
                break
    return taken


def _one_kind(pairs: list[tuple[Gold, Record | None]]) -> tuple[int, int]:
    """Gold entities with two or more matched records, and how many of them
    have records of a single kind."""
    kinds: dict[str, list[str | None]] = {}
    for gold, rec in pairs:
        if rec is not None and gold.get("entity"):
            kinds.setdefault(gold["entity"], []).append((rec.get("source") or {}).get("kind"))
    several = [k for k in kinds.values() if len(k) >= 2]
    return len(several), sum(len(set(k)) == 1 for k in several)


def _read_jsonl(path: Path) -> list[Record]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _attributed_records(pred_path: Path) -> dict[str, list[Record]]:
    preds: dict[str, list[Record]] = {}
    for lineno, line in enumerate(pred_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{pred_path}:{lineno}: not JSON ({exc.msg})") from None
        if rec.get("mode") != "unattributed":
            preds.setdefault(rec.get("doc_id", ""), []).append(rec)
    return preds


def _by_doc(rows: list[Record]) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {}
    for row in rows:
        out.setdefault(row["doc"], []).append(row)
    return out


def evaluate_fields(gold_dir: Path, pred_path: Path) -> FieldReport:
    """Score the attributed records of ``pred_path`` against ``gold_dir/gold.jsonl``."""
    golds = _by_doc(_read_jsonl(gold_dir / "gold.jsonl"))
    not_claims = _by_doc(_read_jsonl(gold_dir / "not_claims.jsonl"))
    preds = _attributed_records(pred_path)
    if not set(golds) & set(preds):
        raise ValueError(f"{pred_path}: no attributed record is for an article of {gold_dir}")
    tallies: dict[str, _Tally] = {}
    total = _Tally()
    misses: list[str] = []
    for doc, doc_golds in golds.items():
        text = (gold_dir / f"{doc}.txt").read_text(encoding="utf-8")
        split = doc_golds[0].get("split", "tune")
        both = (tallies.setdefault(split, _Tally()), total)
        misses += _score_document(doc, text, doc_golds, preds.get(doc, []), not_claims.get(doc, []), both)
    return FieldReport({**tallies, "all": total}, misses)


def _score_document(
    doc: str, text: str, golds: list[Gold], recs: list[Record], not_claims: list[Gold], tallies: tuple[_Tally, ...]
) -> list[str]:
    """Add one article's counts to ``tallies``; return its misses, one line each."""
    misses: list[str] = []
    pairs = _match(text, golds, recs)
    matched_id = {g["content"]: r.get("id") for g, r in pairs if r is not None}
    taken = _not_claims_taken(text, not_claims, recs)
    entities, one_kind = _one_kind(pairs)
    pred_entities, pred_one_kind = entity_kinds.count(recs)
    for t in tallies:
        t.predicted += len(recs)
        t.gold += len(golds)
        t.not_claims += len(not_claims)
        t.not_claims_taken += len(taken)
        t.entities += entities
        t.entities_one_kind += one_kind
        t.pred_entities += pred_entities
        t.pred_entities_one_kind += pred_one_kind
    misses += [f"{doc}: NOT A CLAIM {line}" for line in taken]
    for gold, rec in pairs:
        if rec is None:
            misses.append(f"{doc}: NOT FOUND {gold['content']!r}")
            continue
        verdict = _judge(gold, rec, matched_id.get(gold.get("continues") or ""))
        for t in tallies:
            t.found += 1
            for name, ok in verdict.items():
                t.judged[name] += 1
                t.right[name] += ok
        wrong = [n for n, ok in verdict.items() if not ok and n != "fully"]
        if wrong:
            misses.append(f"{doc}: {gold['content'][:50]!r} wrong {', '.join(wrong)}: " + _describe(rec, wrong))
    matched = {id(r) for _, r in pairs if r is not None}
    misses += [f"{doc}: EXTRA {r['content']['text'][:60]!r} ({(r.get('cue') or {}).get('lemma')})" for r in recs if id(r) not in matched]
    return misses


def _describe(rec: Record, wrong: list[str]) -> str:
    source = rec.get("source") or {}
    shown = {
        "source": source.get("name"),
        "kind": source.get("kind"),
        "mode": rec.get("mode"),
        "cue": ((rec.get("cue") or {}).get("mention") or {}).get("text"),
        "continues": rec.get("continues"),
        "level": rec["certainty"]["level"],
        "polarity": rec["certainty"]["polarity"],
        "reported_at": (rec.get("reported_at") or {}).get("value"),
        "times": [t.get("value") for t in rec.get("times") or []],
        "statement": rec.get("statement"),
    }
    return "; ".join(f"{n}={shown[n]!r}" for n in wrong)
