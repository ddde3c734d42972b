"""Finding event triggers in a parsed sentence, and their source and target arguments.

A trigger is a token whose (lemma, part of speech) is in the lexicon (``data/triggers.yaml``,
whose header defines every field and slot) and whose context satisfies the entry: a required
object ("impose *sanctions*", "call for a *ceasefire*", "ordered the *consulate* closed"),
particle ("crack *down*"), modifier ("*hunger* strike", "*test*-fired"), a filled target
slot (``require_target``), and no blocking word ("*heart* attack"). Entries come most
specific first and the first that fits wins. The token that satisfied ``object`` is
consumed: it never yields an event of its own, though it can still fill a slot ("blocked
*fishermen*": the fishermen are the target). A weapon fired is never the target, but it
satisfies ``require_target`` ("Russia fired *missiles* overnight" is an attack on someone
unnamed) unless it fell into the sea ("fired two missiles *into the sea*": a weapons show).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, replace

from wardrums.coding.modality import (
    EVIDENCE_NOUNS,
    PURPOSE_NOUNS,
    accusation_over,
    accused,
    asked_for,
    blamed_on,
    for_to_clause,
    governs_complement,
    report_verbs,
    to_infinitive,
    warning_against,
)
from wardrums.data import lexicon

_VERB_POS = {"VERB", "AUX"}
_NOUN_POS = {"NOUN", "PROPN"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "advmod"}
_NON_BLOCK_DEPS = {"det", "aux", "auxpass", "punct", "cc"}
# Marks of a clause that tells another event before or after the verb's, or the condition
# it waits on: its verb blocks nothing ("Israel struck targets, a day *after* Hezbollah
# *fired* rockets": no hazard "fire"; "to hit Russian ports *if* Moscow *targets* its
# shipments": no "hit a target"). ("injured *as* troops fired", "*when* a tank exploded"
# tell the harm's cause, and count.)
_OTHER_TIME_MARKS = {"after", "before", "since", "until", "till", "if", "unless"}
# Heads that can stand for an actor in a target slot (for ``require_target``).
_ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger token, the lexicon entry it matched, and its argument heads."""

    token: object  # spaCy Token
    entry: lexicon.Trigger
    sources: tuple  # head tokens of source arguments
    targets: tuple  # head tokens of target arguments
    consumed: int | None  # index of the token that satisfied ``object``
    specificity: int


def _pos_key(tok) -> str | None:
    if tok.pos_ in _VERB_POS:
        return "VERB"
    if tok.pos_ in _NOUN_POS:
        return "VERB" if _verb_tagged_noun(tok) else "NOUN"
    if tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return "NOUN"  # a noun tagged as an adjective: "a regime *offensive* on the city"
    if tok.pos_ == "ADJ" and tok.tag_ in ("VBN", "VBD", "JJ"):
        return "VERB"  # participles tagged ADJ: "lambasted", "flogged"
    return None


def _verb_tagged_noun(tok) -> bool:
    """A verb the tagger took for a noun, which the parser still gave a subject and an object
    or particle: headline present tense ("EU and UN *hand* over supplies", "allies *launch*
    war games"). A noun has neither."""
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"dobj", "prt"})


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


# Subordinators after which a bare participle is a passive clause with its subject left out.
_ELLIPSIS_MARKS = {"if", "when", "unless", "once", "until", "whenever", "though", "although",
                   "while"}


def _elliptic_passive(tok) -> bool:
    """ "ready to use nuclear weapons *if attacked*": the clause's subject is the one the act
    would be done to, not its doer."""
    return tok.tag_ == "VBN" and tok.dep_ == "advcl" \
        and any(c.dep_ == "mark" and c.lower_ in _ELLIPSIS_MARKS for c in tok.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


_QUANTITY_HEADS = {"thousand", "hundred", "dozen", "score", "number", "group", "handful",
                   "couple", "million", "batch", "contingent", "team", "unit", "crowd", "lot",
                   "quantity", "amount", "kg", "kilogram", "kilo", "gram", "ton", "tonne",
                   "pound", "round", "cache", "stash", "haul", "consignment", "crate", "box",
                   "bag", "piece", "some", "many", "most", "several", "few", "part", "rest",
                   "majority", "all", "dozens", "hundreds", "thousands",
                   # what comes in numbers: "a *barrage* of rockets", "a *wave* of strikes"
                   "barrage", "salvo", "wave", "swarm", "series", "spate", "string", "flurry"}
# Places and parcels named for what they hold: "a depot *containing* weapons" is weapons.
_CONTAINERS = {"depot", "hideout", "store", "storehouse", "warehouse", "package", "parcel",
               "bag", "box", "crate", "vehicle", "car", "truck", "bunker", "tunnel", "dump"}
_CONTAIN_VERBS = {"contain", "hold", "carry", "pack", "store", "stock"}
_NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


_RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}


def content_head(tok):
    """The noun that matters in "thousands *of troops*", "a group of *protesters*",
    "100 kg of *explosives*", "a depot containing *weapons*", and the noun a relative
    pronoun stands for ("the policemen *who* fired")."""
    if tok.lower_ in _RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" \
            and tok.head.head.pos_ in _NOUN_POS:
        return content_head(tok.head.head)
    if tok.lemma_.lower() in _QUANTITY_HEADS or tok.pos_ == "NUM":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return content_head(objs[0]) if objs[0].i != tok.i else objs[0]
    if tok.lemma_.lower() in _CONTAINERS:
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in _CONTAIN_VERBS:
                objs = [g for g in c.children if g.dep_ == "dobj"]
                if objs:
                    return content_head(objs[0])
    return tok


def _with_conjuncts(tokens: list) -> list:
    tokens = [content_head(t) for t in tokens]
    return tokens + [c for t in tokens for c in t.conjuncts if c.i > t.i]


# Particles the parser may hang on the verb's object or a conjunct of it: "stripped *94
# figures of* their citizenship", "sent 45 aircraft and 12 *warships around* Taiwan".
_OBJECT_PARTICLES = {"of", "around", "near", "toward", "towards", "into"}

# Particles that make a verb a different verb: "call *off*", "call *up*" are not "call on".
_PHRASAL = {"off", "up", "out", "down", "away"}


def _hung_on_object(tok, particle: str) -> list:
    """The objects of ``particle`` where the parser hung it on the verb's direct object."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return [g for o in objects for g in prep_objects(o, particle)]


# Nouns an act reaches through: "blocked *access* to YouTube" blocks YouTube (censorship),
# "blocked access to the bridge" the bridge (obstruction); "put on the highest *state* of
# readiness" is put on readiness (and "imposed a state of emergency" still imposes a state).
_THROUGH = {"access": "to"}
_ALSO_THROUGH = {"state": "of"}
# Nouns that only measure or frame the measure a compound before them names: "eased *curfew*
# hours", "extended the *curfew* order".
_FRAMING_HEADS = {"hour", "order", "rule", "regime", "period", "timing", "measure"}


def _object_candidates(tok, entry: lexicon.Trigger) -> list:
    """Tokens that may satisfy ``object`` (see the triggers.yaml header)."""
    if entry.pos == "VERB":
        deps = {"dobj", "nsubjpass", "oprd", "attr", "dative"}
        objs = [c for c in tok.children if c.dep_ in deps or (
            c.dep_ == "npadvmod" and _framed(c))]  # ("eased *curfew hours*" read as a time)
        if entry.particle:
            objs += prep_objects(tok, entry.particle)
            if entry.particle in _OBJECT_PARTICLES:
                objs += _hung_on_object(tok, entry.particle)
        if _reduced_passive(tok) and _weapon(tok.head) and prep_objects(tok, "by"):
            # "hundreds of shells *fired by* Russian troops at ...": the weapon is the object,
            # and the act someone's (with no doer named, the act it did tells it better:
            # "a bomb planted in a flask went off")
            objs.append(tok.head)
        objs = [o for c in objs for o in _seen_through(c, entry)]
        # small clause: "ordered the consulate closed" (ccomp/xcomp/oprd with its own subject)
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp", "oprd"):
                objs += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                if c.pos_ == "ADJ":  # "found him *guilty*": the predicate of the small clause
                    objs.append(c)
        return _with_conjuncts(objs)
    objs = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    objs += prep_objects(tok, "of")
    return _with_conjuncts(objs)


# Subordinators of a clause set before its main clause, whose subject a pronoun there takes up.
_FRONTED_MARKS = {"if", "unless", "when", "once", "after", "because", "as", "since", "until"}


def fronted_antecedent(pron):
    """The subject of a clause set before ``pron``'s own, which a subject "it"/"they" takes
    up: "If India pushes too far, *it* will face a war", "If the rebels do not lay down
    their weapons, *they* will be crushed". None when the sentence is not built so."""
    low = pron.lower_
    if low not in ("it", "they") or pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for c in pron.head.children:
        if c.dep_ != "advcl" or c.i > pron.i or not any(
                m.dep_ == "mark" and m.lower_ in _FRONTED_MARKS for m in c.children):
            continue
        for s in c.children:
            if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON":
                plural = s.tag_ in ("NNS", "NNPS") or bool(s.conjuncts)
                if plural == (low == "they"):
                    return s
    return None


def _seen_through(noun, entry: lexicon.Trigger) -> list:
    """What the object stands for: the noun, or what it opens onto, or what a pronoun takes
    up ("if the rebels resist, *they* will be crushed"). An entry that names the noun itself
    ("granted *access*", "denied access") still sees it."""
    antecedent = fronted_antecedent(noun) if noun.pos_ == "PRON" else None
    if antecedent is not None:
        return [noun, antecedent]
    lemma = noun.lemma_.lower()
    if lemma in _THROUGH:
        beyond = prep_objects(noun, _THROUGH[lemma])
        return [*beyond, noun] if not beyond or lemma in (entry.object or ()) else beyond
    if lemma in _ALSO_THROUGH:
        return [noun, *prep_objects(noun, _ALSO_THROUGH[lemma])]
    if _framed(noun):
        return [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return [noun]


def _framed(noun) -> bool:
    """A framing noun with the measure it frames before it ("*curfew* hours")."""
    return noun.lemma_.lower() in _FRAMING_HEADS and any(c.dep_ == "compound"
                                                        for c in noun.children)


def _unaccented(word: str) -> str:
    """ "chargé" -> "charge": the lexicon writes its words without accents."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def _matches_item(tok, item: str) -> bool:
    if item.startswith("="):
        return _body_of_sector(tok, item[1:])
    words = item.split()
    if tok.lemma_.lower() != words[-1] and _unaccented(tok.lower_) != words[-1]:
        return False
    if len(words) == 1:
        return True
    # the modifiers, and theirs in a compound chain: "US *Embassy* staff members"
    near = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    near += [g for c in near if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    mods = {c.lemma_.lower() for c in near} | {_unaccented(c.lower_) for c in near}
    return all(w in mods for w in words[:-1])


def _body_of_sector(tok, sector: str) -> bool:
    """Whether ``tok`` heads a name the knowledge files give ``sector`` ("the *BBC*"), or
    for ``STATE`` a country's name ("suspended *Niger*")."""
    from wardrums.coding.gazetteer import gazetteer

    names = {tok.text, tok.lower_}
    if tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            name = " ".join(t.text for t in ent if not (t.i == ent.start and t.lower_ == "the"))
            names |= {name, name.lower()}
    table = gazetteer().table
    if sector == lexicon.STATE:
        return any(e.kind == "country" for n in names for e in table.get(n, ()))
    return any(e.kind in ("institution", "igo") and e.sector == sector
               for n in names for e in table.get(n, ()))


def _modifiers(tok) -> set[str]:
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in _MODIFIER_DEPS}
    mods |= {c.lower_ for c in tok.children if c.dep_ in _MODIFIER_DEPS}
    # "test-fired", "lathi-charged": the word before a hyphen right before the trigger
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
        prev = tok.doc[tok.i - 2]
        mods |= {prev.lower_, prev.lemma_.lower()}
    return mods


