"""Who a source is: pronouns and definite descriptions resolved, kinds from the
name (``extractors/rules/coreference.py``).  Texts written for these tests."""

from __future__ import annotations

import pytest

from claimkit import segment
from claimkit.extractors.rules import RuleExtractor
from claimkit.model import Candidate
from claimkit.normalize.stage import normalise
from claimkit.read import files as ingest


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _claims(extractor: RuleExtractor, text: str) -> list[Candidate]:
    article = ingest.make_article(text, "t", "t")
    sentences = segment.sentences(text)
    return [c for c in normalise(article, sentences, extractor.extract(article, sentences).candidates) if c.cue is not None]


def _by_content(cands: list[Candidate], start: str) -> Candidate:
    return next(c for c in cands if c.content.text.startswith(start))


def test_the_company_is_the_company_named_before(extractor: RuleExtractor) -> None:
    text = (
        "Brennock Mills will shut its spinning shed in Ulverby, the company said on Monday. "
        "The firm said orders had fallen by half since 2024."
    )
    cands = _claims(extractor, text)
    first = _by_content(cands, "Brennock Mills will shut")
    second = _by_content(cands, "orders had fallen")
    for c in (first, second):
        assert c.source is not None and c.source.name == "Brennock Mills" and c.source.kind == "organization"
        assert c.source.resolved_from is not None and c.source.resolved_from.text.lower() in {"the company", "the firm"}


def test_the_ministry_is_the_ministry_named_paragraphs_before(extractor: RuleExtractor) -> None:
    text = (
        "The Ministry of Transport announced new rail fares.\n\n"
        "Commuters were angry. Unions called a meeting.\n\n"
        "The ministry said the fares would rise by 4 percent."
    )
    c = _by_content(_claims(extractor, text), "the fares would rise")
    assert c.source is not None and c.source.name == "Ministry of Transport" and c.source.kind == "government"
    assert c.certainty is not None and c.certainty.level == "probable"


def test_a_country_speaking_is_its_government(extractor: RuleExtractor) -> None:
    c = _by_content(_claims(extractor, "Norway said the talks would resume in May."), "the talks")
    assert c.source is not None and c.source.kind == "government"


def test_he_skips_a_woman_named_later(extractor: RuleExtractor) -> None:
    text = (
        "Coach Tomas Reyes said his players were tired. "
        "Club doctor Anna Weller said she had treated four of them. "
        "He said the team would rest on Sunday."
    )
    c = _by_content(_claims(extractor, text), "the team would rest")
    assert c.source is not None and c.source.name.endswith("Tomas Reyes") and c.source.kind == "person"


def test_a_surname_stands_for_the_full_name_and_an_org_name_makes_an_organization(extractor: RuleExtractor) -> None:
    text = (
        "Harlan Capital, an investment firm, said it had sold its stake. "
        "Analyst Ruth Obi said the sale was overdue. Obi said more sales could follow."
    )
    cands = _claims(extractor, text)
    sold = _by_content(cands, "it had sold")
    assert sold.source is not None and sold.source.name == "Harlan Capital" and sold.source.kind == "organization"
    more = _by_content(cands, "more sales could follow")
    assert more.source is not None and more.source.name.endswith("Ruth Obi") and more.source.kind == "person"


def test_a_title_alone_gives_way_to_the_name_after_it(extractor: RuleExtractor) -> None:
    c = _by_content(_claims(extractor, "Chief executive officer Lina Park said profits rose."), "profits rose")
    assert c.source is not None and c.source.name == "Lina Park" and c.source.kind == "person"


def test_statement_names_the_pronoun_and_is_a_sentence(extractor: RuleExtractor) -> None:
    text = "The Tarrow Rowing Club said on Friday that it would sell its boathouse."
    c = _by_content(_claims(extractor, text), "it would sell")
    # the name as the text wrote it, with its "The"
    assert c.statement == "The Tarrow Rowing Club would sell its boathouse."


def test_statement_pronoun_after_a_possessive_source_is_the_possessor(extractor: RuleExtractor) -> None:
    text = (
        "Marta Silva withdrew from the race on Monday. "
        "Her manager, Tom Reed, said she would return next season. "
        "His lawyer said he would appeal."
    )
    c = _by_content(_claims(extractor, text), "she would return")
    assert c.statement == "Marta Silva would return next season."


def test_a_sport_body_is_an_organization_and_an_age_makes_a_person(extractor: RuleExtractor) -> None:
    text = (
        "The Northern Rugby Council said the match would go ahead. "
        "Her opponent, Kaia Brandt, had trained for a year. Brandt, 24, said she was ready."
    )
    cands = _claims(extractor, text)
    council = _by_content(cands, "the match would go ahead")
    assert council.source is not None and council.source.kind == "organization"
    ready = _by_content(cands, "she was ready")
    assert ready.source is not None and ready.source.name == "Kaia Brandt" and ready.source.kind == "person"


