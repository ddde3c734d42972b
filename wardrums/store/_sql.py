"""Statement helpers that always consume their results.

DuckDB 2's Python client streams ``execute()`` results lazily and refuses
other work on the connection (``register``, ``unregister``) while a result is
only partly read, so every statement here is run to its end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb


def run(con: duckdb.DuckDBPyConnection, sql: str,
        params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
    """Execute ``sql`` with bound ``params`` and return all its rows."""
    return con.execute(sql, list(params) if params is not None else []).fetchall()


def one(con: duckdb.DuckDBPyConnection, sql: str,
        params: Sequence[Any] | None = None) -> tuple[Any, ...] | None:
    """The first row of ``sql`` (or None), with the result fully consumed."""
    rows = run(con, sql, params)
    return rows[0] if rows else None


def scalar(con: duckdb.DuckDBPyConnection, sql: str,
           params: Sequence[Any] | None = None) -> Any:
    """The first column of the first row of ``sql`` (or None)."""
    row = one(con, sql, params)
    return row[0] if row else None


def first_line(exc: BaseException) -> str:
    """An exception's message without DuckDB's multi-line caret diagrams."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
