"""The learned sentence classifier with the real MiniLM model and the shipped weights (no mocks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from wardrums.classify import ClassifierUnavailable, sentence_classifier
from wardrums.errors import WardrumsError

ROOT = Path(__file__).resolve().parents[1]

# A known miss, kept visible: MiniLM's sentence vector is dominated by the topic word
# ("protesters"), so a linear head reads an arrest at a protest as PROTEST (COERCE second). The
# rule lexicon codes this sentence itself (its trigger "arrested" is certain); strict xfail so
# that a better model turns this into a failure to be promoted to a plain assertion.
ARREST = pytest.param(
    "Police arrested 20 protesters in the capital.", "COERCE",
    marks=pytest.mark.xfail(strict=True, reason="topic word outweighs the action for MiniLM+linear"),
)  # fmt: skip

OBVIOUS = [
    ("Thousands marched against the government.", "PROTEST"),
    ("The two leaders signed a trade agreement.", "AGREE"),
    ("Warplanes bombed the rebel-held town.", "ASSAULT"),
    ("The weather was sunny and markets closed higher.", "none"),
]


@pytest.fixture(scope="session")
def clf():
    try:
        return sentence_classifier()
    except ClassifierUnavailable as exc:  # the classify extra is part of CI's install
        pytest.fail(f"the classifier must load in CI: {exc}")


def test_unavailable_is_a_wardrums_error():
    assert issubclass(ClassifierUnavailable, WardrumsError)


def test_cached(clf):
    assert sentence_classifier() is clf


def test_labels(clf):
    from wardrums.records import EVENT_TYPES

    assert clf.labels == (*EVENT_TYPES, "none")


def test_probabilities_shape_and_sum(clf):
    texts = [t for t, _ in OBVIOUS] + ["", "Talks."]
    p = clf.predict_proba(texts)
    assert p.shape == (len(texts), len(clf.labels))
    assert np.all(p >= 0)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, atol=1e-6)
    assert clf.predict_proba([]).shape == (0, len(clf.labels))


@pytest.mark.parametrize(("text", "label"), [ARREST, *OBVIOUS])
def test_obvious_sentences(clf, text, label):
    p = clf.predict_proba([text])[0]
    top = clf.labels[int(p.argmax())]
    assert top == label, f"{text!r}: {top} ({p.max():.2f}), expected {label} ({p[clf.labels.index(label)]:.2f})"


def test_arrest_at_a_protest_ranks_coerce_second(clf):
    p = clf.predict_proba(["Police arrested 20 protesters in the capital."])[0]
    ranked = [clf.labels[i] for i in np.argsort(-p)]
    assert "COERCE" in ranked[:2], ranked[:3]


def test_embeddings_unit_norm_and_batch_independent(clf):
    texts = [t for t, _ in OBVIOUS]
    e = clf.embed(texts)
    assert e.shape == (len(texts), 384) and e.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(clf.embed(texts[:1])[0], e[0], atol=1e-5)
    assert clf.embed([]).shape == (0, 384)
    # paraphrases are closer than unrelated sentences (what incident merging relies on)
    a, b, c = clf.embed(["Troops shelled the village overnight.",
                         "The army fired artillery at the village during the night.",
                         "The central bank kept interest rates unchanged."])
    assert a @ b > a @ c + 0.2


def test_signature_and_metadata(clf):
    meta = clf.metadata
    assert clf.signature.startswith(f"minilm-l6-v2+logreg/{meta['train_date']}/sha256:")
    assert clf.signature.endswith(meta["weights_sha256"][:8])
    assert meta["embedding_model"]["name"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert 0.05 < meta["calibration"]["temperature"] < 20
    roles = {d["role"] for d in meta["training_data"]}
    assert "ngec" in roles
    for d in meta["training_data"]:
        assert len(d["sha256"]) == 64 and d["rows_used"] > 0
        for banned in ("acled", "case2021", "conflibert", "indiapolice", "re3d"):
            assert banned not in d["path"].lower()
    assert meta["cv"]["folds"] == 5
    weights = ROOT / "wardrums" / "data" / "classifier" / "weights.npz"
    assert weights.stat().st_size < 500_000


def test_loads_offline_without_network(tmp_path):
    """A fresh process with HF_HUB_OFFLINE=1 and every socket connection refused still loads."""
    code = textwrap.dedent(
        """
        import socket
        attempts = []
        _connect = socket.socket.connect
        def guarded(self, address):
            if self.family != socket.AF_UNIX:
                attempts.append(address)
                raise OSError("network disabled in this test")
            return _connect(self, address)
        socket.socket.connect = guarded
        socket.socket.connect_ex = guarded
        socket.create_connection = lambda *a, **k: guarded(socket.socket(), a[0])
        from wardrums.classify import sentence_classifier
        clf = sentence_classifier()
        p = clf.predict_proba(["Warplanes bombed the rebel-held town."])
        assert clf.labels[p[0].argmax()] == "ASSAULT", p
        assert not attempts, attempts
        print("OFFLINE-OK")
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env.update(HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path / "hf"), no_proxy="*")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=300, cwd=ROOT)
    assert r.returncode == 0 and "OFFLINE-OK" in r.stdout, r.stderr[-2000:]
    assert not (tmp_path / "hf" / "hub").exists()  # nothing was cached from a hub


def test_metadata_hashes_match_gold(gold_dir):
    """The recorded NGEC training file is the one in ../shared/gold (skipped when absent)."""
    from wardrums.classify.training import read_ngec, sha256_file

    meta = json.loads((ROOT / "wardrums/data/classifier/metadata.json").read_text())
    rec = next(d for d in meta["training_data"] if d["role"] == "ngec")
    path = gold_dir / "ngec_synthetic_plover.jsonl"
    assert sha256_file(path) == rec["sha256"]
    _, src = read_ngec(path)
    assert (src.rows, src.used, src.used_sha256) == (rec["rows"], rec["rows_used"], rec["used_sha256"])


def test_train_script_check(gold_dir):
    """`scripts/train_classifier.py --check`: the shipped weights match their recorded data."""
    r = subprocess.run([sys.executable, "scripts/train_classifier.py", "--check",
                        "--gold", str(gold_dir / "ngec_synthetic_plover.jsonl")],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    if r.returncode == 3:  # another engineer's sentence file moved on: stale, say so loudly
        pytest.skip("training/plover_sentences.jsonl changed since the classifier was trained; "
                    "retrain with `python scripts/train_classifier.py`\n" + r.stdout)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "match the recorded training data" in r.stdout
