"""Sources: the name and kind of a source phrase, and pronoun resolution.

Kinds come from cheap evidence, not NER (NER would double the parse cost):
the head word and its modifiers looked up in the lists of ``lexicon``, the
fine-grained tag (proper noun or not, plural or not), and what the same name
was classified as earlier in the article.

Pronoun sources ("he", "she", "it", "they") are resolved to the last earlier
named mention that fits (person for he/she, a singular non-person for "it",
a group, organisation or government for "they").  The record then keeps the
pronoun as ``source.mention`` AND as ``source.resolved_from`` (both point at
the pronoun, so the span is always verbatim), while ``source.name`` is the
antecedent's name and ``source.kind`` its kind.  Unresolved pronouns keep the
pronoun as name, kind "person" (he/she) or "unnamed".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.sources import words as sw
from claimkit.extractors.rules.sources.descriptors import kind_of_descriptors
from claimkit.extractors.rules.sources.kinds import given_name
from claimkit.extractors.rules.sources.plural_subjects import PEOPLE_NOUNS

_DETS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass
class Mention:
    pos: int  # character offset in the article
    name: str
    kind: str
    plural: bool = False


@dataclass
class History:
    """Named mentions seen so far in one article, in text order."""

    mentions: list[Mention] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # last word of a name -> kind
    groups: list[tuple[int, int, str]] = field(default_factory=list)  # plural subjects of people: start, end, phrase
    individuals: list[tuple[int, int, str]] = field(default_factory=list)  # "one girl", "a pensioner": start, end, phrase

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.kinds.setdefault(m.name.split()[-1].lower(), m.kind)
        self.kinds.setdefault(m.name.lower(), m.kind)

    def add_group(self, start: int, end: int, phrase: str) -> None:
        """A plural subject of people ("The other two"), an antecedent for "they" (``plural_subjects``)."""
        if any(g[0] == start for g in self.groups):
            return
        self.groups.append((start, end, phrase))
        self.mentions.append(Mention(start, phrase, "group", True))

    def resolve(self, pronoun: str, before: int) -> Mention | None:
        want = lx.PRONOUNS.get(pronoun.lower())
        if want is None:
            return None
        for m in sorted((m for m in self.mentions if m.pos < before), key=lambda m: m.pos, reverse=True):
            if want in {"male", "female"} and (m.kind == "person" or (m.kind == "unnamed" and not m.plural and _may_be(m.name, want))):
                return m  # "One midwife at the hospital, who asked not to be named, said ... she said"
            if want == "thing" and m.kind in {"government", "organization", "media", "document"} and not m.plural:
                return m
            if want == "plural" and (m.plural or m.kind in {"group", "organization", "government"}):
                return m
        return None

    def _a_group(self, m: Mention) -> bool:
        return any(g[0] == m.pos for g in self.groups)  # "the authors of the report" is no antecedent of "the report"

    def resolve_definite(self, head_word: str, before: int) -> Mention | None:
        """The last named mention a definite description refers back to:
        "the union" -> "Averly Harbour Workers' Union" (its name ends with the head word)."""
        word = head_word.lower()
        for m in sorted((m for m in self.mentions if m.pos < before), key=lambda m: m.pos, reverse=True):
            if m.kind != "person" and len(m.name.split()) > 1 and m.name.lower().split()[-1] == word and not self._a_group(m):
                return m
        return None


_FEMALE_NOUNS = frozenset("mother woman wife daughter sister grandmother girl aunt niece chairwoman spokeswoman policewoman businesswoman".split())
_MALE_NOUNS = frozenset("father man husband son brother grandfather boy uncle nephew chairman spokesman policeman businessman".split())


def _may_be(name: str, want: str) -> bool:
    """Whether an unnamed person ("the boy's mother", "One midwife") may be a "he" (``want`` male) or "she"."""
    last = name.lower().split()[-1:] or [""]
    return last[0] not in (_FEMALE_NOUNS if want == "male" else _MALE_NOUNS)


def name_tokens(head: Any) -> list[Any]:
    """The proper name around a head: the run of proper-noun compounds and
    possessors just before it ("North Korea's Ministry"), and "of X" after it."""
    doc = head.doc
    lo = head.i
    while lo > 0:
        t = doc[lo - 1]
        if (t.tag_.startswith("NNP") and t.dep_ in {"compound", "poss", "nmod", "amod"}) or (t.tag_ == "POS" and lo > 1 and doc[lo - 2].tag_.startswith("NNP")):
            lo -= 1
        elif t.tag_.startswith("NNP") and t.dep_ == "conj" and lo > 2 and doc[lo - 2].lower_ == "and" and doc[lo - 3].tag_.startswith("NNP") and doc[lo - 3].dep_ in {"compound", "nmod"}:
            lo -= 3  # "Universities and Colleges Employers Association": one name with "and" inside
        elif t.text == "-" and not t.whitespace_ and lo > 1 and doc[lo - 2].tag_.startswith("NNP") and not doc[lo - 2].whitespace_ and len(doc[lo - 2]) > 1:
            lo -= 2  # "Vasquez-Hart", "Lloyd-Webber": a double-barrelled name the tokenizer split at its hyphen
        elif t.lower_ == "and" and lo > 1 and doc[lo].tag_.startswith("NNP") and doc[lo - 2].tag_.startswith("NNP") and doc[lo - 2].dep_ in {"compound", "nmod"}:
            lo -= 2  # ... however the parser hangs the words
        else:
            break
    if lo == 1 and head.head.i == 0 and doc[0].is_title and doc[0].tag_ in {"VB", "VBN", "VBG", "JJ"}:
        lo = 0  # "Keep Brackenford Moving": a campaign named by an imperative the parser made the head's verb
    hi = head.i
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == hi + 1:
            sub = list(c.subtree)
            if all(t.tag_.startswith("NNP") or t.lower_ in {"of", "the", "and"} for t in sub):
                hi = sub[-1].i
    return list(doc[lo : hi + 1])


def _proper_name(head: Any) -> tuple[str, list[str], bool, str]:
    """The name around a proper-noun head, its words, whether a title or a
    person word comes with it ("Councillor Priya Raman"), and the common noun
    right before it that says what it names ("union secretary Dana Okafor",
    "Chinese AI company Blaze")."""
    toks = name_tokens(head)
    first = toks[0].lower_
    titled = len(toks) > 1 and first in lx.PERSON_HEADS | lx.TITLES  # "Councillor Priya Raman"
    name = head.doc[toks[0].i : toks[-1].i + 1].text
    # Words of the name itself decide organisation vs person, not the words
    # around it: "union secretary Dana Okafor" is a person.
    name_words = [t.lower_ for t in toks]
    before = head.doc[toks[0].i - 1] if toks[0].i > 0 else None
    # A common noun right before the name says what it names:
    # "union secretary Dana Okafor", "Chinese AI company Blaze".
    descriptor = before.lower_ if before is not None and before.dep_ in {"compound", "amod", "nmod", "appos"} else ""
    titled = titled or descriptor in lx.PERSON_HEADS | lx.TITLES
    return name, name_words, titled, descriptor


def _common_name(head: Any) -> str:
    """"sources familiar with the matter": keep the head phrase only (left of the head)."""
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ != "punct"]
    while left and left[0].lower_ in _DETS:
        left = left[1:]
    lo = left[0].i if left else head.i
    doc = head.doc
    while lo >= 2 and doc[lo - 1].text == "-" and doc[lo - 2].is_alpha:
        lo -= 2  # "co-founders", which the parser may split into three words
    return str(doc[lo : head.i + 1].text)


def _proper_kind(h: str, low: str, words: list[str], name_words: list[str], titled: bool, descriptor: str, plural: bool) -> str:
    """The kind of a proper name (head word ``h``, the source phrase ``low``)."""
    if titled:
        return "person"
    if h in lx.COUNTRIES or "united states" in low or "white house" in low or h in lx.GOVERNMENT_NAMES:
        return "government"
    if h in lx.GOVERNMENT_HEADS or any(w in lx.GOVERNMENT_HEADS for w in words[:-1] if w in {"ministry", "department", "office", "administration", "government"}):
        return "government"
    if descriptor in lx.GOVERNMENT_HEADS:
        return "government"
    if descriptor in lx.MEDIA or descriptor in lx.MEDIA_HEADS:
        return "media"
    personal = len(name_words) > 1 and given_name(name_words[0])  # "the property developer Vincent Areola": a person the noun describes
    if (descriptor in lx.ORG_HEADS and not personal) or any(w in lx.ORG_HEADS for w in name_words) or h in {"inc", "corp", "llc", "ltd"}:
        return "organization"
    if descriptor and kind_of_descriptors([descriptor]) in {"organization", "government", "media"} and not personal:
        return kind_of_descriptors([descriptor])  # type: ignore[return-value]  # "The campaign group Safer Births"
    if any(w in lx.MEDIA for w in name_words):
        return "media"
    if len(name_words) > 1 and name_words[-1] in sw.ORG_NAME_WORDS:
        return "organization"  # "Tarvik Motors", "Corran Foods": a firm's plural word, not people
    if plural:
        return "group"
    return "person"


def _common_kind(h: str, words: list[str], plural: bool) -> str:
    """The kind of a common-noun source phrase from its head word ``h``; "a
    former regulator", "a retired judge": people who held the post."""
    if h in sw.PUBLIC_AGENTS and any(w in sw.PUBLIC_MODIFIERS for w in words):
        return "government"  # "the national forecaster": the weather service
    if h in words and words[words.index(h) + 1 : words.index(h) + 2] == ["of"] and words[-1] in PEOPLE_NOUNS:
        return "group"  # "a panel of experts", "a team of doctors": the people on it
    if h not in lx.UNNAMED_HEADS and any(w in {"former", "retired", "ex-", "onetime", "one-time"} or w.startswith("ex-") for w in words):
        return "group" if plural else "person"
    for heads, kind in (
        (lx.UNNAMED_HEADS, "unnamed"),
        (lx.GROUP_HEADS, "group"),
        (lx.PERSON_HEADS, "person"),
        (lx.DOCUMENT_HEADS, "document"),
        (lx.GOVERNMENT_HEADS, "government"),
        (lx.ORG_HEADS, "organization"),
        (lx.AUTHOR_PRONOUNS, "author"),
    ):
        if h in heads:
            return kind
    if h == "opposition":
        return "organization"  # the opposition party or parties
    if any(w in lx.COUNTRIES for w in words) and h in {"government", "officials"}:
        return "government"
    if plural:
        return "group"
    # the nouns a description of a body uses ("the weather service", "the hospital", "the broadcaster")
    for nouns, kind in ((sw.GOVERNMENT_DESCRIPTORS, "government"), (sw.MEDIA_DESCRIPTORS, "media"), (sw.ORG_DESCRIPTORS, "organization")):
        if h in nouns:
            return kind
    if h in sw.PERSON_DESCRIPTORS or (len(h) > 5 and h.endswith(("ist", "ian"))):
        return "person"  # "a former nurse", "the physiotherapist"
    return "unnamed"


