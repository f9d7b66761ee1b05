"""Plain series expanded with dateutil alone, the way recurring-ical-events expands them.

Most series of an export are a daily or weekly rule in one zone of the time zone
database, with a few EXDATEs and a few occurrences moved or cancelled (RECURRENCE-ID).
Their occurrences are worked out here, following recurring-ical-events 3.8 step by step
(the same rule library and the same stretch of the rule, EXDATEs and overrides matched
by their time in UTC and their local time, the same test of the span), so that
icalendar and recurring-ical-events (about 50 ms to load, and their parse of the series'
text) are needed only for the other series. Anything else about a series (another
frequency, BYMONTH, RDATE, a date, a floating or UTC time, another zone in one series,
RANGE, DURATION, a value written another way) sends it to the library, as before.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from luckos.calendar.events import Event
from luckos.calendar.values import Parsed
from luckos.calendar.zones import Zones, listed

_LOCAL = re.compile(r"\d{8}T\d{6}")
_UNTIL = re.compile(r"\d{8}T\d{6}Z")
_DAYS = frozenset({"MO", "TU", "WE", "TH", "FR", "SA", "SU"})
_MASTER = frozenset({"UID", "DTSTART", "DTEND", "SEQUENCE", "RRULE", "EXDATE"})
_OVERRIDE = frozenset({"UID", "DTSTART", "DTEND", "SEQUENCE", "RECURRENCE-ID"})
Occurrence = tuple[Event, dt.datetime, dt.datetime]


class _Change:
    """An override (RECURRENCE-ID) as recurring-ical-events sees it."""

    __slots__ = ("ids", "sequence", "start", "end")

    def __init__(self, ids: tuple[dt.datetime, dt.datetime], sequence: int,
                 start: dt.datetime, end: dt.datetime) -> None:
        self.ids = ids
        self.sequence = sequence
        self.start = start
        self.end = end


class Plain:
    """A series that can be expanded here: its master's rule, start, length and EXDATEs,
    and its overrides."""

    def __init__(self, start: dt.datetime, end: dt.datetime, rule: dict[str, str],
                 until: dt.datetime | None, exdates: list[dt.datetime],
                 changes: list[_Change]) -> None:
        self.start = start
        self.end = end
        self.rule = rule  # the rule's parts, as `_rule` read them
        self.until = until
        self.exdates = exdates
        self.changes = changes


def plain(members: list[Parsed], rule: str, zones: Zones) -> Plain | None:
    """The series `members` (those recurring-ical-events would be given; `rule` is the
    master's RRULE as given to it) if it is plain enough to expand here, else None."""
    master = None
    zone = None
    changes: list[tuple[Parsed, str]] = []
    for member in members:
        ids = [value for name, _, value in member.lines if name == "RECURRENCE-ID"]
        if ids:
            if len(ids) > 1:
                return None
            changes.append((member, ids[0]))
        elif master is not None:
            return None
        else:
            master = member
    if master is None:
        return None
    zone, start, end, master_rest = _times(master, _MASTER, zone, zones)
    if zone is None or start is None or end is None:
        return None
    exdates: list[dt.datetime] = []
    rules = 0
    for name, params, value in master_rest:
        if name == "RRULE":
            rules += 1
        elif name == "EXDATE":
            if params != f";TZID={zone.key}":
                return None
            for part in value.split(","):
                when = _local(part, zone)
                if when is None:
                    return None
                exdates.append(when)
    if rules != 1:
        return None
    parts = _rule(rule)
    if parts is None:
        return None
    until = _until(parts)
    if until is False:
        return None
    found: list[_Change] = []
    for member, rid in changes:
        moved_zone, moved_start, moved_end, rest = _times(member, _OVERRIDE, zone, zones)
        if moved_zone is not zone or moved_start is None or moved_end is None:
            return None
        recurrence = [params for name, params, _ in rest if name == "RECURRENCE-ID"]
        original = _local(rid, zone)
        if recurrence != [f";TZID={zone.key}"] or original is None:
            return None
        sequence = _sequence(member)
        if sequence is None:
            return None
        keys = (original.astimezone(dt.UTC).replace(tzinfo=None),
                original.replace(tzinfo=None))
        found.append(_Change(keys, sequence, moved_start, moved_end))
    if _sequence(master) is None:
        return None
    return Plain(start, end, parts, until if isinstance(until, dt.datetime) else None,
                 exdates, found)


def _times(member: Parsed, allowed: frozenset[str], zone: ZoneInfo | None, zones: Zones,
           ) -> tuple[Any, dt.datetime | None, dt.datetime | None, list[tuple[str, str, str]]]:
    """(zone, start, end, the other lines) of a member whose DTSTART and DTEND are local
    times of one database zone, written plainly; (None, ...) otherwise."""
    start = end = None
    rest = []
    for line in member.lines:
        name, params, value = line
        if name not in allowed:
            return None, None, None, []
        if name in ("DTSTART", "DTEND"):
            if not params.startswith(";TZID=") or ";" in params[1:] or '"' in params:
                return None, None, None, []
            tzid = params[6:]
            if zone is None:
                if not listed(tzid):
                    return None, None, None, []
                found = zones.lookup(tzid)
                if not isinstance(found, ZoneInfo) or found.key != tzid:
                    return None, None, None, []
                zone = found
            elif tzid != zone.key:
                return None, None, None, []
            when = _local(value, zone)
            if when is None:
                return None, None, None, []
            if name == "DTSTART":
                start = when
            else:
                end = when
        else:
            rest.append(line)
    if start is None or end is None or end < start:
        return None, None, None, []
    return zone, start, end, rest


def _local(value: str, zone: ZoneInfo) -> dt.datetime | None:
    if _LOCAL.fullmatch(value) is None:
        return None
    try:
        return dt.datetime(int(value[:4]), int(value[4:6]), int(value[6:8]), int(value[9:11]),
                           int(value[11:13]), int(value[13:15]), tzinfo=zone)
    except ValueError:
        return None


def _sequence(member: Parsed) -> int | None:
    """SEQUENCE as recurring-ical-events reads it (-1 when absent); None if odd."""
    found = [value for name, _, value in member.lines if name == "SEQUENCE"]
    if not found:
        return -1
    if len(found) > 1 or not found[0].isdigit() or not found[0].isascii():
        return None
    return int(found[0])


def _rule(rule: str) -> dict[str, str] | None:
    """The parts of a plain daily or weekly rule; None for any other rule."""
    keys: dict[str, str] = {}
    for part in rule.split(";"):
        key, equals, value = part.partition("=")
        if not equals or key in keys:
            return None
        keys[key] = value
    if keys.get("FREQ") not in ("DAILY", "WEEKLY") or not set(keys) <= {
            "FREQ", "INTERVAL", "BYDAY", "WKST", "UNTIL", "COUNT"}:
        return None
    if "UNTIL" in keys and "COUNT" in keys:
        return None
    for key in ("INTERVAL", "COUNT"):
        if key in keys and not (keys[key].isascii() and keys[key].isdigit()
                                and 0 < int(keys[key]) < 1000 and keys[key][0] != "0"):
            return None
    if "BYDAY" in keys and not set(keys["BYDAY"].split(",")) <= _DAYS:
        return None
    if "WKST" in keys and keys["WKST"] not in _DAYS:
        return None
    return keys


def _until(keys: dict[str, str]) -> dt.datetime | None | bool:
    """The UNTIL of a plain rule (None without one); False if it is not written plainly."""
    if "UNTIL" not in keys:
        return None
    until = keys["UNTIL"]
    if _UNTIL.fullmatch(until) is None:
        return False
    try:
        return dt.datetime(int(until[:4]), int(until[4:6]), int(until[6:8]), int(until[9:11]),
                           int(until[11:13]), int(until[13:15]), tzinfo=dt.UTC)
    except ValueError:
        return False


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _recurrence(series: Plain, low: dt.datetime) -> Any:
    """The series' rule as dateutil's `rrulestr` reads it from the text (the same rule,
    made without parsing its text), started as near to `low` as gives the same
    occurrences from `low` on: whole periods of the rule after DTSTART, a week short of
    `low`, when no COUNT counts them from DTSTART."""
    from dateutil.rrule import DAILY, WEEKLY, rrule, weekdays

    keys = series.rule
    interval = int(keys.get("INTERVAL", "1"))
    daily = keys["FREQ"] == "DAILY"
    start = series.start
    if "COUNT" not in keys:
        period = interval if daily else 7 * interval
        periods = ((low.date() - start.date()).days - 8) // period
        if periods > 0:
            start = start + dt.timedelta(days=periods * period)
    return rrule(
        DAILY if daily else WEEKLY, dtstart=start, interval=interval,
        wkst=_WEEKDAYS.index(keys["WKST"]) if "WKST" in keys else None,
        count=int(keys["COUNT"]) if "COUNT" in keys else None, until=series.until,
        byweekday=[weekdays[_WEEKDAYS.index(day)] for day in keys["BYDAY"].split(",")]
        if "BYDAY" in keys else None, cache=True)


def between(series: Plain, first: dt.date, last: dt.date) -> list[tuple[int, dt.datetime,
                                                                        dt.datetime]]:
    """The occurrences recurring-ical-events gives of `series` between the days `first`
    and `last` (its `Series.between`), in its order: (-1 for the master or the index of
    the override, start, end)."""
    start, end = series.start, series.end
    zone = start.tzinfo
    length = end - start
    # the changes by each of their ids, the highest SEQUENCE kept (the first of equals)
    by_id: dict[dt.datetime, int] = {}
    for index, change in enumerate(series.changes):
        for key in change.ids:
            kept = by_id.get(key)
            if kept is None or change.sequence > series.changes[kept].sequence:
                by_id[key] = index
    used = set(by_id.values())
    excluded: set[Any] = set()
    for exdate in series.exdates:
        excluded.update((exdate.astimezone(dt.UTC).replace(tzinfo=None),
                         exdate.replace(tzinfo=None)))
    excluded.update(series.exdates)
    low = dt.datetime.combine(first - length, dt.time(0), zone)
    rule = _recurrence(series, low)
    high = dt.datetime.combine(last, dt.time(0), zone)
    # DTSTART, always an occurrence (recurring-ical-events adds it as an RDATE of a rule
    # set, whose `between` gives it when it lies between the two, ends included)
    alone = [start] if (series.until is None or not start > series.until) and (
        low <= start <= high) else []
    span_low = dt.datetime.combine(first, dt.time(0), zone)
    span_high = high
    found: list[tuple[int, dt.datetime, dt.datetime]] = []
    returned: set[dt.datetime] = set()
    returned_changes: set[int] = set()
    for source in (alone, rule.between(low, high, inc=True)):
        for when in source:
            if series.until is not None and source is not alone and when > series.until:
                continue
            ids = (when.astimezone(dt.UTC).replace(tzinfo=None), when.replace(tzinfo=None))
            if when in returned or excluded & set(ids):
                continue
            index = -1
            for key in ids:
                index = by_id.get(key, index)
            if index < 0:
                returned.add(when)
                occurrence = (-1, when, when + length)
            else:
                if index in returned_changes:
                    continue
                returned_changes.add(index)
                change = series.changes[index]
                occurrence = (index, change.start, change.end)
            if _in_span(span_low, span_high, occurrence[1], occurrence[2]):
                found.append(occurrence)
    for index in sorted(used - returned_changes):
        change = series.changes[index]
        if excluded & set(change.ids):
            continue
        if _in_span(span_low, span_high, change.start, change.end):
            found.append((index, change.start, change.end))
    return found


def _in_span(low: dt.datetime, high: dt.datetime, start: dt.datetime,
             end: dt.datetime) -> bool:
    if start == end:
        return low <= start < high
    return start < high and low < end
