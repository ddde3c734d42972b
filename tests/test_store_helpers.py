"""Hand-built records for the store tests (no coder or model needed).

Imported by the ``tests/test_store_*.py`` modules; it holds no tests itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from wardrums.records import Actor, Article, Event, Evidence, Location, make_event_id

COUNTRY_NAMES = {
    "RUS": "Russia", "USA": "United States", "UKR": "Ukraine", "CHN": "China",
    "NATO": "NATO", "FRA": "France",
}  # fmt: skip


def make_actor(country: str | None = "RUS", *, name: str | None = None, text: str | None = None,
               sector: str | None = "GOV", kb_id: str | None = None, start: int | None = None,
               end: int | None = None) -> Actor:
    name = name or COUNTRY_NAMES.get(country or "", "Someone")
    return Actor(text=text or name, name=name, country=country, sector=sector, kb_id=kb_id,
                 start=start, end=end)


def make_article(article_id: str = "a1", text: str | None = None, **kw: Any) -> Article:
    text = text if text is not None else f"Article {article_id}: Russia accused the United States."
    kw.setdefault("published", dt.date(2024, 3, 1))
    kw.setdefault("title", f"Title of {article_id}")
    kw.setdefault("source", "Test Wire")
    return Article(id=article_id, text=text, **kw)


def make_event(article_id: str = "a1", *, sent_start: int = 0,
               source: Sequence[str | None | Actor] = ("RUS",),
               target: Sequence[str | None | Actor] = ("USA",),
               event_type: str = "ACCUSE", event_id: str | None = None, **kw: Any) -> Event:
    """An event with sensible defaults; ``source``/``target`` take country codes or Actors."""
    src = tuple(a if isinstance(a, Actor) else make_actor(a) for a in source)
    tgt = tuple(a if isinstance(a, Actor) else make_actor(a) for a in target)
    evidence = kw.pop("evidence", None) or Evidence(
        sentence="Russia accused the United States.", start=sent_start, end=sent_start + 33,
        trigger="accused", trigger_start=sent_start + 7, trigger_end=sent_start + 14,
    )
    fields: dict[str, Any] = dict(
        mode=None, cameo_root="11", quad_class=3, intensity=-2.0,
        date=dt.date(2024, 3, 1), date_precision="day", location=Location(country="RUS"),
        modality="asserted", polarity="positive", attributed_to=None, confidence=0.9,
        date_text=None, coder="test-coder 0.1",
    )
    fields.update(kw)
    eid = event_id or make_event_id(article_id, event_type, evidence.trigger_start,
                                    evidence.start, src, tgt)
    return Event(event_id=eid, article_id=article_id, event_type=event_type,  # type: ignore[arg-type]
                 source=src, target=tgt, evidence=evidence, **fields)


def article_with_events(article_id: str, n: int = 2, **event_kw: Any
                        ) -> tuple[Article, list[Event]]:
    """An article and ``n`` distinct events read from it."""
    return make_article(article_id), [make_event(article_id, sent_start=40 * i, **event_kw)
                                      for i in range(n)]
