"""Bad input, end to end: every case ends with one line `luck: error: ...` on stderr,
exit code 2, no traceback, and the workspace exactly as it was."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import pytest

from luckos.domain.records import Promise
from luckos.store import SCHEMA_VERSION, Store
from tests.conftest import Luck, workspace_state


@pytest.fixture
def filled(luck: Luck) -> Luck:
    """A workspace with a little of everything."""
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "checkout drop-off", "--theme", "t1", "--slot", "customer")
    luck.ok("promise", "add", "Consolidate the auth calls", "--to", "Priya", "--due",
            "2026-12-04", "--made-on", "2026-11-01", "--theme", "t1")
    luck.ok("promise", "add", "Retire the cron job", "--to", "Ops", "--due", "2026-11-20",
            "--made-on", "2026-11-01")
    luck.ok("promise", "drop", "p2", "--on", "2026-11-18")
    luck.ok("promise", "add", "Write the runbook", "--to", "Maya", "--due", "2026-11-24",
            "--made-on", "2026-11-02")
    luck.ok("promise", "keep", "p3", "--on", "2026-11-23")
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-07")
    luck.ok("note", "add", "The cron at 2 a.m. belongs to billing", "--kind", "earned-secret")
    return luck


def refused(luck: Luck, *args: str, today: str | None = "2026-11-25") -> str:
    """Run a bad command; check the contract and that nothing in the workspace moved."""
    before = workspace_state(luck.home)
    message = luck.fails(*args, today=today)
    assert workspace_state(luck.home) == before
    return message


# --- an invalid date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("promise", "add", "x", "--to", "y", "--due", "2026-02-30"),
         "invalid due '2026-02-30': not a real ISO date (YYYY-MM-DD)"),
        (("promise", "add", "x", "--to", "y", "--due", "someday"),
         "invalid due 'someday': use YYYY-MM-DD or a relative form such as +3d, +2w, fri"),
        (("promise", "add", "x", "--to", "y", "--due", "2026-11-01"),
         "due date 2026-11-01 is before the promise was made (2026-11-25)"),
        (("promise", "keep", "p1", "--on", "2026-13-01"),
         "invalid --on '2026-13-01': not a real ISO date (YYYY-MM-DD)"),
        (("promise", "edit", "p1", "--due", "32nd"), "invalid due '32nd'"),
        (("promise", "list", "--since", "banana"), "invalid --since 'banana'"),
        (("window", "add", "Budget", "--on", "next blue moon"),
         "invalid on 'next blue moon'"),
        (("metric", "read", "t1", "customer", "2", "--month", "2026-13"),
         "invalid month '2026-13': use YYYY-MM"),
    ],
)
def test_invalid_date(filled: Luck, args: tuple[str, ...], message: str) -> None:
    assert refused(filled, *args).startswith(f"luck: error: {message}")


def test_invalid_today(filled: Luck) -> None:
    message = refused(filled, "review", today="2026-02-29")
    assert message == ("luck: error: invalid --today '2026-02-29': not a real ISO date "
                       "(YYYY-MM-DD)")


# --- an unknown id ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("promise", "show", "p99"), "no promise p99"),
        (("promise", "keep", "p99"), "no promise p99"),
        (("promise", "edit", "p99", "--note", "x"), "no promise p99"),
        (("promise", "delete", "p99", "--yes"), "no promise p99"),
        (("promise", "renegotiate", "p99", "--due", "2027-01-10"), "no promise p99"),
        (("promise", "show", "w1"), "w1 is a window id, not a promise id"),
        (("promise", "show", "first"), "invalid promise id 'first': expected pN or N"),
        (("promise", "add", "x", "--to", "y", "--due", "fri", "--theme", "t9"), "no theme t9"),
        (("metric", "add", "latency", "--theme", "t7", "--slot", "speed"), "no theme t7"),
        (("artifact", "used", "a4", "--by", "Maya"), "no artifact a4"),
        (("window", "link", "w5", "docs/brief.md"), "no window w5"),
        (("theme", "show", "t2"), "no theme t2"),
        (("decision", "close", "d1", "--outcome", "fine"), "no decision d1"),
    ],
)
def test_unknown_id(filled: Luck, args: tuple[str, ...], message: str) -> None:
    assert refused(filled, *args) == f"luck: error: {message}"


# --- a status change that makes no sense -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("promise", "keep", "p2"),
         "cannot keep p2: it was dropped on 2026-11-18; reopen it first"),
        (("promise", "miss", "p3"), "cannot mark as missed p3: it was kept on 2026-11-23"),
        (("promise", "drop", "p3"), "cannot drop p3: it was kept on 2026-11-23"),
        (("promise", "renegotiate", "p2", "--due", "2027-01-10"),
         "cannot renegotiate p2: it was dropped on 2026-11-18; reopen it first"),
        (("promise", "renegotiate", "p1", "--due", "2026-11-20"),
         "new due date 2026-11-20 must be after the renegotiation date 2026-11-25"),
        (("promise", "reopen", "p1"), "p1 is already open"),
        (("promise", "keep", "p1", "--on", "2026-10-01"),
         "2026-10-01 is before p1 was made (2026-11-01)"),
    ],
)
def test_status_change_that_makes_no_sense(filled: Luck, args: tuple[str, ...],
                                           message: str) -> None:
    assert refused(filled, *args) == f"luck: error: {message}"


# --- other values that cannot be used ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("promise", "add", "Ship it", "--due", "fri"),
         "luck promise add needs --to (see luck promise add --help)"),
        (("metric", "add", "latency", "--slot", "speed"),
         "luck metric add needs --theme (see luck metric add --help)"),
        (("promise", "add"),
         "luck promise add needs WHAT, --to and --due (see luck promise add --help)"),
        (("promise", "add", "  ", "--to", "Dana", "--due", "fri"), "what must not be empty"),
        (("window", "add", "Budget", "--on", "2026-12-01", "--kind", "party"),
         "invalid kind 'party': choose one of planning, headcount, budget, retro, promotion, "
         "post-mortem, other"),
        (("window", "add", "Budget", "--on", "2026-12-01", "--prep-lead-days", "a week"),
         "invalid prep-lead-days 'a week': expected a number"),
        (("window", "add", "Budget", "--on", "2026-12-01", "--recurrence", "sometimes"),
         "invalid recurrence 'sometimes'"),
        (("decision", "add", "Adopt canaries", "--confidence", "1.5"),
         "confidence 1.5 is out of range (0 to 1)"),
        (("promise", "edit", "p1"), "nothing to change: give at least one option"),
        (("search", " "), "search needs some text"),
    ],
)
def test_values_that_cannot_be_used(filled: Luck, args: tuple[str, ...], message: str) -> None:
    assert refused(filled, *args).startswith(f"luck: error: {message}")


# --- a JSON import that is malformed or of the wrong version -----------------------------


def _export(luck: Luck, tmp_path: Path) -> dict:
    path = tmp_path / "export.json"
    luck.ok("export", str(path), "--include-private")
    return json.loads(path.read_text(encoding="utf-8"))


def _spoil(data: dict, how: str) -> dict:
    if how == "version":
        data["version"] = 2
    elif how == "format":
        data["format"] = "taskwarrior"
    elif how == "unknown field":
        data["records"]["promise"][0]["priority"] = "high"
    elif how == "unknown kind":
        data["records"]["meeting"] = [{"id": 1}]
    elif how == "bad date":
        data["records"]["promise"][2]["due"] = "2026-11-31"
    elif how == "bad choice":
        data["records"]["promise"][1]["status"] = "forgotten"
    elif how == "missing reference":
        data["records"]["promise"][0]["theme_id"] = 42
    elif how == "duplicate id":
        data["records"]["promise"][1]["id"] = 1
    elif how == "not a list":
        data["records"]["note"] = {"id": 1}
    elif how == "no records":
        del data["records"]
    return data


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("version", "export format version 2 is not supported (this luckos reads version 1)"),
        ("format", 'not a luckos export (no "format": "luckos-export")'),
        ("unknown field", "import: records.promise[0] has an unknown field 'priority'"),
        ("unknown kind", "import: unknown record kind 'meeting'"),
        ("bad date", "import: records.promise[2].due is not an ISO date: '2026-11-31'"),
        ("bad choice", "import: records.promise[1].status must be one of open, kept, missed, "
                       "renegotiated, dropped, not 'forgotten'"),
        ("missing reference", "import: promise 1 points at a missing theme"),
        ("duplicate id", "import: records.promise[1] repeats id 1"),
        ("not a list", "import: records.note must be a list"),
        ("no records", '"records" must be an object of record lists'),
    ],
)
def test_import_that_cannot_be_used_imports_nothing(filled: Luck, bare_luck: Luck,
                                                    tmp_path: Path, how: str,
                                                    message: str) -> None:
    data = _spoil(_export(filled, tmp_path), how)
    path = tmp_path / "spoiled.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    fresh = Luck(tmp_path / "fresh")
    fresh.ok("init")
    assert message in refused(fresh, "import", str(path))
    assert fresh.json("promise", "list") == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "luckos-export", "version": 1, "records": {', "not valid JSON (line 1:"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b"[1, 2, 3]", "not a luckos export"),
        (b"", "not valid JSON"),
    ],
)
def test_import_of_a_file_that_is_not_an_export(filled: Luck, tmp_path: Path, content: bytes,
                                                message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    assert message in refused(filled, "import", str(path), "--replace")


def test_import_of_a_missing_file(filled: Luck, tmp_path: Path) -> None:
    assert "no such file" in refused(filled, "import", str(tmp_path / "nope.json"))


def test_import_over_records_needs_replace(filled: Luck, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    filled.ok("export", str(path))
    assert "already holds records; use --replace" in refused(filled, "import", str(path))


def test_a_failed_replace_keeps_every_record(filled: Luck, tmp_path: Path) -> None:
    data = _spoil(_export(filled, tmp_path), "missing reference")
    path = tmp_path / "spoiled.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    # --replace clears the workspace inside the same transaction: all of it rolls back
    refused(filled, "import", str(path), "--replace")
    assert len(filled.json("promise", "list")) == 3


# --- a database file that is corrupt or not a luckos database ----------------------------


def _full_workspace(luck: Luck) -> None:
    store = Store.open(luck.db)
    with store.transaction():
        for i in range(400):
            store.add(Promise(what=f"promise number {i} " * 8, to_whom="Dana",
                              made_on=dt.date(2026, 1, 1), due=dt.date(2026, 6, 1) +
                              dt.timedelta(days=i)))
    store.close()


def _corrupt_pages(path: Path) -> None:
    """Overwrite every other page after the header page: the header stays valid."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), 2 * page):
        data[start:start + page] = b"\xff" * page
    path.write_bytes(bytes(data))


