"""Run the rule extractor on a PolNeAR split and score it.

    python scripts/dev_loop.py train            # score on train (develop here)
    python scripts/dev_loop.py dev --limit 20   # report on dev at the end only

Writes the predicted records to ``/tmp/claimkit-<split>.jsonl`` and prints the
score table.  When ``claimkit.evaluate`` exists it is used for scoring; the
small brat loader and scorer below are the fallback (same metric as described
in the evaluation README: spans trimmed of white space, quotes, edge
punctuation and a leading "that "; overlap = sharing >= 50% of each span's
characters; one-to-one matching), and they also serve ``learn_cues.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

POLNEAR = Path(os.environ.get("CLAIMKIT_SHARED", "/work/shared")) / "eval" / "polnear"

# --------------------------------------------------------------------------- #
# brat loading


def parse_spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def load_ann(path: Path) -> list[dict[str, list[tuple[int, int]] | None]]:
    """Attributions of one .ann file: dicts with source/cue/content span lists."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rest = parts[1].partition(" ")
            spans[parts[0]] = (label, parse_spans(rest))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for ev in events:
        roles: dict[str, list[tuple[int, int]] | None] = {"source": None, "cue": None, "content": None}
        for item in ev[1:]:
            role, _, tid = item.partition(":")
            if tid not in spans:
                continue
            r = role.rstrip("0123456789").lower()
            if r in roles:
                roles[r] = (roles[r] or []) + spans[tid][1]
        if roles["cue"] is None and roles["content"] is None:
            continue
        out.append(roles)
    return out


def split_docs(split: str) -> list[tuple[str, Path, Path]]:
    """(doc_id, text path, first annotator's .ann path) of each article."""
    base = POLNEAR / split
    anns: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((base / "attributions").glob("*.ann")):
        doc = p.stem.rsplit("_", 1)[0]
        anns[doc].append(p)
    out = []
    for t in sorted((base / "text").glob("*.txt")):
        if t.stem in anns:
            out.append((t.stem, t, anns[t.stem][0]))
    return out


# --------------------------------------------------------------------------- #
# fallback scorer

_EDGE = set(" \t\r\n\"'“”‘’«».,;:!?()[]{}—–-")


