"""The command line: a thin typer layer over the library.

Records go to stdout (or ``-o FILE``); errors and the run summary go to
stderr, one line each.  Exit codes: 0 success, 2 usage, 3 bad input (the other
inputs are still processed), 4 extractor failure, 5 LLM endpoint failure,
6 invalid records, 7 articles skipped for their language (3 wins when both happen).  The run
loop is ``claimkit.run.local`` (``claimkit.run.cluster`` on a Dask cluster).
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

from claimkit import evaluate, review
from claimkit.errors import ClaimkitError, InputError, LanguageSkipped
from claimkit.extractors.spec import ExtractorSpec, build_extractor, reads, settle
from claimkit.read import files
from claimkit.run import local
from claimkit.run.progress import RunProgress
from claimkit.version import __version__
from claimkit.write import article_text, validate
from claimkit.write.formats import open_output

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
    csv = "csv"
    claimreview = "claimreview"


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


def _parse_lang(value: str | None, extractor: ExtractorName) -> str | None:
    """``--lang``: a two-letter ISO 639-1 code; the offline extractor takes only
    a language it reads (declaring German would skip every article)."""
    if value is None:
        return None
    code = value.strip().lower()
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise typer.BadParameter(f"{value!r} is not a two-letter ISO 639-1 code (en, de, fr, ...)", param_hint="--lang")
    if extractor is ExtractorName.rules:
        from claimkit.extractors.rules import RuleExtractor

        if code not in RuleExtractor.languages:
            raise typer.BadParameter(
                f"the offline extractor reads {', '.join(sorted(RuleExtractor.languages))} only; "
                f"--lang {code} works with --extractor llm",
                param_hint="--lang",
            )
    return code


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
    accurate: bool = False,
) -> ExtractorSpec:
    if use_cue_tagger and accurate:
        raise typer.BadParameter("choose one of --cue-tagger and --accurate", param_hint="--accurate")
    if name is ExtractorName.rules:
        return ExtractorSpec(name="rules", cue_tagger=use_cue_tagger, accurate=accurate)
    if use_cue_tagger or accurate:
        flag = "--accurate" if accurate else "--cue-tagger"
        raise typer.BadParameter(f"{flag} works with --extractor rules only", param_hint=flag)
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
    paths: Annotated[list[str], typer.Argument(help="Articles: text (.txt, .md), JSONL (.jsonl, .jsonl.gz), web pages (.html, .htm, .html.gz), web archives (.warc, .warc.gz), directories, or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout (.gz: gzipped); a finished run renames FILE.part to FILE.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl: one record per line; json: one array; table: for reading; csv: one row per claim (UTF-8 with BOM); claimreview: schema.org ClaimReview drafts (JSON-LD).")] = OutputFormat.jsonl,
    date: Annotated[Optional[str], typer.Option("--date", help="Article date YYYY-MM-DD; overrides dates found in the input.")] = None,
    extractor_name: Annotated[ExtractorName, typer.Option("--extractor", "-x", help="rules: offline, no network; llm: an OpenAI-compatible endpoint.")] = ExtractorName.rules,
    cue_tagger: Annotated[bool, typer.Option("--cue-tagger", help="rules: also score cue words with the fine-tuned MiniLM tagger (needs the tagger extra; slower, more accurate).")] = False,
    lang: Annotated[Optional[str], typer.Option("--lang", help="The articles' language (ISO 639-1), instead of identifying it; the offline extractor skips articles not in English unless given --lang en.")] = None,
    accurate: Annotated[bool, typer.Option("--accurate", help="rules: the MPNet tagger sets cues, sources and contents (needs the accurate extra; slowest, most accurate).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: every core); the output is the same for any number.")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="With -o FILE (JSONL): continue an interrupted run from FILE.part.")] = False,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Run on a Dask cluster (tcp://HOST:PORT); -o names the directory for the parts and manifest (needs the dask extra).")] = None,
    gzip_parts: Annotated[bool, typer.Option("--gzip-parts", help="Dask: write the parts as .jsonl.gz.")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse article files larger than this.")] = files.MAX_BYTES,
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
    declared = _parse_lang(lang, extractor_name)
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
            accurate=accurate,
        )
        if scheduler is not None:
            assert output is not None
            _extract_on_dask(paths, str(output), spec, scheduler, anchor=anchor, max_bytes=max_bytes, gz=gzip_parts, declared=declared)
        progress = RunProgress() if sys.stderr.isatty() else None
        extractor = None
        if local.resolve_jobs(jobs) == 1:  # in this process: load the models before reading input
            extractor = build_extractor(spec, progress=progress.chunk if progress is not None else None)
            settle(extractor)
    except ClaimkitError as exc:
        raise _fail(exc) from None

    inputs = local.staged_inputs(paths, max_bytes=max_bytes, anchor=anchor, reads=reads(spec), declared=declared)
    key = local.fingerprint(spec, fmt.value, [p if p == "-" else str(Path(p).resolve()) for p in paths], anchor, max_bytes, declared)
    try:
        summary = local.run(
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
    # a broken input (3) outranks a language skip (7): it is the one to fix,
    # and the summary line counts both
    raise typer.Exit(InputError.exit_code if summary.bad_inputs else LanguageSkipped.exit_code if summary.skipped else 0)


def _say_kept(output: Path | None, fmt: OutputFormat) -> None:
    """After a failed run, where its resumable partial output is."""
    if output is not None and local.resumable(output, fmt.value) and output.with_name(output.name + ".part").exists():
        _say(f"claimkit: {output}.part kept: the same command with --resume continues the run")


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
        paths, out_dir, spec, scheduler=scheduler, anchor=anchor, max_bytes=max_bytes, gz=gz, report=_say, declared=declared
    )
    _say(f"claimkit: {manifest.format()}")
    raise typer.Exit(InputError.exit_code if manifest.bad_inputs else LanguageSkipped.exit_code if manifest.skipped else 0)


@app.command(name="review")
def review_cmd(
    paths: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .jsonl), directories, or - for stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML page to write (atomically).")],
    records: Annotated[Optional[Path], typer.Option("--records", help="Records made earlier for these articles (JSONL) instead of extracting now.")] = None,
    verdicts: Annotated[Optional[Path], typer.Option("--verdicts", help="Verdicts downloaded from a review page (JSONL), put in place on this page.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Article date YYYY-MM-DD; overrides dates found in the input.")] = None,
    extractor_name: Annotated[ExtractorName, typer.Option("--extractor", "-x", help="rules: offline, no network; llm: an OpenAI-compatible endpoint.")] = ExtractorName.rules,
    cue_tagger: Annotated[bool, typer.Option("--cue-tagger", help="rules: also score cue words with the fine-tuned MiniLM tagger (needs the tagger extra).")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse article files larger than this.")] = files.MAX_BYTES,
    model: Annotated[Optional[str], typer.Option("--model", envvar="CLAIMKIT_MODEL", help="LLM model name.")] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible endpoint (default: $OPENAI_BASE_URL, else OpenAI).")] = None,
    api_key_env: Annotated[Optional[str], typer.Option("--api-key-env", help="Environment variable holding the API key (as for extract).")] = None,
    response_format: Annotated[ResponseFormat, typer.Option("--response-format", help="Structured-output mode.")] = ResponseFormat.auto,
    max_chunk_tokens: Annotated[int, typer.Option("--max-chunk-tokens", min=100, help="LLM: paragraphs per request up to about this many tokens.")] = 1500,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=256, help="LLM: requests in flight.")] = 4,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="LLM: seconds per request.")] = 60.0,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="LLM: reuse responses cached on disk.")] = True,
    max_output_tokens: Annotated[Optional[int], typer.Option("--max-output-tokens", min=16, help="LLM: cap on tokens per reply.")] = None,
    max_claims: Annotated[int, typer.Option("--max-claims", min=1, help="LLM: most claims asked for per chunk.")] = 40,
    instructions_role: Annotated[InstructionsRole, typer.Option("--instructions-role", help="LLM: send the instructions as a system or a user message.")] = InstructionsRole.system,
) -> None:
    """Write a self-contained HTML page to review the claims of articles in a browser."""
    anchor = _parse_date(date)
    if not output.resolve().parent.is_dir():
        raise typer.BadParameter(f"directory {output.resolve().parent} does not exist", param_hint="--output")
    try:
        spec = _spec(
            extractor_name, model=model, base_url=base_url, api_key_env=api_key_env, response_format=response_format,
            max_chunk_tokens=max_chunk_tokens, concurrency=concurrency, timeout=timeout, cache=cache,
            max_output_tokens=max_output_tokens, max_claims=max_claims, instructions_role=instructions_role,
            use_cue_tagger=cue_tagger,
        )
        items = local.staged_inputs(paths, max_bytes=max_bytes, anchor=anchor, reads=None if records is not None else reads(spec))
        articles, bad_inputs = review.gather_articles(items, _say)
        review.unique_articles(articles)
        if records is not None:
            docs = review.docs_from_records(articles, records)
        else:
            docs = review.extracted_docs(articles, build_extractor(spec), _say)
        prefilled = review.verdicts_for(verdicts, docs) if verdicts is not None else []
        page = review.build_page(docs, prefilled)
        with open_output(output, sys.stdout) as stream:
            stream.write(page)
    except ClaimkitError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        _say("claimkit: interrupted; no output file was written")
        raise typer.Exit(130) from None
    _say(f"claimkit: wrote {output}: {len(docs)} article(s), {sum(len(d.records) for d in docs)} claim(s), {len(prefilled)} verdict(s), {bad_inputs} input error(s)")
    raise typer.Exit(InputError.exit_code if bad_inputs else 0)


class TextFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


@app.command(name="text")
def text_cmd(
    paths: Annotated[list[str], typer.Argument(help="Articles as extract reads them: files, web pages, WARCs, directories, JSONL, or -.")],
    fmt: Annotated[TextFormat, typer.Option("--format", "-f", help="text: the article text exactly as records index it; jsonl: one article per line with its metadata.")] = TextFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse article files larger than this.")] = files.MAX_BYTES,
) -> None:
    """Print the text claimkit extracts from each article (the text record offsets index)."""
    if output is not None and not output.resolve().parent.is_dir():
        raise typer.BadParameter(f"directory {output.resolve().parent} does not exist", param_hint="--output")
    items, several = article_text.peek_several(files.load(paths, max_bytes=max_bytes))
    with open_output(output, sys.stdout) as stream:
        bad_inputs = article_text.write_texts(items, stream, as_jsonl=fmt is TextFormat.jsonl, headers=several, report=_say)
    raise typer.Exit(InputError.exit_code if bad_inputs else 0)


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
        article = None if text is None else files.decode(text.read_bytes(), str(text))
    except OSError as exc:
        raise _fail(InputError(f"{path if text is None or path != str(text) else text}: cannot read ({exc.strerror})")) from None
    except UnicodeDecodeError:
        raise _fail(InputError(f"{path}: not valid UTF-8")) from None
    except InputError as exc:
        raise _fail(exc) from None
    bad = count = 0
    for lineno, problems in validate.line_problems(raw, article):
        count += 1
        if problems:
            bad += 1
            for problem in problems:
                _say(f"{path}:{lineno}: {problem}")
    _say(f"claimkit: {count - bad} of {count} record(s) valid")
    raise typer.Exit(6 if bad else 0)


@app.command(name="eval")
def eval_cmd(
    gold: Annotated[
        Optional[Path],
        typer.Option(
            "--gold",
            help="PolNeAR split directory (text/ and attributions/), MEANTIME directory (intra-doc_annotation/), "
            "or a fields gold set (gold.jsonl beside the articles, e.g. tests/data/gold22).",
        ),
    ] = None,
    pred: Annotated[Optional[Path], typer.Option("--pred", help="claimkit JSONL records for the same articles.")] = None,
    verdicts: Annotated[Optional[Path], typer.Option("--verdicts", help="Reviewers' verdicts (JSONL downloaded from the review page): precision by source kind and mode, missed claims.")] = None,
    records: Annotated[Optional[Path], typer.Option("--records", help="With --verdicts: the records reviewed (their mode and source kind are used, and every verdict must be about one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score records against gold (--gold, --pred): PolNeAR (P/R/F1 of source, cue, content and pairs),
    MEANTIME (certainty of the main event, dates in records) or a fields gold set (every field per claim);
    or reviewers' verdicts (--verdicts)."""
    if verdicts is not None:
        report = _verdict_report(verdicts, records)
        typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format_table())
        return
    if gold is None or pred is None:
        raise typer.BadParameter("give --gold and --pred, or --verdicts")
    for p in (gold, pred):
        if not p.exists():
            raise _fail(InputError(f"{p}: no such file or directory"))
    try:
        scores = evaluate.against_gold(gold, pred)
    except (OSError, ValueError, KeyError) as exc:
        raise _fail(InputError(f"cannot evaluate: {exc}")) from None
    typer.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.format_table())


def _verdict_report(verdicts: Path, records: Path | None) -> review.VerdictReport:
    try:
        return review.verdict_report(verdicts, records)
    except ClaimkitError as exc:
        raise _fail(exc) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """claimkit: who reported what, when, and with what certainty."""
