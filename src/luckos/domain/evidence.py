"""Evidence: the work as it happened, brought in from git history and documents.

A git import yields candidates (a pull request, a merged branch, or a week's commits in
one top-level area of the tree); they stay candidates until the user accepts them as a
win or an artifact, or rejects them. A document import yields artifacts, each with an
evidence record that remembers its file (path and content hash) so that re-importing
updates rather than duplicates.

Everything here is pure: commits come in as values, candidates go out as values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f

EVIDENCE_SOURCES = ("git", "doc")
EVIDENCE_STATUSES = ("candidate", "accepted", "rejected")
ACCEPT_AS = ("win", "artifact")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Evidence(RecordBase):
    """Work found in a repository's history or a documents folder."""

    id: int | None = None
    title: str = _f(help="what the work was", required=True)
    source: str = _f("choice", "git or doc", required=True, choices=EVIDENCE_SOURCES,
                     editable=False)
    status: str = _f("choice", "candidate, accepted or rejected", default="candidate",
                     choices=EVIDENCE_STATUSES, editable=False)
    since: dt.date | None = _f("date", "the first commit (or the document's date)")
    until: dt.date | None = _f("date", "the last commit (or the document's date)")
    repository: str = _f(help="the repository or documents folder", default="",
                         editable=False)
    key: str = _f(help="what groups it: pr:N, merge:SHA, week:YYYY-Www:area, or the file",
                  default="", editable=False)
    commits: tuple[str, ...] = _f("list", "the commit ids", editable=False)
    paths: tuple[str, ...] = _f("list", "the files changed", editable=False)
    added: int = _f("int", "lines added", default=0, editable=False)
    removed: int = _f("int", "lines removed", default=0, editable=False)
    tickets: tuple[str, ...] = _f("list", "tickets mentioned", flag="ticket")
    digest: str = _f(help="the document's SHA-256 when it was imported", default="",
                     editable=False)
    artifact_id: int | None = _f("ref:artifact", "the artifact it became or backs",
                                 flag="artifact")
    note_id: int | None = _f("ref:note", "the win (year-in-public note) it became",
                             flag="win")
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    window_id: int | None = _f("ref:window", "the decision window it prepares", flag="window")
    promise_id: int | None = _f("ref:promise", "the promise it kept", flag="promise")
    note: str = _f(help="a free note (commit subjects of a git candidate)", default="")

    @property
    def files(self) -> int:
        return len(self.paths)


# --- commits --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FileChange:
    path: str
    added: int | None  # None: a binary file (git counts no lines)
    removed: int | None


@dataclasses.dataclass(frozen=True)
class Commit:
    """One commit as git reports it (author address and name after the mailmap)."""

    sha: str
    parents: tuple[str, ...]
    email: str
    name: str
    when: dt.datetime
    subject: str
    body: str = ""
    changes: tuple[FileChange, ...] = ()

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


_SQUASHED = re.compile(r"\(#(\d+)\)\s*$")
_MERGED_PR = re.compile(r"^Merge pull request #(\d+)")
_MERGED_MR = re.compile(r"^Merge branch .* into .*", re.IGNORECASE)


def pull_request(subject: str) -> int | None:
    """The pull request a subject names: "Merge pull request #12 from ..." or "... (#12)"."""
    match = _MERGED_PR.match(subject) or _SQUASHED.search(subject)
    return int(match.group(1)) if match else None


def tickets_in(text: str, patterns: Sequence[str]) -> list[str]:
    """Ticket references in `text`, in order of first mention, each once."""
    found: dict[str, None] = {}
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            found.setdefault(match.group(0), None)
    return list(found)


def merged_by(commits: Sequence[Commit]) -> dict[str, Commit]:
    """Which merge on the main line (first parents from the newest commit) brought each
    commit in: walking the main line oldest first, each merge claims the commits its
    second parent reaches that no earlier merge claimed and that are not on the main line."""
    by_sha = {c.sha: c for c in commits}
    if not commits:
        return {}
    mainline: list[Commit] = []
    seen_main: set[str] = set()
    current: Commit | None = commits[0]  # git log lists the tip first
    while current is not None and current.sha not in seen_main:
        mainline.append(current)
        seen_main.add(current.sha)
        current = by_sha.get(current.parents[0]) if current.parents else None
    claimed: dict[str, Commit] = {}
    for merge in reversed(mainline):
        if not merge.is_merge:
            continue
        stack = list(merge.parents[1:])
        while stack:
            sha = stack.pop()
            if sha in claimed or sha in seen_main or sha not in by_sha:
                continue
            claimed[sha] = merge
            stack.extend(by_sha[sha].parents)
    return claimed


