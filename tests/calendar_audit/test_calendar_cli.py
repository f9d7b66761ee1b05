"""`luck calendar` as a person uses it: a small week computed by hand, imports over
time, charts, settings, and every way a command can be given bad input."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from luckos.store import SCHEMA_VERSION
from tests.calendar_audit.conftest import NEW_YORK_VTIMEZONE, event, ics
from tests.conftest import Luck, loaded_after

ALEX, BLAIR, CASEY, DREW = (f"{n}@example.com" for n in ("alex", "blair", "casey", "drew"))
DOC = "Pre-read: https://docs.example.com/pr/1"

# The week of Monday 3 February 2025 in New York; you are me@example.com; working hours
# 09:00-17:00; maker blocks 2 h+, the maker day (Wednesday) needs a free block of 4 h+.
#
# Mon  09:00-10:00 Code review: payments (3 people, a pre-read)    code
#      10:30-11:00 Incident review (2)                              system
#      11:00-11:30 Pairing on auth (2)                              code
#      14:00-15:00 Customer call, organized by pat@acme-corp.com    business
#      -> 3.0 h in 4 meetings; free 10:00-10:30 (a 0.5 h fragment), 11:30-14:00 and
#         15:00-17:00 (2 maker blocks); code>system>code>business: 3 switches (2 clustered)
# Tue  10:00-11:00 Weekly sync (5 people, recurring, nothing written)  unclassified
#      13:00-14:00 Lunch (nobody else: a hold)
#      -> 1.0 h in 1 meeting; free 09-10, 11-13, 14-17: 2 maker blocks, no fragment
# Wed  09:00-13:00 Focus time (protected), 13:00-13:30 1:1 with Alex   unclassified
#      -> 0.5 h; free 09:00-13:00 (4 h: the focus block does not break it) and
#         13:30-17:00: 2 maker blocks, 1 of 4 h+: the maker day is kept
# Thu  Architecture review declined, Planning cancelled, Budget review free (TRANSPARENT)
#      -> nothing counts: one free block of 8 h
# Fri  Vacation (all-day) and a Quick sync (2) at 10:00-10:30 anyway  unclassified
#      -> an away day: 0.5 h of meetings, no maker blocks
# Week: 7 meetings, 5.0 h; 7 maker blocks, 2 of 4 h+; 0.5 h fragmented; 3 switches;
#       focus 4.0 h; code 1.5 h, system 0.5 h, business 1.0 h, unclassified 2.0 h.
HAND_WEEK = ics(
    event("cr", "20250203T090000", "20250203T100000", "Code review: payments",
          people=(ALEX, BLAIR), description=DOC),
    event("ir", "20250203T103000", "20250203T110000", "Incident review", people=(ALEX,)),
    event("pa", "20250203T110000", "20250203T113000", "Pairing on auth", people=(BLAIR,)),
    event("cc", "20250203T140000", "20250203T150000", "Customer call",
          people=("pat@acme-corp.com",)),
    event("ws", "20250204T100000", "20250204T110000", "Weekly sync",
          people=(ALEX, BLAIR, CASEY, DREW), extra="RRULE:FREQ=WEEKLY;COUNT=10"),
    event("lu", "20250204T130000", "20250204T140000", "Lunch"),
    event("fo", "20250205T090000", "20250205T130000", "Focus time"),
    event("oo", "20250205T130000", "20250205T133000", "1:1 with Alex", people=(ALEX,)),
    event("ar", "20250206T100000", "20250206T110000", "Architecture review",
          people=(ALEX, BLAIR, CASEY), partstat="DECLINED"),
    event("pl", "20250206T110000", "20250206T120000", "Planning", people=(ALEX,),
          extra="STATUS:CANCELLED"),
    event("bu", "20250206T150000", "20250206T160000", "Budget review", people=(ALEX, BLAIR),
          extra="TRANSP:TRANSPARENT"),
    event("va", "20250207", "20250208", "Vacation", tz=None, extra="TRANSP:TRANSPARENT"),
    event("qs", "20250207T100000", "20250207T103000", "Quick sync", people=(ALEX,)),
    header="X-WR-CALNAME:me@example.com\nX-WR-TIMEZONE:America/New_York",
    zones=NEW_YORK_VTIMEZONE,
)
WEEK = ("--from", "2025-02-03", "--to", "2025-02-09")


def test_the_hand_computed_week_in_json(luck, write) -> None:  # type: ignore[no-untyped-def]
    result = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["window"] == {"from": "2025-02-03", "to": "2025-02-09", "days": 7}
    assert data["timezone"] == {"name": "America/New_York",
                                "why": "the calendar's X-WR-TIMEZONE"}
    assert data["me"]["addresses"] == ["me@example.com"]
    assert data["counted"] == {"meeting": 7, "focus": 1, "hold": 1, "away": 1,
                               "declined": 1, "cancelled": 1, "free": 1, "all_day": 0}
    [week] = data["weeks"]
    assert week == {
        "week_start": "2025-02-03", "days": 7, "meeting_hours": 5.0, "meetings": 7,
        "maker_blocks": 7, "long_blocks": 2, "fragmented_hours": 0.5,
        "context_switches": 3, "focus_hours": 4.0, "maker_day": "2025-02-05",
        "maker_day_state": "kept", "maker_day_kept": True,
        "altitude_hours": {"code": 1.5, "system": 0.5, "business": 1.0,
                           "unclassified": 2.0}}
    days = {d["weekday"]: d for d in data["days"]}
    assert [days[d]["meeting_hours"] for d in ("monday", "tuesday", "wednesday",
                                               "thursday", "friday")] == [3.0, 1.0, 0.5, 0,
                                                                          0.5]
    assert days["monday"]["free_blocks"] == [["10:00", "10:30"], ["11:30", "14:00"],
                                             ["15:00", "17:00"]]
    assert (days["monday"]["context_switches"], days["monday"]["clustered_switches"]) == (
        3, 2)
    assert days["thursday"]["free_blocks"] == [["09:00", "17:00"]]
    assert days["friday"]["away"] and days["friday"]["free_blocks"] == []
    # one week in the window: a quarter is 13 of them. Pre-read gaps among meetings of
    # 3+ people: Weekly sync (1 h) and the customer call? no: it has 2 people.
    findings = data["findings"]
    assert findings["preread"]["gaps"][0]["title"] == "Weekly sync"
    assert (findings["preread"]["meetings"], findings["preread"]["hours_per_quarter"]) == (
        1, 13.0)
    assert findings["expensive_series"][0]["person_hours_per_quarter"] == 65.0
    assert findings["status_theater"]["series"] == []  # only once in this window


def test_hours_per_week_at_each_altitude_are_the_same_in_text_and_json(  # type: ignore[no-untyped-def]
        luck, write) -> None:
    """Two weeks, the second with one meeting (the weekly sync): the altitude hours per
    week are the two weeks' over two, in the totals row and in the JSON totals alike."""
    path = str(write(HAND_WEEK))
    window = ("--from", "2025-02-03", "--to", "2025-02-16")
    data = luck("calendar", "audit", path, *window, "--json").json()
    assert data["totals"]["altitude_hours_per_week"] == {
        "code": 0.75, "system": 0.25, "business": 0.5, "unclassified": 1.5}
    text = luck("calendar", "audit", path, *window).stdout
    [row] = [ln for ln in text.splitlines() if ln.startswith("per week")]
    assert row.split()[-4:] == ["0.8", "0.2", "0.5", "1.5"]  # (one decimal, as printed)


