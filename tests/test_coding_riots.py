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


@pytest.mark.parametrize(
    "text",
    [
        "Members of two local groups clashed over a land dispute in the village on Sunday.",
        "Supporters of the two rival candidates clashed outside the polling station.",
    ],
)
def test_a_clash_of_unknown_unarmed_groups_is_a_riot(text):
    evs = wardrums.code(text, published="2024-03-08")
    assert any(e.event_type == "PROTEST" and e.mode == "riot" for e in evs)
    assert not any(e.event_type == "ASSAULT" and e.mode == "armed-clash" for e in evs)


def test_a_clash_with_an_armed_side_stays_fighting():
    evs = wardrums.code("Troops clashed with militants near the border on Sunday.",
                        published="2024-03-08")
    assert any(e.event_type == "ASSAULT" for e in evs)
    assert not any(e.event_type == "PROTEST" for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas and rubber bullets at the crowd in the old city on Friday.",
        "Police used water cannon to disperse the students outside parliament.",
    ],
)
def test_force_to_disperse_a_crowd_implies_a_protest_that_outranks_it(text):
    evs = wardrums.code(text, published="2024-03-08")
    protests = [e for e in evs if e.event_type == "PROTEST"]
    force = [e for e in evs if e.event_type == "ASSAULT" and e.mode == "crowd-control"]
    assert protests and force
    assert protests[0].target and protests[0].target[0].sector == "COP"
    assert max(e.confidence for e in protests) > max(e.confidence for e in force)


def test_no_protest_is_implied_by_force_against_an_armed_group():
    evs = wardrums.code("Police fired tear gas at militants holed up in the mosque.",
                        published="2024-03-08")
    assert not any(e.event_type == "PROTEST" and e.mode == "demonstrate" for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Rallies were held across the country on Friday against the execution of the cleric.",
        "Hundreds of students protested against the killing of a classmate.",
        "Villagers staged a sit-in over the arrest of their leader.",
    ],
)
def test_the_grievance_of_a_protest_is_not_a_new_event(text):
    types = {e.event_type for e in wardrums.code(text, published="2024-03-08")}
    assert "PROTEST" in types and not {"ASSAULT", "COERCE"} & types


def test_arrests_at_a_protest_rank_below_the_protest():
    evs = wardrums.code("Police arrested more than 180 people as opposition supporters staged "
                        "sit-ins in the capital on Friday.", published="2024-03-08")
    best = max(evs, key=lambda e: e.confidence)
    assert best.event_type == "PROTEST"
    assert any(e.event_type == "COERCE" and e.mode == "arrest" for e in evs)  # still coded


@pytest.mark.parametrize("text", [
    "Supporters of the two parties scuffled outside the polling station on Sunday.",
    "Students scuffled with the police outside the university gate.",
])
def test_a_scuffle_of_crowds_is_a_riot(text):
    evs = wardrums.code(text, published=PUB)
    assert any(ev.event_type == "PROTEST" and ev.mode == "riot" for ev in evs)
