"""JSON-lines articles: one ``{"id", "text", "published"?, "title"?, "source"?, "url"?}``
object per line (the date may also be called ``pub_date``, ``publication_date``,
``published_at`` or ``date``, and the outlet ``outlet`` or ``news_source``, as other tools
name them).

Each line stands alone: a broken line becomes a Rejection naming ``path:LINE`` and the
lines after it are still read. A file that is not line-oriented JSON after all (a
pretty-printed object or an array of objects, as ``.json`` files often are) is read as one
JSON document instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wardrums.ingest.dates import parse_iso_date
from wardrums.ingest.decode import DecodeError, decode
from wardrums.ingest.source import Source, reject
from wardrums.ingest.text import is_blank, read_text_as_article
from wardrums.records import Article, Rejection

#: Names other tools give the publication date; the first one present is read.
DATE_KEYS = ("published", "pub_date", "publication_date", "published_at", "date")
#: Names other tools give the outlet (``Article.source``); the first one present is read.
SOURCE_KEYS = ("source", "outlet", "news_source")
_OPTIONAL_STR = ("title", "url", *SOURCE_KEYS)


def record_to_article(obj: dict[str, Any], src: Source, where: str,
                      line: int | None) -> Article | Rejection:
    """Validate one JSON record against the article contract."""
    raw_id = obj.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        return reject(where, "missing-field", 'record has no "id"; every article needs a '
                      "unique string id", line)
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        return reject(where, "bad-field", f'"id" must be a string or integer, not '
                      f"{type(raw_id).__name__}", line)
    text = obj.get("text")
    if text is None:
        return reject(where, "missing-field", 'record has no "text"', line)
    if not isinstance(text, str):
        return reject(where, "bad-field", f'"text" must be a string, not {type(text).__name__}',
                      line)
    if is_blank(text):
        return reject(where, "missing-field", '"text" is empty', line)
    if not _encodable(text) or not _encodable(str(raw_id)):
        return reject(where, "bad-field", 'the "id" or "text" holds an unpaired surrogate '
                      "escape (e.g. \\ud800), which is not text", line)
    for key in _OPTIONAL_STR:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return reject(where, "bad-field", f'"{key}" must be a string, not '
                          f"{type(value).__name__}", line)
    published = src.default_date
    key = next((k for k in DATE_KEYS if obj.get(k) not in (None, "")), "published")
    raw_date = obj.get(key)
    if raw_date is not None and raw_date != "":
        if not isinstance(raw_date, str):
            return reject(where, "bad-field", f'"{key}" must be a "YYYY-MM-DD" string, not '
                          f"{type(raw_date).__name__}", line)
        try:
            published = parse_iso_date(raw_date)
        except ValueError:
            return reject(where, "bad-field", f'"{key}" is {raw_date[:40]!r}; write it as '
                          "YYYY-MM-DD (or an ISO 8601 datetime)", line)
    source = next((obj[k] for k in SOURCE_KEYS if obj.get(k) not in (None, "")), None)
    return read_text_as_article(text, id=str(raw_id), published=published,
                                title=obj.get("title"), source=source,
                                url=obj.get("url"), origin=src.origin)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _lines(data: bytes, src: Source) -> Iterator[tuple[int, str] | Rejection]:
    """(line number, text) per line; if the file as a whole is not UTF-8, decode line by
    line so one mis-encoded line does not cost the whole file."""
    try:
        text = decode(data)
    except DecodeError as err:
        if err.code != "encoding" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            yield reject(src.name, err.code, err.reason)
            return
        for number, raw in enumerate(data.split(b"\n"), 1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as line_err:
                yield reject(f"{src.name}:{number}", "encoding",
                             f"line {number} is not valid UTF-8 (byte "
                             f"0x{raw[line_err.start:line_err.start + 1].hex()}); "
                             "convert the file to UTF-8", number)
        return
    for number, line in enumerate(text.split("\n"), 1):
        yield number, line


def _whole_document(data: bytes) -> list[Any] | None:
    """The file parsed as one JSON document, if it is one (array or object)."""
    try:
        doc = json.loads(decode(data))
    except (DecodeError, ValueError, RecursionError):
        return None
    if isinstance(doc, dict):
        return [doc]
    if isinstance(doc, list):
        return doc
    return None


def read_jsonl(data: bytes, src: Source) -> Iterator[Article | Rejection]:
    """One Article or Rejection per non-blank line (or per element of a JSON array)."""
    produced = False
    for item in _lines(data, src):
        if isinstance(item, Rejection):
            produced = True
            yield item
            continue
        number, line = item
        if not line.strip():
            continue
        where = f"{src.name}:{number}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:
            if not produced and (doc := _whole_document(data)) is not None:
                yield from _read_document(doc, src)  # pretty-printed JSON, not JSON lines
                return
            msg = getattr(err, "msg", None) or (
                "nested too deeply" if isinstance(err, RecursionError) else str(err))
            col = getattr(err, "colno", None)
            produced = True
            yield reject(where, "malformed-json", f"line {number} is not valid JSON ({msg}"
                         + (f" at column {col})" if col else ")"), number)
            continue
        if not produced and isinstance(obj, list) and (doc := _whole_document(data)) is not None:
            yield from _read_document(doc, src)  # one JSON array on a single line
            return
        produced = True
        if not isinstance(obj, dict):
            yield reject(where, "malformed-json", f"line {number} is a JSON "
                         f"{_json_kind(obj)}, not an object with id and text", number)
            continue
        yield record_to_article(obj, src, where, number)
    if not produced:
        yield reject(src.name, "empty", "holds no JSON records (only blank lines)")


def _read_document(doc: list[Any], src: Source) -> Iterator[Article | Rejection]:
    if not doc:
        yield reject(src.name, "empty", "is an empty JSON array")
    for index, obj in enumerate(doc, 1):
        where = f"{src.name}#item{index}"
        if not isinstance(obj, dict):
            yield reject(where, "malformed-json", f"item {index} is a JSON {_json_kind(obj)}, "
                         "not an object with id and text")
            continue
        yield record_to_article(obj, src, where, None)


def _json_kind(value: Any) -> str:
    return {list: "array", str: "string", int: "number", float: "number", bool: "boolean",
            type(None): "null"}.get(type(value), type(value).__name__)
