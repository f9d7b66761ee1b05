"""Bad calendars: never a hang, never the rest of the file lost, one clear line when the
file is unusable as a whole."""

from __future__ import annotations

import pytest

from luckos.errors import LuckError
from tests.calendar_audit.conftest import event, ics, read

GOOD = event("good", "20250107T100000", "20250107T110000", "Still here",
             people=("alex@example.com",))


def titles(reading):  # type: ignore[no-untyped-def]
    return [o.event.title for o in reading.occurrences]


def test_a_fold_that_lost_its_space_is_joined_back_and_the_rest_is_read() -> None:
    broken = ("UID:fold\nDTSTART;TZID=America/New_York:20250106T100000\n"
              "DTEND;TZID=America/New_York:20250106T110000\nSUMMARY:Design review\n"
              "DESCRIPTION:Agenda: the long description that an exporter folded\n"
              "without the leading space, with a link https://docs.example.com/x")
    reading = read(ics(broken, GOOD), "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Design review", "Still here"]
    first = reading.occurrences[0].event
    assert first.description.endswith("folded" + "without the leading space, with a link "
                                      "https://docs.example.com/x")
    assert reading.problems.notes == {
        "broken line folding (line joined to the one before)": 1}


def test_an_event_without_dtstart_is_skipped_and_counted() -> None:
    missing = "UID:nostart\nDTEND;TZID=America/New_York:20250106T110000\nSUMMARY:Orphan"
    reading = read(ics(missing, missing.replace("nostart", "nostart2"), GOOD),
                   "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Still here"]
    assert reading.problems.skipped == {"no DTSTART": 2}
    assert reading.problems.examples["no DTSTART"] == "'Orphan' (UID nostart)"


@pytest.mark.parametrize("value", ["2025-01-06 10:00", "20251306T100000", "20250106T1000"])
def test_an_unreadable_dtstart_is_skipped(value: str) -> None:
    bad = f"UID:bad\nDTSTART:{value}\nSUMMARY:Garbled"
    reading = read(ics(bad, GOOD), "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Still here"]
    assert reading.problems.skipped == {"unreadable DTSTART": 1}


def test_an_unknown_tzid_is_read_as_local_time_and_reported() -> None:
    text = ics(event("mars", "20250106T100000", "20250106T110000", "On Mars",
                     tz="Mars/Olympus_Mons"), GOOD)
    reading = read(text, "2025-01-01", "2025-01-31", zone="America/New_York")
    assert [o.start.strftime("%d %H:%M") for o in reading.occurrences] == ["06 10:00",
                                                                          "07 10:00"]
    assert reading.problems.notes == {
        "unknown time zone 'Mars/Olympus_Mons' (read as local time)": 1}


def test_an_rrule_with_no_end_is_expanded_only_inside_the_window() -> None:
    endless = event("endless", "20250106T100000", "20250106T101500", "Standup",
                    extra="RRULE:FREQ=DAILY")
    reading = read(ics(endless, GOOD), "2025-01-06", "2025-01-12")
    assert titles(reading).count("Standup") == 7


def test_duplicate_uids_keep_one_copy_and_never_lose_a_different_event() -> None:
    copy = event("dup", "20250106T100000", "20250106T110000", "Copied twice")
    newer = event("upd", "20250108T100000", "20250108T110000", "Updated",
                  extra="SEQUENCE:2")
    older = event("upd", "20250108T090000", "20250108T100000", "Updated (old)",
                  extra="SEQUENCE:1")
    shared_a = event("shared", "20250109T100000", "20250109T110000", "Shared A")
    shared_b = event("shared", "20250110T100000", "20250110T110000", "Shared B")
    reading = read(ics(copy, copy, newer, older, shared_a, shared_b), "2025-01-01",
                   "2025-01-31")
    assert titles(reading) == ["Copied twice", "Updated", "Shared A", "Shared B"]
    assert reading.problems.skipped == {
        "duplicate UID (a second copy of the same event)": 1,
        "an older version of the same UID (lower SEQUENCE)": 1}
    assert reading.problems.notes == {
        "one UID shared by events at different times (all kept)": 1}


def test_a_property_given_twice_does_not_spoil_a_series() -> None:
    master = event("twice", "20250106T100000", "20250106T110000", "Review",
                   extra="RRULE:FREQ=WEEKLY;COUNT=3\nSEQUENCE:0")
    moved = event("twice", "20250114T100000", "20250114T110000", "Review (moved)",
                  extra="RECURRENCE-ID;TZID=America/New_York:20250113T100000\n"
                        "SEQUENCE:1\nSEQUENCE:0")
    reading = read(ics(master, moved, GOOD), "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Review", "Still here", "Review (moved)", "Review"]
    assert reading.problems.notes == {"SEQUENCE given twice (the first one is used)": 1}
    assert not reading.problems.skipped


