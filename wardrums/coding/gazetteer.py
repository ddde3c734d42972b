"""Actor names → knowledge entries, matched over spaCy tokens.

One table joins the reviewable data files (countries, capitals, demonyms, nicknames,
institutions, IGOs, people, places) into phrase entries, and two spaCy PhraseMatchers find
them in a sentence: a case-sensitive one for short upper-case codes, mixed-case acronyms and
single-word names ("US" must not match the pronoun "us", nor "LeT" the verb "let"; "May" the
month is not Theresa May) and a case-insensitive one for everything else. Lower-cased
corpora switch the first one off.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace

from wardrums.data import knowledge

# Single words that are also ordinary English (or pronouns): matched only with their exact case,
# and never in a lower-cased article.
_AMBIGUOUS_LOWER = frozenset(
    "us it may chad jordan turkey china guinea georgia niger mali india congo israel "
    "cuba peru iran oman togo".split()
)


# "American" after these names a region of the Americas, not the United States.
_AMERICAN = {"american", "americans"}
_AMERICAS = {"latin", "central", "south", "north", "pan", "meso", "hispanic"}


def _case_sensitive(phrase: str) -> bool:
    """Whether ``phrase`` is matched with its exact case only.

    Short upper-case codes ("US", "ISI"), mixed-case acronyms ("LeT" for Lashkar-e-Taiba,
    "JeM", "FAMa": a capital after the first letter, and lower-case letters too) and the
    words of ``_AMBIGUOUS_LOWER``: their lower-case forms are ordinary words ("us", "let",
    "lei") that must not name an actor.
    """
    if phrase.isupper() and len(phrase) <= 4:
        return True
    if phrase.isalpha() and phrase[1:] != phrase[1:].lower() and phrase != phrase.upper():
        return True
    return phrase.lower() in _AMBIGUOUS_LOWER


@dataclass(frozen=True, kw_only=True)
class Entry:
    """What a matched phrase stands for."""

    kind: str  # country | capital | demonym | nickname | institution | igo | person | place
    name: str
    country: str | None
    sector: str | None
    kb_id: str | None = None
    person: knowledge.Person | None = None
    place: knowledge.Place | None = None
    institution: knowledge.Institution | None = None


@dataclass(frozen=True, kw_only=True)
class Mention:
    """A gazetteer match in a parsed sentence (token offsets into the spaCy Doc)."""

    start: int  # token index
    end: int  # token index, exclusive
    entries: tuple[Entry, ...]

    def best(self, on=None) -> Entry:
        """The entry to use; people are filtered by the date they held the role, and a group
        that has since taken power is the government from that date."""
        if on is None:
            return _rank(list(self.entries))
        active = [e for e in self.entries if e.person is None or e.person.active_on(on)]
        if not active:
            # a person out of every role the knowledge lists ("Imran Khan" in 2023): of the
            # country of the latest role, but what they do now the file does not say
            latest = max(self.entries, key=lambda e: (e.person is not None,
                                                      e.person.start if e.person else dt.date.min))
            return replace(latest, sector=None)
        entry = _rank(active)
        if entry.institution is not None and entry.institution.sector_on(on) != entry.sector:
            return replace(entry, sector=entry.institution.sector_on(on))
        return entry


_KIND_ORDER = {"institution": 0, "igo": 1, "person": 2, "country": 3, "nickname": 4,
               "capital": 5, "demonym": 6, "place": 7}


def _rank(entries: list[Entry]) -> Entry:
    return sorted(entries, key=lambda e: _KIND_ORDER.get(e.kind, 9))[0]


class Gazetteer:
    """Phrase table and matchers; build once per process with :func:`gazetteer`."""

    def __init__(self, nlp) -> None:
        from spacy.matcher import PhraseMatcher

        self.table: dict[str, list[Entry]] = {}
        self._exact: set[str] = set()
        self._written: dict[str, set[str]] = {}  # lower-cased key → the phrases as written
        for c in knowledge.countries():
            for phrase in (c.name, *c.aliases):
                self._add(phrase, Entry(kind="country", name=c.name, country=c.iso3, sector="GOV"))
            for phrase in c.capitals:
                self._add(phrase, Entry(kind="capital", name=c.name, country=c.iso3, sector="GOV"))
            for phrase in c.nicknames:
                self._add(phrase, Entry(kind="nickname", name=c.name, country=c.iso3, sector="GOV"))
            for phrase in c.demonyms:
                self._add(phrase, Entry(kind="demonym", name=c.name, country=c.iso3, sector=None))
        for inst in knowledge.institutions():
            e = Entry(kind="institution", name=inst.name, country=inst.country,
                      sector=inst.sector, kb_id=inst.kb_id, institution=inst)
            for phrase in (inst.name, *inst.aliases):
                self._add(phrase, e)
        # a name other countries' bodies share ("Congress"): every body under it, the owner
        # first; the resolver picks the focus country's
        shared = knowledge.shared_names()
        for inst in knowledge.institutions():
            for phrase in (inst.name, *inst.aliases):
                for body in shared.get(phrase.lower(), ()):
                    self._add(phrase, Entry(kind="institution", name=body.name,
                                            country=body.country, sector=body.sector,
                                            kb_id=body.kb_id, institution=body))
        for igo in knowledge.igos():
            e = Entry(kind="igo", name=igo.name, country=igo.code, sector=igo.sector,
                      kb_id=igo.kb_id)
            for phrase in (igo.name, *igo.aliases, igo.code):
                self._add(phrase, e)
        for p in knowledge.people():
            e = Entry(kind="person", name=p.name, country=p.country, sector=p.sector,
                      kb_id=p.kb_id, person=p)
            for phrase in (p.name, *p.aliases):
                self._add(phrase, e, exact=len(phrase.split()) == 1)
        for pl in knowledge.places():
            e = Entry(kind="place", name=pl.name, country=pl.country, sector=None, place=pl)
            for phrase in (pl.name, *pl.aliases):
                self._add(phrase, e)

        self.matcher_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for phrase in self.table:
            if phrase in self._exact:
                continue
            # tokenised as written and as lower-cased: "U.S. Treasury" is two tokens, but
            # "u.s. treasury" three ("u.s", ".", "treasury"), as in a lower-cased corpus
            forms = {phrase, *self._written.get(phrase, ())}
            self.matcher_lower.add(phrase, [nlp.make_doc(f) for f in sorted(forms)])
        for phrase in self._exact:
            self.matcher_exact.add(phrase, [nlp.make_doc(phrase)])
        self._strings = nlp.vocab.strings
        self._first_words = frozenset(p.split()[0].lower() for p in self.table)

    def _add(self, phrase: str, entry: Entry, *, exact: bool = False) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        # Short upper-case codes, mixed-case acronyms and words that double as English words
        # keep their case.
        if exact or _case_sensitive(phrase):
            key = phrase
            self._exact.add(key)
        else:
            key = phrase.lower()
            if key != phrase:
                self._written.setdefault(key, set()).add(phrase)
        bucket = self.table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def mentions(self, doc, *, lowercase: bool = False) -> list[Mention]:
        """Longest non-overlapping matches in ``doc``."""
        found: list[tuple[int, int, str]] = []
        for match_id, s, e in self.matcher_lower(doc):
            key = self._strings[match_id]
            if not lowercase and e - s > 1 and key in self._written \
                    and doc[s:e].text.islower() and key not in self._written[key]:
                # a name of several words met in lower case in a cased text is a common
                # phrase: "the west bank of the Dnipro" (one word may be a name written
                # carelessly: "a congress candidate")
                continue
            found.append((s, e, key))
        if not lowercase:
            for match_id, s, e in self.matcher_exact(doc):
                found.append((s, e, self._strings[match_id]))
        # longest first; a leading "the" adds no length, so "[the US] Treasury" loses to
        # "the [US Treasury]"; of two as long, the one that ends later, where a name's head
        # is: "Premier [Li Keqiang]", not "[Premier Li] Keqiang"
        found.sort(key=lambda t: (-(t[1] - t[0] - (doc[t[0]].lower_ == "the" and t[1] - t[0] > 1)),
                                  doc[t[0]].lower_ != "the", -t[1]))
        taken = [False] * len(doc)
        out: list[Mention] = []
        for s, e, key in found:
            if any(taken[s:e]):
                continue
            if s > 0 and doc[s].lower_ in _AMERICAN and doc[s - 1].lower_ in _AMERICAS:
                continue  # "Latin American leaders", "Central American clergymen": no country
            for i in range(s, e):
                taken[i] = True
            out.append(Mention(start=s, end=e, entries=tuple(self.table[key])))
        out.sort(key=lambda m: m.start)
        return out

    def may_mention(self, lowered_words: set[str]) -> bool:
        """Cheap check (no parse): could a sentence with these words name a known actor?"""
        return not self._first_words.isdisjoint(lowered_words)


@functools.cache
def gazetteer() -> Gazetteer:
    from wardrums.nlp import load_nlp

    return Gazetteer(load_nlp())
