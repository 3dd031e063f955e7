"""Shared pytest fixtures."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest


def _require_shared(path: Path, what: str) -> Path:
    """Return ``path`` if it exists; otherwise skip, or fail when CI == "true"."""
    if path.exists():
        return path
    message = f"{what} not found at {path} (set CLAIMKIT_SHARED to the shared directory)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data directory: $CLAIMKIT_SHARED, else ``shared/`` beside the repo checkout."""
    override = os.environ.get("CLAIMKIT_SHARED")
    path = Path(override) if override else Path(__file__).resolve().parents[2] / "shared"
    return _require_shared(path, "shared data directory")


@pytest.fixture(scope="session")
def require_shared() -> Callable[[Path, str], Path]:
    """``require_shared(path, what)``: a path under shared data, skipped/failed like ``shared_dir``."""
    return _require_shared


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    """The seed article (read at test time, never copied into the repository)."""
    return _require_shared(shared_dir / "seed-article.txt", "seed article").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def wikinews_articles(shared_dir: Path) -> Callable[[int], list[dict[str, object]]]:
    """``wikinews_articles(n)``: the first n non-empty Wikinews articles of the
    shared data as JSONL objects (id, text, published), read at test time."""
    path = _require_shared(shared_dir / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz", "Wikinews articles")

    def first(n: int) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                if obj["text"].strip():
                    out.append({"id": obj["id"], "text": obj["text"], "published": obj["date"]})
                if len(out) == n:
                    break
        return out

    return first


@pytest.fixture(scope="session")
def match_extra() -> None:
    """The ``match`` extra (PyTorch, transformers, SciPy, all-MiniLM-L6-v2): skip without it, fail when CI == "true"."""
    try:
        import scipy  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401

        from claimkit.pretrained import minilm

        minilm.model_dir()
    except Exception as exc:  # noqa: BLE001 - ImportError or ExtractorError: the extra is missing
        if os.environ.get("CI") == "true":
            pytest.fail(f"the match extra is required on CI: {exc}")
        pytest.skip(f"the match extra is not installed: {exc}")
