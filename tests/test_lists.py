"""Lists say when they cut, print whole cells when piped, never cut under --json, and
come in the order their help states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from luckos.cli import output as output_module
from tests.conftest import Luck

LONG = ("The auth rate limiter resets on the hour, not on a sliding window: every "
        "token-refresh storm lines up with :00, and the retries make it worse.")


def _rows(text: str) -> list[str]:
    return [row for row in text.splitlines()[1:] if row.strip()]


@pytest.fixture
def many(luck: Luck) -> Luck:
    """55 promises, due from 2026-11-26 on, one a day."""
    for day in range(55):
        luck.ok("promise", "add", f"promise number {day}", "--to", "Priya", "--due",
                f"+{day + 1}d")
    return luck


def test_a_list_says_when_it_stops_at_its_limit(many: Luck) -> None:
    out = many.ok("promise", "list").stdout
    assert out.splitlines()[-1] == "50 of 55 shown; --limit 0 for all"
    assert len(_rows(out)) == 51  # 50 rows and the note
    out = many.ok("promise", "list", "--limit", "10").stdout
    assert out.splitlines()[-1] == "10 of 55 shown; --limit 0 for all"
    # the count is of the records the filters match
    out = many.ok("promise", "list", "--limit", "3", "--until", "2026-11-30").stdout
    assert out.splitlines()[-1] == "3 of 5 shown; --limit 0 for all"


def test_limit_zero_lists_everything_and_says_nothing_more(many: Luck) -> None:
    out = many.ok("promise", "list", "--limit", "0").stdout
    assert len(_rows(out)) == 55
    assert "shown" not in out
    assert "shown" not in many.ok("promise", "list", "--limit", "55").stdout


def test_a_negative_limit_is_refused(luck: Luck) -> None:
    result = luck("promise", "list", "--limit", "-1")
    assert result.exit_code == 2
    assert ("Invalid value for '--limit': -1 is not in the range 0<=x<=9223372036854775807."
            in result.stderr)


def test_json_lists_everything_unless_a_limit_is_given(many: Luck) -> None:
    assert len(many.json("promise", "list")) == 55
    assert len(many.json("promise", "list", "--limit", "7")) == 7


def test_piped_lists_print_long_text_whole(luck: Luck) -> None:
    luck.ok("note", "add", LONG)
    assert LONG in luck.ok("note", "list").stdout
    assert luck.json("note", "list")[0]["body"] == LONG


def test_on_a_terminal_a_long_cell_keeps_its_row_to_one_line(
        luck: Luck, monkeypatch: pytest.MonkeyPatch) -> None:
    luck.ok("note", "add", LONG)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(output_module, "_CONSOLE", None)
    lines = luck.ok("note", "list").stdout.splitlines()
    row = next(line for line in lines if line.startswith("│ n1"))
    assert row.rstrip().endswith("… │") and len(row) <= 80
    assert "The auth rate limiter resets" in row
    assert len(lines) == 5  # top border, header, rule, the row, bottom border


def test_the_help_of_each_list_states_its_real_order(luck: Luck) -> None:
    luck.ok("promise", "add", "soon", "--to", "A", "--due", "+1d")
    luck.ok("promise", "add", "later", "--to", "A", "--due", "+9d")
    luck.ok("promise", "add", "middle", "--to", "A", "--due", "+5d")
    assert "latest due date first" in luck.ok("promise", "list", "--help").stdout
    assert [p["what"] for p in luck.json("promise", "list")] == ["later", "middle", "soon"]

    luck.ok("note", "add", "old", "--on", "2026-10-01")
    luck.ok("note", "add", "new", "--on", "2026-11-20")
    luck.ok("note", "add", "older", "--on", "2026-09-01")
    assert "newest first" in luck.ok("note", "list", "--help").stdout
    assert [n["body"] for n in luck.json("note", "list")] == ["new", "old", "older"]

    luck.ok("window", "add", "Budget", "--on", "2027-01-10")
    luck.ok("window", "add", "Roadmap", "--on", "2026-12-01")
    assert "latest date first" in luck.ok("window", "list", "--help").stdout
    assert [w["name"] for w in luck.json("window", "list")] == ["Budget", "Roadmap"]

    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "drop-off", "--theme", "t1", "--slot", "customer")
    luck.ok("metric", "add", "p95", "--theme", "t1", "--slot", "speed")
    assert "last added first" in luck.ok("metric", "list", "--help").stdout
    assert [m["name"] for m in luck.json("metric", "list")] == ["p95", "drop-off"]


def test_search_says_when_it_stops_and_json_has_every_hit(luck: Luck) -> None:
    for n in range(33):
        luck.ok("note", "add", f"kafka lag note {n}")
    out = luck.ok("search", "kafka").stdout
    assert out.splitlines()[-1] == "30 of 33 shown; --limit 0 for all"
    assert len(_rows(luck.ok("search", "kafka", "--limit", "0").stdout)) == 33
    assert len(luck.json("search", "kafka")) == 33
    assert len(luck.json("search", "kafka", "--limit", "5")) == 5


def test_the_review_says_how_many_windows_it_left_out(luck: Luck) -> None:
    for day in range(10):
        luck.ok("window", "add", f"Window {day}", "--on", f"+{day + 1}d")
    out = luck.ok("review").stdout
    assert "8 of 10 shown; luck window upcoming for all" in out
    assert len(json.loads(luck.ok("review", "--json").stdout)["windows"]) == 10


def test_arc_status_json_lists_every_piece_of_evidence(luck: Luck) -> None:
    luck.ok("arc", "start", "--track", "ic", "--role", "Staff engineer", "--on", "2024-06-01")
    for n in range(9):
        luck.ok("bench", "add", f"Person {n}", "--action", "unblocked", "--on",
                f"2026-07-{n + 10}")
    status = luck.json("arc", "status")
    assert status["year"] == 3
    assert status["refs"] == [f"b{n}" for n in range(9, 0, -1)]
    assert status["evidence"][0].endswith(", Person 5 and 3 more")


def test_the_calendar_audit_says_how_many_meetings_each_finding_left_out(
        luck: Luck, tmp_path: Path) -> None:
    people = "".join(f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:p{i}@example.com\r\n"
                     for i in range(6))
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:status-{n}\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:2026100{n % 5 + 5}T{10 + n}0000Z\r\nDTEND:2026100{n % 5 + 5}T{10 + n}3000Z\r\n"
        f"RRULE:FREQ=WEEKLY;COUNT=7\r\nSUMMARY:Status sync {n}\r\n"
        f"ORGANIZER:mailto:p0@example.com\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com"
        f"\r\n{people}END:VEVENT\r\n" for n in range(7))
    path = tmp_path / "busy.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//luckos tests//EN\r\n"
                    f"{events}END:VCALENDAR\r\n", encoding="utf-8")
    window = ("--from", "2026-10-05", "--to", "2026-11-22")
    out = luck.ok("calendar", "audit", str(path), *window).stdout
    assert "7 recurring meetings" in out
    assert "5 of 7 shown; --json lists them all" in out
    found = luck.json("calendar", "audit", str(path), *window)
    assert len(found["findings"]["status_theater"]["series"]) == 7


def test_search_json_names_an_untitled_note_by_its_whole_body(luck: Luck) -> None:
    luck.ok("note", "add", LONG)
    assert luck.json("search", "limiter")[0]["title"] == LONG
    assert LONG in luck.ok("search", "limiter").stdout
