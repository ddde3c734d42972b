"""Every error wardrums raises, in one place, with messages a user can act on.

The library never prints: it raises these (or returns :class:`~wardrums.records.Rejection`
records for bad articles inside a batch) and the CLI turns them into one-line messages.
"""

from __future__ import annotations


class WardrumsError(Exception):
    """Base of every expected failure; ``str(err)`` is a complete, user-facing message."""


class InputError(WardrumsError):
    """An input (file, URL, argument) cannot be used; the message names it and says why."""


class StoreError(WardrumsError):
    """The event store cannot be opened or written; the message says which file and why."""


class ModelError(WardrumsError):
    """The spaCy pipeline (or another model) is missing or of the wrong version."""


class GoldError(WardrumsError):
    """A gold-data file for ``wardrums eval`` is empty or unreadable."""


#: Stable codes carried by :class:`~wardrums.records.Rejection`, with what each means.
REJECTION_CODES: dict[str, str] = {
    "not-found": "the path does not exist",
    "unreadable": "the file could not be read (permissions, I/O error)",
    "empty": "the input holds no text",
    "binary": "the input looks like binary data, not text",
    "encoding": "the input is not valid UTF-8 (or a declared encoding)",
    "too-large": "the input is larger than the size limit",
    "malformed-json": "a JSONL line is not a JSON object",
    "missing-field": "a record lacks a required field (id or text)",
    "bad-field": "a field has the wrong type or an unparseable value",
    "malformed-csv": "a CSV row could not be read",
    "malformed-xml": "the XML/RSS/Atom document could not be parsed",
    "hostile-xml": "the XML declares entities or DTDs (refused, never expanded)",
    "malformed-html": "the HTML holds no readable article text",
    "unsupported": "the file type is not one wardrums reads",
    "network": "the URL could not be fetched",
    "coding-failed": "the coder raised an unexpected error on this article",
}
