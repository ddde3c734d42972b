"""Who did it and to whom: the doer an unnamed attack leaves unnamed, the side a post or
convoy belongs to, the recipient of a warning, the one a demand is made of, and what is only
demanded or decided.

Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, of_type, one

PUB = "2024-06-18"
events_of = coder_on(PUB)


def sectors(actors):
    return {a.sector for a in actors}


# --- doers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A suicide attack on a police convoy killed eight officers in Peshawar, officials said.",
    "A bomb attack killed six soldiers near the border, the army said.",
])
def test_the_sayer_of_an_unnamed_attack_did_not_do_it(text):
    for ev in of_type(events_of(text), "ASSAULT"):
        assert sectors(ev.source) <= {"UAF", None}, ev.source
        assert not any(a.name.lower() in ("official", "army") and a.text for a in ev.source)


def test_who_claimed_a_bombing_did_its_killing():
    evs = events_of("A car bomb claimed by the Islamic State killed 20 people in Mogadishu, "
                    "police said.")
    killing = [ev for ev in of_type(evs, "ASSAULT") if ev.evidence.trigger == "killed"]
    assert killing and {a.name for a in killing[0].source} == {"Islamic State"}


@pytest.mark.parametrize("text, doer", [
    ("Taliban fighters overran a police post in Kunduz, officials said Tuesday, killing eight "
     "officers.", "REB"),
    ("Al-Shabaab militants stormed a hotel in Mogadishu, police said, killing at least 12 "
     "people.", "REB"),
])
def test_an_acts_sequel_hung_on_the_report_is_the_doers(text, doer):
    for ev in of_type(events_of(text), "ASSAULT"):
        assert sectors(ev.source) == {doer}, (ev.evidence.trigger, ev.source)


# --- posts, columns and craft stand for their holder --------------------------------------------

@pytest.mark.parametrize("text, sector", [
    ("Jihadists ambushed a military convoy in northern Burkina Faso.", "MIL"),
    ("Gunmen attacked a police station in Balochistan overnight.", "COP"),
    ("The army shelled positions of the rebels near the capital.", "REB"),
    ("Rebels shot down an army helicopter near the border, the ministry said.", "MIL"),
])
def test_a_post_or_column_struck_is_its_holders(text, sector):
    ev = one(events_of(text), "ASSAULT")
    assert sector in sectors(ev.target)


def test_the_country_of_a_post_comes_from_its_words():
    ev = one(events_of("Hezbollah fighters fired rockets at an Israeli army post."), "ASSAULT")
    assert {(a.country, a.sector) for a in ev.target} == {("ISR", "MIL")}


def test_a_drone_shot_down_is_the_target_not_the_weapon():
    ev = one(events_of("Iran shot down a US drone over the Strait of Hormuz."), "ASSAULT")
    assert countries(ev.source) == {"IRN"} and countries(ev.target) == {"USA"}


# --- recipients and those asked -----------------------------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    ("Biden gave Xi a stern warning over Taiwan.", "USA", "CHN"),
    ("The EU sent Moscow an ultimatum on Friday.", "EU", "RUS"),
])
def test_the_recipient_of_a_warning_is_its_target(text, source, target):
    ev = one(events_of(text), "THREATEN")
    assert countries(ev.source) == {source} and countries(ev.target) == {target}


def test_a_demand_that_someone_act_is_made_of_them_and_their_act_is_only_demanded():
    evs = events_of("Iran reiterated its demand that Washington lift sanctions before any talks.")
    assert countries(one(evs, "REQUEST").target) == {"USA"}
    lift = one(evs, "CONCEDE")
    assert lift.modality == "hypothetical" and countries(lift.source) == {"USA"}


@pytest.mark.parametrize("text", [
    "Iran repeated its call for Washington to lift sanctions.",
    "The demand that Israel withdraw its troops was rejected.",
])
def test_an_act_a_demand_or_call_asks_for_has_not_happened(text):
    evs = [ev for ev in events_of(text) if ev.event_type in ("CONCEDE", "RETREAT")]
    assert evs and all(ev.modality == "hypothetical" for ev in evs)


@pytest.mark.parametrize("text, target", [
    ("Washington lifted sanctions imposed on Belarus after the prisoner release.", "BLR"),
    ("The EU eased restrictions placed on Iranian banks.", "IRN"),
])
def test_a_measure_lifted_is_lifted_for_whom_it_was_imposed_on(text, target):
    ev = one(events_of(text), "CONCEDE")
    assert countries(ev.target) == {target}


def test_a_proposal_drawn_up_by_someone_is_rejected_to_them():
    ev = one(events_of("The president rejected a draft budget drawn up by parliament."), "REJECT")
    assert sectors(ev.target) == {"LEG"}


def test_a_denied_report_of_shooting_is_not_aimed_at_those_shot():
    ev = one(events_of("The minister denied reports that troops had fired on protesters."),
             "REJECT")
    assert not ev.target


# --- decisions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, event_type", [
    ("Putin defended Russia's decision to invade Ukraine.", "ASSAULT"),
    ("Iran signalled its readiness to resume talks with Washington.", "CONSULT"),
])
def test_what_a_decision_or_readiness_is_for_is_yet_to_come(text, event_type):
    ev = one(events_of(text), event_type)
    assert ev.modality == "predicted"
    assert ev.source and all(a.text not in ("Russia's decision",) for a in ev.source)


# --- the passive ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    ("Two UN inspectors have been expelled from North Korea.", "PRK", "UN"),
    ("Three French diplomats were expelled from Mali on Tuesday.", "MLI", "FRA"),
])
def test_expelled_from_a_state_is_that_states_expulsion(text, source, target):
    ev = one(events_of(text), "SANCTION")
    assert countries(ev.source) == {source} and countries(ev.target) == {target}


@pytest.mark.parametrize("text, source, target", [
    ("UN sanctions against Iran were lifted in January.", "UN", "IRN"),
    ("US sanctions on Venezuela's oil sector were eased on Friday.", "USA", "VEN"),
])
def test_a_measure_lifted_in_the_passive_is_its_imposers_and_no_side_itself(text, source, target):
    ev = one(events_of(text), "CONCEDE")
    assert countries(ev.source) == {source} and countries(ev.target) == {target}


def test_a_patron_named_after_the_weapons_did_not_fire_them():
    evs = events_of("Syrian government warplanes supported by Russia pounded the rebel-held "
                    "enclave, killing five people.")
    for ev in of_type(evs, "ASSAULT"):
        assert "RUS" not in countries(ev.source), (ev.evidence.trigger, ev.source)


def test_a_drone_brought_down_is_not_the_downers():
    ev = one(events_of("Turkish forces shot down a drone over Idlib."), "ASSAULT")
    assert countries(ev.source) == {"TUR"} and "TUR" not in countries(ev.target)


def test_a_post_in_another_country_is_that_countrys():
    ev = one(events_of("The Yemeni army hit military positions in Saudi Arabia's Asir region "
                       "with a ballistic missile."), "ASSAULT")
    assert {(a.country, a.sector) for a in ev.target} == {("SAU", "MIL")}


def test_a_stateless_groups_positions_are_where_they_stand():
    ev = one(events_of("Iraqi warplanes pounded Islamic State positions in eastern Syria on "
                       "Thursday."), "ASSAULT")
    assert {(a.country, a.sector) for a in ev.target} == {("SYR", "REB")}


# --- names given beside a noun ------------------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    ("Chinese President Xi Jinping will meet regional rival Japan's Prime Minister Shinzo Abe "
     "next week.", "JPN"),
    ("Bush urged partners like Saudi Arabia to move toward reform.", "SAU"),
])
def test_a_noun_that_names_no_one_stands_for_its_apposition_or_examples(text, target):
    evs = [ev for ev in events_of(text) if ev.event_type in ("CONSULT", "REQUEST")]
    assert evs and countries(evs[0].target) == {target}


def test_his_counterpart_is_not_of_his_country():
    evs = events_of("Erdogan will meet his counterpart in Rome on Friday.")
    assert "TUR" not in countries(one(evs, "CONSULT").target)


def test_its_in_a_relative_clause_is_the_clauses_noun():
    evs = events_of("Xi will meet Abe at a time when both are worried about North Korea, which "
                    "has just declared its first successful missile test.")
    test = [ev for ev in evs if ev.evidence.trigger == "test"]
    assert test and countries(test[0].source) == {"PRK"}


def test_a_protest_against_a_law_is_aimed_at_who_imposed_it():
    ev = one(events_of("Farmers in Punjab began a hunger strike in protest against new laws "
                       "imposed by the government."), "PROTEST")
    assert sectors(ev.target) == {"GOV"}


def test_the_brokers_of_a_truce_are_not_its_other_party():
    evs = events_of("Sudan's army and the Rapid Support Forces agreed to a 72-hour truce "
                    "brokered by Saudi Arabia and the United States.")
    for ev in of_type(evs, "AGREE"):
        assert not {"SAU", "USA"} & countries(ev.target), ev.target


def test_a_place_named_beside_a_capital_is_where_not_whom():
    evs = events_of("Armenia said Azerbaijani forces had shelled the region's capital, "
                    "Stepanakert.")
    ev = one(evs, "ASSAULT")
    assert sectors(ev.source) == {"MIL"} and not ev.target


@pytest.mark.parametrize("text, source, target, asked", [
    ("Washington called for Israel to withdraw its troops from Gaza.", "USA", "ISR", "RETREAT"),
    ("The EU pushed for Serbia to recognise Kosovo.", "EU", "SRB", "SUPPORT"),
])
def test_calling_for_someone_to_act_asks_them_and_the_act_is_only_asked(text, source, target, asked):
    evs = events_of(text)
    assert not of_type(evs, "CONSULT")  # no phone call
    request = one(evs, "REQUEST")
    assert countries(request.source) == {source} and countries(request.target) == {target}
    assert one(evs, asked).modality == "hypothetical"


def test_a_town_beside_a_victim_is_not_the_victim():
    evs = events_of("A peace committee member was killed by an IED that went off in Alinagar, "
                    "Safi Tehsil Mohmand Agency. No group has claimed responsibility for the attack.")
    ev = one(evs, "ASSAULT")
    assert all("Agency" not in a.text for a in ev.target)


# --- sides named around the trigger ------------------------------------------------------------

@pytest.mark.parametrize("text, parties", [
    ("Qatar launched a mediation effort between Ethiopia and Eritrea on Sunday.", {"ETH", "ERI"}),
    ("Kenya announced a mediation mission between Sudan's army and the RSF.", {"SDN"}),
])
def test_a_noun_modifying_an_effort_takes_the_efforts_sides(text, parties):
    ev = [e for e in events_of(text) if e.event_type in ("CONSULT", "AGREE")][0]
    assert countries(ev.target) == parties, ev.target


def test_an_active_verb_the_parser_hung_on_a_headline_noun_is_not_passive():
    evs = events_of("The Iraqi air force carried out at least three air strikes in western "
                    "Mosul, killing several dozen Islamic State fighters.")
    strikes = [e for e in of_type(evs, "ASSAULT") if e.evidence.trigger == "carried"]
    assert strikes, evs
    assert sectors(strikes[0].source) == {"MIL"} and countries(strikes[0].source) == {"IRQ"}
    assert all(a.sector != "MIL" or a.country != "IRQ" for a in strikes[0].target)


@pytest.mark.parametrize("text, name", [
    ("Ankara has long accused Gulen of plotting against the state.", "Gulen"),
    ("The rebels said they would free Ingrid Betancourt within a week.", "Ingrid Betancourt"),
])
def test_a_proper_name_the_tagger_missed_is_still_a_side(text, name):
    ev = [e for e in events_of(text) if e.event_type in ("ACCUSE", "CONCEDE", "RETREAT")][0]
    assert name in {a.name for a in ev.target}, ev.target


@pytest.mark.parametrize("text, target", [
    ("Tokyo is considering sending food aid to help North Korea cope with the drought.", "PRK"),
    ("The EU will provide 40 million euros to assist Somalia after the floods.", "SOM"),
])
def test_aid_given_to_help_someone_is_given_to_them(text, target):
    assert countries(one(events_of(text), "AID").target) == {target}


def test_troops_deployed_are_their_own_side_not_the_target():
    ev = one(events_of("Hundreds of Indian troops were deployed to the border with China on "
                       "Monday."), "MOBILIZE")
    assert countries(ev.source) == {"IND"} and countries(ev.target) == {"CHN"}
    ev = one(events_of("Troops were deployed across the capital overnight."), "MOBILIZE")
    assert not ev.target and sectors(ev.source) == {"MIL"}


@pytest.mark.parametrize("text, target", [
    ("Trump sent a letter to the head of the World Health Organization threatening to cut "
     "funding.", "WHO"),
    ("The Pope wrote to Putin urging an end to the war.", "RUS"),
])
def test_a_message_that_threatens_or_urges_is_aimed_at_whom_it_is_sent(text, target):
    ev = [e for e in events_of(text) if e.event_type in ("THREATEN", "REQUEST")][0]
    assert countries(ev.target) == {target}, ev.target


@pytest.mark.parametrize("text, sector", [
    ("A union leader condemned the arrests.", "LAB"),
    ("A senior church leader condemned the arrests.", "REL"),
    ("A court official condemned the arrests.", "JUD"),
    ("A military spokesman condemned the arrests.", "MIL"),
    ("A government spokesman condemned the arrests.", "GOV"),
])
def test_a_role_is_of_the_body_its_modifier_names(text, sector):
    assert sectors(one(events_of(text), "ACCUSE").source) == {sector}


def test_a_names_own_words_are_not_shared_with_its_conjunct():
    evs = events_of("Talks between the Kachin Independence Army and the military government "
                    "resumed in Myitkyina.")
    for ev in evs:
        for a in (*ev.source, *ev.target):
            assert a.name != "Kachin Independence Army government", a


# --- answers and offers -------------------------------------------------------------------------

@pytest.mark.parametrize("text, event_type, target", [
    ("The Venezuelan government denied charges by Colombia that it sheltered guerrillas.",
     "REJECT", "COL"),
    ("Ankara finally conceded to demands from Stockholm to lift its veto.", "CONCEDE", "SWE"),
])
def test_an_answer_to_a_charge_or_demand_is_aimed_at_whoever_made_it(text, event_type, target):
    assert countries(one(events_of(text), event_type).target) == {target}


@pytest.mark.parametrize("text, target", [
    ("South Korea has offered to send medical teams to Turkey after the earthquake.", "TUR"),
    ("Canada pledged to help Ukraine rebuild its bridges.", "UKR"),
])
def test_an_offer_is_made_to_whom_the_act_offered_is_for(text, target):
    assert countries(one(events_of(text), "AGREE").target) == {target}


def test_sides_agreeing_among_themselves_keep_each_other():
    ev = one(events_of("Argentina and Chile agreed to send a joint mission to Antarctica."),
             "AGREE")
    assert {*countries(ev.source), *countries(ev.target)} == {"ARG", "CHL"}


@pytest.mark.parametrize("text", [
    "Latin American leaders condemned the coup.",
    "Central American migrants protested outside the embassy.",
])
def test_a_region_of_the_americas_is_not_the_united_states(text):
    for ev in events_of(text):
        assert "USA" not in countries(ev.source), ev.source


def test_the_two_parties_a_mediator_stands_between_are_sides_not_political_parties():
    ev = one(events_of("Oman launched a mediation effort between the two parties."), "CONSULT")
    assert "PTY" not in sectors(ev.target) and "OMN" not in countries(ev.target)


def test_capitals_in_a_title_case_headline_make_no_names():
    for ev in events_of("Governor Says Afghan Evacuees Granted Asylum Are Welcome In Texas"):
        assert not any(a.text == "Asylum" for a in (*ev.source, *ev.target))


# --- acts received ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, event_type, giver, receiver", [
    ("Kenya received military aid from Japan last year.", "AID", "JPN", "KEN"),
    ("Modi received a phone call from Biden on Tuesday.", "CONSULT", "USA", "IND"),
    ("Iran received a stern warning from Israel.", "THREATEN", "ISR", "IRN"),
    ("Taiwan drew a sharp rebuke from Beijing over the visit.", "ACCUSE", "CHN", "TWN"),
])
def test_who_receives_an_act_is_its_target_and_the_giver_its_doer(text, event_type, giver,
                                                                   receiver):
    ev = one(events_of(text), event_type)
    assert countries(ev.source) == {giver} and countries(ev.target) == {receiver}


def test_who_receives_aid_from_no_one_named_did_not_give_it():
    ev = one(events_of("Ukraine received more military aid in May."), "AID")
    assert "UKR" not in countries(ev.source) and countries(ev.target) == {"UKR"}


def test_accepting_a_ceasefire_is_the_acceptors_own_act():
    ev = one(events_of("Russia accepted the ceasefire proposal on Friday."), "AGREE")
    assert countries(ev.source) == {"RUS"}


def test_an_active_verb_joined_to_a_passive_is_done_by_its_subject():
    ev = one(events_of("Stoltenberg said that the allies were concerned about the missile and "
                       "urged Moscow to explain it."), "REQUEST")
    assert [a.text for a in ev.source] == ["the allies"], ev.source


def test_a_participle_joined_to_a_passive_is_suffered_not_done():
    for ev in events_of("The activist was arrested and injured in the city."):
        assert "activist" not in {a.name.lower() for a in ev.source}, (ev.event_type, ev.source)


@pytest.mark.parametrize("text, trigger, patient", [
    ("Two men were abducted and killed by gunmen near the border.", "killed", "Two men"),
    ("The journalist was detained and tortured in custody.", "tortured", "The journalist"),
    ("Bohendi was beaten, injured, and then died because of torture, said the group.",
     "injured", "Bohendi"),
])
def test_a_participle_joined_to_a_passive_is_done_to_its_subject(text, trigger, patient):
    [ev] = [e for e in of_type(events_of(text), "ASSAULT") if e.evidence.trigger == trigger]
    assert [a.text for a in ev.target] == [patient], ev.target
