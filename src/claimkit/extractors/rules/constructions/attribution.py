"""Attribution rules over one parsed sentence.

Each rule looks at a cue token and the dependency parse around it:

* verb cues ("X said (that) Y", "Y, X said", "X, adding Y"): the cue verb's
  ``nsubj`` subtree is the source (climbing through conj/xcomp/advcl/relcl
  when the verb has none); the content is its ``ccomp`` (else ``xcomp``,
  else the object and prepositional phrases to its right), or for a verb
  hanging off a clause as ``parataxis`` the clause it hangs off, or an
  adjacent quotation;
* "according to X, Y" / "Y, according to X";
* adverbs ("reportedly", "allegedly"): the source is not named;
* light verb + attitude noun ("expressed hope for Y", "has concerns about Y");
* nominal cues with a possessor ("X's claim that Y").

* "The risk, he said, is a clash": a cue inserted as ``parataxis`` takes the
  clause around it;
* learned noun and adjective cues ("concerns about X", "is confident that
  X", "X's criticism of Y"): content from the that/to-clause or the
  prepositional object, source from the possessor or the governing verb.

Which verbs, nouns and adjectives are cues comes from the learned cue model
(``cue_model``: logistic regression over parse features, trained on PolNeAR
train), or without its weights file from the learned lexicon
(P(cue | lemma) on PolNeAR train).  Rules give spans in characters; ``__init__`` turns them into
candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.quotes import Quotes
from claimkit.extractors.rules.cues import cue_model, role_spans
from claimkit.extractors.rules.cues.cue_model import ROLE_SCORES
from claimkit.extractors.rules.parse import coarse
from claimkit.extractors.rules.sources import words as sw


@dataclass
class Found:
    cue: tuple[int, int]
    lemma: str
    content: tuple[int, int]
    source: tuple[int, int] | None
    source_head: Any  # spaCy token or None
    rule: str  # which rule (for a verb, also which path gave the content), for error analysis
    fixed_source: str | None = None  # a name for sources that are not in the text


_QUOTE_CHARS = "\"“”'‘’„«»"
_STRIP_LEFT = set(" \t\n,;:—–-") | set("…")
_STRIP_RIGHT = set(" \t\n,;:—–-(.")
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_CONTENT_GAP_BEFORE = re.compile(r"^[\s,.;:!?—–-]*$")
_TAIL_DEPS = frozenset({"relcl", "acl"})
_BODY_WORDS = sw.GOVERNMENT_NAME_WORDS | sw.ORG_NAME_WORDS
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_REL_WORDS = frozenset("which who whom whose where".split())
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year day night morning afternoon evening time".split()
)


# what "at X" names when it is the occasion or the manner, not the target
# ("said at a rally", "saying at one point", "spoke at length")
_OCCASION_WORDS = frozenset(
    "point length times moment outset end start rally event conference briefing hearing debate forum meeting "
    "dinner luncheon breakfast summit speech convention ceremony gathering fundraiser interview campaign".split()
)


# what "in X" names when it is the setting of the words, not part of them
# ("in federal court", "in the past", "in print", "in an effort to")
_IN_SETTING = frozenset(
    "court past print letters appearance appearances order effort case weeks months years days decades hours "
    "public private person writing comments remarks race manner".split()
)


def _time_prep(prep: Any) -> bool:
    """"on Monday", "at the time", "at a rally": a time or an occasion, not a cue's argument."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    return obj.lower_ in _TIME_WORDS or (prep.lower_ == "at" and obj.lower_ in _OCCASION_WORDS)

_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CUE_RIGHT_ADVERBS = frozenset("back here then also again later yet".split())
_MAKE_CLEAR_VERBS = frozenset({"make"})
_MAKE_CLEAR_ADJS = frozenset({"clear", "plain", "known"})
XCOMP_OBJ = True
RAISING = True
GOVERNING = True
RELCL_HEAD = True
PARA_AROUND = True
CCOMP_AROUND = True
PREP_PARTICLE = True
# what, after "X, he said,", starts the cue's own business (when it was said, who said it) rather than the rest of X; so does any participle
_AROUND_NOT = frozenset("according who which where after before when as".split())
_PARA_AFTER_NOT = frozenset({"cc", "conj", "advcl", "mark", "parataxis", "advmod", "npadvmod"})
_INNER_LEMMAS = frozenset("say tell claim add argue insist note write report".split())
_INNER_LEAD = re.compile(r"\s*[,;—–-]\s*(?:and|but|while|though|although|as|even as)?\s*$")
# a second reporting verb between the cue and the resumed quotation ("“A,” he
# said. But, she added, “B.”"): the resumed quotation is that verb's content
_SECOND_CUE = re.compile(r"\b(?:adds?|added|adding|continues?|continued|went on|goes on|said|says|told|tells|notes?|noted|explained|wrote|writes)\b", re.I)
# "Issa: Clinton's honesty is in question.", "JAKE TAPPER: Do you think ...?",
# "EXCLUSIVE – Roger Stone: Don't trust the voting machines.": up to five
# capitalised words (a few lower-case particles between them) and a colon at
# the head of a paragraph, words after it
SPEAKER_LINE = re.compile(
    r"[ \t\"“]*(?:[A-Z][A-Z ]*\s[–—-]\s+)?"
    r"([A-Z][\w.’'&-]*(?:\s+(?:[A-Z][\w.’'&-]*|of|the|de|van|von|al|bin)){0,4}):[ \t]+(?=[^\W\d_]|[“‘'\"])"
)
_NEXT_SPEAKER = re.compile(r"[.!?\"”’]\s+[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}:\s")
_CLAUSE_BREAK = re.compile(r"[:;]| [—–-]+ ")
_CONTENT_GAP_AFTER = re.compile(r"^[\s,:—–-]*$")
# what may follow a sentence-final cue ("..., said X, a spokeswoman, on Monday.")
_FINAL_RIGHT_DEPS = frozenset({"nsubj", "nsubjpass", "npadvmod", "advmod", "prep", "punct", "dobj", "dative", "agent"})


