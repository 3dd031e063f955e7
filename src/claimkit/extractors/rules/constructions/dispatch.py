"""Attribution rules over one parsed sentence: which construction reads
which word.

``run`` tries, for each word left to left (a word inside an earlier
record's cue is not tried again):

* a speaker line at the head of a paragraph first ("Issa: ...":
  ``speaker_lines``);
* "according to X" (``according_to``); "In a poll, ..." and "To X, ..." in the
  first three words (``polls``); an adverb cue ("reportedly": ``adverbs``);
* a verb the cue model takes for a cue, or a light verb (``reporting_verbs``);
  a noun of ``lexicon.NOMINAL_CUES`` with a possessor and a that-clause
  (``nominal_reports.nominal``); else a noun or adjective the model takes for
  a cue (``nominal_reports.argument_cue``).

Which verbs, nouns and adjectives are cues comes from the learned cue model
(``cue_model``: logistic regression over parse features, trained on PolNeAR
train), or without its weights file from the learned lexicon
(P(cue | lemma) on PolNeAR train).  Each record's content then loses a
closing ", which ..." clause (``ParsedSentence.cut_tail``); with a tagger its
cue is widened (``tagger_spans``).  After all words: the respondents' words
inside a poll's content belong to the poll, a content stops before another
reporting-verb attribution that closes it (``cut_inner``), and with
``--accurate`` the tagger's roles set contents and sources.  Rules give spans
in characters; the extractor turns them into candidates.
"""

from __future__ import annotations

import re
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.according_to import according
from claimkit.extractors.rules.constructions.adverbs import adverb
from claimkit.extractors.rules.constructions.closing_cues import NOUN_READ_VERBS, noun_read_cue
from claimkit.extractors.rules.constructions.conveyed import conveys, inside_other
from claimkit.extractors.rules.constructions.nominal_reports import argument_cue, nominal
from claimkit.extractors.rules.constructions.polls import in_poll, view_of
from claimkit.extractors.rules.constructions.reporting_verbs import verb
from claimkit.extractors.rules.constructions.sentence import Chars, Found, ParsedSentence, Token
from claimkit.extractors.rules.constructions.speaker_lines import speaker_line
from claimkit.extractors.rules.constructions.subjects import conjoined_report
from claimkit.extractors.rules.constructions.tagger_spans import use_roles, use_tagger
from claimkit.extractors.rules.constructions.verb_arguments import misattached_that_clause
from claimkit.extractors.rules.cues import cue_model
from claimkit.extractors.rules.cues.cue_model import ROLE_SCORES
from claimkit.extractors.rules.sources import words as sw

_INNER_LEMMAS = frozenset("say tell claim add argue insist note write report warn".split())
_INNER_LEAD = re.compile(r"\s*[,;—–-]\s*(?:and|but|while|though|although|as|even as)?\s*$")


def run(s: ParsedSentence) -> list[Found]:
    """Every record the rules find in the sentence, in the order of their cue words."""
    out: list[Found] = []
    used: set[int] = set()
    doc = s.doc
    v = cue_model.view(doc)
    n = len(v.lower)
    tagged = doc.user_data.get(cue_model.TAGGER_SCORES)  # with --cue-tagger
    speaker = speaker_line(s)
    if speaker is not None:
        out.append(speaker)
        used.update(j for j in range(n) if s.off + v.idx[j] < speaker.content[0])
    for i in range(n):
        if i in used:
            continue
        f = construction_at(s, v, i)
        if f is not None and not conveys(s, doc[i], f):
            f = None
        if f is not None and tagged is not None:
            use_tagger(s, f, tagged, out)
        if f is not None:
            used.add(i)
            # the other words of a multi-word cue ("has concerns") are not cues again
            used.update(j for j in range(n) if f.cue[0] <= s.off + v.idx[j] < f.cue[1])
            f.content = _without_hearer(s, f, s.cut_tail(f.content))
            out.append(f)
    # "In a poll, 31% said they ...": what the respondents said is what the
    # poll found, one attribution (as PolNeAR annotates it)
    polls = [f.content for f in out if f.rule == "poll"]
    out = [f for f in out if f.rule == "poll" or not any(a <= f.cue[0] < b for a, b in polls)]
    out = [f for f in out if not inside_other(s, f, out) and not _channel_of_other(s, f, out) and not _hedge_inside_other(f, out)]
    for f in out:
        f.content = cut_inner(s, f, out)
    out += _nested_reports(s, out)
    roles = doc.user_data.get(ROLE_SCORES)  # with --accurate
    if roles is not None:
        for f in out:
            use_roles(s, f, roles)
    return out


