"""What `luck doctor` counts as a problem with the records, as values (pure).

Each check returns `Problem`s naming the record, what is wrong and what `--fix` would do
about it. Only what is safe to repair is marked fixable: clearing a link to a record that
is gone. Values out of range, recurrences that cannot be expanded and vanished files are
reported for the owner to decide; the rules themselves are the domain's own
(`validate`, `check_recurrence`), called here, never copied.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from luckos.config import Config
from luckos.domain.records import KINDS, Kind, fields_of, kind_of, short_id
from luckos.errors import LuckError

# the checks, in the order they are reported
CHECKS = ("open", "integrity", "schema", "mode", "unreadable", "link", "file", "recurrence",
          "value")


@dataclasses.dataclass(frozen=True)
class Problem:
    check: str  # one of CHECKS
    where: str  # a record's short id (w3), a table row, or a file
    message: str
    repair: str  # what --fix does about it, or what the owner can do
    fixable: bool = False


@dataclasses.dataclass(frozen=True)
class Unlink:
    """A fix: clear `field` of record `rid` of `kind` (it points at a missing record)."""

    kind: str
    rid: int
    field: str


def dangling_links(ids: Mapping[str, set[int]],
                   records: Iterable[Any]) -> list[tuple[Problem, Unlink | None]]:
    """References (`ref:` fields) to records that are not there. An optional link is
    fixable (cleared); a required one (a metric's theme, a reading's metric, a
    testimonial's artifact) is reported only: its record means nothing without it."""
    found: list[tuple[Problem, Unlink | None]] = []
    for record in records:
        kind = kind_of(record)
        for field in fields_of(kind):
            ftype = field.metadata["type"]
            if not ftype.startswith("ref:"):
                continue
            target = getattr(record, field.name)
            target_kind = KINDS[ftype[4:]]
            if target is None or target in ids.get(target_kind.name, set()):
                continue
            where = short_id(kind, record.id)
            missing = short_id(target_kind, target)
            if field.metadata["cascade"]:
                found.append((Problem(
                    "link", where, f"{field.name} points at {missing}, which does not exist",
                    f"not repaired: delete {where} or restore {missing} from a backup"), None))
            else:
                found.append((Problem(
                    "link", where, f"{field.name} points at {missing}, which does not exist",
                    f"clear {field.name}", fixable=True),
                    Unlink(kind.name, record.id, field.name)))
    return found


# fields holding "a link or path": checked when they name a file on this machine
LINK_FIELDS = {"artifact": ("link",), "window": ("docs",), "estimate": ("doc",),
               "explore": ("link",)}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def local_path(text: str, home: Path) -> Path | None:
    """The file a link names on this machine, or None for a web link or a bare name.

    `file://` links, absolute paths, `~/...` and relative paths with a folder in them
    (`docs/brief.md`, read from the workspace folder, as `luck doc new` writes them)."""
    value = text.strip()
    if not value or any(c.isspace() for c in value):
        return None
    if value.startswith("file://"):
        return Path(value.removeprefix("file://"))
    if _SCHEME.match(value) and not re.match(r"^[A-Za-z]:[\\/]", value):
        return None  # https:, mailto:, slack:...
    if value.startswith("~"):
        return Path(value).expanduser()
    path = Path(value)
    if path.is_absolute():
        return path
    if "/" in value.rstrip("/"):
        return home / path
    return None


def missing_files(records: Iterable[Any], home: Path,
                  exists: Callable[[Path], bool]) -> list[Problem]:
    """Links to local files that are no longer there (`exists` asks the file system)."""
    found = []
    for record in records:
        kind = kind_of(record)
        for name in LINK_FIELDS.get(kind.name, ()):
            value = getattr(record, name)
            for text in (value if isinstance(value, tuple) else (value,)):
                path = local_path(text, home)
                if path is not None and not exists(path):
                    found.append(Problem(
                        "file", short_id(kind, record.id),
                        f"{name} names {text}, which is not there any more",
                        "not repaired: restore the file, or "
                        + _edit_hint(kind, short_id(kind, record.id), "change the link")))
    return found


def value_problems(records: Iterable[Any], config: Config, today: dt.date) -> list[Problem]:
    """Records the domain's own validation refuses today: recurrences that cannot be
    expanded (reported on their own) and values out of range."""
    from luckos.domain.validate import refusals, validate
    from luckos.domain.windows import check_recurrence

    found = []
    for record in records:
        kind = kind_of(record)
        where = short_id(kind, record.id)
        if kind.name == "window":
            try:
                check_recurrence(record.recurrence)
            except LuckError as exc:
                found.append(Problem("recurrence", where, exc.message,
                                     "not repaired: " + _edit_hint(kind, where,
                                                                   "set another recurrence")))
                record = dataclasses.replace(record, recurrence="")
        for refused in refusals(validate(record, config, today)):
            found.append(Problem("value", where, refused.message,
                                 "not repaired: " + _edit_hint(kind, where, "correct it")))
    return found


_COMMANDS = {"diagnosis": "diagnose"}


def _edit_hint(kind: Kind, where: str, what: str) -> str:
    if kind.name == "estimate":  # saved estimates are not edited: they are run again
        return f"{what} by running the estimate again with --save, then delete {where}"
    return f"{what} with `luck {_COMMANDS.get(kind.name, kind.name)} edit {where}`"
