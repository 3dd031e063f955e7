"""Reports carried by a noun or an adjective (``constructions.nominal_reports``):
"X's claim that Y", a light verb with an attitude noun ("voiced concern about
Y"), and learned noun and adjective cues ("criticism of Y", "critical of Y").

Sentences are written for these tests; each runs through the real parse and
the construction dispatch (``rules_support``)."""

from __future__ import annotations

import pytest

from rules_support.reading import Reading, by_rule, read


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The club's statement that the manager had resigned surprised the players.", "statement", "The club", "the manager had resigned"),
        ("The ministry's warning that the dam could fail was ignored.", "warning", "The ministry", "the dam could fail"),
    ],
)
def test_nominal_cue_with_a_possessor_and_a_that_clause(text: str, cue: str, source: str, content: str) -> None:
    """The possessor is the source, without its "'s"."""
    assert read(text) == [Reading("nominal", cue, source, content)]


def test_nominal_cue_of_it_is_left_to_other_rules() -> None:
    """"Its claim that ...": "its" names no one; the passive verb reads the sentence instead."""
    found = read("Its claim that the product was safe was rejected.")
    assert [r.rule for r in found] == ["verb:fallback"]
    assert found[0].content == "Its claim that the product was safe"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The union voiced concern about the new shift rota.", "voiced concern", "The union", "the new shift rota"),
        ("The astronomers have doubts about the signal.", "have doubts", "The astronomers", "the signal"),
        ("The union expressed hope for a quick settlement of the dispute.", "expressed hope", "The union", "a quick settlement of the dispute"),
        ("The company repeated its claim that the product was safe.", "repeated its claim", "The company", "the product was safe"),
    ],
)
def test_light_verb_with_an_attitude_noun(text: str, cue: str, source: str, content: str) -> None:
    assert read(text) == [Reading("light", cue, source, content)]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a noun with its possessor
        ("The mayor's criticism of the bus company drew applause.", "criticism of", "The mayor", "the bus company"),
        # an adjective: the governing verb joins the cue, its subject is the source
        ("The coach was critical of the referee.", "was critical of", "The coach", "the referee"),
        ("The scientists remain confident that the vaccine will work.", "remain confident", "The scientists", "the vaccine will work"),
        # a noun whose preposition the parser hangs on the verb
        ("The manager took aim at the referees over the penalty.", "took aim at", "The manager", "the referees over the penalty"),
    ],
)
def test_learned_noun_or_adjective_cue(text: str, cue: str, source: str, content: str) -> None:
    assert read(text) == [Reading("learned-arg", cue, source, content)]


def test_learned_adjective_after_a_form_of_be() -> None:
    """"are worried about": the adjective's record has the whole cue; the
    extractor keeps one of this and the verb's overlapping record."""
    r = by_rule("The engineers are worried about the cracks in the bridge.", "learned-arg")
    assert (r.cue, r.source, r.content) == ("are worried about", "The engineers", "the cracks in the bridge")


@pytest.mark.parametrize(
    "text",
    [
        "The goalkeeper has a new contract with the club.",
        "The bakery has a new oven.",
    ],
)
def test_a_light_verb_without_an_attitude_noun_is_no_cue(text: str) -> None:
    assert read(text) == []
