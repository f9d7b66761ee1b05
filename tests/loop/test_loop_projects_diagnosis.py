"""Projects on the seven quiet heuristics with their kill review; the diagnosis."""

from __future__ import annotations

import pytest

from tests.conftest import Luck, workspace_state

PARAGRAPH = ("I keep checkout fast under load, and if I left for a month the cold starts "
             "would creep back. Nobody else holds the whole path from the edge to the auth "
             "service in their head, so the Friday pages would come back within weeks.")


def test_project_scored_on_the_seven_heuristics(luck: Luck) -> None:
    result = luck("project", "add", "Ephemeral stacks", "--started", "2026-10-12")
    assert "not scored on the seven quiet heuristics yet" in result.stderr
    card = luck.json("project", "score", "pj1", "2", "1", "2", "0", "1", "2", "2")
    assert (card["score"], card["scored"], card["max_score"]) == (10, 7, 14)
    assert card["kill_review_due"] == "2026-11-09"
    advice = {h["number"]: h["advice"] for h in card["heuristics"]}
    assert advice[4] == "sharpen it until someone disagrees, or admit it is too small"
    assert advice[1] is None
    text = luck.ok("project", "show", "pj1").stdout
    assert "Seven quiet heuristics: 10 of 14" in text
    assert "PAST DUE (2026-11-09)" in text


def test_bad_scores_are_refused(luck: Luck) -> None:
    luck.ok("project", "add", "Stacks")
    before = workspace_state(luck.home)
    assert luck.fails("project", "score", "pj1", "2", "2") == (
        "luck: error: give 7 scores (0 no, 1 partly, 2 yes), one per heuristic in order; got 2")
    assert luck.fails("project", "edit", "pj1", "--denominator", "3") == (
        "luck: error: denominator = 3 is out of range (0 no, 1 partly, 2 yes)")
    assert luck.fails("project", "score", "pj1").startswith("luck: error: give the seven scores")
    assert workspace_state(luck.home) == before


def test_kill_review_follows_the_essay(luck: Luck) -> None:
    luck.ok("project", "add", "Stacks", "--started", "2026-10-12")
    # without --outcome, a missing signal advises a public pause, which needs a why
    assert luck.fails("project", "review", "pj1", "--enthusiasm", "--no-signal",
                      "--landing") == ("luck: error: pausing publicly means explaining why: "
                                       "add --why")
    assert luck.fails("project", "review", "pj1", "--enthusiasm", "--signal") == (
        "luck: error: say whether there is a safe landing path: --landing or --no-landing")
    result = luck("project", "review", "pj1", "--enthusiasm", "--no-signal", "--landing",
                  "--outcome", "continue")
    assert result.exit_code == 0
    assert "continuing without a measurable signal" in result.stderr
    data = luck.json("project", "show", "pj1")
    assert (data["outcome"], data["reviewed_on"], data["kill_review_on"]) == (
        "continue", "2026-11-25", "2026-11-25")


def test_paused_publicly_and_then_closed(luck: Luck) -> None:
    luck.ok("project", "add", "Stacks", "--started", "2026-10-12")
    out = luck.ok("project", "review", "pj1", "--no-enthusiasm", "--no-signal", "--landing",
                  "--why", "No PM asked in six weeks").stdout
    assert out.startswith("pj1 is paused publicly: No PM asked in six weeks")
    assert luck.fails("project", "review", "pj1", "--enthusiasm", "--signal", "--landing") == (
        "luck: error: pj1 is already paused publicly")


def test_diagnose_records_and_flags_what_is_not_a_paragraph(luck: Luck) -> None:
    result = luck("diagnose", "--problem", PARAGRAPH, "--funders", "Dana, in December.",
                  "--on", "2026-11-20")
    assert result.exit_code == 0
    assert result.stdout.startswith("added dg1 (2026-11-20)\n1. a paragraph (44 words)")
    assert "warning: 2. 3 words: not yet a paragraph" in result.stderr
    assert "warning: 3. missing: What artifact proves" in result.stderr
    data = luck.json("diagnose")
    assert data["id"] == "dg1" and data["age_days"] == 5
    assert [q["flag"] for q in data["questions"]] == [
        None, "3 words: not yet a paragraph (at least 30 words, 2 sentences)", "missing"]
    two = PARAGRAPH + "\n\n" + PARAGRAPH
    luck.ok("diagnose", "--problem", PARAGRAPH, "--funders", PARAGRAPH, "--proof", two)
    assert luck.json("diagnose")["questions"][2]["flag"] == (
        "more than one paragraph: the essay asks for one")
    assert [d["id"] for d in luck.json("diagnose", "list")] == ["dg2", "dg1"]


def test_diagnose_without_answers_shows_the_latest(luck: Luck) -> None:
    assert luck.ok("diagnose").stdout.startswith("no diagnosis yet")
    assert luck.fails("diagnose", "--funders", "Dana").startswith(
        "luck: error: a diagnosis starts with --problem")
    luck.ok("diagnose", "--problem", PARAGRAPH, "--on", "2026-08-01")
    out = luck.ok("diagnose").stdout
    assert out.startswith("Diagnosis dg1, 2026-08-01 (116 days ago)")
    assert "flag: missing" in out


def test_diagnose_asks_in_a_terminal(luck: Luck, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("luckos.cli.diagnose.on_tty", lambda: True)
    monkeypatch.setattr("luckos.cli.output.on_tty", lambda: False)  # plain text, no Rich
    result = luck("diagnose", input=f"{PARAGRAPH}\n{PARAGRAPH}\nThe runbook.\n")
    assert result.exit_code == 0, result.output
    assert "1. What problem do I solve that the business would miss" in result.stdout
    saved = luck.json("diagnose", "show", "dg1")
    assert saved["problem"] == PARAGRAPH and saved["proof"] == "The runbook."
