"""The :class:`Store`: wardrums' only door to its DuckDB database.

Everything that writes does so in an explicit transaction, so an exception at
any point (a bad value, a full disk, Ctrl-C) rolls back to the last complete
article. Articles are identified by their content hash, which makes ingesting
the same input twice a no-op; event ids come from the coder and an id that is
already stored is skipped rather than failing its batch.

A :class:`Store` wraps one DuckDB connection and is not meant to be shared
between threads; DuckDB itself lets only one process open a file for writing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from wardrums.errors import StoreError
from wardrums.records import Article, Event, Rejection
from wardrums.store import migrations
from wardrums.store._sql import first_line, one, run, scalar
from wardrums.store.export import ExportFormat
from wardrums.store.export import export_events as _export_events
from wardrums.store.filters import EventFilter
from wardrums.store.queries import events_sql, frame_sql
from wardrums.store.rows import (
    ACTOR_SCHEMA,
    ARTICLE_READ_COLUMNS,
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    REJECTION_READ_COLUMNS,
    actor_rows,
    article_from_row,
    article_row,
    event_from_row,
    event_row,
    rejection_from_row,
    to_arrow,
)

DEFAULT_DB = "wardrums.duckdb"

#: Failures caused by the data being written (as opposed to bugs or interrupts); reported as
#: :class:`StoreError` naming the article.
_DATA_ERRORS: tuple[type[BaseException], ...] = (
    duckdb.Error, pa.ArrowException, TypeError, ValueError, AttributeError,
)

_IN_CLAUSE = "IN (SELECT unnest(?::VARCHAR[]))"


@dataclass(frozen=True)
class BulkResult:
    """What :meth:`Store.add_articles_bulk` did: new articles, already-stored ones, failures.

    ``failed`` holds ``(article id, message)`` for each article that could not be stored
    even in its own transaction; the others were stored regardless.
    """

    added: int = 0
    duplicates: int = 0
    failed: tuple[tuple[str, str], ...] = ()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# --- writing (module level so tests can interpose on a single step) ---------------------------

def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    """Insert a whole Arrow table in one statement; column names come from our own schemas."""
    view = f"_wardrums_new_{table}"
    cols = ", ".join(f'"{name}"' for name in data.column_names)
    con.register(view, data)
    try:
        run(con, f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")
    except BaseException:
        # An aborted transaction refuses even unregister(); keep the original error.
        with contextlib.suppress(duckdb.Error):
            con.unregister(view)
        raise
    con.unregister(view)


def _insert_articles(con: duckdb.DuckDBPyConnection, data: pa.Table) -> None:
    _insert_arrow(con, "articles", data)


def _insert_events(con: duckdb.DuckDBPyConnection, data: pa.Table) -> None:
    _insert_arrow(con, "events", data)


def _insert_actors(con: duckdb.DuckDBPyConnection, data: pa.Table) -> None:
    _insert_arrow(con, "event_actors", data)


def _existing(con: duckdb.DuckDBPyConnection, table: str, column: str,
              keys: Iterable[str]) -> set[str]:
    keys = list(keys)
    if not keys:
        return set()
    rows = run(con, f"SELECT {column} FROM {table} WHERE {column} {_IN_CLAUSE}", [keys])
    return {r[0] for r in rows}


def _write_batch(con: duckdb.DuckDBPyConnection,
                 items: Sequence[tuple[Article, Sequence[Event]]]) -> tuple[int, int]:
    """Insert the new articles of ``items`` with their events and actors; caller owns the
    transaction. Returns ``(added, duplicates)``."""
    keyed: dict[str, tuple[Article, Sequence[Event]]] = {}
    for article, events in items:
        keyed.setdefault(article.content_hash, (article, events))
    stored = _existing(con, "articles", "article_pk", keyed)
    fresh = [(h, a, evs) for h, (a, evs) in keyed.items() if h not in stored]
    duplicates = len(items) - len(fresh)
    if not fresh:
        return 0, duplicates

    now = _utcnow()
    seq = int(scalar(con, "SELECT coalesce(max(ingest_seq), 0) FROM articles") or 0)
    article_rows = [article_row(a, h, seq + i, now) for i, (h, a, _) in enumerate(fresh, 1)]

    event_rows: list[tuple[Any, ...]] = []
    mention_rows: list[tuple[Any, ...]] = []
    seen: set[str] = set()
    for h, _, events in fresh:
        for ordinal, event in enumerate(events):
            if event.event_id in seen:
                continue  # the same deterministic id twice in one batch: keep the first
            seen.add(event.event_id)
            event_rows.append(event_row(event, h, ordinal))
            mention_rows.extend(actor_rows(event))
    taken = _existing(con, "events", "event_id", seen)
    if taken:  # already stored (e.g. re-coded article with new text): skip, do not fail
        event_rows = [r for r in event_rows if r[0] not in taken]
        mention_rows = [r for r in mention_rows if r[0] not in taken]

    # Convert everything first so a wrongly typed value fails before any row is written.
    articles_t = to_arrow(article_rows, ARTICLE_SCHEMA)
    events_t = to_arrow(event_rows, EVENT_SCHEMA)
    actors_t = to_arrow(mention_rows, ACTOR_SCHEMA)
    _insert_articles(con, articles_t)
    if event_rows:
        _insert_events(con, events_t)
    if mention_rows:
        _insert_actors(con, actors_t)
    return len(fresh), duplicates


def _rejection_key(rej: Rejection) -> str:
    key = json.dumps([rej.input, rej.code, rej.line], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


# --- the store -------------------------------------------------------------------------------

class Store:
    """An open wardrums event store; use as a context manager or call :meth:`close`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
        self._conn: duckdb.DuckDBPyConnection | None = con
        self.path = path
        self.read_only = read_only

    # -- lifecycle --

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else ("read-only" if self.read_only else "open")
        return f"<Store {self.path} ({state})>"

    @property
    def _con(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed; open it again with open_store()")
        return self._conn

    def _writable(self) -> duckdb.DuckDBPyConnection:
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only; "
                             f"open it without read_only to write")
        return self._con

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self._writable()
        run(con, "BEGIN TRANSACTION")
        try:
            yield con
            run(con, "COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                run(con, "ROLLBACK")
            raise

    # -- for the analysis layer, which keeps its derived tables in the same file --

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A write transaction on the store's connection (rolled back on any exception).

        For :mod:`wardrums.analysis`, which rebuilds its derived tables (incidents, clusters)
        here; the tables of migration 1 are written only through this class.
        """
        with self._transaction() as con:
            yield con

    def query(self, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a read-only SELECT with bound parameters and return it as a DataFrame."""
        return self._con.execute(sql, list(params or [])).df()

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` with bound parameters and return all its rows."""
        return run(self._con, sql, params)

    # -- articles and events --

    def has_article(self, content_hash: str) -> bool:
        """True if an article with this content hash (``Article.content_hash``) is stored."""
        return one(self._con, "SELECT 1 FROM articles WHERE article_pk = ?",
                   [content_hash]) is not None

    def add_article(self, article: Article, events: Sequence[Event]) -> bool:
        """Store an article with its events in one transaction; False if already stored."""
        try:
            with self._transaction() as con:
                added, _ = _write_batch(con, [(article, events)])
        except _DATA_ERRORS as exc:
            raise StoreError(f"could not store article {article.id!r} in {self.path}: "
                             f"{first_line(exc)}; "
                             f"nothing of it was written") from exc
        return added == 1

    def add_articles_bulk(self, items: Iterable[tuple[Article, Sequence[Event]]],
                          batch_size: int = 1000) -> BulkResult:
        """Store many articles, ``batch_size`` per transaction, still idempotent by content hash.

        If a batch fails, its articles are retried one transaction each, so one bad
        article costs only itself; those are listed in :attr:`BulkResult.failed`.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._writable()
        added = duplicates = 0
        failed: list[tuple[str, str]] = []
        it = iter(items)
        while chunk := list(islice(it, batch_size)):
            try:
                with self._transaction() as con:
                    a, d = _write_batch(con, chunk)
            except Exception:
                for item in chunk:
                    try:
                        with self._transaction() as con:
                            a, d = _write_batch(con, [item])
                    except Exception as exc:
                        reason = f"{type(exc).__name__}: {first_line(exc)}"
                        failed.append((_item_id(item), reason))
                    else:
                        added += a
                        duplicates += d
            else:
                added += a
                duplicates += d
        return BulkResult(added=added, duplicates=duplicates, failed=tuple(failed))

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles in ingestion order."""
        cols = ", ".join(ARTICLE_READ_COLUMNS)
        sql = f"SELECT {cols} FROM articles ORDER BY ingest_seq"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        if offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        return [article_from_row(r) for r in run(self._con, sql, params)]

    def article(self, article_id: str) -> Article | None:
        """The article with this id; if its text changed over time, the latest version."""
        cols = ", ".join(ARTICLE_READ_COLUMNS)
        row = one(self._con,
                  f"SELECT {cols} FROM articles WHERE id = ? ORDER BY ingest_seq DESC LIMIT 1",
                  [article_id])
        return article_from_row(row) if row else None

    def events(self, flt: EventFilter | None = None, *, limit: int | None = None,
               offset: int = 0) -> list[Event]:
        """Events matching ``flt``, by date (event date, else publication date), then ingestion."""
        sql, params = events_sql(flt, limit, offset)
        rows = run(self._con, sql, params)
        return [event_from_row(r[:-2], r[-2], r[-1]) for r in rows]

    def iter_events(self, flt: EventFilter | None = None, *,
                    batch_size: int = 10_000) -> Iterator[Event]:
        """Like :meth:`events` but streamed, for selections too large to hold as a list."""
        sql, params = events_sql(flt)
        cur = self._con.cursor()
        try:
            cur.execute(sql, params)
            while batch := cur.fetchmany(batch_size):
                for r in batch:
                    yield event_from_row(r[:-2], r[-2], r[-1])
        finally:
            cur.close()

    def events_frame(self, flt: EventFilter | None = None) -> pd.DataFrame:
        """Events as a flat DataFrame of ``FRAME_COLUMNS`` (the CSV/Parquet export columns).

        ``source``/``target`` hold lists of country codes (in actor order, ``None`` where
        unknown) and ``source_actors``/``target_actors`` JSON arrays of the full actors.
        """
        sql, params = frame_sql(flt)
        frame = self._con.execute(sql, params).df()
        for col in ("source", "target"):
            frame[col] = [list(v) for v in frame[col]]
        return frame

    def export_events(self, dest: str | Path, fmt: ExportFormat,
                      flt: EventFilter | None = None) -> int:
        """Write matching events to ``dest`` as csv, jsonl or parquet; return rows written."""
        return _export_events(self._con, dest, fmt, flt)

    # -- rejections --

    def add_rejection(self, rejection: Rejection) -> None:
        """Record a rejected input; the same (input, code, line) is kept once (first reason)."""
        self.add_rejections([rejection])

    def add_rejections(self, rejections: Iterable[Rejection]) -> int:
        """Record several rejections in one transaction; return how many were new."""
        now = _utcnow()
        rows = [[_rejection_key(r), r.input, r.reason, r.code, r.line, now] for r in rejections]
        if not rows:
            return 0
        try:
            with self._transaction() as con:
                before = self._count(con, "rejections")
                con.executemany(  # executemany runs every row to completion
                    "INSERT INTO rejections (rejection_id, input, reason, code, line, recorded_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    rows,
                )
                return self._count(con, "rejections") - before
        except _DATA_ERRORS as exc:
            raise StoreError(f"could not record rejections in {self.path}: "
                             f"{first_line(exc)}") from exc

    def rejections(self) -> list[Rejection]:
        """Recorded rejections, oldest first."""
        cols = ", ".join(REJECTION_READ_COLUMNS)
        rows = run(self._con, f"SELECT {cols} FROM rejections ORDER BY recorded_at, rowid")
        return [rejection_from_row(r) for r in rows]

    # -- bookkeeping --

    @staticmethod
    def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
        return int(scalar(con, f"SELECT count(*) FROM {table}") or 0)

    def counts(self) -> dict[str, int]:
        """Row counts: articles, events, distinct actors, rejections."""
        con = self._con
        return {name: self._count(con, name)
                for name in ("articles", "events", "actors", "rejections")}

    def schema_version(self) -> int:
        """The schema version of the open database."""
        return migrations.current_version(self._con)


def _item_id(item: Any) -> str:
    try:
        return str(item[0].id)
    except Exception:
        return repr(item)[:80]


# --- opening ---------------------------------------------------------------------------------

def _open_error(path: Path, exc: duckdb.Error) -> StoreError:
    msg = first_line(exc)
    if "not a valid DuckDB database" in msg:
        return StoreError(
            f"{path} is not a DuckDB database, so it cannot be a wardrums store; "
            f"give the path of a store file (default {DEFAULT_DB}) or a new file name to create one"
        )
    if "lock" in msg.lower():
        return StoreError(f"{path} is in use by another process; close the other wardrums "
                          f"command (or program) using it and try again ({msg})")
    return StoreError(f"cannot open the store {path}: {msg}")


def _ensure_wardrums(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse to add our tables to somebody else's DuckDB database."""
    if migrations.applied(con):
        return
    others = scalar(
        con, "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name <> 'schema_migrations'")
    if others:
        raise StoreError(f"{path} is a DuckDB database but not a wardrums store (it has tables "
                         f"but no schema_migrations); give a different file for the store")


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``path``.

    ``":memory:"`` opens a throwaway in-memory store. Read-only opening never
    migrates: the file must exist and already be at this code's schema version.
    """
    in_memory = str(path) == ":memory:"
    p = Path(path) if in_memory else Path(path).expanduser()
    if not in_memory:
        if p.is_dir():
            raise StoreError(f"{p} is a directory, not a store file; "
                             f"give a file path such as {p / DEFAULT_DB}")
        if read_only and not p.exists():
            raise StoreError(f"there is no wardrums store at {p}; "
                             f"create one first by ingesting articles into it")
        if not read_only:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for the store {p}: {exc}") from exc
    try:
        con = duckdb.connect(str(p), read_only=read_only)
    except duckdb.Error as exc:
        raise _open_error(p, exc) from exc
    try:
        _ensure_wardrums(con, p)
        if read_only:
            known = migrations.known_migrations()
            done = migrations.check_compatible(con, p, known)
            latest = migrations.latest_version(known)
            have = max(done) if done else 0
            if have < latest:
                raise StoreError(f"{p} is at store schema version {have} but this wardrums "
                                 f"needs version {latest}; open it once without read-only "
                                 f"to upgrade it")
        else:
            migrations.migrate(con, p)
    except BaseException:
        con.close()
        raise
    return Store(con, p, read_only=read_only)
