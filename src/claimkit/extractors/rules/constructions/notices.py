"""Editor's notes, corrections and credits: the outlet talking about its own
article, not about the world.  Such sentences give no record.

- editor's notes: "The interview has been edited for length and clarity.",
  "This article has been updated.", "This story was first published ...",
  "Editor's note: ...";
- corrections: "Correction: An earlier version of this article misstated the
  cost of the repairs.", "Clarification: ...", "An earlier version of this
  story said ...";
- credits: "Photo: ...", "Photograph: Ana Ruiz/Averly Herald", "Pictured: ...",
  "(Photo by ...)", "Reporting by ...; Editing by ...".

A correction notice is not read as a claim of the outlet: what it says is
that the article once said something else, which no reader checks against
the world.  A sentence after the notice that states the corrected fact on its
own ("The repairs will cost 4 million euros.") is read like any other
sentence: an unattributed claim, with the outlet's byline where the input
gives one.  Only the notice's own sentences are left out.
"""

from __future__ import annotations

import re

_NOTICE = re.compile(
    r"^[\s\"'“(\[*_]*(?:"
    # labels
    r"(?:editor'?’?s note|correction|corrections|clarification|credit|credits|"
    r"photo(?:graph)?s?(?: credit)?|picture|pictured|image|illustration|video|caption|top image|main image)\s*[:|—–-]"
    # "An earlier version of this article misstated ..."
    r"|an? (?:earlier|previous) version of this (?:article|story|report|piece|interview|post)"
    # "(Photo by ...)", "Photos by ..."
    r"|(?:photos?|photographs?|pictures?|images?|illustrations?|video) (?:by|courtesy of|credit)\b"
    # "Reporting by ...", "Additional reporting by ...", "Editing by ..."
    r"|(?:additional )?(?:reporting|writing|editing|research|graphics) by\b"
    # "This interview has been edited for length and clarity."
    r"|(?:this|the) (?:interview|conversation|transcript|q&a|article|story|report|piece|post|exchange)"
    r"(?: below| above)? (?:has been|was|have been|were|is) (?:lightly |slightly )?"
    r"(?:edited|condensed|updated|corrected|amended|clarified|first published|originally published|translated)\b"
    # "Interviews have been edited ...", "Answers were condensed ..."
    r"|(?:interviews|answers|responses|quotes|remarks|comments) (?:have been|were|are) (?:lightly |slightly )?(?:edited|condensed|translated)\b"
    r")",
    re.I,
)


def is_notice(line: str) -> bool:
    """Is this sentence an editor's note, a correction notice or a credit?"""
    return _NOTICE.match(line) is not None
