"""`luck doctor`: what it finds in a workspace edited behind luckos's back, what --fix
repairs (after a backup), and what it leaves to the owner."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path
from typing import Any

from luckos.store import SCHEMA_VERSION
from tests.conftest import Luck, workspace_state


def _workspace(luck: Luck) -> None:
    luck.ok("theme", "add", "Boring deploys")
    luck.ok("promise", "add", "Ship the canary", "--to", "Dana", "--due", "fri", "--theme",
            "t1")
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-10", "--recurrence", "yearly")
    luck.ok("decision", "add", "Canary first", "--confidence", "0.7", "--review", "+4w")
    luck.ok("artifact", "add", "Canary runbook", "--kind", "runbook", "--link",
            "docs/canary.md")
    (luck.home / "docs" / "canary.md").write_text("# Canary\n")
    luck.ok("artifact", "used", "a1", "--by", "SRE", "--hours", "4")
    luck.ok("artifact", "add", "Talk", "--kind", "talk", "--link", "https://example.com/t")


def _edit_behind_luckos(db: Path, *statements: str) -> None:
    """What the sqlite3 shell does with foreign keys off (its default)."""
    connection = sqlite3.connect(db)
    for sql in statements:
        connection.execute(sql)
    connection.commit()
    connection.close()


def _problems(data: dict[str, Any]) -> list[tuple[str, str, bool]]:
    return [(p["check"], p["where"], p["fixable"]) for p in data["problems"]]


def _doctor_json(luck: Luck, *args: str) -> tuple[int, dict[str, Any]]:
    import json

    result = luck("doctor", "--json", *args)
    return result.exit_code, json.loads(result.stdout)


def test_a_healthy_workspace(luck: Luck) -> None:
    _workspace(luck)
    before = workspace_state(luck.home)
    result = luck.ok("doctor")
    assert result.stdout == (
        f"workspace {luck.home}: schema {SCHEMA_VERSION}, 7 records\n"
        "healthy: integrity ok, schema current, no broken links, files or values\n")
    code, data = _doctor_json(luck)
    assert (code, data["healthy"], data["problems"], data["schema"]) == (
        0, True, [], SCHEMA_VERSION)
    assert workspace_state(luck.home) == before  # checking changes nothing


def test_problems_are_named_by_record_and_fix_repairs_only_the_safe_ones(luck: Luck) -> None:
    _workspace(luck)
    _edit_behind_luckos(
        luck.db,
        "UPDATE promise SET theme_id = 42 WHERE id = 1",  # an optional link to nothing
        "UPDATE testimonial SET artifact_id = 9 WHERE id = 1",  # a required one
        "UPDATE window SET recurrence = 'FREQ=FORTNIGHTLY' WHERE id = 1",
        "UPDATE decision SET confidence = 7 WHERE id = 1",
        "INSERT INTO promise (what, to_whom, due, status) "
        "VALUES ('Bad date', 'x', '2026-13-45', 'open')",
    )
    (luck.home / "docs" / "canary.md").unlink()
    luck.db.chmod(0o644)
    result = luck("doctor")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # the recurrence's wording is the domain's own (check_recurrence), not doctor's
    recurrence = lines.pop(12)
    assert recurrence.startswith("  recurrence  w1: invalid recurrence 'FREQ=FORTNIGHTLY'")
    assert lines == [
        f"workspace {luck.home}: schema {SCHEMA_VERSION}, 7 records",
        "7 problems:",
        f"  mode        {luck.db}: other users of this machine can read it (mode 644)",
        "              would chmod 600",
        "  unreadable  p2: cannot be read: due '2026-13-45': month must be in 1..12",
        "              not repaired: correct or delete p2 in the database, or restore it "
        "from a backup",
        "  link        p1: theme_id points at t42, which does not exist",
        "              would clear theme_id",
        "  link        u1: artifact_id points at a9, which does not exist",
        "              not repaired: delete u1 or restore a9 from a backup",
        "  file        a1: link names docs/canary.md, which is not there any more",
        "              not repaired: restore the file, or change the link with "
        "`luck artifact edit a1`",
        "              not repaired: set another recurrence with `luck window edit w1`",
        "  value       d1: confidence 7 is out of range (0 to 1)",
        "              not repaired: correct it with `luck decision edit d1`",
        "`luck doctor --fix` repairs 2 of them, after a backup",
    ]

    # a damaged row stops --fix: nothing is changed while the database is unreadable
    before = workspace_state(luck.home)
    code, data = _doctor_json(luck, "--fix")
    assert code == 1 and data["fixed"] == [] and data["backup"] is None
    assert data["not_fixed"].startswith("the database is damaged: restore it from a backup")
    assert workspace_state(luck.home) == before

    _edit_behind_luckos(luck.db, "DELETE FROM promise WHERE id = 2")
    result = luck("doctor", "--fix")
    assert result.exit_code == 1  # problems only the owner can settle remain
    lines = result.stdout.splitlines()
    (backup,) = (luck.home / "backups").iterdir()
    assert lines[1] == f"backed up to {backup} before repairing"
    assert lines[2:4] == ["  fixed p1: cleared theme_id", f"  fixed {luck.db}: chmod 600"]
    assert lines[4] == "4 problems remain:"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(luck.db.stat().st_mode) == 0o600
    # the backup holds the workspace as it was before the repair
    kept = sqlite3.connect(backup)
    assert kept.execute("SELECT theme_id FROM promise WHERE id = 1").fetchone() == (42,)
    kept.close()
    assert luck.json("promise", "show", "p1")["theme_id"] is None
    code, data = _doctor_json(luck)
    assert (code, _problems(data)) == (1, [
        ("link", "u1", False), ("file", "a1", False), ("recurrence", "w1", False),
        ("value", "d1", False)])


def test_orphaned_calendar_rows_are_deleted_by_fix(luck: Luck) -> None:
    _workspace(luck)
    _edit_behind_luckos(
        luck.db,
        "INSERT INTO calendar_event (import_id, number, uid) VALUES (77, 1, 'gone@x')")
    code, data = _doctor_json(luck)
    assert (code, _problems(data)) == (1, [("link", "calendar_event row 1", True)])
    code, data = _doctor_json(luck, "--fix")
    assert (code, data["fixed"], data["problems"]) == (0, ["calendar_event row 1: deleted"],
                                                        [])


def test_a_damaged_database_is_reported_and_never_repaired(luck: Luck) -> None:
    _workspace(luck)
    for n in range(60):
        luck.ok("note", "add", f"Note {n} " + "words of a longer note " * 30)
    luck.ok("backup")
    data = bytearray(luck.db.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = b"\x5a" * 4096
    luck.db.write_bytes(bytes(data))
    before = workspace_state(luck.home)
    code, report = _doctor_json(luck, "--fix")
    assert code == 1
    assert [p["check"] for p in report["problems"]][0] == "integrity"
    assert report["problems"][0]["repair"].startswith("not repaired: restore the newest backup")
    assert report["fixed"] == [] and report["backup"] is None
    assert workspace_state(luck.home) == before


def test_an_empty_database_and_no_workspace(luck: Luck, bare_luck: Luck,
                                            tmp_path: Path) -> None:
    luck.db.write_bytes(b"")
    code, report = _doctor_json(luck)
    assert code == 1
    assert _problems(report) == [("open", str(luck.db), False)]
    assert report["problems"][0]["message"] == f"{luck.db} is empty (0 bytes): it holds no " \
                                               "workspace"
    assert luck.db.stat().st_size == 0
    shutil.rmtree(luck.home)
    assert luck.fails("doctor") == (
        f"luck: error: no luckos workspace at {luck.home} (run `luck init`, or set LUCK_HOME)")


def test_doctor_is_listed_with_the_workspace_commands(luck: Luck) -> None:
    text = luck.ok("--help").stdout
    workspace = text[text.index("Workspace:"):]
    assert "doctor" in workspace.split("Other commands")[0]
