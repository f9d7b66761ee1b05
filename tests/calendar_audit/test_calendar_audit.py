"""The pure audit and its findings, on occurrences made by hand (no file, no clock)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from luckos.calendar.altitude import Classifier
from luckos.calendar.audit import audit
from luckos.calendar.events import Event, EventOccurrence
from luckos.calendar.findings import find
from luckos.calendar.settings import CalendarSettings

NY = ZoneInfo("America/New_York")
ME = frozenset({"me@example.com"})
SETTINGS = CalendarSettings()


def at(day: str, hour: float) -> dt.datetime:
    minutes = round(hour * 60)
    return dt.datetime.combine(dt.date.fromisoformat(day),
                               dt.time(minutes // 60, minutes % 60), NY)


def event(title: str, people: int = 2, *, organizer: str = "p0@example.com",
          **fields: object) -> Event:
    """A meeting of `people` (you included), organized by the first of the others."""
    others = tuple((f"p{i}@example.com", "ACCEPTED") for i in range(people - 1))
    return Event(uid=fields.pop("uid", title), title=title, organizer=organizer,  # type: ignore[arg-type]
                 attendees=(("me@example.com", fields.pop("partstat", "ACCEPTED")),  # type: ignore[arg-type]
                            *others), **fields)  # type: ignore[arg-type]


def occ(e: Event, day: str, start: float, end: float) -> EventOccurrence:
    return EventOccurrence(e, at(day, start), at(day, end))


def run(occurrences: list[EventOccurrence], first: str, last: str,
        settings: CalendarSettings = SETTINGS, **options: object):  # type: ignore[no-untyped-def]
    return audit(occurrences, window=(dt.date.fromisoformat(first), dt.date.fromisoformat(last)),
                 zone=NY, me=ME, settings=settings, **options)  # type: ignore[arg-type]


def test_one_day_by_hand() -> None:
    # Monday 2025-02-03, working hours 09:00-17:00
    #   09:00-10:00 code review, 10:30-11:00 incident review, 11:00-11:30 pairing,
    #   14:00-15:00 customer call
    # meetings 3.0 h; free 10:00-10:30 (0.5 h, a fragment), 11:30-14:00 (2.5 h) and
    # 15:00-17:00 (2 h): two maker blocks of 2 h+, none of 4 h+;
    # altitudes code, system, code, business: 3 switches, 2 if clustered
    day = "2025-02-03"
    result = run([occ(event("Code review: payments"), day, 9, 10),
                  occ(event("Incident review"), day, 10.5, 11),
                  occ(event("Pairing on auth"), day, 11, 11.5),
                  occ(event("Customer call"), day, 14, 15)], day, day)
    figures = result.days[0]
    assert figures.meeting_hours == 3.0
    assert figures.meetings == 4
    assert [(s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in figures.free_blocks] == [
        ("10:00", "10:30"), ("11:30", "14:00"), ("15:00", "17:00")]
    assert (figures.maker_blocks, figures.long_blocks, figures.longest_block_hours) == (2, 0,
                                                                                       2.5)
    assert (figures.fragments, figures.fragmented_hours) == (1, 0.5)
    assert figures.altitudes == ("code", "system", "code", "business")
    assert (figures.switches, figures.min_switches) == (3, 2)
    assert figures.altitude_hours == {"code": 1.5, "system": 0.5, "business": 1.0}


def test_overlapping_meetings_take_their_time_once() -> None:
    day = "2025-02-04"
    result = run([occ(event("A"), day, 10, 11), occ(event("B"), day, 10.5, 12)], day, day)
    assert result.days[0].meeting_hours == 2.0  # 10:00-12:00, not 2.5
    assert result.days[0].meetings == 2


def test_focus_blocks_are_protected_time_and_keep_the_maker_day() -> None:
    # Wednesday: focus 09:00-13:00, a 1:1 at 13:00-13:30 -> a free block of 4 h (the
    # focus block does not break it) and one of 3.5 h: the maker day is kept
    day = "2025-02-05"
    focus = Event(uid="f", title="Focus time", organizer="me@example.com")
    result = run([occ(focus, day, 9, 13), occ(event("1:1 with Alex"), day, 13, 13.5)],
                 "2025-02-03", "2025-02-09", maker_weekday=2)
    wednesday = result.days[2]
    assert wednesday.focus_hours == 4.0
    assert wednesday.meeting_hours == 0.5
    assert (wednesday.maker_blocks, wednesday.long_blocks) == (2, 1)
    week = result.weeks[0]
    assert (week.maker_day, week.maker_day_state, week.maker_day_kept) == (
        dt.date(2025, 2, 5), "kept", True)
    assert result.kinds == {"focus": 1, "meeting": 1}


def test_a_hold_breaks_free_time_but_is_not_meeting_load() -> None:
    # Wednesday: lunch 12:00-13:00 with nobody else: 3 h and 4 h of free time remain
    day = "2025-02-05"
    lunch = Event(uid="l", title="Lunch")
    result = run([occ(lunch, day, 12, 13), occ(event("Sync"), day, 9, 9.5)], day, day)
    figures = result.days[0]
    assert figures.meeting_hours == 0.5
    assert figures.longest_block_hours == 4.0
    assert result.kinds == {"hold": 1, "meeting": 1}


def test_a_lost_maker_day() -> None:
    # Wednesday with meetings at 11:00 and 14:00: no free block of 4 h
    day = "2025-02-05"
    result = run([occ(event("A"), day, 11, 12), occ(event("B"), day, 14, 15)],
                 "2025-02-03", "2025-02-09", maker_weekday=2)
    assert result.days[2].longest_block_hours == 2.0
    assert result.weeks[0].maker_day_state == "lost"
    assert not result.weeks[0].maker_day_kept


def test_declined_cancelled_and_free_events_are_not_load() -> None:
    day = "2025-02-06"
    result = run([
        occ(event("Architecture review", 4, partstat="DECLINED"), day, 10, 11),
        occ(event("Planning", status="CANCELLED"), day, 11, 12),
        occ(event("Budget review", transparent=True), day, 15, 16),
        occ(event("Outlook free", busy_status="FREE"), day, 16, 17),
        occ(event("Delegated", partstat="DELEGATED"), day, 13, 14),
    ], day, day)
    assert result.kinds == {"declined": 2, "cancelled": 1, "free": 2}
    figures = result.days[0]
    assert (figures.meeting_hours, figures.meetings, figures.longest_block_hours) == (0, 0, 8)


def test_away_days_all_day_and_out_of_office() -> None:
    vacation = Event(uid="v", title="Vacation", transparent=True)
    offsite = Event(uid="o", title="Offsite")  # opaque all-day: you are not at your desk
    birthday = Event(uid="b", title="Alex's birthday", transparent=True)
    ooo = Event(uid="x", title="Dentist", busy_status="OOF")
    result = run([
        EventOccurrence(vacation, at("2025-02-03", 0), at("2025-02-05", 0), True),  # Mon, Tue
        EventOccurrence(birthday, at("2025-02-05", 0), at("2025-02-06", 0), True),
        EventOccurrence(offsite, at("2025-02-06", 0), at("2025-02-07", 0), True),
        occ(ooo, "2025-02-07", 8, 18),  # covers Friday's working hours
        occ(event("Call"), "2025-02-05", 14, 15),
    ], "2025-02-03", "2025-02-09", maker_weekday=0)
    assert [d.away for d in result.days] == [True, True, False, True, True, False, False]
    assert result.weeks[0].maker_day_state == "away"  # Monday was a vacation day
    assert result.kinds == {"away": 3, "all-day": 1, "meeting": 1}


def test_a_partial_out_of_office_is_busy_time_not_an_away_day() -> None:
    day = "2025-02-05"
    ooo = Event(uid="x", title="OOO: school run")
    result = run([occ(ooo, day, 9, 11)], day, day)
    assert not result.days[0].away
    assert result.days[0].longest_block_hours == 6.0
    assert result.days[0].meeting_hours == 0


def test_a_dst_week_counts_real_hours() -> None:
    # New York springs forward on Sunday 2025-03-09 at 02:00. A release night from
    # Saturday 23:00 to Sunday 04:00 lasts 4 real hours: 1 on Saturday, 3 on Sunday.
    release = event("Release night", 3)
    occurrences = [EventOccurrence(release, at("2025-03-08", 23), at("2025-03-09", 4))]
    assert occurrences[0].hours == 4.0
    result = run(occurrences, "2025-03-03", "2025-03-09")
    assert [d.meeting_hours for d in result.days[-2:]] == [1.0, 3.0]
    assert result.weeks[0].meeting_hours == 4.0
    sunday = result.heat[6]
    # one week in the window: 60 minutes in hours 0, 1 and 3 (02:00 never happened)
    assert [round(m) for m in sunday[:5]] == [60, 60, 0, 60, 0]
    assert round(result.heat[5][23]) == 60


def test_working_hours_follow_the_local_clock_across_dst() -> None:
    # on both sides of the change, 09:00-17:00 local is 8 hours and a 10:00 meeting
    # splits it 1 h + 6 h
    result = run([occ(event("Sync"), "2025-03-07", 10, 11),
                  occ(event("Sync"), "2025-03-10", 10, 11)], "2025-03-07", "2025-03-10")
    friday, monday = result.days[0], result.days[3]
    for figures in (friday, monday):
        assert [round((e - s).total_seconds() / 3600, 2)
                for s, e in figures.free_blocks] == [1.0, 6.0]


def test_weeks_start_on_the_configured_day() -> None:
    result = run([occ(event("A"), "2025-02-02", 10, 11)], "2025-01-27", "2025-02-09",
                 week_start=6)
    # Monday 27 January to Sunday 9 February, in weeks that start on Sunday
    assert [(w.week_start.isoformat(), w.days) for w in result.weeks] == [
        ("2025-01-26", 6), ("2025-02-02", 7), ("2025-02-09", 1)]
    assert [w.meeting_hours for w in result.weeks] == [0, 1.0, 0]


@pytest.mark.parametrize("fields, settings, altitude, rule", [
    ({"title": "Code review: auth"}, {}, "code", 'title keyword "code review"'),
    ({"title": "Q3 roadmap"}, {}, "system", 'title keyword "roadmap"'),
    ({"title": "Weekly", "description": "Talk about the incident"}, {}, "system",
     'description keyword "incident"'),
    ({"title": "Hello", "organizer": "pat@acme-corp.com"}, {}, "business",
     "external organizer (acme-corp.com)"),
    ({"title": "Hello", "organizer": "x@sre.example.com"},
     {"domains": (("sre.example.com", "system"),)}, "system",
     "organizer domain sre.example.com"),
    ({"title": "All hands", "people": 40}, {}, "business", "15+ people"),
    ({"title": "1:1"}, {}, "unclassified", "no rule matched"),
    ({"title": "Apiary visit"}, {}, "unclassified", "no rule matched"),  # whole words only
    ({"title": "Bug triage"}, {"code_keywords": ("triage",)}, "code",
     'title keyword "triage"'),
])
def test_altitude_rules_and_the_rule_that_decided(fields: dict[str, object],
                                                  settings: dict[str, object], altitude: str,
                                                  rule: str) -> None:
    people = int(fields.pop("people", 2))  # type: ignore[call-overload]
    placed = Classifier(dataclasses.replace(SETTINGS, **settings), ME).place(
        event(people=people, **fields))  # type: ignore[arg-type]
    assert (placed.altitude, placed.rule) == (altitude, rule)


def weekly(title: str, people: int, weeks: int, weekday_start: str, start: float, end: float,
           **fields: object) -> list[EventOccurrence]:
    e = event(title, people, recurring=True, **fields)
    first = dt.date.fromisoformat(weekday_start)
    return [occ(e, (first + dt.timedelta(weeks=w)).isoformat(), start, end)
            for w in range(weeks)]


def test_status_theater_is_a_large_recurring_meeting_with_nothing_written() -> None:
    meet = ("Join with Google Meet: https://meet.google.com/abc-defg-hij\n"
            "Learn more about Meet at: https://support.google.com/a/users/answer/9282720")
    occurrences = (
        weekly("Weekly status", 8, 4, "2025-02-03", 10, 11, description=meet)
        + weekly("Design sync", 8, 4, "2025-02-04", 10, 11,
                 description="Agenda:\n- the cache\n- the queue")
        + weekly("Launch sync", 8, 4, "2025-02-05", 10, 11,
                 description="We decide go/no-go here")
        + weekly("Doc review", 8, 4, "2025-02-06", 10, 11,
                 description="Read https://docs.example.com/d/1 first")
        + weekly("Small sync", 3, 4, "2025-02-07", 10, 11))
    result = find(run(occurrences, "2025-02-03", "2025-03-02"))
    # 4 weeks in the window: 4 h of yours, 32 person-hours; 13 weeks a quarter
    assert [(s.title, s.cadence, s.people, s.hours_per_quarter, s.person_hours_per_quarter)
            for s in result.status_theater] == [("Weekly status", "weekly", 8, 13.0, 104.0)]
    assert result.status_theater_hours == 13.0


def test_meetings_of_several_people_without_a_pre_read() -> None:
    with_doc = event("Architecture review", 5, description="https://wiki.example.com/adr/7",
                     last_modified=at("2025-02-03", 9) - dt.timedelta(days=3))
    late_doc = event("Pricing review", 4, description="https://docs.example.com/p",
                     last_modified=at("2025-02-04", 9))
    occurrences = [
        occ(with_doc, "2025-02-03", 10, 11),
        occ(late_doc, "2025-02-04", 15, 16),  # the link came 6 hours before
        occ(event("Retro", 6, uid="r1"), "2025-02-05", 10, 11.5),
        occ(event("Kickoff", 3, location="Room 4B"), "2025-02-06", 10, 11),
        occ(event("1:1", 2), "2025-02-07", 10, 11),  # too small to need one
    ]
    result = find(run(occurrences, "2025-02-03", "2025-02-09"))
    assert [(g.title, g.people, g.hours_per_quarter) for g in result.preread_gaps] == [
        ("Retro", 6, 19.5), ("Kickoff", 3, 13.0)]
    assert (result.preread_meetings, result.preread_hours, result.late_prereads) == (
        2, 32.5, 1)


def test_the_most_expensive_series_are_hours_times_people() -> None:
    occurrences = (weekly("Big weekly", 12, 2, "2025-02-03", 10, 11)
                   + weekly("Long small", 2, 2, "2025-02-04", 9, 12)
                   + weekly("Standup", 6, 2, "2025-02-05", 9, 9.25))
    result = find(run(occurrences, "2025-02-03", "2025-02-16"))
    assert [(s.title, s.person_hours_per_quarter) for s in result.expensive_series] == [
        ("Big weekly", 156.0), ("Long small", 78.0), ("Standup", 19.5)]


def test_mixed_days_and_what_clustering_saves() -> None:
    day = "2025-02-04"
    mixed = [occ(event(t), day, h, h + 0.5) for t, h in (
        ("Code review", 9), ("Customer call", 10), ("Debug session", 11),
        ("Incident review", 13), ("Sales sync", 14), ("Pairing", 15))]
    calm = [occ(event("Code review"), "2025-02-05", 9, 10),
            occ(event("Incident review"), "2025-02-05", 11, 12)]
    result = find(run(mixed + calm, day, "2025-02-05"))
    assert [(m.day.isoformat(), m.switches, m.clustered) for m in result.mixed_days] == [
        ("2025-02-04", 5, 2)]
    # 3 switches saved at 15 minutes, in a window of 2 days: x 91/2 for a quarter
    assert result.mixed_hours == pytest.approx(0.75 * 91 / 2)


def test_the_proposed_maker_day_has_the_fewest_and_most_movable_meetings() -> None:
    occurrences = []
    for week in range(2):
        monday = dt.date(2025, 2, 3) + dt.timedelta(weeks=week)

        def day(n: int) -> str:
            return (monday + dt.timedelta(days=n)).isoformat()  # noqa: B023

        occurrences += [
            occ(event("Leadership", 9), day(0), 10, 12),          # Mon: 2 h, immovable
            occ(event("Team", 6), day(1), 10, 11),               # Tue: 1 h, immovable
            occ(event("1:1 Alex"), day(2), 10, 11),              # Wed: 1 h of 1:1s
            occ(event("1:1 Blair"), day(2), 14, 14.5),           #      + 0.5 h: movable
            occ(event("Review", 4, organizer="me@example.com"), day(3), 10, 11.5),  # Thu
            occ(event("Demo", 7), day(4), 10, 12),               # Fri: 2 h, immovable
        ]
    result = find(run(occurrences, "2025-02-03", "2025-02-16", maker_weekday=1))
    proposal = result.maker_day
    assert proposal is not None
    loads = {w.weekday: (w.meeting_hours, w.movable_hours) for w in proposal.loads}
    assert loads == {0: (2.0, 0.0), 1: (1.0, 0.0), 2: (1.5, 1.5), 3: (1.5, 1.5),
                     4: (2.0, 0.0)}
    # score = hours + immovable hours: Wed 1.5 and Thu 1.5 beat Tue 2.0; Wed comes first
    assert (proposal.name, proposal.current, proposal.current_kept,
            proposal.current_weeks) == ("wednesday", 1, 2, 2)
    assert proposal.hours_to_move_per_quarter == pytest.approx(1.5 * 2 * 91 / 14)


def test_a_timed_event_of_several_days_takes_the_days_it_covers() -> None:
    # a conference from Monday 09:00 to Wednesday 17:00: Monday to Wednesday are away
    # days (working hours covered), and it is not meeting load
    conference = Event(uid="c", title="Conference")
    result = run([EventOccurrence(conference, at("2025-02-03", 9), at("2025-02-05", 17)),
                  occ(event("Sync"), "2025-02-06", 10, 11)], "2025-02-03", "2025-02-07")
    assert [d.away for d in result.days] == [True, True, True, False, False]
    assert result.kinds == {"away": 1, "meeting": 1}
    assert sum(d.meeting_hours for d in result.days) == 1.0
