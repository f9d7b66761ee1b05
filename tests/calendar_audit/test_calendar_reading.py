"""Reading ICS files: every recurrence and time-zone feature, and what a real export holds."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest

from tests.calendar_audit.conftest import NEW_YORK_VTIMEZONE, event, ics, read

NY = ZoneInfo("America/New_York")


def starts(reading, title=None):  # type: ignore[no-untyped-def]
    return [o.start.strftime("%Y-%m-%d %H:%M") for o in reading.occurrences
            if title is None or o.event.title == title]


def test_weekly_rrule_with_until_repeats_inside_the_window_only() -> None:
    text = ics(event("w1", "20250106T100000", "20250106T103000", "Team sync",
                     extra="RRULE:FREQ=WEEKLY;UNTIL=20250127T150000Z"))
    reading = read(text, "2025-01-01", "2025-03-31")
    assert starts(reading) == ["2025-01-06 10:00", "2025-01-13 10:00", "2025-01-20 10:00",
                               "2025-01-27 10:00"]
    # a window that starts later sees only the later occurrences
    assert starts(read(text, "2025-01-14", "2025-03-31")) == ["2025-01-20 10:00",
                                                             "2025-01-27 10:00"]


def test_rrule_with_count_and_byday() -> None:
    text = ics(event("d1", "20250106T091500", "20250106T093000", "Standup",
                     extra="RRULE:FREQ=WEEKLY;COUNT=7;BYDAY=MO,TU,WE,TH,FR"))
    assert starts(read(text, "2025-01-01", "2025-01-31")) == [
        "2025-01-06 09:15", "2025-01-07 09:15", "2025-01-08 09:15", "2025-01-09 09:15",
        "2025-01-10 09:15", "2025-01-13 09:15", "2025-01-14 09:15"]


def test_unbounded_rrule_is_expanded_inside_the_window_only() -> None:
    # no UNTIL, no COUNT: it never ends, and a window decades later still answers
    text = ics(event("u1", "20200106T100000", "20200106T110000", "Forever",
                     extra="RRULE:FREQ=WEEKLY"))
    reading = read(text, "2044-03-07", "2044-03-27")
    assert starts(reading) == ["2044-03-07 10:00", "2044-03-14 10:00", "2044-03-21 10:00"]
    daily = ics(event("u2", "20200106T100000", "20200106T110000", "Daily forever",
                      extra="RRULE:FREQ=DAILY"))
    assert len(read(daily, "2025-01-01", "2025-12-31").occurrences) == 365


def test_rdate_adds_and_exdate_removes_occurrences() -> None:
    text = ics(event("r1", "20250106T100000", "20250106T110000", "Review",
                     extra="RRULE:FREQ=WEEKLY;COUNT=3\n"
                           "EXDATE;TZID=America/New_York:20250113T100000\n"
                           "RDATE;TZID=America/New_York:20250115T140000"))
    assert starts(read(text, "2025-01-01", "2025-01-31")) == [
        "2025-01-06 10:00", "2025-01-15 14:00", "2025-01-20 10:00"]


def test_recurrence_id_moves_renames_and_cancels_single_occurrences() -> None:
    master = event("s1", "20250106T100000", "20250106T110000", "Weekly sync",
                   people=("alex@example.com",), extra="RRULE:FREQ=WEEKLY;COUNT=4")
    moved = event("s1", "20250114T150000", "20250114T153000", "Weekly sync (moved)",
                  people=("alex@example.com",),
                  extra="RECURRENCE-ID;TZID=America/New_York:20250113T100000\nSEQUENCE:1")
    cancelled = event("s1", "20250120T100000", "20250120T110000", "Weekly sync",
                      people=("alex@example.com",),
                      extra="RECURRENCE-ID;TZID=America/New_York:20250120T100000\n"
                            "STATUS:CANCELLED\nSEQUENCE:1")
    reading = read(ics(master, moved, cancelled), "2025-01-01", "2025-01-31")
    got = [(o.start.strftime("%m-%d %H:%M"), o.end.strftime("%H:%M"), o.event.title,
            o.event.status) for o in reading.occurrences]
    assert got == [("01-06 10:00", "11:00", "Weekly sync", ""),
                   ("01-14 15:00", "15:30", "Weekly sync (moved)", ""),
                   ("01-20 10:00", "11:00", "Weekly sync", "CANCELLED"),
                   ("01-27 10:00", "11:00", "Weekly sync", "")]


def test_this_and_future_override_moves_the_rest_of_the_series() -> None:
    master = event("t1", "20250106T100000", "20250106T110000", "Sync",
                   extra="RRULE:FREQ=WEEKLY;COUNT=4")
    later = event("t1", "20250120T140000", "20250120T150000", "Sync (afternoons)",
                  extra="RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=America/New_York:"
                        "20250120T100000\nSEQUENCE:1")
    reading = read(ics(master, later), "2025-01-01", "2025-01-31")
    assert [(s, o.event.title) for s, o in zip(starts(reading), reading.occurrences,
                                               strict=True)] == [
        ("2025-01-06 10:00", "Sync"), ("2025-01-13 10:00", "Sync"),
        ("2025-01-20 14:00", "Sync (afternoons)"), ("2025-01-27 14:00", "Sync (afternoons)")]


def test_vtimezone_block_defines_a_zone_nobody_else_knows() -> None:
    # Outlook writes custom zones as a VTIMEZONE with its own TZID: here UTC+5:30
    zone = """BEGIN:VTIMEZONE
