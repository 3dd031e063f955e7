"""``LLMExtractor``: chunks -> concurrent requests -> validated, grounded candidates.

For each chunk of each article: look in the cache; else send the request
(at most ``concurrency`` in flight), retrying transient failures with
exponential backoff and jitter (or the server's ``Retry-After``); with
``response_format="auto"`` fall back from ``json_schema`` to ``json_object``
to ``text`` when the endpoint says a format is unsupported; parse and
validate the reply, ask again once with the validation error, then give up
on that chunk with a diagnostic.  Quotes are aligned with the article text
and duplicates across chunks merged.

Failures that retries do not fix (endpoint down, bad key, unknown model)
raise ``ProviderError``; replies already validated stay in the cache, so a
re-run resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from claimkit.errors import ExtractorError, ProviderError
from claimkit.extractors import Extraction
from claimkit.extractors.llm import prompt
from claimkit.extractors.llm.cache import ResponseCache, cache_key
from claimkit.extractors.llm.chunking import Chunk, chunk_text
from claimkit.extractors.llm.client import (
    ChatClient,
    Completion,
    FormatUnsupportedError,
    RequestRejectedError,
    TransientError,
)
from claimkit.extractors.llm.convert import merge, parse_reply, to_candidates
from claimkit.model import Article, Candidate, Diagnostic, ExtractorInfo, Sentence

__all__ = ["EXTRACTOR_VERSION", "LLMExtractor", "LLMOptions", "RunStats", "format_summary"]

EXTRACTOR_VERSION = "0.1.0+" + prompt.PROMPT_VERSION

ResponseFormat = Literal["auto", "json_schema", "json_object", "text"]
_AUTO_ORDER: tuple[str, ...] = ("json_schema", "json_object", "text")
_MAX_RETRY_AFTER = 300.0  # a server asking for a longer pause than this is treated as down


@dataclass(frozen=True)
class LLMOptions:
    """Everything the LLM extractor needs; the CLI builds it from its options.

    ``api_key`` is given by the caller (the CLI reads it from the variable
    named by ``--api-key-env``); it is kept out of ``repr``.
    """

    model: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    response_format: ResponseFormat = "auto"
    max_chunk_tokens: int = 1500
    concurrency: int = 4
    timeout: float = 60.0
    max_retries: int = 4
    cache_dir: Path | None = None
    temperature: float = 0.0
    max_output_tokens: int | None = None
    max_claims: int | None = 40
    instructions_role: Literal["system", "user"] = "system"
    retry_base_delay: float = 0.5
    retry_max_delay: float = 30.0

    def __post_init__(self) -> None:
        if not self.model:
            raise ExtractorError("the LLM extractor needs a model name (--model or CLAIMKIT_MODEL)")
        if self.response_format not in ("auto", *_AUTO_ORDER):
            raise ExtractorError(f"unknown response format {self.response_format!r}")
        if self.max_claims is not None and self.max_claims < 1:
            raise ExtractorError("max_claims must be at least 1")
        if self.concurrency < 1 or self.max_chunk_tokens < 50 or self.max_retries < 0 or self.timeout <= 0:
            raise ExtractorError("concurrency >= 1, max_chunk_tokens >= 50, max_retries >= 0 and timeout > 0 are required")


@dataclass
class RunStats:
    """Counters of one extractor's work so far."""

    documents: int = 0
    chunks: int = 0
    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    reasks: int = 0
    failed_chunks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    ungrounded: int = 0
    exact: int = 0
    normalised: int = 0
    fuzzy: int = 0
    seconds: float = 0.0
    response_format: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def format_summary(stats: RunStats) -> str:
    """One line for stderr, e.g. ``llm: 2 documents, 5 chunks, 4 requests (1 cached), ...``."""
    return (
        f"llm: {_plural(stats.documents, 'document')}, {_plural(stats.chunks, 'chunk')}, "
        f"{_plural(stats.requests, 'request')} ({stats.cache_hits:,} cached), "
        f"{_plural(stats.retries, 'retry').replace('retrys', 'retries')}, {_plural(stats.reasks, 're-ask')}, "
        f"{_plural(stats.failed_chunks, 'failed chunk')}, "
        f"tokens {stats.prompt_tokens:,} prompt + {stats.completion_tokens:,} completion, "
        f"grounded {stats.exact} exact/{stats.normalised} normalised/{stats.fuzzy} fuzzy, "
        f"{stats.ungrounded:,} ungrounded, format {stats.response_format or '-'}, {stats.seconds:.1f} s"
    )


