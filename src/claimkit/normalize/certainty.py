"""Rate how certain a claim is, and whether it is asserted or negated.

``rate_certainty(text, content, cue, scope_start, scope_end)`` looks at the
sentence ``text[scope_start:scope_end]`` that holds the cue and the content:

Level: the least certain (per ``CERTAINTY_ORDER``) of
  * the cue's base level (``lexicon.CUE_CERTAINTY``, by lemma; unlisted: certain),
  * hedges (``lexicon.HEDGES``) that start in the content's main clause
    (``main_clause``) or stand next to the cue (within ``CUE_WINDOW``
    characters), and the sentence-wide evidentials ("reportedly",
    "allegedly", ...) anywhere in the sentence,
  * a condition ("if", "unless") on a hypothetical main event ("would",
    "could", "might", "may", "should"; ``main_clause.conditional``),
  * a content that is a question ("Can we still win?"): unknown.
  Not hedges here: "could not" (inability, certain and negative), a hedge
  ending in "to" whose "to" is a preposition ("is due to the strike"), and a
  plan or prediction ("would", "plans to", "is scheduled to":
  ``lexicon.INTENTION_HEDGES``) under a cue by which the source commits to it
  ("announced", "confirmed", "promised": ``lexicon.COMMITTING_CUES``).
  A booster ("clearly", "confirmed") sets the level to certain when nothing
  lowered it.  Without a cue the content alone is rated: a plain assertion is
  certain.  The categories and the evidence for each are in
  docs/certainty-and-time.md.

``cues``: the exact spans of every word or phrase that lowered the level (the cue
mention itself only when its base level is below certain), or of the boosters
that set it; in text order.  Negators are not listed: they decide the polarity.

Polarity (heuristic, a nearest-verb window rather than a parse): negative when
exactly one of these holds:
  * the cue is negated: a negator inside the cue mention (cue spans keep their
    auxiliaries and negators: "have not reported", "did not say") or at most
    two words before it ("have not reported", "did not immediately say",
    "didn't confirm"), or the cue lemma denies ("deny", "reject":
    ``lexicon.NEGATIVE_CUES``);
  * the content's main clause holds a negator ("it would not use ...").  The
    main clause runs from the content start (after a leading "If/When ..., "
    clause) to the first subordinator, semicolon, dash or ", and/but", so
    negators inside a subordinate clause are ignored.  Several negators in the
    main clause count once (double negation is not resolved).  A negator
    inside negated certainty ("not sure", "nobody knows", "did not know
    whether": ``lexicon.NEGATION_EXCEPTIONS``) is part of a hedge, not a
    negated event.
So "did not deny that X" is positive.
"""

from __future__ import annotations

import re

from claimkit.model import CERTAINTY_ORDER, Certainty, CertaintyLevel, Cue, Span
from claimkit.normalize import lexicon
from claimkit.normalize.main_clause import asides, conditional, main_clause

__all__ = ["cue_level", "lemma_candidates", "rate_certainty"]

CUE_WINDOW = 25  # characters around the cue in which a hedge qualifies the cue
_RANK = {level: rank for rank, level in enumerate(CERTAINTY_ORDER)}


