"""Keeping the derived tables (duplicate clusters, incidents) in step with the stored events.

Every analysis call goes through :func:`refresh`, which rebuilds only when the articles,
events, merge settings or merge rules (``merge.MERGE_VERSION``) changed since the last build (a fingerprint in ``analysis_state``).
The rebuild is deterministic, so refreshing twice leaves identical tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wardrums.analysis import dedup, merge, minhash
from wardrums.analysis.config import TensionConfig
from wardrums.errors import StoreError

_STATE = "incidents"


@dataclass(frozen=True)
class RefreshResult:
    rebuilt: bool
    signed: int = 0
    clusters: int = 0
    incidents: int = 0


def _fingerprint(store, cfg: TensionConfig) -> str:
    n_articles, last_seq, n_events = store.rows(
        "SELECT (SELECT count(*) FROM articles), (SELECT coalesce(max(ingest_seq), 0) "
        "FROM articles), (SELECT count(*) FROM events)")[0]
    return (f"{n_articles}:{last_seq}:{n_events}:{cfg.fingerprint('merge')}:"
            f"v{merge.MERGE_VERSION}:m{minhash.PERMUTATIONS}.{minhash.SHINGLE}")


def is_fresh(store, cfg: TensionConfig) -> bool:
    row = store.rows("SELECT fingerprint FROM analysis_state WHERE name = ?", [_STATE])
    return bool(row) and row[0][0] == _fingerprint(store, cfg)


def refresh(store, cfg: TensionConfig | None = None, *, force: bool = False) -> RefreshResult:
    """Bring clusters and incidents up to date with the store; a no-op when nothing changed."""
    cfg = cfg or TensionConfig.load()
    if not force and is_fresh(store, cfg):
        return RefreshResult(rebuilt=False)
    if store.read_only:
        raise StoreError(f"the incidents in {store.path} are out of date and the store was "
                         f"opened read-only; open it writable once to rebuild them")
    settings = cfg.merge
    signed = dedup.sign_new_articles(store)
    n_clusters = dedup.rebuild_clusters(store, threshold=float(settings["duplicate_threshold"]))
    n_incidents = merge.rebuild_incidents(store, window_days=int(settings["window_days"]),
                                          min_similarity=float(settings["min_similarity"]))
    with store.transaction() as con:
        con.execute("INSERT OR REPLACE INTO analysis_state VALUES (?, ?, ?)",
                    [_STATE, _fingerprint(store, cfg),
                     dt.datetime.now(dt.UTC).replace(tzinfo=None)]).fetchall()
    return RefreshResult(rebuilt=True, signed=signed, clusters=n_clusters, incidents=n_incidents)
