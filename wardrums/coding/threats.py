"""Threats made without a threat word: a condition, or force kept on the table.

1. Conditional threats: "If the U.S. pushes too far, it's war," the minister said. The act
   in the consequent is only hypothetical, but saying it is itself an event: the speaker
   THREATENs whoever the condition is about. A sentence yields such a THREATEN when
   a. it has an "if/unless" clause attached to a main clause, and
   b. the main clause holds a conflictual trigger (verbal or material conflict) or a threat
      phrase from the cue lexicon ("will pay a heavy price", "it's war"), and
   c. a speaker is known (the subject of the sentence's report verb) - a reporter's own
      conditional is analysis, not a threat.
2. Answers promised to any act: "Russia would respond to any NATO deployment in Finland".
   What is answered has not happened; promising an answer threatens whoever would do it.
4. Penalties promised: "Iran will pay a price for its aggression," Netanyahu said; "Russia
   will face severe consequences". Said by another side of a state or armed group, what it
   is to suffer is the speaker's threat to it.
3. Force not ruled out: "China has never ruled out using force to bring Taiwan under its
   control", "refused to rule out military action against Iran". Keeping force open is how
   states threaten it (CAMEO 138, threaten with military force); the force itself stays a
   hypothetical act.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from wardrums.coding import actors as actor_mod
from wardrums.coding.actors import ArticleContext, SentenceView
from wardrums.coding.modality import WILL_AUX, excludes
from wardrums.coding.triggers import TriggerMatch
from wardrums.data import lexicon
from wardrums.records import Actor

_CONDITION_MARKS = {"if", "unless"}
_MODE_BY_CATEGORY = {"ASSAULT": "force", "MOBILIZE": "force", "COERCE": "repress",
                     "SANCTION": "sanction"}
_CONFLICT_NOUNS = {"war", "retaliation", "response", "consequence", "price"}


@dataclass(frozen=True, slots=True)
class ImpliedThreat:
    """A THREATEN read from a sentence's structure: who threatens whom, signalled by which
    token."""

    mark: object  # the token that signals it: the "if", the "rule", the "respond"
    consequent: frozenset[int]  # token indices of what is threatened
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    mode: str | None


@functools.cache
def _threat_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in lexicon.cues().threat_conditionals)


def _subtree_ids(tok) -> set[int]:
    return {t.i for t in tok.subtree}


def find_conditional_threats(doc, matches: list[TriggerMatch], sv: SentenceView,
                             ctx: ArticleContext) -> list[ImpliedThreat]:
    """Every conditional threat in ``doc`` (a parsed sentence)."""
    if sv.speaker is None:
        return []
    out: list[ImpliedThreat] = []
    for tok in doc:
        if tok.dep_ != "advcl":
            continue
        marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS]
        if not marks:
            continue
        condition = _subtree_ids(tok)
        main = tok.head
        consequent = _subtree_ids(main) - condition
        mode = None
        conflictual = False
        for m in matches:
            if m.token.i in consequent and m.entry.category != "THREATEN":
                quad = m.entry.coding().quad_class
                if quad in (3, 4):
                    conflictual = True
                    mode = mode or _MODE_BY_CATEGORY.get(m.entry.category)
        text = " ".join(doc[i].lower_ for i in sorted(consequent))
        if not conflictual:
            conflictual = any(p in text for p in _threat_phrases()) or any(
                doc[i].lemma_.lower() in _CONFLICT_NOUNS for i in consequent)
            if conflictual and "war" in text.split():
                mode = "force"
        if not conflictual:
            continue
        # whom the condition is about; else who is to suffer ("if this is not resolved,
        # *Iran* will pay a heavy price")
        subjects = [c for t in (tok, main) for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        target: tuple[Actor, ...] = ()
        for s in subjects:
            target = tuple(actor_mod.resolve(s, sv, ctx))
            if target:
                break
        sp = sv.speaker
        if target and all(_own_side(a, sp) for a in target):
            continue  # "if we are attacked, we will respond": a pledge, not a threat to another
        out.append(ImpliedThreat(mark=marks[0], consequent=frozenset(consequent),
                                 source=(sp,), target=target, mode=mode))
    return out


# Sectors of a state's own apparatus: one side when of one country.
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}


def _own_side(a: Actor, speaker: Actor) -> bool:
    """``a`` is the speaker's own side: "if *we* are attacked"; but rebels of the speaking
    army's own country are another side ("if the rebels do not lay down their weapons")."""
    if not speaker.country:
        return (a.name, a.sector) == (speaker.name, speaker.sector)
    if a.country != speaker.country:
        return False
    return a.sector == speaker.sector or a.sector is None or speaker.sector is None or (
        a.sector in _STATE_SECTORS and speaker.sector in _STATE_SECTORS)


