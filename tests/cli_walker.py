"""Walk the Click tree of `luck` and build invocations with malformed values.

Used by tests/test_fuzz_cli.py (a bounded hypothesis run in CI) and by
benchmarks/fuzz_cli.py (a big run that prints figures per command and per parser).
Every leaf command and every parameter comes from the tree itself, so a new command or
option is fuzzed without a new test.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from click.testing import CliRunner

from luckos.cli import cli
from luckos.cli import main as luck_main
from luckos.domain.records import KINDS
from luckos.store.db import QUICK_CHECK_META

TODAY = "2026-11-25"
ABSENT = object()
SERVERS = {("serve",)}  # commands that serve until stopped (tested on their own)


@dataclasses.dataclass(frozen=True)
class Param:
    """One parameter of a leaf command, and the parser that reads its value."""

    name: str
    opt: str | None  # the option's first long flag; None for an argument
    parser: str  # date, month, int, float, id, path, choice, text, rule, flag
    required: bool
    nargs: int
    choices: tuple[str, ...] = ()
    kind_prefix: str = ""


@dataclasses.dataclass(frozen=True)
class Leaf:
    path: tuple[str, ...]
    params: tuple[Param, ...]

    @property
    def name(self) -> str:
        return " ".join(self.path)


_DATE_NAMES = {"on", "since", "until", "due", "made_on", "landed_on", "start", "end",
               "today", "new_due", "next_review", "review", "review_on", "started_on",
               "ended_on", "retired_on", "kill_review_on", "since_", "first", "last"}


def _prefix_for(name: str, group: str) -> str:
    key = name.removesuffix("_id").replace("_", "-")
    for kind in KINDS.values():
        if kind.name == key or kind.name == group and name in ("ref", "id"):
            return kind.prefix
    return ""


def _classify(param: click.Parameter, group: str) -> Param:
    name = param.name or ""
    metavar = (param.metavar or "").strip("[].").upper()
    opt = None
    if isinstance(param, click.Option):
        longs = [o for o in param.opts if o.startswith("--")]
        opt = (longs or param.opts)[0]
        if param.is_flag:
            return Param(name, opt, "flag", False, 0)
    ptype = param.type
    choices: tuple[str, ...] = ()
    if isinstance(ptype, click.Choice):
        parser, choices = "choice", tuple(str(c) for c in ptype.choices)
    elif isinstance(ptype, click.types.IntParamType):
        parser = "int"
    elif isinstance(ptype, click.types.FloatParamType):
        parser = "float"
    elif isinstance(ptype, click.Path | click.File):
        parser = "path"
    elif metavar == "DATE" or name in _DATE_NAMES and metavar not in ("ID", "KIND"):
        parser = "date"
    elif metavar == "MONTH":
        parser = "month"
    elif metavar in ("N", "NUMBER", "VALUE", "S"):
        parser = "float"
    elif metavar == "ID" or name.endswith("_id") or name == "ref":
        parser = "id"
    elif metavar in ("PATH", "FILE.ICS", "OUT", "DIR", "FILE") or name in ("path", "file",
                                                                          "out", "html"):
        parser = "path"
    elif metavar == "RULE" or name == "recurrence":
        parser = "rule"
    else:
        parser = "text"
    nargs = param.nargs if param.nargs > 0 else 1
    # "(required)" in the help: a value the command refuses to go without
    required = bool(param.required) or "(required)" in (getattr(param, "help", "") or "")
    return Param(name, opt, parser, required, nargs, choices,
                 _prefix_for(name, group))


def leaves() -> list[Leaf]:
    """Every leaf command of `luck`, with the global options first."""
    ctx = click.Context(cli)
    found: list[Leaf] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None:
                    walk(sub, (*path, name))
            return
        if path in SERVERS:
            return  # runs until stopped: not a command a fuzz case can wait for
        group = path[0] if path else ""
        params = tuple(_classify(p, group) for p in command.params
                       if p.name not in ("help",) and not getattr(p, "hidden", False))
        found.append(Leaf(path, params))

    walk(cli, ())
    return found


def global_params() -> tuple[Param, ...]:
    return tuple(_classify(p, "") for p in cli.params
                 if p.name in ("today",))


# --- values ---------------------------------------------------------------------------


def plausible(param: Param, files: Path) -> list[str]:
    """Values a user could well type for the parameter."""
    p = param.parser
    if p == "date":
        return ["2026-12-04", "+3d", "fri", "2026-11-01"]
    if p == "month":
        return ["2026-10", "2026-11"]
    if p == "int":
        return ["1", "3", "0"]
    if p == "float":
        return ["0.5", "3", "120"]
    if p == "id":
        prefix = param.kind_prefix
        return [f"{prefix}1", f"{prefix}2", "1"]
    if p == "choice":
        return list(param.choices)
    if p == "path":
        return [str(files / "calendar.ics"), str(files / "out.txt"), str(files / "doc.md"),
                str(files / "export.json")]
    if p == "rule":
        return ["quarterly", "FREQ=MONTHLY;INTERVAL=2", "yearly"]
    return ["Faster cold-start", "Priya", "a note"]


# Malformed values for every parameter, and more for each parser.
COMMON_BAD = [
    "", " ", "\udcff\udcfe", "caf\udce9", "a\x00b", "x" * 70_000, "-", "[bold]x[/]", "\\",
    "99999999999999999999999", "-1", "nan", "inf", "0",
]
BAD: dict[str, list[str]] = {
    "date": ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01", "12/5", "5/12",
             "2026-12-5", "+999999999d", "+100000w", "2026-02-30", "next 1000000 years"],
    "month": ["9999-12", "0001-01", "2026-13", "+99999999 months"],
    "int": ["9223372036854775808", "-9223372036854775809", "1e3", "nan"],
    "float": ["1e309", "-inf", "Infinity", "NaN", "1e-400", "7", "-5", "70%", "700 ms"],
    "id": ["p9223372036854775808", "p99999999999999999999", "t0", "p-1", "x1", "9" * 400],
    "choice": ["nope", "KEPT"],
    "path": ["", ".", "/", "/nonexistent/folder/file.txt", "missing.json",
             "\udcff.json", "folder"],
    "rule": ["FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY", "FREQ=DAILY;INTERVAL=0",
             "FREQ=WEEKLY;INTERVAL=-1", "FREQ=FORTNIGHTLY", "monthly", "every 2 weeks",
             "FREQ=DAILY;COUNT=99999999999", "FREQ=YEARLY;UNTIL=99991231", "RRULE:",
             "FREQ=DAILY;BYHOUR=25"],
    "text": [],
    "flag": [],
}


def malformed(param: Param, files: Path) -> list[str]:
    extra = [str(files / "folder")] if param.parser == "path" else []
    return COMMON_BAD + BAD[param.parser] + extra


# --- the workspace and one run --------------------------------------------------------


def make_files(folder: Path) -> Path:
    """Files the fuzz points path parameters at: a real ICS, a doc, an export, a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "folder").mkdir(exist_ok=True)
    (folder / "calendar.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        "DTSTART:20261102T100000Z\r\nDTEND:20261102T110000Z\r\nSUMMARY:Sync\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=8\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    (folder / "doc.md").write_text("---\ntemplate: brief\n---\n# Problem\n\nSlow.\n",
                                   encoding="utf-8")
    (folder / "export.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    return folder


def build_seed(folder: Path) -> Path:
    """The demo workspace, built once and copied for every case."""
    home = folder / "seed"
    runner = CliRunner()
    result = runner.invoke(_Entry(), ["--today", TODAY, "demo", "--dir", str(home)],
                           env=_env(folder), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return home


def db_digest(home: Path) -> str:
    """The database's logical content, less the day of its daily integrity check (noted by
    the first command of a day, refused or not: bookkeeping, not the user's data)."""
    db = home / "luck.db"
    if not db.exists():
        return "(none)"
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "luck.db"
        shutil.copyfile(db, copy)
        for suffix in ("-wal", "-shm"):
            if Path(str(db) + suffix).exists():
                shutil.copyfile(str(db) + suffix, str(copy) + suffix)
        connection = sqlite3.connect(copy)
        try:
            dump = "\n".join(line for line in connection.iterdump()
                             if QUICK_CHECK_META not in line)
        finally:
            connection.close()
    return hashlib.sha256(dump.encode("utf-8", "surrogateescape")).hexdigest()


def _env(folder: Path) -> dict[str, str]:
    return {"LUCK_HOME": str(folder / "ws"), "XDG_DATA_HOME": str(folder / "xdg"),
            "HOME": str(folder / "home"), "EDITOR": "true", "VISUAL": "true",
            "PAGER": "cat", "LUCK_PAGER": "cat", "NO_COLOR": "1"}


class _Entry:
    name = "luck"

    def main(self, args: Any = (), prog_name: str | None = None, **_: Any) -> Any:
        code = luck_main(list(args))
        if isinstance(code, int) and code:
            sys.exit(code)
        return code


@dataclasses.dataclass
class Outcome:
    argv: list[str]
    exit_code: int | None
    problem: str  # "" when the contract held


def argv_for(leaf: Leaf, values: dict[str, Any]) -> list[str]:
    """The command line: options first (each once), then the arguments in order."""
    argv = ["--today", values.pop("@today", TODAY), *leaf.path]
    positionals: list[str] = []
    for param in leaf.params:
        value = values.get(param.name, ABSENT)
        if value is ABSENT:
            continue
        if param.opt is None:
            positionals.extend([value] * param.nargs if param.nargs > 1 else [value])
        elif param.parser == "flag":
            argv.append(param.opt)
        else:
            long = param.opt.startswith("--")
            argv.extend([f"{param.opt}={value}"] if long else [param.opt, value])
    if positionals:
        argv.append("--")
        argv.extend(positionals)
    return argv


@dataclasses.dataclass
class Sandbox:
    """A scratch folder with a fresh copy of the seed workspace for each case."""

    seed: Path
    root: Path
    files: Path

    def fresh(self) -> Path:
        home = self.root / "ws"
        if home.exists():
            shutil.rmtree(home)
        shutil.copytree(self.seed, home)
        return home

    def run(self, argv: list[str], check_unchanged: bool = True) -> Outcome:
        home = self.fresh()
        before = db_digest(home) if check_unchanged else ""
        runner = CliRunner()
        old = os.getcwd()
        os.chdir(self.files)
        try:
            result = runner.invoke(_Entry(), argv, env=_env(self.root), input="",
                                   catch_exceptions=True)
        finally:
            os.chdir(old)
        code = result.exit_code
        problem = ""
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            exc = result.exception
            frames = traceback.extract_tb(exc.__traceback__)
            where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames)
                          if "luckos" in f.filename), "?")
            problem = f"{type(exc).__name__} at {where}: {str(exc)[:120]}"
        elif code not in (0, 1, 2):
            problem = f"exit code {code}"
        elif "Traceback" in result.output:
            problem = "a traceback in the output"
        elif code == 2 and check_unchanged and db_digest(home) != before:
            problem = "refused (exit 2) but the database changed"
        return Outcome(argv, code, problem)


def sandbox(folder: Path) -> Sandbox:
    seed = build_seed(folder)
    return Sandbox(seed, folder, make_files(folder / "files"))


def shorten(argv: list[str]) -> str:
    return " ".join(repr(a) if len(a) < 60 else repr(a[:20] + f"...({len(a)} chars)")
                    for a in argv)


def cases_for(leaf: Leaf, files: Path) -> Iterator[tuple[Param | None, list[str]]]:
    """Deterministic cases: each malformed value of each parameter, the others plausible."""
    base: dict[str, Any] = {p.name: plausible(p, files)[0] for p in leaf.params
                            if p.required}
    yield None, argv_for(leaf, dict(base))
    for param in (*global_params(), *leaf.params):
        if param.parser == "flag":
            continue
        for bad in malformed(param, files):
            values = dict(base)
            values["@today" if param.name == "today" else param.name] = bad
            yield param, argv_for(leaf, values)
