"""What the essay asks of each document, as data: the kinds, their sections and the rules.

This module is plain data and imports nothing heavy, so that `luck.toml` can be validated
against the rule ids without loading the linter. How each rule is checked lives in
`luckos.writing.rules`; the words of the essay that define them are quoted here.
"""

from __future__ import annotations

import dataclasses

SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {"error": 0, "warning": 1, "suggestion": 2}


@dataclasses.dataclass(frozen=True)
class SectionSpec:
    """A part a document must have, and the heading words other writers use for it."""

    id: str
    heading: str  # the heading luckos's own templates use
    synonyms: tuple[str, ...]  # words or phrases that name the same part in a heading
    hint: str  # what to write there, for messages
    front_keys: tuple[str, ...] = ()  # front matter keys that can stand in for the section


SECTIONS: dict[str, SectionSpec] = {
    s.id: s
    for s in (
        SectionSpec("problem", "Problem",
                    ("problem", "problem statement", "the pain", "pain", "pain point",
                     "motivation", "why now", "why this matters", "background",
                     "what is broken", "what's broken", "challenge", "under-serving",
                     "under-served", "underserved", "situation", "the issue"),
                    "the problem in the business's words: who hurts, how often, what it costs"),
        SectionSpec("context", "Context",
                    ("context", "background", "situation", "current state", "status quo",
                     "where we are", "problem", "motivation", "setting"),
                    "what is true today and why a decision is needed now"),
        SectionSpec("options", "Options",
                    ("options", "option", "alternatives", "choices", "approaches",
                     "possible approaches", "paths", "paths forward", "ways forward",
                     "what we could do", "candidates", "proposals"),
                    "three options, each with its costs and risks"),
        SectionSpec("recommendation", "Recommendation",
                    ("recommendation", "recommendations", "recommend", "recommended",
                     "we recommend", "proposal", "proposed", "proposed option", "our pick",
                     "preferred option", "suggested path", "the call"),
                    "the option you recommend, named, and why"),
        SectionSpec("decision", "Decision asked",
                    ("decision asked", "decision needed", "decision requested",
                     "decision at stake", "decision", "decisions", "the ask", "ask",
                     "asks", "asking for", "what we need from you",
                     "what I need from you", "approval"),
                    "the specific decision asked: what, who decides, by when"),
        SectionSpec("tradeoffs", "Unresolved trade-offs",
                    ("trade-offs", "tradeoffs", "tradeoff", "trade-off", "unresolved",
                     "open questions", "open issues", "caveats", "tensions",
                     "what we give up", "risks and trade-offs"),
                    "the trade-offs still open, called out explicitly"),
        SectionSpec("objections", "Objections received",
                    ("objections", "objection", "concerns", "concerns raised", "pushback",
                     "push-back", "dissent", "feedback", "what we heard",
                     "questions raised", "counterarguments", "faq"),
                    "each objection received and how it was handled"),
        SectionSpec("bet", "The bet",
                    ("bet", "the bet", "our bet", "hypothesis", "thesis", "approach",
                     "solution", "the plan", "plan", "proposal", "strategy", "idea"),
                    "the bet: what you will do and why it should work"),
        SectionSpec("milestone", "First milestone",
                    ("first milestone", "milestone", "milestones", "first step",
                     "first deliverable", "next milestone", "first quarter",
                     "this quarter", "90 days", "checkpoint", "checkpoints"),
                    "the first milestone, visible within the quarter"),
        SectionSpec("metrics", "Metrics that will move",
                    ("metrics", "metric", "measures", "measurement", "success metrics",
                     "kpis", "kpi", "numbers", "indicators", "how we'll measure",
                     "how we will measure", "what will move", "success criteria",
                     "three numbers"),
                    "three metrics: one customer value, one reliability/safety, one speed/cost"),
        SectionSpec("blast-radius", "Blast radius avoided",
                    ("blast radius", "blast", "risk avoided", "risks avoided",
                     "what we avoid", "what could go wrong", "guardrails", "downside",
                     "safety"),
                    "the blast radius you will avoid, and who carries it"),
        SectionSpec("metric", "The metric at stake",
                    ("metric at stake", "metric", "metrics", "kpi", "kpis", "numbers",
                     "what moves", "measure", "measures", "success criteria"),
                    "the metric at stake, with its current value"),
        SectionSpec("plan", "The minimal plan",
                    ("minimal plan", "plan", "the plan", "approach", "proposal", "roadmap",
                     "first steps", "next steps", "milestones"),
                    "the minimal plan: the smallest steps that move the metric"),
        SectionSpec("on-board", "Who is already on board",
                    ("on board", "onboard", "already on board", "who's on board",
                     "stakeholders", "supporters", "support", "alignment", "aligned",
                     "pre-aligned", "pre-wired", "allies", "sponsors", "who agrees"),
                    "who is already on board, by name"),
        SectionSpec("ownership", "What I will own end to end",
                    ("own end to end", "end-to-end", "what I will own", "what I'll own",
                     "what I own", "ownership", "my scope", "scope", "responsibilities",
                     "responsibility", "i will own"),
                    "what you will own end to end, including the blast radius"),
        SectionSpec("reserved", "Decisions I won't make without you",
                    ("without you", "decisions I won't make", "decisions reserved",
                     "reserved decisions", "your call", "decisions for you",
                     "decisions we make together", "escalate to you", "check with you",
                     "what I need from you"),
                    "the decisions you won't make without them"),
        SectionSpec("demo", "The demo",
                    ("demo", "demos", "prototype", "proof", "show me", "walkthrough",
                     "walk through", "screenshot", "screenshots"),
                    "the smallest demo you can attach"),
        SectionSpec("impact", "Impact",
                    ("impact", "customer impact", "user impact", "business impact",
                     "impact summary", "blast radius", "severity", "what it cost",
                     "damage", "who was affected"),
                    "the impact, quantified: who was hit, for how long, what it cost"),
        SectionSpec("timeline", "Timeline",
                    ("timeline", "time line", "chronology", "sequence of events",
                     "what happened", "events", "timeline of events", "log of events"),
                    "the timeline, with times"),
        SectionSpec("causes", "Contributing causes",
                    ("contributing causes", "contributing factors", "causes", "cause",
                     "root cause", "root causes", "why it happened", "analysis",
                     "five whys", "5 whys", "factors", "what went wrong"),
                    "the contributing causes (more than one, usually)"),
        SectionSpec("actions", "Mechanism: actions",
                    ("actions", "action items", "action", "mechanism", "mechanisms",
                     "follow-ups", "follow-up", "followups", "remediation",
                     "corrective actions", "preventive actions", "next steps",
                     "what we'll change", "what we will change", "owners and dates",
                     "to-do", "todo"),
                    "the mechanism that converts the pain: actions, each with an owner "
                    "and a date"),
        SectionSpec("purpose", "Purpose",
                    ("purpose", "overview", "summary", "when to use", "when to use this",
                     "what this is for", "goal", "about", "scope", "use this when",
                     "symptoms", "introduction"),
                    "when to use this runbook, in one sentence"),
        SectionSpec("owner", "Owner",
                    ("owner", "owners", "ownership", "owned by", "maintainer", "maintainers",
                     "who owns", "team", "contact", "contacts", "responsible"),
                    "the person or team who keeps it true", ("owner", "owners")),
        SectionSpec("steps", "Steps",
                    ("steps", "step", "procedure", "instructions", "how to", "playbook",
                     "remediation steps", "what to do", "process", "runbook", "actions"),
                    "the steps, numbered"),
        SectionSpec("verification", "Verification",
                    ("verification", "verify", "verifying", "validate", "validation",
                     "check", "checks", "how to confirm", "confirm", "health check",
                     "success criteria", "how to tell it worked", "testing", "test"),
                    "how to tell it worked"),
        SectionSpec("rollback", "Rollback",
                    ("rollback", "roll back", "rolling back", "revert", "reverting",
                     "undo", "back out", "backout", "rollback rehearsal", "recovery"),
                    "how to undo it"),
        SectionSpec("escalation", "Escalation path",
                    ("escalation", "escalation path", "escalations", "escalate",
                     "who to call", "who to page", "paging", "if this fails",
                     "help", "support", "contacts"),
                    "who to call next, in order"),
        SectionSpec("adr-decision", "Decision",
                    ("decision", "decisions", "we decided", "chosen", "chosen option",
                     "outcome", "resolution", "the decision", "what we chose",
                     "decision outcome"),
                    "the decision, in one or two sentences"),
        SectionSpec("alternatives", "Alternatives",
                    ("alternatives", "alternatives considered", "options considered",
                     "considered options", "options", "other approaches", "other options",
                     "rejected options", "rejected alternatives", "what we didn't choose"),
                    "the alternatives considered and why they lost"),
        SectionSpec("consequences", "Consequences",
                    ("consequences", "consequence", "implications", "trade-offs",
                     "tradeoffs", "results", "impact", "positive consequences",
                     "negative consequences", "what changes", "effects"),
                    "the consequences, good and bad"),
        SectionSpec("failure-modes", "Failure modes",
                    ("failure modes", "failure mode", "failures", "how it fails",
                     "what can go wrong", "what could go wrong", "known failures",
                     "limits", "limitations", "risks", "edge cases"),
                    "the failure modes: how it breaks and what you see when it does"),
        SectionSpec("owners", "True owners",
                    ("true owners", "owners", "owner", "ownership", "who owns",
                     "maintainers", "contacts", "responsibility", "responsible",
                     "stewards", "points of contact"),
                    "the true owners, by name (of the scary cron jobs too)",
                    ("owner", "owners")),
        SectionSpec("announcement", "Announcement",
                    ("announcement", "announce", "announcing", "communication",
                     "communications", "comms", "communication plan", "who we tell",
                     "notice", "heads up", "stakeholder communication"),
                    "how and when the change is announced, and to whom"),
        SectionSpec("safety-rails", "Safety rails",
                    ("safety rails", "safety", "guardrails", "guard rails", "safeguards",
                     "safety net", "protections", "preconditions", "go/no-go",
                     "entry criteria"),
                    "the safety rails you will show before rollout"),
        SectionSpec("dissent", "Dissent collected before rollout",
                    ("dissent", "objections", "concerns", "pushback", "feedback",
                     "what we heard", "reviews", "review", "sign-off", "signoff"),
                    "the dissent collected before rollout, and what changed because of it"),
        SectionSpec("mitigations", "Mitigations",
                    ("mitigations", "mitigation", "mitigation plan", "risk mitigation",
                     "mitigating", "contingency", "contingencies", "fallbacks"),
                    "the mitigations in your pocket: feature flag, staged rollout, kill "
                    "switch, audit trail"),
        SectionSpec("stakes", "The decision at stake",
                    ("decision at stake", "decision", "decisions", "the ask", "ask",
                     "what we need to decide", "to decide", "decision needed",
                     "decision requested", "purpose of this meeting", "tl;dr", "tldr",
                     "bottom line"),
                    "the decision at stake, first"),
        SectionSpec("owners-dates", "Owners and dates",
                    ("owners and dates", "owners", "next steps", "action items", "actions",
                     "follow-ups", "follow-up", "who does what", "to-do", "todo",
                     "dates", "timeline"),
                    "owners and dates: who does what by when"),
    )
}


