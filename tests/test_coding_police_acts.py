"""Police acts in South Asian, lower-cased newspaper prose: who fired, who arrested."""

from __future__ import annotations

import pytest

import wardrums

PUBLISHED = "2002-03-05"


def _events(text: str):
    return wardrums.code(text, published=PUBLISHED)


def _police(ev) -> bool:
    return any(a.sector == "COP" for a in ev.source)


def _happened(ev) -> bool:
    return ev.polarity == "positive" and ev.modality in ("asserted", "alleged")


@pytest.mark.parametrize("text", [
    "three youths died in police firing near the bus stand on monday.",
    # "police firing" as a noun phrase: lower-cased text tags the -ing form as a verb, hung
    # on whatever the parser chose; it names the police's shooting all the same
    "of the forty that succumbed to the police firing, twelve were students.",
    "rioting and subsequent police firing in the old city left three dead on tuesday.",
    "the families sought compensation for the victims of police firing.",
])
def test_police_firing_is_a_police_assault(text):
    evs = _events(text)
    assert any(ev.event_type == "ASSAULT" and _police(ev) and _happened(ev) for ev in evs)


@pytest.mark.parametrize("text", [
    "the police reached the spot and caught some of them.",
    "kalota was picked up by the police in connection with the carnage.",
])
def test_police_taking_people_is_an_arrest(text):
    evs = _events(text)
    assert any(ev.event_type == "COERCE" and ev.mode == "arrest" and _police(ev) for ev in evs)


@pytest.mark.parametrize("text, event_type, mode", [
    ("the old man died in hospital on monday.", "ASSAULT", None),
    ("we were caught unaware when the government counsel spoke in court.", "COERCE", None),
    # a clause of its own (an object): the verb reading stands, and tear gas is no shooting
    ("the police were seen firing tear gas shells at the crowd.", "ASSAULT", "firearms"),
    ("the new police firing range was opened near the cantonment.", "ASSAULT", None),
])
def test_no_police_act_where_none_is_told(text, event_type, mode):
    evs = _events(text)
    assert not any(ev.event_type == event_type and mode in (None, ev.mode) for ev in evs)


def test_indian_police_ranks_are_police():
    evs = _events("the dcp arrested twelve persons from the area.")
    arrests = [ev for ev in evs if ev.event_type == "COERCE" and ev.mode == "arrest"]
    assert arrests and _police(arrests[0])


def test_not_a_single_one_arrested_is_negative():
    evs = _events("not a single activist of the outfit has been arrested so far.")
    arrests = [ev for ev in evs if ev.event_type == "COERCE" and ev.mode == "arrest"]
    assert arrests and all(ev.polarity == "negative" for ev in arrests)


def test_whoever_a_provocation_prompts_to_fire_is_the_shooter():
    # the parser hangs "to open fire" on "pelting": the object before "to" still fires
    evs = _events("the mob started pelting stones prompting the policemen to open fire.")
    shots = [ev for ev in evs if ev.event_type == "ASSAULT" and ev.mode == "firearms"]
    assert shots and all(_police(ev) for ev in shots)


def test_a_relative_pronoun_stands_for_its_noun():
    evs = _events("the party demanded action against the policemen who on sunday killed "
                  "a pilgrim in the district.")
    kills = [ev for ev in evs if ev.event_type == "ASSAULT"]
    assert kills and all(_police(ev) for ev in kills)
