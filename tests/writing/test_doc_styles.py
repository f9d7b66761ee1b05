"""Documents written by other people, in their own styles, with the findings expected.

docs/styles/ holds an ADR in Nygard's format, an SRE-style postmortem with an action
table, a brief whose options are a table and whose headings use other words, a one-pager
written with bold labels instead of headings, a playbook with setext headings and "Step N"
sub-headings, a rollout plan, a pre-read that opens with a TL;DR, and a plain README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from luckos.writing.lint import lint_document

STYLES = Path(__file__).with_name("docs") / "styles"

# file -> (kind, where the kind came from, [(rule, severity, line, words in the message)])
EXPECTED = {
    "README.md": (None, None, [
        ("kind-unknown", "warning", 1, "no kind found"),
        ("placeholder", "warning", 3, "TBD"),  # no vague-claim: notes promise no numbers
    ]),
    # a Nygard ADR: the essay's sections beyond its own format are warnings, so a team's
    # ADR folder lints without errors yet still hears what the essay asks for
    "adr-0007-use-sqlite.md": ("architecture-note", "file name", [
        ("section-missing", "warning", 1, "'Alternatives'"),
        ("section-missing", "warning", 1, "'Failure modes'"),
        ("section-missing", "warning", 1, "'True owners'"),
        ("section-missing", "warning", 1, "'Contracts and SLAs'"),
        ("summary-first", "warning", 1, "open with a summary"),
    ]),
    "cheap-experiments.md": ("one-pager", "front matter", [
        ("three-metrics", "error", 14, "found 2"),
    ]),
    "checkout-sharding.md": ("brief", "front matter", [
        ("objection-handled", "warning", 37, "'Support: tenant moves"),
    ]),
    "db-migration-rollout.md": ("change-plan", "front matter", [
        ("section-missing", "error", 6, "'Evidence for legal and risk'"),
        ("rollback-rehearsed", "warning", 16, "rehearse the rollback"),
        ("kill-switch", "error", 25, "kill switch"),
        ("mitigations", "warning", 25, "an audit trail"),
    ]),
    "postmortem-2026-01-12.md": ("post-mortem", "title", [
        ("action-owner-date", "error", 28, "'Update playbook"),
        ("action-owner-date", "error", 29, "'Use flux capacitor"),
        ("action-owner-date", "error", 30, "'Schedule cascading"),
    ]),
    "q2-staffing-preread.md": ("pre-read", "front matter", [
        ("action-owner-date", "error", 26, "needs a date"),
    ]),
    "rotate-keys.md": ("runbook", "front matter", []),
}


def test_every_sample_has_expectations() -> None:
    assert {p.name for p in STYLES.glob("*.md")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_in_other_styles(name: str) -> None:
    kind, kind_from, expected = EXPECTED[name]
    report = lint_document((STYLES / name).read_text(encoding="utf-8"), file_name=name)
    assert (report.kind, report.kind_from) == (kind, kind_from)
    found = [(f.rule, f.severity, f.line) for f in report.findings]
    assert found == [(rule, severity, line) for rule, severity, line, _ in expected]
    for finding, (*_, words) in zip(report.findings, expected, strict=True):
        assert words in finding.message


@pytest.mark.parametrize("name", ["postmortem-2026-01-12.md", "rotate-keys.md"])
def test_windows_line_endings_and_a_byte_order_mark_change_nothing(name: str) -> None:
    text = (STYLES / name).read_text(encoding="utf-8")
    windows = "\ufeff" + text.replace("\n", "\r\n")
    plain = lint_document(text, file_name=name).findings
    assert lint_document(windows, file_name=name).findings == plain


def test_the_options_table_counts_costs_and_risks_by_column() -> None:
    text = (STYLES / "checkout-sharding.md").read_text(encoding="utf-8")
    emptied = text.replace("| Bigger box | $14k a month more | buys 9 months, then the same "
                           "wall |", "| Bigger box | $14k a month more | |")
    findings = [f for f in lint_document(emptied).findings if f.rule == "option-costs-risks"]
    assert [(f.line, "names no risks" in f.message) for f in findings] == [(19, True)]


def test_code_blocks_and_inline_code_are_not_prose() -> None:
    text = (STYLES / "rotate-keys.md").read_text(encoding="utf-8")
    assert "TODO" in text and "improve" in text  # both inside a code block
    assert lint_document(text).findings == []


def test_an_adr_that_declares_the_essays_kind_owes_every_section() -> None:
    text = (STYLES / "adr-0007-use-sqlite.md").read_text(encoding="utf-8")
    inferred = lint_document(text, file_name="adr-0007-use-sqlite.md")
    declared = lint_document("---\nkind: architecture-note\n---\n" + text,
                             file_name="adr-0007-use-sqlite.md")
    assert {f.severity for f in inferred.findings} == {"warning"}
    assert [(f.rule, f.severity) for f in declared.findings] == [
        (f.rule, "error") for f in inferred.findings]
