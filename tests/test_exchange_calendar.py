"""The calendar audits kept by `luck calendar import` travel in the export: restored with
their ids, so that history, the maker-day check and the kept audit read the same after an
import; older exports without them still import; a broken calendar section imports
nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.calendar_audit.conftest import NEW_YORK_VTIMEZONE, event, ics
from tests.conftest import Luck, workspace_state

ALEX = "alex@example.com"

# Four weeks in New York from Monday 3 February 2025. An offsite fills Wednesday (the
# maker day) 10:00-16:00 for three weeks running, so the maker day is lost those weeks;
# the fourth Wednesday is free. A vacation on Friday 7 February is an all-day event.
CALENDAR = ics(
    event("cr", "20250203T090000", "20250203T100000", "Code review: payments",
          people=(ALEX,), description="Pre-read: https://docs.example.com/pr/1"),
    event("ws", "20250204T100000", "20250204T110000", "Weekly sync", people=(ALEX,),
          extra="RRULE:FREQ=WEEKLY;COUNT=10"),
    event("off", "20250205T100000", "20250205T160000", "Planning offsite", people=(ALEX,),
          extra="RRULE:FREQ=WEEKLY;COUNT=3"),
    event("va", "20250207", "20250208", "Vacation", tz=None, extra="TRANSP:TRANSPARENT"),
    header="X-WR-CALNAME:me@example.com\nX-WR-TIMEZONE:America/New_York",
    zones=NEW_YORK_VTIMEZONE,
)


def _keep_audits(luck: Luck, tmp_path: Path) -> None:
    """Two kept audits of the calendar, and a record or two beside them."""
    path = tmp_path / "work.ics"
    path.write_text(CALENDAR, encoding="utf-8", newline="")
    luck.ok("calendar", "import", str(path), "--from", "2025-02-03", "--to", "2025-02-16")
    luck.ok("calendar", "import", str(path), "--from", "2025-02-03", "--to", "2025-02-23")
    luck.ok("promise", "add", "Ship the evidence logger", "--to", "Aisha", "--due", "fri")


def _fresh(tmp_path: Path, name: str = "fresh") -> Luck:
    runner = Luck(tmp_path / name)
    runner.ok("init")
    return runner


def _check(luck: Luck) -> tuple[int, Any]:
    """`luck check --json --only maker-day`: its exit code (1 when broken) and report."""
    result = luck("check", "--json", "--only", "maker-day")
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    return result.exit_code, json.loads(result.stdout)


def _answers(luck: Luck) -> tuple[Any, Any, Any]:
    """What a person reads from the kept audits."""
    return (luck.json("calendar", "history"), _check(luck), luck.json("calendar", "audit"))


def _without_time(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "exported_at"}


def test_kept_audits_survive_export_and_import(luck: Luck, tmp_path: Path) -> None:
    _keep_audits(luck, tmp_path)
    before = _answers(luck)
    history, (code, check), _ = before
    assert [h["id"] for h in history] == [1, 2]
    assert [h["window"]["to"] for h in history] == ["2025-02-16", "2025-02-23"]
    [maker_day] = check["invariants"]
    assert code == 1
    assert maker_day["state"] == "broken", maker_day  # three lost Wednesdays running

    first_path, second_path = tmp_path / "first.json", tmp_path / "second.json"
    luck.ok("export", str(first_path))
    first = json.loads(first_path.read_text(encoding="utf-8"))
    assert {table: len(rows) for table, rows in first["calendar"].items()} == {
        "calendar_import": 2, "calendar_event": 8, "calendar_occurrence": 14,
        "calendar_week": 5}

    fresh = _fresh(tmp_path)
    fresh.ok("import", str(first_path))
    assert _answers(fresh) == before
    fresh.ok("export", str(second_path))
    second = json.loads(second_path.read_text(encoding="utf-8"))
    assert _without_time(second) == _without_time(first)

    # the numbering of kept audits carries on after the restored ones
    again = tmp_path / "again.ics"
    again.write_text(CALENDAR, encoding="utf-8", newline="")
    assert fresh.ok("calendar", "import", str(again), "--from", "2025-02-24", "--to",
                    "2025-03-02").stdout.startswith("Kept import 3:")


def test_an_export_written_before_the_calendar_was_kept_still_imports(
        luck: Luck, tmp_path: Path) -> None:
    _keep_audits(luck, tmp_path)
    path = tmp_path / "old.json"
    luck.ok("export", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["calendar"]
    path.write_text(json.dumps(data), encoding="utf-8")

    fresh = _fresh(tmp_path)
    assert fresh.ok("import", str(path)).stdout.strip() == f"imported 1 records from {path}"
    assert [p["what"] for p in fresh.json("promise", "list")] == ["Ship the evidence logger"]
    assert fresh.json("calendar", "history") == []

    # into a workspace whose only content is a kept audit: nothing collides, both stay
    ics_path = tmp_path / "mine.ics"
    ics_path.write_text(CALENDAR, encoding="utf-8", newline="")
    other = _fresh(tmp_path, "other")
    other.ok("calendar", "import", str(ics_path), "--from", "2025-02-03", "--to", "2025-02-09")
    other.ok("import", str(path))
    assert [h["window"]["to"] for h in other.json("calendar", "history")] == ["2025-02-09"]
    assert len(other.json("promise", "list")) == 1


def test_replace_clears_the_kept_audits_too(luck: Luck, tmp_path: Path) -> None:
    _keep_audits(luck, tmp_path)
    with_audits, without = tmp_path / "with.json", tmp_path / "without.json"
    luck.ok("export", str(with_audits))
    data = json.loads(with_audits.read_text(encoding="utf-8"))
    data["calendar"] = {}
    without.write_text(json.dumps(data), encoding="utf-8")

    other = _fresh(tmp_path, "other")
    ics_path = tmp_path / "mine.ics"
    ics_path.write_text(CALENDAR, encoding="utf-8", newline="")
    other.ok("calendar", "import", str(ics_path), "--from", "2025-02-03", "--to", "2025-02-09")
    # kept audits in the way of the file's own: refused without --replace
    state = workspace_state(other.home)
    assert other.fails("import", str(with_audits)) == (
        "luck: error: import: the workspace already holds calendar audits; use --replace "
        "to replace them all, or import into a new workspace")
    assert workspace_state(other.home) == state

    other.ok("import", str(with_audits), "--replace")
    assert other.json("calendar", "history") == luck.json("calendar", "history")
    other.ok("import", str(without), "--replace")
    assert other.json("calendar", "history") == []
    assert _check(other)[1]["invariants"][0]["state"] == "not_checked"
    # and the numbering starts again
    assert other.ok("calendar", "import", str(ics_path), "--from", "2025-02-03", "--to",
                    "2025-02-09").stdout.startswith("Kept import 1:")


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path
        target: Any = data
        for step in parents:
            target = target[step]
        target[last] = value
    return change


def _drop(table: str, index: int, column: str) -> Any:
    def change(data: dict[str, Any]) -> None:
        del data["calendar"][table][index][column]
    return change


def _repeat(table: str) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["calendar"][table].append(dict(data["calendar"][table][0]))
    return change


W = "calendar_week"
BROKEN = [
    (_set(("calendar",), []), '"calendar" must be an object of table lists'),
    (_set(("calendar", "calendar_attendee"), []),
     "calendar has an unknown table 'calendar_attendee'"),
    (_set(("calendar", W), {}), "calendar.calendar_week must be a list"),
    (_set(("calendar", W, 1), "week"), "calendar.calendar_week[1] must be an object"),
    (_set(("calendar", W, 1, "rowid"), 7), "calendar.calendar_week[1] has an unknown column "
                                           "'rowid'"),
    (_drop(W, 0, "days"), "calendar.calendar_week[0] has no days"),
    (_drop("calendar_import", 0, "id"), "calendar.calendar_import[0] has no id"),
    (_set(("calendar", W, 0, "days"), "7"),
     "calendar.calendar_week[0].days must be an integer, not '7'"),
    (_set(("calendar", W, 0, "days"), True),
     "calendar.calendar_week[0].days must be an integer, not True"),
    (_set(("calendar", W, 0, "days"), 2**63),
     f"calendar.calendar_week[0].days is out of range: {2**63}"),
    (_set(("calendar", W, 0, "meeting_hours"), "8.0"),
     "calendar.calendar_week[0].meeting_hours must be a number, not '8.0'"),
    (_set(("calendar", W, 0, "meeting_hours"), float("nan")),
     "calendar.calendar_week[0].meeting_hours must be a finite number, not nan"),
    (_set(("calendar", "calendar_import", 0, "source"), "work\udc80.ics"),
     "calendar.calendar_import[0].source is not valid Unicode text"),
    (_set(("calendar", W, 0, "maker_day_state"), None),
     "calendar.calendar_week[0].maker_day_state must not be null"),
    (_set(("calendar", W, 0, "maker_day"), "Wednesday"),
     "calendar.calendar_week[0].maker_day is not a valid ISO date: 'Wednesday'"),
    (_set(("calendar", W, 0, "altitude_hours"), {"code": 1.0}),
     "calendar.calendar_week[0].altitude_hours must be a string, not {'code': 1.0}"),
    (_set(("calendar", W, 0, "altitude_hours"), "[1]"),
     "calendar.calendar_week[0].altitude_hours must hold a JSON dict, not '[1]'"),
    (_set(("calendar", "calendar_import", 0, "summary"), "{"),
     "calendar.calendar_import[0].summary is not a valid JSON text: '{'"),
    (_set(("calendar", "calendar_occurrence", 0, "start"), "soon"),
     "calendar.calendar_occurrence[0].start is not a valid ISO date and time: 'soon'"),
    (_set(("calendar", W, 0, "maker_day"), "9999-12-29"),
     "calendar.calendar_week[0].maker_day 9999-12-29 is out of range "
     "(1900-01-01 to 2199-12-31)"),
    (_set(("calendar", "calendar_occurrence", 0, "start"), "0001-01-01T09:00:00+00:00"),
     "calendar.calendar_occurrence[0].start 0001-01-01T09:00:00+00:00 is out of range "
     "(1900-01-01 to 2199-12-31)"),
    (_set(("calendar", "calendar_import", 0, "id"), 0),
     "calendar.calendar_import[0].id must be a positive integer"),
    (_repeat("calendar_import"), "calendar.calendar_import[2] repeats id 1"),
    (_repeat(W), "calendar.calendar_week[5] repeats import_id 1, week_start '2025-02-03'"),
    (_set(("calendar", W, 0, "import_id"), 9),
     "calendar.calendar_week[0].import_id 9 is no calendar_import's id"),
    (_set(("calendar", "calendar_occurrence", 0, "event"), 99),
     "calendar.calendar_occurrence[0].event 99 is no calendar_event of import 1"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN,
                         ids=[message for _, message in BROKEN])
def test_a_broken_calendar_section_imports_nothing(luck: Luck, tmp_path: Path, change: Any,
                                                   message: str) -> None:
    _keep_audits(luck, tmp_path)
    path = tmp_path / "export.json"
    luck.ok("export", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")

    fresh = _fresh(tmp_path)
    before = workspace_state(fresh.home)
    error = fresh.fails("import", str(path))
    assert error.endswith(message), error
    assert workspace_state(fresh.home) == before
    assert fresh.json("promise", "list") == []
