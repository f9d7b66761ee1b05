"""`luck calendar`: audit an ICS export, keep audits in the workspace, compare them.

Every face calls these functions; the numbers come from `luckos.calendar.audit` and
`luckos.calendar.findings`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import mmap
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from luckos.calendar.altitude import ORDER
from luckos.calendar.audit import Audit, Counted, WeekSummary, audit
from luckos.calendar.events import EventOccurrence, collector_paused
from luckos.config import Config
from luckos.dates import WEEKDAYS, parse_date
from luckos.dates import week_start as week_of
from luckos.domain.fields import ValueBase
from luckos.errors import LuckError, NotFound
from luckos.workspace import Workspace

if TYPE_CHECKING:
    from luckos.calendar.findings import Findings
    from luckos.calendar.lines import Data
    from luckos.calendar.reader import CalendarRead, Progress

__all__ = ["Report", "WeekSummary", "audit_file", "audit_latest", "history", "import_file",
           "latest_weeks", "window_from"]

DEFAULT_WEEKS = 13
MAX_YEARS = 10  # the longest audit window (so the help says)


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Report(ValueBase):
    """One audit: how the calendar was read, the figures and the findings."""

    source: str
    calendar_name: str
    events: int  # VEVENTs read from the file
    zone_name: str
    zone_reason: str
    me_reason: str
    span: tuple[dt.date, dt.date] | None
    skipped: dict[str, int]
    notes: dict[str, int]
    examples: dict[str, str]
    audit: Audit
    findings: Findings
    import_id: int | None = None
    imported_at: str | None = None

    @property
    def occurrences(self) -> int:
        return len(self.audit.counted)


def window_from(start: str | None, end: str | None, today: dt.date,
                week_start: int) -> tuple[dt.date, dt.date]:
    """The audit window: --from/--to, else the 13 weeks that end with this week."""
    this_week_end = week_of(today, week_start) + dt.timedelta(days=6)
    last = parse_date(end, today, what="--to") if end else None
    first = parse_date(start, today, what="--from") if start else None
    if last is None:
        last = this_week_end if first is None or first <= this_week_end else (
            first + dt.timedelta(weeks=DEFAULT_WEEKS, days=-1))
    if first is None:
        first = week_of(last, week_start) - dt.timedelta(weeks=DEFAULT_WEEKS - 1)
    if first > last:
        raise LuckError(f"--from {first} is after --to {last}")
    if last > _last_day_allowed(first):
        raise LuckError(f"the window {first} to {last} is longer than ten years; "
                        "audit a shorter stretch")
    return first, last


def _last_day_allowed(first: dt.date) -> dt.date:
    """The last day of a window of MAX_YEARS that starts on `first`."""
    year = first.year + MAX_YEARS
    if year > dt.MAXYEAR:
        return dt.date.max
    try:
        after = first.replace(year=year)
    except ValueError:  # 29 February: the years end on 28 February
        after = dt.date(year, 3, 1)
    return after - dt.timedelta(days=1)


def _me(asked: tuple[str, ...], config: Config) -> tuple[tuple[str, ...], str]:
    if asked:
        for address in asked:
            if "@" not in address:
                raise LuckError(f"--me {address!r} is not an email address")
        return tuple(a.lower().removeprefix("mailto:") for a in asked), "--me"
    if config.calendar.me:
        return config.calendar.me, "luck.toml (calendar.me)"
    return (), ""


def _zone(asked: str | None, config: Config) -> tuple[str, str]:
    if asked:
        return asked, "--tz"
    if config.calendar.timezone:
        return config.calendar.timezone, "luck.toml (calendar.timezone)"
    return "", ""


def _read_file(path: Path) -> Data:
    """The file's bytes: a regular file is mapped (its pages are read as the reader
    touches them and let go of once read, so that a large export is never held whole
    in memory); anything else (a pipe, say) is read whole. Close a map when done."""
    from luckos.calendar.reader import MAX_BYTES

    try:
        if path.is_dir():
            raise LuckError(f"{path}: is a folder, not a calendar file")
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            size = status.st_size
            if size > MAX_BYTES:
                raise LuckError(f"{path}: too large to be a calendar ({size // 2**20} MB; "
                                f"the limit is {MAX_BYTES // 2**20} MB)")
            if size and stat.S_ISREG(status.st_mode):
                with contextlib.suppress(OSError, ValueError):
                    return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            return file.read()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file", where=str(path)) from None
    except PermissionError:
        raise LuckError(f"{path}: not readable (permission denied)") from None
    except OSError as exc:
        raise LuckError(f"{path}: cannot be read ({exc.strerror})") from None


@contextlib.contextmanager
def _contents(path: Path) -> Iterator[Data]:
    """`_read_file`, closed after use."""
    data = _read_file(path)
    try:
        yield data
    finally:
        if isinstance(data, mmap.mmap):
            data.close()


def _audit(occurrences: list[EventOccurrence], window: tuple[dt.date, dt.date], zone: dt.tzinfo,
           me: frozenset[str], config: Config) -> tuple[Audit, Findings]:
    from luckos.calendar.findings import find  # only an audit pays for loading it

    with collector_paused():
        result = audit(occurrences, window=window, zone=zone, me=me, settings=config.calendar,
                       week_start=config.week_start_index,
                       maker_weekday=WEEKDAYS.index(config.maker_day))
        return result, find(result)


def audit_file(path: Path, *, config: Config, window: tuple[dt.date, dt.date],
               me: tuple[str, ...] = (), tz: str | None = None,
               progress: Progress | None = None, data: Data | None = None,
               clip_start: bool = False) -> Report:
    """Read an ICS file and audit it inside `window`; nothing is written.

    With `clip_start` (no --from was given) the window starts no earlier than the week
    of the calendar's first event, so that weeks before it hold no empty figures."""
    with collector_paused():
        return _audit_file(path, config, window, me, tz, progress, data, clip_start)


