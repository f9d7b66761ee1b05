"""What the demo workspace holds: themes, windows, artifacts and notes, as plain tables.

Priya is the senior engineer of the essay's vignette, out to cut p95 checkout cold-start
from 1.8 s to 650 ms. Dates are written relative to today: an int is a number of days
from today; ("lw", n) is n days after the first of the days the weekly review looks back
over (the last seven, today included); (window key, n) is n days
from that window's previous date, or (key, n, k) from its k-th previous date.
"""

from __future__ import annotations

from typing import Any

# --- themes, their three numbers and the story of each month -------------------------
# A metric's readings run month by month up to this month; None is a month not read.

THEMES: tuple[dict[str, Any], ...] = (
    {
        "key": "cold",
        "label": "Faster cold-start",
        "sentence": "Checkout starts fast and stays fast: p95 cold-start under 700 ms, and "
                    "no Friday fire drill.",
        "problem": "Every checkout request fanned out to the auth service three to five times; "
                   "p95 cold-start sat at 1.8 s and token-refresh storms paged on-call on "
                   "Friday evenings.",
        "bet": "Consolidate the per-request auth calls behind one session token cached at the "
               "edge, shard by shard, behind a flag.",
        "milestone": "The EU shard on the consolidated path, p95 cold-start under 1.2 s, in "
                     "two sprints.",
        "blast_radius": "No change to the token format the mobile apps pin; any shard falls "
                        "back to the old fan-out with one flag.",
        "pain": "Drop-off at first render costs about $400k a quarter, and the Friday pages "
                "burn the on-call rotation.",
        "advantage": "I wrote the original session middleware and know where the fan-out "
                     "hides.",
        "progress": "p95 on one shard moves within a sprint; the same path then rolls to the "
                    "other four.",
        "started": -500,
        "metrics": (
            ("customer", "checkout drop-off at first render", "%", "down",
             (9.6, 9.7, 9.9, 9.2, 8.9, 8.7, 8.8, 8.4, 8.2, 8.1, 8.0, 7.9, 7.7, 7.6, 7.6)),
            ("reliability", "Friday auth-timeout pages", "pages", "down",
             (7, 6, 8, 5, 4, 4, 5, 3, 2, 2, 1, 2, 1, 0, 1)),
            ("speed", "checkout p95 cold-start", "ms", "down",
             (1810, 1790, 1840, 1620, 1480, 1350, 1390, 1180, 1020, 940, 880, 790, 720, 680,
              None)),
        ),
        "months": (
            "First month with the fan-out instrumented end to end: three to five auth calls "
            "per request, and nobody owned the total.",
            "No fix shipped yet; the month went into a traffic replay harness so later "
            "changes can be compared fairly.",
            "A token-refresh storm during the partner promo set the worst number of the year.",
            "The consolidated session token went live on the EU shard behind a flag at 10% "
            "of traffic.",
            "EU moved to 100% on the new path and the old fan-out code there was deleted.",
            "US-East started on the new path, but the edge cache warmed slowly after every "
            "deploy.",
            "A cache-key bug in the US-East rollout sent 4% of requests down the old path "
            "for nine days before a canary check caught it.",
            "US-East reached 100% and the edge cache now pre-warms during deploys.",
            "APAC moved in one week, run by Hiro from the EU rollout runbook.",
            "A quiet month of tuning: pre-warm moved into the deploy pipeline and the cache "
            "hit ratio reached 97%.",
            "The last two shards moved and the fan-out code is gone from checkout-api.",
            "Cart-render dropped its own auth call now that the token carries entitlements.",
            "The token cache TTL went from 60 s to five minutes, with push revocation.",
            "Kofi's lazy-loading of the payment widgets landed, the first win on this theme "
            "that was not mine.",
            "A partial month so far, steady through the payment-provider switch.",
        ),
        "overrides": {
            ("reliability", 2): "Six of the eight came from one refresh storm during the "
                                "promo; the other two I still cannot explain.",
            ("reliability", 11): "The page came from a certificate expiry on the partner "
                                 "gateway, not from auth; counted anyway.",
            ("reliability", 13): "The first Friday-page-free month since I started counting; "
                                 "Dana bought the on-call rotation cake.",
            ("reliability", 14): "A provider timeout during the payment-provider switch, "
                                 "paged to our rotation by mistake.",
            ("customer", 14): "The provider switch added a redirect for 5% of cards, which "
                              "we expected to cost more than it did.",
        },
    },
    {
        "key": "load",
        "label": "Cheap load tests",
        "sentence": "Any team can load-test a checkout change before lunch, for under $20.",
        "problem": "Load tests needed the shared perf cluster for a week, so teams skipped "
                   "them and found capacity limits in production.",
        "bet": "Ephemeral load-test stacks seeded from a snapshot, with a hard cost ceiling "
               "per run, offered as a template any team can copy.",
        "milestone": "Three teams run a load test before their launch this half.",
        "blast_radius": "Stacks live in a sandbox account with their own budget alarm; "
                        "nothing touches production data.",
        "pain": "Two launches this year hit capacity limits on day one.",
        "advantage": "The replay harness from the cold-start work already reproduces "
                     "checkout traffic.",
        "progress": "One team's launch is a visible win within a quarter; the template "
                    "compounds with every team that copies it.",
        "started": -200,
        "metrics": (
            ("customer", "teams load-testing before launch", "teams", "up",
             (1, 3, 4, 6, 8, 9)),
            ("reliability", "capacity incidents after launch", "incidents", "down",
             (3, 2, 2, 1, 1, None)),
            ("speed", "cost per load-test run", "$", "down", (410, 260, 120, 64, 31, 18)),
        ),
        "months": (
            "The first template ran against staging, still hand-provisioning a full stack "
            "per run.",
            "Stacks now seed from a snapshot instead of a full restore.",
            "Runs share a warm stack pool that shuts down after 20 idle minutes.",
            "The search and pricing teams adopted the template after the brown-bag.",
            "The load generators moved to spot instances under a hard ceiling per run.",
            "Two more teams onboarded from the runbook without asking me anything.",
        ),
        "overrides": {
            ("customer", 1): "Checkout and cart ran their launches through it once "
                             "provisioning took under an hour.",
            ("customer", 2): "Search joined after borrowing the checkout team's scenario.",
            ("reliability", 2): "Both came from launches that skipped the load test; the "
                                "tested ones held.",
            ("speed", 3): "More runs share the warm pool now that search and pricing use it.",
            ("customer", 4): "Two launch teams asked for it before I offered.",
            ("reliability", 4): "The one incident was a database failover that the load "
                                "test never modelled.",
            ("speed", 5): "Idle stacks now shut down after 10 minutes instead of 20.",
        },
    },
)

