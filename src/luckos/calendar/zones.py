"""Time zones: TZID parameters, the file's VTIMEZONE blocks, and the audit's own zone.

TZIDs resolve the way icalendar resolves them (its time zone provider knows IANA names,
Windows names as Outlook writes them, and vendor-prefixed ids); a TZID that only the
file's own VTIMEZONE defines is built from that block.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from luckos.calendar.lines import Block
from luckos.errors import LuckError


class Zones:
    """TZID -> tzinfo for one file (None for a TZID nobody knows)."""

    def __init__(self, blocks: list[Block]) -> None:
        self._known: dict[str, dt.tzinfo | None] = {}
        self._own: dict[str, dt.tzinfo] = {}
        self.broken: list[str] = []  # TZIDs of VTIMEZONE blocks that could not be read
        if blocks:
            self._read_blocks(blocks)

    def _read_blocks(self, blocks: list[Block]) -> None:
        from icalendar import Calendar
        from icalendar.timezone import tzp

        for block in blocks:
            text = "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\n" + "\r\n".join(block.lines)
            text += "\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n"
            try:
                component: Any = Calendar.from_ical(text).walk("VTIMEZONE")[0]
                tzid = str(component["TZID"])
                known = _provided(tzid)
                if known is None or _is_custom(known):
                    self._own[tzid.strip("/")] = component.to_tz(tzp, lookup_tzid=False)
            except (ValueError, KeyError, IndexError, TypeError, AttributeError, OSError):
                self.broken.append(_tzid_of(block))

    def lookup(self, tzid: str) -> dt.tzinfo | None:
        if tzid in self._known:
            return self._known[tzid]
        found = self._own.get(tzid.strip("/"))
        if found is None:
            found = _provided(tzid)
        self._known[tzid] = found
        return found


def _provided(tzid: str) -> dt.tzinfo | None:
    """The zone icalendar's provider knows under `tzid` (None if none, or not a zone)."""
    from icalendar.timezone import tzp

    try:
        with warnings.catch_warnings():  # a vendor prefix dropped: no stray stderr line
            warnings.simplefilter("ignore")
            found: dt.tzinfo | None = tzp.timezone(tzid)
            return found
    except (ValueError, OSError):
        return None


def _is_custom(tz: dt.tzinfo | None) -> bool:
    return tz is not None and not isinstance(tz, ZoneInfo)


def _tzid_of(block: Block) -> str:
    for line in block.lines:
        if line.upper().startswith("TZID"):
            return line.partition(":")[2]
    return "?"


def iana(name: str) -> ZoneInfo | None:
    """An IANA zone for `name`, which may also be a Windows zone name."""
    name = name.strip().strip("/")
    if not name or len(name) > _LONGEST:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder ("US")
        pass
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    if name in WINDOWS_TO_OLSON:
        return ZoneInfo(WINDOWS_TO_OLSON[name])
    return None


def named_zone(name: str, what: str) -> ZoneInfo:
    """`--tz` or `calendar.timezone`: a zone the user named, or a clear error."""
    zone = iana(name)
    if zone is None:
        raise LuckError(not_a_zone(name, what))
    return zone


# the longest IANA name is 32 characters ("America/Argentina/ComodRivadavia");
# a longer one is refused before it reaches the file system
_LONGEST = 64


def shown(name: str) -> str:
    """A zone name as messages quote it: a very long one is cut short."""
    return repr(name if len(name) <= _LONGEST else name[:_LONGEST] + "...")


def not_a_zone(name: str, what: str) -> str:
    """Why `name` is not a time zone, on one line: a region of the tz database (`US`,
    `Europe`) is told apart from a name nobody knows."""
    import zoneinfo

    region = name.strip().strip("/") + "/"
    inside = sorted(z for z in zoneinfo.available_timezones() if z.startswith(region))
    if len(region) > 1 and inside:
        return (f"{what} {shown(name)} is a region of the time zone database, not a zone "
                f"(choose one inside it, such as {inside[0]!r})")
    return (f"{what} {shown(name)} is not a known time zone "
            "(use an IANA name such as \"Europe/Berlin\")")


def choose_zone(asked: str | None, asked_what: str, calendar_zone: str,
                tzid_counts: Counter[str]) -> tuple[dt.tzinfo, str, str]:
    """The zone in which days and working hours are read: (zone, its name, why)."""
    if asked:
        return named_zone(asked, asked_what), asked, asked_what
    zone = iana(calendar_zone) if calendar_zone else None
    if zone is not None:
        return zone, zone.key, "the calendar's X-WR-TIMEZONE"
    for tzid, _ in tzid_counts.most_common():
        zone = iana(tzid)
        if zone is not None:
            return zone, zone.key, "the zone most events are written in"
    local = local_zone()
    if local is not None:
        return local, local.key, "this computer's zone"
    return ZoneInfo("UTC"), "UTC", "no zone found; UTC"


def local_zone() -> ZoneInfo | None:
    """This computer's IANA zone (TZ, else the /etc/localtime link), if it has one."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        return iana(name)
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
    except OSError:
        return None
    marker = "zoneinfo/"
    if marker in target:
        return iana(target.split(marker, 1)[1])
    return None
