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


# --- weapons fired: the means, never the target; into the sea, a show of force ------------

@pytest.mark.parametrize("text", [
    "North Korea fired two ballistic missiles into the sea.",
    "North Korea launched a ballistic missile off its east coast.",
    "North Korea test-fired a cruise missile on Sunday.",
])
def test_a_missile_fired_at_no_one_is_a_weapons_show(text):
    events = events_of(text)
    assert not [e for e in events if e.event_type == "ASSAULT"]
    show = one(events, "MOBILIZE")
    assert show.mode == "weapons" and not show.target


@pytest.mark.parametrize("text, target", [
    ("Russia fired missiles overnight.", None),
    ("The Houthis launched drones.", None),
    ("Militants fired a missile at the base.", None),
    ("Russian forces fired a missile at Kharkiv.", "UKR"),
])
def test_a_weapon_fired_is_never_its_own_target(text, target):
    attack = one(events_of(text), "ASSAULT")
    assert not {a.name.lower() for a in attack.target} & {"missile", "drone"}
    assert {a.country for a in attack.target} == ({target} if target else set())


# --- who is behind an attack told as a noun ------------------------------------------------

@pytest.mark.parametrize("text, doer", [
    ("A militant attack killed five soldiers in Kashmir.", "militant"),
    ("Five civilians died in a rebel attack on the town.", "rebel"),
    ("A separatist attack on a police post in Balochistan killed two officers.", "separatist"),
])
def test_an_adjective_naming_a_kind_of_actor_is_the_doer(text, doer):
    attacks = [e for e in events_of(text) if e.event_type == "ASSAULT"]
    assert len(attacks) == 1, attacks  # the noun and the verb tell one attack
    assert {a.name.lower() for a in attacks[0].source} == {doer}


def test_an_attack_is_not_its_own_doer():
    for ev in [e for e in events_of("The attack killed five soldiers in Kashmir.")
               if e.event_type == "ASSAULT"]:
        assert "attack" not in {a.name.lower() for a in ev.source}


def test_a_weapon_used_is_not_whom_the_attack_is_aimed_at():
    attack = one(events_of("The Kremlin said Ukraine had attacked a Russian oil depot with drones."),
                 "ASSAULT")
    assert {a.country for a in attack.source} == {"UKR"}
    assert {a.country for a in attack.target} == {"RUS"}
    assert "drone" not in {a.name.lower() for a in attack.target}


# --- a town taken or shelled is where the act happened, and whose it was ------------------

@pytest.mark.parametrize("text, place, country", [
    ("Russian forces have captured the town of Avdiivka, the defence ministry said.",
     "Avdiivka", "UKR"),
    ("Russian forces have captured Avdiivka.", "Avdiivka", "UKR"),
    ("Russian troops seized the city of Kherson.", "Kherson", "UKR"),
])
def test_a_named_town_captured_is_occupied_there(text, place, country):
    ev = one(events_of(text), "ASSAULT")
    assert ev.mode == "occupy"
    assert ev.location is not None and ev.location.place == place
    assert {a.country for a in ev.target} == {country}
    assert {a.sector for a in ev.source} == {"MIL"}


@pytest.mark.parametrize("text, place", [
    ("Russian forces shelled Kharkiv overnight.", "Kharkiv"),
    ("Kharkiv was shelled by Russian forces.", "Kharkiv"),
])
def test_a_town_shelled_is_where_the_shelling_was(text, place):
    assert one(events_of(text), "ASSAULT").location.place == place


def test_a_capital_named_as_a_government_is_not_a_place():
    ev = one(events_of("Russia warned Kyiv on Monday."), "THREATEN")
    assert ev.location is None or ev.location.place != "Kyiv"


@pytest.mark.parametrize("text, victim", [
    ("A local party leader was chopped to death by assailants in the village on Tuesday night.",
     "leader"),
    ("Robbers clubbed a policeman to death in the market.", "policeman"),
    ("Unknown men bludgeoned a journalist outside his home.", "journalist"),
    ("Gunmen strangled a villager near the border post.", "villager"),
])
def test_killing_by_hand_is_an_assault(text, victim):
    ev = one(events_of(text), "ASSAULT")
    assert ev.mode == "beat"
    assert victim in {a.name.lower().split()[-1] for a in ev.target}, ev.target


@pytest.mark.parametrize("text, target", [
    ("The army launched a ground operation against Islamic State fighters near Mosul.",
     "fighter"),
    ("Turkish forces began a military operation against Kurdish militants on Wednesday.",
     "militant"),
])
def test_a_military_operation_against_a_side_is_an_assault(text, target):
    ev = one(events_of(text), "ASSAULT")
    assert target in {a.name.lower().split()[-1] for a in ev.target}, ev.target


@pytest.mark.parametrize("text", [
    "The surgeon said the operation on the wounded soldier was a success.",
    "Rescuers continued the search operation in the collapsed building.",
    "The military operation in the region ended last year.",  # no side it was against
])
def test_an_operation_against_no_one_is_no_assault(text):
    assert not [e for e in events_of(text) if e.event_type == "ASSAULT"]


def test_a_suspension_of_links_with_a_country_reduces_relations():
    ev = one(events_of("Morocco announced a suspension of air links with Austria and Greece."),
             "SANCTION")
    assert ev.mode == "diplomatic"
    assert "MAR" in {a.country for a in ev.source}
    assert {a.country for a in ev.target} == {"AUT", "GRC"}