@dataclass
class _ChunkResult:
    candidates: list[Candidate] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


ProgressFn = Callable[[int, int], None]


class LLMExtractor:
    """Claims through any OpenAI-compatible chat-completions endpoint."""

    def __init__(self, options: LLMOptions, *, progress: ProgressFn | None = None) -> None:
        self.options = options
        self.progress = progress
        """Called as ``progress(done, total)`` after each chunk, counted over the
        whole run; ``total`` grows as ``run_all`` hands over more batches."""
        self._cache = ResponseCache(options.cache_dir) if options.cache_dir is not None else None
        self._formats: tuple[str, ...] = _AUTO_ORDER if options.response_format == "auto" else (options.response_format,)
        self._format_at = 0
        self._stats = RunStats(response_format=self._formats[0])
        self._random = random.Random()
        self._done = 0  # chunks finished over all batches (for progress)
        self._schema = prompt.response_schema(options.max_claims)
        self._version = f"{prompt.PROMPT_VERSION}/max-claims={options.max_claims}"

    @property
    def info(self) -> ExtractorInfo:
        return ExtractorInfo(name="llm", version=EXTRACTOR_VERSION, model=self.options.model)

    # ------------------------------------------------------------------ #
    # public entry points

    def extract(self, article: Article, sentences: Sequence[Sentence]) -> Extraction:
        """Candidates of one article (see ``extract_batch``)."""
        return self.extract_batch([(article, sentences)])[0]

    def extract_batch(self, items: Sequence[tuple[Article, Sequence[Sentence]]]) -> list[Extraction]:
        """Candidates of many articles, with requests of all of them in flight together."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self.aextract_batch(items))
        raise ExtractorError("extract_batch was called inside a running event loop: await aextract_batch instead")

    async def aextract_batch(self, items: Sequence[tuple[Article, Sequence[Sentence]]]) -> list[Extraction]:
        """The async form of ``extract_batch``."""
        started = time.perf_counter()
        jobs = [
            (i, article, sentences, chunk)
            for i, (article, sentences) in enumerate(items)
            for chunk in chunk_text(article.text, self.options.max_chunk_tokens)
        ]
        self._stats.documents += len(items)
        self._stats.chunks += len(jobs)
        client = ChatClient(base_url=self.options.base_url, api_key=self.options.api_key, timeout=self.options.timeout)
        gate = asyncio.Semaphore(self.options.concurrency)

        async def run(job: tuple[int, Article, Sequence[Sentence], Chunk]) -> _ChunkResult:
            async with gate:
                result = await self._chunk(client, job[1], job[2], job[3])
            self._done += 1
            if self.progress is not None:
                self.progress(self._done, self._stats.chunks)
            return result

        tasks = [asyncio.create_task(run(job)) for job in jobs]
        try:
            results = await asyncio.gather(*tasks)
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
        finally:
            await client.close()
            self._stats.seconds += time.perf_counter() - started
        per_doc: list[_ChunkResult] = [_ChunkResult() for _ in items]
        for (i, *_), result in zip(jobs, results, strict=True):
            per_doc[i].candidates += result.candidates
            per_doc[i].diagnostics += result.diagnostics
        return [Extraction(merge(r.candidates), r.diagnostics) for r in per_doc]

    def summary(self) -> RunStats:
        """A copy of the counters so far (documents, chunks, requests, tokens, ...)."""
        return RunStats(**asdict(self._stats))

    def format_summary(self) -> str:
        """``format_summary(self.summary())``: one line for stderr."""
        return format_summary(self.summary())

    # ------------------------------------------------------------------ #
    # one chunk

    async def _chunk(self, client: ChatClient, article: Article, sentences: Sequence[Sentence], chunk: Chunk) -> _ChunkResult:
        messages = prompt.build_messages(article, chunk, instructions_role=self.options.instructions_role)
        key = cache_key(self.options.model, messages, chunk.text, self._version)
        data = self._cached(key)
        if data is None:
            data, diagnostic = await self._ask(client, messages, article)
            if data is None:
                self._stats.failed_chunks += 1
                return _ChunkResult(diagnostics=[diagnostic] if diagnostic else [])
            if self._cache is not None:
                self._cache.put(key, {"version": self._version, "model": self.options.model, "reply": data})
        converted = to_candidates(article, sentences, chunk, data)
        self._stats.ungrounded += converted.ungrounded
        self._stats.exact += converted.grounding["exact"]
        self._stats.normalised += converted.grounding["normalised"]
        self._stats.fuzzy += converted.grounding["fuzzy"]
        return _ChunkResult(converted.candidates, converted.diagnostics)

    def _cached(self, key: str) -> dict[str, Any] | None:
        if self._cache is None:
            return None
        entry = self._cache.get(key)
        if entry is None or not isinstance(entry.get("reply"), dict):
            return None
        data, error = parse_reply(_dumps(entry["reply"]))
        if error is not None:
            return None
        self._stats.cache_hits += 1
        return data

    async def _ask(
        self, client: ChatClient, messages: list[dict[str, str]], article: Article
    ) -> tuple[dict[str, Any] | None, Diagnostic | None]:
        """Ask, validate, re-ask once; ``(data, None)`` or ``(None, diagnostic)``."""
        conversation = list(messages)
        error = ""
        for attempt in range(2):
            try:
                reply = await self._request(client, conversation)
            except RequestRejectedError as exc:
                return None, Diagnostic(code="llm-request-rejected", message=f"{exc} (try a smaller --max-chunk-tokens)", doc_id=article.doc_id)
            data, error_or_none = parse_reply(reply.content, reply.finish_reason)
            if data is not None:
                return data, None
            error = error_or_none or "invalid reply"
            if attempt == 0:
                self._stats.reasks += 1
                shown = reply.content if reply.finish_reason != "length" else reply.content[:200] + " ..."
                conversation = [
                    *messages,
                    {"role": "assistant", "content": shown[:4000]},
                    {"role": "user", "content": prompt.reask_message(error)},
                ]
        return None, Diagnostic(
            code="llm-invalid-output",
            message=f"gave up on a chunk after a re-ask: {error}",
            doc_id=article.doc_id,
        )

    # ------------------------------------------------------------------ #
    # one request, with retries and format fallback

    def _format_payload(self, fmt: str) -> dict[str, Any] | None:
        if fmt == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "claims", "strict": True, "schema": self._schema}}
        if fmt == "json_object":
            return {"type": "json_object", "schema": self._schema}
        return None

    def _fall_back(self, failed: str) -> bool:
        """Move past ``failed`` in the auto order; False when nothing is left."""
        at = self._formats.index(failed)
        if at + 1 >= len(self._formats):
            return False
        self._format_at = max(self._format_at, at + 1)
        self._stats.response_format = self._formats[self._format_at]
        return True

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        ceiling = min(self.options.retry_max_delay, self.options.retry_base_delay * 2**attempt)
        return ceiling / 2 + self._random.uniform(0, ceiling / 2)

    async def _request(self, client: ChatClient, messages: list[dict[str, str]]) -> Completion:
        retries = 0
        while True:
            fmt = self._formats[self._format_at]
            sent = messages
            if fmt == "text":
                sent = [*messages[:-1], {**messages[-1], "content": messages[-1]["content"] + prompt.format_reminder(self._schema)}]
            self._stats.requests += 1
            try:
                reply = await client.complete(
                    sent,
                    model=self.options.model,
                    response_format=self._format_payload(fmt),
                    temperature=self.options.temperature,
                    max_tokens=self.options.max_output_tokens,
                )
            except FormatUnsupportedError as exc:
                if fmt != self._formats[self._format_at]:
                    continue  # another request already fell back
                if self.options.response_format == "auto" and self._fall_back(fmt):
                    continue
                raise ProviderError(f"the endpoint does not support response format {fmt!r}: {exc}; try --response-format text") from None
            except TransientError as exc:
                if retries >= self.options.max_retries or (exc.retry_after or 0) > _MAX_RETRY_AFTER:
                    raise ProviderError(f"gave up after {retries + 1} attempts: {exc}") from None
                delay = self._delay(retries, exc.retry_after)
                retries += 1
                self._stats.retries += 1
                await asyncio.sleep(delay)
                continue
            self._stats.prompt_tokens += reply.prompt_tokens
            self._stats.completion_tokens += reply.completion_tokens
            return reply


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)
