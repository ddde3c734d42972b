"""Reported obligations: "Russia says Israel *must end* its attacks on Syria."

A speaker who says that another actor must, has to or needs to do something is demanding it
(CAMEO 10, PLOVER REQUEST mode demand); "should" is an appeal (CAMEO 02, REQUEST with no
mode). No trigger word names the act of demanding: the modal in the reported clause does. A
sentence yields such a REQUEST when
1. a report verb ("said", "saying") has a speaker the coder can name,
2. a clause reported by it has "must"/"should" (or "need to"/"have to") and an actor as
   its subject, and
3. that actor is not the speaker ("we must stay united" is a resolution, not a demand).
"""

from __future__ import annotations

from dataclasses import dataclass

from wardrums.coding import actors as actor_mod
from wardrums.coding.actors import ArticleContext, SentenceView
from wardrums.coding.modality import DEONTIC_AUX, OBLIGATION_VERBS, report_verbs
from wardrums.records import Actor

_DEMAND_MODALS = frozenset({"must"})
_APPEAL_MODALS = DEONTIC_AUX - _DEMAND_MODALS  # "should", "ought"


@dataclass(frozen=True, slots=True)
class ReportedDemand:
    """Who demands (or appeals to) whom, signalled by which modal token."""

    modal: object  # the "must"/"should"/"needs" token
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    mode: str | None  # "demand", or None for an appeal


def _obligation(verb) -> tuple[object, str | None] | None:
    """(modal token, mode) when ``verb`` is said to be obligatory, else None."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS:
            return c, "demand"
        if c.dep_ == "aux" and c.lower_ in _APPEAL_MODALS:
            return c, None
    # "Washington needs to take the first step", "has to stop"
    if verb.lemma_.lower() in OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
        if verb.tag_ in ("VBZ", "VBP", "VB"):
            return verb, "demand"
    return None


def _speaker(report, sv: SentenceView, ctx: ArticleContext) -> tuple[Actor, ...]:
    """Who says it: the report verb's subject, or, for "..., saying X must", the subject of
    the clause the participle hangs on."""
    for verb in (report, report.head):
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj:
            return tuple(actor_mod.resolve(subj[0], sv, ctx))[:1]
        if report.dep_ not in ("advcl", "xcomp", "conj"):
            break
    return ()


def find_reported_demands(doc, sv: SentenceView, ctx: ArticleContext) -> list[ReportedDemand]:
    """Every reported demand or appeal in ``doc`` (a parsed sentence)."""
    reports = report_verbs()
    out: list[ReportedDemand] = []
    for report in doc:
        if report.lemma_.lower() not in reports or report.pos_ not in ("VERB", "AUX"):
            continue
        source: tuple[Actor, ...] | None = None
        for verb in report.children:
            if verb.dep_ not in ("ccomp", "parataxis") or verb.pos_ not in ("VERB", "AUX"):
                continue
            found = _obligation(verb)
            if found is None:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subjects or subjects[0].pos_ == "PRON":
                continue  # "it must be avoided", "we must": no other actor is asked
            if source is None:
                source = _speaker(report, sv, ctx)
            if not source:
                break  # a reporter's own "must" is comment, not a demand
            target = tuple(actor_mod.resolve(subjects[0], sv, ctx))
            if not target or any(a.name == source[0].name for a in target):
                continue
            modal, mode = found
            out.append(ReportedDemand(modal=modal, source=source, target=target, mode=mode))
    return out