TZID:Luckos Test Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0530
TZOFFSETTO:+0530
END:STANDARD
END:VTIMEZONE"""
    text = ics(event("v1", "20250106T193000", "20250106T203000", "Bangalore call",
                     tz="Luckos Test Standard Time"), zones=zone)
    reading = read(text, "2025-01-01", "2025-01-31", zone="America/New_York")
    # 19:30 at +05:30 is 14:00 UTC, 09:00 in New York
    assert starts(reading) == ["2025-01-06 09:00"]
    assert not reading.problems.notes


def test_a_database_zones_vtimezone_is_read_without_walking_the_database(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Google writes a VTIMEZONE for the IANA zone it names: the zone comes from the
    # database, and telling so does not open all of its files (zoneinfo's walk)
    import zoneinfo._tzpath

    walked: list[bool] = []
    walk = zoneinfo._tzpath.available_timezones

    def counted() -> set[str]:
        walked.append(True)
        return walk()

    monkeypatch.setattr(zoneinfo, "available_timezones", counted)
    monkeypatch.setattr(zoneinfo._tzpath, "available_timezones", counted)
    series = event("s1", "20250106T093000", "20250106T100000", "Standup",
                   extra="RRULE:FREQ=WEEKLY;COUNT=12\nEXDATE;TZID=America/New_York:"
                         "20250113T093000")
    moved = event("s1", "20250120T113000", "20250120T120000", "Standup",
                  extra="RECURRENCE-ID;TZID=America/New_York:20250120T093000")
    text = ics(series, moved, event("x1", "20250310T090000", "20250310T100000", "After DST"),
               zones=NEW_YORK_VTIMEZONE)
    reading = read(text, "2025-01-01", "2025-03-31", zone="UTC")
    # skipped on the 13th, moved on the 20th; 14:30 UTC in winter, 13:30 after 9 March
    assert starts(reading, "Standup") == [
        "2025-01-06 14:30", "2025-01-20 16:30", "2025-01-27 14:30", "2025-02-03 14:30",
        "2025-02-10 14:30", "2025-02-17 14:30", "2025-02-24 14:30", "2025-03-03 14:30",
        "2025-03-10 13:30", "2025-03-17 13:30", "2025-03-24 13:30"]
    assert starts(reading, "After DST") == ["2025-03-10 13:00"]
    assert not reading.problems.notes and not reading.problems.skipped
    assert not walked


@pytest.mark.parametrize("tzid", ["America/New_York", "posix/America/New_York",
                                  "america/new_york", "US", "Nowhere/Middle", "posixrules"])
def test_a_zone_is_told_listed_as_the_database_walk_would_tell(tzid: str) -> None:
    import zoneinfo

    from luckos.calendar.zones import listed

    if listed(tzid):
        assert tzid in zoneinfo.available_timezones()
    assert listed("America/New_York") and listed("Europe/Berlin") and listed("UTC")


@pytest.mark.parametrize("with_vtimezone", [True, False])
def test_windows_zone_names_as_outlook_writes_them(with_vtimezone: bool) -> None:
    zone = """BEGIN:VTIMEZONE
