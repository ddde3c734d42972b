"""How each gold set is scored: which items, what the coder is given, what counts as right.

A task turns selected :class:`GoldItem` records into the articles the coder reads
(:meth:`Task.units`) and scores the events that come back (:meth:`Task.score`). The "main
event" of an item is the first reported as having happened among the event types the task
looks at: lead sentence first, then the most confident (:func:`main_event`); items whose text
yields no such event are predicted ``"none"`` (a wrong answer wherever gold has an event).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wardrums.evaluation.gold import (
    ACLED_LABELS,
    CASE_LABELS,
    IPE_LABELS,
    NONE,
    QUAD_LABELS,
    GoldItem,
    ipe_label,
)
from wardrums.evaluation.metrics import (
    ClassScore,
    accuracy,
    binary_score,
    confusion_matrix,
    macro_f1_from_scores,
    per_class,
)
from wardrums.evaluation.report import ErrorExample, excerpt, worst_errors
from wardrums.evaluation.sampling import pick, stratified_group_sample, stratified_sample
from wardrums.records import EVENT_TYPES, Actor, Article, Event

EVALUATION_ONLY = "evaluation only (never trained or tuned on)"


def main_event(events: Sequence[Event], types: Iterable[str] | None = None) -> Event | None:
    """The story's main event among ``types`` (all if None).

    An event reported as having happened (asserted or alleged, not negated) outranks talk of
    what might happen or did not ("threatened to impose sanctions": the threat, not the
    sanctions). Among those, the earliest sentence wins: news is written lead first, and later
    sentences give background, reactions and earlier events. Within a sentence, the most
    confident; ties → earliest trigger.
    """
    allowed = None if types is None else set(types)
    best: tuple | None = None
    for i, ev in enumerate(events):
        if allowed is not None and ev.event_type not in allowed:
            continue
        start = ev.evidence.trigger_start if ev.evidence.trigger_start is not None else ev.evidence.start
        factual = ev.modality in ("asserted", "alleged") and ev.polarity == "positive"
        key = (not factual, ev.evidence.start, -ev.confidence, start, i)
        if best is None or key < best[0]:
            best = (key, ev)
    return None if best is None else best[1]


def event_countries(events: Iterable[Event]) -> set[str]:
    """Every country code among the sources and targets of ``events``."""
    return {a.country for ev in events for a in (*ev.source, *ev.target) if a.country}


@dataclass
class Unit:
    """One article handed to the coder and the gold items it answers for.

    ``spans`` is None when every item gets all of the article's events; otherwise it holds one
    (start, end) character span per item and each event goes to the item its trigger falls in.
    """

    article: Article
    item_ids: list[str]
    spans: list[tuple[int, int]] | None = None

    def assign(self, events: Sequence[Event]) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {i: [] for i in self.item_ids}
        if self.spans is None:
            for i in self.item_ids:
                out[i] = list(events)
            return out
        starts = [s for s, _ in self.spans]
        for ev in events:
            off = ev.evidence.trigger_start if ev.evidence.trigger_start is not None else ev.evidence.start
            k = bisect.bisect_right(starts, off) - 1
            if k < 0:
                k = 0
            elif off >= self.spans[k][1] and k + 1 < len(self.spans):
                k += 1  # in the separator between two items: the next one
            out[self.item_ids[k]].append(ev)
        return out


@dataclass
class Scored:
    figures: dict[str, float]
    figure_n: dict[str, int]
    labels: list[str]
    per_class: dict[str, ClassScore]
    confusion: dict[str, dict[str, int]]
    worst_errors: list[ErrorExample]
    notes: list[str] = field(default_factory=list)


class Task:
    """Base: one article per distinct (text, published); single-label scoring hooks."""

    name = ""
    set_name = ""
    prefix = ""
    use = EVALUATION_ONLY

    def select(self, items: list[GoldItem], sample: int | None, seed: int) -> tuple[list[GoldItem], list[str]]:
        """The items to score and notes on how they were chosen."""
        chosen = stratified_sample(items, sample, key=lambda it: it.label, seed=seed)
        notes = [] if sample is None or sample >= len(items) else [
            f"stratified sample of {len(chosen)} of {len(items)} items by gold label"]
        return chosen, notes

    def units(self, items: list[GoldItem]) -> list[Unit]:
        by_key: dict[tuple, Unit] = {}
        for it in items:
            key = (it.text, it.published)
            if key in by_key:
                by_key[key].item_ids.append(it.id)
            else:
                by_key[key] = Unit(Article(id=it.id, text=it.text, published=it.published,
                                           source=it.extra.get("news_source")), [it.id])
        return list(by_key.values())

    def score(self, items: list[GoldItem], events: dict[str, list[Event]]) -> Scored:
        raise NotImplementedError


def _errors(items, gold, pred, mains) -> list[ErrorExample]:
    errs = []
    for it, g, p, m in zip(items, gold, pred, mains, strict=True):
        if g != p:
            text = m.evidence.sentence if m is not None else it.text
            errs.append(ErrorExample(it.id, g, p, m.confidence if m is not None else 0.0,
                                     excerpt(text)))
    return worst_errors(errs)


class _SingleLabel(Task):
    """Gold is one label per item; prediction is the main event's type within ``types``."""

    labels: tuple[str, ...] = ()
    types: tuple[str, ...] | None = None  # event types that may be the main event; None = all
    macro_labels: tuple[str, ...] = ()  # labels averaged in macro-F1

    def predict_label(self, main: Event | None) -> str:
        return main.event_type if main is not None else NONE

    def candidates(self, events: Sequence[Event]) -> Sequence[Event]:
        """The events that may be an item's main event (all; ``types`` filters next)."""
        return events

    def extra_figures(self, items, events, mains, figures, figure_n) -> None:
        pass

    def score(self, items: list[GoldItem], events: dict[str, list[Event]]) -> Scored:
        mains = [main_event(self.candidates(events.get(it.id, [])), self.types) for it in items]
        gold = [str(it.label) for it in items]
        pred = [self.predict_label(m) for m in mains]
        scores = per_class(gold, pred, self.macro_labels)
        figures = {f"{self.prefix}.macro_f1": macro_f1_from_scores(scores),
                   f"{self.prefix}.accuracy": accuracy(gold, pred)}
        figure_n = dict.fromkeys(figures, len(items))
        self.extra_figures(items, events, mains, figures, figure_n)
        return Scored(figures=figures, figure_n=figure_n, labels=list(self.labels),
                      per_class=scores, confusion=confusion_matrix(gold, pred, self.labels),
                      worst_errors=_errors(items, gold, pred, mains))


