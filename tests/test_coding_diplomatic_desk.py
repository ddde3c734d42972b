"""The diplomatic and trade desk: expulsions in Latin, switched recognitions, trade cut off,
troops leaving, pairs of countries named again, and strikes that kill (which no labour strike
does).

Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, of_type, one

PUB = "2024-03-12"
events_of = coder_on(PUB)


# --- expulsions and recognition ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russia declared two Estonian diplomats persona non grata.",
    "Moscow declared two German diplomats persona non grata on Monday.",
    "Niger declared the French ambassador persona non grata and gave him 48 hours to leave.",
    "The Estonian ambassador was declared persona non grata by Russia.",
])
def test_persona_non_grata_is_an_expulsion_by_the_declaring_state(text):
    ev = one(events_of(text), "SANCTION")
    assert ev.mode == "diplomatic"
    assert countries(ev.source) <= {"RUS", "NER"} and countries(ev.source)
    assert countries(ev.target) & {"EST", "DEU", "FRA"}


def test_a_recognition_switched_is_the_subjects_and_goes_to_the_new_partner():
    ev = one(events_of("Honduras switched diplomatic recognition from Taiwan to China."),
             "SUPPORT")
    assert countries(ev.source) == {"HND"} and countries(ev.target) == {"CHN"}


def test_what_was_drawn_from_someone_is_theirs():
    ev = one(events_of("The move drew sharp criticism from Beijing."), "ACCUSE")
    assert countries(ev.source) == {"CHN"}


def test_an_apology_demanded_from_someone_is_asked_of_them():
    evs = events_of("Israel demanded an apology from Turkey.")
    assert countries(one(evs, "REQUEST").target) == {"TUR"}
    assert all("ISR" not in countries(ev.source) for ev in of_type(evs, "CONCEDE"))


def test_reopening_embassies_restores_ties():
    ev = one(events_of("Britain reopened its embassy in Tehran."), "SUPPORT")
    assert countries(ev.source) == {"GBR"} and countries(ev.target) == {"IRN"}


# --- trade ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    ("Turkey cut off all trade with Israel until a permanent ceasefire is reached.", "ISR"),
    ("Russia stopped exports of grain to Egypt.", "EGY"),
])
def test_trade_cut_off_is_an_economic_sanction(text, target):
    ev = one(events_of(text), "SANCTION")
    assert ev.mode == "economic" and target in countries(ev.target)


def test_export_controls_are_a_sanction_not_a_curfew():
    evs = events_of("China imposed export controls on gallium and germanium.")
    assert one(evs, "SANCTION").mode == "economic"
    assert not of_type(evs, "COERCE")


# --- troops leaving ---------------------------------------------------------------------------

def test_troops_leaving_a_country_withdraw_from_it():
    ev = one(events_of("The last French troops left Niger in December."), "RETREAT")
    assert countries(ev.source) == {"FRA"} and countries(ev.target) == {"NER"}


@pytest.mark.parametrize("text", [
    "The president left France for Germany.",
    "Indian and Chinese troops clashed in the Galwan Valley, leaving 20 Indian soldiers dead.",
])
def test_leaving_by_others_or_leaving_dead_is_no_withdrawal(text):
    assert not of_type(events_of(text), "RETREAT")


def test_troops_ordered_to_leave_are_expelled_not_withdrawing():
    evs = events_of("Niger's junta ordered French troops to leave the country by the end of "
                    "the year.")
    assert one(evs, "SANCTION").mode == "expel-mission"
    assert not of_type(evs, "RETREAT")


# --- the two countries ------------------------------------------------------------------------

def test_the_two_countries_are_the_two_sides_of_the_last_act_between_two():
    evs = events_of("Saudi Arabia and Iran agreed to restore diplomatic relations in a deal "
                    "brokered by China. The two countries will reopen their embassies within "
                    "two months.")
    later = [ev for ev in evs if ev.evidence.sentence.startswith("The two countries")]
    assert later and countries(later[0].source) == {"SAU", "IRN"}


def test_both_countries_after_talks_are_the_two_that_talked():
    evs = events_of("India and China held talks on Monday. Both countries agreed to disengage "
                    "troops along the border.")
    agreed = [ev for ev in of_type(evs, "AGREE") if ev.evidence.sentence.startswith("Both")]
    assert agreed and countries(agreed[0].source) | countries(agreed[0].target) == {"IND", "CHN"}


def test_two_of_something_else_is_no_pair_of_countries():
    evs = events_of("India and China held talks on Monday. The two leaders agreed to meet "
                    "again.")
    later = [ev for ev in evs if ev.evidence.sentence.startswith("The two leaders")]
    assert later  # the rule reads only plural nouns of countries as the pair
    assert all(len([a for a in ev.source if a.text == "The two leaders"]) < 2 for ev in later)


# --- strikes that kill, and whose victims they are ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Pakistan carried out air strikes inside Iran, a day after Iranian strikes on its territory.",
    "Two children were killed in Iranian strikes on Pakistan.",
])
def test_a_strike_on_someones_ground_or_that_kills_is_an_attack(text):
    evs = events_of(text)
    assert not of_type(evs, "PROTEST")
    assert of_type(evs, "ASSAULT")


@pytest.mark.parametrize("text, victims", [
    ("Two children were killed in Iranian strikes on Pakistan.", "PAK"),
    ("Israeli strikes on Gaza killed 20 people.", "PSE"),
])
def test_the_killed_are_of_the_place_the_strikes_hit(text, victims):
    evs = of_type(events_of(text), "ASSAULT")
    hurt = {a.country for ev in evs for a in ev.target}
    assert victims in hurt and "ISR" not in hurt and "IRN" not in hurt


def test_a_labour_strike_on_a_day_stays_a_strike():
    ev = one(events_of("Dock workers began a strike on Monday over pay."), "PROTEST")
    assert ev.mode == "strike"


# --- whose act it is --------------------------------------------------------------------------

def test_an_act_measures_are_taken_against_is_not_the_takers():
    evs = events_of("Pyongyang warned it would take countermeasures against the joint drills.")
    assert all("PRK" not in countries(ev.source) for ev in of_type(evs, "COOPERATE"))


def test_an_attempt_by_someone_is_theirs():
    ev = one(events_of("The US Navy said it had thwarted an attempt by Iran to seize two "
                       "tankers."), "COERCE")
    assert countries(ev.source) == {"IRN"} and ev.polarity == "negative"


@pytest.mark.parametrize("text", [
    "Somalia called the deal an act of aggression.",
    "Russia called the sanctions illegal.",
    "Kyiv called the attack a war crime.",
])
def test_who_names_an_act_for_what_it_is_did_not_do_it(text):
    evs = events_of(text)
    judged = {"deal": "AGREE", "sanctions": "SANCTION", "attack": "ASSAULT"}
    word = next(w for w in judged if w in text)
    assert not of_type(evs, judged[word])


def test_a_condition_does_not_block_the_threatened_act():
    evs = events_of("Ukraine threatened to hit Russian ports if Moscow targets its grain "
                    "shipments.")
    assert countries(one(evs, "THREATEN").target) == {"RUS"}
    assert one(evs, "ASSAULT").modality == "hypothetical"


# --- the parse mended -------------------------------------------------------------------------

def test_persona_non_grata_hangs_on_the_declaring_verb():
    from wardrums.coding.mend import mend_persona_non_grata
    from wardrums.nlp.pipeline import load_nlp

    doc = load_nlp()("Moscow declared two German diplomats 'persona non grata' on Monday.")
    mend_persona_non_grata(doc)
    by = {t.text: t for t in doc}
    assert by["grata"].head.text == "declared" and by["grata"].dep_ == "oprd"
    assert by["diplomats"].head.text == "declared" and by["diplomats"].dep_ == "dobj"
    assert {by["persona"].head.text, by["non"].head.text} == {"grata"}
    assert by["Monday"].head.head.text == "declared"  # the date stays the declaration's


def test_a_latin_phrase_with_no_declaring_verb_is_left_as_parsed():
    from wardrums.coding.mend import mend_persona_non_grata
    from wardrums.nlp.pipeline import load_nlp

    doc = load_nlp()("He has been persona non grata in Moscow for years.")
    before = [(t.head.i, t.dep_) for t in doc]
    mend_persona_non_grata(doc)
    assert [(t.head.i, t.dep_) for t in doc] == before


# --- what a sentence says of an act -----------------------------------------------------------

def test_no_indication_of_an_attack_is_a_claim_denied_and_not_the_speakers():
    ev = one(events_of("NATO said there was no indication of an intentional attack on "
                       "Poland."), "ASSAULT")
    assert (ev.modality, ev.polarity) == ("alleged", "negative")
    assert "NATO" not in {a.country for a in ev.source}


def test_evidence_of_an_attack_makes_it_a_claim():
    ev = one(events_of("Poland said there was evidence of a Russian attack on its railway."),
             "ASSAULT")
    assert (ev.modality, ev.polarity) == ("alleged", "positive")


def test_what_happened_before_an_order_is_no_order():
    ev = one(events_of("Ecuador's army was ordered to neutralise gangs after armed men "
                       "stormed a TV studio."), "ASSAULT")
    assert ev.modality == "asserted"


def test_an_act_played_down_is_not_the_downplayers():
    evs = events_of("Tehran played down the strike and signalled it would not respond.")
    assert all("IRN" not in countries(ev.source) for ev in evs if ev.event_type != "REJECT")


@pytest.mark.parametrize("text, country, other", [
    ("Police in Tbilisi used water cannon to disperse pro-EU demonstrators.", "GEO", "EU"),
    ("Anti-American protesters burned flags in Baghdad.", "IRQ", "USA"),
])
def test_a_stance_for_or_against_a_side_is_not_membership(text, country, other):
    crowd = [a for ev in events_of(text) for a in (*ev.source, *ev.target)
             if "pro-EU" in a.text or "Anti-American" in a.text]
    assert crowd and other not in countries(crowd) and country in countries(crowd)


def test_a_strike_inside_a_building_is_still_a_labour_strike():
    ev = one(events_of("Twenty suspended workers announced an open-ended strike inside the "
                       "union federation's headquarters."), "PROTEST")
    assert ev.mode == "strike"


def test_an_envoy_a_state_summons_is_not_its_own():
    evs = events_of("The ambassador, who was summoned by Beijing on Monday, rejected the "
                    "accusations.")
    summoned = one(evs, "ACCUSE")
    assert countries(summoned.source) == {"CHN"} and "CHN" not in countries(summoned.target)
    rejected = one(evs, "REJECT")
    assert not {a.text for a in rejected.source} & {a.text for a in rejected.target}


def test_an_owned_act_a_verb_does_not_answer_was_still_done():
    ev = one(events_of("Pakistan has not yet responded to India's request for talks."),
             "REQUEST")
    assert ev.polarity == "positive" and countries(ev.source) == {"IND"}


def test_an_owned_act_not_begun_is_not_done():
    ev = one(events_of("Israel has not begun its ground invasion."), "ASSAULT")
    assert ev.polarity == "negative"


def test_a_passive_clause_before_the_act_blocks_nothing():
    evs = events_of("Israeli aircraft and tanks struck 11 Hamas targets in northern Gaza after "
                    "shots were fired at troops near the fence, the military said.")
    struck = [e for e in of_type(evs, "ASSAULT") if e.evidence.trigger == "struck"]
    assert struck and countries(struck[0].source) == {"ISR"}


def test_a_call_dated_on_a_day_is_still_a_call():
    ev = one(events_of("Biden called Putin on Tuesday."), "CONSULT")
    assert ev.mode == "phone" and countries(ev.target) == {"RUS"}


def test_calling_someone_a_name_is_no_phone_call():
    evs = events_of("President Trump called Denmark's prime minister nasty and cancelled a "
                    "planned visit.")
    assert not [ev for ev in of_type(evs, "CONSULT") if ev.mode == "phone"]
