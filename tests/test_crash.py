"""SIGKILL in the middle of captures, and many `luck` processes writing at once: every
acknowledged write is kept and the database stays whole.

The functions are those of `benchmarks/crash.py` (which runs 1,000 kills and prints the
figures); here with numbers that fit the suite's time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def crash() -> ModuleType:
    path = Path(__file__).parents[1] / "benchmarks" / "crash.py"
    spec = importlib.util.spec_from_file_location("crash_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_captures_killed_at_random_moments_lose_no_acknowledged_write(
        crash: ModuleType, tmp_path: Path) -> None:
    home = tmp_path / "ws"
    crash.init(home)
    figures = crash.kill_writes(home, 200, slots=3, seed=11)
    assert figures.killed >= 200
    assert figures.failed == []  # no capture failed other than by the kill
    assert figures.integrity == "ok"
    assert figures.lost == []  # every write whose process said "added ..." is there
    assert figures.duplicates == []
    assert figures.present >= figures.acknowledged > 0
    assert figures.written_after


def test_eight_luck_processes_writing_at_once_lose_nothing(crash: ModuleType,
                                                           tmp_path: Path) -> None:
    home = tmp_path / "ws"
    crash.init(home)
    figures = crash.concurrent_writers(home, writers=8, captures=3)
    assert figures.failed == []
    assert figures.ok == 24
    assert figures.lost == []
    assert figures.present == 24
    assert figures.integrity == "ok"
