"""Incidents: the reports of one real-world occurrence merged, so it counts once.

Two events are reports of one incident when they have the same PLOVER type, the same first
source and target country and the same kind of claim (happened - asserted or alleged -,
forecast, or conditional), their dates (event date, else publication date) lie within
``merge.window_days`` of the incident's earliest report, their places (and, inside one
country, their sectors) do not contradict each other, and their evidence sentences share
enough content words (copies of one wire report always do).
Reports from near-duplicate articles (wire copy) stay one report; the corroboration count is
the number of independent outlets. Where reports disagree (one asserts, one only alleges; the
dates or places differ), the incident keeps every value with its count.

The merge is a single pass over events sorted by (type, pair, date, ingestion order), so the
same store always gives the same incidents, and re-running it rebuilds identical tables.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

import pyarrow as pa

from wardrums.analysis.config import MODALITY_ORDER

_STOP = frozenset("""
the and for that with from this have has had was were are been being its his her their they
them there than then which who whom whose what when where while after before said says say
also into over under about against between during more most other some such only own same
very can could will would should may might must not nor but our out all any both each few
one two three four five six seven eight nine ten new
""".split())
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_MOD_RANK = {m: i for i, m in enumerate(MODALITY_ORDER)}
#: Bump when the merge rules change, so stores rebuild their incidents on the next refresh.
MERGE_VERSION = 3

#: What happened (asserted or alleged: 0), what is forecast (1) and what is only threatened
#: conditionally (2) are never one incident: "they struck" and "if they strike" differ.
_KIND = {"asserted": 0, "alleged": 0, "predicted": 1, "hypothetical": 2}
_PRECISION_RANK = {"day": 0, "month": 1, "publication": 2, "year": 3, "unknown": 4}

#: An outlet's key for article ``o`` (the original of a near-duplicate cluster).
SOURCE_KEY_SQL = (r"coalesce(nullif(lower(trim(o.source)), ''), "
                  r"nullif(regexp_extract(lower(o.url), '^[a-z]+://(?:www\.)?([^/:?#]+)', 1), ''), "
                  r"'article:' || o.article_pk)")

#: Every event with what merging needs, into a temporary table. The source key names the
#: outlet for corroboration: the source of the cluster's original article (a syndicated copy
#: is its wire's report, not its printer's), else that article's URL host, else the cluster.
#: ``lone`` marks events with no other event of their block within the window on either
#: side: they are incidents of their own, written by SQL without a trip through Python
#: (most events in a large store).
_STAGE_SQL = rf"""
CREATE OR REPLACE TEMP TABLE _merge_events AS
WITH base AS (
    SELECT e.event_id, e.article_pk, coalesce(c.cluster_pk, e.article_pk) AS cluster_pk,
           {SOURCE_KEY_SQL} AS source_key,
           e.event_type, e.mode, e.cameo_root, e.quad_class, e.intensity,
           s.country AS src, s.sector AS src_sector, t.country AS tgt, t.sector AS tgt_sector,
           coalesce(e.date, a.published) AS eff_date, e.date_precision,
           e.location_country, e.location_place, e.modality, e.polarity,
           e.sentence, e.confidence, a.ingest_seq, e.ordinal, a.published,
           CASE e.modality WHEN 'predicted' THEN 1 WHEN 'hypothetical' THEN 2 ELSE 0 END
               AS kind
    FROM events AS e
    JOIN articles AS a ON a.article_pk = e.article_pk
    LEFT JOIN article_clusters AS c ON c.article_pk = e.article_pk
    JOIN articles AS o ON o.article_pk = coalesce(c.cluster_pk, e.article_pk)
    LEFT JOIN event_actors AS s
           ON s.event_id = e.event_id AND s.role = 'source' AND s.position = 0
    LEFT JOIN event_actors AS t
           ON t.event_id = e.event_id AND t.role = 'target' AND t.position = 0)
SELECT *,
       eff_date IS NULL
       OR (coalesce(eff_date - lag(eff_date) OVER w > $window, true)
           AND coalesce(lead(eff_date) OVER w - eff_date > $window, true)) AS lone
FROM base
WINDOW w AS (PARTITION BY event_type, src, tgt, kind ORDER BY eff_date NULLS LAST)
"""

#: The events that may share an incident, in the order :func:`group_reports` needs.
_CANDIDATES_SQL = """
SELECT event_id, article_pk, cluster_pk, source_key, event_type, mode, cameo_root, quad_class,
       intensity, src, src_sector, tgt, tgt_sector, eff_date, date_precision, location_country,
       location_place, modality, polarity, sentence, confidence, ingest_seq, ordinal,
       published
