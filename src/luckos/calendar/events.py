"""The plain values the audit works on: events, their occurrences, and what was skipped."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterator

from luckos.domain.fields import ValueBase


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class Event:
    """One VEVENT as the audit needs it (a series' master, an override, or a single event).

    Addresses are lower-case without `mailto:`; `attendees` leaves out rooms and
    resources and pairs each address with its PARTSTAT.
    """

    uid: str
    title: str = ""
    description: str = ""
    location: str = ""
    url: str = ""
    organizer: str = ""
    attendees: tuple[tuple[str, str], ...] = ()
    status: str = ""  # CONFIRMED, TENTATIVE, CANCELLED or ""
    transparent: bool = False  # TRANSP:TRANSPARENT (free time)
    busy_status: str = ""  # Outlook's X-MICROSOFT-CDO-BUSYSTATUS: FREE, BUSY, OOF...
    recurring: bool = False  # part of a series (RRULE, RDATE or RECURRENCE-ID)
    last_modified: dt.datetime | None = None  # UTC
    attachments: tuple[str, ...] = ()  # ATTACH URIs
    names: tuple[tuple[str, str], ...] = ()  # (address, CN) of attendees with a display name

    def partstat_of(self, me: frozenset[str]) -> str:
        """The PARTSTAT of the first of `me` among the attendees ("" if none is)."""
        for address, partstat in self.attendees:
            if address in me:
                return partstat or "NEEDS-ACTION"
        return ""

    def people(self, me: frozenset[str]) -> int:
        """Distinct people: attendees and organizer, plus you if you are not listed."""
        found = {address for address, _ in self.attendees}
        if self.organizer:
            found.add(self.organizer)
        if me and not found & me:
            return len(found) + 1
        return max(len(found), 1)

    def others(self, me: frozenset[str]) -> int:
        """People other than you (attendees and organizer)."""
        found = {address for address, _ in self.attendees}
        if self.organizer:
            found.add(self.organizer)
        return len(found - me)


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class EventOccurrence(ValueBase):
    """One occurrence of an event inside the audit window, in the audit's time zone.

    All-day occurrences start and end at local midnight; `end` is exclusive.
    """

    event: Event
    start: dt.datetime
    end: dt.datetime
    all_day: bool = False

    @property
    def hours(self) -> float:
        """Real elapsed hours (through UTC, so a DST change is counted right)."""
        if self.all_day:
            return 0.0
        return (self.end.timestamp() - self.start.timestamp()) / 3600


@dataclasses.dataclass
class Problems:
    """What could not be read, counted by reason (Beancount's errors-as-values)."""

    skipped: Counter[str] = dataclasses.field(default_factory=Counter)  # events left out
    notes: Counter[str] = dataclasses.field(default_factory=Counter)  # read, with a caveat
    examples: dict[str, str] = dataclasses.field(default_factory=dict)  # reason -> where

    def skip(self, reason: str, where: str = "", count: int = 1) -> None:
        self.skipped[reason] += count
        if where:
            self.examples.setdefault(reason, where)

    def note(self, reason: str, where: str = "", count: int = 1) -> None:
        self.notes[reason] += count
        if where:
            self.examples.setdefault(reason, where)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Reading and auditing a calendar makes many small objects and no cycles: the
    garbage collector would only walk them again and again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
