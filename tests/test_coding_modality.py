"""Modality, polarity and attribution: what happened, what is claimed, what might happen."""

from __future__ import annotations

import wardrums

PUB = "2017-10-12"


def events_of(text):
    return wardrums.code(text, published=PUB)


def find(events, event_type):
    found = [e for e in events if e.event_type == event_type]
    assert found, f"no {event_type}: {[(e.event_type, e.evidence.trigger) for e in events]}"
    return found[0]


def test_plain_fact_is_asserted():
    ev = find(events_of("Russia expelled two American diplomats on Friday."), "SANCTION")
    assert (ev.modality, ev.polarity, ev.attributed_to) == ("asserted", "positive", None)


def test_accusation_is_asserted_and_embedded_act_alleged():
    evs = events_of("Lavrov accused the United States of arming militants in Syria.")
    accuse = find(evs, "ACCUSE")
    assert accuse.modality == "asserted"
    aid = [e for e in evs if e.event_type != "ACCUSE"]
    assert aid and all(e.modality == "alleged" for e in aid)


def test_allegedly_marks_alleged():
    ev = find(events_of("Syrian troops allegedly shelled the town of Douma."), "ASSAULT")
    assert ev.modality == "alleged"


def test_conditional_is_hypothetical():
    ev = find(events_of("If the United States attacks North Korea, China will respond."), "ASSAULT")
    assert ev.modality == "hypothetical"


def test_likely_to_is_predicted():
    ev = find(events_of("Analysts say Iran is likely to expel the inspectors."), "SANCTION")
    assert ev.modality == "predicted"


def test_will_is_predicted():
    ev = find(events_of("Russia will impose sanctions on Ukrainian companies."), "SANCTION")
    assert ev.modality == "predicted"


def test_negation_is_negative_polarity():
    ev = find(events_of("China did not impose sanctions on North Korea."), "SANCTION")
    assert ev.polarity == "negative"


def test_denial_flips_polarity_and_attributes():
    evs = events_of("Moscow denied that its troops attacked Ukrainian positions.")
    ev = find(evs, "ASSAULT")
    assert ev.polarity == "negative"
    assert ev.modality == "alleged"
    assert ev.attributed_to == "Moscow"


def test_reported_speech_fills_attributed_to():
    ev = find(events_of('"Russian jets bombed the market," Lavrov told reporters.'), "ASSAULT")
    assert ev.attributed_to and "Lavrov" in ev.attributed_to


def test_according_to_fills_attributed_to():
    ev = find(events_of("Turkish troops shelled Kurdish positions, according to Reuters."), "ASSAULT")
    assert ev.attributed_to and "Reuters" in ev.attributed_to


def test_claim_makes_alleged():
    ev = find(events_of("Kiev claimed that Russian troops crossed the border."), "MOBILIZE") \
        if any(e.event_type == "MOBILIZE" for e in events_of("Kiev claimed that Russian troops crossed the border.")) \
        else find(events_of("Kiev claimed that Russian troops attacked the border post."), "ASSAULT")
    assert ev.modality == "alleged"
