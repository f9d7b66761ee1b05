"""The demo's operating loop: diagnosis, role arc, glue, explore loop, projects, a
finished 90-day reboot, and the saved estimate behind the first two-pager.

Dates follow the conventions of `luckos.demo.data`: days from today, or (window key, n[, k])
for n days from that window's k-th previous date.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from luckos.domain import projects as heuristics
from luckos.domain import reboot as rebooting
from luckos.domain import records as r

WIKI = "https://wiki.example.com/payments/"

# --- the diagnosis: the three questions, a paragraph each -------------------------------

DIAGNOSIS: dict[str, Any] = {
    "on": -58,
    "problem": (
        "I keep checkout fast when it starts cold and honest when it is loaded. If I left "
        "for a month, nobody would hold the whole request path from the edge cache to the "
        "auth service, the token cache would drift back to chatty refreshes, and launch "
        "teams would go back to guessing their capacity. The Friday pages would return, and "
        "someone would spend a quarter relearning why."),
    "funders": (
        "Grace Liu funds payments platform work at the FY planning in December; the roadmap "
        "locks the week after, and she decides in the hallway after her staff meeting, not "
        "in it. Ken Adeyemi decides platform headcount at the half-yearly review in January "
        "and July. Both fund what arrives with a number in dollars and a five-minute demo."),
    "proof": (
        "The cold-start two-pager and its replay demo turned a vague complaint about slow "
        "checkout into a funded bet with a number on it, and the shard runbook let Hiro move "
        "APAC without me in the room. loadkit did the same for load tests: an open question "
        "about capacity became a template six teams copy, and their testimonials say how "
        "many days it saved them."),
}

# --- the role arc: the IC track, year 2 of 3 ---------------------------------------------

ARC: dict[str, Any] = {
    "role": "Senior engineer, checkout and payments platform",
    "track": "ic",
    "started": -505,
    "bottleneck": "architecture",
    "assessed": -58,
    "assessment": (
        "Three teams each own a slice of checkout's request path and nobody owns the seams: "
        "auth, the edge cache and the provider timeouts. The teams are staffed; what is "
        "missing is one design across them."),
    "note": "Aiming at the Staff title at this cycle's calibration.",
}

# --- glue over the last quarter: (when, hours, what, unlocks, project key, mechanism) ----

GLUE = (
    (-88, 3, "Ran the launch-readiness review for the search rewrite",
     "search rewrite launch, load-tested on loadkit", None, ""),
    (-84, 2, "Onboarded the pricing team onto loadkit", "", "loadkit", ""),
    (-80, 4, "Security review prep for push revocation", "", "cache", ""),
    (-77, 2, "Weekly status email for the re-platform group", "", None,
     "a re-platform FAQ and fortnightly office hours"),
    (-73, 3, "Reviewed Lena's canary-analysis design doc",
     "canary gate on every checkout deploy", None, ""),
    (-66, 2, "Coordinated the token cache cutover with the identity team", "", "cache", ""),
    (-62, 3, "On-call handoff notes for the token cache cutover", "", "cache", ""),
    (-58, 2, "Answered re-platform questions in Slack", "", None,
     "the re-platform FAQ, linked from the channel topic"),
    (-52, 2, "Chased the data platform for an owner of the seeded test data", "", "staging",
     ""),
    (-47, 3, "Paired with Kofi on lazy-loading the payment widgets",
     "lazy-loaded payment widgets (Kofi's launch)", None, ""),
    (-38, 3, "Pulled per-shard cost numbers for finance by hand", "", "dashboard", ""),
    (-34, 2, "Reviewed Tomás's idempotency-key design doc",
     "idempotent retries for the checkout launch", None, ""),
    (-29, 2, "Ran the loadkit pilot retro with the launch teams",
     "Retro pack: what the load-test pilots taught us", None, ""),
    (-24, 3, "Prepared the edge cache vendor call", "edge cache budget brief", None, ""),
    (-20, 2, "Interview loop: two senior backend candidates", "", None,
     "a calibrated question bank and a second trained interviewer on the team"),
    (-19, 2, "Release train coordination for the payment-provider switch", "", None,
     "a release checklist that the train captain owns"),
    (-15, 2, "Unblocked Sam on the loadkit teardown bug", "", "loadkit", ""),
    (("lw", 2), 3, "Wrote up the incident review for the provider timeout",
     "alert routing: provider timeouts page the payments rotation", None, ""),
    (("lw", 3), 2, "Pre-wired the FY two-pager with Omar and Grace",
     "FY planning two-pager (Faster cold-start, year two)", None, ""),
    (("lw", 4), 2, "Gathered the token revocation evidence for Aisha's audit", "", "cache",
     ""),
)

# --- the explore loop: (when, kind, title, wave, learned) ---------------------------------
# A weekend a month for most months; the last one 36 days ago, so the monthly cadence has
# just slipped. Talks are also counted from public talk artifacts.

EXPLORE = (
    (-478, "weekend-prototype", "Replay checkout traffic from a packet capture",
     "traffic replay tooling", "Enough to compare two builds fairly; it became replayd."),
    (-447, "weekend-prototype", "A WASM auth filter in the edge proxy", "edge runtimes",
     "The filter itself starts in 3 ms; the token fetch is the whole cost."),
    (-418, "paper-reproduction", "Hedged requests from 'The Tail at Scale', reproduced",
     "tail-latency techniques",
     "Hedging cut auth p99 by a third on replayed traffic, for 4% more auth calls."),
    (-388, "weekend-prototype", "Simulated the auth rate limiter's resets",
     "rate-limiting models", "Every storm lines up with :00: the limiter is fixed-window."),
    (-356, "weekend-prototype", "Session tokens signed with Ed25519 at the edge",
     "token formats", "Verification is cheap enough to skip the auth call on reads."),
    (-322, "teardown", "Teardown: how a CDN's edge workers cold-start", "edge runtimes",
     "They keep isolates warm per customer, not per function; our pre-warm should too."),
    (-295, "weekend-prototype", "A month of load tests replayed against spot prices",
     "spot markets (an economic model)",
     "Spot would have cut the perf cluster's bill by 70%, with two interruptions."),
    (-262, "weekend-prototype", "Load-test stacks restored from a snapshot", "VM snapshots",
     "A stack restores in 4 minutes from a snapshot instead of 50 from a dump."),
    (-228, "weekend-prototype", "Arm instances for the load generators", "Arm hardware",
     "Same throughput at 60% of the price; one library had no Arm build."),
    (-196, "paper-reproduction", "The coordinated-omission correction, reproduced on loadkit",
     "load-testing methodology",
     "Closed-loop generators hid 40% of the slow requests; loadkit now runs open loop."),
    (-165, "weekend-prototype", "Passkeys at checkout, end to end", "identity standards",
     "One more round trip: fine on desktop, noticeable on a slow mobile network."),
    (-133, "weekend-prototype", "Flame graphs of checkout-api with eBPF, no restart",
     "kernel observability", "Found the JSON encoder that ate 9% of CPU under load."),
    (-101, "weekend-prototype", "A per-shard cost model in DuckDB",
     "unit economics (an economic model)",
     "Cost per checkout differs threefold between shards; EU pays for APAC's pre-warm."),
    (-80, "talk", "Lightning talk: what WASM at the edge would change for checkout",
     "edge runtimes", "Three teams asked for the prototype; nobody asked about cost."),
    (-66, "weekend-prototype", "HTTP/3 between the edge and checkout-api",
     "transport protocols", "The handshake savings vanish behind the pooled connections."),
    (-50, "teardown", "Teardown: how the payment provider's SDK retries",
     "payment-provider integrations",
     "Three retries, no jitter, 10 s each: that is where the Friday page came from."),
    (-36, "weekend-prototype", "Load scenarios generated from production traces",
     "AI-assisted tooling", "Good at the common shapes, blind to rare paths: no refunds."),
)

# --- projects on the seven quiet heuristics ------------------------------------------------
# scores in the essay's order: five-minute demo, deletes meetings, mechanism, disagreement,
# owned blast radius, denominator, press release (0 no, 1 partly, 2 yes).
# review: (when, enthusiasm, signal, landing, outcome, why, next kill review) or None.

PROJECTS: tuple[dict[str, Any], ...] = (
    {"key": "cache", "name": "Token cache with push revocation", "theme": "cold",
     "started": -100, "scores": (2, 2, 1, 2, 2, 2, 2), "kill_review": -72,
     "review": (-72, True, True, True, "continue",
                "Auth QPS already down 30% on EU, and security signed off on revocation "
                "under 10 s.", None),
     "landed": -55, "flagship": False, "note": "",
     "milestone": ("EU on the token cache", -80, -78)},
    {"key": "loadkit", "name": "loadkit as the paved road for launch readiness",
     "theme": "load", "started": -150, "scores": (2, 2, 2, 1, 2, 2, 2), "kill_review": -122,
     "review": (-122, True, True, True, "continue",
                "Six teams onboarded without a meeting, and Ken wants it in the launch "
                "checklist; next review once the checklist ships.", 10),
     "landed": None, "flagship": True,
     "note": "Sam Okafor is the first maintainer outside my team.",
     "milestone": ("two launch teams on loadkit", -100, -96),
     "consequential": "launch incidents per quarter"},
    {"key": "staging", "name": "Shared staging data for load tests", "theme": "load",
     "started": -75, "scores": (1, 1, 2, 2, 0, 1, 1), "kill_review": -47,
     "review": (-47, True, False, False, "pause-publicly",
                "No team owns the seeded customer data, so there is no safe landing path. "
                "Paused until the data platform names an owner; said so in #loadkit and at "
                "the pilot retro.", None),
     "landed": None, "flagship": False, "note": ""},
    {"key": "dashboard", "name": "Cost per checkout dashboard, per shard", "theme": "cold",
     "started": -40, "scores": (2, 1, 1, 0, 2, 2, 1), "kill_review": -12, "review": None,
     "landed": None, "flagship": False,
     "note": "Finance reads it before the budget review; nobody has argued with it yet.",
     "milestone": ("cost per checkout for the three largest shards", 10, None)},
)

# --- the 90-day reboot a year ago, finished with its post-mortem ----------------------------

REBOOT: dict[str, Any] = {
    "start": -400,
    "focus": "Faster cold-start: from a complaint about slow checkout to a funded bet",
    "theme": "cold",
    "done": (("terrain", -397), ("shadow", -395), ("dependency-graph", -394),
             ("interview-users", -391), ("theme", -389), ("two-pager", -388),
             ("pre-wire", -381), ("first-improvement", -376), ("smallest-change", -374),
             ("socialize", -366), ("bigger-bet", -361), ("expand", -350),
             ("remove-meeting", -341), ("story", -330), ("next-theme", -322)),
    "ended": -318,
    "postmortem": (
        "What worked: mapping the fan-out first. The diagram of every auth call per request "
        "did more to fund the work than any latency chart, and the replay harness let me "
        "show one auth call instead of four in five minutes. Pre-wiring Grace and Omar "
        "before planning meant the two-pager was funded in a week.\n\n"
        "What did not: I never wrote the runbook in weeks 5-6, so the US-East rollout "
        "depended on me, and the pre-warm stayed manual until spring. The hand-off slipped "
        "for the same reason.\n\n"
        "Next: finish the shards with a runbook first, so someone else can run each one, "
        "and keep an eye on the cost of load tests, which came up in every conversation "
        "with launch teams."),
}

# --- the rough math behind the first two-pager ----------------------------------------------

ESTIMATE: dict[str, Any] = {"model": "cold-start", "samples": 4000, "when": ("plan", -13, 1),
            "doc": WIKI + "cold-start-brief"}


def add_loop(b: Any) -> None:
    """Add the loop's records through `b`, the demo builder (its store, days and keys)."""
    store, day = b.store, b.day
    store.add(r.Diagnosis(on=day(DIAGNOSIS["on"]), problem=DIAGNOSIS["problem"],
                          funders=DIAGNOSIS["funders"], proof=DIAGNOSIS["proof"]))
    store.add(r.Arc(role=ARC["role"], track=ARC["track"], started_on=day(ARC["started"]),
                    bottleneck=ARC["bottleneck"], assessed_on=day(ARC["assessed"]),
                    assessment=ARC["assessment"], note=ARC["note"],
                    scope_without_title="yes", technical_with_title="yes",
                    answered_on=day(ARC["assessed"])))
    found = {spec["key"]: _project(b, spec).id for spec in PROJECTS}
    for when, hours, what, unlocks, project, mechanism in GLUE:
        store.add(r.GlueEntry(what=what, hours=float(hours), on=day(when), unlocks=unlocks,
                              project_id=found[project] if project else None,
                              mechanism=mechanism))
    for when, kind, title, wave, learned in EXPLORE:
        store.add(r.ExploreEntry(title=title, kind=kind, on=day(when), wave=wave,
                                 learned=learned))
    _reboot(b)


