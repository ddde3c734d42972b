"""EventFilter selects the right events, with every value bound as a parameter."""

from __future__ import annotations

import datetime as dt

import pytest
from test_store_helpers import make_article, make_event

from wardrums.errors import InputError
from wardrums.store import EventFilter, open_store
from wardrums.store.filters import where_clause

D = dt.date


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("filters") / "w.duckdb"
    with open_store(path) as s:
        s.add_article(make_article("a1", text="one", published=D(2024, 1, 10)), [
            make_event("a1", sent_start=0, source=("RUS",), target=("USA",),
                       event_type="ACCUSE", date=D(2024, 1, 5)),
            make_event("a1", sent_start=10, source=("USA",), target=("RUS",),
                       event_type="THREATEN", date=D(2024, 2, 1), modality="hypothetical"),
        ])
        s.add_article(make_article("a2", text="two", published=D(2024, 3, 1)), [
            make_event("a2", sent_start=0, source=("RUS", "CHN"), target=("UKR",),
                       event_type="ASSAULT", date=None, polarity="negative"),  # files under 03-01
            make_event("a2", sent_start=10, source=("CHN",), target=("USA", "NATO"),
                       event_type="CONSULT", date=D(2024, 3, 15)),
        ])
        s.add_article(make_article("a3", text="three", published=None), [
            make_event("a3", sent_start=0, source=("UKR",), target=("RUS",),
                       event_type="ACCUSE", date=None),  # no date at all
        ])
    with open_store(path, read_only=True) as s:
        yield s


def _keys(events) -> list[tuple[str, str]]:
    return sorted((e.article_id, e.event_type) for e in events)


def test_no_filter(store) -> None:
    assert len(store.events()) == len(store.events(EventFilter())) == 5


def test_actor_either_side(store) -> None:
    assert _keys(store.events(EventFilter(actor="RUS"))) == [
        ("a1", "ACCUSE"), ("a1", "THREATEN"), ("a2", "ASSAULT"), ("a3", "ACCUSE")]
    assert _keys(store.events(EventFilter(actor="NATO"))) == [("a2", "CONSULT")]
    assert store.events(EventFilter(actor="rus")) == []  # exact codes


def test_dyad_undirected_and_directed(store) -> None:
    assert _keys(store.events(EventFilter(dyad=("RUS", "USA")))) == [
        ("a1", "ACCUSE"), ("a1", "THREATEN")]
    assert _keys(store.events(EventFilter(dyad=("USA", "RUS"), directed=True))) == [
        ("a1", "THREATEN")]
    assert _keys(store.events(EventFilter(dyad=["CHN", "UKR"]))) == [("a2", "ASSAULT")]
    assert _keys(store.events(EventFilter(dyad=("UKR", "CHN"), directed=True))) == []
    assert store.events(EventFilter(dyad=("CHN", "RUS"))) == []  # both sources, never a dyad


def test_scalar_fields(store) -> None:
    assert _keys(store.events(EventFilter(event_type="ACCUSE"))) == [
        ("a1", "ACCUSE"), ("a3", "ACCUSE")]
    assert _keys(store.events(EventFilter(modality="hypothetical"))) == [("a1", "THREATEN")]
    assert _keys(store.events(EventFilter(polarity="negative"))) == [("a2", "ASSAULT")]
    assert _keys(store.events(EventFilter(article_id="a2"))) == [
        ("a2", "ASSAULT"), ("a2", "CONSULT")]


def test_dates_fall_back_to_publication(store) -> None:
    assert _keys(store.events(EventFilter(since=D(2024, 2, 1)))) == [
        ("a1", "THREATEN"), ("a2", "ASSAULT"), ("a2", "CONSULT")]
    assert _keys(store.events(EventFilter(until=D(2024, 1, 31)))) == [("a1", "ACCUSE")]
    assert _keys(store.events(EventFilter(since=D(2024, 3, 1), until=D(2024, 3, 1)))) == [
        ("a2", "ASSAULT")]  # inclusive, and dated by its article
    assert _keys(store.events(EventFilter(since=dt.datetime(2024, 3, 15, 12, 0)))) == [
        ("a2", "CONSULT")]


def test_combined(store) -> None:
    flt = EventFilter(actor="RUS", event_type="ACCUSE", since=D(2024, 1, 1))
    assert _keys(store.events(flt)) == [("a1", "ACCUSE")]  # a3 has no date
    assert len(store.events_frame(flt)) == 1


def test_values_are_parameters(store) -> None:
    sneaky = "RUS' OR '1'='1"
    assert store.events(EventFilter(actor=sneaky, event_type=sneaky)) == []
    where, params = where_clause(EventFilter(actor=sneaky, dyad=("A", "B")))
    assert sneaky not in where and params == [sneaky, "A", "B", "B", "A"]
    assert where_clause(None) == ("", []) == where_clause(EventFilter())


def test_invalid_filters() -> None:
    with pytest.raises(InputError, match="two country codes"):
        EventFilter(dyad=("RUS",))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="two country codes"):
        EventFilter(dyad="RUSUSA")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="needs a dyad"):
        EventFilter(directed=True)
    with pytest.raises(InputError, match="after"):
        EventFilter(since=D(2024, 2, 1), until=D(2024, 1, 1))
