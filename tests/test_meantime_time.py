"""find_time_expressions against the MEANTIME gold TIMEX3 (type DATE).

MEANTIME (CC BY 4.0, Wikinews texts) annotates time expressions with ISO values
and a document creation time (DCT) per article.  Events and times are annotated
only in sentences 0-5 (title, date line, first four body sentences), so only
the text of those (as ``claimkit.meantime`` rebuilds it) is compared.  A prediction matches a gold TIMEX3 when their character spans overlap.

* recall: gold DATE expressions overlapped by a prediction;
* precision: predictions overlapping a gold DATE, among predictions that do not
  overlap a gold TIMEX3 of another type (DURATION/SET/TIME: not comparable);
* value accuracy: matched pairs whose gold value is a plain ISO date, month, year,
  decade, week or quarter, and where the predicted value equals it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from claimkit.evaluate import meantime_corpus as meantime
from claimkit.normalize.time import find_time_expressions

COMPARABLE_VALUE = re.compile(r"^\d{3,4}(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q\d))?$")
# Floors: measured R=.825 P=.989 V=.947 (2026-11, printed by the test) minus ~.05.
MIN_RECALL = 0.78
MIN_PRECISION = 0.95
MIN_VALUE_ACCURACY = 0.90


@dataclass
class Scores:
    gold: int = 0
    matched: int = 0
    predicted: int = 0
    predicted_comparable: int = 0
    correct_predictions: int = 0
    value_pairs: int = 0
    value_correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted_comparable if self.predicted_comparable else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.value_pairs if self.value_pairs else 0.0


def _overlaps(a_start: int, a_end: int, b: meantime.Timex) -> bool:
    return a_start < b.end and b.start < a_end


def score_document(doc: meantime.Document, scores: Scores) -> None:
    """Add one document's counts to ``scores``: the text of the annotated sentences only."""
    text = doc.text[: doc.annotated_end]
    dates = [g for g in doc.timexes if g.type == "DATE"]
    others = [g for g in doc.timexes if g.type != "DATE"]
    predicted = find_time_expressions(text, 0, len(text), doc.published)
    for ref in predicted:
        assert text[ref.start : ref.end] == ref.text
    scores.gold += len(dates)
    scores.predicted += len(predicted)
    for ref in predicted:
        hit = next((g for g in dates if _overlaps(ref.start, ref.end, g)), None)
        if hit is not None:
            scores.predicted_comparable += 1
            scores.correct_predictions += 1
        elif not any(_overlaps(ref.start, ref.end, g) for g in others):
            scores.predicted_comparable += 1
            scores.misses.append(f"FP {doc.doc_id[:30]}: {ref.text!r} -> {ref.value}")
    for gold_date in dates:
        hit_ref = next((r for r in predicted if _overlaps(r.start, r.end, gold_date)), None)
        gold_text = text[gold_date.start : gold_date.end]
        if hit_ref is None:
            scores.misses.append(f"FN {doc.doc_id[:30]}: {gold_text!r} ({gold_date.value})")
            continue
        scores.matched += 1
        if COMPARABLE_VALUE.match(gold_date.value):
            scores.value_pairs += 1
            if hit_ref.value == gold_date.value:
                scores.value_correct += 1
            else:
                scores.misses.append(
                    f"VAL {doc.doc_id[:30]}: {hit_ref.text!r} -> {hit_ref.value} (gold {gold_date.value}, dct {doc.published})"
                )


def score_corpus(meantime_dir: Path) -> Scores:
    scores = Scores()
    for doc in meantime.documents(meantime_dir):  # apple and gm only
        score_document(doc, scores)
    return scores


@pytest.fixture(scope="module")
def meantime_scores(shared_dir: Path) -> Scores:
    meantime = shared_dir / "eval" / "meantime-en"
    if not meantime.is_dir():
        pytest.skip("MEANTIME data not present")
    return score_corpus(meantime)


def test_meantime_date_scores(meantime_scores: Scores) -> None:
    s = meantime_scores
    print(
        f"\nMEANTIME DATE (sentences 0-5): gold={s.gold} predicted={s.predicted} "
        f"recall={s.recall:.3f} precision={s.precision:.3f} "
        f"value accuracy={s.value_accuracy:.3f} ({s.value_correct}/{s.value_pairs})"
    )
    assert s.gold > 100
    assert s.recall >= MIN_RECALL
    assert s.precision >= MIN_PRECISION
    assert s.value_accuracy >= MIN_VALUE_ACCURACY


if __name__ == "__main__":  # development aid: python tests/test_meantime_time.py SHARED_DIR
    import sys

    result = score_corpus(Path(sys.argv[1]) / "eval" / "meantime-en")
    print("\n".join(result.misses))
    print(
        f"gold={result.gold} pred={result.predicted} R={result.recall:.3f} "
        f"P={result.precision:.3f} V={result.value_accuracy:.3f} ({result.value_correct}/{result.value_pairs})"
    )
