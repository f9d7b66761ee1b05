"""What the demo's ledger holds: promises, routing signals, decisions, bench, sponsors.

Dates follow the conventions of `luckos.demo.data`: days from today, or ("lw", n) for n days
after the first of the days the weekly review looks back over.
"""

from __future__ import annotations

# --- the credibility ledger -----------------------------------------------------------
# Templates for the history, (to whom, what, tags, theme); the load-test ones only
# appear once that theme started.

SERVICES = ("checkout-api", "session-svc", "edge-auth", "cart-render", "pricing-gw")
SHARDS = ("EU", "US-East", "US-West", "APAC", "LatAm")
DOCS = ("canary-analysis", "retry-budget", "cart-split", "idempotency-key", "webhook-replay")
TOPICS = ("token caching", "the edge cache", "session-token scopes", "key rotation")
FEATURES = ("lazy-loading the payment widgets", "the single-page cart",
            "prefetching the session token", "dropping the address lookup")

PROMISE_TEMPLATES = (
    ("Marcus Chen", "Send the weekly cold-start numbers for {svc}", ("status",), "cold"),
    ("Dana Whitfield", "Add the token-refresh dashboard to the on-call handbook",
     ("on-call",), "cold"),
    ("Lena Park", "Review Lena's {doc} design doc", ("review",), None),
    ("Kofi Mensah", "Pair with Kofi on the {svc} flame graphs", ("mentoring",), "cold"),
    ("Omar Haddad", "Write up the session-token claims {svc} needs", ("auth",), "cold"),
    ("Ravi Iyer", "Answer the security review questions on {topic}", ("security",), "cold"),
    ("Nadia Karim", "Estimate the drop-off impact of {feature}", ("estimate",), "cold"),
    ("Grace Liu", "Send Grace a one-paragraph status on the {shard} rollout", ("status",),
     "cold"),
    ("Hiro Tanaka", "Walk Hiro through the {shard} rollout runbook", ("mentoring",), "cold"),
    ("Tomás Rivera", "Review Tomás's {doc} design doc", ("review",), None),
    ("Elena Petrova", "Replay {shard} pricing traffic against the staging change",
     ("replay",), None),
    ("Aisha Bello", "Send Aisha the audit evidence for the session-token change",
     ("compliance",), "cold"),
    ("#payments-oncall", "Publish the post-incident actions for the {svc} page",
     ("on-call",), None),
    ("Marcus Chen", "Write Kofi's peer feedback for the review cycle", ("mentoring",), None),
    ("Marcus Chen", "Size the {svc} on-call load for next quarter's plan", ("planning",),
     None),
    ("Dana Whitfield", "Write the alert runbook for {svc} token errors", ("on-call",), "cold"),
    ("Nadia Karim", "Join the {shard} merchant call about checkout latency", ("support",),
     "cold"),
    ("Grace Liu", "Send Grace the {shard} cost-per-checkout numbers", ("budget",), "cold"),
    ("Kofi Mensah", "Review Kofi's {doc} design doc", ("mentoring",), None),
    ("Hiro Tanaka", "Check the {shard} edge cache hit ratio with Hiro", ("edge-cache",),
     "cold"),
    ("Dana Whitfield", "Shadow the Friday on-call for the {shard} cutover", ("on-call",),
     "cold"),
    ("Grace Liu", "Bring a five-minute demo of the {shard} shard to staff meeting",
     ("demo",), "cold"),
    ("Lena Park", "Introduce Lena to the identity team for the {doc} review",
     ("mentoring",), None),
    ("Omar Haddad", "Remove the legacy auth fallback from {svc}", ("auth",), "cold"),
    ("Nadia Karim", "Give Nadia a date for the {svc} cold-start fix", ("estimate",), "cold"),
    ("Kofi Mensah", "Mark up Kofi's promotion packet draft", ("mentoring",), None),
    ("Ravi Iyer", "Rotate the session-signing keys on {svc} by the runbook", ("security",),
     None),
    ("Hiro Tanaka", "Fix the cache pre-warm script for {shard}", ("edge-cache",), "cold"),
    ("Elena Petrova", "Explain the p95 sampling fix to the pricing PMs", ("metrics",), None),
    ("#checkout-eng", "Write the FAQ for the session-token migration", ("docs",), "cold"),
    ("Dana Whitfield", "Delete the {svc} auth retry loop that pages on Fridays",
     ("on-call",), "cold"),
    ("Marcus Chen", "Cut the {svc} fan-out dashboard down to three graphs", ("metrics",),
     "cold"),
    ("Aisha Bello", "Review how the compliance template logs token scopes", ("compliance",),
     None),
    ("Grace Liu", "Send the edge cache cost forecast ahead of the budget review",
     ("budget",), "cold"),
    ("Nadia Karim", "Answer the merchant escalation about slow checkout in {shard}",
     ("support",), "cold"),
    ("Omar Haddad", "Review Omar's token-revocation proposal", ("review",), None),
    ("Lena Park", "Give Lena feedback on her first incident command", ("mentoring",), None),
    ("Jess Moreno", "Get the search team a loadkit quota", ("loadkit",), "load"),
    ("Sam Okafor", "Fix the loadkit teardown bug Sam hit on {svc}", ("loadkit",), "load"),
    ("Ken Adeyemi", "Send Ken the loadkit cost numbers for his staff meeting", ("budget",),
     "load"),
    ("Jess Moreno", "Pair with Jess's team on their first loadkit run", ("loadkit",), "load"),
    ("Sam Okafor", "Add a per-run cost ceiling flag to loadkit", ("loadkit",), "load"),
    ("Ken Adeyemi", "Show loadkit at the commerce platform review", ("demo",), "load"),
    ("Tomás Rivera", "Load-test {svc} with Tomás before the checkout launch", ("loadkit",),
     "load"),
    ("Jess Moreno", "Load-test {svc} with the search team", ("loadkit",), "load"),
    ("Sam Okafor", "Pair with Sam on loadkit's {svc} scenario", ("loadkit",), "load"),
)
LOAD_TEMPLATES_FROM = -200

