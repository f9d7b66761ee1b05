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
from pathlib import Path
from typing import Any

import pytest

from luckos.workspace import DB_NAME

sys.path.insert(0, str(Path(__file__).parent))

from story import build_story  # noqa: E402

from conftest import Luck as BaseLuck  # noqa: E402  (tests/conftest.py)
from conftest import assert_refused  # noqa: E402, F401  (the loop's tests import it from here)

TODAY_TEXT = "2026-11-25"  # a Wednesday
TODAY = dt.date.fromisoformat(TODAY_TEXT)
LUCK_EXE = Path(sys.executable).with_name("luck")


class Luck(BaseLuck):
    """The shared runner, with `luck check --json` read into a dict."""

    def check(self, *args: str, today: str = TODAY_TEXT) -> tuple[int, dict[str, Any]]:
        """`luck check --json`: (exit code, {invariant id: its result})."""
        result = self("check", "--json", *args, today=today)
        assert result.exit_code in (0, 1), (result.exit_code, result.stdout, result.stderr)
        data = json.loads(result.stdout)
        return result.exit_code, {i["id"]: i for i in data["invariants"]}


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
