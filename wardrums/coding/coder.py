"""The coder: one article in, its events out. A pure function of the article and the model.

Stages, in order, and why:
1. split sentences on the raw text (offsets stay true to the input; boilerplate is skipped);
2. prefilter: tokenise cheaply and keep for parsing only sentences that hold a trigger word
   or a title that introduces a person — a sentence with neither cannot hold an event, and
   skipping its parse is where the speed comes from;
3. find the article's focus country from every sentence's gazetteer mentions (an unnamed
   "police" in a Kenyan story are Kenyan police);
4. parse the kept sentences in one ``nlp.pipe`` batch, then read them in article order so that
   people introduced early ("Russian Foreign Minister Sergei Lavrov") resolve later ("Lavrov");
5. per trigger: arguments → actors, modality/polarity/attribution, date, place, confidence.
"""

from __future__ import annotations

import collections
import functools
import re
from collections.abc import Iterable, Iterator

from wardrums.coding import actors as actor_mod
from wardrums.coding import dates as date_mod
from wardrums.coding.actors import ArticleContext, SentenceView
from wardrums.coding.gazetteer import gazetteer
from wardrums.coding.modality import assess
from wardrums.coding.places import locate
from wardrums.coding.triggers import TriggerMatch, find_triggers
from wardrums.data import knowledge, lexicon
from wardrums.nlp import load_nlp, model_signature, split_sentences
from wardrums.nlp.sentences import SentenceSpan
from wardrums.records import Actor, Article, Event, Evidence, make_event_id

CODER_NAME = "wardrums-rules/0.1"
_WORD = re.compile(r"[a-z][a-z'-]*")


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in knowledge.titles() for w in t.lower().split())


@functools.cache
def coder_signature() -> str:
    return f"{CODER_NAME}+{model_signature()}"


def _is_lowercase_text(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) < 0.01


def select_sentences(sentences: list[SentenceSpan]) -> list[bool]:
    """Stage 2: which sentences can hold an event (or introduce a titled person)."""
    forms = lexicon.trigger_surface_forms()
    titles = _title_words()
    keep = []
    for s in sentences:
        words = set(_WORD.findall(s.text.lower()))
        keep.append(bool(words & forms) or bool(words & titles))
    return keep


def _focus_country(nlp, sentences: list[SentenceSpan], lowercase: bool) -> str | None:
    gz = gazetteer()
    counts: collections.Counter[str] = collections.Counter()
    for n, s in enumerate(sentences):
        doc = nlp.make_doc(s.text)
        for m in gz.mentions(doc, lowercase=lowercase):
            e = m.best()
            if e.country and len(e.country) == 3 and e.kind != "igo":
                counts[e.country] += 3 if n < 2 else 1  # the dateline and lede say where
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def code_article(article: Article) -> list[Event]:
    """All events in ``article``, in text order. Deterministic: same article, same events."""
    return next(iter(code_articles([article])))[1]


