"""Event filters, compiled to a parameterised SQL WHERE clause.

The clause refers to ``events AS e`` joined to ``articles AS a``; values are
always bound as parameters, never formatted into the SQL. Actor conditions use
``EXISTS`` on ``event_actors`` (indexed by country) rather than unpacking
lists, so an event with several source actors matches if any of them does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wardrums.errors import InputError

#: The date an event is filed under: its own date, else its article's publication date.
EFFECTIVE_DATE_SQL = "coalesce(e.date, a.published)"

_HAS_ACTOR = ("EXISTS (SELECT 1 FROM event_actors AS ea WHERE ea.event_id = e.event_id "
              "AND ea.role = '{role}' AND ea.country = ?)")
_SOURCE = _HAS_ACTOR.format(role="source")
_TARGET = _HAS_ACTOR.format(role="target")
_EITHER = ("EXISTS (SELECT 1 FROM event_actors AS ea WHERE ea.event_id = e.event_id "
           "AND ea.country = ?)")


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Which events to read; every field set narrows the selection (AND).

    ``actor`` matches a country code on either side; ``dyad`` matches events with
    one country as a source and the other as a target, in either direction
    unless ``directed`` (then ``dyad[0]`` is the source). ``since``/``until`` are
    inclusive and apply to the event date, or the article's publication date
    when the event has none; events with neither are excluded by them. Codes are
    compared exactly (wardrums stores them upper-case, e.g. ``"RUS"``).
    """

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    event_type: str | None = None
    modality: str | None = None
    polarity: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        if self.dyad is not None:
            if isinstance(self.dyad, str) or len(self.dyad) != 2:
                raise InputError(f"a dyad needs exactly two country codes, got {self.dyad!r}")
            object.__setattr__(self, "dyad", (self.dyad[0], self.dyad[1]))
        if self.directed and self.dyad is None:
            raise InputError("directed=True needs a dyad (two country codes) to direct")
        for name in ("since", "until"):
            value = getattr(self, name)
            if isinstance(value, dt.datetime):
                object.__setattr__(self, name, value.date())
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since ({self.since}) is after until ({self.until})")


def where_clause(flt: EventFilter | None) -> tuple[str, list[Any]]:
    """``("WHERE ...", params)`` for ``flt``, or ``("", [])`` when nothing is filtered."""
    if flt is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if flt.actor is not None:
        clauses.append(_EITHER)
        params.append(flt.actor)
    if flt.dyad is not None:
        a, b = flt.dyad
        forward = f"({_SOURCE} AND {_TARGET})"
        if flt.directed:
            clauses.append(forward)
            params += [a, b]
        else:
            clauses.append(f"({forward} OR ({_SOURCE} AND {_TARGET}))")
            params += [a, b, b, a]
    for column in ("event_type", "modality", "polarity", "article_id"):
        value = getattr(flt, column)
        if value is not None:
            clauses.append(f"e.{column} = ?")
            params.append(value)
    if flt.since is not None:
        clauses.append(f"{EFFECTIVE_DATE_SQL} >= ?")
        params.append(flt.since)
    if flt.until is not None:
        clauses.append(f"{EFFECTIVE_DATE_SQL} <= ?")
        params.append(flt.until)
    if not clauses:
        return "", []
    return "WHERE " + " AND ".join(clauses), params
