"""What the commands share: the options several of them take (each defined
once, as a typer ``Annotated`` type), the error line and its exit code, and
the parsing of option values into what the library takes.

An option whose help text differs between commands is defined in the
command's own module: the help of every command is part of its interface.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from claimkit.errors import ClaimkitError, InputError, LanguageSkipped
from claimkit.extractors.spec import ExtractorSpec


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


# Options with the same name and help in several commands (the defaults stay
# in each signature, where typer reads them).
DateOption = Annotated[Optional[str], typer.Option("--date", help="Article date YYYY-MM-DD; overrides dates found in the input.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", help="Refuse article files larger than this.")]
ExtractorOption = Annotated[ExtractorName, typer.Option("--extractor", "-x", help="rules: offline, no network; llm: an OpenAI-compatible endpoint.")]
ModelOption = Annotated[Optional[str], typer.Option("--model", envvar="CLAIMKIT_MODEL", help="LLM model name.")]
MaxChunkTokensOption = Annotated[int, typer.Option("--max-chunk-tokens", min=100, help="LLM: paragraphs per request up to about this many tokens.")]
TimeoutOption = Annotated[float, typer.Option("--timeout", min=0.1, help="LLM: seconds per request.")]
CacheOption = Annotated[bool, typer.Option("--cache/--no-cache", help="LLM: reuse responses cached on disk.")]
MaxOutputTokensOption = Annotated[Optional[int], typer.Option("--max-output-tokens", min=16, help="LLM: cap on tokens per reply.")]
MaxClaimsOption = Annotated[int, typer.Option("--max-claims", min=1, help="LLM: most claims asked for per chunk.")]
AgainstOption = Annotated[Optional[list[Path]], typer.Option("--against", help="Fact-checks to look each claim up in: an index from claimkit index (.ckx), or ClaimReview / JSONL fact-check files; repeat for several (needs the match extra).")]


def output_option(help_text: str) -> Any:
    """``--output`` / ``-o``: every command that writes a file names it so;
    what it writes, and so its help, differs."""
    return typer.Option("--output", "-o", help=help_text)


def say(message: str) -> None:
    """One line on stderr."""
    typer.echo(message, err=True)


def fail(exc: ClaimkitError) -> typer.Exit:
    """Say the error in one line; the exit (to raise) with its code."""
    say(f"claimkit: error: {exc}")
    return typer.Exit(exc.exit_code)


def run_exit_code(bad_inputs: int, skipped: int) -> int:
    """A broken input (3) outranks a language skip (7): it is the one to fix,
    and the summary line counts both."""
    return InputError.exit_code if bad_inputs else LanguageSkipped.exit_code if skipped else 0


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def parse_lang(value: str | None, extractor: ExtractorName) -> str | None:
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


def check_directory(output: Path | None) -> None:
    """``-o FILE``: its directory must exist."""
    if output is not None and not output.resolve().parent.is_dir():
        raise typer.BadParameter(f"directory {output.resolve().parent} does not exist", param_hint="--output")


@dataclass(frozen=True)
class LlmFlags:
    """The LLM options of a command line, as given."""

    model: str | None
    base_url: str | None
    api_key_env: str | None
    response_format: ResponseFormat
    max_chunk_tokens: int
    concurrency: int
    timeout: float
    cache: bool
    max_output_tokens: int | None
    max_claims: int
    instructions_role: InstructionsRole


def extractor_spec(name: ExtractorName, llm: LlmFlags, *, cue_tagger: bool = False, accurate: bool = False) -> ExtractorSpec:
    """The extractor the options ask for; options that do not go together are
    a usage error."""
    if cue_tagger and accurate:
        raise typer.BadParameter("choose one of --cue-tagger and --accurate", param_hint="--accurate")
    if name is ExtractorName.rules:
        return ExtractorSpec(name="rules", cue_tagger=cue_tagger, accurate=accurate)
    if cue_tagger or accurate:
        flag = "--accurate" if accurate else "--cue-tagger"
        raise typer.BadParameter(f"{flag} works with --extractor rules only", param_hint=flag)
    from claimkit.extractors.llm import LLMOptions, default_cache_dir

    if not llm.model:
        raise typer.BadParameter("--extractor llm needs --model (or CLAIMKIT_MODEL)", param_hint="--model")
    return ExtractorSpec(
        name="llm",
        llm=LLMOptions(
            model=llm.model,
            base_url=llm.base_url or os.environ.get("OPENAI_BASE_URL") or None,
            api_key=_api_key(llm.base_url, llm.api_key_env),
            response_format=llm.response_format.value,
            max_chunk_tokens=llm.max_chunk_tokens,
            concurrency=llm.concurrency,
            timeout=llm.timeout,
            cache_dir=default_cache_dir() if llm.cache else None,
            max_output_tokens=llm.max_output_tokens,
            max_claims=llm.max_claims,
            instructions_role=llm.instructions_role.value,
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
