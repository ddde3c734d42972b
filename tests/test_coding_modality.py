"""Modality, polarity and attribution: what happened, what is claimed, what might happen."""

from __future__ import annotations

import pytest
from coding_help import coder_on, one

PUB = "2017-10-12"
events_of = coder_on(PUB)


def test_plain_fact_is_asserted():
    ev = one(events_of("Russia expelled two American diplomats on Friday."), "SANCTION")
    assert (ev.modality, ev.polarity, ev.attributed_to) == ("asserted", "positive", None)


def test_accusation_is_asserted_and_embedded_act_alleged():
    evs = events_of("Lavrov accused the United States of arming militants in Syria.")
    accuse = one(evs, "ACCUSE")
    assert accuse.modality == "asserted"
    aid = [e for e in evs if e.event_type != "ACCUSE"]
    assert aid and all(e.modality == "alleged" for e in aid)


def test_allegedly_marks_alleged():
    ev = one(events_of("Syrian troops allegedly shelled the town of Douma."), "ASSAULT")
    assert ev.modality == "alleged"


def test_conditional_is_hypothetical():
    ev = one(events_of("If the United States attacks North Korea, China will respond."), "ASSAULT")
    assert ev.modality == "hypothetical"


def test_likely_to_is_predicted():
    ev = one(events_of("Analysts say Iran is likely to expel the inspectors."), "SANCTION")
    assert ev.modality == "predicted"


def test_will_is_predicted():
    ev = one(events_of("Russia will impose sanctions on Ukrainian companies."), "SANCTION")
    assert ev.modality == "predicted"


def test_negation_is_negative_polarity():
    ev = one(events_of("China did not impose sanctions on North Korea."), "SANCTION")
    assert ev.polarity == "negative"


def test_denial_flips_polarity_and_attributes():
    evs = events_of("Moscow denied that its troops attacked Ukrainian positions.")
    ev = one(evs, "ASSAULT")
    assert ev.polarity == "negative"
    assert ev.modality == "alleged"
    assert ev.attributed_to == "Moscow"


def test_reported_speech_fills_attributed_to():
    ev = one(events_of('"Russian jets bombed the market," Lavrov told reporters.'), "ASSAULT")
    assert ev.attributed_to and "Lavrov" in ev.attributed_to


def test_according_to_fills_attributed_to():
    ev = one(events_of("Turkish troops shelled Kurdish positions, according to Reuters."), "ASSAULT")
    assert ev.attributed_to and "Reuters" in ev.attributed_to


def test_claim_makes_alleged():
    ev = one(events_of("Kiev claimed that Russian troops crossed the border."), "MOBILIZE") \
        if any(e.event_type == "MOBILIZE" for e in events_of("Kiev claimed that Russian troops crossed the border.")) \
        else one(events_of("Kiev claimed that Russian troops attacked the border post."), "ASSAULT")
    assert ev.modality == "alleged"


def test_announced_done_act_is_asserted_and_announced_plan_predicted():
    # "announce" looks ahead only when what is announced has not happened yet
    done = one(events_of("Ten rebels have surrendered to the army in the north, the military "
                          "announced on Sunday."), "RETREAT")
    assert done.modality == "asserted"
    plan = one(events_of("The government announced that it will withdraw its troops from "
                          "the border."), "RETREAT")
    assert plan.modality == "predicted"


