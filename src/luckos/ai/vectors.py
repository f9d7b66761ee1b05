"""Vector search over the records, and its fusion with full-text search. Pure: numpy
arrays and bytes in, ranked ids out.

A query reads the packed signs of every vector (48 bytes each for 384 dimensions),
ranks them by how many signs differ from the query's, and compares the full vectors of
the best `CANDIDATES` candidates exactly (cosine). The full-text and vector rankings are
then merged by reciprocal rank fusion: each record scores 1/(K + rank) in each list it
appears in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np

CANDIDATES = 200  # vectors compared exactly after the sign ranking
RRF_K = 60  # the constant of reciprocal rank fusion (Cormack et al. 2009)


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def as_bytes(vector: np.ndarray) -> bytes:
    """A vector as stored: float16 (half the size; cosines stay within 1e-3)."""
    return np.ascontiguousarray(vector, dtype="<f2").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f2").astype(np.float32)


def signs(vectors: np.ndarray) -> np.ndarray:
    """The sign of each component, packed 8 to a byte: one row per vector."""
    packed: np.ndarray = np.packbits(vectors > 0, axis=1)
    return packed


def patch_block(old: tuple[bytes, bytes] | None, width: int, put: dict[int, np.ndarray],
                drop: set[int]) -> tuple[bytes, bytes]:
    """A block of (rowids, signs) with `put` (rowid -> packed signs) set and `drop`
    removed, rowids kept ascending."""
    if old is None:
        rowids = np.zeros(0, dtype="<i8")
        bits = np.zeros((0, width), dtype=np.uint8)
    else:
        rowids = np.frombuffer(old[0], dtype="<i8")
        bits = np.frombuffer(old[1], dtype=np.uint8).reshape(len(rowids), width)
    keep = ~np.isin(rowids, np.fromiter(set(put) | drop, dtype=np.int64))
    new_ids = np.fromiter(put, dtype=np.int64, count=len(put))
    new_bits = (np.stack([put[r] for r in put]) if put
                else np.zeros((0, width), dtype=np.uint8))
    rowids = np.concatenate([rowids[keep], new_ids])
    bits = np.concatenate([bits[keep], new_bits.astype(np.uint8)])
    order = np.argsort(rowids, kind="stable")
    return rowids[order].astype("<i8").tobytes(), np.ascontiguousarray(bits[order]).tobytes()


def nearest(query: np.ndarray, blocks: Sequence[tuple[bytes, bytes]],
            fetch: Callable[[list[int]], list[tuple[int, bytes]]], limit: int,
            candidates: int = CANDIDATES) -> list[tuple[int, float]]:
    """The `limit` rowids nearest to `query` (a unit vector), with their cosine."""
    if not blocks or limit <= 0:
        return []
    rowids = np.concatenate([np.frombuffer(r, dtype="<i8") for r, _ in blocks])
    width = (len(query) + 7) // 8
    bits = np.concatenate([np.frombuffer(s, dtype=np.uint8) for _, s in blocks]
                          ).reshape(len(rowids), width)
    differ = _popcount(np.bitwise_xor(bits, signs(query[None, :])[0]))
    take = min(candidates, len(rowids))
    best = (np.argpartition(differ, take - 1)[:take] if take < len(rowids)
            else np.arange(len(rowids)))
    found = fetch([int(r) for r in rowids[best]])
    if not found:
        return []
    ids = [r for r, _ in found]
    matrix = from_bytes(b"".join(v for _, v in found)).reshape(len(ids), -1)
    if matrix.shape[1] != len(query):
        return []
    scores = matrix @ query.astype(np.float32)
    order = np.argsort(-scores, kind="stable")[:limit]
    return [(ids[i], float(scores[i])) for i in order]


def _popcount(bits: np.ndarray) -> np.ndarray:
    if hasattr(np, "bitwise_count"):  # numpy 2
        counts: np.ndarray = np.bitwise_count(bits).sum(axis=1, dtype=np.int32)
        return counts
    table = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)
    result: np.ndarray = table[bits].sum(axis=1, dtype=np.int32)
    return result


def fuse(rankings: dict[str, Sequence[Hashable]], limit: int, k: int = RRF_K
         ) -> list[tuple[Any, dict[str, int]]]:
    """Reciprocal rank fusion: the best `limit` items, each with the rank (from 1) it had
    in each list that holds it. Ties keep the order of the lists, then of the ranks."""
    scores: dict[Any, float] = {}
    ranks: dict[Any, dict[str, int]] = {}
    for name, items in rankings.items():
        for rank, item in enumerate(items, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
            ranks.setdefault(item, {})[name] = rank
    ordered = sorted(scores, key=lambda item: -scores[item])
    return [(item, ranks[item]) for item in ordered[:limit]]
