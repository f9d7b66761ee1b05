"""The vectors of the records' text (schema 11): which model made them, one row per
record keyed like `search_index`, the packed signs in blocks, and the records changed
since. Vectors and signs go in and out as bytes; `luckos.ai.vectors` reads them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

BLOCK = 4096  # search_index rows per block of signs


def model(store: Any) -> tuple[str, int] | None:
    row = store.db.execute("SELECT name, dimensions FROM embedding_model").fetchone()
    return (str(row[0]), int(row[1])) if row else None


def reset(store: Any, name: str, dimensions: int) -> None:
    """Forget every vector and start an index for `name` (the triggers note changes from
    now on)."""
    db = store.db
    db.execute("DELETE FROM embedding")
    db.execute("DELETE FROM embedding_block")
    db.execute("DELETE FROM embedding_stale")
    db.execute("DELETE FROM embedding_query")
    db.execute("DELETE FROM embedding_model")
    db.execute("INSERT INTO embedding_model (id, name, dimensions) VALUES (1, ?, ?)",
               (name, dimensions))


def texts(store: Any, rowids: Sequence[int] | None = None
          ) -> list[tuple[int, str, int, str, bool]]:
    """(rowid, kind, record id, text, private) of the records in the full-text index:
    all of them, or those of `rowids` that still exist."""
    sql = "SELECT rowid, kind, rid, body, private FROM search_index"
    if rowids is None:
        rows = store.db.execute(sql).fetchall()
    else:
        rows = []
        for start in range(0, len(rowids), 500):
            part = list(rowids[start:start + 500])
            marks = ",".join("?" * len(part))
            rows += store.db.execute(f"{sql} WHERE rowid IN ({marks})", part).fetchall()
    return [(int(r), str(k), int(i), str(b or ""), bool(p)) for r, k, i, b, p in rows]


def digests(store: Any, rowids: Sequence[int] | None = None) -> dict[int, str]:
    """rowid -> digest of the text embedded: every vector's, or those of `rowids`."""
    if rowids is None:
        return dict(store.db.execute("SELECT rowid, digest FROM embedding").fetchall())
    found: dict[int, str] = {}
    for start in range(0, len(rowids), 500):
        part = [int(r) for r in rowids[start:start + 500]]
        marks = ",".join("?" * len(part))
        found.update(store.db.execute(
            f"SELECT rowid, digest FROM embedding WHERE rowid IN ({marks})", part).fetchall())
    return found


def stale(store: Any, limit: int | None = None) -> list[int]:
    rows = store.db.execute("SELECT rowid FROM embedding_stale ORDER BY rowid LIMIT ?",
                            (-1 if limit is None else limit,)).fetchall()
    return [int(r[0]) for r in rows]


def counts(store: Any) -> tuple[int, int]:
    """(vectors held, records changed since they were embedded)."""
    held = store.db.execute("SELECT count(*) FROM embedding").fetchone()[0]
    waiting = store.db.execute("SELECT count(*) FROM embedding_stale").fetchone()[0]
    return int(held), int(waiting)


def unindexed(store: Any) -> int:
    """Records of the full-text index that may be embedded (not private) and are not."""
    row = store.db.execute(
        "SELECT count(*) FROM search_index s WHERE s.private = 0 AND NOT EXISTS "
        "(SELECT 1 FROM embedding e WHERE e.rowid = s.rowid)").fetchone()
    return int(row[0])


def put(store: Any, rows: Iterable[tuple[int, str, bytes]]) -> None:
    store.db.executemany(
        "INSERT INTO embedding (rowid, digest, vector) VALUES (?, ?, ?) "
        "ON CONFLICT (rowid) DO UPDATE SET digest = excluded.digest, vector = excluded.vector",
        rows)


def remove(store: Any, rowids: Sequence[int]) -> None:
    store.db.executemany("DELETE FROM embedding WHERE rowid = ?", ((r,) for r in rowids))


def done(store: Any, rowids: Sequence[int]) -> None:
    """These records are embedded (or gone) as they are now."""
    store.db.executemany("DELETE FROM embedding_stale WHERE rowid = ?",
                         ((r,) for r in rowids))


def vectors(store: Any, rowids: Sequence[int]) -> list[tuple[int, bytes]]:
    found: list[tuple[int, bytes]] = []
    for start in range(0, len(rowids), 500):
        part = [int(r) for r in rowids[start:start + 500]]
        marks = ",".join("?" * len(part))
        found += store.db.execute(
            f"SELECT rowid, vector FROM embedding WHERE rowid IN ({marks})", part).fetchall()
    return found


def block(store: Any, number: int) -> tuple[bytes, bytes] | None:
    row = store.db.execute("SELECT rowids, signs FROM embedding_block WHERE block = ?",
                           (number,)).fetchone()
    return (bytes(row[0]), bytes(row[1])) if row else None


def put_block(store: Any, number: int, rowids: bytes, signs: bytes) -> None:
    if not rowids:
        store.db.execute("DELETE FROM embedding_block WHERE block = ?", (number,))
        return
    store.db.execute(
        "INSERT INTO embedding_block (block, rowids, signs) VALUES (?, ?, ?) "
        "ON CONFLICT (block) DO UPDATE SET rowids = excluded.rowids, signs = excluded.signs",
        (number, rowids, signs))


def blocks(store: Any) -> list[tuple[bytes, bytes]]:
    """Every block's (rowids, signs), in block order."""
    rows = store.db.execute("SELECT rowids, signs FROM embedding_block ORDER BY block")
    return [(bytes(r), bytes(s)) for r, s in rows.fetchall()]


QUERIES_KEPT = 500  # the vectors of the latest texts searched for


def query(store: Any, digest: str) -> bytes | None:
    row = store.db.execute("SELECT vector FROM embedding_query WHERE digest = ?",
                           (digest,)).fetchone()
    return bytes(row[0]) if row else None


def put_query(store: Any, digest: str, vector: bytes) -> None:
    db = store.db
    db.execute("INSERT OR REPLACE INTO embedding_query (digest, vector) VALUES (?, ?)",
               (digest, vector))
    db.execute("DELETE FROM embedding_query WHERE rowid NOT IN (SELECT rowid FROM "
               "embedding_query ORDER BY rowid DESC LIMIT ?)", (QUERIES_KEPT,))
