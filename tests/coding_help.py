"""Helpers the coding tests share: code a text on a fixed publication date, and pick events
and actors out of the result."""

from __future__ import annotations

import wardrums


def coder_on(published: str):
    """A function that codes a text as published on ``published`` (ISO date)."""
    def events_of(text):
        return wardrums.code(text, published=published)
    return events_of


def of_type(events, event_type):
    return [e for e in events if e.event_type == event_type]


def one(events, event_type):
    """The first event of ``event_type``; failing, says what was coded instead."""
    found = of_type(events, event_type)
    assert found, f"no {event_type}: {[(e.event_type, e.evidence.trigger) for e in events]}"
    return found[0]


def names(actors):
    """Actor names, lower-cased."""
    return {a.name.lower() for a in actors}


def countries(actors):
    return {a.country for a in actors}