TZID:Pacific Standard Time
BEGIN:STANDARD
DTSTART:16011104T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZOFFSETFROM:-0700
TZOFFSETTO:-0800
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010311T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZOFFSETFROM:-0800
TZOFFSETTO:-0700
END:DAYLIGHT
END:VTIMEZONE"""
    body = """UID:o1
DTSTART;TZID="Pacific Standard Time":20250107T090000
DTEND;TZID="Pacific Standard Time":20250107T100000
SUMMARY:Planning
RRULE:FREQ=WEEKLY;COUNT=2"""
    text = ics(body, zones=zone if with_vtimezone else "")
    reading = read(text, "2025-01-01", "2025-01-31", zone="America/New_York")
    # 09:00 in Seattle is 12:00 in New York
    assert starts(reading) == ["2025-01-07 12:00", "2025-01-14 12:00"]
    assert not reading.problems.notes


def test_utc_times_are_shown_in_the_audit_zone() -> None:
    text = ics(event("z1", "20250106T150000Z", "20250106T160000Z", "UTC call", tz=None))
    reading = read(text, "2025-01-01", "2025-01-31", zone="America/New_York")
    assert starts(reading) == ["2025-01-06 10:00"]
    assert reading.occurrences[0].start.tzinfo == NY


def test_floating_times_are_local_to_the_calendar_zone_or_the_audit_zone() -> None:
    floating = event("f1", "20250106T100000", "20250106T110000", "Floating", tz=None)
    # with X-WR-TIMEZONE (Google), floating means that zone...
    reading = read(ics(floating, header="X-WR-TIMEZONE:Europe/Berlin"), "2025-01-01",
                   "2025-01-31", zone="America/New_York")
    assert starts(reading) == ["2025-01-06 04:00"]  # 10:00 Berlin is 04:00 New York
    # ...without it, the wall-clock time wherever the audit is read
    reading = read(ics(floating), "2025-01-01", "2025-01-31", zone="America/New_York")
    assert starts(reading) == ["2025-01-06 10:00"]


def test_all_day_and_multi_day_events() -> None:
    text = ics(event("a1", "20250106", "20250107", "Company offsite", tz=None),
               event("a2", "20250108", "20250111", "Conference", tz=None),
               event("a3", "20250113", None, "No end given", tz=None))
    reading = read(text, "2025-01-01", "2025-01-31", zone="America/New_York")
    spans = [(o.event.title, o.all_day, o.start.date().isoformat(), o.end.date().isoformat())
             for o in reading.occurrences]
    assert spans == [("Company offsite", True, "2025-01-06", "2025-01-07"),
                     ("Conference", True, "2025-01-08", "2025-01-11"),
                     ("No end given", True, "2025-01-13", "2025-01-14")]


def test_duration_instead_of_dtend() -> None:
    text = ics(event("p1", "20250106T100000", None, "Ninety", extra="DURATION:PT1H30M"))
    occurrence = read(text, "2025-01-01", "2025-01-31").occurrences[0]
    assert occurrence.hours == 1.5


def test_your_address_is_taken_from_google_calendar_name() -> None:
    text = ics(event("m1", "20250106T100000", "20250106T110000", people=("a@x.com",)),
               header="X-WR-CALNAME:me@example.com")
    reading = read(text, "2025-01-01", "2025-01-31")
    assert reading.me == {"me@example.com"}
    assert "X-WR-CALNAME" in reading.me_reason


def test_your_address_is_guessed_as_the_attendee_of_most_meetings() -> None:
    events = [event(f"g{i}", f"2025010{i}T100000", f"2025010{i}T110000",
                    people=(f"p{i}@x.com",), me="sam@example.com") for i in range(1, 6)]
    reading = read(ics(*events), "2025-01-01", "2025-01-31")
    assert reading.me == {"sam@example.com"}
    assert reading.me_reason == "on 5 of 5 meetings"
    given = read(ics(*events), "2025-01-01", "2025-01-31", me=("Other@Example.com",))
    assert given.me == {"other@example.com"} and given.me_reason == "--me"


def test_two_addresses_on_as_many_meetings_are_not_guessed_between() -> None:
    events = [event(f"g{i}", f"2025010{i}T100000", f"2025010{i}T110000",
                    people=("lee@example.com",), me="sam@example.com") for i in range(1, 4)]
    reading = read(ics(*events), "2025-01-01", "2025-01-31")
    assert reading.me == frozenset()
    assert reading.me_reason == ("unknown: lee@example.com and sam@example.com are each on 3 "
                                 "of 3 meetings (pass --me to say which is you)")


def test_zone_comes_from_x_wr_timezone_else_the_zone_most_events_use() -> None:
    google = ics(event("x1", "20250106T100000", "20250106T110000", tz="Europe/Paris"),
                 header="X-WR-TIMEZONE:Europe/Berlin")
    assert read(google, "2025-01-01", "2025-01-31").zone_name == "Europe/Berlin"
    outlook = ics(event("x2", "20250106T100000", "20250106T110000",
                        tz="W. Europe Standard Time"),
                  event("x3", "20250107T100000", "20250107T110000",
                        tz="W. Europe Standard Time"),
                  event("x4", "20250108T100000", "20250108T110000", tz="Asia/Tokyo"))
    reading = read(outlook, "2025-01-01", "2025-01-31")
    assert (reading.zone_name, reading.zone_reason) == (
        "Europe/Berlin", "the zone most events are written in")
    assert starts(reading)[0] == "2025-01-06 10:00"


def test_a_google_shaped_export() -> None:
    # what Google Calendar's export looks like: X-WR-TIMEZONE, a VTIMEZONE, UTC times
    # for a recurring event (kept at the same local time across DST), Meet boilerplate,
    # an alarm, and a Google all-day event (free by default)
    text = ics("""DTSTART:20250304T150000Z
