"""When an event happened: find temporal expressions in a sentence and resolve them to dates.

News dates events relative to the day the story ran ("on Wednesday", "last month", "two days
after the vote on March 3"), so nearly every expression is resolved against the publication
date. Only the standard library is used; the vocabulary lives in :mod:`datewords`.

Finding (:func:`find_time_expressions`) runs every pattern below over the text, keeps the
longest non-overlapping matches, then widens a match into an *anchored* expression when an
offset phrase ("a month after the …") leads up to it.

Resolving (:func:`resolve`) is a cascade:

1. recognise: rescan the expression's text and take its longest expression (a bare "May" or
   "2017" is retried as "in May"/"in 2017"); nothing found → precision "unknown";
2. anchored ("N units after/before <date>"): resolve the anchor, then shift it by N units;
   the result keeps the anchor's precision;
3. absolute dates that carry a year ("Oct. 9, 2017", "2017-10-09", "in 2017", "Q3 2018")
   resolve without a publication date;
4. partial absolute dates ("Oct. 9", "in October", "the first quarter") take the year that puts
   them nearest the publication date, steered by tense (see :func:`_pick_day`);
5. relative expressions (weekdays, "yesterday", "last month", "two weeks ago") are arithmetic
   on the publication date; with no publication date they resolve to precision "unknown".

Conventions (precision is one of day|month|year|publication|unknown, so periods use
``end_date``):

* month/year precision: ``date`` is the first day of the period and ``end_date`` its last;
  rolling windows ("in the past month") start N units before publication and end on it.
* weeks run Monday–Sunday: "this/last/next week" → that Monday, precision "day", ``end_date``
  the Sunday; "earlier this week" ends the day before publication.
* "last weekend" → the most recent Saturday strictly before publication (on a Monday, two days
  before; on a Sunday, the day before), ``end_date`` the Sunday after it. "the weekend" /
  "over the weekend" → the latest Saturday on or before publication, or the coming one when the
  tense is future.
* a bare weekday → the latest such day on or before publication (the publication day itself if
  it is that weekday); "next"/"coming" → the first one after publication; with tense
  "future" the first one on or after it (a story of Tuesday saying talks "will be held on
  Tuesday" means that day); "last" → strictly before; "this" → that day of the publication's
  week.
* "N units later/earlier" with no anchor are counted from publication; "later" in a past-tense
  sentence cannot be after publication, so it gives precision "publication".
* vague counts ("days ago", "a few weeks later", "the past few days") give precision
  "publication" for day/week units (the event is close to publication) and "unknown" for
  months/years (the publication date would be badly wrong).
* "N days/weeks ago" → precision day; "N months ago" → month; "N years ago" → year.
* seasons are northern-hemisphere meteorological: spring = March–May, …, winter = December of
  its year – February of the next.
* dotted and dashed numeric dates are read day first, as most of the world writes them
  ("04.03.2015", "04-03-2015" → 4 March), unless only the month-first reading is valid; a
  slashed date with a year is read only when one reading is valid ("25/12/2017"); a yearless "06/02" counts as a date only in brackets or after "on", a weekday
  or "today" (elsewhere it is more often a count: "20/25 people"), and takes its year like
  "6 February". A bare ordinal day ("on the 16th") is that day of the publication's month, or
  of the month before when the day is still ahead (ahead instead when the tense is future).
* a relative expression with an absolute date beside it ("today (27/03)", "on Thursday
  [22 October]") is read as that absolute date: the writer spelled the day out.
* a sentence with no expression takes the article's running date when the coder passes one
  (``previous``: the last expression of an earlier sentence, see :class:`DiscourseDates`);
  without it, the publication date with precision "publication" — or, for a past-tense
  sentence, the day before it (:data:`UNDATED_PAST_LAG_DAYS`): a daily paper's undated "police
  arrested four" is, more often than not, yesterday's arrest. The precision stays
  "publication" either way, so a user can tell these inferred days from read ones.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from wardrums.coding.datewords import (
    AMBIGUOUS_MONTHS,
    ANCHOR_TAIL_STOPWORDS,
    COUNT_NOUNS,
    DAY_FIRST_PREPOSITIONS,
    HALF_ORDINALS,
    MONTH_ABBREVIATIONS,
    MONTH_FOLLOWERS,
    MONTH_NAMES,
    MONTH_PREPOSITIONS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    QUANTITY_HEDGES,
    QUARTER_ORDINALS,
    SEASON_BLOCKERS_BEFORE,
    SEASONS,
    UNITS,
    VAGUE_QUANTITIES,
    WEEKDAY_BLOCKERS_AFTER,
    WEEKDAY_BLOCKERS_BEFORE,
    WEEKDAYS,
    YEAR_PREPOSITIONS,
)
from wardrums.records import DatePrecision

Tense = Literal["past", "future", "present"]

#: A future reading of a yearless date ("Oct. 9", "in November") is only preferred when it is
#: nearer than the past one and no further ahead than this; news mostly reports the past.
FUTURE_HORIZON_DAYS = 92
FUTURE_HORIZON_MONTHS = 3
#: An undated past-tense event is dated this many days before publication (precision
#: "publication"). News reports mostly what happened since the last edition: a dated daily's
#: "police arrested four" (no day given) is yesterday's arrest more often than today's. Wire
#: and live-blog copy, filed within hours, would want 0; present and future tense always get
#: the publication day itself.
UNDATED_PAST_LAG_DAYS = 1

#: A past-tense sentence may name the day after publication (time zones, late editions).
PAST_SLACK_DAYS = 1


@dataclass(frozen=True, kw_only=True)
class TimeExpression:
    """A temporal expression found in a text; offsets point into the string searched."""

    text: str
    start: int
    end: int
    kind: str  # absolute | relative | weekday | deictic | period | anchored


@dataclass(frozen=True, kw_only=True)
class ResolvedDate:
    """A calendar reading of an expression; for month/year precision ``date`` is the first day."""

    date: dt.date | None
    precision: DatePrecision
    text: str | None
    end_date: dt.date | None = None


# --------------------------------------------------------------------------- regex fragments


def _alt(words: Iterable[str]) -> str:
    """An alternation of words, longest first so "sept" wins over "sep"; spaces match \\s+."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_MON_FULL = rf"(?:{_alt(MONTH_NAMES)})\b"
