"""Shared by the tests of an optional extra: skip a whole test module when the
extra is not installed (a user's own clone with only ``.[test]``), fail when
CI == "true", where every extra is installed."""

from __future__ import annotations

import importlib
import os

import pytest


def require_module(name: str, extra: str) -> None:
    """Import ``name`` or skip the calling test module, naming the ``extra`` that brings it."""
    try:
        importlib.import_module(name)
    except ImportError as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"the {extra} extra is not installed ({exc}): pip install -e '.[{extra}]'", allow_module_level=True)
