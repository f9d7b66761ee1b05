"""`luck doc render`: a standalone HTML page, and the whole flow through the real `luck`."""

from __future__ import annotations

import html.parser
import os
import subprocess
import sys
from pathlib import Path

DOC = """\
---
kind: brief
title: Cold start <fast>
date: 2026-02-23
theme: t1
---

# Cold start

Intro with `code` and a [link](https://example.com). <!-- luck: ignore vague-claim -->

## Options

| option | cost |
|---|---|
| A | $1 |

<script>alert(1)</script>

## Options

Second section with the same title: [TODO: fill it] but not `[TODO: in code]`.
"""


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_render_writes_a_standalone_page(tmp_path, luck) -> None:
    source = tmp_path / "brief.md"
    source.write_text(DOC, encoding="utf-8")
    before = source.read_bytes()
    out = tmp_path / "brief.html"
    result = luck("doc", "render", str(source), "--html", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"rendered {source} to {out} (")
    page = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "<title>Cold start &lt;fast&gt;</title>" in page
    assert ("h2", {"id": "options"}) in parser.tags and ("h2", {"id": "options-2"}) in parser.tags
    assert tags.count("h1") == 1 and "table" in tags and "style" in tags
    assert "script" not in tags and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "luck: ignore" not in page
    assert '<mark class="todo">[TODO: fill it]</mark>' in page
    assert "<code>[TODO: in code]</code>" in page
    assert "<dt>kind</dt><dd>brief</dd>" in page and "<dt>theme</dt><dd>t1</dd>" in page
    assert "<link" not in page and "src=" not in page  # nothing to fetch: one file
    assert source.read_bytes() == before


def test_render_to_stdout_and_refusals(tmp_path, luck) -> None:
    source = tmp_path / "notes.md"
    source.write_text("Just a paragraph.\n", encoding="utf-8")
    printed = luck("doc", "render", str(source), "--html", "-")
    assert printed.exit_code == 0
    assert "<h1>notes</h1>" in printed.stdout and "<p>Just a paragraph.</p>" in printed.stdout
    itself = luck("doc", "render", str(source), "--html", str(source))
    assert (itself.exit_code, itself.stderr) == (2, f"luck: error: --html {source} is the document "
                                                 "itself: give another file\n")
    assert source.read_text() == "Just a paragraph.\n"
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [x\n---\n", encoding="utf-8")
    result = luck("doc", "render", str(broken), "--html", str(tmp_path / "b.html"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"luck: error: {broken}:2:8: the front matter is not valid")
    assert not (tmp_path / "b.html").exists()
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"caf\xe9\n")
    assert luck("doc", "render", str(latin), "--html", "-").stderr == (
        f"luck: error: {latin}:1:4: not UTF-8 text: byte 0xE9 cannot be decoded; save the "
        "file as UTF-8\n")


def test_the_main_flow_through_the_installed_command(tmp_path) -> None:
    luck = Path(sys.executable).with_name("luck")
    env = {**os.environ, "LUCK_HOME": str(tmp_path / "home")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(luck), "--today", "2026-02-23", *args], env=env, text=True,
                              capture_output=True, check=False)

    assert run("init").returncode == 0
    assert run("theme", "add", "Faster cold-start", "--problem",
               "Cold starts take 1.8 s at p95.").returncode == 0
    assert run("window", "add", "FY27 planning", "--on", "2026-03-16", "--theme",
               "t1").returncode == 0
    created = run("doc", "new", "brief", "--window", "w1", "--decider", "Priya Shah")
    assert created.returncode == 0, created.stderr
    path = tmp_path / "home" / "docs" / "2026-02-23-brief-faster-cold-start.md"
    assert created.stdout.splitlines()[0] == f"created {path}"
    linted = run("doc", "lint", str(path))
    assert linted.returncode == 1  # no decision is recorded: the recommendation names nothing
    assert f"{path}:" in linted.stdout and "recommendation-names-option" in linted.stdout
    rendered = run("doc", "render", str(path), "--html", str(tmp_path / "brief.html"))
    assert rendered.returncode == 0
    assert "Cold starts take 1.8 s at p95." in (tmp_path / "brief.html").read_text()
    windows = run("window", "list", "--json")
    assert windows.returncode == 0
    review = run("review", "--json")
    assert '"two-pager"' not in review.stdout  # the brief is there; only the demo is missing