def _replace_db(luck: Luck, how: str) -> None:
    if how == "random bytes":
        luck.db.write_bytes(os.urandom(16384))
    elif how == "text":
        luck.db.write_text("what,to,due\nship it,Dana,2026-12-01\n", encoding="utf-8")
    elif how == "truncated":
        _full_workspace(luck)
        luck.db.write_bytes(luck.db.read_bytes()[:50_000])
    elif how == "corrupt pages":
        _full_workspace(luck)
        _corrupt_pages(luck.db)
    elif how == "other sqlite":
        luck.db.unlink()
        db = sqlite3.connect(luck.db)
        db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
        db.commit()
        db.close()
    elif how == "newer luckos":
        db = sqlite3.connect(luck.db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.commit()
        db.close()


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("random bytes", "not a SQLite database (damaged, or another kind of file)"),
        ("text", "not a SQLite database (damaged, or another kind of file)"),
        ("truncated", "not a usable SQLite database"),
        ("corrupt pages", "is damaged (database disk image is malformed)"),
        ("other sqlite", "not a luckos database (refusing to touch it)"),
        ("newer luckos", f"written by a newer luckos (schema {SCHEMA_VERSION + 1}"),
    ],
)
@pytest.mark.parametrize(
    "args",
    [
        ("promise", "list", "--limit", "0"),
        ("review",),
        ("ledger",),
        ("promise", "add", "Ship it", "--to", "Dana", "--due", "fri"),
        ("search", "promise"),
        ("export", "{tmp}/out.json"),
    ],
    ids=["list", "review", "ledger", "add", "search", "export"],
)
def test_database_that_is_not_usable_is_never_touched(luck: Luck, how: str, message: str,
                                                      args: tuple[str, ...]) -> None:
    _replace_db(luck, how)
    args = tuple(a.replace("{tmp}", str(luck.home.parent)) for a in args)
    line = refused(luck, *args)
    assert message in line
    assert str(luck.db) in line  # it names the file
    assert not (luck.home.parent / "out.json").exists()


