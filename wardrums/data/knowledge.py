"""Actor knowledge: countries, institutions, IGOs, people, places and sector vocabulary.

Everything here is read from reviewable files shipped in the :mod:`wardrums.data` package:

=====================  ===============================================================
``countries.csv``      every UN member state plus a few other states and territories:
                       names, aliases, demonyms, capitals (as metonyms) and nicknames
``institutions.yaml``  named government bodies, armed groups, parties and media
                       (``institutions:``) and multiword institution nouns that take their
                       country from a modifier, e.g. "foreign ministry" (``patterns:``),
                       and names other countries' bodies share (``shared_names:``)
``igos.yaml``          intergovernmental and non-governmental organisations, coded with
                       their own code (``UN``, ``NATO``, ``ICRC``) in place of a country
``people.csv``         political leaders with dated roles (one row per role and term)
``places.csv``         event locations beyond capitals (cities, regions, seas)
``sectors.yaml``       sector codes, head nouns ("troop" -> MIL) and titles ("gen." -> MIL)
=====================  ===============================================================

CSV files are UTF-8 with a header row; lines starting with ``#`` are comments, and ``|``
separates the values of a multi-valued field. YAML files are read with duplicate keys
refused. A malformed row raises :class:`ValueError` whose message names the file and line.

People a user adds (``wardrums actors add``) live in a separate *user actors file* in the same
CSV format -- ``$WARDRUMS_ACTORS`` or ``~/.config/wardrums/actors.csv`` (see
:mod:`wardrums.data.user_actors`). :func:`people` returns the built-in rows merged with it; a
user row with the same ``name``, ``role`` and ``start`` as a built-in row replaces it. The
loaders cache their results for the process: call :func:`reload` after changing a file.

Dates in ``people.csv``: ``start`` is the first day in office, ``end`` the day the term ended
(normally the day the successor took over) and is *exclusive*, so on a hand-over day only the
successor is :meth:`Person.active_on`. An empty ``end`` means still in office.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "Country",
    "Igo",
    "Institution",
    "Person",
    "Place",
    "Sector",
    "countries",
    "country_by_code",
    "igo_by_code",
    "igos",
    "institution_patterns",
    "institutions",
    "builtin_people",
    "load_people",
    "merge_people",
    "people",
    "people_on",
    "reload",
    "roles_of",
    "places",
    "sector_nouns",
    "sectors",
    "shared_names",
    "titles",
]

PACKAGE = "wardrums.data"
SEP = "|"

COUNTRY_FIELDS = ("iso3", "name", "aliases", "demonyms", "capitals", "nicknames", "iso2")
PEOPLE_FIELDS = ("name", "aliases", "country", "sector", "role", "start", "end", "kb_id")
PLACE_FIELDS = ("name", "aliases", "country", "kind", "lat", "lon")

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, kw_only=True, slots=True)
class Country:
    """A state or territory and the words news uses for it."""

    iso3: str
    iso2: str
    name: str  # common English short name: "Russia"
    aliases: tuple[str, ...] = ()  # official and other names: "Russian Federation"
    demonyms: tuple[str, ...] = ()  # "Russian", "Russians"
    capitals: tuple[str, ...] = ()  # capitals used as metonyms: "Moscow"
    nicknames: tuple[str, ...] = ()  # "the Hermit Kingdom"


@dataclass(frozen=True, kw_only=True, slots=True)
class Institution:
    """A named body that acts for a country (or for no country): "Kremlin" -> RUS GOV."""

    name: str
    country: str | None  # ISO3, or None for transnational groups (al-Qaeda, ISIS)
    sector: str
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None  # Wikidata QID
    # an armed group that took power: GOV from this date on (the Taliban since 2021-08-15)
    governs_from: dt.date | None = None

    def sector_on(self, date: dt.date | dt.datetime | str | None) -> str:
        """The sector on ``date``: a group that came to power governs from then on."""
        if self.governs_from is not None and date is not None \
                and _as_date(date) >= self.governs_from:
            return "GOV"
        return self.sector


@dataclass(frozen=True, kw_only=True, slots=True)
class Igo:
    """An intergovernmental or non-governmental organisation, coded with its own code."""

    code: str  # used as Actor.country: "UN", "NATO", "ICRC"
    name: str
    aliases: tuple[str, ...] = ()
    sector: str = "IGO"  # IGO or NGO
    kb_id: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Person:
    """One person in one role for one term; a person with several roles has several rows."""

    name: str
    aliases: tuple[str, ...]
    country: str  # ISO3 or IGO code
    sector: str
    role: str  # lower-case: "president", "foreign minister", "secretary-general"
    start: dt.date
    end: dt.date | None = None  # exclusive; None = still in office
    kb_id: str | None = None

    def active_on(self, date: dt.date | dt.datetime | str) -> bool:
        """True if the person held this role on ``date`` (``start <= date < end``)."""
        d = _as_date(date)
        return self.start <= d and (self.end is None or d < self.end)


@dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    """A location below country level (or a sea, with no country)."""

    name: str
    aliases: tuple[str, ...]
    country: str | None  # ISO3; None for seas and disputed waters
    kind: str  # city | region | island | sea | strait | waterway | area | facility
    lat: float
    lon: float


@dataclass(frozen=True, kw_only=True, slots=True)
class Sector:
    """A PLOVER/CAMEO-style actor sector code."""

    code: str
    description: str


# --------------------------------------------------------------------------- public API


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country row of ``countries.csv``, in file order."""
    fname = "countries.csv"
    out: list[Country] = []
    seen: set[str] = set()
    for line, row in _read_csv(fname, _package_text(fname), COUNTRY_FIELDS):
        where = f"{fname}:{line}"
        iso3 = _required(row, "iso3", where)
        if not _ISO3.match(iso3):
            raise ValueError(f"{where}: iso3 {iso3!r} is not three upper-case letters")
        iso2 = _required(row, "iso2", where)
        if not _ISO2.match(iso2):
            raise ValueError(f"{where}: iso2 {iso2!r} is not two upper-case letters")
        if iso3 in seen:
            raise ValueError(f"{where}: duplicate iso3 {iso3!r}")
        seen.add(iso3)
        out.append(
            Country(
                iso3=iso3,
                iso2=iso2,
                name=_required(row, "name", where),
                aliases=_split(row["aliases"]),
                demonyms=_split(row["demonyms"]),
                capitals=_split(row["capitals"]),
                nicknames=_split(row["nicknames"]),
            )
        )
    return tuple(out)


