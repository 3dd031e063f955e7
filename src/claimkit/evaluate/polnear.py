"""Score claimkit JSONL output against PolNeAR-style brat gold annotations.

Gold
    A PolNeAR split directory (``<split>/text/<article>.txt`` and
    ``<split>/attributions/<article>_<annotator>.ann``).  Several articles
    were annotated by more than one annotator; exactly ONE annotation file is
    used per article: the first ``.ann`` file of that article in sorted
    file-name order.  Every article with an ``.ann`` file is a gold document,
    even when it has no attribution.

Predictions
    claimkit JSONL records.  Records whose ``mode`` is ``"unattributed"`` are
    skipped.  The predicted source span is ``source.mention`` (no span when the
    source or its mention is null), the cue span is ``cue.mention`` and the
    content span is ``content``.  A continued account (a record whose
    ``continues`` names another record of its document) is folded into the
    record it continues, as a further part of that record's content: PolNeAR
    marks such an account as one attribution whose content runs over several
    sentences.  Records for documents that are not in the gold set are
    ignored (and counted).

Span comparison
    Each span is first trimmed against the article text: white space, straight
    and curly quotation marks and edge punctuation are removed from both ends,
    and a leading ``that `` (any case) from the start, repeatedly until nothing
    changes.  Discontinuous spans are trimmed part by part (the leading
    ``that`` only on the first part by position) and then compared as the set
    of characters they cover.  Spans that are empty after trimming are ignored
    for that role.

    * EXACT: the two trimmed character sets are identical.
    * OVERLAP: the shared characters are at least half of EACH span
      (``|A & B| >= 0.5 |A|`` and ``|A & B| >= 0.5 |B|``).

    Matching is one-to-one per document and per role, by maximum-cardinality
    bipartite matching (augmenting paths), so a gold span is matched at most
    once and a predicted span at most once.

    Role scores (source, cue, content) count DISTINCT spans: within one
    document, identical trimmed spans of a role are counted once on each
    side, so several records that share one source mention are not punished
    for repeating it.

    The PAIR score works on attributions, not distinct spans: a gold
    attribution with a source is found when one predicted record overlaps
    both its source and its content (one-to-one matching again).  Its
    precision is over predicted records that have a (non-empty) source span;
    its recall over gold attributions that have a (non-empty) source span.

Conventions: precision, recall and F1 are 0.0 when their denominator is 0.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from claimkit.errors import InputError
from claimkit.evaluate import entity_kinds

Part = tuple[int, int]
Parts = tuple[Part, ...]
Role = Literal["source", "cue", "content"]
Criterion = Literal["exact", "overlap"]

ROLES: tuple[Role, ...] = ("source", "cue", "content")
CRITERIA: tuple[Criterion, ...] = ("exact", "overlap")

# brat role names (digits stripped, so "Content2" counts as "Content").
_BRAT_ROLES: dict[str, Role] = {"Source": "source", "Cue": "cue", "Content": "content"}

_QUOTES = "\"'\u201c\u201d\u2018\u2019\u201e\u201a\u201f\u201b\u00ab\u00bb\u2039\u203a`\u00b4\u2032\u2033"
_PUNCT = ".,;:!?\u2026\u2014\u2013\u2012\u2015\u2010\u2011-()[]{}"
_EDGE_CHARS = frozenset(_QUOTES + _PUNCT)
_LEADING_WORD = "that"


# --------------------------------------------------------------------------- #
# Data


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution event of one annotator.

    ``source``, ``cue`` and ``content`` are the raw (untrimmed) character
    parts ``(start, end)`` into ``text``, sorted by start; several parts mean
    a discontinuous span, and a ``Content2`` role is merged into ``content``.
    An empty tuple means the role is absent (e.g. ``Attribution-no-source``).
    ``text`` is the whole article text the offsets index.
    """

    doc_id: str
    event_id: str
    annotator: str
    source: Parts
    cue: Parts
    content: Parts
    text: str = field(repr=False, compare=False)

    def parts(self, role: Role) -> Parts:
        """The raw parts of ``role``."""
        return {"source": self.source, "cue": self.cue, "content": self.content}[role]

    def span_text(self, role: Role) -> str:
        """The article text of ``role``, parts joined by a single space."""
        return " ".join(self.text[s:e] for s, e in self.parts(role))


