"""The days the weekly review covers: back over the last days, today included (what you
shipped and what was routed to you), and ahead over the next ones (what falls due).

A review held on a Sunday looks back over the week it closes and ahead over the week to
come, whatever day the calendar week starts on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import ValueBase


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Days(ValueBase):
    """A run of whole days, `first` to `last` inclusive."""

    first: dt.date
    last: dt.date

    @property
    def count(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def text(self) -> str:
        """'Mon 23 – Sun 29 Nov', 'Mon 30 Nov – Sun 6 Dec', the year shown only when the
        days cross into another one."""
        if self.first == self.last:
            return _day(self.first, month=True)
        if self.first.year != self.last.year:
            return (f"{_day(self.first, month=True)} {self.first.year} – "
                    f"{_day(self.last, month=True)} {self.last.year}")
        same_month = self.first.month == self.last.month
        return f"{_day(self.first, month=not same_month)} – {_day(self.last, month=True)}"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # not the locale's
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: dt.date, *, month: bool) -> str:
    text = f"{_WEEKDAYS[day.weekday()]} {day.day}"
    return f"{text} {_MONTHS[day.month - 1]}" if month else text


def day_text(day: dt.date) -> str:
    """'Sun 29 Nov 2026'."""
    return f"{_day(day, month=True)} {day.year}"


def looked_back(today: dt.date, days: int) -> Days:
    """The last `days` days, today the last of them."""
    return Days(today - dt.timedelta(days=days - 1), today)


def looked_ahead(today: dt.date, days: int) -> Days:
    """The `days` days after today."""
    return Days(today + dt.timedelta(days=1), today + dt.timedelta(days=days))


def covers(ahead: Days, back: Days) -> str:
    """One line naming the days a review covers, the same on every face."""
    return f"Ahead: {ahead.text()} · Back: {back.text()}"
