"""A quotation as a cue's content.

* ``adjacent_quote``: the quotation right before the cue ("...," she said)
  or right after it (she said: "..."), past the person addressed ("telling
  the crowd, “...”") or a phrase of occasion ("saying at one point, “...”");
* ``continue_quote``: “A,” he said. “B.”: the quotation resumed right after
  the attribution is content too;
* ``continue_paragraphs``: a quotation that goes on in the next paragraph.
"""

from __future__ import annotations

import re

from claimkit.extractors.rules.constructions.sentence import SUBJ, Chars, ParsedSentence, Token
from claimkit.extractors.rules.constructions.verb_arguments import only_particles_between

_CONTENT_GAP_BEFORE = re.compile(r"^[\s,.;:!?—–-]*$")
_CONTENT_GAP_AFTER = re.compile(r"^[\s,:—–-]*$")
# a second reporting verb between the cue and the resumed quotation ("“A,” he
# said. But, she added, “B.”"): the resumed quotation is that verb's content
_SECOND_CUE = re.compile(r"\b(?:adds?|added|adding|continues?|continued|went on|goes on|said|says|told|tells|notes?|noted|explained|wrote|writes)\b", re.I)


# a cue right after a quotation ('"B," he added.', '"B," said Ms Hale'): the quotation is that cue's
_OWN_CUE_AFTER = re.compile(
    r"[\s,]*(?:(?:he|she|they|it|[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}|the\s+[a-z]+)\s+)?"
    r"(?:adds?|added|said|says|told|tells|noted|explained|wrote|insisted|warned|argued|replied|continued)\b"
)


def continue_quote(s: ParsedSentence, content: Chars, cue: Chars) -> Chars:
    """“A,” he said. “B.”: the quotation resumed right after the attribution is content too.

    The content is one span, so when the attribution between the two
    quotations would make up more than 40% of it (“A,” said X, a pollster
    who ... . “B.”), the longer of the two quotations is kept instead."""
    start, end = content
    q = s.quotes.at(end - 1)
    if q is None or q.end != end or not cue[0] >= end:
        return content
    # the resumed quotation: the first one after the cue that opens a new
    # sentence or clause (a short quoted title on the way is skipped)
    resumed = None
    for r in s.quotes.overlapping(end, end + 400):
        if r.start < cue[1]:
            continue
        lead = s.text[end : r.start].rstrip()
        if lead.endswith((".", ":", ",")):
            resumed = r
            break
    if resumed is None:
        return content
    gap = s.text[end : resumed.start]
    if "\n" in gap:
        return content
    if _SECOND_CUE.search(s.text, cue[1], resumed.start) or _OWN_CUE_AFTER.match(s.text, resumed.end):
        return content  # '"A," he said. "B," he added.': B has a cue of its own
    first = end
    end = resumed.end
    while True:
        nxt = [r for r in s.quotes.overlapping(end, end + 50) if r.start >= end]
        if not nxt or s.text[end : nxt[0].start].strip(" \t") != "":
            break
        end = nxt[0].end
    if 3 * len(gap) <= 2 * ((first - start) + (end - resumed.start)):
        return start, end
    if end - resumed.start > first - start:
        return resumed.start, end
    return content


def continue_paragraphs(s: ParsedSentence, content: Chars, cue: Chars | None = None) -> Chars:
    """A quotation that goes on in the next paragraph: news convention
    leaves the quote open at the paragraph end and reopens it at the start
    of the next one; a following paragraph that is one whole quotation
    (no attribution of its own) continues a closed one too."""
    start, end = content
    for _ in range(6):
        q = s.quotes.at(end - 1)
        if q is None or q.end != end:
            break
        m = re.match(r"[ \t]*\n\s*", s.text[end : end + 20])
        if m is None and cue is not None and cue[0] >= end and q.closed:
            # "A," he said.  (paragraph)  "B."
            m = re.match(r"[^\n\"“”]{0,150}?[.:][ \t]*\n\s*", s.text[end : end + 200])
            if m is not None and not (cue[1] <= end + m.end()):
                m = None
        if m is None:
            break
        r = s.quotes.at(end + m.end())
        if r is None or r.start != end + m.end():
            break
        if q.closed:
            line_end = s.text.find("\n", r.end)
            rest = s.text[r.end : line_end if line_end >= 0 else len(s.text)]
            if rest.strip(" \t") != "":
                break
        end = r.end
    return start, end


def adjacent_quote(s: ParsedSentence, tok: Token, *, before: bool = True, after: bool = True, before_here: bool = False, addressed: set[int] | None = None, skip_to: int | None = None) -> Chars | None:
    """A quotation right before the cue ("...," she said) or right after it.

    ``before_here``: a quotation before the cue only if it ends inside the
    cue's sentence ("...," she told reporters), not the previous sentence."""
    c_start = s.off + s.doc[tok.i].idx
    subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
    left_anchor = min(c_start, s.off + subj.left_edge.idx) if subj is not None else c_start
    prev = []
    if before or before_here:
        prev = [q for q in s.quotes.overlapping(max(0, left_anchor - 400), left_anchor) if q.end <= left_anchor and (before or q.end > s.off)]
    if prev:
        q = prev[-1]
        gap = s.text[q.end : left_anchor]
        if _CONTENT_GAP_BEFORE.match(gap) and not ("\n\n" in gap and subj is not None):
            return q.start, q.end  # not a quotation of the paragraph before a cue with its own subject
    right_anchor = s.off + tok.idx + len(tok.text)
    if skip_to is not None and skip_to > tok.i + 1:
        # "saying at one point, “...”": past the phrase of time or occasion
        last = s.doc[skip_to - 1]
        right_anchor = s.off + last.idx + len(last.text)
    if addressed:
        # "telling the crowd, “...”": the quotation after the person addressed
        obj = s.doc[min(addressed)]
        if obj.left_edge.i > tok.i and only_particles_between(s, tok, obj.left_edge.i):
            last = obj.right_edge
            right_anchor = s.off + last.idx + len(last.text)
    nxt = s.quotes.overlapping(right_anchor, right_anchor + 400) if after else []
    if nxt:
        q = nxt[0]
        if q.start >= right_anchor and _CONTENT_GAP_AFTER.match(s.text[right_anchor : q.start]):
            return q.start, q.end
    return None
