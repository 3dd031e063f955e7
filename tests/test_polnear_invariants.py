"""The full pipeline with the rule extractor on every PolNeAR dev article.

Checks the span invariant (``text[start:end] == span.text``) of every span of
every record and that every record is schema-valid (``pipeline.run``
validates and raises ``SchemaError`` otherwise).  No scores here: scoring is
``scripts/dev_loop.py``'s job.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit import pipeline
from claimkit.extractors.rules import RuleExtractor
from claimkit.model import Article
from claimkit.write import validate

pytest.importorskip("spacy")


def test_every_dev_article(shared_dir: Path) -> None:
    text_dir = shared_dir / "eval" / "polnear" / "dev" / "text"
    paths = sorted(text_dir.glob("*.txt"))
    if not paths:
        pytest.skip(f"no PolNeAR dev texts under {text_dir}")
    ex = RuleExtractor()
    total = attributed = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        result = pipeline.run(Article(doc_id=path.stem, text=text, origin=str(path)), ex)
        for record in result.records:
            assert validate.errors(record) == []
            assert list(validate.span_errors(record, text)) == []
            for _, span in validate.iter_spans(record):
                assert text[span["start"] : span["end"]] == span["text"]
            if record["mode"] != "unattributed":
                attributed += 1
                assert record["source"] is not None
                # a record without a cue carries on an account: it names the record with the cue
                assert (record["cue"] is None) == (record["continues"] is not None)
            else:
                assert record["source"] is None and record["cue"] is None and record["continues"] is None
        ids = [r["id"] for r in result.records]
        assert len(ids) == len(set(ids)), f"{path.name}: duplicate record ids"
        by_id = {r["id"]: r for r in result.records}
        for r in result.records:
            if r["continues"] is not None:
                anchor = by_id[r["continues"]]
                assert anchor["cue"] is not None and anchor["source"]["name"] == r["source"]["name"], (path.name, r["content"])
        total += len(result.records)
    assert attributed > 10 * len(paths)  # news articles are full of attributions
    assert total > attributed
