"""News outlets and their home countries: a weak prior for where an article's story happens.

``outlets.csv`` (next to this module; its header documents every column) lists national
outlets and agencies with their country, and international broadcasters and wires so that
they are recognised but give no country. :func:`outlet_country` reads an article's outlet
name and URL and returns the country, in this order (the first stage that recognises
something decides):

1. the outlet name, as listed (case, accents, punctuation, spaces and a leading "The"
   ignored; an edition after a dash, "AFP - English", is the outlet's);
   several outlets in one field ("Xinhua, The Nation, DVB") count only when every listed
   national outlet among them has the same country -- wires and unknown names do not vote;
2. a country in parentheses after the name ("The Telegraph (India)"), listed or not;
3. the URL's host matched by registered domain (``m.thehindu.com`` is ``thehindu.com``);
4. a country named in an unlisted outlet name ("Vietnam News Summary");
5. the host's country-code top-level domain (``.pk``, ``.co.uk``); generic and vanity
   TLDs (``.com``, ``.tv``, ``.io``) give nothing.

A wire or international outlet found at stage 1 or 3 ends the search with no country: a
Reuters story carried on an Indian site is still a Reuters story.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from wardrums.data import knowledge

__all__ = ["KINDS", "Outlet", "outlet_country", "outlets", "parse_outlets"]

FNAME = "outlets.csv"
FIELDS = ("name", "aliases", "hosts", "country", "kind")
#: ``national`` outlets give a prior; the other kinds are recognised and give none.
KINDS = ("national", "international", "wire")

_HOST = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")
_QUALIFIED = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_SEPARATORS = re.compile(r"\s*[,;|/]\s*")
# Country-code TLDs sold worldwide as vanity or free domains: they say nothing of a country.
_VANITY_TLDS = frozenset({"tv", "io", "me", "fm", "ai", "ws", "cc", "to", "gg", "nu", "tk",
                          "ml", "ga", "cf", "gq", "co", "ly", "la", "sh", "st"})
# ... unless written under a national second level, as those countries' own sites are:
# "eltiempo.com.co" is Colombian, "t.co" is not.
_NATIONAL_SLD = frozenset({"com", "net", "org", "gov", "edu", "mil", "ac", "co", "news"})
_UNKNOWN = object()  # a name part no stage recognises


@dataclass(frozen=True, kw_only=True, slots=True)
class Outlet:
    """One row of ``outlets.csv``."""

    name: str
    aliases: tuple[str, ...]
    hosts: tuple[str, ...]
    country: str  # ISO3 of the country it mainly reports on
    kind: str  # national | international | wire
    line: int

    @property
    def prior(self) -> str | None:
        """The country this outlet's stories are presumed to happen in, if any."""
        return self.country if self.kind == "national" else None


@dataclass(frozen=True)
class _Index:
    names: dict[str, Outlet]  # folded unqualified name -> outlet
    qualified: dict[tuple[str, str], Outlet]  # (folded bare name, ISO3) -> outlet
    hosts: dict[str, Outlet]


def outlets() -> tuple[Outlet, ...]:
    """Every row of ``outlets.csv``, in file order."""
    return _loaded()[0]


def parse_outlets(text: str, fname: str = FNAME) -> tuple[Outlet, ...]:
    """The rows of an outlets file, validated: a known ISO3 country, a known kind, hosts
    written as bare domains, and no name or host listed twice (see :func:`_build_index`).
    A bad row raises :class:`ValueError` naming the file and line."""
    return _parse(text, fname)[0]


@functools.cache
def _loaded() -> tuple[tuple[Outlet, ...], _Index]:
    """The package's rows and their lookups, validated and indexed once."""
    return _parse(knowledge._package_text(FNAME), FNAME)


def _parse(text: str, fname: str) -> tuple[tuple[Outlet, ...], _Index]:
    known = {c.iso3 for c in knowledge.countries()}
    out = []
    for line, row in knowledge._read_csv(fname, text, FIELDS):
        where = f"{fname}:{line}"
        name = knowledge._required(row, "name", where)
        country = knowledge._required(row, "country", where)
        if country not in known:
            raise ValueError(f"{where}: {name}: unknown country {country!r} (want an ISO3 "
                             "code of countries.csv)")
        kind = knowledge._required(row, "kind", where)
        if kind not in KINDS:
            raise ValueError(f"{where}: {name}: kind {kind!r} is not one of {', '.join(KINDS)}")
        hosts = knowledge._split(row["hosts"])
        for host in hosts:
            if not _HOST.match(host) or host.startswith("www."):
                raise ValueError(f"{where}: {name}: host {host!r} is not a lower-case domain "
                                 "without 'www.' or a path")
        out.append(Outlet(name=name, aliases=knowledge._split(row["aliases"]), hosts=hosts,
                          country=country, kind=kind, line=line))
    return tuple(out), _build_index(out, fname)


