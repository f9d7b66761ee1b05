"""A workspace: a folder holding `luck.db`, `luck.toml` and `docs/`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from luckos import paths
from luckos.config import Config, load_config
from luckos.errors import LuckError, NotFound
from luckos.store import Store
from luckos.store.db import DamagedDatabase

if TYPE_CHECKING:
    from pathlib import Path

T = TypeVar("T")

DB_NAME = "luck.db"
CONFIG_NAME = "luck.toml"


class Workspace:
    """An open workspace: its folder, its settings and its database.

    The folder is kept as it was given and made a Path on first use (`home`), so that a
    command that only reads and writes records never loads pathlib (`luckos.paths`)."""

    def __init__(self, home: Path | str, config: Config, store: Store) -> None:
        self._home = home
        self.config = config
        self.store = store
        # results of `remembered`, each with the store's version it was computed on
        self._remembered: dict[Hashable, tuple[tuple[int, int], Any]] = {}

    def __repr__(self) -> str:
        return f"Workspace(home={str(self._home)!r})"

    @property
    def home(self) -> Path:
        from pathlib import Path

        if not isinstance(self._home, Path):
            self._home = Path(self._home)
        return self._home

    @property
    def folder(self) -> str:
        """`str(self.home)`, without loading pathlib."""
        return paths.normal(os.fspath(self._home))

    @property
    def docs(self) -> Path:
        return self.home / "docs"

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """compute(), or the value it gave for the same key while no data has changed
        since (a long-running reader, the dashboard, asks the same again and again)."""
        version = self.store.version()
        kept = self._remembered.get(key)
        if kept is not None and kept[0] == version:
            return cast(T, kept[1])
        value = compute()
        self._remembered[key] = (version, value)
        return value

    def close(self) -> None:
        self.store.close()


def default_home() -> Path:
    """`LUCK_HOME`, or the platform's user data folder for luckos."""
    from pathlib import Path

    env = os.environ.get("LUCK_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("luckos", appauthor=False)


def init_workspace(home: Path) -> tuple[Workspace, bool]:
    """Create the workspace if needed; returns it and whether it was new.

    The folder is made 0700 and the database 0600. An existing database is opened as it
    is: an empty or damaged one is refused, never replaced by a new, empty workspace."""
    from luckos import files

    if home.exists() and not home.is_dir():
        raise LuckError(f"{home} exists and is not a folder")
    db = home / DB_NAME
    created = not db.exists() and not db.is_symlink()
    files.make_folder(home)
    store = _open_store(home, create=True)  # first: a damaged file stops init here
    try:
        files.make_folder(home / "docs")
        config_path = home / CONFIG_NAME
        if not config_path.exists():
            from luckos.settings import default_toml

            files.write_new(config_path, default_toml())
        config = load_config(config_path)
    except BaseException:
        store.close()
        raise
    return Workspace(home=home, config=config, store=store), created


def open_workspace(home: Path | str, *, quick_check: bool = True) -> Workspace:
    """Open an existing workspace. Once a day (the day kept in the database) SQLite's
    quick_check reads the whole file first, so damage is noticed by commands that only
    read, and the command is refused with where to restore from. `home` may be text (see
    `luckos.paths`): a workspace opens without pathlib."""
    folder = paths.normal(os.fspath(home))
    db = paths.child(folder, DB_NAME)
    if not paths.exists(db):
        raise NotFound(f"no luckos workspace at {folder} (run `luck init`, or set LUCK_HOME)",
                       where=folder)
    config = load_config(paths.child(folder, CONFIG_NAME))
    store = _open_store(folder)
    if quick_check:
        import datetime as dt

        today = dt.date.today()
        try:
            if store.quick_check_due(today):
                try:
                    problems = store.integrity_problems(quick=True, limit=3)
                except sqlite3.DatabaseError as exc:  # too damaged to even list the damage
                    problems = [str(exc)]
                if problems:
                    raise DamagedDatabase(f"{db} is damaged (SQLite quick_check: "
                                          f"{'; '.join(problems)})")
                store.note_quick_check(today)
        except DamagedDatabase as exc:
            store.close()
            raise LuckError(f"{exc.message}; {recovery_hint(_path(folder))}") from None
        except BaseException:
            store.close()
            raise
    return Workspace(home=home if not isinstance(home, str) else folder, config=config,
                     store=store)


def _path(folder: str) -> Path:
    from pathlib import Path

    return Path(folder)


def _open_store(home: Path | str, *, create: bool = False) -> Store:
    folder = paths.normal(os.fspath(home))
    try:
        return Store.open(paths.child(folder, DB_NAME), create=create)
    except DamagedDatabase as exc:
        raise LuckError(f"{exc.message}; {recovery_hint(_path(folder))}") from None


def backups_found(home: Path) -> list[Path]:
    """The workspace's backups, newest first: `luck backup`'s and those taken before a
    schema upgrade."""
    found = [*home.glob("backups/*.db"), *home.glob(f"{DB_NAME}.*.bak")]
    return sorted((p for p in found if p.is_file()), key=lambda p: p.stat().st_mtime,
                  reverse=True)


def recovery_hint(home: Path) -> str:
    """What to do about a damaged database: the newest backup to restore, or doctor."""
    found = backups_found(home)
    if not found:
        return ("no backup was found in the workspace; run `luck doctor` for details, or "
                "move the file away and run `luck init` to start over")
    newest = found[0]
    more = f" ({len(found) - 1} older beside it)" if len(found) > 1 else ""
    return (f"restore the newest backup, {newest}{more}: copy it over {home / DB_NAME}; "
            "or run `luck doctor` for details")


# SQLite's result codes for what the machine, not luckos, did wrong
_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_MACHINE = {
    "SQLITE_READONLY": "the database is read-only (check the permissions of the file and "
                       "its folder, and the disk)",
    "SQLITE_FULL": "the disk is full",
    "SQLITE_IOERR": "the disk refused a read or write (is it full, or read-only?)",
    "SQLITE_CANTOPEN": "SQLite cannot open it (check the folder's permissions)",
    "SQLITE_BUSY": "another luck process holds the database; try again",
    "SQLITE_LOCKED": "another luck process holds the database; try again",
}


def explain_database_error(exc: Exception, home: Path) -> str | None:
    """One line for a SQLite error the user can act on (None: a bug of ours)."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    db = home / DB_NAME
    if name.startswith(_DAMAGED) or (not name and type(exc).__name__ == "DatabaseError"):
        return f"{db} is damaged ({exc}); {recovery_hint(home)}"
    for code, meaning in _MACHINE.items():
        if name.startswith(code):
            return f"{db}: {meaning} ({exc}); nothing was written"
    return None
