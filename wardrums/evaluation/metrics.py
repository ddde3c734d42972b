"""Classification metrics written out by hand (no scikit-learn): small, exact, tested.

Conventions, the same everywhere in the evaluation:

* precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their harmonic mean; a ratio whose
  denominator is zero is 0.0 (the scikit-learn ``zero_division=0`` convention);
* a prediction outside the label set (``"none"`` when the coder found no event) is never a
  false positive of a listed class but is a false negative of the gold class, so it lowers
  recall without inflating anyone's precision;
* :func:`macro_f1` averages F1 over the given labels that occur at all (in gold or in the
  predictions). A label with neither support nor predictions has an undefined F1 and is left
  out rather than counted as 0, so a small sample that happens to miss a rare class is not
  punished for it. With no such label the result is 0.0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassScore:
    """Precision, recall and F1 of one class, with its gold support and the raw counts."""

    precision: float
    recall: float
    f1: float
    support: int  # gold items of this class
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def predicted(self) -> int:
        return self.tp + self.fp


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def score_from_counts(tp: int, fp: int, fn: int) -> ClassScore:
    """A :class:`ClassScore` from true-positive, false-positive and false-negative counts."""
    p = _ratio(tp, tp + fp)
    r = _ratio(tp, tp + fn)
    f = _ratio(2 * p * r, p + r)
    return ClassScore(precision=p, recall=r, f1=f, support=tp + fn, tp=tp, fp=fp, fn=fn)


def _check_lengths(gold: Sequence, pred: Sequence) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} labels but predictions have {len(pred)}")


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> dict[str, ClassScore]:
    """One :class:`ClassScore` per label in ``labels`` (in that order)."""
    _check_lengths(gold, pred)
    out: dict[str, ClassScore] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        out[label] = score_from_counts(tp, fp, fn)
    return out


def macro_f1_from_scores(scores: dict[str, ClassScore]) -> float:
    """Mean F1 over the classes that occur in gold or predictions (see module doc)."""
    used = [s.f1 for s in scores.values() if s.support or s.predicted]
    return sum(used) / len(used) if used else 0.0


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> float:
    """Macro-averaged F1 over ``labels``; predictions outside ``labels`` only cost recall."""
    return macro_f1_from_scores(per_class(gold, pred, labels))


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Share of items whose prediction equals the gold label (0.0 on no items)."""
    _check_lengths(gold, pred)
    return _ratio(sum(1 for g, p in zip(gold, pred, strict=True) if g == p), len(gold))


def binary_score(gold: Sequence[bool], pred: Sequence[bool]) -> ClassScore:
    """Detection score of the positive class from two parallel boolean sequences."""
    _check_lengths(gold, pred)
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    return score_from_counts(tp, fp, fn)


def confusion_matrix(gold: Sequence[str], pred: Sequence[str],
                     labels: Iterable[str] = ()) -> dict[str, dict[str, int]]:
    """``matrix[gold][predicted] = count``, rows and columns over ``labels`` then any other
    label seen (sorted), every cell present (zeros included) so the shape is square."""
    _check_lengths(gold, pred)
    order = list(dict.fromkeys(labels))
    extra = sorted((set(gold) | set(pred)) - set(order))
    order += extra
    matrix = {g: dict.fromkeys(order, 0) for g in order}
    for g, p in zip(gold, pred, strict=True):
        matrix[g][p] += 1
    return matrix


def confusion_text(matrix: dict[str, dict[str, int]]) -> str:
    """The matrix as aligned plain text: rows are gold, columns are predicted."""
    labels = list(matrix)
    if not labels:
        return "(empty)"
    corner = "gold \\ pred"
    first = max(len(corner), *(len(lab) for lab in labels))
    widths = [max(len(lab), *(len(str(matrix[g][lab])) for g in labels)) for lab in labels]
    lines = ["  ".join([corner.ljust(first), *(lab.rjust(w) for lab, w in zip(labels, widths, strict=True))])]
    for g in labels:
        cells = (str(matrix[g][lab]).rjust(w) for lab, w in zip(labels, widths, strict=True))
        lines.append("  ".join([g.ljust(first), *cells]))
    return "\n".join(lines)