def test_the_hand_computed_week_as_a_person_reads_it(luck, write) -> None:  # type: ignore[no-untyped-def]
    result = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--days", "--explain")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "window       2025-02-03 to 2025-02-09 (1 week), America/New_York" in out
    assert ("counted      7 meetings, 1 focus block, 1 hold (busy, nobody else), "
            "1 out-of-office event") in out
    assert "not counted  1 cancelled, 1 declined, 1 free" in out
    assert ("2025-02-03  7         5.0    7           2    0.5           3         4.0      "
            "kept") in out
    # the maker day held this week; Thursday (all declined, cancelled or free) is emptier
    assert ("5. Keep Wednesday as your maker day: it was kept 1 of 1 week. The emptiest "
            "weekday is Thursday (0.0 h of meetings a day") in out
    assert "Customer call          business      title keyword \"customer\"" in out
    assert "2025-02-07  fri  1         0.5" in out


def test_a_dst_week_in_new_york(luck, write) -> None:  # type: ignore[no-untyped-def]
    # Europe switches three weeks after New York: a 15:00 London meeting moves from
    # 10:00 to 11:00 New York time; a New York meeting stays at 10:00; a UTC meeting
    # (no X-WR-TIMEZONE) moves with the instant.
    text = ics(
        event("ldn", "20250304T150000", "20250304T160000", "London sync", tz="Europe/London",
              people=(ALEX,), extra="RRULE:FREQ=WEEKLY;COUNT=2"),
        event("nyc", "20250305T100000", "20250305T110000", "Team sync", people=(ALEX,),
              extra="RRULE:FREQ=WEEKLY;COUNT=2"),
        event("utc", "20250306T150000Z", "20250306T160000Z", "UTC call", tz=None,
              people=(ALEX,), extra="RRULE:FREQ=WEEKLY;COUNT=2"),
        event("rel", "20250308T230000", "20250309T040000", "Release night", people=(ALEX,)),
    )
    result = luck("calendar", "audit", str(write(text)), "--from", "2025-03-03", "--to",
                  "2025-03-16", "--tz", "America/New_York", "--json", "--me",
                  "me@example.com")
    data = result.json()
    heat = data["heat"]["hours"]
    # two weeks: each weekly meeting adds 30 minutes a week to its hour
    assert (heat[1][10], heat[1][11]) == (30.0, 30.0)  # London: Tue 10:00, then 11:00
    assert (heat[2][10], heat[2][11]) == (60.0, 0.0)  # New York: Wed 10:00 both weeks
    assert (heat[3][10], heat[3][11]) == (30.0, 30.0)  # UTC: Thu 10:00, then 11:00
    days = {d["day"]: d for d in data["days"]}
    # the release night lasts 4 real hours: 23:00-24:00 and 00:00-04:00 less the
    # hour that did not exist
    assert (days["2025-03-08"]["meeting_hours"], days["2025-03-09"]["meeting_hours"]) == (
        1.0, 3.0)
    assert [w["meeting_hours"] for w in data["weeks"]] == [7.0, 3.0]


