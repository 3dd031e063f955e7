"""Who said what, from a fact-checker's read of new articles (round 5: a baby
food recall first): each category fixed there is tested here on sentences of
other domains (ports, schools, football, energy, farming, theatre), written
for these tests."""

from __future__ import annotations

import pytest

from dated_claims import attributed as _attributed
from dated_claims import one as _one


# --------------------------------------------------------------- parties named together
@pytest.mark.parametrize(
    ("text", "start", "name", "kind", "statement"),
    [
        (
            "Ferry services were cancelled on Monday. Norlink and Baltic Lines said they would refund every passenger.",
            "they would refund",
            "Norlink and Baltic Lines",
            "organization",
            "Norlink and Baltic Lines would refund every passenger.",
        ),
        (
            "The Kelvale Water Company admitted the leak. The Environment Agency opened an inquiry. "
            "The agency and the company both say they acted within the hour.",
            "they acted",
            "Environment Agency and Kelvale Water Company",
            "",
            "Environment Agency and Kelvale Water Company acted within the hour.",
        ),
    ],
)
def test_parties_named_together_are_the_source_together_and_their_they(text: str, start: str, name: str, kind: str, statement: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.name == name
    assert not kind or claim.source.kind == kind
    assert claim.statement == statement


def test_a_shop_named_in_the_possessive_beside_another_is_a_firm_and_stays_one() -> None:
    text = (
        "Garden centres were told to stop selling the compost. Hollin's and Verdana said they had cleared their stock. "
        "Verdana added that customers could return opened bags."
    )
    together = _one(text, "they had cleared")
    assert together.source is not None and (together.source.name, together.source.kind) == ("Hollin's and Verdana", "organization")
    alone = _one(text, "customers could return")
    assert alone.source is not None and (alone.source.name, alone.source.kind) == ("Verdana", "organization")


def test_one_name_with_and_inside_it_is_one_source() -> None:
    claim = _one("The Ministry of Culture and Tourism said the festival would go ahead.", "the festival")
    assert claim.source is not None and claim.source.name.endswith("Culture and Tourism")


def test_a_description_is_not_the_parties_named_together_before_it() -> None:
    text = (
        "Arden Energy and Solwind said they would share the cable. "
        "The company said the cable would be finished in 2028."
    )
    claim = _one(text, "the cable would be finished")
    assert claim.source is not None and " and " not in claim.source.name


# --------------------------------------------------------------- a descriptor straight before the name
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("Parents' group Safe Steps criticised the delay and said the school had known for months.", "the school had known", "Safe Steps"),
        ("Tenants' association Oakfield Voice said the rents were unfair.", "the rents", "Oakfield Voice"),
    ],
)
def test_a_descriptor_noun_straight_before_a_name_names_the_name(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.name == name


# --------------------------------------------------------------- verbs that report only with a clause
@pytest.mark.parametrize(
    "sentence",
    [
        "Carmaker Ostrel recalls 12,000 vans over faulty brakes",
        "The toy company recalled 40,000 teddy bears last week.",
        "The government recalled its ambassador on Friday.",
    ],
)
def test_recalling_goods_or_an_envoy_is_no_attribution(sentence: str) -> None:
    assert not _attributed(sentence)


def test_recall_with_a_clause_still_reports() -> None:
    claim = _one("The lock keeper recalled that the water had risen two metres in an hour.", "the water had risen")
    assert claim.cue is not None and claim.cue.mention.text == "recalled"


# --------------------------------------------------------------- a body the article only describes
@pytest.mark.parametrize(
    ("text", "start", "name", "kind"),
    [
        (
            "The regional water regulator has fined two suppliers for leaks. The regulator said the fines would rise next year.",
            "the fines would rise",
            "regional water regulator",
            "government",
        ),
        (
            "A local housing charity has opened a shelter in the old library. The charity said demand had doubled since May.",
            "demand had doubled",
            "local housing charity",
            "organization",
        ),
    ],
)
def test_a_description_with_no_name_before_it_is_the_fuller_description(text: str, start: str, name: str, kind: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, kind)


def test_a_news_agency_described_so_stays_media() -> None:
    text = "A state news agency published the figures on Monday. The agency said exports had fallen by a tenth."
    claim = _one(text, "exports had fallen")
    assert claim.source is not None and claim.source.kind == "media"


# --------------------------------------------------------------- a person's descriptor before the name
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("The world champion Maya Lindqvist said the course was too dangerous.", "the course", "Maya Lindqvist"),
        ("Local historian Tobias Grell said the bridge was older than the church.", "the bridge", "Tobias Grell"),
    ],
)
def test_a_common_noun_before_a_two_word_name_makes_it_a_person(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, "person")


