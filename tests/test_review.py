"""`luck review` and `luck ledger` on a small hand-built workspace, with every figure
computed by hand in the comments.

Today is Wednesday 2026-11-25; the review looks ahead over Thursday 2026-11-26 ..
Wednesday 2026-12-02 and back over Thursday 2026-11-19 .. today. Rolling window 90 days: landed in
(2026-08-27, 2026-11-25]; the 90 days before: (2026-05-29, 2026-08-27].
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from luckos.domain import records as r
from luckos.store import Store
from luckos.workspace import init_workspace
from tests.conftest import Luck, loaded_after

D = dt.date.fromisoformat

PROMISES = [
    # id  what                          made          due           status          landed
    (1, "Retire the cron job", "2026-11-01", "2026-11-20", "open", None),  # 5d overdue
    (2, "Answer the audit questions", "2026-10-20", "2026-11-10", "open", None),  # 15d overdue
    (3, "Send the pre-read", "2026-11-18", "2026-11-25", "open", None),  # today
    (4, "Review Sam's design", "2026-11-20", "2026-11-29", "open", None),  # Sunday
    (5, "Draft the FY27 two-pager", "2026-11-20", "2026-12-02", "open", None),  # today + 7
    (6, "Canary every service", "2026-11-01", "2026-12-10", "open", None),  # later
    (7, "Fix the p95 dashboard", "2026-10-01", "2026-11-01", "kept", "2026-10-30"),  # on time
    (8, "Publish the runbook", "2026-09-15", "2026-10-15", "kept", "2026-10-20"),  # 5d late
    (9, "Migrate the queue", "2026-09-01", "2026-09-30", "missed", "2026-10-01"),
    (10, "Write the post-mortem", "2026-08-01", "2026-08-28", "kept", "2026-08-28"),  # on time
    (11, "Prune the alerts", "2026-08-01", "2026-08-27", "kept", "2026-08-27"),  # boundary
    (12, "Host the guild", "2026-06-01", "2026-06-30", "dropped", "2026-06-15"),
    (13, "Cut the build time", "2026-05-20", "2026-06-10", "kept", "2026-06-25"),  # 15d late
    (14, "Auth consolidation plan", "2026-11-01", "2026-12-01", "renegotiated", "2026-11-20"),
    (15, "Auth consolidation plan", "2026-11-20", "2027-01-15", "open", None),  # p14's successor
    (16, "Onboarding doc", "2025-02-01", "2025-03-01", "kept", "2025-02-20"),  # long ago
]


def build(home: Path) -> None:
    ws, _ = init_workspace(home)
    ws.close()
    store = Store.open(home / "luck.db")
    add = store.add
    with store.transaction():
        store.db.execute("PRAGMA defer_foreign_keys = ON")  # p14 points ahead at p15
        add(r.Theme(label="Faster cold-start", started_on=D("2026-01-10")))
        for pid, what, made, due, status, landed in PROMISES:
            add(r.Promise(id=pid, what=what, to_whom="Rae", made_on=D(made), due=D(due),
                          status=status, landed_on=D(landed) if landed else None,
                          renegotiated_to=15 if pid == 14 else None), keep_id=True)
        # windows
        add(r.Window(name="FY27 planning", kind="planning", on=D("2026-12-07")))  # w1
        add(r.Window(name="Quarterly retro", kind="retro", on=D("2026-01-15"),
                     recurrence="quarterly"))  # w2
        add(r.Window(name="Headcount", kind="headcount", on=D("2026-12-01"),
                     prep_lead_days=14, needs_demo=False, docs=("docs/headcount.md",)))  # w3
        add(r.Window(name="Promo cycle", kind="promotion", on=D("2026-11-30")))  # w4
        add(r.Window(name="Old retro", kind="retro", on=D("2026-10-01")))  # w5: past
        add(r.Window(name="FY28 planning", kind="planning", on=D("2027-06-01")))  # w6: far
        # artifacts
        add(r.Artifact(title="FY27 brief", kind="brief", on=D("2026-11-20"), window_id=1))
        add(r.Artifact(title="Q3 retro brief", kind="brief", on=D("2026-10-01"), window_id=2))
        add(r.Artifact(title="Retro demo", kind="demo", on=D("2026-11-01"), window_id=2))
        add(r.Artifact(title="Cold starts at scale", kind="talk", surface="public",
                       on=D("2026-11-22")))
        add(r.Artifact(title="Canary notes", kind="post", on=D("2026-11-23")))
        # metrics of t1: customer read three months, reliability only in October
        add(r.Metric(theme_id=1, slot="customer", name="checkout drop-off", unit="%",
                     good="down"))
        add(r.Metric(theme_id=1, slot="reliability", name="Friday pages", good="down"))
        for month, value in (("2026-09", 4.0), ("2026-10", 3.0), ("2026-11", 2.5)):
            add(r.Reading(metric_id=1, month=month, value=value, narrative="Fell. Why."))
        add(r.Reading(metric_id=2, month="2026-10", value=3.0, narrative="Held. Fine."))
        # decisions
        add(r.Decision(title="Adopt canaries", on=D("2026-10-01"), review_on=D("2026-11-20")))
        add(r.Decision(title="Split the monolith", on=D("2026-09-01"),
                       review_on=D("2026-11-25")))
        add(r.Decision(title="Hire an SRE", on=D("2026-11-01"), review_on=D("2026-11-26")))
        add(r.Decision(title="Freeze Fridays", on=D("2026-08-01"), review_on=D("2026-11-01"),
                       outcome="incidents fell 60%"))
        add(r.Decision(title="Move to ARM", on=D("2026-11-01")))
        # routing signals
        add(r.Signal(who="Ops", what="the flaky deploy pipeline", on=D("2026-11-16")))
        add(r.Signal(who="Priya", what="the auth migration", on=D("2026-11-15"),
                     escalated=True))
        add(r.Signal(who="Dan", what="the cost ceiling", on=D("2026-11-23")))
    store.close()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workspace `luck` runs in: built once, as every test here only reads it."""
    folder = tmp_path_factory.mktemp("review") / "ws"
    build(folder)
    return folder


