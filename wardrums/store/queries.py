"""The SELECTs that read events back, built once from constant column lists.

Events are selected (filtered, ordered, paged) first, then their actors are
aggregated only for that selection into ordered lists, so paging through a
large store never aggregates the whole ``event_actors`` table. Order is by
effective date (event date, else publication date; unknown last), then
ingestion order and the coder's order, which is stable for paging.
"""

from __future__ import annotations

from typing import Any

from wardrums.store.filters import EFFECTIVE_DATE_SQL, EventFilter, where_clause
from wardrums.store.rows import ACTOR_STRUCT_SQL, EVENT_FLAT_COLUMNS, EVENT_READ_COLUMNS

_ORDER = "_sort_date NULLS LAST, _seq, ordinal, event_id"
_OUTER_ORDER = "sel._sort_date NULLS LAST, sel._seq, sel.ordinal, sel.event_id"

#: Frame/export columns, in :class:`~wardrums.records.Event` field order where they map to one.
FRAME_COLUMNS: tuple[str, ...] = (
    EVENT_FLAT_COLUMNS[:7]
    + ("source", "target", "source_actors", "target_actors")
    + EVENT_FLAT_COLUMNS[7:]
    + ("article_pk", "article_published")
)


def _selection(flt: EventFilter | None, limit: int | None, offset: int) -> tuple[str, list[Any]]:
    where, params = where_clause(flt)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    elif offset:
        page = " OFFSET ?"
        params = [*params, int(offset)]
    sql = (
        "sel AS MATERIALIZED ("
        " SELECT e.*, a.published AS _published, a.ingest_seq AS _seq,"
        f" {EFFECTIVE_DATE_SQL} AS _sort_date"
        " FROM events AS e JOIN articles AS a ON a.article_pk = e.article_pk"
        f" {where} ORDER BY {_ORDER}{page})"
    )
    return sql, params


def _by_role(aggregate: str, role: str) -> str:
    """``aggregate`` (an ordered ``list(...)`` over ``ea``) restricted to one role."""
    return f"{aggregate} FILTER (WHERE ea.role = '{role}')"


def _actor_cte(columns: dict[str, str]) -> str:
    """Per-event actor aggregates, computed only for the events in ``sel``."""
    select = ", ".join(f"{expr} AS {name}" for name, expr in columns.items())
    return (
        f"act AS (SELECT ea.event_id, {select}"
        " FROM event_actors AS ea WHERE ea.event_id IN (SELECT event_id FROM sel)"
        " GROUP BY ea.event_id)"
    )


def events_sql(flt: EventFilter | None, limit: int | None = None,
               offset: int = 0) -> tuple[str, list[Any]]:
    """Rows of :data:`~wardrums.store.rows.EVENT_READ_COLUMNS` + source and target actor structs."""
    sel, params = _selection(flt, limit, offset)
    structs = f"list({ACTOR_STRUCT_SQL} ORDER BY ea.position)"
    act = _actor_cte({"src": _by_role(structs, "source"), "tgt": _by_role(structs, "target")})
    cols = ", ".join(f"sel.{c}" for c in EVENT_READ_COLUMNS)
    sql = (
        f"WITH {sel}, {act} "
        f"SELECT {cols}, act.src, act.tgt FROM sel LEFT JOIN act ON act.event_id = sel.event_id "
        f"ORDER BY {_OUTER_ORDER}"
    )
    return sql, params


def frame_sql(flt: EventFilter | None, *, lists_as_json: bool = False) -> tuple[str, list[Any]]:
    """Flat rows of :data:`FRAME_COLUMNS`; lists become JSON text when ``lists_as_json`` (CSV)."""
    sel, params = _selection(flt, None, 0)
    countries = "list(ea.country ORDER BY ea.position)"
    structs = f"list({ACTOR_STRUCT_SQL} ORDER BY ea.position)"
    act = _actor_cte({
        "src_c": _by_role(countries, "source"),
        "tgt_c": _by_role(countries, "target"),
        "src": f"to_json({_by_role(structs, 'source')})::VARCHAR",
        "tgt": f"to_json({_by_role(structs, 'target')})::VARCHAR",
    })
    if lists_as_json:
        source = "coalesce(to_json(act.src_c)::VARCHAR, '[]')"
        target = "coalesce(to_json(act.tgt_c)::VARCHAR, '[]')"
    else:
        source = "coalesce(act.src_c, []::VARCHAR[])"
        target = "coalesce(act.tgt_c, []::VARCHAR[])"
    exprs = {c: f"sel.{c}" for c in EVENT_FLAT_COLUMNS}
    exprs.update({
        "source": f"{source} AS source",
        "target": f"{target} AS target",
        "source_actors": "coalesce(act.src, '[]') AS source_actors",
        "target_actors": "coalesce(act.tgt, '[]') AS target_actors",
        "article_pk": "sel.article_pk",
        "article_published": "sel._published AS article_published",
    })
    select = ", ".join(exprs[c] for c in FRAME_COLUMNS)
    sql = (
        f"WITH {sel}, {act} "
        f"SELECT {select} FROM sel LEFT JOIN act ON act.event_id = sel.event_id "
        f"ORDER BY {_OUTER_ORDER}"
    )
    return sql, params
