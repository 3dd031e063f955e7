"""Content-span errors of ``--accurate`` on PolNeAR TRAIN, by category (never dev).

    python scripts/content_span_errors.py [--part held] [--limit N] [--scores FILE] [--examples K]

Needs the tagger's stored logits (``accurate_scores.py``); sentences without
them are tagged on the fly.  For every gold attribution whose cue a record
matches (overlap), the record's content is compared with the gold content
(both trimmed as the scorer trims them):

- exact / overlap (right under the 50% rule, boundaries off);
- too long: the prediction holds the gold content and more than as much again;
- too short: the gold content holds the prediction, and more than twice it;
- wrong clause: the two do not overlap at all;
- partial: they overlap, but neither rule holds.

Gold attributions with no record whose cue matches are "missed (cue not
found)".  For each category the rule's own span (before the tagger moved it)
is scored too, which tells whether the rules or the tagger's runs made the
error, and the words at the wrong boundaries are counted.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accurate_scores as S
import rules_harness as H


def category(g: tuple, p: tuple) -> str:  # type: ignore[type-arg]
    from claimkit.evaluate.polnear import is_exact, is_overlap, shared_size, span_size

    if not p:
        return "no content"
    if is_exact(g, p):
        return "exact"
    if is_overlap(g, p):
        return "overlap"
    shared = shared_size(g, p)
    if shared == 0:
        return "wrong clause"
    if shared == span_size(g):
        return "too long"
    if shared == span_size(p):
        return "too short"
    return "partial"


def record_rule_spans() -> dict[tuple[str, tuple[int, int]], tuple[int, int]]:
    """(sentence text, cue) -> the rule's content before the tagger moved it."""
    from claimkit.extractors.rules.constructions import dispatch

    seen: dict[tuple[str, tuple[int, int]], tuple[int, int]] = {}
    real = dispatch.use_roles

    def recording(s, f, roles):  # type: ignore[no-untyped-def]
        seen[(s.text, f.cue)] = f.content
        real(s, f, roles)

    dispatch.use_roles = recording
    return seen


def boundary_words(text: str, g: tuple, p: tuple, out: Counter[str]) -> None:  # type: ignore[type-arg]
    gs, ge, ps, pe = g[0][0], g[-1][1], p[0][0], p[-1][1]
    if ps < gs:
        out["start early: " + " ".join(text[ps:gs].split()[:2]).lower()] += 1
    elif ps > gs:
        out["start late: " + " ".join(text[gs:ps].split()[:2]).lower()] += 1
    if pe > ge:
        out["end late: " + " ".join(text[ge:pe].split()[:2]).lower()] += 1
    elif pe < ge:
        out["end early: " + " ".join(text[pe:ge].split()[:2]).lower()] += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="held", choices=["held", "fit", "all"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--scores", type=Path, default=S.DEFAULT)
    ap.add_argument("--examples", type=int, default=0, help="print this many examples of each failing category")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--gap", default="", help="accurate_tagger.CONTENT_GAP for this run (inf: join every run, as before issue 32)")
    args = ap.parse_args()
    from claimkit.evaluate.polnear import score_documents
    from claimkit.extractors.rules import RuleExtractor
    from claimkit.extractors.rules.cues import accurate_tagger

    if args.gap:
        accurate_tagger.CONTENT_GAP = None if args.gap == "inf" else float(args.gap)
    gold, texts = H.load_corpus()
    H.install_cache(texts)
    ids = S.part_ids(args.part)[: args.limit or None]
    rule_spans = record_rule_spans()
    stored = S.StoredTagger(S.load(args.scores))
    if not stored.scores:
        sys.exit(f"no stored logits in {args.scores}: run accurate_scores.py first")
    ex = RuleExtractor(cue_tagger=stored)  # type: ignore[arg-type]
    preds = {}
    for d in ids:  # only the articles whose every sentence has stored logits
        before = stored.missing
        got, _ = H.predict(texts, [d], ex)
        if stored.missing == before:
            preds.update(got)
    ids = [d for d in ids if d in preds]
    rep = score_documents({d: gold[d] for d in ids}, preds, texts)
    print(f"{len(ids)} articles with stored logits; {H.short(rep)}  sum {H.objective(rep):.4f}")
    tally(gold, texts, ids, preds, rule_spans, args.examples, args.top)


def tally(gold, texts, ids, preds, rule_spans, n_examples: int, top: int) -> None:  # type: ignore[no-untyped-def]
    """Count and print the categories, the rule's categories and the wrong boundaries."""
    from claimkit.evaluate.polnear import is_overlap, trim_span

    cats: Counter[str] = Counter()
    rule_cats: Counter[str] = Counter()
    words: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for d in ids:
        text = texts[d]
        pcues = [(p, trim_span(text, p.cue)) for p in preds[d] if p.cue]
        for g in gold[d]:
            gc, gt = trim_span(text, g.cue), trim_span(text, g.content)
            if not gc or not gt:
                continue
            p = next((p for p, pc in pcues if pc and is_overlap(gc, pc)), None)
            if p is None:
                cats["missed (cue not found)"] += 1
                continue
            pt = trim_span(text, p.content)
            c = category(gt, pt)
            cats[c] += 1
            rule = _rule_span(rule_spans, text, p.cue)
            rule_cats[f"{c:13} <- rule's span {category(gt, trim_span(text, (rule,))) if rule else '?'}"] += 1
            if pt and c != "exact":
                boundary_words(text, gt, pt, words)
            if pt and c not in ("exact", "overlap") and len(examples.setdefault(c, [])) < n_examples:
                examples[c].append(f"  cue {text[gc[0][0] : gc[-1][1]]!r}\n    gold {text[gt[0][0] : gt[-1][1]]!r}\n    pred {text[pt[0][0] : pt[-1][1]]!r}")
    show("content of gold attributions whose cue was found", cats, 20)
    show("category <- the rule's span before the tagger", rule_cats, 40)
    show("wrong boundaries (first words of the difference)", words, top)
    for c, ex in examples.items():
        print(f"\n## examples: {c}")
        print("\n".join(ex))

def _rule_span(rule_spans: dict, text: str, cue: tuple) -> tuple[int, int] | None:  # type: ignore[type-arg]
    return rule_spans.get((text, cue[0])) if len(cue) == 1 else None


def show(title: str, c: Counter[str], n: int) -> None:
    total = sum(c.values())
    print(f"\n## {title} (total {total})")
    for k, v in c.most_common(n):
        print(f"{v:6}  {v / max(total, 1):5.1%}  {k}")


if __name__ == "__main__":
    main()
