"""Turning what a user types ("russia", "Rus", "IND/COP", "PRKK") into an actor key, or a hint.

A key is a country or organisation code as stored (``RUS``, ``NATO``), optionally with a
sector (``IND/COP``). Names, demonyms and capitals of countries resolve to their code; an
unknown code is refused with the closest known codes ("did you mean PRK?").
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from wardrums.data import knowledge
from wardrums.errors import InputError


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Lower-cased name/alias/demonym/capital/code -> code, for countries and organisations."""
    out: dict[str, str] = {}
    for c in knowledge.countries():
        for word in (c.iso3, c.iso2, c.name, *c.aliases, *c.demonyms, *c.capitals):
            out.setdefault(word.lower(), c.iso3)
    for igo in knowledge.igos():
        for word in (igo.code, igo.name, *igo.aliases):
            out.setdefault(word.lower(), igo.code)
    return out


def known_codes(extra: set[str] | None = None) -> set[str]:
    return {c.iso3 for c in knowledge.countries()} | {i.code for i in knowledge.igos()} | (
        extra or set())


def suggest(text: str, candidates: set[str], n: int = 3) -> list[str]:
    """The closest codes to ``text`` (by spelling, then by name)."""
    up = text.upper()
    close = difflib.get_close_matches(up, sorted(candidates), n=n, cutoff=0.5)
    by_name = difflib.get_close_matches(text.lower(), sorted(_names()), n=n, cutoff=0.75)
    for name in by_name:
        code = _names()[name]
        if code in candidates and code not in close:
            close.append(code)
    return close[:n]


def resolve(text: str, *, in_store: set[str] | None = None) -> str:
    """The key for ``text``: ``RUS``, ``NATO`` or ``IND/COP``; InputError with hints if unknown.

    ``in_store`` (the keys the store holds) widens what is accepted - an actor code a user
    added to the knowledge base is fine - and narrows the hints to pairs that exist.
    """
    raw = text.strip()
    if not raw:
        raise InputError("an actor code is empty; give an ISO3 code such as RUS")
    sector = None
    if "/" in raw:
        raw, sector = (part.strip() for part in raw.split("/", 1))
        if not sector:
            raise InputError(f"{text!r}: give a sector after the slash, e.g. IND/COP")
        sector = sector.upper()
    pool = known_codes(in_store)
    code = raw.upper() if raw.upper() in pool else _names().get(raw.lower())
    if code is None:
        hints = suggest(raw, {k.split("/")[0] for k in (in_store or pool)} or pool)
        hint = f"; did you mean {' or '.join(hints)}?" if hints else \
            "; use an ISO3 country code such as RUS, or an organisation code such as NATO"
        raise InputError(f"unknown actor {text!r}{hint}")
    return f"{code}/{sector}" if sector else code