def _audit_file(path: Path, config: Config, window: tuple[dt.date, dt.date],
                me: tuple[str, ...], tz: str | None, progress: Progress | None,
                data: Data | None, clip_start: bool) -> Report:
    from luckos.calendar.reader import read_calendar

    addresses, me_what = _me(me, config)
    zone_name, zone_what = _zone(tz, config)
    with contextlib.nullcontext(data) if data is not None else _contents(path) as found:
        read = read_calendar(found, str(path), window=window, zone=zone_name,
                             zone_what=zone_what, me=addresses, me_what=me_what,
                             progress=progress)
    if not read.occurrences:
        raise LuckError(_nothing_inside(str(path), window, read))
    occurrences = read.occurrences
    if clip_start and read.span:
        first = week_of(read.span[0], config.week_start_index)
        if window[0] < first <= window[1]:
            window = (first, window[1])
            low = dt.datetime.combine(first, dt.time(0), read.zone)
            occurrences = [o for o in occurrences if o.end > low or o.start >= low]
    result, findings = _audit(occurrences, window, read.zone, read.me, config)
    problems = read.problems
    return Report(
        source=str(path), calendar_name=read.calendar_name, events=read.events,
        zone_name=read.zone_name, zone_reason=read.zone_reason,
        me_reason=read.me_reason, span=read.span, skipped=dict(problems.skipped),
        notes=dict(problems.notes), examples=dict(problems.examples), audit=result,
        findings=findings,
    )


def _nothing_inside(where: str, window: tuple[dt.date, dt.date], read: CalendarRead) -> str:
    """Why an audit window holds nothing: the days the readable events span (in the
    audit's zone, so that a window chosen from them holds them) and what was skipped."""
    text = f"{where}: no events between {window[0]} and {window[1]}"
    if read.span:
        text += f"; its events run from {read.span[0]} to {read.span[1]}"
    text += " (choose the window with --from and --to)"
    skipped = read.problems.skipped
    if skipped:
        reasons = ", ".join(f"{n} {r}" for r, n in skipped.most_common())
        count = sum(skipped.values())
        text += f"; {count} other{'s' if count > 1 else ''} could not be read ({reasons})"
    return text


