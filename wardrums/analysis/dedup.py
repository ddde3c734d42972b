"""Near-duplicate articles in the store: one piece of wire copy counts once, however often printed.

Signatures are computed once per article and kept (``article_signatures``); the clusters are
rebuilt from all signatures on each refresh (``article_clusters``), which is deterministic
and cheap next to coding. The earliest-ingested article of a cluster names it.
"""

from __future__ import annotations

import pyarrow as pa

from wardrums.analysis import minhash

#: Estimated Jaccard similarity of word shingles above which two articles are one report.
DEFAULT_THRESHOLD = 0.8
_BATCH = 2000


def sign_new_articles(store) -> int:
    """Compute and store the MinHash signature of every article that has none; return how many."""
    added = 0
    while True:
        rows = store.rows(
            "SELECT a.article_pk, a.text FROM articles AS a "
            "LEFT JOIN article_signatures AS s USING (article_pk) "
            "WHERE s.article_pk IS NULL ORDER BY a.ingest_seq LIMIT ?", [_BATCH])
        if not rows:
            return added
        keys, sigs, counts = [], [], []
        for pk, text in rows:
            sig, n = minhash.signature(text)
            keys.append(pk)
            sigs.append(sig.tolist())
            counts.append(n)
        table = pa.table({
            "article_pk": pa.array(keys, pa.string()),
            "minhash": pa.array(sigs, pa.list_(pa.uint32())),
            "shingles": pa.array(counts, pa.int32()),
        })
        with store.transaction() as con:
            con.register("_new_signatures", table)
            con.execute("INSERT INTO article_signatures SELECT article_pk, minhash, shingles "
                        "FROM _new_signatures").fetchall()
            con.unregister("_new_signatures")
        added += len(keys)


def verified_pairs(store, threshold: float) -> list[tuple[str, str, float]]:
    """Candidate pairs by LSH banding, verified on the full signature - all in DuckDB."""
    rows_per_band = minhash.PERMUTATIONS // minhash.BANDS
    return store.rows(f"""
        WITH bands AS (
            SELECT article_pk, b, hash(minhash[b * {rows_per_band} + 1:
                                               (b + 1) * {rows_per_band}]) AS h
            FROM article_signatures, range({minhash.BANDS}) AS t(b)),
        candidates AS (
            SELECT DISTINCT x.article_pk AS a, y.article_pk AS b
            FROM bands AS x JOIN bands AS y
              ON x.b = y.b AND x.h = y.h AND x.article_pk < y.article_pk)
        SELECT c.a, c.b,
               list_sum(list_transform(range(1, {minhash.PERMUTATIONS + 1}),
                        lambda i: (sa.minhash[i] = sb.minhash[i])::INTEGER))
                   / {minhash.PERMUTATIONS}.0 AS sim
        FROM candidates AS c
        JOIN article_signatures AS sa ON sa.article_pk = c.a
        JOIN article_signatures AS sb ON sb.article_pk = c.b
        WHERE sim >= ?
        ORDER BY c.a, c.b
    """, [threshold])


def rebuild_clusters(store, *, threshold: float = DEFAULT_THRESHOLD) -> int:
    """Recompute ``article_clusters`` from the signatures; return the number of clusters.

    Banding and verification run in SQL; only the verified pairs (few) come back to
    Python for the union-find that names each cluster after its first-ingested article.
    """
    order = dict(store.rows(
        "SELECT s.article_pk, a.ingest_seq FROM article_signatures AS s "
        "JOIN articles AS a USING (article_pk)"))
    pairs = verified_pairs(store, threshold)
    roots = minhash.union_by_order(order, [(a, b) for a, b, _ in pairs])
    sims = {(a, b): s for a, b, s in pairs}
    members = [k for k, root in roots.items() if k != root]
    copies = {k: sims.get((min(k, roots[k]), max(k, roots[k]))) for k in members}
    table = pa.table({
        "article_pk": pa.array(members, pa.string()),
        "cluster_pk": pa.array([roots[k] for k in members], pa.string()),
        "similarity": pa.array([copies[k] for k in members], pa.float64()),
    })
    with store.transaction() as con:
        con.execute("DELETE FROM article_clusters").fetchall()
        # Originals point at themselves; copies at their cluster's first article.
        con.execute("INSERT INTO article_clusters SELECT article_pk, article_pk, 1.0 "
                    "FROM article_signatures").fetchall()
        if members:
            con.register("_new_clusters", table)
            con.execute("UPDATE article_clusters AS c SET cluster_pk = n.cluster_pk, "
                        "similarity = n.similarity FROM _new_clusters AS n "
                        "WHERE c.article_pk = n.article_pk").fetchall()
            con.unregister("_new_clusters")
    return len(order) - len(members)


def near_duplicates(store) -> list[tuple[str, str, float]]:
    """``(article id, id of the article it copies, similarity)`` for every copy in the store."""
    rows = store.rows(
        "SELECT a.id, o.id, c.similarity FROM article_clusters AS c "
        "JOIN articles AS a ON a.article_pk = c.article_pk "
        "JOIN articles AS o ON o.article_pk = c.cluster_pk "
        "WHERE c.article_pk <> c.cluster_pk ORDER BY a.ingest_seq")
    return [(a, o, float(s)) for a, o, s in rows]
