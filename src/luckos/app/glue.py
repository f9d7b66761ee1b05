"""The glue log, week by week: what unlocks a deliverable and what substitutes for one."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain import glue
from luckos.workspace import Workspace


@dataclasses.dataclass(frozen=True)
class GlueReport:
    today: dt.date
    weeks: list[glue.GlueWeek]
    week_hours: float
    max_ratio: float

    @property
    def without_mechanism(self) -> list[glue.GlueEntry]:
        """Substitute glue with no mechanism named to replace you."""
        return [e for w in self.weeks for e in w.substitutes if not e.mechanism.strip()]


def glue_weeks(ws: Workspace, today: dt.date, count: int) -> list[glue.GlueWeek]:
    """The last `count` whole weeks before this one, each with its glue."""
    starts = glue.complete_weeks(today, ws.config.week_start_index, count)
    entries = ws.store.find("glue", since=starts[0],
                            until=starts[-1] + dt.timedelta(days=6), descending=False)
    return glue.weeks(entries, starts)


def report(ws: Workspace, today: dt.date, count: int) -> GlueReport:
    s = ws.config.check
    return GlueReport(today, glue_weeks(ws, today, count),
                      s.value("glue-ratio", "week_hours"), s.value("glue-ratio", "max_ratio"))
