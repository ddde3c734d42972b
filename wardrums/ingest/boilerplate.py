"""Find the parts of an article's text that are not the article: share prompts, bylines,
"appeared first on" footers, copyright and credit lines, wire-service dateline prefixes.

The reader never removes them (event offsets must stay true to the input); it records
their character spans in ``Article.boilerplate`` and the coder skips those spans. Every
pattern is anchored to the start of a line or sentence and demands the exact shape of
the boilerplate, so that ordinary reporting ("By Tuesday, troops had withdrawn",
"Reporting by state media suggested ...") is never flagged.
"""

from __future__ import annotations

import re

# A sentence or line start: line start (MULTILINE ^), or just after ". " / "! " / '." '.
_SENT_START = r"""(?:^|(?<=[.!?]\s)|(?<=[.!?]["”’)]\s))[ \t]*"""
# A capitalised name token ("Jane", "O'Neil", "JANE", "Al-Amin", "J.").
_CAP = r"[A-Z][\w'’.\-]*"
# A person's name: capitalised tokens, allowing common lower-case particles.
_NAME = rf"{_CAP}(?:[ \t]+(?:{_CAP}|de|da|del|der|di|la|le|van|von|bin|al|el|ibn))*"
# Names joined by commas, "and" or "&", each optionally "in Place".
_NAMES = (rf"{_NAME}(?:[ \t]+in[ \t]+{_NAME})?"
          rf"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+){_NAME}(?:[ \t]+in[ \t]+{_NAME})?)*")
# A dateline's place in capitals ("MOSCOW", "WASHINGTON/KYIV", "NEW DELHI"), then comma groups
# of a few capitalised words or numbers each (a country, a date: ", Turkey, March 10").
_CITY = r"[A-Z][A-Z.'’\-]+(?:[ \t/]+[A-Z][A-Z.'’\-]+){0,3}"
_TAIL_WORD = r"(?:[A-Z][a-z.]+|\d{1,4})"
_TAIL_GROUP = rf",[ \t]+{_TAIL_WORD}(?:[ \t]+{_TAIL_WORD}){{0,3}}"
# News agencies whose datelines look like "MOSCOW (Reuters) -".
_AGENCY = (r"Reuters(?:[ \t]+Breakingviews)?|AP|AFP|Bloomberg|UPI|dpa|DPA|Xinhua|TASS|ANI|PTI"
           r"|IANS|Yonhap|Kyodo|EFE|ANSA|CNN|BBC|RFE/RL|Interfax|Anadolu")

