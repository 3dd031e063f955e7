"""Tests of the PolNeAR evaluation harness (claimkit.evaluate) and its data-prep script."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from claimkit.errors import InputError
from claimkit.evaluate.polnear import (
    CRITERIA,
    ROLES,
    EvalReport,
    GoldAttribution,
    all_annotations,
    as_predictions,
    evaluate,
    is_overlap,
    load_gold,
    load_predictions,
    match_spans,
    max_matching,
    score_documents,
    trim_part,
    trim_span,
)
from claimkit.model import Claim

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "polnear_to_jsonl.py"
Part = tuple[int, int]


# --------------------------------------------------------------------------- #
# Helpers


def span(text: str, part: Part) -> dict[str, Any]:
    return {"text": text[part[0] : part[1]], "start": part[0], "end": part[1]}


def claim(
    doc_id: str,
    text: str,
    content: Part,
    source: Part | None = None,
    cue: Part | None = None,
    *,
    mode: str = "indirect",
    n: int = 0,
) -> dict[str, Any]:
    """A complete claimkit record (valid against ``Claim``) with the given spans."""
    return {
        "schema_version": "1.0",
        "id": f"{doc_id}-{n}",
        "doc_id": doc_id,
        "content": span(text, content),
        "mode": mode,
        "source": None
        if source is None
        else {"name": text[source[0] : source[1]] or "x", "kind": "person", "mention": span(text, source)},
        "cue": None if cue is None else {"lemma": "say", "mention": span(text, cue)},
        "certainty": {"level": "certain", "polarity": "positive"},
        "sentence": {"index": 0, "start": 0, "end": len(text)},
        "extractor": {"name": "gold", "version": "0"},
    }


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def hull(parts: tuple[Part, ...]) -> Part | None:
    return (parts[0][0], parts[-1][1]) if parts else None


def gold_records(gold: dict[str, list[GoldAttribution]], shift: int = 0) -> list[dict[str, Any]]:
    """The gold itself as claimkit records (content shifted by ``shift`` characters)."""
    rows = []
    for doc_id, attributions in gold.items():
        for n, a in enumerate(attributions):
            content = hull(a.content)
            if content is None:
                continue
            if shift:
                content = (min(content[0] + shift, len(a.text)), min(content[1] + shift, len(a.text)))
            rows.append(claim(doc_id, a.text, content, hull(a.source), hull(a.cue), n=n))
    return rows


def brat_doc(
    directory: Path, name: str, text: str, spans: dict[str, tuple[str, str]], events: list[str]
) -> None:
    """Write ``name.txt`` and ``name_aaaa.ann``; spans are id -> (type, substring or 'start end')."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{name}.txt").write_text(text, encoding="utf-8")
    lines = []
    for tid, (kind, where) in spans.items():
        if where[0].isdigit():
            offsets = where
            shown = " ".join(text[int(s) : int(e)] for s, e in (p.split() for p in where.split(";")))
        else:
            start = text.index(where)
            offsets, shown = f"{start} {start + len(where)}", where
        lines.append(f"{tid}\t{kind} {offsets}\t{shown}")
    lines += [f"E{i}\t{event}" for i, event in enumerate(events, start=1)]
    (directory / f"{name}_aaaa.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def at(text: str, piece: str, nth: int = 0) -> Part:
    """Offsets of the ``nth`` occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return (start, start + len(piece))


def all_scores(report: EvalReport) -> dict[str, float]:
    flat = {
        f"{r}/{c}/{m}": getattr(report.score(r, c), m)
        for r in ROLES
        for c in CRITERIA
        for m in ("precision", "recall")
    }
    flat["pair/precision"], flat["pair/recall"] = report.pair.precision, report.pair.recall
    return flat


# --------------------------------------------------------------------------- #
# Real gold: PolNeAR dev


@pytest.fixture(scope="session")
def polnear_dev(shared_dir: Path, require_shared: Callable[[Path, str], Path]) -> Path:
    return require_shared(shared_dir / "eval" / "polnear" / "dev", "PolNeAR dev split")


@pytest.fixture(scope="session")
def dev_gold(polnear_dev: Path) -> dict[str, list[GoldAttribution]]:
    return load_gold(polnear_dev)


def _contiguous_event(line: str, broken: set[str]) -> bool:
    """An E line none of whose spans is discontinuous and that has no second content part."""
    args = [arg.split(":") for arg in line.split("\t")[1].split()]
    return not any(ref in broken or role == "Content2" for role, ref in args)


@pytest.fixture(scope="session")
def contiguous_dev(polnear_dev: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of dev (outside the repo) keeping only events whose contents and spans are contiguous.

    Parsed here with a separate, minimal brat reader so the test does not rely
    on the loader it checks.
    """
    root = tmp_path_factory.mktemp("contiguous_dev")
    (root / "text").symlink_to(polnear_dev / "text")
    (root / "attributions").mkdir()
    for ann in sorted((polnear_dev / "attributions").glob("*.ann")):
        lines = ann.read_text(encoding="utf-8").splitlines()
        broken = {ln.split("\t")[0] for ln in lines if ln.startswith("T") and ";" in ln.split("\t")[1]}
        kept = [ln for ln in lines if not ln.startswith("E") or _contiguous_event(ln, broken)]
        (root / "attributions" / ann.name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    return root


def test_dev_gold_uses_one_annotator_per_article(
    polnear_dev: Path, dev_gold: dict[str, list[GoldAttribution]]
) -> None:
    # Numbers from the data README: 84 articles, 2,193 events with one annotator per article.
    assert len(dev_gold) == 84
    assert sum(len(v) for v in dev_gold.values()) == 2193
    files = sorted(p.name for p in (polnear_dev / "attributions").glob("*.ann"))
    for doc_id, attributions in dev_gold.items():
        first = next(name for name in files if name.rsplit("_", 1)[0] == doc_id)
        assert {a.annotator for a in attributions} <= {first.rsplit("_", 1)[1].removesuffix(".ann")}


def test_dev_gold_offsets_index_the_text(
    polnear_dev: Path, dev_gold: dict[str, list[GoldAttribution]]
) -> None:
    for doc_id, attributions in dev_gold.items():
        if not attributions:
            continue
        ann = polnear_dev / "attributions" / f"{doc_id}_{attributions[0].annotator}.ann"
        shown = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("T") and ";" not in cols[1]:
                start, end = map(int, cols[1].split()[1:])
                shown[(start, end)] = cols[2]
        for a in attributions:
            for role in ROLES:
                parts = a.parts(role)
                if len(parts) == 1 and parts[0] in shown:
                    assert a.text[parts[0][0] : parts[0][1]] == shown[parts[0]]


def test_gold_as_predictions_scores_perfectly(contiguous_dev: Path, tmp_path: Path) -> None:
    gold = load_gold(contiguous_dev)
    rows = gold_records(gold)
    Claim.model_validate(rows[0])  # the records follow the real contract
    report = evaluate(contiguous_dev, write_jsonl(tmp_path / "pred.jsonl", rows))
    assert all(value == 1.0 for value in all_scores(report).values()), report.format_table()
    assert report.gold_docs == 84
    assert report.docs_without_predictions == tuple(sorted(d for d, v in gold.items() if not v))
    assert report.misaligned_pred_spans == 0
    assert report.score("content", "exact").tp > 1800


def test_dropping_half_the_records_halves_recall(contiguous_dev: Path, tmp_path: Path) -> None:
    rows = gold_records(load_gold(contiguous_dev))
    report = evaluate(contiguous_dev, write_jsonl(tmp_path / "half.jsonl", rows[::2]))
    for role in ROLES:
        for crit in CRITERIA:
            assert report.score(role, crit).precision == 1.0
    assert report.pair.precision == 1.0
    assert 0.45 <= report.score("content", "exact").recall <= 0.55
    assert 0.45 <= report.pair.recall <= 0.55


def test_gold_docs_without_predictions_count_as_missed(contiguous_dev: Path, tmp_path: Path) -> None:
    gold = load_gold(contiguous_dev)
    dropped = sorted(d for d, v in gold.items() if v)[:3]
    rows = [r for r in gold_records(gold) if r["doc_id"] not in dropped]
    rows.append(claim("not-a-gold-doc", "He said so.", (3, 7), (0, 2)))
    report = evaluate(contiguous_dev, write_jsonl(tmp_path / "pred.jsonl", rows))
    no_gold = {d for d, v in gold.items() if not v}  # their only event was discontinuous
    assert report.docs_without_predictions == tuple(sorted(set(dropped) | no_gold))
    assert report.ignored_pred_docs == ("not-a-gold-doc",)
    missed = sum(len(gold[d]) for d in dropped)
    assert report.score("content", "exact").fn == missed
    assert report.score("content", "exact").fp == 0


def test_shifted_spans_keep_overlap_but_lose_exact(contiguous_dev: Path, tmp_path: Path) -> None:
    rows = gold_records(load_gold(contiguous_dev), shift=3)
    report = evaluate(contiguous_dev, write_jsonl(tmp_path / "shifted.jsonl", rows))
    assert report.score("content", "exact").recall < 0.05
    # The few misses are contents of a word or two ("it", "him"): 3 characters is half of them.
    assert report.score("content", "overlap").recall > 0.95
    assert report.score("source", "exact").recall == 1.0  # only content was shifted
    assert report.pair.recall > 0.95


def test_full_dev_discontinuous_content_is_not_exact(polnear_dev: Path, dev_gold: dict[str, list[GoldAttribution]], tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pred.jsonl", gold_records(dev_gold))
    report = evaluate(polnear_dev, path)
    assert report.score("source", "exact").recall == 1.0
    assert report.score("cue", "exact").recall == 1.0
    # Hulls of discontinuous gold contents cover the text in between: not EXACT.
    assert report.score("content", "exact").recall < 0.9
    assert report.score("content", "overlap").recall > 0.98


# --------------------------------------------------------------------------- #
# Hand-made gold: trimming, matching, pairs


def test_trim_part_rules() -> None:
    text = "  \u201cThat the plan works.\u201d  "
    s, e = trim_part(text, 0, len(text))
    assert text[s:e] == "the plan works"
    text = "'(that \u2018It is over!\u2019) \u2014"
    s, e = trim_part(text, 0, len(text))
    assert text[s:e] == "It is over"
    text = "Thatcher said"
    assert trim_part(text, 0, len(text)) == (0, len(text))
    assert trim_part(":", 0, 1)[0] == trim_part(":", 0, 1)[1]


def test_trim_span_discontinuous_parts() -> None:
    text = "\u201cThat is bad,\u201d he said. \u201cthat is worse.\u201d"
    first, second = at(text, "\u201cThat is bad,\u201d"), at(text, "\u201cthat is worse.\u201d")
    trimmed = trim_span(text, [second, first])
    # Parts are trimmed one by one, in text order; a leading "that" only goes from the first.
    assert [text[s:e] for s, e in trimmed] == ["is bad", "that is worse"]


def test_overlap_threshold_is_half_of_each_span() -> None:
    assert is_overlap(((0, 10),), ((5, 15),))
    assert not is_overlap(((0, 10),), ((6, 16),))
    assert is_overlap(((0, 10),), ((0, 20),))
    assert not is_overlap(((0, 10),), ((0, 21),))
    assert not is_overlap((), ((0, 1),))


def test_matching_is_maximum_one_to_one() -> None:
    # Greedy by overlap size would pair P1 with G1 and leave G2 unmatched.
    gold = [((0, 10),), ((10, 20),)]
    pred = [((0, 20),), ((0, 8),)]
    assert match_spans(gold, pred, "overlap").tp == 2
    # Two predictions for one gold span: one is a false positive.
    score = match_spans([((0, 10),)], [((0, 10),), ((1, 10),)], "overlap")
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_max_matching_agrees_with_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(300):
        n_gold, n_pred = rng.randint(0, 5), rng.randint(0, 5)
        adjacency = [[j for j in range(n_pred) if rng.random() < 0.4] for _ in range(n_gold)]
        best = max(
            (
                sum(1 for i, j in enumerate(assignment) if j is not None and j in adjacency[i])
                for assignment in itertools.permutations([*range(n_pred), *[None] * n_gold], n_gold)
            ),
            default=0,
        )
        assert max_matching(adjacency, n_pred) == best


TEXT = (
    "\u201cWe will win the state,\u201d Senator Smith said on Monday. "
    "Officials noted that turnout was high. "
    "Mr. Jones, the mayor, argued \u2014 taxes must fall."
)


@pytest.fixture
def hand_gold(tmp_path: Path) -> Path:
    brat_doc(
        tmp_path / "gold",
        "doc1",
        TEXT,
        {
            "T1": ("Content", "\u201cWe will win the state,\u201d"),
            "T2": ("Source", "Senator Smith"),
            "T3": ("Cue", "said"),
            "T4": ("Attribution", "said"),
            "T5": ("Source", "Officials"),
            "T6": ("Cue", "noted"),
            "T7": ("Content", "that turnout was high."),
            "T8": ("Attribution", "noted"),
            "T9": ("Source", "Mr. Jones, the mayor,"),
            "T10": ("Cue", "argued \u2014"),
            "T11": ("Content", "taxes must fall."),
            "T12": ("Attribution", "argued \u2014"),
        },
        [
            "Attribution:T4 Content:T1 Cue:T3 Source:T2",
            "Attribution:T8 Content:T7 Cue:T6 Source:T5",
            "Attribution:T12 Content:T11 Cue:T10 Source:T9",
        ],
    )
    return tmp_path / "gold"


def test_trimming_makes_unquoted_unpunctuated_spans_exact(hand_gold: Path, tmp_path: Path) -> None:
    rows = [
        claim("doc1", TEXT, at(TEXT, "We will win the state"), at(TEXT, "Senator Smith"), at(TEXT, "said")),
        claim("doc1", TEXT, at(TEXT, "turnout was high"), at(TEXT, "Officials"), at(TEXT, "noted"), n=1),
        claim(
            "doc1",
            TEXT,
            at(TEXT, "\u2014 taxes must fall"),
            at(TEXT, "Mr. Jones, the mayor"),
            at(TEXT, "argued"),
            n=2,
        ),
    ]
    report = evaluate(hand_gold, write_jsonl(tmp_path / "p.jsonl", rows))
    assert all(value == 1.0 for value in all_scores(report).values()), report.format_table()


def test_content_match_with_wrong_source_is_not_a_pair_hit(hand_gold: Path, tmp_path: Path) -> None:
    rows = [claim("doc1", TEXT, at(TEXT, "We will win the state"), at(TEXT, "Officials"), at(TEXT, "said"))]
    report = evaluate(hand_gold, write_jsonl(tmp_path / "p.jsonl", rows))
    assert report.score("content", "exact").tp == 1
    assert report.score("source", "exact").tp == 1  # "Officials" is a gold source, of another attribution
    assert (report.pair.tp, report.pair.fp, report.pair.fn) == (0, 1, 3)


def test_repeated_source_mention_counts_once(hand_gold: Path, tmp_path: Path) -> None:
    smith, said = at(TEXT, "Senator Smith"), at(TEXT, "said")
    rows = [
        claim("doc1", TEXT, at(TEXT, "We will win the state"), smith, said),
        claim("doc1", TEXT, at(TEXT, "on Monday"), smith, said, n=1),
    ]
    report = evaluate(hand_gold, write_jsonl(tmp_path / "p.jsonl", rows))
    assert (report.score("source", "exact").tp, report.score("source", "exact").fp) == (1, 0)
    assert (report.score("content", "exact").tp, report.score("content", "exact").fp) == (1, 1)
    assert (report.pair.tp, report.pair.fp) == (1, 1)


def test_spans_empty_after_trimming_are_ignored(tmp_path: Path) -> None:
    text = "Trump: \u201cWe are winning.\u201d"
    brat_doc(
        tmp_path,
        "doc2",
        text,
        {
            "T1": ("Source", "Trump"),
            "T2": ("Cue", ":"),
            "T3": ("Content", "\u201cWe are winning.\u201d"),
            "T4": ("Attribution", ":"),
        },
        ["Attribution:T4 Content:T3 Cue:T2 Source:T1"],
    )
    rows = [claim("doc2", text, at(text, "We are winning"), at(text, "Trump"), at(text, ": "))]
    report = evaluate(tmp_path, write_jsonl(tmp_path / "p.jsonl", rows))
    assert report.score("cue", "exact").to_dict() == {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert report.score("content", "exact").f1 == 1.0


def test_discontinuous_gold_content(tmp_path: Path) -> None:
    text = "\u201cThe polls are wrong,\u201d Jill Stein said, \u201cand we know it.\u201d"
    first, second = at(text, "\u201cThe polls are wrong,\u201d"), at(text, "\u201cand we know it.\u201d")
    brat_doc(
        tmp_path,
        "doc3",
        text,
        {
            "T1": ("Content", f"{first[0]} {first[1]};{second[0]} {second[1]}"),
            "T2": ("Source", "Jill Stein"),
            "T3": ("Cue", "said"),
            "T4": ("Attribution", "said"),
            "T5": ("Content", "and we"),
        },
        ["Attribution:T4 Content:T1 Cue:T3 Source:T2"],
    )
    whole = (first[0], second[1])
    rows = [claim("doc3", text, whole, at(text, "Jill Stein"), at(text, "said"))]
    report = evaluate(tmp_path, write_jsonl(tmp_path / "p.jsonl", rows))
    assert report.score("content", "exact").tp == 0
    assert report.score("content", "overlap").tp == 1
    only_first = [claim("doc3", text, first, at(text, "Jill Stein"), at(text, "said"))]
    report = evaluate(tmp_path, write_jsonl(tmp_path / "q.jsonl", only_first))
    assert report.score("content", "overlap").tp == 1  # 17 of 30 characters: more than half


def test_content2_merges_into_content(tmp_path: Path) -> None:
    text = "Obama said the deal is good and that it will last."
    brat_doc(
        tmp_path,
        "doc4",
        text,
        {
            "T1": ("Source", "Obama"),
            "T2": ("Cue", "said"),
            "T3": ("Content", "the deal is good"),
            "T4": ("Attribution", "said"),
            "T5": ("Content", "it will last"),
        },
        ["Attribution:T4 Cue:T2 Source:T1 Content:T3 Content2:T5"],
    )
    (attribution,) = load_gold(tmp_path)["doc4"]
    assert attribution.content == (at(text, "the deal is good"), at(text, "it will last"))
    assert attribution.annotator == "aaaa"


def test_load_gold_accepts_split_attributions_and_flat_dirs(hand_gold: Path, tmp_path: Path) -> None:
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "doc1.txt").write_bytes((hand_gold / "doc1.txt").read_bytes())
    (split / "attributions" / "doc1_aaaa.ann").write_bytes((hand_gold / "doc1_aaaa.ann").read_bytes())
    (split / "attributions" / "doc1_bbbb.ann").write_text("", encoding="utf-8")  # second annotator: unused
    flat = load_gold(hand_gold)
    assert len(flat["doc1"]) == 3
    assert load_gold(split) == flat
    assert load_gold(split / "attributions") == flat


def test_load_predictions(tmp_path: Path) -> None:
    text = "Smith said it rained."
    rows = [
        claim("d", text, at(text, "it rained"), at(text, "Smith"), at(text, "said")),
        claim("d", text, at(text, "it rained"), mode="unattributed", n=1),
        claim("e", text, at(text, "it rained"), None, at(text, "said"), n=2),
    ]
    rows[2]["source"] = {"name": "someone", "kind": "unnamed", "mention": None}
    predictions = load_predictions(write_jsonl(tmp_path / "p.jsonl", rows))
    assert sorted(predictions) == ["d", "e"]
    assert len(predictions["d"]) == 1
    assert predictions["d"][0].source == (at(text, "Smith"),)
    assert predictions["e"][0].source == ()
    assert predictions["e"][0].cue == (at(text, "said"),)
    (tmp_path / "bad.jsonl").write_text('{"doc_id": "d"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        load_predictions(tmp_path / "bad.jsonl")


def test_report_dict_and_table(hand_gold: Path, tmp_path: Path) -> None:
    rows = [
        claim("doc1", TEXT, at(TEXT, "We will win the state"), at(TEXT, "Senator Smith"), at(TEXT, "said"))
    ]
    report = evaluate(hand_gold, write_jsonl(tmp_path / "p.jsonl", rows))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["scores"]["content"]["exact"]["tp"] == 1
    assert data["scores"]["content"]["exact"]["fn"] == 2
    assert data["pair"]["recall"] == pytest.approx(1 / 3)
    assert data["gold_docs"] == 1
    table = report.format_table()
    assert "source+content" in table
    # the counts, a blank line, the header and rule, a row per score and the pair; a blank line and the kinds line
    assert len(table.splitlines()) == 3 + 1 + len(ROLES) * len(CRITERIA) + 1 + 2
    assert table.splitlines()[-1].startswith("predicted entities with 2+ records: 0")
    assert data["entity_kinds"] == {"entities": 0, "one_kind": 0, "ratio": 0.0}


# --------------------------------------------------------------------------- #
# scripts/polnear_to_jsonl.py


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_script_on_hand_made_split(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "a.txt").write_bytes("Line one.\r\nHe said \u201cyes\u201d.\u2028".encode())
    (tmp_path / "dev" / "text" / "b.txt").write_text("No metadata.", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ttitle\ndev\ta\t2016-09-12\tA title\n", encoding="utf-8"
    )
    result = run_script(str(tmp_path / "dev"), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first, second = map(json.loads, lines)
    assert first == {
        "id": "a",
        "text": "Line one.\r\nHe said \u201cyes\u201d.\u2028",
        "published": "2016-09-12",
        "title": "A title",
    }
    assert second["published"] is None and second["title"] is None
    assert "b not in metadata" in result.stderr


def test_script_refuses_to_write_into_the_repo(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.txt").write_text("x", encoding="utf-8")
    target = REPO / "should-not-exist.jsonl"
    result = run_script(str(tmp_path), "--metadata", str(tmp_path / "none.tsv"), "-o", str(target))
    assert result.returncode == 2
    assert not target.exists()


def test_script_on_polnear_dev(polnear_dev: Path, tmp_path: Path) -> None:
    result = run_script(str(polnear_dev), "-o", str(tmp_path / "dev.jsonl"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in (tmp_path / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 84
    assert all(len(r["published"]) == 10 and r["published"].startswith("2016-") for r in records)
    by_id = {r["id"]: r["text"] for r in records}
    for path in (polnear_dev / "text").glob("*.txt"):
        assert by_id[path.stem] == path.read_bytes().decode("utf-8")


def test_all_annotations_keeps_every_annotator_first_as_gold(
    polnear_dev: Path, dev_gold: dict[str, list[GoldAttribution]]
) -> None:
    events, texts = all_annotations(polnear_dev)
    assert sum(len(v) for v in events.values()) == len(list((polnear_dev / "attributions").glob("*.ann")))
    assert {d: v[0] for d, v in events.items()} == dev_gold  # the first annotator is claimkit eval's gold
    several = {d: v for d, v in events.items() if len(v) > 1}
    assert several and all(len({a.annotator for a in one}) == 1 for v in several.values() for one in v)

    first = {d: v[0] for d, v in several.items()}
    # another annotator scored against the first (scripts/annotator_agreement.py): partial agreement
    other = score_documents(first, {d: as_predictions(v[1], d) for d, v in several.items()}, texts)
    assert 0.5 < other.score("cue", "overlap").f1 < 1.0
    same = score_documents(first, {d: as_predictions(v[0]) for d, v in several.items()}, texts)
    assert same.pair.f1 == 1.0 and same.score("cue", "overlap").f1 == 1.0
