"""The language stage: which language each article is written in, and whether
the extractor reads it.

It runs right after loading.  Each article's language is identified on its
whole text (the first ``MAX_CHARS`` characters) by CLD2 (the ``pycld2``
package; its tables are compiled into the extension, nothing is
downloaded); ``Article.language`` is set to the ISO 639-1 code, which
``assemble`` copies into every record.  An extractor that reads only some
languages says so in a ``languages`` attribute (the offline rules:
``{"en"}``); an article identified as another language is then not extracted
but passed on as a ``LanguageSkipped`` item (exit code 7), which the CLI
reports on one line and counts.  An extractor without ``languages`` (the LLM
extractor) reads every language.

A text too short or too unlike any language to tell (fewer than
``MIN_LETTERS`` letters, or a result CLD2 does not call reliable) gets no
language and is never skipped: the stage skips only what it is sure of.
An English article that quotes a sentence in another language is English:
the identifier reads the whole text, not the sentence.

``declared`` (the CLI's ``--lang``) replaces identification: every article
gets that language and none is skipped for it.  How the identifier was chosen
is in ``docs/language-identification.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath

from claimkit.errors import InputError, LanguageSkipped
from claimkit.model import Article

# Identification reads this much of an article: enough for any news article's
# lead and body, and a bound on the cost of a very long input.
MAX_CHARS = 20_000
# Fewer letters than this in the first 200 characters: no language (a date
# line, "OK", a table of numbers: the identifier would guess).
MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")
# CLD2 refuses control characters and non-characters ("invalid UTF-8")
_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
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
    """The identifier's answer: a language code (ISO 639-1 where one exists,
    else CLD2's code, e.g. "haw") or None, and the share of the text in it."""

    code: str | None
    share: float

    @property
    def iso_639_1(self) -> str | None:
        """The code if it is a two-letter ISO 639-1 code (what records carry)."""
        return self.code if self.code is not None and _ISO_639_1.fullmatch(self.code) else None


def warm_up() -> None:
    """Import the identifier (CLD2's tables are compiled in: nothing to load)."""
    import pycld2  # noqa: F401


def identify(text: str) -> Identified:
    """The language of ``text``, or ``code=None`` when it cannot be told.

    CLD2 scores the text's words and names the languages of its largest
    parts; the answer is the largest part's language when CLD2 calls its
    result reliable, else None."""
    import pycld2

    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample, 0, 200)) < MIN_LETTERS:  # the first 200 characters tell
        return Identified(None, 0.0)
    if _REFUSED.search(sample):
        sample = _REFUSED.sub(" ", sample)
    data = sample.encode("utf-8", "replace")  # a lone surrogate becomes "?"
    try:
        reliable, _, details = pycld2.detect(data)
    except pycld2.error:
        return Identified(None, 0.0)
    _, code, percent, _ = details[0]
    if not reliable or code == "un" or code.startswith("xx-"):  # xx-Copt etc.: a script, not a language
        return Identified(None, percent / 100)
    # "zh-Hant" -> "zh"; a code CLD2 writes in upper case names no language
    code = code.split("-")[0]
    return Identified(code, percent / 100) if code.islower() else Identified(None, percent / 100)


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
        if PurePath(where).stem != article.doc_id:  # "feed.jsonl:2 (brücke)"
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
