"""Train the accurate tagger (``claimkit extract --accurate``) on PolNeAR TRAIN (never dev).

The model is all-mpnet-base-v2 (from the PyPI parts, ``mpnet_base``) with
three per-wordpiece heads (cue, source, content).  Its lower ``--layers``
layers stay frozen, so they are run ONCE over train and their output cached
on disk; training then runs only the upper layers (a low-rank update) and
the heads over that cache.  Every step checkpoints and can be resumed.

    # 1. cache the frozen lower layers' output over all of train (fp16 memmap; resumable)
    nice -n 10 python scripts/train_accurate.py cache
    # 2. train the upper layers' LoRA and the heads over the cache (fit part; --resume goes on from the last checkpoint)
    nice -n 10 python scripts/train_accurate.py train --part fit [--resume]
    # 3. held-out wordpiece AP and, end to end through the rules, held-out overlap F1
    nice -n 10 python scripts/train_accurate.py heldout --weights W.safetensors --cue-model FIT.json

Step wall times are printed and belong in docs/development-log.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimkit.extractors.rules.cues.accurate_tagger import FROZEN  # noqa: E402  (the shipped recipe's frozen layers)

CACHE = Path(os.environ.get("CLAIMKIT_TRAIN_CACHE", str(Path.home() / ".cache" / "claimkit-train")))
MAX_PIECES = 256  # a training sentence's wordpieces (longer ones are cut; run time reads up to 512)
HIDDEN = 768


def cache_dir(layers: int) -> Path:
    return CACHE / f"mpnet-l{layers}"


def _atomic_json(path: Path, obj: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(obj))
    tmp.replace(path)


def sentences() -> list[dict]:  # type: ignore[type-arg]
    """Every train sentence as the parser sees it, with its article, whether
    that article is in the held-out fifth, and the gold cue, source and
    content character ranges inside it (first annotator, as scored)."""
    import rules_harness as H
    from train_cue_tagger import role_spans

    from claimkit import segment
    from claimkit.extractors.rules import parse

    gold, texts = H.load_corpus()
    _, held = H.split_ids(list(gold))
    held_set = set(held)
    out = []
    for d in sorted(gold):
        text = texts[d]
        spans = role_spans(text, gold[d])
        for s in segment.sentences(text):
            inside = [[(max(a, s.start) - s.start, min(b, s.end) - s.start) for a, b in role if a < s.end and s.start < b] for role in spans]
            out.append({"article": d, "held": d in held_set, "text": parse.parser_text(text[s.start : s.end]), "spans": inside})
    return out


def build_cache(layers: int, budget: int, threads: int, limit: int = 0) -> None:
    import numpy as np
    import torch

    from claimkit.extractors.rules.cues import accurate_tagger as A

    torch.set_num_threads(threads)
    out = cache_dir(layers)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    index_file = out / "sentences.json"
    tok, encoder = A.load_base()
    if index_file.exists():
        sents = json.loads(index_file.read_text())
    else:
        sents = sentences()
        if limit:  # a smoke test: the first sentences of the fit and of the held-out part
            sents = [s for s in sents if not s["held"]][:limit] + [s for s in sents if s["held"]][: limit // 4]
        enc = tok([s["text"] for s in sents], truncation=True, max_length=MAX_PIECES, return_offsets_mapping=True)
        pos = 0
        for s, ids, offs in zip(sents, enc["input_ids"], enc["offset_mapping"], strict=True):
            s["ids"], s["offsets"], s["start"] = ids, [list(o) for o in offs], pos
            pos += len(ids)
        _atomic_json(index_file, sents)
        print(f"tokenised {len(sents)} sentences, {pos} wordpieces ({time.perf_counter() - t0:.0f}s)", flush=True)
    total = sents[-1]["start"] + len(sents[-1]["ids"])
    hidden = np.lib.format.open_memmap(out / "hidden.npy", mode="r+" if (out / "hidden.npy").exists() else "w+", dtype=np.float16, shape=(total, HIDDEN))
    order = sorted(range(len(sents)), key=lambda k: len(sents[k]["ids"]))
    batches, cur = [], []
    for k in order:
        if cur and (len(cur) + 1) * len(sents[k]["ids"]) > budget:
            batches.append(cur)
            cur = []
        cur.append(k)
    batches.append(cur)
    # in a fixed random order, so that a partly built cache is a fair sample of train (``Cache`` reads what is done)
    random.Random(7).shuffle(batches)
    _atomic_json(out / "batches.json", batches)
    prog_file = out / "progress.json"
    done = json.loads(prog_file.read_text())["done"] if prog_file.exists() else 0
    print(f"{len(batches)} batches, {done} done, {total} wordpieces", flush=True)
    t1 = time.perf_counter()
    pieces = 0
    with torch.inference_mode():
        for b in range(done, len(batches)):
            batch = [sents[k] for k in batches[b]]
            width = max(len(s["ids"]) for s in batch)
            ids = torch.full((len(batch), width), tok.pad_token_id, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for r, s in enumerate(batch):
                ids[r, : len(s["ids"])] = torch.tensor(s["ids"])
                mask[r, : len(s["ids"])] = 1
            h = A.lower_states(encoder, ids, mask, layers).to(torch.float16).numpy()
            for r, s in enumerate(batch):
                hidden[s["start"] : s["start"] + len(s["ids"])] = h[r, : len(s["ids"])]
                pieces += len(s["ids"])
            if (b + 1) % 5 == 0 or b + 1 == len(batches):
                hidden.flush()
                _atomic_json(prog_file, {"done": b + 1, "batches": len(batches)})
                el = time.perf_counter() - t1
                print(f"  batch {b + 1}/{len(batches)}  {pieces} pieces in {el:.0f}s ({pieces / max(el, 1e-9):.0f}/s)", flush=True)
    print(f"cache complete: {out} ({time.perf_counter() - t0:.0f}s in this run)", flush=True)


def labels_of(s: dict) -> list[list[int]]:  # type: ignore[type-arg]
    """Per wordpiece of a cached sentence: 1/0 for cue, source, content (-1 for special pieces)."""
    out = []
    for a, z in s["offsets"]:
        if z <= a:
            out.append([-1, -1, -1])
        else:
            out.append([int(any(x <= a < y for x, y in role)) for role in s["spans"]])
    return out


class Cache:
    """The cached lower-layer states and labels of train's sentences."""

    def __init__(self, layers: int) -> None:
        import numpy as np

        d = cache_dir(layers)
        prog = json.loads((d / "progress.json").read_text()) if (d / "progress.json").exists() else {}
        if not prog.get("done"):
            raise SystemExit(f"nothing is cached in {d}: run `train_accurate.py cache` first")
        sents = json.loads((d / "sentences.json").read_text())
        done = json.loads((d / "batches.json").read_text())[: prog["done"]]
        self.complete = prog["done"] == prog["batches"]
        # a cache still being built: the sentences of the batches done so far (a random sample of train)
        for k, s in enumerate(sents):
            s["index"] = k
        self.batches = json.loads((d / "batches.json").read_text())
        self.sents = [sents[k] for b in done for k in b]
        self.sents.sort(key=lambda s: s["start"])
        print(f"cache: {prog['done']} of {prog['batches']} batches, {len(self.sents)} of {len(sents)} sentences", flush=True)
        self.hidden = np.load(d / "hidden.npy", mmap_mode="r")
        self.by_text = {s["text"]: s for s in self.sents}

    def batch(self, rows: list[dict]):  # type: ignore[no-untyped-def, type-arg]
        """(hidden, mask, labels) tensors of cached sentences, padded."""
        import numpy as np
        import torch

        width = max(len(s["ids"]) for s in rows)
        h = np.zeros((len(rows), width, HIDDEN), dtype=np.float32)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        y = torch.full((len(rows), width, 3), -1.0)
        for r, s in enumerate(rows):
            n = len(s["ids"])
            h[r, :n] = self.hidden[s["start"] : s["start"] + n]
            mask[r, :n] = 1
            y[r, :n] = torch.tensor(labels_of(s), dtype=torch.float32)
        return torch.from_numpy(h), mask, y

    def lower_override(self, texts: list[str]):  # type: ignore[no-untyped-def]
        """For ``AccurateTagger.lower_override``: the cached states when every text was cached."""
        rows = [self.by_text.get(t) for t in texts]
        if any(r is None for r in rows):
            return None
        h, mask, _ = self.batch(rows)  # type: ignore[arg-type]
        return h, mask, [[tuple(o) for o in r["offsets"]] + [(0, 0)] * (h.shape[1] - len(r["offsets"])) for r in rows]  # type: ignore[index]


