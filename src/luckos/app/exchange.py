"""Export to JSON (lossless, private excluded unless asked), import, and backup.

An export holds every record ("records", by kind) and the calendar audits kept by
`luck calendar import` ("calendar", by table, each row an object of its columns). Files
written before the calendar was exported have no "calendar" and import as before.
"private_included" says whether earned secrets are in the file: `import --replace` of a
file without them keeps the workspace's own. "workspace_id" is the id in the feed's
event UIDs (absent when no feed was ever written), so a restored workspace publishes the
same events.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from luckos import __version__, files
from luckos.domain.fields import INT_MAX, json_key
from luckos.domain.records import KINDS, Kind, Note, fields_of, is_private, kind_of, short_id
from luckos.errors import Conflict, LuckError, NotFound, Problems
from luckos.store import SCHEMA_VERSION
from luckos.workspace import Workspace

FORMAT = "luckos-export"
FORMAT_VERSION = 1
# an export replaces an existing file only with --force: it may be the only copy of an
# older state of the workspace
OUTPUT = files.Output("export")
_WORKSPACE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclasses.dataclass(frozen=True)
class Imported:
    counts: dict[str, int]  # records restored per kind
    private_kept: int  # private notes kept because the file left them out


def export_data(ws: Workspace, *, include_private: bool, now: dt.datetime,
                redact: bool = False) -> dict[str, Any]:
    records: dict[str, list[dict[str, Any]]] = {}
    left_out = 0
    private_notes = set() if include_private else {
        n.id for n in ws.store.all("note") if is_private(n)}
    for name, kind in KINDS.items():
        rows = []
        for record in ws.store.all(name):
            if is_private(record) and not include_private:
                left_out += 1
                continue
            if getattr(record, "from_note_id", None) in private_notes:
                # a citation of a note left out would not resolve on import
                record = dataclasses.replace(record, from_note_id=None)
            rows.append(encode(kind, record))
        records[name] = rows
    from luckos.app.feed import WORKSPACE_ID
    from luckos.store import calendar as kept

    calendar = kept.dump(ws.store)
    redacted = _redact(ws, records, calendar) if redact else None
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "luckos": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "private_included": include_private,
        "private_left_out": left_out,
        **({"redacted": redacted} if redacted is not None else {}),
        "records": records,
        "calendar": calendar,
    }
    workspace_id = ws.store.get_meta(WORKSPACE_ID)
    if workspace_id:
        data["workspace_id"] = workspace_id
    return data


def _redact(ws: Workspace, records: dict[str, list[dict[str, Any]]],
            calendar: dict[str, Any]) -> dict[str, int]:
    """`--redact`: every text field of the records and every string of the calendar
    audits through one Redactor (one token per original in the whole file), in place.
    Returns the counts by kind."""
    from luckos.app.redaction import redactor_for

    redactor = redactor_for(ws)
    for name, rows in records.items():
        texts = [json_key(f) for f in fields_of(KINDS[name])
                 if f.metadata["type"] in ("text", "list")]
        for row in rows:
            for field in texts:
                row[field] = redactor.redact_value(row[field])
    for rows in calendar.values():
        for row in rows:
            row.update(redactor.redact_value(row))
    return dict(redactor.counts)


def export_text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def write_export(ws: Workspace, path: Path, *, include_private: bool, now: dt.datetime,
                 redact: bool = False, force: bool = False) -> dict[str, Any]:
    """Export to `path`, all or nothing; an existing file is replaced only with `force`."""
    files.check(path, OUTPUT, force=force, home=ws.home)
    data = export_data(ws, include_private=include_private, now=now, redact=redact)
    files.write(path, export_text(data), OUTPUT, force=force, home=ws.home)
    return data


def read_export(path: Path) -> dict[str, Any]:
    if "\x00" in str(path):
        raise LuckError(f"{str(path)!r}: a file name cannot hold a NUL byte")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file", where=str(path)) from None
    except IsADirectoryError:
        raise LuckError(f"{path} is a folder, not an export") from None
    except OSError as exc:
        raise LuckError(f"{path}: cannot read it ({exc.strerror})") from None
    return parse_export(raw, str(path))


def parse_export(raw: bytes, where: str) -> dict[str, Any]:
    """An export's content (`where` names it in messages: a file, or standard input)."""
    path = where
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise LuckError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise LuckError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise LuckError(f"{path}: not a luckos export (its JSON is nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LuckError(f"{path}: not a luckos export (no \"format\": \"{FORMAT}\")")
    if data.get("version") != FORMAT_VERSION:
        raise LuckError(
            f"{path}: export format version {data.get('version')!r} is not supported "
            f"(this luckos reads version {FORMAT_VERSION})"
        )
    if not isinstance(data.get("records"), dict):
        raise LuckError(f"{path}: \"records\" must be an object of record lists")
    if "calendar" in data and not isinstance(data["calendar"], dict):
        raise LuckError(f"{path}: \"calendar\" must be an object of table lists")
    workspace_id = data.get("workspace_id")
    if workspace_id is not None and not (isinstance(workspace_id, str)
                                         and _WORKSPACE_ID.fullmatch(workspace_id)):
        raise LuckError(f"{path}: \"workspace_id\" must be up to 64 letters, digits, - or _")
    return data


def import_data(ws: Workspace, data: dict[str, Any], *, replace: bool,
                today: dt.date | None = None,
                confirm: Callable[[str], bool] | None = None) -> Imported:
    """Restore every record and kept calendar audit with its id, in one transaction;
    nothing is kept on error. With `today`, a past-only date after it is refused unless
    `confirm` accepts it, as `luck ... add` does; records a delete removed are put back as
    they were, without that check. Every record passes the same validation as the CLI's.

    With `replace`, the workspace's records go first, except its private notes when the
    file says it left private records out: data the file does not carry is never deleted.
    """
    from luckos.app.feed import WORKSPACE_ID
    from luckos.store import calendar as kept

    restoring = "deleted" in data  # written by a delete: adds back what it removed
    placed, counts = _decode_records(ws, data["records"])
    decoded = [record for record, _ in placed]
    if today is not None and not restoring:
        _refuse_future(placed, today, confirm)
    if restoring and replace:
        raise LuckError("import: this file holds what a delete removed; import it without "
                        "--replace to add it back")
    store = ws.store
    calendar = data.get("calendar", {})  # absent from exports written before it was kept
    problem = kept.problem(store, calendar)
    if problem:
        raise LuckError(f"import: {problem}")
    with store.transaction():
        holds_records = any(store.count(name) for name in KINDS)
        holds_audits = kept.holds_audits(store)
        brings_audits = bool(calendar.get("calendar_import"))
        if not replace and not restoring and (holds_records or (holds_audits and brings_audits)):
            held = "records" if holds_records else "calendar audits"
            raise Conflict(
                f"import: the workspace already holds {held}; use --replace to replace "
                "them all, or import into a new workspace")
        keep_private = replace and data.get("private_included") is not True
        private_kept = store.private_note_ids() if keep_private else set()
        clash = [r for r in decoded if isinstance(r, Note) and r.id in private_kept]
        if clash:
            raise LuckError(
                f"import: the file's note n{clash[0].id} has the id of a private note this "
                "workspace keeps (the file left private notes out); import an export made "
                "with --include-private, or import into a new workspace")
        if replace and (holds_records or holds_audits):
            store.clear_records(keep_private=keep_private)
            kept.clear(store)
        if isinstance(data.get("workspace_id"), str) and not restoring:
            store.set_meta(WORKSPACE_ID, data["workspace_id"])
        store.db.execute("PRAGMA defer_foreign_keys = ON")
        try:
            for record in decoded:
                kind = kind_of(record)
                if restoring and store.get(kind.name, record.id) is not None:
                    raise LuckError(f"import: {short_id(kind, record.id)} is in the workspace "
                                    "already; nothing was imported")
                store.add(record, keep_id=True)
            kept.restore(store, calendar)
            if restoring:
                from luckos.app.deletes import restore_links

                restore_links(ws, data["deleted"].get("links", []))
            broken = store.db.execute("PRAGMA foreign_key_check").fetchone()
        except sqlite3.IntegrityError as exc:
            raise LuckError(f"import: {exc}") from None
        if broken:
            table, rowid, parent, _ = broken
            raise LuckError(f"import: {table} {rowid} points at a missing {parent}")
    return Imported(counts, len(private_kept))


def encode(kind: Kind, record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": record.id}
    for field in fields_of(kind):
        value = getattr(record, field.name)
        ftype = field.metadata["type"]
        if value is not None and ftype == "date":
            value = value.isoformat()
        elif ftype == "list":
            value = list(value)
        out[json_key(field)] = value
    return out


def _refuse_future(placed: list[tuple[Any, str]], today: dt.date,
                   confirm: Callable[[str], bool] | None) -> None:
    """A past-only date after today, refused unless `confirm` accepts it."""
    from luckos.domain.validate import future_dates

    for record, where in placed:
        kind = kind_of(record)
        for field, value in future_dates(record, today):
            key = next(json_key(f) for f in fields_of(kind) if f.name == field)
            future = f"import: {where}.{key} {value} is in the future (today is {today})"
            if confirm is None or not confirm(future):
                raise LuckError(future)


def _decode_records(ws: Workspace, records: dict[str, Any]
                    ) -> tuple[list[tuple[Any, str]], dict[str, int]]:
    """Every record of the file, decoded and validated as the CLI validates, with its
    place in the file (`records.promise[3]`); counts by kind. Every problem of every
    record is reported at once, each with its place (`records.promise[3].due: ...`), and
    then nothing is kept."""
    from luckos.domain.validate import unique_key, validate

    decoded: list[tuple[Any, str]] = []
    counts: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    keys: dict[tuple[Any, ...], str] = {}

    def problem(where: str, text: str) -> None:
        problems.append((where, f"import: {text}"))

    for name, rows in records.items():
        if name not in KINDS:
            problem(f"records.{name}", f"unknown record kind {name!r}")
            continue
        if not isinstance(rows, list):
            problem(f"records.{name}", f"records.{name} must be a list")
            continue
        kind = KINDS[name]
        keys_of = {f.name: json_key(f) for f in fields_of(kind)}
        seen: dict[int, str] = {}
        for index, row in enumerate(rows):
            where = f"records.{name}[{index}]"
            record, found = _decode(kind, row, where)
            for place, text in found:
                problem(place, text)
            if record is None:
                continue
            refused = [p for p in validate(record, ws.config) if not p.warning]
            for p in refused:  # the same checks as the CLI's: no door lets in what another refuses
                place = f"{where}.{keys_of[p.field]}" if p.field in keys_of else where
                problem(place, f"{place}: {p.message}")
            unique = unique_key(record)
            if unique is not None and unique in keys:
                problem(where, f"{where} repeats {keys[unique]} ({unique[0]} "
                        f"{' and '.join(map(str, unique[1:]))})")
            elif unique is not None:
                keys[unique] = where
            if record.id in seen:
                problem(f"{where}.id", f"{where} repeats id {record.id}")
                continue
            seen[record.id] = where
            if not refused:
                decoded.append((record, where))
        counts[name] = len(rows)
    if len(problems) > 1:
        problems.append(("", f"import: {len(problems)} problems; nothing was imported"))
    if problems:
        raise Problems(problems)
    return decoded, counts


def _decode(kind: Kind, row: Any, where: str) -> tuple[Any, list[tuple[str, str]]]:
    """The record a row holds (None when it cannot be built) and every problem of its
    values, as (place, message)."""
    if not isinstance(row, dict):
        return None, [(where, f"{where} must be an object")]
    problems: list[tuple[str, str]] = []
    # files written before a field took its option's name ("to_whom", now "to") still read
    known = {"id", *(f.name for f in fields_of(kind)), *(json_key(f) for f in fields_of(kind))}
    for unknown in sorted(set(row) - known):
        problems.append((f"{where}.{unknown}", f"{where} has an unknown field {unknown!r}"))
    rid = row.get("id")
    if not isinstance(rid, int) or isinstance(rid, bool) or not 1 <= rid <= INT_MAX:
        problems.append((f"{where}.id", f"{where}.id must be a positive integer"
                         + (" (at most 2**63-1)" if isinstance(rid, int) and rid > 1 else "")))
    values: dict[str, Any] = {"id": rid}
    for field in fields_of(kind):
        key = json_key(field) if json_key(field) in row else field.name
        if key not in row:
            continue
        try:
            values[field.name] = _decode_value(field, row[key], f"{where}.{key}")
        except LuckError as exc:
            problems.append((f"{where}.{key}", exc.message))
    bad = {place for place, _ in problems}
    for field in fields_of(kind):
        place = f"{where}.{json_key(field)}"
        if (field.metadata["required"] and values.get(field.name, "") in (None, "")
                and place not in bad):
            problems.append((place, f"{where} has no {json_key(field)}"))
    if problems:
        return None, problems
    return kind.cls(**values), []


def _decode_value(field: dataclasses.Field, value: Any, where: str) -> Any:
    ftype = field.metadata["type"]
    if value is None:
        if ftype in ("list", "bool", "text", "choice", "month", "recurrence"):
            raise LuckError(f"{where} must not be null")
        return None
    ok: bool
    if ftype == "date":
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError, OverflowError):
            raise LuckError(f"{where} is not an ISO date: {value!r}") from None
    if ftype == "list":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return tuple(value) if ok else _bad(where, "a list of strings", value)
    if ftype == "bool":
        return value if isinstance(value, bool) else _bad(where, "true or false", value)
    if ftype == "int" or ftype.startswith("ref:"):
        ok = isinstance(value, int) and not isinstance(value, bool)
        return value if ok else _bad(where, "an integer", value)
    if ftype == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        try:
            return float(value) if ok else _bad(where, "a number", value)
        except OverflowError:
            return _bad(where, "a number a float can hold", value)
    if not isinstance(value, str):
        return _bad(where, "a string", value)
    if ftype == "recurrence":  # the form the CLI stores ("every 2 weeks" -> FREQ=...)
        from luckos.domain.windows import check_recurrence

        try:
            return check_recurrence(value)
        except LuckError as exc:
            raise LuckError(f"{where}: {exc}") from None
    if ftype == "choice" and value not in field.metadata["choices"] and value != field.default:
        return _bad(where, "one of " + ", ".join(field.metadata["choices"]), value)
    return value


def _bad(where: str, expected: str, value: Any) -> Any:
    raise LuckError(f"{where} must be {expected}, not {value!r}")


def backup(ws: Workspace, destination: Path | None, now: dt.datetime) -> Path:
    """A copy of the database in a new file (default: backups/ in the workspace, 0700)."""
    if destination is None:
        folder = ws.home / "backups"
        files.make_folder(folder)
        destination = folder / f"luck-{now:%Y%m%d-%H%M%S}.db"
        n = 2
        while destination.exists():  # a second backup within the same second
            destination = folder / f"luck-{now:%Y%m%d-%H%M%S}-{n}.db"
            n += 1
    return ws.store.backup(destination)
