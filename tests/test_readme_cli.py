"""The README stays in step with the command line, and the documentation's links hold.

Commands and options are read from the typer app's click objects (what ``claimkit --help`` and
``claimkit CMD --help`` print), never from a list kept here.  An option counts as given to a command
where the README names it

* on a ``claimkit CMD ...`` line (a code span or a line of a code block, continued lines joined, up to
  a pipe, ``&&``, ``;`` or a comment), or
* in a code span that starts with an option (``--jobs N``, ``-o, --output FILE``, a table row's first
  cell) inside that command's own section: a heading that names ``claimkit CMD``, down to the next
  heading of the same or a higher level.

Every command and option the app has must be named so, and every option the README gives a command
must exist on it.  Relative links in README.md and docs/*.md must point to a file that exists and,
for a Markdown file, to a heading it has.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main

from claimkit.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
# the history names options as they were at the time; it is not held to today's command line
HISTORY = ROOT / "docs" / "development-log.md"

OPTION = re.compile(r"(?<![\w.-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")
MENTION = re.compile(r"(?<![\w/.$-])claimkit[ \t]+(?P<rest>[^\n]*)")
SEPARATOR = re.compile(r"\s\|\s|&&|;\s|\s#")
CODE_SPAN = re.compile(r"`((?:[^`\n]|\n(?![ \t]*\n))+)`")  # may run over a line break, not a blank line
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)[ \t]*(\w*)")
NOT_SHELL = {"python", "py", "json", "jsonl"}  # code blocks whose `claimkit` is no command line
LINK = re.compile(r"!?\[[^\[\]]*\]\(([^)\s]+)(?:[ \t]+\"[^\"\n]*\")?\)")
DOTTED = re.compile(r"(?<![\w/.])claimkit(?:\.[A-Za-z_]\w*)+")
SOURCE_PATH = re.compile(r"(?<![\w/.])src/claimkit/[\w/.-]*\w")
ROOT_COMMAND = ""  # the top-level group: `claimkit --version`


def cli_options(group: Any) -> dict[str, set[str]]:
    """Every command path of ``group`` (typer's click group: "" for the group itself, "extract",
    "a b" for nested groups) -> its option strings, short and secondary (``--no-cache``) ones
    included.  typer carries its own copy of click, so params are told apart by their type name."""
    found: dict[str, set[str]] = {}

    def walk(command: Any, path: str) -> None:
        found[path] = {
            opt for p in command.params if p.param_type_name == "option" for opt in (*p.opts, *p.secondary_opts)
        }
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(group, ROOT_COMMAND)
    return found


@dataclass
class Markdown:
    """A Markdown file split into prose lines (code blocks blanked) and code-block lines, each with
    whether its block is shell or output (not Python or JSON, where `claimkit` is no command)."""

    prose: list[str]
    code: list[tuple[bool, str]]

    @classmethod
    def read(cls, text: str) -> Markdown:
        prose: list[str] = []
        code: list[tuple[bool, str]] = []
        fence: str | None = None
        shell = True
        for line in text.splitlines():
            marker = FENCE.match(line)
            if fence is None and marker:
                fence, shell = marker.group(1), marker.group(2).lower() not in NOT_SHELL
                prose.append("")
            elif fence is not None:
                if marker and marker.group(1) == fence:
                    fence = None
                else:
                    code.append((shell, line))
                prose.append("")
            else:
                prose.append(line)
        return cls(prose, code)

    def headings(self) -> Iterator[tuple[int, int, str]]:
        """(line number, level, text) of every heading outside code blocks."""
        for number, line in enumerate(self.prose):
            match = HEADING.match(line)
            if match:
                yield number, len(match.group(1)), match.group(2)

    def spans(self, start: int = 0, end: int | None = None) -> list[str]:
        """The inline code spans of prose lines ``start`` to ``end``, line breaks read as spaces."""
        text = "\n".join(self.prose[start:end])
        return [span.replace("\n", " ") for span in CODE_SPAN.findall(text)]

    def code_lines(self, shell_only: bool = True) -> list[str]:
        """Code-block lines (of shell and output blocks only, unless ``shell_only`` is false) with
        backslash-continued lines joined, then every inline code span."""
        lines = [line for shell, line in self.code if shell or not shell_only]
        joined = "\n".join(lines).replace("\\\n", " ")
        return [*joined.splitlines(), *self.spans()]


@dataclass
class Named:
    """What a Markdown file names: commands (as ``claimkit CMD``) and, per command, options."""

    commands: set[str] = field(default_factory=set)
    unknown: set[str] = field(default_factory=set)
    options: dict[str, set[str]] = field(default_factory=dict)

    def give(self, command: str, text: str) -> None:
        self.options.setdefault(command, set()).update(OPTION.findall(text))


def command_of(rest: str, known: set[str]) -> tuple[str | None, str]:
    """The command path at the start of ``rest`` (what follows ``claimkit``) and the words after it.
    None for a placeholder such as ``CMD``; a lowercase word that is no command is returned as is."""
    words = rest.split()
    path, used = ROOT_COMMAND, 0
    for word in words:
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            break
        path, used = f"{path} {word}".strip(), used + 1
        if not any(k.startswith(path + " ") for k in known):
            break  # a command without subcommands, or no command at all
    if words and not used and not words[0].startswith("-"):
        return None, ""
    return path, " ".join(words[used:])


def mentions(markdown: Markdown, known: set[str], named: Named) -> None:
    """``claimkit CMD ...`` in code: the command, and the options on that line up to a separator."""
    for line in markdown.code_lines():
        for match in MENTION.finditer(line):
            rest = SEPARATOR.split(match.group("rest"), maxsplit=1)[0]
            command, after = command_of(rest, known)
            if command is None:
                continue
            if command not in known:
                named.unknown.add(command)
                continue
            named.commands.add(command)
            named.give(command, after)


def sections(markdown: Markdown, known: set[str], named: Named) -> None:
    """Option code spans (``--jobs N``, ``-o, --output FILE``) inside a command's own section."""
    headings = list(markdown.headings())
    for index, (start, level, text) in enumerate(headings):
        spans = [span for span in CODE_SPAN.findall(text) if MENTION.match(span)]
        if not spans:
            continue
        command, _ = command_of(MENTION.match(spans[0]).group("rest"), known)  # type: ignore[union-attr]
        if command is None or command not in known:
            continue
        end = next((n for n, lv, _ in headings[index + 1 :] if lv <= level), len(markdown.prose))
        for span in markdown.spans(start + 1, end):
            if span.lstrip().startswith("-"):
                named.give(command, span)


