"""The audit: per day and per week, what the calendar does to your attention. Pure.

How an occurrence counts (its kind):
- `meeting`: busy, timed, with at least one other person: meeting load.
- `focus`: a focus or maker block (by title): protected time, never load, and free for
  the purpose of maker blocks.
- `hold`: busy time with nobody else (a lunch, an errand): not a meeting, but not free.
- `away`: out of office, or an all-day event marked busy; a day it covers is an away day.
- not counted: `declined` (your PARTSTAT), `cancelled`, `free` (TRANSP:TRANSPARENT or
  Outlook's FREE), and `all-day` events that leave you free (birthdays, reminders).

Times are compared as instants (epoch seconds), so a day is 23 or 25 hours long on a
DST change and a meeting across the change lasts what it really lasts. Working hours
are local wall-clock times of each day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from typing import NamedTuple

from luckos.calendar.altitude import ORDER, UNCLASSIFIED, Classifier, Keywords
from luckos.calendar.events import Event, EventOccurrence
from luckos.calendar.settings import CalendarSettings
from luckos.dates import week_start as week_of
from luckos.domain.fields import ValueBase

MEETING, FOCUS, HOLD, AWAY = "meeting", "focus", "hold", "away"
NOT_COUNTED = ("declined", "cancelled", "free", "all-day")
KINDS = (MEETING, FOCUS, HOLD, AWAY, *NOT_COUNTED)
QUARTER_DAYS = 91  # 13 weeks


class Counted(NamedTuple):
    """An occurrence and how it counts; `start` and `end` in epoch seconds.

    (A named tuple: an audit makes one per occurrence, and these are made fast.)"""

    occurrence: EventOccurrence
    kind: str
    start: float
    end: float
    altitude: str = ""  # meetings only
    rule: str = ""  # the altitude rule that decided
    people: int = 0

    @property
    def hours(self) -> float:
        return 0.0 if self.occurrence.all_day else (self.end - self.start) / 3600


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class DayFigures(ValueBase):
    """One day of the window: its meetings, its free and maker blocks, its fragments and
    its switches of altitude."""

    day: dt.date
    workday: bool
    away: bool
    meeting_hours: float  # time covered by at least one meeting
    meetings: int  # meetings that start this day
    focus_hours: float
    free_blocks: tuple[tuple[dt.datetime, dt.datetime], ...]  # inside working hours
    maker_blocks: int  # free blocks of at least maker_block_hours
    long_blocks: int  # free blocks of at least maker_day_hours
    longest_block_hours: float
    fragments: int  # free gaps shorter than fragment_minutes
    fragmented_hours: float
    switches: int  # changes of altitude between consecutive meetings
    min_switches: int  # the same meetings clustered by altitude
    altitudes: tuple[str, ...]  # the altitudes of the day's placed meetings, in order
    altitude_hours: dict[str, float]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class WeekSummary(ValueBase):
    """One week of the audit (the operating loop reads these)."""

    week_start: dt.date
    days: int  # days of this week inside the window
    meeting_hours: float
    meetings: int
    maker_blocks: int
    long_blocks: int
    fragmented_hours: float
    context_switches: int
    focus_hours: float
    maker_day: dt.date | None
    maker_day_state: str  # kept, lost, away, not a workday, outside the window
    maker_day_kept: bool
    altitude_hours: dict[str, float]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Audit(ValueBase):
    """A calendar audited over a window: the meetings counted, each day's and each week's
    figures, the kinds of meeting and the week's heat map."""

    window: tuple[dt.date, dt.date]
    zone: dt.tzinfo
    me: frozenset[str]
    settings: CalendarSettings
    maker_weekday: int
    counted: list[Counted]
    days: list[DayFigures]
    weeks: list[WeekSummary]
    kinds: Counter[str]
    heat: list[list[float]]  # [weekday][hour]: average meeting minutes per week

    @property
    def window_days(self) -> int:
        return (self.window[1] - self.window[0]).days + 1

    @property
    def per_quarter(self) -> float:
        """Multiply a figure over the window by this to get it per quarter (13 weeks)."""
        return QUARTER_DAYS / self.window_days


def audit(occurrences: list[EventOccurrence], *, window: tuple[dt.date, dt.date], zone: dt.tzinfo,
          me: frozenset[str], settings: CalendarSettings, week_start: int = 0,
          maker_weekday: int = 2) -> Audit:
    """Audit the occurrences that fall in `window` (inclusive), read in `zone`."""
    counted = classify(occurrences, settings, me)
    days = _days(counted, window, zone, settings)
    weeks = _weeks(days, window, week_start, maker_weekday, settings)
    kinds = Counter(c.kind for c in counted)
    return Audit(window, zone, me, settings, maker_weekday, counted, days, weeks, kinds,
                 _heat(counted, window, zone))