def import_file(ws: Workspace, path: Path, *, window: tuple[dt.date, dt.date],
                now: dt.datetime, me: tuple[str, ...] = (), tz: str | None = None,
                progress: Progress | None = None, clip_start: bool = False) -> Report:
    """Audit an ICS file and keep the audit in the workspace, in one transaction."""
    from hashlib import sha256

    from luckos.calendar.lines import release
    from luckos.store import calendar as kept

    with _contents(path) as data:
        report = audit_file(path, config=ws.config, window=window, me=me, tz=tz,
                            progress=progress, data=data, clip_start=clip_start)
        digest = sha256()
        step = 1 << 20
        for at in range(0, len(data), step):
            digest.update(data[at:at + step])
            release(data, at, at + step)
    row = {
        "imported_at": now.isoformat(timespec="seconds"),
        "source": str(path.resolve()),
        "calendar_name": report.calendar_name,
        "sha256": digest.hexdigest(),
        "window": report.audit.window,
        "zone": report.zone_name,
        "zone_reason": report.zone_reason,
        "me": report.audit.me,
        "me_reason": report.me_reason,
        "events": report.events,
        "span": report.span,
        "problems": {"skipped": report.skipped, "notes": report.notes,
                     "examples": report.examples},
        "summary": totals(report),
    }
    occurrences = [c.occurrence for c in report.audit.counted]
    with ws.store.transaction():
        import_id = kept.save_import(ws.store, row, occurrences, report.audit.weeks)
    return dataclasses.replace(report, import_id=import_id, imported_at=str(row["imported_at"]))


def audit_latest(ws: Workspace, *, start: dt.date | None = None, end: dt.date | None = None,
                 me: tuple[str, ...] = (), tz: str | None = None) -> Report:
    """Re-audit the most recent import with today's settings (no file is read)."""
    from luckos.calendar.zones import named_zone
    from luckos.store import calendar as kept

    row = kept.latest_import(ws.store)
    if row is None:
        raise LuckError("no calendar imported yet: run `luck calendar import FILE.ics` "
                        "(or give `luck calendar audit` a file)")
    first, last = start or row.window[0], end or row.window[1]
    if first < row.window[0] or last > row.window[1] or first > last:
        raise LuckError(f"the imported calendar covers {row.window[0]} to {row.window[1]}; "
                        "choose --from and --to inside it (or import the file again)")
    zone = named_zone(tz or row.zone, "--tz" if tz else "the imported zone")
    addresses, me_reason = (me, "--me") if me else (row.me, row.me_reason)
    with collector_paused():
        occurrences = kept.occurrences(ws.store, row.id, zone,
                                       same_zone=not tz or tz == row.zone)
        if (first, last) != row.window:
            low = dt.datetime.combine(first, dt.time(0), zone)
            high = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), zone)
            occurrences = [o for o in occurrences if o.start < high and o.end > low]
        result, findings = _audit(occurrences, (first, last), zone,
                                  frozenset(a.lower() for a in addresses), ws.config)
    return Report(
        source=row.source, calendar_name=row.calendar_name, events=row.events,
        zone_name=tz or row.zone, zone_reason="--tz" if tz else row.zone_reason,
        me_reason=me_reason, span=row.span, skipped=row.problems.get("skipped", {}),
        notes=row.problems.get("notes", {}), examples=row.problems.get("examples", {}),
        audit=result, findings=findings, import_id=row.id, imported_at=row.imported_at,
    )


