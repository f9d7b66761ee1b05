"""Stakeholders of a decision as well as of a window, and a recurring window's pre-wire
per date: the next date starts fresh, the past ones stay as history."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from luckos.calendar.deciders import quarter_days, uncovered
from luckos.domain import people as pp
from luckos.store import Store
from luckos.store.db import _migrations
from tests.conftest import Luck

D = dt.date.fromisoformat


def _people(luck: Luck) -> None:
    luck.ok("person", "add", "Grace Liu", "--email", "grace@example.com")
    luck.ok("person", "add", "Ken Adeyemi", "--alias", "Kenneth")


# --- a decision's stakeholders -------------------------------------------------------------


def _decision(luck: Luck) -> None:
    _people(luck)
    luck.ok("decision", "add", "Move search to Postgres", "--option", "Keep Elastic",
            "--option", "Postgres FTS", "--on", "2026-11-20")
    luck.ok("decision", "stakeholders", "d1", "add", "GRACE@example.com", "--role", "decides",
            "--sponsor")
    luck.ok("decision", "stakeholders", "d1", "add", "kenneth", "--role", "vetoes")


def test_a_decision_has_stakeholders_and_a_prewire_like_a_window(luck: Luck) -> None:
    _decision(luck)
    luck.ok("decision", "stakeholders", "d1", "brief", "Grace Liu", "--on", "2026-11-21")
    luck.ok("decision", "stakeholders", "d1", "objection", "Ken Adeyemi", "Ops has no DBA",
            "--on", "2026-11-22")
    said = luck.ok("decision", "stakeholders", "d1", "handled", "Ken Adeyemi", "incorporated",
                   "--how", "A managed Postgres, no DBA needed", "--on", "2026-11-23").stdout
    assert said == "sh2: pe2 Ken Adeyemi on d1: objection handled\n"
    found = luck.json("decision", "prewire", "d1")
    assert found["decision"] == "d1" and found["prep_due"] is None
    assert found["summary"] == "1 of 2 stakeholders have the brief; no objection open"
    assert [(s["name"], s["role"], s["state"]) for s in found["stakeholders"]] == [
        ("Grace Liu", "decides", "brief sent"), ("Ken Adeyemi", "vetoes", "objection handled")]
    text = luck.ok("decision", "prewire", "d1").stdout
    assert "d1 Move search to Postgres (made 2026-11-20)" in text
    assert "Still to do:\n  Grace Liu: meet them\n  Ken Adeyemi: send the brief; meet them" in text
    shown = luck.ok("decision", "show", "d1").stdout
    assert ("Pre-wire: 1 of 2 stakeholders have the brief; no objection open (luck decision "
            "prewire d1)") in shown
    assert "Ken Adeyemi  vetoes" in shown
    assert luck.json("decision", "show", "d1")["prewire"]["with_brief"] == 1
    roles = {r["name"]: r["stakeholder"] for r in luck.json("person", "roles")}
    assert roles["Grace Liu"] == [{"id": "sh1", "decision": "d1", "role": "decides"}]
    luck.ok("decision", "stakeholders", "d1", "remove", "Ken Adeyemi")
    assert [s["name"] for s in luck.json("decision", "stakeholders", "d1", "list")] == [
        "Grace Liu"]


def test_a_decision_without_stakeholders_shows_as_before(luck: Luck) -> None:
    luck.ok("decision", "add", "Keep the monolith", "--on", "2026-11-20")
    assert "Pre-wire" not in luck.ok("decision", "show", "d1").stdout
    assert "prewire" not in luck.json("decision", "show", "d1")


@pytest.mark.parametrize(("args", "message"), [
    (("decision", "stakeholders", "d9", "add", "Grace Liu", "--role", "decides"),
     "no decision d9"),
    (("decision", "stakeholders", "d1", "add", "Dana", "--role", "decides"),
     "no person named 'Dana'"),
    (("decision", "stakeholders", "d1", "add", "Grace Liu", "--role", "boss"),
     "invalid role 'boss': choose one of decides, vetoes, implements, affected"),
    (("decision", "stakeholders", "d1", "add", "grace liu", "--role", "affected"),
     "pe1 Grace Liu is already a stakeholder of d1 (sh1, decides)"),
    (("decision", "stakeholders", "d2", "brief", "Grace Liu"),
     "pe1 Grace Liu is not a stakeholder of d2"),
    (("decision", "stakeholders", "d1", "supports", "Ken Adeyemi"), None),
    (("decision", "prewire", "w1"), "w1 is a window id, not a decision id"),
])
def test_bad_input_for_a_decision_is_one_line_and_exit_2(
        luck: Luck, args: tuple[str, ...], message: str | None) -> None:
    _decision(luck)
    luck.ok("decision", "add", "Another", "--on", "2026-11-21")
    if message is None:  # an open objection must be handled before support
        luck.ok("decision", "stakeholders", "d1", "objection", "Ken Adeyemi", "cost")
        message = "an objection is still open ('cost'"
    assert message in luck.fails(*args)


def test_deleting_a_decision_takes_its_stakeholders_and_the_file_brings_them_back(
        luck: Luck) -> None:
    _decision(luck)
    said = luck.ok("decision", "delete", "d1", "--yes").stdout
    assert "and 2 stakeholders" in said
    assert "no decision d1" in luck.fails("decision", "stakeholders", "d1", "list")
    saved = next((luck.home / "deleted").glob("*-d1.json"))
    luck.ok("import", str(saved))
    assert [s["name"] for s in luck.json("decision", "stakeholders", "d1", "list")] == [
        "Grace Liu", "Ken Adeyemi"]


def test_export_and_import_carry_decision_stakeholders_and_past_dates(luck: Luck,
                                                                      tmp_path: Path) -> None:
    _decision(luck)
    luck.ok("window", "add", "Ops review", "--on", "2026-11-10", "--recurrence", "monthly")
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides",
            today="2026-11-01")
    luck.ok("window", "stakeholders", "w1", "brief", "Grace Liu", "--on", "2026-11-02",
            today="2026-11-02")
    luck.ok("window", "stakeholders", "w1", "met", "Grace Liu")  # 2026-11-25: next date
    path = tmp_path / "out.json"
    luck.ok("export", str(path))
    rows = json.loads(path.read_text(encoding="utf-8"))["records"]["stakeholder"]
    assert [(r["window_id"], r["decision_id"], r["occurrence"]) for r in rows] == [
        (None, 1, None), (None, 1, None), (1, None, "2026-11-10"), (1, None, "2026-12-10")]
    other = Luck(tmp_path / "other")
    other.ok("init")
    other.ok("import", str(path))
    assert other.json("window", "prewire", "w1") == luck.json("window", "prewire", "w1")
    assert other.json("decision", "prewire", "d1") == luck.json("decision", "prewire", "d1")


def test_an_import_with_a_stakeholder_of_both_or_neither_is_refused(luck: Luck,
                                                                    tmp_path: Path) -> None:
    _decision(luck)
    path = tmp_path / "out.json"
    luck.ok("export", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["records"]["stakeholder"][0]["decision_id"] = None
    path.write_text(json.dumps(data), encoding="utf-8")
    other = Luck(tmp_path / "other")
    other.ok("init")
    assert other.fails("import", str(path)) == (
        "luck: error: import: records.stakeholder[0]: a stakeholder has a say in one window "
        "or one decision: give window_id or decision_id, not both or neither")


def test_doctor_names_a_stakeholder_whose_decision_is_gone(luck: Luck) -> None:
    _decision(luck)
    db = sqlite3.connect(luck.db)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("DELETE FROM decision WHERE id = 1")
    db.commit()
    db.close()
    result = luck("doctor", "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    links = [p for p in problems if p["check"] == "link"]
    assert [(p["where"], p["message"], p["fixable"]) for p in links] == [
        ("sh1", "decision_id points at d1, which does not exist", False),
        ("sh2", "decision_id points at d1, which does not exist", False)]


# --- a recurring window, one date at a time ------------------------------------------------


def _monthly(luck: Luck) -> None:
    """An ops review on the 10th of each month, prep due the 3rd; on 2026-11-01 Grace
    decides and Ken vetoes, Grace has the brief and Ken an open objection."""
    _people(luck)
    luck.ok("window", "add", "Ops review", "--on", "2026-11-10", "--recurrence", "monthly")
    for who, role in (("Grace Liu", "decides"), ("Ken Adeyemi", "vetoes")):
        luck.ok("window", "stakeholders", "w1", "add", who, "--role", role, today="2026-11-01")
    luck.ok("window", "stakeholders", "w1", "brief", "Grace Liu", "--on", "2026-11-02",
            today="2026-11-02")
    luck.ok("window", "stakeholders", "w1", "objection", "Ken Adeyemi", "Too many reviews",
            "--on", "2026-11-02", today="2026-11-02")


def test_the_next_date_starts_fresh_and_the_past_date_stays_as_history(luck: Luck) -> None:
    _monthly(luck)
    before = luck.json("window", "prewire", "w1", today="2026-11-10")  # the day itself
    assert before["on"] == "2026-11-10" and before["history"] == []
    assert [s["state"] for s in before["stakeholders"]] == ["brief sent", "objection raised"]
    after = luck.json("window", "prewire", "w1", today="2026-11-11")
    assert after["on"] == "2026-12-10" and after["prep_due"] == "2026-12-03"
    assert [(s["name"], s["role"], s["state"]) for s in after["stakeholders"]] == [
        ("Grace Liu", "decides", "not contacted"), ("Ken Adeyemi", "vetoes", "not contacted")]
    assert after["summary"] == "0 of 2 stakeholders have the brief; no objection open"
    assert after["history"] == [{"on": "2026-11-10", "stakeholders": before["stakeholders"]}]
    text = luck.ok("window", "prewire", "w1", today="2026-11-11").stdout
    assert "The pre-wire for 2026-11-10 (past):" in text
    assert text.index("The pre-wire for 2026-11-10") > text.index("No objection left")
    # a step for the new date is a row of its own; the past date's row is left as it was
    said = luck.ok("window", "stakeholders", "w1", "brief", "Ken Adeyemi", "--on",
                   "2026-11-20", today="2026-11-20").stdout
    assert said == "sh3: pe2 Ken Adeyemi on w1: brief sent\n"
    now = luck.json("window", "prewire", "w1", today="2026-11-20")
    assert [(s["id"], s["state"]) for s in now["stakeholders"]] == [
        ("sh1", "not contacted"), ("sh3", "brief sent")]
    assert now["history"] == after["history"]
    # two dates later, both past dates are history, newest first
    luck.ok("window", "stakeholders", "w1", "met", "Grace Liu", "--on", "2026-12-08",
            today="2026-12-08")
    later = luck.json("window", "prewire", "w1", today="2027-01-02")
    assert [h["on"] for h in later["history"]] == ["2026-12-10", "2026-11-10"]
    assert [s["state"] for s in later["history"][0]["stakeholders"]] == ["met", "brief sent"]
    assert [s["state"] for s in later["stakeholders"]] == ["not contacted", "not contacted"]


def test_the_checks_read_the_dates_ahead_only(luck: Luck) -> None:
    _monthly(luck)

    def state(invariant: str, today: str) -> dict:  # type: ignore[type-arg]
        result = luck("check", "--only", invariant, "--json", today=today)
        return json.loads(result.stdout)["invariants"][0]  # type: ignore[no-any-return]

    # Ken's objection of 2026-11-02 is late on 2026-11-10, and history the day after
    assert state("objection-open", "2026-11-10")["state"] == "broken"
    assert state("objection-open", "2026-11-11")["state"] == "not_checked"
    # Grace had the brief for November; December's prep lead finds her without it
    assert state("prewire-brief", "2026-11-05")["items"][0]["text"].startswith(
        "Ken Adeyemi (vetoes) has no brief for w1 Ops review")
    december = state("prewire-brief", "2026-12-04")
    assert [i["ref"] for i in december["items"]] == ["sh1", "sh2"]
    luck.ok("window", "stakeholders", "w1", "brief", "Grace Liu", today="2026-12-04")
    luck.ok("window", "stakeholders", "w1", "brief", "Ken Adeyemi", today="2026-12-04")
    assert state("prewire-brief", "2026-12-04")["state"] == "ok"
    # the review's line is the next date's
    review = luck.json("review", today="2026-12-04")["prewire"]
    assert review["summary"] == "2 of 2 stakeholders have the brief; no objection open"


def test_a_date_moved_later_keeps_its_prewire_until_the_meeting_takes_place(
        luck: Luck) -> None:
    _monthly(luck)
    luck.ok("window", "stakeholders", "w1", "brief", "Ken Adeyemi", "--on", "2026-11-20",
            today="2026-11-20")  # for 2026-12-10
    luck.ok("window", "edit", "w1", "--on", "2026-11-15", today="2026-11-20")  # the 15th
    found = luck.json("window", "prewire", "w1", today="2026-12-11")
    assert found["on"] == "2026-12-15"
    assert [s["state"] for s in found["stakeholders"]] == ["not contacted", "brief sent"]
    assert [h["on"] for h in found["history"]] == ["2026-11-10"]
    after = luck.json("window", "prewire", "w1", today="2026-12-16")
    assert [s["state"] for s in after["stakeholders"]] == ["not contacted", "not contacted"]
    assert [h["on"] for h in after["history"]] == ["2026-12-10", "2026-11-10"]


def test_a_window_that_does_not_recur_keeps_its_states_after_its_date(luck: Luck) -> None:
    _people(luck)
    luck.ok("window", "add", "Offsite", "--on", "2026-11-10")
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides",
            today="2026-11-01")
    luck.ok("window", "stakeholders", "w1", "supports", "Grace Liu", "--on", "2026-11-05",
            today="2026-11-05")
    found = luck.json("window", "prewire", "w1", today="2026-12-01")
    assert found["on"] is None and found["history"] == []
    assert [s["state"] for s in found["stakeholders"]] == ["supports"]


# --- the pure parts -----------------------------------------------------------------------


def test_current_keeps_the_latest_row_of_each_person_and_a_fresh_one_after_its_date(
        ) -> None:
    rows = [pp.Stakeholder(id=1, window_id=1, person_id=1, role="decides",
                           occurrence=D("2026-11-10"), brief_sent_on=D("2026-11-02")),
            pp.Stakeholder(id=2, window_id=1, person_id=2, role="vetoes",
                           occurrence=D("2026-11-10")),
            pp.Stakeholder(id=3, window_id=1, person_id=2, role="vetoes",
                           occurrence=D("2026-12-10"), met_on=D("2026-11-20")),
            pp.Stakeholder(id=4, decision_id=1, person_id=1, role="decides")]
    now, past = pp.current(rows, D("2026-11-10"))  # the date before the next one
    assert [(s.id, pp.subject_of(s), pp.state(s)) for s in now] == [
        (1, "w1", "not contacted"), (3, "w1", "met"), (4, "d1", "not contacted")]
    assert now[0].occurrence is None and now[0].role == "decides"
    assert [s.id for s in past] == [1, 2]
    kept, older = pp.current(rows)  # no date passed: a window that does not recur
    assert [(s.id, pp.state(s)) for s in kept] == [(1, "brief sent"), (3, "met"),
                                                   (4, "not contacted")]
    assert [s.id for s in older] == [2]


def test_a_stakeholder_belongs_to_one_window_or_one_decision() -> None:
    def problems(s: pp.Stakeholder) -> str:
        return " ".join(p.message for p in pp.stakeholder_problems(s))

    assert "not both or neither" in problems(
        pp.Stakeholder(window_id=1, decision_id=1, person_id=1, role="decides"))
    assert "not both or neither" in problems(pp.Stakeholder(person_id=1, role="decides"))
    assert "no window date" in problems(pp.Stakeholder(
        decision_id=1, person_id=1, role="decides", occurrence=D("2026-11-10")))


def test_days_by_quarter_and_the_days_newer_audits_leave() -> None:
    assert quarter_days(D("2026-09-15"), D("2026-11-29")) == {"2026-Q3": 16, "2026-Q4": 60}
    assert quarter_days(D("2026-12-31"), D("2027-01-01")) == {"2026-Q4": 1, "2027-Q1": 1}
    assert uncovered((D("2026-07-01"), D("2026-09-30")),
                     [(D("2026-09-15"), D("2026-11-29"))]) == [(D("2026-07-01"),
                                                                D("2026-09-14"))]
    assert uncovered((D("2026-01-01"), D("2026-12-31")),
                     [(D("2026-03-01"), D("2026-03-31")), (D("2026-06-01"), D("2026-06-30"))]
                     ) == [(D("2026-01-01"), D("2026-02-28")), (D("2026-04-01"),
                                                                D("2026-05-31")),
                           (D("2026-07-01"), D("2026-12-31"))]
    assert uncovered((D("2026-03-01"), D("2026-03-31")),
                     [(D("2026-01-01"), D("2026-12-31"))]) == []


# --- the migration ------------------------------------------------------------------------


def test_the_migration_gives_rows_of_a_window_that_does_not_recur_its_date(
        tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    connection = sqlite3.connect(path)
    for number, _, script in _migrations():
        if number <= 9:
            connection.executescript(script)
    connection.executescript(
        "INSERT INTO window (name, kind, \"on\") VALUES ('Offsite', 'other', '2026-11-10');"
        "INSERT INTO window (name, kind, \"on\", recurrence) VALUES ('Ops', 'other', "
        "'2026-11-10', 'monthly');"
        "INSERT INTO person (name) VALUES ('Grace Liu');"
        "INSERT INTO stakeholder (window_id, person_id, role, brief_sent_on) "
        "VALUES (1, 1, 'decides', '2026-11-02');"
        "INSERT INTO stakeholder (window_id, person_id, role, objection, objection_on) "
        "VALUES (2, 1, 'vetoes', 'cost', '2026-11-03');")
    connection.execute("PRAGMA user_version = 9")
    connection.execute(f"PRAGMA application_id = {0x4C55434B}")
    connection.commit()
    connection.close()
    store = Store.open(path)
    try:
        rows = store.all("stakeholder")
        assert [(s.id, s.window_id, s.decision_id, s.occurrence, pp.state(s))
                for s in sorted(rows, key=lambda s: s.id)] == [
            (1, 1, None, D("2026-11-10"), "brief sent"), (2, 2, None, None, "objection raised")]
        new = store.add(pp.Stakeholder(window_id=1, person_id=1, role="affected",
                                       occurrence=D("2026-12-01")))
        assert new.id == 3
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO stakeholder (person_id, role) VALUES (1, 'decides')")
        found = store.db.execute("SELECT rid FROM search_index WHERE search_index MATCH 'cost' "
                                 "AND kind = 'stakeholder'").fetchall()
        assert found == [(2,)]
    finally:
        store.close()


def test_a_brief_without_a_window_carries_the_objections_of_the_themes_decision(
        luck: Luck) -> None:
    _people(luck)
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("decision", "add", "Move search to Postgres", "--option", "Keep Elastic",
            "--option", "Postgres FTS", "--theme", "t1", "--on", "2026-11-20")
    luck.ok("decision", "stakeholders", "d1", "add", "Ken Adeyemi", "--role", "decides")
    luck.ok("decision", "stakeholders", "d1", "objection", "Ken Adeyemi", "Ops has no DBA",
            "--on", "2026-11-21")
    text = luck.ok("doc", "new", "brief", "--theme", "t1", "--out", "-").stdout
    section = text.split("## Objections received", 1)[1].split("##", 1)[0]
    assert section.strip().splitlines() == ["- Ken Adeyemi, 2026-11-21: Ops has no DBA (open)"]
    assert "- Who decides: Ken Adeyemi" in text


def test_the_objection_check_names_objections_left_with_a_past_date(luck: Luck) -> None:
    # Ken's objection belongs to the 10 November date: once it has met, the next date has
    # none, and the check says the one recorded is history rather than "none recorded"
    _monthly(luck)
    before = luck.json("check", "--only", "objection-open", today="2026-11-05")
    assert before["invariants"][0]["state"] == "ok"  # raised three days ago: in time
    after = luck.json("check", "--only", "objection-open", today="2026-11-11")
    (found,) = after["invariants"]
    assert found["state"] == "not_checked"
    assert found["finding"] == ("no objections for the current dates (1 objection recorded "
                                "for past dates)")
