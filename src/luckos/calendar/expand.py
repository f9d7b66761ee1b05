"""Expanding recurring events with recurring-ical-events, only inside the audit window.

Every recurring UID (a master with RRULE or RDATE, its EXDATEs, and its RECURRENCE-ID
overrides and cancellations) is expanded on its own, so that one broken series is
skipped with its reason and the others are not lost. Rules without an end are given one
just past the window (occurrences inside the window are the same), a rule that no date
can match keeps only its DTSTART, and a series still expanding after SERIES_SECONDS is
stopped and skipped: no rule is followed to the end of time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
import threading
import warnings
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

from luckos.calendar import lines as ics
from luckos.calendar import series
from luckos.calendar.events import Event, Problems
from luckos.calendar.values import BadValue, Moment, Parsed, moment
from luckos.calendar.zones import Zones, iana

UTC = dt.UTC
_SUB_DAILY = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})
SERIES_SECONDS = 2.0
OUT_OF_RANGE = "date out of range (before year 1 or after 9999)"
Raw = tuple[Event, "dt.date | dt.datetime", "dt.date | dt.datetime"]


def expand(groups: dict[str, list[Parsed]], properties: dict[str, str],
           timezones: list[ics.Block], zones: Zones, window: tuple[dt.date, dt.date],
           problems: Problems, progress: Callable[[int], None] | None = None,
           failed: set[str] | None = None) -> Iterator[Raw]:
    """Occurrences (event, start, end) of every recurring UID that may touch the window.

    Starts and ends are what recurring-ical-events gives: dates, naive (floating) or
    aware datetimes; the caller puts them in the audit's zone and trims to the window.
    The UIDs of the series skipped (and counted in `problems`) are added to `failed`.
    """
    if failed is None:
        failed = set()
    limit = window[1] + dt.timedelta(days=2)
    xwr = _calendar_zone(properties)
    near = (window[0] - dt.timedelta(days=3), limit + dt.timedelta(days=1))
    span = (window[0] - dt.timedelta(days=1), limit)
    plans = {uid: plan for uid, members in groups.items()
             if (plan := _plain(members, zones, limit, near)) is not None}
    others = {uid: members for uid, members in groups.items() if uid not in plans}
    text, kept = _calendar_text(others, xwr, timezones, zones, limit, problems, near)
    failed.update(set(others) - {uid for uid, _ in kept.values()})
    keys = {uid: key for key, (uid, _) in kept.items()}
    by_key: dict[str, list[Any]] | None = {}
    if kept:
        import icalendar

        try:
            found_all: dict[str, list[Any]] = {}
            for component in icalendar.Calendar.from_ical(text).walk("VEVENT"):
                found_all.setdefault(str(component.get("UID", "")), []).append(component)
            by_key = found_all
        except (ValueError, OSError):  # one series spoils the whole text: one by one
            by_key = None
    cap = 4 * ((window[1] - window[0]).days + 1) + 100
    done = 0
    for uid, members in groups.items():
        plan = plans.get(uid)
        if plan is None and uid not in keys:
            continue
        done += 1
        if progress is not None and done % 10 == 0:
            progress(10)
        if plan is not None:
            by_id = _events_by_recurrence_id(members, zones, xwr)
            core = by_id.get(None) or members[0]
            for change, start, end in series.between(plan, *span):
                member = core if change < 0 else by_id.get(plan.changes[change].ids[0], core)
                yield member.event, start, end
            continue
        found = _library(uid, members, keys[uid], by_key, xwr, timezones, zones, limit, near,
                         span, cap, problems, failed)
        if found is None:
            continue
        by_id = _events_by_recurrence_id(members, zones, xwr)
        core = by_id.get(None) or members[0]
        for occurrence in found:
            key = occurrence.id.recurrence_id
            yield by_id.get(key, core).event, occurrence.start, occurrence.end
    if progress is not None:
        progress(done % 10)


def _plain(members: list[Parsed], zones: Zones, limit: dt.date,
           near: tuple[dt.date, dt.date]) -> series.Plain | None:
    """The series as `series` expands it, if it is plain enough (see there)."""
    master = [p for p in members if not _overrides(p)]
    if len(master) != 1 or master[0].start is None:
        return None
    shown = [p for p in members if not _away(p, *near)]
    rules = [value for name, _, value in master[0].lines if name == "RRULE"]
    if len(rules) != 1 or master[0].start.value.year > 9000:
        return None
    try:
        rule = bounded_rule(rules[0], master[0].start, limit)
    except BadValue:
        return None
    return series.plain(shown, rule, zones)


def _library(uid: str, members: list[Parsed], key: str, by_key: dict[str, list[Any]] | None,
             xwr: ZoneInfo | None, timezones: list[ics.Block], zones: Zones, limit: dt.date,
             near: tuple[dt.date, dt.date], span: tuple[dt.date, dt.date], cap: int,
             problems: Problems, failed: set[str]) -> list[Any] | None:
    """The occurrences recurring-ical-events gives of one series; None (and the reason
    counted) when it cannot expand it."""
    import icalendar
    import recurring_ical_events
    import x_wr_timezone

    where = _where(members)
    try:
        if by_key is None:
            alone = _calendar_text({uid: members}, xwr, timezones, zones,
                                   limit, Problems(), near)[0]
            components = icalendar.Calendar.from_ical(alone).walk("VEVENT")
        else:
            components = by_key.get(key, [])
        group = icalendar.Calendar()
        if xwr is not None:
            group.add("X-WR-TIMEZONE", xwr.key)
        for component in components:
            group.add_component(component)
        with warnings.catch_warnings(), _time_limit(SERIES_SECONDS):
            warnings.simplefilter("ignore")
            group = x_wr_timezone.to_standard(group)
            query = recurring_ical_events.CalendarQuery(group)
            found: list[Any] = []
            for each in query.series:
                found.extend(itertools.islice(each.between(*span), cap + 1))
    except _TooSlow:
        problems.skip(f"recurrence takes too long to expand (over {SERIES_SECONDS:g} s)",
                      where, len(members))
        failed.add(uid)
        return None
    except (recurring_ical_events.InvalidCalendar, ValueError, TypeError, KeyError,
            OverflowError, AttributeError, OSError) as exc:
        problems.skip(_reason(exc), where, len(members))
        failed.add(uid)
        return None
    if len(found) > cap:
        problems.skip("recurs too often to be a meeting (more than 4 times a day)",
                      where, len(members))
        failed.add(uid)
        return None
    return found


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop one series' expansion after `seconds` (a rule that never matches makes
    dateutil search up to the year 9999). Only where signals can do it: the main thread
    of a POSIX process; elsewhere the rules are bounded by `bounded_rule` alone."""
    import signal  # (only a series left to the library needs it)

    if not hasattr(signal, "setitimer") or threading.current_thread() is not (
            threading.main_thread()):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _calendar_zone(properties: dict[str, str]) -> ZoneInfo | None:
    """The calendar's X-WR-TIMEZONE as a zone (None if absent or unknown)."""
    name = properties.get("X-WR-TIMEZONE", "").strip()
    return iana(name) if name else None


