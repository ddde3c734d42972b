"""How sure the text is of an event: modality, polarity and who said it.

Event datasets usually code every sentence as fact. Here the path from the trigger up the
dependency tree is read for the cues that change that, in this order:
0. what an event noun is the object of: the charge of an accusation ("accused Israel *of
   sabotage*") is alleged, an act warned against ("warned Beijing *against an invasion*")
   and "*any* attack" are hypothetical, an act done "*without*" did not happen;
1. the trigger's own clause (the trigger, the verb that governs a noun trigger, and the chain
   of xcomp/acomp governors: "is likely to attack"): negation, modal auxiliaries, hedges;
2. conditionals: an "if/unless" clause containing the trigger, or one attached to the clause
   the trigger heads ("If the U.S. pushes too far, it's war") → hypothetical;
3. embedding verbs further up: denial ("denied that ...") flips polarity and makes the act
   alleged; accusation ("accused Y of shelling") and non-factive report verbs ("claimed")
   make it alleged; any report verb fills ``attributed_to`` with its subject;
4. sentence-level sources: "according to X", "as X reported".
The strongest modality wins: hypothetical > predicted > alleged > asserted.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from wardrums.data import lexicon

_RANK = {"asserted": 0, "alleged": 1, "predicted": 2, "hypothetical": 3}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
#: Auxiliaries of what someone will or would do ("warned it *would* respond", "said it *will*
#: retaliate"): a side saying so speaks of its own act.
WILL_AUX = frozenset(_FUTURE_AUX | {"would"})
_POSSIBLE_AUX = {"may", "might", "could", "can"}
#: Modal auxiliaries of obligation ("should be arrested", "must withdraw"): the act is asked
#: for, not reported (wardrums.coding.demands reads who asks).
DEONTIC_AUX = frozenset({"should", "must", "ought"})
#: Verbs that make an infinitive obligatory in the present ("has to stop", "needs to act").
OBLIGATION_VERBS = frozenset({"have", "need"})
#: Verbs of weighing an option ("is considering a ban", "mulls sanctions"); the coder codes
#: the act they govern as CAMEO 014 "consider policy option".
WEIGH_VERBS = frozenset({"consider", "mull", "weigh", "contemplate", "ponder", "explore"})
# Verbs whose direct object (or "for" object) is an act asked for or weighed, not one done:
# "demanded the *arrest* of the leaders", "called for a *ban*", "proposed a *ban*".
_WANTED_OR_WEIGHED = {"demand", "seek", "want", "request", "urge", "wish", "propose",
                      "debate"} | WEIGH_VERBS
# Verbs whose act is done whatever its condition: "threatened to shell Haifa *if Israel hits
# Beirut*" is a threat made; the condition is the threatened act's.
_CONDITIONING_VERBS = {"threaten", "warn", "vow", "pledge", "promise", "offer", "swear"}
# Nouns of looking ahead: the act after their "of"/"for" is expected or only feared.
_EXPECTING_NOUNS = {"anticipation": "predicted", "expectation": "predicted",
                    "preparation": "predicted", "fear": "hypothetical", "risk": "hypothetical",
                    "possibility": "hypothetical", "prospect": "hypothetical",
                    "danger": "hypothetical", "likelihood": "hypothetical",
                    "spectre": "hypothetical", "specter": "hypothetical"}
# Nouns of what would show a claim true: "evidence *that* Iran was involved" tells of a claim,
# and "*no* evidence that ..." of a claim its teller does not hold.
EVIDENCE_NOUNS = {"evidence", "proof", "sign", "indication", "confirmation", "suggestion",
                  "allegation", "claim", "report", "rumour", "rumor", "suspicion"}
# Verbs of talking over something: a bare topic ("discussed *military cooperation*", "talked
# about *a ceasefire*") is an act in view, not one done; "discussed *the attack*" is one done.
_TOPIC_VERBS = {"discuss", "talk", "negotiate", "deliberate"}
_TOPIC_PREPS = {"about", "on", "over"}
# Nouns of a purpose that "no" denies: "had *no plans* to send weapons", "has no intention of
# attacking": the act is not intended.
PURPOSE_NOUNS = {"plan", "intention", "intent", "desire", "wish", "interest", "reason",
                 "need", "aim", "ambition"}
# Verbs that keep someone from an act: "*bars* ships from entering U.S. waters", "stopped
# protesters from marching": the act does not take place.
_BARRING = {"bar", "ban", "prevent", "stop", "block", "prohibit", "forbid", "keep", "deter",
            "restrain", "restrict", "debar"}
# Adjectives that expect an act not to happen: "is *unlikely* to deliver missiles".
_DOUBTED = {"unlikely", "improbable"}
_REQUEST_FOR_VERBS = {"call", "ask", "appeal", "press", "push", "plead", "clamour", "clamor"}
# Verbs of making ready, whose "for" names the act to come: "mobilizing its fighters *for an
# attack* on Haditha", "massed troops *for the offensive*" (not "arrested him *for attacking*
# a shop": a reason, told as done).
_PREPARING_FOR_VERBS = {"mobilize", "mobilise", "prepare", "mass", "amass", "gather", "muster",
                        "assemble", "ready", "train", "equip", "arm", "position", "gear"}
# Verbs whose object act is forbidden, so not (yet) done: "*banned* the rally". Of _BARRING,
# only those that forbid: "stopped the march" tells of a march under way.
_FORBIDDING = {"ban", "prohibit", "forbid", "outlaw", "disallow"}


# Nouns for what one side charges another with.
_CHARGE_NOUNS = {"charge", "claim", "accusation", "allegation", "assertion"}


def _denies_the_charge(denial) -> bool:
    """ "Congo accused Rwanda of backing the rebels, *a charge Kigali denies*": what is
    denied is the charge, not that it was made (the parser hangs the accusation on "denies")."""
    return any(c.dep_ in ("compound", "dobj", "npadvmod", "nsubj") and c.lemma_.lower()
               in _CHARGE_NOUNS for c in denial.subtree)


def _bare_topic(link, via: str | None) -> bool:
    """What a verb of talking is about, with no article or owner that makes it a known act:
    "discussed *cooperation*", "talked about *a ceasefire*" (not "*the* attack")."""
    if via == "prep" and link.lower_ in _TOPIC_PREPS:
        link = next((c for c in link.children if c.dep_ == "pobj"), None)
    elif via != "dobj":
        return False
    return link is not None and link.pos_ == "NOUN" and not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these",
                                                              "those"))
        for c in link.children)


def _denied_noun(noun) -> bool:
    """ "*no* evidence", "did *not* find any evidence", "*never* saw proof"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    verb = noun.head
    return noun.dep_ in ("dobj", "attr", "nsubj") and verb.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "neg" for c in verb.children)