def area_of(commit: Commit) -> str:
    """The top-level folder most of the commit's changed lines fall in ("(root)" for
    files at the top)."""
    weight: dict[str, int] = {}
    for change in commit.changes:
        top = change.path.split("/", 1)[0] if "/" in change.path else "(root)"
        weight[top] = weight.get(top, 0) + (change.added or 0) + (change.removed or 0) + 1
    if not weight:
        return "(root)"
    return max(sorted(weight), key=lambda name: weight[name])


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclasses.dataclass
class Group:
    """Commits that belong together, on their way to becoming one candidate."""

    key: str
    title: str
    commits: list[Commit]


def group_key(commit: Commit, merges: dict[str, Commit]) -> tuple[str, str]:
    """(key, title) of the candidate a commit belongs to."""
    number = pull_request(commit.subject)
    if number is not None:
        title = _SQUASHED.sub("", commit.subject).strip()
        if commit.is_merge:
            title = _first_line(commit.body) or f"pull request #{number}"
        return f"pr:{number}", title
    merge = merges.get(commit.sha) or (commit if commit.is_merge else None)
    if merge is not None:
        number = pull_request(merge.subject)
        if number is not None:
            return f"pr:{number}", _first_line(merge.body) or f"pull request #{number}"
        return f"merge:{merge.sha[:12]}", merge.subject
    area = area_of(commit)
    return f"week:{week_of(commit.when.date())}:{area}", f"{area}: {commit.subject}"


def group_commits(mine: Iterable[Commit], merges: dict[str, Commit]) -> list[Group]:
    """The user's commits grouped into candidates, oldest group first."""
    groups: dict[str, Group] = {}
    for commit in sorted(mine, key=lambda c: c.when):
        key, title = group_key(commit, merges)
        group = groups.get(key)
        if group is None:
            groups[key] = Group(key, title, [commit])
        else:
            group.commits.append(commit)
    return list(groups.values())


def candidate(group: Group, repository: str, patterns: Sequence[str],
              previous: Evidence | None = None) -> Evidence:
    """The evidence record for a group; `previous` (a candidate with the same key) is
    extended with the group's commits."""
    commits = group.commits
    paths: dict[str, None] = dict.fromkeys(previous.paths if previous else ())
    added = previous.added if previous else 0
    removed = previous.removed if previous else 0
    for commit in commits:
        for change in commit.changes:
            paths.setdefault(change.path, None)
            added += change.added or 0
            removed += change.removed or 0
    text = "\n".join(f"{c.subject}\n{c.body}" for c in commits)
    tickets = dict.fromkeys(previous.tickets if previous else ())
    for ticket in tickets_in(text, patterns):
        tickets.setdefault(ticket, None)
    days = [c.when.date() for c in commits]
    subjects = [c.subject for c in commits if not c.is_merge or len(commits) == 1]
    title = group.title if not group.key.startswith("week:") or len(commits) == 1 else (
        f"{group.title} (+{len(commits) - 1} more)")
    if previous is not None:
        days += [d for d in (previous.since, previous.until) if d is not None]
        prior = [line for line in previous.note.splitlines() if line]
        subjects = prior + subjects
        if group.key.startswith("week:"):
            base = previous.title.split(" (+", 1)[0]
            total = len(previous.commits) + len(commits)
            title = f"{base} (+{total - 1} more)"
        else:
            title = previous.title
    return Evidence(
        id=previous.id if previous else None,
        title=title[:200],
        source="git",
        status="candidate",
        since=min(days),
        until=max(days),
        repository=repository,
        key=group.key,
        commits=(*(previous.commits if previous else ()), *(c.sha for c in commits)),
        paths=tuple(paths),
        added=added,
        removed=removed,
        tickets=tuple(tickets),
        theme_id=previous.theme_id if previous else None,
        window_id=previous.window_id if previous else None,
        promise_id=previous.promise_id if previous else None,
        note="\n".join(subjects),
    )


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


# --- showing ---------------------------------------------------------------------------


def summary_line(evidence: Evidence) -> str:
    """One line of what the evidence holds: commits, files, lines, tickets."""
    if evidence.source == "doc":
        return f"document {evidence.key}"
    parts = [_count(len(evidence.commits), "commit"), _count(evidence.files, "file"),
             f"+{evidence.added}/-{evidence.removed} lines"]
    if evidence.tickets:
        parts.append(", ".join(evidence.tickets))
    return ", ".join(parts)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
