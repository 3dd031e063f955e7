"""The content's main clause: where its main event and that event's hedges are.

A light heuristic on the text (no parse: the normalise stage also serves the
LLM extractor, whose contents were never parsed).  The main clause runs from
the content start, after a leading "If/When ..., " clause and a leading
"that", to the first of:

* a subordinator (``lexicon.SUBORDINATORS``: "that", "which", "because",
  "if", "when", ...) that is not at the clause's very start;
* a semicolon, colon, dash or opening parenthesis;
* ", and" / ", but", "but not" ("disappointed but not surprised") and ", not"
  ("to beat her on the court, not like this");
* "and"/"or"/"but" before a modal or a hedge word: a second event coordinated
  with the first ("felt pain on Monday and would need three weeks").

What follows (embedded events: relative clauses, purpose clauses, a second
coordinated event) does not decide the level or polarity of the claim.

``conditional`` finds the "if" or "unless" that makes the main event
conditional: a leading "If ..., " clause, or an "if"/"unless" right where the
main clause stops ("X would fall if Y"), when the main clause holds a
hypothetical modal ("would", "could", "might", "may", "should"): "Stop me if
you have seen this", "will close unless" and "even if"/"as if" are not
conditions of a hypothetical event.
"""

from __future__ import annotations

import re

from claimkit.normalize import lexicon

__all__ = ["asides", "conditional", "main_clause"]

_LEADING_SUBCLAUSE = re.compile(
    r"\s*[\"'\u201c\u2018]?\s*(?P<sub>if|when|while|although|though|because|unless|as|after|before|since|once)\b[^,;]*,\s*",
    re.IGNORECASE,
)
_LEADING_THAT = re.compile(r"\s*that\s+", re.IGNORECASE)
# After "and"/"or"/"but", a modal, a hedge or an auxiliary opens a second
# coordinated event ("had been warned in 2024 and had not acted"): its own
# negation or hedge does not decide the first one's.
_AUXILIARIES = {"had", "has", "have", "was", "were", "is", "are", "did", "does"}
_SECOND_EVENT = "|".join(sorted(lexicon.MODALS | _AUXILIARIES | {"likely", "probably", "possibly", "perhaps", "maybe"}, key=len, reverse=True))
_CLAUSE_END = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.SUBORDINATORS, key=len, reverse=True)) + r")\b"
    r"|[;:\u2014\u2013(]|\s-\s|,\s*(?:and|but|not)\b|\bbut\s+not\b"
    rf"|\b(?:and|or|but)\s+(?:then\s+)?(?:{_SECOND_EVENT})\b",
    re.IGNORECASE,
)
# A clause set off by commas between the subject and its verb: a subordinator
# right after a comma, and the closing comma before any other clause end.
_ASIDE = re.compile(
    r"(?:which|who|whom|whose|if|unless|when|although|though|while|once)\b[^,;:\u2014\u2013()\"\u201c\u201d]{1,80},\s*",
    re.IGNORECASE,
)
_ASIDE_START = re.compile(r",\s*(?=(?:which|who|whom|whose|if|unless|when|although|though|while|once)\b)", re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",\s*$")
_IF = re.compile(r"(?:if|unless)\b", re.IGNORECASE)
# Only a hypothetical modal makes a condition lower its event: "X would / could
# / might fall if Y".  A condition on "will" or on the present ("will consider
# other options if necessary", "the clinic will close unless it finds doctors")
# keeps the level of its modal, as in MEANTIME (3 of 3 such main events CERTAIN).
_MODAL = re.compile(r"\b(?:" + "|".join(sorted(lexicon.HYPOTHETICAL_MODALS)) + r")\b|['\u2019]d\b", re.IGNORECASE)
_NOT_CONDITION = re.compile(r"\b(?:even|as)\s+$", re.IGNORECASE)


def main_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of the main clause of the content ``text[start:end]``."""
    lead = _LEADING_SUBCLAUSE.match(text, start, end)
    if lead:
        start = lead.end()
    that = _LEADING_THAT.match(text, start, end)
    if that:
        start = that.end()
    stop = _CLAUSE_END.search(text, start + 1, end)
    while stop is not None:
        aside = _ASIDE.match(text, stop.start(), end)
        if aside is None or not _COMMA_BEFORE.search(text, start, stop.start()):
            break
        stop = _CLAUSE_END.search(text, aside.end(), end)  # "the bridge, which opened in 2019, may close"
    return start, stop.start() if stop else end


def asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-bounded clauses the main clause of ``text[start:end]`` runs
    across ("the merger, if approved, would ...", "the bridge, which opened in
    2019, may ..."): their negators and hedges are not the main event's."""
    main_start, main_end = main_clause(text, start, end)
    found = []
    for sub in _ASIDE_START.finditer(text, main_start, main_end):
        aside = _ASIDE.match(text, sub.end(), main_end + 1)
        if aside is not None and aside.end() <= main_end:
            found.append((sub.start(), aside.end()))
    return found


def conditional(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the "if" on which the content's main event depends, or None."""
    main_start, stop = main_clause(text, start, end)
    if not _MODAL.search(text, main_start, stop):
        return None
    lead = _LEADING_SUBCLAUSE.match(text, start, end)
    if lead and lead["sub"].lower() in {"if", "unless"}:
        return lead.span("sub")
    for aside_start, _ in asides(text, start, end):
        condition = _IF.match(text, _ASIDE_START.match(text, aside_start).end())  # type: ignore[union-attr]
        if condition:
            return condition.span()  # "the merger, if approved, would create ..."
    found = _IF.match(text, stop, end)
    if found and not _NOT_CONDITION.search(text, max(start, stop - 6), stop):
        return found.span()
    return None
