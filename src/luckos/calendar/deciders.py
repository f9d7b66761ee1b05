"""Time with the people who decide, from a calendar audit. Pure.

"Ask: ... who decides work like that gets funded?" (Own a Theme). Calendar analytics
count time per attendee without knowing who decides; here the attendees of each meeting
are matched to people (by address first, then by display name, through
`luckos.domain.people.match_attendee`), and those who decide or veto an upcoming window,
or sponsor you, are counted: hours per person and per window, one-to-ones apart from
group meetings, and the part spent in status meetings. An attendee two people answer to
is listed for you to resolve, never counted as either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from luckos.calendar.audit import MEETING, Audit, Counted
from luckos.calendar.events import Event
from luckos.domain.people import AttendeeMatch, Index, Person

NO_CONTACT_DAYS = 30  # a decider of a window in its prep lead unmet for this long


@dataclasses.dataclass(frozen=True)
class Target:
    """Why a person counts: the windows they decide or veto, and whether they sponsor you."""

    person: Person
    windows: tuple[tuple[int, str, str], ...]  # (window id, window name, role)
    sponsor: bool


@dataclasses.dataclass
class PersonTime:
    """The time spent with one person who decides: meetings, hours by kind, the last
    meeting and the hours by quarter."""

    target: Target
    meetings: int = 0
    hours: float = 0.0
    one_to_one_hours: float = 0.0
    group_hours: float = 0.0
    status_hours: float = 0.0
    last_met: dt.date | None = None
    quarters: dict[str, float] = dataclasses.field(default_factory=dict)  # "2026-Q4" -> h


@dataclasses.dataclass(frozen=True)
class WindowTime:
    """The hours spent with the deciders of one decision window."""

    window_id: int
    name: str
    hours: float  # meetings with at least one of its deciders, each meeting once
    deciders: int
    deciders_met: int


@dataclasses.dataclass(frozen=True)
class Ambiguous:
    """An attendee whom several recorded people could be."""

    attendee: str  # the address or display name as the calendar gives it
    people: tuple[str, ...]  # "pe3 Grace Liu", ...
    meetings: int


@dataclasses.dataclass(frozen=True)
class DecidersTime:
    """Time with the people who decide: by person, by window, the attendees that
    could not be told apart, and what it says (or why it cannot be worked out)."""

    computable: bool
    reason: str  # why not, when it is not
    weeks: float
    people: tuple[PersonTime, ...]
    windows: tuple[WindowTime, ...]
    ambiguous: tuple[Ambiguous, ...]
    findings: tuple[str, ...]

    @property
    def hours(self) -> float:
        return sum(p.hours for p in self.people)

    @property
    def status_hours(self) -> float:
        return sum(p.status_hours for p in self.people)


def deciders_time(audit: Audit, status_uids: frozenset[str], targets: Sequence[Target],
                  people: Sequence[Person], today: dt.date,
                  in_prep: Mapping[int, dt.date]) -> DecidersTime:
    """`in_prep`: window id -> prep deadline, for the windows within their prep lead."""
    return over(audit.counted, audit.me, audit.window_days / 7, status_uids, targets, people,
                today, in_prep)


def over(counted: Sequence[Counted], me: frozenset[str], weeks: float,
         status_uids: frozenset[str], targets: Sequence[Target], people: Sequence[Person],
         today: dt.date, in_prep: Mapping[int, dt.date]) -> DecidersTime:
    """`deciders_time` of classified occurrences (`luckos.calendar.audit.classify`) over
    `weeks`: what the kept audits are read with, without the rest of an audit."""
    meetings = [c for c in counted if c.kind == MEETING]
    if not any("@" in address and address not in me
               for c in meetings for address, _ in c.occurrence.event.attendees):
        why = ("no meeting in this calendar lists its attendees' addresses (the export left "
               "them out, or every meeting is yours alone), so time with deciders cannot "
               "be computed; export the calendar with attendees (Google Calendar and "
               "Outlook include them in a full export)")
        return DecidersTime(False, why, weeks, (), (), (), ())
    by_id = {t.person.id: t for t in targets}
    times = {t.person.id: PersonTime(t) for t in targets}
    torn: dict[str, tuple[str, ...]] = {}  # attendee -> the people it could be
    torn_meetings: dict[str, int] = {}
    seen: dict[int, tuple[tuple[int, ...], tuple[str, ...], bool, bool, tuple[int, ...]]] = {}
    index = Index(people)
    known: dict[tuple[str, str], AttendeeMatch] = {}  # per attendee
    per_window: dict[int, float] = {}
    since = today - dt.timedelta(days=NO_CONTACT_DAYS)
    for c in meetings:
        event = c.occurrence.event
        facts = seen.get(id(event))
        if facts is None:
            at, unsure = _match(event, me, index, by_id, torn, known)
            facts = seen[id(event)] = (
                at, unsure, bool(at) and event.others(me) == 1, event.uid in status_uids,
                tuple({w for pid in at for w, _, _ in by_id[pid].windows}))
        at, unsure, alone, status, of_windows = facts
        for shown in unsure:
            torn_meetings[shown] = torn_meetings.get(shown, 0) + 1
        if not at:
            continue
        hours = c.hours
        day = c.occurrence.start.date()
        quarter = quarter_of(day)
        for pid in at:
            t = times[pid]
            t.meetings += 1
            t.hours += hours
            if alone:
                t.one_to_one_hours += hours
            else:
                t.group_hours += hours
            if status:
                t.status_hours += hours
            t.quarters[quarter] = t.quarters.get(quarter, 0.0) + hours
            if day <= today and (t.last_met is None or day > t.last_met):
                t.last_met = day
        for wid in of_windows:
            per_window[wid] = per_window.get(wid, 0.0) + hours
    windows: dict[int, tuple[str, list[PersonTime]]] = {}
    for t in times.values():
        for wid, name, _ in t.target.windows:
            windows.setdefault(wid, (name, []))[1].append(t)
    window_rows = tuple(
        WindowTime(wid, name, per_window.get(wid, 0.0), len(members),
                   sum(1 for m in members if m.meetings))
        for wid, (name, members) in sorted(windows.items()))
    findings = []
    for wid, deadline in sorted(in_prep.items()):
        if wid not in windows:
            continue
        name, members = windows[wid]
        for m in members:
            if m.last_met is None or m.last_met < since:
                last = f"last met {m.last_met}" if m.last_met else "no meeting in the audit"
                role = next(r for w, _, r in m.target.windows if w == wid)
                findings.append(f"{m.target.person.name} {role} w{wid} {name} (prep due "
                                f"{deadline}) and has had no meeting with you in the last "
                                f"{NO_CONTACT_DAYS} days ({last})")
    total = sum(t.hours for t in times.values())
    in_status = sum(t.status_hours for t in times.values())
    if total > 0 and in_status * 2 > total:
        findings.append(f"most of your time with deciders is in status meetings "
                        f"({in_status:.1f} of {total:.1f} h): ask for a one-to-one or a "
                        "decision meeting instead")
    ambiguous = tuple(Ambiguous(shown, torn[shown], torn_meetings.get(shown, 0))
                      for shown in sorted(torn))
    ordered = tuple(sorted(times.values(), key=lambda t: (-t.hours, t.target.person.name)))
    return DecidersTime(True, "", weeks, ordered, window_rows, ambiguous, tuple(findings))


def _match(event: Event, me: frozenset[str], index: Index,
           targets: Mapping[int | None, Target], torn: dict[str, tuple[str, ...]],
           known: dict[tuple[str, str], AttendeeMatch]
           ) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The targets at one event (by id), and the attendees two people answer to."""
    found: set[int] = set()
    unsure: list[str] = []
    names = dict(event.names) if event.names else {}
    addresses = [a for a, _ in event.attendees]
    if event.organizer:
        addresses.append(event.organizer)
    for address in addresses:
        if address in me:
            continue
        email = address if "@" in address else ""
        shown = names.get(address, "" if email else address)
        match = known.get((email, shown))
        if match is None:
            match = known[(email, shown)] = index.attendee(email, shown)
        if match.ambiguous:
            label = shown or address
            torn[label] = tuple(f"pe{p.id} {p.name}" for p in match.people)
            if label not in unsure:
                unsure.append(label)
        elif match.people and match.people[0].id in targets:
            found.add(match.people[0].id or 0)
    return tuple(sorted(found)), tuple(unsure)


