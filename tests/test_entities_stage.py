"""The entity stage every extractor's candidates go through (``claimkit.entities``):
sources as the entities of their article.  Candidates built by hand, as an
extractor without coreference (the LLM one) hands them over; texts written
for these tests."""

from __future__ import annotations

from claimkit.entities import link
from claimkit.model import Candidate, Entity, Source, Span

TEXT = (
    "Finance Minister Helena Varga said the budget would pass. Varga said taxes would not rise. "
    "Corvan Aero said it would hire 300 people. Corvan said orders were strong. "
    "Officials said the talks went well. Officials said more talks were planned."
)


def _span(text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Span(text=text, start=start, end=start + len(text))


def _cand(content: str, source: Source | None) -> Candidate:
    return Candidate(content=_span(content), mode="indirect", sentence_index=0, source=source)


def _llm_like() -> list[Candidate]:
    return [
        _cand("the budget would pass", Source(name="Finance Minister Helena Varga", kind="person", mention=_span("Finance Minister Helena Varga"))),
        _cand("taxes would not rise", Source(name="Varga", kind="organization", mention=_span("Varga", 1))),
        _cand("it would hire 300 people", Source(name="Corvan Aero", kind="organization", mention=_span("Corvan Aero"))),
        _cand("orders were strong", Source(name="Corvan", kind="person", mention=_span("Corvan", 1))),
        _cand("the talks went well", Source(name="Officials", kind="unnamed", mention=_span("Officials"))),
        _cand("more talks were planned", Source(name="Officials", kind="unnamed", mention=_span("Officials", 1))),
        _cand("the budget would pass", None),
    ]


def test_one_entity_per_person_with_the_fullest_name_and_one_kind() -> None:
    out = link(TEXT, _llm_like())
    first, second = out[0].source, out[1].source
    assert first is not None and second is not None and first.entity is not None and second.entity is not None
    assert first.entity == second.entity
    assert first.entity.name == "Helena Varga" and first.name == second.name == "Helena Varga"
    # the kind most records carry, the fullest name's on a tie: one kind for every record
    assert first.kind == second.kind == first.entity.kind == "person"
    assert [m.text for m in first.entity.mentions] == ["Finance Minister Helena Varga", "Varga"]


def test_an_organisation_named_by_its_first_word_is_the_organisation() -> None:
    out = link(TEXT, _llm_like())
    aero, short = out[2].source, out[3].source
    assert aero is not None and short is not None and aero.entity == short.entity
    assert aero.entity is not None and aero.entity.name == "Corvan Aero" and aero.entity.kind == "organization" == short.kind


def test_ids_are_distinct_per_entity_and_the_same_on_every_run() -> None:
    out = link(TEXT, _llm_like())
    ids = [c.source.entity.id for c in out if c.source is not None and c.source.entity is not None]
    assert ids == ["helena-varga", "helena-varga", "corvan-aero", "corvan-aero", "officials", "officials"]
    again = link(TEXT, _llm_like())
    assert [c.model_dump() for c in again] == [c.model_dump() for c in out]
    assert out[-1].source is None


def test_every_mention_indexes_the_text() -> None:
    for c in link(TEXT, _llm_like()):
        for m in c.source.entity.mentions if c.source is not None and c.source.entity is not None else ():
            assert TEXT[m.start : m.end] == m.text


def test_an_extractors_entity_is_kept_and_its_name_and_kind_win() -> None:
    """The rules hand over entities decided from all the mentions: the stage keeps
    their grouping, name and kind, and gives the sources the entity's name."""
    given = Entity(id="x", name="Helena Varga", kind="person", mentions=[_span("Finance Minister Helena Varga")])
    cands = [
        _cand("the budget would pass", Source(name="Finance Minister Helena Varga", kind="person", mention=_span("Finance Minister Helena Varga"), entity=given)),
        _cand("taxes would not rise", Source(name="she", kind="unnamed", mention=_span("Varga", 1), entity=given)),
    ]
    out = link(TEXT, cands)
    assert {c.source.name for c in out if c.source} == {"Helena Varga"}
    assert {c.source.kind for c in out if c.source} == {"person"}
    entity = out[1].source.entity if out[1].source else None
    assert entity is not None and entity.id == "helena-varga"
    assert [m.text for m in entity.mentions] == ["Finance Minister Helena Varga", "Varga"]


def test_two_people_of_one_surname_are_not_merged_by_the_surname() -> None:
    text = "Anna Berg said yes. Lars Berg said no. Berg said maybe."
    def span(t: str, n: int = 0) -> Span:
        s = -1
        for _ in range(n + 1):
            s = text.index(t, s + 1)
        return Span(text=t, start=s, end=s + len(t))
    cands = [
        Candidate(content=span("yes"), mode="indirect", sentence_index=0, source=Source(name="Anna Berg", kind="person", mention=span("Anna Berg"))),
        Candidate(content=span("no"), mode="indirect", sentence_index=0, source=Source(name="Lars Berg", kind="person", mention=span("Lars Berg"))),
        Candidate(content=span("maybe"), mode="indirect", sentence_index=0, source=Source(name="Berg", kind="person", mention=span("Berg", 2))),
    ]
    ids = [c.source.entity.id for c in link(text, cands) if c.source and c.source.entity]
    assert ids == ["anna-berg", "lars-berg", "berg"]
