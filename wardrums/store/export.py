"""Writing filtered events to CSV, JSON Lines or Parquet files.

CSV and Parquet go through DuckDB's ``COPY`` (streamed, no pandas round trip,
fast for millions of rows) with the same flat columns as
:meth:`Store.events_frame`; in CSV the country lists are JSON arrays so that a
missing country (``null``) survives. JSON Lines is one ``Event.to_dict()`` per
line, i.e. exactly what ``wardrums code --format jsonl`` prints. Files are
written to a temporary name and renamed, so a failed export never leaves a
truncated file behind under the requested name.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Literal

import duckdb

from wardrums.errors import InputError, StoreError
from wardrums.store._sql import first_line, scalar
from wardrums.store.filters import EventFilter
from wardrums.store.queries import events_sql, frame_sql
from wardrums.store.rows import event_from_row

ExportFormat = Literal["csv", "jsonl", "parquet"]
EXPORT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")

_FETCH = 10_000


def _copy(con: duckdb.DuckDBPyConnection, flt: EventFilter | None, tmp: Path,
          fmt: ExportFormat) -> int:
    sql, params = frame_sql(flt, lists_as_json=(fmt == "csv"))
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    return int(scalar(con, f"COPY ({sql}) TO ? ({options})", [*params, str(tmp)]) or 0)


def _jsonl(con: duckdb.DuckDBPyConnection, flt: EventFilter | None, tmp: Path) -> int:
    sql, params = events_sql(flt)
    cur = con.cursor()  # own cursor: streaming must not be clobbered by other statements
    try:
        cur.execute(sql, params)
        n = 0
        with tmp.open("w", encoding="utf-8", newline="\n") as out:
            while batch := cur.fetchmany(_FETCH):
                for row in batch:
                    event = event_from_row(row[:-2], row[-2], row[-1])
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False))
                    out.write("\n")
                    n += 1
        return n
    finally:
        cur.close()


def export_events(con: duckdb.DuckDBPyConnection, dest: str | Path, fmt: ExportFormat,
                  flt: EventFilter | None = None) -> int:
    """Write the events matching ``flt`` to ``dest`` as ``fmt``; return the number of rows."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"cannot export as {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    dest = Path(dest)
    if dest.is_dir():
        raise StoreError(f"cannot export to {dest}: it is a directory; give a file name")
    tmp = dest.with_name(f".{dest.name}.partial")
    try:
        n = _jsonl(con, flt, tmp) if fmt == "jsonl" else _copy(con, flt, tmp, fmt)
        os.replace(tmp, dest)
    except (duckdb.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise StoreError(f"could not export events to {dest}: {first_line(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return n
