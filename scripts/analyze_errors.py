"""Error analysis of the rule extractor on PolNeAR TRAIN (fit part only by default).

    python scripts/analyze_errors.py [--part fit|held|all] [--top 40]

Prints tables of missed gold cues (coarse POS and dependency of the cue head,
its lemma, whether the sentence would have been parsed, whether the lemma is
in the cue lexicon), of false-positive cues, and of content boundary errors
for attributions whose cue was found (start early/late, end early/late, with
the first/last words of the difference), and, per rule (``Found.rule``), how
often the content and the source of a record whose cue matches a gold cue
are right.  Never run on dev.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rules_harness as H


def head_token(doc, off: int, s: int, e: int):  # type: ignore[no-untyped-def]
    toks = [t for t in doc if off + t.idx >= s and off + t.idx < e]
    if not toks:
        return None
    ids = {t.i for t in toks}
    outside = [t for t in toks if t.head.i not in ids or t.head is t]
    return outside[0] if outside else toks[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="fit", choices=["fit", "held", "all"])
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    from claimkit import segment
    from claimkit.evaluate.polnear import is_overlap, trim_span
    from claimkit.extractors.rules import lexicon
    from claimkit.extractors.rules.constructions import furniture
    from claimkit.extractors.rules.parse import coarse

    gold, texts = H.load_corpus()
    H.install_cache(texts)
    fit, held = H.split_ids(list(gold))
    ids = {"fit": fit, "held": held, "all": sorted(gold)}[args.part]
    rule_of = record_rules()
    preds, cands = H.predict(texts, ids)
    lex = lexicon.learned()

    miss_cat: Counter[str] = Counter()
    miss_lemma: Counter[str] = Counter()
    miss_posdep: Counter[str] = Counter()
    miss_text: Counter[str] = Counter()
    hit_lemma: Counter[str] = Counter()
    fp_lemma: Counter[str] = Counter()
    bound: Counter[str] = Counter()
    bound_words: Counter[str] = Counter()
    n_gold = 0
    for d in ids:
        text = texts[d]
        sents = segment.sentences(text)
        skip = furniture.skipped(text, sents)
        pcues = [trim_span(text, p.cue) for p in preds[d] if p.cue]
        pmatched = [False] * len(pcues)
        for g in gold[d]:
            if not g.cue:
                continue
            n_gold += 1
            gc = trim_span(text, g.cue)
            if not gc:
                continue
            s0, e0 = gc[0][0], gc[-1][1]
            sent = next((s for s in sents if s.start <= s0 < s.end), None)
            hit = [k for k, pc in enumerate(pcues) if pc and is_overlap(gc, pc)]
            for k in hit:
                pmatched[k] = True
            if sent is None:
                miss_cat["no sentence"] += 1
                continue
            doc = H.cached_doc(text[sent.start : sent.end])
            ht = head_token(doc, sent.start, s0, e0) if doc is not None else None
            if ht is None:
                continue
            pos = coarse(ht.tag_)
            lemma = lex.lemma_of(ht.lower_, pos)
            multi = len(g.span_text("cue").split()) > 1
            if hit:
                hit_lemma[f"{lemma}|{pos}"] += 1
                # content boundaries
                p = next(p for p in preds[d] if p.cue and is_overlap(gc, trim_span(text, p.cue)))
                gt, pt = trim_span(text, g.content), trim_span(text, p.content)
                if gt and pt and gt != pt:
                    gs, ge, ps, pe = gt[0][0], gt[-1][1], pt[0][0], pt[-1][1]
                    if ps < gs:
                        bound["start early"] += 1
                        bound_words["start early: " + " ".join(text[ps:gs].split()[:2]).lower()] += 1
                    elif ps > gs:
                        bound["start late"] += 1
                        bound_words["start late: " + " ".join(text[gs:ps].split()[:2]).lower()] += 1
                    if pe > ge:
                        bound["end late"] += 1
                        bound_words["end late: " + " ".join(text[ge:pe].split()[:2]).lower()] += 1
                    elif pe < ge:
                        bound["end early"] += 1
                        bound_words["end early: " + " ".join(text[pe:ge].split()[:2]).lower()] += 1
                    if len(gt) > 1:
                        bound["gold discontinuous"] += 1
                else:
                    bound["exact"] += 1
                continue
            parsed = sent.index not in skip
            in_lex = (pos == "V" and lemma in lex.cue_verbs) or ht.lower_ in lexicon.NOMINAL_CUES
            cat = f"{'parsed' if parsed else 'NOT parsed'}, {'in lexicon' if in_lex else 'not in lexicon'}, {'multi' if multi else 'single'}-word, {pos}"
            miss_cat[cat] += 1
            miss_lemma[f"{lemma}|{pos}"] += 1
            miss_posdep[f"{pos} {ht.dep_}"] += 1
            miss_text[" ".join(g.span_text("cue").lower().split())] += 1
        for k, pc in enumerate(pcues):
            if not pmatched[k] and pc:
                fp_lemma[" ".join(text[pc[0][0] : pc[-1][1]].lower().split()[-2:])] += 1

    def show(title: str, c: Counter[str], n: int) -> None:
        print(f"\n## {title} (total {sum(c.values())})")
        for k, v in c.most_common(n):
            print(f"{v:6}  {k}")

    print(f"gold cues: {n_gold}")
    show("missed gold cues by category", miss_cat, args.top)
    show("missed gold cues by head lemma", miss_lemma, args.top)
    show("missed gold cues by POS + dep of head", miss_posdep, args.top)
    show("missed gold cue texts", miss_text, args.top * 2)
    show("false-positive cues (last words)", fp_lemma, args.top)
    show("content boundaries where the cue was found", bound, 10)
    show("content boundary errors, first words of the difference", bound_words, args.top)
    by_rule(gold, texts, ids, cands, rule_of)


def record_rules() -> dict[tuple[str, tuple[int, int]], str]:
    """Wrap the sentence rules so that each record's rule is remembered,
    keyed by (article text, cue offsets)."""
    from claimkit.extractors.rules.constructions import dispatch

    seen: dict[tuple[str, tuple[int, int]], str] = {}
    run = dispatch.run

    def recording(sentence):  # type: ignore[no-untyped-def]
        found = run(sentence)
        for f in found:
            seen[(sentence.text, f.cue)] = f.rule
        return found

    dispatch.run = recording
    return seen


def by_rule(gold, texts, ids, cands, rule_of) -> None:  # type: ignore[no-untyped-def]
    """Content and source right/wrong per rule, for records whose cue matches a gold cue."""
    from claimkit.evaluate.polnear import is_overlap, trim_span

    tally: dict[str, Counter[str]] = {}
    for d in ids:
        text = texts[d]
        for c in cands[d]:
            if c.mode == "unattributed" or c.cue is None:
                continue
            cue = (c.cue.mention.start, c.cue.mention.end)
            t = tally.setdefault(rule_of.get((text, cue), "?"), Counter())
            pc = trim_span(text, (cue,))
            g = next((g for g in gold[d] if g.cue and is_overlap(trim_span(text, g.cue), pc)), None)
            if g is None:
                t["cue not gold"] += 1
                continue
            t["content ok" if is_overlap(trim_span(text, g.content), trim_span(text, ((c.content.start, c.content.end),))) else "content wrong"] += 1
            m = c.source.mention if c.source is not None else None
            if g.source:
                t["source none" if m is None else "source ok" if is_overlap(trim_span(text, g.source), trim_span(text, ((m.start, m.end),))) else "source wrong"] += 1
    cols = ["cue not gold", "content ok", "content wrong", "source ok", "source wrong", "source none"]
    print("\n## records by rule (cue matched: content and source right or wrong)")
    print(f"{'rule':16}" + "".join(f"{c:>15}" for c in cols))
    for rule, t in sorted(tally.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{rule:16}" + "".join(f"{t[c]:15}" for c in cols))


if __name__ == "__main__":
    main()