def outlet_country(source: str | None, url: str | None = None) -> str | None:
    """ISO3 of the country an article from this outlet most likely reports on, or None.

    ``source`` is the outlet's name as given ("Dawn", "The Financial Express (Bangladesh)",
    "Xinhua News Agency, The Nation, DVB"); ``url`` the article's address. None when the
    outlet is a wire or international, unknown, or its parts disagree.
    """
    recognised = False
    if source and source.strip():
        parts = [source.strip()]
        verdict = _name_verdict(parts[0])
        if verdict is _UNKNOWN:
            parts = [p for p in _SEPARATORS.split(source.strip()) if p]
        votes = set()
        for part in parts:
            v = verdict if len(parts) == 1 else _name_verdict(part)
            if v is _UNKNOWN:
                continue
            recognised = True
            if v is not None:
                votes.add(v)
        if recognised:
            return votes.pop() if len(votes) == 1 else None
    if url:
        hit = _host_verdict(_host_of(url))
        if hit is not _UNKNOWN:
            return hit  # type: ignore[return-value]
    if source:
        words = {c for p in _SEPARATORS.split(source) if (c := _named_country(p))}
        if len(words) == 1:
            return words.pop()
    return _cctld_country(_host_of(url)) if url else None


# --------------------------------------------------------------------------- stages


def _name_verdict(text: str) -> object:
    """An outlet name's country, None for a recognised outlet with no prior, or _UNKNOWN."""
    index = _index()
    key = _key(text)
    if key in index.names:
        return index.names[key].prior
    bare, qualifier = _split_qualifier(text)
    if qualifier is not None:
        qual_country = _country_word(qualifier) or _place_keys().get(_fold(qualifier))
        bare_key = _key(bare)
        if qual_country is not None:
            if (bare_key, qual_country) in index.qualified:
                return index.qualified[bare_key, qual_country].prior
            hit = index.names.get(bare_key)
            if hit is not None and hit.kind != "national":
                return None  # "Reuters (UK)": still a wire
            return qual_country
        for candidate in (bare_key, _key(qualifier)):  # "UNI (United News of India)"
            if candidate in index.names:
                return index.names[candidate].prior
    edition = re.split(r"\s+[-–—]\s+", text.strip(), maxsplit=1)
    if len(edition) == 2 and _key(edition[0]) in index.names:  # "AFP - English"
        return index.names[_key(edition[0])].prior
    if _HOST.match(text.strip().lower()):  # "EKantipur.com" given as the outlet name
        host = _host_of(text)
        hit = _host_verdict(host)
        if hit is not _UNKNOWN:
            return hit
    return _UNKNOWN


def _host_verdict(host: str | None) -> object:
    """The listed outlet owning ``host`` or a parent domain: its prior, or _UNKNOWN."""
    if not host:
        return _UNKNOWN
    hosts = _index().hosts
    labels = host.split(".")
    for i in range(len(labels) - 1):
        hit = hosts.get(".".join(labels[i:]))
        if hit is not None:
            return hit.prior
    return _UNKNOWN


def _cctld_country(host: str | None) -> str | None:
    """The country of ``host``'s country-code TLD (``.co.uk`` is GBR), or None."""
    if not host or "." not in host:
        return None
    labels = host.split(".")
    tld = labels[-1]
    if tld in _VANITY_TLDS and not (len(labels) > 2 and labels[-2] in _NATIONAL_SLD):
        return None
    return _iso2_to_iso3().get("gb" if tld == "uk" else tld)


def _named_country(text: str) -> str | None:
    """The one country an unlisted outlet's name names or places itself in ("Libya Herald",
    "Meghalaya Times"), else None."""
    found = {_place_keys()[m.group()] for m in _place_pattern().finditer(_fold(text))}
    return found.pop() if len(found) == 1 else None


# --------------------------------------------------------------------------- helpers


def _fold(text: str) -> str:
    """Case, accents, apostrophes, punctuation and a leading "the" removed; "&" is "and"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’‘`]", "", text.replace("&", " and "))
    text = " ".join(re.findall(r"[^\W_]+", text))
    return text[4:] if text.startswith("the ") else text


def _key(text: str) -> str:
    """An outlet name as looked up: folded, without spaces ("News 18" is "News18")."""
    return _fold(text).replace(" ", "")


def _split_qualifier(text: str) -> tuple[str, str | None]:
    m = _QUALIFIED.match(text.strip())
    return (m.group(1), m.group(2)) if m and m.group(1) else (text, None)


def _country_word(text: str) -> str | None:
    """ISO3 when ``text`` is exactly a country's name, alias or demonym ("UK", "Bangladesh")."""
    return _country_keys().get(_fold(text))


