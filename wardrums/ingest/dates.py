"""Publication dates from the shapes they come in: ISO dates/datetimes and RFC 822.

The calendar date is taken as written (no timezone conversion): a story stamped
``2017-10-12T23:30-05:00`` was published on the 12th where it was published.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?=$|[T\s])")


def parse_iso_date(value: str) -> dt.date:
    """Strict: ``YYYY-MM-DD`` or a full ISO 8601 datetime; raises ValueError otherwise."""
    s = value.strip()
    if len(s) <= 10:
        return dt.date.fromisoformat(s)
    return dt.datetime.fromisoformat(s).date()


def parse_any_date(value: str | None) -> dt.date | None:
    """Lenient, for HTML and feed metadata: ISO, RFC 822, or ``YYYY/MM/DD``; None if unreadable."""
    if not value:
        return None
    s = value.strip()
    try:
        return parse_iso_date(s)
    except ValueError:
        pass
    for pattern in (_ISO_PREFIX, _SLASHED):
        m = pattern.match(s)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
