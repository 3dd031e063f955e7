"""Who a statement leans on, named: descriptions and an owner-less "its".

``statements`` makes a reported clause a sentence that reads alone.  Besides
the pronouns it resolves itself, a clause leans on the article through

* a definite description of a named entity ("the company", "the ministry",
  "the club's"): replaced by the entity's name, "The" kept where the article
  writes the name with it ("The Kellwood Care Group"), "Name's" for "the
  club's".  Only the first description of each entity in the clause is
  replaced, and only when the article names what it describes: "the company" is the company
  named before (by the words of its name or the nouns put next to it, else
  the nearest organisation), but "the government", "the court" or "the
  police" are replaced only by a name that holds the noun, and "the coach"
  only by a person the article calls a coach;
* "its" with no antecedent in reach ("She said its online orders had grown",
  in an article about Brenmoor): the organisation the article is about, the
  one named most often before the clause (at least twice).
"""

from __future__ import annotations

import re
from collections import Counter

from claimkit.entities.names import fullest
from claimkit.extractors.rules.sources import groups
from claimkit.extractors.rules.sources import words as sw
from claimkit.extractors.rules.sources.coreference import (
    LOWER_WORD_AFTER,
    Mentions,
    Named,
    full_name_before,
    refer,
)

__all__ = ["description", "name_of", "topic", "with_the"]

_DESCRIPTION = re.compile(r"\b(?P<d>[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?P<h>[a-z-]+))(?P<s>['\u2019]s)?\b")
_HEADS = sw.ORG_DESCRIPTORS | sw.GOVERNMENT_DESCRIPTORS | sw.PERSON_DESCRIPTORS | sw.MEDIA_DESCRIPTORS | groups.HEADS
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['\u2019]s\s+$")
# Descriptions a clause may use for a body the article never names: only a name holding the noun.
# (and nouns that in most clauses are no body at all: "the chain of custody", "much of the network")
_WEAK = frozenset("government state country city county court police service office force board side team chain network unit system".split())


_PLACE_NOUNS = frozenset("city town country state county region village island province".split())
_FACILITIES = frozenset("stadium hospital school airport station bridge centre center hall park arena courts court prison".split())
_THE_BEFORE = re.compile(r"\bthe\s+$")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|into|to|across|around|near|from|throughout|outside|inside|within|through|at|of)\s+$", re.IGNORECASE)


def name_of(text: str, named: Named) -> str:
    """The name a statement writes: the canonical one without a title, with "The"
    where the article writes it so ("The Kellwood Care Group")."""
    if named.kind == "group" and groups.as_description(named.name) != named.name:
        return groups.as_description(named.name)  # "The delegation from Ostrova's Ministry of Education"
    name = fullest([named.name])
    at = named.start
    if named.kind == "person" and " " not in name:
        return full_name_before(text, name, at) or name  # "Aalto" -> "Ingrid Aalto"
    owner = _OWNER_BEFORE.search(text, max(0, at - 60), at)
    if owner is not None and not name.startswith(owner.group(1)):
        return f"{owner.group(1)}'s {name}"  # "Dalmark's Ministry of Education"
    return with_the(text, name, named.kind)


def with_the(text: str, name: str, kind: str) -> str:
    """"The Kellwood Care Group" where the article ever writes the name after "the"."""
    if kind == "person" or name.lower().startswith("the ") or not re.search(rf"\b[Tt]he\s+{re.escape(name)}\b", text):
        return name
    return "The " + name


def description(body: str, start: int, lo: int, mentions: Mentions, speaker: str = "") -> str:
    """``body`` (the clause, at ``start`` of the text) with the first description of
    each named entity in it replaced by the name (module docstring); ``speaker`` is
    the source phrase ("Halloran's chief executive, Richard Dunmore": "the company"
    in what he says is Halloran's)."""
    done: set[str] = set()
    edits: list[tuple[int, int, str]] = []
    for hit in _DESCRIPTION.finditer(body):
        found = _speakers_firm(hit, body, speaker, mentions) or _replacement(hit, body, start, lo, mentions)
        if found is None or found[1] in done:
            continue
        done.add(found[1])
        edits.append((hit.start(), hit.end(), found[0]))
    for a, b, name in reversed(edits):
        body = body[:a] + name + body[b:]
    return body