def named_in(text: str, known: set[str]) -> Named:
    markdown = Markdown.read(text)
    named = Named()
    mentions(markdown, known, named)
    sections(markdown, known, named)
    return named


def stray_options(text: str, options: dict[str, set[str]]) -> set[str]:
    """Options in code spans that start with an option, anywhere, that no command has."""
    every = set().union(*options.values()) | {"--help"}
    spans = Markdown.read(text).spans()
    return {opt for span in spans if span.lstrip().startswith("-") for opt in OPTION.findall(span)} - every


def problems(group: Any, readme: str) -> list[str]:
    """Every way ``readme`` and the command line ``group`` disagree, one line each."""
    options = cli_options(group)
    named = named_in(readme, set(options))
    found = [f"README names `claimkit {c}`, which is no command" for c in sorted(named.unknown)]
    for command, opts in sorted(options.items()):
        label = f"claimkit {command}".strip()
        if command and command not in named.commands:
            found.append(f"README does not name `{label}`")
        found += [f"README does not name {o} of `{label}`" for o in sorted(opts - named.options.get(command, set()))]
        extra = named.options.get(command, set()) - opts - {"--help"}
        found += [f"README gives `{label}` the option {o}, which it does not have" for o in sorted(extra)]
    found += [f"README names {o}, which no command has" for o in sorted(stray_options(readme, options))]
    return found


def test_readme_names_every_command_and_option_and_no_other() -> None:
    group = typer.main.get_command(app)
    assert "extract" in getattr(group, "commands", {}), "the app's commands could not be read"
    found = problems(group, README.read_text(encoding="utf-8"))
    assert not found, "README.md and the command line disagree:\n" + "\n".join(found)


@pytest.mark.parametrize("page", [p for p in DOCS if p != HISTORY], ids=lambda p: p.name)
def test_docs_give_commands_only_options_they_have(page: Path) -> None:
    options = cli_options(typer.main.get_command(app))
    named = named_in(page.read_text(encoding="utf-8"), set(options))
    assert not named.unknown, f"{page.name} names commands claimkit does not have: {named.unknown}"
    wrong = {f"{c}: {o}" for c, opts in named.options.items() for o in opts - options[c] - {"--help"}}
    assert not wrong, f"{page.name} gives commands options they do not have: {sorted(wrong)}"


