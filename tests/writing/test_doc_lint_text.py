"""`lint_text` as other code calls it: silencing comments, settings, front matter, kinds,
and documents no one expected (hypothesis)."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luckos.config import DEFAULT_TOML, Config, LintConfig, config_from_dict
from luckos.errors import LuckError
from luckos.writing.lint import Finding, lint_text

NOTES = "# Notes\n\n{}\n"


def rules_on(text: str, **kwargs: object) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, **kwargs)]  # type: ignore[arg-type]


def test_finding_is_a_frozen_value() -> None:
    (finding, *_) = lint_text(NOTES.format("It will be better."))
    assert finding == Finding("kind-unknown", "warning", 1, 1, finding.message)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 2  # type: ignore[misc]


# --- silencing ---------------------------------------------------------------------------

def test_a_trailing_comment_silences_its_line() -> None:
    text = ("---\nkind: brief\n---\n# R\n\nIt gets better. <!-- luck: ignore vague-claim -->\n"
            "It gets better.\n")
    assert [r for r in rules_on(text) if r[0] == "vague-claim"] == [("vague-claim", 7)]


def test_a_comment_alone_silences_the_next_line() -> None:
    text = NOTES.format("<!-- luck: ignore -->\n\nIt is TODO.\n\nIt is TODO.")
    assert [r for r in rules_on(text) if r[0] == "placeholder"] == [("placeholder", 7)]


def test_disable_and_enable_make_a_range() -> None:
    body = ("<!-- luck: disable placeholder -->\nA TODO way.\n\nA TBD way.\n"
            "<!-- luck: enable placeholder -->\n\nA TODO way.")
    assert [r for r in rules_on(NOTES.format(body)) if r[0] == "placeholder"] == [
        ("placeholder", 9)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = NOTES.format("<!-- luck: disable -->\nA better way, soon. TODO")
    assert rules_on(text) == [("kind-unknown", 1)]


def test_a_comment_silences_only_the_rules_it_names() -> None:
    text = "---\nkind: brief\n---\n# N\n\nA better way. TODO <!-- luck: ignore placeholder -->\n"
    assert [r for r in rules_on(text) if r[1] == 6] == [("vague-claim", 6)]


def test_an_unknown_rule_in_a_comment_is_reported_and_silences_nothing() -> None:
    text = NOTES.format("A TODO way. <!-- luck: ignore vauge-claim -->")
    found = lint_text(text)
    assert [(f.rule, f.severity, f.column) for f in found if f.line == 3] == [
        ("placeholder", "warning", 3), ("unknown-rule", "warning", 13)]


def test_comments_inside_code_blocks_do_nothing() -> None:
    text = NOTES.format("```\n<!-- luck: disable -->\n```\n\nA TODO way.")
    assert ("placeholder", 7) in rules_on(text)


def test_input_problems_cannot_be_silenced() -> None:
    text = "---\nkind: [brief\n---\n<!-- luck: disable -->\n"
    assert rules_on(text) == [("front-matter", 2)]


# --- settings ------------------------------------------------------------------------------

def test_default_toml_is_the_defaults() -> None:
    assert config_from_dict(tomllib.loads(DEFAULT_TOML)) == Config()


def test_the_word_budget_rule_checks_the_kinds_that_have_a_budget() -> None:
    from luckos.config import LINT_WORD_BUDGET
    from luckos.writing.catalog import RULES

    assert RULES["word-budget"].kinds == tuple(kind for kind, _ in LINT_WORD_BUDGET)


def test_reading_the_default_settings_loads_no_linter_code() -> None:
    import subprocess
    import sys

    code = ("import sys, tomllib; from luckos.config import DEFAULT_TOML, config_from_dict; "
            "config_from_dict(tomllib.loads(DEFAULT_TOML)); "
            "print(sorted(m for m in sys.modules if m.startswith('luckos.writing')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_severity_and_off_from_settings() -> None:
    lint = LintConfig(rules=(("kind-unknown", "off"), ("placeholder", "error")))
    found = lint_text(NOTES.format("A TODO way."), config=lint)
    assert [(f.rule, f.severity) for f in found] == [("placeholder", "error")]


def test_vague_words_can_be_replaced() -> None:
    lint = LintConfig(vague_words=("synergy", "leverage"))
    found = lint_text(NOTES.format("A better way to leverage synergy. And synergy."),
                      config=lint, kind="brief")
    assert [f.message.split("'")[1] for f in found if f.rule == "vague-claim"] == [
        "leverage", "synergy"]  # once per sentence: the first vague word of each


def test_synonyms_extend_the_heading_words() -> None:
    text = ("---\nkind: runbook\n---\n# R\n\n## Why\n\nx\n\n## Owner\n\nx\n\n## Steps\n\n1. x\n\n"
            "## Verification\n\nx\n\n## Rollback\n\nx rehearsed\n\n## Who to page\n\nx\n")
    assert ("section-missing", 4) in rules_on(text)
    lint = LintConfig(synonyms=(("purpose", ("why",)),))
    assert [r for r in rules_on(text, config=lint) if r[0] == "section-missing"] == []


def test_min_options_from_settings() -> None:
    from pathlib import Path

    brief = (Path(__file__).with_name("docs") / "clean" / "brief.md").read_text()
    assert [f for f in lint_text(brief, config=LintConfig(min_options=4))
            if f.rule == "brief-options"][0].message.startswith("weigh at least 4 options")


@pytest.mark.parametrize(("table", "message"), [
    ({"lint": {"rules": {"vague": "error"}}},
     "luck.toml: [lint.rules] vague: unknown rule, did you mean vague-claim? (luck doc rules "
     "lists them)"),
    ({"lint": {"rules": {"vague-claim": "fatal"}}},
     'luck.toml: [lint.rules] vague-claim: must be one of "error", "warning", "suggestion" or '
     '"off", got "fatal"'),
    ({"lint": {"rules": {"input-binary": "off"}}},
     "luck.toml: [lint.rules] input-binary: cannot be configured: a file that cannot be read "
     "is always an error"),
    ({"lint": {"word_budget": {"runbook": 500}}},
     "luck.toml: [lint.word_budget] runbook: unknown setting (known: brief, one-pager, "
     "post-mortem, pre-read, scope-letter)"),
    ({"lint": {"min_options": 0}},
     "luck.toml: [lint] min_options: must be a whole number between 1 and 10, got 0"),
    ({"lint": {"max_file_kb": True}},
     "luck.toml: [lint] max_file_kb: must be a whole number between 1 and 102400, got true"),
    ({"lint": {"vague_words": "soon"}},
     'luck.toml: [lint] vague_words: must be a list of non-empty strings, got "soon"'),
    ({"lint": {"synonyms": {"plan b": ["x"]}}},
     "luck.toml: [lint.synonyms] plan b: unknown section, did you mean plan? (luck doc kinds "
     "lists them)"),
    ({"lint": {"colour": True}},
     "luck.toml: [lint] colour: unknown setting (known: max_file_kb, min_options, rules, "
     "synonyms, teams, vague_words, word_budget)"),
    ({"lint": []}, "luck.toml: lint: must be a table, got []"),
])
def test_bad_settings_are_refused_with_a_reason(table, message) -> None:
    with pytest.raises(LuckError) as caught:
        config_from_dict(table)
    assert str(caught.value) == message


# --- kinds and front matter ------------------------------------------------------------------

@pytest.mark.parametrize(("front", "kind"), [
    ("kind: postmortem", "post-mortem"), ("kind: Two Pager", "brief"), ("kind: ADR", None),
    ("kind: rollout_plan", "change-plan"),
])
def test_kind_names_and_aliases(front, kind) -> None:
    from luckos.writing.lint import lint_document

    report = lint_document(f"---\n{front}\n---\n# T\n")
    expected = kind or "architecture-note"
    assert report.kind == expected


@pytest.mark.parametrize(("title", "kind"), [
    ("# Runbook: rotate the keys", "runbook"), ("# ADR 12: use SQLite", "architecture-note"),
    ("# Cold start (one-pager)", "one-pager"), ("# A brief history of time", None),
])
def test_kind_from_the_title(title, kind) -> None:
    from luckos.writing.lint import lint_document

    assert lint_document(f"{title}\n\ntext\n").kind == kind


@pytest.mark.parametrize(("name", "kind"), [
    ("2026-02-23-brief-cold-start.md", "brief"), ("adr-0012-sqlite.md", "architecture-note"),
    ("brief-history.md", None), ("2026-02-23-post-mortem.md", "post-mortem"),
])
def test_kind_from_the_file_name(name, kind) -> None:
    from luckos.writing.lint import lint_document

    assert lint_document("text\n", file_name=f"docs/{name}").kind == kind


def test_front_matter_kind_wins_over_the_option_and_the_option_over_unknown() -> None:
    from luckos.writing.lint import lint_document

    assert lint_document("---\nkind: runbook\n---\n", kind="brief").kind == "runbook"
    report = lint_document("---\nkind: rfc\n---\n", kind="brief")
    assert (report.kind, report.kind_from) == ("brief", "--kind")
    with pytest.raises(LuckError, match="unknown document kind 'rfc'"):
        lint_text("text", kind="rfc")


@pytest.mark.parametrize(("text", "line", "words"), [
    ("---\nkind: brief\ntitle: x\n", 1, "never closed"),
    ("---\n- a\n- b\n---\n", 2, "must be 'key: value' lines, not a list"),
    ("---\nkind: [brief, runbook]\n---\n", 2, "kind must be a single word"),
    ("---\nkind: brief\n  bad indent: x\n---\n", 3, "not valid YAML"),
])
def test_broken_front_matter(text, line, words) -> None:
    (finding,) = lint_text(text)
    assert (finding.rule, finding.severity, finding.line) == ("front-matter", "error", line)
    assert words in finding.message


def test_a_thematic_break_at_the_top_is_not_front_matter() -> None:
    assert rules_on("---\n\nA TODO way.\n") == [("kind-unknown", 1), ("placeholder", 3)]


# --- documents no one expected -----------------------------------------------------------------

FRAGMENTS = st.sampled_from([
    "# Title", "## Options", "## Decision asked", "- item", "  - nested", "1. step", "> quote",
    "| a | b |", "|---|---|", "```", "<!-- luck: ignore -->", "<!-- luck: disable x -->",
    "---", "kind: brief", "Who decides: Dana", "by 2026-03-09", "TODO", "[TODO: x]", "",
    "**Problem.** it hurts", "Weeks 1-2", "improve soon", "$400k", "\t", "<div>", "* * *",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=25),
       st.sampled_from([None, "brief", "runbook", "pre-read", "reboot-plan"]))
def test_any_text_lints_without_raising_and_points_inside_it(parts, kind) -> None:
    text = "\n".join(parts)
    findings = lint_text(text, kind=kind)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for finding in findings:
        assert 1 <= finding.line <= max(len(lines), 1)
        assert finding.column >= 1
        assert finding.severity in ("error", "warning", "suggestion")


def test_front_matter_dates_are_read_as_text_so_a_wrong_one_is_no_crash() -> None:
    from luckos.writing.lint import lint_document

    report = lint_document("---\nkind: runbook\ndate: 2026-02-30\n---\n# R\n")
    assert report.kind == "runbook"
    assert "front-matter" not in {f.rule for f in report.findings}


YAML_BITS = st.sampled_from([
    "kind: brief", "date: 2026-02-30", "a: &x [*x]", "? [a, b]\n: c", "!!binary zz", "- x",
    "title: [", "key: 'open", "x: !!python/object:os.system ls", "{a: 1}", "k: 1e999", "",
    "  indented: x", "kind: 7", "kind:", "tags: [a, {b: c}]", "%YAML 1.1", "...",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(YAML_BITS, st.text(max_size=20)), max_size=8))
def test_any_front_matter_is_read_or_reported(lines) -> None:
    text = "---\n" + "\n".join(lines) + "\n---\n# T\n"
    for finding in lint_text(text):
        assert finding.line >= 1 and finding.column >= 1