@dataclass(frozen=True)
class PredictedAttribution:
    """The spans of one attributed claimkit record (raw, untrimmed parts).

    ``claimed`` keeps each span with the text the record gave for it, so the
    evaluator can count spans whose text does not match the article.
    """

    doc_id: str
    record_id: str
    line: int
    source: Parts
    cue: Parts
    content: Parts
    claimed: tuple[tuple[Part, str], ...] = field(default=(), repr=False, compare=False)
    continues: str | None = field(default=None, compare=False)

    def parts(self, role: Role) -> Parts:
        """The raw parts of ``role``."""
        return {"source": self.source, "cue": self.cue, "content": self.content}[role]


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class EvalReport:
    """Scores of one evaluation run, plus the document and record counts."""

    scores: Mapping[tuple[Role, Criterion], Score]
    pair: Score
    gold_docs: int
    gold_attributions: int
    predicted_records: int
    docs_without_predictions: tuple[str, ...] = ()
    ignored_pred_docs: tuple[str, ...] = ()
    misaligned_pred_spans: int = 0
    # predicted entities with two or more records, and of them those of one kind (``entity_kinds``)
    entity_kinds: tuple[int, int] | None = None

    @property
    def gold_docs_without_predictions(self) -> int:
        """How many gold documents had no (attributed) prediction at all."""
        return len(self.docs_without_predictions)

    def score(self, role: Role, criterion: Criterion) -> Score:
        """The score of one role under one criterion."""
        return self.scores[(role, criterion)]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: counts, then ``scores[role][criterion]`` and ``pair``."""
        return {
            "gold_docs": self.gold_docs,
            "gold_docs_without_predictions": self.gold_docs_without_predictions,
            "docs_without_predictions": list(self.docs_without_predictions),
            "ignored_pred_docs": list(self.ignored_pred_docs),
            "gold_attributions": self.gold_attributions,
            "predicted_records": self.predicted_records,
            "misaligned_pred_spans": self.misaligned_pred_spans,
            "scores": {role: {crit: self.score(role, crit).to_dict() for crit in CRITERIA} for role in ROLES},
            "pair": self.pair.to_dict(),
            **({"entity_kinds": _kinds_dict(self.entity_kinds)} if self.entity_kinds is not None else {}),
        }

    def format_table(self) -> str:
        """A plain-text table of every score, headed by the counts."""
        head = (
            f"gold docs: {self.gold_docs} ({self.gold_docs_without_predictions} without predictions), "
            f"gold attributions: {self.gold_attributions}, predicted records: {self.predicted_records}"
        )
        if self.ignored_pred_docs:
            head += f"\npredicted docs not in gold (ignored): {len(self.ignored_pred_docs)}"
        if self.misaligned_pred_spans:
            head += f"\npredicted spans whose text differs from the article: {self.misaligned_pred_spans}"
        rows: list[tuple[str, str, Score]] = [
            (role, crit, self.score(role, crit)) for role in ROLES for crit in CRITERIA
        ]
        rows.append(("source+content", "overlap", self.pair))
        header = f"{'role':<15} {'match':<8} {'tp':>6} {'fp':>6} {'fn':>6} {'P':>7} {'R':>7} {'F1':>7}"
        lines = [head, "", header, "-" * len(header)]
        for role, crit, s in rows:
            lines.append(
                f"{role:<15} {crit:<8} {s.tp:>6} {s.fp:>6} {s.fn:>6} "
                f"{s.precision:>7.3f} {s.recall:>7.3f} {s.f1:>7.3f}"
            )
        if self.entity_kinds is not None:
            several, one = self.entity_kinds
            lines += ["", f"predicted entities with 2+ records: {several}, all records of one kind: {one} ({_ratio(one, several):.3f})"]
        return "\n".join(lines)


def _kinds_dict(counts: tuple[int, int]) -> dict[str, float | int]:
    several, one = counts
    return {"entities": several, "one_kind": one, "ratio": round(_ratio(one, several), 3)}


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


# --------------------------------------------------------------------------- #
# Trimming and span arithmetic


def _is_edge(char: str) -> bool:
    return char.isspace() or char in _EDGE_CHARS


def _starts_with_that(text: str, start: int, end: int) -> bool:
    n = len(_LEADING_WORD)
    return end - start > n and text[start : start + n].lower() == _LEADING_WORD and text[start + n].isspace()


def trim_part(text: str, start: int, end: int, *, strip_that: bool = True) -> Part:
    """Trim one ``[start, end)`` part of ``text``; the result may be empty.

    Removes white space, quotation marks and edge punctuation from both ends
    and (if ``strip_that``) a leading ``that`` followed by white space,
    repeating until nothing changes.  Offsets are clipped to the text.
    """
    start, end = max(0, start), min(len(text), end)
    while True:
        before = (start, end)
        while start < end and _is_edge(text[start]):
            start += 1
        while end > start and _is_edge(text[end - 1]):
            end -= 1
        if strip_that and _starts_with_that(text, start, end):
            start += len(_LEADING_WORD) + 1
        if (start, end) == before:
            return (start, end) if start < end else (start, start)


def merge_parts(parts: Iterable[Part]) -> Parts:
    """Sort parts, drop empty ones and merge overlapping or touching ones."""
    merged: list[list[int]] = []
    for start, end in sorted(p for p in parts if p[1] > p[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def trim_span(text: str, parts: Iterable[Part]) -> Parts:
    """Trim every part (leading ``that`` on the first non-empty one), then merge.

    Returns the canonical character set of the span as sorted, disjoint
    parts; an empty tuple when nothing is left.
    """
    trimmed: list[Part] = []
    for start, end in sorted(parts):
        part = trim_part(text, start, end, strip_that=not trimmed)
        if part[1] > part[0]:
            trimmed.append(part)
    return merge_parts(trimmed)


def span_size(parts: Parts) -> int:
    """Number of characters covered by merged parts."""
    return sum(e - s for s, e in parts)


def shared_size(a: Parts, b: Parts) -> int:
    """Number of characters covered by both merged, sorted part tuples."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def is_exact(a: Parts, b: Parts) -> bool:
    """EXACT criterion on trimmed spans (empty spans never match)."""
    return bool(a) and a == b


