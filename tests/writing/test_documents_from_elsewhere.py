"""The cases of documents written elsewhere that the linter misread, one test each: the
kind found from the title, path and sections, sections matched by role, options,
owners, placeholders, vague claims, and one finding per problem."""

from __future__ import annotations

import json
from pathlib import Path

from luckos.config import LintConfig
from luckos.writing.kinds import KindGuess, infer_kind
from luckos.writing.lint import lint_document, lint_text


def rules(text: str, **kwargs: object) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_document(text, **kwargs).findings]  # type: ignore[arg-type]


NYGARD = """\
# 2. Implement as shell scripts

Date: 2016-02-12

## Status

Accepted

## Context

The tool needs to create new files and edit the Status section of existing ones.

## Decision

The tool is implemented as shell scripts.

## Consequences

The tool won't support Windows.
"""

ALERT_RUNBOOK = """\
# KubeJobFailed

## Meaning

Job failed to complete.

## Impact

Failure of processing of a scheduled task.

## Diagnosis

- Check the job: `kubectl -n $NAMESPACE describe jobs $JOB`.
- Check the pod logs: `kubectl -n $NAMESPACE logs $POD`.

## Mitigation

Re-run the job once the cause is fixed.
"""

POSTMORTEM = """\
# What went wrong with the Friday deploy

## Summary

A hotfix took mobile login down.

## Impact

Mobile login failed for 38 minutes; about 6,200 sign-in attempts failed.

## Timeline

- 17:12 hotfix merged
- 17:58 hotfix reverted

## Root cause(s)

The emergency path skips the contract tests.

## Action items

- Create ingress test suite
- Revert to the two-approver rule for hotfixes
- Consider a freeze calendar
- Run the contract tests on emergency approvals — Daniel Kim, due 2026-07-17
"""


# --- the kind ------------------------------------------------------------------------------

def test_a_numbered_adr_tools_record_is_an_architecture_note_by_its_path() -> None:
    report = lint_document(NYGARD, file_name="doc/adr/0002-implement-as-shell-scripts.md")
    assert (report.kind, report.kind_from) == ("architecture-note", "path")
    assert [r for r in rules(NYGARD, file_name="doc/adr/0002-x.md")] == [
        ("section-missing", 1)] * 4 + [("summary-first", 1)]
    # alternatives, failure modes, owners, contracts and SLAs, a summary: the essay's asks


def test_an_adr_is_recognised_by_its_sections_alone() -> None:
    guess = infer_kind(NYGARD, "notes/implement-as-shell-scripts.md")
    assert (guess.kind, guess.source, guess.format) == ("architecture-note", "structure",
                                                        "Nygard ADR")
    assert any("'Status'" in s and "'Consequences'" in s for s in guess.signals)


def test_a_post_mortem_with_no_kind_word_is_recognised_by_its_sections() -> None:
    text = POSTMORTEM.replace("# What went wrong with the Friday deploy", "# Friday, 3 July")
    guess = infer_kind(text)
    assert (guess.kind, guess.source) == ("post-mortem", "structure")


def test_the_kind_anywhere_in_the_title() -> None:
    for title, kind in (("Security postmortem for the leaked deploy token", "post-mortem"),
                        ("API gateway outage Postmortem (incident #465)", "post-mortem"),
                        ("Decision record for the session store", "architecture-note"),
                        ("Auth consolidation: the two-pager for FY27", "brief"),
                        ("Design doc: per-tenant rate limits", "architecture-note")):
        guess = infer_kind(f"# {title}\n\nSome text.\n")
        assert (guess.kind, guess.source) == (kind, "title"), title
    assert infer_kind("# A brief history of time\n\ntext\n").kind is None


def test_path_conventions() -> None:
    for path, kind in (("docs/decisions/0005-use-dashes.md", "architecture-note"),
                       ("ops/runbooks/disk-full.md", "runbook"),
                       ("postmortems/2026-01-12-checkout.md", "post-mortem"),
                       ("rfcs/0042-async-export.md", "architecture-note")):
        assert infer_kind("# Something\n\ntext\n", path).kind == kind, path


def test_infer_kind_is_one_public_function_with_its_signals() -> None:
    guess = infer_kind(ALERT_RUNBOOK, "content/runbooks/kubernetes/KubeJobFailed.md")
    assert isinstance(guess, KindGuess)
    assert (guess.kind, guess.format) == ("runbook", "alert runbook")
    assert 0.5 <= guess.confidence <= 1.0
    assert guess.signals == ("it lives in a 'runbooks/' folder",
                             "its sections are those of an alert runbook: 'Meaning', "
                             "'Diagnosis', 'Mitigation'")
    front = infer_kind("---\nkind: postmortem\n---\n# x\n")
    assert (front.kind, front.source, front.confidence) == ("post-mortem", "front matter", 1.0)
    broken = infer_kind("---\nkind: [x\n---\n")
    assert (broken.kind, broken.confidence) == (None, 0.0)


