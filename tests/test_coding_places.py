"""Tests for event locations (wardrums.coding.places via the coder) and the focus country."""

from __future__ import annotations

import datetime as dt

import pytest

from wardrums.coding.coder import _focus_country, code_article
from wardrums.nlp import split_sentences
from wardrums.records import Article

PUB = dt.date(2015, 1, 2)


def _events(text: str):
    return code_article(Article(id="t", text=text, published=PUB))


def test_town_named_after_a_locative_preposition_gives_city_and_point():
    evs = _events("Protesters clashed with police in Ahmedabad on Monday.")
    assert evs
    loc = evs[0].location
    assert loc.country == "IND" and loc.place == "Ahmedabad"
    assert loc.lat == pytest.approx(23.0, abs=0.2) and loc.lon == pytest.approx(72.6, abs=0.2)


def test_province_gives_its_country():
    evs = _events("Rioters torched a bus in Uttar Pradesh.")
    assert evs and evs[0].location.country == "IND"


@pytest.mark.parametrize(("text", "iso3"), [
    ("A man was killed in an attack in Parbatipur upazila in Dinajpur on Thursday night.", "BGD"),
    ("Police fired tear gas at protesters in Aflao in the Volta region.", "GHA"),
    ("Police arrested twenty rioters after clashes in Ahmedabad.", "IND"),
])
def test_towns_alone_set_the_focus_country(nlp, text, iso3):
    assert _focus_country(nlp, split_sentences(text, ()), False) == iso3


def test_unnamed_domestic_actor_takes_the_country_of_the_towns(nlp):
    evs = _events("Police fired tear gas at protesters in Aflao in the Volta region.")
    assert any(a.country == "GHA" for ev in evs for a in (*ev.source, *ev.target))


def test_countries_still_count_more_than_a_town(nlp):
    text = ("Kenyan police arrested opposition supporters in Nairobi, Kenya, and Kisumu. "
            "A visitor from Aflao was also held.")
    assert _focus_country(nlp, split_sentences(text, ()), False) == "KEN"


def test_shared_province_name_follows_the_article(nlp):
    text = "Farmers protested in Punjab. Indian police detained dozens near Amritsar."
    assert _focus_country(nlp, split_sentences(text, ()), False) == "IND"
    text = "Farmers protested in Punjab. Pakistani police detained dozens near Lahore."
    assert _focus_country(nlp, split_sentences(text, ()), False) == "PAK"


def test_small_town_sets_the_focus_country_and_the_location(nlp):
    text = "Police fired tear gas at protesters in Rueso district on Sunday."
    assert _focus_country(nlp, split_sentences(text, ()), False) == "THA"
    evs = _events(text)
    assert evs and evs[0].location.country == "THA" and evs[0].location.place == "Rueso"
    assert any(a.country == "THA" for ev in evs for a in (*ev.source, *ev.target))


def test_small_town_names_outside_a_locative_context_set_no_country(nlp):
    text = "Mayo told reporters that police had detained two protesters."
    assert _focus_country(nlp, split_sentences(text, ()), False) is None
    text = "police fired tear gas at protesters in rueso on sunday."
    assert _focus_country(nlp, split_sentences(text, ()), True) is None