def test_import_keeps_the_audit_and_audit_without_a_file_reaudits_it(  # type: ignore[no-untyped-def]
        luck, write, home: Path) -> None:
    path = write(HAND_WEEK)
    direct = luck("calendar", "audit", str(path), *WEEK, "--json").json()
    imported = luck("calendar", "import", str(path), *WEEK)
    assert imported.exit_code == 0, imported.stderr
    assert "Kept import 1:" in imported.stdout
    again = luck("calendar", "audit", "--json").json()
    assert again["import"]["id"] == 1
    for key in ("weeks", "days", "findings", "counted", "totals", "heat"):
        assert again[key] == direct[key], key
    # the kept occurrences are re-audited with today's settings
    (home / "luck.toml").write_text('maker_day = "thursday"\n', encoding="utf-8")
    changed = luck("calendar", "audit", "--json").json()
    assert changed["weeks"][0]["maker_day"] == "2025-02-06"
    # a narrower window inside the import is fine, one outside it is not
    monday = luck("calendar", "audit", "--from", "2025-02-03", "--to", "2025-02-03",
                  "--json").json()
    assert monday["weeks"][0]["meeting_hours"] == 3.0
    outside = luck("calendar", "audit", "--from", "2025-01-01")
    assert outside.exit_code == 2
    assert outside.stderr == ("luck: error: the imported calendar covers 2025-02-03 to "
                              "2025-02-09; choose --from and --to inside it (or import the "
                              "file again)\n")