def classify(occurrences: list[EventOccurrence], settings: CalendarSettings,
             me: frozenset[str]) -> list[Counted]:
    focus = Keywords(settings.focus_keywords)
    away = Keywords(settings.away_keywords)
    places = Classifier(settings, me)
    known: dict[int, tuple[str, str, str, str, int]] = {}
    result: list[Counted] = []
    append = result.append
    day = 24 * 3600
    for occurrence in occurrences:
        event = occurrence.event
        facts = known.get(id(event))
        if facts is None:
            timed, long = _kinds(event, me, focus, away)
            altitude = rule = ""
            if timed == MEETING:
                placed = places.place(event)
                altitude, rule = placed.altitude, placed.rule
            facts = known[id(event)] = (timed, long, altitude, rule, event.people(me))
        start, end = occurrence.start.timestamp(), occurrence.end.timestamp()
        if occurrence.all_day or end - start >= day:
            append(Counted(occurrence, facts[1], start, end))
        else:
            append(Counted(occurrence, facts[0], start, end, *facts[2:]))
    return result


def _kinds(event: Event, me: frozenset[str], focus: Keywords,
           away: Keywords) -> tuple[str, str]:
    """How an event counts: (as a timed occurrence, as an all-day or 24 h+ occurrence)."""
    if event.status == "CANCELLED":
        return "cancelled", "cancelled"
    if me and event.partstat_of(me) in ("DECLINED", "DELEGATED"):
        return "declined", "declined"
    title = event.title
    away_word = away.search(title) is not None
    free = event.transparent or event.busy_status == "FREE"
    out = away_word or event.busy_status == "OOF"
    long = AWAY if out or not free else "all-day"
    if focus.search(title):
        return FOCUS, long
    if free:
        return "free", long
    if out:
        return AWAY, long
    if not event.attendees:
        if not event.organizer or not me or event.organizer in me:
            return HOLD, long
    elif event.others(me) == 0:
        return HOLD, long
    return MEETING, long


def _at(day: dt.date, minutes: int, zone: dt.tzinfo) -> float:
    """Epoch seconds of a local wall-clock time of `day` (24:00 is the next midnight)."""
    if minutes >= 24 * 60:
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), zone).timestamp()
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), zone).timestamp()


