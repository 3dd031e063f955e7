"""The command line: a thin typer layer over the library.

Records go to stdout (or ``-o FILE``); errors and the run summary go to
stderr, one line each.  Exit codes: 0 success, 2 usage, 3 bad input (the other
inputs are still processed), 4 extractor failure, 5 LLM endpoint failure,
6 invalid records.  The run loop is ``claimkit.runner`` (``claimkit.dask_run``
on a Dask cluster).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimkit import __version__, ingest, runner, validate
from claimkit.errors import ClaimkitError, InputError
from claimkit.extractors.spec import ExtractorSpec, build_extractor, settle
from claimkit.progress import RunProgress

app = typer.Typer(
    name="claimkit",
    help="Turn news articles into attributed, time-resolved, validated claim records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class ExtractorName(str, Enum):
    rules = "rules"
    llm = "llm"


class InstructionsRole(str, Enum):
    system = "system"
    user = "user"


class ResponseFormat(str, Enum):
    auto = "auto"
    json_schema = "json_schema"
    json_object = "json_object"
    text = "text"


def _say(message: str) -> None:
    """One line on stderr."""
    typer.echo(message, err=True)


def _fail(exc: ClaimkitError) -> typer.Exit:
    _say(f"claimkit: error: {exc}")
    return typer.Exit(exc.exit_code)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def _spec(
    name: ExtractorName,
    *,
    model: str | None,
    base_url: str | None,
    api_key_env: str | None,
    response_format: ResponseFormat,
    max_chunk_tokens: int,
    concurrency: int,
    timeout: float,
    cache: bool,
    max_output_tokens: int | None,
    max_claims: int,
    instructions_role: InstructionsRole,
    use_cue_tagger: bool = False,
) -> ExtractorSpec:
    if name is ExtractorName.rules:
        return ExtractorSpec(name="rules", cue_tagger=use_cue_tagger)
    if use_cue_tagger:
        raise typer.BadParameter("--cue-tagger works with --extractor rules only", param_hint="--cue-tagger")
    from claimkit.extractors.llm import LLMOptions, default_cache_dir

    if not model:
        raise typer.BadParameter("--extractor llm needs --model (or CLAIMKIT_MODEL)", param_hint="--model")
    return ExtractorSpec(
        name="llm",
        llm=LLMOptions(
            model=model,
            base_url=base_url or os.environ.get("OPENAI_BASE_URL") or None,
            api_key=_api_key(base_url, api_key_env),
            response_format=response_format.value,
            max_chunk_tokens=max_chunk_tokens,
            concurrency=concurrency,
            timeout=timeout,
            cache_dir=default_cache_dir() if cache else None,
            max_output_tokens=max_output_tokens,
            max_claims=max_claims,
            instructions_role=instructions_role.value,
        ),
    )


def _api_key(base_url_option: str | None, api_key_env: str | None) -> str | None:
    """The key to send.  The default OPENAI_API_KEY goes to OpenAI or to the
    endpoint configured in $OPENAI_BASE_URL, but not to an endpoint typed on
    the command line: naming it with --api-key-env sends it there."""
    if api_key_env is not None:
        return os.environ.get(api_key_env)
    if base_url_option is not None:
        return None
    return os.environ.get("OPENAI_API_KEY")


def _check_output(output: Path | None, fmt: OutputFormat, resume: bool, scheduler: str | None) -> None:
    if scheduler is not None:
        if output is None:
            raise typer.BadParameter("--scheduler needs -o OUT_DIR (a directory, or an fsspec URL, for the parts)", param_hint="--output")
        if fmt is not OutputFormat.jsonl or resume:
            raise typer.BadParameter("--scheduler writes JSONL parts; --format and --resume do not apply", param_hint="--scheduler")
        return
    if output is not None and not output.resolve().parent.is_dir():
        raise typer.BadParameter(f"directory {output.resolve().parent} does not exist", param_hint="--output")
    if resume and (output is None or fmt is not OutputFormat.jsonl):
        raise typer.BadParameter("--resume needs -o FILE and --format jsonl", param_hint="--resume")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .jsonl, .jsonl.gz), directories, or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout (.gz: gzipped); a finished run renames FILE.part to FILE.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl: one record per line; json: one array; table: for reading.")] = OutputFormat.jsonl,
    date: Annotated[Optional[str], typer.Option("--date", help="Article date YYYY-MM-DD; overrides dates found in the input.")] = None,
    extractor_name: Annotated[ExtractorName, typer.Option("--extractor", "-x", help="rules: offline, no network; llm: an OpenAI-compatible endpoint.")] = ExtractorName.rules,
    cue_tagger: Annotated[bool, typer.Option("--cue-tagger", help="rules: also score cue words with the fine-tuned MiniLM tagger (needs the tagger extra; slower, more accurate).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: every core); the output is the same for any number.")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="With -o FILE (JSONL): continue an interrupted run from FILE.part.")] = False,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Run on a Dask cluster (tcp://HOST:PORT); -o names the directory for the parts and manifest (needs the dask extra).")] = None,
    gzip_parts: Annotated[bool, typer.Option("--gzip-parts", help="Dask: write the parts as .jsonl.gz.")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse article files larger than this.")] = ingest.MAX_BYTES,
    model: Annotated[Optional[str], typer.Option("--model", envvar="CLAIMKIT_MODEL", help="LLM model name.")] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (default: $OPENAI_BASE_URL, else OpenAI).")] = None,
    api_key_env: Annotated[Optional[str], typer.Option("--api-key-env", help="Environment variable holding the API key (default OPENAI_API_KEY, which is not sent to a --base-url given on the command line unless named here).")] = None,
    response_format: Annotated[ResponseFormat, typer.Option("--response-format", help="Structured-output mode; auto falls back when the server refuses one.")] = ResponseFormat.auto,
    max_chunk_tokens: Annotated[int, typer.Option("--max-chunk-tokens", min=100, help="LLM: paragraphs per request up to about this many tokens.")] = 1500,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=256, help="LLM: requests in flight (per process).")] = 4,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="LLM: seconds per request.")] = 60.0,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="LLM: reuse responses cached on disk.")] = True,
    max_output_tokens: Annotated[Optional[int], typer.Option("--max-output-tokens", min=16, help="LLM: cap on tokens per reply.")] = None,
    max_claims: Annotated[int, typer.Option("--max-claims", min=1, help="LLM: most claims asked for per chunk.")] = 40,
    instructions_role: Annotated[InstructionsRole, typer.Option("--instructions-role", help="LLM: send the instructions as a system or a user message (some chat templates drop system messages).")] = InstructionsRole.system,
) -> None:
    """Extract claim records from articles."""
    anchor = _parse_date(date)
    _check_output(output, fmt, resume, scheduler)
    progress = None
    try:
        spec = _spec(
            extractor_name,
            model=model,
            base_url=base_url,
            api_key_env=api_key_env,
            response_format=response_format,
            max_chunk_tokens=max_chunk_tokens,
            concurrency=concurrency,
            timeout=timeout,
            cache=cache,
            max_output_tokens=max_output_tokens,
            max_claims=max_claims,
            instructions_role=instructions_role,
            use_cue_tagger=cue_tagger,
        )
        if scheduler is not None:
            assert output is not None
            _extract_on_dask(paths, str(output), spec, scheduler, anchor=anchor, max_bytes=max_bytes, gz=gzip_parts)
        progress = RunProgress() if sys.stderr.isatty() else None
        extractor = None
        if runner.resolve_jobs(jobs) == 1:  # in this process: load the models before reading input
            extractor = build_extractor(spec, progress=progress.chunk if progress is not None else None)
            settle(extractor)
    except ClaimkitError as exc:
        raise _fail(exc) from None

    inputs = runner.with_date(ingest.load(paths, max_bytes=max_bytes), anchor)
    key = runner.fingerprint(spec, fmt.value, [p if p == "-" else str(Path(p).resolve()) for p in paths], anchor, max_bytes)
    try:
        summary = runner.run(
            inputs,
            spec,
            output=output,
            stdout=sys.stdout,
            fmt=fmt.value,
            jobs=jobs,
            resume=resume,
            fingerprint_key=key,
            extractor=extractor,
            report=progress.say if progress is not None else _say,
            progress=progress,
        )
    except ClaimkitError as exc:
        _say_kept(output, fmt)
        raise _fail(exc) from None
    except KeyboardInterrupt:
        _say("claimkit: interrupted" + ("; no output file was written" if output else ""))
        _say_kept(output, fmt)
        raise typer.Exit(130) from None
    summary_fn = getattr(extractor, "format_summary", None)
    _say(f"claimkit: {summary.format()}" + (f"; {summary_fn()}" if summary_fn else ""))
    raise typer.Exit(InputError.exit_code if summary.bad_inputs else 0)


def _say_kept(output: Path | None, fmt: OutputFormat) -> None:
    """After a failed run, where its resumable partial output is."""
    if output is not None and runner.resumable(output, fmt.value) and output.with_name(output.name + ".part").exists():
        _say(f"claimkit: {output}.part kept: the same command with --resume continues the run")


def _extract_on_dask(
    paths: list[str], out_dir: str, spec: ExtractorSpec, scheduler: str, *, anchor: dt.date | None, max_bytes: int, gz: bool
) -> None:
    """``extract --scheduler``: one part per input file on a Dask cluster, then the manifest."""
    from claimkit import dask_run

    manifest = dask_run.run_files(paths, out_dir, spec, scheduler=scheduler, anchor=anchor, max_bytes=max_bytes, gz=gz, report=_say)
    _say(f"claimkit: {manifest.format()}")
    raise typer.Exit(InputError.exit_code if manifest.bad_inputs else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one record."""
    sys.stdout.write(validate.schema_text())


