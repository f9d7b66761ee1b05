"""Fixtures for the operating loop's tests: a workspace in tmp_path, the real `luck`
entry point driven through Click's runner with a fixed clock, and the story workspace.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from luckos.cli import main as luck_main
from luckos.workspace import DB_NAME

sys.path.insert(0, str(Path(__file__).parent))

from story import build_story  # noqa: E402

TODAY_TEXT = "2026-11-25"  # a Wednesday
TODAY = dt.date.fromisoformat(TODAY_TEXT)
LUCK_EXE = Path(sys.executable).with_name("luck")


class _EntryPoint:
    """`luckos.cli.main`, the console script's function, in the shape CliRunner drives."""

    name = "luck"

    def main(self, args: Sequence[str] = (), prog_name: str | None = None, **_: Any) -> Any:
        code = luck_main(list(args))
        if isinstance(code, int) and code:
            sys.exit(code)
        return code


class Luck:
    """Runs `luck --today 2026-11-25 ARGS...` against one workspace folder."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.runner = CliRunner()

    def __call__(self, *args: str, today: str | None = TODAY_TEXT,
                 input: str | None = None) -> Result:
        argv = (["--today", today] if today else []) + list(args)
        return self.runner.invoke(_EntryPoint(), argv,  # type: ignore[arg-type]
                                  env={"LUCK_HOME": str(self.home), "NO_COLOR": "1"},
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

    def check(self, *args: str, today: str = TODAY_TEXT) -> tuple[int, dict[str, Any]]:
        """`luck check --json`: (exit code, {invariant id: its result})."""
        result = self("check", "--json", *args, today=today)
        assert result.exit_code in (0, 1), (result.exit_code, result.stdout, result.stderr)
        data = json.loads(result.stdout)
        return result.exit_code, {i["id"]: i for i in data["invariants"]}


def assert_refused(result: Result) -> None:
    """The bad-input contract: exit 2, one `luck: error:` line, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("luck: error: "), result.stderr
    assert "Traceback" not in result.output


@pytest.fixture
def luck(tmp_path: Path) -> Luck:
    runner = Luck(tmp_path / "ws")
    runner.ok("init")
    return runner


@pytest.fixture
def story(tmp_path: Path) -> Luck:
    """The demo-like story workspace (tests/loop/story.py)."""
    build_story(tmp_path / "story").close()
    return Luck(tmp_path / "story")


def workspace_state(home: Path) -> tuple[tuple[str, str], ...]:
    """Every file of a workspace with a hash of its bytes, plus the database's logical
    content: what "nothing changed" means."""
    files = tuple(sorted((str(p.relative_to(home)), hashlib.sha256(p.read_bytes()).hexdigest())
                         for p in home.rglob("*") if p.is_file() and p.name != DB_NAME
                         and not p.name.startswith(DB_NAME + "-")))
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / DB_NAME
        shutil.copyfile(home / DB_NAME, copy)
        for suffix in ("-wal",):
            if (home / (DB_NAME + suffix)).exists():
                shutil.copyfile(home / (DB_NAME + suffix), Path(folder) / (DB_NAME + suffix))
        connection = sqlite3.connect(copy)
        try:
            dump = "\n".join(connection.iterdump())
        finally:
            connection.close()
    return (*files, ("dump", hashlib.sha256(dump.encode()).hexdigest()))
