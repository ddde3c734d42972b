"""Bytes to text, strictly: UTF-8 (with or without BOM), UTF-16/32 with a BOM, or a declared
encoding; anything else is refused rather than guessed.

Event offsets point into the decoded text, so a silent mis-decode (e.g. latin-1 for
everything) would corrupt every record downstream. Refusing with an actionable reason is
better than mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable


class DecodeError(Exception):
    """Bytes that cannot become text; ``code`` is a REJECTION_CODES key."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control bytes that never occur in text (tab, LF, VT, FF, CR are fine).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"
_BINARY_SAMPLE = 8192
_BINARY_RATIO = 0.10

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def declared_encoding(data: bytes, fmt: str) -> str | None:
    """The encoding an HTML ``<meta charset>`` or an XML declaration names, if any."""
    head = data[:4096]
    m = _XML_DECL.match(head)
    if m is None and fmt == "html":
        m = _META_CHARSET.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def is_binary(data: bytes) -> bool:
    """NUL bytes anywhere, or many control bytes near the start, mean this is not text."""
    if b"\x00" in data:
        return True
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > _BINARY_RATIO


def _utf8_error(data: bytes, err: UnicodeDecodeError) -> str:
    bad = data[err.start:err.start + 1].hex()
    line = data.count(b"\n", 0, err.start) + 1
    return f"not valid UTF-8 (byte 0x{bad} on line {line})"


def decode(data: bytes, declared: Iterable[str | None] = ()) -> str:
    """Decode ``data`` or raise :class:`DecodeError` (codes: binary, encoding).

    Order: a byte-order mark wins; then strict UTF-8; then each declared encoding
    (HTTP charset, HTML meta, XML declaration) in turn. A leading BOM is removed.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise DecodeError("encoding", f"starts with a {codec.upper()} byte-order mark "
                                  f"but is not valid {codec.upper()} ({err.reason}); "
                                  "re-save it as UTF-8") from None
    if is_binary(data):
        raise DecodeError("binary", "looks like binary data (NUL or control bytes), not text; "
                          "pass text, HTML, JSONL, CSV or RSS/Atom files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_problem = _utf8_error(data, err)
    tried: list[str] = []
    for name in declared:
        if not name or name in tried:
            continue
        tried.append(name)
        try:
            codecs.lookup(name)
        except LookupError:
            tried[-1] = f"{name} (unknown to Python)"
            continue
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    if tried:
        return _raise_encoding(f"{utf8_problem}, nor valid in its declared encoding "
                               f"{' / '.join(tried)}")
    return _raise_encoding(f"{utf8_problem} and no encoding is declared")


def _raise_encoding(problem: str) -> str:
    raise DecodeError("encoding", f"{problem}; convert it to UTF-8 "
                      "(e.g. iconv -f WINDOWS-1252 -t UTF-8)")
