"""Your own sponsors: who stakes reputation for you (apart from the bench, so that a
command reading one does not build the other's class).

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Sponsor(RecordBase):
    """One of your own sponsors: someone who stakes reputation for you."""

    id: int | None = None
    person: str = _f(help="who", required=True)
    role: str = _f(help="their role", default="")
    since: dt.date | None = _f("date", "since when", default_today=True, past_only=True)
    backs: str = _f(help="what they put on a planning slide for you", default="")
    note: str = _f(help="a free note", default="")