def _itself_denied(verb) -> bool:
    """A denial that is itself negated leaves the act open: "did *not* deny carrying out the
    strike", "*neither* confirmed *nor* denied"."""
    if any(c.dep_ == "neg" or c.lower_ in ("nor", "neither") for c in verb.children):
        return True
    # "neither confirmed nor denied": "neither" hangs on the first of the two verbs
    return verb.dep_ == "conj" and any(c.lower_ == "neither" for c in verb.head.children)


# Verbs whose object is an act asked of someone ("*demanded* the release of").
_ASKING_VERBS = {"demand", "seek", "want", "request", "urge"}


def asked_for(noun):
    """The verb that asks for the act ``noun`` names ("*demanded* the release of the crew",
    "*called for* his resignation"), or None."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ASKING_VERBS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.dep_ == "prep" \
            and noun.head.head.lemma_.lower() in _REQUEST_FOR_VERBS:
        return noun.head.head
    return None


_ACCUSE_LEMMAS = {"accuse", "charge", "blame", "suspect", "allege", "implicate", "fault", "link"}
# The prepositions that introduce what someone is accused of or blamed for ("linked Indian
# agents *to* the killing" only with "link").
_CHARGE_PREPS = {"of", "for"}
_LINKING_PREPS = {"to"}
# Verbs that lay an act on someone, and the preposition naming them: "blamed the attack *on*
# Kyiv", "linked the killing *to* Indian agents".
_LAID_ON = {"blame": "on", "link": "to"}


def accusation_over(noun):
    """The verb of accusation whose charge the event noun (or -ing verb) is, else None:
    "accused Israel *of sabotage*", "Russia was blamed *for the shelling*", "blamed *the
    attack* on Kyiv", "suspect militants *of carrying out* the attack". The act is alleged by
    the accuser and was done, if at all, by the accused."""
    head = noun.head
    if noun.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" \
            and head.lower_ in _CHARGE_PREPS | _LINKING_PREPS:
        verb = head.head
        if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN", "PRON"):
            verb = verb.head  # the parser hung the charge on the accused
        if (head.lower_ in _LINKING_PREPS) != (verb.lemma_.lower() == "link"):
            return None  # "accused X *of*", "linked X *to*"
    elif noun.dep_ == "dobj" and (blamed_on(head) or (
            head.lemma_.lower() == "blame" and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in head.children))):
        # "blamed the attack on Kyiv", "linked the killing to India", "blamed *Ukrainian
        # shelling* for the breach"
        verb = head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _ACCUSE_LEMMAS:
        return None
    return verb


# Verbs whose "against" object is an act the one warned might do ("warned Beijing *against*
# an attack on Taiwan").
_WARN_LEMMAS = {"warn", "caution"}


def warning_against(noun):
    """The verb of warning whose "against" object the event noun is, else None."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "against" or head.dep_ != "prep":
        return None
    verb = head.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _WARN_LEMMAS else None


