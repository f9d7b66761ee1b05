"""Rules computed once: the verdicts the text shows are in the --json and on the web page
too; a record's problems are collected, all of them, on every door; the invariants of
`luck check` are listed in one place."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from luckos.app.exchange import import_data, read_export
from luckos.config import CHECK_INVARIANTS, DEFAULT_TOML, Config
from luckos.domain import records as r
from luckos.domain.checks import INVARIANTS
from luckos.domain.fields import Problem
from luckos.domain.validate import rules_of, validate
from luckos.errors import Problems
from luckos.workspace import open_workspace
from tests.conftest import Luck, workspace_state

# --- the verdicts in the JSON -------------------------------------------------------------


def test_a_promise_kept_late_says_so_in_its_json_as_in_its_text(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the plan", "--to", "Priya", "--due", "2026-11-18",
            "--on", "2026-11-10")
    luck.ok("promise", "add", "Review the doc", "--to", "Dan", "--due", "2026-11-30",
            "--on", "2026-11-10")
    kept = luck.json("promise", "keep", "p1", "--on", "2026-11-23")
    assert (kept["id"], kept["outcome"], kept["days_late"]) == ("p1", "kept_late", 5)
    on_time = luck.json("promise", "keep", "p2", "--on", "2026-11-24")
    assert (on_time["outcome"], on_time["days_late"]) == ("kept_on_time", None)
    luck.ok("promise", "reopen", "p1")
    assert luck.ok("promise", "keep", "p1", "--on", "2026-11-23").stdout == (
        "p1 kept (5 days late: not a hit): Ship the plan\n")


def test_the_ledger_json_carries_days_to_due_and_the_trend_direction(luck: Luck) -> None:
    luck.ok("promise", "add", "Late one", "--to", "Priya", "--due", "2026-11-20",
            "--on", "2026-11-01")
    luck.ok("promise", "add", "Soon one", "--to", "Dan", "--due", "2026-11-27",
            "--on", "2026-11-01")
    ledger = luck.json("ledger")
    assert [(p["id"], p["days_to_due"], p["outcome"]) for p in ledger["overdue"]] == [
        ("p1", -5, "open")]
    assert [(p["id"], p["days_to_due"]) for p in ledger["due_soon"]] == [("p2", 2)]
    assert ledger["trend"] is None and ledger["trend_direction"] is None
    review = luck.json("review")
    assert review["ledger"] == ledger
    assert [p["days_to_due"] for p in review["overdue"]] == [-5]
    text = luck.ok("ledger").stdout
    assert "5d overdue" in text and "in 2d" in text


def test_the_glue_week_over_its_budget_is_in_the_json_as_in_the_table(luck: Luck) -> None:
    luck.ok("glue", "add", "Status meetings", "--hours", "12", "--on", "2026-11-10")
    luck.ok("glue", "add", "Onboarding", "--hours", "2", "--on", "2026-11-17",
            "--mechanism", "a runbook")
    data = luck.json("glue", "weeks", "--weeks", "2")
    assert [(w["week_start"], w["ratio"], w["over"]) for w in data["weeks"]] == [
        ("2026-11-09", 0.3, True), ("2026-11-16", 0.05, False)]
    rows = [line for line in luck.ok("glue", "weeks", "--weeks", "2").stdout.splitlines()
            if line.startswith("2026-11-")]
    assert [row.split()[-1] for row in rows] == ["over", "5%"]


# --- validation as values -----------------------------------------------------------------


def test_validate_returns_every_problem_of_a_record() -> None:
    promise = r.Promise(what="x", to_whom="y", made_on=dt.date(2026, 11, 20),
                        due=dt.date(2026, 11, 19), status="kept")
    assert validate(promise, Config()) == [
        Problem("due", "due date 2026-11-19 is before the promise was made (2026-11-20)"),
        Problem("landed_on", "a kept promise needs the date it ended (--ended)"),
    ]
    decision = r.Decision(title="d", confidence=1.5, options=("a", "b"), choice="c")
    assert validate(decision, Config()) == [
        Problem("confidence", "confidence 1.5 is out of range (0 to 1)"),
        Problem("choice", "choice 'c' is not one of the options"),
        Problem("review_on", "no review date: set one (--review) so the bet gets checked",
                warning=True),
    ]


def test_each_kind_s_rules_are_registered_with_its_record_kind() -> None:
    for cls in (r.Promise, r.Window, r.Theme, r.Reading, r.Decision, r.BenchEntry,
                r.Artifact, r.ExploreEntry, r.Estimate, r.GlueEntry, r.Project, r.Diagnosis,
                r.Arc, r.Stakeholder):
        name = next(name for name, kind in r.KINDS.items() if kind.cls is cls)
        assert rules_of(name) is not None, cls
    glue = r.GlueEntry(what="Everything", hours=200, on=dt.date(2026, 11, 20))
    assert [p.field for p in validate(glue, Config())] == ["hours", "mechanism"]


def test_the_cli_prints_a_line_for_each_problem_of_a_record(luck: Luck) -> None:
    before = workspace_state(luck.home)
    result = luck("decision", "add", "Canary", "--confidence", "2", "--option", "a",
                  "--choice", "b", "--on", "2026-11-20", "--review", "2026-11-01")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "luck: error: confidence 2 is out of range (0 to 1)",
        "luck: error: choice 'b' is not one of the options",
        "luck: error: review date 2026-11-01 is before the decision (2026-11-20)",
    ]
    assert workspace_state(luck.home) == before
    result = luck("decision", "add", "Canary", "--confidence", "2", "--option", "a",
                  "--choice", "b", "--on", "2026-11-20", "--review", "2026-11-01", "--json")
    assert result.exit_code == 2 and result.stderr == ""
    error = json.loads(result.stdout)["error"]
    assert (error["kind"], error["where"]) == ("invalid", "confidence")
    assert [(p["where"], p["message"]) for p in error["problems"]] == [
        ("confidence", "confidence 2 is out of range (0 to 1)"),
        ("choice", "choice 'b' is not one of the options"),
        ("review", "review date 2026-11-01 is before the decision (2026-11-20)"),
    ]
    assert error["message"].splitlines() == [p["message"] for p in error["problems"]]


def test_import_reports_every_problem_with_its_place_and_imports_nothing(
        luck: Luck, tmp_path: Path) -> None:
    for n in range(4):
        luck.ok("promise", "add", f"Promise {n}", "--to", "Priya", "--due", "2026-12-04",
                "--on", "2026-11-01")
    luck.ok("decision", "add", "Canary every deploy")
    path = tmp_path / "export.json"
    luck.ok("export", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["records"]["promise"][1]["due"] = "2026-10-01"  # before it was made
    data["records"]["promise"][3]["due"] = "9999-12-31"
    data["records"]["promise"][3]["status"] = "kept"  # and no date it ended
    data["records"]["promise"][2]["priority"] = "high"
    data["records"]["decision"][0]["confidence"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    target = Luck(tmp_path / "target")
    target.ok("init")
    before = workspace_state(target.home)
    result = target("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "luck: error: import: records.promise[1].due: due date 2026-10-01 is before the "
        "promise was made (2026-11-01)",
        "luck: error: import: records.promise[2] has an unknown field 'priority'",
        "luck: error: import: records.promise[3].due: due 9999-12-31 is out of range "
        "(1900-01-01 to 2199-12-31)",
        "luck: error: import: records.promise[3].ended_on: a kept promise needs the date "
        "it ended (--ended)",
        "luck: error: import: records.decision[0].confidence: confidence 7 is out of range "
        "(0 to 1)",
        "luck: error: import: 5 problems; nothing was imported",
    ]
    assert "Traceback" not in result.output
    assert workspace_state(target.home) == before
    ws = open_workspace(target.home)
    try:
        with pytest.raises(Problems) as caught:
            import_data(ws, read_export(path), replace=False)
    finally:
        ws.close()
    error = caught.value.as_json()["error"]
    assert error["kind"] == "invalid" and error["where"] == "records.promise[1].due"
    assert [p["where"] for p in error["problems"]] == [
        "records.promise[1].due", "records.promise[2].priority", "records.promise[3].due",
        "records.promise[3].ended_on", "records.decision[0].confidence", None]
    assert workspace_state(target.home) == before


# --- the invariants, listed once ----------------------------------------------------------


def test_check_names_the_invariants_that_luck_toml_configures(luck: Luck) -> None:
    result = luck("check", "--json")
    assert result.exit_code in (0, 1)
    reported = json.loads(result.stdout)["invariants"]
    configured = tomllib.loads(DEFAULT_TOML)["check"]
    assert [i["id"] for i in reported] == list(CHECK_INVARIANTS) == list(configured) == list(
        INVARIANTS)
    for i in reported:
        assert i["rule"] == CHECK_INVARIANTS[i["id"]][0] == INVARIANTS[i["id"]].rule
        assert f"# {i['id']}: {i['rule']}\n" in DEFAULT_TOML
    for name, setting in configured.items():
        defaults = {t.name: t.default for t in INVARIANTS[name].thresholds}
        assert setting == {"on": True, **defaults}
        assert dict(dict(Config().check.values)[name]) == defaults
