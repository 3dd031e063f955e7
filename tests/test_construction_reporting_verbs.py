"""Reporting verbs (``constructions.reporting_verbs``): one or more sentences
per path that finds the content, the verb constructions read before the
paths, and how the cue and content are assembled.

Sentences are written for these tests, from several domains; each runs
through the real parse and the construction dispatch (``rules_support``).
"""

from __future__ import annotations

import pytest

from rules_support.reading import Reading, by_cue, by_rule, read


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # sport, science, courts, weather
        ("The coach said that the team would play without its captain on Saturday.", "said", "The coach", "the team would play without its captain on Saturday"),
        ("Researchers at the observatory reported that the comet had split in two.", "reported", "Researchers at the observatory", "the comet had split in two"),
        ("The judge ruled that the contract was void.", "ruled", "The judge", "the contract was void"),
        ("The forecaster warned that the storm would reach the coast by noon.", "warned", "The forecaster", "the storm would reach the coast by noon"),
        # a question keeps "whether"/"if" (as PolNeAR does)
        ("The shop owner asked the council whether the car park would stay open.", "asked", "The shop owner", "whether the car park would stay open"),
        ("The nurse asked the patients if they had slept.", "asked", "The nurse", "if they had slept"),
        # a second that-clause conjoined to the verb, a colon that spells the clause out
        ("The scientist said the results were clear, but that more tests were needed.", "said", "The scientist", "the results were clear, but that more tests were needed"),
        ("The chef said he had two rules: fresh fish and no shortcuts.", "said", "The chef", "he had two rules: fresh fish and no shortcuts"),
        # the clause goes on after the inserted cue
        ("The prices will rise, the grocer added, but the shelves will stay full.", "added", "the grocer", "The prices will rise, the grocer added, but the shelves will stay full"),
        # the clause before the cue, a quotation the parser makes the complement
        ("Not a single train ran on time in March, the commuters' group said on Friday.", "said", "the commuters' group", "Not a single train ran on time in March"),
        ("“We will not give up,” the captain said.", "said", "the captain", "“We will not give up,”"),
        ("The landslide blocked the valley road for three days, the regional police said in a statement on Sunday.", "said in a statement", "the regional police", "The landslide blocked the valley road for three days"),
    ],
)
def test_complement_clause(text: str, cue: str, source: str, content: str) -> None:
    assert read(text) == [Reading("verb:ccomp", cue, source, content)]


def test_the_clause_stops_before_a_second_act_of_the_speaker_which_is_a_record_of_its_own() -> None:
    text = "The trial judge said the evidence was weak and criticized the police."
    assert read(text) == [
        Reading("verb:ccomp", "said", "The trial judge", "the evidence was weak"),
        Reading("verb:obj", "criticized", "The trial judge", "the police"),
    ]


def test_for_to_clause_puts_for_in_the_cue() -> None:
    text = "The umpire called for both captains to shake hands before the final."
    assert read(text) == [Reading("verb:for", "called for", "The umpire", "both captains to shake hands before the final")]


def test_infinitive_takes_the_object_as_its_subject() -> None:
    text = "The board urged shareholders to reject the offer."
    assert read(text) == [Reading("verb:xcomp", "urged", "The board", "shareholders to reject the offer")]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # "seems" with nobody it seems to: the writer's impression; "is expected": others', unnamed
        ("The river seems to be rising faster than last year.", "seems", "the author"),
        ("The defendant is expected to appeal the verdict.", "is expected", None),
    ],
)
def test_raising_verb_reports_its_subject_and_infinitive(text: str, cue: str, source: str | None) -> None:
    assert read(text) == [Reading("verb:raising", cue, source, text.rstrip("."))]


def test_raising_verb_with_an_adjective() -> None:
    text = "The river appears calm this morning."
    assert read(text) == [Reading("verb:raising", "appears", "the author", "The river appears calm")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the phrase after the cue is the cue's own (when it was said)
        ("The pitch was too wet, the captain said, after a long week.", "The pitch was too wet"),
        # the clause goes on after the cue
        ("The lab was a mess, he said, with water everywhere.", "The lab was a mess, he said, with water everywhere"),
    ],
)
def test_clause_a_paratactic_cue_hangs_off(text: str, content: str) -> None:
    (r,) = read(text)
    assert (r.rule, r.cue, r.content) == ("verb:para-left", "said", content)