def ids(items: list[dict]) -> list[str]:
    return [x["id"] for x in items]


# --- the ledger -------------------------------------------------------------------------


def test_ledger_json(luck: Luck) -> None:
    ledger = luck.json("ledger")
    # all time: on time p7 p10 p11 p16 = 4; late p8 p13 = 2; missed p9; dropped p12;
    # renegotiated early p14; open p1-p6, p15 = 7. Resolved 4+2+1+1 = 8; 4/8 = 50%
    assert ledger["overall"] == {"kept_on_time": 4, "kept_late": 2, "missed": 1, "dropped": 1,
                                 "renegotiated_early": 1, "open": 7, "resolved": 8,
                                 "hit_rate": 0.5}
    # rolling 90 days: p7 on time, p10 on time (08-28), p8 late, p9 missed, p14 reneg.
    # -> 2 of 4 resolved = 50%
    assert ledger["rolling_days"] == 90
    assert ledger["rolling"] == {"kept_on_time": 2, "kept_late": 1, "missed": 1, "dropped": 0,
                                 "renegotiated_early": 1, "open": 0, "resolved": 4,
                                 "hit_rate": 0.5}
    # the 90 days before: p11 on time (08-27 itself), p12 dropped, p13 late -> 1 of 3
    assert ledger["previous_rolling"] == {"kept_on_time": 1, "kept_late": 1, "missed": 0,
                                          "dropped": 1, "renegotiated_early": 0, "open": 0,
                                          "resolved": 3, "hit_rate": 0.3333}
    # trend 0.5 - 0.3333 = +0.1667
    assert ledger["trend"] == 0.1667
    # average slip: (5 + 15) / 2 = 10 days
    assert ledger["average_slip_days"] == 10.0
    assert ids(ledger["overdue"]) == ["p2", "p1"]
    assert ids(ledger["due_soon"]) == ["p3", "p4", "p5"]


def test_ledger_quarters(luck: Luck) -> None:
    quarters = {q["quarter"]: q for q in luck.json("ledger")["quarters"]}
    assert list(quarters) == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    for empty in ("2025-Q3", "2025-Q4", "2026-Q1"):  # p16 landed in 2025-Q1, outside
        assert (quarters[empty]["resolved"], quarters[empty]["hit_rate"]) == (0, None)
    # Q2: p12 dropped 06-15, p13 late 06-25 -> 0 of 2
    assert (quarters["2026-Q2"]["resolved"], quarters["2026-Q2"]["hit_rate"]) == (2, 0.0)
    # Q3: p11 08-27 and p10 08-28, both on time -> 2 of 2
    assert (quarters["2026-Q3"]["resolved"], quarters["2026-Q3"]["hit_rate"]) == (2, 1.0)
    # Q4: p9 missed 10-01, p8 late 10-20, p7 on time 10-30 -> 1 of 3; p14 shown apart
    q4 = quarters["2026-Q4"]
    assert (q4["kept_on_time"], q4["kept_late"], q4["missed"], q4["renegotiated_early"],
            q4["resolved"], q4["hit_rate"]) == (1, 1, 1, 1, 3, 0.3333)


