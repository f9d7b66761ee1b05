"""The pure parts of `luck ai`: a reply checked against a document's sections, the
sections put into the drafted template, prompt files and the built-in starters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from luckos.ai import prompts, structured
from luckos.errors import LuckError

BRIEF = ("problem", "options", "recommendation", "decision", "tradeoffs", "objections")


def _reply(**changes: object) -> str:
    data: dict[str, object] = {s: f"the {s}." for s in BRIEF}
    data.update(changes)
    return json.dumps({k: v for k, v in data.items() if v is not None})


@pytest.mark.parametrize(("reply", "problem"), [
    ("Here you go: {}", "the reply is not JSON (Expecting value at line 1 column 1)"),
    ("[1, 2]", "the reply is a JSON list, not an object"),
    (_reply(decision=None), "the reply has no decision"),
    (_reply(extra="x"), "the reply has keys not asked for: extra"),
    (_reply(options=3), "options must be a string of Markdown"),
    (_reply(tradeoffs="  "), "tradeoffs is empty"),
])
def test_a_reply_that_does_not_fit_the_sections_says_why(reply: str, problem: str) -> None:
    with pytest.raises(structured.ReplyInvalid) as caught:
        structured.parse(reply, BRIEF)
    assert str(caught.value).startswith(problem)


def test_a_fenced_reply_and_lists_of_lines_are_accepted() -> None:
    reply = "```json\n" + _reply(tradeoffs=["token format", "- rollout order"]) + "\n```"
    found = structured.parse(reply, BRIEF)
    assert found["tradeoffs"] == "- token format\n- rollout order"


def test_headings_inside_a_section_cannot_add_sections() -> None:
    found = structured.parse(_reply(options="## Option A\n# Option B"), BRIEF)
    assert found["options"] == "### Option A\n### Option B"


def test_fill_replaces_the_template_sections_and_keeps_the_rest() -> None:
    drafted = ("---\nkind: brief\n---\n# Title\n\n## Problem\n\n[TODO: the problem]\n\n"
               "## Rough math\n\nkept as drafted\n\n## Options\n\n### Option A: [TODO]\n\n"
               "## Decision asked\n\n- [TODO]\n")
    filled = structured.fill(drafted, BRIEF, {"problem": "Slow checkout.",
                                              "options": "### Option A: cache",
                                              "tradeoffs": "- none settled"})
    assert filled == ("---\nkind: brief\n---\n# Title\n\n## Problem\n\nSlow checkout.\n\n"
                      "## Rough math\n\nkept as drafted\n\n## Options\n\n### Option A: cache"
                      "\n\n## Decision asked\n\n- [TODO]\n\n## Unresolved trade-offs\n\n"
                      "- none settled\n")


def test_every_starter_is_a_valid_prompt() -> None:
    found = prompts.starters()
    assert len(found) == 7
    assert found["brief"].sections == BRIEF
    assert found["post-mortem-actions"].sections == ("causes", "actions")
    assert not found["narrative"].structured


@pytest.mark.parametrize(("text", "problem"), [
    ("no front matter", "a prompt opens with front matter"),
    ("---\nname: Bad Name\nversion: 1\n---\nx", "must be a lower-case name"),
    ("---\nname: a\nversion: one\n---\nx", "version = 'one' must be a whole number"),
    ("---\nname: a\nversion: 1\noutput: poem\n---\nx", "output = 'poem' must be text"),
    ("---\nname: a\nversion: 1\noutput: brief\nsections: [impact]\n---\nx",
     "a brief has no section 'impact'"),
    ("---\nname: a\nversion: 1\n---\n", "the prompt has no text"),
])
def test_a_bad_prompt_file_names_its_problem(text: str, problem: str) -> None:
    with pytest.raises(LuckError) as caught:
        prompts.parse(text, "p.md")
    assert caught.value.message.startswith(f"p.md: {problem}") or problem in caught.value.message


def test_a_newer_builtin_is_reported_not_forced(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    starters = tmp_path / "starters"
    starters.mkdir()
    (starters / "narrative.md").write_text(
        "---\nname: narrative\nversion: 1\n---\nTwo sentences.\n", encoding="utf-8")
    monkeypatch.setattr(prompts, "STARTERS", starters)
    library = tmp_path / "prompts"
    [first] = prompts.sync(library)
    assert first.copied and not first.newer_builtin
    (starters / "narrative.md").write_text(
        "---\nname: narrative\nversion: 2\n---\nTwo better sentences.\n", encoding="utf-8")
    [second] = prompts.sync(library)
    assert second.newer_builtin and second.builtin_version == 2
    assert second.prompt is not None and second.prompt.version == 1
    assert "Two sentences." in (library / "narrative.md").read_text(encoding="utf-8")
