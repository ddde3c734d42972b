"""A failure part-way through writing an article leaves no trace of it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow as pa
import pytest
from test_store_helpers import article_with_events, make_article, make_event

from wardrums.errors import StoreError
from wardrums.records import Location
from wardrums.store import EventFilter, db, open_store

EMPTY = {"articles": 0, "events": 0, "actors": 0, "rejections": 0}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "w.duckdb"


def _raise_after(original, exc: BaseException):
    """Wrap an insert helper so it writes its rows and then raises."""
    def wrapper(con, data: pa.Table) -> None:
        original(con, data)
        raise exc
    return wrapper


@pytest.mark.parametrize("helper", ["_insert_events", "_insert_actors"])
def test_exception_after_article_row_rolls_back(path: Path, helper: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    article, events = article_with_events("a1", 3)
    with open_store(path) as store:
        kept = article_with_events("kept", 1)
        assert store.add_article(*kept)
        before = store.counts()
        monkeypatch.setattr(db, helper, _raise_after(getattr(db, helper), RuntimeError("boom")))
        with pytest.raises(RuntimeError, match="boom"):
            store.add_article(article, events)
        assert store.counts() == before
        assert not store.has_article(article.content_hash)
        assert store.events(EventFilter(article_id="a1")) == []
        monkeypatch.undo()
        assert store.add_article(article, events)  # the store still works, nothing half-there
        assert store.events(EventFilter(article_id="a1")) == events
    with open_store(path) as store:  # and the file agrees after reopening
        assert store.counts()["articles"] == 2
        assert store.events(EventFilter(article_id="kept")) == kept[1]


def test_keyboard_interrupt_mid_insert_rolls_back(path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(path) as store:
        monkeypatch.setattr(db, "_insert_events",
                            _raise_after(db._insert_events, KeyboardInterrupt()))
        with pytest.raises(KeyboardInterrupt):
            store.add_article(*article_with_events("a1", 2))
        assert store.counts() == EMPTY


def test_invalid_field_fails_on_insert(path: Path) -> None:
    good_event = make_event("a1", sent_start=0)
    bad_event = make_event("a1", sent_start=50, modality="rumoured")  # violates CHECK
    with open_store(path) as store:
        with pytest.raises(StoreError, match="'a1'.*nothing of it was written"):
            store.add_article(make_article("a1"), [good_event, bad_event])
        assert store.counts() == EMPTY
        with pytest.raises(StoreError):  # wrong type: fails converting, before any insert
            store.add_article(make_article("a2"), [
                make_event("a2", location=Location(country="RUS", lat="north"))])
        assert store.counts() == EMPTY
        assert store.add_article(make_article("a1"), [good_event])
        assert store.counts()["events"] == 1


def test_bulk_batch_failure_falls_back_per_article(path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    items = [article_with_events(f"a{i}", 2) for i in range(5)]
    poison = items[2][1][0].event_id
    original = db._insert_events

    def flaky(con, data: pa.Table) -> None:
        original(con, data)
        if poison in data.column("event_id").to_pylist():
            raise RuntimeError("disk hiccup")

    monkeypatch.setattr(db, "_insert_events", flaky)
    with open_store(path) as store:
        result = store.add_articles_bulk(items, batch_size=10)
        assert result.added == 4
        assert result.failed == (("a2", "RuntimeError: disk hiccup"),)
        assert store.counts()["events"] == 8
        assert store.article("a2") is None
        monkeypatch.undo()
        again = store.add_articles_bulk(items)
        assert (again.added, again.duplicates, again.failed) == (1, 4, ())


def test_process_killed_mid_transaction(path: Path) -> None:
    """A hard exit (no rollback, no close) inside add_article leaves nothing on disk."""
    tests_dir = str(Path(__file__).parent)
    with open_store(path) as store:
        store.add_article(*article_with_events("before", 1))
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {tests_dir!r})
        from test_store_helpers import article_with_events
        from wardrums.store import db, open_store
        original = db._insert_events
        def die(con, data):
            original(con, data)
            os._exit(3)
        db._insert_events = die
        store = open_store({str(path)!r})
        store.add_article(*article_with_events("doomed", 4))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 3, proc.stderr
    with open_store(path) as store:
        assert [a.id for a in store.articles()] == ["before"]
        assert store.counts()["events"] == 1
        assert store.add_article(*article_with_events("after", 1))