DTEND:20250304T153000Z
RRULE:FREQ=WEEKLY;BYDAY=TU
DTSTAMP:20250301T120000Z
ORGANIZER;CN=alex@example.com:mailto:alex@example.com
UID:7kukuqrfedlm2f9t3vb7uig6sm@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=sam@exam
 ple.com;X-NUM-GUESTS=0:mailto:sam@example.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=alex@exa
 mple.com;X-NUM-GUESTS=0:mailto:alex@example.com
ATTENDEE;CUTYPE=RESOURCE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Room 4B;X
 -NUM-GUESTS=0:mailto:c_188@resource.calendar.google.com
X-MICROSOFT-CDO-OWNERAPPTID:-1234
CREATED:20250201T120000Z
DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij\\n\\nLe
 arn more about Meet at: https://support.google.com/a/users/answer/9282720
LAST-MODIFIED:20250301T120000Z
LOCATION:
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:1:1 Sam / Alex
TRANSP:OPAQUE
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:This is an event reminder
TRIGGER:-P0DT0H10M0S
END:VALARM""", """DTSTART;VALUE=DATE:20250310
DTEND;VALUE=DATE:20250311
DTSTAMP:20250301T120000Z
UID:holiday123@google.com
SUMMARY:Team day out
TRANSP:TRANSPARENT""",
               header="CALSCALE:GREGORIAN\nMETHOD:PUBLISH\nX-WR-CALNAME:sam@example.com\n"
                      "X-WR-TIMEZONE:America/New_York", zones=NEW_YORK_VTIMEZONE)
    reading = read(text, "2025-03-03", "2025-03-16")
    assert reading.zone_name == "America/New_York"
    assert reading.me == {"sam@example.com"}
    one_on_one = [o for o in reading.occurrences if not o.all_day]
    # 15:00Z is 10:00 EST; after the switch to EDT on March 9 it stays at 10:00 local
    assert [o.start.strftime("%m-%d %H:%M") for o in one_on_one] == ["03-04 10:00",
                                                                   "03-11 10:00"]
    first = one_on_one[0].event
    assert first.attendees == (("sam@example.com", "ACCEPTED"),
                               ("alex@example.com", "ACCEPTED"))  # the room is left out
    assert first.description.startswith("Join with Google Meet: https://meet.google.com/")
    assert "\n\nLearn more" in first.description
    assert first.recurring
    assert [o.event.title for o in reading.occurrences if o.all_day] == ["Team day out"]


def test_an_outlook_shaped_export() -> None:
    zone = """BEGIN:VTIMEZONE
TZID:Pacific Standard Time
BEGIN:STANDARD
DTSTART:16011104T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZOFFSETFROM:-0700
TZOFFSETTO:-0800
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010311T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZOFFSETFROM:-0800
TZOFFSETTO:-0700
END:DAYLIGHT
END:VTIMEZONE"""
    master = """ATTENDEE;CN="Doe, Jane";RSVP=TRUE:mailto:jane.doe@contoso.com
