"""The event record: one definition, JSON round trip, and its exported JSON Schema."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import jsonschema
import pytest

import wardrums
from wardrums.records import (
    EVENT_TYPES,
    Actor,
    Event,
    Evidence,
    Location,
    event_json_schema,
    make_event_id,
)


def sample_event(**over) -> Event:
    src = (Actor(text="Moscow", name="Russia", country="RUS", sector="GOV", start=0, end=6),)
    tgt = (Actor(text="Washington", name="United States", country="USA", sector="GOV"),)
    fields = dict(
        event_id=make_event_id("a1", "ACCUSE", 7, 0, src, tgt), article_id="a1",
        event_type="ACCUSE", mode=None, cameo_root="11", quad_class=3, intensity=-2.0,
        source=src, target=tgt, date=dt.date(2017, 10, 11), date_precision="day",
        location=Location(country="RUS", place="Moscow", lat=55.75, lon=37.62),
        modality="asserted", polarity="positive", attributed_to=None,
        evidence=Evidence(sentence="Moscow accused Washington.", start=0, end=26, trigger="accused",
                          trigger_start=7, trigger_end=14),
        confidence=0.8,
    )
    fields.update(over)
    return Event(**fields)


def test_json_round_trip_is_exact():
    ev = sample_event()
    again = Event.from_dict(json.loads(ev.to_json()))
    assert again == ev


def test_schema_validates_records_and_rejects_bad_ones():
    schema = event_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(sample_event().to_dict(), schema)
    bad = sample_event().to_dict()
    bad["event_type"] = "INVADE"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    bad = sample_event().to_dict()
    bad["modality"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_schema_lists_all_sixteen_categories():
    assert event_json_schema()["properties"]["event_type"]["enum"] == list(EVENT_TYPES)
    assert len(EVENT_TYPES) == 16


def test_event_id_depends_on_content():
    a = make_event_id("a1", "ACCUSE", 7, 0, (), ())
    assert a == make_event_id("a1", "ACCUSE", 7, 0, (), ())
    assert a != make_event_id("a1", "REJECT", 7, 0, (), ())
    assert a != make_event_id("a2", "ACCUSE", 7, 0, (), ())


def test_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample_event().event_type = "AGREE"  # type: ignore[misc]


def test_public_api_is_pinned():
    assert set(wardrums.__all__) == {
        "EVENT_TYPES", "Actor", "Article", "Event", "Evidence", "GoldError", "InputError",
        "Location", "ModelError", "Rejection", "StoreError", "WardrumsError", "__version__",
        "code", "event_json_schema", "open_store",
    }
