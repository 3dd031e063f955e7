"""Score claim groups against TREC qrels (``claimkit eval --clusters C --qrels Q``).

Claims that share a relevant fact-check in the qrels make the same claim
(CheckThat! 2020: tweets checked by the same Snopes article).  The measure is
pairwise: of the pairs of claims of the qrels put in one group, the share
that share a fact-check (precision), and of the pairs that share one, the
share put in one group (recall).  Claims not in the qrels are left out of
both; a claim of the qrels in no group is a group of its own.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from claimkit.errors import InputError
from claimkit.evaluate.matches import Qrels, read_qrels

Pair = tuple[str, str]


def read_groups(path: Path) -> list[list[str]]:
    """The ``members`` of each line of a clusters JSONL file; one-line InputError naming a bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read clusters ({exc.__class__.__name__})") from None
    groups = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            members = json.loads(line)["members"]
            if not isinstance(members, list):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{n}: not a cluster line (members)") from None
        groups.append([str(m) for m in members])
    return groups


def gold_pairs(qrels: Qrels) -> set[Pair]:
    """The pairs of claims (sorted ids) that share a relevant fact-check."""
    by_check: dict[str, list[str]] = defaultdict(list)
    for claim, checks in qrels.items():
        for check in checks:
            by_check[check].append(claim)
    return {tuple(sorted(p)) for claims in by_check.values() for p in itertools.combinations(claims, 2)}  # type: ignore[misc]


def grouped_pairs(groups: Iterable[Sequence[str]], keep: set[str]) -> set[Pair]:
    """The pairs of ``keep`` put in one group."""
    out: set[Pair] = set()
    for group in groups:
        mine = sorted({m for m in group if m in keep})
        out.update(itertools.combinations(mine, 2))  # type: ignore[arg-type]
    return out


@dataclass(frozen=True)
class ClusterScores:
    claims: int
    gold_pairs: int
    found_pairs: int
    right_pairs: int
    precision: float
    recall: float
    f1: float

    def lines(self) -> list[str]:
        return [
            f"claims {self.claims}: {self.gold_pairs} pair(s) share a fact-check, {self.found_pairs} grouped, {self.right_pairs} right",
            f"pairwise precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
        ]

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


def score_groups(groups: Iterable[Sequence[str]], qrels: Qrels) -> ClusterScores:
    gold = gold_pairs(qrels)
    found = grouped_pairs(groups, set(qrels))
    right = len(gold & found)
    p = right / len(found) if found else 0.0
    r = right / len(gold) if gold else 0.0
    return ClusterScores(len(qrels), len(gold), len(found), right, p, r, 2 * p * r / (p + r) if p + r else 0.0)


def evaluate_clusters(clusters: Path, qrels: Path) -> ClusterScores:
    """What ``claimkit eval --clusters C --qrels Q`` prints (``.lines()``)."""
    return score_groups(read_groups(clusters), read_qrels(qrels))