def is_overlap(a: Parts, b: Parts) -> bool:
    """OVERLAP criterion: the shared characters are >= half of each span."""
    if not a or not b:
        return False
    shared = shared_size(a, b)
    return 2 * shared >= span_size(a) and 2 * shared >= span_size(b)


_CRITERION_TEST: dict[Criterion, Callable[[Parts, Parts], bool]] = {
    "exact": is_exact,
    "overlap": is_overlap,
}


# --------------------------------------------------------------------------- #
# Matching


def _candidates(
    gold: Sequence[Parts],
    pred: Sequence[Parts],
    accept: Callable[[int, int], bool],
) -> list[list[int]]:
    """For each gold item, the predicted items whose extents intersect and that ``accept``.

    Items are located by their first part; predictions are sorted by start so
    only the few that can reach a gold item are tested.
    """
    if not pred:
        return [[] for _ in gold]
    order = sorted(range(len(pred)), key=lambda j: pred[j][0][0])
    starts = [pred[j][0][0] for j in order]
    reach = max(p[-1][1] - p[0][0] for p in pred)
    adjacency: list[list[int]] = []
    for i, g in enumerate(gold):
        lo, hi = g[0][0], g[-1][1]
        first, last = bisect_left(starts, lo - reach), bisect_left(starts, hi)
        adjacency.append(
            [order[k] for k in range(first, last) if pred[order[k]][-1][1] > lo and accept(i, order[k])]
        )
    return adjacency


