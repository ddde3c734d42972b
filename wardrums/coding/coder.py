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
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from wardrums.coding import actors as actor_mod
from wardrums.coding import dates as date_mod
from wardrums.coding import hybrid, protests
from wardrums.coding.actors import ArticleContext, SentenceView
from wardrums.coding.demands import find_reported_demands
from wardrums.coding.gazetteer import gazetteer
from wardrums.coding.mend import mend_persona_non_grata, mend_split_demonyms
from wardrums.coding.modality import (
    WEIGH_VERBS,
    assess,
    governs_complement,
    report_verbs,
    taken,
    to_infinitive,
)
from wardrums.coding.places import (
    located_in_article,
    located_in_clause,
    located_in_sentence,
    place_named,
)
from wardrums.coding.threats import (
    find_answers_to_any,
    find_conditional_threats,
    find_force_kept_open,
    find_promised_penalties,
)
from wardrums.coding.triggers import (
    BORDERS,
    TriggerMatch,
    content_head,
    find_triggers,
    harm_by_hazard,
    not_the_subjects_act,
    prep_objects,
    statement_topics,
    subject_heads,
    verb_phrases,
)
from wardrums.data import knowledge, lexicon
from wardrums.data.outlets import outlet_country
from wardrums.nlp import load_nlp, model_signature, split_sentences
from wardrums.nlp.sentences import SentenceSpan, after_prefixes
from wardrums.records import Actor, Article, Event, Evidence, Location, make_event_id

CODER_NAME = "wardrums-rules/0.1"
# A date named earlier in the article carries over to undated sentences only when it is this
# recent: the running story. Older dates ("since the invasion began on Feb. 24") are background.
RUNNING_DATE_DAYS = 7
# Categories where "X and Y <verb>" means X with Y: the first conjunct is the source.
_RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT"}
# Cooperative acts whose explicit refusal is a REJECT.
_COMMITMENTS = {"AGREE", "SUPPORT", "COOPERATE", "CONCEDE"}
_WORD = re.compile(r"[a-z][a-z'-]*")
# Acts that only law enforcement performs: an agentless "were taken into custody", "arrests
# were made", "tear gas shells were lobbed to disperse the crowd" has the police as its doer.
_POLICE_ONLY_LEMMAS = {"arrest", "detain", "nab", "apprehend", "round", "pick", "hold", "take",
                       "catch", "place", "put", "lock", "book", "custody", "detention"}
_POLICE_ONLY_MODES = {"crowd-control"}
# Destruction and plunder that no authority carries out: unnamed, the doer is unidentified.
_ARSON_LEMMAS = {"burn", "torch", "set", "loot", "ransack", "vandalize", "vandalise", "arson",
                 "plunder", "pillage"}
# Protest modes that are a crowd's act (a boycott or a strike call can be one person's).
_CROWD_MODES = {"demonstrate", "riot", "obstruct"}
# Modes of law-and-order work: state security forces doing them act as police.
_LAW_AND_ORDER_MODES = {"crowd-control", "arrest", "repress"}
# Sectors of an unarmed domestic crowd (a mob, protesters, party workers, students).
_CROWD_SECTORS = {"CVL", "LAB", "EDU", "OPP", "PTY", "NGO", "REL", "MED", "BUS"}
_GENERIC_SECURITY = re.compile(r"\b(?:security|forces?|personnel|jawans?)\b", re.IGNORECASE)
_NAMED_MILITARY = re.compile(r"\b(?:army|military|troops?|soldiers?|navy|naval|air\s+force|"
                             r"marines?|artillery|defen[cs]e)\b", re.IGNORECASE)


@functools.cache
def _title_pattern() -> re.Pattern[str]:
    """A title followed by a capitalised word ("President Xi", "Foreign Minister Lavrov")."""
    titles = sorted({t.lower() for t in knowledge.titles()}, key=len, reverse=True)
    alts = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"\b(?i:{alts})\s+[A-Z][a-z]")


@functools.cache
def coder_signature(use_classifier: bool = True) -> str:
    """Coder, spaCy model and (when used) classifier versions, stamped on every event."""
    base = f"{CODER_NAME}+{model_signature()}"
    clf = hybrid.classifier() if use_classifier else None
    return f"{base}+{clf.signature}" if clf is not None else f"{base}+rules-only"


def _is_lowercase_text(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) < 0.01


@dataclass(frozen=True)
class PrefilterForms:
    """Word forms that make a sentence worth parsing (see :func:`prefilter_forms`)."""

    strong: frozenset[str]  # a form that can trigger on its own
    needs: dict[str, frozenset[str]]  # a form that triggers only beside one of these words

    def admits(self, words: set[str]) -> bool:
        if not words.isdisjoint(self.strong):
            return True
        return any(not self.needs[w].isdisjoint(words) for w in words if w in self.needs)


@functools.cache
def prefilter_forms() -> PrefilterForms:
    """Word forms that make a sentence worth parsing.

    A lemma whose every entry needs an object or a compound ("*take* custody", "sit-*in*",
    "*issue* a warning") cannot trigger alone: its forms count only beside one of those
    words. Every other form the lexicon can realise counts alone, so the test stays a
    superset of what the matcher can fire on.
    """
    bare: set[str] = set()
    needs: dict[str, set[str]] = {}
    for trig in lexicon.triggers():
        if trig.object is None and trig.compound is None:
            bare.add(trig.lemma)
        else:
            items = (*(trig.object or ()), *(trig.compound or ()))
            words = {w for item in items if not item.startswith("=")
                     for w in lexicon.inflections(item.split()[-1]) | {item.split()[-1]}}
            words |= {w for item in items if item.startswith("=")
                      for w in _name_words(item[1:])}
            needs.setdefault(trig.lemma, set()).update(words)
    strong: set[str] = set()
    weak: dict[str, set[str]] = {}
    for form in lexicon.trigger_surface_forms():
        lemmas = lexicon.lemmas_for_surface(form) or {form}
        if lemmas & bare:
            strong.add(form)
        else:
            for lemma in lemmas:
                weak.setdefault(form, set()).update(needs.get(lemma, ()))
    return PrefilterForms(strong=frozenset(strong),
                          needs={f: frozenset(w) for f, w in weak.items()})


def _name_words(sector: str) -> set[str]:
    """Last words of the names of the bodies ``sector`` holds ("=MED" items: "bbc",
    "america"), or of the countries ("=STATE"); the matcher reads a name by its head, which
    comes last."""
    if sector == lexicon.STATE:
        return {words[-1] for c in knowledge.countries() for name in (c.name, *c.aliases)
                for words in [_WORD.findall(name.lower())] if words}
    bodies = [*knowledge.institutions(), *knowledge.igos()]
    return {words[-1] for b in bodies if b.sector == sector for name in (b.name, *b.aliases)
            for words in [_WORD.findall(name.lower())] if words}


# Month names next to a day or a date preposition are dates, not protest marches or modals.
_MONTH_DATE = re.compile(
    r"\b(?:(?:in|on|since|until|till|by|from|early|late|mid|last|next|this)[\s-]+(?:march|may)\b"
    r"|(?:march|may)\s+\d|\d+(?:st|nd|rd|th)?\s+(?:of\s+)?(?:march|may)\b)",
    re.IGNORECASE,
)


# A reported obligation ("X said Y must ...") is a demand with no trigger word of its own.
_OBLIGATION = re.compile(r"\b(?:must|should|needs? to|ha(?:s|ve) to)\b", re.IGNORECASE)
# Nor a penalty promised (see threats.find_promised_penalties): "will pay a heavy price".
_PENALTY = re.compile(r"\bpay\b[^.]{0,30}?\b(?:price|cost)\b|\bpay\s+dearly\b", re.IGNORECASE)
# An order to leave (see _ordered_out) has none either.
_ORDER_TO_LEAVE = re.compile(
    r"\b(?:order(?:s|ed|ing)?|tell(?:s|ing)?|told|instruct(?:s|ed|ing)?|direct(?:s|ed|ing)?)\b"
    r"[^.]{0,120}?\bto\s+(?:leave|withdraw|quit|depart|exit)\b", re.IGNORECASE)


def select_sentences(sentences: list[SentenceSpan]) -> list[bool]:
    """Stage 2: which sentences can hold an event (or introduce a titled person)."""
    forms = prefilter_forms()
    titled = _title_pattern()
    keep = []
    for s in sentences:
        words = set(_WORD.findall(_MONTH_DATE.sub(" ", s.text).lower()))
        words |= {part for w in words if "-" in w for part in w.split("-") if part}  # cyber-attacks
        keep.append(forms.admits(words) or bool(titled.search(s.text))
                    or bool(_OBLIGATION.search(s.text)) or bool(_ORDER_TO_LEAVE.search(s.text))
                    or bool(_PENALTY.search(s.text)))
    return keep


# The outlet's country (wardrums.data.outlets) counts this much: below the least mention in
# the text (a person or body outside the lede, 1/3), so it decides only an article that names
# no country or ties with it. 0.25, 0.5 and 1 score alike on ACLED dev; 2 would outvote a place.
OUTLET_WEIGHT = 0.25


def _focus_country(nlp, sentences: list[SentenceSpan], lowercase: bool,
                   outlet: str | None = None) -> str | None:
    """Stage 3: the country the article is about (see :func:`_focus`)."""
    return _focus(nlp, sentences, lowercase, outlet)[0]


def _focus(nlp, sentences: list[SentenceSpan], lowercase: bool,
           outlet: str | None = None) -> tuple[str | None, bool]:
    # Gazetteer mentions count most (countries, capitals, demonyms, places.csv); named
    # institutions and people say less about *where* ("Congress", "Obama" in an Indian
    # story), so they count a third. Towns and provinces found by wardrums.coding.geo
    # outside those mentions count too, resolved towards the countries already named.
    # ``outlet``, the publishing outlet's country, is a weak prior (OUTLET_WEIGHT); the
    # second value says the text gave no lead, so the focus is that prior alone.
    from wardrums.coding import geo

    gz = gazetteer()
    counts: collections.Counter[str] = collections.Counter()
    covered: list[list[tuple[int, int]]] = []
    shared: list[tuple[list[str], float]] = []  # a name two countries have ("Punjab")
    for n, s in enumerate(sentences):
        doc = nlp.make_doc(s.text)
        spans: list[tuple[int, int]] = []
        for m in gz.mentions(doc, lowercase=lowercase):
            last = doc[m.end - 1]
            spans.append((doc[m.start].idx, last.idx + len(last.text)))
            e = m.best()
            if _says_nothing_of_where(doc, m, e):
                continue
            if e.country and len(e.country) == 3 and e.kind != "igo":
                weight = 3 if n < 2 else 1  # the dateline and lede say where
                if e.kind in ("institution", "person"):
                    weight /= 3
                alike = list(dict.fromkeys(x.country for x in m.entries
                                           if x.kind == e.kind and x.country))
                if len(alike) > 1:
                    shared.append((alike, weight))
                else:
                    counts[e.country] += weight
        covered.append(spans)
    known = tuple(dict.fromkeys([*counts, *(c for alike, _ in shared for c in alike)]))
    for n, (s, spans) in enumerate(zip(sentences, covered, strict=True)):
        # with no country named, the outlet's country settles a shared town name ("Hyderabad")
        prefer = known or ((outlet,) if outlet else ())
        for start, end, place in geo.find_places(s.text, lowercase=lowercase, prefer=prefer):
            if place.country_iso3 and not any(a < end and start < b for a, b in spans):
                counts[place.country_iso3] += 2 if n < 2 else 1
    cues = _country_cues()
    for s in sentences:
        for m in cues.pattern.finditer(s.text):
            counts[cues.country[_cue_key(m.group())]] += 1
    prior_only = bool(outlet) and not counts and not shared
    if outlet:
        counts[outlet] += OUTLET_WEIGHT
    # A name two countries share ("Congress", "Punjab") goes to the one the rest of the
    # article (names, places and cues) points to; with no lead, to the first listed.
    for alike, weight in shared:
        top = max(counts[c] for c in alike)
        leaders = [c for c in alike if counts[c] == top]
        counts[leaders[0] if top > 0 and len(leaders) == 1 else alike[0]] += weight
    if not counts:
        return None, False
    return counts.most_common(1)[0][0], prior_only


# Nouns a demonym before them marks as owned or sent by that country, not as where the story
# is: "employees at a South Korean firm" strike in Cambodia, "the Chinese embassy" in Delhi.
_OWNED_NOUNS = frozenset(
    "firm firms company companies embassy embassies consulate consulates factory factories "
    "investor investors contractor contractors multinational multinationals mission "
    "owned run funded brand brands".split())
# Last words of an organisation's name: a place name at its start ("Juba League", "Dhaka
# Students Union") is part of the name, not a mention of the place.
_NAME_ENDS = frozenset(
    "league union party front association federation forum movement alliance council "
    "committee society club sangh samiti morcha parishad".split())


def _says_nothing_of_where(doc, m, e) -> bool:
    """Whether gazetteer mention ``m`` (best entry ``e``) says nothing of where the story is.

    1. A demonym before a noun of ownership ("South Korean firm", "Chinese-owned",
       "the Chinese embassy") names the owner or sender, who is abroad.
    2. A capital or place opening a capitalised name that ends in an organisation word
       ("Juba League" in a Bangladeshi report) is a word of the name.
    """
    if e.kind == "demonym":
        j = m.end
        if j < len(doc) and doc[j].text == "-":
            j += 1
        return j < len(doc) and doc[j].lower_ in _OWNED_NOUNS
    if e.kind in ("capital", "place"):
        j = m.end
        while j < len(doc) and j < m.end + 4 and doc[j].text[:1].isupper():
            if doc[j].lower_ in _NAME_ENDS:
                return True
            j += 1
    return False


@dataclass(frozen=True)
class _Cues:
    pattern: re.Pattern[str]
    country: dict[str, str]  # folded cue → ISO3


def _cue_key(text: str) -> str:
    return " ".join(re.split(r"[\s-]+", text.lower()))


