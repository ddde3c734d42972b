"""What a sentence reports when it talks about an act: capture of ground, denials,
condemnations, promises and refusals, failures, and acts that are only background."""

from __future__ import annotations

import pytest

import wardrums

PUB = "2024-05-14"


def _code(text: str):
    return wardrums.code(text, published=PUB)


def _types(text: str) -> set[str]:
    return {e.event_type for e in _code(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Government troops captured two rebel camps in the hills over the weekend.",
        "Islamist fighters seized the town of Kidal on Tuesday.",
        "The army took full control of the village after heavy fighting.",
        "The army recaptured Palmyra from the Islamic State.",
        "Government forces regained control of the district on Friday.",
        "Rebels retook the airport late on Sunday.",
    ],
)
def test_capturing_ground_is_military_occupation(text):
    occupy = [e for e in _code(text) if e.event_type == "ASSAULT" and e.mode == "occupy"]
    assert occupy, text
    assert occupy[0].cameo_root == "19" and occupy[0].quad_class == 4
    assert not any(e.event_type == "COERCE" and e.evidence.trigger == occupy[0].evidence.trigger
                   for e in _code(text))


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Police captured the robber in Lagos.", "arrest"),
        ("Iran seized a British tanker in the Strait of Hormuz.", "seize"),
        ("Police seized 40 kilograms of heroin at the port.", None),
    ],
)
def test_capturing_people_or_goods_is_not_occupation(text, mode):
    evs = _code(text)
    assert not any(e.mode == "occupy" for e in evs)
    if mode:
        assert any(e.event_type == "COERCE" and e.mode == mode for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese government has rejected accusations by the United States of genocide in Xinjiang.",
        "North Korea again denied involvement in the cyber attack against Sony Pictures.",
        "The ministry dismissed allegations that its troops had shelled the village.",
    ],
)
def test_denying_an_accusation_is_a_statement_not_the_act(text):
    evs = _code(text)
    deny = [e for e in evs if e.event_type == "REJECT" and e.mode == "deny"]
    assert deny, text
    assert deny[0].cameo_root == "01" and deny[0].quad_class == 1
    # what the accusation alleges is the statement's topic, not an event of this sentence
    assert not {"ASSAULT", "COERCE", "ACCUSE"} & {e.event_type for e in evs}


def test_the_accuser_is_the_target_of_a_denial():
    (deny,) = [e for e in _code("China rejected accusations by the United States of spying.")
               if e.mode == "deny"]
    assert [a.country for a in deny.source] == ["CHN"]
    assert [a.country for a in deny.target] == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        "President Putin condemned the terrorist attack carried out hours ago.",
        "The UN envoy expressed concern about the latest escalation of hostilities in Gaza.",
        "The foreign minister voiced outrage over the bombing of the hospital.",
    ],
)
def test_condemning_or_worrying_about_an_attack_is_not_an_attack(text):
    assert "ASSAULT" not in _types(text)


def test_reporting_an_attack_still_codes_it():
    assert "ASSAULT" in _types("Gunmen attacked a police post in the north on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "The United States and South Korea failed to sign a free-trade deal.",
        "The two sides failed to reach agreement on a prisoner exchange.",
    ],
)
def test_failing_to_agree_is_no_agreement(text):
    evs = _code(text)
    assert not any(e.event_type == "AGREE" and e.polarity == "positive" for e in evs)


def test_calling_off_a_strike_is_no_protest_but_easing_dissent():
    events = _code("The union called off the strike on Monday.")
    assert not [e for e in events if e.event_type == "PROTEST" and e.polarity == "positive"]
    assert [e.mode for e in events if e.event_type == "CONCEDE"] == ["ease-dissent"]


@pytest.mark.parametrize(
    ("text", "category", "root"),
    [
        ("Farc has said it will release the captured sergeant next week.", {"CONCEDE", "RETREAT"}, "03"),
        ("Honduras is willing to withdraw its troops from the border zone.", {"RETREAT"}, "03"),
        ("Israel will not release the prisoners.", {"CONCEDE", "RETREAT"}, "12"),
        ("Hungary says it will not accept any asylum seekers.", {"AID"}, "12"),
    ],
)
def test_promised_or_refused_cooperation_takes_cameo_intent_or_reject(text, category, root):
    evs = [e for e in _code(text) if e.event_type in category]
    assert evs, text
    ev = evs[0]
    assert ev.modality in ("predicted", "hypothetical")
    assert ev.cameo_root == root
    assert ev.quad_class == (1 if root == "03" else 3)