def _augment(root: int, adjacency: Sequence[Sequence[int]], owner: list[int | None]) -> bool:
    """Look for an augmenting path from gold item ``root`` (iterative DFS)."""
    seen: set[int] = set()
    path_gold, path_pred = [root], []
    stack: list[Iterator[int]] = [iter(adjacency[root])]
    while stack:
        for j in stack[-1]:
            if j in seen:
                continue
            seen.add(j)
            path_pred.append(j)
            holder = owner[j]
            if holder is None:
                for g, p in zip(path_gold, path_pred, strict=True):
                    owner[p] = g
                return True
            path_gold.append(holder)
            stack.append(iter(adjacency[holder]))
            break
        else:
            stack.pop()
            path_gold.pop()
            if path_pred:
                path_pred.pop()
    return False


def max_matching(adjacency: Sequence[Sequence[int]], n_pred: int) -> int:
    """Size of a maximum bipartite matching (gold item -> candidate predictions)."""
    owner: list[int | None] = [None] * n_pred
    return sum(_augment(i, adjacency, owner) for i in range(len(adjacency)) if adjacency[i])


def match_spans(gold: Sequence[Parts], pred: Sequence[Parts], criterion: Criterion) -> Score:
    """One-to-one score of trimmed, non-empty spans under ``criterion``."""
    test = _CRITERION_TEST[criterion]
    adjacency = _candidates(gold, pred, lambda i, j: test(gold[i], pred[j]))
    tp = max_matching(adjacency, len(pred))
    return Score(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def _match_pairs(gold: Sequence[tuple[Parts, Parts]], pred: Sequence[tuple[Parts, Parts]]) -> Score:
    """One-to-one score of (source, content) pairs; both must OVERLAP."""
    adjacency = _candidates(
        [g[0] for g in gold],
        [p[0] for p in pred],
        lambda i, j: is_overlap(gold[i][0], pred[j][0]) and is_overlap(gold[i][1], pred[j][1]),
    )
    tp = max_matching(adjacency, len(pred))
    return Score(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


# --------------------------------------------------------------------------- #
# Loading gold (brat standoff)


def _locate_gold(gold_dir: Path) -> tuple[Path, Path]:
    """Return ``(ann_dir, text_dir)`` for a split dir, its attributions dir or a flat dir."""
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: gold directory not found")
    if (gold_dir / "attributions").is_dir():
        return gold_dir / "attributions", gold_dir / "text"
    if (gold_dir.parent / "text").is_dir() and not any(gold_dir.glob("*.txt")):
        return gold_dir, gold_dir.parent / "text"
    return gold_dir, gold_dir


def _ann_article(ann: Path, text_dir: Path) -> tuple[str, str]:
    """Split an ``.ann`` file name into (article, annotator)."""
    if (text_dir / f"{ann.stem}.txt").is_file():
        return ann.stem, ""
    article, sep, annotator = ann.stem.rpartition("_")
    return (article, annotator) if sep else (ann.stem, "")


def _annotation_files(ann_dir: Path, text_dir: Path) -> dict[str, list[tuple[Path, str]]]:
    """Article -> its (.ann file, annotator id) pairs in sorted name order."""
    files: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for ann in sorted(ann_dir.glob("*.ann"), key=lambda p: p.name):
        article, annotator = _ann_article(ann, text_dir)
        files[article].append((ann, annotator))
    return files


def _first_annotations(ann_dir: Path, text_dir: Path) -> dict[str, tuple[Path, str]]:
    """Article -> (its first .ann file in sorted name order, annotator id)."""
    return {article: anns[0] for article, anns in _annotation_files(ann_dir, text_dir).items()}


def read_text(path: Path) -> str:
    """Read an article exactly (UTF-8, line endings kept, no BOM stripping)."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: article text not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})") from None


def _parse_offsets(field_: str, where: str) -> Parts:
    try:
        parts = [tuple(int(x) for x in chunk.split()) for chunk in field_.split(";")]
    except ValueError:
        raise InputError(f"{where}: bad offsets {field_!r}") from None
    if any(len(p) != 2 or p[0] > p[1] for p in parts):
        raise InputError(f"{where}: bad offsets {field_!r}")
    return tuple(sorted(parts))  # type: ignore[arg-type]


def _parse_ann(
    lines: Iterable[str], where: str
) -> tuple[dict[str, Parts], list[tuple[str, list[tuple[str, str]]]]]:
    """Text-bound spans by id, and events as (event id, [(brat role, T id)])."""
    spans: dict[str, Parts] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for lineno, line in enumerate(lines, start=1):
        cols = line.rstrip("\r\n").split("\t")
        if line.startswith("T") and len(cols) >= 2:
            _type, _sep, offsets = cols[1].partition(" ")
            spans[cols[0]] = _parse_offsets(offsets, f"{where}:{lineno}")
        elif line.startswith("E") and len(cols) >= 2:
            args = [arg.partition(":") for arg in cols[1].split()]
            events.append((cols[0], [(role, ref) for role, _sep, ref in args[1:]]))
    return spans, events


def _gold_events(doc_id: str, annotator: str, ann: Path, text: str) -> list[GoldAttribution]:
    """All attribution events of one .ann file."""
    spans, events = _parse_ann(ann.read_text(encoding="utf-8").splitlines(), str(ann))
    result = []
    for event_id, args in events:
        roles: dict[Role, list[Part]] = defaultdict(list)
        for brat_role, ref in args:
            role = _BRAT_ROLES.get(brat_role.rstrip("0123456789"))
            if role is None:
                continue
            if ref not in spans:
                raise InputError(f"{ann}: event {event_id} refers to unknown span {ref}")
            roles[role].extend(spans[ref])
        result.append(
            GoldAttribution(
                doc_id=doc_id,
                event_id=event_id,
                annotator=annotator,
                source=tuple(sorted(roles["source"])),
                cue=tuple(sorted(roles["cue"])),
                content=tuple(sorted(roles["content"])),
                text=text,
            )
        )
    return result


def load_gold_corpus(gold_dir: Path) -> tuple[dict[str, list[GoldAttribution]], dict[str, str]]:
    """Gold attributions and article texts by document id.

    Uses exactly one annotator per article: the first ``.ann`` file of the
    article in sorted file-name order.  Accepts a split directory (with
    ``text/`` and ``attributions/``), its ``attributions/`` directory, or a
    directory holding ``.ann`` and ``.txt`` files side by side.
    """
    ann_dir, text_dir = _locate_gold(Path(gold_dir))
    gold: dict[str, list[GoldAttribution]] = {}
    texts: dict[str, str] = {}
    for doc_id, (ann, annotator) in sorted(_first_annotations(ann_dir, text_dir).items()):
        texts[doc_id] = read_text(text_dir / f"{doc_id}.txt")
        gold[doc_id] = _gold_events(doc_id, annotator, ann, texts[doc_id])
    if not gold:
        raise InputError(f"{gold_dir}: no gold set here (no PolNeAR .ann files, no MEANTIME annotation, no gold.jsonl)")
    return gold, texts


def all_annotations(gold_dir: Path) -> tuple[dict[str, list[list[GoldAttribution]]], dict[str, str]]:
    """Every annotator's attributions, by article: ``{doc_id: [events of the
    first annotator, of the second, ...]}`` (annotators in ``.ann`` name order,
    so the first is the one ``load_gold_corpus`` uses), and the texts."""
    ann_dir, text_dir = _locate_gold(Path(gold_dir))
    files = _annotation_files(ann_dir, text_dir)
    texts = {doc_id: read_text(text_dir / f"{doc_id}.txt") for doc_id in sorted(files)}
    events = {
        doc_id: [_gold_events(doc_id, who, ann, texts[doc_id]) for ann, who in files[doc_id]]
        for doc_id in texts
    }
    return events, texts


def as_predictions(
    events: Iterable[GoldAttribution], doc_id: str | None = None
) -> list[PredictedAttribution]:
    """One annotator's events as predictions (to score annotators against each
    other); ``doc_id`` files them under another document id."""
    return [
        PredictedAttribution(doc_id or g.doc_id, g.event_id, n, g.source, g.cue, g.content)
        for n, g in enumerate(events)
    ]


def load_gold(gold_dir: Path) -> dict[str, list[GoldAttribution]]:
    """Gold attributions by document id (one annotator per article; see ``load_gold_corpus``)."""
    return load_gold_corpus(gold_dir)[0]


# --------------------------------------------------------------------------- #
# Loading predictions (claimkit JSONL)


def _span_part(obj: Any, where: str) -> tuple[Part, str]:
    """``(start, end)`` and text of a ``{text, start, end}`` object."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a span object")
    start, end, text = obj.get("start"), obj.get("end"), obj.get("text")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
        raise InputError(f"{where}: bad span offsets start={start!r} end={end!r}")
    return (start, end), text if isinstance(text, str) else ""