def classify(head: Any, span_text: str, history: History) -> tuple[str, str]:
    """(name, kind) of a non-pronoun source phrase with the given head token."""
    low = span_text.lower()
    words = [w.strip(".,;:’'\"") for w in low.split()]
    h = head.lower_
    proper = head.tag_.startswith("NNP") or _capitalised_in_a_name(head)
    plural = head.tag_ in {"NNS", "NNPS"}
    if proper:
        name, name_words, titled, descriptor = _proper_name(head)
    else:
        name, name_words, titled, descriptor = _common_name(head), [], False, ""
    name = name.strip(" ,")

    plural_name = _named_plural(head)
    if plural_name is not None:
        return plural_name, history.kinds.get(plural_name.lower()) or "organization"  # "Reporters Without Borders"
    partitive = _partitive(head, history)
    if partitive is not None:
        return partitive, "group"  # "Seven of the nine members of the committee", "Some of them" (residents)
    one_of = _one_document_of(head)
    if one_of is not None:
        return one_of, "document"  # "one of the largest studies of its kind": a study
    if not proper and ((h in lx.DOCUMENT_HEADS and h not in lx.UNNAMED_HEADS) or head.text == "post"):  # ("the post": a blog's or a page's, not The Post)
        return name, "document"  # "a study published in the journal X" is a document, wherever it appeared
    if any(p in low for p in lx.MEDIA_PHRASES) or h in lx.MEDIA or h in lx.MEDIA_HEADS:
        return name, "media"
    if proper and _a_paper(head, name_words):
        return name, "media"  # "the Sunday Courier", whatever the words around it
    known = history.kinds.get(name.lower()) or (history.kinds.get(h) if proper else None)
    if known:
        return name, known
    if proper:
        kind = _proper_kind(h, low, words, name_words, titled, descriptor, plural)
        # "Northwind Renewables, which spent", "The East Stand at Millbank Park": no person
        return name, "organization" if kind == "person" and (_which_after(head) or _the_before(head)) else kind
    return name, _common_kind(h, words, plural)


