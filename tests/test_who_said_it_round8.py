"""Who said what, from a fact-checker's read of new articles (round 8: a Wikinews
report on arms sales read before the last stop, and eight articles written blind
for this round): each category fixed there is tested here on sentences of other
domains, written for these tests."""

from __future__ import annotations

import pytest

from claimkit import extract_claims
from claimkit.model import Claim
from dated_claims import attributed as _attributed
from dated_claims import one as _one


def _records(body: str) -> list[Claim]:
    """Every record, unattributed ones too, of a body under a headline and a date line."""
    return extract_claims(f"Title\n\nMonday, May 4, 2026\n\n{body}\n", doc_id="t")


def _name_kind(claim: Claim) -> tuple[str, str]:
    assert claim.source is not None
    return claim.source.name, claim.source.kind


# ------------------------------------------------------------ titles and roles
def test_a_subjectless_asked_read_as_a_past_tense_is_still_a_question_put_to_the_speaker() -> None:
    # the tagger reads a sentence-opening "Asked" as VBD: no subject, so it is the participle
    text = "Asked what the league must do, the chief executive said that it must cap wages."
    asked = next(c for c in _attributed(text) if c.cue is not None and c.cue.mention.text == "Asked")
    assert asked.source is None or asked.source.kind == "unnamed"


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("Chilean President Rosa Ibarra opened the port on Monday. Later the Chilean President said trade would double.", "trade would", "Rosa Ibarra"),
        ("Governor Dana Whitcombe signed the order. The Governor said schools would close early.", "schools would", "Dana Whitcombe"),
        ("Prime Minister Aldo Ferri met the unions. The Prime Minister said the talks had gone well.", "the talks", "Aldo Ferri"),
    ],
)
def test_a_title_written_with_a_capital_is_the_person_given_that_title(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


def test_a_countrys_leader_is_its_president_or_prime_minister() -> None:
    text = "Slovak Premier Jana Novotna visited the flooded towns. The Slovak leader said aid would arrive by Friday."
    assert _name_kind(_one(text, "aid would")) == ("Jana Novotna", "person")


def test_a_leader_of_something_else_is_not_the_president() -> None:
    text = "President Hal Brandt praised the volunteers. At the fair, the band leader said the crowd was the largest in years."
    claim = _one(text, "the crowd")
    assert claim.source is not None and claim.source.name != "Hal Brandt"


def test_the_prime_minister_is_not_another_minister_named_nearer() -> None:
    text = (
        "Irish Premier Liam Doyle said the budget was fair. In reply, Finance Minister Orla Kane said the deficit would shrink. "
        "The Prime Minister said the figures would be published in June."
    )
    assert _name_kind(_one(text, "the figures")) == ("Liam Doyle", "person")


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("Moravian Premier Tomas Kral accused the bank of hiding losses.", "the bank", "Tomas Kral"),
        ("Ghanaian Trade Minister Kofi Mensah said exports had doubled.", "exports", "Kofi Mensah"),
    ],
)
def test_a_person_named_after_a_nationality_and_a_title_is_a_person(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("A spokesman of the regional transport department, Radu Vlase, said the line would reopen.", "the line", "Radu Vlase"),
        ("The head of the city's water company, Amara Sloane, said supplies were safe.", "supplies", "Amara Sloane"),
    ],
)
def test_a_name_in_apposition_to_a_persons_role_is_that_person(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


def test_he_after_a_person_named_in_apposition_to_a_role_is_that_person() -> None:
    text = (
        "Minister Petr Hora said the convoy had left. A spokesman of the port authority, Radu Vlase, said the ships were late. "
        "He also denied that cargo had been lost."
    )
    assert _name_kind(_one(text, "cargo")) == ("Radu Vlase", "person")


# ---------------------------------------------- round 8's blind articles: names
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("Superintendent Alan Reid told reporters that the road would stay shut.", "the road", "Alan Reid"),
        ("Paramedic Susan Cole said two climbers had been airlifted.", "two climbers", "Susan Cole"),
        ("Colonel Marek Dudek said the bridge had been cleared of mines.", "the bridge", "Marek Dudek"),
        ("Harlow County Treasurer Janet Price said the levy would rise.", "the levy", "Janet Price"),
    ],
)
def test_a_job_or_rank_before_a_persons_name_is_no_part_of_the_name(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


def test_a_place_before_a_name_stays_in_it() -> None:
    claim = _one("St John Ambulance said its crews had treated forty people.", "its crews")
    assert claim.source is not None and claim.source.name == "St John Ambulance"


def test_she_after_her_lawyer_is_never_the_lawyer() -> None:
    text = "The singer lost the case on Friday.\n\nHer lawyer, Callum Birt, said she would appeal to the High Court."
    claim = _one(text, "she would appeal")
    assert claim.statement is not None and "Callum Birt" not in claim.statement


def test_a_closing_it_said_is_the_body_whose_name_holds_an_and() -> None:
    text = (
        "The Department of Roads and Bridges said in a statement that the span at the Kelso crossing had cracked. "
        "Engineers had closed two lanes overnight, it said."
    )
    assert _name_kind(_one(text, "Engineers had"))[0] == "Department of Roads and Bridges"


def test_the_ministry_is_the_ministry_named_not_the_ledes_description() -> None:
    text = (
        "Two ferries were grounded on Monday, a government ministry said.\n\n"
        "The Ministry of Ports and Shipping said in a statement that the ferries had lost power.\n\n"
        "Passengers were taken ashore by lifeboat. The ministry said no one had been hurt."
    )
    assert _name_kind(_one(text, "no one"))[0] == "Ministry of Ports and Shipping"


def test_a_newspaper_named_in_an_aside_is_no_she() -> None:
    text = (
        "A former nurse, who spoke to the Gazette on condition of anonymity, said she had warned managers in 2024. "
        'A manager had told her to "keep quiet", she said.'
    )
    claim = _one(text, "A manager had told")
    assert claim.source is not None and claim.source.name != "Gazette"


def test_according_to_the_report_is_the_report_not_the_body_it_reports_on() -> None:
    text = (
        "The report by the trust's external auditors, Moreton Hale, says nine contracts went to one firm. "
        "According to the report, invoices were signed off by the officer who asked for the work."
    )
    claim = _one(text, "invoices were")
    assert claim.source is not None and claim.source.name != "trust"


@pytest.mark.parametrize(
    ("lede", "named", "start", "name"),
    [
        (
            "Three stations will close next year, the state's transport regulator said on Friday.",
            "The Orvale Rail Authority said in a statement that passenger numbers had halved.",
            "Three stations",
            "Orvale Rail Authority",
        ),
        (
            "The harvest was the worst in forty years, the region's farming body said.",
            "The Tarland Growers Association said the frost had come three weeks early.",
            "The harvest",
            "Tarland Growers Association",
        ),
    ],
)
def test_a_lede_description_owned_by_a_place_is_the_body_named_next(lede: str, named: str, start: str, name: str) -> None:
    assert _name_kind(_one(f"{lede}\n\n{named}", start))[0] == name


def test_a_lede_person_described_by_a_role_is_the_person_the_article_gives_that_role() -> None:
    text = (
        "A new knee implant wore out faster than expected, according to a study published on Monday. A retired surgeon said the results were worrying.\n\n"
        '"We expected more," said Dr Lena Hart of the Royal Infirmary, who led the study.\n\n'
        "Mr Tom Ryder, a surgeon at Castlebrook Hospital who was not involved, said patients should not panic."
    )
    claim = _one(text, "the results were worrying")
    assert claim.source is not None and claim.source.name == "Tom Ryder"


@pytest.mark.parametrize(
    "text",
    ["The board approved the move at an emergency meeting.", "The tribunal rejected her appeal on Tuesday."],
)
def test_a_decision_on_a_move_or_an_appeal_is_no_attribution(text: str) -> None:
    assert _attributed(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("A former regulator, who asked not to be named, said the rules had failed.", "the rules had failed"),
        ("One driver, who spoke on condition of anonymity, said the depot had no heating.", "the depot"),
        ("Another shopper, who did not want to be named, said prices had doubled.", "prices"),
    ],
)
def test_a_person_the_article_keeps_unnamed_is_an_unnamed_source(text: str, start: str) -> None:
    assert _one(text, start).source.kind == "unnamed"  # type: ignore[union-attr]