# --- the timing calendar: next date in days from today, recurrence step in months ----

WINDOWS: tuple[dict[str, Any], ...] = (
    {"key": "plan", "name": "FY planning: engineering roadmap", "kind": "planning",
     "recurrence": "yearly", "step": 12, "next": 13, "theme": "cold",
     "note": "Grace's staff meeting picks which bets get a slide; the roadmap locks the week "
             "after."},
    {"key": "budget", "name": "Quarterly budget review", "kind": "budget",
     "recurrence": "quarterly", "step": 3, "next": 27, "theme": "cold",
     "note": "Finance wants the edge cache spend justified against the drop-off numbers."},
    {"key": "headcount", "name": "Headcount review", "kind": "headcount",
     "recurrence": "half-yearly", "step": 6, "next": 48, "theme": "load",
     "note": "Asks are ranked by directors the week before; bring the cost per run."},
    {"key": "retro", "name": "Launch retro", "kind": "retro", "recurrence": "quarterly",
     "step": 3, "next": 62, "needs_demo": False,
     "note": "Every launch of the quarter, one slide each; capacity findings go first."},
    {"key": "promo", "name": "Promotion calibration", "kind": "promotion",
     "recurrence": "yearly", "step": 12, "next": 75, "needs_demo": False,
     "note": "Packet to Grace two weeks before; she wants the bench and the testimonials."},
    {"key": "storm", "name": "Token-refresh storm post-mortem review", "kind": "post-mortem",
     "on": -385, "needs_demo": False, "theme": "cold",
     "note": "Reviewed with Dana and the identity team; six actions, all closed."},
)

# --- what some artifacts came to and cost: a brief's outcome (and the days after the
# artifact it was known) ---------------------------------------------------------------

ARTIFACT_OUTCOMES: dict[str, tuple[str, int]] = {
    "budget-q2": ("funded", 9),
    "budget-prev": ("deferred", 8),
    "ask-sre": ("declined", 10),
}

# the hours some artifacts took, set against the hours their testimonials saved
ARTIFACT_HOURS: dict[str, float] = {
    "replayd": 60, "pm-storm": 9, "runbook-shard": 14, "archnote": 11, "loadkit": 90,
    "runbook-loadkit": 5, "post-p95": 6, "ttl-doc": 12, "post-2am": 4,
}

# AI tooling built as infrastructure, and the theme metric its delta is read on
ARTIFACT_AI: dict[str, tuple[str, str]] = {"ai-triage": ("cold", "reliability")}

# --- artifacts: (key, when, title, kind, surface, link, theme, window, note) -----------

WIKI = "https://wiki.example.com/payments/"
BLOG = "https://priya.example.dev/"

