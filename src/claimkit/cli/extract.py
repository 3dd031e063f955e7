"""``claimkit extract``: articles in, claim records out.  The run loop is
``claimkit.run.local`` (``claimkit.run.cluster`` with ``--scheduler``)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimkit.cli.common import (
    AgainstOption,
    CacheOption,
    DateOption,
    ExtractorName,
    ExtractorOption,
    InstructionsRole,
    LlmFlags,
    MaxBytesOption,
    MaxChunkTokensOption,
    MaxClaimsOption,
    MaxOutputTokensOption,
    ModelOption,
    ResponseFormat,
    TimeoutOption,
    check_directory,
    extractor_spec,
    fail,
    output_option,
    parse_date,
    parse_lang,
    run_exit_code,
    say,
)
from claimkit.cli.match import checked_annotator
from claimkit.errors import ClaimkitError, InputError
from claimkit.extractors import Extractor
from claimkit.extractors.spec import ExtractorSpec, build_extractor, reads, settle
from claimkit.model import Article
from claimkit.read import files
from claimkit.run import local
from claimkit.run.progress import RunProgress


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"
    claimreview = "claimreview"


PathsArgument = Annotated[list[str], typer.Argument(help="Articles: text (.txt, .md), JSONL (.jsonl, .jsonl.gz), web pages (.html, .htm, .html.gz), web archives (.warc, .warc.gz), directories, or - for stdin.")]
OutputOption = Annotated[Optional[Path], output_option("Write here instead of stdout (.gz: gzipped); a finished run renames FILE.part to FILE.")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl: one record per line; json: one array; table: for reading; csv: one row per claim (UTF-8 with BOM); claimreview: schema.org ClaimReview drafts (JSON-LD).")]
CueTaggerOption = Annotated[bool, typer.Option("--cue-tagger", help="rules: also score cue words with the fine-tuned MiniLM tagger (needs the tagger extra; slower, more accurate).")]
LangOption = Annotated[Optional[str], typer.Option("--lang", help="The articles' language (ISO 639-1), instead of identifying it; the offline extractor skips articles not in English unless given --lang en.")]
AccurateOption = Annotated[bool, typer.Option("--accurate", help="rules: the MPNet tagger sets cues, sources and contents (needs the accurate extra; slowest, most accurate).")]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: every core); the output is the same for any number.")]
ResumeOption = Annotated[bool, typer.Option("--resume", help="With -o FILE (JSONL): continue an interrupted run from FILE.part.")]
SchedulerOption = Annotated[Optional[str], typer.Option("--scheduler", help="Run on a Dask cluster (tcp://HOST:PORT); -o names the directory for the parts and manifest (needs the dask extra).")]
GzipPartsOption = Annotated[bool, typer.Option("--gzip-parts", help="Dask: write the parts as .jsonl.gz.")]
BaseUrlOption = Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (default: $OPENAI_BASE_URL, else OpenAI).")]
ApiKeyEnvOption = Annotated[Optional[str], typer.Option("--api-key-env", help="Environment variable holding the API key (default OPENAI_API_KEY, which is not sent to a --base-url given on the command line unless named here).")]
ResponseFormatOption = Annotated[ResponseFormat, typer.Option("--response-format", help="Structured-output mode; auto falls back when the server refuses one.")]
ConcurrencyOption = Annotated[int, typer.Option("--concurrency", min=1, max=256, help="LLM: requests in flight (per process).")]
InstructionsRoleOption = Annotated[InstructionsRole, typer.Option("--instructions-role", help="LLM: send the instructions as a system or a user message (some chat templates drop system messages).")]


def extract(
    paths: PathsArgument,
    output: OutputOption = None,
    fmt: FormatOption = OutputFormat.jsonl,
    date: DateOption = None,
    extractor_name: ExtractorOption = ExtractorName.rules,
    cue_tagger: CueTaggerOption = False,
    lang: LangOption = None,
    accurate: AccurateOption = False,
    against: AgainstOption = None,
    jobs: JobsOption = 1,
    resume: ResumeOption = False,
    scheduler: SchedulerOption = None,
    gzip_parts: GzipPartsOption = False,
    max_bytes: MaxBytesOption = files.MAX_BYTES,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    api_key_env: ApiKeyEnvOption = None,
    response_format: ResponseFormatOption = ResponseFormat.auto,
    max_chunk_tokens: MaxChunkTokensOption = 1500,
    concurrency: ConcurrencyOption = 4,
    timeout: TimeoutOption = 60.0,
    cache: CacheOption = True,
    max_output_tokens: MaxOutputTokensOption = None,
    max_claims: MaxClaimsOption = 40,
    instructions_role: InstructionsRoleOption = InstructionsRole.system,
) -> None:
    """Extract claim records from articles."""
    anchor = parse_date(date)
    declared = parse_lang(lang, extractor_name)
    _check_output(output, fmt, resume, scheduler, against)
    llm = LlmFlags(
        model=model, base_url=base_url, api_key_env=api_key_env, response_format=response_format,
        max_chunk_tokens=max_chunk_tokens, concurrency=concurrency, timeout=timeout, cache=cache,
        max_output_tokens=max_output_tokens, max_claims=max_claims, instructions_role=instructions_role,
    )
    try:
        spec = extractor_spec(extractor_name, llm, cue_tagger=cue_tagger, accurate=accurate)
        if scheduler is not None:
            assert output is not None
            _extract_on_dask(paths, str(output), spec, scheduler, anchor=anchor, max_bytes=max_bytes, gz=gzip_parts, declared=declared)
        annotate = checked_annotator(against) if against else None
        progress = RunProgress() if sys.stderr.isatty() else None
        extractor = _load_here(spec, jobs, progress)
    except ClaimkitError as exc:
        raise fail(exc) from None
    inputs = local.staged_inputs(paths, max_bytes=max_bytes, anchor=anchor, reads=reads(spec), declared=declared)
    checks = [[str(p.resolve()) for p in against]] if against else []
    key = local.fingerprint(spec, fmt.value, [p if p == "-" else str(Path(p).resolve()) for p in paths], anchor, max_bytes, declared, *checks)
    summary = _run(inputs, spec, key, extractor, progress, output=output, fmt=fmt, jobs=jobs, resume=resume, annotate=annotate)
    summary_fn = getattr(extractor, "format_summary", None)
    say(f"claimkit: {summary.format()}" + (f"; {summary_fn()}" if summary_fn else ""))
    raise typer.Exit(run_exit_code(summary.bad_inputs, summary.skipped))


def _check_output(output: Path | None, fmt: OutputFormat, resume: bool, scheduler: str | None, against: list[Path] | None) -> None:
    if scheduler is not None:
        if against:
            raise typer.BadParameter("--against matches in this process, not on a Dask cluster: run claimkit match on the parts", param_hint="--against")
        if output is None:
            raise typer.BadParameter("--scheduler needs -o OUT_DIR (a directory, or an fsspec URL, for the parts)", param_hint="--output")
        if fmt is not OutputFormat.jsonl or resume:
            raise typer.BadParameter("--scheduler writes JSONL parts; --format and --resume do not apply", param_hint="--scheduler")
        return
    check_directory(output)
    if resume and (output is None or fmt is not OutputFormat.jsonl):
        raise typer.BadParameter("--resume needs -o FILE and --format jsonl", param_hint="--resume")


def _load_here(spec: ExtractorSpec, jobs: int, progress: RunProgress | None) -> Extractor | None:
    """With one job the extractor runs in this process: load its models before
    reading input.  (With more, each worker process builds its own.)"""
    if local.resolve_jobs(jobs) != 1:
        return None
    extractor = build_extractor(spec, progress=progress.chunk if progress is not None else None)
    settle(extractor)
    return extractor


def _run(
    inputs: Iterable[Article | InputError],
    spec: ExtractorSpec,
    key: str,
    extractor: Extractor | None,
    progress: RunProgress | None,
    *,
    output: Path | None,
    fmt: OutputFormat,
    jobs: int,
    resume: bool,
    annotate: local.Annotate | None = None,
) -> local.Summary:
    """``local.run``; a failure or Ctrl-C is one line (and where the partial
    output is kept) and its exit code."""
    try:
        return local.run(
            inputs,
            spec,
            output=output,
            stdout=sys.stdout,
            fmt=fmt.value,
            jobs=jobs,
            resume=resume,
            fingerprint_key=key,
            extractor=extractor,
            report=progress.say if progress is not None else say,
            progress=progress,
            annotate=annotate,
        )
    except ClaimkitError as exc:
        _say_kept(output, fmt)
        raise fail(exc) from None
    except KeyboardInterrupt:
        say("claimkit: interrupted" + ("; no output file was written" if output else ""))
        _say_kept(output, fmt)
        raise typer.Exit(130) from None


def _say_kept(output: Path | None, fmt: OutputFormat) -> None:
    """After a failed run, where its resumable partial output is."""
    if output is not None and local.resumable(output, fmt.value) and output.with_name(output.name + ".part").exists():
        say(f"claimkit: {output}.part kept: the same command with --resume continues the run")


def _extract_on_dask(
    paths: list[str],
    out_dir: str,
    spec: ExtractorSpec,
    scheduler: str,
    *,
    anchor: dt.date | None,
    max_bytes: int,
    gz: bool,
    declared: str | None,
) -> None:
    """``extract --scheduler``: one part per input file on a Dask cluster, then the manifest."""
    from claimkit.run import cluster

    manifest = cluster.run_files(
        paths, out_dir, spec, scheduler=scheduler, anchor=anchor, max_bytes=max_bytes, gz=gz, report=say, declared=declared
    )
    say(f"claimkit: {manifest.format()}")
    raise typer.Exit(run_exit_code(manifest.bad_inputs, manifest.skipped))