def test_audits_over_time_are_compared(luck, write, home: Path) -> None:  # type: ignore[no-untyped-def]
    from luckos.app.calendar import latest_weeks
    from luckos.workspace import open_workspace

    ws = open_workspace(home)
    try:
        assert latest_weeks(ws) == []
    finally:
        ws.close()
    luck("calendar", "import", str(write(HAND_WEEK)), *WEEK)
    calmer = HAND_WEEK.replace("SUMMARY:Customer call", "SUMMARY:Customer call\r\n"
                               "STATUS:CANCELLED")
    second = luck("calendar", "import", str(write(calmer, "later.ics")), *WEEK)
    assert "meeting hours per week     4.0       5.0       -1.0" in second.stdout
    third = luck("calendar", "import", str(write(calmer, "again.ics")), *WEEK, "--json").json()
    assert (third["import"]["id"], third["previous"]["id"]) == (3, 2)
    assert third["import"]["meeting_hours_per_week"] == 4.0
    history = luck("calendar", "history", "--json").json()
    assert [(h["id"], h["meeting_hours_per_week"]) for h in history] == [(1, 5.0), (2, 4.0),
                                                                          (3, 4.0)]
    text = luck("calendar", "history").stdout
    assert "2025-02-03 to 2025-02-09" in text
    ws = open_workspace(home)
    try:
        weeks = latest_weeks(ws)
    finally:
        ws.close()
    assert [(w.week_start.isoformat(), w.meeting_hours, w.maker_day_kept) for w in weeks] == [
        ("2025-02-03", 4.0, True)]


def test_a_failed_import_writes_nothing(luck, write, home: Path) -> None:  # type: ignore[no-untyped-def]
    result = luck("calendar", "import", str(write(b"not a calendar")), *WEEK)
    assert result.exit_code == 2
    with sqlite3.connect(home / "luck.db") as db:
        assert db.execute("SELECT count(*) FROM calendar_import").fetchone()[0] == 0
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_audit_without_a_file_needs_an_import(luck) -> None:  # type: ignore[no-untyped-def]
    result = luck("calendar", "audit")
    assert result.exit_code == 2
    assert result.stderr.startswith("luck: error: no calendar imported yet")


@pytest.mark.parametrize("args, message", [
    (("--from", "2025-02-10", "--to", "2025-02-01"),
     "--from 2025-02-10 is after --to 2025-02-01"),
    (("--from", "soonish"), "invalid --from 'soonish'"),
    (("--from", "2000-01-01", "--to", "2025-01-01"),
     "the window 2000-01-01 to 2025-01-01 is longer than ten years"),
    (("--tz", "Mars/Olympus"), "--tz 'Mars/Olympus' is not a known time zone"),
    (("--me", "me-at-example"), "--me 'me-at-example' is not an email address"),
    (("--from", "2024-01-01", "--to", "2024-01-31"),
     "no events between 2024-01-01 and 2024-01-31; its events run from 2025-02-03 to "
     "2025-02-07 (choose the window with --from and --to)"),
])
def test_bad_options_are_one_line_and_exit_2(luck, write, args, message) -> None:  # type: ignore[no-untyped-def]
    result = luck("calendar", "audit", str(write(HAND_WEEK)), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"", "not an iCalendar file (it is empty; expected BEGIN:VCALENDAR)"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "not an iCalendar file (it is binary)"),
    (b"<html><body>Sign in</body></html>", "not an iCalendar file (it starts with "),
])
def test_a_file_that_is_not_a_calendar_is_one_line_and_exit_2(  # type: ignore[no-untyped-def]
        luck, write, content, message) -> None:
    path = write(content, "export.ics")
    result = luck("calendar", "audit", str(path), *WEEK)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"luck: error: {path}: {message}")
    assert len(result.stderr.splitlines()) == 1


