"""Dates of things that have happened are never after today (refused, or confirmed on a
terminal), on add, edit and import alike; a capture says which date it stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from luckos.domain.records import KINDS, fields_of
from tests.conftest import TODAY_TEXT, Luck, run_on_terminal

FUTURE = "2026-12-01"  # after TODAY (Wed 2026-11-25)
REFUSED = f"is in the future (today is {TODAY_TEXT}); use today or an earlier date"


def test_the_past_only_fields_are_written_down_once() -> None:
    past_only = {f"{name}.{f.name}" for name, kind in KINDS.items() for f in fields_of(kind)
                 if f.metadata["past_only"]}
    assert {"promise.made_on", "promise.landed_on", "reading.month", "glue.on", "note.on",
            "testimonial.on", "signal.on", "decision.on"} <= past_only
    # plans may lie ahead: a due date, a window, a review date, a theme or reboot start
    assert not past_only & {"promise.due", "window.on", "decision.review_on",
                            "theme.started_on", "reboot.started_on", "project.kill_review_on"}


@pytest.mark.parametrize("args, label", [
    (("promise", "keep", "p1", "--on", "+3d"), "--on 2026-11-28"),
    (("promise", "miss", "p1", "--on", FUTURE), f"--on {FUTURE}"),
    (("promise", "renegotiate", "p1", "--due", "2026-12-20", "--on", FUTURE), f"--on {FUTURE}"),
    (("promise", "edit", "p1", "--ended", FUTURE), f"--ended {FUTURE}"),
    (("promise", "add", "Later", "--to", "x", "--due", "2027-01-01", "--on", FUTURE),
     f"--on {FUTURE}"),
    (("win", "Keynote", "--on", "tomorrow"), "--on 2026-11-26"),
    (("glue", "add", "Reviews", "--hours", "2", "--on", FUTURE), f"--on {FUTURE}"),
    (("artifact", "used", "a1", "--by", "Ann", "--on", FUTURE), f"--on {FUTURE}"),
    (("testimonial", "edit", "u1", "--on", FUTURE), f"--on {FUTURE}"),
])
def test_a_future_date_of_something_done_is_refused(luck: Luck, args: tuple[str, ...],
                                                    label: str) -> None:
    luck.ok("promise", "add", "Ship the runbook", "--to", "Dana", "--due", "2026-12-10",
            "--on", "2026-11-01")
    luck.ok("artifact", "add", "Runbook", "--kind", "runbook")
    luck.ok("artifact", "used", "a1", "--by", "Ops")
    before = luck.json("promise", "list"), luck.json("note", "list"), luck.json("glue", "list")
    assert luck.fails(*args) == f"luck: error: {label} {REFUSED}"
    assert (luck.json("promise", "list"), luck.json("note", "list"),
            luck.json("glue", "list")) == before


def test_a_reading_for_a_future_month_is_refused(luck: Luck) -> None:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "p95 start", "--theme", "t1", "--slot", "speed", "--unit", "ms")
    wanted = ("luck: error: --month 2026-12 is in the future (this month is 2026-11); "
              "use this month or an earlier one")
    assert luck.fails("metric", "read", "t1", "speed", "700", "--month", "2026-12") == wanted
    assert luck.fails("review", "--month", "2026-12", "--theme", "t1", "--speed", "700") == wanted
    luck.ok("metric", "read", "t1", "speed", "700")  # this month is fine
    assert luck.json("reading", "list")[0]["month"] == "2026-11"


def test_an_import_with_a_future_date_of_something_done_is_refused(luck: Luck,
                                                                   tmp_path: Path) -> None:
    luck.ok("promise", "add", "Ship", "--to", "Dana", "--due", "2026-12-10")
    path = tmp_path / "export.json"
    luck.ok("export", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["records"]["promise"][0].update(status="kept", ended_on=FUTURE)
    path.write_text(json.dumps(data), encoding="utf-8")
    other = Luck(tmp_path / "other")
    other.ok("init")
    assert other.fails("import", str(path)) == (
        f"luck: error: import: records.promise[0].ended_on {FUTURE} is in the future "
        f"(today is {TODAY_TEXT})")
    assert other.json("promise", "list") == []
    # on a terminal the question is asked, and yes imports the file as it is
    code, output = run_on_terminal(other.home, "import", str(path), answer="y\n")
    assert "ended_on 2026-12-01 is in the future (today is 2026-11-25); store it anyway?" \
        in output
    assert code == 0, output
    assert other.json("promise", "list")[0]["ended_on"] == FUTURE


def test_a_weekday_of_something_done_means_the_last_one(luck: Luck) -> None:
    # on Wednesday 2026-11-25, "mon" is a Monday already past for a win, ahead for a due date
    assert luck.ok("win", "Keynote", "--on", "mon").stdout == (
        "added n1 to your year in public (Mon 2026-11-23)\n")
    assert luck.ok("promise", "add", "Ship", "--to", "Dana", "--due", "mon").stdout == (
        "added p1: Ship, due Mon 2026-11-30\n")


def test_a_capture_says_which_date_it_stored(luck: Luck) -> None:
    assert luck.ok("promise", "add", "Ship the runbook", "--to", "Dana", "--due", "fri",
                   "--on", "2026-11-02").stdout == (
        "added p1: Ship the runbook, due Fri 2026-11-27\n")
    # an ISO date is said back too for the date a promise or a window is about
    assert luck.ok("window", "add", "FY27 planning", "--on", "2027-01-11").stdout == (
        "added w1: FY27 planning, on Mon 2027-01-11\n")
    # any other date only when it was typed in a loose form
    assert luck.ok("decision", "add", "Adopt canaries", "--review", "+2w").stdout == (
        "added d1: Adopt canaries, review Wed 2026-12-09\n")
    assert luck.ok("decision", "add", "Keep the monolith", "--review",
                   "2026-12-09").stdout == "added d2: Keep the monolith\n"
    assert luck.ok("promise", "keep", "p1", "--on", "yesterday").stdout == (
        "p1 kept on Tue 2026-11-24: Ship the runbook\n")
    assert luck.ok("promise", "add", "Draft", "--to", "Li", "--due", "2026-12-02").stdout == (
        "added p2: Draft, due Wed 2026-12-02\n")
    assert luck.ok("promise", "renegotiate", "p2", "--due", "+2w").stdout == (
        "p2 renegotiated early (not a miss); now p3, due Wed 2026-12-09\n")
    luck.ok("artifact", "add", "Runbook", "--kind", "runbook", "--on", "2026-11-02")
    assert luck.ok("artifact", "used", "a1", "--by", "Ops", "--on", "mon").stdout == (
        "added u1: Ops used a1 (Runbook), on Mon 2026-11-23\n")


def test_on_a_terminal_a_future_date_is_asked_about(luck: Luck) -> None:
    code, output = run_on_terminal(luck.home, "win", "Keynote", "--on", FUTURE, answer="n\n")
    assert (f"--on {FUTURE} is in the future (today is {TODAY_TEXT}); store it anyway? "
            "[y/N]") in output
    assert code == 2 and luck.json("note", "list") == []
    code, output = run_on_terminal(luck.home, "win", "Keynote", "--on", FUTURE, answer="y\n")
    assert code == 0, output
    assert [n["on"] for n in luck.json("note", "list")] == [FUTURE]
