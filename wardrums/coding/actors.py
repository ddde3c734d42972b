"""Who an argument of an event is: a noun phrase in the parse → :class:`Actor` records.

Resolution is a cascade, tried in this order for the head of each conjunct:
1. pronouns → the article's recent actors (he/she → last person, it → last organisation or
   state, they → last group or state, we/I inside a quote → the speaker);
2. a gazetteer mention covering the head (institution, IGO, person by dated role, country,
   capital-as-metonym, nickname, place) → that entry;
3. a sector noun head ("troops", "riot police", "the foreign ministry") → its sector, with the
   country from a modifier (demonym, "Russia's", "of Russia"), else the article's focus country;
4. a PERSON entity → the article's people registry (full name or bare surname), else a title
   pattern ("Russian Foreign Minister Sergei Lavrov" → RUS GOV), which is then registered;
5. another named entity → an actor with its name: a place with its GeoNames country, an
   organisation or group with the article's focus country (an unlisted local body).

A name several countries' bodies share ("Congress") is the focus country's body, and a group
the knowledge base gives no country (ISIS, al-Qaeda) takes the focus country it operates in.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from wardrums.coding.gazetteer import Entry, Mention
from wardrums.coding.modality import WILL_AUX, report_verbs
from wardrums.data import knowledge, lexicon
from wardrums.records import Actor

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_GROUP_PRONOUNS = {"they", "them", "their", "themselves"}
_SPEAKER_PLURAL = {"we", "us", "our", "ourselves"}
_SPEAKER_SINGULAR = {"i", "me", "my"}
# Relations whose subtrees are not part of the noun phrase that names an actor.
_NP_STOP = {"relcl", "acl", "advcl", "cc", "conj", "punct", "prep", "appos", "ccomp", "xcomp"}
# Sectors of actors who are usually domestic, so an unnamed one belongs to the article's country.
DOMESTIC_SECTORS = {"COP", "CVL", "REB", "UAF", "JUD", "LEG", "OPP", "PTY", "LAB", "EDU", "MED",
                    "HLH", "REL", "CRM", "BUS", "GOV", "MIL", "REF", "SPY", "NGO"}


@dataclass
class ArticleContext:
    """What the coder knows about an article while reading it sentence by sentence."""

    published: dt.date | None
    text: str
    lowercase: bool = False
    use_classifier: bool = True
    focus_country: str | None = None
    # the focus is only the outlet's country (the text names none): a guess, not a reading
    focus_is_prior: bool = False
    discourse: object | None = None  # dates.DiscourseDates: the article's running date
    people: dict[str, Actor] = field(default_factory=dict)  # lower-cased name or surname → actor
    recent: list[tuple[str, Actor]] = field(default_factory=list)  # (kind, actor), newest last
    # doers of the events coded so far, newest last: "they"/"it" prefer the last doer over the
    # last thing mentioned ("Police fired at the mob. They then arrested 20." → police)
    doers: list[Actor] = field(default_factory=list)
    # events coded so far and not negated, as (category, trigger lemma, source, target),
    # newest last: what a later "the attack" or "the accusations" refers back to
    told: list[tuple[str, str, tuple[Actor, ...], tuple[Actor, ...]]] = field(
        default_factory=list)
    # an earlier sentence named a hazard or an accident's cause: a later bare "four people
    # were injured" is more likely that accident than an attack by someone unnamed
    mishap: bool = False
    # named bodies (IGOs and institutions) in the order the article names them, argument or
    # not: what a later "the council" or "the alliance" refers back to
    bodies: list[Actor] = field(default_factory=list)

    def remember(self, kind: str, actor: Actor) -> None:
        self.recent.append((kind, actor))
        if len(self.recent) > 50:
            del self.recent[:-50]

    def last(self, kinds: set[str], *, besides: tuple[tuple[int, int], ...] = ()) -> Actor | None:
        """The newest actor of one of ``kinds``; with ``besides`` (character spans), not one
        mentioned there, nor anyone of the same name."""
        taken = self.named_within(besides)
        for kind, actor in reversed(self.recent):
            if kind in kinds and actor.name not in taken:
                return actor
        return None

    def named_before(self, offset: int, keep: Callable[[Actor], bool]) -> Actor | None:
        """The actor named last before character ``offset`` (by where it stands in the text,
        not when it was resolved) of those ``keep`` accepts."""
        last = self.last_named_before(offset, keep, 1)
        return last[0] if last else None

    def last_named_before(self, offset: int, keep: Callable[[Actor], bool],
                          n: int) -> list[Actor]:
        """The last ``n`` actors named before character ``offset`` that ``keep`` accepts, one
        per name, newest first (fewer when the article has not named that many)."""
        named = sorted((a for _, a in self.recent
                        if a.start is not None and a.start < offset and keep(a)),
                       key=lambda a: a.start, reverse=True)
        out: list[Actor] = []
        for a in named:
            if len(out) < n and all(b.name != a.name for b in out):
                out.append(a)
        return out

    def named_within(self, spans: tuple[tuple[int, int], ...]) -> set[str]:
        """Names of the actors mentioned inside these character spans."""
        return {a.name for _, a in self.recent
                if a.start is not None and any(s <= a.start < e for s, e in spans)}


@dataclass
class SentenceView:
    """A parsed sentence with its gazetteer mentions and where it sits in the article."""

    doc: object  # spacy Doc
    offset: int  # character offset of the sentence in the article
    mentions: list[Mention]
    speaker: Actor | None = None
    mishap: bool | None = None  # names an accident or its cause (coder._sentence_mishap)
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.mentions:
            for i in range(m.start, m.end):
                self._by_token[i] = m

    def mention_at(self, i: int) -> Mention | None:
        return self._by_token.get(i)


def np_tokens(head) -> list:
    """Tokens of the noun phrase headed by ``head``, without clauses, conjuncts and PPs."""
    out = [head]
    stack = [c for c in head.children if c.dep_ not in _NP_STOP]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _NP_STOP)
    return sorted(out, key=lambda t: t.i)


# Prefixes of a stance: "*pro*-EU demonstrators" in Tbilisi are Georgians, "*anti*-American
# protesters" are not Americans.
_STANCE_PREFIXES = {"pro", "anti"}


def _own_modifiers(tokens: list) -> list:
    """``tokens`` less the words under a patron participle among them, and the side a
    "pro-"/"anti-" word takes a stance on."""
    patron = {x.i for t in tokens if t.dep_ in ("amod", "compound")
              and t.lemma_.lower() in lexicon.word_set("patron_participles") for x in t.subtree}
    patron |= {t.i for t in tokens if t.i >= 2 and t.doc[t.i - 1].text == "-"
               and t.doc[t.i - 2].lower_ in _STANCE_PREFIXES}
    return [t for t in tokens if t.i not in patron] if patron else tokens


# Nouns of speaking for someone: "a spokesman *for* the Chinese coast guard".
_SPEAKING_FOR = {"spokesman", "spokeswoman", "spokesperson", "representative"}


def _of_objects(head) -> list:
    """Objects of "of"/"from" PPs on a noun ("the foreign ministry of Russia"), and of "for"
    on a spokesperson ("a spokesman for the Chinese coast guard")."""
    preps = {"of", "from", "for"} if head.lemma_.lower() in _SPEAKING_FOR else {"of", "from"}
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def char_span(sv: SentenceView, tokens: list) -> tuple[int, int, str]:
    start = tokens[0].idx
    last = tokens[-1]
    end = last.idx + len(last.text)
    return sv.offset + start, sv.offset + end, sv.doc.text[start:end]


def actor_from_entry(entry: Entry, sv: SentenceView, tokens: list, sector: str | None = None) -> Actor:
    start, end, text = char_span(sv, tokens)
    return Actor(text=text, name=entry.name, country=entry.country,
                 sector=sector if sector is not None else entry.sector,
                 kb_id=entry.kb_id, start=start, end=end)


# One-word institution names that many countries use: in a story about another country they
# name that country's body, not the one the knowledge base files them under.
_GENERIC_INSTITUTION_WORDS = {"congress", "senate", "parliament", "cabinet", "assembly",
                              "council"}
# A modifier naming a non-state group overrides the head's sector: "separatist forces",
# "rebel fighters", "opposition lawmakers" are not the state's army or legislature.
_OVERRIDING_SECTORS = {"REB", "UAF", "CRM", "OPP", "PTY"}
# Last words of organisation names, English and South Asian ("Ekta Manch", "Kisan Sangh"):
# a PERSON entity ending in one is an organisation the NER mistook.
_ORG_WORDS = {"manch", "morcha", "sangh", "sangha", "samiti", "samithi", "sabha", "sena",
              "parishad", "tehreek", "tehrik", "union", "front", "party", "committee", "league",
              "council", "federation", "association", "forum", "movement", "alliance",
              "organisation", "organization", "society", "coalition", "brigade", "army"}
# Parts of a body, which are of its sector: "a task *force* of the police", "a *unit* of the
# army", "the cyber *wing* of the police".
_UNIT_NOUNS = {"force", "unit", "squad", "wing", "cell", "team", "branch", "division",
               "detachment", "contingent", "battalion", "brigade", "platoon", "company", "bureau"}
# People who follow someone, of the sector of whom they follow when it is a side out of
# government: "supporters *of opposition leader Navalny*" (OPP), "followers of the cleric" (REL).
_FOLLOWER_NOUNS = {"supporter", "follower", "loyalist"}
_FOLLOWED_SECTORS = {"OPP", "PTY", "REB", "REL", "LAB"}
# Nouns of a body that governs, whoever runs it.
_RULING_NOUNS = {"government", "administration", "regime", "cabinet", "authority", "minister",
                 "ministry"}
# Sectors of people nouns (leader, activist, worker, supporter) that a named party or armed
# group modifying them overrides.
_MEMBER_SECTORS = {"GOV", "CVL", "LAB", "NGO", "MIL"}  # MIL: "Hamas commanders", "Taliban forces"
# Modifiers that say an unnamed group is foreign, so it is not the story's own country.
# ("American" here only where it names no country: "Latin American", see gazetteer._AMERICAS)
_FOREIGN_MODIFIERS = {"western", "foreign", "international", "european", "arab", "gulf",
                      "african", "asian", "american", "regional", "world", "global", "allied",
                      "outside"}


# Sides of a river: "the west *bank* of the Dnipro", "the left bank" are land, not a bank.
_RIVER_SIDES = {"west", "east", "left", "right", "north", "south", "northern", "southern",
                "eastern", "western", "opposite", "far", "river"}


def _sector_of(head) -> str | None:
    nouns = knowledge.sector_nouns()
    lemma = head.lemma_.lower()
    compounds = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    if lemma == "bank" and any(c.lower_ in _RIVER_SIDES for c in compounds):
        return None
    for c in compounds:  # multiword first: "riot police", "foreign ministry", "fighter jets"
        phrase = f"{c.lower_} {lemma}"
        if phrase in nouns:
            return nouns[phrase]
        phrase = f"{c.lemma_.lower()} {lemma}"
        if phrase in nouns:
            return nouns[phrase]
    for c in compounds:  # then a modifier that names an armed group: "*rebel* soldiers"
        sec = nouns.get(c.lemma_.lower()) or nouns.get(c.lower_)
        if sec in _OVERRIDING_SECTORS or (sec is not None and c.pos_ != "PROPN"
                                          and lemma in lexicon.word_set("role_heads")):
            # and a role in a body of any kind: "a *union* leader", "a *court* official" (a
            # named body's people are its own: "*Congress* leaders", see _resolve_one)
            return sec
    if lemma in lexicon.word_set("role_heads"):
        # the body named as the role's owner: "the *union's* chairman", "the head of the *union*"
        bodies = [c for c in head.children if c.dep_ == "poss"] + [
            g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]
        for b in bodies:
            sec = nouns.get(b.lemma_.lower()) if b.pos_ == "NOUN" else None
            if sec is not None:
                return sec
    doc = head.doc
    if head.i >= 2 and doc[head.i - 1].text == "-" and not doc[head.i - 1].whitespace_:
        # "sub-inspector", which the parser may split into three words of their own
        phrase = f"{doc[head.i - 2].lower_}-{lemma}"
        if phrase in nouns:
            return nouns[phrase]
    if lemma in nouns:
        return nouns[lemma]
    if head.lower_ in nouns:
        return nouns[head.lower_]
    if head.tag_ in ("NNS", "NNPS") and not head.ent_type_:
        # a plural the lemmatiser left whole, as it does a capitalised one it took for a
        # name ("*Rebels* attacked the convoy")
        for single in _singulars(head.lower_):
            if single in nouns:
                return nouns[single]
    return None


def _singulars(word: str) -> list[str]:
    """The singular forms a regular English plural may come from ("rebels", "militias",
    "authorities")."""
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-1], word[:-2]]
    return [word[:-1]] if word.endswith("s") else []


# Titles that are also common names of something else, and so count only right before the
# person's name: "SP Rahul Sharma" is a superintendent of police, "SP leader Akhilesh Yadav"
# the Samajwadi Party's.
_NEXT_TO_NAME = {"sp"}


def _title_sector(tokens: list, name_start: int | None = None) -> str | None:
    """The sector of the longest title among ``tokens`` ("Foreign Minister", "Gen.").
    ``name_start`` is the index of the name's first word, for titles of _NEXT_TO_NAME."""
    titles = knowledge.titles()
    words = [t.lower_ for t in tokens]
    best: tuple[int, str] | None = None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if phrase in _NEXT_TO_NAME and tokens[i + n - 1].i + 1 != name_start:
                continue
            if phrase in titles and (best is None or n > best[0]):
                best = (n, titles[phrase])
    return best[1] if best else None


