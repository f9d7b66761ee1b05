"""Adding, editing, showing, listing and deleting records of any kind."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from luckos.dates import parse_date, parse_month
from luckos.domain import records as r
from luckos.domain.fields import json_key
from luckos.domain.records import KINDS, Kind, fields_of, short_id
from luckos.domain.validate import validate
from luckos.errors import LuckError
from luckos.workspace import Workspace


def kind_named(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise LuckError(f"unknown record kind {name!r}") from None


def parse_id(kind: Kind, text: str | int) -> int:
    """`p12` or `12` → 12 for promises; a wrong prefix or a non-number is an error."""
    value = str(text).strip().lower()
    digits = value.lstrip("abcdefghijklmnopqrstuvwxyz")
    prefix = value[: len(value) - len(digits)]
    if not digits.isdigit() or (prefix and prefix != kind.prefix):
        for other in KINDS.values():
            if prefix == other.prefix and digits.isdigit():
                raise LuckError(f"{value} is a {other.name} id, not a {kind.name} id")
        raise LuckError(f"invalid {kind.name} id {value!r}: expected {kind.prefix}N or N")
    return int(digits)


def fetch(ws: Workspace, kind: Kind, ref: str | int) -> Any:
    rid = parse_id(kind, ref)
    record = ws.store.get(kind.name, rid)
    if record is None:
        raise LuckError(f"no {kind.name} {short_id(kind, rid)}")
    return record


def coerce(ws: Workspace, field: dataclasses.Field, raw: Any, today: dt.date) -> Any:
    """Turn what the user typed for `field` into its typed value, or raise LuckError."""
    kind = field.metadata["type"]
    label = field.metadata.get("flag") or field.name.replace("_", "-")
    if raw is None:
        return None
    if kind == "date":
        return raw if isinstance(raw, dt.date) else parse_date(str(raw), today, what=label)
    if kind == "month":
        return parse_month(str(raw), today)
    if kind == "bool":
        return bool(raw)
    if kind == "list":
        items = [raw] if isinstance(raw, str) else list(raw)
        return tuple(part.strip() for item in items for part in str(item).split(",")
                     if part.strip())
    if kind in ("int", "float"):
        try:
            return int(raw) if kind == "int" else float(raw)
        except (TypeError, ValueError):
            raise LuckError(f"invalid {label} {raw!r}: expected a number") from None
    if kind == "choice":
        value = str(raw).strip().lower().replace(" ", "-")
        choices = field.metadata["choices"]
        if value not in choices:
            raise LuckError(f"invalid {label} {raw!r}: choose one of {', '.join(choices)}")
        return value
    if kind.startswith("ref:"):
        return fetch(ws, KINDS[kind[4:]], raw).id
    value = str(raw)
    if field.metadata["required"] and not value.strip():
        raise LuckError(f"{label} must not be empty")
    return value


def _defaults(kind: Kind, today: dt.date) -> dict[str, Any]:
    values = {}
    for field in fields_of(kind):
        if field.metadata["default_today"]:
            values[field.name] = today
    return values


def add(ws: Workspace, kind: Kind, raw: Mapping[str, Any], today: dt.date) -> tuple[Any, list[str]]:
    """Create a record from user input; returns it (with its id) and any warnings."""
    values = _defaults(kind, today)
    for field in fields_of(kind):
        if raw.get(field.name) is not None:
            values[field.name] = coerce(ws, field, raw[field.name], today)
    missing = [f for f in fields_of(kind) if f.metadata["required"] and values.get(f.name) is None]
    if missing:
        name = missing[0].metadata.get("flag") or missing[0].name.replace("_", "-")
        raise LuckError(f"a {kind.name} needs --{name}")
    record = kind.cls(**values)
    warnings = validate(record, ws.config, today)
    with ws.store.transaction():
        _check_unique(ws, record)
        return ws.store.add(record), warnings


def edit(
    ws: Workspace, kind: Kind, ref: str | int, raw: Mapping[str, Any], today: dt.date
) -> tuple[Any, list[str]]:
    record = fetch(ws, kind, ref)
    changes = {}
    for field in fields_of(kind):
        if raw.get(field.name) is None:
            continue
        if not field.metadata["editable"]:
            raise LuckError(f"{field.name} cannot be edited directly")
        changes[field.name] = coerce(ws, field, raw[field.name], today)
    if not changes:
        raise LuckError("nothing to change: give at least one option")
    updated = dataclasses.replace(record, **changes)
    warnings = validate(updated, ws.config, today)
    with ws.store.transaction():
        _check_unique(ws, updated)
        return ws.store.update(updated), warnings


def delete(ws: Workspace, kind: Kind, ref: str | int) -> Any:
    record = fetch(ws, kind, ref)
    with ws.store.transaction():
        ws.store.delete(kind.name, record.id)
    return record


def listing(
    ws: Workspace,
    kind: Kind,
    *,
    where: Mapping[str, Any] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = 50,
    include_private: bool = True,
    today: dt.date,
) -> list[Any]:
    filters = dict(where or {})
    for name, raw in list(filters.items()):
        field = next(f for f in fields_of(kind) if f.name == name)
        filters[name] = coerce(ws, field, raw, today)
    found = ws.store.find(kind.name, where=filters, since=since, until=until, limit=limit)
    if not include_private:
        found = [x for x in found if not r.is_private(x)]
    return found


@dataclasses.dataclass(frozen=True)
class Page:
    records: list[Any]
    total: int  # how many match the filters; more than len(records) when the limit cut


def page(ws: Workspace, kind: Kind, *, where: Mapping[str, Any] | None = None,
         since: dt.date | None = None, until: dt.date | None = None,
         limit: int | None = 50, today: dt.date) -> Page:
    """`listing`, and how many records it would have shown without the limit."""
    found = listing(ws, kind, where=where, since=since, until=until, limit=limit, today=today)
    total = len(found)
    if limit is not None and total == limit:
        filters = {name: coerce(ws, next(f for f in fields_of(kind) if f.name == name), raw,
                                today) for name, raw in (where or {}).items()}
        total = ws.store.find_count(kind.name, where=filters, since=since, until=until)
    return Page(found, total)


def _check_unique(ws: Workspace, record: Any) -> None:
    cited = getattr(record, "from_note_id", None)
    if cited is not None:
        note = ws.store.get("note", cited)
        if note is not None and note.kind != r.PRIVATE_NOTE_KIND:
            raise LuckError(f"n{cited} is a {note.kind} note; --from cites an earned secret "
                            "(luck note add TEXT --kind earned-secret)")
    if isinstance(record, r.Metric):
        for other in ws.store.find("metric", where={"theme_id": record.theme_id}):
            if other.slot == record.slot and other.id != record.id:
                raise LuckError(
                    f"theme t{record.theme_id} already has a {record.slot} metric "
                    f"(m{other.id}); edit that one"
                )
    if isinstance(record, r.Reading):
        for other in ws.store.find("reading", where={"metric_id": record.metric_id,
                                                     "month": record.month}):
            if other.id != record.id:
                raise LuckError(
                    f"m{record.metric_id} already has a reading for {record.month} "
                    f"(r{other.id}); edit that one"
                )


def as_json(record: Any) -> dict[str, Any]:
    """A record as JSON-ready data, with its short id and references as short ids."""
    kind = r.kind_of(record)
    data: dict[str, Any] = {"id": short_id(kind, record.id) if record.id else None}
    for field in fields_of(kind):
        value = getattr(record, field.name)
        ftype = field.metadata["type"]
        if value is None:
            data[json_key(field)] = None
        elif ftype == "date":
            data[json_key(field)] = value.isoformat()
        elif ftype == "list":
            data[json_key(field)] = list(value)
        elif ftype.startswith("ref:"):
            data[json_key(field)] = short_id(KINDS[ftype[4:]], value)
        else:
            data[json_key(field)] = value
    if r.is_private(record):
        data["private"] = True
    return data