def test_a_broken_rrule_skips_that_series_only() -> None:
    broken = event("rr", "20250106T100000", "20250106T110000", "Broken series",
                   extra="RRULE:FREQ=FORTNIGHTLY")
    reading = read(ics(broken, GOOD), "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Still here"]
    assert reading.problems.skipped == {"unreadable RRULE": 1}


def test_a_rule_that_repeats_every_minute_is_refused_not_expanded() -> None:
    minutely = event("min", "20250106T100000", "20250106T100100", "Tick",
                     extra="RRULE:FREQ=MINUTELY")
    reading = read(ics(minutely, GOOD), "2025-01-01", "2025-12-31")
    assert titles(reading) == ["Still here"]
    assert reading.problems.skipped == {"recurs more often than daily (FREQ=MINUTELY)": 1}


def test_a_rule_that_can_never_happen_ends_with_the_window() -> None:
    # February 30th never comes: without an end the rule would be searched until 9999
    never = event("never", "20250106T100000", "20250106T110000", "Never",
                  extra="RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    reading = read(ics(never, GOOD), "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Never", "Still here"]  # DTSTART itself always counts
    assert reading.problems.notes == {"RRULE that no date matches (only DTSTART counts)": 1}


def test_a_series_that_expands_too_slowly_is_stopped_and_skipped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from luckos.calendar import expand

    monkeypatch.setattr(expand, "SERIES_SECONDS", 0.2)
    # January 1st is never in February: dateutil would search day by day until 9999
    never = event("slow", "20250106T100000", "20250106T110000", "Never either",
                  extra="RRULE:FREQ=DAILY;BYMONTH=2;BYYEARDAY=1")
    reading = read(ics(never, GOOD), "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Still here"]
    assert reading.problems.skipped == {"recurrence takes too long to expand (over 0.2 s)": 1}


def test_an_event_that_ends_before_it_starts_is_skipped() -> None:
    backwards = event("back", "20250106T110000", "20250106T100000", "Backwards")
    reading = read(ics(backwards, GOOD), "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Still here"]
    assert reading.problems.skipped == {"ends before it starts": 1}


def test_an_unclosed_event_is_skipped_and_the_following_ones_are_read() -> None:
    text = ics(GOOD).replace("END:VCALENDAR\r\n", "")
    text += ("BEGIN:VEVENT\r\nUID:cut\r\nDTSTART:20250108T150000Z\r\nSUMMARY:Cut off\r\n"
             "BEGIN:VEVENT\r\nUID:after\r\nDTSTART:20250109T150000Z\r\n"
             "DTEND:20250109T160000Z\r\nSUMMARY:After the cut\r\nEND:VEVENT\r\n"
             "BEGIN:VEVENT\r\nUID:tail\r\nDTSTART:20250110T150000Z\r\nSUMMARY:Truncated")
    reading = read(text, "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Still here", "After the cut"]
    assert reading.problems.skipped == {"not closed (END:VEVENT missing)": 2}


def test_a_fifty_megabyte_file_is_read_without_keeping_its_attachment() -> None:
    blob = "A" * 74
    attachment = "ATTACH;ENCODING=BASE64;VALUE=BINARY;FMTTYPE=application/pdf:" + "\r\n ".join(
        [blob] * (50 * 1024 * 1024 // 76))
    big = event("big", "20250106T100000", "20250106T110000", "Deck review",
                people=("alex@example.com",), extra=attachment)
    text = ics(big, GOOD)
    assert len(text) > 50 * 1024 * 1024
    reading = read(text, "2025-01-01", "2025-01-31")
    assert titles(reading) == ["Deck review", "Still here"]
    assert reading.occurrences[0].event.attachments == ()


@pytest.mark.parametrize("data, message", [
    (b"", "not an iCalendar file (it is empty; expected BEGIN:VCALENDAR)"),
    (b"Subject,Start Date\nStandup,2025-01-06\n",
     "not an iCalendar file (it starts with 'Subject,Start Date'; expected BEGIN:VCALENDAR)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not an iCalendar file (it is binary)"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
     "no events in this calendar (no VEVENT)"),
    (ics("UID:a\nSUMMARY:No start", "UID:b\nSUMMARY:Nor this").encode(),
     "none of its 2 events could be read (2 no DTSTART)"),
])
def test_a_file_unusable_as_a_whole_is_one_clear_error(data: bytes, message: str) -> None:
    from luckos.calendar.reader import read_calendar

    with pytest.raises(LuckError) as caught:
        import datetime as dt

        read_calendar(data, "export.ics", window=(dt.date(2025, 1, 1), dt.date(2025, 1, 31)))
    assert str(caught.value) == f"export.ics: {message}"


def test_a_file_in_an_older_windows_encoding_is_still_read() -> None:
    import datetime as dt

    from luckos.calendar.reader import read_calendar

    text = ics(event("enc", "20250106T100000", "20250106T110000", "Réunion à Zürich"))
    reading = read_calendar(text.encode("cp1252"), "old.ics",
                            window=(dt.date(2025, 1, 1), dt.date(2025, 1, 31)))
    assert titles(reading) == ["Réunion à Zürich"]
