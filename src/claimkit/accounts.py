"""Continued accounts: sentences that carry on a source's account without a cue of their own.

"According to information released by Lumenra, the delegation spent three
days at its centre. They closely examined headsets ..." -- the second
sentence is still Lumenra's account, not the author's claim.  This stage
runs after extraction (for every extractor) and before normalisation.  It
turns such a sentence into an attributed record that points at the record
that opened the account (``Candidate.continues``, the record field
``continues``): the same source (without a mention: the sentence does not
name it), no cue, mode ``indirect``, or ``direct`` for a quotation.

What opens an account:

* an "according to" record whose content is not a quotation.  The gold32
  tune articles continue all ten cue-less sentences after "according to" in
  their paragraph and none after "said" (there the cue-less next sentence is
  the author's background).  PolNeAR train marks hardly any cue-less prose as
  part of the content before it (3 of 64 after "according to", 14 of 225
  after said/told/added: scripts/polnear_continuations.py); its convention
  differs there, so the rule follows the issue's and gold32's;
* a "reportedly" record with no named source that opens the paragraph right
  after such an account ran to the end of the previous paragraph: it is the
  same account, so it takes that source, and opens an account of its own;
* a reported record in the past ("X said Y", told, found, warned, estimated ...; not "has said") of a named or described
  source: it is carried on only by sentences told as reported speech is told,
  backshifted ("Names may have been taken.", "Checks had been missed."), with a
  modal "could/would/might" ("It could take four days"), or a present state put in the past ("were now
  paid", "still relied") (``_carries_on``); not dated background ("had rejected
  the application in 2020") nor a condition ("If it does, ..."). Round 7's reads:
  the gold sets' cue-less sentences after "said" are the author's and none is
  backshifted; of the 16 continued sentences the reads' keys mark after
  "said", 10 are told so;
* a quotation of a named speaker: a sentence that is one whole quotation
  continues it, in the same paragraph or as the whole next paragraph.
  PolNeAR train has the signal here: a whole quotation after a cue's
  sentence is in that attribution's content 927 times in 945
  (``claimkit.quote_runs`` splits such runs out of the extractors' records).

What ends an account: a sentence with a cue of its own (whoever's), a
sentence that is not the account's kind (a quotation after an indirect
account, reported prose after a quotation), a sentence in the author's voice
(``_author_voice``: "However, ...", "The figures could not be verified",
"we"), and the end of the paragraph.
``continues`` always names the record that opened the account, not the
sentence just before.  The saying's date (``reported_at``) is the opening
record's (``date_continued``), and goes first in ``times``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimkit.model import Candidate, Sentence, Source, Span
from claimkit.quote_runs import CLOSE_QUOTES, is_quotation, quote_units, split_quote_runs, whole_span

# a discourse adverb opening a continued sentence is not part of its content ("First, they ...")
_LEAD = re.compile(r"^(?:first|second|third|finally|also|in addition|then|later|next)\s*,\s+", re.I)
# the author's voice: a turn to another thread, a check of the account, the outlet or its reader
_AUTHOR_OPENERS = re.compile(r"^(?:however|meanwhile|separately|elsewhere|by contrast|in contrast|in other news|still|even so)\b", re.I)
_AUTHOR_WORDS = re.compile(
    r"\b(?:(?-i:[Ww]e|us|[Oo]ur)\b|this (?:newspaper|paper|website|reporter|publication)|could not (?:be )?(?:independently )?(?:verif|confirm)"
    r"|(?:has|have|had) not (?:yet )?been (?:independently )?(?:verified|confirmed|checked|reviewed|peer[- ]reviewed|published)"
    # another party's answer, or its silence, is the author's report of a new voice
    r"|(?:did not|has not|have not|failed to) (?:immediately )?(?:respond|reply|return)"
    r"|(?:declined|refused|would not|could not be reached) (?:to )?(?:comment|be interviewed|say|elaborate|discuss|answer|explain)|could not be reached"
    r"|no comment|(?:was|were) not available for comment"
    # the writer's own uncertainty ("It was not clear whether the work was carried out.")
    r"|^it (?:is|was|remains|remained) (?:not )?(?:clear|unclear|known|unknown)\b"
    # what a document leaves out is the writer's observation ("It does not name the officer.")
    r"|^it (?:does|did) not (?:name|identify|say|specify|give|mention)\b)",
    re.I,
)
_TRAIL = " \t\n.;:"


@dataclass
class _Account:
    anchor: int  # index of the opening record in the candidate list
    source: Source
    quote: bool  # a quotation account (continued by whole quotations only)
    group: str | None = None  # the group the account is about, which its "They ..." sentences continue
    backshifted: bool = False  # a reported account ("X said Y"): only backshifted sentences carry it on


# "the North Korean delegation spent two days ...", "both parties reportedly engaged ...": whom a following "They" means
_GROUP = re.compile(
    r"^(?:[Tt]he|[Aa]n?|[Bb]oth)\s+(?:(?:[A-Z][\w'\u2019-]*|[a-z-]+)\s+){0,3}?"
    r"(?:delegations?|teams?|groups?|panels?|committees?|commissions?|missions?|crews?|parties|sides|officials|members|"
    r"representatives|visitors|inspectors|negotiators|researchers|investigators)\b"
)
_THEY = re.compile(r"^They\b")


def _group_of(content: str) -> str | None:
    """The group a content opens with, as a sentence would open with it ("The North Korean delegation", "Both parties")."""
    hit = _GROUP.match(content)
    if hit is None:
        return None
    words = hit.group().split()
    first = "The" if words[0].lower() in {"the", "a", "an"} else words[0][:1].upper() + words[0][1:]
    return " ".join([first, *words[1:]])


def _opens_indirect(c: Candidate) -> bool:
    """An "according to" record with a source, whose content is not a quotation."""
    cue = c.cue.mention.text.lower() if c.cue is not None else ""
    return cue.startswith("according") and c.source is not None and c.mode != "direct"


def _opens_quote(text: str, c: Candidate) -> bool:
    """A quotation of a named speaker: a direct or mixed record whose content
    ends in a quotation (the closing mark inside the span or right after it)."""
    named = c.source is not None and c.source.kind not in {"unnamed", "author"}
    closes = c.content.text.rstrip()[-1:] in CLOSE_QUOTES or text[c.content.end : c.content.end + 1] in tuple(CLOSE_QUOTES)
    return named and c.mode in {"direct", "mixed"} and closes


_RAISED = re.compile(r"^(?:is|are|was|were|had\s+been|has\s+been|have\s+been)\s+(?:also\s+)?(?:thought|believed|understood|said|reported|expected|estimated)$", re.I)


def _raised_without_source(c: Candidate, past: bool) -> bool:
    """A passive cue in the past with nobody named ("were thought to contain"): inside an
    account, the account's (``past``: the account is a reported one, told in the past)."""
    cue = c.cue.mention.text.strip().lower() if c.cue is not None else ""
    if not cue.startswith(("was", "were", "had")):
        return False  # "The agency is expected to publish ...": the author's expectation now
    return _RAISED.match(cue) is not None and c.source is not None and c.source.kind == "unnamed" and c.source.mention is None


