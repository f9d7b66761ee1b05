"""`luck.toml`: read once with tomllib; each table validated when a command first uses it.

Every setting is declared once, in `luckos.settings`. Opening a workspace reads the file
and checks the top of it (`week_start`, `maker_day`, `[thresholds]` and the names of the
tables); `[check]`, `[calendar]`, `[lint]`, `[evidence]`, `[redact]` and `[ai]` are
validated the first time a command asks for them, so that a capture does not pay for the
calendar's keywords. When anything is wrong, the whole file is checked and every bad key
is reported at once, each with its line (`luck config show`, `luck check` and `luck doctor`
always check the whole file).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from luckos.dates import WEEKDAYS
from luckos.errors import LuckError
from luckos.setting import (
    BadValue,
    Problem,
    SettingsError,
    key_lines,
    label,
    line_of,
    shown,
    suggestion,
)
from luckos.settings import FORBIDDEN, children, default, default_toml, every, index_for

if TYPE_CHECKING:
    from pathlib import Path

    from luckos.ai.settings import AISettings
    from luckos.calendar.settings import CalendarSettings
    from luckos.config_lint import LINT_VAGUE_WORDS as LINT_VAGUE_WORDS
    from luckos.config_lint import LINT_WORD_BUDGET as LINT_WORD_BUDGET
    from luckos.config_lint import LintConfig as LintConfig
    from luckos.config_tables import ReviewSettings as ReviewSettings
    from luckos.config_tables import Thresholds as Thresholds
    from luckos.domain.check_limits import CHECK_INVARIANTS as CHECK_INVARIANTS
    from luckos.domain.check_limits import CheckSettings as CheckSettings
    from luckos.evidence.settings import EvidenceSettings
    from luckos.guard.settings import RedactSettings
    from luckos.settings import Index

__all__ = ["WEEKDAYS", "Config", "config_from_dict", "load_config"]

T = TypeVar("T")


# Offered here, loaded from their module when first asked for: what `luck check` reads
# of luck.toml, and the dataclasses of [thresholds], [review] and [lint] (a capture
# needs none of them).
_ELSEWHERE = {"CHECK_INVARIANTS": "luckos.domain.check_limits",
              "CheckSettings": "luckos.domain.check_limits",
              "Thresholds": "luckos.config_tables", "ReviewSettings": "luckos.config_tables",
              **dict.fromkeys(("LintConfig", "LINT_WORD_BUDGET", "LINT_VAGUE_WORDS"),
                              "luckos.config_lint")}


def __getattr__(name: str) -> Any:
    """DEFAULT_TOML, the file `luck init` writes, made when first asked for; and the
    names of `_ELSEWHERE`, imported from their module when first asked for."""
    if name == "DEFAULT_TOML":
        return default_toml()
    if name in _ELSEWHERE:
        import importlib

        value = getattr(importlib.import_module(_ELSEWHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- reading the file ----------------------------------------------------------------------

def _headers() -> tuple[str, ...]:
    index = every()
    return tuple(t for t in index.tables if t and t not in index.inline)


_LAZY = ("review", "check", "calendar", "lint", "evidence", "redact", "ai")  # when first used


class Source:
    """A luck.toml as read: its tables, its text (for the line of each key) and its name."""

    __slots__ = ("data", "text", "where")

    def __init__(self, data: Mapping[str, Any], where: str = "luck.toml", text: str = ""
                 ) -> None:
        self.data, self.where, self.text = data, where, text

    def error(self, problems: list[Problem]) -> SettingsError:
        """Every problem on a line of its own, in the file's order."""
        lines = _lines(self.text)
        rows = []
        for problem in problems:
            number = line_of(problem.path, lines)
            place = f"{self.where}:{number}" if number else self.where
            rows.append((number or 0, place, f"{label(problem.path, _headers())}: "
                                             f"{problem.message}"))
        rows.sort(key=lambda row: row[0])
        return SettingsError([(place, text) for _, place, text in rows])

    def line(self, path: str) -> int | None:
        return line_of(path, _lines(self.text))


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> dict[str, int]:
    return key_lines(text) if text else {}


class Reading:
    """One table read: each setting's value (its default when the file has none), the
    name each was written under, and what is wrong."""

    __slots__ = ("given", "problems", "values")

    def __init__(self, values: dict[str, Any], given: dict[str, str],
                 problems: list[Problem]) -> None:
        self.values, self.given, self.problems = values, given, problems