def _nested_reports(s: ParsedSentence, found: list[Found]) -> list[Found]:
    """Reports inside another record's content ("Lekkas said a crew member had told him the ship had
    had problems", "she had been told by a council officer that the trail had been cleared"): a verb
    of telling or assuring with a clause of its own is a record of its own, nested in the first (the
    cue model, fitted where such verbs are rarely cues, leaves them)."""
    out: list[Found] = []
    cues = {i for f in found for i in range(len(s.doc)) if f.cue[0] <= s.off + s.doc[i].idx < f.cue[1]}
    for tok in s.doc:
        lemma = s.lex.lemma_of(tok.lower_, "V")
        if tok.i in cues or not tok.tag_.startswith("VB") or lemma not in _TELLING:
            continue
        if lemma in _MINDS and any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in tok.children):
            continue  # "She said she believed the plan would work": one record, the speaker's own
        pos = s.off + tok.idx
        if s.quotes.at(pos) is not None or not any(f.content[0] <= pos < f.content[1] and f.rule != "adverb" for f in found):
            continue
        if not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) and misattached_that_clause(tok) is None:
            continue
        f = verb(s, tok, lemma, learned=True)
        if f is not None and any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
            f.source, f.source_head = None, None  # "but was told it was too late": told by nobody named
        elif f is not None and not _one_who_speaks(f.source_head):
            continue  # "the use of a familiar voice will assure listeners that ...": no one who tells
        if f is not None and conveys(s, tok, f):
            out.append(f)
    return out


_NAMING = frozenset("termed terms terming branded brands labelled labeled labels".split())
_MINDS = frozenset("believe fear".split())  # (not "hope": "Obama hopes his successor will ..." inside a report is a record PolNeAR does not mark)
_TELLING = frozenset("tell assure inform warn".split()) | _MINDS


def _one_who_speaks(head: Any) -> bool:
    """A name, a pronoun, or a noun for a person or a body."""
    if head is None:
        return False
    if head.tag_ in {"NNP", "NNPS", "PRP"} or head.lower_.rstrip("s") in _SPEAKER_NOUNS or head.lower_ in _SPEAKER_NOUNS:
        return True
    abstract = head.lower_.endswith(("tion", "ment", "ness", "ity", "ance", "ence")) or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return head.tag_ in {"NN", "NNS"} and not abstract  # "a deckhand", not "the use of a familiar voice"


_SPEAKER_NOUNS = lx.PERSON_HEADS | sw.INDIVIDUAL_NOUNS | sw.PERSON_DESCRIPTORS | sw.BODY_NOUNS | sw.INSTITUTION_NOUNS | frozenset(
    "official officials police doctors nurses staff crew officer officers judge pharmacies pharmacy".split()
)


# who was told, read into the content where the parse hung the hearer on the clause ("told the jury he had seized ...")
_HEARER = re.compile(
    r"(?:the\s+)?(?:jury|jurors|court|hearing|inquiry|tribunal|committee|reporters|journalists|audience|parliament|"
    r"MPs|senators|councillors|delegates|analysts|investors|shareholders|staff|members|magistrates)\s+(?=(?:that\s+)?(?:he|she|they|it|we|I)\s)"
)


