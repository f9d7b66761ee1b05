"""`luck doctor`: is the workspace healthy, and what can be repaired safely?

It opens the workspace without the daily quick_check (it runs the full integrity_check
itself), so it also reports on a file every other command refuses. The rules of what is
a problem live in `domain.health`; this module gathers the facts from the store and the
file system, and applies the safe repairs after taking a backup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from luckos import files
from luckos.config import Config, load_config
from luckos.domain import health
from luckos.domain.health import Problem, Unlink
from luckos.domain.records import KINDS, kind_of, short_id
from luckos.errors import LuckError, NotFound
from luckos.setting import SettingsError
from luckos.store import SCHEMA_VERSION, Store
from luckos.workspace import CONFIG_NAME, DB_NAME, recovery_hint


@dataclasses.dataclass
class Report:
    home: Path
    schema: int | None = None
    records: int = 0
    problems: list[Problem] = dataclasses.field(default_factory=list)
    fixed: list[str] = dataclasses.field(default_factory=list)
    backup: Path | None = None
    not_fixed: str = ""  # why --fix repaired nothing, when it could not

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def fixable(self) -> int:
        return sum(1 for p in self.problems if p.fixable)

    def as_json(self) -> dict[str, Any]:
        return {
            "workspace": str(self.home),
            "database": str(self.home / DB_NAME),
            "schema": self.schema,
            "schema_expected": SCHEMA_VERSION,
            "records": self.records,
            "healthy": self.healthy,
            "problems": [dataclasses.asdict(p) for p in self.problems],
            "fixed": self.fixed,
            "backup": str(self.backup) if self.backup else None,
            "not_fixed": self.not_fixed or None,
        }


@dataclasses.dataclass
class _Findings:
    problems: list[Problem]
    unlinks: list[Unlink]
    orphans: list[tuple[str, int]]  # (table, rowid) of calendar rows whose parent is gone
    modes: list[Path]  # files and folders readable by other users


def doctor(home: Path, today: dt.date, now: dt.datetime, *, fix: bool = False) -> Report:
    db = home / DB_NAME
    if not db.exists():
        raise NotFound(f"no luckos workspace at {home} (run `luck init`, or set LUCK_HOME)",
                       where=str(home))
    report = Report(home)
    config_problem: list[Problem] = []
    try:
        config = load_config(home / CONFIG_NAME, every=True)
    except SettingsError as exc:  # each bad key, with its line
        config = Config()
        config_problem = [Problem("open", place, text, "not repaired: correct that line "
                                  "(luck config show lists every setting)")
                          for place, text in exc.rows]
    except LuckError as exc:
        config = Config()
        config_problem = [Problem("open", str(home / CONFIG_NAME), exc.message,
                                  "not repaired: correct the file (luck init writes a new one "
                                  "when it is missing)")]
    try:
        store = Store.open(db)
    except LuckError as exc:
        report.problems = [*config_problem, Problem(
            "open", str(db), exc.message, "not repaired: " + recovery_hint(home))]
        return report
    try:
        found = _examine(store, home, config, today, report)
        found.problems[:0] = config_problem
        if fix and any(p.fixable for p in found.problems):
            if any(p.check in ("integrity", "unreadable") for p in found.problems):
                report.not_fixed = ("the database is damaged: restore it from a backup first ("
                                    + recovery_hint(home) + ")")
            else:
                report.backup = _backup(store, home, now)
                report.fixed = _repair(store, found)
                found = _examine(store, home, config, today, report)
                found.problems[:0] = config_problem
        report.problems = found.problems
    finally:
        store.close()
    return report


def _examine(store: Store, home: Path, config: Config, today: dt.date,
             report: Report) -> _Findings:
    db = home / DB_NAME
    found = _Findings([], [], [], [])
    hint = "not repaired: " + recovery_hint(home)
    try:
        damage = store.integrity_problems()
    except sqlite3.DatabaseError as exc:
        damage = [str(exc)]
    if damage:
        found.problems.append(Problem("integrity", str(db), "; ".join(damage[:5]), hint))
    report.schema = store.schema_version()
    if report.schema != SCHEMA_VERSION:
        found.problems.append(Problem(
            "schema", str(db), f"schema {report.schema}, this luckos expects {SCHEMA_VERSION}",
            "not repaired: open it with the luckos that wrote it"))
    found.modes = _open_to_others(home)
    for path in found.modes:
        mode = stat.S_IMODE(path.stat().st_mode)
        want = files.FOLDER_MODE if path.is_dir() else files.FILE_MODE
        found.problems.append(Problem(
            "mode", str(path), f"other users of this machine can read it (mode {mode:o})",
            f"chmod {want:o}", fixable=True))
    try:
        records = _records(store, found)
    except sqlite3.DatabaseError as exc:
        found.problems.append(Problem("unreadable", str(db), str(exc), hint))
        return found
    report.records = len(records)
    ids: dict[str, set[int]] = {}
    for record in records:
        ids.setdefault(kind_of(record).name, set()).add(record.id)
    for problem, unlink in health.dangling_links(ids, records):
        found.problems.append(problem)
        if unlink is not None:
            found.unlinks.append(unlink)
    for table, rowid, parent in store.foreign_key_problems():
        if table in KINDS:
            continue  # reported above, by record, with what it points at
        found.orphans.append((table, rowid))
        found.problems.append(Problem(
            "link", f"{table} row {rowid}", f"belongs to a {parent} that is gone",
            "delete the row (it is part of a calendar audit that was removed)", fixable=True))
    found.problems.extend(health.missing_files(records, home, Path.exists))
    found.problems.extend(health.value_problems(records, config, today))
    order = {name: n for n, name in enumerate(health.CHECKS)}
    found.problems.sort(key=lambda p: order.get(p.check, len(order)))
    return found


def _records(store: Store, found: _Findings) -> list[Any]:
    records = []
    for name, kind in KINDS.items():
        for rid, record, why in store.each(name):
            if record is None:
                found.problems.append(Problem(
                    "unreadable", short_id(kind, rid), f"cannot be read: {why}",
                    f"not repaired: correct or delete {short_id(kind, rid)} in the "
                    "database, or restore it from a backup"))
            else:
                records.append(record)
    return records


def _open_to_others(home: Path) -> list[Path]:
    candidates = [home, home / DB_NAME, home / "backups"]
    candidates += sorted((home / "backups").glob("*.db")) + sorted(home.glob(f"{DB_NAME}.*.bak"))
    found = []
    for path in candidates:
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if stat.S_IMODE(mode) & 0o077:
            found.append(path)
    return found


def _backup(store: Store, home: Path, now: dt.datetime) -> Path:
    folder = home / "backups"
    files.make_folder(folder)
    return store.backup(folder / f"luck-{now:%Y%m%d-%H%M%S}-before-doctor.db")


def _repair(store: Store, found: _Findings) -> list[str]:
    done = []
    cleared: dict[tuple[str, int], list[str]] = {}
    for unlink in found.unlinks:  # one update per record, all its dangling links at once
        cleared.setdefault((unlink.kind, unlink.rid), []).append(unlink.field)
    with store.transaction():
        for (name, rid), fields in cleared.items():
            record = store.get(name, rid)
            if record is None:
                continue
            store.update(dataclasses.replace(record, **dict.fromkeys(fields)))
            done.append(f"{short_id(KINDS[name], rid)}: cleared {', '.join(fields)}")
        for table, rowid in found.orphans:
            store.delete_row(table, rowid)
            done.append(f"{table} row {rowid}: deleted")
    for path in found.modes:
        want = files.FOLDER_MODE if path.is_dir() else files.FILE_MODE
        os.chmod(path, want)
        done.append(f"{path}: chmod {want:o}")
    return done
