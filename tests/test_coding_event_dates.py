"""Event dates read from the sentence and resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt

import pytest

import wardrums

PUB = "2017-10-12"  # a Thursday


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("Russia expelled two American diplomats on Wednesday.", dt.date(2017, 10, 11), "day"),
        ("Russia expelled two American diplomats last month.", dt.date(2017, 9, 1), "month"),
        # undated: a past-tense report is taken as the day before publication, present and
        # future tense as the publication day; the precision says the day was inferred
        ("Russia expelled two American diplomats.", dt.date(2017, 10, 11), "publication"),
        ("Russia is expelling two American diplomats.", dt.date(2017, 10, 12), "publication"),
        ("Russia will expel two American diplomats.", dt.date(2017, 10, 12), "publication"),
        ("Russia will expel two American diplomats on Oct. 19.", dt.date(2017, 10, 19), "day"),
        ("Russia expelled two American diplomats in the first quarter of 2017.", dt.date(2017, 1, 1), "month"),
        ("Russia expelled two American diplomats a month after the Oct. 1 deadline.",
         dt.date(2017, 11, 1), "day"),
    ],
)
def test_event_date(text, date, precision):
    ev = [e for e in wardrums.code(text, published=PUB) if e.event_type == "SANCTION"][0]
    assert (ev.date, ev.date_precision) == (date, precision)


def test_no_publication_date_leaves_relative_dates_unknown():
    ev = wardrums.code("Russia expelled two American diplomats on Wednesday.")[0]
    assert ev.date is None
    assert ev.date_precision == "unknown"


@pytest.mark.parametrize(
    "text, event_type, date",
    [
        # the tense of a participle or infinitive comes from the clause it hangs on
        # (strikers who injure officers are a riot: PROTEST)
        ("Strikers pelted police with stones, injuring two officers.", "PROTEST", dt.date(2017, 10, 11)),
        ("Teachers staged a sit-in to protest against the pay cut.", "PROTEST", dt.date(2017, 10, 11)),
        ("Two soldiers killed in roadside blast.", "ASSAULT", dt.date(2017, 10, 11)),
        ("The opposition has called a general strike.", "PROTEST", dt.date(2017, 10, 11)),
        # a summary's or headline's simple present tells what already happened
        ("Air force jets launch strikes on a rebel camp, killing 15.", "ASSAULT", dt.date(2017, 10, 11)),
        ("Police arrest five over the market bombing.", "COERCE", dt.date(2017, 10, 11)),
        # present and future clauses keep the publication day
        ("The foreign minister says the government supports the peace plan.", "SUPPORT",
         dt.date(2017, 10, 12)),  # a stance, not a material act
        ("Students are staging a sit-in to protest against the fee rise.", "PROTEST", dt.date(2017, 10, 12)),
        ("Unions say they will strike to protest against the pension reform.", "PROTEST",
         dt.date(2017, 10, 12)),
    ],
)
def test_undated_event_takes_the_tense_of_its_clause(text, event_type, date):
    evs = [e for e in wardrums.code(text, published=PUB) if e.event_type == event_type]
    assert evs, f"no {event_type} event in {text!r}"
    assert (evs[0].date, evs[0].date_precision) == (date, "publication")
