"""wardrums: political event data and tension signals from news, with evidence for every number.

>>> import wardrums
>>> events = wardrums.code("Russia expelled two U.S. diplomats on Friday.", published="2017-10-13")  # doctest: +SKIP
>>> events[0].event_type, events[0].source[0].country, events[0].target[0].country   # doctest: +SKIP
('SANCTION', 'RUS', 'USA')
"""

from __future__ import annotations

import datetime as dt

from wardrums.errors import GoldError, InputError, ModelError, StoreError, WardrumsError
from wardrums.records import (
    EVENT_TYPES,
    Actor,
    Article,
    Event,
    Evidence,
    Location,
    Rejection,
    event_json_schema,
)

__version__ = "0.1.0"

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "Article",
    "Event",
    "Evidence",
    "GoldError",
    "InputError",
    "Location",
    "ModelError",
    "Rejection",
    "StoreError",
    "WardrumsError",
    "__version__",
    "code",
    "event_json_schema",
    "open_store",
]


def code(text: str | Article, *, published: str | dt.date | None = None,
         article_id: str = "text") -> list[Event]:
    """Code one article (or a bare string) and return its events; nothing is stored."""
    from wardrums.coding.coder import code_article
    from wardrums.ingest import read_text_as_article

    if isinstance(text, Article):
        return code_article(text)
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return code_article(read_text_as_article(text, id=article_id, published=published))


def open_store(path: str = "wardrums.duckdb", *, read_only: bool = False):
    """Open (creating and migrating if needed) the DuckDB event store at ``path``."""
    from wardrums.store import open_store as _open

    return _open(path, read_only=read_only)
