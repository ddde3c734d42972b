"""Article text and metadata from an HTML page, with the standard library's tolerant parser.

News pages are messy and often truncated (a download cut short, a scraper's size cap), so
this builds a small element tree that closes whatever is left open, drops page furniture
(scripts, navigation, headers, footers, forms), picks the element that holds the story
(``<article>``, else the element with the most paragraph text) and renders its blocks as
paragraphs separated by blank lines. All traversals are iterative, so absurdly deep markup
cannot overflow the stack.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

from wardrums.ingest.dates import parse_any_date

#: Elements whose content is never article text.
DROP: frozenset[str] = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
    "svg", "template", "button", "select", "textarea", "head", "object", "canvas", "dialog",
})
#: Elements that start a new paragraph in the rendered text.
BLOCKS: frozenset[str] = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
    "figure", "figcaption", "hr", "address", "details", "summary", "center", "fieldset",
    "body", "html", "caption",
})
_VOID: frozenset[str] = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
#: Opening one of these closes an open <p> (HTML's implied end tags).
_CLOSES_P: frozenset[str] = BLOCKS - {"body", "html"}
#: <meta name=...> keys that carry a publication date, best first.
DATE_META: tuple[str, ...] = (
    "article:published_time", "date", "pubdate", "dc.date", "publish-date",
    "dc.date.issued", "dcterms.created", "datepublished", "og:published_time",
    "sailthru.date", "parsely-pub-date",
)
_WS = re.compile(r"\s+")
_TRAILING_TAG = re.compile(r"<[A-Za-z/!?][^>]*\Z")
_TRAILING_ENTITY = re.compile(r"&#?[A-Za-z0-9]{0,32}\Z")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """Builds a forgiving element tree: stray end tags are ignored, open ones closed at EOF."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.stack: list[_Node] = [self.root]
        self.json_ld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        cur = self.stack[-1]
        if tag in _CLOSES_P and cur.tag == "p":
            self.stack.pop()
        elif tag == "li":
            self._close_up_to("li", stop={"ul", "ol"})
        elif tag in ("dt", "dd"):
            self._close_up_to("dt", stop={"dl"})
            self._close_up_to("dd", stop={"dl"})
        elif tag in ("td", "th"):
            self._close_up_to("td", stop={"tr", "table"})
            self._close_up_to("th", stop={"tr", "table"})
        elif tag == "tr":
            self._close_up_to("tr", stop={"table"})
        node = _Node(tag, {k.lower(): (v or "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID:
            self.handle_endtag(tag)

    def _close_up_to(self, tag: str, stop: set[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            t = self.stack[i].tag
            if t == tag:
                del self.stack[i:]
                return
            if t in stop:
                return

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                if tag == "script" and self.stack[i].attrs.get("type", "").lower() == "application/ld+json":
                    self.json_ld.append("".join(c for c in self.stack[i].children if isinstance(c, str)))
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _walk(node: _Node) -> Iterator[_Node]:
    """Every element under ``node`` in document order, skipping dropped subtrees."""
    todo: list[_Node] = [node]
    while todo:
        n = todo.pop()
        yield n
        todo.extend(reversed([c for c in n.children if isinstance(c, _Node) and c.tag not in DROP
                              and "hidden" not in c.attrs]))


def _all(node: _Node) -> Iterator[_Node]:
    """Every element under ``node``, dropped ones included (for metadata)."""
    todo: list[_Node] = [node]
    while todo:
        n = todo.pop()
        yield n
        todo.extend(reversed([c for c in n.children if isinstance(c, _Node)]))


def _plain(node: _Node) -> str:
    """All text under ``node`` (kept elements only), whitespace collapsed."""
    parts: list[str] = []
    for n in _walk(node):
        parts.extend(c for c in n.children if isinstance(c, str))
    return _WS.sub(" ", " ".join(parts)).strip()


def render(node: _Node) -> str:
    """Text of ``node`` with block elements as paragraphs separated by blank lines."""
    blocks: list[str] = []
    line: list[str] = []

    def flush() -> None:
        if line:
            lines = (_WS.sub(" ", part).strip() for part in "".join(line).split("\n"))
            text = "\n".join(part for part in lines if part)
            if text:
                blocks.append(text)
            line.clear()

    # Work items: a node to enter, a string of text, or ("end", tag) markers.
    todo: list[_Node | str | tuple[str, str]] = [node]
    pre_depth = 0
    while todo:
        item = todo.pop()
        if isinstance(item, tuple):
            tag = item[1]
            if tag == "pre":
                pre_depth -= 1
            if tag in BLOCKS:
                flush()
            elif tag in ("td", "th"):
                line.append(" ")
            continue
        if isinstance(item, str):
            line.append(item.replace("\r\n", "\n") if pre_depth else _WS.sub(" ", item))
            continue
        if item.tag in DROP or "hidden" in item.attrs:
            continue
        if item.tag == "br":
            line.append("\n")
            continue
        if item.tag in BLOCKS:
            flush()
        if item.tag == "pre":
            pre_depth += 1
        todo.append(("end", item.tag))
        todo.extend(reversed(item.children))
    flush()
    return "\n\n".join(blocks)


def _content_root(root: _Node) -> _Node:
    """The element holding the story: the richest <article>, else the most <p> text."""
    p_text: dict[int, int] = {}
    nodes: dict[int, _Node] = {}
    articles: list[_Node] = []
    for n in _walk(root):
        if n.tag == "article":
            articles.append(n)
        elif n.tag == "p":
            size = len(_plain(n))
            parent = n.parent
            # Credit the parent fully and the grandparent half, so a story whose
            # paragraphs are each wrapped in their own <div> still wins as a whole.
            for ancestor, share in ((parent, 1.0), (parent.parent if parent else None, 0.5)):
                if ancestor is not None:
                    nodes[id(ancestor)] = ancestor
                    p_text[id(ancestor)] = p_text.get(id(ancestor), 0) + int(size * share)
    if articles:
        def article_score(a: _Node) -> tuple[int, int]:
            paras = sum(len(_plain(p)) for p in _walk(a) if p.tag == "p")
            return paras, len(_plain(a))
        return max(articles, key=article_score)
    if p_text:
        best = max(p_text, key=lambda k: p_text[k])
        if p_text[best] > 0:
            return nodes[best]
    for n in _walk(root):
        if n.tag == "body":
            return n
    return root


@dataclass(frozen=True)
class Extracted:
    """What a page yields: the story text and whatever metadata the page declares."""

    text: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None


def _json_ld_date(blobs: list[str]) -> str | None:
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        todo = [data]
        while todo:
            item = todo.pop()
            if isinstance(item, list):
                todo.extend(reversed(item))
            elif isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str) and value.strip():
                    return value
                todo.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


def _clean_tail(markup: str) -> str:
    """Cut a tag or entity that a truncated download left half-written at the very end."""
    markup = _TRAILING_TAG.sub("", markup)
    return _TRAILING_ENTITY.sub("", markup)


def _parse(markup: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    builder.feed(_clean_tail(markup))
    builder.close()
    return builder


def extract(markup: str, base_url: str | None = None) -> Extracted:
    """Story text, title, date, site name and canonical URL of a whole HTML page."""
    builder = _parse(markup)
    root = builder.root
    meta: dict[str, str] = {}
    canonical: str | None = None
    title_tag: str | None = None
    first_h1: str | None = None
    for n in _all(root):
        if n.tag == "meta":
            key = (n.attrs.get("property") or n.attrs.get("name") or n.attrs.get("itemprop") or "").lower()
            content = n.attrs.get("content", "").strip()
            if key and content and key not in meta:
                meta[key] = content
        elif n.tag == "link" and "canonical" in n.attrs.get("rel", "").lower().split():
            canonical = canonical or n.attrs.get("href", "").strip() or None
        elif n.tag == "title" and title_tag is None:
            title_tag = _plain(n) or None
        elif n.tag == "h1" and first_h1 is None:
            first_h1 = _plain(n) or None
    content = _content_root(root)
    text = render(content)
    if not text and content is not root:
        text = render(root)

    published = None
    for key in DATE_META:
        published = parse_any_date(meta.get(key))
        if published:
            break
    if published is None:
        for n in _walk(content):
            if n.tag == "time" and n.attrs.get("datetime"):
                published = parse_any_date(n.attrs["datetime"])
                if published:
                    break
    if published is None:
        published = parse_any_date(_json_ld_date(builder.json_ld))

    url = canonical or meta.get("og:url")
    if url and base_url:
        url = urljoin(base_url, url)
    elif url and not url.startswith(("http://", "https://")):
        url = None  # a relative link means nothing without the page's address
    title = meta.get("og:title") or title_tag or first_h1
    return Extracted(text=text, title=_WS.sub(" ", title).strip() if title else None,
                     published=published, source=meta.get("og:site_name"), url=url)


def fragment_to_text(markup: str) -> str:
    """Text of an HTML fragment (a feed item's description), every block kept."""
    return render(_parse(markup).root)
