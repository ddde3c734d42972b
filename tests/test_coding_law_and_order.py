"""Police, crowds and weapons: the mechanisms that read law-and-order news.

Sentences written for these tests (Indian-English and wire styles), one per mechanism:
implied doers of arrests and crowd control, passive control chains, causes of death
("killed in police firing"), "security forces" policing a crowd, arms seizures versus goods
seizures, riots versus armed clashes, and which act is an article's main event.
"""

from __future__ import annotations

import pytest

import wardrums
from wardrums.evaluation.tasks import main_event

PUB = "2002-03-05"


def codes(text: str, published: str = PUB):
    return wardrums.code(text, published=published)


def of_type(events, event_type):
    return [e for e in events if e.event_type == event_type]


def sectors(actors):
    return {a.sector for a in actors}


# --- the doer of a police act -----------------------------------------------------------------

def test_passive_control_passes_the_subject_down_a_chain():
    # "forced to lathicharge and then fire": the police do both, and disperse the mob
    events = codes("The police were forced to lathicharge and then fire teargas to disperse "
                   "the mob in Ahmedabad.")
    force = of_type(events, "ASSAULT")
    assert force and all("COP" in sectors(e.source) for e in force)


def test_cause_of_death_names_the_police():
    for text in ("Two persons were killed in police firing in Ahmedabad on Wednesday.",
                 "Three men were killed in firing by the police in Vadodara."):
        ev = of_type(codes(text), "ASSAULT")
        assert ev and "COP" in sectors(ev[0].source), text


def test_agentless_arrest_has_the_police_as_implied_doer():
    for text in ("More than 400 arrests have been made in Surat since Thursday.",
                 "Over 80 party workers were on Wednesday taken into custody in Ayodhya.",
                 "Fifty persons were held in Surat on Tuesday evening.",
                 "Two activists were caught by the Kolkata police near the border."):
        ev = of_type(codes(text), "COERCE")
        assert ev, text
        assert "COP" in sectors(ev[0].source), text


def test_implied_police_are_marked_as_implied():
    ev = of_type(codes("More than 400 arrests have been made in Surat since Thursday."),
                 "COERCE")[0]
    implied = [a for a in ev.source if a.sector == "COP"]
    assert implied and implied[0].text == "" and implied[0].start is None
    assert implied[0].country == "IND"


def test_crowd_control_without_a_named_doer_is_police_work():
    ev = of_type(codes("Tear gas shells were lobbed to disperse the crowd in Vadodara."),
                 "ASSAULT")
    assert ev and "COP" in sectors(ev[0].source)


def test_held_as_meeting_or_talks_is_no_arrest():
    assert not of_type(codes("Talks were held in Geneva on Monday."), "COERCE")
    assert not of_type(codes("The meeting was held in Lucknow on Friday."), "COERCE")


def test_security_forces_policing_a_crowd_are_police():
    ev = of_type(codes("Security forces fired tear gas at the mob in Srinagar."), "ASSAULT")
    assert ev and sectors(ev[0].source) == {"COP"}
    ev = of_type(codes("Security forces killed three rebels in Kupwara."), "ASSAULT")
    assert ev and sectors(ev[0].source) == {"MIL"}


# --- arms seizures ------------------------------------------------------------------------------

def test_seizing_or_finding_arms_is_coercion():
    for text in ("Police recovered ten petrol bombs from a house in Surat.",
                 "An arms cache with hand grenades was discovered in a forest near Kandahar.",
                 "Soldiers seized rifles and ammunition during a raid in Mosul."):
        ev = of_type(codes(text), "COERCE")
        assert ev and ev[0].mode == "seize", text


@pytest.mark.parametrize("text", [
    "Army engineers destroyed a roadside bomb near the market in Kandahar.",
    "Commandos destroyed two weapons caches during a raid in Helmand.",
    "The bomb squad neutralised an improvised explosive device at the bus stand.",
])
def test_destroying_explosives_takes_them_out_of_use_and_attacks_no_one(text):
    evs = codes(text)
    assert [e.mode for e in of_type(evs, "COERCE")] == ["seize"], text
    assert not of_type(evs, "ASSAULT"), text


def test_destroying_a_sides_weapons_in_a_strike_is_still_an_attack():
    assert of_type(codes("Israeli jets destroyed a Hamas rocket launcher in Gaza."), "ASSAULT")