FROM _merge_events WHERE NOT lone
ORDER BY event_type, src NULLS LAST, tgt NULLS LAST, kind, eff_date NULLS LAST,
         ingest_seq, ordinal, event_id
"""

#: Lone events become one-report incidents (the same row :func:`_single` would build).
_LONE_SQL = (
    """
    INSERT INTO incidents
    SELECT 'inc-' || left(sha1(event_id), 16), event_type, mode, cameo_root, quad_class,
           intensity, eff_date, eff_date, eff_date, date_precision, location_country,
           location_place, modality, polarity, 1, 1, 1, 1, confidence, NULL, '{}', event_id,
           published - eff_date
    FROM _merge_events WHERE lone
    """,
    """
    INSERT INTO incident_events
    SELECT event_id, 'inc-' || left(sha1(event_id), 16), article_pk, cluster_pk
    FROM _merge_events WHERE lone
    """,
)


@dataclass(slots=True)
class _Report:
    event_id: str
    article_pk: str
    cluster_pk: str
    source_key: str
    event_type: str
    mode: str | None
    cameo_root: str
    quad_class: int
    intensity: float
    src: str | None
    src_sector: str | None
    tgt: str | None
    tgt_sector: str | None
    date: dt.date | None
    date_precision: str
    location_country: str | None
    location_place: str | None
    modality: str
    polarity: str
    sentence: str
    confidence: float
    ingest_seq: int
    ordinal: int
    published: dt.date | None


def content_words(sentence: str) -> frozenset[str]:
    """Lower-cased words of three letters or more, minus function words: what evidence shares."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(sentence)) if w not in _STOP)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass
class _Open:
    """An incident being built during the pass."""

    first_date: dt.date
    reports: list[_Report] = field(default_factory=list)
    dates: set[dt.date] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    src_sectors: set[str] = field(default_factory=set)
    tgt_sectors: set[str] = field(default_factory=set)
    clusters: set[str] = field(default_factory=set)
    _words: set[str] | None = None  # content words of all reports, computed when first asked

    def add(self, r: _Report) -> None:
        self.reports.append(r)
        if self._words is not None:
            self._words |= content_words(r.sentence)
        if r.date is not None:
            self.dates.add(r.date)
        if r.location_place:
            self.places.add(r.location_place.lower())
        if r.location_country:
            self.countries.add(r.location_country)
        if r.src_sector:
            self.src_sectors.add(r.src_sector)
        if r.tgt_sector:
            self.tgt_sectors.add(r.tgt_sector)
        self.clusters.add(r.cluster_pk)

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = set().union(*(content_words(r.sentence) for r in self.reports))
        return self._words

    def conflicts(self, r: _Report) -> bool:
        """Places that contradict; or, inside one country, different sectors on either side
        (police firing on a crowd and rioters burning shops are two incidents in IND-IND)."""
        if r.location_place and self.places and r.location_place.lower() not in self.places:
            return True
        if (r.location_country and self.countries
                and r.location_country not in self.countries):
            return True
        if r.src is not None and r.src == r.tgt:
            if r.src_sector and self.src_sectors and r.src_sector not in self.src_sectors:
                return True
            if r.tgt_sector and self.tgt_sectors and r.tgt_sector not in self.tgt_sectors:
                return True
        return False


def _match(open_: list[_Open], r: _Report, window: int, min_sim: float) -> _Open | None:
    """The open incident this report belongs to: most similar evidence, then nearest date."""
    best: tuple[float, int, _Open] | None = None
    words: frozenset[str] | None = None
    for inc in open_:
        if (r.date - inc.first_date).days > window or inc.conflicts(r):
            continue
        if r.cluster_pk in inc.clusters:  # a copy of a report already in the incident
            sim = 1.0
        else:
            words = words if words is not None else content_words(r.sentence)
            sim = jaccard(words, inc.words)
            if sim < min_sim:
                continue
        gap = -abs((r.date - inc.first_date).days)
        if best is None or (sim, gap) > best[:2]:
            best = (sim, gap, inc)
    return best[2] if best is not None else None


def _block(r: _Report) -> tuple:
    return r.event_type, r.src, r.tgt, _KIND.get(r.modality, 0)


