"""Where an event happened: a place named near its trigger, resolved through the gazetteer.

Preference, in order: a place, capital or country that is the object of a locative
preposition (in, at, near, outside, across) in the trigger's own clause or on the act's
object ("pounded a village *near Hasaka*"); for a harm an attack did, the place the attack
was aimed at ("Israeli strikes *on Gaza* killed 20"); for an act done to a place, the town it
was done to ("shelled *Kharkiv*", "captured the town *of Avdiivka*"); then a locative object
anywhere in the sentence; then the article's focus country
(country-level only). A capital or country as an object is left out: "warned *Moscow*",
"recognised *Kosovo*" name a government, not where the act took place.

A locative object the gazetteer does not know is looked up in :mod:`wardrums.coding.geo`
(GeoNames towns of 1,000 people, provinces, districts): "clashes in Ahmedabad" → Ahmedabad,
IND, with its point. An ambiguous town name goes to the article's focus country when it has
one there.
"""

from __future__ import annotations

from wardrums.coding import geo
from wardrums.coding.actors import ArticleContext, SentenceView
from wardrums.coding.modality import report_verbs
from wardrums.data import lexicon
from wardrums.records import Location

_LOCATIVE = {"in", "at", "near", "outside", "across", "inside", "around", "along", "within"}
_PLACE_KINDS = {"place", "capital", "country"}


# Gazetteer kinds that say a word names no town: "a *Hamas* commander" (GeoNames has "Hamas"
# among Hamm's names).
_NOT_PLACES = {"institution", "igo", "person", "demonym", "nickname"}


def _geo_location(tok, sv: SentenceView, ctx: ArticleContext) -> Location | None:
    """A town or province named by ``tok`` and its compounds ("Parbatipur upazila" → the
    compound "Parbatipur"; "Uttar Pradesh"; "Khok Pho district" → "Khok Pho").

    ``tok`` is the object of a locative word, so small places (towns, districts) count, but
    only under the whole name: one word of a longer name ("Khok") is no town of its own. A
    lower-cased corpus keeps to curated and large places.
    """
    doc = tok.doc
    left = tok.i
    while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i <= tok.i \
            and doc[left - 1].i >= tok.left_edge.i:
        left -= 1
    for k in range(left, tok.i + 1):
        m = sv.mention_at(k)
        if m is not None and m.best(ctx.published).kind in _NOT_PLACES:
            return None
    small = not ctx.lowercase
    if left == tok.i:
        words = [(tok.text, small)]
    else:  # (text, small places allowed): the whole name, or the name before a common noun
        common_head = not tok.text[:1].isupper()  # "Khok Pho district", not "Khok Pho"
        words = [(doc[left:tok.i + 1].text, small), (doc[left:tok.i].text, small and common_head),
                 (tok.text, False), *((doc[k].text, False) for k in range(left, tok.i))]
    prefer = (ctx.focus_country,) if ctx.focus_country else ()
    for text, small_ok in words:
        if not ctx.lowercase and not text[:1].isupper():
            continue
        place = geo.lookup(text, prefer=prefer, small=small_ok)
        if place is not None and place.country_iso3:
            return Location(country=place.country_iso3, place=place.name,
                            lat=place.lat, lon=place.lon)
    return None


def place_named(tok, sv: SentenceView, ctx: ArticleContext,
                kinds=_PLACE_KINDS) -> Location | None:
    """The place (of ``kinds``: town, capital, country) ``tok`` names, if the gazetteers know
    it as one."""
    m = sv.mention_at(tok.i)
    if m is None:
        return _geo_location(tok, sv, ctx) or _owners_place(tok, sv, ctx, kinds)
    e = m.best(ctx.published)
    if e.kind not in kinds or not e.country:
        return None
    if e.kind == "country":
        return Location(country=e.country, place=None)
    pl = e.place
    text = " ".join(t.text for t in sv.doc[m.start:m.end])
    return Location(country=e.country, place=pl.name if pl else text,
                    lat=pl.lat if pl else None, lon=pl.lon if pl else None)