def read_table(data: Mapping[str, Any], section: str) -> Reading:
    """Validate one top-level table of luck.toml ("" for the keys at the top)."""
    found: dict[str, Any] = {}
    problems: list[Problem] = []
    index = index_for(section, data)
    if section == "":
        for key, value in data.items():
            if key in index.by_name:
                found[key] = value
            elif key not in index.tables:
                problems.append(Problem(key, "unknown setting" + (
                    suggestion(key, children("")) or " (luck config show lists them)")))
    elif section in data:
        _flatten(data[section], section, found, problems, index)
    values: dict[str, Any] = {}
    given: dict[str, str] = {}
    for setting in index.by_section.get(section, ()):
        written = setting.name if setting.name in found else next(
            (n for n in setting.aliases if n in found), None) if setting.aliases else None
        if written is None:
            values[setting.name] = setting.default
            continue
        given[setting.name] = written
        try:
            values[setting.name] = setting.read(found[written])
        except BadValue as exc:
            problems += [Problem(f"{written}.{at}" if at else written, message)
                         for at, message in exc.problems]
    return Reading(values, given, problems)


def _flatten(raw: Any, table: str, found: dict[str, Any], problems: list[Problem],
             index: Index) -> None:
    if not isinstance(raw, dict):
        if table in index.inline and isinstance(raw, bool):  # `maker-day = false`
            found[f"{table}.on"] = raw
            return
        what = "true, false or a table" if table in index.inline else "a table"
        problems.append(Problem(table, f"must be {what}, got {shown(raw)}"))
        return
    for key, value in raw.items():
        path = f"{table}.{key}"
        if path in FORBIDDEN:
            problems.append(Problem(path, FORBIDDEN[path]))
        elif path in index.by_name or path in index.aliases:
            found[path] = value
        elif path in index.tables:
            _flatten(value, path, found, problems, index)
        else:
            problems.append(Problem(path, "unknown setting" + (
                suggestion(key, children(table)) or " (luck config show lists them)")))


