"""Speed of the tension analytics over a store of 1,000,000 synthetic events.

Builds a store of synthetic articles and events directly in SQL (60 countries, a skewed pair
popularity, three years of days, all 16 PLOVER types with their default intensities, a mix of
modalities and denials, and a few injected escalations), then times each analysis stage and
prints the seconds:

    python benchmarks/bench_tension.py                     # 1,000,000 events
    python benchmarks/bench_tension.py --events 100000 --db /tmp/b.duckdb --keep

The store is generated once and reused if ``--db`` exists with the same size (``--keep``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from wardrums import analysis
from wardrums.analysis import SeriesSpec, TensionConfig, dedup, merge
from wardrums.analysis.alerts import alerts as alerts_in
from wardrums.analysis.tension import dyads, series
from wardrums.data.lexicon import plover
from wardrums.store import open_store

EVENTS_PER_ARTICLE = 5
COUNTRIES = 60


def _populate(store, n_events: int, seed: float = 0.42) -> None:
    types = [(name, c.cameo_root, c.quad_class, c.intensity) for name, c in plover().items()]
    values = ", ".join(f"({i}, '{t}', '{root}', {quad}, {inten})"
                       for i, (t, root, quad, inten) in enumerate(types))
    n_articles = n_events // EVENTS_PER_ARTICLE
    start = dt.date(2021, 1, 1)
    with store.transaction() as con:
        con.execute(f"SELECT setseed({seed})").fetchall()
        con.execute(f"CREATE TEMP TABLE bench_types (k INTEGER, event_type VARCHAR, "
                    f"cameo_root VARCHAR, quad_class TINYINT, intensity DOUBLE); "
                    f"INSERT INTO bench_types VALUES {values}").fetchall()
        con.execute(f"""
            INSERT INTO articles
            SELECT 'bench-' || i, 'bench-' || i, i, 'Synthetic ' || i,
                   'outlet ' || (i % 40), NULL, 'bench', DATE '{start}' + (i % 1095)::INTEGER,
                   'Synthetic report ' || i || ' on ' || (i * 7919 % 100003) || ' and '
                       || (i * 104729 % 1000003) || ' from desk ' || (i % 97),
                   '[]', now()::TIMESTAMP
            FROM range({n_articles}) AS t(i)
        """).fetchall()
        # Pair popularity is skewed (a few pairs dominate, as in real news); every 50th day
        # the pair 0-1 gets a burst of assaults, so alerts have something to find.
        con.execute(f"""
            CREATE TEMP TABLE bench_events AS
            SELECT j, j // {EVENTS_PER_ARTICLE} AS art,
                   CASE WHEN (j // {EVENTS_PER_ARTICLE}) % 1095 % 50 = 0 AND j % 3 = 0
                        THEN 15 ELSE (random() * 16)::INTEGER % 16 END AS k,
                   (pow(random(), 3) * {COUNTRIES})::INTEGER % {COUNTRIES} AS a,
                   (pow(random(), 2) * {COUNTRIES})::INTEGER % {COUNTRIES} AS b,
                   random() AS m, random() AS p
            FROM range({n_events}) AS t(j)
        """).fetchall()
        con.execute(f"""
            INSERT INTO events
            SELECT 'ev-' || e.j, 'bench-' || e.art, 'bench-' || e.art, e.j % {EVENTS_PER_ARTICLE},
                   ty.event_type, NULL, ty.cameo_root, ty.quad_class, ty.intensity,
                   DATE '{start}' + (e.art % 1095)::INTEGER - (e.j % 2)::INTEGER, 'day', NULL,
                   false, NULL, NULL, NULL, NULL,
                   CASE WHEN e.m < 0.7 THEN 'asserted' WHEN e.m < 0.85 THEN 'alleged'
                        WHEN e.m < 0.93 THEN 'predicted' ELSE 'hypothetical' END,
                   CASE WHEN e.p < 0.05 THEN 'negative' ELSE 'positive' END, NULL,
                   'Synthetic sentence ' || e.j || ' about ' || ty.event_type, 0, 40,
                   NULL, NULL, NULL, 0.8, 'bench'
            FROM bench_events AS e JOIN bench_types AS ty ON ty.k = e.k
        """).fetchall()
        con.execute("""
            INSERT INTO event_actors
            SELECT 'ev-' || j, 'source', 0, 'C' || a, 'C' || a,
                   'C' || lpad(a::VARCHAR, 2, '0'), 'GOV', NULL, NULL, NULL FROM bench_events
            UNION ALL
            SELECT 'ev-' || j, 'target', 0, 'C' || b, 'C' || b,
                   'C' || lpad((CASE WHEN a = b THEN (b + 1) % 60 ELSE b END)::VARCHAR, 2, '0'),
                   'MIL', NULL, NULL, NULL FROM bench_events
        """).fetchall()
        con.execute("DROP TABLE bench_events; DROP TABLE bench_types").fetchall()


def _timed(label: str, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"{label:<44} {time.perf_counter() - t0:8.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="store file (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="reuse --db if it has the events")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = str(Path(tmp.name) / "bench.duckdb")
    path = Path(args.db)
    if path.exists() and not args.keep:
        path.unlink()
    cfg = TensionConfig.load()
    with open_store(path) as store:
        if store.counts()["events"] != args.events:
            _timed(f"generate {args.events:,} synthetic events", lambda: _populate(
                store, args.events))
        counts = store.counts()
        print(f"store: {counts['articles']:,} articles, {counts['events']:,} events")
        _timed("MinHash signatures of new articles", lambda: dedup.sign_new_articles(store))
        n_clusters = _timed("near-duplicate clusters (LSH)", lambda: dedup.rebuild_clusters(
            store))
        n_inc = _timed("merge events into incidents", lambda: merge.rebuild_incidents(
            store, window_days=cfg.merge["window_days"],
            min_similarity=cfg.merge["min_similarity"]))
        analysis.refresh(store, cfg, force=True)  # records the fingerprint
        print(f"  {n_clusters:,} clusters, {n_inc:,} incidents")
        for freq in ("D", "W", "M"):
            frame = _timed(f"dyad series, every pair, freq {freq}", lambda f=freq: series(
                store, cfg, SeriesSpec(freq=f)))
            print(f"  {len(frame):,} rows ({frame[['source', 'target']].drop_duplicates().shape[0]:,}"
                  " pairs)")
        _timed("top 20 dyads (daily)", lambda: dyads(store, cfg, SeriesSpec(), top=20))
        found = _timed("alerts with evidence, every pair (daily)", lambda: alerts_in(
            store, cfg, SeriesSpec()))
        print(f"  {len(found):,} alerts")
        _timed("one pair's daily series (C00-C01)", lambda: series(
            store, cfg, SeriesSpec(pair=("C00", "C01"))))
        _timed("refresh when nothing changed", lambda: analysis.refresh(store, cfg))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