# --------------------------------------------------------------- where, not what
@pytest.mark.parametrize(
    "text",
    [
        "In a post on social media, the striker said he would stay at the club.",
        "In an interview on local radio, the headteacher said the school would reopen.",
    ],
)
def test_a_post_on_a_platform_is_where_the_message_went_not_a_record(text: str) -> None:
    claims = _attributed(text)
    assert claims and all(c.cue is not None and c.cue.mention.text == "said" for c in claims)


# --------------------------------------------------------------- a topic is no statement
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The farmer denies wrongdoing.", "wrongdoing"),
        ("The union criticised the decision to close the depot.", "the decision"),
    ],
)
def test_a_content_that_is_only_a_noun_phrase_gets_no_statement(text: str, start: str) -> None:
    claim = _one(text, start)
    assert claim.statement is None


def test_a_clause_content_still_gets_its_statement() -> None:
    claim = _one("The union said the depot would close in June.", "the depot")
    assert claim.statement == "The depot would close in June."


# --------------------------------------------------------------- a name the parser split
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("Harwick Rail said it was disappointed by the ruling.", "it was disappointed", "Harwick Rail"),
        ("Harwick Rail said it would appeal. Harwick disputes that the trains were late.", "the trains were late", "Harwick Rail"),
        ("Bramley Trains said it was disappointed by the ruling.", "it was disappointed", "Bramley Trains"),
        ("Riverside Coaches said it would appeal. Riverside disputes those figures.", "those figures", "Riverside Coaches"),
    ],
)
def test_a_company_name_the_parser_splits_is_one_source(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, "organization")


def test_an_it_after_a_company_named_by_its_first_word_is_the_company() -> None:
    text = (
        "Harwick Rail said it would appeal. The inspectors' union welcomed the ruling. "
        "Harwick disputes those figures. It says the timetable was agreed with the union in 2023."
    )
    claim = _one(text, "the timetable was agreed")
    assert claim.source is not None and claim.source.name == "Harwick Rail"


# --------------------------------------------------------------- no message
@pytest.mark.parametrize(
    "text",
    [
        "Teachers have been offered a 4 percent rise.",
        "Patients were given a new appointment.",
    ],
)
def test_a_thing_given_by_nobody_named_is_no_attribution(text: str) -> None:
    assert not _attributed(text)


def test_a_relative_clause_said_of_a_noun_stands_on_the_noun() -> None:
    claim = _one("Nurses have been offered a 4 percent rise, which the union says is far below inflation.", "which")
    assert claim.statement == "A 4 percent rise is far below inflation."


def test_according_to_after_a_clause_reports_that_clause_not_the_next() -> None:
    text = "Many cleaners work two jobs, according to the union, and most of them are paid the minimum wage."
    claim = _one(text, "Many cleaners")
    assert claim.content.text == "Many cleaners work two jobs"


def test_their_after_a_town_is_not_the_town() -> None:
    claim = _one("Nurses in Dunmore will strike on Friday, their union said.", "Nurses")
    assert claim.source is not None and "Dunmore" not in claim.source.name


def test_an_unanswered_question_ends_the_content_before_it() -> None:
    text = "The manager added that the depot would reopen in May, although she could not say how many jobs would return."
    claim = _one(text, "the depot")
    assert claim.content.text == "the depot would reopen in May"


# --------------------------------------------------------------- a body calls itself "it"
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("Pellam Digital said it was cooperating fully with the council.", "it was cooperating", "Pellam Digital"),
        ("Tarbert Analytics said it had warned the hospital twice.", "it had warned", "Tarbert Analytics"),
    ],
)
def test_a_name_whose_content_calls_it_it_is_an_organisation(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, "organization")


