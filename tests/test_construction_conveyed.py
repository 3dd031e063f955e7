"""A cue introduces what a source says, writes, believes, intends, finds or
shows (constructions/conveyed.py).  Our own sentences, in domains other than
the gold sets' (shipping, farming, rail, banking, hospitals, a theatre)."""

from __future__ import annotations

import pytest

from dated_claims import attributed as _attributed


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors from the rail regulator toured the signal box at Marnwick on Tuesday.",
        "The harbour master chaired a meeting of the ferry operators in the morning.",
        "The farmers visited three dairies in the valley before the vote.",
    ],
)
def test_an_activity_verb_is_no_cue(sentence: str) -> None:
    assert _attributed(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The theatre's director declined to comment on the closure.",
        "The bank would not discuss the loan on Friday.",
        "The hospital did not name the surgeons involved.",
    ],
)
def test_speech_that_conveys_nothing_is_no_attribution(sentence: str) -> None:
    assert _attributed(sentence) == []


def test_a_thing_cannot_be_the_source_of_a_plain_argument() -> None:
    assert _attributed("The new ticket machine asks each passenger questions and prints a receipt.") == []


def test_according_to_a_manner_is_no_source() -> None:
    assert _attributed("Work on the new lock gates is going according to schedule.") == []


def test_the_same_verbs_with_a_clause_are_attributions() -> None:
    claims = _attributed("Inspectors from the rail regulator said the signal box at Marnwick was unsafe.")
    assert [c.content.text for c in claims] == ["the signal box at Marnwick was unsafe"]
    assert claims[0].cue is not None and claims[0].cue.mention.text == "said"


def test_a_plain_argument_inside_another_content_is_part_of_it() -> None:
    claims = _attributed("Tenants of the block said they had raised concerns about the lifts for two years.")
    assert len(claims) == 1 and claims[0].content.text.startswith("they had raised concerns")


def test_a_message_inside_another_content_nests() -> None:
    claims = _attributed("The drivers' union reported that the company expressed hope for reaching a deal before the summer.")
    outer = [c for c in claims if c.cue is not None and c.cue.mention.text == "reported"]
    inner = [c for c in claims if c.nested_in is not None]
    assert len(outer) == 1 and len(inner) == 1
    assert inner[0].nested_in == outer[0].id and inner[0].source is not None and "company" in inner[0].source.name.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "Many fishermen viewed the new quotas as a betrayal.",
        "The old pier is considered a danger to swimmers by the coastguard.",
        "The farmers' view of the subsidy is well known.",
    ],
)
def test_a_belief_is_no_activity(sentence: str) -> None:
    assert _attributed(sentence), "viewing or considering with a predicate (or the noun 'view') is a belief"



@pytest.mark.parametrize(
    "sentence",
    [
        "Engineers said the river rose two metres overnight, suggesting that the dam upstream had failed.",
        "The figures show that ticket sales fell in March, indicating that demand has weakened.",
        "The trial enrolled 400 patients last year, showing that the drug was safe at low doses.",
    ],
)
def test_an_inference_participle_draws_on_the_clause_before_and_is_nobodys_message(sentence: str) -> None:
    """", indicating that ...": what indicates is the whole clause before the comma, not its subject ("the river",
    "ticket sales"): no record with the participle as its cue."""
    cues = {c.cue.mention.text for c in _attributed(sentence) if c.cue is not None}
    assert not cues & {"suggesting", "indicating", "showing"}, cues


def test_a_speech_participle_keeps_the_speaker() -> None:
    """", saying that ...": the subject of the clause before is the speaker."""
    found = [c for c in _attributed("The minister spoke for an hour, saying that taxes would rise.") if c.cue and c.cue.mention.text == "saying"]
    assert [(c.source.mention.text if c.source and c.source.mention else None, c.content.text) for c in found] == [("The minister", "taxes would rise")]


def test_a_question_put_is_still_a_message() -> None:
    claims = _attributed("The ferry inspector asked whether the lifeboats had been tested.")
    assert [c.content.text for c in claims] == ["whether the lifeboats had been tested"]


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        (
            "Marta Ilves, who runs an organic orchard higher up the valley, said her trees had barely been touched.",
            "Marta Ilves",
            "her trees had barely been touched",
        ),
        (
            "Colm Reyes, who keeps bees further down the river, said his hives had survived the flood.",
            "Colm Reyes",
            "his hives had survived the flood",
        ),
    ],
)
def test_a_name_with_a_relative_clause_is_the_speaker_not_the_content(sentence: str, source: str, content: str) -> None:
    claims = _attributed(sentence)
    assert [c.content.text for c in claims] == [content]
    assert claims[0].source is not None and claims[0].source.name == source and claims[0].source.kind == "person"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("The harbour master told a gathering of boat owners that the quay would reopen in May.", "the quay would reopen in May"),
        ("The head of the clinic told a panel of local councillors that waiting times had halved.", "waiting times had halved"),
    ],
)
def test_the_people_told_are_not_part_of_what_they_were_told(sentence: str, content: str) -> None:
    assert [c.content.text for c in _attributed(sentence)] == [content]


def test_the_letter_a_writer_wrote_in_is_no_second_attribution() -> None:
    claims = _attributed("The landlord wrote in a letter to tenants that rents would rise in April.")
    assert [(c.cue.mention.text if c.cue else None, c.content.text) for c in claims] == [("wrote", "rents would rise in April")]
    assert claims[0].source is not None and claims[0].source.name.lower().endswith("landlord")


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Kestrel Dairies will close two of its creameries in the spring, the cooperative announced on Friday, citing a fall in milk prices.",
            "Kestrel Dairies will close two of its creameries in the spring",
        ),
        (
            "Harlow Buses will scrap its late routes from March, the operator announced on Monday, blaming the cost of fuel.",
            "Harlow Buses will scrap its late routes from March",
        ),
    ],
)
def test_a_closing_announcement_followed_by_a_participle_keeps_its_content(sentence: str, content: str) -> None:
    claims = [c for c in _attributed(sentence) if c.cue is not None and c.cue.mention.text == "announced"]
    assert [c.content.text for c in claims] == [content]