def test_ledger_plain_text(luck: Luck) -> None:
    # compare with runs of spaces folded, so that column widths do not matter
    lines = [" ".join(line.split()) for line in luck.ok("ledger").stdout.splitlines()]
    assert lines[0] == "Credibility ledger as of 2026-11-25"
    assert "hit rate (all time) 50% = 4 kept on time / 8 resolved" in lines
    assert "hit rate (last 90 days) 50% = 2 / 4" in lines
    trend = next(line for line in lines if line.startswith("trend "))
    assert trend.startswith("trend up") and "17 points" in trend
    assert "average slip 10.0 days over 2 promises kept late" in lines
    assert "renegotiated early 1 (not misses, shown apart)" in lines
    # quarter, hit rate, on time, late, missed, dropped, renegotiated early
    assert "2026-Q4 33% 1 1 1 0 1" in lines
    assert "2026-Q3 100% 2 0 0 0 0" in lines
    assert "2026-Q2 0% 0 1 0 1 0" in lines
    assert "2025-Q3 n/a 0 0 0 0 0" in lines
    overdue = lines.index("Overdue")
    assert lines[overdue + 2].startswith("p2 2026-11-10 15d overdue Rae")
    assert lines[overdue + 3].startswith("p1 2026-11-20 5d overdue Rae")
    soon = lines.index("Due soon")
    assert [line.split()[0] for line in lines[soon + 2:soon + 5]] == ["p3", "p4", "p5"]


# --- the review ---------------------------------------------------------------------------


def test_review_promises(luck: Luck) -> None:
    review = luck.json("review")
    assert review["today"] == "2026-11-25"
    assert review["ahead"] == {"from": "2026-11-26", "to": "2026-12-02", "days": 7}
    assert (review["back"]["from"], review["back"]["to"], review["back"]["days"]) == (
        "2026-11-19", "2026-11-25", 7)
    assert review["covers"] == "Ahead: Thu 26 Nov – Wed 2 Dec · Back: Thu 19 – Wed 25 Nov"
    assert ids(review["overdue"]) == ["p2", "p1"]
    # open and due from today to Wednesday 2026-12-02; p6 (12-10) is later
    assert ids(review["due"]) == ["p3", "p4", "p5"]
    assert review["ledger"]["rolling"]["hit_rate"] == 0.5


def test_review_windows(luck: Luck) -> None:
    windows = luck.json("review")["windows"]
    rows = [(o["window"]["id"], o["on"], o["prep_due"], o["days_to_prep"], o["state"],
             o["missing"]) for o in windows]
    assert rows == [
        # promo: prep due 11-23, two days ago, nothing linked, and its packet (`luck packet
        # --for promotion --check`) has claims without evidence
        ("w4", "2026-11-30", "2026-11-23", -2, "late",
         ["two-pager", "demo", "packet (14 of 18 claims without evidence)"]),
        # headcount: 14-day lead, no demo asked, the brief is a linked document
        ("w3", "2026-12-01", "2026-11-17", -8, "ready", []),
        # FY27 planning: a1 is its brief, no demo; prep due in 5 days
        ("w1", "2026-12-07", "2026-11-30", 5, "due", ["demo"]),
        # quarterly retro, next on 2027-01-15: a2 (10-01) predates the 10-15 retro, a3 counts
        ("w2", "2027-01-15", "2027-01-08", 44, "prep", ["two-pager"]),
    ]
    checked = luck("packet", "--for", "promotion", "--check")
    assert checked.exit_code == 1
    assert checked.stdout.endswith("14 of 18 claims have no evidence behind them\n")
    assert windows[1]["brief"] == "docs/headcount.md"
    assert windows[2]["brief"]["id"] == "a1"
    assert windows[3]["demo"]["id"] == "a3"


