"""Scoring the coder against the hand-annotated articles in tests/texts (written for wardrums).

Used by tests/test_coding_articles.py and runnable on its own to see every miss:
    python tests/article_scoring.py
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "texts"


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    source_ok: int = 0
    source_n: int = 0
    target_ok: int = 0
    target_n: int = 0
    modality_ok: int = 0
    polarity_ok: int = 0
    attribution_ok: int = 0
    attribution_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    non_event_sentences: int = 0
    non_event_hits: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        f = self.found or 1
        return {
            "type_recall": self.found / self.expected,
            "source_accuracy": self.source_ok / max(self.source_n, 1),
            "target_accuracy": self.target_ok / max(self.target_n, 1),
            "modality_accuracy": self.modality_ok / f,
            "polarity_accuracy": self.polarity_ok / f,
            "attribution_accuracy": self.attribution_ok / max(self.attribution_n, 1),
            "date_accuracy": self.date_ok / max(self.date_n, 1),
            "non_event_false_positive_rate": self.non_event_hits / max(self.non_event_sentences, 1),
        }


def load():
    articles = [json.loads(line) for line in (HERE / "articles.jsonl").read_text().splitlines() if line.strip()]
    expected = yaml.safe_load((HERE / "expected.yaml").read_text())
    return articles, expected


def _countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def _as_date(value) -> tuple[dt.date | None, str]:
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value)
    if len(text) == 7:
        return dt.date.fromisoformat(text + "-01"), "month"
    if len(text) == 4:
        return dt.date(int(text), 1, 1), "year"
    return dt.date.fromisoformat(text), "day"


def score() -> Score:
    from wardrums.coding.coder import code_articles
    from wardrums.ingest import read_text_as_article

    articles, expected = load()
    s = Score()
    arts = [read_text_as_article(a["text"], id=a["id"], published=dt.date.fromisoformat(a["published"]))
            for a in articles]
    coded = dict(((a.id, evs) for a, evs in code_articles(arts)))
    for art in arts:
        spec = expected.get(art.id) or {}
        events = coded[art.id]
        for exp in spec.get("events", []):
            s.expected += 1
            start = art.text.index(exp["sentence"])
            end = start + len(exp["sentence"])
            here = [e for e in events if e.evidence.start <= start < e.evidence.end
                    or start <= e.evidence.start < end]
            cands = [e for e in here if e.event_type == exp["event_type"]]
            if not cands:
                got = sorted({e.event_type for e in here})
                s.misses.append(f"{art.id} {exp['event_type']} missed (got {got}): {exp['sentence'][:70]}")
                continue
            s.found += 1
            want_src, want_tgt = set(exp.get("source") or []), set(exp.get("target") or [])

            def fit(e, want_src=want_src, want_tgt=want_tgt, exp=exp):
                return (bool(want_src & _countries(e.source)) + bool(want_tgt & _countries(e.target))
                        + (e.modality == exp["modality"]) + (e.polarity == exp["polarity"]))

            ev = max(cands, key=fit)
            problems = []
            if want_src:
                s.source_n += 1
                if want_src & _countries(ev.source):
                    s.source_ok += 1
                else:
                    problems.append(f"source {sorted(_countries(ev.source))}≠{sorted(want_src)}")
            if want_tgt:
                s.target_n += 1
                if want_tgt & _countries(ev.target):
                    s.target_ok += 1
                else:
                    problems.append(f"target {sorted(_countries(ev.target))}≠{sorted(want_tgt)}")
            if ev.modality == exp["modality"]:
                s.modality_ok += 1
            else:
                problems.append(f"modality {ev.modality}≠{exp['modality']}")
            if ev.polarity == exp["polarity"]:
                s.polarity_ok += 1
            else:
                problems.append(f"polarity {ev.polarity}≠{exp['polarity']}")
            if exp.get("attributed_to"):
                s.attribution_n += 1
                if ev.attributed_to and exp["attributed_to"].lower() in ev.attributed_to.lower():
                    s.attribution_ok += 1
                else:
                    problems.append(f"attributed {ev.attributed_to!r}≠{exp['attributed_to']!r}")
            if exp.get("date"):
                s.date_n += 1
                want, _ = _as_date(exp["date"])
                if ev.date == want:
                    s.date_ok += 1
                else:
                    problems.append(f"date {ev.date}≠{want}")
            if problems:
                s.wrong.append(f"{art.id} {exp['event_type']} {'; '.join(problems)}: {exp['sentence'][:60]}")
        for ne in spec.get("non_events", []):
            s.non_event_sentences += 1
            start = art.text.index(ne)
            if any(e.evidence.start <= start < e.evidence.end for e in events):
                s.non_event_hits += 1
                s.wrong.append(f"{art.id} non-event coded: {ne[:70]}")
    return s


if __name__ == "__main__":
    result = score()
    for k, v in result.figures().items():
        print(f"{k:32} {v:.3f}")
    print(f"\n{len(result.misses)} misses")
    for m in result.misses:
        print("  ", m)
    print(f"\n{len(result.wrong)} partly wrong")
    for w in result.wrong:
        print("  ", w)