def _where(members: list[Parsed]) -> str:
    event = members[0].event
    return f"{event.title or '(no title)'!r} (UID {event.uid})"


def _reason(exc: Exception) -> str:
    if isinstance(exc, OverflowError):
        return OUT_OF_RANGE
    text = str(exc)
    if "RRULE" in text or "rule" in text.lower() or "UNTIL" in text:
        return "unreadable RRULE"
    return "recurrence could not be expanded"


def _calendar_text(groups: dict[str, list[Parsed]], xwr: ZoneInfo | None,
                   timezones: list[ics.Block], zones: Zones, limit: dt.date,
                   problems: Problems, near: tuple[dt.date, dt.date] | None = None,
                   ) -> tuple[str, dict[str, tuple[str, list[Parsed]]]]:
    """A small calendar of just what recurring-ical-events reads, with bounded rules.

    Each series is written under a UID of our own ("series-N"), and the second value
    maps it back to the series' UID and members: a series whose UID the file left out
    (read under its position) or wrote with escapes is found again all the same. A TZID
    nobody knows is left out, so that its times are local, as in a single event. An
    override (RECURRENCE-ID) that moves an occurrence from outside the days `near` to
    outside them is left out too: it changes nothing the window can show."""
    out = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    if xwr is not None:
        out.append(f"X-WR-TIMEZONE:{xwr.key}")
    for block in timezones:
        if block in zones.needed:  # (icalendar leaves the others aside)
            out += ["BEGIN:VTIMEZONE", *block.lines, "END:VTIMEZONE"]
    kept: dict[str, tuple[str, list[Parsed]]] = {}
    for uid, members in groups.items():
        key = f"series-{len(kept)}"
        body: list[str] = []
        master = any(not _overrides(parsed) for parsed in members)
        try:
            for parsed in members:
                if near is not None and master and _away(parsed, *near):
                    continue
                body += ["BEGIN:VEVENT", f"UID:{key}"]
                for name, params, value in parsed.lines:
                    if name == "UID":
                        continue
                    if params and "TZID" in params.upper():
                        params = _known_zone_only(params, zones)
                    if name == "RRULE":
                        try:
                            value = bounded_rule(value, parsed.start, limit)
                        except Impossible:
                            problems.note("RRULE that no date matches (only DTSTART counts)",
                                          _where(members))
                            continue
                    body.append(f"{name}{params}:{value}")
                body.append("END:VEVENT")
        except BadValue as exc:
            problems.skip(str(exc), _where(members), len(members))
            continue
        out += body
        kept[key] = (uid, members)
    out.append("END:VCALENDAR")
    return "\r\n".join(out) + "\r\n", kept


def _overrides(parsed: Parsed) -> bool:
    return any(name == "RECURRENCE-ID" for name, _, _ in parsed.lines)


