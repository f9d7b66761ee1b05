"""`luck check`: each invariant with a workspace that breaks it and one that keeps it.

The clock is fixed (--today 2026-11-25, a Wednesday); `--only ID` runs one invariant, so
the exit code speaks for that invariant alone.
"""

from __future__ import annotations

import json
import types
from pathlib import Path

import pytest

from tests.conftest import Luck


def only(luck: Luck, invariant: str, today: str = "2026-11-25") -> tuple[int, dict]:
    code, results = luck.check("--only", invariant, today=today)
    assert list(results) == [invariant]
    return code, results[invariant]


def refs(result: dict) -> list[str]:
    return [i["ref"] for i in result["items"] if i["ref"]]


# --- window-prep -------------------------------------------------------------------------


def test_window_within_prep_lead_without_brief_or_demo_breaks(luck: Luck) -> None:
    luck.ok("window", "add", "FY27 planning", "--on", "2026-11-30", "--kind", "planning")
    code, r = only(luck, "window-prep")
    assert (code, r["state"]) == (1, "broken")
    assert refs(r) == ["w1"]
    assert "no two-pager and no demo" in r["items"][0]["text"]
    assert r["section"].startswith("Luck Surface Area, Version 2.0")
    assert "luck artifact add" in r["next"]


def test_window_with_brief_and_demo_keeps(luck: Luck) -> None:
    luck.ok("window", "add", "FY27 planning", "--on", "2026-11-30")
    luck.ok("artifact", "add", "FY27 two-pager", "--kind", "brief", "--window", "w1",
            "--on", "2026-11-20")
    code, r = only(luck, "window-prep")
    assert (code, r["state"]) == (1, "broken")  # the demo is still missing
    assert "no demo" in r["items"][0]["text"]
    luck.ok("artifact", "add", "FY27 demo", "--kind", "demo", "--window", "w1",
            "--on", "2026-11-21")
    code, r = only(luck, "window-prep")
    assert (code, r["state"]) == (0, "ok")


def test_window_outside_its_prep_lead_keeps_and_names_the_next(luck: Luck) -> None:
    luck.ok("window", "add", "Headcount", "--on", "2026-12-20", "--prep-lead", "7")
    code, r = only(luck, "window-prep")
    assert (code, r["state"]) == (0, "ok")
    assert "w1 Headcount on 2026-12-20, prep due 2026-12-13" in r["finding"]
    code, r = only(luck, "window-prep", today="2026-12-14")
    assert (code, r["state"]) == (1, "broken")


def test_no_windows_is_not_checked(luck: Luck) -> None:
    code, r = only(luck, "window-prep")
    assert (code, r["state"]) == (0, "not_checked")
    assert r["finding"] == "no decision windows recorded"


# --- brief-lints -------------------------------------------------------------------------


def test_brief_lints_without_the_linter_is_not_checked(luck: Luck,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "luckos.writing.lint", None)
    luck.ok("window", "add", "FY27 planning", "--on", "2026-11-30", "--doc", "docs/fy27.md")
    code, r = only(luck, "brief-lints")
    assert (code, r["state"]) == (0, "not_checked")
    assert "doc linter is not installed" in r["finding"]


def _fake_linter(monkeypatch: pytest.MonkeyPatch, calls: list) -> None:
    """A stand-in for luckos.writing.lint: an error unless the text names a decision."""
    def lint_text(text: str, *, kind: str | None = None, config: object = None) -> list:
        calls.append((text, kind))
        if "Decision asked" in text:
            return [types.SimpleNamespace(severity="suggestion", message="vague: soon")]
        return [types.SimpleNamespace(severity="error", message="no decision asked",
                                      rule="brief-decision", line=1)]

    module = types.ModuleType("luckos.writing.lint")
    module.lint_text = lint_text  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "luckos.writing.lint", module)