LESSONS = {
    "kept_late": (
        "Landed, but the security sign-off took longer than I planned for.",
        "Late: I let a Friday incident eat the day I had set aside for it.",
        "Late by a few days; should have renegotiated when I saw the slip coming.",
    ),
    "missed": (
        "Missed. I said yes in the hallway without checking my week; told them two days late.",
        "Missed: underestimated the review queue on the identity team.",
        "Missed; the owner moved teams and I did not chase the hand-off.",
    ),
    "dropped": (
        "Dropped after the re-org moved the work to the platform team; told them in person.",
        "Dropped: the experiment it served was cancelled.",
    ),
    "renegotiated_early": (
        "Asked for another week as soon as the dependency slipped.",
        "Moved the date in the planning meeting, before anyone was waiting on it.",
    ),
}

# The ones still open: (to whom, what, made, due, tags, theme, note)
OPEN_PROMISES = (
    ("Lena Park", "Review Lena's canary-analysis rollout plan", -12, -6, ("review",), None,
     "She is blocked on it; do it before anything else."),
    ("Grace Liu", "Send Grace the cold-start cost model for the FY planning brief", -9, -2,
     ("planning",), "cold", ""),
    ("Omar Haddad", "Agree the token-revocation SLO with the identity team", -8, 0,
     ("auth",), "cold", ""),
    ("Kofi Mensah", "Pair with Kofi on the cart-render cold-start regression", -5, 1,
     ("mentoring",), "cold", ""),
    ("#payments-oncall", "Publish v2 of the shard rollout runbook", -10, 2, ("docs",),
     "cold", ""),
    ("Grace Liu", "Record the 30-minute cold-start demo for FY planning", -4, 6,
     ("planning", "demo"), "cold", "The two-pager is done; the demo is the gap."),
    ("Tomás Rivera", "Write peer feedback for Tomás's promotion packet", -3, 20,
     ("mentoring",), None, ""),
    ("Jess Moreno", "Hand loadkit's on-call over to Sam's team", -6, 34, ("loadkit",),
     "load", ""),
)

# --- routing signals: who routed ambiguous work to Priya ------------------------------

