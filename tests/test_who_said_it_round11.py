"""Who said it, round 11: an owner's office speaks for itself, a spokesperson for a titled person
speaks for that person, a title's abbreviation keeps its name, a body's initials before a role
describe the role's holder, a passive teller's that-clause is what was told. Every text is
written for these tests."""

from __future__ import annotations

from dated_claims import the_one as _by_content
from dated_claims import titled as _attributed
from dated_claims import who as _who


# ------------------------------------------------ "X's office said": the office, not X
def test_a_senators_office_is_the_source_not_the_senator() -> None:
    body = "Senator Halima Oduya's office said in a statement that it would seek a hearing on the levy."
    name, kind = _who(body, "it would seek")
    assert name.endswith("Halima Oduya's office") and kind == "government"


def test_a_candidates_legal_team_is_the_source() -> None:
    body = "Councillor Piet Verhoef's legal team said he would contest the fine in the district court."
    name, kind = _who(body, "he would contest")
    assert name.endswith("Piet Verhoef's legal team") and kind == "organization"


def test_a_persons_lawyer_stays_a_person() -> None:
    body = "Verhoef's lawyer said the fine had been issued in error."
    assert _who(body, "the fine")[1] == "person"


# ------------------------------------------------ a spokesperson for a titled person speaks for that person
def test_a_spokesman_for_a_titled_mayor_is_the_mayors() -> None:
    body = "A spokesman for Mayor Ingrid Solheim said the tram timetable would be published on Friday."
    assert _who(body, "the tram") == ("Ingrid Solheim", "person")


def test_a_spokeswoman_for_a_firm_stays_the_firms() -> None:
    body = "A spokeswoman for Brackwater Mills said output had doubled since March."
    assert _who(body, "output")[1] == "organization"


# ------------------------------------------------ a party's alliance is a body, whatever NER makes of its name
def test_a_coalition_named_in_apposition_is_an_organization() -> None:
    body = "Her party, the Tamsui Renewal coalition, has said it will table a motion on flood relief."
    assert _who(body, "it will table")[1] == "organization"


# ------------------------------------------------ a title's abbreviation keeps its name
def test_an_engineers_title_abbreviation_does_not_end_the_sentence() -> None:
    body = (
        "The district engineer of the Roads Board, Engr. Nnamdi Ukpabi, said the culvert could be replaced within a week. "
        "The engineer added that two other culverts had cracked."
    )
    assert _who(body, "the culvert") == ("Nnamdi Ukpabi", "person")
    assert _who(body, "two other") == ("Nnamdi Ukpabi", "person")


def test_a_superintendents_abbreviation_before_her_name() -> None:
    body = "Det. Supt. Morag Kinnaird said the van had been found in Dunlevin. She added that no one had been charged."
    assert _who(body, "the van") == ("Morag Kinnaird", "person")
    assert _who(body, "no one") == ("Morag Kinnaird", "person")


# ------------------------------------------------ a body's initials before a role: the role's holder
def test_a_bodys_initials_before_a_role_describe_its_holder() -> None:
    body = (
        "Yusra Bakhit, chief executive of the Riverine Water Authority, said supplies would be restored by Sunday. "
        "The RWA chief executive added that tankers had been sent to the worst-hit wards."
    )
    assert _who(body, "tankers") == ("Yusra Bakhit", "person")


def test_initials_before_a_director_after_an_apposition() -> None:
    body = (
        "The head of the Coastal Fisheries Service, Dr. Arvid Lund, said cod stocks had fallen for a third year. "
        "The CFS director added that quotas would be cut."
    )
    assert _who(body, "quotas") == ("Arvid Lund", "person")


# ------------------------------------------------ told by someone that ...: what was told, and by whom
def test_a_passive_teller_with_a_that_clause() -> None:
    body = "Farmers had been told by the irrigation board that water would be rationed from June."
    claim = _by_content(body, "water would be rationed")
    assert claim.source is not None and "irrigation board" in claim.source.name


def test_a_passive_teller_nested_in_a_report() -> None:
    body = "The nurse said patients had been warned by the clinic that appointments would be cancelled."
    outer = _by_content(body, "patients had been warned")
    inner = _by_content(body, "appointments would be cancelled")
    assert outer.source is not None and inner.source is not None and "clinic" in inner.source.name
    assert inner.nested_in == outer.id


