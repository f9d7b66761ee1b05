"""A member of a series is read without its event (title, people...) until one of its
occurrences is shown: read then, the event is the one reading it at once gives, on every
test calendar."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from luckos.calendar import lines as ics
from luckos.calendar.values import parse_event
from luckos.calendar.zones import Zones
from tests.calendar_audit.conftest import NEW_YORK_VTIMEZONE, event, read
from tests.calendar_audit.conftest import ics as calendar

ROOT = Path(__file__).resolve().parents[1]
CALENDARS = sorted(ROOT.glob("**/*.ics"))


def _fields(found: object) -> tuple[object, ...]:
    return tuple(getattr(found, f.name) for f in dataclasses.fields(found))  # type: ignore[arg-type]


def _members_read_later(data: bytes) -> int:
    """How many events of `data` were left unread, each checked against reading it at once."""
    doc = ics.scan(data, "test.ics", (dt.date(1990, 1, 1), dt.date(1990, 1, 2)))
    zones = Zones(doc.timezones)
    later = 0
    for block in doc.events:
        lazy, _ = parse_event(block, zones)
        block.recurs = False
        eager, _ = parse_event(block, zones)
        block.forget()
        assert eager.known is not None
        if lazy.known is None:
            later += 1
            assert lazy.recurring and lazy.uid == eager.uid == eager.event.uid
            assert _fields(lazy.event) == _fields(eager.event)
            assert lazy.content is None  # (read once)
        assert (lazy.start, lazy.end, lazy.duration, lazy.sequence, lazy.lines, lazy.tzids,
                lazy.problem, lazy.repeated, lazy.empty_rule) == (
            eager.start, eager.end, eager.duration, eager.sequence, eager.lines,
            eager.tzids, eager.problem, eager.repeated, eager.empty_rule)
    return later


@pytest.mark.parametrize("path", CALENDARS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_member_read_later_is_the_member_read_at_once(path: Path) -> None:
    with contextlib.suppress(ics.LuckError):  # not a calendar: nothing to read either way
        _members_read_later(path.read_bytes())


def test_members_are_read_later() -> None:
    rule = "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20251231T235959Z"
    moved = "RECURRENCE-ID;TZID=America/New_York:20250113T100000\nSEQUENCE:1"
    text = calendar(event("weekly", "20250106T100000", "20250106T103000", "Weekly sync",
                          extra=rule),
                    event("weekly", "20250114T100000", "20250114T103000", "Moved", extra=moved),
                    zones=NEW_YORK_VTIMEZONE)
    assert _members_read_later(text.encode()) == 2
    june = read(text, "2025-06-01", "2025-06-30")
    assert {o.event.title for o in june.occurrences} == {"Weekly sync"}
    january = read(text, "2025-01-13", "2025-01-19")
    assert [o.event.title for o in january.occurrences] == ["Moved"]
