"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Article per item or entry.

Parsed with ``defusedxml``: a document that declares entities (billion laughs, external
entities reaching for local files or URLs) is refused as hostile and nothing in it is
expanded. A plain ``<!DOCTYPE rss PUBLIC ...>`` line, as old RSS 0.91 feeds carry, is
harmless and accepted. Item bodies are HTML by convention and go through the same
extractor as web pages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urljoin

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from wardrums.ingest.dates import parse_any_date
from wardrums.ingest.decode import DecodeError, declared_encoding, decode
from wardrums.ingest.html import fragment_to_text
from wardrums.ingest.source import Source, reject
from wardrums.ingest.text import is_blank, read_text_as_article
from wardrums.records import Article, Rejection

_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_WS = re.compile(r"\s+")


def _local(tag: object) -> str:
    """``{namespace}name`` -> ``name`` (feeds mix namespaces freely; names are enough)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: ET.Element, *names: str) -> ET.Element | None:
    """The first child with one of ``names`` (by local name), in the order of ``names``."""
    for name in names:
        for c in el:
            if _local(c.tag) == name:
                return c
    return None


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _atom_link(entry: ET.Element) -> str | None:
    links = [c for c in entry if _local(c.tag) == "link"]
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return links[0].get("href") if links and links[0].get("href") else None


def _atom_text(el: ET.Element | None) -> str | None:
    """Text of an Atom content/summary element according to its ``type``."""
    if el is None:
        return None
    kind = el.get("type", "text").lower()
    if kind == "xhtml":
        for node in el.iter():  # drop the XHTML namespace so tags read as plain HTML
            node.tag = _local(node.tag)
        markup = (el.text or "") + "".join(
            ET.tostring(c, encoding="unicode", method="html") for c in el)
        return fragment_to_text(markup)
    if kind in ("html", "text/html"):
        return fragment_to_text(el.text or "")
    value = "".join(el.itertext())
    return "\n\n".join(_WS.sub(" ", p).strip() for p in re.split(r"\n\s*\n", value)
                       if p.strip())


def _parse(data: bytes, src: Source) -> ET.Element | Rejection:
    try:
        text = decode(data, (*src.charsets, declared_encoding(data, "feed")))
    except DecodeError as err:
        return reject(src.name, err.code, err.reason)
    # The bytes are decoded already; drop the declaration so the parser does not re-decode.
    body = _XML_DECL.sub("", text, count=1).encode("utf-8")
    try:
        return SafeET.fromstring(body, forbid_dtd=False, forbid_entities=True,
                                 forbid_external=True)
    except DefusedXmlException as err:
        return reject(src.name, "hostile-xml", f"declares XML entities or external references "
                      f"({type(err).__name__}); refused without expanding them")
    except RecursionError:
        return reject(src.name, "malformed-xml", "is nested too deeply to read")
    except ET.ParseError as err:
        line = err.position[0] if getattr(err, "position", None) else None
        return reject(src.name, "malformed-xml", f"is not well-formed XML ({err}); "
                      "if it is a web page, save it as .html", line)


def read_feed(data: bytes, src: Source) -> Iterator[Article | Rejection]:
    """One Article per item/entry; items without text become ``empty`` rejections."""
    root = _parse(data, src)
    if isinstance(root, Rejection):
        yield root
        return
    kind = _local(root.tag)
    if kind == "rss":
        channel = _child(root, "channel")
        items = [c for c in channel if _local(c.tag) == "item"] if channel is not None else []
        feed_title = _text(_child(channel, "title")) if channel is not None else None
    elif kind == "RDF":
        channel = _child(root, "channel")
        items = [c for c in root if _local(c.tag) == "item"]
        feed_title = _text(_child(channel, "title")) if channel is not None else None
    elif kind == "feed":
        items = [c for c in root if _local(c.tag) == "entry"]
        feed_title = _text(_child(root, "title"))
    else:
        yield reject(src.name, "malformed-xml", f"is XML but not an RSS or Atom feed (root "
                     f"element <{kind}>)")
        return
    if not items:
        yield reject(src.name, "empty", "the feed holds no items")
        return
    for number, item in enumerate(items, 1):
        try:
            yield _item(item, number, kind == "feed", feed_title, src)
        except RecursionError:
            yield reject(f"{src.name}#item{number}", "malformed-xml",
                         f"feed item {number} is nested too deeply to read")


def _item(item: ET.Element, number: int, atom: bool, feed_title: str | None,
          src: Source) -> Article | Rejection:
    where = f"{src.name}#item{number}"
    title = _text(_child(item, "title"))
    if atom:
        text = _atom_text(_child(item, "content")) or _atom_text(_child(item, "summary"))
        link = _atom_link(item)
        item_id = _text(_child(item, "id"))
        date_text = _text(_child(item, "published", "updated", "issued", "modified", "date"))
    else:
        body = _text(_child(item, "encoded")) or _text(_child(item, "description"))
        text = fragment_to_text(body) if body else None
        link = next((t for c in item if _local(c.tag) == "link" and (t := _text(c))), None)
        guid_el = _child(item, "guid")
        item_id = _text(guid_el) or item.get(
            "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        if link is None and guid_el is not None and guid_el.get("isPermaLink", "true") == "true":
            guid = _text(guid_el)
            link = guid if guid and guid.startswith(("http://", "https://")) else None
        date_text = _text(_child(item, "pubDate", "date", "published", "updated"))
    if link and src.base_url:
        link = urljoin(src.base_url, link)
    if not text or is_blank(text):
        label = f" ({title[:60]!r})" if title else ""
        return reject(where, "empty", f"feed item {number}{label} has no text (no description, "
                      "content or summary)")
    published = parse_any_date(date_text) or src.default_date
    return read_text_as_article(text, id=item_id or link or where, published=published,
                                title=title, source=feed_title, url=link, origin=src.origin)
