"""add / list / show / edit / delete for every record kind, through the `luck` command,
and the commands that move records along (keep, renegotiate, read, used, close, link)."""

from __future__ import annotations

import dataclasses

import pytest

from luckos.domain.records import KINDS
from tests.conftest import Luck


@dataclasses.dataclass(frozen=True)
class Spec:
    setup: tuple[tuple[str, ...], ...]  # commands that create what the record refers to
    add: tuple[str, ...]  # `luck KIND add ...` arguments
    added: dict  # fields the JSON of the new record must show
    second: tuple[str, ...]  # arguments for a second record
    edit: tuple[str, ...]  # `luck KIND edit ID ...` arguments
    edited: dict  # fields after the edit


THEME = ("theme", "add", "Faster cold-start")
METRIC = ("metric", "add", "checkout drop-off", "--theme", "t1", "--slot", "customer")
ARTIFACT = ("artifact", "add", "Canary runbook", "--kind", "runbook")

SPECS: dict[str, Spec] = {
    "promise": Spec(
        (THEME,),
        ("Ship the migration plan", "--to", "Dana", "--due", "fri", "--theme", "t1",
         "--tag", "migration,infra", "--note", "two sprints"),
        {"what": "Ship the migration plan", "to": "Dana", "on": "2026-11-25",
         "due": "2026-11-27", "status": "open", "ended_on": None, "theme_id": "t1",
         "tags": ["migration", "infra"], "renegotiated_to": None, "note": "two sprints"},
        ("Draft the two-pager", "--to", "Rae", "--due", "+2w"),
        ("--due", "2026-12-04", "--to", "Dana and Priya"),
        {"due": "2026-12-04", "to": "Dana and Priya", "status": "open"},
    ),
    "signal": Spec(
        (),
        ("the flaky deploy pipeline", "--who", "Ops lead", "--escalated"),
        {"who": "Ops lead", "what": "the flaky deploy pipeline", "on": "2026-11-25",
         "escalated": True, "note": ""},
        ("the auth migration", "--who", "Priya", "--on", "2026-11-20"),
        ("--no-escalated", "--note", "came straight to me"),
        {"escalated": False, "note": "came straight to me"},
    ),
    "window": Spec(
        (THEME,),
        ("FY27 planning", "--on", "2026-12-07", "--kind", "planning", "--recurrence",
         "yearly", "--no-demo", "--doc", "docs/fy27.md", "--theme", "t1"),
        {"name": "FY27 planning", "kind": "planning", "on": "2026-12-07",
         "recurrence": "yearly", "prep_lead_days": 7, "brief": True,
         "demo": False, "docs": ["docs/fy27.md"], "theme_id": "t1", "note": ""},
        ("Headcount", "--on", "2027-01-10", "--kind", "headcount"),
        ("--prep-lead-days", "14", "--kind", "budget"),
        {"prep_lead_days": 14, "kind": "budget"},
    ),
    "theme": Spec(
        (),
        ("No Friday incidents", "--sentence", "we don't do migrations that hurt Fridays",
         "--bet", "canaries and a 2 pm merge rule"),
        {"label": "No Friday incidents", "sentence": "we don't do migrations that hurt Fridays",
         "bet": "canaries and a 2 pm merge rule", "started_on": "2026-11-25"},
        ("Cheap experiments",),
        ("--milestone", "canaries on every service", "--label", "No Friday pages"),
        {"milestone": "canaries on every service", "label": "No Friday pages"},
    ),
    "metric": Spec(
        (THEME,),
        ("checkout drop-off", "--theme", "t1", "--slot", "customer", "--unit", "%",
         "--good", "down"),
        {"theme_id": "t1", "slot": "customer", "name": "checkout drop-off", "unit": "%",
         "good": "down"},
        ("p95 cold-start", "--theme", "t1", "--slot", "speed", "--unit", "ms"),
        ("--unit", "percent"),
        {"unit": "percent", "good": "down"},
    ),
    "reading": Spec(
        (THEME, METRIC),
        ("2026-10", "--metric", "m1", "--value", "3.1", "--narrative",
         "Drop-off fell. Auth calls were consolidated."),
        {"metric_id": "m1", "month": "2026-10", "value": 3.1,
         "narrative": "Drop-off fell. Auth calls were consolidated."},
        ("2026-11", "--metric", "m1", "--value", "2.5", "--narrative", "Fell again. Caching."),
        ("--value", "2.9"),
        {"value": 2.9, "month": "2026-10"},
    ),
    "decision": Spec(
        (THEME,),
        ("Adopt canaries", "--option", "canaries", "--option", "freeze Fridays", "--choice",
         "canaries", "--confidence", "0.7", "--review", "2026-12-15", "--indicator",
         "Friday pages", "--theme", "t1"),
        {"title": "Adopt canaries", "on": "2026-11-25",
         "options": ["canaries", "freeze Fridays"], "choice": "canaries",
         "indicators": ["Friday pages"], "confidence": 0.7, "review_on": "2026-12-15",
         "outcome": "", "theme_id": "t1"},
        ("Split the monolith", "--review", "2027-03-01"),
        ("--expected", "incidents down 60%"),
        {"expected": "incidents down 60%", "choice": "canaries"},
    ),
    "bench": Spec(
        (),
        ("Sam", "--action", "promoted", "--bet", "Sam leads the migration"),
        {"person": "Sam", "action": "promoted", "on": "2026-11-25",
         "bet": "Sam leads the migration"},
        ("Lee", "--action", "unblocked", "--on", "2026-11-02"),
        ("--action", "placed"),
        {"action": "placed"},
    ),
    "sponsor": Spec(
        (),
        ("Rae", "--role", "VP Engineering", "--backs", "cold-start on the FY27 slide"),
        {"person": "Rae", "role": "VP Engineering", "since": "2026-11-25",
         "backs": "cold-start on the FY27 slide"},
        ("Ola", "--since", "2025-06-01"),
        ("--role", "CTO"),
        {"role": "CTO"},
    ),
    "artifact": Spec(
        (THEME,),
        ("Canary runbook", "--kind", "runbook", "--link", "https://wiki/canary", "--theme",
         "t1"),
        {"title": "Canary runbook", "kind": "runbook", "surface": "internal",
         "on": "2026-11-25", "link": "https://wiki/canary", "theme_id": "t1",
         "window_id": None},
        ("Cold starts at scale", "--kind", "talk", "--surface", "public"),
        ("--surface", "public"),
        {"surface": "public"},
    ),
    "testimonial": Spec(
        (ARTIFACT,),
        ("Maya", "--artifact", "a1", "--hours", "40", "--quote", "saved us a week"),
        {"artifact_id": "a1", "who": "Maya", "on": "2026-11-25", "hours": 40.0,
         "quote": "saved us a week"},
        ("Dan", "--artifact", "a1"),
        ("--hours", "12.5"),
        {"hours": 12.5},
    ),
    "person": Spec(
        (),
        ("Grace Liu", "--email", "grace@example.com", "--alias", "G. Liu"),
        {"name": "Grace Liu", "emails": ["grace@example.com"], "aliases": ["G. Liu"],
         "note": ""},
        ("Ken Adeyemi",),
        ("--email", "grace.liu@example.com", "--note", "director"),
        {"emails": ["grace.liu@example.com"], "note": "director"},
    ),
    "note": Spec(
        (),
        ("Shipped the canary rollout; Friday pages fell to zero", "--kind", "year-in-public",
         "--title", "Canaries", "--tag", "ops"),
        {"body": "Shipped the canary rollout; Friday pages fell to zero",
         "kind": "year-in-public", "on": "2026-11-25", "title": "Canaries", "tags": ["ops"]},
        ("A quiet week",),
        ("--title", "Canaries everywhere"),
        {"title": "Canaries everywhere"},
    ),
}


