"""Real git repositories for the tests, built with the git command line."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class Repo:
    """A work tree in `path`; each commit is dated and authored as asked."""

    def __init__(self, path: Path, *, branch: str = "main") -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", branch)
        self.git("config", "user.email", "dana@work.example")
        self.git("config", "user.name", "Dana Ops")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(["git", *args], cwd=self.path, capture_output=True, text=True,
                              env={**os.environ, **(env or {})}, check=True)
        return done.stdout.strip()

    def write(self, name: str, text: str | bytes) -> None:
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def commit(self, message: str, *, when: str, email: str = "dana@work.example",
               name: str = "Dana Ops", files: dict[str, str | bytes] | None = None) -> str:
        for file_name, text in (files or {}).items():
            self.write(file_name, text)
        self.git("add", "-A")
        date = f"{when}T10:00:00+00:00"
        self.git("commit", "-q", "--allow-empty", "-m", message,
                 env={"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
                      "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
        return self.git("rev-parse", "HEAD")

    def merge(self, branch: str, message: str, *, when: str,
              email: str = "bot@work.example", name: str = "Merge Bot") -> str:
        date = f"{when}T12:00:00+00:00"
        self.git("merge", "-q", "--no-ff", "-m", message, branch,
                 env={"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
                      "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
        return self.git("rev-parse", "HEAD")


def isolated_git(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No global or system git configuration leaks into a test."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                 "GIT_COMMITTER_EMAIL", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)
