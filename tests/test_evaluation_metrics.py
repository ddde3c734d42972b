"""Metric arithmetic on cases small enough to check by hand."""

from __future__ import annotations

import pytest

from wardrums.evaluation.metrics import (
    accuracy,
    binary_score,
    confusion_matrix,
    confusion_text,
    macro_f1,
    per_class,
    score_from_counts,
)
from wardrums.evaluation.report import ErrorExample, excerpt, worst_errors

GOLD = ["A", "A", "A", "B", "B", "C"]
PRED = ["A", "A", "B", "B", "none", "A"]


def test_per_class_by_hand():
    s = per_class(GOLD, PRED, ["A", "B", "C"])
    # A: tp 2, fp 1 (the C item), fn 1 (the A→B item)
    assert (s["A"].tp, s["A"].fp, s["A"].fn, s["A"].support) == (2, 1, 1, 3)
    assert s["A"].precision == pytest.approx(2 / 3)
    assert s["A"].recall == pytest.approx(2 / 3)
    assert s["A"].f1 == pytest.approx(2 / 3)
    # B: tp 1, fp 1, fn 1 ("none" is a miss, not anyone's false positive)
    assert s["B"].precision == pytest.approx(0.5)
    assert s["B"].recall == pytest.approx(0.5)
    assert s["B"].f1 == pytest.approx(0.5)
    # C: never predicted → all zero, support 1
    assert (s["C"].precision, s["C"].recall, s["C"].f1, s["C"].support) == (0.0, 0.0, 0.0, 1)


def test_macro_f1_and_accuracy_by_hand():
    assert macro_f1(GOLD, PRED, ["A", "B", "C"]) == pytest.approx((2 / 3 + 0.5 + 0.0) / 3)
    assert accuracy(GOLD, PRED) == pytest.approx(3 / 6)


def test_none_prediction_costs_recall_only():
    s = per_class(["A", "A"], ["A", "none"], ["A"])
    assert s["A"].precision == 1.0
    assert s["A"].recall == 0.5
    assert s["A"].f1 == pytest.approx(2 / 3)


def test_macro_f1_leaves_out_labels_never_seen():
    # D has no support and is never predicted: undefined, not a zero in the average
    assert macro_f1(["A", "B"], ["A", "A"], ["A", "B", "D"]) == pytest.approx((2 / 3 + 0.0) / 2)
    # but a label only predicted (a false positive) does count
    assert macro_f1(["A", "A"], ["A", "D"], ["A", "D"]) == pytest.approx((2 / 3 + 0.0) / 2)
    assert macro_f1([], [], ["A"]) == 0.0


def test_zero_division_is_zero():
    s = score_from_counts(0, 0, 0)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert accuracy([], []) == 0.0


def test_binary_score_by_hand():
    s = binary_score([True, True, False, False, True], [True, False, True, False, True])
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)


def test_length_mismatch_raises():
    with pytest.raises(ValueError, match="2 labels"):
        accuracy(["A", "B"], ["A"])


def test_confusion_matrix_is_square_and_counts():
    m = confusion_matrix(GOLD, PRED, ["A", "B", "C"])
    assert list(m) == ["A", "B", "C", "none"]
    assert all(list(row) == ["A", "B", "C", "none"] for row in m.values())
    assert m["A"] == {"A": 2, "B": 1, "C": 0, "none": 0}
    assert m["B"] == {"A": 0, "B": 1, "C": 0, "none": 1}
    assert m["C"]["A"] == 1
    assert sum(sum(r.values()) for r in m.values()) == len(GOLD)


def test_confusion_text_is_aligned():
    text = confusion_text(confusion_matrix(["LONGLABEL", "B"], ["B", "B"], ["LONGLABEL", "B"]))
    lines = text.splitlines()
    assert len(lines) == 3
    assert len({len(line) for line in lines}) == 1  # every row the same width
    assert lines[0].startswith("gold \\ pred")
    assert lines[1].split() == ["LONGLABEL", "0", "1"]


def test_excerpt_is_at_most_200_chars_on_one_line():
    assert excerpt("a\n b  c") == "a b c"
    long = excerpt("word " * 100)
    assert len(long) <= 200 and long.endswith("…")


def test_worst_errors_ranked_by_confidence_then_order():
    errs = [ErrorExample(f"i{n}", "A", "B", c, "") for n, c in enumerate([0.2, 0.9, 0.5, 0.9])]
    assert [e.item_id for e in worst_errors(errs, 3)] == ["i1", "i3", "i2"]
    many = [ErrorExample(f"i{n}", "A", "B", 0.5, "") for n in range(30)]
    assert len(worst_errors(many)) == 20
