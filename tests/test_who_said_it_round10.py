"""Who said it, round 10: names the small NER model does not know (Irish, Nigerian, Norwegian),
read as people from what the article writes around them: a body's possessive before the name,
an age in apposition, the family name alone later; and a subject the parser hung off its verb.
Every text is written for these tests."""

from __future__ import annotations

import pytest

from claimkit import extract_claims
from claimkit.extractors.rules.sources.kinds import clean_name
from dated_claims import the_one as _by_content
from dated_claims import titled as _attributed
from dated_claims import who as _who


# ------------------------------------------------ a name after a body's possessive is a person
def test_a_name_after_a_partys_possessive_is_a_person_and_the_party_a_body() -> None:
    body = (
        "Comhar's Nuala Brennock won the seat on the fifth count. "
        "Brennock, who teaches in Ballykeeran, said the result was a message to the capital. "
        "Comhar announced her candidacy in August, and Comhar said the campaign had cost little."
    )
    assert _who(body, "the result") == ("Nuala Brennock", "person")
    assert _who(body, "the campaign") == ("Comhar", "organization")


def test_the_family_name_alone_is_an_antecedent_for_she() -> None:
    body = (
        "Voters in Lakeport backed Verdant's Ngozi Eberechi by a wide margin over the Harbour League's Aoife Kinsella. "
        "Kinsella conceded before dawn. \"Ngozi deserved it,\" she said."
    )
    assert _who(body, "Ngozi deserved") == ("Aoife Kinsella", "person")


def test_a_sports_clubs_player_named_after_its_possessive() -> None:
    body = (
        "Torvald's Sigrun Aasen scored twice in Bergen on Sunday. "
        "Sigrun Aasen said the pitch had been heavy, and Torvald said in a statement that the club would appeal the red card."
    )
    assert _who(body, "the pitch") == ("Sigrun Aasen", "person")
    assert _who(body, "the club would") == ("Torvald", "organization")


# ------------------------------------------------ an age in apposition says a person
def test_a_name_with_an_age_and_a_job_in_apposition_is_a_person() -> None:
    body = "Emeka Nwosu, a 44-year-old nurse from Enugu, said the ward had been closed twice."
    assert _who(body, "the ward") == ("Emeka Nwosu", "person")


def test_the_age_given_with_a_indefinite_article_names_the_person_described_by_it() -> None:
    body = (
        "Adaeze Okafor, a 61-year-old trader, said stalls had been cleared without notice. "
        "Market chairman Tunde Bello said the council had given a week's warning. "
        "The 61-year-old said she had lost a month's stock."
    )
    assert _who(body, "she had lost") == ("Adaeze Okafor", "person")


# ------------------------------------------------ a subject the parser hung off its verb
def test_a_subject_the_parser_read_as_the_verbs_determiner() -> None:
    body = (
        "Rangi Parata, a 52-year-old wharf hand, said the roster had been cut without warning. "
        "The 52-year-old added that he had not been paid for three weeks."
    )
    assert _who(body, "he had not") == ("Rangi Parata", "person")


# ------------------------------------------------ titles, abbreviations and double family names
def test_a_spanish_double_family_name_after_a_ministers_title_is_one_person() -> None:
    body = (
        "Minister of Fisheries Marcela Quiroga Lagos, who flew to the port overnight, told reporters that two trawlers were missing. "
        "\"We have not given up,\" Quiroga said."
    )
    assert _who(body, "two trawlers") == ("Marcela Quiroga Lagos", "person")
    assert _who(body, "We have not") == ("Marcela Quiroga Lagos", "person")


def test_a_title_abbreviated_with_a_period_does_not_end_the_sentence() -> None:
    body = (
        "The motion, moved by Ward 5 Coun. Anjali Sethi, directs staff to study the route. "
        "Sethi said the east end had waited long enough."
    )
    claims = _attributed(body)
    assert not any(c.content.text.startswith("staff to study") for c in claims)
    assert _who(body, "the east end") == ("Anjali Sethi", "person")


