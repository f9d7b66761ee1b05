"""`luck doc new`: first drafts filled from a workspace, compared with golden files.

To update the golden files on purpose: LUCK_UPDATE_GOLDEN=1 pytest tests/writing
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from luckos.writing.catalog import DOC_KINDS
from luckos.writing.lint import lint_text

GOLDEN = Path(__file__).with_name("golden")
DECIDER = "Priya Shah (VP Engineering)"


def arguments(kind: str) -> list[str]:
    window = "w2" if kind == "post-mortem" else "w1"
    extra = ["--start", "2026-03-02"] if kind == "reboot-plan" else []
    return ["--theme", "t1", "--window", window, "--decider", DECIDER, *extra]


def only_doc(home: Path) -> Path:
    (path,) = (home / "docs").glob("*.md")
    return path


@pytest.mark.parametrize("kind", list(DOC_KINDS))
def test_draft_matches_its_golden_file_and_lints_without_errors(kind, home, luck) -> None:
    result = luck("doc", "new", kind, *arguments(kind))
    assert result.exit_code == 0, result.stderr
    path = only_doc(home)
    assert path.name.startswith(f"2026-02-23-{kind}-")
    text = path.read_text(encoding="utf-8")
    golden = GOLDEN / f"{kind}.md"
    if os.environ.get("LUCK_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    errors = [f for f in lint_text(text) if f.severity == "error"]
    assert errors == []
    assert f"created {path}" in result.stdout
    assert "lint: 0 errors" in result.stdout
    assert luck("doc", "lint", str(path)).exit_code == 0


def test_the_brief_is_registered_and_the_window_sees_it(home, luck) -> None:
    import json

    before = json.loads(luck("review", "--json").stdout)
    (planning,) = [w for w in before["windows"] if w["window"]["id"] == "w1"]
    assert planning["missing"] == ["two-pager", "demo"]
    luck("doc", "new", "brief", *arguments("brief"))
    (artifact,) = json.loads(luck("artifact", "list", "--json").stdout)
    assert (artifact["kind"], artifact["theme_id"], artifact["window_id"]) == ("brief", "t1",
                                                                               "w1")
    assert artifact["link"] == f"docs/{only_doc(home).name}"
    assert artifact["on"] == "2026-02-23"
    after = json.loads(luck("review", "--json").stdout)
    (planning,) = [w for w in after["windows"] if w["window"]["id"] == "w1"]
    assert planning["missing"] == ["demo"]
    assert planning["brief"]["id"] == "a1"
    assert "artifact: a1" in only_doc(home).read_text(encoding="utf-8")


def test_the_window_alone_brings_its_theme(home, luck) -> None:
    result = luck("doc", "new", "brief", "--window", "w1")
    assert result.exit_code == 0, result.stderr
    text = only_doc(home).read_text(encoding="utf-8")
    assert "theme: t1" in text and "Checkout cold starts take 1.8 s" in text


def test_it_never_overwrites_and_registers_nothing_then(home, luck) -> None:
    first = luck("doc", "new", "runbook")
    assert first.exit_code == 0
    path = only_doc(home)
    before = path.read_bytes()
    again = luck("doc", "new", "runbook")
    assert again.exit_code == 2
    assert again.stderr == (f"luck: error: {path} already exists: luck doc new never overwrites "
                            "a document; give another --out\n")
    assert path.read_bytes() == before
    listing = luck("artifact", "list", "--json")
    assert listing.stdout.count('"kind": "runbook"') == 1


def test_out_dash_prints_and_registers_nothing(home, luck) -> None:
    result = luck("doc", "new", "one-pager", "--theme", "t1",
                  "--out", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("---\nkind: one-pager\ntitle: Faster cold-start\n")
    assert "artifact:" not in result.stdout
    assert list((home / "docs").glob("*.md")) == []
    assert luck("artifact", "list", "--json").stdout.strip() == "[]"


def test_out_can_name_a_folder_or_a_file(home, tmp_path, luck) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert luck("doc", "new", "pre-read", "--window", "w1",
                "--out", str(folder)).exit_code == 0
    assert [p.name for p in folder.iterdir()] == ["2026-02-23-pre-read-faster-cold-start.md"]
    named = folder / "mine.md"
    assert luck("doc", "new", "runbook", "--out", str(named)).exit_code == 0
    assert named.read_text(encoding="utf-8").startswith("---\nkind: runbook\n")
    missing = luck("doc", "new", "runbook", "--out", str(tmp_path / "no" / "x.md"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["one-pager"], "luck: error: a one-pager is about a theme: give --theme ID (luck theme "
                    "list shows them)\n"),
    (["brief", "--theme", "t9"], "luck: error: no theme t9\n"),
    (["brief", "--window", "t1"], "luck: error: t1 is a theme id, not a window id\n"),
    (["reboot-plan", "--start", "someday"], "luck: error: invalid --start 'someday': use "
                                            "YYYY-MM-DD or a relative form such as +3d, +2w, "
                                            "fri\n"),
])
def test_bad_input_is_one_line_and_writes_nothing(args, message, home, luck) -> None:
    result = luck("doc", "new", *args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert list((home / "docs").glob("*")) == []


def test_an_unknown_kind_lists_the_kinds(home, luck) -> None:
    result = luck("doc", "new", "memo")
    assert result.exit_code == 2
    assert "'memo' is not one of 'one-pager', 'brief'" in result.stderr


def test_a_bare_brief_says_what_the_records_could_not(home, luck) -> None:
    result = luck("doc", "new", "brief", "--out", "-")
    findings = lint_text(result.stdout)
    errors = [(f.rule, f.message) for f in findings if f.severity == "error"]
    assert errors == [
        ("recommendation-names-option", "the recommendation names none of the options "
         "('Option A', 'Option B', 'Option C'): say which one you recommend, by its name or "
         "letter, and why"),
        ("decision-owner-date", "say by when: add the date the decision is needed "
         "('By: 2026-03-09')"),
    ]


def test_reboot_dates_run_twelve_weeks_from_the_start(home, luck) -> None:
    result = luck("doc", "new", "reboot-plan", "--start", "2026-03-02",
                  "--out", "-")
    assert "## Weeks 1-2 (2026-03-02 to 2026-03-15): map the terrain" in result.stdout
    assert "## Weeks 9-12 (2026-04-27 to 2026-05-24): tell the story" in result.stdout
    assert "- 2026-03-16: FY27 planning (prep due 2026-03-09)" in result.stdout
    assert "- 2026-04-10: Q2 incident review (prep due 2026-04-03)" in result.stdout


def test_rough_math_waits_for_estimates_when_the_workspace_has_none(home, luck) -> None:
    result = luck("doc", "new", "brief", "--theme", "t1", "--out", "-")
    rough = result.stdout.split("## Rough math\n\n", 1)[1].split("\n", 1)[0]
    assert rough.startswith("[TODO: rough math: the failure avoided")
    assert rough.endswith("`luck estimate` can work it out]")


class _Estimates:
    """A store that has an 'estimate' record kind, as the estimate feature adds."""

    def __init__(self, rows: list[object]) -> None:
        self.rows = rows
        self.asked: list[dict[str, object]] = []

    def find(self, kind: str, *, where: dict[str, object]) -> list[object]:
        assert kind == "estimate"
        self.asked.append(where)
        return self.rows


def test_rough_math_takes_the_pitch_of_each_linked_estimate(monkeypatch) -> None:
    import types

    from luckos.app import docs
    from luckos.domain import records
    from luckos.writing import drafts

    monkeypatch.setitem(records.KINDS, "estimate", object())
    store = _Estimates([types.SimpleNamespace(pitch="Cutting p95 from 1.8 s to 650 ms saves "
                                                    "about $400k a quarter."),
                        types.SimpleNamespace(pitch="  ")])
    ws = types.SimpleNamespace(store=store)
    theme = types.SimpleNamespace(id=1)
    pitches = docs.estimate_pitches(ws, theme)
    assert pitches == ["Cutting p95 from 1.8 s to 650 ms saves about $400k a quarter."]
    assert store.asked == [{"theme_id": 1}]
    assert docs.estimate_pitches(ws, None) == []
    context = {"theme": {"id": "t1", "problem": "", "label": "x"}, "metrics": [],
               "estimates": pitches, "options": [], "recommended": None, "decision": None,
               "decider": None, "window": None, "stakeholders": [], "promises": [], "owed": [],
               "title": "T"}
    text = drafts.render("brief", context, {"kind": "brief"})
    assert ("## Rough math\n\n- Cutting p95 from 1.8 s to 650 ms saves about $400k a "
            "quarter.\n") in text
    monkeypatch.delitem(records.KINDS, "estimate")
    assert docs.estimate_pitches(ws, theme) is None


def test_a_decided_bet_is_not_asked_again_and_money_reads_as_money(home, luck) -> None:
    assert luck("decision", "add", "Cache TTL", "--option", "60 s",
                "--option", "5 min", "--choice", "5 min", "--outcome", "QPS down 46%",
                "--theme", "t1", "--on", "2026-02-22").exit_code == 0
    assert luck("metric", "edit", "m1", "--unit", "$").exit_code == 0
    result = luck("doc", "new", "brief", "--theme", "t1",
                  "--out", "-")
    assert "decision: d1\n" in result.stdout
    assert "### Option A: Consolidate auth calls" in result.stdout
    assert "checkout conversion, $2.1 in 2026-02, from $2 in 2026-01" in result.stdout
    note = luck("doc", "new", "architecture-note", "--theme", "t1",
                "--out", "-").stdout
    assert "decision: d2\n" in note  # a note records the decision made
    assert "## Decision\n\n5 min (Cache TTL).\n\n## Alternatives\n\n- 60 s: [TODO" in note


def test_json_names_the_file_the_artifact_and_the_lint_counts(home, luck) -> None:
    import json

    result = luck("doc", "new", "runbook", "--theme", "t1", "--json")
    data = json.loads(result.stdout)
    assert data["path"] == str(only_doc(home))
    assert (data["artifact"]["id"], data["artifact"]["kind"], data["artifact"]["theme_id"]) == (
        "a1", "runbook", "t1")
    assert data["lint"] == {"error": 0, "warning": 9, "suggestion": 0}
    assert data["text"] is None


def test_the_aliases_the_linter_knows_name_a_kind(home, luck) -> None:
    result = luck("doc", "new", "two-pager", "--theme", "t1")
    assert result.exit_code == 0, result.stderr
    written = home / "docs" / "2026-02-23-brief-faster-cold-start.md"
    assert result.stdout.splitlines()[:2] == [f"created {written}", "  artifact a1 (brief), "
                                              "linked to t1"]
    assert "kind: brief" in written.read_text(encoding="utf-8")
    assert "kind: architecture-note" in luck("doc", "new", "ADR",
                                             "--theme", "t1", "--out", "-").stdout
    assert luck("doc", "kinds", "playbook").stdout.startswith("runbook: ")


def test_drafts_claim_no_pre_alignment_and_list_everyone_owed_a_promise(home, luck,
                                                                        tmp_path) -> None:
    """A brief's "Pre-wired with" and a scope letter's "Who's already on board" name no
    one the records do not show agreeing: the people you owe an open promise to (on any
    theme) are listed as people to talk to first; a kept promise owes nothing, and a
    sponsor is not a pre-wire."""
    for args in (("Review the cache design", "--to", "Lee Park", "--due", "2026-03-02"),
                 ("Send the load-test numbers", "--to", "dana ruiz", "--due", "2026-04-01"),
                 ("Old favour", "--to", "Sam Ortiz", "--due", "2026-03-20")):
        assert luck("promise", "add", *args).exit_code == 0
    assert luck("promise", "keep", "p5").exit_code == 0
    for kind, heading, note in (
            ("brief", "## Pre-wired with", "Not pre-wired yet: people you owe a promise to."),
            ("scope-letter", "## Who's already on board",
             "Not on board yet as far as the records show: people you owe a promise to.")):
        out = tmp_path / f"{kind}.md"
        result = luck("doc", "new", kind, "--theme", "t1", "--out", str(out))
        assert result.exit_code == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        section = text.split(heading + "\n\n", 1)[1].split("\n## ", 1)[0]
        claimed, rest = section.split("\n\n", 1)
        assert claimed.startswith("- [TODO: ") and "the records show no one yet" in claimed
        assert " ".join(rest.split()).startswith(note)
        owed = [line for line in rest.splitlines() if line.startswith("- ")]
        assert owed == [
            "- Lee Park: Review the cache design (due 2026-03-02, p3)",
            "- Dana Ruiz: Share the cold-start benchmark (due 2026-03-06, p1); Send the "
            "load-test numbers (due 2026-04-01, p4)",
            "- Platform team: Draft the auth consolidation plan (due 2026-03-13, p2)"]
        assert "Priya Shah" not in section and "Sam Ortiz" not in section