def _one_document_of(head: Any) -> str | None:
    """"one of the largest studies of its kind": the document, named by its noun in the singular."""
    if head.lower_ != "one":
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.lower_ not in lx.DOCUMENT_HEADS or not obj.lower_.endswith("s"):
        return None
    singular = obj.lower_[:-3] + "y" if obj.lower_.endswith("ies") else obj.lower_[:-1]
    return singular if singular in lx.DOCUMENT_HEADS else obj.lower_


def _capitalised_in_a_name(head: Any) -> bool:
    """A capitalised singular noun the tagger read as common, after a proper noun of its
    name ("PC Laura Denning", where "Denning" came out NN)."""
    before = head.doc[head.i - 1] if head.i > 0 else None
    return head.tag_ == "NN" and head.text[:1].isupper() and before is not None and before.tag_ == "NNP" and before.dep_ == "compound"


def _partitive(head: Any, history: History) -> str | None:
    """A number or quantifier of people as a source: the whole phrase, with "them"
    named by the plural subject it stands for ("Some of them" -> "some of the residents")."""
    if not (head.tag_ == "CD" or head.lower_ in {"some", "many", "most", "several", "few", "all", "both", "none", "one"}):
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        return None
    if obj.lower_ in {"them", "those"}:
        ante = history.resolve("they", 1 << 62)  # the sentences before: this one's subjects are remembered after it
        if ante is None or ante.kind != "group":
            return None
        group = ante.name if ante.name[:1].isupper() and ante.name.split()[0].lower() not in PEOPLE_NOUNS else ante.name.lower()
        return f"{head.text} of {group}" if group.split()[0].lower() in {"the", "these", "those"} else f"{head.text} of the {group}"
    if obj.lower_ in lx.DOCUMENT_HEADS and obj.lower_.endswith("s") and head.lower_ == "one":
        return None  # "one of the largest studies of its kind": a study (``classify``), not a group
    if obj.lower_ not in PEOPLE_NOUNS:
        return None
    return head.doc[head.i : obj.right_edge.i + 1].text


