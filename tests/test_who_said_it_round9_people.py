"""Who said it, round 9 (people): a person described by age, a name with a clause's
opening word in front, an unnamed person of the paragraph, hyphenated names and
roles, titles left on names, and a surname whose full name only a sentence with
no source gives.  Every text is written for these tests."""

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


def _entity_names(text: str) -> set[str]:
    return {c.source.entity.name for c in _attributed(text) if c.source is not None and c.source.entity is not None}


# ------------------------------------------------------------ a person described by age
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("Lead engineer Tomas Reyes inspected the pier on Monday. The 47-year-old said the piles were sound.", "the piles", "Tomas Reyes"),
        (
            "The club thanked its staff. Farrow, 52, spoke outside his home. "
            "The 52-year-old, who coached the side for six years, insisted he had not been given time.",
            "he had",
            "Farrow",
        ),
        ("Captain Ruth Okonjo led the team out at Lord's. The 31-year-old skipper said the pitch was poor.", "the pitch", "Ruth Okonjo"),
    ],
)
def test_a_person_described_by_age_is_the_person_named_before(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


def test_the_age_given_picks_the_person_not_the_last_named() -> None:
    text = (
        "Dairy farmer Owen Pryce, 58, showed inspectors his herd. His neighbour Gareth Lloyd watched from the lane. "
        "The 58-year-old said the milk price no longer covered feed."
    )
    assert _name_kind(_one(text, "the milk")) == ("Owen Pryce", "person")


def test_a_mother_described_by_age_is_the_woman_named_before() -> None:
    text = (
        "Judge Martin Crowe heard the case. Lena Baptiste waited outside the court with her lawyer. "
        "The 38-year-old mother of two said she was relieved."
    )
    assert _name_kind(_one(text, "she was")) == ("Lena Baptiste", "person")


def test_an_adverb_after_the_age_is_no_part_of_the_source() -> None:
    text = "Professor Helen Marsh chaired the ethics panel for a decade. The 54-year-old later said she had offered to resign."
    claim = _one(text, "she had")
    assert _name_kind(claim) == ("Helen Marsh", "person")
    assert claim.source is not None and claim.source.mention is not None and "later" not in claim.source.mention.text


# ------------------------------------------------------------ a clause's opening word is no part of a name
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        (
            "Since the Allied Grain Board announced its review in May, prices have fallen. The board said farmers would be compensated.",
            "farmers",
            "Allied Grain Board",
        ),
        (
            "Although the Castlebrook Hospital Trust denied the claim, nurses protested. The trust said wards were safe.",
            "wards",
            "Castlebrook Hospital Trust",
        ),
        ("Meanwhile Dunmore Dairy Cooperative cut its milk price. The cooperative said costs had risen.", "costs", "Dunmore Dairy Cooperative"),
    ],
)
def test_a_subordinator_before_a_name_is_not_part_of_it(text: str, start: str, name: str) -> None:
    assert _one(text, start).source.name == name  # type: ignore[union-attr]