def test_a_person_saying_it_stays_a_person() -> None:
    claim = _one("Maria Lopez said it was too early to judge the scheme.", "it was too early")
    assert claim.source is not None and claim.source.kind == "person"


# --------------------------------------------------------------- documents, titles, couples
@pytest.mark.parametrize(
    ("text", "start", "kind"),
    [
        ("An independent review has found that the ward was understaffed for a year.", "the ward", "document"),
        ("An audit of the school's accounts found that 40,000 pounds could not be traced.", "40,000 pounds", "document"),
    ],
)
def test_a_review_or_an_audit_that_finds_is_a_document(text: str, start: str, kind: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.kind == kind


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("The inquiry was chaired by Dr Helen Achebe. Dr Achebe told reporters that the checks had been skipped.", "the checks", "Helen Achebe"),
        ("The local MP, Daniel Okoro, said the closure was a betrayal.", "the closure", "Daniel Okoro"),
    ],
)
def test_a_title_makes_a_person(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, "person")


def test_a_couple_speaks_together_and_mr_is_the_husband() -> None:
    text = (
        "Peter and Anna Whitfield, whose shop was flooded, said they would not reopen. "
        '"We have lost everything," Mr Whitfield said.'
    )
    together = _one(text, "they would not reopen")
    assert together.source is not None and (together.source.name, together.source.kind) == ("Peter and Anna Whitfield", "group")
    assert together.statement == "Peter and Anna Whitfield would not reopen."
    quote = _one(text, '"We have lost')
    assert quote.source is not None and quote.source.name == "Peter Whitfield"


def test_recalling_a_memory_stays_an_attribution_as_polnear_marks_it() -> None:
    claims = _attributed("The retired teacher recalled long summers on her grandfather's farm.")
    assert [c.cue.mention.text for c in claims if c.cue is not None] == ["recalled"]


# --------------------------------------------------------------- described subjects, parts of bodies, "one of them"
def test_an_it_after_a_described_body_as_subject_is_that_body() -> None:
    text = (
        "Harlow Ferries said on Monday that the crossing would close. Passengers were angry. "
        "The company denies this. It said the timetable had been published in March."
    )
    claim = _one(text, "the timetable had been published")
    assert claim.source is not None and claim.source.name == "Harlow Ferries"


def test_a_branch_of_a_charity_is_an_organisation_and_its_it() -> None:
    text = (
        "Save Kelvin Park, a local branch of the wildlife trust, claimed that the council had ignored the survey. "
        "It is calling for the plans to be withdrawn."
    )
    first, second = _one(text, "the council had ignored"), _one(text, "the plans")
    assert first.source is not None and (first.source.name, first.source.kind) == ("Save Kelvin Park", "organization")
    assert second.source is not None and second.source.name == "Save Kelvin Park"


def test_one_of_them_is_one_of_the_group_that_spoke() -> None:
    text = (
        "Three nurses who worked on the ward said the alarms were often ignored. "
        "One of them said a patient had waited an hour for help."
    )
    claim = _one(text, "a patient had waited")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("One of three nurses", "person")


def test_figures_are_a_document_and_another_voice_ends_the_account() -> None:
    text = (
        "Ticket sales have fallen by a third, according to figures seen by the Gazette. "
        "The theatre blames the roadworks outside."
    )
    claim = _one(text, "Ticket sales")
    assert claim.source is not None and claim.source.kind == "document"
    assert not any(c.continues is not None for c in _attributed(text))


