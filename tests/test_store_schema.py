"""Schema creation, migrations, versions and the errors for files that cannot be stores."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from test_store_helpers import article_with_events

from wardrums.errors import StoreError
from wardrums.records import DATE_PRECISIONS, MODALITIES, POLARITIES
from wardrums.store import DEFAULT_DB, Store, open_store, schema
from wardrums.store import migrations as mig


def _objects(path: Path) -> tuple[set[str], set[str], set[str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        views = {r[0] for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    finally:
        con.close()
    return tables, views, indexes


def _columns(path: Path, table: str) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
            [table]).fetchall()]
    finally:
        con.close()


def test_default_db_name() -> None:
    assert DEFAULT_DB == "wardrums.duckdb"


def test_new_store_is_created_at_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "w.duckdb"  # missing folders are created
    with open_store(path) as store:
        assert isinstance(store, Store)
        assert store.path == path
        assert store.schema_version() == mig.latest_version() == len(mig.MIGRATIONS)
        assert store.counts() == {"articles": 0, "events": 0, "actors": 0, "rejections": 0}
    tables, views, indexes = _objects(path)
    assert {"articles", "events", "event_actors", "rejections", "schema_migrations"} <= tables
    assert "actors" in views
    assert {"events_date_idx", "events_type_idx", "event_actors_country_idx"} <= indexes
    assert _columns(path, "articles")[0] == "article_pk"
    assert {"start", "end", "role", "position", "country"} <= set(_columns(path, "event_actors"))


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    open_store(path).close()
    open_store(path).close()
    con = duckdb.connect(str(path))
    rows = con.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
    con.close()
    assert [(v, n) for v, n, _ in rows] == [(m.version, m.name) for m in mig.MIGRATIONS]
    assert rows[0][2] is not None


def _test_migration_2(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE articles ADD COLUMN test_note VARCHAR")
    con.execute("UPDATE articles SET test_note = 'migrated'")


def test_database_at_version_1_is_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    path = tmp_path / "w.duckdb"
    real = list(mig.MIGRATIONS)
    monkeypatch.setattr(mig, "MIGRATIONS", real[:1])  # a store written by the first release
    with open_store(path) as store:
        store.add_article(*article_with_events("a1", 2))
        assert store.schema_version() == 1

    n = len(real)
    monkeypatch.setattr(mig, "MIGRATIONS", [
        *real,
        (n + 1, "test_add_note", _test_migration_2),
        mig.Migration(n + 2, "test_sql_step", "CREATE TABLE test_t (x INTEGER); "
                                              "INSERT INTO test_t VALUES (42)"),
    ])
    with open_store(path) as store:
        assert store.schema_version() == n + 2
        assert store.counts()["events"] == 2  # data survives the upgrade
    con = duckdb.connect(str(path))
    assert con.execute("SELECT test_note FROM articles").fetchall() == [("migrated",)]
    assert con.execute("SELECT x FROM test_t").fetchall() == [(42,)]
    assert con.execute("SELECT version, name FROM schema_migrations ORDER BY version"
                       ).fetchall() == [*((m.version, m.name) for m in real),
                                        (n + 1, "test_add_note"), (n + 2, "test_sql_step")]
    con.close()


def test_failing_migration_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    path = tmp_path / "w.duckdb"
    open_store(path).close()

    def broken(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("CREATE TABLE half_done (x INTEGER)")
        con.execute("SELECT * FROM no_such_table")

    n = len(mig.MIGRATIONS)
    monkeypatch.setattr(mig, "MIGRATIONS", [*mig.MIGRATIONS, (n + 1, "broken", broken)])
    with pytest.raises(StoreError, match=rf"version {n + 1} \(broken\).*left at version {n}"):
        open_store(path)
    tables, _, _ = _objects(path)
    assert "half_done" not in tables
    monkeypatch.setattr(mig, "MIGRATIONS", mig.MIGRATIONS[:n])
    with open_store(path) as store:
        assert store.schema_version() == n


def test_newer_database_asks_for_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from_the_future', now()::TIMESTAMP)",
                [len(mig.MIGRATIONS) + 1])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="upgrade wardrums") as err:
            open_store(path, read_only=read_only)
        assert str(path) in str(err.value)


def test_migration_name_mismatch_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_migrations SET name = 'someone_elses' WHERE version = 1")
    con.close()
    with pytest.raises(StoreError, match="incompatible"):
        open_store(path)


def test_migration_versions_must_be_consecutive() -> None:
    n = len(mig.MIGRATIONS)
    with pytest.raises(StoreError, match=f"expected {n + 1}"):
        mig.known_migrations([*mig.MIGRATIONS, (n + 2, "gap", "SELECT 1")])


def test_not_a_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a DuckDB database") as err:
        open_store(path)
    assert str(path) in str(err.value)
    assert "new file name" in str(err.value)
    assert path.read_text().startswith("these are my notes")  # untouched


def test_foreign_duckdb_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a wardrums store"):
        open_store(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.duckdb"
    with pytest.raises(StoreError, match="no wardrums store"):
        open_store(path, read_only=True)
    assert not path.exists()
    with open_store(path) as store:
        store.add_article(*article_with_events("a1", 1))
    with open_store(path, read_only=True) as store:
        assert store.counts()["events"] == 1
        with pytest.raises(StoreError, match="read-only"):
            store.add_article(*article_with_events("a2", 1))
    monkeypatch.setattr(mig, "MIGRATIONS",
                        [*mig.MIGRATIONS, (len(mig.MIGRATIONS) + 1, "test", "SELECT 1")])
    with pytest.raises(StoreError, match="without read-only to upgrade"):
        open_store(path, read_only=True)


def test_closed_store_raises_store_error(tmp_path: Path) -> None:
    store = open_store(tmp_path / "w.duckdb")
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_store_locked_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            open_store(path)
    finally:
        holder.communicate("", timeout=30)


def test_check_constraints_match_record_vocabularies() -> None:
    """The frozen DDL spells the Literal values out; they must agree with records.py."""
    ddl = " ".join(schema.INITIAL_SCHEMA)
    for values in (MODALITIES, POLARITIES, DATE_PRECISIONS):
        assert "(" + ", ".join(f"'{v}'" for v in values) + ")" in ddl
