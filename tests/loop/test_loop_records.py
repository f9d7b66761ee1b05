"""The operating loop's record kinds: schema 4, search, export, and their commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from luckos.domain.records import KINDS, fields_of
from luckos.store import Store
from luckos.store.db import SCHEMA_VERSION, _migrations
from tests.conftest import Luck, workspace_state

LOOP_KINDS = ("glue", "explore", "project", "diagnosis", "arc", "reboot")


def test_the_schema_has_a_table_per_loop_kind_with_the_record_fields(luck: Luck) -> None:
    assert max(number for number, _, _ in _migrations()) == SCHEMA_VERSION
    connection = sqlite3.connect(luck.home / "luck.db")
    try:
        for name in LOOP_KINDS:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')]
            assert columns == ["id", *(f.name for f in fields_of(KINDS[name]))], name
        codes = sorted(KINDS[name].code for name in LOOP_KINDS)
        assert codes == list(range(13, 19))
    finally:
        connection.close()


def test_a_schema_2_database_migrates_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    connection = sqlite3.connect(path)
    for number, _, script in _migrations():
        if number <= 2:
            connection.executescript(script)
    connection.execute("INSERT INTO promise (what, to_whom, due, status) "
                       "VALUES ('old promise', 'Dana', '2026-01-01', 'open')")
    connection.execute("PRAGMA user_version = 2")
    connection.execute(f"PRAGMA application_id = {0x4C55434B}")
    connection.commit()
    connection.close()
    store = Store.open(path)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.get("promise", 1).what == "old promise"
        assert store.count("glue") == 0
    finally:
        store.close()
    assert len(list(tmp_path.glob(f"luck.db.before-v{SCHEMA_VERSION}-*.bak"))) == 1


def test_loop_records_are_searchable(luck: Luck) -> None:
    luck.ok("glue", "add", "Weekly status report for the sidecar", "--hours", "3")
    luck.ok("explore", "add", "Firecracker snapshots", "--kind", "teardown",
            "--learned", "restore beats boot")
    luck.ok("project", "add", "Ephemeral stacks", "--note", "seeded data")
    luck.ok("reboot", "start", "--focus", "flaky tests")
    hits = luck.json("search", "sidecar OR snapshots OR seeded OR flaky")
    assert sorted(h["id"] for h in hits) == ["g1", "pj1", "rb1", "x1"]


def test_export_and_import_keep_the_loop_records(luck: Luck, tmp_path: Path) -> None:
    luck.ok("glue", "add", "Onboarding", "--hours", "2", "--on", "2026-11-10")
    luck.ok("project", "add", "Stacks", "--flagship", "--started", "2026-10-12")
    luck.ok("project", "score", "pj1", "2", "1", "2", "0", "1", "2", "2")
    luck.ok("arc", "start", "--track", "manager", "--role", "EM, platform", "--on", "2025-01-06")
    luck.ok("reboot", "start", "--on", "2026-11-02")
    luck.ok("reboot", "done", "terrain", "--on", "2026-11-06")
    export = tmp_path / "out.json"
    luck.ok("export", str(export))
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["records"]["reboot"][0]["done"] == ["terrain@2026-11-06"]
    assert data["records"]["project"][0]["denominator"] == 2
    other = Luck(tmp_path / "other")
    other.ok("init")
    other.ok("import", str(export))
    assert other.json("project", "show", "pj1")["score"] == 10
    assert other.json("reboot", "show", "rb1")["done"] == ["terrain@2026-11-06"]


def test_glue_commands_and_the_weekly_view(luck: Luck) -> None:
    added = luck.json("glue", "add", "Release train", "--hours", "4", "--on", "2026-11-10",
                      "--unlocks", "checkout canary launch")
    assert added["id"] == "g1"
    result = luck("glue", "add", "Status meeting", "--hours", "6", "--on", "2026-11-11")
    assert result.exit_code == 0
    assert "which FAQ, short video or runbook could replace you" in result.stderr
    data = luck.json("glue", "weeks", "--weeks", "2")
    assert [w["week_start"] for w in data["weeks"]] == ["2026-11-09", "2026-11-16"]
    first = data["weeks"][0]
    assert (first["hours"], first["unlocking_hours"], first["substitute_hours"]) == (10, 4, 6)
    assert first["ratio"] == 0.15
    assert [e["id"] for e in data["without_mechanism"]] == ["g2"]
    table = luck.ok("glue", "list").stdout
    assert "Status meeting" in table and "checkout canary launch" in table


def test_glue_hours_out_of_range_is_refused(luck: Luck) -> None:
    before = workspace_state(luck.home)
    assert luck.fails("glue", "add", "Everything", "--hours", "200") == (
        "luck: error: hours 200 is out of range (more than 0, at most 168)")
    assert workspace_state(luck.home) == before


def test_explore_cadence_view(luck: Luck) -> None:
    luck.ok("explore", "add", "WASM prototype", "--kind", "weekend-prototype",
            "--on", "2026-11-08", "--link", "notes/wasm.md")
    rows = luck.json("explore", "cadence")
    assert [(r["cadence"], r["ref"], r["behind"]) for r in rows] == [
        ("explore entry", "x1", False), ("talk", None, True),
        ("paper reproduction or teardown", None, True)]
    assert rows[0]["due_on"] == "2026-12-09"
    assert "BEHIND" in luck.ok("explore", "cadence").stdout


def test_explore_kind_must_be_known(luck: Luck) -> None:
    assert luck.fails("explore", "add", "Podcast", "--kind", "podcast") == (
        "luck: error: invalid kind 'podcast': choose one of weekend-prototype, talk, "
        "paper-reproduction, teardown")
