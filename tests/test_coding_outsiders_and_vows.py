"""Who is not the doer of an event they act on (banned, broke up, foiled, repelled, condemned),
and promises of conflict read as threats. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, names, of_type

from wardrums.data import lexicon

PUB = "2016-04-12"
events_of = coder_on(PUB)


@pytest.mark.parametrize("text, event_type, outsider", [
    ("Police banned the protest in the capital on Friday.", "PROTEST", "police"),
    ("Riot police broke up a march by students in Dhaka on Monday.", "PROTEST", "police"),
    ("The authorities suppressed the protests in the north last week.", "PROTEST", "authorit"),
    ("Security forces foiled a bombing near the airport on Sunday.", "ASSAULT", "force"),
    ("The governor condemned the attack on the convoy.", "ASSAULT", "governor"),
    ("Troops repelled an assault on the base overnight.", "ASSAULT", "troop"),
    ("The announcement follows the resignation of the prime minister.", "CONCEDE", "announcement"),
    ("Gunmen attacked the rally in Karachi, killing five.", "PROTEST", "gunman"),
    # an event that is only the time or place of another act: its subject did not hold it
    ("Police beat the students during the march on Monday.", "PROTEST", "police"),
])
def test_who_acts_on_an_event_from_outside_is_not_its_doer(text, event_type, outsider):
    found = of_type(events_of(text), event_type)
    for ev in found:
        assert not any(outsider in n for n in names(ev.source)), (text, ev.source)


@pytest.mark.parametrize("text, event_type, doer", [
    # the same verbs' own subject stays the doer when the event is not their object
    ("Students held a protest in the capital on Friday.", "PROTEST", "student"),
    ("Militants attacked the convoy on Sunday.", "ASSAULT", "militant"),
    ("Police arrested the organisers of the march on Monday.", "COERCE", "police"),
])
def test_doers_of_their_own_acts_stay(text, event_type, doer):
    found = of_type(events_of(text), event_type)
    assert found and any(doer in n for ev in found for n in names(ev.source)), found


@pytest.mark.parametrize("text, target", [
    ("The army repelled a Taliban attack on Monday.", "army"),
    ("Kurdish fighters fended off an assault by the militants.", "fighter"),
])
def test_who_repels_an_attack_is_its_target(text, target):
    ev = of_type(events_of(text), "ASSAULT")[0]
    assert any(target in n for n in names(ev.target)), ev.target


@pytest.mark.parametrize("text", [
    "Afghan police broke up a protest march in Kabul on Monday.",
    "Riot police broke the rally up with batons.",
])
def test_breaking_up_a_protest_is_crowd_control(text):
    force = of_type(events_of(text), "ASSAULT")
    assert force and force[0].mode == "crowd-control"
    assert names(force[0].source) & {"police", "afghanistan police"}


@pytest.mark.parametrize("text", [
    "The talks broke up without agreement on Friday.",
    "The couple broke up last year.",
])
def test_other_things_that_break_up_are_no_event(text):
    assert not of_type(events_of(text), "ASSAULT")


@pytest.mark.parametrize("text", [
    "Hundreds of riot police stood outside the stadium.",
    "Officers in riot gear guarded the parliament building.",
])
def test_riot_police_and_riot_gear_are_no_riot(text):
    assert not of_type(events_of(text), "PROTEST")


def test_a_riot_is_still_a_riot():
    ev = of_type(events_of("Riots broke out in Lagos after the election."), "PROTEST")[0]
    assert ev.mode == "riot"


@pytest.mark.parametrize("text, mode, target", [
    ("Russia vowed to retaliate against Ukraine.", "force", "ukraine"),
    ("Iran vowed to hit back at Israel.", "force", "israel"),
    ("Hamas vowed to continue its struggle against Israel.", "force", "israel"),
    ("The Taliban vowed to step up attacks on Afghan forces.", "force", "afghanistan force"),
    ("Protesters vowed to continue their sit-in outside parliament.", "dissent", None),
    ("The union promised to press ahead with the strike.", "dissent", None),
])
def test_a_promise_of_conflict_is_a_threat(text, mode, target):
    events = events_of(text)
    threat = of_type(events, "THREATEN")
    assert threat, [(e.event_type, e.mode) for e in events]
    assert threat[0].mode == mode and threat[0].modality == "asserted"
    assert threat[0].cameo_root == "13"
    if target:
        assert target in names(threat[0].target)
    assert not [e for e in of_type(events, "AGREE") if e.mode == "intent"]


@pytest.mark.parametrize("text", [
    "Japan pledged to send aid to Turkey.",
    "The government pledged to end the war.",
    "The president promised to release the prisoners.",
    "The minister vowed to fight corruption.",
    # what is agreed or offered is not a vow, and sending troops to help is no threat
    "Australia offered to send troops to help the Philippine army.",
    "Kuwait and its allies agreed to stage a joint command exercise.",
])
def test_a_promise_of_help_or_peace_stays_an_intent_to_cooperate(text):
    events = events_of(text)
    assert not of_type(events, "THREATEN"), [(e.event_type, e.mode) for e in events]
    agree = of_type(events, "AGREE")
    assert agree and agree[0].mode == "intent" and agree[0].cameo_root == "03"


def test_the_vocabularies_are_well_formed():
    outside, defence = lexicon.phrase_set("outside_verbs"), lexicon.phrase_set("defence_verbs")
    assert defence <= outside  # defending is acting from outside too
    for item in outside | defence | lexicon.phrase_set("conflict_promises"):
        assert item == item.lower() and 1 <= len(item.split()) <= 2, item
    assert lexicon.phrase_set("witness_verbs").isdisjoint(outside)
    with pytest.raises(KeyError):
        lexicon.phrase_set("no such set")
    threaten = lexicon.plover()["THREATEN"]
    assert threaten.coding("dissent").cameo == "133"


@pytest.mark.parametrize("text, doer, victim", [
    ("More than 35 protesters were killed on Monday when soldiers broke up a sit-in in Khartoum.",
     "soldier", "protester"),
    ("Three villagers were injured when militants attacked the village.", "militant", "villager"),
])
def test_a_harm_in_the_passive_was_done_by_the_doer_of_its_when_clause(text, doer, victim):
    harm = [e for e in of_type(events_of(text), "ASSAULT") if victim in names(e.target)]
    assert harm, [(e.event_type, e.mode, e.source, e.target) for e in events_of(text)]
    assert any(doer in n for n in names(harm[0].source)), harm[0].source


@pytest.mark.parametrize("text", [
    "Four workers were hurt when a boiler exploded at the plant.",
    "Two people were injured when their car overturned near the bridge.",
])
def test_an_accident_in_the_when_clause_gives_no_doer(text):
    assert not of_type(events_of(text), "ASSAULT")


@pytest.mark.parametrize("text, event_type, mode", [
    # "struck" by workers with no object is a labour strike; with an object, a blow
    ("Workers at the power company struck for 48 hours on Friday.", "PROTEST", "strike"),
    ("Nurses at state hospitals struck against the new pay scale.", "PROTEST", "strike"),
    ("The workers struck the guard with iron rods.", "ASSAULT", None),
    ("Militants struck a police post in the night.", "ASSAULT", None),
    # easing sanctions told as a noun; revoking recognition cuts relations
    ("Paraguay announced an easing of its arms embargo on Bolivia.", "CONCEDE", "ease-sanctions"),
    ("Serbia revoked its recognition of Kosovo on Monday.", "SANCTION", "diplomatic"),
    ("Togo withdrew its recognition of Kosovo.", "SANCTION", "diplomatic"),
])
def test_strikes_easings_and_revoked_recognition(text, event_type, mode):
    events = events_of(text)
    assert [(e.event_type, e.mode) for e in events][:1] == [(event_type, mode)], \
        [(e.event_type, e.mode) for e in events]
    if event_type != "ASSAULT":
        assert not of_type(events, "ASSAULT")


@pytest.mark.parametrize("text", [
    "A group of men armed with sticks attacked a policeman during the march in the capital.",
    "Students beat up a shopkeeper during the bandh in Patna.",
])
def test_violence_by_civilians_during_a_protest_is_a_riot(text):
    events = events_of(text)
    riot = [e for e in of_type(events, "PROTEST") if e.mode == "riot"]
    assert riot, [(e.event_type, e.mode) for e in events]
    assert not of_type(events, "AID")  # "armed with sticks" describes the men


@pytest.mark.parametrize("text", [
    "Gunmen attacked the rally in Karachi, killing five.",
    "Police beat the students during the march on Monday.",
])
def test_violence_by_armed_men_or_police_at_a_protest_stays_an_assault(text):
    assert [e for e in of_type(events_of(text), "ASSAULT") if e.polarity == "positive"]
