"""Imported by the forkserver of ``--jobs N`` with the default offline
extractor: the models load once there, and every worker forked from it
starts with them in memory (shared copy-on-write) instead of loading its own.

Two more things make the forked workers cheaper:

* one short article is run here, so that what the pipeline builds on first
  use (spaCy's lazily made tables, compiled patterns, caches) is built once,
  not once per worker;
* ``gc.freeze()`` moves every object made so far out of the collector's
  reach: a collection in a worker would otherwise touch (and so copy) the
  pages of the shared models.

A failure here is left for the workers to report: they build the extractor
again and raise the error with their first task.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc

from claimkit.errors import ClaimkitError
from claimkit.extractors.spec import ExtractorSpec, cached_extractor
from claimkit.model import Article

_WARM_UP = (
    "The harbour board said on Monday that the new ferry would enter service in May. "
    '"We are ready," its chair, Ana Ortiz, told reporters, according to a statement.'
)

with contextlib.suppress(ClaimkitError):
    from claimkit import pipeline

    extractor = cached_extractor(ExtractorSpec())
    pipeline.run(Article(doc_id="warm-up", text=_WARM_UP, published=dt.date(2026, 1, 5)), extractor)
gc.freeze()