def test_statement_of_a_mixed_quote_ends_with_a_period(extractor: RuleExtractor) -> None:
    text = 'Mayor Ines Duarte said the plan was "a gift to developers".'
    c = _by_content(_claims(extractor, text), "the plan was")
    assert c.statement == 'The plan was "a gift to developers".'


def test_public_bodies_museums_and_their_descriptions(extractor: RuleExtractor) -> None:
    text = (
        "The Dunmore Regional Water Board said on Friday that supplies would be restored. "
        "The board said pipes had burst. "
        "The Hartwell Museum of Art said a painting had been stolen. The museum said its alarms had failed. "
        "The Environment Agency said it was testing the water. Greenfield Paints said its plant was safe."
    )
    cands = _claims(extractor, text)
    burst = _by_content(cands, "pipes had burst")
    assert burst.source is not None and burst.source.name == "Dunmore Regional Water Board" and burst.source.kind == "government"
    alarms = _by_content(cands, "its alarms had failed")
    assert alarms.source is not None and alarms.source.kind == "organization"
    assert alarms.statement == "The Hartwell Museum of Art's alarms had failed."
    agency = _by_content(cands, "it was testing the water")
    assert agency.source is not None and agency.source.kind == "government"
    assert _by_content(cands, "its plant was safe").statement == "Greenfield Paints' plant was safe."


def test_according_to_with_a_named_apposition_keeps_the_name_out_of_the_content(extractor: RuleExtractor) -> None:
    text = "According to its chairman, Idris Vale, the club would be sold before the summer."
    c = _by_content(_claims(extractor, text), "the club would be sold")
    assert c.content.text.startswith("the club") and c.source is not None and c.source.name == "Idris Vale"


def test_statement_names_a_later_pronoun_when_the_clause_names_no_person(extractor: RuleExtractor) -> None:
    text = (
        "Ana Ruiz, a sprinter, said on Monday that the injury meant she would miss the final. "
        "Ruiz said the coach had told her to rest."
    )
    cands = _claims(extractor, text)
    assert _by_content(cands, "the injury meant").statement == "The injury meant Ana Ruiz would miss the final."
    # a person named before the pronoun inside the clause may be its antecedent: left as written
    assert _by_content(cands, "the coach had told her").statement == "The coach had told her to rest."


def test_ner_reads_windows_around_capitalised_runs() -> None:
    from claimkit.extractors.rules.sources import entities as ner

    text = "But the long delay at the depot, which staff said had lasted all winter, worried Mayor Ines Duarte of Brackwater greatly."
    runs = ner.proper_runs(text, 0, len(text))
    assert [text[s:e] for s, e in runs] == ["But", "Mayor Ines Duarte of Brackwater"]
    parts = ner.windows(text, 0, len(text), runs)
    # "But" opens the sentence and names nothing; the name gets four words either side
    assert [text[s:e] for s, e in parts] == ["lasted all winter, worried Mayor Ines Duarte of Brackwater greatly."]
    far = "Ada Brook spoke first, and after a very long pause in the crowded hall the vote went to Omar Tell."
    assert [far[s:e] for s, e in ner.windows(far, 0, len(far), ner.proper_runs(far, 0, len(far)))] == [
        "Ada Brook spoke first, and after",
        "the vote went to Omar Tell.",
    ]


def test_ner_on_windows_finds_the_names_it_finds_in_the_whole_sentence() -> None:
    from claimkit.extractors.rules.sources import entities as ner

    text = (
        "After a long meeting on Tuesday evening, the finance committee chaired by Helen Okafor voted to close "
        "two libraries, and the union's regional secretary, Tom Barker, said members in Eastfield would strike."
    )
    found = {(e.text, e.label) for e in ner.entities(text, [(0, len(text))])}
    whole = ner._ner()(text)
    assert {(e.text, e.label_) for e in whole.ents if e.label_ in ner.LABELS} <= found
    assert "Tom Barker" in {t for t, label in found if label == "PERSON"}


@pytest.mark.parametrize(
    ("text", "content", "not_name"),
    [
        (
            "Dunmore county council said the ferry would run twice a day. "
            "The state said it would not pay for a second boat.",
            "it would not pay",
            "Dunmore county council",
        ),
        (
            "The Harbour Board said the pier would close for a month. "
            "The union said its members would refuse the extra shifts.",
            "its members would refuse",
            "Harbour Board",
        ),
        (
            "Kelso University said the lecture halls were safe. "
            "The hospital said two students had been treated for fumes.",
            "two students had been treated",
            "Kelso University",
        ),
    ],
)
def test_a_description_is_not_a_body_of_another_kind(extractor: RuleExtractor, text: str, content: str, not_name: str) -> None:
    c = _by_content(_claims(extractor, text), content)
    assert c.source is not None and c.source.name != not_name
    assert c.source.resolved_from is None


def test_the_government_may_be_its_ministry(extractor: RuleExtractor) -> None:
    text = (
        "The Ministry of Health announced a new vaccine drive on Monday. "
        "The government said clinics would open on Sundays."
    )
    c = _by_content(_claims(extractor, text), "clinics would open")
    assert c.source is not None and c.source.name == "Ministry of Health"


