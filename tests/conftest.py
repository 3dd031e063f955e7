"""Shared pytest fixtures."""

from __future__ import annotations

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
