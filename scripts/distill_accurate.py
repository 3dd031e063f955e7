"""Label unannotated Wikinews articles with the accurate tagger, for teaching the fast path.

    # 1. label (resumable: articles already in OUT are skipped; about 2 M words, roughly
    #    an hour on two idle cores at MPNet's ~900 wordpieces/s)
    nice -n 10 python scripts/distill_accurate.py label -o ~/.cache/claimkit-train/wikinews-labels-fit.jsonl \
        --weights ~/.cache/claimkit-train/runs/fit-all/accurate-fit-epoch2.safetensors
    # 2. teach the MiniLM tagger from PolNeAR train plus these labels, then score it on held-out train
    nice -n 10 python scripts/train_cue_tagger.py --part fit --aux-weight 0.5 --extra ~/.cache/claimkit-train/wikinews-labels-fit.jsonl

Each output line is one sentence as the parser sees it, with the character
ranges the accurate tagger takes for cue, source and content (wordpieces whose
logit is above 0, joined when adjacent): the example format of
``train_cue_tagger.py``.  The corpus is ``../shared/eval/wikinews-tosca``
(7,327 Wikinews articles, CC BY 2.5).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WIKINEWS = Path(os.environ.get("CLAIMKIT_SHARED", str(ROOT.parent / "shared"))) / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz"


def ranges(pieces: list[tuple[int, int, list[float]]], role: int, text: str) -> list[tuple[int, int]]:
    """Positive wordpieces of ``role`` as character ranges, adjacent ones (white space between) joined."""
    out: list[list[int]] = []
    for s, e, lg in pieces:
        if lg[role] <= 0:
            continue
        if out and not text[out[-1][1] : s].strip():
            out[-1][1] = e
        else:
            out.append([s, e])
    return [(a, b) for a, b in out]


def label(out: Path, limit: int, threads: int, weights: Path | None = None) -> None:
    import torch

    from claimkit import segment
    from claimkit.extractors.rules import parse
    from claimkit.extractors.rules.cues import accurate_tagger

    torch.set_num_threads(threads)
    done: set[str] = set()
    if out.exists():
        done = {json.loads(line)["article"] for line in out.open(encoding="utf-8")}
    # the fit-part teacher keeps held-out train clean for the student's choices
    tagger = accurate_tagger.tagger(weights) if weights is not None else accurate_tagger.tagger()
    t0, words, n = time.perf_counter(), 0, 0
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as fh, out.open("a", encoding="utf-8") as sink:
        for line in fh:
            art = json.loads(line)
            if art["id"] in done or not art.get("text", "").strip():
                continue
            text = art["text"]
            sents = [parse.parser_text(text[s.start : s.end]) for s in segment.sentences(text)]
            rows = []
            for sent, pieces in zip(sents, tagger.scores(sents), strict=True):
                rows.append(json.dumps({"article": art["id"], "text": sent, "spans": [ranges(pieces, r, sent) for r in range(3)]}))
            sink.write("\n".join(rows) + "\n")
            sink.flush()  # a whole article at a time: a killed run resumes at the next one
            words += len(text.split())
            n += 1
            if n % 50 == 0:
                print(f"{n} articles, {words:,} words, {words / (time.perf_counter() - t0):.0f} words/s", flush=True)
            if limit and n >= limit:
                break
    print(f"{n} articles labelled -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    lab = sub.add_parser("label")
    lab.add_argument("-o", "--out", type=Path, required=True)
    lab.add_argument("--limit", type=int, default=0, help="stop after this many new articles")
    lab.add_argument("--threads", type=int, default=2)
    lab.add_argument("--weights", type=Path, help="the teacher's update (default: the shipped one, trained on all of train)")
    args = ap.parse_args()
    label(args.out, args.limit, args.threads, args.weights)


if __name__ == "__main__":
    main()