# --- by quarter, over the audits kept -----------------------------------------------------


def quarter_of(day: dt.date) -> str:
    """`2026-Q4`."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_days(first: dt.date, last: dt.date) -> dict[str, int]:
    """How many days of `first`..`last` (inclusive) fall in each quarter."""
    found: dict[str, int] = {}
    day = first
    while day <= last:
        start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        after = (dt.date(start.year + 1, 1, 1) if start.month == 10
                 else dt.date(start.year, start.month + 3, 1))
        end = min(last, after - dt.timedelta(days=1))
        found[quarter_of(day)] = found.get(quarter_of(day), 0) + (end - day).days + 1
        day = end + dt.timedelta(days=1)
    return found


def quarter_length(quarter: str) -> int:
    year, q = int(quarter[:4]), int(quarter[-1])
    start = dt.date(year, 3 * q - 2, 1)
    after = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return (after - start).days


def uncovered(span: tuple[dt.date, dt.date], taken: Sequence[tuple[dt.date, dt.date]]
              ) -> list[tuple[dt.date, dt.date]]:
    """The parts of `span` (inclusive) that no span of `taken` covers, in order."""
    parts = [span]
    for low, high in taken:
        kept = []
        for first, last in parts:
            if high < first or low > last:
                kept.append((first, last))
                continue
            if first < low:
                kept.append((first, low - dt.timedelta(days=1)))
            if last > high:
                kept.append((high + dt.timedelta(days=1), last))
        parts = kept
    return parts


@dataclasses.dataclass(frozen=True)
class KeptQuarters:
    """Hours with each decider by quarter, over the calendar audits kept (`luck calendar
    import`), each day counted once, from the newest audit that covers it."""

    audits: int  # kept audits that give at least one day
    without_attendees: tuple[int, ...]  # of them, the import ids that list no attendees
    quarters: tuple[tuple[str, int, int], ...]  # (quarter, days kept, days in it)
    people: tuple[tuple[Person, dict[str, float]], ...]  # hours per quarter, most first

    def hours(self, quarter: str) -> float:
        return sum(h.get(quarter, 0.0) for _, h in self.people)


def kept_quarters(parts: Sequence[tuple[int, tuple[dt.date, dt.date], DecidersTime]]
                  ) -> KeptQuarters:
    """Add up `(import id, days read, deciders time of those days)` parts."""
    days: dict[str, int] = {}
    hours: dict[int | None, tuple[Person, dict[str, float]]] = {}
    audits: set[int] = set()
    blind: set[int] = set()
    for import_id, (first, last), found in parts:
        audits.add(import_id)
        for quarter, n in quarter_days(first, last).items():
            days[quarter] = days.get(quarter, 0) + n
        if not found.computable:
            blind.add(import_id)
            continue
        for t in found.people:
            mine = hours.setdefault(t.target.person.id, (t.target.person, {}))[1]
            for quarter, h in t.quarters.items():
                mine[quarter] = mine.get(quarter, 0.0) + h
    people = sorted((pair for pair in hours.values() if pair[1]),
                    key=lambda pair: (-sum(pair[1].values()), pair[0].name))
    return KeptQuarters(len(audits), tuple(sorted(blind)),
                        tuple((q, n, quarter_length(q)) for q, n in sorted(days.items())),
                        tuple(people))