@functools.cache
def country_by_code() -> dict[str, Country]:
    """ISO3 -> :class:`Country`."""
    return {c.iso3: c for c in countries()}


@functools.cache
def country_name(code: str) -> str:
    """The country's name for an ISO3 code, or the code itself when it is not one we list
    (an actor code such as a group's)."""
    country = country_by_code().get(code)
    return country.name if country is not None else code


@functools.cache
def sectors() -> dict[str, Sector]:
    """Sector code -> :class:`Sector`, from the ``sectors:`` mapping of ``sectors.yaml``."""
    fname = "sectors.yaml"
    data = _sectors_file()
    block = data.get("sectors")
    if not isinstance(block, dict) or not block:
        raise ValueError(f"{fname}: missing 'sectors:' mapping")
    out: dict[str, Sector] = {}
    key_lines = getattr(block, "key_lines", {})
    for code, desc in block.items():
        if not isinstance(code, str) or not _CODE.match(code) or not isinstance(desc, str):
            line = key_lines.get(code, _line(block))
            raise ValueError(f"{fname}:{line}: bad sector entry {code!r}: {desc!r}")
        out[code] = Sector(code=code, description=" ".join(desc.split()))
    return out


@functools.cache
def sector_nouns() -> dict[str, str]:
    """Head noun phrase (lower-case lemma, singular) -> sector code.

    The ``nouns:`` of ``sectors.yaml`` (people, groups, roles and one-word bodies) merged with
    the ``patterns:`` of ``institutions.yaml`` (multiword institution nouns such as
    "foreign ministry"); a phrase in both files is an error.
    """
    fname = "sectors.yaml"
    nouns = _phrase_map(_sectors_file(), "nouns", fname)
    for noun, sector in institution_patterns().items():
        if noun in nouns:
            raise ValueError(f"{fname}: noun {noun!r} is also a pattern in institutions.yaml")
        nouns[noun] = sector
    return nouns


