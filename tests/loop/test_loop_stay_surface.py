"""`luck stay-or-move` and `luck surface`: answers and factors with their evidence."""

from __future__ import annotations

from tests.conftest import Luck


def answers(luck: Luck) -> dict[str, dict]:
    return {a["key"]: a for a in luck.json("stay-or-move")["answers"]}


def cited(answer: dict) -> list[str]:
    return [e["ref"] for e in answer["evidence"] if e["ref"]]


def test_stay_or_move_on_the_story_cites_its_records(story: Luck) -> None:
    a = answers(story)
    assert list(a) == ["metric-changed", "scope-or-glue", "room", "flagship", "sponsor",
                       "surface", "flat", "without-you", "problem", "staffed", "oxygen", "pendulum"]
    assert [a[k]["group"] for k in a] == ["hard check"] * 3 + ["stay if"] * 3 + ["leave if"] * 6
    metric = a["metric-changed"]
    assert metric["answer"] == "yes"
    assert cited(metric) == ["m1", "m2", "m3", "m4", "m5", "d1", "d2"]
    assert metric["evidence"][2]["text"] == (
        "t1 speed/cost, p95 cold start: 1320 -> 650 ms from 2026-05 to 2026-11 (better; r36, "
        "r42)")
    assert metric["ask"][0].startswith("Does leadership care about m1 checkout conversion")
    scope = a["scope-or-glue"]
    assert scope["answer"] == "more glue than scope"
    assert cited(scope) == ["s5", "s6", "s8", "g2", "g3", "g4", "g5", "g6", "g7", "g8"]
    assert scope["summary"].startswith("3 asks routed to you without escalation; 7 pieces of "
                                       "glue that unlock nothing (35 h)")
    room = a["room"]
    assert room["answer"] == "yours to answer"
    assert cited(room) == ["w1", "w2", "sp1"]
    assert room["ask"][:2] == ["Are you invited to w1 FY27 planning on 2026-12-08?",
                               "Are you invited to w2 H1 headcount on 2027-01-20?"]
    assert (a["flagship"]["answer"], cited(a["flagship"])) == ("yes", ["pj1"])
    assert (a["sponsor"]["answer"], cited(a["sponsor"])) == ("yes", ["sp1"])
    assert (a["surface"]["answer"], cited(a["surface"])) == ("yes", ["t1", "t2"])
    assert a["flat"]["answer"] == "consequence is moving"
    assert cited(a["without-you"]) == ["s4", "s7"]
    assert cited(a["problem"]) == ["t1", "t2", "dg1"]


def test_stay_or_move_text_names_every_check(story: Luck) -> None:
    out = story.ok("stay-or-move").stdout
    assert out.startswith("Stay or move, 2026-11-25\n\nThree hard checks\n")
    assert "  1. In the last 6 months, did your decisions change a metric leadership cares " \
           "about?\n     -> yes: 5 of 5 metrics moved the right way" in out
    assert "        - pj1: Auth call consolidation: landed 2026-09-18; 13 of 14" in out
    assert "     ? If not, can sp1 Dana get you in? If no sponsor can, the essay says move." in out
    assert out.rstrip().endswith("re-positioning for higher-quality luck.")


def test_stay_or_move_on_an_empty_workspace_says_what_it_cannot_know(luck: Luck) -> None:
    a = answers(luck)
    assert a["metric-changed"]["answer"] == "not yet known"
    assert a["scope-or-glue"]["answer"] == "nothing on record"
    assert (a["flagship"]["answer"], a["sponsor"]["answer"]) == ("no", "no")
    assert a["surface"]["answer"] == "not yet known"
    assert a["room"]["ask"][0].startswith("Which rooms decide your theme")


def test_stay_or_move_flat_consequence(luck: Luck) -> None:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "p95", "--theme", "t1", "--slot", "speed", "--good", "down")
    luck.ok("metric", "read", "t1", "speed", "800", "--month", "2026-05")
    luck.ok("metric", "read", "t1", "speed", "820", "--month", "2026-11")
    a = answers(luck)
    assert a["metric-changed"]["answer"] == "no"
    assert a["flat"]["answer"] == "consequence is flat"


