"""Continued accounts: a sentence with no cue of its own that carries on a
source's account is that source's record, linked (``continues``) to the record
that opened the account.  The articles are our own, in domains other than the
gold sets' (shipping, football, hospitals, farming, weather)."""

from __future__ import annotations

import pytest

from claimkit import extract_claims
from claimkit.accounts import continue_accounts
from claimkit.evaluate.polnear import PredictedAttribution, fold_continued
from claimkit.model import Candidate, Claim, Cue, Source, Span
from claimkit.segment import sentences
from claimkit.write import validate

DATE = "Monday, May 4, 2026\n\n"


def _claims(body: str) -> list[Claim]:
    return [c for c in extract_claims(DATE + body, doc_id="t") if c.mode != "unattributed"]


def _by_start(claims: list[Claim], words: str) -> Claim:
    found = [c for c in claims if c.content.text.lstrip("\"“").startswith(words)]
    assert len(found) == 1, (words, [c.content.text for c in claims])
    return found[0]


PORT = (
    "Cargo falls at Averly\n\n"
    "According to figures released by the Averly Harbour Authority on Friday, cargo volumes fell 12 percent in March. "
    "Container traffic dropped most sharply, by almost a fifth. "
    "The port's director said the fall would not last. "
    "Bulk grain shipments were unchanged.\n\n"
    "Ferry traffic to the islands rose 4 percent.\n"
)


def test_an_according_to_account_goes_on_in_the_next_sentence() -> None:
    claims = _claims(PORT)
    anchor = _by_start(claims, "cargo volumes fell")
    more = _by_start(claims, "Container traffic dropped")
    assert anchor.cue is not None and anchor.continues is None
    assert more.cue is None and more.mode == "indirect"
    assert more.continues == anchor.id
    assert more.source is not None and more.source.name == anchor.source.name and more.source.mention is None  # type: ignore[union-attr]
    assert more.content.text == "Container traffic dropped most sharply, by almost a fifth"
    assert more.statement == "Container traffic dropped most sharply, by almost a fifth."
    assert more.reported_at == anchor.reported_at and more.reported_at is not None
    assert more.times[0] == more.reported_at
    for c in claims:
        assert validate.errors(c.model_dump(mode="json")) == []


def test_an_account_ends_at_a_new_cue_and_at_the_paragraph_end() -> None:
    claims = _claims(PORT)
    director = _by_start(claims, "the fall would not last")
    assert director.cue is not None and director.continues is None
    texts = [c.content.text for c in claims]
    assert not any(t.startswith("Bulk grain") for t in texts), "a new cue ended Averly's account"
    assert not any(t.startswith("Ferry traffic") for t in texts), "a new paragraph ended the account"


def test_said_opens_no_account_of_background() -> None:
    claims = _claims("Bridge\n\nThe mayor, Ana Ruiz, said the bridge would open in May. The bridge cost 4 million euros.\n")
    assert [c.content.text for c in claims] == ["the bridge would open in May"]


def test_a_quotation_running_on_after_its_cue_is_split_and_continued() -> None:
    body = (
        "Cup final\n\n"
        "\"We are ready,\" the coach, Lena Ortiz, said. \"The players have trained all week.\"\n\n"
        "\"Nobody expects us to win. That suits us.\"\n\n"
        "The final is on Saturday.\n"
    )
    claims = _claims(body)
    head = _by_start(claims, "We are ready")
    assert head.content.text == "\"We are ready,\"" and head.mode == "direct" and head.cue is not None
    same = _by_start(claims, "The players have trained")
    after = _by_start(claims, "Nobody expects us")
    assert after.content.text == "\"Nobody expects us to win. That suits us.\"", "one quotation over two sentences is one record"
    for c in (same, after):
        assert c.mode == "direct" and c.cue is None and c.continues == head.id
        assert c.source is not None and c.source.name == "Lena Ortiz"
    assert not any(c.content.text.startswith("The final") for c in claims)


def test_the_quotation_before_the_cue_becomes_the_anchor() -> None:
    body = (
        "Ward closure\n\n"
        "Nurses at St Aldo's said the night ward had been closed twice this winter. "
        "\"Nobody came when we rang,\" said Omar Haddad, whose mother was a patient. \"She waited until morning.\"\n"
    )
    claims = _claims(body)
    head = _by_start(claims, "Nobody came when we rang")
    tail = _by_start(claims, "She waited until morning")
    assert head.cue is not None and head.content.text == "\"Nobody came when we rang,\""
    assert tail.cue is None and tail.continues == head.id and tail.mode == "direct"