@functools.cache
def titles() -> dict[str, str]:
    """Title before a person's name (lower-case, e.g. "foreign minister", "gen.") -> sector."""
    return _phrase_map(_sectors_file(), "titles", "sectors.yaml")


@functools.cache
def institutions() -> tuple[Institution, ...]:
    """Named institutions of ``institutions.yaml``, in file order."""
    fname = "institutions.yaml"
    data = _institutions_file()
    items = data.get("institutions")
    if not isinstance(items, list):
        raise ValueError(f"{fname}: missing 'institutions:' list")
    known = _actor_codes()
    codes = sectors()
    out: list[Institution] = []
    for item in items:
        where = f"{fname}:{_line(item)}"
        _expect_keys(item, {"name", "country", "sector", "aliases", "kb_id", "governs_from"},
                     where)
        name = _text(item.get("name"), "name", where)
        country = item.get("country")
        if country is not None and (not isinstance(country, str) or country not in known):
            raise ValueError(f"{where}: {name}: unknown country {country!r}")
        sector = _text(item.get("sector"), "sector", where)
        if sector not in codes:
            raise ValueError(f"{where}: {name}: unknown sector {sector!r}")
        out.append(
            Institution(
                name=name,
                country=country,
                sector=sector,
                aliases=_str_list(item.get("aliases"), "aliases", where),
                kb_id=_kb_id(item.get("kb_id"), where),
                governs_from=_governs_from(item.get("governs_from"), name, where),
            )
        )
    return tuple(out)


def _governs_from(value: object, name: str, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):  # YAML reads an unquoted ISO date as a date
        return value
    if isinstance(value, str):
        return _date(value, "governs_from", where)
    raise ValueError(f"{where}: {name}: governs_from must be a date like 2021-08-15, "
                     f"not {value!r}")


@functools.cache
def institution_patterns() -> dict[str, str]:
    """Multiword institution noun (lower-case) -> sector, from ``patterns:``."""
    fname = "institutions.yaml"
    items = _institutions_file().get("patterns")
    if not isinstance(items, list):
        raise ValueError(f"{fname}: missing 'patterns:' list")
    codes = sectors()
    out: dict[str, str] = {}
    for item in items:
        where = f"{fname}:{_line(item)}"
        _expect_keys(item, {"noun", "sector"}, where)
        noun = " ".join(_text(item.get("noun"), "noun", where).lower().split())
        sector = _text(item.get("sector"), "sector", where)
        if sector not in codes:
            raise ValueError(f"{where}: {noun}: unknown sector {sector!r}")
        if noun in out:
            raise ValueError(f"{where}: duplicate pattern {noun!r}")
        out[noun] = sector
    return out


