"""Calendar audits kept in the workspace: the SQL of `luck calendar import` (schema 3).

Functions take the `Store`; rows go in from and come out as the calendar's plain
values (`Event`, `EventOccurrence`, `WeekSummary`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from typing import Any

from luckos.calendar.audit import WeekSummary
from luckos.calendar.events import Event, EventOccurrence
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


def save_import(store: Store, row: dict[str, Any], occurrences: list[EventOccurrence],
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
                same_zone: bool = False) -> list[EventOccurrence]:
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
            result.append(EventOccurrence(events[number],
                                     combine(dt.date.fromisoformat(start), midnight, zone),
                                     combine(dt.date.fromisoformat(end), midnight, zone), True))
        elif same_zone:
            result.append(EventOccurrence(events[number], parse(start), parse(end)))
        else:
            result.append(EventOccurrence(events[number], parse(start).astimezone(zone),
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


# --- the kept audits in an export (`luck export` / `luck import`) -----------------------

TABLES = ("calendar_import", "calendar_event", "calendar_occurrence", "calendar_week")
"""The tables of the kept audits, parents first."""

# Text columns that hold more than text: what `imports`, `occurrences` and `weeks` parse.
_DATES = frozenset({"window_from", "window_to", "span_from", "span_to", "week_start",
                    "maker_day"})
_MOMENTS = frozenset({"imported_at", "last_modified", "start", "end"})
_JSON: dict[str, type] = {"me": list, "problems": dict, "summary": dict, "attendees": list,
                          "attachments": list, "altitude_hours": dict}
_SQLITE_INT = (-(2**63), 2**63 - 1)


@dataclasses.dataclass(frozen=True)
class Column:
    """A column of a calendar table, as the schema declares it."""

    name: str
    type: str  # INTEGER, REAL or TEXT
    required: bool  # NOT NULL without a default, or the primary key
    nullable: bool
    key: bool  # part of the primary key


def schema(store: Store) -> dict[str, tuple[Column, ...]]:
    """The columns of every calendar table, read from the database itself."""
    result = {}
    for table in TABLES:
        rows = store.db.execute(
            'SELECT "name", upper("type"), "notnull", "dflt_value", "pk" '
            "FROM pragma_table_info(?) ORDER BY cid", (table,)).fetchall()
        result[table] = tuple(
            Column(name, kind, required=bool(pk) or (bool(notnull) and default is None),
                   nullable=not notnull and not pk, key=bool(pk))
            for name, kind, notnull, default, pk in rows)
    return result


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every kept audit, table by table, each row an object of its columns, in the order
    the rows were written (the order `occurrences` reads them back in)."""
    result: dict[str, list[dict[str, Any]]] = {}
    for table, columns in schema(store).items():
        names = [c.name for c in columns]
        cursor = store.db.execute(  # names from the schema, never from outside
            f"SELECT {', '.join(map(_quoted, names))} FROM {_quoted(table)} ORDER BY rowid")
        result[table] = [dict(zip(names, row, strict=True)) for row in cursor]
    return result


def holds_audits(store: Store) -> bool:
    return store.db.execute("SELECT 1 FROM calendar_import LIMIT 1").fetchone() is not None


def clear(store: Store) -> None:
    """Forget every kept audit (children first), and restart their numbering."""
    for table in reversed(TABLES):
        store.db.execute(f"DELETE FROM {_quoted(table)}")
    store.db.execute("DELETE FROM sqlite_sequence WHERE name = ?", ("calendar_import",))


