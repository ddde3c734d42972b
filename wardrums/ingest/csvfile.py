"""CSV/TSV articles: a header row naming the columns (``id``, ``text``, ``published``,
``title``, ``source``, ``url``; any case), then one article per row.

Common spreadsheet column names are accepted as aliases (``date``, ``body``, ``outlet``, ...). A file
without an ``id`` column gets ids ``path:LINE``, so a plain export of texts still works.
Rows are read in strict mode so that a stray quote is reported at its line instead of
silently swallowing the rest of the file into one cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from wardrums.ingest.decode import DecodeError, decode
from wardrums.ingest.jsonl import record_to_article
from wardrums.ingest.source import Source, reject
from wardrums.records import Article, Rejection

#: Header names (lower case) -> article field.
COLUMNS: dict[str, str] = {
    "id": "id", "article_id": "id", "doc_id": "id",
    "text": "text", "body": "text", "content": "text",
    "published": "published", "date": "published", "published_date": "published",
    "title": "title", "headline": "title",
    "source": "source", "outlet": "source", "news_source": "source",
    "url": "url", "link": "url",
}


def read_csv(data: bytes, src: Source, delimiter: str = ",") -> Iterator[Article | Rejection]:
    """One Article or Rejection per data row."""
    try:
        text = decode(data)
    except DecodeError as err:
        yield reject(src.name, err.code, err.reason)
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        yield reject(src.name, "empty", "holds no rows")
        return
    except csv.Error as err:
        yield reject(f"{src.name}:1", "malformed-csv", f"the header row cannot be read ({err})", 1)
        return
    fields: dict[int, str] = {}
    for index, name in enumerate(header):
        field = COLUMNS.get(name.strip().lower())
        if field and field not in fields.values():
            fields[index] = field
    if "text" not in fields.values():
        yield reject(src.name, "missing-field", "the header row has no text column (name one "
                     f"'text', 'body' or 'content'); it has: {', '.join(header)[:200]}", 1)
        return
    has_id = "id" in fields.values()
    rows = 0
    last_line = reader.line_num
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            where = f"{src.name}:{start}"
            if "unexpected end of data" in str(err):
                yield reject(where, "malformed-csv", f"a quoted field opened in the row on line "
                             f"{start} is never closed; check the quotes", start)
                break
            yield reject(where, "malformed-csv", f"row on line {start} cannot be read ({err}); "
                         'quote fields that hold the delimiter and double any " inside them',
                         start)
            if reader.line_num == last_line:
                break
            last_line = reader.line_num
            rows += 1
            continue
        last_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        where = f"{src.name}:{start}"
        if len(row) > len(header):
            yield reject(where, "malformed-csv", f"row on line {start} has {len(row)} fields but "
                         f"the header has {len(header)}; quote fields that contain "
                         f"{'tabs' if delimiter == chr(9) else 'commas'}", start)
            continue
        record: dict[str, str | None] = {f: (row[i] if i < len(row) else None)
                                         for i, f in fields.items()}
        for key in ("title", "source", "url"):
            if not (record.get(key) or "").strip():
                record[key] = None
        if not has_id:
            record["id"] = where
        if record.get("text") is None or not (record.get("text") or "").strip():
            yield reject(where, "missing-field", f"row on line {start} has no text", start)
            continue
        yield record_to_article(record, src, where, start)
    if rows == 0:
        yield reject(src.name, "empty", "has a header row but no data rows")
