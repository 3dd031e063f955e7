"""Fine-tune the matcher's cross-encoder (MiniLM + LoRA) on CheckThat! 2020 train, resumably.

    PYTHONPATH=src python scripts/train_cross_encoder.py [--epochs 2] [--negatives 7] [--lowest 2] [--rank 8]

Training tweets are the four fifths of train that ``train_matcher.py`` fits
on (the held-out fifth, seed 33, is kept for the choices); ``--all`` is the
final refit on all 800 with the chosen settings.  Each tweet's group
is its fact-check(s) and the ``--negatives`` (7) best wrong candidates of the
logistic re-ranker (hard negatives); the loss is the cross-entropy of the right one
within its group.  A checkpoint is written every 20 steps
(``--work``/checkpoint.pt) and a run picks up from it.  At the end the update
and head go to ``--out`` (by default the shipped
``src/claimkit/match/cross_encoder_checkthat2020_train.safetensors``)
and, without ``--all``, the held-out fifth is scored with them: the logistic re-ranker's order, the
cross-encoder alone on its top ``--rerank`` and their sum at a few weights.
The chosen ``--rerank`` and weight go into the shipped re-ranker through
``train_matcher.py --final --cross-top K --cross-weight W``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from match_vectors import CACHE, SHARED
from train_matcher import fit, pairs, split

from claimkit.evaluate.matches import mean_ap
from claimkit.match import checkthat, cross
from claimkit.match.encoder import _libraries
from claimkit.match.index import vector_text
from claimkit.match.text import clean

NEGATIVES = 7
SCALE = 2.0


def build(torch, transformers, lowest: int, rank: int):  # type: ignore[no-untyped-def]
    net = cross.network(torch, transformers)
    for p in net.encoder.parameters():
        p.requires_grad = False
    for name, module in list(net.encoder.named_modules()):
        if cross.adapted(name, lowest):
            parent, _, leaf = name.rpartition(".")
            setattr(net.encoder.get_submodule(parent), leaf, cross.lora(torch, module, rank, SCALE))
    return net


def groups(p, ids, qrels, texts, checks, model, which, negatives=NEGATIVES):  # type: ignore[no-untyped-def]
    out = []
    for i, q in enumerate(p.qids):
        if q not in which:
            continue
        order = np.argsort(-model.probability(p.x[i]), kind="stable")
        wrong = [p.rows[i][j] for j in order if not p.y[i][j]][:negatives]
        for right in sorted(qrels[q]):
            out.append([texts[q], [checks[ids.index(right)]] + [checks[r] for r in wrong]])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--negatives", type=int, default=NEGATIVES, help="hard negatives per tweet (the regression's best wrong candidates)")
    ap.add_argument("--lowest", type=int, default=2)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--batch", type=int, default=4, help="groups per step")
    ap.add_argument("--rerank", type=int, default=10)
    ap.add_argument("--work", type=Path, default=CACHE / "cross")
    ap.add_argument("--all", action="store_true", help="the final refit: train on all 800 train tweets with the "
                    "settings chosen on the held-out fifth (nothing is scored then)")
    ap.add_argument("--held", choices=("matcher", "cluster"), default="matcher",
                    help="the fifth kept apart: the matcher's (tweet by tweet) or train_cluster.py's (by fact-check)")
    ap.add_argument("--out", type=Path, default=cross.WEIGHTS, help="where the update and head go")
    ap.add_argument("--weight", type=float, default=None,
                    help="also print the best-F1 same_claim threshold of the combined score at this weight")
    args = ap.parse_args()
    torch, transformers = _libraries()
    torch.manual_seed(0)
    p, ids, qrels = pairs("minilm", 30, CACHE)
    train_ids = [t.id for t in checkthat.tweets(SHARED / "train" / "tweets.queries.tsv")]
    fit_ids, held = split(train_ids)
    if args.held == "cluster":
        from train_cluster import load

        held = set(load()[1].ids)
        fit_ids = set(train_ids) - held
    if args.all:
        fit_ids = set(train_ids)
    lr_model = fit(p, fit_ids, 1.0)
    tweets = {t.id: clean(t.text) for s in ("train", "dev") for t in checkthat.tweets(SHARED / s / "tweets.queries.tsv")}
    checks = [vector_text(c) for c in checkthat.verified_claims(SHARED / "verified_claims.docs.tsv")]
    train = groups(p, ids, qrels, tweets, checks, lr_model, fit_ids, args.negatives)
    tok = transformers.AutoTokenizer.from_pretrained(cross.minilm.model_dir(), local_files_only=True)
    net = build(torch, transformers, args.lowest, args.rank)
    trainable = [q for q in net.parameters() if q.requires_grad]
    opt = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    steps_per_epoch = (len(train) + args.batch - 1) // args.batch
    total = steps_per_epoch * args.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 20) * max(0.0, 1 - s / total))
    args.work.mkdir(parents=True, exist_ok=True)
    ckpt = args.work / f"checkpoint-l{args.lowest}-r{args.rank}-e{args.epochs}{'' if args.negatives == NEGATIVES else f'-n{args.negatives}'}{'-all' if args.all else ''}{'-cluster' if args.held == 'cluster' else ''}.pt"
    step = 0
    if ckpt.exists():
        state = torch.load(ckpt)
        net.load_state_dict(state["net"], strict=False)
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        step = state["step"]
        print(f"resumed at step {step}/{total}", file=sys.stderr)
    net.train()
    t0 = time.time()
    while step < total:
        epoch, k = divmod(step, steps_per_epoch)
        order = list(range(len(train)))
        random.Random(epoch).shuffle(order)
        batch = [train[i] for i in order[k * args.batch : (k + 1) * args.batch]]
        qs = [q for q, cs in batch for _ in cs]
        cs = [c for _, group in batch for c in group]
        enc = tok.pad(cross.pieces(tok, qs, cs), return_tensors="pt")
        logits = net(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]).view(len(batch), -1)
        loss = torch.nn.functional.cross_entropy(logits, torch.zeros(len(batch), dtype=torch.long))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        step += 1
        if step % 20 == 0 or step == total:
            print(f"step {step}/{total} loss {loss.item():.3f} {time.time() - t0:.0f}s", file=sys.stderr)
            trained = {n: v for n, v in net.state_dict().items() if "lora_" in n or n.startswith("head.")}
            torch.save({"net": trained, "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step}, ckpt)
    save(torch, net, args)
    if args.all:
        return
    score_held(p, ids, qrels, held, lr_model, tweets, checks, args.rerank, args.weight, args.out)


def save(torch, net, args) -> None:  # type: ignore[no-untyped-def]
    from safetensors.torch import save_file

    out = {}
    for name, value in net.state_dict().items():
        if "lora_" in name:
            out[name.replace(".inner", "")] = value.detach().to(torch.float16).contiguous()
        elif name.startswith("head."):
            out[name] = value.detach().contiguous()
    meta = {"scale": str(SCALE), "rank": str(args.rank), "lowest": str(args.lowest), "base": cross.minilm.NAME,
            "origin": ("CheckThat! 2020 task 2 train, all 800 tweets" if args.all else "CheckThat! 2020 task 2 train, four fifths (640 tweets, seed 33"
                                    + (", the fifth held apart by fact-check as train_cluster.py's)" if args.held == "cluster" else ")"))
            + f": scripts/train_cross_encoder.py --epochs {args.epochs} --negatives {args.negatives} --lowest {args.lowest} --rank {args.rank}"}
    save_file(out, str(args.out), metadata=meta)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)", file=sys.stderr)


def threshold(finals: list[tuple[np.ndarray, np.ndarray]], queries: int) -> tuple[float, float, float]:
    """The probability threshold of best F1 over the top-5 pairs: (threshold, precision, recall)."""
    scored = [(float(1 / (1 + np.exp(-f[j]))), bool(y[j])) for f, y in finals for j in np.argsort(-f)[:5]]
    best = (0.5, 0.0, 0.0, -1.0)
    for t in sorted({x for x, _ in scored}):
        yes = [ok for x, ok in scored if x >= t]
        prec, rec = sum(yes) / len(yes), sum(yes) / queries
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[3]:
            best = (t, prec, rec, f1)
    return best[0], best[1], best[2]


def score_held(p, ids, qrels, held, lr_model, tweets, checks, top, chosen, weights) -> float | None:  # type: ignore[no-untyped-def]
    cross._merged.cache_clear()
    ce = cross.CrossEncoder(weights)
    sub = {q: qrels[q] for q in held}
    runs: dict[str, dict[str, list[str]]] = {}
    finals: list[tuple[np.ndarray, np.ndarray]] = []
    for i, q in enumerate(p.qids):
        if q not in held:
            continue
        prob = lr_model.probability(p.x[i])
        order = np.argsort(-prob, kind="stable")[:top]
        logit = np.log(prob[order] / (1 - prob[order]))
        c = ce.score([tweets[q]] * len(order), [checks[p.rows[i][j]] for j in order])
        if chosen is not None:
            finals.append((logit + chosen * c, p.y[i][order]))
        for w in (0.0, 0.25, 0.5, 1.0, 2.0, None):
            s = c if w is None else logit + w * c
            runs.setdefault(str(w), {})[q] = [ids[p.rows[i][order[j]]] for j in np.argsort(-s, kind="stable")]
    for w, rk in runs.items():
        label = "cross-encoder alone" if w == "None" else f"logistic + {w} x cross"
        print(f"held-out: {label:28s} MAP@1 {mean_ap(rk, sub, 1):.3f} MAP@5 {mean_ap(rk, sub, 5):.3f}")
    if chosen is None:
        return None
    t, prec, rec = threshold(finals, len(sub))
    print(f"held-out: same_claim threshold {t:.3f} at weight {chosen}: precision {prec:.3f} recall {rec:.3f}")
    return t


if __name__ == "__main__":
    main()
