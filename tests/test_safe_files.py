"""Files that commands write: never onto the workspace or a database, never replacing a
file luckos did not make without --force, whole or not at all, readable by the owner only.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import Luck, workspace_state
from tests.machine import one_error_line, run


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    """Temporary files a write may have left beside its target."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".partial")))


def _with_records(luck: Luck) -> None:
    luck.ok("theme", "add", "Boring deploys")
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-10", "--theme", "t1")
    luck.ok("promise", "add", "Ship the canary", "--to", "Dana", "--due", "fri")
    luck.ok("note", "add", "What the auditors ask first", "--kind", "earned-secret")


def _page(tmp_path: Path) -> Path:
    source = tmp_path / "brief.md"
    source.write_text("# Boring deploys\n\nOne paragraph.\n", encoding="utf-8")
    return source


# --- never onto the workspace or a database -----------------------------------------------


def _writers(luck: Luck, tmp_path: Path, target: Path) -> list[tuple[str, ...]]:
    source = _page(tmp_path)
    return [
        ("export", str(target)),
        ("export", str(target), "--force"),
        ("export", str(target), "--include-private", "--force"),
        ("feed", str(target)),
        ("feed", str(target), "--force"),
        ("doc", "render", str(source), "--html", str(target)),
        ("doc", "render", str(source), "--html", str(target), "--force"),
        ("backup", str(target)),
        ("estimate", "new", "cold-start", str(target), "--force"),
    ]


@pytest.mark.parametrize("name", ["luck.db", "luck.toml", "luck.db-wal", "luck.db-shm"])
def test_no_command_writes_onto_the_workspaces_own_files(luck: Luck, tmp_path: Path,
                                                          name: str) -> None:
    _with_records(luck)
    target = luck.home / name
    before = workspace_state(luck.home)
    for args in _writers(luck, tmp_path, target):
        line = luck.fails(*args)
        assert f"{target} is a file of your luckos workspace ({luck.home})" in line, args
        assert workspace_state(luck.home) == before, args
    assert _leftovers(luck.home) == []
    # the workspace still opens and holds its records
    assert [p["what"] for p in luck.json("promise", "list")] == ["Ship the canary"]


def test_no_command_writes_onto_any_sqlite_database_even_with_force(luck: Luck,
                                                                   tmp_path: Path) -> None:
    _with_records(luck)
    photos = tmp_path / "photos.sqlite"
    db = sqlite3.connect(photos)
    db.execute("CREATE TABLE photo (path TEXT)")
    db.commit()
    db.close()
    before = photos.read_bytes()
    for args in _writers(luck, tmp_path, photos):
        if args[0] == "backup":  # a backup refuses any existing file, first
            assert f"{photos} already exists: a backup never replaces" in luck.fails(*args)
            continue
        assert f"{photos} is a SQLite database" in luck.fails(*args), args
    # nor onto its journal files, which SQLite would read back as part of it
    wal = tmp_path / "photos.sqlite-wal"
    assert f"{wal} belongs to the SQLite database photos.sqlite" in luck.fails(
        "feed", str(wal), "--force")
    assert photos.read_bytes() == before
    assert not wal.exists()


def test_a_symlink_to_the_database_is_the_database(luck: Luck, tmp_path: Path) -> None:
    _with_records(luck)
    link = tmp_path / "innocent.json"
    link.symlink_to(luck.db)
    before = workspace_state(luck.home)
    assert "is a file of your luckos workspace" in luck.fails("export", str(link), "--force")
    assert workspace_state(luck.home) == before


# --- replacing a file: only one luckos made, else --force ---------------------------------


def test_feed_rewritten_from_cron_replaces_its_own_file_and_keeps_its_mode(
        luck: Luck, tmp_path: Path) -> None:
    _with_records(luck)
    feed = tmp_path / "luck.ics"
    luck.ok("feed", str(feed))
    assert _mode(feed) == 0o600  # a new file: the owner's only
    feed.chmod(0o644)  # the owner shares it with a web server
    luck.ok("window", "add", "Headcount", "--on", "2027-01-15")
    luck.ok("feed", str(feed))  # the next cron run replaces it
    names = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.read_bytes()).walk("VEVENT")]
    assert any("Headcount" in n for n in names)
    assert _mode(feed) == 0o644
    assert _leftovers(tmp_path) == []


def test_a_file_luckos_did_not_write_is_replaced_only_with_force(luck: Luck,
                                                                  tmp_path: Path) -> None:
    _with_records(luck)
    mine = tmp_path / "calendar.ics"
    mine.write_text("BEGIN:VCALENDAR\nPRODID:-//Example//Mine//EN\nEND:VCALENDAR\n")
    before = mine.read_bytes()
    assert luck.fails("feed", str(mine)) == (
        f"luck: error: {mine} already exists and was not made by luckos (use --force to "
        "replace it)")
    assert mine.read_bytes() == before
    luck.ok("feed", str(mine), "--force")
    assert b"PRODID:-//luckos//luck feed//EN" in mine.read_bytes()

    page = tmp_path / "index.html"
    page.write_text("<html><body>my home page</body></html>")
    source = _page(tmp_path)
    assert "was not made by luckos" in luck.fails("doc", "render", str(source), "--html",
                                                  str(page))
    assert page.read_text() == "<html><body>my home page</body></html>"
    luck.ok("doc", "render", str(source), "--html", str(page), "--force")
    luck.ok("doc", "render", str(source), "--html", str(page))  # its own page: replaced


