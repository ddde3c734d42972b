"""Threats made without a threat word, envoys and their countries, brokers and the parties
they bring together, and what is mobilised against whom.

"Has not ruled out the use of force" threatens force; "ruled out sending troops" excludes the
deployment. "The ministry summoned the French ambassador" is not a French ministry. "A truce
brokered by Qatar" binds the sides that agreed to it, not Qatar. "Put its army on alert along
the border with X" faces X, not its own army. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, of_type, one

PUB = "2024-03-12"
events_of = coder_on(PUB)


# --- force kept on the table, and what is ruled out -----------------------------------------

@pytest.mark.parametrize("text, threatener, threatened", [
    ("Beijing has never ruled out using force to take control of Taiwan.", {"CHN"}, {"TWN"}),
    ("The Israeli prime minister refused to rule out a military strike against Iran.",
     {"ISR"}, {"IRN"}),
    ("Azerbaijan did not rule out military action against Armenia, the ministry said.",
     {"AZE"}, {"ARM"}),
])
def test_force_not_ruled_out_is_a_threat_of_force(text, threatener, threatened):
    ev = one(events_of(text), "THREATEN")
    assert ev.mode == "force"
    assert countries(ev.source) == threatener
    assert countries(ev.target) == threatened
    assert ev.modality == "asserted" and ev.polarity == "positive"


def test_a_strike_not_ruled_out_stays_a_possibility():
    events = events_of("Israel would not rule out strikes on Iranian nuclear sites.")
    strikes = of_type(events, "ASSAULT")
    assert strikes and all(e.modality == "hypothetical" and e.polarity == "positive"
                           for e in strikes)


@pytest.mark.parametrize("text", [
    "The government has not ruled out early elections next year.",
    "Paris did not rule out sending military trainers to Kyiv.",
])
def test_keeping_open_what_is_not_force_threatens_nobody(text):
    assert not of_type(events_of(text), "THREATEN")


def test_what_is_ruled_out_did_not_happen():
    ev = one(events_of("Berlin has ruled out sending ground troops to Ukraine."), "MOBILIZE")
    assert ev.polarity == "negative" and ev.modality == "hypothetical"


def test_refusing_to_rule_out_is_no_rejection():
    events = events_of("The defence minister refused to rule out an invasion of the island.")
    assert not of_type(events, "REJECT")


# --- answers promised to any act --------------------------------------------------------------

def test_a_promised_answer_to_any_act_threatens_whoever_would_do_it():
    ev = one(events_of("Moscow would respond to any deployment of US missiles in Germany, "
                       "the Kremlin said."), "THREATEN")
    assert countries(ev.source) == {"RUS"}
    assert countries(ev.target) == {"USA"}


def test_what_a_side_says_it_will_do_it_does_itself():
    text = ("Iran summoned the Swiss envoy on Monday. Pyongyang warned it would respond with "
            "force to any provocation by Seoul.")
    threats = [e for e in of_type(events_of(text), "THREATEN")
               if countries(e.source) == {"PRK"}]
    assert threats, "the threat is North Korea's"
    assert all("IRN" not in countries(e.target) for e in threats), "'it' is not Iran"
    assert any(countries(e.target) == {"KOR"} for e in threats)


def test_a_conditional_retaliation_is_a_threat():
    ev = one(events_of("China said it would retaliate if Washington raised tariffs again."),
             "THREATEN")
    assert countries(ev.source) == {"CHN"}
    assert countries(ev.target) == {"USA"}


def test_it_after_a_condition_takes_up_the_conditions_subject():
    # a story led by another country's acts: "it" is not simply the last state named
    evs = events_of("Russian drones struck Kharkiv overnight, Ukrainian officials said. "
                    '"If Moldova lets NATO troops in, it will be invaded," the Kremlin '
                    "spokesman said.")
    assert countries(one(evs, "THREATEN").target) == {"MDA"}
    invaded = [e for e in of_type(evs, "ASSAULT") if e.evidence.trigger == "invaded"]
    assert invaded and countries(invaded[0].target) == {"MDA"}, invaded
    assert invaded[0].modality == "hypothetical"


def test_rebels_of_the_speakers_own_country_are_threatened_by_it():
    evs = events_of('"If the insurgents refuse to disarm, they will be crushed," Myanmar\'s '
                    'army chief said.')
    ev = one(evs, "THREATEN")
    assert countries(ev.source) == {"MMR"} and {a.sector for a in ev.target} == {"REB"}
    assert one(evs, "ASSAULT").modality == "hypothetical"


def test_the_newspaper_is_the_outlet_named_before():
    evs = events_of("Indian and Chinese troops clashed again in Ladakh, Indian officials said. "
                    "The Global Times warned New Delhi on Tuesday that Beijing's patience had "
                    'limits. "If India sends more troops, it will face a war," the newspaper said.')
    threats = [e for e in of_type(evs, "THREATEN") if "sends" in e.evidence.sentence]
    assert threats and all(countries(e.source) == {"CHN"} for e in threats), threats
    assert all(countries(e.target) == {"IND"} for e in threats), threats


def test_answering_what_happened_is_no_threat():
    assert not of_type(events_of("Kyiv responded to the attack with drone strikes on Belgorod."),
                       "THREATEN")


# --- envoys ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, envoys", [
    ("Warsaw expelled three Belarusian diplomats on Tuesday.", "BLR"),
    ("Tokyo summoned the Chinese ambassador over the incident.", "CHN"),
])
def test_envoys_named_by_nationality_are_their_government(text, envoys):
    ev = events_of(text)[0]
    assert [(a.country, a.sector) for a in ev.target] == [(envoys, "GOV")]


def test_who_summons_an_envoy_is_not_of_the_envoys_country():
    events = events_of("The ministry summoned the Dutch ambassador to protest the ruling.")
    assert events
    for ev in events:
        assert "NLD" not in countries(ev.source), (ev.event_type, ev.source)


def test_expelling_each_others_diplomats_sets_one_against_the_other():
    ev = one(events_of("Armenia and Azerbaijan expelled each other's diplomats."), "SANCTION")
    assert countries(ev.source) | countries(ev.target) == {"ARM", "AZE"}
    assert countries(ev.source) != countries(ev.target)


# --- brokers and parties --------------------------------------------------------------------

def test_a_brokered_truce_binds_the_sides_that_agreed_to_it():
    text = ("Sudan's army and the Rapid Support Forces agreed to a week-long truce brokered "
            "by Saudi Arabia and the United States.")
    ev = one(events_of(text), "CONSULT")
    assert countries(ev.source) == {"SAU", "USA"}, "both brokers mediate"
    assert ev.target and countries(ev.target) == {"SDN"}


def test_a_broker_is_not_a_party_to_the_deal():
    ev = one(events_of("Egypt brokered a deal between Hamas and Israel on Sunday."), "AGREE")
    assert countries(ev.source) | countries(ev.target) == {"PSE", "ISR"}


def test_what_talks_are_about_has_not_happened():
    events = events_of("Turkey is hosting talks between Moscow and Kyiv on a prisoner exchange.")
    assert not of_type(events, "RETREAT")
    assert of_type(events, "CONSULT")


# --- against whom forces are mobilised ------------------------------------------------------

@pytest.mark.parametrize("text, faced", [
    ("Lithuania put its armed forces on high alert along the border with Belarus.", "BLR"),
    ("Greece will send 5,000 soldiers to its frontier with Turkey.", "TUR"),
    ("Moscow deployed tanks near the Finnish border.", "FIN"),
])
def test_forces_sent_to_a_border_face_the_country_across_it(text, faced):
    ev = one(events_of(text), "MOBILIZE")
    assert countries(ev.target) == {faced}


def test_the_forces_mobilised_are_not_their_own_target():
    ev = one(events_of("The president ordered the army to mobilise 20,000 reservists."),
             "MOBILIZE")
    assert not any(a.sector == "MIL" for a in ev.target)


def test_joint_drills_are_military_cooperation():
    ev = one(events_of("India and France conducted joint naval exercises in the Arabian Sea."),
             "COOPERATE")
    assert countries(ev.source) | countries(ev.target) == {"IND", "FRA"}
    assert not of_type(events_of("India and France conducted joint naval exercises."),
                       "MOBILIZE")


# --- whose property, whose government -------------------------------------------------------

@pytest.mark.parametrize("text, owner, sector", [
    ("US warplanes bombed Houthi targets near Hodeidah.", "YEM", "REB"),
    ("Israeli aircraft struck Hezbollah positions near Tyre.", "LBN", "REB"),
])
def test_a_named_groups_positions_are_that_group(text, owner, sector):
    ev = one(events_of(text), "ASSAULT")
    assert [(a.country, a.sector) for a in ev.target] == [(owner, sector)]


def test_an_armed_groups_government_governs():
    ev = events_of("The Taliban administration banned women from universities.")[0]
    assert [(a.country, a.sector) for a in ev.source] == [("AFG", "GOV")]


@pytest.mark.parametrize("published, sector", [("2019-05-10", "REB"), ("2024-03-12", "MIL")])
def test_an_armed_groups_commanders_are_the_group_until_it_governs(published, sector):
    # from 15 August 2021 the Taliban govern, and their commanders are the state's forces
    ev = coder_on(published)("Taliban commanders met Pakistani officials in Kabul.")[0]
    assert {a.sector for a in ev.source} == {sector}


def test_a_counterpart_holds_the_office_of_whoever_meets_them():
    ev = one(events_of("The Indian army chief met his Nepali counterpart in Kathmandu."),
             "CONSULT")
    assert [(a.country, a.sector) for a in ev.target] == [("NPL", "MIL")]


# --- denials, accusations, documents, crowds ------------------------------------------------

def test_an_act_denied_with_a_gerund_did_not_happen_as_far_as_the_denier_says():
    ev = one(events_of("Uganda denied arming the rebels in eastern Congo."), "AID")
    assert ev.polarity == "negative" and ev.modality == "alleged"


def test_linking_someone_to_a_killing_accuses_them():
    ev = one(events_of("Ottawa linked Indian agents to the murder of a Sikh activist."),
             "ACCUSE")
    assert countries(ev.source) == {"CAN"}
    assert countries(ev.target) == {"IND"}
    assert not [e for e in of_type(events_of("Ottawa linked Indian agents to the murder."),
                                   "ASSAULT") if countries(e.source) == {"CAN"}]


def test_a_resolution_speaks_for_the_body_that_adopted_it():
    ev = one(events_of("The UN General Assembly adopted a resolution demanding a ceasefire."),
             "REQUEST")
    assert [a.country for a in ev.source] == ["UNGA"]


def test_a_counted_crowd_is_still_the_target():
    ev = one(events_of("Police in Karachi detained dozens of opposition supporters."), "COERCE")
    assert ev.target and {a.sector for a in ev.target} == {"OPP"}


def test_water_cannon_on_a_foreign_boat_implies_no_protest():
    events = events_of("Chinese coast guard ships fired water cannon at a Vietnamese fishing "
                       "boat near the Paracel Islands.")
    assert not of_type(events, "PROTEST")


def test_cutting_cooperation_reduces_relations():
    ev = one(events_of("Niger scaled back its cooperation with the European Union."), "SANCTION")
    assert ev.mode == "withdraw-aid"


# --- ending cooperation, pulling back, where a body sits --------------------------------------

def test_revoking_an_agreement_breaks_it():
    ev = one(events_of("Mali's junta revoked its defence agreements with France."), "SANCTION")
    assert ev.mode == "suspend-membership"
    assert not of_type(events_of("Mali's junta revoked its defence agreements with France."),
                       "AGREE")


def test_troops_disengaging_pull_back():
    ev = one(events_of("Chinese and Indian soldiers disengaged from two points in Depsang."),
             "RETREAT")
    assert countries(ev.source) == {"CHN", "IND"}


def test_an_armed_groups_minister_is_its_government():
    ev = one(events_of("Qatar's envoy met the Taliban's defence minister in Kandahar."),
             "CONSULT")
    assert [(a.country, a.sector) for a in ev.target] == [("AFG", "GOV")]


def test_a_body_in_a_named_country_is_that_countrys():
    text = "Protests spread in Colombo. The junta in Myanmar extended martial law in Sagaing."
    ev = [e for e in events_of(text) if e.evidence.trigger == "extended"][0]
    assert [(a.country, a.sector) for a in ev.source] == [("MMR", "GOV")]


def test_a_state_of_emergency_is_no_actor():
    ev = one(events_of("Ecuador declared a state of emergency after the prison riots."), "COERCE")
    assert not any(a.sector == "GOV" for a in ev.target)


def test_a_groups_name_is_no_town():
    ev = one(events_of("Israel carried out the killing of a Hamas commander in Beirut."),
             "ASSAULT")
    assert ev.location is None or ev.location.country == "LBN", ev.location
    assert [(a.country, a.sector) for a in ev.target] == [("PSE", "REB")]


# --- who "the council", "the group", "it" and a spokesman are --------------------------------

def test_the_council_is_the_council_named_before():
    text = ("Kyiv asked for an emergency session of the UN Security Council. The council will "
            "meet on Friday.")
    ev = one(events_of(text), "CONSULT")
    assert [(a.country, a.sector) for a in ev.source] == [("UNSC", "IGO")]


def test_the_alliance_is_the_intergovernmental_body_named_before():
    text = "NATO defence ministers met in Brussels. The alliance agreed to send more jets."
    ev = [e for e in events_of(text) if e.evidence.trigger == "agreed"][0]
    assert [a.country for a in ev.source] == ["NATO"]


def test_an_unreferred_council_stays_unnamed():
    events = events_of("The council approved new sanctions against Iran.")
    assert all(a.country != "UNSC" for e in events for a in e.source)


def test_a_spokesman_for_a_body_is_of_its_country():
    text = ("Manila protested on Monday. A spokesman for the Chinese foreign ministry warned "
            "the Philippines to stop its provocations.")
    ev = one(events_of(text), "THREATEN")
    assert countries(ev.source) == {"CHN"}


def test_it_after_a_side_saying_where_it_stands_is_that_side():
    text = ("Seoul condemned the launch. Japan said it stood with South Korea and would "
            "strengthen its defences.")
    ev = one(events_of(text), "SUPPORT")
    assert countries(ev.source) == {"JPN"}


def test_a_blast_blamed_on_a_rocket_is_alleged_and_the_rockets():
    events = events_of("Israel blamed an Islamic Jihad rocket for the hospital blast in Gaza.")
    (blast,) = [e for e in of_type(events, "ASSAULT") if e.evidence.trigger == "blast"]
    assert blast.modality == "alleged"
    assert all(a.sector != "HLH" for a in blast.source), "the hospital is where, not who"


def test_a_bomb_as_a_figure_of_speech_is_no_attack():
    assert not of_type(events_of("The minister said the flooding was an environmental bomb."),
                       "ASSAULT")


# --- when what is asked for or agreed happens -----------------------------------------------

on_a_wednesday = coder_on("2024-03-13")


def test_an_act_called_for_on_a_weekday_is_the_coming_one():
    events = on_a_wednesday("The opposition called for a general strike on Saturday.")
    strike = one(events, "PROTEST")
    assert strike.modality == "hypothetical"
    assert str(strike.date) == "2024-03-16"


def test_talks_agreed_for_a_weekday_are_the_coming_ones():
    events = on_a_wednesday("Serbia and Kosovo agreed to resume talks on Monday.")
    talks = [e for e in of_type(events, "CONSULT") if e.modality == "predicted"]
    assert talks and str(talks[0].date) == "2024-03-18"



@pytest.mark.parametrize("text", [
    "US officials said the raid was carried out by Turkey.",
    "Officials in Washington said the raid was carried out by Turkey.",
])
def test_where_the_news_came_from_is_not_where_an_act_was_aimed(text):
    ev = one(events_of(text), "ASSAULT")
    assert "USA" not in countries(ev.target)


def test_by_a_date_is_no_agent():
    ev = one(events_of("Serbia and Kosovo are expected to sign a deal by the end of May."),
             "AGREE")
    assert countries(ev.source) | countries(ev.target) == {"SRB", "XKX"}


def test_cutting_gas_supplies_is_economic_coercion():
    ev = one(events_of("Moscow cut gas supplies to Latvia on Saturday."), "SANCTION")
    assert ev.mode == "economic"
    assert countries(ev.target) == {"LVA"}


@pytest.mark.parametrize("published, pope", [("2019-06-01", "Pope Francis"),
                                             ("2025-09-01", "Pope Leo XIV")])
def test_the_pope_is_the_pope_of_the_day(published, pope):
    ev = one(coder_on(published)("The Pope appealed for a ceasefire in Sudan."), "REQUEST")
    assert [(a.country, a.sector, a.name) for a in ev.source] == [("VAT", "REL", pope)]


def test_summoning_a_charge_daffaires_is_a_diplomatic_complaint():
    ev = one(events_of("Latvia summoned Belarus's charge d'affaires over the incident."),
             "ACCUSE")
    assert ev.mode == "complain"
    assert [(a.country, a.sector) for a in ev.target] == [("BLR", "GOV")]


@pytest.mark.parametrize("text", [
    "Western diplomats in Nairobi urged both sides to show restraint.",
    "Foreign envoys in Kabul called for the release of the prisoners.",
])
def test_envoys_in_a_capital_are_not_its_own(text):
    ev = one(events_of(text), "REQUEST")
    assert all(a.country is None for a in ev.source), ev.source