def _away(parsed: Parsed, low: dt.date, high: dt.date) -> bool:
    """Whether `parsed` is a plain override (one occurrence, no rule of its own) whose
    RECURRENCE-ID and own days all lie before `low` or after `high`."""
    if parsed.start is None:
        return False
    recurrence = None
    for name, params, value in parsed.lines:
        if name in ("RRULE", "RDATE", "EXDATE"):
            return False
        if name == "RECURRENCE-ID":
            if "RANGE" in params.upper():
                return False
            recurrence = value.strip()
    if recurrence is None or len(recurrence) < 8 or not recurrence[:8].isdigit():
        return False
    try:
        replaced = dt.date(int(recurrence[:4]), int(recurrence[4:6]), int(recurrence[6:8]))
        first = _date_of(parsed.start.value)
        last = first
        if parsed.end is not None:
            last = max(_date_of(parsed.end.value), first)
        elif parsed.duration is not None:
            last = first + dt.timedelta(days=max(parsed.duration.days, 0) + 1)
    except (ValueError, OverflowError):
        return False
    return not low <= replaced <= high and (last < low or first > high)


def _date_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


_TZID = re.compile(r';TZID=(?:"[^"]*"|[^;:]*)', re.IGNORECASE)


def _known_zone_only(params: str, zones: Zones) -> str:
    """The parameters without a TZID that `zones` does not know (a tz database folder
    such as "US" would make icalendar fail on the whole calendar)."""
    tzid = ics.parameters(params).get("TZID", "")
    if not tzid or zones.lookup(tzid) is not None:
        return params
    return _TZID.sub("", params)


def bounded_rule(value: str, start: Moment | None, limit: dt.date) -> str:
    """The RRULE with an UNTIL no later than `limit` (unless COUNT already ends it)."""
    parts = [part.partition("=") for part in value.strip().split(";") if part]
    keys = {key.upper(): val for key, _, val in parts}
    if keys.get("FREQ", "").upper() in _SUB_DAILY:
        raise BadValue("recurs more often than daily (FREQ=" + keys["FREQ"].upper() + ")")
    if _never(keys):
        raise Impossible
    if "COUNT" in keys:
        return value
    until = keys.get("UNTIL", "")
    if until[:8].isdigit():
        try:
            if dt.date(int(until[:4]), int(until[4:6]), int(until[6:8])) <= limit:
                return value
        except ValueError:
            pass
    if start is None or start.is_date:
        stop = f"{limit:%Y%m%d}"
    elif start.floating:
        stop = f"{limit:%Y%m%d}T235959"
    else:
        stop = f"{limit:%Y%m%d}T235959Z"
    rest = ";".join(f"{key}={val}" for key, _, val in parts if key.upper() != "UNTIL")
    return f"{rest};UNTIL={stop}"


def rules_readable(members: list[Parsed]) -> bool:
    """Whether dateutil can read every RRULE of a series that is not expanded (it lies
    outside the window): one that cannot be read is skipped, as inside the window."""
    from dateutil.rrule import rrulestr

    for member in members:
        start = member.start.value if member.start is not None else None
        if start is not None and not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(0))
        for name, _, value in member.lines:
            if name != "RRULE":
                continue
            try:
                rrulestr(value, dtstart=start.replace(tzinfo=None) if start else None,
                         ignoretz=True)
            except (ValueError, TypeError, OverflowError):
                return False
    return True


class Impossible(BadValue):
    """An RRULE no date can match (February 30th): only DTSTART happens."""


def _never(keys: dict[str, str]) -> bool:
    """Whether BYMONTH and BYMONTHDAY leave no day in any year (e.g. BYMONTH=2;BYMONTHDAY=30)."""
    if "BYMONTHDAY" not in keys:
        return False
    try:
        months = [int(m) for m in keys.get("BYMONTH", "").split(",") if m] or list(range(1, 13))
        days = [abs(int(d)) for d in keys["BYMONTHDAY"].split(",") if d]
    except ValueError:
        return False  # recurring-ical-events will say what is wrong with it
    import calendar as gregorian

    longest = {m: gregorian.monthrange(2024, m)[1] for m in range(1, 13)}  # a leap year
    return not any(0 < d <= longest.get(m, 31) for m in months for d in days)


def _events_by_recurrence_id(members: list[Parsed], zones: Zones,
                             floating: dt.tzinfo | None) -> dict[dt.datetime | None, Parsed]:
    """Each member (whose event is read when one of its occurrences is shown) under the
    id recurring-ical-events gives its occurrences: None for the master, the
    RECURRENCE-ID in naive UTC for an override."""
    found: dict[dt.datetime | None, Parsed] = {}
    for parsed in members:
        line = next((ln for ln in parsed.lines if ln[0] == "RECURRENCE-ID"), None)
        if line is None:
            found.setdefault(None, parsed)
            continue
        try:
            when = moment(line, zones)
        except BadValue:
            continue
        value = when.value
        if not isinstance(value, dt.datetime):
            key = dt.datetime(value.year, value.month, value.day)
        elif value.tzinfo is None:
            key = value if floating is None else value.replace(tzinfo=floating).astimezone(
                UTC).replace(tzinfo=None)
        else:
            key = value.astimezone(UTC).replace(tzinfo=None)
        found[key] = parsed
    return found