@dataclasses.dataclass(frozen=True)
class DocKind:
    """A kind of document the essay defines."""

    name: str
    title: str
    artifact_kind: str  # the artifact kind it is registered as
    sections: tuple[str, ...]  # required section ids, in template order
    essay: str  # the essay's words
    aliases: tuple[str, ...] = ()
    needs_theme: bool = False


DOC_KINDS: dict[str, DocKind] = {
    k.name: k
    for k in (
        DocKind("one-pager", "one-pager", "one-pager",
                ("problem", "bet", "milestone", "metrics", "blast-radius"),
                "a living one-pager: the problem, the bet, the first milestone, the metrics "
                "that will move, the blast radius you'll avoid",
                ("onepager", "one-page", "1-pager", "theme-one-pager"), needs_theme=True),
        DocKind("brief", "two-page brief", "brief",
                ("problem", "options", "recommendation", "decision", "tradeoffs",
                 "objections"),
                "a two-page brief: the problem, three options, costs and risks, a "
                "recommendation, and the specific decision you're asking for",
                ("two-pager", "2-pager", "two-page-brief", "decision-brief", "brief-doc")),
        DocKind("scope-letter", "scope letter", "one-pager",
                ("problem", "metric", "plan", "on-board", "ownership", "reserved", "demo"),
                "the problem we're under-serving, the metric at stake, the minimal plan, "
                "who's already on board, what I will own end-to-end, and the decisions I "
                "won't make without you",
                ("scope", "scope-note")),
        DocKind("post-mortem", "post-mortem", "post-mortem",
                ("impact", "timeline", "causes", "actions"),
                "post-mortems to convert pain into mechanism",
                ("postmortem", "post-mortem-report", "incident-review", "incident-report",
                 "pir", "retrospective")),
        DocKind("runbook", "runbook", "runbook",
                ("purpose", "owner", "steps", "verification", "rollback", "escalation"),
                "runbooks to capture motion",
                ("playbook", "run-book", "sop")),
        DocKind("architecture-note", "architecture note", "architecture-note",
                ("context", "adr-decision", "alternatives", "consequences", "failure-modes",
                 "owners"),
                "architecture notes to shorten future decisions: the failure modes, the "
                "escalation paths, the true owners",
                ("adr", "architecture-decision-record", "arch-note", "architecture",
                 "design-note", "decision-record")),
        DocKind("change-plan", "change plan", "design-doc",
                ("announcement", "safety-rails", "rollback", "dissent", "mitigations"),
                "announce the change, show the safety rails, rehearse rollback, and collect "
                "dissent before rollout; feature flags, staged rollout, kill switch, audit "
                "trail",
                ("rollout-plan", "change-management", "launch-plan", "migration-plan")),
        DocKind("reboot-plan", "90-day reboot plan", "design-doc",
                (),
                "a 90-day reboot: weeks 1-2, 3-4, 5-6, 7-8, 9-12",
                ("reboot", "90-day-plan", "90-day-reboot", "ninety-day-plan")),
        DocKind("pre-read", "pre-read", "brief",
                ("stakes", "context", "options", "owners-dates"),
                "send the pre-read 24 hours ahead, open with the decision at stake, and "
                "end with owners and dates",
                ("preread", "pre-reading", "meeting-pre-read", "read-ahead")),
    )
}


