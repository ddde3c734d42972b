"""The local engine: a bad article never stops a batch; an interrupt never half-writes."""

from __future__ import annotations

import datetime as dt

import pytest

from wardrums.engines.local import code_stream, ingest
from wardrums.records import Article, Rejection
from wardrums.store import open_store


def art(i: int, text: str | None = None) -> Article:
    return Article(id=f"a{i}", published=dt.date(2017, 10, 12),
                   text=text or f"Russia expelled {i + 2} American diplomats on Wednesday.")


def test_coder_failure_is_recorded_and_the_batch_goes_on():
    broken = Article(id="broken", text=None)  # type: ignore[arg-type]  # not text at all
    items = [art(1), broken, Rejection(input="x.bin", reason="binary", code="binary"), art(2)]
    from wardrums.engines.local import RunSummary

    summary = RunSummary()
    done = [a.id for a, _ in code_stream(items, summary)]
    assert done == ["a1", "a2"]
    codes = sorted(r.code for r in summary.rejections)
    assert codes == ["binary", "coding-failed"]
    failed = next(r for r in summary.rejections if r.code == "coding-failed")
    assert "broken" in failed.reason


def test_interrupt_mid_ingest_leaves_only_whole_articles(db_path):
    stored = []

    def stop_after_two(article, events):
        stored.append(article.id)
        if len(stored) == 2:
            raise KeyboardInterrupt

    with open_store(db_path) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([art(i) for i in range(5)], store, on_article=stop_after_two)
    with open_store(db_path) as store:
        ids = {a.id for a in store.articles()}
        assert ids <= {"a0", "a1"}
        for a in store.articles():  # every stored article has all its events
            evs = store.events()
            assert any(e.article_id == a.id for e in evs)
        again = ingest([art(i) for i in range(5)], store)
        assert again.articles_new == 5 - len(ids)
        assert store.counts()["articles"] == 5


def test_reingest_adds_nothing(db_path):
    with open_store(db_path) as store:
        first = ingest([art(1), art(2)], store)
        second = ingest([art(1), art(2)], store)
        assert (first.articles_new, second.articles_new, second.articles_duplicate) == (2, 0, 2)
        assert store.counts()["articles"] == 2
