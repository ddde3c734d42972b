"""A short plain-text overview of a store: what `wardrums demo` prints after coding."""

from __future__ import annotations

import collections


def store_overview(store, *, top: int = 8) -> str:
    """Events by type and modality, and the most active country pairs, as text."""
    events = store.events()
    if not events:
        return "the store holds no events yet"
    by_type = collections.Counter(ev.event_type for ev in events)
    by_mod = collections.Counter(ev.modality for ev in events)
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    for ev in events:
        for s in {a.country for a in ev.source if a.country}:
            for t in {a.country for a in ev.target if a.country}:
                if s != t:
                    pairs[tuple(sorted((s, t)))] += 1
    lines = ["events by type:   " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()),
             "by modality:      " + ", ".join(f"{k} {v}" for k, v in by_mod.most_common()),
             "most active pairs:"]
    for (a, b), n in pairs.most_common(top):
        lines.append(f"  {a}-{b}  {n} events")
    return "\n".join(lines)
