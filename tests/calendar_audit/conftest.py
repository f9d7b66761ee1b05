"""ICS files written by the tests, and the date and the workspace that `luck` runs on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from luckos.calendar.reader import CalendarRead, read_calendar

NEW_YORK_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE"""


def ics(*events: str, header: str = "", zones: str = "") -> str:
    """A calendar of `events` (VEVENT bodies without BEGIN/END), CRLF line ends."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//luckos tests//EN"]
    lines += [h for h in header.strip().splitlines() if h.strip()]
    lines += [z for z in zones.strip().splitlines() if z.strip()]
    for body in events:
        lines.append("BEGIN:VEVENT")
        lines += [b.rstrip() for b in body.strip("\n").splitlines() if b.strip()]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def event(uid: str, start: str, end: str | None = None, title: str = "Meeting", *,
          tz: str | None = "America/New_York", people: tuple[str, ...] = (),
          me: str | None = "me@example.com", partstat: str = "ACCEPTED",
          organizer: str | None = None, extra: str = "", description: str = "") -> str:
    """A VEVENT body; times are local in `tz` (None: written as given, e.g. with Z)."""
    def moment(name: str, value: str) -> str:
        if len(value) == 8:
            return f"{name};VALUE=DATE:{value}"
        return f"{name};TZID={tz}:{value}" if tz else f"{name}:{value}"

    lines = [f"UID:{uid}", "DTSTAMP:20250101T000000Z", moment("DTSTART", start)]
    if end:
        lines.append(moment("DTEND", end))
    lines.append(f"SUMMARY:{title}")
    if description:
        lines.append(f"DESCRIPTION:{description}")
    if organizer or people:
        lines.append(f"ORGANIZER:mailto:{organizer or people[0]}")
    if people and me:
        lines.append(f"ATTENDEE;PARTSTAT={partstat}:mailto:{me}")
    for person in people:
        lines.append(f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{person}")
    lines += [x for x in extra.strip().splitlines() if x.strip()]
    return "\n".join(lines)


def read(text: str, first: str, last: str, **options: Any) -> CalendarRead:
    window = (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    return read_calendar(text.encode("utf-8"), "test.ics", window=window, **options)


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(text: str | bytes, name: str = "calendar.ics") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return _write


@pytest.fixture
def luck_today() -> str:
    """The calendar tests' runs take place in March 2025, after the calendars they read."""
    return "2025-03-16"


@pytest.fixture
def home(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The workspace, named by LUCK_HOME; no TZ, so the machine's zone changes nothing."""
    monkeypatch.setenv("LUCK_HOME", str(home))
    monkeypatch.delenv("TZ", raising=False)
    return home
