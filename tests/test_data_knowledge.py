"""The actor knowledge files (countries, institutions, IGOs, people, places, sectors) and
their loader, wardrums.data.knowledge: completeness, consistency and spot checks of facts."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from pathlib import Path

import pytest

from wardrums.data import knowledge as kb
from wardrums.data import user_actors


@pytest.fixture(autouse=True, scope="module")
def _no_user_actors_file():
    """The built-in data only: a developer's ~/.config/wardrums/actors.csv must not leak in."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(user_actors.ENV_VAR, "")
        kb.reload()
        yield
    kb.reload()

# The 193 UN member states (ISO 3166-1 alpha-3), as the reference for countries.csv.
UN_MEMBERS = frozenset(
    """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
)
REQUIRED_EXTRAS = frozenset({"PSE", "XKX", "TWN", "VAT", "ESH", "HKG", "GRL", "PRI"})

# Phrases allowed to stand for more than one country (case-insensitive). Empty on purpose:
# ambiguous words are left out of countries.csv or given to one country only.
ALLOWED_COUNTRY_AMBIGUITY: frozenset[str] = frozenset()

# Phrases allowed to name two different entries across all files (country, capital, demonym,
# nickname, institution, IGO, place, sector noun). "Congress" is the US Congress as a name and
# any country's congress as a common noun ("Peru's congress").
ALLOWED_CROSS_FILE_AMBIGUITY: frozenset[str] = frozenset({"congress"})

# Offices with one holder at a time: no two people may overlap in the same country.
SINGLE_HOLDER_ROLES = frozenset(
    {
        "president",
        "prime minister",
        "chancellor",
        "monarch",
        "supreme leader",
        "foreign minister",
        "defence minister",
        "vice president",
        "crown prince",
        "secretary-general",
        "acting president",
        "general secretary",
        "high representative",
        "president of the european commission",
        "president of the european council",
        "director general",
        "managing director",
        "chief of the general staff",
        "chief of army staff",
        "cia director",
        "pope",
    }
)


def _phrases_of_country(c: kb.Country) -> list[str]:
    return [c.name, *c.aliases, *c.demonyms, *c.capitals, *c.nicknames]


# --------------------------------------------------------------------------- countries


def test_all_un_members_and_required_extras_present():
    codes = {c.iso3 for c in kb.countries()}
    assert len(UN_MEMBERS) == 193
    assert UN_MEMBERS - codes == set()
    assert REQUIRED_EXTRAS - codes == set()


def test_country_codes_well_formed_and_unique():
    rows = kb.countries()
    iso3 = [c.iso3 for c in rows]
    iso2 = [c.iso2 for c in rows]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in iso3)
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in iso2)
    assert len(set(iso3)) == len(iso3)
    assert len(set(iso2)) == len(iso2)
    assert len({c.name.lower() for c in rows}) == len(rows)


def test_a_country_code_names_its_country_and_any_other_code_itself():
    assert kb.country_name("UKR") == "Ukraine"
    assert kb.country_name("IGO") == "IGO"


def test_no_country_phrase_maps_to_two_countries():
    owners: dict[str, set[str]] = defaultdict(set)
    for c in kb.countries():
        for phrase in _phrases_of_country(c):
            owners[phrase.lower()].add(c.iso3)
    clashes = {
        p: sorted(o) for p, o in owners.items() if len(o) > 1 and p not in ALLOWED_COUNTRY_AMBIGUITY
    }
    assert clashes == {}


def test_no_phrase_names_two_entries_across_files():
    owners: dict[str, set[str]] = defaultdict(set)
    for c in kb.countries():
        for phrase in _phrases_of_country(c):
            owners[phrase.lower()].add(f"country:{c.iso3}")
    for inst in kb.institutions():
        for phrase in (inst.name, *inst.aliases):
            owners[phrase.lower()].add(f"institution:{inst.name}")
    for igo in kb.igos():
        for phrase in (igo.code, igo.name, *igo.aliases):
            owners[phrase.lower()].add(f"igo:{igo.code}")
    for pl in kb.places():
        for phrase in (pl.name, *pl.aliases):
            owners[phrase.lower()].add(f"place:{pl.name}")
    for noun in kb.sector_nouns():
        owners[noun].add(f"noun:{noun}")
    clashes = {
        p: sorted(o)
        for p, o in owners.items()
        if len(o) > 1 and p not in ALLOWED_CROSS_FILE_AMBIGUITY
    }
    assert clashes == {}


def test_ambiguous_demonyms_are_left_out_or_single():
    owners = defaultdict(set)
    for c in kb.countries():
        for d in c.demonyms:
            owners[d.lower()].add(c.iso3)
    assert "korean" not in owners
    assert "kurdish" not in owners
    assert owners["congolese"] == {"COD"}
    assert owners["dominican"] == {"DOM"}
    assert owners["georgian"] == {"GEO"}
    assert owners["indian"] == {"IND"}


# --------------------------------------------------------------------------- sectors


def test_every_sector_used_is_defined():
    defined = set(kb.sectors())
    used = (
        {i.sector for i in kb.institutions()}
        | {p.sector for p in kb.people()}
        | set(kb.sector_nouns().values())
        | set(kb.titles().values())
        | {i.sector for i in kb.igos()}
    )
    assert used - defined == set()
    assert {"GOV", "MIL", "COP", "REB", "UAF", "CVL", "IGO", "NGO"} <= defined
    assert all(s.description for s in kb.sectors().values())


def test_sector_nouns_and_titles_are_lower_case_and_many():
    nouns = kb.sector_nouns()
    assert len(kb._phrase_map(kb._sectors_file(), "nouns", "sectors.yaml")) >= 150
    assert all(k == k.lower() and k == " ".join(k.split()) for k in nouns)
    assert all(k == k.lower() for k in kb.titles())
    # institution patterns are multiword and live in one file only
    patterns = kb.institution_patterns()
    assert all(len(p.split()) > 1 for p in patterns)
    own = kb._phrase_map(kb._sectors_file(), "nouns", "sectors.yaml")
    assert set(patterns) & set(own) == set()


# --------------------------------------------------------------------------- institutions, IGOs


def test_institution_and_igo_keys_unique():
    names = [i.name.lower() for i in kb.institutions()]
    assert len(set(names)) == len(names)
    codes = [i.code for i in kb.igos()]
    assert len(set(codes)) == len(codes)
    assert set(codes) & {c.iso3 for c in kb.countries()} == set()
    assert all(i.sector in {"IGO", "NGO"} for i in kb.igos())


def test_references_point_to_known_countries_or_igos():
    known = {c.iso3 for c in kb.countries()} | {i.code for i in kb.igos()}
    iso3 = {c.iso3 for c in kb.countries()}
    assert {i.country for i in kb.institutions() if i.country is not None} - known == set()
    assert {p.country for p in kb.people()} - known == set()
    assert {p.country for p in kb.places() if p.country is not None} - iso3 == set()


def test_kb_ids_are_qids_and_consistent_per_person():
    qid = re.compile(r"Q[1-9]\d*")
    ids = [x.kb_id for x in (*kb.institutions(), *kb.igos(), *kb.people()) if x.kb_id]
    assert all(qid.fullmatch(i) for i in ids)
    by_name: dict[str, set[str]] = defaultdict(set)
    for p in kb.people():
        if p.kb_id:
            by_name[p.name].add(p.kb_id)
    assert {n: s for n, s in by_name.items() if len(s) > 1} == {}
    owner: dict[str, set[str]] = defaultdict(set)
    for p in kb.people():
        if p.kb_id:
            owner[p.kb_id].add(p.name)
    assert {q: s for q, s in owner.items() if len(s) > 1} == {}


# --------------------------------------------------------------------------- people


def test_people_dates_ordered_and_keys_unique():
    rows = kb.people()
    keys = [(p.name, p.role, p.start) for p in rows]
    assert len(set(keys)) == len(keys)
    assert all(p.end is None or p.start <= p.end for p in rows)
    assert all(p.start >= dt.date(1950, 1, 1) for p in rows)
    assert all(p.end is None or p.end <= dt.date(2027, 1, 1) for p in rows)


def test_a_persons_terms_in_one_role_do_not_overlap():
    groups: dict[tuple[str, str], list[kb.Person]] = defaultdict(list)
    for p in kb.people():
        groups[(p.name, p.role)].append(p)
    bad = [
        (a.name, a.role, a.start, b.start)
        for terms in groups.values()
        for a, b in itertools.combinations(terms, 2)
        if _overlap(a, b)
    ]
    assert bad == []


def test_single_holder_offices_never_have_two_holders():
    groups: dict[tuple[str, str], list[kb.Person]] = defaultdict(list)
    for p in kb.people():
        if p.role in SINGLE_HOLDER_ROLES:
            groups[(p.country, p.role)].append(p)
    bad = [
        (a.country, a.role, a.name, b.name)
        for terms in groups.values()
        for a, b in itertools.combinations(terms, 2)
        if a.name != b.name and _overlap(a, b)
    ]
    assert bad == []


def _overlap(a: kb.Person, b: kb.Person) -> bool:
    far = dt.date.max
    return a.start < (b.end or far) and b.start < (a.end or far)


def test_p5_leaders_present():
    roles = {(p.country, p.role) for p in kb.people()}
    for iso3 in ("USA", "RUS", "CHN", "GBR", "FRA"):
        assert (iso3, "foreign minister") in roles
        assert (iso3, "defence minister") in roles
    for iso3 in (
        "DEU",
        "JPN",
        "IND",
        "BRA",
        "TUR",
        "SAU",
        "IRN",
        "ISR",
        "UKR",
        "PRK",
        "KOR",
        "SYR",
        "PAK",
        "AFG",
        "ITA",
        "CAN",
        "AUS",
        "MEX",
        "IDN",
        "ZAF",
        "ARG",
        "EGY",
        "VEN",
    ):
        assert any(p.country == iso3 for p in kb.people()), iso3


# --------------------------------------------------------------------------- places


def test_places_in_range_and_unique():
    rows = kb.places()
    assert len(rows) >= 150
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in rows)
    names = [p.name.lower() for p in rows]
    assert len(set(names)) == len(names)
    kinds = {"city", "region", "island", "sea", "strait", "waterway", "area", "facility"}
    assert {p.kind for p in rows} <= kinds
    capitals = {cap.lower() for c in kb.countries() for cap in c.capitals}
    assert {n for p in rows for n in (p.name, *p.aliases)} & capitals == set()


# --------------------------------------------------------------------------- halves


def test_halves_name_each_half_from_either_side():
    table = kb.halves()
    assert table["north"]["KOR"] == table["north"]["PRK"] == "PRK"
    assert table["south"]["KOR"] == table["south"]["PRK"] == "KOR"
    assert set(table["north"]) == set(table["south"])


@pytest.mark.parametrize("text, problem", [
    ("halves:\n  - {north: PRK, south: XYZ}\n", "unknown country 'XYZ'"),
    ("halves:\n  - {north: PRK}\n", "exactly the keys north and south"),
    ("halves:\n  - {north: PRK, south: KOR}\n  - {north: SDN, south: KOR}\n",
     "KOR is already in another pair"),
])
def test_a_bad_halves_file_names_its_problem(monkeypatch, text, problem):
    real = kb._package_text
    monkeypatch.setattr(kb, "_package_text",
                        lambda fname: text if fname == "halves.yaml" else real(fname))
    kb.halves.cache_clear()
    try:
        with pytest.raises(ValueError, match=re.escape(problem)):
            kb.halves()
    finally:
        monkeypatch.undo()
        kb.halves.cache_clear()


# --------------------------------------------------------------------------- descriptions


def test_descriptions_say_which_countries_a_noun_fits():
    table = kb.descriptions()
    assert table["country"] is None and table["nation"] is None  # any country
    assert {"TWN", "CYP", "LKA"} <= table["island"] and "CHN" not in table["island"]
    assert {"SAU", "JOR"} <= table["kingdom"] and "IRN" not in table["kingdom"]
    assert all(noun == noun.lower() and " " not in noun for noun in table)


@pytest.mark.parametrize("text, problem", [
    ("descriptions:\n  island: [TWN, XYZ]\n", "unknown countries ['XYZ']"),
    ("descriptions:\n  island: []\n", "give 'any' or a list of ISO3 codes"),
    ("descriptions:\n  Island: any\n", "'Island' must be one lower-case word"),
])
def test_a_bad_descriptions_file_names_its_problem(monkeypatch, text, problem):
    real = kb._package_text
    monkeypatch.setattr(kb, "_package_text",
                        lambda fname: text if fname == "descriptions.yaml" else real(fname))
    kb.descriptions.cache_clear()
    try:
        with pytest.raises(ValueError, match=re.escape(problem)):
            kb.descriptions()
    finally:
        monkeypatch.undo()
        kb.descriptions.cache_clear()


@pytest.mark.parametrize("value, problem", [
    ("someday", "governs_from 'someday' is not a YYYY-MM-DD date"),
    ("[2021]", "governs_from must be a date like 2021-08-15"),
])
def test_a_bad_governs_from_names_the_institution(monkeypatch, value, problem):
    text = ("institutions:\n"
            f"  - {{name: Taliban, country: AFG, sector: REB, aliases: [], kb_id: null, "
            f"governs_from: {value}}}\npatterns: []\n")
    real = kb._package_text
    monkeypatch.setattr(kb, "_package_text",
                        lambda fname: text if fname == "institutions.yaml" else real(fname))
    kb._institutions_file.cache_clear()
    kb.institutions.cache_clear()
    try:
        with pytest.raises(ValueError, match=re.escape(problem)):
            kb.institutions()
    finally:
        monkeypatch.undo()
        kb._institutions_file.cache_clear()
        kb.institutions.cache_clear()


def test_groups_that_took_power_govern_from_that_day():
    dated = {i.name: i.governs_from for i in kb.institutions() if i.governs_from}
    assert dated == {"Taliban": dt.date(2021, 8, 15),
                     "Hayat Tahrir al-Sham": dt.date(2024, 12, 8)}


# --------------------------------------------------------------------------- spot checks


def _country_of(phrase: str) -> str:
    hits = {
        c.iso3
        for c in kb.countries()
        if phrase.lower() in {x.lower() for x in _phrases_of_country(c)}
    }
    assert len(hits) == 1, (phrase, hits)
    return hits.pop()


def _institution(phrase: str) -> kb.Institution:
    hits = [
        i for i in kb.institutions() if phrase.lower() in {x.lower() for x in (i.name, *i.aliases)}
    ]
    assert len(hits) == 1, phrase
    return hits[0]


def _holders(alias: str, role: str, on: str) -> set[tuple[str, str, str]]:
    return {
        (p.name, p.country, p.sector)
        for p in kb.people()
        if p.role == role and p.active_on(on) and alias in (p.name, *p.aliases)
    }


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("Moscow", "RUS"),
        ("Pyongyang", "PRK"),
        ("the Hermit Kingdom", "PRK"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Brussels", "BEL"),
        ("Jerusalem", "ISR"),
        ("Ramallah", "PSE"),
        ("Taipei", "TWN"),
        ("Uncle Sam", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("Britons", "GBR"),
        ("DPRK", "PRK"),
        ("ROK", "KOR"),
        ("Burma", "MMR"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Czechia", "CZE"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Holland", "NLD"),
        ("Swaziland", "SWZ"),
        ("Macedonia", "MKD"),
        ("Emirati", "ARE"),
        ("Saudis", "SAU"),
        ("Filipino", "PHL"),
        ("Philippine", "PHL"),
        ("Turk", "TUR"),
        ("Afghan", "AFG"),
        ("New Delhi", "IND"),
        ("Tehran", "IRN"),
        ("Teheran", "IRN"),
        ("the Middle Kingdom", "CHN"),
        ("Down Under", "AUS"),
        ("the Emerald Isle", "IRL"),
        ("Washington", "USA"),
    ],
)
def test_country_phrases(phrase, iso3):
    assert _country_of(phrase) == iso3


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Kremlin", "RUS", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("White House", "USA", "GOV"),
        ("State Department", "USA", "GOV"),
        ("CIA", "USA", "SPY"),
        ("FBI", "USA", "COP"),
        ("Downing Street", "GBR", "GOV"),
        ("MI6", "GBR", "SPY"),
        ("Elysee", "FRA", "GOV"),
        ("Bundestag", "DEU", "LEG"),
        ("PLA", "CHN", "MIL"),
        ("Xinhua", "CHN", "MED"),
        ("IRGC", "IRN", "MIL"),
        ("Mossad", "ISR", "SPY"),
        ("IDF", "ISR", "MIL"),
        ("Knesset", "ISR", "LEG"),
        ("FSB", "RUS", "SPY"),
        ("Duma", "RUS", "LEG"),
        ("KCNA", "PRK", "MED"),
        ("Hamas", "PSE", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("Houthis", "YEM", "REB"),
        ("Ansar Allah", "YEM", "REB"),
        ("Taliban", "AFG", "REB"),
        ("ISIS", None, "REB"),
        ("Daesh", None, "REB"),
        ("al-Qaeda", None, "REB"),
        ("al-Shabaab", "SOM", "REB"),
        ("Boko Haram", "NGA", "REB"),
        ("PKK", "TUR", "REB"),
        ("Fatah", "PSE", "PTY"),
        ("Reuters", "GBR", "MED"),
        ("AFP", "FRA", "MED"),
    ],
)
def test_institutions(phrase, country, sector):
    inst = _institution(phrase)
    assert (inst.country, inst.sector) == (country, sector)


def test_isis_kb_id():
    assert _institution("ISIL").kb_id == "Q2429253"


# --------------------------------------------------------------------------- domestic unrest actors

# Countries whose domestic unrest news names parties, wings, security forces and armed groups:
# each has at least one named security body and one party or non-state group.
UNREST_COUNTRIES = (
    "IND PAK BGD NPL LKA AFG MMR THA KHM VNM LAO MYS IDN PHL NGA CMR NER MLI BFA TCD SDN SSD "
    "ETH SOM KEN UGA COD CAF MOZ BDI ZWE ZAF LBY EGY TUN DZA YEM IRQ SYR LBN IRN TUR ISR PSE "
    "COL VEN MEX BRA PER ECU HTI UKR RUS"
).split()


def test_unrest_countries_have_security_forces_and_political_or_armed_groups():
    sectors: dict[str | None, set[str]] = defaultdict(set)
    for inst in kb.institutions():
        sectors[inst.country].add(inst.sector)
    no_security = [c for c in UNREST_COUNTRIES if not sectors[c] & {"COP", "MIL", "SPY"}]
    no_groups = [c for c in UNREST_COUNTRIES if not sectors[c] & {"PTY", "REB", "CRM", "OPP"}]
    assert (no_security, no_groups) == ([], [])


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("CRPF", "IND", "COP"),
        ("Border Security Force", "IND", "COP"),
        ("Assam Rifles", "IND", "MIL"),
        ("NDFB", "IND", "REB"),
        ("Naxalites", "IND", "REB"),
        ("Frontier Corps", "PAK", "MIL"),
        ("Sindh Rangers", "PAK", "MIL"),
        ("CTD", "PAK", "COP"),
        ("Border Guard Bangladesh", "BGD", "COP"),
        ("Bangladesh Rifles", "BGD", "COP"),
        ("RAB", "BGD", "COP"),
        ("DGFI", "BGD", "SPY"),
        ("Jatiya Sramik League", "BGD", "PTY"),
        ("Armed Police Force", "NPL", "COP"),
        ("LTTE", "LKA", "REB"),
        ("ANDSF", "AFG", "MIL"),
        ("NDS", "AFG", "SPY"),
        ("KIA", "MMR", "REB"),
        ("NLD", "MMR", "PTY"),
        ("Pyu Saw Htee", "MMR", "MIL"),
        ("BRN", "THA", "REB"),
        ("ISOC", "THA", "MIL"),
        ("Communist Party of Vietnam", "VNM", "PTY"),
        ("Lao People's Revolutionary Party", "LAO", "PTY"),
        ("PNP", "PHL", "COP"),
        ("TNI", "IDN", "MIL"),
        ("Densus 88", "IDN", "COP"),
        ("PDRM", "MYS", "COP"),
        ("DSS", "NGA", "SPY"),
        ("Civilian JTF", "NGA", "MIL"),
        ("Amotekun", "NGA", "COP"),
        ("GSU", "KEN", "COP"),
        ("KDF", "KEN", "MIL"),
        ("UPDF", "UGA", "MIL"),
        ("FARDC", "COD", "MIL"),
        ("ADF rebels", "COD", "REB"),
        ("Anti-balaka", "CAF", "REB"),
        ("Séléka", "CAF", "REB"),
        ("Imbonerakure", "BDI", "PTY"),
        ("Frelimo", "MOZ", "PTY"),
        ("SAPS", "ZAF", "COP"),
        ("ZRP", "ZWE", "COP"),
        ("ENDF", "ETH", "MIL"),
        ("Somali National Army", "SOM", "MIL"),
        ("SPLM-N", "SDN", "REB"),
        ("SSPDF", "SSD", "MIL"),
        ("SPLA-IO", "SSD", "REB"),
        ("FAMa", "MLI", "MIL"),
        ("Islamic State in the Greater Sahara", "MLI", "REB"),
        ("VDP", "BFA", "MIL"),
        ("CNSP", "NER", "GOV"),
        ("Chadian National Army", "TCD", "MIL"),
        ("BIR", "CMR", "MIL"),
        ("Amba Boys", "CMR", "REB"),
        ("Government of National Accord", "LBY", "GOV"),
        ("Central Security Forces", "EGY", "COP"),
        ("Counter-Terrorism Service", "IRQ", "MIL"),
        ("Syrian Arab Army", "SYR", "MIL"),
        ("Internal Security Forces", "LBN", "COP"),
        ("Presidential Leadership Council", "YEM", "GOV"),
        ("FARAJA", "IRN", "COP"),
        ("HPG", "TUR", "REB"),
        ("Magav", "ISR", "COP"),
        ("Tanzim", "PSE", "REB"),
        ("ESMAD", "COL", "COP"),
        ("SEBIN", "VEN", "SPY"),
        ("colectivos", "VEN", "MIL"),
        ("Los Zetas", "MEX", "CRM"),
        ("BOPE", "BRA", "COP"),
        ("National Police of Peru", "PER", "COP"),
        ("Los Choneros", "ECU", "CRM"),
        ("Haitian National Police", "HTI", "COP"),
        ("National Guard of Ukraine", "UKR", "MIL"),
        ("Akhmat", "RUS", "MIL"),
        ("AQIM", None, "REB"),
    ],
)
def test_domestic_unrest_institutions(phrase, country, sector):
    inst = _institution(phrase)
    assert (inst.country, inst.sector) == (country, sector)


# Phrases left out on purpose (see the header of institutions.yaml): ordinary words, and codes
# or names that two countries' bodies share.
@pytest.mark.parametrize(
    "phrase",
    ["AL", "FC", "JI", "SAD", "NSG", "ADF", "Rangers", "Levies", "Intelligence Bureau",
     "Punjab Police", "Ansar al-Sharia", "ASWJ", "SAA", "ISF", "GNA", "SLA", "FACT"],
)
def test_ambiguous_phrases_are_left_out(phrase):
    inst = {p.lower() for i in kb.institutions() for p in (i.name, *i.aliases)}
    assert phrase.lower() not in inst


@pytest.mark.parametrize(
    ("sentence", "phrase", "country", "sector"),
    [
        ("CRPF jawans fired tear gas at the crowd.", "CRPF", "IND", "COP"),
        ("Two BSF men were injured near the border fence.", "BSF", "IND", "COP"),
        ("NDFB cadres were arrested in a raid.", "NDFB", "IND", "REB"),
        ("Rangers personnel raided a house in Lyari.", "Rangers personnel", "PAK", "MIL"),
        ("The Frontier Corps said it had killed four militants.", "Frontier Corps", "PAK", "MIL"),
        ("LeT militants attacked the camp.", "LeT", "PAK", "REB"),
        ("The Border Guard Bangladesh detained two smugglers.", "Border Guard Bangladesh",
         "BGD", "COP"),
        ("KIA troops shelled a junta outpost.", "KIA", "MMR", "REB"),
        ("BRN insurgents detonated a roadside bomb.", "BRN", "THA", "REB"),
        ("ADF rebels raided a village at night.", "ADF rebels", "COD", "REB"),
        ("FARDC soldiers retook the town.", "FARDC", "COD", "MIL"),
        ("Imbonerakure members beat an opposition supporter.", "Imbonerakure", "BDI", "PTY"),
        ("The SPLM-IO accused the SSPDF of shelling its bases.", "SSPDF", "SSD", "MIL"),
        ("Colectivos on motorbikes fired at the marchers.", "Colectivos", "VEN", "MIL"),
        ("FAMa units patrolled the road to Gao.", "FAMa", "MLI", "MIL"),
    ],
)
def test_gazetteer_resolves_domestic_unrest_actors(nlp, sentence, phrase, country, sector):
    from wardrums.coding.gazetteer import gazetteer

    doc = nlp.make_doc(sentence)
    found = {doc[m.start:m.end].text: m.best() for m in gazetteer().mentions(doc)}
    assert (found[phrase].country, found[phrase].sector) == (country, sector)


@pytest.mark.parametrize(
    "sentence",
    [
        "Let them go, the officer said.",  # LeT (Lashkar-e-Taiba) keeps its case
        "He paid 500 lei for the ticket.",  # LeI (Lashkar-e-Islam)
        "Kia recalled thousands of cars.",  # KIA (Kachin Independence Army)
        "Park rangers found the poachers' camp.",
        "The ADF said the frigate had returned to port.",  # the Australian Defence Force
        "The fama of the town spread.",  # FAMa (Malian Armed Forces)
    ],
)
def test_ordinary_words_name_no_institution(nlp, sentence):
    from wardrums.coding.gazetteer import gazetteer

    doc = nlp.make_doc(sentence)
    kinds = [e.kind for m in gazetteer().mentions(doc) for e in m.entries]
    assert "institution" not in kinds


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("troops", "MIL"),
        ("troop", "MIL"),
        ("soldier", "MIL"),
        ("police", "COP"),
        ("riot police", "COP"),
        ("protester", "CVL"),
        ("gunman", "UAF"),
        ("gunmen", "UAF"),
        ("rebel", "REB"),
        ("foreign ministry", "GOV"),
        ("air force", "MIL"),
        ("security forces", "MIL"),
        ("refugee", "REF"),
        ("journalist", "MED"),
        ("student", "EDU"),
        ("smuggler", "CRM"),
        ("prime minister", "GOV"),
        ("judge", "JUD"),
        ("lawmaker", "LEG"),
        ("cleric", "REL"),
        # people held are civilians by being held, unless held for their politics
        ("prisoner", "CVL"),
        ("inmate", "CVL"),
        ("detainee", "CVL"),
        ("suspect", "CVL"),
        ("political prisoner", "OPP"),
        # followers are civilians unless what they follow says otherwise (coding.actors)
        ("supporter", "CVL"),
        ("household", "CVL"),
    ],
)
def test_sector_nouns(noun, sector):
    assert kb.sector_nouns()[noun] == sector


@pytest.mark.parametrize(
    ("title", "sector"),
    [
        ("president", "GOV"),
        ("foreign minister", "GOV"),
        ("gen.", "MIL"),
        ("sen.", "LEG"),
        ("ayatollah", "REL"),
        ("pope", "REL"),
        ("secretary of state", "GOV"),
        ("adm.", "MIL"),
        ("ssp", "COP"),
        ("sp", "COP"),
        ("sub-inspector", "COP"),
    ],
)
def test_titles(title, sector):
    assert kb.titles()[title] == sector


@pytest.mark.parametrize(
    ("code", "sector"),
    [
        ("UN", "IGO"),
        ("UNSC", "IGO"),
        ("NATO", "IGO"),
        ("EU", "IGO"),
        ("AU", "IGO"),
        ("IAEA", "IGO"),
        ("ICC", "IGO"),
        ("ICRC", "NGO"),
        ("MSF", "NGO"),
        ("HRW", "NGO"),
    ],
)
def test_igos(code, sector):
    assert kb.igo_by_code()[code].sector == sector


def test_lavrov_biden_trump():
    assert _holders("Lavrov", "foreign minister", "2017-10-01") == {("Sergei Lavrov", "RUS", "GOV")}
    assert _holders("Biden", "president", "2022-06-01") == {("Joe Biden", "USA", "GOV")}
    assert _holders("Biden", "president", "2018-06-01") == set()
    assert _holders("Trump", "president", "2018-06-01") == {("Donald Trump", "USA", "GOV")}
    assert _holders("Trump", "president", "2025-06-01") == {("Donald Trump", "USA", "GOV")}
    assert _holders("Trump", "president", "2022-06-01") == set()


def test_putin_roles_by_date():
    roles = {
        on: {p.role for p in kb.people() if p.name == "Vladimir Putin" and p.active_on(on)}
        for on in ("2005-01-01", "2010-01-01", "2020-01-01")
    }
    assert roles == {
        "2005-01-01": {"president"},
        "2010-01-01": {"prime minister"},
        "2020-01-01": {"president"},
    }


def test_active_on_end_is_exclusive_and_accepts_datetimes():
    obama = next(p for p in kb.people() if p.name == "Barack Obama")
    assert obama.active_on(dt.date(2009, 1, 20))
    assert obama.active_on(dt.datetime(2017, 1, 19, 23, 0))
    assert not obama.active_on(dt.date(2017, 1, 20))  # Trump's first day
    assert not obama.active_on("2008-12-31")


def test_un_and_nato_secretaries_general():
    assert _holders("Guterres", "secretary-general", "2020-01-01") == {
        ("António Guterres", "UN", "IGO")
    }
    assert _holders("Stoltenberg", "secretary-general", "2020-01-01") == {
        ("Jens Stoltenberg", "NATO", "IGO")
    }


# --------------------------------------------------------------------------- loader


def test_loaders_are_cached_and_frozen():
    assert kb.countries() is kb.countries()
    c = kb.countries()[0]
    with pytest.raises(AttributeError):
        c.name = "x"  # type: ignore[misc]


HEADER = "name,aliases,country,sector,role,start,end,kb_id\n"


def test_load_people_merges_user_file(tmp_path: Path):
    extra = tmp_path / "people.csv"
    extra.write_text(
        HEADER
        + "# a comment\n"
        + "Jane Doe,Doe,FRA,GOV,interior minister,2024-01-01,,\n"
        + "Sergei Lavrov,Lavrov|Sergey Lavrov,RUS,GOV,foreign minister,2004-03-09,2030-01-01,\n",
        encoding="utf-8",
    )
    rows = kb.load_people(extra)
    assert len(rows) == len(kb.people()) + 1
    assert any(p.name == "Jane Doe" and p.active_on("2025-01-01") for p in rows)
    lavrov = [p for p in rows if p.name == "Sergei Lavrov"]
    assert len(lavrov) == 1 and lavrov[0].end == dt.date(2030, 1, 1)
    assert kb.load_people(None) == kb.people()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Jane Doe,,FRA,GOV,minister,2024-13-01,,", "start"),
        ("Jane Doe,,FRA,GOV,minister,2024-01-01,2023-01-01,", "before start"),
        ("Jane Doe,,XXX,GOV,minister,2024-01-01,,", "unknown country"),
        ("Jane Doe,,FRA,ZZZ,minister,2024-01-01,,", "unknown sector"),
        ("Jane Doe,,FRA,GOV,minister,2024-01-01", "expected 8 fields"),
        ("Jane Doe,,FRA,GOV,minister,2024-01-01,,159", "kb_id"),
    ],
)
def test_malformed_user_row_names_file_and_line(tmp_path: Path, row: str, message: str):
    extra = tmp_path / "mine.csv"
    extra.write_text(HEADER + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        kb.load_people(extra)
    assert f"{extra}:3" in str(err.value)
    assert message in str(err.value)


def test_bad_header_and_missing_file(tmp_path: Path):
    extra = tmp_path / "bad.csv"
    extra.write_text("name,country\nJane,FRA\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.csv:1: header"):
        kb.load_people(extra)
    with pytest.raises(ValueError, match="not found"):
        kb.load_people(tmp_path / "absent.csv")


def test_yaml_duplicate_keys_are_refused():
    with pytest.raises(ValueError, match=r"x\.yaml:3: duplicate key 'troop'"):
        kb._load_yaml("x.yaml", "nouns:\n  troop: MIL\n  troop: COP\n")
    with pytest.raises(ValueError, match=r"x\.yaml:2"):
        kb._load_yaml("x.yaml", "a: [1,\nb: ]: 2\n")


# --------------------------------------------------------------------------- coverage


G20 = ("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA").split()
CONFLICT_STATES = (
    "UKR ISR PSE IRN SYR YEM SDN MMR AFG PRK ETH COD LBN IRQ VEN SOM LBY ARM AZE"
).split()
COVERAGE_DATES = ("2010-06-01", "2017-10-01", "2024-06-01")
# Roles that make someone the head of state or of government (or the de facto ruler).
HEAD_ROLES = frozenset(
    {
        "president",
        "prime minister",
        "chancellor",
        "monarch",
        "supreme leader",
        "general secretary",
        "acting president",
        "acting prime minister",
        "head of state",
        "leader",
        "de facto leader",
        "head of military government",
        "chairman of the presidential leadership council",
        "chairman of the presidential council",
        "chairman of the state peace and development council",
        "chairman of the national transitional council",
        "president of the general national congress",
    }
)


def _holders_of(country: str, roles: frozenset[str] | set[str], on: str) -> list[str]:
    return [p.name for p in kb.people() if p.country == country and p.role in roles
            and p.active_on(on)]


@pytest.mark.parametrize("on", COVERAGE_DATES)
@pytest.mark.parametrize("iso3", G20)
def test_g20_member_has_head_foreign_and_defence_minister(iso3: str, on: str):
    assert _holders_of(iso3, HEAD_ROLES, on), f"{iso3}: no head of state/government on {on}"
    assert _holders_of(iso3, {"foreign minister"}, on), f"{iso3}: no foreign minister on {on}"
    assert _holders_of(iso3, {"defence minister"}, on), f"{iso3}: no defence minister on {on}"


@pytest.mark.parametrize("on", COVERAGE_DATES)
@pytest.mark.parametrize("iso3", CONFLICT_STATES)
def test_conflict_state_has_a_head(iso3: str, on: str):
    assert _holders_of(iso3, HEAD_ROLES, on), f"{iso3}: no head of state/government on {on}"


@pytest.mark.parametrize("on", COVERAGE_DATES)
@pytest.mark.parametrize("iso3", [c for c in CONFLICT_STATES if c not in {"SOM", "LBY"}])
def test_conflict_state_has_a_foreign_minister(iso3: str, on: str):
    roles = {"foreign minister", "acting foreign minister"}
    assert _holders_of(iso3, roles, on), f"{iso3}: no foreign minister on {on}"


@pytest.mark.parametrize("on", COVERAGE_DATES)
@pytest.mark.parametrize(
    ("code", "role"),
    [
        ("EC", "president of the european commission"),
        ("EUCO", "president of the european council"),
        ("EU", "high representative"),
        ("AU", "chairperson of the african union commission"),
        ("UN", "secretary-general"),
        ("NATO", "secretary-general"),
    ],
)
def test_international_leadership_covered(code: str, role: str, on: str):
    assert len(_holders_of(code, {role}, on)) == 1


@pytest.mark.parametrize(
    ("org", "role"),
    [
        ("Hamas", "hamas political leader"),
        ("Hezbollah", "hezbollah secretary-general"),
        ("Houthis", "houthi leader"),
        ("Taliban", "supreme leader"),
    ],
)
def test_armed_group_leaders_present(org: str, role: str):
    assert any(p.role == role for p in kb.people()), org


def test_hemedti_and_taliban_leaders_change_sector_with_date():
    assert {p.sector for p in kb.roles_of("Hemedti", "2015-06-01")} == {"MIL"}
    assert {p.sector for p in kb.roles_of("Hemedti", "2024-06-01")} == {"REB"}
    assert {p.sector for p in kb.roles_of("Akhundzada", "2018-06-01")} == {"REB"}
    assert {p.sector for p in kb.roles_of("Akhundzada", "2022-06-01")} == {"GOV"}


# --------------------------------------------------------------------------- roles by date


@pytest.mark.parametrize(
    ("name", "on", "roles"),
    [
        ("Putin", "2010-06-01", {("RUS", "GOV", "prime minister")}),
        ("Putin", "2020-06-01", {("RUS", "GOV", "president")}),
        ("Biden", "2010-06-01", {("USA", "GOV", "vice president")}),
        ("Biden", "2022-06-01", {("USA", "GOV", "president")}),
        ("Erdogan", "2010-06-01", {("TUR", "GOV", "prime minister")}),
        ("Erdogan", "2020-06-01", {("TUR", "GOV", "president")}),
        ("Jolani", "2020-06-01", {("SYR", "REB", "hts leader")}),
        ("Ahmed al-Sharaa", "2025-06-01", {("SYR", "GOV", "president")}),
        ("Lieberman", "2010-06-01", {("ISR", "GOV", "foreign minister")}),
        ("Lieberman", "2017-06-01", {("ISR", "GOV", "defence minister")}),
        ("vladimir putin", "1990-01-01", set()),
    ],
)
def test_roles_of_depends_on_the_date(name: str, on: str, roles):
    assert {(p.country, p.sector, p.role) for p in kb.roles_of(name, on)} == roles


def test_roles_of_without_date_lists_every_term_in_order():
    terms = kb.roles_of("Putin")
    assert [p.start for p in terms] == sorted(p.start for p in terms)
    assert {p.role for p in terms} == {"president", "prime minister"}
    assert len(kb.people_on("2017-10-01")) > 200


def test_reload_picks_up_a_changed_user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    extra = tmp_path / "actors.csv"
    monkeypatch.setenv(user_actors.ENV_VAR, str(extra))
    kb.reload()
    before = kb.people()
    assert before == kb.builtin_people()
    extra.write_text(HEADER + "Jane Doe,Doe,FRA,GOV,interior minister,2024-01-01,,\n",
                     encoding="utf-8")
    assert kb.people() is before  # cached for the process
    kb.reload()
    assert len(kb.people()) == len(before) + 1
    assert [p.role for p in kb.roles_of("Doe", "2025-01-01")] == ["interior minister"]
    monkeypatch.setenv(user_actors.ENV_VAR, "")
    kb.reload()


# --------------------------------------------------------------------------- places: districts

# Rough bounding boxes (lat min, lat max, lon min, lon max) of the countries whose districts
# places.csv lists: a row outside its country's box has a wrong sign, a swapped pair or a typo.
PLACE_BOXES = {
    "NPL": (26.3, 30.5, 80.0, 88.3),
    "PAK": (23.6, 37.2, 60.8, 77.9),
    "IND": (6.5, 35.7, 68.0, 97.5),
    "BGD": (20.5, 26.7, 88.0, 92.7),
    "LKA": (5.8, 9.9, 79.5, 81.9),
    "AFG": (29.3, 38.5, 60.5, 75.0),
    "MMR": (9.5, 28.6, 92.1, 101.2),
}


def test_places_lie_inside_their_countrys_box():
    outside = []
    for p in kb.places():
        box = PLACE_BOXES.get(p.country or "")
        if box and not (box[0] <= p.lat <= box[1] and box[2] <= p.lon <= box[3]):
            outside.append((p.name, p.country, p.lat, p.lon))
    assert outside == []
    assert sum(p.country in PLACE_BOXES for p in kb.places()) >= 350


def test_every_place_phrase_names_one_row():
    owners: dict[str, set[str]] = defaultdict(set)
    for p in kb.places():
        for phrase in (p.name, *p.aliases):
            owners[phrase.lower()].add(p.name)
    assert {k: sorted(v) for k, v in owners.items() if len(v) > 1} == {}


def test_qualified_place_names_name_their_own_country_and_no_bare_alias():
    qualified = re.compile(r"(.+?)\s+\(([^()]+)\)")
    by_iso3 = {c.iso3: c for c in kb.countries()}
    phrases = {phrase.lower() for p in kb.places() for phrase in (p.name, *p.aliases)}
    seen = 0
    for p in kb.places():
        m = qualified.fullmatch(p.name)
        if not m:
            continue
        seen += 1
        c = by_iso3[p.country]
        assert m.group(2).lower() in {x.lower() for x in (c.name, *c.aliases)}, p.name
        assert m.group(1).lower() not in phrases, p.name  # the bare name is no row's phrase
    assert seen >= 8


def test_place_phrases_are_no_persons_name():
    people = {phrase.lower() for p in kb.builtin_people() for phrase in (p.name, *p.aliases)}
    places = {phrase.lower() for p in kb.places() for phrase in (p.name, *p.aliases)}
    assert places & people == set()
