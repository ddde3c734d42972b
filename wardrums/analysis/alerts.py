"""Escalation alerts: a pair's tension breaking from its own baseline, with the incidents why.

A period alerts when its smoothed index is at least ``alerts.z`` baseline deviations and
``alerts.min_rise`` index points above the pair's trailing baseline, or above zero if the
baseline is negative (a *break*), or reaches
``alerts.level`` when one is set (a *level*). Consecutive alerting periods form one alert,
whose window runs from the first to the last of them. Each alert carries the incidents that
drove it - those of the pair inside the window or the smoothing span before it, ranked by
their contribution - with the evidence sentence and article of each. Episodes, ranking and
the join to evidence are SQL; Python only builds the records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from wardrums.analysis.config import TensionConfig
from wardrums.analysis.tension import _STEP, SeriesSpec, contributions_sql, series_sql


@dataclass(frozen=True)
class Driver:
    """One incident behind an alert, with the evidence a reader can check."""

    incident_id: str
    date: dt.date
    event_type: str
    modality: str
    polarity: str
    sources: int
    reports: int
    contribution: float
    sentence: str
    article_id: str
    title: str | None
    url: str | None
    published: dt.date | None
    disagreements: dict[str, dict[str, int]]


@dataclass(frozen=True)
class Alert:
    """A pair's tension broke from its baseline (``break``) or crossed a level (``level``)."""

    alert_id: str
    kind: str
    source: str
    target: str
    directed: bool
    freq: str
    start: dt.date
    end: dt.date  # the start of the last alerting period
    periods: int
    peak: float  # highest smoothed index in the window
    peak_z: float | None
    baseline: float | None  # the baseline at the window's start
    rise: float  # peak minus that baseline
    incidents: int  # incidents of the pair inside the window
    drivers: tuple[Driver, ...]

    @property
    def pair(self) -> str:
        sep = "->" if self.directed else "-"
        return f"{self.source}{sep}{self.target}"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["pair"] = self.pair
        return json.loads(json.dumps(out, default=str))

    def summary(self) -> str:
        z = f"z {self.peak_z:.1f}, " if self.peak_z is not None else ""
        base = f"{self.baseline:.1f}" if self.baseline is not None else "n/a"
        return (f"{self.kind.upper()} {self.pair} {self.start}..{self.end}: tension "
                f"{self.peak:.1f} vs baseline {base} ({z}+{self.rise:.1f}); "
                f"{self.incidents} incidents")


def alert_id(kind: str, spec: SeriesSpec, source: str, target: str, start: dt.date) -> str:
    """Stable across re-runs: the same break in the same pair keeps its id."""
    key = f"{kind}|{spec.freq}|{spec.directed}|{spec.by_sector}|{source}|{target}|{start}"
    return "alert-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _episodes_sql(cfg: TensionConfig, spec: SeriesSpec) -> tuple[str, list[Any]]:
    sql, params = series_sql(cfg, spec)
    a = cfg.alerts
    level = a["level"]
    # The rise is measured from the baseline or from zero, whichever is higher: a quiet day
    # after weeks of cooperation is not an escalation, however far it lies from the baseline.
    brk = (f"(z >= {float(a['z'])!r} AND smoothed - greatest(baseline, 0.0)"
           f" >= {float(a['min_rise'])!r})")
    lvl = f"(smoothed >= {float(level)!r})" if level is not None else "false"
    sql += (
        f", flagged AS (SELECT *, {brk} AS is_break,"
        " rn - row_number() OVER (PARTITION BY source, target ORDER BY period) AS island"
        f" FROM series WHERE {brk} OR {lvl}), "
        "episodes AS (SELECT source, target, island, min(period) AS start, max(period) AS \"end\","
        " count(*) AS periods, max(smoothed) AS peak, max(z) AS peak_z,"
        " arg_min(baseline, period) AS baseline, bool_or(is_break) AS is_break"
        " FROM flagged GROUP BY source, target, island)"
    )
    return sql, params


