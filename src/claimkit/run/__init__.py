"""Run many articles: worker processes on this machine (``local``), a Dask
cluster (``cluster``), the resumable output journal (``journal``), the
progress line (``progress``), and the forkserver's warm-up (``preload``)."""
