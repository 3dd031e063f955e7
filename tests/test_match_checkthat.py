"""The matcher on real data: a slice of CheckThat! 2020 dev (../shared, read at test time).

40 dev tweets against the verified claims their qrels name plus 300 others
(every 30th claim of the 10,375): the whole pipeline (cleaning, BM25, the
shipped encoder, the trained re-ranker) must rank the right claim first for
most of them.  Only some 340 claims are encoded, so CI stays fast.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extras import require_module

require_module("scipy", "match")

from claimkit.evaluate.matches import evaluate_matches, read_qrels
from claimkit.match import Collection, Matcher, index_collection
from claimkit.match import checkthat as ct
from claimkit.match.text import clean

TWEETS = 40


@pytest.fixture(scope="module")
def checkthat(shared_dir: Path, require_shared) -> Path:  # type: ignore[no-untyped-def]
    return require_shared(shared_dir / "eval" / "checkthat2020", "CheckThat! 2020 task 2")


def test_cleaning_leaves_no_tweet_furniture(checkthat: Path) -> None:
    tweets = [t for s in ("train", "dev") for t in ct.tweets(checkthat / s / "tweets.queries.tsv")]
    assert len(tweets) == 997
    cleaned = [clean(t.text) for t in tweets]
    for furniture in (r"pic\.twitter\.com", r"https?:", r"\(@\w+\)", r"#\w", r"(?<!\w)@\w"):
        assert not [c for c in cleaned if re.search(furniture, c)], furniture
    signed = sum(1 for t in tweets if "(@" in t.text)
    assert signed > 900  # nearly every tweet carried the signature that is gone now
    assert all(c for c in cleaned)


@pytest.fixture(scope="module")
def slice_run(match_extra: None, checkthat: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    claims = ct.verified_claims(checkthat / "verified_claims.docs.tsv")
    qrels = read_qrels(checkthat / "dev" / "tweet-vclaim-pairs.qrels")
    tweets = ct.tweets(checkthat / "dev" / "tweets.queries.tsv")[:TWEETS]
    named = {c for t in tweets for c in qrels[t.id]}
    pool = [c for i, c in enumerate(claims) if c.id in named or i % 30 == 0]
    assert len(pool) >= 300
    matches = Matcher(index_collection(Collection(pool))).match(tweets, top=5)
    out = tmp_path_factory.mktemp("match") / "matches.jsonl"
    out.write_text("".join(json.dumps(m.to_dict()) + "\n" for ms in matches for m in ms), encoding="utf-8")
    sub = out.with_name("qrels")
    sub.write_text("".join(f"{t.id} 0 {c} 1\n" for t in tweets for c in sorted(qrels[t.id])), encoding="utf-8")
    return out, sub


def test_most_tweets_find_their_fact_check_first(slice_run: tuple[Path, Path]) -> None:
    scores = evaluate_matches(*slice_run)
    assert scores.queries == TWEETS
    assert scores.map_at_1 >= 0.85, scores
    assert scores.map_at_5 >= 0.88, scores


def test_same_claim_is_mostly_right(slice_run: tuple[Path, Path]) -> None:
    scores = evaluate_matches(*slice_run)
    assert scores.same_yes >= TWEETS // 2
    assert scores.same_precision >= 0.85, scores


def test_match_lines_have_the_issue_fields_best_first(slice_run: tuple[Path, Path]) -> None:
    lines = [json.loads(x) for x in slice_run[0].read_text(encoding="utf-8").splitlines()]
    assert len(lines) == TWEETS * 5
    assert list(lines[0])[:10] == ["query_id", "factcheck_id", "rank", "score", "same_claim", "claim", "title", "url", "rating", "date"]
    for q in {x["query_id"] for x in lines}:
        mine = [x for x in lines if x["query_id"] == q]
        assert [x["rank"] for x in mine] == [1, 2, 3, 4, 5]
        assert [x["score"] for x in mine] == sorted((x["score"] for x in mine), reverse=True)