def code_articles(articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[tuple[Article, list[Event]]]:
    """Code a stream of articles; yields each article with its events, in input order."""
    nlp = load_nlp()
    for article in articles:
        yield article, _code_one(nlp, article, batch_size)


def _code_one(nlp, article: Article, batch_size: int) -> list[Event]:
    text = article.text
    sentences = split_sentences(text, article.boilerplate)
    if not sentences:
        return []
    lowercase = _is_lowercase_text(text)
    ctx = ArticleContext(published=article.published, text=text, lowercase=lowercase)
    ctx.focus_country = _focus_country(nlp, sentences, lowercase)
    keep = select_sentences(sentences)
    chosen = [s for s, k in zip(sentences, keep, strict=True) if k]
    events: list[Event] = []
    gz = gazetteer()
    for sent, doc in zip(chosen, nlp.pipe([s.text for s in chosen], batch_size=batch_size),
                         strict=True):
        sv = SentenceView(doc=doc, offset=sent.start, mentions=gz.mentions(doc, lowercase=lowercase))
        _register_people(sv, ctx)
        sv.speaker = _root_speaker(sv, ctx)
        for match in find_triggers(doc):
            ev = _make_event(match, sent, sv, ctx, article)
            if ev is not None:
                events.append(ev)
    return _dedupe(events)


def _register_people(sv: SentenceView, ctx: ArticleContext) -> None:
    """Resolve every PERSON so that titles seen here serve later bare surnames."""
    for ent in sv.doc.ents:
        if ent.label_ == "PERSON":
            actor_mod.resolve(ent.root, sv, ctx)


def _root_speaker(sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    from wardrums.coding.modality import _cue_sets

    root = next(iter(sv.doc.sents)).root
    if root.lemma_.lower() not in _cue_sets()["report"]:
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    found = actor_mod.resolve(subj[0], sv, ctx)
    return found[0] if found else None


def _arguments(heads, sv: SentenceView, ctx: ArticleContext) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for h in heads:
        for a in actor_mod.resolve(h, sv, ctx):
            if a not in out:
                out.append(a)
    return tuple(out)


def _make_event(match: TriggerMatch, sent: SentenceSpan, sv: SentenceView, ctx: ArticleContext,
                article: Article) -> Event | None:
    entry = match.entry
    source = _arguments(match.sources, sv, ctx)
    target = _arguments(match.targets, sv, ctx)
    if not source and not target:
        return None
    if source and target and {(a.country, a.sector) for a in source} == {(a.country, a.sector) for a in target} \
            and {a.name for a in source} == {a.name for a in target}:
        target = ()  # "X and Y clashed" parsed as X against X: keep the side we know
    a = assess(match.token)
    attributed = None
    if a.speaker_head is not None:
        spk = actor_mod.resolve(a.speaker_head, sv, ctx)
        attributed = spk[0].name if spk else " ".join(t.text for t in actor_mod.np_tokens(a.speaker_head))
    elif a.speaker_text:
        attributed = a.speaker_text
    tok = match.token
    near = tok.idx
    resolved = date_mod.resolve_event_date(sent.text, article.published, tense=a.tense, near=near)
    cat = lexicon.plover()[entry.category]
    mode = next((m for m in cat.modes if m.mode == entry.mode), None)
    cameo = (mode.cameo if mode and mode.cameo else None) or cat.cameo_root
    intensity = entry.intensity if entry.intensity is not None else (
        mode.intensity if mode and mode.intensity is not None else cat.intensity)
    trig_start = sent.start + tok.idx
    evidence = Evidence(sentence=sent.text, start=sent.start, end=sent.end, trigger=tok.text,
                        trigger_start=trig_start, trigger_end=trig_start + len(tok.text))
    conf = _confidence(match, source, target, ctx)
    return Event(
        event_id=make_event_id(article.id, entry.category, trig_start, sent.start, source, target),
        article_id=article.id,
        event_type=entry.category,
        mode=entry.mode,
        cameo_root=str(cameo)[:2].zfill(2),
        quad_class=cat.quad_class,
        intensity=float(intensity),
        source=source,
        target=target,
        date=resolved.date,
        date_precision=resolved.precision,
        date_text=resolved.text,
        location=locate(match.token, sv, ctx),
        modality=a.modality,
        polarity=a.polarity,
        attributed_to=attributed,
        evidence=evidence,
        confidence=conf,
        coder=coder_signature(),
    )


def _confidence(match: TriggerMatch, source, target, ctx: ArticleContext) -> float:
    """A first, uncalibrated score: how much of the event the parse actually pinned down."""
    score = 0.45
    if source and source[0].country:
        score += 0.15
    if target and target[0].country:
        score += 0.15
    if match.specificity:
        score += 0.1
    if match.entry.pos == "NOUN":
        score -= 0.1
    if any(a.country == ctx.focus_country and a.name == a.name.lower() for a in (*source, *target)):
        score -= 0.05  # country inferred from the article, not named
    return round(min(max(score, 0.05), 0.95), 3)


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, type, source, target, modality, polarity): keep the most confident."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for ev in events:
        key = (ev.evidence.start, ev.event_type,
               tuple((a.country, a.sector) for a in ev.source),
               tuple((a.country, a.sector) for a in ev.target), ev.modality, ev.polarity)
        if key not in best:
            order.append(key)
            best[key] = ev
        elif ev.confidence > best[key].confidence:
            best[key] = ev
    return [best[k] for k in order]
