"""Mapping between the records of :mod:`wardrums.records` and table rows.

Writes go through Arrow tables with explicit schemas (one columnar insert per
table per transaction, which is what makes million-event loads fast); reads
come back as tuples plus ordered actor lists and are rebuilt into the frozen
records here, so no other module needs to know the column layout.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from wardrums.records import Actor, Article, Event, Evidence, Location, Rejection

# --- articles --------------------------------------------------------------------------------

ARTICLE_SCHEMA = pa.schema([
    ("article_pk", pa.string()),
    ("id", pa.string()),
    ("ingest_seq", pa.int64()),
    ("title", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("origin", pa.string()),
    ("published", pa.date32()),
    ("text", pa.string()),
    ("boilerplate", pa.string()),
    ("ingested_at", pa.timestamp("us")),
])  # fmt: skip

#: Columns read back to rebuild an :class:`Article`, in :func:`article_from_row` order.
ARTICLE_READ_COLUMNS: tuple[str, ...] = (
    "id", "text", "published", "title", "source", "url", "origin", "boilerplate",
)  # fmt: skip


def article_row(article: Article, article_pk: str, seq: int, now: dt.datetime) -> tuple[Any, ...]:
    spans = [[int(s), int(e)] for s, e in article.boilerplate]
    return (article_pk, article.id, seq, article.title, article.source, article.url,
            article.origin, article.published, article.text, json.dumps(spans), now)


def article_from_row(row: Sequence[Any]) -> Article:
    id_, text, published, title, source, url, origin, boilerplate = row
    spans = json.loads(boilerplate) if boilerplate else []
    return Article(id=id_, text=text, published=published, title=title, source=source, url=url,
                   origin=origin, boilerplate=tuple((int(s), int(e)) for s, e in spans))


# --- events ----------------------------------------------------------------------------------

EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()),
    ("article_pk", pa.string()),
    ("article_id", pa.string()),
    ("ordinal", pa.int64()),
    ("event_type", pa.string()),
    ("mode", pa.string()),
    ("cameo_root", pa.string()),
    ("quad_class", pa.int64()),
    ("intensity", pa.float64()),
    ("date", pa.date32()),
    ("date_precision", pa.string()),
    ("date_text", pa.string()),
    ("has_location", pa.bool_()),
    ("location_country", pa.string()),
    ("location_place", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("modality", pa.string()),
    ("polarity", pa.string()),
    ("attributed_to", pa.string()),
    ("sentence", pa.string()),
    ("sent_start", pa.int64()),
    ("sent_end", pa.int64()),
    ("trigger", pa.string()),
    ("trigger_start", pa.int64()),
    ("trigger_end", pa.int64()),
    ("confidence", pa.float64()),
    ("coder", pa.string()),
])  # fmt: skip

#: Flat event columns shared by reads, frames and exports (the article key/order columns and
#: ``has_location`` are internal and left out of frames).
EVENT_FLAT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "event_type", "mode", "cameo_root", "quad_class", "intensity",
    "date", "date_precision", "date_text", "location_country", "location_place", "lat", "lon",
    "modality", "polarity", "attributed_to", "sentence", "sent_start", "sent_end", "trigger",
    "trigger_start", "trigger_end", "confidence", "coder",
)  # fmt: skip

#: Columns read back to rebuild an :class:`Event` (actors are appended as two lists).
EVENT_READ_COLUMNS: tuple[str, ...] = EVENT_FLAT_COLUMNS + ("has_location",)


def event_row(event: Event, article_pk: str, ordinal: int) -> tuple[Any, ...]:
    loc = event.location
    ev = event.evidence
    return (
        event.event_id, article_pk, event.article_id, ordinal, event.event_type, event.mode,
        event.cameo_root, event.quad_class, event.intensity, event.date, event.date_precision,
        event.date_text, loc is not None,
        loc.country if loc else None, loc.place if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        event.modality, event.polarity, event.attributed_to,
        ev.sentence, ev.start, ev.end, ev.trigger, ev.trigger_start, ev.trigger_end,
        event.confidence, event.coder,
    )


def event_from_row(row: Sequence[Any], source: Iterable[Mapping[str, Any]] | None,
                   target: Iterable[Mapping[str, Any]] | None) -> Event:
    """Rebuild an event from :data:`EVENT_READ_COLUMNS` values and its ordered actor structs."""
    r = dict(zip(EVENT_READ_COLUMNS, row, strict=True))
    location = (Location(country=r["location_country"], place=r["location_place"],
                         lat=r["lat"], lon=r["lon"]) if r["has_location"] else None)
    evidence = Evidence(sentence=r["sentence"], start=r["sent_start"], end=r["sent_end"],
                        trigger=r["trigger"], trigger_start=r["trigger_start"],
                        trigger_end=r["trigger_end"])
    return Event(
        event_id=r["event_id"], article_id=r["article_id"], event_type=r["event_type"],
        mode=r["mode"], cameo_root=r["cameo_root"], quad_class=r["quad_class"],
        intensity=r["intensity"], source=actors_from_structs(source),
        target=actors_from_structs(target), date=r["date"], date_precision=r["date_precision"],
        location=location, modality=r["modality"], polarity=r["polarity"],
        attributed_to=r["attributed_to"], evidence=evidence, confidence=r["confidence"],
        date_text=r["date_text"], coder=r["coder"],
    )


# --- actors ----------------------------------------------------------------------------------

ACTOR_SCHEMA = pa.schema([
    ("event_id", pa.string()),
    ("role", pa.string()),
    ("position", pa.int64()),
    ("text", pa.string()),
    ("name", pa.string()),
    ("country", pa.string()),
    ("sector", pa.string()),
    ("kb_id", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
])  # fmt: skip

#: SQL struct literal (over ``event_actors AS ea``) whose keys are exactly :class:`Actor`'s fields.
ACTOR_STRUCT_SQL = (
    "{'text': ea.text, 'name': ea.name, 'country': ea.country, 'sector': ea.sector, "
    "'kb_id': ea.kb_id, 'start': ea.start, 'end': ea.\"end\"}"
)


def actor_rows(event: Event) -> list[tuple[Any, ...]]:
    rows = []
    for role, actors in (("source", event.source), ("target", event.target)):
        for pos, a in enumerate(actors):
            rows.append((event.event_id, role, pos, a.text, a.name, a.country, a.sector,
                         a.kb_id, a.start, a.end))
    return rows


def actors_from_structs(structs: Iterable[Mapping[str, Any]] | None) -> tuple[Actor, ...]:
    return tuple(Actor(**s) for s in structs or ())


# --- rejections ------------------------------------------------------------------------------

REJECTION_READ_COLUMNS: tuple[str, ...] = ("input", "reason", "code", "line")


def rejection_from_row(row: Sequence[Any]) -> Rejection:
    input_, reason, code, line = row
    return Rejection(input=input_, reason=reason, code=code, line=line)


# --- helpers ---------------------------------------------------------------------------------

def to_arrow(rows: Sequence[Sequence[Any]], schema: pa.Schema) -> pa.Table:
    """Transpose row tuples into an Arrow table of ``schema`` (raises on a wrongly typed value)."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(list(col), type=field.type) for col, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)
