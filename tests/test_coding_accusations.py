"""What an accusation, a warning or a protest says of the act it names, and acts that are
someone else's: "accused Israel *of sabotage*" is an alleged act by Israel, not one by the
accuser; "warned Beijing *against an attack*" is one China might make; "responded *to the
sanctions*" answers another's act; "struck *without warning*" gave none. Sentences written
for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, names, of_type, one

PUB = "2021-04-14"
events_of = coder_on(PUB)


# --- the act someone is accused of or blamed for is the accused's, and only alleged --------

@pytest.mark.parametrize("text, event_type, doer, place", [
    ("Iran accused Israel of sabotage at the Natanz plant.", "COERCE", "ISR", None),
    ("Ukraine blamed Russia for the shelling of Kharkiv.", "ASSAULT", "RUS", "UKR"),
    ("Iran accused Israel of an attack on the Natanz nuclear site.", "ASSAULT", "ISR", "IRN"),
    ("Kyiv blamed Russia for the missile attack on Odesa.", "ASSAULT", "RUS", "UKR"),
    ("Israel was accused of sabotage by Iran.", "COERCE", "ISR", None),
])
def test_the_act_an_accusation_names_is_alleged_of_the_accused(text, event_type, doer, place):
    events = events_of(text)
    accusation = one(events, "ACCUSE")
    act = one(events, event_type)
    assert countries(act.source) == {doer}
    assert act.modality == "alleged"
    assert countries(accusation.target) == {doer}
    if place is not None:
        assert countries(act.target) == {place}


@pytest.mark.parametrize("text, event_type, doer", [
    # the parser hangs the charge on the accused here; it is the accusation's all the same
    ("The minister blamed the opposition for the violence.", "ASSAULT", "opposition"),
    ("Police suspect Lashkar militants of carrying out the attack.", "ASSAULT", "militant"),
    ("The army was accused of killing civilians.", "ASSAULT", "army"),
])
def test_the_accused_is_the_doer_however_the_charge_is_parsed(text, event_type, doer):
    act = one(events_of(text), event_type)
    assert names(act.source) == {doer}
    assert act.modality == "alleged"


def test_the_accuser_is_who_the_allegation_is_attributed_to():
    act = one(events_of("Ukraine blamed Russia for the shelling of Kharkiv."), "ASSAULT")
    assert act.attributed_to == "Ukraine"


@pytest.mark.parametrize("text", [
    "Kyiv blamed the missile attack on Russia.",
    "Hamas blamed the bombing on Israeli agents.",
])
def test_an_act_blamed_on_someone_is_theirs_not_aimed_at_them(text):
    events = events_of(text)
    act = one(events, "ASSAULT")
    blamed = one(events, "ACCUSE").target
    assert blamed and act.source
    assert countries(act.source) == countries(blamed)
    assert not countries(act.target) & countries(blamed)
    assert act.modality == "alleged"


@pytest.mark.parametrize("text", [
    "Azerbaijan and Armenia traded accusations of ceasefire violations.",
    "Kyiv levelled accusations of war crimes against Moscow.",
])
def test_what_accusations_are_of_is_not_coded_as_done(text):
    events = events_of(text)
    assert one(events, "ACCUSE")
    assert not [e for e in events if e.event_type == "ASSAULT" and e.modality == "asserted"]


def test_an_accusation_at_a_meeting_does_not_make_the_meeting_alleged():
    events = events_of("Iran accused Israel of sabotage at a meeting in Geneva.")
    assert all(e.modality == "asserted" for e in of_type(events, "CONSULT"))


# --- a warning against an act: the act may come, from the one warned ---------------------

@pytest.mark.parametrize("text", [
    "Washington warned Beijing against an invasion of Taiwan.",
    "Washington cautioned Beijing against any attack on Taiwan.",
])
def test_the_act_warned_against_is_hypothetical_and_the_warned_ones(text):
    act = one(events_of(text), "ASSAULT")
    assert act.modality == "hypothetical"
    assert countries(act.source) == {"CHN"}
    assert countries(act.target) == {"TWN"}


@pytest.mark.parametrize("text, modality, polarity", [
    ("Russia said it would retaliate against any attack on Belarus.", "hypothetical", "positive"),
    ("Police did not make any arrests.", "asserted", "negative"),
])
def test_any_makes_an_act_a_possibility_unless_it_is_denied(text, modality, polarity):
    acts = [e for e in events_of(text) if e.event_type in ("ASSAULT", "COERCE")]
    assert acts
    assert all((e.modality, e.polarity) == (modality, polarity) for e in acts), acts


# --- a government protests by complaining; people protest by demonstrating ----------------

@pytest.mark.parametrize("text, target", [
    ("China protested the visit.", None),
    ("The foreign ministry protested to Tokyo over the visit.", "JPN"),
    ("Beijing protested strongly against the arms sale.", None),
])
def test_a_governments_protest_is_a_formal_complaint(text, target):
    events = events_of(text)
    assert not of_type(events, "PROTEST")
    complaint = one(events, "ACCUSE")
    assert complaint.mode == "complain" and complaint.cameo_root == "11"
    if target:
        assert countries(complaint.target) == {target}


@pytest.mark.parametrize("text", [
    "Farmers protested the new law.",
    "Government employees protested outside the secretariat.",
    "Chinese students protested the visit.",
])
def test_people_who_protest_demonstrate(text):
    assert one(events_of(text), "PROTEST").mode == "demonstrate"


# --- a weapon before the act names the means; the force behind it is named elsewhere ------

@pytest.mark.parametrize("text, doer", [
    ("Israel launched a missile attack on Gaza.", "ISR"),
    ("Russia carried out a drone strike on the port.", "RUS"),
])
def test_the_named_force_not_the_weapon_is_the_doer(text, doer):
    act = one(events_of(text), "ASSAULT")
    assert countries(act.source) == {doer}
    assert not names(act.source) & {"missile", "drone"}


def test_an_act_answered_is_not_the_answerers_own():
    events = events_of("Israel retaliated for the rocket attack by bombing Gaza.")
    assaults = of_type(events, "ASSAULT")
    assert assaults and all(countries(e.source) == {"ISR"} for e in assaults)
    assert all(countries(e.target) == {"PSE"} for e in assaults)
    assert not any("rocket" in names(e.source) for e in assaults)


def test_the_grievance_an_act_answers_is_not_the_answerers_act():
    events = events_of("The U.S. imposed sanctions on Russian banks over the invasion of Ukraine.")
    assert countries(one(events, "SANCTION").source) == {"USA"}
    assert not [e for e in of_type(events, "ASSAULT") if "USA" in countries(e.source)]


@pytest.mark.parametrize("text, answered, answerer", [
    ("Russia responded to the sanctions by expelling two diplomats.", "SANCTION", "russia"),
    ("China reacted to the arrests with anger.", "COERCE", "china"),
])
def test_what_an_actor_responds_to_is_not_its_own_act(text, answered, answerer):
    done = [e for e in of_type(events_of(text), answered)
            if e.evidence.trigger.lower().startswith(("sanction", "arrest"))]
    assert not [e for e in done if answerer in names(e.source)], done


# --- an act in a setting phrase is not done by the sentence's subject ---------------------

@pytest.mark.parametrize("text", [
    "Police found three bodies after the attack on the village.",
    "Rescuers pulled bodies from the rubble after the air strike.",
])
def test_the_subject_of_a_sentence_is_not_the_doer_of_an_act_in_its_setting(text):
    for ev in of_type(events_of(text), "ASSAULT"):
        assert not names(ev.source) & {"police", "rescuer"}, ev


# --- -ing clauses: after "of/for/from" the object acts, after "after/by/before" the subject --

@pytest.mark.parametrize("text, event_type, doer", [
    ("Turkish troops shelled the town after accusing Kurdish militants of an ambush.",
     "ACCUSE", "TUR"),
    ("Russia answered the sanctions by expelling ten Polish diplomats.", "SANCTION", "RUS"),
    ("Iran accused Israel of attacking the plant.", "ASSAULT", "ISR"),
    ("Police stopped Chinese activists from storming the consulate.", "ASSAULT", "CHN"),
])
def test_who_does_an_ing_act_depends_on_its_preposition(text, event_type, doer):
    ev = one(events_of(text), event_type)
    assert doer in countries(ev.source), (ev.source, ev.evidence.trigger)


# --- "without" says the act did not happen ------------------------------------------------

@pytest.mark.parametrize("text, event_type", [
    ("Russian troops crossed the border without warning.", "THREATEN"),
    ("France changed course without consulting Germany.", "CONSULT"),
])
def test_an_act_done_without_is_negated(text, event_type):
    found = of_type(events_of(text), event_type)
    assert found and all(e.polarity == "negative" for e in found)


def test_without_does_not_negate_the_main_act():
    events = events_of("Russian troops attacked the town without warning.")
    assert one(events, "ASSAULT").polarity == "positive"


# --- who spoke, when an act of speech is a noun: "a warning *from Pyongyang*" ---------------

@pytest.mark.parametrize("text, event_type, speaker", [
    ("The United States and South Korea began joint drills, prompting a warning from Pyongyang.",
     "THREATEN", "PRK"),
    ("The decision drew sharp criticism from Beijing.", "ACCUSE", "CHN"),
    ("Seoul demanded an apology from Tokyo.", "CONCEDE", "JPN"),
])
def test_from_names_the_speaker_of_a_verbal_act(text, event_type, speaker):
    assert countries(one(events_of(text), event_type).source) == {speaker}


def test_from_names_a_place_left_in_a_material_act():
    ev = one(events_of("Russia withdrew troops from Syria."), "RETREAT")
    assert countries(ev.source) == {"RUS"}


def test_an_adjective_of_domain_is_not_a_doer():
    ev = one(events_of("The United States and South Korea began joint military drills."),
             "COOPERATE")
    assert countries(ev.source) | countries(ev.target) == {"USA", "KOR"}
    assert "military" not in names(ev.source)


# --- backing another's bid to join --------------------------------------------------------

@pytest.mark.parametrize("text, backer, applicant", [
    ("Turkey's parliament approved Finland's bid to join NATO.", "TUR", "FIN"),
    ("Hungary ratified Sweden's accession to NATO.", "HUN", "SWE"),
])
def test_approving_a_bid_supports_the_applicant(text, backer, applicant):
    ev = one(events_of(text), "SUPPORT")
    assert ev.mode == "endorse"
    assert countries(ev.source) == {backer} and countries(ev.target) == {applicant}


def test_approving_a_budget_is_no_event():
    assert not events_of("Parliament approved the budget.")


# --- ordering another country's people out expels them ------------------------------------

@pytest.mark.parametrize("text, mode, expelled", [
    ("Niger's junta ordered French troops to leave the country.", "expel-mission", "FRA"),
    ("Niger's junta ordered the French ambassador to leave the country.", "diplomatic", "FRA"),
    ("Russia told the Estonian ambassador to leave within a week.", "diplomatic", "EST"),
])
def test_ordering_foreigners_out_is_an_expulsion(text, mode, expelled):
    ev = one(events_of(text), "SANCTION")
    assert ev.mode == mode
    assert countries(ev.target) == {expelled}
    assert not countries(ev.source) & {expelled}


@pytest.mark.parametrize("text", [
    "The Indian government ordered its diplomats to leave Kabul.",
    "The general ordered his troops to withdraw.",
])
def test_ordering_ones_own_people_home_is_no_expulsion(text):
    assert not of_type(events_of(text), "SANCTION")


def test_a_foreign_vessels_water_cannon_implies_no_protest():
    text = ("The Philippines accused Chinese coast guard vessels of firing water cannon at its "
            "supply boat.")
    assert not of_type(events_of(text), "PROTEST")


def test_tear_gas_at_home_still_implies_a_protest():
    assert one(events_of("Police fired tear gas in Nairobi."), "PROTEST")


def test_suspending_participation_in_a_treaty_is_a_sanction():
    ev = one(events_of("Russia suspended its participation in the New START treaty."), "SANCTION")
    assert ev.mode == "suspend-membership" and countries(ev.source) == {"RUS"}
