"""Untrusted news text made safe to show: stripped of hiding characters, escaped, highlighted.

Article text, titles, actor names and URLs come from the open web. Jinja's autoescaping
handles ``<`` and quotes; this module adds what escaping does not: control and bidi characters
(which can reorder or hide what a reader sees) are removed, only http(s) URLs become links,
and coded spans are marked by character offsets with every piece of text escaped first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from wardrums.records import Event

# C0/C1 controls except tab and newline, bidi embeddings/overrides/isolates/marks, zero-width
# joiners used for spoofing, lone surrogates and the two non-characters.
_HIDING = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069"
    "\ufeff\ud800-\udfff\ufffe\uffff]"
)


def visible(value: object) -> str:
    """``value`` as text without characters that hide or reorder what is displayed."""
    if value is None:
        return ""
    return _HIDING.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")


def short(value: object, limit: int = 160) -> str:
    """One display line of at most ``limit`` characters."""
    text = " ".join(visible(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def safe_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) link, else None (shown as text, never linked)."""
    text = visible(value).strip()
    if not text or any(c.isspace() for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


@dataclass(frozen=True)
class Span:
    """A marked stretch of text: ``kind`` becomes a CSS class, ``label`` its hover text."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None  # an id placed where the span starts


def event_spans(event: Event, base: int = 0) -> list[Span]:
    """The sentence, actors and trigger of ``event`` as spans, offsets shifted by ``-base``."""
    ev = event.evidence
    label = f"{event.event_type} ({event.modality})"
    spans = [Span(ev.start - base, ev.end - base, "sent", label, anchor=f"at-{event.event_id}")]
    for role, actors in (("src", event.source), ("tgt", event.target)):
        for a in actors:
            if a.start is not None and a.end is not None:
                who = "source" if role == "src" else "target"
                code = "/".join(p for p in (a.country, a.sector) if p) or "unknown"
                spans.append(Span(a.start - base, a.end - base, role, f"{who}: {a.name} ({code})"))
    if ev.trigger_start is not None and ev.trigger_end is not None:
        spans.append(Span(ev.trigger_start - base, ev.trigger_end - base, "trig",
                          f"trigger of {event.event_type}"))
    return spans


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with each span wrapped in ``<mark>`` (flat segments, so overlaps nest
    safely); spans outside the text or empty are dropped."""
    n = len(text)
    kept = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in kept), *(s.end for s in kept)})
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        for s in kept:
            if s.anchor and s.start == lo:
                out.append(f'<span id="{escape(s.anchor)}" class="anchor"></span>')
        piece = escape(visible(text[lo:hi]))
        cover = [s for s in kept if s.start <= lo and hi <= s.end]
        if not cover:
            out.append(str(piece))
            continue
        kinds = sorted({s.kind for s in cover})
        labels = "; ".join(dict.fromkeys(s.label for s in cover if s.label))
        out.append(f'<mark class="{" ".join(kinds)}" title="{escape(visible(labels))}">'
                   f"{piece}</mark>")
    return Markup("".join(out))


def sentence_markup(event: Event) -> Markup:
    """The event's own sentence with its actors and trigger marked (offsets made relative)."""
    spans = [s for s in event_spans(event, base=event.evidence.start) if s.kind != "sent"]
    return highlight(event.evidence.sentence, spans)


def article_markup(text: str, events: Iterable[Event]) -> Markup:
    """The whole article with every event's sentence, actors and trigger marked.

    Events whose stored sentence is not at its offsets (an older version of the article's
    text) are left unmarked rather than marking the wrong words.
    """
    spans: list[Span] = []
    for ev in events:
        if text[ev.evidence.start:ev.evidence.end] == ev.evidence.sentence:
            spans.extend(event_spans(ev))
    return highlight(text, spans)