# kinds made by a command of their own rather than `add`, and tested with it
# luck estimate --save, luck import git|docs, luck window stakeholders W add
OWN_COMMANDS = {"estimate", "evidence", "stakeholder"}
LOOP_KINDS = {"glue", "explore", "project", "diagnosis", "arc", "reboot"}  # tests/loop


def test_every_record_kind_is_covered() -> None:
    assert set(SPECS) == set(KINDS) - OWN_COMMANDS - LOOP_KINDS


@pytest.mark.parametrize("name", list(SPECS))
def test_add_list_show_edit_delete(luck: Luck, name: str) -> None:
    spec, kind = SPECS[name], KINDS[name]
    first, second = f"{kind.prefix}1", f"{kind.prefix}2"
    for command in spec.setup:
        luck.ok(*command)

    added = luck.json(name, "add", *spec.add)
    assert added["id"] == first
    assert {key: added[key] for key in spec.added} == spec.added
    assert "private" not in added

    plain = luck.ok(name, "add", *spec.second).stdout
    assert plain.startswith(f"added {second}")

    listed = luck.json(name, "list")
    assert sorted(x["id"] for x in listed) == [first, second]
    assert next(x for x in listed if x["id"] == first) == added
    table = luck.ok(name, "list").stdout.splitlines()
    assert len(table) == 3  # a header and one line per record, piped: no colour, no box
    assert {row.split()[0] for row in table[1:]} == {first, second}

    # theme and artifact show more (metrics, testimonials) around the record itself
    shown_json = luck.json(name, "show", first)
    assert {key: shown_json[key] for key in added} == added
    shown = luck.ok(name, "show", first).stdout
    assert f"{name} {first}" in shown

    edited = luck.json(name, "edit", first, *spec.edit)
    assert {key: edited[key] for key in spec.edited} == spec.edited
    shown_json = luck.json(name, "show", first)
    assert {key: shown_json[key] for key in edited} == edited
    assert luck.ok(name, "edit", first, *spec.edit).stdout.strip() == f"updated {first}"

    assert luck.ok(name, "delete", first, "--yes").stdout.startswith(f"deleted {first}: ")
    assert luck.fails(name, "show", first) == f"luck: error: no {name} {first}"
    assert [x["id"] for x in luck.json(name, "list")] == [second]