def test_a_quotation_after_an_indirect_account_is_not_part_of_it() -> None:
    body = (
        "Harvest\n\n"
        "According to the Farmers' Union of Telmark, the wheat harvest was the smallest in a decade. "
        "\"It is a disaster for us.\"\n"
    )
    claims = _claims(body)
    assert all(c.continues is None or not c.content.text.startswith("\"") for c in claims)


def test_reportedly_after_an_account_that_ended_its_paragraph_takes_its_source() -> None:
    body = (
        "Storm\n\n"
        "According to the National Weather Service, the storm flooded 300 homes in Varn on Sunday. "
        "Two bridges were closed.\n\n"
        "Rescue crews reportedly worked through the night to reach the village.\n"
    )
    claims = _claims(body)
    anchor = _by_start(claims, "the storm flooded")
    rescue = _by_start(claims, "Rescue crews reportedly")
    assert rescue.source is not None and rescue.source.name == anchor.source.name  # type: ignore[union-attr]
    assert rescue.cue is not None and rescue.continues is None


def _cand(text: str, words: str, **kw: object) -> Candidate:
    start = text.index(words)
    return Candidate(content=Span(text=words, start=start, end=start + len(words)), **kw)  # type: ignore[arg-type]


def test_the_stage_works_on_any_extractor_candidates() -> None:
    """What an extractor (rules or llm) hands over: the stage needs spans, cues and sources only."""
    text = "According to the Valley Water Board, reservoirs are at 40 percent. Rationing starts in June.\n"
    sents = sentences(text)
    cue_at = text.index("According to")
    cue = Cue(lemma="according to", mention=Span(text="According to", start=cue_at, end=cue_at + 12))
    board = Source(name="Valley Water Board", kind="organization")
    anchor = _cand(text, "reservoirs are at 40 percent", mode="indirect", sentence_index=0, source=board, cue=cue)
    background = _cand(text, "Rationing starts in June.", mode="unattributed", sentence_index=1)
    out = continue_accounts(text, sents, [anchor, background])
    assert [c.mode for c in out] == ["indirect", "indirect"], "the continued record replaces the unattributed one"
    assert out[1].continues == 0 and out[1].source == board and out[1].content.text == "Rationing starts in June"


def test_polnear_scoring_folds_a_continued_record_into_its_anchor() -> None:
    anchor = PredictedAttribution("d", "a", 1, ((0, 4),), ((5, 9),), ((10, 20),))
    more = PredictedAttribution("d", "b", 2, (), (), ((22, 40),), continues="a")
    other = PredictedAttribution("d", "c", 3, ((50, 54),), ((55, 59),), ((60, 70),))
    folded = fold_continued([anchor, more, other])
    assert [p.record_id for p in folded] == ["a", "c"]
    assert folded[0].content == ((10, 20), (22, 40))
    assert fold_continued([PredictedAttribution("d", "b", 2, (), (), ((22, 40),), continues="gone")])[0].content == ((22, 40),)


@pytest.mark.parametrize(
    "after",
    [
        "However, shipping lines expect a recovery in the summer.",
        "The figures could not be independently verified.",
        "Meanwhile, the ferry to Kessholm was cancelled for a second day.",
        "We asked the authority for the figures of April.",
        "A spokesperson for the shipping lines declined to comment.",
        "The union did not immediately respond to a request for comment.",
        "The port's owners could not be reached on Sunday.",
        "Officials at the ministry refused to elaborate.",
        "The figures have not yet been reviewed by other economists.",
        "The study has not been peer-reviewed.",
    ],
)
def test_the_authors_voice_ends_an_account(after: str) -> None:
    body = (
        "Cargo\n\n"
        "According to figures released by the Averly Harbour Authority, cargo volumes fell 12 percent in March. "
        f"{after} Bulk grain shipments were unchanged.\n"
    )
    claims = _claims(body)
    assert not any(c.continues is not None for c in claims), [c.content.text for c in claims if c.continues]


def test_us_the_country_is_not_the_authors_we() -> None:
    body = (
        "Cargo\n\n"
        "According to figures released by the Averly Harbour Authority, cargo volumes fell 12 percent in March. "
        "US buyers took a third of the cargo.\n"
    )
    more = _by_start(_claims(body), "US buyers took")
    assert more.continues is not None and more.cue is None