@functools.cache
def shared_names() -> dict[str, tuple[Institution, ...]]:
    """Word (lower-case) -> the bodies of other countries that go by it, from ``shared_names:``.

    The word is a name or alias of one institution of ``institutions:`` ("Congress", the US
    Congress); each body is another country's ("IND" -> the Indian National Congress). A body
    given by name is that institution; one given as ``{name, sector}`` is new, without kb_id.
    """
    fname = "institutions.yaml"
    block = _institutions_file().get("shared_names")
    if block is None:
        return {}
    if not isinstance(block, dict):
        raise ValueError(f"{fname}: 'shared_names:' must be a mapping")
    by_name = {i.name: i for i in institutions()}
    owner = {p.lower(): i for i in institutions() for p in (i.name, *i.aliases)}
    iso3 = {c.iso3 for c in countries()}
    codes = sectors()
    out: dict[str, tuple[Institution, ...]] = {}
    key_lines = getattr(block, "key_lines", {})
    for word, bodies in block.items():
        where = f"{fname}:{key_lines.get(word, _line(block))}"
        if not isinstance(word, str) or word.lower() not in owner:
            raise ValueError(f"{where}: shared_names: {word!r} is no institution's name")
        if not isinstance(bodies, dict) or not bodies:
            raise ValueError(f"{where}: shared_names: {word!r} needs a mapping of ISO3 -> body")
        found: list[Institution] = []
        for country, body in bodies.items():
            if country not in iso3:
                raise ValueError(f"{where}: shared_names: {word}: unknown country {country!r}")
            if country == owner[word.lower()].country:
                raise ValueError(f"{where}: shared_names: {word}: {country} owns the name already")
            if isinstance(body, str):
                inst = by_name.get(body)
                if inst is None or inst.country != country:
                    raise ValueError(f"{where}: shared_names: {word}: {country}: {body!r} is no "
                                     f"institution of {country}")
            else:
                _expect_keys(body, {"name", "sector"}, where)
                name = _text(body.get("name"), "name", where)
                sector = _text(body.get("sector"), "sector", where)
                if sector not in codes:
                    raise ValueError(f"{where}: shared_names: {name}: unknown sector {sector!r}")
                inst = Institution(name=name, country=country, sector=sector)
            found.append(inst)
        out[word.lower()] = tuple(found)
    return out


@functools.cache
def igos() -> tuple[Igo, ...]:
    """Organisations of ``igos.yaml``, in file order."""
    fname = "igos.yaml"
    data = _load_yaml(fname, _package_text(fname))
    items = data.get("igos")
    if not isinstance(items, list):
        raise ValueError(f"{fname}: missing 'igos:' list")
    iso3 = {c.iso3 for c in countries()}
    out: list[Igo] = []
    seen: set[str] = set()
    for item in items:
        where = f"{fname}:{_line(item)}"
        _expect_keys(item, {"code", "name", "aliases", "sector", "kb_id"}, where)
        code = _text(item.get("code"), "code", where)
        if not _CODE.match(code):
            raise ValueError(f"{where}: code {code!r} must be upper-case letters/digits")
        if code in seen or code in iso3:
            raise ValueError(f"{where}: code {code!r} is already used")
        seen.add(code)
        sector = _text(item.get("sector"), "sector", where)
        if sector not in {"IGO", "NGO"}:
            raise ValueError(f"{where}: {code}: sector must be IGO or NGO, not {sector!r}")
        out.append(
            Igo(
                code=code,
                name=_text(item.get("name"), "name", where),
                aliases=_str_list(item.get("aliases"), "aliases", where),
                sector=sector,
                kb_id=_kb_id(item.get("kb_id"), where),
            )
        )
    return tuple(out)


@functools.cache
def igo_by_code() -> dict[str, Igo]:
    """IGO/NGO code -> :class:`Igo`."""
    return {i.code: i for i in igos()}


@functools.cache
def builtin_people() -> tuple[Person, ...]:
    """The built-in people of ``people.csv`` (one row per person, role and term)."""
    return tuple(_parse_people("people.csv", _package_text("people.csv")))


@functools.cache
def people() -> tuple[Person, ...]:
    """Built-in people merged with the user actors file, if there is one.

    The user file is ``$WARDRUMS_ACTORS`` or ``~/.config/wardrums/actors.csv``
    (:func:`wardrums.data.user_actors.user_actors_path`); ``WARDRUMS_ACTORS=""`` turns it off.
    Cached for the process: call :func:`reload` after the file changes. A malformed user file
    raises :class:`wardrums.data.user_actors.UserActorsError` (a ``ValueError``) naming the
    file and line.
    """
    from wardrums.data import user_actors

    return merge_people(builtin_people(), user_actors.read_user_people())


