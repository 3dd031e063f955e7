"""Reading fact-check collections and claims for ``claimkit match`` (claimkit.match.collection, queries).

The ClaimReview objects are written here, in the shapes fact-checkers publish:
one object, an array, JSON Lines, a DataFeed of DataFeedItems, an @graph, an
ItemList.  No model is needed.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from extras import require_module

require_module("scipy", "match")

from claimkit.errors import InputError
from claimkit.match import read_collection, read_queries
from claimkit.match.collection import read_file


def review(n: int, **extra: Any) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/review/{n}",
        "claimReviewed": f"The harbour bridge number {n} will close for a year.",
        "name": f"Will bridge {n} close?",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "datePublished": f"2024-03-{n:02d}",
        "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly false"},
    }
    node.update(extra)
    return node


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_claimreview_gives_every_field(tmp_path: Path) -> None:
    (check,) = read_file(write(tmp_path, "one.json", json.dumps(review(1), indent=2)))
    assert check.id == check.url == "https://checks.example.org/review/1"
    assert check.claim == "The harbour bridge number 1 will close for a year."
    assert check.title == "Will bridge 1 close?"
    assert check.rating == "Mostly false (2/5)" and check.rating_value == 2.0
    assert check.checked_by == "Example Checks" and check.date == "2024-03-01"


@pytest.mark.parametrize("shape", ["array", "jsonl", "datafeed", "datafeed-item-list", "graph", "itemlist", "gzip"])
def test_every_published_shape_reads_the_same_three_reviews(tmp_path: Path, shape: str) -> None:
    nodes = [review(n) for n in (1, 2, 3)]
    items = [{"@type": "DataFeedItem", "dateCreated": "2024-03-04", "item": n} for n in nodes]
    docs = {
        "array": json.dumps(nodes, indent=1),
        "jsonl": "\n".join(json.dumps(n) for n in nodes) + "\n",
        "datafeed": json.dumps({"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": items}),
        "datafeed-item-list": json.dumps({"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": nodes}]}),
        "graph": json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Example Checks"}, *nodes]}),
        "itemlist": json.dumps({"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": i, "item": n} for i, n in enumerate(nodes, 1)]}),
    }
    if shape == "gzip":
        path = tmp_path / "feed.json.gz"
        path.write_bytes(gzip.compress(docs["datafeed"].encode()))
    else:
        path = write(tmp_path, f"feed.{shape}.json", docs[shape])
    checks = read_file(path)
    assert [c.id for c in checks] == [f"https://checks.example.org/review/{n}" for n in (1, 2, 3)]
    assert all(c.rating == "Mostly false (2/5)" for c in checks)


def test_type_forms_and_missing_optional_fields(tmp_path: Path) -> None:
    bare = {"@type": ["schema:ClaimReview"], "@id": "https://checks.example.org/#r9", "claimReviewed": "Cats  can\nfly."}
    iri = review(4, **{"@type": "http://schema.org/ClaimReview", "reviewRating": {"@type": "Rating", "alternateName": "False"}})
    a, b = read_file(write(tmp_path, "f.json", json.dumps([bare, iri])))
    assert (a.id, a.claim, a.url, a.rating, a.checked_by, a.title) == ("https://checks.example.org/#r9", "Cats can fly.", None, None, None, None)
    assert b.rating == "False" and b.rating_value is None


def test_jsonl_records_need_only_id_and_claim(tmp_path: Path) -> None:
    lines = [{"id": "fc-1", "claim": "Tea cures colds.", "title": "Does tea cure colds?", "url": "https://x.example/1", "rating": "False", "date": "2021-05-01"},
             {"id": 7, "claim": "The moon landing was staged."}]
    a, b = read_file(write(tmp_path, "checks.jsonl", "\n".join(json.dumps(x) for x in lines)))
    assert (a.id, a.title, a.rating, a.date) == ("fc-1", "Does tea cure colds?", "False", "2021-05-01")
    assert (b.id, b.claim, b.title, b.url) == ("7", "The moon landing was staged.", None, None)


def test_the_same_id_twice_keeps_the_first_and_counts_it(tmp_path: Path) -> None:
    first = write(tmp_path, "a.json", json.dumps([review(1), review(2)]))
    again = write(tmp_path, "b.json", json.dumps([review(2, claimReviewed="An updated wording."), review(3)]))
    coll = read_collection([first, again])
    assert [c.id[-1] for c in coll.factchecks] == ["1", "2", "3"] and coll.repeats == 1
    assert coll.factchecks[1].claim.startswith("The harbour bridge number 2")


# ---------------------------------------------------------------- bad input: one line, file and line named
def _error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_collection([path])
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_a_claimreview_without_claimreviewed_names_its_line(tmp_path: Path) -> None:
    bad = review(2)
    del bad["claimReviewed"]
    feed = {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": review(1)}, {"@type": "DataFeedItem", "item": bad}]}
    text = json.dumps(feed, indent=2)
    item_lines = [n for n, x in enumerate(text.splitlines(), 1) if '"item": {' in x]
    line = item_lines[1]  # the second review's object opens on its "item" line
    message = _error(write(tmp_path, "feed.json", text))
    assert message == f"{tmp_path / 'feed.json'}:{line}: a ClaimReview without claimReviewed (the claim that was checked)"


def test_a_claimreview_without_claimreviewed_in_jsonl(tmp_path: Path) -> None:
    bad = review(2)
    del bad["claimReviewed"]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(x) for x in (review(1), bad, review(3))))
    assert _error(path) == f"{path}:2: a ClaimReview without claimReviewed (the claim that was checked)"


@pytest.mark.parametrize(("text", "expected"), [
    ("<html><body>Fact checks</body></html>", ":1: not JSON"),
    ('{"@type": "ClaimReview", "claimReviewed": "x",\n "url": ', ":2: not JSON"),
    ('{"name": "a JSON object that is not JSON-LD"}', ":1: neither ClaimReview JSON-LD"),
    ('{"id": "1", "claim": "fine"}\n{"id": "2", "claim": "fine"}\nnot json', ":3: not JSON"),
    ('{"id": "1", "claim": "   "}', ":1: a fact-check record without a claim"),
    ('{"@type": "DataFeed", "dataFeedElement": []}', ": no fact-check in it"),
    ("", ": empty: no fact-check in it"),
])
def test_bad_collections_are_one_line(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "checks.json", text)
    assert _error(path).startswith(f"{path}{expected}")


def test_no_file_at_all_is_an_error() -> None:
    with pytest.raises(InputError, match="no fact-check file given"):
        read_collection([])


# ---------------------------------------------------------------- the claims to match
def test_queries_from_claim_records_and_plain_lines(tmp_path: Path) -> None:
    records = Path(__file__).resolve().parents[1] / "examples" / "ferry-headlines.claims.jsonl"
    plain = write(tmp_path, "claims.jsonl", json.dumps({"id": "t1", "claim": "Tea cures colds. pic.twitter.com/abc"}) + "\n")
    queries = read_queries([records, plain])
    lines = [json.loads(x) for x in records.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert [q.id for q in queries] == [x["id"] for x in lines] + ["t1"]
    for q, rec in zip(queries, lines, strict=False):
        assert q.text == " ".join((rec["statement"] or rec["content"]["text"]).split())
        assert q.record is not None and q.record["doc_id"] == rec["doc_id"]
    assert queries[-1].record is None


@pytest.mark.parametrize(("text", "expected"), [
    ('{"id": "a", "claim": "x"}\n{"claim": "no id"}', ":2: a claim without an id"),
    ('{"id": "a"}', ":1: a claim without text"),
    ("[1, 2]", ":1: not a claim"),
    ("id,claim\n", ":1: not JSON"),
])
def test_bad_claims_are_one_line(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "claims.jsonl", text)
    with pytest.raises(InputError) as info:
        read_queries([path])
    assert str(info.value).startswith(f"{path}{expected}")


def test_no_claim_to_match(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no claim to match"):
        read_queries([write(tmp_path, "empty.jsonl", "\n\n")])
