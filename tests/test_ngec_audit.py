"""The blind NGEC re-labelling (docs/audits/ngec_blind_labels.jsonl) and its scoring."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from wardrums.errors import GoldError
from wardrums.evaluation.audit import agreement, read_audit, reader_agreement
from wardrums.records import EVENT_TYPES

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "ngec_label_audit.py"


def test_audit_labels_are_plover_categories_one_per_story():
    audit = read_audit()
    assert len(audit) == 80
    assert len({a["id"] for a in audit}) == 80
    for a in audit:
        assert a["label"] in EVENT_TYPES, a
        assert a["second"] is None or a["second"] in EVENT_TYPES, a
        assert a["second"] != a["label"], a
        assert isinstance(a["clear"], bool)


def test_agreement_counts_matches_and_class_f1():
    found = agreement(["ASSAULT", "ASSAULT", "AID", "AID"], ["ASSAULT", "AID", "AID", "AID"])
    assert found.n == 4 and found.share == 0.75
    # ASSAULT: P 1, R .5, F1 .667; AID: P .667, R 1, F1 .8
    assert found.macro_f1 == pytest.approx((2 / 3 + 0.8) / 2)


def test_reader_agreement_on_the_gold_set(gold_dir):
    found = reader_agreement(gold_dir)
    assert found["reader"].n == 80
    assert 0.0 < found["reader"].share < 1.0
    # either of two choices agrees at least as often as the first choice
    assert found["either"].share >= found["reader"].share
    assert found["clear"].n < 80


def test_missing_gold_names_the_file(tmp_path):
    with pytest.raises(GoldError, match="ngec_synthetic_plover.jsonl: NGEC gold not found"):
        reader_agreement(tmp_path)


def test_script_prints_the_reader_figures(gold_dir, capsys):
    spec = importlib.util.spec_from_file_location("ngec_label_audit", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--gold", str(gold_dir)]) == 0
    assert capsys.readouterr().out.startswith("reader (blind) vs NGEC label")
