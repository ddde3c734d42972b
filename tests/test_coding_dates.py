"""Tests for the temporal expression finder and date resolver.

Expected dates are worked out by hand. The default publication date, 2017-10-12, is a
Thursday: that week runs Monday 9 – Sunday 15 October, the previous weekend is 7–8 October.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wardrums.coding.dates import (
    ResolvedDate,
    TimeExpression,
    find_time_expressions,
    resolve,
    resolve_event_date,
)

D = dt.date
PUB = D(2017, 10, 12)  # Thursday
MON = D(2017, 10, 16)  # Monday
SUN = D(2017, 10, 15)  # Sunday


def texts(sentence: str) -> list[str]:
    return [e.text for e in find_time_expressions(sentence)]


def check(
    expr: str,
    pub: dt.date | None,
    date: dt.date | None,
    precision: str,
    end: dt.date | None = None,
    tense: str | None = None,
) -> None:
    got = resolve(expr, pub, tense=tense)  # type: ignore[arg-type]
    assert (got.date, got.precision, got.end_date) == (date, precision, end), got


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("sentence", "tense", "expected"),
    [
        ("Rebels shelled the town on Wednesday.", None, D(2017, 10, 11)),
        ("Wednesday", "past", D(2017, 10, 11)),
        ("Wednesday", "present", D(2017, 10, 11)),
        ("The envoy will arrive on Wednesday.", "future", D(2017, 10, 18)),
        ("last Wednesday", None, D(2017, 10, 11)),
        ("this Wednesday", None, D(2017, 10, 11)),
        ("next Wednesday", None, D(2017, 10, 18)),
        ("Wednesday night", None, D(2017, 10, 11)),
        ("Wednesday morning", None, D(2017, 10, 11)),
        ("Thursday", None, PUB),  # publication weekday → publication day itself
        ("The council will meet later on Thursday.", "future", PUB),  # ... in the future too
        ("last Thursday", None, D(2017, 10, 5)),
        ("next Thursday", None, D(2017, 10, 19)),
        ("Friday", None, D(2017, 10, 6)),
        ("Friday", "future", D(2017, 10, 13)),
        ("this Friday", None, D(2017, 10, 13)),
        ("this past Sunday", None, D(2017, 10, 8)),
        ("Monday's vote", None, D(2017, 10, 9)),
    ],
)
def test_weekdays(sentence: str, tense: str | None, expected: dt.date) -> None:
    exprs = find_time_expressions(sentence)
    assert len(exprs) == 1 and exprs[0].kind == "weekday"
    check(exprs[0].text, PUB, expected, "day", tense=tense)


# --------------------------------------------------------------------------- deictic words


@pytest.mark.parametrize(
    ("expr", "delta"),
    [
        ("today", 0), ("tonight", 0), ("this morning", 0), ("this evening", 0),
        ("yesterday", -1), ("last night", -1), ("yesterday afternoon", -1), ("tomorrow", 1),
        ("the day before yesterday", -2), ("the day after tomorrow", 2),
    ],
)  # fmt: skip
def test_deictic(expr: str, delta: int) -> None:
    assert texts(f"Police said {expr} that") == [expr]
    check(expr, PUB, PUB + dt.timedelta(days=delta), "day")


# --------------------------------------------------------------------------- weeks and weekends


@pytest.mark.parametrize(
    ("expr", "pub", "tense", "start", "end"),
    [
        ("this week", PUB, None, D(2017, 10, 9), D(2017, 10, 15)),
        ("last week", PUB, None, D(2017, 10, 2), D(2017, 10, 8)),
        ("next week", PUB, None, D(2017, 10, 16), D(2017, 10, 22)),
        ("earlier this week", PUB, None, D(2017, 10, 9), D(2017, 10, 11)),
        ("later this week", PUB, None, D(2017, 10, 13), D(2017, 10, 15)),
        ("last weekend", PUB, None, D(2017, 10, 7), D(2017, 10, 8)),
        ("last weekend", MON, None, D(2017, 10, 14), D(2017, 10, 15)),  # Monday: two days back
        ("last weekend", SUN, None, D(2017, 10, 14), D(2017, 10, 15)),
        ("this weekend", PUB, None, D(2017, 10, 14), D(2017, 10, 15)),
        ("next weekend", PUB, None, D(2017, 10, 21), D(2017, 10, 22)),
        ("over the weekend", MON, "past", D(2017, 10, 14), D(2017, 10, 15)),
        ("over the weekend", PUB, "future", D(2017, 10, 14), D(2017, 10, 15)),
    ],
)
def test_weeks_and_weekends(
    expr: str, pub: dt.date, tense: str | None, start: dt.date, end: dt.date
) -> None:
    check(expr, pub, start, "day", end, tense=tense)


# --------------------------------------------------------------------------- months and years


@pytest.mark.parametrize(
    ("expr", "pub", "start", "precision", "end"),
    [
        ("last month", PUB, D(2017, 9, 1), "month", D(2017, 9, 30)),
        ("last month", D(2018, 1, 15), D(2017, 12, 1), "month", D(2017, 12, 31)),
        ("this month", PUB, D(2017, 10, 1), "month", D(2017, 10, 31)),
        ("next month", PUB, D(2017, 11, 1), "month", D(2017, 11, 30)),
        ("earlier this month", PUB, D(2017, 10, 1), "month", D(2017, 10, 11)),
        ("in the past month", PUB, D(2017, 9, 12), "month", PUB),
        ("over the last two weeks", PUB, D(2017, 9, 28), "day", PUB),
        ("last year", PUB, D(2016, 1, 1), "year", D(2016, 12, 31)),
        ("this year", PUB, D(2017, 1, 1), "year", D(2017, 12, 31)),
        ("next year", PUB, D(2018, 1, 1), "year", D(2018, 12, 31)),
        ("earlier this year", PUB, D(2017, 1, 1), "year", D(2017, 10, 11)),
        ("the end of last year", PUB, D(2016, 1, 1), "year", D(2016, 12, 31)),
    ],
)
def test_calendar_relative(
    expr: str, pub: dt.date, start: dt.date, precision: str, end: dt.date
) -> None:
    assert texts(f"it said {expr}.") == [expr]
    check(expr, pub, start, precision, end)


# --------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    "expr",
    [
        "Oct. 9",
        "October 9",
        "9 October",
        "Oct 9th",
        "9th of October",
        "the ninth of October",
        "Monday, Oct. 9",
    ],
)
def test_month_day_forms(expr: str) -> None:
    assert texts(f"The strike came on {expr} after talks.") == [expr]
    check(expr, PUB, D(2017, 10, 9), "day")


@pytest.mark.parametrize(
    "expr",
    ["October 9, 2017", "9 October 2017", "2017-10-09", "Oct. 9 2017", "Monday, Oct. 9, 2017"],
)
def test_full_dates_need_no_publication(expr: str) -> None:
    assert texts(f"It was signed on {expr} in Geneva.") == [expr]
    check(expr, None, D(2017, 10, 9), "day")


@pytest.mark.parametrize(
    ("expr", "pub", "tense", "expected"),
    [
        ("Oct. 9", D(2017, 10, 5), None, D(2017, 10, 9)),  # upcoming deadline, 4 days ahead
        ("Oct. 9", D(2017, 10, 5), "past", D(2016, 10, 9)),
        ("Oct. 9", D(2018, 4, 15), None, D(2017, 10, 9)),  # six months ahead: too far → past
        ("Oct. 9", D(2018, 4, 15), "future", D(2018, 10, 9)),
        ("Jan. 20", D(2017, 12, 28), None, D(2018, 1, 20)),  # nearest is next year
        ("Dec. 28", D(2018, 1, 3), None, D(2017, 12, 28)),
        ("Oct. 13", PUB, "past", D(2017, 10, 13)),  # one day of slack for past tense
        ("Oct. 14", PUB, "past", D(2016, 10, 14)),
        ("Feb. 29", D(2017, 3, 10), None, D(2016, 2, 29)),  # only leap year in reach
        ("Monday, Oct. 9", D(2018, 6, 1), "future", D(2017, 10, 9)),  # weekday fixes the year
        ("since Oct. 14", PUB, None, D(2016, 10, 14)),  # "since" implies the past
    ],
)
def test_yearless_dates_pick_the_year(
    expr: str, pub: dt.date, tense: str | None, expected: dt.date
) -> None:
    check(expr, pub, expected, "day", tense=tense)


@pytest.mark.parametrize(
    ("expr", "pub", "tense", "start", "precision", "end"),
    [
        ("October 2017", None, None, D(2017, 10, 1), "month", D(2017, 10, 31)),
        ("in 2017", None, None, D(2017, 1, 1), "year", D(2017, 12, 31)),
        ("in 1999", None, None, D(1999, 1, 1), "year", D(1999, 12, 31)),
        ("since 2014", None, None, D(2014, 1, 1), "year", D(2014, 12, 31)),
        ("mid-October", PUB, None, D(2017, 10, 1), "month", D(2017, 10, 31)),
        ("early October", PUB, None, D(2017, 10, 1), "month", D(2017, 10, 31)),
        ("late October", D(2018, 1, 10), None, D(2017, 10, 1), "month", D(2017, 10, 31)),
        ("late October 2016", PUB, None, D(2016, 10, 1), "month", D(2016, 10, 31)),
        ("in October", D(2018, 1, 15), None, D(2017, 10, 1), "month", D(2017, 10, 31)),
        ("in February", D(2018, 1, 15), None, D(2018, 2, 1), "month", D(2018, 2, 28)),
        ("in February", D(2018, 1, 15), "past", D(2017, 2, 1), "month", D(2017, 2, 28)),
        ("last October", PUB, None, D(2016, 10, 1), "month", D(2016, 10, 31)),
        ("next May", PUB, None, D(2018, 5, 1), "month", D(2018, 5, 31)),
        ("since March", D(2017, 2, 10), None, D(2016, 3, 1), "month", D(2016, 3, 31)),
        ("25/12/2017", None, None, D(2017, 12, 25), "day", None),
        ("Oct. 9-11", PUB, None, D(2017, 10, 9), "day", D(2017, 10, 11)),
    ],
)
def test_months_years_and_ranges(
    expr: str,
    pub: dt.date | None,
    tense: str | None,
    start: dt.date,
    precision: str,
    end: dt.date | None,
) -> None:
    check(expr, pub, start, precision, end, tense=tense)


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("expr", "pub", "tense", "start", "precision", "end"),
    [
        ("the first quarter of 2017", None, None, D(2017, 1, 1), "month", D(2017, 3, 31)),
        ("Q3 2018", None, None, D(2018, 7, 1), "month", D(2018, 9, 30)),
        ("2018 Q4", None, None, D(2018, 10, 1), "month", D(2018, 12, 31)),
        ("the second half of 2016", None, None, D(2016, 7, 1), "month", D(2016, 12, 31)),
        ("H1 2018", None, None, D(2018, 1, 1), "month", D(2018, 6, 30)),
        ("the spring of 2015", None, None, D(2015, 3, 1), "month", D(2015, 5, 31)),
        ("winter 2015", None, None, D(2015, 12, 1), "month", D(2016, 2, 29)),
        ("the first quarter", PUB, None, D(2017, 1, 1), "month", D(2017, 3, 31)),
        ("the fourth quarter", D(2017, 8, 1), "past", D(2016, 10, 1), "month", D(2016, 12, 31)),
        ("the fourth quarter", D(2017, 8, 1), None, D(2017, 10, 1), "month", D(2017, 12, 31)),
        ("the third quarter of last year", PUB, None, D(2016, 7, 1), "month", D(2016, 9, 30)),
        ("last summer", PUB, None, D(2017, 6, 1), "month", D(2017, 8, 31)),
        ("next spring", PUB, None, D(2018, 3, 1), "month", D(2018, 5, 31)),
        ("the 1990s", None, None, D(1990, 1, 1), "year", D(1999, 12, 31)),
        ("the early 2000s", None, None, D(2000, 1, 1), "year", D(2003, 12, 31)),
        ("mid-2016", None, None, D(2016, 1, 1), "year", D(2016, 12, 31)),
    ],
)
def test_periods(
    expr: str, pub: dt.date | None, tense: str | None, start: dt.date, precision: str, end: dt.date
) -> None:
    assert texts(f"Output fell in {expr}, it said.") in ([expr], [f"in {expr}"])
    check(expr, pub, start, precision, end, tense=tense)


def test_yearless_quarter_needs_publication() -> None:
    check("the first quarter", None, None, "unknown")


# --------------------------------------------------------------------------- anchored and offsets


@pytest.mark.parametrize(
    ("sentence", "expr", "pub", "expected"),
    [
        ("Fighting resumed a month after the Oct. 1 deadline passed.",
         "a month after the Oct. 1 deadline", PUB, D(2017, 11, 1)),
        ("Riots broke out two days after the vote on March 3.",
         "two days after the vote on March 3", PUB, D(2017, 3, 5)),
        ("The army mobilised three weeks before the election on 5 May.",
         "three weeks before the election on 5 May", D(2017, 4, 20), D(2017, 4, 14)),
        ("Troops withdrew two days after Monday's vote.",
         "two days after Monday's vote", PUB, D(2017, 10, 11)),
        ("The ceasefire collapsed the day after the Oct. 1, 2017 referendum.",
         "the day after the Oct. 1, 2017 referendum", None, D(2017, 10, 2)),
    ],
)  # fmt: skip
def test_anchored(sentence: str, expr: str, pub: dt.date | None, expected: dt.date) -> None:
    exprs = find_time_expressions(sentence)
    assert [(e.text, e.kind) for e in exprs] == [(expr, "anchored")]
    assert sentence[exprs[0].start : exprs[0].end] == expr
    check(exprs[0].text, pub, expected, "day")


def test_anchored_keeps_a_coarse_anchor_precision() -> None:
    check("two years after 2014", None, D(2016, 1, 1), "year", D(2016, 12, 31))


@pytest.mark.parametrize(
    ("expr", "tense", "start", "precision", "end"),
    [
        ("a week later", None, D(2017, 10, 19), "day", None),
        ("a week later", "past", PUB, "publication", None),  # cannot be after publication
        ("two days earlier", None, D(2017, 10, 10), "day", None),
        ("two weeks ago", None, D(2017, 9, 28), "day", None),
        ("about two weeks ago", None, D(2017, 9, 28), "day", None),
        ("two months ago", None, D(2017, 8, 1), "month", D(2017, 8, 31)),
        ("three years ago", None, D(2014, 1, 1), "year", D(2014, 12, 31)),
        ("days ago", None, PUB, "publication", None),
        ("a few weeks ago", None, PUB, "publication", None),
        ("years ago", None, None, "unknown", None),
        ("three days from now", "past", D(2017, 10, 15), "day", None),
        ("the next day", None, D(2017, 10, 13), "day", None),
    ],
)
def test_offsets_from_publication(
    expr: str, tense: str | None, start: dt.date | None, precision: str, end: dt.date | None
) -> None:
    assert texts(f"It happened {expr}, they said.") == [expr]
    check(expr, PUB, start, precision, end, tense=tense)


# --------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    "sentence",
    [
        "Worshippers gathered at the Friday Mosque.",
        "He may attack the convoy.",
        "May said the talks had failed.",
        "They staged a march on the capital.",
        "this may be the last chance",
        "the 3 may be freed soon",
        "the soldiers stood in march formation",
        "Veterans of the Second World War marched.",
        "Under Section 9 of the act, police detained him.",
        "He bought it at a 7/11 store.",
        "Call 202-555-0143 for details.",
        "Leaders met at the G20 summit.",
        "The state sent 1,000 troops.",
        "About 2,017 people fled.",
        "It deployed 2017 troops.",
        "Unionists rejected the Good Friday Agreement.",
        "They marked Bloody Sunday.",
        "Analysts studied the fall of Kabul.",
        "Youth led the Arab Spring.",
        "He scored in the first quarter of the match.",
        "The ambiguous 10/9/2017 stamp was ignored.",
        "The Sunday Times reported the raid.",
        "It joined an august body of jurists.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert find_time_expressions(sentence) == []
    assert find_time_expressions(sentence.lower()) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In May, the army moved north.", ["In May"]),
        ("Clashes began in March after the vote.", ["in March"]),
        ("Elections were held on 5 May.", ["5 May"]),
        ("They marched on March 3.", ["March 3"]),
        ("A march on the capital was set for May 3, 2018.", ["May 3, 2018"]),
        ("The summit in May will be followed by talks.", ["in May"]),
    ],
)
def test_ambiguous_month_words_in_date_context(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


# --------------------------------------------------------------------------- finder behaviour


def test_offsets_order_and_longest_match() -> None:
    s = "On Oct. 9, 2017 and again in 2018, troops moved; by last week they had left."
    exprs = find_time_expressions(s)
    assert [e.text for e in exprs] == ["Oct. 9, 2017", "in 2018", "last week"]
    assert all(s[e.start : e.end] == e.text for e in exprs)
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:], strict=False))
    assert [e.kind for e in exprs] == ["absolute", "absolute", "relative"]


def test_case_insensitive_lowercased_corpus() -> None:
    s = "on wednesday night, police said, and in may the army moved; oct. 9 was quiet."
    assert texts(s) == ["wednesday night", "in may", "oct. 9"]
    assert texts(s.upper()) == ["WEDNESDAY NIGHT", "IN MAY", "OCT. 9"]


def test_resolve_accepts_expression_objects() -> None:
    e = TimeExpression(text="last Wednesday", start=0, end=14, kind="weekday")
    assert resolve(e, PUB) == ResolvedDate(
        date=D(2017, 10, 11), precision="day", text="last Wednesday"
    )


def test_resolve_unrecognised_text_is_unknown() -> None:
    assert resolve("the Second World War", PUB) == ResolvedDate(
        date=None, precision="unknown", text="the Second World War"
    )


# --------------------------------------------------------------------------- no publication date


@pytest.mark.parametrize(
    "expr",
    [
        "Wednesday",
        "yesterday",
        "last month",
        "two weeks ago",
        "Oct. 9",
        "in October",
        "a week later",
        "over the weekend",
        "two days after the vote on March 3",
    ],
)
def test_relative_without_publication_is_unknown(expr: str) -> None:
    check(expr, None, None, "unknown")


@pytest.mark.parametrize(
    ("expr", "start", "precision"),
    [
        ("October 9, 2017", D(2017, 10, 9), "day"),
        ("a month after the Oct. 1, 2017 deadline", D(2017, 11, 1), "day"),
        ("in 2017", D(2017, 1, 1), "year"),
        ("March 2015", D(2015, 3, 1), "month"),
    ],
)
def test_absolute_without_publication(expr: str, start: dt.date, precision: str) -> None:
    got = resolve(expr, None)
    assert (got.date, got.precision) == (start, precision)


# --------------------------------------------------------------------------- event dates


def test_event_date_falls_back_to_publication() -> None:
    got = resolve_event_date("Rebels shelled the town.", PUB)
    assert got == ResolvedDate(date=PUB, precision="publication", text=None)
    assert resolve_event_date("Rebels shelled the town.", None).precision == "unknown"


def test_event_date_first_expression_without_trigger() -> None:
    s = "On Monday rebels shelled the town, and on Wednesday they withdrew."
    assert resolve_event_date(s, PUB).date == D(2017, 10, 9)


@pytest.mark.parametrize(
    ("trigger", "expected"), [("shelled", D(2017, 10, 9)), ("withdrew", D(2017, 10, 11))]
)
def test_event_date_nearest_to_trigger(trigger: str, expected: dt.date) -> None:
    s = "On Monday rebels shelled the town, and on Wednesday they withdrew."
    assert resolve_event_date(s, PUB, near=s.index(trigger)).date == expected


def test_event_date_prefers_same_clause_over_semicolon() -> None:
    s = "Envoys met on Monday; rebels attacked the convoy near the river, locals said last week."
    got = resolve_event_date(s, PUB, near=s.index("attacked"))
    assert (got.date, got.end_date, got.text) == (D(2017, 10, 2), D(2017, 10, 8), "last week")


def test_event_date_prefers_same_clause_over_quote() -> None:
    s = 'Crowds chanted "see you on Monday" and police fired tear gas at the crowd on Wednesday.'
    got = resolve_event_date(s, PUB, near=s.index("fired"))
    assert got.text == "Wednesday" and got.date == D(2017, 10, 11)


def test_event_date_passes_tense() -> None:
    s = "The envoy will return on Wednesday."
    assert resolve_event_date(s, PUB, tense="future").date == D(2017, 10, 18)
    assert resolve_event_date(s, PUB).date == D(2017, 10, 11)


def test_event_date_relative_without_publication() -> None:
    got = resolve_event_date("Troops crossed the border yesterday.", None)
    assert got == ResolvedDate(date=None, precision="unknown", text="yesterday")


@pytest.mark.parametrize(
    ("expr", "start", "precision", "end"),
    [
        ("within the next month", PUB, "month", D(2017, 11, 12)),
        ("the next three days", PUB, "day", D(2017, 10, 15)),
        ("in the coming days", PUB, "publication", None),
    ],
)
def test_forward_windows(expr: str, start: dt.date, precision: str, end: dt.date | None) -> None:
    assert texts(f"Talks are expected {expr}.") == [expr]
    check(expr, PUB, start, precision, end)


def test_event_date_trigger_inside_expression() -> None:
    s = "Officials said on Monday that a raid took place the day before yesterday."
    assert resolve_event_date(s, PUB, near=s.index("yesterday")).date == D(2017, 10, 10)


# --------------------------------------------------------------------------- numeric day-first
# forms, bare ordinal days, spelled-out dates beside relative ones, day pairs, discourse dates

FRI = D(2015, 3, 6)  # a Friday


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Police raided the office on 4.3.2015.", D(2015, 3, 4)),
    ("Police raided the office on 04-03-2015.", D(2015, 3, 4)),
    ("Police raided the office on 03-25-2015.", D(2015, 3, 25)),  # only month first is valid
    ("Bombs went off (04/03) in the capital.", D(2015, 3, 4)),
    ("A clash took place at the market on 18/01 during the blockade.", D(2015, 1, 18)),
    ("The fast started on the 16th in the capital.", D(2015, 2, 16)),  # still ahead in March
    ("The strike began on the 2nd, officials said.", D(2015, 3, 2)),
])
def test_numeric_and_ordinal_day_forms(sentence, expected):
    r = resolve_event_date(sentence, FRI, tense="past")
    assert (r.date, r.precision) == (expected, "day")


@pytest.mark.parametrize("sentence", [
    "A group of 20/25 people attacked the house.",
    "A group of 4/5 people attacked the house.",
    "He lives on the 16th floor of the tower.",
    "The vote was 7/3 in favour.",
])
def test_numbers_that_are_not_dates(sentence):
    assert resolve_event_date(sentence, FRI, tense="past").precision == "publication"


def test_ordinal_day_in_the_future_tense_is_ahead():
    r = resolve_event_date("The union will strike on the 2nd, it said.", FRI, tense="future")
    assert r.date == D(2015, 4, 2)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Protesters were beaten today (27/02) outside the court.", D(2015, 2, 27)),
    ("A bomb went off on Thursday [5 March] at the station.", D(2015, 3, 5)),
    ("Police fired early this morning (05/03) in the city.", D(2015, 3, 5)),
])
def test_spelled_out_date_beside_a_relative_one_wins(sentence, expected):
    r = resolve_event_date(sentence, FRI, tense="past", near=sentence.find(" ") + 1)
    assert r.date == expected


def test_spelled_out_date_that_contradicts_its_weekday_is_a_typo():
    # 22 February 2014 was a Saturday: the weekday is kept (Thursday before publication)
    r = resolve_event_date("A strike was observed on Thursday 22/02 in two towns.", D(2015, 1, 23),
                           tense="past")
    assert r.date == D(2015, 1, 22)


@pytest.mark.parametrize(("sentence", "start", "end"), [
    ("Clashes on 17 and 21 June killed four.", D(2016, 6, 17), D(2016, 6, 21)),
    ("Protests were staged on 12 and 13 August in the town.", D(2016, 8, 12), D(2016, 8, 13)),
    ("Protests were staged on August 12 and 13 in the town.", D(2016, 8, 12), D(2016, 8, 13)),
])
def test_day_pairs_start_on_the_first_day(sentence, start, end):
    pub = D(2016, 8, 14) if "August" in sentence else D(2016, 6, 18)
    r = resolve_event_date(sentence, pub, tense="past")
    assert (r.date, r.end_date, r.precision) == (start, end, "day")


def test_previous_date_is_used_when_the_sentence_has_none():
    prev = ResolvedDate(date=D(2015, 3, 5), precision="day", text="Thursday morning")
    r = resolve_event_date("Police arrested four men.", FRI, tense="past", previous=prev)
    assert r == prev
    # a date of its own wins over the running date
    r = resolve_event_date("Police arrested four men on Monday.", FRI, tense="past", previous=prev)
    assert r.date == D(2015, 3, 2)
    # a running date that is itself only the publication date is not carried
    pub_only = ResolvedDate(date=FRI, precision="publication", text=None)
    r = resolve_event_date("Police arrested four men.", FRI, tense="past", previous=pub_only)
    assert r.precision == "publication"


def test_discourse_dates_carry_the_last_dated_expression():
    from wardrums.coding.dates import DiscourseDates

    text = ("Ten people were hurt in a clash on Thursday morning. Police arrested four. "
            "Over the past month prices rose. On Friday (6 March) more protesters came. They left.")
    dd = DiscourseDates(text, FRI)
    assert dd.before(0) is None
    second = text.index("Police")
    assert dd.before(second).date == D(2015, 3, 5)
    assert dd.before(text.index("Over")).date == D(2015, 3, 5)  # a rolling window is no day
    assert dd.before(text.index("They")).date == D(2015, 3, 6)


def test_a_day_to_come_is_read_ahead_and_a_past_days_report_is_not():
    from wardrums.coding.dates import DiscourseDates

    pub = dt.date(2024, 10, 1)  # a Tuesday
    text = ("The minister is expected to visit Beirut on Thursday, his ministry said. "
            "Iran warned Israel. Protesters on Monday said they will march again. They left. "
            "Shops next to the market on Sunday were looted. Police came.")
    dd = DiscourseDates(text, pub)
    assert dd.before(text.index("Iran")).date == dt.date(2024, 10, 3)  # ahead: no running date
    assert dd.before(text.index("They")).date == dt.date(2024, 9, 30)  # "will" comes after
    assert dd.before(text.index("Police")).date == dt.date(2024, 9, 29)  # "next to" is a place


def test_undated_past_event_is_the_day_before_publication_and_says_so():
    pub = dt.date(2017, 10, 12)
    past = resolve_event_date("Police arrested four protesters.", pub, tense="past")
    assert (past.date, past.precision, past.text) == (dt.date(2017, 10, 11), "publication", None)
    for tense in ("present", "future", None):
        same = resolve_event_date("Police arrest four protesters.", pub, tense=tense)
        assert (same.date, same.precision) == (pub, "publication")
    # a running date from an earlier sentence still wins over the inferred day
    running = ResolvedDate(date=dt.date(2017, 10, 9), precision="day", text="Monday")
    got = resolve_event_date("Police arrested four.", pub, tense="past", previous=running)
    assert got == running
