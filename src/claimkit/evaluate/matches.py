"""Score fact-check matches against TREC qrels (``claimkit eval --matches M --qrels Q``).

The qrels are ``query_id 0 factcheck_id relevance`` lines (relevance > 0
counts as relevant; CheckThat! 2020's format).  The matches are the JSON
lines ``claimkit match`` writes (``query_id``, ``factcheck_id``, ``rank``,
``same_claim``...).  The measures are CheckThat!'s: MAP@k is the mean over
the queries of the qrels of the average precision of the first k matches,
divided by the number of relevant fact-checks (trec_eval's, as the lab's
scorer computes it); MRR is the mean reciprocal rank of the first relevant
match (0 when none is listed).  A query of the qrels with no match line
scores 0.  ``same_claim`` is scored as a yes/no decision over every listed
(query, fact-check) pair: precision is the share of "yes" pairs that are
relevant, recall the share of relevant pairs of the qrels that got a "yes".
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimkit.errors import InputError

Qrels = dict[str, set[str]]
Ranking = dict[str, list[str]]


def read_qrels(path: Path) -> Qrels:
    """query id -> the relevant fact-check ids; one-line InputError naming the line that is not a qrel."""
    out: Qrels = defaultdict(set)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read qrels ({exc.__class__.__name__})") from None
    for n, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4 or not parts[3].lstrip("-").isdigit():
            raise InputError(f"{path}:{n}: not a TREC qrels line (query_id 0 doc_id relevance)")
        if int(parts[3]) > 0:
            out[parts[0]].add(parts[2])
        else:
            out.setdefault(parts[0], set())
    if not any(out.values()):
        raise InputError(f"{path}: no relevant pair in the qrels")
    return dict(out)


@dataclass(frozen=True)
class MatchRun:
    """The matches of a run: the ranked fact-check ids per query, and the pairs said to be the same claim."""

    ranking: Ranking
    same: set[tuple[str, str]]


def read_matches(path: Path) -> MatchRun:
    """A matches JSONL file; one-line InputError naming the line that is not a match."""
    rows: dict[str, list[tuple[int, str]]] = defaultdict(list)
    same: set[tuple[str, str]] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read matches ({exc.__class__.__name__})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            q, f, rank = str(obj["query_id"]), str(obj["factcheck_id"]), int(obj["rank"])
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{n}: not a match line (query_id, factcheck_id, rank)") from None
        rows[q].append((rank, f))
        if obj.get("same_claim") is True:
            same.add((q, f))
    return MatchRun({q: [f for _, f in sorted(v)] for q, v in rows.items()}, same)


def average_precision(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:k], 1):
        if doc in relevant:
            hits += 1
            total += hits / i
    return total / len(relevant)


def reciprocal_rank(ranked: Sequence[str], relevant: set[str]) -> float:
    return next((1.0 / i for i, doc in enumerate(ranked, 1) if doc in relevant), 0.0)


def mean_ap(ranking: Mapping[str, Sequence[str]], qrels: Qrels, k: int) -> float:
    queries = [q for q, rel in qrels.items() if rel]
    return sum(average_precision(ranking.get(q, []), qrels[q], k) for q in queries) / len(queries)


@dataclass(frozen=True)
class MatchScores:
    queries: int
    map_at_1: float
    map_at_5: float
    mrr: float
    same_precision: float
    same_recall: float
    same_yes: int

    def lines(self) -> list[str]:
        return [
            f"queries {self.queries}",
            f"MAP@1 {self.map_at_1:.3f}  MAP@5 {self.map_at_5:.3f}  MRR {self.mrr:.3f}",
            f"same_claim: {self.same_yes} yes, precision {self.same_precision:.3f}, recall {self.same_recall:.3f}",
        ]


def score(ranking: Mapping[str, Sequence[str]], same: Iterable[tuple[str, str]], qrels: Qrels) -> MatchScores:
    queries = [q for q, rel in qrels.items() if rel]
    said = {pair for pair in same if pair[0] in qrels}
    right = sum(1 for q, f in said if f in qrels[q])
    relevant = sum(len(qrels[q]) for q in queries)
    return MatchScores(
        queries=len(queries),
        map_at_1=mean_ap(ranking, qrels, 1),
        map_at_5=mean_ap(ranking, qrels, 5),
        mrr=sum(reciprocal_rank(ranking.get(q, []), qrels[q]) for q in queries) / len(queries),
        same_precision=right / len(said) if said else 0.0,
        same_recall=right / relevant if relevant else 0.0,
        same_yes=len(said),
    )


def evaluate_matches(matches: Path, qrels: Path) -> MatchScores:
    """What ``claimkit eval --matches M --qrels Q`` prints (``.lines()``)."""
    run = read_matches(matches)
    return score(run.ranking, run.same, read_qrels(qrels))
