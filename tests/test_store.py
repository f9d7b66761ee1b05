"""The store: migrations from empty and from schema 1, refusal of files that are not
ours, and the generic record operations."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from luckos.domain.records import KINDS, Note, Promise, Theme
from luckos.errors import LuckError
from luckos.store import SCHEMA_VERSION, Store
from luckos.store.db import APPLICATION_ID
from tests.conftest import Luck, file_digest

D = dt.date.fromisoformat


def _migration_numbers() -> list[int]:
    folder = resources.files("luckos.store.migrations")
    return sorted(int(e.name[:4]) for e in folder.iterdir()
                  if e.name.endswith(".sql") and e.name[:4].isdigit())


def test_schema_version_is_the_last_migration() -> None:
    numbers = _migration_numbers()
    assert numbers == list(range(1, len(numbers) + 1))  # numbered 1, 2, ... without gaps
    assert numbers[-1] == SCHEMA_VERSION


# --- from empty ---------------------------------------------------------------------------


def test_migrations_from_empty(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    store = Store.open(path, create=True)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        db = store.db
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert set(KINDS) | {"meta", "search_index"} <= tables
        assert store.integrity_ok()
    finally:
        store.close()
    # nothing to back up when there was nothing
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".bak"] == []


def test_opening_a_current_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    Store.open(path, create=True).close()
    before = file_digest(path)
    store = Store.open(path)
    store.close()
    assert file_digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["luck.db"]


def test_no_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(LuckError, match="no luckos workspace"):
        Store.open(tmp_path / "luck.db")
    assert list(tmp_path.iterdir()) == []


def test_notes_of_one_kind_are_read_by_date_through_an_index(tmp_path: Path) -> None:
    """Schema 12: the review's earned secrets (and the packet's year-in-public notes) are
    one kind of note in a range of dates, found without visiting the other kinds."""
    from luckos.store import loop

    path = tmp_path / "luck.db"
    _schema_1_file(path)
    store = Store.open(path)
    try:
        plan = " ".join(row[3] for row in store.db.execute(
            f"""EXPLAIN QUERY PLAN SELECT id, "on" FROM note WHERE {loop._FALLOW}
                ORDER BY "on", id""", ("2027-01-01",)))
        assert "note_kind_on" in plan
        assert loop.fallow_secrets(store, D("2027-01-01")) == [(1, D("2026-11-02"))]
        assert loop.fallow_secrets(store, D("2027-01-01"), limit=0) == []
        assert loop.count_fallow_secrets(store, D("2027-01-01")) == 1
        assert loop.fallow_secrets(store, D("2026-11-02")) == []
    finally:
        store.close()


# --- from schema 1 ------------------------------------------------------------------------


def _schema_1_file(path: Path) -> None:
    """A database as luckos wrote it at schema 1 (before the search index existed)."""
    script = (resources.files("luckos.store.migrations") / "0001_initial.sql").read_text(
        encoding="utf-8")
    db = sqlite3.connect(path)
    db.executescript(script)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO theme (label, started_on) VALUES ('Faster cold-start', "
               "'2026-01-10')")
    db.execute("INSERT INTO promise (what, to_whom, made_on, due, status, tags, theme_id) "
               "VALUES ('Consolidate the auth calls', 'Priya', '2026-11-01', '2026-11-20', "
               "'open', '[\"latency\"]', 1)")
    db.execute("INSERT INTO note (body, kind, \"on\", title, tags) VALUES "
               "('The cron job at 2 a.m. belongs to billing', 'earned-secret', '2026-11-02', "
               "'', '[]')")
    db.commit()
    db.close()


def test_migration_from_schema_1(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    _schema_1_file(path)
    original = path.read_bytes()
    store = Store.open(path)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        # the rows survive, and what schema 1 held is now searchable
        promise = store.get("promise", 1)
        assert (promise.what, promise.due, promise.tags, promise.theme_id) == (
            "Consolidate the auth calls", D("2026-11-20"), ("latency",), 1)
        assert [(h.kind, h.rid) for h in store.search("auth", include_private=True,
                                                      limit=10)] == [("promise", 1)]
        assert [(h.kind, h.rid) for h in store.search("latency", include_private=True,
                                                      limit=10)] == [("promise", 1)]
        secret = store.search("billing", include_private=True, limit=10)
        assert [(h.kind, h.rid, h.private) for h in secret] == [("note", 1, True)]
        assert store.search("billing", include_private=False, limit=10) == []
        # and records added after the migration are indexed too
        with store.transaction():
            store.add(Promise(what="Write the canary runbook", to_whom="Maya",
                              made_on=D("2026-11-25"), due=D("2026-12-01")))
        assert [h.rid for h in store.search("canary", include_private=True, limit=10)] == [2]
        assert store.integrity_ok()
    finally:
        store.close()
    # a backup of the schema-1 file was taken before migrating, byte for byte
    backups = [p for p in tmp_path.iterdir() if p.name.endswith(".bak")]
    assert len(backups) == 1
    assert backups[0].name.startswith(f"luck.db.before-v{SCHEMA_VERSION}-")
    kept = sqlite3.connect(backups[0])
    try:
        assert kept.execute("PRAGMA user_version").fetchone()[0] == 1
        assert kept.execute("SELECT what FROM promise").fetchall() == [
            ("Consolidate the auth calls",)]
    finally:
        kept.close()
    assert len(original) > 0


# --- files that are not ours ------------------------------------------------------------


def _refused_unchanged(path: Path, message: str) -> None:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(LuckError, match=message):
        Store.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    path.write_bytes(os.urandom(8192))
    _refused_unchanged(path, "not a SQLite database")


def test_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    path.write_text("id,what\n1,ship it\n", encoding="utf-8")
    _refused_unchanged(path, "not a SQLite database")


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    store = Store.open(path, create=True)
    with store.transaction():
        for i in range(300):
            store.add(Note(body=f"note {i} " * 20, on=D("2026-11-01")))
    store.close()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _refused_unchanged(path, "not a usable SQLite database")


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    db.execute("INSERT INTO photos (path) VALUES ('beach.jpg')")
    db.commit()
    db.close()
    _refused_unchanged(path, "not a luckos database")


def test_a_database_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    _refused_unchanged(path, "not a luckos database")


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    Store.open(path, create=True).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    _refused_unchanged(path, f"written by a newer luckos \\(schema {SCHEMA_VERSION + 1}")


# --- records ------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "luck.db", create=True)
    yield s
    s.close()


def test_add_get_update_delete(store: Store) -> None:
    with store.transaction():
        theme = store.add(Theme(label="No Friday incidents", started_on=D("2026-01-05")))
        p = store.add(Promise(what="Canary the deploys", to_whom="Maya", made_on=D("2026-11-01"),
                              due=D("2026-11-20"), theme_id=theme.id, tags=("ops", "deploy")))
    assert p.id == 1
    assert store.get("promise", 1) == p  # dates, tuples and references come back typed
    with store.transaction():
        store.update(Promise(**{**_fields(p), "status": "kept", "landed_on": D("2026-11-19")}))
    assert store.get("promise", 1).status == "kept"
    with store.transaction():
        store.delete("promise", 1)
    assert store.get("promise", 1) is None
    assert store.count("promise") == 0


def _fields(record) -> dict:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def test_a_failed_transaction_writes_nothing(store: Store) -> None:
    with pytest.raises(LuckError), store.transaction():
        store.add(Theme(label="Cheap experiments"))
        raise LuckError("refused halfway")
    assert store.count("theme") == 0
    assert store.search("cheap", include_private=True, limit=5) == []


def test_deleting_a_theme_keeps_its_promises(store: Store) -> None:
    with store.transaction():
        theme = store.add(Theme(label="Cheap experiments"))
        store.add(Promise(what="Seed the test stacks", to_whom="Dan", due=D("2026-12-01"),
                          theme_id=theme.id))
        store.delete("theme", theme.id)
    assert store.get("promise", 1).theme_id is None


def test_find_filters_and_orders_by_the_date_field(store: Store) -> None:
    with store.transaction():
        for i, due in enumerate(["2026-11-20", "2026-12-01", "2026-11-05", "2026-11-28"], 1):
            store.add(Promise(what=f"p{i}", to_whom="x", due=D(due),
                              status="open" if i % 2 else "kept",
                              landed_on=None if i % 2 else D(due)))
    assert [p.id for p in store.find("promise")] == [2, 4, 1, 3]  # newest due first
    assert [p.id for p in store.find("promise", where={"status": "open"})] == [1, 3]
    assert [p.id for p in store.find("promise", since=D("2026-11-20"),
                                     until=D("2026-11-30"), descending=False)] == [1, 4]
    assert [p.id for p in store.find("promise", limit=1)] == [2]


def test_backup_copies_the_database_and_never_overwrites(store: Store, tmp_path: Path) -> None:
    with store.transaction():
        store.add(Theme(label="Faster cold-start"))
    copy = store.backup(tmp_path / "copy.db")
    other = Store.open(copy)
    try:
        assert other.get("theme", 1).label == "Faster cold-start"
    finally:
        other.close()
    before = copy.read_bytes()
    with pytest.raises(LuckError, match="already exists"):
        store.backup(copy)
    assert copy.read_bytes() == before


def test_a_kept_result_is_built_again_after_any_change(luck: Luck) -> None:
    """`Workspace.remembered`: the same value while no data change, built again after a
    write through this connection or a commit by another (a command beside the server)."""
    from luckos.workspace import open_workspace

    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "fri")
    ws = open_workspace(luck.home)
    try:
        built: list[int] = []

        def build() -> int:
            built.append(len(built) + 1)
            return ws.store.count("promise") * 10 + len(built)

        assert ws.remembered("k", build) == 11
        assert ws.remembered("k", build) == 11 and len(built) == 1
        luck.ok("promise", "add", "Send it", "--to", "Dana", "--due", "fri")  # another connection
        assert ws.remembered("k", build) == 22
        with ws.store.transaction():
            ws.store.db.execute("DELETE FROM promise WHERE id = 2")
        assert ws.remembered("k", build) == 13
        assert ws.remembered(("other", 1), build) == 14  # keys are apart
        assert ws.remembered("k", build) == 13
    finally:
        ws.close()
