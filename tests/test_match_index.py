"""The fact-check index (``.ckx``): round trip, nothing half-written, other versions refused.

Encoding uses the real all-MiniLM-L6-v2 (the match extra) on a handful of
texts; tests skip without the extra and fail without it on CI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from extras import require_module

require_module("scipy", "match")

from claimkit.errors import IndexMismatchError, InputError
from claimkit.match import index as ckx
from claimkit.match.collection import read_collection


def _encoder():  # type: ignore[no-untyped-def]
    try:
        from claimkit.match.encoder import Encoder

        return Encoder("minilm")
    except Exception as exc:  # noqa: BLE001 - ExtractorError or ImportError: the extra is missing
        if os.environ.get("CI") == "true":
            pytest.fail(f"the match extra is required on CI: {exc}")
        pytest.skip(f"the match extra is not installed: {exc}")


CHECKS = [
    {"id": "fc-1", "claim": "Drinking hot tea cures the common cold.", "title": "Does tea cure colds?", "rating": "False"},
    {"id": "fc-2", "claim": "The city will close the harbour bridge for a year.", "title": "Harbour bridge closure", "url": "https://x.example/2"},
    {"id": "fc-3", "claim": "A new law bans cash payments over 1,000 euros.", "date": "2023-01-05"},
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[ckx.FactCheckIndex, Path]:
    enc = _encoder()
    src = tmp_path_factory.mktemp("ckx") / "checks.jsonl"
    src.write_text("\n".join(json.dumps(c) for c in CHECKS), encoding="utf-8")
    index = ckx.build(read_collection([src]).factchecks, enc.encode, enc.id)
    out = src.with_name("checks.ckx")
    ckx.write(index, out)
    return index, out


def test_round_trip_keeps_fields_bm25_and_vectors(built: tuple[ckx.FactCheckIndex, Path]) -> None:
    index, path = built
    again = ckx.load(path)
    assert again.factchecks == index.factchecks
    assert again.encoder == "all-MiniLM-L6-v2" and again.meta["count"] == 3 and again.meta["dim"] == 384
    assert again.vectors.dtype == np.float16 and np.array_equal(again.vectors, index.vectors)
    for field in ckx.FIELDS:
        assert again.bm25[field].terms == index.bm25[field].terms
        assert (again.bm25[field].weights != index.bm25[field].weights).nnz == 0
    # the loaded BM25 ranks the tea claim first for a tea query, without re-encoding anything
    scores = again.bm25["all"].scores([["tea", "cold"]])[0]
    assert int(np.argmax(scores)) == 0


def test_the_vectors_are_the_encoders(built: tuple[ckx.FactCheckIndex, Path]) -> None:
    index, _ = built
    fresh = _encoder().encode([ckx.vector_text(c) for c in index.factchecks])
    assert np.abs(index.vectors.astype(np.float32) - fresh).max() < 2e-3  # float16 rounding only
    assert np.allclose(np.linalg.norm(fresh, axis=1), 1.0, atol=1e-5)


def test_an_index_of_another_version_is_refused(built: tuple[ckx.FactCheckIndex, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index, _ = built
    old = tmp_path / "old.ckx"
    monkeypatch.setitem(index.meta, "claimkit", "0.0.9")
    ckx.write(index, old)
    monkeypatch.undo()
    with pytest.raises(IndexMismatchError) as info:
        ckx.load(old)
    assert str(info.value).startswith(f"{old}: built by claimkit 0.0.9") and "\n" not in str(info.value)
    assert info.value.exit_code == 8


def test_an_index_of_another_format_version_is_refused(built: tuple[ckx.FactCheckIndex, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index, _ = built
    path = tmp_path / "future.ckx"
    monkeypatch.setitem(index.meta, "format_version", ckx.FORMAT_VERSION + 1)
    ckx.write(index, path)
    monkeypatch.undo()
    with pytest.raises(IndexMismatchError, match="index format 2"):
        ckx.load(path)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_a_file_that_is_not_an_index(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "checks.ckx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"not a claimkit fact-check index"):
        ckx.load(path)


def test_a_missing_index(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"checks.ckx: no such index file$"):
        ckx.load(tmp_path / "checks.ckx")


def test_a_failed_write_leaves_nothing(built: tuple[ckx.FactCheckIndex, Path], tmp_path: Path) -> None:
    index, _ = built
    broken = ckx.FactCheckIndex(index.factchecks, index.bm25, index.vectors, index.encoder, {**index.meta, "bad": {1, 2}})
    target = tmp_path / "half.ckx"
    with pytest.raises(TypeError, match="not JSON serializable"):
        ckx.write(broken, target)
    assert list(tmp_path.iterdir()) == []


def test_combining_indexes_keeps_each_id_once(built: tuple[ckx.FactCheckIndex, Path]) -> None:
    index, path = built
    both = ckx.combine([ckx.load(path), index])
    assert [c.id for c in both.factchecks] == ["fc-1", "fc-2", "fc-3"] and both.vectors.shape == (3, 384)


def test_an_empty_collection_is_not_indexed() -> None:
    with pytest.raises(InputError, match="no fact-check to index"):
        ckx.build([], lambda texts: np.zeros((0, 4)), "none")
