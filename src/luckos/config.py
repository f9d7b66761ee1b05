"""`luck.toml`: read once with tomllib, validated into a dataclass.

Every default is written down here, in one place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from luckos.calendar.settings import CALENDAR_TOML, CalendarSettings, calendar_settings
from luckos.errors import LuckError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclasses.dataclass(frozen=True)
class Thresholds:
    due_soon_days: int = 7  # a promise due within this many days is "due soon"
    window_horizon_days: int = 90  # how far ahead `luck review` looks for decision windows
    prep_lead_days: int = 7  # default prep lead of a new window (the essay's "one week before")
    theme_label_max_words: int = 3  # the naming test
    trend_quarters: int = 6  # quarters shown in the credibility trend
    rolling_days: int = 90  # the rolling hit-rate window


# `luck check`: each invariant's one-line rule and its thresholds, name -> (default, lowest,
# highest). An int default takes whole numbers only. The defaults live here and nowhere else.
CHECK_INVARIANTS: dict[str, tuple[str, dict[str, tuple[Any, Any, Any]]]] = {
    "window-prep": ("a window within its prep lead has its two-pager and demo", {}),
    "brief-lints": ("that two-pager lints clean (needs the doc linter)", {}),
    "promise-overdue": ("no open promise past its due date (+ grace_days)",
                        {"grace_days": (0, 0, 90)}),
    "metric-readings": ("each theme metric read this month, with a narrative (last month's "
                        "counts for grace_days)",
                        {"grace_days": (7, 0, 27)}),
    "explore-loop": ("an explore entry, a talk, a paper reproduction or teardown, each "
                     "within its days",
                     {"entry_days": (31, 7, 366), "talk_days": (92, 7, 366),
                      "paper_days": (92, 7, 366)}),
    "maker-day": ("the maker day not broken `weeks` weeks running (calendar audit)",
                  {"weeks": (3, 1, 52)}),
    "glue-ratio": ("glue that unlocks nothing not above max_ratio of week_hours `weeks` "
                   "weeks running",
                   {"max_ratio": (0.2, 0.0, 1.0), "weeks": (3, 1, 52),
                    "week_hours": (40, 1, 100)}),
    "decision-review": ("no decision past its review date (+ grace_days) without outcome",
                        {"grace_days": (0, 0, 90)}),
    "project-kill-review": ("no project past its kill review (default: default_weeks in) "
                            "without an outcome",
                            {"grace_days": (0, 0, 90), "default_weeks": (4, 1, 26)}),
    "reboot": ("a running 90-day reboot keeps its checkpoints and ends in a post-mortem",
               {}),
    "bench-action": ("a bench action within the last `days`", {"days": (92, 7, 366)}),
    "diagnosis-age": ("the three questions answered within the last max_days",
                      {"max_days": (92, 7, 366)}),
}


def _check_defaults() -> Mapping[str, Mapping[str, Any]]:
    return MappingProxyType({
        name: MappingProxyType({key: spec[0] for key, spec in limits.items()})
        for name, (_, limits) in CHECK_INVARIANTS.items()
    })


@dataclasses.dataclass(frozen=True)
class CheckSettings:
    """Which invariants `luck check` runs, and their thresholds."""

    off: frozenset[str] = frozenset()
    values: Mapping[str, Mapping[str, Any]] = dataclasses.field(default_factory=_check_defaults)

    def on(self, invariant: str) -> bool:
        return invariant not in self.off

    def value(self, invariant: str, name: str) -> Any:
        return self.values[invariant][name]


@dataclasses.dataclass(frozen=True)
class Config:
    week_start: str = "monday"
    maker_day: str = "wednesday"
    thresholds: Thresholds = dataclasses.field(default_factory=Thresholds)
    check: CheckSettings = dataclasses.field(default_factory=CheckSettings)
    calendar: CalendarSettings = dataclasses.field(default_factory=CalendarSettings)

    @property
    def week_start_index(self) -> int:
        return WEEKDAYS.index(self.week_start)


_RANGES = {
    "due_soon_days": (1, 90),
    "window_horizon_days": (7, 730),
    "prep_lead_days": (0, 90),
    "theme_label_max_words": (1, 10),
    "trend_quarters": (1, 40),
    "rolling_days": (7, 365),
}

DEFAULT_TOML = """\
# luckos workspace settings. Delete a line to go back to its default.
week_start = "monday"     # the first day of your week
maker_day = "wednesday"   # the day you protect for deep work