@functools.cache
def _country_cues() -> _Cues:
    """Single-country words of ``data/country_cues.yaml`` as one regex (see its header)."""
    import importlib.resources

    import yaml

    raw = yaml.safe_load(importlib.resources.files("wardrums.data").joinpath(
        "country_cues.yaml").read_text(encoding="utf-8"))
    country: dict[str, str] = {}
    for iso3, words in raw.items():
        for w in words:
            key = _cue_key(w)
            if key in country and country[key] != iso3:
                raise ValueError(f"country_cues.yaml: {w!r} is listed for two countries")
            country[key] = iso3
    alts = "|".join(r"[\s-]+".join(re.escape(p) for p in k.split())
                    for k in sorted(country, key=len, reverse=True))
    return _Cues(re.compile(rf"\b(?:{alts})\b", re.IGNORECASE), country)


def code_article(article: Article) -> list[Event]:
    """All events in ``article``, in text order. Deterministic: same article, same events."""
    return next(iter(code_articles([article])))[1]


@dataclass
class _Prepared:
    article: Article
    ctx: ArticleContext
    chosen: list[SentenceSpan]


def _prepare(nlp, article: Article, use_classifier: bool = True) -> _Prepared:
    """Stages 1–3 for one article: sentences, prefilter, focus country."""
    text = article.text
    # a dateline that opens the lead still says where the story is, but is not parsed
    where = split_sentences(text, article.boilerplate, keep_prefixes=True)
    sentences = after_prefixes(text, where, article.boilerplate)
    lowercase = _is_lowercase_text(text)
    ctx = ArticleContext(published=article.published, text=text, lowercase=lowercase,
                         use_classifier=use_classifier,
                         discourse=date_mod.DiscourseDates(text, article.published))
    outlet = outlet_country(article.source, article.url)
    ctx.focus_country, ctx.focus_is_prior = _focus(nlp, where, lowercase, outlet)
    keep = select_sentences(sentences)
    return _Prepared(article=article, ctx=ctx,
                     chosen=[s for s, k in zip(sentences, keep, strict=True) if k])


def code_articles(articles: Iterable[Article], *, batch_size: int = 256, chunk: int = 64,
                  n_process: int = 1, use_classifier: bool = True,
                  on_error: Callable[[Article, Exception], None] | None = None,
                  ) -> Iterator[tuple[Article, list[Event]]]:
    """Code a stream of articles; yields each article with its events, in input order.

    Articles are taken ``chunk`` at a time so that their kept sentences go through the
    parser in one ``nlp.pipe`` call (``n_process`` > 1 parses on several cores). An article
    whose coding fails is passed to ``on_error`` and skipped; without ``on_error`` the
    exception propagates.
    """
    nlp = load_nlp()
    gz = gazetteer()
    it = iter(articles)
    while True:
        batch = list(itertools.islice(it, chunk))
        if not batch:
            return
        prepared: list[_Prepared | None] = []
        for article in batch:
            try:
                prepared.append(_prepare(nlp, article, use_classifier))
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(article, exc)
                prepared.append(None)
        joined = [(_joined_doc(nlp, p.chosen), i) for i, p in enumerate(prepared)
                  if p is not None and p.chosen]
        docs: list[list] = [[] for _ in prepared]
        procs = n_process if len(joined) >= 16 else 1
        for (doc, bounds), i in ((d, i) for d, i in _parse(nlp, joined, batch_size, procs)):
            docs[i] = [doc[a:b].as_doc() for a, b in bounds]
        for p, pdocs in zip(prepared, docs, strict=True):
            if p is None:
                continue
            try:
                events = _read(p, pdocs, gz, use_classifier)
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(p.article, exc)
                continue
            yield p.article, events


def _joined_doc(nlp, chosen: list[SentenceSpan]):
    """One Doc of an article's kept sentences, with their boundaries fixed for the parser.

    Parsing one document per article instead of one per sentence saves spaCy's per-document
    overhead; the parser respects the preset boundaries, so sentence k of the parse is
    ``chosen[k]``. Returns the unparsed Doc and the token range of each sentence.
    """
    doc = nlp.make_doc(" ".join(s.text for s in chosen))
    starts: list[int] = []
    pos = 0
    for s in chosen:
        starts.append(pos)
        pos += len(s.text) + 1
    bounds: list[tuple[int, int]] = []
    start_set = set(starts)
    cur = None
    for tok in doc:
        is_start = tok.idx in start_set
        tok.is_sent_start = is_start
        if is_start:
            if cur is not None:
                bounds.append((cur, tok.i))
            cur = tok.i
    if cur is not None:
        bounds.append((cur, len(doc)))
    if len(bounds) != len(chosen):  # a sentence start fell inside a token: never expected
        raise ValueError("sentence boundaries do not align with tokens")
    return doc, bounds


def _in_a_known_name(tok, sv: SentenceView) -> bool:
    """A word of a body's or a person's name the knowledge files list ("the Shanghai
    *Cooperation* Organisation", "the Popular *Mobilization* Forces", "*Ban* Ki-moon") is no
    act."""
    m = sv.mention_at(tok.i)
    return m is not None and m.end - m.start > 1 \
        and any(e.kind in ("institution", "igo", "person") for e in m.entries)