def kind_name(text: str) -> str | None:
    """The document kind `text` names (its name or an alias, any case), or None."""
    value = "-".join(str(text).strip().lower().replace("_", " ").split())
    if value in DOC_KINDS:
        return value
    for kind in DOC_KINDS.values():
        if value in kind.aliases:
            return kind.name
    return None


@dataclasses.dataclass(frozen=True)
class RuleSpec:
    """A rule: its id, default severity, the kinds it checks, and what it asks."""

    id: str
    severity: str
    kinds: tuple[str, ...] | None  # None: every document, whatever its kind
    summary: str
    configurable: bool = True


ALL_KINDS = tuple(DOC_KINDS)

# Problems with the file itself: the document could not be read or its kind is not known.
# They are always errors, cannot be silenced, and make `luck doc lint` exit with 2.
INPUT_RULES: dict[str, RuleSpec] = {
    r.id: r
    for r in (
        RuleSpec("input-unreadable", "error", None,
                 "the file could not be read (missing, a folder, no permission)", False),
        RuleSpec("input-binary", "error", None, "the file is binary, not Markdown text",
                 False),
        RuleSpec("input-encoding", "error", None, "the file is not UTF-8 text", False),
        RuleSpec("input-not-markdown", "error", None,
                 "the file is not Markdown (its extension says another format)", False),
        RuleSpec("input-too-large", "error", None,
                 "the file is larger than [lint] max_file_kb", False),
        RuleSpec("front-matter", "error", None,
                 "the YAML front matter is broken (unclosed, invalid YAML, not key: value)",
                 False),
        RuleSpec("unknown-kind", "error", None,
                 "the front matter names a kind luckos does not know", False),
    )
}

