"""The coder on sentences written for these tests: types, arguments, voice, several events."""

from __future__ import annotations

import pytest

import wardrums

PUB = "2017-10-12"  # a Thursday


def codes(text: str, published: str = PUB):
    return wardrums.code(text, published=published)


def triples(events):
    return {(e.event_type, tuple(a.country for a in e.source), tuple(a.country for a in e.target))
            for e in events}


def one(events, event_type):
    found = [e for e in events if e.event_type == event_type]
    assert found, f"no {event_type} in {[(e.event_type, e.evidence.trigger) for e in events]}"
    return found[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moscow accused Washington of meddling in its elections.", ("ACCUSE", ("RUS",), ("USA",))),
        ("The Kremlin condemned the Pentagon on Wednesday.", ("ACCUSE", ("RUS",), ("USA",))),
        ("Russia expelled two American diplomats.", ("SANCTION", ("RUS",), ("USA",))),
        # embassy staff are diplomats too, however the compound chain is parsed
        ("Russia expelled two US Embassy staff members.", ("SANCTION", ("RUS",), ("USA",))),
        ("The European Union imposed new sanctions on Iran.", ("SANCTION", ("EU",), ("IRN",))),
        ("China and South Korea signed a trade agreement on Monday.", ("AGREE", ("CHN",), ("KOR",))),
        ("Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Tokyo.",
         ("CONSULT", ("JPN",), ("IND",))),
        ("Pyongyang threatened to strike Guam.", ("THREATEN", ("PRK",), ())),
        ("Israeli warplanes struck targets in Gaza.", ("ASSAULT", ("ISR",), ())),
        ("The United Nations sent food aid to Yemen.", ("AID", ("UN",), ("YEM",))),
        ("Turkey called on NATO to support its operation.", ("REQUEST", ("TUR",), ("NATO",))),
    ],
)
def test_type_source_target(text, expected):
    event_type, source, target = expected
    ev = one(codes(text), event_type)
    assert tuple(a.country for a in ev.source) == source
    if target:
        assert tuple(a.country for a in ev.target) == target


def test_passive_voice_swaps_arguments():
    ev = one(codes("Ukrainian soldiers were attacked by Russian troops near Donetsk."), "ASSAULT")
    assert [a.country for a in ev.source] == ["RUS"]
    assert [a.sector for a in ev.source] == ["MIL"]
    assert [a.country for a in ev.target] == ["UKR"]


def test_several_events_in_one_sentence():
    events = codes("Washington expelled Russian diplomats and closed the Russian consulate in San Francisco.")
    types = [e.event_type for e in events]
    assert types.count("SANCTION") >= 1
    assert all(e.source and e.source[0].country == "USA" for e in events)


def test_nominal_event_with_demonym_source():
    ev = one(codes("The Russian shelling of Mariupol killed four civilians."), "ASSAULT")
    assert "RUS" in [a.country for a in ev.source]


def test_evidence_offsets_point_into_the_text():
    text = "Analysts met on Monday. Later, Iran seized a British tanker in the Strait of Hormuz."
    ev = one(codes(text), "COERCE")
    assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.sentence
    assert text[ev.evidence.trigger_start:ev.evidence.trigger_end] == ev.evidence.trigger
    src = ev.source[0]
    assert text[src.start:src.end] == src.text


def test_no_event_without_trigger():
    assert codes("The weather in Moscow was mild and the markets were calm.") == []


def test_event_ids_are_deterministic():
    text = "Russia expelled two American diplomats on Friday."
    assert [e.event_id for e in codes(text)] == [e.event_id for e in codes(text)]


def test_record_fields_from_the_plover_table():
    ev = one(codes("Government troops attacked rebel positions in Idlib."), "ASSAULT")
    assert ev.quad_class == 4
    assert ev.intensity < 0
    assert len(ev.cameo_root) == 2
    assert 0 < ev.confidence <= 1


@pytest.mark.parametrize("text, event_type, mode", [
    # British "burnt" reaches the parser like "burned"
    ("Protesters in the capital on Monday burnt effigies of the prime minister.", "PROTEST",
     "demonstrate"),
    # party office-holders and other titled people are people one can beat
    ("A district secretary of the party was beaten by two men on Sunday.", "ASSAULT", "beat"),
])
def test_acts_on_people_and_effigies(text, event_type, mode):
    ev = one(codes(text), event_type)
    assert ev.mode == mode


