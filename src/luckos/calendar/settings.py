"""The `[calendar]` table of `luck.toml`: how `luck calendar audit` reads a calendar.

Each setting is declared in `luckos.settings` (name, kind, default, help); the fields
below take their defaults from there, and `from_values` builds them from a luck.toml
that `luckos.config` has validated.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from luckos.dates import WEEKDAYS
from luckos.domain.fields import ValueBase
from luckos.setting import BadValue, Problem
from luckos.settings import ALTITUDES, default

__all__ = ["ALTITUDES", "CalendarSettings", "Slot", "from_values", "read_slot"]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Slot(ValueBase):
    """A stretch of the week a norm covers: some weekdays (none: every workday), local
    times from `start` to `end` ("12:00", "13:00")."""

    days: tuple[str, ...]
    start: str
    end: str

    @property
    def minutes(self) -> tuple[int, int]:
        return _minutes(self.start), _minutes(self.end)

    @property
    def text(self) -> str:
        """As written in luck.toml: "friday 13:00-17:00", "12:00-13:00"."""
        days = ",".join(self.days)
        return f"{days} {self.start}-{self.end}" if days else f"{self.start}-{self.end}"

    def label(self) -> str:
        """For people: "12:00-13:00 every workday", "Fridays 13:00-17:00"."""
        if not self.days:
            return f"{self.start}-{self.end} every workday"
        names = [d.capitalize() + "s" for d in self.days]
        days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"{days} {self.start}-{self.end}"


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class CalendarSettings(ValueBase):
    """How `luck calendar audit` reads a calendar (defaults: `luckos.settings`)."""

    timezone: str = default("calendar.timezone")
    me: tuple[str, ...] = default("calendar.me")
    workdays: tuple[str, ...] = default("calendar.workdays")
    work_start: str = default("calendar.work_start")
    work_end: str = default("calendar.work_end")
    maker_block_hours: float = default("calendar.maker_block_hours")
    maker_day_hours: float = default("calendar.maker_day_hours")
    fragment_minutes: int = default("calendar.fragment_minutes")
    switch_cost_minutes: int = default("calendar.switch_cost_minutes")
    cluster_min_saved: int = default("calendar.cluster_min_saved")
    status_min_people: int = default("calendar.status_min_people")
    preread_min_people: int = default("calendar.preread_min_people")
    focus_keywords: tuple[str, ...] = default("calendar.focus_keywords")
    away_keywords: tuple[str, ...] = default("calendar.away_keywords")
    agenda_words: tuple[str, ...] = default("calendar.agenda_words")
    decision_words: tuple[str, ...] = default("calendar.decision_words")
    link_ignore_domains: tuple[str, ...] = default("calendar.link_ignore_domains")
    # the essay's altitudes: code (the craft: design, reliability, performance, correctness),
    # system (APIs, roadmaps, dependencies, safety, observability, CI/CD, incident response),
    # business (customers, unit economics, risk, regulatory context, the quarterly plan)
    code_keywords: tuple[str, ...] = default("calendar.altitude.code")
    system_keywords: tuple[str, ...] = default("calendar.altitude.system")
    business_keywords: tuple[str, ...] = default("calendar.altitude.business")
    large_meeting_people: int = default("calendar.altitude.large_meeting_people")
    external_altitude: str = default("calendar.altitude.external")
    domains: tuple[tuple[str, str], ...] = default("calendar.altitude.domains")
    # "plateau when they only live at one altitude": more than this share of classified
    # meeting hours at one altitude is a finding
    altitude_max_share: float = default("calendar.altitude_max_share")
    # schedule norms ([calendar.norms]); the maker day is `maker_day` at the top of luck.toml
    no_meeting_hours: tuple[Slot, ...] = default("calendar.norms.no_meeting_hours")
    office_hours: tuple[Slot, ...] = default("calendar.norms.office_hours")

    def keywords(self, altitude: str) -> tuple[str, ...]:
        return getattr(self, f"{altitude}_keywords")  # type: ignore[no-any-return]

    @property
    def work_minutes(self) -> tuple[int, int]:
        return _minutes(self.work_start), _minutes(self.work_end)

    @property
    def workday_indexes(self) -> frozenset[int]:
        return frozenset(WEEKDAYS.index(day) for day in self.workdays)


# setting name -> field, where the two differ
_FIELDS = {"calendar.altitude.code": "code_keywords",
           "calendar.altitude.system": "system_keywords",
           "calendar.altitude.business": "business_keywords",
           "calendar.altitude.external": "external_altitude"}


def from_values(values: Mapping[str, Any]) -> tuple[CalendarSettings, list[Problem]]:
    """The settings from validated values (setting name -> value), and what is wrong
    between two of them."""
    fields = {_FIELDS.get(name, name.rpartition(".")[2]): value
              for name, value in values.items()}
    settings = CalendarSettings(**fields)
    problems = []
    start, end = settings.work_minutes
    if start >= end:
        problems.append(Problem("calendar.work_start", "must come before calendar.work_end"))
    if settings.maker_day_hours < settings.maker_block_hours:
        problems.append(Problem("calendar.maker_day_hours",
                                "must be at least calendar.maker_block_hours"))
    return settings, problems


def read_slot(text: str) -> Slot:
    """Read "12:00-13:00", "friday 13:00-17:00" or "tuesday,thursday 15:00-16:00"."""
    parts = text.strip().lower().split()
    if len(parts) not in (1, 2) or parts[-1].count("-") != 1:
        raise BadValue(f"{text!r} is not a time range such as \"12:00-13:00\" or "
                      "\"friday 13:00-17:00\"")
    days: list[str] = []
    if len(parts) == 2:
        for word in parts[0].replace(",", " ").split():
            day = next((d for d in WEEKDAYS if d == word or d[:3] == word), None)
            if day is None:
                raise BadValue(f"{word!r} in {text!r} is not a weekday name")
            if day not in days:
                days.append(day)
    start, end = parts[-1].split("-")
    try:
        low, high = _minutes(start), _minutes(end)
    except ValueError:
        raise BadValue(f"{text!r} is not a time range such as \"12:00-13:00\"") from None
    if low >= high:
        raise BadValue(f"{text!r} ends before it starts")
    return Slot(tuple(days), start, end)


def _minutes(text: str) -> int:
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(text)
    total = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or total > 24 * 60:
        raise ValueError(text)
    return total
