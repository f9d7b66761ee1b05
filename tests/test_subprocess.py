"""The main flow as a user runs it: the installed `luck` executable in a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from luckos.cli import COMMANDS
from tests.conftest import LUCK_EXE, loaded_after, subprocess_env


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(LUCK_EXE), *args], capture_output=True, text=True,
                          env=subprocess_env(home), timeout=60)


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert (result.returncode, result.stderr) == (0, "")
    listed = result.stdout.split("Each week:")[1].split()
    for name, (_, help_text) in COMMANDS.items():
        assert name in listed
        assert " ".join(help_text.split()[:3]) in " ".join(result.stdout.split())


def test_help_imports_no_command_and_no_heavy_library() -> None:
    # `luck --help` must stay fast: only Click and the command table are loaded
    probe = ("import sys\n"
             "from luckos.cli import main\n"
             "code = main(['--help'])\n"
             "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
             "('rich', 'sqlite3', 'dateutil', 'parsedatetime', 'platformdirs', 'numpy') "
             "or m.startswith(('luckos.store', 'luckos.app', 'luckos.cli.')))\n"
             "print(code, heavy, file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.stderr.strip() == "0 []"


HEAVY = ("numpy", "pint", "matplotlib", "icalendar", "markdown_it", "jinja2", "rich",
         "parsedatetime")


def test_help_and_a_capture_leave_the_heavy_libraries_unloaded(tmp_path: Path) -> None:
    # numpy, pint, matplotlib, icalendar, markdown-it, jinja2, rich and parsedatetime are
    # for the commands that use them; `luck --help` and a capture never pay for them
    home = tmp_path / "ws"
    assert run(home, "init").returncode == 0
    assert loaded_after(["--help"], HEAVY).summary == "0 []"
    env = subprocess_env(home)
    for due in ("fri", "+2w", "2026-12-04", "next month", "end of month"):
        assert loaded_after(["--today", "2026-11-25", "promise", "add", "Ship it", "--to",
                             "Dana", "--due", due], HEAVY, env).summary == "0 []"
    assert loaded_after(["--today", "2026-11-25", "note", "add", "a thought"], HEAVY,
                        env).summary == "0 []"


# What opening a workspace does without: pathlib (the folder is text until a command asks
# for a Path), platformdirs (the folder is given), `luck check`'s list of invariants (the
# settings read at start-up are the top of luck.toml and [thresholds], checked, not
# built), the settings of `luck doc lint`, the file writer and the units of measure.
NOT_AT_START = ("pathlib", "platformdirs", "luckos.domain.checks", "luckos.config_lint",
                "luckos.files", "luckos.domain.quantities", *HEAVY)


def test_the_daily_commands_load_only_what_they_use(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    assert run(home, "init").returncode == 0
    env = subprocess_env(home)
    for args in (["promise", "add", "Ship it", "--to", "Dana", "--due", "fri"],
                 ["promise", "add", "Tagged", "--to", "Dana", "--due", "+1d", "--tag", "a"],
                 ["promise", "keep", "p1"], ["note", "add", "ship the kafka fix"]):
        assert run(home, "--today", "2026-11-25", *args).returncode == 0
    today = ["--today", "2026-11-25"]
    # a capture: no rules beyond the kind's, no json (an empty list is written as []),
    # no thresholds
    assert loaded_after([*today, "promise", "add", "Call Ana", "--to", "Ana", "--due", "fri"],
                        (*NOT_AT_START, "json", "luckos.config_tables"), env).summary == "0 []"
    # listing, the ledger and search read records: none of them loads the rules
    for args in (["promise", "list", "--limit", "20"], ["ledger"], ["search", "kafka"]):
        assert loaded_after([*today, *args], (*NOT_AT_START, "luckos.domain.validate"),
                            env).summary == "0 []", args
    # the text ledger needs no record as JSON; search shows titles without building the
    # record classes of the kinds it matched
    assert loaded_after([*today, "ledger"], ("luckos.app.records",), env).summary == "0 []"
    assert loaded_after([*today, "search", "ship"], ("luckos.domain.records.note",),
                        env).summary == "0 []"


def test_version(tmp_path: Path) -> None:
    result = run(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("luck, version ")


def test_main_flow(tmp_path: Path) -> None:
    home = tmp_path / "career"
    today = ("--today", "2026-11-25")

    result = run(home, "init")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == f"created a luckos workspace in {home}"
    assert sorted(p.name for p in home.iterdir()) == ["docs", "luck.db", "luck.toml"]

    result = run(home, *today, "promise", "add", "Cut p95 cold-start to 650ms", "--to",
                 "Priya", "--due", "fri")
    assert (result.returncode, result.stdout.strip()) == (0, "added p1: Cut p95 cold-start "
                                                             "to 650ms, due Fri 2026-11-27")
    result = run(home, *today, "promise", "add", "Send the FY27 two-pager", "--to", "Rae",
                 "--due", "+2w")
    assert result.stdout.strip() == "added p2: Send the FY27 two-pager, due Wed 2026-12-09"
    result = run(home, *today, "window", "add", "FY27 planning", "--on", "2026-12-14",
                 "--kind", "planning")
    assert result.stdout.strip() == "added w1: FY27 planning, on Mon 2026-12-14"

    result = run(home, *today, "promise", "keep", "p1")
    assert (result.returncode, result.stdout.strip()) == (0, "p1 kept: Cut p95 cold-start "
                                                             "to 650ms")

    result = run(home, *today, "review")
    assert (result.returncode, result.stderr) == (0, "")
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert lines[0] == "Weekly review, Wed 25 Nov 2026"
    assert lines[1] == "Ahead: Thu 26 Nov – Wed 2 Dec · Back: Thu 19 – Wed 25 Nov"
    assert "(none overdue)" in lines
    assert "w1 2026-12-14 2026-12-07 prep two-pager, demo FY27 planning" in lines
    assert "hit rate, all time 100% of 1" in lines

    review = json.loads(run(home, *today, "review", "--json").stdout)
    assert review["ledger"]["overall"]["kept_on_time"] == 1
    assert [p["id"] for p in review["due"]] == []  # p2 is due 2026-12-09
    assert [p["id"] for p in review["ledger"]["due_soon"]] == []


def test_bad_input_in_a_real_process(tmp_path: Path) -> None:
    home = tmp_path / "career"
    run(home, "init")
    before = (home / "luck.db").read_bytes()
    result = run(home, "promise", "add", "x", "--to", "y", "--due", "2026-02-30")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == ("luck: error: invalid due '2026-02-30': not a real ISO date "
                             "(YYYY-MM-DD)\n")
    assert (home / "luck.db").read_bytes() == before


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "luckos", "--help"], capture_output=True,
                            text=True, env=subprocess_env(tmp_path), timeout=60)
    assert result.returncode == 0
    assert "Each week:" in result.stdout and "  review " in result.stdout
