"""Each page's JSON twin is the CLI's --json for the same report; the HTML shows it."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from tests.conftest import TODAY, Luck
from tests.web.conftest import csrf_of, state

TWINS = [
    ("/", ("review",)),
    ("/ledger", ("ledger",)),
    ("/windows", ("window", "upcoming", "--days", "365")),
    ("/themes/t1", ("theme", "show", "t1")),
    ("/search?q=runbook", ("search", "runbook")),
    ("/list/promise", ("promise", "list")),
    ("/list/artifact?kind=runbook", ("artifact", "list", "--kind", "runbook")),
    ("/list/signal", ("signal", "list")),
    ("/notes", ("note", "list")),
]


@pytest.mark.parametrize(("path", "command"), TWINS, ids=[p for p, _ in TWINS])
def test_the_json_twin_equals_the_cli_json(web: TestClient, filled: Luck, path: str,
                                           command: tuple[str, ...]) -> None:
    expected = filled.json(*command)
    joiner = "&" if "?" in path else "?"
    assert web.get(f"{path}{joiner}format=json").json() == expected
    if "?" not in path:
        suffix = "/index.json" if path == "/" else f"{path}.json"
        assert web.get(suffix).json() == expected


def test_the_windows_page_shows_each_window_s_linked_estimate(web: TestClient,
                                                              filled: Luck) -> None:
    filled.ok("window", "add", "FY27 planning", "--kind", "planning", "--on", "2026-12-14")
    filled.ok("window", "add", "Headcount", "--kind", "headcount", "--on", "2026-12-21")
    filled.ok("estimate", "cold-start", "--seed", "7", "--samples", "2000", "--save",
              "--window", "w1")
    page = web.get("/windows").text
    planning = page.split('<tr id="w1-2026-12-14">')[1].split("</tr>")[0]
    saved = filled.json("estimate", "show", "est1")
    assert f"est1 {saved['name']}: median" in planning
    assert "est1" not in page.split('<tr id="w2-2026-12-21">')[1].split("</tr>")[0]
    data = web.get("/windows.json").json()
    assert data == filled.json("window", "upcoming", "--days", "365")
    by_window = {o["window"]["id"]: o["estimates"] for o in data}
    assert [e["id"] for e in by_window["w1"]] == ["est1"] and by_window["w2"] == []
    assert by_window["w1"][0]["p50"] == saved["p50"]


def test_a_recurring_window_s_estimate_counts_until_its_next_date(luck: Luck) -> None:
    # saved for the 2026-10-15 retro (after the 07-15 one): it is that date's rough math,
    # and the next date (2027-01-15) starts without, as its brief does
    luck.ok("window", "add", "Quarterly retro", "--on", "2026-01-15", "--recurrence",
            "quarterly")
    luck.ok("estimate", "cold-start", "--seed", "7", "--samples", "2000", "--save",
            "--window", "w1", today="2026-10-01")
    then = luck.json("window", "upcoming", "--days", "30", today="2026-10-02")
    assert [(o["on"], [e["id"] for e in o["estimates"]]) for o in then] == [
        ("2026-10-15", ["est1"])]
    now = luck.json("window", "upcoming", "--days", "120")
    assert [(o["on"], [e["id"] for e in o["estimates"]]) for o in now] == [
        ("2027-01-15", [])]


def test_the_check_page_twin_equals_luck_check_json_and_shows_broken_first(
        web: TestClient, filled: Luck) -> None:
    result = filled("check", "--json")
    assert result.exit_code == 1  # the overdue promise breaks an invariant
    assert web.get("/check.json").json() == json.loads(result.stdout)
    page = web.get("/check").text
    states = re.findall(r'<tr class="state-(\w+)">', page)
    assert "broken" in states
    assert states == sorted(states, key=lambda s: s != "broken")
    assert "luck promise" in page  # the command that fixes the overdue promise


def test_the_home_page_shows_the_review_and_the_trend_chart(web: TestClient) -> None:
    page = web.get("/").text
    assert "Ship the canary runbook" in page  # overdue
    assert "Review the rollout plan" in page  # due this week
    assert 'aria-label="hit rate by quarter"' in page and "<svg" in page
    assert "<script" not in page


def test_the_home_page_says_which_days_the_review_covers(web: TestClient,
                                                         filled: Luck) -> None:
    filled.ok("artifact", "add", "Canary post", "--kind", "post", "--on", "2026-11-24")
    page = web.get("/").text
    assert "Ahead: Thu 26 Nov – Wed 2 Dec · Back: Thu 19 – Wed 25 Nov" in page
    back = page.split('<section id="back">')[1].split("</section>")[0]
    assert "2026-11-19 to 2026-11-25" in back
    assert "Canary post" in back
    # the runbook (11-18) and the signal (11-17) are older than the last seven days
    assert "Cold-start runbook" not in back and "edge-cache" not in back
    assert web.get("/index.json").json() == filled.json("review")


def test_search_highlights_the_matched_words(web: TestClient) -> None:
    page = web.get("/search?q=hallway").text
    assert "<mark>hallway</mark>" in page
    assert "private" in page  # the earned secret, marked as such


def test_the_notes_page_marks_private_notes(web: TestClient, filled: Luck) -> None:
    page = web.get("/notes").text
    assert "never leave" in page
    row = next(line for line in page.split("<tr") if "hallway" in line)
    assert 'class="private"' in row


def test_keep_from_the_ledger_moves_the_hit_rate(web: TestClient, filled: Luck) -> None:
    before = web.get("/ledger.json").json()["overall"]["hit_rate"]
    page = web.get("/ledger").text
    answer = web.post("/promises/p1/keep", data={"csrf": csrf_of(page)},
                      follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/ledger"
    after = web.get("/ledger.json").json()
    assert filled.json("promise", "show", "p1")["status"] == "kept"
    assert after == filled.json("ledger")
    assert after["overall"]["resolved"] == 2 and before != after["overall"]["hit_rate"]


def test_renegotiate_from_the_ledger_as_the_cli_does(web: TestClient, filled: Luck) -> None:
    # p3 "Review the rollout plan" is due Friday 11-27: renegotiated early, today
    # (Wednesday 11-25), to +2w (12-09)
    page = web.get("/ledger").text
    row = page.split('<tr id="p3">')[1].split("</tr>")[0]
    assert 'action="/promises/p3/renegotiate"' in row and 'name="due"' in row
    answer = web.post("/promises/p3/renegotiate", data={"csrf": csrf_of(page), "due": "+2w"},
                      follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/ledger?renegotiated=p3&now=p4")
    shown = web.get(answer.headers["location"]).text
    assert "p3 renegotiated early (not a miss); now p4, due 2026-12-09" in shown
    closed, successor = filled.json("promise", "show", "p3"), filled.json("promise", "show", "p4")
    assert (closed["status"], closed["ended_on"], closed["renegotiated_to"]) == (
        "renegotiated", "2026-11-25", "p4")
    assert (successor["status"], successor["due"], successor["what"]) == (
        "open", "2026-12-09", "Review the rollout plan")
    assert web.get("/ledger.json").json() == filled.json("ledger")


def test_renegotiate_past_due_records_the_miss(web: TestClient, filled: Luck) -> None:
    csrf = csrf_of(web.get("/ledger").text)
    answer = web.post("/promises/p1/renegotiate", data={"csrf": csrf, "due": "2026-12-04"})
    assert answer.status_code == 200
    assert "p1 was past due: recorded as missed; now p4, due 2026-12-04" in answer.text
    assert filled.json("promise", "show", "p1")["status"] == "missed"


@pytest.mark.parametrize(("due", "cli"), [
    ("someday", ("--due", "someday")),
    ("2026-11-20", ("--due", "2026-11-20")),  # before today: not after the agreement
    ("2026-02-30", ("--due", "2026-02-30")),
])
def test_renegotiate_refuses_with_the_cli_s_message_and_writes_nothing(
        web: TestClient, filled: Luck, due: str, cli: tuple[str, ...]) -> None:
    message = filled.fails("promise", "renegotiate", "p3", *cli).removeprefix("luck: error: ")
    before = state(filled.home)
    page = web.get("/ledger").text
    answer = web.post("/promises/p3/renegotiate", data={"csrf": csrf_of(page), "due": due})
    assert answer.status_code == 422  # a value refused, as the quick-add forms answer it
    row = answer.text.split('<tr id="p3">')[1].split('<tr id=')[0]
    assert escape(message) in row, (message, row)  # beside the promise it is about
    assert state(filled.home) == before


def test_renegotiate_without_a_date_or_on_a_closed_promise_is_refused(
        web: TestClient, filled: Luck) -> None:
    before = state(filled.home)
    csrf = csrf_of(web.get("/ledger").text)
    empty = web.post("/promises/p3/renegotiate", data={"csrf": csrf, "due": " "})
    assert empty.status_code == 422 and "give the new due date (--due)" in empty.text
    message = filled.fails("promise", "renegotiate", "p2", "--due", "+2w")
    closed = web.post("/promises/p2/renegotiate", data={"csrf": csrf, "due": "+2w"})
    assert closed.status_code == 409  # the promise was kept already
    assert escape(message.removeprefix("luck: error: ")) in closed.text  # p2 was kept
    assert state(filled.home) == before


def test_quick_add_takes_the_cli_s_dates_and_lands_in_the_ledger(web: TestClient,
                                                                 filled: Luck) -> None:
    csrf = csrf_of(web.get("/add").text)
    answer = web.post("/add/promise", data={"csrf": csrf, "what": "Send the FY brief",
                                            "to_whom": "Grace", "due": "fri"})
    assert answer.status_code == 200
    assert "Send the FY brief" in answer.text  # redirected to the ledger, due soon
    added = [p for p in filled.json("promise", "list") if p["what"] == "Send the FY brief"]
    assert added and added[0]["due"] == "2026-11-27" and added[0]["to"] == "Grace"


@pytest.mark.parametrize(("form", "fields", "cli"), [
    ("promise", {"what": "x", "to_whom": "Grace", "due": "someday"},
     ("promise", "add", "x", "--to", "Grace", "--due", "someday")),
    ("promise", {"what": "x", "to_whom": "Grace", "due": "+1w", "made_on": "+2d"},
     ("promise", "add", "x", "--to", "Grace", "--due", "+1w", "--on", "+2d")),
    ("artifact", {"title": "Talk", "kind": "poem"}, ("artifact", "add", "Talk", "--kind", "poem")),
    ("signal", {"what": "Own it", "who": "Ken", "on": "2027-01-01"},
     ("signal", "add", "Own it", "--who", "Ken", "--on", "2027-01-01")),
])
def test_quick_add_refuses_with_the_cli_s_message_and_writes_nothing(
        web: TestClient, filled: Luck, form: str, fields: dict[str, str],
        cli: tuple[str, ...]) -> None:
    message = filled.fails(*cli).removeprefix("luck: error: ")
    before = state(filled.home)
    csrf = csrf_of(web.get("/add").text)
    answer = web.post(f"/add/{form}", data={"csrf": csrf, **fields})
    assert answer.status_code == 422  # a value refused: the status of an invalid one
    assert "luck: error" not in answer.text
    assert escape(message) in answer.text, (message, answer.text[-2000:])
    assert state(filled.home) == before


def test_a_win_an_artifact_a_note_and_a_signal_from_the_forms(web: TestClient,
                                                              filled: Luck) -> None:
    csrf = csrf_of(web.get("/add").text)
    web.post("/add/win", data={"csrf": csrf, "body": "Gave the guild talk", "on": "mon"})
    web.post("/add/artifact", data={"csrf": csrf, "title": "Retry-budget post",
                                    "kind": "post", "surface": "public"})
    web.post("/add/note", data={"csrf": csrf, "body": "Ask Rae first", "kind": "journal"})
    web.post("/add/signal", data={"csrf": csrf, "who": "Omar", "what": "Lead the SLO review",
                                  "escalated": "no"})
    notes = {n["body"]: n for n in filled.json("note", "list")}
    assert notes["Gave the guild talk"]["kind"] == "year-in-public"
    assert notes["Gave the guild talk"]["on"] == "2026-11-23"
    assert "Ask Rae first" in notes
    assert any(a["title"] == "Retry-budget post" for a in filled.json("artifact", "list"))
    assert any(s["who"] == "Omar" for s in filled.json("signal", "list"))


def test_a_reading_from_the_theme_page_adds_a_point(web: TestClient, filled: Luck) -> None:
    page = web.get("/themes/t1").text
    assert page.count('class="point"') == 1
    assert "stale" in page  # no reading this month
    web.post("/themes/t1/reading", data={"csrf": csrf_of(page), "slot": "speed",
                                         "value": "640", "narrative": "Snapshot restore."})
    page = web.get("/themes/t1").text
    assert page.count('class="point"') == 2
    assert "Snapshot restore." in page and "stale:" not in page
    speed = next(m for m in filled.json("theme", "show", "t1")["metrics"]
                 if m["slot"] == "speed")
    assert speed["latest"]["value"] == 640 and speed["latest"]["month"] == "2026-11"


def test_a_document_shows_its_lint_findings_beside_the_lines(web: TestClient,
                                                             filled: Luck) -> None:
    filled.ok("doc", "new", "brief", "--theme", "t1", "--out",
              str(filled.home / "docs" / "brief.md"))
    assert "brief.md" in web.get("/documents").text
    page = web.get("/documents/brief.md")
    assert page.status_code == 200
    data = web.get("/documents/brief.md?format=json").json()
    assert data["findings"], "a fresh draft has something to fill in"
    first = data["findings"][0]
    row = page.text.split(f'<tr id="L{first["line"]}">')[1].split("</tr>")[0]
    assert first["rule"] in row


def test_the_calendar_page_is_the_last_audit_with_a_heat_map(web: TestClient,
                                                             filled: Luck) -> None:
    from luckos.demo.calendar import write_calendar

    assert web.get("/calendar").status_code == 400  # nothing imported yet, said so
    assert "luck calendar import" in web.get("/calendar").text
    sample = write_calendar(filled.home.parent / "work.ics", TODAY)
    filled.ok("calendar", "import", str(sample))
    result = filled("calendar", "audit", "--json")
    assert web.get("/calendar.json").json() == json.loads(result.stdout)
    page = web.get("/calendar").text
    assert 'aria-label="meeting minutes per week by weekday and hour"' in page
    assert page.count("<rect") >= 7
