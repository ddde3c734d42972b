"""What the API and the pages read: thin calls into :mod:`wardrums.analysis` and the Store.

Analysis results are cached per store version (see :class:`~wardrums.web.access.StoreAccess`),
since a tension series or the alerts over a large store take far longer to compute than to
send. Actors typed by a user are resolved here; an unknown one raises :class:`NotFound` with
the closest codes, which the app turns into a 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from wardrums import analysis
from wardrums.analysis import Alert, SeriesSpec, actor_codes
from wardrums.analysis.tension import actor_key_sql
from wardrums.analysis.tension import series as series_of_all_pairs
from wardrums.errors import InputError
from wardrums.records import Article, Event
from wardrums.store import EventFilter
from wardrums.store.filters import where_clause
from wardrums.web.access import StoreAccess


class NotFound(LookupError):
    """Nothing in the store by that name; ``str()`` says what and, if it can, what is close."""


@dataclass(frozen=True)
class Window:
    """The series options every analysis read takes (hashable, so it can key the cache)."""

    freq: str = "D"
    directed: bool = False
    by_sector: bool = False
    since: dt.date | None = None
    until: dt.date | None = None

    def kwargs(self) -> dict[str, object]:
        return {"freq": self.freq, "directed": self.directed, "by_sector": self.by_sector,
                "since": self.since, "until": self.until}


def has_events(access: StoreAccess) -> bool:
    return access.cached("has_events", lambda s: bool(s.rows("SELECT 1 FROM events LIMIT 1")))


def counts(access: StoreAccess) -> dict[str, int]:
    return access.cached("counts", lambda s: s.counts())


def _keys(access: StoreAccess, by_sector: bool) -> frozenset[str]:
    col = actor_key_sql("ia", by_sector)
    return access.cached(("keys", by_sector), lambda s: frozenset(
        r[0] for r in s.rows(f"SELECT DISTINCT {col} FROM incident_actors AS ia")))


def resolve_actor(access: StoreAccess, text: str, *, by_sector: bool = False) -> str:
    """The stored key for ``text`` ("india", "IND", "IND:COP"); NotFound when there is none."""
    text = text.replace(":", "/")
    keys = _keys(access, by_sector)
    try:
        key = actor_codes.resolve(text, in_store=set(keys))
    except InputError as exc:
        raise NotFound(str(exc)) from None
    if key not in keys:
        raise NotFound(f"{key} has no incidents in this store")
    return key


def resolve_pair(access: StoreAccess, a: str, b: str, *, by_sector: bool = False
                 ) -> tuple[str, str]:
    return resolve_actor(access, a, by_sector=by_sector), resolve_actor(
        access, b, by_sector=by_sector)


MAX_PAIRS = 1000


def dyads(access: StoreAccess, window: Window, *, top: int = 20, order: str = "tension"
          ) -> pd.DataFrame:
    """The ``top`` pairs; one ranking of up to :data:`MAX_PAIRS` is computed and sliced."""
    if not has_events(access):
        return pd.DataFrame()
    ranked = access.cached(("dyads", window, order), lambda s: analysis.dyads(
        s, top=MAX_PAIRS, order=order, config=access.config, **window.kwargs()))
    return ranked.head(top)


def weekly_series(access: StoreAccess) -> pd.DataFrame:
    """Every pair's weekly series in one query, for the overview's sparklines.

    One pass over all pairs costs about as much as three single-pair series, and the
    overview draws a dozen.
    """
    if not has_events(access):
        return pd.DataFrame()
    return access.cached("weekly_series", lambda s: series_of_all_pairs(
        s, access.config, SeriesSpec(freq="W")))


def tension(access: StoreAccess, a: str, b: str, window: Window) -> pd.DataFrame:
    """The pair's series; NotFound if either actor is unknown or the pair has no incidents."""
    a, b = resolve_pair(access, a, b, by_sector=window.by_sector)
    frame = access.cached(("tension", a, b, window), lambda s: analysis.tension(
        s, a, b, config=access.config, **window.kwargs()))
    if frame.empty:
        raise NotFound(f"{a} and {b} have no incidents together"
                       + (" in that window" if window.since or window.until else ""))
    return frame


def pair_incidents(access: StoreAccess, a: str, b: str, window: Window) -> pd.DataFrame:
    a, b = resolve_pair(access, a, b, by_sector=window.by_sector)
    kw = window.kwargs()
    kw.pop("freq")
    return access.cached(("pair_incidents", a, b, window), lambda s: analysis.pair_incidents(
        s, a, b, config=access.config, **kw))


def alerts(access: StoreAccess, window: Window, *, limit: int | None = None) -> list[Alert]:
    if not has_events(access):
        return []
    found = access.cached(("alerts", window), lambda s: analysis.alerts(
        s, config=access.config, **window.kwargs()))
    return found[:limit] if limit is not None else found


