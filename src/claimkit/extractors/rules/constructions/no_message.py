"""Readings whose content is no message at all, though the words around them are
a cue's: the message itself as the object ("Tallyforge published a blog post",
"the club issued a statement on Saturday evening", "posted a statement on its
Facebook page"), a telephone call ("tried to call the support line"), questions
passed on ("referred further questions to the entity", "did not respond to
questions about whether ...") and a document described by what was done with it
("a statement read to the court by the fiscal depute": the clause after it is the
record).

They apply with a speaker too: what a fact-checker reads in such a record is a
date, a page or a document's name, not what anybody said.  The reporter's question
("Asked about that claim, the CISO said ...") stays a record: PolNeAR marks it, and
leaving it out cost cue recall on the held-out fifth of train.
"""

from __future__ import annotations

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import TIME_WORDS, Found, ParsedSentence, Token

_PUBLISHING = frozenset("publish issue post release put send upload share".split())
_MESSAGES = frozenset("statement post blog update notice announcement circular notification".split())  # (not a letter or a video: PolNeAR marks "sent a letter on Thursday")
_LINES = frozenset("line lines number hotline helpline phone office police ambulance centre center desk".split())
_WHERE = frozenset("page site website account feed channel platform blog media timeline".split())
_PASSED_ON = frozenset("question questions inquiries enquiries queries requests calls".split())


def no_message(s: ParsedSentence, tok: Token, lemma: str, f: Found) -> bool:
    """Whether ``f``'s content is no message (module docstring)."""
    if tok.lower_ == "known" and _known_by_a_name_or_not_at_all(tok):
        return True  # "is only known by an alias", "his place of origin is not known": nobody's message
    if f.rule == "learned-arg" and tok.lower_ in _PASSED_ON and _answered_or_not(tok):
        return True  # "did not respond to questions about whether ...": the questions put, nobody's message
    content = s.text[f.content[0] : f.content[1]]
    if s.quotes.quoted_chars(*f.content) > 0 or _finite(s, f):
        return False
    words = [w.strip(",.;:'\u2019").lower() for w in content.split()]
    if not words:
        return False
    if f.rule == "verb:obj" and lemma in _PUBLISHING and words[-1] in _MESSAGES:
        return True  # "published a blog post": the message, not what it says
    cue_words = s.text[f.cue[0] : f.cue[1]].lower().split()
    if any(w in _MESSAGES for w in cue_words) and (all(w in TIME_WORDS or w in lx.MONTHS or w.isdigit() or w in {"the", "on", "last", "late", "early"} for w in words) or words[-1] in _WHERE):
        return True  # "issued a statement on | Saturday evening", "posted a statement on | its Facebook page"
    if s.lex.lemma_of(tok.lower_, "V") == "call" and f.rule == "verb:obj" and any(c.dep_ == "dobj" and c.lower_ in _LINES for c in tok.children):
        return True  # "tried to call the support line"
    if lemma == "refer" and any(c.dep_ == "dobj" and c.lower_ in _PASSED_ON for c in tok.children):
        return True  # "referred further questions to the entity"
    first = next((t for t in s.doc if s.off + t.idx >= f.content[0]), None)
    return f.rule == "learned-arg" and first is not None and first.tag_ in {"VBN", "VBD"} and first.dep_ == "acl" and first.head.i == tok.i  # "a statement read to the court"


def _finite(s: ParsedSentence, f: Found) -> bool:
    """Whether the content holds a verb with a subject of its own (not a relative pronoun)."""
    return any(f.content[0] <= s.off + t.idx < f.content[1] and t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ not in {"WDT", "WP"} for t in s.doc)


def _answered_or_not(noun: Token) -> bool:
    """"did not respond to questions", "declined to answer questions": the noun is what was put to somebody and not answered."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    negated = any(c.dep_ == "neg" for c in head.children) or head.head.lower_.startswith(("declin", "refus"))
    return head.lower_.startswith(("declin", "refus")) or (head.lower_.startswith(("respond", "repl", "answer")) and negated)


_NAMES = frozenset("alias name names nickname pseudonym moniker".split())


def _known_by_a_name_or_not_at_all(known: Token) -> bool:
    """"known by an alias" (what somebody is called), "is not known" with nobody who does not know it."""
    agent = next((c for c in known.children if c.dep_ == "agent"), None)
    if agent is not None:
        return any(g.dep_ == "pobj" and g.lower_ in _NAMES for g in agent.children)
    return any(c.dep_ == "neg" for c in known.children) and any(c.dep_ == "auxpass" for c in known.children)
