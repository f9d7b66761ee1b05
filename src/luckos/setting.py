"""What a setting of luck.toml is: a name, a kind of value, a default and a help line.

`luckos.settings` declares every setting with these, once; the defaults `luck init`
writes, the validation of luck.toml, `luck config show` and the guide all come from that
list. This module holds the parts of a declaration: the kinds of value (a whole number in
a range, a weekday, a list of words...), the problems a value can have, the line each key
of a file stands on, and the TOML a value is written as. It imports nothing of luckos but
its errors and the weekday names, so that every room can declare its settings without a
circle.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from luckos.dates import WEEKDAYS
from luckos.errors import Invalid


class BadValue(Exception):
    """Why a kind cannot take a value: (where below the setting, message) pairs; "" is
    the setting itself, "customer" an entry of a table setting."""

    def __init__(self, message: str = "", *, problems: Iterable[tuple[str, str]] = ()) -> None:
        self.problems = [("", message)] if message else list(problems)
        super().__init__("; ".join(m for _, m in self.problems))


def toml_value(value: Any, width: int = 88) -> str:
    """A value as luck.toml writes it; long lists wrap at `width`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    items = [toml_value(v) for v in (sorted(value) if isinstance(value, frozenset) else value)]
    rows, row = [], ""
    for item in items:
        if row and len(row) + len(item) + 2 > width:
            rows.append(row)
            row = ""
        row = f"{row}, {item}" if row else item
    rows.append(row)
    if len(rows) == 1:
        return f"[{rows[0]}]"
    return "[\n" + "".join(f"    {r},\n" for r in rows) + "]"


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_value(key)


def shown(value: Any) -> str:
    """A value in a message, as it would be written in luck.toml (cut when long)."""
    try:
        text = toml_value(value, width=10_000).replace("\n", " ")
    except TypeError:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Kind:
    """A kind of value: `read` returns the value to keep or raises BadValue. (Plain classes,
    not dataclasses: every command that opens a workspace builds the table.)"""

    __slots__ = ()

    @property
    def what(self) -> str:
        """What it takes, as messages and docs say it: "a whole number between 1 and 90"."""
        return "a value"

    def read(self, value: Any) -> Any:
        raise NotImplementedError

    def refuse(self, value: Any) -> BadValue:
        return BadValue(f"must be {self.what}, got {shown(value)}")


class Whole(Kind):
    __slots__ = ("high", "low", "or_zero")

    def __init__(self, low: int, high: int, *, or_zero: bool = False) -> None:
        self.low, self.high, self.or_zero = low, high, or_zero  # or_zero: 0 means "none"

    @property
    def what(self) -> str:
        none = ", or 0 for none" if self.or_zero else ""
        return f"a whole number between {self.low} and {self.high}{none}"

    def read(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) \
                or not (self.low <= value <= self.high or (self.or_zero and value == 0)):
            raise self.refuse(value)
        return value


