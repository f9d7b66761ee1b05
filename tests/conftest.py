"""Shared fixtures: the suite's one way to run `luck`, a workspace in tmp_path, and a
fixed clock.

`luck` (the fixture) runs the real entry point (`luckos.cli.main`), the one the console
script calls, so a test sees exactly what a user sees: the `luck: error:` line on stderr
and exit code 2 for bad input, not an exception. It runs in `home` (a workspace as `luck
init` leaves it, in tmp_path/ws) on `luck_today`; a folder's conftest.py may give either
another value (the calendar tests run in March 2025, the writing tests on a workspace
built for a first draft), and `Luck(folder)` runs it in any other folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner

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


@dataclasses.dataclass(frozen=True)
class Ran:
    """What one run of `luck` left: its exit code, what it wrote on standard output and
    on standard error, and both as a terminal would have shown them."""

    exit_code: int
    stdout: str
    stderr: str
    output: str

    def json(self) -> Any:
        return json.loads(self.stdout)


class Luck:
    """Runs `luck --today TODAY ARGS...` against one workspace folder (None: the one its
    arguments name with --home, or else the default place)."""

    def __init__(self, home: Path | None, today: str | None = TODAY_TEXT) -> None:
        self.home = home
        self.today = today  # None: no --today, the real clock
        self.runner = CliRunner()

    @property
    def db(self) -> Path:
        assert self.home is not None
        return self.home / DB_NAME

    def __call__(self, *args: str, today: str | None = "", input: str | bytes | None = None,
                 env: Mapping[str, str | None] | None = None) -> Ran:
        """`today`: this run's date instead of the runner's ("": the runner's; None: the
        real clock). `env`: more environment variables (None unsets one)."""
        today = self.today if today == "" else today
        argv = (["--today", today] if today else []) + list(args)
        # catch_exceptions=False: anything but a clean exit fails the test with its traceback
        result = self.runner.invoke(_ENTRY, argv,  # type: ignore[arg-type]
                                    env={"LUCK_HOME": str(self.home) if self.home else None,
                                         **(env or {})},
                                    input=input, catch_exceptions=False)
        return Ran(result.exit_code, result.stdout, result.stderr, result.output)

    def ok(self, *args: str, **kwargs: Any) -> Ran:
        result = self(*args, **kwargs)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str, **kwargs: Any) -> Any:
        return self.ok(*args, "--json", **kwargs).json()

    def fails(self, *args: str, **kwargs: Any) -> str:
        """Run a command that must be refused as bad input; return its one error line."""
        result = self(*args, **kwargs)
        assert_refused(result)
        return result.stderr.strip()

    def check(self, *args: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
        """`luck check --json`: (exit code, {invariant id: its result})."""
        result = self("check", "--json", *args, **kwargs)
        assert result.exit_code in (0, 1), (result.exit_code, result.stdout, result.stderr)
        return result.exit_code, {i["id"]: i for i in result.json()["invariants"]}


def assert_refused(result: Ran) -> None:
    """The bad-input contract: exit 2, one `luck: error:` line, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("luck: error: "), result.stderr
    assert "Traceback" not in result.output


@pytest.fixture(scope="session", autouse=True)
def _user_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The user's cache folder (where `luck estimate` keeps pint's parsed units) is the
    suite's own, not the home folder of whoever runs it."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def luck_today() -> str | None:
    """The date (--today) each run of `luck` takes unless the test names another."""
    return TODAY_TEXT


def made_once_a_day(tmp_path_factory: pytest.TempPathFactory,
                    make: Callable[[Path], object]) -> Callable[[], Path]:
    """A workspace made by `make` once and copied for each test instead of being made
    again. Once a day: a workspace notes the day of its daily quick check (by the real
    clock), so a copy of yesterday's would not be what `make` gives today."""
    made: dict[dt.date, Path] = {}

    def today_s() -> Path:
        day = dt.date.today()
        if day not in made:
            made[day] = tmp_path_factory.mktemp("made") / "ws"
            make(made[day])
        return made[day]

    return today_s


@pytest.fixture(scope="session")
def _initialised(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    return made_once_a_day(tmp_path_factory, lambda folder: Luck(folder).ok("init"))


@pytest.fixture
def home(tmp_path: Path, _initialised: Callable[[], Path]) -> Path:
    """A fresh workspace in tmp_path/ws, as `luck init` leaves it."""
    folder = tmp_path / "ws"
    shutil.copytree(_initialised(), folder)
    return folder


@pytest.fixture
def luck(home: Path, luck_today: str | None) -> Luck:
    """`luck` run in `home` on `luck_today`: the one runner of the suite."""
    return Luck(home, luck_today)


@pytest.fixture
def bare_luck(tmp_path: Path, luck_today: str | None) -> Luck:
    """A runner whose LUCK_HOME does not exist yet."""
    return Luck(tmp_path / "ws", luck_today)


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


class Loaded(NamedTuple):
    code: int
    found: list[str]  # the modules asked about that the command left loaded
    stdout: str

    @property
    def summary(self) -> str:
        """"CODE [MODULES]", as the assertions compare it."""
        return f"{self.code} {self.found}"


def loaded_after(args: Sequence[str], names: Sequence[str],
                 env: Mapping[str, str] | None = None, *, argv: Sequence[str] = ()
                 ) -> Loaded:
    """Run `luck ARGS` through `luckos.cli.main` in a fresh interpreter (with `argv` as
    its `sys.argv[1:]`) and say which of `names` (modules, or packages with everything
    under them) it left in `sys.modules`: what a command loads, as a user's process would.
    """
    import subprocess

    probe = ("import sys\n"  # nothing else: the probe must not load what is asked about
             "from luckos.cli import main\n"
             "try:\n"
             f"    code = main({list(args)!r})\n"
             "except SystemExit as exc:\n"
             "    code = exc.code\n"
             f"names = {tuple(names)!r}\n"
             "found = sorted(m for m in sys.modules if m in names or m.startswith("
             "tuple(n + '.' for n in names)))\n"
             "print(repr((code or 0, found)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True,
                          text=True, timeout=120, env=None if env is None else dict(env))
    import ast

    try:
        code, found = ast.literal_eval(done.stderr.strip().splitlines()[-1])
    except (IndexError, ValueError, SyntaxError):
        raise AssertionError(f"the probe did not finish: {done.stderr[-2000:]}") from None
    return Loaded(code, found, done.stdout)


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
