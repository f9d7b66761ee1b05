"""People as one record kind, stakeholders per window and the pre-wire of each."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from luckos.domain import people as pp
from luckos.errors import LuckError
from luckos.store import Store
from luckos.store.db import _migrations
from tests.conftest import Luck

D = dt.date.fromisoformat
GRACE = pp.Person(id=1, name="Grace Liu", emails=("grace@example.com",), aliases=("G. Liu",))
KEN = pp.Person(id=2, name="Ken Adeyemi", emails=("KEN@example.com",))
OTHER_GRACE = pp.Person(id=3, name="Grace Park", aliases=("grace liu",))


# --- matching ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Grace Liu", "grace liu", "  GRACE   LIU ", "g. liu",
                                  "Grace@Example.com"])
def test_a_person_answers_to_name_alias_and_email_in_any_case(text: str) -> None:
    assert pp.resolve([GRACE, KEN], text) is GRACE


def test_an_unknown_name_and_a_name_two_people_answer_to_are_refused() -> None:
    with pytest.raises(LuckError, match="no person named 'Dana'"):
        pp.resolve([GRACE, KEN], "Dana")
    with pytest.raises(LuckError, match="matches 2 people .pe1 Grace Liu, pe3 Grace Park"):
        pp.resolve([GRACE, KEN, OTHER_GRACE], "Grace Liu")
    assert pp.resolve([GRACE, KEN, OTHER_GRACE], "pe3") is OTHER_GRACE


def test_an_attendee_is_matched_by_email_first_then_by_display_name() -> None:
    people = [GRACE, KEN, OTHER_GRACE]
    by_email = pp.match_attendee(people, "ken@example.com", "Somebody Else")
    assert by_email.person is KEN and by_email.by == "email"
    by_name = pp.match_attendee(people, "k.adeyemi@corp.example", "ken adeyemi")
    assert by_name.person is KEN and by_name.by == "name"
    # an address wins over a display name two people answer to
    assert pp.match_attendee(people, "grace@example.com", "Grace Liu").person is GRACE
    torn = pp.match_attendee(people, "gl@corp.example", "Grace Liu")
    assert torn.ambiguous and torn.person is None
    assert {p.id for p in torn.people} == {1, 3}
    assert pp.match_attendee(people, "x@y.example", "").people == ()


def test_a_person_clashing_with_another_is_named() -> None:
    clash = pp.clash(pp.Person(name="Kenneth", emails=("ken@EXAMPLE.com",)), [GRACE, KEN])
    assert clash is not None and "pe2 Ken Adeyemi" in clash
    assert pp.clash(pp.Person(id=2, name="Ken Adeyemi"), [GRACE, KEN]) is None


# --- the pre-wire -----------------------------------------------------------------------


def test_prewire_moves_through_its_states_with_their_dates() -> None:
    s = pp.Stakeholder(id=1, window_id=1, person_id=1, role="decides")
    assert pp.state(s) == "not contacted"
    s = pp.send_brief(s, D("2026-11-10"))
    assert (pp.state(s), s.brief_sent_on) == ("brief sent", D("2026-11-10"))
    s = pp.meet(s, D("2026-11-12"))
    assert pp.state(s) == "met"
    s = pp.raise_objection(s, "  Doubles   the spend ", D("2026-11-13"))
    assert (pp.state(s), s.objection, s.objection_on) == (
        "objection raised", "Doubles the spend", D("2026-11-13"))
    with pytest.raises(LuckError, match="still open"):
        pp.raise_objection(s, "another", D("2026-11-14"))
    with pytest.raises(LuckError, match="still open"):
        pp.support(s, D("2026-11-14"))
    with pytest.raises(LuckError, match="before the objection"):
        pp.handle_objection(s, "answered", "numbers", D("2026-11-12"))
    with pytest.raises(LuckError, match="must be one of"):
        pp.handle_objection(s, "ignored", "numbers", D("2026-11-15"))
    with pytest.raises(LuckError, match="say how"):
        pp.handle_objection(s, "answered", " ", D("2026-11-15"))
    s = pp.handle_objection(s, "incorporated", "phased it", D("2026-11-15"))
    assert (pp.state(s), s.handled, s.handled_on) == (
        "objection handled", "incorporated", D("2026-11-15"))
    assert pp.last_contact(s) == D("2026-11-15")
    s = pp.support(s, D("2026-11-18"))
    assert pp.state(s) == "supports" and pp.last_contact(s) == D("2026-11-18")


def test_handling_needs_an_objection() -> None:
    s = pp.Stakeholder(id=1, window_id=1, person_id=1, role="vetoes")
    with pytest.raises(LuckError, match="no objection recorded"):
        pp.handle_objection(s, "answered", "x", D("2026-11-15"))


def test_the_prewire_line_counts_briefs_and_open_objections() -> None:
    rows = [
        pp.Stakeholder(id=1, window_id=7, person_id=1, role="decides",
                       brief_sent_on=D("2026-11-01")),
        pp.Stakeholder(id=2, window_id=7, person_id=2, role="vetoes",
                       brief_sent_on=D("2026-11-01"), objection="cost",
                       objection_on=D("2026-11-02")),
        pp.Stakeholder(id=3, window_id=7, person_id=3, role="affected",
                       brief_sent_on=D("2026-11-01")),
        pp.Stakeholder(id=4, window_id=7, person_id=4, role="implements"),
        pp.Stakeholder(id=5, window_id=8, person_id=4, role="decides"),  # another window
    ]
    people = [GRACE, KEN, OTHER_GRACE, pp.Person(id=4, name="Omar")]
    found = pp.prewire("w7", "FY planning", D("2026-12-07"), D("2026-11-30"), rows, people,
                       D("2026-11-25"))
    assert found.summary() == "3 of 4 stakeholders have the brief; 1 objection open"
    assert [line.missing for line in found.lines] == [
        ("meet them",), ("meet them", "handle the objection"), ("send the brief",), ()]
    assert [line.person.name for line in found.lines][:2] == ["Grace Liu", "Ken Adeyemi"]


# --- through the command ----------------------------------------------------------------


def _window_with_people(luck: Luck) -> None:
    luck.ok("window", "add", "FY planning", "--on", "2026-12-07")
    luck.ok("person", "add", "Grace Liu", "--email", "grace@example.com")
    luck.ok("person", "add", "Ken Adeyemi", "--alias", "Kenneth")


def test_stakeholders_and_the_prewire_map(luck: Luck) -> None:
    _window_with_people(luck)
    luck.ok("window", "stakeholders", "w1", "add", "GRACE@example.com", "--role", "decides",
            "--sponsor")
    luck.ok("window", "stakeholders", "w1", "add", "kenneth", "--role", "vetoes")
    luck.ok("window", "stakeholders", "w1", "brief", "grace liu", "--on", "2026-11-20")
    luck.ok("window", "stakeholders", "w1", "objection", "pe2", "Doubles the spend", "--on",
            "2026-11-21")
    shown = luck.ok("window", "prewire", "w1").stdout
    assert "1 of 2 stakeholders have the brief; 1 objection open" in shown
    assert "Ken Adeyemi (2026-11-21, 4 days ago): Doubles the spend" in shown
    data = luck.json("window", "prewire", "w1")
    assert data["prep_due"] == "2026-11-30"
    assert [(s["name"], s["role"], s["state"], s["sponsor"]) for s in data["stakeholders"]] == [
        ("Grace Liu", "decides", "brief sent", True),
        ("Ken Adeyemi", "vetoes", "objection raised", False)]
    luck.ok("window", "stakeholders", "w1", "handled", "Ken Adeyemi", "answered", "--how",
            "the spend halves in Q3", "--on", "2026-11-23")
    assert "1 of 2 stakeholders have the brief; no objection open" in luck.ok(
        "window", "prewire", "w1").stdout
    luck.ok("window", "stakeholders", "w1", "remove", "Ken Adeyemi")
    assert [s["name"] for s in luck.json("window", "stakeholders", "w1", "list")] == [
        "Grace Liu"]


@pytest.mark.parametrize(("args", "message"), [
    (("window", "stakeholders", "w9", "add", "Grace Liu", "--role", "decides"), "no window w9"),
    (("window", "stakeholders", "w1", "add", "Dana", "--role", "decides"),
     "no person named 'Dana'"),
    (("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "boss"),
     "invalid role 'boss': choose one of decides, vetoes, implements, affected"),
    (("window", "stakeholders", "w1", "brief", "Ken Adeyemi"), "is not a stakeholder of w1"),
    (("window", "stakeholders", "w1", "handled", "Grace Liu", "answered", "--how", "x"),
     "no objection recorded"),
    (("window", "prewire", "w2"), "no window w2"),
    (("person", "add", "grace liu"), "already names pe1 Grace Liu"),
    (("person", "merge", "Grace Liu", "grace@example.com"), "are the same person"),
    (("person", "merge", "Grace Liu", "Nobody"), "no person named 'Nobody'"),
])
def test_bad_input_is_one_line_and_exit_2(luck: Luck, args: tuple[str, ...],
                                          message: str) -> None:
    _window_with_people(luck)
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides")
    assert message in luck.fails(*args)


def test_a_second_role_in_one_window_is_refused(luck: Luck) -> None:
    _window_with_people(luck)
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides")
    assert "already a stakeholder of w1" in luck.fails(
        "window", "stakeholders", "w1", "add", "grace@example.com", "--role", "affected")


def test_merge_moves_every_reference_in_one_go(luck: Luck) -> None:
    _window_with_people(luck)
    luck.ok("window", "add", "Budget", "--on", "2027-01-10")
    luck.ok("person", "add", "G. Liu", "--email", "gliu@corp.example")
    luck.ok("sponsor", "add", "g. liu", "--role", "Director")
    luck.ok("promise", "add", "Send the numbers", "--to", "G. Liu", "--due", "fri")
    luck.ok("bench", "add", "Ken Adeyemi", "--action", "unblocked")
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides")
    luck.ok("window", "stakeholders", "w1", "add", "pe3", "--role", "decides")
    luck.ok("window", "stakeholders", "w1", "brief", "pe3", "--on", "2026-11-20")
    luck.ok("window", "stakeholders", "w2", "add", "pe3", "--role", "vetoes")
    said = luck.ok("person", "merge", "Grace Liu", "gliu@corp.example").stdout
    assert "merged pe3 G. Liu into pe1 Grace Liu (4 references moved)" in said
    grace = luck.json("person", "show", "pe1")
    assert grace["emails"] == ["grace@example.com", "gliu@corp.example"]
    assert grace["aliases"] == ["G. Liu"]
    assert "no person pe3" in luck.fails("person", "show", "pe3")
    assert luck.json("sponsor", "show", "sp1")["person"] == "Grace Liu"
    assert luck.json("promise", "show", "p1")["to"] == "Grace Liu"
    w1 = luck.json("window", "stakeholders", "w1", "list")
    assert [(s["name"], s["brief_sent"]) for s in w1] == [("Grace Liu", "2026-11-20")]
    assert [s["name"] for s in luck.json("window", "stakeholders", "w2", "list")] == [
        "Grace Liu"]
    roles = {r["name"]: r for r in luck.json("person", "roles")}
    assert roles["Grace Liu"]["sponsor"] == ["sp1"]
    assert roles["Grace Liu"]["promises"] == ["p1"]
    assert roles["Ken Adeyemi"]["bench"] == ["b1"]


def test_the_migration_makes_people_from_the_names_already_stored(tmp_path: Path) -> None:
    path = tmp_path / "luck.db"
    connection = sqlite3.connect(path)
    for number, _, script in _migrations():
        if number <= 7:
            connection.executescript(script)
    connection.executescript(
        "INSERT INTO sponsor (person) VALUES ('Grace Liu');"
        "INSERT INTO bench (person, action) VALUES ('Kofi Mensah', 'unblocked');"
        "INSERT INTO bench (person, action) VALUES ('  grace LIU ', 'placed');"
        "INSERT INTO promise (what, to_whom, due, status) VALUES ('x', 'kofi mensah', "
        "'2026-01-01', 'open');"
        "INSERT INTO promise (what, to_whom, due, status) VALUES ('y', 'Dana', "
        "'2026-01-01', 'open');")
    connection.execute("PRAGMA user_version = 7")
    connection.execute(f"PRAGMA application_id = {0x4C55434B}")
    connection.commit()
    connection.close()
    store = Store.open(path)
    try:
        assert [p.name for p in store.all("person")] == ["Grace Liu", "Kofi Mensah", "Dana"]
        assert store.get("sponsor", 1).person == "Grace Liu"  # the text stays as typed
    finally:
        store.close()


def test_the_brief_draft_carries_the_objections_and_the_linter_reads_them_back(
        luck: Luck) -> None:
    _window_with_people(luck)
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides")
    luck.ok("window", "stakeholders", "w1", "add", "Ken Adeyemi", "--role", "vetoes")
    luck.ok("window", "stakeholders", "w1", "objection", "Grace Liu", "Too early for FY27",
            "--on", "2026-11-18")
    luck.ok("window", "stakeholders", "w1", "handled", "Grace Liu", "answered", "--how",
            "the pilot already runs in two regions", "--on", "2026-11-19")
    luck.ok("window", "stakeholders", "w1", "objection", "Ken Adeyemi", "Doubles the spend",
            "--on", "2026-11-20")
    text = luck.ok("doc", "new", "brief", "--window", "w1", "--out", "-").stdout
    section = text.split("## Objections received", 1)[1].split("##", 1)[0]
    assert section.strip().splitlines() == [
        "- Grace Liu, 2026-11-18: Too early for FY27 → answered: the pilot already runs in "
        "two regions",
        "- Ken Adeyemi, 2026-11-20: Doubles the spend (open)"]
    assert "- Who decides: Grace Liu" in text
    brief = luck.home / "brief.md"
    brief.write_text(text, encoding="utf-8")
    linted = luck("doc", "lint", str(brief), "--json")
    assert linted.exit_code == 1  # the draft's placeholders are errors and warnings
    findings = json.loads(linted.stdout)["files"][0]["findings"]
    objections = [f for f in findings if f["rule"] == "objection-handled"]
    assert len(objections) == 1 and "Ken Adeyemi" in objections[0]["message"]


# --- luck check and the review ------------------------------------------------------------


def _state(luck: Luck, invariant: str, today: str = "2026-11-25") -> dict:
    result = luck("check", "--only", invariant, "--json", today=today)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["invariants"][0]  # type: ignore[no-any-return]


def test_a_decider_without_the_brief_in_the_prep_lead_breaks_then_heals(luck: Luck) -> None:
    assert _state(luck, "prewire-brief")["state"] == "not_checked"
    _window_with_people(luck)  # w1 on 2026-12-07, prep due 2026-11-30
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides")
    luck.ok("window", "stakeholders", "w1", "add", "Ken Adeyemi", "--role", "affected")
    assert _state(luck, "prewire-brief", "2026-11-29")["state"] == "ok"  # not in prep yet
    found = _state(luck, "prewire-brief", "2026-12-01")
    assert found["state"] == "broken" and [i["ref"] for i in found["items"]] == ["sh1"]
    luck.ok("window", "stakeholders", "w1", "brief", "Grace Liu", "--on", "2026-11-30")
    assert _state(luck, "prewire-brief", "2026-12-01")["state"] == "ok"


def test_an_objection_open_past_seven_days_breaks_then_heals(luck: Luck) -> None:
    _window_with_people(luck)
    luck.ok("window", "stakeholders", "w1", "add", "Ken Adeyemi", "--role", "vetoes")
    assert _state(luck, "objection-open")["state"] == "not_checked"
    luck.ok("window", "stakeholders", "w1", "objection", "Ken Adeyemi", "Too costly", "--on",
            "2026-11-18")
    assert _state(luck, "objection-open", "2026-11-25")["state"] == "ok"  # 7 days: in time
    late = _state(luck, "objection-open", "2026-11-26")
    assert late["state"] == "broken" and "8 days ago" in late["items"][0]["text"]
    luck.ok("window", "stakeholders", "w1", "handled", "Ken Adeyemi", "declined", "--how",
            "the cost is in the FY27 plan", "--on", "2026-11-26")
    assert _state(luck, "objection-open", "2026-11-26")["state"] == "ok"
    (luck.home / "luck.toml").write_text("[check]\nobjection-open = { max_days = 30 }\n",
                                         encoding="utf-8")
    assert _state(luck, "objection-open", "2026-11-26")["finding"].endswith(
        "none older than 30 days")


def test_a_sponsor_without_contact_for_sixty_days_breaks_then_heals(luck: Luck) -> None:
    luck.ok("sponsor", "add", "Grace Liu", "--since", "2026-08-01")
    luck.ok("person", "add", "Grace Liu")
    found = _state(luck, "sponsor-contact")
    assert found["state"] == "broken"
    assert found["items"][0]["text"] == "Grace Liu: last contact 2026-08-01 (116 days ago)"
    luck.ok("window", "add", "FY planning", "--on", "2026-12-07")
    luck.ok("window", "stakeholders", "w1", "add", "grace liu", "--role", "decides")
    luck.ok("window", "stakeholders", "w1", "met", "Grace Liu", "--on", "2026-10-10")
    assert _state(luck, "sponsor-contact")["state"] == "ok"


def test_the_review_shows_the_prewire_line_of_the_next_window(luck: Luck) -> None:
    _window_with_people(luck)
    assert luck.json("review")["prewire"] is None
    luck.ok("window", "stakeholders", "w1", "add", "Grace Liu", "--role", "decides")
    luck.ok("window", "stakeholders", "w1", "add", "Ken Adeyemi", "--role", "vetoes")
    luck.ok("window", "stakeholders", "w1", "brief", "Grace Liu")
    luck.ok("window", "stakeholders", "w1", "objection", "Ken Adeyemi", "Too costly")
    shown = luck.ok("review").stdout
    assert ("Pre-wire, w1 FY planning (2026-12-07): 1 of 2 stakeholders have the brief; "
            "1 objection open") in shown
    assert luck.json("review")["prewire"]["summary"] == (
        "1 of 2 stakeholders have the brief; 1 objection open")
