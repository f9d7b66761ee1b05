"""`luck import docs`: Markdown files become artifacts linked to their files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tests.conftest import Luck
from tests.evidence.gitrepo import Repo

BRIEF = """---
title: Canary rollouts for every service
kind: two-pager
date: 2026-09-14
surface: internal
---
# Ignored heading

## Problem
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    (folder / "ops").mkdir(parents=True)
    (folder / "brief.md").write_text(BRIEF, encoding="utf-8")
    (folder / "ops" / "pm.md").write_text("# Post-mortem: the October outage\n\nImpact...\n",
                                          encoding="utf-8")
    (folder / "ops" / "untitled.markdown").write_text("no heading here\n", encoding="utf-8")
    (folder / "logo.md").write_bytes(b"\x89PNG\x00\x00")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "skip.md").write_text("# Skip\n", encoding="utf-8")
    (folder / "readme.txt").write_text("not markdown", encoding="utf-8")
    stamp = 1_790_000_000  # 2026-09-21
    os.utime(folder / "ops" / "untitled.markdown", (stamp, stamp))
    return folder


def test_documents_become_artifacts_of_their_kind(luck: Luck, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = luck("import", "docs", str(folder))
    assert result.exit_code == 0
    assert result.stdout.strip() == (f"{folder.resolve()}: 3 new artifacts, 0 updated, "
                                     "0 unchanged, 1 skipped")
    assert result.stderr.strip() == f"warning: {folder / 'logo.md'}: a binary file, not " \
                                    "Markdown text"
    artifacts = {a["title"]: a for a in luck.json("artifact", "list")}
    brief = artifacts["Canary rollouts for every service"]
    assert (brief["kind"], brief["on"], brief["link"]) == (
        "brief", "2026-09-14", str((folder / "brief.md").resolve()))
    pm = artifacts["Post-mortem: the October outage"]
    assert pm["kind"] == "post-mortem"
    untitled = artifacts["untitled"]
    assert (untitled["kind"], untitled["on"]) == ("design-doc", "2026-09-21")
    docs = {e["key"]: e for e in luck.json("evidence", "list", "--source", "doc",
                                           "--status", "all")}
    path = (folder / "brief.md").resolve()
    assert docs[str(path)]["digest"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert docs[str(path)]["artifact_id"] == brief["id"]
    assert {e["status"] for e in docs.values()} == {"accepted"}


def test_reimport_updates_and_never_duplicates(luck: Luck, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    luck.ok("import", "docs", str(folder))
    luck.ok("theme", "add", "Safe rollouts")
    luck.ok("artifact", "edit", "a1", "--theme", "t1")
    again = luck.ok("import", "docs", str(folder)).stdout.strip()
    assert again == f"{folder.resolve()}: 0 new artifacts, 0 updated, 3 unchanged, 1 skipped"
    (folder / "brief.md").write_text(BRIEF.replace("Canary rollouts", "Canaries"),
                                     encoding="utf-8")
    (folder / "new.md").write_text("---\nkind: runbook\n---\n# Rollback\n", encoding="utf-8")
    out = luck.ok("import", "docs", str(folder)).stdout.strip()
    assert out == f"{folder.resolve()}: 1 new artifacts, 1 updated, 2 unchanged, 1 skipped"
    artifacts = luck.json("artifact", "list")
    assert len(artifacts) == 4
    a1 = luck.json("artifact", "show", "a1")
    assert (a1["title"], a1["theme_id"]) == ("Canaries for every service", "t1")
    assert len(luck.json("evidence", "list", "--source", "doc", "--status", "all")) == 4


def test_a_document_dated_by_its_last_commit(luck: Luck, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "handbook")
    repo.commit("Add the runbook", when="2026-08-03",
                files={"runbooks/deploy.md": "# Runbook: deploys\n"})
    repo.commit("Touch the runbook", when="2026-08-10",
                files={"runbooks/deploy.md": "# Runbook: deploys\n\n1. Ship\n"})
    luck.ok("import", "docs", str(repo.path / "runbooks"))
    [artifact] = luck.json("artifact", "list")
    assert (artifact["title"], artifact["kind"], artifact["on"]) == (
        "Runbook: deploys", "runbook", "2026-08-10")


def test_a_document_without_a_kind_is_classified_by_its_structure(luck: Luck,
                                                                  tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "deploy.md").write_text(
        "# Deploying the EU shard\n\n## Purpose\n\nMove a shard.\n\n## Owner\n\nDana\n\n"
        "## Steps\n\n1. Drain.\n2. Roll.\n\n## Verification\n\nCheck p95.\n\n"
        "## Rollback\n\nRoll back.\n\n## Escalation\n\nPage.\n", encoding="utf-8")
    (folder / "talk.md").write_text("---\nkind: talk\n---\n# Cold starts\n", encoding="utf-8")
    luck.ok("import", "docs", str(folder))
    kinds = {a["title"]: a["kind"] for a in luck.json("artifact", "list")}
    assert kinds == {"Deploying the EU shard": "runbook", "Cold starts": "talk"}