# What is not ruled out is force when its head is one of these ("the use of *force*", "a
# *strike* on", "*war*"), or a "military" act of these ("military *action*"). Not troops:
# "did not rule out sending troops to Ukraine" keeps a deployment open, a MOBILIZE that stays
# hypothetical; nor "military trainers".
_FORCE_WORDS = {"force", "war", "invasion", "intervention", "strike", "airstrike", "attack",
                "offensive", "retaliation", "bombing", "incursion", "blockade"}
_MILITARY_ACTS = {"action", "option", "operation", "means", "response", "solution", "measure",
                  "step"}


def _is_force(head) -> bool:
    """``head`` (what is ruled out, or what its verb or "use of" governs) names force."""
    for t in (head, *(c for c in head.children if c.dep_ == "dobj"),
              *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj")):
        lemma = t.lemma_.lower()
        if lemma in _FORCE_WORDS or (lemma in _MILITARY_ACTS and any(
                c.dep_ == "amod" and c.lower_ == "military" for c in t.children)):
            return True
    return False


# Governors whose infinitive they refuse: "refused to rule out", "declined to rule out".
_REFUSING = {"refuse", "decline"}


def _kept_open(rule) -> bool:
    """Negated "rule out": "has not/never ruled out", "would not rule out", "refused to"."""
    if any(c.dep_ == "neg" for c in rule.children):
        return True
    return rule.dep_ == "xcomp" and rule.head.lemma_.lower() in _REFUSING and not any(
        c.dep_ == "neg" for c in rule.head.children)


def find_force_kept_open(doc, sv: SentenceView, ctx: ArticleContext) -> list[ImpliedThreat]:
    """Every "has not ruled out (the use of) force" in ``doc``: its doer threatens force at
    whoever else the excluded act names ("military action *against Iran*", "to bring *Taiwan*
    under its control")."""
    out: list[ImpliedThreat] = []
    for rule in doc:
        if not excludes(rule) or not _kept_open(rule):
            continue
        kept = [c for c in rule.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
        if not any(_is_force(k) for k in kept):
            continue  # "did not rule out early elections"
        span = sorted({t.i for k in kept for t in k.subtree})
        doer = rule.head if rule.dep_ == "xcomp" else rule
        subjects = [c for c in doer.children if c.dep_ == "nsubj"]
        source = tuple(actor_mod.resolve(subjects[0], sv, ctx)) if subjects else ()
        if not source:
            continue
        ours = {a.country for a in source}
        target: tuple[Actor, ...] = ()
        for i in span:
            tok = doc[i]
            if tok.dep_ in ("pobj", "dobj") or tok.ent_type_ in ("GPE", "NORP"):
                found = tuple(a for a in actor_mod.resolve(tok, sv, ctx)
                              if a.country and a.country not in ours)
                if found:
                    target = found
                    break
        out.append(ImpliedThreat(mark=rule, consequent=frozenset(span), source=source,
                                 target=target, mode="force"))
    return out


# Verbs of answering an act: said of any act the other side might do, they threaten it.
_ANSWERING = {"respond", "retaliate", "react", "answer", "reply"}


def _any_act(noun) -> bool:
    """The act answered is any such act: "*any* provocation", "*any* NATO deployment"."""
    return any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in noun.children)


def find_answers_to_any(doc, sv: SentenceView, ctx: ArticleContext) -> list[ImpliedThreat]:
    """Every "will respond to any <act> (by X)" in ``doc``: a promised answer to an act that
    has not happened is a threat to whoever would do it ("Russia would respond to any NATO
    deployment in Finland", "warned it would respond with force to any provocation by the
    United States")."""
    out: list[ImpliedThreat] = []
    for verb in doc:
        if verb.lemma_.lower() not in _ANSWERING or verb.pos_ != "VERB" or not any(
                c.dep_ == "aux" and c.lower_ in WILL_AUX for c in verb.children):
            continue
        acts = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "against")
                for g in c.children if g.dep_ == "pobj" and _any_act(g)]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not acts or not subjects:
            continue
        source = tuple(actor_mod.resolve(subjects[0], sv, ctx))
        if not source:
            continue
        ours = {a.country for a in source}
        act = acts[0]
        doers = [g for c in act.children if c.dep_ in ("prep", "agent")
                 and c.lower_ in ("by", "of") for g in c.children if g.dep_ == "pobj"] + [
            c for c in act.children if c.dep_ in ("poss", "compound", "amod", "nmod")
            and c.ent_type_ in ("GPE", "NORP", "ORG")]
        target = tuple(a for d in doers for a in actor_mod.resolve(d, sv, ctx)
                       if a.country not in ours)
        forceful = any(t.lemma_.lower() in _FORCE_WORDS for t in verb.subtree if t.i < act.i)
        out.append(ImpliedThreat(mark=verb, consequent=frozenset(t.i for t in act.subtree),
                                 source=source, target=target,
                                 mode="force" if forceful else None))
    return out