def blamed_on(verb) -> list:
    """Whom "blame X on Y" ("link X to Y") blames: the object of "on" ("to"), which the
    parser hangs on the verb or on its object ("blamed [the attack on Hamas]")."""
    prep = _LAID_ON.get(verb.lemma_.lower())
    if prep is None:
        return []
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == prep
            for g in c.children if g.dep_ == "pobj"]


def accused(verb, noun) -> list:
    """Who ``verb`` (see :func:`accusation_over`) says did the act ``noun`` names: its
    object ("accused *Israel* of"), its passive subject ("*Russia* was blamed for"), or the
    one it is blamed on ("blamed the attack *on Kyiv*"). Empty when the sentence does not
    say: never the accuser."""
    if noun.dep_ == "dobj":
        return blamed_on(verb)
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


@dataclass(frozen=True, slots=True)
class Assessment:
    """Modality, polarity and the token of whoever the claim is attributed to."""

    modality: str
    polarity: str
    speaker_head: object | None  # spaCy Token: subject of the report/denial/accusation verb
    speaker_text: str | None  # for "according to X" where X is not a token we resolve
    tense: str | None  # past | future | present | None, for date resolution


@functools.cache
def _cue_sets() -> dict[str, frozenset[str]]:
    c = lexicon.cues()
    report = dict(c.report_verbs)
    return {
        "negation": frozenset(x.lower() for x in c.negation),
        "denial": frozenset(x.lower() for x in c.denial_verbs),
        "allegation": frozenset(x.lower() for x in c.allegation),
        "report": frozenset(k.lower() for k in report),
        "nonfactive": frozenset(k.lower() for k, factive in report.items() if not factive),
        "hypothetical": frozenset(x.lower() for x in c.hypothetical),
        "predicted": frozenset(x.lower() for x in c.predicted),
        "hedge": frozenset(x.lower() for x in c.epistemic_hedge),
        "negation_verbs": frozenset(x.lower() for x in c.negation_verbs),
        # cancelling or preventing an act means it did not happen ("called off the strikes")
        "cancel": frozenset({"cancel", "abort", "scrap", "postpone", "halt", "suspend",
                             "prevent", "avert", "foil", "thwart", "shelve", "delay"}),
    }


@functools.cache
def _complement_modality() -> dict[str, str]:
    return {k.lower(): v for k, v in lexicon.cues().complement_modality.items()}


def report_verbs() -> frozenset[str]:
    """Lemmas of the verbs that report speech (``report_verbs`` of cues.yaml)."""
    return _cue_sets()["report"]


