"""Notes: journal, year in public and earned secrets.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import NOTE_KINDS, PRIVATE_NOTE_KIND


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Note(RecordBase):
    """A journal entry, a year-in-public entry, or an earned secret (private)."""

    id: int | None = None
    body: str = _f(help="the note", required=True)
    kind: str = _f("choice", "journal, year-in-public or earned-secret (private)",
                   default="journal", choices=NOTE_KINDS)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    title: str = _f(help="a title", default="")
    tags: tuple[str, ...] = _f("list", "tags", flag="tag")

    @property
    def private(self) -> bool:
        return self.kind == PRIVATE_NOTE_KIND
