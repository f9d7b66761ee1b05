"""`luck feed`: the operating loop's dates as an ICS file that calendars import.

Google Calendar, Outlook and Apple Calendar read all-day VEVENTs with a UID, DTSTAMP,
DTSTART and DTEND. UIDs are stable (record ids and a workspace id kept in the
database), so importing a newer file updates the events; SEQUENCE grows with time, so
the newer copy wins. The file is parsed back with icalendar before it replaces anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

from luckos import files
from luckos.app.explore import cadences as explore_cadences
from luckos.app.windows import with_packets
from luckos.domain import feed, windows
from luckos.domain.themes import active as active_themes
from luckos.errors import LuckError
from luckos.store import loop as q
from luckos.workspace import Workspace

PRODID = "-//luckos//luck feed//EN"
OUTPUT = files.Output("feed", mark=f"PRODID:{PRODID}".encode(), example="luck.ics")
WORKSPACE_ID = "workspace_id"
_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


@dataclasses.dataclass(frozen=True)
class FeedResult:
    events: list[feed.FeedEvent]
    uid_domain: str
    text: bytes
    redacted: dict[str, int] | None = None  # with redact=True: what was replaced, by kind


def workspace_id(ws: Workspace) -> str:
    """A random id kept in the workspace, so that two workspaces' UIDs never collide."""
    found = ws.store.get_meta(WORKSPACE_ID)
    if found:
        return found
    with ws.store.transaction():
        found = ws.store.get_meta(WORKSPACE_ID)  # another process may have set it meanwhile
        if not found:
            found = uuid.uuid4().hex[:16]
            ws.store.set_meta(WORKSPACE_ID, found)
    return found


def events(ws: Workspace, today: dt.date, *, days: int, past_days: int) -> list[feed.FeedEvent]:
    store = ws.store
    start, end = today - dt.timedelta(days=past_days), today + dt.timedelta(days=days)
    active = store.windows_active(start)
    occurrences = with_packets(ws, windows.upcoming(
        active, q.artifacts_for(store, [w.id for w in active]), start, (end - start).days),
        today)
    s = ws.config.check
    decisions = store.find("decision", where=None, order="review_on")
    found = (feed.window_events(occurrences, today)
             + feed.decision_events([d for d in decisions if d.review_on
                                     and start <= d.review_on <= end])
             + feed.kill_review_events(q.open_projects(store),
                                       s.value("project-kill-review", "default_weeks"))
             + feed.consequence_event(active_themes(store.all("theme"), today),
                                      s.value("metric-readings", "grace_days"))
             + feed.cadence_events(explore_cadences(ws, today))
             + feed.reboot_events(q.running_reboot(store))
             + feed.arc_events(q.current_arc(store, today)))
    return feed.in_range(found, start, end)


def build(ws: Workspace, today: dt.date, now: dt.datetime, *, days: int,
          past_days: int, redact: bool = False) -> FeedResult:
    from icalendar import Calendar, Event, vRecur

    domain = f"{workspace_id(ws)}.luckos"
    found = events(ws, today, days=days, past_days=past_days)
    redacted = None
    if redact:  # summaries and descriptions through one Redactor: one token per original
        from luckos.app.redaction import redactor_for

        redactor = redactor_for(ws)
        found = [dataclasses.replace(e, summary=redactor.redact(e.summary).text,
                                     description=redactor.redact(e.description).text)
                 for e in found]
        redacted = dict(redactor.counts)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "luckos")
    calendar.add("x-wr-caldesc", "Decision windows, prep deadlines and reviews from luckos")
    calendar.add("x-published-ttl", "P1D")
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    sequence = int((stamp - _EPOCH).total_seconds() // 60)
    for e in found:
        event = Event()
        event.add("uid", f"{e.key}@{domain}")
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", e.on)
        event.add("dtend", e.on + dt.timedelta(days=1))
        event.add("summary", e.summary)
        event.add("description", e.description)
        event.add("categories", [e.category])
        event.add("transp", "TRANSPARENT")
        if e.rrule:
            event.add("rrule", vRecur.from_ical(e.rrule))
        calendar.add_component(event)
    text = calendar.to_ical()
    _check(text, found, domain)
    return FeedResult(found, domain, text, redacted)


def _check(text: bytes, found: list[feed.FeedEvent], domain: str) -> None:
    """Parse the file back: every event there once, with its UID and date."""
    from icalendar import Calendar

    parsed = Calendar.from_ical(text)
    seen = {}
    for event in parsed.walk("VEVENT"):
        seen[str(event["UID"])] = event.decoded("DTSTART")
    expected = {f"{e.key}@{domain}": e.on for e in found}
    if seen != expected or len(found) != len(expected):
        raise LuckError("the feed did not read back as written; nothing was written")


def write(ws: Workspace, path: Path | None, today: dt.date, now: dt.datetime, *, days: int,
          past_days: int, redact: bool = False, force: bool = False) -> FeedResult:
    """Build the feed and write it to `path` (None: return it only), all or nothing.

    An existing file is replaced when luckos wrote it (its PRODID says so), so a feed
    re-written from cron keeps working; any other file only with `force`."""
    if path is not None:
        files.check(path, OUTPUT, force=force, home=ws.home)
    result = build(ws, today, now, days=days, past_days=past_days, redact=redact)
    if path is not None:
        files.write(path, result.text, OUTPUT, force=force, home=ws.home)
    return result
