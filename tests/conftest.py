"""Shared fixtures: a workspace in tmp_path, the `luck` command driven through Click's
runner, and a fixed clock.

`luck(...)` runs the real entry point (`luckos.cli.main`), the one the console script
calls, so a test sees exactly what a user sees: the `luck: error:` line on stderr and
exit code 2 for bad input, not an exception.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from luckos.cli import main as luck_main
from luckos.workspace import DB_NAME, Workspace, init_workspace

TODAY_TEXT = "2026-11-25"  # a Wednesday; its week (Monday start) is 2026-11-23 .. 2026-11-29
TODAY = dt.date.fromisoformat(TODAY_TEXT)

LUCK_EXE = Path(sys.executable).with_name("luck")


class _EntryPoint:
    """`luckos.cli.main` in the shape that `CliRunner.invoke` drives."""

    name = "luck"

    def main(self, args: Sequence[str] = (), prog_name: str | None = None, **_: Any) -> Any:
        code = luck_main(list(args))
        if isinstance(code, int) and code:  # a command that returned its exit code
            sys.exit(code)
        return code


_ENTRY = _EntryPoint()


class Luck:
    """Runs `luck --today 2026-11-25 ARGS...` against one workspace folder."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.runner = CliRunner()

    @property
    def db(self) -> Path:
        return self.home / DB_NAME

    def __call__(self, *args: str, today: str | None = TODAY_TEXT,
                 input: str | None = None) -> Result:
        argv = (["--today", today] if today else []) + list(args)
        # catch_exceptions=False: anything but a clean exit fails the test with its traceback
        return self.runner.invoke(_ENTRY, argv, env={"LUCK_HOME": str(self.home)},  # type: ignore[arg-type]
                                  input=input, catch_exceptions=False)

    def ok(self, *args: str, **kwargs: Any) -> Result:
        result = self(*args, **kwargs)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str, **kwargs: Any) -> Any:
        return json.loads(self.ok(*args, "--json", **kwargs).stdout)

    def fails(self, *args: str, **kwargs: Any) -> str:
        """Run a command that must be refused as bad input; return its one error line."""
        result = self(*args, **kwargs)
        assert_refused(result)
        return result.stderr.strip()


def assert_refused(result: Result) -> None:
    """The bad-input contract: exit 2, one `luck: error:` line, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("luck: error: "), result.stderr
    assert "Traceback" not in result.output


@pytest.fixture
def luck(tmp_path: Path) -> Luck:
    """A fresh, initialised workspace in tmp_path/ws and a runner for it."""
    runner = Luck(tmp_path / "ws")
    runner.ok("init")
    return runner


@pytest.fixture
def bare_luck(tmp_path: Path) -> Luck:
    """A runner whose LUCK_HOME does not exist yet."""
    return Luck(tmp_path / "ws")


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A fresh workspace opened in-process, for app and store tests."""
    workspace, _ = init_workspace(tmp_path / "ws")
    yield workspace
    workspace.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def workspace_state(home: Path) -> tuple[tuple[str, str], ...]:
    """Every file of a workspace with a hash of its bytes, plus the database's logical
    content: what "the workspace is unchanged" means."""
    files = tuple(sorted((str(p.relative_to(home)), file_digest(p))
                         for p in home.rglob("*") if p.is_file()))
    db = home / DB_NAME
    if not db.exists():
        return files
    # read a copy, so that reading cannot leave -wal or -shm files in the workspace
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / DB_NAME
        shutil.copyfile(db, copy)
        connection = sqlite3.connect(copy)
        try:
            dump = "\n".join(connection.iterdump())
        except sqlite3.DatabaseError:
            dump = "(unreadable)"
        finally:
            connection.close()
    return (*files, ("dump", hashlib.sha256(dump.encode()).hexdigest()))


def subprocess_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["LUCK_HOME"] = str(home)
    env.pop("NO_COLOR", None)
    return env


def run_on_terminal(home: Path, *args: str, answer: str = "",
                    env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the `luck` executable (with --today) with a pseudo-terminal as its standard
    input and output, typing `answer`; returns the exit code and everything it printed."""
    import pty
    import subprocess

    primary, secondary = pty.openpty()
    try:
        process = subprocess.Popen([str(LUCK_EXE), "--today", TODAY_TEXT, *args],
                                   stdin=secondary, stdout=secondary, stderr=secondary,
                                   env={**subprocess_env(home), **(env or {})})
        os.close(secondary)
        os.write(primary, answer.encode())
        output = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closes when the process exits
                break
            if not chunk:
                break
            output += chunk
        code = process.wait(timeout=60)
    finally:
        os.close(primary)
    return code, output.decode(errors="replace").replace("\r\n", "\n")