def _told_by_nobody(c: Candidate) -> bool:
    """A backshifted passive of telling with nobody named ("had been told not to speak", "had been warned")."""
    cue = c.cue.mention.text.strip().lower() if c.cue is not None else ""
    return _TOLD_PASSIVE.match(cue) is not None and c.source is not None and c.source.kind == "unnamed" and c.source.mention is None


_TOLD_PASSIVE = re.compile(r"^had\s+(?:also\s+)?been\s+(?:told|warned|instructed|asked|ordered|advised)$")


def _evidential(c: Candidate) -> bool:
    """A "reportedly" record with no named source."""
    return c.cue is not None and c.cue.mention.text.lower() == "reportedly" and c.source is not None and c.source.kind == "unnamed"


def _content(text: str, s: Sentence, quote: bool) -> Span | None:
    """The continued sentence as content: a quotation whole; prose without a
    leading discourse adverb or its final stop."""
    whole = whole_span(text, s)
    start, end = whole.start, whole.end
    if not quote:
        lead = _LEAD.match(text[start:end])
        if lead is not None:
            start += lead.end()
        while end > start and text[end - 1] in _TRAIL:
            end -= 1
    return Span(text=text[start:end], start=start, end=end) if end - start >= 2 else None


# another party's stance, set down by the author ("The zoo blames the weather", "Greenway disputes those figures")
_OTHER_VOICE = re.compile(
    r"^(?:The\s+[a-z-]+|[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:blames|denies|disputes|rejects|insists|maintains|contends|argues|says|believes|accepts|admits|welcomes|criticises|criticizes)\b"
)