class AcledTask(_SingleLabel):
    """ACLED analyst notes: PROTEST vs ASSAULT on a balanced pick, actor1 country, event date."""

    name, set_name, prefix = "event", "acled_dev", "acled"
    labels = (*ACLED_LABELS, NONE)
    types = ACLED_LABELS
    macro_labels = ACLED_LABELS

    def select(self, items, sample, seed):
        assault = [it for it in items if it.label == "ASSAULT"]
        protest = [it for it in items if it.label == "PROTEST"]
        position = {id(it): n for n, it in enumerate(items)}
        balanced = sorted(assault + pick(protest, len(assault), seed, salt="acled-protest"),
                          key=lambda it: position[id(it)])
        notes = [f"balanced pick: all {len(assault)} ASSAULT rows and {min(len(assault), len(protest))} "
                 f"of {len(protest)} PROTEST rows (seed {seed})"]
        chosen = stratified_sample(balanced, sample, key=lambda it: it.label, seed=seed)
        if len(chosen) < len(balanced):
            notes.append(f"stratified sample of {len(chosen)} of those {len(balanced)}")
        return chosen, notes

    def extra_figures(self, items, events, mains, figures, figure_n):
        actor_hits, date_hits = [], []
        for it, main in zip(items, mains, strict=True):
            iso = it.extra.get("actor1_iso3")
            if iso:
                pool = [main] if main is not None else events.get(it.id, [])
                actor_hits.append(iso in event_countries(pool))
            if it.extra.get("time_precision") == 1:
                date_hits.append(main is not None and main.date == it.extra.get("event_date"))
        figures["acled.actor1_country"] = sum(actor_hits) / len(actor_hits) if actor_hits else 0.0
        figure_n["acled.actor1_country"] = len(actor_hits)
        figures["acled.date_exact"] = sum(date_hits) / len(date_hits) if date_hits else 0.0
        figure_n["acled.date_exact"] = len(date_hits)


#: PLOVER codings that CASE 2021 files under AGREEMENT. Its types are ACLED's, and ACLED's
#: codebook defines the "Agreement" sub-event to include surrenders and prisoner releases
#: and exchanges, which PLOVER codes as RETREAT surrender and the release of captives.
CASE_AGREEMENT_MODES = frozenset({("RETREAT", "surrender"), ("RETREAT", "release"),
                                  ("CONCEDE", "release")})


