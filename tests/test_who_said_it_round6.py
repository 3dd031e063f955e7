"""Who said what, from a fact-checker's read of new articles (round 6: a central
bank's rate decision, a trade delegation, a drug trial, a wildfire): each
category fixed there is tested here on sentences of other domains (transport,
schools, courts, museums, weather, housing), written for these tests."""

from __future__ import annotations

import pytest

from claimkit import extract_claims
from claimkit.model import Claim
from dated_claims import attributed as _attributed
from dated_claims import one as _one


def _under_headline(headline: str, body: str, start: str) -> Claim:
    """The attributed record whose content starts with ``start``, of an article with a headline and a date line."""
    text = f"{headline}\n\nMonday, May 4, 2026\n\n{body}\n"
    return next(c for c in extract_claims(text, doc_id="t") if c.mode != "unattributed" and c.content.text.startswith(start))


# --------------------------------------------------------------- bodies and their kinds
def test_a_nations_government_is_its_own_source_not_the_council_named_before() -> None:
    text = (
        "Council leader Anne Roux welcomed the tram plan. The French government, which pays for half of it, "
        "said the line would open in 2029. A spokeswoman said ministers saw it as a model for other cities."
    )
    government = _one(text, "the line would open")
    assert government.source is not None and (government.source.name, government.source.kind) == ("French government", "government")
    spokeswoman = _one(text, "ministers saw it")
    assert spokeswoman.source is not None and spokeswoman.source.name == "French government"


@pytest.mark.parametrize(
    ("text", "start", "name", "kind"),
    [
        ("Age UK said pensioners were cutting back on heating.", "pensioners", "Age UK", "organization"),
        ("South Korea said the talks had broken down.", "the talks", "South Korea", "government"),
        ("Mexico City said the water would be back on by Friday.", "the water", "Mexico City", "government"),
    ],
)
def test_a_body_named_after_a_country_is_no_government_but_the_country_is(text: str, start: str, name: str, kind: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, kind)


def test_the_charity_is_the_body_named_before_whatever_its_name_holds() -> None:
    text = "The Trussell Trust said food bank use had doubled. The charity warned that more families would need help this winter."
    claim = _one(text, "more families")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("Trussell Trust", "organization")


def test_the_national_forecaster_is_the_weather_service_not_a_person() -> None:
    named = "The Met Office issued a yellow warning for wind. The national forecaster said gusts could reach 70mph on the coast."
    claim = _one(named, "gusts could reach")
    assert claim.source is not None and claim.source.name == "Met Office"
    alone = _one("Gusts could reach 70mph on the coast, the national forecaster said.", "Gusts could reach")
    assert alone.source is not None and alone.source.kind == "government"


def test_a_municipality_is_a_public_body() -> None:
    claim = _one("Bins will be collected a day late next week, the municipality said.", "Bins will")
    assert claim.source is not None and claim.source.kind == "government"


def test_a_headlines_bare_noun_is_the_body_the_article_names_so() -> None:
    body = "Season tickets will cost 5 percent more from March, Northvale Trains said on Monday. The operator said its energy bill had doubled."
    headline = _under_headline("Rail fares to rise 5 percent in March, operator says", body, "Rail fares")
    assert headline.source is not None and (headline.source.name, headline.source.kind) == ("Northvale Trains", "organization")
    assert headline.source.mention is not None and headline.source.mention.text == "operator"


