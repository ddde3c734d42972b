"""DDL of the store, kept as frozen strings that migrations apply.

A migration's SQL must never change once released (a database that already
ran it would silently differ from a new one), so each migration gets its own
constant here and later schema changes go in *new* constants. Values such as
the CHECK lists are therefore written out literally rather than generated from
:mod:`wardrums.records`; ``tests/test_store_schema.py`` checks they still agree.

Design notes
------------
* ``articles`` is keyed by the content hash (``article_pk``): the text is the
  identity, so the same ``id`` with new text is a new row and re-ingesting the
  same text is a no-op. ``ingest_seq`` gives a stable insertion order.
* ``events`` holds one row per coded event with its evidence and location
  flattened (all 1:1 with the event); ``has_location`` tells ``None`` apart
  from a :class:`~wardrums.records.Location` whose fields are all unknown.
  ``ordinal`` keeps the coder's order within an article.
* ``event_actors`` holds the 1:n source/target actors, ordered by
  ``position``, so that filters on a country use an index instead of
  unpacking JSON.
* ``actors`` is a VIEW over ``event_actors``, not a table: it is derived data,
  so a view cannot drift from the mentions, costs nothing on the ingest path
  (no upsert per actor during a million-event load), and is rolled back for
  free with the article transaction. DuckDB aggregates a few million rows in
  well under a second; if it ever becomes hot, a later migration can
  materialise it behind the same name.
* CHECK constraints guard the small closed vocabularies wardrums defines
  itself (role, quad class, modality, polarity, date precision). Event types
  are deliberately unchecked: they follow the external PLOVER codebook, which
  may grow, and DuckDB cannot drop a CHECK without rebuilding the table.
"""

from __future__ import annotations

#: The migrations ledger. Created before any migration runs (it records them).
SCHEMA_MIGRATIONS_DDL = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""