def test_her_in_an_anonymous_speakers_words_is_no_woman_named_elsewhere() -> None:
    text = (
        "Chief Inspector Ruth Agnew said the cells were safe. One guard, who asked not to be named, "
        "said her supervisor had told the team the alarms were broken."
    )
    claim = _one(text, "her supervisor")
    assert claim.statement is not None and "Ruth Agnew" not in claim.statement and "Agnew" not in claim.statement


def test_a_person_described_in_apposition_who_posted_that_is_the_source() -> None:
    # the parser reads "posted" as a participle hung on the name; its own "that" clause makes it the predicate
    # (where the parser hangs the "that" clause elsewhere, "Rep. Dan Ortiz, a Democrat from the district, posted on X
    # that ...", the sentence still gets no source)
    text = "Councillor Jo Marsh, a Liberal Democrat who represents the ward, posted on Facebook that the library would close."
    assert _name_kind(_one(text, "the library"))[0] == "Jo Marsh"


# ---------------------------------------------------- round 8's second batch
def test_a_wife_named_after_her_husbands_honorific_is_no_he() -> None:
    text = (
        "The club's chairman, Alan Pike, said the pitch would be relaid.\n\n"
        "Mr Pike's wife, Moira, was a steward for twenty years. He said she had never seen the ground so wet."
    )
    assert _name_kind(_one(text, "she had never"))[0] == "Alan Pike"


