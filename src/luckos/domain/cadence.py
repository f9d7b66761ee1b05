"""Cadences: things the essay asks for every so often, and whether they are behind.

"Keep the explore loop small but relentless: one weekend per month, one talk per
quarter, one paper reproduction or system teardown per season."
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import ValueBase

# What the essay asks for every so often: its name ("talk"), every how many days, and the
# essay's words for it ("one talk per quarter"). A plain tuple: each status carries its
# cadence's three fields itself, one class fewer for every command that judges the loop.
Cadence = tuple[str, int, str]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class CadenceStatus(ValueBase):
    """A cadence as of `today`: the record that last kept it, and whether it is behind."""

    name: str  # "talk"
    every_days: int
    essay: str  # "one talk per quarter"
    today: dt.date
    last: dt.date | None
    ref: str | None  # the record that last kept it, e.g. "x4" or "a12"
    title: str = ""

    @property
    def days_since(self) -> int | None:
        return None if self.last is None else (self.today - self.last).days

    @property
    def due_on(self) -> dt.date:
        """The last day the cadence is kept without a new entry."""
        if self.last is None:
            return self.today
        return self.last + dt.timedelta(days=self.every_days)

    @property
    def behind(self) -> bool:
        return self.last is None or self.today > self.due_on

    def describe(self) -> str:
        if self.last is None:
            return f"no {self.name} yet ({self.essay})"
        state = "behind" if self.behind else "kept"
        return (f"{self.name}: last {self.ref} on {self.last}, {self.days_since} days "
                f"ago ({state}; {self.essay})")


def status(cadence: Cadence, last: dt.date | None, ref: str | None, today: dt.date,
           title: str = "") -> CadenceStatus:
    name, every_days, essay = cadence
    return CadenceStatus(name, every_days, essay, today, last, ref, title)


def explore_cadences(entry_days: int, talk_days: int, paper_days: int) -> tuple[Cadence, ...]:
    return (
        ("explore entry", entry_days, "one weekend per month"),
        ("talk", talk_days, "one talk per quarter"),
        ("paper reproduction or teardown", paper_days,
         "one paper reproduction or system teardown per season"),
    )