def _titled_name(toks: list, sv: SentenceView, on, ctx: ArticleContext) -> Actor | None:
    """A person the NER took for an organisation with the abbreviated title before the name
    ("[SSP Rajeev Sabarwal]", "[Bhavnagar SP Rahul Sharma]"): an all-capital or dotted
    title, then two or more words of a name and none of a body ("MP Police" stays a body)."""
    titles = knowledge.titles()
    for i, t in enumerate(toks):
        if t.lower_ not in titles or not (t.text.isupper() or t.text.endswith(".")):
            continue
        name = toks[i + 1:]
        if len(name) < 2 or any(n.pos_ != "PROPN" or not n.text[:1].isupper()
                                or n.lower_ in _ORG_WORDS
                                or n.lemma_.lower() in knowledge.sector_nouns() for n in name):
            continue
        sector = _title_sector(toks[:i + 1], name[0].i)
        if sector is None:
            continue
        entry = _country_in(toks[:i], sv, on, ctx.focus_country)
        country = entry.country if entry else (None if ctx.focus_is_prior else ctx.focus_country)
        start, end, text = char_span(sv, toks)
        full = " ".join(n.text for n in name)
        actor = Actor(text=text, name=full, country=country, sector=sector, start=start, end=end)
        _know_person(ctx, full, actor)  # "Sharma had also arrested ..."
        ctx.remember("person", actor)
        return actor
    return None


def _know_person(ctx: ArticleContext, full: str, actor: Actor) -> None:
    """Register a person by full name and by surname, for later mentions in the article."""
    ctx.people[full.lower()] = actor
    ctx.people[full.split()[-1].lower()] = actor


# Gazetteer entries whose country a modifier gives the noun it modifies.
_PLACE_OR_BODY = {"country", "capital", "demonym", "nickname", "igo", "institution", "place"}