# ------------------------------------------------------------ one unnamed person of the paragraph
@pytest.mark.parametrize(
    ("text", "start", "noun"),
    [
        (
            "Education Secretary Laura Pemberton said the strike was unjustified.\n\n"
            'Outside, a handful of pupils waited by the gates. Asked what she thought, one girl shrugged. "We just want it over," she said.',
            '"We just',
            "girl",
        ),
        (
            "Farm minister Grace Oduya said the subsidy would stay.\n\n"
            'At the auction mart, a pensioner counted his change. "Prices are mad," he said.',
            '"Prices',
            "pensioner",
        ),
        (
            "Dr Sarah Kent, who led the trial, said the drug was safe.\n\n"
            'In the waiting room, one woman held her son\'s hand. "We have waited two years," she said.',
            '"We have',
            "woman",
        ),
        (
            "Coach Maria Lutz said her side had been unlucky.\n\n"
            'Near the turnstiles, a fan in a red scarf kicked a can. "The referee cost us," he said.',
            '"The referee',
            "fan",
        ),
    ],
)
def test_she_or_he_after_one_unnamed_person_of_the_paragraph_is_that_person(text: str, start: str, noun: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.kind == "unnamed" and noun in claim.source.name


def test_one_person_inside_a_quotation_is_no_antecedent() -> None:
    text = 'Headteacher Ruth Lane met the parents on Monday.\n\n"A teacher told me to leave the room," she said.'
    assert _name_kind(_one(text, '"A teacher')) == ("Ruth Lane", "person")


@pytest.mark.parametrize(
    "text",
    [
        "Asked what she made of the verdict, one juror smiled.",
        "Asked whether the harvest would recover, the grower shrugged.",
    ],
)
def test_asked_before_a_gesture_makes_no_record(text: str) -> None:
    assert not any(c.cue is not None and c.cue.mention.text == "Asked" for c in _records(text))


# ------------------------------------------------------------ hyphenated names and roles
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        (
            "The defendant's lawyer, Ruth Kwan, spoke first. Her co-counsel, Marcus Abernathy, said the verdict would be appealed.",
            "the verdict",
            "Marcus Abernathy",
        ),
        ("Shares in Norrland Timber rose. The firm's vice-president, Dana Holt, said sales would rise.", "sales", "Dana Holt"),
        ("Dr Lena Fisk led the study. Her co-author, Ben Ruiz, said the sample was small.", "the sample", "Ben Ruiz"),
    ],
)
def test_a_hyphenated_role_with_a_name_in_apposition_is_the_named_person(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


def test_a_hyphenated_title_before_a_name_is_no_part_of_it() -> None:
    text = "Vice-Chancellor Margaret Okoye opened the new soil laboratory. The building cost four million pounds. Okoye said funding was secure."
    assert _name_kind(_one(text, "funding")) == ("Margaret Okoye", "person")


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        (
            "Eleanor Vasquez-Hart, a professor of soil science, said yields had fallen. The survey covered 200 farms. "
            "The dairy farm belongs to Jean-Paul Okafor. He said the drought had cost him half his herd.",
            "the drought",
            "Jean-Paul Okafor",
        ),
        (
            "Eleanor Vasquez-Hart runs the dairy farm. It has 200 cows. The milk goes to Leeds. Prices fell in May. "
            "She said the drought was to blame.",
            "the drought",
            "Eleanor Vasquez-Hart",
        ),
    ],
)
def test_a_double_barrelled_name_is_one_name(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


# ------------------------------------------------------------ titles and jobs left on names
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ('Skipper Arne Vollan steered his boat past the wreck. The sea was calm. "It was eerie," he said.', '"It was', "Arne Vollan"),
        (
            'Sergeant Colm Reddy walks the beat at night. The streets are empty. The pubs are shut. "It is quiet," he said.',
            '"It is',
            "Colm Reddy",
        ),
        ("Jockey Ferdia Lyons rode the winner at Ascot. Later he said the ground was soft.", "the ground", "Ferdia Lyons"),
    ],
)
def test_a_job_before_a_name_first_seen_without_a_source_is_no_part_of_it(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Cllr Margaret Hollis, the council's cabinet member, said the road would reopen. "
            "Cllr Hollis's claim that the bridge was safe was disputed by engineers.",
            "the bridge",
        ),
        ("Cllr Margaret Hollis, who chairs the planning board, backed the scheme. Cllr Hollis added that the budget was fixed.", "the budget"),
    ],
)
def test_a_title_and_a_surname_are_the_person_named_in_full_before(text: str, start: str) -> None:
    claim = _one(text, start)
    assert claim.source is not None and claim.source.entity is not None
    assert (claim.source.entity.name, claim.source.kind) == ("Margaret Hollis", "person")


# ------------------------------------------------------------ a surname whose full name only a sentence with no source gives
@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        (
            'Agriculture Minister Thandi Mokoena visited farms on Monday. She toured a dam. The dam was almost empty. '
            'Mokoena said: "We will help every farmer."',
            '"We will',
            "Thandi Mokoena",
        ),
        (
            "Striker Oyelaran Adebayo scored twice on Saturday. The stadium was full. The fans sang for an hour. "
            "Adebayo said the win was for his mother.",
            "the win",
            "Oyelaran Adebayo",
        ),
        (
            "The new vaccine plant was opened by Ingrid Solberg in 2019. It employs 300 people. Output doubled last year. "
            "Solberg said the plant would expand.",
            "the plant",
            "Ingrid Solberg",
        ),
        (
            "Our reporter met Sgt Aled Price of the county police at the ford. The water was rising. "
            "Price said the road would stay closed.",
            "the road",
            "Aled Price",
        ),
    ],
)
def test_a_surname_source_is_the_person_named_in_full_in_a_sentence_without_a_source(text: str, start: str, name: str) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")


def test_a_kin_noun_in_apposition_gives_the_gender_an_age_description_needs() -> None:
    text = (
        "Farmer Ray Dolan said the harvest was poor. Ngozi Dolan, the farmer's eldest daughter, drove his tractor to the sale. "
        "The 24-year-old mother of one said the rain came too late."
    )
    assert _name_kind(_one(text, "the rain")) == ("Ngozi Dolan", "person")


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        (
            "Geneticist Mara Quist, who runs the seed bank at Wexford, said Helen Barr's study had been rushed.\n\n"
            '"The numbers do not add up," she said.',
            '"The numbers',
            "Mara Quist",
        ),
        (
            "Defence barrister Colin Aske, who has practised for thirty years, said Judge Peter Marsh's ruling was wrong.\n\n"
            '"We will appeal within the week," he said.',
            '"We will',
            "Colin Aske",
        ),
    ],
)
def test_a_quotation_opening_a_paragraph_goes_on_with_the_speaker_before_not_a_person_named_in_his_words(
    text: str, start: str, name: str
) -> None:
    assert _name_kind(_one(text, start)) == (name, "person")