def test_a_missing_file_or_a_folder(luck, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = luck("calendar", "audit", str(tmp_path / "nope.ics"))
    assert missing.stderr == f"luck: error: {tmp_path / 'nope.ics'}: no such file\n"
    folder = luck("calendar", "audit", str(tmp_path))
    assert folder.stderr == f"luck: error: {tmp_path}: is a folder, not a calendar file\n"


def test_skipped_events_are_counted_by_reason_in_the_report(luck, write) -> None:  # type: ignore[no-untyped-def]
    broken = HAND_WEEK.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:No start\r\n"
                               "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:y\r\nDTSTART:2025020\r\n"
                               "SUMMARY:Garbled\r\nEND:VEVENT\r\nEND:VCALENDAR")
    result = luck("calendar", "audit", str(write(broken)), *WEEK)
    assert result.exit_code == 0
    assert "skipped      2 events: 1 no DTSTART, 1 unreadable DTSTART" in result.stdout
    assert "e.g. no DTSTART: 'No start' (UID x)" in result.stdout
    data = luck("calendar", "audit", str(write(broken)), *WEEK, "--json").json()
    assert data["skipped"] == {"no DTSTART": 1, "unreadable DTSTART": 1}
    assert data["weeks"][0]["meeting_hours"] == 5.0  # the rest of the file is all there


def test_settings_in_luck_toml_change_the_audit(luck, write, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "luck.toml").write_text(
        '[calendar]\nwork_start = "08:00"\nwork_end = "18:00"\nfragment_minutes = 30\n'
        'me = ["me@example.com"]\n[calendar.altitude]\nbusiness = ["sync"]\n',
        encoding="utf-8")
    data = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--json").json()
    monday = data["days"][0]
    assert monday["free_blocks"][0] == ["08:00", "09:00"]
    assert monday["fragments"] == 0  # 10:00-10:30 is not shorter than 30 minutes
    assert data["me"]["why"] == "luck.toml (calendar.me)"
    assert data["weeks"][0]["altitude_hours"]["business"] == 2.5  # + Weekly, Quick sync


@pytest.mark.parametrize("toml, message", [
    ("[calendar]\nmaker_block_hours = 0\n",
     "[calendar] maker_block_hours: must be a number between 0.5 and 12, got 0"),
    ("[calendar]\nwork_start = \"9am\"\n",
     '[calendar] work_start: must be a time of day such as "09:00", got "9am"'),
    ("[calendar]\nwork_start = \"18:00\"\n",
     "[calendar] work_start: must come before calendar.work_end"),
    ("[calendar]\nworkdays = [\"funday\"]\n",
     '[calendar] workdays: must be a weekday name (monday to sunday), got "funday"'),
    ("[calendar]\ntimezone = \"Atlantis\"\n",
     "[calendar] timezone: 'Atlantis' is not a known time zone"),
    ("[calendar]\nme = [\"nobody\"]\n", '[calendar] me: "nobody" is not an email address'),
    ("[calendar]\nfocus_keywords = \"focus\"\n",
     "[calendar] focus_keywords: must be a list of non-empty strings"),
    ("[calendar]\nmaker_day_hours = 1.5\n",
     "[calendar] maker_day_hours: must be at least calendar.maker_block_hours"),
    ("[calendar]\nsnooze = 3\n", "[calendar] snooze: unknown setting"),
    ("[calendar.altitude]\nexternal = \"galaxy\"\n",
     '[calendar.altitude] external: must be one of "", "code", "system" or "business", '
     'got "galaxy"'),
    ("[calendar.altitude]\ndomains = {\"x.com\" = \"space\"}\n",
     '[calendar.altitude] domains.x.com: must be one of "code", "system" or "business", '
     'got "space"'),
    ("[calendar.altitude]\nvibes = []\n",
     "[calendar.altitude] vibes: unknown setting (known: business, code, domains, external, "
     "large_meeting_people, system)"),
])
def test_bad_calendar_settings_are_refused(luck, write, home: Path, toml, message) -> None:  # type: ignore[no-untyped-def]
    (home / "luck.toml").write_text(toml, encoding="utf-8")
    result = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert f"{home / 'luck.toml'}:2: " in result.stderr  # the line of the bad key


