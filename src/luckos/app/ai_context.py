"""What a prompt is given: the records it names, and the best matches of the full-text
index and, when `[ai] embeddings` names a model, of the vector index, merged by
reciprocal rank fusion.

Private notes (earned secrets) are left out unless the caller allows them; every record
that reaches the context is checked again, whichever way it came in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from luckos.ai.context import Group
from luckos.ai.prompts import Prompt
from luckos.app import records
from luckos.domain.records import KINDS, is_private
from luckos.workspace import Workspace

AHEAD_DAYS = 90  # `windows`: how far ahead


@dataclasses.dataclass(frozen=True)
class Gathered:
    groups: list[Group]
    theme: Any
    window: Any
    since: dt.date
    query: str  # the full-text query run ("" when none)
    private_left_out: int  # private records found but not included
    found_by: dict[str, dict[str, int]] = dataclasses.field(default_factory=dict)
    # ^ the related records (short id) and their rank in each search that found them
    vector_note: str = ""  # why vector search was left out, or what waits to be embedded


def gather(ws: Workspace, prompt: Prompt, today: dt.date, *, theme_ref: str | None,
           window_ref: str | None, since: dt.date | None, private: bool,
           matches: int) -> Gathered:
    store = ws.store
    window = records.fetch(ws, KINDS["window"], window_ref) if window_ref else None
    theme = records.fetch(ws, KINDS["theme"], theme_ref) if theme_ref else None
    if theme is None and window is not None and window.theme_id is not None:
        theme = store.get("theme", window.theme_id)
    start = since or today - dt.timedelta(days=30)
    by_theme = {"theme_id": theme.id} if theme is not None else None
    groups: list[Group] = []
    seen: set[tuple[str, int]] = set()
    left_out = 0

    def add(title: str, found: list[Any], extra: tuple[str, ...] = (),
            found_by: list[str] | None = None) -> None:
        nonlocal left_out
        kept, by = [], []
        for index, record in enumerate(found):
            if is_private(record) and not private:
                left_out += 1
                continue
            key = (type(record).__name__, record.id)
            if key not in seen:
                seen.add(key)
                kept.append(record)
                by.append(found_by[index] if found_by else "")
        groups.append(Group(title, tuple(kept), extra, tuple(by) if found_by else ()))

    for item in prompt.inputs:
        if item == "theme" and theme is not None:
            add(f"Theme {theme.label}", [theme])
        elif item == "window" and window is not None:
            add(f"Decision window {window.name}", [window], _next_dates(window, today))
        elif item == "metrics" and theme is not None:
            metrics = store.find("metric", where=by_theme)
            theirs = {m.id for m in metrics}
            latest = [r for r in store.readings_latest(2) if r.metric_id in theirs]
            add("Metrics and their latest readings", [*metrics, *latest])
        elif item == "readings":
            ids = (
                {m.id for m in store.find("metric", where=by_theme)} if theme is not None
                else None)
            month = f"{start.year:04d}-{start.month:02d}"
            found = [r for r in store.find("reading", order="month")
                     if r.month >= month and (ids is None or r.metric_id in ids)]
            metrics = [] if theme is not None else [
                store.get("metric", i) for i in sorted({r.metric_id for r in found})]
            add(f"Metric readings since {month}", [*(m for m in metrics if m), *found])
        elif item == "decisions":
            add("Decisions", store.find("decision", where=by_theme, limit=40))
        elif item == "promises":
            found = store.find("promise", where=by_theme, limit=60,
                               since=start if since or theme is None else None)
            add("Promises", found)
        elif item == "wins":
            add(f"Wins (year-in-public notes) since {start}",
                store.find("note", where={"kind": "year-in-public"}, since=start, limit=60))
        elif item == "notes":
            found = [n for n in store.find("note", since=start, limit=200)
                     if n.kind != "year-in-public"]
            add(f"Notes since {start}", found)
        elif item == "artifacts":
            found = store.find("artifact", where=by_theme, since=start, limit=60)
            said = [t for a in found for t in store.find("testimonial",
                                                         where={"artifact_id": a.id})]
            add(f"Artifacts since {start}, and their testimonials", [*found, *said])
        elif item == "signals":
            add(f"Routing signals since {start}", store.find("signal", since=start, limit=60))
        elif item == "diagnosis":
            add("The three diagnosis questions, latest answers",
                store.find("diagnosis", limit=1))
        elif item in ("weekly-packet", "skip-level-packet"):
            kind = item.removesuffix("-packet")
            add(f"The {kind} packet (luck packet --for {kind})", [],
                _packet(ws, kind, since, today))
        elif item == "windows":
            ahead = [w for w in store.windows_active(today) if _next_dates(w, today)]
            add(f"Decision windows in the next {AHEAD_DAYS} days", ahead,
                tuple(line for w in ahead for line in _next_dates(w, today)))
    query = _query(theme, window)
    meaning = _meaning(theme, window)
    ranks: dict[str, dict[str, int]] = {}
    note = ""
    if query and matches and not ws.config.ai.embeddings:
        add(f"Related records (full-text matches for {query})",
            _matches(ws, query, private, matches))
    elif meaning and matches:
        from luckos.ai.vectors import fuse

        text = _matches(ws, query, private, matches) if query else []
        near, note = _nearest(ws, meaning, private, matches)
        fused = fuse({"full text": [_key(r) for r in text],
                      "vector": [_key(r) for r in near]}, matches)
        records_by = {_key(r): r for r in [*near, *text]}
        found = [records_by[key] for key, _ in fused]
        labels = [", ".join(f"{name} #{rank}" for name, rank in by.items())
                  for _, by in fused]
        add(f"Related records (full-text matches for {query or '(none)'}, and the nearest "
            "by meaning)", found, (), labels)
        kept = {_key(r) for r in groups[-1].records}
        ranks = {_short(r): by for r, (_, by) in zip(found, fused, strict=True)
                 if _key(r) in kept}
    return Gathered(groups, theme, window, start, query, left_out, ranks, note)


def _packet(ws: Workspace, kind: str, since: dt.date | None, today: dt.date
            ) -> tuple[str, ...]:
    """The packet `luck packet --for KIND` prints, as lines (private notes never enter a
    packet); a period with nothing in it says so."""
    from luckos.app import packet
    from luckos.errors import LuckError
    from luckos.evidence.packet import to_markdown

    try:
        made = packet.make(ws, kind, since, None, today)
    except LuckError as exc:
        return (f"({exc.message})",)
    return tuple(to_markdown(made, packet.describe_refs(ws, made.refs)).splitlines())


def _next_dates(window: Any, today: dt.date) -> tuple[str, ...]:
    from luckos.domain.records import short_id
    from luckos.domain.windows import occurrences

    days = occurrences(window, today, today + dt.timedelta(days=AHEAD_DAYS))
    if not days:
        return ()
    on = days[0]
    prep = on - dt.timedelta(days=window.prep_lead_days)
    return (f"- {short_id(KINDS['window'], window.id)} next on {on} (prep due {prep})",)


def _query(theme: Any, window: Any) -> str:
    """Full-text terms: every word of the theme's label, or every word of the window's
    name (words of one name must all be there: any single word would match half of ten
    years of records, slowly, and say little about the brief)."""
    groups = []
    for text in (theme.label if theme else "", window.name if window else ""):
        words = [w for w in re.split(r"[\W_]+", str(text)) if len(w) > 2]
        if words:
            groups.append("(" + " ".join(f'"{w}"' for w in words) + ")")
    return " OR ".join(groups)


def _meaning(theme: Any, window: Any) -> str:
    """What vector search looks for: the theme's label and sentence, the window's name."""
    parts = [theme.label, theme.sentence] if theme is not None else []
    if window is not None:
        parts.append(window.name)
    return ". ".join(p.strip() for p in parts if p and p.strip())


def _key(record: Any) -> tuple[str, int]:
    return (type(record).__name__, record.id)


def _short(record: Any) -> str:
    from luckos.domain.records import kind_of, short_id

    return short_id(kind_of(record), record.id)


def _nearest(ws: Workspace, text: str, private: bool, limit: int) -> tuple[list[Any], str]:
    """The records nearest to `text` by meaning (the index brought up to date first when
    few records changed), and a line when the index could not be used as it should."""
    from luckos.app import ai_index

    embedder = ai_index.embedder(ws)
    usable, note = ai_index.refresh(ws, embedder)
    if not usable:
        return [], note
    found = []
    for kind, rid, is_secret in ai_index.nearest(ws, embedder, text, limit):
        if is_secret and not private:
            continue
        record = ws.store.get(kind, rid)
        if record is not None:
            found.append(record)
    return found, note


def _matches(ws: Workspace, query: str, private: bool, limit: int) -> list[Any]:
    found = []
    for hit in ws.store.search(query, include_private=private, limit=limit):
        record = ws.store.get(hit.kind, hit.rid)
        if record is not None:
            found.append(record)
    return found
