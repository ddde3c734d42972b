"""Finding event triggers in a parsed sentence, and their source and target arguments.

A trigger is a token whose (lemma, part of speech) is in the lexicon (``data/triggers.yaml``)
and whose context satisfies the entry: a required object ("impose *sanctions*"), particle
("crack *down*"), or compound ("*hunger* strike"), and no blocking word ("*heart* attack").
Of several entries the most specific wins. A noun trigger that is the object of a verb
trigger of the same category ("launched an *attack*") is folded into the verb's event.
"""

from __future__ import annotations

from dataclasses import dataclass

from wardrums.data import lexicon

_VERB_POS = {"VERB", "AUX"}
_NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger token, the lexicon entry it matched, and its argument heads."""

    token: object  # spaCy Token
    entry: lexicon.Trigger
    sources: tuple  # head tokens of source arguments
    targets: tuple  # head tokens of target arguments
    specificity: int


def _pos_key(tok) -> str | None:
    if tok.pos_ in _VERB_POS:
        return "VERB"
    if tok.pos_ in _NOUN_POS:
        return "NOUN"
    return None


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _objects(tok) -> list:
    if tok.pos_ in _VERB_POS:
        deps = ("nsubjpass",) if _is_passive(tok) else ("dobj", "attr", "oprd")
        objs = [c for c in tok.children if c.dep_ in deps]
        # "sent more troops and tanks": conjoined objects count too
        return objs + [cc for o in objs for cc in o.conjuncts if cc.i > o.i]
    return []


def _particles(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod", "agent")}


def _modifier_lemmas(tok) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}


def _entry_fits(tok, entry: lexicon.Trigger) -> int | None:
    """Specificity of ``entry`` for ``tok``, or None if its conditions do not hold."""
    score = 0
    if entry.object:
        objs = _objects(tok)
        if not any(o.lemma_.lower() in entry.object or o.lower_ in entry.object for o in objs):
            return None
        score += 2
    if entry.particle:
        if entry.particle.lower() not in _particles(tok):
            return None
        score += 2
    if entry.compound:
        if not _modifier_lemmas(tok) & set(entry.compound):
            return None
        score += 1
    if entry.block:
        near = _modifier_lemmas(tok) | {o.lemma_.lower() for o in _objects(tok)}
        if near & set(entry.block):
            return None
    if not entry.passive_ok and _is_passive(tok):
        return None
    return score


def _prep_objects(tok, prep: str) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == prep:
            out.extend(g for g in c.children if g.dep_ == "pobj")
            # "talks with the US" vs "pull out of Syria": "out of" → pcomp chains
            for g in c.children:
                if g.dep_ == "pcomp":
                    out.extend(h for h in g.children if h.dep_ == "pobj")
    return out


def _slot(tok, slot: str) -> list:
    if slot == "dobj":
        if tok.pos_ in _VERB_POS and _is_passive(tok):
            return [c for c in tok.children if c.dep_ == "nsubjpass"]
        return [c for c in tok.children if c.dep_ == "dobj"]
    if slot == "dative":
        return [c for c in tok.children if c.dep_ in ("dative", "iobj")]
    if slot == "poss":
        return [c for c in tok.children if c.dep_ == "poss"]
    if slot == "nsubj":
        return [c for c in tok.children if c.dep_ == "nsubj"]
    if slot == "agent":
        return _prep_objects(tok, "by")
    if slot in ("amod_demonym", "compound"):
        return [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    if slot.startswith("prep:"):
        return _prep_objects(tok, slot[5:])
    return []


def _inherited_subject(tok):
    """Subject of a verb without one: "Russia threatened to expel", "... and closed"."""
    seen = 0
    t = tok
    while seen < 4 and t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "relcl", "acl") and t.head is not t:
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in _NOUN_POS:
            # "troops who crossed" / "forces loyal to": the noun is the subject
            return t.head
        t = t.head
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
        seen += 1
    return None


def _light_verb(tok):
    """The verb a noun trigger is the object of ("launched an attack") — its subject is the source."""
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in _VERB_POS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in _VERB_POS:
        return tok.head.head
    return None


def _sources(tok, entry: lexicon.Trigger) -> list:
    if entry.source:
        for slot in entry.source:
            found = _slot(tok, slot)
            if found:
                return found
    if tok.pos_ in _VERB_POS:
        if _is_passive(tok):
            return _prep_objects(tok, "by")
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj:
            return subj
        inherited = _inherited_subject(tok)
        return [inherited] if inherited is not None else []
    for slot in ("poss", "agent", "amod_demonym"):
        found = _slot(tok, slot)
        if found:
            return found
    verb = _light_verb(tok)
    if verb is not None:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj:
            return subj
    return []


def _targets(tok, entry: lexicon.Trigger, objects: list) -> list:
    slots = entry.target or (("dobj",) if entry.pos == "VERB" else ())
    for slot in slots:
        found = _slot(tok, slot)
        if not found and slot.startswith("prep:"):
            # "imposed sanctions on Russia": the PP may hang on the object noun
            for o in objects:
                found = _slot(o, slot)
                if found:
                    break
        if found and entry.object and slot == "dobj":
            continue  # the object of a light verb is the event, not its target
        if found:
            return found
    return []


def find_triggers(doc) -> list[TriggerMatch]:
    """Every trigger in ``doc`` with its best-fitting entry and argument heads."""
    by_lemma = lexicon.triggers_by_lemma()
    matches: list[TriggerMatch] = []
    for tok in doc:
        pos = _pos_key(tok)
        if pos is None:
            continue
        entries = by_lemma.get((tok.lemma_.lower(), pos)) or by_lemma.get((tok.lower_, pos))
        if not entries:
            continue
        best: tuple[int, lexicon.Trigger] | None = None
        for entry in entries:
            score = _entry_fits(tok, entry)
            if score is not None and (best is None or score > best[0]):
                best = (score, entry)
        if best is None:
            continue
        score, entry = best
        objects = _objects(tok)
        matches.append(TriggerMatch(
            token=tok, entry=entry, sources=tuple(_sources(tok, entry)),
            targets=tuple(_targets(tok, entry, objects)), specificity=score,
        ))
    return _fold_light_verbs(matches)


def _fold_light_verbs(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop a noun trigger that is the required object of a light-verb trigger."""
    verb_objects: dict[int, str] = {}
    for m in matches:
        if m.entry.pos == "VERB" and m.entry.object:
            for o in _objects(m.token):
                if o.lemma_.lower() in m.entry.object or o.lower_ in m.entry.object:
                    verb_objects[o.i] = m.entry.category
    out = []
    for m in matches:
        if m.entry.pos == "NOUN" and verb_objects.get(m.token.i) is not None:
            continue
        out.append(m)
    return out
