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


@pytest.mark.parametrize("text", [
    # the NER takes title and name for one organisation
    "Bhavnagar SP Rahul Sharma had ordered firing at the mob. Besides, Sharma had also "
    "arrested some persons close to the MLA.",
    "SSP Rajeev Sabarwal on Tuesday arrested two men carrying rifles.",
])
def test_a_superintendent_of_police_and_his_surname_are_police(text):
    evs = _events(text)
    arrests = [ev for ev in evs if ev.event_type == "COERCE" and ev.mode == "arrest"]
    assert arrests and all(_police(ev) for ev in arrests), [ev.source for ev in arrests]


def test_sp_before_another_word_is_the_party():
    evs = _events("SP leader Akhilesh Yadav condemned the arrests of party workers.")
    assert evs and not any(a.sector == "COP" for ev in evs for a in ev.source
                           if "akhilesh" in a.text.lower())


@pytest.mark.parametrize(("text", "sector"), [
    ("The Special Task Force of the UP Police on Tuesday arrested two men.", "COP"),
    ("The cyber wing of the police arrested a hacker in Pune.", "COP"),
    ("A company of soldiers attacked the village at dawn.", "MIL"),
])
def test_a_unit_of_a_body_is_of_its_sector(text, sector):
    evs = [ev for ev in _events(text) if ev.event_type in ("COERCE", "ASSAULT")]
    assert evs and evs[0].source and evs[0].source[0].sector == sector, \
        [(ev.event_type, ev.source) for ev in evs]


def test_police_who_report_a_stabbing_did_not_stab():
    evs = _events("two persons were injured in stabbing incidents in the town, police said "
                  "on friday.")
    assert any(ev.event_type == "ASSAULT" for ev in evs)
    assert not any(ev.event_type == "ASSAULT" and _police(ev) for ev in evs)


def test_police_who_defuse_a_road_blockade_neither_block_roads_nor_seize():
    evs = _events("police defused a rasta roko organised by a bjp corporator near the "
                  "highway.")
    assert not any(ev.event_type == "COERCE" and ev.mode == "seize" for ev in evs)
    assert not any(ev.event_type == "PROTEST" and _police(ev) for ev in evs)