@app.command(name="validate")
def validate_cmd(
    path: Annotated[str, typer.Argument(help="A JSONL file of records, or - for stdin.")],
    text: Annotated[Optional[Path], typer.Option("--text", help="The article the records came from: also check every span's offsets.")] = None,
) -> None:
    """Check records against the schema; errors name the line."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        raw = data.decode("utf-8")
        article = None if text is None else ingest.decode(text.read_bytes(), str(text))
    except OSError as exc:
        raise _fail(InputError(f"{path if text is None or path != str(text) else text}: cannot read ({exc.strerror})")) from None
    except UnicodeDecodeError:
        raise _fail(InputError(f"{path}: not valid UTF-8")) from None
    except InputError as exc:
        raise _fail(exc) from None
    bad = count = 0
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        count += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems = [f"invalid JSON ({exc.msg})"]
        else:
            problems = validate.errors(record)
            if not problems and article is not None:
                problems = list(validate.span_errors(record, article))
        if problems:
            bad += 1
            for problem in problems:
                _say(f"{path}:{lineno}: {problem}")
    _say(f"claimkit: {count - bad} of {count} record(s) valid")
    raise typer.Exit(6 if bad else 0)


@app.command(name="eval")
def eval_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="PolNeAR split directory (with text/ and attributions/).")],
    pred: Annotated[Path, typer.Option("--pred", help="claimkit JSONL records for the same articles.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score records against PolNeAR gold: P/R/F1 of source, cue, content (exact and overlap) and pairs."""
    from claimkit.evaluate import evaluate

    for p in (gold, pred):
        if not p.exists():
            raise _fail(InputError(f"{p}: no such file or directory"))
    try:
        report = evaluate(gold, pred)
    except (OSError, ValueError) as exc:
        raise _fail(InputError(f"cannot evaluate: {exc}")) from None
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format_table())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """claimkit: who reported what, when, and with what certainty."""
