"""`luck demo`: a workspace of its own whose first review tells a believable story."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Luck

TODAY = "2026-11-25"
SECRET = "resets on the hour"  # from the demo's private earned-secret note


# Every run names its workspace (--home) and, where the day matters, its date (--today).
RUN = Luck(None, today=None)


def luck(*args: str) -> str:
    result = RUN(*args)
    assert result.exit_code == 0, result.output
    return result.output


def luck_exit(*args: str) -> tuple[int, str, str]:
    """Run a command that may be refused (bad input is exit 2); returns code, out, err."""
    result = RUN(*args)
    return result.exit_code, result.stdout, result.stderr


def luck_json(*args: str, code: int = 0) -> dict | list:
    """Run a command that prints JSON and exits with `code` (1: an invariant broke)."""
    result = RUN(*args, "--json")
    assert result.exit_code == code, result.output
    return json.loads(result.output)


def build(folder: Path, real: Path, today: str = TODAY) -> dict:
    return json.loads(luck("--home", str(real), "--today", today, "demo", "--dir", str(folder),
                           "--json"))


@pytest.fixture(scope="module", params=[TODAY, "2027-02-28"])
def review(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("demo")
    return build(root / "demo", root / "real", request.param)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    build(root / "demo", root / "real")
    return root / "demo"


def test_review_shows_overdue_promises_and_the_week_ahead(review: dict) -> None:
    today = review["today"]
    assert len(review["overdue"]) == 2
    assert all(p["due"] < today and p["status"] == "open" for p in review["overdue"])
    assert {p["to"] for p in review["overdue"]} == {"Lena Park", "Grace Liu"}
    assert review["due"], "something is due in the days ahead"
    assert all(today <= p["due"] <= review["ahead"]["to"] for p in review["due"])


def test_review_shows_a_window_missing_its_demo_and_one_ready(review: dict) -> None:
    today = dt.date.fromisoformat(review["today"])
    soon = [w for w in review["windows"]
            if (dt.date.fromisoformat(w["on"]) - today).days <= 21]
    gap = [w for w in soon if w["missing"] == ["demo"]]
    assert gap, "a window within three weeks has its two-pager but no demo"
    assert gap[0]["window"]["name"] == "FY planning: engineering roadmap"
    assert gap[0]["brief"]["kind"] == "brief"
    assert gap[0]["state"] in ("due", "prep")
    assert gap[0]["prep_due"] == (dt.date.fromisoformat(gap[0]["on"])
                                  - dt.timedelta(days=7)).isoformat()
    ready = [w for w in review["windows"] if w["state"] == "ready"]
    assert [w["window"]["name"] for w in ready] == ["Quarterly budget review"]
    assert ready[0]["demo"]["kind"] == "demo"


def test_review_shows_a_stale_metric_and_a_decision_past_review(review: dict) -> None:
    month = review["today"][:7]
    stale = {s["metric"]["name"]: s for s in review["stale_metrics"]}
    assert "checkout p95 cold-start" in stale
    assert stale["checkout p95 cold-start"]["latest"]["month"] < month
    assert stale["checkout p95 cold-start"]["improving"] is True
    assert len(stale) < 6, "most metrics were read this month"
    due = review["decisions_due"]
    assert [d["title"] for d in due] == ["Open-source loadkit now"]
    assert due[0]["review_on"] < review["today"] and due[0]["outcome"] == ""


def test_review_shows_the_artifacts_and_signals_of_the_days_looked_back_over(
        review: dict) -> None:
    back = review["back"]
    assert (back["to"], back["days"]) == (review["today"], 7)
    artifacts, signals = back["artifacts"], back["signals"]
    assert {a["surface"] for a in artifacts} == {"public", "internal"}
    assert all(back["from"] <= a["on"] <= back["to"] for a in artifacts + signals)
    assert any(s["escalated"] for s in signals) and not all(s["escalated"] for s in signals)


def test_ledger_hit_rate_rises_over_the_quarters(demo: Path) -> None:
    data = json.loads(luck("--home", str(demo), "--today", TODAY, "ledger", "--json"))
    overall = data["overall"]
    assert 0 < overall["hit_rate"] < 1
    assert 100 <= overall["resolved"] + overall["renegotiated_early"] + overall["open"] <= 140
    for outcome in ("kept_late", "missed", "dropped", "renegotiated_early", "open"):
        assert overall[outcome] > 0, outcome
    rates = [q["hit_rate"] for q in data["quarters"] if q["resolved"]]
    assert len(rates) == 6
    assert (rates[-1] + rates[-2]) / 2 > (rates[0] + rates[1]) / 2 + 0.15
    assert data["trend"] > 0
    assert data["rolling"]["hit_rate"] > overall["hit_rate"]


def test_renegotiated_promises_point_at_their_successor(demo: Path) -> None:
    home = ["--home", str(demo), "--today", TODAY]
    renegotiated = json.loads(luck(*home, "promise", "list", "--status", "renegotiated",
                                   "--limit", "0", "--json"))
    assert len(renegotiated) >= 3
    for old in renegotiated:
        new = json.loads(luck(*home, "promise", "show", old["renegotiated_to"], "--json"))
        assert new["what"] == old["what"] and new["to"] == old["to"]
        assert old["ended_on"] <= old["due"] < new["due"]


def test_demo_records_cover_every_kind(demo: Path) -> None:
    home = ["--home", str(demo), "--today", TODAY]
    artifacts = json.loads(luck(*home, "artifact", "list", "--limit", "0", "--json"))
    assert len(artifacts) >= 20
    assert {a["surface"] for a in artifacts} == {"public", "internal"}
    testimonials = json.loads(luck(*home, "testimonial", "list", "--limit", "0", "--json"))
    assert any(t["on"] >= "2026-11-18" and t["hours"] for t in testimonials)
    bench = json.loads(luck(*home, "bench", "list", "--json"))
    assert {b["action"] for b in bench} == {"unblocked", "promoted", "placed", "sponsored"}
    assert all(b["bet"] for b in bench)
    assert len(json.loads(luck(*home, "sponsor", "list", "--json"))) == 2
    notes = json.loads(luck(*home, "note", "list", "--json"))
    assert {n["kind"] for n in notes} == {"journal", "year-in-public", "earned-secret"}
    theme = json.loads(luck(*home, "theme", "show", "t1", "--json"))
    assert theme["label"] == "Faster cold-start"
    readings = json.loads(luck(*home, "reading", "list", "--limit", "0", "--json"))
    first = [r for r in readings if r["metric_id"] == "m1"]
    assert len(first) == 15
    assert all(r["narrative"].count(". ") >= 1 for r in readings), "two sentences each"


def test_export_leaves_the_earned_secret_out(demo: Path, tmp_path: Path) -> None:
    home = ["--home", str(demo), "--today", TODAY]
    shared = tmp_path / "shared.json"
    assert "private notes left out" in luck(*home, "export", str(shared))
    text = shared.read_text(encoding="utf-8")
    assert SECRET not in text
    assert json.loads(text)["private_left_out"] >= 1
    full = tmp_path / "full.json"
    luck(*home, "export", "--include-private", str(full))
    assert SECRET in full.read_text(encoding="utf-8")


def test_building_twice_gives_the_same_records(tmp_path: Path) -> None:
    folder, real = tmp_path / "demo", tmp_path / "real"
    exports, calendars, audits = [], [], []
    for run in range(2):
        build(folder, real)
        path = tmp_path / f"export-{run}.json"
        luck("--home", str(folder), "export", "--include-private", str(path))
        exports.append(json.loads(path.read_text(encoding="utf-8"))["records"])
        calendars.append((folder / "work-calendar.ics").read_bytes())
        audits.append(luck_json("--home", str(folder), "calendar", "history"))
    assert exports[0] == exports[1]
    assert calendars[0] == calendars[1] and audits[0] == audits[1]
    assert sum(len(rows) for rows in exports[0].values()) > 250
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_refuses_to_replace_a_workspace_that_is_not_a_demo(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    luck("--home", str(mine), "init")
    luck("--home", str(mine), "promise", "add", "Ship the migration plan", "--to", "Grace",
         "--due", "2026-12-01")
    code, out, err = luck_exit("--home", str(tmp_path / "real"), "--today", TODAY,
                               "demo", "--dir", str(mine))
    assert code == 2
    assert err.startswith("luck: error: ") and "not a demo" in err
    assert len(err.strip().splitlines()) == 1 and out == ""
    listed = json.loads(luck("--home", str(mine), "promise", "list", "--json"))
    assert [p["what"] for p in listed] == ["Ship the migration plan"]


def test_rebuilds_a_demo_left_by_another_luckos_version(tmp_path: Path) -> None:
    """A demo folder written by a newer or older luckos is still a demo: rebuilt, not
    refused, and not migrated (no backup file) just to find out what it is."""
    import sqlite3

    from luckos.store import SCHEMA_VERSION

    folder, real = tmp_path / "demo", tmp_path / "real"
    for version in (SCHEMA_VERSION + 1, SCHEMA_VERSION - 1):
        build(folder, real)
        connection = sqlite3.connect(folder / "luck.db")
        connection.execute(f"PRAGMA user_version = {version}")
        connection.close()
        assert build(folder, real)["today"] == TODAY
        assert not list(folder.glob("*.bak")) and not list(folder.glob("backups/*"))
        connection = sqlite3.connect(folder / "luck.db")
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        connection.close()


def test_refuses_the_real_workspace_and_a_folder_of_other_files(tmp_path: Path) -> None:
    real = tmp_path / "real"
    code, _, err = luck_exit("--home", str(real), "demo", "--dir", str(real))
    assert code == 2 and "real workspace" in err
    code, _, err = luck_exit("--home", str(real / "luckos"), "demo", "--dir", str(real))
    assert code == 2 and "real workspace" in err, "a folder holding the real workspace"
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "thesis.md").write_text("years of work\n", encoding="utf-8")
    code, _, err = luck_exit("--home", str(real), "demo", "--dir", str(papers))
    assert code == 2 and "not empty" in err
    assert [p.name for p in papers.iterdir()] == ["thesis.md"]
    assert not real.exists()


def test_a_failed_rebuild_keeps_the_previous_demo(tmp_path: Path, monkeypatch) -> None:
    from luckos.demo import build as demo_app

    folder = tmp_path / "demo"
    build(folder, tmp_path / "real")

    def broken(self: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_app._Builder, "add_notes", broken)
    with pytest.raises(RuntimeError):
        demo_app.build_demo(folder, dt.date(2026, 11, 25), tmp_path / "real")
    assert "Lena Park" in luck("--home", str(folder), "--today", TODAY, "review")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is how Linux places data")
def test_default_folder_sits_beside_the_real_workspace(tmp_path: Path) -> None:
    result = RUN("demo", today=TODAY, env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "luckos" / "demo" / "luck.db").exists()
    assert not (tmp_path / "luckos" / "luck.db").exists(), "the real workspace is untouched"
    assert f"luck --home {tmp_path / 'luckos' / 'demo'} ledger" in result.output


def test_installed_luck_demo_prints_the_weekly_review(tmp_path: Path) -> None:
    executable = Path(sys.executable).parent / "luck"
    done = subprocess.run(
        [str(executable), "--home", str(tmp_path / "real"), "--today", TODAY, "demo", "--dir",
         str(tmp_path / "demo")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    for heading in ("Weekly review, Wed 25 Nov 2026",
                    "Ahead: Thu 26 Nov – Wed 2 Dec · Back: Thu 19 – Wed 25 Nov",
                    "Overdue promises", "Due today and ahead (to 2026-12-02)",
                    "Next decision windows", "Metrics with no reading for 2026-11",
                    "Decisions past their review date", "Credibility",
                    "Artifacts, Thu 19 – Wed 25 Nov", "Routing signals, Thu 19 – Wed 25 Nov"):
        assert heading in done.stdout, heading
    assert "6d overdue" in done.stdout
    assert "FY planning: engineering roadmap" in done.stdout


# --- the operating loop, the rough math and the calendar ---------------------------------


def test_check_breaks_on_what_the_demo_left_undone_and_holds_the_rest(demo: Path) -> None:
    report = luck_json("--home", str(demo), "--today", TODAY, "check", code=1)
    state = {i["id"]: i for i in report["invariants"]}
    broken = {i for i, found in state.items() if found["state"] == "broken"}
    assert broken == {"promise-overdue", "metric-readings", "explore-loop", "decision-review",
                      "project-kill-review"}
    held = {i for i, found in state.items() if found["state"] == "ok"}
    assert {"window-prep", "maker-day", "glue-ratio", "bench-action", "diagnosis-age"} <= held
    assert state["reboot"]["state"] == "not_checked", "the only reboot ended a year ago"
    assert [i["ref"] for i in state["project-kill-review"]["items"]] == ["pj4"]
    explore = state["explore-loop"]
    assert "no explore entry in 31 days" in explore["finding"] and "36d ago" in explore["finding"]
    assert "talk" not in explore["finding"] and "teardown" not in explore["finding"]
    assert "broken 2 week(s) running, under 3" in state["maker-day"]["finding"]
    assert "58 days old" in state["diagnosis-age"]["finding"]


def test_stay_or_move_answers_from_the_demo_records(demo: Path) -> None:
    report = luck_json("--home", str(demo), "--today", TODAY, "stay-or-move")
    assert report["calendar"] == "read"
    answers = {a["key"]: a for a in report["answers"]}
    refs = {key: [e["ref"] for e in a["evidence"]] for key, a in answers.items()}
    assert answers["flagship"]["answer"] == "yes" and refs["flagship"] == ["pj2"]
    assert answers["scope-or-glue"]["answer"] == "more scope than glue"
    assert "4 pieces of glue that unlock nothing" in answers["scope-or-glue"]["summary"]
    assert sum(1 for r in refs["scope-or-glue"] if r.startswith("g")) == 4
    assert answers["surface"]["answer"] == "yes" and refs["surface"] == ["t1", "t2"]
    assert "dg1" in refs["problem"]
    weeks = luck_json("--home", str(demo), "--today", TODAY, "calendar", "audit")["weeks"]
    latest = sum(w["meeting_hours"] for w in weeks[-4:]) / 4
    hours = [e["text"] for e in answers["flat"]["evidence"] if "meeting hours" in e["text"]]
    assert hours == [f"{latest:.1f} meeting hours a week over the 4 latest audited weeks "
                     f"(from {weeks[-4]['week_start']})"]


def test_loop_records_tell_one_story(demo: Path) -> None:
    home = ["--home", str(demo), "--today", TODAY]
    arc = luck_json(*home, "arc", "status")
    assert (arc["arc"]["track"], arc["year"], arc["asks"]) == ("ic", 2, "compound the wins")
    assert arc["arc"]["bottleneck"] == "architecture" and arc["arc"]["assessed_on"] < TODAY
    diagnosis = luck_json(*home, "diagnose", "show", "dg1")
    for answer in ("problem", "funders", "proof"):
        assert len(diagnosis[answer].split()) >= 30 and diagnosis[answer].count(". ") >= 1
    reboot = luck_json(*home, "reboot", "show", "rb1")
    assert reboot["ended_on"] < "2026-01-31" and "What did not" in reboot["postmortem"]
    glue = luck_json(*home, "glue", "list", "--limit", "0")
    assert 18 <= len(glue) <= 24 and all(g["on"] >= "2026-08-25" for g in glue)
    substitutes = [g for g in glue if not g["unlocks"] and not g["project_id"]]
    assert 0 < len(substitutes) < len(glue) / 4
    assert all(g["mechanism"] for g in substitutes)
    projects = {p["id"]: p for p in luck_json(*home, "project", "list")}
    assert len(projects) == 4
    assert projects["pj1"]["ended_on"] and projects["pj2"]["kill_review_on"] > TODAY
    assert (projects["pj2"]["outcome"], projects["pj2"]["flagship"]) == ("continue", True)
    assert projects["pj3"]["outcome"] == "pause-publicly" and projects["pj3"]["why"]
    assert projects["pj4"]["outcome"] == "" and projects["pj4"]["kill_review_on"] < TODAY
    kinds = {x["kind"] for x in luck_json(*home, "explore", "list", "--limit", "0")}
    assert kinds == {"weekend-prototype", "talk", "paper-reproduction", "teardown"}


def test_the_saved_estimate_is_the_essays_pitch_linked_to_its_theme(demo: Path) -> None:
    home = ["--home", str(demo), "--today", TODAY]
    saved = luck_json(*home, "estimate", "list")
    assert len(saved) == 1
    estimate = saved[0]
    assert (estimate["theme_id"], estimate["window_id"]) == ("t1", "w1")
    assert estimate["pitch"].startswith("We can cut p95 cold-start from 1.8 s to 650 ms")
    assert "≈$400k/qtr" in estimate["pitch"] and estimate["unit"] == "$/qtr"
    assert 350_000 < estimate["mean"] < 450_000 and estimate["samples"] <= 5000
    rerun = luck_json(*home, "estimate", "run", "est1")
    assert rerun["headline"]["mean"] == estimate["mean"], "a saved estimate reproduces itself"


def test_calendar_history_shows_one_import_of_the_file_in_the_demo(demo: Path) -> None:
    home = ["--home", str(demo), "--today", TODAY]
    history = luck_json(*home, "calendar", "history")
    assert len(history) == 1
    kept = history[0]
    assert kept["source"] == str((demo / "work-calendar.ics").resolve())
    assert (kept["window"]["from"], kept["window"]["to"]) == ("2026-10-19", "2026-11-29")
    assert (kept["maker_day"], kept["maker_days_kept"], kept["maker_days_judged"]) == (
        "wednesday", 4, 6)
    assert kept["proposed_maker_day"] == "wednesday"
    assert 6 <= kept["meeting_hours_per_week"] <= 12
    audit = luck_json(*home, "calendar", "audit")
    assert audit["counted"]["declined"] >= 1 and audit["counted"]["focus"] >= 6
    lost = [w["week_start"] for w in audit["weeks"] if w["maker_day_state"] == "lost"]
    assert lost == ["2026-11-16", "2026-11-23"]


def test_a_rebuild_that_fails_at_the_calendar_keeps_the_previous_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from luckos.demo import calendar as demo_calendar

    folder = tmp_path / "demo"
    build(folder, tmp_path / "real")
    before = (folder / "work-calendar.ics").read_bytes()

    def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_calendar, "import_calendar", broken)
    with pytest.raises(RuntimeError):
        build_demo_at(folder, tmp_path / "real", dt.date(2026, 12, 9))
    assert (folder / "work-calendar.ics").read_bytes() == before
    assert len(luck_json("--home", str(folder), "calendar", "history")) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


def build_demo_at(folder: Path, real: Path, today: dt.date) -> None:
    from luckos.demo import build as demo_app

    demo_app.build_demo(folder, today, real).close()


def test_the_demo_holds_its_calendar_to_schedule_norms_it_can_share(demo: Path) -> None:
    norms = luck_json("--home", str(demo), "calendar", "norms")
    assert norms["no_meeting_hours"] == ["12:00-13:00", "friday 14:00-17:00"]
    assert norms["office_hours"] == ["thursday 15:00-16:00"]
    audit = luck_json("--home", str(demo), "--today", TODAY, "calendar", "audit",
                      str(demo / "work-calendar.ics"))
    broken = {b["norm"]: b for b in audit["findings"]["norm_breaks"]}
    # the Friday demo hour sits in the no-meeting afternoon every week
    assert any(b["when"] == "Fridays 14:00-17:00" and "Checkout demo hour" in str(b)
               for b in audit["findings"]["norm_breaks"])
    assert "office-hours" in broken and "maker-day" in broken
