"""Adding, editing, showing, listing and deleting records of any kind."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from luckos.domain import records as r
from luckos.domain.fields import INT_MAX, json_key
from luckos.domain.records import KINDS, Kind, fields_of, short_id
from luckos.errors import Conflict, Invalid, LuckError, NotFound

if TYPE_CHECKING:
    from luckos.workspace import Workspace

# The rules (`domain.validate`), the date parser and the units are loaded by the
# functions that use them: a list or a show reads records without them.

# Asked on a terminal before a past-only date after today is stored; None: refuse it.
Confirm = Callable[[str], bool] | None


def kind_named(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise NotFound(f"unknown record kind {name!r}", where=name) from None


def parse_id(kind: Kind, text: str | int) -> int:
    """`p12` or `12` → 12 for promises; a wrong prefix or a non-number is an error."""
    value = str(text).strip().lower()
    digits = value.lstrip("abcdefghijklmnopqrstuvwxyz")
    prefix = value[: len(value) - len(digits)]
    if not digits.isdigit() or (prefix and prefix != kind.prefix):
        for other in KINDS.values():
            if prefix == other.prefix and digits.isdigit():
                raise Invalid(f"{value} is a {other.name} id, not a {kind.name} id",
                              where=value)
        raise Invalid(f"invalid {kind.name} id {_shown(value)!r}: expected {kind.prefix}N or N",
                      where=_shown(value))
    if len(digits) > 19 or int(digits) > INT_MAX:
        raise NotFound(f"no {kind.name} {_shown(value)} (ids are at most {INT_MAX})",
                       where=_shown(value))
    return int(digits)


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def fetch(ws: Workspace, kind: Kind, ref: str | int) -> Any:
    rid = parse_id(kind, ref)
    record = ws.store.get(kind.name, rid)
    if record is None:
        raise NotFound(f"no {kind.name} {short_id(kind, rid)}", where=short_id(kind, rid))
    return record


def coerce(ws: Workspace, field: dataclasses.Field, raw: Any, today: dt.date,
           unit: str | None = None) -> Any:
    """Turn what the user typed for `field` into its typed value, or raise LuckError.
    `unit`: the unit a number may be typed in, when not the field's own (see `unit_of`)."""
    ftype = field.metadata["type"]
    label = field.metadata.get("flag") or field.name.replace("_", "-")
    if raw is None:
        return None
    if ftype == "date":
        from luckos.dates import parse_date

        return raw if isinstance(raw, dt.date) else parse_date(
            str(raw), today, what=label, past=bool(field.metadata.get("past_only")))
    if ftype == "month":
        from luckos.dates import parse_month

        return parse_month(str(raw), today)
    if ftype == "recurrence":  # stored in the form the readers expand (monthly, FREQ=...)
        from luckos.domain.windows import check_recurrence

        return check_recurrence(str(raw))
    if ftype == "bool":
        return bool(raw)
    if ftype == "list":
        items = [raw] if isinstance(raw, str) else list(raw)
        return tuple(part.strip() for item in items for part in str(item).split(",")
                     if part.strip())
    if ftype == "float":
        from luckos.domain.quantities import parse_quantity

        return parse_quantity(raw, str(field.metadata.get("unit") or "") if unit is None
                              else unit, what=label)
    if ftype == "int":
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise Invalid(f"invalid {label} {raw!r}: expected a number",
                          where=label) from None
    if ftype == "choice":
        value = str(raw).strip().lower().replace(" ", "-")
        choices = field.metadata["choices"]
        if value not in choices:
            raise Invalid(f"invalid {label} {raw!r}: choose one of {', '.join(choices)}",
                          where=label)
        return value
    if ftype.startswith("ref:"):
        return fetch(ws, KINDS[ftype[4:]], raw).id
    value = str(raw)
    if field.metadata["required"] and not value.strip():
        raise Invalid(f"{label} must not be empty", where=label)
    return value


def unit_of(ws: Workspace, kind: Kind, field: dataclasses.Field,
            values: Mapping[str, Any]) -> str:
    """The unit a number typed for `field` may carry (see `fields.describe`): its own, or
    that of the record another field refers to (a reading's value: its metric's unit)."""
    unit = str(field.metadata.get("unit") or "")
    if not unit.startswith("ref:"):
        return unit
    ref = next(f for f in fields_of(kind) if f.name == unit[4:])
    target = values.get(ref.name)
    record = ws.store.get(ref.metadata["type"][4:], target) if target else None
    return str(getattr(record, "unit", "") or "") if record else ""


def _defaults(kind: Kind, today: dt.date) -> dict[str, Any]:
    values = {}
    for field in fields_of(kind):
        if field.metadata["default_today"]:
            values[field.name] = today
    return values


def add(ws: Workspace, kind: Kind, raw: Mapping[str, Any], today: dt.date, *,
        confirm: Confirm = None) -> tuple[Any, list[str]]:
    """Create a record from user input; returns it (with its id) and any warnings.
    A past-only date after today is refused unless `confirm` (a question asked on a
    terminal) accepts it."""
    from luckos.domain.validate import refuse, refuse_future, validate

    values = _defaults(kind, today)
    for field in fields_of(kind):
        if raw.get(field.name) is not None:
            values[field.name] = coerce(ws, field, raw[field.name], today,
                                        unit_of(ws, kind, field, values))
    missing = [f for f in fields_of(kind) if f.metadata["required"] and values.get(f.name) is None]
    if missing:
        name = missing[0].metadata.get("flag") or missing[0].name.replace("_", "-")
        raise Invalid(f"a {kind.name} needs --{name}", where=name)
    record = kind.cls(**values)
    warnings = refuse(validate(record, ws.config, today), record)
    refuse_future(record, today, confirm=confirm)
    with ws.store.transaction():
        _check_unique(ws, record)
        return ws.store.add(record), warnings


