"""Where the lexicon is unsure, ask the learned sentence classifier.

The rules are precise but miss paraphrases; the classifier (MiniLM embeddings + a linear
model, ``wardrums.classify``) generalises but knows nothing of arguments. They meet here:
1. a parsed sentence where the rules found an event: the event's confidence becomes the mean
   of the rule's score and the classifier's calibrated probability for that category, so the
   article's main event is the one both agree on;
2. a parsed sentence where the rules found nothing: if the classifier is confident that it
   holds one category (not "none"), an event of that category is coded with the clause's
   subject as source and its object (or the other side of a preposition) as target, marked
   by a lower confidence and the sentence root as its trigger.
Without the classifier installed, coding is rules-only and says so in ``Event.coder``.
"""

from __future__ import annotations

import functools

from wardrums.coding.modality import report_verbs
from wardrums.data import lexicon

#: Minimum calibrated probability for the classifier to add an event the rules missed.
ADD_THRESHOLD = 0.6
_FALLBACK_TARGET_PREPS = ("against", "on", "with", "to", "at")
# Verbs whose passive subject is said or thought to have done what follows ("X is suspected
# to be behind", "Y is believed to have fired").
_SAID_OF = {"suspect", "believe", "think", "say", "report", "allege", "accuse", "know", "understand"}


@functools.cache
def classifier():
    """The sentence classifier, or None when it is not installed (rules-only coding)."""
    try:
        from wardrums.classify import sentence_classifier

        return sentence_classifier()
    except Exception:  # missing extra, missing weights: the rules still work on their own
        return None


def probabilities(texts: list[str]) -> list[dict[str, float]] | None:
    """Calibrated category probabilities per text, or None without a classifier."""
    clf = classifier()
    if clf is None or not texts:
        return None
    probs = clf.predict_proba(texts)
    return [dict(zip(clf.labels, map(float, row), strict=True)) for row in probs]


def blend(rule_confidence: float, p_category: float) -> float:
    """Confidence of a rule event once the classifier has had its say."""
    return round(0.5 * rule_confidence + 0.5 * p_category, 3)


def best_label(p: dict[str, float]) -> tuple[str, float]:
    label = max(p, key=p.__getitem__)
    return label, p[label]


def clause_arguments(doc, *, material: bool = False):
    """Subject-side and object-side head tokens of the sentence's main clause.

    For a physical act (``material``) told in a clause a report verb governs ("the bombers
    are suspected to be behind the blasts, the secretary said"), the clause is the reported
    one: the one who said it did not do it. ("Germany announced more funding": no reported
    clause, the subject acts.)
    """
    root = next(iter(doc.sents)).root
    if material and root.lemma_.lower() in report_verbs():
        told = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
        if told:
            root = told[0]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in root.children)
    if passive and root.lemma_.lower() in _SAID_OF:
        # "the bombers are *suspected* to be behind the blasts": the one suspected is the doer
        return root, [c for c in root.children if c.dep_ == "nsubjpass"], []
    if passive:
        sources = [g for c in root.children if c.dep_ == "agent" for g in c.children
                   if g.dep_ == "pobj"]
        targets = [c for c in root.children if c.dep_ == "nsubjpass"]
    elif root.lemma_.lower() in lexicon.word_set("witness_verbs"):
        sources = []  # "villagers survived the massacre": the subject only saw or suffered it
        targets = [c for c in root.children if c.dep_ in ("dobj", "dative")]
    else:
        sources = [c for c in root.children if c.dep_ == "nsubj"]
        targets = [c for c in root.children if c.dep_ in ("dobj", "dative")]
    if not targets:
        targets = [g for c in root.children if c.dep_ == "prep" and c.lower_ in _FALLBACK_TARGET_PREPS
                   for g in c.children if g.dep_ == "pobj"]
    return root, sources, targets
