"""Arson and vandalism by a crowd or by party supporters is rioting (PROTEST, mode riot);
the same act by an armed group or an unknown assailant stays property destruction (COERCE)."""

from __future__ import annotations

import pytest

import wardrums

PUB = "2024-03-08"


def _main(text: str):
    evs = wardrums.code(text, published=PUB)
    assert evs, f"no event in {text!r}"
    return evs[0]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition supporters set three buses ablaze on the highway.",
        "Angry villagers set the police outpost on fire after the death.",
        "Striking workers vandalised the factory gate and set a truck afire.",
        "A mob torched two shops in the old town.",
        "Students ransacked the vice-chancellor's office over the fee hike.",
    ],
)
def test_crowd_arson_is_a_riot(text):
    ev = _main(text)
    assert (ev.event_type, ev.mode) == ("PROTEST", "riot")


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents torched a government school in the district.",
        "Unidentified assailants set a bus on fire near the station.",
        "Soldiers burned down houses in the village.",
    ],
)
def test_armed_or_unknown_arson_stays_destruction(text):
    ev = _main(text)
    assert (ev.event_type, ev.mode) == ("COERCE", "destroy")