def test_inserted_cue_takes_the_clause_around_it() -> None:
    text = "The rally, the organisers said, drew thousands of people to the square."
    assert read(text) == [Reading("verb:inserted", "said", "the organisers", "The rally, the organisers said, drew thousands of people to the square")]


def test_argument_hung_inside_a_phrase_of_occasion() -> None:
    """The parser hangs "about the strike" off "briefing"; the content starts
    at the preposition (the passive verb names no source)."""
    r = by_rule("The spokesman was asked at a briefing on Monday about the strike.", "verb:prep")
    assert (r.cue, r.source, r.content) == ("was asked", None, "about the strike")


def test_preposition_right_after_a_phrase_of_occasion() -> None:
    text = "The coach was asked at a news conference on Friday about the injury."
    assert read(text) == [Reading("verb:prep", "was asked", None, "the injury")]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The minister apologized to the fishermen for the delay in payments.", "apologized to", "The minister", "for the delay in payments"),
        ("The referee apologized to the home fans over the late whistle.", "apologized to", "The referee", "over the late whistle"),
    ],
)
def test_matter_of_words_addressed_to_someone(text: str, cue: str, source: str, content: str) -> None:
    assert read(text) == [Reading("verb:matter", cue, source, content)]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("“Will the bridge be ready by winter?” the engineer asked.", "asked", "the engineer", "“Will the bridge be ready by winter?”"),
        ("“Are the roads safe? Not yet,” the police chief said.", "said", "the police chief", "“Are the roads safe? Not yet,”"),
    ],
)
def test_adjacent_quotation_before_the_cue(text: str, cue: str, source: str, content: str) -> None:
    assert read(text) == [Reading("verb:adjq", cue, source, content)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # past a phrase of occasion, past the people addressed
        ("The coach spoke for an hour, saying at one point, “We were not good enough.”", "saying", "“We were not good enough.”"),
        ("The ranger pointed at the sky, telling the hikers: “Storm coming.”", "telling", "“Storm coming.”"),
    ],
)
def test_adjacent_quotation_after_the_cue(text: str, cue: str, content: str) -> None:
    r = by_rule(text, "verb:adjq")
    assert (r.cue, r.content) == (cue, content)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("As the university reported on Monday, the new telescope found three planets.", "the university", "the new telescope found three planets"),
        # the as-clause inside the clause it hangs off: all of it
        ("The plan, as the council reported, will cost less than expected.", "the council", "The plan, as the council reported, will cost less than expected"),
    ],
)
def test_as_clause_reports_the_clause_it_hangs_off(text: str, source: str, content: str) -> None:
    assert read(text) == [Reading("verb:as", "reported", source, content)]


def test_clause_before_a_closing_cue_with_the_people_addressed() -> None:
    """The parser gives "told" no complement; the clause before the comma is
    the content, not "reporters"."""
    text = "Its profits, once the envy of the sector, have fallen, an analyst told reporters."
    assert read(text) == [Reading("verb:final", "told", "an analyst", "Its profits, once the envy of the sector, have fallen")]