def _phrase_pattern(phrases: frozenset[str] | set[str]) -> str:
    """Alternation of phrases, longest first, flexible white space.

    The phrases are grouped by first letter behind a lookahead on it
    (``(?=[aA])(?:also|after all)|(?=[bB])...``): the regex engine then tries
    one group per position instead of every phrase.  This matches exactly what
    the flat alternation matches: at a given position only phrases starting
    with that character can match, and within a group the order (longest
    first) is kept.
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        words = phrase.split()
        groups.setdefault(words[0][0].lower(), []).append(r"[^\S\n]+".join(map(re.escape, words)))
    return "|".join(
        f"(?=[{re.escape(first)}{re.escape(first.upper())}])(?:{'|'.join(alts)})" for first, alts in groups.items()
    )


# Hedges and boosters in one pattern: the longest phrase wins ("almost certainly"
# is a hedge, not the booster "certainly").
_MARKER = re.compile(
    rf"\b(?:{_phrase_pattern(set(lexicon.HEDGES) | set(lexicon.BOOSTERS))})\b", re.IGNORECASE
)
_NEGATOR_WORDS = {w for w in lexicon.NEGATIONS if w != "n't"}
# Exceptions first, so "not only" is skipped rather than read as "not".
_NEGATION = re.compile(
    rf"\b(?P<skip>{_phrase_pattern(lexicon.NEGATION_EXCEPTIONS)})\b"
    rf"|\b(?P<neg>{_phrase_pattern(_NEGATOR_WORDS)})\b|(?P<nt>n['\u2019]t)\b",
    re.IGNORECASE,
)
# A negator and at most two words, right before the cue.
_NEGATED_CUE = re.compile(
    rf"(?:\b(?:{_phrase_pattern(_NEGATOR_WORDS)})|n['\u2019]t)(?:\s+[\w'\u2019-]+){{0,2}}\s*$", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z]+")
# A content that ends as a question: its question mark, before closing quotes.
_QUESTION_END = re.compile(r"(\?)[\"'\u201d\u2019)\]\s]*$")
# A question is the content's only sentence ("Can we still win?"), not the last
# of several, and not a tag on an assertion ("Everybody sues, right?").
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]")
_TAG = re.compile(r",\s*(?:[\w'\u2019]+\s+){0,2}[\w'\u2019]+\?$")


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def lemma_candidates(word: str) -> list[str]:
    """The word and plausible lemmas of an inflected form (hinted -> hint)."""
    word = lexicon.IRREGULAR_FORMS.get(word, word)
    out = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return out


def cue_level(lemma: str) -> CertaintyLevel:
    """The base level of a cue lemma; a phrase takes the least certain level of
    its known words ("express hope" -> possible); unknown cues are certain."""
    key = _normal(lemma)
    if key in lexicon.CUE_CERTAINTY:
        return lexicon.CUE_CERTAINTY[key]
    levels = [
        lexicon.CUE_CERTAINTY[cand]
        for word in _WORD.findall(key)
        for cand in lemma_candidates(word)[:1] + lemma_candidates(word)[1:]
        if cand in lexicon.CUE_CERTAINTY
    ]
    return max(levels, key=_RANK.__getitem__) if levels else lexicon.DEFAULT_CUE_LEVEL


def _is_denial(lemma: str) -> bool:
    return any(
        cand in lexicon.NEGATIVE_CUES
        for word in _WORD.findall(_normal(lemma))
        for cand in lemma_candidates(word)
    )


def _marker_level(phrase: str) -> CertaintyLevel | None:
    """A hedge's level, or None for a booster."""
    return lexicon.HEDGES.get(_normal(phrase))


_WORD_AFTER = re.compile(r"\s*([\w'\u2019]+)")
_OBJECT_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.OBJECT_PREPOSITIONS))})\s+(?:(?:the|a|any|this|that)\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"((?:[\w]+)|['\u2019](?:s|re))\s+$")
# "no" right before a plan as a noun: "had no plans to" states that there is no
# plan (certain, negative: gold32); a negated verb stays an intention ("was not
# planning to": probable, negative).
_NEGATED_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
_PLAN_NOUNS = frozenset("plan plans aim aims".split())


def _not_a_hedge_here(match: re.Match[str], cue: Cue | None) -> bool:
    """Whether the hedge at ``match`` does not hedge in its context: "could
    not" (inability: "the concert could not go ahead"); a hedge ending in "to"
    whose "to" is a preposition ("the delay is due to the strike"); a plan or
    prediction under a cue by which the source commits to it ("announced that
    the library would reopen": ``lexicon.INTENTION_HEDGES``)."""
    word = _normal(match.group())
    after = _WORD_AFTER.match(match.string, match.end())
    following = after.group(1).lower() if after else ""
    if word == "could" and following in {"not", "n't"}:
        return True
    if match.string[match.end() : match.end() + 3].lower() in {"n't", "n\u2019t"} and word == "could":
        return True
    if word.endswith(" to") and following in lexicon.PREPOSITION_OBJECTS:
        return True
    if word == "possibility":
        return bool(_OBJECT_BEFORE.search(match.string, max(0, match.start() - 40), match.start()))
    if word in lexicon.ATTEMPT_PROGRESSIVE or word in lexicon.ATTEMPT_BARE:
        before = _WORD_BEFORE.search(match.string, max(0, match.start() - 30), match.start())
        previous = before.group(1).lower() if before else ""
        return previous not in lexicon.BE_FORMS if word in lexicon.ATTEMPT_PROGRESSIVE else previous in lexicon.DETERMINERS
    if word.split()[0] in _PLAN_NOUNS:
        # "suspended work on its plan to deepen the channel": a plan named by a noun phrase, not the subject's intention
        before = _WORD_BEFORE.search(match.string, max(0, match.start() - 30), match.start())
        if before is not None and (before.group(1).lower() in lexicon.DETERMINERS or before.group(1) in {"'s", "\u2019s"}):
            return True
    if word in lexicon.INTENTION_HEDGES and word != "would" and _NEGATED_BEFORE.search(match.string, max(0, match.start() - 24), match.start()):
        return True  # "had no plans to": no plan, certain and negative
    return word in lexicon.INTENTION_HEDGES and cue is not None and _commits(cue.lemma)


def _commits(lemma: str) -> bool:
    """Whether the cue commits its source to the event (announce, confirm, promise ...)."""
    return any(
        cand in lexicon.COMMITTING_CUES for word in _WORD.findall(_normal(lemma)) for cand in lemma_candidates(word)
    )


