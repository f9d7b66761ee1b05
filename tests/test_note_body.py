"""A note's body from the argument, from standard input (`-`), or written in $EDITOR."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Luck, run_on_terminal


def test_dash_reads_the_body_from_standard_input(luck: Luck) -> None:
    text = "Regulators read the runbook index first.\n\nThen they ask who owns it.\n"
    added = luck.json("note", "add", "-", "--kind", "earned-secret", input=text)
    assert added["body"] == "Regulators read the runbook index first.\n\nThen they ask who owns it."
    assert luck.ok("win", "-", input="Spoke at the platform guild\n").stdout == (
        "added n2 to your year in public (Wed 2026-11-25)\n")
    assert luck.json("note", "show", "n2")["body"] == "Spoke at the platform guild"
    assert luck.fails("note", "add", "-", input="  \n") == (
        "luck: error: standard input was empty: no note added")


def test_no_body_off_a_terminal_names_the_dash(luck: Luck) -> None:
    assert luck.fails("note", "add") == (
        "luck: error: no note given: pass it as an argument, or `-` to read it from "
        "standard input")
    assert luck.fails("win") == (
        "luck: error: no win given: pass it as an argument, or `-` to read it from "
        "standard input")
    assert luck.json("note", "list") == []


def _editor(tmp_path: Path, text: str) -> dict[str, str]:
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\nprintf '{text}' > \"$1\"\n", encoding="utf-8")
    script.chmod(0o755)
    return {"EDITOR": str(script), "VISUAL": str(script)}


def test_no_body_on_a_terminal_opens_the_editor(luck: Luck, tmp_path: Path) -> None:
    code, output = run_on_terminal(luck.home, "note", "add", "--kind", "journal",
                                   env=_editor(tmp_path, "Pairing with Li unblocked the cache.\\n"))
    assert code == 0, output
    assert output.startswith("added n1: Pairing with Li unblocked the cache.")
    assert luck.json("note", "show", "n1")["body"] == "Pairing with Li unblocked the cache."


def test_an_empty_editor_adds_nothing(luck: Luck, tmp_path: Path) -> None:
    code, output = run_on_terminal(luck.home, "note", "add", env=_editor(tmp_path, "\\n"))
    assert (code, output.strip()) == (
        2, "luck: error: nothing was written in the editor: no note added")
    assert luck.json("note", "list") == []