def test_brief_that_fails_the_linter_breaks_and_a_clean_one_keeps(
        luck: Luck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    _fake_linter(monkeypatch, calls)
    luck.ok("window", "add", "FY27 planning", "--on", "2026-11-30")
    brief = luck.home / "docs" / "fy27.md"
    brief.write_text("# FY27\n\nThree options.\n", encoding="utf-8")
    luck.ok("artifact", "add", "FY27 two-pager", "--kind", "brief", "--window", "w1",
            "--link", "docs/fy27.md", "--on", "2026-11-20")
    code, r = only(luck, "brief-lints")
    assert (code, r["state"]) == (1, "broken")
    assert refs(r) == ["w1"]
    assert "no decision asked [brief-decision]" in r["items"][0]["text"]
    assert calls == [("# FY27\n\nThree options.\n", "brief")]
    brief.write_text("# FY27\n\nDecision asked: Dana, by 2026-12-08.\n", encoding="utf-8")
    code, r = only(luck, "brief-lints")
    assert (code, r["state"]) == (0, "ok")  # a suggestion is not an error


def test_brief_link_to_a_missing_file_breaks_and_a_url_is_not_checked(
        luck: Luck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_linter(monkeypatch, [])
    luck.ok("window", "add", "FY27 planning", "--on", "2026-11-30",
            "--doc", "https://docs.example.com/fy27")
    code, r = only(luck, "brief-lints")
    assert (code, r["state"]) == (0, "not_checked")
    luck.ok("window", "link", "w1", str(tmp_path / "gone.md"))
    code, r = only(luck, "brief-lints")
    assert (code, r["state"]) == (1, "broken")
    assert "gone.md does not exist" in r["items"][0]["text"]


# --- promise-overdue ---------------------------------------------------------------------


def test_overdue_open_promise_breaks_kept_one_keeps(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the canary plan", "--to", "Dana", "--due", "2026-11-20",
            "--made-on", "2026-11-01")
    code, r = only(luck, "promise-overdue")
    assert (code, r["state"]) == (1, "broken")
    assert refs(r) == ["p1"]
    assert "5 days ago" in r["items"][0]["text"]
    luck.ok("promise", "keep", "p1", "--on", "2026-11-24")
    code, r = only(luck, "promise-overdue")
    assert (code, r["state"]) == (0, "ok")


def test_renegotiated_promise_keeps(luck: Luck) -> None:
    luck.ok("promise", "add", "Cost report", "--to", "Priya", "--due", "2026-11-20",
            "--made-on", "2026-11-01")
    luck.ok("promise", "renegotiate", "p1", "--due", "2026-12-04", "--on", "2026-11-18")
    code, r = only(luck, "promise-overdue")
    assert (code, r["state"]) == (0, "ok")


def test_promise_grace_days_from_luck_toml(luck: Luck) -> None:
    luck.ok("promise", "add", "Cost report", "--to", "Priya", "--due", "2026-11-20",
            "--made-on", "2026-11-01")
    text = (luck.home / "luck.toml").read_text(encoding="utf-8")
    (luck.home / "luck.toml").write_text(text.replace(
        "promise-overdue = { on = true, grace_days = 0 }",
        "promise-overdue = { on = true, grace_days = 7 }"), encoding="utf-8")
    code, r = only(luck, "promise-overdue")
    assert (code, r["state"]) == (0, "ok")
    code, r = only(luck, "promise-overdue", today="2026-11-28")
    assert (code, r["state"]) == (1, "broken")


# --- metric-readings ---------------------------------------------------------------------


def _theme_with_metrics(luck: Luck) -> None:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "conversion", "--theme", "t1", "--slot", "customer")
    luck.ok("metric", "add", "Friday pages", "--theme", "t1", "--slot", "reliability",
            "--good", "down")
    luck.ok("metric", "add", "p95 cold start", "--theme", "t1", "--slot", "speed",
            "--good", "down")


def test_metric_without_this_months_reading_breaks(luck: Luck) -> None:
    _theme_with_metrics(luck)
    for slot, value in (("customer", "3.1"), ("reliability", "4"), ("speed", "900")):
        luck.ok("metric", "read", "t1", slot, value, "--month", "2026-10",
                "--narrative", "It moved. Here is why.")
    code, r = only(luck, "metric-readings")
    assert (code, r["state"]) == (1, "broken")
    assert refs(r) == ["m1", "m2", "m3"]
    assert "no reading for 2026-11 (last 2026-10)" in r["items"][0]["text"]
    # in the first grace_days (7) of the month, last month's reading counts
    code, r = only(luck, "metric-readings", today="2026-11-05")
    assert (code, r["state"]) == (0, "ok")


def test_metric_read_this_month_keeps_and_no_narrative_breaks(luck: Luck) -> None:
    _theme_with_metrics(luck)
    for slot, value in (("customer", "3.1"), ("reliability", "4"), ("speed", "900")):
        luck.ok("metric", "read", "t1", slot, value, "--month", "2026-11",
                "--narrative", "It moved. Here is why.")
    code, r = only(luck, "metric-readings")
    assert (code, r["state"]) == (0, "ok")
    luck.ok("reading", "edit", "r3", "--narrative", " ")
    code, r = only(luck, "metric-readings")
    assert (code, r["state"]) == (1, "broken")
    assert refs(r) == ["r3"]
    assert "has no narrative" in r["items"][0]["text"]


def test_theme_missing_a_metric_slot_breaks(luck: Luck) -> None:
    luck.ok("theme", "add", "Cheap experiments")
    code, r = only(luck, "metric-readings")
    assert code == 1
    assert [i["text"] for i in r["items"]] == [
        "t1 Cheap experiments: no customer value metric defined",
        "t1 Cheap experiments: no reliability/safety metric defined",
        "t1 Cheap experiments: no speed/cost metric defined",
    ]


# --- explore-loop ------------------------------------------------------------------------


def test_explore_loop_behind_breaks(luck: Luck) -> None:
    luck.ok("explore", "add", "WASM prototype", "--kind", "weekend-prototype",
            "--on", "2026-09-01", "--learned", "cold start is in the loader")
    code, r = only(luck, "explore-loop")
    assert (code, r["state"]) == (1, "broken")
    assert "no explore entry in 31 days (last x1, 85d ago)" in r["finding"]
    assert "no talk yet" in r["finding"]
    assert "no paper reproduction or teardown yet" in r["finding"]


def test_explore_loop_on_cadence_keeps_and_a_talk_artifact_counts(luck: Luck) -> None:
    luck.ok("explore", "add", "WASM prototype", "--kind", "weekend-prototype",
            "--on", "2026-11-08", "--link", "notes/wasm.md")
    luck.ok("explore", "add", "Firecracker teardown", "--kind", "teardown", "--on", "2026-09-20",
            "--learned", "snapshots restore in 5 ms")
    luck.ok("artifact", "add", "Cold start at scale", "--kind", "talk", "--surface", "public",
            "--on", "2026-10-02")
    code, r = only(luck, "explore-loop")
    assert (code, r["state"]) == (0, "ok")
    assert refs(r) == ["x1", "a1", "x2"]


# --- maker-day ---------------------------------------------------------------------------


def _fake_calendar(luck: Luck, monkeypatch: pytest.MonkeyPatch, kept: list[bool]) -> None:
    """A real calendar imported (the check asks the store whether there is an audit
    before it loads one), then a stand-in for luckos.app.calendar with these weeks."""
    import datetime as dt

    from tests.calendar_audit.conftest import event, ics

    path = luck.home / "calendar.ics"
    path.write_text(ics(event("a", "20261103T100000", "20261103T110000")), encoding="utf-8",
                    newline="")
    luck.ok("calendar", "import", str(path), "--from", "2026-11-02", "--to", "2026-11-29")

    weeks = [types.SimpleNamespace(week_start=dt.date(2026, 11, 2) + dt.timedelta(weeks=n),
                                   meeting_hours=20.0 + n, maker_day_kept=k)
             for n, k in enumerate(kept)]
    module = types.ModuleType("luckos.app.calendar")
    module.latest_weeks = lambda ws: weeks  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "luckos.app.calendar", module)


