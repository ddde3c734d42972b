"""The classifier's numpy parts: logistic regression, temperature, ECE, folds, data rules."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from wardrums.classify import training as T
from wardrums.classify.linear import (
    LinearModel,
    expected_calibration_error,
    f1_scores,
    fit_softmax,
    fit_temperature,
    softmax,
)


def _blobs(n=300, k=3, d=8, seed=0):
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 3, (k, d))
    y = np.arange(n) % k
    return centers[y] + rng.normal(0, 1, (n, d)), y


def test_softmax_regression_separates_blobs():
    X, y = _blobs()
    m = fit_softmax(X, y, 3, l2=1e-3)
    assert (m.logits(X).argmax(axis=1) == y).mean() > 0.97
    np.testing.assert_allclose(m.predict_proba(X).sum(axis=1), 1.0, atol=1e-9)


def test_fit_is_deterministic():
    X, y = _blobs(seed=1)
    a, b = fit_softmax(X, y, 3), fit_softmax(X, y, 3)
    assert np.array_equal(a.W, b.W) and np.array_equal(a.b, b.b)


def test_temperature_recovers_a_known_scale():
    rng = np.random.default_rng(2)
    true_logits = rng.normal(0, 2, (4000, 5))
    y = np.array([rng.choice(5, p=p) for p in softmax(true_logits)])
    t = fit_temperature(true_logits * 3.0, y)  # over-confident by 3x
    assert 2.6 < t < 3.4


def test_ece():
    y = np.array([0, 1, 0, 1])
    sure_right = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    assert expected_calibration_error(sure_right, y) == pytest.approx(0.0)
    sure_wrong = sure_right[:, ::-1]
    assert expected_calibration_error(sure_wrong, y) == pytest.approx(1.0)


def test_f1_scores():
    f1 = f1_scores(np.array([0, 0, 1, 2]), np.array([0, 1, 1, 2]), 3)
    np.testing.assert_allclose(f1, [2 / 3, 2 / 3, 1.0])


def test_folds_keep_groups_whole_and_are_stratified():
    y = np.repeat(np.arange(4), 50)
    groups = np.array([f"g{i // 2}" for i in range(200)])  # pairs of examples share a story
    folds = T.stratified_group_folds(y, groups, 5, seed=7)
    for g in set(groups):
        assert len(set(folds[groups == g])) == 1
    for c in range(4):
        counts = np.bincount(folds[y == c], minlength=5)
        assert counts.max() - counts.min() <= 2
    assert np.array_equal(folds, T.stratified_group_folds(y, groups, 5, seed=7))


def test_evaluation_only_gold_is_refused(tmp_path: Path):
    for name in ("acled_dev.jsonl", "case2021_dev.jsonl", "conflibert_train.jsonl",
                 "indiapoliceevents_sents.jsonl"):
        p = tmp_path / name
        p.write_text(json.dumps({"id": "x", "text": "t", "event_plover": "PROTEST"}) + "\n")
        with pytest.raises(ValueError, match="evaluation-only"):
            T.read_ngec(p)
        with pytest.raises(ValueError, match="evaluation-only"):
            T.read_project(p)


def test_project_sentences_train_split_only(tmp_path: Path):
    p = tmp_path / "plover_sentences.jsonl"
    rows = [{"text": "Police detained the editor.", "label": "COERCE", "split": "train"},
            {"text": "It rained.", "label": "none", "split": "train"},
            {"text": "Rebels shelled the town.", "label": "ASSAULT", "split": "test"}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    ex, src = T.read_project(p)
    assert [(e.text, T.LABELS[e.label]) for e in ex] == [
        ("Police detained the editor.", "COERCE"), ("It rained.", "none")]
    assert (src.rows, src.used) == (3, 2)


def test_lede_is_the_first_sentence():
    text = "Rebels shelled the town on Monday, killing four. The army said it would respond."
    assert T.lede(text) == "Rebels shelled the town on Monday, killing four."


def test_none_sentences_are_ours_and_plentiful():
    ex, src = T.read_none(T.NONE_FILE)
    assert src.used >= 150
    assert len({e.text for e in ex}) == len(ex)  # no duplicates


def test_shipped_head_loads_without_torch():
    from wardrums.classify import load_linear

    model, meta = load_linear()
    assert isinstance(model, LinearModel)
    assert model.W.shape == (384, len(meta["labels"])) and model.W.dtype == np.float32
    assert model.temperature == pytest.approx(meta["calibration"]["temperature"])
