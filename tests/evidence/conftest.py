"""Fixtures for evidence and packet tests: real git repositories built by git itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.evidence.gitrepo import Repo, isolated_git

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.fixture(autouse=True)
def _no_global_git(monkeypatch: pytest.MonkeyPatch) -> None:
    isolated_git(monkeypatch)


def build_history(repo: Repo) -> dict[str, str]:
    """A month of work: a second address mapped by .mailmap, a colleague, a pull request
    merged with a merge commit (with a rename inside), a squashed one, a binary file and
    a plain merged branch. Returns the commit ids by name."""
    ids = {}
    ids["mailmap"] = repo.commit("Map addresses", when="2026-10-01", email="lee@work.example",
                                 name="Lee", files={".mailmap": "Dana Ops <dana@work.example> "
                                                                "<dana@home.example>\n"})
    ids["canary"] = repo.commit("Add canary config for OPS-12", when="2026-10-05",
                                files={"deploy/canary.yaml": "stages: [1, 10, 100]\n"})
    ids["tune"] = repo.commit("Tune canary thresholds", when="2026-10-06",
                              email="dana@home.example", name="dana",
                              files={"deploy/canary.yaml": "stages: [1, 5, 25, 100]\n"})
    ids["typo"] = repo.commit("Fix a typo", when="2026-10-07", email="lee@work.example",
                              name="Lee", files={"docs/readme.md": "Read me.\n"})
    repo.git("checkout", "-q", "-b", "dana/retry")
    ids["retry"] = repo.commit("Retry with backoff", when="2026-10-12",
                               files={"src/retry.py": "def retry():\n    pass\n"})
    repo.git("mv", "src/retry.py", "src/backoff.py")
    ids["rename"] = repo.commit("Rename retry to backoff", when="2026-10-13")
    repo.git("checkout", "-q", "main")
    ids["pr41"] = repo.merge("dana/retry", "Merge pull request #41 from dana/retry\n\n"
                             "Retries with jittered backoff", when="2026-10-14")
    ids["cache"] = repo.commit("Cache manifests to cut cold starts (#57)", when="2026-10-20",
                               files={"src/cache.py": "CACHE = {}\n" * 3})
    ids["logo"] = repo.commit("Add the logo", when="2026-10-21",
                              files={"assets/logo.png": PNG})
    repo.git("checkout", "-q", "-b", "feature/flags")
    ids["flags"] = repo.commit("Feature flags for the rollout, see #12", when="2026-10-27",
                               files={"src/flags.py": "FLAGS = {}\n"})
    repo.git("checkout", "-q", "main")
    ids["merge_flags"] = repo.merge("feature/flags", "Merge branch 'feature/flags'",
                                    when="2026-10-28", email="dana@work.example",
                                    name="Dana Ops")
    return ids


@pytest.fixture
def history(tmp_path: Path) -> tuple[Repo, dict[str, str]]:
    repo = Repo(tmp_path / "service")
    return repo, build_history(repo)