def test_the_default_settings_file_holds_every_default() -> None:
    import tomllib

    from luckos.config import DEFAULT_TOML, Config, config_from_dict

    assert config_from_dict(tomllib.loads(DEFAULT_TOML)) == Config()
    assert "[calendar.altitude]" in DEFAULT_TOML


def test_charts_are_written_as_png_and_svg(luck, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(HAND_WEEK)
    out = tmp_path / "charts"
    result = luck("calendar", "audit", str(path), *WEEK, "--charts", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"chart: {out / 'meeting-load.png'}" in result.stdout
    for name in ("meeting-load.png", "altitude-mix.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = luck("calendar", "audit", str(path), *WEEK, "--charts", str(out),
                "--chart-format", "svg", "--json").json()
    assert data["charts"] == [str(out / "meeting-load.svg"), str(out / "altitude-mix.svg")]
    svg = (out / "meeting-load.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Meeting load" in svg
    assert "Altitude mix per week" in (out / "altitude-mix.svg").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == [
        "altitude-mix.png", "altitude-mix.svg", "meeting-load.png", "meeting-load.svg"]


def test_progress_is_reported_for_a_large_calendar_and_quiet_when_piped() -> None:
    import datetime as dt

    from luckos.calendar.reader import read_calendar
    from luckos.cli.calendar import _Bar

    events = [event(f"e{i}", f"202502{3 + i % 5:02d}T{9 + i % 8:02d}0000",
                    f"202502{3 + i % 5:02d}T{9 + i % 8:02d}3000", f"Meeting {i}",
                    people=(ALEX,)) for i in range(400)]
    events.append(event("s", "20250203T083000", "20250203T084500", "Standup",
                        people=(ALEX,), extra="RRULE:FREQ=DAILY;COUNT=5"))
    seen: list[tuple[str, int, int]] = []
    read_calendar(ics(*events).encode(), "big.ics",
                  window=(dt.date(2025, 2, 3), dt.date(2025, 2, 9)),
                  progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert {(stage, total) for stage, _, total in seen} == {("reading events", 401),
                                                            ("expanding series", 1)}
    assert sum(done for stage, done, _ in seen if stage == "reading events") == 401
    bar = _Bar()  # pytest's stderr is no terminal: no bar
    bar("reading events", 250, 401)
    assert bar.enabled is False


def test_help_stays_light_and_tells_the_truth() -> None:
    done = loaded_after(["calendar", "--help"],
                        ("icalendar", "matplotlib", "rich", "recurring_ical_events"))
    assert done.summary == "0 []"
    assert "audit" in done.stdout and "import" in done.stdout and "history" in done.stdout


def test_a_google_export_of_plain_weekly_series_is_audited_without_icalendar(
        tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    # its VTIMEZONE names a zone of the database and its series are weekly in that zone:
    # neither icalendar nor recurring-ical-events is loaded, and a moved occurrence, an
    # EXDATE and a zone the database knows under another name still count
    series = event("w1", "20250106T100000", "20250106T110000", "Weekly sync",
                   people=(ALEX,), extra="RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250301T000000Z\n"
                                         "EXDATE;TZID=America/New_York:20250113T100000")
    moved = event("w1", "20250121T150000", "20250121T160000", "Weekly sync", people=(ALEX,),
                  extra="RECURRENCE-ID;TZID=America/New_York:20250120T100000")
    tokyo = event("t1", "20250108T090000", "20250108T100000", "Tokyo call", tz="Asia/Tokyo",
                  people=(ALEX,), extra="RRULE:FREQ=DAILY;COUNT=2")
    path = write(ics(series, moved, tokyo, header="X-WR-TIMEZONE:America/New_York",
                     zones=NEW_YORK_VTIMEZONE))
    done = loaded_after(["calendar", "audit", str(path), "--from", "2025-01-06", "--to",
                         "2025-01-26", "--tz", "UTC", "--json", "--explain"],
                        ("icalendar", "recurring_ical_events"),
                        {"LUCK_HOME": str(tmp_path / "ws"), "PATH": "/usr/bin:/bin"})
    assert done.found == []
    import json

    rows = {row["title"]: row for row in json.loads(done.stdout)["explain"]}
    # the 13th skipped, the 20th moved to the 21st; 09:00 in Tokyo is 00:00 UTC
    assert (rows["Weekly sync"]["occurrences"], rows["Weekly sync"]["first"]) == (
        2, "2025-01-06")
    assert (rows["Tokyo call"]["occurrences"], rows["Tokyo call"]["first"]) == (
        2, "2025-01-08")


def test_the_main_flow_in_a_real_process(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    luck = Path(sys.executable).with_name("luck")
    env = {"LUCK_HOME": str(tmp_path / "ws"), "PATH": "/usr/bin:/bin"}
    path = write(HAND_WEEK)

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(luck), "--today", "2025-02-07", *args], env=env,
                              capture_output=True, text=True)

    assert call("init").returncode == 0
    # the default window ends with this week (--today) and starts with the calendar
    imported = call("calendar", "import", str(path))
    assert imported.returncode == 0, imported.stderr
    assert "2025-02-03 to 2025-02-09" in imported.stdout
    report = call("calendar", "audit")
    assert report.returncode == 0
    assert "Calendar audit of" in report.stdout and "Findings" in report.stdout
    bad = call("calendar", "audit", str(write("BEGIN:VCALENDAR\r\n", "empty.ics")))
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr.endswith("no events in this calendar (no VEVENT)\n")
    assert "Traceback" not in bad.stderr


def test_the_runner_is_the_real_entry_point(bare_luck: Luck) -> None:
    result = bare_luck("calendar", "--help", today=None)
    assert result.exit_code == 0
    assert "Calendar as strategy" in result.stdout


def test_an_audit_needs_no_workspace(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    nowhere = Luck(tmp_path / "never-created", today=None)
    result = nowhere("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["weeks"][0]["meeting_hours"] == 5.0
    assert not (tmp_path / "never-created").exists()  # nothing written anywhere


def test_the_default_window_is_13_weeks_but_not_before_the_calendar_begins(  # type: ignore[no-untyped-def]
        luck, write) -> None:
    path = str(write(HAND_WEEK))
    # a week after the hand week: 13 weeks would start on 2024-11-25, the calendar
    # starts on 2025-02-03: empty weeks before it would only dilute the averages
    data = luck("calendar", "audit", path, "--json", today="2025-02-12").json()
    assert data["window"] == {"from": "2025-02-03", "to": "2025-02-16", "days": 14}
    assert [w["meeting_hours"] for w in data["weeks"]] == [5.0, 1.0]  # + a weekly sync
    # a --from given is kept as it is
    data = luck("calendar", "audit", path, "--json", "--from", "2025-01-27",
                today="2025-02-12").json()
    assert data["window"]["from"] == "2025-01-27"
    # and with no --to either, 13 weeks end with this week
    data = luck("calendar", "audit", path, "--json", today="2025-05-01").json()
    assert data["window"] == {"from": "2025-02-03", "to": "2025-05-04", "days": 91}


def test_a_file_too_large_is_refused_before_it_is_read(luck, write, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from luckos.calendar import reader

    monkeypatch.setattr(reader, "MAX_BYTES", 1024)
    path = write(HAND_WEEK)
    result = luck("calendar", "audit", str(path), *WEEK)
    assert result.exit_code == 2
    assert result.stderr == (f"luck: error: {path}: too large to be a calendar (0 MB; the "
                             "limit is 0 MB)\n")