def test_a_us_city_councilmembers_title_is_not_part_of_her_name() -> None:
    body = "City Councilmember Tariq Osei, whose district includes the pier, said the repairs were overdue."
    assert _who(body, "the repairs") == ("Tariq Osei", "person")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("the Commissioner for Lands", "Commissioner for Lands"),  # a title with no name: kept whole, not "for Lands"
        ("Minister of Mining Verónica Aránguiz Toledo", "Verónica Aránguiz Toledo"),
        ("Minister for Health and Social Care Wes Streeting", "Wes Streeting"),
        ("Superintendency of Mine Safety (SUSEMI", "Superintendency of Mine Safety"),
        ("City Councilmember Tariq Osei", "Tariq Osei"),
    ],
)
def test_a_name_without_the_title_and_department_before_it(phrase: str, name: str) -> None:
    assert clean_name(phrase) == name


# ------------------------------------------------ what a body's document and a body are
def test_a_superintendency_is_a_public_body_and_a_summary_a_document() -> None:
    body = (
        "The Superintendency of Water Services (SISS) said it had opened an inquiry. "
        "According to a summary of the inspection seen by the paper, the plant had no backup pump."
    )
    assert _who(body, "it had opened") == ("Superintendency of Water Services", "government")
    assert _who(body, "the plant")[1] == "document"


# ------------------------------------------------ pronouns a cue closes
def test_a_closing_they_is_the_people_the_content_opens_with() -> None:
    body = (
        "Members of the nurses' branch met on Monday and said they were tired of promises. "
        "The junior nurses are not asking for more pay, they insist, but for enough staff on each ward."
    )
    name, kind = _who(body, "The junior nurses")
    assert (name, kind) == ("junior nurses", "group")


def test_a_he_inside_a_quotation_split_by_its_cue_is_not_the_name_in_the_content() -> None:
    body = (
        "Mayor Dennis Okafor told reporters the province would match the city's share. "
        "Councillor Paul Briggs, he added, was \"welcome to his own view, but not to his own numbers.\""
    )
    assert _who(body, "Councillor Paul Briggs") == ("Dennis Okafor", "person")


# ------------------------------------------------ standalone statements that do not guess
def test_it_taking_time_to_do_something_is_no_one() -> None:
    body = (
        "The chief executive told Radio Northland on Monday that a long strike could push shipping lines south. "
        "If that happened, he said, it might take years to win them back."
    )
    assert (_by_content(body, "it might take").statement or "").startswith("It might take years")


def test_it_is_not_the_station_that_heard_the_report() -> None:
    body = (
        "Ulloa met the families at the camp. Later he told Radio Altamira that the union was preparing a complaint. "
        "It expects to file the complaint this week, he said."
    )
    assert "Radio Altamira" not in (_by_content(body, "It expects").statement or "")


def test_the_company_in_what_a_firms_chief_executive_says_is_that_firm() -> None:
    body = (
        "Dame Felicity Unwin told the committee she had raised concerns. "
        "Halloran Systems Ltd had won the contract in 2022. "
        "Halloran's chief executive, Richard Dunmore, told the committee the company had delivered what was specified."
    )
    assert (_by_content(body, "the company had").statement or "").startswith("Halloran")


# ------------------------------------------------ bodies named in full, titles by their initials
def test_a_bodys_noun_opening_a_sentence_before_a_role_is_no_name() -> None:
    body = (
        "The strike follows eleven weeks of talks between the Coastal Dockers Union and Kestrel Shipping. "
        "The port handled logs and kiwifruit.\n\n"
        "Union organiser Tane Walker said members had been pushed to the wall. "
        "According to the union, the offer would leave crane drivers worse off."
    )
    assert _who(body, "the offer would") == ("Coastal Dockers Union", "organization")


def test_a_title_written_by_its_initials_is_the_person_given_that_title() -> None:
    body = (
        "The Managing Director of the utility, Engr. Obinna Chukwu, told journalists that two turbines had failed. "
        "The MD added: \"We may have to ration supply.\""
    )
    assert _who(body, "We may have") == ("Obinna Chukwu", "person")


