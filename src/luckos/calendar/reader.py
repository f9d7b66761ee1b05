"""An ICS export -> the occurrences inside an audit window, and what could not be read.

The file's bytes are scanned for its components in one cheap pass (`lines`), each
event's lines decoded only when it is read; single events are read
straight from their content lines (`values`); recurring events go to
recurring-ical-events (`expand`). Events that cannot be read are skipped and counted
by reason; a file that is not a calendar at all is a `LuckError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable

from luckos.calendar import lines as ics
from luckos.calendar.events import Event, EventOccurrence, Problems, collector_paused
from luckos.calendar.expand import OUT_OF_RANGE, expand, rules_readable
from luckos.calendar.values import (
    Parsed,
    outside_window,
    parse_event,
    parse_times,
    quick_times,
    series_outside,
)
from luckos.calendar.zones import Zones, choose_zone, iana, shown
from luckos.errors import LuckError

MAX_BYTES = 512 * 1024 * 1024
# Progress callback: (stage, steps done since the last call, total steps of the stage).
Progress = Callable[[str, int, int], None]


@dataclasses.dataclass
class CalendarRead:
    """What a calendar file holds inside the audit window."""

    source: str
    calendar_name: str
    occurrences: list[EventOccurrence]
    events: int  # VEVENT components in the file
    zone: dt.tzinfo
    zone_name: str
    zone_reason: str
    me: frozenset[str]
    me_reason: str
    window: tuple[dt.date, dt.date]
    # first and last day, in `zone`, on which the events that can be read start
    span: tuple[dt.date, dt.date] | None
    problems: Problems


def read_calendar(data: ics.Data, where: str, *, window: tuple[dt.date, dt.date],
                  zone: str = "", zone_what: str = "--tz", me: tuple[str, ...] = (),
                  me_what: str = "--me", progress: Progress | None = None) -> CalendarRead:
    """Read `data` (the bytes of an ICS file named `where`) inside `window` (inclusive)."""
    if len(data) > MAX_BYTES:
        raise LuckError(f"{where}: too large to be a calendar ({len(data) // 2**20} MB; "
                        f"the limit is {MAX_BYTES // 2**20} MB)")
    with collector_paused():
        return _read(data, where, window, zone, zone_what, me, me_what, progress)


def _read(data: ics.Data, where: str, window: tuple[dt.date, dt.date], zone_asked: str,
          zone_what: str, me_asked: tuple[str, ...], me_what: str,
          progress: Progress | None) -> CalendarRead:
    low_day = window[0] - dt.timedelta(days=2)
    high_day = window[1] + dt.timedelta(days=2)
    doc = ics.scan(data, where, (low_day, high_day))
    problems = Problems()
    zones = Zones(doc.timezones)
    for tzid in zones.broken:
        problems.note(f"unreadable VTIMEZONE {tzid!r}")
    total = doc.vevents
    parsed: list[Parsed] = []
    tzids: Counter[str] = Counter()
    # single events left unread, by day: those the scan found (where their lines lie),
    # then the others in order
    outside: list[tuple[dt.date, int, ics.Block | tuple[tuple[int, int], ...]]] = [
        *doc.outside]
    mixed = False
    ticks = 250
    for block in doc.events:
        if block.index >= ticks:
            if progress is not None:
                progress("reading events", 250 * (block.index // 250 - ticks // 250 + 1),
                         total)
            ticks = block.index - block.index % 250 + 250
            if block.source is not None and block.parts:
                block.source.release(block.parts[0][0])  # the events before it are read
        day = None if block.inside or block.recurs else outside_window(block, low_day,
                                                                       high_day)
        if day is not None:
            outside.append((day, block.index, block))
            mixed = mixed or bool(doc.outside)
            continue
        item, joined = parse_event(block, zones)
        block.forget()
        if joined:
            problems.note("broken line folding (line joined to the one before)",
                          _where(item.event), joined)
        for name in item.repeated:
            problems.note(f"{name} given twice (the first one is used)", _where(item.event))
        if item.empty_rule:
            problems.note("empty RRULE (read as a single event)", _where(item.event))
        if item.problem:
            problems.skip(item.problem, _where(item.event))
        else:
            parsed.append(item)
            tzids.update(item.tzids)
    if progress is not None:
        if total >= ticks:
            progress("reading events", 250 * (total // 250 - ticks // 250 + 1), total)
        progress("reading events", total % 250, total)
    if mixed:
        outside.sort(key=lambda found: found[1])
    if not total:
        raise LuckError(f"{where}: no events in this calendar (no VEVENT)")
    if not parsed and not outside:
        raise LuckError(_none_read(where, total, problems))
    calendar_zone = doc.properties.get("X-WR-TIMEZONE", "").strip()
    if calendar_zone and iana(calendar_zone) is None:
        problems.note(f"unknown X-WR-TIMEZONE {shown(calendar_zone)} (ignored)")
    zone, zone_name, zone_reason = choose_zone(zone_asked, zone_what, calendar_zone, tzids)
    floating: dt.tzinfo = (iana(calendar_zone) if calendar_zone else None) or zone
    for item in parsed:
        unknown = next((m.unknown_zone for m in (item.start, item.end)
                        if m is not None and m.unknown_zone), "")
        if unknown:
            problems.note(f"unknown time zone {shown(unknown)} (read as local time)",
                          _where(item.event))
    singles, every_series = _by_uid(parsed, problems)
    series = {uid: members for uid, members in every_series.items()
              if not series_outside(members, low_day, high_day)}
    low = dt.datetime.combine(window[0], dt.time(0), zone)
    high = dt.datetime.combine(window[1] + dt.timedelta(days=1), dt.time(0), zone)
    occurrences: list[EventOccurrence] = []
    days: list[dt.date] = []  # the first day of every event that can be read, in `zone`
    for item in singles:
        occurrence = _single(item, floating, zone)
        if isinstance(occurrence, str):
            problems.skip(occurrence, _where(item.event))
            continue
        days.append(occurrence.start.date())
        if occurrence.start < high and (occurrence.end > low or occurrence.start >= low):
            occurrences.append(occurrence)
    step = None
    if progress is not None and series:
        def step(done: int) -> None:
            progress("expanding series", done, len(series))
    failed: set[str] = set()
    for event, start, end in expand(series, doc.properties, doc.timezones, zones, window,
                                    problems, step, failed):
        try:
            occurrence = _occurrence(event, start, end, floating, zone)
        except OverflowError:
            problems.skip(OUT_OF_RANGE, _where(event))
            continue
        if occurrence.start < high and (occurrence.end > low or occurrence.start >= low):
            occurrences.append(occurrence)
    occurrences.sort(key=lambda o: (o.start, o.end))
    for uid, members in every_series.items():
        if uid in series or rules_readable(members):
            if uid not in failed:
                days += _first_days(members, floating, zone, problems)
        else:
            problems.skip("unreadable RRULE", _where(members[0].event), len(members))
    days += _outside_days(outside, doc, zones, floating, zone, problems)
    if not days and not occurrences:
        raise LuckError(_none_read(where, total, problems))
    me, me_reason = _me(me_asked, me_what, doc.properties.get("X-WR-CALNAME", ""), parsed)
    return CalendarRead(
        source=where,
        calendar_name=ics.text(doc.properties.get("X-WR-CALNAME", "")).strip(),
        occurrences=occurrences,
        events=total,
        zone=zone,
        zone_name=zone_name,
        zone_reason=zone_reason,
        me=me,
        me_reason=me_reason,
        window=window,
        span=(min(days), max(days)) if days else None,
        problems=problems,
    )


def _where(event: Event) -> str:
    return f"{event.title or '(no title)'!r} (UID {event.uid})"


def _none_read(where: str, total: int, problems: Problems) -> str:
    reasons = ", ".join(f"{n} {r}" for r, n in problems.skipped.most_common())
    if total == 1:
        return f"{where}: its only event could not be read ({reasons})"
    return f"{where}: none of its {total} events could be read ({reasons})"


def _first_days(members: list[Parsed], floating: dt.tzinfo, zone: dt.tzinfo,
                problems: Problems) -> list[dt.date]:
    """The day, in `zone`, of each member's DTSTART (a series' first occurrence); a
    member whose first occurrence ends past the last year is skipped and counted."""
    days = []
    for member in members:
        found = _local_span(member, floating, zone) if member.start is not None else None
        if isinstance(found, tuple):
            days.append(found[0].date())
        elif found == OUT_OF_RANGE:
            problems.skip(OUT_OF_RANGE, _where(member.event))
    return days


def _outside_days(outside: list[tuple[dt.date, int, ics.Block | tuple[tuple[int, int], ...]]],
                  doc: ics.Document,
                  zones: Zones, floating: dt.tzinfo, zone: dt.tzinfo,
                  problems: Problems) -> list[dt.date]:
    """The first and last days, in `zone`, of the single events left unread.

    Their days were taken from DTSTART as written, in the event's own zone, which is up
    to two days away from `zone` (UTC-12 to UTC+14): only the events near either end
    are read, so that the span names days a window can really be chosen from (and
    one of them that cannot be read after all is skipped and counted)."""
    if not outside:
        return []
    # (by day, then by position: no two are in one place, so the lines are never compared)
    first = min(outside)[0] + dt.timedelta(days=2)
    last = max(outside)[0] - dt.timedelta(days=2)
    days = []
    for day, index, found in outside:
        if first < day < last:
            continue
        block = found if isinstance(found, ics.Block) else doc.block(index, found)
        quick = quick_times(block, zones)
        occurrence = None if quick is None else _single(quick, floating, zone)
        if not isinstance(occurrence, EventOccurrence):  # read it whole, to name it
            item = parse_times(block, zones)
            occurrence = item.problem or _single(item, floating, zone)
        block.forget()
        if isinstance(occurrence, str):
            problems.skip(occurrence, _where(item.event))
        else:
            days.append(occurrence.start.date())
    return days


def _by_uid(parsed: list[Parsed],
            problems: Problems) -> tuple[list[Parsed], dict[str, list[Parsed]]]:
    """Single events (copies of one UID resolved) and the members of each recurring UID."""
    groups: dict[str, list[Parsed]] = {}
    for item in parsed:
        groups.setdefault(item.uid, []).append(item)
    singles: list[Parsed] = []
    series: dict[str, list[Parsed]] = {}
    for uid, members in groups.items():
        if any(m.recurring for m in members):
            series[uid] = members
            continue
        if len(members) == 1:
            singles.append(members[0])
            continue
        newest = max(m.sequence for m in members)
        older = [m for m in members if m.sequence < newest]
        if older:
            problems.skip("an older version of the same UID (lower SEQUENCE)",
                          _where(older[0].event), len(older))
        by_start: dict[object, Parsed] = {}
        for member in members:
            if member.sequence < newest:
                continue
            key = member.start.value if member.start else None
            kept = by_start.get(key)
            if kept is None or member.stamp > kept.stamp:
                by_start[key] = member
        copies = len(members) - len(older) - len(by_start)
        if copies:
            problems.skip("duplicate UID (a second copy of the same event)",
                          _where(members[0].event), copies)
        if len(by_start) > 1:
            problems.note("one UID shared by events at different times (all kept)",
                          _where(members[0].event))
        singles.extend(by_start.values())
    return singles, series


def _single(item: Parsed, floating: dt.tzinfo, zone: dt.tzinfo) -> EventOccurrence | str:
    """The occurrence of a single event, or why it has none."""
    found = _local_span(item, floating, zone)
    if isinstance(found, str):
        return found
    return EventOccurrence(item.event, *found)


def _local_span(item: Parsed, floating: dt.tzinfo, zone: dt.tzinfo,
                ) -> tuple[dt.datetime, dt.datetime, bool] | str:
    """The start and end in `zone` of `_single`'s occurrence, and whether it lasts
    all day (its event is not read); or why it has none."""
    try:
        start, end = _bounds(item)
        span = (_local(start, floating, zone), _local(end, floating, zone),
                not isinstance(start, dt.datetime))
    except OverflowError:
        return OUT_OF_RANGE
    if span[1] < span[0]:
        return "ends before it starts"
    return span


def _bounds(item: Parsed) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    assert item.start is not None
    start = item.start.value
    if item.start.is_date:
        if item.end is not None:
            end_value = item.end.value
            end = end_value.date() if isinstance(end_value, dt.datetime) else end_value
        elif item.duration is not None:
            end = start + dt.timedelta(days=max(1, item.duration.days))
        else:
            end = start + dt.timedelta(days=1)
        if end <= start:
            end = start + dt.timedelta(days=1)
    elif item.end is not None:
        end = item.end.value
        if not isinstance(end, dt.datetime):
            end = dt.datetime.combine(end, dt.time(0))
    elif item.duration is not None:
        end = start + item.duration
    else:
        end = start
    return start, end


def _occurrence(event: Event, start: dt.date | dt.datetime, end: dt.date | dt.datetime,
                floating: dt.tzinfo, zone: dt.tzinfo) -> EventOccurrence:
    all_day = not isinstance(start, dt.datetime)
    return EventOccurrence(event, _local(start, floating, zone), _local(end, floating, zone),
                      all_day)


def _local(value: dt.date | dt.datetime, floating: dt.tzinfo, zone: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=floating)
        return value.astimezone(zone)
    return dt.datetime.combine(value, dt.time(0), zone)


def _me(asked: tuple[str, ...], what: str, calendar_name: str,
        parsed: list[Parsed]) -> tuple[frozenset[str], str]:
    """Your addresses: as given, else the calendar's name if it is an address (Google),
    else the address on at least half of the meetings that have attendees."""
    if asked:
        return frozenset(a.lower() for a in asked), what
    name = ics.address(ics.text(calendar_name))
    if "@" in name and " " not in name:
        return frozenset({name}), "the calendar's name (X-WR-CALNAME)"
    counts: Counter[str] = Counter()
    with_attendees = 0
    for item in parsed:
        addresses = {address for address, _ in item.event.attendees}
        if len(addresses) >= 2:
            with_attendees += 1
            counts.update(addresses)
    if counts:
        address, seen = counts.most_common(1)[0]
        tied = sorted(a for a, n in counts.items() if n == seen)
        if len(tied) > 1 and seen * 2 >= with_attendees:
            # two addresses on as many meetings: either could be yours, so neither is
            # guessed (a set's order, not the calendar, would pick one)
            return frozenset(), (f"unknown: {tied[0]} and {tied[1]} are each on {seen} of "
                                 f"{with_attendees} meetings (pass --me to say which is you)")
        if seen * 2 >= with_attendees:
            return frozenset({address}), f"on {seen} of {with_attendees} meetings"
    return frozenset(), "unknown (pass --me to read your declines)"