def trim(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    chars: list[int] = sorted({i for a, b in spans for i in range(a, b)})
    while chars and text[chars[0]] in _EDGE:
        chars.pop(0)
    while chars and text[chars[-1]] in _EDGE:
        chars.pop()
    if len(chars) > 5 and text[chars[0] : chars[0] + 5].lower() == "that " and chars[4] == chars[0] + 4:
        chars = chars[5:]
        while chars and text[chars[0]] in _EDGE:
            chars.pop(0)
    return frozenset(chars)


def _match(gold: list[frozenset[int] | None], pred: list[frozenset[int] | None], exact: bool) -> dict[int, int]:
    cands = []
    for i, g in enumerate(gold):
        if not g:
            continue
        for j, p in enumerate(pred):
            if not p:
                continue
            if exact:
                if g == p:
                    cands.append((1.0, i, j))
                continue
            inter = len(g & p)
            if inter and inter >= 0.5 * len(g) and inter >= 0.5 * len(p):
                cands.append((inter / len(g | p), i, j))
    cands.sort(reverse=True)
    gi, pj, m = set(), set(), {}
    for _, i, j in cands:
        if i not in gi and j not in pj:
            gi.add(i)
            pj.add(j)
            m[i] = j
    return m


def score(docs: list[tuple[str, str, list[dict], list[dict]]]) -> dict[str, dict[str, float]]:
    """docs: (doc_id, text, gold attributions, predicted records)."""
    tot: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _, text, gold, preds in docs:
        preds = [r for r in preds if r["mode"] != "unattributed"]
        g = {
            role: [trim(text, a[role]) if a[role] else None for a in gold]
            for role in ("source", "cue", "content")
        }
        p = {
            "source": [
                trim(text, [(r["source"]["mention"]["start"], r["source"]["mention"]["end"])])
                if r.get("source") and r["source"].get("mention")
                else None
                for r in preds
            ],
            "cue": [trim(text, [(r["cue"]["mention"]["start"], r["cue"]["mention"]["end"])]) if r.get("cue") else None for r in preds],
            "content": [trim(text, [(r["content"]["start"], r["content"]["end"])]) for r in preds],
        }
        for exact in (False, True):
            tag = "exact" if exact else "overlap"
            ms = {}
            for role in ("source", "cue", "content"):
                m = _match(g[role], p[role], exact)
                ms[role] = m
                t = tot[f"{role}/{tag}"]
                t[0] += len(m)
                t[1] += sum(1 for x in p[role] if x)
                t[2] += sum(1 for x in g[role] if x)
            # pair: a predicted record whose source and content both match the same gold attribution
            pairs = _match(
                [g["content"][i] if g["source"][i] else None for i in range(len(gold))],
                [p["content"][j] if p["source"][j] else None for j in range(len(preds))],
                exact,
            )
            ok = 0
            for i, j in pairs.items():
                gs, ps = g["source"][i], p["source"][j]
                if gs and ps:
                    inter = len(gs & ps)
                    if (gs == ps) if exact else (inter >= 0.5 * len(gs) and inter >= 0.5 * len(ps)):
                        ok += 1
            t = tot[f"pair/{tag}"]
            t[0] += ok
            t[1] += sum(1 for j in range(len(preds)) if p["source"][j])
            t[2] += sum(1 for i in range(len(gold)) if g["source"][i])
    out = {}
    for k, (tp, np_, ng) in tot.items():
        pr = tp / np_ if np_ else 0.0
        rc = tp / ng if ng else 0.0
        out[k] = {"p": pr, "r": rc, "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0}
    return out


def print_table(res: dict[str, dict[str, float]]) -> None:
    print(f"{'':16}{'P':>7}{'R':>7}{'F1':>7}")
    for tag in ("overlap", "exact"):
        for role in ("cue", "source", "content", "pair"):
            k = f"{role}/{tag}"
            if k in res:
                v = res[k]
                print(f"{k:16}{v['p']:7.3f}{v['r']:7.3f}{v['f1']:7.3f}")


# --------------------------------------------------------------------------- #


def _bare_run(article, extractor):  # type: ignore[no-untyped-def]
    """segment -> extract -> assemble, without the normalise stage."""
    from types import SimpleNamespace

    from claimkit import segment
    from claimkit.assemble import assemble

    sentences = segment.sentences(article.text)
    ext = extractor.extract(article, sentences)
    claims = assemble(article, sentences, ext.candidates, extractor.info)
    return SimpleNamespace(records=[c.model_dump(mode="json") for c in claims])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("split", choices=["train", "dev", "annotator-training"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", default="")
    ap.add_argument("--own-scorer", action="store_true", help="use the fallback scorer even if evaluate.py exists")
    args = ap.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.model import Article

    try:
        from claimkit import pipeline

        run = pipeline.run
    except Exception as exc:  # noqa: BLE001 - another stage is mid-edit: score the extractor alone
        print(f"pipeline unavailable ({type(exc).__name__}: {exc}); running extract + assemble only")
        run = _bare_run

    docs = split_docs(args.split)
    if args.limit:
        docs = docs[: args.limit]
    out_path = Path(args.out or f"/tmp/claimkit-{args.split}.jsonl")
    ex = RuleExtractor()
    ex.warm_up()
    words = 0
    scored = []
    t0 = time.perf_counter()
    with out_path.open("w", encoding="utf-8") as fh:
        for doc_id, tpath, apath in docs:
            text = tpath.read_text(encoding="utf-8")
            words += len(text.split())
            art = Article(doc_id=doc_id, text=text, origin=str(tpath))
            res = run(art, ex)
            for r in res.records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            scored.append((doc_id, text, load_ann(apath), res.records))
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} articles, {words:,} words in {dt:.1f}s = {words / dt:,.0f} words/s; peak RSS {peak:.0f} MB")
    print(f"records: {sum(len(s[3]) for s in scored):,} -> {out_path}")
    use_eval = not args.own_scorer
    if use_eval:
        try:
            from claimkit.evaluate import evaluate  # type: ignore[import-not-found]
        except ImportError:
            use_eval = False
    if use_eval:
        rep = evaluate(POLNEAR / args.split, out_path)
        print(rep.format_table())
    else:
        print_table(score(scored))


if __name__ == "__main__":
    main()
