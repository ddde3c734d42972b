"""Actor resolution: states by every name, metonyms, institutions, people by title, groups."""

from __future__ import annotations

import pytest

import wardrums

PUB = "2017-10-12"


def actors_of(text, published=PUB):
    events = wardrums.code(text, published=published)
    assert events, f"no event coded in {text!r}"
    return events[0]


def codes(actors):
    return [(a.country, a.sector) for a in actors]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Moscow condemned the decision.", ("RUS", "GOV")),
        ("Pyongyang condemned the decision.", ("PRK", "GOV")),
        ("Damascus condemned the decision.", ("SYR", "GOV")),
        ("The Hermit Kingdom condemned the decision.", ("PRK", "GOV")),
        ("The Kremlin condemned the decision.", ("RUS", "GOV")),
        ("The Pentagon condemned the decision.", ("USA", "MIL")),
        ("The State Department condemned the decision.", ("USA", "GOV")),
        ("The CIA condemned the decision.", ("USA", "SPY")),
        ("NATO condemned the decision.", ("NATO", "IGO")),
        ("The U.S. condemned the decision.", ("USA", "GOV")),
        ("Britain condemned the decision.", ("GBR", "GOV")),
        ("Russian troops attacked the village.", ("RUS", "MIL")),
        ("Iranian police arrested the protesters.", ("IRN", "COP")),
        ("The Russian Foreign Ministry condemned the decision.", ("RUS", "GOV")),
        ("Hezbollah condemned the decision.", ("LBN", "REB")),
    ],
)
def test_source_resolution(text, source):
    ev = actors_of(text)
    assert codes(ev.source)[0] == source


def test_us_pronoun_is_not_the_united_states():
    ev = actors_of("They attacked us near the border, Ukrainian soldiers said.")
    assert "USA" not in [a.country for a in ev.target]


def test_title_then_bare_surname_is_the_same_actor():
    text = ("Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
            "Lavrov accused Washington of arming Kurdish militias.")
    ev = [e for e in wardrums.code(text, published=PUB) if e.event_type == "ACCUSE"][0]
    assert codes(ev.source) == [("RUS", "GOV")]
    assert "Lavrov" in ev.source[0].name


def test_unknown_person_with_title_and_demonym():
    text = ("Ruritanian-born Turkish Defence Minister Ahmet Yildirimoglu visited the troops. "
            "Yildirimoglu condemned the attack.")
    accuse = [e for e in wardrums.code(text, published=PUB) if e.event_type == "ACCUSE"][0]
    assert accuse.source[0].country == "TUR"
    assert accuse.source[0].sector == "GOV"


def test_role_depends_on_date():
    # Known office-holders are resolved through their dated roles.
    ev = actors_of("Obama condemned the attack.", published="2014-03-02")
    assert codes(ev.source) == [("USA", "GOV")]


def test_pronoun_refers_back_to_the_last_person():
    text = ("Chinese Foreign Minister Wang Yi met reporters in Beijing on Monday. "
            "He accused India of provoking the clash.")
    ev = [e for e in wardrums.code(text, published=PUB) if e.event_type == "ACCUSE"][0]
    assert codes(ev.source) == [("CHN", "GOV")]
    assert [a.country for a in ev.target] == ["IND"]


def test_unnamed_police_belong_to_the_story_country():
    text = ("NAIROBI - Kenya's opposition called for new protests on Monday. "
            "Police fired tear gas at protesters in the capital.")
    evs = [e for e in wardrums.code(text, published=PUB) if e.evidence.sentence.startswith("Police")]
    assert evs and evs[0].source[0].country == "KEN"
    assert evs[0].source[0].sector == "COP"


def test_groups_get_sectors():
    ev = actors_of("Militants attacked an army convoy in Kashmir.")
    assert ev.source[0].sector == "REB"


def test_conjoined_actors_are_all_listed():
    ev = actors_of("Russia and China condemned the new sanctions.")
    assert {a.country for a in ev.source} == {"RUS", "CHN"}


@pytest.mark.parametrize("text, sector", [
    ("Rebels attacked the convoy.", "REB"),
    ("Militias attacked the convoy.", "REB"),
    ("Soldiers stormed the village.", "MIL"),
])
def test_a_plural_first_word_keeps_its_sector(text, sector):
    # a capitalised plural at the start may be tagged a proper noun the lemmatiser leaves whole
    assert [a.sector for a in actors_of(text).source] == [sector]
