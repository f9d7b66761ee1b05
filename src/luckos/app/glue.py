"""The glue log, week by week: what unlocks a deliverable and what substitutes for one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.domain import glue
from luckos.workspace import Workspace


@dataclasses.dataclass(frozen=True)
class GlueReport:
    today: dt.date
    weeks: list[glue.GlueWeek]
    week_hours: float
    max_ratio: float

    def over(self, week: glue.GlueWeek) -> bool:
        """The week's substitute glue fills more of the week than `max_ratio`: quicksand."""
        return week.over(self.week_hours, self.max_ratio)

    @property
    def without_mechanism(self) -> list[glue.GlueEntry]:
        """Substitute glue with no mechanism named to replace you."""
        return [e for w in self.weeks for e in w.substitutes if not e.mechanism.strip()]


def glue_weeks(ws: Workspace, today: dt.date, count: int) -> list[glue.GlueWeek]:
    """The last `count` whole weeks before this one, each with its glue."""
    from luckos.dates import complete_weeks

    starts = complete_weeks(today, ws.config.week_start_index, count)
    entries = ws.store.find("glue", since=starts[0],
                            until=starts[-1] + dt.timedelta(days=6), descending=False)
    return glue.weeks(entries, starts)


def report(ws: Workspace, today: dt.date, count: int) -> GlueReport:
    s = ws.config.check
    return GlueReport(today, glue_weeks(ws, today, count),
                      s.value("glue-ratio", "week_hours"), s.value("glue-ratio", "max_ratio"))


def report_json(result: GlueReport) -> dict[str, Any]:
    """`luck glue weeks --json`, and what its text shows: each week's ratio and whether
    it is over the budget."""
    from luckos.app.records import as_json

    return {
        "today": result.today.isoformat(), "week_hours": result.week_hours,
        "max_ratio": result.max_ratio,
        "weeks": [{"week_start": w.start.isoformat(), "hours": w.hours,
                   "unlocking_hours": w.unlocking_hours,
                   "substitute_hours": w.substitute_hours,
                   "ratio": round(w.ratio(result.week_hours), 4),
                   "over": result.over(w),
                   "entries": [as_json(e) for e in w.entries]} for w in result.weeks],
        "without_mechanism": [as_json(e) for e in result.without_mechanism],
    }
