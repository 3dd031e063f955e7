"""The language stage: which language each article is written in, and whether
the extractor reads it.

It runs right after loading.  Each article's language is identified on its
whole text (the first ``MAX_CHARS`` characters) by py3langid, whose model
ships in its wheel; ``Article.language`` is set to the ISO 639-1 code, which
``assemble`` copies into every record.  An extractor that reads only some
languages says so in a ``languages`` attribute (the offline rules:
``{"en"}``); an article identified as another language is then not extracted
but passed on as a ``LanguageSkipped`` item (exit code 7), which the CLI
reports on one line and counts.  An extractor without ``languages`` (the LLM
extractor) reads every language.

A text too short or too unlike any language to tell (fewer than
``MIN_LETTERS`` letters, or a confidence under ``MIN_CONFIDENCE``) gets no
language and is never skipped: the stage skips only what it is sure of.
An English article that quotes a sentence in another language is English:
the identifier reads the whole text, not the sentence.

``declared`` (the CLI's ``--lang``) replaces identification: every article
gets that language and none is skipped for it.  How the identifier was chosen
is in ``docs/language-identification.md``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimkit.errors import InputError, LanguageSkipped
from claimkit.model import Article

# Identification reads this much of an article: enough for any news article's
# lead and body, and a bound on the cost of a very long input.
MAX_CHARS = 20_000
# Below these the identifier guesses (a headline alone, a date line, "OK").
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
# py3langid's label for text without linguistic content (numbers, symbols)
_NO_LANGUAGE = "zxx"
_LETTER = re.compile(r"[^\W\d_]")
_ISO_639_1 = re.compile(r"[a-z]{2}")

NAMES = {
    "ar": "Arabic", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian",
    "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


@dataclass(frozen=True)
class Identified:
    """The identifier's answer: a language label (ISO 639-1 where one
    exists, else py3langid's three-letter label) or None, and its confidence."""

    code: str | None
    confidence: float

    @property
    def iso_639_1(self) -> str | None:
        """The code if it is a two-letter ISO 639-1 code (what records carry)."""
        return self.code if self.code is not None and _ISO_639_1.fullmatch(self.code) else None


_lock = threading.Lock()
_loaded: list[Any] = []


def _identifier() -> Any:
    with _lock:
        if not _loaded:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            # norm_probs: confidences in 0..1, comparable across text lengths
            _loaded.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
        return _loaded[0]


def warm_up() -> threading.Thread:
    """Start loading the identifier's model in a thread and return it (join it
    when the model must be there).  Loading takes about 0.45 s, three quarters
    of it LZMA decompression, which releases the GIL: started before the
    extractor loads spaCy, it costs a run almost nothing on two cores."""
    thread = threading.Thread(target=_identifier, name="claimkit-langid-load", daemon=True)
    thread.start()
    return thread


def identify(text: str) -> Identified:
    """The language of ``text``, or ``code=None`` when it cannot be told."""
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample, 0, 2_000)) < MIN_LETTERS:
        return Identified(None, 0.0)
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE or code == _NO_LANGUAGE:
        return Identified(None, confidence)
    return Identified(code, confidence)


def name(code: str) -> str:
    """"German" for "de"; the code itself for a language not in ``NAMES``."""
    return NAMES.get(code, code)


def check(article: Article, *, reads: frozenset[str] | None, declared: str | None = None) -> Article | LanguageSkipped:
    """The article with its language set, or a ``LanguageSkipped`` item when
    ``reads`` (the extractor's languages; None: all) does not hold it."""
    if declared is not None:
        return article.model_copy(update={"language": declared})
    found = identify(article.text)
    if reads is not None and found.code is not None and found.code not in reads:
        where = article.origin or article.doc_id
        if article.doc_id not in where:
            where = f"{where} ({article.doc_id})"
        wanted = " and ".join(name(c) for c in sorted(reads))
        return LanguageSkipped(
            f"{where}: skipped, written in {name(found.code)} ({found.code}); the extractor reads {wanted} only "
            f"(--lang {min(reads)} reads it anyway; --extractor llm reads any language)",
            origin=where,
            language=found.code,
        )
    return article.model_copy(update={"language": found.iso_639_1})


def stage(
    items: Iterable[Article | InputError], *, reads: frozenset[str] | None, declared: str | None = None
) -> Iterator[Article | InputError]:
    """Set every article's language; pass input errors through unchanged."""
    for item in items:
        yield item if isinstance(item, InputError) else check(item, reads=reads, declared=declared)
