"""Which lines are page furniture (skipped) and which are read, on invented texts."""

from __future__ import annotations

from claimkit import segment
from claimkit.extractors.rules.constructions import furniture


def skipped_lines(text: str) -> list[str]:
    sents = segment.sentences(text)
    skip = furniture.skipped(text, sents)
    return [text[s.start:s.end] for s in sents if s.index in skip]


def test_headline_with_full_stop_and_name_heavy_sentences_are_read() -> None:
    text = (
        "Harbour Chief Dana Holt Says The Bridge Will Open In May.\n\n"
        "On Radio, Former Harbour Chief Dana Holt called Mayor Quinn “reckless.”\n\n"
        "Port Director Ann Vale says:\n\n"
        "“The cranes arrive next week.”\n\n"
        "Partial transcript as follows:\n\n"
        "HOLT: We will open in May."
    )
    assert skipped_lines(text) == []


def test_menus_and_headline_teasers_stay_skipped() -> None:
    text = (
        "City Council Approves New Budget For Parks\n\n"
        "The council set aside money for parks, the mayor said.\n\n"
        "Harbour Bridge Opening Delayed Until Next Spring\n\n"
        "Check Out Our Content\n\n"
        "Most Popular Articles"
    )
    assert skipped_lines(text) == [
        "City Council Approves New Budget For Parks",
        "The council set aside money for parks, the mayor said.",
        "Harbour Bridge Opening Delayed Until Next Spring",
        "Check Out Our Content",
        "Most Popular Articles",
    ]
