"""The records wardrums passes from stage to stage, defined once.

Readers make :class:`Article` or :class:`Rejection`; the coder turns an
article into :class:`Event` records; the store, the CLI and the APIs read and
write exactly these types. ``to_dict``/``from_dict`` give the JSON shape that
``wardrums code --format jsonl`` prints, and :func:`event_json_schema` exports
it as JSON Schema (generated from the type hints, so it cannot drift).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, get_args, get_origin, get_type_hints

#: The 16 PLOVER event categories, in the order of the PLOVER codebook.
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
Modality = Literal["asserted", "alleged", "hypothetical", "predicted"]
Polarity = Literal["positive", "negative"]
DatePrecision = Literal["day", "month", "year", "publication", "unknown"]

MODALITIES: tuple[str, ...] = get_args(Modality)
POLARITIES: tuple[str, ...] = get_args(Polarity)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)

#: Quad classes, as in CAMEO-derived datasets.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

RECORD_VERSION = 1


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's text (whitespace-normalised)."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class Article:
    """One news article as read from its source; ``text`` is never rewritten.

    Offsets in every :class:`Evidence` point into ``text`` exactly as stored
    here. ``boilerplate`` lists (start, end) spans of ``text`` that the reader
    recognised as non-article matter (share prompts, bylines, "appeared first
    on" footers); the coder skips them but the text keeps them so offsets stay
    true to the input.
    """

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file path, feed URL or "<stdin>" the article came from
    boilerplate: tuple[tuple[int, int], ...] = ()

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, kw_only=True)
class Rejection:
    """An input that could not become an article, and why. Never fatal to a batch."""

    input: str  # path, URL, "<stdin>", with ":LINE" for a line of a JSONL/CSV file
    reason: str  # one line a user can act on
    code: str  # short stable code, e.g. "empty", "binary", "too-large" (see errors.REJECTION_CODES)
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass(frozen=True, kw_only=True)
class Actor:
    """A participant in an event, resolved to a country and a PLOVER sector."""

    text: str  # the words in the sentence that name it
    name: str  # canonical name ("Sergey Lavrov", "Russia", "NATO")
    country: str | None  # ISO3, or an IGO/NGO code ("NATO", "UN", "EU"), or None if unknown
    sector: str | None  # PLOVER sector code: GOV, MIL, REB, COP, BUS, ...
    kb_id: str | None = None  # Wikidata QID or wardrums knowledge-base key
    start: int | None = None  # character offsets of ``text`` in the article
    end: int | None = None


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where an event happened: country at least, a place name and point where known."""

    country: str | None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """The sentence an event was read from, with character offsets into the article."""

    sentence: str
    start: int
    end: int
    trigger: str | None = None  # the word(s) that signalled the event
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True, kw_only=True)
class Event:
    """One coded political event: who did what to whom, when, where, and how sure."""

    event_id: str
    article_id: str
    event_type: EventType
    mode: str | None
    cameo_root: str  # two-digit CAMEO root code, "01".."20"
    quad_class: int  # 1..4, see QUAD_CLASSES
    intensity: float  # -10 (most hostile) .. +10 (most cooperative)
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    date: dt.date | None
    date_precision: DatePrecision
    location: Location | None
    modality: Modality
    polarity: Polarity
    attributed_to: str | None
    evidence: Evidence
    confidence: float
    date_text: str | None = None  # the words the date was read from, if any
    coder: str = field(default="")  # coder name and version that made this record

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return from_dict(cls, data)


def make_event_id(article_id: str, event_type: str, trigger_start: int | None, sent_start: int,
                  source: tuple[Actor, ...], target: tuple[Actor, ...]) -> str:
    """A deterministic id, so re-coding the same article yields the same ids."""
    key = "|".join([
        article_id, event_type, str(trigger_start), str(sent_start),
        ",".join(f"{a.country}/{a.sector}/{a.start}" for a in source),
        ",".join(f"{a.country}/{a.sector}/{a.start}" for a in target),
    ])  # fmt: skip
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


# --- (de)serialisation -----------------------------------------------------------------------

def to_dict(obj: Any) -> Any:
    """Turn a record (or nested records, tuples, dates) into plain JSON-able values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    if tp is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return from_dict(tp, value)
    return value


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record from :func:`to_dict` output; unknown keys are ignored."""
    hints = get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


# --- JSON Schema -----------------------------------------------------------------------------

def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema_for(a, defs) for a in get_args(tp)]}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema_for(args[0], defs)}
        return {"type": "array", "prefixItems": [_schema_for(a, defs) for a in args],
                "minItems": len(args), "maxItems": len(args)}
    if tp is type(None):
        return {"type": "null"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    props = {}
    required = []
    for f in dataclasses.fields(cls):
        props[f.name] = _schema_for(hints[f.name], defs)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "required": required,
                              "additionalProperties": False}
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    return schema


def event_json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of one line of ``wardrums code --format jsonl``."""
    defs: dict[str, Any] = {}
    top = _object_schema(Event, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "wardrums:event",
        "title": "wardrums event record",
        **top,
        "$defs": defs,
    }