_MONTH = rf"(?:{_alt(MONTH_NAMES)})\b|(?:{_alt(MONTH_ABBREVIATIONS)})(?:\.|\b)"
_WEEKDAY = rf"(?:{_alt(WEEKDAYS)})\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_ORD = r"(?:(?:st|nd|rd|th)\b)"
_YEAR = r"(?:1[89]|20)\d\d(?!\d|,\d)"
_NUM = rf"(?:\d{{1,3}}|(?:{_alt(NUMBER_WORDS)})\b)"
_VAGUE = rf"(?:{_alt(VAGUE_QUANTITIES)})\b"
_HEDGE = rf"(?:{_alt(QUANTITY_HEDGES)})\b"
_UNIT = rf"(?:{_alt(UNITS)})\b"
_PART = rf"(?:{_alt(PARTS_OF_DAY)})\b"
_SEASON = rf"(?:{_alt(SEASONS)})\b"
_NOT_COUNT = rf"(?!\s*(?:%|(?:{_alt(COUNT_NOUNS)})\b))"
_NOT_NUMERIC = r"(?![/:.]\d)"
_CLAUSE_END = r"(?=\s*(?:[.,;:!?)\"”]|$))"
_MOD = r"(?:this\s+past|this\s+coming|last|this|next|past|coming)"


# --------------------------------------------------------------------------- date arithmetic


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(d: dt.date, n: int) -> dt.date:
    """Calendar months, clamped to the month's end (Oct 31 + 1 month → Nov 30)."""
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return dt.date(y, m + 1, min(d.day, _last_day(y, m + 1)))


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (negative = earlier); hours and minutes do not move the day."""
    if unit in ("hour", "minute"):
        return d
    if unit in ("day", "week", "fortnight"):
        return d + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
    return _add_months(d, n * {"month": 1, "year": 12, "decade": 120}[unit])


def _unit_precision(unit: str) -> DatePrecision:
    if unit == "month":
        return "month"
    if unit in ("year", "decade"):
        return "year"
    return "day"


def _rd(date: dt.date, precision: DatePrecision, end: dt.date | None = None) -> ResolvedDate:
    return ResolvedDate(date=date, precision=precision, text=None, end_date=end)


_UNKNOWN = ResolvedDate(date=None, precision="unknown", text=None)


def _month_period(y: int, m: int, months: int = 1) -> ResolvedDate:
    start = dt.date(y, m, 1)
    last = _add_months(start, months - 1)
    return _rd(start, "month", last.replace(day=_last_day(last.year, last.month)))


def _year_period(y: int, last_year: int | None = None) -> ResolvedDate:
    return _rd(dt.date(y, 1, 1), "year", dt.date(last_year or y, 12, 31))


def _at_precision(d: dt.date, precision: DatePrecision) -> ResolvedDate:
    """A point date widened to its calendar month or year when the precision is coarse."""
    if precision == "month":
        return _month_period(d.year, d.month)
    if precision == "year":
        return _year_period(d.year)
    return _rd(d, precision)


def _month_num(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTH_NAMES.get(w) or MONTH_ABBREVIATIONS[w]


def _count(text: str | None) -> int | None:
    """A count from digits or number words; None when missing or vague ("a few")."""
    if not text:
        return None
    t = " ".join(text.lower().split())
    if t.isdigit():
        return int(t)
    return NUMBER_WORDS.get(t)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# --------------------------------------------------------------------------- choosing a year


def _pick_day(
    month: int, day: int, pub: dt.date, tense: Tense | None, weekday: int | None = None
) -> dt.date | None:
    """The year for a yearless month-day, from the candidates around publication.

    tense "past" → the latest on or before publication (+1 day of slack); "future" → the first
    on or after it; otherwise the nearest, ties to the past, a future date only within
    FUTURE_HORIZON_DAYS. A weekday written with the date ("Monday, Oct. 9") narrows the years.
    """
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            continue
    if weekday is not None and any(c.weekday() == weekday for c in cands):
        cands = [c for c in cands if c.weekday() == weekday]
    if not cands:
        return None
    past = [c for c in cands if c <= pub]
    future = [c for c in cands if c > pub]
    if tense == "past":
        ok = [c for c in cands if c <= pub + dt.timedelta(days=PAST_SLACK_DAYS)]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if c >= pub]
        return min(ok) if ok else max(cands)
    best_past = max(past) if past else None
    best_future = min(future) if future else None
    if best_future is not None and (best_future - pub).days <= FUTURE_HORIZON_DAYS:
        if best_past is None or (best_future - pub) < (pub - best_past):
            return best_future
    return best_past if best_past is not None else best_future


def _pick_month(month: int, pub: dt.date, tense: Tense | None, mod: str | None = None) -> int:
    """The year for a yearless month name, by the same rules as :func:`_pick_day`.

    "last" → strictly before the publication month, "next" → strictly after, "this" → the
    publication year.
    """
    p = pub.year * 12 + pub.month - 1
    cands = [y * 12 + month - 1 for y in (pub.year - 1, pub.year, pub.year + 1)]
    if mod == "this":
        return pub.year
    if mod == "last":
        idx = max(c for c in cands if c < p)
    elif mod == "next":
        idx = min(c for c in cands if c > p)
    elif tense == "past":
        idx = max(c for c in cands if c <= p)
    elif tense == "future":
        idx = min(c for c in cands if c >= p)
    else:
        past = max(c for c in cands if c <= p)
        future = min(c for c in cands if c > p)
        idx = future if future - p < p - past and future - p <= FUTURE_HORIZON_MONTHS else past
    return idx // 12


def _pick_period_year(
    start: Callable[[int], dt.date],
    end: Callable[[int], dt.date],
    pub: dt.date,
    tense: Tense | None,
) -> int:
    """The year of a yearless period ("the first quarter"): the publication's year, moved back
    when a past-tense event would otherwise lie after publication, forward for the future."""
    y = pub.year
    if tense == "past" and start(y) > pub:
        return y - 1
    if tense == "future" and end(y) < pub:
        return y + 1
    return y


def _mod(text: str | None) -> str | None:
    """Normalise a modifier: "this past"/"past" → last, "this coming"/"coming" → next."""
    if not text:
        return None
    t = _norm(text)
    if t in ("this past", "past"):
        return "last"
    if t in ("this coming", "coming", "the coming"):
        return "next"
    return t


# --------------------------------------------------------------------------- handlers

Handler = Callable[[re.Match[str], dt.date | None, Tense | None], ResolvedDate]


def _day_value(m: re.Match[str]) -> int:
    gd = m.groupdict()
    if gd.get("day"):
        return int(gd["day"])
    return ORDINALS[_norm(gd["ord"]).replace(" ", "-")]


def _h_month_day(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """Oct. 9 / 9 October / the ninth of October, with optional year, weekday and day range."""
    gd = m.groupdict()
    month, day = _month_num(gd["mon"]), _day_value(m)
    day2 = int(gd["day2"]) if gd.get("day2") else None
    if gd.get("since"):
        tense = "past"
    if gd.get("year"):
        year = int(gd["year"])
    else:
        if pub is None:
            return _UNKNOWN
        weekday = WEEKDAYS[gd["wd"].lower()] if gd.get("wd") else None
        if day2 and day2 > day and tense == "past":
            tense = None  # "on 17 and 21 June": the span, not its first day, lies before
        picked = _pick_day(month, day, pub, tense, weekday)
        if picked is None:
            return _UNKNOWN
        year = picked.year
    try:
        start = dt.date(year, month, day)
        end = dt.date(year, month, day2) if day2 and day2 > day else None
    except ValueError:
        return _UNKNOWN
    return _rd(start, "day", end)


def _h_month_year(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    return _month_period(int(m["year"]), _month_num(m["mon"]))


def _h_bare_month(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "in May", "since March", "last October": the year comes from publication."""
    if pub is None:
        return _UNKNOWN
    gd = m.groupdict()
    if gd.get("prep") and _norm(gd["prep"]) == "since":
        tense = "past"
    month = _month_num(gd["mon"])
    return _month_period(_pick_month(month, pub, tense, _mod(gd.get("mod"))), month)


