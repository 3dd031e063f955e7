"""Where a record's content ends and which words are no content (round 9):
coordinated cue verbs, a hedge inside another record's content, a report the
verb's subject rejects, a participle of effect and "said nothing".  Each
category is tested on sentences of several domains, written for these tests."""

from __future__ import annotations

import pytest

from claimkit.model import Claim
from dated_claims import attributed as _attributed
from dated_claims import one as _one


def _cue(claim: Claim) -> str:
    assert claim.cue is not None
    return claim.cue.mention.text


def _source(claim: Claim) -> str:
    assert claim.source is not None
    return claim.source.name


# ------------------------------------------------ coordinated cue verbs
@pytest.mark.parametrize(
    ("text", "first", "end", "second", "source"),
    [
        ("The regulator said no decision had been made and warned that bills could rise.", "no decision", "made", "bills", "regulator"),
        ("The hospital said the ward had been cleaned but admitted that two patients had fallen ill.", "the ward", "cleaned", "two patients", "hospital"),
        ("The judge said no law had been broken but warned that the firm's conduct was reckless.", "no law", "broken", "the firm's", "judge"),
        ("The assessor said the penalty had been correctly awarded but criticised the linesman for his positioning.", "the penalty", "awarded", "the linesman", "assessor"),
    ],
)
def test_a_conjoined_cue_verb_ends_the_first_content_and_shares_its_subject(text: str, first: str, end: str, second: str, source: str) -> None:
    assert _one(text, first).content.text.endswith(end)
    assert _source(_one(text, second)) == source


@pytest.mark.parametrize(
    ("text", "second", "source"),
    [
        ("The judge said the evidence was weak and urged the jury to acquit.", "the jury", "judge"),
        ("The regulator said the merger was lawful and told the firms to publish their prices.", "the firms", "regulator"),
    ],
)
def test_a_conjoined_reporting_verb_is_a_cue_even_where_the_model_reads_it_as_content(text: str, second: str, source: str) -> None:
    assert _source(_one(text, second)) == source


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The league said there was no evidence of match-fixing but fined the club for late paperwork.", "there was", "match-fixing"),
        ("The inspectors said there were no faults in the wiring and closed the file.", "there were", "wiring"),
    ],
)
def test_a_verb_conjoined_to_a_there_clause_is_the_speakers_act_not_content(text: str, start: str, end: str) -> None:
    assert _one(text, start).content.text.endswith(end)


@pytest.mark.parametrize(
    ("text", "first", "end", "second", "source"),
    [
        ("The hospital denied the allegation that patients were turned away, insisting every patient was seen.", "patients", "away", "every patient", "hospital"),
        (
            "Striker Leo Marsh said he had not been paid. The club disputed his claim that players were unpaid, saying wages had gone out on Friday.",
            "players", "unpaid", "wages", "club",
        ),
    ],
)
def test_a_speech_participle_after_a_reported_noun_is_the_reporters(text: str, first: str, end: str, second: str, source: str) -> None:
    assert _one(text, first).content.text.endswith(end)
    assert _source(_one(text, second)) == source


def test_a_disputed_claims_possessor_is_the_person_named_before_and_keeps_the_claim() -> None:
    text = "Striker Leo Marsh said he had not been paid. The club disputed his claim that players were unpaid, saying wages had gone out on Friday."
    assert (_source(_one(text, "players")), _cue(_one(text, "players"))) == ("Leo Marsh", "claim")


def test_a_new_clause_conjoined_to_the_cue_verb_is_not_what_was_said() -> None:
    text = "Several nurses said they had been shocked by the decision, and the head of the ward was seen leaving without comment."
    assert _one(text, "they had").content.text.endswith("decision")


# ------------------------------------------------- a hedge inside a content
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The coach said the midfielder had reportedly asked to leave.", "the midfielder"),
        ("Two suppliers had reportedly cut prices, according to the trade body.", "Two suppliers"),
        ("The prosecutor told the court that the defendant had allegedly hidden the money abroad.", "the defendant"),
    ],
)
def test_a_hedging_adverb_inside_anothers_content_is_no_record_of_its_own(text: str, start: str) -> None:
    records = _attributed(text)
    assert [c for c in records if _cue(c) in {"reportedly", "allegedly"}] == []
    claim = _one(text, start)
    assert claim.certainty.level != "certain"  # the hedge still lowers the named source's record