#: (name, compiled pattern). The span flagged is the named group ``bp`` of each match.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # WordPress feed footer: "The post Talks resume in Geneva appeared first on Daily Wire."
    ("appeared-first-on", re.compile(
        rf"{_SENT_START}(?P<bp>The post\b[^\n]{{1,400}}?\bappeared first on\b[^\n]*)",
        re.MULTILINE)),
    # Share prompts: "Share this article", "Share on Facebook", "SHARE THIS STORY: ..."
    ("share", re.compile(
        rf"{_SENT_START}(?P<bp>Share (?:this|the) (?:article|story|post|page|report)\b[^\n.!?]*[.!?]?"
        rf"|Share (?:on|via) (?:Facebook|Twitter|X|LinkedIn|WhatsApp|Telegram|Email|Reddit)\b[^\n.!?]*[.!?]?)",
        re.MULTILINE | re.IGNORECASE)),
    # "Click here to read the full report." / "Click here for live updates."
    ("click-here", re.compile(
        rf"{_SENT_START}(?P<bp>Click (?:here|the link(?: below)?) (?:to|for)\b[^\n.!?]*[.!?]?)",
        re.MULTILINE | re.IGNORECASE)),
    # "Follow us on Twitter and Facebook." / "Follow Al Jazeera on Telegram"
    ("follow-us", re.compile(
        rf"{_SENT_START}(?P<bp>Follow (?:us|[A-Z][\w&.\- ]{{0,40}}?) on (?:Twitter|X|Facebook|Instagram|"
        rf"Telegram|LinkedIn|YouTube|TikTok|WhatsApp|Google News|Bluesky|Threads|Mastodon)\b[^\n.!?]*[.!?]?)",
        re.MULTILINE | re.IGNORECASE)),
    # "Sign up for our newsletter ..." / "Subscribe to our daily newsletter."
    ("newsletter", re.compile(
        rf"{_SENT_START}(?P<bp>(?:Sign up|Subscribe|Register)(?: now| today| here)? (?:for|to) "
        rf"(?:our|the)\b[^\n.!?]{{0,60}}\bnewsletters?\b[^\n.!?]*[.!?]?)",
        re.MULTILINE | re.IGNORECASE)),
    # "Read more: Ceasefire holds in the north" / "READ MORE: ..." / "Related: ..."
    ("read-more", re.compile(
        r"^[ \t]*(?P<bp>(?:Read more|Read also|Also read|Related|See also|More on this)[ \t]*:[^\n]*)",
        re.MULTILINE | re.IGNORECASE)),
    # Copyright lines: "© 2017 Reuters. All rights reserved." / "Copyright 2017 The Daily Planet"
    ("copyright", re.compile(
        r"^[ \t]*(?P<bp>(?:Copyright[ \t]*)?(?:©|\([cC]\))[^\n]{0,200}"
        r"|Copyright[ \t]+\d{4}(?:[ \t]*[-–][ \t]*\d{4})?\b[^\n]{0,200}"
        r"|[^\n]{0,150}\bAll rights reserved\b[^\n]{0,40})$",
        re.MULTILINE | re.IGNORECASE)),
    # Byline on its own line near the top: "By Jane Doe, Reuters" / "By JANE DOE and JOHN ROE"
    ("byline", re.compile(
        rf"\A(?:[^\n]*\n){{0,4}}?[ \t]*(?P<bp>By[ \t]+{_NAMES}"
        rf"(?:[ \t]*[,|][ \t]*(?:{_CAP})(?:[ \t]+(?:{_CAP}|&))*)?[ \t]*)$",
        re.MULTILINE)),
    # Credit lines: "(Reporting by Jane Doe in Moscow; Editing by John Roe)"
    ("credits", re.compile(
        rf"{_SENT_START}(?P<bp>\(?(?:Additional[ \t]+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|"
        rf"[Gg]raphics|[Rr]esearch)(?:[ \t]+(?:and|&)[ \t]+[a-z]+)?[ \t]+by[ \t]+{_NAMES}"
        rf"(?:[ \t]*;[ \t]*(?:[Aa]dditional[ \t]+)?[A-Za-z]+(?:[ \t]+(?:and|&)[ \t]+[a-z]+)?[ \t]+by[ \t]+{_NAMES})*"
        rf"[ \t]*\)?\.?)[ \t]*$",
        re.MULTILINE)),
    # Wire dateline prefix, up to and including the dash: "MOSCOW (Reuters) -",
    # "WASHINGTON/KYIV, Oct 12 (Reuters) -", "ANTALYA, Turkey, March 10 (Reuters) -",
    # "(AP) —". After a city in capitals, any short source in brackets ("DHAKA (Daily Star) -",
    # in lower case only after a country or date: "NATO (the alliance) - ..." is prose);
    # with no source, a country or date after the city ("KYIV, Ukraine —"), so that a
    # headline label or a pair ("EU - China talks", "ISRAEL, HAMAS AGREE -") is not taken;
    # alone, only a news agency. The sentence after it is news.
    ("dateline", re.compile(
        rf"^[ \t]*(?P<bp>{_CITY}(?:(?:{_TAIL_GROUP}){{1,2}}[ \t]*\([A-Za-z]|[ \t]*\([A-Z])"
        rf"[\w.&'’\- ]{{0,40}}\)[ \t]*(?:-|–|—|--)"
        rf"|{_CITY}(?:{_TAIL_GROUP}){{1,2}}[ \t]*(?:-|–|—|--)(?=[ \t]+[A-Z\"“‘'])"
        rf"|\((?:{_AGENCY})\)[ \t]*(?:-|–|—|--))",
        re.MULTILINE)),
)


#: Words (lower case) at least one of which each pattern's match must contain; a pattern
#: whose words are all absent from the text is not run, which keeps long texts fast.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "appeared-first-on": ("appeared first on",),
    "share": ("share ",),
    "click-here": ("click ",),
    "follow-us": ("follow ",),
    "newsletter": ("newsletter",),
    "read-more": (":",),
    "copyright": ("©", "(c)", "copyright", "all rights reserved"),
    "byline": ("by",),
    "credits": (" by",),
    "dateline": (" -", "\u2013", "\u2014"),
}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping (start, end) character spans of ``text`` that are boilerplate."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for name, pattern in PATTERNS:
        if not any(word in lowered for word in _KEYWORDS[name]):
            continue
        for m in pattern.finditer(text):
            start, end = _trim(text, *m.span("bp"))
            if end > start:
                spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