def _parse(nlp, joined: list, batch_size: int, n_process: int):
    docs = [d for (d, _), _ in joined]
    parsed = nlp.pipe(docs, batch_size=max(1, batch_size // 16), n_process=n_process)
    for doc, ((_, bounds), i) in zip(parsed, joined, strict=True):
        yield (doc, bounds), i


def _read(p: _Prepared, docs: list, gz, use_classifier: bool = True) -> list[Event]:
    """Stages 4–5: read the parsed sentences in article order and make events.

    The classifier (stage 5b) is asked only about sentences where it can change something:
    those the rules found nothing in, and those where the rules disagree on the category.
    Embedding every sentence would triple the coding time for no gain where the rules agree.
    """
    per_sentence: list[tuple[SentenceSpan, object, SentenceView, list[Event]]] = []
    # per sentence, the categories of triggers the rules read as acts that are not its
    # subject's ("after the attack", "responded to the sanctions", "the attack" told again):
    # the classifier must not add them back with that subject as their doer
    declined: list[set[str]] = []
    for sent, doc in zip(p.chosen, docs, strict=True):
        mentions = gz.mentions(doc, lowercase=p.ctx.lowercase)
        mend_split_demonyms(doc, mentions)
        mend_persona_non_grata(doc)
        sv = SentenceView(doc=doc, offset=sent.start, mentions=mentions)
        _register_people(sv, p.ctx)
        actor_mod.note_bodies(sv, p.ctx)
        sv.speaker = _root_speaker(sv, p.ctx)
        matches = [m for m in find_triggers(doc) if not _in_a_known_name(m.token, sv)]
        made, outside = [], set()
        for m in matches:
            if _told_again(m, p.ctx):
                made.append((m, None))
                outside.add(m.entry.category)
                continue
            ev = _make_event(m, sent, sv, p.ctx, p.article)
            if ev is not None and _arms_to_a_border(m):
                ev = _recoded(ev, "MOBILIZE", "troops")
            made.append((m, ev))
            if ev is None and not_the_subjects_act(m.token):
                outside.add(m.entry.category)
        here = _vows_of_conflict(_aimed_as_the_act([(m, ev) for m, ev in made if ev is not None]),
                                 sv, p.ctx)
        threats = find_conditional_threats(doc, matches, sv, p.ctx) + \
            find_force_kept_open(doc, sv, p.ctx) + find_answers_to_any(doc, sv, p.ctx) + \
            find_promised_penalties(doc, sv, p.ctx)
        if threats:  # "it will pay a heavy price" is the threat the conditional already is
            told = {sent.start + doc[i].idx for t in threats for i in t.consequent}
            here = [ev for ev in here
                    if not (ev.event_type == "THREATEN" and ev.evidence.trigger_start in told)]
        here.extend(_threat_events(threats, sent, sv, p.ctx, p.article))
        here.extend(_demand_events(find_reported_demands(doc, sv, p.ctx), sent, sv, p.ctx,
                                   p.article))
        expelled = _ordered_out(sent, sv, p.ctx, p.article)
        if expelled:  # the expulsion is the news; the leaving ordered is no withdrawal
            ordered = _leaving_ordered({e.evidence.trigger_start for e in expelled}, sent, doc)
            here = [ev for ev in here if not (ev.event_type == "RETREAT"
                                              and ev.evidence.trigger_start in ordered)]
        here.extend(expelled)
        here = _not_the_envoys(here, p.ctx)
        per_sentence.append((sent, doc, sv, here))
        declined.append(outside)
        p.ctx.mishap = p.ctx.mishap or _sentence_mishap(sv)
    if use_classifier:
        ask = [k for k, (_, _, _, here) in enumerate(per_sentence)
               if len({ev.event_type for ev in here}) != 1]
        probs = hybrid.probabilities([per_sentence[k][0].text for k in ask])
        if probs is not None:
            for k, prob in zip(ask, probs, strict=True):
                sent, doc, sv, here = per_sentence[k]
                per_sentence[k] = (sent, doc, sv, _with_classifier(here, prob, sent, doc, sv, p,
                                                                     declined[k]))
    events = []
    for sent, doc, sv, here in per_sentence:
        at = _tokens_at(sent, doc)
        events.extend(_freed_from(_protests_heard(here, at, sent, sv, p), at))
    return _the_other_side(_dedupe(_crowd_readings(events, p.ctx)))


# Acts that are always aimed at someone: with no target told in a story between two states,
# they are aimed at the other one. Not acts a state does at home (curfews, arrests, rallies),
# nor visits and meetings (a minister visits her own troops), nor a weapon tested (a show of
# strength to all).
_AIMED_ACTS = {"ASSAULT", "MOBILIZE", "RETREAT", "REJECT", "THREATEN", "ACCUSE", "SANCTION"}
_AIMED_AT_NO_ONE = {"weapons"}


def _the_other_side(events: list[Event]) -> list[Event]:
    """In a story between two states, a state's act aimed at no one it names is aimed at the
    other: in a story of a border stand-off, "Chinese troops pulled back a kilometre" is a
    retreat before India; in one of a war, "Russian forces held their fire" one towards
    Ukraine. A story is between two states when its events' state sides (governments and
    forces) are two countries, each a side of two events or more, and any other country is
    a side of at most one. The target is implied (no words, no offsets): the sentence only
    shows the act."""
    sides = collections.Counter(
        c for ev in events
        for c in {a.country for a in (*ev.source, *ev.target)
                  if a.country and a.sector in _STATE_SECTORS and a.text})
    if len(sides) < 2:
        return events
    (first, _), (second, n) = sides.most_common(2)
    if n < 2 or any(k > 1 for c, k in sides.items() if c not in (first, second)):
        return events
    out = []
    for ev in events:
        doers = {a.country for a in ev.source}
        if ev.event_type in _AIMED_ACTS and ev.mode not in _AIMED_AT_NO_ONE \
                and not ev.target and len(doers) == 1 \
                and doers <= {first, second} \
                and all(a.sector in _STATE_SECTORS for a in ev.source):
            other = second if doers == {first} else first
            ev = _with_sides(ev, target=(_country_aimed_at(other),))
        out.append(ev)
    return out


def _tokens_at(sent: SentenceSpan, doc) -> dict:
    """The sentence's tokens by their offset in the article, as events' triggers name them."""
    return {sent.start + t.idx: t for t in doc}


def _lowered(confidence: float, by: float) -> float:
    """``confidence`` less ``by``, never below 0.05."""
    return round(max(0.05, confidence - by), 3)


#: How far below the protest that voices it a demand ranks (see :mod:`protests`).
MESSAGE_YIELD = 0.05


def _happened(ev: Event) -> bool:
    return ev.polarity == "positive" and ev.modality in ("asserted", "alleged")


def _protests_heard(here: list[Event], at: dict, sent: SentenceSpan, sv: SentenceView,
                    p: _Prepared) -> list[Event]:
    """The protest is the sentence's news where it is told with what it says or with the
    force that met it. Run after the classifier has blended confidences, so the order holds.

    1. Force or arrests that fell on a crowd yield to a protest the sentence tells as
       going on ("police arrested 180 people *as supporters staged sit-ins*", "activists
       were detained *during protests*"); not to one it only names ("failed to contain
       *the riots*"), nor where the force fell on someone it names ("arrested the activist
       X for organising a protest" is news of its own).
    2. A demand, accusation or refusal a protest voices yields to the protest, and takes
       its doers where the parse gave it the protest itself ("a demonstration demanding");
       one that protesters voice with no protest coded implies theirs ("demonstrators
       gathered to urge ...").

    ``at`` maps offsets to the sentence's tokens (:func:`_tokens_at`).
    """
    held = sorted((ev for ev in here if ev.event_type == "PROTEST" and _happened(ev)
                   and ev.evidence.trigger_start in at), key=lambda e: -e.confidence)
    going_on = [ev for ev in held if protests.told_as_going_on(at[ev.evidence.trigger_start])]
    if going_on:
        ceiling = _below(going_on[0])
        here = [replace(ev, confidence=min(ev.confidence, ceiling))
                if _policing_force(ev) and _happened(ev)
                and all(a.sector in _CROWD_SECTORS for a in ev.target) else ev for ev in here]
    return _messages_heard(here, held, at, sent, sv, p)


def _below(protest: Event) -> float:
    """The confidence that ranks an act just below ``protest``."""
    return _lowered(protest.confidence, MESSAGE_YIELD)


def _messages_heard(here: list[Event], held: list[Event], at: dict, sent: SentenceSpan,
                    sv: SentenceView, p: _Prepared) -> list[Event]:
    """Point 2 of :func:`_protests_heard`; ``held`` are the sentence's protests that
    happened, most confident first, and ``at`` maps offsets to the sentence's tokens."""
    claims = [ev for ev in here if ev.event_type in protests.CLAIMS and _happened(ev)]
    if not claims:
        return here
    by_head: dict[int, Event] = {}
    for ev in held:
        for i in protests.protest_heads([at[ev.evidence.trigger_start]]):
            by_head.setdefault(i, ev)
    out, implied = list(here), []
    for claim in claims:
        tok = at.get(claim.evidence.trigger_start)
        if tok is None:
            continue
        anchor = protests.voiced_by(tok, set(by_head))
        protest = by_head[anchor.i] if anchor is not None else None
        if protest is None:
            crowd = protests.protesting_subject(tok)
            if crowd is None:
                continue
            protest = next(iter(held + implied), None)
            if protest is None:
                protest = _build("PROTEST", "demonstrate",
                                 lexicon.plover()["PROTEST"].coding("demonstrate"), crowd,
                                 claim.source, claim.target, claim.modality, claim.polarity,
                                 claim.attributed_to, assess(tok).tense, claim.confidence, sent,
                                 sv, p.ctx, p.article)
                implied.append(protest)
        source = claim.source
        if anchor is not None and protest.source and _names_the_token(source, anchor, sent):
            source = protest.source
        heard = replace(claim, confidence=min(claim.confidence, _below(protest)))
        if source != claim.source:
            heard = _with_sides(heard, source)
        out[out.index(claim)] = heard
    return out + implied


# What a release ends: arrests and captivity.
_CAPTIVITY = {("COERCE", "arrest"), ("ASSAULT", "abduct")}


def _freed_from(here: list[Event], at: dict) -> list[Event]:
    """An arrest or captivity told beside a release is, but for the sentence's own main
    verb, what the release ended: the release is the news ("Egypt released the journalist
    *after four years in detention*", "freed the blogger along with activists *arrested*
    last week"). "Police arrested five men and released two" keeps its arrest."""
    freed = [ev for ev in here if ev.mode == "release" and _happened(ev)]
    if not freed:
        return here
    ceiling = _below(max(freed, key=lambda e: e.confidence))
    return [replace(ev, confidence=min(ev.confidence, ceiling))
            if (ev.event_type, ev.mode) in _CAPTIVITY and ev.evidence.trigger_start in at
            and not _told_as_the_main_verb(at[ev.evidence.trigger_start]) else ev
            for ev in here]


def _told_as_the_main_verb(tok) -> bool:
    """The sentence's root verb, or a verb conjoined to it ("arrested five and released")."""
    return tok.pos_ in ("VERB", "AUX") and (tok.dep_ == "ROOT" or (
        tok.dep_ == "conj" and tok.head.dep_ == "ROOT"))


def _names_the_token(actors: tuple[Actor, ...], tok, sent: SentenceSpan) -> bool:
    """One of ``actors`` is named by words that include ``tok`` ("*a demonstration*")."""
    at = sent.start + tok.idx
    return any(a.start is not None and a.end is not None and a.start <= at < a.end
               for a in actors)


# Sectors of armed actors: a clash one of them takes part in is fighting, not a riot.
_ARMED_SECTORS = {"MIL", "REB", "UAF", "CRM", "SPY"}
_CLASH_WORDS = re.compile(r"^(?:clash|scuffl|skirmish|brawl|fight|melee|fracas)", re.IGNORECASE)
#: How much a crowd-control act (tear gas, baton charge) yields to the protest it answers.
CROWD_CONTROL_YIELD = 0.15


def _crowd_readings(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """What collective violence between unarmed groups is, and which act is the story.

    1. A clash whose known sides are crowds (protesters, party workers, villagers, a mob)
       and perhaps the police, with no armed force, is a riot (PROTEST, CAMEO 145), not an
       armed clash: "BJP and Congress workers clashed", "protesters clashed with police".
       Where the police are a side, their use of force stays coded too, as an ASSAULT by
       the police, ranked below the riot.
    2. Force used to control a crowd (tear gas, baton charge, water cannon), arrests and
       crackdowns answer the crowd's protest: when the article reports a protest that
       happened, they yield to it (and in a sentence that tells the protest as going on,
       :func:`_protests_heard` has already ranked them below it).
    """
    out: list[Event] = []
    for ev in events:
        out.extend(_riot_reading(ev))
    protest = any(ev.event_type == "PROTEST" and _happened(ev) for ev in out)
    if not protest:
        forced = sorted((ev for ev in out if _controls_a_crowd(ev, ctx)), key=lambda e: not e.target)
        if forced:  # the act that names the crowd says best who protested
            out.append(replace(_implied_protest(forced[0], ctx),
                               confidence=max(e.confidence for e in forced)))
            protest = True
    if protest:
        top: dict[int, float] = {}  # per sentence, its most confident protest that happened
        for ev in out:
            if ev.event_type == "PROTEST" and _happened(ev):
                top[ev.evidence.start] = max(ev.confidence, top.get(ev.evidence.start, 0.0))
        # (force already ranked below a protest of its own sentence has nothing to yield)
        out = [replace(ev, confidence=_lowered(ev.confidence, CROWD_CONTROL_YIELD))
               if _policing_force(ev) and ev.confidence >= top.get(ev.evidence.start, 0.0)
               else ev for ev in out]
    return out


def _policing_force(ev: Event) -> bool:
    """Tear gas, baton charges, arrests and crackdowns: the acts weighed against a protest."""
    return (ev.event_type == "ASSAULT" and ev.mode == "crowd-control") or (
        ev.event_type == "COERCE" and ev.mode in ("arrest", "repress"))


def _controls_a_crowd(ev: Event, ctx: ArticleContext) -> bool:
    """Tear gas, baton charges or a crackdown on a crowd that happened, by the country's own
    forces on its own people (not "Chinese coast guard vessels fired water cannon at its
    supply boat", nor, in a story about China, "at a *Philippine* supply boat")."""
    crowd_force = _policing_force(ev) and ev.mode != "arrest"  # (an arrest implies no crowd)
    return crowd_force and _happened(ev) \
        and all(a.sector in _CROWD_SECTORS | {None}
                and (a.country in (None, ctx.focus_country) or _the_place_aimed_at(a))
                for a in ev.target) \
        and all(a.country in (None, ctx.focus_country) for a in ev.source)


def _implied_protest(ev: Event, ctx: ArticleContext) -> Event:
    """Force used to disperse a crowd means the crowd had gathered: "police fired tear gas
    to disperse them" reports a demonstration (ACLED: protest with intervention) even where
    no protest word is used. The crowd is the force's target, or unnamed protesters."""
    crowd = ev.target or (Actor(text="", name="protesters", country=ctx.focus_country,
                                sector="CVL"),)
    return _recoded(ev, "PROTEST", "demonstrate", source=crowd, target=ev.source)


@dataclass(frozen=True)
class _CrowdWords:
    """Patterns over an actor's words: who is a protester, a mob, a rioter."""

    protesters: re.Pattern[str]  # protesters (word set "protesters") and workers on strike
    mob: re.Pattern[str]  # an unorganised crowd acting together: those, mobs, rioters
    # crowds and the politically mobilised, whose arson and vandalism is rioting ("party
    # supporters torched a bus"); an armed group's or an unknown assailant's is not
    rioters: re.Pattern[str]


@functools.cache
def _crowd_words() -> _CrowdWords:
    protesters = "|".join(f"{re.escape(w)}s?" for w in sorted(lexicon.word_set("protesters")))
    protesters += "|strikers?|striking"
    mob = rf"mobs?|crowds?|rioters?|{protesters}"
    rioters = (rf"{mob}|supporters?|activists?|cadres?|workers?|students?|villagers?|locals?|"
               r"residents?|youths?|picketers?")
    return _CrowdWords(*(re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
                         for words in (protesters, mob, rioters)))


def _riot_reading(ev: Event) -> list[Event]:
    if ev.event_type == "COERCE" and ev.mode == "destroy" and ev.source and all(
            a.sector in _CROWD_SECTORS | {None} and _crowd_words().rioters.search(a.text)
            for a in ev.source):
        return [_as_riot(ev)]
    if ev.event_type != "ASSAULT":
        return [ev]
    if ev.mode == "armed-clash" and _CLASH_WORDS.match(ev.evidence.trigger):
        return _clash_reading(ev)
    if ev.source and ev.mode != "crowd-control" and all(
            a.sector in _CROWD_SECTORS and _crowd_words().mob.search(a.text) for a in ev.source) \
            and not (_lethal(ev) and not any(_crowd_words().protesters.search(a.text)
                                             for a in ev.source)):
        # "rioters torched a bus", "a mob injured two policemen", "policemen were killed by
        # protesters": mob violence is a riot; a mob (not a protest) that lynches or beats
        # someone to death assaults them
        return [_as_riot(ev)]
    if ev.source and ev.mode in (None, "beat") and all(a.sector in _CROWD_SECTORS
                                                       for a in ev.source) \
            and _DURING_A_PROTEST.search(ev.evidence.sentence):
        # "a group of people armed with sticks attacked a policeman *during the march*":
        # violence by civilians in the course of a protest is the protest turned riot
        return [_as_riot(ev)]
    return [ev]


# Killing named in the trigger, or "to death" after it ("lynched", "beat him to death").
_KILLING_TRIGGER = re.compile(r"^(?:lynch|kill|murder|behead|slay|slain|slew|hack(?:ed)? to)",
                              re.IGNORECASE)
_TO_DEATH = re.compile(r"^\W*(?:\w+\W+){0,3}to death\b", re.IGNORECASE)


_NEARLY = re.compile(r"\b(?:nearly|almost|attempted to|tried to|trying to)\s+$", re.IGNORECASE)


def _lethal(ev: Event) -> bool:
    """The act killed someone: a lynching ("a mob lynched two youths", "beat to death"),
    not one that nearly did ("a mob *nearly* lynched four men")."""
    ev_ = ev.evidence
    if ev_.trigger_start is None or ev_.trigger_end is None:
        return False
    before = ev_.sentence[:ev_.trigger_start - ev_.start]
    after = ev_.sentence[ev_.trigger_end - ev_.start:]
    return not _NEARLY.search(before) and bool(
        _KILLING_TRIGGER.match(ev_.trigger) or _TO_DEATH.match(after))


# A protest as the setting of an act ("during the march", "at a rally", "amid protests").
_DURING_A_PROTEST = re.compile(
    r"\b(?:during|at|amid|in the course of)\s+(?:(?:the|a|an|their|his|her|its)\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:protests?|march(?:es)?|rall(?:y|ies)|demonstrations?|processions?|"
    r"bandhs?|hartals?|sit-ins?|agitations?)\b", re.IGNORECASE)


def _as_riot(ev: Event) -> Event:
    return _recoded(ev, "PROTEST", "riot")


def _recoded(ev: Event, category: str, mode: str, *, source: tuple[Actor, ...] | None = None,
             target: tuple[Actor, ...] | None = None) -> Event:
    """``ev`` read as another category and mode (and sides): its codes and id follow."""
    coding = lexicon.plover()[category].coding(mode)
    return _with_sides(ev, source, target, event_type=category, mode=mode,
                       cameo_root=coding.cameo_root, quad_class=coding.quad_class,
                       intensity=float(coding.intensity))


def _with_sides(ev: Event, source: tuple[Actor, ...] | None = None,
                target: tuple[Actor, ...] | None = None, **changes) -> Event:
    """``ev`` with other sides (and ``changes``): its id, made of its sides, follows."""
    source = ev.source if source is None else source
    target = ev.target if target is None else target
    category = changes.get("event_type", ev.event_type)
    return replace(ev, source=source, target=target, **changes,
                   event_id=make_event_id(ev.article_id, category, ev.evidence.trigger_start,
                                          ev.evidence.start, source, target))


def _clash_reading(ev: Event) -> list[Event]:
    sides = (*ev.source, *ev.target)
    if any(a.sector in _ARMED_SECTORS for a in sides):
        return [ev]
    # a side the knowledge files cannot place ("two groups", "members of the BJP and VHP",
    # "villagers of both communities") is a crowd too: armed sides are named as such
    crowd = tuple(a for a in sides if a.sector in _CROWD_SECTORS
                  or (a.sector is None and a.text and not _the_place_aimed_at(a)))
    if not crowd:
        return [ev]
    police = tuple(a for a in sides if a.sector == "COP")
    others = tuple(a for a in sides if a not in crowd and a not in police)
    riot = _recoded(ev, "PROTEST", "riot", source=crowd, target=police or others)
    if not police:
        return [riot]
    force = _with_sides(ev, police, crowd,
                        confidence=_lowered(ev.confidence, CROWD_CONTROL_YIELD))
    return [riot, force]


def _with_classifier(here: list[Event], prob: dict[str, float], sent: SentenceSpan, doc,
                     sv: SentenceView, p: _Prepared, declined: set[str]) -> list[Event]:
    """Stage 5b (see :mod:`wardrums.coding.hybrid`): blend confidences, or add a missed event.
    An event is not added where the rules read a trigger of its category as an act that is
    not the clause subject's: the classifier knows nothing of arguments and would make it so."""
    if here:
        aside = _told_aside(here, sent, doc)
        return [replace(ev, confidence=hybrid.blend(
                    ev.confidence, 0.0 if ev.event_id in aside else prob.get(ev.event_type, 0.0)))
                for ev in here]
    label, conf = hybrid.best_label(prob)
    if label == "none" or label in declined or conf < hybrid.ADD_THRESHOLD or harm_by_hazard(doc) \
            or _topic_only(doc) or (label == "ASSAULT" and _accident_told(sv, p.ctx)):
        return []
    coding = lexicon.plover()[label].coding(None)
    root, src_heads, tgt_heads = hybrid.clause_arguments(doc, material=coding.quad_class in (2, 4))
    source = _arguments(src_heads, sv, p.ctx)
    target = _arguments(tgt_heads, sv, p.ctx)
    if not source and not target:
        return []
    a = assess(root)
    attributed = None
    if a.speaker_head is not None:
        attributed = " ".join(t.text for t in actor_mod.np_tokens(a.speaker_head))
    return [_build(label, None, coding, root, source, target, a.modality, a.polarity, attributed,
                   a.tense, round(0.8 * conf, 3), sent, sv, p.ctx, p.article)]


def _told_aside(events: list[Event], sent: SentenceSpan, doc) -> set[str]:
    """Ids of the events whose trigger is the sentence's background (:func:`_background`).
    The classifier reads the whole sentence, so its probability for a category says what the
    sentence's news is; an act told aside is not that news and gets none of it ("announced
    the release of two nationals *who had been arrested*": the words say arrest, the news is
    the release)."""
    at = _tokens_at(sent, doc)
    return {ev.event_id for ev in events
            if (tok := at.get(ev.evidence.trigger_start)) is not None and _background(tok)}


def _topic_only(doc) -> bool:
    """The sentence states something about an event it names only as its topic ("claimed
    responsibility for the attack"): the classifier must not add that event."""
    return bool(statement_topics(doc))


def _register_people(sv: SentenceView, ctx: ArticleContext) -> None:
    """Resolve every PERSON so that titles seen here serve later bare surnames."""
    for ent in sv.doc.ents:
        if ent.label_ == "PERSON":
            actor_mod.resolve(ent.root, sv, ctx)


def _root_speaker(sv: SentenceView, ctx: ArticleContext) -> Actor | None:
    root = next(iter(sv.doc.sents)).root
    if root.lemma_.lower() not in report_verbs():
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    found = actor_mod.resolve(subj[0], sv, ctx)
    return found[0] if found else None


# Texts that speak for whoever issued them, and the verbs of issuing one.
_DOCUMENTS = {"resolution", "statement", "declaration", "communique", "communiqué", "decree",
              "letter", "motion", "text", "draft", "report", "bill", "order", "law",
              "legislation", "ordinance", "amendment", "directive", "regulation"}
_ISSUING = {"adopt", "pass", "issue", "approve", "release", "publish", "sign", "table",
            "circulate", "endorse"}


def _author(head):
    """The issuer a text stands for when it is said to act ("the Council adopted a
    *resolution demanding* a ceasefire": the Council demands), else the head itself. A text
    that names its author ("a Security Council resolution") keeps it."""
    if head.lemma_.lower() not in _DOCUMENTS or head.dep_ != "dobj" \
            or head.head.lemma_.lower() not in _ISSUING or any(
                c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("ORG", "GPE", "NORP")
                for c in head.children):
        return head
    return next((c for c in head.head.children if c.dep_ == "nsubj"), head)


def _arguments(heads, sv: SentenceView, ctx: ArticleContext, *,
               generic: bool = False) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for h in heads:
        for a in actor_mod.resolve(_author(h), sv, ctx, generic=generic):
            if a not in out:
                out.append(a)
    return tuple(out)


# What a promised conflict act threatens (THREATEN modes in plover.yaml).
_THREAT_MODES = {"ASSAULT": "force", "COERCE": "repress", "SANCTION": "sanction",
                 "PROTEST": "dissent"}
# Verbs of vowing: what they promise is one-sided, unlike what is agreed or offered
# ("agreed to stage a joint exercise", "offered to send troops").
_VOWS = {"vow", "pledge", "promise", "swear", "commit"}
# Verbs through which a promise reaches the act: "vowed to *continue* the strike", "to *step
# up* attacks"; not "pledged to *end* the war".
_CARRY_ON = {"continue", "keep", "press", "carry", "step", "intensify", "launch", "wage",
             "start", "resume", "take", "pursue", "stage", "hold", "go", "mount"}
# Clauses hanging on a promised act that are not part of it ("vowed to fight *until they
# win*", "to continue talks *that began in May*").
_OTHER_CLAUSES = {"advcl", "relcl", "ccomp", "acl", "parataxis", "conj", "cc", "mark", "nsubj",
                  "nsubjpass", "npadvmod"}


# Verbs that threaten what their complement says ("threatened to shell", "warned it would").
_THREAT_VERBS = {"threaten", "warn"}


def _vows_of_conflict(made: list[tuple[TriggerMatch, Event]], sv: SentenceView,
                      ctx: ArticleContext) -> list[Event]:
    """A promise of conflict is a threat: "Russia vowed to retaliate", "protesters vowed to
    continue their sit-in" are THREATENs (CAMEO 13x), not the intent to cooperate (03) that
    "vowed"/"pledged"/"promised" mean before a cooperative act. The promised act, if coded,
    stays as what is predicted; its target is the one threatened."""
    by_token = {m.token.i: ev for m, ev in made}
    out = []
    for m, ev in made:
        if ev.event_type == "AGREE" and ev.mode == "intent" and m.token.pos_ == "VERB" \
                and m.token.lemma_.lower() in _VOWS:
            promised = _promised_conflict(m.token, by_token, sv, ctx)
            if promised is not None:
                mode, target = promised
                if mode == "force" and ev.source and all(a.sector in _CROWD_SECTORS
                                                         for a in ev.source):
                    mode = "dissent"  # "protesters vowed to continue their agitation"
                ev = _recoded(ev, "THREATEN", mode, target=target or ev.target)
        elif ev.event_type == "THREATEN" and m.token.pos_ == "VERB" and not ev.target \
                and m.token.lemma_.lower() in _THREAT_VERBS:
            # "threatened to shell Haifa": the threat is aimed where the act would be
            promised = _promised_conflict(m.token, by_token, sv, ctx, own_clause=True)
            if promised is not None and promised[1]:
                ev = _recoded(ev, "THREATEN", ev.mode or promised[0], target=promised[1])
        out.append(ev)
    return out


# Nouns of a frontier (triggers.BORDERS) or front line, where weapons sent are deployed, not given.
_FRONTIERS = BORDERS | {"frontline", "front"}


def _arms_to_a_border(match: TriggerMatch) -> bool:
    """Weapons sent to a border are a show of force towards whoever is across it, not arms
    given to them: "Russia sent 500 tanks *to the border with Ukraine*" (MOBILIZE, CAMEO 15),
    where "Germany sent tanks *to Ukraine*" is military aid."""
    if match.entry.category != "AID" or match.entry.mode != "military":
        return False
    tok = match.token
    places = prep_objects(tok, "to") + [g for o in tok.children if o.dep_ == "dobj"
                                        for g in prep_objects(o, "to")]
    return any(p.lemma_.lower() in _FRONTIERS for p in places)


def _aimed_as_the_act(made: list[tuple[TriggerMatch, Event]]) -> list[tuple[TriggerMatch, Event]]:
    """An agreement or refusal to act, with no target of its own, is aimed where the act it
    agrees to or refuses is: "Russia agreed to lift its ban *on US poultry*" (the United
    States), "the rebels refused to release *the hostages*". Not where the act is aimed at the
    agreeing side itself."""
    by_token = {m.token.i: ev for m, ev in made}
    out = []
    for m, ev in made:
        if ev.event_type in ("AGREE", "REJECT") and m.token.pos_ == "VERB":
            # (or the act it names as its object: "promised *support* for the Afghan
            # government's efforts")
            acts = [by_token.get(c.i) for c in m.token.children if c.dep_ in ("xcomp", "dobj")]
            act = next((a for a in acts if a is not None and a is not ev and a.target), None)
            aimed = act.target if act is not None else ()
            source = ev.source
            if ev.target and act is not None and act.event_type not in _RECIPROCAL \
                    and _spans(ev.target) <= _spans(act.source):
                # "Mexico and Canada agreed to lift tariffs *on American products*": the
                # two agreed as one side (not with each other: see _make_event); but "Trump
                # and Putin agreed to share information on North Korea" with each other
                source = ev.source + ev.target
            elif ev.target:
                aimed = ()
            ours = {a.country for a in source} - {None}
            if aimed and not all(a.country in ours for a in aimed):
                ev = _with_sides(ev, source, aimed)
        out.append((m, ev))
    return out


def _spans(actors: tuple[Actor, ...]) -> set[tuple[int | None, int | None]]:
    return {(a.start, a.end) for a in actors}


# Subjects of a threatened clause that stand for the one who threatens ("warned *it* would
# strike", "threatened that *they* would retaliate").
_SELF_PRONOUNS = {"it", "they", "we"}


def _promised_conflict(verb, by_token: dict[int, Event], sv: SentenceView,
                       ctx: ArticleContext, *,
                       own_clause: bool = False) -> tuple[str, tuple[Actor, ...]] | None:
    """(threat mode, target) when what ``verb`` promises is an act of conflict, else None.
    The target is the coded act's actors, or the heads its words aim at ("retaliate
    *against Ukraine*"). The act is looked for in the promise's own phrase: not in clauses
    hanging on it ("until demands are met"), and below another verb only if that verb carries
    the act on ("vowed to *continue* the strike", not "pledged to *end* the war"). With
    ``own_clause``, also in a that-clause whose subject is a pronoun for the one who speaks
    ("warned *it would strike* US bases"; not "warned that Israel would strike": a warning of
    someone else's act)."""
    conflict = lexicon.phrase_set("conflict_promises")
    stack = [c for c in verb.children if c.dep_ == "xcomp"]
    if own_clause:
        stack += [c for c in verb.children if c.dep_ == "ccomp" and any(
            g.dep_ == "nsubj" and g.lower_ in _SELF_PRONOUNS for g in c.children)]
    while stack:
        t = stack.pop()
        ev = by_token.get(t.i)
        if ev is not None:
            if ev.event_type in _THREAT_MODES:
                return _THREAT_MODES[ev.event_type], ev.target
            continue  # a promised act of another kind ("promised to resist pressure")
        words = verb_phrases(t) if t.pos_ == "VERB" else {t.lemma_.lower()}
        if t.pos_ in ("VERB", "NOUN") and not words.isdisjoint(conflict):
            aimed_at = [g for p in ("against", "on", "at") for g in prep_objects(t, p)]
            return "force", _arguments(aimed_at + [c for c in t.children if c.dep_ == "dobj"],
                                       sv, ctx)
        if t.pos_ != "VERB" or t.lemma_.lower() in _CARRY_ON:
            stack += [c for c in t.children if c.dep_ not in _OTHER_CLAUSES]
    return None


def _each_other(head) -> bool:
    """The argument is "each other" or "one another", or something of theirs."""
    return any(t.lower_ in ("other", "another") and any(c.lower_ in ("each", "one")
                                                        for c in t.children)
               for t in head.subtree)


def _mediated_parties(match: TriggerMatch, sv: SentenceView,
                      ctx: ArticleContext) -> tuple[Actor, ...]:
    """Who a brokered deal binds: the doers of the act the deal is told in ("the army and the
    RSF agreed to a truce *brokered by* Saudi Arabia and the United States"; "restored
    relations in a deal brokered by China"). The brokers are the mediation's sources."""
    for noun in match.targets:
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" \
            else None
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            parties = _arguments(subject_heads(verb), sv, ctx)
            if parties:
                return parties
    return ()


def _make_event(match: TriggerMatch, sent: SentenceSpan, sv: SentenceView, ctx: ArticleContext,
                article: Article) -> Event | None:
    entry = match.entry
    source = _arguments(match.sources, sv, ctx, generic=True)
    target = _arguments(match.targets, sv, ctx)
    unattributed = False
    a = None
    if not source and entry.mode == "withdraw":
        # "their refusal to withdraw *the troops*": with no one named, the force pulled back
        # stands for its side (it is never the target: see triggers._targets)
        forces = [c for c in match.token.children if c.dep_ == "dobj"] \
            if entry.pos == "VERB" else prep_objects(match.token, "of")
        source = _arguments(forces, sv, ctx, generic=True)
    if not source and not target and entry.mode == "release":
        # "hundreds of prisoners were released": whoever holds them, the freed are the target
        freed = list(match.targets) or (
            [content_head(sv.doc[match.consumed])] if match.consumed is not None else [])
        target = _arguments(freed, sv, ctx, generic=True)
    if not source and not target and not _police_only(match) and not _weapons_taken(match) \
            and not (entry.category == "PROTEST" and entry.mode in _CROWD_MODES):
        if not _violence_without_parties(match, sv, ctx):
            return None
        a = assess(match.token)
        if a.polarity != "positive" or a.modality not in ("asserted", "alleged"):
            return None  # "no shots were fired": with no parties, a denial leaves nothing
        unattributed = True
        target = _arguments(match.targets, sv, ctx, generic=True)  # "passengers were burnt"
    if not source and entry.category == "ASSAULT" and _accident_told(sv, ctx):
        return None  # "Four people were injured" after (or in) the boiler blast: its toll
    if not target and entry.mode == "mediate":
        target = _mediated_parties(match, sv, ctx)
    if len(source) > 1 and any(_each_other(h) for h in match.targets):
        # "India and Canada expelled *each other's* diplomats": one on the other
        source, target = source[:1], source[1:]
    elif (not target and len(source) > 1 and entry.category in _RECIPROCAL
            and entry.mode != "mediate" and len({(a.country, a.sector) for a in source}) > 1):
        source, target = source[:1], source[1:]  # "China and South Korea signed a deal"
    elif (not source and len(target) > 1 and entry.category in _RECIPROCAL
          and entry.mode != "mediate" and any(h.head.lower_ == "between" for h in match.targets)):
        source, target = target[:1], target[1:]  # "brokered a deal between Hamas and Israel"
    if source and target and {(a.country, a.sector) for a in source} == {(a.country, a.sector) for a in target} \
            and {a.name for a in source} == {a.name for a in target}:
        target = ()  # "X and Y clashed" parsed as X against X: keep the side we know
    own_forces = False
    if entry.category == "MOBILIZE" and source:
        # the forces mobilised are the source's own, not whom it faces ("put *its army* on
        # alert", "will send *10,000 troops* to its border")
        ours = {a.country for a in source} | {None}
        faced = tuple(a for a in target if not (a.country in ours and a.sector in ("MIL", "COP")))
        own_forces, target = len(faced) < len(target), faced
    if not target and source and not own_forces:
        target = _owner_of_object(match, sv, ctx)
    if not target and source and not own_forces:
        # what the trigger acts on: its object, or the object of its preposition
        objects = [h for h in match.targets if h.head.i == match.token.i
                   or (h.dep_ == "pobj" and h.head.head.i == match.token.i)]
        if match.consumed is not None:
            objects.append(sv.doc[match.consumed])
        target = _party_referred_to(objects, entry.category, source, ctx)
    target = _not_its_own_state(source, target, ctx)
    if entry.category in _FORCE_OR_PENALTY or entry.mode in _ENVOY_MODES:
        target = _unguessed(target, source, ctx)  # (and "Beijing summoned *the ambassador*")
    if entry.coding().quad_class in (2, 4):  # whose crowd it is, before it is judged below
        here = located_in_clause(match.token, sv, ctx, material=True)
        source, target = _placed(source, here, sv, ctx), _placed(target, here, sv, ctx)
    # judged on the doer as named, before "security forces" making arrests become police
    occupied = _territory_taken(match, source, sv, ctx)
    source = _law_and_order_reading(source, target, "occupy" if occupied else entry.mode,
                                    match.token, ctx)
    a = a or assess(match.token)
    if source and a.modality in ("asserted", "alleged"):
        ctx.doers.append(source[0])
    # An implied doer (empty ``text``, no offsets): the only one the act can have.
    if not source and _police_only(match):
        source = (Actor(text="", name="police", country=ctx.focus_country, sector="COP"),)
    elif unattributed or (not source and entry.category == "COERCE"
                          and entry.lemma in _ARSON_LEMMAS):
        # violence with no party named; or "her home was burnt and looted", "shops were
        # torched": arson and looting with no doer are a mob's or an attacker's work, never
        # an authority's act
        source = (Actor(text="", name="unidentified attackers",
                        country=ctx.focus_country or _country_where(match.token, sv, ctx),
                        sector="UAF"),)
    elif not source and entry.category == "PROTEST" and entry.mode in _CROWD_MODES:
        # "violent protests erupted in Tripoli": a protest is the protesters' act
        source = (Actor(text="", name="protesters", country=ctx.focus_country, sector="CVL"),)
    attributed = None
    if a.speaker_head is not None:
        # who said it, in the article's own words; a pronoun is replaced by whom it stands for
        if a.speaker_head.pos_ == "PRON":
            spk = actor_mod.resolve(a.speaker_head, sv, ctx)
            attributed = spk[0].name if spk else a.speaker_head.text
        else:
            attributed = " ".join(t.text for t in actor_mod.np_tokens(a.speaker_head))
    elif a.speaker_text:
        attributed = a.speaker_text
    category, mode, coding, polarity = entry.category, entry.mode, entry.coding(), a.polarity
    modality = a.modality
    if category == "MOBILIZE" and mode == "troops" and _PEACEKEEPING.search(sent.text):
        # "deployed 300 troops to the UN peacekeeping mission": provided, not massed
        category, mode = "AID", "peacekeeping"
        coding = lexicon.plover()["AID"].coding("peacekeeping")
    if category == "AID" and mode == "peacekeeping":
        target = _host_country(match, sv, ctx) or target
    if (category == "AID" or mode == "withdraw-aid") and not target and source:
        target = _helped(match, source, sv, ctx)  # (and "suspended aid deliveries in Nigeria")
    if category in ("AGREE", "RETREAT") and not target and source:
        target = _scope_agreed(match, source, sv, ctx)
    if category == "MOBILIZE" and mode == "exercise":
        partners = _exercise_partners(match, source, sv, ctx)
        if partners is not None:
            # "Chile and Peru held joint war games", "drills with the Philippine navy":
            # military cooperation (CAMEO 062), not one side's show of force
            category, mode = "COOPERATE", "military"
            coding = lexicon.plover()["COOPERATE"].coding("military")
            # (what it was held near is no partner: "allies held drills near Iran")
            source, target = source[:1], partners or source[1:]
    if category == "PROTEST" and mode == "riot" and match.token.pos_ == "VERB" and source \
            and all(a.sector in _FORCES_OF_ORDER for a in source):
        # "police pelted stones at the crowd", "police began pelting": violence, not a riot
        # (nor crowd control, which its means would name: tear gas, batons, water cannon)
        category, mode, coding = "ASSAULT", None, lexicon.plover()["ASSAULT"].coding(None)
    if category == "PROTEST" and match.token.pos_ == "VERB" and entry.lemma == "protest" \
            and source and all(a.sector == "GOV" for a in source):
        # "China protested the visit": a government's protest is a formal complaint (CAMEO
        # 114, ACCUSE), not a demonstration, which PLOVER keeps for civilians
        category, mode = "ACCUSE", "complain"
        coding = lexicon.plover()["ACCUSE"].coding("complain")
    if mode == "crowd-control" and match.consumed is not None \
            and sv.doc[match.consumed].lemma_.lower() == "force" and target \
            and all(a.sector in _STATE_OR_ARMED for a in target):
        # "threatened to use force against Taiwan": armed force on a state, not riot control
        mode, coding = None, lexicon.plover()["ASSAULT"].coding(None)
    if occupied:
        # "troops captured two rebel camps", "took control of the town": military occupation
        category, mode = "ASSAULT", "occupy"
        coding = lexicon.plover()["ASSAULT"].coding("occupy")
    if polarity == "negative" and a.modality in ("asserted", "predicted") and category in _COMMITMENTS \
            and match.token.pos_ in ("VERB", "AUX") and not _still_pending(match.token):
        # "would not commit to a ceasefire", "refused to sign": a refusal, coded as REJECT
        category, mode, polarity, modality = "REJECT", None, "positive", "asserted"
        coding = lexicon.plover()["REJECT"].coding(None)
    if modality == "predicted" and polarity == "positive" and _enacted(match.token, category, mode):
        modality = "asserted"  # "Japan decided to ease sanctions": the decision is the measure
    tense = a.tense
    if tense is None and coding.quad_class in (2, 4) and _headline_present(match.token):
        tense = "past"  # "Gunmen kill two in Karachi": a report's simple present is past
    if modality in ("predicted", "hypothetical") and polarity == "positive" and tense == "past" \
            and _asked_or_planned(match.token):
        # "called for a strike on Friday", "agreed to hold talks on Monday": the act asked for
        # or agreed comes after the past verb that tells of it (not "tried to storm the house
        # on Thursday": an attempt is dated when it was made)
        tense = "future"
    return _build(category, mode, coding, match.token, source, target,
                  modality, polarity, attributed, tense,
                  _confidence(match, source, target, ctx), sent, sv, ctx, article)


def _enacted(tok, category: str, mode: str | None) -> bool:
    """The act is a measure that a decision told as taken enacts: "Japan *decided to* ease
    sanctions on North Korea", "the Security Council *voted to* impose sanctions" (see
    ``enacting_decisions`` in cues.yaml). Not an act still to be carried out in the world
    ("decided to send troops"), nor a decision to come ("will decide to")."""
    cues = lexicon.cues()
    if category not in cues.enacted_by_decision \
            and f"{category}/{mode}" not in cues.enacted_by_decision:
        return False
    gov = tok.head
    return tok.dep_ == "xcomp" and tok.pos_ == "VERB" and gov is not tok \
        and gov.lemma_.lower() in cues.decision_verbs and taken(gov)


# The bodies peacekeepers are sent to, which serve in a country ("the UN mission *in Mali*").
_MISSIONS = {"mission", "force", "operation", "contingent"}


def _host_country(match: TriggerMatch, sv: SentenceView,
                  ctx: ArticleContext) -> tuple[Actor, ...]:
    """Where a peacekeeping mission that troops are sent to serves: the country helped
    ("sent troops to the UN peacekeeping force *in South Sudan*"); () if none is named."""
    hosts = [g for h in match.targets if h.lemma_.lower() in _MISSIONS
             for g in prep_objects(h, "in")]
    return _arguments(hosts, sv, ctx)


# Verbs by which aid states whom it is for: "aid *to help* Haiti recover", "funds *to
# support* refugees", "supplies *to fight* the epidemic in Laos".
_HELPING_VERBS = {"help", "support", "assist", "aid", "benefit", "relieve", "feed", "rebuild",
                  "reconstruct", "fight", "combat", "tackle", "address", "meet", "ease",
                  "alleviate", "cope", "protect", "shelter", "serve", "stabilize", "stabilise"}


def _helped(match: TriggerMatch, source: tuple[Actor, ...], sv: SentenceView,
            ctx: ArticleContext) -> tuple[Actor, ...]:
    """Whom aid with no recipient named as its object is for: who the purpose it serves
    names ("earmarked aid *to help Haiti* recover", "assistance to help *people in Somalia*"),
    else the foreign country where the aid goes, as the aid's own phrase or that purpose names
    it ("assistance *in Iraq*", "aid for those affected *in Yemen*", "supplies to fight the
    epidemic *in Laos*"). Not a place the giving happened at ("pledged aid at a conference in
    Brussels"): that is the verb's, not the aid's."""
    tok = match.token
    clause = [tok]
    while clause[-1].pos_ not in ("VERB", "AUX") and clause[-1].dep_ in _UP_TO_THE_GIVING \
            and len(clause) < 5:
        clause.append(clause[-1].head)  # "euros in *aid*" up to "earmarked"
    purposes = [c for a in clause for c in a.children
                if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ == "VERB"
                and c.lemma_.lower() in _HELPING_VERBS]
    phrases = [*purposes, *([tok] if tok.pos_ in ("NOUN", "PROPN") else
                            [c for c in tok.children if c.dep_ in ("dobj", "dative")
                             or (c.dep_ == "prep" and c.lower_ in ("to", "for"))])]
    # whom the purpose names, else whom the aid named inside the object is for ("provided
    # 30 million euros in aid *for Rohingya Muslims*")
    helped = [[c for c in verb.children if c.dep_ == "dobj"] or [
        g for c in verb.children if c.dep_ in ("ccomp", "xcomp")  # "help Haiti recover"
        for g in c.children if g.dep_ == "nsubj"] for verb in purposes]
    helped += [[g for t in phrase.subtree if t.i != tok.i
                and t.lemma_.lower() in lexicon.word_set("aid_nouns")
                for p in ("for", "to") for g in prep_objects(t, p)] for phrase in phrases]
    ours = {a.country for a in source}
    for heads in helped:
        found = tuple(a for a in _arguments(heads, sv, ctx, generic=True)
                      if (a.sector or not _country_guessed(a, ctx)) and a.country not in ours)
        if found:
            return found  # (not "supplies to help *the flood victims*" at home, or guessed so)
    return _foreign_place_in(phrases, source, sv, ctx)


def _foreign_place_in(phrases, source: tuple[Actor, ...], sv: SentenceView,
                      ctx: ArticleContext) -> tuple[Actor, ...]:
    """The country of the first place that one of ``phrases`` names, as the target of an act
    whose every doer is from elsewhere; () if none: at home, a place names no other side."""
    ours = {a.country for a in source}
    if None in ours:
        return ()
    for phrase in phrases:
        # (not an aside inside: "to help Curaçao, which expects a bailout *from Brussels*")
        words = {t.i for t in phrase.subtree} - {t.i for c in phrase.subtree if _aside(c)
                                                 for t in c.subtree}
        for m in sv.mentions:
            entry = m.best(ctx.published)
            if m.start in words and entry.kind in _LISTED_PLACES and entry.country \
                    and entry.country not in ours and not _left(sv.doc[m.end - 1]):
                start, end, text = actor_mod.char_span(sv, list(sv.doc[m.start:m.end]))
                return (_country_aimed_at(entry.country, text, start, end),)
    return ()


# Missions whose place is where they serve: the bodies peacekeepers are sent to, and what a
# mission agreed to is called ("extend its peacekeeping *mission* in Kosovo").
_SERVING = _MISSIONS - {"contingent"} | {"presence", "deployment"}


def _scope_agreed(match: TriggerMatch, source: tuple[Actor, ...], sv: SentenceView,
                  ctx: ArticleContext) -> tuple[Actor, ...]:
    """The foreign country a pact or mission agreed to is for, as the pact's own phrase names
    it: "Putin agreed to a ceasefire *in eastern Ukraine*", "NATO agreed to extend its
    peacekeeping mission *in Kosovo*". Not where it was agreed ("signed a truce in Doha"
    hangs the place on the verb)."""
    tok = match.token
    heads = [c for c in tok.children if c.dep_ == "dobj"]
    heads += [g for p in ("to", "on") for g in prep_objects(tok, p)]
    heads += [g for c in tok.children if c.dep_ == "xcomp" for g in c.children
              if g.dep_ == "dobj"]
    pacts = [h for h in heads if h.lemma_.lower() in lexicon.word_set("deal") | _SERVING]
    # (its parties first: "a ceasefire *with Yemen's Ansar Allah group* in four regions")
    parties = _arguments([g for h in pacts for g in prep_objects(h, "with")], sv, ctx)
    if parties:
        return parties
    scopes = [g for h in pacts for p in ("in", "into", "over", "for") for g in prep_objects(h, p)]
    return _foreign_place_in(scopes, source, sv, ctx)


# Verbs and prepositions of leaving: the place they name is where people came from.
_LEAVING_WORDS = {"flee", "leave", "escape", "quit", "abandon", "from", "out"}


def _left(place) -> bool:
    """The place is one left: "Rohingya who have fled *Myanmar*", "refugees *from Syria*"."""
    head = place.head if place.dep_ in ("compound", "amod") else place
    return head.head.lemma_.lower() in _LEAVING_WORDS and head.dep_ in ("dobj", "pobj")


def _aside(clause) -> bool:
    """A relative clause set off by a comma: it tells more of its noun, not what it is."""
    first = clause.left_edge
    return clause.dep_ == "relcl" and first.i > 0 and clause.doc[first.i - 1].text == ","


# How an aid noun hangs on the verb of giving: "provided 50 million euros *in aid*".
_UP_TO_THE_GIVING = {"pobj", "prep", "dobj", "nummod", "compound", "conj", "appos"}


# Words that make a military exercise one held with partners ("*joint* war games").
_TOGETHER = {"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational"}
# Doers that are partners by name ("the US and its *allies* staged drills").
_PARTNER_NOUNS = {"ally", "allies", "partner", "partners", "coalition"}


def _exercise_partners(match: TriggerMatch, source: tuple[Actor, ...], sv: SentenceView,
                       ctx: ArticleContext) -> tuple[Actor, ...] | None:
    """The other sides of a military exercise held together, () if it is said to be joint
    but they are not named, None if it is one side's own (a show of force: MOBILIZE)."""
    tok = match.token
    noun = sv.doc[match.consumed] if match.consumed is not None else tok
    withs = [t for x in dict.fromkeys((tok, noun)) for t in prep_objects(x, "with")]
    partners = tuple(a for a in _arguments(withs, sv, ctx) if a not in source)
    if partners:
        return partners
    if len({a.country for a in source if a.country}) > 1:
        return source[1:]
    words = {c.lower_ for x in (tok, noun) for c in x.children if c.dep_ in ("amod", "compound")}
    heads = {w for a in source for w in a.text.lower().split()}
    return () if words & _TOGETHER or heads & _PARTNER_NOUNS else None


def _not_its_own_state(source: tuple[Actor, ...], target: tuple[Actor, ...],
                       ctx: ArticleContext) -> tuple[Actor, ...]:
    """A government's act is not aimed at its own country as a whole: "Putin warned that
    *Russia* would respond", "Modi offered *India's* support" name the side that acts; nor are
    the state's own forces' ("Moroccan forces denounced the exploitation *by Morocco*": a
    misread doer). Only for a government or force named as such: "the ministry" may be
    anyone's (see _not_the_envoys)."""
    ours = {a.country for a in source if a.sector in _STATE_SECTORS
            and not _country_guessed(a, ctx)}
    return tuple(a for a in target if not (
        a.sector == "GOV" and a.country in ours and actor_mod.names_a_state(a)))


# Words that make an unnamed force the state's own: "*government* forces", "*regime* troops".
_OF_THE_STATE = re.compile(r"\b(?:government|regime|state|national|federal|junta|"
                           r"pro-government)\b", re.IGNORECASE)
# The state's own sectors: its government and its armed forces.
_STATE_SECTORS = {"GOV", "MIL"}
# Acts one side does to another, seldom to its own state: force, coercion and penalties
# (but a ministry speaks of its own country: "Beijing will retaliate, the ministry warned").
_FORCE_OR_PENALTY = {"ASSAULT", "COERCE", "SANCTION"}


def _unguessed(side: tuple[Actor, ...], other: tuple[Actor, ...],
               ctx: ArticleContext) -> tuple[Actor, ...]:
    """Unnamed officials, troops or generals that a named state's force or penalty is aimed
    at, given the story's country only as a guess, lose it when that is the acting state's:
    "Israel struck the consulate, killing *two generals*" (not Israeli generals), "Somalia
    closed *two consulates*"; and a craft or missile brought down is not the downer's
    ("*Turkish* forces shot down *a drone*"). People of the place (police, civilians, militants, the
    opposition) keep it: "Bangladesh arrested *opposition activists*" is a story at home. (The
    doer keeps its guess: in a civil war "forces loyal to Haftar" shell their own capital.)"""
    named = {a.country for a in other if actor_mod.names_a_state(a)}
    # a craft or missile brought down is not the downer's: "*Turkish* forces shot down *a drone*"
    acting = {a.country for a in other if a.country}
    return tuple(replace(a, country=None)
                 if _country_guessed(a, ctx) and not _OF_THE_STATE.search(a.text) and (
                     (a.country in named and a.sector in _STATE_SECTORS)
                     or (a.country in acting and a.name in lexicon.word_set("weapons"))) else a
                 for a in side)


def _still_pending(verb) -> bool:
    """ "Turkey has *not yet* approved Sweden's membership": not done so far, no refusal."""
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)


# Sides force is used on in war, not in policing a crowd.
_STATE_OR_ARMED = {"GOV", "MIL", "REB"}
# The state's forces of order and war: what they do to a crowd is force, never a riot.
_FORCES_OF_ORDER = {"COP", "MIL"}


# Verbs that tell of an act to come: asking for it, planning or agreeing to it.
_LOOKING_AHEAD = {"call", "urge", "demand", "ask", "appeal", "propose", "plan", "agree",
                  "announce", "schedule", "offer", "invite", "seek", "want", "decide", "vow",
                  "pledge", "promise", "threaten", "set"}


def _verb_above(tok, lemmas, steps: int, through: frozenset[str] | None = None) -> bool:
    """A verb of ``lemmas`` stands within ``steps`` heads above ``tok``; with ``through``,
    only climbing links of those dependencies."""
    t = tok
    for _ in range(steps):
        if t.head is t or (through is not None and t.dep_ not in through):
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lemmas:
            return True
    return False


def _asked_or_planned(tok) -> bool:
    """The act is what a verb near above it asks for, plans or agrees to."""
    return _verb_above(tok, _LOOKING_AHEAD, 4)


# Prepositions that put a protest before a building that stands for its country ("rallied
# *outside* the Chinese consulate", "marched *to* the US embassy").
_BEFORE_A_MISSION = ("outside", "at", "near", "before", "to", "toward", "towards", "in")
_OWNER_DEPS = {"amod", "compound", "poss", "nmod"}
# Participles that give a ship's or a firm's country ("a Greek-flagged tanker", "an
# Iranian-owned bank"); not "-made" or "-built": a maker is not an owner.
_OWNING_PARTICIPLES = {"flag", "flagged", "register", "registered", "own", "owned", "operate",
                       "operated", "run"}


def _owner_of_object(match: TriggerMatch, sv: SentenceView, ctx: ArticleContext) -> tuple[Actor, ...]:
    """The country whose property or act the trigger's object is, when no actor is the
    target: "banned imports *of Russian oil*", "protested against the opening of *the U.S.*
    embassy", "rallied outside *the Chinese* consulate". The object's own modifiers are
    looked at, then those of its "of" object, then of that one's."""
    tok = match.token
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [g for p in ("against", "on", "over") for g in prep_objects(tok, p)]
    if match.entry.category == "PROTEST":
        missions = lexicon.phrase_set("missions")
        objects += [g for p in _BEFORE_A_MISSION for g in prep_objects(tok, p)
                    if g.lemma_.lower() in missions]
    if match.consumed is not None:
        objects.append(sv.doc[match.consumed])
    doers = {t.i for t in match.sources}  # "blamed the bombing *on Israeli agents*"
    for head in (o for o in objects if o.i not in doers):
        for _ in range(3):
            if head.i != tok.i and head.lemma_.lower() in _measure_nouns():
                borne = _borne_by(head, sv, ctx)
                if borne:
                    return borne
            owners = [c for c in head.children if c.dep_ in _OWNER_DEPS and c.i < head.i]
            owners += [g for c in owners if c.lemma_.lower() in _OWNING_PARTICIPLES
                       for g in c.children if g.i < c.i]  # "a *Greek*-flagged tanker"
            found = _country_among(owners, sv, ctx)
            if found is not None:
                return found
            of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
            if not of:
                break
            head = of[0]
    return ()


def _country_among(tokens, sv: SentenceView, ctx: ArticleContext) -> tuple[Actor, ...] | None:
    """The actors that the first of ``tokens`` to name a country, a people or a capital stands
    for; None when none names one."""
    for tok in tokens:
        m = sv.mention_at(tok.i)
        entry = m.best(ctx.published) if m is not None else None
        if entry is not None and entry.kind in ("country", "demonym", "capital"):
            return tuple(a for a in actor_mod.resolve(tok, sv, ctx) if a.country)
    return None


# Prepositions by which a measure names the side it bears on: "a ban *on* imports of British
# beef", "sanctions *against* Iran", "curbs on travel *to* North Korea".
_MEASURE_PREPS = ("on", "against", "to", "from", "for")


@functools.cache
def _measure_nouns() -> frozenset[str]:
    """Sanctions and restrictions: measures that bear on a side."""
    return lexicon.word_set("sanctions") | lexicon.word_set("restrictions")


def _borne_by(measure, sv: SentenceView, ctx: ArticleContext) -> tuple[Actor, ...]:
    """The country a measure bears on, when it names one: as the object of its preposition
    ("sanctions *against Iran*"), or as the owner of that object or of its "of" object ("a ban
    on imports of *British* beef")."""
    for prep in _MEASURE_PREPS:
        for head in prep_objects(measure, prep):
            for _ in range(3):
                found = _country_among(
                    (head, *(c for c in head.children if c.dep_ in _OWNER_DEPS and c.i < head.i)),
                    sv, ctx)
                if found:
                    return found
                of = prep_objects(head, "of")
                if not of:
                    break
                head = of[0]
    return ()


# Categories of cooperation: one side's support for its own act is not aimed at its victim.
_FRIENDLY = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# Determiners by which an event noun points back at an act told before ("*the* attack").
_BACK_REFERENCE = {"the", "this", "that", "these", "those", "such"}


@functools.cache
def _speech_act_categories() -> dict[str, frozenset[str]]:
    """Categories of the acts that nouns of speech name when they are not triggers themselves
    ("the claims", "the offer"): ``accusations`` are ACCUSE, ``proposals`` REQUEST or AGREE."""
    out: dict[str, frozenset[str]] = {}
    for name, cats in (("accusations", {"ACCUSE"}), ("proposals", {"REQUEST", "AGREE"})):
        for word in lexicon.phrase_set(name):
            out[word] = out.get(word, frozenset()) | frozenset(cats)
    return out


def _categories_named(noun) -> frozenset[str]:
    """The event categories a noun can name: its own trigger entries, else a speech act."""
    lemma = noun.lemma_.lower()
    return lexicon.noun_categories(lemma) or _speech_act_categories().get(lemma, frozenset())


def _party_referred_to(heads, category: str, source: tuple[Actor, ...],
                       ctx: ArticleContext) -> tuple[Actor, ...]:
    """The other party of an act told earlier in the article that a definite event noun
    names: "Qatar rejected *the accusations*" is aimed at whoever made them, "Zelenskiy
    called *the strike* a war crime" at whoever struck. When the act was the speaker's own
    side's, a hostile response is aimed at whom that act was done to ("Iran rejected Britain's
    protest over *the seizure*"); a friendly one is not aimed at them ("Iran defended the
    seizure"). The act is the latest told with the noun's own word ("strike"), else the
    latest of a category the noun can name ("the accusations" after "accused")."""
    def sides(actors):
        return {(a.country, a.sector) if a.country else a.name for a in actors}

    mine = sides(source)
    for h in heads:
        if not _refers_back(h):
            continue
        categories = _categories_named(h)
        same_word = [t for t in ctx.told if t[1] == h.lemma_.lower()]
        for told, _, doer, done_to in reversed(same_word or ctx.told):
            if told not in categories:
                continue
            if doer and mine.isdisjoint(sides(doer)):
                return doer
            if done_to and category not in _FRIENDLY and mine.isdisjoint(sides(done_to)) \
                    and not _spans(source) & _spans(done_to):
                return done_to  # (not the doer itself: "the ambassador, summoned ..., rejected")
            break
    return ()


# Prepositions by which an event noun says where or on whom it fell: then it is an act of
# its own ("the attack *on a synagogue in Halle*"), not the one told before.
_OWN_SETTING = {"on", "in", "against", "at", "near", "by", "inside", "outside"}


def _refers_back(noun) -> bool:
    """A noun with a definite determiner and nothing of its own to say where, on whom or by
    whom ("*the* strike", "*these* claims"; not "the attack on a synagogue", not "the
    Russian strike")."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _BACK_REFERENCE
                                      for c in noun.children):
        return False
    return not any((c.dep_ == "prep" and c.lower_ in _OWN_SETTING)
                   or (c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("GPE", "NORP"))
                   for c in noun.children)


# Verbs by which a subject owns an act named again: "the Islamic State *claimed* the attack".
_OWNING = {"claim", "own", "perpetrate", "commit", "conduct", "execute", "plan", "mastermind",
           "orchestrate", "admit", "acknowledge"}


def _told_again(match: TriggerMatch, ctx: ArticleContext) -> bool:
    """A definite event noun, the object of a verb whose subject would be its only doer,
    naming a kind of act the article already told: that act again, spoken of, not a new
    one by the subject ("Zelenskiy called *the strike* a war crime", "Iran defended *the
    seizure*"). Verbs that carry an act out or own it keep their subject ("the army
    *launched* the offensive", "the Islamic State *claimed* the attack"), and an act told
    again as the setting of a harm keeps its doer ("one person was injured in the firing,
    police said")."""
    tok = match.token
    if not match.sources or not _refers_back(tok) or tok.dep_ != "dobj":
        return False
    verb = tok.head
    if verb.lemma_.lower() in _CARRY_ON | _OWNING or not {s.i for s in match.sources} <= {
            c.i for c in verb.children if c.dep_ == "nsubj"}:
        return False
    categories = _categories_named(tok)
    return any(category in categories for category, *_ in ctx.told)


def _headline_present(tok) -> bool:
    """The act is told in the simple present ("Air forces launch attacks on ...", "Police
    arrest five"): headlines and summaries use it for what already happened. Progressive
    ("are protesting") and present perfect forms are not this."""
    verb = tok
    if tok.pos_ not in ("VERB", "AUX"):
        verb = tok.head if tok.dep_ in ("dobj", "nsubj", "attr") else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return False
    return verb.tag_ in ("VBP", "VBZ") and verb.lemma_.lower() not in ("be", "have") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


# ASSAULT modes that are violence whoever did it; an occupation, a blockade or a ceasefire
# violation means nothing without its parties.
_UNATTRIBUTED_MODES = {None, "beat", "firearms", "explosives", "aerial", "drone", "artillery",
                       "armed-clash", "assassinate", "abduct", "torture", "sexual-violence",
                       "mass-killing"}
# Verbs that report an attack or a battle as something that happened ("a bomb exploded",
# "fighting broke out", "clashes left six dead"), with the attack noun as their subject.
# (Harm verbs such as "killed" or "exploded" are triggers themselves and code the event.)
_HAPPENING_VERBS = {"occur", "rock", "break", "erupt", "continue", "go", "leave", "claim",
                    "rage", "flare", "result", "take", "resume", "intensify", "ensue",
                    "report", "record"}  # "clashes were reported from the town"


# Words too common in attack reports to suggest an accident ("set fire to", "rocks thrown").
_NOT_MISHAP = {"fire", "blaze", "rock", "wave", "building", "bridge", "heat", "dust", "container",
               "roof", "debris", "gas"}


@functools.cache
def _mishap_lemmas() -> frozenset[str]:
    return (lexicon.word_set("hazards") | lexicon.word_set("accident_causes")) - _NOT_MISHAP


def _sentence_mishap(sv: SentenceView) -> bool:
    """The sentence reports an accident or names its cause (computed once per sentence: the
    no-party rule and the article's running ``mishap`` flag both ask)."""
    if sv.mishap is None:
        sv.mishap = harm_by_hazard(sv.doc) or _mishap_words(sv.doc)
    return sv.mishap


def _accident_told(sv: SentenceView, ctx: ArticleContext) -> bool:
    """This sentence or an earlier one reported an accident, and this one names no weapon or
    attack: harm with no doer here is the accident's toll, not an attack."""
    return (ctx.mishap or _sentence_mishap(sv)) and not _violence_words(sv.doc)


def _mishap_words(doc) -> bool:
    """The sentence names a hazard or an accident's cause ("flash floods", "a gas cylinder",
    "the explosion at the chemical plant"): with no doer named, it may well be an accident."""
    words = _mishap_lemmas()
    return any(t.lemma_.lower() in words for t in doc if t.pos_ in ("NOUN", "PROPN")
               and t.ent_type_ not in _NAME_ENTS) or _site_accident(doc)


# Entity types whose words name something, not a hazard ("North Korea's *Storm* Corps").
_NAME_ENTS = {"ORG", "PERSON", "NORP", "FAC", "GPE", "PRODUCT", "WORK_OF_ART"}


# What goes off or burns at an industrial site ("a blast at a fertiliser factory").
_OUTBREAK_WORDS = {"explode", "explosion", "blast", "fire", "blaze", "fireball"}


def _site_accident(doc) -> bool:
    """An explosion or fire at an industrial site or store (@accident_sites) in a sentence
    that names no weapon or attack: an industrial accident. A storage "tank" is no weapon."""
    lemmas = {t.lemma_.lower() for t in doc}
    return bool(lemmas & _OUTBREAK_WORDS) and bool(lemmas & lexicon.word_set("accident_sites")) \
        and not lemmas & (_violence_lemmas() - {"tank"})


# Verbs of bringing down what was fired: their patient is a weapon, not a victim.
_STOPPING_WEAPONS = {"intercept", "shoot", "down"}


def _country_where(tok, sv: SentenceView, ctx: ArticleContext) -> str | None:
    """The country of the place the sentence puts an act in, for an implied doer in a story
    whose country is otherwise unknown ("a bomb exploded *in Binodpur*": Bangladesh)."""
    here = located_in_clause(tok, sv, ctx) or located_in_sentence(sv, ctx)
    return here.country if here is not None else None


def _violence_without_parties(match: TriggerMatch, sv: SentenceView, ctx: ArticleContext) -> bool:
    """Violence whose doer and victims the sentence does not name: "12 killed in suicide
    bombing", "a bomb exploded near the market", "fighting broke out in the town". Event
    data records these (ACLED: "unidentified armed group"), with an implied unidentified doer:
    a harm verb with something harmed ("were killed", "torched"), or an attack noun that is
    the subject of a verb of happening. Accidents (a hazard caused the harm) stay out, and so
    (in the caller, which reads the modality once) does violence denied or only imagined."""
    entry, tok = match.entry, match.token
    if entry.category != "ASSAULT" or entry.mode not in _UNATTRIBUTED_MODES:
        return False
    if tok.pos_ in ("VERB", "AUX") or entry.pos == "VERB":
        hit = [c for c in tok.children
               if c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and c.pos_ == "NUM")
               or (c.dep_ == "nsubj" and content_head(c).lemma_.lower()
                   in lexicon.word_set("seized_weapons"))]  # "a car bomb exploded"
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in lexicon.word_set("seized_weapons"):
            hit.append(tok.head)  # "after an explosive device detonated inside a cathedral"
        # "most of the missiles were intercepted", "drones were shot down": only weapons
        # stopped, no one harmed (unlike "bombs were dropped on the town")
        harmed = bool(hit) and not (tok.lemma_.lower() in _STOPPING_WEAPONS and all(
            content_head(c).lemma_.lower() in lexicon.word_set("weapons") for c in hit))
    else:  # an "explosion" alone is as often an accident: its noun needs a doer
        harmed = tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() != "explosion" \
            and tok.head.lemma_.lower() in _HAPPENING_VERBS
    if not harmed or (_sentence_mishap(sv) and not _violence_words(sv.doc)):
        return False  # a hazard, unless weapons or an attack are named ("chlorine munitions")
    # after an accident was reported, bare casualties ("four were injured") are its toll
    return not (ctx.mishap and not _violence_words(sv.doc))


@functools.cache
def _violence_lemmas() -> frozenset[str]:
    return (lexicon.word_set("attack_nouns") | lexicon.word_set("weapons")
            | lexicon.word_set("seized_weapons") | {"gunman", "militant", "attacker", "assailant",
                                                     "shooting", "firing", "gunfire", "mob"})


def _violence_words(doc) -> bool:
    words = _violence_lemmas()
    return any(t.lemma_.lower() in words or t.lower_ in words for t in doc)


def _police_only(match: TriggerMatch) -> bool:
    """An arrest or crowd-control act, whose unnamed doer can only be the police."""
    entry = match.entry
    if entry.mode in _POLICE_ONLY_MODES:
        return True
    return entry.mode == "arrest" and entry.lemma in _POLICE_ONLY_LEMMAS


_PEACEKEEPING = re.compile(r"\bpeace-?keep|\b(?:election|ceasefire|truce) (?:observers|monitors)\b"
                          r"|\bto (?:monitor|observe|supervise) (?:a |the )?(?:\w+ )?(?:ceasefire|"
                          r"truce|elections?|withdrawal)\b|\b(?:monitoring|observer) "
                          r"(?:mission|team|force)s?\b", re.IGNORECASE)
# Verbs of taking whose COERCE reading (arrest, seizure of goods) becomes military occupation
# when what is taken is ground.
_TAKING_MODES = {"seize", "arrest"}


def _territory_taken(match: TriggerMatch, source: tuple[Actor, ...], sv: SentenceView,
                     ctx: ArticleContext) -> bool:
    """What was captured, seized or taken control of is a place ("captured two rebel camps",
    "seized the town", "took control of Garma"): PLOVER codes that ASSAULT occupy (CAMEO 192).
    Police raiding premises stay COERCE; so do ships, goods and people."""
    if match.entry.category != "COERCE" or match.entry.mode not in _TAKING_MODES:
        return False
    if source and all(a.sector in ("COP", "JUD") for a in source):
        return False
    tok = match.token
    taken = [tok.doc[match.consumed]] if match.consumed is not None else [
        c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    ground = lexicon.word_set("territory")
    for t in taken:
        if t.lemma_.lower() == "control":  # "took control of the town"
            t = next((g for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"), t)
        if t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in ground or (
                match.entry.lemma in _PLACE_TAKING and _a_place(t, sv, ctx)):
            return True
    return False


# Verbs of taking that take ground as readily as people ("captured Avdiivka"); an arrest
# never does.
_PLACE_TAKING = {"capture", "seize", "take", "retake", "recapture", "overrun", "grab"}


def _a_place(tok, sv: SentenceView, ctx: ArticleContext) -> bool:
    """The gazetteers know the word as a town, capital or country ("captured *Avdiivka*",
    which the tagger may have marked as a person); not a name of several words the tagger
    takes for a person's ("arrested activist Zduny Benua *Baru*")."""
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    in_a_long_name = tok.ent_type_ == "PERSON" and (
        tok.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I"))
    return tok.pos_ == "PROPN" and not in_a_long_name and place_named(tok, sv, ctx) is not None


def _weapons_taken(match: TriggerMatch) -> bool:
    """Arms seized, recovered or defused: an event even when nobody is named ("an arms cache
    was discovered"), since the act itself, not its parties, is what a coder records."""
    if match.entry.mode != "seize" or match.consumed is None:
        return False
    seized = lexicon.word_set("seized_weapons")
    tok = match.token.doc[match.consumed]
    return tok.lemma_.lower() in seized or tok.lower_ in seized


# Acts of war whose toll ("..., killing 27 people") is no policing of a crowd.
_MILITARY_VERBS = {"shell", "bomb", "bombard", "pound", "strike", "invade", "capture", "storm",
                   "overrun", "airstrike"}
_MILITARY_NOUNS = {"offensive", "counteroffensive", "attack", "assault", "strike", "airstrike",
                   "invasion", "bombardment", "incursion", "barrage"}


def _in_a_military_act(tok) -> bool:
    """ "Azerbaijani forces *launched an offensive*, killing 27 people", "Russian forces
    *shelled* Kharkiv, killing three civilians": the killing is the offensive's."""
    if tok.dep_ not in ("advcl", "conj", "xcomp"):
        return False
    act = tok.head
    return act.lemma_.lower() in _MILITARY_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _MILITARY_NOUNS for c in act.children)


def _law_and_order_reading(source: tuple[Actor, ...], target: tuple[Actor, ...],
                           mode: str | None, tok, ctx: ArticleContext) -> tuple[Actor, ...]:
    """Unnamed "security forces" policing their own country's crowd are police.

    The lexicon files "security forces" under MIL (armed forces of a state); when they fire
    on a mob, disperse protesters or make arrests at home, they do police work, and the
    event is the police's: COP. Named military units ("army", "troops") stay MIL, and so
    does the toll of an offensive or a shelling (``tok`` in a military act).
    """
    if not source or _in_a_military_act(tok):
        return source
    domestic_crowd = any(a.sector in _CROWD_SECTORS and (a.country is None
                                                         or a.country == ctx.focus_country)
                         for a in target)
    if mode not in _LAW_AND_ORDER_MODES and not domestic_crowd:
        return source
    out = []
    for a in source:
        if (a.sector == "MIL" and (a.country is None or a.country == ctx.focus_country)
                and _GENERIC_SECURITY.search(a.text) and not _NAMED_MILITARY.search(a.text)):
            a = replace(a, sector="COP")
        out.append(a)
    return tuple(out)


def _build(category: str, mode: str | None, coding, tok, source, target, modality: str,
           polarity: str, attributed: str | None, tense: str | None, confidence: float,
           sent: SentenceSpan, sv: SentenceView, ctx: ArticleContext, article: Article) -> Event:
    """One Event record from what the stages found; dates and place are read here."""
    if modality == "hypothetical" and polarity == "positive" and _weighed(tok):
        coding = CONSIDER_CODING  # "is considering sending aid": a policy option, CAMEO 014
    else:
        coding = _stated(category, coding, modality, polarity, tok)
    previous = ctx.discourse.before(sent.start) if ctx.discourse is not None else None
    if previous is not None and (article.published is None or previous.date is None or not (
            0 <= (article.published - previous.date).days <= RUNNING_DATE_DAYS)):
        previous = None  # an older date in the article is background, not today's story
    resolved = date_mod.resolve_event_date(sent.text, article.published, tense=tense, near=tok.idx,
                                           previous=previous)
    material = coding.quad_class in (2, 4)
    here = located_in_clause(tok, sv, ctx, material=material)
    told = here if here is not None else located_in_sentence(sv, ctx)  # a place the text names
    location = told if told is not None else located_in_article(ctx)
    if material:
        source, target = _placed(source, here, sv, ctx), _placed(target, here, sv, ctx)
    if not target and category in _DONE_TO_A_PLACE and mode not in _NOT_DONE_TO_A_PLACE \
            and not _signed(tok):
        target = _country_of_the_place(source, told, sv, ctx)
    if (source or target) and polarity == "positive":
        ctx.told.append((category, tok.lemma_.lower(), source, target))
    trig_start = sent.start + tok.idx
    evidence = Evidence(sentence=sent.text, start=sent.start, end=sent.end, trigger=tok.text,
                        trigger_start=trig_start, trigger_end=trig_start + len(tok.text))
    return Event(
        event_id=make_event_id(article.id, category, trig_start, sent.start, source, target),
        article_id=article.id,
        event_type=category,
        mode=mode,
        cameo_root=coding.cameo_root,
        quad_class=coding.quad_class,
        intensity=float(coding.intensity),
        source=source,
        target=target,
        date=resolved.date,
        date_precision=resolved.precision,
        date_text=resolved.text,
        location=location,
        modality=modality,
        polarity=polarity,
        attributed_to=attributed,
        evidence=evidence,
        confidence=confidence,
        coder=coder_signature(ctx.use_classifier),
    )


# Sectors of the people found where a physical act takes place, rather than sent there:
# unnamed officials, troops or envoys abroad keep the article's country.
_LOCAL_SECTORS = {None, "CVL", "COP", "UAF", "REB", "CRM", "LAB", "EDU", "HLH", "REL", "REF",
                  "MED"}


def _placed(actors: tuple[Actor, ...], here: Location | None, sv: SentenceView,
            ctx: ArticleContext) -> tuple[Actor, ...]:
    """Unnamed local people whose country was only the article's guess ("civilians",
    "police", "gunmen") are of the country where a physical act took place, when the act's
    clause names it or a place the gazetteer lists in it: "US warplanes pounded a village in
    northern Syria, killing six *civilians*" (Syrians, not Americans); "targeted civilians
    *in Kharkiv*" (Ukrainians). A town only GeoNames knows can mislead (a village name
    shared with a town abroad), so it does not count."""
    if here is None or not here.country or here.country == ctx.focus_country \
            or not _country_named(here.country, sv, ctx, _LISTED_PLACES):
        return actors
    return tuple(replace(a, country=here.country)
                 if _country_guessed(a, ctx) and a.sector in _LOCAL_SECTORS else a
                 for a in actors)


def _country_guessed(a: Actor, ctx: ArticleContext) -> bool:
    """The actor is unnamed ("civilians", "police") and its country is only the article's."""
    return a.country == ctx.focus_country and a.name == a.name.lower()


# Modes of acts done to another country's envoys (expelling, summoning them) or outlets
# (banning them).
_ENVOY_MODES = {"diplomatic", "complain", "censor"}


def _not_the_envoys(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """A government expels or summons another country's envoys, so an unnamed doer whose
    country was only the article's guess is not of the envoys' country: in a story that names
    only France, "the ministry summoned the *French* ambassador (to protest ...)" is some
    other ministry, in every event of the sentence it does; so is "the junta" that banned *RFI*
    and *France 24*."""
    wrong = {(a.start, a.end) for ev in events if ev.mode in _ENVOY_MODES
             for a in ev.source if _country_guessed(a, ctx)
             and a.country in {t.country for t in ev.target if t.sector in ("GOV", "MED")}}
    if not wrong:
        return events

    def fix(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        return tuple(replace(a, country=None) if (a.start, a.end) in wrong else a for a in actors)
    return [replace(ev, source=fix(ev.source), target=fix(ev.target)) for ev in events]


# Acts done on ground: with no actor as their target, a foreign force's act at a named place
# is aimed at the country the place is in.
_DONE_TO_A_PLACE = {"ASSAULT", "COERCE", "RETREAT"}
# ... but not a release, nor a pact signed: "a prisoner swap *in Ankara*", "signed a
# cessation of hostilities *in Pretoria*" are no acts on Turkey or South Africa.
_NOT_DONE_TO_A_PLACE = {"release"}
_SIGNING = {"sign", "ink", "seal", "reach", "agree", "conclude", "announce", "broker"}


def _signed(tok) -> bool:
    """The act is a pact's name, as what was signed or agreed: "*signed* a cessation of
    hostilities"."""
    return tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") \
        and (tok.head if tok.dep_ == "dobj" else tok.head.head).lemma_.lower() in _SIGNING


def _country_of_the_place(source: tuple[Actor, ...], location: Location | None,
                          sv: SentenceView, ctx: ArticleContext) -> tuple[Actor, ...]:
    """The country of the named place where a foreign side acted: "a maternity hospital *in
    Mariupol* was destroyed by a Russian air strike", "Israel struck targets *in Syria*" are
    aimed at Ukraine and Syria. Only a place or country the sentence names as where (``in``,
    ``at``, ``near`` ...) counts, not the article's country nor a country named otherwise ("*US*
    officials said the strike was carried out by Israel"), and only when every side acting is
    from elsewhere: at home, the place says nothing of whom the act was aimed at."""
    if location is None or not location.country or not source:
        return ()
    if location.place is None and not _country_named(location.country, sv, ctx):
        return ()
    if any(a.country is None or a.country == location.country for a in source):
        return ()
    start, end, text = _words_of_the_place(location, sv, ctx) or (None, None, "")
    return (_country_aimed_at(location.country, text, start, end),)


def _country_aimed_at(country: str, text: str = "", start: int | None = None,
                      end: int | None = None) -> Actor:
    """A country as the target an act is aimed at, read from a place (with the place's words)
    or from the story (implied: no words): no side of it in particular."""
    return Actor(text=text, name=knowledge.country_name(country), country=country, sector=None,
                 start=start, end=end)


def _the_place_aimed_at(a: Actor) -> bool:
    """The actor is a country read from the place an act was aimed at
    (:func:`_country_aimed_at`), not a side named in the text."""
    return a.sector is None and a.country is not None \
        and a.name == knowledge.country_name(a.country)


def _words_of_the_place(location: Location, sv: SentenceView,
                        ctx: ArticleContext) -> tuple[int, int, str] | None:
    """Where the sentence names the place an act was aimed at, as evidence for the country it
    stands for: "a ceasefire in *Yemen*", "struck targets in *Mariupol*"."""
    for m in sv.mentions:
        e = m.best(ctx.published)
        if e.country != location.country:
            continue
        words = list(sv.doc[m.start:m.end])
        name = e.place.name if e.place is not None else " ".join(t.text for t in words)
        if (e.kind == "country") == (location.place is None) \
                and (location.place is None or name == location.place):
            return actor_mod.char_span(sv, words)
    return None


# What the gazetteer lists itself: countries, capitals and the cities and regions of
# places.csv ("in *Kharkiv*"); not a GeoNames town, whose name other countries' towns share.
_LISTED_PLACES = frozenset({"country", "capital", "place"})


def _country_named(country: str, sv: SentenceView, ctx: ArticleContext,
                   kinds: frozenset[str] = frozenset({"country"})) -> bool:
    """The sentence names ``country`` itself ("in *Syria*"), or with ``kinds`` a place of
    those gazetteer kinds in it."""
    return any(e.kind in kinds and e.country == country
               for e in (m.best(ctx.published) for m in sv.mentions))


#: CAMEO 014 "consider policy option" (root 01, quad class 1, Goldstein 0.0): an act that is
#: only being weighed ("Japan is considering sending aid") is coded as the deliberation.
CONSIDER_CODING = lexicon.Coding(cameo="014", cameo_root="01", quad_class=1, intensity=0.0)
def _weighed(tok) -> bool:
    """The act is what a verb of weighing governs ("is *considering* sending aid", "mulls
    sanctions"), within its own clause."""
    t = tok
    for _ in range(3):
        if t.head is t or t.dep_ not in ("xcomp", "ccomp", "dobj", "pcomp", "prep", "pobj"):
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in WEIGH_VERBS
    return False


def _stated(category: str, coding, modality: str, polarity: str, tok):
    """CAMEO codes a cooperative act that is only promised or expected as the promise (03x,
    "will release the hostages") and one announced as not going to happen as a rejection
    (12x, "will not withdraw"); a conflictual act announced or expected as a threat (13x,
    "says it will begin a military operation"), unless it is ordered: the order is the act
    ("ordered the papers to suspend publication"). See ``intent``/``refusal``/``threat`` in
    plover.yaml."""
    if modality not in ("predicted", "hypothetical"):
        return coding
    cat = lexicon.plover()[category]
    if cat.threat is not None:
        if modality == "predicted" and polarity == "positive" and not _commanded(tok):
            return cat.threat
        return coding
    stated = cat.intent if polarity == "positive" else cat.refusal
    return stated or coding


# Verbs whose complement is an act they command: said, the act is as good as done.
_COMMANDING = {"order", "command", "instruct", "direct", "authorize", "authorise", "decree"}
_COMMAND_LINKS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "advcl"})


def _commanded(tok) -> bool:
    """The act is what a verb near above it orders or authorises."""
    return _verb_above(tok, _COMMANDING, 3, _COMMAND_LINKS)


def _threat_events(threats, sent: SentenceSpan, sv: SentenceView, ctx: ArticleContext,
                   article: Article) -> list[Event]:
    cat = lexicon.plover()["THREATEN"]
    out = []
    for t in threats:
        coding = cat.coding(t.mode)
        speaker = sv.speaker
        out.append(_build("THREATEN", t.mode, coding, t.mark, t.source, t.target, "asserted",
                          "positive", speaker.text if speaker else None, None,
                          0.6 if t.target else 0.45, sent, sv, ctx, article))
    return out


# Verbs of ordering someone, and the leaving they order ("ordered French troops *to leave*").
_ORDERING = {"order", "tell", "instruct", "direct"}
_LEAVING = {"leave", "withdraw", "quit", "depart", "exit"}


def _leaving_ordered(orders: set[int], sent: SentenceSpan, doc) -> set[int]:
    """Offsets of the leaving that the orders at ``orders`` (trigger offsets) demand."""
    return {sent.start + c.idx for t in doc if sent.start + t.idx in orders
            for c in t.children if c.dep_ == "xcomp" and c.lemma_.lower() in _LEAVING}


def _ordered_out(sent: SentenceSpan, sv: SentenceView, ctx: ArticleContext,
                 article: Article) -> list[Event]:
    """Ordering another country's officials or forces to leave expels them (SANCTION:
    ``diplomatic`` for officials, ``expel-mission`` for forces and missions): "Niger's junta
    ordered French troops to leave the country", "told the ambassador to leave". The leaving
    itself is then no event of its own (see the caller)."""
    out = []
    for verb in sv.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ORDERING or not any(
                c.dep_ == "xcomp" and c.lemma_.lower() in _LEAVING for c in verb.children):
            continue
        source = _arguments([c for c in verb.children if c.dep_ == "nsubj"], sv, ctx)
        target = _arguments([c for c in verb.children if c.dep_ in ("dobj", "dative")], sv, ctx)
        ours, theirs = {a.country for a in source}, {a.country for a in target}
        if not ours or not theirs or None in ours | theirs or ours & theirs:
            continue  # a government ordering its own people home is no expulsion
        mode = "diplomatic" if all(a.sector == "GOV" for a in target) else "expel-mission"
        a = assess(verb)
        out.append(_build("SANCTION", mode, lexicon.plover()["SANCTION"].coding(mode), verb,
                          source, target, a.modality, a.polarity, None, a.tense, 0.6, sent, sv,
                          ctx, article))
    return out


def _demand_events(demands, sent: SentenceSpan, sv: SentenceView, ctx: ArticleContext,
                   article: Article) -> list[Event]:
    cat = lexicon.plover()["REQUEST"]
    return [_build("REQUEST", d.mode, cat.coding(d.mode), d.modal, d.source, d.target,
                   "asserted", "positive", sv.speaker.text if sv.speaker else None, None,
                   0.55, sent, sv, ctx, article) for d in demands]


def _confidence(match: TriggerMatch, source, target, ctx: ArticleContext) -> float:
    """A first, uncalibrated score: how much of the event the parse actually pinned down."""
    score = 0.45
    # a country that is only the outlet's guess (ctx.focus_is_prior) pins nothing down either
    guessed = ctx.focus_country if ctx.focus_is_prior else None
    if source and source[0].country not in (None, guessed) and source[0].text:
        score += 0.15  # an implied doer pins nothing down
    if target and target[0].country not in (None, guessed):
        score += 0.15
    if match.specificity:
        score += 0.1
    if match.entry.pos == "NOUN":
        score -= 0.1
    if any(_country_guessed(a, ctx) for a in (*source, *target)):
        score -= 0.05
    if _background(match.token) or _purpose(match.token):
        score -= 0.15
    return round(min(max(score, 0.05), 0.95), 3)


# Prepositions that place an act before the one the sentence reports ("freed him *after his
# arrest*", "fled *following* the attack").
_BEFORE_PREPS = {"after", "following", "since", "before", "despite", "amid"}


def _purpose(tok) -> bool:
    """The act is the aim of another act ("provided 6 million euros *to support* projects"),
    or inside that aim ("sent vehicles to help the army *patrol* its borders"): the sentence
    reports the means. Commitments ("agreed to support") are read elsewhere."""
    for _ in range(3):
        if tok.dep_ in ("advcl", "xcomp") and to_infinitive(tok) \
                and tok.head.pos_ in ("VERB", "AUX") \
                and not governs_complement(tok.head.lemma_.lower()):
            return True
        if tok.dep_ not in ("xcomp", "ccomp"):
            return False
        tok = tok.head
    return False


def _background(tok) -> bool:
    """The act is told inside the sentence's background, or is it (:func:`_background_act`):
    "freed activists *arrested* last week *during a raid*" (the raid is the arrests')."""
    t = tok
    for _ in range(6):
        if _background_act(t):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def _background_act(tok) -> bool:
    """The act is the sentence's background, not its news: a noun after a temporal
    preposition or a clause after a temporal conjunction ("after the attack", "after
    gunmen attacked"), a relative clause in the past perfect ("who had been arrested"), or a
    relative clause or past participle describing the object of another act ("freed a
    diplomat *it arrested*", "released activists *arrested* last week"). (A relative clause
    on the subject is often the news itself: "a leader, who was injured in a clash, died".)"""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in _BEFORE_PREPS:
        return True
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BEFORE_PREPS
                                   for c in tok.children):
        return True  # "passed the bill hours *after security forces fired* on protesters"
    if tok.dep_ in ("relcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
        return True
    if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        if tok.head.dep_ in ("dobj", "dative"):
            return True
        # or a noun in a phrase on the act or on its object ("freed X along with activists
        # ...", "lifted a travel ban *on the journalist, who was arrested* last year")
        return actor_mod.verb_over(tok.head, steps=8) is not None
    return False


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, type, source, target, modality, polarity): keep the most
    confident. An event whose sides are a part of another's in the same sentence, of the same
    type and as sure, is that event told twice ("*a militant attack* killed five soldiers":
    the noun and the verb) and goes too."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for ev in events:
        key = (ev.evidence.start, ev.event_type, _sides(ev.source), _sides(ev.target),
               ev.modality, ev.polarity)
        if key not in best:
            order.append(key)
            best[key] = ev
        elif ev.confidence > best[key].confidence:
            best[key] = ev
    alike: dict[tuple, list[tuple]] = {}  # same sentence, type, modality and polarity
    for k in order:
        alike.setdefault((k[0], k[1], k[4], k[5]), []).append(k)
    return [best[k] for k in order
            if not any(_told_within(k, other) and not _crossed(best[k], best[other])
                       for other in alike[(k[0], k[1], k[4], k[5])])]


def _sides(actors: tuple[Actor, ...]) -> tuple:
    return tuple((a.country, a.sector) for a in actors)


def _crossed(ev: Event, other: Event) -> bool:
    """Someone ``ev`` names on one side ``other`` names on the other: two acts, not one told
    twice, however alike their sides look ("a bomb killed *a Chechen* who had fought on the
    Ukrainian side": the victim of one is the doer of the other)."""
    return any(_one_mention(a, b) for mine, theirs in ((ev.source, other.target),
                                                         (ev.target, other.source))
               for a in mine for b in theirs)


def _one_mention(a: Actor, b: Actor) -> bool:
    return None not in (a.start, a.end, b.start, b.end) and a.start < b.end and b.start < a.end


def _told_within(key: tuple, other: tuple) -> bool:
    """Event ``key`` says less than ``other``, an event of the same sentence, type, modality
    and polarity: each side is missing or the same, and one is missing where ``other`` has it."""
    src, tgt, o_src, o_tgt = key[2], key[3], other[2], other[3]
    return src in ((), o_src) and tgt in ((), o_tgt) and (src, tgt) != (o_src, o_tgt)