SIGNALS = (
    ("Marcus Chen", "Checkout p99 spikes after deploys: can you take a look?"),
    ("Nadia Karim", "A merchant says checkout hangs on the first load in Spain"),
    ("Dana Whitfield", "Token-refresh errors in the Friday page: who owns this?"),
    ("Omar Haddad", "Should identity cache entitlements, or should checkout?"),
    ("Grace Liu", "Find out why the mobile app's first checkout is slow"),
    ("Elena Petrova", "Is the pricing change safe to ship before the promo?"),
    ("Ravi Iyer", "What breaks if we shorten the session-token lifetime?"),
    ("Hiro Tanaka", "APAC cold-start is double EU's: where do we start?"),
    ("Tomás Rivera", "Webhook retries are hammering the auth service"),
    ("Aisha Bello", "Which services still call the legacy auth endpoint?"),
    ("Lena Park", "Canary analysis flags every deploy as bad; is it the baseline?"),
    ("Marcus Chen", "Who should own the edge cache after the re-org?"),
    ("Grace Liu", "Buy or build the feature-flag service: give me a view"),
    ("Kofi Mensah", "cart-render's cold-start regressed 200 ms and nobody knows why"),
    ("Nadia Karim", "Lazy-load the payment widgets or the address form first?"),
    ("Dana Whitfield", "Half the on-call alerts have no runbook; where to begin?"),
    ("Jess Moreno", "Can search borrow your load-test setup?"),
    ("Ken Adeyemi", "What would it take to load-test every launch?"),
    ("Omar Haddad", "Can the session token carry the loyalty tier?"),
    ("Sam Okafor", "The pricing load test costs more than the feature: help?"),
    ("Ken Adeyemi", "Review the checkout re-platform's rollout plan before the exec review"),
    ("Elena Petrova", "Our experiment results disagree with the RUM numbers"),
    ("Ravi Iyer", "Pen-test finding on token replay: how bad is it?"),
    ("Jess Moreno", "loadkit runs pile up on Fridays and blow the cost ceiling"),
    ("Hiro Tanaka", "Should APAC keep its own edge cache?"),
    ("Tomás Rivera", "Idempotency keys collide under load; is it the cache?"),
)
ESCALATION_NOTES = (
    "Went to Grace's staff meeting first; reached me two days later.",
    "Marcus escalated it to the director sync before asking me.",
    "Filed as a P2 to the platform team, then re-routed to me.",
)
# (who, what, when, escalated, note)
RECENT_SIGNALS = (
    ("Grace Liu", "Which FY bets can show a demo in the first quarter?", ("lw", 1), False, ""),
    ("Aisha Bello", "The auditors want evidence for token revocation: can you own the answer?",
     ("lw", 2), False, ""),
    ("Ken Adeyemi", "Platform re-org: the edge cache needs an owner", ("lw", 4), True,
     "Raised in the VP staff meeting before it came to me."),
)

# --- the decision log -------------------------------------------------------------------
# (when, title, options, chosen index, expected, indicators, confidence, review,
#  outcome, response, theme)

