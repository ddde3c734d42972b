"""Parser slips mended before anything reads the tree.

The small English parser sometimes cuts a noun phrase in two where a gazetteer name shows
what it is: "accused *Azerbaijani troops* of violating the ceasefire" comes out as two
objects of "accused", the demonym and the noun, so the troops lose their country and the
demonym becomes a side of its own. Each mend here is narrow: it needs the gazetteer's word
for what the token is, and it only rehangs a token that has no dependents of its own.
"""

from __future__ import annotations

from wardrums.coding.gazetteer import Mention

# Argument relations a split noun phrase shows up in, twice over, on the same head.
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "conj"})


def mend_split_demonyms(doc, mentions: list[Mention]) -> None:
    """Hang a lone demonym on the noun right after it when the parser made them siblings of
    one relation ("accused Azerbaijani/dobj troops/dobj" → "Azerbaijani" modifies "troops")."""
    for m in mentions:
        if m.end - m.start != 1 or m.end >= len(doc) \
                or not all(e.kind == "demonym" for e in m.entries):
            continue
        tok, noun = doc[m.start], doc[m.end]
        if noun.pos_ == "NOUN" and tok.dep_ in _ARGUMENT_DEPS and tok.dep_ == noun.dep_ \
                and tok.head.i == noun.head.i and tok.head.i != tok.i and not list(tok.children):
            tok.head = noun
            tok.dep_ = "amod"
