"""Conditional threats: "If the U.S. pushes too far, it's war," the minister said.

The act in the consequent is only hypothetical, but saying it is itself an event: the
speaker THREATENs whoever the condition is about. A sentence yields such a THREATEN when
1. it has an "if/unless" clause attached to a main clause, and
2. the main clause holds a conflictual trigger (verbal or material conflict) or a threat
   phrase from the cue lexicon ("will pay a heavy price", "it's war"), and
3. a speaker is known (the subject of the sentence's report verb) — a reporter's own
   conditional is analysis, not a threat.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from wardrums.coding import actors as actor_mod
from wardrums.coding.actors import ArticleContext, SentenceView
from wardrums.coding.triggers import TriggerMatch
from wardrums.data import lexicon
from wardrums.records import Actor

_CONDITION_MARKS = {"if", "unless"}
_MODE_BY_CATEGORY = {"ASSAULT": "force", "MOBILIZE": "force", "COERCE": "repress",
                     "SANCTION": "sanction"}
_CONFLICT_NOUNS = {"war", "retaliation", "response", "consequence", "price"}


@dataclass(frozen=True, slots=True)
class ConditionalThreat:
    """A THREATEN read from a conditional: who threatens whom, signalled by which "if"."""

    mark: object  # the "if"/"unless" token
    consequent: frozenset[int]  # token indices of the main clause: what is threatened
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    mode: str | None


@functools.cache
def _threat_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in lexicon.cues().threat_conditionals)


def _subtree_ids(tok) -> set[int]:
    return {t.i for t in tok.subtree}


def find_conditional_threats(doc, matches: list[TriggerMatch], sv: SentenceView,
                             ctx: ArticleContext) -> list[ConditionalThreat]:
    """Every conditional threat in ``doc`` (a parsed sentence)."""
    if sv.speaker is None:
        return []
    out: list[ConditionalThreat] = []
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
        if target and ({a.country for a in target} == {sp.country} if sp.country
                       else {(a.name, a.sector) for a in target} == {(sp.name, sp.sector)}):
            continue  # "if we are attacked, we will respond": a pledge, not a threat to another
        out.append(ConditionalThreat(mark=marks[0], consequent=frozenset(consequent),
                                     source=(sp,), target=target, mode=mode))
    return out
