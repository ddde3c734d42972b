"""The event store: wardrums' embedded DuckDB database.

The store owns the schema (every table, in named migrations) and is the only writer of the
coded records. :mod:`wardrums.analysis` keeps its derived tables (incidents, duplicate
clusters, alert bookkeeping) in the same file and runs its aggregations as SQL through
``Store.query``/``Store.rows``/``Store.transaction``.

>>> from wardrums.store import open_store, EventFilter
>>> with open_store("wardrums.duckdb") as store:          # doctest: +SKIP
...     store.add_article(article, events)
...     store.events(EventFilter(dyad=("RUS", "USA")))

Layout: ``db`` (Store, open_store), ``migrations`` (named, ordered schema steps),
``schema`` (frozen DDL), ``rows`` (record <-> row mapping), ``filters``
(EventFilter -> WHERE), ``queries`` (the read SELECTs) and ``export`` (files).
"""

from __future__ import annotations

from wardrums.store.db import DEFAULT_DB, BulkResult, Store, open_store
from wardrums.store.export import EXPORT_FORMATS, ExportFormat
from wardrums.store.filters import EventFilter
from wardrums.store.queries import FRAME_COLUMNS

__all__ = [
    "DEFAULT_DB",
    "EXPORT_FORMATS",
    "FRAME_COLUMNS",
    "BulkResult",
    "EventFilter",
    "ExportFormat",
    "Store",
    "open_store",
]
