"""The private-note canary: an earned secret planted in a full workspace (the demo's 18
months) never shows up in anything meant to leave the machine.

The outputs are found in the code rather than listed by hand: every command option or
argument that names a file is classified below as an output that leaves the machine
(and is produced and searched here), an input, or a copy that stays with the owner; a
new one fails `test_every_file_option_is_classified` until it is. Every document kind
of the catalog is drafted and rendered. Last, every file the session left in the
workspace and in the output folder is searched, so a log or a stray copy is caught too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from luckos.writing.catalog import DOC_KINDS
from tests.conftest import Luck

TOKEN = "5b1d7c"  # in the planted note's body, title and tag
CANARY = (f"CANARY body {TOKEN}: the VP decides headcount in her one-to-ones, "
          "so the two-pager goes to her chief of staff first")

# (command, parameter) -> what the file is
LEAVES = {  # written by luckos, meant to be shared, mailed, published or synced
    ("export", "file"), ("feed", "file"), ("doc new", "out"), ("doc render", "out"),
    ("calendar audit", "charts"), ("estimate run", "png"), ("estimate new", "path"),
    ("packet", "out"),
    ("ai run", "out"),
}
INPUTS = {  # files luckos reads (or keeps a link to)
    ("import json", "file"), ("import git", "paths"), ("import docs", "folder"),
    ("calendar audit", "file"), ("calendar import", "file"), ("calendar deciders", "file"),
    ("doc lint", "paths"), ("doc lint", "config_path"), ("doc rules", "config_path"),
    ("doc render", "file"), ("reboot postmortem", "file"), ("estimate link", "doc"),
    ("estimate run", "doc"), ("redact", "files"),
}
STAYS = {  # a full copy for the owner, private notes included by design
    ("backup", "file"),
    ("demo", "folder"),  # a fictional workspace of its own
}
_FILE_NAMES = {"file", "out", "html", "png", "charts", "path", "paths", "doc", "folder",
               "config_path", "output_file"}


def _commands(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[
        tuple[str, click.Command]]:
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            assert sub is not None
            yield from _commands(sub, (*path, name))
    else:
        yield " ".join(path), command


def _file_parameters() -> set[tuple[str, str]]:
    from luckos.cli import cli

    found = set()
    for name, command in _commands(cli):
        for param in command.params:
            metavar = str(getattr(param, "metavar", "") or "")
            if (isinstance(param.type, click.Path | click.File) or param.name in _FILE_NAMES
                    or re.search(r"\b(PATH|FILE|DIR|OUT)\b", metavar)):
                found.add((name, str(param.name)))
    return found


def test_every_file_option_is_classified() -> None:
    assert _file_parameters() == LEAVES | INPUTS | STAYS


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Luck, Path]:
    """The demo workspace with the canary planted; `out` gets every shared output."""
    root = tmp_path_factory.mktemp("canary")
    Luck(root / "elsewhere").ok("demo", "--dir", str(root / "ws"))
    luck = Luck(root / "ws")
    luck.ok("note", "add", CANARY, "--kind", "earned-secret", "--title",
            f"CANARY title {TOKEN}", "--tag", f"canary-{TOKEN}", "--on", "2026-11-20")
    (root / "out").mkdir()
    return luck, root / "out"


def secrets(luck: Luck) -> list[str]:
    """What must not leak: the planted note, and the demo's own earned secrets."""
    notes = luck.json("note", "list", "--limit", "0")
    private = [n for n in notes if n["kind"] == "earned-secret"]
    assert len(private) >= 3 and any(TOKEN in n["body"] for n in private)
    return [TOKEN] + [n["body"][:60] for n in private]


def leaked(text: str, needles: list[str]) -> list[str]:
    return [needle for needle in needles if needle in text]


def test_the_export_leaves_private_notes_out_unless_asked(workspace) -> None:  # type: ignore[no-untyped-def]
    luck, out = workspace
    needles = secrets(luck)
    luck.ok("export", str(out / "export.json"))
    text = (out / "export.json").read_text()
    assert leaked(text, needles) == []
    assert json.loads(text)["private_left_out"] >= 3
    luck.ok("export", str(out / "export-redacted.json"), "--redact")
    assert leaked((out / "export-redacted.json").read_text(), needles) == []
    # the control: asked for, they are all there, so the needles do find them
    luck.ok("export", str(out.parent / "full-backup.json"), "--include-private")
    assert leaked((out.parent / "full-backup.json").read_text(), needles) == needles