def _h_part_month(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "mid-October", "late May 2016", "the end of March": the whole month, month precision."""
    month = _month_num(m["mon"])
    if m["year"]:
        return _month_period(int(m["year"]), month)
    if pub is None:
        return _UNKNOWN
    return _month_period(_pick_month(month, pub, tense), month)


def _rel_year(rel: str | None, pub: dt.date | None) -> int | None:
    """The year meant by "the/this/last/next year"."""
    if pub is None:
        return None
    return pub.year + {"last": -1, "next": 1}.get(_norm(rel or "this"), 0)


def _h_part_year(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "early 2017", "mid-2017", "the end of last year": the whole year, year precision."""
    y = int(m["year"]) if m["year"] else _rel_year(m["rel"], pub)
    return _UNKNOWN if y is None else _year_period(y)


def _h_part_month_rel(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "the end of the month", "the beginning of next month"."""
    if pub is None:
        return _UNKNOWN
    d = _add_months(pub, {"last": -1, "next": 1}.get(_norm(m["rel"]), 0))
    return _month_period(d.year, d.month)


def _h_year(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    return _year_period(int(m["year"]))


def _h_iso(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    try:
        return _rd(dt.date(int(m["y"]), int(m["m"]), int(m["d"])), "day")
    except ValueError:
        return _UNKNOWN


def _slash_parts(m: re.Match[str]) -> tuple[int, int] | None:
    """(month, day) of an a/b/yyyy date when only one reading is possible, else None."""
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        return b, a
    if b > 12 >= a:
        return a, b
    return None


def _h_slash(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    parts = _slash_parts(m)
    if parts is None:
        return _UNKNOWN
    try:
        return _rd(dt.date(int(m["y"]), parts[0], parts[1]), "day")
    except ValueError:
        return _UNKNOWN


def _day_first_parts(a: int, b: int) -> tuple[int, int] | None:
    """(month, day) of a numeric a/b date read day first; month first only when that is the
    only valid reading."""
    if 1 <= b <= 12 and 1 <= a <= 31:
        return b, a
    if 1 <= a <= 12 and 1 <= b <= 31:
        return a, b
    return None


def _h_dmy(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """04.03.2015 / 04-03-2015 / 25/12/2017 read day first (see the conventions)."""
    parts = _day_first_parts(int(m["a"]), int(m["b"]))
    if parts is None:
        return _UNKNOWN
    try:
        return _rd(dt.date(int(m["y"]), parts[0], parts[1]), "day")
    except ValueError:
        return _UNKNOWN


def _h_day_month_numeric(m: re.Match[str], pub: dt.date | None,
                         tense: Tense | None) -> ResolvedDate:
    """ "(06/02)", "on 18/01": day first, the year from publication."""
    parts = _day_first_parts(int(m["a"]), int(m["b"]))
    if parts is None or pub is None:
        return _UNKNOWN
    picked = _pick_day(parts[0], parts[1], pub, tense)
    return _UNKNOWN if picked is None else _rd(picked, "day")


def _h_ordinal_day(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "on the 16th": that day of the publication's month, else of the month before (after
    for the future tense)."""
    if pub is None:
        return _UNKNOWN
    day = int(m["dnum"])
    step = 1 if tense == "future" else -1
    d = pub.replace(day=1)
    for _ in range(3):
        if day <= _last_day(d.year, d.month):
            cand = d.replace(day=day)
            if (cand >= pub) if step > 0 else (cand <= pub + dt.timedelta(days=PAST_SLACK_DAYS)):
                return _rd(cand, "day")
        d = _add_months(d, step)
    return _UNKNOWN


def _h_weekday(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """Weekday rules are in the module docstring."""
    if pub is None:
        return _UNKNOWN
    target = WEEKDAYS[m["wd"].lower()]
    mod = _mod(m["mod"])
    back = (pub.weekday() - target) % 7
    if mod == "last":
        return _rd(pub - dt.timedelta(days=back or 7), "day")
    if mod == "this":
        return _rd(pub - dt.timedelta(days=pub.weekday() - target), "day")
    if mod == "next":
        return _rd(pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7), "day")
    if tense == "future":  # "will meet (later) on Tuesday" in a Tuesday story: that day
        return _rd(pub + dt.timedelta(days=(target - pub.weekday()) % 7), "day")
    return _rd(pub - dt.timedelta(days=back), "day")


_DEICTIC_OFFSETS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _h_deictic(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    if pub is None:
        return _UNKNOWN
    t = _norm(m.group()).replace("'s", "")
    head = t.split()[0]
    key = t if t in _DEICTIC_OFFSETS else head
    return _rd(pub + dt.timedelta(days=_DEICTIC_OFFSETS[key]), "day")


def _h_calendar(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """this/last/next week|weekend|month|year, and earlier/later this …"""
    if pub is None:
        return _UNKNOWN
    raw = _norm(m["mod"])
    edge = raw.split()[0] if raw.split()[0] in ("earlier", "later") else None
    mod = "this" if edge else _mod(raw)
    k = {"last": -1, "next": 1}.get(mod or "this", 0)
    unit = m["unit"].lower()
    monday = pub - dt.timedelta(days=pub.weekday())
    if unit == "weekend":
        if mod == "last":
            sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7 or 7)
        else:
            sat = monday + dt.timedelta(days=5 + 7 * k)
        return _rd(sat, "day", sat + dt.timedelta(days=1))
    if unit == "week":
        start = monday + dt.timedelta(days=7 * k)
        end = start + dt.timedelta(days=6)
    elif unit == "month":
        first = _add_months(pub.replace(day=1), k)
        start, end = first, first.replace(day=_last_day(first.year, first.month))
    else:
        start, end = dt.date(pub.year + k, 1, 1), dt.date(pub.year + k, 12, 31)
    if edge == "earlier":
        end = max(start, pub - dt.timedelta(days=1))
    elif edge == "later" and unit == "week":
        start = min(pub + dt.timedelta(days=1), end)
    return _rd(start, _unit_precision(unit), end)


def _h_the_weekend(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "over the weekend": the latest Saturday on or before publication, or the coming one."""
    if pub is None:
        return _UNKNOWN
    if tense == "future":
        sat = pub + dt.timedelta(days=6 - pub.weekday()) - dt.timedelta(days=1)
    else:
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    return _rd(sat, "day", sat + dt.timedelta(days=1))


def _vague(unit: str, pub: dt.date) -> ResolvedDate:
    """A vague count ("days ago"): near publication for short units, unknown for long ones."""
    if _unit_precision(unit) == "day":
        return _rd(pub, "publication")
    return _UNKNOWN


def _h_offset(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "two weeks ago", "a week later", "two days earlier", "three days from now"."""
    if pub is None:
        return _UNKNOWN
    unit = UNITS[m["unit"].lower()]
    direction = _norm(m["dir"])
    n = _count(m["num"])
    forward = direction in ("later", "after", "from now", "hence")
    if forward and tense == "past" and direction not in ("from now", "hence"):
        return _rd(pub, "publication")
    if n is None:
        return _vague(unit, pub)
    return _at_precision(_shift(pub, unit, n if forward else -n), _unit_precision(unit))


def _h_narrative(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "the next day", "the previous week", "the day before": one unit from publication."""
    if pub is None:
        return _UNKNOWN
    gd = m.groupdict()
    unit = (gd.get("unit") or "day").lower()
    rel = _norm(gd.get("rel") or gd.get("rel2") or "")
    forward = rel in ("next", "following", "after")
    if forward and tense == "past":
        return _rd(pub, "publication")
    return _at_precision(_shift(pub, unit, 1 if forward else -1), _unit_precision(unit))


def _h_rolling(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "in the past month", "over the last two weeks", "the next three months": a window that
    ends (or starts) on the publication date."""
    if pub is None:
        return _UNKNOWN
    unit = UNITS[m["unit"].lower()]
    plural = m["unit"].lower().endswith("s")
    n = _count(m["num"]) if m["num"] else None if plural else 1  # "the coming days" is vague
    if n is None:
        return _vague(unit, pub)
    if _norm(m["dir"]) in ("next", "coming"):
        return _rd(pub, _unit_precision(unit), _shift(pub, unit, n))
    return _rd(_shift(pub, unit, -n), _unit_precision(unit), pub)


def _h_decade(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "the 1990s" → 1990–1999; "the early 1990s" → 1990–1993, mid 1994–1996, late 1997–1999."""
    y = int(m["dec"])
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(
        (m["part"] or "").lower(), (0, 9)
    )
    return _year_period(y + first, y + last)


def _quarter_year(
    year: str | None,
    rel: str | None,
    q_start: int,
    months: int,
    pub: dt.date | None,
    tense: Tense | None,
) -> int | None:
    if year:
        return int(year)
    if rel:
        return _rel_year(rel, pub)
    if pub is None:
        return None

    def start(y: int) -> dt.date:
        return dt.date(y, q_start, 1)

    def end(y: int) -> dt.date:
        last = _add_months(start(y), months - 1)
        return last.replace(day=_last_day(last.year, last.month))

    return _pick_period_year(start, end, pub, tense)


def _h_quarter(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    gd = m.groupdict()
    q = int(gd["q"]) if gd.get("q") else QUARTER_ORDINALS[gd["ord"].lower()]
    y = _quarter_year(gd.get("year") or gd.get("year2"), gd.get("rel"), 3 * q - 2, 3, pub, tense)
    return _UNKNOWN if y is None else _month_period(y, 3 * q - 2, 3)


def _h_half(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    gd = m.groupdict()
    h = int(gd["h"]) if gd.get("h") else HALF_ORDINALS[gd["ord"].lower()]
    y = _quarter_year(gd.get("year"), gd.get("rel"), 6 * h - 5, 6, pub, tense)
    return _UNKNOWN if y is None else _month_period(y, 6 * h - 5, 6)


def _season_span(year: int, season: str) -> tuple[dt.date, dt.date]:
    first = dt.date(year, SEASONS[season], 1)
    last = _add_months(first, 2)
    return first, last.replace(day=_last_day(last.year, last.month))


def _h_season(m: re.Match[str], pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
    """ "the spring of 2015", "last summer", "in the winter"."""
    gd = m.groupdict()
    season = gd["season"].lower()
    if gd.get("year"):
        year = int(gd["year"])
    else:
        if pub is None:
            return _UNKNOWN
        spans = [(y, *_season_span(y, season)) for y in range(pub.year - 2, pub.year + 2)]
        mod = _mod(gd.get("mod"))
        if mod == "last" or (mod is None and tense == "past"):
            year = max(y for y, s, e in spans if (e < pub if mod else s <= pub))
        elif mod == "next" or (mod is None and tense == "future"):
            year = min(y for y, s, e in spans if (s > pub if mod else e >= pub))
        else:  # "this spring", "in the spring": the one containing publication, else nearest

            def distance(span: tuple[int, dt.date, dt.date]) -> tuple[int, bool]:
                _, s, e = span
                gap = (s - pub).days if s > pub else (pub - e).days if e < pub else 0
                return gap, s > pub  # ties go to the past

            year = min(spans, key=distance)[0]
    start, end = _season_span(year, season)
    return _rd(start, "month", end)


# --------------------------------------------------------------------------- acceptance checks


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w']+)\W*$", text[:pos])
    return m.group(1).lower() if m else ""


def _word_after(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w']+)", text[pos:])
    return m.group(1).lower() if m else ""


def _month_follows_ok(m: re.Match[str], text: str) -> bool:
    """An ambiguous month name with no day or year must be followed by punctuation, the end,
    a digit or a function word: "in May, the …" is a month, "this may be" is not."""
    if (m.groupdict().get("year")) or m["mon"].lower().rstrip(".") not in AMBIGUOUS_MONTHS:
        return True
    rest = text[m.end() :]
    if not rest.strip() or re.match(r"\s*(?:[^\w\s]|\d)", rest):
        return True
    return _word_after(text, m.end()) in MONTH_FOLLOWERS


def _day_first_ok(m: re.Match[str], text: str) -> bool:
    """ "9 October" is a date; "the 3 may be freed" is not: an ambiguous month after a bare
    number needs a year, an ordinal suffix, a weekday or a date preposition before it."""
    gd = m.groupdict()
    if m["mon"].lower().rstrip(".") not in AMBIGUOUS_MONTHS:
        return True
    if gd.get("year") or gd.get("suf") or gd.get("wd") or gd.get("since"):
        return True
    before = text[: m.start()].rstrip()
    if before.endswith((",", "(", "-", "–")):
        return True
    return _word_before(text, m.start()) in DAY_FIRST_PREPOSITIONS


def _weekday_ok(m: re.Match[str], text: str) -> bool:
    """Not "Friday Mosque", "Good Friday Agreement", "Bloody Sunday"."""
    if _word_after(text, m.end()) in WEEKDAY_BLOCKERS_AFTER:
        return False
    return m["mod"] is not None or _word_before(text, m.start()) not in WEEKDAY_BLOCKERS_BEFORE


def _season_ok(m: re.Match[str], text: str) -> bool:
    return _word_before(text, m.start("season")) not in SEASON_BLOCKERS_BEFORE


def _slash_ok(m: re.Match[str], text: str) -> bool:
    return _slash_parts(m) is not None


#: Words after which a yearless "06/02" is a date.
_SHORT_NUMERIC_BEFORE = frozenset(
    {"on", "dated", "since", "until", "till", "today", "tonight", "yesterday", "night",
     "morning", "afternoon", "evening", "date", *WEEKDAYS}
)


def _short_numeric_ok(m: re.Match[str], text: str) -> bool:
    if _day_first_parts(int(m["a"]), int(m["b"])) is None:
        return False
    before = text[: m.start()].rstrip()
    if before.endswith(("(", "[")):
        return True
    return _word_before(text, m.start()) in _SHORT_NUMERIC_BEFORE and not re.search(
        r"[^\w\s]$", before)


# --------------------------------------------------------------------------- pattern table


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    handler: Handler
    accept: Callable[[re.Match[str], str], bool] | None = None
    anchorable: bool = True  # may serve as the anchor of "N units after <it>"


def _p(
    kind: str,
    pattern: str,
    handler: Handler,
    accept: Callable[[re.Match[str], str], bool] | None = None,
    anchorable: bool = True,
) -> _Pattern:
    return _Pattern(
        kind, re.compile(rf"\b(?:{pattern})", re.IGNORECASE), handler, accept, anchorable
    )


_SINCE = r"(?:(?P<since>since)\s+)?"
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"
_YEAR_TAIL = rf"(?:,?\s+(?P<year>{_YEAR}))?"
_REL_YEAR = rf"(?:(?P<year>{_YEAR})|(?P<rel>the|this|last|next)\s+year\b)"
_ORD_WORD = _alt(ORDINALS)

_PATTERNS: tuple[_Pattern, ...] = (
    # absolute: Oct. 9 / October 9th, 2017 / Monday, Oct. 9 / Oct. 9-11
    _p(
        "absolute",
        rf"{_SINCE}{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?:the\s+)?(?P<day>{_DAY}){_ORD}?"
        rf"(?:(?:\s*[-–]\s*|\s+(?:and|&)\s+)(?P<day2>{_DAY}){_ORD}?(?!\s*[:.]\d))?{_NOT_NUMERIC}"
        rf"{_YEAR_TAIL}{_NOT_COUNT}",
        _h_month_day,
    ),
    # absolute: 9 October / 9th of October 2017 / 9-11 October
    _p(
        "absolute",
        rf"{_SINCE}{_WD_PREFIX}(?:the\s+)?(?<![\d.,/:$£€-])(?P<day>{_DAY})(?P<suf>{_ORD})?"
        rf"(?:(?:\s*[-–]\s*|\s+(?:and|&)\s+)(?P<day2>{_DAY}){_ORD}?)?\s+(?:of\s+)?(?P<mon>{_MONTH})"
        rf"{_YEAR_TAIL}",
        _h_month_day,
        _day_first_ok,
    ),
    # absolute: the ninth of October
    _p(
        "absolute",
        rf"{_SINCE}(?:the\s+)?(?P<ord>{_ORD_WORD})\s+of\s+(?P<mon>{_MONTH}){_YEAR_TAIL}",
        _h_month_day,
        _month_follows_ok,
    ),
    # absolute: October 2017 / March of 2015
    _p("absolute", rf"(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<year>{_YEAR}){_NOT_COUNT}", _h_month_year),
    # absolute: in May / since March
    _p(
        "absolute",
        rf"(?P<prep>{_alt(MONTH_PREPOSITIONS)})\s+(?P<mon>{_MON_FULL})",
        _h_bare_month,
        _month_follows_ok,
    ),
    # relative: last October / this May / next March
    _p("relative", rf"(?P<mod>{_MOD})\s+(?P<mon>{_MON_FULL})", _h_bare_month, _month_follows_ok),
    # period: mid-October / early May 2016 / the end of March
    _p(
        "period",
        rf"(?:(?:early|late)\s+|mid[-\s]?|the\s+(?:beginning|start|end|middle)\s+of\s+)"
        rf"(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?P<year>{_YEAR}))?",
        _h_part_month,
        _month_follows_ok,
    ),
    # period: early 2017 / mid-2017 / the end of last year
    _p(
        "period",
        rf"(?:(?:early|late)\s+|mid[-\s]?|the\s+(?:beginning|start|end|middle)\s+of\s+){_REL_YEAR}",
        _h_part_year,
    ),
    # period: the end of the month / the start of next month
    _p(
        "period",
        r"the\s+(?:beginning|start|end|middle)\s+of\s+(?P<rel>the|this|last|next)\s+month\b",
        _h_part_month_rel,
    ),
    # absolute: in 2017 / since 2014 / the year 1999
    _p(
        "absolute",
        rf"(?P<prep>{_alt(YEAR_PREPOSITIONS)})\s+(?P<year>{_YEAR}){_NOT_COUNT}(?![\s-]*q[1-4]\b)",
        _h_year,
    ),
    # absolute: 2017-10-09 / 2017/10/09
    _p(
        "absolute",
        r"(?<![\d/.-])(?P<y>(?:1[89]|20)\d\d)([-/])(?P<m>0?[1-9]|1[0-2])\2"
        r"(?P<d>0?[1-9]|[12]\d|3[01])(?![\d/-])",
        _h_iso,
    ),
    # absolute: 25/12/2017 or 12/25/2017 (only when unambiguous)
    _p(
        "absolute",
        rf"(?<![\d/.-])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})(?![/])",
        _h_slash,
        _slash_ok,
    ),
    # absolute: 04.03.2015 / 04-03-2015 (day first)
    _p(
        "absolute",
        rf"(?<![\d/.-])(?P<a>\d{{1,2}})([.-])(?P<b>\d{{1,2}})\2(?P<y>{_YEAR})(?![.-]\d)",
        _h_dmy,
    ),
    # absolute: (06/02) / on 18/01 (day first, yearless)
    _p(
        "absolute",
        r"(?<![\d/.,-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![/\d]|\.\d)",
        _h_day_month_numeric,
        _short_numeric_ok,
    ),
    # absolute: on the 16th (day of the month)
    _p(
        "absolute",
        r"(?<=\bon\s)the\s+(?P<dnum>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
        r"(?=\s*(?:[.,;:!?)\]]|$|(?:in|at|and|when|as|with|after|before|but|while|near|from|"
        r"during|amid|outside)\b))",
        _h_ordinal_day,
    ),
    # weekday: Wednesday / last Wednesday night / Wednesday's
    _p(
        "weekday",
        rf"(?:(?P<mod>{_MOD})\s+)?(?P<wd>{_WEEKDAY})(?:['’]s\b)?(?:\s+(?P<part>{_PART}))?",
        _h_weekday,
        _weekday_ok,
    ),
    # deictic: today, tonight, yesterday morning, last night, the day before yesterday
    _p(
        "deictic",
        r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?:earlier|later)\s+today"
        r"|this\s+(?:morning|afternoon|evening)\b|last\s+night\b(?:['’]s\b)?"
        rf"|(?:today|tonight|yesterday|tomorrow)\b(?:['’]s\b)?(?:\s+(?:{_PART}))?",
        _h_deictic,
    ),
    # relative: last week / earlier this month / next year / this past weekend
    _p(
        "relative",
        r"(?P<mod>(?:earlier|later)\s+this|this\s+past|this\s+coming|the\s+coming|last|this|next"
        r"|past|coming)\s+(?P<unit>week|weekend|month|year)\b(?:['’]s\b)?",
        _h_calendar,
    ),
    # relative: over the weekend
    _p(
        "relative",
        r"(?:(?:over|at|during|on|through|throughout)\s+)?the\s+weekend\b(?:['’]s\b)?",
        _h_the_weekend,
    ),
    # relative: in the past month / over the last two weeks / the next three months
    _p(
        "relative",
        rf"(?:(?:in|over|during|for|within|throughout)\s+)?the\s+(?P<dir>past|last)\s+"
        rf"(?:(?P<num>{_NUM}|{_VAGUE})\s+)?(?P<unit>{_UNIT})(?!\s+of\b)",
        _h_rolling,
        anchorable=False,
    ),
    # relative: within the next month / in the coming days / the next three months
    _p(
        "relative",
        rf"(?:in|over|during|for|within)\s+the\s+(?P<dir>next|coming)\s+"
        rf"(?:(?P<num>{_NUM}|{_VAGUE})\s+)?(?P<unit>{_UNIT})(?!\s+of\b)",
        _h_rolling,
        anchorable=False,
    ),
    _p(
        "relative",
        rf"the\s+(?P<dir>next|coming)\s+(?P<num>{_NUM})\s+(?P<unit>{_UNIT})",
        _h_rolling,
        anchorable=False,
    ),
    # relative: two weeks ago / a week later / two days earlier / days ago
    _p(
        "relative",
        rf"(?:{_HEDGE}\s+)?(?:(?P<num>{_NUM}|{_VAGUE})\s+)?(?P<unit>{_UNIT})\s+"
        rf"(?P<dir>ago|later|earlier|from\s+now|hence|(?:before|after){_CLAUSE_END})",
        _h_offset,
        anchorable=False,
    ),
    # relative: the next day / the previous week / the day before.
    _p(
        "relative",
        r"the\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit>day|week|month|year)\b"
        rf"(?!\s+of\b)|the\s+day\s+(?P<rel2>before|after){_CLAUSE_END}",
        _h_narrative,
        anchorable=False,
    ),
    # period: the 1990s / the early 2000s
    _p(
        "period",
        r"(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]?)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b",
        _h_decade,
    ),
    # period: the first quarter of 2017 / third-quarter / the fourth quarter of last year
    _p(
        "period",
        rf"(?:the\s+)?(?P<ord>{_alt(QUARTER_ORDINALS)})[-\s]+quarter\b"
        rf"(?:\s+of\s+{_REL_YEAR}|\s+(?P<year2>{_YEAR}))?(?!\s+of\b)",
        _h_quarter,
    ),
    # period: Q3 2018 / Q1 / 2018 Q3
    _p("period", rf"q(?P<q>[1-4])\b(?:[\s-]*(?:of\s+)?(?P<year>{_YEAR}))?", _h_quarter),
    _p("period", rf"(?P<year>{_YEAR})[\s-]*q(?P<q>[1-4])\b", _h_quarter),
    # period: the second half of 2016 / H1 2018
    _p(
        "period",
        rf"(?:the\s+)?(?P<ord>{_alt(HALF_ORDINALS)})[-\s]+half\s+of\s+{_REL_YEAR}",
        _h_half,
    ),
    _p("period", rf"h(?P<h>[12])[\s-]*(?P<year>{_YEAR})", _h_half),
    # period: the spring of 2015 / summer 2016 / last winter / in the autumn
    _p(
        "period",
        rf"(?:the\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?(?P<year>{_YEAR})",
        _h_season,
        _season_ok,
    ),
    _p("period", rf"(?P<mod>{_MOD})\s+(?P<season>{_SEASON})", _h_season, _season_ok),
    _p(
        "period",
        r"(?:in|during|over|through|throughout|by)\s+the\s+(?P<season>spring|summer|autumn|winter)"
        r"\b(?!\s+of\b)",
        _h_season,
        _season_ok,
    ),
)

#: "a month after the", "two days after the vote on", "three weeks before": the offset phrase
#: that turns the date right after it into an anchor.
_ANCHOR_PREFIX = re.compile(
    rf"\b(?:(?:{_HEDGE}\s+)?(?P<num>{_NUM}|{_VAGUE})|(?P<the>the))\s+(?P<unit>{_UNIT})\s+"
    r"(?P<dir>after|before|following|prior\s+to|from)\s+"
    r"(?P<gap>(?:[^\W\d][\w'’-]*\s+){0,6})\Z",
    re.IGNORECASE,
)
#: The same offset phrase when the anchor itself starts with "after"/"before" ("after 2014").
_ANCHOR_BARE = re.compile(
    rf"\b(?:(?:{_HEDGE}\s+)?(?P<num>{_NUM}|{_VAGUE})|(?P<the>the))\s+(?P<unit>{_UNIT})\s+\Z",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- scanning


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str
    anchorable: bool
    resolve: Callable[[dt.date | None, Tense | None], ResolvedDate]


def _bind(
    handler: Handler, m: re.Match[str]
) -> Callable[[dt.date | None, Tense | None], ResolvedDate]:
    return lambda pub, tense: handler(m, pub, tense)


def _anchored(
    anchor: _Hit, prefix: re.Match[str], direction: str
) -> Callable[[dt.date | None, Tense | None], ResolvedDate]:
    """Resolution of "N units after/before <anchor>": the anchor moved by N units."""
    unit = UNITS[prefix["unit"].lower()]
    n = 1 if prefix["the"] else _count(prefix["num"]) or 0
    sign = -1 if _norm(direction) in ("before", "prior to") else 1

    def resolve(pub: dt.date | None, tense: Tense | None) -> ResolvedDate:
        # An event after a past anchor is past; before an anchor, the anchor may be ahead.
        anchor_tense = tense if sign > 0 or tense == "future" else None
        base = anchor.resolve(pub, anchor_tense)
        if base.date is None or base.precision == "publication":
            return _UNKNOWN
        moved = _shift(base.date, unit, sign * n)
        if base.precision in ("month", "year"):
            return _at_precision(moved, base.precision)
        end = _shift(base.end_date, unit, sign * n) if base.end_date else None
        return _rd(moved, base.precision, end)

    return resolve


def _scan(text: str) -> list[_Hit]:
    """All expressions in ``text``: longest non-overlapping matches, then anchored widening."""
    cands: list[tuple[int, int, int, _Hit]] = []
    for order, pat in enumerate(_PATTERNS):
        for m in pat.regex.finditer(text):
            if m.end() <= m.start() or (pat.accept and not pat.accept(m, text)):
                continue
            hit = _Hit(m.start(), m.end(), pat.kind, pat.anchorable, _bind(pat.handler, m))
            cands.append((-(m.end() - m.start()), m.start(), order, hit))
    chosen: list[_Hit] = []
    for *_, hit in sorted(cands, key=lambda c: c[:3]):
        if all(hit.end <= h.start or hit.start >= h.end for h in chosen):
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    out: list[_Hit] = []
    for i, hit in enumerate(chosen):
        wider = _widen(
            text,
            hit,
            out[-1].end if out else 0,
            chosen[i + 1].start if i + 1 < len(chosen) else len(text),
        )
        out.append(wider or hit)
    return out


def _widen(text: str, hit: _Hit, lo: int, hi: int) -> _Hit | None:
    """The anchored expression around ``hit`` when an offset phrase leads up to it."""
    if not hit.anchorable:
        return None
    base = max(lo, hit.start - 160)
    prefix = _ANCHOR_PREFIX.search(text[base : hit.start])
    direction = prefix["dir"] if prefix else ""
    first = text[hit.start : hit.end].split()[0].lower()
    if prefix is None and first in ("after", "before"):  # "two years after 2014"
        prefix, direction = _ANCHOR_BARE.search(text[base : hit.start]), first
    if prefix is None:
        return None
    if (
        prefix["num"]
        and _count(prefix["num"]) is None
        and UNITS[prefix["unit"].lower()] not in ("hour", "minute")
    ):
        return None  # "days after the vote on March 3": the offset is unknown
    end = hit.end
    gap_words = (prefix.groupdict().get("gap") or "").split()
    if (gap_words and gap_words[-1].lower() == "the") or _norm(text[hit.start : hit.end]).endswith(
        "'s"
    ):
        tail = re.match(r"\s+([^\W\d][\w-]*)", text[hit.end : hi])
        if tail and tail.group(1).lower() not in ANCHOR_TAIL_STOPWORDS:
            end = hit.end + tail.end()
    return _Hit(base + prefix.start(), end, "anchored", False, _anchored(hit, prefix, direction))


# --------------------------------------------------------------------------- public API


@functools.lru_cache(maxsize=2048)
def _expressions_of(sentence: str) -> tuple[TimeExpression, ...]:
    """The expressions of a sentence, scanned once however many events it holds."""
    return tuple(find_time_expressions(sentence))


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Temporal expressions in ``text``, non-overlapping, longest match first, in text order."""
    return [
        TimeExpression(text=text[h.start : h.end], start=h.start, end=h.end, kind=h.kind)
        for h in _scan(text)
    ]


def _best_hit(text: str) -> _Hit | None:
    """The longest expression in ``text``; a bare "May" or "2017" is read as "in May"."""
    for prefix in ("", "in ", "on "):
        hits = _scan(prefix + text)
        if hits:
            return max(hits, key=lambda h: (h.end - h.start, -h.start))
    return None


def resolve(
    expr: TimeExpression | str, published: dt.date | None, *, tense: Tense | None = None
) -> ResolvedDate:
    """The date an expression denotes, read against the publication date (cascade above)."""
    text = expr.text if isinstance(expr, TimeExpression) else expr
    hit = _best_hit(text)  # stage 1
    if hit is None:
        return replace(_UNKNOWN, text=text)
    return replace(hit.resolve(published, tense), text=text)  # stages 2-5 live in the handlers


_BARRIERS = re.compile(r"[;\"“”«»]")


def _distance(sentence: str, e: TimeExpression, near: int, near_end: int) -> tuple[int, int]:
    """(crosses a clause barrier, characters between) from the trigger to an expression."""
    if e.end <= near:
        between = sentence[e.end : near]
    elif e.start >= near_end:
        between = sentence[near_end : e.start]
    else:
        return 0, 0
    return int(bool(_BARRIERS.search(between))), len(between)


#: What may stand between a relative expression and the absolute date that spells it out:
#: "today (27/03)", "Thursday [22 October]", "Sunday, 5 January".
_APPOSITION_GAP = re.compile(r"\s*[(\[,]?\s*")


def _spelled_out(sentence: str, chosen: TimeExpression,
                 exprs: list[TimeExpression]) -> TimeExpression | None:
    """The absolute date written right after a relative ``chosen``, if any."""
    if chosen.kind == "absolute" or chosen.kind == "anchored":
        return None
    for e in exprs:
        if e.start >= chosen.end and e.kind == "absolute":
            if _APPOSITION_GAP.fullmatch(sentence[chosen.end : e.start]):
                return e
            return None
    return None


def resolve_event_date(
    sentence: str,
    published: dt.date | None,
    *,
    tense: Tense | None = None,
    near: int | None = None,
    previous: ResolvedDate | None = None,
) -> ResolvedDate:
    """The date of the event in ``sentence``.

    With ``near`` (the trigger's offset) the expression closest to the trigger wins, preferring
    one in the same clause (no ';' or quotation mark in between); otherwise the first one. A
    relative expression followed by the absolute date it stands for ("today (27/03)") gives
    that date when it resolves to a day.
    No expression → ``previous`` (the article's running date, from an earlier sentence: see
    :class:`DiscourseDates`) when given and dated, else the publication date with precision
    "publication" (the day before it when ``tense`` is "past"; "unknown" when there is no
    publication date either).
    """
    exprs = _expressions_of(sentence)
    if not exprs:
        if previous is not None and previous.date is not None \
                and previous.precision not in ("publication", "unknown"):
            return previous
        if published is None:
            return _UNKNOWN
        if tense == "past":
            published -= dt.timedelta(days=UNDATED_PAST_LAG_DAYS)
        return ResolvedDate(date=published, precision="publication", text=None)
    chosen = exprs[0]
    if near is not None:
        word = re.match(r"[\w'-]*", sentence[near:])
        near_end = near + (word.end() if word else 0)
        chosen = min(exprs, key=lambda e: (*_distance(sentence, e, near, near_end), e.start))
        chosen = _own_anchor(chosen, near) or chosen
    spelled = _spelled_out(sentence, chosen, exprs)
    out = None
    if spelled is not None:
        out = _agreeing(resolve(spelled, published, tense=tense), chosen, published, tense)
    out = out or resolve(chosen, published, tense=tense)
    if near is not None and out.precision == "day" and out.date is not None:
        days = _days_apart(sentence, chosen, near)
        if days:  # "on Tuesday, a day after Hezbollah *fired*": Monday
            out = replace(out, date=out.date + dt.timedelta(days=days),
                          end_date=out.end_date + dt.timedelta(days=days)
                          if out.end_date else None)
    return out


_DIRECTION = re.compile(r"\b(?:after|before|following|prior\s+to|from)\b", re.IGNORECASE)


def _own_anchor(chosen: TimeExpression, near: int) -> TimeExpression | None:
    """For an act told inside an anchored expression ("a day after protesters *clashed* with
    police on Sunday"), the anchor's own date (Sunday), not the date the offset leads to."""
    if chosen.kind != "anchored" or not chosen.start <= near < chosen.end:
        return None
    d = _DIRECTION.search(chosen.text)
    if d is None or near < chosen.start + d.end():
        return None
    inner = find_time_expressions(chosen.text[d.end():])
    if not inner:
        return None
    at = chosen.start + d.end()
    return replace(inner[-1], start=inner[-1].start + at, end=inner[-1].end + at)


# "a day after", "two days before", "a week after": an act told in such a clause took place
# that long before (after) the date of the clause it hangs on.
_APART = re.compile(r"\b(?P<num>an?|one|two|three|four|five|six|seven|\d+)\s+"
                    r"(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\b", re.IGNORECASE)


def _days_apart(sentence: str, chosen: TimeExpression, near: int) -> int:
    """How many days the act at ``near`` lies from ``chosen``'s date when the act is told in
    a clause "N days after/before ..." and the date is outside that clause."""
    for m in _APART.finditer(sentence):
        if not (m.end() <= near and not re.search(r"[,;:]", sentence[m.end():near])):
            continue
        if chosen.start >= m.start():
            return 0  # the clause has its own date: "a day after they clashed *on Sunday*"
        n = NUMBER_WORDS.get(m["num"].lower()) or (int(m["num"]) if m["num"].isdigit() else 0)
        days = n * (7 if m["unit"].lower().startswith("week") else 1)
        return -days if m["dir"].lower() == "after" else days
    return 0


def _agreeing(spelled: ResolvedDate, rel: TimeExpression, published: dt.date | None,
              tense: Tense | None) -> ResolvedDate | None:
    """The spelled-out date, unless it is not a day or contradicts a weekday written with it
    ("Thursday 22/02" where 22 February is no Thursday: a typo, the weekday is kept)."""
    if spelled.precision != "day" or spelled.date is None:
        return None
    if rel.kind == "weekday":
        wd = re.search(_WEEKDAY, rel.text, re.IGNORECASE)
        if wd and spelled.date.weekday() != WEEKDAYS[wd.group().lower()]:
            return None
    return spelled


# Words that put a sentence's day ahead of the story: "will", "is expected to", "is due to".
_AHEAD_WORDS = re.compile(
    r"\b(?:will|shall|(?:is|are|was|were) (?:expected|due|set|scheduled|slated) to|plans? to|"
    r"planned for|scheduled for|next(?!\s+to\b))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s")


def _lead_up(text: str, e: TimeExpression, starts: list[int]) -> str:
    """The words of ``e``'s sentence before it: the verb the date hangs on comes first ("is
    expected to visit Beirut *on Thursday*"; not "protesters *on Monday* said they will").
    ``starts``: the sentence starts of ``text``, ascending (found once per article)."""
    start = starts[bisect.bisect_right(starts, e.start) - 1]
    return text[start:e.start]


class DiscourseDates:
    """An article's running date: what a sentence with no date of its own refers to.

    News and analyst notes name the day once ("… clashed in Bogra on Thursday morning.") and
    then go on without it ("Police arrested four."). :meth:`before` gives the date of the last
    expression in the article before an offset that resolves to a day (or to a month or year
    written out: "in March 2015"), or None. The article is scanned once, on first use.

        dd = DiscourseDates(article.text, article.published)
        resolve_event_date(sent.text, pub, tense=…, near=…, previous=dd.before(sent.start))
    """

    def __init__(self, text: str, published: dt.date | None) -> None:
        self._text = text
        self._published = published
        self._dated: list[tuple[int, ResolvedDate]] | None = None

    def _scan(self) -> list[tuple[int, ResolvedDate]]:
        out: list[tuple[int, ResolvedDate]] = []
        exprs = find_time_expressions(self._text)
        starts = [0, *(m.end() for m in _SENTENCE_END.finditer(self._text))]
        for e in exprs:
            # "is expected to visit Beirut *on Thursday*": a day to come, never the running
            # date of what happened (the caller drops dates after publication)
            tense: Tense = "future" if _AHEAD_WORDS.search(_lead_up(self._text, e, starts)) \
                else "past"
            r = resolve(e, self._published, tense=tense)
            if r.date is None or r.precision in ("publication", "unknown"):
                continue
            if r.precision != "day" and e.kind != "absolute":
                continue  # "in the past month", "last year": a span, not the story's day
            spelled = _spelled_out(self._text, e, exprs)
            if spelled is not None:
                r = _agreeing(resolve(spelled, self._published, tense="past"), e,
                              self._published, "past") or r
            out.append((e.end, r))
        return out

    def before(self, offset: int) -> ResolvedDate | None:
        """The running date for a sentence that starts at ``offset`` in the article."""
        if self._dated is None:
            self._dated = self._scan()
        found = None
        for end, r in self._dated:
            if end > offset:
                break
            found = r
        return found
