"""The 90-day reboot and the pendulum's three-year arcs."""

from __future__ import annotations

from tests.conftest import Luck, workspace_state


def test_reboot_lays_out_twelve_dated_weeks(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-11-02", "--focus", "Cheaper CI")
    data = luck.json("reboot", "status")
    assert (data["week"], data["end"], data["total"], data["done"]) == (4, "2027-01-24", 19, 0)
    by_key = {c["key"]: c for c in data["checkpoints"]}
    assert by_key["terrain"]["due"] == "2026-11-15"  # the end of week 2
    assert by_key["terrain"]["state"] == "late"
    assert by_key["first-improvement"]["opens"] == "2026-11-16"
    assert by_key["first-improvement"]["state"] == "now"
    assert by_key["remove-meeting"]["weeks"] == [7, 8]
    assert by_key["post-mortem"]["due"] == "2027-01-24"
    text = luck.ok("reboot", "status").stdout
    assert "90-day reboot rb1: Cheaper CI, 2026-11-02 to 2027-01-24: week 4 of 12" in text
    assert "Weeks 3-4 (2026-11-16 to 2026-11-29): Land the first measurable improvement  <- now" \
        in text


def test_reboot_started_twice_is_refused_and_nothing_changes(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-11-02")
    before = workspace_state(luck.home)
    error = luck.fails("reboot", "start")
    assert error == ("luck: error: a reboot is already running (rb1, started 2026-11-02, week "
                     "4 of 12): finish it with `luck reboot postmortem` or `luck reboot stop`")
    assert workspace_state(luck.home) == before
    assert "add" not in luck.ok("reboot", "--help").stdout.split("Commands:")[1]


def test_checkpoints_done_undone_and_the_post_mortem(luck: Luck, tmp_path) -> None:  # type: ignore[no-untyped-def]
    luck.ok("reboot", "start", "--on", "2026-11-02")
    out = luck.ok("reboot", "done", "3", "--on", "2026-11-05").stdout
    assert out == ("rb1 checkpoint 3 (dependency-graph) done on 2026-11-05: Draw the "
                   "dependency graph\n")
    luck.ok("reboot", "done", "two-pager")
    assert luck.json("reboot", "show", "rb1")["done"] == ["dependency-graph@2026-11-05",
                                                          "two-pager@2026-11-25"]
    luck.ok("reboot", "done", "3", "--undo")
    assert luck.json("reboot", "show", "rb1")["done"] == ["two-pager@2026-11-25"]
    assert luck.fails("reboot", "done", "42") == (
        "luck: error: unknown checkpoint '42': use a number from 1 to 19 or a key such as "
        "dependency-graph (luck reboot status lists them)")
    assert "luck reboot postmortem" in luck.fails("reboot", "done", "post-mortem")
    empty = tmp_path / "pm.md"
    empty.write_text("\n", encoding="utf-8")
    assert luck.fails("reboot", "postmortem", "--file", str(empty)).endswith("is empty: write "
                                                                            "the one page first")
    page = tmp_path / "pm.md"
    page.write_text("# Cheaper CI\n\nCI time halved.\n", encoding="utf-8")
    luck.ok("reboot", "postmortem", "--file", str(page), "--on", "2027-01-25")
    data = luck.json("reboot", "status", "rb1", today="2027-01-25")
    assert data["running"] is False
    assert data["reboot"]["postmortem"] == str(page.resolve())
    assert next(c for c in data["checkpoints"] if c["key"] == "post-mortem")["state"] == "done"
    luck.fails("reboot", "status")  # nothing running
    # the next reboot may start after the last one ended
    assert luck.fails("reboot", "start", "--on", "2027-01-20", today="2027-01-26") == (
        "luck: error: the last reboot ended on 2027-01-25; start the next one after it")
    luck.ok("reboot", "start", today="2027-01-26")


def test_reboot_stop_needs_a_why(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-11-02")
    result = luck("reboot", "stop")
    assert result.exit_code == 2
    luck.ok("reboot", "stop", "--why", "re-org moved the team")
    assert "stopped on 2026-11-25: re-org moved the team" in luck.json(
        "reboot", "show", "rb1")["note"]


def test_arc_with_an_unknown_track_is_refused_and_nothing_changes(luck: Luck) -> None:
    before = workspace_state(luck.home)
    assert luck.fails("arc", "start", "--track", "pm", "--role", "Product") == (
        "luck: error: unknown arc track 'pm': choose one of ic, manager")
    assert luck.fails("arc", "add", "Product", "--track", "pm") == (
        "luck: error: invalid track 'pm': choose one of ic, manager")
    assert workspace_state(luck.home) == before


def test_arc_year_and_what_it_asks(luck: Luck) -> None:
    luck.ok("arc", "start", "--track", "ic", "--role", "Staff engineer, platform",
            "--on", "2025-03-03")
    data = luck.json("arc", "status")
    assert (data["year"], data["asks"], data["year_start"], data["year_end"]) == (
        2, "compound the wins", "2026-03-03", "2027-03-02")
    assert data["pendulum"] is None and data["reassess_bottleneck"] is True
    data = luck.json("arc", "status", today="2025-06-01")
    assert (data["year"], data["asks"]) == (1, "learn the altitude")
    data = luck.json("arc", "status", today="2027-03-03")
    assert (data["year"], data["asks"]) == (3, "build a bench and a successor")
    data = luck.json("arc", "status", today="2028-03-03")
    assert data["complete"] is True
    assert data["asks"] == "ask whether the bottleneck is now different"


def test_arc_bottleneck_and_the_pendulum(luck: Luck) -> None:
    luck.ok("arc", "start", "--track", "ic", "--role", "Staff engineer", "--on", "2025-03-03")
    out = luck.ok("arc", "assess", "coordination", "--why", "two teams, no hiring plan").stdout
    assert "the pendulum points toward manager" in out
    data = luck.json("arc", "status")
    assert data["script"].startswith("We're missing hiring and guardrails")
    assert data["reassess_bottleneck"] is False
    luck.ok("arc", "assess", "architecture")
    data = luck.json("arc", "status")
    assert data["script"] is None
    assert "stay on it" in data["pendulum"]
    assert luck.fails("arc", "assess", "politics") == (
        "luck: error: unknown bottleneck 'politics': choose one of coordination, architecture")


def test_a_new_arc_closes_the_last_one(luck: Luck) -> None:
    luck.ok("arc", "start", "--track", "ic", "--role", "Staff engineer", "--on", "2023-01-02")
    out = luck.ok("arc", "start", "--track", "manager", "--role", "EM, platform",
                  "--on", "2026-02-02").stdout
    assert out.splitlines()[0] == "ar1 (Staff engineer) ended 2026-02-01"
    arcs = luck.json("arc", "list")
    assert [(a["id"], a["ended_on"]) for a in arcs] == [("ar2", None), ("ar1", "2026-02-01")]
    assert luck.json("arc", "status")["arc"]["id"] == "ar2"
    assert luck.fails("arc", "start", "--track", "ic", "--role", "x", "--on", "2026-01-01") == (
        "luck: error: a new arc must start after the current one (ar2, started 2026-02-02)")


def test_status_with_none_running_points_at_the_last_finished_reboot(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-09-01", "--focus", "Faster cold-start")
    luck.ok("reboot", "stop", "--why", "the re-org changed the theme", today="2026-10-01")
    message = luck.fails("reboot", "status")
    assert message == ("luck: error: no reboot is running: start one with luck reboot start "
                       "[--on DATE] (the last one, rb1, ended 2026-10-01: luck reboot status rb1)")
