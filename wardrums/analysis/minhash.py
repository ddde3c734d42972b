"""MinHash signatures and LSH banding: finding near-duplicate articles without comparing all pairs.

Syndicated wire copy and republished posts differ in a byline, a headline or a closing line,
so exact hashes miss them. Each article becomes the set of its word shingles (``SHINGLE``
consecutive lower-cased words); the MinHash of that set under ``PERMUTATIONS`` hash functions
estimates the Jaccard similarity of two sets as the share of equal positions. LSH cuts the
signature into ``BANDS`` bands: two articles become candidates if any whole band is equal,
which for 32 bands of 4 rows catches pairs above about 0.5 Jaccard, and every candidate is then
verified on its full signature against the threshold. The banding runs in DuckDB
(:func:`wardrums.analysis.dedup.verified_pairs`); this module holds the hashing and the
union-find that names clusters.

Everything is deterministic (fixed seeds, crc32 rather than Python's salted ``hash``), so the
same articles always give the same clusters.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence

import numpy as np

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 32
_PRIME = np.uint64(4294967291)  # the largest prime below 2**32: a*x + b fits in uint64
_WORD = re.compile(r"\w+", re.UNICODE)

_rng = np.random.default_rng(20261125)
_A = _rng.integers(1, int(_PRIME), size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, int(_PRIME), size=PERMUTATIONS, dtype=np.uint64)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of ``k``-word shingles of ``text``; a text shorter than ``k`` words is one shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> tuple[np.ndarray, int]:
    """``(minhash, number of shingles)``; an empty text gets an all-max signature."""
    sh = shingles(text)
    if not sh:
        return np.full(PERMUTATIONS, int(_PRIME), dtype=np.uint32), 0
    x = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in sh), dtype=np.uint64, count=len(sh))
    hashed = (np.outer(x % _PRIME, _A) + _B) % _PRIME  # (shingles, permutations)
    return hashed.min(axis=0).astype(np.uint32), len(sh)


def similarity(a: Sequence[int] | np.ndarray, b: Sequence[int] | np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature positions."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


def union_by_order(order: dict[str, int], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``{key: root}``: keys joined (transitively) by ``pairs``; a root is its group's member
    with the lowest ``order`` (e.g. ingestion order), so the first-seen article stays the
    original and later copies point at it."""
    parent = {k: k for k in order}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=lambda k: (order[k], k))
            parent[second] = first
    return {k: find(k) for k in order}
