"""Fixtures for the estimate tests: a temporary workspace and the `luck` command run
in-process (the same `main` the console script calls)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from luckos.cli import main


@dataclasses.dataclass
class Ran:
    code: int
    out: str
    err: str


@pytest.fixture
def luck(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    def run(*argv: str) -> Ran:
        capsys.readouterr()
        try:
            main(list(argv))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, luck: Callable[..., Ran]) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("LUCK_HOME", str(folder))
    assert luck("init").code == 0
    return folder


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def write_model(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write_model
