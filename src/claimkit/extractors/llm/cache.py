"""An on-disk cache of validated model replies.

One JSON file per reply, named by a SHA-256 key over the model name, the
prompt messages, the chunk text and the prompt/schema version.  Nothing
secret is part of the key or the file: the API key never reaches this
module.  Writes go to a temporary file in the same directory and are moved
into place with ``os.replace``, so a reader never sees half a file and
concurrent runs do not corrupt each other.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["ResponseCache", "cache_key", "default_cache_dir"]


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/claimkit/llm``, or ``~/.cache/claimkit/llm``.

    ``environ`` defaults to ``os.environ`` (only ``XDG_CACHE_HOME`` is read).
    """
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "claimkit" / "llm"


def cache_key(model: str, messages: Sequence[Mapping[str, str]], chunk_text: str, version: str) -> str:
    """The hex key of one request."""
    payload = json.dumps(
        {"model": model, "messages": list(messages), "chunk": chunk_text, "version": version},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResponseCache:
    """Replies stored under ``directory/<key[:2]>/<key>.json``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored entry, or ``None`` if absent or unreadable."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put(self, key: str, entry: Mapping[str, Any]) -> None:
        """Store ``entry`` atomically; a failing disk only loses the cache entry."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(dict(entry), fh, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