[thresholds]
due_soon_days = 7         # promises due within this many days show as due soon
window_horizon_days = 90  # how far ahead the review looks for decision windows
prep_lead_days = 7        # default prep lead for a new window: brief and demo ready this early
theme_label_max_words = 3 # the naming test for a theme label
trend_quarters = 6        # quarters shown in the credibility trend
rolling_days = 90         # the rolling hit-rate window
"""


def _check_toml() -> str:
    lines = ["", "[check]",
             "# `luck check`: each invariant on or off, and its thresholds (`name = false` "
             "turns one off)."]
    for name, (rule, limits) in CHECK_INVARIANTS.items():
        values = ", ".join(["on = true", *(f"{k} = {v[0]}" for k, v in limits.items())])
        lines.append(f"# {name}: {rule}")
        lines.append(f"{name} = {{ {values} }}")
    return "\n".join(lines) + "\n"


DEFAULT_TOML += _check_toml()


def load_config(path: Path) -> Config:
    """Read and validate `luck.toml`; a missing file means every default."""
    if not path.exists():
        return Config()
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LuckError(f"{path}: not valid TOML: {exc}") from None
    return config_from_dict(data, where=str(path))


def config_from_dict(data: dict[str, Any], where: str = "luck.toml") -> Config:
    known = {"week_start", "maker_day", "thresholds", "check", "calendar"}
    unknown = set(data) - known
    if unknown:
        raise LuckError(f"{where}: unknown setting {sorted(unknown)[0]!r}")
    week_start = _weekday(data.get("week_start", "monday"), "week_start", where)
    maker_day = _weekday(data.get("maker_day", "wednesday"), "maker_day", where)
    raw = data.get("thresholds", {})
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [thresholds] must be a table")
    values: dict[str, int] = {}
    for key, value in raw.items():
        if key not in _RANGES:
            raise LuckError(f"{where}: unknown threshold {key!r}")
        low, high = _RANGES[key]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise LuckError(
                f"{where}: thresholds.{key} = {value!r} is out of range ({low} to {high})"
            )
        values[key] = value
    calendar = calendar_settings(data.get("calendar", {}), where)
    return Config(week_start=week_start, maker_day=maker_day, thresholds=Thresholds(**values),
                  check=_check_settings(data.get("check", {}), where), calendar=calendar)


def _check_settings(raw: Any, where: str) -> CheckSettings:
    """Validate the [check] table: `name = false`, or `name = { on = ..., threshold = ... }`."""
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [check] must be a table")
    off: set[str] = set()
    values = {name: dict(limits) for name, limits in _check_defaults().items()}
    for name, setting in raw.items():
        if name not in CHECK_INVARIANTS:
            raise LuckError(f"{where}: unknown invariant {name!r} in [check] "
                            f"(known: {', '.join(CHECK_INVARIANTS)})")
        if isinstance(setting, bool):
            setting = {"on": setting}
        if not isinstance(setting, dict):
            raise LuckError(f"{where}: check.{name} must be true, false or a table")
        limits = CHECK_INVARIANTS[name][1]
        for key, value in setting.items():
            if key == "on":
                if not isinstance(value, bool):
                    raise LuckError(f"{where}: check.{name}.on = {value!r} must be true or false")
                if not value:
                    off.add(name)
                continue
            if key not in limits:
                known = ", ".join(["on", *limits])
                raise LuckError(f"{where}: check.{name} has no setting {key!r} (known: {known})")
            default, low, high = limits[key]
            whole = isinstance(default, int)
            kind_ok = isinstance(value, int) if whole else isinstance(value, int | float)
            if isinstance(value, bool) or not kind_ok or not low <= value <= high:
                what = "a whole number" if whole else "a number"
                raise LuckError(f"{where}: check.{name}.{key} = {value!r} is out of range "
                                f"({what} from {low} to {high})")
            values[name][key] = value
    return CheckSettings(
        off=frozenset(off),
        values=MappingProxyType({k: MappingProxyType(v) for k, v in values.items()}),
    )


def _weekday(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str) or value.lower() not in WEEKDAYS:
        raise LuckError(f"{where}: {key} = {value!r} is not a weekday name")
    return value.lower()


DEFAULT_TOML = DEFAULT_TOML + CALENDAR_TOML  # the [calendar] table (luckos.calendar.settings)
