"""A reporting clause that closes the sentence: "Y, said Jane Roe, a
spokeswoman.", "Y, he said.", "X, a company that ..., the regional transport
board announced on Thursday."

The parser often attaches such a clause badly (the content's first noun as a
second subject of the cue, or the closing source as a noun with a reduced
relative clause); these rules read it from the comma instead:

* ``preceding_clause``: the clause before the comma is the content, the cue's
  subject inside the cue phrase the source;
* ``final_report``: "the board announced" after a long apposition, parsed as
  "the board [that was] announced".
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import (
    QUOTE_CHARS,
    SUBJ,
    Chars,
    Found,
    ParsedSentence,
    Token,
)
from claimkit.extractors.rules.sources import words as sw

# what may follow a sentence-final cue ("..., said X, a spokeswoman, on Monday.")
_FINAL_RIGHT_DEPS = frozenset({"nsubj", "nsubjpass", "npadvmod", "advmod", "prep", "punct", "dobj", "dative", "agent"})
_BODY_WORDS = sw.GOVERNMENT_NAME_WORDS | sw.ORG_NAME_WORDS


def _participle_after(d: Any, i: int) -> bool:
    """", blaming a shortage of drivers": the rest of the sentence after the
    cue phrase is a comma and a participle phrase (what the source did as it
    spoke), however the parser attached it."""
    if i < len(d) and d[i].text == ",":
        i += 1
    return 0 < i < len(d) and d[i - 1].text == "," and d[i].tag_ == "VBG" and all(t.is_punct or t.is_space for t in d[d[i].right_edge.i + 1 :])


def _closing_source(s: ParsedSentence, tok: Token, last: int) -> tuple[Any, int] | None:
    """The cue's subject in a cue phrase that runs to the sentence's end
    (``last``), and the index of the phrase's first word; None when the
    phrase has a child that is no subject, time, place or manner."""
    d = s.doc
    subj_after = [c for c in tok.children if c.dep_ in SUBJ and c.i > tok.i]
    subj_before = [c for c in tok.children if c.dep_ in SUBJ and c.i < tok.i]
    for c in tok.children:
        if c.i > tok.i and c.dep_ not in _FINAL_RIGHT_DEPS:
            return None
    if tok.right_edge.i < last:
        return None
    cue_start = s.cue_span(tok)[0]
    lo_i = next(t.i for t in d if s.off + t.idx >= cue_start)
    if subj_after:
        return subj_after[0], lo_i
    if subj_before and subj_before[-1].right_edge.i >= lo_i - 2:
        src = subj_before[-1]
        return src, min(lo_i, src.left_edge.i)
    return None


def preceding_clause(s: ParsedSentence, tok: Token) -> tuple[Chars, Any] | None:
    """"Y, said Jane Roe, a spokeswoman." / "Y, he said.": a cue phrase that
    closes the sentence after a comma takes everything before the comma as
    content, however the parser attached it; the source is the cue's
    subject inside the cue phrase (the parser often makes the content's
    first noun a second subject).  Tried last, when no other content
    was found."""
    d = s.doc
    last = len(d) - 1
    while last > tok.i and d[last].is_punct:
        last -= 1
    got = _closing_source(s, tok, last)
    if got is None:
        return None
    src, lo_i = got
    # the cue phrase follows a comma (or a closing quote after one)
    k = lo_i - 1
    while k > 0 and (d[k].text in QUOTE_CHARS or d[k].text in {"''", "``"}):
        k -= 1
    if k < 2 or d[k].text != ",":
        return None
    # the part before is a clause, not the cue's own modifier ("In a
    # speech last July, he said:", "If they met, he would say so"): such a
    # modifier opens the sentence; one the parser hangs on the cue from
    # inside the clause ("X made it possible for Y, if Z, to ..., she
    # said") does not make the clause the cue's
    left = d[0:k]
    if not any(t.dep_ in SUBJ or t.dep_ == "expl" for t in left):
        return None
    if any(t.head.i == tok.i and t.dep_ in {"advcl", "prep", "npadvmod", "advmod", "mark"} and t.left_edge.i == 0 for t in left):
        return None
    if last + 1 < len(d) and d[last + 1].text == ":":
        return None
    content = s.clean(*s.tspan(0, k - 1), drop_that=False)
    if content is None:
        return None
    return s.snap(content), src


def final_report(s: ParsedSentence, tok: Token, lemma: str) -> Found | None:
    """"X, a company that ..., the regional transport board announced on
    Thursday.": after a long apposition the small parser reads the closing
    reporting clause as a noun with a reduced relative ("the board [that
    was] announced").  When the noun right before the cue verb follows a
    comma, is a name or a source noun, and only time, place or manner
    follows the verb, the noun phrase is the source and the sentence
    before the comma the content."""
    d, h = s.doc, tok.head
    if tok.dep_ != "acl" or tok.tag_ not in {"VBN", "VBD"} or h.i != tok.i - 1 or lemma not in s.lex.cue_verbs:
        return None
    if not (h.tag_.startswith("NNP") or h.lower_ in lx.SOURCE_NOUNS or h.lower_ in _BODY_WORDS or h.lower_ in sw.BODY_NOUNS):
        return None
    comma = h.left_edge.i - 1
    if comma < 4 or d[comma].text != "," or s.quotes.at(s.off + d[comma].idx) is not None:
        return None
    participle = next((c for c in tok.children if c.dep_ == "advcl" and _participle_after(d, c.left_edge.i)), None)
    skip = participle.i if participle is not None else -1
    if any(c.i > tok.i and c.dep_ not in {"prep", "npadvmod", "advmod", "punct"} and c.i != skip for c in tok.children):
        return None
    end = participle.left_edge.i if participle is not None else tok.right_edge.i + 1
    if any(not t.is_punct for t in d[end:]) and not _participle_after(d, end) and participle is None:
        return None
    content = s.clean(*s.tspan(0, comma - 1), drop_that=False)
    if content is None:
        return None
    return Found(
        cue=s.cue_span(tok),
        lemma=lemma,
        content=s.snap(content),
        source=s.tspan(h.left_edge.i, h.i),
        source_head=h,
        rule="final-report",
    )


# the present-tense verb forms a closing cue takes that the tagger may read as a noun
NOUN_READ_VERBS = frozenset("show shows suggest suggests indicate indicates say says confirm confirms reveal reveals".split())


def noun_read_cue(s: ParsedSentence, tok: Token) -> Found | None:
    """"X wanted a cut, the minutes show.": the small parser reads the closing
    "the minutes show" as one noun ("minutes show", the root) with the clause
    before the comma hung on it.  A root noun that is a cue verb's present form,
    with a noun compound right before it (the source) after a comma, and only
    punctuation after it, is that cue."""
    d = s.doc
    if tok.tag_ not in {"NN", "NNS"} or tok.lower_ not in NOUN_READ_VERBS or any(not t.is_punct for t in d[tok.i + 1 :]):
        return None
    lemma = s.lex.lemma_of(tok.lower_, "V")
    if lemma not in s.lex.cue_verbs:
        return None
    if tok.dep_ != "ROOT":
        return _document_before(s, tok, lemma)  # "..., official figures published on Thursday show."
    src = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and c.tag_ in {"NNS", "NNPS", "NNP"}), None)
    if src is None:
        return None
    lo = src.left_edge.i
    while lo > 0 and d[lo - 1].head.i == tok.i and d[lo - 1].dep_ in {"det", "amod", "compound"}:
        lo -= 1  # "the" of "the minutes show", hung on the root noun
    comma = lo - 1
    if comma < 3 or d[comma].text != "," or s.quotes.at(s.off + d[comma].idx) is not None:
        return None
    if not any(c.dep_ in {"ccomp", "advcl", "parataxis"} and c.right_edge.i < comma for c in tok.children):
        return None
    content = s.clean(*s.tspan(0, comma - 1), drop_that=False)
    if content is None:
        return None
    return Found(cue=s.tspan(tok.i, tok.i), lemma=lemma, content=s.snap(content), source=s.tspan(lo, src.i), source_head=src, rule="noun-read-cue")


def _document_before(s: ParsedSentence, tok: Token, lemma: str) -> Found | None:
    """"X fell in August, official figures published on Thursday show.": the
    parser makes "Thursday show" a noun; the words between the last comma and
    the cue, holding a document noun ("figures"), are the source, the clause
    before the comma the content."""
    d = s.doc
    comma = next((i for i in range(tok.i - 1, 2, -1) if d[i].text == ","), None)
    if comma is None or tok.i - comma > 8 or s.quotes.at(s.off + d[comma].idx) is not None:
        return None
    head = next((t for t in d[comma + 1 : tok.i] if t.tag_ == "NNS" and t.lower_ in lx.DOCUMENT_HEADS), None)
    if head is None or not any(t.dep_ in SUBJ for t in d[:comma]):
        return None
    content = s.clean(*s.tspan(0, comma - 1), drop_that=False)
    if content is None:
        return None
    return Found(cue=s.tspan(tok.i, tok.i), lemma=lemma, content=s.snap(content), source=s.tspan(comma + 1, tok.i - 1), source_head=head, rule="noun-read-cue")