def test_a_place_in_the_description_after_a_name_is_not_the_source() -> None:
    body = "PDA's Hon. Tunde Bakare, a lawmaker for Ikeja South, said the levy had been \"imposed without debate\"."
    assert _who(body, "the levy") == ("Tunde Bakare", "person")


def test_a_name_closing_an_opening_phrase_is_not_the_subject_of_the_verb_after_it() -> None:
    body = (
        "The Governor of Ondo, Dr. Amaka Obi, visited the site. "
        "In a statement signed by his Special Adviser on Media, Mr. Ikenna Eze, the governor said the plots had not been sold."
    )
    assert _who(body, "the plots") == ("Amaka Obi", "person")


def test_her_party_is_the_party_whose_possessive_came_before_her_name() -> None:
    body = (
        "The Lindqvist Party's Karin Berg MP, a member of the committee, called it a scandal. "
        "Her party has called for a public inquiry, and Berg said the minister should resign."
    )
    assert _who(body, "a public inquiry") == ("Lindqvist Party", "organization")


def test_a_spanish_fathers_family_name_alone_is_the_person() -> None:
    body = (
        "Jorge Ulloa Pizarro, president of the miners' union, said members had reported cracks. "
        "Relatives set up a camp, and Hector Lagos, whose son Matias is trapped, said he trusted the rescuers. "
        "Ulloa met the families at the camp on Sunday. Later he told Radio Norte that the union would sue."
    )
    assert _who(body, "the union would") == ("Jorge Ulloa Pizarro", "person")


def test_the_subject_the_parser_ran_into_an_opening_phrase() -> None:
    body = "In a letter to Ortega, Castillo and four other deputies wrote that the region had waited long enough."
    assert _who(body, "the region")[0] != "unnamed source"


# ------------------------------------------------ documents and who paid for them
def test_a_poll_commissioned_by_a_body_is_not_that_bodys() -> None:
    body = "A Brightline Research poll commissioned by the Harlowe Institute, a think tank, found 58 per cent of residents support the line."
    name, kind = _who(body, "58 per cent")
    assert name != "Harlowe Institute"
    assert kind == "document"


def test_they_after_one_unnamed_speaker_is_that_speaker() -> None:
    body = (
        "One trustee, who asked not to be named, was blunter. \"The budget was a suggestion,\" the trustee said.\n\n"
        "According to the same trustee, two sponsors had pulled out by August. "
        "The gallery could not legally have opened, they said."
    )
    assert _who(body, "The gallery could")[0].endswith("trustee")


def test_a_bodys_initials_are_not_a_persons_title() -> None:
    body = (
        "Karl Oberst, who owns the land, met officials of the National Park Service on Monday. "
        "The NPS said in a letter that the box had to be removed by Friday."
    )
    assert all(c.source is not None and c.source.name != "Karl Oberst" for c in _attributed(body))


# ------------------------------------------------ contents
def test_a_dateline_with_an_accented_place_is_not_part_of_the_content() -> None:
    body = "SAN JOSÉ DEL VALLE, June 8 (Prensa Sur) - Five miners were trapped on Sunday after a gallery collapsed, authorities said."
    content = _by_content(body, "Five miners").content.text
    assert not content.startswith("SAN")


def test_too_early_to_say_is_nobodys_report() -> None:
    body = (
        "Paula Meza, a geologist at the University of Norte, said a tremor was recorded an hour before. "
        "It could have loosened rock weakened by blasting, she said, though it was \"far too early\" to say so with confidence."
    )
    assert all(c.cue is None or not c.cue.mention.text.startswith("to say") for c in _attributed(body))


@pytest.mark.parametrize(
    ("body", "start"),
    [
        ("The park service said in a letter that the box had to be removed by Friday.", "the box"),
        ("The union said in an email that members would strike on Monday.", "members would"),
        ("The press secretary declined to comment, saying only that the matter was being handled by the ministry.", "the matter"),
    ],
)
def test_the_content_starts_at_the_clause_not_at_the_channel_or_only(body: str, start: str) -> None:
    assert _by_content(body, start).content.text.startswith(start)


