"""Adverb cues ("reportedly", "allegedly": ``constructions.adverbs``): the
clause of the verb the adverb modifies, from its subject on; the source is
not named.

Sentences are written for these tests; each runs through the real parse and
the construction dispatch (``rules_support``)."""

from __future__ import annotations

from claimkit.extractors.rules import lexicon
from rules_support.reading import Reading, by_rule, read


def test_adverb_cue_reports_its_clause_for_unnamed_sources() -> None:
    text = "The company allegedly hid losses from investors."
    assert read(text) == [Reading("adverb", "allegedly", lexicon.UNNAMED_ADVERB_SOURCE, "The company allegedly hid losses from investors")]


def test_adverb_cue_beside_a_verb_cue() -> None:
    """A plain infinitive reading inside the adverb's content is part of that content, not a record of its
    own (``conveyed.inside_other``; PolNeAR's attributions do not nest there): the striker's request is what
    is reported."""
    text = "The striker reportedly asked to leave the club."
    r = by_rule(text, "adverb")
    assert (r.cue, r.source, r.content) == ("reportedly", lexicon.UNNAMED_ADVERB_SOURCE, "The striker reportedly asked to leave the club")
    assert [x for x in read(text) if x.rule == "verb:xcomp"] == []


def test_a_manner_adverb_is_no_cue() -> None:
    assert read("The company quietly moved its offices to the harbour.") == []
