"""The generated accuracy report: header, provenance, and no gold text."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from test_evaluation_gold import case_row, ngec_row, write_jsonl
from test_evaluation_tasks import KeywordCoder

from wardrums.evaluation import run_dev_suite

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_accuracy_report.py"


def load_script():
    spec = importlib.util.spec_from_file_location("make_accuracy_report", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_report_header_and_no_gold_text(tmp_path):
    write_jsonl(tmp_path / "case2021_dev.jsonl", [case_row(1, "AGREE"), case_row(2, "PROTEST")])
    write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", [ngec_row(1, "AID")])
    results = run_dev_suite(tmp_path, predict=KeywordCoder())
    text = load_script().render(results, command="python scripts/make_accuracy_report.py --sample 5",
                                signature="wardrums-rules/test", gold_dir=tmp_path,
                                today=dt.date(2025, 1, 2))
    assert text.startswith("<!-- GENERATED FILE: do not edit by hand.")
    assert "`python scripts/make_accuracy_report.py --sample 5`" in text
    assert "2025-01-02" in text and "`wardrums-rules/test`" in text
    assert "**Evaluation only**" in text and "mapped from other taxonomies" in text
    assert "| case2021_dev | evaluation only | 2 | 0 | `case.macro_f1` |" in text
    assert "| ngec_synthetic_plover | training allowed | 1 |" in text
    assert "not scored): acled_dev, conflibert_train, indiapoliceevents_sents" in text
    assert "| 0.00 | case-t1 | AGREE | none |" in text  # the error is listed by id ...
    assert "Invented CASE sentence" not in text  # ... but its gold text is not
    assert "invented synthetic story" not in text


def test_report_script_without_gold_writes_nothing(tmp_path):
    out = tmp_path / "accuracy.md"
    assert load_script().main(["--gold", str(tmp_path / "absent"), "--out", str(out)]) == 0
    assert not out.exists()