def test_the_calendar_feed_holds_no_private_note(workspace) -> None:  # type: ignore[no-untyped-def]
    luck, out = workspace
    needles = secrets(luck)
    luck.ok("feed", str(out / "feed.ics"), "--past-days", "3660", "--days", "3660")
    assert "BEGIN:VEVENT" in (out / "feed.ics").read_text()
    assert leaked((out / "feed.ics").read_text(), needles) == []
    assert leaked(luck.ok("feed", "-").stdout, needles) == []
    assert leaked(luck.ok("feed", "-", "--redact").stdout, needles) == []


@pytest.mark.parametrize("kind", sorted(DOC_KINDS))
def test_no_drafted_document_and_no_rendered_page_holds_a_private_note(workspace,  # type: ignore[no-untyped-def]
                                                                      kind: str) -> None:
    luck, out = workspace
    needles = secrets(luck)
    for theme, window in (("t1", "w1"), ("t2", "w5")):
        draft = out / f"{kind}-{theme}.md"
        result = luck.ok("doc", "new", kind, "--theme", theme, "--window", window,
                         "--decider", "Grace", "--out", str(draft))
        assert draft.stat().st_size > 200
        assert leaked(draft.read_text() + result.stdout, needles) == []
        page = out / f"{kind}-{theme}.html"
        luck.ok("doc", "render", str(draft), "--html", str(page))
        assert leaked(page.read_text(), needles) == []
    printed = luck.ok("doc", "new", kind, "--theme", "t1", "--out", "-").stdout
    assert "#" in printed and leaked(printed, needles) == []


def test_charts_and_estimates_hold_no_private_note(workspace) -> None:  # type: ignore[no-untyped-def]
    luck, out = workspace
    needles = secrets(luck)
    charts = out / "charts"
    luck.ok("calendar", "audit", str(luck.home / "work-calendar.ics"), "--charts",
            str(charts), "--chart-format", "svg")
    luck.ok("estimate", "new", "cold-start", str(out / "model.toml"))
    luck.ok("estimate", "run", str(out / "model.toml"), "--png", str(out / "estimate.png"))
    written = [p for p in out.rglob("*") if p.is_file() and p.suffix in (".svg", ".png",
                                                                          ".toml")]
    assert len(written) >= 3
    for path in written:
        assert leaked(path.read_bytes().decode("utf-8", "replace"), needles) == [], path


@pytest.mark.parametrize("kind", ["weekly", "skip-level", "review", "promotion", "move"])
def test_no_packet_holds_a_private_note(workspace, kind: str) -> None:  # type: ignore[no-untyped-def]
    luck, out = workspace
    needles = secrets(luck)
    for fmt in ("md", "html"):
        path = out / f"packet-{kind}.{fmt}"
        luck.ok("packet", "--for", kind, "--format", fmt, "--out", str(path), "--force")
        assert path.stat().st_size > 200
        assert leaked(path.read_text(encoding="utf-8"), needles) == []
    for extra in ((), ("--redact",), ("--json",), ("--format", "html")):
        assert leaked(luck.ok("packet", "--for", kind, *extra).stdout, needles) == []


def test_no_file_left_behind_holds_a_private_note(workspace) -> None:  # type: ignore[no-untyped-def]
    # after the outputs above (whichever ran): every file in the workspace and the output
    # folder, logs and copies included, except the database and the owner's full backup
    luck, out = workspace
    needles = secrets(luck)
    luck.ok("export", str(out / "last-export.json"))
    allowed = {"luck.db", "luck.db-wal", "luck.db-shm"}
    files = [p for folder in (luck.home, out) for p in folder.rglob("*") if p.is_file()]
    assert len(files) > 3
    found = [str(p) for p in files if p.name not in allowed
             and leaked(p.read_bytes().decode("utf-8", "replace"), needles)]
    assert found == []
