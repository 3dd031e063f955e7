"""Candidates (normalised) -> Claim records with stable ids.

This is the only place that builds ``Claim``.  The id depends on the article
text and the claim's spans only, so re-running on the same text gives the
same ids whatever the file is called.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from claimkit.model import (
    Article,
    Byline,
    Candidate,
    Certainty,
    Claim,
    ExtractorInfo,
    Sentence,
    SentenceRef,
)

_UNKNOWN = Certainty(level="unknown", polarity="positive", cues=[])


def text_digest(text: str) -> str:
    """A short fingerprint of the article text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def claim_id(digest: str, candidate: Candidate) -> str:
    """Stable id from the article fingerprint and the content and cue spans."""
    cue = candidate.cue.mention if candidate.cue else None
    key = f"{digest}:{candidate.content.start}:{candidate.content.end}:{cue.start if cue else ''}:{cue.end if cue else ''}"
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def assemble(
    article: Article,
    sentences: Sequence[Sentence],
    candidates: Sequence[Candidate],
    info: ExtractorInfo,
) -> list[Claim]:
    """Turn candidates into Claims, resolving ``nested_in`` and ``continues`` indices to ids."""
    digest = text_digest(article.text)
    byline = Byline(authors=list(article.authors), outlet=article.site_name) if article.authors or article.site_name else None
    ids = [claim_id(digest, c) for c in candidates]
    claims: list[Claim] = []
    for cand, cid in zip(candidates, ids, strict=True):
        sent = sentences[cand.sentence_index]
        outer = cand.nested_in
        claims.append(
            Claim(
                id=cid,
                doc_id=article.doc_id,
                content=cand.content,
                statement=cand.statement,
                mode=cand.mode,
                source=cand.source,
                cue=cand.cue,
                reported_at=cand.reported_at,
                event_time=cand.event_time,
                times=cand.times if cand.times is not None else [t for t in (cand.event_time,) if t is not None],
                certainty=cand.certainty or _UNKNOWN,
                sentence=SentenceRef(index=sent.index, start=sent.start, end=sent.end),
                nested_in=ids[outer] if outer is not None and 0 <= outer < len(ids) and ids[outer] != cid else None,
                continues=_id_at(ids, cand.continues, cid),
                grounding=cand.grounding,
                extractor=info,
                language=article.language,
                byline=byline if cand.mode == "unattributed" else None,
            )
        )
    return claims


def _id_at(ids: Sequence[str], index: int | None, own: str) -> str | None:
    """The id of the candidate at ``index`` (None for none, out of range or the record itself)."""
    return ids[index] if index is not None and 0 <= index < len(ids) and ids[index] != own else None
