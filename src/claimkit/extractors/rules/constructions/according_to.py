""""According to X, Y" / "Y, according to X": the object of "to" is the
source (or, "information released by Blaze", the agent inside it), "according
to" the cue and the longer side of the sentence outside the phrase the
content.  A name set off by commas right after the source belongs to the
source ("According to its chairman, Idris Vale, the club ...").
"""

from __future__ import annotations

from claimkit.extractors.rules.constructions.conveyed import ACCORDING_IDIOMS
from claimkit.extractors.rules.constructions.sentence import Found, ParsedSentence, Token
from claimkit.extractors.rules.parse import coarse

# "papers seen by the Courier", "documents obtained by reporters": who read the papers did not write them
_READ_NOT_WRITTEN = frozenset("seen obtained reviewed read examined leaked acquired accessed viewed heard".split())


def according(s: ParsedSentence, tok: Token) -> Found | None:
    """The record of "according" (followed by "to") at ``tok``, or None."""
    to = s.doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or next(
        (c for c in tok.children if c.dep_ == "pobj"), None
    )
    if pobj is None or _by_a_measure(s, tok, pobj):
        return None
    src_tok = pobj
    # "information released ... by Blaze": the agent is the source
    for t in pobj.subtree:
        if t.dep_ == "agent" and t.head.lower_ not in _READ_NOT_WRITTEN:
            by_obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if by_obj is not None:
                src_tok = by_obj
    hi = _past_apposition(s, max(pobj.right_edge.i, to.i))
    content = _around(s, tok.i, hi) or _before_a_new_clause(s, tok.i, hi) or s.outside(tok.i, hi)
    if content is None:
        return None
    content = _before_a_report_of_its_own(s, content)
    source = _who_wrote(s, src_tok)
    named = s.doc[hi]
    if src_tok is pobj and hi > pobj.right_edge.i and named.tag_.startswith("NNP") and named.head.i != pobj.i:
        # "According to Marenzia's foreign minister, Tomas Albrecht, the two sides ...": the parser
        # made the name the clause's subject; it is the minister's name, and the source
        source, src_tok = (source[0], s.tspan(named.i, named.i)[1]), named
    return Found(cue=s.tspan(tok.i, to.i), lemma="according to", content=s.snap(content), source=source, source_head=src_tok, rule="according")


# "paid according to distance", "went according to plan": "according to" as "in line with", naming nobody
# (the idioms ``conveyed`` already knows, and the measures a payment or a ranking goes by)
_MEASURES = ACCORDING_IDIOMS | frozenset(
    "plans rule rules law laws time times distance size sizes need needs ability age weight formula "
    "instructions taste merit merits performance demand income height length speed".split()
)
_BY_MEASURE_VERBS = frozenset("pay price rank sort vary differ arrange adjust charge allocate classify divide calculate tax scale go proceed act behave".split())


def _by_a_measure(s: ParsedSentence, tok: Token, pobj: Token) -> bool:
    """"Riders were paid partly according to a journey time estimated by the app",
    "The launch went according to plan": a measure or a plan, not a source."""
    if s.lex.lemma_of(pobj.lower_, coarse(pobj.tag_)) in _MEASURES and not pobj.tag_.startswith("NNP"):
        return True
    head = tok.head
    comma = tok.i > 0 and s.doc[tok.i - 1].text == ","
    return not comma and head.i < tok.i and s.lex.lemma_of(head.lower_, coarse(head.tag_)) in _BY_MEASURE_VERBS


def _who_wrote(s: ParsedSentence, src: Token) -> tuple[int, int]:
    """The source phrase, without a participle of who read it: "internal
    papers seen by the Westmoor Courier" are the papers, not the paper that saw them."""
    read = next(
        (c for c in src.children if c.dep_ == "acl" and c.i > src.i and c.lower_ in _READ_NOT_WRITTEN),
        None,
    )
    if read is None:
        return s.np_span(src)
    end = read.i - 1
    while end > src.i and s.doc[end].is_punct:
        end -= 1
    return s.tspan(src.left_edge.i, end)


