"""Full-text search over every record (SQLite FTS5, kept in step by the schema)."""

from __future__ import annotations

import dataclasses
import sqlite3

from luckos.domain.records import KINDS, short_id
from luckos.errors import LuckError
from luckos.workspace import Workspace


@dataclasses.dataclass(frozen=True)
class Hit:
    ref: str
    kind: str
    private: bool
    title: str
    snippet: str


def search(ws: Workspace, text: str, *, include_private: bool, limit: int = 30) -> list[Hit]:
    query = text.strip()
    if not query:
        raise LuckError("search needs some text")
    try:
        raw = ws.store.search(query, include_private=include_private, limit=limit)
    except sqlite3.OperationalError:
        # not valid FTS5 syntax: search for the words as plain terms instead
        quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        raw = ws.store.search(quoted, include_private=include_private, limit=limit)
    hits = []
    for h in raw:
        kind = KINDS[h.kind]
        record = ws.store.get(h.kind, h.rid)
        title = str(getattr(record, kind.title_field, "") or "") if record else ""
        if not title and record is not None and h.kind == "note":
            title = record.body[:40]
        hits.append(Hit(short_id(kind, h.rid), h.kind, h.private, title,
                        " ".join(h.snippet.split())))
    return hits
