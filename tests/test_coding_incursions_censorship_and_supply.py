"""Incursions into another's air and sea, censorship of outlets and online services, weapons
delivered, and who an armed group that took power is on a given day.

"Taiwan said Chinese aircraft entered its air defence zone": a show of force aimed at Taiwan,
whose zone "its" is. "Russia blocked access to YouTube" censors; protesters blocking access to
a bridge obstruct. "Suspended the BBC": a body the knowledge files call a news outlet. "The
Taliban" governed Afghanistan from 15 August 2021. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from coding_help import coder_on, countries, of_type, one

PUB = "2024-03-12"
events_of = coder_on(PUB)


# --- incursions and interceptions -----------------------------------------------------------

@pytest.mark.parametrize("text, intruder, intruded", [
    ("Taiwan said 24 Chinese military aircraft entered its air defence identification zone.",
     "CHN", "TWN"),
    ("Japan said a Chinese coast guard ship entered its territorial waters near the islands.",
     "CHN", "JPN"),
    ("Manila said the Chinese vessels had illegally intruded into its waters.", "CHN", "PHL"),
    ("Estonia said Russian jets violated its airspace on Friday.", "RUS", "EST"),
])
def test_entering_anothers_air_or_sea_is_a_show_of_force_against_it(text, intruder, intruded):
    ev = one(events_of(text), "MOBILIZE")
    assert countries(ev.source) == {intruder}
    assert countries(ev.target) == {intruded}


def test_who_enters_is_not_whose_airspace_it_is():
    # no reporter: "its" is not the intruder's own
    events = events_of("Russian drones entered its airspace twice last week.")
    assert all("RUS" not in countries(e.target) for e in of_type(events, "MOBILIZE"))


def test_a_state_crossing_back_into_its_own_zone_is_no_incursion_word():
    assert not of_type(events_of("The ferry entered the harbour at noon."), "MOBILIZE")


@pytest.mark.parametrize("text, interceptor, intercepted", [
    ("Turkish F-16 jets intercepted a Greek reconnaissance plane over the Aegean.", "TUR", "GRC"),
    ("Chinese fighter jets intercepted a US spy plane over the South China Sea.", "CHN", "USA"),
])
def test_intercepting_a_military_plane(text, interceptor, intercepted):
    ev = one(events_of(text), "MOBILIZE")
    assert ev.mode == "alert"
    assert countries(ev.source) == {interceptor}
    assert {a.sector for a in ev.source} == {"MIL"}  # "fighter jets" are not rebel fighters
    assert countries(ev.target) == {intercepted}


def test_warplanes_sent_into_a_zone_are_no_aid():
    ev = one(events_of("China sent 24 warplanes into Taiwan's air defence zone."), "MOBILIZE")
    assert countries(ev.target) == {"TWN"}
    assert not of_type(events_of("China sent 24 warplanes into Taiwan's air defence zone."),
                       "AID")


def test_own_forces_put_on_readiness_are_not_the_target():
    ev = one(events_of("The Serbian president put the army on the highest state of combat "
                       "readiness."), "MOBILIZE")
    assert ev.mode == "alert"
    assert not ev.target


# --- censorship ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russia blocked access to YouTube and several news sites on Tuesday.",
    "Iran restricted access to Instagram and WhatsApp after the protests began.",
    "The government blocked Telegram for a week.",
])
def test_blocking_an_online_service_is_censorship(text):
    events = events_of(text)
    ev = one(events, "COERCE")
    assert ev.mode == "censor"
    assert not [e for e in of_type(events, "PROTEST") if e.mode == "obstruct"]


def test_blocking_access_to_a_road_is_still_obstruction():
    ev = one(events_of("Farmers blocked access to the bridge with tractors."), "PROTEST")
    assert ev.mode == "obstruct"


@pytest.mark.parametrize("text, outlets", [
    ("Burkina Faso's military government suspended the BBC and Voice of America for two weeks.",
     {"GBR", "USA"}),
    ("Israel shut down Al Jazeera's offices after parliament passed the law.", {"QAT"}),
])
def test_suspending_a_known_news_outlet_is_censorship(text, outlets):
    ev = one(events_of(text), "COERCE")
    assert ev.mode == "censor"
    assert countries(ev.target) & outlets


def test_suspending_what_is_no_outlet_is_no_censorship():
    events = events_of("France suspended a digital tax on American tech companies.")
    assert not [e for e in of_type(events, "COERCE") if e.mode == "censor"]


@pytest.mark.parametrize("text", [
    "Nicaragua stripped 94 opposition figures of their citizenship.",
    "The court stripped the lawmaker of his immunity.",
])
def test_stripping_of_a_right_restricts(text):
    ev = one(events_of(text), "COERCE")
    assert ev.mode == "restrict" and ev.target


# --- weapons delivered, and missions led -----------------------------------------------------

@pytest.mark.parametrize("text, giver, receiver", [
    ("Germany approved the delivery of Leopard tanks to Ukraine.", "DEU", "UKR"),
    ("The Netherlands approved the transfer of F-16 jets to Ukraine.", "NLD", "UKR"),
])
def test_a_delivery_of_weapons_is_military_aid(text, giver, receiver):
    ev = one(events_of(text), "AID")
    assert ev.mode == "military"
    assert countries(ev.source) == {giver}
    assert countries(ev.target) == {receiver}


def test_a_halted_shipment_of_weapons_withdraws_aid():
    ev = one(events_of("Washington halted a shipment of bombs to Israel last week."),
             "SANCTION")
    assert ev.mode == "withdraw-aid"


def test_allies_asked_to_deliver_are_not_the_asker():
    events = events_of("Ukraine's foreign minister called on allies to speed up deliveries of "
                       "air defence systems.")
    ev = one(events, "AID")
    assert "UKR" not in countries(ev.source)


def test_leading_a_security_mission_abroad_is_peacekeeping():
    ev = one(events_of("Kenya will lead a multinational security mission to Haiti."), "AID")
    assert ev.mode == "peacekeeping"
    assert countries(ev.source) == {"KEN"} and countries(ev.target) == {"HTI"}


def test_leading_a_trade_mission_is_not():
    assert not of_type(events_of("The minister will lead a trade mission to Japan."), "AID")


# --- treaties ended and participation frozen -----------------------------------------------

@pytest.mark.parametrize("text, party, other", [
    ("Mali's junta ended a 2015 peace agreement with Tuareg rebels.", "MLI", "MLI"),
    ("India suspended the Indus Waters Treaty with Pakistan.", "IND", "PAK"),
    ("Pashinyan said Armenia would freeze its participation in the CSTO.", "ARM", "CSTO"),
])
def test_ending_or_freezing_an_agreement_is_a_sanction(text, party, other):
    ev = one(events_of(text), "SANCTION")
    assert ev.mode == "suspend-membership"
    assert party in countries(ev.source) and other in countries(ev.target)
    assert not of_type(events_of(text), "AGREE")


def test_an_agreement_that_ends_a_war_ends_no_agreement():
    events = events_of("The agreement ended the war between the two countries.")
    assert not of_type(events, "SANCTION")


def test_struck_oil_is_no_attack_but_an_oil_refinery_struck_is():
    assert not of_type(events_of("The company struck oil off the coast of Guyana."), "ASSAULT")
    ev = one(events_of("Ukrainian drones struck an oil refinery deep inside Russia overnight."),
             "ASSAULT")
    assert countries(ev.source) == {"UKR"} and "RUS" in countries(ev.target)


def test_insulting_a_leader_is_criticism():
    ev = one(events_of("Milei insulted the Spanish prime minister in a speech in Madrid."),
             "ACCUSE")
    assert ev.mode == "criticize" and countries(ev.target) == {"ESP"}


# --- a group that took power ---------------------------------------------------------------

@pytest.mark.parametrize("published, sector", [("2019-05-10", "REB"), ("2023-05-10", "GOV")])
def test_the_taliban_govern_from_the_fall_of_kabul(published, sector):
    ev = one(coder_on(published)("The Taliban banned women from working for aid agencies."),
             "COERCE")
    assert [(a.country, a.sector) for a in ev.source] == [("AFG", sector)]


def test_governs_from_is_read_from_the_knowledge_file():
    from wardrums.data import knowledge

    taliban = next(i for i in knowledge.institutions() if i.name == "Taliban")
    assert taliban.governs_from == dt.date(2021, 8, 15)
    assert taliban.sector_on("2021-08-14") == "REB"
    assert taliban.sector_on(dt.date(2021, 8, 15)) == "GOV"
    assert taliban.sector_on(None) == "REB"


def test_allies_are_not_the_storys_own_country():
    events = events_of("Ukraine urged Western allies to send more air defence systems.")
    aid = one(events, "AID")
    assert "UKR" not in countries(aid.source)


@pytest.mark.parametrize("text, crosser, crossed", [
    ("Moscow claimed that Ukrainian saboteurs had crossed into the Bryansk region.", "UKR",
     "RUS"),
    ("Russian troops crossed into Georgia in August 2008.", "RUS", "GEO"),
])
def test_armed_men_crossing_into_another_country(text, crosser, crossed):
    ev = one(events_of(text), "MOBILIZE")
    assert countries(ev.source) == {crosser} and countries(ev.target) == {crossed}


def test_refugees_crossing_a_border_mobilise_nothing():
    assert not of_type(events_of("Thousands of refugees crossed into Poland on Monday."),
                       "MOBILIZE")


# --- acts not intended, and acts not expected --------------------------------------------------

@pytest.mark.parametrize("text, event_type", [
    ("Seoul said it had no plans to send weapons to Ukraine.", "AID"),
    ("Israel has no intention of attacking Lebanon, the minister said.", "ASSAULT"),
    ("Germany is unlikely to deliver Taurus missiles to Ukraine, the chancellor said.", "AID"),
])
def test_an_act_not_intended_or_not_expected_is_negative(text, event_type):
    ev = one(events_of(text), event_type)
    assert ev.polarity == "negative" and ev.modality == "predicted"


def test_who_has_no_intention_of_acting_is_the_one_who_would_act():
    ev = one(events_of("Israel has no intention of attacking Lebanon."), "ASSAULT")
    assert countries(ev.source) == {"ISR"}


@pytest.mark.parametrize("text, event_type", [
    ("Russia has plans to attack Kyiv again, Ukrainian intelligence said.", "ASSAULT"),
    ("China is likely to hold drills near Taiwan next month.", "MOBILIZE"),
])
def test_an_act_planned_or_expected_stays_positive(text, event_type):
    ev = one(events_of(text), event_type)
    assert ev.polarity == "positive" and ev.modality == "predicted"


@pytest.mark.parametrize("text", [
    "Britain summoned Iran's chargé d'affaires over the execution.",
    "Britain summoned Iran's charge d'affaires over the execution.",
])
def test_an_envoy_written_with_or_without_its_accent(text):
    ev = one(events_of(text), "ACCUSE")
    assert ev.mode == "complain"
    assert countries(ev.source) == {"GBR"} and countries(ev.target) == {"IRN"}


@pytest.mark.parametrize("text, event_type, mode", [
    ("Iran allowed IAEA inspectors access to the Fordow site.", "CONCEDE", "allow-involvement"),
    ("The authorities granted access to the UN inspectors.", "CONCEDE", "allow-involvement"),
])
def test_access_itself_granted_is_still_seen(text, event_type, mode):
    assert one(events_of(text), event_type).mode == mode


def test_one_act_told_by_noun_and_verb_is_one_event():
    events = events_of("A drone strike killed five militants in North Waziristan.")
    assert len(of_type(events, "ASSAULT")) == 1


def test_warships_sent_around_an_island_are_a_show_of_force():
    ev = one(events_of("China sent 45 military aircraft and 12 warships around Taiwan on Monday."),
             "MOBILIZE")
    assert countries(ev.source) == {"CHN"} and countries(ev.target) == {"TWN"}
    assert not of_type(events_of("China sent 45 military aircraft and 12 warships around "
                                 "Taiwan on Monday."), "AID")


# --- "X said it had ...": a state or a force telling its own act ----------------------------

@pytest.mark.parametrize("text, event_type, teller", [
    ("The United States struck Houthi targets. Japan said it had lodged a protest with Beijing.",
     "ACCUSE", "JPN"),
    ("Britain said it had imposed sanctions on Iran's Revolutionary Guards.", "SANCTION", "GBR"),
    ("Pakistan's army said it had killed four militants in Waziristan.", "ASSAULT", "PAK"),
])
def test_a_state_or_force_saying_it_acted_is_the_doer(text, event_type, teller):
    ev = [e for e in of_type(events_of(text), event_type)
          if e.evidence.sentence.startswith(text.split(". ")[-1][:10])][0]
    assert countries(ev.source) == {teller}


def test_an_observer_saying_it_had_hit_is_not_the_doer():
    text = ("Israeli jets struck a school in Gaza on Monday. "
            "Amnesty International said it had hit a shelter housing 500 people.")
    later = [e for e in of_type(events_of(text), "ASSAULT") if "Amnesty" in e.evidence.sentence]
    assert later and not [e for e in later if any(a.sector == "NGO" for a in e.source)]


def test_who_blocks_arms_shipments_does_not_send_them():
    events = events_of("Peacekeepers and the Lebanese army took positions along the border to "
                       "block arms shipments to Hezbollah.")
    assert not [e for e in of_type(events, "AID") if e.source]


def test_arms_shipments_from_a_country_are_its_aid():
    ev = one(events_of("Arms shipments to the Houthis from Iran continued despite the embargo."),
             "AID")
    assert countries(ev.source) == {"IRN"} and countries(ev.target) == {"YEM"}


def test_a_day_after_called_is_no_one_called_upon():
    ev = one(events_of("Netanyahu called Australian Prime Minister Scott Morrison on Wednesday "
                       "to congratulate him on his victory."), "SUPPORT")
    assert countries(ev.source) == {"ISR"}


@pytest.mark.parametrize("text, event_type", [
    ("Police stopped the protesters from marching to parliament.", "PROTEST"),
    ("Turkey barred Russian warships from entering its waters.", "MOBILIZE"),
])
def test_an_act_someone_is_kept_from_does_not_happen(text, event_type):
    ev = one(events_of(text), event_type)
    assert ev.polarity == "negative" and ev.modality == "hypothetical"


def test_militants_said_to_cross_are_not_the_storys_own_forces():
    events = events_of("India said Pakistan should stop helping militants cross into Indian "
                       "Kashmir.")
    assert not [e for e in of_type(events, "MOBILIZE") if "IND" in countries(e.source)]


def test_barred_from_entering_even_when_from_hangs_on_a_relative_clause():
    ev = one(events_of("The order bars ships that have docked at a North Korean port from "
                       "entering U.S. waters for 180 days."), "MOBILIZE")
    assert ev.polarity == "negative"