def test_a_hedging_adverb_standing_alone_is_still_an_unnamed_sources_record() -> None:
    claim = _one("The research council has reportedly frozen new grants.", "The research council")
    assert _cue(claim) == "reportedly" and claim.source is not None and claim.source.kind == "unnamed"


# ---------------------------------------------- a report the subject rejects
@pytest.mark.parametrize(
    ("text", "clause", "owner", "noun"),
    [
        ("The league rejected the club's claim that the referee was biased.", "the referee", "club", "claim"),
        ("The hospital trust disputed the surgeon's claim that theatres were understaffed.", "theatres", "surgeon", "claim"),
        ("The judge dismissed the defence's allegation that the search was unlawful.", "the search", "defence", "allegation"),
        ("The mayor dismissed the union's warning that bins would go uncollected.", "bins", "union", "warning"),
    ],
)
def test_a_rejected_report_is_its_possessors_and_the_rejecter_rejects_the_whole_report(text: str, clause: str, owner: str, noun: str) -> None:
    report = _one(text, clause)
    assert (_source(report), _cue(report)) == (owner, noun)
    rejecter = next(c for c in _attributed(text) if c.content.text.startswith("the " + owner))
    assert noun not in _cue(rejecter) and rejecter.content.text.endswith(report.content.text)


def test_a_pronoun_possessor_of_a_disputed_claim_is_the_person_named_before() -> None:
    text = "Parent Dana Holt wrote to the school in March. The academy disputed her claim that lessons were cancelled."
    assert (_source(_one(text, "lessons")), _cue(_one(text, "lessons"))) == ("Dana Holt", "claim")


@pytest.mark.parametrize(
    ("text", "clause", "owner", "noun", "whole"),
    [
        # the parser hangs the noun's clause on the verb, or on the preposition's noun
        ("The board denied the mayor's allegation that funds were missing.", "funds", "mayor", "allegation", "the mayor's allegation"),
        ("Officials responded to the residents' complaint that the water was brown.", "the water", "residents", "complaint", "the residents' complaint"),
        # a report's holder after "by"
        ("The club rejected claims by fans that tickets were overpriced.", "tickets", "fans", "claims", "claims by fans"),
    ],
)
def test_a_report_noun_keeps_its_clause_however_the_parser_hangs_it(text: str, clause: str, owner: str, noun: str, whole: str) -> None:
    report = _one(text, clause)
    assert (_source(report), _cue(report)) == (owner, noun)
    assert _one(text, whole).content.text.endswith(report.content.text)


# ----------------------------------------------- a participle of effect
@pytest.mark.parametrize(
    "text",
    [
        "Shares fell sharply on Monday, raising fears of further job cuts.",
        "The lab missed its deadline, sparking concerns about the trial.",
        "The council closed two libraries, prompting questions about funding.",
    ],
)
def test_a_participle_of_effect_with_no_clause_is_no_cue(text: str) -> None:
    assert _attributed(text) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The council said the bridge would close for a year, prompting fears of gridlock.", "the bridge", "a year"),
        ("The team doctor said the captain had torn a ligament, raising doubts over his fitness for the final.", "the captain", "ligament"),
    ],
)
def test_a_participle_of_effect_after_a_reported_clause_is_not_what_was_said(text: str, start: str, end: str) -> None:
    assert _one(text, start).content.text.endswith(end)


def test_a_participle_of_effect_with_a_clause_is_still_a_cue() -> None:
    text = "The minister spoke for an hour, raising fears that the budget would be cut."
    assert _source(_one(text, "the budget")) == "minister"


# ------------------------------------------- "said nothing", "said little"
@pytest.mark.parametrize(
    "text",
    [
        "The striker has said nothing since the final.",
        "The council has said little since the vote.",
        "The chief executive said little at the meeting.",
    ],
)
def test_said_nothing_or_little_with_no_topic_is_no_record(text: str) -> None:
    assert _attributed(text) == []


def test_said_little_about_a_topic_keeps_the_topic() -> None:
    claim = _one("The coach has said little about the injury.", "the injury")
    assert _source(claim) == "coach"


def test_cast_doubt_on_stays_a_cue_as_polnear_marks_it() -> None:
    claim = _one("The audit cast doubt on the club's attendance figures.", "the club's")
    assert _source(claim) == "audit"
