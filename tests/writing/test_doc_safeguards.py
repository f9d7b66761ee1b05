"""`luck doc lint` on what a document owes beyond its core sections: the summary a VP can
skim, the contracts and SLAs, the evidence legal, risk and auditors need, and the
safeguards of a document about an AI tool."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CLEAN = Path(__file__).with_name("docs") / "clean"


def lint(luck, tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = luck("doc", "lint", "--json", str(path))
    return result.exit_code, json.loads(result.stdout)["files"][0]["findings"]


def rules(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [f["rule"] for f in findings]


def clean(kind: str) -> str:
    return (CLEAN / f"{kind}.md").read_text(encoding="utf-8")


def test_a_summary_over_150_words_is_reported_on_its_line(luck, tmp_path) -> None:
    long = " ".join(["Checkout exchanges one token per request."] * 30)  # 180 words; 201 in all
    text = clean("architecture-note").replace(
        "Checkout now exchanges one auth token per request instead of calling the auth "
        "service\nfour times.", long)
    code, findings = lint(luck, tmp_path, "adr.md", text)
    assert code == 1
    assert rules(findings) == ["summary-first"]
    assert findings[0]["line"] == text.splitlines().index("## Summary") + 1  # its heading
    assert "the summary is 201 words" in findings[0]["message"]


def test_a_lead_paragraph_before_the_first_section_is_a_summary(luck, tmp_path) -> None:
    text = clean("architecture-note").replace("## Summary\n\n", "")
    code, findings = lint(luck, tmp_path, "adr.md", text)
    assert (code, findings) == (0, [])
    # a one-line "Date:" under the title is not a summary
    text = text.replace("Checkout now exchanges", "Date: 2026-02-01\n\n## Context\n\nCheckout"
                        " now exchanges", 1)
    _, findings = lint(luck, tmp_path, "adr.md", text)
    assert "summary-first" in rules(findings)


def test_a_design_doc_about_an_llm_is_checked_for_its_safeguards(luck, tmp_path) -> None:
    text = clean("architecture-note").replace(
        "title: One token exchange per checkout request",
        "title: Draft support replies with an LLM")
    code, findings = lint(luck, tmp_path, "adr.md", text)
    assert code == 1
    messages = [f["message"] for f in findings if f["rule"] == "ai-safeguards"]
    assert len(messages) == 4
    assert ["Data and redaction" in messages[0], "pin the model version" in messages[1],
            "'Evaluation'" in messages[2], "'Monitoring'" in messages[3]] == [True] * 4
    safeguarded = text.rstrip("\n") + (
        "\n\n## Data and redaction\n\nEmails and card numbers are redacted before the call."
        "\n\n## Model\n\nPinned to `claude-3-5-sonnet-20241022`.\n\n## Evaluation\n\n200 "
        "past tickets; 85% accepted.\n\n## Monitoring\n\nAcceptance rate on the support "
        "dashboard.\n")
    assert lint(luck, tmp_path, "adr.md", safeguarded) == (0, [])


def test_an_unpinned_model_is_reported_even_with_every_section(luck, tmp_path) -> None:
    text = clean("runbook").replace("kind: runbook\n", "kind: runbook\ntags: [llm]\n")
    text = text.rstrip("\n") + (
        "\n\n## Data and redaction\n\nNo customer data.\n\n## Evaluation\n\nThe smoke prompts "
        "pass.\n\n## Monitoring\n\nThe error rate alert.\n")
    _, findings = lint(luck, tmp_path, "runbook.md", text)
    assert [f["message"][:22] for f in findings] == ["pin the model version "]


@pytest.mark.parametrize("model", ["We call a pinned hosted model.",
                                   "The model is not pinned yet."])
def test_the_word_pinned_without_a_version_is_no_pin(luck, tmp_path, model) -> None:
    text = clean("runbook").replace("kind: runbook\n", "kind: runbook\ntags: [llm]\n")
    text = text.rstrip("\n") + (
        f"\n\n## Model\n\n{model}\n\n## Data and redaction\n\nNo customer data.\n\n"
        "## Evaluation\n\nThe smoke prompts pass.\n\n## Monitoring\n\nThe error rate alert.\n")
    _, findings = lint(luck, tmp_path, "runbook.md", text)
    assert [f["message"][:22] for f in findings] == ["pin the model version "]


def test_words_that_only_look_like_ai_do_not_make_a_document_about_ai(luck, tmp_path) -> None:
    text = clean("architecture-note").replace(
        "title: One token exchange per checkout request",
        "title: A new data model for checkout tokens")
    assert lint(luck, tmp_path, "adr.md", text) == (0, [])
    said_no = clean("architecture-note").replace(
        "kind: architecture-note\n", "kind: architecture-note\nai: false\n").replace(
        "title: One token exchange per checkout request", "title: Cache the LLM gateway token")
    assert lint(luck, tmp_path, "adr.md", said_no) == (0, [])


def test_a_change_plan_names_where_legal_and_risk_evidence_is_logged(luck, tmp_path) -> None:
    assert lint(luck, tmp_path, "plan.md", clean("change-plan")) == (0, [])
    text = clean("change-plan").replace("## Evidence for legal and risk\n", "")
    text = text[:text.index("- Risk asked for")].rstrip("\n") + "\n"
    code, findings = lint(luck, tmp_path, "plan.md", text)
    assert code == 1
    assert rules(findings) == ["section-missing"]
    assert "'Evidence for legal and risk'" in findings[0]["message"]


def test_only_a_runbook_tagged_for_compliance_needs_evidence_for_auditors(luck,
                                                                          tmp_path) -> None:
    assert lint(luck, tmp_path, "runbook.md", clean("runbook")) == (0, [])
    tagged = clean("runbook").replace("kind: runbook\n", "kind: runbook\ntags: SOX, ops\n")
    code, findings = lint(luck, tmp_path, "runbook.md", tagged)
    assert (code, rules(findings)) == (1, ["auditor-evidence"])
    answered = tagged.rstrip("\n") + (
        "\n\n## Evidence for auditors\n\nThe rotation log, exported to `s3://audit/tls/`.\n")
    assert lint(luck, tmp_path, "runbook.md", answered) == (0, [])


def test_fresh_drafts_carry_the_new_sections(home, luck, tmp_path) -> None:
    for kind, headings in (("architecture-note", ("## Summary", "## Contracts and SLAs")),
                           ("change-plan", ("## Evidence for legal and risk",))):
        out = tmp_path / f"{kind}.md"
        result = luck("doc", "new", kind, "--out", str(out))
        assert result.exit_code == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert all(h in text.splitlines() for h in headings)
        lint_result = luck("doc", "lint", "--json", str(out))
        found = json.loads(lint_result.stdout)["files"][0]["findings"]
        assert not [f for f in found if f["severity"] == "error"], found


def test_a_draft_about_an_ai_tool_carries_its_safeguards(home, luck, tmp_path) -> None:
    out = tmp_path / "gateway.md"
    result = luck("doc", "new", "runbook", "--ai", "--compliance", "--title",
                  "Rotate the LLM gateway keys", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "\nai: true\n" in text and "\ntags:\n- compliance\n" in text
    for heading in ("## Data and redaction", "## Model version", "## Evaluation",
                    "## Monitoring", "## Evidence for auditors"):
        assert heading in text.splitlines()
    code, findings = lint(luck, tmp_path, "again.md", text)
    assert code == 0 and {f["rule"] for f in findings} == {"placeholder"}
    # the prompts are the only thing that passes for a fact: without the sections, the
    # linter asks for each
    bare = text[:text.index("## Data and redaction")]
    _, findings = lint(luck, tmp_path, "bare.md", bare)
    assert [f["rule"] for f in findings if f["severity"] == "error"] == [
        "ai-safeguards"] * 4 + ["auditor-evidence"]


def test_ai_and_compliance_drafts_are_only_for_the_kinds_checked(home, luck) -> None:
    result = luck("doc", "new", "brief", "--ai", "--out", "-")
    assert result.exit_code == 2
    assert result.stderr == ("luck: error: --ai is for an architecture note, runbook or change "
                             "plan, not a two-page brief\n")
    result = luck("doc", "new", "change-plan", "--compliance", "--out", "-")
    assert (result.exit_code, result.stderr) == (
        2, "luck: error: --compliance is for a runbook, not a change plan\n")