def _surface_workspace(luck: Luck) -> None:
    luck.ok("window", "add", "Planning", "--on", "2026-07-20")
    luck.ok("window", "add", "Retro", "--on", "2026-09-15", "--no-demo")
    luck.ok("artifact", "add", "Plan brief", "--kind", "brief", "--window", "w1",
            "--on", "2026-07-10")
    luck.ok("artifact", "add", "Plan demo", "--kind", "demo", "--window", "w1",
            "--on", "2026-07-12")
    luck.ok("artifact", "add", "Why cold starts", "--kind", "post", "--surface", "public",
            "--on", "2026-08-05")
    luck.ok("artifact", "used", "a1", "--by", "Ines", "--on", "2026-08-10")
    luck.ok("signal", "add", "Own the latency budget", "--who", "Dana", "--on", "2026-08-01")
    luck.ok("signal", "add", "Pricing timeouts", "--who", "Marta", "--on", "2026-09-01",
            "--escalated")
    for n, (due, landed) in enumerate((("2026-07-10", "2026-07-09"), ("2026-07-20",
                                       "2026-07-25"), ("2026-08-10", None),
                                       ("2026-09-10", "2026-09-10"))):
        luck.ok("promise", "add", f"Item {n}", "--to", "Dana", "--due", due,
                "--made-on", "2026-07-01")
        if landed:
            luck.ok("promise", "keep", f"p{n + 1}", "--on", landed)
        else:
            luck.ok("promise", "miss", f"p{n + 1}", "--on", "2026-08-12")


def test_surface_factors_by_hand(luck: Luck) -> None:
    _surface_workspace(luck)
    data = luck.json("surface", "--quarters", "2")
    q3, q4 = data["quarters"]
    f = q3["factors"]
    assert q3["quarter"] == "2026-Q3" and q3["partial"] is False
    assert (f["build"]["value"], f["build"]["refs"]) == (3, ["a1", "a2", "a3"])
    assert (f["sees"]["value"], f["sees"]["working"]) == (4, "3 people + 1 public artifact")
    assert f["credibility"]["value"] == 0.25  # 2 of 4 on time x 1 of 2 not escalated
    assert f["credibility"]["working"] == ("0.50 (2 kept on time / 4 resolved) × 0.50 (1 / 2 "
                                           "routed without escalation)")
    assert (f["timing"]["value"], f["timing"]["refs"]) == (0.5, ["w1", "w2"])
    assert q3["index"] == 1.5  # 3 x 4 x 0.25 x 0.5
    g = q4["factors"]
    assert q4["partial"] is True and q4["index"] == 0
    assert (g["credibility"]["value"], g["credibility"]["carried"]) == (0.25, True)
    assert g["timing"]["value"] == 0.5
    assert data["formulas"]["index"] == "surface area = B × S × C × T"


def test_surface_text_shows_each_formula(luck: Luck) -> None:
    _surface_workspace(luck)
    out = luck.ok("surface", "--quarters", "2", today="2026-09-30").stdout
    assert "2026-Q3 (to date)  3        4       0.25           0.50      1.50" in out
    assert "  timing            0.50  T = window dates of the last four quarters prepared on " \
           "time" in out
    assert "  surface area    3 × 4 × 0.25 × 0.50 = 1.50" in out


def test_surface_for_one_theme(story: Luck) -> None:
    data = story.json("surface", "--theme", "t1", "--quarters", "3")
    assert data["theme"]["id"] == "t1"
    q2, q3, _ = data["quarters"]
    assert (q2["quarter"], round(q2["index"], 2)) == ("2026-Q2", 1.71)  # 2 x 1 x 0.86 x 1
    f = q3["factors"]
    # four artifacts; Ines, Tomás and Ana used them, and one is public; the planning and
    # the retro of the last four quarters were both prepared on time
    assert [f[k]["value"] for k in ("build", "sees", "timing")] == [4, 4, 1]
    assert f["credibility"]["working"].startswith("0.86 (6 kept on time / 7 resolved)")
    assert round(q3["index"], 2) == 13.71
    assert story.fails("surface", "--theme", "t9") == "luck: error: no theme t9"