def train(args: argparse.Namespace) -> None:
    import torch

    from claimkit.extractors.rules.cues import accurate_tagger as A

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    cache = Cache(args.layers)
    use = [s for s in cache.sents if args.part == "all" or not s["held"]]
    if args.max_cached_batches:  # only the first N cached batches: the same data on --resume while the cache grows
        picked = {k for b in cache.batches[: args.max_cached_batches] for k in b}
        use = [s for s in use if s["index"] in picked]
    _, net = A.build(rank=args.rank, frozen=args.layers)
    params = [p for p in net.parameters() if p.requires_grad]
    print(f"{len(use)} training sentences; {sum(p.numel() for p in params):,} trainable parameters ({time.perf_counter() - t0:.0f}s to load)", flush=True)
    order = sorted(range(len(use)), key=lambda k: len(use[k]["ids"]))
    batches, cur = [], []
    for k in order:
        if cur and (len(cur) + 1) * len(use[k]["ids"]) > args.budget:
            batches.append(cur)
            cur = []
        cur.append(k)
    batches.append(cur)
    steps = args.epochs * len(batches)
    warm = max(1, steps // 20)
    heads = [p for n, p in net.named_parameters() if p.requires_grad and n.startswith("head.")]
    rest = [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("head.")]
    # the heads start from nothing and learn at --head-lr; the update of the pretrained layers at --lr
    opt = torch.optim.AdamW([{"params": rest, "lr": args.lr}, {"params": heads, "lr": args.head_lr}], weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    plans = [rng.sample(batches, len(batches)) for _ in range(args.epochs)]  # every epoch's batch order, fixed up front
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ckpt = out_dir / f"ckpt-{args.part}.pt"
    step = 0
    if args.resume and ckpt.exists():
        st = torch.load(ckpt, weights_only=False)
        if st.get("sentences", len(use)) != len(use):
            raise SystemExit(f"{ckpt} was trained on {st['sentences']} sentences, this run has {len(use)}: pass the same --max-cached-batches")
        net.load_state_dict(st["net"], strict=False)
        opt.load_state_dict(st["opt"])
        sched.load_state_dict(st["sched"])
        step = st["step"]
        print(f"resumed at step {step} of {steps}", flush=True)
    w = torch.tensor([float(x) for x in args.role_weights.split(",")])
    net.train()
    t1 = time.perf_counter()
    total, seen, pieces = 0.0, 0, 0
    while step < steps:
        ep, n = divmod(step, len(batches))
        h, mask, y = cache.batch([use[k] for k in plans[ep][n]])
        logits = net(h, mask)
        keep = y[..., 0] >= 0
        per = torch.nn.functional.binary_cross_entropy_with_logits(logits[keep], y[keep], reduction="none").mean(0)
        loss = (per * w).sum() / w.sum()
        opt.zero_grad()
        loss.backward()
        if args.clip:
            torch.nn.utils.clip_grad_norm_(params, args.clip)
        opt.step()
        sched.step()
        step += 1
        total += float(loss.detach())
        seen += 1
        pieces += int(mask.sum())
        if step % 50 == 0:
            el = time.perf_counter() - t1
            print(f"  step {step}/{steps} (epoch {ep + 1}) loss {total / seen:.4f}  {pieces / el:.0f} pieces/s  ({el:.0f}s)", flush=True)
            total, seen = 0.0, 0
        if step % args.ckpt_every == 0 or step == steps or (step % len(batches) == 0):
            trainable = {k: v for k, v in net.state_dict().items() if "lora_" in k or k.startswith("head.") or "LayerNorm" in k}
            tmp = ckpt.with_suffix(".tmp")
            torch.save({"net": trainable, "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step, "sentences": len(use)}, tmp)
            tmp.replace(ckpt)
        if step % len(batches) == 0:
            e = step // len(batches)
            dest = out_dir / f"accurate-{args.part}-epoch{e}.safetensors"
            note = f"{ORIGIN}; {'all of train' if args.part == 'all' else 'the 80% fit part of train'}, epoch {e} of {args.epochs}, lr {args.lr}, rank {args.rank}, {args.layers} frozen layers, role loss weights {args.role_weights}"
            A.save(net, dest, origin=note, rank=args.rank, frozen=args.layers)
            print(f"-> {dest} ({dest.stat().st_size / 1024:.0f} KiB) at {time.perf_counter() - t0:.0f}s", flush=True)
    if not math.isfinite(total):
        raise SystemExit("training diverged")


def heldout(args: argparse.Namespace) -> None:
    """Held-out wordpiece AP of each head, then end to end through the rules
    (fit-part cue model) for each setting of ``role_spans`` asked for."""
    import rules_harness as H
    import torch
    from sklearn.metrics import average_precision_score  # type: ignore[import-untyped]

    from claimkit.evaluate.polnear import score_documents
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.extractors.rules.constructions import tagged_only
    from claimkit.extractors.rules.cues import accurate_tagger, cue_model, role_spans

    torch.set_num_threads(args.threads)
    t0 = time.perf_counter()
    cache = Cache(args.layers)
    tagger = accurate_tagger.AccurateTagger(Path(args.weights))
    if tagger.frozen != args.layers:
        sys.exit(f"{args.weights} was trained with {tagger.frozen} frozen layers: pass --layers {tagger.frozen}")
    tagger.lower_override = cache.lower_override
    held_sents = [s for s in cache.sents if s["held"]]
    ys: list[list[int]] = [[], [], []]
    ss: list[list[float]] = [[], [], []]
    with torch.inference_mode():
        for k in range(0, 0 if args.skip_ap else len(held_sents), 32):
            rows = held_sents[k : k + 32]
            h, mask, y = cache.batch(rows)
            logits = tagger.head(accurate_tagger.mpnet_layers.upper(tagger.encoder, h, mask, tagger.frozen))
            keep = y[..., 0] >= 0
            for r in range(3):
                ys[r] += y[..., r][keep].tolist()
                ss[r] += logits[..., r][keep].tolist()
    if not args.skip_ap:
        print("held-out wordpiece AP: " + "  ".join(f"{name} {average_precision_score(ys[r], ss[r]):.4f}" for r, name in enumerate(accurate_tagger.ROLES)) + f"  ({time.perf_counter() - t0:.0f}s)", flush=True)
    if args.ap_only:
        return
    if args.cue_model:
        cue_model.MODEL_FILE = Path(args.cue_model)
        cue_model.model.cache_clear()
    gold, texts = H.load_corpus()
    H.install_cache(texts)
    _, held = H.split_ids(list(gold))
    ex = RuleExtractor(cue_tagger=tagger)
    m = cue_model.model()
    assert m is not None
    base = m.threshold, m.noun_threshold
    for mix, setting, only in itertools.product(args.cue_mix.split(";"), args.settings.split(";"), args.tagged_only.split(";")):
        weight, shift = (float(x) for x in mix.split(","))
        cue_model.TAGGER_WEIGHT = weight
        m.threshold, m.noun_threshold = base[0] + shift, base[1] + shift
        mode, thr, src = setting.split(",")
        role_spans.MODE, role_spans.THRESHOLD, role_spans.SOURCE = mode, float(thr), src == "1"
        tagged_only.CUE_THRESHOLD = float(only)
        preds, _ = H.predict(texts, held, ex)
        rep = score_documents({d: gold[d] for d in held}, preds, texts)
        print(f"{mix:10} {setting:14} {only:5} {H.short(rep)}  sum {H.objective(rep):.4f}  ({time.perf_counter() - t0:.0f}s)", flush=True)


def export(args: argparse.Namespace) -> None:
    """Write the weights of a training checkpoint (mid-epoch too) as a safetensors update."""
    import torch

    from claimkit.extractors.rules.cues import accurate_tagger as A

    st = torch.load(args.checkpoint, weights_only=False)
    _, net = A.build(rank=args.rank, frozen=args.layers)
    missing = [k for k in st["net"] if k not in net.state_dict()]
    if missing:
        raise SystemExit(f"{args.checkpoint} does not fit this network: {missing[:3]}")
    net.load_state_dict(st["net"], strict=False)
    note = f"{ORIGIN}; {args.note}, checkpoint at step {st['step']}"
    A.save(net, Path(args.out), origin=note, rank=args.rank, frozen=args.layers)
    print(f"step {st['step']} -> {args.out}")


ORIGIN = (
    "trained on PolNeAR v1.0.0 train split (Newell et al., LREC 2018) by scripts/train_accurate.py: LoRA update of the upper "
    "layers of all-mpnet-base-v2 (Apache-2.0) with three per-wordpiece heads (cue, source, content), positive = a wordpiece "
    "whose first character is inside a gold span of that role (first annotator)"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache", help="run the frozen lower layers once over train and cache their output")
    c.add_argument("--layers", type=int, default=FROZEN)
    c.add_argument("--budget", type=int, default=6144, help="wordpieces per batch, padding included")
    c.add_argument("--threads", type=int, default=2)
    c.add_argument("--limit", type=int, default=0, help="smoke test: only this many fit sentences (and a quarter as many held-out)")
    t = sub.add_parser("train", help="train the upper layers' LoRA and the heads over the cache")
    t.add_argument("--part", choices=["fit", "all"], default="fit")
    t.add_argument("--layers", type=int, default=FROZEN)
    t.add_argument("--epochs", type=int, default=1)
    t.add_argument("--lr", type=float, default=2e-4, help="1e-3 collapsed the upper layers (constant outputs) in the first run")
    t.add_argument("--head-lr", type=float, default=2e-3)
    t.add_argument("--clip", type=float, default=1.0, help="gradient norm clipping (0: none)")
    t.add_argument("--rank", type=int, default=16)
    t.add_argument("--budget", type=int, default=2048, help="wordpieces per batch, padding included")
    t.add_argument("--role-weights", default="1,1,1", help="loss weights of the cue, source and content heads")
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--ckpt-every", type=int, default=100)
    t.add_argument("--out-dir", default=str(CACHE / "runs"))
    t.add_argument("--resume", action="store_true")
    t.add_argument("--max-cached-batches", type=int, default=0, help="train on the sentences of the first N cached batches only (0: all that are cached)")
    e = sub.add_parser("heldout", help="score a weights file on the held-out fifth of train")
    e.add_argument("--weights", required=True)
    e.add_argument("--cue-model", help="the cue model fitted on the fit part")
    e.add_argument("--layers", type=int, default=FROZEN)
    e.add_argument("--threads", type=int, default=2)
    e.add_argument("--ap-only", action="store_true")
    e.add_argument("--skip-ap", action="store_true", help="straight to the end-to-end scores")
    e.add_argument("--tagged-only", default="2.5", help="tagged_only.CUE_THRESHOLD settings, ;-separated (inf: none)")
    e.add_argument("--cue-mix", default="0.5,0", help="cue scores: TAGGER_WEIGHT,THRESHOLD_SHIFT settings, ;-separated")
    e.add_argument("--settings", default="off,0,0;both,0,1;trim,0,1;both,0,0;both,0.5,1;both,-0.5,1", help="role_spans MODE,THRESHOLD,SOURCE settings, ;-separated")
    x = sub.add_parser("export", help="write a checkpoint's weights as a safetensors update")
    x.add_argument("checkpoint")
    x.add_argument("-o", "--out", required=True)
    x.add_argument("--note", required=True, help="what it was trained on, for the origin field")
    x.add_argument("--rank", type=int, default=16)
    x.add_argument("--layers", type=int, default=FROZEN)
    args = ap.parse_args()
    if args.cmd == "export":
        export(args)
    elif args.cmd == "heldout":
        heldout(args)
    elif args.cmd == "cache":
        build_cache(args.layers, args.budget, args.threads, args.limit)
    elif args.cmd == "train":
        train(args)


if __name__ == "__main__":
    main()
