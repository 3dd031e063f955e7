"""Attributions the accurate tagger finds where no rule does (``--accurate`` only).

The rules find an attribution from a cue word and the sentence's structure
("X said that Y").  PolNeAR also marks cues that no rule knows ("voted for",
"stand by", "an allegation", "was seen as"); the accurate tagger's cue head
often finds them.  Here, a run of words the tagger is confident are a cue
(logit above ``CUE_THRESHOLD``), outside every cue the rules found, becomes
an attribution of its own:

- the content is the run of words the tagger takes for content (logit above
  0) nearest the cue, never across it; without one there is no record;
- the source is the nearest run it takes for a source, if there is one
  outside the content (its syntactic head is the word whose parent lies
  outside the run); otherwise the source is unnamed.

The threshold was chosen on the held-out fifth of PolNeAR train
(docs/development-log.md, round thirteen).
"""

from __future__ import annotations

import math
from typing import Any

from claimkit.extractors.rules.constructions.sentence import Found
from claimkit.extractors.rules.cues import role_spans
from claimkit.extractors.rules.cues.cue_model import ROLE_SCORES, TAGGER_SCORES

CUE_THRESHOLD = 2.5  # cue logit; held-out train
MIN_CONTENT_TOKENS = 2

Span = tuple[int, int]


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Tokens between two runs (0 when they touch)."""
    return max(a[0] - b[1], b[0] - a[1]) - 1


def _nearest(runs: list[tuple[int, int]], cue: tuple[int, int]) -> tuple[int, int] | None:
    outside = [r for r in runs if r[1] < cue[0] or r[0] > cue[1]]
    if not outside:
        return None
    return min(outside, key=lambda r: (_gap(r, cue), -(r[1] - r[0])))


def _split_at(runs: list[tuple[int, int]], cue: tuple[int, int]) -> list[tuple[int, int]]:
    """The runs with the cue's tokens cut out of them."""
    out = []
    for i, j in runs:
        if j < cue[0] or i > cue[1]:
            out.append((i, j))
            continue
        if i < cue[0]:
            out.append((i, cue[0] - 1))
        if j > cue[1]:
            out.append((cue[1] + 1, j))
    return out


def _head(doc: Any, i: int, j: int) -> Any:
    """The token of i..j whose syntactic parent lies outside the run."""
    for k in range(i, j + 1):
        h = doc[k].head.i
        if h == k or not i <= h <= j:
            return doc[k]
    return doc[j]


def found(doc: Any, off: int, cues: list[float | None], roles: list[Any], taken: list[Span]) -> list[Found]:
    """Attributions from the tagger's confident cue runs outside ``taken``
    (the cues the rules found in this sentence), as ``Found`` records with
    the rule name ``tagger``."""

    def chars(i: int, j: int) -> Span:
        return doc[i].idx + off, doc[j].idx + len(doc[j].text) + off

    def role_runs(role: int) -> list[tuple[int, int]]:
        return role_spans.runs(doc, lambda k: roles[k] is not None and roles[k][role] > 0)

    content_all, source_all = role_runs(1), role_runs(0)
    out: list[Found] = []
    for ci, cj in role_spans.runs(doc, lambda k: cues[k] is not None and cues[k] > CUE_THRESHOLD):  # type: ignore[operator]
        cue = chars(ci, cj)
        if any(a < cue[1] and cue[0] < b for a, b in taken):
            continue
        content = _nearest(_split_at(content_all, (ci, cj)), (ci, cj))
        if content is None or content[1] - content[0] + 1 < MIN_CONTENT_TOKENS:
            continue
        source_runs = [r for r in _split_at(source_all, (ci, cj)) if r[1] < content[0] or r[0] > content[1]]
        source = _nearest(source_runs, (ci, cj))
        out.append(
            Found(
                cue=cue,
                lemma=doc[ci : cj + 1].text.lower(),
                content=chars(*content),
                source=chars(*source) if source is not None else None,
                source_head=_head(doc, *source) if source is not None else None,
                rule="tagger",
            )
        )
        taken = [*taken, cue]
    return out


def revise(doc: Any, off: int, rules_found: list[Found]) -> list[Found]:
    """The rules' attributions of a parsed sentence plus, where the accurate
    tagger has read it, ``found``'s."""
    cues, roles = doc.user_data.get(TAGGER_SCORES), doc.user_data.get(ROLE_SCORES)
    if cues is None or roles is None or math.isinf(CUE_THRESHOLD):
        return rules_found
    return rules_found + found(doc, off, cues, roles, [f.cue for f in rules_found])