# Installations named by what they hold or make: their modifier never blocks a trigger.
_FACILITIES = {"refinery", "depot", "terminal", "plant", "facility", "pipeline", "tanker",
               "rig", "warehouse", "field", "reactor"}


def _block_words(tok, obj) -> set[str]:
    words = {c.lemma_.lower() for c in tok.children if c.dep_ not in _NON_BLOCK_DEPS
             and not _another_time(c) and not _a_date(c)}
    words |= {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep") and not _a_date(c)}
    if _asks_for_someone(tok):
        words.add("for")  # "called *for* Britain to stay": no phone call
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
        words.add(tok.doc[tok.i - 2].lower_)
    if tok.dep_ in ("compound", "amod"):  # the noun it modifies: "firing *range*", "firing
        words.add(tok.head.lemma_.lower())  # *squad*", "reinforced *ties*" (a misparse)
    for o in [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + ([obj] if obj is not None else []):
        words.add(o.lemma_.lower())
        if o.lemma_.lower() not in _FACILITIES:  # "struck oil", not "struck an *oil* refinery"
            words |= {c.lemma_.lower() for c in o.children
                      if c.dep_ in ("compound", "amod", "nmod")}
        words |= {c.lower_ for c in o.children if c.dep_ == "poss"}  # "dissolve *their* government"
    return words


def _asks_for_someone(verb) -> bool:
    """The verb has a "for X to ..." clause ("called *for Britain to stay*"): its "for" is a
    particle, as in "called for talks"."""
    return any(c.dep_ == "advcl" and for_to_clause(c) for c in verb.children)


def _a_date(prep) -> bool:
    """A preposition that only dates the act ("called Putin *on Tuesday*"): no particle."""
    return prep.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME")
                                       for g in prep.children if g.dep_ == "pobj")


def _another_time(clause) -> bool:
    """A clause with a subject of its own (active or passive: "after shots *were fired*"),
    told as before or after the verb's event, or as its condition."""
    return clause.dep_ == "advcl" \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
        and any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME_MARKS for c in clause.children)


def prep_objects(tok, prep: str) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "prt", "dative") and c.lower_ == prep:
            out.extend(g for g in c.children if g.dep_ == "pobj")
            for g in c.children:  # "out of Syria", "away from the border"
                if g.dep_ in ("pcomp", "prep"):
                    out.extend(h for h in g.children if h.dep_ == "pobj")
    return out


# Nouns of a site that, before an event noun, say where it was, not who did it: "the
# *hospital* blast", "a *school* shooting", "the *embassy* attack".
_SITES = {"hospital", "school", "market", "mosque", "church", "temple", "university",
          "college", "hotel", "stadium", "airport", "station", "mall", "bazaar", "embassy",
          "consulate", "campus", "prison", "jail"}