def _record_spans(record: dict[str, Any], where: str) -> dict[Role, tuple[Part, str] | None]:
    """The source, cue and content span of one record (None when absent)."""
    source, cue = record.get("source"), record.get("cue")
    source_mention = source.get("mention") if isinstance(source, dict) else None
    cue_mention = cue.get("mention") if isinstance(cue, dict) else None
    return {
        "source": _span_part(source_mention, f"{where}: source.mention") if source_mention else None,
        "cue": _span_part(cue_mention, f"{where}: cue.mention") if cue_mention else None,
        "content": _span_part(record.get("content"), f"{where}: content"),
    }


def _parse_record(line: str, lineno: int, where: str) -> PredictedAttribution | None:
    """One JSONL line as a prediction, or None for an unattributed record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
        raise InputError(f"{where}: a record must be an object with a string 'doc_id'")
    if record.get("mode") == "unattributed":
        return None
    spans = _record_spans(record, where)
    return PredictedAttribution(
        doc_id=record["doc_id"],
        record_id=str(record.get("id", f"line-{lineno}")),
        line=lineno,
        source=(spans["source"][0],) if spans["source"] else (),
        cue=(spans["cue"][0],) if spans["cue"] else (),
        content=(spans["content"][0],) if spans["content"] else (),
        claimed=tuple(s for s in spans.values() if s is not None),
        continues=record["continues"] if isinstance(record.get("continues"), str) else None,
    )


def fold_continued(preds: Sequence[PredictedAttribution]) -> list[PredictedAttribution]:
    """One document's predictions with every continued account (a record whose
    ``continues`` names another record of the document) folded into the record
    it continues: its content becomes a further part of that record's content,
    as PolNeAR marks one attribution whose content runs over several sentences
    (``"We are ready," she said. "The players have trained."``)."""
    by_id = {p.record_id: p for p in preds}
    extra: dict[str, list[Part]] = defaultdict(list)
    claimed: dict[str, list[tuple[Part, str]]] = defaultdict(list)
    for p in preds:
        if p.continues in by_id and p.continues != p.record_id:
            extra[p.continues] += p.content
            claimed[p.continues] += [c for c in p.claimed if c[0] in p.content]
    out = []
    for p in preds:
        if p.continues in by_id and p.continues != p.record_id:
            continue
        if p.record_id in extra:
            p = replace(p, content=tuple(sorted(set(p.content + tuple(extra[p.record_id])))), claimed=p.claimed + tuple(claimed[p.record_id]))
        out.append(p)
    return out


def load_predictions(path: Path) -> dict[str, list[PredictedAttribution]]:
    """claimkit JSONL records grouped by ``doc_id``; ``unattributed`` records skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        raise InputError(f"{path}: predictions file not found") from None
    grouped: dict[str, list[PredictedAttribution]] = defaultdict(list)
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            pred = _parse_record(line, lineno, f"{path}:{lineno}")
            if pred is not None:
                grouped[pred.doc_id].append(pred)
    return {doc: fold_continued(preds) for doc, preds in grouped.items()}


