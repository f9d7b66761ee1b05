"""The 90-day reboot ("A 90-Day Reboot, Any Time").

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Reboot(RecordBase):
    """A 90-day reboot: twelve weeks of dated checkpoints and a one-page post-mortem."""

    id: int | None = None
    focus: str = _f(help="the theme that intersects a real deadline", default="")
    started_on: dt.date | None = _f("date", "the first day of week 1", default_today=True,
                                    flag="started")
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    done: tuple[str, ...] = _f("list", "checkpoints done, as KEY@DATE", editable=False)
    ended_on: dt.date | None = _f("date", "when it ended", editable=False)
    postmortem: str = _f(help="the one-page post-mortem (its text or a path)", default="",
                         editable=False)
    note: str = _f(help="a free note", default="")
