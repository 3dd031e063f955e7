"""Page furniture and sentences that should not become unattributed claims.

Furniture is skipped entirely (no attribution, no unattributed record): date
lines, headlines and teasers, editor's notes, corrections and credits (``notices``), "Check Out Our Content", "Most Popular
Articles", "Courtesy of ...", "Read the rest here.".  A title-case line that ends like
a sentence (a headline with a full stop, a sentence full of names, "Reporter
X says:") is read like any other sentence: only lines without a sentence end
are taken for headlines and menu items.  Sentences that are not
furniture but do not assert anything checkable on their own (questions,
fragments) are only kept out of the unattributed records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimkit.extractors.rules.constructions import notices
from claimkit.model import Sentence

_BOILERPLATE = re.compile(
    r"^\s*(?:check out|most popular|courtesy of|read (?:the rest|more)|click here|sign up|subscribe|"
    r"share this|follow us|advertisement|related(?: articles| stories)?:|photo(?: credit)?:|image:|"
    r"copyright|all rights reserved|\(?ap photo|getty images|this article (?:was|first) |"
    r"watch:|listen:|see also|tags?:|filed under|posted (?:in|by)|editor'?s note)",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# a line that ends like a sentence, or like the lead-in of a quotation or list
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_SMALL = frozenset("a an the and or but of in on at to for with by from as is are was be vs via".split())


def is_title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


def is_headline_like(line: str) -> bool:
    """No terminal punctuation, or title case: a headline, a menu item, a date."""
    return not _TERMINAL.search(line) or is_title_case(line)


def skipped(text: str, sentences: Sequence[Sentence]) -> set[int]:
    """Indices of furniture sentences (nothing is extracted from them)."""
    out: set[int] = set()
    by_par: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_par.setdefault(s.paragraph, []).append(s)
    pars = sorted(by_par)
    head_par = {}
    for p in pars:
        ss = by_par[p]
        head_par[p] = len(ss) == 1 and not _SENTENCE_END.search(text[ss[0].start : ss[0].end])
    for k, p in enumerate(pars):
        ss = by_par[p]
        for s in ss:
            line = text[s.start : s.end]
            if _BOILERPLATE.match(line) or notices.is_notice(line) or (is_title_case(line) and not _SENTENCE_END.search(line)):
                out.add(s.index)
        # teaser: a one-sentence paragraph between two headline paragraphs
        if len(ss) == 1 and 0 < k < len(pars) - 1 and head_par[pars[k - 1]] and head_par[pars[k + 1]]:
            out.add(ss[0].index)
    return out


def claim_worthy(line: str) -> bool:
    """Can this sentence stand as an unattributed claim?"""
    if is_headline_like(line) or _BOILERPLATE.match(line):
        return False
    stripped = line.rstrip("\"'”’)] \t")
    if stripped.endswith("?"):
        return False
    words = _WORD.findall(line)
    if len(words) < 6:
        return False
    first = line.lstrip("\"'“‘([ ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())