def group_reports(reports: list[_Report], *, window_days: int, min_similarity: float
                  ) -> list[list[_Report]]:
    """Split reports (sorted as :data:`_CANDIDATES_SQL` sorts them) into incidents."""
    groups: list[_Open] = []
    for _, block in groupby(reports, key=_block):
        open_: list[_Open] = []
        for r in block:
            if r.date is None:  # no date at all: it cannot be placed on a timeline
                inc = _Open(first_date=dt.date.min)
                inc.add(r)
                groups.append(inc)
                continue
            open_ = [i for i in open_ if (r.date - i.first_date).days <= window_days]
            inc = _match(open_, r, window_days, min_similarity)
            if inc is None:
                inc = _Open(first_date=r.date)
                open_.append(inc)
                groups.append(inc)
            inc.add(r)
    return [g.reports for g in groups]


def _representative(reports: list[_Report]) -> _Report:
    return min(reports, key=lambda r: (r.polarity != "positive", _MOD_RANK.get(r.modality, 9),
                                       -r.confidence, r.date or dt.date.max, r.ingest_seq,
                                       r.ordinal))


def _disagreements(reports: list[_Report]) -> dict[str, dict[str, int]]:
    fields = {
        "modality": lambda r: r.modality,
        "polarity": lambda r: r.polarity,
        "date": lambda r: r.date.isoformat() if r.date and r.date_precision == "day" else None,
        "place": lambda r: r.location_place,
        "location_country": lambda r: r.location_country,
        "mode": lambda r: r.mode,
        "source_sector": lambda r: r.src_sector,
        "target_sector": lambda r: r.tgt_sector,
    }
    out: dict[str, dict[str, int]] = {}
    for name, get in fields.items():
        counts = Counter(v for v in map(get, reports) if v is not None)
        if len(counts) > 1:
            out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def incident_id(reports: list[_Report]) -> str:
    """Named after its earliest report, so an incident keeps its id as later reports join."""
    first = min(reports, key=lambda r: (r.date or dt.date.max, r.ingest_seq, r.ordinal,
                                        r.event_id))
    return "inc-" + hashlib.sha1(first.event_id.encode("utf-8")).hexdigest()[:16]


def _lag(r: _Report) -> int | None:
    """Days from the event to the article reporting it (None when either date is unknown)."""
    if r.date is None or r.published is None:
        return None
    return (r.published - r.date).days


def _single(r: _Report) -> dict:
    """The incident row of a lone report (most incidents): no counting needed."""
    return {
        "incident_id": "inc-" + hashlib.sha1(r.event_id.encode("utf-8")).hexdigest()[:16],
        "event_type": r.event_type, "mode": r.mode, "cameo_root": r.cameo_root,
        "quad_class": r.quad_class, "intensity": r.intensity, "date": r.date,
        "first_date": r.date, "last_date": r.date, "date_precision": r.date_precision,
        "location_country": r.location_country, "location_place": r.location_place,
        "modality": r.modality, "polarity": r.polarity, "n_events": 1, "n_articles": 1,
        "n_reports": 1, "n_sources": 1, "confidence": r.confidence, "similarity": None,
        "disagreements": "{}", "event_id": r.event_id, "report_lag": _lag(r),
    }


def summarise(reports: list[_Report], sims: list[float] | None = None) -> dict:
    """The incident row for a group of reports."""
    if len(reports) == 1:
        return _single(reports[0])
    rep = _representative(reports)
    positive = [r for r in reports if r.polarity == "positive"]
    firm = min(positive or reports, key=lambda r: _MOD_RANK.get(r.modality, 9)).modality
    day_dates = Counter(r.date for r in reports if r.date and r.date_precision == "day")
    dated = [r.date for r in reports if r.date is not None]
    if day_dates:
        date = min(day_dates, key=lambda d: (-day_dates[d], d))
    else:
        date = min(dated) if dated else None
    precision = min((r.date_precision for r in reports),
                    key=lambda p: _PRECISION_RANK.get(p, 9))
    places = Counter(r.location_place for r in reports if r.location_place)
    countries = Counter(r.location_country for r in reports if r.location_country)
    return {
        "incident_id": incident_id(reports),
        "event_type": rep.event_type, "mode": rep.mode, "cameo_root": rep.cameo_root,
        "quad_class": rep.quad_class, "intensity": rep.intensity,
        "date": date, "first_date": min(dated) if dated else None,
        "last_date": max(dated) if dated else None, "date_precision": precision,
        "location_country": countries.most_common(1)[0][0] if countries else None,
        "location_place": places.most_common(1)[0][0] if places else None,
        "modality": firm, "polarity": "positive" if positive else "negative",
        "n_events": len(reports),
        "n_articles": len({r.article_pk for r in reports}),
        "n_reports": len({r.cluster_pk for r in reports}),
        "n_sources": len({r.source_key for r in reports}),
        "confidence": max(r.confidence for r in reports),
        "similarity": (sum(sims) / len(sims)) if sims else None,
        "disagreements": json.dumps(_disagreements(reports), ensure_ascii=False),
        "event_id": rep.event_id,
        "report_lag": min((lag for lag in map(_lag, reports) if lag is not None), default=None),
    }


