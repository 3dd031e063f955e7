"""The same article twice in what extract reads: read once and counted, or one line and exit 3.

Articles are written for these tests; the Wikinews dump of the shared data (which holds
repeated ids) is read at test time.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.errors import InputError
from claimkit.extractors.spec import ExtractorSpec
from claimkit.model import Article
from claimkit.read.repeats import RepeatedArticle, Seen, drop_repeats
from claimkit.run import local

runner = CliRunner()

ARTICLES = [
    {"id": "bridge", "text": "The mayor said the harbour bridge would reopen in June.\n"},
    {"id": "budget", "text": "Water prices rose by 3% last year, the utility said on Friday.\n"},
    {"id": "ferry", "text": "A ferry operator said it would add two crossings a day from May.\n"},
    {"id": "school", "text": "The head teacher said the school would stay open over the summer.\n"},
]
PIER = {"id": "pier", "text": "The pier will close for repairs, the council said.\n"}


def _jsonl(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _article(doc_id: str, text: str, origin: str) -> Article:
    return Article(doc_id=doc_id, text=text, origin=origin)


def test_a_later_copy_is_a_repeat_and_another_text_names_both_places() -> None:
    items = [
        _article("a", "one", "x.jsonl:1"),
        _article("b", "two", "x.jsonl:2"),
        _article("a", "one", "y.jsonl:7"),
        _article("b", "TWO", "y.jsonl:9"),
        InputError("y.jsonl:10: invalid JSON"),
    ]
    out = list(drop_repeats(items))
    assert out[:2] == items[:2]
    assert isinstance(out[2], RepeatedArticle) and "x.jsonl:1" in str(out[2])
    conflict = out[3]
    assert type(conflict) is InputError
    assert str(conflict) == "y.jsonl:9: article 'b' again with another text than at x.jsonl:2; the first is kept"
    assert out[4] is items[4]


def test_seen_keeps_digests_not_texts() -> None:
    seen = Seen()
    long_text = "word " * 20_000
    assert seen.check(_article("a", long_text, "f:1")) is None
    assert len(seen) == 1
    assert isinstance(seen.check(_article("a", long_text, "f:2")), RepeatedArticle)
    assert len(seen) == 1
    assert all(len(v) < 64 for v in seen._first.values())


@pytest.fixture()
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    first = _jsonl(tmp_path / "first.jsonl", ARTICLES[:3])
    # a copy inside the file (line 2), a copy of first.jsonl's line 1 (line 3), a new article (line 4)
    second = _jsonl(tmp_path / "second.jsonl", [ARTICLES[3], ARTICLES[3], ARTICLES[0], PIER])
    return first, second


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_reads_a_repeat_once_and_counts_it(tmp_path: Path, inputs: tuple[Path, Path], jobs: str) -> None:
    out = tmp_path / f"out{jobs}.jsonl"
    result = runner.invoke(app, ["extract", *map(str, inputs), "-o", str(out), "--jobs", jobs])
    assert result.exit_code == 0, result.stderr
    assert "5 document(s)" in result.stderr and "2 repeated article(s) read once" in result.stderr
    docs = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(dict.fromkeys(docs)) == ["bridge", "budget", "ferry", "school", "pier"]
    once = _jsonl(tmp_path / "once.jsonl", [ARTICLES[3], PIER])
    alone = runner.invoke(app, ["extract", str(inputs[0]), str(once)])
    assert alone.exit_code == 0, alone.stderr
    assert out.read_text(encoding="utf-8") == alone.stdout  # as if each article had come once


def test_jobs_two_gives_the_bytes_of_one(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    for jobs in ("1", "2"):
        assert runner.invoke(app, ["extract", *map(str, inputs), "-o", str(tmp_path / f"j{jobs}.jsonl"), "-j", jobs]).exit_code == 0
    assert (tmp_path / "j1.jsonl").read_bytes() == (tmp_path / "j2.jsonl").read_bytes()


def test_another_text_under_the_same_id_is_one_line_and_exit_3(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    changed = _jsonl(tmp_path / "changed.jsonl", [{"id": "budget", "text": "Water prices fell, the utility said.\n"}])
    result = runner.invoke(app, ["extract", str(inputs[0]), str(changed)])
    assert result.exit_code == 3
    lines = [line for line in result.stderr.splitlines() if "budget" in line]
    assert lines == [f"claimkit: error: {changed}:1: article 'budget' again with another text than at {inputs[0]}:2; the first is kept"]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    kept = [r for r in records if r["doc_id"] == "budget"]
    assert kept and all(r["content"]["text"] in ARTICLES[1]["text"] for r in kept)  # the first copy's records
    assert "Traceback" not in result.stderr


def _interrupted(items: Iterator[local.Item], after: int) -> Iterator[local.Item]:
    for n, item in enumerate(items):
        if n == after:
            raise KeyboardInterrupt
        yield item


def test_resume_after_an_interruption_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    articles = [{"id": f"a{k}", "text": f"Council member {k} said the road would reopen on day {k}.\n"} for k in range(12)]
    inp = _jsonl(tmp_path / "in.jsonl", [*articles[:6], articles[1], articles[4], *articles[6:], articles[0], articles[11]])
    spec, paths = ExtractorSpec(), [str(inp)]

    def staged() -> Iterator[local.Item]:
        return local.staged_inputs(paths, max_bytes=10**6, anchor=None, reads=None)

    whole = local.run(staged(), spec, output=tmp_path / "whole.jsonl", fingerprint_key="k")
    assert (whole.articles, whole.repeats) == (12, 4)
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        local.run(_interrupted(staged(), 9), spec, output=out, fingerprint_key="k")  # after the first two repeats
    assert (tmp_path / "out.jsonl.part").exists() and not out.exists()
    resumed = local.run(staged(), spec, output=out, resume=True, fingerprint_key="k")
    assert resumed.resumed == 7 and resumed.repeats == 4 and resumed.articles == 5
    assert out.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_review_shows_a_repeated_article_once(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", *map(str, inputs), "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    assert "5 article(s)" in result.stderr


def test_the_wikinews_dump_has_its_repeated_ids_read_once(shared_dir: Path, require_shared) -> None:  # type: ignore[no-untyped-def]
    dump = require_shared(shared_dir / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz", "Wikinews articles")
    ids: Counter[str] = Counter()
    texts: dict[str, set[str]] = {}
    with gzip.open(dump, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj["text"].strip():  # an empty article is bad input, each time
                ids[obj["id"]] += 1
                texts.setdefault(obj["id"], set()).add(obj["text"])
    twice = sum(n - 1 for n in ids.values())
    assert twice > 200  # the dump holds 286 ids twice, 234 of them with a text
    assert all(len(t) == 1 for t in texts.values())  # every copy is the same text
    items = Counter(type(i).__name__ for i in local.staged_inputs([str(dump)], max_bytes=10**7, anchor=None, reads=None))
    assert items["RepeatedArticle"] == twice
    assert items["Article"] == len(ids)