def test_export_never_replaces_a_file_without_force(luck: Luck, tmp_path: Path) -> None:
    _with_records(luck)
    path = tmp_path / "export.json"
    luck.ok("export", str(path))
    first = path.read_bytes()
    luck.ok("promise", "add", "Another", "--to", "x", "--due", "+1w")
    # even an older export of its own: it may be the only copy of that state
    assert luck.fails("export", str(path)) == (
        f"luck: error: {path} already exists (use --force to replace it)")
    assert path.read_bytes() == first
    path.chmod(0o644)
    luck.ok("export", str(path), "--force", "--include-private")
    assert len(json.loads(path.read_text())["records"]["promise"]) == 2
    assert _mode(path) == 0o600  # earned secrets inside: never the old file's 0644
    assert _leftovers(tmp_path) == []


def test_export_to_standard_output_and_import_from_standard_input(luck: Luck,
                                                                  tmp_path: Path) -> None:
    _with_records(luck)
    out = luck.ok("export", "-").stdout
    data = json.loads(out)
    assert data["format"] == "luckos-export"
    assert [p["what"] for p in data["records"]["promise"]] == ["Ship the canary"]
    fresh = Luck(tmp_path / "fresh")
    fresh.ok("init")
    assert fresh.ok("import", "-", input=out).stdout.strip() == (
        "imported 3 records from standard input")
    assert [p["what"] for p in fresh.json("promise", "list")] == ["Ship the canary"]
    assert "standard input: not valid JSON" in fresh.fails("import", "-", input="{oops")


def test_paths_that_cannot_be_written_are_one_line_each(luck: Luck, tmp_path: Path) -> None:
    _with_records(luck)
    before = workspace_state(luck.home)
    missing = tmp_path / "nowhere" / "x.json"
    assert luck.fails("export", str(missing)) == (
        f"luck: error: {missing}: the folder {missing.parent} does not exist")
    assert luck.fails("backup", str(missing)) == (
        f"luck: error: {missing}: the folder {missing.parent} does not exist")
    assert luck.fails("export", str(tmp_path)) == (
        f"luck: error: {tmp_path} is a folder; give a file name for the export")
    assert luck.fails("export", "/dev/null", "--force") == (
        "luck: error: /dev/null is not a regular file: refusing to write the export")
    # names the system cannot take: one line each, from every command that writes
    source = _page(tmp_path)
    too_long = str(tmp_path / ("x" * 300))
    for writer in (("export",), ("backup",), ("feed",), ("estimate", "new", "cold-start"),
                   ("doc", "render", str(source), "--html")):
        assert luck.fails(*writer, too_long) == (
            f"luck: error: {too_long}: File name too long"), writer
        # a NUL is refused at the entry point, before any command, for every argument
        assert luck.fails(*writer, "a\x00b").endswith(
            ": the value holds a NUL character"), writer
    assert workspace_state(luck.home) == before
    assert not missing.parent.exists()


# --- backups ------------------------------------------------------------------------------


def test_backup_is_never_written_onto_the_live_file_or_an_existing_one(
        luck: Luck, tmp_path: Path) -> None:
    _with_records(luck)
    before = workspace_state(luck.home)
    assert "is a file of your luckos workspace" in luck.fails("backup", str(luck.db))
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    assert luck.fails("backup", str(other)) == (
        f"luck: error: {other} already exists: a backup never replaces a file; choose "
        "another name")
    assert other.read_text() == "mine"
    assert workspace_state(luck.home) == before
    copy = tmp_path / "copy.db"
    assert luck.ok("backup", str(copy)).stdout.strip() == f"backed up to {copy}"
    assert _mode(copy) == 0o600
    assert luck.fails("backup", str(copy)) == (
        f"luck: error: {copy} already exists: a backup never replaces a file; choose "
        "another name")
    kept = sqlite3.connect(copy)
    assert kept.execute("SELECT body FROM note").fetchall() == [
        ("What the auditors ask first",)]
    kept.close()
    assert _leftovers(tmp_path) == []


# --- a full disk ---------------------------------------------------------------------------


def _grow(luck: Luck, count: int) -> None:
    """Enough promises for an export or backup larger than the size limit."""
    from luckos.domain.records import Promise
    from luckos.workspace import open_workspace
    from tests.conftest import TODAY

    ws = open_workspace(luck.home)
    try:
        with ws.store.transaction():
            for n in range(count):
                ws.store.add(Promise(what=f"Promise number {n} with a long enough text " * 3,
                                     to_whom="Dana", made_on=TODAY, due=TODAY))
    finally:
        ws.close()


