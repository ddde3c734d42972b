"""Plain-text articles, and the one place every reader turns text into an :class:`Article`.

Plain text is kept exactly as decoded (only a BOM is dropped): event offsets point into
it, so even trailing whitespace stays.
"""

from __future__ import annotations

import datetime as dt

from wardrums.ingest.boilerplate import find_boilerplate
from wardrums.records import Article


def read_text_as_article(text: str, *, id: str, published: dt.date | None = None,
                         title: str | None = None, source: str | None = None,
                         url: str | None = None, origin: str | None = None) -> Article:
    """Wrap ``text`` as an Article, with its boilerplate spans found; the text is not changed
    (a leading byte-order mark aside)."""
    text = text.removeprefix("\ufeff")
    return Article(id=id, text=text, published=published, title=title or None,
                   source=source or None, url=url or None, origin=origin,
                   boilerplate=find_boilerplate(text))


def is_blank(text: str) -> bool:
    """True for text with nothing but whitespace (including non-breaking and zero-width)."""
    return not text.strip().strip("\u200b\u200c\u200d\u2060\ufeff").strip()