def _toy_app() -> typer.Typer:
    toy = typer.Typer(add_completion=False)

    @toy.command()
    def extract(output: str = typer.Option("", "--output", "-o"), jobs: int = typer.Option(1, "--jobs")) -> None:
        """Extract."""

    @toy.command()
    def schema() -> None:
        """Schema."""

    return toy


TOY_README = """\
## `claimkit extract PATH`

| option | meaning |
|---|---|
| `-o, --output FILE` | where |

```sh
claimkit extract a.txt --jobs 2 | sort   # --not-ours after a pipe is not claimkit's
```

## `claimkit schema`
"""


def test_checker_passes_a_readme_in_step_with_its_app() -> None:
    assert problems(typer.main.get_command(_toy_app()), TOY_README) == []


@pytest.mark.parametrize(
    ("readme", "expected"),
    [
        (TOY_README.replace(" --jobs 2", ""), "README does not name --jobs of `claimkit extract`"),
        (TOY_README.replace("`-o, --output FILE`", "`-o, --out FILE`"), "README does not name --output of `claimkit extract`"),
        (TOY_README.replace("--jobs 2", "--jobs 2 --resume"), "README gives `claimkit extract` the option --resume, which it does not have"),
        (TOY_README.replace("## `claimkit schema`", "## `claimkit schemas`"), "README does not name `claimkit schema`"),
        (TOY_README + "\nThen `claimkit export` it.\n", "README names `claimkit export`, which is no command"),
        (TOY_README + "\nUse `--frobnicate` for speed.\n", "README names --frobnicate, which no command has"),
    ],
)
def test_checker_catches_a_readme_out_of_step(readme: str, expected: str) -> None:
    assert expected in problems(typer.main.get_command(_toy_app()), readme)


def github_anchors(text: str) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings (lowercase, punctuation dropped, spaces
    to hyphens, a repeated anchor numbered -1, -2, ...)."""
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    for _, _, heading in Markdown.read(text).headings():
        plain = re.sub(r"<[^>]+>|\]\([^)]*\)", "", heading).strip().lower()
        slug = re.sub(r"[^\w\- ]", "", plain).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def relative_links(path: Path) -> Iterator[str]:
    """Link and image targets of ``path``'s prose (code removed) that are not URLs."""
    prose = "\n".join(Markdown.read(path.read_text(encoding="utf-8")).prose)
    for target in LINK.findall(CODE_SPAN.sub("code", prose)):
        if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target):
            yield target


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_relative_links_point_to_files_and_headings_that_exist(page: Path) -> None:
    broken = []
    for target in relative_links(page):
        file_part, _, anchor = target.partition("#")
        dest = (page.parent / file_part).resolve() if file_part else page
        if not dest.exists():
            broken.append(f"{target} (no such file)")
        elif anchor and dest.suffix == ".md" and anchor not in github_anchors(dest.read_text(encoding="utf-8")):
            broken.append(f"{target} (no such heading in {dest.name})")
    assert not broken, f"{page.name}: broken links: {broken}"


def resolves(dotted: str) -> bool:
    """``claimkit.a.b.c``: the longest prefix that imports, then attributes for the rest."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module = ".".join(parts[:cut])
        try:
            obj: Any = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and not module.startswith(exc.name) and os.environ.get("CI") != "true":
                return True  # the module is there but an extra it needs is not installed (a user's own clone)
            continue
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(obj, name):
                return False
            obj = getattr(obj, name)
        return True
    return False


@pytest.mark.parametrize("page", [README, *(p for p in DOCS if p != HISTORY)], ids=lambda p: p.name)
def test_module_names_and_source_paths_exist(page: Path) -> None:
    """The package's modules moved (issue 34): every ``claimkit.x.y`` and ``src/claimkit/...`` a page
    names in code must be there."""
    code = Markdown.read(page.read_text(encoding="utf-8")).code_lines(shell_only=False)
    names = {name for line in code for name in DOTTED.findall(line)}
    paths = {path for line in code for path in SOURCE_PATH.findall(line)}
    missing = sorted(n for n in names if not resolves(n)) + sorted(p for p in paths if not (ROOT / p).exists())
    assert not missing, f"{page.name} names modules or files that do not exist: {missing}"


def test_readme_links_every_docs_page() -> None:
    linked = {(README.parent / target.partition("#")[0]).resolve() for target in relative_links(README)}
    unlinked = [page.name for page in DOCS if page.resolve() not in linked]
    assert not unlinked, f"README.md links no docs page {unlinked} (add it to the Documentation list)"