def test_delete_asks_first_and_keeps_the_record_when_declined(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "fri")
    result = luck("promise", "delete", "p1", input="n\n")
    assert result.exit_code == 1
    assert "delete p1: Ship it?" in result.stdout
    assert [p["id"] for p in luck.json("promise", "list")] == ["p1"]
    luck.ok("promise", "delete", "1", input="y\n")  # a bare number is the id too
    assert luck.json("promise", "list") == []


def test_list_filters(luck: Luck) -> None:
    luck.ok("promise", "add", "a", "--to", "x", "--due", "2026-11-20", "--made-on", "-30d")
    luck.ok("promise", "add", "b", "--to", "x", "--due", "2026-11-28")
    luck.ok("promise", "add", "c", "--to", "x", "--due", "2026-12-10")
    luck.ok("promise", "keep", "p2")
    assert [p["id"] for p in luck.json("promise", "list")] == ["p3", "p2", "p1"]
    assert [p["id"] for p in luck.json("promise", "list", "--status", "open")] == ["p3", "p1"]
    assert [p["id"] for p in luck.json("promise", "list", "--since", "2026-11-21",
                                       "--until", "+2w")] == ["p2"]
    assert [p["id"] for p in luck.json("promise", "list", "--limit", "1")] == ["p3"]
    assert luck.ok("promise", "list", "--status", "dropped").stdout.strip() == "(no promises)"


def test_an_earned_secret_is_marked_private(luck: Luck) -> None:
    secret = luck.json("note", "add", "The 2 a.m. cron belongs to billing", "--kind",
                       "earned-secret")
    assert secret["private"] is True
    assert "left out of every export unless you ask for a full backup" in luck.ok(
        "note", "show", "n1").stdout


# --- the ledger's verbs ----------------------------------------------------------------


def test_keep_miss_drop_reopen(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the plan", "--to", "Dana", "--due", "2026-11-20",
            "--made-on", "2026-11-01")
    # kept five days after the due date: said plainly, and not a hit
    assert luck.ok("promise", "keep", "p1").stdout.strip() == (
        "p1 kept (5 days late: not a hit): Ship the plan")
    assert luck.json("ledger")["overall"]["kept_late"] == 1
    luck.ok("promise", "reopen", "p1")
    shown = luck.json("promise", "miss", "p1", "--on", "2026-11-21")
    assert (shown["status"], shown["ended_on"]) == ("missed", "2026-11-21")
    luck.ok("promise", "drop", "p1")
    assert luck.json("promise", "show", "p1")["status"] == "dropped"
    assert luck.fails("promise", "keep", "p1") == (
        "luck: error: cannot keep p1: it was dropped on 2026-11-25; reopen it first")


def test_renegotiate_early_and_late(luck: Luck) -> None:
    luck.ok("promise", "add", "Draft the brief", "--to", "Rae", "--due", "2026-11-27",
            "--made-on", "2026-11-10")
    out = luck.json("promise", "renegotiate", "p1", "--due", "2026-12-04")
    assert out["early"] is True
    assert (out["closed"]["status"], out["closed"]["renegotiated_to"]) == ("renegotiated", "p2")
    assert (out["successor"]["id"], out["successor"]["due"], out["successor"]["on"]) == (
        "p2", "2026-12-04", "2026-11-25")
    # p2 is due 2026-12-04; renegotiated on 2026-12-06 it is a miss
    late = luck.ok("promise", "renegotiate", "p2", "--due", "2026-12-18", today="2026-12-06")
    assert late.stdout.strip() == (
        "p2 was past due on 2026-12-04: recorded as missed; now p3, due Fri 2026-12-18")
    ledger = luck.json("ledger", today="2026-12-06")["overall"]
    assert (ledger["renegotiated_early"], ledger["missed"], ledger["open"]) == (1, 1, 1)
    assert luck.fails("promise", "reopen", "p1") == (
        "luck: error: p1 was replaced by p2; edit that one instead")


