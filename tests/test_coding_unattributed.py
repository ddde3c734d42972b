"""Violence whose doer the sentence does not name is still an event, with an implied
unidentified doer (UAF); accidents, denials and talk about an attack are not."""

from __future__ import annotations

import pytest

import wardrums

PUB = "2024-03-08"


def _assaults(text: str):
    return [e for e in wardrums.code(text, published=PUB) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Nine people were killed and 30 injured in a suicide bombing at a bus stop.",
        "Seven killed as gunmen storm a village in the north.",
        "A roadside bomb went off near an army convoy on the highway.",
        "Heavy fighting broke out in the border town late on Tuesday.",
        "Two bus passengers were shot dead on the ring road.",
        "Skirmishes erupted along the frontier overnight.",
    ],
)
def test_unnamed_doer_becomes_an_unidentified_attacker(text):
    evs = _assaults(text)
    assert evs, f"no ASSAULT in {text!r}"
    assert all(e.polarity == "positive" and e.modality == "asserted" for e in evs)
    # no side named at all -> the implied doer: no words of its own, unidentified armed (UAF)
    for ev in evs:
        if not any(a.text for a in (*ev.source, *ev.target)):
            assert [(a.text, a.sector) for a in ev.source] == [("", "UAF")]


@pytest.mark.parametrize(
    "text",
    [
        "Five workers were killed when a boiler exploded at the textile mill.",
        "Eleven people were killed in a road accident on the expressway.",
        "A landslide killed four villagers after days of heavy rain.",
        "No shots were fired during the stand-off, officials said.",
        "Nobody was hurt and no one was killed, the police said.",
        "Nobody was killed in the blast, the fire service said.",
        "If the talks fail, fighting could break out again.",
        "Dozens were injured after torrential rain sent mudslides through hill villages.",
        "The explosion occurred at a fertiliser plant outside the city, police said.",
    ],
)
def test_accidents_denials_and_conditionals_stay_out(text):
    positive = [e for e in _assaults(text) if e.polarity == "positive"
                and e.modality in ("asserted", "alleged")]
    assert positive == [], [(e.evidence.trigger, [a.name for a in e.source]) for e in positive]


def test_the_implied_doer_takes_the_articles_country():
    text = ("Pakistan's interior ministry ordered an inquiry on Monday. "
            "Twelve were killed in a suicide bombing near Quetta.")
    implied = [a for e in _assaults(text) for a in e.source if a.text == "" and a.sector == "UAF"]
    assert implied and implied[0].country == "PAK"


def test_named_victims_keep_the_doer_unknown_rather_than_invented():
    evs = _assaults("Three policemen were killed in an ambush near Quetta.")
    assert evs and any(a.sector == "COP" for e in evs for a in e.target)
    assert not any(a.sector == "UAF" and a.text == "" for e in evs for a in e.source)


def test_a_named_doer_is_not_replaced():
    evs = _assaults("Rebels killed nine soldiers in an ambush on Monday.")
    assert evs and evs[0].source[0].sector == "REB"
    assert all(a.text for e in evs for a in e.source)