def pair_alerts(access: StoreAccess, a: str, b: str, window: Window) -> list[Alert]:
    pair = {a, b}
    return [x for x in alerts(access, window) if {x.source, x.target} == pair]


def find_alert(access: StoreAccess, alert_id: str) -> Alert:
    for freq in ("D", "W", "M"):
        for found in alerts(access, Window(freq=freq)):
            if found.alert_id == alert_id:
                return found
    raise NotFound(f"no alert {alert_id!r} (alert ids are those of the daily, weekly and "
                   "monthly series of the whole store)")


def incidents(access: StoreAccess, since: dt.date | None, until: dt.date | None
              ) -> pd.DataFrame:
    """Every incident (one cached frame), narrowed to ``since``..``until`` as the analysis
    layer would, so arbitrary windows do not each hold a copy."""
    if not has_events(access):
        return pd.DataFrame()
    if since and until and since > until:
        raise InputError(f"since ({since}) is after until ({until})")
    frame = access.cached("incidents", lambda s: analysis.incidents(s, config=access.config))
    keep = pd.Series(True, index=frame.index)
    if since is not None:
        keep &= frame["date"] >= np.datetime64(since, "us")  # any year, unlike Timestamp
    if until is not None:
        keep &= frame["date"] <= np.datetime64(until, "us")
    return frame[keep]


def actors(access: StoreAccess) -> pd.DataFrame:
    """The ``actors`` view, most mentioned first."""
    return access.cached("actors", lambda s: s.query(
        "SELECT * FROM actors ORDER BY n_events DESC, country NULLS LAST, name, sector"))


def actor_names(access: StoreAccess, code: str, limit: int = 12) -> pd.DataFrame:
    """The names an actor code was written as, most frequent first."""
    return access.cached(("names", code, limit), lambda s: s.query(
        "SELECT name, sector, sum(n_events)::BIGINT AS n_events FROM actors WHERE country = ?"
        " GROUP BY name, sector ORDER BY n_events DESC, name LIMIT ?", [code, limit]))


def events(access: StoreAccess, flt: EventFilter | None, *, limit: int, offset: int = 0
           ) -> list[Event]:
    return access.cached(("events", flt, limit, offset), lambda s: s.events(
        flt, limit=limit, offset=offset))


def count_events(access: StoreAccess, flt: EventFilter | None) -> int:
    where, params = where_clause(flt)
    return access.cached(("count_events", flt), lambda s: int(s.rows(
        "SELECT count(*) FROM events AS e JOIN articles AS a ON a.article_pk = e.article_pk "
        f"{where}", params)[0][0]))


def recent_events(access: StoreAccess, flt: EventFilter, n: int = 20) -> list[Event]:
    """The ``n`` latest events matching ``flt``, newest first."""
    total = count_events(access, flt)
    return list(reversed(events(access, flt, limit=n, offset=max(0, total - n))))


def articles(access: StoreAccess, *, limit: int, offset: int = 0) -> list[Article]:
    with access.reading() as s:
        return s.articles(limit=limit, offset=offset)


def article(access: StoreAccess, article_id: str) -> tuple[Article, list[Event]]:
    with access.reading() as s:
        found = s.article(article_id)
        if found is None:
            raise NotFound(f"no article with id {article_id!r} in this store")
        return found, s.events(EventFilter(article_id=article_id))


def incident_evidence(access: StoreAccess, incident_ids: list[str], per_incident: int = 4
                      ) -> dict[str, list[Event]]:
    """Up to ``per_incident`` of each incident's events (its reports), with their evidence.

    The store reads events by filter, not by id, so they are read article by article (about
    20 ms each on a million events); the pages that show evidence are cached whole.
    """
    ids = tuple(dict.fromkeys(incident_ids))
    if not ids:
        return {}

    def compute(s) -> dict[str, list[Event]]:
        rows = s.rows(
            "SELECT ie.incident_id, ie.event_id, e.article_id FROM incident_events AS ie"
            " JOIN events AS e ON e.event_id = ie.event_id"
            " WHERE ie.incident_id IN (SELECT unnest(?::VARCHAR[]))"
            " ORDER BY ie.incident_id, e.article_id, e.event_id", [list(ids)])
        wanted: dict[str, list[str]] = {}
        by_article: dict[str, set[str]] = {}
        for incident_id, event_id, article_id in rows:
            chosen = wanted.setdefault(incident_id, [])
            if len(chosen) < per_incident:
                chosen.append(event_id)
                by_article.setdefault(article_id, set()).add(event_id)
        found: dict[str, Event] = {}
        for article_id, event_ids in sorted(by_article.items()):
            for ev in s.events(EventFilter(article_id=article_id)):
                if ev.event_id in event_ids:
                    found[ev.event_id] = ev
        return {i: [found[e] for e in wanted.get(i, []) if e in found] for i in ids}

    return access.cached(("evidence", ids, per_incident), compute)