def test_cooperation_that_happened_keeps_its_own_code():
    (ev,) = [e for e in _code("Israel released 20 Palestinian prisoners on Sunday.")
             if e.event_type in ("CONCEDE", "RETREAT")]
    assert ev.modality == "asserted" and ev.cameo_root == "08"


def test_a_threatened_attack_keeps_its_conflict_code():
    evs = [e for e in _code("Russia will attack Ukraine, the minister warned.")
           if e.event_type == "ASSAULT"]
    assert all(e.cameo_root in ("18", "19", "20") for e in evs)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The UN withdrew peacekeepers from one of its stations along the border.", "SANCTION"),
        ("The government expelled humanitarian aid workers from the region.", "SANCTION"),
        ("The United States withdrew its troops from Syria.", "RETREAT"),
    ],
)
def test_withdrawing_a_mission_reduces_relations_withdrawing_troops_is_retreat(text, category):
    evs = _code(text)
    assert category in {e.event_type for e in evs}
    assert "AID" not in {e.event_type for e in evs}  # "aid workers" are the object, not aid


def test_suspending_aid_deliveries_is_a_sanction_not_aid():
    types = _types("The United Nations has suspended aid deliveries in Borno State.")
    assert "SANCTION" in types and "AID" not in types


def test_the_charge_of_an_arrest_is_not_a_new_event():
    types = _types("The opposition leader was arrested for collaborating with a terrorist group.")
    assert "COERCE" in types and "COOPERATE" not in types


def test_a_noun_modifying_the_object_takes_the_verb_subject():
    (ev,) = [e for e in _code("Kuwait launched a mediation effort between the two parties.")
             if e.event_type == "CONSULT"]
    assert [a.country for a in ev.source] == ["KWT"]


def test_ending_mediation_halts_talks():
    evs = _code("France ended mediation efforts with the striking truckers on Thursday.")
    assert any(e.event_type == "SANCTION" and e.mode == "halt-talks" for e in evs)


def test_a_quake_toll_is_no_attack_even_on_a_conjoined_verb():
    text = ("As many as 55 people were killed and 150 were injured after a strong earthquake "
            "rocked the island.")
    assert "ASSAULT" not in _types(text)


def test_explosions_are_no_doers():
    for ev in _code("Two large explosions hit the city of Beirut on Tuesday."):
        assert all("explosion" not in a.name.lower() for a in (*ev.source, *ev.target))


@pytest.mark.parametrize(
    ("text", "mode", "root", "source", "target"),
    [
        ("Russia says Israel must end its air strikes on Syria.", "demand", "10", "RUS", "ISR"),
        ("The EU said Turkey should respect the rights of journalists.", None, "02", None, "TUR"),
        ("Iran's foreign minister defended Tehran's position, saying Washington needs to take "
         "the first step.", "demand", "10", "IRN", "USA"),
    ],
)
def test_a_reported_obligation_is_a_demand_or_an_appeal(text, mode, root, source, target):
    reqs = [e for e in _code(text) if e.event_type == "REQUEST"]
    assert reqs, text
    ev = reqs[0]
    assert ev.mode == mode and ev.cameo_root == root
    assert ev.modality == "asserted" and ev.polarity == "positive"
    if source:
        assert [a.country for a in ev.source] == [source]
    assert target in [a.country for a in ev.target]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the economy must grow faster.",  # no actor is asked
        "Analysts say China must act soon.",  # no speaker the coder can name
        "Turkey must respect the rights of journalists.",  # nobody reports it
    ],
)
def test_no_demand_without_an_asked_actor_and_a_speaker(text):
    assert not any(e.event_type == "REQUEST" and e.mode == "demand" for e in _code(text))


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("Hackers linked to the Chinese government launched cyber-attacks on 141 firms.",
         "COERCE", "cyber"),
        ("Russia launched cyber warfare against the United Kingdom.", "COERCE", "cyber"),
        ("Russia has strengthened its forces in Crimea.", "MOBILIZE", "troops"),
        ("Israeli troops remained on alert along the northern border.", "MOBILIZE", "alert"),
        ("A city court found the former minister guilty of embezzlement.", "COERCE", "arrest"),
        ("The army discovered an underground depot containing weapons and ammunition.",
         "COERCE", "seize"),
        ("At least 100 kg of explosives were discovered near the farms.", "COERCE", "seize"),
    ],
)
def test_more_ways_of_saying_an_act(text, category, mode):
    assert any(e.event_type == category and e.mode == mode for e in _code(text)), text


