"""Read MEANTIME (NewsReader CAT XML) documents: text, events and dates.

MEANTIME gives tokenised text; ``read_document`` rebuilds it with light
detokenisation, one sentence per line (sentence 0 is the title, 1 the date
line), and maps every annotated event mention and TIMEX3 to character spans
of that text.  Events and times are annotated only in sentences 0-5
(``ANNOTATED_SENTENCES``); the evaluation keeps to those.

``scripts/meantime_to_jsonl.py`` writes the rebuilt texts as claimkit input,
and ``claimkit eval --gold MEANTIME_DIR`` (``evaluate_meantime``) scores the
records extracted from them.  Only corpora ``apple`` and ``gm`` are read
(``CORPORA``): the other MEANTIME corpora are held out.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CORPORA", "Document", "Event", "Timex", "documents", "read_document"]

CORPORA = ("apple", "gm")
ANNOTATED_SENTENCES = 6
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "'s", "n't", ")", "%", "''", "?", "!", "'", "\u2019s"})
_NO_SPACE_AFTER = frozenset({"(", "``", "$"})


@dataclass(frozen=True)
class Event:
    start: int
    end: int
    sentence: int
    certainty: str  # CERTAIN / PROBABLE / POSSIBLE / UNDERSPECIFIED
    polarity: str  # POS / NEG / UNDERSPECIFIED
    pred: str


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    sentence: int
    type: str
    value: str
    creation_time: bool


@dataclass
class Document:
    doc_id: str
    text: str
    published: dt.date | None
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)

    @property
    def annotated_end(self) -> int:
        """Character offset where the annotated sentences (0-5) end."""
        spans = self.sentence_spans[:ANNOTATED_SENTENCES]
        return spans[-1][1] if spans else 0


def _anchor(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        pass
    try:  # one DCT is malformed, day first: "03-02-2009"
        return dt.datetime.strptime(value or "", "%d-%m-%Y").date()
    except ValueError:
        return None


def _rebuild(root: ET.Element) -> tuple[str, dict[str, tuple[int, int, int]], list[tuple[int, int]]]:
    """The text, each token's (start, end, sentence) and each sentence's span."""
    pieces: list[str] = []
    tokens: dict[str, tuple[int, int, int]] = {}
    sentences: list[tuple[int, int]] = []
    pos, sentence, previous = 0, None, None
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        raw = token.text or ""
        word = raw.replace("``", '"').replace("''", '"')
        if sentence is not None and number != sentence:
            sep = "\n"
        elif sentence is None or raw in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        pos += len(sep)
        if number != sentence:
            sentences.append((pos, pos))
        tokens[token.get("t_id", "")] = (pos, pos + len(word), number)
        pieces.append(word)
        pos += len(word)
        sentences[-1] = (sentences[-1][0], pos)
        sentence, previous = number, raw
    return "".join(pieces), tokens, sentences


def _extent(node: ET.Element, tokens: dict[str, tuple[int, int, int]]) -> tuple[int, int, int] | None:
    anchors = [tokens[a.get("t_id", "")] for a in node.iter("token_anchor") if a.get("t_id") in tokens]
    if not anchors:
        return None
    return min(a[0] for a in anchors), max(a[1] for a in anchors), anchors[0][2]


def read_document(path: Path) -> Document:
    """One CAT XML file as text with its events and time expressions."""
    root = ET.parse(path).getroot()
    text, tokens, sentences = _rebuild(root)
    doc = Document(doc_id=path.stem, text=text, published=None, sentence_spans=sentences)
    markables = root.find("Markables")
    nodes = list(markables) if markables is not None else []
    dct = None
    for node in nodes:
        extent = _extent(node, tokens)
        if node.tag == "TIMEX3":
            creation = node.get("functionInDocument") == "CREATION_TIME"
            if creation:
                dct = node.get("value")
            if extent is not None:
                doc.timexes.append(Timex(*extent, node.get("type", ""), node.get("value", ""), creation))
        elif node.tag == "EVENT_MENTION" and extent is not None:
            doc.events.append(
                Event(*extent, node.get("certainty", ""), node.get("polarity", ""), node.get("pred", ""))
            )
    doc.published = _anchor(dct)
    return doc


def documents(meantime_dir: Path) -> Iterator[Document]:
    """The documents of the corpora ``apple`` and ``gm`` (never the held-out ones)."""
    base = meantime_dir / "intra-doc_annotation"
    for corpus in CORPORA:
        for path in sorted((base / f"corpus_{corpus}").glob("*.xml")):
            yield read_document(path)
