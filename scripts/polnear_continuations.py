"""How often PolNeAR's content spans run into the next sentence, by what that sentence is.

For every sentence of a PolNeAR split that holds an attribution's cue, take
the next sentence when it is in the same paragraph and holds no cue of its
own, and count whether an attribution of the cue's sentence covers half of it
or more (PolNeAR marks an account that goes on as one content span over
several sentences).  Rows: the next sentence is a whole quotation, or prose
(no quotation mark in it, none left open in the cue's sentence); and the last
cue of the cue's sentence is "according to", a speech verb (said, told,
added) or another cue.  This is the evidence for claimkit.accounts and
claimkit.quote_runs (docs/record.md, "Continued accounts").

    python scripts/polnear_continuations.py ../shared/eval/polnear/train
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from claimkit.evaluate.polnear import GoldAttribution, load_gold_corpus
from claimkit.model import Sentence
from claimkit.quote_runs import is_quotation, sentence_at
from claimkit.segment import sentences

_SPEECH = {"said", "says", "say", "told", "tells", "added", "adds"}
_MARKS = ('"', "“", "”", "''")


def _cue_kind(text: str, a: GoldAttribution) -> str:
    words = " ".join(text[s:e] for s, e in a.cue).lower().split()
    if words[:1] == ["according"]:
        return "according to"
    return "speech verb" if words[:1] and words[0] in _SPEECH else "other cue"


def _shape(text: str, cue_sentence: Sentence, nxt: Sentence) -> str | None:
    line, before = text[nxt.start : nxt.end], text[cue_sentence.start : cue_sentence.end]
    if is_quotation(line):
        return "quotation"
    left_open = before.count('"') % 2 == 1 or before.count("“") > before.count("”") or before.count("''") % 2 == 1
    return None if left_open or any(m in line for m in _MARKS) else "prose"


def _covers(a: GoldAttribution, s: Sentence) -> bool:
    shared = sum(max(0, min(e, s.end) - max(b, s.start)) for b, e in a.content)
    return shared >= 0.5 * (s.end - s.start)


def tally(text: str, attributions: Sequence[GoldAttribution]) -> Counter[tuple[str, str, bool]]:
    """(shape of the next sentence, kind of the last cue, covered) -> count, for one article."""
    sents = sentences(text)
    by_sentence: dict[int, list[GoldAttribution]] = {}
    for a in attributions:
        home = sentence_at(sents, a.cue[0][0]) if a.cue and a.content else None
        if home is not None:
            by_sentence.setdefault(home.index, []).append(a)
    out: Counter[tuple[str, str, bool]] = Counter()
    for s, nxt in itertools.pairwise(sents):
        if s.index not in by_sentence or nxt.paragraph != s.paragraph or nxt.index in by_sentence:
            continue
        shape = _shape(text, s, nxt)
        if shape is not None:
            last = max(by_sentence[s.index], key=lambda a: a.cue[0][0])
            out[(shape, _cue_kind(text, last), any(_covers(a, nxt) for a in by_sentence[s.index]))] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split directory (train, never test)")
    gold, texts = load_gold_corpus(parser.parse_args().split)
    total: Counter[tuple[str, str, bool]] = Counter()
    for doc, attributions in gold.items():
        total += tally(texts[doc], attributions)
    print(f"{'next sentence':<14}{'last cue':<14}{'in the content':>15}{'of':>6}")
    for shape, kind in sorted({(k[0], k[1]) for k in total}):
        yes, n = total[(shape, kind, True)], total[(shape, kind, True)] + total[(shape, kind, False)]
        print(f"{shape:<14}{kind:<14}{yes:>15}{n:>6}")


if __name__ == "__main__":
    main()
