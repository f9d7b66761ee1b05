"""`luck doc lint` as a user runs it: diagnostics, exit codes, bad files, JSON, settings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

CLEAN = Path(__file__).with_name("docs") / "clean"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, to prove linting changed nothing."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    """A folder where some files cannot be linted, and some are not documents at all."""
    folder = tmp_path / "docs"
    (folder / "team").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "runbook.md").write_text((CLEAN / "runbook.md").read_text(), encoding="utf-8")
    (folder / "latin1.md").write_bytes(b"# Notes\n\nCaf\xe9 au lait.\n")
    (folder / "diagram.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "broken.md").write_text("---\nkind: brief\ntitle: [unclosed\n---\n# X\n",
                                      encoding="utf-8")
    (folder / "team" / "memo.md").write_text("---\nkind: memo\n---\n# Memo\n", encoding="utf-8")
    (folder / "team" / "photo.png").write_bytes(b"\x89PNG\x00")
    (folder / ".git" / "ignored.md").write_text("# TODO\n", encoding="utf-8")
    return folder


def test_each_unusable_file_gets_its_own_line_and_the_rest_is_linted(messy, luck) -> None:
    before = snapshot(messy)
    result = luck("doc", "lint", str(messy))
    assert result.exit_code == 2
    d = str(messy)
    assert result.stdout.splitlines() == [
        f"{d}/broken.md:3:8: error front-matter the front matter is not valid YAML: did not "
        "find expected ',' or ']' (fix line 3 or quote the value)",
        f"{d}/diagram.md:1:1: error input-binary a binary file, not Markdown text (it holds "
        "NUL bytes)",
        f"{d}/latin1.md:3:4: error input-encoding not UTF-8 text: byte 0xE9 cannot be decoded; "
        "save the file as UTF-8",
        f"{d}/team/memo.md:2:1: error unknown-kind unknown kind 'memo': use one of one-pager, "
        "brief, scope-letter, post-mortem, runbook, architecture-note, change-plan, "
        "reboot-plan, pre-read (or lint it as one of them with --kind)",
        "5 files checked: 4 errors, 0 warnings, 0 suggestions; 4 could not be linted",
    ]
    assert result.stderr == ("luck: error: 4 of 5 files could not be linted (see the input-*, "
                             "front-matter and unknown-kind findings above)\n")
    assert snapshot(messy) == before


def test_a_folder_of_thousands_of_files(tmp_path, luck) -> None:
    folder = tmp_path / "many"
    clean = (CLEAN / "runbook.md").read_bytes()
    for n in range(2000):
        sub = folder / f"team-{n % 20:02}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"runbook-{n:04}.md").write_bytes(clean)
    (folder / "team-07" / "runbook-0007.md").write_bytes(b"# Runbook\n\n\xff\xfe broken\n")
    before = snapshot(folder)
    result = luck("doc", "lint", str(folder), "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 2000, "errors": 1, "warnings": 0, "suggestions": 0,
                               "unusable": 1}
    bad = [f for f in data["files"] if f["findings"]]
    assert [(f["path"], f["findings"][0]["rule"], f["findings"][0]["line"]) for f in bad] == [
        (f"{folder}/team-07/runbook-0007.md", "input-encoding", 3)]
    assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])
    assert snapshot(folder) == before


def test_a_single_unusable_file_exits_2_with_its_diagnostic(tmp_path, luck) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(b"line one\nline two has caf\xe9\n")
    result = luck("doc", "lint", str(path))
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (f"{path}:2:17: error input-encoding not UTF-8 text: "
                                             "byte 0xE9 cannot be decoded; save the file as UTF-8")
    assert result.stderr.startswith("luck: error: 1 of 1 file could not be linted")


@pytest.mark.parametrize(("name", "content", "rule"), [
    ("script.py", b"print('hi')\n", "input-not-markdown"),
    ("missing.md", None, "input-unreadable"),
])
def test_what_is_not_a_document(tmp_path, luck, name, content, rule) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = luck("doc", "lint", str(path))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{path}:1:1: error {rule} ")


def test_an_empty_folder_is_nothing_to_lint(tmp_path, luck) -> None:
    result = luck("doc", "lint", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == ("luck: error: nothing to lint: no Markdown files (.markdown, .md, "
                             f".mdown, .mdwn, .mkd, .mkdn) under {tmp_path}\n")


def test_exit_codes_follow_the_worst_severity(tmp_path, luck) -> None:
    runbook = (CLEAN / "runbook.md").read_text()
    warning = tmp_path / "warning.md"
    warning.write_text(runbook.replace("the internal CA.", "the internal CA (TBD)."))
    error = tmp_path / "error.md"
    error.write_text(runbook.replace("1. Request", "- Request").replace("2. Upload", "- Upload")
                     .replace("3. Restart", "- Restart"))
    assert luck("doc", "lint", str(warning)).exit_code == 0
    result = luck("doc", "lint", str(error))
    assert result.exit_code == 1 and result.stderr == ""
    assert result.stdout.splitlines() == [
        f"{error}:16:1: error numbered-steps number the steps: an ordered list (1. 2. 3.), so "
        "that people can say 'I am at step 4'",
        "1 file checked: 1 error, 0 warnings, 0 suggestions",
    ]


def test_min_severity_hides_but_the_exit_code_stays(tmp_path, luck) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nWe will do it TODO.\n")
    shown = luck("doc", "lint", str(path))
    assert [line.split()[1:3] for line in shown.stdout.splitlines()[:-1]] == [
        ["warning", "kind-unknown"], ["warning", "placeholder"]]
    hidden = luck("doc", "lint", "--min-severity", "error", str(path))
    assert hidden.stdout.splitlines() == ["1 file checked: 0 errors, 2 warnings, 0 suggestions"]
    assert hidden.exit_code == 0


def test_ignore_turns_a_rule_off(tmp_path, luck) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nWe will do it TODO.\n")
    result = luck("doc", "lint", "--ignore", "placeholder", "--ignore", "kind-unknown",
                  str(path))
    assert result.stdout == "1 file checked: no problems\n"
    unknown = luck("doc", "lint", "--ignore", "vague", str(path))
    assert (unknown.exit_code, unknown.stderr) == (
        2, "luck: error: --ignore vague: no such rule (luck doc rules lists them)\n")


def test_kind_option_and_stdin(luck) -> None:
    text = "# Rotate the keys\n\n## Steps\n\n- Rotate.\n- Restart.\n"
    result = luck("doc", "lint", "--kind", "runbook", "-", input=text)
    rules = [line.split()[2] for line in result.stdout.splitlines()[:-1]]
    assert rules == ["section-missing"] * 5 + ["numbered-steps"]
    assert result.stdout.startswith("<stdin>:1:1: error section-missing add a 'Purpose' section")
    bad = luck("doc", "lint", "--kind", "memo", "-", input=text)
    assert bad.exit_code == 2 and bad.stderr.startswith("luck: error: unknown document kind 'memo'")


def test_json_has_a_stable_shape(luck) -> None:
    result = luck("doc", "lint", "--json", str(CLEAN / "brief.md"), str(CLEAN / "runbook.md"))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == {
        "files": [
            {"path": str(CLEAN / "brief.md"), "kind": "brief", "kind_from": "front matter",
             "words": data["files"][0]["words"], "findings": []},
            {"path": str(CLEAN / "runbook.md"), "kind": "runbook",
             "kind_from": "front matter", "words": data["files"][1]["words"], "findings": []},
        ],
        "summary": {"files": 2, "errors": 0, "warnings": 0, "suggestions": 0, "unusable": 0},
    }
    assert 150 < data["files"][0]["words"] < 250


def test_the_workspace_settings_change_severities_and_budgets(home, tmp_path, luck) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nWe will do it TODO.\n")
    config = home / "luck.toml"
    text = config.read_text().replace('# vague-claim = "warning"',
                                      'placeholder = "error"\nkind-unknown = "off"')
    config.write_text(text, encoding="utf-8")
    result = luck("doc", "lint", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{path}:3:15: error placeholder fill in the "
                                          "placeholder: TODO",
                                          "1 file checked: 1 error, 0 warnings, 0 suggestions"]
    rules = json.loads(luck("doc", "rules", "--json").stdout)
    assert {r["rule"]: r["severity"] for r in rules}["placeholder"] == "error"


def test_a_broken_setting_is_one_line(tmp_path, luck) -> None:
    config = tmp_path / "lint.toml"
    config.write_text('[lint.word_budget]\nbrief = 10\n')
    result = luck("doc", "lint", "--config", str(config), str(CLEAN / "brief.md"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"luck: error: {config}:2: [lint.word_budget] brief: must be a "
                             "whole number between 50 and 100000, or 0 for none, got 10\n")


def test_a_smaller_budget_from_a_config_file(tmp_path, luck) -> None:
    config = tmp_path / "lint.toml"
    config.write_text('[lint.word_budget]\nbrief = 100\n')
    result = luck("doc", "lint", "--config", str(config), str(CLEAN / "brief.md"))
    assert result.exit_code == 1
    (line,) = [x for x in result.stdout.splitlines() if "word-budget" in x]
    assert "189 words is over the two-page brief's budget of 100: cut 89" in line
    assert line.startswith(f"{CLEAN / 'brief.md'}:29:1: error word-budget ")


def test_rules_and_kinds_are_listed(luck) -> None:
    from luckos.writing.catalog import DOC_KINDS, INPUT_RULES, RULES

    rules = json.loads(luck("doc", "rules", "--json").stdout)
    assert [r["rule"] for r in rules] == [*RULES, *INPUT_RULES]
    brief_only = json.loads(luck("doc", "rules", "--kind", "runbook", "--json").stdout)
    assert "brief-options" not in {r["rule"] for r in brief_only}
    assert "numbered-steps" in {r["rule"] for r in brief_only}
    kinds = json.loads(luck("doc", "kinds", "--json").stdout)
    assert [k["kind"] for k in kinds] == list(DOC_KINDS)
    text = luck("doc", "kinds", "brief").stdout
    assert "Objections received" in text and "pushback" in text


def test_linting_never_writes(messy, luck) -> None:
    before = snapshot(messy)
    for args in (["--json"], ["--min-severity", "error"], ["--jobs", "2"]):
        luck("doc", "lint", *args, str(messy))
    assert snapshot(messy) == before
    assert not any(name.endswith((".bak", ".tmp")) for name in os.listdir(messy))