class CaseTask(_SingleLabel):
    """CASE 2021 sentences: 5-way (four PLOVER types or no political event).

    The gold labels are CASE's (ACLED's) types mapped to PLOVER; where ACLED's type is wider
    than the PLOVER category it was mapped to (see ``CASE_AGREEMENT_MODES``), the coded
    event is read in ACLED's terms.
    """

    name, set_name, prefix = "case", "case2021_dev", "case"
    labels = CASE_LABELS
    types = None
    macro_labels = CASE_LABELS

    def select(self, items, sample, seed):
        chosen, notes = super().select(items, sample, seed)
        return chosen, [*notes, "AGREE also counts RETREAT surrender and the release of captives "
                                "(RETREAT/CONCEDE release): CASE's AGREEMENT is ACLED's "
                                "Agreement type, which includes them"]

    def candidates(self, events):
        return [ev for ev in events if ev.event_type in CASE_LABELS[:-1]
                or (ev.event_type, ev.mode) in CASE_AGREEMENT_MODES]

    def predict_label(self, main):
        if main is not None and (main.event_type, main.mode) in CASE_AGREEMENT_MODES:
            return "AGREE"
        return super().predict_label(main)


def pentaclass(cameo_root: str) -> int:
    """ConfliBERT's five classes from a CAMEO root code ("02" → 0 neutral, "14" → 4)."""
    root = int(cameo_root[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


class ConflibertTask(_SingleLabel):
    """ConfliBERT CAMEO sentences: the set's 5-way class of the main event's CAMEO root.

    The set's classes are not CAMEO's quad classes: roots 01-02 (statements, appeals) are
    "neutral" (0), 03-05 verbal cooperation, 06-08 material cooperation, 09-13 and 16 verbal
    conflict, 14-15 and 17-20 material conflict. No event is neutral too.
    """

    name, set_name, prefix = "quad", "conflibert_train", "conflibert"
    labels = QUAD_LABELS
    types = None
    macro_labels = QUAD_LABELS

    def predict_label(self, main):
        if main is None:
            return QUAD_LABELS[0]
        return QUAD_LABELS[pentaclass(main.cameo_root)]

    def score(self, items, events):
        scored = super().score(items, events)
        scored.figures = {"conflibert.quad_accuracy": scored.figures["conflibert.accuracy"],
                          "conflibert.macro_f1": scored.figures["conflibert.macro_f1"]}
        scored.figure_n = dict.fromkeys(scored.figures, len(items))
        roles = {"source": [], "target": []}
        for it in items:
            main = main_event(events.get(it.id, []))
            for role, hits in roles.items():
                spans = it.extra.get(f"{role}_spans")
                if spans:
                    hits.append(main is not None and names_span(getattr(main, role), spans, it.text))
        for role, hits in roles.items():
            if hits:
                scored.figures[f"conflibert.{role}_span"] = sum(hits) / len(hits)
                scored.figure_n[f"conflibert.{role}_span"] = len(hits)
        if any(roles.values()):
            scored.notes.append(
                "source_span / target_span: of the items whose annotators marked a source "
                "(target), the share whose main event has a source (target) on those words, or a "
                "pronoun resolved to a name sharing a word with them. The set's targets include "
                "places and things that PLOVER puts elsewhere (a curfew 'in Bangkok'), so "
                "target_span is a lower bound")
        return scored


#: Words that refer back; a coded actor so written is credited with what it was resolved to.
_REFERRING = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her",
                        "we", "us", "our"})


def _stems(s: str) -> set[str]:
    """The words of three letters or more in ``s``, lower-cased, a plural's "s" dropped."""
    return {w.rstrip("s") for w in "".join(c.lower() if c.isalnum() else " " for c in s).split()
            if len(w) > 2}


def names_span(actors: Sequence[Actor], spans: Sequence[tuple[int, int]], text: str = "") -> bool:
    """Whether one of ``actors`` is written on one of the gold ``spans`` (character ranges).

    A pronoun ("Russia said *it* had expelled ...") is credited when the name it was resolved
    to shares a word (of three letters or more, a plural's stem included) with a span's words.
    """
    for a in actors:
        if a.start is None or a.end is None:
            continue
        if any(a.start < end and start < a.end for start, end in spans):
            return True
        if a.text.lower() in _REFERRING and text:
            named = _stems(a.name)
            if any(named & _stems(text[start:end]) for start, end in spans):
                return True
    return False


class NgecTask(_SingleLabel):
    """NGEC synthetic stories: 16-way PLOVER type of the main event."""

    name, set_name, prefix = "plover", "ngec_synthetic_plover", "ngec"
    use = "training allowed (MIT); synthetic pseudo-labels: a smoke test, not an accuracy figure"
    labels = (*EVENT_TYPES, NONE)
    types = None
    macro_labels = EVENT_TYPES