def edit(
    ws: Workspace, kind: Kind, ref: str | int, raw: Mapping[str, Any], today: dt.date, *,
    confirm: Confirm = None,
) -> tuple[Any, list[str]]:
    from luckos.domain.validate import refuse, refuse_future, validate

    record = fetch(ws, kind, ref)
    changes: dict[str, Any] = {}
    for field in fields_of(kind):
        if raw.get(field.name) is None:
            continue
        if not field.metadata["editable"]:
            raise Invalid(f"{field.name} cannot be edited directly", where=field.name)
        context = {f.name: getattr(record, f.name) for f in fields_of(kind)} | changes
        changes[field.name] = coerce(ws, field, raw[field.name], today,
                                     unit_of(ws, kind, field, context))
    if not changes:
        raise Invalid("nothing to change: give at least one option")
    updated = dataclasses.replace(record, **changes)
    warnings = refuse(validate(updated, ws.config, today), updated)
    refuse_future(updated, today, names=changes, confirm=confirm)
    with ws.store.transaction():
        _check_unique(ws, updated)
        return ws.store.update(updated), warnings


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


class Page(NamedTuple):
    """A page of a list (a NamedTuple: every command that loads this module would pay
    for a dataclass's generated methods)."""

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
    from luckos.domain.validate import UNIQUE_FIELDS

    cited = getattr(record, "from_note_id", None)
    if cited is not None:
        note = ws.store.get("note", cited)
        if note is not None and note.kind != r.PRIVATE_NOTE_KIND:
            raise LuckError(f"n{cited} is a {note.kind} note; --from cites an earned secret "
                            "(luck note add TEXT --kind earned-secret)")
    kind = r.kind_of(record)
    if kind.name == "person":
        from luckos.domain.people import clash

        problem = clash(record, ws.store.all("person"))
        if problem:
            raise Conflict(problem, where=record.name)
    if kind.name == "stakeholder":
        from luckos.domain.people import subject_of

        where = {name: getattr(record, name) for name in UNIQUE_FIELDS["stakeholder"]}
        for other in ws.store.find("stakeholder", where=where):
            if other.id != record.id:
                raise Conflict(f"pe{record.person_id} is already a stakeholder of "
                               f"{subject_of(record)} (sh{other.id}, {other.role})",
                               where=f"sh{other.id}")
        return
    fields = UNIQUE_FIELDS.get(kind.name)
    if not fields:
        return
    where = {name: getattr(record, name) for name in fields}
    other = next((x for x in ws.store.find(kind.name, where=where) if x.id != record.id), None)
    if other is None:
        return
    if kind.name == "metric":
        raise Conflict(f"theme t{record.theme_id} already has a {record.slot} metric "
                       f"(m{other.id}); edit that one", where=f"m{other.id}")
    raise Conflict(f"m{record.metric_id} already has a reading for {record.month} "
                   f"(r{other.id}); edit that one", where=f"r{other.id}")


def stored_dates(kind: Kind, raw: Mapping[str, Any], record: Any
                 ) -> list[tuple[dataclasses.Field, dt.date]]:
    """The dates a capture should say it stored: a required date (a promise's due date, a
    window's day) always, any other date when it was typed in a loose form (`fri`, `+3d`),
    as (field, date), so that every face can say them back."""
    said = []
    for field in fields_of(kind):
        value = getattr(record, field.name)
        if field.metadata["type"] != "date" or not isinstance(value, dt.date):
            continue
        typed = raw.get(field.name)
        loose = isinstance(typed, str) and typed.strip() != value.isoformat()
        if field.metadata["required"] or loose:
            said.append((field, value))
    return said


def testimonials(ws: Workspace, artifact: r.Artifact) -> list[r.Testimonial]:
    """Who said an artifact saved them time (`luck artifact show`)."""
    return ws.store.find("testimonial", where={"artifact_id": artifact.id})


def as_json(record: Any) -> dict[str, Any]:
    """A record as JSON-ready data, with its short id and references as short ids."""
    kind, plan = _json_plan(type(record).__name__)
    data: dict[str, Any] = {"id": short_id(kind, record.id) if record.id else None}
    for name, key, how, prefix in plan:
        value = getattr(record, name)
        if value is None:
            data[key] = None
        elif how == "date":
            data[key] = value.isoformat()
        elif how == "list":
            data[key] = list(value)
        elif how == "ref":
            data[key] = f"{prefix}{value}"
        else:
            data[key] = value
    if r.is_private(record):
        data["private"] = True
    return data


@functools.cache
def _json_plan(class_name: str) -> tuple[r.Kind, tuple[tuple[str, str, str, str], ...]]:
    """The record kind of a record class (by its name) and, per field: its name, its
    JSON key, how its value is written (date, list, ref or as it is) and a reference's
    prefix (found once per class: a report writes thousands of records)."""
    kind = next(k for k in KINDS.values() if k.cls.__name__ == class_name)
    plan = []
    for field in fields_of(kind):
        ftype = field.metadata["type"]
        how = "ref" if ftype.startswith("ref:") else ftype if ftype in ("date", "list") else ""
        prefix = KINDS[ftype[4:]].prefix if how == "ref" else ""
        plan.append((field.name, json_key(field), how, prefix))
    return kind, tuple(plan)