def _simple_slot(tok, slot: str) -> list:
    if slot == "dobj":
        if tok.pos_ in _VERB_POS and _is_passive(tok):
            # the patient of a passive; the parser sometimes labels it nsubj beside an
            # auxpass ("80 workers were on Wednesday taken into custody")
            return ([c for c in tok.children if c.dep_ == "nsubjpass"]
                    or [c for c in tok.children if c.dep_ == "nsubj"])
        return [c for c in tok.children if c.dep_ == "dobj"]
    if slot == "dative":
        datives = [c for c in tok.children if c.dep_ in ("dative", "iobj")]
        # spaCy labels "to" in "sent aid to Yemen" dative too: take its object then
        return [g for d in datives for g in ([d] if d.pos_ != "ADP" else
                                             [x for x in d.children if x.dep_ == "pobj"])]
    if slot in ("poss", "nsubj", "nsubjpass"):
        found = [c for c in tok.children if c.dep_ == slot]
        if not found and slot == "nsubj":
            # "X however have opposed": the parser may hang the subject on the auxiliary
            found = [g for a in tok.children if a.dep_ == "aux" for g in a.children
                     if g.dep_ == "nsubj"]
        return found
    if slot == "compound":
        # "a *rebel* attack", "a *militant* raid": an adjective that names a kind of actor;
        # an event noun tagged as an adjective has its modifier as its "subject" ("a Syrian
        # *regime* offensive", see _pos_key)
        return [c for c in tok.children if (c.dep_ == slot or (
                    c.dep_ == "amod" and c.i < tok.i and _actor_adjective(c)) or (
                    c.dep_ == "nsubj" and c.i < tok.i and tok.pos_ == "ADJ"))
                and not _names_a_city(c) and c.lemma_.lower() not in _SITES] \
            or _gerund_modifier(tok)
    if slot == "agent":
        if tok.tag_ in ("VB", "VBD", "VBP", "VBZ") and not _is_passive(tok):
            # an active verb's "by" is no agent: "to sign a treaty *by the end of the year*"
            # (a gerund's may be: "firing *by Pakistani troops*")
            return [g for c in tok.children if c.dep_ == "agent" for g in c.children
                    if g.dep_ == "pobj"]
        return prep_objects(tok, "by")
    if slot == "amod_demonym":
        # "Russian strikes", "Israeli raids" — but "Minsk agreements", "Geneva talks" name
        # where the event belongs, not who acts: cities are left to the location stage.
        # ("U.S. military airstrikes": the parser may make the country an nmod)
        return [c for c in tok.children if c.i < tok.i and not _names_a_city(c) and (
            (c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"))
            or (c.dep_ == "nmod" and c.ent_type_ in ("NORP", "GPE")))]
    if slot == "ccomp_nsubj":
        # "demanded that *Iran* release", and a noun's clause: "its demand that *Washington*
        # lift sanctions", "a call for *Kyiv* to negotiate", "called for *Britain* to stay"
        # (a noun's "that" clause only for a demand or proposal: not "told a *meeting* that
        # the North would ...", where the clause is what was told)
        if tok.pos_ not in _NOUN_POS:
            marks = {"for"}
        elif tok.lemma_.lower() in lexicon.word_set("proposals"):
            marks = {"for", "that"}
        else:
            marks = set()
        clauses = [c for c in tok.children if c.dep_ == "ccomp" or (
            c.dep_ in ("acl", "advcl") and c.pos_ in _VERB_POS
            and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children))]
        return [g for c in clauses for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    if slot == "head_nsubj":
        noun = _event_noun(tok)
        charged = accusation_over(noun) or warning_against(noun)
        if charged is not None:  # "accused *Israel* of sabotage", "warned *Beijing* against"
            return accused(charged, noun)
        verb = _governing_verb(tok)
        if verb is None or _witnessed(tok) or _setting(tok) or _opposed(noun) \
                or _stands_apart(verb, noun):
            return []  # "residents *heard* explosions": who heard is not who set them off
        return subject_heads(verb)
    if slot == "head_verb":  # only before a sub-slot: "approved the delivery *to Ukraine*"
        verb = _governing_verb(tok)
        return [verb] if verb is not None else []
    if slot == "head_object":
        # "Obama told *Putin* in a phone call", "assured Kyiv during a meeting": who the
        # talking verb addresses is the call's other party
        verb = tok.head.head if tok.dep_ == "pobj" else None
        if verb is None or verb.pos_ not in _VERB_POS or tok.head.dep_ != "prep" or _setting(tok):
            return []  # "police arrested three leaders *at a meeting*": not its party
        return ([c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
                or prep_objects(verb, "to") or prep_objects(verb, "with"))
    if slot == "cause":
        return _cause_source(tok)
    if slot == "police_subject":
        return _police_subject(tok)
    if slot in ("prep:on", "prep:to") and tok.pos_ in _VERB_POS \
            and tok.lemma_.lower() in ("blame", "link"):
        return blamed_on(tok)  # "blamed the attack *on Kyiv*", "linked it *to India*"
    if slot.startswith("prep:"):
        return prep_objects(tok, slot[5:])
    return []


def _police_subject(tok) -> list:
    """The doer of a verb when it is the police: its subject, its "by" agent, or the subject
    it shares with an earlier verb ("*the police* acted and caught some of them")."""
    from wardrums.data import knowledge

    heads = [c for c in tok.children if c.dep_ == "nsubj"] + prep_objects(tok, "by")
    if not heads and not _is_passive(tok):
        heads = _inherited_heads(tok)
    nouns = knowledge.sector_nouns()
    return [h for h in heads if nouns.get(h.lemma_.lower()) == "COP"
            or nouns.get(h.lower_) == "COP"]


# What an -ing form governs when it heads a clause of its own rather than naming an act.
_CLAUSE_DEPS = {"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "prt", "dative"}


def _nominal_gerund(tok) -> bool:
    """An -ing form used as a noun, which lower-cased news often tags as a verb: "killed in
    *police firing*", "rioting and subsequent police *firing*", "victims of the *firing*".
    It has no subject, object or auxiliary, and is a preposition's object or follows the
    noun that modifies it."""
    if tok.tag_ != "VBG" or any(c.dep_ in _CLAUSE_DEPS for c in tok.children):
        return False
    return tok.dep_ in ("pobj", "pcomp", "nsubj", "nsubjpass", "dobj") or bool(_gerund_modifier(tok))


def _gerund_modifier(tok) -> list:
    """The noun right before an -ing form used as a noun, however the parser attached it
    ("police" in "in police firing" is its head, its child or its sibling), unless it is the
    subject of another verb."""
    if tok.tag_ != "VBG" or tok.i == 0:
        return []
    prev = tok.doc[tok.i - 1]
    if prev.pos_ not in _NOUN_POS or prev.ent_type_ in _NON_ACTOR_ENTS:
        return []
    return [] if prev.dep_ == "nsubj" and prev.head is not tok else [prev]


def _derived_only(entry: lexicon.Trigger) -> bool:
    return bool(entry.source) and all(s in lexicon.DERIVED_SLOTS for s in entry.source)


def _names_a_city(tok) -> bool:
    from wardrums.coding.gazetteer import gazetteer

    entries = gazetteer().table.get(tok.lower_) or gazetteer().table.get(tok.text) or []
    return bool(entries) and all(e.kind in ("capital", "place") for e in entries)


def _slot(tok, slot: str) -> list:
    if "." in slot:
        first, sub = slot.split(".", 1)
        heads = _simple_slot(tok, first)
        return [s for head in heads for s in _simple_slot(head, sub)] or _participle_slot(heads, sub)
    return _simple_slot(tok, slot)


def _participle_slot(heads: list, slot: str) -> list:
    """A preposition's object on the participle after a noun, where the noun has none of its
    own: "lifted sanctions *imposed on* Belarus", "rejected a budget *drawn up by*
    parliament"."""
    if slot not in _PARTICIPLE_PREPS:
        return []  # not "an economy cut off *from* the West"
    return [s for h in heads for a in h.children if a.dep_ == "acl" and a.tag_ == "VBN"
            and not any(c.dep_ in _OWN_CLAUSE_DEPS for c in a.children)  # "reports that troops had fired on"
            and (slot != "prep:by" or a.lemma_.lower() in _MAKING)  # not "marked by slogans"
            for s in _simple_slot(a, slot)]


# Participles whose "by" names who made a measure, claim or offer ("a budget *drawn up by*
# parliament", "an offer *made by* the Taliban", "laws *imposed by* the government").
_MAKING = {"impose", "introduce", "pass", "adopt", "enact", "issue", "announce", "propose",
           "draft", "draw", "make", "order", "decree", "sign", "implement", "enforce", "level",
           "lay", "present", "submit", "table", "launch", "file", "lodge", "bring", "put",
           "raise", "offer", "extend", "set", "approve", "declare", "demand", "request"}


# Acts against a measure, aimed at whoever made it.
_OPPOSING = {"PROTEST", "REJECT", "ACCUSE"}
# Reactions to a deed, aimed at whoever did it: the acts against a measure, and support.
_REACTING = _OPPOSING | {"SUPPORT"}
# Answers to what someone said or asked, aimed at whoever said or asked it.
_ANSWERING = {"REJECT", "CONCEDE", "AGREE", "RETREAT"}


@functools.cache
def _said_words() -> frozenset[str]:
    """Charges and proposals: what one side says or asks and another answers."""
    return lexicon.word_set("accusations") | lexicon.word_set("proposals")


def _whose_words(verb, found: list) -> list:
    """Who made the charge, demand or offer ``found`` that ``verb`` answers: "denied charges
    *by Central American clergymen*", "conceded to demands *from the residents*", "spurned
    offers *from Kabul*". The parser hangs that "by" on the noun or, for an active verb, on the
    verb."""
    words = [t for t in found if t.lemma_.lower() in _said_words()]
    if not words:
        return []
    makers = [g for w in words for p in ("by", "from") for g in prep_objects(w, p)]
    if not makers and verb.pos_ in _VERB_POS and not _is_passive(verb):
        makers = [g for p in ("by", "from") for g in prep_objects(verb, p)]
    return [m for m in makers if _is_actorish(m)]


# The prepositions by which a participle names whom a measure is aimed at or who made it.
_PARTICIPLE_PREPS = {"prep:on", "prep:against", "prep:by", "prep:upon"}
# What makes a participle after a noun a clause of its own rather than the noun's modifier.
_OWN_CLAUSE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "mark"}


# Adjectives that make their subject the doer of the act after them ("the cartel has been
# *responsible for* mass killings", "were found *guilty of* torture").
_CULPABLE = {"responsible", "guilty", "culpable", "accountable", "liable"}


def _governing_verb(tok):
    """The verb a noun trigger hangs on ("police *used* tear gas", "launched an attack")."""
    t = tok
    for _ in range(3):
        if t.head is t:
            return None
        if t.dep_ not in ("dobj", "nsubjpass", "pobj", "prep", "attr", "oprd", "conj") and not (
                t.dep_ == "acomp" and t.lower_ in _CULPABLE):
            return None
        t = t.head
        if t.pos_ in _VERB_POS:
            return t
    return None


# Adverbs the parser often gives a particle's place ("hit *back*", "fight *on*").
_PARTICLE_ADVERBS = {"back", "on", "off", "out", "up", "down"}


def verb_phrases(verb) -> set[str]:
    """The verb's lemma, and with its particle ("break up" in "police broke the march up")."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"
                     or (c.dep_ == "advmod" and c.lower_ in _PARTICLE_ADVERBS))}


# Prepositions that make an event noun the time, place or grievance of another act ("police
# beat them *during* the march", "imposed sanctions *over* the invasion"), not something the
# act's subject did.
_SETTING_PREPS = {"during", "at", "amid", "amidst", "after", "before", "following", "since",
                  "ahead", "despite", "near", "outside", "throughout", "inside", "over"}


def _event_noun(tok):
    """The noun an event trigger stands for: itself, or the noun it modifies ("a *mediation*
    effort", "the *protest* march")."""
    return tok.head if tok.dep_ == "compound" and tok.head.pos_ in _NOUN_POS else tok


# Verbs of speaking to someone: who does it during or at a call or meeting took part in it.
_SPEAKING = {"say", "tell", "assure", "stress", "reiterate", "express", "raise", "press", "urge",
             "warn", "promise", "pledge", "insist", "emphasise", "emphasize", "add", "explain",
             "discuss", "agree", "ask", "thank", "invite", "inform", "brief", "announce"}
# Prepositions that put speaking inside a talk ("told Biden *during* a call", "said *at*
# the summit"), not before or after it.
_INSIDE = {"during", "at", "in"}


# What is asked or owed for a wrong done: the act after their "for" is the wrong, not theirs.
_REDRESS_NOUNS = {"apology", "compensation", "reparation", "redress", "accountability",
                  "justice", "punishment", "damages", "restitution", "indemnity"}


def _redress(head) -> bool:
    """``head`` (what a "for" hangs on) is redress, or a verb asking for it ("demanded an
    apology *for* the killing", the parser hanging "for" on the verb)."""
    return head.lemma_.lower() in _REDRESS_NOUNS or (head.pos_ in _VERB_POS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _REDRESS_NOUNS for c in head.children))


def _setting(tok) -> bool:
    """The event noun is only the time or place of another act ("police beat them *during
    the march*"). Not so for speaking inside talks: who tells, presses or assures someone
    during a call or at a meeting (a CONSULT noun) took part in it ("Xi told Biden *during a
    video call*")."""
    noun = _event_noun(tok)
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and _redress(noun.head.head):
        return True  # the wrong redress is sought for: "compensation *for the seizure*"
    if noun.dep_ != "pobj" or noun.head.lower_ not in _SETTING_PREPS:
        return False
    return not (noun.head.lower_ in _INSIDE and noun.head.head.lemma_.lower() in _SPEAKING
                and "CONSULT" in lexicon.noun_categories(tok.lemma_.lower()))


def _opposed(noun) -> bool:
    """The act is what the clause is against, or what a sign or proof is of: "would take
    countermeasures *against the joint drills*", "protested against the arrest", "there was no
    indication *of an attack*": its doer is someone else, if anyone."""
    return noun.dep_ == "pobj" and (noun.head.lower_ == "against" or (
        noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in EVIDENCE_NOUNS))


def not_the_subjects_act(tok) -> bool:
    """The event noun is its clause subject's setting, grievance or something it saw or
    answered ("found bodies *after the attack*", "responded *to the sanctions*")."""
    return tok.pos_ in _NOUN_POS and (_setting(tok) or _witnessed(tok) or _opposed(_event_noun(tok)))


def subject_heads(tok) -> list:
    """The verb's own subject, else the one it shares ("workers downed tools and struck")."""
    return [c for c in tok.children if c.dep_ == "nsubj"] or _inherited_heads(tok)


# Verbs of bringing others to an act without being its party.
_BROKERING = {"broker", "mediate", "facilitate"}
# Verbs that stop another's act: who blocks arms shipments does not ship them.
_THWARTING = {"block", "stop", "intercept", "interdict", "prevent", "halt", "thwart", "foil",
              "obstruct", "disrupt"}


def _stands_apart(verb, noun) -> bool:
    """The subject of ``verb`` is no party to the act ``noun`` names: "Qatar *brokered* a
    deal between Hamas and Israel", "to *block* arms shipments"."""
    lemma = verb.lemma_.lower()
    return lemma in _BROKERING or (lemma in _THWARTING and noun.dep_ == "dobj")


# Verbs of answering an act, and the prepositions that name the act answered ("responded to
# the sanctions", "retaliated for the attack"); "responded *with* sanctions" is the answer.
_ANSWER_VERBS = {"respond", "react", "reply", "retaliate", "answer", "hit"}
_ANSWER_PREPS = {"to", "for", "against"}


# Verbs of shooting or dropping at something, and the prepositions of what is aimed at: an
# event fired on ("opened fire *on* a march") is its victims' act, not the shooters'.
_FIRING_VERBS = {"fire", "open", "shoot", "rain", "drop", "hurl", "throw", "lob", "charge"}
AIMED_AT = {"on", "at", "upon", "into"}


def _witnessed(tok) -> bool:
    """The event noun is what its verb's subject saw, heard, survived, came to harm in
    (:func:`_harmed_in`) or looked into, or acted on from outside: broke up, foiled, banned,
    condemned (``witness_verbs``, ``outside_verbs``). That subject is not the event's doer."""
    noun = _event_noun(tok)
    verb = _governing_verb(noun)
    if verb is None:
        return False
    if verb.lemma_.lower() in lexicon.word_set("witness_verbs") or _harmed_in(tok):
        return True
    if verb.lemma_.lower() in _ENDING_VERBS and noun.dep_ in ("dobj", "nsubjpass") \
            and noun.head.i == verb.i and _police_subject(verb):
        return True  # "police *ended* the sit-in": the protesters', not theirs
    if noun.dep_ == "pobj" and noun.head.lower_ in AIMED_AT and noun.head.head.i == verb.i \
            and verb.lemma_.lower() in _FIRING_VERBS:
        return True  # "opened fire *on a protest march*", "fired *at an aid convoy*"
    if noun.dep_ == "pobj" and noun.head.head.i == verb.i and noun.head.lower_ in _ANSWER_PREPS \
            and verb.lemma_.lower() in _ANSWER_VERBS:
        return True  # "Russia *responded to* the sanctions": someone else's act
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.i == verb.i and _names_it(verb):
        return True  # "Somalia *called* the deal an act of aggression": a judge of it
    # the event is what is acted on: "targeted *the rally*", not "targeted Russia *with
    # sanctions*"
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.i == verb.i \
        and not verb_phrases(verb).isdisjoint(lexicon.phrase_set("outside_verbs"))


# Verbs that name or judge what their object is ("called the deal *an act of aggression*",
# "described the strike *as a war crime*").
_NAMING = {"call", "describe", "term", "label", "brand", "dub", "deem", "declare", "characterise",
           "characterize", "consider", "regard", "see", "view", "denounce"}


def _names_it(verb) -> bool:
    """The verb says what its object is: a predicate (oprd) or an "as" phrase follows."""
    return verb.lemma_.lower() in _NAMING and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children)


def _defended(tok) -> list:
    """ "The garrison *repelled* an attack": the subject of a verb of defence is the event's
    target (``defence_verbs``)."""
    noun = _event_noun(tok)
    verb = _governing_verb(noun)
    if verb is None or noun.dep_ != "dobj" \
            or verb_phrases(verb).isdisjoint(lexicon.phrase_set("defence_verbs")):
        return []
    return subject_heads(verb)


# "police *used* water cannon to disperse them": the object is the means, not the doer.
_INSTRUMENT_VERBS = {"use", "employ", "deploy", "utilise", "utilize", "fire", "launch",
                     "take"}  # "would take strong measures *to defend* its sovereignty"


# Verbs whose object does what the infinitive says ("prompted the police to open fire").
_OBJECT_CONTROL = {"prompt", "force", "compel", "order", "cause", "lead", "oblige", "provoke",
                   "drive", "ask", "urge", "tell", "instruct", "direct", "push", "pressure"}


def _controlling_object(tok):
    """ "prompting *the policemen* to open fire": the object right before an infinitive's
    "to", when a verb of causing or ordering governs it, however the parser attached the
    infinitive (xcomp, or an advcl of some other verb)."""
    to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    obj = tok.doc[to.i - 1]
    if obj.dep_ == "dobj" and obj.head.lemma_.lower() in _OBJECT_CONTROL:
        return obj
    on = obj.head
    if obj.dep_ == "pobj" and on.lower_ in ("on", "upon") and on.i == on.head.i + 1 \
            and on.head.lemma_.lower() in ("call", "prevail") \
            and obj.ent_type_ not in ("DATE", "TIME"):
        return obj  # "called on *allies* to speed up deliveries", not "called X on Monday to"
    return None


def _inherited_subject(tok):
    """The actor of a verb without a subject of its own.

    "Russia threatened to *expel*" (xcomp → governor's subject), "urged Russia to *withdraw*"
    (xcomp → governor's object), "accused Y of *shelling*" (pcomp → the accused), "... and
    *closed*" (conj), "troops who *crossed*" (relcl → the noun).
    """
    controller = _controlling_object(tok)
    if controller is not None:
        return controller
    charged = accusation_over(tok) if tok.dep_ == "pcomp" else None
    if charged is not None:  # "suspect *militants* of carrying out", however it is parsed
        return next(iter(accused(charged, tok)), None)
    crowd = _crowd_in_motion(tok)
    if crowd is not None:
        return crowd
    t = tok
    for _ in range(4):
        dep, head = t.dep_, t.head
        if head is t or dep not in ("xcomp", "acomp", "conj", "advcl", "ccomp", "relcl", "acl", "pcomp"):
            return None
        if dep == "acl" and head.pos_ in _NOUN_POS and _capacity_noun(head) and to_infinitive(t):
            return _holder(head)  # "gave *police* the power to detain", "*their* refusal to go"
        if dep in ("relcl", "acl") and head.pos_ in _NOUN_POS:
            return head
        if dep == "conj" and not _is_passive(t) and t.tag_ != "VBN" and not any(
                c.dep_ == "nsubj" for c in head.children):
            # "allies were concerned and *urged* Moscow": the subject of a passive it is
            # joined to is an active verb's own (not a participle's: "was arrested and
            # *injured*" is passive too)
            patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                return patient
        if dep == "ccomp" and head.lemma_.lower() in report_verbs() \
                and any(c.dep_ == "nsubjpass" for c in t.children):
            # "two were injured in *stabbing* incidents, police said": what befell someone,
            # told by the police, is not the police's act
            return None
        if dep == "advcl" and head.lemma_.lower() in report_verbs():
            # "fighters overran a post, officials said, *killing* eight": the parser hangs the
            # act's sequel on the report; it is the reported clause's doer's, not the sayer's
            told = [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and c.i < t.i]
            if told:
                return next((c for c in told[-1].children if c.dep_ == "nsubj"), None) \
                    or _inherited_subject(told[-1])
        if dep == "pcomp":
            head = head.head
            if head.pos_ in _NOUN_POS and t.head.lower_ == "of" and (
                    _capacity_noun(head) or head.lemma_.lower() in PURPOSE_NOUNS):
                return _holder(head)  # "has no *intention* of attacking"
        if dep == "xcomp" and _is_passive(head):
            # object control in the passive: "police were forced to open fire" → police
            patients = [c for c in head.children if c.dep_ in ("nsubjpass", "nsubj")]
            if patients:
                return patients[0]
        if (dep == "xcomp" or (dep == "pcomp" and t.head.lower_ in _OBJECT_PREPS)) \
                and head.lemma_.lower() not in _INSTRUMENT_VERBS \
                and not _summoned_to_hear(head, t):
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
        t = head
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
        if _is_passive(t):
            agents = prep_objects(t, "by")
            if agents:
                return agents[0]
    return None


# Verbs of summoning or calling someone (not "calling *on* X to", where X is to act).
_SUMMONING = {"summon", "call in", "call", "phone", "telephone", "ring"}
_CALLING_ON = {"call on", "call upon", "call for", "call off", "call up", "call out"}


def _summoned_to_hear(verb, infinitive) -> bool:
    """ "summoned the envoy *to protest*", "called Putin *to urge* an end to the war": the one
    summoned or called hears the message; the caller sends it. ("summoned the envoy to
    explain" stays the envoy's; "called on X to withdraw" is X's to do.)"""
    phrases = verb_phrases(verb)
    return bool(phrases & _SUMMONING) and not phrases & _CALLING_ON \
        and not prep_objects(verb, "on") and not prep_objects(verb, "upon") \
        and infinitive.lemma_.lower() in lexicon.word_set("summoning_messages")


def _crowd_in_motion(tok):
    """ "police arrested dozens of farmers *marching* toward New Delhi": a protest verb in -ing
    right after the object (the parser hangs it on the verb) is what the object's people were
    doing, not what the subject did. Only protest verbs: "troops shelled the rebels *killing*
    20" is the troops' act."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.lemma_.lower() not in _protest_words() \
            or any(c.dep_ in ("nsubj", "mark") for c in tok.children):
        return None
    obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if obj is None or obj.right_edge.i + 1 != tok.i:
        return None
    people = [obj, *(g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj")]
    return next((p for p in reversed(people) if p.lemma_.lower() in lexicon.word_set("people")),
                None)


# Prepositions whose -ing object the verb's object does ("accused Y *of* shelling", "stopped
# them *from* entering", "praised X *for* helping"); after the others the subject acts ("beat
# him *after* accusing him", "responded *by* shelling").
_OBJECT_PREPS = {"of", "for", "from", "into"}


def _capacity_noun(noun) -> bool:
    """A noun an infinitive completes as a capacity, try or refusal ("the power to", "a bid
    to", "their refusal to": the nouns of cues.yaml's complement_modality)."""
    return governs_complement(noun.lemma_.lower())


def _holder(noun):
    """Who has the power, makes the attempt or refuses: the noun's possessor or "by" agent
    ("an attempt *by Iran* to seize"), else whom its verb gives it to, else that verb's
    subject (None when the sentence does not say)."""
    poss = [c for c in noun.children if c.dep_ == "poss"] or prep_objects(noun, "by")
    if poss:
        return poss[0]
    verb = _governing_verb(noun)
    if verb is None:
        return None
    given = [c for c in verb.children if c.dep_ == "dative"]
    if given:
        return given[0]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return subj[0] if subj else _inherited_subject(verb)


def _inherited_heads(tok) -> list:
    """:func:`_inherited_subject` as a list of heads (empty when there is none)."""
    inherited = _inherited_subject(tok)
    return [inherited] if inherited is not None else []


# Nouns of a body that a name before them makes a side.
_GROUP_NOUNS = {"group", "organisation", "organization", "outfit", "faction", "movement",
                "network"}


def _is_actorish(tok) -> bool:
    if tok.ent_type_ in _NON_ACTOR_ENTS:
        return False
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PROPN" or tok.pos_ == "PRON":
        return True
    from wardrums.data import knowledge

    lemma = tok.lemma_.lower()
    if lemma in knowledge.sector_nouns() or lemma in lexicon.word_set("role_heads"):
        return True
    if lemma in _GROUP_NOUNS and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                     for c in tok.children):
        return True  # "the Islamic State *group*", "the Wagner group"
    # "strikes on *Iranian* nuclear facilities", "on *Houthi* targets": a side's property
    return tok.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.i < tok.i and c.ent_type_ in ("NORP", "GPE", "ORG")
        for c in tok.children)