def _police_act(ev: Event) -> bool:
    """IndiaPoliceEvents labels what police did: a police act that happened.

    An agentless arrest ("81 workers were taken into custody") is police work; an agentless
    killing ("65 people were killed") is not necessarily, so ASSAULT needs police named.
    """
    police = any(a.sector == "COP" for a in ev.source)
    by_police = police or (not ev.source and ev.event_type == "COERCE" and ev.mode == "arrest")
    happened = ev.polarity == "positive" and ev.modality in ("asserted", "alleged")
    return by_police and happened


class IpeTask(Task):
    """IndiaPoliceEvents sentences: ASSAULT and COERCE detection, coded a document at a time."""

    name, set_name, prefix = "detect", "indiapoliceevents_sents", "ipe"
    labels = ("none", "ASSAULT", "COERCE", "ASSAULT+COERCE")

    @staticmethod
    def _doc_label(doc_items: list[GoldItem]) -> str:
        return ipe_label(frozenset().union(*(it.extra["labels"] for it in doc_items)))

    def select(self, items, sample, seed):
        chosen = stratified_group_sample(items, sample, group=lambda it: it.extra["doc_id"],
                                         stratum=self._doc_label, seed=seed)
        notes = []
        if len(chosen) < len(items):
            n_docs = len({it.extra["doc_id"] for it in chosen})
            notes.append(f"sampled whole documents: {n_docs} docs, {len(chosen)} of {len(items)} "
                         "sentences (stratified by the labels a document holds)")
        return chosen, notes

    def units(self, items):
        docs: dict[object, list[GoldItem]] = {}
        for it in items:
            docs.setdefault(it.extra["doc_id"], []).append(it)
        units = []
        for doc_id, sents in docs.items():
            sents = sorted(sents, key=lambda it: (it.extra.get("sent_id") is None,
                                                  it.extra.get("sent_id") or 0))
            spans, pos = [], 0
            for it in sents:
                spans.append((pos, pos + len(it.text)))
                pos += len(it.text) + 2
            text = "\n\n".join(it.text for it in sents)
            art = Article(id=f"ipe-doc-{doc_id}", text=text, published=sents[0].published)
            units.append(Unit(art, [it.id for it in sents], spans))
        return units

    def score(self, items, events):
        per: dict[str, ClassScore] = {}
        figures: dict[str, float] = {}
        detected = {it.id: {ev.event_type for ev in events.get(it.id, []) if _police_act(ev)}
                    & set(IPE_LABELS) for it in items}
        for label in IPE_LABELS:
            s = binary_score([label in it.extra["labels"] for it in items],
                             [label in detected[it.id] for it in items])
            per[label] = s
            figures[f"ipe.{label.lower()}_f1"] = s.f1
        gold = [ipe_label(it.extra["labels"]) for it in items]
        pred = [ipe_label(detected[it.id]) for it in items]
        errs = []
        for it, g, p in zip(items, gold, pred, strict=True):
            if g != p:
                relevant = [ev for ev in events.get(it.id, []) if ev.event_type in IPE_LABELS]
                conf = max((ev.confidence for ev in relevant), default=0.0)
                errs.append(ErrorExample(it.id, g, p, conf, excerpt(it.text)))
        return Scored(figures=figures, figure_n=dict.fromkeys(figures, len(items)),
                      labels=list(self.labels), per_class=per,
                      confusion=confusion_matrix(gold, pred, self.labels),
                      worst_errors=worst_errors(errs))


TASKS: dict[str, Task] = {t.set_name: t for t in (AcledTask(), CaseTask(), ConflibertTask(),
                                                  NgecTask(), IpeTask())}
TASK_NAMES: dict[str, str] = {t.name: t.set_name for t in TASKS.values()}


def resolve_task(task: str | None, fmt: str | None) -> Task:
    """The task for a task name ("event", "quad", ...), a set name, or a detected format."""
    from wardrums.errors import InputError

    if task is None:
        if fmt is None or fmt not in TASKS:
            raise InputError(f"no evaluation task for gold format {fmt!r}")
        return TASKS[fmt]
    key = TASK_NAMES.get(task, task)
    if key not in TASKS:
        names = ", ".join(f"{n} ({s})" for n, s in TASK_NAMES.items())
        raise InputError(f"unknown evaluation task {task!r}; choose one of: {names}")
    return TASKS[key]