def merge_people(base: tuple[Person, ...], added: tuple[Person, ...] | list[Person]
                 ) -> tuple[Person, ...]:
    """``base`` with ``added`` rows appended; an added row replaces a base row with the same
    ``name``, ``role`` and ``start``."""
    if not added:
        return tuple(base)
    keys = {(p.name, p.role, p.start) for p in added}
    return tuple(p for p in base if (p.name, p.role, p.start) not in keys) + tuple(added)


def load_people(extra: Path | None = None) -> tuple[Person, ...]:
    """:func:`people` plus the rows of another file in the same CSV format.

    A row of ``extra`` with the same ``name``, ``role`` and ``start`` as a known row replaces
    it; other rows are added. Not cached: the file may change between calls.
    """
    base = people()
    if extra is None:
        return base
    path = Path(extra)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"{path}: people file not found") from None
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not valid UTF-8 ({err.reason})") from None
    except OSError as err:
        raise ValueError(f"{path}: cannot read people file ({err.strerror})") from None
    return merge_people(base, _parse_people(str(path), text))


def _matches(p: Person, name: str) -> bool:
    key = " ".join(name.split()).casefold()
    return key in {p.name.casefold(), *(a.casefold() for a in p.aliases)}


def roles_of(name: str, on: dt.date | dt.datetime | str | None = None) -> tuple[Person, ...]:
    """The terms of the person called ``name`` (full name or any alias, ignoring case).

    With ``on``, only the roles held that day (``start <= on < end``); without, every term.
    In start order. ``roles_of("Putin", "2010-01-01")`` -> his prime-minister row.
    """
    rows = [p for p in people() if _matches(p, name)]
    if on is not None:
        d = _as_date(on)
        rows = [p for p in rows if p.active_on(d)]
    return tuple(sorted(rows, key=lambda p: (p.start, p.role)))


def people_on(date: dt.date | dt.datetime | str) -> tuple[Person, ...]:
    """Every person row active on ``date``."""
    d = _as_date(date)
    return tuple(p for p in people() if p.active_on(d))


def reload() -> None:
    """Forget every cached table of this module (and the gazetteer built from them).

    Call after editing a data file or the user actors file within one process.
    """
    import sys

    for obj in list(globals().values()):
        clear = getattr(obj, "cache_clear", None)
        if callable(clear) and getattr(obj, "__module__", None) == __name__:
            clear()
    gaz = sys.modules.get("wardrums.coding.gazetteer")
    if gaz is not None and hasattr(getattr(gaz, "gazetteer", None), "cache_clear"):
        gaz.gazetteer.cache_clear()


@functools.cache
def places() -> tuple[Place, ...]:
    """Every place row of ``places.csv``, in file order."""
    fname = "places.csv"
    iso3 = {c.iso3 for c in countries()}
    out: list[Place] = []
    seen: set[str] = set()
    for line, row in _read_csv(fname, _package_text(fname), PLACE_FIELDS):
        where = f"{fname}:{line}"
        name = _required(row, "name", where)
        if name.lower() in seen:
            raise ValueError(f"{where}: duplicate place {name!r}")
        seen.add(name.lower())
        country = row["country"].strip() or None
        if country is not None and country not in iso3:
            raise ValueError(f"{where}: {name}: unknown country {country!r}")
        lat = _float(row, "lat", where)
        lon = _float(row, "lon", where)
        if not -90.0 <= lat <= 90.0 or not -180.0 <= lon <= 180.0:
            raise ValueError(f"{where}: {name}: lat/lon out of range ({lat}, {lon})")
        out.append(
            Place(
                name=name,
                aliases=_split(row["aliases"]),
                country=country,
                kind=_required(row, "kind", where),
                lat=lat,
                lon=lon,
            )
        )
    return tuple(out)


