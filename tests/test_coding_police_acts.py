"""Police acts in South Asian, lower-cased newspaper prose: who fired, who arrested."""

from __future__ import annotations

import wardrums

PUBLISHED = "2002-03-05"


def _events(text: str):
    return wardrums.code(text, published=PUBLISHED)


def _police(ev) -> bool:
    return any(a.sector == "COP" for a in ev.source)


def _happened(ev) -> bool:
    return ev.polarity == "positive" and ev.modality in ("asserted", "alleged")


def test_dying_in_police_firing_is_a_police_assault():
    evs = _events("three youths died in police firing near the bus stand on monday.")
    assert any(ev.event_type == "ASSAULT" and _police(ev) and _happened(ev) for ev in evs)


def test_dying_in_hospital_is_no_assault():
    evs = _events("the old man died in hospital on monday.")
    assert not any(ev.event_type == "ASSAULT" for ev in evs)


def test_police_catching_anyone_is_an_arrest():
    evs = _events("the police reached the spot and caught some of them.")
    assert any(ev.event_type == "COERCE" and ev.mode == "arrest" and _police(ev) for ev in evs)


def test_picked_up_by_the_police_is_an_arrest():
    evs = _events("kalota was picked up by the police in connection with the carnage.")
    assert any(ev.event_type == "COERCE" and ev.mode == "arrest" and _police(ev) for ev in evs)


def test_caught_unaware_is_no_arrest():
    evs = _events("we were caught unaware when the government counsel spoke in court.")
    assert not any(ev.event_type == "COERCE" for ev in evs)


def test_indian_police_ranks_are_police():
    evs = _events("the dcp arrested twelve persons from the area.")
    arrests = [ev for ev in evs if ev.event_type == "COERCE" and ev.mode == "arrest"]
    assert arrests and _police(arrests[0])


def test_not_a_single_one_arrested_is_negative():
    evs = _events("not a single activist of the outfit has been arrested so far.")
    arrests = [ev for ev in evs if ev.event_type == "COERCE" and ev.mode == "arrest"]
    assert arrests and all(ev.polarity == "negative" for ev in arrests)
