"""outlets.csv and its reader: an outlet's home country as a weak prior for its stories."""

from __future__ import annotations

import collections

import pytest

from wardrums.data import knowledge as kb
from wardrums.data.outlets import KINDS, outlet_country, outlets, parse_outlets

HEADER = "name,aliases,hosts,country,kind\n"


# ------------------------------------------------------------------ the shipped file


def test_every_row_is_valid():
    rows = outlets()
    iso3 = {c.iso3 for c in kb.countries()}
    assert len(rows) >= 500
    for o in rows:
        assert o.country in iso3, o
        assert o.kind in KINDS, o
        assert all(h == h.lower() and not h.startswith("www.") for h in o.hosts), o


def test_the_file_covers_every_region():
    by_country = collections.Counter(o.country for o in outlets() if o.kind == "national")
    assert len(by_country) >= 120
    for iso3 in ("IND", "PAK", "BGD", "NPL", "MMR", "THA", "IDN", "PHL", "IRQ", "SYR", "YEM",
                 "NGA", "KEN", "SOM", "COD", "ZAF", "UKR", "RUS", "FRA", "GBR", "USA", "MEX",
                 "COL", "BRA", "AUS"):
        assert by_country[iso3] >= 2, iso3


def test_no_host_or_unqualified_name_has_two_rows():
    hosts = [h for o in outlets() for h in o.hosts]
    assert len(hosts) == len(set(hosts))


@pytest.mark.parametrize(("source", "iso3"), [
    ("The Hindu", "IND"),
    ("Dawn", "PAK"),
    ("Ekantipur", "NPL"),
    ("The Irrawaddy", "MMR"),
    ("Bangkok Post", "THA"),
    ("Libya Herald", "LBY"),
    ("Radio Dabanga", "SDN"),  # an exile outlet: the country it covers
    ("Premium Times", "NGA"),
    ("Kyiv Independent", "UKR"),
    ("the  hindu", "IND"),  # case and spacing
    ("Press Trust of India", "IND"),  # a mainly domestic agency is national
    ("United News of\u00a0Bangladesh", "BGD"),  # a no-break space
    ("Página/12", "ARG"),
    ("Pagina 12", "ARG"),  # accents and punctuation
    ("The Financial Express (Bangladesh)", "BGD"),
    ("The Times of India (TOI)", "IND"),  # an abbreviation in parentheses
])
def test_known_outlets_resolve(source, iso3):
    assert outlet_country(source, None) == iso3


@pytest.mark.parametrize("source", [
    "Reuters", "Associated Press", "AFP", "Xinhua General News Service", "BBC News",
    "Al Jazeera", "Radio Free Asia", "Voice of America", "ReliefWeb",
])
def test_wires_and_international_outlets_give_no_country(source):
    assert outlet_country(source, None) is None


def test_an_edition_after_a_dash_is_the_outlet_itself():
    assert outlet_country("Agence France Presse - English", None) is None  # not "France"
    assert outlet_country("Dawn - Karachi edition", None) == "PAK"


def test_spacing_inside_a_name_does_not_matter():
    assert outlet_country("News 18", None) == outlet_country("News18", None) == "IND"


def test_a_wire_story_on_a_national_site_is_still_a_wire_story():
    assert outlet_country("Reuters", "https://www.thehindu.com/news/story.ece") is None


def test_a_country_in_parentheses_is_evidence_even_for_an_unlisted_name():
    assert outlet_country("The Morning Bugle (Kenya)", None) == "KEN"
    assert outlet_country("The Telegraph (India)", None) == "IND"
    assert outlet_country("Evening Herald (Lagos)", None) == "NGA"  # a city says it too
    assert outlet_country("Reuters (UK)", None) is None  # a wire stays a wire


def test_a_name_several_countries_share_resolves_only_when_qualified():
    assert outlet_country("The Nation", None) is None
    assert outlet_country("The Nation (Pakistan)", None) == "PAK"
    assert outlet_country("The Nation (Thailand)", None) == "THA"


def test_several_outlets_count_only_when_unanimous():
    assert outlet_country("Xinhua News Agency, The Nation, DVB", None) == "MMR"
    assert outlet_country("The Hindu; Dawn", None) is None
    assert outlet_country("My Republica / Ekantipur", None) == "NPL"