def test_maker_day_without_the_calendar_audit_is_not_checked(
        luck: Luck, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "luckos.app.calendar", None)
    code, r = only(luck, "maker-day")
    assert (code, r["state"]) == (0, "not_checked")
    assert "calendar audit is not installed" in r["finding"]


def test_maker_day_broken_three_weeks_running_breaks(luck: Luck,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_calendar(luck, monkeypatch, [True, False, False, False])
    code, r = only(luck, "maker-day")
    assert (code, r["state"]) == (1, "broken")
    assert "broken 3 weeks running, up to the week of 2026-11-23" in r["finding"]


def test_maker_day_kept_last_week_keeps(luck: Luck, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_calendar(luck, monkeypatch, [False, False, False, True])
    code, r = only(luck, "maker-day")
    assert (code, r["state"]) == (0, "ok")


def test_maker_day_with_an_empty_audit_is_not_checked(luck: Luck,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_calendar(luck, monkeypatch, [])
    code, r = only(luck, "maker-day")
    assert (code, r["state"]) == (0, "not_checked")
    assert r["finding"] == "no calendar audit yet"


# --- glue-ratio --------------------------------------------------------------------------


def _glue(luck: Luck, unlocks: str | None) -> None:
    for day in ("2026-11-03", "2026-11-10", "2026-11-17"):
        extra = ["--unlocks", unlocks] if unlocks else ["--mechanism", "an FAQ"]
        luck.ok("glue", "add", "Status meeting", "--hours", "10", "--on", day, *extra)


def test_glue_that_unlocks_nothing_three_weeks_running_breaks(luck: Luck) -> None:
    _glue(luck, None)
    code, r = only(luck, "glue-ratio")
    assert (code, r["state"]) == (1, "broken")
    assert "took over 20% of the week 3 weeks running: 25%, 25%, 25%" in r["finding"]
    assert r["items"][0]["text"] == ("week of 2026-11-02: 10 h of glue that unlocks nothing "
                                     "/ 40 h = 25% (all glue 10 h)")


def test_glue_that_unlocks_a_deliverable_keeps(luck: Luck) -> None:
    _glue(luck, "checkout canary launch")
    code, r = only(luck, "glue-ratio")
    assert (code, r["state"]) == (0, "ok")


def test_glue_under_the_ratio_one_week_keeps(luck: Luck) -> None:
    _glue(luck, None)
    luck.ok("glue", "edit", "g2", "--hours", "6")  # 15% that week
    code, r = only(luck, "glue-ratio")
    assert (code, r["state"]) == (0, "ok")


# --- decision-review ---------------------------------------------------------------------


def test_decision_past_review_breaks_closed_keeps(luck: Luck) -> None:
    luck.ok("decision", "add", "Canary every deploy", "--on", "2026-08-10",
            "--review", "2026-11-10")
    code, r = only(luck, "decision-review")
    assert (code, r["state"]) == (1, "broken")
    assert refs(r) == ["d1"]
    luck.ok("decision", "close", "d1", "--outcome", "Two regressions caught")
    code, r = only(luck, "decision-review")
    assert (code, r["state"]) == (0, "ok")


# --- project-kill-review -----------------------------------------------------------------


def test_project_past_kill_review_breaks_and_a_continue_keeps(luck: Luck) -> None:
    luck.ok("project", "add", "Ephemeral stacks", "--started", "2026-10-12")
    code, r = only(luck, "project-kill-review")
    assert (code, r["state"]) == (1, "broken")  # 4 weeks (default_weeks) after the start
    assert r["items"][0]["text"] == "kill review was due 2026-11-09: Ephemeral stacks"
    luck.ok("project", "review", "pj1", "--enthusiasm", "--signal", "--landing",
            "--next", "2026-12-14", "--on", "2026-11-24")
    code, r = only(luck, "project-kill-review")
    assert (code, r["state"]) == (0, "ok")
    code, r = only(luck, "project-kill-review", today="2026-12-15")
    assert (code, r["state"]) == (1, "broken")  # the next kill review is due again


def test_project_paused_publicly_keeps(luck: Luck) -> None:
    luck.ok("project", "add", "Ephemeral stacks", "--started", "2026-10-12")
    luck.ok("project", "review", "pj1", "--no-enthusiasm", "--signal", "--landing",
            "--why", "No PM asked for it in six weeks", "--on", "2026-11-20")
    code, r = only(luck, "project-kill-review")
    assert (code, r["state"]) == (0, "ok")


# --- reboot ------------------------------------------------------------------------------


def test_reboot_with_checkpoints_past_their_weeks_breaks(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-10-26")  # week 5 on 2026-11-25
    code, r = only(luck, "reboot")
    assert (code, r["state"]) == (1, "broken")
    assert r["finding"] == "rb1: 9 checkpoints past their weeks"
    for number in range(1, 10):
        luck.ok("reboot", "done", str(number), "--on", "2026-11-20")
    code, r = only(luck, "reboot")
    assert (code, r["state"]) == (0, "ok")
    assert "week 5 of 12, 9 of 19 checkpoints done" in r["finding"]


def test_reboot_at_week_twelve_asks_for_the_post_mortem(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-09-07")
    for number in range(1, 19):
        luck.ok("reboot", "done", str(number), "--on", "2026-11-20")
    code, r = only(luck, "reboot")  # week 12 of 12
    assert (code, r["state"]) == (1, "broken")
    assert r["finding"] == "rb1: the one-page post-mortem is due"
    luck.ok("reboot", "postmortem", "Cheaper CI landed; next theme: flaky tests.")
    code, r = only(luck, "reboot")
    assert (code, r["state"]) == (0, "not_checked")  # no reboot running any more


# --- bench-action and diagnosis-age ------------------------------------------------------


def test_bench_action_older_than_a_quarter_breaks_recent_keeps(luck: Luck) -> None:
    code, r = only(luck, "bench-action")
    assert (code, r["finding"]) == (1, "no bench action recorded yet")
    luck.ok("bench", "add", "Lena", "--action", "sponsored", "--on", "2026-07-01",
            "--bet", "Lena leads the canary rollout")
    code, r = only(luck, "bench-action")
    assert (code, r["state"]) == (1, "broken")
    assert "no bench action in the last 92 days (last b1, 147 days ago)" in r["finding"]
    luck.ok("bench", "add", "Kofi", "--action", "placed", "--on", "2026-10-01")
    code, r = only(luck, "bench-action")
    assert (code, r["state"]) == (0, "ok")
    assert refs(r) == ["b2"]


PARAGRAPH = ("I keep checkout fast under load, and if I left for a month the cold starts "
             "would creep back. Nobody else holds the whole path from the edge to the auth "
             "service in their head, so the Friday pages would come back within weeks.")


def test_diagnosis_older_than_a_quarter_breaks_recent_keeps(luck: Luck) -> None:
    code, r = only(luck, "diagnosis-age")
    assert (code, r["state"]) == (1, "broken")
    luck.ok("diagnose", "--problem", PARAGRAPH, "--funders", PARAGRAPH, "--proof", PARAGRAPH,
            "--on", "2026-07-01")
    code, r = only(luck, "diagnosis-age")
    assert (code, r["state"]) == (1, "broken")
    assert r["finding"] == "the diagnosis dg1 is 147 days old (older than 92)"
    luck.ok("diagnose", "--problem", PARAGRAPH, "--funders", PARAGRAPH, "--proof", PARAGRAPH,
            "--on", "2026-11-01")
    code, r = only(luck, "diagnosis-age")
    assert (code, r["state"]) == (0, "ok")


# --- the whole run -----------------------------------------------------------------------


def test_story_workspace_breaks_what_it_should(story: Luck) -> None:
    code, results = story.check()
    assert code == 1
    states = {k: v["state"] for k, v in results.items()}
    assert states == {
        "window-prep": "ok", "brief-lints": "not_checked", "promise-overdue": "broken",
        "metric-readings": "broken", "explore-loop": "broken", "maker-day": "not_checked",
        "glue-ratio": "broken", "decision-review": "broken", "project-kill-review": "broken",
        "project-milestone": "ok", "reboot": "not_checked", "bench-action": "ok",
        "two-surfaces": "ok", "writing-habit": "broken", "fewer-bets": "ok",
        "diagnosis-age": "broken",
        # a sponsor since long ago, and no pre-wire nor calendar to show contact since
        "prewire-brief": "not_checked", "objection-open": "not_checked",
        "sponsor-contact": "broken",
        "stored-values": "ok",
    }
    assert refs(results["promise-overdue"]) == ["p49"]
    assert refs(results["project-kill-review"]) == ["pj2"]


def test_turned_off_in_luck_toml(luck: Luck) -> None:
    text = (luck.home / "luck.toml").read_text(encoding="utf-8")
    text = text.replace("bench-action = { on = true, days = 92 }", "bench-action = false")
    (luck.home / "luck.toml").write_text(text, encoding="utf-8")
    code, r = only(luck, "bench-action")
    assert (code, r["state"], r["finding"]) == (0, "off", "off in luck.toml ([check])")


def test_plain_output_and_quiet_for_cron(luck: Luck) -> None:
    luck.ok("bench", "add", "Kofi", "--action", "placed", "--on", "2026-10-01")
    result = luck("check", "--only", "bench-action", "--quiet")
    assert (result.exit_code, result.stdout) == (0, "")
    result = luck("check", "--only", "diagnosis-age", "--only", "bench-action")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "luck check, 2026-11-25: 1 broken, 1 ok"
    assert lines[1].startswith("BROKEN       diagnosis-age  the three questions have never")
    assert lines[-1].startswith("ok           bench-action   last bench action b1 55 days ago")
    assert any(line.strip() == "essay: Before You Optimize: Diagnose Your Career System"
               for line in lines)


def test_unknown_invariant_is_refused(luck: Luck) -> None:
    error = luck.fails("check", "--only", "maker-days")
    assert error.startswith("luck: error: unknown invariant 'maker-days' (known: window-prep,")


# --- what a check loads ------------------------------------------------------------------


def test_a_check_loads_no_rule_and_builds_no_record_for_what_is_not_recorded(luck: Luck
                                                                           ) -> None:
    # no project, reboot, diagnosis or stakeholder: their rules and the people module are
    # not loaded, and the stored values are checked without building every record class;
    # no calendar was imported, so the calendar audit is not loaded to find none
    from tests.conftest import TODAY_TEXT, loaded_after, subprocess_env

    luck.ok("promise", "add", "Ship it", "--to", "Priya", "--due", "2026-12-04")
    loaded = loaded_after(["--today", TODAY_TEXT, "check", "--json"],
                          ["luckos.domain.projects", "luckos.domain.reboot",
                           "luckos.domain.diagnosis", "luckos.app.people",
                           "luckos.domain.records.signal", "luckos.app.calendar",
                           "luckos.calendar.audit"], env=subprocess_env(luck.home))
    assert loaded.found == []


def test_sponsors_with_no_one_recorded_are_judged_by_their_start_without_the_people_rules(
        luck: Luck) -> None:
    # no person is recorded, so no sponsor names one: each is judged by the day they
    # became a sponsor, and the people rules are not loaded to match no one
    from tests.conftest import TODAY_TEXT, loaded_after, subprocess_env

    luck.ok("sponsor", "add", "Ken Adeyemi", "--since", "2026-11-02")
    luck.ok("sponsor", "add", "Lena Park", "--since", "2025-01-10")
    code, found = only(luck, "sponsor-contact")
    assert (code, found["state"]) == (1, "broken")
    assert [i["ref"] for i in found["items"]] == ["sp2"]
    assert found["items"][0]["text"].startswith("Lena Park: last contact 2025-01-10 (")
    loaded = loaded_after(["--today", TODAY_TEXT, "check", "--json"],
                          ["luckos.domain.people", "luckos.app.people"],
                          env=subprocess_env(luck.home))
    assert loaded.summary == "1 []"
    # once the sponsor is a recorded person, a pre-wire could count: the rules are used
    luck.ok("person", "add", "Ken Adeyemi")
    assert loaded_after(["--today", TODAY_TEXT, "check", "--json"], ["luckos.domain.people"],
                        env=subprocess_env(luck.home)).found == ["luckos.domain.people"]


def test_a_brief_that_is_not_there_is_reported_without_loading_the_linter(luck: Luck
                                                                        ) -> None:
    from tests.conftest import TODAY_TEXT, loaded_after, subprocess_env

    luck.ok("window", "add", "FY27 planning", "--on", "2026-11-30", "--doc", "docs/fy27.md")
    loaded = loaded_after(["--today", TODAY_TEXT, "check", "--json"], ["luckos.writing.lint"],
                          env=subprocess_env(luck.home))
    assert loaded.found == []
    code, r = only(luck, "brief-lints")
    assert (code, r["state"]) == (1, "broken")
    assert "docs/fy27.md does not exist" in r["items"][0]["text"]


def test_a_check_builds_no_packet_for_a_promotion_window_outside_its_prep_lead(luck: Luck
                                                                             ) -> None:
    # the review shows the packet's readiness for a promotion window within its horizon;
    # the check only for one within its prep lead, so it does not build the packet here
    from tests.conftest import TODAY_TEXT, loaded_after, subprocess_env

    luck.ok("window", "add", "Promotion committee", "--on", "2026-12-23", "--kind",
            "promotion")
    luck.ok("note", "add", "Shipped the canary plan", "--kind", "year-in-public",
            "--on", "2026-11-02")
    loaded = loaded_after(["--today", TODAY_TEXT, "check", "--json"], ["luckos.app.packet"],
                          env=subprocess_env(luck.home))
    assert loaded.found == []
    code, r = only(luck, "window-prep")
    assert (code, r["state"]) == (0, "ok")
    assert "w1 Promotion committee on 2026-12-23" in r["finding"]
    review = json.dumps(luck.json("review"))
    assert "packet (1 of 1 claims without evidence)" in review  # the review still shows it
