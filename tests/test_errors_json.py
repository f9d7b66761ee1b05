"""Errors are part of the interface: one line and exit 2 on a terminal; under --json the
same error as an object on stdout, `{"error": {"kind", "message", "where"}}`, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Luck, assert_refused

CASES = [  # (kind, where, command): each refused on an initialised workspace
    ("not-found", "p99", ("promise", "show", "p99")),
    ("invalid", "due", ("promise", "add", "Ship it", "--to", "Grace", "--due", "someday")),
    ("conflict", "p1", ("promise", "keep", "p1")),
]


def _with_a_kept_promise(luck: Luck) -> None:
    luck.ok("promise", "add", "Send the cost model", "--to", "Grace", "--due", "2026-11-30",
            "--on", "2026-11-01")
    luck.ok("promise", "keep", "p1", "--on", "2026-11-20")


@pytest.mark.parametrize(("kind", "where", "command"), CASES, ids=[c[0] for c in CASES])
def test_an_error_is_one_line_on_a_terminal_and_an_object_under_json(
        luck: Luck, kind: str, where: str, command: tuple[str, ...]) -> None:
    _with_a_kept_promise(luck)
    line = luck.fails(*command)
    message = line.removeprefix("luck: error: ")

    result = luck(*command, "--json")
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr == ""  # a script reads the object alone
    assert json.loads(result.stdout) == {
        "error": {"kind": kind, "message": message, "where": where}}


def test_the_messages_name_what_went_wrong(luck: Luck) -> None:
    _with_a_kept_promise(luck)
    assert luck.fails("promise", "show", "p99") == "luck: error: no promise p99"
    assert "invalid due 'someday'" in luck.fails("promise", "add", "x", "--to", "G",
                                                 "--due", "someday")
    assert luck.fails("promise", "keep", "p1") == \
        "luck: error: cannot keep p1: it was kept on 2026-11-20"


def test_a_duplicate_is_a_conflict_and_nothing_is_written(luck: Luck) -> None:
    luck.ok("theme", "add", "Fast cold starts", "--sentence", "Checkout starts fast.")
    luck.ok("metric", "add", "p95 cold start", "--theme", "t1", "--slot", "speed",
            "--unit", "ms")
    luck.ok("metric", "read", "t1", "speed", "900", "--month", "2026-10")
    error = json.loads(luck("metric", "read", "t1", "speed", "800", "--month", "2026-10",
                            "--json").stdout)["error"]
    assert error["kind"] == "conflict" and error["where"] == "r1"
    assert "already has a reading for 2026-10" in error["message"]
    assert [r["value"] for r in luck.json("reading", "list")] == [900]


def test_click_s_usage_errors_speak_json_too(luck: Luck) -> None:
    result = luck("promise", "list", "--bogus", "--json")
    assert result.exit_code == 2 and result.stderr == ""
    assert json.loads(result.stdout)["error"] == {
        "kind": "usage", "message": "No such option '--bogus'. (see luck promise list --help)",
        "where": "--bogus"}
    result = luck("promise", "list", "--limit", "lots", "--json")
    error = json.loads(result.stdout)["error"]
    assert result.exit_code == 2 and error["kind"] == "invalid" and error["where"] == "--limit"
    result = luck("promise", "show", "--json")
    error = json.loads(result.stdout)["error"]
    assert result.exit_code == 2 and error["kind"] == "usage"
    assert error["message"] == "luck promise show needs ID (see luck promise show --help)"
    # without --json the same mistakes stay one line on stderr
    assert_refused(luck("promise", "list", "--bogus"))


def test_json_after_a_double_dash_is_a_value_not_the_flag(luck: Luck) -> None:
    assert_refused(luck("promise", "show", "--", "--json"))


def test_a_missing_workspace_is_not_found(bare_luck: Luck) -> None:
    result = bare_luck("promise", "list", "--json")
    error = json.loads(result.stdout)["error"]
    assert result.exit_code == 2
    assert error["kind"] == "not-found" and error["where"] == str(bare_luck.home)
    assert error["message"].startswith("no luckos workspace at ")


def test_a_report_printed_before_the_refusal_keeps_stdout_one_document(luck: Luck,
                                                                      tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"# Runbook\n\n\xff\xfe broken\n")
    result = luck("doc", "lint", str(broken), "--json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)  # the lint report alone, its findings inside
    assert "error" not in report
    assert result.stderr.startswith("luck: error: 1 of 1 file could not be linted")
