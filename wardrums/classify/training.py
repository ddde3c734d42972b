"""Building the classifier's training set, cross-validating, fitting and recording provenance.

Used by ``scripts/train_classifier.py``; nothing here runs when the classifier is only used.

Training data (and nothing else may be added here):

* ``../shared/gold/ngec_synthetic_plover.jsonl`` (NGEC-2025 synthetic stories, MIT), read in
  place, never copied. Each story has one PLOVER label, so two examples are made per story:
  its lede (first sentence, where the main event usually is) and the story text itself.
* ``training/plover_sentences.jsonl``, the project's own labelled sentences (``split == "train"``
  rows only), when present.
* ``wardrums/data/classifier/none_sentences.txt``, non-event sentences written for the project,
  and ``event_sentences.tsv`` beside it, labelled event sentences written for the project.

Evaluation-only gold files (ACLED, CASE 2021, ConfliBERT, IndiaPoliceEvents, re3d) are refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from wardrums.classify.linear import (
    LinearModel,
    expected_calibration_error,
    f1_scores,
    fit_softmax,
    fit_temperature,
)
from wardrums.records import EVENT_TYPES

LABELS: tuple[str, ...] = (*EVENT_TYPES, "none")
REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "classifier"
WEIGHTS_FILE = DATA_DIR / "weights.npz"
METADATA_FILE = DATA_DIR / "metadata.json"
NONE_FILE = DATA_DIR / "none_sentences.txt"
EVENTS_FILE = DATA_DIR / "event_sentences.tsv"
DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "gold" / "ngec_synthetic_plover.jsonl"
DEFAULT_PROJECT = REPO_ROOT / "training" / "plover_sentences.jsonl"
FORBIDDEN = ("acled", "case2021", "conflibert", "indiapolice", "re3d")

SEED = 20261125
N_FOLDS = 5
CALIB_FRACTION = 0.15
L2 = 3e-2
#: Extra weight of the project's own hand-labelled sentences (and none sentences) over NGEC's
#: pseudo-labelled, synthetic ones: they are real single sentences, like those the coder asks about.
OWN_WEIGHT = 30.0


@dataclass
class Example:
    text: str
    label: int
    group: str  # examples of one group (an NGEC headline template) always fall in one fold
    kind: str  # ngec-lede | ngec-story | project | none-own


@dataclass
class DataSource:
    role: str
    path: Path
    sha256: str  # of the whole file
    rows: int  # rows read from the file
    used: int  # rows that became training examples
    used_sha256: str  # of the canonical (text, label) rows used: what the weights depend on

    def record(self) -> dict:
        try:
            shown = str(self.path.resolve().relative_to(REPO_ROOT.parent.resolve()))
        except ValueError:
            shown = str(self.path)
        return {
            "role": self.role, "path": shown, "sha256": self.sha256, "rows": self.rows,
            "rows_used": self.used, "used_sha256": self.used_sha256,
        }  # fmt: skip


@dataclass
class TrainingSet:
    examples: list[Example] = field(default_factory=list)
    sources: list[DataSource] = field(default_factory=list)

    def arrays(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        texts = [e.text for e in self.examples]
        y = np.array([e.label for e in self.examples], dtype=np.int64)
        groups = np.array([e.group for e in self.examples])
        kinds = np.array([e.kind for e in self.examples])
        return texts, y, groups, kinds


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _rows_digest(rows: list[tuple[str, str]]) -> str:
    h = hashlib.sha256()
    for text, label in rows:
        h.update(json.dumps([text, label], ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _refuse_eval_only(path: Path) -> None:
    name = path.name.lower()
    if any(f in name for f in FORBIDDEN):
        raise ValueError(f"{path} is evaluation-only gold data and may not be trained on")


def lede(text: str) -> str:
    """The first sentence of a story (joined with the next while it is under six words)."""
    from wardrums.nlp.sentences import split_sentences

    sents = [s.text.strip() for s in split_sentences(text) if s.text.strip()]
    if not sents:
        return text.strip()
    out = sents[0]
    i = 1
    while len(out.split()) < 6 and i < len(sents):
        out = f"{out} {sents[i]}"
        i += 1
    return out


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict]]:
    """(row number, record) for each non-blank line of a JSONL file, counting from 1."""
    rows = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows += 1
                yield rows, json.loads(line)


def read_ngec(path: Path) -> tuple[list[Example], DataSource]:
    _refuse_eval_only(path)
    examples: list[Example] = []
    used: list[tuple[str, str]] = []
    rows = 0
    for n, rec in _jsonl_records(path):
        rows = n
        label = rec.get("event_plover")
        text = (rec.get("text") or "").strip()
        if label not in EVENT_TYPES or not text:
            continue
        y = LABELS.index(label)
        # Stories written from one headline template (~14 each, one label) share wording:
        # they form one group, so that no template is in both a training and a test fold.
        gid = f"ngec:{rec.get('headline_template') or rec['id']}"
        examples.append(Example(lede(text), y, gid, "ngec-lede"))
        examples.append(Example(text, y, gid, "ngec-story"))
        headline = (rec.get("prompt_headline") or "").strip()
        if headline:  # the prompt the story was written from: a short, on-label sentence
            examples.append(Example(headline, y, gid, "ngec-headline"))
        used.append((text, label))
    src = DataSource("ngec", path, sha256_file(path), rows, len(used), _rows_digest(used))
    return examples, src


def read_project(path: Path) -> tuple[list[Example], DataSource]:
    _refuse_eval_only(path)
    examples: list[Example] = []
    used: list[tuple[str, str]] = []
    rows = 0
    for n, rec in _jsonl_records(path):
        rows = n
        if rec.get("split", "train") != "train":
            continue
        text = (rec.get("text") or "").strip()
        label = rec.get("label")
        label = "none" if label in (None, "", "NONE", "None") else str(label).upper()
        if label == "NONE":
            label = "none"
        if not text or label not in LABELS:
            continue
        examples.append(Example(text, LABELS.index(label), f"project:{rows}", "project"))
        used.append((text, label))
    src = DataSource("project", path, sha256_file(path), rows, len(used), _rows_digest(used))
    return examples, src


def read_none(path: Path) -> tuple[list[Example], DataSource]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    y = LABELS.index("none")
    examples = [Example(t, y, f"none:{i}", "none-own") for i, t in enumerate(lines)]
    used = [(t, "none") for t in lines]
    src = DataSource("none", path, sha256_file(path), len(lines), len(used), _rows_digest(used))
    return examples, src


def read_own_events(path: Path) -> tuple[list[Example], DataSource]:
    """``label<TAB>sentence`` lines written for the project (comments start with '#')."""
    examples: list[Example] = []
    used: list[tuple[str, str]] = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition("\t")
        label, text = label.strip(), text.strip()
        if label not in LABELS or not text:
            raise ValueError(f"{path}:{i + 1}: expected 'LABEL<TAB>sentence', got {line!r}")
        examples.append(Example(text, LABELS.index(label), f"own-events:{i}", "project"))
        used.append((text, label))
    src = DataSource("own-events", path, sha256_file(path), len(used), len(used), _rows_digest(used))
    return examples, src


def build_training_set(
    gold: Path = DEFAULT_GOLD, project: Path | None = DEFAULT_PROJECT, none: Path = NONE_FILE,
    events: Path = EVENTS_FILE,
) -> TrainingSet:
    ts = TrainingSet()
    for reader, path in ((read_ngec, gold), (read_project, project), (read_none, none),
                         (read_own_events, events)):
        if path is None or (reader is read_project and not Path(path).is_file()):
            continue
        ex, src = reader(Path(path))
        ts.examples.extend(ex)
        ts.sources.append(src)
    return ts


# --- folds ------------------------------------------------------------------------------------


def stratified_group_folds(y: np.ndarray, groups: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Fold index per example: whole groups per fold, each label's groups dealt round-robin."""
    rng = np.random.default_rng(seed)
    first: dict[str, int] = {}
    for i, g in enumerate(groups):
        first.setdefault(g, i)
    glist = sorted(first)
    glabel = {g: int(y[first[g]]) for g in glist}
    gfold: dict[str, int] = {}
    offset = 0
    for c in sorted(set(glabel.values())):
        members = [g for g in glist if glabel[g] == c]
        order = rng.permutation(len(members))
        for j, idx in enumerate(order):
            gfold[members[idx]] = (offset + j) % k
        offset += len(members)
    return np.array([gfold[g] for g in groups], dtype=np.int64)


