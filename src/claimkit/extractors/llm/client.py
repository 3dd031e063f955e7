"""The one module that imports ``openai``: a thin async chat-completions client.

It sends one request and maps every SDK failure onto claimkit's errors:

- ``TransientError`` (429, 5xx, timeouts, dropped connections): worth a retry,
  with the server's ``Retry-After`` when it sent one;
- ``FormatUnsupportedError``: a 4xx/5xx whose message says the requested
  ``response_format`` is not supported (e.g. llama.cpp's HTTP 500 on
  ``json_schema``), so the caller can fall back to another format;
- ``ProviderError``: anything else (bad key, unknown model, bad request).

The SDK's own retries are off (the extractor retries, and counts them).  The
API key is passed in, never read from the environment here, and scrubbed
from every message this module produces.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import openai

from claimkit.errors import ProviderError

__all__ = [
    "ChatClient",
    "Completion",
    "FormatUnsupportedError",
    "RequestRejectedError",
    "TransientError",
    "scrub",
]

DEFAULT_BASE_URL = "https://api.openai.com/v1"
_NO_KEY = "no-key"  # local servers need none, but the SDK insists on one
_FORMAT_WORDS = ("response_format", "json_schema", "json_object", "response format", "structured output")


class TransientError(ProviderError):
    """A failure that a later attempt may not see (429, 5xx, timeout, connection)."""

    def __init__(self, message: str, *, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class FormatUnsupportedError(ProviderError):
    """The endpoint rejected the requested ``response_format``."""


class RequestRejectedError(ProviderError):
    """The endpoint refused this one request (HTTP 400/413/422), e.g. too long for its context."""


@dataclass(frozen=True)
class Completion:
    """The parts of a chat completion the extractor uses."""

    content: str
    finish_reason: str | None
    prompt_tokens: int
    completion_tokens: int


def scrub(message: str, secret: str | None) -> str:
    """``message`` with every occurrence of ``secret`` (and its tail) masked."""
    if secret:
        message = message.replace(secret, "***")
        if len(secret) >= 12:
            message = message.replace(secret[-8:], "***")
    return message


def _retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds from ``retry-after-ms`` or ``retry-after`` (seconds or HTTP date)."""
    if not headers:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _says_format_unsupported(message: str) -> bool:
    low = message.lower()
    return any(word in low for word in _FORMAT_WORDS)


class ChatClient:
    """One ``AsyncOpenAI`` client; create it inside the event loop that uses it."""

    def __init__(self, *, base_url: str | None, api_key: str | None, timeout: float) -> None:
        self._secret = api_key
        self._client = openai.AsyncOpenAI(
            base_url=base_url or DEFAULT_BASE_URL,
            api_key=api_key or _NO_KEY,
            timeout=timeout,
            max_retries=0,
        )

    async def close(self) -> None:
        await self._client.close()

    def _error(self, exc: Exception) -> ProviderError:
        """Map an SDK exception onto a claimkit error, scrubbing the key."""
        message = scrub(str(getattr(exc, "message", None) or exc), self._secret)
        if isinstance(exc, openai.APITimeoutError):
            return TransientError(f"request timed out: {message}")
        if isinstance(exc, openai.APIConnectionError):
            return TransientError(f"connection failed: {message}")
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            text = f"HTTP {status}: {message}"
            if status in (400, 404, 415, 422, 500, 501) and _says_format_unsupported(message):
                return FormatUnsupportedError(text)
            if status == 429 or status >= 500 or status == 408:
                return TransientError(text, retry_after=_retry_after(exc.response.headers), status=status)
            if status in (400, 413, 422):
                return RequestRejectedError(text)
            if status in (401, 403):
                return ProviderError(f"{text} (check the API key and --api-key-env)")
            return ProviderError(text)
        return ProviderError(f"{type(exc).__name__}: {message}")

    async def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        model: str,
        response_format: Mapping[str, Any] | None,
        temperature: float = 0.0,
        max_tokens: int | None = None,
    ) -> Completion:
        """Send one chat completion request and return its first choice."""
        kwargs: dict[str, Any] = {
            "model": model,
            "messages": [dict(m) for m in messages],
            "temperature": temperature,
        }
        if response_format is not None:
            kwargs["response_format"] = dict(response_format)
        if max_tokens is not None:
            kwargs["max_tokens"] = max_tokens
        try:
            reply = await self._client.chat.completions.create(**kwargs)
        except openai.OpenAIError as exc:
            raise self._error(exc) from None
        except ValueError as exc:  # a 200 whose body is not JSON
            raise TransientError(f"unreadable reply: {scrub(str(exc), self._secret)[:200]}") from None
        choices = getattr(reply, "choices", None)
        if not choices:
            raise TransientError("the endpoint returned no choices")
        choice = choices[0]
        usage = getattr(reply, "usage", None)
        return Completion(
            content=choice.message.content or "",
            finish_reason=choice.finish_reason,
            prompt_tokens=(usage.prompt_tokens or 0) if usage else 0,
            completion_tokens=(usage.completion_tokens or 0) if usage else 0,
        )