# A penalty to be suffered: "will *pay* a (heavy) *price*", "will pay *dearly*", "will *face*
# (severe) *consequences*".
_PENALTIES = {"pay": {"price", "cost"}, "face": {"consequence", "repercussion", "retribution",
                                                 "retaliation", "punishment", "response"}}
# Sides a threat is made to: states and armed groups, not "consumers" or "the economy".
_THREATENED_SECTORS = {"GOV", "MIL", "REB", "UAF", "SPY", "IGO", None}


def find_promised_penalties(doc, sv: SentenceView, ctx: ArticleContext) -> list[ImpliedThreat]:
    """Every "<side> will pay a price" or "will face consequences" that a known speaker says
    of another side: the speaker threatens it. Not when the side is the speaker's own ("we
    will pay a price"), nor a penalty already paid ("Russia has paid a heavy price")."""
    if sv.speaker is None:
        return []
    out: list[ImpliedThreat] = []
    for verb in doc:
        objects = _PENALTIES.get(verb.lemma_.lower())
        if objects is None or verb.pos_ != "VERB" or not any(
                c.dep_ == "aux" and c.lower_ in WILL_AUX for c in verb.children) \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        if not any((c.dep_ == "dobj" and c.lemma_.lower() in objects)
                   or (c.dep_ == "advmod" and c.lower_ == "dearly") for c in verb.children):
            continue  # (not "will pay the bill", "will face the press")
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ in ("we", "i", "us"):
            continue
        target = tuple(a for a in actor_mod.resolve(subjects[0], sv, ctx)
                       if a.sector in _THREATENED_SECTORS and (a.country or a.sector))
        sp = sv.speaker
        if not target or (sp.country and sp.country in {a.country for a in target}):
            continue
        out.append(ImpliedThreat(mark=verb, consequent=frozenset(t.i for t in verb.subtree),
                                 source=(sp,), target=target, mode=None))
    return out
