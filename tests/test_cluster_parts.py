"""The pieces of claimkit cluster that need no model: union-find, cells, flags, members, the pairwise scorer."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from extras import require_module

require_module("scipy", "match")

from claimkit.errors import InputError
from claimkit.evaluate.clusters import evaluate_clusters, score_groups
from claimkit.match import blocking
from claimkit.match.edges import allowed, fragment
from claimkit.match.groups import Group, flags, make_group
from claimkit.match.members import Member, member_of, read_members
from claimkit.match.pairs import Tokens
from claimkit.match.unionfind import UnionFind


def test_union_find_roots_are_the_earliest_record_whatever_the_edge_order() -> None:
    uf = UnionFind(7)
    uf.add(np.array([5, 3, 1]), np.array([6, 5, 6]))
    uf.add(np.array([0]), np.array([2]))
    assert uf.roots().tolist() == [0, 1, 0, 1, 4, 1, 1]


def test_cells_find_the_close_pairs_exact_comparison_finds() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(300, 64))
    points = np.repeat(centres, 20, axis=0) + rng.normal(scale=0.25, size=(6000, 64))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    cents = blocking.centroids(points, blocking.cell_count(len(points)))
    cells = blocking.cells(blocking.assign(points, cents))
    sims = points @ points.T
    met = set()
    for c in cells:
        a, b = np.nonzero(np.triu(sims[np.ix_(c, c)] >= 0.8, 1))
        met.update(zip(c[a].tolist(), c[b].tolist(), strict=True))
    close = {(int(a), int(b)) for a, b in zip(*np.nonzero(np.triu(sims >= 0.8, 1)), strict=True)}
    assert len(close) > 1000
    assert len(met) / len(close) > 0.98
    assert sum(len(c) for c in cells) < len(points) * blocking.PROBES + 1


def _m(ident: str, doc: str, mode: str | None, source: str | None, level: str | None, date: str | None = None, text: str = "x") -> Member:
    return Member(id=ident, text=text, doc_id=doc, source=source, mode=mode, level=level, date=date)


def test_flags_each_across_documents() -> None:
    hedged = _m("a", "d1", "indirect", "Courier", "probable", "2026-03-09")
    own = _m("b", "d2", "unattributed", None, "certain", "2026-03-12")
    council = _m("c", "d3", "indirect", "City Council", "certain", "2026-03-13")
    assert flags([(0, hedged), (1, own)]) == ["attribution lost", "certainty hardened"]
    assert flags([(0, hedged), (1, council)]) == ["certainty hardened", "source changed"]
    # certain first, hedged later: nothing hardened; the same source twice: nothing changed
    assert flags([(0, council), (1, _m("d", "d4", "indirect", "city council", "possible", "2026-03-20"))]) == []
    # the dates decide over the input order
    assert flags([(0, own), (1, hedged)]) == ["attribution lost", "certainty hardened"]
    # inside one article, an inner and an outer source are no change
    assert flags([(0, hedged), (1, _m("e", "d1", "indirect", "officials", "probable", "2026-03-09"))]) == []


def test_the_placeholder_of_a_source_not_in_the_sentence_is_no_change_of_source() -> None:
    named = _m("a", "d1", "indirect", "Her supporters", "certain")
    placeholder = Member(id="b", text="x", doc_id="d2", source="unnamed source", kind="unnamed", mode="indirect", level="certain")
    assert flags([(0, named), (1, placeholder)]) == []
    officials = Member(id="c", text="x", doc_id="d3", source="officials", kind="unnamed", mode="indirect", level="certain")
    assert flags([(0, named), (1, officials)]) == ["source changed"]


def test_fragments_and_records_of_one_article_are_kept_apart() -> None:
    texts = ["The attack.", "President Pervez Musharraf.", "Benazir Bhutto was shot.", "Bhutto was shot at a rally.",
             "Bhutto was shot at the rally."]
    tokens = [Tokens.of(t) for t in texts]
    assert [fragment(t) for t in tokens] == [True, True, False, False, False]
    i, j, cos = np.array([0, 1, 2, 3, 3]), np.array([2, 2, 3, 4, 4]), np.array([0.9, 0.9, 0.7, 0.7, 0.9])
    docs = ["d1", "d2", "d3", "d3", "d3"]
    # a fragment with anything: never; one article: only nearly the same words; no document: each its own
    assert allowed(i, j, cos, tokens, docs).tolist() == [False, False, False, False, True]
    assert allowed(i, j, cos, tokens, None).tolist() == [False, False, True, True, True]


def test_plain_claims_hedge_by_their_words() -> None:
    first = Member(id="t1", text="The bridge will reportedly close in May", source="Courier", date="2026-01-01")
    later = Member(id="t2", text="The bridge closes in May", source="Gazette", date="2026-01-02")
    assert flags([(0, first), (1, later)]) == ["certainty hardened", "source changed"]


def test_a_group_keeps_an_id_once_and_names_the_first_reported() -> None:
    ms = [_m("b", "d2", "unattributed", None, "certain", None, "B"), _m("a", "d1", "indirect", "Courier", "probable", "2026-03-09", "A"),
          _m("b", "d2", "unattributed", None, "certain", None, "B")]
    vectors = np.array([[1.0, 0.0], [0.8, 0.6], [1.0, 0.0]])
    group = make_group(ms, [5, 2, 7], vectors)
    assert isinstance(group, Group)
    data = group.to_dict()
    assert data["members"] == ["a", "b"] and data["first"]["id"] == "a" and data["first"]["source"] == "Courier"
    assert data["certainty"] == ["certain", "probable"] and data["sources"] == [{"name": "Courier", "kind": None}]
    assert data["cluster_id"] == make_group(list(reversed(ms)), [7, 2, 5], vectors[::-1]).cluster_id  # type: ignore[union-attr]
    assert make_group(ms[:1] + ms[2:], [5, 7], vectors[:2]) is None


def test_members_from_records_and_plain_lines(tmp_path: Path) -> None:
    record = {"id": "r1", "doc_id": "doc", "statement": "The bridge will close.", "content": {"text": "it will close"},
              "mode": "indirect", "source": {"name": "Courier", "kind": "media"}, "reported_at": {"value": "2026-03-09T10:00"},
              "certainty": {"level": "probable", "cues": [{"text": "reportedly"}]}}
    m = member_of(record, "x:1")
    assert (m.text, m.doc_id, m.source, m.kind, m.mode, m.level, m.cues, m.date) == (
        "The bridge will close.", "doc", "Courier", "media", "indirect", "probable", ("reportedly",), "2026-03-09")
    plain = member_of({"id": 7, "claim": " The  bridge closes ", "date": "2026-03-10", "source": "Gazette"}, "x:2")
    assert (plain.id, plain.text, plain.source, plain.mode, plain.date) == ("7", "The bridge closes", "Gazette", None, "2026-03-10")
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n\n{broken\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{path}:3: not JSON"):
        list(read_members(path))
    with pytest.raises(InputError, match="without an id"):
        member_of({"claim": "no id"}, "x:9")


def test_pairwise_scores_worked_by_hand(tmp_path: Path) -> None:
    qrels = {"t1": {"A"}, "t2": {"A"}, "t3": {"A"}, "t4": {"B"}, "t5": {"C"}}
    s = score_groups([["t1", "t2", "t4"], ["t5", "x9"]], qrels)  # x9 is not in the qrels: left out
    assert (s.gold_pairs, s.found_pairs, s.right_pairs) == (3, 3, 1)
    assert (s.precision, s.recall) == pytest.approx((1 / 3, 1 / 3))
    q = tmp_path / "q"
    q.write_text("".join(f"{t} 0 {c.pop()} 1\n" for t, c in {k: set(v) for k, v in qrels.items()}.items()), encoding="utf-8")
    c = tmp_path / "c.jsonl"
    c.write_text('{"members": ["t1", "t2", "t3"]}\n', encoding="utf-8")
    assert evaluate_clusters(c, q).f1 == 1.0
    c.write_text('{"members": ["t1"]}\n{"cluster_id": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{c}:2: not a cluster line"):
        evaluate_clusters(c, q)


def test_pivot_edges_join_the_claims_of_one_fact_check_and_no_other() -> None:
    from claimkit.match.pivots import NONE, pivot_edges

    pivots = np.array([7, NONE, 3, 7, 3, NONE, 9, 7], dtype=np.int32)
    edges = pivot_edges(pivots)
    uf = UnionFind(len(pivots))
    uf.add(edges[:, 0], edges[:, 1])
    roots = uf.roots().tolist()
    assert roots[0] == roots[3] == roots[7] and roots[2] == roots[4]
    assert len({roots[0], roots[2], roots[1], roots[5], roots[6]}) == 5  # no pivot, or a pivot of its own: alone
    assert len(edges) == 3 and pivot_edges(np.full(4, NONE, dtype=np.int32)).shape == (0, 2)


def test_claims_of_two_articles_must_share_words_not_only_a_name() -> None:
    from claimkit.match import pairs
    from claimkit.match.edges import ARTICLES_OVERLAP, block_edges
    from claimkit.match.pairs import Idf, count_documents

    texts = ["Giuliana Sgrena was kidnapped near Baghdad University on February 4 while covering the elections.",
             "Giuliana Sgrena was freed from captivity in Iraq today.",
             "The Kell harbour bridge will close for three months of repairs next spring.",
             "A new bakery opened on Quay Street this week.",
             "Averly Rovers beat Kell United 3-1 at home on Saturday."]
    tokens = [Tokens.of(t) for t in texts]
    counts = np.zeros(pairs.BUCKETS, dtype=np.int64)
    idf = Idf(counts, count_documents(tokens, counts))
    vectors = np.eye(5, 8, dtype=np.float32)
    vectors[1] = 0.75 * vectors[0] + np.sqrt(1 - 0.75**2) * np.eye(1, 8, 5, dtype=np.float32)[0]  # cosine .75
    model = pairs.load()
    # as two tweets (no document) the pair model joins them: the same rare name, a close vector
    assert [x.tolist() for x in block_edges(vectors, tokens, idf, model)] == [[0], [1]]
    # as claims of two articles they share too little of their words (a story's claims share its names)
    assert ARTICLES_OVERLAP > 0.1
    assert [x.tolist() for x in block_edges(vectors, tokens, idf, model, ["a", "b", "c", "d", "e"])] == [[], []]
    # the same words in two articles still join
    same = [tokens[0], tokens[0], *tokens[2:]]
    assert [x.tolist() for x in block_edges(vectors, same, idf, model, ["a", "b", "c", "d", "e"])] == [[0], [1]]
