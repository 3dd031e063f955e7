"""claimkit cluster through the command line, with the real MiniLM encoder and pair model:
CheckThat! 2020 dev tweets, claim records extracted from small articles written here, bad input."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.evaluate.clusters import read_groups, score_groups
from claimkit.evaluate.matches import read_qrels

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


# the match extra (skip without it; fail on CI): the conftest fixture
pytestmark = pytest.mark.usefixtures("match_extra")


@pytest.fixture(scope="module")
def dev_slice(shared_dir: Path, require_shared, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """60 dev tweets as {"id", "claim"} lines: those of the dev groups first, then others; and the dev qrels."""
    root = require_shared(shared_dir / "eval" / "checkthat2020" / "dev", "CheckThat! 2020 dev")
    qrels = read_qrels(root / "tweet-vclaim-pairs.qrels")
    with (root / "tweets.queries.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    by_check: dict[str, int] = {}
    for tid, _ in rows:
        for check in qrels[tid]:
            by_check[check] = by_check.get(check, 0) + 1
    shared = [r for r in rows if any(by_check[c] > 1 for c in qrels[r[0]])]
    picked = shared + [r for r in rows if r not in shared][: 60 - len(shared)]
    path = tmp_path_factory.mktemp("dev") / "dev60.jsonl"
    path.write_text("".join(json.dumps({"id": t, "claim": text}) + "\n" for t, text in picked), encoding="utf-8")
    return path, root / "tweet-vclaim-pairs.qrels"


def test_dev_tweets_grouped_scored_and_the_same_twice(dev_slice: tuple[Path, Path], tmp_path: Path) -> None:
    claims, qrels = dev_slice
    out = tmp_path / "groups.jsonl"
    result = runner.invoke(app, ["cluster", str(claims), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "60 claim(s) from 1 file(s)" in result.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all(set(x) == {"cluster_id", "members", "claim", "first", "sources", "certainty", "flags"} for x in lines)
    assert all(len(x["members"]) >= 2 and x["claim"] for x in lines)
    # the two Air Force One tweets say nearly the same thing: one group
    assert any({"943", "944"} <= set(x["members"]) for x in lines)
    ids = {json.loads(x)["id"] for x in claims.read_text(encoding="utf-8").splitlines()}
    scores = score_groups(read_groups(out), {k: v for k, v in read_qrels(qrels).items() if k in ids})
    assert scores.precision >= 0.5
    again = runner.invoke(app, ["cluster", str(claims)])
    assert again.exit_code == 0 and again.stdout == out.read_text(encoding="utf-8")
    printed = runner.invoke(app, ["eval", "--clusters", str(out), "--qrels", str(qrels)])
    assert printed.exit_code == 0 and "pairwise precision" in printed.stdout
    table = runner.invoke(app, ["cluster", str(claims), "--format", "table"])
    assert table.exit_code == 0 and lines[0]["cluster_id"] in table.stdout


ARTICLES = {
    # the same claim: hedged and credited to a newspaper, then stated by an outlet as its own, then credited to the council
    "courier": ("2026-03-10", "Kell bridge repairs\n\nThe Kell harbour bridge will reportedly close for three months of repairs "
                "next spring, the Tidewater Courier reported on Monday.\n\nAverly Rovers beat Kell United 3-1 at home on Saturday.\n"),
    "gazette": ("2026-03-12", "Bridge to close\n\nThe Kell harbour bridge will close for three months of repairs next spring.\n\n"
                "A new bakery opened on Quay Street this week.\n"),
    "herald": ("2026-03-14", "Council confirms bridge plan\n\nThe Kell harbour bridge will close for three months of repairs next spring, "
               "the city council said on Friday.\n"),
}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("articles")
    parts = []
    for name, (date, text) in ARTICLES.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["extract", str(d / f"{name}.txt"), "--date", date, "-o", str(d / f"{name}.jsonl")])
        assert result.exit_code == 0, result.output
        parts.append((d / f"{name}.jsonl").read_text(encoding="utf-8"))
    (d / "all.jsonl").write_text("".join(parts), encoding="utf-8")
    return d / "all.jsonl"


def _bridge_group(path: Path, tmp_path: Path) -> dict[str, object]:
    out = tmp_path / "g.jsonl"
    result = runner.invoke(app, ["cluster", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    groups = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    bridge = [g for g in groups if "bridge" in g["claim"]]
    assert len(bridge) == 1 and not any("Rovers" in g["claim"] or "bakery" in g["claim"] for g in groups)
    return bridge[0]


def test_flags_on_records_of_three_articles(records: Path, tmp_path: Path) -> None:
    group = _bridge_group(records, tmp_path)
    assert set(group["flags"]) == {"attribution lost", "certainty hardened", "source changed"}  # type: ignore[arg-type]
    assert group["first"]["date"] == "2026-03-09" and group["first"]["source"] == "Tidewater Courier"  # type: ignore[index]
    herald = [json.loads(x) for x in records.read_text(encoding="utf-8").splitlines() if '"doc_id": "herald"' in x]
    council = {r["source"]["name"] for r in herald if r["source"] and "bridge" in (r["statement"] or "")}
    assert council and {"Tidewater Courier", *council} <= {s["name"] for s in group["sources"]}  # type: ignore[attr-defined]
    assert group["certainty"][0] == "certain" and "probable" in group["certainty"]  # type: ignore[index]


def test_no_flag_when_the_same_source_says_it_the_same_way(records: Path, tmp_path: Path) -> None:
    lines = [json.loads(x) for x in records.read_text(encoding="utf-8").splitlines()]
    herald = [r for r in lines if r["doc_id"] == "herald"]
    copy = [{**r, "id": r["id"] + "-copy", "doc_id": "herald-copy"} for r in herald]
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in herald + copy), encoding="utf-8")
    group = _bridge_group(path, tmp_path)
    source = herald[0]["source"]
    assert group["flags"] == [] and group["sources"] == [{"name": source["name"], "kind": source["kind"]}]


def test_bad_input_is_one_line_exit_3_and_no_file(records: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "claim": "The bridge will close."}\n{"id": "b"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["cluster", str(records), str(bad), "-o", str(out)])
    assert result.exit_code == 3
    assert result.stderr.strip() == f"claimkit: error: {bad}:2: a claim without text (claim, statement or content.text)"
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl*"))
    missing = runner.invoke(app, ["cluster", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 3 and "no such file" in missing.stderr


def test_missing_match_extra_is_exit_4_with_the_install_command(tmp_path: Path, records: Path) -> None:
    fake = tmp_path / "fake"
    (fake / "torch").mkdir(parents=True)
    (fake / "torch" / "__init__.py").write_text("raise ImportError('no torch here', name='torch')\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(fake), str(ROOT / "src")]))
    run = subprocess.run([sys.executable, "-m", "claimkit", "cluster", str(records)], env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 4, run.stderr
    assert run.stderr.strip() == "claimkit: error: claimkit match needs the match extra (torch is missing): pip install -e '.[match]'"
    assert run.stdout == ""


def test_against_a_collection_joins_claims_of_the_same_fact_check(dev_slice: tuple[Path, Path], shared_dir: Path, tmp_path: Path) -> None:
    from claimkit.match import checkthat

    claims, qrels_path = dev_slice
    ids = {json.loads(x)["id"] for x in claims.read_text(encoding="utf-8").splitlines()}
    qrels = {k: v for k, v in read_qrels(qrels_path).items() if k in ids}
    named = {c for v in qrels.values() for c in v}
    checks = [c for i, c in enumerate(checkthat.verified_claims(shared_dir / "eval" / "checkthat2020" / "verified_claims.docs.tsv"))
              if c.id in named or i % 40 == 0]
    collection = tmp_path / "checks.jsonl"
    collection.write_text("".join(json.dumps({"id": c.id, "claim": c.claim, "title": c.title}) + "\n" for c in checks), encoding="utf-8")
    plain, joined = tmp_path / "plain.jsonl", tmp_path / "joined.jsonl"
    assert runner.invoke(app, ["cluster", str(claims), "-o", str(plain)]).exit_code == 0
    result = runner.invoke(app, ["cluster", str(claims), "--against", str(collection), "-o", str(joined)])
    assert result.exit_code == 0, result.output
    assert " matched to a fact-check" in result.stderr
    before, after = read_groups(plain), read_groups(joined)
    assert all(any(set(g) <= set(h) for h in after) for g in before)  # a union: no group is split
    gained, lost = score_groups(after, qrels), score_groups(before, qrels)
    assert gained.right_pairs > lost.right_pairs and gained.precision >= 0.8


DESK_CHECKS = [  # a small collection written for this test
    ("fc-bridge", "The harbour bridge will be closed for a whole year.", "Will the Harbour Bridge Close for a Year?"),
    ("fc-tea", "Drinking hot tea cures the common cold.", "Does Tea Cure Colds?"),
    ("fc-moon", "The moon landing in 1969 was filmed in a studio.", "Was the Moon Landing Faked?"),
    ("fc-5g", "5G masts spread the coronavirus.", "Do 5G Towers Spread COVID-19?"),
    ("fc-vax", "The flu vaccine gives you the flu.", "Can the Flu Shot Give You the Flu?"),
    ("fc-ferry", "The island ferry will stop running in winter.", "Is the Island Ferry Ending Winter Sailings?"),
    ("fc-rail", "The night train to the coast has been cancelled for good.", "Was the Coastal Night Train Scrapped?"),
    ("fc-tax", "The city will double the parking charges next month.", "Are Parking Charges Doubling?"),
    ("fc-school", "Schools will close on Fridays to save money.", "Will Schools Shut on Fridays?"),
    ("fc-water", "Tap water in the town contains lead.", "Is There Lead in the Town's Tap Water?"),
    ("fc-mayor", "The mayor bought a yacht with council money.", "Did the Mayor Buy a Yacht with Public Funds?"),
]
DESK_CLAIMS = [
    ("c0", "Why are the harbour ferries not sailing after November?"),  # best fc-ferry, not same_claim (probability .33)
    ("c1", "Winter timetable: no boats to the island from December to February."),  # fc-ferry, same_claim
    ("c2", "Half the office came down with influenza a week after the vaccination day."),  # best fc-vax, not same_claim (.36)
    ("c3", "The jab they gave us last winter is what gave my whole family the flu."),  # fc-vax, same_claim
    ("c4", "Having the influenza vaccine will give you influenza."),  # fc-vax, same_claim
    ("c5", "The island ferry service is being suspended for the cold months."),  # fc-ferry, same_claim
    ("c6", "The council approved a new budget for the libraries."),  # no fact-check says it
]


def test_against_joins_claims_of_one_same_claim_fact_check_and_not_the_ones_it_only_ranks_first(tmp_path: Path) -> None:
    claims, checks = tmp_path / "claims.jsonl", tmp_path / "checks.jsonl"
    claims.write_text("".join(json.dumps({"id": i, "claim": t}) + "\n" for i, t in DESK_CLAIMS), encoding="utf-8")
    checks.write_text("".join(json.dumps({"id": i, "claim": c, "title": t}) + "\n" for i, c, t in DESK_CHECKS), encoding="utf-8")
    plain, joined = tmp_path / "plain.jsonl", tmp_path / "joined.jsonl"
    assert runner.invoke(app, ["cluster", str(claims), "-o", str(plain)]).exit_code == 0
    assert read_groups(plain) == []  # the pair model joins none of them: what follows is the pivot's
    result = runner.invoke(app, ["cluster", str(claims), "--against", str(checks), "-o", str(joined)])
    assert result.exit_code == 0, result.output
    # c0 and c2 have the same best fact-check as a group, at a probability under same_claim's threshold: a pivot
    # on the best fact-check at such a probability (tried in round 4, docs/clusters.md) would join them and glues
    # different claims of one story together on news
    assert sorted(sorted(g) for g in read_groups(joined)) == [["c1", "c5"], ["c3", "c4"]]
    assert "4 matched to a fact-check" in result.stderr