def test_a_mine_destroyed_is_property_not_a_weapon_taken_out_of_use():
    # "mine" is a coal or gold mine as often as a landmine: only "landmine" says which (and
    # a mine destroyed is not a mine taken either)
    assert not [e for e in codes("Rebels destroyed a gold mine in the hills.")
                if e.mode in ("seize", "occupy")]


def test_seizing_goods_is_not_political_coercion():
    for text in ("Customs officers seized heroin at the airport in Lagos.",
                 "Police confiscated fake cigarettes from a warehouse in Manila."):
        assert not of_type(codes(text), "COERCE"), text


# --- riots and clashes ---------------------------------------------------------------------------

def test_clash_between_unarmed_groups_is_a_riot():
    ev = codes("BJP and Congress workers clashed during the elections in Ujjain.")
    assert [e.event_type for e in ev] == ["PROTEST"]
    assert ev[0].mode == "riot"


def test_clash_with_an_armed_side_stays_armed_clash():
    ev = codes("Rebels clashed with troops near Goma on Sunday.")
    assert of_type(ev, "ASSAULT") and not of_type(ev, "PROTEST")


def test_protesters_clashing_with_police_riot_and_police_force_kept():
    ev = codes("Protesters clashed with police in Caracas on Monday.")
    riot = of_type(ev, "PROTEST")
    force = of_type(ev, "ASSAULT")
    assert riot and sectors(riot[0].source) == {"CVL"} and sectors(riot[0].target) == {"COP"}
    assert force and sectors(force[0].source) == {"COP"}
    assert riot[0].confidence > force[0].confidence


def test_sides_of_a_clash_noun_hung_on_the_verb():
    ev = of_type(codes("Heavy clashes broke out between police and protesters in Jerusalem."),
                 "PROTEST")
    assert ev and sectors(ev[0].source) == {"CVL"}


@pytest.mark.parametrize("text, coded, not_coded", [
    # mob violence is a riot
    ("A mob beat two policemen and torched a police van near Alwar.", "PROTEST", "ASSAULT"),
    ("A mob chased down and nearly lynched four men near Alwar.", "PROTEST", "ASSAULT"),
    # protesters who kill are a protest turned riot, not a lynch mob
    ("Two police constables were murdered by protesters in the city on Friday.", "PROTEST",
     "ASSAULT"),
    # a mob that kills assaults
    ("A mob lynched a cattle trader in a village near Alwar.", "ASSAULT", "PROTEST"),
    ("Another mob beat to death two suspected thieves near Alwar.", "ASSAULT", "PROTEST"),
    ("An angry mob beat the man to death in a village near Alwar.", "ASSAULT", "PROTEST"),
    ("A mob killed a suspected thief near Alwar on Sunday.", "ASSAULT", "PROTEST"),
])
def test_mob_violence_is_a_riot_unless_it_kills(text, coded, not_coded):
    ev = codes(text)
    assert of_type(ev, coded) and not of_type(ev, not_coded), ev


def test_protest_without_named_protesters_is_coded():
    ev = of_type(codes("Violent protests erupted in Colombia on Tuesday.", "2019-11-27"),
                 "PROTEST")
    assert ev and ev[0].source[0].sector == "CVL" and ev[0].source[0].country == "COL"


def test_protest_outranks_the_crowd_control_it_met():
    text = ("Thousands of students marched to the parliament in Dhaka on Sunday. "
            "Police fired tear gas to disperse them.")
    main = main_event(codes(text, "2018-08-05"), ("PROTEST", "ASSAULT"))
    assert main is not None and main.event_type == "PROTEST"


# --- where an unnamed actor belongs --------------------------------------------------------------

@pytest.mark.parametrize("text, country", [
    ("Two activists were injured in a clash with police in Sreepur upazila on Thursday.", "BGD"),
    ("Teachers staged a dharna in front of the Collectorate demanding higher pay.", "IND"),
])
def test_single_country_words_place_the_story(text, country):
    ev = codes(text)
    assert ev and country in {a.country for e in ev for a in (*e.source, *e.target)}


def test_congress_party_workers_are_indian_not_the_us_legislature():
    ev = codes("Congress workers clashed with police during a rally on Friday.")
    riot = of_type(ev, "PROTEST")
    assert riot and riot[0].source[0].country == "IND" and riot[0].source[0].sector == "PTY"
