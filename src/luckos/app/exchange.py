"""Export to JSON (lossless, private excluded unless asked), import, and backup.

An export holds every record ("records", by kind) and the calendar audits kept by
`luck calendar import` ("calendar", by table, each row an object of its columns). Files
written before the calendar was exported have no "calendar" and import as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from luckos import __version__
from luckos.domain.fields import json_key
from luckos.domain.records import KINDS, Kind, fields_of, is_private
from luckos.errors import LuckError
from luckos.store import SCHEMA_VERSION
from luckos.workspace import Workspace

FORMAT = "luckos-export"
FORMAT_VERSION = 1


def export_data(ws: Workspace, *, include_private: bool, now: dt.datetime) -> dict[str, Any]:
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
            rows.append(_encode(kind, record))
        records[name] = rows
    from luckos.store import calendar as kept

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "luckos": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "private_included": include_private,
        "private_left_out": left_out,
        "records": records,
        "calendar": kept.dump(ws.store),
    }


def write_export(ws: Workspace, path: Path, *, include_private: bool,
                 now: dt.datetime) -> dict[str, Any]:
    data = export_data(ws, include_private=include_private, now=now)
    text = json.dumps(data, indent=1, ensure_ascii=False)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text + "\n", encoding="utf-8")
        partial.replace(path)  # never leave a half-written export behind
    finally:
        partial.unlink(missing_ok=True)
    return data


def read_export(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LuckError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise LuckError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise LuckError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
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
    return data


def import_data(ws: Workspace, data: dict[str, Any], *, replace: bool) -> dict[str, int]:
    """Restore every record and kept calendar audit with its id, in one transaction;
    nothing is kept on error. Returns the records restored per kind."""
    from luckos.store import calendar as kept

    decoded: list[Any] = []
    counts: dict[str, int] = {}
    for name, rows in data["records"].items():
        if name not in KINDS:
            raise LuckError(f"import: unknown record kind {name!r}")
        if not isinstance(rows, list):
            raise LuckError(f"import: records.{name} must be a list")
        kind = KINDS[name]
        seen: set[int] = set()
        for index, row in enumerate(rows):
            record = _decode(kind, row, f"records.{name}[{index}]")
            if record.id in seen:
                raise LuckError(f"import: records.{name}[{index}] repeats id {record.id}")
            seen.add(record.id)
            decoded.append(record)
        counts[name] = len(rows)
    store = ws.store
    calendar = data.get("calendar", {})  # absent from exports written before it was kept
    problem = kept.problem(store, calendar)
    if problem:
        raise LuckError(f"import: {problem}")
    with store.transaction():
        holds_records = any(store.count(name) for name in KINDS)
        holds_audits = kept.holds_audits(store)
        brings_audits = bool(calendar.get("calendar_import"))
        if not replace and (holds_records or (holds_audits and brings_audits)):
            held = "records" if holds_records else "calendar audits"
            raise LuckError(
                f"import: the workspace already holds {held}; use --replace to replace "
                "them all, or import into a new workspace"
            )
        if replace and (holds_records or holds_audits):
            store.clear_records()
            kept.clear(store)
        store.db.execute("PRAGMA defer_foreign_keys = ON")
        try:
            for record in decoded:
                store.add(record, keep_id=True)
            kept.restore(store, calendar)
            broken = store.db.execute("PRAGMA foreign_key_check").fetchone()
        except sqlite3.IntegrityError as exc:
            raise LuckError(f"import: {exc}") from None
        if broken:
            table, rowid, parent, _ = broken
            raise LuckError(f"import: {table} {rowid} points at a missing {parent}")
    return counts


def _encode(kind: Kind, record: Any) -> dict[str, Any]:
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


def _decode(kind: Kind, row: Any, where: str) -> Any:
    if not isinstance(row, dict):
        raise LuckError(f"import: {where} must be an object")
    # files written before a field took its option's name ("to_whom", now "to") still read
    known = {"id", *(f.name for f in fields_of(kind)), *(json_key(f) for f in fields_of(kind))}
    unknown = set(row) - known
    if unknown:
        raise LuckError(f"import: {where} has an unknown field {sorted(unknown)[0]!r}")
    rid = row.get("id")
    if not isinstance(rid, int) or isinstance(rid, bool) or rid < 1:
        raise LuckError(f"import: {where}.id must be a positive integer")
    values: dict[str, Any] = {"id": rid}
    for field in fields_of(kind):
        key = json_key(field) if json_key(field) in row else field.name
        if key not in row:
            continue
        values[field.name] = _decode_value(field, row[key], f"{where}.{key}")
    for field in fields_of(kind):
        if field.metadata["required"] and values.get(field.name) in (None, ""):
            raise LuckError(f"import: {where} has no {json_key(field)}")
    return kind.cls(**values)


def _decode_value(field: dataclasses.Field, value: Any, where: str) -> Any:
    ftype = field.metadata["type"]
    if value is None:
        if ftype in ("list", "bool", "text", "choice", "month"):
            raise LuckError(f"import: {where} must not be null")
        return None
    ok: bool
    if ftype == "date":
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise LuckError(f"import: {where} is not an ISO date: {value!r}") from None
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
        return float(value) if ok else _bad(where, "a number", value)
    if not isinstance(value, str):
        return _bad(where, "a string", value)
    if ftype == "choice" and value not in field.metadata["choices"] and value != field.default:
        return _bad(where, "one of " + ", ".join(field.metadata["choices"]), value)
    return value


def _bad(where: str, expected: str, value: Any) -> Any:
    raise LuckError(f"import: {where} must be {expected}, not {value!r}")


def backup(ws: Workspace, destination: Path | None, now: dt.datetime) -> Path:
    if destination is None:
        folder = ws.home / "backups"
        folder.mkdir(exist_ok=True)
        destination = folder / f"luck-{now:%Y%m%d-%H%M%S}.db"
    return ws.store.backup(destination)
