"""Harms caused by hazards or mishaps, events that are only the topic of a statement, and a
few material-cooperation phrasings. Sentences written for these tests."""

from __future__ import annotations

import pytest

import wardrums

PUB = "2019-03-14"


def types(text: str) -> set[str]:
    return {e.event_type for e in wardrums.code(text, published=PUB)}


@pytest.mark.parametrize("text", [
    # the hazard is the subject the harm verb inherits (conj, advcl)
    "A cyclone flattened fishing villages on the coast and injured about 300 people.",
    "Two strong tremors shook the valley on Tuesday, killing at least five people.",
    # passive harm caused by what a when/after clause reports
    "Eleven workers were hurt when a boiler at a paper mill exploded on Friday.",
    "Nine people were killed after a powerful storm battered the port town.",
    # "in <hazard>"
    "Twelve villagers were killed in a flood in the north of the country.",
    # a mishap noun whose modifier names what went off
    "A propane explosion killed three diners at a restaurant in the old town.",
    # an explosion or fire at an industrial site or store, with no weapon or attack named
    "A blast at a fertiliser factory killed 12 workers on Monday.",
    "Two people were killed in a fire at a garment factory outside the capital.",
    "Huge explosions hit the port, caused by ammonium nitrate stored in a warehouse.",
    # the toll told in the next sentence belongs to the accident
    "Several workers were hurt when a storage tank at the plant exploded. "
    "Four people were injured and taken to hospital.",
    # a vehicle that harms has crashed
    "A truck hit a bus on the highway, killing ten people.",
    "A speeding lorry rammed into a tractor near the toll plaza, killing two farmers.",
])
def test_harm_caused_by_a_hazard_or_mishap_is_no_attack(text):
    assert "ASSAULT" not in types(text)


@pytest.mark.parametrize("text", [
    "Gunmen killed five soldiers and wounded ten in an ambush near the border.",
    "Six people were killed when a roadside bomb exploded near their bus.",
    "Nine workers were injured when soldiers opened fire on the crowd.",
    "A car bomb killed eight people outside the ministry.",
    # an industrial site is where the attack happened, not what caused the harm
    "A bomb exploded at a factory in the city, killing five workers.",
    "A suicide bomber blew himself up at a fuel depot, killing nine.",
    "Gunmen attacked a chemical plant, killing three guards.",
    # a vehicle that is a weapon's, or what attackers struck, leaves the attack an attack
    "A truck bomb killed 20 soldiers at the checkpoint.",
    "Militants ambushed a bus in the hills, killing eight passengers.",
])
def test_harm_by_people_or_bombs_is_still_an_attack(text):
    assert "ASSAULT" in types(text)


@pytest.mark.parametrize("text", [
    "Residents heard loud explosions near the airport.",
    "Villagers survived the massacre.",
    "Witnesses saw heavy shelling in the area.",
    "Investigators are probing the bombing of the mosque.",
])
def test_who_saw_survived_or_investigated_an_attack_is_not_its_doer(text):
    for ev in wardrums.code(text, published=PUB):
        if ev.event_type == "ASSAULT":
            assert not {a.name.lower() for a in ev.source} & {
                "resident", "villager", "witness", "investigator"}, ev.source


@pytest.mark.parametrize(("text", "victim"), [
    ("Ten persons sustained injuries in the firing, the commissioner said.", "person"),
    ("Five protesters suffered injuries in the police firing.", "protester"),
    ("Two soldiers sustained bullet wounds in the militant attack.", "soldier"),
    ("The rebels suffered heavy losses in the army offensive.", "rebel"),
])
def test_who_came_to_harm_in_an_attack_is_its_target_not_its_doer(text, victim):
    attacks = [e for e in wardrums.code(text, published=PUB) if e.event_type == "ASSAULT"]
    assert attacks
    for ev in attacks:
        assert victim not in {a.name.lower() for a in ev.source}, ev.source
    assert any(victim in {a.name.lower() for a in ev.target} for ev in attacks), \
        [(e.source, e.target) for e in attacks]


def test_attack_noun_still_takes_the_doer_of_carry_out():
    [ev] = [e for e in wardrums.code("Rebels carried out an attack on the base.", published=PUB)
            if e.event_type == "ASSAULT"]
    assert [a.name for a in ev.source] == ["rebel"]


@pytest.mark.parametrize("text", [
    "The rebel group claimed responsibility for the ambush, which killed 14 policemen.",
    "The prime minister offered her condolences over the bombing that killed 30 worshippers.",
    "The ambassador paid his respects to the soldiers killed in the raid last year.",
    # the relative clause the parser hangs on "responsibility" still describes the bombing
    "The Taliban claimed responsibility for a car bomb in the eastern Afghan city of "
    "Jalalabad on Friday that killed nine people and wounded more than 50, the news agency "
    "reported.",
])
def test_event_that_is_only_the_topic_of_a_statement_is_not_coded(text):
    assert "ASSAULT" not in types(text)


def test_attack_beside_a_responsibility_claim_is_coded():
    assert "ASSAULT" in types("Militants stormed a police post and claimed responsibility for the raid.")


@pytest.mark.parametrize("text, expected", [
    ("Canada gave $5 million to Kenya's health ministry.", "AID"),
    ("Hungary opened its borders to refugees from Ukraine.", "AID"),
    ("Italy accepted 800 migrants rescued in the Mediterranean.", "AID"),
    ("The museum returned a looted statue to the Greek government.", "CONCEDE"),
])
def test_material_cooperation_phrasings(text, expected):
    assert expected in types(text)


def test_opening_a_door_is_no_event():
    assert types("The guard opened the door to the hall.") == set()


@pytest.mark.parametrize("text", [
    "Germany is adding a medical evacuation plane to the resources that fight the epidemic.",
    "Germany on Thursday announced a sixfold increase in funding to fight the epidemic.",
])
def test_fighting_an_epidemic_is_no_battle_and_funding_it_is_aid(text):
    found = types(text)
    assert "ASSAULT" not in found and "PROTEST" not in found
    assert "AID" in found