def test_review_stale_metrics_and_decisions(luck: Luck) -> None:
    review = luck.json("review")
    # t1: customer read for 2026-11; reliability last read 2026-10; speed never defined
    stale = [(s["theme"], s["slot"], s["metric"]["id"] if s["metric"] else None,
              s["latest"]["month"] if s["latest"] else None) for s in review["stale_metrics"]]
    assert stale == [("t1", "reliability", "m2", "2026-10"), ("t1", "speed", None, None)]
    # review dates on or before today with no outcome: d1 (11-20), d2 (today)
    assert ids(review["decisions_due"]) == ["d1", "d2"]


def test_review_looks_back_over_the_last_seven_days(luck: Luck) -> None:
    back = luck.json("review")["back"]
    # 2026-11-19 .. today: the post (11-23), the talk (11-22) and the FY27 brief (11-20)
    assert ids(back["artifacts"]) == ["a5", "a4", "a1"]
    # s3 on 11-23; s1 (11-16) and s2 (11-15) fall outside
    assert ids(back["signals"]) == ["s3"]


def test_review_plain_text(luck: Luck) -> None:
    out = luck.ok("review").stdout
    assert "\x1b[" not in out  # piped: no colour codes
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert lines[0] == "Weekly review, Wed 25 Nov 2026"
    assert lines[1] == "Ahead: Thu 26 Nov – Wed 2 Dec · Back: Thu 19 – Wed 25 Nov"

    def section(title: str) -> list[str]:
        """The rows of a section, without its title and column header."""
        start = lines.index(title) + 2
        end = lines.index("", start) if "" in lines[start:] else len(lines)
        return lines[start:end]

    assert section("Overdue promises") == [
        "p2 2026-11-10 15d overdue Rae Answer the audit questions",
        "p1 2026-11-20 5d overdue Rae Retire the cron job",
    ]
    assert section("Due today and ahead (to 2026-12-02)") == [
        "p3 2026-11-25 today Rae Send the pre-read",
        "p4 2026-11-29 in 4d Rae Review Sam's design",
        "p5 2026-12-02 in 7d Rae Draft the FY27 two-pager",
    ]
    assert section("Next decision windows") == [
        "w4 2026-11-30 2026-11-23 late two-pager, demo, packet (14 of 18 claims without "
        "evidence) Promo cycle",
        "w3 2026-12-01 2026-11-17 ready - Headcount",
        "w1 2026-12-07 2026-11-30 due demo FY27 planning",
        "w2 2027-01-15 2027-01-08 prep two-pager Quarterly retro",
    ]
    assert section("Metrics with no reading for 2026-11") == [
        "t1 Faster cold-start reliability/safety m2 Friday pages 2026-10",
        "t1 Faster cold-start speed/cost (not defined) never",
    ]
    assert section("Decisions past their review date") == [
        "d1 2026-11-20 Adopt canaries",
        "d2 2026-11-25 Split the monolith",
    ]
    credibility = lines[lines.index("Credibility") + 1:lines.index("Credibility") + 4]
    assert credibility[0].startswith("hit rate, last 90 days 50% of 4 resolved (up")
    assert "17 points" in credibility[0]
    assert credibility[1:] == ["hit rate, all time 50% of 8",
                               "renegotiated early 1 in the last 90 days (not misses)"]
    assert section("Artifacts, Thu 19 – Wed 25 Nov") == [
        "a5 2026-11-23 post internal Canary notes",
        "a4 2026-11-22 talk public Cold starts at scale",
        "a1 2026-11-20 brief internal FY27 brief",
    ]
    assert section("Routing signals, Thu 19 – Wed 25 Nov") == [
        "s3 2026-11-23 Dan no the cost ceiling"]


# --- settings change what the review shows -----------------------------------------------


