"""Score the coder on the project's own labelled sentences (training/plover_sentences.jsonl).

    python scripts/eval_own_sentences.py                  # the held-out test split
    python scripts/eval_own_sentences.py --split all      # every sentence
    python scripts/eval_own_sentences.py --split train --worst 40

Each sentence is coded on its own, as a one-sentence article published 2020-06-15, by the real
coder (spaCy pipeline included). The sentence's prediction is its *main event*: the event with
chosen as everywhere else (``wardrums.evaluation.main_event``), or ``none`` when the coder finds nothing.
The script prints per-category precision/recall/F1, macro-F1 over the 16 PLOVER categories,
accuracy over all labels (``none`` included), the confusion matrix, detection figures, modality
and polarity accuracy on the sentences whose main event has the gold category, and the worst
misses (the most confident wrong predictions first, then the events the coder missed).

It only measures: nothing here changes the coder. The sentences were written for wardrums and
are MIT-licensed like the project (see training/README.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wardrums.coding.coder import code_articles  # noqa: E402
from wardrums.evaluation.metrics import (  # noqa: E402
    accuracy,
    binary_score,
    confusion_matrix,
    confusion_text,
    macro_f1_from_scores,
    per_class,
)
from wardrums.ingest import read_text_as_article  # noqa: E402
from wardrums.records import EVENT_TYPES  # noqa: E402

DATA = REPO / "training" / "plover_sentences.jsonl"
PUBLISHED = dt.date(2020, 6, 15)
NONE = "none"


@dataclass(frozen=True)
class Scored:
    """One sentence with its gold labels and the coder's main event (if any)."""

    row: dict
    pred: str
    confidence: float
    modality: str | None
    polarity: str | None
    n_events: int
    all_types: tuple[str, ...]


def load(path: Path, split: str) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows if split == "all" else [r for r in rows if r["split"] == split]


from wardrums.evaluation import main_event  # noqa: E402


def run(rows: list[dict]) -> list[Scored]:
    articles = [read_text_as_article(r["text"], id=r["id"], published=PUBLISHED) for r in rows]
    by_id = {r["id"]: r for r in rows}
    out: list[Scored] = []
    for article, events in code_articles(articles):
        e = main_event(events)
        out.append(Scored(
            row=by_id[article.id],
            pred=e.event_type if e else NONE,
            confidence=e.confidence if e else 0.0,
            modality=e.modality if e else None,
            polarity=e.polarity if e else None,
            n_events=len(events),
            all_types=tuple(ev.event_type for ev in events),
        ))
    return out


def pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def report(scored: list[Scored], split: str, worst: int) -> str:
    gold = [s.row["label"] for s in scored]
    pred = [s.pred for s in scored]
    labels = list(EVENT_TYPES)
    scores = per_class(gold, pred, labels)
    lines = [
        f"wardrums own sentences: split={split}, {len(scored)} sentences "
        f"({sum(g != NONE for g in gold)} events, {gold.count(NONE)} none), published {PUBLISHED}",
        "",
        f"{'category':10}  {'P':>5}  {'R':>5}  {'F1':>5}  {'gold':>4}  {'pred':>4}  any-event-recall",
    ]
    for lab in labels:
        sc = scores[lab]
        # recall when any of the sentence's events (not only the main one) has the gold type
        rows_lab = [s for s in scored if s.row["label"] == lab]
        anyrec = sum(lab in s.all_types for s in rows_lab) / len(rows_lab) if rows_lab else 0.0
        lines.append(f"{lab:10}  {pct(sc.precision)}  {pct(sc.recall)}  {pct(sc.f1)}  "
                     f"{sc.support:4}  {sc.predicted:4}  {pct(anyrec)}")
    det = binary_score([g != NONE for g in gold], [p != NONE for p in pred])
    lines += [
        "",
        f"macro-F1 (16 categories): {pct(macro_f1_from_scores(scores))}",
        f"accuracy (17 labels, none included): {pct(accuracy(gold, pred))}",
        f"event detection (any event vs none): P {pct(det.precision)}  R {pct(det.recall)}  "
        f"F1 {pct(det.f1)}",
        f"'none' sentences with no event coded: "
        f"{sum(1 for s in scored if s.row['label'] == NONE and s.pred == NONE)}/{gold.count(NONE)}",
    ]
    hits = [s for s in scored if s.row["label"] != NONE and s.pred == s.row["label"]]
    if hits:
        mod_ok = sum(s.modality == s.row["modality"] for s in hits)
        pol_ok = sum(s.polarity == s.row["polarity"] for s in hits)
        lines += [
            "",
            f"on the {len(hits)} sentences whose main event has the gold category:",
            f"  modality accuracy {pct(mod_ok / len(hits))}  ({mod_ok}/{len(hits)})",
            f"  polarity accuracy {pct(pol_ok / len(hits))}  ({pol_ok}/{len(hits)})",
        ]
        for field in ("modality", "polarity"):
            pairs = Counter((s.row[field], getattr(s, field)) for s in hits)
            cells = ", ".join(f"{g}->{p}: {n}" for (g, p), n in sorted(pairs.items()))
            lines.append(f"  {field} gold->pred: {cells}")
    lines += ["", "confusion matrix (rows gold, columns main event):",
              confusion_text(confusion_matrix(gold, pred, [*labels, NONE]))]
    wrong = [s for s in scored if s.pred != s.row["label"]]
    wrong.sort(key=lambda s: (s.pred == NONE, -s.confidence, s.row["id"]))
    lines += ["", f"worst {min(worst, len(wrong))} misses (confident wrong events first, then "
              "missed events):"]
    for s in wrong[:worst]:
        lines.append(f"  {s.row['id']:18} gold {s.row['label']:9} pred {s.pred:9} "
                     f"conf {s.confidence:.2f}  | {s.row['text']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("train", "test", "all"), default="test")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--worst", type=int, default=20, help="how many misses to list")
    args = ap.parse_args(argv)
    rows = load(args.data, args.split)
    if not rows:
        print(f"no sentences in split {args.split!r} of {args.data}", file=sys.stderr)
        return 1
    print(report(run(rows), args.split, args.worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
