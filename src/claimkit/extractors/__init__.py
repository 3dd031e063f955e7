"""Extractors: the Extractor protocol and the registry of built-in extractors.

An extractor turns one article (already segmented) into ``Candidate`` records.
Both built-in extractors return the same shape; later stages do not know
which one ran except through ``ExtractorInfo``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from claimkit.model import Article, Candidate, Diagnostic, ExtractorInfo, Sentence


@dataclass
class Extraction:
    """What an extractor returns for one article."""

    candidates: list[Candidate]
    diagnostics: list[Diagnostic] = field(default_factory=list)


@runtime_checkable
class Extractor(Protocol):
    """Anything with ``info`` and ``extract`` is an extractor."""

    @property
    def info(self) -> ExtractorInfo: ...

    def extract(self, article: Article, sentences: Sequence[Sentence]) -> Extraction: ...