ARTIFACTS = (
    ("fanout", -495, "Where checkout's first second goes", "design-doc", "internal",
     WIKI + "fanout-map", "cold", None, "Every auth call per request, with its owner."),
    ("replayd", -400, "replayd: traffic replay for checkout", "open-source", "public",
     "https://github.com/example/replayd", "cold", None, ""),
    ("brief1", ("plan", -12, 1), "Faster cold-start: the two-pager", "brief", "internal",
     WIKI + "cold-start-brief", "cold", "plan", "Funded in a week."),
    ("demo1", ("plan", -9, 1), "Five-minute demo: one auth call instead of four", "demo",
     "internal", "", "cold", "plan",
     "Replay harness, before and after; Grace replayed it in her own staff meeting."),
    ("pm-storm", -392, "Post-mortem: token-refresh storm during the partner promo",
     "post-mortem", "internal", WIKI + "pm-refresh-storm", "cold", "storm", ""),
    ("runbook-shard", -300, "Runbook: rolling a shard onto the session token", "runbook",
     "internal", WIKI + "runbook-shard-rollout", "cold", None, ""),
    ("talk-berlin", -240, "Cold-start is an org chart problem (Berlin Perf Meetup)", "talk",
     "public", BLOG + "talks/cold-start-org-chart", "cold", None, ""),
    ("post-cachekey", -225, "The cache-key bug that hid for nine days", "post", "public",
     BLOG + "cache-key-bug", "cold", None, ""),
    ("archnote", -300, "Architecture note: session tokens at the edge", "architecture-note",
     "internal", WIKI + "arch-session-tokens", "cold", None, ""),
    ("budget-old", ("budget", -6, 3), "Edge cache spend: is the pre-warm fleet worth it?", "brief",
     "internal", WIKI + "budget-edge-cache-1", "cold", "budget", ""),
    ("wg-edge", -260, "Edge-auth working group charter", "working-group", "internal",
     WIKI + "wg-edge-auth", "cold", None, "Handed to Tomás after four months."),
    ("pm-useast", -235, "Post-mortem: US-East cache-key rollback", "post-mortem", "internal",
     WIKI + "pm-us-east-cache-key", "cold", None, ""),
    ("onepager-load", -198, "Load-test stacks in 20 minutes", "one-pager", "internal",
     WIKI + "cheap-load-tests", "load", None, ""),
    ("ask-sre", ("headcount", -9), "Staffing ask: one SRE for the load-test platform",
     "brief", "internal", WIKI + "ask-sre-loadkit", "load", "headcount", "Granted."),
    ("loadkit", -140, "loadkit: ephemeral load-test stacks with a cost ceiling",
     "open-source", "public", "https://github.com/example/loadkit", "load", None, ""),
    ("runbook-loadkit", -125, "Runbook: onboarding a team onto loadkit", "runbook",
     "internal", WIKI + "runbook-loadkit", "load", None, ""),
    ("post-p95", -120, "Why our p95 lied to us", "post", "public", BLOG + "p95-lied",
     "cold", None, "Front page of the perf newsletter that week."),
    ("brownbag", -100, "Brown-bag: load tests before lunch", "talk", "internal", "", "load",
     None, "Recorded; 140 views in the first month."),
    ("budget-prev", ("budget", -7), "Edge cache spend: keep the pre-warm fleet", "brief",
     "internal", WIKI + "budget-edge-cache-2", "cold", "budget", ""),
    ("budget-prev-demo", ("budget", -8), "Cost per checkout by shard (recorded walkthrough)",
     "demo", "internal", "", "cold", "budget", "Four minutes; finance replayed it twice."),
    ("budget-q2", ("budget", -10, 2), "Edge cache spend: the pre-warm fleet pays for itself",
     "brief", "internal", WIKI + "budget-edge-cache-q2", "cold", "budget", ""),
    ("budget-q2-demo", ("budget", -8, 2), "Pre-warm on and off: a two-minute replay",
     "demo", "internal", "", "cold", "budget", ""),
    ("ask-sre-demo", ("headcount", -8), "loadkit: a load test in twenty minutes (recorded)",
     "demo", "internal", "", "load", "headcount", ""),
    ("retro-q2", ("retro", -10, 2), "Retro pre-read: Q2 launches, capacity first",
     "one-pager", "internal", WIKI + "retro-q2-preread", "load", "retro", ""),
    ("retro-q3", ("retro", -9), "Retro pre-read: Q3 launches and what loadkit caught",
     "one-pager", "internal", WIKI + "retro-q3-preread", "load", "retro", ""),
    ("ttl-doc", -100, "Design doc: token cache TTL and revocation", "design-doc", "internal",
     WIKI + "token-ttl-revocation", "cold", None, ""),
    ("post-2am", -40, "Ten things the auth service does at 2 a.m.", "post", "public",
     BLOG + "auth-at-2am", None, None, ""),
    ("retro-pack", -25, "Retro pack: what the load-test pilots taught us", "post-mortem",
     "internal", WIKI + "loadkit-pilot-retro", "load", None, ""),
    ("ai-triage", -200, "Page triage bot: retrieval over our post-mortems", "demo", "internal",
     WIKI + "page-triage-bot", "cold", None,
     "Pinned model, evaluated on last year's pages, with a monitor on wrong answers."),
    ("budget-brief", -9, "Edge cache budget: keep, grow or cut", "brief", "internal",
     WIKI + "budget-edge-cache-3", "cold", "budget", "Three options, recommends grow by 20%."),
    ("budget-demo", -4, "Cost dashboard walkthrough (recorded)", "demo", "internal", "",
     "cold", "budget", "Eight minutes; cost per checkout, per shard."),
    ("talk-boring", ("lw", 1), "The boring path to a fast checkout (slides)", "talk",
     "public", BLOG + "talks/boring-fast-checkout", "cold", None, "Accepted for the spring "
     "conference; slides published early for feedback."),
    ("fy-brief", ("lw", 3), "Faster cold-start, year two: the FY two-pager", "brief",
     "internal", WIKI + "cold-start-year-two", "cold", "plan",
     "Pre-wired with Grace and Omar; the demo is not recorded yet."),
)