def test_settings_move_the_days_and_the_windows(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    build(home)
    (home / "luck.toml").write_text(
        'week_start = "sunday"\n[thresholds]\ndue_soon_days = 3\nrolling_days = 30\n'
        "[review]\nahead_days = 3\nback_days = 10\n", encoding="utf-8")
    luck = Luck(home)
    review = luck.json("review")
    # ahead 11-26 .. 11-28: p4 (due Sunday 11-29) is later; the week's first day does
    # not matter to the review
    assert review["ahead"] == {"from": "2026-11-26", "to": "2026-11-28", "days": 3}
    assert ids(review["due"]) == ["p3"]
    # back 11-16 .. 11-25: signals s3 (11-23) and s1 (11-16), not s2 (11-15)
    assert review["covers"] == "Ahead: Thu 26 – Sat 28 Nov · Back: Mon 16 – Wed 25 Nov"
    assert ids(review["back"]["signals"]) == ["s3", "s1"]
    assert ids(review["back"]["artifacts"]) == ["a5", "a4", "a1"]
    ledger = review["ledger"]
    # due soon: today .. 11-28 -> p3 only
    assert ids(ledger["due_soon"]) == ["p3"]
    # rolling 30 days, landed in (10-26, 11-25]: p7 on time, p14 renegotiated -> 1 of 1;
    # before, (09-26, 10-26]: p8 late, p9 missed -> 0 of 2; trend +1.0
    assert (ledger["rolling"]["resolved"], ledger["rolling"]["hit_rate"]) == (1, 1.0)
    assert (ledger["previous_rolling"]["resolved"],
            ledger["previous_rolling"]["hit_rate"]) == (2, 0.0)
    assert ledger["trend"] == 1.0
    # the review looks further ahead than the ledger's due soon: its own days decide
    (home / "luck.toml").write_text(
        "[thresholds]\ndue_soon_days = 3\n[review]\nahead_days = 7\n", encoding="utf-8")
    review = luck.json("review")
    assert ids(review["due"]) == ["p3", "p4", "p5"]
    assert ids(review["ledger"]["due_soon"]) == ["p3"]


def test_a_review_on_an_empty_workspace(tmp_path: Path) -> None:
    luck = Luck(tmp_path / "ws")
    luck.ok("init")
    review = luck.json("review")
    assert review["overdue"] == review["due"] == review["windows"] == []
    assert review["ledger"]["overall"]["hit_rate"] is None
    lines = [" ".join(line.split()) for line in luck.ok("review").stdout.splitlines()]
    assert "hit rate, all time n/a of 0" in lines
    assert "(none overdue)" in lines


def test_a_window_recurrence_in_any_case_is_reviewed(tmp_path: Path) -> None:
    luck = Luck(tmp_path / "ws")
    luck.ok("init")
    luck.ok("window", "add", "Budget", "--on", "2026-03-01", "--recurrence", "Half-Yearly")
    # from 2026-03-01 every six months: the next is 2027-03-01, 96 days ahead
    assert [o["on"] for o in luck.json("window", "upcoming", "--days", "120")] == [
        "2027-03-01"]
    assert luck.json("review")["windows"] == []  # beyond the 90-day horizon


def test_review_lists_the_other_broken_invariants(luck: Luck) -> None:
    # a project past its kill review is broken in `luck check`, and the review says so
    luck.ok("project", "add", "Ephemeral stacks", "--started", "2026-09-01",
            "--kill-review", "2026-10-01")
    data = luck.json("review")
    ids = [c["id"] for c in data["broken_checks"]]
    assert "project-kill-review" in ids
    # what the review shows in its own sections is not repeated
    assert not {"promise-overdue", "metric-readings", "decision-review", "window-prep"} & set(ids)
    assert "Also broken (luck check)" in luck.ok("review").stdout


def test_a_kept_review_is_made_again_after_a_change(luck: Luck) -> None:
    """The dashboard asks the review again on every visit: it is made once while the data
    stay the same, and again after a command beside it changes them."""
    from luckos.app.review import weekly
    from luckos.workspace import open_workspace

    today = D("2026-11-25")
    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "2026-11-27",
            today="2026-11-25")
    ws = open_workspace(luck.home)
    try:
        first = weekly(ws, today)
        assert weekly(ws, today) is first
        assert "Ship it" in [p.what for p in first.due]
        luck.ok("promise", "add", "Send it", "--to", "Dana", "--due", "2026-11-28",
                today="2026-11-25")  # another connection
        again = weekly(ws, today)
        assert sorted(p.what for p in again.due) == sorted([*(p.what for p in first.due),
                                                            "Send it"])
    finally:
        ws.close()


def test_a_review_builds_no_packet_and_asks_no_dateutil(home: Path, tmp_path: Path) -> None:
    """The promotion window's readiness is a count: the packet's classes, the evidence's
    and dateutil (for rules that step by whole periods from their first date) are not
    loaded by the review; with no stakeholders and no calendar imported, neither are the
    people rules nor the calendar audit; the quarters the review names need no surface
    area."""
    import shutil

    copy = tmp_path / "ws"
    shutil.copytree(home, copy)
    Luck(copy).ok("window", "add", "Calibration", "--kind", "retro", "--on", "2026-06-10",
                  "--recurrence", "FREQ=YEARLY;BYMONTH=6,12", today="2026-11-25")
    Luck(copy).ok("window", "add", "Budget", "--on", "2026-01-05", "--recurrence",
                  "FREQ=MONTHLY;INTERVAL=4", today="2026-11-25")
    loaded = loaded_after(["--home", str(copy), "--today", "2026-11-25", "review"],
                          ["dateutil", "luckos.domain.packet", "luckos.domain.evidence",
                           "luckos.domain.people", "luckos.app.calendar",
                           "luckos.domain.surface"])
    assert "Calibration" in loaded.stdout and "packet (" in loaded.stdout
    assert loaded.summary == "0 []"


