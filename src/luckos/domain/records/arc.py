"""Role arcs on the pendulum ("The Staff-Versus-Manager Pendulum").

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import ARC_TRACKS, BOTTLENECKS, YES_NO


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Arc(RecordBase):
    """A three-year role arc on the pendulum between Staff IC and manager."""

    id: int | None = None
    role: str = _f(help="the role, e.g. 'Staff engineer, payments'", required=True)
    track: str = _f("choice", "ic or manager", required=True, choices=ARC_TRACKS)
    started_on: dt.date | None = _f("date", "when the arc started", default_today=True,
                                    flag="started")
    ended_on: dt.date | None = _f("date", "when the arc ended", flag="ended")
    bottleneck: str = _f("choice", "the org's bottleneck: coordination (and hiring) or "
                         "architecture (and hairy problems)", default="",
                         choices=BOTTLENECKS)
    assessed_on: dt.date | None = _f("date", "when the bottleneck was assessed",
                                     flag="assessed", past_only=True)
    assessment: str = _f(help="why you read the bottleneck that way", default="")
    note: str = _f(help="a free note", default="")
    # "If you cannot earn scope without a title, or cannot do real technical work with one,
    # the environment is constraining your leverage more than the ladder is."
    scope_without_title: str = _f("choice", "can you earn scope without a title here? yes "
                                  "or no", default="", choices=YES_NO,
                                  flag="scope-without-title")
    technical_with_title: str = _f("choice", "can you do real technical work with one? yes "
                                   "or no", default="", choices=YES_NO,
                                   flag="technical-with-title")
    answered_on: dt.date | None = _f("date", "when you answered those two", flag="answered")