def test_a_kind_nobody_can_infer_is_a_warning_never_a_silent_pass() -> None:
    text = "# Team sync, 2026-05-04\n\n- Omar is out next week.\n"
    (finding,) = lint_text(text)
    assert (finding.rule, finding.severity, finding.line) == ("kind-unknown", "warning", 1)
    strict = LintConfig(rules=(("kind-unknown", "error"),))
    assert [f.severity for f in lint_text(text, config=strict)] == ["error"]


def test_explain_kind_says_which_signals_decided(tmp_path: Path, luck) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "doc" / "adr"
    folder.mkdir(parents=True)
    (folder / "0002-implement-as-shell-scripts.md").write_text(NYGARD, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\nNothing here.\n", encoding="utf-8")
    result = luck("doc", "lint", "--explain-kind", str(folder / "0002-implement-as-shell-"
                                                       "scripts.md"), str(tmp_path / "notes.md"))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{folder}/0002-implement-as-shell-scripts.md: architecture-note, Nygard ADR (from the "
        "path, confidence 1.00)",
        "  - it lives in a 'adr/' folder",
        "  - its sections are those of a Nygard ADR: 'Decision', 'Consequences', 'Status'",
        f"{tmp_path}/notes.md: no kind found",
        "  - no kind in the front matter, the title, the path or the section headings",
    ]
    data = json.loads(luck("doc", "lint", "--explain-kind", "--json",
                           str(tmp_path / "notes.md")).stdout)
    assert data["files"][0]["kind"] is None


# --- sections by role ------------------------------------------------------------------------

def test_an_alert_runbook_has_its_purpose_and_steps() -> None:
    found = lint_document(ALERT_RUNBOOK, file_name="runbooks/KubeJobFailed.md").findings
    missing = [f.message.split("'")[1] for f in found if f.rule == "section-missing"]
    assert missing == ["Owner", "Escalation path"]  # not Purpose, Steps, Rollback
    assert [(f.rule, f.line) for f in found if f.rule != "section-missing"] == [
        ("numbered-steps", 11)]


def test_one_word_inside_a_longer_heading_does_not_name_a_section() -> None:
    text = ("---\nkind: brief\n---\n# Data retention\n\n## Problem\n\nStorage costs $14k a "
            "month.\n\n## Decision-making process\n\nLegal reviews it on 2026-05-12.\n\n"
            "## Feedback and evaluation\n\nWe evaluate the pilot in June.\n")
    missing = [f.message.split("'")[1] for f in lint_text(text) if f.rule == "section-missing"]
    assert "Decision asked" in missing and "Objections received" in missing
    named = text.replace("## Decision-making process", "## Decision asked").replace(
        "## Feedback and evaluation", "## Feedback")
    missing = [f.message.split("'")[1] for f in lint_text(named) if f.rule == "section-missing"]
    assert "Decision asked" not in missing and "Objections received" not in missing


def test_a_teams_own_headings_count() -> None:
    text = ALERT_RUNBOOK + "\n## Who looks after it\n\nThe batch team.\n"
    lint = LintConfig(synonyms=(("owner", ("who looks after it",)),))
    before = [f.message for f in lint_text(text, kind="runbook") if f.rule == "section-missing"]
    after = [f.message for f in lint_text(text, kind="runbook", config=lint)
             if f.rule == "section-missing"]
    assert len(before) == 2 and len(after) == 1


# --- options ---------------------------------------------------------------------------------

BRIEF = """\
---
kind: brief
---

# One auth call per checkout

## Problem

Four auth calls make 40% of the 1.8 s p95 cold start.

## Options

A. Token cache in front of auth.
   Two engineer-weeks. Revoked tokens stay valid for a minute, which security may not
   accept.

B. One consolidated auth call.
   About six engineer-weeks. The auth team's API freeze could push it into Q3.

C. Leave it.
   Nothing to build; the cold start stays at 1.8 s.

## Recommendation

Option B: it removes the calls rather than hiding them.

## Decision asked

Priya Shah decides by 2026-03-16.

## Trade-offs

The auth team carries the work.

## Objections received

- Finance: the 1.5% figure. Unchanged, reviewed with them on 2026-11-20.
"""


def test_lettered_options_with_prose_costs_and_risks() -> None:
    assert lint_text(BRIEF) == []


def test_option_b_b_and_the_options_name_all_refer_to_it() -> None:
    for recommendation in ("Option B: it removes the calls.", "B, because it removes them.",
                           "(b), because it removes them.", "The consolidated auth call."):
        text = BRIEF.replace("Option B: it removes the calls rather than hiding them.",
                             recommendation)
        assert "recommendation-names-option" not in {f.rule for f in lint_text(text)}
    text = BRIEF.replace("Option B: it removes the calls rather than hiding them.",
                         "Something else entirely.")
    assert "recommendation-names-option" in {f.rule for f in lint_text(text)}


def test_a_numbered_list_counts_as_options() -> None:
    text = BRIEF.replace(BRIEF[BRIEF.index("A. Token"):BRIEF.index("## Recommendation")],
                         "1. Cache. Cost: 2 weeks. Risk: stale tokens.\n"
                         "2. Consolidate. Cost: 6 weeks. Risk: the freeze.\n\n")
    found = {f.rule: f for f in lint_text(text)}
    assert "brief-options" in found and "it weighs 2" in found["brief-options"].message


def test_an_objection_answered_without_an_arrow_is_handled() -> None:
    unhandled = BRIEF.replace(" Unchanged, reviewed with them on 2026-11-20.", "")
    assert [f.rule for f in lint_text(unhandled)] == ["objection-handled"]


# --- owners ----------------------------------------------------------------------------------

def test_an_imperative_verb_is_not_an_owner() -> None:
    found = [f for f in lint_text(POSTMORTEM) if f.rule == "action-owner-date"]
    assert [(f.line, "an owner and a date" in f.message) for f in found] == [
        (22, True), (23, True), (24, True)]


def test_owners_are_names_handles_emails_roles_and_configured_teams() -> None:
    for owner in ("— Daniel Kim, due 2026-07-17", "@daniel, 2026-07-17",
                  "(dan@example.com, 2026-07-17)", "— on-call SRE, 2026-07-17",
                  "— payments team, 2026-07-17", "owner: Daniel, due 2026-07-17"):
        text = POSTMORTEM.replace("— Daniel Kim, due 2026-07-17", owner)
        assert [f.line for f in lint_text(text) if f.rule == "action-owner-date"] == [
            22, 23, 24], owner
    text = POSTMORTEM.replace("— Daniel Kim, due 2026-07-17", "Atlas, 2026-07-17")
    assert 25 in [f.line for f in lint_text(text) if f.rule == "action-owner-date"]
    teams = LintConfig(teams=("Atlas",))
    assert 25 not in [f.line for f in lint_text(text, config=teams)
                      if f.rule == "action-owner-date"]


# --- placeholders ------------------------------------------------------------------------------

def test_a_placeholder_word_as_a_status_is_not_a_placeholder() -> None:
    text = ("---\nkind: post-mortem\n---\n# Outage\n\n## Impact\n\n40 minutes down.\n\n"
            "## Timeline\n\n- 2022-02-?? ??:?? first alert (time TBC)\n\n## Root cause\n\n"
            "A bad config.\n\n## Action items\n\n| Action | Owner | Due | Status |\n|---|---|"
            "---|---|\n| Add a canary | @maya | 2026-02-15 | TODO |\n| Alert on expiry | TBA | "
            "2026-03-01 | TODO |\n\nStatus: TODO\n")
    found = [(f.rule, f.line) for f in lint_text(text) if f.rule == "placeholder"]
    assert found == [("placeholder", 12), ("placeholder", 23)]  # one per line


def test_bracketed_prompts_are_placeholders_and_hugo_shortcodes_are_not() -> None:
    notes = "# N\n\nDemo: [link to the recording, to add]\n\nSee {{< ref \"x.md\" >}}. [...]\n"
    assert [(f.rule, f.line) for f in lint_text(notes)] == [
        ("kind-unknown", 1), ("placeholder", 3), ("placeholder", 5)]


# --- vague claims ------------------------------------------------------------------------------

def test_vague_claims_only_where_numbers_are_promised() -> None:
    words = "It gets better soon, in various ways.\n"
    assert "vague-claim" not in {f.rule for f in lint_text("# Notes\n\n" + words)}
    assert "vague-claim" not in {f.rule for f in lint_text(ALERT_RUNBOOK + "\n" + words)}
    brief = BRIEF.replace("The auth team carries the work.", words.strip())
    assert [f.rule for f in lint_text(brief)] == ["vague-claim"]  # one per claim


def test_no_vague_claim_in_quotes_code_questions_or_beside_a_number() -> None:
    for sentence in ('Design said "the new page is better".', "Run `make better`.",
                     "Would a cache make it better?", "It gets better by 40%."):
        brief = BRIEF.replace("The auth team carries the work.", sentence)
        assert "vague-claim" not in {f.rule for f in lint_text(brief)}, sentence


def test_a_post_mortem_is_read_for_vague_claims_in_its_impact_only() -> None:
    vague = POSTMORTEM.replace("about 6,200 sign-in attempts failed.",
                               "many sign-ins failed.").replace(
        "The emergency path skips the contract tests.", "Various tests were skipped.")
    assert [(f.rule, f.line) for f in lint_text(vague) if f.rule == "vague-claim"] == [
        ("vague-claim", 9)]


# --- one problem, one finding ------------------------------------------------------------------

def test_an_empty_impact_is_not_also_unquantified() -> None:
    text = POSTMORTEM.replace("Mobile login failed for 38 minutes; about 6,200 sign-in "
                              "attempts failed.\n", "")
    found = [(f.rule, f.line) for f in lint_text(text) if f.line == 7]
    assert found == [("section-empty", 7)]