def alerts(store, cfg: TensionConfig, spec: SeriesSpec, *, limit: int | None = None
           ) -> list[Alert]:
    """Alerts (newest first) over the store, each with up to ``alerts.explain_top`` drivers."""
    sql, params = _episodes_sql(cfg, spec)
    smooth = int(cfg.baseline(spec.freq)["smooth"])
    step = _STEP[spec.freq]
    window_filter = []
    if spec.since is not None:
        window_filter.append('ep."end" >= ?')
        params.append(spec.since)
    if spec.until is not None:
        window_filter.append("ep.start <= ?")
        params.append(spec.until)
    where = ("WHERE " + " AND ".join(window_filter)) if window_filter else ""
    limit_sql = ""
    if limit is not None:
        limit_sql = " LIMIT ?"
        params.append(int(limit))
    rows = store.rows(
        f"{sql} SELECT ep.source, ep.target, ep.start, ep.\"end\", ep.periods, ep.peak,"
        " ep.peak_z, ep.baseline, ep.is_break FROM episodes AS ep"
        f" {where} ORDER BY ep.start DESC, ep.source, ep.target{limit_sql}", params)
    if not rows:
        return []
    # The drivers of all alerts in one query: incidents of the pair from the start of the
    # smoothing span before the window to the end of its last period.
    dparams: list[Any] = []
    contrib = contributions_sql(cfg, spec, dparams)
    values = ", ".join("(?, ?, ?::DATE, ?::DATE)" for _ in rows)
    for r in rows:
        dparams += [r[0], r[1], r[2], r[3]]
    top = int(cfg.alerts["explain_top"])
    drivers = store.rows(
        f"WITH {contrib}"
        f"win(source, target, start, stop) AS (VALUES {values}), "
        "hits AS (SELECT w.source, w.target, w.start, c.incident_id, c.date, c.modality,"
        " c.polarity, c.weight * greatest(-c.intensity, 0.0) AS contribution"
        " FROM win AS w JOIN contrib AS c ON c.source = w.source AND c.target = w.target"
        f" AND c.date >= (w.start - {smooth - 1} * {step})::DATE"
        f" AND c.date < (w.stop + {step})::DATE), "
        "ranked AS (SELECT *, row_number() OVER (PARTITION BY source, target, start"
        " ORDER BY contribution DESC, date, incident_id) AS k,"
        " count(*) OVER (PARTITION BY source, target, start) AS n FROM hits)"
        " SELECT r.source, r.target, r.start, r.n, r.incident_id, r.date, i.event_type,"
        " r.modality, r.polarity, i.n_sources, i.n_reports, r.contribution, e.sentence,"
        " e.article_id, a.title, a.url, a.published, i.disagreements"
        " FROM ranked AS r JOIN incidents AS i ON i.incident_id = r.incident_id"
        " JOIN events AS e ON e.event_id = i.event_id"
        " JOIN articles AS a ON a.article_pk = e.article_pk"
        f" WHERE r.k <= {top} ORDER BY r.source, r.target, r.start, r.k", dparams)
    by_alert: dict[tuple[str, str, dt.date], list[Driver]] = {}
    counts: dict[tuple[str, str, dt.date], int] = {}
    for d in drivers:
        key = (d[0], d[1], d[2])
        counts[key] = int(d[3])
        by_alert.setdefault(key, []).append(Driver(
            incident_id=d[4], date=d[5], event_type=d[6], modality=d[7], polarity=d[8],
            sources=int(d[9]), reports=int(d[10]), contribution=float(d[11]), sentence=d[12],
            article_id=d[13], title=d[14], url=d[15], published=d[16],
            disagreements=json.loads(d[17]) if d[17] else {}))
    out = []
    for source, target, start, end, periods, peak, peak_z, baseline, is_break in rows:
        kind = "break" if is_break else "level"
        key = (source, target, start)
        out.append(Alert(
            alert_id=alert_id(kind, spec, source, target, start), kind=kind, source=source,
            target=target, directed=spec.directed, freq=spec.freq, start=start, end=end,
            periods=int(periods), peak=float(peak),
            peak_z=float(peak_z) if peak_z is not None else None,
            baseline=float(baseline) if baseline is not None else None,
            rise=float(peak) - float(baseline or 0.0), incidents=counts.get(key, 0),
            drivers=tuple(by_alert.get(key, ()))))
    return out


def alerts_frame(found: list[Alert]) -> pd.DataFrame:
    """Alerts as a flat DataFrame (drivers as a list of dicts per row)."""
    rows = [a.to_json() for a in found]
    cols = ["alert_id", "kind", "pair", "source", "target", "directed", "freq", "start", "end",
            "periods", "peak", "peak_z", "baseline", "rise", "incidents", "drivers"]
    return pd.DataFrame(rows, columns=cols)


def unreported(store, found: list[Alert]) -> list[Alert]:
    """The alerts not yet recorded as reported (by id)."""
    if not found:
        return []
    ids = [a.alert_id for a in found]
    seen = {r[0] for r in store.rows(
        "SELECT alert_id FROM reported_alerts WHERE alert_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids])}
    return [a for a in found if a.alert_id not in seen]


def mark_reported(store, found: list[Alert]) -> int:
    """Record alerts as reported, so a restarted ``watch`` does not announce them again."""
    if not found:
        return 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with store.transaction() as con:
        before = con.execute("SELECT count(*) FROM reported_alerts").fetchone()[0]
        con.executemany("INSERT INTO reported_alerts VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        [[a.alert_id, now, json.dumps(a.to_json())] for a in found])
        after = con.execute("SELECT count(*) FROM reported_alerts").fetchone()[0]
    return int(after - before)
