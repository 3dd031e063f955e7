"""Named entities (spaCy NER) of the sentences that need them, loaded lazily.

The parse pipeline leaves NER out (``parse.EXCLUDE``: it is a third of the
cost of a sentence).  The NER component of the same spaCy package has its own
token-to-vector layer, so it runs alone here, on the sentences that hold a
source or may hold its antecedent (``coreference``), not on every sentence.
Nothing is downloaded: the component ships in the installed package.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules import parse
from claimkit.extractors.rules.sources import words as sw

__all__ = ["Entity", "entities", "proper_runs"]

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True)
class Entity:
    start: int  # offsets in the article
    end: int
    text: str
    label: str  # PERSON / ORG / GPE / NORP


@lru_cache(maxsize=1)
def _ner() -> Any:
    """The NER-only pipeline, or None where the package lacks the component."""
    spacy = parse._import_spacy()
    try:
        # the parser's vocabulary, so that a word new to both is looked up once
        pipeline = spacy.load(parse.MODEL, vocab=parse.nlp().vocab, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except (OSError, ValueError):
        return None
    if "ner" not in pipeline.pipe_names:
        return None
    parse._use_numpy_gemm(pipeline)  # as the parser: OpenBLAS, not BLIS, for its matrix products
    return pipeline


# A run of capitalised words, with "of", "and", "the", "de", "van", "&" inside
# ("Ministry of Finance", "Food and Allied Workers Union", "Piet de Wit").
_RUN = re.compile(
    r"(?<![\w'\u2019])[A-Z][\w'\u2019.-]*(?:[^\S\n]+(?:(?:of|and|the|de|van|von|da|&)[^\S\n]+)*[A-Z][\w'\u2019.-]*)*"
)
_NOT_NAME = lx.CALENDAR


def proper_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the runs of capitalised words in ``text[start:end]``."""
    out = []
    for m in _RUN.finditer(text, start, end):
        s, e = m.span()
        while e > s and text[e - 1] in ".'\u2019":
            e -= 1
        out.append((s, e))
    return out


def _extend(text: str, ent: Entity, runs: list[tuple[int, int]]) -> Entity:
    """An entity cut short by NER ("Corvan" of "Corvan Aero") runs on to the end of its capitalised run."""
    run = next((r for r in runs if r[0] <= ent.start < r[1]), None)
    if run is None or run[1] <= ent.end:
        return ent
    tail = text[ent.end : run[1]].split()
    if any(w.lower() in _NOT_NAME or w[:1].islower() or w == "&" for w in tail):
        return ent  # not across "of"/"and" ("Lucy Grant of the Natural History Institute")
    return Entity(ent.start, run[1], text[ent.start : run[1]], ent.label)


_WHICH_AFTER = re.compile(r",\s+which\b")
# public bodies named after the places they serve ("Avon and Somerset Police", not "Tesco and Asda Bank")
_PUBLIC_BODY_WORDS = frozenset("council councils police constabulary authority fire board commission".split())
_PLACES_AND = re.compile(r"(?<![\w'\u2019])(?!(?:The|A|An|But|And|In|On|At|For)\s)[A-Z][a-z]+(?:,\s+[A-Z][a-z]+)*\s+and\s+$")


def _inside_sentence(text: str, start: int) -> bool:
    """Whether ``start`` follows a lower-case word (not the capital that opens a sentence)."""
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1][:1].islower()


def _extend_left(text: str, ent: Entity, runs: list[tuple[int, int]], body_words: frozenset[str]) -> Entity:
    """A body's name NER clipped at the front ("Valley River Authority" of "The
    Esk Valley River Authority") starts where its capitalised run starts, past
    an opening "The": only for an ORG ending in a body's word."""
    if ent.label == "ORG" and text[ent.start : ent.end].split()[-1].lower() in _PUBLIC_BODY_WORDS:
        places = _PLACES_AND.search(text, max(0, ent.start - 60), ent.start)
        if places is not None:
            # "Hereford and Worcester Council", "Avon and Somerset Police": one body named after two places
            return Entity(places.start(), ent.end, text[places.start() : ent.end], ent.label)
    run = next((r for r in runs if r[0] < ent.start < r[1]), None)
    if ent.label != "ORG" or run is None or text[ent.start : ent.end].split()[-1].lower() not in body_words:
        return ent
    head = text[run[0] : ent.start].split()
    while head and head[0].lower().strip(",") in _OPENERS | sw.CLAUSE_OPENERS and not head[0].isupper():
        head = head[1:]
    if not head or any(w.lower() in _NOT_NAME or not w[:1].isupper() for w in head):
        return ent
    start = text.rindex(head[0], run[0], ent.start)
    return Entity(start, ent.end, text[start : ent.end], ent.label)


# A capitalised word that opens a sentence and names nothing: no window of its own.
_OPENERS = frozenset(
    "the a an but and or so yet in on at as if when while after before for with by from to of he she it they we i you "
    "this that these those there his her its their our my your however meanwhile also still then".split()
)
CONTEXT_WORDS = 4  # words read on each side of a capitalised run
_WORD = re.compile(r"\S+")


