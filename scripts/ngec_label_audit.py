#!/usr/bin/env python3
"""How far a careful reader agrees with the NGEC synthetic labels: the ceiling of that target.

    python scripts/ngec_label_audit.py                  # reader vs the NGEC labels
    python scripts/ngec_label_audit.py --coder          # ... and the coder on the same stories

NGEC's labels are the category a prompt *asked* a language model to write about, not what the
story it wrote says. ``docs/audits/ngec_blind_labels.jsonl`` holds a blind re-labelling of 80
stories drawn at random (seed 7) from ``../shared/gold/ngec_synthetic_plover.jsonl``: the
reader saw only the story text, never the label, headline or mode, and gave the main event's
PLOVER category, a second plausible one, and whether the story has one clear main event. The
file holds our labels and the story ids only; the stories are read from the gold folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wardrums.evaluation import DEFAULT_GOLD_DIR, main_event  # noqa: E402
from wardrums.evaluation.metrics import accuracy, macro_f1  # noqa: E402

AUDIT = ROOT / "docs" / "audits" / "ngec_blind_labels.jsonl"


def read_audit(path: Path = AUDIT) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_stories(gold_dir: Path, ids: set[str]) -> dict[str, dict]:
    path = gold_dir / "ngec_synthetic_plover.jsonl"
    if not path.is_file():
        raise SystemExit(f"{path}: NGEC gold not found; pass --gold DIR (the folder holding it)")
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                out[rec["id"]] = rec
    missing = ids - out.keys()
    if missing:
        raise SystemExit(f"{path}: {len(missing)} audited ids not in the file (e.g. {sorted(missing)[0]})")
    return out


def agreement(gold: list[str], pred: list[str], name: str) -> str:
    labels = sorted(set(gold))
    return (f"{name:38s} n={len(gold):3d}  agrees {accuracy(gold, pred):.3f}  "
            f"macro-F1 over the NGEC classes present {macro_f1(gold, pred, labels):.3f}")


def coder_labels(stories: list[dict]) -> list[str]:
    from wardrums.coding.coder import code_articles
    from wardrums.records import Article

    arts = [Article(id=s["id"], text=s["text"]) for s in stories]
    out = []
    for _, events in code_articles(arts):
        main = main_event(events)
        out.append(main.event_type if main is not None else "none")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD_DIR)
    ap.add_argument("--coder", action="store_true", help="also code the audited stories")
    args = ap.parse_args(argv)
    audit = read_audit()
    stories = read_stories(args.gold, {a["id"] for a in audit})
    gold = [stories[a["id"]]["event_plover"] for a in audit]
    reader = [a["label"] for a in audit]
    print(agreement(gold, reader, "reader (blind) vs NGEC label"))
    top2 = [g if g in (a["label"], a["second"]) else a["label"] for g, a in zip(gold, audit, strict=True)]
    print(agreement(gold, top2, "reader, either of two choices"))
    clear = [i for i, a in enumerate(audit) if a["clear"]]
    print(agreement([gold[i] for i in clear], [reader[i] for i in clear],
                    "reader, stories with one clear event"))
    if args.coder:
        coded = coder_labels([stories[a["id"]] for a in audit])
        print(agreement(gold, coded, "coder vs NGEC label"))
        print(agreement(reader, coded, "coder vs reader"))
    print("most common disagreements (NGEC label -> reader):")
    for (g, r), n in Counter((g, r) for g, r in zip(gold, reader, strict=True) if g != r).most_common(8):
        print(f"  {g:10s} -> {r:10s} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
