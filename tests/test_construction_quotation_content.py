"""A quotation as a cue's content (``constructions.quotation_content``): the
quotation next to the cue, one resumed after the attribution, one going on in
the next paragraph.

Texts are written for these tests; each runs through the real parse and the
construction dispatch (``rules_support``)."""

from __future__ import annotations

from claimkit.extractors.rules.constructions.quotation_content import adjacent_quote
from rules_support.reading import Reading, parsed, read, word


def test_adjacent_quotation_before_the_cue() -> None:
    text = "“Will the bridge be ready by winter?” the engineer asked."
    s = parsed(text)
    span = adjacent_quote(s, word(s, "asked"))
    assert span is not None and text[span[0] : span[1]] == "“Will the bridge be ready by winter?”"


def test_no_quotation_next_to_the_cue() -> None:
    s = parsed("The coach said that the team would play without its captain on Saturday.")
    assert adjacent_quote(s, word(s, "said")) is None


def test_quotation_resumed_after_the_cue() -> None:
    text = "“The pier is unsafe,” the engineer said. “It must close today.”"
    assert read(text) == [Reading("verb:ccomp", "said", "the engineer", text)]


def test_quotation_resumed_in_the_same_sentence() -> None:
    text = "“The dam is safe,” the engineer said, “but the road is not.”"
    assert read(text) == [Reading("verb:ccomp", "said", "the engineer", text.rstrip("."))]


def test_quotation_going_on_in_the_next_paragraph() -> None:
    text = "“The pier is unsafe,” the engineer said.\n\n“It must close today.”"
    assert read(text) == [Reading("verb:ccomp", "said", "the engineer", text)]


def test_a_long_attribution_between_keeps_the_longer_quotation() -> None:
    text = (
        "“No,” said Tom Reed, a harbour engineer who inspected the pier for the county council last spring. "
        "“The pier is unsafe and must close before the winter storms arrive, whatever the ferry company says.”"
    )
    (r,) = read(text)
    assert (r.cue, r.content) == ("said", "“The pier is unsafe and must close before the winter storms arrive, whatever the ferry company says.”")


def test_a_quotation_after_a_second_cue_is_not_resumed() -> None:
    text = "“The pier is unsafe,” the engineer said. But, the mayor added, “It can stay open.”"
    assert [r.content for r in read(text)] == ["“The pier is unsafe,”", "“It can stay open.”"]