RULES: dict[str, RuleSpec] = {
    r.id: r
    for r in (
        RuleSpec("kind-missing", "suggestion", None,
                 "the document says no kind, so only the prose rules ran"),
        RuleSpec("title-missing", "warning", ALL_KINDS,
                 "a document has a title: a '# ' heading or `title:` in the front matter"),
        RuleSpec("section-missing", "error", ALL_KINDS,
                 "each part the essay names for the kind is there (heading synonyms count)"),
        RuleSpec("section-empty", "warning", ALL_KINDS,
                 "a required section has something under its heading"),
        RuleSpec("word-budget", "error", ("brief", "one-pager", "scope-letter", "pre-read",
                                          "post-mortem"),
                 "the document fits its page budget ([lint.word_budget])"),
        RuleSpec("placeholder", "warning", None,
                 "no TODO, TBD, FIXME or [TODO: ...] prompt is left to fill"),
        RuleSpec("vague-claim", "suggestion", None,
                 "a vague word ('improve', 'soon', 'various') comes with a number or a date"),
        RuleSpec("quantified-consequence", "error", ("brief", "one-pager", "scope-letter"),
                 "at least one consequence is quantified: a number with a unit "
                 "(%, $, ms, hours, incidents)"),
        RuleSpec("brief-options", "error", ("brief",),
                 "a brief weighs at least three options ([lint] min_options)"),
        RuleSpec("option-costs-risks", "error", ("brief",),
                 "each option names its costs and its risks"),
        RuleSpec("recommendation-names-option", "error", ("brief",),
                 "the recommendation names one of the options"),
        RuleSpec("decision-owner-date", "error", ("brief",),
                 "the decision asked says who decides and by when"),
        RuleSpec("objection-handled", "warning", ("brief",),
                 "each objection received says how it was handled"),
        RuleSpec("theme-label", "error", ("one-pager",),
                 "the theme's label passes the naming test (three words or fewer)"),
        RuleSpec("three-metrics", "error", ("one-pager",),
                 "a one-pager names three metrics"),
        RuleSpec("impact-quantified", "error", ("post-mortem",),
                 "the impact is quantified: a number with a unit"),
        RuleSpec("action-owner-date", "error", ("post-mortem", "pre-read"),
                 "each action (post-mortem) or next step (pre-read) has an owner and a date"),
        RuleSpec("numbered-steps", "error", ("runbook",), "a runbook's steps are numbered"),
        RuleSpec("kill-switch", "error", ("change-plan",), "a change plan has a kill switch"),
        RuleSpec("rollback-rehearsed", "warning", ("change-plan",),
                 "the rollback is rehearsed before rollout, not only written down"),
        RuleSpec("mitigations", "warning", ("change-plan",),
                 "the mitigations include a feature flag, a staged rollout and an audit trail"),
        RuleSpec("reboot-weeks", "error", ("reboot-plan",),
                 "a reboot plan covers weeks 1 to 12 (1-2, 3-4, 5-6, 7-8, 9-12)"),
        RuleSpec("reboot-dates", "warning", ("reboot-plan",),
                 "each stretch of the reboot plan carries real dates"),
        RuleSpec("decision-first", "error", ("pre-read",),
                 "a pre-read opens with the decision at stake"),
        RuleSpec("unknown-rule", "warning", None,
                 "a `<!-- luck: ... -->` comment names a rule that does not exist"),
    )
}

DEFAULT_VAGUE_WORDS = (
    "improve", "improves", "improved", "improvement", "improvements", "better", "faster",
    "soon", "various", "several", "many", "significant", "significantly", "substantial",
    "substantially", "a lot", "lots of", "optimize", "optimise", "enhance", "enhanced",
    "streamline", "robust", "scalable", "seamless", "seamlessly", "asap", "in the future",
    "at some point", "going forward", "world-class", "best-in-class",
)

DEFAULT_WORD_BUDGET = (
    ("brief", 1000),  # "a two-page brief", at about 500 words a page
    ("one-pager", 500),
    ("scope-letter", 500),  # "a one-page note"
    ("pre-read", 1000),
    ("post-mortem", 0),  # 0: no budget (set 500 for the reboot's "one-page post-mortem")
)


def rule_spec(rule_id: str) -> RuleSpec | None:
    return RULES.get(rule_id) or INPUT_RULES.get(rule_id)
