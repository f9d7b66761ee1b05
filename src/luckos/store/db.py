"""Opening the database: WAL, foreign keys, numbered migrations with a backup first.

Schema versions live in `PRAGMA user_version`; each `migrations/NNNN_name.sql` script
brings the file from version NNNN-1 to NNNN. A file that is not a luckos database, is
corrupt, or was written by a newer luckos is refused, never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from luckos.errors import LuckError
from luckos.store.records import RecordsMixin

APPLICATION_ID = 0x4C55434B  # "LUCK"


def _migrations() -> list[tuple[int, str, str]]:
    from importlib import resources  # only when migrating: it costs every command ~6 ms

    found = []

    for entry in resources.files("luckos.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = 10  # the number of the last migration script; checked by the tests


class Store(RecordsMixin):
    """A luckos database. Use `Store.open(path)`; writes go through `transaction()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Store:
        if not path.exists() and not create:
            raise LuckError(f"no luckos workspace at {path.parent} (run `luck init`)")
        if path.exists() and path.stat().st_size > 0:
            _check_header(path)
        connection: sqlite3.Connection | None = None
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=10.0)
            connection.execute("PRAGMA busy_timeout = 10000")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if connection is not None:
                connection.close()  # so that no -wal or -shm file is left beside it
            raise LuckError(f"{path}: not a usable SQLite database ({exc})") from None
        if app_id != APPLICATION_ID and (version or _has_tables(connection)):
            connection.close()
            raise LuckError(f"{path}: not a luckos database (refusing to touch it)")
        if version > SCHEMA_VERSION:
            connection.close()
            raise LuckError(
                f"{path}: written by a newer luckos (schema {version}, this luckos knows up "
                f"to {SCHEMA_VERSION}); upgrade luckos to open it"
            )
        store = cls(connection, path)
        if version < SCHEMA_VERSION:
            store._migrate(version)
        connection.execute("PRAGMA foreign_keys = ON")
        return store

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside commits together or not at all."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self, current: int) -> None:
        if current > 0:
            self.backup(self.path.with_name(
                f"{self.path.name}.before-v{SCHEMA_VERSION}-{dt.datetime.now():%Y%m%d%H%M%S%f}"
                f"-{os.getpid()}.bak"
            ))
        # another process may hold the file while it migrates it; WAL persists anyway
        with contextlib.suppress(sqlite3.OperationalError):
            self.db.execute("PRAGMA journal_mode = WAL")
        for number, name, script in _migrations():
            if number <= current:
                continue
            try:
                # executescript commits first; the script's own BEGIN/COMMIT keep it atomic
                self.db.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\n"
                    f"PRAGMA user_version = {number};\n"
                    f"PRAGMA application_id = {APPLICATION_ID};\nCOMMIT;"
                )
            except sqlite3.Error as exc:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                if self.schema_version() >= number:
                    continue  # another process applied it while this one waited for the lock
                raise LuckError(f"{self.path}: migration {name} failed: {exc}") from None

    def backup(self, destination: Path) -> Path:
        """Copy the database with SQLite's online backup (safe while in use)."""
        if destination.exists():
            raise LuckError(f"{destination} already exists; choose another file")
        target = sqlite3.connect(destination)
        try:
            self.db.backup(target)
        finally:
            target.close()
        return destination

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != _SQLITE_MAGIC:
        raise LuckError(f"{path}: not a SQLite database (corrupt or another kind of file)")


def _has_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
