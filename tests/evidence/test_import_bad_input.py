"""Repositories and folders that cannot give evidence: one line, exit 2, nothing kept."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Luck, workspace_state
from tests.evidence.gitrepo import Repo


def _refused_unchanged(luck: Luck, *args: str) -> str:
    before = workspace_state(luck.home)
    message = luck.fails(*args)
    assert workspace_state(luck.home) == before
    return message


def test_not_a_repository(luck: Luck, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    assert _refused_unchanged(luck, "import", "git", str(plain)) == \
        f"luck: error: {plain}: not a git repository"
    assert _refused_unchanged(luck, "import", "git", str(tmp_path / "gone")) == \
        f"luck: error: {tmp_path / 'gone'}: no such folder"


def test_a_repository_without_commits(luck: Luck, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "empty")
    assert _refused_unchanged(luck, "import", "git", str(repo.path)) == \
        f"luck: error: {repo.path}: the repository has no commits yet"


def test_no_commits_by_the_author(luck: Luck, history) -> None:
    repo, _ = history
    assert _refused_unchanged(luck, "import", "git", str(repo.path), "--author",
                              "sam@else.example") == (
        f"luck: error: {repo.path}: no commits by sam@else.example (11 commits by others)")
    message = _refused_unchanged(luck, "import", "git", str(repo.path), "--since", "2027-01-01")
    assert message.endswith("no commits by dana@work.example between 2027-01-01 and today "
                            "(11 commits by others)")


def test_no_address_at_all(luck: Luck, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "anon")
    repo.commit("first", when="2026-11-02", files={"a.txt": "a\n"})
    repo.git("config", "--unset", "user.email")
    assert "whose commits? give --author EMAIL" in _refused_unchanged(
        luck, "import", "git", str(repo.path))


def test_a_corrupt_repository_keeps_nothing(luck: Luck, history, tmp_path: Path) -> None:
    repo, _ = history
    good = Repo(tmp_path / "good")
    good.commit("mine", when="2026-11-02", files={"a.txt": "a\n"})
    objects = repo.path / ".git" / "objects"
    for folder in objects.iterdir():
        if len(folder.name) == 2:
            shutil.rmtree(folder)  # every loose object gone: HEAD points at nothing
    message = _refused_unchanged(luck, "import", "git", str(good.path), str(repo.path))
    assert message.startswith(f"luck: error: {repo.path}: ")
    assert "corrupt" in message or "no commits" in message


def test_a_bare_repository_imports(luck: Luck, history, tmp_path: Path) -> None:
    repo, _ = history
    bare = tmp_path / "service.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo.path), str(bare)], check=True)
    out = luck.ok("import", "git", str(bare), "--author", "dana@work.example").stdout
    assert out.strip() == f"{bare}: 8 new commits of yours -> 5 candidates (luck evidence list)"


def test_a_shallow_clone_warns_and_imports_what_it_has(luck: Luck, history,
                                                       tmp_path: Path) -> None:
    repo, _ = history
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.path}",
                    str(shallow)], check=True)
    result = luck("import", "git", str(shallow), "--author", "dana@work.example")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == (f"warning: {shallow}: a shallow clone; commits before "
                                     "its cut are not there to import (git fetch --unshallow)")
    assert len(luck.json("evidence", "list")) >= 1


def test_a_file_not_a_folder(luck: Luck, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("x")
    assert "not a folder" in _refused_unchanged(luck, "import", "git", str(path))


def test_docs_folder_problems(luck: Luck, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _refused_unchanged(luck, "import", "docs", str(empty)) == \
        f"luck: error: {empty}: no readable Markdown documents"
    assert _refused_unchanged(luck, "import", "docs", str(tmp_path / "gone")) == \
        f"luck: error: {tmp_path / 'gone'}: no such folder"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.md").write_bytes(b"\xff\xfe not utf-8")
    assert _refused_unchanged(luck, "import", "docs", str(broken)) == \
        f"luck: error: {broken}: no readable Markdown documents ({broken / 'a.md'}: not UTF-8 text)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_document_is_skipped_with_a_warning(luck: Luck, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ok.md").write_text("# Fine\n")
    locked = folder / "locked.md"
    locked.write_text("# Locked\n")
    locked.chmod(0)
    result = luck("import", "docs", str(folder))
    assert result.exit_code == 0
    assert result.stderr.strip() == f"warning: {locked.resolve()}: unreadable (Permission denied)"