def test_she_after_an_anonymous_speaker_is_the_speaker_not_a_woman_of_the_paragraph_before() -> None:
    text = (
        "Jane Orme, a parent, said the school had been closed for a week.\n\n"
        "A teacher at the school, who asked not to be named, told the Courier that the roof had leaked for months. "
        "She said two classrooms had been out of use since January."
    )
    claim = _one(text, "two classrooms")
    assert claim.source is not None and claim.source.name != "Jane Orme" and claim.source.kind == "unnamed"


def test_she_after_a_neighbour_who_speaks_is_left_as_written() -> None:
    text = "In the village, Anna Roth was rescued after four hours. Her neighbour, Eva Lind, said she had heard Roth calling out."
    claim = _one(text, "she had heard")
    assert claim.statement is not None and claim.statement.startswith("She had heard")


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Trust said it had sent 40 volunteers. Its secretary-general, Nora Quill, said the quay was unsafe.",
        "The Harbour Trust said it would strike. Its deputy-leader, Nora Quill, said the quay was unsafe.",
    ],
)
def test_a_hyphenated_role_owned_by_a_body_is_the_person_named(text: str) -> None:
    # (where the parser splits the role into three subjects, "Its co-founder, ...", or reads it as the content,
    # "Its vice-chair, ...", the source is still wrong)
    assert _name_kind(_one(text, "the quay")) == ("Nora Quill", "person")


@pytest.mark.parametrize("verb", ["saying", "adding"])
def test_a_speech_participle_after_a_denial_is_the_deniers_and_no_part_of_the_denial(verb: str) -> None:
    text = f"The operator denied that passengers had been left stranded, {verb} extra buses had been sent to every stop."
    denial, aside = _one(text, "passengers had been"), _one(text, "extra buses")
    assert denial.content.text == "passengers had been left stranded"
    assert aside.source is not None and aside.source.name == "operator"


@pytest.mark.parametrize(
    "text",
    ["Several farmers have since filed insurance claims for the lost harvest.", "Residents have begun lodging compensation claims with the council."],
)
def test_claims_for_money_are_no_attribution(text: str) -> None:
    assert _attributed(text) == []


def test_asking_that_ones_company_not_be_named_is_no_attribution() -> None:
    text = "A supplier in Lyon, who asked that his company not be named, said orders had halved."
    assert [c.cue.mention.text for c in _attributed(text) if c.cue is not None] == ["said"]


