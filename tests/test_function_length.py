"""No function of the offline rules is longer than 60 lines (signature and
docstring included): the rules are read and changed by people new to them,
one construction at a time."""

from __future__ import annotations

import ast
from pathlib import Path

RULES = Path(__file__).resolve().parents[1] / "src" / "claimkit" / "extractors" / "rules"
LIMIT = 60


def test_no_rule_function_is_longer_than_the_limit() -> None:
    long = []
    for path in sorted(RULES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > LIMIT:
                    long.append(f"{path.relative_to(RULES)}:{node.lineno} {node.name} ({lines} lines)")
    assert long == []