# (artifact key, who, when, hours saved, quote)
TESTIMONIALS = (
    ("replayd", "Elena Petrova", -380, 12,
     "Proved the pricing change was safe with replayd; no fight over staging this time."),
    ("pm-storm", "Dana Whitfield", -360, 8,
     "Your post-mortem is now the template for the on-call review."),
    ("runbook-shard", "Hiro Tanaka", -185, 30,
     "We moved APAC in a week straight off your runbook. Saved us at least four days."),
    ("archnote", "Ravi Iyer", -280, 16,
     "The revocation section answered every question the security review would have asked."),
    ("loadkit", "Jess Moreno", -120, 40,
     "Load-tested the search rewrite for $14 instead of borrowing the perf cluster for a week."),
    ("post-p95", "Mateo Ruiz (Shopfront)", -110, 3,
     "Found the same sampling bug in our own dashboards the next morning."),
    ("runbook-loadkit", "Sam Okafor", -90, 6,
     "Onboarded the pricing team without a single meeting."),
    ("ttl-doc", "Omar Haddad", -45, 10,
     "Saved us a week of arguing about revocation; we just pointed at section 3."),
    ("post-2am", "Lena Park", -30, 2,
     "Sent it to the new on-call hires as required reading."),
    ("retro-pack", "Tomás Rivera", -2, 40,
     "I used your retro pack to plan the checkout launch; it saved us a week."),
)

# --- notes: (kind, when, title, body, tags) -----------------------------------------------

NOTES = (
    ("journal", -498, "Why the refactor pitches died",
     "Three refactor pitches died in planning this year. Same work each time; I never said "
     "what it was worth. Next pitch starts with the drop-off number.", ("pitch",)),
    ("year-in-public", -310, "EU shard on the new path",
     "EU checkout now makes one auth call per request instead of four. p95 cold-start fell "
     "from 1.8 s to 1.5 s on that shard.", ("cold-start",)),
    ("earned-secret", -388, "The auth rate limiter resets on the hour",
     "The auth rate limiter resets on the hour, not on a sliding window: every token-refresh "
     "storm we had started within 90 seconds of :00. The config comment says sliding; it is "
     "wrong, and nobody on the identity team knows.", ("auth", "on-call")),
    ("year-in-public", -240, "Spoke at Berlin Perf Meetup",
     "First public talk in four years: cold-start is an org chart problem.", ("talk",)),
    ("journal", -236, "Nine days of a silent bug",
     "The US-East cache-key bug hid for nine days because every graph was an average. Canary "
     "on path share from now on.", ("post-mortem",)),
    ("earned-secret", -180, "Grace decides in the hallway",
     "Grace decides in the hallway after staff meeting, not in it. Pre-wire by Tuesday or "
     "it waits a month.", ("influence",)),
    ("year-in-public", -140, "Open-sourced loadkit",
     "loadkit is public under Apache-2.0: ephemeral load-test stacks with a cost ceiling.",
     ("loadkit",)),
    ("journal", -72, "Said no to the re-platform group",
     "Declined to lead the re-platform working group and offered a FAQ and office hours "
     "instead. It felt rude for a day and right for a month.", ("glue",)),
    ("year-in-public", -30, "p95 cold-start under 700 ms",
     "Checkout p95 cold-start is 680 ms across every shard, down from 1.8 s. Friday pages: "
     "none this month.", ("cold-start",)),
    ("journal", -3, "Week before planning",
     "The FY two-pager is out and pre-wired; the demo is not recorded. Book the room, record "
     "it Friday.", ("planning",)),
)
