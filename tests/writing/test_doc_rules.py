"""Each rule with a document that passes it and one that fails it, at the line expected.

The passing documents are in docs/clean/ (one per kind, each lints with no finding at
all); a failing document is a clean one with one part changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from luckos.writing.catalog import RULES
from luckos.writing.lint import Finding, lint_text

CLEAN = Path(__file__).with_name("docs") / "clean"


def clean(kind: str) -> str:
    return (CLEAN / f"{kind}.md").read_text(encoding="utf-8")


def changed(kind: str, *edits: tuple[str, str]) -> str:
    text = clean(kind)
    for old, new in edits:
        assert old in text, f"{old!r} is not in the clean {kind}"
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, part: str) -> int:
    """The line (from 1) where `part` first appears."""
    index = text.index(part)
    return text.count("\n", 0, index) + 1


def findings_of(text: str, rule: str) -> list[Finding]:
    return [f for f in lint_text(text) if f.rule == rule]


NUMBERLESS_SCOPE_LETTER = """\
---
kind: scope-letter
---

# Scope for checkout latency

## The problem we're under-serving

Cold starts on checkout cost us sessions.

## The metric at stake

Cold-start latency on checkout.

## The minimal plan

Consolidate the auth calls behind a flag.

## Who's already on board

Dana Ruiz and the platform team.

## What I will own end to end

The rollout and its pager.

## Decisions I won't make without you

Any change to the auth API.

## The demo

