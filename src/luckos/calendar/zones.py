"""Time zones: TZID parameters, the file's VTIMEZONE blocks, and the audit's own zone.

TZIDs resolve the way icalendar resolves them (its time zone provider knows IANA names,
Windows names as Outlook writes them, and vendor-prefixed ids); a TZID that only the
file's own VTIMEZONE defines is built from that block.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import warnings
import zoneinfo
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
        # the VTIMEZONE blocks icalendar must read (those of the zones it knows, written
        # the plain way, change nothing it answers)
        self.needed: list[Block] = [block for block in blocks if not _plain_and_known(block)]
        if self.needed:
            self._read_blocks(self.needed)

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
    name = tzid.strip("/")
    if listed(name):  # what icalendar answers first for it, without loading icalendar
        with contextlib.suppress(Exception):
            return ZoneInfo(name)
    from icalendar.timezone import tzp

    try:
        with warnings.catch_warnings():  # a vendor prefix dropped: no stray stderr line
            warnings.simplefilter("ignore")
            found: dt.tzinfo | None = tzp.timezone(tzid)
            return found
    except (ValueError, OSError):
        return None


_listed: dict[str, bool] = {}


def listed(name: str) -> bool:
    """Whether `zoneinfo.available_timezones()` surely lists `name`: a TZif file of the
    system's time zone database, found the way that function walks it (from a TZPATH
    folder, through folders that are not links, not under right/ or posix/, the names'
    case as written). False when only that walk, which opens every file of the database
    (about 15 ms), could tell. icalendar keeps a VTIMEZONE of its own for a TZID that
    walk does not list, and answers with the database's zone for one it does."""
    found = _listed.get(name)
    if found is None:
        found = _listed[name] = _on_tzpath(name)
    return found


def _on_tzpath(name: str) -> bool:
    parts = name.split("/")
    if (name == "posixrules" or parts[0] in ("right", "posix") or len(name) > _LONGEST
            or any(part in ("", ".", "..") for part in parts)):
        return False
    for root in zoneinfo.TZPATH:  # (as set now: `reset_tzpath` may change it)
        folder = root
        try:
            if not os.path.isdir(folder):
                continue
            for part in parts[:-1]:
                if part not in os.listdir(folder):
                    break
                folder = os.path.join(folder, part)
                if os.path.islink(folder) or not os.path.isdir(folder):
                    break
            else:
                if parts[-1] not in os.listdir(folder):
                    continue
                path = os.path.join(folder, parts[-1])
                if os.path.isdir(path):
                    continue
                with open(path, "rb") as file:
                    if file.read(4) == b"TZif":
                        return True
        except OSError:
            continue
    return False


# the lines of a VTIMEZONE as calendar programs write it for a zone of the database, each
# of which icalendar reads without fail
_STAMP = r"\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3])[0-5]\d[0-5]\d"
_PLAIN_LINE = re.compile(
    r"(?:TZOFFSET(?:FROM|TO):[+-](?:[01]\d|2[0-3])[0-5]\d"
    r"|TZNAME:[A-Za-z0-9+-]{1,16}"
    rf"|DTSTART:{_STAMP}"
    r"|RRULE:FREQ=YEARLY(?:;(?:BYMONTH=(?:[1-9]|1[0-2])|BYDAY=[+-]?[1-5]?(?:SU|MO|TU|WE|TH|FR|SA)"
    rf"|BYMONTHDAY=-?(?:[1-9]|[12]\d|3[01])|UNTIL={_STAMP}Z|COUNT=[1-9]\d{{0,3}}"
    r"|INTERVAL=[1-9]|WKST=(?:SU|MO)))*"
    rf"|RDATE:{_STAMP}(?:,{_STAMP})*"
    r"|X-LIC-LOCATION:[A-Za-z0-9_+/-]{1,64}"
    rf"|LAST-MODIFIED:{_STAMP}Z)")
_PLAIN_TZID = re.compile(r"TZID:([A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*)")
_SUBCOMPONENT = ("STANDARD", "DAYLIGHT")


def _plain_and_known(block: Block) -> bool:
    """Whether `block` is a VTIMEZONE that icalendar reads without fail and leaves aside:
    written the plain way (each line of a form it reads, STANDARD and DAYLIGHT parts
    closed in order, one TZID), for a zone the database lists under its TZID."""
    tzid = ""
    inside = ""
    for line in block.lines:
        if line.startswith(("BEGIN:", "END:")):
            begins = line[0] == "B"
            what = line[6:] if begins else line[4:]
            if what not in _SUBCOMPONENT or begins == bool(inside) or (
                    not begins and what != inside):
                return False
            inside = what if begins else ""
            continue
        if line.startswith("TZID:"):
            found = _PLAIN_TZID.fullmatch(line)
            if tzid or inside or found is None:
                return False
            tzid = found.group(1)
        elif _PLAIN_LINE.fullmatch(line) is None:
            return False
        else:
            for stamp in _STAMPS.findall(line):
                try:
                    dt.datetime(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
                except ValueError:
                    return False
    return bool(tzid) and not inside and listed(tzid)


_STAMPS = re.compile(r"\d{8}(?=T)")


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
