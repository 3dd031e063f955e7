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


def features(tok: Any, lex: lx.Learned, in_quote: bool, extended: bool = True) -> list[str]:
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
    if extended:
        f.extend(_context(tok, lex, lemma, pos, dep, head, hlemma))
    return f


_QMARKS = frozenset({'"', "“", "”", "''", "``", "„", "«", "»"})
_SENT_BUCKETS = (0.15, 0.4, 0.7)


def _sentence_info(doc: Any) -> tuple[bool, list[int]]:
    """(the sentence holds a quote mark, token indices of quote marks), cached on the doc."""
    got = doc.user_data.get("ck_q")
    if got is None:
        marks = [t.i for t in doc if t.text in _QMARKS]
        got = (bool(marks), marks)
        doc.user_data["ck_q"] = got
    return got


def _context(tok: Any, lex: lx.Learned, lemma: str, pos: str, dep: str, head: Any, hlemma: str) -> list[str]:
    """Wider context: lemma bigrams, the path to the root, the complement and
    subject words, quote marks nearby, the position in the sentence."""
    doc = tok.doc
    n = len(doc)
    i = tok.i
    prev = doc[i - 1].lower_ if i > 0 else "<s>"
    nxt = doc[i + 1].lower_ if i + 1 < n else "</s>"
    f = [
        f"bg-={prev}|{lemma}",
        f"bg+={lemma}|{nxt}",
        f"w+2={doc[i + 2].lower_ if i + 2 < n else '</s>'}|{pos}",
        f"w-2={doc[i - 2].lower_ if i > 1 else '<s>'}|{pos}",
        f"hl={lemma}|{hlemma}",
        f"path={dep}|{head.dep_}|{head.head.dep_ if head.head.i != head.i else '-'}",
    ]
    has_q, marks = _sentence_info(doc)
    if has_q:
        f.append(f"sq|{pos}")
        near = min((abs(m - i) for m in marks), default=99)
        f.append(f"qd={pos}|{0 if near <= 2 else 1 if near <= 4 else 2}")
        before = any(m < i for m in marks)
        after = any(m > i for m in marks)
        f.append(f"qs={pos}|{int(before)}{int(after)}")
    r = i / max(n - 1, 1)
    f.append(f"sp={pos}|{sum(1 for e in _SENT_BUCKETS if r > e)}")
    for c in tok.children:
        cd = c.dep_
        if cd in {"dobj", "attr", "acomp", "oprd"}:
            f.append(f"obj={lemma}|{cd}|{c.lower_}")
            f.append(f"objw={cd}|{c.lower_}")
        elif cd in {"ccomp", "xcomp"}:
            first = doc[c.left_edge.i].lower_
            f.append(f"cfirst={cd}|{first}")
            f.append(f"xc={lemma}|{cd}|{lex.lemma_of(c.lower_, coarse(c.tag_))}")
            if any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                f.append(f"cto={pos}|{cd}")
        elif cd in {"nsubj", "nsubjpass"}:
            sl = c.lower_
            f.append(f"sl={sl}")
            f.append(f"lsl={lemma}|{'PRP' if c.tag_ == 'PRP' else c.tag_[:3]}")
        elif cd == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                f.append(f"pobj={c.lower_}|{obj.lower_}")
    return f


class CueModel:
    def __init__(self, data: dict) -> None:
        self.origin: str = data.get("origin", "")
        self.threshold: float = float(data["threshold"])
        self.noun_threshold: float = float(data.get("noun_threshold", data["threshold"]))
        self.bias: float = float(data.get("bias", 0.0))
        self.weights: dict[str, float] = data["weights"]
        self.trigger_forms: frozenset[str] = frozenset(data.get("trigger_forms", []))
        # 1: the token's own features; 2: plus the wider context (``_context``)
        self.extended: bool = int(data.get("feature_set", 1)) >= 2

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(x, 0.0) for x in feats)


@lru_cache(maxsize=1)
def model() -> CueModel | None:
    if not MODEL_FILE.exists():
        return None
    return CueModel(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