def _someones_ground(tok) -> bool:
    """ "strikes *on its territory*", "on *Pakistan's soil*": ground a side owns, struck at,
    stands for it (not a place something happens in: "a strike *inside* the union's
    headquarters")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against") \
        and tok.lemma_.lower() in lexicon.word_set("territory") and any(
            c.dep_ == "poss" and (c.pos_ == "PRON" or _is_actorish(c)) for c in tok.children)


# Verbs of harm done: an act that did one harmed someone, whatever else it may mean.
_HARMS = {"kill", "injure", "wound", "hurt", "maim", "destroy", "damage", "flatten", "level"}


def _harm_it_did(tok) -> bool:
    """The noun is what killed or hurt: "Israeli strikes *killed* 20", "died in Iranian
    strikes". A labour strike harms nobody, so the harmed stand for the act's target."""
    head = tok.head
    if tok.dep_ == "nsubj":
        return head.lemma_.lower() in _HARMS
    return tok.dep_ == "pobj" and head.lower_ in ("in", "during", "by") \
        and head.head.lemma_.lower() in _HARMS | {"die"}


def _reduced_passive(tok) -> bool:
    """ "workers *taken* into custody", "people *killed* in the firing": the noun is the
    patient. Not a clause with its own subject that the parser hung on a noun ("allegations
    that *it had supplied* weapons"), nor a verb with a direct object, which is active ("The
    Iraqi air force *carried out* strikes", parsed as a headline noun with its participle)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "aux", "dobj") for c in tok.children)


def _misread_participle(tok, entry: lexicon.Trigger) -> bool:
    """A prepositional verb of speech read as a participle on its subject, with its
    preposition's object after it: "a U.S. congressional report *called for* sanctions" is
    active (the passive strands the preposition: "the sanctions called for by the report").
    Not a deed: "a teacher *hacked to* death" is the passive it looks like."""
    return _reduced_passive(tok) and entry.particle is not None and tok.head.pos_ in _NOUN_POS \
        and entry.coding().quad_class not in _MATERIAL_QUADS \
        and bool(prep_objects(tok, entry.particle))


_MATERIAL_QUADS = {2, 4}


# Nouns (and -ing forms) naming the violent act that caused a death or injury.
_CAUSE_NOUNS = {"firing", "fire", "shooting", "gunfire", "action", "charge", "lathicharge",
                "attack", "raid", "strike", "airstrike", "shelling", "bombing", "bullet",
                "crackdown", "operation", "encounter", "assault", "violence", "beating"}


# Nouns naming where or in what matter something happened, not what did it ("arrested in
# the Naroda *incident*", "blasted in Topkhana *Road*").
_NOT_CAUSES = {"road", "street", "area", "market", "colony", "locality", "lane", "square",
               "chowk", "bazaar", "bazar", "nagar", "station", "crossing", "junction",
               "incident", "case", "connection", "matter", "affair", "episode"}


def _not_a_cause(tok) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in _NOT_CAUSES \
        or tok.lemma_.lower() in lexicon.word_set("territory")


def _cause_source(tok) -> list:
    """Agentless passive: "killed *in police firing*", "wounded in an Israeli airstrike",
    "killed in firing *by the police*".

    A lower-cased text often parses "in police firing" as "in police" with "firing"
    hanging on "police": an actor-like object of "in" that carries a cause noun counts too.
    """
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
            for g in c.children:
                if g.dep_ != "pobj" or g.pos_ not in ("NOUN", "VERB", "PROPN"):
                    continue
                found = [m for m in g.children if m.dep_ in ("compound", "amod", "poss")
                         and _is_actorish(m)]
                if found and not _not_a_cause(g):  # not "blasted *in city's Topkhana Road*"
                    return found
                if g.lemma_.lower() in _CAUSE_NOUNS or g.lower_ in _CAUSE_NOUNS:
                    agents = prep_objects(g, "by")
                    if agents:
                        return agents
                nxt = g.nbor(1) if g.i + 1 < len(g.doc) else None
                if c.lower_ != "by" and _is_actorish(g) and g.pos_ == "NOUN" and (any(
                        m.lemma_.lower() in _CAUSE_NOUNS or m.lower_ in _CAUSE_NOUNS
                        for m in g.children if m.dep_ in ("acl", "compound", "amod"))
                        or (nxt is not None and nxt.lower_ in _CAUSE_NOUNS)):
                    return [g]  # (or "firing" right after it, hung elsewhere)
    return []


def _actor_adjective(tok) -> bool:
    return tok.lemma_.lower() in lexicon.word_set("actor_adjectives")


def _own_subject(tok) -> bool:
    """The verb has a subject of its own, even one that names no one ("a suicide attack
    killed eight, *officials* said": the attack's unnamed doer, not the officials). (Where the
    subject is the one acted on, "it will *face* sanctions", the doer is still sought above.)"""
    return any(c.dep_ in ("nsubj", "csubj") and c.tag_ not in ("WDT", "WP") for c in tok.children)


def _doers_named_in(heads: list) -> list:
    """Heads with an act of violence in an actor's place replaced by whoever the act's own
    modifiers name: "*a militant attack* killed five" was the militants' doing, "*Russian
    strikes* hit the port" Russia's, "the attack killed five" nobody's that is named."""
    out = []
    for h in heads:
        if h.pos_ not in _NOUN_POS:
            out.append(h)
            continue
        # "a bombing *claimed by* the Islamic State", "a car bomb *planted by* militants"
        agents = [content_head(g) for c in h.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  and c.lemma_.lower() not in lexicon.word_set("patron_participles")
                  for g in prep_objects(c, "by") if _is_actorish(g)]
        if h.lemma_.lower() in lexicon.word_set("attack_nouns"):
            for slot in ("poss", "prep:by", "amod_demonym", "compound"):
                found = [content_head(t) for t in _slot(h, slot)]
                if any(_is_actorish(t) for t in found):
                    out.extend(found)
                    break
            else:
                out.extend(agents)
        elif agents and _weapon(h):
            out.extend(agents)
        else:
            out.append(h)
    return out


