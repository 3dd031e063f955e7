"""Certainty and polarity of reported content, checked on MEANTIME (apple + gm).

MEANTIME annotates, for each reporting event (SLINK), the certainty and
polarity of the embedded event as the source states it.  For every SLINK whose
cue is a SPEECH_COGNITIVE event (``derived_slink_attributions.jsonl``), this
runs the offline pipeline on the sentence with the document date, looks for
the attributed record whose content contains the gold content head, and
compares certainty (CERTAIN/PROBABLE/POSSIBLE) and polarity (POS/NEG); gold
UNDERSPECIFIED values are left out.

    python benchmarks/eval_meantime.py [--shared ../shared] [--show-errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit import pipeline
from claimkit.extractors.rules import RuleExtractor
from claimkit.read import files as ingest

ROOT = Path(__file__).resolve().parents[1]
LEVELS = {"CERTAIN": "certain", "PROBABLE": "probable", "POSSIBLE": "possible"}
POLARITY = {"POS": "positive", "NEG": "negative"}


@dataclass
class Tally:
    slinks: int = 0
    found: int = 0
    scored: Counter[str] = field(default_factory=Counter)  # "certainty" / "polarity" -> judged
    right: Counter[str] = field(default_factory=Counter)  # ... -> agreeing with gold
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "slinks": self.slinks,
            "attribution_found": self.found,
            "attribution_recall": ratio(self.found, self.slinks),
            "certainty_scored": self.scored["certainty"],
            "certainty_accuracy": ratio(self.right["certainty"], self.scored["certainty"]),
            "polarity_scored": self.scored["polarity"],
            "polarity_accuracy": ratio(self.right["polarity"], self.scored["polarity"]),
        }


def _head_offset(sentence: str, head: str, cue: str) -> int | None:
    """Where the gold content head sits: its first occurrence after the cue, else anywhere."""
    word = head.split()[0]
    cue_at = sentence.find(cue.split()[0])
    spots = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence)]
    after = [s for s in spots if s > cue_at >= 0]
    return (after or spots or [None])[0]


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def score(path: Path) -> Tally:
    """Run the pipeline on every SPEECH_COGNITIVE SLINK sentence and tally agreement."""
    extractor = RuleExtractor()
    tally = Tally()
    for line in path.read_text(encoding="utf-8").splitlines():
        gold: dict[str, Any] = json.loads(line)
        if gold["cue"]["event_class"] != "SPEECH_COGNITIVE":
            continue
        tally.slinks += 1
        sentence = gold["sentence_text"]
        head = _head_offset(sentence, gold["content_event"]["text"], gold["cue"]["text"])
        article = ingest.make_article(sentence, gold["doc"], gold["doc"], published=_date(gold["dct"]))
        records = [r for r in pipeline.run(article, extractor).records if r["mode"] != "unattributed"]
        hit = next(
            (r for r in records if head is not None and r["content"]["start"] <= head < r["content"]["end"]),
            None,
        )
        if hit is None:
            continue
        tally.found += 1
        for kind, got, want in (
            ("certainty", hit["certainty"]["level"], LEVELS.get(gold["content_event"]["certainty"])),
            ("polarity", hit["certainty"]["polarity"], POLARITY.get(gold["content_event"]["polarity"])),
        ):
            if want:
                tally.scored[kind] += 1
                tally.right[kind] += got == want
                if got != want:
                    tally.errors.append(f"{kind} {got} != {want}: {sentence}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    tally = score(args.shared / "eval" / "meantime-en" / "derived_slink_attributions.jsonl")
    print(json.dumps(tally.as_dict(), indent=2))
    if args.show_errors:
        print("\n".join(tally.errors))


if __name__ == "__main__":
    main()
