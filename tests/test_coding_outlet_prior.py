"""The publishing outlet's country as a weak prior for an article's focus country: it decides
an unnamed local actor's country when the text names no place, and gives way to any place the
text names."""

from __future__ import annotations

import datetime as dt

from wardrums.coding.coder import code_article
from wardrums.records import Article

PUB = dt.date(2016, 3, 14)


def events(text: str, source: str | None = None, url: str | None = None):
    evs = code_article(Article(id="t", text=text, published=PUB, source=source, url=url))
    assert evs, f"no event coded in {text!r}"
    return evs


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


ARREST = "Police arrested five protesters on Monday."


def test_an_outlet_gives_an_unplaced_story_its_country():
    ev = events(ARREST, source="Dawn")[0]
    assert countries(ev.source) == ["PAK"] and ev.source[0].sector == "COP"
    assert countries(ev.target) == ["PAK"]


def test_the_outlet_can_come_from_the_url_alone():
    ev = events(ARREST, url="https://www.thehindu.com/news/national/article1.ece")[0]
    assert countries(ev.source) == ["IND"]


def test_a_country_in_parentheses_after_an_unlisted_outlet_counts():
    ev = events(ARREST, source="The Morning Bugle (Kenya)")[0]
    assert countries(ev.source) == ["KEN"]


def test_a_wire_gives_no_prior():
    ev = events(ARREST, source="Reuters")[0]
    assert countries(ev.source) == [None]


def test_a_place_in_the_text_outweighs_the_outlet():
    text = "Gunmen attacked a police checkpoint in Kabul on Monday, killing three officers."
    evs = events(text, source="The Hindu")
    assert "AFG" in {a.country for e in evs for a in (*e.source, *e.target)}
    assert "IND" not in {a.country for e in evs for a in (*e.source, *e.target)}


def test_the_outlet_decides_a_name_two_countries_share():
    ev = events("Congress leaders marched through the town on Friday.", source="Ekantipur")[0]
    assert countries(ev.source) == ["NPL"]


def test_a_country_guessed_from_the_outlet_adds_no_confidence():
    # the outlet fills in the country but does not make the event look better read: the
    # main event of an unplaced story is the one it was without the outlet
    bare, = events(ARREST)
    guessed, = events(ARREST, source="Dawn")
    assert guessed.confidence == bare.confidence
    named, = events("Police arrested five protesters in Karachi on Monday.", source="Dawn")
    assert named.confidence > guessed.confidence
