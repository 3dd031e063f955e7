"""rate_certainty: hand-written sentences and sentences of the seed article."""

from __future__ import annotations

import pytest

from claimkit.model import CERTAINTY_ORDER, Certainty, Cue, Span
from claimkit.normalize import lexicon
from claimkit.normalize.certainty import cue_level, rate_certainty


def _span(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


def _rate(
    text: str, sentence_start: int, sentence_end: int, cue_word: str | None, lemma: str | None
) -> Certainty:
    """Rate the sentence text[sentence_start:sentence_end]: the content is what
    follows the cue (minus a leading "that"), or the whole sentence without one."""
    end = sentence_end - 1 if text[sentence_end - 1] == "." else sentence_end
    cue = None
    if cue_word is None:
        content = _span(text, sentence_start, end)
    else:
        at = text.index(cue_word, sentence_start, sentence_end)
        cue = Cue(lemma=lemma or cue_word, mention=_span(text, at, at + len(cue_word)))
        content_start = at + len(cue_word) + 1
        if text.startswith("that ", content_start):
            content_start += len("that ")
        content = _span(text, content_start, end)
    result = rate_certainty(text, content, cue, sentence_start, sentence_end)
    for span in result.cues:
        assert text[span.start : span.end] == span.text
        assert sentence_start <= span.start <= span.end <= sentence_end
    return result


def _rank(level: str) -> int:
    return [str(x) for x in CERTAINTY_ORDER].index(level)


@pytest.mark.parametrize(
    ("sentence", "cue", "lemma", "level", "polarity", "cue_texts"),
    [
        ("Officials said the plant was closed.", "said", "say", "certain", "positive", []),
        ("Officials said the plant could close.", "said", "say", "possible", "positive", ["could"]),
        ("Officials believe the plant will close.", "believe", None, "probable", "positive", ["believe"]),
        (
            "Officials hinted the plant may close.",
            "hinted",
            "hint",
            "possible",
            "positive",
            ["hinted", "may"],
        ),
        ("Officials said the plant would not close.", "said", "say", "probable", "negative", ["would"]),
        ("Officials did not say the plant closed.", "say", None, "certain", "negative", []),
        ("Officials didn't confirm the plant closed.", "confirm", None, "certain", "negative", []),
        ("Officials denied that the plant closed.", "denied", "deny", "certain", "negative", []),
        ("Officials did not deny that the plant closed.", "deny", None, "certain", "positive", []),
        # the negator inside the cue mention (PolNeAR-style cue spans)
        ("Officials did not say the plant closed.", "did not say", "say", "certain", "negative", []),
        ("The media have not reported that the plant closed.", "have not reported", "report", "certain", "negative", []),
        ("Officials have never said the plant closed.", "have never said", "say", "certain", "negative", []),
        ("Officials did not deny that the plant closed.", "did not deny", "deny", "certain", "positive", []),
        ("Officials did not say the plant would not close.", "did not say", "say", "probable", "positive", ["would"]),
        ("Officials have also said the plant closed.", "have also said", "say", "certain", "positive", []),
        (
            "Officials reportedly said the plant closed.",
            "said",
            "say",
            "probable",
            "positive",
            ["reportedly"],
        ),
        (
            "Officials said the plant will almost certainly close.",
            "said",
            "say",
            "probable",
            "positive",
            ["almost certainly"],
        ),
        ("Officials said the plant will clearly close.", "said", "say", "certain", "positive", ["clearly"]),
        ("Officials said the plant, which is not new, closed.", "said", "say", "certain", "positive", []),
        ("Officials said it is not only a plant but a hub.", "said", "say", "certain", "positive", []),
        (
            "Officials asked whether the plant closed.",
            "asked",
            "ask",
            "unknown",
            "positive",
            ["asked", "whether"],
        ),
        ("Officials said production will resume in May.", "said", "say", "certain", "positive", []),
        (
            "Officials expressed hope that the plant reopens.",
            "expressed hope",
            "express hope",
            "possible",
            "positive",
            ["expressed hope"],
        ),
        ("The plant closed.", None, None, "certain", "positive", []),
        ("The plant has not closed.", None, None, "certain", "negative", []),
        ("The plant seems to have closed.", None, None, "probable", "positive", ["seems to"]),
        # issue 32: a condition on "will" keeps its level, as MEANTIME rates such main
        # events (was possible/["If"] when every condition lowered its event)
        ("If the plant does not close, jobs will be lost.", None, None, "certain", "positive", []),
        ("If the plant does not close, jobs would be lost.", None, None, "possible", "positive", ["If", "would"]),
        ("It is unclear when the plant will close.", None, None, "unknown", "positive", ["unclear"]),
        # issue 22: hedges of the content's main event, not only of the cue
        ("The banks said they would be working together.", "said", "say", "probable", "positive", ["would"]),
        ("The airline said it intends to buy six more jets.", "said", "say", "probable", "positive", ["intends to"]),
        ("Officials said the new line is scheduled to open in May.", "said", "say", "probable", "positive", ["scheduled to"]),
        ("Officials said the plant is set to close.", "said", "say", "probable", "positive", ["is set to"]),
        ("Officials said the firm aims to hire 40 people.", "said", "say", "probable", "positive", ["aims to"]),
        ("Officials said the plant should reopen soon.", "said", "say", "probable", "positive", ["should"]),
        ("Officials said the plant will probably close.", "said", "say", "probable", "positive", ["probably"]),
        ("Officials said perhaps the plant will close.", "said", "say", "possible", "positive", ["perhaps"]),
        ("Officials said the plant would close if sales fell.", "said", "say", "possible", "positive", ["would", "if"]),
        ("Officials said the plant will close even if sales rise.", "said", "say", "certain", "positive", []),
        ("Officials said the plant closed because it might flood.", "said", "say", "certain", "positive", []),
        ("Officials said she felt pain and would need a rest.", "said", "say", "certain", "positive", []),
        ("Officials said the party plans a vote of no confidence.", "said", "say", "certain", "positive", []),
        ("Officials said he was disappointed but not surprised.", "said", "say", "certain", "positive", []),
        ("Officials said it is the No. 2 retailer.", "said", "say", "certain", "positive", []),
        ("Apple plans to sell films online.", "plans", "plan", "certain", "positive", []),
        ("Apple wants to sell films online.", "wants", "want", "probable", "positive", ["wants"]),
    ],
)
def test_sentences(
    sentence: str, cue: str | None, lemma: str | None, level: str, polarity: str, cue_texts: list[str]
) -> None:
    text = "Intro line.\n" + sentence  # offsets do not start at 0
    start = text.index(sentence)
    result = _rate(text, start, start + len(sentence), cue, lemma)
    assert (result.level, result.polarity) == (level, polarity)
    assert [c.text for c in result.cues] == cue_texts


@pytest.mark.parametrize(
    ("lemma", "level"),
    [("say", "certain"), ("according to", "certain"), ("claim", "certain"), ("hint", "possible"),
     ("hinted", "possible"), ("said", "certain"), ("indicated", "probable"), ("ask", "unknown"),
     ("unlisted-verb", "certain")],
)  # fmt: skip
def test_cue_level(lemma: str, level: str) -> None:
    assert cue_level(lemma) == level


def test_lexicons_are_well_formed() -> None:
    assert len(lexicon.CUE_CERTAINTY) >= 60
    levels = set(CERTAINTY_ORDER)
    assert set(lexicon.CUE_CERTAINTY.values()) <= levels
    assert set(lexicon.HEDGES.values()) <= levels
    assert set(lexicon.HEDGES) >= lexicon.SENTENCE_HEDGES
    assert not set(lexicon.HEDGES) & lexicon.BOOSTERS
    for table in (lexicon.CUE_CERTAINTY, lexicon.HEDGES):
        assert all(key == key.lower().strip() for key in table)


# --------------------------------------------------------------------------- #
# The seed article (read at test time, never copied into the repository)


def _seed_sentence(text: str, opening: str) -> tuple[int, int]:
    """The sentence that starts with ``opening``: up to its first ". " or ".\\n"."""
    start = text.index(opening)
    ends = [i for i in (text.find(". ", start), text.find(".\n", start)) if i >= 0]
    return start, min(ends) + 1


@pytest.mark.parametrize(
    ("opening", "cue", "lemma", "level", "polarity", "cue_texts"),
    [
        ("North Korea also hinted", "hinted", "hint", "possible", "positive", ["hinted", "would"]),
        ("Blaze reported that North Korea", "reported", "report", "certain", "positive", []),
        ("However, North Korean media", None, None, "certain", "negative", []),
        ("During a roundtable discussion", None, None, "probable", "positive", ["reportedly"]),
        ("Collaboration in the education sector", None, None, "possible", "positive", ["could"]),
        ("This trend suggests", "suggests", "suggest", "possible", "positive", ["suggests"]),
        ("Additionally, Blaze indicated", "indicated", "indicate", "probable", "positive", ["indicated"]),
        ("Blaze has reportedly", None, None, "probable", "positive", ["reportedly"]),
    ],
)
def test_seed_article(
    seed_text: str,
    opening: str,
    cue: str | None,
    lemma: str | None,
    level: str,
    polarity: str,
    cue_texts: list[str],
) -> None:
    start, end = _seed_sentence(seed_text, opening)
    result = _rate(seed_text, start, end, cue, lemma)
    assert (result.level, result.polarity) == (level, polarity)
    assert [c.text for c in result.cues] == cue_texts


def test_seed_hint_is_less_certain_than_report(seed_text: str) -> None:
    hinted = _rate(seed_text, *_seed_sentence(seed_text, "North Korea also hinted"), "hinted", "hint")
    reported = _rate(
        seed_text, *_seed_sentence(seed_text, "Blaze reported that North Korea"), "reported", "report"
    )
    assert _rank(hinted.level) > _rank(reported.level)


def test_seed_negated_cue(seed_text: str) -> None:
    """The same sentence with "reported" as the cue: the cue itself is negated."""
    start, end = _seed_sentence(seed_text, "However, North Korean media")
    result = _rate(seed_text, start, end, "reported", "report")
    assert result.polarity == "negative"
