#!/usr/bin/env python3
"""How far a careful reader agrees with the NGEC synthetic labels: the ceiling of that target.

    python scripts/ngec_label_audit.py                  # reader vs the NGEC labels
    python scripts/ngec_label_audit.py --coder          # ... and the coder on the same stories

See wardrums/evaluation/audit.py for how docs/audits/ngec_blind_labels.jsonl was made.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wardrums.errors import GoldError  # noqa: E402
from wardrums.evaluation import DEFAULT_GOLD_DIR, main_event  # noqa: E402
from wardrums.evaluation import audit as A  # noqa: E402


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
    try:
        found = A.reader_agreement(args.gold)
        audit = A.read_audit()
        stories = A.audited_stories(args.gold, audit)
    except GoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(found["reader"].text("reader (blind) vs NGEC label"))
    print(found["either"].text("reader, either of two choices"))
    print(found["clear"].text("reader, stories with one clear event"))
    gold = [stories[a["id"]]["event_plover"] for a in audit]
    reader = [a["label"] for a in audit]
    if args.coder:
        coded = coder_labels([stories[a["id"]] for a in audit])
        print(A.agreement(gold, coded).text("coder vs NGEC label"))
        print(A.agreement(reader, coded).text("coder vs reader"))
    print("most common disagreements (NGEC label -> reader):")
    for (g, r), n in Counter((g, r) for g, r in zip(gold, reader, strict=True) if g != r).most_common(8):
        print(f"  {g:10s} -> {r:10s} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
