"""A source's kind from what its name is, and a name without its title.

``kind_of_name(name, label, fallback)``: a people noun ending the name
("Library staff") -> group (or the rules' unnamed, "Officials"); a public
body's word ("Ministry", "Council", "Service", "Board") -> government, unless a
company word makes it a firm ("Post Office Ltd") or a sport a sporting body
("Women's Tennis Council"); an organisation's word ("Airways", "Capital", "Rovers",
"University") -> organization; a country -> government; otherwise the NER
label (PERSON -> person, ORG -> organization, GPE -> government: a country or
city speaking is its government, NORP -> group), else ``fallback``.  A
media name the rules recognised stays media.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.sources import words as sw
from claimkit.extractors.rules.sources.plural_subjects import PEOPLE_NOUNS

__all__ = ["clean_name", "given_name", "given_name_gender", "kind_of_name", "title_word"]

_GIVEN_NAMES_FILE = Path(__file__).with_name("given_names_census1990.txt")


@functools.cache
def _given_names() -> dict[str, str]:
    lines = _GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def given_name(word: str) -> bool:
    """Whether ``word`` is a common given name (the 1990 US Census lists, in
    ``given_names_census1990.txt``): evidence, not proof, that a name is a person's.
    A hyphenated word is one when each part is ("Jean-Paul", "Mary-Kate")."""
    parts = _folded(word).split("-")
    return all(p in _given_names() for p in parts) if all(parts) else False


def _folded(word: str) -> str:
    """Lower case without accents ("Verónica" -> "veronica", "Héctor" -> "hector"): the census lists have none."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def given_name_gender(word: str) -> str | None:
    """"male" or "female" for a given name found in one census list only, else None."""
    return {"m": "male", "f": "female"}.get(_given_names().get(_folded(word), ""))

_LABEL_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "government", "NORP": "group"}
_LEGAL = frozenset("inc inc. ltd ltd. llc plc corp corp. corporation company co co. group bank".split())
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_POST_NOMINALS = frozenset("MP MEP MSP MLA MPP MHA TD QC KC PC".split())
_UNCLOSED_ACRONYM = re.compile(r"\s+\([A-Z][A-Za-z.&-]*\)?$")
_EDGE = " ,.;:\"'\u201c\u201d\u2018\u2019()"


def clean_name(name: str) -> str:
    """The name without a leading article, title or job word and a trailing possessive."""
    # (nor what a run of spaces sets apart: a heading a page dump ran into the lede, "2008 US Presidential Election   Barack Obama")
    name = _UNCLOSED_ACRONYM.sub("", name)  # "Superintendency of Mine Safety (SUSEMI": the acronym after it is no part of the name
    words = re.split(r"\s{3,}", name.strip(_EDGE))[-1].split()
    while len(words) > 1 and words[0].lower().rstrip(",") in sw.CLAUSE_OPENERS and not words[0].isupper():
        words = words[1:]  # "Since the Allied Grain Board": a clause's opener, whatever took it into the name (not "AS Roma")
    if words and words[0].lower() == "the":
        words = words[1:]
    titled = list(words)
    if len(words) > 2 and words[0].isupper() and 2 <= len(words[0]) <= 5 and words[1].lower().rstrip(".") + "." in lx.TITLES:
        words = words[1:]  # "DEO Smt. K. Lalitha Devi": a role's initials, then the honorific and the name
    while len(words) > 1 and (words[0].lower().rstrip(".") + "." in lx.TITLES or _a_title(words[0].lower())):
        if words[-1].lower() in sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS | _LEGAL:
            break  # "General Motors", "Chancellor Insurance", "Justice Department": a body's name, not a title before a person's
        words = words[1:]
    while len(words) > 2 and words[0] in {"of", "for"} and not given_name(words[1]):
        words = words[2:] if words[1][:1].isupper() else words  # "Minister of Mining Verónica Aránguiz Toledo": the department after the title
        while len(words) > 2 and words[0] in {"and", "of"} and words[1][:1].isupper():
            words = words[2:]  # "Minister for Health and Social Care Wes Streeting"
        if words and words[0] in {"of", "for"} and not words[1][:1].isupper():
            break
    if words and words[0] in {"of", "for"}:
        words = titled  # "the Commissioner for Health": a title with no name after it, kept whole
    while len(words) > 2 and words[-1] in _POST_NOMINALS:
        words = words[:-1]  # "Karin Berg MP", "Sean Hegarty TD": letters after a member's name are no part of it
    words = _after_inner_title(words)
    words = words[_owner_before_a_name(words) :]  # "Comhar's Nuala Brennock": a party's or firm's person, named without it
    while len(words) > 1 and words[-1] in _TRAILING:
        words = words[:-1]  # "the Rosewood Birth Centre at": a preposition is no end of a name
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(w for w in words if w).strip(_EDGE)


