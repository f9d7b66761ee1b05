"""Testimonials: who used an artifact, and the time it saved them.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Testimonial(RecordBase):
    """"I used your doc; it saved us a week." """

    id: int | None = None
    artifact_id: int | None = _f("ref:artifact", "the artifact", required=True,
                                 flag="artifact")
    who: str = _f(help="who used it", required=True)
    on: dt.date | None = _f("date", "when they told you", default_today=True,
                            past_only=True)
    hours_saved: float | None = _f("float", "time it saved them, in hours (2, 2h or 90m)",
                                   flag="hours", key="hours", unit="h", low=0)
    quote: str = _f(help="what they said", default="")