def _owners_place(tok, sv: SentenceView, ctx: ArticleContext, kinds) -> Location | None:
    """A part of a place named by its owner: "the Gaza Strip's eastern border *regions*",
    "Syria's northern *provinces*"."""
    if tok.lemma_.lower() not in lexicon.word_set("territory"):
        return None
    owners = [c for c in tok.children if c.dep_ == "poss"]
    return place_named(owners[0], sv, ctx, kinds) if owners else None


def located_in_clause(trigger, sv: SentenceView, ctx: ArticleContext, *,
                      material: bool = False) -> Location | None:
    """The place the trigger's own clause names (the first two preferences above), or None.
    A participle clause shares its governing verb's place: "pounded a village *in Syria*,
    killing six"; so does the act's object. ``material``: the act is done to something (quad
    classes 2 and 4), so a town that is its object is where it happened."""
    clause = [trigger]
    t = trigger
    while t.head is not t and len(clause) < 4 and t.pos_ not in ("VERB", "AUX"):
        t = t.head
        clause.append(t)
    if t.pos_ == "VERB" and t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj"):
        clause.append(t.head)
    # and where the act's object was: "pounded a village *near Hasaka*"
    clause += [c for v in clause if v.pos_ == "VERB" for c in v.children if c.dep_ == "dobj"]
    for node in clause:
        for obj in _locative_objects(node):
            loc = place_named(obj, sv, ctx)
            if loc is not None:
                return loc
    for obj in _places_struck(clause) if material else ():
        loc = place_named(obj, sv, ctx)
        if loc is not None:
            return loc
    for obj in _places_acted_on(trigger) if material else ():
        loc = place_named(obj, sv, ctx, kinds={"place"})
        if loc is not None and loc.place is not None:
            return loc
    return None


# Prepositions that aim an attack at a place ("strikes *on* Gaza", "raids *inside* Syria").
_AIMED = {"on", "against", "inside", "in", "into"}


def _places_struck(clause: list) -> list:
    """Where the attack that did a harm was aimed: "Israeli strikes *on Gaza* killed 20",
    "killed in Iranian strikes *on Pakistan*" (the parser may hang "on Pakistan" on the verb)."""
    attacks = lexicon.word_set("attack_nouns")
    out = []
    for verb in (v for v in clause if v.pos_ == "VERB"):
        causes = [c for c in verb.children if c.dep_ == "nsubj"] + [
            g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during", "by")
            for g in p.children if g.dep_ == "pobj"]
        causes = [c for c in causes if c.lemma_.lower() in attacks]
        if not causes:
            continue
        for node in [*causes, verb]:
            out += [g for p in node.children if p.dep_ == "prep"
                    and p.lower_ in (_AIMED if node is not verb else {"on", "against"})
                    for g in p.children if g.dep_ == "pobj"]
    return out


def _locative_objects(tok) -> list:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE
            for g in c.children if g.dep_ == "pobj"]


def _places_acted_on(verb) -> list:
    """The verb's object (or passive subject) and that object's "of" object ("captured *the
    town of Avdiivka*")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return objects + [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]


def located_in_sentence(sv: SentenceView, ctx: ArticleContext) -> Location | None:
    """The third preference, for an event whose own clause names no place
    (:func:`located_in_clause` is None): a locative object anywhere in the sentence."""
    speakers = {t.i for s in sv.doc if s.dep_ == "nsubj" and s.head.lemma_.lower() in
                report_verbs() for t in s.subtree}
    for tok in sv.doc:
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE and tok.i not in speakers:
            # not where the news came from: "officials *in Washington* said ..."
            loc = place_named(tok, sv, ctx)
            if loc is not None:
                return loc
    return None


def located_in_article(ctx: ArticleContext) -> Location | None:
    """The last preference: the article's focus country, if it has one."""
    return Location(country=ctx.focus_country, place=None) if ctx.focus_country else None
