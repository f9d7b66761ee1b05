"""What every record shares: a field description read by the store, the importer and
the CLI, and one equality, hash and repr for all record classes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any, NamedTuple

# What SQLite's INTEGER holds, and the longest text a field keeps (a long note body or an
# estimate model fits many times over).
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
TEXT_LIMIT = 100_000


class Problem(NamedTuple):
    """What is wrong with a record, or what it lacks: the field concerned (its name; ""
    for the record as a whole) and a message naming it as the user types it. A warning
    is advice on a usable record; any other problem refuses it."""

    field: str
    message: str
    warning: bool = False


class RecordBase:
    """What every record shares: equality, hashing and repr over its fields, written once
    here rather than generated for each record class (which costs every command start-up
    time for each kind)."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.__class__.__name__, self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}"
                          for name in self.__dataclass_fields__)  # type: ignore[attr-defined]
        return f"{self.__class__.__name__}({inner})"


# The same for the domain's other frozen dataclasses that a report builds on every run (a
# ledger's tally, a check's result, an ask): declared `@dataclasses.dataclass(frozen=True,
# eq=False, repr=False)` over this base, each costs a command start-up less than a
# generated __eq__, __hash__ and __repr__ of its own.
ValueBase = RecordBase


def describe(ftype: str = "text", help: str = "", *, default: Any = None,
             required: bool = False, choices: tuple[str, ...] = (), flag: str | None = None,
             editable: bool = True, default_today: bool = False, key: str | None = None,
             past_only: bool = False, unit: str = "",
             low: float | None = None, high: float | None = None,
             cascade: bool = False) -> Any:
    """A record field: its input type `ftype` (text, date, month, int, float, bool, choice, list,
    recurrence or ref:<kind>), help text, and how the CLI and the importer treat it. `key`
    is its name in JSON when that is not the field's own (the word its option uses).

    `past_only`: a date (or month) of something that has happened, so never after today;
    checked on add, edit and import alike (see `validate.future_dates`).
    `unit`: what a typed number may carry (see `quantities.parse_quantity`), or
    `ref:FIELD` for the unit of the record that FIELD refers to (a reading's metric).
    `low` and `high`: the range a number must lie in (inclusive; see `value_problem`).
    `cascade`: an optional reference (`ref:<kind>`) whose record is deleted with its
    target all the same (a stakeholder belongs to a window or to a decision)."""
    meta = {"type": ftype, "help": help, "required": required, "choices": choices,
            "flag": flag, "editable": editable, "default_today": default_today, "key": key,
            "past_only": past_only, "unit": unit, "low": low, "high": high,
            "cascade": cascade or (required and ftype.startswith("ref:"))}
    if ftype == "list":
        return dataclasses.field(default=(), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def text_problem(value: str) -> str | None:
    """What makes a piece of text unstorable, if anything."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds bytes that are not UTF-8 text"
    if "\x00" in value:
        return "holds a NUL character"
    if len(value) > TEXT_LIMIT:
        return f"is too long ({len(value):,} characters; at most {TEXT_LIMIT:,})"
    return None


def value_problem(field: dataclasses.Field, value: Any) -> str | None:
    """What is wrong with a field's typed value, said after the field's name, or None.

    One description for every door: the CLI, the importer and any later face."""
    from luckos.dates import DATE_RANGE, in_range

    if value is None:
        return None
    meta = field.metadata
    ftype = meta["type"]
    if ftype == "date":
        if isinstance(value, dt.date) and not in_range(value):
            return f"{value.isoformat()} is out of range ({DATE_RANGE})"
        return None
    if ftype == "month":
        try:
            first = dt.date.fromisoformat(f"{value}-01")
        except (TypeError, ValueError):
            return f"{value!r} is not a month (YYYY-MM)"
        return None if in_range(first) else f"{value} is out of range ({DATE_RANGE})"
    if ftype == "list":
        return next((f"has an item that {p}" for p in map(text_problem, value) if p), None)
    if ftype in ("int", "float") or ftype.startswith("ref:"):
        return _number_problem(meta, value, ftype)
    if isinstance(value, str):
        return text_problem(value)
    return None


def _number_problem(meta: Any, value: float, ftype: str) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, not {value}"
    low, high = meta.get("low"), meta.get("high")
    if ftype.startswith("ref:"):
        low = 1 if low is None else low
    if ftype != "float":
        low = INT_MIN if low is None else low
        high = INT_MAX if high is None else high
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    if len(shown) > 24:
        shown = shown[:20] + "..."
    if low is not None and value < low:
        return f"{shown} is out of range ({_span(low, high)})"
    if high is not None and value > high:
        return f"{shown} is out of range ({_span(low, high)})"
    return None


def _span(low: float | None, high: float | None) -> str:
    if high is None:
        return f"{low:g} or more"
    if low is None:
        return f"at most {high:g}"
    if high == INT_MAX:
        return f"{low:g} to 2**63-1" if low != INT_MIN else "a 64-bit integer"
    return f"{low:g} to {high:g}"


def json_key(field: dataclasses.Field) -> str:
    """The field's name in JSON (--json output, exports)."""
    return field.metadata.get("key") or field.name
