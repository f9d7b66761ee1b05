"""The events at either end of a calendar's span are read from their DTSTART, DTEND and
DURATION lines alone: whenever that quick reading answers, it gives the times that
reading the whole event gives, on every test calendar and on files written to mislead it."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from luckos.calendar import lines as ics
from luckos.calendar.values import parse_times, quick_times
from luckos.calendar.zones import Zones

ROOT = Path(__file__).resolve().parents[1]
CALENDARS = sorted(ROOT.glob("**/*.ics"))


def _times(data: bytes) -> list[tuple[object, object, object] | None]:
    """For each event of `data`: its times when the quick reading answers (checked
    against the whole reading), else None."""
    doc = ics.scan(data, "test.ics")
    zones = Zones(doc.timezones)
    found: list[tuple[object, object, object] | None] = []
    for block in doc.events:
        quick = quick_times(block, zones)
        whole = parse_times(block, zones)
        block.forget()
        if quick is None:
            found.append(None)
            continue
        assert not whole.problem
        assert (quick.start, quick.end, quick.duration) == (whole.start, whole.end,
                                                            whole.duration)
        found.append((quick.start, quick.end, quick.duration))
    return found


def test_there_are_test_calendars() -> None:
    assert len(CALENDARS) > 300


@pytest.mark.parametrize("path", CALENDARS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_quick_reading_gives_the_whole_readings_times(path: Path) -> None:
    with contextlib.suppress(ics.LuckError):  # not a calendar: nothing to read either way
        _times(path.read_bytes())


def _calendar(*events: str, newline: str = "\r\n") -> bytes:
    body = "\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *events, "END:VCALENDAR", ""])
    return body.replace("\n", newline).encode()


PLAIN = "BEGIN:VEVENT\nUID:a\nDTSTART:20250602T090000Z\nDTEND:20250602T100000Z\nEND:VEVENT"


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_a_plain_event_is_read_quickly(newline: str) -> None:
    assert _times(_calendar(PLAIN, newline=newline))[0] is not None


@pytest.mark.parametrize("event", [
    # a continuation that lost its folding space joins the DTSTART before it
    "BEGIN:VEVENT\nDTSTART:20250602T090000\nZ\nDTEND:20250602T100000Z\nEND:VEVENT",
    # an empty line, then a continuation
    "BEGIN:VEVENT\nDTSTART:20250602T090000Z\n\n X\nDTEND:20250602T100000Z\nEND:VEVENT",
    # a name folded: the first DTSTART is the folded one
    "BEGIN:VEVENT\nDT\n START:20240101T090000Z\nDTSTART:20250602T090000Z\nEND:VEVENT",
    # the line after is parameters whose colon is on the next, folded, line
    "BEGIN:VEVENT\nDTSTART:20250602T090000Z\nX-A;B=1\n :c\nEND:VEVENT",
    # a DTSTART without a value continues the line before it
    "BEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE\nDTSTART:20250602\nEND:VEVENT",
])
def test_what_may_be_read_otherwise_is_read_whole(event: str) -> None:
    for newline in ("\r\n", "\n"):
        assert _times(_calendar(event, newline=newline)) == [None]


@pytest.mark.parametrize("event", [
    # names in any case; the first of each counts
    "BEGIN:VEVENT\ndtstart:20240101T090000Z\nDTSTART:20250602T090000Z\n"
    "dtEnd:20250602T100000Z\nEND:VEVENT",
    # a DURATION, folded values, quoted parameters holding a colon
    "BEGIN:VEVENT\nDTSTART;TZID=\"Eastern: US\":20250602T0900\n 00\nDURATION:PT1H\n"
    "X-A;B=\"c:d\":e\nEND:VEVENT",
    # a BEGIN line inside a description, an alarm after the times
    "BEGIN:VEVENT\nDESCRIPTION:see\\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250602\n"
    "BEGIN:VALARM\nTRIGGER:-PT5M\nEND:VALARM\nDTEND;VALUE=DATE:20250603\nEND:VEVENT",
    # an unreadable time: the whole reading names it
    "BEGIN:VEVENT\nDTSTART:2025-06-02\nDTEND:20250602T100000Z\nEND:VEVENT",
    # the end before the start
    "BEGIN:VEVENT\nDTSTART:20250602T100000Z\nDTEND:20250602T090000Z\nEND:VEVENT",
])
def test_hostile_events_read_the_same(event: str) -> None:
    for newline in ("\r\n", "\n"):
        _times(_calendar(event, PLAIN, newline=newline))
    mixed = _calendar(event, PLAIN).replace(b"\r\nDT", b"\nDT")
    _times(mixed)


def test_a_truncated_file_is_read_whole() -> None:
    data = _calendar(PLAIN, "BEGIN:VEVENT\nDTSTART:20250602T090000Z\nDTEND:20250602T1000")
    data = data[:data.rindex(b"END:VCALENDAR")]
    assert _times(data)[-1] is None
