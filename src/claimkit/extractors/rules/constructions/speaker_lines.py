"""Speaker lines: "Issa: Clinton's honesty is in question." at the head of a
paragraph (transcripts, interviews, headlines): the name is the source, the
colon the cue and the rest of the paragraph the content.  ``SPEAKER_LINE``
is shared with ``headline_colon``, which leaves such lines to this rule.
"""

from __future__ import annotations

import re

from claimkit.extractors.rules import lexicon as lx
from claimkit.extractors.rules.constructions.sentence import Found, ParsedSentence

# "Issa: Clinton's honesty is in question.", "JAKE TAPPER: Do you think ...?",
# "EXCLUSIVE – Roger Stone: Don't trust the voting machines.": up to five
# capitalised words (a few lower-case particles between them) and a colon at
# the head of a paragraph, words after it
SPEAKER_LINE = re.compile(
    r"[ \t\"“]*(?:[A-Z][A-Z ]*\s[–—-]\s+)?"
    r"([A-Z][\w.’'&-]*(?:\s+(?:[A-Z][\w.’'&-]*|of|the|de|van|von|al|bin)){0,4}):[ \t]+(?=[^\W\d_]|[“‘'\"])"
)
_NEXT_SPEAKER = re.compile(r"[.!?\"”’]\s+[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}:\s")


_FIRST_OR_SECOND_PERSON = lx.AUTHOR_PRONOUNS | frozenset("you your".split())


def _a_dateline(text: str, after: int) -> bool:
    """Whether a label in capitals is a dateline: the only speaker label opening a line of the article,
    and what follows it, to the paragraph's end, speaks of others only ("DARYABAD: The authority on
    Monday notified ..."; not "COACH: We played well")."""
    end = text.find("\n", after)
    rest = text[after : end if end >= 0 else len(text)]
    labels = sum(1 for line in re.finditer(r"(?m)^", text) if SPEAKER_LINE.match(text, line.start()))
    return labels < 2 and not {w.lower() for w in re.findall(r"[A-Za-z]+", rest)} & _FIRST_OR_SECOND_PERSON


def speaker_line(s: ParsedSentence) -> Found | None:
    """"Issa: Clinton's honesty is in question." at the head of a
    paragraph: the name is the source, the colon the cue and the rest of
    the paragraph the content.  Not under labels ("UPDATE:", "Q:"), nor
    for a score or a list ("Clinton: 547.", "Iowa: Tim Albrecht, Brad
    Anderson, Rob Barron, ...")."""
    text, off = s.text, s.off
    if off > 0 and not text[max(0, off - 8) : off].rstrip(" \t").endswith("\n"):
        return None
    m = SPEAKER_LINE.match(text, off, off + 200)
    if m is None or len(m.group(1)) > 40 or m.group(1).lower() in lx.NOT_SPEAKERS:
        return None
    if m.group(1).isupper() and _a_dateline(text, m.end()):
        return None  # "DARYABAD: The authority on Monday notified ...": a dateline, not a transcript's speaker
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    # 'Clinton: "A." Bush: "B."': the next speaker's words are not this one's
    nxt = _NEXT_SPEAKER.search(text, m.end(), end)
    content = s.clean(m.end(), nxt.start() + 1 if nxt else end, drop_that=False)
    if content is None:
        return None
    words = text[content[0] : content[1]].split()
    if len(words) < 3 or text.count(",", content[0], content[1]) >= max(4, len(words) // 3):
        return None
    name_end = m.end(1)
    head = next((t for t in s.doc if off + t.idx < name_end <= off + t.idx + len(t.text)), None)
    if head is None:
        return None
    if not head.tag_.startswith("NNP") and head.lower_ not in lx.SOURCE_NOUNS:
        # the parser, seeing no sentence around it, often tags "Kane:" as a
        # common noun; a capitalised name that is no known source noun is proper
        head.tag_ = "NNP"
    return Found(cue=(name_end, name_end + 1), lemma=":", content=s.snap(content), source=(m.start(1), name_end), source_head=head, rule="speaker")
