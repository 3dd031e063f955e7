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
# where the optional transformer tagger (``cue_tagger``) leaves its per-token
# scores on a parsed sentence; read here so this module needs no PyTorch
TAGGER_SCORES = "ck_cue_tagger"
TAGGER_WEIGHT = 0.5  # a tagged token's score: this share of the tagger's log-odds, the rest the model's
# and where the accurate tagger (``accurate_tagger``) leaves its per-token (source, content) logits
ROLE_SCORES = "ck_role_scores"
# and the gap its content runs may be joined across (``role_spans.nearest_runs``); absent: any gap
ROLE_GAP = "ck_role_gap"

# Tokens the model scores: verbs, nouns and adjectives that are not auxiliaries.
SCORED_POS = frozenset("VNJ")
SKIP_DEPS = frozenset({"aux", "auxpass", "compound", "det", "punct"})
_ARG_DEPS = frozenset({"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "prep", "mark", "acl", "relcl", "poss", "agent", "advcl", "attr", "acomp", "dative", "neg", "prt", "csubj", "oprd"})
_BUCKETS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8)


def _bucket(p: float) -> int:
    b = 0
    for k, edge in enumerate(_BUCKETS):
        if p > edge:
            b = k + 1
    return b


def scored(tok: Any) -> bool:
    return scored_at(view(tok.doc), tok.i)


def scored_at(v: _View, i: int) -> bool:
    """Whether the model scores token ``i``: a verb, noun or adjective that is not an auxiliary."""
    return v.coarse[i] in SCORED_POS and v.dep[i] not in SKIP_DEPS


class _View:
    """Plain lists of one parsed sentence's token attributes, built once per
    doc: reading spaCy ``Token`` attributes creates a Python object per access,
    which made feature extraction cost as much as a fifth of a run."""

    # no reference back to the doc: the view lives in ``doc.user_data``, and a
    # cycle through a spaCy Doc is never collected (the docs of every article
    # would stay in memory)
    __slots__ = ("coarse", "dep", "head", "idx", "kids", "lower", "quote_marks", "tag")

    def __init__(self, doc: Any) -> None:
        self.lower: list[str] = []
        self.tag: list[str] = []
        self.dep: list[str] = []
        self.head: list[int] = []
        self.idx: list[int] = []
        marks = []
        for t in doc:
            self.lower.append(t.lower_)
            self.tag.append(t.tag_)
            self.dep.append(t.dep_)
            self.head.append(t.head.i)
            self.idx.append(t.idx)
            if t.text in _QMARKS:
                marks.append(t.i)
        self.quote_marks = marks
        self.coarse = [coarse(x) for x in self.tag]
        self.kids: list[list[int]] = [[] for _ in self.lower]
        for j, h in enumerate(self.head):
            if h != j:
                self.kids[h].append(j)  # in index order, as Token.children gives them


def view(doc: Any) -> _View:
    """The attribute lists of a parsed sentence (built on first use, kept on the doc)."""
    v = doc.user_data.get("ck_view")
    if v is None:
        v = doc.user_data["ck_view"] = _View(doc)
    return v


def features(tok: Any, lex: lx.Learned, in_quote: bool, extended: bool = True) -> list[str]:
    """The feature strings of one token of a parsed sentence."""
    v = view(tok.doc)
    i = tok.i
    lower, dep_of, tag_of = v.lower, v.dep, v.tag
    n = len(lower)
    pos = v.coarse[i]
    low = lower[i]
    lemma = lex.lemma_of(low, pos)
    dep = dep_of[i]
    h = v.head[i]
    hpos = v.coarse[h]
    hlemma = lex.lemma_of(lower[h], hpos) if h != i else "<root>"
    p = lex.prob.get((lemma, pos), 0.0)
    bucket = _bucket(p)
    f = [
        "b",
        f"w={low}",
        f"l={lemma}|{pos}",
        f"t={tag_of[i]}",
        f"d={pos}|{dep}",
        f"ld={lemma}|{dep}",
        f"pb={pos}|{bucket}",
        f"pbd={pos}|{bucket}|{dep}",
        f"h={hlemma}|{dep}",
        f"hd={hpos}|{dep_of[h]}|{dep}",
        f"w-1={lower[i - 1] if i > 0 else '<s>'}",
        f"w+1={lower[i + 1] if i + 1 < n else '</s>'}",
    ]
    if in_quote:
        f.append(f"q|{pos}")
    kids: set[str] = set()
    for c in v.kids[i]:
        cd = dep_of[c]
        if cd not in _ARG_DEPS:
            continue
        if cd == "prep" or cd == "prt" or cd == "mark":
            f.append(f"c{cd}={lower[c]}")
            f.append(f"lc{cd}={lemma}|{lower[c]}")
        elif cd in {"nsubj", "nsubjpass", "poss", "csubj"}:
            f.append(f"s={cd}|{tag_of[c][:3]}")
        if cd not in kids:
            kids.add(cd)
            f.append(f"c={cd}")
            f.append(f"lc={lemma}|{cd}")
            if cd in {"ccomp", "acl"} and any(dep_of[g] == "mark" and lower[g] in {"that", "whether", "if"} for g in v.kids[c]):
                f.append(f"cthat={pos}|{cd}")
                f.append(f"lcthat={lemma}")
    f.append("k=" + ",".join(sorted(k for k in kids if k in {"ccomp", "xcomp", "dobj", "nsubj", "prep"})) + f"|{pos}")
    if extended:
        f.extend(_context(tok.doc, v, i, lex, lemma, pos, dep, h, hlemma))
    return f


_QMARKS = frozenset({'"', "“", "”", "''", "``", "„", "«", "»"})
_SENT_BUCKETS = (0.15, 0.4, 0.7)


def _context(doc: Any, v: _View, i: int, lex: lx.Learned, lemma: str, pos: str, dep: str, h: int, hlemma: str) -> list[str]:
    """Wider context: lemma bigrams, the path to the root, the complement and
    subject words, quote marks nearby, the position in the sentence."""
    lower, dep_of = v.lower, v.dep
    n = len(lower)
    prev = lower[i - 1] if i > 0 else "<s>"
    nxt = lower[i + 1] if i + 1 < n else "</s>"
    hh = v.head[h]
    f = [
        f"bg-={prev}|{lemma}",
        f"bg+={lemma}|{nxt}",
        f"w+2={lower[i + 2] if i + 2 < n else '</s>'}|{pos}",
        f"w-2={lower[i - 2] if i > 1 else '<s>'}|{pos}",
        f"hl={lemma}|{hlemma}",
        f"path={dep}|{dep_of[h]}|{dep_of[hh] if hh != h else '-'}",
    ]
    marks = v.quote_marks
    if marks:
        f.append(f"sq|{pos}")
        near = min(abs(m - i) for m in marks)
        f.append(f"qd={pos}|{0 if near <= 2 else 1 if near <= 4 else 2}")
        before = any(m < i for m in marks)
        after = any(m > i for m in marks)
        f.append(f"qs={pos}|{int(before)}{int(after)}")
    r = i / max(n - 1, 1)
    f.append(f"sp={pos}|{sum(1 for e in _SENT_BUCKETS if r > e)}")
    for c in v.kids[i]:
        cd = dep_of[c]
        if cd in {"dobj", "attr", "acomp", "oprd"}:
            f.append(f"obj={lemma}|{cd}|{lower[c]}")
            f.append(f"objw={cd}|{lower[c]}")
        elif cd in {"ccomp", "xcomp"}:
            first = lower[doc[c].left_edge.i]
            f.append(f"cfirst={cd}|{first}")
            f.append(f"xc={lemma}|{cd}|{lex.lemma_of(lower[c], v.coarse[c])}")
            if any(dep_of[g] == "aux" and lower[g] == "to" for g in v.kids[c]):
                f.append(f"cto={pos}|{cd}")
        elif cd in {"nsubj", "nsubjpass"}:
            f.append(f"sl={lower[c]}")
            f.append(f"lsl={lemma}|{'PRP' if v.tag[c] == 'PRP' else v.tag[c][:3]}")
        elif cd == "prep":
            obj = next((g for g in v.kids[c] if dep_of[g] == "pobj"), None)
            if obj is not None:
                f.append(f"pobj={lower[c]}|{lower[obj]}")
    return f


class CueModel:
    def __init__(self, data: dict) -> None:
        self.origin: str = data.get("origin", "")
        self.threshold: float = float(data["threshold"])
        self.noun_threshold: float = float(data.get("noun_threshold", data["threshold"]))
        self.bias: float = float(data.get("bias", 0.0))
        self.weights: dict[str, float] = data["weights"]
        # 1: the token's own features; 2: plus the wider context (``_context``)
        self.extended: bool = int(data.get("feature_set", 1)) >= 2
        # "lemma|pos" keys whose every train token scored far below the thresholds
        self.hopeless: frozenset[str] = frozenset(data.get("hopeless", {}).get("lemmas", []))

    def score_at(self, doc: Any, i: int, lex: lx.Learned, in_quote: bool) -> float:
        """The score of token ``i`` of ``doc``: the log-odds of the logistic
        regression, or, where the cue tagger scored the sentence, the mean of
        that and the tagger's log-odds.  Without a tagger score, minus
        infinity, without computing features, for a lemma the model never came
        near calling a cue on train (speed only)."""
        tagged = doc.user_data.get(TAGGER_SCORES)
        tag = tagged[i] if tagged is not None else None
        if self.hopeless and tag is None:
            v = view(doc)
            pos = v.coarse[i]
            if f"{lex.lemma_of(v.lower[i], pos)}|{pos}" in self.hopeless:
                return float("-inf")
        own = self.score(features(doc[i], lex, in_quote, self.extended))
        return own if tag is None else (1.0 - TAGGER_WEIGHT) * own + TAGGER_WEIGHT * tag

    def score(self, feats: list[str]) -> float:
        get = self.weights.get
        return self.bias + sum([get(x, 0.0) for x in feats])


@lru_cache(maxsize=1)
def model() -> CueModel | None:
    if not MODEL_FILE.exists():
        return None
    return CueModel(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
