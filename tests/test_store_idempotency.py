"""Re-ingesting adds nothing; deterministic event ids never fail a batch."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store_helpers import article_with_events, make_article, make_event

from wardrums.records import Rejection
from wardrums.store import BulkResult, open_store


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "w.duckdb") as s:
        yield s


def test_same_article_twice(store) -> None:
    article, events = article_with_events("a1", 3)
    assert not store.has_article(article.content_hash)
    assert store.add_article(article, events) is True
    before = store.counts()
    assert store.add_article(article, events) is False
    assert store.add_article(article, []) is False
    assert store.counts() == before == {"articles": 1, "events": 3, "actors": 2, "rejections": 0}
    assert store.has_article(article.content_hash)


def test_whitespace_only_change_is_the_same_article(store) -> None:
    a = make_article("a1", text="Russia  accused\nthe United States.")
    b = make_article("a1-copy", text="Russia accused the United States.")
    assert a.content_hash == b.content_hash
    assert store.add_article(a, [])
    assert not store.add_article(b, [])
    assert store.articles() == [a]


def test_recoded_article_with_new_text_skips_known_event_ids(store) -> None:
    v1 = make_article("a1", text="version one")
    v2 = make_article("a1", text="version two")
    shared = make_event("a1", sent_start=0)
    new = make_event("a1", sent_start=80)
    assert store.add_article(v1, [shared])
    assert store.add_article(v2, [shared, new])  # shared id exists: skipped, not an error
    assert store.counts()["articles"] == 2
    assert sorted(e.event_id for e in store.events()) == sorted([shared.event_id, new.event_id])


def test_duplicate_event_ids_in_one_article_keep_the_first(store) -> None:
    first = make_event("a1", intensity=-1.0)
    second = make_event("a1", intensity=-9.0)
    assert first.event_id == second.event_id
    store.add_article(make_article("a1"), [first, second])
    assert store.events() == [first]


def test_bulk_is_idempotent(store) -> None:
    items = [article_with_events(f"a{i}", 2) for i in range(23)]
    result = store.add_articles_bulk(items, batch_size=5)
    assert result == BulkResult(added=23, duplicates=0, failed=())
    before = store.counts()
    again = store.add_articles_bulk(iter(items), batch_size=7)
    assert again == BulkResult(added=0, duplicates=23, failed=())
    assert store.counts() == before == {"articles": 23, "events": 46, "actors": 2,
                                        "rejections": 0}
    assert [a.id for a in store.articles()] == [f"a{i}" for i in range(23)]


def test_bulk_with_duplicates_inside_a_batch(store) -> None:
    a, events = article_with_events("a1", 2)
    store.add_article(*article_with_events("a0", 1))
    result = store.add_articles_bulk(
        [article_with_events("a0", 1), (a, events), (a, events), article_with_events("a2", 1)],
        batch_size=10)
    assert result == BulkResult(added=2, duplicates=2)
    assert store.counts()["articles"] == 3


def test_bulk_one_bad_article_does_not_lose_the_others(store) -> None:
    good = [article_with_events(f"g{i}", 2) for i in range(6)]
    bad = (make_article("bad"), [make_event("bad", quad_class=9)])  # violates a CHECK
    items = good[:3] + [bad] + good[3:]
    result = store.add_articles_bulk(items, batch_size=4)
    assert result.added == 6
    assert [fid for fid, _ in result.failed] == ["bad"]
    assert "quad_class" in result.failed[0][1] or "CHECK" in result.failed[0][1]
    assert store.counts()["articles"] == 6 and store.counts()["events"] == 12
    assert store.article("bad") is None


def test_bulk_rejects_bad_batch_size(store) -> None:
    with pytest.raises(ValueError):
        store.add_articles_bulk([], batch_size=0)


def test_rejections_are_deduplicated(store) -> None:
    r1 = Rejection(input="feed.jsonl:3", reason="line 3 is not JSON", code="malformed-json",
                   line=3)
    r2 = Rejection(input="empty.txt", reason="the file is empty", code="empty")
    store.add_rejection(r1)
    store.add_rejection(r2)
    store.add_rejection(r1)
    store.add_rejection(Rejection(input="empty.txt", reason="reworded", code="empty"))
    assert store.rejections() == [r1, r2]  # first reason kept
    store.add_rejection(Rejection(input="feed.jsonl:4", reason="x", code="malformed-json", line=4))
    assert store.counts()["rejections"] == 3
    assert store.add_rejections([r1, r2]) == 0
    assert store.add_rejections([]) == 0
