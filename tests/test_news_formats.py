"""News formats the offline rules read: colon headlines and standfirsts, live-blog
entries, names in apposition, editor's notes and credits, interview transcripts.

Every text is written for these tests; the real spaCy pipeline runs.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit import extract_claims
from claimkit.model import Claim
from claimkit.normalize import liveblog

pytest.importorskip("spacy")


def claims(text: str, published: dt.date | None = None) -> list[Claim]:
    out = extract_claims(text, doc_id="t", published=published, language="en")
    for c in out:
        for span in [c.content, *(s for s in (c.reported_at,) if s is not None)]:
            assert text[span.start : span.end] == span.text
    return out


def colon_records(text: str) -> set[tuple[str, str, str, str]]:
    return {
        (c.source.mention.text, c.source.name, c.content.text, c.mode)
        for c in claims(text)
        if c.cue is not None and c.cue.lemma == ":" and c.source is not None and c.source.mention is not None
    }


# ---------------------------------------------------------------- headlines


def test_colon_headlines_and_standfirsts_attribute() -> None:
    text = (
        "Mayor: Bridge Will Reopen in June\n\n"
        "Harbour council: repairs will cost less than feared\n\n"
        "Transport minister Ana Ruiz: “We will not back down on ferry fares”\n\n"
        "Police chief: two arrested after stadium clash.\n\n"
        "The swing bridge has been closed since a barge hit it in January, the council said.\n"
    )
    assert colon_records(text) == {
        ("Mayor", "Mayor", "Bridge Will Reopen in June", "indirect"),
        ("Harbour council", "Harbour council", "repairs will cost less than feared", "indirect"),
        ("Transport minister Ana Ruiz", "Ana Ruiz", "“We will not back down on ferry fares”", "direct"),
        ("Police chief", "Police chief", "two arrested after stadium clash", "indirect"),
    }
    kinds = {c.source.name: c.source.kind for c in claims(text) if c.source is not None}
    assert kinds["Ana Ruiz"] == "person" and kinds["Harbour council"] == "government"


@pytest.mark.parametrize(
    "line",
    [
        "Live: Averly derby ends in clashes outside the stadium",
        "Analysis: The council has run out of easy choices",
        "Ferry Routes: What Happens Next for Averly",
        "Ferry fares: a guide to the new prices",
        "Harbour council: will the repairs ever end?",
        "Correction: An earlier version of this article misstated the cost",
        "Photo: A crane lifts a section of the bridge deck",
    ],
)
def test_labels_topics_and_questions_are_not_sources(line: str) -> None:
    text = line + "\n\nThe bridge will reopen in June, the mayor said.\n"
    assert colon_records(text) == set()


def test_a_colon_inside_a_body_sentence_is_left_to_the_other_rules() -> None:
    text = "The coach said: “We trained hard all winter and the players know what is at stake.”\n"
    got = claims(text)
    assert [(c.cue.lemma, c.source.name) for c in got if c.cue and c.source] == [("say", "coach")]


# ---------------------------------------------------------------- apposition


def test_a_name_in_apposition_after_the_cue_names_the_source() -> None:
    got = claims('"We are not worried," tweeted the league\'s president, Ana Silva.\n')
    (c,) = [c for c in got if c.source is not None]
    assert (c.source.name, c.source.kind) == ("Ana Silva", "person")
    assert c.source.mention is not None and c.source.mention.text == "the league's president, Ana Silva"


def test_a_name_in_apposition_after_the_source_noun_names_the_source_and_pronouns_resolve_to_it() -> None:
    text = (
        "A spokeswoman for the harbour authority, Mia Holt, said the ferry would sail on Friday. "
        "She added that the crews had been paid.\n"
    )
    got = [c for c in claims(text) if c.source is not None]
    assert [(c.source.name, c.source.kind) for c in got] == [("Mia Holt", "person"), ("Mia Holt", "person")]
    assert got[1].source.resolved_from is not None and got[1].source.resolved_from.text == "She"


def test_a_descriptive_apposition_is_not_a_name() -> None:
    got = [c for c in claims("The harbour master, a former captain, said the ferry was late.\n") if c.source]
    assert got and got[0].source.name == "harbour master"


# ---------------------------------------------------------------- live blogs

LIVE = (
    "Live: Averly derby ends in clashes\n\n"
    "10:42 GMT — Police say two people were arrested near the stadium after the match.\n\n"
    "11.05am: The fire service said the blaze at the bus depot was under control. "
    "Its chief, Omar Haddad, added that nobody was hurt.\n\n"
    "A spokeswoman for the club said on Friday that extra stewards had been hired.\n\n"
    "12:30 ET\n"
    "The league's president, Ana Silva, said the match would be replayed.\n"
)


def test_live_blog_entries_date_their_records() -> None:
    got = {c.content.text: c.reported_at for c in claims(LIVE, dt.date(2026, 3, 7)) if c.mode != "unattributed"}
    when = {content: (t.text, t.value) if t else None for content, t in got.items()}
    assert when == {
        "two people were arrested near the stadium after the match": ("10:42 GMT", "2026-03-07T10:42Z"),
        "the blaze at the bus depot was under control": ("11.05am", "2026-03-07T11:05"),
        "nobody was hurt": ("11.05am", "2026-03-07T11:05"),
        # the sentence dates its own saying
        "extra stewards had been hired": ("Friday", "2026-03-06"),
        # US Eastern time: standard time on 7 March 2026, daylight time from 8 March
        "the match would be replayed": ("12:30 ET", "2026-03-07T12:30-05:00"),
    }


def test_live_blog_times_without_an_article_date_and_us_summer_time() -> None:
    got = [c.reported_at for c in claims(LIVE) if c.content.text == "two people were arrested near the stadium after the match"]
    assert got[0] is not None and got[0].value == "T10:42Z"
    summer = {c.content.text: c.reported_at.value for c in claims(LIVE, dt.date(2026, 7, 1)) if c.reported_at}
    assert summer["the match would be replayed"] == "2026-07-01T12:30-04:00"


def test_one_timed_paragraph_is_not_a_live_blog() -> None:
    text = "9:30 - The doors open and the council meets.\n\nThe mayor said the budget was balanced.\n"
    assert all(c.reported_at is None for c in claims(text, dt.date(2026, 3, 7)))


@pytest.mark.parametrize(
    ("stamp", "value"),
    [("10:42 GMT — ", "T10:42Z"), ("1.15pm: ", "T13:15"), ("12:05 a.m. BST - ", "T00:05+01:00"), ("23:59 | ", "T23:59")],
)
def test_stamp_forms(stamp: str, value: str) -> None:
    found = liveblog.stamp_at(stamp + "Police said so.", 0, None)
    assert found is not None and found[0].value == value and (stamp + "Police said so.")[found[1] :] == "Police said so."


@pytest.mark.parametrize("line", ["10.5 percent of the voters said no.", "13.45pm: nothing", "2026 — a year of storms"])
def test_not_stamps(line: str) -> None:
    assert liveblog.stamp_at(line, 0, None) is None


# ---------------------------------------------------------------- notices


def test_editors_notes_corrections_and_credits_are_not_claims() -> None:
    text = (
        "The harbour authority said the new cranes would arrive in April.\n\n"
        "Photo: A crane is unloaded at the Averly docks. (Averly Harbour Authority)\n\n"
        "Photograph by Lena Ortiz for the Averly Herald.\n\n"
        "The interview has been edited for length and clarity.\n\n"
        "Reporting by Tomas Berg; editing by Mia Holt.\n\n"
        "Correction: An earlier version of this article misstated the cost of the cranes. "
        "The cranes cost 12 million euros, the authority said.\n\n"
        "This story has been updated to include the authority's statement.\n"
    )
    got = claims(text)
    assert sorted(c.content.text for c in got) == [
        "The cranes cost 12 million euros",
        "the new cranes would arrive in April",
    ]


# ---------------------------------------------------------------- transcripts


def test_interview_transcripts_still_read() -> None:
    text = (
        "The mayor spoke to the Averly Herald on Monday.\n\n"
        "Q: When will the bridge reopen?\n\n"
        "MAYOR JANE ORTIZ: The engineers tell me June, and I believe them.\n\n"
        "Q: And the cost?\n\n"
        "ORTIZ: Less than the council feared in January.\n\n"
        "The interview has been edited for length.\n"
    )
    got = {(c.source.mention.text, c.content.text) for c in claims(text) if c.cue is not None and c.cue.lemma == ":"}
    assert got == {
        ("MAYOR JANE ORTIZ", "The engineers tell me June, and I believe them"),
        ("ORTIZ", "Less than the council feared in January"),
    }
