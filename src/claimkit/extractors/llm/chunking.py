"""Split an article into chunks of whole paragraphs that fit a token budget.

Token counts are approximate (about four characters per token for English
news text, never fewer tokens than words): close enough to stay inside a
context window without loading a tokenizer for every possible model.  A
paragraph longer than the budget is split at sentence ends; a single sentence
longer than the budget is kept whole rather than cut mid-sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimkit import segment

__all__ = ["Chunk", "approx_tokens", "chunk_text"]


@dataclass(frozen=True)
class Chunk:
    """A window ``text[start:end]`` of the article, sent in one request."""

    index: int
    start: int
    end: int
    text: str

    @property
    def tokens(self) -> int:
        return approx_tokens(self.text)


def approx_tokens(text: str) -> int:
    """A quick, tokenizer-free estimate of the token count of ``text``."""
    if not text:
        return 0
    return max(math.ceil(len(text) / 4), len(text.split()))


def _pieces(text: str, max_tokens: int) -> list[tuple[int, int]]:
    """Paragraph spans, with over-long paragraphs split into sentence runs."""
    out: list[tuple[int, int]] = []
    for p_start, p_end in segment.paragraphs(text):
        if approx_tokens(text[p_start:p_end]) <= max_tokens:
            out.append((p_start, p_end))
            continue
        run_start = run_end = -1
        for s_start, s_end in _sentence_spans(text, p_start, p_end):
            if run_start >= 0 and approx_tokens(text[run_start:s_end]) > max_tokens:
                out.append((run_start, run_end))
                run_start = -1
            if run_start < 0:
                run_start = s_start
            run_end = s_end
        if run_start >= 0:
            out.append((run_start, run_end))
    return out


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        spans.extend(segment.split_block(text, line_start, line_end))
        line_start = line_end + 1
    return spans or [(start, end)]


def chunk_text(text: str, max_tokens: int, *, overlap: bool = True) -> list[Chunk]:
    """Group paragraphs into chunks of at most ``max_tokens`` (approximately).

    With ``overlap``, a chunk starts with the last paragraph of the previous
    chunk when that paragraph is short (a quarter of the budget at most), so
    a speaker named just before a chunk boundary stays in view; claims found
    twice are merged by the extractor.
    """
    if max_tokens < 1:
        raise ValueError("max_tokens must be positive")
    pieces = _pieces(text, max_tokens)
    chunks: list[Chunk] = []
    current: list[tuple[int, int]] = []

    def close() -> None:
        s, e = current[0][0], current[-1][1]
        chunks.append(Chunk(index=len(chunks), start=s, end=e, text=text[s:e]))

    fresh = 0  # pieces in ``current`` that no earlier chunk has
    for piece in pieces:
        if current and approx_tokens(text[current[0][0] : piece[1]]) > max_tokens and fresh:
            close()
            last = current[-1]
            carry = overlap and approx_tokens(text[last[0] : last[1]]) * 4 <= max_tokens
            current = [last] if carry and approx_tokens(text[last[0] : piece[1]]) <= max_tokens else []
            fresh = 0
        current.append(piece)
        fresh += 1
    if current and fresh:
        close()
    return chunks
