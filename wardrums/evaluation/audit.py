"""A blind re-labelling of NGEC stories: how far a careful reader agrees with NGEC's labels.

NGEC's labels are the category a prompt asked a language model to write about, not what the
story it wrote says. ``docs/audits/ngec_blind_labels.jsonl`` holds our labels for 80 stories
drawn at random (seed 7) from ``ngec_synthetic_plover.jsonl``: the reader saw only the story
text, never the label, headline or mode, and gave the main event's PLOVER category, a second
plausible one and whether the story has one clear main event. The file holds story ids and our
labels only; the stories are read from the gold folder. Agreement with NGEC bounds what any
coder can score on that set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from wardrums.errors import GoldError
from wardrums.evaluation.metrics import accuracy, macro_f1

AUDIT_FILE = Path(__file__).resolve().parents[2] / "docs" / "audits" / "ngec_blind_labels.jsonl"
NGEC_FILE = "ngec_synthetic_plover.jsonl"


@dataclass(frozen=True)
class Agreement:
    n: int
    share: float  # items where the two labels are the same
    macro_f1: float  # over the NGEC classes present among the items

    def text(self, name: str) -> str:
        return f"{name:38s} n={self.n:3d}  agrees {self.share:.3f}  macro-F1 {self.macro_f1:.3f}"


def agreement(gold: list[str], pred: list[str]) -> Agreement:
    return Agreement(len(gold), accuracy(gold, pred), macro_f1(gold, pred, sorted(set(gold))))


def read_audit(path: Path = AUDIT_FILE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def audited_stories(gold_dir: Path, audit: list[dict]) -> dict[str, dict]:
    """The audited NGEC records by id, read from ``gold_dir``."""
    path = Path(gold_dir) / NGEC_FILE
    if not path.is_file():
        raise GoldError(f"{path}: NGEC gold not found; pass the folder that holds it")
    ids = {a["id"] for a in audit}
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in ids:
                out[rec["id"]] = rec
    missing = ids - out.keys()
    if missing:
        raise GoldError(f"{path}: {len(missing)} audited ids are not in the file "
                        f"(e.g. {sorted(missing)[0]})")
    return out


def reader_agreement(gold_dir: Path) -> dict[str, Agreement]:
    """The blind reader against the NGEC labels: first choice, either choice, clear stories."""
    audit = read_audit()
    stories = audited_stories(gold_dir, audit)
    gold = [stories[a["id"]]["event_plover"] for a in audit]
    reader = [a["label"] for a in audit]
    either = [g if g in (a["label"], a["second"]) else a["label"]
              for g, a in zip(gold, audit, strict=True)]
    clear = [i for i, a in enumerate(audit) if a["clear"]]
    return {"reader": agreement(gold, reader), "either": agreement(gold, either),
            "clear": agreement([gold[i] for i in clear], [reader[i] for i in clear])}
