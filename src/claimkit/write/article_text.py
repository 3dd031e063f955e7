"""The articles as claimkit reads them (``claimkit text``): the text record
offsets index, or one JSONL line per article with its metadata."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from claimkit.errors import InputError
from claimkit.model import Article
from claimkit.read import files

Item = Article | InputError


def peek_several(items: Iterable[Item]) -> tuple[Iterator[Item], bool]:
    """The items again, and whether they hold two articles or more (read
    ahead to the second article, no further)."""
    rest = iter(items)
    ahead: list[Item] = []
    for item in rest:
        ahead.append(item)
        if sum(not isinstance(a, InputError) for a in ahead) > 1:
            break
    several = sum(not isinstance(a, InputError) for a in ahead) > 1
    return itertools.chain(ahead, rest), several


def write_texts(
    items: Iterable[Item], stream: IO[str], *, as_jsonl: bool, headers: bool, report: Callable[[str], None]
) -> int:
    """Write every article and report every bad input (one line each); return
    how many inputs were bad.  As text, articles are parted by a blank line,
    and with ``headers`` each comes after a ``==> doc_id <==`` line, as
    head(1) does."""
    bad_inputs = docs = 0
    for item in items:
        if isinstance(item, InputError):
            bad_inputs += 1
            report(f"claimkit: error: {item}")
            continue
        if as_jsonl:
            stream.write(json.dumps(files.article_record(item), ensure_ascii=False) + "\n")
        else:
            header = f"==> {item.doc_id} <==\n" if headers else ""
            stream.write(("\n" if docs else "") + header + item.text + ("" if item.text.endswith("\n") else "\n"))
        docs += 1
    return bad_inputs
