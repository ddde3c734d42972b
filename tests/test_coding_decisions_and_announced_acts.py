"""Acts that are decided, announced or refused rather than done: a measure a government
decided (done by deciding), an attack or a ban a side says it will carry out (a threat, CAMEO
13x), a concession it says it will not make; and a few readings the parser hides (a verb
tagged as a time, "hand over 30", "set free ten").

Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, of_type

from wardrums.data import lexicon
from wardrums.evaluation.tasks import main_event

PUB = "2024-05-14"
events_of = coder_on(PUB)


def _coded(events):
    return [(e.event_type, e.mode, e.evidence.trigger, e.modality, e.polarity, e.cameo_root,
             [a.text for a in e.source], [a.text for a in e.target]) for e in events]


# --- a measure decided is the measure taken -----------------------------------------------------

@pytest.mark.parametrize("text, category, mode", [
    ("Japan decided on Tuesday to ease some sanctions on North Korea.", "CONCEDE",
     "ease-sanctions"),
    ("Egypt's presidency has decided to ease curfew hours in North Sinai.", "CONCEDE",
     "ease-restrictions"),
    ("Bolivia had decided to grant political asylum to the former minister.", "AID", "asylum"),
    ("The Security Council voted to impose sanctions on the junta.", "SANCTION", None),
    ("The interior ministry decided to ban all rallies in the capital.", "COERCE", "restrict"),
])
def test_a_measure_decided_in_the_past_is_asserted(text, category, mode):
    events = events_of(text)
    found = [e for e in of_type(events, category) if mode is None or e.mode == mode]
    assert found, _coded(events)
    assert found[0].modality == "asserted" and found[0].polarity == "positive", _coded(events)


def test_a_measure_decided_is_dated_when_the_decision_was_taken():
    (ev,) = of_type(events_of("Japan decided on Tuesday to ease some sanctions on North Korea."),
                    "CONCEDE")
    assert str(ev.date) == "2024-05-14" and ev.quad_class == 2


@pytest.mark.parametrize("text, category", [
    ("The United States decided to send troops to Poland.", "MOBILIZE"),  # done in the world
    ("The parliament voted to expel US troops from the country.", "COERCE"),
    ("Japan will decide next week whether to ease sanctions on Russia.", "CONCEDE"),
    ("Japan may have decided to ease sanctions on Russia.", "CONCEDE"),
    ("Japan has not decided to ease sanctions on Russia.", "CONCEDE"),
])
def test_an_act_decided_but_not_yet_done_is_not_asserted(text, category):
    events = events_of(text)
    assert events, text
    assert not [e for e in of_type(events, category)
                if e.modality == "asserted" and e.polarity == "positive"], _coded(events)


# --- conflict announced: a threat ---------------------------------------------------------------

@pytest.mark.parametrize("text, category, cameo", [
    ("Turkey's president says it will begin a new military operation against Kurdish fighters "
     "in Syria.", "ASSAULT", "138"),
    ("Israel said it will strike Hezbollah positions in Lebanon.", "ASSAULT", "138"),
    ("The prime minister announced that the government will extend the nightly curfew.",
     "COERCE", "137"),
    ("Police said they will arrest anyone who violates the curfew.", "COERCE", "137"),
])
def test_a_conflictual_act_announced_is_coded_as_a_threat(text, category, cameo):
    events = events_of(text)
    found = of_type(events, category)
    assert found, _coded(events)
    ev = found[0]
    # the PLOVER record keeps the act and its modality; CAMEO codes the statement
    assert ev.modality == "predicted"
    assert (ev.cameo_root, ev.quad_class) == ("13", 3), _coded(events)
    assert ev.intensity == lexicon.plover()[category].threat.intensity
    assert lexicon.plover()[category].threat.cameo == cameo


@pytest.mark.parametrize("text, category, quad", [
    ("Analysts said Russia could attack Ukraine.", "ASSAULT", 4),  # a possibility, no threat
    ("North Korea threatened to attack South Korea.", "ASSAULT", 4),  # the threat is its own event
    ("The president ordered all opposition newspapers to suspend publication.", "COERCE", 4),
    ("Troops attacked the rebel base on Monday.", "ASSAULT", 4),
])
def test_acts_possible_ordered_or_done_keep_their_conflict_code(text, category, quad):
    events = of_type(events_of(text), category)
    assert events, _coded(events_of(text))
    assert events[0].quad_class == quad, _coded(events)


def test_a_threat_announced_leads_the_story_as_verbal_conflict():
    ev = main_event(events_of("Israel said it will strike Hezbollah positions in Lebanon."))
    assert ev is not None and ev.quad_class == 3


# --- a concession refused, said plainly --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The EU has made it clear it will not lift the embargo until China frees the activists.",
    "Russia made it plain that it would not lift its ban on Georgian wine.",
])
def test_made_it_clear_it_will_not_is_the_subjects_refusal(text):
    events = events_of(text)
    refusals = of_type(events, "REJECT")
    assert refusals, _coded(events)
    assert refusals[0].source and refusals[0].source[0].country in ("EU", "RUS"), _coded(events)


# --- readings the parser hides -----------------------------------------------------------------

def test_a_verb_tagged_as_a_time_is_still_read():
    events = events_of("Saudi Arabia eased curfew hours it had imposed on several cities.")
    eased = of_type(events, "CONCEDE")
    assert eased and eased[0].mode == "ease-restrictions", _coded(events)
    assert eased[0].source[0].country == "SAU"


@pytest.mark.parametrize("text", [
    "The rally will be held on march 2 in the city.",
    "Police said they will march 2 km to the square.",
])
def test_a_date_word_is_still_no_verb(text):
    assert not [e for e in events_of(text) if e.evidence.trigger.lower() == "march"]


def test_a_particle_read_as_more_than_still_makes_the_phrasal_verb():
    events = events_of("Germany and UNICEF hand over 30 vehicles to support health services "
                       "in Afar.")
    main = main_event(events)
    assert main is not None and main.event_type == "AID", _coded(events)
    assert main.evidence.trigger == "hand"


@pytest.mark.parametrize("text", [
    "Yemen let free ten activists on Sunday.",
    "Yemen set free ten activists on Sunday.",
    "Yemen set ten activists free on Sunday.",
])
def test_set_or_let_free_is_a_release(text):
    events = events_of(text)
    freed = [e for e in events if e.mode == "release"]
    assert freed and freed[0].source[0].country == "YEM", _coded(events)


def test_free_markets_are_no_release():
    assert not [e for e in events_of("They set free markets in motion.") if e.mode == "release"]


def test_military_equipment_handed_over_is_aid_and_arms_handed_over_are_laid_down():
    aid = events_of("The US handed over military equipment to the Afghan army.")
    assert [(e.event_type, e.mode) for e in aid] == [("AID", "military")], _coded(aid)
    laid = events_of("The rebels handed over their weapons to the army.")
    assert [(e.event_type, e.mode) for e in laid] == [("RETREAT", "demobilize")], _coded(laid)


@pytest.mark.parametrize("text", [
    "Kosovo is sending a military platoon to Kuwait for the UN peacekeeping mission.",
    "Norway sent a squadron of F-35s to Iceland.",
])
def test_small_units_sent_are_forces_sent(text):
    events = events_of(text)
    assert [e for e in events if e.event_type in ("MOBILIZE", "AID")], _coded(events)


# --- the state's forces do not riot --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The police pelted stones at the crowd near the mosque.",
    "Soldiers pelted stones at the villagers.",
    "Residents said the police began pelting.",
])
def test_stones_thrown_by_police_or_soldiers_are_force_not_a_riot(text):
    events = events_of(text)
    assert not of_type(events, "PROTEST"), _coded(events)
    force = of_type(events, "ASSAULT")
    assert force and force[0].source[0].sector in ("COP", "MIL"), _coded(events)


def test_stones_thrown_by_protesters_stay_a_riot():
    events = events_of("Protesters pelted stones at the police near the mosque.")
    riot = of_type(events, "PROTEST")
    assert riot and riot[0].mode == "riot", _coded(events)


def test_workers_on_strike_who_attack_are_a_riot():
    events = events_of("Around 5,000 striking garment workers pelted police with rocks, injuring "
                       "two military police.")
    main = main_event(events)
    assert main is not None and (main.event_type, main.mode) == ("PROTEST", "riot"), \
        _coded(events)


# --- rulings refused; regions that act for no state -----------------------------------------

def test_a_ruling_not_accepted_is_refused_by_whoever_said_so():
    events = events_of("China said on Wednesday it would not accept a ruling by an international "
                       "tribunal on the South China Sea.")
    refusals = [e for e in of_type(events, "REJECT") if e.evidence.trigger == "accept"]
    assert refusals and refusals[0].source[0].country == "CHN", _coded(events)


def test_a_verdict_accepted_is_a_concession():
    events = events_of("The opposition accepted the court's verdict on the disputed election.")
    assert [e.mode for e in of_type(events, "CONCEDE")] == ["policy"], _coded(events)


@pytest.mark.parametrize("text", [
    "Europe has imposed an embargo on China.",
    "Europe has made it clear it will not lift the embargo until China frees the activists.",
])
def test_a_continent_is_no_state_and_lends_none_its_country(text):
    events = events_of(text)
    # "Europe" is neither China (the only state named) nor any other country
    assert not [a for e in events if e.evidence.trigger in ("imposed", "lift")
                for a in e.source if a.country == "CHN"], _coded(events)


@pytest.mark.parametrize("text", [
    "The islanders have decided to quit the talks with Australia.",
    "The opposition walked out of the talks with the government.",
])
def test_talks_quit_or_walked_out_of_are_halted_not_a_resignation(text):
    events = events_of(text)
    assert [e.mode for e in of_type(events, "SANCTION")] == ["halt-talks"], _coded(events)
    assert not of_type(events, "CONCEDE")


def test_quitting_alone_is_still_a_resignation():
    assert [e.mode for e in of_type(events_of("The defence minister quit on Monday."),
                                    "CONCEDE")] == ["resign"]


def test_the_newspaper_is_the_outlet_named_before():
    events = events_of("The Global Times said Indian troops had attacked Chinese personnel. "
                       '"If India pushes too far, it will face a war it cannot win," the '
                       "newspaper said.")
    threats = of_type(events, "THREATEN")
    assert threats and threats[0].source[0].name == "Global Times", _coded(events)
    assert threats[0].source[0].country == "CHN"


@pytest.mark.parametrize("text", [
    "The union's chairman called off the strike at the port.",
    "The chairman of the union called off the strike at the port.",
])
def test_a_role_takes_the_sector_of_the_body_that_owns_it(text):
    events = events_of(text)
    ended = of_type(events, "CONCEDE")
    assert ended and ended[0].source[0].sector == "LAB", _coded(events)


def test_they_who_will_not_end_a_strike_are_the_union_its_chairman_speaks_for():
    events = events_of("The union's chairman said that they will not end the strike.")
    refusals = of_type(events, "REJECT")
    assert refusals and refusals[0].source[0].sector == "LAB", _coded(events)


def test_permission_given_is_involvement_allowed():
    events = events_of("Pakistan had given the Pentagon permission to use Pakistani airspace.")
    allowed = of_type(events, "CONCEDE")
    assert allowed and allowed[0].mode == "allow-involvement", _coded(events)
    assert allowed[0].target and allowed[0].target[0].country == "USA"


# --- the entry that names more of the object wins ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Turkey is violating the ceasefire agreement by shelling the town.",
    "Both parties were guilty of violating the Ceasefire Agreement in Sudan.",
    "Russia violated the ceasefire again on Monday.",
])
def test_a_ceasefire_agreement_violated_is_a_ceasefire_violation(text):
    events = events_of(text)
    assert [e for e in of_type(events, "ASSAULT") if e.mode == "ceasefire-violation"], \
        _coded(events)
    assert not [e for e in of_type(events, "REJECT") if e.evidence.trigger.startswith("violat")]


def test_another_agreement_violated_is_defiance():
    events = events_of("Iran violated the nuclear agreement, the inspectors said.")
    assert [e.mode for e in of_type(events, "REJECT")] == ["defy"], _coded(events)


def test_people_used_as_human_shields_are_assaulted():
    events = events_of("Militants systematically used villagers as human shields in the fighting.")
    used = [e for e in of_type(events, "ASSAULT") if e.evidence.trigger == "used"]
    assert used and used[0].target and used[0].target[0].sector == "CVL", _coded(events)
    assert not [e for e in events_of("They used the money as a shield against inflation.")
                if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "ISIS is mobilizing its members for attacking Haditha district.",
    "ISIS is mobilizing its fighters for an attack on Haditha.",
    "Russia massed troops for an invasion of Ukraine.",
])
def test_an_attack_that_forces_are_readied_for_is_still_to_come(text):
    events = events_of(text)
    attacks = [e for e in of_type(events, "ASSAULT")]
    assert attacks and all(e.modality == "predicted" for e in attacks), _coded(events)


def test_an_attack_that_is_the_reason_for_an_arrest_was_done():
    events = events_of("Police arrested him for attacking a shop owner in Karachi.")
    assert all(e.modality == "asserted" for e in events), _coded(events)
