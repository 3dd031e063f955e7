"""The commands around records and the text they index: ``claimkit text``
(the article text, ``claimkit.write.article_text``), ``claimkit schema`` and
``claimkit validate`` (``claimkit.write.validate``)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimkit.cli.common import MaxBytesOption, check_directory, fail, output_option, say
from claimkit.errors import InputError, SchemaError
from claimkit.read import files
from claimkit.write import article_text, validate
from claimkit.write.formats import open_output


class TextFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


TextPathsArgument = Annotated[list[str], typer.Argument(help="Articles as extract reads them: files, web pages, WARCs, directories, JSONL, or -.")]
TextFormatOption = Annotated[TextFormat, typer.Option("--format", "-f", help="text: the article text exactly as records index it; jsonl: one article per line with its metadata.")]
TextOutputOption = Annotated[Optional[Path], output_option("Write here (atomically) instead of stdout.")]
RecordsArgument = Annotated[str, typer.Argument(help="A JSONL file of records, or - for stdin.")]
ArticleOption = Annotated[Optional[Path], typer.Option("--text", help="The article the records came from: also check every span's offsets.")]


def text_cmd(
    paths: TextPathsArgument,
    fmt: TextFormatOption = TextFormat.text,
    output: TextOutputOption = None,
    max_bytes: MaxBytesOption = files.MAX_BYTES,
) -> None:
    """Print the text claimkit extracts from each article (the text record offsets index)."""
    check_directory(output)
    items, several = article_text.peek_several(files.load(paths, max_bytes=max_bytes))
    with open_output(output, sys.stdout) as stream:
        bad_inputs = article_text.write_texts(items, stream, as_jsonl=fmt is TextFormat.jsonl, headers=several, report=say)
    raise typer.Exit(InputError.exit_code if bad_inputs else 0)


def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one record."""
    sys.stdout.write(validate.schema_text())


def validate_cmd(path: RecordsArgument, text: ArticleOption = None) -> None:
    """Check records against the schema; errors name the line."""
    raw, article = _read(path, text)
    bad = count = 0
    for lineno, problems in validate.line_problems(raw, article):
        count += 1
        if problems:
            bad += 1
            for problem in problems:
                say(f"{path}:{lineno}: {problem}")
    say(f"claimkit: {count - bad} of {count} record(s) valid")
    raise typer.Exit(SchemaError.exit_code if bad else 0)


def _read(path: str, text: Path | None) -> tuple[str, str | None]:
    """The records (``-``: stdin) and the article's text; what cannot be read
    is one line and exit code 3."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        raw = data.decode("utf-8")
        article = None if text is None else files.decode(text.read_bytes(), str(text))
    except OSError as exc:
        raise fail(InputError(f"{path if text is None or path != str(text) else text}: cannot read ({exc.strerror})")) from None
    except UnicodeDecodeError:
        raise fail(InputError(f"{path}: not valid UTF-8")) from None
    except InputError as exc:
        raise fail(exc) from None
    return raw, article
