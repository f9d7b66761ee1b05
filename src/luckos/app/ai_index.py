"""The vector index of `luck ai`: the records' text embedded by the model `[ai]
embeddings` names, kept beside the full-text index and searched with it.

What is embedded is what the full-text index holds for a record (its kind, then its
text), so one text stands for a record in both. Private records (earned secrets) are
never embedded. Capturing a record never waits for a model: the store's triggers note
which records changed, and the next `luck ai run` embeds them when they are few
(`AT_RUN`), or `luck ai index` does, however many.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from luckos.ai import vectors as vec
from luckos.ai.embedders import Embedder, embedder_for, model_name
from luckos.errors import LuckError
from luckos.store import vectors as stored
from luckos.workspace import Workspace

AT_RUN = 100  # changed records a `luck ai run` embeds before it searches; more wait
BATCH = 256  # records embedded and committed together by `luck ai index`


@dataclasses.dataclass(frozen=True)
class IndexState:
    model: str  # as [ai] names it ("" when no embeddings are configured)
    built_for: str | None  # the model the index was made with (None: no index)
    vectors: int
    waiting: int  # records changed (or new) since they were embedded

    def to_json(self) -> dict[str, Any]:
        return {"model": self.model or None, "built_for": self.built_for,
                "vectors": self.vectors, "waiting": self.waiting}


def state(ws: Workspace) -> IndexState:
    settings = ws.config.ai
    name = model_name(settings) if settings.embeddings else ""
    built = stored.model(ws.store)
    held, waiting = stored.counts(ws.store)
    if built is None or (name and built[0] != name):
        waiting = stored.unindexed(ws.store) + held if built else stored.unindexed(ws.store)
    return IndexState(name, built[0] if built else None, held, waiting)


@dataclasses.dataclass(frozen=True)
class Refreshed:
    embedded: int
    removed: int
    waiting: int  # left for `luck ai index`
    seconds: float


def index(ws: Workspace, *, rebuild: bool = False,
          progress: Callable[[int, int], None] | None = None) -> Refreshed:
    """Bring the index up to date with every record (`luck ai index`); `rebuild` embeds
    everything again. Each batch is committed: an interrupted run keeps what it did."""
    import time

    start = time.perf_counter()
    embedder = _embedder(ws)
    store = ws.store
    built = stored.model(store)
    rows = stored.texts(store)
    if rebuild or built is None or built[0] != embedder.name:
        probe = embedder.embed(["probe"])
        with store.transaction():
            stored.reset(store, embedder.name, int(probe.shape[1]))
        known: dict[int, str] = {}
    else:
        known = stored.digests(store)
    with store.transaction():
        noted = stored.stale(store)
    wanted = {rowid: (kind, text) for rowid, kind, _, text, private in rows if not private}
    todo = [(rowid, kind, text) for rowid, (kind, text) in wanted.items()
            if known.get(rowid) != vec.digest(_text(kind, text))]
    gone = [rowid for rowid in known if rowid not in wanted]
    if gone:
        with store.transaction():
            _write(store, [], None, gone)
    for done in range(0, len(todo), BATCH):
        part = todo[done:done + BATCH]
        matrix = embedder.embed([_text(kind, text) for _, kind, text in part])
        with store.transaction():
            _write(store, [(rowid, _text(kind, text)) for rowid, kind, text in part],
                   matrix, [])
        if progress:
            progress(min(done + BATCH, len(todo)), len(todo))
    with store.transaction():
        stored.done(store, noted)
    return Refreshed(len(todo), len(gone), 0, time.perf_counter() - start)


def refresh(ws: Workspace, embedder: Embedder, limit: int | None = None) -> tuple[bool, str]:
    """Embed the records changed since the index was made, when there are at most
    `limit`; a workspace without an index of this model gets one when it is that small.
    Whether the index can be searched, and a line saying why not (or what waits)."""
    limit = AT_RUN if limit is None else limit
    store = ws.store
    built = stored.model(store)
    if built is None or built[0] != embedder.name:
        waiting = stored.unindexed(store)
        if waiting > limit:
            what = (f"the vector index was made with {built[0]}" if built
                    else "no vector index yet")
            return False, (f"{what}: luck ai index embeds the {waiting:,} records with "
                           f"{embedder.name} (vector search is left out until then)")
        index(ws, rebuild=True)
        return True, ""
    changed = stored.stale(store, limit + 1)
    if len(changed) > limit:
        _, waiting = stored.counts(store)
        return True, (f"{waiting:,} records changed since they were embedded: luck ai "
                      "index embeds them (vector search uses the index as it is)")
    if changed:
        rows = {rowid: (kind, text) for rowid, kind, _, text, private
                in stored.texts(store, changed) if not private}
        digests = stored.digests(store, changed)
        todo = [(rowid, _text(kind, text)) for rowid, (kind, text) in rows.items()
                if digests.get(rowid) != vec.digest(_text(kind, text))]
        gone = [rowid for rowid in digests if rowid not in rows]
        matrix = embedder.embed([text for _, text in todo]) if todo else None
        with store.transaction():
            _write(store, todo, matrix, gone)
            stored.done(store, changed)
    return True, ""


def nearest(ws: Workspace, embedder: Embedder, text: str, limit: int
            ) -> list[tuple[str, int, bool]]:
    """(kind, record id, private) of the `limit` records nearest to `text`."""
    store = ws.store
    key = vec.digest(f"{embedder.name}\n{text}")
    kept = stored.query(store, key)
    if kept is None:
        query = embedder.embed([text])[0]
        with store.transaction():
            stored.put_query(store, key, vec.as_bytes(query))
    else:
        query = vec.from_bytes(kept)
    found = vec.nearest(query, stored.blocks(store),
                        lambda ids: stored.vectors(store, ids), limit)
    if not found:
        return []
    where = {rowid: (kind, rid, private)
             for rowid, kind, rid, _, private in stored.texts(store, [r for r, _ in found])}
    return [where[rowid] for rowid, _ in found if rowid in where]


def embedder(ws: Workspace) -> Embedder:
    """The model [ai] embeddings names; a local one is loaded when first used."""
    return _embedder(ws)


def _embedder(ws: Workspace) -> Embedder:
    settings = ws.config.ai
    if not settings.embeddings:
        raise LuckError("no embedding model is configured: set embeddings under [ai] in "
                        f"{ws.home / 'luck.toml'} (see docs/ai.md)")
    return embedder_for(settings)


def _text(kind: str, text: str) -> str:
    return f"{kind}: {' '.join(text.split())}"


def _write(store: Any, rows: list[tuple[int, str]], matrix: Any, gone: list[int]) -> None:
    """Store the vectors of `rows` (and their signs), and forget those of `gone`."""
    width = 0
    put: dict[int, dict[int, Any]] = {}
    if rows:
        stored.put(store, [(rowid, vec.digest(text), vec.as_bytes(matrix[i]))
                           for i, (rowid, text) in enumerate(rows)])
        packed = vec.signs(matrix)
        width = packed.shape[1]
        for i, (rowid, _) in enumerate(rows):
            put.setdefault(rowid // stored.BLOCK, {})[rowid] = packed[i]
    if gone:
        stored.remove(store, gone)
    drop: dict[int, set[int]] = {}
    for rowid in gone:
        drop.setdefault(rowid // stored.BLOCK, set()).add(rowid)
    if not width:
        built = stored.model(store)
        width = (built[1] + 7) // 8 if built else 0
    for number in sorted(set(put) | set(drop)):
        rowids, signs = vec.patch_block(stored.block(store, number), width,
                                        put.get(number, {}), drop.get(number, set()))
        stored.put_block(store, number, rowids, signs)
