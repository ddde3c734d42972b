"""Ingest: read news from files, folders, stdin and URLs into :class:`~wardrums.records.Article`
records, or :class:`~wardrums.records.Rejection` records saying why an input was refused.

Formats: plain text, HTML, JSON lines, CSV/TSV, RSS 2.0 / RSS 1.0 / Atom. Reading never
raises on bad content; a batch goes on past any one bad file or line.
"""

from wardrums.ingest.boilerplate import find_boilerplate
from wardrums.ingest.text import read_text_as_article
from wardrums.ingest.walk import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "find_boilerplate", "read_inputs", "read_text_as_article"]
