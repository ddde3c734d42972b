"""Ordered, named schema migrations and the code that applies them.

Each migration is ``(version, name, apply)`` where ``apply`` is SQL (one
string, possibly several statements, or a sequence of strings) or a callable
taking the DuckDB connection. Versions run 1, 2, 3, ... with no gaps; each is
applied in its own transaction together with its ``schema_migrations`` row, so
a crash mid-migration leaves the database at the previous version, never in
between. Released migrations are frozen: change the schema by appending.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import duckdb

from wardrums.errors import StoreError
from wardrums.store import schema
from wardrums.store._sql import first_line, run, scalar

MigrationStep = str | Sequence[str] | Callable[[duckdb.DuckDBPyConnection], None]


class Migration(NamedTuple):
    """One schema step; a plain ``(version, name, apply)`` tuple works too."""

    version: int
    name: str
    apply: MigrationStep


#: Every migration this version of wardrums knows, in order. Append only.
MIGRATIONS: list[Migration] = [
    Migration(1, "initial_schema", schema.INITIAL_SCHEMA),
    Migration(2, "analysis_tables", schema.ANALYSIS_TABLES),
]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def known_migrations(migrations: Iterable[tuple[int, str, MigrationStep]] | None = None
                     ) -> list[Migration]:
    """Validate and normalise a migration list (defaults to :data:`MIGRATIONS`)."""
    items = [Migration(*m) for m in (MIGRATIONS if migrations is None else migrations)]
    for expected, m in enumerate(items, start=1):
        if m.version != expected:
            raise StoreError(f"wardrums bug: migration {m.name!r} has version {m.version}, "
                             f"expected {expected} (versions must run 1, 2, 3, ... in order)")
    return items


def latest_version(migrations: Iterable[tuple[int, str, MigrationStep]] | None = None) -> int:
    """The schema version this code produces."""
    items = known_migrations(migrations)
    return items[-1].version if items else 0


def _has_ledger(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(scalar(
        con, "SELECT count(*) FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main' "
        "AND table_name = 'schema_migrations'"))


def applied(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """``{version: name}`` of the migrations recorded in the database (empty if none)."""
    if not _has_ledger(con):
        return {}
    rows = run(con, "SELECT version, name FROM schema_migrations ORDER BY version")
    return {int(v): str(n) for v, n in rows}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration version recorded, or 0 for a fresh database."""
    done = applied(con)
    return max(done) if done else 0


def check_compatible(con: duckdb.DuckDBPyConnection, path: Path,
                     migrations: Sequence[Migration]) -> dict[int, str]:
    """Refuse databases written by a newer or different wardrums; return what is applied."""
    done = applied(con)
    known = {m.version: m.name for m in migrations}
    newest = max(done) if done else 0
    latest = max(known) if known else 0
    if newest > latest:
        raise StoreError(
            f"{path} uses store schema version {newest}, but this wardrums only knows up to "
            f"version {latest}; upgrade wardrums (pip install -U wardrums) to open it"
        )
    for version, name in done.items():
        if known.get(version) != name:
            raise StoreError(
                f"{path} records schema migration {version} as {name!r}, but this wardrums "
                f"calls it {known.get(version)!r}; the store was made by an incompatible "
                f"build of wardrums - use that build, or start a new store file"
            )
    return done


def _run_step(con: duckdb.DuckDBPyConnection, step: MigrationStep) -> None:
    if callable(step):
        step(con)
    elif isinstance(step, str):
        run(con, step)
    else:
        for stmt in step:
            run(con, stmt)


def migrate(con: duckdb.DuckDBPyConnection, path: Path,
            migrations: Iterable[tuple[int, str, MigrationStep]] | None = None) -> list[int]:
    """Apply the missing migrations in order, one transaction each; return the versions applied."""
    items = known_migrations(migrations)
    run(con, schema.SCHEMA_MIGRATIONS_DDL)
    done = check_compatible(con, path, items)
    ran: list[int] = []
    for m in items:
        if m.version in done:
            continue
        run(con, "BEGIN TRANSACTION")
        try:
            _run_step(con, m.apply)
            run(con, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [m.version, m.name, _utcnow()])
            run(con, "COMMIT")
        except BaseException as exc:
            try:
                run(con, "ROLLBACK")
            except duckdb.Error:
                pass
            if isinstance(exc, duckdb.Error):
                raise StoreError(
                    f"could not upgrade {path} to schema version {m.version} ({m.name}): "
                    f"{first_line(exc)}; "
                    f"the store is left at version {m.version - 1}"
                ) from exc
            raise
        ran.append(m.version)
    return ran
