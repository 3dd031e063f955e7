"""Learn which common nouns can be a source from PolNeAR TRAIN (never dev).

    python scripts/learn_speaker_nouns.py   # writes src/claimkit/extractors/rules/speaker_nouns_polnear_train.json

For every gold Source span (first annotator of each article) the head word is
the token of the span whose syntactic head lies outside it, in the same spaCy
parse the extractor uses (the harness's cached parse of each sentence).  A
lower-case common noun (NN or NNS) that heads a source at least MIN_COUNT
times is a speaker noun: "allies", "pollsters", "strategist".  The rules read
the list to tell a subject that can convey content from a thing that cannot
("the homes care for 640 people": ``constructions.conveyed``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
OUT = ROOT / "src" / "claimkit" / "extractors" / "rules" / "speaker_nouns_polnear_train.json"
MIN_COUNT = 2
ORIGIN = (
    "learned from PolNeAR v1.0.0 train split (Newell et al., LREC 2018): lower-case common nouns (NN, NNS) heading "
    f"a gold Source span at least {MIN_COUNT} times, first annotator per article; produced by scripts/learn_speaker_nouns.py"
)


def _heads(doc, off: int, start: int, end: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The lower-cased common-noun heads of the span start..end of a parsed sentence starting at ``off``."""
    inside = [t for t in doc if start <= off + t.idx < end]
    ids = {t.i for t in inside}
    return [t.lower_ for t in inside if t.head.i not in ids or t.head.i == t.i if t.tag_ in {"NN", "NNS"} and t.text.islower()]


def main() -> None:
    import rules_harness as H

    from claimkit import segment

    gold, texts = H.load_corpus()
    H.install_cache(texts)
    counts: Counter[str] = Counter()
    for d in sorted(gold):
        text = texts[d]
        sents = segment.sentences(text)
        for g in gold[d]:
            for start, end in g.source:
                s = next((s for s in sents if s.start <= start < s.end), None)
                doc = H.cached_doc(text[s.start : s.end]) if s is not None else None
                if doc is not None:
                    counts.update(_heads(doc, s.start, start, end))
    nouns = sorted(w for w, k in counts.items() if k >= MIN_COUNT)
    OUT.write_text(json.dumps({"origin": ORIGIN, "articles": len(gold), "nouns": nouns}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(nouns)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
