"""claimkit.evaluate.matches: the measures on small runs worked out by hand, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.evaluate.matches import average_precision, evaluate_matches, read_qrels, score


def test_average_precision_is_trec_evals_cut_at_k() -> None:
    assert average_precision(["a", "b", "c"], {"a"}, 5) == 1.0
    assert average_precision(["x", "a"], {"a"}, 5) == 0.5
    assert average_precision(["x", "a", "y", "b"], {"a", "b"}, 5) == pytest.approx((1 / 2 + 2 / 4) / 2)
    assert average_precision(["x", "a"], {"a"}, 1) == 0.0
    # a relevant fact-check that is never listed still counts in the denominator
    assert average_precision(["a"], {"a", "b"}, 5) == 0.5


def test_scores_of_a_run() -> None:
    qrels = {"q1": {"a"}, "q2": {"b"}, "q3": {"c"}}
    ranking = {"q1": ["a", "x"], "q2": ["x", "y", "b"]}  # q3 has no line: it scores 0
    s = score(ranking, {("q1", "a"), ("q2", "x"), ("q9", "a")}, qrels)
    assert s.queries == 3
    assert s.map_at_1 == pytest.approx(1 / 3)
    assert s.map_at_5 == pytest.approx((1 + 1 / 3) / 3)
    assert s.mrr == pytest.approx((1 + 1 / 3) / 3)
    assert (s.same_yes, s.same_precision, s.same_recall) == (2, 0.5, pytest.approx(1 / 3))


def test_files_round_trip(tmp_path: Path) -> None:
    qrels = tmp_path / "q.qrels"
    qrels.write_text("t1 0 7 1\nt2 0 9 1\nt2 0 3 0\n", encoding="utf-8")
    lines = [{"query_id": "t1", "factcheck_id": "7", "rank": 1, "same_claim": True},
             {"query_id": "t2", "factcheck_id": "3", "rank": 1, "same_claim": False},
             {"query_id": "t2", "factcheck_id": "9", "rank": 2, "same_claim": True}]
    matches = tmp_path / "m.jsonl"
    matches.write_text("".join(json.dumps(x) + "\n" for x in reversed(lines)), encoding="utf-8")  # order by rank, not by line
    s = evaluate_matches(matches, qrels)
    assert (s.map_at_1, s.map_at_5, s.same_precision, s.same_recall) == (0.5, 0.75, 1.0, 1.0)
    assert s.lines()[1] == "MAP@1 0.500  MAP@5 0.750  MRR 0.750"


@pytest.mark.parametrize(("text", "message"), [("t1 0 7\n", ":1: not a TREC qrels line"), ("t1 0 7 0\n", ": no relevant pair")])
def test_bad_qrels(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "q"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=f"^{path}{message}"):
        read_qrels(path)


def test_bad_matches(tmp_path: Path) -> None:
    qrels = tmp_path / "q"
    qrels.write_text("t1 0 7 1\n", encoding="utf-8")
    matches = tmp_path / "m.jsonl"
    matches.write_text('{"query_id": "t1", "factcheck_id": "7", "rank": 1}\n{"query_id": "t1"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=f"^{matches}:2: not a match line"):
        evaluate_matches(matches, qrels)
