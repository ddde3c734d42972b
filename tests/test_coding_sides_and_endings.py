"""Both sides named by one noun, whose country a ship or a place is, and acts only ended,
praised or sold.

"Indian and Chinese troops clashed": two armies, not one. "Civilians in Kharkiv" are
Ukrainian in a story from Moscow. "Ending two decades of hostility" reports a peace, not a
war. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, of_type, one

from wardrums.coding.gazetteer import gazetteer
from wardrums.nlp import load_nlp

PUB = "2023-05-10"
events_of = coder_on(PUB)


# --- one noun, two sides --------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, sides", [
    ("Indian and Chinese troops clashed along the disputed frontier in Ladakh.", "ASSAULT",
     {"IND", "CHN"}),
    ("Russian and Syrian warplanes bombed rebel positions in Idlib province.", "ASSAULT",
     {"RUS", "SYR"}),
    ("US and South Korean forces began large joint drills on Monday.", "COOPERATE",
     {"USA", "KOR"}),
])
def test_coordinated_nationalities_on_one_noun_are_two_actors(text, kind, sides):
    ev = one(events_of(text), kind)
    assert countries((*ev.source, *ev.target)) == sides


def test_one_nationality_stays_one_actor():
    ev = one(events_of("Indian troops clashed with protesters in Srinagar."), "ASSAULT")
    assert countries(ev.source) == {"IND"}


# --- whose people, whose ship ---------------------------------------------------------------

def test_unnamed_people_in_a_listed_city_abroad_are_that_countrys():
    text = ("Moscow said on Friday it had struck military targets. The Kremlin denied that "
            "Russian forces had targeted civilians in Kharkiv.")
    (ev,) = [e for e in events_of(text) if e.evidence.trigger == "targeted"]
    assert countries(ev.target) == {"UKR"}, "Kharkiv's civilians are not Russians"
    assert {a.sector for a in ev.source} == {"MIL"}, "an army abroad is not policing its own crowd"


def test_unnamed_people_at_home_keep_the_storys_country():
    ev = one(events_of("Police in Lagos arrested 20 protesters on Monday."), "COERCE")
    assert countries(ev.target) == {"NGA"}


@pytest.mark.parametrize("text, owner", [
    ("Iran seized a Greek-flagged oil tanker in the Strait of Hormuz.", "GRC"),
    ("Houthi rebels attacked a Liberian-registered cargo ship in the Red Sea.", "LBR"),
])
def test_a_ships_flag_is_the_country_acted_against(text, owner):
    ev = events_of(text)[0]
    assert countries(ev.target) == {owner}


@pytest.mark.parametrize("text, recaller, host", [
    ("Venezuela recalled its ambassador to Guyana after the Essequibo referendum.", "VEN", "GUY"),
    ("Peru recalled its ambassador to Mexico on Tuesday.", "PER", "MEX"),
])
def test_recalling_ones_own_envoy_is_aimed_at_the_host_country(text, recaller, host):
    ev = one(events_of(text), "SANCTION")
    assert countries(ev.source) == {recaller}
    assert countries(ev.target) == {host}


@pytest.mark.parametrize("text, half", [
    ("Officials in Seoul said the North had launched a spy satellite.", "PRK"),
    ("North Korea said on Friday that the South had fired artillery near the border.", "KOR"),
])
def test_the_north_or_south_in_a_story_about_korea_is_that_half(text, half):
    ev = events_of(text)[0]
    assert countries(ev.source) == {half}


def test_the_north_elsewhere_is_no_korea():
    events = events_of("Herders clashed with farmers in the North, Nigerian police said.")
    assert not {"PRK", "KOR"} & {c for ev in events for c in countries((*ev.source, *ev.target))}


def test_a_wedding_party_is_guests_not_a_political_party():
    events = events_of("An airstrike hit a wedding party in northern Yemen on Sunday.")
    assert {a.sector for ev in events for a in ev.target} == {"CVL"}


# --- the gazetteer reads names as they are written ------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The U.S. Treasury imposed sanctions on three Iranian officials.", "US Treasury"),
    ("The US Treasury imposed sanctions on three Iranian officials.", "US Treasury"),
    ("The U.N. Security Council met on Friday.", "UN Security Council"),
    ("the u.n. security council met on friday.", "UN Security Council"),
])
def test_dotted_abbreviations_match_the_gazetteer(text, name):
    doc = load_nlp()(text)
    # a lower-cased text is read as one (as the coder reads a lower-cased corpus)
    found = [e.name for m in gazetteer().mentions(doc, lowercase=text.islower())
             for e in m.entries]
    assert name in found


def test_a_leading_the_does_not_win_a_tie_against_a_longer_name():
    doc = load_nlp()("The US said it would respond.")
    (m,) = [m for m in gazetteer().mentions(doc) if m.start <= 1 < m.end]
    assert (m.start, m.end) == (0, 2), "'the US' is still one mention"


# --- acts ended, praised, blocked -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Egypt is trying to stop the violence in Gaza, its foreign minister said.",
    "The accord brought an end to the fighting in Darfur.",
    "The two leaders signed a peace treaty, ending three decades of hostility.",
])
def test_hostilities_ended_are_not_new_attacks(text):
    assert not of_type(events_of(text), "ASSAULT")


def test_a_party_ending_its_war_ceases_fire():
    ev = one(events_of("Rebels and the army agreed to end the fighting in the north."), "RETREAT")
    assert ev.mode == "ceasefire"


def test_a_visit_ended_is_still_a_visit():
    text = "French President Emmanuel Macron is ending a three-day visit to China on Friday."
    assert of_type(events_of(text), "CONSULT")


@pytest.mark.parametrize("text", [
    "Brazil praised the agreement as a victory for diplomacy.",
    "Japan welcomed the ceasefire deal between the two sides.",
])
def test_an_act_praised_is_the_topic_not_a_new_act(text):
    events = events_of(text)
    assert of_type(events, "SUPPORT")
    assert not of_type(events, "AGREE"), "the praiser did not sign it"


def test_blocking_an_aid_package_is_a_veto_not_aid():
    events = events_of("Hungary blocked a 50 billion euro EU aid package for Ukraine.")
    assert one(events, "REJECT").mode == "veto"
    assert not [e for e in of_type(events, "AID") if e.polarity == "positive"]


def test_lifting_a_veto_is_a_concession():
    ev = one(events_of("Ankara agreed to drop its objections to Finland's membership bid."),
             "CONCEDE")
    assert countries(ev.source) == {"TUR"}
    assert countries(ev.target) == {"FIN"}


# --- arms ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, seller, buyer", [
    ("The United States approved a $1.2 billion arms sale to Taiwan.", "USA", "TWN"),
    ("Washington agreed to sell F-16 jets to Turkey.", "USA", "TUR"),
    ("France sold 24 Rafale fighter jets to Egypt last year.", "FRA", "EGY"),
])
def test_selling_arms_is_military_aid(text, seller, buyer):
    aid = one(events_of(text), "AID")
    assert aid.mode == "military"
    assert countries(aid.source) == {seller}
    assert countries(aid.target) == {buyer}


def test_selling_goods_is_not_arms_aid():
    assert not of_type(events_of("Brazil sold record amounts of soybeans to China."), "AID")


def test_hosting_anothers_weapons_is_military_cooperation():
    ev = one(events_of("Belarus will host Russian tactical nuclear weapons, Minsk said."),
             "COOPERATE")
    assert ev.mode == "military"
    assert not of_type(events_of("Belarus will host Russian tactical nuclear weapons."), "CONSULT")


@pytest.mark.parametrize("text", [
    "The US sent an aircraft carrier strike group to the eastern Mediterranean.",
    "Army attack helicopters flew over the capital on Sunday.",
])
def test_an_event_noun_that_names_a_kind_of_unit_is_no_event(text):
    events = events_of(text)
    assert not [e for e in events if e.evidence.trigger in ("strike", "attack")]


# --- threats and allegations ------------------------------------------------------------------

def test_a_warning_of_ones_own_strike_is_a_threat_against_its_target():
    ev = one(events_of("North Korea warned it would strike US bases in Guam."), "THREATEN")
    assert countries(ev.target) == {"USA"}


def test_a_warning_of_someone_elses_strike_is_not_aimed_by_that_strike():
    ev = one(events_of("Iran warned that Israel would strike its nuclear sites."), "THREATEN")
    assert "IRN" not in countries(ev.target)


def test_a_clause_with_its_own_subject_is_no_reduced_passive():
    events = events_of("Washington cited reports that Pretoria had supplied weapons to Moscow.")
    aid = one(events, "AID")
    assert countries(aid.source) == {"ZAF"}, "the reports are not what was supplied"
    assert countries(aid.target) == {"RUS"}


def test_the_content_of_an_allegation_denied_is_its_topic():
    events = events_of("South Africa dismissed US allegations that it had supplied weapons "
                       "to Russia.")
    assert countries(one(events, "REJECT").target) == {"USA"}
    assert not of_type(events, "AID"), "a denial is a statement about the claim (CAMEO 016)"


def test_a_vote_to_expel_is_not_yet_an_expulsion():
    ev = one(events_of("Iraq's parliament voted to expel US troops from the country."),
             "COERCE")
    assert ev.modality == "predicted"


@pytest.mark.parametrize("text", [
    "Police ended the sit-in outside the governor's office on Monday.",
    "Riot police stopped the march before it reached parliament.",
])
def test_a_protest_ended_by_police_is_the_protesters_not_a_concession(text):
    events = events_of(text)
    assert not of_type(events, "CONCEDE"), "the police called off nobody's protest of theirs"
    protest = one(events, "PROTEST")
    assert {a.sector for a in protest.source} != {"COP"}


def test_protesters_ending_their_own_protest_still_concede():
    ev = one(events_of("The striking nurses ended their walkout after the pay deal."), "CONCEDE")
    assert ev.mode == "ease-dissent"


@pytest.mark.parametrize("text, kind", [
    ("Gunmen kidnapped six aid workers near the border on Sunday.", "AID"),
    ("Police opened fire on a protest march in the capital.", None),
    ("Troops fired at an aid convoy outside the city.", "AID"),
])
def test_what_is_fired_on_or_named_by_its_kind_is_not_the_doers_act(text, kind):
    events = events_of(text)
    doers = {a.sector for ev in events if ev.event_type in ("ASSAULT",) for a in ev.source}
    assert doers, "the attack itself is coded"
    if kind is not None:
        assert not of_type(events, kind)
    for ev in of_type(events, "PROTEST"):
        assert not {a.sector for a in ev.source} & {"COP", "MIL"}, "the march is not the police's"


def test_munitions_named_by_their_effect_are_still_the_act():
    ev = one(events_of("Police lobbed tear-gas shells to disperse the mob."), "ASSAULT")
    assert ev.mode == "crowd-control"