def _author_voice(line: str) -> bool:
    """Whether a prose sentence speaks in the author's voice, which ends an
    account: it turns to another thread ("However, ...", "Meanwhile, ..."),
    checks the account ("The figures could not be independently verified"),
    names the outlet or its reader ("we", "this newspaper"), or sets down
    another party's stance ("The zoo blames the weather")."""
    line = line.strip()
    return _AUTHOR_OPENERS.match(line) is not None or _AUTHOR_WORDS.search(line) is not None or _OTHER_VOICE.match(line) is not None


def _record(text: str, s: Sentence, account: _Account) -> Candidate | None:
    content = _content(text, s, account.quote)
    if content is None:
        return None
    statement = None if account.quote else content.text[:1].upper() + content.text[1:] + "."
    if statement is not None and account.group is not None:
        statement = _THEY.sub(account.group, statement, count=1)  # "They closely examined ..." after "the delegation spent ..."
    elif statement is not None:
        account.group = _group_of(content.text)
    return Candidate(
        content=content,
        mode="direct" if account.quote else "indirect",
        sentence_index=s.index,
        source=account.source.model_copy(update={"mention": None, "resolved_from": None}),
        statement=statement,
        continues=account.anchor,
    )


def _sentence_at(sentences: Sequence[Sentence], pos: int, default: int) -> int:
    return next((s.index for s in sentences if s.start <= pos < s.end), default)


def _said_in(sentences: Sequence[Sentence], cands: Sequence[Candidate]) -> dict[int, list[int]]:
    """Sentence index -> the attributed records whose cue is in it (a record without a cue: its sentence)."""
    out: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.mode == "unattributed" or c.continues is not None:
            continue
        k = _sentence_at(sentences, c.cue.mention.start, c.sentence_index) if c.cue is not None else c.sentence_index
        out.setdefault(k, []).append(i)
    return out


def _covered(cands: Sequence[Candidate], s: Sentence) -> bool:
    """Whether an attributed record's content covers half the sentence or more (a quotation it runs over)."""
    n = max(1, s.end - s.start)
    return any(c.mode != "unattributed" and min(c.content.end, s.end) - max(c.content.start, s.start) >= 0.5 * n for c in cands)


def _opened(text: str, cands: list[Candidate], said: list[int], ended: _Account | None, first: bool) -> _Account | None:
    """The account the records said in one sentence open (the last of them
    decides), or None.  A "reportedly" record with no named source that opens
    a paragraph right after an account ran to its end is that account: it
    takes the account's source (``cands`` is updated)."""
    i = max(said, key=lambda k: cands[k].cue.mention.start if cands[k].cue is not None else cands[k].content.start)  # type: ignore[union-attr]
    c = cands[i]
    if _evidential(c) and first and ended is not None and not ended.quote and not ended.backshifted:
        source = ended.source.model_copy(update={"mention": None, "resolved_from": None})
        cands[i] = c.model_copy(update={"source": source})
        return _Account(i, source, quote=False, group=_group_of(c.content.text))
    if _opens_indirect(c):
        return _Account(i, c.source, quote=False, group=_group_of(c.content.text))  # type: ignore[arg-type]
    if _opens_quote(text, c):
        return _Account(i, c.source, quote=True)  # type: ignore[arg-type]
    if _opens_reported(c):
        return _Account(i, c.source, quote=False, group=_group_of(c.content.text), backshifted=True)  # type: ignore[arg-type]
    return None


