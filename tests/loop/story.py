"""A demo-like workspace for the operating loop: fifteen months of a fictional Staff
engineer's records, every date fixed (today is 2026-11-25, a Wednesday).

Built with the store directly, in one transaction, so that tests stay fast. The same
story feeds the examples in docs/loop.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from luckos.domain import records as r
from luckos.workspace import Workspace, init_workspace

TODAY = dt.date(2026, 11, 25)
D = dt.date.fromisoformat


def build_story(home: Path) -> Workspace:
    ws, _ = init_workspace(home)
    s = ws.store
    with s.transaction():
        _records(s)
    return ws


def _records(s) -> None:  # type: ignore[no-untyped-def]
    add = s.add
    t1 = add(r.Theme(label="Faster cold-start", sentence="We cut cold-start latency",
                     problem="Checkout waits 1.8 s for a cold function", bet="Consolidate "
                     "per-request auth calls", started_on=D("2025-09-01")))
    t2 = add(r.Theme(label="Cheap experiments", sentence="PMs try ideas in hours",
                     problem="A test stack takes weeks to get", started_on=D("2026-03-02")))
    conv = add(r.Metric(theme_id=t1.id, slot="customer", name="checkout conversion", unit="%"))
    pages = add(r.Metric(theme_id=t1.id, slot="reliability", name="Friday pages",
                         unit="pages/month", good="down"))
    cold = add(r.Metric(theme_id=t1.id, slot="speed", name="p95 cold start", unit="ms",
                        good="down"))
    exps = add(r.Metric(theme_id=t2.id, slot="customer", name="experiments per month"))
    cost = add(r.Metric(theme_id=t2.id, slot="speed", name="cost per stack", unit="$",
                        good="down"))
    series = {
        conv.id: [2.9, 2.9, 3.0, 3.0, 3.0, 3.1, 3.1, 3.0, 3.2, 3.3, 3.4, 3.4, 3.5, 3.6],
        pages.id: [6, 7, 5, 6, 5, 4, 4, 3, 3, 2, 2, 1, 1, 1],
        cold.id: [1800, 1810, 1790, 1750, 1700, 1640, 1500, 1320, 1200, 980, 860, 780, 700,
                  650],
    }
    months = [f"{y}-{m:02d}" for y, m in [(2025, 10), (2025, 11), (2025, 12)]
              + [(2026, m) for m in range(1, 12)]]
    for metric_id, values in series.items():
        for month, value in zip(months, values, strict=True):
            add(r.Reading(metric_id=metric_id, month=month, value=value,
                          narrative="Moved with the auth consolidation. The canary caught "
                          "two regressions before customers did."))
    for month, (e, c) in zip(months[6:13], [(2, 900), (3, 700), (5, 520), (6, 400), (8, 310),
                                            (9, 260), (11, 240)], strict=True):
        add(r.Reading(metric_id=exps.id, month=month, value=e, narrative="More PMs tried it."
                      " The template spread by word of mouth."))
        add(r.Reading(metric_id=cost.id, month=month, value=c, narrative="Cheaper stacks. "
                      "Seeded data shrank."))
    # the timing calendar
    planning = add(r.Window(name="FY27 planning", kind="planning", on=D("2025-12-08"),
                            recurrence="yearly", theme_id=t1.id))
    headcount = add(r.Window(name="H1 headcount", kind="headcount", on=D("2026-01-20"),
                             recurrence="half-yearly", needs_demo=False, theme_id=t2.id))
    retro = add(r.Window(name="Q3 launch retro", kind="retro", on=D("2026-09-30"),
                         needs_demo=False, theme_id=t1.id))
    arts = [
        ("Cold-start two-pager", "brief", "internal", "2025-11-24", planning.id, t1.id),
        ("Cold-start demo", "demo", "internal", "2025-11-28", planning.id, t1.id),
        ("Stacks headcount brief", "brief", "internal", "2026-01-09", headcount.id, t2.id),
        ("Stacks headcount brief v2", "brief", "internal", "2026-07-10", headcount.id, t2.id),
        ("Launch retro pre-read", "brief", "internal", "2026-09-21", retro.id, t1.id),
        ("Launch retro notes", "post-mortem", "internal", "2026-09-30", retro.id, t1.id),
        ("Auth consolidation design", "design-doc", "internal", "2026-05-12", None, t1.id),
        ("Cold start at scale", "talk", "public", "2026-06-18", None, t1.id),
        ("Cold-start runbook", "runbook", "internal", "2026-08-04", None, t1.id),
        ("Why our functions start slow", "post", "public", "2026-09-15", None, t1.id),
        ("Ephemeral stack template", "open-source", "public", "2026-10-06", None, t2.id),
        ("Canary checklist", "runbook", "internal", "2026-10-20", None, t1.id),
        ("FY27 cold-start brief", "brief", "internal", "2026-11-20", planning.id, t1.id),
    ]
    ids = {}
    for title, kind, surface, on, window, theme in arts:
        ids[title] = add(r.Artifact(title=title, kind=kind, surface=surface, on=D(on),
                                    window_id=window, theme_id=theme)).id
    for artifact, who, on, hours in [
        ("Cold-start runbook", "Ines (payments SRE)", "2026-08-20", 6),
        ("Cold-start runbook", "Tomás (checkout)", "2026-09-03", 10),
        ("Why our functions start slow", "Ana (search)", "2026-09-22", 4),
        ("Canary checklist", "Ines (payments SRE)", "2026-10-28", 8),
        ("Ephemeral stack template", "Priya (growth PM)", "2026-10-30", 40),
    ]:
        add(r.Testimonial(artifact_id=ids[artifact], who=who, on=D(on), hours_saved=hours))
    # the credibility ledger
    day = D("2025-09-08")
    n = 0
    while day < D("2026-11-10"):
        n += 1
        due = day + dt.timedelta(days=10)
        status, landed = "kept", due - dt.timedelta(days=1)
        if n % 9 == 0:
            status, landed = "missed", due + dt.timedelta(days=2)
        elif n % 7 == 0:
            status, landed = "kept", due + dt.timedelta(days=3)
        add(r.Promise(what=f"Deliver item {n}", to_whom="Dana" if n % 2 else "Tomás",
                      made_on=day, due=due, status=status, landed_on=landed,
                      theme_id=t1.id if n % 3 else t2.id))
        day += dt.timedelta(days=9)
    add(r.Promise(what="Canary rollout plan for checkout", to_whom="Dana",
                  made_on=D("2026-11-02"), due=D("2026-11-18"), theme_id=t1.id))
    add(r.Promise(what="Stack cost report", to_whom="Priya", made_on=D("2026-11-20"),
                  due=D("2026-12-02"), theme_id=t2.id))
    for who, what, on, escalated in [
        ("Dana", "Own the checkout latency budget", "2026-03-10", False),
        ("Ravi", "Untangle the auth sidecar", "2026-05-02", False),
        ("Dana", "Who should own the canary rollout?", "2026-06-20", False),
        ("Marta", "Payments cold-start incident follow-up", "2026-08-28", True),
        ("Dana", "Lead the FY27 latency working group", "2026-09-14", False),
        ("Ravi", "Scope the edge-cache migration", "2026-10-09", False),
        ("Marta", "Pricing API timeout review", "2026-10-21", True),
        ("Priya", "Make stacks self-serve for PMs", "2026-11-04", False),
    ]:
        add(r.Signal(who=who, what=what, on=D(on), escalated=escalated))
    add(r.Decision(title="Consolidate per-request auth calls", on=D("2026-06-02"),
                   options=("cache tokens", "consolidate calls", "do nothing"),
                   choice="consolidate calls", review_on=D("2026-09-01"),
                   outcome="p95 fell below 1 s by September", theme_id=t1.id))
    add(r.Decision(title="Canary every checkout deploy", on=D("2026-08-10"),
                   review_on=D("2026-11-10"), theme_id=t1.id))
    add(r.BenchEntry(person="Lena", action="sponsored", on=D("2026-07-14"),
                     bet="Lena leads the canary rollout"))
    add(r.BenchEntry(person="Kofi", action="placed", on=D("2026-08-25"),
                     bet="Kofi on the edge-cache migration"))
    add(r.Sponsor(person="Dana", role="VP Engineering", since=D("2026-02-01"),
                  backs="cold start on the FY27 planning slide"))
    # the operating loop's own records
    pj1 = add(r.Project(name="Auth call consolidation", started_on=D("2026-05-04"),
                        theme_id=t1.id, flagship=True, five_minute_demo=2, deletes_meetings=2,
                        mechanism=1, disagreement=2, owned_blast_radius=2, denominator=2,
                        press_release=2, reviewed_on=D("2026-06-01"), enthusiasm=True,
                        signal=True, landing=True, outcome="continue",
                        why="p95 already down 200 ms", landed_on=D("2026-09-18")))
    add(r.Project(name="Ephemeral test stacks", started_on=D("2026-10-12"), theme_id=t2.id,
                  five_minute_demo=2, deletes_meetings=1, mechanism=2, disagreement=1,
                  owned_blast_radius=0, denominator=2, press_release=1))
    for what, hours, on, unlocks, mechanism in [
        ("Release train coordination", 4, "2026-10-26", "checkout canary launch", ""),
        ("Status meeting for the sidecar", 6, "2026-10-27", "", ""),
        ("Onboarding two new hires", 5, "2026-11-03", "", "an onboarding runbook"),
        ("Weekly status report", 4, "2026-11-04", "", ""),
        ("Reviews for the canary PRs", 6, "2026-11-10", "", ""),
        ("Vendor escalations", 5, "2026-11-12", "", ""),
        ("Release train coordination", 3, "2026-11-17", "", ""),
        ("Interview loop", 6, "2026-11-18", "", ""),
    ]:
        add(r.GlueEntry(what=what, hours=hours, on=D(on), unlocks=unlocks,
                        project_id=pj1.id if unlocks else None, mechanism=mechanism))
    for title, kind, on in [
        ("WASM cold start prototype", "weekend-prototype", "2026-08-22"),
        ("Firecracker snapshot teardown", "teardown", "2026-09-12"),
        ("Edge runtimes at the meetup", "talk", "2026-10-08"),
        ("Arm instances for functions", "weekend-prototype", "2026-10-17"),
    ]:
        add(r.ExploreEntry(title=title, kind=kind, on=D(on), wave="serverless runtimes"))
    add(r.Diagnosis(on=D("2026-07-01"), problem=(
        "I keep checkout fast under load. If I left for a month, cold starts would creep "
        "back above a second, the Friday pages would return, and nobody else holds the "
        "whole path from the edge to the auth service in their head."), funders=(
        "Dana decides what platform work gets funded, at the FY planning in December and "
        "the half-yearly headcount review. She funds what shows up on her slide with a "
        "number and a demo."), proof="The cold-start runbook."))
    add(r.Arc(role="Staff engineer, platform", track="ic", started_on=D("2025-03-03"),
              bottleneck="architecture", assessed_on=D("2025-04-15"),
              assessment="Three teams each own a slice of the request path"))
