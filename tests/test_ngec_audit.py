"""The blind NGEC re-labelling (docs/audits/ngec_blind_labels.jsonl) and the script that scores it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from wardrums.records import EVENT_TYPES

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "ngec_label_audit.py"


def _module():
    spec = importlib.util.spec_from_file_location("ngec_label_audit", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_audit_labels_are_plover_categories_one_per_story():
    audit = _module().read_audit()
    assert len(audit) == 80
    assert len({a["id"] for a in audit}) == 80
    for a in audit:
        assert a["label"] in EVENT_TYPES, a
        assert a["second"] is None or a["second"] in EVENT_TYPES, a
        assert a["second"] != a["label"], a
        assert isinstance(a["clear"], bool)


def test_audit_ids_are_ngec_stories_and_agreement_is_scored(gold_dir, capsys):
    mod = _module()
    assert mod.main(["--gold", str(gold_dir)]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("reader (blind) vs NGEC label")
    share = float(first.split("agrees")[1].split()[0])
    assert 0.0 < share < 1.0


def test_missing_gold_names_the_file(tmp_path):
    import pytest

    with pytest.raises(SystemExit, match="ngec_synthetic_plover.jsonl: NGEC gold not found"):
        _module().main(["--gold", str(tmp_path)])
