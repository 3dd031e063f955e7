"""One parsed sentence, what a construction finds in it, and the span helpers
every construction shares.

A construction module reads a cue word and the dependency parse around it and
returns a ``Found``: the cue, the source and the content as character offsets
into the article (``Chars``), plus the name of the rule that read them.  The
helpers here turn tokens into such offsets: ``tspan`` (tokens to characters),
``clean`` (trim punctuation and a leading "that"), ``snap`` (grow to whole
quotations), ``np_span`` (a noun phrase), ``cue_span`` (a cue verb with its
auxiliaries, particles and channel: "has also said in a statement"),
``outside`` (the sentence around a phrase) and ``cut_tail`` (drop a closing
", which ..." clause).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.quotes import Quotes
from claimkit.extractors.rules.cues import cue_model

Chars = tuple[int, int]  # character offsets in the article, end exclusive
Token = Any  # a spaCy token


@dataclass
class Found:
    cue: Chars
    lemma: str
    content: Chars
    source: Chars | None
    source_head: Any  # spaCy token or None
    rule: str  # which rule (for a verb, also which path gave the content), for error analysis
    fixed_source: str | None = None  # a name for sources that are not in the text


QUOTE_CHARS = "\"“”'‘’„«»"
SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
REL_WORDS = frozenset("which who whom whose where".split())
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year day night morning afternoon evening time".split()
)
_STRIP_LEFT = set(" \t\n,;:—–-") | set("…")
_STRIP_RIGHT = set(" \t\n,;:—–-(.")
_TAIL_DEPS = frozenset({"relcl", "acl"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CUE_RIGHT_ADVERBS = frozenset("back here then also again later yet".split())
PREP_PARTICLE = True


class ParsedSentence:
    """One sentence's parse (``doc``), where it starts in the article
    (``off``), the article's text and quotations, and the learned lexicon and
    cue model the constructions consult."""

    def __init__(self, doc: Any, offset: int, text: str, quotes: Quotes) -> None:
        self.doc = doc
        self.off = offset
        self.text = text
        self.quotes = quotes
        self.lex = lx.learned()
        self.model = cue_model.model()

    def tspan(self, i: int, j: int) -> Chars:
        """Characters of tokens i..j inclusive."""
        d = self.doc
        return d[i].idx + self.off, d[j].idx + len(d[j].text) + self.off

    def clean(self, start: int, end: int, *, drop_that: bool = True) -> Chars | None:
        text = self.text
        while start < end and text[start] in _STRIP_LEFT:
            start += 1
        while end > start and text[end - 1] in _STRIP_RIGHT:
            end -= 1
        if drop_that:
            # PolNeAR keeps "whether"/"if"; "that is not enough": "that" is the clause's subject
            m = re.match(r"that\s+(?!(?:is|was|were|are|would|will|could|should|can|may|might|must|has|had|have|does|did)\b)", text[start:end], re.I)
            if m and end - start > m.end() + 3:
                start += m.end()
        # a lone closing or opening quote mark at an edge, not balanced inside
        if end > start and text[end - 1] in QUOTE_CHARS and self.quotes.at(end - 1) is None:
            end -= 1
        return (start, end) if end - start >= 2 else None

    def snap(self, span: Chars) -> Chars:
        """Grow a content span to whole quotations it starts or ends inside."""
        start, end = span
        q = self.quotes.at(start)
        if q is not None and q.start < start and (q.closed or q.end - q.start < 1500):
            start = q.start
        q = self.quotes.at(end - 1)
        if q is not None and q.end > end and (q.closed or q.end - q.start < 1500):
            end = q.end
        # quote-final punctuation just outside the span: "...," he said
        return start, end

    def subtree_span(self, tok: Token) -> Chars:
        lo, hi = tok.left_edge.i, tok.right_edge.i
        return self.tspan(lo, hi)

    def np_span(self, tok: Token, before: int | None = None) -> Chars:
        """The noun phrase of ``tok``; with ``before``, ending before that
        word (a subject never reaches over its own verb, however the parser
        hung what follows the verb off it)."""
        lo, hi = tok.left_edge.i, tok.right_edge.i
        if before is not None and tok.i < before <= hi:
            hi = before - 1
        d = self.doc
        # a noun phrase keeps its ", who ..." clause (as PolNeAR's sources do)
        # but not a participle phrase after a comma ("John Archer, wearing a
        # campaign T-shirt, said"), which describes the scene; a dangling
        # conjunction or punctuation at the end is dropped
        acl = next((c for c in tok.rights if c.dep_ == "acl" and c.left_edge.i - 1 > lo and d[c.left_edge.i - 1].text == ","), None)
        if acl is not None:
            hi = acl.left_edge.i - 2
        while hi > lo and (d[hi].dep_ in {"cc", "punct"} or d[hi].lower_ in {"and", "but", "or", "yet"}):
            hi -= 1
        while hi > lo and self.doc[hi].is_punct:
            hi -= 1
        while lo < hi and self.doc[lo].is_punct:
            lo += 1
        return self.tspan(lo, hi)

    def cue_span(self, verb: Token, extra_right: Token = None) -> Chars:
        """A cue verb with its auxiliaries, negators and adverbs on the left,
        its particle, a manner adverb or weekday and its channel ("in a
        statement") on the right, and ``extra_right`` (a word of its argument
        the cue takes: "called for", "lashed out at") when that is near."""
        lo = verb.i
        d = self.doc
        while lo > 0:
            p = d[lo - 1]
            # PolNeAR's cues keep auxiliaries, negators and adverbs ("has also
            # not yet said"); the certainty stage reads a negator inside the cue
            if (p.head.i == verb.i and p.dep_ in {"aux", "auxpass", "advmod", "neg"} and p.lower_ not in lx.ADVERB_CUES and p.lower_ not in lx.CUE_SPAN_SKIP and not (p.dep_ == "advmod" and p.text[:1].isupper())) or (p.dep_ == "aux" and p.head.head.i == verb.i):
                lo -= 1
            else:
                break
        hi = verb.i
        for c in verb.rights:
            if c.dep_ == "prt" and c.i == hi + 1:
                hi = c.i
            elif PREP_PARTICLE and c.dep_ == "prep" and c.i == hi + 1 and (self.lex.lemma_of(verb.lower_, "V"), c.lower_) in lx.PREP_PARTICLES:
                hi = c.i  # "called on X to Y", "known as X": the preposition is part of the cue
        # "said repeatedly", "fired back": a manner adverb right after the verb
        for c in verb.rights:
            if (c.i == hi + 1 and c.dep_ == "npadvmod" and c.tag_ == "NNP" and c.lower_ in _WEEKDAYS) or (c.i == hi + 1 and c.dep_ == "advmod" and c.tag_ == "RB" and ((c.lower_.endswith("ly") and c.lower_ != "only") or c.lower_ in _CUE_RIGHT_ADVERBS) and c.lower_ not in lx.ADVERB_CUES):
                hi = c.i
        if extra_right is not None and extra_right.i <= hi + 2:
            hi = max(hi, extra_right.i)
        # "said in a statement", "wrote in an email"
        for c in verb.rights:
            if c.dep_ == "prep" and c.lower_ == "in" and c.i <= hi + 2:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ in lx.CHANNEL_NOUNS and obj.i <= c.i + 4:
                    hi = obj.i
        return self.tspan(lo, hi)

    def outside(self, lo: int, hi: int) -> Chars | None:
        """The sentence outside the phrase lo..hi (token indices), on the longer side."""
        n = len(self.doc)
        left = (0, lo - 1) if lo > 0 else None
        right = (hi + 1, n - 1) if hi + 1 < n else None
        lsz = left[1] - left[0] + 1 if left else 0
        rsz = right[1] - right[0] + 1 if right else 0
        side = left if lsz > rsz else right
        return self.clean(*self.tspan(*side)) if side is not None else None

    def cut_tail(self, span: Chars) -> Chars:
        """Drop a trailing non-restrictive ", which/who ..." clause (or apposition)
        that runs to the end of the content: PolNeAR's content stops before it."""
        start, end = span
        d = self.doc
        v = cue_model.view(d)
        for i, dep in enumerate(v.dep):
            if dep not in _TAIL_DEPS or not (start < self.off + v.idx[i] < end):
                continue
            t = d[i]
            first = d[t.left_edge.i]
            if first.i == 0 or d[first.i - 1].text != "," or self.off + d[first.i - 1].idx <= start:
                continue
            if t.dep_ == "relcl" and first.lower_ not in REL_WORDS:
                continue
            last = t.right_edge
            tail_end = self.off + last.idx + len(last.text)
            if tail_end < end - 2 and self.text[tail_end:end].strip(" \t.,;:!?\"'”’)") != "":
                continue
            comma = self.off + d[first.i - 1].idx
            if self.quotes.at(comma) is not None:
                continue
            cut = self.clean(start, comma, drop_that=False)
            if cut is not None and cut[1] - cut[0] >= 10:
                return cut
        return span
