"""Deterministic, stratified sampling: the same file, size and seed give the same items.

Strata are shuffled with a :class:`random.Random` seeded from ``(seed, stratum)`` (string
seeds hash with SHA-512, so runs and machines agree), each stratum gets a share of the sample
proportional to its size (largest remainder; every stratum at least one item when the sample
is at least as large as the number of strata), and the chosen items come back in file order.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")


def _rng(seed: int, stratum: object) -> random.Random:
    return random.Random(f"{seed}|{stratum}")


def allocate(sizes: dict[Hashable, int], n: int) -> dict[Hashable, int]:
    """Split ``n`` over strata in proportion to ``sizes`` (largest remainder, capped by size)."""
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    keys = sorted(sizes, key=str)
    exact = {k: n * sizes[k] / total for k in keys}
    quota = {k: int(exact[k]) for k in keys}
    left = n - sum(quota.values())
    for k in sorted(keys, key=lambda k: (-(exact[k] - quota[k]), str(k)))[:left]:
        quota[k] += 1
    if n >= len(keys):  # let every stratum be seen, taking from the largest
        for k in keys:
            if quota[k] == 0 and sizes[k] > 0:
                donor = max(keys, key=lambda d: (quota[d], str(d)))
                if quota[donor] > 1:
                    quota[donor] -= 1
                    quota[k] += 1
    return quota


def _index_groups(items: Sequence[T], key: Callable[[T], Hashable]) -> dict[Hashable, list[int]]:
    """Item indices by ``key(item)``, groups in first-seen order."""
    groups: dict[Hashable, list[int]] = {}
    for i, item in enumerate(items):
        groups.setdefault(key(item), []).append(i)
    return groups


def stratified_sample(items: Sequence[T], n: int | None, key: Callable[[T], Hashable],
                      seed: int = 13) -> list[T]:
    """``n`` items drawn per stratum ``key(item)``, in their original order; all if ``n`` is
    None or not smaller than ``len(items)``."""
    if n is None or n >= len(items):
        return list(items)
    if n <= 0:
        return []
    groups = _index_groups(items, key)
    quota = allocate({k: len(v) for k, v in groups.items()}, n)
    chosen: list[int] = []
    for k, idx in groups.items():
        idx = list(idx)
        _rng(seed, k).shuffle(idx)
        chosen += idx[: quota[k]]
    return [items[i] for i in sorted(chosen)]


def pick(items: Sequence[T], n: int, seed: int = 13, salt: str = "pick") -> list[T]:
    """``n`` items chosen uniformly without stratification, in their original order."""
    if n >= len(items):
        return list(items)
    idx = list(range(len(items)))
    _rng(seed, salt).shuffle(idx)
    return [items[i] for i in sorted(idx[:n])]


def stratified_group_sample(items: Sequence[T], n: int | None, group: Callable[[T], Hashable],
                            stratum: Callable[[list[T]], Hashable], seed: int = 13) -> list[T]:
    """About ``n`` items taken as whole groups (documents), never splitting one.

    Groups are stratified by ``stratum(group_items)``; each stratum's item budget is its share
    of ``n``; groups are added in seeded order until the budget is met (so a stratum may run a
    little over). Items come back in their original order.
    """
    if n is None or n >= len(items):
        return list(items)
    if n <= 0:
        return []
    groups = _index_groups(items, group)
    strata: dict[Hashable, list[Hashable]] = {}
    for g, idx in groups.items():
        strata.setdefault(stratum([items[i] for i in idx]), []).append(g)
    budget = allocate({s: sum(len(groups[g]) for g in gs) for s, gs in strata.items()}, n)
    chosen: list[int] = []
    for s, gs in strata.items():
        gs = list(gs)
        _rng(seed, s).shuffle(gs)
        taken = 0
        for g in gs:
            if taken >= budget[s]:
                break
            chosen += groups[g]
            taken += len(groups[g])
    return [items[i] for i in sorted(chosen)]
