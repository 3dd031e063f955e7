"""The same article twice in what a run reads (crawls and dumps repeat pages).

An article whose ``doc_id`` came before with the same text is read once: its
later copies become ``RepeatedArticle`` items, which the run counts in its
summary and never extracts.  The same ``doc_id`` with another text is an
``InputError`` naming the id and both places (``file:line``); the first copy
is kept.  Records name their article by ``doc_id``, so two articles under one
id would give records that cannot be told apart.

Memory: per distinct id, a 16-byte digest of the id, an 8-byte digest of the
text and where it was read (measured: 183 bytes with Python's overheads for a
place of 40 characters), so a run of a million articles holds under 200 MB
here; the texts are never kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from claimkit.errors import InputError
from claimkit.model import Article


class RepeatedArticle(InputError):
    """A later copy of an article already read (same id, same text): left out
    and counted, not an error (it sets no exit code of its own)."""

    exit_code = 0


def _id_key(doc_id: str) -> bytes:
    return hashlib.blake2b(doc_id.encode("utf-8"), digest_size=16).digest()


def _text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


def repeat_item(doc_id: str, origin: str, first: str, same: bool) -> InputError:
    """What a later copy becomes: a ``RepeatedArticle`` for the same text, else
    the one-line ``InputError`` naming the id and both places."""
    if same:
        return RepeatedArticle(f"{origin}: article {doc_id!r} again, the same text as at {first}: read once")
    return InputError(f"{origin}: article {doc_id!r} again with another text than at {first}; the first is kept")


class Seen:
    """The articles read so far, by id: the digest of the text and where it was read."""

    def __init__(self) -> None:
        self._first: dict[bytes, bytes] = {}

    def __len__(self) -> int:
        return len(self._first)

    def note(self, id_key: bytes, text_key: bytes, origin: str) -> tuple[str, bool] | None:
        """None for an id not seen before (now noted at ``origin``); else where
        the first copy was read and whether its text was the same."""
        first = self._first.get(id_key)
        if first is None:
            self._first[id_key] = text_key + origin.encode("utf-8")
            return None
        return first[len(text_key):].decode("utf-8"), first[: len(text_key)] == text_key

    def check(self, article: Article) -> InputError | None:
        """None for an article not seen before, else what its copy becomes (``repeat_item``)."""
        origin = article.origin or article.doc_id
        found = self.note(*article_keys(article), origin)
        return None if found is None else repeat_item(article.doc_id, origin, *found)


def article_keys(article: Article) -> tuple[bytes, bytes]:
    """The digests ``Seen`` compares: of the id (16 bytes) and of the text (8 bytes)."""
    return _id_key(article.doc_id), _text_key(article.text)


def drop_repeats(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
    """The items with every later copy of an article replaced by a
    ``RepeatedArticle`` (same text) or an ``InputError`` (another text);
    input errors pass through."""
    seen = Seen()
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        problem = seen.check(item)
        yield item if problem is None else problem