@functools.cache
def halves() -> dict[str, dict[str, str]]:
    """``"north"``/``"south"`` → {ISO3 of either half → ISO3 of that half}, from
    ``halves.yaml``: in a story naming either Korea, "the North" is ``halves()["north"]["KOR"]``
    (PRK)."""
    fname = "halves.yaml"
    rows = _load_yaml(fname, _package_text(fname)).get("halves") or []
    iso3 = {c.iso3 for c in countries()}
    out: dict[str, dict[str, str]] = {"north": {}, "south": {}}
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or set(row) != {"north", "south"}:
            raise ValueError(f"{fname}: pair #{n} must have exactly the keys north and south")
        pair = (row["north"], row["south"])
        for code in pair:
            if code not in iso3:
                raise ValueError(f"{fname}: pair #{n}: unknown country {code!r}")
            if code in out["north"]:
                raise ValueError(f"{fname}: pair #{n}: {code} is already in another pair")
        for code in pair:
            out["north"][code], out["south"][code] = pair
    return out


@functools.cache
def descriptions() -> dict[str, frozenset[str] | None]:
    """Noun → the countries it may describe when news refers back with it ("island": TWN,
    CYP, ...), or None for any country ("country", "nation"), from ``descriptions.yaml``."""
    fname = "descriptions.yaml"
    rows = _load_yaml(fname, _package_text(fname)).get("descriptions") or {}
    iso3 = {c.iso3 for c in countries()}
    out: dict[str, frozenset[str] | None] = {}
    for noun, value in rows.items():
        if not isinstance(noun, str) or noun != noun.lower() or " " in noun:
            raise ValueError(f"{fname}: {noun!r} must be one lower-case word")
        if value == "any":
            out[noun] = None
            continue
        if not isinstance(value, list) or not value:
            raise ValueError(f"{fname}: {noun}: give 'any' or a list of ISO3 codes")
        unknown = [c for c in value if c not in iso3]
        if unknown:
            raise ValueError(f"{fname}: {noun}: unknown countries {unknown}")
        out[noun] = frozenset(value)
    return out


# --------------------------------------------------------------------------- helpers


def _package_text(fname: str) -> str:
    return resources.files(PACKAGE).joinpath(fname).read_text(encoding="utf-8")


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    raise TypeError(f"expected a date, got {type(value).__name__}")


def _read_csv(
    fname: str, text: str, fields: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; ``#`` lines and blank lines are skipped."""
    numbered = [
        (n, raw)
        for n, raw in enumerate(text.splitlines(), start=1)
        if raw.strip() and not raw.lstrip().startswith("#")
    ]
    if not numbered:
        raise ValueError(f"{fname}: empty file (expected a header {','.join(fields)})")
    rows = csv.reader([raw for _, raw in numbered], strict=True)
    try:
        for (line, _), values in zip(numbered, rows, strict=True):
            values = [v.strip() for v in values]
            if line == numbered[0][0]:
                if tuple(values) != fields:
                    raise ValueError(
                        f"{fname}:{line}: header must be {','.join(fields)}, not {','.join(values)}"
                    )
                continue
            if len(values) != len(fields):
                raise ValueError(
                    f"{fname}:{line}: expected {len(fields)} fields, got {len(values)}"
                )
            yield line, dict(zip(fields, values, strict=True))
    except csv.Error as err:
        raise ValueError(f"{fname}: malformed CSV ({err})") from None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(SEP) if v.strip())


def _required(row: dict[str, str], key: str, where: str) -> str:
    value = row[key].strip()
    if not value:
        raise ValueError(f"{where}: empty {key}")
    return value


def _float(row: dict[str, str], key: str, where: str) -> float:
    try:
        return float(_required(row, key, where))
    except ValueError:
        raise ValueError(f"{where}: {key} {row[key]!r} is not a number") from None