def test_an_unlisted_name_that_names_a_country():
    assert outlet_country("Tanzania Weekly Reporter", None) == "TZA"
    assert outlet_country("Meghalaya Evening Post", None) == "IND"  # a listed region
    assert outlet_country("India Pakistan Review", None) is None


def test_hosts_match_by_registered_domain():
    assert outlet_country(None, "https://www.thehindu.com/news/national/x.ece") == "IND"
    assert outlet_country(None, "https://epaper.thehindu.com/a") == "IND"
    assert outlet_country(None, "http://m.dawn.com/news/1") == "PAK"
    assert outlet_country(None, "https://www.reuters.com/world/asia/x") is None
    assert outlet_country("EKantipur.com", None) == "NPL"  # a host given as the name


def test_country_code_tld_fallback_for_unknown_hosts():
    assert outlet_country(None, "https://unlisted-daily.pk/story/1") == "PAK"
    assert outlet_country(None, "https://news.example.in/a") == "IND"
    assert outlet_country(None, "https://www.example.co.uk/a") == "GBR"
    assert outlet_country(None, "https://example.com.co/a") == "COL"


def test_generic_and_vanity_tlds_give_nothing():
    for url in ("https://example.com/a", "https://example.org/a", "https://example.tv/a",
                "https://example.io/a", "https://t.co/abc", "not a url", ""):
        assert outlet_country(None, url) is None, url
    assert outlet_country(None, None) is None
    assert outlet_country("   ", None) is None


def test_an_unknown_name_falls_back_to_the_url():
    assert outlet_country("Some Local Weekly", "https://www.dawn.com/news/1") == "PAK"


# ------------------------------------------------------------------ validation


def test_unknown_country_is_refused_naming_the_row():
    text = HEADER + "Daily Example,,example.com,XYZ,national\n"
    with pytest.raises(ValueError, match=r"outlets\.csv:2: Daily Example: unknown country 'XYZ'"):
        parse_outlets(text)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match=r":2: .*kind 'tabloid'"):
        parse_outlets(HEADER + "Daily Example,,,GBR,tabloid\n")


def test_a_host_with_www_or_a_path_is_refused():
    with pytest.raises(ValueError, match="host 'www.example.com'"):
        parse_outlets(HEADER + "Daily Example,,www.example.com,GBR,national\n")
    with pytest.raises(ValueError, match="host 'example.com/news'"):
        parse_outlets(HEADER + "Daily Example,,example.com/news,GBR,national\n")


def test_an_alias_listed_for_two_countries_is_refused():
    text = HEADER + "Morning Star (A),,,GBR,national\nDaily Star,Morning Star (A),,USA,national\n"
    with pytest.raises(ValueError, match=r":3: 'Morning Star \(A\)' is also listed on line 2"):
        parse_outlets(text)
    text = HEADER + "The Courier,,,GBR,national\nCourier,,,USA,national\n"
    with pytest.raises(ValueError, match=r":3: 'Courier' is also listed on line 2"):
        parse_outlets(text)


def test_a_shared_name_must_be_qualified_on_every_row():
    text = HEADER + "The Courier,,,GBR,national\nThe Courier (Kenya),,,KEN,national\n"
    with pytest.raises(ValueError, match=r":2: 'The Courier' is listed unqualified for GBR"):
        parse_outlets(text)
    ok = HEADER + "The Courier (UK),,,GBR,national\nThe Courier (Kenya),,,KEN,national\n"
    assert [o.country for o in parse_outlets(ok)] == ["GBR", "KEN"]


def test_a_qualifier_must_match_the_row_country():
    with pytest.raises(ValueError, match=r"names KEN in parentheses but the row's country is GBR"):
        parse_outlets(HEADER + "The Courier (Kenya),,,GBR,national\n")


def test_a_host_listed_twice_is_refused():
    text = HEADER + "One,,example.com,GBR,national\nTwo,,example.com,GBR,national\n"
    with pytest.raises(ValueError, match=r":3: host 'example.com' is also listed on line 2"):
        parse_outlets(text)
