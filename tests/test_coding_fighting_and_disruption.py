"""Gunfights told as taking part in them, explosions set off on purpose, and protests that
block or disrupt. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, one

PUB = "2015-08-20"
events_of = coder_on(PUB)


@pytest.mark.parametrize("text, doer", [
    # whoever engages, indulges or is involved in the fight is a side of it
    ("Security forces engaged in a gun battle with the rebels near the river on Sunday.", "force"),
    ("The militants were involved in a shootout with the police at the market.", "militant"),
    ("Rebel fighters indulged in a fierce gun fight with the army on Tuesday.", "fighter"),
])
def test_taking_part_in_a_fight_makes_a_side(text, doer):
    ev = one(events_of(text), "ASSAULT")
    assert ev.mode == "firearms"
    assert doer in {a.name.lower().split()[-1] for a in ev.source}, ev.source


def test_troops_targeting_each_other_clash():
    ev = one(events_of("Border troops of the two countries targeted each other on Monday."),
             "ASSAULT")
    assert ev.polarity == "positive"


@pytest.mark.parametrize("text", [
    "Insurgents blasted a railway bridge near the town at 2am on Sunday.",
    "Two crude bombs were blasted near the court on Monday afternoon.",
])
def test_blasting_a_bridge_or_a_bomb_is_an_explosives_attack(text):
    assert one(events_of(text), "ASSAULT").mode == "explosives"
    assert not [e for e in events_of(text) if e.event_type == "ACCUSE"]


def test_blasting_a_rival_is_still_criticism():
    assert one(events_of("The senator blasted the governor over the budget."), "ACCUSE")


def test_the_place_of_a_blast_is_not_its_doer():
    ev = one(events_of("Two crude bombs were blasted in the city's Station Road on Monday."),
             "ASSAULT")
    assert "Station Road" not in {a.name for a in ev.source}


@pytest.mark.parametrize("text, mode, doer", [
    ("Residents blocked construction of a landfill site on Monday.", "obstruct", "resident"),
    ("Activists disrupted a press conference of the minister in the capital.", "obstruct",
     "activist"),
    # the doer of a protest named by who called or imposed it
    ("Life came to a halt on Saturday owing to a bandh imposed by the villagers.", "strike",
     "villager"),
    ("Students observed a hungerstrike against the vice chancellor.", "hunger-strike", None),
    ("The house of a party supporter was stoned at night.", "riot", None),
])
def test_protests_that_block_disrupt_or_stone(text, mode, doer):
    ev = one(events_of(text), "PROTEST")
    assert ev.mode == mode
    if doer is not None:
        assert doer in {a.name.lower() for a in ev.source}, ev.source


def test_rain_disrupting_a_ceremony_is_no_protest():
    assert not [e for e in events_of("Heavy rain disrupted the ceremony on Sunday.")
                if e.event_type == "PROTEST"]


@pytest.mark.parametrize("text", [
    "The army inflicted heavy losses on the rebels in the northern provinces.",
    # a hazard word inside a name is no hazard
    "A member of the Storm Brigade was killed in a limpet blast near the border.",
    # a chemical named beside munitions: an attack, not an industrial accident
    "Chlorine munitions were dropped on a crowded neighbourhood of the city in June.",
])
def test_violence_named_with_hazard_words_is_still_an_attack(text):
    assert one(events_of(text), "ASSAULT").polarity == "positive"
