"""Fixtures for the operating loop's tests: a workspace in tmp_path, the real `luck`
entry point driven through Click's runner with a fixed clock, and the story workspace.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from story import build_story  # noqa: E402

from conftest import Luck as BaseLuck  # noqa: E402  (tests/conftest.py)

TODAY_TEXT = "2026-11-25"  # a Wednesday


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
