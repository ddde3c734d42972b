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


# Verbs that make someone "persona non grata".
_DECLARING = frozenset({"declare", "deem", "name", "make", "pronounce"})


def mend_persona_non_grata(doc) -> None:
    """ "Russia declared two Estonian diplomats persona non grata": the parser reads "persona"
    as a verb (or clause) whose subject is the diplomats. Rehang the Latin phrase, headed by
    "grata", as the declaring verb's predicate (oprd) and the diplomats as its object, so that
    the expulsion has its doer (the verb's subject) and its target (the verb's object)."""
    words = [t for t in doc if not (t.is_punct or t.is_quote)]  # also when quoted: "'persona non grata'"
    for i in range(len(words) - 2):
        persona, non, grata = words[i], words[i + 1], words[i + 2]
        if (persona.lower_, non.lower_, grata.lower_) != ("persona", "non", "grata"):
            continue
        verb = next((t for t in (persona, persona.head, persona.head.head)
                     if t.pos_ == "VERB" and t.lemma_.lower() in _DECLARING and t is not persona
                     and persona in t.subtree), None)
        if verb is None:
            continue
        for c in [c for t in (persona, non) for c in t.children if c not in (non, grata, persona)]:
            c.head, c.dep_ = verb, ("dobj" if c.dep_ in ("nsubj", "dobj") else c.dep_)
        grata.head, grata.dep_, grata.pos_ = verb, "oprd", "NOUN"
        for t in (persona, non):
            t.head, t.dep_ = grata, "compound"
        persona.pos_ = "NOUN"
