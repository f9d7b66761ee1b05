"""What every record shares: a field description read by the store, the importer and
the CLI, and one equality, hash and repr for all record classes."""

from __future__ import annotations

import dataclasses
from typing import Any


class Record:
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


def describe(kind: str = "text", help: str = "", *, default: Any = None,
             required: bool = False, choices: tuple[str, ...] = (), flag: str | None = None,
             editable: bool = True, default_today: bool = False, key: str | None = None,
             past_only: bool = False, unit: str = "") -> Any:
    """A record field: its input type (text, date, month, int, float, bool, choice, list or
    ref:<kind>), help text, and how the CLI and the importer treat it. `key` is its name in
    JSON when that is not the field's own (the word its option uses).

    `past_only`: a date (or month) of something that has happened, so never after today;
    checked on add, edit and import alike (see `validate.future_dates`).
    `unit`: what a typed number may carry (see `quantities.parse_quantity`), or
    `ref:FIELD` for the unit of the record that FIELD refers to (a reading's metric)."""
    meta = {"type": kind, "help": help, "required": required, "choices": choices,
            "flag": flag, "editable": editable, "default_today": default_today, "key": key,
            "past_only": past_only, "unit": unit}
    if kind == "list":
        return dataclasses.field(default=(), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def json_key(field: dataclasses.Field) -> str:
    """The field's name in JSON (--json output, exports)."""
    return field.metadata.get("key") or field.name
