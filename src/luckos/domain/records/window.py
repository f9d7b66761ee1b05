"""A decision window on the timing calendar.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import OUTCOMES, WINDOW_KINDS


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Window(RecordBase):
    """A decision window on the timing calendar."""

    id: int | None = None
    name: str = _f(help="the window, e.g. 'FY27 planning'", required=True)
    kind: str = _f("choice", "planning, headcount, budget, retro, promotion, post-mortem, other",
                   default="other", choices=WINDOW_KINDS)
    on: dt.date | None = _f("date", "the (first) date of the window", required=True)
    recurrence: str = _f("recurrence", "monthly, quarterly, half-yearly, yearly, weekly, "
                         "every 2 weeks, every N days|weeks|months|years, or an RFC 5545 "
                         "RRULE (at most daily)", default="")
    prep_lead_days: int = _f("int", "days before the window the prep is due", default=7,
                             flag="prep-lead-days", low=0, high=365)
    needs_brief: bool = _f("bool", "the window asks for a two-pager", default=True,
                           flag="brief", key="brief")
    needs_demo: bool = _f("bool", "the window asks for a 30-minute demo", default=True,
                          flag="demo", key="demo")
    docs: tuple[str, ...] = _f("list", "linked documents (paths or links)", flag="doc")
    theme_id: int | None = _f("ref:theme", "the theme it matters to", flag="theme")
    note: str = _f(help="a free note", default="")
    outcome: str = _f("choice", "what it came to for you: funded, declined or deferred",
                      default="", choices=OUTCOMES)
    outcome_on: dt.date | None = _f("date", "when the outcome was known", flag="outcome-on")
