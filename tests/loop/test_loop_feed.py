"""`luck feed`: an ICS file that calendars import, with UIDs stable across runs."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from icalendar import Calendar

from tests.conftest import LUCK_EXE, Luck, workspace_state


def read(path: Path) -> dict[str, dict]:
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["PRODID"]) == "-//luckos//luck feed//EN"
    assert str(calendar["VERSION"]) == "2.0"
    events = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in events
        events[uid] = {
            "start": event.decoded("DTSTART"), "end": event.decoded("DTEND"),
            "summary": str(event["SUMMARY"]), "sequence": int(event["SEQUENCE"]),
            "category": str(event["CATEGORIES"].cats[0]),
            "rrule": event.get("RRULE").to_ical().decode() if event.get("RRULE") else None,
        }
    return events


def test_feed_reads_back_with_every_kind_of_date(story: Luck, tmp_path: Path) -> None:
    path = tmp_path / "luck.ics"
    out = story.ok("feed", str(path)).stdout
    assert out.startswith("wrote 13 events to")
    events = read(path)
    domain = next(iter(events)).split("@")[1]
    by_key = {uid.split("@")[0]: e for uid, e in events.items()}
    assert all(uid.endswith(f"@{domain}") for uid in events)
    assert sorted(by_key) == [
        "ar1-year-3", "cadence-explore", "cadence-paper", "cadence-talk",
        "consequence-update", "d2-review", "pj2-kill-review",
        "w1-20261208", "w1-20261208-prep", "w2-20270120", "w2-20270120-prep",
        "w2-20270720", "w2-20270720-prep"]
    planning = by_key["w1-20261208"]
    assert (planning["start"], planning["end"]) == (dt.date(2026, 12, 8), dt.date(2026, 12, 9))
    assert planning["summary"] == "FY27 planning (decision window)"
    assert by_key["w1-20261208-prep"]["start"] == dt.date(2026, 12, 1)
    assert by_key["consequence-update"]["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1"
    assert by_key["d2-review"]["start"] == dt.date(2026, 11, 10)
    assert by_key["pj2-kill-review"]["start"] == dt.date(2026, 11, 9)
    assert {e["category"] for e in events.values()} == {
        "decision window", "prep deadline", "decision review", "kill review",
        "consequence update", "role arc", "explore cadence"}


def test_uids_are_stable_across_runs_and_edits(luck: Luck, tmp_path: Path) -> None:
    luck.ok("window", "add", "Budget review", "--on", "2026-12-10")
    luck.ok("decision", "add", "Canary every deploy", "--review", "2026-12-01")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    luck.ok("feed", str(first))
    luck.ok("feed", str(second))
    a, b = read(first), read(second)
    assert set(a) == set(b) and len(a) == 6  # and the three explore cadences
    # the dates move, the UIDs stay: importing the newer file updates the events
    luck.ok("window", "edit", "w1", "--on", "2026-12-17")
    luck.ok("decision", "edit", "d1", "--review", "2026-12-05")
    luck.ok("feed", str(second))
    c = read(second)
    assert set(c) == set(a)
    moved = {uid.split("@")[0]: e["start"] for uid, e in c.items()
             if not uid.startswith("cadence-")}
    assert moved == {"w1": dt.date(2026, 12, 17), "w1-prep": dt.date(2026, 12, 10),
                     "d1-review": dt.date(2026, 12, 5)}
    assert all(c[uid]["sequence"] >= a[uid]["sequence"] for uid in c)


def test_feed_to_standard_output_and_bad_paths(luck: Luck, tmp_path: Path) -> None:
    luck.ok("window", "add", "Budget review", "--on", "2026-12-10")
    result = luck.ok("feed", "-")
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert len(Calendar.from_ical(result.stdout).walk("VEVENT")) == 5  # 3 cadences
    before = workspace_state(luck.home)
    missing = tmp_path / "nowhere" / "luck.ics"
    assert luck.fails("feed", str(missing)) == (
        f"luck: error: {missing}: the folder {missing.parent} does not exist")
    assert luck.fails("feed", str(tmp_path)) == (
        f"luck: error: {tmp_path} is a folder; give a file name such as luck.ics")
    assert not missing.parent.exists()
    assert workspace_state(luck.home) == before


def test_luck_check_from_cron_in_a_real_process(luck: Luck) -> None:
    """What a cron job sees: silence and exit 0 when all holds, a report and exit 1 when
    something breaks."""
    env = {**os.environ, "LUCK_HOME": str(luck.home)}
    luck.ok("bench", "add", "Kofi", "--action", "placed", "--on", "2026-10-01")
    quiet = ["--today", "2026-11-25", "check", "--quiet", "--only", "bench-action"]
    done = subprocess.run([str(LUCK_EXE), *quiet], env=env, capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    late = ["--today", "2027-03-01", "check", "--quiet", "--only", "bench-action",
            "--only", "promise-overdue"]
    done = subprocess.run([str(LUCK_EXE), *late], env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == [
        "luck check, 2027-03-01: 1 broken, 1 not checked",
        "BROKEN       bench-action  no bench action in the last 92 days (last b1, 151 days "
        "ago)"]


def test_each_explore_cadence_is_on_the_calendar_at_its_next_due_date(luck: Luck,
                                                                     tmp_path: Path) -> None:
    """"Put the explore loop on the calendar first": a weekend a month, a talk a quarter,
    a paper or teardown a season, each at its next due date, under one UID that moves."""
    path = tmp_path / "luck.ics"
    luck.ok("feed", str(path))
    first = {uid.split("@")[0]: e for uid, e in read(path).items()}
    # nothing kept yet: every cadence is due today (2026-11-25)
    assert {k: (e["start"], e["summary"]) for k, e in first.items()} == {
        "cadence-explore": (dt.date(2026, 11, 25),
                            "Explore weekend due (one weekend per month)"),
        "cadence-talk": (dt.date(2026, 11, 25), "Talk due (one talk per quarter)"),
        "cadence-paper": (dt.date(2026, 11, 25), "Paper reproduction or teardown due "
                          "(one paper reproduction or system teardown per season)")}
    luck.ok("explore", "add", "WASM cold starts", "--kind", "weekend-prototype",
            "--on", "2026-11-21", "--learned", "Snapshots halve them.")
    luck.ok("artifact", "add", "Cold starts at the guild", "--kind", "talk",
            "--on", "2026-11-10", "--link", "https://example.com/talk")
    luck.ok("explore", "add", "Firecracker teardown", "--kind", "teardown",
            "--on", "2026-06-01", "--learned", "Jailer first.")
    luck.ok("feed", str(path))
    after = {uid.split("@")[0]: e for uid, e in read(path).items()}
    assert set(after) == set(first)  # the same UIDs: a calendar moves its events
    assert {k: e["start"] for k, e in after.items()} == {
        "cadence-explore": dt.date(2026, 12, 22),  # 31 days after the weekend
        "cadence-talk": dt.date(2027, 2, 10),  # 92 days after the talk
        "cadence-paper": dt.date(2026, 11, 25)}  # due 2026-09-01: behind, so today
    due = {c["cadence"]: c["due_on"] for c in luck.json("explore", "cadence")}
    assert due["explore entry"] == "2026-12-22" and due["talk"] == "2027-02-10"
