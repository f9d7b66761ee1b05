"""Long reports go through a pager on a terminal: LUCK_PAGER, else PAGER; never when
piped, under --json or with --no-pager; off with LUCK_PAGER empty or `cat`.

The pager here is a small shell script that writes what it was given to a file."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from luckos.cli import output as output_module
from tests.conftest import LUCK_EXE, TODAY_TEXT, Luck, subprocess_env
from tests.test_output_text import ANSI, _pty_run, argv, full, reports  # noqa: F401 (a fixture)


def _pager(folder: Path, name: str = "pager") -> tuple[str, Path]:
    """A pager script that writes its input to a file; its command and that file."""
    got = folder / f"{name}.out"
    script = folder / f"{name}.sh"
    script.write_text(f"#!/bin/sh\ncat > '{got}'\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), got


@pytest.fixture
def promises(luck: Luck) -> Luck:
    """Thirty promises: a list longer than a 20-line screen."""
    for day in range(30):
        luck.ok("promise", "add", f"promise number {day}", "--to", "Priya", "--due",
                f"+{day + 1}d")
    return luck


def _screen(lines: int = 20) -> dict[str, str]:
    return {"LINES": str(lines), "COLUMNS": "120"}


def test_a_long_list_on_a_terminal_goes_through_luck_pager(promises: Luck,
                                                          tmp_path: Path) -> None:
    luck_pager, got = _pager(tmp_path, "luck")
    pager, other = _pager(tmp_path, "other")
    code, shown = _pty_run(promises.home, "promise", "list",
                           env={**_screen(), "LUCK_PAGER": luck_pager, "PAGER": pager})
    assert code == 0
    paged = ANSI.sub("", got.read_text(encoding="utf-8"))
    assert "promise number 29" in paged and "┏" in paged  # the terminal's table, whole
    assert "promise number" not in shown  # the terminal saw only the pager
    assert not other.exists()


def test_pager_is_used_when_luck_pager_is_not_set(promises: Luck, tmp_path: Path) -> None:
    pager, got = _pager(tmp_path)
    env = {**_screen(), "PAGER": pager}
    code, shown = _pty_run(promises.home, "ledger", env=env)
    assert code == 0
    assert "Credibility ledger as of" in got.read_text(encoding="utf-8")


@pytest.mark.parametrize("how", [("--no-pager",), "LUCK_PAGER=", "LUCK_PAGER=cat"])
def test_the_pager_can_be_turned_off(promises: Luck, tmp_path: Path,
                                     how: tuple[str, ...] | str) -> None:
    pager, got = _pager(tmp_path)
    env = {**_screen(), "PAGER": pager}
    args: tuple[str, ...] = ("promise", "list")
    if isinstance(how, tuple):
        args = (*how, *args)
    else:
        name, value = how.split("=")
        env[name] = value
    code, shown = _pty_run(promises.home, *args, env=env)
    assert code == 0
    assert "promise number 29" in shown
    assert not got.exists()


def test_output_shorter_than_the_screen_is_not_paged(promises: Luck, tmp_path: Path) -> None:
    pager, got = _pager(tmp_path)
    code, shown = _pty_run(promises.home, "promise", "list", env={**_screen(200),
                                                                  "LUCK_PAGER": pager})
    assert code == 0
    assert "promise number 29" in shown
    assert not got.exists()


def test_json_on_a_terminal_is_not_paged(promises: Luck, tmp_path: Path) -> None:
    pager, got = _pager(tmp_path)
    code, shown = _pty_run(promises.home, "promise", "list", "--json",
                           env={**_screen(), "LUCK_PAGER": pager})
    assert code == 0
    assert '"what": "promise number 29"' in shown
    assert not got.exists()


def test_piped_output_is_not_paged(promises: Luck, tmp_path: Path) -> None:
    pager, got = _pager(tmp_path)
    env = {**subprocess_env(promises.home), **_screen(), "LUCK_PAGER": pager,
           "TTY_COMPATIBLE": "1"}  # the terminal's tables, but into a pipe
    result = subprocess.run([str(LUCK_EXE), "--today", TODAY_TEXT, "promise", "list"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    assert "promise number 29" in result.stdout and "┏" in result.stdout
    assert not got.exists()


def test_a_pager_that_is_not_there_leaves_the_output_on_the_terminal(
        promises: Luck, tmp_path: Path) -> None:
    code, shown = _pty_run(promises.home, "promise", "list",
                           env={**_screen(), "LUCK_PAGER": str(tmp_path / "no-such-pager")})
    assert code == 0
    assert "promise number 29" in shown


def test_the_pager_shows_what_an_exit_code_of_one_reports(luck: Luck, tmp_path: Path) -> None:
    pager, got = _pager(tmp_path)
    code, _ = _pty_run(luck.home, "check", env={**_screen(10), "LUCK_PAGER": pager})
    assert code == 1  # broken invariants: still exit 1 after paging
    assert "luck check, 2026-11-25" in got.read_text(encoding="utf-8")


def test_every_list_and_report_can_be_paged(full: tuple[Luck, Path],  # noqa: F811
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process, with the pager forced on: each report's output reaches the pager and
    nothing of it the terminal."""
    luck, folder = full
    pager, got = _pager(tmp_path)
    monkeypatch.setattr(output_module, "pager_command", lambda: pager)
    monkeypatch.setattr(output_module, "_longer_than_screen", lambda text: True)
    # feed writes a file and names at most 12 of its dates; redact is a filter whose
    # standard output is the redacted text, as for cat
    not_paged = {"feed", "redact"}
    for path, runs in reports(folder).items():
        if path in not_paged:
            continue
        for args in runs:
            if got.exists():
                got.unlink()
            result = luck(*argv(path), *args)
            assert result.exit_code in (0, 1), (path, result.output)
            assert result.stdout == "", (path, args)
            assert got.read_text(encoding="utf-8").strip(), (path, args)
            assert "--json" not in args
    result = luck("promise", "list", "--json")
    assert result.stdout.startswith("[")  # never under --json


def test_the_pager_gets_less_options_that_keep_colours(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "env-pager.sh"
    seen = tmp_path / "less.env"
    script.write_text(f"#!/bin/sh\necho \"$LESS\" > '{seen}'\ncat > /dev/null\n",
                      encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.delenv("LESS", raising=False)
    assert output_module._page(str(script), "text\n")
    assert seen.read_text(encoding="utf-8").strip() == "FRX"
    monkeypatch.setenv("LESS", "-S")
    assert output_module._page(str(script), "text\n")
    assert seen.read_text(encoding="utf-8").strip() == "-S"
    assert not output_module._page(str(tmp_path / "missing"), "text\n")  # 127: not shown
