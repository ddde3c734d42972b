"""The accuracy gate: floors file schema, failures named with value and floor, exit codes."""

from __future__ import annotations

import math

import pytest
import yaml
from test_evaluation_gold import (
    acled_row,
    case_row,
    conflibert_row,
    ipe_row,
    ngec_row,
    write_jsonl,
)
from test_evaluation_tasks import KeywordCoder

from wardrums.evaluation import run_dev_suite
from wardrums.evaluation.gate import FLOORS_PATH, check_floors, floor_table, load_floors, main
from wardrums.evaluation.report import EvalResult


def result(set_name: str, figures: dict[str, float]) -> EvalResult:
    return EvalResult(set_name=set_name, task="t", path="p", use="evaluation only", n_scored=10,
                      skipped=[], figures=figures, figure_n=dict.fromkeys(figures, 10), labels=[],
                      per_class={}, confusion={}, worst_errors=[], elapsed_s=1.0, words=100,
                      n_articles=10, n_available=10)


FLOORS = {"floors": {"case2021_dev": {"case.macro_f1": 0.40, "case.accuracy": 0.5},
                     "ngec_synthetic_plover": {"ngec.macro_f1": 0.2}}}


def test_all_floors_met():
    results = [result("case2021_dev", {"case.macro_f1": 0.40, "case.accuracy": 0.9}),
               result("ngec_synthetic_plover", {"ngec.macro_f1": 0.25})]
    assert check_floors(results, FLOORS) == []
    assert check_floors(results, FLOORS["floors"]) == []  # the bare section works too


def test_failures_name_figure_value_and_floor():
    results = [result("case2021_dev", {"case.macro_f1": 0.3512, "case.accuracy": 0.9}),
               result("ngec_synthetic_plover", {"ngec.macro_f1": 0.1})]
    failures = check_floors(results, FLOORS)
    assert len(failures) == 2
    assert failures[0].startswith("case.macro_f1 = 0.351 is below its floor 0.400")
    assert "ngec.macro_f1 = 0.100" in failures[1] and "0.200" in failures[1]


def test_unmeasured_figures_fail():
    results = [result("case2021_dev", {"case.macro_f1": math.nan})]
    failures = check_floors(results, FLOORS)
    assert any(f.startswith("case.macro_f1: not computed") for f in failures)
    assert any(f.startswith("case.accuracy: not computed") for f in failures)
    assert any(f.startswith("ngec.macro_f1: not measured") for f in failures)


def test_floor_table_marks_failures():
    table = floor_table([result("case2021_dev", {"case.macro_f1": 0.1, "case.accuracy": 0.6})],
                        FLOORS)
    lines = table.splitlines()
    assert lines[0].split() == ["set", "figure", "value", "floor", "status"]
    assert lines[1].split() == ["case2021_dev", "case.macro_f1", "0.100", "0.400", "FAIL"]
    assert lines[2].split()[-1] == "ok"
    assert lines[3].split()[2:] == ["-", "0.200", "FAIL"]


def test_shipped_floors_cover_every_figure_the_suite_produces(tmp_path):
    """The floors file covers every headline figure the dev suite computes, and every
    per-class floor names a label of its set."""
    floors = load_floors()
    assert floors["version"] == 1 and floors["gate"]["sample"] > 0
    assert "Lowering one needs a reason" in FLOORS_PATH.read_text()
    write_jsonl(tmp_path / "acled_dev.jsonl", [acled_row(1, "ASSAULT"), acled_row(2, "PROTEST")])
    write_jsonl(tmp_path / "case2021_dev.jsonl", [case_row(1, "AGREE")])
    spanned = {**conflibert_row(1, 2), "text": "Kenya sent aid to Somalia.", "spans_available": True,
               "tokens": ["Kenya", "sent", "aid", "to", "Somalia", "."],
               "bio_tags": ["B-S", "O", "O", "O", "B-T", "O"]}  # (the role figures need spans)
    write_jsonl(tmp_path / "conflibert_train.jsonl", [spanned])
    write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", [ngec_row(1, "AID")])
    write_jsonl(tmp_path / "indiapoliceevents_sents.jsonl", [ipe_row(1, 0, ["ASSAULT"])])
    results = run_dev_suite(tmp_path, predict=KeywordCoder())
    produced = {(r.set_name, fig) for r in results for fig in r.figures}
    declared = {(s, fig) for s, figs in floors["floors"].items() for fig in figs}
    headline = {d for d in declared if ".f1." not in d[1]}
    assert produced == headline
    labels = {r.set_name: set(r.labels) for r in results}
    for set_name, fig in declared - headline:
        assert fig.split(".f1.", 1)[1] in labels[set_name], (set_name, fig)


