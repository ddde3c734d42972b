"""A fast, offset-preserving sentence splitter.

The coder parses only sentences that can hold an event, so it must find sentences *before*
running spaCy. This splitter is rule-based (abbreviations, initials, decimals, closing quotes,
paragraph breaks) and returns character offsets into the original text, which stay the evidence
offsets of every event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that end with a period but rarely end a sentence (lower-case, without the dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm cmdr brig sen rep gov pres amb rev fr st mt
    jr sr no nos vs v etc e.g i.e inc corp co ltd plc dept univ est approx fig al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n u.s.a e.u d.c a.m p.m
    """.split()
)

_BOUNDARY = re.compile(
    r"""
    (?P<end>[.!?…]+)            # terminal punctuation
    (?P<close>["'”’)\]]*)       # closing quotes or brackets that belong to the sentence
    (?P<space>\s+)              # whitespace before the next sentence
    (?=["'“‘(\[]?[\w])          # next sentence starts with a word (any case: lower-cased corpora exist)
    """,
    re.VERBOSE,
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[-*•])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A sentence as character offsets into its article's text."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    m = _WORD_BEFORE.search(text, 0, dot_pos)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Single initials ("J. Smith"), but not a lone capital that ends a sentence after a number.
    return len(word) == 1 and word.isalpha()


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        dot = m.start("end")
        if m.group("end") == "." and _is_abbreviation(text, dot):
            # "U.S. forces" continues; "in the U.S. The talks" ends: split when next is capitalised
            # and the abbreviation is one that can end a sentence (country initials).
            word = _WORD_BEFORE.search(text, 0, dot)
            nxt = text[m.end()] if m.end() < len(text) else ""
            if not (word and word.group(1).lower().rstrip(".") in {"u.s", "u.k", "u.n", "e.u"}
                    and nxt.isupper() and _next_word_is_sentence_start(text, m.end())):
                continue
        spans.append((cur, m.start("space")))
        cur = m.end()
    if cur < end:
        spans.append((cur, end))
    return spans


_SENTENCE_STARTERS = frozenset(
    "the a an it he she they we i this that these those but and in on at after before when while "
    "if as his her their its our".split()
)


def _next_word_is_sentence_start(text: str, pos: int) -> bool:
    m = re.match(r"[\"'“‘(]?(\w+)", text[pos:pos + 40])
    return bool(m and m.group(1).lower() in _SENTENCE_STARTERS)


def split_sentences(text: str, skip: tuple[tuple[int, int], ...] = (), *,
                    keep_prefixes: bool = False) -> list[SentenceSpan]:
    """Split ``text`` into sentences; spans wholly inside a ``skip`` span (boilerplate) are
    dropped, and one that begins with a skip span (a wire dateline) begins after it, unless
    ``keep_prefixes`` (the dateline still says where the story is)."""
    out: list[SentenceSpan] = []
    block_start = 0
    blocks: list[tuple[int, int]] = []
    for m in _PARAGRAPH.finditer(text):
        blocks.append((block_start, m.start()))
        block_start = m.end()
    blocks.append((block_start, len(text)))
    for b_start, b_end in blocks:
        # A single newline inside a block ends a sentence only after a line with no terminal
        # punctuation that is short (a headline or dateline), otherwise it is wrapped text.
        for s, e in _split_lines(text, b_start, b_end):
            for ss, se in _split_block(text, s, e):
                ss, se = _trim(text, ss, se)
                if se <= ss:
                    continue
                if any(ks <= ss and se <= ke for ks, ke in skip):
                    continue
                out.append(SentenceSpan(ss, se, text[ss:se]))
    return out if keep_prefixes else after_prefixes(text, out, skip)


def after_prefixes(text: str, sentences: list[SentenceSpan],
                   skip: tuple[tuple[int, int], ...]) -> list[SentenceSpan]:
    """The sentences, each one that begins with a ``skip`` span begun after it ("MOSCOW
    (Reuters) - Russia said ..." → "Russia said ...")."""
    out = []
    for sent in sentences:
        ss, se = sent.start, sent.end
        for ks, ke in skip:
            if ks <= ss < ke:
                ss, se = _trim(text, ke, se)
        out.append(sent if ss == sent.start else SentenceSpan(ss, se, text[ss:se]))
    return out


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    cur = start
    for m in re.finditer(r"\n", text[start:end]):
        nl = start + m.start()
        line = text[cur:nl].strip()
        if line and (len(line) < 80 and not re.search(r"[.,;:!?\"”’-]$", line)):
            parts.append((cur, nl))
            cur = nl + 1
    parts.append((cur, end))
    return parts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