def problem(store: Store, data: Any) -> str | None:
    """What makes `data` (the "calendar" object of an export) unusable, naming the place,
    or None when `restore` can write it as it is."""
    if not isinstance(data, dict):
        return "calendar must be an object of table lists"
    tables = schema(store)
    for table in data:
        if table not in tables:
            return f"calendar has an unknown table {table!r}"
    keys: dict[str, set[tuple[Any, ...]]] = {}
    for table, columns in tables.items():
        rows = data.get(table, [])
        if not isinstance(rows, list):
            return f"calendar.{table} must be a list"
        by_name = {c.name: c for c in columns}
        key_names = [c.name for c in columns if c.key]
        seen: set[tuple[Any, ...]] = set()
        for index, row in enumerate(rows):
            where = f"calendar.{table}[{index}]"
            found = _row_problem(row, by_name, where)
            if found:
                return found
            if key_names:
                key = tuple(row[name] for name in key_names)
                if key in seen:
                    shown = ", ".join(f"{n} {v!r}" for n, v in zip(key_names, key, strict=True))
                    return f"{where} repeats {shown}"
                seen.add(key)
            if table != "calendar_import" and (row["import_id"],) not in keys["calendar_import"]:
                return f"{where}.import_id {row['import_id']} is no calendar_import's id"
            if (table == "calendar_occurrence"
                    and (row["import_id"], row["event"]) not in keys["calendar_event"]):
                return (f"{where}.event {row['event']} is no calendar_event of import "
                        f"{row['import_id']}")
        keys[table] = seen
    return None


def _row_problem(row: Any, columns: dict[str, Column], where: str) -> str | None:
    if not isinstance(row, dict):
        return f"{where} must be an object"
    for name in row:
        if name not in columns:
            return f"{where} has an unknown column {name!r}"
    for column in columns.values():
        if column.name not in row:
            if column.required:
                return f"{where} has no {column.name}"
            continue
        found = _value_problem(column, row[column.name])
        if found:
            return f"{where}.{column.name} {found}"
    return None


def _value_problem(column: Column, value: Any) -> str | None:
    if value is None:
        return None if column.nullable else "must not be null"
    if column.type == "INTEGER":
        if not isinstance(value, int) or isinstance(value, bool):
            return f"must be an integer, not {value!r}"
        if not _SQLITE_INT[0] <= value <= _SQLITE_INT[1]:
            return f"is out of range: {value}"
        return "must be a positive integer" if column.name == "id" and value < 1 else None
    if column.type == "REAL":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return f"must be a number, not {value!r}"
        return None if math.isfinite(value) else f"must be a finite number, not {value!r}"
    if not isinstance(value, str):
        return f"must be a string, not {value!r}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode text"
    from luckos.dates import DATE_RANGE, in_range

    try:
        if column.name in _DATES or column.name in _MOMENTS:
            parse = dt.date.fromisoformat if column.name in _DATES else dt.datetime.fromisoformat
            moment = parse(value)
            day = moment.date() if isinstance(moment, dt.datetime) else moment
            if not in_range(day):  # the same range as every other date luckos keeps
                return f"{value} is out of range ({DATE_RANGE})"
        elif column.name in _JSON and not isinstance(json.loads(value), _JSON[column.name]):
            return f"must hold a JSON {_JSON[column.name].__name__}, not {value!r}"
    except ValueError:  # json.JSONDecodeError is a ValueError
        return f"is not a valid {_kind_of(column.name)}: {value!r}"
    return None


def _kind_of(name: str) -> str:
    return ("ISO date" if name in _DATES else "ISO date and time" if name in _MOMENTS
            else "JSON text")


def restore(store: Store, data: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Write the rows of `data` (checked by `problem`) with their ids, in the caller's
    transaction; returns the rows written per table."""
    tables = schema(store)
    counts = {}
    for table in TABLES:
        rows = data.get(table, [])
        statements: dict[tuple[str, ...], str] = {}
        for row in rows:
            names = tuple(c.name for c in tables[table] if c.name in row)
            if names not in statements:  # names from the schema, never from outside
                statements[names] = (
                    f"INSERT INTO {_quoted(table)} ({', '.join(map(_quoted, names))}) "
                    f"VALUES ({', '.join('?' * len(names))})")
            store.db.execute(statements[names], [row[name] for name in names])
        counts[table] = len(rows)
    return counts
