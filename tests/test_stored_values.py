"""Values stored before they were checked (or by another program) never hang or crash
the weekly loop: readers skip what they cannot use and `luck check` names it.

Each case plants a value straight into SQLite and runs the real `luck` executable in a
process of its own; the subprocess timeout guards against a hang (no timing assertion).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import LUCK_EXE, TODAY_TEXT, Luck, subprocess_env

READERS = [
    ("review",),
    ("check",),
    ("window", "upcoming"),
    ("window", "list"),
    ("feed", "-"),
    ("doc", "new", "brief", "--window", "w1", "--out", "-"),
    ("surface",),
    ("stay-or-move",),
]


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(LUCK_EXE), "--today", TODAY_TEXT, *args], capture_output=True,
                          text=True, env=subprocess_env(home), timeout=120)


def plant(db: Path, sql: str, *params: object) -> None:
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(sql, params)
    connection.close()


@pytest.mark.parametrize("rule", [
    "FREQ=SECONDLY",  # stalled review for minutes at 700 MB before readers checked rules
    "FREQ=MINUTELY;INTERVAL=1",
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=WEEKLY;INTERVAL=-3",
    "FREQ=FORTNIGHTLY",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",  # falls on no date: dateutil would search to 9999
    "not a rule at all",
])
def test_a_bad_stored_rule_is_skipped_by_readers_and_named_by_check(luck: Luck, rule: str
                                                                    ) -> None:
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-07", "--recurrence", "yearly")
    luck.ok("window", "add", "Headcount", "--on", "2026-12-14")
    plant(luck.db, 'UPDATE "window" SET recurrence = ? WHERE id = 1', rule)
    for args in READERS:
        result = run(luck.home, *args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode in (0, 1), (args, result.returncode, result.stderr)
    upcoming = json.loads(run(luck.home, "window", "upcoming", "--json").stdout)
    # the window with the bad rule is skipped; the other one still shows
    assert [o["window"]["id"] for o in upcoming] == ["w2"]
    result = run(luck.home, "check", "--only", "stored-values", "--json")
    assert result.returncode == 1
    found = json.loads(result.stdout)["invariants"][0]
    assert found["state"] == "broken"
    assert [i["ref"] for i in found["items"]] == ["w1"]
    assert repr(rule) in found["items"][0]["text"]


def test_dates_out_of_range_already_stored_are_reported_and_do_not_crash(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship it", "--to", "Priya", "--due", "2026-12-04")
    luck.ok("reboot", "start", "--on", "2026-11-02")
    luck.ok("window", "add", "Budget", "--on", "2026-12-01", "--recurrence", "quarterly")
    plant(luck.db, "UPDATE promise SET due = '9999-12-31' WHERE id = 1")
    plant(luck.db, "UPDATE reboot SET started_on = '9999-12-31' WHERE id = 1")
    plant(luck.db, 'UPDATE "window" SET "on" = \'0001-01-01\' WHERE id = 1')
    for args in (*READERS, ("ledger",), ("promise", "list"), ("reboot", "list")):
        result = run(luck.home, *args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode in (0, 1), (args, result.returncode, result.stderr)
    status = run(luck.home, "reboot", "status")
    assert status.returncode == 2
    assert status.stderr.strip() == (
        "luck: error: reboot rb1 starts on 9999-12-31, outside 1900-01-01 to 2199-12-31: "
        "correct it with luck reboot edit rb1 --started DATE")
    found = json.loads(run(luck.home, "check", "--only", "stored-values", "--json").stdout)
    texts = [(i["ref"], i["text"]) for i in found["invariants"][0]["items"]]
    assert texts == [
        ("p1", "due 9999-12-31 is out of range (1900-01-01 to 2199-12-31)"),
        ("w1", "on 0001-01-01 is out of range (1900-01-01 to 2199-12-31)"),
        ("rb1", "started-on 9999-12-31 is out of range (1900-01-01 to 2199-12-31)"),
    ]
    # corrected, the workspace is whole again
    luck.ok("promise", "edit", "p1", "--due", "2026-12-04")
    luck.ok("window", "edit", "w1", "--on", "2026-12-01")
    luck.ok("reboot", "edit", "rb1", "--started", "2026-11-02")
    assert luck.json("check", "--only", "stored-values")["invariants"][0]["state"] == "ok"


def test_text_stored_as_bytes_that_are_not_utf8_is_one_line(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship it", "--to", "Priya", "--due", "2026-12-04")
    plant(luck.db, "UPDATE promise SET what = CAST(x'6361ff' AS TEXT) WHERE id = 1")
    result = run(luck.home, "promise", "show", "p1")
    assert result.returncode == 2
    assert result.stderr == (
        f"luck: error: {luck.db}: Could not decode to UTF-8 column 'what' with text "
        "'ca\ufffd'; correct that text in the sqlite3 shell or restore a backup\n")


def test_the_dated_columns_read_by_the_check_are_those_the_record_classes_declare() -> None:
    # the check reads its own list so that it builds no record class; a date field
    # added to a record must be added there too
    from luckos.domain.records import KINDS, fields_of
    from luckos.store.loop import DATED_COLUMNS

    declared = {}
    for name, kind in KINDS.items():
        dated = tuple((f.name, f.metadata["type"]) for f in fields_of(kind)
                      if f.metadata["type"] in ("date", "month"))
        if dated:
            declared[name] = dated
    assert declared == DATED_COLUMNS
    assert list(declared) == list(DATED_COLUMNS)  # the order of the findings
