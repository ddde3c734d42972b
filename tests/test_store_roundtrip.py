"""Records come back from the store exactly as they went in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from test_store_helpers import article_with_events, make_actor, make_article, make_event

from wardrums.records import Evidence, Location
from wardrums.store import EventFilter, open_store


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "w.duckdb") as s:
        yield s


def test_event_roundtrip_exact(store) -> None:
    text = "Москва обвинила Вашингтон 🇷🇺 — الولايات المتحدة « quoted » in 2024."
    article = make_article("ру-1", text=text, published=None, title="Заголовок ✓",
                           url="https://example.org/ü?x=1&y='2'", origin="<stdin>",
                           boilerplate=((0, 6), (60, 66)))
    e1 = make_event(
        "ру-1",
        source=(make_actor("RUS", name="Сергей Лавров", text="Лавров", sector="GOV",
                           kb_id="Q80137", start=0, end=6),
                make_actor(None, name="неизвестный", sector=None),
                make_actor("NATO", sector="IGO", start=40, end=44)),
        target=(make_actor("USA", text="Вашингтон", start=16, end=25),),
        mode="verbal", intensity=-7.25, confidence=0.123456789012345,
        date=dt.date(1999, 12, 31), date_precision="month", date_text="в декабре 1999",
        location=Location(country="UKR", place="Київ", lat=50.4501, lon=30.5234),
        modality="alleged", polarity="negative", attributed_to="ТАСС",
        evidence=Evidence(sentence=text, start=0, end=len(text), trigger="обвинила",
                          trigger_start=7, trigger_end=15),
        coder="wardrums-rules 0.1 ✓",
    )
    e2 = make_event(  # everything optional left empty
        "ру-1", sent_start=50, source=(), target=(), date=None, date_precision="unknown",
        location=None, mode=None, attributed_to=None, coder="",
        evidence=Evidence(sentence="x", start=50, end=51),
    )
    e3 = make_event("ру-1", sent_start=99, location=Location(country=None))  # Location, all None
    assert store.add_article(article, [e1, e2, e3])

    got = store.events()
    assert sorted(got, key=lambda e: e.event_id) == sorted([e1, e2, e3], key=lambda e: e.event_id)
    by_id = {e.event_id: e for e in got}
    assert by_id[e1.event_id].source == e1.source  # actor order kept
    assert by_id[e1.event_id].to_dict() == e1.to_dict()
    assert by_id[e2.event_id].location is None
    assert by_id[e3.event_id].location == Location(country=None)
    assert store.article("ру-1") == article
    assert store.articles() == [article]


def test_coder_order_kept_for_same_date(store) -> None:
    article, events = article_with_events("a1", 5)
    events = events[::-1]  # not in sentence order: the store keeps what the coder gave
    store.add_article(article, events)
    assert store.events() == events
    assert store.events(EventFilter(article_id="a1")) == events


def test_events_ordered_by_date_with_publication_fallback(store) -> None:
    old = make_article("old", text="old text", published=dt.date(2020, 1, 1))
    new = make_article("new", text="new text", published=dt.date(2024, 1, 1))
    undated = make_article("undated", text="no date", published=None)
    e_new = make_event("new", date=dt.date(2023, 6, 1))
    e_old = make_event("old", date=None)  # files under 2020-01-01
    e_undated = make_event("undated", date=None)  # no date at all: last
    store.add_article(undated, [e_undated])
    store.add_article(new, [e_new])
    store.add_article(old, [e_old])
    assert [e.article_id for e in store.events()] == ["old", "new", "undated"]


def test_paging(store) -> None:
    for i in range(5):
        store.add_article(*article_with_events(f"a{i}", 3))
    everything = store.events()
    assert len(everything) == 15
    pages = [store.events(limit=4, offset=o) for o in range(0, 15, 4)]
    assert [e for page in pages for e in page] == everything
    assert store.events(offset=13) == everything[13:]
    assert list(store.iter_events(batch_size=2)) == everything
    assert store.articles(limit=2, offset=1) == store.articles()[1:3]


def test_same_id_new_text_is_a_new_version(store) -> None:
    v1 = make_article("a1", text="first version")
    v2 = make_article("a1", text="second version, corrected")
    assert store.add_article(v1, [])
    assert store.add_article(v2, [])
    assert store.articles() == [v1, v2]
    assert store.article("a1") == v2  # latest version
    assert store.article("missing") is None
    assert store.has_article(v1.content_hash) and store.has_article(v2.content_hash)


def test_events_frame(store) -> None:
    a, events = article_with_events("a1", 1, source=("RUS", None), target=("USA",))
    store.add_article(a, events)
    store.add_article(make_article("b", text="nobody"), [make_event("b", source=(), target=())])
    frame = store.events_frame()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == 2
    row = frame[frame.article_id == "a1"].iloc[0]
    assert row["event_id"] == events[0].event_id
    assert row["source"] == ["RUS", None]
    assert row["target"] == ["USA"]
    assert [x["country"] for x in json.loads(row["source_actors"])] == ["RUS", None]
    assert json.loads(row["target_actors"])[0] == events[0].target[0].__dict__
    assert row["article_pk"] == a.content_hash
    empty = frame[frame.article_id == "b"].iloc[0]
    assert empty["source"] == [] and json.loads(empty["target_actors"]) == []
    for col in ("event_type", "quad_class", "intensity", "date", "modality", "polarity",
                "sentence", "trigger", "confidence", "coder", "location_country", "lat"):
        assert col in frame.columns
    assert store.events_frame(EventFilter(actor="XXX")).empty


def test_counts_and_actor_view(store) -> None:
    store.add_article(*article_with_events("a1", 2, source=("RUS",), target=("USA", "UKR")))
    store.add_article(*article_with_events("a2", 1, source=("RUS",), target=("CHN",)))
    assert store.counts() == {"articles": 2, "events": 3, "actors": 4, "rejections": 0}


def test_persists_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    article, events = article_with_events("a1", 3)
    with open_store(path) as s:
        s.add_article(article, events)
    with open_store(path, read_only=True) as s:
        assert s.events() == events
        assert s.articles() == [article]
