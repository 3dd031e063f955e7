"""The library face the CLI wires up: build_index, open_collection, match_files (real models, tiny data)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from extras import require_module

require_module("scipy", "match")

from claimkit.errors import InputError
from claimkit.match import Matcher, build_index, match_files, open_collection
from claimkit.match import index as ckx
from claimkit.match.records import FactCheck

# the match extra (skip without it; fail on CI): the conftest fixture
pytestmark = pytest.mark.usefixtures("match_extra")


REVIEWS = [
    ("https://checks.example.org/tea", "Drinking hot tea cures the common cold.", "Does Tea Cure Colds?", "False"),
    ("https://checks.example.org/bridge", "The city will close the harbour bridge for a whole year.", "Harbour Bridge Closure", "Mostly true"),
    ("https://checks.example.org/cash", "A new law bans cash payments above 1,000 euros.", "Cash Payment Ban", "True"),
    ("https://checks.example.org/moon", "The 1969 moon landing was filmed in a studio.", "Was the Moon Landing Staged?", "False"),
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("api")
    feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
        {"@type": "DataFeedItem", "item": {"@type": "ClaimReview", "url": u, "claimReviewed": c, "name": t,
                                           "author": {"@type": "Organization", "name": "Example Checks"},
                                           "datePublished": "2024-05-01", "reviewRating": {"@type": "Rating", "alternateName": r}}}
        for u, c, t, r in REVIEWS]}
    (d / "feed.json").write_text(json.dumps(feed), encoding="utf-8")
    claims = [{"id": "q-tea", "claim": "Doctors say a cup of hot tea will cure your cold #health https://t.co/x"},
              {"id": "q-moon", "claim": "NASA faked the moon landing in a film studio in 1969"}]
    (d / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    return {"feed": d / "feed.json", "claims": d / "claims.jsonl", "index": d / "checks.ckx"}


def test_build_index_then_match_against_it(files: dict[str, Path]) -> None:
    index = build_index([files["feed"]], files["index"])
    assert files["index"].is_file() and len(index) == 4
    results = match_files([files["claims"]], [files["index"]], top=2)
    assert [[m.rank for m in ms] for ms in results] == [[1, 2], [1, 2]]
    tea, moon = results[0][0], results[1][0]
    assert (tea.query_id, tea.factcheck_id, tea.rating, tea.checked_by) == ("q-tea", "https://checks.example.org/tea", "False", "Example Checks")
    assert moon.factcheck_id == "https://checks.example.org/moon" and moon.same_claim
    assert tea.score > results[0][1].score


def test_files_and_index_give_the_same_matches(files: dict[str, Path]) -> None:
    if not files["index"].exists():
        build_index([files["feed"]], files["index"])
    from_index = match_files([files["claims"]], [files["index"]], top=4)
    from_files = match_files([files["claims"]], [files["feed"]], top=4)
    assert [[m.factcheck_id for m in ms] for ms in from_index] == [[m.factcheck_id for m in ms] for ms in from_files]


def test_an_index_of_another_encoder_is_refused() -> None:
    other = ckx.build([FactCheck("a", "Some claim.")], lambda texts: np.ones((len(texts), 8)), "all-mpnet-base-v2")
    with pytest.raises(InputError, match="holds all-mpnet-base-v2 vectors"):
        Matcher(other)


def test_top_must_be_positive(files: dict[str, Path]) -> None:
    with pytest.raises(InputError, match="--top must be at least 1"):
        match_files([files["claims"]], [files["feed"]], top=0)


def test_against_nothing() -> None:
    with pytest.raises(InputError, match="--against needs"):
        open_collection([])
