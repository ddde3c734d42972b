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


# --------------------------------------------------------------------------- districts of South Asia
# places.csv lists the districts that the GeoNames tier lacks; together they must cover whole
# administrative levels, and a district named alone must give its country.

NEPAL_DISTRICTS = """
Taplejung Panchthar Ilam Jhapa Morang Sunsari Dhankuta Terhathum Sankhuwasabha Bhojpur
Solukhumbu Okhaldhunga Khotang Udayapur Saptari Siraha Dhanusha Mahottari Sarlahi Rautahat
Bara Parsa Dolakha Sindhupalchok Rasuwa Dhading Nuwakot Kathmandu Bhaktapur Lalitpur
Kavrepalanchok Ramechhap Sindhuli Makwanpur Chitwan Gorkha Lamjung Tanahun Syangja Kaski
Manang Mustang Myagdi Parbat Baglung Nawalparasi_East Nawalparasi_West Rupandehi Kapilvastu
Palpa Arghakhanchi Gulmi Rukum_East Rolpa Pyuthan Dang Banke Bardiya Rukum_West Salyan Dolpa
Humla Jumla Kalikot Mugu Surkhet Dailekh Jajarkot Kailali Achham Doti Bajhang Bajura
Kanchanpur Dadeldhura Baitadi Darchula
""".split()
PAKISTAN_TRIBAL_DISTRICTS = "Bajaur Mohmand Khyber Orakzai Kurram North_Waziristan South_Waziristan"
BANGLADESH_DISTRICTS = """
Bagerhat Bandarban Barguna Barisal Bhola Bogra Brahmanbaria Chandpur Chapainawabganj
Chittagong Chuadanga Comilla Cox's_Bazar Dhaka Dinajpur Faridpur Feni Gaibandha Gazipur
Gopalganj Habiganj Jamalpur Jessore Jhalokati Jhenaidah Joypurhat Khagrachhari Khulna
Kishoreganj Kurigram Kushtia Lakshmipur Lalmonirhat Madaripur Magura Manikganj Meherpur
Moulvibazar Munshiganj Mymensingh Naogaon Narail Narayanganj Narsingdi Natore Netrokona
Nilphamari Noakhali Pabna Panchagarh Patuakhali Pirojpur Rajbari Rajshahi Rangamati Rangpur
Satkhira Shariatpur Sherpur Sirajganj Sunamganj Sylhet Tangail Thakurgaon
""".split()
SRI_LANKA_DISTRICTS = """
Colombo Gampaha Kalutara Kandy Matale Nuwara_Eliya Galle Matara Hambantota Jaffna Kilinochchi
Mannar Vavuniya Mullaitivu Batticaloa Ampara Trincomalee Kurunegala Puttalam Anuradhapura
Polonnaruwa Badulla Monaragala Ratnapura Kegalle
""".split()
AFGHANISTAN_PROVINCES = """
Badakhshan Badghis Baghlan Balkh Bamyan Daykundi Farah Faryab Ghazni Ghor_Province Helmand Herat
Jowzjan Kabul Kandahar Kapisa Khost Kunar Kunduz Laghman Logar Nangarhar Nimroz Nuristan
Paktia Paktika Panjshir Parwan Samangan Sar-e_Pol Takhar Uruzgan Wardak Zabul
""".split()


@pytest.mark.parametrize(("names", "iso3"), [
    (NEPAL_DISTRICTS, "NPL"),
    (PAKISTAN_TRIBAL_DISTRICTS.split(), "PAK"),
    (BANGLADESH_DISTRICTS, "BGD"),
    (SRI_LANKA_DISTRICTS, "LKA"),
    (AFGHANISTAN_PROVINCES, "AFG"),
])
def test_every_district_of_a_level_resolves_to_its_country(names, iso3):
    from wardrums.coding import geo

    assert len(names) == len(set(names))
    wrong = {}
    for name in names:
        name = name.replace("_", " ")
        place = geo.lookup(name, prefer=(iso3,), small=True)
        if place is None or place.country_iso3 != iso3:
            # a name that is also a word is listed with its designator ("Gorkha District")
            place = geo.lookup(f"{name} District", prefer=(iso3,), small=True) or place
        if place is None or place.country_iso3 != iso3:
            wrong[name] = place
    assert wrong == {}


@pytest.mark.parametrize(("text", "iso3"), [
    ("Police fired on protesters in Dhanusha district on Sunday.", "NPL"),
    ("Madhesi activists blocked the highway in Saptari and Siraha for a third day.", "NPL"),
    ("Security forces killed three militants during an operation in Orakzai on Tuesday.", "PAK"),
    ("Gunmen attacked a police checkpoint in the Khyber tribal district.", "PAK"),
    ("Tribal elders staged a sit-in at Parachinar after the Kurram road was closed.", "PAK"),
    ("Maoists torched two trucks in Sukma on Friday.", "IND"),
    ("Two porters were wounded by shelling in Poonch.", "IND"),
    ("Supporters of the two parties clashed in Kishoreganj.", "BGD"),
    ("Families of the disappeared protested in Mullaitivu.", "LKA"),
    ("Farmers staged a dharna in Mansa over crop losses.", "IND"),
])
def test_a_district_alone_sets_the_focus_country(nlp, text, iso3):
    assert _focus_country(nlp, split_sentences(text, ()), False) == iso3


def test_district_event_takes_the_districts_country_for_place_and_actors():
    evs = _events("Police fired on protesters in Dhanusha district on Sunday.")
    assert evs
    loc = evs[0].location
    assert loc.country == "NPL" and loc.place == "Dhanusha"
    assert loc.lat == pytest.approx(26.8, abs=0.3) and loc.lon == pytest.approx(85.9, abs=0.3)
    assert any(a.country == "NPL" for ev in evs for a in (*ev.source, *ev.target))


def test_a_district_name_shared_by_two_countries_follows_the_article(nlp):
    text = "Protesters clashed with police in Dang. Nepal Police said four were hurt."
    assert _focus_country(nlp, split_sentences(text, ()), False) == "NPL"
    text = "Protesters clashed with police in Dang. The Gujarat police said four were hurt."
    assert _focus_country(nlp, split_sentences(text, ()), False) == "IND"
    text = "Zambian police dispersed opposition supporters in Mansa."
    assert _focus_country(nlp, split_sentences(text, ()), False) == "ZMB"


@pytest.mark.parametrize("text", [
    "A SWAT team raided the house after a long stand-off.",
    "Officers tried to swat away questions about the raid.",
    "The tank rolled over a parked car.",
    "Gorkha veterans marched to demand equal pensions.",
])
def test_district_names_that_are_words_need_their_designator(nlp, text):
    assert _focus_country(nlp, split_sentences(text, ()), False) is None


@pytest.mark.parametrize("text, country", [
    ("Israeli jets struck a target in the Gaza Strip's eastern border regions.", "PSE"),
    ("Turkish drones struck a convoy in Syria's northern provinces.", "SYR"),
])
def test_a_part_of_a_place_named_by_its_owner_is_in_the_owners_country(text, country):
    strike = next(e for e in _events(text) if e.event_type == "ASSAULT")
    assert strike.location.country == country
    assert country in {a.country for a in strike.target}  # a foreign force's act there


def test_a_part_named_by_an_owner_that_is_no_place_is_nowhere():
    evs = _events("Troops shelled positions in the rebels' border area.")
    assert all(e.location is None or e.location.country is None for e in evs)