def _without_hearer(s: ParsedSentence, f: Found, content: tuple[int, int]) -> tuple[int, int]:
    only = _ONLY_THAT.match(s.text, content[0], content[1])
    if only is not None:
        return only.end(), content[1]  # "saying only that the matter was being handled": the clause, not "only that"
    if f.cue[0] <= content[0] < f.cue[1] < content[1]:
        # "said in a letter that the box ...": the parser hung the clause off the channel noun of the cue
        lead = _THAT_AFTER_CUE.match(s.text, f.cue[1], content[1])
        return (lead.end() if lead else f.cue[1], content[1])
    if f.lemma != "tell":
        return content
    hit = _HEARER.match(s.text, content[0], content[1])
    return (hit.end(), content[1]) if hit is not None else content


_THAT_AFTER_CUE = re.compile(r"\s*(?:that\s+)?")
_ONLY_THAT = re.compile(
    r"(?:(?:only|merely|simply|just)|(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:letter|email|memo|post|note|filing|submission))\s+that\s+",
    re.IGNORECASE,
)  # "saying only that ...", "said in a letter that ...": the clause after "that"


def _hedge_inside_other(f: Found, found: list[Found]) -> bool:
    """"Dr Li said infections were reportedly rising", "Rival bidders had
    reportedly walked away, according to the adviser": an adverb cue inside
    another record's content hedges that record (its certainty), it is not
    a second account of the same words by unnamed sources."""
    if f.rule != "adverb":
        return False
    return any(g.rule != "adverb" and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1] for g in found)


def _channel_of_other(s: ParsedSentence, f: Found, found: list[Found]) -> bool:
    """"wrote in a letter to staff that Y": the letter is how the writer said Y,
    not a second attribution of Y (the noun's reading has the verb's content)."""
    if f.rule != "learned-arg":
        return False
    noun = next((t for t in s.doc if f.cue[0] <= s.off + t.idx < f.cue[1]), None)
    if noun is None or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    verb = noun.head.head
    return any(g is not f and g.content == f.content and g.cue[0] <= s.off + verb.idx < g.cue[1] for g in found)


def _divided_over_a_question(tok: Token) -> bool:
    """"Economists are divided on whether caps work": people who disagree about
    a question hold views on it (a passive "divided" with a people subject and
    "on", "over" or "about" a whether-clause), not a thing cut in two."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "over", "about"}), None)
    if subject is None or subject.tag_ != "NNS" or prep is None:
        return False
    return any(g.dep_ == "mark" and g.lower_ == "whether" for t in prep.children for g in t.children)


# bodies that are told things in a hearing ("..., a court heard"): the audience, not the source
_HEARINGS = frozenset("court jury tribunal inquiry hearing committee inquest panel".split())


def _a_court_heard(tok: Token) -> bool:
    """"X did Y, a court heard on Wednesday", "The court heard that X did Y", "..., court told":
    a court or jury as the subject of "heard" (or of a headline's "told") with the clause it was told."""
    subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in _HEARINGS or any(c.dep_ in {"dobj", "dative"} for c in tok.children):
        return False  # "The court heard evidence", "the judge told the jury": not a clause the court was told
    return tok.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in tok.children)


# passive report and belief verbs after an "It" that stands for the clause after them ("It is believed that")
_IT_IS_SAID = frozenset("believed understood thought feared gathered learnt learned reported alleged rumoured rumored suspected".split())


def _it_is_said_that(tok: Any) -> bool:
    """"It is believed that ...", "It was gathered that ...": a passive with "It" and a that-clause."""
    its = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children) and any(c.dep_ == "auxpass" for c in tok.children)
    return its and any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in tok.children)