def calib_split(y: np.ndarray, groups: np.ndarray, frac: float, seed: int) -> np.ndarray:
    """Boolean mask of the calibration (held-out) part: ~frac of each label's groups."""
    folds = stratified_group_folds(y, groups, round(1 / frac), seed)
    return folds == 0


def class_weights(y: np.ndarray, n_classes: int) -> np.ndarray:
    """Balanced sample weights (each present class carries equal total weight)."""
    counts = np.bincount(y, minlength=n_classes).astype(np.float64)
    present = counts > 0
    w_class = np.zeros(n_classes)
    w_class[present] = 1.0 / counts[present]
    return w_class[y] * len(y) / present.sum()


def sample_weights(y: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    own = np.isin(kinds, ("project", "none-own"))
    return class_weights(y, len(LABELS)) * np.where(own, OWN_WEIGHT, 1.0)


def calibration_weights(kinds: np.ndarray) -> np.ndarray:
    """Weights for fitting the temperature: the coder asks about single sentences, so whole
    stories are left out and the project's own sentences weigh as much as all NGEC sentences."""
    groups = np.where(np.isin(kinds, ("project", "none-own")), "own",
                      np.where(kinds == "ngec-story", "story", "ngec-sentence"))
    w = np.zeros(len(kinds))
    for g, share in (("own", 0.5), ("ngec-sentence", 0.5)):
        m = groups == g
        if m.any():
            w[m] = share / m.sum()
    return w if w.sum() > 0 else np.ones(len(kinds))


def fit_calibrated(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, kinds: np.ndarray, seed: int
) -> tuple[LinearModel, dict]:
    """Fit on the training part, temperature on the held-out calibration part."""
    held = calib_split(y, groups, CALIB_FRACTION, seed)
    fit_idx, cal_idx = np.flatnonzero(~held), np.flatnonzero(held)
    model = fit_softmax(
        X[fit_idx], y[fit_idx], len(LABELS), l2=L2,
        sample_weight=sample_weights(y[fit_idx], kinds[fit_idx]),
    )  # fmt: skip
    logits = model.logits(X[cal_idx])
    t = fit_temperature(logits, y[cal_idx], calibration_weights(kinds[cal_idx]))
    model = LinearModel(model.W, model.b, model.mean, model.scale, temperature=t)
    p_raw = model.predict_proba(X[cal_idx], calibrated=False)
    p_cal = model.predict_proba(X[cal_idx])
    sent = kinds[cal_idx] != "ngec-story"
    info = {
        "fit_examples": int(len(fit_idx)), "calibration_examples": int(len(cal_idx)),
        "temperature": t,
        "calibration_split_ece_before": expected_calibration_error(p_raw, y[cal_idx]),
        "calibration_split_ece_after": expected_calibration_error(p_cal, y[cal_idx]),
        "calibration_split_sentences_ece_before": expected_calibration_error(
            p_raw[sent], y[cal_idx][sent]),
        "calibration_split_sentences_ece_after": expected_calibration_error(
            p_cal[sent], y[cal_idx][sent]),
    }  # fmt: skip
    return model, info


def cross_validate(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, kinds: np.ndarray, seed: int = SEED
) -> dict:
    """5-fold stratified (by label), grouped (by story) CV of the full recipe, calibration included.

    Each fold's training part is itself split into fit / calibration parts exactly as for the
    shipped model; the held-out fold is scored before and after temperature scaling.
    """
    folds = stratified_group_folds(y, groups, N_FOLDS, seed)
    k = len(LABELS)
    oof_raw = np.zeros((len(y), k))
    oof_cal = np.zeros((len(y), k))
    temps = []
    for f in range(N_FOLDS):
        tr, te = np.flatnonzero(folds != f), np.flatnonzero(folds == f)
        model, info = fit_calibrated(X[tr], y[tr], groups[tr], kinds[tr], seed + 1 + f)
        temps.append(info["temperature"])
        oof_raw[te] = model.predict_proba(X[te], calibrated=False)
        oof_cal[te] = model.predict_proba(X[te])
    n16 = len(EVENT_TYPES)
    out: dict = {"folds": N_FOLDS, "seed": seed, "fold_temperatures": temps}

    def per_kind(kind: str) -> dict:
        m = kinds == kind
        yt = y[m]
        # 16-way: the NGEC stories all hold an event, so argmax over the 16 categories only.
        pred16 = oof_cal[m][:, :n16].argmax(axis=1)
        f1 = f1_scores(yt, pred16, n16)
        pred17 = oof_cal[m].argmax(axis=1)
        return {
            "n": int(m.sum()),
            "macro_f1_16way": float(f1.mean()),
            "accuracy_16way": float((pred16 == yt).mean()),
            "per_class_f1_16way": {LABELS[c]: round(float(f1[c]), 4) for c in range(n16)},
            "macro_f1_17way_over_16": float(f1_scores(yt, pred17, k)[:n16].mean()),
            "share_predicted_none": float((pred17 == k - 1).mean()),
            "ece_before": expected_calibration_error(oof_raw[m], yt),
            "ece_after": expected_calibration_error(oof_cal[m], yt),
        }

    out["ngec_story"] = per_kind("ngec-story")
    out["ngec_lede"] = per_kind("ngec-lede")
    out["ngec_headline"] = per_kind("ngec-headline")
    out["grouping"] = "by NGEC headline template (~14 stories each): no template in two folds"
    own = np.isin(kinds, ("project", "none-own"))
    if own.any():
        f1_own = f1_scores(y[own], oof_cal[own].argmax(axis=1), k)
        present = np.bincount(y[own], minlength=k) > 0
        out["own_sentences"] = {
            "n": int(own.sum()), "macro_f1_17way": float(f1_own[present].mean()),
            "ece_before": expected_calibration_error(oof_raw[own], y[own]),
            "ece_after": expected_calibration_error(oof_cal[own], y[own]),
        }  # fmt: skip
    sent = kinds != "ngec-story"
    out["sentences_ece"] = {
        "n": int(sent.sum()),
        "ece_before": expected_calibration_error(oof_raw[sent], y[sent]),
        "ece_after": expected_calibration_error(oof_cal[sent], y[sent]),
    }
    pred = oof_cal.argmax(axis=1)
    none = k - 1
    tp = int(((pred == none) & (y == none)).sum())
    out["none"] = {
        "n": int((y == none).sum()),
        "recall": tp / max(int((y == none).sum()), 1),
        "precision": tp / max(int((pred == none).sum()), 1),
    }
    f1_all = f1_scores(y, pred, k)
    out["all_17way"] = {
        "n": int(len(y)),
        "macro_f1": float(f1_all.mean()),
        "per_class_f1": {LABELS[c]: round(float(f1_all[c]), 4) for c in range(k)},
        "ece_before": expected_calibration_error(oof_raw, y),
        "ece_after": expected_calibration_error(oof_cal, y),
    }
    return out


# --- saving -----------------------------------------------------------------------------------


def save(model: LinearModel, metadata: dict, weights: Path = WEIGHTS_FILE, meta: Path = METADATA_FILE) -> str:
    """Write weights (.npz, float32) and metadata (.json); return the weights' sha256."""
    weights.parent.mkdir(parents=True, exist_ok=True)
    arrays = {"W": model.W, "b": model.b, "mean": model.mean, "scale": model.scale,
              "temperature": np.array(model.temperature, dtype=np.float64)}  # fmt: skip
    # np.savez stamps zip entries with the current time; a fixed stamp keeps the bytes (and so
    # the signature) a function of the arrays alone.
    import io
    import zipfile

    with zipfile.ZipFile(weights, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())
    digest = sha256_file(weights)
    metadata = {**metadata, "weights_file": weights.name, "weights_sha256": digest}
    meta.write_text(json.dumps(metadata, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return digest


def today() -> str:
    return dt.date.today().isoformat()


def evaluate_project_test(model: LinearModel, X: np.ndarray, y: np.ndarray) -> dict:
    """17-way scores on the project's own held-out sentences (``split == "test"``)."""
    p = model.predict_proba(X)
    pred = p.argmax(axis=1)
    f1 = f1_scores(y, pred, len(LABELS))
    return {
        "n": int(len(y)), "macro_f1_17way": float(f1.mean()),
        "accuracy": float((pred == y).mean()),
        "per_class_f1": {LABELS[c]: round(float(f1[c]), 4) for c in range(len(LABELS))},
        "ece_before": expected_calibration_error(model.predict_proba(X, calibrated=False), y),
        "ece_after": expected_calibration_error(p, y),
    }  # fmt: skip


def read_project_test(path: Path) -> tuple[list[str], np.ndarray]:
    texts, ys = [], []
    for _, rec in _jsonl_records(path):
        label = rec.get("label") or "none"
        label = "none" if label.lower() == "none" else label.upper()
        if rec.get("split") == "test" and label in LABELS and rec.get("text"):
            texts.append(rec["text"].strip())
            ys.append(LABELS.index(label))
    return texts, np.array(ys, dtype=np.int64)
