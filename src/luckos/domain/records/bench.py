"""Your bench: people you unblocked, promoted, placed or sponsored (your own sponsors
are in `luckos.domain.records.sponsor`).

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import BENCH_ACTIONS


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class BenchEntry(RecordBase):
    """Someone you unblocked, promoted, placed or sponsored."""

    id: int | None = None
    person: str = _f(help="who", required=True)
    action: str = _f("choice", "unblocked, promoted, placed or sponsored", required=True,
                     choices=BENCH_ACTIONS)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    artifact: str = _f(help="the artifact that made it possible", default="")
    bet: str = _f(help="the bet, named in writing", default="")
    note: str = _f(help="a free note", default="")
    # sponsoring well: "attend the first two tough meetings; take the heat when trade-offs
    # bite; share the credit loudly"
    first_meeting_on: dt.date | None = _f("date", "sponsored: the first tough meeting you "
                                          "attended with them", flag="first-meeting")
    second_meeting_on: dt.date | None = _f("date", "sponsored: the second tough meeting",
                                           flag="second-meeting")
    heat_on: dt.date | None = _f("date", "sponsored: when you took the heat for a "
                                 "trade-off", flag="heat")
    heat_where: str = _f(help="sponsored: where you took the heat", default="")
    credit_on: dt.date | None = _f("date", "sponsored: when you shared the credit loudly",
                                   flag="credit")
    credit_where: str = _f(help="sponsored: where you shared the credit", default="")

    def sponsoring_missing(self) -> list[str]:
        """For a sponsorship: what of sponsoring well is not yet recorded."""
        if self.action != "sponsored":
            return []
        meetings = sum(1 for d in (self.first_meeting_on, self.second_meeting_on) if d)
        missing = []
        if meetings < 2:
            missing.append(f"{meetings} of the first two tough meetings attended")
        if not self.heat_on:
            missing.append("no heat taken")
        if not self.credit_on:
            missing.append("no credit shared")
        return missing
