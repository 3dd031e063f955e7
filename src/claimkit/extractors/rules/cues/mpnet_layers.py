"""MPNet run in two halves: the frozen lower layers, then the upper ones.

Training caches the lower layers' output once (``scripts/train_accurate.py
cache``) and trains only the upper layers and the heads over that cache; the
run-time tagger calls both halves in turn, which is the same computation as
the whole encoder.
"""

from __future__ import annotations

from typing import Any


def additive_mask(torch: Any, mask: Any, dtype: Any) -> Any:
    """(batch, pieces) 1/0 attention mask -> the additive (batch, 1, 1, pieces) mask MPNet's attention adds."""
    return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min


def lower(encoder: Any, ids: Any, mask: Any, layers: int) -> Any:
    """The hidden states after the embeddings and the first ``layers`` layers."""
    torch = _torch()
    h = encoder.embeddings(input_ids=ids)
    m = additive_mask(torch, mask, h.dtype)
    bias = encoder.encoder.compute_position_bias(h)
    for layer in encoder.encoder.layer[:layers]:
        h = layer(h, m, bias)[0]
    return h


def upper(encoder: Any, hidden: Any, mask: Any, layers: int) -> Any:
    """The last hidden states, from the output of the first ``layers`` layers."""
    torch = _torch()
    m = additive_mask(torch, mask, hidden.dtype)
    bias = encoder.encoder.compute_position_bias(hidden)
    for layer in encoder.encoder.layer[layers:]:
        hidden = layer(hidden, m, bias)[0]
    return hidden


def _torch() -> Any:
    import torch

    return torch