def test_clause_before_a_closing_inverted_cue() -> None:
    text = "The old mill, empty for years, will become a museum, said the town's planning officer, Tom Reed."
    assert read(text) == [Reading("verb:final", "said", "the town's planning officer, Tom Reed", "The old mill, empty for years, will become a museum")]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "rule"),
    [
        ("The chief executive blamed the weather for the poor sales.", "blamed", "The chief executive", "the weather for the poor sales", "verb:obj"),
        ("The minister praised the efforts of the rescue teams to find the missing climbers.", "praised", "The minister", "the efforts of the rescue teams to find the missing climbers", "verb:obj"),
        # a small clause: the object with its predicate
        ("Polls show the incumbent at 40 percent.", "show", "Polls", "the incumbent at 40 percent", "verb:obj"),
        # a prepositional argument: the preposition joins the cue
        ("The council voted for a new recycling scheme.", "voted for", "The council", "a new recycling scheme", "verb:prep"),
        ("The mayor referred to the flood as a disaster for the town.", "referred to", "The mayor", "the flood as a disaster for the town", "verb:prep"),
    ],
)
def test_object_or_prepositional_argument(text: str, cue: str, source: str, content: str, rule: str) -> None:
    assert read(text) == [Reading(rule, cue, source, content)]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Experts said so.", "Experts", "so"),
        ("Sorry, the referee said.", "the referee", "Sorry"),
    ],
)
def test_short_answer(text: str, source: str, content: str) -> None:
    assert read(text) == [Reading("verb:answer", "said", source, content)]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a relative pronoun (the extractor writes what it stands for as the statement)
        ("The park's new fence, which residents oppose, was built last week.", "oppose", "residents", "which"),
        # the noun phrase a participle modifies
        ("The report described by the auditors was never published.", "described", "the auditors", "The report"),
        # a passive subject with what it is seen as
        ("The striker was widely seen as the best player of the season.", "was widely seen", None, "The striker was widely seen as the best player of the season"),
    ],
)
def test_fallback_of_a_learned_cue_without_a_complement(text: str, cue: str, source: str | None, content: str) -> None:
    assert read(text) == [Reading("verb:fallback", cue, source, content)]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The farmers feel abandoned by the ministry.", "feel", "The farmers", "abandoned by the ministry"),
    ],
)
def test_first_argument_on_the_right(text: str, cue: str, source: str, content: str) -> None:
    assert read(text) == [Reading("verb:right", cue, source, content)]


def test_over_is_a_preposition_that_takes_what_was_said() -> None:
    # "over" joined the cue prepositions ("are divided over whether ..."): its object is the content
    assert read("The fans lashed out over the ticket prices.") == [Reading("verb:prep", "lashed out over", "The fans", "the ticket prices")]


def test_made_it_clear_puts_the_adjective_in_the_cue() -> None:
    text = "The weather service made it clear that the roads would stay closed."
    assert read(text) == [Reading("make-clear", "made it clear", "The weather service", "the roads would stay closed")]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The closure of the beach has angered local surfers.", "has angered", "local surfers", "The closure of the beach"),
        ("The new rules have worried small bakeries.", "have worried", "small bakeries", "The new rules"),
    ],
)
def test_stimulus_verb_makes_the_one_who_feels_it_the_source(text: str, cue: str, source: str, content: str) -> None:
    assert read(text) == [Reading("stimulus", cue, source, content)]


def test_cue_starts_at_the_governing_verb() -> None:
    r = by_cue("The company's chief executive went on to say that profits would fall.", "went on to say")
    assert (r.rule, r.source, r.content) == ("verb:ccomp", "The company's chief executive", "profits would fall")


def test_content_goes_on_over_the_quotation_resumed_after_the_cue() -> None:
    text = "“The pier is unsafe,” the engineer said. “It must close today.”"
    assert read(text) == [Reading("verb:ccomp", "said", "the engineer", text)]


def test_content_goes_on_over_a_quotation_in_the_next_paragraph() -> None:
    text = "“The pier is unsafe,” the engineer said.\n\n“It must close today.”"
    assert read(text) == [Reading("verb:ccomp", "said", "the engineer", text)]


def test_a_quotation_after_another_cue_is_that_cue_s() -> None:
    text = "“The pier is unsafe,” the engineer said. But, the mayor added, “It can stay open.”"
    assert read(text) == [
        Reading("verb:ccomp", "said", "the engineer", "“The pier is unsafe,”"),
        Reading("verb:ccomp", "added", "the mayor", "“It can stay open.”"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored twice in the second half.",
        "The baker opened the shop at six and sold out by nine.",
        "The engineers built a new dam across the valley.",
        "The chef cooked dinner for the whole village.",
        "The laboratory tested the water samples for lead.",
        "The defender kicked the ball into the stands.",
        "The crowd cheered as the runners crossed the line.",
        "The company quietly moved its offices to the harbour.",
    ],
)
def test_an_activity_verb_is_no_cue(text: str) -> None:
    assert read(text) == []