def _weapon(tok) -> bool:
    return tok.lemma_.lower() in lexicon.word_set("weapons")


# Verbs whose weapon object is what they fire, test or set up, never whom they aim at.
_WIELDING_VERBS = {"fire", "launch", "test", "shoot", "drop", "deploy", "use", "lob", "hurl",
                   "station", "install", "position", "unveil", "display", "parade", "develop"}


def _into_open_water(tok) -> bool:
    """The act's only destination is the sea ("fired missiles *into the sea*", "*off its
    east coast*")."""
    return any(g.lemma_.lower() in lexicon.word_set("open_water")
               for c in tok.children if c.dep_ == "prep" and c.lower_ in ("into", "off", "in")
               for g in c.children if g.dep_ == "pobj")


def _sources(tok, entry: lexicon.Trigger) -> list:
    """The doer's heads; a weapon before the act ("a *missile* attack") is the means, which
    stands for the force (if it is one the knowledge files give a sector, as they do drones
    and missiles) only when no one is named, and not in someone else's act ("retaliated for
    the rocket attack", "after the missile strike")."""
    named = _named_sources(tok, entry)
    if named or "compound" not in entry.source or _witnessed(tok) or _setting(tok):
        return named
    means = [content_head(t) for t in _slot(tok, "compound")]
    return means if means and all(_weapon(t) and _is_actorish(t) for t in means) else []


# Acts of giving way: when one side asks for it, another side does it.
_YIELDING = {"CONCEDE", "RETREAT"}
# Quad classes of acts of speech (verbal cooperation and conflict), whose noun can name the
# speaker with "from".
_VERBAL_QUADS = {1, 3}
# Verbs whose subject is given, met with or asks for what another says ("*drew* criticism
# from Beijing", "*demanded* an apology from Turkey").
_DRAWING = {"draw", "receive", "get", "win", "earn", "face", "prompt", "spark", "trigger",
            "elicit", "provoke", "attract", "meet", "gain", "secure", "obtain", "welcome",
            "hear", "bring", "invite", "incur", "court", "demand", "seek", "want", "request",
            "ask", "expect", "await", "need", "require"}


# Verbs whose subject is what an act is done to or for, never its doer ("Ukraine *received*
# military aid from Germany", "Modi *got* a call from Biden"); not "accepted a ceasefire".
_RECEIVING = {"receive", "get"}


def _drawn_by(tok) -> tuple[object, list] | None:
    """(verb, givers) when the act ``tok`` names is the object of a verb of receiving or
    drawing (:data:`_DRAWING`): "received aid *from Germany*", "drew criticism *from Beijing*".
    None when the act is no such object; givers may be empty ("Ukraine received aid")."""
    noun = _event_noun(tok)
    verb = _governing_verb(noun) if noun.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in _DRAWING:
        return None
    return verb, [content_head(t) for h in (noun, verb) for t in prep_objects(h, "from")]


def _recipients(tok) -> list:
    """Whom an act received or drawn is done to: the subject of "received aid", or of "drew
    criticism from Beijing" (with a giver named: "sought talks" is the seeker's own act)."""
    drawn = _drawn_by(tok)
    if drawn is None:
        return []
    verb, givers = drawn
    if verb.lemma_.lower() not in _RECEIVING and not any(_is_actorish(t) for t in givers):
        return []
    return subject_heads(verb)


def _named_sources(tok, entry: lexicon.Trigger) -> list:
    if _misread_participle(tok, entry):
        return [tok.head]
    if _reduced_passive(tok):
        return prep_objects(tok, "by") or _cause_source(tok)
    if _elliptic_passive(tok):
        return prep_objects(tok, "by")
    first: list = []
    # "protesters demanded the resignation of ...": the one asked yields, not who asks
    asked = entry.category in _YIELDING and asked_for(_event_noun(tok)) is not None
    drawn = _drawn_by(tok)
    if drawn is not None and entry.pos == "NOUN" and drawn[0].lemma_.lower() in _RECEIVING:
        return drawn[1]  # "Ukraine received aid *from Germany*": the giver, never the receiver
    for slot in entry.source:
        if slot == "head_nsubj" and entry.coding().quad_class in _VERBAL_QUADS:
            # "prompting a warning *from Pyongyang*", "criticism from Beijing": who spoke (the
            # verb's "from" only for a verb of drawing: "switched its recognition from Taiwan"
            # is the subject's own)
            found = drawn[1] if drawn is not None else [
                content_head(t) for t in prep_objects(_event_noun(tok), "from")]
            if any(_is_actorish(t) for t in found):
                return found
        if slot == "head_nsubj" and asked:
            continue
        found = [content_head(t) for t in _slot(tok, slot)]
        if entry.pos == "VERB":
            found = _doers_named_in(found)
        if slot == "compound" and found and all(_weapon(t) for t in found):
            continue  # the means ("Israel launched a *missile* attack"): see _sources
        if slot == "compound":
            # what the act is about, never its doer: "a *prisoner* swap", "*hostage* talks"
            found = [t for t in found if t.lemma_.lower() not in lexicon.word_set("held")]
        if found and any(_is_actorish(t) for t in found):
            return found
        first = first or found
    if first and entry.pos == "VERB":
        return first
    if entry.pos == "VERB" and tok.tag_ == "VBN" and tok.dep_ == "conj":
        # "four were burnt alive and two killed *in police firing*": a bare participle
        # conjoined to a passive is passive too; its cause, not the shared subject, is the doer
        cause = _cause_source(tok)
        if cause:
            return cause
    if entry.pos == "VERB" and not _is_passive(tok) \
            and not ("nsubj" in entry.source and _own_subject(tok)):
        inherited = _inherited_heads(tok)
        if inherited:
            return inherited
    if entry.pos == "VERB" and _is_passive(tok):
        if entry.category == "MOBILIZE":
            # "troops *were deployed* to the border": the force sent stands for its side
            forces = [content_head(c) for c in tok.children if c.dep_ == "nsubjpass"]
            if any(_is_actorish(t) for t in forces):
                return forces
        if tok.lemma_.lower() in _REMOVING:
            # "two inspectors were expelled *from North Korea*": the state they had to leave
            expeller = [t for t in prep_objects(tok, "from") if _is_actorish(t)]
            if expeller:
                return expeller
        return _cause_source(tok) or _measure_owner(tok)
    if entry.pos == "NOUN":
        # "launched a *mediation* effort": a noun modifying the object names the act too
        noun = _event_noun(tok)
        if noun.dep_ == "pcomp" and noun.pos_ in _VERB_POS and noun.head.head.pos_ in _VERB_POS:
            # "troops *resorted to* firing on posts": the doer of the verb it completes
            verb = noun.head.head
            return [c for c in verb.children if c.dep_ == "nsubj"] or (
                [] if _is_passive(verb) else _inherited_heads(verb))
        by = [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
              for g in prep_objects(c, "by")]
        if by:
            return by  # "a bandh *imposed by villagers*", "the strike called by the unions"
        verb = _governing_verb(noun)
        if verb is not None and noun.dep_ in ("dobj", "attr") and not _witnessed(noun) \
                and not _stands_apart(verb, noun) and not asked:
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subj and not _is_passive(verb):
                subj = _inherited_heads(verb)  # "is willing to provide a loan"
            return subj
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in _VERB_POS \
                and noun.head.head.lemma_.lower() in _TAKING_PART:
            # "security forces *engaged in* a gun battle", "a group *was involved in* a shootout"
            verb = noun.head.head
            return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] \
                or _inherited_heads(verb)
    return []


# Verbs of sending someone out of a country: in the passive, the "from" is the sender.
_REMOVING = {"expel", "deport", "evict", "extradite", "oust", "banish"}


@functools.cache
def _measures() -> frozenset[str]:
    """Sanctions and restrictions: what is imposed on a side, never a side itself."""
    return lexicon.word_set("sanctions") | lexicon.word_set("restrictions")


def _measure_owner(tok) -> list:
    """Who imposed a measure lifted or eased in the passive: "*UN* sanctions against Iran
    were lifted", "*US* sanctions on Venezuela were eased"."""
    return [m for s in tok.children if s.dep_ == "nsubjpass" and s.lemma_.lower() in _measures()
            for m in s.children if m.dep_ in ("compound", "amod", "poss") and m.i < s.i
            and _is_actorish(m)]


# Verbs whose subject takes part in the event named by their "in" object.
_TAKING_PART = {"engage", "indulge", "involve", "participate", "embroil", "lock", "join"}


# Where a target is looked for when the entry's own slots name no actor: the object, the
# recipient, the subject of a reported clause ("demanded that *Iran* release"), and the
# prepositions that most often introduce the other side.
_TARGET_FALLBACK = ("dobj", "dative", "ccomp_nsubj", "prep:against", "prep:on", "prep:with",
                    "prep:to", "prep:at")


# Nouns of a frontier: an act at one is aimed at whoever is across it.
BORDERS = frozenset({"border", "frontier", "boundary", "borderline"})


def _across(border) -> list:
    """Who is across a border an act is sent to or done along: "to its border *with
    Belarus*", "along the *Kosovo* boundary", "the *Ukrainian* border"; none if unnamed."""
    return prep_objects(border, "with") or [
        c for c in border.children if c.dep_ in ("compound", "amod", "nmod") and c.i < border.i
        and c.ent_type_ in ("GPE", "NORP")]


# Nouns of an undertaking whose kind a trigger noun before them names ("a *mediation*
# effort", "a *peacekeeping* mission"): their sides are the act's. (Not a "cease-fire *deal*
# with the rebels" another side is said to respond to.)
_UNDERTAKINGS = {"effort", "initiative", "mission", "bid", "attempt", "push", "drive", "process",
                 "campaign"}


