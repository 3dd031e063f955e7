"""Imported by the forkserver of ``--jobs N`` with the default offline
extractor: the models load once there, and every worker forked from it
starts with them in memory (shared copy-on-write) instead of loading its own.

A failure here is left for the workers to report: they build the extractor
again and raise the error with their first task.
"""

from __future__ import annotations

import contextlib

from claimkit.errors import ClaimkitError
from claimkit.extractors.spec import ExtractorSpec, cached_extractor

with contextlib.suppress(ClaimkitError):
    cached_extractor(ExtractorSpec())
