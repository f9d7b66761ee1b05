"""What the essay asks of each document, as data: the kinds, their sections and the rules.

This module is plain data and imports nothing heavy, so that `luck.toml` can be validated
against the rule ids without loading the linter. How each rule is checked lives in
`luckos.writing.rules`; the words of the essay that define them are quoted here.
"""

from __future__ import annotations

import dataclasses

from luckos.writing.sections import SECTIONS, SectionSpec

__all__ = ["DOC_KINDS", "INPUT_RULES", "RULES", "SECTIONS", "SEVERITIES", "DocKind", "RuleSpec",
           "SectionSpec", "kind_name"]

SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {"error": 0, "warning": 1, "suggestion": 2}


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
                 "owners", "contracts"),
                "architecture notes to shorten future decisions: the failure modes, the "
                "escalation paths, the true owners",
                ("adr", "architecture-decision-record", "arch-note", "architecture",
                 "design-note", "decision-record")),
        DocKind("change-plan", "change plan", "design-doc",
                ("announcement", "safety-rails", "rollback", "dissent", "mitigations",
                 "legal-evidence"),
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
        RuleSpec("kind-unknown", "warning", None,
                 "no kind could be found (front matter, title, path or sections), so only "
                 "the prose rules ran"),
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
                 "no TODO, TBD, TBA, TBC, FIXME, XXX, ??, [...] or [TODO: ...] prompt is left "
                 "to fill (a status value such as 'Status: TODO' is not one)"),
        RuleSpec("vague-claim", "suggestion", ("brief", "one-pager", "scope-letter",
                                                "post-mortem"),
                 "a vague word ('improve', 'soon', 'various') comes with a number or a date "
                 "(kinds that promise numbers; a post-mortem's impact)"),
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
        RuleSpec("summary-first", "error", ("architecture-note",),
                 "an architecture note or design doc opens with a summary of at most 150 "
                 "words"),
        RuleSpec("evidence-logged", "warning", ("change-plan",),
                 "the evidence for legal and risk says where it is logged (a link, a path or "
                 "a named system)"),
        RuleSpec("auditor-evidence", "error", ("runbook",),
                 "a runbook tagged for compliance has an evidence-for-auditors section"),
        RuleSpec("ai-safeguards", "error", ("architecture-note", "runbook", "change-plan"),
                 "a document about an AI tool has a data-and-redaction section, a pinned "
                 "model version, an evaluation and a monitor"),
        RuleSpec("decision-first", "error", ("pre-read",),
                 "a pre-read opens with the decision at stake"),
        RuleSpec("unknown-rule", "warning", None,
                 "a `<!-- luck: ... -->` comment names a rule that does not exist"),
    )
}