# --------------------------------------------------------------- spokespeople speak for their body
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("A spokeswoman for the rival carrier Fenwick Air said it was reviewing the contract.", "it was reviewing", "Fenwick Air"),
        (
            "Dunmore Water said the leak had been fixed. The company had acted within an hour, a spokesman said.",
            "The company had acted",
            "Dunmore Water",
        ),
    ],
)
def test_an_unnamed_spokesperson_speaks_for_the_body(text: str, start: str, name: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.name == name and claim.source.kind == "organization"


def test_she_after_a_spokeswoman_is_the_body_too() -> None:
    text = (
        "Dunmore Water said the leak had been fixed. The company had acted within an hour, a spokeswoman said. "
        "She added that customers would get a refund."
    )
    claim = _one(text, "customers would get")
    assert claim.source is not None and claim.source.name == "Dunmore Water"


def test_a_named_spokeswoman_stays_a_person() -> None:
    claim = _one("Its spokeswoman, Hannah Reilly, said the trust would appeal.", "the trust would appeal")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("Hannah Reilly", "person")


# --------------------------------------------------------------- small fixes from the same read
def test_it_is_too_early_to_say_keeps_its_it() -> None:
    claim = _one("The inspector said it was too early to say whether the fire was deliberate.", "it was too early")
    assert claim.statement is not None and claim.statement.startswith("It was too early")


def test_a_given_name_and_a_family_name_that_is_a_company_word_is_a_person() -> None:
    claim = _one("Julie Banks, who was due to fly to Malaga, said staff had no idea when flights would resume.", "staff had")
    assert claim.source is not None and claim.source.kind == "person"


def test_the_airport_after_a_place_and_airport_is_that_airport() -> None:
    text = "Flights were cancelled at Dunholm airport on Monday. The airport said 40 departures had been affected."
    claim = _one(text, "40 departures")
    assert claim.source is not None and claim.source.name == "Dunholm airport"


# --------------------------------------------------------------- "which", "former", "were told"
def test_a_name_followed_by_which_is_no_person() -> None:
    text = (
        "Thousands of parcels were delayed after a fault at the courier Parcelwise, which delivers for 300 shops. "
        "The company said the fault had been fixed. Its chief executive said the company would refund every fee."
    )
    claim = _one(text, "the fault had been fixed")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("Parcelwise", "organization")
    refund = _one(text, "the company would refund")
    assert refund.statement == "Parcelwise would refund every fee."


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("A former regulator said the rules had failed.", "the rules had failed"),
        ("A retired judge said the sentence was too lenient.", "the sentence"),
    ],
)
def test_a_former_holder_of_a_post_is_a_person(text: str, start: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.kind == "person"


def test_the_addressee_of_were_told_is_not_the_speaker() -> None:
    text = "Cafes reported long queues as customers were told to pay in cash."
    told = [c for c in _attributed(text) if c.cue is not None and c.cue.mention.text == "were told"]
    assert all(c.source is None or c.source.kind == "unnamed" for c in told)


def test_they_and_the_two_groups_after_two_bodies_named_together_are_both() -> None:
    text = (
        "The Fishermen's Federation and the Coastal Anglers Trust said in a joint statement that stocks had collapsed. "
        'They urged ministers to close the bay. "This is the last chance," the two groups said.'
    )
    joint = "Fishermen's Federation and Coastal Anglers Trust"
    said = _one(text, "\"This is the last chance")
    assert said.source is not None and said.source.name == joint
    they = next(c for c in _attributed(text) if c.source is not None and c.source.mention is not None and c.source.mention.text == "They")
    assert they.source is not None and they.source.name == joint


def test_an_object_found_by_someone_is_no_finding() -> None:
    assert not _attributed("The coins were found by a dog walker in 2021 and bought by the county museum.")


def test_a_study_that_found_a_clause_still_reports() -> None:
    claim = _one("The study was found to have overstated the benefits, according to the journal.", "The study was found")
    assert claim.cue is not None


def test_described_x_as_y_gets_no_statement() -> None:
    claim = _one('The curator described the painting as "a national treasure".', "the painting")
    assert claim.statement is None


# --------------------------------------------------------------- from the games-studio read
def test_a_company_by_its_first_word_after_a_descriptor_introduced_it() -> None:
    text = (
        "The software maker Brightwell Systems is to cut 200 jobs.\n\n"
        "The city council said it was disappointed by the news.\n\n"
        "Brightwell said it would publish its results next month."
    )
    claim = _one(text, "it would publish")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("Brightwell Systems", "organization")
    assert claim.statement == "Brightwell Systems would publish its results next month."


def test_they_after_analysts_is_the_analysts_and_ends_their_content() -> None:
    text = "Analysts at Norcross Capital said the merger could save 40 million pounds, although they warned that the deal might be blocked."
    saved = _one(text, "the merger could save")
    assert saved.content.text == "the merger could save 40 million pounds"
    warned = _one(text, "the deal might be blocked")
    assert warned.source is not None and warned.source.name.startswith("Analysts")


def test_called_x_y_gets_no_statement() -> None:
    claim = _one('The union leader called the offer "an insult".', "the offer")
    assert claim.statement is None


def test_another_after_one_developer_is_another_developer() -> None:
    text = (
        "One nurse, who did not want to be named, said the ward had been short of staff for months. "
        "Another said patients had waited hours for pain relief."
    )
    claim = _one(text, "patients had waited")
    assert claim.source is not None and (claim.source.name, claim.source.kind) == ("Another nurse", "person")


def test_people_from_a_body_are_named_with_it_and_a_road_is_no_company() -> None:
    text = (
        "Surveyors from the consultancy Marsh Grove, which inspected the tunnel, said the lining had failed. "
        "Lorries will be diverted via the M62, according to the operator, Pennine Freight. "
        "The company said it would add drivers at night."
    )
    surveyors = _one(text, "the lining had failed")
    assert surveyors.source is not None and surveyors.source.name == "Surveyors from Marsh Grove"
    company = _one(text, "it would add drivers")
    assert company.source is not None and company.source.name == "Pennine Freight"


# --------------------------------------------------------------- from the cycle-lanes read
def test_a_point_that_goes_on_after_she_said_but_is_hers() -> None:
    text = "The plan had merits, she said, but the ministry should have consulted the farmers first."
    claim = _one(text, "The plan had merits")
    assert claim.content.text.endswith("consulted the farmers first")
    assert claim.statement == "The plan had merits, but the ministry should have consulted the farmers first."


def test_accused_x_of_y_gets_no_statement() -> None:
    accused = _one('The tenants accused the landlord of "ignoring the damp".', "the landlord")
    assert accused.statement is None


# --------------------------------------------------------------- from the flu-vaccine read
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The operator said a fault at a signal box near Crewe had delayed 40 trains.", "a fault at a signal box"),
        ("The union said about one in four of its members at the plant had lost overtime.", "about one in four"),
    ],
)
def test_a_subject_the_parser_hangs_on_the_cue_stays_in_the_content(text: str, start: str) -> None:
    claim = _one(text, start)
    assert claim.content.text.startswith(start)