def governs_complement(lemma: str) -> bool:
    """Whether ``lemma`` sets the modality of its complement ("urged X *to* withdraw",
    "agreed to sign": ``complement_modality`` of cues.yaml)."""
    return lemma in _complement_modality()


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    # "X, who said ..." / conjoined verbs share the subject of their head
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _subject(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
    return None


def _accuser(verb):
    """Who makes an accusation: the subject, or in the passive ("Russia was blamed by Kyiv")
    the agent, never the accused."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return next((g for c in verb.children if c.dep_ == "agent" for g in c.children
                     if g.dep_ == "pobj"), None)
    return _subject(verb)


_PERFECT_AUX = frozenset({"has", "have", "had", "'s", "'ve", "'d"})


def _auxes(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _past(verb) -> bool:
    """A clause told in the past: "clashed", "were killed", "has arrested", or a bare
    participle ("Two killed in blast", "soldiers deployed to the border")."""
    if verb.tag_ == "VBD":
        return True
    auxes = _auxes(verb)
    if any(a.tag_ == "VBD" for a in auxes):
        return True
    if verb.tag_ == "VBN":  # "has arrested"; a bare participle: "two killed", "troops sent in"
        return not auxes or any(a.lower_ in _PERFECT_AUX for a in auxes)
    return False


def taken(verb) -> bool:
    """A decision or vote told as taken: "decided", "has voted"; not "will decide", "may
    have decided", "did not decide"."""
    return _past(verb) and not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and _aux_modality(c.lower_) is not None)
        for c in verb.children)


def _aux_modality(word: str) -> str | None:
    """What a modal auxiliary makes of its verb's act: "will"/"would" look ahead
    (predicted); "may"/"could" and "should"/"must" leave it possible or asked for
    (hypothetical)."""
    if word in _FUTURE_AUX or word == "would":
        return "predicted"
    if word in _POSSIBLE_AUX or word in DEONTIC_AUX:
        return "hypothetical"
    return None


def _instead(head) -> bool:
    """ "*instead of* cracking down on the mobs", "*rather than* negotiating"."""
    p = head.head if head.dep_ in ("pcomp", "pobj") else None
    if p is None or p.pos_ != "ADP":
        return False
    before = p.doc[p.i - 1].lower_ if p.i > 0 else ""
    return (p.lower_ == "of" and before == "instead") or (p.lower_ == "than" and before == "rather")


def _told_as_done(clause, rel: str, lemma: str) -> bool:
    """A finite complement in the past under a verb that otherwise looks ahead: "the military
    *announced* that ten rebels *have surrendered*" reports a done act, while "announced
    it will withdraw" and "ordered troops to withdraw" stay plans."""
    return (rel == "ccomp" and _complement_modality().get(lemma) == "predicted"
            and lemma in _cue_sets()["report"] and _past(clause))


def _nobody(arg) -> bool:
    """ "nobody", "none", "no one", "no shots": an argument that denies the event happened."""
    kids = list(arg.children)
    if arg.lower_ in ("nobody", "none", "noone") or any(
            c.dep_ == "det" and c.lower_ == "no" for c in kids):
        return True
    # "not a single activist", "not one leader": a negated singular quantity
    return any(c.dep_ == "neg" for c in kids) and (
        arg.lower_ == "one" or any(c.lower_ in ("single", "one") for c in kids))


