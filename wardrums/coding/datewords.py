"""Vocabulary for :mod:`wardrums.coding.dates`, kept apart so the patterns stay readable.

Every table is lower-case; the finder matches case-insensitively because the corpus may be
lower-cased news. Tables are plain data so a reviewer can see at a glance what is recognised.
"""

from __future__ import annotations

#: Full month names → month number.
MONTH_NAMES: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

#: Abbreviations (optionally followed by "."); only accepted next to a day number or a year,
#: because several are ordinary words ("mar", "dec").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

#: Month words that are also common English words (modal "may", "a march").
#: Without a day number or year they need a date-like word after them (see MONTH_FOLLOWERS).
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march", "mar"})

#: Weekday names → ``date.weekday()`` (Monday = 0). Abbreviations are left out: "sat", "sun"
#: and "wed" are too often ordinary words.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

#: Words after a weekday that make it a name, not a day ("Friday Mosque", "Good Friday Agreement").
WEEKDAY_BLOCKERS_AFTER: frozenset[str] = frozenset(
    (
        "mosque mosques agreement accord accords club group times telegraph express mirror "
        "herald tribune observer"
    ).split()
)
#: Words before a weekday that make it a name or a historic event ("Bloody Sunday").
WEEKDAY_BLOCKERS_BEFORE: frozenset[str] = frozenset({"bloody", "good"})
#: Words before a season that make it a named movement ("the Arab Spring of 2011").
SEASON_BLOCKERS_BEFORE: frozenset[str] = frozenset({"arab", "prague", "african"})

#: Parts of the day that may follow a weekday or deictic word ("Wednesday night").
PARTS_OF_DAY: tuple[str, ...] = ("morning", "afternoon", "evening", "night")

_ORDINAL_UNITS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
]  # fmt: skip
_ORDINAL_TEENS = [
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip

#: Ordinal words → number, first … thirty-first (days of the month, quarters, halves).
ORDINALS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: i + 10 for i, w in enumerate(_ORDINAL_TEENS)},
    "twentieth": 20,
    **{f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)},
    **{f"twenty {w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)},
    "thirtieth": 30,
    "thirty-first": 31,
    "thirty first": 31,
}

#: Counting words → number, up to twenty, plus the article forms ("a week ago").
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "a couple of": 2, "couple of": 2,
}  # fmt: skip

#: Quantities with no number ("a few days ago"): the offset is vague, so the resolver does not
#: pretend to know it.
VAGUE_QUANTITIES: frozenset[str] = frozenset({"a few", "few", "several", "some", "many"})

#: Hedges allowed before a count and ignored ("about two weeks ago", "more than a year ago").
QUANTITY_HEDGES: tuple[str, ...] = (
    "about", "around", "nearly", "almost", "roughly", "some", "over", "just", "only",
    "more than", "less than", "at least", "barely", "fewer than", "under",
)  # fmt: skip

#: Unit words (singular and plural) → canonical unit.
UNITS: dict[str, str] = {
    "minute": "minute", "minutes": "minute", "hour": "hour", "hours": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "fortnight": "fortnight", "fortnights": "fortnight", "month": "month", "months": "month",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
}  # fmt: skip

#: Quarter ordinals ("the final quarter" is the fourth).
QUARTER_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4,
}  # fmt: skip
#: Half-year ordinals.
HALF_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "latter": 2, "last": 2, "final": 2,
}  # fmt: skip

#: Seasons → first month (northern-hemisphere meteorological seasons, three months each).
#: "Winter of 2015" runs December 2015 – February 2016.
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

#: Prepositions that license a bare month name ("in May") or a bare year ("since 2014").
MONTH_PREPOSITIONS: tuple[str, ...] = (
    "in", "since", "until", "till", "by", "during", "through", "throughout", "from",
    "before", "after", "between",
)  # fmt: skip
YEAR_PREPOSITIONS: tuple[str, ...] = (
    "in", "since", "during", "by", "until", "till", "through", "throughout", "from",
    "before", "after", "of", "around", "in the year", "the year",
)  # fmt: skip

#: Words before a day-first date with an ambiguous month ("on 5 May") that show it is a date.
DAY_FIRST_PREPOSITIONS: frozenset[str] = frozenset(
    ("on of since until till by before after from to between and through during dated as").split()
)

#: Words that may follow a bare ambiguous month ("in May the army …", "since March, …"); a
#: verb after it ("this may be", "in march formation") means it is not a month.
MONTH_FOLLOWERS: frozenset[str] = frozenset(
    (
        "the a an and or but when as after before in on at to with that while this last next "
        "of for from until since by during amid following he she it they we i his her its "
        "their our there police officials troops government president rebels so then alone "
        "elections election will would was were is are has had saw brought"
    ).split()
)

#: Nouns that show a number after a month word is a count, not a day ("in March 12 people …").
COUNT_NOUNS: tuple[str, ...] = (
    "people", "persons", "soldiers", "troops", "civilians", "militants", "protesters", "members",
    "percent", "per cent", "dead", "killed", "wounded", "injured", "others", "men", "women",
    "children",
)  # fmt: skip

#: Words that may close an anchored expression after its date ("the Oct. 1 deadline") are any
#: word except these, which start the rest of the sentence instead.
ANCHOR_TAIL_STOPWORDS: frozenset[str] = frozenset(
    (
        "and or but of to in on at for by with from was were is are had has have be been when "
        "as that which who the a an it they he she we said says after before while until "
        "since this last next"
    ).split()
)
