"""A promise: an entry in the credibility ledger.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import PROMISE_STATUSES


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Promise(RecordBase):
    """An entry in the credibility ledger."""

    id: int | None = None
    what: str = _f(help="what you promised", required=True)
    to_whom: str = _f(help="who you promised it to", required=True, flag="to", key="to")
    made_on: dt.date | None = _f("date", "when you made the promise", default_today=True,
                                 flag="on", key="on", past_only=True)
    due: dt.date | None = _f("date", "when it is due", required=True)
    status: str = _f("choice", "open, kept, missed, renegotiated or dropped", default="open",
                     choices=PROMISE_STATUSES, editable=False)
    landed_on: dt.date | None = _f("date", "when it ended: kept, missed, renegotiated or "
                                   "dropped", flag="ended", key="ended_on", past_only=True)
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    tags: tuple[str, ...] = _f("list", "tags (repeat the option or separate with commas)",
                               flag="tag")
    renegotiated_to: int | None = _f("ref:promise", "the promise that replaced it",
                                     editable=False)
    note: str = _f(help="a free note", default="")
    lesson: str = _f(help="for a miss: what it taught you (the misses as learning)",
                     default="")