def _host_of(url: str) -> str | None:
    url = url.strip()
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    return host[4:] if host.startswith("www.") else host


@functools.cache
def _country_keys() -> dict[str, str]:
    """Folded country names, aliases and demonyms -> ISO3; a key two countries share is out."""
    keys: dict[str, str] = {}
    shared: set[str] = set()
    for c in knowledge.countries():
        for word in (c.name, *c.aliases, *c.demonyms):
            key = _fold(word)
            if key in keys and keys[key] != c.iso3:
                shared.add(key)
            keys[key] = c.iso3
    return {k: v for k, v in keys.items() if k and k not in shared}


@functools.cache
def _country_words() -> dict[str, str]:
    """The keys of :func:`_country_keys` that may be read inside an outlet name: written-out
    names, not abbreviations ("US", "DRC"), which are ordinary letters in a name."""
    spelled = {_fold(w) for c in knowledge.countries() for w in (c.name, *c.aliases, *c.demonyms)
               if not re.fullmatch(r"[A-Z.\s]+", w.removeprefix("the "))}
    return {k: v for k, v in _country_keys().items() if k in spelled}


@functools.cache
def _place_keys() -> dict[str, str]:
    """:func:`_country_words` with capitals and the places of ``places.csv`` that have a
    country ("Lagos", "Balochistan"); a name two countries share is left out."""
    keys: dict[str, str] = {}
    shared: set[str] = set()
    words = [(c.iso3, w) for c in knowledge.countries() for w in c.capitals]
    words += [(p.country, w) for p in knowledge.places() if p.country
              and p.kind in ("city", "region", "island") for w in (p.name, *p.aliases)]
    for iso3, word in words:
        if "(" in word:
            continue
        key = _fold(word)
        if key in keys and keys[key] != iso3:
            shared.add(key)
        keys[key] = iso3
    keys = {k: v for k, v in keys.items() if k and k not in shared}
    return {**keys, **_country_words()}


@functools.cache
def _place_pattern() -> re.Pattern[str]:
    alts = "|".join(re.escape(k) for k in sorted(_place_keys(), key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b")


@functools.cache
def _iso2_to_iso3() -> dict[str, str]:
    return {c.iso2.lower(): c.iso3 for c in knowledge.countries()}


def _index() -> _Index:
    return _loaded()[1]


def _build_index(rows: list[Outlet] | tuple[Outlet, ...], fname: str = FNAME) -> _Index:
    """Name, qualified-name and host lookups; refuses a file whose names or hosts clash.

    An unqualified name may belong to one row only. A name written with its country in
    parentheses ("The Nation (Pakistan)") may share its bare form with other countries'
    rows, and that bare form may then not be listed unqualified for another country.
    """
    names: dict[str, Outlet] = {}
    qualified: dict[tuple[str, str], Outlet] = {}
    hosts: dict[str, Outlet] = {}
    for o in rows:
        where = f"{fname}:{o.line}"
        for text in (o.name, *o.aliases):
            bare, qualifier = _split_qualifier(text)
            country = _country_word(qualifier) if qualifier is not None else None
            if country is not None:
                if country != o.country:
                    raise ValueError(f"{where}: {text!r} names {country} in parentheses but "
                                     f"the row's country is {o.country}")
                key2 = (_key(bare), country)
                other = qualified.get(key2)
                if other is not None and other is not o:
                    raise ValueError(f"{where}: {text!r} is also listed on line {other.line}")
                qualified[key2] = o
                continue
            key = _key(text)
            other = names.get(key)
            if other is not None and other is not o:
                raise ValueError(f"{where}: {text!r} is also listed on line {other.line} "
                                 f"({other.name}, {other.country})")
            names[key] = o
        for host in o.hosts:
            other = hosts.get(host)
            if other is not None and other is not o:
                raise ValueError(f"{where}: host {host!r} is also listed on line {other.line}")
            hosts[host] = o
    for (bare, country), o in qualified.items():
        other = names.get(bare)
        if other is not None and other.country != country:
            raise ValueError(f"{fname}:{other.line}: {other.name!r} is listed unqualified for "
                             f"{other.country} but line {o.line} has it for {country}: write "
                             "every row of a shared name with its country in parentheses")
    return _Index(names=names, qualified=qualified, hosts=hosts)
