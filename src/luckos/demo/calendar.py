"""The demo's work calendar: six weeks of Priya's meetings up to this week, written as the
ICS file a calendar app exports, then imported through the calendar audit.

Wednesday is the maker day (luck.toml): it is kept in the early weeks and broken in the
last two, once by an incident review and a weekly sync moved onto it, then by a vendor
call and a customer escalation. Everything is dated from `today`; nothing is random.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from luckos.workspace import Workspace

FILE_NAME = "work-calendar.ics"
ZONE = "Europe/Berlin"
ME = "priya@example.com"
WEEKS = 6  # this week and the five before it
DOMAIN = "example.com"

# who is who (addresses on example.com unless given)
TEAM = ("tomas", "kofi", "lena", "hiro", "sam", "jess")
PLATFORM = ("marcus", "dana", "omar", "ravi", "hiro", "kofi", "lena", "elena")
REPLATFORM = ("omar", "marcus", "tomas", "elena", "ravi", "nadia", "kofi", "lena", "sam",
              "jess", "aisha")
# display names the invites carry (the people in `luckos.demo.people` are matched by address)
NAMES = {"grace": "Grace Liu", "ken": "Ken Adeyemi", "omar": "Omar Haddad",
         "marcus": "Marcus Chen", "nadia": "Nadia Karim"}
MEET = "Join with Google Meet: https://meet.google.com/pay-chk-{code}"

# Weekly series: (key, title, weekdays, start, minutes, every n weeks, first week,
# organizer, attendees, description). Weekdays are 0 (Monday) to 4; weeks count from the
# first of the six (0) to this week (5).
SERIES = (
    ("standup", "Checkout platform standup", (0, 1, 3, 4), "09:30", 15, 1, 0, "tomas", TEAM,
     MEET.format(code="stu")),
    ("handoff", "On-call handoff", (0,), "10:00", 30, 1, 0, "dana",
     ("dana", "hiro", "kofi", "lena", "tomas"),
     "Checklist: https://wiki.example.com/payments/oncall-handoff"),
    ("sprint", "Sprint planning", (0,), "11:00", 60, 2, 0, "tomas", TEAM,
     "Board: https://jira.example.com/checkout/sprint"),
    ("sync", "Payments platform sync", (1,), "10:00", 60, 1, 0, "marcus", PLATFORM,
     MEET.format(code="syn")),
    ("customer", "Customer call: Shopfront checkout latency", (1,), "16:00", 45, 2, 0,
     "mateo@shopfront.example", ("mateo@shopfront.example", "ana@shopfront.example",
                                 "nadia", "marcus"),
     "Agenda: p95 at first render for their storefronts; the APAC numbers."),
    ("maker", "Maker day: deep work", (2,), "09:00", 240, 1, 0, "", (), ""),
    ("replatform", "Checkout re-platform working group", (2,), "11:00", 60, 1, 0, "omar",
     REPLATFORM, MEET.format(code="rpl")),
    ("office-hours", "Re-platform office hours", (2,), "16:00", 30, 2, 1, "", ("omar",),
     "Questions first; the FAQ: https://wiki.example.com/payments/replatform-faq"),
    ("arch", "Architecture review", (3,), "11:00", 60, 1, 0, "omar",
     ("omar", "ravi", "dana", "marcus", "hiro", "elena", "aisha"),
     "Agenda and doc: https://wiki.example.com/payments/arch-review-queue"),
    ("one-on-one", "1:1 Priya / Grace", (3,), "15:00", 30, 1, 0, "grace", ("grace",), ""),
    ("focus", "Focus time", (4,), "10:00", 120, 1, 0, "", (), ""),
    ("demo-hour", "Checkout demo hour", (4,), "15:00", 60, 1, 0, "marcus",
     (*TEAM, "marcus", "nadia"), "Demos of the week: sign up at "
     "https://wiki.example.com/payments/demo-hour"),
)
SKIPPED = {"sync": 2}  # the sync is cancelled in the third week (the platform offsite)
MOVED = {"sync": (4, 2, "14:00")}  # in the fifth week it moves to Wednesday at 14:00
DECLINED = {"replatform"}  # I said no to leading it and offered office hours instead

# Single meetings: (week, weekday, start, minutes, title, organizer, attendees,
# description, hours before the start the event last changed, or None for a week)
SINGLES = (
    (0, 0, "14:00", 90, "Pairing: flame graphs with Kofi", "", ("kofi",), "", None),
    (0, 3, "13:00", 60, "Code review: token revocation path", "", ("ravi", "lena"), "", None),
    (1, 1, "14:00", 60, "API review: edge cache invalidation", "hiro",
     ("hiro", "omar", "dana", "elena", "marcus"),
     "Doc: https://wiki.example.com/payments/edge-cache-invalidation-api", None),
    (1, 4, "14:00", 60, "Interview: senior backend candidate", "marcus", ("marcus",), "",
     None),
    (2, 0, "15:00", 60, "Quarterly budget prep: edge cache spend", "grace",
     ("grace", "ken", "nadia"), "Pre-read: https://wiki.example.com/payments/"
     "budget-edge-cache-2", None),
    (2, 3, "13:00", 60, "Interview: senior backend candidate", "marcus", ("marcus",), "",
     None),
    (3, 1, "13:30", 60, "Pricing discussion: edge cache contract", "ken",
     ("ken", "nadia", "rita@edgecache.example"), "", None),
    (1, 1, "11:30", 60, "Loadkit pilot retro", "", ("jess", "sam", "tomas", "elena"),
     "Notes: https://wiki.example.com/payments/loadkit-pilot-retro", None),
    (4, 0, "14:00", 60, "Code review: idempotency keys", "tomas", ("tomas", "kofi"), "",
     None),
    (4, 2, "10:30", 60, "Incident review: payment-provider timeout", "dana",
     ("dana", "marcus", "hiro", "kofi", "tomas", "ravi"),
     "Timeline: https://wiki.example.com/payments/inc-provider-timeout", None),
    (4, 3, "16:00", 30, "Pre-wire: FY two-pager with Omar", "", ("omar",),
     "https://wiki.example.com/payments/cold-start-year-two", None),
    (5, 0, "14:00", 60, "FY planning dry run", "grace", ("grace", "omar", "ken", "marcus"),
     "https://wiki.example.com/payments/cold-start-year-two", 2),
    (5, 2, "10:00", 60, "Edge cache budget: vendor renewal call",
     "rita@edgecache.example", ("rita@edgecache.example", "ken"), "", None),
    (5, 2, "14:00", 60, "Customer escalation: APAC checkout latency", "nadia",
     ("nadia", "hiro", "marcus"), "", None),
    (5, 3, "10:00", 60, "Headcount review prep: loadkit staffing", "ken", ("ken", "grace"),
     "", None),
)
HOLDS = ((3, 3, "12:00", 60, "Dentist"),)  # busy, nobody else
AWAY = ((2, 4, "PTO"),)  # a day off, all day


def _address(who: str) -> str:
    return who if "@" in who else f"{who}@{DOMAIN}"


def _at(day: dt.date, hhmm: str, zone: Any) -> dt.datetime:
    hours, minutes = hhmm.split(":")
    return dt.datetime.combine(day, dt.time(int(hours), int(minutes)), zone)


class _Writer:
    def __init__(self, today: dt.date) -> None:
        from zoneinfo import ZoneInfo

        self.zone = ZoneInfo(ZONE)
        self.first = today - dt.timedelta(days=today.weekday(), weeks=WEEKS - 1)  # a Monday
        self.stamp = dt.datetime.combine(today, dt.time(7, 0), dt.UTC)

    def day(self, week: int, weekday: int) -> dt.date:
        return self.first + dt.timedelta(weeks=week, days=weekday)

    def event(self, uid: str, title: str, start: dt.datetime, minutes: int, organizer: str,
              attendees: tuple[str, ...], description: str, changed: dt.datetime,
              mine: str = "ACCEPTED") -> Any:
        from icalendar import Event, vCalAddress

        event = Event()
        event.add("uid", f"{uid}@demo.{DOMAIN}")
        event.add("dtstamp", self.stamp)
        event.add("created", changed)
        event.add("last-modified", changed)
        event.add("summary", title)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=minutes))
        if description:
            event.add("description", description)
        if attendees:
            chair = _address(organizer) if organizer else ME
            event.add("organizer", vCalAddress(f"mailto:{chair}"))
            for who in (ME, *attendees):
                person = vCalAddress(f"mailto:{_address(who)}")
                person.params["PARTSTAT"] = mine if who == ME else "ACCEPTED"
                person.params["ROLE"] = "REQ-PARTICIPANT"
                if who in NAMES:
                    person.params["CN"] = NAMES[who]
                event.add("attendee", person)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        return event

    def series(self, spec: tuple[Any, ...]) -> list[Any]:
        from icalendar import vRecur

        key, title, weekdays, start, minutes, every, week, organizer, people, text = spec
        first = _at(self.day(week, weekdays[0]), start, self.zone)
        changed = first - dt.timedelta(days=21)
        mine = "DECLINED" if key in DECLINED else "ACCEPTED"
        event = self.event(key, title, first, minutes, organizer, people, text, changed, mine)
        days = [("MO", "TU", "WE", "TH", "FR")[d] for d in weekdays]
        event.add("rrule", vRecur(freq="WEEKLY", interval=every, byday=days, wkst="MO"))
        if key in SKIPPED:
            event.add("exdate", _at(self.day(SKIPPED[key], weekdays[0]), start, self.zone))
        found = [event]
        if key in MOVED:
            week_moved, weekday, moved_to = MOVED[key]
            was = _at(self.day(week_moved, weekdays[0]), start, self.zone)
            now = _at(self.day(week_moved, weekday), moved_to, self.zone)
            moved = self.event(key, title, now, minutes, organizer, people, text,
                               was - dt.timedelta(days=3))
            moved.add("recurrence-id", was)
            moved.add("sequence", 1)
            found.append(moved)
        return found

    def calendar(self) -> Any:
        from icalendar import Calendar

        cal = Calendar()
        cal.add("prodid", "-//Google Inc//Google Calendar 70.9054//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", ME)
        cal.add("x-wr-timezone", ZONE)
        for spec in SERIES:
            for event in self.series(spec):
                cal.add_component(event)
        for n, (week, weekday, start, minutes, title, organizer, people, text,
                late) in enumerate(SINGLES):
            begins = _at(self.day(week, weekday), start, self.zone)
            changed = begins - (dt.timedelta(hours=late) if late else dt.timedelta(days=7))
            cal.add_component(self.event(f"single-{n}", title, begins, minutes, organizer,
                                         people, text, changed))
        for n, (week, weekday, start, minutes, title) in enumerate(HOLDS):
            begins = _at(self.day(week, weekday), start, self.zone)
            cal.add_component(self.event(f"hold-{n}", title, begins, minutes, "", (), "",
                                         begins - dt.timedelta(days=10)))
        for n, (week, weekday, title) in enumerate(AWAY):
            cal.add_component(self._away(f"away-{n}", title, self.day(week, weekday)))
        cal.add_missing_timezones()
        return cal

    def _away(self, uid: str, title: str, day: dt.date) -> Any:
        from icalendar import Event

        event = Event()
        event.add("uid", f"{uid}@demo.{DOMAIN}")
        event.add("dtstamp", self.stamp)
        event.add("summary", title)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("transp", "OPAQUE")
        return event


# Priya's schedule norms (luck calendar norms prints them to share; the audit holds the
# calendar to them): lunch and Friday afternoons free of meetings, office hours on Thursday.
NORMS = {"no_meeting_hours": '["12:00-13:00", "friday 14:00-17:00"]',
         "office_hours": '["thursday 15:00-16:00"]'}


def set_norms(config: Path) -> None:
    """Write the demo's norms into its fresh luck.toml (the default lists them empty)."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        key = line.split("=", 1)[0].strip()
        if key in NORMS and line.split("#", 1)[0].split("=", 1)[1].strip() == "[]":
            lines[i] = f"{key} = {NORMS[key]}\n"
    config.write_text("".join(lines), encoding="utf-8")


def write_calendar(path: Path, today: dt.date) -> Path:
    """Write the six weeks of meetings that end with this week as an ICS file."""
    from luckos import files

    files.write(path, _Writer(today).calendar().to_ical(), files.Output("demo calendar"))
    return path


def import_calendar(ws: Workspace, path: Path, today: dt.date) -> Any:
    """Import the file through the calendar audit, as `luck calendar import` does."""
    from zoneinfo import ZoneInfo

    from luckos.app import calendar

    window = calendar.window_from(None, None, today, ws.config.week_start_index)
    now = dt.datetime.combine(today, dt.time(8, 40), ZoneInfo(ZONE))
    return calendar.import_file(ws, path, window=window, now=now, clip_start=True)