def _targets(tok, entry: lexicon.Trigger, consumed) -> list:
    if _reduced_passive(tok) and tok.head.pos_ in _NOUN_POS \
            and (consumed is None or tok.head.i != consumed.i) \
            and not _misread_participle(tok, entry):
        return [tok.head]  # (not the shells "fired at" someone: see _object_candidates)
    if _elliptic_passive(tok):
        return _inherited_heads(tok)
    noun = _event_noun(tok)
    charged = accusation_over(noun)
    # "blamed [the attack on Hamas]": the one blamed is the doer, not the target; and the
    # weapon fired is the means ("fired *missiles*")
    others = {t.i for t in accused(charged, noun)} if charged is not None else set()
    downed = any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)  # "shot down a jet"
    others |= {o.i for o in ([consumed] if consumed is not None else [])
               + [c for c in tok.children if c.dep_ == "dobj"] if _weapon(o) and not downed
               and (o is consumed or tok.lemma_.lower() in _WIELDING_VERBS)}
    if consumed is not None and entry.category == "AID" and _given(consumed, entry):
        others.add(consumed.i)  # what is given ("contributed 300 *troops* to") is not given to
    if consumed is not None and consumed.lemma_.lower() in _measures():
        others.add(consumed.i)  # "*US sanctions* on Venezuela were eased": the measure's owner
    first: list = []
    for slot in (*entry.target, *(s for s in _TARGET_FALLBACK if s not in entry.target)):
        if slot == "dobj" and (entry.category == "MOBILIZE" or entry.mode == "withdraw") \
                and slot not in entry.target:
            continue  # what is deployed, or pulled back, is one's own force, not a target
        # ("arrested *dozens* of activists": the count is a CARDINAL, the activists are not)
        found = [h for t in _slot(tok, slot) for h in (content_head(t),)
                 if h.ent_type_ not in _NON_ACTOR_ENTS and t.i not in others
                 and h.i not in others
                 and not (slot == "prep:with" and _weapon(h))  # "attacked it *with drones*"
                 # (nor what is given: "peacekeepers *are being deployed* to relieve ...")
                 and not (slot == "dobj" and entry.category == "AID" and _given(h, entry))]
        if not found and slot.startswith("prep:") and noun is not tok \
                and noun.lemma_.lower() in _UNDERTAKINGS:
            found = _slot(noun, slot)  # "a *mediation* effort between India and Pakistan"
        if not found and slot.startswith("prep:") and consumed is not None:
            found = _slot(consumed, slot) or _participle_slot([consumed], slot)  # "imposed sanctions on Russia"
        if not found and slot == f"prep:{entry.particle}" and entry.particle in _OBJECT_PARTICLES:
            found = _hung_on_object(tok, entry.particle)  # "sent warships *around Taiwan*"
        found = [o for t in found for o in (_across(t) if t.lemma_.lower() in BORDERS else [t])]
        if found and any(_is_actorish(t) for t in found):
            return found
        if found and entry.category in _ANSWERING:
            makers = _whose_words(tok, found)
            if makers:
                return makers  # "denied charges *by clergymen*", "conceded to demands *from* X"
        if found and entry.category in _OPPOSING:
            # a measure protested or rejected is aimed at who made it: "in protest against
            # laws *imposed by the government*" (but a truce *brokered by* Qatar is not Qatar's)
            makers = [t for t in _participle_slot(found, "prep:by") if _is_actorish(t)]
            if makers:
                return makers
        if found and entry.category in _REACTING:
            # a deed reacted to is aimed at its doer: "welcomed the visit *by the Sudanese
            # foreign minister*", "condemned the test by North Korea"
            deeds = [t for t in found if not _is_actorish(t)]
            makers = [g for t in deeds for g in prep_objects(t, "by") if _is_actorish(g)]
            if not makers and deeds and tok.pos_ in _VERB_POS and not _is_passive(tok):
                # (the parser hangs that "by" on an active verb, where it names no doer)
                makers = [g for g in prep_objects(tok, "by") if _is_actorish(g)]
            if makers:
                return _with_conjuncts(makers)
        if found and not first and slot in entry.target:
            first = found
    if not first and entry.pos == "NOUN" and noun.dep_ == "dobj":
        # "gave *Xi* a stern warning", "sent *Pyongyang* an ultimatum": the verb's recipient
        found = [h for t in _slot(noun.head, "dative") for h in (content_head(t),)
                 if h.ent_type_ not in _NON_ACTOR_ENTS]
        if any(_is_actorish(t) for t in found):
            return found
    if entry.pos == "VERB" and entry.coding().quad_class in _VERBAL_QUADS:
        addressed = _addressed(tok)
        if any(_is_actorish(t) for t in addressed):
            return addressed
    if entry.category == "AGREE" and entry.pos == "VERB":
        offered = _offered_to(tok)
        if any(_is_actorish(t) for t in offered):
            return offered
    if entry.pos == "VERB" and "prep:to" in entry.target \
            and not any(_is_actorish(t) for t in first):
        given_to = _recipient_in_object(tok)
        if given_to:
            return given_to
    if entry.category == "REQUEST" and entry.pos == "VERB" \
            and not any(_is_actorish(t) for t in first):
        asked = _asked_for(tok)
        if asked:
            return asked
    if entry.category == "AID":
        helped = _helped(noun if entry.pos == "NOUN" else tok)
        if any(_is_actorish(t) for t in helped):
            return helped
    if not first and entry.pos == "NOUN":
        first = _defended(tok) or _sufferer(tok)
    if not first:
        # (forces deployed are the deployer's own, not a target)
        first = _harmed_in(tok) or ([] if entry.category == "MOBILIZE" else _shared_patient(tok))
    if not first and entry.pos == "NOUN":
        first = [t for t in _recipients(tok) if _is_actorish(t)]  # "Ukraine received aid"
    if not first and entry.pos == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") \
            and tok.head.pos_ in _VERB_POS:
        # "clashes broke out *between police and protesters*", "fighting erupted with
        # rebels": the parser hangs the event noun's sides on the verb of occurrence
        for p in ("between", "with", "against"):
            found = [content_head(t) for t in prep_objects(tok.head, p)
                     if t.ent_type_ not in _NON_ACTOR_ENTS]
            if found and any(_is_actorish(t) for t in found):
                return _with_conjuncts(found)
    return first


def _asked_for(verb) -> list:
    """Who is asked to act, as the subject of a "for" clause: "called for *India and
    Pakistan* to resume talks", "appealed for *Sudan* to let aid convoys through"."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp")]
    for c in clauses:
        marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]
        if marks:
            found = [s for s in c.children if s.dep_ == "nsubj"] or [
                g for m in marks for g in m.children if g.dep_ == "pobj"]
            if found and all(_is_actorish(content_head(s)) for s in found):
                return _with_conjuncts(found)
    if any(to_infinitive(c) for c in clauses):  # the parser's other reading: "for" + object
        found = prep_objects(verb, "for")
        if found and all(_is_actorish(content_head(s)) for s in found):
            return _with_conjuncts(found)
    return []


# Links inside a noun phrase along which a gift's recipient may hang ("3.5 million euros in
# humanitarian funding *to Lebanon*"); never into a clause of its own.
_WITHIN_PHRASE = {"prep", "pobj", "conj", "appos", "nummod", "quantmod", "compound"}


def _recipient_in_object(verb) -> list:
    """Whom a verb whose "to" names the receiver gives to, where the parser hung the "to" on
    a word inside the object instead of on the verb: "provided support for the installation
    of latrines *to Haitian people*", "sent supplies and doctors *to Nepal*"."""
    todo = [c for c in verb.children if c.dep_ == "dobj"]
    for _ in range(6):
        nxt = []
        for t in todo:
            for c in t.children:
                if c.dep_ not in _WITHIN_PHRASE:
                    continue
                if c.dep_ == "prep" and c.lower_ == "to":
                    found = [content_head(g) for g in c.children if g.dep_ == "pobj"]
                    found = [h for h in found if h.ent_type_ not in _NON_ACTOR_ENTS]
                    if found and all(_is_actorish(h) for h in found):
                        return _with_conjuncts(found)
                nxt.append(c)
        todo = nxt
    return []


# Verbs of sending words to someone, on which a participle says what the words do.
_ADDRESSING = {"send", "write", "deliver", "hand", "address", "issue", "dispatch", "tell"}


def _addressed(tok) -> list:
    """Whom a message is sent that a participle says what it does: "sent a letter *to the
    head of the WHO* threatening to pull funding", "wrote to Putin urging talks"."""
    head = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or head.lemma_.lower() not in _ADDRESSING:
        return []
    to = _simple_slot(head, "dative") or prep_objects(head, "to")
    return to or ([c for c in head.children if c.dep_ == "dobj"]
                  if head.lemma_.lower() == "tell" else [])


# Verbs of a purpose that name whom aid is for ("sent aid *to help* North Korea cope").
_HELPING = {"help", "assist", "support", "aid", "relieve", "rebuild", "reinforce", "bolster",
            "strengthen", "feed", "protect"}


def _helped(tok) -> list:
    """Who a gift is for, from the purpose it is given with: "sending aid to help *North
    Korea* cope", "40 million euros to assist *Somalia*"."""
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in _HELPING \
                and to_infinitive(c):
            return _whom_it_helps(c)
    return []


def _whom_it_helps(verb) -> list:
    """The one a verb of helping helps: its object, or the subject of the clause it helps
    along ("help *North Korea* cope")."""
    return [g for g in verb.children if g.dep_ in ("dobj", "dative")] or [
        g for x in verb.children if x.dep_ in ("ccomp", "xcomp") for g in x.children
        if g.dep_ == "nsubj"]


# Verbs of sending or handing over, whose "to" names the receiver.
_SENDING = {"send", "deploy", "deliver", "supply", "provide", "give", "ship", "transfer", "lend",
            "donate", "extend", "dispatch", "return", "hand", "sell", "move"}