def _project(b: Any, spec: dict[str, Any]) -> r.Project:
    fields = {h.field: score for h, score in zip(heuristics.HEURISTICS, spec["scores"],
                                                 strict=True)}
    project = r.Project(name=spec["name"], started_on=b.day(spec["started"]),
                        theme_id=b.themes[spec["theme"]], flagship=spec["flagship"],
                        kill_review_on=b.day(spec["kill_review"]), note=spec["note"], **fields)
    if "milestone" in spec:
        what, due, landed = spec["milestone"]
        project = dataclasses.replace(
            project, milestone=what, milestone_on=b.day(due),
            milestone_landed_on=b.day(landed) if landed is not None else None)
    if spec.get("consequential"):
        project = dataclasses.replace(project, visible=True, spans_teams=True,
                                      business_metric=spec["consequential"])
    if spec["review"] is not None:
        on, enthusiasm, signal, landing, outcome, why, next_review = spec["review"]
        project, _ = heuristics.review(
            project, on=b.day(on), enthusiasm=enthusiasm, signal=signal, landing=landing,
            outcome=outcome, why=why,
            next_review=b.day(next_review) if next_review is not None else None)
    if spec["landed"] is not None:
        project = dataclasses.replace(project, landed_on=b.day(spec["landed"]))
    return b.store.add(project)  # type: ignore[no-any-return]


def _reboot(b: Any) -> None:
    spec = REBOOT
    started = r.Reboot(focus=spec["focus"], started_on=b.day(spec["start"]),
                       theme_id=b.themes[spec["theme"]])
    for key, when in spec["done"]:
        started, _ = rebooting.mark(started, key, b.day(when))
    b.store.add(rebooting.finish(started, spec["postmortem"], b.day(spec["ended"])))


def add_estimate(b: Any) -> None:
    """Run the essay's cold-start model with a fixed seed and save it, linked to the theme
    and the planning window it funded (through the estimate feature's own functions)."""
    from luckos.app import estimate

    loaded = estimate.load(ESTIMATE["model"], [], lambda: b.ws)
    result = estimate.run(loaded, samples=ESTIMATE["samples"], seed=b.seed)
    estimate.save(b.ws, result, b.day(ESTIMATE["when"]), theme=f"t{b.themes['cold']}",
                  window=f"w{b.windows['plan'].id}", doc=ESTIMATE["doc"])
