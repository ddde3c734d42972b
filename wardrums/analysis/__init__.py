"""Analysis over the store: merged incidents, the tension index per pair, and alerts.

The functions here are what the CLI, the REST API and the dashboard call; each refreshes the
derived tables when the store changed, and returns pandas DataFrames (or records).

>>> from wardrums import open_store, analysis                    # doctest: +SKIP
>>> with open_store("wardrums.duckdb") as store:
...     analysis.tension(store, "RUS", "UKR", freq="W")          # a DataFrame, one row a week
...     analysis.alerts(store)                                   # [Alert(...), ...]
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from wardrums.analysis import actor_codes
from wardrums.analysis.alerts import Alert, Driver, alerts_frame, mark_reported, unreported
from wardrums.analysis.alerts import alerts as _alerts
from wardrums.analysis.config import TensionConfig
from wardrums.analysis.refresh import RefreshResult, refresh
from wardrums.analysis.tension import SERIES_COLUMNS, SeriesSpec, actor_key_sql
from wardrums.analysis.tension import dyads as _dyads
from wardrums.analysis.tension import incidents_for_pair as _incidents_for_pair
from wardrums.analysis.tension import series as _series
from wardrums.errors import InputError

__all__ = [
    "SERIES_COLUMNS", "Alert", "Driver", "RefreshResult", "SeriesSpec", "TensionConfig",
    "alerts", "alerts_frame", "dyads", "incidents", "mark_reported", "pair_incidents",
    "refresh", "resolve_pair", "tension", "unreported",
]


def _cfg(config: TensionConfig | str | None) -> TensionConfig:
    if isinstance(config, TensionConfig):
        return config
    return TensionConfig.load(config)


def _store_keys(store, by_sector: bool) -> set[str]:
    col = actor_key_sql("ia", by_sector)
    return {r[0] for r in store.rows(f"SELECT DISTINCT {col} FROM incident_actors AS ia")}


def resolve_pair(store, a: str, b: str, *, by_sector: bool = False) -> tuple[str, str]:
    """Two user-typed actors as stored keys; a friendly error with suggestions otherwise."""
    keys = _store_keys(store, by_sector)
    out = []
    for text in (a, b):
        key = actor_codes.resolve(text, in_store=keys)
        if by_sector and key not in keys:
            near = sorted(k for k in keys if k.split("/")[0] == key.split("/")[0])[:6]
            hint = f"; this store has {', '.join(near)}" if near else ""
            raise InputError(f"no incidents with actor {key!r}{hint} (with sectors, give "
                             f"COUNTRY/SECTOR such as IND/COP, or COUNTRY for no sector)")
        out.append(key)
    return out[0], out[1]


def _ready(store, config: TensionConfig | str | None) -> TensionConfig:
    """The settings, after checking the store has events and its incidents are up to date."""
    cfg = _cfg(config)
    if not store.rows("SELECT 1 FROM events LIMIT 1"):
        raise InputError(f"the store {store.path} holds no events yet; ingest some articles "
                         f"first (wardrums ingest FILES, or wardrums demo)")
    refresh(store, cfg)
    return cfg


def tension(store, a: str, b: str, *, freq: str = "D", directed: bool = False,
            by_sector: bool = False, since: dt.date | None = None, until: dt.date | None = None,
            config: TensionConfig | str | None = None) -> pd.DataFrame:
    """The tension series of one pair (see :mod:`wardrums.analysis.tension` for the index)."""
    cfg = _ready(store, config)
    pair = resolve_pair(store, a, b, by_sector=by_sector)
    spec = SeriesSpec(freq=freq, directed=directed, by_sector=by_sector, pair=pair,
                      since=since, until=until)
    return _series(store, cfg, spec)


def pair_incidents(store, a: str, b: str, *, directed: bool = False, by_sector: bool = False,
                   since: dt.date | None = None, until: dt.date | None = None,
                   config: TensionConfig | str | None = None) -> pd.DataFrame:
    """One pair's incidents with their contribution to the index and their evidence."""
    cfg = _ready(store, config)
    pair = resolve_pair(store, a, b, by_sector=by_sector)
    spec = SeriesSpec(directed=directed, by_sector=by_sector, pair=pair, since=since,
                      until=until)
    return _incidents_for_pair(store, cfg, spec)


def dyads(store, *, top: int = 20, order: str = "tension", freq: str = "D",
          directed: bool = False, by_sector: bool = False, since: dt.date | None = None,
          until: dt.date | None = None, config: TensionConfig | str | None = None
          ) -> pd.DataFrame:
    """The most tense (or most active) pairs over the window."""
    cfg = _ready(store, config)
    spec = SeriesSpec(freq=freq, directed=directed, by_sector=by_sector, since=since,
                      until=until)
    return _dyads(store, cfg, spec, top=top, order=order)


def alerts(store, *, freq: str = "D", directed: bool = False, by_sector: bool = False,
           since: dt.date | None = None, until: dt.date | None = None,
           limit: int | None = None, config: TensionConfig | str | None = None) -> list[Alert]:
    """Escalation alerts, newest first, each with the incidents that drove it."""
    cfg = _ready(store, config)
    spec = SeriesSpec(freq=freq, directed=directed, by_sector=by_sector, since=since,
                      until=until)
    return _alerts(store, cfg, spec, limit=limit)


def incidents(store, *, since: dt.date | None = None, until: dt.date | None = None,
              config: TensionConfig | str | None = None) -> pd.DataFrame:
    """Every incident with its actors, corroboration, disagreements and representative evidence."""
    _ready(store, config)
    clauses, params = [], []
    if since is not None:
        clauses.append("i.date >= ?")
        params.append(since)
    if until is not None:
        clauses.append("i.date <= ?")
        params.append(until)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return store.query(
        "SELECT i.*, e.sentence, e.article_id,"
        " (SELECT list(DISTINCT ia.country || coalesce('/' || ia.sector, '') ORDER BY"
        "  ia.country || coalesce('/' || ia.sector, '')) FROM incident_actors AS ia"
        "  WHERE ia.incident_id = i.incident_id AND ia.role = 'source') AS sources,"
        " (SELECT list(DISTINCT ia.country || coalesce('/' || ia.sector, '') ORDER BY"
        "  ia.country || coalesce('/' || ia.sector, '')) FROM incident_actors AS ia"
        "  WHERE ia.incident_id = i.incident_id AND ia.role = 'target') AS targets,"
        " (SELECT list(ie.event_id ORDER BY ie.event_id) FROM incident_events AS ie"
        "  WHERE ie.incident_id = i.incident_id) AS event_ids"
        f" FROM incidents AS i JOIN events AS e ON e.event_id = i.event_id {where}"
        " ORDER BY i.date NULLS LAST, i.incident_id", params)