def test_a_cyber_attack_is_not_an_armed_clash():
    assert not any(e.event_type == "ASSAULT" for e in _code(
        "Hackers linked to the Chinese government launched cyber-attacks on 141 firms."))


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("North Korea has violated a UN ban on ballistic missile tests.", "REJECT", "defy"),
        ("Somalia's president rejected Kenya's call for talks.", "REJECT", "reject"),
        ("The United States rolled back tariffs on Chinese goods.", "CONCEDE", "ease-sanctions"),
        ("The Treasury removed sanctions on five Cuban shipping companies.", "CONCEDE",
         "ease-sanctions"),
        ("A UN expert has called for sanctions against military-run companies.", "REQUEST",
         "demand"),
        ("Britain is deploying 300 troops to the UN peacekeeping mission in Mali.", "AID",
         "peacekeeping"),
        ("Germany provided 6.3 million euros to support projects for refugees.", "AID",
         "economic"),
        ("Eritrea has expelled some of the UN peacekeepers.", "SANCTION", "expel-mission"),
    ],
)
def test_the_act_the_sentence_reports(text, category, mode):
    evs = _code(text)
    best = max(evs, key=lambda e: e.confidence)
    assert (best.event_type, best.mode) == (category, mode), [(e.event_type, e.mode) for e in evs]


def test_a_rejected_request_is_not_also_coded_as_a_request():
    assert "REQUEST" not in _types("Somalia's president rejected Kenya's call for talks.")


def test_troops_massed_without_a_peace_mission_are_mobilisation():
    evs = _code("Russia deployed 3,000 troops to the border with Ukraine.")
    assert any(e.event_type == "MOBILIZE" for e in evs)
    assert not any(e.event_type == "AID" for e in evs)


@pytest.mark.parametrize("text", [
    "The ministers said they agree with the governor that the border should stay open.",
    "Health officials said they agree with the recommendation.",
    "Most voters agree with what the opposition is proposing.",
])
def test_sharing_a_view_is_no_agreement_to_cooperate(text):
    assert not [e for e in _code(text) if e.event_type == "AGREE"]


@pytest.mark.parametrize("text", [
    "Russia agreed with Turkey to set up a buffer zone.",
    "Iran has agreed with the IAEA on a new inspection plan.",
])
def test_agreeing_with_a_party_on_an_act_is_an_agreement(text):
    assert [e for e in _code(text) if e.event_type == "AGREE"]


# --- conditional threats: the speaker threatens whom the condition is about ---------------

@pytest.mark.parametrize("text, target", [
    ('"If the rebels do not lay down their weapons, they will be crushed wherever they are," '
     "the army chief said.", "rebel"),
    ('"If NATO planes enter Ukrainian skies, our forces will treat them as enemy targets," '
     "the Russian defence ministry said.", "NATO"),
    ('"If the U.S. pushes too far, it will pay a heavy price," the Chinese foreign ministry said.',
     "USA"),
    # no actor in the condition: the one who is to pay
    ('"If this situation is not resolved quickly, Iran will pay a heavy price," the British '
     "foreign secretary said.", "IRN"),
])
def test_a_conditional_promise_of_harm_is_a_threat(text, target):
    threats = [e for e in _code(text) if e.event_type == "THREATEN"]
    assert len(threats) == 1, threats  # one statement, one threat
    assert target in {a.country or a.name for a in threats[0].target}
    assert threats[0].modality == "asserted"


@pytest.mark.parametrize("text", [
    '"If we are attacked, we will respond," the army chief said.',
    '"If our troops are attacked, we will respond," the Indian army said.',
])
def test_a_pledge_about_oneself_is_no_threat(text):
    assert "THREATEN" not in _types(text)