def _around(s: ParsedSentence, lo: int, hi: int) -> tuple[int, int] | None:
    """"The cost of the repairs, according to the council, had doubled": a
    phrase set into its clause, between the subject and its verb, reports the
    whole clause (as an inserted "he said" does)."""
    doc = s.doc
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None or root.i <= hi or lo == 0 or doc[lo - 1].text != ",":
        return None
    if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i < lo for c in root.children):
        return None
    last = len(doc) - 1
    while last > hi and doc[last].is_punct:
        last -= 1
    return s.clean(*s.tspan(0, last))


def _before_a_new_clause(s: ParsedSentence, lo: int, hi: int) -> tuple[int, int] | None:
    """"Many work split shifts, according to the union, and rest breaks are
    often cut short": a phrase after a clause, followed by a conjunction that
    opens another clause, reports the clause before it, however long the next."""
    doc, n = s.doc, len(s.doc)
    j = hi + 1
    while j < n and doc[j].is_punct:
        j += 1
    if lo < 2 or doc[lo - 1].text != "," or j >= n or doc[j].lower_ not in {"and", "but", "while", "whereas", "although", "though"}:
        return None
    if not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in doc[j + 1 :]):
        return None  # "..., according to the union, and rising": no clause of its own
    return s.clean(*s.tspan(0, lo - 2))


def _past_apposition(s: ParsedSentence, hi: int) -> int:
    """"According to its chairman, Idris Vale, the club ...": a name set off
    by commas right after the source belongs to the source, not the content."""
    doc, n = s.doc, len(s.doc)
    while hi > 0 and doc[hi].text == "," and hi + 1 < n and doc[hi + 1].tag_.startswith("NNP"):
        hi -= 1  # the parser may hang the comma before the name on the source noun
    j = hi + 2
    if hi + 1 < n and doc[hi + 1].text == "," and j < n and _a_participle(doc[j]):
        return _participle_end(s, j, hi)  # "According to the audit, prepared by accountants Fenwick & Rowe, the charity ..."
    if hi + 1 >= n or doc[hi + 1].text != "," or j >= n or not doc[j].tag_.startswith("NNP"):
        return hi
    while j < n and doc[j].tag_.startswith("NNP"):
        j += 1
    return j - 1 if j + 1 < n and doc[j].text == "," else hi


def _a_participle(t: Token) -> bool:
    return t.tag_ in {"VBN", "VBD"} and t.text.islower()


def _participle_end(s: ParsedSentence, j: int, hi: int) -> int:
    """The last word of a participle phrase set off by commas after the source ("..., published in
    May, ..."), which describes the source: the content starts after its closing comma."""
    doc = s.doc
    for k in range(j + 1, min(len(doc) - 1, j + 14)):
        if doc[k].tag_ in {"VBZ", "VBP", "MD"} or doc[k].text in {'"', "\u201c", ";", ":"}:
            return hi
        if doc[k].text == "," and not (k + 1 < len(doc) and doc[k + 1].text.isdigit() and len(doc[k + 1].text) == 4):
            return k - 1  # (not the comma inside a date: "dated December 21, 2026,")
    return hi


# verbs of saying that open a report of their own ("but he denied ...": not "and they ordered him to stop")
_SAYING = frozenset("say deny add insist claim argue admit warn note acknowledge concede dispute reject stress maintain".split())


def _before_a_report_of_its_own(s: ParsedSentence, content: tuple[int, int]) -> tuple[int, int]:
    """"According to Blankenship, the tax costs $22 million, but he denied ...": a clause joined on
    with a subject and a reporting verb of its own is a report of its own, no part of the content."""
    for t in s.doc:
        start = s.off + t.idx
        if not (content[0] < start < content[1]) or t.dep_ != "conj" or t.head.dep_ != "ROOT" or t.head.i >= t.i:
            continue
        cc = next((c for c in t.children if c.dep_ == "cc" and c.i < t.i), None) or next((c for c in t.head.children if c.dep_ == "cc" and c.i < t.i), None)
        subj = any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
        if cc is not None and subj and s.lex.lemma_of(t.lower_, "V") in _SAYING:
            end = s.off + cc.idx
            cut = s.text[content[0] : end].rstrip(" ,;")
            return content[0], content[0] + len(cut)
    return content