ATTENDEE;CN="Sam Rivera";PARTSTAT=ACCEPTED:mailto:sam@contoso.com
CLASS:PUBLIC
CREATED:20250102T180000Z
DESCRIPTION:Agenda:\\n1. Roadmap\\n2. Risks\\n
DTEND;TZID="Pacific Standard Time":20250106T100000
DTSTAMP:20250102T180000Z
DTSTART;TZID="Pacific Standard Time":20250106T093000
EXDATE;TZID="Pacific Standard Time":20250120T093000
LAST-MODIFIED:20250102T180000Z
LOCATION:Microsoft Teams Meeting
ORGANIZER;CN="Doe, Jane":mailto:jane.doe@contoso.com
PRIORITY:5
RRULE:FREQ=WEEKLY;UNTIL=20250203T173000Z;INTERVAL=1;BYDAY=MO;WKST=SU
SEQUENCE:0
SUMMARY;LANGUAGE=en-us:Platform sync
TRANSP:OPAQUE
UID:040000008200E00074C5B7101A82E00800000000B0E1A2C3D4E5F601000000000000000
 010000000F1E2D3C4B5A69788
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
X-MICROSOFT-CDO-IMPORTANCE:1
X-MICROSOFT-DISALLOW-COUNTER:FALSE"""
    exception = """ATTENDEE;CN="Doe, Jane";RSVP=TRUE:mailto:jane.doe@contoso.com
DTEND;TZID="Pacific Standard Time":20250114T120000
DTSTAMP:20250102T180000Z
DTSTART;TZID="Pacific Standard Time":20250114T113000
ORGANIZER;CN="Doe, Jane":mailto:jane.doe@contoso.com
RECURRENCE-ID;TZID="Pacific Standard Time":20250113T093000
SEQUENCE:1
SUMMARY;LANGUAGE=en-us:Platform sync (moved to Tuesday)
UID:040000008200E00074C5B7101A82E00800000000B0E1A2C3D4E5F601000000000000000
 010000000F1E2D3C4B5A69788
X-MICROSOFT-CDO-BUSYSTATUS:BUSY"""
    out_of_office = """DTSTART;VALUE=DATE:20250124
