"""Plural subjects that are people, as antecedents for a later "they".

"The other two wanted an immediate cut. They argued that ..." and "Residents
spent the night in sports halls. Some of them said they ...": the "they" is the
people of the subject before it, not a body named further back.  A subject is
taken when its head is a plural noun of people ("residents", "members"), a
number or quantifier of people ("Seven of the nine members of the committee",
"Some of them"), or a bare number or quantifier ("The other two", "Both").
"""

from __future__ import annotations

from typing import Any

from claimkit.extractors.rules import lexicon as lx

__all__ = ["PEOPLE_NOUNS", "one_person_subject", "people_subject", "phrase_of"]

PEOPLE_NOUNS = (
    lx.GROUP_HEADS
    | frozenset(
        """
        officials critics experts analysts people others observers insiders aides investors firefighters rescuers
        witnesses victims survivors patients owners tenants drivers pilots soldiers troops miners protesters
        demonstrators inspectors lawyers judges ministers mps senators governors mayors executives directors managers
        bosses doctors vets researchers scientists authors organisers organizers shareholders consumers
        households landlords locals neighbours neighbors villagers islanders homeowners builders developers
        academics lecturers professors teachers governors trustees councillors councilors regulators diplomats
        negotiators delegates auditors investigators detectives officers engineers volunteers campaigners activists
        nurses midwives workers employees staff parents pupils students fans supporters farmers fishermen riders
        passengers customers commuters voters economists historians lawmakers prosecutors paramedics surveyors
        """.split()
    )
)
_QUANTIFIERS = frozenset("both others some many most several few all two three four five six seven eight nine ten".split())
_DETERMINERS = frozenset("the a an these those".split())


def _people_of(tok: Any) -> bool:
    """A number or quantifier "of" people ("Seven of the nine members", "Some of them")."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj is not None and (obj.lower_ in {"them", "those", "us"} or obj.lower_ in PEOPLE_NOUNS)


def people_subject(tok: Any) -> bool:
    """Whether the subject token ``tok`` heads a plural phrase of people."""
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if tok.tag_ == "NNS":
        return tok.lower_ in PEOPLE_NOUNS
    if tok.tag_ == "CD" or tok.lower_ in _QUANTIFIERS:
        has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        return _people_of(tok) if has_of else True
    return False


def phrase_of(tok: Any) -> tuple[int, int]:
    """Character offsets (in the sentence) of the subject phrase: its determiners and
    modifiers, the head and an "of" phrase after it; not a relative clause or apposition."""
    doc = tok.doc
    lo = min((c.left_edge.i for c in tok.lefts if c.dep_ not in {"punct", "cc"}), default=tok.i)
    cut = max((t.i for t in doc[lo : tok.i] if t.is_punct or t.is_space), default=None)
    if cut is not None:
        lo = cut + 1  # "BRUSSELS - European leaders": the dateline is not the subject
    while lo < tok.i and doc[lo].lower_ in _DETERMINERS:
        lo += 1
    hi = tok.i
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"of", "at", "from"}), None)
    if of is not None:
        hi = max(hi, of.right_edge.i)  # "Seven of the nine members", "Researchers at the University of Copenhagen"
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


# one person the article does not name, as the subject of a sentence that says
# nothing ("Asked what she thought, one girl shrugged", "a pensioner counted his change")
PERSON_NOUNS = frozenset(
    """
    girl boy woman man mother father pensioner fan resident student pupil shopper commuter passenger customer
    driver rider worker farmer grower fisherman villager local neighbour neighbor parent teenager visitor tourist
    bystander onlooker spectator supporter witness patient nurse midwife teacher volunteer traveller traveler
    widow widower grandmother grandfather mourner protester demonstrator voter tenant owner trader vendor
    cyclist shopkeeper veteran runner walker hiker climber swimmer survivor juror
    """.split()
)
_ONE = frozenset({"a", "an", "one", "another"})


def one_person_subject(tok: Any) -> bool:
    """Whether the subject token ``tok`` is one person without a name: "one girl",
    "a pensioner", "an elderly shopper" (not "the girl", not "one of the girls")."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.tag_ != "NN" or tok.lower_ not in PERSON_NOUNS:
        return False
    return any(c.dep_ in {"det", "nummod"} and c.lower_ in _ONE and c.i < tok.i for c in tok.children)