def test_the_review_builds_only_the_classes_of_what_it_reads_and_shows(tmp_path: Path
                                                                        ) -> None:
    # a review over promises, a window, an artifact with a testimonial, an earned secret
    # and a sponsor: the kinds it finds empty (explore entries, projects, the diagnosis,
    # arcs, reboots, estimates, glue) build no record class, nor do the testimonials it
    # only counts hours from, the notes it only dates, the sponsors it only judges by
    # their start or the brief linter's sources; the JSON lists the same asks through the
    # same classes
    from tests.conftest import TODAY_TEXT, subprocess_env

    luck = Luck(tmp_path / "ws")  # a workspace of its own: this module's is only read
    luck.ok("init")
    luck.ok("promise", "add", "Ship the runbook", "--to", "Dana", "--due", "2026-11-27")
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-10")
    luck.ok("artifact", "add", "Runbook: shard rollout", "--kind", "runbook", "--on",
            "2026-09-01")
    luck.ok("testimonial", "add", "Hiro", "--artifact", "a1", "--hours", "30")
    luck.ok("note", "add", "The fan-out is an org-chart artifact.", "--kind",
            "earned-secret", "--on", "2025-06-01")
    luck.ok("sponsor", "add", "Mira Okafor", "--since", "2026-10-01")
    unused = ["luckos.domain.records.explore", "luckos.domain.records.project",
              "luckos.domain.records.diagnosis", "luckos.domain.records.arc",
              "luckos.domain.records.reboot", "luckos.domain.records.testimonial",
              "luckos.domain.loop_records", "luckos.domain.brief_source",
              # the newest note's id and date are read for the writing habit, not the note
              "luckos.domain.records.note", "luckos.domain.records.estimate",
              "luckos.domain.records.glue",
              # with no person recorded, a sponsor's start is read, not the sponsor
              "luckos.domain.records.sponsor",
              # a search match in a table, and the monthly update (--month) alone
              "luckos.cli.marked", "luckos.cli.consequence"]
    for args in (["review"], ["review", "--json"]):
        loaded = loaded_after(["--today", TODAY_TEXT, *args], unused,
                              env=subprocess_env(luck.home))
        assert loaded.summary == "0 []", args
        assert "saved 30 h" in loaded.stdout and "org-chart" not in loaded.stdout
        assert "nothing grew from it yet" in loaded.stdout
    # the text writes no record as JSON: the JSON's writers are not loaded for it
    loaded = loaded_after(["--today", TODAY_TEXT, "review"],
                          ["luckos.app.records", "luckos.app.themes"],
                          env=subprocess_env(luck.home))
    assert loaded.summary == "0 []"
    # with the loop's records kept, each kind builds its own class and no other
    luck.ok("project", "add", "Ephemeral stacks", "--started", "2026-09-01")
    loaded = loaded_after(["--today", TODAY_TEXT, "review"], unused,
                          env=subprocess_env(luck.home))
    assert loaded.found == ["luckos.domain.records.project"]


def test_every_class_the_review_builds_carries_its_own_docstring(home: Path) -> None:
    # a dataclass without a docstring is given one made of its signature, which costs
    # every command that builds it about a third of a millisecond (inspect formats each
    # field and default): the review's classes say what they are instead
    import subprocess
    import sys

    code = ("import dataclasses, io, sys, contextlib; from luckos.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    main(['--home', {str(home)!r}, '--today', '2026-11-25', 'review'])\n"
            "built = [c for m in list(sys.modules.values())\n"
            "         if m and m.__name__.startswith('luckos')\n"
            "         for c in vars(m).values() if isinstance(c, type)\n"
            "         and c.__module__ == m.__name__ and dataclasses.is_dataclass(c)]\n"
            "assert len(built) > 10, built\n"
            "print(sorted(c.__qualname__ for c in built\n"
            "             if (c.__doc__ or '').startswith(c.__name__ + '(')))")
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"
