"""Decide which reader an input needs: by file extension, or by content for stdin and URLs.

Extensions are trusted for files (a user who names a file ``.csv`` means CSV); stdin and
URLs carry no name, so their first bytes decide. Only ASCII markers are looked at, so the
sniffing never needs to know the encoding.
"""

from __future__ import annotations

import os
import re
from typing import Literal

Format = Literal["text", "html", "jsonl", "csv", "feed"]

#: File extension (lower case, with dot) -> reader format.
EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_SNIFF_BYTES = 4096
_FEED_ROOT = re.compile(r"<(?:rss|feed|(?:[\w-]+:)?RDF)[\s>/]", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!doctype|html|head|body|meta|title)[\s>/]", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def format_for_path(path: str) -> Format | None:
    """The reader for a file name, or None if wardrums does not read that extension."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def _head(data: bytes) -> str:
    """The first few KB as text good enough to find ASCII markers (never used as content)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")


def sniff_content(data: bytes) -> Format:
    """Guess the format of unnamed content: JSON lines, RSS/Atom feed, HTML page, or text."""
    head = _COMMENT.sub("", _head(data)).lstrip()
    low = head[:512].lower()
    if low.startswith("{"):
        return "jsonl"
    if low.startswith("<?xml"):
        # XHTML pages also start with an XML declaration; look at the root element.
        if _FEED_ROOT.search(head) or not _HTML_START.search(head):
            return "feed"
        return "html"
    if low.startswith(("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    return "text"


def format_for_content_type(content_type: str) -> Format | None:
    """A hint from an HTTP Content-Type header (media type only, lower case)."""
    ct = content_type.split(";", 1)[0].strip().lower()
    if ct in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if ct in ("application/x-ndjson", "application/jsonl", "application/json-lines",
              "application/json", "application/x-jsonlines"):
        return "jsonl"
    if ct in ("text/csv", "text/tab-separated-values"):
        return "csv"
    if ct == "text/plain":
        return "text"
    return None
