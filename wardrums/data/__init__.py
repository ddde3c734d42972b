"""Reviewable data files shipped with wardrums, and their loaders.

Actor knowledge (countries, institutions, IGOs, people, places, sector vocabulary) is read by
:mod:`wardrums.data.knowledge`; its public names are re-exported here.
"""

from wardrums.data.knowledge import (
    Country,
    Igo,
    Institution,
    Person,
    Place,
    Sector,
    countries,
    country_by_code,
    igo_by_code,
    igos,
    institution_patterns,
    institutions,
    load_people,
    people,
    places,
    sector_nouns,
    sectors,
    titles,
)

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
    "load_people",
    "people",
    "places",
    "sector_nouns",
    "sectors",
    "titles",
]