A walk-through of both paths.
"""

PROSE_ONLY = "# Notes from the offsite\n\nThe team wants fewer meetings on Fridays.\n"

# rule -> (failing document, the text on the line where the finding is, a word in the
# message, the kind whose clean document passes)
FAILING: dict[str, tuple[str, str, str, str]] = {
    "kind-unknown": (PROSE_ONLY, "# Notes", "no kind found", "brief"),
    "title-missing": (
        changed("runbook", ("title: Rotate the checkout TLS certificate\n", ""),
                ("# Rotate the checkout TLS certificate\n", "")),
        "## Purpose", "add a title", "runbook"),
    "section-missing": (
        changed("runbook", ("## Escalation path\n\n1. The checkout on-call, paged through the "
                            "pager rotation.\n2. The security on-call if the CA is down.\n", "")),
        "# Rotate", "'Escalation path'", "runbook"),
    "section-empty": (
        changed("runbook", ("- `curl -v https://checkout.internal` shows the new expiry date.\n",
                            "")),
        "## Verification", "is empty", "runbook"),
    "word-budget": (
        changed("one-pager", ("keeps its API.\n", "keeps its API. " + "word " * 450 + "\n")),
        "word word", "over the one-pager's budget of 500", "one-pager"),
    "placeholder": (
        changed("brief", ("- Cost: 2 sprints for two engineers.", "- Cost: [TODO: estimate]")),
        "[TODO: estimate]", "TODO: estimate", "brief"),
    "vague-claim": (
        changed("brief", ("the Friday on-call drill eats one engineer-day a month.",
                          "the Friday on-call drill eats time. We will improve it.")),
        "We will improve it", "'improve' without a number", "brief"),
    "quantified-consequence": (NUMBERLESS_SCOPE_LETTER, "## The problem", "quantify at least one",
                               "scope-letter"),
    "brief-options": (
        changed("brief", ("### Option C: Do nothing\n\n- Cost: nothing now; the drop-off stays "
                          "at 1.5%.\n- Risk: the gap to competitors widens while traffic grows "
                          "30% a year.\n", "")),
        "## Options", "it weighs 2", "brief"),
    "option-costs-risks": (
        changed("brief", ("- Risk: stale tokens after revocation, a security exposure.\n", "")),
        "### Option B", "names no risks", "brief"),
    "recommendation-names-option": (
        changed("brief", ("Option A. It removes the calls instead of hiding them, and the "
                          "regression is testable\nbefore rollout.",
                          "We should move ahead with the plan the team prefers.")),
        "## Recommendation", "names none of the options", "brief"),
    "decision-owner-date": (
        changed("brief", ("- Who decides: Priya Shah (VP Engineering)\n", "")),
        "## Decision asked", "say who decides", "brief"),
    "objection-handled": (
        changed("brief", ("- Finance doubted the $400k figure → answered with the funnel data "
                          "from January.", "- Finance doubted the $400k figure.")),
        "- Finance doubted", "does not say how it was handled", "brief"),
    "theme-label": (
        changed("one-pager", ("title: Faster cold-start", "title: Make checkout start fast again"),
                ("# Faster cold-start", "# Make checkout start fast again")),
        "# Make checkout", "has 5 words", "one-pager"),
    "three-metrics": (
        changed("one-pager", ("- Reliability/safety: Friday incidents, 3 a month today.\n", "")),
        "## Metrics", "found 2", "one-pager"),
    "impact-quantified": (
        changed("post-mortem", ("2,300 checkouts failed over 47 minutes; about $38k of orders "
                                "were lost.", "Checkouts failed for most of the afternoon.")),
        "## Impact", "quantify the impact", "post-mortem"),
    "action-owner-date": (
        changed("post-mortem", ("| Route the error alert to the pager | @sam | 2026-02-27 |",
                                "| Route the error alert to the pager | | |")),
        "| Route the error alert", "needs an owner and a date", "post-mortem"),
    "numbered-steps": (
        changed("runbook", ("1. Request", "- Request"), ("2. Upload", "- Upload"),
                ("3. Restart", "- Restart")),
        "## Steps", "number the steps", "runbook"),
    "kill-switch": (
        changed("change-plan", ("- Kill switch: the flag turns the exchange off for every "
                                "request at once.\n", "")),
        "## Mitigations", "add a kill switch", "change-plan"),
    "rollback-rehearsed": (
        changed("change-plan", ("Rehearsed on 2026-02-26 in staging: the rollback took 4 "
                                "minutes.", "Turn the flag off to roll back.")),
        "## Rollback rehearsal", "rehearse the rollback", "change-plan"),
    "mitigations": (
        changed("change-plan", ("- Audit trail: every flag change is logged in the change log.\n",
                                "")),
        "## Mitigations", "an audit trail", "change-plan"),
    "reboot-weeks": (
        changed("reboot-plan", ("## Weeks 7-8 (2026-04-13 to 2026-04-26)\n\n- Automate the win; "
                                "remove one recurring meeting.\n\n", "")),
        "# 90-day", "cover weeks 7-8", "reboot-plan"),
    "reboot-dates": (
        changed("reboot-plan", ("## Weeks 3-4 (2026-03-16 to 2026-03-29)", "## Weeks 3-4")),
        "## Weeks 3-4", "real dates", "reboot-plan"),
    "decision-first": (
        changed("pre-read", ("## The decision at stake\n\nFund two sprints of checkout latency "
                             "work in Q2: yes or no.\n\n## Context\n\nCold starts cost about "
                             "1.5% of checkout sessions.\n",
                             "## Context\n\nCold starts cost about 1.5% of checkout sessions."
                             "\n\n## The decision at stake\n\nFund two sprints of checkout "
                             "latency work in Q2: yes or no.\n")),
        "## Context", "open with the decision at stake", "pre-read"),
    "summary-first": (
        changed("architecture-note", ("## Summary\n\nCheckout now exchanges one auth token per "
                                      "request instead of calling the auth service\nfour "
                                      "times. ", "## Status\n\nAccepted. ")),
        "# One token exchange", "open with a summary of at most 150 words",
        "architecture-note"),
    "evidence-logged": (
        changed("change-plan", ("both are logged in\n  the change ticket CHG-2291.",
                                "both are ready.")),
        "## Evidence for legal and risk", "where the evidence for legal and risk is logged",
        "change-plan"),
    "auditor-evidence": (
        changed("runbook", ("kind: runbook\n", "kind: runbook\ntags: [ops, compliance]\n")),
        "# ", "add an 'Evidence for auditors' section", "runbook"),
    "ai-safeguards": (
        changed("architecture-note", ("kind: architecture-note\n",
                                      "kind: architecture-note\nai: true\n")),
        "# One token exchange", "add a 'Data and redaction' section", "architecture-note"),
    "unknown-rule": (
        changed("runbook", ("## Owner\n", "## Owner <!-- luck: ignore no-such-rule -->\n")),
        "## Owner", "no rule is called 'no-such-rule'", "runbook"),
}


def test_every_rule_has_a_failing_case() -> None:
    assert set(FAILING) == set(RULES)


@pytest.mark.parametrize("kind", sorted(p.stem for p in CLEAN.glob("*.md")))
def test_clean_documents_have_no_finding(kind: str) -> None:
    assert lint_text(clean(kind)) == []


@pytest.mark.parametrize("rule", sorted(FAILING))
def test_rule_passes_and_fails(rule: str) -> None:
    text, anchor, words, passing_kind = FAILING[rule]
    assert findings_of(clean(passing_kind), rule) == []
    found = findings_of(text, rule)
    assert found, f"{rule} did not fire"
    assert found[0].line == line_of(text, anchor)
    assert words in found[0].message
    assert found[0].severity == RULES[rule].severity


def test_failing_a_rule_changes_nothing_else() -> None:
    text = FAILING["option-costs-risks"][0]
    assert [f.rule for f in lint_text(text)] == ["option-costs-risks"]


def test_placeholder_column_points_at_the_prompt() -> None:
    text = FAILING["placeholder"][0]
    (finding,) = findings_of(text, "placeholder")
    assert finding.column == len("- Cost: ") + 1


def test_vague_word_with_a_number_in_its_sentence_passes() -> None:
    text = ("---\nkind: brief\n---\n# Notes\n\nWe will improve p95 by 40% by 2026-04-30. "
            "It gets better soon.\n")
    found = findings_of(text, "vague-claim")
    assert [(f.line, f.column, f.message.split("'")[1]) for f in found] == [(6, 51, "better")]


def test_the_second_decision_gap_is_the_date() -> None:
    text = changed("brief", ("- By: 2026-03-16, at FY27 planning\n", ""))
    (finding,) = findings_of(text, "decision-owner-date")
    assert "by when" in finding.message


def test_a_decider_in_the_front_matter_counts() -> None:
    text = changed("brief", ("- Who decides: Priya Shah (VP Engineering)\n", ""),
                   ("kind: brief\n", "kind: brief\ndecider: Priya Shah\n"))
    assert findings_of(text, "decision-owner-date") == []


def test_list_actions_need_an_owner_label_or_a_handle() -> None:
    text = changed("pre-read", ("- Book the staffing review: owner: Sam, due 2026-03-20",
                                "- Book the staffing review, due 2026-03-20"))
    (finding,) = findings_of(text, "action-owner-date")
    assert finding.line == line_of(text, "- Book the staffing")
    assert "needs an owner" in finding.message and "date" not in finding.message.split("(")[0]


def test_naming_test_follows_the_thresholds_setting() -> None:
    from luckos.config import Config, Thresholds

    text = FAILING["theme-label"][0]
    loose = Config(thresholds=Thresholds(theme_label_max_words=5))
    assert [f for f in lint_text(text, config=loose) if f.rule == "theme-label"] == []