def _offered_to(verb) -> list:
    """Whom an offer or promise is for, from the act offered: "offered to send troops *to
    Jordan*", "pledged to help *the Philippines army*". Not where sides agree among
    themselves ("Argentina and Britain agreed to resume flights to the Falklands")."""
    if any(c.dep_ == "nsubj" and c.conjuncts for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "xcomp" and to_infinitive(c):
            if c.lemma_.lower() in _HELPING:
                return _whom_it_helps(c)
            if c.lemma_.lower() not in _SENDING:
                return _helped(c)  # (not "agreed to curb sales *to China*": not with China)
            return prep_objects(c, "to") or _simple_slot(c, "dative") or [
                g for o in c.children if o.dep_ == "dobj" for g in prep_objects(o, "to")] \
                or _helped(c)
    return []


def _given(obj, entry: lexicon.Trigger) -> bool:
    """``obj``, an AID entry's object, is the thing given (aid, arms, money, peacekeepers),
    not the ones helped ("sheltered *the refugees*", "trained Afghan *soldiers*")."""
    lemma = obj.lemma_.lower()
    return entry.mode == "peacekeeping" or lemma in lexicon.word_set("aid_nouns") \
        or lemma in lexicon.word_set("weapons") or obj.pos_ == "NUM" \
        or lemma in {"money", "dollar", "euro", "vehicle", "ambulance"}


# Verbs of dying from a harm, and the nouns a cause phrase passes through on the way to it
# ("died *as a result of* the torture", "succumbed to injuries from the beating").
_DYING_VERBS = {"die", "succumb", "perish"}
_ON_THE_WAY = {"result", "consequence", "effect", "injury", "wound", "complication"}


def _sufferer(tok) -> list:
    """Who died of the act the noun names, when the sentence says nothing else of its target:
    "a prisoner died *of torture*", "died as a result of the *beating*"."""
    t = tok
    for _ in range(6):
        if t.head is t or t.dep_ not in ("pobj", "prep", "pcomp"):
            return []
        t = t.head
        if t.pos_ in _VERB_POS:
            if t.lemma_.lower() not in _DYING_VERBS:
                return []
            return [c for c in t.children if c.dep_ == "nsubj"]
        if t.pos_ in _NOUN_POS and t.lemma_.lower() not in _ON_THE_WAY:
            return []
    return []


def _shared_patient(tok) -> list:
    """The one a participle joined to a passive is done to: "two men were abducted and
    *killed* by gunmen", "was beaten, *injured*, and then died" (the parser hangs it as a
    conjunct or an adverbial clause)."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("conj", "advcl") or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "mark") for c in tok.children):
        return []
    return [c for c in tok.head.children if c.dep_ == "nsubjpass"]


# Verbs of coming to harm, and the harms come to ("*sustained injuries* in the firing",
# "*suffered heavy losses* in the offensive"): who suffers them is the act's target.
_SUFFERING = {"sustain", "suffer", "receive", "incur", "nurse"}
_INJURIES = {"injury", "wound", "burn", "bruise", "fracture", "damage", "casualty", "loss",
             "trauma"}


def _harmed_in(tok) -> list:
    """Who came to harm in the act ``tok`` names: "ten persons *sustained injuries in* the
    firing", "two soldiers suffered wounds *during* the attack". They are its target, and
    never its doer (see :func:`_witnessed`). Its twin for dying of an act is
    :func:`_sufferer`, which climbs through prepositions only, never an object."""
    noun = _event_noun(tok)
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during", "from", "at"):
        return []
    t = noun.head.head
    if t.pos_ in _NOUN_POS and t.lemma_.lower() in _INJURIES and t.dep_ == "dobj":
        t = t.head  # "injuries *in* the firing"
    elif not any(c.dep_ == "dobj" and c.lemma_.lower() in _INJURIES for c in t.children):
        return []  # "sustained injuries" with "in the firing" hung on the verb
    if t.pos_ not in _VERB_POS or t.lemma_.lower() not in _SUFFERING:
        return []
    return [c for c in t.children if c.dep_ == "nsubj"]


# Event nouns whose modifiers say what went off or gave way ("gas explosion", "boiler blast").
_MISHAP_NOUNS = {"explosion", "blast", "fire", "blaze", "leak", "collapse", "crash", "accident"}
# Subordinators introducing the circumstance that caused a harm ("hurt *when* a tank exploded").
_CAUSE_MARKS = {"when", "after", "as", "because", "while"}


def _cause_words(tok) -> set[str]:
    """Lemmas naming what brought about a harm verb, when no agent says who did it.

    The verb's subject, else the one it inherits ("an earthquake struck, *killing* two", "a
    tsunami killed 40 and *injured* hundreds"); the agent of a passive ("hit by falling
    rocks") or an "in <hazard>" ("killed in a flood"); and for a passive, the subject and verb of a when/after clause ("were *hurt*
    when a furnace exploded", "were killed after an earthquake rocked the island"). The
    modifiers of a mishap noun count too ("a *gas* explosion killed eight").
    """
    heads = [c for c in tok.children if c.dep_ == "nsubj"]
    if not heads and not _is_passive(tok):
        heads = _inherited_heads(tok)
    # "killed in an earthquake", "homes burned in the wildfire": only a hazard counts
    # (an -ing form counts only as itself: "in firing" is shooting, not "fire")
    heads += [g for p in ("in", "during") for g in prep_objects(tok, p)
              if g.lower_ in lexicon.word_set("hazards") or (
                  g.lemma_.lower() in lexicon.word_set("hazards") and not g.lower_.endswith("ing"))]
    if _is_passive(tok) or _reduced_passive(tok):
        heads += prep_objects(tok, "by")
        # "were killed and injured *after an earthquake rocked*": the clause may hang on a
        # conjoined harm verb
        for c in [*tok.children, *(g for k in tok.conjuncts for g in k.children)]:
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _CAUSE_MARKS
                                         for m in c.children):
                heads += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                heads.append(c)
    words: set[str] = set()
    for h in heads:
        words.add(h.lemma_.lower())
        if h.lemma_.lower() in _MISHAP_NOUNS:
            words |= {m.lemma_.lower() for m in h.children if m.dep_ in ("compound", "amod", "nmod")}
    return words


# Words of a blast that a vehicle may set off, beyond the @weapons set.
_BLAST_WEAPONS = {"landmine", "ied", "explosive", "device", "bomber"}


def _accidental(tok, entry: lexicon.Trigger) -> bool:
    """A harm verb whose entry is cancelled by @hazards, caused by a hazard or mishap."""
    if entry.pos != "VERB" or not entry.block:
        return False
    hazards = lexicon.word_set("hazards")
    if not hazards <= set(entry.block):
        return False
    causes = _cause_words(tok)
    if causes & (hazards | lexicon.word_set("accident_causes")):
        return True
    # a vehicle in a crash, unless what it met is a weapon ("a vehicle struck a *landmine*")
    return bool(causes & lexicon.word_set("vehicles")) and not any(
        t.lemma_.lower() in _BLAST_WEAPONS or _weapon(t) for t in tok.sent)


# What one agrees with when sharing a view, not striking a deal.
_VIEWS = {"recommendation", "view", "assessment", "finding", "conclusion", "statement", "idea",
          "notion", "sentiment", "opinion", "analysis", "comment", "remark", "position",
          "argument", "criticism", "what"}


def _agrees_with_a_view(tok) -> bool:
    """ "they agree with Scott that history should be taught", "agree with the recommendation":
    sharing an opinion (a statement), not agreeing to cooperate. A deal is "agreed" or "have
    agreed" to do something; a bare present "agree with" is an opinion."""
    withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs:
        return False
    objs = [g for w in withs for g in w.children if g.dep_ in ("pobj", "pcomp")]
    if any(g.dep_ == "pcomp" or g.lemma_.lower() in _VIEWS for g in objs):
        return True
    if any(c.dep_ == "ccomp" for c in tok.children):
        return True
    return tok.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "aux" for c in tok.children)


def _names_a_kind(tok) -> bool:
    """An event noun that only says what kind of thing or people its head is: "a carrier
    *strike* group", "*attack* helicopters", "*protest* banners", "*aid* workers"."""
    if tok.dep_ != "compound" or tok.head.pos_ not in _NOUN_POS:
        return False
    return tok.head.lemma_.lower() in _KIND_HEADS


# Heads that an event noun before them only classifies ("*aid* workers were kidnapped",
# "*attack* helicopters"). Not munitions: "tear *gas* shells" lobbed are the act's means.
_KIND_HEADS = {"group", "force", "unit", "team", "squad", "capability", "capacity", "song",
               "banner", "placard", "slogan", "poster", "sign", "vessel", "boat", "plane",
               "worker", "staffer", "volunteer", "agency", "organisation", "organization",
               "employee", "personnel", "helicopter", "aircraft", "jet", "drone", "fighter",
               "bomber", "submarine", "craft", "dog"}


def _fit(tok, entry: lexicon.Trigger):
    """(consumed object token or None) if the entry's conditions hold, else False."""
    if entry.lemma == "agree" and entry.category == "AGREE" and _agrees_with_a_view(tok):
        return False
    if entry.pos == "NOUN" and _names_a_kind(tok):
        return False
    obj = None
    if entry.object:
        hits = [o for o in _object_candidates(tok, entry)
                if any(_matches_item(o, item) for item in entry.object)]
        if not hits:
            return False
        obj = hits[0]
        if entry.mode == "ease-dissent" and any(c.dep_ == "prep" and c.lower_ == "on"
                                              for c in obj.children):
            return False  # "called off strikes *on* Iran": air strikes, not a protest
        if entry.mode == "ease-dissent" and _police_subject(tok):
            return False  # "police ended the protest": someone else's, ended by force
    if entry.transitive and not any(c.dep_ == "dobj" for c in tok.children) \
            and not _is_passive(tok):
        return False
    if entry.particle:
        parts = {c.lower_ for c in tok.children
                 if c.dep_ in ("prt", "prep", "agent", "advmod", "dative", "oprd")
                 and not any(g.ent_type_ in _NON_ACTOR_ENTS for g in c.children if g.dep_ == "pobj")}
        if entry.particle in _OBJECT_PARTICLES and _hung_on_object(tok, entry.particle):
            parts.add(entry.particle)
        parts |= {g.lower_ for o in tok.children if o.dep_ == "dobj" for g in o.children
                  if g.dep_ == "amod" and g.i == tok.i + 1}  # "set *free* ten activists"
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.dep_ == "quantmod":
            parts.add(nxt.lower_)  # "hand *over* 30 vehicles" read as "more than 30"
        if _asks_for_someone(tok):
            parts.add("for")  # "called *for* Britain to stay"
        if entry.particle.lower() not in parts:
            return False
        if any(c.dep_ == "prt" and c.lower_ != entry.particle.lower() and c.lower_ in _PHRASAL
               for c in tok.children):
            return False  # "called *off* his march on Moscow" is not "called on Moscow"
    if entry.compound and not _modifiers(tok) & set(entry.compound):
        return False
    if entry.subject and ((not entry.transitive and any(c.dep_ == "dobj" for c in tok.children))
                          or not {content_head(t).lemma_.lower() for t in subject_heads(tok)}
                          & set(entry.subject)):
        return False  # the intransitive use (or with ``transitive``, the transitive one) by them
    if entry.block and _block_words(tok, obj) & set(entry.block):
        return False
    if entry.category == "CONSULT" and entry.pos == "VERB" and _names_it(tok):
        return False  # "called Denmark's prime minister *nasty*": a name, not a call
    if _accidental(tok, entry):
        return False
    if not entry.passive_ok and _is_passive(tok):
        return False
    if entry.require_target and not any(_is_actorish(t) or _someones_ground(t)
                                        for t in _targets(tok, entry, obj)) \
            and not (obj is not None and _weapon(obj) and not _into_open_water(tok)) \
            and not (entry.pos == "NOUN" and _harm_it_did(tok)):
        return False  # a weapon fired stands for its target unless it fell into the sea
    if _derived_only(entry) and not any(_slot(tok, s) for s in entry.source):
        return False  # "died in police firing" fires; "died in hospital" does not
    return obj


def _lookup(tok, by_lemma) -> tuple:
    pos = _pos_key(tok)
    if pos is None:
        return ()
    if pos == "VERB" and _nominal_gerund(tok):
        nouns = tuple(by_lemma.get((tok.lower_, "NOUN"), ()))  # "killed in *police firing*"
        if nouns and tok.dep_ == "pcomp" and not _gerund_modifier(tok):
            # "resorted to firing on posts", "by shooting at him": the verb's readings
            # (with the subject it shares) first, the noun's ("rounds of firing by the police")
            # where none fits
            verbs = by_lemma.get((tok.lemma_.lower(), "VERB")) or by_lemma.get((tok.lower_, "VERB"))
            return (*(verbs or ()), *nouns)
        if nouns:
            return nouns
    entries = by_lemma.get((tok.lemma_.lower(), pos)) or by_lemma.get((tok.lower_, pos))
    if entries:
        return entries
    if tok.pos_ == "ADJ" or tok.lemma_.lower() == tok.lower_:
        for lemma in sorted(lexicon.lemmas_for_surface(tok.lower_)):
            found = by_lemma.get((lemma, pos))
            if found:
                return found
    return ()


def harm_by_hazard(doc) -> bool:
    """Whether a harm verb of ``doc`` is cancelled because a hazard or mishap caused it
    ("an earthquake killed eight", "hurt when a boiler exploded"): the sentence reports an
    accident, and the classifier must not add the attack the rules declined."""
    hazards = lexicon.word_set("hazards")
    causes = hazards | lexicon.word_set("accident_causes")
    by_lemma = lexicon.triggers_by_lemma()
    for tok in doc:
        for entry in _lookup(tok, by_lemma):
            if entry.pos != "VERB" or not entry.block or not hazards <= set(entry.block):
                continue
            if _block_words(tok, None) & causes or _accidental(tok, entry):
                return True
    return False