def test_it_after_a_body_that_spoke_is_that_body_not_a_name_in_its_words() -> None:
    text = (
        "The Wessex Water Authority said there was no leak and that Bramley Reservoir Trust had checked the dam. "
        "It urged people to stay at home if they had symptoms."
    )
    claim = next(c for c in _attributed(text) if c.source is not None and c.source.mention is not None and c.source.mention.text == "It")
    assert claim.source is not None and claim.source.name == "Wessex Water Authority"


def test_a_college_named_of_something_is_a_body() -> None:
    claim = _one("The Royal College of Nurses said staffing was at a record low.", "staffing")
    assert claim.source is not None and claim.source.kind != "person"


# --------------------------------------------------------------- from the village-libraries read
def test_a_body_named_after_two_places_is_one_body() -> None:
    text = (
        "Avon and Somerset Police said the road would reopen on Monday. "
        "The force said it had made two arrests."
    )
    first = _one(text, "the road would reopen")
    assert first.source is not None and (first.source.name, first.source.kind) == ("Avon and Somerset Police", "government")
    assert all(c.source is not None and " and " in c.source.name for c in _attributed(text))


def test_campaigners_are_a_group() -> None:
    claim = _one("Library campaigners say volunteer-run branches often close within five years.", "volunteer-run")
    assert claim.source is not None and claim.source.kind == "group"


def test_a_shop_spokesman_speaks_for_the_shop_and_a_place_in_a_relative_clause_is_not_the_source() -> None:
    shop = _one("A Boots spokesman said the stores had enough stock.", "the stores had")
    assert shop.source is not None and (shop.source.name, shop.source.kind) == ("Boots", "organization")
    text = "Kestrel Zoo said it was sorry. The breeding programme that placed the bears at Kestrel said it would review the move."
    claim = _one(text, "it would review")
    assert claim.source is not None and "Kestrel" not in claim.source.name
