"""What users type is printed as they typed it, on a terminal and piped, by every list
and report: square brackets, Rich markup, backslashes and emoji codes are text.

The commands come from the Click tree itself (every command with --json, or named
list or show), so a new report is covered as soon as it exists: this file fails until
it is given its arguments here, or listed among the commands that write.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from luckos.cli import COMMANDS, cli
from luckos.cli import output as output_module
from luckos.cli.kinds import flag_of
from luckos.domain.records import KINDS, fields_of
from tests.conftest import LUCK_EXE, TODAY_TEXT, Luck, subprocess_env

NASTY = r"[draft] [bold]b[/bold] [/] [red]x[/red] [/v2/orders] a\b \[c :fire: zebra"
LABEL = r"[draft] [/]x \[y"  # a theme label has three words at most

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# Commands that change the workspace (or write files); the records below are made
# with some of them. Everything else found in the tree must be in REPORTS.
WRITES = {
    "demo", "win", "diagnose", "doc new", "metric read", "decision close", "artifact used",
    "window link", "arc start", "reboot start", "project score", "project review",
    "calendar import", "promise keep", "promise miss", "promise drop", "promise renegotiate",
    "import git", "import docs", "evidence accept",
    "ai run", "ai index",
} | {f"{group} {verb}" for group in (
    "promise", "signal", "window", "theme", "metric", "reading", "decision", "bench",
    "sponsor", "artifact", "testimonial", "note", "diagnose", "glue", "explore", "project",
    "arc", "reboot", "person") for verb in ("add", "edit")}


def reports(folder: Path) -> dict[str, list[list[str]]]:
    """Each list and report, with the arguments to run it on the workspace below."""
    runs: dict[str, list[list[str]]] = {
        "review": [[], ["--month", "2026-11"]],
        "ledger": [[]], "check": [[]], "search": [["zebra"]], "stay-or-move": [[]],
        "surface": [[]], "feed": [[str(folder / "feed.ics")]],
        "window upcoming": [[]], "glue weeks": [[]], "explore cadence": [[]],
        "arc status": [[]], "reboot status": [[]], "doc kinds": [[], ["brief"]],
        "doc rules": [[]], "doc lint": [[str(folder / "brief.md")]],
        "estimate models": [[]], "estimate list": [[]], "estimate show": [["est1"]],
        "estimate run": [["est1"]], "calendar audit": [[str(folder / "cal.ics"),
                                                        "--from", "2026-10-05", "--to",
                                                        "2026-11-22", "--explain", "--days"]],
        "calendar history": [[]], "calendar norms": [[]], "doctor": [[]],
        "redact": [[str(folder / "brief.md")]],
        "packet": [["--for", "weekly"], ["--for", "promotion"]],
        "ai status": [[]], "ai prompts": [[]], "ai log": [[]], "config show": [[]],
    }
    runs["window stakeholders list"] = [[]]  # of w1: _run_all puts the window in
    runs["window prewire"] = [["w1"]]
    runs["decision stakeholders list"] = [[]]  # of d1, as the window's
    runs["decision prewire"] = [["d1"]]
    runs["person roles"] = [[]]
    runs["calendar deciders"] = [[]]
    for kind in KINDS.values():
        if kind.name == "stakeholder":  # listed per window, above
            continue
        group = {"diagnosis": "diagnose"}.get(kind.name, kind.name)
        runs[f"{group} list"] = [[]]
        runs[f"{group} show"] = [[f"{kind.prefix}1"]]
    runs["evidence list"] = [["--status", "all"]]  # the default lists candidates only
    return runs


def leaf_commands() -> Iterator[tuple[str, click.Command]]:
    ctx = click.Context(cli)

    def walk(command: click.Command, path: str) -> Iterator[tuple[str, click.Command]]:
        if isinstance(command, click.Group):
            # a group that runs on its own (diagnose) is a command too
            if command.invoke_without_command:
                yield path, command
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                yield from walk(sub, f"{path} {name}")
        else:
            yield path, command

    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        yield from walk(command, name)


def listed_and_reports() -> list[str]:
    """Every command with --json, or named list or show."""
    found = []
    for path, command in leaf_commands():
        options = {o for p in command.params for o in getattr(p, "opts", ())}
        if "--json" in options or path.split()[-1] in ("list", "show", "report"):
            found.append(path)
    return found


def _add_args(kind_name: str, ids: dict[str, str]) -> list[str]:
    kind = KINDS[kind_name]
    group = {"diagnosis": "diagnose"}.get(kind.name, kind.name)
    args = [group, "add"]
    for field in fields_of(kind):
        ftype, required = field.metadata["type"], field.metadata["required"]
        if field.name == "status" or (kind.name, field.name) == ("window", "recurrence"):
            continue
        if ftype in ("text", "list"):
            value = LABEL if (kind.name, field.name) == ("theme", "label") else NASTY
        elif not required:
            continue
        elif ftype == "choice":
            value = field.metadata["choices"][0]
        elif ftype == "date":
            value = {"due": "2026-11-27", "on": "2026-11-20"}[field.name] \
                if kind.name != "window" else "2026-12-01"
        elif ftype == "month":
            value = "2026-11"
        elif ftype.startswith("ref:"):
            value = ids[ftype[4:]]
        else:
            value = "3"
        if field.name == kind.argument:
            args.insert(2, value)
        else:
            args += [f"--{flag_of(field)}", value]
    return args


def _ics(title: str) -> str:
    """A weekly status meeting of six people, no agenda, titled `title`, over seven weeks."""
    escaped = title.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    people = "\r\n".join(f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:p{i}@example.com"
                         for i in range(6))
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//luckos tests//EN\r\n"
            "BEGIN:VEVENT\r\nUID:status-1\r\nDTSTAMP:20260101T000000Z\r\n"
            "DTSTART:20261006T140000Z\r\nDTEND:20261006T150000Z\r\n"
            "RRULE:FREQ=WEEKLY;COUNT=7\r\n"
            f"SUMMARY:{escaped}\r\nORGANIZER:mailto:p0@example.com\r\n"
            f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com\r\n{people}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> tuple[Luck, Path]:
    """A workspace with a record of every kind, every text field full of markup."""
    folder = tmp_path_factory.mktemp("brackets")
    luck = Luck(folder / "ws")
    luck.ok("init")
    ids: dict[str, str] = {}
    for name in KINDS:
        if name == "estimate":
            luck.ok("estimate", "run", "cold-start", "--samples", "2000", "--save", "--name",
                    NASTY, "--doc", NASTY)
        elif name == "reboot":
            luck.ok("reboot", "start", "--focus", NASTY, "--on", "2026-11-02")
        elif name == "evidence":  # made by an import: a document titled with markup
            (folder / "docs").mkdir()
            (folder / "docs" / "doc.md").write_text(f"---\ndate: 2026-11-20\n---\n# {NASTY}\n",
                                                    encoding="utf-8")
            luck.ok("import", "docs", str(folder / "docs"))
        elif name == "stakeholder":  # added per window, to a person
            luck.ok("window", "stakeholders", ids["window"], "add", ids["person"], "--role",
                    "decides")
            luck.ok("window", "stakeholders", ids["window"], "objection", ids["person"],
                    NASTY, "--on", "2026-11-20")
            luck.ok("decision", "stakeholders", ids["decision"], "add", ids["person"],
                    "--role", "vetoes")
            luck.ok("decision", "stakeholders", ids["decision"], "objection", ids["person"],
                    NASTY, "--on", "2026-11-20")
        else:
            ids[name] = luck.json(*_add_args(name, ids))["id"]
    luck.ok("promise", "add", NASTY + " late", "--to", NASTY, "--due", "2026-11-24",
            today="2026-11-10")
    luck.ok("promise", "keep", "p2")
    (folder / "cal.ics").write_text(_ics(NASTY), encoding="utf-8")
    (folder / "brief.md").write_text(f"---\nkind: brief\n---\n# {NASTY}\n\n{NASTY}\n",
                                     encoding="utf-8")
    luck.ok("calendar", "import", str(folder / "cal.ics"), "--from", "2026-10-05", "--to",
            "2026-11-22")
    return luck, folder


def test_every_list_and_report_is_run_here() -> None:
    runs = reports(Path("."))
    found = listed_and_reports()
    unknown = [p for p in found if p not in runs and p not in WRITES]
    assert unknown == [], "give these commands arguments in reports(), or list them in WRITES"
    assert [p for p in runs if p not in found] == []


def argv(path: str) -> list[str]:
    """The words of a command path, with w1 as the window of `window stakeholders` and d1
    the decision of `decision stakeholders`
    (the group's argument comes before its command)."""
    words = path.split()
    if words[:2] == ["window", "stakeholders"]:
        words.insert(2, "w1")
    if words[:2] == ["decision", "stakeholders"]:
        words.insert(2, "d1")
    return words


def _run_all(luck: Luck, folder: Path) -> dict[str, str]:
    outputs = {}
    for path, runs in reports(folder).items():
        for args in runs:
            result = luck(*argv(path), *args)
            text = result.stdout + result.stderr
            assert result.exit_code in (0, 1), (path, args, text)
            assert "Traceback" not in text and "MarkupError" not in text, (path, text)
            outputs[" ".join([path, *args])] = ANSI.sub("", result.stdout)
    return outputs


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Print as for a terminal 300 columns wide (TTY_COMPATIBLE=1, which Rich reads too)."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("LINES", "10000")
    monkeypatch.setattr(output_module, "_CONSOLE", None)


def test_markup_in_records_prints_as_typed_on_a_terminal_and_piped(
        full: tuple[Luck, Path], terminal: None, monkeypatch: pytest.MonkeyPatch) -> None:
    luck, folder = full
    on_terminal = _run_all(luck, folder)
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    piped = _run_all(luck, folder)
    # the terminal form really is the terminal's: Rich's tables
    assert "┏" in on_terminal["promise list"] and "┏" not in piped["promise list"]
    for name, text in on_terminal.items():
        # as often on a terminal as piped: never eaten, never garbled
        assert text.count(NASTY) == piped[name].count(NASTY), (name, text)
        assert text.count(LABEL) == piped[name].count(LABEL), (name, text)
    # and every report that shows these records shows the text
    shown = {name.split(" /")[0] for name, text in piped.items()
             if NASTY in text or LABEL in text}
    assert shown == {name.split(" /")[0] for name in piped} - NO_USER_TEXT


# Reports with no record text in them on this workspace: the rules and kinds of
# documents, starter models, lint findings (they quote no text), the estimate's model
# title, figures by week and by quarter, the schedule norms of luck.toml, the doctor's
# report on a healthy workspace, the model's settings, prompts and calls, luck.toml's
# settings.
NO_USER_TEXT = {"doc kinds", "doc kinds brief", "doc rules", "doc lint", "estimate models",
                "estimate run est1", "glue weeks", "surface", "calendar history",
                "calendar norms", "doctor", "ai status", "ai prompts", "ai log",
                "config show"}


def test_a_search_match_is_highlighted_with_a_style_not_with_brackets(
        full: tuple[Luck, Path], terminal: None) -> None:
    luck, _ = full
    shown = luck.ok("search", "cache", "zebra").stdout  # zebra: every record; cache: none
    raw = luck.ok("search", "zebra").stdout
    row = next(r for r in raw.splitlines() if r.startswith("│ n1"))
    assert "zebra" in ANSI.sub("", row)
    assert "[zebra]" not in ANSI.sub("", row)
    assert re.search(r"\x1b\[[0-9;]*m+zebra\x1b\[0m", row), row  # styled in place
    assert "nothing matches" in shown


def test_a_search_match_is_in_brackets_when_piped_and_in_json(luck: Luck) -> None:
    luck.ok("note", "add", "Fix the cache pre-warm script")
    assert "Fix the [cache] pre-warm script" in luck.ok("search", "cache").stdout
    assert luck.json("search", "cache")[0]["snippet"] == "Fix the [cache] pre-warm script"


def _pty_run(home: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the installed `luck` with a real terminal as its stdin, stdout and stderr."""
    leader, follower = pty.openpty()
    environment = {**subprocess_env(home), "COLUMNS": "200", "LINES": "50", **(env or {})}
    process = subprocess.Popen([str(LUCK_EXE), "--today", TODAY_TEXT, *args], stdin=follower,
                               stdout=follower, stderr=follower, env=environment)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return process.wait(timeout=60), out.decode("utf-8", "replace").replace("\r\n", "\n")


def test_on_a_real_terminal_brackets_print_as_typed(full: tuple[Luck, Path]) -> None:
    luck, _ = full
    for args in (("promise", "list"), ("ledger",), ("review",), ("search", "zebra")):
        code, out = _pty_run(luck.home, *args, env={"LUCK_PAGER": ""})
        assert code == 0, out
        assert "Traceback" not in out
        assert "┏" in out  # the terminal's tables, not the piped text
        assert NASTY in ANSI.sub("", out), (args, out)


def test_json_keeps_the_text_whole(full: tuple[Luck, Path]) -> None:
    luck, _ = full
    assert luck.json("promise", "list")[0]["what"] in (NASTY, NASTY + " late")
    assert {h["title"] for h in luck.json("search", "zebra")} >= {NASTY}


def test_show_output_is_parsed_as_json_by_tools(full: tuple[Luck, Path]) -> None:
    luck, _ = full
    assert json.loads(luck.ok("note", "show", "n1", "--json").stdout)["body"] == NASTY


def test_commands_that_write_print_markup_as_text_on_a_terminal(luck: Luck,
                                                                terminal: None) -> None:
    shown = luck.ok("reboot", "start", "--focus", NASTY).stdout
    assert f"90-day reboot rb1: {NASTY}, " in ANSI.sub("", shown)
    shown = luck.ok("estimate", "run", "cold-start", "--samples", "2000", "--save",
                    "--name", NASTY).stdout
    assert f"saved est1: {NASTY}" in ANSI.sub("", shown)
    luck.ok("project", "add", NASTY)
    assert "Seven quiet heuristics: 14 of 14" in ANSI.sub(
        "", luck.ok("project", "score", "pj1", *"2222222").stdout)
    shown = luck.ok("promise", "add", "[/v2/orders] [draft]", "--to", "[red]", "--due",
                    "fri").stdout
    assert shown == "added p1: [/v2/orders] [draft], due Fri 2026-11-27\n"
    assert "p1 kept: [/v2/orders] [draft]" in luck.ok("promise", "keep", "p1").stdout
