"""The exceptions claimkit raises, each mapped to one CLI exit code.

Rule uncertainty (an unclosed quote, an unresolved pronoun) is not an error:
it becomes a ``Diagnostic``.  Exceptions are for bad input, failing
providers and invalid records.
"""

from __future__ import annotations


class ClaimkitError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(ClaimkitError):
    """An input file or stream cannot be read as an article."""

    exit_code = 3


class LanguageSkipped(InputError):
    """An article in a language the extractor does not read: skipped, not an error
    of the input itself (exit code 7, see ``claimkit.language``)."""

    exit_code = 7

    def __init__(self, message: str, *, origin: str, language: str) -> None:
        super().__init__(message)
        self.origin = origin
        self.language = language

    def __reduce__(self) -> tuple[object, ...]:
        # keyword-only arguments: rebuilt by name when it crosses a process
        # boundary (worker processes, Dask)
        return (_language_skipped, (str(self), self.origin, self.language))


def _language_skipped(message: str, origin: str, language: str) -> LanguageSkipped:
    return LanguageSkipped(message, origin=origin, language=language)


class ExtractorError(ClaimkitError):
    """An extractor could not run at all (missing model, bad configuration)."""

    exit_code = 4


class ProviderError(ExtractorError):
    """The LLM endpoint failed in a way retries did not fix."""

    exit_code = 5


class SchemaError(ClaimkitError):
    """A record does not validate against the JSON Schema."""

    exit_code = 6


class ResumeError(ClaimkitError):
    """``--resume`` cannot continue the partial output (other inputs or options, or locked)."""

    exit_code = 2


class IndexMismatchError(InputError):
    """A fact-check index built by another claimkit version or index format: rebuild it."""

    exit_code = 8