@pytest.mark.parametrize("text", [
    "The farmers burnt stubble in their fields after the harvest.",
    "The ruling party's candidate beat his rival by 2,000 votes.",
])
def test_burning_waste_and_winning_votes_are_no_events(text):
    assert not [e for e in codes(text) if e.event_type in ("COERCE", "ASSAULT", "PROTEST")]


def test_diplomatic_expulsions_are_a_sanction_not_a_deportation():
    events = codes("The administration targeted Russia with sweeping sanctions and diplomatic "
                   "expulsions.")
    assert [e.mode for e in events if e.event_type == "SANCTION"].count("diplomatic") == 1
    assert not [e for e in events if e.event_type == "COERCE"]


def test_flying_into_an_air_defence_zone_is_no_restriction():
    text = ("Five military planes entered the Air Defence Identification Zone on Monday, "
            "prompting fighter jets to scramble.")
    assert not [e for e in codes(text) if e.event_type == "COERCE"]


@pytest.mark.parametrize("text, event_type, mode", [
    # a group ending its own protest eases dissent (CAMEO 082), a concession
    ("The teachers' union called off its week-long strike on Thursday.", "CONCEDE", "ease-dissent"),
    ("Farmers ended their sit-in outside the ministry after the talks.", "CONCEDE", "ease-dissent"),
    # manhandling and roughing up are beatings
    ("Police manhandled a reporter outside the court on Monday.", "ASSAULT", "beat"),
    ("Guards roughed up two reporters outside the court.", "ASSAULT", "beat"),
])
def test_ending_a_protest_and_rough_handling(text, event_type, mode):
    ev = one(codes(text), event_type)
    assert ev.mode == mode


def test_calling_off_air_strikes_is_no_concession():
    events = codes("The president called off strikes on the rebel bases at the last minute.")
    assert not [e for e in events if e.event_type == "CONCEDE"]


def test_refusing_to_end_a_strike_is_not_a_concession():
    events = codes("The miners said they will not end the strike until their pay is restored.")
    assert not [e for e in events if e.event_type == "CONCEDE" and e.polarity == "positive"
                and e.modality == "asserted"]


def test_mobilising_funds_is_no_military_mobilisation():
    events = codes("The European Union is mobilising additional funds for the reconstruction.")
    assert not [e for e in events if e.event_type == "MOBILIZE"]



def test_fighting_reported_from_a_place_happened():
    events = codes("Heavy fighting was reported in the eastern district on Monday.")
    assert [e for e in events if e.event_type == "ASSAULT" and e.modality == "asserted"]


def test_subject_hung_on_the_auxiliary_is_still_the_doer():
    # the parser hangs "The United Kingdom" on "have" when "however" sits between them
    ev = one(codes("The United Kingdom and France however have opposed resolutions in the United "
                   "Nations on cluster munitions."), "REJECT")
    assert "GBR" in {a.country for a in ev.source}


def test_who_reports_a_bombing_did_not_do_it():
    text = ("Suicide bombers are suspected to be behind the twin blasts that rocked a church "
            "in Jolo last Sunday, Interior Secretary Ramon Dizon said Friday")
    for ev in codes(text):
        if ev.event_type == "ASSAULT":
            assert "Ramon Dizon" not in {a.name for a in ev.source}, ev.source


@pytest.mark.parametrize("text, event_type, mode, target", [
    # freed people are the target even when the text does not say who freed them
    ("Hundreds of political prisoners have been released over the last few days.",
     "RETREAT", "release", "prisoner"),  # a sector noun: named by its lemma, of sector OPP
    ("The rebels set free nearly three dozen hostages on Sunday.", "RETREAT", "release", None),
    ("The agency provided shelter materials to 2,000 families after the floods.", "AID", None,
     None),
])
def test_releases_and_relief(text, event_type, mode, target):
    ev = one(codes(text), event_type)
    assert ev.mode == mode
    if target is not None:
        assert target in {a.name for a in ev.target}