def test_a_relative_clause_on_a_passive_agent_is_no_content() -> None:
    body = "The plan was praised by the charity that had campaigned for it."
    assert not any("campaigned" in c.content.text and "praised" not in c.content.text for c in _attributed(body))


# ------------------------------------------------ public bodies named only by their noun
def test_the_coastguard_is_a_public_body() -> None:
    assert _who("The coastguard said two fishermen had been winched to safety off Skarvik.", "two fishermen")[1] == "government"


def test_the_watchdog_is_the_regulator_named_before() -> None:
    body = (
        "The Data Protection Authority said it had opened an inquiry into Quellwerk. "
        "The watchdog said it had received 212 complaints from customers."
    )
    assert _who(body, "it had received") == ("Data Protection Authority", "government")


# ------------------------------------------------ no message: the message itself, a call, a question
def test_publishing_a_post_is_no_record_but_the_post_is_a_document() -> None:
    body = (
        "Harrowgate Pumps published a blog post on Friday. "
        "According to the post, the leak was sealed within an hour."
    )
    records = _attributed(body)
    assert not any("blog post" in c.content.text for c in records)
    assert _who(body, "the leak")[1] == "document"


def test_a_statement_on_a_day_or_a_page_is_no_record() -> None:
    body = "Marlowe Town issued a statement on Sunday evening. The county sheriff posted a statement on its Facebook page."
    assert _attributed(body) == []


def test_a_telephone_call_and_passed_on_questions_are_no_records() -> None:
    body = "He tried to call the council's helpline. She referred further questions to the ministry."
    assert _attributed(body) == []


def test_a_statement_read_to_a_court_is_no_record() -> None:
    body = "In a statement read to the tribunal by her solicitor, Ms Varga said she had been dismissed without warning."
    records = _attributed(body)
    assert [c.content.text for c in records] == ["she had been dismissed without warning"]


def test_the_court_heard_names_no_source() -> None:
    claim = _by_content("The court heard that the van had been stolen in Dunleary.", "the van")
    assert claim.source is not None and claim.source.kind == "unnamed"


# ------------------------------------------------ descriptions by role, nationality and "boss"
def test_the_councillor_is_the_councillor_named_before() -> None:
    body = (
        "Ward 9 councillor Esi Mensah, who chaired the meeting, said the bins had not been emptied for a month. "
        "\"Nobody answers the phone,\" the councillor said."
    )
    assert _who(body, "Nobody answers") == ("Esi Mensah", "person")


def test_the_lead_author_after_a_colleague_is_named() -> None:
    body = (
        "Lead author Dr Tomas Lindgren said the moss had spread faster than predicted. "
        "His colleague, Dr Ines Barros, mapped the plots. The lead author said the trend was clear."
    )
    assert _who(body, "the trend") == ("Tomas Lindgren", "person")


def test_a_nationality_stands_for_the_manager_named_before() -> None:
    body = (
        "Rotherby coach Ewan McAllister said the draw was deserved. "
        "The Scot, whose side stay fourth, admitted the defending had been poor."
    )
    assert _who(body, "the defending") == ("Ewan McAllister", "person")


def test_the_visitors_boss_is_the_manager_named_before() -> None:
    body = (
        "Fenwick manager Dario Conti, who shook hands with the home bench, was less pleased. "
        "The visitors' boss said the second goal had been offside."
    )
    assert _who(body, "the second goal") == ("Dario Conti", "person")


def test_a_refusal_does_not_carry_an_account_on() -> None:
    body = (
        "Ms Okafor said the contract had been signed in March. She insisted the price was fair. "
        "She declined to discuss the bonus until the audit was published."
    )
    assert not any(c.content.text.startswith("She declined") for c in _attributed(body))


# ------------------------------------------------ datelines with the day before the month
def test_a_dateline_with_the_day_before_the_month_is_no_content() -> None:
    body = "KESTREL BAY, 14 March 2026 \u2014 The ferry service will stop in May, the operator has confirmed."
    assert _by_content(body, "The ferry service").content.text.startswith("The ferry service")