def test_bad_floors_file(tmp_path, capsys):
    bad = tmp_path / "floors.yaml"
    bad.write_text(yaml.safe_dump({"floors": {"case2021_dev": {"case.macro_f1": 1.5}}}))
    assert main(["--gold", str(tmp_path), "--floors", str(bad)]) == 2
    assert "a floor is a number from 0 to 1" in capsys.readouterr().err


def test_gate_skips_cleanly_without_gold(tmp_path, capsys):
    assert main(["--gold", str(tmp_path / "absent"), "--sample", "5"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_gate_main_exit_codes(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    write_jsonl(gold / "ngec_synthetic_plover.jsonl",
                [ngec_row(1, "AID"), ngec_row(2, "SANCTION"), ngec_row(3, "AID")])
    floors = tmp_path / "floors.yaml"
    floors.write_text(yaml.safe_dump({"version": 1, "gate": {"sample": 2, "seed": 13},
                                      "floors": {"ngec_synthetic_plover": {"ngec.accuracy": 0.0}}}))
    assert main(["--gold", str(gold), "--floors", str(floors)], predict=KeywordCoder()) == 0
    out = capsys.readouterr().out
    assert "sample 2 per set" in out and "all floors met" in out
    floors.write_text(yaml.safe_dump({"floors": {"ngec_synthetic_plover": {"ngec.accuracy": 0.9},
                                                 "case2021_dev": {"case.macro_f1": 0.0}}}))
    assert main(["--gold", str(gold), "--floors", str(floors), "--sample", "3"],
                predict=KeywordCoder()) == 1
    out = capsys.readouterr().out
    assert "FAIL ngec.accuracy = 0.000 is below its floor 0.900" in out
    assert "FAIL case.macro_f1: not measured (case2021_dev was not evaluated)" in out


def test_per_class_f1_floors_and_proposals():
    from wardrums.evaluation.gate import check_floors, figure_value, proposed_floors
    from wardrums.evaluation.metrics import ClassScore

    r = _result_with_class_scores()
    assert figure_value(r, "acled.f1.PROTEST") == pytest.approx(0.8)
    fails = check_floors([r], {"acled_dev": {"acled.f1.PROTEST": 0.9}})
    assert fails and "acled.f1.PROTEST" in fails[0]
    assert check_floors([r], {"acled_dev": {"acled.f1.PROTEST": 0.75}}) == []
    proposed = proposed_floors([r], 0.03)["acled_dev"]
    assert proposed["acled.f1.PROTEST"] == pytest.approx(0.77)
    assert proposed["acled.macro_f1"] == pytest.approx(0.67)
    assert ClassScore  # the per-class scores come from the metrics module


def _result_with_class_scores():
    from wardrums.evaluation.metrics import ClassScore
    from wardrums.evaluation.report import EvalResult

    return EvalResult(
        set_name="acled_dev", task="event", path="x", use="evaluation only", n_scored=10,
        skipped=[], figures={"acled.macro_f1": 0.7}, figure_n={}, labels=["PROTEST", "ASSAULT"],
        per_class={"PROTEST": ClassScore(precision=0.8, recall=0.8, f1=0.8, support=5),
                   "ASSAULT": ClassScore(precision=0.6, recall=0.6, f1=0.6, support=5)},
        confusion={}, worst_errors=[], elapsed_s=1.0, words=10, n_articles=10, n_available=10)