@pytest.mark.parametrize(
    ("text", "start", "kept"),
    [
        (
            "The Harlow Retail Network said sales had fallen. The auditor, Ben Ross, said staff had lost control of the chain of custody.",
            "staff had lost",
            "the chain of custody",
        ),
        (
            "Hackers struck the town's systems early Friday, officials said. The IT manager, Ana Ruiz, said staff shut down much of the network overnight.",
            "staff shut down",
            "much of the network",
        ),
        (
            "The council will meet on Monday, city officials said. An adviser, Rob Hale, said the city's decision to close the pool was rushed.",
            "the city's decision",
            "the city's decision",
        ),
    ],
)
def test_a_common_noun_is_not_replaced_by_a_body_or_a_day_it_does_not_name(text: str, start: str, kept: str) -> None:
    statement = _one(text, start).statement
    assert statement is not None and kept in statement.lower()


@pytest.mark.parametrize("opening", ["HARTWELL - ", "PORT ELLIS \u2014 "])
def test_a_place_in_capitals_before_a_dash_is_a_dateline_not_content(opening: str) -> None:
    claim = _one(f"{opening}Three ferries were cancelled on Monday, the operator said.", "Three ferries")
    assert claim.content.text.startswith("Three ferries")


def test_a_campaign_named_by_an_imperative_is_an_organisation() -> None:
    text = "Keep Dunmore Green, which has fought the quarry since 2020, said the decision vindicated its warnings."
    assert _name_kind(_one(text, "the decision")) == ("Keep Dunmore Green", "organization")


def test_she_in_what_a_described_person_said_is_that_person_not_a_place() -> None:
    text = "Work between the depot and Ashcombe has gone to plan.\n\nThe chair of the parish council said she accepted the report in full."
    assert _one(text, "she accepted").statement == "The chair accepted the report in full."


def test_the_consortium_is_the_body_described_as_one() -> None:
    text = (
        "Northgate Build Partners, the consortium building the bridge, blamed the delays on floods. "
        "In a statement, the consortium said it had warned the council in March."
    )
    assert _name_kind(_one(text, "it had warned"))[0] == "Northgate Build Partners"


def test_a_decision_on_a_move_after_a_semicolon_is_no_attribution() -> None:
    text = "The club has now cut the coach's pay; its board approved the move at a meeting on Monday."
    assert _attributed(text) == []


def test_a_present_perfect_with_now_does_not_carry_an_account_on() -> None:
    text = (
        "The league said it backed the inquiry and would not comment further. "
        "The league, which once sponsored the team, has now suspended its grant."
    )
    records = _records(text)
    grant = next(c for c in records if "suspended its grant" in c.content.text)
    assert grant.mode == "unattributed"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The farmer said the river had burst its banks twice. By the time the crews arrived, the barn had flooded.", "By the time"),
        ("The engineer said the bridge was sound. Cracks had been spreading along the deck for a decade.", "Cracks had been"),
        ("The guard said he had fallen asleep. Within an hour the fire had spread to the roof.", "Within an hour"),
    ],
)
def test_a_backshifted_sentence_after_a_reported_account_carries_it_on(text: str, start: str) -> None:
    records = _records(text)
    rec = next(c for c in records if c.content.text.startswith(start))
    assert rec.mode != "unattributed" and rec.continues is not None


def test_a_passive_told_by_nobody_inside_an_account_is_the_accounts() -> None:
    text = (
        "A nurse at the clinic, who asked not to be named, said two wards had been closed for a month. "
        "Staff had been told not to discuss the closures."
    )
    records = _records(text)
    rec = next(c for c in records if "Staff" in c.content.text)
    assert rec.continues is not None and rec.source is not None and rec.source.name != "unnamed source"




def test_the_writers_own_uncertainty_does_not_carry_an_account_on() -> None:
    text = (
        "According to a report seen by this newspaper, engineers had recommended in May that the pier be closed. "
        "It was not clear whether the advice was followed."
    )
    records = _records(text)
    rec = next(c for c in records if c.content.text.startswith("It was not clear"))
    assert rec.mode == "unattributed"


