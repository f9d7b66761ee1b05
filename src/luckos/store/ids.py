"""Record ids for shell completion: one read-only query, no migration, no write.

Completion runs on every Tab press, so it opens the file read-only and asks for ids
and titles only; a missing or unreadable file completes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from luckos.domain.records import KINDS, PRIVATE_NOTE_KIND


def ids_and_titles(db: Path, kind_name: str, limit: int = 200) -> list[tuple[int, str]]:
    """The newest `limit` ids of a kind with their titles (blank for private notes)."""
    kind = KINDS[kind_name]
    if not db.exists():
        return []
    private = "kind = ?" if kind_name == "note" else "0 AND ?"
    query = (f'SELECT id, CASE WHEN {private} THEN \'\' ELSE "{kind.title_field}" END '
             f'FROM "{kind.name}" ORDER BY id DESC LIMIT ?')
    try:
        connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        rows = connection.execute(query, (PRIVATE_NOTE_KIND, limit)).fetchall()
    except sqlite3.Error:
        return []
    finally:
        connection.close()
    return [(int(rid), str(title or "")) for rid, title in rows]