class Number(Kind):
    __slots__ = ("high", "low")

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = low, high

    @property
    def what(self) -> str:
        return f"a number between {self.low:g} and {self.high:g}"

    def read(self, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not self.low <= value <= self.high:
            raise self.refuse(value)
        return float(value)


class Flag(Kind):
    __slots__ = ()

    @property
    def what(self) -> str:
        return "true or false"

    def read(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.refuse(value)
        return value


class OneOf(Kind):
    __slots__ = ("options",)

    def __init__(self, options: tuple[str, ...]) -> None:
        self.options = options

    @property
    def what(self) -> str:
        names = [toml_value(o) for o in self.options]
        return "one of " + ", ".join(names[:-1]) + " or " + names[-1]

    def read(self, value: Any) -> str:
        if value not in self.options:
            raise self.refuse(value)
        return str(value)


class Weekday(Kind):
    __slots__ = ()

    @property
    def what(self) -> str:
        return "a weekday name (monday to sunday)"

    def read(self, value: Any) -> str:
        if not isinstance(value, str) or value.lower() not in WEEKDAYS:
            raise self.refuse(value)
        return value.lower()


class Text(Kind):
    """A string; `check` (which may raise BadValue) returns the value to keep."""

    __slots__ = ("check", "described")

    def __init__(self, what: str = "a string", check: Callable[[str], str] | None = None
                 ) -> None:
        self.described, self.check = what, check

    @property
    def what(self) -> str:
        return self.described

    def read(self, value: Any) -> str:
        if not isinstance(value, str):
            raise self.refuse(value)
        return self.check(value) if self.check else value


class Strings(Kind):
    """A list of non-empty strings, each stripped (and lower-cased) then passed to `item`."""

    __slots__ = ("described", "item", "least", "lower")

    def __init__(self, what: str = "a list of non-empty strings", *, lower: bool = False,
                 item: Callable[[str], Any] | None = None, least: int = 0) -> None:
        self.described, self.lower, self.item, self.least = what, lower, item, least

    @property
    def what(self) -> str:
        return self.described

    def read(self, value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            raise self.refuse(value)
        if len(value) < self.least:
            raise BadValue(f"must name at least {self.least}, got {shown(value)}")
        words = [v.strip().lower() if self.lower else v.strip() for v in value]
        if self.item is None:
            return tuple(words)
        kept, problems = [], []
        for word in words:
            try:
                kept.append(self.item(word))
            except BadValue as exc:
                problems.extend(exc.problems)
        if problems:
            raise BadValue(problems=problems)
        return tuple(kept)


class Table(Kind):
    """A table of `key = value`; `key` (which may raise BadValue) returns the key to keep.
    Read as a tuple of (key, value) pairs, in the file's order."""

    __slots__ = ("described", "key", "value")

    def __init__(self, value: Kind, what: str = "a table",
                 key: Callable[[str], str] | None = None) -> None:
        self.value, self.described, self.key = value, what, key

    @property
    def what(self) -> str:
        return self.described

    def read(self, value: Any) -> tuple[tuple[str, Any], ...]:
        if not isinstance(value, dict):
            raise self.refuse(value)
        pairs: list[tuple[str, Any]] = []
        problems: list[tuple[str, str]] = []
        for key, item in value.items():
            try:
                name = self.key(key) if self.key else key
                pairs.append((name, self.value.read(item)))
            except BadValue as exc:
                problems.extend((f"{key}.{at}" if at else key, m) for at, m in exc.problems)
        if problems:
            raise BadValue(problems=problems)
        return tuple(pairs)


class Setting:
    """One setting of luck.toml. `name` is its dotted place in the file
    ("thresholds.due_soon_days"); `example`, when given, is written commented out in the
    default file in place of the default ("# teams = [...]"; "-": not written at all)."""

    __slots__ = ("aliases", "default", "example", "help", "kind", "name")

    def __init__(self, name: str, kind: Kind, default: Any, help: str, *, example: str = "",
                 aliases: tuple[str, ...] = ()) -> None:
        self.name, self.kind, self.default, self.help = name, kind, default, help
        self.example, self.aliases = example, aliases  # aliases: older names, still read

    def __repr__(self) -> str:
        return f"Setting({self.name!r})"

    @property
    def key(self) -> str:
        return self.name.rpartition(".")[2]

    @property
    def table(self) -> str:
        return self.name.rpartition(".")[0]

    def read(self, value: Any) -> Any:
        return self.kind.read(value)


class Problem:
    """A bad key of luck.toml: its dotted path and what is wrong."""

    __slots__ = ("message", "path")

    def __init__(self, path: str, message: str) -> None:
        self.path, self.message = path, message

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.path, self.message) == (
            other.path, other.message)

    __hash__ = None  # type: ignore[assignment]


class SettingsError(Invalid):
    """Every bad key of a luck.toml, each on a line of its own with its place
    ("/home/me/luck.toml:12") and what is wrong ("[check] maker-day.weeks: must be...");
    `where` is the place of the first."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__("\n".join(f"{place}: {text}" for place, text in rows),
                         where=rows[0][0] if rows else None)
        self.rows = rows

    def as_json(self) -> dict[str, Any]:
        """The error object, with each bad key under "problems" as well."""
        data = super().as_json()
        data["error"]["problems"] = [{"where": place, "message": text}
                                     for place, text in self.rows]
        return data


def label(path: str, tables: Iterable[str]) -> str:
    """`[check] maker-day.weeks` for check.maker-day.weeks; `week_start` at the top."""
    table = max((t for t in tables if path.startswith(t + ".")), key=len, default="")
    return f"[{table}] {path[len(table) + 1:]}" if table else path


def suggestion(word: str, known: Iterable[str]) -> str:
    """", did you mean due_soon_days?" when a known name is close to `word`; else the
    known names when they are few."""
    import difflib  # only on the way to an error

    names = list(known)
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if close:
        return f", did you mean {close[0]}?"
    return f" (known: {', '.join(names)})" if len(names) <= 8 else ""


# --- where each key of a file is ---------------------------------------------------------

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A table header, a `key =` line and a key inside an inline table (compiled when a
    file has a problem to place, not by every command)."""
    return (re.compile(rf"\[\[?\s*({_DOTTED})\s*\]\]?"), re.compile(rf"({_DOTTED})\s*="),
            re.compile(rf"[{{,]\s*({_DOTTED})\s*="))


def _parts(dotted: str) -> list[str]:
    parts = re.findall(_KEY_PART, dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def key_lines(text: str) -> dict[str, int]:
    """The line (from 1) each dotted key of a TOML text is written on: table headers,
    `key = value` lines and the keys of inline tables. Values spread over several lines
    (long lists, multi-line strings) are skipped over."""
    header_line, key_line, inline_key = _patterns()
    found: dict[str, int] = {}
    table: list[str] = []
    depth = 0  # open brackets of a value spread over lines
    closing = ""  # the quotes that end a multi-line string
    for number, line in enumerate(text.splitlines(), 1):
        rest = line
        if closing:
            if closing not in rest:
                continue
            rest = rest.split(closing, 1)[1]
            closing = ""
        elif depth == 0:
            stripped = rest.strip()
            header = header_line.match(stripped)
            if header:
                table = _parts(header.group(1))
                found.setdefault(".".join(table), number)
                continue
            key = key_line.match(stripped)
            if key:
                path = [*table, *_parts(key.group(1))]
                found.setdefault(".".join(path), number)
                value = stripped[key.end():]
                for inner in inline_key.finditer(value):
                    found.setdefault(".".join([*path, *_parts(inner.group(1))]), number)
                rest = value
        depth, closing = _scan(rest, depth)
    return found


def _scan(text: str, depth: int) -> tuple[int, str]:
    """Brackets opened minus closed outside strings and comments, and the quotes of a
    multi-line string left open."""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "#":
            break
        if text.startswith(('"""', "'''"), i):
            quotes = text[i:i + 3]
            end = text.find(quotes, i + 3)
            if end < 0:
                return depth, quotes
            i = end + 3
            continue
        if char in "\"'":
            i += 1
            while i < len(text) and text[i] != char:
                i += 2 if char == '"' and text[i] == "\\" else 1
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return depth, ""


def line_of(path: str, lines: dict[str, int]) -> int | None:
    """The line of a key, else of the nearest table or key that holds it."""
    while path:
        if path in lines:
            return lines[path]
        path = path.rpartition(".")[0]
    return None