# --------------------------------------------------------------------------- #
# Scoring


def _distinct(spans: Iterable[Parts]) -> list[Parts]:
    """Non-empty spans, duplicates removed, first-seen order."""
    return list(dict.fromkeys(s for s in spans if s))


def _misaligned(preds: Iterable[PredictedAttribution], text: str) -> int:
    """Predicted spans whose claimed text is not the article text at their offsets."""
    return sum(text[s:e] != claimed for p in preds for (s, e), claimed in p.claimed)


def _score_document(
    gold: Sequence[GoldAttribution], preds: Sequence[PredictedAttribution], text: str | None
) -> tuple[dict[tuple[Role, Criterion], Score], Score]:
    """Role scores and pair score of one document."""

    def trimmed(item: GoldAttribution | PredictedAttribution, role: Role) -> Parts:
        parts = item.parts(role)
        return trim_span(text, parts) if text is not None else merge_parts(parts)

    scores: dict[tuple[Role, Criterion], Score] = {}
    for role in ROLES:
        gold_spans = _distinct(trimmed(g, role) for g in gold)
        pred_spans = _distinct(trimmed(p, role) for p in preds)
        for crit in CRITERIA:
            scores[(role, crit)] = match_spans(gold_spans, pred_spans, crit)
    gold_pairs = [(trimmed(g, "source"), trimmed(g, "content")) for g in gold]
    pred_pairs = [(trimmed(p, "source"), trimmed(p, "content")) for p in preds]
    pair = _match_pairs([g for g in gold_pairs if g[0]], [p for p in pred_pairs if p[0]])
    return scores, pair


