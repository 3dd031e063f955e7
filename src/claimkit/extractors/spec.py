"""A picklable description of an extractor, built anew in each process.

Worker processes (``claimkit.run.local``) and Dask workers (``claimkit.run.cluster``)
cannot share the parent's loaded models: they receive an ``ExtractorSpec``
and build their own extractor from it once (``cached_extractor``).
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from claimkit.extractors import Extractor

if TYPE_CHECKING:
    from claimkit.extractors.llm import LLMOptions


@dataclass(frozen=True)
class ExtractorSpec:
    """Which extractor to run and with what options.

    ``llm`` holds the LLM extractor's options (including the API key, which
    is therefore sent to each worker process or Dask worker).
    """

    name: Literal["rules", "llm"] = "rules"
    cue_tagger: bool = False
    accurate: bool = False
    llm: LLMOptions | None = None


def build_extractor(spec: ExtractorSpec, *, progress: Callable[[int, int], None] | None = None) -> Extractor:
    """A new extractor for ``spec`` (models load lazily; see ``settle``).

    ``progress(done, total)`` is the LLM extractor's per-chunk callback.
    Raises ``ExtractorError`` when the extractor cannot run.
    """
    if spec.name == "rules":
        from claimkit.extractors.rules import RuleExtractor

        if spec.accurate:
            from claimkit.extractors.rules.cues.accurate_tagger import tagger as accurate_tagger

            return RuleExtractor(cue_tagger=accurate_tagger())
        if not spec.cue_tagger:
            return RuleExtractor()
        from claimkit.extractors.rules.cues.cue_tagger import tagger

        return RuleExtractor(cue_tagger=tagger())
    from claimkit.errors import ExtractorError
    from claimkit.extractors.llm import LLMExtractor

    if spec.llm is None:
        raise ExtractorError("the LLM extractor needs its options (a model name at least)")
    return LLMExtractor(spec.llm, progress=progress)


def reads(spec: ExtractorSpec) -> frozenset[str] | None:
    """The languages (ISO 639-1) the extractor of ``spec`` reads; None: any.

    The language stage (``claimkit.language``) skips the other articles
    before they reach a worker.
    """
    if spec.name == "rules":
        from claimkit.extractors.rules import RuleExtractor

        return RuleExtractor.languages
    return None


_CACHE: dict[ExtractorSpec, Extractor] = {}


def cached_extractor(spec: ExtractorSpec) -> Extractor:
    """The extractor for ``spec`` in this process, built and settled on first use."""
    extractor = _CACHE.get(spec)
    if extractor is None:
        extractor = build_extractor(spec)
        settle(extractor)
        _CACHE[spec] = extractor
    return extractor


# glibc mallopt parameters
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def _keep_freed_memory() -> None:
    """Ask glibc to keep freed memory for reuse instead of returning it at once.

    The parser allocates and frees arrays of a few hundred KiB to a few MiB per
    batch; with glibc's defaults they are often mapped fresh each time and every
    page is faulted in and zeroed again: ~2 million page faults and ~3 s of
    system time on PolNeAR train.  Below 64 MiB allocations now come from the
    heap, which is trimmed only when 256 MiB lie free at its top (peak memory
    did not change).  Elsewhere (no glibc) this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_MMAP_THRESHOLD, 64 << 20)
    mallopt(_M_TRIM_THRESHOLD, 256 << 20)


def settle(extractor: Extractor) -> None:
    """Prepare this process for a long run: tune the allocator, load the
    extractor's models now, and exempt everything loaded so far from the cyclic
    garbage collector (those objects live until exit, and rescanning them in
    every full collection cost ~1% of an offline run)."""
    _keep_freed_memory()
    warm_up = getattr(extractor, "warm_up", None)
    if warm_up is not None:
        warm_up()
    gc.freeze()