@pytest.mark.parametrize(
    ("text", "content", "statement"),
    [
        (
            "The referee said the pitch was waterlogged and that the match would be replayed on Tuesday.",
            "the pitch was waterlogged",
            "The pitch was waterlogged and the match would be replayed on Tuesday.",
        ),
        (
            "A hospital spokeswoman said the ward had reopened, but that its visiting hours were still short.",
            "the ward had reopened",
            "The ward had reopened, but its visiting hours were still short.",
        ),
        (
            "The auditor said rents had risen and that figure would grow.",
            "rents had risen",
            "Rents had risen and that figure would grow.",
        ),
    ],
)
def test_statement_drops_the_that_of_a_second_reported_clause(extractor: RuleExtractor, text: str, content: str, statement: str) -> None:
    assert _by_content(_claims(extractor, text), content).statement == statement


def test_a_body_named_only_by_a_description_is_an_antecedent(extractor: RuleExtractor) -> None:
    text = (
        "Cod stocks in the northern fjords have fallen by a third, the regional fishermen's federation said on Monday. "
        "The federation estimated that forty boats would stay in port this winter."
    )
    c = _by_content(_claims(extractor, text), "forty boats")
    assert c.source is not None and c.source.name == "regional fishermen's federation" and c.source.kind == "organization"


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        ("Roads will ice over by dawn, according to the national weather service.", "Roads will ice over", "government"),
        ("The city hospital said two patients had been discharged.", "two patients", "organization"),
        ("The regional broadcaster said the debate would go ahead.", "the debate", "media"),
    ],
)
def test_a_described_body_has_its_kind(extractor: RuleExtractor, text: str, content: str, kind: str) -> None:
    c = _by_content(_claims(extractor, text), content)
    assert c.source is not None and c.source.kind == kind


def test_a_description_followed_by_a_participle_is_still_the_description(extractor: RuleExtractor) -> None:
    text = (
        "Engineers at the Marrow Coastal Laboratory said the sea wall was sound. "
        "A survey the laboratory published last spring found that erosion had doubled since 2010."
    )
    c = _by_content(_claims(extractor, text), "erosion had doubled")
    assert c.source is not None and c.source.name == "Marrow Coastal Laboratory"


def test_a_name_with_a_who_clause_is_a_person(extractor: RuleExtractor) -> None:
    text = "Teodor Vasko, who farms goats near the border, said his herd had doubled."
    c = _by_content(_claims(extractor, text), "his herd")
    assert c.source is not None and c.source.kind == "person"
    assert c.statement == "Teodor Vasko's herd had doubled."


def test_a_described_body_stands_for_its_it_in_the_statement(extractor: RuleExtractor) -> None:
    text = "The fisheries ministry said it was reviewing the quotas."
    c = _by_content(_claims(extractor, text), "it was reviewing")
    assert c.statement == "The fisheries ministry was reviewing the quotas."


def test_an_unnamed_relation_leaves_the_pronoun_a_representative_speaks_for_the_possessor(extractor: RuleExtractor) -> None:
    text = (
        "Idris Okoro was charged with fraud on Monday. His solicitor said he would plead not guilty. "
        "Nell Garvey lost her barn in the fire. Her sister said she had seen the smoke from the road."
    )
    cands = _claims(extractor, text)
    assert _by_content(cands, "he would plead").statement == "Idris Okoro would plead not guilty."
    assert _by_content(cands, "she had seen").statement == "She had seen the smoke from the road."


def test_a_company_s_first_name_alone_is_the_company_and_the_union_is_not_it(extractor: RuleExtractor) -> None:
    text = (
        "Corvane Ferries will drop its winter crossings, the operator said on Monday. "
        "Corvane's chief executive, Ada Lind, said the company could not afford the crew's demands. "
        "The union said those figures were wrong."
    )
    cands = _claims(extractor, text)
    assert _by_content(cands, "the company could not").statement == "Corvane Ferries could not afford the crew's demands."
    union = _by_content(cands, "those figures")
    assert union.source is not None and union.source.name != "Corvane Ferries"


def test_a_described_body_speaks_of_itself_by_its_description(extractor: RuleExtractor) -> None:
    text = "Lisa Grant of Holloway University spoke first. The fisheries ministry said it had no plans to close the port."
    c = _by_content(_claims(extractor, text), "it had no plans")
    assert c.statement == "The fisheries ministry had no plans to close the port."


def test_the_trust_is_the_trust_named_before(extractor: RuleExtractor) -> None:
    text = (
        "According to the Harrow Heritage Trust, a charity, the mill roof is unsafe. "
        "The trust said repairs would take two years."
    )
    c = _by_content(_claims(extractor, text), "repairs would take")
    assert c.source is not None and c.source.name == "Harrow Heritage Trust" and c.source.kind == "organization"