def _country_in(tokens: list, sv: SentenceView, on, focus: str | None = None, *,
                people: bool = False) -> Entry | None:
    """The first of ``tokens`` that names a country, place or body with a country; with
    ``people``, a known person's name counts too ("the *Biden* administration", "*Putin's*
    spokesman"): only for a body or role, as a surname inside a name says nothing ("*Aso*
    Rock Presidential Villa")."""
    kinds = _PLACE_OR_BODY | ({"person"} if people else set())
    for t in tokens:
        m = sv.mention_at(t.i)
        if m is None:
            continue
        e = _local(m, m.best(on), focus)
        if e.kind in kinds:
            if e.country:
                return e
    return None


def _local(m: Mention, entry: Entry, focus: str | None) -> Entry:
    """``entry``, or the focus country's body of the same name when other countries' bodies
    share it ("Congress leaders" in an Indian story: the Indian National Congress's)."""
    if focus and entry.kind == "institution" and entry.country != focus:
        return next((e for e in m.entries if e.kind == "institution" and e.country == focus),
                    entry)
    return entry


# Nouns that name an act, a cause or a plan, never a doer: "two large *explosions* hit the
# city", "waiting for a final *order* to attack".
_ABSTRACT_SUBJECTS = {"explosion", "blast", "order", "attempt", "move", "decision", "plan",
                      "effort", "campaign", "bid", "threat", "violence", "unrest", "conflict",
                      "war", "fighting", "incident", "tension", "clash", "destruction",
                      "damage", "collapse", "breach", "flooding", "situation", "crisis",
                      # where, beside something: "exploded *in front of* the house"
                      "front", "vicinity", "outskirts", "middle", "edge", "heart"}


@functools.cache
def _not_doers() -> frozenset[str]:
    # (and a weapon no side is named with: "*a car bomb* exploded", "*a rocket* hit a field";
    # nor a pact or a measure: "*a ceasefire* halting the incursion", "*the ban* hit exports")
    return frozenset(_ABSTRACT_SUBJECTS | lexicon.word_set("attack_nouns")
                     | lexicon.word_set("hazards") | lexicon.word_set("accident_causes")
                     | lexicon.word_set("seized_weapons") | lexicon.word_set("weapons")
                     | lexicon.word_set("deal") | lexicon.word_set("sanctions")
                     | lexicon.word_set("restrictions"))


def _place_country(names, ctx: ArticleContext) -> str | None:
    """The country of the first of ``names`` the GeoNames towns know (the focus country's
    first when several share it); a locality too small for GeoNames lies in the story's
    country."""
    from wardrums.coding import geo

    prefer = (ctx.focus_country,) if ctx.focus_country else ()
    for name in names:
        place = geo.lookup(name, prefer=prefer)
        if place is not None:
            return place.country_iso3
    return ctx.focus_country


def resolve(head, sv: SentenceView, ctx: ArticleContext, *, generic: bool = False) -> list[Actor]:
    """All actors named by the argument whose head token is ``head``.

    Conjuncts count ("Russia and China"), share a modifier on the left ("Israeli aircraft
    and tanks": both Israeli), and a group of countries after "of" distributes ("the foreign
    ministers of Russia and Ukraine": two actors). With ``generic``, a noun phrase that
    names no known actor ("members of the traders' association") still becomes one, with the
    article's focus country and no sector: the doer of an event is worth keeping unnamed.
    """
    heads = [head, *[c for c in head.conjuncts if c.i > head.i]]
    out: list[Actor] = []

    def add(actor: Actor | None) -> None:
        if actor is not None and all(
            (a.country, a.sector, a.name) != (actor.country, actor.sector, actor.name) for a in out
        ):
            out.append(actor)

    if _the_two(head):
        pair = _two_countries_before(head, sv, ctx)
        if pair:  # "The two countries will reopen their embassies"
            start, end, text = char_span(sv, np_tokens(head))
            return [replace(a, text=text, start=start, end=end) for a in pair]
    if _the_two(head, _SIDE_NOUNS):
        if not generic:
            return []  # names no one an act is aimed at
        start, end, text = char_span(sv, np_tokens(head))
        return [Actor(text=text, name=text, country=None, sector=None, start=start, end=end)]
    # (a name's own words are not shared: "the Kachin Independence Organization and the
    # military government" are not both the KIO's)
    shared = _country_in(_own_modifiers([t for t in np_tokens(head) if t.i < head.i]), sv,
                         ctx.published, ctx.focus_country) if head.pos_ == "NOUN" else None
    if head.lower_ == "their":
        owner = _reporter_of(head) or _owners_clause_subject(head)
        if owner is not None and owner.conjuncts:
            # "South Korea and the United States launched *their* drills": both
            for o in (owner, *owner.conjuncts):
                actor = _resolve_one(o, sv, ctx)
                if actor is not None:
                    add(replace(actor, text=head.text, start=sv.offset + head.idx,
                                end=sv.offset + head.idx + len(head.text)))
            if out:
                return out
    for n, h in enumerate(heads):
        actor = _resolve_one(h, sv, ctx)
        if (actor is None or (h.lemma_.lower() == "counterpart" and not actor.country)) \
                and h.lemma_.lower() not in lexicon.word_set("territory"):
            # (not "the region's *capital*, Stepanakert": a place struck is where, not whom)
            named = [a for alt in _named_instead(h) if not _a_place(alt, sv)
                     for a in resolve(alt, sv, ctx)]
            if named:  # "regional rival Japan's Prime Minister", "partners like Saudi Arabia"
                for a in named:
                    add(a)
                continue
        if actor is None and generic and h.pos_ == "PRON":
            # "CMPAJAC's chairman said *they* will not end the strike": a side that says what
            # it will do is the doer, named or not
            actor = _unnamed_stater(h, sv, ctx)
        if actor is None and generic and _unnamed_doer(h, sv):
            start, end, text = char_span(sv, np_tokens(h))
            # "Savar" (a town the gazetteer lacks) acting as its people; but "allies" and
            # "Western donors" are others than the story's own country
            country = _place_country((h.text,), ctx) if h.pos_ == "PROPN" else (
                None if _others(h) else ctx.focus_country)
            actor = Actor(text=text, name=text, country=country, sector=None,
                          start=start, end=end)
        if n and shared is not None and actor is not None and h.pos_ == "NOUN" and \
                _country_in([t for t in np_tokens(h) if t.i != h.i], sv, ctx.published,
                            ctx.focus_country) is None:
            actor = replace(actor, country=shared.country, name=f"{shared.name} {h.lemma_}")
        add(actor)
        if actor is not None and actor.country:
            # "Indian and Chinese troops", "US and South Korean forces": one noun, two sides
            for mod in (c for c in h.children
                        if c.dep_ in ("amod", "compound", "nmod") and c.i < h.i):
                for extra in mod.conjuncts:
                    e = _country_in([extra], sv, ctx.published, ctx.focus_country)
                    if e is not None and e.kind in ("country", "demonym") \
                            and e.country != actor.country:
                        add(replace(actor, country=e.country, name=f"{e.name} {h.lemma_}",
                                    kb_id=None))
        if actor is not None:
            for obj in _of_objects(h):
                for extra in obj.conjuncts:
                    m = sv.mention_at(extra.i)
                    e = m.best(ctx.published) if m is not None else None
                    if e is not None and e.country and e.kind in ("country", "capital", "demonym"):
                        add(replace(actor, country=e.country, name=f"{e.name} {h.lemma_}"))
    return out


def _named_instead(h) -> list:
    """Words that name who a noun that names no one stands for: its apposition ("regional
    *rival* Japan's Prime Minister Shinzo Abe") or its examples ("*partners* like Saudi
    Arabia", "countries such as Iran")."""
    out = [c for c in h.children if c.dep_ == "appos"]
    for c in h.children:
        if c.dep_ == "prep" and (c.lower_ == "like" or (
                c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "such")):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


# Nouns of a relation to another side: whose allies they are, the story does not say (but
# "rivals" and "enemies" are as often local ones).
_RELATIONAL = {"ally", "partner", "neighbour", "neighbor", "donor", "backer", "sponsor",
               "creditor", "lender"}


