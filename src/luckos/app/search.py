"""Full-text search over every record (SQLite FTS5, kept in step by the schema)."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from typing import Any

from luckos.domain.records import KINDS, short_id
from luckos.errors import LuckError
from luckos.store.records import MATCH_END, MATCH_START
from luckos.workspace import Workspace


@dataclasses.dataclass(frozen=True)
class Hit:
    ref: str
    kind: str
    private: bool
    title: str
    snippet: str  # the words around the match, as stored
    matches: tuple[tuple[int, int], ...]  # (start, end) of each matched word in `snippet`


@dataclasses.dataclass(frozen=True)
class Found:
    hits: list[Hit]
    total: int  # every match, of which `hits` are the best


def search(ws: Workspace, text: str, *, include_private: bool,
           limit: int | None = 30) -> Found:
    """The best `limit` matches (all with None), and how many there are in all. Past
    a few thousand matches the best are sought among the newest of each kind (see
    `Store.search_best`), so a common word costs no more than a rare one."""
    query = text.strip()
    if not query:
        raise LuckError("search needs some text")
    try:
        raw, total = ws.store.search_best(query, include_private=include_private, limit=limit)
    except sqlite3.OperationalError:
        # not valid FTS5 syntax: search for the words as plain terms instead
        query = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        raw, total = ws.store.search_best(query, include_private=include_private, limit=limit)
    # each match's title (a note's body when it has none), read per kind in one query
    # and without building the records
    ids: dict[str, list[int]] = {}
    for h in raw:
        ids.setdefault(h.kind, []).append(h.rid)
    shown = {name: ws.store.values(name, (KINDS[name].title_field, "body") if name == "note"
                                   else (KINDS[name].title_field,), found)
             for name, found in ids.items()}
    hits = []
    for h in raw:
        kind = KINDS[h.kind]
        row = shown[h.kind].get(h.rid)
        title = str(row[0] or "") if row else ""
        if not title and row is not None and h.kind == "note":
            title = " ".join(str(row[1] or "").split())  # whole: a terminal's table folds it
        snippet, matches = _matches(" ".join(h.snippet.split()))
        hits.append(Hit(short_id(kind, h.rid), h.kind, h.private, title, snippet, matches))
    return Found(hits, total)


_MARKERS = re.compile(f"([{MATCH_START}{MATCH_END}])")


def _matches(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without its match markers, and where the matched words are in it."""
    out: list[str] = []
    spans, length, start = [], 0, None
    for piece in _MARKERS.split(marked):  # the text between markers, and each marker
        if piece == MATCH_START:
            start = length
        elif piece == MATCH_END and start is not None:
            spans.append((start, length))
            start = None
        else:
            out.append(piece)
            length += len(piece)
    return "".join(out), tuple(spans)


def bracket(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with each (start, end) span [in brackets], as piped output shows a match."""
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], "[", text[start:end], "]"]
        at = end
    out.append(text[at:])
    return "".join(out)


def bracketed(hit: Hit) -> str:
    """The snippet with each matched word [in brackets], as piped output shows it."""
    return bracket(hit.snippet, hit.matches)


def found_json(found: Found) -> list[dict[str, Any]]:
    """`luck search --json`, and the search page's JSON."""
    return [{"id": h.ref, "kind": h.kind, "private": h.private, "title": h.title,
             "snippet": bracketed(h)} for h in found.hits]