_INCIDENT_FIELDS = (
    ("incident_id", pa.string()), ("event_type", pa.string()), ("mode", pa.string()),
    ("cameo_root", pa.string()), ("quad_class", pa.int8()), ("intensity", pa.float64()),
    ("date", pa.date32()), ("first_date", pa.date32()), ("last_date", pa.date32()),
    ("date_precision", pa.string()), ("location_country", pa.string()),
    ("location_place", pa.string()), ("modality", pa.string()), ("polarity", pa.string()),
    ("n_events", pa.int32()), ("n_articles", pa.int32()), ("n_reports", pa.int32()),
    ("n_sources", pa.int32()), ("confidence", pa.float64()), ("similarity", pa.float64()),
    ("disagreements", pa.string()), ("event_id", pa.string()), ("report_lag", pa.int32()),
)


def rebuild_incidents(store, *, window_days: int, min_similarity: float) -> int:
    """Recompute the incident tables from the stored events in one transaction; return count."""
    window = int(window_days)
    with store.transaction() as con:
        con.execute(_STAGE_SQL, {"window": window}).fetchall()
    reports = [_Report(*row) for row in store.rows(_CANDIDATES_SQL)]
    groups = group_reports(reports, window_days=window, min_similarity=min_similarity)
    rows, links = [], []
    for g in groups:
        row = summarise(g, _merge_sims(g))
        rows.append(row)
        links.extend((r.event_id, row["incident_id"], r.article_pk, r.cluster_pk) for r in g)
    incidents = pa.table({name: pa.array([r[name] for r in rows], typ)
                          for name, typ in _INCIDENT_FIELDS})
    members = pa.table({
        "event_id": pa.array([x[0] for x in links], pa.string()),
        "incident_id": pa.array([x[1] for x in links], pa.string()),
        "article_pk": pa.array([x[2] for x in links], pa.string()),
        "cluster_pk": pa.array([x[3] for x in links], pa.string()),
    })
    with store.transaction() as con:
        for table in ("incident_sources", "incident_actors", "incident_events", "incidents"):
            con.execute(f"DELETE FROM {table}").fetchall()
        con.register("_new_incidents", incidents)
        con.register("_new_members", members)
        try:
            cols = ", ".join(name for name, _ in _INCIDENT_FIELDS)
            con.execute(f"INSERT INTO incidents ({cols}) SELECT {cols} FROM _new_incidents"
                        ).fetchall()
            con.execute("INSERT INTO incident_events (event_id, incident_id, article_pk, "
                        "cluster_pk) SELECT event_id, incident_id, article_pk, cluster_pk "
                        "FROM _new_members").fetchall()
        finally:
            con.unregister("_new_incidents")
            con.unregister("_new_members")
        for sql in _LONE_SQL:
            con.execute(sql).fetchall()
        con.execute("DROP TABLE _merge_events").fetchall()
        con.execute("""
            INSERT INTO incident_actors
            SELECT ie.incident_id, ea.role, ea.country, ea.sector, count(DISTINCT ea.event_id)
            FROM incident_events AS ie JOIN event_actors AS ea ON ea.event_id = ie.event_id
            WHERE ea.country IS NOT NULL
            GROUP BY ie.incident_id, ea.role, ea.country, ea.sector
        """).fetchall()
        con.execute(f"""
            INSERT INTO incident_sources
            SELECT DISTINCT ie.incident_id,
                   {SOURCE_KEY_SQL}
            FROM incident_events AS ie JOIN articles AS o ON o.article_pk = ie.cluster_pk
        """).fetchall()
    return int(store.rows("SELECT count(*) FROM incidents")[0][0])


def _merge_sims(group: list[_Report]) -> list[float]:
    """Evidence similarity of each later report to the ones before it (for the record)."""
    if len(group) < 2:
        return []
    seen = set(content_words(group[0].sentence))
    sims = []
    for r in group[1:]:
        words = content_words(r.sentence)
        sims.append(jaccard(frozenset(words), frozenset(seen)))
        seen |= words
    return sims