def test_a_body_named_of_x_and_y_is_one_body() -> None:
    text = (
        "A spokesman for the Department of Housing and Urban Renewal, Ed Lowe, said grants would rise. "
        "It has paid out twice as much this year, he said."
    )
    assert _one(text, "It has paid").statement == "The Department of Housing and Urban Renewal has paid out twice as much this year."


def test_a_notice_is_a_document() -> None:
    claim = _one("According to a notice filed with the county, 80 jobs will go at the plant.", "80 jobs")
    assert claim.source is not None and claim.source.kind == "document"


def test_a_firm_named_events_is_an_organisation_and_the_company_after_it() -> None:
    text = (
        "The crowd pushed towards the stage for the headline act, The Night Owls. "
        "The promoter, Lakeside Events, said in a statement it was saddened. The company said it had hired 90 stewards."
    )
    assert _name_kind(_one(text, "it had hired")) == ("Lakeside Events", "organization")


def test_it_before_a_quoted_adjective_and_to_is_no_name() -> None:
    text = "The promoter, Lakeside Events, said it was saddened. Asked whether the festival would return, the director said it was \"far too early\" to say."
    assert _one(text, "it was \"far").statement.startswith("It was")


def test_the_paper_after_a_journal_is_the_studys_paper_not_the_journal() -> None:
    text = (
        "The trial, published in the Western Journal of Cardiology, enrolled 900 people. "
        "The paper reports that the pill cut strokes by a fifth."
    )
    claim = _one(text, "the pill")
    assert _name_kind(claim) == ("paper", "document")


def test_what_a_document_leaves_out_is_the_writers_observation() -> None:
    text = "According to the audit, invoices worth £90,000 were signed by one officer. It does not name the officer."
    rec = next(c for c in _records(text) if c.content.text.startswith("It does not"))
    assert rec.mode == "unattributed"


def test_a_complement_the_parser_split_in_two_is_one_content() -> None:
    text = 'His manager said the board had "simply ignored" medical evidence that a protein shake Kerr bought online was contaminated.'
    claim = _one(text, "the board had")
    assert claim.content.text.endswith("was contaminated")


def test_the_union_is_a_federation_named_before() -> None:
    text = (
        "The Federation of Bus and Tram Workers, which represents most drivers, walked out on Monday. "
        "The union said the pay offer was an insult."
    )
    assert _name_kind(_one(text, "the pay offer"))[0] == "Federation of Bus and Tram Workers"


def test_approving_a_plan_to_do_something_is_a_decision() -> None:
    assert _attributed("In March, the club's board approved a plan to double ticket prices.") == []


def test_a_body_described_by_a_participle_is_what_the_description_stands_for_not_a_street() -> None:
    text = (
        "Harbour Link Partners, the consortium running the ferry, blamed the delays on silt under Quay Street. "
        "In a statement, the consortium said it had warned the port in March."
    )
    assert _name_kind(_one(text, "it had warned"))[0] == "Harbour Link Partners"


def test_a_crane_operator_is_a_person_and_a_port_operator_a_body() -> None:
    text = "Jan Vos, a crane operator at the port, said his shift had been cut. Rotterdam Quays, the port's operator, said it had made a fair offer."
    assert _name_kind(_one(text, "his shift")) == ("Jan Vos", "person")
    assert _name_kind(_one(text, "it had made"))[1] == "organization"


def test_a_headlines_title_case_job_word_is_no_given_name() -> None:
    text = (
        "Sprinter Okafor says he will appeal six-game ban\n\nMonday, May 4, 2026\n\n"
        "Daniel Okafor has been banned for six games, the league said. Okafor said he would appeal."
    )
    claims = extract_claims(text, doc_id="t")
    names = {c.source.name for c in claims if c.source is not None and c.source.kind == "person"}
    assert "Sprinter Okafor" not in names and "Daniel Okafor" in names