def score_documents(
    gold: Mapping[str, Sequence[GoldAttribution]],
    predictions: Mapping[str, Sequence[PredictedAttribution]],
    texts: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score predictions against gold; only documents in ``gold`` are scored.

    ``texts`` gives the article text per document (used to trim spans); when
    a document is missing from it, the text of its first gold attribution is
    used, and a document with neither is compared untrimmed.
    """
    totals = {key: Score() for key in ((r, c) for r in ROLES for c in CRITERIA)}
    pair_total, misaligned, scored_records = Score(), 0, 0
    for doc_id, doc_gold in gold.items():
        text = (texts or {}).get(doc_id) or (doc_gold[0].text if doc_gold else None)
        preds = predictions.get(doc_id, [])
        scored_records += len(preds)
        if text is not None:
            misaligned += _misaligned(preds, text)
        doc_scores, doc_pair = _score_document(doc_gold, preds, text)
        totals = {key: totals[key] + doc_scores[key] for key in totals}
        pair_total += doc_pair
    return EvalReport(
        scores=totals,
        pair=pair_total,
        gold_docs=len(gold),
        gold_attributions=sum(len(v) for v in gold.values()),
        predicted_records=scored_records,
        docs_without_predictions=tuple(sorted(d for d in gold if not predictions.get(d))),
        ignored_pred_docs=tuple(sorted(d for d in predictions if d not in gold)),
        misaligned_pred_spans=misaligned,
    )


def evaluate(gold_dir: Path, pred_path: Path) -> EvalReport:
    """Load the gold split and the claimkit JSONL predictions, and score them."""
    gold, texts = load_gold_corpus(Path(gold_dir))
    report = score_documents(gold, load_predictions(Path(pred_path)), texts)
    return replace(report, entity_kinds=entity_kinds.count(r for r in _records(Path(pred_path)) if r.get("doc_id") in gold))


def _records(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file (lines that are not, skipped: ``load_predictions`` reported them)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            yield record
