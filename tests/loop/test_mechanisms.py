"""The essay's remaining mechanisms, each through `luck`: what is recorded, what the
review asks for until it is filled in, and what `luck check` and stay-or-move read."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import Luck


def asks(luck: Luck, topic: str, today: str = "2026-11-25") -> list[dict[str, Any]]:
    data = luck.json("review", today=today)
    return [a for a in data["asks"] if a["topic"] == topic]


# --- the misses as learning --------------------------------------------------------------


def test_promise_miss_records_the_lesson_and_the_review_asks_for_a_missing_one(
        luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the runbook", "--to", "Dana", "--due", "2026-11-20",
            "--on", "2026-11-01")
    luck.ok("promise", "add", "Review the RFC", "--to", "Omar", "--due", "2026-11-21",
            "--on", "2026-11-01")
    out = luck.ok("promise", "miss", "p1", "--lesson", "Say the risk on day one.").stdout
    assert out == "p1 missed: Ship the runbook\n"
    out = luck.ok("promise", "miss", "p2").stdout  # piped: not asked, told
    assert "no lesson yet: the review asks for it (luck promise edit p2 --lesson TEXT)" in out
    assert luck.json("promise", "show", "p1")["lesson"] == "Say the risk on day one."
    assert [a["ref"] for a in asks(luck, "lesson")] == ["p2"]
    review = luck.ok("review").stdout
    assert "Asked of you" in review and "write the lesson" in review
    luck.ok("promise", "edit", "p2", "--lesson", "Block review time on Mondays.")
    assert asks(luck, "lesson") == []


def test_the_review_shows_five_asks_of_a_kind_and_counts_the_rest(luck: Luck) -> None:
    for day in range(1, 9):
        luck.ok("promise", "add", f"Ship part {day}", "--to", "Dana", "--due",
                f"2026-11-{day + 10:02d}", "--on", "2026-11-01")
        luck.ok("promise", "miss", f"p{day}")
    assert len(asks(luck, "lesson")) == 8  # the JSON keeps every ask
    review = luck.ok("review").stdout
    assert review.count("write the lesson") == 5
    assert "3 more not shown (3 lesson); luck review --json lists them all" in review


# --- sponsoring well ---------------------------------------------------------------------


def test_a_sponsorship_names_the_bet_and_the_review_asks_until_it_is_sponsored_well(
        luck: Luck) -> None:
    assert luck.fails("bench", "add", "Lena", "--action", "sponsored") == (
        "luck: error: a sponsorship names the person and the bet in writing: give the bet "
        "(--bet TEXT)")
    result = luck.ok("bench", "add", "Lena", "--action", "sponsored", "--on", "2026-11-02",
                     "--bet", "Lena leads the canary rollout")
    assert "sponsoring well: 0 of the first two tough meetings attended" in result.stderr
    [ask] = asks(luck, "sponsoring")
    assert ask["ref"] == "b1"
    assert ask["text"].startswith("sponsored Lena on 2026-11-02: 0 of the first two tough "
                                  "meetings attended; no heat taken; no credit shared")
    luck.ok("bench", "edit", "b1", "--first-meeting", "2026-11-05", "--second-meeting",
            "2026-11-12", "--heat", "2026-11-13", "--heat-where", "the rollout review")
    [ask] = asks(luck, "sponsoring")
    assert "tough meetings" not in ask["text"] and "no credit shared" in ask["text"]
    result = luck.ok("bench", "edit", "b1", "--credit-where", "all-hands")
    assert "warning: where you shared the credit has no date: add --credit DATE" in (
        result.stderr)
    assert len(asks(luck, "sponsoring")) == 1  # the date is what counts
    luck.ok("bench", "edit", "b1", "--credit", "2026-11-20", "--credit-where", "all-hands")
    assert asks(luck, "sponsoring") == []
    shown = luck.json("bench", "show", "b1")
    assert (shown["first_meeting_on"], shown["credit_where"]) == ("2026-11-05", "all-hands")
    assert luck.fails("bench", "add", "Kofi", "--action", "placed", "--heat",
                      "2026-11-20").startswith("luck: error: meetings attended, heat taken")


# --- projects: consequential work, and a first milestone within a quarter ----------------


def stay(luck: Luck, today: str = "2026-11-25") -> dict[str, Any]:
    return {a["key"]: a for a in luck.json("stay-or-move", today=today)["answers"]}


def test_stay_or_move_breaks_after_two_planning_windows_without_consequential_work(
        luck: Luck) -> None:
    luck.ok("window", "add", "Half-year planning", "--kind", "planning", "--on", "2026-03-02",
            "--recurrence", "half-yearly")  # 2026-03-02 and 2026-09-02 have passed
    luck.ok("project", "add", "Cache cleanup", "--started", "2026-04-01", "--visible")
    a = stay(luck)["staffed"]
    assert (a["group"], a["answer"]) == ("leave if", "consider moving")
    assert a["summary"].startswith("two planning windows passed (2026-03-02, 2026-09-02)")
    assert "pj1 Cache cleanup: lacks spans teams, a business metric" in [
        f"{e['ref']} {e['text']}" for e in a["evidence"]]
    luck.ok("project", "edit", "pj1", "--spans-teams", "--business-metric",
            "checkout conversion")
    a = stay(luck)["staffed"]
    assert a["answer"] == "staffed"
    # with one planning window passed, it cannot yet say
    assert stay(luck, today="2026-05-01")["staffed"]["answer"] == "not yet known"


def test_first_milestone_within_a_quarter_and_check_breaks_when_it_passes_unlanded(
        luck: Luck) -> None:
    assert luck.fails("project", "add", "Edge cache", "--started", "2026-08-01",
                      "--milestone-on", "2026-12-01") == (
        "luck: error: the first milestone 2026-12-01 is 122 days after the start: scope it to "
        "show momentum within a quarter (at most 92 days)")
    result = luck.ok("project", "add", "Edge cache", "--started", "2026-10-01")
    assert "no first milestone date" in result.stderr
    luck.ok("project", "edit", "pj1", "--milestone", "one region on the cache",
            "--milestone-on", "2026-11-20")
    code, results = luck.check("--only", "project-milestone")
    r = results["project-milestone"]
    assert (code, r["state"]) == (1, "broken")
    assert r["items"] == [{"ref": "pj1", "text": "Edge cache: first milestone 'one region on "
                           "the cache' was due 2026-11-20, not landed"}]
    luck.ok("project", "edit", "pj1", "--milestone-landed", "2026-11-24")
    code, results = luck.check("--only", "project-milestone")
    assert (code, results["project-milestone"]["state"]) == (0, "ok")


# --- windows and briefs record their outcome ---------------------------------------------


def test_windows_and_briefs_record_an_outcome_and_stay_or_move_counts_declines(
        luck: Luck) -> None:
    assert stay(luck)["oxygen"]["answer"] == "not yet known"
    luck.ok("window", "add", "Budget review", "--kind", "budget", "--on", "2026-06-01",
            "--outcome", "declined", "--outcome-on", "2026-06-03")
    luck.ok("artifact", "add", "Two-pager: edge cache", "--kind", "brief", "--on",
            "2026-08-01", "--outcome", "declined", "--outcome-on", "2026-08-20")
    assert luck.fails("window", "edit", "w1", "--outcome", "won") == (
        "luck: error: invalid outcome 'won': choose one of funded, declined, deferred")
    a = stay(luck)["oxygen"]
    assert (a["group"], a["answer"]) == ("leave if", "no oxygen: reposition")
    assert a["summary"] == "in the last year: 0 funded, 2 declined, 0 deferred"
    assert [e["ref"] for e in a["evidence"]] == ["w1", "a1"]
    luck.ok("artifact", "edit", "a1", "--outcome", "funded")
    assert stay(luck)["oxygen"]["answer"] == "oxygen"


# --- the theme: its sentence and the triangulation ---------------------------------------


def test_theme_add_warns_of_gaps_and_the_one_pager_prints_the_triangulation(
        luck: Luck) -> None:
    result = luck.ok("theme", "add", "Cheap queries", "--pain", "the query bill doubles")
    assert "warning: no sentence: the one anyone can repeat" in result.stderr
    assert "warning: triangulation unanswered: --advantage, --progress" in result.stderr
    luck.ok("theme", "edit", "t1", "--advantage", "I wrote the planner",
            "--progress", "cost per query down 20% this quarter")
    text = luck.ok("doc", "new", "one-pager", "--theme", "t1", "--out", "-").stdout
    assert "## Why this theme" in text
    assert "- Real pain for the business: the query bill doubles" in text
    assert "- Unfair advantage: I wrote the planner" in text


# --- the pendulum ------------------------------------------------------------------------


def test_arc_records_the_pendulum_answers_and_stay_or_move_reads_them(luck: Luck) -> None:
    luck.ok("arc", "start", "--role", "Staff engineer, payments", "--track", "ic", "--on",
            "2025-02-01")
    a = stay(luck)["pendulum"]
    assert (a["group"], a["answer"]) == ("leave if", "not yet known")
    luck.ok("arc", "edit", "ar1", "--scope-without-title", "yes", "--technical-with-title",
            "no", "--answered", "2026-11-01")
    a = stay(luck)["pendulum"]
    assert a["answer"] == "constraining"
    assert a["summary"] == "you cannot do real technical work with one here"
    assert a["evidence"][0]["text"].endswith("technical work with one: no on 2026-11-01")
    luck.ok("arc", "edit", "ar1", "--technical-with-title", "yes")
    assert stay(luck)["pendulum"]["answer"] == "not constraining"
    assert luck.fails("arc", "edit", "ar1", "--scope-without-title", "maybe") == (
        "luck: error: invalid scope-without-title 'maybe': choose one of yes, no")


# --- the explore loop counts documented entries ------------------------------------------


def test_explore_entry_without_link_or_lesson_does_not_count(luck: Luck) -> None:
    luck.ok("explore", "add", "Firecracker teardown", "--kind", "teardown", "--on",
            "2026-10-01", "--link", "notes/firecracker.md")
    result = luck.ok("explore", "add", "WASM prototype", "--kind", "weekend-prototype",
                     "--on", "2026-11-20")
    assert "warning: not documented: without a link (--link) or what you learned" in (
        result.stderr)
    code, results = luck.check("--only", "explore-loop")
    r = results["explore-loop"]
    assert "no explore entry in 31 days (last x1, 55d ago)" in r["finding"]
    [ask] = asks(luck, "explore")
    assert ask["ref"] == "x2" and "not counted toward the cadence" in ask["text"]
    luck.ok("explore", "edit", "x2", "--learned", "the loader is the cold start")
    code, results = luck.check("--only", "explore-loop")
    assert [i["ref"] for i in results["explore-loop"]["items"]][0] == "x2"
    assert asks(luck, "explore") == []


# --- earned secrets: the seed of talks and tools -----------------------------------------


def test_artifacts_and_explore_entries_cite_the_earned_secret_they_grew_from(
        luck: Luck) -> None:
    luck.ok("note", "add", "The auth fan-out is an org-chart artifact.", "--kind",
            "earned-secret", "--on", "2025-06-01")
    luck.ok("note", "add", "Load tests cost more in people than in machines.", "--kind",
            "earned-secret", "--on", "2025-07-01")
    luck.ok("note", "add", "Met Dana about the roadmap.", "--on", "2025-07-02")
    assert [a["ref"] for a in asks(luck, "earned secret")] == ["n1", "n2"]
    luck.ok("artifact", "add", "Cold start is an org-chart problem", "--kind", "talk",
            "--surface", "public", "--from", "n1", "--on", "2026-03-01")
    luck.ok("explore", "add", "Load-test cost model", "--kind", "weekend-prototype",
            "--from", "n2", "--link", "notes/cost.md", "--on", "2026-11-01")
    assert asks(luck, "earned secret") == []
    shown = luck.ok("artifact", "show", "a1").stdout
    assert "n1" in shown and "org-chart artifact" not in shown  # the id, never the note
    assert luck.json("explore", "show", "x1")["from"] == "n2"
    assert luck.fails("artifact", "edit", "a1", "--from", "n3") == (
        "luck: error: n3 is a journal note; --from cites an earned secret (luck note add "
        "TEXT --kind earned-secret)")
    # an export without the earned secrets leaves the citations out, so that it imports
    luck.ok("export", str(luck.home / "out.json"))
    data = json.loads((luck.home / "out.json").read_text(encoding="utf-8"))
    assert [a["from"] for a in data["records"]["artifact"]] == [None]
    luck.ok("import", "--replace", str(luck.home / "out.json"))
    assert luck.json("artifact", "show", "a1")["from"] is None


def test_the_review_shows_the_five_oldest_fallow_secrets_and_counts_the_rest(
        luck: Luck) -> None:
    # the terminal's review reads only the secrets it shows and counts the others; the
    # JSON lists every one; a secret something grew from, or one less than a year old, is
    # neither shown nor counted
    for month in range(1, 10):
        luck.ok("note", "add", f"Secret {month}", "--kind", "earned-secret", "--on",
                f"2025-{month:02d}-01")
    luck.ok("note", "add", "Fresh secret", "--kind", "earned-secret", "--on", "2026-01-01")
    luck.ok("artifact", "add", "A talk", "--kind", "talk", "--from", "n2", "--on",
            "2026-03-01")
    assert [a["ref"] for a in asks(luck, "earned secret")] == [
        "n1", "n3", "n4", "n5", "n6", "n7", "n8", "n9"]
    review = luck.ok("review").stdout
    assert [f"n{i}" for i in (1, 3, 4, 5, 6)] == [
        word for line in review.splitlines() if line.startswith("earned secret")
        for word in line.split()[2:3]]
    assert "3 more not shown (3 earned secret); luck review --json lists them all" in review


# --- hours an artifact took against the hours it saved ------------------------------------


def test_artifact_hours_are_set_against_the_hours_its_testimonials_saved(luck: Luck) -> None:
    luck.ok("artifact", "add", "Runbook: shard rollout", "--kind", "runbook", "--on",
            "2026-09-01")
    luck.ok("testimonial", "add", "Hiro", "--artifact", "a1", "--hours", "30")
    luck.ok("testimonial", "add", "Kofi", "--artifact", "a1", "--hours", "18")
    [ask] = asks(luck, "hours")
    assert ask["text"] == ("Runbook: shard rollout: testimonials say it saved 48 h; how many "
                           "did it take? (luck artifact edit a1 --hours H)")
    luck.ok("artifact", "edit", "a1", "--hours", "12")
    [ask] = asks(luck, "hours")
    assert ask["text"] == "Runbook: shard rollout: took 12 h, saved 48 h (4.0x)"
    assert luck.fails("artifact", "edit", "a1", "--hours", "-3") == (
        "luck: error: hours -3 is out of range (0 to 10000)")


def test_the_review_shows_the_five_oldest_artifacts_that_saved_hours_and_counts_the_rest(
        luck: Luck) -> None:
    # the terminal's review reads the artifacts it shows and counts the others in SQL: the
    # same asks, in the same order, as the first five of the JSON's
    for n in range(1, 9):
        luck.ok("artifact", "add", f"Runbook {n}", "--kind", "runbook", "--on",
                f"2026-0{n}-0{n}", *(["--hours", "0"] if n == 2 else
                                     ["--hours", "4"] if n == 3 else []))
        luck.ok("testimonial", "add", "Hiro", "--artifact", f"a{n}", "--hours", f"{n}.5",
                "--on", "2026-09-01")
    luck.ok("testimonial", "add", "Kofi", "--artifact", "a3", "--hours", "0.25", "--on",
            "2026-09-02")
    luck.ok("artifact", "add", "No testimonial", "--kind", "runbook", "--on", "2026-01-02")
    every = asks(luck, "hours")
    assert [a["ref"] for a in every] == ["a1", "a3", "a4", "a5", "a6", "a7", "a8"]
    review = luck.ok("review").stdout
    shown = [line.split(None, 2)[2] for line in review.splitlines()
             if line.startswith("hours ")]
    assert shown == [a["text"] for a in every[:5]]
    assert "took 4 h, saved 3.75 h (0.9x)" in shown[1]
    assert "2 more not shown (2 hours); luck review --json lists them all" in review


# --- the glue exit -----------------------------------------------------------------------


def test_glue_mechanisms_link_what_shipped_them_and_hours_compare_by_quarter(
        luck: Luck) -> None:
    luck.ok("glue", "add", "Onboarding questions", "--hours", "6", "--on", "2026-08-10",
            "--mechanism", "an onboarding FAQ")
    luck.ok("glue", "add", "Onboarding questions", "--hours", "3", "--on", "2026-10-12",
            "--mechanism", "An onboarding FAQ")
    luck.ok("glue", "add", "Release notes", "--hours", "2", "--on", "2026-11-02")
    [glue] = asks(luck, "glue")
    assert glue["text"] == ("2026-Q4 so far 5 h of glue, less than 2026-Q3 by the same day "
                            "(6 h); 2026-Q3 6 h against 2026-Q2 0 h")
    [named] = asks(luck, "mechanism")
    assert named["ref"] == "g1"
    assert named["text"].startswith("'an onboarding FAQ', named 2026-08-10 for Onboarding "
                                    "questions, never shipped (9 h of glue it would replace)")
    luck.ok("artifact", "add", "Onboarding FAQ", "--kind", "runbook", "--on", "2026-11-20")
    luck.ok("glue", "edit", "g2", "--shipped-in", "a1")
    assert asks(luck, "mechanism") == []
    assert luck.json("glue", "show", "g2")["shipped_in"] == "a1"


# --- two surfaces, the writing habit, fewer bets -----------------------------------------


def test_each_quarter_needs_a_public_and_an_internal_artifact(luck: Luck) -> None:
    luck.ok("artifact", "add", "Runbook: failover", "--kind", "runbook", "--on", "2026-08-01")
    code, results = luck.check("--only", "two-surfaces")
    r = results["two-surfaces"]
    assert (code, r["state"]) == (1, "broken")
    assert r["finding"] == "2026-Q3 had no public artifact (1 artifact in all)"
    luck.ok("artifact", "add", "Why p95 lied", "--kind", "post", "--surface", "public",
            "--on", "2026-09-30")
    code, results = luck.check("--only", "two-surfaces")
    assert (code, results["two-surfaces"]["finding"]) == (
        0, "2026-Q3 had 1 public and 1 internal artifacts")


def test_writing_habit_wants_a_year_in_public_entry_and_an_artifact_each_month(
        luck: Luck) -> None:
    luck.ok("note", "add", "EU shard on the new path", "--kind", "year-in-public", "--on",
            "2026-11-10")
    luck.ok("artifact", "add", "Runbook: failover", "--kind", "runbook", "--on", "2026-09-01")
    code, results = luck.check("--only", "writing-habit")
    r = results["writing-habit"]
    assert (code, r["finding"]) == (1, "the writing habit lapsed: no artifact in 31 days "
                                       "(last a1, 85d ago)")
    text = (luck.home / "luck.toml").read_text(encoding="utf-8")
    text = text.replace("artifact_days = 31", "artifact_days = 92")
    (luck.home / "luck.toml").write_text(text, encoding="utf-8")
    code, results = luck.check("--only", "writing-habit")
    assert (code, results["writing-habit"]["state"]) == (0, "ok")


def test_fewer_bets_warns_beyond_the_configured_number_and_the_review_weighs_them(
        luck: Luck) -> None:
    for label in ("Cheap queries", "Fast checkout", "Safe deploys", "Quiet pagers"):
        luck.ok("theme", "add", label, "--started", "2026-01-01")
    luck.ok("promise", "add", "Ship the FAQ", "--to", "Dana", "--due", "2026-12-01",
            "--theme", "t1")
    luck.ok("promise", "add", "Review the RFC", "--to", "Omar", "--due", "2026-12-02")
    luck.ok("glue", "add", "Standups", "--hours", "5", "--on", "2026-11-20")
    code, results = luck.check("--only", "fewer-bets")
    r = results["fewer-bets"]
    assert (code, r["finding"]) == (1, "too many bets at once: 4 active themes (more than 3)")
    [ask] = asks(luck, "bets")
    assert ask["text"] == ("4 active themes, 0 running projects: 2 open promises (1 on a "
                           "theme); 5 h of glue in four weeks (0 h for a project)")
    luck.ok("theme", "edit", "t4", "--ended", "2026-11-01")
    code, results = luck.check("--only", "fewer-bets")
    assert (code, results["fewer-bets"]["state"]) == (0, "ok")


# --- AI as infrastructure ----------------------------------------------------------------


def test_ai_tooling_shows_its_metric_before_and_after_in_the_review_and_the_packet(
        luck: Luck) -> None:
    luck.ok("theme", "add", "Quiet pagers", "--started", "2026-01-01")
    luck.ok("metric", "add", "incidents per week", "--theme", "t1", "--slot", "reliability",
            "--good", "down")
    for month, value in (("2026-05", 5), ("2026-06", 4), ("2026-07", 6), ("2026-09", 3),
                         ("2026-10", 2)):
        luck.ok("metric", "read", "t1", "reliability", str(value), "--month", month,
                "--narrative", "It moved. Here is why.")
    result = luck.ok("artifact", "add", "Incident triage agent", "--kind", "demo", "--on",
                     "2026-08-10", "--ai-tool")
    assert "warning: AI tooling without a metric" in result.stderr
    luck.ok("artifact", "edit", "a1", "--metric", "m1")
    [ask] = asks(luck, "ai tooling")
    assert ask["text"] == ("Incident triage agent (2026-08-10): m1 incidents per week: before "
                           "5, 4, 6 (mean 5) -> after 3, 2 (mean 2.5): better")
    packet = luck.ok("packet", "--for", "promotion").stdout
    assert "AI tooling, m1 incidents per week: before 5, 4, 6 (mean 5) -> after 3, 2" in packet
