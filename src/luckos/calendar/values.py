"""Reading one VEVENT's content lines into an `Event` and its DTSTART/DTEND values.

Only the properties the audit uses are decoded. Recurrence properties are kept as raw
lines so that recurring-ical-events can expand them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from sys import intern

from luckos.calendar import lines as ics
from luckos.calendar.events import Event
from luckos.calendar.zones import Zones

UTC = dt.UTC
RECURRENCE = frozenset({"RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})
EXPANSION = frozenset({"UID", "DTSTART", "DTEND", "DURATION", "SEQUENCE", *RECURRENCE})
SINGLE = frozenset({"UID", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "RECURRENCE-ID"})


class BadValue(ValueError):
    """A date, time or duration that cannot be read; the message is the skip reason."""


@dataclasses.dataclass
class Moment:
    """A DTSTART-like value: a date, a UTC or zoned datetime, or a floating one."""

    value: dt.datetime | dt.date
    floating: bool = False  # no zone: local time wherever you are
    unknown_zone: str = ""  # a TZID nobody knows (read as floating)

    @property
    def is_date(self) -> bool:
        return not isinstance(self.value, dt.datetime)


@dataclasses.dataclass
class Parsed:
    """One VEVENT after the cheap pass.

    The event of a member of a series (`known`) may be left unread until it is asked
    for (`event`): most members of a series lie outside a short window, and only what
    expanding a series reads (`lines`, the times, SEQUENCE) is read at once."""

    known: Event | None
    index: int
    start: Moment | None
    end: Moment | None
    duration: dt.timedelta | None
    sequence: int
    stamp: str  # DTSTAMP as written: a tie-breaker between copies of one UID
    recurring: bool
    lines: list[ics.Line]  # for a recurring event: the lines recurring-ical-events reads
    tzids: tuple[str, ...]
    problem: str = ""  # why it cannot be used, if it cannot
    repeated: tuple[str, ...] = ()  # properties given twice (the first one was used)
    empty_rule: bool = False  # an `RRULE:` line with no rule (read as a single event)
    uid: str = ""  # the event's UID (its position's when it has none)
    content: list[ics.Line] | None = None  # the lines to read the event from, until it is

    @property
    def event(self) -> Event:
        """The event: read from its lines the first time it is asked for."""
        if self.known is None:
            assert self.content is not None
            self.known = _parse(self.content, self.index, False)[0].known
            self.content = None
        assert self.known is not None
        return self.known


def parse_event(block: ics.Block, zones: Zones) -> tuple[Parsed, int]:
    """Read a VEVENT block; returns it and the number of broken lines joined back.

    The event of one that the scan saw recur (`Block.recurs`) is left unread when it
    does recur (see `Parsed.event`)."""
    content, joined = ics.content_lines(block)
    parsed, start_line, end_line, duration_value = _parse(content, block.index, block.recurs)
    if parsed.known is None and not parsed.recurring:  # (a DURATION, say): read it all
        parsed, start_line, end_line, duration_value = _parse(content, block.index, False)
    return _timed(parsed, block, start_line, end_line, duration_value, zones), joined


def _parse(content: list[ics.Line], index: int, lazy: bool,
           ) -> tuple[Parsed, ics.Line | None, ics.Line | None, str]:
    """`content` read into a `Parsed` (its times not yet read: the DTSTART and DTEND
    lines and the DURATION value are returned with it); `lazy`: only what expanding a
    series reads, the event left to be read from `content`."""
    title = description = location = url = organizer = status = busy = uid = stamp = ""
    transparent = recurring = False
    attendees: list[tuple[str, str]] = []
    attachments: list[str] = []
    names: list[tuple[str, str]] = []
    last_modified = None
    start_line = end_line = None
    duration_value = ""
    sequence = 0
    keep: list[ics.Line] = []
    seen: set[str] = set()
    repeated: list[str] = []
    empty_rule = False
    for line in content:
        name, params, value = line
        if name == "RRULE":
            value = "".join(value.split())  # "BYDAY=MO, TU" as some exporters write it
            if not value:  # some holiday feeds write `RRULE:`
                empty_rule = True
                continue
            line = (name, params, value)
        if name in EXPANSION:
            if name in SINGLE:
                if name in seen:  # a second DTSTART, SEQUENCE...: the first one counts
                    repeated.append(name)
                    continue
                seen.add(name)
            keep.append(line)
            if name == "DTSTART":
                start_line = line
            elif name == "DTEND":
                end_line = line
            elif name == "DURATION":
                duration_value = value
            elif name == "UID":
                uid = value.strip()
            elif name == "SEQUENCE":
                sequence = _integer(value)
            else:
                recurring = True
        elif lazy:
            continue
        elif name == "ATTENDEE":  # (addresses and texts met on thousands of events are
            cutype, partstat = ics.attendee(params)  # interned: one string each, in memory)
            if cutype not in ("ROOM", "RESOURCE"):
                address = intern(ics.address(value))
                attendees.append((address, intern(partstat)))
                shown = _display_name(params)
                if shown and shown.lower() != address:
                    names.append((address, shown))
        elif name == "SUMMARY":
            title = intern(ics.text(value).strip())
        elif name == "DESCRIPTION":
            description = intern(ics.text(value))
        elif name == "LOCATION":
            location = intern(ics.text(value))
        elif name == "ORGANIZER":
            organizer = intern(ics.address(value))
        elif name == "STATUS":
            status = value.strip().upper()
        elif name == "TRANSP":
            transparent = value.strip().upper() == "TRANSPARENT"
        elif name == "X-MICROSOFT-CDO-BUSYSTATUS":
            busy = value.strip().upper()
        elif name == "LAST-MODIFIED":
            last_modified = _utc_stamp(value)
        elif name == "DTSTAMP":
            stamp = value.strip()
        elif name == "URL":
            url = value.strip()
        elif name == "ATTACH":
            found = ics.parameters(params)
            if found.get("VALUE", "URI").upper() != "BINARY" and "ENCODING" not in found:
                attachments.append(value.strip())
    uid = uid or no_uid(index)
    if lazy:
        parsed = Parsed(None, index, None, None, None, sequence, stamp, recurring, keep, (),
                        repeated=tuple(repeated), empty_rule=empty_rule, uid=uid,
                        content=content)
        return parsed, start_line, end_line, duration_value
    event = Event(
        uid=uid,
        title=title,
        description=description,
        location=location,
        url=url,
        organizer=organizer,
        attendees=tuple(attendees),
        status=status,
        transparent=transparent,
        busy_status=busy,
        recurring=recurring,
        last_modified=last_modified,
        attachments=tuple(attachments),
        names=tuple(names),
    )
    parsed = Parsed(event, index, None, None, None, sequence, stamp, recurring,
                    keep if recurring else [], (), repeated=tuple(repeated),
                    empty_rule=empty_rule, uid=uid)
    return parsed, start_line, end_line, duration_value


def _timed(parsed: Parsed, block: ics.Block, start_line: ics.Line | None,
           end_line: ics.Line | None, duration_value: str, zones: Zones) -> Parsed:
    """`parsed` with its start, end or duration read (or the problem that stops it)."""
    if not block.closed:
        parsed.problem = "not closed (END:VEVENT missing)"
        return parsed
    if start_line is None:
        parsed.problem = "no DTSTART"
        return parsed
    tzids = []
    try:
        parsed.start = moment(start_line, zones)
        tzids.append(ics.parameters(start_line[1]).get("TZID", ""))
        if end_line is not None:
            parsed.end = moment(end_line, zones)
        elif duration_value:
            parsed.duration = duration(duration_value)
    except BadValue as exc:
        parsed.problem = str(exc)
    parsed.tzids = tuple(t for t in tzids if t)
    return parsed


def quick_times(block: ics.Block, zones: Zones) -> Parsed | None:
    """`parse_times` without the title and UID, read from the DTSTART, DTEND and
    DURATION lines alone (see `Block.times`); None when it cannot be sure of giving the
    same times, or they cannot be read (`parse_times` then names the event)."""
    lines = block.times()
    if lines is None:
        return None
    start_line, end_line, duration_value, _, _ = _first_times(lines)
    parsed = Parsed(Event(uid=""), block.index, None, None, None, 0, "", False, [], ())
    parsed = _timed(parsed, block, start_line, end_line, duration_value, zones)
    return None if parsed.problem else parsed


def _first_times(lines: Iterable[ics.Line]
                 ) -> tuple[ics.Line | None, ics.Line | None, str, str, str]:
    """(DTSTART line, DTEND line, DURATION value, UID, title) of an event's lines, the
    first of each single property counting, as `parse_event` reads them."""
    title = uid = duration_value = ""
    start_line = end_line = None
    seen: set[str] = set()
    for line in lines:
        name = line[0]
        if name in SINGLE:
            if name in seen:
                continue
            seen.add(name)
            if name == "DTSTART":
                start_line = line
            elif name == "DTEND":
                end_line = line
            elif name == "DURATION":
                duration_value = line[2]
            elif name == "UID":
                uid = line[2].strip()
        elif name == "SUMMARY":
            title = ics.text(line[2]).strip()
    return start_line, end_line, duration_value, uid, title


def parse_times(block: ics.Block, zones: Zones) -> Parsed:
    """A VEVENT's start, end or duration read as `parse_event` reads them, and of the
    rest only its title and UID (to name it if it cannot be read): for the events
    outside the window whose first day alone is needed."""
    start_line, end_line, duration_value, uid, title = _first_times(
        ics.content_lines(block)[0])
    event = Event(uid=uid or no_uid(block.index), title=title)
    parsed = Parsed(event, block.index, None, None, None, 0, "", False, [], (), uid=event.uid)
    return _timed(parsed, block, start_line, end_line, duration_value, zones)


def no_uid(index: int) -> str:
    """The key of the `index`-th VEVENT when it has no UID (feeds made by some libraries
    leave it out): its position, so that each such event stays an event of its own."""
    return f"(no UID: event {index})"


_PEEKED = (b"DTSTA", b"DTEND", b"RRULE", b"RDATE", b"RECUR", b"EXDAT", b"DURAT")


def outside_window(block: ics.Block, low: dt.date, high: dt.date) -> dt.date | None:
    """The first day of a single, well-formed event that cannot touch [low, high], so
    that it need not be read at all; None for anything else (read it)."""
    start = end = ""
    lines = block.peek(_PEEKED)
    if lines is None:
        lines = block.lines
    for line in lines:
        head = line[:5]
        if head == "DTSTA" and line[5:8] in ("RT:", "RT;"):
            start = line
        elif head == "DTEND" and line[5:6] in (":", ";"):
            end = line
        elif head in ("RRULE", "RDATE", "RECUR", "EXDAT", "DURAT"):
            return None  # recurring, or its end needs reading
    if not start or not block.closed:
        return None
    first = _day(start)
    if first is None:
        return None
    if first > high:
        return first
    last = _day(end) if end else first
    if last is not None and first <= last < low:
        return first
    return None


def series_outside(members: list[Parsed], low: dt.date, high: dt.date) -> bool:
    """Whether no member of a recurring UID can have an occurrence touching [low, high]:
    each starts after it, or ended before it (a rule with an UNTIL, no COUNT, no RDATE).
    Such a series (a past year's, say) need not be expanded at all."""
    for member in members:
        if member.start is None:
            return False
        first = _date_of(member.start.value)
        length = 0
        if member.end is not None:
            length = max((_date_of(member.end.value) - first).days, 0)
        elif member.duration is not None:
            length = max(member.duration.days, 0) + 1
        if first > high:
            if any(name == "RDATE" for name, _, _ in member.lines):
                return False  # an RDATE may come before DTSTART
            continue
        until = None
        for name, _, value in member.lines:
            if name == "RDATE":
                return False
            if name == "RRULE":
                parts = dict(p.partition("=")[::2] for p in value.upper().split(";"))
                if "COUNT" in parts or not parts.get("UNTIL", "")[:8].isdigit():
                    return False
                found = _day(":" + parts["UNTIL"])
                if found is None:
                    return False
                until = found if until is None else max(until, found)
        try:
            last = (until if until is not None else first) + dt.timedelta(days=length)
        except OverflowError:  # it lasts to the end of time: expand it, and see
            return False
        if last >= low:
            return False
    return True


def _date_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _day(line: str) -> dt.date | None:
    return ics.day_of(line.rpartition(":")[2])


def moment(line: ics.Line, zones: Zones) -> Moment:
    """A DATE or DATE-TIME property value (RFC 5545 sections 3.3.4 and 3.3.5)."""
    name, params, value = line
    value = value.strip()
    found = ics.parameters(params) if params else {}
    try:
        if len(value) == 8 or found.get("VALUE", "").upper() == "DATE":
            return Moment(dt.date(int(value[:4]), int(value[4:6]), int(value[6:8])))
        if len(value) < 15 or value[8] not in "Tt":
            raise ValueError(value)
        naive = dt.datetime(int(value[:4]), int(value[4:6]), int(value[6:8]),
                            int(value[9:11]), int(value[11:13]), int(value[13:15]))
    except ValueError:
        raise BadValue(f"unreadable {name}") from None
    if value[15:].upper() == "Z":
        return Moment(naive.replace(tzinfo=UTC))
    if len(value) > 15:
        raise BadValue(f"unreadable {name}")
    tzid = found.get("TZID", "")
    if not tzid:
        return Moment(naive, floating=True)
    zone = zones.lookup(tzid)
    if zone is None:
        return Moment(naive, floating=True, unknown_zone=tzid)
    return Moment(naive.replace(tzinfo=zone))


def duration(value: str) -> dt.timedelta:
    """A DURATION value such as PT1H30M or P1D (RFC 5545 section 3.3.6)."""
    from icalendar.prop import vDuration

    try:
        found = vDuration.from_ical(value.strip())
    except (ValueError, TypeError, OverflowError):
        raise BadValue("unreadable DURATION") from None
    if not isinstance(found, dt.timedelta):
        raise BadValue("unreadable DURATION")
    return found


def _integer(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return 0


def _utc_stamp(value: str) -> dt.datetime | None:
    value = value.strip()
    if len(value) != 16 or value[15] not in "Zz":
        return None
    try:
        return dt.datetime(int(value[:4]), int(value[4:6]), int(value[6:8]), int(value[9:11]),
                           int(value[11:13]), int(value[13:15]), tzinfo=UTC)
    except ValueError:
        return None


def _display_name(params: str) -> str:
    """The CN of an ATTENDEE's parameters ("" if none), without its quotes."""
    at = params.find(";CN=")
    if at < 0:
        at = params.upper().find(";CN=")
        if at < 0:
            return ""
    at += 4
    if params.startswith('"', at):
        end = params.find('"', at + 1)
        return params[at + 1:end if end >= 0 else len(params)].strip()
    end = params.find(";", at)
    return params[at:end if end >= 0 else len(params)].strip()