def _union(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _clip(intervals: list[tuple[float, float]], low: float,
          high: float) -> list[tuple[float, float]]:
    return [(max(s, low), min(e, high)) for s, e in intervals if e > low and s < high]


def _length(intervals: list[tuple[float, float]]) -> float:
    return sum(e - s for s, e in intervals)


def _days(counted: list[Counted], window: tuple[dt.date, dt.date], zone: dt.tzinfo,
          settings: CalendarSettings) -> list[DayFigures]:
    first, last = window
    count = (last - first).days + 1
    midnights = [_at(first + dt.timedelta(days=i), 0, zone) for i in range(count + 1)]
    touching: dict[int, list[tuple[Counted, float, float]]] = defaultdict(list)
    starting: dict[int, list[tuple[Counted, float, float]]] = defaultdict(list)
    away_days: set[int] = set()
    for item in counted:
        if item.kind in NOT_COUNTED:
            continue
        occurrence = item.occurrence
        start_day = (occurrence.start.date() - first).days
        if item.kind == AWAY and occurrence.all_day:
            end_day = (occurrence.end.date() - first).days
            away_days.update(range(max(start_day, 0), min(end_day, count)))
            continue
        s, e = item.start, item.end
        if 0 <= start_day < count:
            starting[start_day].append((item, s, e))
        last_day = (occurrence.end.date() - first).days
        if occurrence.end.time() == dt.time(0) and last_day > start_day:
            last_day -= 1
        for index in range(max(start_day, 0), min(last_day, count - 1) + 1):
            touching[index].append((item, s, e))
    work_start, work_end = settings.work_minutes
    workdays = settings.workday_indexes
    block_seconds = settings.maker_block_hours * 3600
    long_seconds = settings.maker_day_hours * 3600
    fragment_seconds = settings.fragment_minutes * 60
    result = []
    for index in range(count):
        day = first + dt.timedelta(days=index)
        low, high = midnights[index], midnights[index + 1]
        items = touching.get(index, [])
        meetings = [(s, e) for item, s, e in items if item.kind == MEETING]
        meeting_union = _clip(_union(meetings), low, high)
        focus = _clip(_union([(s, e) for item, s, e in items if item.kind == FOCUS]), low, high)
        workday = day.weekday() in workdays
        open_at, close_at = _at(day, work_start, zone), _at(day, work_end, zone)
        if workday and index not in away_days:
            for item, s, e in items:
                if item.kind == AWAY and s <= open_at and e >= close_at:
                    away_days.add(index)
        away = index in away_days
        blocks: list[tuple[float, float]] = []
        if workday and not away:
            busy = _clip(_union([(s, e) for item, s, e in items if item.kind != FOCUS]),
                         open_at, close_at)
            cursor = open_at
            for s, e in busy:
                if s > cursor:
                    blocks.append((cursor, s))
                cursor = max(cursor, e)
            if cursor < close_at:
                blocks.append((cursor, close_at))
        lengths = [e - s for s, e in blocks]
        short = [n for n in lengths if n < fragment_seconds]
        today = sorted(starting.get(index, []), key=lambda x: (x[1], x[2]))
        sequence = tuple(item.altitude for item, _, _ in today
                         if item.kind == MEETING and item.altitude != UNCLASSIFIED)
        switches = sum(1 for a, b in zip(sequence, sequence[1:], strict=False) if a != b)
        altitude_hours: dict[str, float] = {}
        for item, s, e in items:
            if item.kind == MEETING:
                share = (min(e, high) - max(s, low)) / 3600
                altitude_hours[item.altitude] = altitude_hours.get(item.altitude, 0.0) + share
        result.append(DayFigures(
            day=day,
            workday=workday,
            away=away,
            meeting_hours=_length(meeting_union) / 3600,
            meetings=sum(1 for item, _, _ in today if item.kind == MEETING),
            focus_hours=_length(focus) / 3600,
            free_blocks=tuple((dt.datetime.fromtimestamp(s, zone),
                               dt.datetime.fromtimestamp(e, zone)) for s, e in blocks),
            maker_blocks=sum(1 for n in lengths if n >= block_seconds),
            long_blocks=sum(1 for n in lengths if n >= long_seconds),
            longest_block_hours=max(lengths, default=0.0) / 3600,
            fragments=len(short),
            fragmented_hours=sum(short) / 3600,
            switches=switches,
            min_switches=max(len(set(sequence)) - 1, 0),
            altitudes=sequence,
            altitude_hours=altitude_hours,
        ))
    return result


def _weeks(days: list[DayFigures], window: tuple[dt.date, dt.date], week_start: int,
           maker_weekday: int, settings: CalendarSettings) -> list[WeekSummary]:
    grouped: dict[dt.date, list[DayFigures]] = {}
    for figures in days:
        grouped.setdefault(week_of(figures.day, week_start), []).append(figures)
    weeks = []
    for start, members in grouped.items():
        maker_day = start + dt.timedelta(days=(maker_weekday - week_start) % 7)
        found = next((f for f in members if f.day == maker_day), None)
        if found is None:
            state = "outside the window"
        elif not found.workday:
            state = "not a workday"
        elif found.away:
            state = "away"
        elif found.longest_block_hours >= settings.maker_day_hours:
            state = "kept"
        else:
            state = "lost"
        altitude_hours: dict[str, float] = {}
        for figures in members:
            for altitude, hours in figures.altitude_hours.items():
                altitude_hours[altitude] = altitude_hours.get(altitude, 0.0) + hours
        weeks.append(WeekSummary(
            week_start=start,
            days=len(members),
            meeting_hours=sum(f.meeting_hours for f in members),
            meetings=sum(f.meetings for f in members),
            maker_blocks=sum(f.maker_blocks for f in members),
            long_blocks=sum(f.long_blocks for f in members),
            fragmented_hours=sum(f.fragmented_hours for f in members),
            context_switches=sum(f.switches for f in members),
            focus_hours=sum(f.focus_hours for f in members),
            maker_day=maker_day if found is not None else None,
            maker_day_state=state,
            maker_day_kept=state == "kept",
            altitude_hours={a: altitude_hours[a] for a in ORDER if a in altitude_hours},
        ))
    return weeks


def _heat(counted: list[Counted], window: tuple[dt.date, dt.date],
          zone: dt.tzinfo) -> list[list[float]]:
    """Average meeting minutes per week in each weekday's hour (local clock)."""
    minutes = [[0.0] * 24 for _ in range(7)]
    low = dt.datetime.combine(window[0], dt.time(0), zone).timestamp()
    high = dt.datetime.combine(window[1] + dt.timedelta(days=1), dt.time(0), zone).timestamp()
    spans = _clip(_union([(c.start, c.end) for c in counted if c.kind == MEETING]), low, high)
    for start, end in spans:
        cursor = start
        while cursor < end:
            local = dt.datetime.fromtimestamp(cursor, zone)
            into_hour = local.minute * 60 + local.second + local.microsecond / 1e6
            stop = min(end, cursor + 3600 - into_hour)
            minutes[local.weekday()][local.hour] += (stop - cursor) / 60
            cursor = stop
    weekdays = Counter((window[0] + dt.timedelta(days=i)).weekday()
                       for i in range((window[1] - window[0]).days + 1))
    return [[m / weekdays[w] if weekdays[w] else 0.0 for m in row]
            for w, row in enumerate(minutes)]
