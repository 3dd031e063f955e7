"""The dispatch over one sentence (``constructions.dispatch``): which
construction reads which word, and what is done with the records after: a
closing ", which ..." clause cut off, a content that ends in another
attribution cut before it.

Sentences are written for these tests; each runs through the real parse."""

from __future__ import annotations

from rules_support.reading import Reading, read


def test_a_closing_which_clause_leaves_the_content() -> None:
    found = read("The council said the ferry would stop in winter, which angered the islanders.")
    assert found[0] == Reading("verb:ccomp", "said", "The council", "the ferry would stop in winter")


def test_a_content_stops_before_another_attribution_that_closes_it() -> None:
    text = "The judge said the witness had lied twice, while the defence said the police had lost the file."
    assert read(text) == [
        Reading("verb:ccomp", "said", "The judge", "the witness had lied twice"),
        Reading("verb:ccomp", "said", "the defence", "the police had lost the file"),
    ]


def test_no_cut_that_would_leave_fewer_than_four_words() -> None:
    text = "The judge said the witness lied, while the defence said the police had lost the file."
    assert read(text)[0].content == "the witness lied, while the defence said the police had lost the file"


def test_the_words_of_a_multi_word_cue_are_not_cues_again() -> None:
    """"voiced concern": one record, not a second one for "concern"."""
    assert [r.cue for r in read("The union voiced concern about the new shift rota.")] == ["voiced concern"]


def test_words_before_a_speaker_line_s_content_are_not_cues() -> None:
    """The parser reads the name "Said Ahmed" as a verb and its subject."""
    assert read("Said Ahmed: The market will reopen on Monday.") == [Reading("speaker", ":", "Said Ahmed", "The market will reopen on Monday")]


def test_one_record_per_construction_in_text_order() -> None:
    text = "According to the weather service, the storm will weaken, but the coast guard warned that the waves would stay high."
    assert [r.rule for r in read(text)] == ["according", "verb:ccomp"]
