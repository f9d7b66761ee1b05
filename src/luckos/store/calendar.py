"""Calendar audits kept in the workspace: the SQL of `luck calendar import` (schema 3).

Functions take the `Store`; rows go in from and come out as the calendar's plain
values (`Event`, `Occurrence`, `WeekSummary`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from luckos.calendar.audit import WeekSummary
from luckos.calendar.events import Event, Occurrence
from luckos.store.db import Store


@dataclasses.dataclass(frozen=True)
class ImportRow:
    """One kept audit: where it came from and how it was read."""

    id: int
    imported_at: str
    source: str
    calendar_name: str
    sha256: str
    window: tuple[dt.date, dt.date]
    zone: str
    zone_reason: str
    me: tuple[str, ...]
    me_reason: str
    events: int
    span: tuple[dt.date, dt.date] | None
    problems: dict[str, Any]
    summary: dict[str, Any]


_IMPORT_COLUMNS = ('"id", "imported_at", "source", "calendar_name", "sha256", "window_from", '
                   '"window_to", "zone", "zone_reason", "me", "me_reason", "events", '
                   '"span_from", "span_to", "problems", "summary"')


def save_import(store: Store, row: dict[str, Any], occurrences: list[Occurrence],
                weeks: list[WeekSummary]) -> int:
    """Keep an audit: its metadata, occurrences, their events and its weeks. Inside the
    caller's transaction; returns the new import's id."""
    cursor = store.db.execute(
        'INSERT INTO calendar_import ("imported_at", "source", "calendar_name", "sha256", '
        '"window_from", "window_to", "zone", "zone_reason", "me", "me_reason", "events", '
        '"span_from", "span_to", "problems", "summary") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row["imported_at"], row["source"], row["calendar_name"], row["sha256"],
         row["window"][0].isoformat(), row["window"][1].isoformat(), row["zone"],
         row["zone_reason"], json.dumps(sorted(row["me"])), row["me_reason"], row["events"],
         row["span"][0].isoformat() if row["span"] else None,
         row["span"][1].isoformat() if row["span"] else None,
         json.dumps(row["problems"], ensure_ascii=False),
         json.dumps(row["summary"], ensure_ascii=False)),
    )
    import_id = int(cursor.lastrowid or 0)
    numbers: dict[int, int] = {}
    events = []
    for occurrence in occurrences:
        event = occurrence.event
        if id(event) not in numbers:
            numbers[id(event)] = len(numbers) + 1
            events.append((import_id, numbers[id(event)], event.uid, event.title,
                           event.description, event.location, event.url, event.organizer,
                           json.dumps(event.attendees, ensure_ascii=False), event.status,
                           int(event.transparent), event.busy_status, int(event.recurring),
                           event.last_modified.isoformat() if event.last_modified else None,
                           json.dumps(event.attachments, ensure_ascii=False)))
    store.db.executemany(
        'INSERT INTO calendar_event ("import_id", "number", "uid", "title", "description", '
        '"location", "url", "organizer", "attendees", "status", "transparent", "busy_status", '
        '"recurring", "last_modified", "attachments") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)
    store.db.executemany(
        'INSERT INTO calendar_occurrence ("import_id", "event", "start", "end", "all_day") '
        "VALUES (?, ?, ?, ?, ?)",
        [(import_id, numbers[id(o.event)], _moment(o.start, o.all_day),
          _moment(o.end, o.all_day), int(o.all_day)) for o in occurrences])
    store.db.executemany(
        'INSERT INTO calendar_week ("import_id", "week_start", "days", "meeting_hours", '
        '"meetings", "maker_blocks", "long_blocks", "fragmented_hours", "context_switches", '
        '"focus_hours", "maker_day", "maker_day_state", "altitude_hours") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(import_id, w.week_start.isoformat(), w.days, w.meeting_hours, w.meetings,
          w.maker_blocks, w.long_blocks, w.fragmented_hours, w.context_switches,
          w.focus_hours, w.maker_day.isoformat() if w.maker_day else None, w.maker_day_state,
          json.dumps(w.altitude_hours)) for w in weeks])
    return import_id


def _moment(value: dt.datetime, all_day: bool) -> str:
    return value.date().isoformat() if all_day else value.isoformat()


def imports(store: Store) -> list[ImportRow]:
    """Every kept audit, oldest first."""
    rows = store.db.execute(f"SELECT {_IMPORT_COLUMNS} FROM calendar_import ORDER BY id")
    return [_import(row) for row in rows]


def latest_import(store: Store) -> ImportRow | None:
    row = store.db.execute(
        f"SELECT {_IMPORT_COLUMNS} FROM calendar_import ORDER BY id DESC LIMIT 1").fetchone()
    return _import(row) if row else None


def _import(row: tuple[Any, ...]) -> ImportRow:
    return ImportRow(
        id=row[0], imported_at=row[1], source=row[2], calendar_name=row[3], sha256=row[4],
        window=(dt.date.fromisoformat(row[5]), dt.date.fromisoformat(row[6])),
        zone=row[7], zone_reason=row[8], me=tuple(json.loads(row[9])), me_reason=row[10],
        events=row[11],
        span=(dt.date.fromisoformat(row[12]), dt.date.fromisoformat(row[13]))
        if row[12] and row[13] else None,
        problems=json.loads(row[14]), summary=json.loads(row[15]),
    )


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    return () if text == "[]" else tuple(map(tuple, json.loads(text)))  # type: ignore[arg-type]


def _strings(text: str) -> tuple[str, ...]:
    return () if text == "[]" else tuple(json.loads(text))


def occurrences(store: Store, import_id: int, zone: dt.tzinfo,
                same_zone: bool = False) -> list[Occurrence]:
    """The kept occurrences of an import, in `zone`, in order. With `same_zone` (the zone
    they were kept in) times keep their stored UTC offsets, which are `zone`'s."""
    events: dict[int, Event] = {}
    for row in store.db.execute(
            'SELECT "number", "uid", "title", "description", "location", "url", "organizer", '
            '"attendees", "status", "transparent", "busy_status", "recurring", '
            '"last_modified", "attachments" FROM calendar_event WHERE "import_id" = ?',
            (import_id,)):
        events[row[0]] = Event(
            uid=row[1], title=row[2], description=row[3], location=row[4], url=row[5],
            organizer=row[6], attendees=_pairs(row[7]),
            status=row[8], transparent=bool(row[9]), busy_status=row[10],
            recurring=bool(row[11]),
            last_modified=dt.datetime.fromisoformat(row[12]) if row[12] else None,
            attachments=_strings(row[13]))
    result = []
    midnight = dt.time(0)
    combine = dt.datetime.combine
    parse = dt.datetime.fromisoformat
    for number, start, end, all_day in store.db.execute(
            'SELECT "event", "start", "end", "all_day" FROM calendar_occurrence '
            'WHERE "import_id" = ? ORDER BY "rowid"', (import_id,)):
        if all_day:
            result.append(Occurrence(events[number],
                                     combine(dt.date.fromisoformat(start), midnight, zone),
                                     combine(dt.date.fromisoformat(end), midnight, zone), True))
        elif same_zone:
            result.append(Occurrence(events[number], parse(start), parse(end)))
        else:
            result.append(Occurrence(events[number], parse(start).astimezone(zone),
                                     parse(end).astimezone(zone)))
    return result


def weeks(store: Store, import_id: int) -> list[WeekSummary]:
    """The weekly figures kept with an import, in order."""
    return [
        WeekSummary(
            week_start=dt.date.fromisoformat(row[0]), days=row[1], meeting_hours=row[2],
            meetings=row[3], maker_blocks=row[4], long_blocks=row[5],
            fragmented_hours=row[6], context_switches=row[7], focus_hours=row[8],
            maker_day=dt.date.fromisoformat(row[9]) if row[9] else None,
            maker_day_state=row[10], maker_day_kept=row[10] == "kept",
            altitude_hours=json.loads(row[11]))
        for row in store.db.execute(
            'SELECT "week_start", "days", "meeting_hours", "meetings", "maker_blocks", '
            '"long_blocks", "fragmented_hours", "context_switches", "focus_hours", '
            '"maker_day", "maker_day_state", "altitude_hours" FROM calendar_week '
            'WHERE "import_id" = ? ORDER BY "week_start"', (import_id,))
    ]
