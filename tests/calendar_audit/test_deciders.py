"""Time with the people who decide, on calendars written by the test with known answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from luckos.app import calendar as app
from luckos.calendar.deciders import Target, deciders_time
from luckos.config import Config
from luckos.domain.people import Person
from tests.calendar_audit.conftest import NEW_YORK_VTIMEZONE, event, ics

TODAY = "2026-12-01"  # FY planning on 2026-12-07: prep due 2026-11-30, so within its lead
AUDIT = ("--from", "2026-11-02", "--to", "2026-11-29", "--me", "me@example.com")


def _calendar() -> str:
    return ics(
        # a one-to-one with Grace: 1 h
        event("g1", "20261110T100000", "20261110T110000", "Grace / me",
              people=("grace@example.com",)),
        # a group meeting with Grace and Ken (and Bob): 1.5 h each, once for the window
        event("r1", "20261112T140000", "20261112T153000", "Roadmap review",
              people=("grace@example.com", "ken@example.com", "bob@example.com")),
        # Ken from another address, known by his display name: 0.5 h one-to-one
        event("k1", "20261120T090000", "20261120T093000", "Ken / me",
              organizer="me@example.com",
              extra="ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com\n"
                    "ATTENDEE;CN=\"ken adeyemi\";PARTSTAT=ACCEPTED:mailto:ka@corp.example"),
        # the sponsor, by address in another case: 0.75 h one-to-one
        event("s1", "20261124T160000", "20261124T164500", "Rae / me",
              people=("RAE@example.com",)),
        # nobody who decides: not counted
        event("b1", "20261125T100000", "20261125T110000", "Bob / me",
              people=("bob@example.com",)),
        zones=NEW_YORK_VTIMEZONE,
    )


def _workspace(luck: Any) -> None:
    for args in (
        ("window", "add", "FY planning", "--on", "2026-12-07"),
        ("person", "add", "Grace Liu", "--email", "grace@example.com"),
        ("person", "add", "Ken Adeyemi", "--email", "ken@example.com"),
        ("person", "add", "Dana Whitfield", "--email", "dana@example.com"),
        ("person", "add", "Rae Kim", "--email", "rae@example.com"),
        ("sponsor", "add", "rae kim"),
        ("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides"),
        ("window", "stakeholders", "w1", "add", "Ken Adeyemi", "--role", "vetoes"),
        ("window", "stakeholders", "w1", "add", "Dana Whitfield", "--role", "decides"),
        ("window", "stakeholders", "w1", "add", "Bob", "--role", "affected"),
    ):
        ran = luck(*args, today=TODAY)
        if args[-3:] == ("Bob", "--role", "affected"):
            assert ran.exit_code == 2  # Bob is nobody's record: refused, not guessed
            continue
        assert ran.exit_code == 0, (args, ran.stdout, ran.stderr)


def test_hours_per_decider_and_per_window_with_one_to_ones_apart(luck: Any, write: Any) -> None:
    _workspace(luck)
    path = write(_calendar())
    ran = luck("calendar", "deciders", str(path), *AUDIT, "--json", today=TODAY)
    assert ran.exit_code == 0, ran.stderr
    data = ran.json()
    people = {p["name"]: p for p in data["people"]}
    assert set(people) == {"Grace Liu", "Ken Adeyemi", "Dana Whitfield", "Rae Kim"}
    figures = {name: (p["meetings"], p["hours"], p["one_to_one_hours"], p["group_hours"])
               for name, p in people.items()}
    assert figures == {"Grace Liu": (2, 2.5, 1.0, 1.5), "Ken Adeyemi": (2, 2.0, 0.5, 1.5),
                       "Dana Whitfield": (0, 0.0, 0.0, 0.0), "Rae Kim": (1, 0.75, 0.75, 0.0)}
    assert people["Rae Kim"]["sponsor"] is True and people["Rae Kim"]["windows"] == []
    assert people["Ken Adeyemi"]["last_met"] == "2026-11-20"
    assert people["Grace Liu"]["quarters"] == [{"quarter": "2026-Q4", "hours": 2.5}]
    assert people["Dana Whitfield"]["quarters"] == []
    assert data["weeks"] == 4.0 and data["hours"] == 5.25
    # the window: 1 + 1.5 + 0.5 h, the group meeting counted once
    assert data["windows"] == [{"window": "w1", "name": "FY planning", "hours": 3.0,
                                "deciders": 3, "deciders_met": 2}]
    assert data["findings"] == [
        "Dana Whitfield decides w1 FY planning (prep due 2026-11-30) and has had no meeting "
        "with you in the last 30 days (no meeting in the audit)"]
    # the audit shows the same figures in a section of its own
    audit = luck("calendar", "audit", str(path), *AUDIT, "--json", today=TODAY).json()
    assert data.pop("kept_audits")["audits"] == 0  # nothing imported: no quarter kept
    assert audit["deciders"] == data
    shown = luck("calendar", "audit", str(path), *AUDIT, today=TODAY).stdout
    assert "Time with the people who decide" in shown
    assert "5.2 h over 4.0 weeks (1.3 h a week), 0.0 h of it in status meetings" in shown


def test_a_decider_met_lately_leaves_no_finding(luck: Any, write: Any) -> None:
    _workspace(luck)
    path = write(_calendar())
    # on 2026-12-20 the window is past; on 2026-12-01 Grace was met 2026-11-12 (19 days)
    data = luck("calendar", "deciders", str(path), *AUDIT, "--json", today=TODAY).json()
    assert not any("Grace" in f for f in data["findings"])
    later = luck("calendar", "deciders", str(path), *AUDIT, "--json",
                 today="2027-12-01").json()  # FY planning does not recur: nobody decides
    assert later["windows"] == [] and [p["name"] for p in later["people"]] == ["Rae Kim"]


def test_a_calendar_without_attendee_addresses_says_why(luck: Any, write: Any) -> None:
    _workspace(luck)
    path = write(ics(event("h1", "20261110T100000", "20261110T110000", "Planning"),
                     zones=NEW_YORK_VTIMEZONE))
    ran = luck("calendar", "deciders", str(path), *AUDIT, today=TODAY)
    assert ran.exit_code == 2
    assert ran.stderr.startswith("luck: error: no meeting in this calendar lists its "
                                 "attendees' addresses")
    audit = luck("calendar", "audit", str(path), *AUDIT, today=TODAY)
    assert audit.exit_code == 0 and "time with deciders cannot be computed" in audit.stdout


def test_nobody_deciding_is_refused_in_one_line(luck: Any, write: Any) -> None:
    ran = luck("calendar", "deciders", str(write(_calendar())), *AUDIT, today=TODAY)
    assert ran.exit_code == 2
    assert "nobody is recorded as deciding an upcoming window" in ran.stderr


def test_an_attendee_two_people_answer_to_is_listed_never_counted(write: Any,
                                                                  tmp_path: Path) -> None:
    path = write(ics(
        event("a1", "20261110T100000", "20261110T110000", "Sam / me",
              organizer="me@example.com",
              extra="ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com\n"
                    "ATTENDEE;CN=Sam Lee;PARTSTAT=ACCEPTED:mailto:sam@corp.example"),
        zones=NEW_YORK_VTIMEZONE))
    report = app.audit_file(path, config=Config(), window=(dt.date(2026, 11, 2),
                                                           dt.date(2026, 11, 29)),
                            me=("me@example.com",))
    one = Person(id=1, name="Sam Lee")
    two = Person(id=2, name="Samantha Lee", aliases=("sam lee",))  # e.g. from an import
    found = deciders_time(report.audit, frozenset(), [Target(one, ((1, "FY", "decides"),),
                                                             False)],
                          [one, two], dt.date(2026, 12, 1), {})
    assert found.people[0].hours == 0.0
    assert [(a.attendee, a.people, a.meetings) for a in found.ambiguous] == [
        ("Sam Lee", ("pe1 Sam Lee", "pe2 Samantha Lee"), 1)]


def test_most_decider_time_in_status_meetings_is_a_finding(luck: Any, write: Any) -> None:
    _workspace(luck)
    crowd = ("grace@example.com", "a@example.com", "b@example.com", "c@example.com",
             "d@example.com")
    path = write(ics(
        event("st", "20261102T090000", "20261102T100000", "Weekly status", people=crowd,
              extra="RRULE:FREQ=WEEKLY;COUNT=4"),
        event("g1", "20261110T100000", "20261110T110000", "Grace / me",
              people=("grace@example.com",)),
        zones=NEW_YORK_VTIMEZONE))
    data = luck("calendar", "deciders", str(path), *AUDIT, "--json", today=TODAY).json()
    grace = next(p for p in data["people"] if p["name"] == "Grace Liu")
    assert grace["quarters"] == [{"quarter": "2026-Q4", "hours": 5.0}]
    assert (grace["hours"], grace["status_hours"], grace["one_to_one_hours"]) == (5.0, 4.0, 1.0)
    assert any(f.startswith("most of your time with deciders is in status meetings "
                            "(4.0 of 5.0 h)") for f in data["findings"])


def test_hours_by_quarter_across_the_audit(luck: Any, write: Any) -> None:
    _workspace(luck)
    path = write(ics(
        event("q3", "20260928T100000", "20260928T110000", "Grace / me",
              people=("grace@example.com",)),
        event("q4", "20261005T100000", "20261005T113000", "Grace / me",
              people=("grace@example.com",)),
        zones=NEW_YORK_VTIMEZONE))
    window = ("--from", "2026-09-01", "--to", "2026-10-31", "--me", "me@example.com")
    data = luck("calendar", "deciders", str(path), *window, "--json", today=TODAY).json()
    grace = next(p for p in data["people"] if p["name"] == "Grace Liu")
    assert grace["quarters"] == [{"quarter": "2026-Q3", "hours": 1.0},
                                 {"quarter": "2026-Q4", "hours": 1.5}]
    shown = luck("calendar", "deciders", str(path), *window, today=TODAY).stdout
    assert "2026-Q3  2026-Q4" in shown and "Grace Liu  1.0      1.5" in shown


def test_hours_by_quarter_over_the_kept_audits_count_each_day_once(luck: Any,
                                                                   write: Any) -> None:
    """Three imports: June without attendees, July to September, then mid-September to
    November; the days both of the last two cover are read from the newest."""
    _workspace(luck)
    me = ("--me", "me@example.com")
    june = write(ics(event("j1", "20260610T100000", "20260610T110000", "Planning"),
                     zones=NEW_YORK_VTIMEZONE), name="june.ics")
    summer = write(ics(
        event("s1", "20260710T100000", "20260710T110000", "Grace / me",
              people=("grace@example.com",)),
        event("s2", "20260928T100000", "20260928T110000", "Grace / me",
              people=("grace@example.com",)),
        zones=NEW_YORK_VTIMEZONE), name="summer.ics")
    autumn = write(ics(
        event("s2", "20260928T100000", "20260928T110000", "Grace / me",
              people=("grace@example.com",)),
        event("a1", "20261005T100000", "20261005T113000", "Grace / me",
              people=("grace@example.com",)),
        event("a2", "20261120T090000", "20261120T093000", "Ken / me",
              people=("ken@example.com",)),
        zones=NEW_YORK_VTIMEZONE), name="autumn.ics")
    for path, first, last in ((june, "2026-06-01", "2026-06-30"),
                              (summer, "2026-07-01", "2026-09-30"),
                              (autumn, "2026-09-15", "2026-11-29")):
        ran = luck("calendar", "import", str(path), "--from", first, "--to", last, *me,
                   today=TODAY)
        assert ran.exit_code == 0, ran.stderr
    data = luck("calendar", "deciders", "--json", today=TODAY).json()["kept_audits"]
    assert data["audits"] == 3
    assert data["without_attendees"] == ["calendar import 1"]
    assert data["quarters"] == [
        {"quarter": "2026-Q2", "days_kept": 30, "days": 91, "hours": 0.0},
        {"quarter": "2026-Q3", "days_kept": 92, "days": 92, "hours": 2.0},  # not 3: once
        {"quarter": "2026-Q4", "days_kept": 60, "days": 92, "hours": 2.0}]
    assert data["people"] == [
        {"person": "pe1", "name": "Grace Liu",
         "quarters": [{"quarter": "2026-Q3", "hours": 2.0},
                      {"quarter": "2026-Q4", "hours": 1.5}]},
        {"person": "pe2", "name": "Ken Adeyemi",
         "quarters": [{"quarter": "2026-Q4", "hours": 0.5}]}]
    # a re-audit of part of the last import reads the kept audits again: the same figures
    part = luck("calendar", "deciders", "--from", "2026-10-01", "--json", today=TODAY).json()
    assert part["kept_audits"] == data
    shown = luck("calendar", "deciders", today=TODAY).stdout
    assert "Hours by quarter over the 3 kept audits" in shown
    assert "days kept     30 of 91  92 of 92  60 of 92" in shown
    assert "1 kept audit(s) list no attendee addresses" in shown
