"""A repository's history, read with the git command line.

Why the git CLI rather than a library: git is already on every machine that has a
repository to import, one `git log --numstat -z` streams 10,000 commits with their line
counts in well under a second (a pure-Python reader such as dulwich has to diff every
tree itself, an order of magnitude slower), and git applies the repository's own
`.mailmap` (%aE, %aN), understands shallow clones, alternates, packs of any version, and
reports corruption in its own words. pygit2 would add a compiled dependency for no gain.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from pathlib import Path

from luckos.domain.evidence import Commit, FileChange
from luckos.errors import LuckError, NotFound

# one commit: RS, then the fields separated by US, then the numstat lines (-z: NUL-ended)
_FORMAT = "%x1e%H%x1f%P%x1f%aE%x1f%aN%x1f%aI%x1f%s%x1f%b%x1f"
_FIELDS = 7


@dataclasses.dataclass(frozen=True)
class History:
    """What `luck import git` read from one repository."""

    repository: str  # the work tree's top folder (the git folder of a bare repository)
    commits: list[Commit]  # newest first, as git lists them, every author
    shallow: bool


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    try:
        return subprocess.run(["git", "-c", "log.showSignature=false", *args], cwd=cwd,
                              capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise LuckError("import git: the git command is not installed (or not on PATH)") \
            from None


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip().splitlines()
    return text[0].removeprefix("fatal: ").removeprefix("error: ") if text else "git failed"


def locate(path: Path) -> tuple[str, bool, bool]:
    """(repository, bare, shallow) for a path inside a repository, or LuckError."""
    if not path.exists():
        raise NotFound(f"{path}: no such folder", where=str(path))
    if not path.is_dir():
        raise LuckError(f"{path}: not a folder (give the repository's folder)")
    done = _git(["rev-parse", "--absolute-git-dir", "--is-bare-repository",
                 "--is-shallow-repository"], path)
    if done.returncode != 0:
        problem = _first_line(done.stderr)
        if "not a git repository" in problem:
            raise LuckError(f"{path}: not a git repository")
        raise LuckError(f"{path}: git cannot open it ({problem})")
    git_dir, bare, shallow = done.stdout.decode().split("\n")[:3]
    if bare == "true":
        return git_dir, True, shallow == "true"
    top = _git(["rev-parse", "--show-toplevel"], path)
    if top.returncode != 0:
        raise LuckError(f"{path}: git cannot find its work tree ({_first_line(top.stderr)})")
    return top.stdout.decode().strip(), False, shallow == "true"


def default_authors(path: Path) -> tuple[str, ...]:
    """`git config user.email` as git sees it from the repository."""
    done = _git(["config", "user.email"], path)
    email = done.stdout.decode("utf-8", "replace").strip().lower()
    return (email,) if done.returncode == 0 and email else ()


def read_history(path: Path) -> History:
    """Every commit reachable from HEAD, newest first, with the files it changed."""
    repository, _, shallow = locate(path)
    head = _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], path)
    if head.returncode != 0:
        raise LuckError(f"{path}: the repository has no commits yet")
    done = _git(["log", "-z", "--numstat", "-M", "--no-color", "--use-mailmap",
                 f"--format={_FORMAT}", "HEAD"], path)
    if done.returncode != 0:
        raise LuckError(f"{path}: git cannot read the history; the repository may be "
                        f"corrupt ({_first_line(done.stderr)})")
    return History(repository, parse_log(done.stdout), shallow)


def parse_log(raw: bytes) -> list[Commit]:
    """Commits from the output of `git log -z --numstat --format=_FORMAT`."""
    text = raw.decode("utf-8", "surrogateescape")
    commits = []
    for chunk in text.split("\x1e")[1:]:
        parts = chunk.split("\x1f", _FIELDS)
        if len(parts) < _FIELDS:
            continue
        sha, parents, email, name, when, subject, body = parts[:_FIELDS]
        rest = parts[_FIELDS] if len(parts) > _FIELDS else ""
        commits.append(Commit(
            sha=sha,
            parents=tuple(parents.split()),
            email=email.strip().lower(),
            name=name.strip(),
            when=dt.datetime.fromisoformat(when),
            subject=_clean(subject),
            body=_clean(body).strip(),
            changes=tuple(_changes(rest)),
        ))
    return commits


def _changes(rest: str) -> list[FileChange]:
    tokens = rest.lstrip("\x00").lstrip("\n").split("\x00")
    changes = []
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        i += 1
        if not token:
            continue
        fields = token.split("\t", 2)
        if len(fields) != 3:
            continue
        added, removed, path = fields
        if not path and i + 1 < len(tokens):  # a rename: the old path, then the new one
            path = tokens[i + 1]
            i += 2
        changes.append(FileChange(_clean(path), _lines(added), _lines(removed)))
    return changes


def _lines(text: str) -> int | None:
    return int(text) if text.isdigit() else None  # "-": a binary file


def _clean(text: str) -> str:
    """Text as it can be stored: bytes that are not UTF-8 become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
