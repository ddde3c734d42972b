"""Whom an act reaches where the parse hides it: a gift's recipient hung deep in what is given,
the one a "for" clause asks to act, the doer of a deed others react to, people held, the
followers of a side, and the words of a place an act was aimed at.

Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, of_type, one

PUB = "2024-06-18"
events_of = coder_on(PUB)


# --- gifts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    # the parser hangs "to X" on a word inside the object, not on the verb
    ("Ireland has provided 3.5 million euros in humanitarian funding to Lebanon this year.",
     "IRL", "LBN"),
    ("Norway sent tents, blankets and medical teams such as surgeons to Nepal.", "NOR", "NPL"),
    # money given, named by its amount
    ("Australia provided $400 million to Indonesia last year.", "AUS", "IDN"),
])
def test_a_gifts_recipient_is_found_where_the_parser_hung_it(text, source, target):
    aid = one(events_of(text), "AID")
    assert countries(aid.source) == {source}
    assert countries(aid.target) == {target}


def test_a_recipient_in_a_clause_of_its_own_is_not_taken_from_the_object():
    # "to protect" is a purpose, not a receiver; no "to" hangs in the object
    for ev in of_type(events_of("Germany sent medical supplies to help the flood victims."),
                      "AID"):
        assert "help" not in {a.text for a in ev.target}


# --- asking ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, targets", [
    ("Pope Francis called for India and Pakistan to resume talks.", {"IND", "PAK"}),
    ("The Arab League appealed on Sunday for Sudan to let aid convoys through.", {"SDN"}),
])
def test_the_subject_of_a_for_clause_is_who_is_asked(text, targets):
    request = one(events_of(text), "REQUEST")
    assert countries(request.target) == targets


def test_a_prepositional_verb_read_as_a_participle_is_still_the_subjects_act():
    # the parser hangs "called" on "report" as if it were "a report (that was) called"
    request = one(events_of("A U.S. congressional report called for sanctions against China "
                            "over human rights abuses."), "REQUEST")
    assert countries(request.source) == {"USA"}
    assert countries(request.target) == {"CHN"}


def test_a_deed_told_as_a_participle_keeps_the_passive_reading():
    # "hacked to death" has its preposition's object too, but a victim is no doer
    attack = one(events_of("A blogger hacked to death in Dhaka on Monday by a group of "
                           "unidentified assailants."), "ASSAULT")
    assert "blogger" not in {w for a in attack.source for w in a.text.split()}
    assert "blogger" in {w for a in attack.target for w in a.text.split()}


def test_a_stranded_preposition_keeps_the_passive_reading():
    request = one(events_of("The sanctions called for by the senator were imposed."), "REQUEST")
    assert "senator" in {a.text.split()[-1] for a in request.source}
    assert not request.target


# --- reactions to a deed --------------------------------------------------------------------------

@pytest.mark.parametrize("text, category, target", [
    ("Japan condemned the nuclear test by North Korea.", "ACCUSE", "PRK"),
    ("Germany welcomed the decision by Iran to free the sailors.", "SUPPORT", "IRN"),
    ("Bulgaria's foreign minister welcomed the visit by the Sudanese foreign minister to Sofia.",
     "SUPPORT", "SDN"),
])
def test_a_deed_reacted_to_is_aimed_at_its_doer(text, category, target):
    ev = one(events_of(text), category)
    assert target in countries(ev.target)


def test_by_a_means_names_no_doer():
    ev = one(events_of("Britain condemned the attack by phone on Tuesday."), "ACCUSE")
    assert not ev.target


# --- people held, and followers ---------------------------------------------------------------

@pytest.mark.parametrize("text, category", [
    ("Iranian intelligence police tortured a 35-year-old inmate to death.", "ASSAULT"),
    ("Guards beat three detainees at the camp on Monday.", "ASSAULT"),
    ("Rebels freed 12 prisoners from a jail near the border.", "RETREAT"),
])
def test_people_held_are_a_target(text, category):
    ev = one(events_of(text), category)
    assert {a.sector for a in ev.target} == {"CVL"}


@pytest.mark.parametrize("text, sector", [
    ("Russian police detained dozens of supporters of opposition leader Alexei Navalny.", "OPP"),
    ("Police arrested 20 supporters of the opposition party.", "OPP"),
    ("Troops killed five followers of the cleric.", "REL"),
    # the government's supporters are civilians, not the government
    ("Police detained supporters of the government.", "CVL"),
])
def test_followers_are_of_the_side_they_follow(text, sector):
    ev = of_type(events_of(text), "COERCE") or of_type(events_of(text), "ASSAULT")
    assert ev and {a.sector for a in ev[0].target} == {sector}


# --- the place an act was aimed at ----------------------------------------------------------

@pytest.mark.parametrize("text, words, country", [
    ("The Saudi-led coalition has declared a two-week ceasefire in Yemen.", "Yemen", "YEM"),
    ("Israel struck targets in Syria on Monday.", "Syria", "SYR"),
])
def test_a_place_taken_as_the_target_points_at_its_words(text, words, country):
    ev = events_of(text)[0]
    (target,) = ev.target
    assert target.country == country
    assert target.text == words
    assert text[target.start:target.end] == words


# --- not fighting --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The army sent doctors to the province to fight cholera.",
    "Donors pledged money to fight malaria and coronavirus in the region.",
    "Paraguay cancelled its part in a conference on fighting AIDS in Africa.",
])
def test_fighting_a_disease_is_no_clash(text):
    evs = events_of(text)
    assert not of_type(evs, "ASSAULT")
    assert not [e for e in of_type(evs, "PROTEST") if e.mode == "riot"]


# --- agreeing or refusing to act -------------------------------------------------------------

@pytest.mark.parametrize("text, category, target", [
    ("Russia has agreed to lift its long-running ban on US poultry.", "AGREE", "USA"),
    ("Israel agreed to free 50 Palestinian prisoners.", "AGREE", "PSE"),
])
def test_an_agreement_to_act_is_aimed_where_the_act_is(text, category, target):
    ev = one(events_of(text), category)
    assert countries(ev.target) == {target}


def test_a_refusal_to_act_is_aimed_where_the_act_would_be():
    ev = one(events_of("The rebels refused to release the hostages."), "REJECT")
    assert {a.sector for a in ev.target} == {"CVL"}


def test_an_act_on_ones_own_side_gives_the_agreement_no_target():
    ev = one(events_of("Pakistan agreed to pull back its own troops from the area."), "AGREE")
    assert "PAK" not in countries(ev.target)


# --- who did a deadly act named by its attack -------------------------------------------------

@pytest.mark.parametrize("text, country, sector", [
    # the parser makes "U.S." an nmod of the attack noun
    ("U.S. military airstrikes this month have killed dozens of militants in the province.",
     "USA", None),
    # a body named by a name before "group"
    ("A car bombing by the Islamic State group killed at least 75 people in the market.",
     None, "REB"),
])
def test_the_doer_of_a_deadly_attack_is_named_by_the_attack(text, country, sector):
    ev = one(events_of(text), "ASSAULT")
    assert ev.source and all(a.text for a in ev.source)
    if country:
        assert countries(ev.source) == {country}
    if sector:
        assert {a.sector for a in ev.source} == {sector}


@pytest.mark.parametrize("text", [
    "Kyiv and the separatists agreed in principle on a prisoner swap, officials said.",
    "Hostage negotiations resumed in Doha on Monday.",
])
def test_people_held_that_name_an_act_do_not_do_it(text):
    for ev in events_of(text):
        assert not any(a.name in ("prisoner", "hostage") for a in ev.source), ev


# --- weapons sent to a border -----------------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    ("Russia sent 500 tanks to the border with Ukraine.", {"UKR"}),
    # (whose border it is may be the sender's own: "closed Venezuela's borders with ...")
    ("Russia sent more tanks to Ukraine's border on Friday.", None),
])
def test_weapons_sent_to_a_border_are_a_show_of_force_not_aid(text, target):
    evs = events_of(text)
    assert not of_type(evs, "AID")
    mobilize = one(evs, "MOBILIZE")
    if target is not None:
        assert countries(mobilize.target) == target


def test_weapons_sent_to_a_country_are_military_aid():
    aid = one(events_of("Germany sent tanks to Ukraine."), "AID")
    assert aid.mode == "military" and countries(aid.target) == {"UKR"}


# --- help sent as people or flown in ------------------------------------------------------------

@pytest.mark.parametrize("text, source, target, mode", [
    ("Brazilian troops participate in peacekeeping operations in Haiti.", "BRA", "HTI",
     "peacekeeping"),
    ("Japan sent two medical teams to Turkey after the earthquake.", "JPN", "TUR",
     "humanitarian"),
    ("The European Union deployed search-and-rescue teams to Morocco on Sunday.", "EU", "MAR",
     "humanitarian"),
    ("Canada flew emergency supplies to Haiti on Tuesday.", "CAN", "HTI", "humanitarian"),
])
def test_help_sent_as_people_or_flown_in_is_aid(text, source, target, mode):
    aid = one(events_of(text), "AID")
    assert aid.mode == mode
    assert countries(aid.source) == {source} and target in countries(aid.target)


def test_troops_deployed_are_no_rescue_team():
    evs = events_of("The army deployed troops to the border with Ukraine.")
    assert not of_type(evs, "AID")
    assert one(evs, "MOBILIZE").mode == "troops"