def _date(value: str, key: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: {key} {value!r} is not a YYYY-MM-DD date") from None


@functools.cache
def _actor_codes() -> frozenset[str]:
    """Codes a person or institution may carry as ``country``: ISO3 codes and IGO codes."""
    return frozenset(c.iso3 for c in countries()) | frozenset(i.code for i in igos())


def _parse_people(fname: str, text: str) -> list[Person]:
    known = _actor_codes()
    codes = sectors()
    out: list[Person] = []
    seen: set[tuple[str, str, dt.date]] = set()
    for line, row in _read_csv(fname, text, PEOPLE_FIELDS):
        where = f"{fname}:{line}"
        person = _person_from_row(row, where, known, codes)
        key = (person.name, person.role, person.start)
        if key in seen:
            raise ValueError(
                f"{where}: duplicate row for {person.name} as {person.role} from {person.start}"
            )
        seen.add(key)
        out.append(person)
    return out


def _person_from_row(
    row: dict[str, str], where: str, known: frozenset[str], codes: dict[str, Sector]
) -> Person:
    """One validated :class:`Person` from a CSV row; ``ValueError`` names ``where``."""
    name = _required(row, "name", where)
    country = _required(row, "country", where)
    if country not in known:
        raise ValueError(f"{where}: {name}: unknown country {country!r}")
    sector = _required(row, "sector", where)
    if sector not in codes:
        raise ValueError(f"{where}: {name}: unknown sector {sector!r}")
    start = _date(_required(row, "start", where), "start", where)
    end = _date(row["end"], "end", where) if row["end"] else None
    if end is not None and end < start:
        raise ValueError(f"{where}: {name}: end {end} is before start {start}")
    role = " ".join(_required(row, "role", where).lower().split())
    return Person(
        name=name,
        aliases=_split(row["aliases"]),
        country=country,
        sector=sector,
        role=role,
        start=start,
        end=end,
        kb_id=_kb_id(row["kb_id"] or None, where),
    )


# YAML: mappings remember their line, and a repeated key is an error (PyYAML keeps the last).


class _LineDict(dict):
    line: int = 0
    key_lines: dict[Any, int]


class _DuplicateKeyError(Exception):
    pass


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> _LineDict:
    loader.flatten_mapping(node)
    out = _LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise _DuplicateKeyError(f"{key_node.start_mark.line + 1}: duplicate key {key!r}")
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_yaml(fname: str, text: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except _DuplicateKeyError as err:
        raise ValueError(f"{fname}:{err}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f":{mark.line + 1}" if mark is not None else ""
        raise ValueError(f"{fname}{at}: malformed YAML ({getattr(err, 'problem', err)})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{fname}: top level must be a mapping")
    return data


@functools.cache
def _sectors_file() -> dict[str, Any]:
    return _load_yaml("sectors.yaml", _package_text("sectors.yaml"))


@functools.cache
def _institutions_file() -> dict[str, Any]:
    return _load_yaml("institutions.yaml", _package_text("institutions.yaml"))


def _line(obj: object) -> int | str:
    return getattr(obj, "line", "?")


def _expect_keys(item: object, allowed: set[str], where: str) -> None:
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected a mapping, got {item!r}")
    extra = set(item) - allowed
    if extra:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(map(str, extra)))}")


def _text(value: object, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key} must be a non-empty string, got {value!r}")
    return value.strip()


def _str_list(value: object, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: {key} must be a list of strings, got {value!r}")
    return tuple(v.strip() for v in value)


def _kb_id(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _QID.match(value.strip()):
        raise ValueError(f"{where}: kb_id {value!r} is not a Wikidata QID like Q159")
    return value.strip()


def _phrase_map(data: dict[str, Any], section: str, fname: str) -> dict[str, str]:
    block = data.get(section)
    if not isinstance(block, dict) or not block:
        raise ValueError(f"{fname}: missing '{section}:' mapping")
    codes = sectors()
    out: dict[str, str] = {}
    key_lines = getattr(block, "key_lines", {})
    for phrase, sector in block.items():
        where = f"{fname}:{key_lines.get(phrase, _line(block))}"
        if not isinstance(phrase, str) or not phrase.strip():
            raise ValueError(f"{where}: {section}: bad phrase {phrase!r}")
        key = " ".join(phrase.lower().split())
        if sector not in codes:
            raise ValueError(f"{where}: {section}: {phrase!r} has unknown sector {sector!r}")
        if key in out:
            raise ValueError(f"{where}: {section}: {phrase!r} is listed twice (ignoring case)")
        out[key] = sector
    return out