def _build_top(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    return dict(values), []


def _build_thresholds(values: Mapping[str, Any]) -> tuple[Thresholds, list[Problem]]:
    from luckos.config_tables import Thresholds

    return Thresholds(**{name.rpartition(".")[2]: v for name, v in values.items()}), []


def _build_review(values: Mapping[str, Any]) -> tuple[ReviewSettings, list[Problem]]:
    from luckos.config_tables import ReviewSettings

    return ReviewSettings(**{name.rpartition(".")[2]: v for name, v in values.items()}), []


def _build_check(values: Mapping[str, Any]) -> tuple[CheckSettings, list[Problem]]:
    from luckos.domain.check_limits import CHECK_INVARIANTS, CheckSettings

    off = frozenset(name for name in CHECK_INVARIANTS if not values[f"check.{name}.on"])
    limits = tuple((name, tuple((key, values[f"check.{name}.{key}"]) for key in limits))
                   for name, (_, limits) in CHECK_INVARIANTS.items())
    return CheckSettings(off=off, values=limits), []


def _build_lint(values: Mapping[str, Any]) -> tuple[LintConfig, list[Problem]]:
    from luckos.config_lint import LintConfig

    budget = tuple((name.rpartition(".")[2], v) for name, v in values.items()
                   if name.startswith("lint.word_budget."))
    return LintConfig(rules=tuple(sorted(values["lint.rules"])), word_budget=budget,
                      min_options=values["lint.min_options"],
                      vague_words=values["lint.vague_words"],
                      synonyms=tuple(sorted(values["lint.synonyms"])),
                      teams=values["lint.teams"], max_file_kb=values["lint.max_file_kb"]), []


def _build_calendar(values: Mapping[str, Any]) -> tuple[CalendarSettings, list[Problem]]:
    from luckos.calendar.settings import from_values

    return from_values(values)


def _build_evidence(values: Mapping[str, Any]) -> tuple[EvidenceSettings, list[Problem]]:
    from luckos.evidence.settings import EvidenceSettings

    return EvidenceSettings(authors=values["evidence.authors"],
                            tickets=values["evidence.tickets"]), []


def _build_redact(values: Mapping[str, Any]) -> tuple[RedactSettings, list[Problem]]:
    from luckos.guard.settings import RedactSettings

    return RedactSettings(domains=values["redact.domains"], terms=values["redact.terms"],
                          names=values["redact.names"], allow=values["redact.allow"],
                          off=frozenset(values["redact.off"])), []


def _build_ai(values: Mapping[str, Any]) -> tuple[AISettings, list[Problem]]:
    from luckos.ai.settings import from_values

    return from_values(values)


_BUILD: dict[str, Callable[[Mapping[str, Any]], tuple[Any, list[Problem]]]] = {
    "": _build_top, "thresholds": _build_thresholds, "review": _build_review,
    "check": _build_check,
    "lint": _build_lint, "calendar": _build_calendar, "evidence": _build_evidence,
    "redact": _build_redact, "ai": _build_ai,
}


def problems(data: Mapping[str, Any]) -> list[Problem]:
    """Every bad key of a luck.toml, in every table. A table whose every value is its
    default is not built to find out: the defaults hold together (a test builds them)."""
    found: list[Problem] = []
    for section, build in _BUILD.items():
        reading = read_table(data, section)
        if reading.problems:
            found += reading.problems
        elif any(reading.values[name] != default(name) for name in reading.given):
            found += build(reading.values)[1]
    return found


def _read_all(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Every table read and built, and every bad key."""
    built: dict[str, Any] = {}
    found: list[Problem] = []
    for section, build in _BUILD.items():
        reading = read_table(data, section)
        if reading.problems:
            found += reading.problems
            continue
        built[section], wrong = build(reading.values)
        found += wrong
    return built, found


def _read(source: Source, section: str,
          build: Callable[[Mapping[str, Any]], tuple[T, list[Problem]]]) -> T:
    reading = read_table(source.data, section)
    if not reading.problems:
        value, wrong = build(reading.values)
        if not wrong:
            return value
    raise source.error(problems(source.data))  # one bad key: report every one


_EMPTY = Source({})


class Config:
    """luck.toml, validated: the top of it when read, each other table when first used.

    `Config()` is every default; sections given by name are taken as they are."""

    def __init__(self, week_start: str = default("week_start"),
                 maker_day: str = default("maker_day"),
                 thresholds: Thresholds | None = None, *, review: ReviewSettings | None = None,
                 check: CheckSettings | None = None,
                 calendar: CalendarSettings | None = None, lint: LintConfig | None = None,
                 evidence: EvidenceSettings | None = None,
                 redact: RedactSettings | None = None, ai: AISettings | None = None,
                 source: Source = _EMPTY) -> None:
        self.week_start = week_start
        self.maker_day = maker_day
        self.source = source
        given = {"thresholds": thresholds, "review": review, "check": check,
                 "calendar": calendar, "lint": lint, "evidence": evidence, "redact": redact,
                 "ai": ai}
        self.__dict__.update({k: v for k, v in given.items() if v is not None})

    # each is read from the source the first time it is asked for (functools.cached_property
    # keeps it in the instance's __dict__, where a section given to __init__ already is);
    # [thresholds] was checked when the file was read
    @functools.cached_property
    def thresholds(self) -> Thresholds:
        return _read(self.source, "thresholds", _build_thresholds)

    @functools.cached_property
    def review(self) -> ReviewSettings:
        return _read(self.source, "review", _build_review)

    @functools.cached_property
    def check(self) -> CheckSettings:
        return _read(self.source, "check", _build_check)

    @functools.cached_property
    def calendar(self) -> CalendarSettings:
        return _read(self.source, "calendar", _build_calendar)

    @functools.cached_property
    def lint(self) -> LintConfig:
        return _read(self.source, "lint", _build_lint)

    @functools.cached_property
    def evidence(self) -> EvidenceSettings:
        return _read(self.source, "evidence", _build_evidence)

    @functools.cached_property
    def redact(self) -> RedactSettings:
        return _read(self.source, "redact", _build_redact)

    @functools.cached_property
    def ai(self) -> AISettings:
        return _read(self.source, "ai", _build_ai)

    @property
    def week_start_index(self) -> int:
        return WEEKDAYS.index(self.week_start)

    def validate(self) -> None:
        """Check every table now, not when first used: every bad key at once."""
        found = problems(self.source.data)
        if found:
            raise self.source.error(found)

    def replace(self, **changes: Any) -> Config:
        """A copy with some fields or sections changed."""
        import copy

        new = copy.copy(self)
        new.__dict__.update(changes)
        return new

    def _fields(self) -> tuple[Any, ...]:
        return (self.week_start, self.maker_day, self.thresholds,
                *(getattr(self, name) for name in _LAZY))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Config(week_start={self.week_start!r}, maker_day={self.maker_day!r}, ...)"


def load_config(path: Path | str, *, every: bool = False) -> Config:
    """Read `luck.toml` (a missing file means every default); the top of it is validated
    now, the other tables when first used, or all of them now with `every`. `path` may
    be text (as `luckos.paths` writes it): a workspace opens without pathlib."""
    from luckos import paths

    where = str(path)
    if not paths.exists(where):
        return Config()
    import tomllib

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LuckError(f"{where}: not valid TOML: {exc}") from None
    return _config(Source(data, where, text), every=every)


def config_from_dict(data: dict[str, Any], where: str = "luck.toml", text: str = "") -> Config:
    """A Config from tables already parsed, every table validated now."""
    return _config(Source(data, where, text), every=True)


def _config(source: Source, *, every: bool) -> Config:
    if every:
        built, found = _read_all(source.data)
        if found:
            raise source.error(found)
        top = built.pop("")
        return Config(top["week_start"], top["maker_day"], source=source, **built)
    top, thresholds = read_table(source.data, ""), read_table(source.data, "thresholds")
    if top.problems or thresholds.problems:
        raise source.error(problems(source.data))  # and those of every other table
    return Config(top.values["week_start"], top.values["maker_day"], source=source)
