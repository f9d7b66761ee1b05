"""Fixtures for the operating loop's tests: the story workspace (tests/loop/story.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Luck
from tests.loop.story import build_story


@pytest.fixture
def story(tmp_path: Path, luck_today: str | None) -> Luck:
    """The demo-like story workspace (tests/loop/story.py)."""
    build_story(tmp_path / "story").close()
    return Luck(tmp_path / "story", luck_today)
