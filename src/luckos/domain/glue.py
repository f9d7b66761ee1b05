"""The glue work trap: does the glue unlock a consequential deliverable, or substitute
for one? The substitute-glue ratio of a week is the hours of glue that unlock no
deliverable divided by the hours of a working week."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from luckos.domain.fields import Problem, ValueBase

if TYPE_CHECKING:  # the class is built by whoever reads the entries
    from luckos.domain.records import GlueEntry


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class GlueWeek(ValueBase):
    """One week of glue work, from the first day of the week: its entries and their hours."""

    start: dt.date
    entries: tuple[GlueEntry, ...]

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @property
    def hours(self) -> float:
        return sum(e.hours for e in self.entries)

    @property
    def unlocking_hours(self) -> float:
        return sum(e.hours for e in self.entries if e.unlocks_deliverable)

    @property
    def substitute_hours(self) -> float:
        return self.hours - self.unlocking_hours

    def ratio(self, week_hours: float) -> float:
        return self.substitute_hours / week_hours

    def over(self, week_hours: float, max_ratio: float) -> bool:
        """Substitute glue filled more than `max_ratio` of the week: quicksand."""
        return self.ratio(week_hours) > max_ratio

    @property
    def substitutes(self) -> tuple[GlueEntry, ...]:
        return tuple(e for e in self.entries if not e.unlocks_deliverable)


def weeks(entries: Iterable[GlueEntry], starts: list[dt.date]) -> list[GlueWeek]:
    """The glue of each week that begins on one of `starts` (each seven days long)."""
    buckets: dict[dt.date, list[GlueEntry]] = {s: [] for s in starts}
    for entry in entries:
        if entry.on is None:
            continue
        for start in starts:
            if start <= entry.on <= start + dt.timedelta(days=6):
                buckets[start].append(entry)
                break
    return [GlueWeek(s, tuple(sorted(buckets[s], key=lambda e: (e.on, e.id or 0))))
            for s in starts]


def glue_problems(g: GlueEntry) -> list[Problem]:
    """The glue log's rules (see `luckos.domain.validate`)."""
    found = []
    if not 0 < g.hours <= 168:
        found.append(Problem("hours", f"hours {g.hours:g} is out of range (more than 0, at "
                             "most 168)"))
    if not g.unlocks_deliverable and not g.mechanism.strip():
        found.append(Problem("mechanism", "it unlocks no deliverable: which FAQ, short video "
                             "or runbook could replace you? (--mechanism)", warning=True))
    return found