def test_they_after_meeting_both_parties_is_not_the_mayors_town_or_the_station() -> None:
    body = (
        "Halden chief executive Tom Reyes told Radio Kaiwhero on Monday that a long strike could hurt the port. "
        "Waiharo mayor Anahera Kingi met both parties on Monday night. "
        "She said afterwards that they had agreed to keep talking."
    )
    statement = _by_content(body, "they had agreed").statement or ""
    assert "Waiharo" not in statement and "Radio Kaiwhero" not in statement


def test_a_senior_figure_of_a_party_is_a_person_not_the_party() -> None:
    body = (
        "Brennock won the seat for Comhar. A senior Comhar figure, who asked not to be named, "
        "said party headquarters had expected to lose by 2,000 votes."
    )
    name, kind = _who(body, "party headquarters")
    assert name != "Comhar" and kind == "unnamed"


def test_a_time_after_by_is_no_agent() -> None:
    body = "Had the vote gone according to plan, the winner would have been declared by teatime. A recount pushed it back."
    assert all(c.source is not None and c.source.name != "teatime" for c in _attributed(body))


@pytest.mark.parametrize(
    ("body", "start"),
    [
        ("It was gathered that the clinic's generator failed for six hours last Friday.", "the clinic"),
        ("It is believed that two men were arrested near the border.", "two men"),
        ("It was learnt that the governor had signed the bill on Monday.", "the governor"),
    ],
)
def test_it_is_believed_that_is_an_account_with_no_source_named(body: str, start: str) -> None:
    claim = _by_content(body, start)
    assert claim.source is not None and claim.source.kind == "unnamed"


def test_she_is_not_the_woman_named_beside_an_earlier_she() -> None:
    body = (
        "The board placed artistic director Renata Sokolov on leave in July. In a post, she wrote that the board had failed.\n\n"
        "Delia Marchetti, a sculptor, said she had spent $6,000 on materials. \"I'm not mad at Renata,\" Marchetti said.\n\n"
        "She and Sokolov have worked together since the first edition. She says she will show the lantern before winter."
    )
    assert _who(body, "she will show") == ("Delia Marchetti", "person")


def test_a_committee_of_a_parliament_is_a_body_not_a_group_of_people() -> None:
    body = (
        "The system was doomed from the start, a cross-party committee of the Senate has concluded. "
        "The committee recommends that no further contracts be awarded."
    )
    assert _who(body, "no further")[1] != "group"


# ------------------------------------------------ round 10, second set (categories seen in the second unseen batch)
@pytest.mark.parametrize(
    ("body", "start", "name"),
    [
        (
            "Chief executive Maren Solberg, speaking on a call with journalists, said sales had fallen. "
            "\"We apologise to every customer,\" the CEO said.",
            "We apologise",
            "Maren Solberg",
        ),
        (
            "The contractor, through its managing director Eng. Daniel Mwangi Kariuki, said the firm had not been paid. "
            "The MD said the company had incurred heavy losses.",
            "the company had",
            "Daniel Mwangi Kariuki",
        ),
    ],
)
def test_a_title_written_by_its_initials_in_either_case(body: str, start: str, name: str) -> None:
    assert _who(body, start) == (name, "person")


def test_she_is_not_the_hearer_of_told() -> None:
    body = (
        "\"We are taking this step as a precaution,\" company spokeswoman Ines Kaufmann told Marisa. "
        "She said the company had received no reports of injuries."
    )
    assert _who(body, "the company had")[0] == "Ines Kaufmann"


def test_she_is_the_subject_not_the_official_who_briefed_her() -> None:
    body = (
        "Premier Alana Whitcombe toured the operations centre on Sunday and was briefed by incident controller Supt. Rosa Marsh. "
        "She said recovery centres would open overnight."
    )
    assert _who(body, "recovery centres")[0] == "Alana Whitcombe"


