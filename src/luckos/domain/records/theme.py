"""A theme, its three metrics and their monthly readings.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import METRIC_SLOTS


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Theme(RecordBase):
    """A theme: what you want to be known for across cycles."""

    id: int | None = None
    label: str = _f(help="three words or fewer (the naming test)", required=True)
    sentence: str = _f(help="the sentence anyone can repeat when your name comes up",
                       default="")
    problem: str = _f(help="the problem", default="")
    bet: str = _f(help="the bet", default="")
    milestone: str = _f(help="the first milestone", default="")
    blast_radius: str = _f(help="the blast radius you will avoid", default="")
    pain: str = _f(help="triangulation: what is real pain for the business?", default="")
    advantage: str = _f(help="triangulation: what do you have unfair advantage in?",
                        default="")
    progress: str = _f(help="triangulation: what shows progress in a quarter and compounds "
                       "for a year?", default="")
    started_on: dt.date | None = _f("date", "when you took the theme on", default_today=True,
                                    flag="started")
    retired_on: dt.date | None = _f("date", "when you retired it (its metrics are no longer "
                                    "asked for)", flag="ended", key="ended_on")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Metric(RecordBase):
    """One of a theme's three numbers."""

    id: int | None = None
    theme_id: int | None = _f("ref:theme", "the theme", required=True, flag="theme")
    slot: str = _f("choice", "customer, reliability or speed", required=True,
                   choices=METRIC_SLOTS)
    name: str = _f(help="what is measured", required=True)
    unit: str = _f(help="its unit, e.g. %, ms, $/month", default="")
    good: str = _f("choice", "the good direction", default="up", choices=("up", "down"))


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Reading(RecordBase):
    """A monthly reading of a theme metric, with two sentences of narrative."""

    id: int | None = None
    metric_id: int | None = _f("ref:metric", "the metric", required=True, flag="metric")
    month: str = _f("month", "the month, YYYY-MM", required=True, past_only=True)
    value: float = _f("float", "the value, with or without its metric's unit", required=True,
                      unit="ref:metric_id")
    narrative: str = _f(help="two sentences: what moved and why", default="")