def _speakers_firm(hit: re.Match[str], body: str, speaker: str, mentions: Mentions) -> tuple[str, str] | None:
    """"the company" in what a firm's officer says ("Halloran's chief executive, Richard Dunmore,
    told the committee the company had ..."): the firm the role is of, by its fullest name."""
    owner = _ROLE_OF.match(speaker)
    if hit["h"] not in _FIRM_HEADS or owner is None or not _ends_phrase(body[hit.end() :], bool(hit["s"])):
        return None
    word = owner["o"]
    firm = next((m.name for m in mentions.items if m.kind == "organization" and m.name.split()[0] == word.split()[0] and m.name.startswith(word)), word)
    name = ("the " if hit.start() > 0 else "The ") + firm[4:] if firm.startswith("The ") else firm
    return name + ("'s" if hit["s"] else ""), firm


_FIRM_HEADS = frozenset("company firm business group".split())
_ROLE_OF = re.compile(
    r"(?:the\s+)?(?P<o>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})['\u2019]s\s+(?:[a-z-]+\s+){0,2}"
    r"(?:executive|ceo|chairman|chairwoman|chair|president|founder|director|manager|spokesman|spokeswoman|spokesperson|owner|lawyer|head|chief)\b"
)


def _replacement(hit: re.Match[str], body: str, start: int, lo: int, mentions: Mentions) -> tuple[str, str] | None:
    """The words that replace one description, and the entity's name; None to leave it."""
    head = hit["h"]
    if head not in _HEADS or not _ends_phrase(body[hit.end() :], bool(hit["s"])):
        return None  # "the striker Kai Mensah" names its own; "the school hall" is a hall
    if head in _PLACE_NOUNS and _LOCATIVE_BEFORE.search(body, 0, hit.start()):
        return None  # "offices in the city": the place, not its council
    pos = start + hit.start()
    named = refer(hit["d"].lower(), pos, lo, mentions)
    if named is None and head in {"company", "firm", "business"}:
        named = topic(pos, mentions, frozenset({"organization"}))  # the firm the article is about (a firm, not the agency)
    if named is None or named.start >= pos:
        return None
    if named.kind != "person" and " " not in named.name and LOWER_WORD_AFTER.match(mentions.text, named.end) and _THE_BEFORE.search(mentions.text, max(0, named.start - 5), named.start):
        return None  # "the Ashby valley": a place before a noun, no firm "the company" could be
    if head in _PLACE_NOUNS and named.kind in {"group", "unnamed"}:
        return None  # "the city's decision" is not "city officials'"
    if head in _PLACE_NOUNS and named.name.lower().split()[-1] in _FACILITIES:
        return None  # "the county" is not "Nyakora County Stadium"
    described = head in named.name.lower() or head in mentions.descriptors.get(named.name, ())
    if (head in _WEAK or named.kind == "person") and not described:
        return None  # "the coach" is not the sprinter named before; "the government" stays
    name = name_of(mentions.text, named)
    if name.lower().removeprefix("the ") in body.lower():
        return None  # named in the clause already
    if hit.start() > 0 and name.startswith("The "):
        name = "the " + name[4:]
    if hit["s"]:
        name += "'" if name.endswith("s") and named.kind != "person" else "'s"
    return name, named.name


_PHRASE_END = re.compile(
    r"\s*(?:$|[,.;:)\"\u201d]|(?:had|has|have|was|were|is|are|would|will|could|can|may|might|should|must|did|does|do"
    r"|not|also|still|and|or|to|of|in|on|at|for|with|by|from|if|that|as|about|over|into|than|when|after|before"
    # past forms without -ed
    r"|spent|said|told|made|took|gave|went|came|won|lost|held|left|met|paid|sold|kept|found|thought|felt|brought"
    r"|bought|built|sent|set|put|cut|ran|saw|began|became|grew|fell|rose|knew|wrote|led|fought|chose|drew|stood|understood)\b)"
)


def _ends_phrase(rest: str, possessive: bool) -> bool:
    """Whether a description's noun ends its noun phrase (a possessive always does)."""
    if possessive or not rest.strip():
        return True
    return _PHRASE_END.match(rest) is not None or rest.split()[0].endswith("ed")


def topic(pos: int, mentions: Mentions, kinds: frozenset[str] = frozenset({"organization", "government"})) -> Named | None:
    """The organisation or public body (of ``kinds``) named most often before ``pos`` (twice at least)."""
    before = [m for m in mentions.items if m.end <= pos and m.kind in kinds and not m.plural]
    counts = Counter(m.name for m in before)
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return next(m for m in before if m.name == name) if n >= 2 else None