def windows(text: str, start: int, end: int, runs: list[tuple[int, int]], context: int = CONTEXT_WORDS) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` NER reads: each capitalised run with
    ``context`` words either side, overlapping parts merged.

    The entity labels wanted are names, so NER has nothing to find far from a
    capital; its token-to-vector layer sees four words either side, so a few
    words of context give it what the whole sentence would.  A lone opening
    word such as "The" or "But" gets no window."""
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    picked: list[tuple[int, int]] = []
    for s, e in runs:
        if text[s:e].lower() in _OPENERS:
            continue
        i = next(k for k, w in enumerate(words) if w[1] > s)
        j = next(k for k in range(len(words) - 1, -1, -1) if words[k][0] < e)
        lo, hi = max(0, i - context), min(len(words) - 1, j + context)
        if picked and lo <= picked[-1][1] + 1:
            picked[-1] = (picked[-1][0], max(picked[-1][1], hi))
        else:
            picked.append((lo, hi))
    return [(words[a][0], words[b][1]) for a, b in picked]


def _opening_word(ent: Any) -> Any | None:
    """The first token of the name when NER's entity opens with a clause
    opener ("Since", "Meanwhile"): the word after the opener, else None.  The NER
    pipeline has no tagger, so the word's own shape decides: a known opener,
    followed by more of the entity."""
    words = list(ent)
    k = 0
    # not an acronym ("AS Roma")
    while k < len(words) - 1 and words[k].lower_ in sw.CLAUSE_OPENERS and not words[k].is_upper and (k == 0 or words[k - 1].is_punct):
        k += 1
        while k < len(words) - 1 and words[k].is_punct:
            k += 1  # "However, the Harbor Trust"
    return words[k] if k else None


def entities(text: str, spans: Sequence[tuple[int, int]], extra_org_words: frozenset[str] = frozenset()) -> list[Entity]:
    """The PERSON, ORG, GPE and NORP entities of ``text[start:end]`` for each span, in text order.

    NER reads only the ``windows`` around the span's capitalised runs.  An NER
    entity is run on to the end of the capitalised run it starts in; a
    capitalised run NER missed is an ORG when one of its words is in
    ``extra_org_words`` ("Corvan Aero", "Skyreach Airways")."""
    nlp = _ner()
    if not spans:
        return []
    out: list[Entity] = []
    runs_of = [proper_runs(text, s, e) for s, e in spans]
    parts = [windows(text, s, e, runs) for (s, e), runs in zip(spans, runs_of, strict=True)]
    docs = nlp.pipe((parse.parser_text(text[s:e]) for part in parts for s, e in part), batch_size=64) if nlp is not None else iter(())
    for runs, part in zip(runs_of, parts, strict=True):
        found = []
        for w_start, _ in part:
            doc = next(docs, None)
            for ent in doc.ents if doc is not None else ():
                if ent.label_ in LABELS:
                    s, e = w_start + ent.start_char, w_start + ent.end_char
                    first = _opening_word(ent)
                    if first is not None:
                        s = w_start + first.idx  # "Since the Allied Grain Board": "Since" opens the clause, not the name
                    found.append(_extend_left(text, _extend(text, Entity(s, e, text[s:e], ent.label_), runs), runs, extra_org_words))
        for s, e in runs:
            words = {w.strip(".,").lower() for w in text[s:e].split()}
            missed = not any(f.start < e and s < f.end for f in found)
            named = len(words) > 1 or _inside_sentence(text, s)  # not "Buses will be diverted": a capital only because a sentence starts
            if missed and named and (words & extra_org_words or _WHICH_AFTER.match(text, e)):
                # "Skyreach Airways"; "the courier Parcelwise, which delivers ...": "which", not "who"
                found.append(Entity(s, e, text[s:e], "ORG"))
        out += found
    # a place inside a body named after places is part of its name ("Hereford" in "Hereford and Worcester Council")
    joined = [o for o in out if " and " in o.text and o.text.split()[-1].lower() in _PUBLIC_BODY_WORDS]
    out = [e for e in out if not any(o.start <= e.start and e.end <= o.end and (o.start, o.end) != (e.start, e.end) for o in joined)]
    out.sort(key=lambda x: x.start)
    return _of_x_and_y(text, out)


def _of_x_and_y(text: str, found: list[Entity]) -> list[Entity]:
    """"the Department of Labor and Workforce Development": a body's name "of X and Y" that
    NER split at the "and" into two entities is one."""
    out: list[Entity] = []
    for e in found:
        last = out[-1] if out else None
        if last is not None and text[last.end : e.start] == " and " and " of " in last.text and last.label in {"ORG", "GPE"} and e.label in {"ORG", "GPE", "PERSON"}:
            out[-1] = Entity(last.start, e.end, text[last.start : e.end], last.label)
            continue
        out.append(e)
    return out
