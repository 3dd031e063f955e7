"""How often PolNeAR train marks a phrase as (part of) a cue: the counts behind
the rules that read "decided to", "voted to", "since X announced", "known as"
and the like as no attribution, or keep them.

    python scripts/polnear_phrases.py [--examples N] [--root ../shared/eval/polnear/train]

Prints, per phrase, how many of its occurrences in the train texts overlap a
gold Cue span (any annotator's file), and N examples of each.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

PHRASES = {
    "decide ... to": r"\b(decided|decides|decide|deciding)\s+(?:\S+\s+){0,5}?to\s",
    "vote ... to": r"\b(voted|votes|vote)\s+(?:\S+\s+){0,3}?to\s",
    "refuse to": r"\b(refused|refuses)\s+to\s",
    "since X announced": r"\bsince\s+(?:\S+\s+){1,5}?(announced|disclosed|unveiled|revealed|reported|launched)\b",
    "after/before/when X announced": r"\b(?:after|before|when)\s+(?:\S+\s+){1,5}?(announced|disclosed|unveiled|revealed)\b",
    "raising fears": r"\braising\s+(fears|concerns|questions|doubts|hopes)\b",
    "cast doubt": r"\bcast(?:s|ing)?\s+doubt\b",
    "said little": r"\b(said|say|says)\s+(little|nothing|much)\b",
    "known as": r"\bknown\s+(?:\w+\s+)?as\b",
    "call for": r"\b(calling|called|calls|call)\s+for\b",
}


def _cues(ann: Path) -> list[tuple[int, int]]:
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) > 1 and parts[1].startswith("Cue "):
            for seg in parts[1][4:].split(";"):
                a, b = seg.split()
                out.append((int(a), int(b)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default="../shared/eval/polnear/train")
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    root = Path(args.root)
    counts = {k: [0, 0, []] for k in PHRASES}
    for ann in sorted((root / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        text = (root / "text" / f"{base}.txt").read_text(encoding="utf-8")
        cues = _cues(ann)
        for key, pattern in PHRASES.items():
            for m in re.finditer(pattern, text, re.I):
                s, e = (m.start(1), m.end(1)) if m.lastindex else (m.start(), m.end())
                cued = any(a < e and s < b for a, b in cues)
                counts[key][0] += 1
                counts[key][1] += cued
                if len(counts[key][2]) < args.examples:
                    counts[key][2].append((cued, text[max(0, m.start() - 60) : m.end() + 40].replace("\n", " ")))
    for key, (n, cued, examples) in counts.items():
        print(f"{key:32} {cued:4} cued of {n}")
        for ex in examples:
            print("    ", ex)


if __name__ == "__main__":
    main()