def _owner_before_a_name(words: list[str]) -> int:
    """How many words an owner's possessive takes before two or three capitalised words that are no body's
    or title's ("Tesco's Dave Lewis", "The Farmers' Party's Orla Quigley"; not "Sainsbury's Bank Ltd",
    "Britain's Prime Minister"): 0 where there is none."""
    owner = next((i + 1 for i, w in enumerate(words[:3]) if w.endswith(("'s", "\u2019s"))), 0)
    rest = words[owner:]
    if not owner or not 2 <= len(rest) <= 3:
        return 0
    bodies = sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS | _LEGAL | _PLACE_NOUNS | lx.TITLES | lx.PERSON_HEADS | _RANKS
    names = all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in rest)
    return owner if names and not {w.lower() for w in rest} & bodies else 0


def _after_inner_title(words: list[str]) -> list[str]:
    """"Moldovan Premier Vasile Tarlev", "Russian Defence Minister Sergei Ivanov": capitalised
    words, then a person's title, then a name of two or three words: the name (not
    "General Motors", "Minister of Finance" or "Prime Minister's Office")."""
    if len(words) < 3 or words[-1].lower() in sw.ORG_NAME_WORDS | sw.GOVERNMENT_NAME_WORDS | _LEGAL | _PLACE_NOUNS:
        return words
    titled = [i for i, w in enumerate(words[:-2]) if i > 0 and w.lower() in lx.TITLES | lx.PERSON_HEADS | _RANKS]
    if not titled and _job_before_given_name(words):
        return words[-2:]  # "Superintendent Glen Harwood", "Wexley County Clerk Janet Orloff"
    if not titled:
        return words
    rest = words[titled[-1] + 1 :]
    names = all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in rest)
    before = all(w[:1].isupper() and _POSSESSIVE.sub("", w).isalpha() for w in words[: titled[-1]])  # ("Massey's CEO Don Blankenship")
    return rest if names and before and len(rest) <= 3 else words


# ranks and jobs written as a title before a name, which no list of titles above holds
_RANKS = frozenset(
    "colonel lieutenant corporal sergeant admiral brigadier commodore superintendent constable paramedic clerk treasurer coroner "
    "skipper coach captain trainer jockey umpire referee striker midfielder goalkeeper defender winger batsman bowler "
    "foreman ranger warden curator vicar rabbi imam chef headteacher headmaster headmistress ceo cfo coo cto".split()
)
_PLACE_NOUNS = frozenset("park street road lane hall square bridge hill green house centre center tower court field fields".split())
_PLACE_OPENERS = frozenset("st st. saint san santa fort port mount lake new old great little".split())


def _a_title(low: str) -> bool:
    """A lower-cased title, rank or job word, hyphenated too ("vice-chancellor", "co-founder": its last part)."""
    return low in lx.TITLES | lx.PERSON_HEADS | _RANKS or ("-" in low and low.rsplit("-", 1)[1] in lx.PERSON_HEADS | _RANKS | {"founder"})


def title_word(word: str) -> bool:
    """Whether a word is a title, rank or job written before a person's name ("Minister", "Cllr", "Skipper")."""
    low = word.strip(",").lower()
    return low.rstrip(".") + "." in lx.TITLES or _a_title(low) or low in sw.PERSON_DESCRIPTORS


def _job_before_given_name(words: list[str]) -> bool:
    """"Paramedic Tom Brancato": a capitalised word that is no given name (a job, a
    rank, a place's last word), then a given name and a family name."""
    job = words[-3]
    return (
        given_name(words[-2]) and not given_name(job) and job[:1].isupper() and job.isalpha()
        and job.lower() not in _PLACE_OPENERS and words[-1][:1].isupper() and words[-1].replace("-", "").isalpha()
    )


_CAMPAIGN_VERBS = frozenset("save keep stop protect defend reclaim scrap".split())
_TRAILING = frozenset("at of in on for and the to from by with".split())


def _words(name: str) -> list[str]:
    return [w.strip(_EDGE).lower() for w in name.split()]


# the plural people nouns of the rules' group heads, and officials (unnamed)
_PEOPLE_HEADS = lx.GROUP_HEADS | PEOPLE_NOUNS | {"officials"}


def _public_agency(name: str, words: list[str]) -> bool:
    """A named "... Agency" or "... Network" with no news word: a public body, not a news agency."""
    low = name.lower()
    return (
        len(words) > 1
        and words[-1] in {"agency", "network"}
        and not any(w in lx.MEDIA or w in {"news", "press", "media", "broadcasting"} for w in words)
        and not any(p in low for p in lx.MEDIA_PHRASES)
    )


