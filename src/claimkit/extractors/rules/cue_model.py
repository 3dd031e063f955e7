"""A learned cue detector: logistic regression over parse features of one token.

The weights (``cue_model_polnear_train.json``) were trained on PolNeAR train
by ``scripts/train_cue_model.py``; see that file's ``origin``.  At run time a
token's score is the sum of the weights of its feature strings (plus the
bias): no numpy, no model library.  A verb or noun scoring above the file's
``threshold`` is a cue candidate, and the attribution rules then look for its
source and content in the parse.

``features`` is shared with the training script, so training and run time see
the same strings.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.parse import coarse

MODEL_FILE = Path(__file__).with_name("cue_model_polnear_train.json")

# Tokens the model scores: verbs, nouns and adjectives that are not auxiliaries.
SCORED_POS = frozenset("VNJ")
_SKIP_DEPS = frozenset({"aux", "auxpass", "compound", "det", "punct"})
_ARG_DEPS = frozenset({"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "prep", "mark", "acl", "relcl", "poss", "agent", "advcl", "attr", "acomp", "dative", "neg", "prt", "csubj", "oprd"})
_BUCKETS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8)


def _bucket(p: float) -> int:
    b = 0
    for k, edge in enumerate(_BUCKETS):
        if p > edge:
            b = k + 1
    return b


def scored(tok: Any) -> bool:
    return coarse(tok.tag_) in SCORED_POS and tok.dep_ not in _SKIP_DEPS


def features(tok: Any, lex: lx.Learned, in_quote: bool) -> list[str]:
    """The feature strings of one token of a parsed sentence."""
    pos = coarse(tok.tag_)
    low = tok.lower_
    lemma = lex.lemma_of(low, pos)
    dep = tok.dep_
    head = tok.head
    hpos = coarse(head.tag_)
    hlemma = lex.lemma_of(head.lower_, hpos) if head.i != tok.i else "<root>"
    p = lex.prob.get((lemma, pos), 0.0)
    doc = tok.doc
    f = [
        "b",
        f"w={low}",
        f"l={lemma}|{pos}",
        f"t={tok.tag_}",
        f"d={pos}|{dep}",
        f"ld={lemma}|{dep}",
        f"pb={pos}|{_bucket(p)}",
        f"pbd={pos}|{_bucket(p)}|{dep}",
        f"h={hlemma}|{dep}",
        f"hd={hpos}|{head.dep_}|{dep}",
        f"w-1={doc[tok.i - 1].lower_ if tok.i > 0 else '<s>'}",
        f"w+1={doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else '</s>'}",
    ]
    if in_quote:
        f.append(f"q|{pos}")
    kids = set()
    for c in tok.children:
        cd = c.dep_
        if cd not in _ARG_DEPS:
            continue
        if cd == "prep" or cd == "prt" or cd == "mark":
            f.append(f"c{cd}={c.lower_}")
            f.append(f"lc{cd}={lemma}|{c.lower_}")
        elif cd in {"nsubj", "nsubjpass", "poss", "csubj"}:
            f.append(f"s={cd}|{c.tag_[:3]}")
        if cd not in kids:
            kids.add(cd)
            f.append(f"c={cd}")
            f.append(f"lc={lemma}|{cd}")
            if cd in {"ccomp", "acl"} and any(g.dep_ == "mark" and g.lower_ in {"that", "whether", "if"} for g in c.children):
                f.append(f"cthat={pos}|{cd}")
                f.append(f"lcthat={lemma}")
    f.append("k=" + ",".join(sorted(k for k in kids if k in {"ccomp", "xcomp", "dobj", "nsubj", "prep"})) + f"|{pos}")
    return f


class CueModel:
    def __init__(self, data: dict) -> None:
        self.origin: str = data.get("origin", "")
        self.threshold: float = float(data["threshold"])
        self.noun_threshold: float = float(data.get("noun_threshold", data["threshold"]))
        self.bias: float = float(data.get("bias", 0.0))
        self.weights: dict[str, float] = data["weights"]
        self.trigger_forms: frozenset[str] = frozenset(data.get("trigger_forms", []))

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(x, 0.0) for x in feats)


@lru_cache(maxsize=1)
def model() -> CueModel | None:
    if not MODEL_FILE.exists():
        return None
    return CueModel(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
