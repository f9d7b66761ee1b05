"""`luck.toml`: read once with tomllib, validated into a dataclass.

Every default is written down here, in one place.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
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


@dataclasses.dataclass(frozen=True)
class Config:
    week_start: str = "monday"
    maker_day: str = "wednesday"
    thresholds: Thresholds = dataclasses.field(default_factory=Thresholds)
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
    known = {"week_start", "maker_day", "thresholds", "calendar"}
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
                  calendar=calendar)


def _weekday(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str) or value.lower() not in WEEKDAYS:
        raise LuckError(f"{where}: {key} = {value!r} is not a weekday name")
    return value.lower()


DEFAULT_TOML = DEFAULT_TOML + CALENDAR_TOML  # the [calendar] table (luckos.calendar.settings)
