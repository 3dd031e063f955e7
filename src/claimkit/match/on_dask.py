"""``claimkit cluster --scheduler``: the clustering's tasks on a Dask cluster (the ``dask`` extra).

``DaskRunner`` runs each stage of ``claimkit.match.cluster`` as one task per
item (stage 1: one per input file; stage 2: one per part; stage 3: one per
batch of cells; with ``--against``, one per part for the fact-check pivots),
the large shared arguments (centroids, document counts, the pair model, the
matcher and its collection) sent to every worker once.  The working directory must be one
that every worker sees (the folder of ``-o``, on a shared filesystem for a
cluster of several machines).  Union-find and writing the groups run here,
on the client.  A task that fails is retried (``retries``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimkit.errors import ClaimkitError, ExtractorError
from claimkit.match.cluster import Summary, cluster_files
from claimkit.match.groups import Group
from claimkit.run.cluster import _connect, _import_distributed

if TYPE_CHECKING:
    from claimkit.match.matcher import Matcher


class DaskRunner:
    def __init__(self, client: Any, retries: int = 2) -> None:
        self.client = client
        self.retries = retries

    def map(self, fn: Callable[..., Any], items: Sequence[Any], *shared: Any) -> list[Any]:
        sent = [self.client.scatter(s, broadcast=True) if s is not None else None for s in shared]
        token = uuid.uuid4().hex[:8]
        futures = [
            self.client.submit(fn, item, *sent, key=f"claimkit-{fn.__name__}-{k:05d}-{token}", retries=self.retries, pure=False)
            for k, item in enumerate(items)
        ]
        try:
            return list(self.client.gather(futures))
        except ClaimkitError:
            raise
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line
            raise ExtractorError(f"a clustering task failed on the cluster: {type(exc).__name__}: {exc}") from None


def cluster_on_dask(paths: Sequence[Path], scheduler: str, work_dir: Path, summary: Summary,
                    against: Matcher | None = None) -> Iterator[Group]:
    """``cluster_files`` with its tasks on the cluster at ``scheduler`` (``tcp://HOST:PORT``)."""
    distributed = _import_distributed()
    client = _connect(distributed, scheduler)
    try:
        yield from cluster_files(paths, runner=DaskRunner(client), work_dir=work_dir.resolve(), summary=summary, against=against)
    finally:
        client.close()
