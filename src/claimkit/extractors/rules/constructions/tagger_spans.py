"""The taggers' say over the spans a rule found (``--cue-tagger``,
``--accurate``):

* ``use_tagger``: widen a rule's cue to the cue tagger's run of cue words
  ("is" -> "is convinced"), and merge a sourceless record into an earlier
  one whose cue it overlaps;
* ``use_roles``: set a record's content and source to the accurate tagger's
  runs of content and source words that touch the rule's spans
  (``role_spans``).
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import TIME_WORDS, Chars, Found, ParsedSentence
from claimkit.extractors.rules.cues import role_spans
from claimkit.extractors.rules.cues.cue_model import ROLE_GAP


def _overlap(a: Chars, b: Chars) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def use_roles(s: ParsedSentence, f: Found, roles: list[Any]) -> None:
    """Set ``f``'s content and source to the accurate tagger's runs of
    content and source words that touch the rule's spans (``role_spans``)."""
    d, off = s.doc, s.off
    if f.source is not None and f.fixed_source is None and role_spans.SOURCE:
        src = role_spans.corrected(d, off, roles, 0, f.source, [f.cue, f.content])
        head = f.source_head
        if head is None or head.doc is not d or src[0] <= head.idx + off < src[1]:
            f.source = src
    f.content = role_spans.corrected(d, off, roles, 1, f.content, [f.cue] + ([f.source] if f.source else []), d.user_data.get(ROLE_GAP))


def tagger_cue(s: ParsedSentence, f: Found, scores: list[float | None]) -> Chars:
    """The cue widened to the cue tagger's extent: from the words of the
    rule's cue that the tagger takes for a cue word (logit > 0), out over
    the adjacent words it also takes for cue words ("is" -> "is
    convinced", "has responded to" -> "has responded to criticism of").
    The rule's cue is kept when the tagger takes none of its words, and
    when the wider cue would run into the source or the content."""
    d = s.doc
    n = len(d)

    def cue_word(j: int) -> bool:
        sc = scores[j] if 0 <= j < n else None
        return sc is not None and sc > 0 and not d[j].is_punct

    inside = [j for j in range(n) if f.cue[0] <= s.off + d[j].idx < f.cue[1] and cue_word(j)]
    if not inside:
        return f.cue
    lo, hi = inside[0], inside[-1]
    while cue_word(lo - 1):
        lo -= 1
    while cue_word(hi + 1) and not opens_time(s, hi + 1):
        hi += 1
    run = s.tspan(lo, hi)
    wide = (min(run[0], f.cue[0]), max(run[1], f.cue[1]))
    if f.source is not None and _overlap(wide, f.source) and not _overlap(f.cue, f.source):
        return f.cue
    cs, ce = f.content
    crosses = wide[0] < cs < wide[1] or wide[0] < ce <= wide[1]  # holds an end of the content
    newly_inside = cs <= wide[0] and wide[1] <= ce and not (cs <= f.cue[0] and f.cue[1] <= ce)  # an inserted cue stays one
    return f.cue if crosses or newly_inside else wide


def opens_time(s: ParsedSentence, j: int) -> bool:
    """Token ``j`` is a preposition before a time ("on Monday", "in March",
    "in 2015"): when someone spoke, never part of the cue ("said on Monday")."""
    d = s.doc
    if d[j].tag_ != "IN" or j + 1 >= len(d):
        return False
    nxt = d[j + 1]
    return bool(nxt.lower_ in TIME_WORDS or nxt.lower_ in lx.MONTHS or (nxt.like_num and len(nxt.text) == 4))


def use_tagger(s: ParsedSentence, f: Found, scores: list[float | None], found: list[Found]) -> None:
    """Widen ``f``'s cue to the tagger's extent (``tagger_cue``).  An
    earlier record whose cue overlaps the widened one is the same
    attribution, read from another word ("Mr. Ackman is" + "is convinced
    that X"): when ``f`` has no source it takes that record's source and
    replaces that record (and keeps the rule's cue if the wider one would
    hold part of that source)."""
    rule_cue = f.cue
    f.cue = tagger_cue(s, f, scores)
    if f.source is not None:
        return
    g = next((g for g in found if g.source is not None and _overlap(g.cue, f.cue)), None)
    if g is not None and g.source is not None:
        f.source, f.source_head, f.fixed_source = g.source, g.source_head, g.fixed_source
        found.remove(g)
        if _overlap(g.source, f.cue):
            f.cue = rule_cue