# --------------------------------------------------------------- people
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        (
            "The school board approved the cuts on Tuesday. Three governors voted against them. "
            "They said the music department would not survive.",
            "the music department",
            "Three governors",
        ),
        (
            "Tenants were moved to a hotel after the fire. Some of them said they had lost everything.",
            "they had lost",
            "Some of the tenants",
        ),
    ],
)
def test_they_is_the_people_of_the_subject_before_not_a_body_further_back(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.name == name and claim.source.kind == "group"


def test_a_number_of_people_is_named_by_the_whole_phrase() -> None:
    claim = _one("Two of the five judges said the law was unclear.", "the law")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("Two of the five judges", "group")


def test_a_family_name_written_first_is_found_after_a_title() -> None:
    text = "The talks were chaired by Zhang Weiming, the trade envoy. Mr Zhang said both sides wanted a deal by June."
    claim = _one(text, "both sides")
    assert claim.source is not None and claim.source.name == "Zhang Weiming"


def test_a_role_described_first_is_the_person_named_with_it_next() -> None:
    text = (
        "The museum reopened on Saturday, and its director promised that entry would be free for a month. "
        "Director Paula Mendes said visitor numbers had doubled since the spring."
    )
    first = _one(text, "entry would be free")
    assert first.source is not None and (first.source.name, first.source.kind) == ("Paula Mendes", "person")


def test_the_opposition_can_accuse() -> None:
    claim = _one("The mayor defended the budget. The opposition accused her of hiding the cost of the stadium.", "her of hiding")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("opposition", "organization")


# --------------------------------------------------------------- contents and statements
def test_that_as_the_subject_of_the_reported_clause_stays() -> None:
    claim = _one("Tenants' groups say that is far too little.", "that is")
    assert claim.statement == "That is far too little."


def test_a_second_that_before_a_number_is_dropped_from_the_statement() -> None:
    claim = _one("The council said repairs were under way, and that about 300 homes were still without heating.", "repairs")
    assert claim.statement == "Repairs were under way, and about 300 homes were still without heating."


def test_a_place_in_the_statement_stays_a_place() -> None:
    text = "Dundee city council said it would bid for the games. Its leader said hotels in the city were already full."
    claim = _one(text, "hotels")
    assert claim.statement is not None and "in the city" in claim.statement


@pytest.mark.parametrize(
    ("text", "start", "statement"),
    [
        ("Forecasters expect the river to peak on Sunday.", "the river", "The river will peak on Sunday."),
        ("The union expected about 2,000 members to join the march.", "about 2,000", "About 2,000 members would join the march."),
    ],
)
def test_what_is_expected_reads_as_a_clause(text: str, start: str, statement: str) -> None:
    assert _one(text, start).statement == statement


def test_a_closing_the_minutes_show_is_a_document_source() -> None:
    claims = _attributed("Two members wanted an immediate cut of a quarter of a point, the minutes show.")
    claim = next(c for c in claims if c.content.text.startswith("Two members"))
    assert claim.source is not None and claim.source.kind == "document" and claim.cue is not None


# --------------------------------------------------------------- round 6, second batch (a mine, a strike, a dig, a merger)
def test_the_firm_is_no_public_executive_and_its_name_without_ltd_is_the_firm() -> None:
    text = (
        "Harrowgate Freight Ltd said it was working with the Road Safety Executive. The firm said the lorries were safe. "
        "Harrowgate Freight denied that any driver had broken the rules."
    )
    firm = _one(text, "the lorries")
    assert firm.source is not None and (firm.source.name, firm.source.kind) == ("Harrowgate Freight Ltd", "organization")
    short = _one(text, "any driver")
    assert short.source is not None and (short.source.name, short.source.kind) == ("Harrowgate Freight Ltd", "organization")


def test_the_company_in_a_statement_is_no_union() -> None:
    text = (
        "Greyfield Buses Ltd runs the route. The Transport Workers Union said it had warned about the brakes. "
        "Its secretary, Ann Cole, claimed the company had ignored the warnings."
    )
    assert _one(text, "the company had ignored").statement == "Greyfield Buses Ltd had ignored the warnings."


def test_a_second_that_before_an_abstract_noun_is_dropped() -> None:
    claim = _one("The head teacher said the roof had been repaired and that safety was never at risk.", "the roof")
    assert claim.statement == "The roof had been repaired and safety was never at risk."


def test_a_request_to_somebody_has_no_statement() -> None:
    claim = _one("The minister has asked inspectors to visit every care home by June.", "inspectors")
    assert claim.statement is None


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The Hotels and Restaurants Employers Federation said prices would rise.", "Hotels and Restaurants Employers Federation", "organization"),
        ("The National Union of Teachers said its members would strike.", "National Union of Teachers", "organization"),
    ],
)
def test_a_bodys_name_holding_and_or_its_people_is_one_organisation(text: str, name: str, kind: str) -> None:
    claim = _attributed(text)[0]
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, kind)


def test_they_in_what_plural_people_said_is_those_people() -> None:
    claim = _one("The teachers' union backed the change, but some pupils said they were bored by the new timetable.", "they were bored")
    assert claim.statement == "Some pupils were bored by the new timetable."


def test_the_public_body_is_the_body_named_before() -> None:
    claim = _one("Natural England said the heath would be closed. The public body added that fires had damaged the nests.", "fires")
    assert claim.source is not None and claim.source.name == "Natural England"


def test_a_body_described_in_the_lede_is_the_one_named_next() -> None:
    body = (
        "The rail regulator has fined Northvale Trains 2 million pounds, saying punctuality had collapsed.\n\n"
        "The Office of Rail and Road said on Monday that a third of trains were late."
    )
    claim = _under_headline("Fine for late trains", body, "punctuality")
    assert claim.source is not None and claim.source.name == "Office of Rail and Road"