# ------------------------------------------------ an age description is not a name inside the quotation before it
def test_an_age_description_is_not_a_name_inside_the_quotation() -> None:
    body = (
        "Okafor said he had not seen the flare being thrown. "
        "\"I heard the crowd go quiet and then saw Danny on the ground,\" said the 31-year-old."
    )
    name = _by_content(body, "I heard").source.name  # type: ignore[union-attr]
    assert name.endswith("Okafor")


# ------------------------------------------------ a sentence-opening "she" is the last sentence's subject
def test_she_is_the_subject_of_the_sentence_before_not_a_name_later_in_it() -> None:
    body = (
        "Mayor Ruth Adeyemi said the depot would reopen. The mayor toured the depot on Tuesday with its "
        "manager, Tunde Bakare. She told reporters afterwards that buses would run by Friday."
    )
    assert _who(body, "buses would run") == ("Ruth Adeyemi", "person")


def test_he_is_the_reporter_not_the_source_of_the_report_he_gave() -> None:
    body = (
        "Doyle said the linesman, Pat Keane, had told him the goal would stand. "
        "He also described the second booking as harsh."
    )
    name = _by_content(body, "the second booking").source.name  # type: ignore[union-attr]
    assert name.endswith("Doyle")


# ------------------------------------------------ "the researchers" are no quantifier and no participants
def test_the_researchers_are_not_all_the_participants() -> None:
    body = (
        "The trial followed 300 adults. All wore step counters. "
        "The researchers asked participants to keep diaries. They found that sleep improved by a fifth."
    )
    name = _by_content(body, "sleep improved").source.name  # type: ignore[union-attr]
    assert "researchers" in name.lower()


# ------------------------------------------------ a finding before "according to ..., although"
def test_according_to_reports_the_clause_before_although() -> None:
    body = "Night shifts were linked to poorer memory, according to the survey, although the authors said the sample was small."
    claim = _by_content(body, "Night shifts")
    assert claim.source is not None and claim.source.kind == "document"


# ------------------------------------------------ "a mother of three" is a person
def test_a_parent_of_several_in_apposition_is_a_person() -> None:
    body = "Nomvula Khoza, a mother of four, said the clinic had run out of insulin."
    assert _who(body, "the clinic") == ("Nomvula Khoza", "person")


# ------------------------------------------------ a hope or a belief reported inside another report
def test_a_groups_belief_inside_a_report_is_nested() -> None:
    body = "The headteacher said parents believed the new timetable was too early."
    outer = _by_content(body, "parents believed")
    inner = _by_content(body, "the new timetable")
    assert inner.nested_in == outer.id and inner.source is not None and inner.source.kind == "group"


def test_the_speakers_own_belief_is_not_a_second_record() -> None:
    body = "The headteacher said she believed the new timetable was too early."
    assert len(_attributed(body)) == 1


# ------------------------------------------------ "It went on:" and a quotation
def test_a_statement_that_went_on_with_a_quotation() -> None:
    body = (
        "The ferry company issued a statement. According to the statement, the ship had been inspected in May. "
        "It went on: \"We will co-operate fully with the coastguard.\""
    )
    claim = _by_content(body, "We will co-operate")
    assert claim.source is not None and claim.source.kind == "document" and claim.cue is not None


# ------------------------------------------------ "police said" and the one police force the article names
def test_police_are_the_one_force_the_article_names_later() -> None:
    body = (
        "Two men were arrested after a stolen van crashed into a bakery, police said. "
        "The Dunmore Constabulary later said in a statement that both men had been released on bail."
    )
    assert _who(body, "Two men were arrested") == ("Dunmore Constabulary", "government")


def test_police_stay_police_where_two_forces_are_named() -> None:
    body = "Police said the lorry had been found. Officers from Arden Police and Vale Police searched the woods."
    assert _who(body, "the lorry")[0].lower() == "police"


# ------------------------------------------------ a dateline in capitals with a colon is no speaker
def test_a_capitals_dateline_with_a_colon_is_no_speaker() -> None:
    body = "MIRPUR KHAS: The provincial water board on Monday raised canal charges by a tenth, officials said."
    assert all(c.source is None or c.source.name.lower() != "mirpur khas" for c in _attributed(body))


def test_a_transcripts_speaker_labels_stay_speakers() -> None:
    body = "MODERATOR: Senator, the first question is yours.\n\nOKONJO: Thank you, and thanks to the college for hosting us tonight."
    assert {c.source.name.upper() for c in _attributed(body) if c.source is not None} >= {"MODERATOR", "OKONJO"}