def test_a_capitalised_title_before_the_name_is_the_one_person_given_it_later() -> None:
    body = (
        "Key points: The Premier says relief payments will start on Monday.\n\n"
        "Premier Alana Whitcombe toured the fire ground on Sunday evening."
    )
    assert _who(body, "relief payments") == ("Alana Whitcombe", "person")


def test_an_analyst_at_a_firm_who_is_not_named_is_not_the_firm() -> None:
    body = "An analyst at Marsden & Keele, who asked not to be named, said the results raised questions about the board."
    name, kind = _who(body, "the results")
    assert name != "Marsden & Keele" and kind != "organization"


def test_a_shipping_line_is_a_firm_and_the_company_after_it() -> None:
    body = (
        "The ferry Agios Nikolaos ran aground on Saturday. Thalassa Nova Lines said in a statement that the vessel had passed its inspection. "
        "The company said it would cover hotel costs."
    )
    assert _who(body, "the vessel") == ("Thalassa Nova Lines", "organization")
    assert (_by_content(body, "it would cover").statement or "").startswith("Thalassa Nova Lines")


def test_the_county_is_not_the_stadium_named_after_it() -> None:
    body = (
        "Work on the Nyakora County Stadium has stopped. Governor Pamela Owuor inspected the site. "
        "She said the county would respect the court's decision."
    )
    assert "Stadium" not in (_by_content(body, "the county would").statement or "")


def test_indian_honorifics_do_not_end_a_sentence_or_stay_in_a_name() -> None:
    body = "DEO Smt. K. Lalitha Devi said a committee would visit the school on Wednesday."
    assert _who(body, "a committee") == ("K. Lalitha Devi", "person")


def test_a_quotation_left_open_at_a_paragraphs_end_goes_on_in_the_next() -> None:
    body = (
        "\"People in the east end spend an hour getting to work,\" she said. \"That is not a commute. "
        "It is a second shift.\n\n"
        "\"What we have not had, until tonight, is a council willing to say yes.\""
    )
    records = extract_claims(f"Title\n\nMonday, May 4, 2026\n\nCouncillor Ana Reyes spoke first.\n\n{body}\n", doc_id="t")
    speaker = [c for c in records if c.source is not None and c.cue is not None]
    assert len(speaker) == 1 and speaker[0].content.text.endswith("work,\"")
    continued = [c for c in records if c.continues == speaker[0].id]
    assert [c.content.text[:9] for c in continued] == ["\"That is ", "\"What we "]


@pytest.mark.parametrize(
    ("body", "start", "name", "kind"),
    [
        ("Another passenger, Tomas Lekk, said a deckhand had told him the ship had had steering problems for weeks.", "the ship had", "deckhand", "unnamed"),
        ("His neighbour, Priya Venkat, said she had been told by a council officer that the fire trail had been cleared.", "the fire trail", "council officer", "person"),
        ("The councillor said he had asked whether the arts office could help but was told it was too late.", "it was too late", "unnamed source", "unnamed"),
    ],
)
def test_a_report_told_inside_another_is_a_record_of_its_own(body: str, start: str, name: str, kind: str) -> None:
    claim = _by_content(body, start)
    assert claim.source is not None and (claim.source.name, claim.source.kind) == (name, kind)


def test_it_making_sense_is_no_one() -> None:
    body = (
        "Valdoria's foreign minister Alec Downing has backed a debate on tidal power. "
        "Mr Downing said that climate change had changed many minds. "
        "Mr Downing also said that it would make sense for Valdoria to investigate tidal power given its long coastline."
    )
    assert (_by_content(body, "it would make sense").statement or "It").startswith("It would make sense")


def test_a_place_before_who_is_not_a_person() -> None:
    body = (
        "Donna Sampson Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen, said the event brought back memories. "
        "She said she had toured the museum last week."
    )
    assert _who(body, "she had toured")[0] == "Donna Sampson Rawlings"
