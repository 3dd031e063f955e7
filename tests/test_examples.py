"""The example articles and the records committed beside them agree.

If the extractor changes on purpose, regenerate with
``claimkit extract examples/NAME.txt -o examples/NAME.claims.jsonl`` and
review the diff like any other change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.read.files import load
from claimkit.write import validate

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})


def test_there_are_examples() -> None:
    assert len(ARTICLES) >= 2


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_example_output_is_current(article: Path) -> None:
    expected_path = article.with_suffix(".claims.jsonl")
    assert expected_path.exists(), f"missing {expected_path.name}"
    result = CliRunner().invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.stderr
    got = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [json.loads(line) for line in expected_path.read_text(encoding="utf-8").splitlines()]
    (loaded,) = load([str(article)])
    text = loaded.text  # a web page's records index the text extracted from it
    for record in expected:
        assert validate.errors(record) == []
        assert list(validate.span_errors(record, text)) == []
    assert got == expected, f"{expected_path.name} is stale: regenerate it and review the diff"