@pytest.mark.parametrize("text, event_type, modality", [
    # obligations: the act is called for, not reported as done
    ("The ringleaders should be arrested at once, the minister told reporters.", "COERCE",
     "hypothetical"),
    ("We have to arrest the guilty first, the minister said.", "COERCE", "hypothetical"),
    # an act asked for: the object of demand/seek, or of call for
    ("The opposition demanded the arrest of the two commanders.", "COERCE", "hypothetical"),
    ("Several parties called for a ban on the militia.", "COERCE", "hypothetical"),
    # what a future verb's -ing complement names
    ("We will not hesitate in arresting even senior leaders, the officer said.", "COERCE",
     "predicted"),
    # an infinitive completing a noun of capacity or trying: a power given, an act tried
    ("The new law gives the police the right to detain suspects for 30 days.", "COERCE",
     "hypothetical"),
    ("Officers made an attempt to arrest the gang leader at his farm.", "COERCE", "hypothetical"),
    # an option weighed is not a done act
    ("The government is considering a ban on the group.", "COERCE", "hypothetical"),
    ("The bloc is mulling new sanctions against the regime.", "SANCTION", "hypothetical"),
])
def test_acts_called_for_or_promised_are_not_asserted(text, event_type, modality):
    assert one(events_of(text), event_type).modality == modality


def test_had_to_is_still_a_done_act():
    ev = one(events_of("Police had to open fire to disperse the crowd on Monday."), "ASSAULT")
    assert ev.modality == "asserted" and ev.polarity == "positive"


@pytest.mark.parametrize("text, event_type", [
    ("Since the police were unable to arrest them in time, the men escaped.", "COERCE"),
    ("Instead of cracking down on the mob, the policemen stood and watched.", "COERCE"),
    ("Rather than negotiating with the rebels, the army waited.", "CONSULT"),
    ("Their refusal to withdraw the troops angered the neighbours.", "RETREAT"),
])
def test_acts_not_carried_out_are_negative(text, event_type):
    assert one(events_of(text), event_type).polarity == "negative"


@pytest.mark.parametrize("text, event_type, doer", [
    ("The decree gave the army the power to seize private trucks.", "COERCE", "army"),
    ("Their refusal to withdraw the troops angered the neighbours.", "RETREAT", None),
    ("Police made an attempt to arrest the gang leader at his farm.", "COERCE", "police"),
])
def test_the_holder_of_a_power_or_attempt_is_its_doer_not_the_noun(text, event_type, doer):
    ev = one(events_of(text), event_type)
    names = [a.name.lower() for a in ev.source]
    assert not any(n.split()[-1] in ("power", "refusal", "attempt") for n in names), names
    if doer is not None:
        assert doer in names


@pytest.mark.parametrize("text, event_type", [
    ("Japan is considering sending aid to the flood-hit provinces.", "AID"),
    ("The bloc is mulling new sanctions against the regime.", "SANCTION"),
])
def test_an_option_weighed_is_coded_as_the_deliberation(text, event_type):
    # CAMEO 014 "consider policy option", not the act and not a promise of it (03x)
    ev = one(events_of(text), event_type)
    assert (ev.cameo_root, ev.quad_class) == ("01", 1)


def test_an_act_done_keeps_its_own_code():
    assert one(events_of("Japan sent aid to the flood-hit provinces."), "AID").cameo_root == "07"


@pytest.mark.parametrize("text, event_type, modality, polarity", [
    # an adjective before the event noun says whether it happened
    ("Police detained five men ahead of a planned rally in the capital.", "PROTEST", "predicted",
     "positive"),
    ("Police detained five men ahead of a proposed rally in the capital.", "PROTEST",
     "hypothetical", "positive"),
    ("The government braced for a possible strike by doctors in the capital.", "PROTEST",
     "hypothetical", "positive"),
    ("The cancelled rally by the opposition was to be held in Dhaka.", "PROTEST", "asserted",
     "negative"),
    # called off is not refused: a planned act that did not happen stays asserted, negated
    ("The expected talks between the two foreign ministers were postponed.", "CONSULT",
     "asserted", "negative"),
    # joining or holding it makes it happen, whatever it was called before
    ("Thousands of students joined the planned march in the capital on Sunday.", "PROTEST",
     "asserted", "positive"),
])
def test_what_a_modifier_says_of_an_event_noun(text, event_type, modality, polarity):
    ev = one(events_of(text), event_type)
    assert (ev.modality, ev.polarity) == (modality, polarity)
    if event_type == "CONSULT":
        assert ev.cameo_root == "04"  # not a refusal (12)
