"""The import contract: data flows one way, and the layout says how.

Every import of a claimkit module inside ``src/claimkit`` (at the top of a
module or inside a function) is read from the source with ``ast`` and checked
against the floors below: a module may import its own package and the floors
beneath it, never a floor above nor a neighbour on its own floor.  The same
holds inside the offline rules, whose concerns have floors of their own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "claimkit"

# From the ground up.  Each entry is a group of packages or modules that may
# not import each other; a later floor may import any earlier one.
FLOORS: list[tuple[str, ...]] = [
    ("claimkit.version", "claimkit.model", "claimkit.errors"),
    ("claimkit.read", "claimkit.segment", "claimkit.ground", "claimkit.normalize", "claimkit.quote_runs", "claimkit.pretrained", "claimkit.entities"),
    ("claimkit.extractors", "claimkit.accounts"),
    ("claimkit.assemble", "claimkit.write"),
    ("claimkit.pipeline",),
    ("claimkit.run",),
    ("claimkit.match",),
    ("claimkit.evaluate", "claimkit.review"),
    ("claimkit.cli",),
]
# The offline rules by concern: shared word lists and the parse, then which
# words are cues and who the sources are, then the constructions, then the
# extractor that runs them all.
RULES = "claimkit.extractors.rules"
RULE_FLOORS: list[tuple[str, ...]] = [
    (f"{RULES}.lexicon", f"{RULES}.parse"),
    (f"{RULES}.cues", f"{RULES}.sources"),
    (f"{RULES}.constructions",),
    (f"{RULES}.extractor",),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every claimkit module ``path`` imports (``from X import y`` counts as
    ``X.y`` when ``X.y`` is a module, else as ``X``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "claimkit")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "claimkit":
            assert node.level == 0, f"{path}: relative import"
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found


MODULES = {module_name(p) for p in PACKAGE.rglob("*.py")}
GRAPH = {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}


def _place(module: str, floors: list[tuple[str, ...]]) -> tuple[int, str] | None:
    for level, group in enumerate(floors):
        for part in group:
            if module == part or module.startswith(part + "."):
                return level, part
    return None


def _violations(floors: list[tuple[str, ...]]) -> list[str]:
    bad = []
    for module, deps in sorted(GRAPH.items()):
        here = _place(module, floors)
        if here is None:
            continue
        for dep in sorted(deps):
            there = _place(dep, floors)
            if there is None or there[1] == here[1]:
                continue
            if there[0] > here[0]:
                bad.append(f"{module} imports {dep}, a floor above it")
            elif there[0] == here[0]:
                bad.append(f"{module} imports {dep}, a neighbour on its own floor")
    return bad


def test_every_module_has_a_floor() -> None:
    """A new package must be given its floor here before it can land."""
    homeless = sorted(m for m in MODULES if m not in {"claimkit", "claimkit.__main__"} and _place(m, FLOORS) is None)
    assert homeless == []


def test_no_import_runs_up_or_sideways() -> None:
    assert _violations(FLOORS) == []


def test_the_rules_concerns_run_one_way() -> None:
    assert _violations(RULE_FLOORS) == []


@pytest.mark.parametrize("ground", ["claimkit.model", "claimkit.errors", "claimkit.version"])
def test_the_ground_floor_imports_nothing_of_claimkit(ground: str) -> None:
    assert GRAPH[ground] == set()


def test_nothing_imports_the_cli_or_the_public_face() -> None:
    """Only ``python -m claimkit`` starts the CLI; modules of the package never
    go through its public face (``claimkit/__init__``)."""
    users = sorted(
        m for m, deps in GRAPH.items() if m != "claimkit.__main__" and not m.startswith("claimkit.cli")
        if any(d == "claimkit" or d.startswith("claimkit.cli") for d in deps)
    )
    assert users == []


def test_no_import_cycle() -> None:
    """No module reaches itself through the modules it imports."""
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for dep in sorted(GRAPH.get(module, ())):
            if dep not in GRAPH or dep == module:
                continue
            if state.get(dep) == 1:
                cycles.append([*trail[trail.index(dep):], dep] if dep in trail else [module, dep])
            elif dep not in state:
                visit(dep, [*trail, dep])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_contract_sees_a_violation() -> None:
    """The checker itself: an upward import in a made-up graph is reported."""
    saved = dict(GRAPH)
    try:
        GRAPH["claimkit.read.files"] = {*GRAPH["claimkit.read.files"], "claimkit.extractors.rules"}
        assert _violations(FLOORS) == ["claimkit.read.files imports claimkit.extractors.rules, a floor above it"]
    finally:
        GRAPH.clear()
        GRAPH.update(saved)
