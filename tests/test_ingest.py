"""Loading articles: dates, formats and refusals of bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.read.dates import find_date_line
from claimkit.read.files import load


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saturday, February 7, 2026\n\nBody.", dt.date(2026, 2, 7)),
        ("Feb. 7, 2026\nBody.", dt.date(2026, 2, 7)),
        ("7 February 2026\n\nBody.", dt.date(2026, 2, 7)),
        ("2026-06-19\n\n# Title", dt.date(2026, 6, 19)),
        ("Published: March 3, 2025 10:42 a.m. EST\nBody.", dt.date(2025, 3, 3)),
        ("The vote was held on February 7, 2026 in the hall.", None),  # not a line of its own
        ("Title\n\n" + "x" * 500 + "\nFebruary 7, 2026", None),  # too far down
        ("February 30, 2026\nBody.", None),
        # wire datelines opening the first paragraph
        ("HARBOURTON, Tuesday, November 24, 2026 -- The board said", dt.date(2026, 11, 24)),
        ("Title\n\nLONDON, 24 November 2026 (Reuters) - Shares fell", dt.date(2026, 11, 24)),
        ("NEW YORK, N.Y., March 3, 2025 \u2014 The mayor said", dt.date(2025, 3, 3)),
        ("WASHINGTON (AP), Feb. 7, 2026 -- Lawmakers voted", dt.date(2026, 2, 7)),
        ("The vote, February 7, 2026 - was held", None),  # no place in capitals
        ("Shares fell. NASA, February 7, 2026 -- launched", None),  # not where a line starts
        ("LONDON, February 7, 2026 the talks", None),  # no dash before the story
    ],
)
def test_date_line(text: str, expected: dt.date | None) -> None:
    found = find_date_line(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        date, span = found
        assert date == expected
        assert text[span.start : span.end] == span.text


def _load(paths: list[Path]) -> list:
    return list(load([str(p) for p in paths]))


def test_txt_md_directory_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("March 1, 2026\n\nThe mayor said taxes will rise.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nA body.", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("x,y", encoding="utf-8")
    jl = tmp_path / "batch.jsonl"
    jl.write_text(
        json.dumps({"id": "n1", "text": "Rain fell, officials said.", "published": "2026-02-07", "title": "T"})
        + "\n\n"
        + json.dumps({"text": "Only text here."})
        + "\n",
        encoding="utf-8",
    )
    items = _load([tmp_path])
    assert all(not isinstance(i, InputError) for i in items)
    by_id = {a.doc_id: a for a in items}
    assert set(by_id) == {"a", "b", "n1", "batch-3"}
    assert by_id["a"].published == dt.date(2026, 3, 1)
    assert by_id["n1"].published == dt.date(2026, 2, 7) and by_id["n1"].title == "T"
    assert by_id["b"].published is None


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("empty.txt", b"  \n\n ", "empty article"),
        ("latin1.txt", "Café au lait".encode("latin-1"), "not valid UTF-8"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("bad.jsonl", b'{"text": "fine"}\n{"text": \n', "invalid JSON"),
        ("notext.jsonl", b'{"id": "x"}\n', "string 'text'"),
        ("baddate.jsonl", b'{"text": "A.", "published": "yesterday"}\n', "invalid date"),
    ],
)
def test_bad_inputs_become_errors_that_name_the_file(tmp_path: Path, name: str, payload: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    errors = [i for i in _load([path]) if isinstance(i, InputError)]
    assert errors, f"{name} was accepted"
    assert message in str(errors[0]) and name in str(errors[0])


def test_huge_file_is_refused_and_others_still_load(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text("Fine text.", encoding="utf-8")
    items = list(load([str(big), str(ok), str(tmp_path / "missing.txt")], max_bytes=1000))
    assert isinstance(items[0], InputError) and "too large" in str(items[0])
    assert not isinstance(items[1], InputError) and items[1].doc_id == "ok"
    assert isinstance(items[2], InputError) and "no such file" in str(items[2])


def test_text_is_kept_exactly(tmp_path: Path) -> None:
    raw = "\ufeffLine one.\r\nLine two with “quotes” and é.\n"
    path = tmp_path / "exact.txt"
    path.write_bytes(raw.encode("utf-8"))
    (article,) = _load([path])
    assert article.text == raw.lstrip("\ufeff")


def test_jsonl_text_with_unicode_line_separators_stays_one_article(tmp_path: Path) -> None:
    text = "First part\u2028second part\u0085third.\r\nNext line."
    path = tmp_path / "seps.jsonl"
    path.write_text(json.dumps({"id": "u", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = _load([path])
    assert article.text == text


def test_jsonl_limit_applies_to_each_article(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [{"id": "big", "text": "word " * 400}, {"id": "small", "text": "The mayor said it rained."}]
    path.write_text("".join(json.dumps(obj) + "\n" for obj in lines), encoding="utf-8")
    items = list(load([str(path)], max_bytes=1000))
    assert isinstance(items[0], InputError) and "mixed.jsonl:1" in str(items[0]) and "too large" in str(items[0])
    assert not isinstance(items[1], InputError) and items[1].doc_id == "small"


def test_a_wire_dateline_dates_the_article_and_is_no_time_of_its_claims(tmp_path: Path) -> None:
    from claimkit import extract_claims
    from claimkit.read import make_article

    text = (
        "MILLBROOK, Thursday, March 12, 2026 -- The county library said on Tuesday that it would close two "
        "branches, a spokesman said."
    )
    article = make_article(text, "millbrook", "test")
    assert article.published == dt.date(2026, 3, 12)
    records = extract_claims(text, doc_id="millbrook", published=article.published)
    found = [r for r in records if "close two branches" in r.content.text]
    assert found
    times = [t for r in found for t in (r.times or [])]
    assert "Tuesday" in {t.text for t in times}
    assert {t.value for t in times if t.text == "Tuesday"} == {"2026-03-10"}
    # the dateline's own date is the article's, not an event's
    assert not [t for t in times if "March 12" in t.text]