# where or when, not what: "spoke from the East Room", "after the debate"
_PLACE_PREPS = frozenset("from after into before between at".split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class SentenceRules:
    def __init__(self, doc: Any, offset: int, text: str, quotes: Quotes) -> None:
        self.doc = doc
        self.off = offset
        self.text = text
        self.quotes = quotes
        self.lex = lx.learned()
        self.model = cue_model.model()

    # ----------------------------------------------------------------- spans
    def tspan(self, i: int, j: int) -> tuple[int, int]:
        """Characters of tokens i..j inclusive."""
        d = self.doc
        return d[i].idx + self.off, d[j].idx + len(d[j].text) + self.off

    def clean(self, start: int, end: int, *, drop_that: bool = True) -> tuple[int, int] | None:
        text = self.text
        while start < end and text[start] in _STRIP_LEFT:
            start += 1
        while end > start and text[end - 1] in _STRIP_RIGHT:
            end -= 1
        if drop_that:
            m = re.match(r"that\s+", text[start:end], re.I)  # PolNeAR keeps "whether"/"if"
            if m and end - start > m.end() + 3:
                start += m.end()
        # a lone closing or opening quote mark at an edge, not balanced inside
        if end > start and text[end - 1] in _QUOTE_CHARS and self.quotes.at(end - 1) is None:
            end -= 1
        return (start, end) if end - start >= 2 else None

    def snap(self, span: tuple[int, int]) -> tuple[int, int]:
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

    def continue_quote(self, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
        """“A,” he said. “B.”: the quotation resumed right after the attribution is content too.

        The content is one span, so when the attribution between the two
        quotations would make up more than 40% of it (“A,” said X, a pollster
        who ... . “B.”), the longer of the two quotations is kept instead."""
        start, end = content
        q = self.quotes.at(end - 1)
        if q is None or q.end != end or not cue[0] >= end:
            return content
        # the resumed quotation: the first one after the cue that opens a new
        # sentence or clause (a short quoted title on the way is skipped)
        resumed = None
        for r in self.quotes.overlapping(end, end + 400):
            if r.start < cue[1]:
                continue
            lead = self.text[end : r.start].rstrip()
            if lead.endswith((".", ":", ",")):
                resumed = r
                break
        if resumed is None:
            return content
        gap = self.text[end : resumed.start]
        if "\n" in gap:
            return content
        if _SECOND_CUE.search(self.text, cue[1], resumed.start):
            return content
        first = end
        end = resumed.end
        while True:
            nxt = [r for r in self.quotes.overlapping(end, end + 50) if r.start >= end]
            if not nxt or self.text[end : nxt[0].start].strip(" \t") != "":
                break
            end = nxt[0].end
        if 3 * len(gap) <= 2 * ((first - start) + (end - resumed.start)):
            return start, end
        if end - resumed.start > first - start:
            return resumed.start, end
        return content

    def continue_paragraphs(self, content: tuple[int, int], cue: tuple[int, int] | None = None) -> tuple[int, int]:
        """A quotation that goes on in the next paragraph: news convention
        leaves the quote open at the paragraph end and reopens it at the start
        of the next one; a following paragraph that is one whole quotation
        (no attribution of its own) continues a closed one too."""
        start, end = content
        for _ in range(6):
            q = self.quotes.at(end - 1)
            if q is None or q.end != end:
                break
            m = re.match(r"[ \t]*\n\s*", self.text[end : end + 20])
            if m is None and cue is not None and cue[0] >= end and q.closed:
                # "A," he said.  (paragraph)  "B."
                m = re.match(r"[^\n\"“”]{0,150}?[.:][ \t]*\n\s*", self.text[end : end + 200])
                if m is not None and not (cue[1] <= end + m.end()):
                    m = None
            if m is None:
                break
            r = self.quotes.at(end + m.end())
            if r is None or r.start != end + m.end():
                break
            if q.closed:
                line_end = self.text.find("\n", r.end)
                rest = self.text[r.end : line_end if line_end >= 0 else len(self.text)]
                if rest.strip(" \t") != "":
                    break
            end = r.end
        return start, end

    def misattached_that_clause(self, verb: Any) -> Any:
        """"said on Friday during a news conference that he may wait": the
        parser hangs the that-clause off the last noun of a prepositional
        phrase as a relative clause, though "that" is its complementizer
        (a relative "that" is the clause's subject or object, not its mark)."""
        for c in verb.children:
            if c.dep_ != "prep" or c.i < verb.i:
                continue
            for t in c.subtree:
                if t.dep_ in {"relcl", "acl"} and coarse(t.head.tag_) == "N" and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == t.left_edge.i for g in t.children):
                    return t
        return None

    def ccomp_end(self, verb: Any, ccomp: Any) -> int:
        """The last token of a complement clause, without a conjoined verb
        that has no subject of its own and is itself a reporting verb: in
        "said X was wrong and criticized him", "criticized" is the speaker's
        second act, though the parser hangs it off the complement.  A light
        verb ("and expressed hope for Y") is left in: it is as often the
        complement subject's own act."""
        hi = ccomp.right_edge.i
        if ccomp.i < verb.i:
            return hi
        own = next((g.lower_ for g in ccomp.children if g.dep_ in _SUBJ), None)
        for c in ccomp.children:
            if c.dep_ != "conj" or c.i < ccomp.i or coarse(c.tag_) != "V":
                continue
            subj = next((g for g in c.children if g.dep_ in _SUBJ), None)
            if subj is not None:
                # "said the real extremist is Clinton, and he railed against ...":
                # after a comma, a clause about "he"/"she" that the complement is
                # not about is the writer's, not the speaker's
                if subj.lower_ in {"he", "she"} and own != subj.lower_ and c.left_edge.i > 1 and self.doc[subj.i - 2].text == "," and self.doc[subj.i - 1].dep_ == "cc":
                    return subj.i - 3
                continue
            lemma = self.lex.lemma_of(c.lower_, "V")
            if lemma not in self.lex.cue_verbs or lemma in lx.LIGHT_VERBS:
                continue
            cut = c.left_edge.i
            cc = [g for g in ccomp.children if g.dep_ == "cc" and g.i < c.i]
            if cc:
                cut = min(cut, cc[-1].i)
            if cut - 1 > ccomp.i:
                return cut - 1
        return hi

    def subtree_span(self, tok: Any, *, exclude: Any = None) -> tuple[int, int]:
        lo, hi = tok.left_edge.i, tok.right_edge.i
        return self.tspan(lo, hi)

    def source_of(self, verb: Any, depth: int = 0) -> tuple[tuple[int, int] | None, Any]:
        for c in verb.children:
            if c.dep_ in {"nsubj", "csubj"}:
                return self.np_span(c, before=verb.i), c
        for c in verb.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return self.np_span(g), g
        h = verb.head
        if depth < 4 and verb.dep_ == "conj" and h.dep_ == "ccomp" and h.head.i < h.i and self.ccomp_end(h.head, h) < verb.i:
            # "said X was wrong and criticized him": the subject of "said"
            return self.source_of(h.head, depth + 1)
        if depth < 4 and verb.dep_ in {"conj", "xcomp", "advcl", "ccomp", "dep"} and verb.head.i != verb.i:
            if verb.dep_ == "ccomp" and verb.i > verb.head.i:
                return None, None
            return self.source_of(verb.head, depth + 1)
        # "after saying ...", "by suggesting ...": the subject of the verb the preposition hangs off
        if depth < 4 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and coarse(verb.head.head.tag_) == "V":
            return self.source_of(verb.head.head, depth + 1)
        if verb.dep_ == "relcl" and verb.head.tag_.startswith("NN"):
            h = verb.head
            return self.tspan(h.left_edge.i, h.i), h
        # "“...,” added a local fisherman.": the parser reads the inverted subject as an object
        if depth == 0 and self.after_quote(verb):
            obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative", "attr"} and c.i > verb.i and coarse(c.tag_) == "N"), None)
            if obj is not None:
                return self.np_span(obj), obj
            subj = self.inverted_clause_subject(verb)
            if subj is not None:
                return self.np_span(subj), subj
        return None, None

    def past_occasion(self, tok: Any) -> tuple[int, Any]:
        """The index of the first word after a cue verb that is neither one
        of its particles or adverbs nor inside a phrase of time or occasion
        hung off it ("said at one point", "spoke at length", "asked at a
        briefing Monday"), and the cue's own argument where the parser hung
        it inside that phrase: a that-clause ("predicted at the debate that
        X") or an about-phrase ("asked at a briefing about X")."""
        d = self.doc
        i = tok.i + 1
        while i < len(d):
            t = d[i]
            if t.head.i == tok.i and t.dep_ in {"prt", "advmod"}:
                i += 1
            elif t.head.i == tok.i and t.dep_ == "prep" and _time_prep(t):
                obj = next(g for g in t.children if g.dep_ == "pobj")
                for g in obj.subtree:
                    if g.head.i == obj.i and g.i > obj.i and ((g.dep_ == "relcl" and g.left_edge.lower_ == "that" and g.left_edge.i == obj.i + 1) or (g.dep_ == "prep" and g.lower_ == "about")):
                        return g.left_edge.i, g
                i = t.right_edge.i + 1
            elif t.head.i == tok.i and t.dep_ == "npadvmod" and t.lower_ in _TIME_WORDS:
                i = t.right_edge.i + 1
            else:
                break
        return i, None

    def only_particles_between(self, tok: Any, j: int) -> bool:
        """Whether every word between ``tok`` and index ``j`` is a particle or
        an adverb of ``tok`` ("tweeting back at", "telling them, “...”")."""
        d = self.doc
        return all(d[k].head.i == tok.i and d[k].dep_ in {"prt", "advmod"} for k in range(tok.i + 1, j))

    def addressee_pp(self, tok: Any, lemma: str) -> Any:
        """The "to/at/with X" right after a speech verb, its particles and
        adverbs aside: "said to reporters", "tweeting back at him", "lashed
        out at the company"."""
        if lemma not in lx.ADDRESSING_VERBS:
            return None
        for c in tok.children:
            if c.i > tok.i and c.dep_ == "prep" and c.lower_ in lx.ADDRESSEE_PREPS:
                if self.only_particles_between(tok, c.i) and any(g.dep_ == "pobj" for g in c.children):
                    return c
                return None
        return None

    @staticmethod
    def names_people(prep: Any) -> bool:
        """Whether the object of a preposition is a person, a group or an
        audience (a pronoun, a capitalised name, "reporters", "voters")."""
        obj = next(g for g in prep.children if g.dep_ == "pobj")
        return (obj.tag_ == "PRP" and obj.lower_ not in lx.MESSAGE_NOUNS) or (obj.tag_.startswith("NN") and obj.text[:1].isupper()) or obj.lower_ in lx.AUDIENCE_NOUNS

    def after_quote(self, verb: Any) -> bool:
        """A finite verb right after a closing quotation and its comma ("...,” said)."""
        d = self.doc
        return verb.tag_ in {"VBD", "VBZ", "VBP"} and verb.i >= 2 and d[verb.i - 1].text in _QUOTE_CHARS + "''" and d[verb.i - 2].text in {",", "?", "!"}

    def inverted_clause_subject(self, verb: Any) -> Any:
        """"“...,” said Jo Roe, who ... yet endorsed Y.": the parser makes the
        inverted subject the subject of a clause it hangs off the verb."""
        if any(c.dep_ in _SUBJ for c in verb.children):
            return None
        for c in verb.children:
            if c.dep_ == "ccomp" and c.i > verb.i:
                subj = next((g for g in c.children if g.dep_ in _SUBJ and g.left_edge.i == verb.i + 1 and coarse(g.tag_) == "N"), None)
                if subj is not None:
                    return subj
        return None

    def np_span(self, tok: Any, before: int | None = None) -> tuple[int, int]:
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

    def cue_span(self, verb: Any, extra_right: Any = None) -> tuple[int, int]:
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

    def cut_tail(self, span: tuple[int, int]) -> tuple[int, int]:
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
            if t.dep_ == "relcl" and first.lower_ not in _REL_WORDS:
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

    # ----------------------------------------------------------------- rules
    def run(self) -> list[Found]:
        out: list[Found] = []
        used: set[int] = set()
        doc = self.doc
        v = cue_model.view(doc)
        m = self.model
        n = len(v.lower)
        tagged = doc.user_data.get(cue_model.TAGGER_SCORES)  # with --cue-tagger
        speaker = self.speaker_line()
        if speaker is not None:
            out.append(speaker)
            used.update(j for j in range(n) if self.off + v.idx[j] < speaker.content[0])
        for i in range(n):
            if i in used:
                continue
            f = None
            low = v.lower[i]
            if low == "according" and i + 1 < n and v.lower[i + 1] == "to":
                f = self.according(doc[i])
            elif low == "in" and i <= 2:
                f = self.in_poll(doc[i])
            elif low == "to" and i <= 2:
                f = self.view_of(doc[i])
            elif low in lx.ADVERB_CUES:
                f = self.adverb(doc[i])
            else:
                pos = v.coarse[i]
                if m is not None and cue_model.scored_at(v, i):
                    score = m.score_at(doc, i, self.lex, self.quotes.at(self.off + v.idx[i]) is not None)
                    if pos == "V":
                        lemma = self.lex.lemma_of(low, "V")
                        if lemma in lx.LIGHT_VERBS or score > m.threshold:
                            f = self.verb(doc[i], lemma, learned=score > m.threshold)
                    elif pos == "N" and low in lx.NOMINAL_CUES:
                        f = self.nominal(doc[i])
                    if f is None and pos in "NJ" and score > m.noun_threshold:
                        f = self.argument_cue(doc[i])
                elif pos == "V":
                    lemma = self.lex.lemma_of(low, "V")
                    if lemma in self.lex.cue_verbs or lemma in lx.LIGHT_VERBS:
                        f = self.verb(doc[i], lemma)
                elif pos == "N" and low in lx.NOMINAL_CUES:
                    f = self.nominal(doc[i])
            if f is not None and tagged is not None:
                self.use_tagger(f, tagged, out)
            if f is not None:
                used.add(i)
                # the other words of a multi-word cue ("has concerns") are not cues again
                used.update(j for j in range(n) if f.cue[0] <= self.off + v.idx[j] < f.cue[1])
                f.content = self.cut_tail(f.content)
                out.append(f)
        # "In a poll, 31% said they ...": what the respondents said is what the
        # poll found, one attribution (as PolNeAR annotates it)
        polls = [f.content for f in out if f.rule == "poll"]
        out = [f for f in out if f.rule == "poll" or not any(a <= f.cue[0] < b for a, b in polls)]
        for f in out:
            f.content = self.cut_inner(f, out)
        roles = doc.user_data.get(ROLE_SCORES)  # with --accurate
        if roles is not None:
            for f in out:
                self.use_roles(f, roles)
        return out

    def use_roles(self, f: Found, roles: list[Any]) -> None:
        """Set ``f``'s content and source to the accurate tagger's runs of
        content and source words that touch the rule's spans (``role_spans``)."""
        d, off = self.doc, self.off
        if f.source is not None and f.fixed_source is None and role_spans.SOURCE:
            src = role_spans.corrected(d, off, roles, 0, f.source, [f.cue, f.content])
            head = f.source_head
            if head is None or head.doc is not d or src[0] <= head.idx + off < src[1]:
                f.source = src
        f.content = role_spans.corrected(d, off, roles, 1, f.content, [f.cue] + ([f.source] if f.source else []))

    def tagger_cue(self, f: Found, scores: list[float | None]) -> tuple[int, int]:
        """The cue widened to the cue tagger's extent: from the words of the
        rule's cue that the tagger takes for a cue word (logit > 0), out over
        the adjacent words it also takes for cue words ("is" -> "is
        convinced", "has responded to" -> "has responded to criticism of").
        The rule's cue is kept when the tagger takes none of its words, and
        when the wider cue would run into the source or the content."""
        d = self.doc
        n = len(d)

        def cue_word(j: int) -> bool:
            s = scores[j] if 0 <= j < n else None
            return s is not None and s > 0 and not d[j].is_punct

        inside = [j for j in range(n) if f.cue[0] <= self.off + d[j].idx < f.cue[1] and cue_word(j)]
        if not inside:
            return f.cue
        lo, hi = inside[0], inside[-1]
        while cue_word(lo - 1):
            lo -= 1
        while cue_word(hi + 1) and not self.opens_time(hi + 1):
            hi += 1
        run = self.tspan(lo, hi)
        wide = (min(run[0], f.cue[0]), max(run[1], f.cue[1]))
        if f.source is not None and _overlap(wide, f.source) and not _overlap(f.cue, f.source):
            return f.cue
        cs, ce = f.content
        crosses = wide[0] < cs < wide[1] or wide[0] < ce <= wide[1]  # holds an end of the content
        newly_inside = cs <= wide[0] and wide[1] <= ce and not (cs <= f.cue[0] and f.cue[1] <= ce)  # an inserted cue stays one
        return f.cue if crosses or newly_inside else wide

    def final_report(self, tok: Any, lemma: str) -> Found | None:
        """"X, a company that ..., the regional transport board announced on
        Thursday.": after a long apposition the small parser reads the closing
        reporting clause as a noun with a reduced relative ("the board [that
        was] announced").  When the noun right before the cue verb follows a
        comma, is a name or a source noun, and only time, place or manner
        follows the verb, the noun phrase is the source and the sentence
        before the comma the content."""
        d, h = self.doc, tok.head
        if tok.dep_ != "acl" or tok.tag_ not in {"VBN", "VBD"} or h.i != tok.i - 1 or lemma not in self.lex.cue_verbs:
            return None
        if not (h.tag_.startswith("NNP") or h.lower_ in lx.SOURCE_NOUNS or h.lower_ in _BODY_WORDS):
            return None
        comma = h.left_edge.i - 1
        if comma < 4 or d[comma].text != "," or self.quotes.at(self.off + d[comma].idx) is not None:
            return None
        if any(c.i > tok.i and c.dep_ not in {"prep", "npadvmod", "advmod", "punct"} for c in tok.children):
            return None
        if any(not t.is_punct for t in d[tok.right_edge.i + 1 :]):
            return None
        content = self.clean(*self.tspan(0, comma - 1), drop_that=False)
        if content is None:
            return None
        return Found(
            cue=self.cue_span(tok),
            lemma=lemma,
            content=self.snap(content),
            source=self.tspan(h.left_edge.i, h.i),
            source_head=h,
            rule="final-report",
        )

    def opens_time(self, j: int) -> bool:
        """Token ``j`` is a preposition before a time ("on Monday", "in March",
        "in 2015"): when someone spoke, never part of the cue ("said on Monday")."""
        d = self.doc
        if d[j].tag_ != "IN" or j + 1 >= len(d):
            return False
        nxt = d[j + 1]
        return nxt.lower_ in _TIME_WORDS or nxt.lower_ in _MONTHS or (nxt.like_num and len(nxt.text) == 4)

    def use_tagger(self, f: Found, scores: list[float | None], found: list[Found]) -> None:
        """Widen ``f``'s cue to the tagger's extent (``tagger_cue``).  An
        earlier record whose cue overlaps the widened one is the same
        attribution, read from another word ("Mr. Ackman is" + "is convinced
        that X"): when ``f`` has no source it takes that record's source and
        replaces that record (and keeps the rule's cue if the wider one would
        hold part of that source)."""
        rule_cue = f.cue
        f.cue = self.tagger_cue(f, scores)
        if f.source is not None:
            return
        g = next((g for g in found if g.source is not None and _overlap(g.cue, f.cue)), None)
        if g is not None and g.source is not None:
            f.source, f.source_head, f.fixed_source = g.source, g.source_head, g.fixed_source
            found.remove(g)
            if _overlap(g.source, f.cue):
                f.cue = rule_cue

    def cut_inner(self, f: Found, found: list[Found]) -> tuple[int, int]:
        """PolNeAR's attributions do not nest (a token has one role in one
        attribution): a content that ends with another reporting-verb
        attribution of the sentence, after a comma or dash ("X said Y, while
        Z said W"), stops before it.  An attribution at the start of the
        content ("X said Y told Z that W") is left alone, and so is a cut that
        would leave fewer than four words."""
        start, end = f.content
        cut = end
        for g in found:
            if g is f or not (start < g.cue[0] < end) or self.quotes.at(g.cue[0]) is not None:
                continue
            if f.cue[0] >= start and f.cue[0] < end:
                continue  # f's own cue inside its content: an inserted cue
            g_end = max(g.cue[1], g.content[1])
            if g_end < end - 2:
                continue
            if g.source is None or g.lemma not in _INNER_LEMMAS or not g.rule.startswith("verb:"):
                continue
            g_start = min(g.cue[0], g.content[0], g.source[0])
            if g_start <= start:
                continue
            m = _INNER_LEAD.search(self.text[start:g_start])
            if m is None:
                continue
            g_start = start + m.start()
            cut = min(cut, g_start)
        if cut == end:
            return f.content
        got = self.clean(start, cut, drop_that=False)
        if got is None or len(self.text[got[0] : got[1]].split()) < 4:
            return f.content
        return got

    def according(self, tok: Any) -> Found | None:
        to = self.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or next(
            (c for c in tok.children if c.dep_ == "pobj"), None
        )
        if pobj is None:
            return None
        src_tok = pobj
        # "information released ... by Blaze": the agent is the source
        for t in pobj.subtree:
            if t.dep_ == "agent":
                by_obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if by_obj is not None:
                    src_tok = by_obj
        content = self.outside(tok.i, self._past_apposition(max(pobj.right_edge.i, to.i)))
        if content is None:
            return None
        return Found(
            cue=self.tspan(tok.i, to.i),
            lemma="according to",
            content=self.snap(content),
            source=self.np_span(src_tok),
            source_head=src_tok,
            rule="according",
        )

    def _past_apposition(self, hi: int) -> int:
        """"According to its chairman, Idris Vale, the club ...": a name set off
        by commas right after the source belongs to the source, not the content."""
        doc, n = self.doc, len(self.doc)
        j = hi + 2
        if hi + 1 >= n or doc[hi + 1].text != "," or j >= n or not doc[j].tag_.startswith("NNP"):
            return hi
        while j < n and doc[j].tag_.startswith("NNP"):
            j += 1
        return j - 1 if j + 1 < n and doc[j].text == "," else hi

    def outside(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The sentence outside the phrase lo..hi (token indices), on the longer side."""
        n = len(self.doc)
        left = (0, lo - 1) if lo > 0 else None
        right = (hi + 1, n - 1) if hi + 1 < n else None
        lsz = left[1] - left[0] + 1 if left else 0
        rsz = right[1] - right[0] + 1 if right else 0
        side = left if lsz > rsz else right
        return self.clean(*self.tspan(*side)) if side is not None else None

    def speaker_line(self) -> Found | None:
        """"Issa: Clinton's honesty is in question." at the head of a
        paragraph: the name is the source, the colon the cue and the rest of
        the paragraph the content.  Not under labels ("UPDATE:", "Q:"), nor
        for a score or a list ("Clinton: 547.", "Iowa: Tim Albrecht, Brad
        Anderson, Rob Barron, ...")."""
        text, off = self.text, self.off
        if off > 0 and not text[max(0, off - 8) : off].rstrip(" \t").endswith("\n"):
            return None
        m = SPEAKER_LINE.match(text, off, off + 200)
        if m is None or len(m.group(1)) > 40 or m.group(1).lower() in lx.NOT_SPEAKERS:
            return None
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        # 'Clinton: "A." Bush: "B."': the next speaker's words are not this one's
        nxt = _NEXT_SPEAKER.search(text, m.end(), end)
        content = self.clean(m.end(), nxt.start() + 1 if nxt else end, drop_that=False)
        if content is None:
            return None
        words = text[content[0] : content[1]].split()
        if len(words) < 3 or text.count(",", content[0], content[1]) >= max(4, len(words) // 3):
            return None
        name_end = m.end(1)
        head = next((t for t in self.doc if off + t.idx < name_end <= off + t.idx + len(t.text)), None)
        if head is None:
            return None
        if not head.tag_.startswith("NNP") and head.lower_ not in lx.SOURCE_NOUNS:
            # the parser, seeing no sentence around it, often tags "Kane:" as a
            # common noun; a capitalised name that is no known source noun is proper
            head.tag_ = "NNP"
        return Found(cue=(name_end, name_end + 1), lemma=":", content=self.snap(content), source=(m.start(1), name_end), source_head=head, rule="speaker")

    def opening_phrase(self, tok: Any) -> Any:
        """The object of a prepositional phrase that opens the sentence (after
        at most a conjunction or an adverb) and ends with a comma, or None."""
        d = self.doc
        if tok.dep_ != "prep" or any(not (t.is_punct or t.dep_ in {"cc", "advmod"}) for t in d[: tok.i]):
            return None
        end = tok.right_edge.i
        if end + 2 >= len(d) or d[end + 1].text != ",":
            return None
        return next((c for c in tok.children if c.dep_ == "pobj"), None)

    def view_of(self, tok: Any) -> Found | None:
        """"To Sexton, Tuesday marked a turning point": the clause is the view
        of the people the opening phrase names.  "For X, Y" is left alone: in
        PolNeAR train it is an attribution less than half the time."""
        pobj = self.opening_phrase(tok)
        if pobj is None or pobj.lower_ in _TIME_WORDS:
            return None
        if not (pobj.tag_ in {"NNP", "NNPS", "NNS"} or (pobj.tag_ == "PRP" and pobj.lower_ not in lx.MESSAGE_NOUNS) or pobj.lower_ in lx.VIEW_HOLDER_WORDS):
            return None
        content = self.outside(tok.i, tok.right_edge.i)
        if content is None:
            return None
        return Found(cue=self.tspan(tok.i, tok.i), lemma=tok.lower_, content=self.snap(content), source=self.np_span(pobj), source_head=pobj, rule="view")

    def in_poll(self, tok: Any) -> Found | None:
        """"In a CNN poll released Monday, Clinton led by ten points": the poll
        is the source, "In" the cue and the clause after the comma the
        content.  Only at the start of the sentence: "Cruz came second in
        January polls" is annotated in PolNeAR train only now and then."""
        pobj = self.opening_phrase(tok)
        if pobj is None:
            return None
        head = pobj
        if pobj.lower_ in {"average", "series", "number"}:
            # "in an average of recent polls"
            of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            head = next((g for g in of.children if g.dep_ == "pobj"), pobj) if of is not None else pobj
        if head.lower_ not in lx.POLL_NOUNS:
            return None
        content = self.outside(tok.i, tok.right_edge.i)
        if content is None:
            return None
        return Found(cue=self.tspan(tok.i, tok.i), lemma="in", content=self.snap(content), source=self.np_span(pobj), source_head=pobj, rule="poll")

    def adverb(self, tok: Any) -> Found | None:
        head = tok.head
        if head.i == tok.i or coarse(head.tag_) != "V":
            return None
        subj = next((c for c in head.children if c.dep_ in _SUBJ), None)
        lo = subj.left_edge.i if subj is not None else min(tok.i, head.i)
        content = self.clean(*self.tspan(lo, head.right_edge.i))
        if content is None:
            return None
        return Found(
            cue=self.tspan(tok.i, tok.i),
            lemma=tok.lower_,
            content=self.snap(content),
            source=None,
            source_head=None,
            rule="adverb",
            fixed_source=lx.UNNAMED_ADVERB_SOURCE,
        )

    def nominal(self, tok: Any) -> Found | None:
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        clause = next((c for c in tok.children if c.dep_ in {"acl", "ccomp", "relcl"} and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if poss is None or clause is None or (poss.lower_ in lx.PRONOUNS and poss.lower_ == "its"):
            return None
        content = self.clean(*self.subtree_span(clause))
        if content is None:
            return None
        src = self.np_span(poss)
        # drop the possessive 's
        s, e = src
        if self.text[s:e].endswith(("'s", "’s")):
            e -= 2
        return Found(cue=self.tspan(tok.i, tok.i), lemma=tok.lower_, content=self.snap(content), source=(s, e), source_head=poss, rule="nominal")

    def verb(self, tok: Any, lemma: str, learned: bool | None = None) -> Found | None:
        if tok.dep_ in {"amod", "compound", "aux", "auxpass"}:
            return None
        final = self.final_report(tok, lemma)
        if final is not None:
            return final
        kids = list(tok.children)
        # "made (it) clear that ...": the adjective belongs to the cue
        if lemma in _MAKE_CLEAR_VERBS:
            adj = next((c for c in kids if c.lower_ in _MAKE_CLEAR_ADJS and c.dep_ in {"ccomp", "oprd", "acomp", "xcomp", "dobj"} and tok.i < c.i <= tok.i + 2), None)
            clause = next((c for c in kids if c.dep_ == "ccomp" and adj is not None and c.i > adj.i), None)
            if adj is not None and (adj.right_edge.i > adj.i or clause is not None):
                hi = adj.right_edge.i if adj.right_edge.i > adj.i else clause.right_edge.i  # type: ignore[union-attr]
                content = self.clean(*self.tspan(adj.i + 1, hi))
                if content is not None:
                    src, head = self.source_of(tok)
                    cue = (self.cue_span(tok)[0], self.tspan(adj.i, adj.i)[1])
                    return Found(cue=cue, lemma=f"{lemma} {adj.lower_}", content=self.snap(content), source=src, source_head=head, rule="make-clear")
        dobj = next((c for c in kids if c.dep_ == "dobj"), None)
        if lemma in lx.STIMULUS_SUBJECT_VERBS and dobj is not None and dobj.i > tok.i and coarse(dobj.tag_) in {"N", "O"}:
            # "Such negativity has exasperated Mr. Obama": the one who feels it is the source
            subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < tok.i and c.lower_ not in _REL_WORDS and c.lower_ != "that"), None)
            if subj is not None and not any(c.dep_ in {"ccomp", "prt"} for c in kids):  # not "rattled off"
                content = self.clean(*self.np_span(subj), drop_that=False)
                if content is not None:
                    return Found(cue=self.cue_span(tok), lemma=lemma, content=self.snap(content), source=self.np_span(dobj), source_head=dobj, rule="stimulus")
        # light verb + attitude noun: "expressed hope for", "has concerns about"
        if dobj is not None and dobj.lower_ in lx.CUE_NOUNS and dobj.i > tok.i:
            arg = next((c for c in dobj.children if c.dep_ in {"acl", "ccomp", "prep", "relcl"} and c.i > dobj.i), None)
            if arg is not None:
                if arg.dep_ == "prep":
                    obj = next((g for g in arg.children if g.dep_ in {"pobj", "pcomp"}), None)
                    lo = obj.left_edge.i if obj is not None else arg.i + 1
                    hi = arg.right_edge.i
                else:
                    lo, hi = arg.left_edge.i, arg.right_edge.i
                if hi >= lo:
                    content = self.clean(*self.tspan(lo, hi))
                    if content is not None:
                        src, head = self.source_of(tok)
                        cue_lo = self.cue_span(tok)[0]
                        return Found(
                            cue=(cue_lo, self.tspan(dobj.i, dobj.i)[1]),
                            lemma=f"{lemma} {dobj.lower_}",
                            content=self.snap(content),
                            source=src,
                            source_head=head,
                            rule="light",
                        )
        if learned is False or (learned is None and lemma not in self.lex.cue_verbs):
            return None
        content = None
        path = ""
        extra = None
        ccomp = next((c for c in kids if c.dep_ == "ccomp"), None) or self.misattached_that_clause(tok)
        if ccomp is None and lemma in lx.QUESTION_VERBS:
            # "asked workers if they planned to attend": the parser makes the question an adverbial clause
            ccomp = next((c for c in kids if c.dep_ == "advcl" and c.i > tok.i and any(g.dep_ == "mark" and g.lower_ in {"if", "whether"} for g in c.children)), None)
        if ccomp is not None:
            hi = self.ccomp_end(tok, ccomp)
            # "said X, but that he would not Y": a second that-clause the parser conjoins to the cue verb
            if ccomp.i > tok.i:
                conj = next((c for c in kids if c.dep_ == "conj" and c.i > hi and coarse(c.tag_) == "V" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
                if conj is not None:
                    hi = conj.right_edge.i
                # "said he knew two of the men: A, who ..., and B": what follows the colon spells the clause out
                d = self.doc
                if hi + 2 < len(d) and d[hi + 1].text == ":" and not self.quotes.at(self.off + d[hi + 2].idx):
                    hi = len(d) - 1
            content = self.clean(*self.tspan(ccomp.left_edge.i, hi))
            path = "ccomp"
            if CCOMP_AROUND and content is not None and ccomp.i < tok.i:
                end = self.resumed_after_cue(tok, ccomp)
                if end is not None:
                    content = (content[0], end)
        if content is None:
            # "called for all candidates to lay out their plans": a for-to clause the parser makes adverbial
            forcl = next((c for c in kids if c.dep_ == "advcl" and c.i > tok.i and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark" and c.left_edge.i <= tok.i + 2), None)
            if forcl is not None and forcl.left_edge.i < forcl.right_edge.i:
                content = self.clean(*self.tspan(forcl.left_edge.i + 1, forcl.right_edge.i), drop_that=False)
                path = "for"
                extra = forcl.left_edge
        if content is None:
            xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > tok.i), None)
            if xcomp is not None:
                lo = xcomp.left_edge.i
                # "urged him to resign", "asked the campaign to stop": the object is the infinitive's subject
                obj = next((c for c in kids if c.dep_ in {"dobj", "dative"} and tok.i < c.i < xcomp.i), None)
                if XCOMP_OBJ and obj is not None and obj.right_edge.i < xcomp.left_edge.i:
                    lo = obj.left_edge.i
                subj = next((c for c in kids if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)
                path = "xcomp"
                if RAISING and subj is not None and self.raising(tok, lemma):
                    # "X seemed to Y", "X is expected to Y": X to Y is the content, the source is unnamed
                    lo = subj.left_edge.i
                    path = "raising"
                content = self.clean(*self.tspan(lo, xcomp.right_edge.i), drop_that=False)
        if content is None and RAISING and (lemma in lx.RAISING_VERBS or tok.lower_ in lx.RAISING_FORMS):
            # "X seemed rattled": X and the complement, attributed to no one in particular
            subj = next((c for c in kids if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)
            comp = next((c for c in kids if c.dep_ in {"acomp", "oprd", "attr"} and c.i > tok.i), None)
            if subj is not None and comp is not None:
                content = self.clean(*self.tspan(subj.left_edge.i, comp.right_edge.i), drop_that=False)
                path = "raising"
        if content is None and tok.dep_ in {"parataxis"} and tok.head.i < tok.i:
            h = tok.head
            lo = h.left_edge.i
            hi = tok.left_edge.i - 1
            after = [c for c in h.children if c.i > tok.right_edge.i and not c.is_punct]
            if PARA_AROUND and after and after[0].dep_ not in _PARA_AFTER_NOT and h.right_edge.i > tok.right_edge.i + 1:
                # "Y, the paper said, including Z": the clause goes on after the cue
                hi = h.right_edge.i
            if hi >= lo:
                content = self.clean(*self.tspan(lo, hi))
                path = "para-left"
        if content is None and tok.dep_ == "parataxis" and tok.head.i > tok.i:
            content = self.inserted(tok)
            path = "inserted"
        # a verb with an object of its own ("blamed X", "pledged Y") takes
        # the object, not a quotation after it (or one before it, unless the
        # quote is the usual "...," she told reporters), nor the clause an
        # "as"-clause hangs off ("as he answered questions, he ...")
        has_subj = any(c.dep_ in _SUBJ for c in kids)
        addressed = {c.i for c in kids if lemma in lx.ADDRESSEE_VERBS and c.dep_ in {"dobj", "dative"} and c.lower_ not in lx.MESSAGE_NOUNS}
        # "as X put it, Y", "X put it this way: Y": "it" stands for the quoted words
        placeholder = {c.i for c in kids if lemma in lx.PUT_IT_VERBS and c.dep_ == "dobj" and c.lower_ == "it"}
        addressed |= placeholder
        # "said to People", "tweeting at him": the person addressed is not the content
        target = self.addressee_pp(tok, lemma)
        to_whom = target if target is not None and self.names_people(target) else None
        # "spoke at length about X", "saying at one point, “...”": where the argument starts
        near, inner = self.past_occasion(tok)
        if inner is not None and inner.dep_ == "relcl" and any(c.lower_ in {"so", "such"} for c in kids):
            inner = None  # "so revered at the time that ...": a result, not what was said
        if content is None and inner is not None:
            # "predicted at the debate that X", "asked at a briefing about X":
            # the parser hangs the argument off the occasion
            content = self.clean(*self.tspan(inner.left_edge.i if inner.dep_ == "relcl" else inner.i, inner.right_edge.i), drop_that=inner.dep_ == "relcl")
            path = "ccomp" if inner.dep_ == "relcl" else "prep"
        has_obj = any(
            c.i > tok.i and c.i not in addressed and (to_whom is None or c.i != to_whom.i) and (c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ in lx.PREP_CUES and not _time_prep(c) and (c.i <= tok.i + 2 or c.i == near)))
            for c in kids
        )
        if content is None and target is not None:
            # "apologized to Clinton for the incident", "lashed out at the company over Y": what it was about
            matter = next((c for c in kids if c.dep_ == "prep" and c.i > target.right_edge.i and c.lower_ in lx.MATTER_PREPS and c.right_edge.i > c.i), None)
            if matter is not None:
                content = self.clean(*self.tspan(matter.i, matter.right_edge.i), drop_that=False)
                path = "matter"
                extra = target
        if content is None:
            heard = addressed - placeholder
            if to_whom is not None:
                heard = heard | {to_whom.i}
            content = self.adjacent_quote(tok, before=not has_obj, after=not has_obj, before_here=has_obj and has_subj, addressed=heard, skip_to=near)
            path = "adjq"
        if content is None and learned and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) and not has_obj:
            content = self.fallback_content(tok)  # "as X reported on Monday, Y": Y
            path = "as"
        final_src = None
        if content is None and (addressed - placeholder or to_whom is not None):
            # "Y, his aide told The Huffington Post.": the clause before, not the one addressed
            got = self.preceding_clause(tok)
            if got is not None:
                content, final_src = got
                path = "final"
        if content is None:
            args = [c for c in kids if c.i > tok.i and c.dep_ in {"dobj", "prep", "attr", "oprd", "dative"} and c.i not in placeholder]
            args = [c for c in args if not (c.dep_ == "prep" and (c.lower_ not in lx.PREP_CUES or _time_prep(c)))]
            objs = [c for c in args if c.dep_ in {"dobj", "attr", "oprd"}]
            preps = [c for c in args if c.dep_ == "prep"]
            if objs:
                first = objs[0]
                lo = first.left_edge.i
                small = lemma in lx.SMALL_CLAUSE_VERBS  # "polls show Johnson at 10 percent"
                hi = max(c.right_edge.i for c in kids if c.i >= first.i and (self._obj_tail(c) or (small and c.dep_ in {"prep", "advmod", "acomp", "npadvmod", "oprd", "xcomp"})))
                content = self.clean(*self.tspan(lo, hi), drop_that=False)
                path = "obj"
            elif preps and (preps[0].i <= tok.i + 2 or preps[0].i == near):
                p = preps[0]
                obj = next((g for g in p.children if g.dep_ in {"pobj", "pcomp"}), None)
                if obj is not None:
                    hi = obj.right_edge.i
                    # "referred to X as Y": the predicate belongs to the content
                    as_pp = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i == hi + 1), None)
                    if as_pp is not None:
                        hi = as_pp.right_edge.i
                    # "called for the deal's suspension in response to X", "pushed for action to Y"
                    hi = max([hi] + [c.right_edge.i for c in kids if c.i > hi and self._obj_tail(c) and (c.dep_ != "prep" or c.lower_ == "in")])
                    content = self.clean(*self.tspan(obj.left_edge.i, hi), drop_that=False)
                    path = "prep"
                    extra = p
        if content is None:
            # "46 percent said yes", "experts said so", "26 percent said the
            # same", "Sorry, Sanders said.": a one-word answer is the content
            ans = next(
                (c for c in kids if c.lower_ in lx.SHORT_ANSWERS and c.dep_ in {"intj", "advmod", "dobj", "nsubj", "attr", "npadvmod", "acomp"} and (tok.i < c.i <= tok.i + 2 or (c.dep_ == "intj" and c.left_edge.i == 0))),
                None,
            )
            if ans is not None:
                content = self.clean(*self.tspan(ans.left_edge.i, ans.right_edge.i), drop_that=False)
                path = "answer"
        if content is None and learned:
            content = self.fallback_content(tok)
            path = "fallback"
        if content is None:
            got = self.preceding_clause(tok)
            if got is not None:
                content, final_src = got
                path = "final"
        if content is None and learned and tok.dep_ in {"ROOT", "conj", "ccomp", "relcl", "advcl"}:
            # a learned cue no other rule could read ("lashed out over X",
            # "feel betrayed by X"): its first argument on the right
            right = [c for c in kids if c.i > tok.i and c.dep_ in {"prep", "acomp", "oprd", "attr", "advcl", "dobj", "xcomp"} and not (c.dep_ == "prep" and (_time_prep(c) or c.lower_ in _PLACE_PREPS))]
            if right:
                content = self.clean(*self.tspan(right[0].i if right[0].dep_ != "prep" else right[0].i + 1, right[0].right_edge.i), drop_that=False)
                path = "right"
                extra = right[0] if right[0].dep_ == "prep" and right[0].i <= tok.i + 2 else None
        if content is None:
            return None
        if final_src is not None:
            src, head = self.np_span(final_src), final_src
        elif path == "raising":
            src, head = None, None
        else:
            src, head = self.source_of(tok)
        if src is None and self.lex.verb_prob(lemma) < 0.5 and lemma not in lx.EXTRA_VERBS and not learned:
            return None
        cue = self.cue_span(tok, extra)
        gov = self.governing_verb(tok) if GOVERNING else None
        if gov is not None:
            cue = (min(cue[0], self.cue_span(gov)[0]), cue[1])
        if content[1] <= cue[0] and self.text[content[0]] not in _QUOTE_CHARS and self.quotes.at(content[0]) is None and _CLAUSE_BREAK.search(self.text, content[1], cue[0]):
            # "Most voters were worried; a third said they were very worried": the
            # clause before a colon, semicolon or spaced dash is not what the later cue reports
            after = [t.i for t in self.doc[tok.i : tok.right_edge.i + 1] if self.off + t.idx >= cue[1] and not t.is_punct]
            content = self.clean(*self.tspan(after[0], after[-1])) if after else None
            if content is None:
                return None
        return Found(
            cue=cue,
            lemma=lemma,
            content=self.continue_paragraphs(self.continue_quote(self.snap(content), cue), cue),
            source=src,
            source_head=head,
            rule="verb:" + path,
        )

    def governing_verb(self, tok: Any) -> Any:
        """The verb PolNeAR's cue starts from when the cue verb is its
        complement: "went on to say", "refused to say" (an infinitive right
        after it), "issued a statement saying" (a participle on the verb's
        channel-noun object)."""
        h = tok.head
        if h.i == tok.i or h.i > tok.i:
            return None
        infinitive = tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and self.doc[tok.i - 1].lower_ == "to" and self.doc[tok.i - 1].dep_ == "aux")
        if infinitive and coarse(h.tag_) == "V" and tok.i - h.i <= 3:
            between = self.doc[h.i + 1 : tok.i]
            if all(t.dep_ in {"prt", "aux", "neg", "advmod"} and t.head.i in {h.i, tok.i} for t in between):
                return h
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and coarse(h.tag_) == "V":
            # "sent an email saying", parsed with the participle on the verb
            obj = next((c for c in h.children if c.dep_ == "dobj" and c.lower_ in lx.STATEMENT_NOUNS and h.i < c.i < tok.i), None)
            # (a phrase of time may stand between: "issued a statement Thursday, saying")
            if obj is not None and obj.i - h.i <= 4 and (tok.i - obj.i <= 2 or (tok.i - obj.i <= 5 and all(t.is_punct or t.dep_ in {"npadvmod", "compound", "det", "amod", "nummod"} or t.head.dep_ == "npadvmod" for t in self.doc[obj.i + 1 : tok.i]))):
                return h
        if tok.dep_ == "acl" and h.lower_ in lx.STATEMENT_NOUNS and h.dep_ == "dobj" and tok.i - h.i <= 3:
            v = h.head
            if coarse(v.tag_) == "V" and h.i - v.i <= 4:
                return v
        return None

    @staticmethod
    def raising(tok: Any, lemma: str) -> bool:
        """A verb whose subject belongs to its infinitive: "seems", "appears",
        passive "is expected", "is known"."""
        if lemma in lx.RAISING_VERBS or tok.lower_ in lx.RAISING_FORMS:
            return True
        return lemma in lx.PASSIVE_RAISING_VERBS and any(c.dep_ == "auxpass" for c in tok.children)

    @staticmethod
    def _obj_tail(c: Any) -> bool:
        """Whether a child of a cue verb after its object belongs to the
        content: a second object or complement, a to-clause not set off by a
        comma ("praised the efforts of X to find Y"), or a prepositional phrase
        that is not a circumstance ("blamed X for Y", "praised X in support of
        Y", but not "attacked X on Monday" or "claimed X in a tweet"); adverbs
        are left out."""
        if c.dep_ in {"dobj", "attr", "oprd", "xcomp", "ccomp"}:
            return True
        if c.dep_ == "advcl" and c.left_edge.tag_ == "TO" and c.doc[c.left_edge.i - 1].text != ",":
            return True  # "praised the efforts of Kerry to find a political solution"
        if c.dep_ == "prep" and c.lower_ == "in":
            # "in support of", "in the face of", "in expanding": a manner or a
            # respect, part of what is said; "in Iowa", "in 2008", "in a tweet" are not
            obj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
            if obj is None or c.doc[c.i - 1].text == ",":
                return False
            return obj.dep_ == "pcomp" or (obj.tag_ in {"NN", "NNS"} and not any(obj.lower_ in words for words in (_TIME_WORDS, _IN_SETTING, lx.STATEMENT_NOUNS, _OCCASION_WORDS)))
        return c.dep_ == "prep" and c.lower_ not in lx.CIRCUMSTANCE_PREPS

    def fallback_content(self, tok: Any) -> tuple[int, int] | None:
        """Content of a learned verb cue without a complement:

        * "X was reported by Y": the passive subject;
        * "the plan described by Y": the noun phrase the participle modifies;
        * "as Y reported, X" / "X, as Y reported": the clause the cue hangs off
          ("A, as Y reported, B": all of it, the as-clause inside);
        * "the allegations, which Y denies": the relative pronoun."""
        kids = list(tok.children)
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            # "X is widely seen as Y": the subject with what it is seen as
            comp = next((c for c in kids if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "as"), None)
            if comp is not None and subj.i < tok.i:
                return self.clean(*self.tspan(subj.left_edge.i, comp.right_edge.i), drop_that=False)
            return self.clean(*self.np_span(subj), drop_that=False)
        h = tok.head
        if tok.dep_ == "acl" and h.i < tok.i and coarse(h.tag_) == "N" and (tok.tag_ == "VBN" or any(c.dep_ == "agent" for c in kids)):
            return self.clean(*self.tspan(h.left_edge.i, tok.left_edge.i - 1), drop_that=False) if tok.left_edge.i > h.left_edge.i else None
        if tok.dep_ == "advcl" and h.i != tok.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
            lo, hi = tok.left_edge.i, tok.right_edge.i
            if lo <= h.left_edge.i:
                span = (hi + 1, h.right_edge.i)
            elif hi < h.right_edge.i - 1:
                span = (h.left_edge.i, h.right_edge.i)
            else:
                span = (h.left_edge.i, lo - 1)
            if span[1] >= span[0]:
                return self.clean(*self.tspan(*span))
        if tok.dep_ == "relcl":
            obj = next((c for c in kids if c.dep_ == "dobj" and c.i < tok.i and c.lower_ in {"which", "that", "what"}), None)
            if obj is not None:
                return self.tspan(obj.i, obj.i) if len(obj.text) >= 2 else None
            rel = [t for t in tok.subtree if t.lower_ in _REL_WORDS or t.lower_ == "that" or t.tag_ in {"WDT", "WP", "WP$"}]
            if RELCL_HEAD and not rel and coarse(h.tag_) == "N" and h.i < tok.i:
                # "the style he prefers", "something they aren't proposing": the noun phrase
                lo = h.left_edge.i
                if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.i < h.i:
                    lo = h.head.head.left_edge.i  # "the sort of change the party warned about"
                hi = tok.left_edge.i - 1
                if hi >= lo:
                    return self.clean(*self.tspan(lo, hi), drop_that=False)
        return None

    def argument_cue(self, tok: Any) -> Found | None:
        """A learned noun or adjective cue ("criticism of X", "concerns about
        X", "is critical of X", "confident that X"): the content is its
        that-clause, to-clause or prepositional object; the source its
        possessor, its "by" agent, or the subject of the verb it hangs off."""
        kids = list(tok.children)
        content = None
        clause = next((c for c in kids if c.dep_ in {"acl", "ccomp", "xcomp", "relcl"} and c.i > tok.i and c.dep_ != "relcl"), None)
        extra = None
        if clause is not None:
            content = self.clean(*self.subtree_span(clause), drop_that=True)
        # its own preposition, else ("took a swipe at X", "called attention to
        # X") the one right after it that the parser hangs on its verb
        preps = [next((c for c in kids if c.dep_ == "prep" and c.i > tok.i and c.lower_ in lx.ARG_PREPS), None)]
        if tok.dep_ == "dobj" and coarse(tok.head.tag_) == "V":
            preps.append(next((c for c in tok.head.children if c.dep_ == "prep" and c.i == tok.right_edge.i + 1 and c.lower_ in lx.ARG_PREPS), None))
        for prep in preps:
            if content is not None:
                break
            obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
            if obj is not None:
                content = self.clean(*self.tspan(obj.left_edge.i, obj.right_edge.i), drop_that=False)
                extra = prep
        if content is None:
            return None
        src: tuple[int, int] | None = None
        head: Any = None
        poss = next((c for c in kids if c.dep_ == "poss"), None)
        if poss is not None:
            s, e = self.np_span(poss)
            if self.text[s:e].endswith(("'s", "’s")):
                e -= 2
            src, head = (s, e), poss
        else:
            h = tok.head
            climb = tok
            # "expressed concern", "is critical", "has doubts": the subject of the governing verb
            while climb.dep_ in {"dobj", "attr", "acomp", "oprd", "conj", "amod"} and h.i != climb.i and coarse(h.tag_) in {"V", "N"}:
                if coarse(h.tag_) == "V":
                    src, head = self.source_of(h)
                    break
                climb, h = h, h.head
        lo, hi = tok.i, tok.i
        if extra is not None and extra.i == tok.i + 1:
            hi = extra.i
        # the governing light verb belongs to the cue: "has concerns", "is critical of"
        g = tok.head
        if tok.dep_ in {"dobj", "attr", "acomp"} and coarse(g.tag_) == "V" and g.i < tok.i and tok.i - g.i <= 3:
            lo = self.cue_span(g)[0]
            return Found(cue=(lo, self.tspan(hi, hi)[1]), lemma=tok.lower_, content=self.snap(content), source=src, source_head=head, rule="learned-arg")
        return Found(cue=self.tspan(lo, hi), lemma=tok.lower_, content=self.snap(content), source=src, source_head=head, rule="learned-arg")

    def resumed_after_cue(self, tok: Any, ccomp: Any) -> int | None:
        """"The streets were deserted, he added, but people need to connect":
        a clause the cue phrase is set into goes on after it.  Returns the
        end offset of the resumed part, or None."""
        d = self.doc
        last = len(d) - 1
        while last > tok.i and d[last].is_punct:
            last -= 1
        if self.quotes.at(self.off + d[ccomp.left_edge.i].idx) is not None or self.quotes.at(self.off + d[ccomp.right_edge.i].idx) is not None:
            return None  # a quotation: what follows the cue is the writer's narration, or another rule's
        subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
        if subj is None or subj.i > tok.i:
            return None
        j = ccomp.right_edge.i + 1
        while j < tok.i and d[j].is_punct and d[j].text != ",":
            j += 1
        if j >= tok.i or d[j].text != ",":
            return None
        k = next((t.i for t in d[tok.i + 1 : last + 1] if t.text in {",", "—", "–"}), None)
        if k is None or k >= last:
            return None
        first = next((t for t in d[k + 1 : last + 1] if t.text not in _QUOTE_CHARS), None)
        if first is None:
            return None
        if first.lower_ in _AROUND_NOT or first.tag_ == "VBG":
            # "..., he said, adding that ...", "..., citing ...", "..., according to ...": the cue's own business
            return None
        end = self.clean(*self.tspan(first.i, last), drop_that=False)
        return end[1] if end is not None else None

    def inserted(self, tok: Any) -> tuple[int, int] | None:
        """"The risk, he said, is a clash": the clause the cue is inserted in.

        The content runs over the whole clause (the inserted "he said" is
        inside it); a left part without the clause's subject ("In the end,
        X said, ...") is left out."""
        h = tok.head
        lo, hi = h.left_edge.i, h.right_edge.i
        if self.quotes.at(self.off + self.doc[lo].idx) is not None and self.quotes.at(self.off + self.doc[hi].idx) is None:
            return None
        left = [t for t in self.doc[lo : tok.left_edge.i] if not t.is_punct]
        if not any(t.dep_ in _SUBJ or t.dep_ == "expl" for t in left) and not any(t.i == h.i for t in left):
            lo = tok.right_edge.i + 1
        if hi < lo:
            return None
        return self.clean(*self.tspan(lo, hi))

    def preceding_clause(self, tok: Any) -> tuple[tuple[int, int], Any] | None:
        """"Y, said Jane Roe, a spokeswoman." / "Y, he said.": a cue phrase that
        closes the sentence after a comma takes everything before the comma as
        content, however the parser attached it; the source is the cue's
        subject inside the cue phrase (the parser often makes the content's
        first noun a second subject).  Tried last, when no other content
        was found."""
        d = self.doc
        last = len(d) - 1
        while last > tok.i and d[last].is_punct:
            last -= 1
        subj_after = [c for c in tok.children if c.dep_ in _SUBJ and c.i > tok.i]
        subj_before = [c for c in tok.children if c.dep_ in _SUBJ and c.i < tok.i]
        for c in tok.children:
            if c.i > tok.i and c.dep_ not in _FINAL_RIGHT_DEPS:
                return None
        if tok.right_edge.i < last:
            return None
        cue_start = self.cue_span(tok)[0]
        lo_i = next(t.i for t in d if self.off + t.idx >= cue_start)
        if subj_after:
            src = subj_after[0]
        elif subj_before and subj_before[-1].right_edge.i >= lo_i - 2:
            src = subj_before[-1]
            lo_i = min(lo_i, src.left_edge.i)
        else:
            return None
        # the cue phrase follows a comma (or a closing quote after one)
        k = lo_i - 1
        while k > 0 and (d[k].text in _QUOTE_CHARS or d[k].text in {"''", "``"}):
            k -= 1
        if k < 2 or d[k].text != ",":
            return None
        # the part before is a clause, not the cue's own modifier ("In a
        # speech last July, he said:", "If they met, he would say so"): such a
        # modifier opens the sentence; one the parser hangs on the cue from
        # inside the clause ("X made it possible for Y, if Z, to ..., she
        # said") does not make the clause the cue's
        left = d[0:k]
        if not any(t.dep_ in _SUBJ or t.dep_ == "expl" for t in left):
            return None
        if any(t.head.i == tok.i and t.dep_ in {"advcl", "prep", "npadvmod", "advmod", "mark"} and t.left_edge.i == 0 for t in left):
            return None
        if last + 1 < len(d) and d[last + 1].text == ":":
            return None
        content = self.clean(*self.tspan(0, k - 1), drop_that=False)
        if content is None:
            return None
        return self.snap(content), src

    def adjacent_quote(self, tok: Any, *, before: bool = True, after: bool = True, before_here: bool = False, addressed: set[int] | None = None, skip_to: int | None = None) -> tuple[int, int] | None:
        """A quotation right before the cue ("...," she said) or right after it.

        ``before_here``: a quotation before the cue only if it ends inside the
        cue's sentence ("...," she told reporters), not the previous sentence."""
        c_start = self.off + self.doc[tok.i].idx
        subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
        left_anchor = min(c_start, self.off + subj.left_edge.idx) if subj is not None else c_start
        prev = []
        if before or before_here:
            prev = [q for q in self.quotes.overlapping(max(0, left_anchor - 400), left_anchor) if q.end <= left_anchor and (before or q.end > self.off)]
        if prev:
            q = prev[-1]
            if _CONTENT_GAP_BEFORE.match(self.text[q.end : left_anchor]):
                return q.start, q.end
        right_anchor = self.off + tok.idx + len(tok.text)
        if skip_to is not None and skip_to > tok.i + 1:
            # "saying at one point, “...”": past the phrase of time or occasion
            last = self.doc[skip_to - 1]
            right_anchor = self.off + last.idx + len(last.text)
        if addressed:
            # "telling the crowd, “...”": the quotation after the person addressed
            obj = self.doc[min(addressed)]
            if obj.left_edge.i > tok.i and self.only_particles_between(tok, obj.left_edge.i):
                last = obj.right_edge
                right_anchor = self.off + last.idx + len(last.text)
        nxt = self.quotes.overlapping(right_anchor, right_anchor + 400) if after else []
        if nxt:
            q = nxt[0]
            if q.start >= right_anchor and _CONTENT_GAP_AFTER.match(self.text[right_anchor : q.start]):
                return q.start, q.end
        return None
