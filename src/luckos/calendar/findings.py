"""Findings a person can act on this week, each with the hours it costs per quarter. Pure.

The essay's compiler: eliminate dead code (status theater), memoize what should be
memoized (the most expensive recurring series), cluster by altitude (mixed days), send
the pre-read 24 hours ahead, and reserve one maker day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from luckos.calendar.altitude import Keywords
from luckos.calendar.audit import MEETING, Audit, Counted, _at, _clip, _length, _union
from luckos.calendar.events import Event
from luckos.calendar.settings import ALTITUDES, Slot
from luckos.dates import WEEKDAYS
from luckos.domain.fields import ValueBase

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+\S", re.MULTILINE)
TOP = 5


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class SeriesCost(ValueBase):
    """A recurring meeting and what it costs."""

    uid: str
    title: str
    occurrences: int
    cadence: str
    people: int
    altitude: str
    hours_per_quarter: float  # yours
    person_hours_per_quarter: float  # everyone's
    organizer: str


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class PrereadGap(ValueBase):
    """A meeting (or a series) of several people with no document to read first."""

    uid: str
    title: str
    occurrences: int
    people: int
    recurring: bool
    hours_per_quarter: float
    first: dt.date


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class MixedDay(ValueBase):
    """A day whose meetings switch altitude, and the hours clustering them would save."""

    day: dt.date
    altitudes: tuple[str, ...]  # in meeting order
    switches: int
    clustered: int  # switches left after clustering by altitude
    hours_lost: float  # saved switches times the switch cost


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class WeekdayLoad(ValueBase):
    """The average meeting load of one weekday over the window."""

    weekday: int
    days: int  # days of this weekday in the window, away days left out
    meeting_hours: float  # average per day
    movable_hours: float  # average per day: you organize it, or it is a 1:1


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class MakerDayProposal(ValueBase):
    """The weekday to protect as the maker day, against the one in luck.toml."""

    weekday: int
    name: str
    load: WeekdayLoad
    hours_to_move_per_quarter: float
    current: int  # the maker day in luck.toml
    current_kept: int  # weeks it was kept
    current_weeks: int  # weeks it could have been kept (a workday in the window, not away)
    loads: tuple[WeekdayLoad, ...]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class AltitudeBalance(ValueBase):
    """Where the classified meeting hours sit: "plateau when they only live at one altitude"."""

    hours: dict[str, float]  # classified meeting hours in the window, per altitude
    limit: float  # [calendar] altitude_max_share
    dominant: str | None  # the altitude holding more than `limit` of them, if one does
    business_absent: bool  # no classified hour at business altitude

    @property
    def total(self) -> float:
        return sum(self.hours.values())

    def share(self, altitude: str) -> float:
        return self.hours.get(altitude, 0.0) / self.total if self.total else 0.0

    @property
    def finding(self) -> bool:
        return self.dominant is not None or self.business_absent


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class NormBreak(ValueBase):
    """A schedule norm the calendar broke: meetings where the norm says there are none."""

    norm: str  # maker-day | no-meeting-hours | office-hours
    label: str  # "Wednesday", "12:00-13:00 every workday"
    hours: float  # in the window
    hours_per_quarter: float
    days: int  # days it was broken
    of_days: int  # days the norm applied (workdays, not away)
    titles: tuple[str, ...]  # the meetings that broke it, the most hours first


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Findings(ValueBase):
    """What the audit found: status theater, pre-read gaps, expensive series, mixed
    days, the maker day, the altitudes and the broken norms."""

    status_theater: list[SeriesCost]
    status_theater_hours: float  # per quarter, yours
    preread_gaps: list[PrereadGap]
    preread_meetings: int
    preread_hours: float  # per quarter
    late_prereads: int  # single meetings whose link came in the last 24 hours (LAST-MODIFIED)
    expensive_series: list[SeriesCost]
    mixed_days: list[MixedDay]
    mixed_hours: float  # per quarter
    maker_day: MakerDayProposal | None
    altitudes: AltitudeBalance | None = None  # None: no meeting was classified
    norm_breaks: tuple[NormBreak, ...] = ()


class _DescriptionCues:
    """What a description says: agenda, document links, a decision. Cached per event."""

    def __init__(self, audit: Audit) -> None:
        settings = audit.settings
        self._ignore = tuple(settings.link_ignore_domains)
        self._agenda = Keywords(settings.agenda_words)
        self._decision = Keywords(settings.decision_words)
        self._cache: dict[int, tuple[bool, bool, bool]] = {}
        self._texts: dict[tuple[str, ...], tuple[bool, bool, bool]] = {}
        self._hosts: dict[str, str] = {}

    def of(self, event: Event) -> tuple[bool, bool, bool]:
        """(has an agenda, has a document link, names a decision)."""
        found = self._cache.get(id(event))
        if found is None:
            key = (event.title, event.description, event.location, event.url,
                   *event.attachments)
            found = self._texts.get(key)
            if found is None:
                text = event.description
                agenda = bool(self._agenda.search(text) or len(_LIST_ITEM.findall(text)) >= 2)
                decision = bool(self._decision.search(text)
                                or self._decision.search(event.title))
                found = self._texts[key] = (agenda, bool(self.links(event)), decision)
            self._cache[id(event)] = found
        return found

    def links(self, event: Event) -> list[str]:
        """Links to documents: video-call and help links are not documents."""
        text = " ".join((event.description, event.location, event.url))
        candidates = _URL.findall(text) if "://" in text else []
        candidates += [a for a in event.attachments if "://" in a]
        return [url for url in candidates if not self._ignored(url)]

    def _ignored(self, url: str) -> bool:
        host = self._hosts.get(url)
        if host is None:
            try:
                host = self._hosts[url] = (urlsplit(url).hostname or "").lower()
            except ValueError:
                return True
        return any(host == d or host.endswith("." + d) for d in self._ignore)


def find(audit: Audit) -> Findings:
    cues = _DescriptionCues(audit)
    factor = audit.per_quarter
    meetings = [c for c in audit.counted if c.kind == MEETING]
    series = _series(meetings, audit, factor)
    theater = []
    for cost, members in series:
        if cost.people < audit.settings.status_min_people or cost.occurrences < 2:
            continue
        if not any(any(cues.of(e)) for e in {id(c.occurrence.event): c.occurrence.event
                                                for c in members}.values()):
            theater.append(cost)
    theater.sort(key=lambda s: -s.person_hours_per_quarter)
    gaps, gap_meetings, gap_hours, late = _preread(meetings, audit, cues, factor)
    mixed = _mixed_days(audit)
    return Findings(
        status_theater=theater,
        status_theater_hours=sum(s.hours_per_quarter for s in theater),
        preread_gaps=gaps,
        preread_meetings=gap_meetings,
        preread_hours=gap_hours,
        late_prereads=late,
        expensive_series=sorted((c for c, _ in series),
                                key=lambda s: -s.person_hours_per_quarter)[:TOP],
        mixed_days=mixed,
        mixed_hours=sum(m.hours_lost for m in mixed) * factor,
        maker_day=_maker_day(audit, meetings),
        altitudes=_altitudes(meetings, audit.settings.altitude_max_share),
        norm_breaks=tuple(norm_breaks(audit, meetings)),
    )


def _altitudes(meetings: list[Counted], limit: float) -> AltitudeBalance | None:
    hours = {a: sum(m.hours for m in meetings if m.altitude == a) for a in ALTITUDES}
    total = sum(hours.values())
    if total <= 0:
        return None
    dominant = next((a for a in ALTITUDES if hours[a] / total > limit), None)
    return AltitudeBalance(hours, limit, dominant, hours["business"] <= 0)


_OFFICE_HOURS = Keywords(("office hours", "office hour", "drop-in", "drop in"))


def norm_breaks(audit: Audit, meetings: list[Counted]) -> list[NormBreak]:
    """Each norm of luck.toml the window's meetings broke, with the hours they took: the
    maker day (any meeting that day), no-meeting hours (any meeting inside them) and
    office hours (another meeting booked over them). Only workdays you were in count."""
    settings, zone = audit.settings, audit.zone
    present = [d.day for d in audit.days if d.workday and not d.away]
    by_day: dict[dt.date, list[Counted]] = defaultdict(list)
    for item in meetings:
        if not item.occurrence.all_day:
            by_day[dt.datetime.fromtimestamp(item.start, zone).date()].append(item)
    maker = WEEKDAYS[audit.maker_weekday]
    norms: list[tuple[str, str, Slot, bool]] = [
        ("maker-day", maker.capitalize(), Slot((maker,), "00:00", "24:00"), False)]
    norms += [("no-meeting-hours", s.label(), s, False) for s in settings.no_meeting_hours]
    norms += [("office-hours", s.label(), s, True) for s in settings.office_hours]
    found = []
    for norm, label, slot, skip_office in norms:
        days = [d for d in present if not slot.days or WEEKDAYS[d.weekday()] in slot.days]
        low_minutes, high_minutes = slot.minutes
        seconds, broken = 0.0, 0
        titles: dict[str, float] = defaultdict(float)
        for day in days:
            low, high = _at(day, low_minutes, zone), _at(day, high_minutes, zone)
            items = [m for m in by_day.get(day, ()) if m.end > low and m.start < high
                     and not (skip_office and _OFFICE_HOURS.search(m.occurrence.event.title))]
            if not items:
                continue
            covered = _length(_clip(_union([(m.start, m.end) for m in items]), low, high))
            if covered <= 0:
                continue
            broken += 1
            seconds += covered
            for m in items:
                titles[m.occurrence.event.title or "(no title)"] += min(m.end, high) - max(
                    m.start, low)
        if broken:
            hours = seconds / 3600
            found.append(NormBreak(norm, label, hours, hours * audit.per_quarter, broken,
                                   len(days), tuple(sorted(titles, key=lambda t: -titles[t])[:3])))
    return found


def cadence(days: list[dt.date]) -> str:
    """How often a series meets, from the days of its occurrences in the window
    (cancelled and declined ones too: they show the rhythm)."""
    days = sorted(set(days))
    if len(days) < 2:
        return "once in the window"
    gaps = sorted((b - a).days for a, b in zip(days, days[1:], strict=False))
    gap = gaps[len(gaps) // 2]
    if gap <= 1:
        return "daily"
    if gap <= 4:
        weeks = max((days[-1] - days[0]).days / 7, 1)
        return f"{round(len(days) / weeks)}x a week"
    if gap <= 10:
        return "weekly"
    if gap <= 20:
        return "every 2 weeks"
    if gap <= 45:
        return "monthly"
    return f"every {round(gap / 7)} weeks"


def _series(meetings: list[Counted], audit: Audit,
            factor: float) -> list[tuple[SeriesCost, list[Counted]]]:
    grouped: dict[str, list[Counted]] = {}
    for item in meetings:
        if item.occurrence.event.recurring:
            grouped.setdefault(item.occurrence.event.uid, []).append(item)
    rhythm: dict[str, list[dt.date]] = {}
    for item in audit.counted:
        event = item.occurrence.event
        if event.recurring and event.uid in grouped:
            rhythm.setdefault(event.uid, []).append(item.occurrence.start.date())
    result = []
    for uid, members in grouped.items():
        hours = sum(m.hours for m in members)
        person_hours = sum(m.hours * m.people for m in members)
        people = Counter(m.people for m in members).most_common(1)[0][0]
        altitude = Counter(m.altitude for m in members).most_common(1)[0][0]
        event = members[0].occurrence.event
        result.append((SeriesCost(
            uid=uid,
            title=event.title or "(no title)",
            occurrences=len(members),
            cadence=cadence(rhythm[uid]),
            people=people,
            altitude=altitude,
            hours_per_quarter=hours * factor,
            person_hours_per_quarter=person_hours * factor,
            organizer=event.organizer,
        ), members))
    return result


def _preread(meetings: list[Counted], audit: Audit, cues: _DescriptionCues,
             factor: float) -> tuple[list[PrereadGap], int, float, int]:
    grouped: dict[object, list[Counted]] = {}
    late = 0
    smallest = audit.settings.preread_min_people
    day = 24 * 3600
    for item in meetings:
        if item.people < smallest:
            continue
        event = item.occurrence.event
        if cues.of(event)[1]:
            changed = event.last_modified
            if (not event.recurring and changed is not None
                    and 0 < item.start - changed.timestamp() < day):
                late += 1
            continue
        key = event.uid if event.recurring else (event.uid, item.start)
        grouped.setdefault(key, []).append(item)
    gaps = []
    for members in grouped.values():
        event = members[0].occurrence.event
        gaps.append(PrereadGap(
            uid=event.uid,
            title=event.title or "(no title)",
            occurrences=len(members),
            people=max(m.people for m in members),
            recurring=event.recurring,
            hours_per_quarter=sum(m.hours for m in members) * factor,
            first=members[0].occurrence.start.date(),
        ))
    gaps.sort(key=lambda g: (-g.hours_per_quarter, g.first))
    count = sum(g.occurrences for g in gaps)
    return gaps, count, sum(g.hours_per_quarter for g in gaps), late


def _mixed_days(audit: Audit) -> list[MixedDay]:
    cost = audit.settings.switch_cost_minutes / 60
    found = []
    for day in audit.days:
        saved = day.switches - day.min_switches
        if saved >= audit.settings.cluster_min_saved:
            found.append(MixedDay(day.day, day.altitudes, day.switches, day.min_switches,
                                  saved * cost))
    found.sort(key=lambda m: (-(m.switches - m.clustered), m.day))
    return found


def _maker_day(audit: Audit, meetings: list[Counted]) -> MakerDayProposal | None:
    workdays = sorted(audit.settings.workday_indexes)
    if not workdays:
        return None
    present = {d.day for d in audit.days if d.workday and not d.away}
    days = Counter(day.weekday() for day in present)
    hours: dict[int, float] = defaultdict(float)
    movable: dict[int, float] = defaultdict(float)
    for item in meetings:
        day = item.occurrence.start.date()
        if day not in present:
            continue
        event = item.occurrence.event
        hours[day.weekday()] += item.hours
        if event.organizer in audit.me or item.people <= 2:
            movable[day.weekday()] += item.hours
    loads = tuple(WeekdayLoad(w, days[w], hours[w] / days[w] if days[w] else 0.0,
                              movable[w] / days[w] if days[w] else 0.0)
                  for w in workdays if days[w])
    if not loads:
        return None
    current = audit.maker_weekday

    def score(load: WeekdayLoad) -> tuple[float, int, int]:
        immovable = load.meeting_hours - load.movable_hours
        return (round(load.meeting_hours + immovable, 6), load.weekday != current,
                load.weekday)

    best = min(loads, key=score)
    judged = [w for w in audit.weeks if w.maker_day_state in ("kept", "lost")]
    return MakerDayProposal(
        weekday=best.weekday,
        name=WEEKDAYS[best.weekday],
        load=best,
        hours_to_move_per_quarter=best.meeting_hours * best.days * audit.per_quarter,
        current=current,
        current_kept=sum(1 for w in judged if w.maker_day_kept),
        current_weeks=len(judged),
        loads=loads,
    )