def construction_at(s: ParsedSentence, v: Any, i: int) -> Found | None:
    """The record the construction of word ``i`` gives (``v``: the sentence's
    ``cue_model.view``), or None."""
    doc, m = s.doc, s.model
    n = len(v.lower)
    low = v.lower[i]
    if low == "according" and i + 1 < n and v.lower[i + 1] == "to":
        return according(s, doc[i])
    if low == "in" and i <= 2:
        return in_poll(s, doc[i])
    if low == "to" and i <= 2:
        return view_of(s, doc[i])
    if low in lx.ADVERB_CUES:
        return adverb(s, doc[i])
    f = noun_read_cue(s, doc[i]) if v.coarse[i] == "N" and low in NOUN_READ_VERBS else None
    if f is not None:
        return f
    if low in {"divided", "split"} and _divided_over_a_question(doc[i]):
        return verb(s, doc[i], "divide", learned=True)
    if low in {"heard", "told"} and _a_court_heard(doc[i]):
        f = verb(s, doc[i], "hear" if low == "heard" else "tell", learned=True)
        if f is not None:
            f.source, f.source_head = None, None  # the court is who was told; who told it is not named here
        return f
    if low in _NAMING and v.coarse[i] == "V" and any(c.dep_ == "dobj" for c in doc[i].children):
        return verb(s, doc[i], "term", learned=True)  # "termed the increase "economic murder"": a judgement, as "called" is
    if low in {"went", "goes", "go"} and i + 2 < n and v.lower[i + 1] == "on" and v.lower[i + 2] == ":":
        return verb(s, doc[i], "say", learned=True)  # "It went on: "...": the statement's words go on
    if low in _IT_IS_SAID and _it_is_said_that(doc[i]):
        return verb(s, doc[i], s.lex.lemma_of(low, "V"), learned=True)  # "It was gathered that ...": an account with no source named
    pos = v.coarse[i]
    if m is not None and cue_model.scored_at(v, i):
        score = m.score_at(doc, i, s.lex, s.quotes.at(s.off + v.idx[i]) is not None)
        if pos == "V":
            lemma = s.lex.lemma_of(low, "V")
            learned = score > m.threshold or conjoined_report(s, doc[i])
            if lemma in lx.LIGHT_VERBS or learned:
                f = verb(s, doc[i], lemma, learned=learned)
        elif pos == "N" and low in lx.NOMINAL_CUES:
            f = nominal(s, doc[i])
        if f is None and pos in "NJ" and score > m.noun_threshold:
            f = argument_cue(s, doc[i])
    elif pos == "V":
        lemma = s.lex.lemma_of(low, "V")
        if lemma in s.lex.cue_verbs or lemma in lx.LIGHT_VERBS:
            f = verb(s, doc[i], lemma)
    elif pos == "N" and low in lx.NOMINAL_CUES:
        f = nominal(s, doc[i])
    return f


def cut_inner(s: ParsedSentence, f: Found, found: list[Found]) -> Chars:
    """PolNeAR's attributions do not nest (a token has one role in one
    attribution): a content that ends with another reporting-verb
    attribution of the sentence, after a comma or dash ("X said Y, while
    Z said W"), stops before it.  An attribution at the start of the
    content ("X said Y told Z that W") is left alone, and so is a cut that
    would leave fewer than four words."""
    start, end = f.content
    cut = end
    for g in found:
        if g is f or not (start < g.cue[0] < end) or s.quotes.at(g.cue[0]) is not None:
            continue
        if f.cue[0] >= start and f.cue[0] < end:
            continue  # f's own cue inside its content: an inserted cue
        g_end = max(g.cue[1], g.content[1])
        if g_end < end - 2:
            continue
        if g.source is None or g.lemma not in _INNER_LEMMAS or not g.rule.startswith("verb:"):
            continue
        g_start = min(g.cue[0], g.content[0], g.source[0])
        if g_start <= start:
            continue
        m = _INNER_LEAD.search(s.text[start:g_start])
        if m is None:
            continue
        g_start = start + m.start()
        cut = min(cut, g_start)
    if cut == end:
        return f.content
    got = s.clean(start, cut, drop_that=False)
    if got is None or len(s.text[got[0] : got[1]].split()) < 4:
        return f.content
    return got
