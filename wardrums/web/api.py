"""The read-only REST API under ``/api/``: events, incidents, pairs, series, alerts, articles.

Each route parses its query, calls one function of :mod:`wardrums.web.reads`, and returns
JSON. Parameters are typed and bounded here, so a bad value is a 422 naming it, an unknown
actor a 404 with the closest codes, and nothing a client sends can reach the store unchecked.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from wardrums.errors import InputError
from wardrums.records import Article, EventType, Modality, Polarity
from wardrums.store import EventFilter
from wardrums.web import reads
from wardrums.web.reads import Window

router = APIRouter()

MAX_LIMIT = 1000
MAX_OFFSET = 2**31 - 1

Freq = Annotated[Literal["D", "W", "M"], Query(description="Day, week or month periods.")]
Since = Annotated[dt.date | None, Query(description="First day, YYYY-MM-DD (inclusive).")]
Until = Annotated[dt.date | None, Query(description="Last day, YYYY-MM-DD (inclusive).")]
Directed = Annotated[bool, Query(description="Keep A->B apart from B->A.")]
BySector = Annotated[bool, Query(description="Actors as COUNTRY:SECTOR (IND:COP).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def _plain(value: Any) -> Any:
    """A value from a DataFrame cell as JSON: dates as YYYY-MM-DD, NaN/NaT as null."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return _plain(value.tolist())
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame as a list of JSON objects; JSON text columns are parsed."""
    out = []
    for row in frame.to_dict(orient="records"):
        item = {str(k): _plain(v) for k, v in row.items()}
        if isinstance(item.get("disagreements"), str):
            item["disagreements"] = json.loads(item["disagreements"])
        out.append(item)
    return out


def _json(request: Request, build: Callable[[], dict[str, Any]]) -> Response:
    """The JSON of ``build()``, kept per URL until the store changes.

    A read is a function of its URL and the store alone; a cached body skips both the
    analysis and FastAPI's encoder, the costliest steps for a long series or alert list.
    """
    body = request.app.state.access.cached(("json", str(request.url)), lambda _store: json.dumps(
        _plain(build()), ensure_ascii=False, allow_nan=False).encode("utf-8"))
    return Response(body, media_type="application/json")


def _page(request: Request, name: str, items: list[Any], *, limit: int, offset: int,
          more: bool, total: int | None = None) -> dict[str, Any]:
    """One page of ``items`` with ``next``, the URL of the following page (or null)."""
    nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
    page: dict[str, Any] = {"offset": offset, "limit": limit, "count": len(items)}
    if total is not None:
        page["total"] = total
    return {**page, "next": nxt, name: items}


def _frame_page(request: Request, name: str, frame: pd.DataFrame, limit: int,
                offset: int) -> dict[str, Any]:
    part = frame.iloc[offset:offset + limit]
    return _page(request, name, records(part), limit=limit, offset=offset,
                 more=offset + limit < len(frame), total=len(frame))


def _dyad(text: str | None) -> tuple[str, str] | None:
    if text is None:
        return None
    parts = text.replace("/", "-").split("-")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise InputError(f"dyad {text!r} is not a pair; write it as RUS-USA")
    return parts[0].strip(), parts[1].strip()


@router.get("/events", tags=["events"])
def events(request: Request,
           actor: Annotated[str | None, Query(max_length=64,
                                              description="A code on either side, e.g. RUS.")]
           = None,
           dyad: Annotated[str | None, Query(max_length=130,
                                             description="Two codes, e.g. RUS-USA.")] = None,
           type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
           modality: Modality | None = None, polarity: Polarity | None = None,
           since: Since = None, until: Until = None, limit: Limit = 100,
           offset: Offset = 0) -> Response:
    """Stored events, filtered as ``wardrums events``, oldest first, ``limit`` per page."""
    access = request.app.state.access

    def build() -> dict[str, Any]:
        pair = _dyad(dyad)
        flt = EventFilter(
            actor=reads.resolve_actor(access, actor) if actor else None,
            dyad=reads.resolve_pair(access, *pair) if pair else None,
            event_type=type, modality=modality, polarity=polarity, since=since, until=until)
        found = reads.events(access, flt, limit=limit + 1, offset=offset)
        return _page(request, "events", [e.to_dict() for e in found[:limit]], limit=limit,
                     offset=offset, more=len(found) > limit,
                     total=reads.count_events(access, flt))

    return _json(request, build)


@router.get("/incidents", tags=["analysis"])
def incidents(request: Request, since: Since = None, until: Until = None,
              limit: Limit = 100, offset: Offset = 0) -> Response:
    """Incidents (reports of one event merged), oldest first, with their evidence."""
    return _json(request, lambda: _frame_page(
        request, "incidents", reads.incidents(request.app.state.access, since, until), limit,
        offset))


@router.get("/dyads", tags=["analysis"])
def dyads(request: Request, top: Annotated[int, Query(ge=1, le=reads.MAX_PAIRS)] = 20,
          order: Literal["tension", "activity"] = "tension", freq: Freq = "D",
          directed: Directed = False, by_sector: BySector = False, since: Since = None,
          until: Until = None) -> Response:
    """Pairs of actors ranked by summed tension index or by number of incidents."""
    window = Window(freq, directed, by_sector, since, until)
    return _json(request, lambda: {"dyads": records(reads.dyads(
        request.app.state.access, window, top=top, order=order))})


@router.get("/tension/{a}/{b}", tags=["analysis"])
def tension(request: Request, a: str, b: str, freq: Freq = "D", directed: Directed = False,
            by_sector: BySector = False, since: Since = None, until: Until = None
            ) -> Response:
    """One pair's tension series: per period the counts, index, smoothed value, baseline, z.

    With ``by_sector``, write each actor as ``COUNTRY:SECTOR`` (``IND:MIL``).
    """
    access = request.app.state.access
    window = Window(freq, directed, by_sector, since, until)

    def build() -> dict[str, Any]:
        frame = reads.tension(access, a, b, window)
        key_a, key_b = reads.resolve_pair(access, a, b, by_sector=by_sector)
        return {"source": key_a, "target": key_b, **window.kwargs(),
                "series": records(frame.drop(columns=["source", "target"]))}

    return _json(request, build)


@router.get("/alerts", tags=["analysis"])
def alerts(request: Request, freq: Freq = "D", directed: Directed = False,
           by_sector: BySector = False, since: Since = None, until: Until = None,
           limit: Limit = 100) -> Response:
    """Escalation alerts, newest first, each with the incidents that drove it."""
    window = Window(freq, directed, by_sector, since, until)
    return _json(request, lambda: {"alerts": [x.to_json() for x in reads.alerts(
        request.app.state.access, window, limit=limit)]})


def _article_json(a: Article) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "source": a.source, "url": a.url,
            "published": a.published, "chars": len(a.text)}


@router.get("/articles", tags=["articles"])
def articles(request: Request, limit: Limit = 100, offset: Offset = 0) -> Response:
    """Stored articles in ingestion order, without their text."""
    def build() -> dict[str, Any]:
        found = reads.articles(request.app.state.access, limit=limit + 1, offset=offset)
        return _page(request, "articles", [_article_json(a) for a in found[:limit]],
                     limit=limit, offset=offset, more=len(found) > limit)

    return _json(request, build)


@router.get("/articles/{article_id}", tags=["articles"])
def article(request: Request, article_id: str) -> Response:
    """One article with its text and the events coded from it."""
    def build() -> dict[str, Any]:
        found, evs = reads.article(request.app.state.access, article_id)
        return {**_article_json(found), "text": found.text,
                "events": [e.to_dict() for e in evs]}

    return _json(request, build)


@router.get("/actors", tags=["actors"])
def actors(request: Request,
           country: Annotated[str | None, Query(max_length=64,
                                                description="Only this code.")] = None,
           limit: Limit = 100, offset: Offset = 0) -> Response:
    """Actors as named in the news (name, code, sector) with their mention counts."""
    access = request.app.state.access

    def build() -> dict[str, Any]:
        frame = reads.actors(access)
        if country:
            frame = frame[frame["country"] == reads.resolve_actor(access, country)]
        return _frame_page(request, "actors", frame, limit, offset)

    return _json(request, build)