def _others(h) -> bool:
    """ "allies", "Western partners", "foreign donors": not the story's own people."""
    return h.lemma_.lower() in _RELATIONAL or any(
        c.lower_ in _FOREIGN_MODIFIERS for c in h.children if c.dep_ in ("amod", "compound"))


def _a_place(h, sv: SentenceView) -> bool:
    """A town or district the gazetteer knows (not a country): beside a noun, mostly the
    parser's slip ("a committee member was killed in Alinagar, *Mohmand Agency*")."""
    m = sv.mention_at(h.i)
    return m is not None and all(e.kind == "place" for e in m.entries)


def _stateless_place(h, sv: SentenceView) -> bool:
    """A place the gazetteer lists with no country ("the Black Sea"): where, never who."""
    m = sv.mention_at(h.i)
    return m is not None and all(e.kind == "place" and e.country is None for e in m.entries)


def _resolve_one(h, sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    from wardrums.coding.triggers import content_head

    h = content_head(h)  # "dozens of protesters" → protesters
    on = ctx.published
    low = h.lower_
    # 1. pronouns
    if h.pos_ == "PRON" or low in _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS:
        return _resolve_pronoun(h, sv, ctx)
    tokens = np_tokens(h)
    half = _half_named(h, sv, ctx)
    if half is not None:  # "the North" in a story about Korea
        start, end, text = char_span(sv, tokens)
        actor = Actor(text=text, name=knowledge.country_name(half), country=half,
                      sector="GOV", start=start, end=end)
        _register(ctx, "country", actor, h)
        return actor
    # 2. a gazetteer mention covering the head
    m = sv.mention_at(h.i)
    if m is not None:
        entry = m.best(on)
        span_tokens = [t for t in sv.doc[m.start:m.end]]
        if entry.kind == "demonym":
            # "the Russians": the nation's side; sector unknown unless a noun says so. A
            # demonym taken as the side of the noun it modifies ("expelled two *Russian*
            # diplomats": Russia) has that noun's sector.
            sector = _sector_of(h)
            if sector is None and h.dep_ in ("amod", "compound", "nmod") and h.head.i > h.i:
                sector = _sector_of(h.head)
            actor = actor_from_entry(entry, sv, span_tokens, sector=sector)
        elif entry.kind == "place":
            if entry.country is None:
                return None  # a sea or strait no state holds is where, never whom
            actor = actor_from_entry(entry, sv, span_tokens, sector="CVL")
        elif (entry.kind == "institution" and m.end - m.start == 1 and ctx.focus_country
              and entry.country != ctx.focus_country
              and h.lower_ in _GENERIC_INSTITUTION_WORDS):
            # a bare "Congress" in an Indian story is not the US Congress: the focus country's
            # body of that name (institutions.yaml shared_names), else an unnamed one
            local = next((e for e in m.entries if e.country == ctx.focus_country), None)
            if local is not None:
                actor = actor_from_entry(local, sv, span_tokens)
            elif h.pos_ == "PROPN":
                actor = replace(actor_from_entry(entry, sv, span_tokens, sector=None),
                                name=h.text, country=ctx.focus_country, kb_id=None)
            else:
                actor = actor_from_entry(entry, sv, span_tokens)
        elif entry.kind == "institution" and entry.country is None and ctx.focus_country:
            # a transnational group (ISIS, al-Qaeda) in a story about one country: the country
            # it operates in, as ACLED codes it ("Islamic State (Bangladesh)")
            actor = replace(actor_from_entry(entry, sv, span_tokens), country=ctx.focus_country)
        else:
            actor = actor_from_entry(entry, sv, span_tokens)
        _register(ctx, entry.kind, actor, h)
        return actor
    # 2a. "the island", "the kingdom": the country of that kind the article last named
    if _described_country(h) and [t.lower_ for t in tokens] == ["the", h.lower_]:
        country = _country_named_before(h, sv, ctx)
        if country is not None:
            start, end, text = char_span(sv, tokens)
            return replace(country, text=text, start=start, end=end)
    # 2b. "the council", "the alliance": the body of that kind the article last named
    named = _named_before(h, tokens, ctx)
    if named is not None:
        start, end, text = char_span(sv, tokens)
        actor = replace(named, text=text, start=start, end=end)
        ctx.remember("org", actor)
        return actor
    # 3. sector nouns: troops, police, the foreign ministry, protesters; not "a *state* of
    # emergency" (a condition, where "the State of Israel" is a country)
    if h.lower_ == "state" and any(g.ent_type_ != "GPE" for c in h.children
                                   if c.dep_ == "prep" and c.lower_ == "of"
                                   for g in c.children if g.dep_ == "pobj"):
        return None
    sector = _sector_of(h)
    if h.lemma_.lower() in _UNIT_NOUNS:
        # "the Special Task Force *of the UP Police*", "a company of soldiers" (not a firm)
        sector = next((sec for g in _of_objects(h) for sec in (_sector_of(g),)
                       if sec is not None), sector)
    if h.lemma_.lower() in _FOLLOWER_NOUNS:
        sector = next((sec for g in _of_objects(h) for sec in (_followed_sector(g, sv, ctx),)
                       if sec in _FOLLOWED_SECTORS), sector)
    if h.lemma_.lower() == "counterpart":
        sector = _counterpart_sector(h) or sector
    if sector is not None and h.ent_type_ != "PERSON":
        modifiers = _own_modifiers([t for t in tokens if t.i != h.i]) + _of_objects(h)
        if h.lemma_.lower() in _SPEAKING_FOR:  # "a spokesman for *the Chinese* foreign ministry"
            modifiers += [t for o in _of_objects(h) for t in np_tokens(o)]
        # ("*his* counterpart" is of the other side: its possessor says nothing of its country)
        entry = _country_in(modifiers, sv, on, ctx.focus_country, people=True) or (
            None if h.lemma_.lower() == "counterpart" else _possessor_country(h, sv, ctx)) \
            or _seated_in(h, sector, sv, ctx)
        if entry is None and [t.lower_ for t in tokens] == ["the", h.lower_]:
            prev = _same_body_before(h, sector, sv, ctx)
            if prev is not None:  # "Taiwan's defence ministry said ... *The ministry* said"
                start, end, text = char_span(sv, tokens)
                return replace(prev, text=text, start=start, end=end)
        if entry is None and h.lemma_.lower() in {"minister", "official", "spokesman",
                                                  "spokeswoman", "spokesperson", "president",
                                                  "leader", "diplomat", "envoy", "ambassador"}:
            prev = ctx.last({"person"}) if any(t.lower_ == "the" for t in tokens) else None
            if prev is not None and prev.sector == sector:
                return replace(prev, text=h.text, start=sv.offset + h.idx,
                               end=sv.offset + h.idx + len(h.text))
        start, end, text = char_span(sv, tokens)
        if entry is not None and entry.kind == "institution" and \
                entry.sector in _OVERRIDING_SECTORS and sector in _MEMBER_SECTORS \
                and h.lemma_.lower() not in _RULING_NOUNS:
            # "Congress leaders", "BJP activists": the party's people; but "the Taliban
            # government" governs
            sector = entry.sector
        if entry is not None:
            country, name = entry.country, f"{entry.name} {h.lemma_}".strip()
        elif sector in DOMESTIC_SECTORS and ctx.focus_country and not any(
                t.lower_ in _FOREIGN_MODIFIERS for t in modifiers):
            country, name = ctx.focus_country, h.lemma_
        else:
            country, name = None, h.lemma_
        actor = Actor(text=text, name=name, country=country, sector=sector, start=start, end=end)
        _register(ctx, "group" if h.tag_ in ("NNS", "NNPS") else "org", actor, h)
        return actor
    # 4. people: registry, then title pattern
    if h.ent_type_ == "PERSON":
        ent = next((e for e in sv.doc.ents if e.start <= h.i < e.end), None)
        full = ent.text if ent is not None else h.text
        known = ctx.people.get(full.lower()) or ctx.people.get(h.lower_)
        start, end, text = char_span(sv, [t for t in ent] if ent is not None else [h])
        if known is not None:
            actor = replace(known, text=text, start=start, end=end)
            ctx.remember("person", actor)
            return actor
        mods = [t for t in tokens if ent is None or not (ent.start <= t.i < ent.end)]
        mods += [t for c in h.children if c.dep_ == "appos" for t in np_tokens(c)]
        title_sector = _title_sector(mods, ent.start if ent is not None else h.i)
        entry = _country_in(mods, sv, on, ctx.focus_country, people=True)
        if title_sector is None and entry is None and ent is not None and \
                ent[-1].lower_ in _ORG_WORDS:
            # an organisation the NER took for a person ("... Ekta Manch", "... Morcha"):
            # an unlisted local body, so the story's country
            actor = Actor(text=text, name=full, country=ctx.focus_country, sector=None,
                          start=start, end=end)
            ctx.remember("org", actor)
            return actor
        # a person the knowledge base does not know, named in a story whose text places it,
        # is most often a local: the story's country (never the outlet's guess alone)
        country = entry.country if entry else (
            None if ctx.focus_is_prior else ctx.focus_country)
        actor = Actor(text=text, name=full, country=country, sector=title_sector,
                      start=start, end=end)
        if title_sector is not None or entry is not None:
            _know_person(ctx, full, actor)
        ctx.remember("person", actor)
        return actor
    # 4a. a post or column an armed side holds: "positions of the rebels", "a police station"
    if h.pos_ == "NOUN" and h.lemma_.lower() in lexicon.word_set("held_sites"):
        holder = _site_holder(h, sv, ctx)
        if holder is not None:
            return holder
    # 4b. any noun with a country modifier: "China's Western Theatre Command", "Israeli aircraft"
    if h.pos_ in ("NOUN", "PROPN"):
        entry = _country_in([t for t in tokens if t.i != h.i] + _of_objects(h), sv, on,
                            ctx.focus_country)
        if entry is None and h.lemma_.lower() in _owned_things():
            entry = _possessor_country(h, sv, ctx)  # "rammed *its* vessel", "*its* territory"
            if entry is not None and entry.country == _attackers_country(h, sv, on, ctx):
                entry = None  # "the Saudi jets' raid on *their* positions": not the jets'
        if entry is not None:
            start, end, text = char_span(sv, tokens)
            # "Hezbollah positions", "Houthi targets": a named body's, of its sector
            sector = entry.sector if entry.kind in ("institution", "igo") else None
            actor = Actor(text=text, name=f"{entry.name} {h.lemma_}", country=entry.country,
                          sector=sector, start=start, end=end)
            ctx.remember("group" if h.tag_ in ("NNS", "NNPS") else "org", actor)
            return actor
    # 5. other named entities: a place the gazetteer lacks is looked up among GeoNames towns
    # ("Sibi" → PAK); an organisation, group or facility the knowledge base lacks, named in a
    # story about one country, is that country's ("the Haryana parents' forum", "Fulanis")
    if h.ent_type_ in {"ORG", "GPE", "NORP", "FAC", "LOC"}:
        ent = next((e for e in sv.doc.ents if e.start <= h.i < e.end), None)
        toks = [t for t in ent] if ent is not None else [h]
        titled = _titled_name(toks, sv, on, ctx) if h.ent_type_ == "ORG" else None
        if titled is not None:
            return titled
        start, end, text = char_span(sv, toks)
        known = ctx.people.get(h.lower_) if len(toks) == 1 and h.pos_ == "PROPN" else None
        if known is not None:  # a surname the article gave a title, taken for a place
            return replace(known, text=text, start=start, end=end)
        country = _place_country((text, h.text), ctx) if h.ent_type_ in ("GPE", "LOC") \
            else None if h.lower_ in _FOREIGN_MODIFIERS else ctx.focus_country  # "Western"
        actor = Actor(text=text, name=text, country=country, sector=None, start=start, end=end)
        ctx.remember("org", actor)
        return actor
    # 6. a proper name the NER missed ("accused *Gulen* of plotting", "will release *Pablo
    # Emilio Moncayo*"): someone of unknown kind, placed as a person the registry lacks is
    if h.pos_ == "PROPN" and not h.ent_type_ and h.tag_ != "NNPS" and h.text[:1].isupper() \
            and not _common_word(h) and not _headline_case(h) and not _where(h):
        name = [t for t in tokens if t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")
                or t.i == h.i]
        start, end, text = char_span(sv, name)
        known = ctx.people.get(" ".join(t.lower_ for t in name))
        if known is not None:
            return replace(known, text=text, start=start, end=end)
        country = _place_country((text,), ctx) if not ctx.focus_is_prior else None
        # (not remembered: of unknown kind, it is no antecedent for "he" or "it")
        return Actor(text=text, name=text, country=country, sector=None, start=start, end=end)
    return None


def _common_word(h) -> bool:
    """A capitalised word the knowledge files know as a common noun: a role, a body or a kind
    of actor ("Representative", "Commission"), not a name."""
    low = h.lower_
    return low in _not_doers() or low in knowledge.sector_nouns() or low in _BODY_NOUNS \
        or low in lexicon.word_set("role_heads")


# Prepositions of place: a name the NER missed after them is most often a town or a road
# ("clashed at *Pangsa*", "a protest on the *DND Flyway*"). (places._LOCATIVE and
# geo._LOCATIVE are near twins for where an event is; places imports this module.)
_AT_PLACE = {"at", "in", "on", "near", "along", "inside", "outside", "across", "around", "from"}
# Capitalised words of documents, laws and plans, which are measures, not sides.
_DOCUMENT_WORDS = {"bill", "act", "law", "ordinance", "amendment", "resolution", "treaty",
                   "agreement", "accord", "plan", "scheme", "project", "policy", "code", "rules"}


def _where(h) -> bool:
    """``h`` is the object of a preposition of place, or names a document."""
    return (h.dep_ == "pobj" and h.head.lower_ in _AT_PLACE) or h.lower_ in _DOCUMENT_WORDS


def _headline_case(h) -> bool:
    """``h``'s sentence is written in title case ("Syrian Refugees Granted Asylum Are
    Welcome"), where a capital says nothing of a name."""
    words = [t for t in h.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


# The words for a news outlet, which after "the" refer back to the last outlet named ("the
# newspaper said" after the Global Times).
_MEDIA_NOUNS = {"newspaper", "paper", "tabloid", "daily", "broadcaster", "channel", "outlet",
                "network", "agency", "weekly"}
# Common nouns that, after "the", refer back to a named body of their kind: to one whose name
# holds the noun ("the council" after "the UN Security Council"), for the words of
# membership, to the last intergovernmental body named ("the alliance" after NATO), and for
# the words of an outlet, to the last outlet.
_BODY_NOUNS = {"council", "court", "tribunal", "agency", "assembly", "commission", "committee",
               "union", "organisation", "organization", "alliance", "bloc", "body", "coalition",
               "front", "movement", "group", "militia", "party"} | _MEDIA_NOUNS
_MEMBERSHIP_NOUNS = {"alliance", "bloc", "union", "organisation", "organization", "body"}
# ... and the words for a non-state group, to the last such group named ("the group said"
# after Hamas).
_GROUP_NOUNS = {"group", "movement", "militia", "organisation", "organization", "party"}
_GROUP_SECTORS = {"REB", "UAF", "CRM", "PTY", "OPP", "NGO"}


def _named_before(h, tokens: list, ctx: ArticleContext) -> Actor | None:
    low = h.lemma_.lower()
    # (the parser tags a lower-case "bloc" PROPN now and then)
    if low not in _BODY_NOUNS or h.pos_ not in ("NOUN", "PROPN") or h.text[:1].isupper() \
            or [t.lower_ for t in tokens] != ["the", h.lower_]:
        return None
    for actor in reversed(ctx.bodies):
        words = {w.lower() for w in actor.name.split()}
        if low in words or (low in _MEMBERSHIP_NOUNS and actor.sector == "IGO") or (
                low in _GROUP_NOUNS and actor.sector in _GROUP_SECTORS) or (
                low in _MEDIA_NOUNS and actor.sector == "MED"):
            return actor
    return None


def note_bodies(sv: SentenceView, ctx: ArticleContext) -> None:
    """Add the IGOs and institutions ``sv`` names to ``ctx.bodies``."""
    for m in sv.mentions:
        e = m.best(ctx.published)
        if e.kind in ("igo", "institution") and e.sector is not None:
            ctx.bodies.append(actor_from_entry(e, sv, list(sv.doc[m.start:m.end])))


# Sectors of people sent abroad as often as found at home: "troops in Syria" may be anyone's.
_SENT_ABROAD = {"MIL", "SPY", "IGO", "NGO"}


def _seated_in(h, sector: str | None, sv: SentenceView, ctx: ArticleContext) -> Entry | None:
    """The country or capital an unnamed body is "in": "the junta *in Myanmar*", "police in
    Dhaka", "authorities in Beijing" (not forces or aid workers, often foreign)."""
    if sector in _SENT_ABROAD or h.lemma_.lower() in _diplomat_heads() or any(
            c.lower_ in _FOREIGN_MODIFIERS for c in h.children):
        return None  # "Western diplomats *in Nairobi*", "the US ambassador in Kyiv"
    for g in _pobjects(h, "in"):
        m = sv.mention_at(g.i)
        e = m.best(ctx.published) if m is not None else None
        if e is not None and e.kind in ("country", "capital") and e.country:
            return e
    return None


@functools.cache
def _diplomat_heads() -> frozenset[str]:
    """Head lemmas of the lexicon's diplomats set (envoys are abroad by trade)."""
    return frozenset(w.split()[-1] for w in lexicon.word_set("diplomats")) | {"delegation",
                                                                              "delegate"}


def _pobjects(h, prep: str) -> list:
    return [g for c in h.children if c.dep_ == "prep" and c.lower_ == prep
            for g in c.children if g.dep_ == "pobj"]


def _followed_sector(g, sv: SentenceView, ctx: ArticleContext) -> str | None:
    """The sector of whom a follower follows: a body ("of the *opposition*"), a titled name
    ("of *opposition leader* Alexei Navalny") or a person the article has placed."""
    sec = _sector_of(g)
    if sec is None:
        titles = [c for c in g.children if c.dep_ in ("compound", "amod") and c.i < g.i]
        sec = next((s for c in titles for s in (_sector_of(c),) if s in _FOLLOWED_SECTORS),
                   None)
    if sec is None and g.ent_type_ == "PERSON":
        known = ctx.people.get(g.lower_)
        sec = known.sector if known is not None else None
    return sec


def _counterpart_sector(h) -> str | None:
    """A counterpart holds the office of whoever meets them: "the army chief met his Indian
    *counterpart*" (MIL), "the foreign minister held talks with his Saudi counterpart" (GOV)."""
    verb = h.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return _sector_of(subjects[0]) if subjects else None


def _half_named(h, sv: SentenceView, ctx: ArticleContext) -> str | None:
    """The country "the North" or "the South" stands for in a story that names one half of
    a divided country (``knowledge.halves``), else None."""
    if h.lower_ not in ("north", "south") or not h.text[:1].isupper() \
            or sv.mention_at(h.i) is not None \
            or [c.lower_ for c in h.children if c.dep_ != "punct"] != ["the"]:
        return None
    table = knowledge.halves()[h.lower_]
    named = {ctx.focus_country, *(a.country for _, a in ctx.recent)}
    named |= {e.country for e in (m.best(ctx.published) for m in sv.mentions)}
    found = {table[c] for c in named if c in table}
    return found.pop() if len(found) == 1 else None


def _attackers_country(h, sv: SentenceView, on, ctx: ArticleContext) -> str | None:
    """The country of whoever attacks ``h``, as its words name it: the subject of the verb
    or the modifiers of the attack noun that ``h`` is the object of ("*a Chinese ship*
    rammed its vessel", "*the Saudi* jets' raid on their positions")."""
    attack = h.head if h.dep_ == "dobj" else (
        h.head.head if h.dep_ == "pobj" and h.head.lower_ in ("on", "at", "against", "upon")
        else None)
    if attack is None:
        return None
    doers = [c for c in attack.children if c.dep_ in ("nsubj", "poss", "amod", "compound")
             and c.i < attack.i]
    words = [t for d in doers for t in d.subtree]
    entry = _country_in(words, sv, on, ctx.focus_country)
    return entry.country if entry is not None else None


def _site_holder(h, sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    """Who holds the post or column ``h`` names, when a word for a side says so: the object of
    its "of" ("positions *of the army*", "bases of the PKK") or a modifier of a sector ("a
    *military* convoy", "an *army* post", "a *police* station"), with the country its other
    words give ("an *Israeli* army post"), else, for a force at home, the story's country."""
    start, end, text = char_span(sv, np_tokens(h))
    # where it stands ("positions *in Saudi Arabia's Asir region*"), if the sentence says
    where = next((e.country for g in _pobjects(h, "in")
                  for e in (_country_in(np_tokens(g), sv, ctx.published),) if e), None)
    for o in _of_objects(h):
        owner = _resolve_one(o, sv, ctx)
        if owner is not None and owner.sector is not None:
            return replace(owner, text=text, start=start, end=end)
    mods = [c for c in h.children if c.dep_ in ("amod", "compound") and c.i < h.i]
    for t in (t for c in mods for t in np_tokens(c)):  # "Islamic State targets"
        m = sv.mention_at(t.i)
        body = m.best(ctx.published) if m is not None else None
        if body is not None and body.kind == "institution" and body.sector in _GROUP_SECTORS:
            # a group of no one country holds it where it is ("Islamic State positions in
            # eastern Syria"), else in the story's country
            return Actor(text=text, name=f"{body.name} {h.lemma_}", sector=body.sector,
                         country=body.country or where or ctx.focus_country, start=start, end=end)
    sector = next((s for c in mods for s in (_sector_of(c),) if s is not None), None)
    if sector is None:
        return None
    entry = _country_in([t for t in np_tokens(h) if t.i != h.i], sv, ctx.published,
                        ctx.focus_country)
    if entry is not None:
        country = entry.country
    elif sector in DOMESTIC_SECTORS and (where or ctx.focus_country):
        country = where or ctx.focus_country  # a military post in Saudi Arabia is Saudi
    else:
        country = None
    name = f"{entry.name} {h.lemma_}" if entry is not None else h.lemma_
    return Actor(text=text, name=name, country=country, sector=sector, start=start, end=end)


@functools.cache
def _owned_things() -> frozenset[str]:
    """Land, waters, craft and missions that a state owns: "*its* territory" is that
    state's."""
    return lexicon.word_set("territory") | {"vessel", "ship", "boat", "airspace", "water",
                                            "waters", "embassy", "consulate", "soil"}


def _possessor_country(h, sv: SentenceView, ctx: ArticleContext) -> Entry | None:
    """The country of a possessive pronoun on ``h`` ("its troops", "their police"), or of a
    possessor that refers back to a country ("the island's president": the country named
    last before it)."""
    for c in h.children:
        if c.dep_ != "poss":
            continue
        owner = None
        if c.pos_ == "PRON":
            owner = _resolve_pronoun(c, sv, ctx)
        elif _described_country(c):
            owner = _country_named_before(c, sv, ctx)
        if owner is not None and owner.country:
            return Entry(kind="country", name=knowledge.country_name(owner.country),
                         country=owner.country, sector=owner.sector)
    return None


# Plural nouns that, as "the two ..." or "both ...", refer back to the last two countries a
# story named ("the two neighbours later agreed", "both governments").
_PAIR_NOUNS = {"country", "nation", "neighbour", "neighbor", "government", "state", "capital"}
# ... and nouns of a pair of sides, which need not be the last two countries named ("urged
# both sides to respect the ceasefire" after the Minsk talks): sides left unnamed, not
# political parties ("mediated between *the two parties*").
_SIDE_NOUNS = {"party", "side"}


def _the_two(head, nouns: set[str] = _PAIR_NOUNS) -> bool:
    """ "*the two countries*", "*both nations*": a pair the text has named already."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in nouns:
        return False
    words = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet")}
    return {"the", "two"} <= words or "both" in words


def names_a_state(a: Actor) -> bool:
    """The actor is a country named as such ("Iran", not "Iranian troops")."""
    return bool(a.country) and a.name == knowledge.country_name(a.country)


def _two_countries_before(head, sv: SentenceView, ctx: ArticleContext) -> list[Actor]:
    """The pair "the two countries" refers to: the two sides of the last event told between
    exactly two countries ("Saudi Arabia and Iran agreed ..., in a deal brokered by China.
    *The two countries* ..." is not China), else the last two countries named."""
    for _, _, source, target in reversed(ctx.told):
        sides = {a.country: a for a in (*source, *target) if names_a_state(a)}
        if len(sides) == 2 and {a.country for a in (*source, *target)} == set(sides):
            return list(sides.values())
    pair = ctx.last_named_before(sv.offset + head.idx, names_a_state, 2)
    return list(reversed(pair)) if len(pair) == 2 else []


def _same_body_before(h, sector: str | None, sv: SentenceView,
                      ctx: ArticleContext) -> Actor | None:
    """The body last named before ``h`` whose name ends in the same noun, of the same sector:
    "the ministry" after "Taiwan's defence ministry"."""
    words = {h.lower_, h.lemma_.lower()}
    if sector == "MED" and h.lemma_.lower() in _OUTLET_NOUNS:
        words = None  # "The Global Times said ... *the newspaper* said": any outlet named
    return ctx.named_before(sv.offset + h.idx, lambda a: bool(
        a.country and a.sector == sector
        and (words is None or a.text.lower().rsplit(" ", 1)[-1] in words)
        and a.text.lower() != f"the {h.lower_}"))


# What news calls an outlet it has named ("the newspaper", "the broadcaster").
_OUTLET_NOUNS = {"newspaper", "paper", "daily", "tabloid", "broadcaster", "channel", "network",
                 "station", "magazine", "outlet", "website", "agency"}


def _described_country(tok) -> bool:
    """ "*the island*", "*the kingdom*": a noun news refers back to a country with
    (``descriptions.yaml``), with "the" and no other words."""
    return tok.pos_ in ("NOUN", "PROPN") and not tok.text[:1].isupper() \
        and tok.lemma_.lower() in knowledge.descriptions() \
        and [t.lower_ for t in tok.children if t.dep_ not in ("case", "punct")] == ["the"]


def _country_named_before(tok, sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    """The country the description ``tok`` refers back to: the last named before it of those
    the noun may describe ("the island": Taiwan, not China named after it)."""
    allowed = knowledge.descriptions()[tok.lemma_.lower()]
    return ctx.named_before(sv.offset + tok.idx, lambda a: names_a_state(a)
                            and (allowed is None or a.country in allowed))


def _last_doer(ctx: ArticleContext, h, besides: tuple[tuple[int, int], ...] = ()) -> Actor | None:
    """The last event's doer, if it is a group or organisation mentioned before ``h`` and not
    the subject of ``h``'s own clause."""
    if not ctx.doers:
        return None
    doer = ctx.doers[-1]
    if doer.sector is None or doer.name.lower() in ctx.people:
        return None  # unknown kind, or a person: "they"/"it" do not refer to one person
    if besides and doer.name in ctx.named_within(besides):
        return None  # "police chased *them*": not the police
    return doer


# Object forms of pronouns, which rarely stand for their own clause's subject.
_OBJECT_PRONOUNS = {"him", "her", "them", "it"}
_OBJECT_DEPS = {"dobj", "dative", "iobj"}


def _clause_subjects(h, sv: SentenceView) -> tuple[tuple[int, int], ...]:
    """Character spans of the subject of the verb whose direct object ``h`` is ("Obama
    urged *him*"): a pronoun object is someone else (binding principle B). A verb in an
    infinitive clause has for subject the object of the verb it completes, if it has one
    ("Navalny asked the authorities to release *him*": not the authorities, maybe Navalny),
    else that verb's subject."""
    if h.lower_ not in _OBJECT_PRONOUNS or h.dep_ not in _OBJECT_DEPS:
        return ()
    verb = h.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")] or \
            [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return tuple(char_span(sv, np_tokens(s))[:2] for s in subjects)


def _register(ctx: ArticleContext, kind: str, actor: Actor, head) -> None:
    if kind == "person":
        ctx.remember("person", actor)
        ctx.people.setdefault(actor.name.lower(), actor)
        ctx.people.setdefault(actor.name.split()[-1].lower(), actor)
    elif kind == "group":
        ctx.remember("group", actor)
    else:
        ctx.remember("org", actor)


# Possessive pronouns that can stand for a country or group ("*its* troops", "*their* men").
_GROUP_POSSESSIVES = {"its", "their"}


# Subject pronouns that most often stand for who states the clause ("Putin said *he* had
# ordered..."). Not "it"/"they" in general: "the UN said *it* had hit a shelter" is someone
# else (but what a side says it will do, or where it stands, is its own: _reporter_of).
_SUBJECT_PRONOUNS = {"he", "she"}
# Verbs of where a side stands, said of itself.
_STANCES = {"stand", "support", "back", "oppose", "welcome", "condemn", "reject", "regret",
            "remain", "hope", "want", "intend", "plan", "seek", "refuse", "insist"}


# "made it *clear*/*plain*/*known* that ...": a statement.
_MADE_PLAIN = {"clear", "plain", "known"}


def _stating_verb(clause):
    """The verb a complement clause is stated by. The parser sometimes hangs a "that"-clause
    on a noun before it as a relative clause ("told reporters after *the talks* that he had
    rejected it"); a relative clause does not take "that" as a marker, so the verb above that
    noun states it. "Made it clear (that) it will not ..." states the clause the parser hangs
    on "clear"."""
    if clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_.lower() in _MADE_PLAIN \
            and clause.head.dep_ in ("ccomp", "oprd", "xcomp") \
            and clause.head.head.lemma_.lower() == "make":
        verb = clause.head.head
    elif clause.dep_ == "ccomp":
        verb = clause.head
    elif clause.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that"
                                        for c in clause.children):
        verb = clause.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep", "dobj"):
                break
            verb = verb.head
    else:
        return None
    return verb if verb.pos_ in ("VERB", "AUX") else None


# Verbs of going into another's space: "its" on what is entered is not the intruder's
# ("Taiwan said Chinese aircraft *entered its* air defence zone").
_ENTERING = {"enter", "violate", "intrude", "cross", "breach", "invade", "penetrate",
             "infiltrate"}


def verb_over(noun, steps: int = 3):
    """The verb whose object, or whose preposition's object, ``noun`` is, within ``steps``
    links up a phrase (objects, prepositions and their objects)."""
    t = noun
    for _ in range(steps):
        if t.dep_ not in ("dobj", "pobj", "prep"):
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


# Prepositions of the reason an act answers ("punished Iran *for* its tests"): "its" there is
# most often the object's.
_GRIEVANCE_PREPS = {"over", "for", "against", "about"}


def _aimed_at(noun, verb) -> bool:
    """``noun`` is what ``verb`` hits: its object, or after "at"/"on" ("fired water cannon
    *at* its supply boat")."""
    from wardrums.coding.triggers import AIMED_AT

    if noun.dep_ == "dobj":
        return noun.head.i == verb.i
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in AIMED_AT \
        and (prep.head.i == verb.i or (prep.head.dep_ == "dobj" and prep.head.head.i == verb.i))


# Named entities that are never one person.
_NOT_A_PERSON = {"GPE", "ORG", "NORP", "LOC", "FAC"}


def _owners_clause_subject(h):
    """The subject of the clause in whose object or adjunct "its"/"their" stands ("*Russia*
    withdrew *its* troops", "*the rebels* laid down *their* arms"; "*Prigozhin* called off
    *his* march"), or its object when the possession is the reason for the act; None when
    the possessed noun is itself the subject, or the subject comes after, or is a person for
    "its"/"their" and no named person for "his"/"her"."""
    personal = h.lower_ in ("his", "her")
    if h.dep_ != "poss" or (h.lower_ not in _GROUP_POSSESSIVES and not personal) \
            or h.head.dep_ in ("nsubj", "nsubjpass"):
        return None
    entered = verb_over(h.head)
    if entered is not None and entered.lemma_.lower() in _ENTERING:
        return None
    t = h.head
    # the possessed noun is the reason itself ("over *its* missile tests"), not what an act
    # in the reason was done to ("over a cyber attack on *its* defence ministry": the victim
    # complains)
    grievance = h.head.dep_ == "pobj" and h.head.head.lower_ in _GRIEVANCE_PREPS
    for _ in range(4):
        if t.dep_ not in ("dobj", "pobj", "prep", "attr", "oprd", "dative", "conj", "compound"):
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    if _aimed_at(h.head, t) and "ASSAULT" in {
            e.category for e in lexicon.triggers_by_lemma().get((t.lemma_.lower(), "VERB"), ())}:
        return None  # "a Chinese ship rammed *its* vessel": an attacker hits another's own
    objects = [c for c in t.children if c.dep_ == "dobj" and c.i < h.i and c.pos_ != "PRON"]
    if grievance and objects:
        return objects[0]  # "sanctioned *Iran* over *its* missile tests": the one punished
    # (a passive's patient too: "militias were killed in the raid on *their* positions")
    subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
        subject = t.head  # "North Korea, *which* has just declared *its* first ICBM test"
    if subject is None or subject.i > h.i or subject.pos_ == "PRON":
        return None
    if personal and (subject.ent_type_ in _NOT_A_PERSON or subject.tag_ in ("NNS", "NNPS")):
        return None  # "his" is not the ministry's, nor the protesters'
    if not personal and subject.ent_type_ == "PERSON":
        return None
    return subject


def _unnamed_doer(h, sv: SentenceView) -> bool:
    """A noun phrase that may stand for an unnamed doer: not a date, count or amount, not a
    thing that never acts (a weapon, a hazard, a pact), not a place that is no one."""
    return h.pos_ in ("NOUN", "PROPN") and h.ent_type_ not in (
        "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL") \
        and h.lemma_.lower() not in _not_doers() and not _stateless_place(h, sv)


def _unnamed_stater(h, sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    """The stater a pronoun stands for, as an unnamed doer, when no known actor is it."""
    reporter = _reporter_of(h)
    if reporter is None or not _unnamed_doer(reporter, sv):
        return None
    text = char_span(sv, np_tokens(reporter))[2]
    return Actor(text=h.text, name=text, country=ctx.focus_country, sector=None,
                 start=sv.offset + h.idx, end=sv.offset + h.idx + len(h.text))


def _reporter_of(h):
    """The subject of the verb that states the clause whose subject ``h`` is or owns:
    "*Hamas* denied that *its* gunmen had fired", "*Putin* said *he* had ordered a halt".
    Who states a clause about "its" forces, or what "he" did, most often speaks of
    themselves."""
    if h.dep_ == "poss" and h.lower_ in _GROUP_POSSESSIVES:
        clause, kind = h.head.head, "thing"
        if h.head.dep_ not in ("nsubj", "nsubjpass"):
            clause = verb_over(h.head)  # "Taiwan said aircraft entered *its* zone"
            if clause is None or clause.lemma_.lower() not in _ENTERING:
                return None
    elif h.dep_ in ("nsubj", "nsubjpass") and h.lower_ in _SUBJECT_PRONOUNS:
        clause, kind = h.head, "person"
    elif h.dep_ == "nsubj" and h.lower_ in ("it", "they") and (
            h.head.lemma_.lower() in _STANCES
            or any(c.dep_ == "aux" and c.lower_ in WILL_AUX for c in h.head.children)):
        # "North Korea warned *it would* respond", "Beijing said it will retaliate", "the US
        # said it *stood* with its ally": what a side says it will do or where it stands is its
        # own (not "the UN said it had hit a shelter")
        clause, kind = h.head, "thing"
    else:
        return None
    _, subject = _stater(clause, h)
    if subject is None or (subject.ent_type_ == "PERSON") != (kind == "person"):
        return None  # "Russia said he ...", "Putin said it ...": someone else
    return subject


def _stater(clause, h):
    """The verb that states ``clause`` and its subject, when the subject is named (not a
    pronoun) before ``h``; (None, None) or (verb, None) when the sentence does not say."""
    stating = _stating_verb(clause)
    if stating is None:
        return None, None
    subject = next((c for c in stating.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or subject.i > h.i:
        return stating, None
    return stating, subject


def _resolve_pronoun(h, sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    """Whom a pronoun stands for, with the pronoun's own words and offsets."""
    # "Hamas denied that *its* gunmen ...": the one who states it; "the United States
    # completed *its* withdrawal": the subject of the clause the possession is in
    from wardrums.coding.triggers import fronted_antecedent

    reporter = _reporter_of(h) or _owners_clause_subject(h) or fronted_antecedent(h)
    found = _resolve_one(reporter, sv, ctx) if reporter is not None else None
    if found is None and reporter is not None and _stateless_place(reporter, sv):
        return None  # it takes up a place that is no one ("Europe has made it clear it ...")
    found = found or _self_report(h, sv, ctx) or _antecedent(h, sv, ctx)
    if found is None:
        return None
    return replace(found, text=h.text, start=sv.offset + h.idx, end=sv.offset + h.idx + len(h.text))


# Sectors that tell their own acts as "it"/"they": "Japan said *it* had lodged a protest",
# "the army said it had killed four militants". Observers (the UN, aid groups, the press)
# as often tell another's: "the United Nations said it had hit a shelter".
_SELF_REPORTING = {"GOV", "MIL", "REB", "COP", "UAF", "SPY", "LEG", "JUD", "PTY", "OPP",
                   "CRM", "BUS"}


def _self_report(h, sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    """Who says "it"/"they" did something, when that is a state, a force or a party."""
    if h.dep_ not in ("nsubj", "nsubjpass") or h.lower_ not in ("it", "they"):
        return None
    stating, subject = _stater(h.head, h)
    if subject is None or stating.lemma_.lower() not in report_verbs() \
            or subject.ent_type_ == "PERSON":
        return None
    actor = _resolve_one(subject, sv, ctx)
    if actor is None or actor.sector not in _SELF_REPORTING or (
            h.lower_ == "it" and subject.tag_ == "NNS"):
        return None  # "it" is not "the rebels"
    return actor


def _antecedent(h, sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    """The speaker for "we"/"I", else the article's latest actor of the pronoun's kind."""
    low = h.lower_
    besides = _clause_subjects(h, sv)
    if low in _SPEAKER_PLURAL and sv.speaker is not None:
        sp = sv.speaker
        return replace(sp, name=sp.country or sp.name, sector=sp.sector or "GOV") \
            if sp.country else sp
    if low in _SPEAKER_SINGULAR and sv.speaker is not None:
        return sv.speaker
    if low in _PERSON_PRONOUNS:
        return ctx.last({"person"}, besides=besides)
    if low in _THING_PRONOUNS:
        return _last_doer(ctx, h, besides) or ctx.last({"org"}, besides=besides)
    if low in _GROUP_PRONOUNS:
        return _last_doer(ctx, h, besides) or ctx.last({"group", "org"}, besides=besides)
    return None