#: Migration 1, ``initial_schema``. Frozen: do not edit, add a new migration instead.
INITIAL_SCHEMA: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        article_pk  VARCHAR PRIMARY KEY,      -- records.content_hash(text)
        id          VARCHAR NOT NULL,         -- the reader's id; not unique across text versions
        ingest_seq  BIGINT NOT NULL,          -- insertion order
        title       VARCHAR,
        source      VARCHAR,
        url         VARCHAR,
        origin      VARCHAR,
        published   DATE,
        text        VARCHAR NOT NULL,
        boilerplate JSON NOT NULL,            -- [[start, end], ...]
        ingested_at TIMESTAMP NOT NULL        -- UTC
    )
    """,
    """
    CREATE TABLE events (
        event_id         VARCHAR PRIMARY KEY,
        article_pk       VARCHAR NOT NULL REFERENCES articles (article_pk),
        article_id       VARCHAR NOT NULL,
        ordinal          INTEGER NOT NULL,    -- index in the coder's output for the article
        event_type       VARCHAR NOT NULL,
        mode             VARCHAR,
        cameo_root       VARCHAR NOT NULL,
        quad_class       TINYINT NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
        intensity        DOUBLE NOT NULL,
        date             DATE,
        date_precision   VARCHAR NOT NULL
            CHECK (date_precision IN ('day', 'month', 'year', 'publication', 'unknown')),
        date_text        VARCHAR,
        has_location     BOOLEAN NOT NULL,
        location_country VARCHAR,
        location_place   VARCHAR,
        lat              DOUBLE,
        lon              DOUBLE,
        modality         VARCHAR NOT NULL
            CHECK (modality IN ('asserted', 'alleged', 'hypothetical', 'predicted')),
        polarity         VARCHAR NOT NULL CHECK (polarity IN ('positive', 'negative')),
        attributed_to    VARCHAR,
        sentence         VARCHAR NOT NULL,
        sent_start       INTEGER NOT NULL,
        sent_end         INTEGER NOT NULL,
        trigger          VARCHAR,
        trigger_start    INTEGER,
        trigger_end      INTEGER,
        confidence       DOUBLE NOT NULL,
        coder            VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL REFERENCES events (event_id),
        role     VARCHAR NOT NULL CHECK (role IN ('source', 'target')),
        position INTEGER NOT NULL,            -- order within the role, from 0
        text     VARCHAR NOT NULL,
        name     VARCHAR NOT NULL,
        country  VARCHAR,
        sector   VARCHAR,
        kb_id    VARCHAR,
        start    INTEGER,
        "end"    INTEGER,
        PRIMARY KEY (event_id, role, position)
    )
    """,
    """
    CREATE TABLE rejections (
        rejection_id VARCHAR PRIMARY KEY,     -- hash of (input, code, line); NULL-safe identity
        input        VARCHAR NOT NULL,
        reason       VARCHAR NOT NULL,
        code         VARCHAR NOT NULL,
        line         BIGINT,
        recorded_at  TIMESTAMP NOT NULL       -- UTC
    )
    """,
    "CREATE INDEX articles_id_idx ON articles (id)",
    "CREATE INDEX events_date_idx ON events (date)",
    "CREATE INDEX events_type_idx ON events (event_type)",
    "CREATE INDEX events_article_id_idx ON events (article_id)",
    "CREATE INDEX event_actors_country_idx ON event_actors (country)",
    """
    CREATE VIEW actors AS
    SELECT
        ea.name,
        ea.country,
        ea.sector,
        ea.kb_id,
        min(coalesce(e.date, a.published)) AS first_seen,
        max(coalesce(e.date, a.published)) AS last_seen,
        min(a.ingested_at)                 AS first_ingested_at,
        max(a.ingested_at)                 AS last_ingested_at,
        count(*)                           AS n_mentions,
        count(DISTINCT ea.event_id)        AS n_events
    FROM event_actors AS ea
    JOIN events AS e ON e.event_id = ea.event_id
    JOIN articles AS a ON a.article_pk = e.article_pk
    GROUP BY ea.name, ea.country, ea.sector, ea.kb_id
    """,
)

#: Migration 2, ``analysis_tables``. Frozen. Everything here is derived from the tables of
#: migration 1 and can be rebuilt from them at any time (``wardrums.analysis.refresh``):
#: near-duplicate clusters of articles, incidents (events merged across reports), and the
#: bookkeeping of the alerting loop (alerts already reported, feed polling state).
ANALYSIS_TABLES: tuple[str, ...] = (
    """
    CREATE TABLE article_signatures (
        article_pk VARCHAR PRIMARY KEY,       -- MinHash of the article's word shingles
        minhash    UINTEGER[] NOT NULL,
        shingles   INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE article_clusters (
        article_pk VARCHAR PRIMARY KEY,       -- every article with a signature
        cluster_pk VARCHAR NOT NULL,          -- earliest-ingested article of its near-duplicates
        similarity DOUBLE NOT NULL            -- estimated Jaccard with that article (1 for itself)
    )
    """,
    """
    CREATE TABLE incidents (
        incident_id     VARCHAR NOT NULL,     -- hash of its earliest supporting event's id
        event_type      VARCHAR NOT NULL,
        mode            VARCHAR,
        cameo_root      VARCHAR NOT NULL,
        quad_class      TINYINT NOT NULL,
        intensity       DOUBLE NOT NULL,
        date            DATE,                 -- the date most reports give (ties: earliest)
        first_date      DATE,
        last_date       DATE,
        date_precision  VARCHAR NOT NULL,
        location_country VARCHAR,
        location_place  VARCHAR,
        modality        VARCHAR NOT NULL,     -- the firmest modality any report gives
        polarity        VARCHAR NOT NULL,     -- positive if any report says it happened
        n_events        INTEGER NOT NULL,
        n_articles      INTEGER NOT NULL,
        n_reports       INTEGER NOT NULL,     -- distinct near-duplicate clusters
        n_sources       INTEGER NOT NULL,     -- distinct outlets: corroboration
        confidence      DOUBLE NOT NULL,
        similarity      DOUBLE,               -- mean evidence similarity of merged reports
        disagreements   JSON NOT NULL,        -- {field: {value: n_events}} where reports differ
        event_id        VARCHAR NOT NULL,     -- the representative (earliest, firmest) event
        report_lag      INTEGER               -- days from the event to its first report
    )
    """,
    """
    CREATE TABLE incident_events (
        event_id    VARCHAR NOT NULL,
        incident_id VARCHAR NOT NULL,
        article_pk  VARCHAR NOT NULL,
        cluster_pk  VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE incident_actors (
        incident_id VARCHAR NOT NULL,
        role        VARCHAR NOT NULL,         -- source | target
        country     VARCHAR NOT NULL,
        sector      VARCHAR,
        n_events    INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE incident_sources (
        incident_id VARCHAR NOT NULL,
        source_key  VARCHAR NOT NULL          -- outlet name, else URL host, else cluster
    )
    """,
    """
    CREATE TABLE analysis_state (
        name        VARCHAR PRIMARY KEY,
        fingerprint VARCHAR NOT NULL,
        updated_at  TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE reported_alerts (
        alert_id    VARCHAR PRIMARY KEY,
        reported_at TIMESTAMP NOT NULL,
        alert       JSON NOT NULL
    )
    """,
    """
    CREATE TABLE feed_state (
        url           VARCHAR PRIMARY KEY,
        last_poll_at  TIMESTAMP,
        last_ok_at    TIMESTAMP,
        failures      INTEGER NOT NULL,
        next_poll_at  TIMESTAMP,
        last_error    VARCHAR,
        items_seen    BIGINT NOT NULL
    )
    """,
)
