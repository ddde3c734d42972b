"""Which act is a sentence's news, acts of giving and yielding, and who the unnamed are.

"Iran announced the release of two Kuwaitis *who had been arrested*": the release is the
news, the arrest its background, whatever the sentence classifier thinks its words are
about. Giving aid, troops or a dinner; leaving a treaty; declaring a ceasefire. Civilians
killed in a named place are that place's people. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, countries, names, of_type, one

from wardrums.evaluation.tasks import main_event

PUB = "2021-04-14"
events_of = coder_on(PUB)


# --- the news of a sentence, not its background --------------------------------------------

@pytest.mark.parametrize("text, news, background", [
    ("Iran's Foreign Ministry announced the release of two Kuwaiti nationals who had been "
     "recently arrested for illegal entry into Iranian waters.", "RETREAT", "COERCE"),
    ("The United States removed sanctions on five shipping companies that had been "
     "blacklisted for links to Cuba.", "CONCEDE", "SANCTION"),
])
def test_the_main_event_is_the_news_not_a_relative_clause(text, news, background):
    events = events_of(text)
    assert of_type(events, background), "the background act is still coded"
    assert main_event(events).event_type == news


@pytest.mark.parametrize("text, news, background", [
    # a clause after a temporal conjunction is the background of the main clause's act
    ("Police arrested ten young men in the town after they attacked a bus with stones.",
     "COERCE", "ASSAULT"),
    ("The government lifted the curfew in the capital hours after soldiers fired on "
     "protesters.", "CONCEDE", "ASSAULT"),
    # what a release ends is its background, and so is what happened inside that
    # (a release is CONCEDE or RETREAT by whom it frees: "release" stands for either)
    ("Belarus released the journalist Anna Petrova after ten months in detention.",
     "release", "COERCE"),
    ("Authorities freed the blogger Omar Saleh along with four activists arrested last week "
     "during a police raid on a newspaper office.", "release", "COERCE"),
])
def test_the_news_outranks_what_it_followed_or_ended(text, news, background):
    events = events_of(text)
    assert of_type(events, background), "the background act is still coded"
    main = main_event(events)
    assert news in (main.event_type, main.mode), \
        [(e.event_type, e.evidence.trigger, e.confidence) for e in events]


def test_arrests_told_by_the_main_verb_beside_a_release_stay_news():
    events = events_of("Police arrested five men and released two others on Sunday.")
    assert main_event(events).event_type == "COERCE"


# --- giving -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, giver, receiver", [
    ("The Canadian development agency gave $2 million to Nigeria's agricultural sector.",
     "CAN", "NGA"),
    ("The EU handed over medical supplies to the Nigerian government.", "EU", "NGA"),
    # a headline's present tense the tagger takes for a noun
    ("EU and UN hand over urgently needed medical supplies to the Nigerian Government.",
     "EU", "NGA"),
])
def test_handing_over_or_giving_aid_is_aid(text, giver, receiver):
    aid = one(events_of(text), "AID")
    assert giver in countries(aid.source)
    assert countries(aid.target) == {receiver}


@pytest.mark.parametrize("text, giver, receiver", [
    ("Some 160 Chinese peacekeepers arrived in South Sudan on Thursday.", "CHN", "SSD"),
    ("Colombia contributed 300 troops to the NATO-led security force.", "COL", "NATO"),
    ("Kenya contributed to the peacekeeping mission in Somalia.", "KEN", "SOM"),
])
def test_peacekeepers_sent_or_arriving_are_peacekeeping_aid(text, giver, receiver):
    aid = one(events_of(text), "AID")
    assert aid.mode == "peacekeeping"
    assert countries(aid.source) == {giver}
    assert countries(aid.target) == {receiver}, "what is given is not who it is given to"


def test_peacekeepers_arriving_at_no_country_give_nothing():
    assert not of_type(events_of("The peacekeepers arrived at the scene after the shooting."),
                       "AID")


@pytest.mark.parametrize("text, coded", [
    ("Modi hosted a dinner for Netanyahu in New Delhi.", True),
    ("The club hosted a dinner for its members.", False),
])
def test_a_dinner_hosted_for_a_leader_is_a_visit_hosted(text, coded):
    hosted = [e for e in of_type(events_of(text), "CONSULT") if e.mode == "host"]
    assert bool(hosted) == coded
    if coded:
        assert countries(hosted[0].source) == {"IND"}
        assert countries(hosted[0].target) == {"ISR"}


# --- yielding and walking away ------------------------------------------------------------

def test_announcing_a_cease_fire_is_halting_fire_not_an_agreement():
    events = events_of("Afghan President Ashraf Ghani on Thursday announced a weeklong "
                       "cease-fire with the Taliban.")
    halt = one(events, "RETREAT")
    assert halt.mode == "ceasefire"
    assert not of_type(events, "AGREE")


@pytest.mark.parametrize("text, modality", [
    ("Saudi Arabia ended the curfew in Riyadh on Sunday.", "asserted"),
    ("The government removed restrictions on travel to the border region.", "asserted"),
    ("The Honduran government will suspend the curfew in the capital.", "predicted"),
])
def test_ending_or_suspending_a_restriction_eases_it(text, modality):
    eased = one(events_of(text), "CONCEDE")
    assert eased.mode == "ease-restrictions"
    assert eased.modality == modality


def test_ending_a_regimes_rule_is_no_eased_restriction():
    assert not of_type(events_of("The coup ended civilian rule in Niger."), "CONCEDE")


@pytest.mark.parametrize("text, leaver", [
    ("President Trump reneged on the nuclear accord with Iran on Tuesday.", "USA"),
    ("Russia backed out of the grain deal.", "RUS"),
    ("Washington abandoned the INF treaty.", "USA"),
    ("Britain tore up the Northern Ireland protocol.", "GBR"),
])
def test_walking_away_from_a_treaty_reduces_relations(text, leaver):
    events = events_of(text)
    left = one(events, "SANCTION")
    assert left.mode == "suspend-membership"
    assert leaver in countries((*left.source, *left.target))
    assert not of_type(events, "AGREE"), "the treaty left is not a treaty signed"


# --- what is asked for, feared or threatened -----------------------------------------------

@pytest.mark.parametrize("text, event_type, modality", [
    ("Kenya rejected Somalia's call for talks.", "CONSULT", "hypothetical"),
    ("The Taliban spurned repeated offers of peace talks.", "CONSULT", "hypothetical"),
    ("Police arrested activists in anticipation of mass protests.", "PROTEST", "predicted"),
    ("Markets fell amid fears of a Russian invasion of Ukraine.", "ASSAULT", "hypothetical"),
])
def test_an_act_asked_for_or_feared_has_not_happened(text, event_type, modality):
    assert one(events_of(text), event_type).modality == modality


def test_a_conditional_threat_is_made_and_aimed_where_the_act_would_be():
    events = events_of("Hezbollah threatened to shell Haifa, Israel's third largest city, "
                       "if Israel hits Beirut.")
    threat = one(events, "THREATEN")
    assert threat.modality == "asserted", "the condition is the threatened act's, not the threat's"
    assert countries(threat.source) == {"LBN"}
    assert countries(threat.target) == {"ISR"}


# --- who did it and to whom ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kurdish prisoner Serkan Tumay has died as a result of the torture he was subjected to.",
    "An Iranian political prisoner died due to continued torture.",
])
def test_who_died_of_an_assault_suffered_it(text):
    torture = one(events_of(text), "ASSAULT")
    assert not torture.source, "the one who died did not torture"
    assert torture.target


def test_who_is_responsible_for_killings_did_them():
    killing = one(events_of("The Los Zetas cartel has been responsible for mass killings in "
                            "northern Mexico."), "ASSAULT")
    assert "cartel" in " ".join(names(killing.source))


def test_an_event_noun_tagged_as_an_adjective_is_still_coded_with_its_doer():
    assault = one(events_of("A Russia-backed Syrian regime offensive on the last major rebel "
                            "bastion in the country's northwest has displaced more than "
                            "500,000 people since January."), "ASSAULT")
    assert countries(assault.source) == {"SYR"}, "the backer is not the doer"


@pytest.mark.parametrize("text, doer", [
    ("Russia-backed separatists shelled Mariupol in eastern Ukraine.", "UKR"),
    ("US-trained Afghan forces retook the town of Musa Qala.", "AFG"),
])
def test_a_patron_before_a_noun_is_not_its_country(text, doer):
    assert countries(one(events_of(text), "ASSAULT").source) == {doer}


def test_unnamed_victims_are_of_the_place_the_act_was_done():
    # a Washington story: the article's country is the United States, the civilians Syrians
    # (a place alone does not move them: gazetteer matches of village names can mislead)
    events = events_of("WASHINGTON (Reuters) - The Pentagon said on Monday that US warplanes "
                       "had pounded a village near Hasaka in northern Syria, killing six civilians.")
    killing = [e for e in of_type(events, "ASSAULT") if "civilian" in names(e.target)]
    assert killing and countries(killing[0].target) == {"SYR"}
    assert all(countries(e.source) == {"USA"} for e in of_type(events, "ASSAULT"))


def test_people_sent_abroad_keep_the_articles_country():
    events = events_of("KHARTOUM, April 25 (wardrums test text) - Sudan's army and the RSF "
                       "agreed to a truce on Monday. Diplomats said envoys of the two generals "
                       "were likely to meet in Saudi Arabia for talks.")
    talks = one(events, "CONSULT")
    assert countries(talks.source) == {"SDN"}, "a meeting abroad does not make envoys Saudis"


@pytest.mark.parametrize("text, asker, asked", [
    ("South Korea demanded an apology from Tokyo over the remarks.", "KOR", "JPN"),
    ("Iran sought compensation from Britain for the seizure of its tanker.", "IRN", "GBR"),
])
def test_what_is_demanded_from_someone_is_demanded_of_them(text, asker, asked):
    demand = one(events_of(text), "REQUEST")
    assert countries(demand.source) == {asker}
    assert countries(demand.target) == {asked}


@pytest.mark.parametrize("text, wrong", [
    ("Iran sought compensation from Britain for the seizure of its tanker.", "COERCE"),
    ("Families of the victims demanded justice for the massacre.", "ASSAULT"),
])
def test_the_wrong_redress_is_sought_for_is_not_the_askers_act(text, wrong):
    events = events_of(text)
    assert all("IRN" not in countries(e.source) and "family" not in names(e.source)
               for e in of_type(events, wrong))


def test_the_people_sheltered_are_who_the_aid_is_for():
    aid = one(events_of("Bangladesh said it would continue to shelter the refugees."), "AID")
    assert aid.target, "the sheltered are the aid's target, not a thing given"
