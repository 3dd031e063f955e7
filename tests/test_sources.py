"""Source names and kinds, and the sources resolved from pronouns and short mentions.

Sentences are our own; each case runs the whole offline pipeline.
"""

from __future__ import annotations

import pytest

from claimkit import extract_claims
from claimkit.model import Claim


def _by_cue(text: str, cue: str) -> Claim:
    claims = [c for c in extract_claims(text) if c.cue is not None and cue in c.cue.mention.text]
    assert claims, f"no claim with cue {cue!r}"
    return claims[0]


@pytest.mark.parametrize(
    ("text", "cue", "name", "kind"),
    [
        ("Union secretary Dana Okafor told reporters that the talks had failed.", "told", "Dana Okafor", "person"),
        ("City council member Priya Raman said the library would reopen.", "said", "Priya Raman", "person"),
        ("The Averly Terminal Company said it had offered a raise.", "said", "Averly Terminal Company", "organization"),
        ("The mayor's office said the bridge was safe.", "said", "mayor's office", "government"),
        ("Library staff said the hours would not change.", "said", "Library staff", "group"),
        ("A petition signed by 5,000 people claimed that the closure hurt students.", "claimed", "petition", "document"),
        ("Officials said the road would close.", "said", "Officials", "unnamed"),
    ],
)
def test_name_and_kind(text: str, cue: str, name: str, kind: str) -> None:
    source = _by_cue(text, cue).source
    assert source is not None
    assert (source.name, source.kind) == (name, kind)


def test_pronoun_resolves_to_the_last_person() -> None:
    text = "Councillor Priya Raman said the repairs cost 3 million dollars. She added that insurance paid most of it."
    source = _by_cue(text, "added").source
    # the entity's canonical name: the fullest proper name, without a title (issue 32)
    assert source is not None and source.name == "Priya Raman" and source.kind == "person"
    assert source.resolved_from is not None and source.resolved_from.text == "She"


def test_relative_pronoun_resolves_to_the_noun_it_modifies() -> None:
    text = "A company spokesperson, who insisted that talks would resume, said the strike could cost millions."
    source = _by_cue(text, "insisted").source
    assert source is not None and source.name == "company spokesperson"
    assert source.resolved_from is not None and source.resolved_from.text == "who"


def test_definite_description_resolves_to_the_full_name() -> None:
    text = (
        "The Averly Harbour Workers' Union said the strike would go on. "
        "According to the union, 1,400 members walked out on March 2."
    )
    claim = _by_cue(text, "According to")
    assert claim.source is not None and claim.source.name == "Averly Harbour Workers' Union"
    assert claim.source.mention is not None and claim.source.mention.text == "the union"


def test_a_bare_relative_pronoun_claim_names_what_it_stands_for() -> None:
    text = "The union rejected a pay offer that the company described as generous."
    claim = _by_cue(text, "described")
    assert claim.content.text == "that" and claim.statement == "A pay offer"
    assert claim.source is not None and claim.source.name == "company"
