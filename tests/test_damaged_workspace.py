"""A damaged, empty, read-only or misplaced database: noticed, never rebuilt as an empty
workspace, one clear line naming what to do; an upgrade takes one backup."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from luckos.store import SCHEMA_VERSION
from tests.conftest import Luck, workspace_state
from tests.machine import one_error_line, run


def _records(luck: Luck, count: int = 40) -> None:
    luck.ok("theme", "add", "Boring deploys")
    for n in range(count):
        luck.ok("promise", "add", f"Promise {n}: " + "a sentence of words " * 20, "--to",
                "Dana", "--due", "+2w")


def _check_due(luck: Luck) -> None:
    """As if the last quick check were yesterday: the next command runs it."""
    db = sqlite3.connect(luck.db)
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    db.execute("UPDATE meta SET value = ? WHERE key = 'quick_check_on'", (yesterday,))
    db.commit()
    db.close()


def _damage_the_middle(path: Path) -> None:
    """Garbage over a page in the middle of the file, as a bad disk or a stray write
    leaves it: one of the pages holding the promises (the middle one of them), so that the
    header, the schema and the tables `theme list` and the day's check read stay intact
    whatever the schema's indexes do to the file's layout."""
    db = sqlite3.connect(path)
    pages = [n for (n,) in db.execute(
        "SELECT pageno FROM dbstat WHERE name = 'promise' AND pagetype = 'leaf' "
        "ORDER BY pageno")]
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    assert len(pages) > 2, "the promises fill several pages"
    offset = (pages[len(pages) // 2] - 1) * size
    data = bytearray(path.read_bytes())
    data[offset:offset + size] = b"\x5a" * size
    path.write_bytes(bytes(data))


def test_a_zero_byte_database_is_never_rebuilt_as_an_empty_workspace(luck: Luck) -> None:
    _records(luck, 2)
    luck.ok("backup")
    (backup,) = (luck.home / "backups").iterdir()
    luck.db.write_bytes(b"")
    for args in (("promise", "list"), ("init",), ("review",), ("export", "-")):
        line = luck.fails(*args)
        assert line == (
            f"luck: error: {luck.db} is empty (0 bytes): it holds no workspace; restore the "
            f"newest backup, {backup}: copy it over {luck.db}; or run `luck doctor` for "
            "details"), args
        assert luck.db.stat().st_size == 0, args
    # what the message says to do works
    shutil.copyfile(backup, luck.db)
    assert len(luck.json("promise", "list")) == 2


def test_damage_in_the_middle_is_noticed_by_a_command_that_only_reads(luck: Luck) -> None:
    _records(luck)
    luck.ok("backup")
    (backup,) = (luck.home / "backups").iterdir()
    luck.ok("theme", "list")  # reads one small table: fine before the damage
    _damage_the_middle(luck.db)
    _check_due(luck)
    # `theme list` reads no damaged page, but the day's first command checks the file
    line = luck.fails("theme", "list")
    assert line.startswith(f"luck: error: {luck.db} is damaged (SQLite quick_check: ")
    assert line.endswith(f"restore the newest backup, {backup}: copy it over {luck.db}; "
                         "or run `luck doctor` for details")
    # and keeps refusing until it is restored: a damaged file is never marked as checked
    assert luck.fails("theme", "list") == line
    shutil.copyfile(backup, luck.db)
    for side in ("-wal", "-shm"):
        Path(f"{luck.db}{side}").unlink(missing_ok=True)
    assert [t["label"] for t in luck.json("theme", "list")] == ["Boring deploys"]


def test_a_folder_where_the_database_should_be(luck: Luck) -> None:
    luck.db.unlink()
    luck.db.mkdir()
    expected = (f"luck: error: {luck.db} is a folder where the luckos database should be; "
                "move it away")
    assert luck.fails("promise", "list") == expected
    assert luck.fails("init") == expected
    assert luck.db.is_dir() and list(luck.db.iterdir()) == []


def test_a_missing_workspace_folder_is_created_by_init_only(bare_luck: Luck) -> None:
    assert bare_luck.fails("promise", "list").startswith(
        f"luck: error: no luckos workspace at {bare_luck.home}")
    assert not bare_luck.home.exists()


def test_a_read_only_database_is_one_line_and_nothing_changes(luck: Luck) -> None:
    """chmod 444 on the file, as a user would; root is bound by it in the child process
    (tests/machine.py drops its override capabilities)."""
    _records(luck, 3)
    luck.ok("promise", "list")  # the day's quick check is done
    before = workspace_state(luck.home)
    luck.db.chmod(0o444)
    try:
        line = one_error_line(run(luck.home, "promise", "add", "Another", "--to", "Dana",
                                  "--due", "fri", bound_by_modes=True))
        assert line.startswith(f"luck: error: {luck.db}: the database is read-only"), line
        assert line.endswith("nothing was written")
        # reading still works
        done = run(luck.home, "promise", "list", bound_by_modes=True)
        assert done.returncode == 0, done.stderr
        assert "Promise 2" in done.stdout
    finally:
        luck.db.chmod(0o600)
    luck.ok("promise", "list")  # the owner's next command tidies SQLite's -wal and -shm
    assert workspace_state(luck.home) == before


def test_a_read_only_workspace_folder_is_one_line(luck: Luck) -> None:
    _records(luck, 3)
    luck.ok("promise", "list")
    before = workspace_state(luck.home)
    luck.home.chmod(0o500)
    try:
        line = one_error_line(run(luck.home, "promise", "list", bound_by_modes=True))
        assert line == (f"luck: error: {luck.db}: cannot open it (attempt to write a "
                        "readonly database); check the permissions of the file and its folder")
    finally:
        luck.home.chmod(0o700)
    assert workspace_state(luck.home) == before


def test_a_backup_into_a_read_only_folder_leaves_nothing(luck: Luck, tmp_path: Path) -> None:
    _records(luck, 3)
    luck.ok("promise", "list")
    folder = tmp_path / "shelf"
    folder.mkdir(mode=0o500)
    try:
        line = one_error_line(run(luck.home, "backup", str(folder / "copy.db"),
                                  bound_by_modes=True))
        assert line == f"luck: error: cannot write {folder / 'copy.db'}: Permission denied"
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


# --- upgrades ---------------------------------------------------------------------------------


def _older_schema(path: Path) -> None:
    """A luckos database one schema behind: the current one with its last migration
    undone is not possible in general, so build schema 1 from the first script."""
    from luckos.store.db import APPLICATION_ID, _migrations

    number, _, script = _migrations()[0]
    db = sqlite3.connect(path)
    db.executescript(script)
    db.execute(f"PRAGMA user_version = {number}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("INSERT INTO theme (label) VALUES ('Boring deploys')")
    db.commit()
    db.close()


def _backups(home: Path) -> list[str]:
    return sorted(p.name for p in home.iterdir() if p.name.endswith(".bak"))


def test_an_upgrade_that_fails_takes_one_backup_not_one_per_run(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    home.mkdir()
    _older_schema(home / "luck.db")
    (home / "luck.db").chmod(0o444)  # the upgrade cannot write: it fails on every run
    try:
        for _ in range(3):
            line = one_error_line(run(home, "theme", "list", bound_by_modes=True))
            assert "read-only" in line or "readonly" in line, line
    finally:
        (home / "luck.db").chmod(0o600)
    assert _backups(home) == [f"luck.db.before-v{SCHEMA_VERSION}-from-v1.bak"]
    done = run(home, "theme", "list")  # writable again: the upgrade goes through
    assert done.returncode == 0 and "Boring deploys" in done.stdout, done.stderr
    assert _backups(home) == [f"luck.db.before-v{SCHEMA_VERSION}-from-v1.bak"]


def test_concurrent_openers_of_an_older_schema_take_one_backup(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    home.mkdir()
    _older_schema(home / "luck.db")
    code = ("import sys; from pathlib import Path; from luckos.store import Store; "
            "s = Store.open(Path(sys.argv[1])); print(s.schema_version()); s.close()")
    openers = [subprocess.Popen([sys.executable, "-c", code, str(home / "luck.db")],
                                stdout=subprocess.PIPE, text=True) for _ in range(6)]
    versions = [p.communicate(timeout=120)[0].strip() for p in openers]
    assert versions == [str(SCHEMA_VERSION)] * 6
    assert _backups(home) == [f"luck.db.before-v{SCHEMA_VERSION}-from-v1.bak"]
