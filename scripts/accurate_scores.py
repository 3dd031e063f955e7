"""Run the accurate tagger once over PolNeAR TRAIN sentences and keep its logits on disk.

    nice -n 10 python scripts/accurate_scores.py [--part held|fit|all] [--limit N] [-o FILE]

Content-span work (``content_span_errors.py``, ``train_content_spans.py``)
runs the rules many times over the same sentences; the MPNet tagger is the
slow part, so its per-token logits are computed once and stored per parsed
sentence (a pickle: sentence text -> (cue logits, role logits)), written
every few articles so that a killed run resumes where it stopped.  Never
run on dev.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rules_harness as H

DEFAULT = Path(os.environ.get("CLAIMKIT_TRAIN_CACHE", str(Path.home() / ".cache" / "claimkit-train"))) / "accurate-scores.pkl"


def load(path: Path) -> dict[str, tuple[list, list]]:  # type: ignore[type-arg]
    return pickle.loads(path.read_bytes()) if path.exists() else {}


def _save(path: Path, scores: dict) -> None:  # type: ignore[type-arg]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(pickle.dumps(scores))
    tmp.replace(path)


class StoredTagger:
    """Stands in for the accurate tagger: answers from stored logits, runs
    the real one (``tagger``, may be None) on sentences it has none for."""

    def __init__(self, scores: dict, tagger=None) -> None:  # type: ignore[no-untyped-def, type-arg]
        self.scores, self.tagger = scores, tagger
        self.label = "stored"
        self.missing = 0

    def annotate(self, docs) -> None:  # type: ignore[no-untyped-def]
        from claimkit.extractors.rules.cues import accurate_tagger
        from claimkit.extractors.rules.cues.cue_model import ROLE_GAP, ROLE_SCORES, TAGGER_SCORES

        todo = []
        for d in docs:
            got = self.scores.get(d.text)
            if got is None:
                todo.append(d)
            else:
                d.user_data[TAGGER_SCORES], d.user_data[ROLE_SCORES] = got
                d.user_data[ROLE_GAP] = accurate_tagger.CONTENT_GAP
        if todo and self.tagger is not None:
            self.tagger.annotate(todo)
            for d in todo:
                self.scores[d.text] = (d.user_data[TAGGER_SCORES], d.user_data[ROLE_SCORES])
        self.missing += len(todo)


def part_ids(part: str) -> list[str]:
    gold, _ = H.load_corpus()
    fit, held = H.split_ids(list(gold))
    return {"fit": fit, "held": held, "all": sorted(gold)}[part]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="held", choices=["held", "fit", "all"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of the part")
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    import torch

    from claimkit.extractors.rules import RuleExtractor
    from claimkit.extractors.rules.cues.accurate_tagger import AccurateTagger

    torch.set_num_threads(args.threads)
    _, texts = H.load_corpus()
    H.install_cache(texts)
    ids = part_ids(args.part)[: args.limit or None]
    scores = load(args.out)
    stored = StoredTagger(scores, AccurateTagger())
    ex = RuleExtractor(cue_tagger=stored)  # type: ignore[arg-type]
    t0 = time.perf_counter()
    for k in range(0, len(ids), 8):
        before = stored.missing
        H.predict(texts, ids[k : k + 8], ex)
        if stored.missing > before:
            _save(args.out, scores)
        print(f"{min(k + 8, len(ids))}/{len(ids)} articles, {stored.missing} sentences tagged ({time.perf_counter() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
