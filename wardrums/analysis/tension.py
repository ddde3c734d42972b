"""The tension index per pair of actors and period, computed in DuckDB.

For each incident (merged reports, see :mod:`wardrums.analysis.merge`)::

    weight       = modality weight (asserted 1, alleged .6, predicted .3, hypothetical 0)
                   x (negated weight if every report negates it, else 1)
                   x reliability of the most reliable outlet that reported it
                   x (1 + corroboration bonus x ln(min(independent sources, cap)))
    conflict     = weight x -intensity      for hostile types (intensity < 0)
    cooperation  = weight x  intensity      for cooperative types (intensity > 0)
    warning talk = -intensity               for hypothetical hostile talk (kept apart)

Per pair and period: ``index = conflict - cooperation_offset x cooperation``. The index is
smoothed by a trailing mean (``smooth`` periods), and the smoothed value is compared with the
pair's own baseline, the mean and standard deviation of the smoothed index over the
``window`` periods before it: ``z = (smoothed - baseline) / max(sd, sd_floor)``. Periods with
no incident count as zero, from the pair's first incident to the end of the data, so quiet
spells pull the baseline down as they should. All aggregation is SQL; Python only binds
parameters. The settings are in ``wardrums/data/tension.yaml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wardrums.analysis.config import FREQUENCIES, TensionConfig
from wardrums.errors import InputError

_TRUNC = {"D": "day", "W": "week", "M": "month"}
_STEP = {"D": "INTERVAL 1 DAY", "W": "INTERVAL 7 DAY", "M": "INTERVAL 1 MONTH"}

SERIES_COLUMNS = (
    "source", "target", "period", "incidents", "events", "verbal_cooperation",
    "material_cooperation", "verbal_conflict", "material_conflict", "conflict", "cooperation",
    "warning_talk", "intensity", "index", "smoothed", "baseline", "baseline_sd", "z",
)


@dataclass(frozen=True)
class SeriesSpec:
    """Which series to build: frequency, direction, actor level, and an optional pair/window."""

    freq: str = "D"
    directed: bool = False
    by_sector: bool = False
    pair: tuple[str, str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def __post_init__(self) -> None:
        if self.freq not in FREQUENCIES:
            raise InputError(f"frequency {self.freq!r} is not one of {', '.join(FREQUENCIES)} "
                             f"(day, week, month)")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since ({self.since}) is after until ({self.until})")


def actor_key_sql(alias: str, by_sector: bool) -> str:
    """An actor's key in a dyad: its country code, or ``COUNTRY/SECTOR`` when by sector (an
    actor with no known sector stays ``COUNTRY``)."""
    if by_sector:
        return f"({alias}.country || coalesce('/' || {alias}.sector, ''))"
    return f"{alias}.country"


def _weight_sql(cfg: TensionConfig, params: list[Any]) -> tuple[str, str]:
    """(CTE text for per-incident reliability, SQL weight expression over ``i`` and ``rel``)."""
    w = cfg.weights
    default, sources = cfg.reliability()
    if sources:
        values = ", ".join("(?, ?)" for _ in sources)
        for key, value in sources.items():
            params += [key, value]
        rel_cte = (
            f"rel_cfg(key, w) AS (VALUES {values}), "
            "rel AS (SELECT s.incident_id, max(rc.w) AS w FROM incident_sources AS s "
            "JOIN rel_cfg AS rc ON s.source_key = rc.key OR s.source_key LIKE '%.' || rc.key "
            "GROUP BY s.incident_id), "
        )
    else:
        rel_cte = "rel AS (SELECT NULL::VARCHAR AS incident_id, NULL::DOUBLE AS w WHERE false), "
    modality = " ".join(f"WHEN '{m}' THEN {float(v)!r}" for m, v in w["modality"].items())
    weight = (
        f"(CASE i.modality {modality} ELSE 0.0 END)"
        f" * (CASE WHEN i.polarity = 'negative' THEN {float(w['negated'])!r} ELSE 1.0 END)"
        f" * coalesce(rel.w, {default!r})"
        f" * (1.0 + {float(w['corroboration_bonus'])!r}"
        f" * ln(least(greatest(i.n_sources, 1), {int(w['corroboration_cap'])})))"
    )
    return rel_cte, weight


def contributions_sql(cfg: TensionConfig, spec: SeriesSpec, params: list[Any]) -> str:
    """CTEs ``pairs`` and ``contrib``: one row per (incident, pair) with its weighted parts."""
    rel_cte, weight = _weight_sql(cfg, params)
    a, b = actor_key_sql("s", spec.by_sector), actor_key_sql("t", spec.by_sector)
    if not spec.directed:
        a, b = f"least({a}, {b})", f"greatest({a}, {b})"
    trunc = _TRUNC[spec.freq]
    history = cfg.weights["history_days"]
    recent = (f" AND (i.report_lag IS NULL OR i.report_lag <= {int(history)})"
              if history is not None else "")
    return (
        rel_cte
        + "pairs AS (SELECT DISTINCT s.incident_id, "
        f"{a} AS source, {b} AS target FROM incident_actors AS s "
        "JOIN incident_actors AS t ON t.incident_id = s.incident_id "
        "AND s.role = 'source' AND t.role = 'target'), "
        "contrib AS (SELECT p.source, p.target, i.incident_id, i.date, "
        f"date_trunc('{trunc}', i.date)::DATE AS period, i.n_events, i.quad_class, "
        f"i.intensity, i.modality, i.polarity, {weight} AS weight, "
        "CASE WHEN i.modality = 'hypothetical' AND i.intensity < 0 AND i.polarity = 'positive'"
        " THEN -i.intensity ELSE 0.0 END AS warning "
        "FROM pairs AS p JOIN incidents AS i ON i.incident_id = p.incident_id "
        f"LEFT JOIN rel ON rel.incident_id = i.incident_id WHERE i.date IS NOT NULL{recent}), "
    )


def series_sql(cfg: TensionConfig, spec: SeriesSpec) -> tuple[str, list[Any]]:
    """``WITH ... series AS (...)``: a CTE chain ending in ``series`` (dense, all pairs).

    Callers append their own ``SELECT ... FROM series``. The pair and date filters are
    applied by the callers after the windows, so a baseline still sees the history before
    ``since``.
    """
    params: list[Any] = []
    contrib = contributions_sql(cfg, spec, params)
    base = cfg.baseline(spec.freq)
    smooth, window = int(base["smooth"]), int(base["window"])
    step = _STEP[spec.freq]
    pair_filter = ""
    if spec.pair is not None:
        a, b = spec.pair
        if not spec.directed:
            a, b = min(a, b), max(a, b)
        pair_filter = "WHERE source = ? AND target = ?"
        params += [a, b]
    offset = float(cfg.weights["cooperation_offset"])
    sql = (
        "WITH " + contrib
        + "agg AS (SELECT source, target, period, count(*) AS incidents, sum(n_events)::BIGINT AS events,"
        " count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,"
        " count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,"
        " count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,"
        " count(*) FILTER (WHERE quad_class = 4) AS material_conflict,"
        " sum(CASE WHEN intensity < 0 THEN weight * -intensity ELSE 0 END) AS conflict,"
        " sum(CASE WHEN intensity > 0 THEN weight * intensity ELSE 0 END) AS cooperation,"
        " sum(warning) AS warning_talk, sum(intensity) FILTER (WHERE weight > 0) AS intensity"
        f" FROM contrib {pair_filter} GROUP BY source, target, period), "
        "bounds AS (SELECT max(period) AS last FROM agg), "
        "spans AS (SELECT source, target, min(period) AS first FROM agg GROUP BY ALL), "
        "grid AS (SELECT sp.source, sp.target, g.period::DATE AS period FROM spans AS sp, bounds,"
        f" LATERAL (SELECT unnest(generate_series(sp.first::TIMESTAMP, bounds.last::TIMESTAMP,"
        f" {step})) AS period) AS g), "
        "dense AS (SELECT g.source, g.target, g.period,"
        " coalesce(a.incidents, 0) AS incidents, coalesce(a.events, 0)::BIGINT AS events,"
        " coalesce(a.verbal_cooperation, 0) AS verbal_cooperation,"
        " coalesce(a.material_cooperation, 0) AS material_cooperation,"
        " coalesce(a.verbal_conflict, 0) AS verbal_conflict,"
        " coalesce(a.material_conflict, 0) AS material_conflict,"
        " coalesce(a.conflict, 0.0) AS conflict, coalesce(a.cooperation, 0.0) AS cooperation,"
        " coalesce(a.warning_talk, 0.0) AS warning_talk, coalesce(a.intensity, 0.0) AS intensity,"
        f" coalesce(a.conflict, 0.0) - {offset!r} * coalesce(a.cooperation, 0.0) AS index"
        " FROM grid AS g LEFT JOIN agg AS a USING (source, target, period)), "
        "smoothed AS (SELECT *, avg(index) OVER (PARTITION BY source, target ORDER BY period"
        f" ROWS BETWEEN {smooth - 1} PRECEDING AND CURRENT ROW) AS smoothed,"
        " row_number() OVER (PARTITION BY source, target ORDER BY period) AS rn FROM dense), "
        "based AS (SELECT *,"
        " avg(smoothed) OVER w AS baseline, stddev_samp(smoothed) OVER w AS baseline_sd,"
        " count(smoothed) OVER w AS baseline_n FROM smoothed"
        f" WINDOW w AS (PARTITION BY source, target ORDER BY period"
        f" ROWS BETWEEN {window} PRECEDING AND 1 PRECEDING)), "
        "series AS (SELECT *, CASE WHEN baseline_n >= "
        f"{int(base['min_periods'])} THEN (smoothed - baseline)"
        f" / greatest(coalesce(baseline_sd, 0.0), {cfg.sd_floor!r}) END AS z FROM based)"
    )
    return sql, params


def _window_filter(spec: SeriesSpec, params: list[Any], column: str = "period") -> str:
    clauses = []
    if spec.since is not None:
        clauses.append(f"{column} >= date_trunc('{_TRUNC[spec.freq]}', ?::DATE)")
        params.append(spec.since)
    if spec.until is not None:
        clauses.append(f"{column} <= ?")
        params.append(spec.until)
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def series(store, cfg: TensionConfig, spec: SeriesSpec) -> pd.DataFrame:
    """The dense series of :data:`SERIES_COLUMNS`, one row per pair and period."""
    sql, params = series_sql(cfg, spec)
    where = _window_filter(spec, params)
    cols = ", ".join(f'"{c}"' for c in SERIES_COLUMNS)
    frame = store.query(f"{sql} SELECT {cols} FROM series {where} "
                        "ORDER BY source, target, period", params)
    if not frame.empty:
        frame["period"] = pd.to_datetime(frame["period"])
    return frame


def dyads(store, cfg: TensionConfig, spec: SeriesSpec, *, top: int = 20,
          order: str = "tension") -> pd.DataFrame:
    """Pairs ranked by total tension (``order="tension"``) or by incidents (``"activity"``).

    Each row sums the pair's series over the window and adds its latest smoothed value and
    z-score, and the highest z reached in the window.
    """
    if order not in ("tension", "activity"):
        raise InputError(f"order {order!r} must be 'tension' or 'activity'")
    sql, params = series_sql(cfg, spec)
    where = _window_filter(spec, params)
    rank = "tension DESC, incidents DESC" if order == "tension" else "incidents DESC, tension DESC"
    params.append(int(top))
    return store.query(
        f"{sql} SELECT source, target, sum(incidents)::BIGINT AS incidents, sum(events)::BIGINT AS events,"
        " sum(material_conflict) AS material_conflict, sum(verbal_conflict) AS verbal_conflict,"
        " sum(conflict) AS conflict, sum(cooperation) AS cooperation,"
        " sum(warning_talk) AS warning_talk, sum(index) AS tension,"
        " max(period) FILTER (WHERE incidents > 0) AS last_active,"
        " arg_max(smoothed, period) AS latest, arg_max(z, period) AS latest_z,"
        " max(z) AS peak_z"
        f" FROM series {where} GROUP BY source, target HAVING sum(incidents) > 0"
        f" ORDER BY {rank}, source, target LIMIT ?", params)


def incidents_for_pair(store, cfg: TensionConfig, spec: SeriesSpec) -> pd.DataFrame:
    """The pair's incidents with their weighted contribution and evidence, by date."""
    if spec.pair is None:
        raise InputError("incidents_for_pair needs a pair of actors")
    params: list[Any] = []
    contrib = contributions_sql(cfg, spec, params)
    a, b = spec.pair
    if not spec.directed:
        a, b = min(a, b), max(a, b)
    params += [a, b]
    where = _window_filter(spec, params, "c.date")
    where = ("AND " + where[len("WHERE "):]) if where else ""
    offset = float(cfg.weights["cooperation_offset"])
    return store.query(
        f"WITH {contrib.rstrip(', ')} "
        "SELECT c.incident_id, c.date, i.event_type, i.mode, c.modality, c.polarity,"
        " i.n_events, i.n_articles, i.n_sources, c.weight,"
        f" CASE WHEN c.intensity < 0 THEN c.weight * -c.intensity"
        f" ELSE -{offset!r} * c.weight * c.intensity END AS score, c.warning,"
        " e.sentence, e.article_id, a.title, a.url, a.published, i.disagreements"
        " FROM contrib AS c JOIN incidents AS i ON i.incident_id = c.incident_id"
        " JOIN events AS e ON e.event_id = i.event_id"
        " JOIN articles AS a ON a.article_pk = e.article_pk"
        f" WHERE c.source = ? AND c.target = ? {where}"
        " ORDER BY c.date, c.incident_id", params)
