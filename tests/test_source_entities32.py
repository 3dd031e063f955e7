"""Sources as entities (issue 32): one kind per entity from all its mentions,
words that are not sources, coreference by agreement and standalone
statements that name who they lean on.  Texts written for these tests, from
domains the gold sets do not use."""

from __future__ import annotations

from typing import Any

import pytest

from claimkit import pipeline
from claimkit.extractors.rules import RuleExtractor
from claimkit.read import files as ingest


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _records(extractor: RuleExtractor, text: str) -> list[dict[str, Any]]:
    article = ingest.make_article(text, "t", "t")
    return [r for r in pipeline.run(article, extractor).records if r.get("cue")]


def _by_content(records: list[dict[str, Any]], start: str) -> dict[str, Any]:
    return next(r for r in records if r["content"]["text"].startswith(start))


# -- one kind per entity, from the words the article puts next to the name ---------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (  # sport: a kit maker with a one-word name
            "The sportswear maker Kestrova said it would sponsor the league for five years. "
            "Fans welcomed the deal.\n\nKestrova said the shirts would be made in Portugal.",
            "Kestrova",
        ),
        (  # science: an instrument firm described after its name
            "Quellit, the telescope builder, said the mirror had passed its final test. "
            "Quellit said the instrument would ship in May.",
            "Quellit",
        ),
        (  # courts: an insurer named through a bare descriptor
            "In a court filing, insurer Halvarsen said the claim was invalid. "
            "Halvarsen said it would appeal the ruling.",
            "Halvarsen",
        ),
    ],
)
def test_a_descriptor_settles_an_organisation_for_every_mention(extractor: RuleExtractor, text: str, name: str) -> None:
    recs = [r for r in _records(extractor, text) if r["source"] and r["source"]["name"].endswith(name)]
    assert recs, "the named source has records"
    assert {r["source"]["kind"] for r in recs} == {"organization"}
    assert {r["source"]["entity"]["kind"] for r in recs} == {"organization"}


def test_a_job_title_settles_a_person(extractor: RuleExtractor) -> None:
    text = "Head groundsman Ivo Brask said the pitch had frozen overnight. Brask said the match could still go ahead."
    recs = _records(extractor, text)
    kinds = {r["source"]["entity"]["kind"] for r in recs if r["source"]["name"] == "Ivo Brask"}
    assert kinds == {"person"}


# -- words that are not sources --------------------------------------------------------------


def test_a_technology_is_never_an_antecedent(extractor: RuleExtractor) -> None:
    text = (
        "The Harlow Water Board tested 5G sensors on its pipes last year. "
        "They said the sensors had cut leaks by a fifth."
    )
    rec = _by_content(_records(extractor, text), "the sensors had cut leaks")
    assert rec["source"]["name"] != "5G"
    assert rec["source"]["name"] == "Harlow Water Board"


def test_a_nationality_adjective_is_never_an_antecedent(extractor: RuleExtractor) -> None:
    text = (
        "Members of the Pellan Rowing Club met Skarlandic coaches in Oslo on Friday. "
        "They said the regatta would move to June."
    )
    rec = _by_content(_records(extractor, text), "the regatta would move")
    assert rec["source"]["name"] != "Skarlandic"