def test_status_is_changed_by_the_verbs_only(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "fri")
    result = luck("promise", "edit", "p1", "--status", "kept")
    assert result.exit_code == 2  # a usage error: there is no such option
    assert luck.json("promise", "show", "p1")["status"] == "open"


# --- themes, metrics, artifacts, windows, decisions --------------------------------------


def test_metric_read_and_theme_show(luck: Luck) -> None:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "checkout drop-off", "--theme", "t1", "--slot", "customer",
            "--unit", "%", "--good", "down")
    first = luck.ok("metric", "read", "t1", "customer", "3.1", "--month", "2026-10",
                    "--narrative", "Drop-off held. Nothing shipped.")
    assert first.stdout.strip() == "added r1: m1 2026-10 = 3.1%"
    second = luck("metric", "read", "t1", "customer", "2.5")  # this month, no narrative
    assert second.exit_code == 0
    assert "warning: no narrative" in second.stderr
    shown = luck.json("theme", "show", "t1")
    customer = shown["metrics"][0]
    assert (customer["slot"], customer["latest"]["month"], customer["previous"]["month"]) == (
        "customer", "2026-11", "2026-10")
    assert customer["change"] == pytest.approx(-0.6)  # 2.5 - 3.1
    assert customer["improving"] is True  # down is good
    assert [m["metric"] for m in shown["metrics"][1:]] == [None, None]
    text = luck.ok("theme", "show", "t1").stdout
    assert "m1 checkout drop-off" in text and "better" in text
    # one reading per metric and month
    assert "already has a reading for 2026-11" in luck.fails(
        "metric", "read", "t1", "customer", "2.4")
    assert "has no speed metric yet" in luck.fails("metric", "read", "t1", "speed", "1")


def test_a_theme_has_one_metric_per_slot(luck: Luck) -> None:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "p95 cold-start", "--theme", "t1", "--slot", "speed")
    assert luck.fails("metric", "add", "p99", "--theme", "t1", "--slot", "speed") == (
        "luck: error: theme t1 already has a speed metric (m1); edit that one")


def test_theme_label_warning(luck: Luck) -> None:
    result = luck("theme", "add", "Make compliance a paved road")
    assert result.exit_code == 0
    assert "has 5 words" in result.stderr


def test_artifact_used_records_a_testimonial(luck: Luck) -> None:
    luck.ok("artifact", "add", "Canary runbook", "--kind", "runbook")
    assert luck.ok("artifact", "used", "a1", "--by", "Maya", "--hours", "40", "--quote",
                   "I used your doc; it saved us a week").stdout.strip() == (
        "added u1: Maya used a1 (Canary runbook)")
    shown = luck.json("artifact", "show", "a1")
    assert [(t["id"], t["who"], t["hours"]) for t in shown["testimonials"]] == [
        ("u1", "Maya", 40.0)]
    # deleting the artifact takes its testimonials with it
    luck.ok("artifact", "delete", "a1", "--yes")
    assert luck.json("testimonial", "list") == []


def test_window_link_and_upcoming(luck: Luck) -> None:
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-07", "--no-demo")
    before = luck.json("window", "upcoming")
    assert [(o["window"]["id"], o["prep_due"], o["state"], o["missing"]) for o in before] == [
        ("w1", "2026-11-30", "due", ["two-pager"])]
    assert luck.ok("window", "link", "w1", "docs/fy27-brief.md").stdout.strip() == (
        "w1 links docs/fy27-brief.md")
    assert "already links" in luck.ok("window", "link", "w1", "docs/fy27-brief.md").stdout
    after = luck.json("window", "upcoming")
    assert (after[0]["state"], after[0]["brief"]) == ("ready", "docs/fy27-brief.md")
    assert luck.json("window", "upcoming", "--days", "10") == []  # 2026-12-07 is 12 days away


def test_decision_close(luck: Luck) -> None:
    luck.ok("decision", "add", "Adopt canaries", "--on", "2026-11-01", "--review",
            "2026-11-20")
    assert [d["id"] for d in luck.json("review")["decisions_due"]] == ["d1"]
    closed = luck.json("decision", "close", "d1", "--outcome", "incidents fell 60%",
                       "--response", "kept the rule")
    assert (closed["outcome"], closed["response"]) == ("incidents fell 60%", "kept the rule")
    assert luck.json("review")["decisions_due"] == []
