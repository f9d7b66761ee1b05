"""The diagnosis: three questions answered in writing ("Before You Optimize").

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Diagnosis(RecordBase):
    """The three questions of the career system, answered in a paragraph each."""

    id: int | None = None
    problem: str = _f(help="1. What problem do I solve that the business would miss if I "
                      "left for a month?", required=True)
    funders: str = _f(help="2. Who decides work like that gets funded, and when do they "
                      "decide?", default="")
    proof: str = _f(help="3. What artifact proves I routinely turn ambiguity into something "
                    "that ships?", default="")
    on: dt.date | None = _f("date", "when it was written", default_today=True,
                                past_only=True)
