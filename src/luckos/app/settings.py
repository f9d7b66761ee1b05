"""`luck config show`: every setting of luck.toml, its value and where it came from.

The rows come from the one declaration of each setting (`luckos.settings`): what it
takes, its default and its help; the value and its line from the file as read. The whole
file is validated first, so a bad key anywhere is reported, each with its line.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from luckos.config import load_config, read_table
from luckos.errors import LuckError
from luckos.setting import Setting, Table, suggestion
from luckos.settings import SETTINGS, section_of


@dataclasses.dataclass(frozen=True)
class Row:
    setting: Setting
    value: Any  # as luckos keeps it
    line: int | None  # the line of luck.toml it was read from; None: the default

    def as_json(self, file_name: str) -> dict[str, Any]:
        return {"name": self.setting.name, "value": plain(self.setting, self.value),
                "default": plain(self.setting, self.setting.default),
                "from": f"{file_name}:{self.line}" if self.line else "default",
                "line": self.line, "takes": self.setting.kind.what,
                "help": self.setting.help}


@dataclasses.dataclass(frozen=True)
class Shown:
    path: Path
    exists: bool
    rows: list[Row]

    @property
    def set_in_file(self) -> int:
        return sum(1 for row in self.rows if row.line)

    def as_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "exists": self.exists,
                "settings": [row.as_json(self.path.name) for row in self.rows]}


def plain(setting: Setting, value: Any) -> Any:
    """A value as JSON (and TOML) write it: a table as an object, a list as a list."""
    if isinstance(setting.kind, Table):
        return {key: plain_item(item) for key, item in value}
    return plain_item(value)


def plain_item(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [plain_item(item) for item in value]
    return getattr(value, "text", value)  # a time slot of [calendar.norms] as written


def show(path: Path, prefix: str = "") -> Shown:
    """Every setting (those under `prefix`: "calendar", "check.maker-day"...), with its
    value and the line of `path` it came from."""
    names = [s.name for s in SETTINGS]
    if prefix and not any(n == prefix or n.startswith(prefix + ".") for n in names):
        tables = sorted({n.rsplit(".", 1)[0] for n in names if "." in n})
        raise LuckError(f"no setting {prefix!r} in luck.toml"
                        f"{suggestion(prefix, [*names, *tables]) or ''}")
    config = load_config(path, every=True)
    rows = []
    readings = {section: read_table(config.source.data, section)
                for section in dict.fromkeys(section_of(n) for n in names)}
    for setting in SETTINGS:
        if prefix and not (setting.name == prefix or setting.name.startswith(prefix + ".")):
            continue
        reading = readings[section_of(setting.name)]
        written = reading.given.get(setting.name)
        line = config.source.line(written) if written else None
        rows.append(Row(setting, reading.values[setting.name], line))
    return Shown(path, path.exists(), rows)
