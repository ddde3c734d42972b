"""What a reader needs to know about the input it is reading, and how it says no.

Every reader gets the raw bytes plus one :class:`Source`, so names in rejections, article
ids and origins are made the same way whatever the format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wardrums.errors import REJECTION_CODES
from wardrums.records import Rejection


@dataclass(frozen=True)
class Source:
    """One input: ``name`` is what rejections call it (path, URL or ``<stdin>``)."""

    name: str
    article_id: str | None = None  # id for a one-article input (text/HTML); None: derive one
    origin: str | None = None  # goes into Article.origin
    default_date: dt.date | None = None
    charsets: tuple[str, ...] = ()  # encodings declared outside the bytes (HTTP charset)
    base_url: str | None = None  # for resolving relative links (URL inputs)


def one_line(message: str) -> str:
    """Collapse whitespace so a reason (possibly from an exception) stays on one line."""
    return " ".join(str(message).split())


def reject(input: str, code: str, reason: str, line: int | None = None) -> Rejection:
    """A Rejection with a known code and a one-line reason."""
    assert code in REJECTION_CODES, code
    return Rejection(input=input, reason=one_line(reason), code=code, line=line)