# Statements about an event that is only their topic: "claimed responsibility *for the
# bombing*", "offered condolences *over the attack*", "paid respects *to a soldier killed*".
# The sentence reports the statement (CAMEO 01: claim responsibility, express sympathy), not
# the event, which was reported before; events inside the topic are not coded again here.
# Denials and feelings have topics too: "denied involvement *in the cyber attack*",
# "rejected accusations *of genocide*", "expressed concern *about the fighting*".
_FEELING_PREPS = ("about", "over", "at", "regarding", "for", "on")
_TOPIC_NOUNS = {"responsibility": ("for",), "credit": ("for",),
                "condolence": ("for", "over", "on", "to"), "sympathy": ("for", "over", "on", "to"),
                "respect": ("to",), "tribute": ("to",),
                "involvement": ("in",), "role": ("in",), "complicity": ("in",),
                "accusation": ("of", "about", "over"), "allegation": ("of", "about", "over"),
                "charge": ("of",), "claim": ("of", "about"),
                **dict.fromkeys(("concern", "alarm", "outrage", "shock", "sorrow", "grief",
                                 "regret", "dismay", "pessimism", "optimism", "anger"),
                                _FEELING_PREPS)}
_TOPIC_VERBS = {"claim", "take", "accept", "admit", "bear", "express", "offer", "extend",
                "convey", "send", "pay", "voice", "deny", "reject", "dismiss", "refute", "rebut",
                "trade", "exchange", "level", "hurl", "make", "repeat", "renew"}
# Verbs whose object is an event that is only the statement's topic: "condemned the attack".
_TOPIC_OBJECT_VERBS = {"condemn", "denounce", "deplore", "decry", "mourn", "lament",
                       "praise", "welcome", "hail", "applaud", "commend", "laud", "salute",
                       "tolerate"}  # "would not tolerate violence": others' act, not theirs
# Legal acts whose "for X" is the charge, an alleged earlier act rather than a new event:
# "arrested *for collaborating with* a terrorist group", "jailed *for* the bombing".
# Words of apology: what they are for is the wrong being owned up to.
_APOLOGY_WORDS = {"apologise", "apologize", "apology", "regret", "repent", "atone"}
_CHARGE_VERBS = {"arrest", "detain", "charge", "convict", "sentence", "jail", "imprison",
                 "indict", "prosecute", "book", "punish", "fine", "execute", "hang"}


@functools.cache
def _protest_words() -> frozenset[str]:
    return lexicon.word_set("protest_nouns") | {"protest", "rally", "demonstrate", "march",
                                                "agitate", "picket"}


# Verbs of ending an act: hostilities they end went on before and are the topic, not news
# ("brought *an end to* the fighting", "trying to *stop* the violence", "signed a deal,
# *ending* two decades of hostility"). A party ending its own fighting is RETREAT ceasefire
# in the lexicon. Other acts ended are still told: a visit ended was a visit, and a protest
# ended stays a protest, which CASE and ACLED code as having taken place.
_ENDING_VERBS = {"end", "stop", "halt", "cease", "resolve"}
_HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


def _hostilities(tok) -> bool:
    """``tok`` (or what it counts: "two decades *of hostility*") names an act of force."""
    head = content_head(tok)
    for t in (head, *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj")):
        lemma = t.lemma_.lower()
        if lemma not in _protest_words() and not lexicon.noun_categories(lemma).isdisjoint(_HOSTILE):
            return True
    return False


def statement_topics(doc) -> set[int]:
    """Indices of tokens inside the topic of a statement about an event (see _TOPIC_NOUNS)."""
    out: set[int] = set()
    for tok in doc:
        label = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ in _NOUN_POS),
                     None) if tok.dep_ == "prep" and tok.lower_ == "as" else None
        if label is not None and tok.head.pos_ in _VERB_POS \
                and any(c.dep_ == "dobj" for c in tok.head.children) \
                and any(t.pos_ in _NOUN_POS and lexicon.noun_categories(t.lemma_.lower())
                        for t in label.subtree):
            # (a noun, not "quoted a commander *as saying* troops had launched an assault")
            # "criticised Israel's offensive *as genocide*", "condemned the strike as a war
            # crime": what the object is called, not a second act
            out.update(t.i for t in tok.subtree)
            continue
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TOPIC_OBJECT_VERBS:
            out.update(t.i for t in tok.subtree)
            continue
        if tok.lemma_.lower() in _protest_words() and tok.pos_ in _VERB_POS | _NOUN_POS:
            # "rallies were held *against the execution* of ...": the grievance
            holders = (tok, tok.head) if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else (tok,)
            out |= _prep_subtrees(holders, ("against", "over"))
            continue
        if tok.lemma_.lower() in _CHARGE_VERBS and tok.pos_ in _VERB_POS:
            out |= _prep_subtrees((tok,), ("for",))
            continue
        if tok.lemma_.lower() in _APOLOGY_WORDS:
            # "apologised *for colonial-era atrocities*": a past wrong owned, not a new act
            out |= _prep_subtrees((tok,), ("for", "over"))
            continue
        if tok.lemma_.lower() in lexicon.word_set("talks") and tok.pos_ in _NOUN_POS:
            # "talks *on a hostage exchange*", "negotiations over a ceasefire": what is
            # negotiated has not happened; the talks are the event
            out |= _prep_subtrees((tok,), ("on", "over", "about", "regarding"))
            continue
        if tok.lemma_.lower() in _ENDING_VERBS and tok.pos_ in _VERB_POS:
            out.update(t.i for c in tok.children if c.dep_ == "dobj" and _hostilities(c)
                       for t in c.subtree)
            continue
        if tok.lemma_.lower() == "end" and tok.pos_ in _NOUN_POS:
            # "an end to the fighting"; "brought an end to it": the parser may hang "to" on
            # the verb
            holders = (tok, tok.head) if tok.dep_ == "dobj" else (tok,)
            out.update(t.i for h in holders for c in h.children
                       if c.dep_ == "prep" and c.lower_ == "to"
                       for g in c.children if g.dep_ == "pobj" and _hostilities(g)
                       for t in c.subtree)
            continue
        preps = _TOPIC_NOUNS.get(tok.lemma_.lower())
        if preps is None or tok.dep_ not in ("dobj", "nsubjpass") \
                or tok.head.lemma_.lower() not in _TOPIC_VERBS:
            continue
        out |= _prep_subtrees((tok, tok.head), preps)  # on the noun or the verb: parser's choice
        # "claimed responsibility for a car bomb ... *that killed eight*", "dismissed
        # allegations *that its troops had shelled* the village": a clause the parser hung on
        # the statement noun belongs to the topic
        out.update(t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree)
    return out


def _prep_subtrees(holders, preps) -> set[int]:
    """Indices of every prepositional phrase headed by one of ``preps`` under ``holders``."""
    return {t.i for holder in holders for c in holder.children
            if c.dep_ == "prep" and c.lower_ in preps for t in c.subtree}


# Entity types whose multiword names can hold a trigger word that is not an act.
_NAME_TYPES = {"ORG", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}


def _inside_a_name(tok) -> bool:
    """``tok`` is a capitalised word inside a longer proper name, not its last word: the
    *Rapid Support* Forces, the Popular *Mobilization* Forces. Not in a title-cased headline,
    where every word is capitalised. (Names the knowledge files list are caught whole, last
    word too, by coder._in_a_known_name.)"""
    if tok.ent_type_ not in _NAME_TYPES or not tok.text[:1].isupper():
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or len(ent) < 2 or tok.i == ent.end - 1:
        return False
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3 and t.i > tok.sent.start
             and not (ent.start <= t.i < ent.end)]
    return sum(t.text[0].islower() for t in words) * 2 > len(words)


def _told_verb(tok) -> bool:
    """A verb with its subject, which the entity tagger swept into a time ("Saudi Arabia
    *eased* curfew hours")."""
    return tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children)


def _object_words(obj, entry: lexicon.Trigger) -> int:
    """How many words of the entry's longest object item ``obj`` matches: "violated the
    *ceasefire agreement*" fits a ceasefire entry better than an agreement one."""
    if obj is None or not entry.object:
        return 0
    return max((len(item.split()) for item in entry.object
                if not item.startswith("=") and _matches_item(obj, item)), default=0)


def _best_fit(tok, entries) -> tuple[lexicon.Trigger, object] | None:
    """The first entry that fits ``tok`` (the most specific are tried first); among fitting
    entries as specific as it, the one whose object item names more of the object."""
    best, best_words = None, -1
    for entry in entries:
        if best is not None and entry.specificity < best[0].specificity:
            break
        obj = _fit(tok, entry)
        if obj is False:
            continue
        words = _object_words(obj, entry)
        if words > best_words:
            best, best_words = (entry, obj), words
        if not entry.object:
            break  # (an entry with no object names none of it)
    return best


def find_triggers(doc) -> list[TriggerMatch]:
    """Every trigger in ``doc`` with the entry that fits it best and its argument heads."""
    by_lemma = lexicon.triggers_by_lemma()
    matches: list[TriggerMatch] = []
    topics = statement_topics(doc)
    for tok in doc:
        if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY") \
                and not _told_verb(tok):
            continue  # "in march", "strike 3"
        if tok.i in topics or _inside_a_name(tok):
            continue
        fit = _best_fit(tok, _lookup(tok, by_lemma))
        if fit is not None:
            entry, obj = fit
            matches.append(TriggerMatch(
                token=tok, entry=entry, sources=tuple(_sources(tok, entry)),
                targets=tuple(_targets(tok, entry, obj)),
                consumed=obj.i if obj is not None else None, specificity=entry.specificity,
            ))
    consumed = {m.consumed for m in matches if m.consumed is not None}
    # the object an entry consumed, with the nouns that modify it ("expelled *aid* workers");
    # and the message of a summons coded as a complaint: "summoned the envoy *to protest*"
    # is one protest, the summons (but "called Putin *to urge* a ceasefire" is a call and a
    # request)
    triggered = {m.token.i for m in matches}
    return _harm_by_the_act_told([
        m for m in matches if m.token.i not in consumed
        and not (m.token.dep_ == "compound" and m.token.head.i in consumed)
        and not (m.token.dep_ in ("xcomp", "advcl") and m.token.head.i in triggered
                 and verb_phrases(m.token.head) & {"summon", "call in"}
                 and _summoned_to_hear(m.token.head, m.token))])


def _harm_by_the_act_told(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """ "35 protesters were killed *when soldiers broke up* a sit-in", "two were hurt after
    police *opened fire*": a harm told in the passive with no agent was done by whoever did
    the act of force its when/after clause tells."""
    by_token = {m.token.i: m for m in matches}
    out = []
    for m in matches:
        tok = m.token
        if m.entry.category == "ASSAULT" and m.entry.pos == "VERB" and not m.sources \
                and (_is_passive(tok) or _reduced_passive(tok)):
            for c in (c for t in (tok, *tok.conjuncts) for c in t.children if c.dep_ == "advcl"):
                act = by_token.get(c.i)
                if act is not None and act.sources and act.entry.category in ("ASSAULT", "COERCE") \
                        and any(g.dep_ in ("mark", "advmod") and g.lower_ in _CAUSE_MARKS
                                for g in c.children):
                    m = replace(m, sources=act.sources)
                    break
        out.append(m)
    return out