def _inherited_tense(node) -> str | None:
    """The tense a participle, infinitive or noun takes from the clause it hangs on: "pelted
    police, injuring two" and "staged a sit-in to protest" happened when the governing verb
    did. With no governing verb (a misparsed or verbless sentence), a sentence told only in
    the past tense is past."""
    for _ in range(8):
        if node.head is node:
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if _past(node):
            return "past"
        if _finite_present(node):
            return None
    finite = [t for t in node.sent if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    if any(_finite_present(t) for t in finite):
        return None
    return "past" if any(_past(t) for t in finite) else None


def to_infinitive(verb) -> bool:
    """A "to" infinitive ("the power *to detain*", "provided funds *to support*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def for_to_clause(verb) -> bool:
    """``verb`` heads a "for X to ..." clause ("called for Britain to stay"), which the parser
    hangs as an adverbial clause: what is called or pushed for, with its doer."""
    return to_infinitive(verb) and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _finite_present(verb) -> bool:
    return verb.tag_ in ("VBZ", "VBP", "MD") or any(a.tag_ in ("VBZ", "VBP", "MD")
                                                      for a in _auxes(verb))


# Prepositions whose event noun is told as a given, whatever the clause they hang on says:
# "failed to adopt the resolution *after a US veto*", "made no arrests *after the clash*".
_GIVEN_PREPS = {"after", "following", "amid", "despite", "since", "during", "over"}


# Conjunctions that tell a clause as what came before or caused the one it hangs on.
_PAST_MARKS = {"after", "since", "because", "as", "before"}


def _told_as_past(clause) -> bool:
    """A clause in the past, with its own subject, told as what preceded or caused another:
    "was ordered to neutralise gangs *after armed men stormed* a TV studio" (the storming
    happened, whatever the order says of the neutralising)."""
    return clause.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in clause.children) \
        and any(c.dep_ == "mark" and c.lower_ in _PAST_MARKS for c in clause.children)


def _clause_chain(trigger) -> list:
    """The trigger plus the governors that belong to its own clause."""
    chain = [trigger]
    t = trigger
    # a noun trigger belongs to the clause of the verb that governs it
    while t.pos_ not in ("VERB", "AUX") and t.head is not t and t.dep_ in (
        "dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "compound", "appos", "conj",
        "npadvmod", "oprd", "dep",
    ):
        if t.dep_ == "prep" and t.lower_ in _GIVEN_PREPS and t.head.pos_ in ("VERB", "AUX"):
            break
        t = t.head
        chain.append(t)
    while t.dep_ in ("xcomp", "acomp", "auxpass") and t.head is not t:
        t = t.head
        chain.append(t)
    return chain


def excludes(verb) -> bool:
    """``verb`` rules something out ("ruled out talks", "would not rule out a strike"): what
    it governs is a possibility, excluded unless the verb itself is negated."""
    return verb.lemma_.lower() == "rule" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "out" for c in verb.children)


def _has_if(verb, cues) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in cues["hypothetical"] for c in verb.children)


# Marks of a clause that must happen first: "will not release hostages *until* Israel stops".
_AWAITED_MARKS = {"until", "till", "unless", "before"}


def _awaited(verb) -> bool:
    """A clause a promise or a refusal waits on is a condition: "would not release any more
    hostages *until Israel stopped* its offensive". (Told of the past, it happened: "fought
    until the troops withdrew".)"""
    return verb.dep_ == "advcl" \
        and any(c.dep_ == "mark" and c.lower_ in _AWAITED_MARKS for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in WILL_AUX for c in verb.head.children)


# Verbs whose object event takes place by their act, whatever it was said of before ("joined
# the planned march", "held the proposed talks").
_HOLDING_VERBS = {"join", "hold", "stage", "attend", "lead", "conduct", "organise", "organize"}


def _held(noun) -> bool:
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _HOLDING_VERBS


def _modifier_reading(mod, cues) -> str | None:
    """What an adjective or participle before an event noun says of it: "an *alleged*
    attack" (alleged), "a *possible* strike" (hypothetical), "the *planned* rally"
    (predicted)."""
    words = {mod.lower_, mod.lemma_.lower()}
    if words & cues["allegation"]:
        return "alleged"
    if words & cues["hypothetical"]:
        return "hypothetical"
    if words & cues["predicted"]:
        return "predicted"
    return None


def _barring(verb) -> bool:
    """``verb`` keeps someone from an act, or the parser hung "from" on a relative clause of
    its object ("bars ships that have docked at a port *from entering*")."""
    if verb.lemma_.lower() in _BARRING:
        return True
    return verb.dep_ == "relcl" and verb.head.dep_ == "dobj" \
        and verb.head.head.lemma_.lower() in _BARRING


def assess(trigger) -> Assessment:
    """Read modality and polarity for the event signalled by ``trigger`` (a spaCy Token)."""
    cues = _cue_sets()
    modality = "asserted"
    negated = False
    tense: str | None = None
    speaker = None
    speaker_text = None

    def bump(m: str) -> None:
        nonlocal modality
        if _RANK[m] > _RANK[modality]:
            modality = m

    modifier = None  # what an adjective before an event noun says of it
    chain = _clause_chain(trigger)
    noun = trigger.head if trigger.dep_ == "compound" else trigger
    charged = accusation_over(noun)
    if charged is not None:
        bump("alleged")  # "accused Israel of *sabotage*": the accuser's claim
        speaker = _accuser(charged)
    if noun.pos_ in ("NOUN", "PROPN") and warning_against(noun) is not None:
        bump("hypothetical")  # "warned Beijing against *an invasion*": an act that may come
    # "would respond to *any attack*" (not "did not make any arrests": that is a denial)
    any_such = noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "any"
                                                        for c in noun.children)
    if noun.dep_ in ("pobj", "pcomp") and noun.head.lower_ == "without":
        negated = True  # "struck *without warning*", "acted without consulting Kyiv"
    # someone's act a preposition names with its possessor is a given: "has not responded to
    # *India's request*" (the request was made; but "has not launched *its offensive*" has not)
    owned = noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" \
        and any(c.dep_ == "poss" for c in noun.children)
    # 1. the trigger's own clause
    for k, t in enumerate(chain):
        via = chain[k - 1].dep_ if k else None  # how the previous link hangs on t
        # a denial the act hangs on reads its own "not" below ("did not deny carrying out")
        denial = t is not trigger and via == "xcomp" and t.lemma_.lower() in cues["denial"]
        for c in t.children:
            low = c.lower_
            if (c.dep_ == "neg" and not denial and not (owned and t is not trigger)) \
                    or (c.dep_ == "det" and low == "no" and t is trigger):
                negated = not negated
            elif t is trigger and c.dep_ in ("nsubjpass", "dobj") and _nobody(c):
                negated = not negated  # "no shots were fired", "killed nobody"
            elif c.dep_ == "aux" and (reading := _aux_modality(low)) is not None:
                bump(reading)  # "will strike", "could strike", "should be arrested"
                if reading == "predicted":
                    tense = "future"
            elif c.dep_ == "advmod" and low in cues["allegation"]:
                bump("alleged")
            elif t is trigger and c.dep_ == "amod" and t.pos_ in ("NOUN", "PROPN"):
                if not _held(t):  # "thousands *joined* the planned march": it took place
                    modifier = _modifier_reading(c, cues) or modifier  # "a *planned* rally"
                if low in cues["cancel"] or c.lemma_.lower() in cues["cancel"]:
                    negated = not negated  # "the *cancelled* rally", "a *foiled* attack"
            elif c.dep_ == "advmod" and low in cues["hedge"]:
                bump("alleged")
        lemma = t.lemma_.lower()
        if t is not trigger and t.pos_ in ("VERB", "AUX") and (
                (via == "dobj" and lemma in _WANTED_OR_WEIGHED)
                or (via == "prep" and chain[k - 1].lower_ == "for" and lemma in _REQUEST_FOR_VERBS)):
            bump("hypothetical")  # "demanded the *arrest* of", "called for a *ban* on"
        if t is not trigger and t.pos_ in ("VERB", "AUX") and via == "prep" \
                and chain[k - 1].lower_ == "for" and lemma in _PREPARING_FOR_VERBS:
            bump("predicted")  # "mobilizing its members *for an attack*"
        if t is not trigger and t.pos_ == "NOUN" and via == "prep" \
                and chain[k - 1].lower_ in ("for", "of"):
            if lemma in lexicon.word_set("proposals"):
                bump("hypothetical")  # "rejected Kenya's *call for talks*", "an offer of aid"
            elif lemma in _EXPECTING_NOUNS:
                bump(_EXPECTING_NOUNS[lemma])  # "in anticipation of protests", "fears of war"
            elif lemma in EVIDENCE_NOUNS and chain[k - 1].lower_ == "of":
                bump("alleged")  # "evidence of Russian involvement", "signs of an attack"
                if _denied_noun(t):
                    negated = not negated  # "*no* indication of an intentional attack"
        if t is not trigger and t.pos_ == "VERB" and lemma in _TOPIC_VERBS \
                and _bare_topic(chain[k - 1], via):
            bump("hypothetical")  # "met to discuss *military cooperation*"
        if t is not trigger and via == "xcomp" and f"{t.lower_} to" in cues["allegation"] \
                and any(c.dep_ == "auxpass" for c in t.children):
            bump("alleged")  # "Russia *is believed to* have supplied the missiles"
        if t is not trigger and t.pos_ in ("VERB", "AUX") and via == "dobj" \
                and lemma in _FORBIDDING:
            bump("hypothetical")  # "police have *banned* all demonstrations": not held (yet)
        if denial:
            if not _itself_denied(t):
                negated = not negated  # "Rwanda denied *supporting* the rebels": someone said so
            bump("alleged")  # (not denied: "did not deny carrying out the strike")
            speaker = speaker or _subject(t)
        if t is not trigger and via in ("dobj", "xcomp") and excludes(t):
            negated = not negated  # "ruled out *sending troops*"; with its own "not", kept open
            bump("hypothetical")
        if via == "xcomp" and lemma in OBLIGATION_VERBS and _finite_present(t):
            bump("hypothetical")  # "we have to arrest them" (not "police had to open fire")
        if t is not trigger and lemma in cues["predicted"]:
            bump("predicted")
            tense = "future"
            if lemma in _DOUBTED:
                negated = not negated
        if via in ("xcomp", "ccomp") and lemma in _complement_modality() \
                and not _told_as_done(chain[k - 1], via, lemma):
            effect = _complement_modality()[lemma]  # "urged X to withdraw", "refused to sign"
            if effect == "negative":
                negated = not negated
            else:
                bump(effect)
        elif t is not trigger and (lemma in cues["cancel"] or lemma in cues["negation_verbs"]
                                   or (lemma == "call" and any(c.lower_ == "off" for c in t.children))):
            # (a verb listed in both tables, such as "fail", negates once, not twice)
            negated = not negated
        if tense is None and t is chain[-1] and _past(t):
            tense = "past"
    if tense is None:
        tense = _inherited_tense(chain[-1])
    # "going to" future
    head = chain[-1]
    if head.head.lemma_ == "go" and head.dep_ == "xcomp" and any(
        c.dep_ == "aux" for c in head.head.children
    ):
        bump("predicted")
        tense = "future"
    # 2. conditionals
    for t in chain:
        if _has_if(t, cues) or _awaited(t):
            bump("hypothetical")
    for c in head.children:
        if c.dep_ == "advcl" and _has_if(c, cues) and head.lemma_.lower() not in _CONDITIONING_VERBS:
            bump("hypothetical")
    # "instead of cracking down", "rather than negotiating": the alternative did not happen
    if _instead(head):
        negated = not negated
    # 3. embedding verbs further up. Past a relative clause or a "given" preposition the
    # event is presupposed: who tells it still counts, but not what the clause above denies,
    # fears or plans ("denied sheltering militants *who attack* Pakistan").
    prev = head
    node = head.head
    steps = 0
    given = head.dep_ == "prep" and head.lower_ in _GIVEN_PREPS
    while node is not prev and steps < 8:
        lemma = node.lemma_.lower()
        rel = prev.dep_
        given = given or rel == "relcl" or (rel == "advcl" and _told_as_past(prev))
        if given:
            if lemma in cues["report"] and rel in ("ccomp", "parataxis"):
                if lemma in cues["nonfactive"]:
                    bump("alleged")
                speaker = speaker or _subject(node)
            prev, node = node, node.head
            steps += 1
            continue
        if rel == "advcl" and steps == 0 and to_infinitive(prev):
            # "will meet next week *to discuss* Ukraine": a purpose looks ahead with its act
            readings = {_aux_modality(a.lower_) for a in _auxes(node)}
            if "predicted" in readings:
                bump("predicted")
                tense = "future"
        if rel == "prep" and steps < 3 and prev.lower_ == "for" and head.dep_ == "pcomp" \
                and node.pos_ in ("VERB", "AUX") and lemma in _PREPARING_FOR_VERBS:
            bump("predicted")  # "mobilizing its members *for attacking* Haditha"
        if rel == "prep" and steps < 3 and head.dep_ == "pcomp" and node.pos_ in ("VERB", "AUX"):
            # "will not hesitate in arresting": the verb the -ing act completes looks ahead
            readings = {_aux_modality(a.lower_) for a in _auxes(node)}
            if "predicted" in readings:
                bump("predicted")
            elif "hypothetical" in readings:
                bump("hypothetical")
        if rel in ("ccomp", "xcomp", "parataxis", "dobj", "pcomp", "pobj", "prep", "advcl", "conj"):
            if rel == "advcl" and _has_if(prev, cues):
                bump("hypothetical")
            if lemma in cues["denial"] and rel != "conj" \
                    and not (prev is head and head.lemma_.lower() in _ACCUSE_LEMMAS
                             and _denies_the_charge(node)):
                if not _itself_denied(node):  # "did not deny", "neither confirmed nor denied"
                    negated = not negated     # leave the act open
                bump("alleged")
                speaker = speaker or _subject(node)
            elif lemma in _ACCUSE_LEMMAS and rel in ("pcomp", "pobj", "prep", "ccomp", "xcomp"):
                bump("alleged")
                speaker = speaker or _accuser(node)
            elif lemma in cues["report"] and rel in ("ccomp", "parataxis"):
                if lemma in cues["nonfactive"]:
                    bump("alleged")
                speaker = speaker or _subject(node)
            elif lemma in cues["predicted"] and rel in ("xcomp", "ccomp"):
                bump("predicted")
            if (rel in ("xcomp", "ccomp") or (rel == "advcl" and for_to_clause(prev))) \
                    and lemma in _complement_modality() and steps < 2 \
                    and not _told_as_done(prev, rel, lemma):  # ("pushed *for Serbia to* recognise")
                effect = _complement_modality()[lemma]
                if effect == "negative":
                    negated = not negated
                else:
                    bump(effect)
            elif rel in ("dobj", "xcomp") and steps < 2 and (
                lemma in cues["cancel"] or lemma in cues["negation_verbs"]
                or (lemma == "call" and any(c.lower_ == "off" for c in node.children))
            ):
                negated = not negated
        if rel in ("ccomp", "xcomp", "dobj") and steps < 2 and excludes(node):
            # "did not rule out that Russia would attack": what is ruled out or kept open is
            # a possibility; the verb's own "not" is read here, as its clause is not the act's
            if not any(c.dep_ == "neg" for c in node.children):
                negated = not negated
            bump("hypothetical")
        if rel == "prep" and prev.lower_ == "from" and head.dep_ == "pcomp" and steps < 3 \
                and node.pos_ in ("VERB", "AUX") and _barring(node):
            negated = not negated  # "bars ships *from entering* U.S. waters"
            bump("hypothetical")
        if steps < 3 and node.pos_ == "NOUN" and lemma in EVIDENCE_NOUNS and rel == "acl" \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in prev.children):
            bump("alleged")  # "evidence that Iran was involved in the attack"
            if _denied_noun(node):
                negated = not negated  # "no evidence that Ukraine used US weapons"
        if steps < 3 and node.pos_ == "NOUN" and lemma in PURPOSE_NOUNS \
                and (rel == "acl" or (rel == "prep" and prev.lower_ == "of")) \
                and any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            negated = not negated  # "no plans to send", "no intention of attacking"
            bump("predicted")
        if rel in ("acl", "advcl") and steps < 2 and node.pos_ in ("NOUN", "PROPN") \
                and lemma in _complement_modality() and (to_infinitive(prev) or any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in prev.children)):
            # "the power to detain", "its demand *that* Washington lift sanctions", "its call
            # for Washington *to* lift them" (the parser may hang the clause as an advcl)
            effect = _complement_modality()[lemma]
            if effect == "negative":
                negated = not negated  # "their refusal to withdraw"
            else:
                bump(effect)
        prev, node = node, node.head
        steps += 1
    # a quoted clause before "X said" is parataxis/ccomp of the root: the root is the speaker verb
    root = trigger.sent.root
    if speaker is None and root is not head and root.lemma_.lower() in cues["report"]:
        speaker = _subject(root)
    # 4. "according to X" / "as X reported"
    if speaker is None:
        for t in trigger.sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                objs = [g for g in t.nbor(1).children if g.dep_ == "pobj"]
                if objs:
                    speaker = objs[0]
                    break
            if t.dep_ == "advcl" and t.lemma_.lower() in cues["report"] and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in t.children
            ):
                speaker = _subject(t)
                break
    if speaker is not None and speaker.i in {t.i for t in chain}:
        speaker = None
    if modifier is not None and not negated:
        bump(modifier)  # "the planned talks were *postponed*": called off, not refused
    if any_such and not negated:
        bump("hypothetical")
    return Assessment(
        modality=modality,
        polarity="negative" if negated else "positive",
        speaker_head=speaker,
        speaker_text=speaker_text,
        tense=tense,
    )
