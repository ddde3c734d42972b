"""Whom an act is for when no actor is its object: the side a measure bears on, the people or
the country aid goes to, the country a pact agreed is for, and co-signers who agree as one.

Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, of_type, one

PUB = "2024-06-18"
events_of = coder_on(PUB)


# --- measures -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, category, source, target", [
    # the owner of what the measure bears on
    ("Japan lifted its ban on imports of American beef.", "CONCEDE", "JPN", "USA"),
    ("Seoul eased its restrictions on imports of Japanese seafood.", "CONCEDE", "KOR", "JPN"),
    # the side itself, named after the measure's preposition
    ("Washington eased restrictions on humanitarian aid to North Korea.", "CONCEDE", "USA", "PRK"),
])
def test_a_measure_lifted_is_aimed_at_the_side_it_bore_on(text, category, source, target):
    ev = one(events_of(text), category)
    assert countries(ev.source) == {source}
    assert countries(ev.target) == {target}


def test_a_measure_on_no_side_has_no_target():
    lifted = one(events_of("The government of Chad lifted the ban on street protests."),
                 "CONCEDE")
    assert not lifted.target


# --- aid --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    # who the purpose names
    ("Germany has earmarked 1.5 million euros in emergency aid to help Haiti recover.", "HTI"),
    ("The European Commission announced 60 million euros in humanitarian assistance to help "
     "people in Somalia.", "SOM"),
    # the foreign country the aid's phrase or its purpose names
    ("The United States remains the largest donor of humanitarian assistance in Iraq.", "IRQ"),
    ("The EU provided 50 million euros in aid for those affected by the floods in Pakistan.",
     "PAK"),
    ("China donated medical supplies to fight the epidemic in Laos.", "LAO"),
])
def test_aid_is_for_whom_its_purpose_or_its_place_names(text, target):
    aid = one(events_of(text), "AID")
    assert countries(aid.target) == {target}


def test_aid_is_not_for_the_place_where_it_was_pledged():
    # the conference's city is the verb's place, not the aid's
    for ev in of_type(events_of("The United States pledged $100 million in aid at a donor "
                                "conference in Brussels."), "AID"):
        assert "BEL" not in countries(ev.target)


def test_aid_at_home_names_no_foreign_recipient():
    aid = one(events_of("Kenya provided food aid to help families in the flooded villages "
                        "near Garissa."), "AID")
    assert countries(aid.target) <= {"KEN"}


def test_aid_cut_off_in_a_country_is_aimed_at_it():
    cut = one(events_of("The United Nations has suspended aid deliveries in Nigeria after a "
                        "convoy was attacked."), "SANCTION")
    assert cut.mode == "withdraw-aid"
    assert countries(cut.target) == {"NGA"}


@pytest.mark.parametrize("text, source, target", [
    ("Australia lent $1 billion to Indonesia.", "AUS", "IDN"),
    ("China lent Pakistan 2 billion dollars.", "CHN", "PAK"),
])
def test_money_lent_is_economic_aid(text, source, target):
    aid = one(events_of(text), "AID")
    assert aid.mode == "economic"
    assert countries(aid.source) == {source}
    assert countries(aid.target) == {target}


def test_support_lent_is_not_money():
    assert not of_type(events_of("France lent its support to the plan."), "AID")


# --- pacts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    ("Vladimir Putin has agreed to a ceasefire in eastern Ukraine.", "RUS", "UKR"),
    ("NATO agreed to extend its peacekeeping mission in Kosovo.", "NATO", "XKX"),
])
def test_a_pact_agreed_is_aimed_at_the_country_it_is_for(text, source, target):
    agree = one(events_of(text), "AGREE")
    assert countries(agree.source) == {source}
    assert countries(agree.target) == {target}


@pytest.mark.parametrize("text", [
    "The Taliban agreed to a ceasefire in Afghanistan.",   # at home: no other side
    "The rebels agreed to a truce at talks in Doha.",      # where it was agreed, not for whom
])
def test_a_pact_names_no_target_from_home_or_from_its_venue(text):
    agree = one(events_of(text), "AGREE")
    assert not {"QAT"} & countries(agree.target)
    assert countries(agree.target) <= countries(agree.source)


def test_co_signers_of_a_measure_agree_as_one_side():
    agree = one(events_of("Mexico and Canada agreed to lift retaliatory tariffs on American "
                          "products."), "AGREE")
    assert countries(agree.source) == {"MEX", "CAN"}
    assert countries(agree.target) == {"USA"}


def test_partners_who_agree_to_meet_still_agree_with_each_other():
    agree = one(events_of("China and South Korea agreed to hold talks."), "AGREE")
    assert countries(agree.source) == {"CHN"}
    assert countries(agree.target) == {"KOR"}


def test_a_pact_is_no_doer():
    events = events_of("Turkish President Erdogan agreed to a ceasefire halting Turkey's "
                       "incursion into northern Syria.")
    assert all("ceasefire" not in a.text for ev in events for a in ev.source)


def test_a_promise_of_an_act_is_aimed_where_the_act_is():
    agree = one(events_of("Mike Pence has promised support for the Afghan government's efforts "
                          "at restoring peace."), "AGREE")
    assert countries(agree.target) == {"AFG"}


def test_a_pact_agreed_with_a_party_is_aimed_at_that_party_not_at_its_place():
    agree = one(events_of("Saudi Arabia has agreed to a ceasefire with Yemen's Ansar Allah "
                          "group in four regions of Yemen."), "AGREE")
    assert [a.text for a in agree.target] == ["Yemen's Ansar Allah group"]


def test_partners_who_agree_to_a_joint_act_stay_each_others_partners():
    # sharing is done with each other: North Korea is what it is about, not whom
    agree = one(events_of("Trump and Putin have agreed to share information on North Korea."),
                "AGREE")
    assert countries(agree.source) == {"USA"}
    assert countries(agree.target) == {"RUS"}


def test_an_unnamed_side_that_says_what_it_will_not_do_is_the_doer():
    # the association is in no knowledge file; its refusal still has a doer
    refusal = one(events_of("The chairman of the drivers' association said that they will not "
                            "end the strike until their permits are corrected."), "REJECT")
    assert [a.text for a in refusal.source] == ["they"]
    assert "chairman" in refusal.source[0].name.lower()


@pytest.mark.parametrize("text, target", [
    ("The United Nations is willing to send more resources to Colombia.", "COL"),
    ("The United States is willing to provide its expertise to the African Union.", "AU"),
])
def test_resources_and_expertise_given_are_aid(text, target):
    aid = one(events_of(text), "AID")
    assert target in countries(aid.target)


# --- the other side of a two-state story --------------------------------------------------------

_STANDOFF = ("Chinese and Indian troops clashed in the Galwan Valley on Monday, India's army said. "
             "India accused China of trying to change the status quo on the border. "
             "China's foreign ministry rejected the accusation. ")


def test_in_a_story_between_two_states_an_untargeted_act_is_aimed_at_the_other():
    events = events_of(_STANDOFF + "Chinese troops pulled back about a kilometre on Tuesday.")
    retreat = one(events, "RETREAT")
    assert countries(retreat.source) == {"CHN"}
    assert countries(retreat.target) == {"IND"}
    # implied: the sentence does not name it, so it has no words or offsets
    assert [(a.text, a.start, a.end) for a in retreat.target] == [("", None, None)]


def test_acts_at_home_and_visits_get_no_other_side():
    events = events_of(_STANDOFF + "Indian police imposed a curfew in Leh on Tuesday. "
                       "India's defence minister visited the troops in Ladakh.")
    for category in ("COERCE", "CONSULT"):  # no implied other side (what they name stays)
        assert all(a.text for a in one(events, category).target)


def test_a_story_with_a_third_state_names_no_other_side():
    events = events_of(_STANDOFF + "Pakistan condemned India. Pakistan's army was put on alert. "
                       "Chinese troops pulled back about a kilometre on Tuesday.")
    retreat = one(events, "RETREAT")
    assert not retreat.target
