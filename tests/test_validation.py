"""One validation for every door: what the CLI refuses, `luck import` refuses too, with
the same words; numbers, dates, text, recurrences and files each get one clear line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LUCK_EXE, Luck, subprocess_env, workspace_state


def refused(luck: Luck, *args: str, today: str | None = "2026-11-25") -> str:
    before = workspace_state(luck.home)
    message = luck.fails(*args, today=today)
    assert workspace_state(luck.home) == before
    return message.removeprefix("luck: error: ")


@pytest.fixture
def filled(luck: Luck) -> Luck:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "checkout drop-off", "--theme", "t1", "--slot", "customer")
    luck.ok("promise", "add", "Consolidate the auth calls", "--to", "Priya", "--due",
            "2026-12-04", "--made-on", "2026-11-01")
    luck.ok("artifact", "add", "Cold-start runbook", "--kind", "runbook")
    luck.ok("decision", "add", "Canary every deploy")
    return luck


# --- recurrence ---------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("monthly", "monthly"),
    ("Quarterly", "quarterly"),
    ("yearly", "yearly"),
    ("annually", "yearly"),
    ("weekly", "FREQ=WEEKLY"),
    ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
    ("fortnightly", "FREQ=WEEKLY;INTERVAL=2"),
    ("every 6 months", "half-yearly"),
    ("every 4 months", "FREQ=MONTHLY;INTERVAL=4"),
    ("freq=monthly;byday=1mo", "FREQ=MONTHLY;BYDAY=1MO"),
    ("FREQ=WEEKLY;UNTIL=20270601", "FREQ=WEEKLY;UNTIL=20270601"),
    ("RRULE:FREQ=MONTHLY;COUNT=6", "FREQ=MONTHLY;COUNT=6"),
])
def test_recurrence_words_are_stored_in_the_forms_the_domain_knows(luck: Luck, typed: str,
                                                                   stored: str) -> None:
    luck.ok("window", "add", "Budget", "--on", "2026-12-01", "--recurrence", typed)
    assert luck.json("window", "show", "w1")["recurrence"] == stored
    assert luck.json("window", "upcoming", "--days", "200")  # it expands


def test_monthly_keeps_the_last_day_of_short_months(luck: Luck) -> None:
    luck.ok("window", "add", "Close", "--on", "2027-01-31", "--recurrence", "monthly")
    days = [o["on"] for o in luck.json("window", "upcoming", "--days", "120",
                                       today="2027-01-01")]
    assert days == ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]


@pytest.mark.parametrize(("typed", "message"), [
    ("sometimes", "invalid recurrence 'sometimes': use one of daily, weekly, every 2 weeks, "
                  "monthly, quarterly, half-yearly, yearly, every N days|weeks|months|years, "
                  "or an RRULE such as FREQ=MONTHLY;INTERVAL=4"),
    ("FREQ=SECONDLY", "invalid recurrence 'FREQ=SECONDLY': FREQ=SECONDLY is more often than "
                      "daily; a window recurs at most daily"),
    ("FREQ=HOURLY;INTERVAL=24", "FREQ=HOURLY is more often than daily"),
    ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1 to 999"),
    ("FREQ=WEEKLY;INTERVAL=-2", "INTERVAL must be a whole number from 1 to 999"),
    ("FREQ=FORTNIGHTLY", "FREQ must be one of YEARLY, MONTHLY, WEEKLY, DAILY"),
    ("FREQ=DAILY;COUNT=99999999999", "COUNT must be a whole number from 1 to 10,000"),
    ("FREQ=YEARLY;UNTIL=99991231", "UNTIL=99991231 is out of range (1900-01-01 to 2199-12-31)"),
    ("FREQ=DAILY;BYHOUR=9", "BYHOUR is not supported (a window is a whole day)"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "it falls on no date in the 10 years after"),
    ("every 0 weeks", "the interval must be 1 or more"),
    ("FREQ=WEEKLY;UNTIL=20251231", "UNTIL=20251231 is before the window's first date "
                                   "(2026-12-01)"),
])
def test_recurrences_that_would_break_the_loop_are_refused(luck: Luck, typed: str,
                                                           message: str) -> None:
    assert message in refused(luck, "window", "add", "Budget", "--on", "2026-12-01",
                              "--recurrence", typed)
    luck.ok("window", "add", "Budget", "--on", "2026-12-01")
    assert message in refused(luck, "window", "edit", "w1", "--recurrence", typed)


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("reboot", "start", "--on", "9999-12-31"),
    ("promise", "add", "x", "--to", "y", "--due", "2200-01-01"),
    ("window", "add", "x", "--on", "1899-12-31"),
    ("metric", "read", "t1", "customer", "3", "--month", "9999-12"),
    ("promise", "list", "--since", "0001-01-01"),
])
def test_dates_outside_the_supported_range_are_refused(filled: Luck, args: tuple[str, ...]
                                                      ) -> None:
    assert "is out of range (1900-01-01 to 2199-12-31)" in refused(filled, *args)


@pytest.mark.parametrize("today", ["9999-12-31", "0001-01-01", "2200-01-01"])
def test_today_is_held_to_the_same_range(filled: Luck, today: str) -> None:
    assert refused(filled, "review", today=today) == (
        f"--today {today} is out of range (1900-01-01 to 2199-12-31)")


def test_loose_and_ambiguous_dates_at_the_command_line(luck: Luck) -> None:
    luck.ok("promise", "add", "x", "--to", "y", "--due", "2026-12-5")
    assert luck.json("promise", "show", "p1")["due"] == "2026-12-05"
    assert refused(luck, "promise", "add", "x", "--to", "y", "--due", "12/5") == (
        "invalid due '12/5': write it as YYYY-MM-DD, e.g. 2026-12-05 or 2026-05-12 "
        "(dates with / or . are ambiguous)")


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (("decision", "add", "x", "--confidence", "nan"), "invalid confidence 'nan'"),
    (("decision", "add", "x", "--confidence", "inf"), "invalid confidence 'inf'"),
    (("decision", "add", "x", "--confidence", "7"), "confidence 7 is out of range (0 to 1)"),
    (("testimonial", "add", "Dan", "--artifact", "a1", "--hours", "-3"),
     "hours -3 is out of range (0 or more)"),
    (("metric", "read", "t1", "customer", "nan", "--month", "2026-10"), "'nan'"),
    (("metric", "read", "t1", "customer", "1e309", "--month", "2026-10"), "'1e309'"),
    (("promise", "show", "p99999999999999999999"), "no promise p99999999999999999999"),
    (("promise", "add", "x", "--to", "y", "--due", "fri", "--theme", "9223372036854775808"),
     "no theme 9223372036854775808"),
])
def test_numbers_out_of_range_are_refused_in_one_line(filled: Luck, args: tuple[str, ...],
                                                      message: str) -> None:
    assert message in refused(filled, *args)


@pytest.mark.parametrize("args", [
    ("promise", "list", "--limit", "99999999999999999999999"),
    ("search", "cold", "--limit", "-1"),
    ("estimate", "list", "--limit", "9223372036854775808"),
])
def test_limits_beyond_sqlite_are_usage_errors(filled: Luck, args: tuple[str, ...]) -> None:
    before = workspace_state(filled.home)
    result = filled(*args)
    assert result.exit_code == 2
    assert "Invalid value for '--limit'" in result.stderr
    assert "Traceback" not in result.output
    assert workspace_state(filled.home) == before


# --- text ---------------------------------------------------------------------------------


def test_bytes_that_are_not_utf8_are_refused_naming_the_option(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    env = subprocess_env(home)
    subprocess.run([str(LUCK_EXE), "init"], env=env, check=True, capture_output=True)
    cases = [
        ([b"promise", b"add", b"caf\xe9", b"--to", b"Priya", b"--due", b"fri"],
         "luck: error: argument 3: the value holds bytes that are not UTF-8 text"),
        ([b"promise", b"add", b"x", b"--to", b"Pri\xffya", b"--due", b"fri"],
         "luck: error: --to: the value holds bytes that are not UTF-8 text"),
        ([b"note", b"add", b"x", b"--title=\xff"],
         "luck: error: --title: the value holds bytes that are not UTF-8 text"),
        ([b"search", b"\xfe"],
         "luck: error: argument 2: the value holds bytes that are not UTF-8 text"),
    ]
    for args, message in cases:
        result = subprocess.run([str(LUCK_EXE).encode(), *args], env=env,
                                capture_output=True)
        assert result.returncode == 2, result.stderr
        assert result.stderr.decode() == message + "\n"
    listed = subprocess.run([str(LUCK_EXE), "promise", "list", "--json"], env=env,
                            capture_output=True, text=True, check=True)
    assert json.loads(listed.stdout) == []


def test_nul_and_overlong_text_are_refused(luck: Luck) -> None:
    assert refused(luck, "win", "a\x00b") == (
        "argument 4: the value holds a NUL character")  # after --today DATE
    assert refused(luck, "note", "add", "x" * 100_001) == (
        "argument 5: the value is too long (100,001 characters; at most 100,000)")
    luck.ok("note", "add", "y" * 100_000)  # a long body is kept whole
    assert len(luck.json("note", "show", "n1")["body"]) == 100_000


# --- files --------------------------------------------------------------------------------


def test_paths_that_cannot_be_used_get_one_line(filled: Luck, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert refused(filled, "export", "") == "give a file name for the export"
    assert refused(filled, "export", str(folder)) == (
        f"{folder} is a folder; give a file name for the export")
    assert refused(filled, "export", str(tmp_path / "missing" / "x.json")) == (
        f"{tmp_path / 'missing' / 'x.json'}: the folder {tmp_path / 'missing'} does not exist")
    assert refused(filled, "import", str(folder)) == f"{folder} is a folder, not an export"
    assert refused(filled, "import", str(tmp_path / "nope.json")) == (
        f"{tmp_path / 'nope.json'}: no such file")
    assert "file name too long" in refused(filled, "backup", "x" * 5000).lower()


def test_an_import_nested_200000_deep_is_one_line(filled: Luck, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert refused(filled, "import", str(path)) == (
        f"{path}: not a luckos export (its JSON is nested too deeply)")


def test_a_formula_of_20000_terms_is_one_line(luck: Luck, tmp_path: Path) -> None:
    model = tmp_path / "huge.toml"
    terms = " + ".join(["users"] * 20_000)
    model.write_text(f'[model]\ntitle = "huge"\noutput = "total"\n\n[inputs]\nusers = 3\n\n'
                     f'[formulas]\ntotal = "{terms}"\n', encoding="utf-8")
    message = refused(luck, "estimate", "run", str(model))
    assert "nests deeper than Python can read (at most 200 levels)" in message


# --- luck import applies the CLI's checks -------------------------------------------------


def _export(luck: Luck, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    path = tmp_path / "export.json"
    luck.ok("export", str(path), "--include-private")
    return json.loads(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(("kind", "field", "value", "message"), [
    ("decision", "confidence", 7, "records.decision[0].confidence: confidence 7 is out of "
                                  "range (0 to 1)"),
    ("testimonial", "hours", -4, "records.testimonial[0].hours: hours -4 is out of range "
                                       "(0 or more)"),
    ("promise", "due", "2026-10-01", "records.promise[0].due: due date 2026-10-01 is before the "
                                     "promise was made (2026-11-01)"),
    ("promise", "due", "9999-12-31", "records.promise[0].due: due 9999-12-31 is out of range "
                                     "(1900-01-01 to 2199-12-31)"),
    ("reading", "value", float("inf"), "records.reading[0].value: value must be a finite number, "
                                       "not inf"),
    ("promise", "what", "caf\udce9", "records.promise[0].what: what holds bytes that are not "
                                     "UTF-8"),
    ("promise", "theme_id", 2**64, "records.promise[0].theme_id: theme 18446744073709551616 "
                                   "is out of range (1 to 2**63-1)"),
    ("window", "recurrence", "FREQ=SECONDLY", "records.window[0].recurrence: invalid "
                                              "recurrence 'FREQ=SECONDLY'"),
    ("estimate", "model", "not = [toml", "records.estimate[0].model: model is not TOML"),
])
def test_import_refuses_what_the_cli_refuses(filled: Luck, tmp_path: Path, kind: str,
                                             field: str, value: Any, message: str) -> None:
    filled.ok("testimonial", "add", "Dan", "--artifact", "a1", "--hours", "4")
    filled.ok("metric", "read", "t1", "customer", "3", "--month", "2026-10",
              "--narrative", "It moved. Because.")
    filled.ok("window", "add", "Budget", "--on", "2026-12-01")
    data, _ = _export(filled, tmp_path)
    data["records"].setdefault("estimate", [])
    if not data["records"]["estimate"]:
        data["records"]["estimate"].append({"id": 1, "name": "Rough math", "model": ""})
    data["records"][kind][0][field] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # Infinity, as Python writes it
    target = Luck(tmp_path / "target")
    target.ok("init")
    assert refused(target, "import", str(path)).startswith(f"import: {message}")


def test_import_refuses_a_second_metric_in_the_same_slot(filled: Luck, tmp_path: Path) -> None:
    data, _ = _export(filled, tmp_path)
    twin = dict(data["records"]["metric"][0], id=2, name="another")
    data["records"]["metric"].append(twin)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    target = Luck(tmp_path / "target")
    target.ok("init")
    assert refused(target, "import", str(path)) == (
        "import: records.metric[1] repeats records.metric[0] (metric 1 and customer)")
