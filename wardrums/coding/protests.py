"""What a protest says, and whether a sentence tells it as going on: the parse readings
behind ``coder._protests_heard``.

"Teachers staged a demonstration *demanding* higher pay", "students took out a procession
*demanding* the arrest of the attackers", "demonstrators gathered *to urge* the government to
scrap the tax", "protesters *demanded* the minister's resignation": the demand is the
protest's message and the protest is the news (CAMEO 14 codes a demonstration with its
demand; ACLED and CASE count these as protests). The coder keeps the demand as an event of
its own, aimed at whom it asks, but it

1. yields to the protest that voices it as the sentence's main event, and has the protest's
   doers for its own when the parse gave it the protest itself ("a demonstration demanding");
2. implies a protest where its doers are protesters and no protest word was coded
   ("demonstrators gathered outside parliament to urge ...").

Only what a crowd says in the street counts: a demand hung on a minister's statement, or a
protest that is only talked of, voices no protest.

A protest told as going on (by a verb, or as the setting of another act: "detained *during*
protests") also outranks the force and arrests that met the crowd (:func:`told_as_going_on`).
"""

from __future__ import annotations

from wardrums.data import lexicon

#: Categories of what a protest says.
CLAIMS = frozenset({"REQUEST", "ACCUSE", "REJECT"})
# Links from a participle or infinitive to the act or noun it elaborates: "staged a
# demonstration demanding" (acl/advcl), "gathered to urge" (advcl), "walked the streets and
# continued to demand" (conj, then xcomp).
_LINKS = frozenset({"advcl", "acl", "xcomp", "conj"})
_MAX_STEPS = 3


def voiced_by(claim, protest_heads: set[int]) -> object | None:
    """The protest token whose message the claim trigger ``claim`` is, or None.

    ``protest_heads`` holds the token indices of the sentence's protests that happened
    (their triggers, and the protest nouns those triggers take as objects). The claim is
    their message when it hangs on one of them through participles, infinitives and
    conjoined verbs ("staged a demonstration *demanding*", "took out a procession ...,
    *demanding*").
    """
    cur = claim
    for _ in range(_MAX_STEPS):
        if cur.dep_ not in _LINKS or cur.head is cur:
            return None
        cur = cur.head
        if cur.i in protest_heads:
            return cur
    return None


def protesting_subject(claim) -> object | None:
    """The protesters who voice the claim, when its doer is named as protesters: its own
    subject, the subject of the verb it completes or is conjoined to ("demonstrators
    gathered *to urge*", "protesters turned out *to demand*", "protesters put forward
    *demands*"), or the protesters a participle describes ("protesters *demanding* a ban")."""
    cur = claim
    for _ in range(_MAX_STEPS):
        subjects = [c for c in cur.children if c.dep_ == "nsubj"]
        if subjects:
            return _protesters(subjects[0])
        if cur.dep_ == "acl" and _protesters(cur.head) is not None:
            return _protesters(cur.head)  # "led thousands of protesters *demanding* a ban"
        if cur.dep_ == "dobj" and cur.pos_ == "NOUN":
            cur = cur.head  # "protesters put forward 20 *demands*"
            continue
        if cur.dep_ not in _LINKS or cur.head is cur:
            return None
        cur = cur.head
    return None


def _protesters(noun) -> object | None:
    """``noun`` if it names protesters, or the protesters it counts ("thousands *of
    demonstrators*")."""
    if noun.lemma_.lower() in lexicon.word_set("protesters"):
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in lexicon.word_set("protesters"):
                    return pobj
    return None


# Prepositions that set an act in a protest going on ("detained *during* the protest").
_SETTING_PREPS = frozenset({"during", "amid", "at", "in"})


def told_as_going_on(trigger) -> bool:
    """The protest is told as happening, not only named: by a verb ("supporters *staged*
    sit-ins", "protesters *marched*"), or by a noun setting the scene of another act
    ("detained *during* unsanctioned protests", "arrested *at* the rally"). A noun on its
    own ("controlled *the riots*", "in *the '85 riots*") names a protest, often one told
    before."""
    if trigger.pos_ in ("VERB", "AUX"):
        return True
    return trigger.dep_ == "pobj" and trigger.head.lower_ in _SETTING_PREPS \
        and not any(c.dep_ == "det" and c.lower_ in ("the", "that", "those", "these")
                    for c in trigger.children)


def protest_heads(triggers) -> set[int]:
    """Token indices standing for the protests whose trigger tokens are ``triggers``: each
    trigger and the protest nouns it takes as its object ("staged *a demonstration*")."""
    nouns = lexicon.word_set("protest_nouns")
    out = set()
    for tok in triggers:
        out.add(tok.i)
        out.update(c.i for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns)
    return out