def test_a_full_disk_leaves_no_half_export_and_no_empty_backup(luck: Luck,
                                                               tmp_path: Path) -> None:
    """RLIMIT_FSIZE stands in for the full disk (see tests/machine.py)."""
    _grow(luck, 1000)
    old = tmp_path / "export.json"
    old.write_text('{"format": "luckos-export", "kept": true}')
    before = workspace_state(luck.home)
    line = one_error_line(run(luck.home, "export", str(old), "--force", fsize=65536))
    assert line.startswith(f"luck: error: cannot write {old}: the disk is full")
    assert old.read_text() == '{"format": "luckos-export", "kept": true}'

    copy = tmp_path / "copy.db"
    line = one_error_line(run(luck.home, "backup", str(copy), fsize=65536))
    assert str(copy) in line and ("full" in line or "disk" in line), line
    assert not copy.exists()  # no empty backup
    line = one_error_line(run(luck.home, "backup", fsize=65536))
    assert list((luck.home / "backups").glob("*")) == []
    assert workspace_state(luck.home) == before
    assert _leftovers(tmp_path) == [] and _leftovers(luck.home) == []
    assert _leftovers(luck.home / "backups") == []


def test_a_full_disk_during_a_capture_keeps_the_workspace_as_it_was(luck: Luck) -> None:
    _grow(luck, 20)
    before = workspace_state(luck.home)
    # SQLite's -shm is 32 KB; the -wal of a 60 KB capture is more
    line = one_error_line(run(luck.home, "promise", "add", "x" * 60000, "--to", "Dana",
                              "--due", "fri", fsize=32768))
    assert line.startswith(f"luck: error: {luck.db}: ")
    assert "nothing was written" in line
    assert workspace_state(luck.home) == before
    assert len(luck.json("promise", "list", "--limit", "100")) == 20


# --- the owner's files only -----------------------------------------------------------------


def test_the_workspace_and_what_it_writes_are_the_owners_only(bare_luck: Luck,
                                                              tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the usual umask: files readable by others unless we say so
    try:
        _owners_only(bare_luck, tmp_path)
    finally:
        os.umask(previous)


def _owners_only(luck: Luck, tmp_path: Path) -> None:
    luck.ok("init")
    assert _mode(luck.home) == 0o700
    assert _mode(luck.home / "docs") == 0o700
    assert _mode(luck.db) == 0o600
    assert _mode(luck.home / "luck.toml") == 0o600
    _with_records(luck)
    luck.ok("backup")
    (copy,) = (luck.home / "backups").iterdir()
    assert _mode(luck.home / "backups") == 0o700
    assert _mode(copy) == 0o600
    luck.ok("export", str(tmp_path / "all.json"), "--include-private")
    assert _mode(tmp_path / "all.json") == 0o600
    draft = luck.ok("doc", "new", "one-pager", "--theme", "t1").stdout.split()[1]
    assert _mode(Path(draft)) == 0o600
    # SQLite gives its -wal and -shm files the database's own mode
    from luckos.workspace import open_workspace

    ws = open_workspace(luck.home)
    try:
        with ws.store.transaction():
            ws.store.set_meta("probe", "1")
        assert _mode(luck.home / "luck.db-wal") == 0o600
        assert _mode(luck.home / "luck.db-shm") == 0o600
    finally:
        ws.close()


# --- charts ------------------------------------------------------------------------------------

_ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example//Test//EN\r
BEGIN:VEVENT\r
UID:standup@example.com\r
DTSTAMP:20250201T000000Z\r
DTSTART:20250204T093000Z\r
DTEND:20250204T100000Z\r
SUMMARY:Team standup\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_charts_replace_their_own_files_only(luck: Luck, tmp_path: Path) -> None:
    png = tmp_path / "value.png"
    luck.ok("estimate", "cold-start", "--samples", "2000", "--png", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and _mode(png) == 0o600
    luck.ok("estimate", "cold-start", "--samples", "2000", "--seed", "2", "--png", str(png))
    photo = tmp_path / "holiday.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # a PNG from somewhere else
    assert "was not made by luckos" in luck.fails("estimate", "cold-start", "--png",
                                                  str(photo))
    assert photo.read_bytes() == b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    luck.ok("estimate", "cold-start", "--samples", "2000", "--png", str(photo), "--force")

    calendar = tmp_path / "work.ics"
    calendar.write_text(_ICS, newline="")
    out = tmp_path / "charts"
    week = ("--from", "2025-02-03", "--to", "2025-02-09")
    for fmt in ("png", "svg"):
        luck.ok("calendar", "audit", str(calendar), *week, "--charts", str(out),
                "--chart-format", fmt)
        luck.ok("calendar", "audit", str(calendar), *week, "--charts", str(out),
                "--chart-format", fmt)  # again: its own charts are replaced
    assert _mode(out) == 0o700
    (out / "meeting-load.png").write_bytes(b"not a chart of ours")
    assert "was not made by luckos" in luck.fails("calendar", "audit", str(calendar), *week,
                                                  "--charts", str(out))
    assert (out / "meeting-load.png").read_bytes() == b"not a chart of ours"
    assert _leftovers(out) == [] and _leftovers(tmp_path) == []