def _carries_on(line: str) -> bool:
    """Whether a sentence after a reported account is backshifted as that account
    is, and not dated background ("The council had rejected the application in 2020")."""
    return (_BACKSHIFTED.match(line) is not None or _SHIFTED_PRESENT.search(line) is not None) and _A_YEAR.search(line) is None


# a present state told in the past, as reported speech tells it ("Riders were now paid ...", "Many still relied on ...")
# (not a present perfect: "has now suspended her funding" is the writer's news)
_SHIFTED_PRESENT = re.compile(
    r"^[^\"\u201c;:]*?\b(?:(?:was|were|had)\s+(?:now|still|currently|no\s+longer)\b|(?<!has\s)(?<!have\s)(?:now|still|currently|no\s+longer)\s+[a-z]+ed\b)"
)


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _opens_reported(c: Candidate) -> bool:
    """A reported (indirect) record of a named or described source whose cue reports speech or findings."""
    named = c.source is not None and (c.source.kind not in {"unnamed", "author"} or _one_unnamed_person(c.source))
    lemma = c.cue.lemma.split()[0] if c.cue is not None else ""
    perfect = c.cue is not None and re.match(r"(?:has|have)\s", c.cue.mention.text, re.I) is not None
    # (not "has said": what someone has said over time is not an account the next sentences tell on)
    return named and c.mode == "indirect" and lemma in _REPORTING and c.nested_in is None and not perfect


def _one_unnamed_person(source: Source) -> bool:
    """"A senior consultant at the hospital, who asked not to be named": one person the article
    keeps unnamed, whose account goes on as a named person's does (not "officials", "sources")."""
    return (
        source.kind == "unnamed" and source.mention is not None and source.name[:1].islower()
        and not source.name.endswith("s") and not source.name.startswith("unnamed")
    )


# cues whose account a backshifted sentence after them carries on
_REPORTING = frozenset("say tell add state find report explain warn claim insist confirm announce write show reveal estimate allege note conclude".split())
# the main clause's verb in the past perfect or a modal perfect, as reported speech puts it
# ("Names and addresses may have been taken.", "Checks on two trolleys had been missed for weeks.")
_BACKSHIFTED = re.compile(
    # (after a fronted time clause: "By the time she was seen, the cancer had spread.")
    r"^(?:(?i:by\s+the\s+time|when|once|until|by\s+then)\b[^,;:\"\u201c]{0,80},\s+)?"
    r"(?:(?!\b(?i:said|says|was|were|is|are|has|have|who|which|that|when|after|before|because|if|unless|while|as)\b)[^;:\"\u201c])*?"
    # (or a modal of the past: "It could take four days", "The line would reopen in May")
    r"\b(?:(?:could|would|might)\s+(?:not\s+|also\s+|still\s+|now\s+)?(?!have\b|be\b)[a-z]{3,}\b|(?:had|(?:may|might|could|would|must)\s+(?:not\s+)?have|(?:could|would|might)\s+(?:not\s+)?be)\s+(?:(?:not|never|already|also|since|now|previously|recently|just|still)\s+)?(?:been\s+)?(?:(?<=been\s)[a-z]{3,}ing|[a-z]+ed|[a-z]{2,}en|[a-z]+wn|done|gone|lost|kept|left|sent|spent|built|felt|meant|cut|put|set|hit|shut|hurt|met|got|caught|taught|bought|brought|fought|thought|sought|paid|made|said|told|sold|held|found|won|begun|run|spread|read|led|fed|fled|shed|struck|stuck|hung|dug|slid|split|quit|let)\b)"
)