def test_parties_named_together_by_shorter_names_are_the_two() -> None:
    text = "A merger of Velbrook Energy and Castor Grid was blocked. Velbrook and Castor said they would appeal."
    claim = _one(text, "they would appeal")
    assert claim.source is not None and claim.source.name == "Velbrook Energy and Castor Grid"


# --------------------------------------------------------------- round 6, third batch (waiting lists, an election, a libel case, a rocket)
def test_a_newspaper_after_the_is_media_and_its_short_name_the_same_entity() -> None:
    claims = _attributed("The Gazette had argued that the story was fair. The Kelso Gazette said it would appeal the ruling.")
    assert {(c.source.name, c.source.kind) for c in claims if c.source is not None} == {("Kelso Gazette", "media")}
    assert len({c.source.entity.id for c in claims if c.source is not None and c.source.entity is not None}) == 1


def test_the_judge_is_the_person_titled_justice() -> None:
    claim = _one("Mr Justice Okafor said the contract was void. The judge found that the firm had misled its customers.", "the firm had misled")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("Okafor", "person")


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("The council relied on the evidence of a former nurse at the care home, who said she had seen residents left alone.", "she had seen", "former nurse"),
        ("The paper quoted a retired pharmacist at the Mill Street clinic, who said the pills were out of date.", "the pills", "retired pharmacist"),
    ],
)
def test_who_stands_for_the_person_before_it_not_a_place_or_body(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.name.endswith(name.split()[-1]) and claim.source.kind == "person"


def test_a_description_with_a_name_in_apposition_is_that_name_not_the_body_described_so_before() -> None:
    text = "The Scottish health board, NHS Tayside, said waiting times had improved. The regional health board, NHS Fife, said it would publish its own figures."
    claim = _one(text, "it would publish")
    assert claim.source is not None and claim.source.name == "NHS Fife"


def test_a_spokesperson_for_a_body_with_a_relative_clause_speaks_for_the_body() -> None:
    claim = _one("A spokeswoman for Ryanair, which flies to the island twice a day, said the flights would continue.", "the flights")
    assert claim.source is not None and claim.source.name == "Ryanair"


def test_closing_official_figures_published_on_a_day_show() -> None:
    claim = _one("Rents rose by 9 percent in the year to June, official figures released on Wednesday show.", "Rents rose")
    assert claim.source is not None and claim.source.kind == "document" and claim.source.name == "official figures"


def test_a_service_is_not_the_country_named_before() -> None:
    claim = _one("Fewer beds were free in Wales, according to Health Wales Trust. The ambulance service said calls had doubled.", "calls")
    assert claim.source is not None and claim.source.name != "Wales"


def test_a_bare_spokesperson_speaks_for_the_body_that_spoke_not_a_country_in_what_it_said() -> None:
    text = "The Dutch government, which paid for the study, said exports to Brazil had doubled. A spokeswoman said ministers expected more growth."
    claim = _one(text, "ministers expected")
    assert claim.source is not None and claim.source.name == "Dutch government"


# --------------------------------------------------------------- round 6, fourth batch (a rent cap, an ocean current, a transfer)
def test_he_after_a_quotation_is_the_speaker_not_a_name_inside_the_quotation() -> None:
    text = (
        'Head coach Alan Reid said the squad was tired. "We will miss Tomas, and so will the fans," he said. '
        "He added that two new players would arrive this week."
    )
    quoted = next(c for c in _attributed(text) if c.mode == "direct")
    assert quoted.source is not None and quoted.source.name == "Alan Reid"
    added = _one(text, "two new players")
    assert added.source is not None and added.source.name == "Alan Reid"


def test_a_body_described_after_a_comma_with_a_possessive_is_an_organisation() -> None:
    claim = _one("Acorn Renters, a tenants' union, said rents should be frozen.", "rents")
    assert claim.source is not None and claim.source.kind == "organization"


def test_the_team_is_the_researchers_named_before() -> None:
    text = "Researchers at the University of Bergen counted the seabirds. The team said numbers had halved since 2000."
    claim = _one(text, "numbers")
    assert claim.source is not None and claim.source.name == "Researchers at the University of Bergen" and claim.source.kind == "group"


def test_a_headlines_bare_role_is_the_person_the_article_gives_that_title() -> None:
    body = "Chairman Rob Ellison said the trust could no longer pay for repairs."
    headline = _under_headline("Trust sells seaside pier to developer, chairman admits", body, "Trust sells")
    assert headline.source is not None and (headline.source.name, headline.source.kind) == ("Rob Ellison", "person")