def _counts(match: re.Match[str], content: Span, main: tuple[int, int], cue: Cue | None, skip: list[tuple[int, int]]) -> bool:
    """Whether a hedge or booster at ``match`` qualifies this claim: in the
    content's main clause, anywhere for a sentence-wide evidential, or next
    to the cue outside the content."""
    word = _normal(match.group())
    if word in lexicon.LOWERCASE_ONLY_HEDGES and match.group()[0].isupper():
        return False  # "May" the month (a sentence-initial modal "May" is rare in news)
    if cue is not None and match.start() < cue.mention.end and cue.mention.start < match.end():
        return False  # the cue's own words ("plans" in "Apple plans to ..."): its lemma's level decides
    if _not_a_hedge_here(match, cue):
        return False
    if main[0] <= match.start() < main[1]:
        return not any(s <= match.start() < e for s, e in skip)  # in the main clause (or starting there), not in an aside
    if word in lexicon.SENTENCE_HEDGES:
        return True
    if content.start <= match.start() and match.end() <= content.end:
        return False  # an embedded event's hedge
    if cue is None:
        return False
    mention = cue.mention
    return mention.start - CUE_WINDOW <= match.start() and match.end() <= mention.end + CUE_WINDOW


def _span(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


def _level_and_cues(
    text: str, content: Span, cue: Cue | None, scope_start: int, scope_end: int
) -> tuple[CertaintyLevel, list[Span]]:
    lowering: dict[tuple[int, int], CertaintyLevel] = {}
    boosters: list[tuple[int, int]] = []
    if cue is not None:
        base = cue_level(cue.lemma)
        if base != "certain":
            lowering[(cue.mention.start, cue.mention.end)] = base
    main = main_clause(text, content.start, content.end)
    condition = conditional(text, content.start, content.end)
    if condition is not None:
        lowering[condition] = lexicon.CONDITIONAL_LEVEL
    question = _QUESTION_END.search(text, content.start, content.end)
    if question is not None and not _SENTENCE_INSIDE.search(text, content.start, question.start()) and not _TAG.search(text, content.start, question.start() + 1):
        lowering[question.span(1)] = "unknown"  # "Can we still win the league?"
    skip = asides(text, content.start, content.end)
    for match in _MARKER.finditer(text, scope_start, scope_end):
        if not _counts(match, content, main, cue, skip):
            continue
        level = _marker_level(match.group())
        if level is None:
            boosters.append(match.span())
        elif not _inside_any(match.span(), lowering):
            lowering[match.span()] = level
    if not lowering:
        return "certain", [_span(text, s, e) for s, e in boosters]
    lowest = max(lowering.values(), key=_RANK.__getitem__)
    return lowest, [_span(text, s, e) for s, e in sorted(lowering)]


def _inside_any(span: tuple[int, int], spans: dict[tuple[int, int], CertaintyLevel]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _main_negated(text: str, content: Span) -> bool:
    """A negator in the content's main clause, outside the clauses it runs across."""
    start, end = main_clause(text, content.start, content.end)
    for aside_start, aside_end in asides(text, content.start, content.end):
        if _has_negation(text, start, aside_start):
            return True
        start = aside_end
    return _has_negation(text, start, end)


def _has_negation(text: str, start: int, end: int) -> bool:
    """A negator in ``text[start:end]``; the exceptions may run past ``end``
    ("did not know whether", where the main clause stops at "whether")."""
    return any(
        m["skip"] is None and m.start() < end and not (m.group().lower() == "no" and text[m.end() : m.end() + 1] == ".")  # "No. 2"
        for m in _NEGATION.finditer(text, start, min(len(text), end + 20))
    )


def _cue_negated(text: str, cue: Cue, scope_start: int) -> bool:
    window_start = max(scope_start, cue.mention.start - 40)
    negated = bool(_NEGATED_CUE.search(text[window_start : cue.mention.start])) or _has_negation(
        text, cue.mention.start, cue.mention.end
    )
    # "rejected the suggestion that X": the cue's lemma is the noun, its verb denies
    return negated != (_is_denial(cue.lemma) or _is_denial(cue.mention.text.split()[0]))


def rate_certainty(text: str, content: Span, cue: Cue | None, scope_start: int, scope_end: int) -> Certainty:
    """Level, polarity and evidence spans of a claim (see the module docstring)."""
    scope_start = min(scope_start, content.start, cue.mention.start if cue else content.start)
    scope_end = max(scope_end, content.end, cue.mention.end if cue else content.end)
    level, cues = _level_and_cues(text, content, cue, scope_start, scope_end)
    negative = _main_negated(text, content)
    if cue is not None and _cue_negated(text, cue, scope_start):
        negative = not negative
    return Certainty(level=level, polarity="negative" if negative else "positive", cues=cues)
