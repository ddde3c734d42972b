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
        ("Russia expelled two American diplomats.", dt.date(2017, 10, 12), "publication"),
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