DTEND;VALUE=DATE:20250125
SUMMARY:Dentist day
UID:040000008200E00074C5B7101A82E0080000000011
TRANSP:TRANSPARENT
X-MICROSOFT-CDO-BUSYSTATUS:OOF"""
    text = ics(master, exception, out_of_office, zones=zone,
               header="METHOD:PUBLISH\nX-WR-CALNAME:Calendar\n"
                      "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
    reading = read(text, "2025-01-01", "2025-02-28")
    assert reading.zone_name == "America/Los_Angeles"
    assert reading.zone_reason == "the zone most events are written in"
    timed = [(o.start.strftime("%m-%d %H:%M"), o.event.title) for o in reading.occurrences
             if not o.all_day]
    assert timed == [("01-06 09:30", "Platform sync"),
                     ("01-14 11:30", "Platform sync (moved to Tuesday)"),
                     ("01-27 09:30", "Platform sync"),
                     ("02-03 09:30", "Platform sync")]
    master_event = reading.occurrences[0].event
    assert master_event.organizer == "jane.doe@contoso.com"
    assert master_event.attendees == (("jane.doe@contoso.com", "NEEDS-ACTION"),
                                      ("sam@contoso.com", "ACCEPTED"))
    assert master_event.busy_status == "BUSY"
    assert "1. Roadmap" in master_event.description
    dentist = [o for o in reading.occurrences if o.all_day][0].event
    assert dentist.busy_status == "OOF"


def test_the_library_and_the_fast_path_agree_on_a_generated_export() -> None:
    # single events are read straight from their lines; this checks them (and the
    # series) against icalendar + recurring-ical-events on a generated busy month
    import importlib.util
    from pathlib import Path

    import icalendar
    import recurring_ical_events

    path = Path(__file__).parents[2] / "benchmarks" / "calendar_audit.py"
    spec = importlib.util.spec_from_file_location("calendar_bench", path)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    text = bench.generate(1, events_per_year=400, series_per_year=12)
    window = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    ours = read(text, "2025-01-01", "2025-12-31")
    calendar = icalendar.Calendar.from_ical(text)
    theirs = recurring_ical_events.of(calendar).between(window[0],
                                                        window[1] + dt.timedelta(days=1))
    assert {(o.event.uid, o.start.timestamp(), o.end.timestamp(), o.event.title)
            for o in ours.occurrences} == {
        (str(c["UID"]), c["DTSTART"].dt.timestamp(), c["DTEND"].dt.timestamp(),
         str(c.get("SUMMARY", ""))) for c in theirs}
    assert len(ours.occurrences) > 700


def test_single_events_far_from_the_window_are_not_read_but_the_span_knows_them() -> None:
    # a ten-year export audited over two weeks: events before and after are passed
    # over; one that starts before the window and ends inside it is kept
    events = [event(f"old{i}", f"{2016 + i}0610T100000", f"{2016 + i}0610T110000",
                    f"Old {i}") for i in range(9)]
    events.append(event("conf", "20250130", "20250205", "Conference", tz=None))
    events.append(event("in", "20250204T100000", "20250204T110000", "Inside"))
    events.append(event("later", "20260101T100000", "20260101T110000", "Later"))
    events.append("UID:bad\nDTSTART:20160101T100000\nDTEND:20150101T100000\n"
                  "SUMMARY:Backwards")
    # as Google writes them, DTSTAMP after DTSTART; a broken fold in an event that is
    # passed over is not even seen
    events.append("DTSTART:20170301T100000Z\nDTEND:20170301T110000Z\n"
                  "DTSTAMP:20250101T000000Z\nUID:google-order\nSUMMARY:Old\n"
                  "DESCRIPTION:a fold that lost\nits leading space")
    reading = read(ics(*events), "2025-02-03", "2025-02-16")
    assert [o.event.title for o in reading.occurrences] == ["Conference", "Inside"]
    # the span holds the events a window can show: not the backwards one (2016-01-01)
    assert reading.span == (dt.date(2016, 6, 10), dt.date(2026, 1, 1))
    assert reading.problems.skipped == {"ends before it starts": 1}  # still read and told
    assert not reading.problems.notes
    assert reading.events == 14


def test_a_series_that_ended_before_the_window_is_not_expanded() -> None:
    # three rules are broken (BYDAY=XX); only the one that can reach the window is
    # expanded (and so told first); the others are only checked, so that the span
    # offered for another window holds none of them
    past = event("past", "20180105T100000", "20180105T110000", "Old weekly",
                 extra="RRULE:FREQ=WEEKLY;BYDAY=XX;UNTIL=20190101T000000Z")
    now = event("now", "20250106T100000", "20250106T110000", "This year's weekly",
                extra="RRULE:FREQ=WEEKLY;BYDAY=XX;UNTIL=20260101T000000Z")
    later = event("later", "20300106T100000", "20300106T110000", "Future weekly",
                  extra="RRULE:FREQ=WEEKLY;BYDAY=XX")
    ok = event("ok", "20180105T100000", "20180105T110000", "Still weekly",
               extra="RRULE:FREQ=WEEKLY;UNTIL=20300101T000000Z")
    reading = read(ics(past, now, later, ok), "2025-01-06", "2025-01-12")
    assert reading.problems.skipped == {"unreadable RRULE": 3}
    assert reading.problems.examples["unreadable RRULE"].startswith("\"This year's weekly\"")
    assert starts(reading) == ["2025-01-10 10:00"]
    assert reading.span == (dt.date(2018, 1, 5), dt.date(2018, 1, 5))


def _random_series(rng: random.Random, n: int, zone: str) -> str:
    """A plain series as calendar programs write it: a daily or weekly rule in one zone,
    EXDATEs, and overrides that move, rename, cancel or move far an occurrence (some
    written before the master, some at the edges of the window, some across DST)."""
    first = dt.datetime(2025, rng.choice((1, 2, 3, 10, 11)), rng.randint(1, 28),
                        rng.choice((0, 1, 2, 9, 13, 23)), rng.choice((0, 30)))
    minutes = rng.choice((0, 15, 60, 24 * 60, 25 * 60))
    freq = rng.choice(("DAILY", "WEEKLY", "WEEKLY"))
    parts = [f"FREQ={freq}"]
    if rng.random() < 0.5:
        parts.append("BYDAY=" + ",".join(rng.sample(("MO", "TU", "WE", "TH", "FR", "SA",
                                                     "SU"), rng.randint(1, 3))))
    if rng.random() < 0.3:
        parts.append(f"INTERVAL={rng.randint(1, 3)}")
    end = rng.random()
    if end < 0.4:
        until = first + dt.timedelta(days=rng.randint(3, 200), hours=rng.randint(-30, 30))
        parts.append(f"UNTIL={until:%Y%m%dT%H%M%S}Z")
    elif end < 0.7:
        parts.append(f"COUNT={rng.randint(1, 60)}")
    if rng.random() < 0.3:
        parts.append("WKST=" + rng.choice(("MO", "SU")))
    rng.shuffle(parts)

    def stamp(moment: dt.datetime) -> str:
        return f"{moment:%Y%m%dT%H%M%S}"

    step = dt.timedelta(days=1 if freq == "DAILY" else 7)
    picks = [first + step * rng.randint(0, 40) + dt.timedelta(hours=rng.choice((0, 0, 5)))
             for _ in range(rng.randint(0, 4))]
    master = event(f"r{n}", stamp(first), stamp(first + dt.timedelta(minutes=minutes)),
                   f"Series {n}", tz=zone, extra="RRULE:" + ";".join(parts) + (
                       f"\nEXDATE;TZID={zone}:" + ",".join(stamp(p) for p in picks)
                       if picks else ""))
    bodies = [master]
    for k in range(rng.randint(0, 5)):
        original = first + step * rng.randint(-1, 45)
        moved = original + rng.choice((dt.timedelta(0), dt.timedelta(hours=2),
                                       dt.timedelta(days=-1), dt.timedelta(days=60),
                                       dt.timedelta(hours=-30)))
        extra = f"RECURRENCE-ID;TZID={zone}:{stamp(original)}"
        if rng.random() < 0.3:
            extra += f"\nSEQUENCE:{rng.randint(0, 2)}"
        if rng.random() < 0.2:
            extra += "\nSTATUS:CANCELLED"
        bodies.insert(rng.randint(0, len(bodies)), event(
            f"r{n}", stamp(moved), stamp(moved + dt.timedelta(minutes=rng.choice((0, 30)))),
            f"Series {n} change {k}", tz=zone, extra=extra))
    return "\n\n".join(bodies)


@pytest.mark.parametrize("seed", range(6))
def test_plain_series_are_expanded_as_recurring_ical_events_expands_them(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # daily and weekly series in one zone are expanded without the library, step by step
    # as it does: the same occurrences, events and problems, window after window
    from luckos.calendar import expand

    rng = random.Random(seed)
    zones = ("America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Auckland",
             "America/Sao_Paulo")
    bodies = [_random_series(rng, n, rng.choice(zones)) for n in range(40)]
    text = ics(*"\n\n".join(bodies).split("\n\n"), header="X-WR-TIMEZONE:Europe/Berlin",
               zones=NEW_YORK_VTIMEZONE)
    windows = [("2025-01-01", "2025-12-31"), ("2025-03-01", "2025-03-31"),
               ("2025-10-20", "2025-11-05"), ("2025-06-01", "2025-06-01"),
               ("2025-08-04", "2025-08-17")]  # (rules started a period or more before)
    plain = expand._plain
    for first, last in windows:
        for zone in ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"):
            ours = read(text, first, last, zone=zone)
            monkeypatch.setattr(expand, "_plain", lambda *args: None)
            theirs = read(text, first, last, zone=zone)
            monkeypatch.setattr(expand, "_plain", plain)
            assert [(o.event.title, o.event.status, o.start, o.end)
                    for o in ours.occurrences] == [
                (o.event.title, o.event.status, o.start, o.end) for o in theirs.occurrences]
            assert ours.problems == theirs.problems and ours.span == theirs.span
    assert sum(_plain_count(text, zones) for zones in [None]) > 30


def _plain_count(text: str, _: object) -> int:
    """How many of the calendar's series are expanded without the library."""
    from luckos.calendar import expand

    counted = []
    plain = expand._plain

    def counting(*args):  # type: ignore[no-untyped-def]
        found = plain(*args)
        counted.append(found is not None)
        return found

    expand._plain = counting
    try:
        read(text, "2025-01-01", "2025-12-31")
    finally:
        expand._plain = plain
    return sum(counted)
