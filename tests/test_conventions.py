"""The conventions every command follows: help with examples that run, required options
required by Click, typos answered with a suggestion, global options anywhere, old option
spellings still accepted, -y, Ctrl-C, --debug and shell completion."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from luckos.cli import cli
from tests.conftest import LUCK_EXE, TODAY_TEXT, Luck, subprocess_env


def _leaves() -> Iterator[tuple[str, click.Command, click.Context]]:
    """Every command a user can run, reached as Click reaches it (the lazy table, then
    each group's subcommands); a group that runs on its own counts too."""

    def walk(command: click.Command, ctx: click.Context
             ) -> Iterator[tuple[str, click.Command, click.Context]]:
        if isinstance(command, click.Group):
            if command.invoke_without_command and ctx.parent is not None:
                yield ctx.command_path, command, ctx
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None, name
                yield from walk(sub, click.Context(sub, info_name=name, parent=ctx))
        else:
            yield ctx.command_path, command, ctx

    yield from walk(cli, click.Context(cli, info_name="luck"))


LEAVES = {path: (command, ctx) for path, command, ctx in _leaves()}


def _help(path: str) -> str:
    command, ctx = LEAVES[path]
    return command.get_help(ctx)


def _examples(help_text: str) -> list[str]:
    block = help_text.split("Examples:\n", 1)[1]
    lines = []
    for line in block.splitlines():
        if not line.strip():
            break
        lines.append(line.strip())
    return lines


def _allowed_codes(help_text: str) -> set[int]:
    """0, and any other status the help documents besides 2 (bad input)."""
    found = re.search(r"Exit (?:codes|status): (.*?)(?:\n\n|$)", help_text, re.S)
    codes = {int(c) for c in re.findall(r"\b(\d)\b", found.group(1))} if found else set()
    return {0} | (codes - {2})


def test_the_walk_reaches_every_command() -> None:
    assert len(LEAVES) > 140
    assert {"luck promise add", "luck diagnose", "luck diagnose add", "luck check",
            "luck calendar audit", "luck completion"} <= set(LEAVES)


@pytest.mark.parametrize("path", sorted(LEAVES))
def test_help_ends_with_examples_and_marks_required_options_by_click(path: str) -> None:
    text = _help(path)
    examples = _examples(text)
    assert 1 <= len(examples) <= 2, text  # one or two
    assert all(line.startswith("luck ") for line in examples), examples
    assert text.rstrip().endswith(examples[-1]), "the examples end the help"
    assert "(required)" not in text
    command, _ = LEAVES[path]
    for param in command.params:
        help_of = getattr(param, "help", None) or ""
        assert "required" not in help_of.lower() or param.required, (path, param.name)
    for phrase in ("on on or", "_on", "_id ", "renegotiated-to is"):
        assert phrase not in text, (path, phrase)


_READ_ONLY = ("review", "ledger", "check", "search", "window upcoming", "glue weeks",
              "explore cadence", "arc status", "reboot status", "stay-or-move", "surface",
              "calendar audit", "calendar history", "doc lint", "doc kinds", "doc rules",
              "estimate run", "estimate models")


@pytest.mark.parametrize("path", sorted(p for p in LEAVES if p.split()[-1] in ("list", "show")
                                        or p.removeprefix("luck ") in _READ_ONLY))
def test_every_report_states_its_exit_codes(path: str) -> None:
    text = " ".join(_help(path).split())
    assert re.search(r"Exit (codes|status): 0 [^.]*2 ", text), text
    if path in ("luck check", "luck doc lint"):
        assert re.search(r"Exit (codes|status): 0 [^.]*1 [^.]*2 ", text)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "ws"
    Luck(folder.parent / "elsewhere").ok("demo", "--dir", str(folder))
    return folder


# a server runs until Ctrl-C: tests/web/test_serve.py starts `luck serve` as a real
# process, fetches the page it prints and stops it with SIGINT
_RUNS_UNTIL_STOPPED = ("luck serve",)


@pytest.mark.parametrize("path", sorted(p for p in LEAVES if p not in _RUNS_UNTIL_STOPPED))
def test_every_example_runs_on_the_demo(path: str, demo: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    text = _help(path)
    allowed = _allowed_codes(text)
    home = tmp_path / "ws"
    shutil.copytree(demo, home)
    monkeypatch.chdir(home)  # examples name files as a user would, from where they are
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    luck = Luck(home)
    for example in _examples(text):
        words = shlex.split(example)
        assert words[0] == "luck"
        result = luck(*words[1:])
        assert result.exit_code in allowed, (example, result.exit_code, result.output,
                                             result.stderr)


# --- the root group ----------------------------------------------------------------------


def test_a_mistyped_command_gets_a_suggestion(luck: Luck) -> None:
    result = luck("reveiw")
    assert result.exit_code == 2
    assert "No such command 'reveiw'. Did you mean 'review'?" in result.stderr
    assert "Did you mean 'promise'?" in luck("promis", "list").stderr


@pytest.mark.parametrize("args, message", [
    (("promise", "list", "--limit", "-1"), "Invalid value for '--limit'"),
    (("promise", "add", "Ship it", "--bogus"), "No such option '--bogus'"),
    (("reveiw",), "Did you mean 'review'?"),
    (("completion", "tcsh"), "'tcsh' is not one of 'bash', 'zsh', 'fish'"),
])
def test_usage_errors_are_one_line_naming_the_help_to_read(luck: Luck, args: tuple[str, ...],
                                                            message: str) -> None:
    result = luck(*args)
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("luck: error: ") and message in line
    assert line.endswith("--help)")


def test_global_options_work_after_the_command(luck: Luck, tmp_path: Path) -> None:
    result = luck.ok("review", "--today", "2026-12-07", today=None)
    assert result.stdout.startswith("Weekly review, Mon 7 Dec 2026\n")
    other = tmp_path / "other"
    luck.ok("init", "--home", str(other))
    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "fri", "--home", str(other))
    assert luck.json("promise", "list", "--home", str(other))[0]["what"] == "Ship it"
    assert luck.json("promise", "list") == []  # the default workspace got nothing
    assert luck.ok("promise", "list", "--home", str(other), "--no-pager").stdout.count(
        "Ship it") == 1
    assert luck.fails("review", "--today") == ("luck: error: --today needs a value: "
                                               "luck review ... --today DATE")
    # a value that follows `--` is the command's, not a global option
    assert luck.ok("search", "--", "--today").exit_code == 0


def test_every_missing_option_is_named_at_once(luck: Luck) -> None:
    assert luck.fails("window", "add") == ("luck: error: luck window add needs NAME and --on "
                                           "(see luck window add --help)")
    assert luck.fails("artifact", "used", "a1") == ("luck: error: luck artifact used needs "
                                                    "--by (see luck artifact used --help)")


def test_old_option_spellings_are_still_accepted_and_hidden(luck: Luck) -> None:
    theme = luck.json("theme", "add", "Fast checkout", "--started-on", "2026-01-05",
                      "--retired", "2026-06-30")
    assert (theme["started_on"], theme["ended_on"]) == ("2026-01-05", "2026-06-30")
    theme = luck.json("theme", "add", "Quiet on-call", "--started", "2026-02-01",
                      "--ended", "2026-09-30")
    assert (theme["started_on"], theme["ended_on"]) == ("2026-02-01", "2026-09-30")
    promise = luck.json("promise", "add", "Ship it", "--to", "Dana", "--due", "2026-11-20",
                        "--made-on", "2026-11-01")
    assert promise["on"] == "2026-11-01"
    luck.ok("promise", "keep", "p1", "--on", "2026-11-19")
    assert luck.json("promise", "edit", "p1", "--landed-on", "2026-11-18")["ended_on"] == \
        "2026-11-18"
    project = luck.json("project", "add", "Stacks", "--started", "2026-10-01",
                        "--landed", "2026-11-20")
    assert project["ended_on"] == "2026-11-20"
    assert luck.json("project", "edit", "pj1", "--ended", "2026-11-21")["ended_on"] == \
        "2026-11-21"
    luck.ok("theme", "add", "Quiet pages")
    drafts = [luck.ok("doc", "new", "reboot-plan", "--theme", "t1", flag, "2026-03-02",
                      "--out", "-").stdout for flag in ("--on", "--start")]
    assert drafts[0] == drafts[1] and "90-day reboot from 2026-03-02" in drafts[0]
    for path, old in (("window add", "--prep-lead "), ("doc new", "--start"),
                      ("theme add", "--started-on"),
                      ("theme edit", "--retired"),
                      ("promise add", "--made-on"), ("promise edit", "--landed-on"),
                      ("project edit", "--landed")):
        assert old not in _help(f"luck {path}")


def test_delete_takes_y_and_names_yes_when_it_cannot_ask(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "fri")
    error = luck.fails("promise", "delete", "p1")  # no terminal, no answer
    assert "add --yes (or -y)" in error
    assert luck.json("promise", "list")[0]["id"] == "p1"
    assert luck.ok("promise", "delete", "p1", "-y").stdout.startswith(
        "deleted p1: Ship it\nsaved to ")
    assert luck.json("promise", "list") == []


def test_debug_shows_the_traceback_behind_the_error_line(luck: Luck) -> None:
    quiet = luck("promise", "show", "p9")
    assert quiet.stderr == "luck: error: no promise p9\n"
    for args in (("--debug", "promise", "show", "p9"), ("promise", "show", "p9", "--debug")):
        loud = luck(*args)
        assert loud.exit_code == 2
        assert loud.stderr.startswith("Traceback (most recent call last):")
        assert "luckos.errors.NotFound: no promise p9" in loud.stderr
        assert loud.stderr.endswith("luck: error: no promise p9\n")


# --- real processes -----------------------------------------------------------------------


def test_ctrl_c_at_a_prompt_exits_130_without_a_traceback(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    env = subprocess_env(home)
    subprocess.run([str(LUCK_EXE), "init"], env=env, check=True, capture_output=True)
    subprocess.run([str(LUCK_EXE), "--today", TODAY_TEXT, "promise", "add", "Ship it",
                    "--to", "Dana", "--due", "fri"], env=env, check=True, capture_output=True)
    process = subprocess.Popen([str(LUCK_EXE), "promise", "delete", "p1"], env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None
    asked = b""
    while not asked.endswith(b"[y/N]: "):  # the prompt is up: luck waits for an answer
        byte = process.stdout.read(1)
        assert byte, asked
        asked += byte
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert err.strip().endswith(b"luck: interrupted")
    listed = subprocess.run([str(LUCK_EXE), "promise", "list"], env=env, capture_output=True,
                            text=True)
    assert "Ship it" in listed.stdout  # nothing was deleted


def _complete(home: Path, words: str, shell: str = "bash") -> list[str]:
    env = subprocess_env(home)
    env.update({"_LUCK_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split(" ")) - 1)})
    result = subprocess.run([str(LUCK_EXE)], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def test_shell_completion_offers_ids_from_the_workspace(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the runbook", "--to", "Dana", "--due", "fri")
    luck.ok("promise", "add", "Send the two-pager", "--to", "Rae", "--due", "+2w")
    luck.ok("theme", "add", "Fast checkout")
    assert _complete(luck.home, "luck promise keep ") == ["plain,p2", "plain,p1"]
    assert _complete(luck.home, "luck promise show p1") == ["plain,p1"]
    assert _complete(luck.home, "luck promise add x --theme ") == ["plain,t1"]
    assert _complete(luck.home, "luck prom") == ["plain,promise"]
    assert _complete(luck.home, "luck --to") == ["plain,--today"]
    # zsh shows each id with its title
    assert _complete(luck.home, "luck theme show ", "zsh") == ["plain", "t1", "Fast checkout"]
    # no workspace: nothing to offer, and no error
    assert _complete(luck.home / "missing", "luck promise keep ") == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script(shell: str, tmp_path: Path) -> None:
    result = subprocess.run([str(LUCK_EXE), "completion", shell], capture_output=True,
                            text=True, env=subprocess_env(tmp_path), timeout=60)
    assert result.returncode == 0
    assert f"_LUCK_COMPLETE={shell}_complete" in result.stdout.replace('"', "")
    assert not (tmp_path / "luck.db").exists()  # printing it needs no workspace
    assert os.environ.get("_LUCK_COMPLETE") is None


# --- JSON ---------------------------------------------------------------------------------

_REPORTS = ("review", "ledger", "check", "search cold-start", "window upcoming", "theme show t1",
            "artifact show a1", "estimate list", "estimate show est1", "glue weeks",
            "explore cadence", "project show pj2", "arc status", "reboot status rb1",
            "stay-or-move", "surface", "calendar audit work-calendar.ics", "doc kinds",
            "estimate run cold-start")
_KINDS = ("promise", "signal", "window", "theme", "metric", "reading", "decision", "bench",
          "sponsor", "artifact", "testimonial", "note", "glue", "explore", "project",
          "diagnose", "arc", "reboot")


def _keys(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from _keys(value)


def test_json_keys_are_snake_case_and_every_record_has_an_id(demo: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    home = tmp_path / "ws"
    shutil.copytree(demo, home)
    monkeypatch.chdir(home)
    luck = Luck(home)
    for command in (*_REPORTS, *(f"{kind} list --limit 0" for kind in _KINDS)):
        result = luck(*command.split(), "--json")
        assert result.exit_code in (0, 1 if command == "check" else 0), command
        data = json.loads(result.stdout)
        odd = sorted({k for k in _keys(data) if not re.fullmatch(r"[a-z][a-z0-9_]*", k)})
        assert odd == [], (command, odd)
        if command.endswith("list --limit 0"):
            assert data and all(re.fullmatch(r"[a-z]+\d+", record["id"]) for record in data)
    review = luck.json("review")
    for promise in (*review["overdue"], *review["due"]):
        assert promise["id"].startswith("p") and "to" in promise and "to_whom" not in promise


def test_json_names_a_promise_s_person_as_its_option_does(luck: Luck) -> None:
    promise = luck.json("promise", "add", "Ship it", "--to", "Dana", "--due", "fri")
    assert promise["to"] == "Dana" and "to_whom" not in promise


def test_an_export_written_with_the_old_keys_still_imports(luck: Luck, tmp_path: Path) -> None:
    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "fri", "--on", "2026-11-20")
    luck.ok("promise", "keep", "p1", "--on", "2026-11-24")
    luck.ok("theme", "add", "Fast checkout", "--started", "2026-01-05", "--ended", "2026-06-30")
    luck.ok("project", "add", "Stacks", "--started", "2026-10-01", "--ended", "2026-11-20")
    luck.ok("artifact", "add", "Runbook", "--kind", "runbook")
    luck.ok("window", "add", "Budget", "--on", "2026-12-01", "--no-demo", "--prep-lead", "9")
    luck.ok("artifact", "used", "a1", "--by", "Maya", "--hours", "16")
    exported = tmp_path / "export.json"
    luck.ok("export", str(exported))
    data = json.loads(exported.read_text())
    assert {k: data["records"]["promise"][0][k] for k in ("to", "on", "ended_on")} == \
        {"to": "Dana", "on": "2026-11-20", "ended_on": "2026-11-24"}
    # as files written before JSON keys followed the option names have them
    old = {"promise": {"to": "to_whom", "on": "made_on", "ended_on": "landed_on"},
           "theme": {"ended_on": "retired_on"}, "project": {"ended_on": "landed_on"},
           "testimonial": {"hours": "hours_saved"},
           "window": {"brief": "needs_brief", "demo": "needs_demo"}}
    for kind, renames in old.items():
        for row in data["records"][kind]:
            for new, was in renames.items():
                row[was] = row.pop(new)
    exported.write_text(json.dumps(data))
    fresh = Luck(tmp_path / "fresh")
    fresh.ok("init")
    fresh.ok("import", str(exported))
    again = tmp_path / "again.json"
    fresh.ok("export", str(again))
    assert _records(again) == _records_of(luck, tmp_path / "first.json")


def _records(path: Path) -> dict:
    return json.loads(path.read_text())["records"]


def _records_of(luck: Luck, path: Path) -> dict:
    luck.ok("export", str(path))
    return _records(path)