# what joins the words of a body named by a plural noun ("Friends of the Earth", "Physicians for Human Rights")
_NAME_PREPOSITIONS = frozenset("of for without against in".split())
_OPENING_MARKS = frozenset(['"', "\u201c", "'", "\u2018", "-", "\u2013", "\u2014", ":", "("])


def _plural_noun_of_a_name(head: Any) -> bool:
    """A capitalised plural noun that may open a body's name ("Friends", "Reporters",
    "Physicians"), not a family name ending in "s" ("Rep. Elijah Cummings of Maryland")."""
    if not head.text[:1].isupper() or not head.text.endswith("s"):
        return False
    if head.tag_ == "NNS":
        return True
    before = head.doc[head.i - 1] if head.i > 0 else None
    if head.tag_ not in {"NNP", "NNPS"} or (before is not None and before.tag_.startswith("NNP")):
        return False
    return head.lower_ in PEOPLE_NOUNS or head.lower_.endswith(("ers", "ors", "ians", "ists", "ends"))


def _named_plural(head: Any) -> str | None:
    """A capitalised plural noun and a capitalised phrase after it that together name
    one body: "Reporters Without Borders", "Friends of the Earth", "Physicians for
    Human Rights". At a sentence's start a capital proves nothing, so there the
    preposition must be capitalised or the phrase a "the" and a name after a noun
    that is not a people noun ("Residents of Kelso", "Doctors of the town" are people)."""
    doc = head.doc
    prep = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if not _plural_noun_of_a_name(head) or prep is None or prep.head.i != head.i or prep.lower_ not in _NAME_PREPOSITIONS:
        return None
    sub = list(prep.subtree)
    if not all(t.text[:1].isupper() or t.lower_ in {"of", "the", "and", "for"} for t in sub[1:]) or not any(t.tag_.startswith("NNP") for t in sub):
        return None
    before = doc[head.i - 1] if head.i > 0 else None
    opens = before is None or head.i == head.sent.start or before.text in _OPENING_MARKS
    if opens and not prep.text[:1].isupper() and not (sub[1].lower_ == "the" and head.lower_ not in PEOPLE_NOUNS):
        return None
    return str(doc[head.i : sub[-1].i + 1].text)


def _the_before(head: Any) -> bool:
    """Whether "the" opens a name of two or more words around ``head`` (a person's name takes none)."""
    toks = name_tokens(head)
    return len(toks) > 1 and toks[0].i > 0 and head.doc[toks[0].i - 1].lower_ == "the"


def _which_after(head: Any) -> bool:
    """Whether ", which" follows the name around ``head`` (a thing or body, not a person: "who")."""
    end = name_tokens(head)[-1].i
    doc = head.doc
    return end + 2 < len(doc) and doc[end + 1].text == "," and doc[end + 2].lower_ == "which"


def _a_paper(head: Any, name_words: list[str]) -> bool:
    """A proper name after "the" whose last word is a newspaper's ("the Sunday Courier", "the Echo")."""
    toks = name_tokens(head)
    before = head.doc[toks[0].i - 1].lower_ if toks[0].i > 0 else ""
    return bool(name_words) and name_words[-1] in sw.MEDIA_NAME_WORDS and before == "the"
