"""The reader as a stream over a file's events: what it reads is what the file says,
however the file is folded, and a window sees every override that touches it."""

from __future__ import annotations

from tests.calendar_audit.conftest import NEW_YORK_VTIMEZONE, event, ics, read

RULE = "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20251231T235959Z"


def _series(*overrides: str) -> str:
    master = event("weekly", "20250106T100000", "20250106T103000", "Weekly sync",
                   extra=RULE)
    return ics(master, *overrides, zones=NEW_YORK_VTIMEZONE)


def _moved(original: str, start: str, end: str, title: str) -> str:
    return event("weekly", start, end, title,
                 extra=f"RECURRENCE-ID;TZID=America/New_York:{original}\nSEQUENCE:1")


def test_overrides_from_and_to_far_away_still_apply_to_the_window() -> None:
    text = _series(
        _moved("20250113T100000", "20250611T140000", "20250611T143000", "Moved in"),
        _moved("20250609T100000", "20250901T100000", "20250901T103000", "Moved out"),
        _moved("20250203T100000", "20250205T100000", "20250205T103000", "Far away"))
    june = read(text, "2025-06-01", "2025-06-30")
    seen = [(o.start.strftime("%m-%d %H:%M"), o.event.title) for o in june.occurrences]
    assert seen == [("06-02 10:00", "Weekly sync"), ("06-11 14:00", "Moved in"),
                    ("06-16 10:00", "Weekly sync"), ("06-23 10:00", "Weekly sync"),
                    ("06-30 10:00", "Weekly sync")]
    february = read(text, "2025-02-01", "2025-02-28")
    titles = [(o.start.strftime("%m-%d"), o.event.title) for o in february.occurrences]
    assert ("02-05", "Far away") in titles and ("02-03", "Weekly sync") not in titles


def test_a_file_folded_anywhere_reads_as_the_same_calendar() -> None:
    plain = ics(event("a", "20250602T090000", "20250602T100000", "Planning"),
                event("b", "20240101T090000", "20240101T100000", "Long ago"),
                event("c", "20260105T090000", "20260105T100000", "Next year"),
                zones=NEW_YORK_VTIMEZONE)
    folded = (plain.replace("BEGIN:VEVENT", "BEG\r\n IN:VEVENT")
              .replace("END:VEVENT", "END:VEV\r\n\tENT")
              .replace("DTSTART;TZID=", "DTST\r\n ART;TZID=")
              .replace("BEGIN:DAYLIGHT", "BEGIN\r\n :DAYLIGHT"))
    for text in (plain, folded, folded.replace("\r\n", "\n")):
        found = read(text, "2025-06-01", "2025-06-30")
        assert found.events == 3
        assert [o.event.title for o in found.occurrences] == ["Planning"]
        assert found.span is not None
        assert (str(found.span[0]), str(found.span[1])) == ("2024-01-01", "2026-01-05")
        assert not found.problems.skipped


def _year_of_meetings() -> str:
    """A series with a moved occurrence and 600 single meetings over 2025, with alarms
    and long agendas (2 MB: more than one step of the scan's and the reader's)."""
    agenda = "Agenda — décisions à prendre, risques, suivi. " * 80
    singles = [event(f"m{n}", f"2025{1 + n % 12:02d}{1 + n % 28:02d}T{9 + n % 8:02d}0000",
                     f"2025{1 + n % 12:02d}{1 + n % 28:02d}T{9 + n % 8:02d}3000",
                     f"Meeting {n}", people=("ann@example.com",), description=agenda,
                     extra="BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT10M\nEND:VALARM")
               for n in range(600)]
    master = event("weekly", "20250106T100000", "20250106T103000", "Weekly sync",
                   extra=RULE)
    moved = _moved("20250609T100000", "20250610T150000", "20250610T153000", "Moved")
    return ics(master, *singles, moved, zones=NEW_YORK_VTIMEZONE)


def test_a_file_audited_from_disk_reads_as_its_bytes(write, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The app maps a regular file and lets go of the pages it has read (reading some
    again for the span); a pipe is read whole. Each reads what its bytes say, with a
    byte-order mark or folded anywhere."""
    import datetime as dt
    import os
    import threading

    from luckos.app.calendar import audit_file
    from luckos.config import Config

    plain = _year_of_meetings()
    assert len(plain.encode()) > 2 * 2**20
    folded = plain.replace("BEGIN:VEVENT", "BEG\r\n IN:VEVENT").replace(
        "DTSTART;TZID=", "DTST\r\n ART;TZID=")
    for first, last in (("2025-06-01", "2025-06-30"), ("2025-01-01", "2025-12-31")):
        window = (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        for text in (plain, folded):
            expected = read(text, first, last)
            shown = [(o.start, o.end, o.event.title) for o in expected.occurrences]
            assert len(shown) > 40
            for data in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
                report = audit_file(write(data), config=Config(), window=window)
                seen = [(c.occurrence.start, c.occurrence.end, c.occurrence.event.title)
                        for c in report.audit.counted]
                assert seen == shown
                assert report.span == expected.span == (dt.date(2025, 1, 1),
                                                        dt.date(2025, 12, 28))
    pipe = tmp_path / "pipe.ics"
    os.mkfifo(pipe)

    def feed() -> None:
        with open(pipe, "wb") as out:
            out.write(plain.encode())

    writer = threading.Thread(target=feed)
    writer.start()
    june = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    report = audit_file(pipe, config=Config(), window=june)
    writer.join()
    assert [c.occurrence.event.title for c in report.audit.counted] == [
        o.event.title for o in read(plain, "2025-06-01", "2025-06-30").occurrences]
