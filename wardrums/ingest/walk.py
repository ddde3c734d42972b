"""Turn each input the user named (file, folder, ``-``, URL) into readable bytes and hand
them to the right reader.

Everything that can go wrong with one input becomes a Rejection and the walk goes on to
the next, so a batch of ten thousand files is never stopped by one bad one. Sizes are
checked before reading (``stat`` for files, the running total for stdin and URLs).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from wardrums.ingest.csvfile import read_csv
from wardrums.ingest.decode import DecodeError, declared_encoding, decode
from wardrums.ingest.feeds import read_feed
from wardrums.ingest.fetch import FetchError, fetch
from wardrums.ingest.html import extract
from wardrums.ingest.jsonl import read_jsonl
from wardrums.ingest.sniff import (
    EXTENSIONS,
    Format,
    format_for_content_type,
    format_for_path,
    sniff_content,
)
from wardrums.ingest.source import Source, reject
from wardrums.ingest.text import is_blank, read_text_as_article
from wardrums.records import Article, Rejection, content_hash

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN_NAME = "<stdin>"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _too_large(name: str, size: int | None, max_bytes: int) -> Rejection:
    what = f"is {_size(size)}" if size is not None else "is larger than the limit"
    return reject(name, "too-large", f"{what}, over the {_size(max_bytes)} limit; split it or "
                  "raise the size limit")


def read_inputs(inputs: Iterable[str], *, default_date: dt.date | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0,
                stdin: IO[bytes] | None = None) -> Iterator[Article | Rejection]:
    """Articles (and Rejections for what cannot be read) from every input, in order.

    Inputs are file paths, folders (walked recursively in sorted order, hidden entries
    and unknown extensions skipped), ``-`` for stdin, or http(s) URLs.
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]  # one input passed bare, not a list of one
    for raw in inputs:
        name = os.fspath(raw) if not isinstance(raw, str) else raw
        if name == "-":
            yield from _read_stdin(stdin, default_date, max_bytes)
        elif name.lower().startswith(("http://", "https://")):
            yield from _read_url(name, default_date, max_bytes, timeout)
        elif os.path.isdir(name):
            for path in _walk_folder(name):
                yield from _read_file(path, default_date, max_bytes, explicit=False)
        else:
            yield from _read_file(name, default_date, max_bytes, explicit=True)


def _walk_folder(folder: str) -> Iterator[str]:
    """Readable files under ``folder`` in sorted path order (files and sub-folders
    interleaved by name, as a sorted listing shows them); hidden entries left out.
    Symlinked folders are not followed, so a link loop cannot trap the walk."""
    todo: list[str] = [folder]
    while todo:
        current = todo.pop()
        if not os.path.isdir(current) or (current != folder and os.path.islink(current)):
            if format_for_path(current) is not None:
                yield current
            continue
        try:
            names = sorted(n for n in os.listdir(current) if not n.startswith("."))
        except OSError:
            continue
        todo.extend(os.path.join(current, n) for n in reversed(names))


def _read_file(path: str, default_date: dt.date | None, max_bytes: int,
               explicit: bool) -> Iterator[Article | Rejection]:
    fmt = format_for_path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        yield reject(path, "not-found", "no such file or folder; check the path")
        return
    except OSError as err:
        yield reject(path, "unreadable", f"cannot be read ({err.strerror or err})")
        return
    if fmt is None:
        if explicit:
            known = " ".join(sorted(EXTENSIONS))
            yield reject(path, "unsupported", f"wardrums does not read "
                         f"'{os.path.splitext(path)[1] or 'extension-less'}' files; use one of: "
                         f"{known}")
        return
    if st.st_size > max_bytes:
        yield _too_large(path, st.st_size, max_bytes)
        return
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        yield reject(path, "unreadable", f"cannot be read ({err.strerror or err})")
        return
    if len(data) > max_bytes:  # grew since stat, or a special file
        yield _too_large(path, None, max_bytes)
        return
    if fmt == "feed" and sniff_content(data) == "html":
        fmt = "html"  # an XHTML page saved as .xml
    src = Source(name=path, article_id=path, origin=path, default_date=default_date)
    yield from _dispatch(data, fmt, src, delimiter="\t" if path.lower().endswith(".tsv") else ",")


def _read_stdin(stdin: IO[bytes] | None, default_date: dt.date | None,
                max_bytes: int) -> Iterator[Article | Rejection]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(max_bytes + 1)
    except OSError as err:
        yield reject(STDIN_NAME, "unreadable", f"cannot be read ({err})")
        return
    if isinstance(data, str):  # a text stream was passed; take it as UTF-8
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        yield _too_large(STDIN_NAME, None, max_bytes)
        return
    src = Source(name=STDIN_NAME, article_id=None, origin=STDIN_NAME, default_date=default_date)
    yield from _dispatch(data, sniff_content(data), src)


def _read_url(url: str, default_date: dt.date | None, max_bytes: int,
              timeout: float) -> Iterator[Article | Rejection]:
    try:
        got = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except FetchError as err:
        yield reject(url, err.code, f"cannot fetch {url}: {err.reason}")
        return
    sniffed = sniff_content(got.data)
    hinted = format_for_content_type(got.content_type)
    # Content decides for feeds and HTML (servers mislabel both); the header decides the rest.
    fmt: Format = sniffed if sniffed in ("feed", "html") else (hinted or sniffed)
    src = Source(name=url, article_id=url, origin=url, default_date=default_date,
                 charsets=(got.charset,) if got.charset else (), base_url=got.final_url)
    yield from _dispatch(got.data, fmt, src)


def _dispatch(data: bytes, fmt: Format, src: Source,
              delimiter: str = ",") -> Iterator[Article | Rejection]:
    if not data.strip():
        yield reject(src.name, "empty", "is empty (no text at all)")
        return
    if fmt == "jsonl":
        yield from read_jsonl(data, src)
    elif fmt == "csv":
        yield from read_csv(data, src, delimiter=delimiter)
    elif fmt == "feed":
        yield from read_feed(data, src)
    elif fmt == "html":
        yield _read_html(data, src)
    else:
        yield _read_text(data, src)


def _article_id(src: Source, text: str) -> str:
    return src.article_id or f"stdin:{content_hash(text)[:12]}"


def _read_text(data: bytes, src: Source) -> Article | Rejection:
    try:
        text = decode(data, src.charsets)
    except DecodeError as err:
        return reject(src.name, err.code, err.reason)
    if is_blank(text):
        return reject(src.name, "empty", "holds only whitespace")
    return read_text_as_article(text, id=_article_id(src, text), published=src.default_date,
                                url=src.base_url, origin=src.origin)


def _read_html(data: bytes, src: Source) -> Article | Rejection:
    try:
        markup = decode(data, (*src.charsets, declared_encoding(data, "html")))
    except DecodeError as err:
        return reject(src.name, err.code, err.reason)
    if is_blank(markup):
        return reject(src.name, "empty", "holds only whitespace")
    page = extract(markup, base_url=src.base_url)
    if is_blank(page.text):
        return reject(src.name, "malformed-html", "the HTML holds no readable text (markup only, "
                      "or cut off before the article began)")
    return read_text_as_article(page.text, id=_article_id(src, page.text),
                                published=page.published or src.default_date, title=page.title,
                                source=page.source, url=page.url or src.base_url,
                                origin=src.origin)