def kind_of_name(name: str, label: str | None, fallback: str = "unnamed") -> str:
    """The kind of source a name names (module docstring)."""
    words = _words(name)
    if fallback == "media":
        if not _public_agency(name, words):
            return "media"
        fallback = "government"  # "the Environment Agency" is not a news agency
    if len(words) > 2 and name.split()[-1].islower() and name.split()[-2][:1].isupper() and words[-1] in lx.DOCUMENT_HEADS:
        return "document"  # "the Public Accounts Committee's report", "a Northpoint Research poll": a body's document, not the body
    if any(w in lx.MEDIA for w in words) or any(p in name.lower() for p in lx.MEDIA_PHRASES if not p.startswith("the ")):
        return "media"
    if len(words) > 1 and words[-1] in sw.MEDIA_NAME_WORDS and label != "PERSON":
        return "media"  # "the Tarvik Herald"
    if words in (["gazette"], ["herald"], ["tribune"], ["chronicle"], ["telegraph"]):
        return "media"  # "who spoke to the Gazette": a newspaper, whatever NER made of the one word
    if len(words) >= 2 and words[0] in _CAMPAIGN_VERBS:
        return "organization"  # "Keep Brackenford Moving", "Save Kelvin Park": a campaign, whatever NER made of it
    sporting = any(w.removesuffix("'s") in sw.SPORT_WORDS for w in words)
    if words and words[-1] in _PEOPLE_HEADS and _body_of_people(words):
        return "organization"  # "National Union of Students", "Royal College of Nursing Staff": the body, not its people
    if words and words[-1] in _PEOPLE_HEADS and not (len(words) > 1 and words[-1] in sw.ORG_NAME_WORDS):
        # "Library staff", "Council workers": people, not the body named first
        # ("Officials" stays unnamed: anonymous officials, not a named group)
        return fallback if fallback in {"group", "unnamed"} else "group"
    if words == ["crown"]:
        return "government"  # "the Crown alleges": the prosecution
    if words[-2:] in (["coastguard"], ["coast", "guard"]) or (len(words) > 1 and words[-1] == "coastguard"):
        return "government"  # "the Norwegian Coastguard", "Coast Guard" (not "Coastguard divers": people)
    if any(w in sw.GOVERNMENT_NAME_WORDS for w in words) and not any(w in _LEGAL for w in words) and not sporting:
        return "government"
    if len(words) > 2 and words[-1] == "executive":
        return "government"  # "the Health and Safety Executive", "the Scottish Executive" (a person's title is one word before a name)
    if sporting:
        return "organization"
    if label == "PERSON" and len(words) == 2 and given_name(words[0]) and words[-1] not in _LEGAL:
        return "person"  # "Julie Banks": a given name and a family name that is also a company's word
    if any(w in sw.ORG_NAME_WORDS for w in words):
        return "organization"
    if " ".join(words) in lx.COUNTRIES or (words and words[-1] in lx.COUNTRIES and len(words) == 1):
        return "government"
    if label == "GPE" and _named_after_a_place(words):
        return "organization"  # "Alzheimer's Research UK", "Asia Watch": a body named after a place, not its government
    if label in _LABEL_KIND:
        return _LABEL_KIND[label]
    return fallback


def _body_of_people(words: list[str]) -> bool:
    """A body's word, then "of" and the people it is for ("Union of Students")."""
    if "of" not in words:
        return False
    before = words[: words.index("of")]
    return any(w in sw.ORG_NAME_WORDS or w in sw.GOVERNMENT_NAME_WORDS or w in {"union", "federation", "association", "college", "society"} for w in before)


_CONTINENTS = frozenset("asia europe africa america americas oceania antarctica".split())


def _named_after_a_place(words: list[str]) -> bool:
    """A name of several words, one of them a country or continent, the others not part of it."""
    joined = " ".join(words)
    if len(words) < 2 or len(words) > 5 or joined in lx.COUNTRIES or any(w in _NOT_IN_A_NAME for w in words):
        return False  # not a headline NER took whole ("Mexico Could Do When Up Against Trump")
    place = [w for w in words if w in lx.COUNTRIES or w in _CONTINENTS]
    rest = [w for w in words if w not in place and w not in _PLACE_PARTS]
    return bool(place) and bool(rest) and not any(c in joined for c in lx.COUNTRIES if " " in c)


_NOT_IN_A_NAME = frozenset("could would do does did when up against say says said will is are was were to in on at with as by after before".split())
# words that make a place of a place ("South Korea", "Northern Ireland", "Great Britain")
_PLACE_PARTS = frozenset(
    "north south east west northern southern eastern western central new great upper lower the of republic democratic"
    " kingdom islands island federal federation people's popular islamic arab united city town province state region county"
    " coast valley bay".split()
)
