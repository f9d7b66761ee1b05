"""The explore loop's entries ("Run Two Loops: Exploit and Explore").

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import EXPLORE_KINDS


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class ExploreEntry(RecordBase):
    """The explore loop: a weekend prototype, a talk, a paper reproduction, a teardown."""

    id: int | None = None
    title: str = _f(help="what you explored", required=True)
    kind: str = _f("choice", "weekend-prototype, talk, paper-reproduction or teardown",
                   required=True, choices=EXPLORE_KINDS)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    wave: str = _f(help="the adjacent wave: a runtime, hardware, a governance pattern, a "
                   "safety regime, an economic model", default="")
    link: str = _f(help="where it is documented (a link or path)", default="")
    learned: str = _f(help="what you learned", default="")
    from_note_id: int | None = _f("ref:note", "the earned secret it grew from (the note "
                                  "stays private; only its id is shown)", flag="from",
                                  key="from")