DECISIONS = (
    (-370, "Consolidate auth calls at the edge instead of rewriting the auth service",
     ("Rewrite the auth service for latency",
      "Consolidate per-request auth calls behind one session token",
      "Cache auth responses inside checkout-api only"), 1,
     "EU p95 cold-start under 1.2 s within two sprints, with no token-format change for mobile.",
     ("auth calls per checkout request", "EU p95 cold-start", "token-refresh error rate"),
     0.7, -300,
     "EU got to 100% in three sprints, not two, at 1.15 s p95; the replay harness caught two "
     "regressions before they shipped.",
     "Added a sprint of slack to every later shard's plan and said so in the rollout doc.",
     "cold"),
    (-295, "Roll US-East by traffic slices, not in one night",
     ("One step at night", "10/50/100 traffic slices over a week", "Per-merchant allow list"),
     1, "No customer-visible errors and a rollback under five minutes at every step.",
     ("error rate, new path against old", "edge cache hit ratio"), 0.8, -230,
     "No customer errors, but a cache-key bug sent 4% of traffic down the old path for nine "
     "days and the slices hid it.",
     "Added a canary that compares path shares; it now blocks the next slice.", "cold"),
    (-210, "Take on cheap load tests as a second theme",
     ("Stay on cold-start only", "Take on cheap load tests",
      "Join the checkout re-platform as tech lead"), 1,
     "Three teams load-testing before launch by the end of the half.",
     ("teams using loadkit", "cost per run"), 0.6, -70,
     "Six teams by the review, double the bet; spot instances cut the cost faster than planned.",
     "Asked for an SRE at the headcount review instead of doing the support myself.", "load"),
    (-150, "Open-source loadkit now",
     ("Keep it internal", "Open-source it under Apache-2.0", "Open-source after the pilot"), 1,
     "Outside contributions within six months, and easier hiring conversations.",
     ("external pull requests", "candidates who mention it"), 0.5, -10, "", "", "load"),
    (-95, "Token cache TTL: five minutes with push revocation",
     ("Keep 60 s", "Five minutes with push revocation", "Fifteen minutes"), 1,
     "Auth load down 40% with revocation still under 10 s.",
     ("auth service QPS", "revocation latency p99"), 0.75, -35,
     "Auth QPS down 46%; revocation p99 at 4 s.",
     "Nothing to correct; wrote the revocation path into the design doc.", "cold"),
    (-70, "Decline leading the checkout re-platform working group",
     ("Lead it", "Decline, and offer a FAQ and weekly office hours", "Co-lead with Omar"), 1,
     "The group ships its plan without me in every meeting, and my maker day survives.",
     ("my meetings a week with re-platform in the title", "questions answered by the FAQ"),
     0.65, 20, "", "", None),
    (-20, "Ask for the Staff title this cycle",
     ("This cycle, with the packet as it is", "Next cycle, after the FY plan lands",
      "Ask for scope instead of the title"), 0,
     "Grace puts my name forward at calibration.",
     ("Grace's comments on the packet draft", "a calibration slot confirmed"), 0.55, 80,
     "", "", None),
)

# the lessons of older misses ("the misses as learning")
MISS_LESSONS = (
    "Said yes in the meeting without checking the on-call week; check the calendar first.",
    "The dependency was never mine to promise; name the owner before the date.",
    "Two days of slack were not enough for a cross-team change; ask for a week.",
)

# --- the bench and the sponsors -----------------------------------------------------------
# (person, action, when, artifact, bet, note)

BENCH = (
    ("Kofi Mensah", "unblocked", -290, "Runbook: rolling a shard onto the session token",
     "Kofi runs the US-West rollout from the runbook alone", "Sat in on his first two cutovers."),
    ("Hiro Tanaka", "placed", -205, "Runbook: rolling a shard onto the session token",
     "Hiro leads the APAC migration without me in the room", ""),
    ("Jess Moreno", "sponsored", -110, "loadkit: ephemeral load-test stacks with a cost ceiling",
     "Jess presents loadkit's first results at the engineering all-hands",
     "Took the questions on cost so she could own the story."),
    ("Kofi Mensah", "promoted", -95, "Runbook: rolling a shard onto the session token",
     "Senior engineer, on the strength of the US-West rollout and the cart-render fix", ""),
    ("Lena Park", "unblocked", -80, "Design doc: token cache TTL and revocation",
     "Lena's canary-analysis design gets through security review", ""),
    ("Tomás Rivera", "sponsored", -40, "Architecture note: session tokens at the edge",
     "Tomás takes my seat in the edge-auth working group and chairs it",
     "Attended his first two sessions; he owns it now."),
    ("Sam Okafor", "placed", -15, "Runbook: onboarding a team onto loadkit",
     "Sam becomes loadkit's first maintainer outside my team", ""),
)

# sponsoring well, per sponsored person: (first meeting, second meeting, heat taken, where,
# credit shared, where); Tomás's credit is not yet shared, so the review asks for it
SPONSORING = {
    "Jess Moreno": (-104, -97, -90, "launch-readiness review: the cost ceiling was my call",
                    -60, "engineering all-hands, loadkit results"),
    "Tomás Rivera": (-35, -28, -21, "working group: pushed back on the token TTL for him",
                     None, ""),
}

# (person, role, since, backs, note)
SPONSORS = (
    ("Grace Liu", "Director of Engineering, Payments", -460,
     "Faster cold-start on the FY planning slide, and my Staff case at calibration",
     "Wants numbers before adjectives."),
    ("Ken Adeyemi", "VP, Commerce Platform", -190,
     "loadkit as the paved road for launch readiness", "Met through the budget review."),
)