@pytest.mark.parametrize("how", ["random bytes", "text", "truncated", "other sqlite",
                                 "newer luckos"])
def test_init_never_overwrites_a_database_it_cannot_use(luck: Luck, how: str) -> None:
    _replace_db(luck, how)
    refused(luck, "init")


def test_init_leaves_a_database_with_damaged_pages_as_it_is(luck: Luck) -> None:
    # init reads only the header, which is intact; it reports the workspace and writes nothing
    _replace_db(luck, "corrupt pages")
    before = workspace_state(luck.home)
    assert "nothing changed" in luck.ok("init").stdout
    assert workspace_state(luck.home) == before


def test_no_workspace_yet(bare_luck: Luck) -> None:
    message = bare_luck.fails("review")
    assert message == (f"luck: error: no luckos workspace at {bare_luck.home} "
                       "(run `luck init`, or set LUCK_HOME)")
    assert not bare_luck.home.exists()


def test_home_that_is_a_file(bare_luck: Luck) -> None:
    # Click checks --home / LUCK_HOME itself: a usage error, exit 2, no traceback
    bare_luck.home.write_text("not a folder", encoding="utf-8")
    result = bare_luck("init")
    assert result.exit_code == 2
    assert "is a file" in result.stderr
    assert "Traceback" not in result.output
    assert bare_luck.home.read_text(encoding="utf-8") == "not a folder"
