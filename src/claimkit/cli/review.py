"""``claimkit review``: one self-contained HTML page to review the claims of
articles in a browser (``claimkit.review``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimkit import review
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
    say,
)
from claimkit.cli.match import checked_annotator
from claimkit.errors import ClaimkitError, InputError
from claimkit.extractors.spec import build_extractor, reads
from claimkit.read import files
from claimkit.run import local
from claimkit.write.formats import open_output

PathsArgument = Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .jsonl), directories, or - for stdin.")]
OutputOption = Annotated[Path, output_option("The HTML page to write (atomically).")]
RecordsOption = Annotated[Optional[Path], typer.Option("--records", help="Records made earlier for these articles (JSONL) instead of extracting now.")]
VerdictsOption = Annotated[Optional[Path], typer.Option("--verdicts", help="Verdicts downloaded from a review page (JSONL), put in place on this page.")]
CueTaggerOption = Annotated[bool, typer.Option("--cue-tagger", help="rules: also score cue words with the fine-tuned MiniLM tagger (needs the tagger extra).")]
BaseUrlOption = Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible endpoint (default: $OPENAI_BASE_URL, else OpenAI).")]
ApiKeyEnvOption = Annotated[Optional[str], typer.Option("--api-key-env", help="Environment variable holding the API key (as for extract).")]
ResponseFormatOption = Annotated[ResponseFormat, typer.Option("--response-format", help="Structured-output mode.")]
ConcurrencyOption = Annotated[int, typer.Option("--concurrency", min=1, max=256, help="LLM: requests in flight.")]
InstructionsRoleOption = Annotated[InstructionsRole, typer.Option("--instructions-role", help="LLM: send the instructions as a system or a user message.")]


def review_cmd(
    paths: PathsArgument,
    output: OutputOption,
    records: RecordsOption = None,
    verdicts: VerdictsOption = None,
    date: DateOption = None,
    extractor_name: ExtractorOption = ExtractorName.rules,
    cue_tagger: CueTaggerOption = False,
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
    against: AgainstOption = None,
) -> None:
    """Write a self-contained HTML page to review the claims of articles in a browser."""
    anchor = parse_date(date)
    check_directory(output)
    llm = LlmFlags(
        model=model, base_url=base_url, api_key_env=api_key_env, response_format=response_format,
        max_chunk_tokens=max_chunk_tokens, concurrency=concurrency, timeout=timeout, cache=cache,
        max_output_tokens=max_output_tokens, max_claims=max_claims, instructions_role=instructions_role,
    )
    try:
        spec = extractor_spec(extractor_name, llm, cue_tagger=cue_tagger)
        annotate = checked_annotator(against) if against else None
        items = local.staged_inputs(paths, max_bytes=max_bytes, anchor=anchor, reads=None if records is not None else reads(spec))
        articles, bad_inputs = review.gather_articles(items, say)
        review.unique_articles(articles)
        if records is not None:
            docs = review.docs_from_records(articles, records)
        else:
            docs = review.extracted_docs(articles, build_extractor(spec), say)
        for doc in docs if annotate is not None else ():
            annotate(doc.records)
        prefilled = review.verdicts_for(verdicts, docs) if verdicts is not None else []
        page = review.build_page(docs, prefilled)
        with open_output(output, sys.stdout) as stream:
            stream.write(page)
    except ClaimkitError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        say("claimkit: interrupted; no output file was written")
        raise typer.Exit(130) from None
    say(f"claimkit: wrote {output}: {len(docs)} article(s), {sum(len(d.records) for d in docs)} claim(s), {len(prefilled)} verdict(s), {bad_inputs} input error(s)")
    raise typer.Exit(InputError.exit_code if bad_inputs else 0)