def _whole_quotation(text: str, sentences: Sequence[Sentence], paragraph: int) -> bool:
    lines = [text[s.start : s.end] for s in sentences if s.paragraph == paragraph]
    return bool(lines) and all(is_quotation(line) for line in lines)


def continue_accounts(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with continued accounts added (module docstring); an
    unattributed record of a continued sentence gives way to the continued
    one.  The result is in text order, ``nested_in`` and ``continues``
    pointing into it."""
    cands, added = split_quote_runs(text, sentences, candidates)
    units = quote_units(text, sentences)
    said = _said_in(units, cands)
    account: _Account | None = None
    paragraph = None
    dropped: set[int] = set()
    for s in units:
        first = s.paragraph != paragraph
        ended = account
        if first:
            paragraph = s.paragraph
            keep = account is not None and account.quote and _whole_quotation(text, units, s.paragraph)
            account = account if keep else None
        if s.index in said:
            told = account is not None and not account.quote and not first and account.backshifted and all(_told_by_nobody(cands[k]) for k in said[s.index])
            rec = _record(text, s, account) if told and account is not None and _carries_on(text[s.start : s.end]) else None
            if rec is not None:
                dropped.update(said[s.index])  # "Staff had been told not to speak to the press.": still the account's, told by nobody named
                added.append(rec)
                continue
            if account is not None and not account.quote and not first and all(_raised_without_source(cands[k], account.backshifted) for k in said[s.index]):
                for k in said[s.index]:  # "Most of the others were thought to contain household goods": still the account's
                    cands[k] = cands[k].model_copy(update={"source": account.source.model_copy(update={"mention": None, "resolved_from": None})})
                continue
            account = _opened(text, cands, said[s.index], ended if first else None, first)
            continue
        if account is None or _covered(cands + added, s):
            continue
        line = text[s.start : s.end]
        if is_quotation(line) != account.quote or (not account.quote and _author_voice(line)) or (account.backshifted and not _carries_on(line)):
            account = None
            continue
        rec = _record(text, s, account)
        if rec is not None:
            added.append(rec)
    if not added:
        return cands
    continued = {s.index for s in sentences if any(a.content.start < s.end and s.start < a.content.end for a in added)}
    kept = [(i, c) for i, c in enumerate(cands) if not (c.mode == "unattributed" and c.sentence_index in continued) and i not in dropped]
    return _in_text_order(kept, added)


def _in_text_order(kept: list[tuple[int, Candidate]], added: list[Candidate]) -> list[Candidate]:
    """``kept`` (with their old indices) and ``added`` (whose ``continues`` are
    old indices) sorted by sentence and start, every index remapped."""
    rows = [(c, i) for i, c in kept] + [(c, None) for c in added]
    rows.sort(key=lambda r: (r[0].sentence_index, r[0].content.start, r[0].content.end))
    new_of = {old: k for k, (_, old) in enumerate(rows) if old is not None}
    out = []
    for c, _ in rows:
        update = {}
        if c.nested_in is not None:
            update["nested_in"] = new_of.get(c.nested_in)
        if c.continues is not None:
            update["continues"] = new_of.get(c.continues)
        out.append(c.model_copy(update=update) if update else c)
    return out


def date_continued(candidates: Sequence[Candidate]) -> list[Candidate]:
    """A continued record is said when its account was: the opening record's
    ``reported_at``, which also goes first in its ``times``."""
    out = list(candidates)
    for k, c in enumerate(out):
        if c.continues is None or not 0 <= c.continues < len(out):
            continue
        said = out[c.continues].reported_at
        own = [t for t in (c.times or []) if said is None or t != said]
        out[k] = c.model_copy(update={"reported_at": said, "times": ([said] if said is not None else []) + own})
    return out
