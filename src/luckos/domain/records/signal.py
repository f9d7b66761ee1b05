"""A routing signal: ambiguous work someone routed to you.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Signal(RecordBase):
    """A routing signal: someone routed ambiguous work to you."""

    id: int | None = None
    who: str = _f(help="who routed the work to you", required=True)
    what: str = _f(help="the ambiguous work", required=True)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    escalated: bool = _f("bool", "they escalated instead of routing it to you", default=False)
    note: str = _f(help="a free note", default="")
