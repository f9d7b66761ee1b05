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
from typing import TYPE_CHECKING

from luckos import paths
from luckos.errors import LuckError, NotFound
from luckos.store.records import RecordsMixin

if TYPE_CHECKING:
    from pathlib import Path

APPLICATION_ID = 0x4C55434B  # "LUCK"


def _migrations() -> list[tuple[int, str, str]]:
    from importlib import resources  # only when migrating: it costs every command ~6 ms

    found = []

    for entry in resources.files("luckos.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = 15  # the number of the last migration script; checked by the tests


QUICK_CHECK_META = "quick_check_on"


class DamagedDatabase(LuckError):
    """The workspace's database is empty or damaged; the workspace adds where to restore
    it from."""


class Store(RecordsMixin):
    """A luckos database. Use `Store.open(path)`; writes go through `transaction()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path | str) -> None:
        self.db = connection
        self._path = path

    @property
    def path(self) -> Path:
        """The database file (a Path made on first use: see `luckos.paths`)."""
        from pathlib import Path

        if not isinstance(self._path, Path):
            self._path = Path(self._path)
        return self._path

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> Store:
        """Open the database at `path`; with `create`, make it if (and only if) no file is
        there. An empty or damaged file is refused, never rebuilt as an empty workspace.
        `path` may be text (as `luckos.paths` writes it): no pathlib needed."""
        path = path if not isinstance(path, str) else paths.normal(path)
        if paths.is_dir(str(path)):
            raise LuckError(f"{path} is a folder where the luckos database should be; "
                            "move it away")
        if not paths.exists(str(path)):
            parent = _as_path(path).parent
            if not create:
                raise NotFound(f"no luckos workspace at {parent} (run `luck init`)",
                               where=str(parent))
            _create(_as_path(path))
        elif os.stat(path).st_size == 0:
            raise DamagedDatabase(f"{path} is empty (0 bytes): it holds no workspace")
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
            if isinstance(exc, sqlite3.OperationalError):
                raise LuckError(f"{path}: cannot open it ({exc}); check the permissions of "
                                "the file and its folder") from None
            raise DamagedDatabase(f"{path}: not a usable SQLite database ({exc})") from None
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
            try:
                store._migrate(version)
            except BaseException:
                connection.close()
                raise
        connection.execute("PRAGMA foreign_keys = ON")
        return store

    def close(self) -> None:
        self.db.close()

    def version(self) -> tuple[int, int]:
        """Changes whenever the data may have: a commit by another connection (SQLite's
        data_version) or any row written through this one (its total_changes)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0]), self.db.total_changes

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
            self._backup_before_upgrade(current)
        # another process may hold the file while it migrates it; WAL persists anyway
        with contextlib.suppress(sqlite3.OperationalError):
            self.db.execute("PRAGMA journal_mode = WAL")
        pending = [(n, name, script) for n, name, script in _migrations() if n > current]
        # every pending script in one transaction: no other process ever sees a schema
        # half-way, and a failed upgrade leaves the file as it was
        body = "".join(f"{script}\nPRAGMA user_version = {n};\n" for n, _, script in pending)
        try:
            # executescript commits first; the BEGIN/COMMIT around it keep it atomic
            self.db.executescript(f"BEGIN IMMEDIATE;\n{body}"
                                  f"PRAGMA application_id = {APPLICATION_ID};\nCOMMIT;")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if self.schema_version() >= SCHEMA_VERSION:
                return  # another process upgraded it while this one waited for the lock
            names = ", ".join(name for _, name, _ in pending)
            raise LuckError(f"{self.path}: upgrade to schema {SCHEMA_VERSION} failed ({exc}); "
                            f"nothing was changed (migrations {names})") from None

    def _backup_before_upgrade(self, current: int) -> None:
        """One backup per upgrade: a run that cannot finish it (a read-only file, a full
        disk) or a second process opening the file meanwhile finds the copy there and
        takes no other."""
        taken = self.path.with_name(f"{self.path.name}.before-v{SCHEMA_VERSION}-from-v*.bak")
        if any(self.path.parent.glob(taken.name)):
            return
        copy = self.path.with_name(
            f"{self.path.name}.before-v{SCHEMA_VERSION}-from-v{current}.bak")
        try:
            self.backup(copy)
        except LuckError:
            if not copy.exists():  # not another process's copy of the same file: a failure
                raise

    def backup(self, destination: Path) -> Path:
        """Copy the database with SQLite's online backup (safe while in use) into a new
        file, all or nothing: never onto an existing file, never an empty copy left."""
        from luckos import files

        def produce(temporary: Path) -> None:
            target = sqlite3.connect(temporary)
            try:
                self.db.backup(target)
            except sqlite3.Error as exc:
                raise LuckError(f"cannot write {destination}: {exc}; nothing was written"
                                ) from None
            finally:
                target.close()

        return files.write_with(destination, produce, files.Output("backup", replace=False),
                                home=self.path.parent)

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def integrity_ok(self) -> bool:
        return self.integrity_problems() == []

    def integrity_problems(self, *, quick: bool = False, limit: int = 20) -> list[str]:
        """What SQLite's integrity_check (or the cheaper quick_check) finds; [] is healthy."""
        pragma = "quick_check" if quick else "integrity_check"
        rows = self.db.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
        # one line each: SQLite starts some with "*** in database main ***" and a newline
        found = [" ".join(str(row[0]).replace("*** in database main ***", "").split())
                 for row in rows]
        return [] if found == ["ok"] else found

    def quick_check_due(self, today: dt.date) -> bool:
        """The cheap check runs once a day; its last day is kept in the database."""
        return self.get_meta(QUICK_CHECK_META) != today.isoformat()

    def note_quick_check(self, today: dt.date) -> None:
        # a read-only or busy file keeps it due: checking again tomorrow does no harm
        with contextlib.suppress(sqlite3.OperationalError):
            self.set_meta(QUICK_CHECK_META, today.isoformat())

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def peek_meta(path: Path, key: str) -> str | None:
    """One value of a luckos database's `meta` table, read without opening it as a
    workspace: no migration, no backup, whatever schema wrote it. Raises LuckError for a
    file that is not a luckos database."""
    _check_header(path)
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise LuckError(f"{path}: not a usable SQLite database ({exc})") from None
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise LuckError(f"{path}: not a luckos database (refusing to touch it)")
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error as exc:
        raise LuckError(f"{path}: not a usable SQLite database ({exc})") from None
    finally:
        connection.close()
    return row[0] if row else None


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _as_path(path: Path | str) -> Path:
    from pathlib import Path

    return Path(path)


def _check_header(path: Path | str) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise LuckError(f"{path}: cannot read it ({exc.strerror})") from None
    if header != _SQLITE_MAGIC:
        raise DamagedDatabase(f"{path}: not a SQLite database (damaged, or another kind of "
                              "file)")


def _create(path: Path) -> None:
    """A new, empty database, built beside `path` and put in place whole (mode 0600);
    if another process made one meanwhile, that one is kept."""
    from luckos import files

    def build(temporary: Path) -> None:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            store = Store(connection, temporary)
            store._migrate(0)
            store.note_quick_check(dt.date.today())
        finally:
            connection.close()

    try:
        files.create_new(path, build)
    except sqlite3.Error as exc:
        raise LuckError(f"cannot create {path}: {exc}") from None


def _has_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