# ------------------------------------------------ "termed", "branded" as "called"
def test_termed_is_a_judgement_like_called() -> None:
    claim = _by_content("Councillor Ama Owusu termed the parking levy \"a tax on nurses\" at the meeting.", "the parking levy")
    assert claim.source is not None and claim.source.name.endswith("Ama Owusu")


# ------------------------------------------------ descriptions: the TD, kin, a job written in full
def test_the_td_is_the_td_named_before() -> None:
    body = (
        "Local TD Kevin Moloney, who toured the quarry, said blasting would be limited to weekdays. "
        "The TD said he would meet the operator in January."
    )
    assert _who(body, "he would meet") == ("Kevin Moloney", "person")


def test_the_father_of_two_is_the_man_just_quoted_not_a_woman() -> None:
    body = (
        "\"The rent doubled in a year,\" said Mr Arjun Mehta, a 41-year-old taxi driver. "
        "The father of three said he may leave the city."
    )
    assert _who(body, "he may leave")[0].endswith("Arjun Mehta")


def test_a_job_written_in_full_is_the_person_just_named() -> None:
    body = (
        "Winifred Osei, 68, who has lived on the estate for 30 years, said she could not afford to move. "
        "The retired hospital cleaner said her service charge had tripled."
    )
    assert _who(body, "her service charge") == ("Winifred Osei", "person")


def test_the_organizer_is_the_organizer_named_before() -> None:
    body = (
        "Keisha Barnes, an organizer with the Eastside Renters Union, said repairs had stopped. "
        "The organizer said she had been told by the landlord that the boiler would be replaced."
    )
    assert _who(body, "she had been told") == ("Keisha Barnes", "person")


# ------------------------------------------------ "he added" is not the woman of a nested report
def test_he_added_is_not_the_woman_whose_words_he_reported() -> None:
    body = (
        "Health Minister Tomas Berg said waiting lists had fallen.\n\n"
        "He said he had been told by Ms Ingrid Dahl, head of the hospital trust, that two wards would reopen. "
        "He added that 40 nurses would be hired."
    )
    assert _who(body, "40 nurses")[0].endswith("Tomas Berg")


def test_madam_makes_a_woman() -> None:
    body = (
        "Mr Lim Wei said bus fares were too high. He visited the market, where a hawker, Madam Goh Siew Lan, "
        "told him she had stopped taking the bus. He said he would raise it in Parliament."
    )
    assert _who(body, "he would raise")[0].endswith("Lim Wei")


# ------------------------------------------------ questions put are no record; a document's date is no content
def test_questions_not_answered_are_no_record() -> None:
    body = "Harbour Ferries did not respond to questions about whether it would refund passengers."
    assert not any(c.content.text.startswith("whether") and "questions" in (c.cue.mention.text if c.cue else "") for c in _attributed(body))


def test_a_documents_date_is_not_part_of_the_content() -> None:
    body = "According to the circular, dated March 3, 2026, schools will close at noon on Fridays."
    claim = _by_content(body, "schools will close")
    assert claim.source is not None and claim.source.kind == "document"


# ------------------------------------------------ "It" after a document whose author was found: the same author
def test_it_after_a_documents_author_is_that_author() -> None:
    body = (
        "Norhaven Solar welcomed the decision. According to the company's environmental statement, the panels would "
        "cover 90 hectares. It also states that sheep would graze between the rows."
    )
    first = _by_content(body, "the panels")
    second = _by_content(body, "sheep would graze")
    assert first.source is not None and second.source is not None and first.source.name == second.source.name


# ------------------------------------------------ initials end no sentence; a title word before a body's name
def test_initials_in_a_firms_name_end_no_sentence() -> None:
    body = "Investigators said the stolen cards were used at J.D. Harlan and at two petrol stations."
    assert _by_content(body, "the stolen cards").content.text.endswith("two petrol stations")


def test_a_judicial_title_word_before_a_department_is_the_departments_name() -> None:
    body = "According to the Justice Ministry, the two men were extradited on Friday."
    assert _who(body, "the two men") == ("Justice Ministry", "government")


def test_known_by_an_alias_is_no_record() -> None:
    body = "The third suspect is known only by an alias, and his nationality is not known."
    assert _attributed(body) == []