def kept_days(ws: Workspace, report: Report | None = None
              ) -> list[tuple[int, tuple[dt.date, dt.date], list[Counted], frozenset[str]]]:
    """Every day the kept audits cover, once, from the newest audit that covers it: per
    part, (import id, first and last day, its occurrences classified as the audit does,
    whose addresses are the user's). Newest audit first.

    `report`: a re-audit of a kept import, whose classified occurrences are used as they
    are when it covers that import's whole window, in its zone, for the same addresses
    (the same list object: a caller may reuse what it computed from them)."""
    from luckos.calendar.audit import classify
    from luckos.calendar.deciders import uncovered
    from luckos.calendar.zones import named_zone
    from luckos.store import calendar as kept

    parts = []
    taken: list[tuple[dt.date, dt.date]] = []
    with collector_paused():
        for row in reversed(kept.imports(ws.store)):
            spans = uncovered(row.window, taken)
            taken.append(row.window)
            if not spans:
                continue
            me = frozenset(a.lower() for a in row.me)
            if (report is not None and report.import_id == row.id and spans == [row.window]
                    and report.audit.window == row.window and report.audit.me == me
                    and report.zone_name == row.zone):
                parts.append((row.id, row.window, report.audit.counted, me))
                continue
            zone = named_zone(row.zone, f"the zone of calendar import {row.id}")
            counted = classify(kept.occurrences(ws.store, row.id, zone, same_zone=True),
                               ws.config.calendar, me)
            for first, last in spans:
                inside = [c for c in counted
                          if first <= c.occurrence.start.date() <= last]
                parts.append((row.id, (first, last), inside, me))
    return parts


def latest_weeks(ws: Workspace) -> list[WeekSummary]:
    """The weeks of the most recently imported audit (empty if nothing was imported)."""
    from luckos.store import calendar as kept

    row = kept.latest_import(ws.store)
    return kept.weeks(ws.store, row.id) if row else []


def history(ws: Workspace) -> list[dict[str, Any]]:
    """Every kept audit with its headline figures, oldest first."""
    from luckos.store import calendar as kept

    return [{"id": row.id, "imported_at": row.imported_at, "source": row.source,
             "window": {"from": row.window[0].isoformat(), "to": row.window[1].isoformat()},
             "events": row.events, **row.summary} for row in kept.imports(ws.store)]


def altitude_hours_per_week(a: Audit) -> dict[str, float]:
    """Meeting hours per week at each altitude over the audit window (the weeks'
    altitude hours over its days, times seven), in the altitudes' order; an altitude
    no week has hours at is left out. The report's totals row and `totals` read it."""
    return {x: sum(w.altitude_hours.get(x, 0.0) for w in a.weeks) * 7 / a.window_days
            for x in ORDER if any(w.altitude_hours.get(x) for w in a.weeks)}


def totals(report: Report) -> dict[str, Any]:
    """Headline figures of an audit (kept with an import, compared by `history`)."""
    a, f = report.audit, report.findings
    weeks = a.window_days / 7
    meetings = sum(d.meetings for d in a.days)
    judged = [w for w in a.weeks if w.maker_day_state in ("kept", "lost")]
    mix: dict[str, float] = {}
    for week in a.weeks:
        for altitude, hours in week.altitude_hours.items():
            mix[altitude] = mix.get(altitude, 0.0) + hours
    return {
        "meeting_hours_per_week": round(sum(d.meeting_hours for d in a.days) / weeks, 2),
        "meetings_per_week": round(meetings / weeks, 1),
        "maker_blocks_per_week": round(sum(d.maker_blocks for d in a.days) / weeks, 2),
        "fragmented_hours_per_week": round(sum(d.fragmented_hours for d in a.days) / weeks, 2),
        "context_switches_per_week": round(sum(d.switches for d in a.days) / weeks, 1),
        "focus_hours_per_week": round(sum(d.focus_hours for d in a.days) / weeks, 2),
        "maker_day": WEEKDAYS[a.maker_weekday],
        "maker_days_kept": sum(1 for w in judged if w.maker_day_kept),
        "maker_days_judged": len(judged),
        "altitude_share": {k: round(v / sum(mix.values()), 3) for k, v in mix.items()}
        if sum(mix.values()) > 0 else {},  # meetings of no length have no share
        "altitude_hours_per_week": {k: round(v, 2)
                                    for k, v in altitude_hours_per_week(a).items()},
        "status_theater_hours_per_quarter": round(f.status_theater_hours, 1),
        "preread_gap_hours_per_quarter": round(f.preread_hours, 1),
        "clustering_hours_per_quarter": round(f.mixed_hours, 1),
        "proposed_maker_day": f.maker_day.name if f.maker_day else None,
    }
