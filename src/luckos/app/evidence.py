"""Evidence in: `luck import git`, and the candidates' life (`luck evidence ...`).

Each import reads everything first and writes in one transaction: a repository that
cannot be read leaves the workspace as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from luckos.app.records import fetch
from luckos.domain import evidence as ev
from luckos.domain.evidence import Evidence
from luckos.domain.records import ARTIFACT_KINDS, KINDS, Artifact, Note, short_id
from luckos.errors import Conflict, LuckError, NotFound
from luckos.workspace import Workspace

EVIDENCE = KINDS["evidence"]


@dataclasses.dataclass(frozen=True)
class RepositoryImport:
    repository: str
    authors: tuple[str, ...]
    read: int  # commits reachable from HEAD
    mine: int  # the user's commits in the period
    new: int  # of those, commits not imported before
    created: int  # candidates created
    extended: int  # candidates that gained commits
    shallow: bool
    binary_files: int


@dataclasses.dataclass(frozen=True)
class GitImport:
    repositories: list[RepositoryImport]
    warnings: list[str]

    @property
    def new(self) -> int:
        return sum(r.new for r in self.repositories)


def import_git(ws: Workspace, paths: Sequence[Path], *, authors: Sequence[str] = (),
               since: dt.date | None = None, until: dt.date | None = None) -> GitImport:
    """Read each repository's history, keep the user's commits in [since, until], group
    the ones not imported before into candidates, and store them in one transaction."""
    from luckos.evidence import git

    if since and until and since > until:
        raise LuckError(f"--since {since} is after --until {until}")
    patterns = ws.config.evidence.tickets
    plans: list[tuple[RepositoryImport, list[Evidence]]] = []
    warnings: list[str] = []
    seen_repositories: set[str] = set()
    for path in paths:
        history = git.read_history(path)
        if history.repository in seen_repositories:
            continue
        seen_repositories.add(history.repository)
        who = tuple(a.lower() for a in authors) or ws.config.evidence.authors \
            or git.default_authors(path)
        if not who:
            raise LuckError(f"{path}: whose commits? give --author EMAIL, set [evidence] "
                            "authors in luck.toml, or set git config user.email")
        if history.shallow:
            warnings.append(f"{path}: a shallow clone; commits before its cut are not "
                            "there to import (git fetch --unshallow)")
        mine = [c for c in history.commits if c.email in who
                and (since is None or c.when.date() >= since)
                and (until is None or c.when.date() <= until)]
        if not mine:
            others = len(history.commits)
            problem = (f"{path}: no commits by {', '.join(who)}"
                       + (f" between {since or 'the start'} and {until or 'today'}"
                          if since or until else "")
                       + f" ({others} commit{'' if others == 1 else 's'} by others)")
            if len(paths) == 1:
                raise LuckError(problem)
            warnings.append(problem)
            continue
        existing = ws.store.find("evidence", where={"source": "git",
                                                    "repository": history.repository})
        known = {sha for e in existing for sha in e.commits}
        fresh = [c for c in mine if c.sha not in known]
        merges = ev.merged_by(history.commits)
        open_by_key = {e.key: e for e in existing if e.status == "candidate"}
        records = []
        created = extended = 0
        for group in ev.group_commits(fresh, merges):
            previous = open_by_key.get(group.key)
            records.append(ev.candidate(group, history.repository, patterns, previous))
            if previous is None:
                created += 1
            else:
                extended += 1
        binary = sum(1 for c in fresh for ch in c.changes if ch.added is None)
        plans.append((RepositoryImport(history.repository, who, len(history.commits),
                                       len(mine), len(fresh), created, extended,
                                       history.shallow, binary), records))
    if not plans:
        raise LuckError("import git: nothing to import; " + "; ".join(warnings))
    with ws.store.transaction():
        for _, records in plans:
            for record in records:
                if record.id is None:
                    ws.store.add(record)
                else:
                    ws.store.update(record)
    return GitImport([report for report, _ in plans], warnings)


# --- the candidates' life ---------------------------------------------------------------


def accept(ws: Workspace, ref: str, *, as_: str | None, kind: str | None,
           theme_ref: str | None, today: dt.date) -> tuple[Evidence, Any]:
    """Accept a candidate: it becomes a win (a year-in-public note) or an artifact, and
    stays linked to it. Returns the evidence and the record it became."""
    from luckos.app.records import coerce
    from luckos.domain.records import fields_of

    record = fetch(ws, EVIDENCE, ref)
    label = short_id(EVIDENCE, record.id)
    if record.status == "accepted":
        raise Conflict(f"{label} is already accepted", where=label)
    theme_id = fetch(ws, KINDS["theme"], theme_ref).id if theme_ref else record.theme_id
    as_ = as_ or ("artifact" if record.source == "doc" else "win")
    day = record.until or today
    with ws.store.transaction():
        became: Any
        if as_ == "win":
            if kind:
                raise LuckError("--kind is for --as artifact")
            body = record.title
            detail = ev.summary_line(record)
            became = ws.store.add(Note(body=f"{body} ({detail})", kind="year-in-public",
                                       on=day, title=record.title[:80], tags=("evidence",)))
            updated = dataclasses.replace(record, status="accepted", note_id=became.id,
                                          theme_id=theme_id)
        elif record.artifact_id is not None:
            became = ws.store.get("artifact", record.artifact_id)
            if theme_id is not None and became.theme_id is None:
                became = ws.store.update(dataclasses.replace(became, theme_id=theme_id))
            updated = dataclasses.replace(record, status="accepted", theme_id=theme_id)
        else:
            if not kind:
                raise LuckError(f"{label}: an artifact needs --kind (one of "
                                f"{', '.join(ARTIFACT_KINDS)})")
            field = next(f for f in fields_of(KINDS["artifact"]) if f.name == "kind")
            became = ws.store.add(Artifact(title=record.title, kind=coerce(ws, field, kind, today),
                                           on=day, link=record.repository,
                                           theme_id=theme_id, window_id=record.window_id))
            updated = dataclasses.replace(record, status="accepted", artifact_id=became.id,
                                          theme_id=theme_id)
        ws.store.update(updated)
    return updated, became


def reject(ws: Workspace, ref: str) -> Evidence:
    record = fetch(ws, EVIDENCE, ref)
    if record.status == "accepted":
        raise LuckError(f"{short_id(EVIDENCE, record.id)} is accepted; delete what it became "
                        "first if it should not count")
    with ws.store.transaction():
        return ws.store.update(dataclasses.replace(record, status="rejected"))


def link(ws: Workspace, ref: str, *, theme: str | None, window: str | None,
         promise: str | None) -> Evidence:
    record = fetch(ws, EVIDENCE, ref)
    if not (theme or window or promise):
        raise LuckError("link to what? give --theme, --window or --promise")
    changes: dict[str, Any] = {}
    if theme:
        changes["theme_id"] = fetch(ws, KINDS["theme"], theme).id
    if window:
        changes["window_id"] = fetch(ws, KINDS["window"], window).id
    if promise:
        changes["promise_id"] = fetch(ws, KINDS["promise"], promise).id
    with ws.store.transaction():
        return ws.store.update(dataclasses.replace(record, **changes))


# --- documents --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DocsImport:
    folder: str
    created: list[Artifact]
    updated: list[Artifact]
    unchanged: int
    problems: list[str]


def import_docs(ws: Workspace, folder: Path) -> DocsImport:
    """Each Markdown file under `folder` becomes an artifact linked to its file by an
    evidence record (path and content hash); a file imported before updates its artifact
    (title, kind, date, link) and keeps what the user added (theme, window, note)."""
    from luckos.evidence import docs

    if not folder.exists():
        raise NotFound(f"{folder}: no such folder", where=str(folder))
    if not folder.is_dir():
        raise LuckError(f"{folder}: not a folder")
    found, problems = docs.read_folder(folder)
    messages = [f"{p.path}: {p.message}" for p in problems]
    if not found:
        detail = f" ({messages[0]}{' and more' if len(messages) > 1 else ''})" if messages \
            else ""
        raise LuckError(f"{folder}: no readable Markdown documents{detail}")
    root = str(folder.resolve())
    existing = {e.key: e for e in ws.store.find("evidence", where={"source": "doc"})}
    created, updated, unchanged = [], [], 0
    with ws.store.transaction():
        for document in found:
            key = str(document.path)
            before = existing.get(key)
            artifact = ws.store.get("artifact", before.artifact_id) \
                if before and before.artifact_id else None
            values: dict[str, Any] = {"title": document.title, "kind": document.kind,
                                      "on": document.on, "link": key}
            if artifact is None:
                artifact = ws.store.add(Artifact(surface=document.surface, **values))
                created.append(artifact)
            elif before is not None and (before.digest != document.digest or any(
                    getattr(artifact, name) != value for name, value in values.items())):
                artifact = ws.store.update(dataclasses.replace(artifact, **values))
                updated.append(artifact)
            else:
                unchanged += 1
            record = Evidence(
                title=document.title, source="doc", status="accepted", since=document.on,
                until=document.on, repository=root, key=key, digest=document.digest,
                artifact_id=artifact.id, theme_id=artifact.theme_id,
                window_id=artifact.window_id)
            if before is None:
                ws.store.add(record)
            else:
                ws.store.update(dataclasses.replace(
                    before, title=record.title, since=record.since, until=record.until,
                    digest=record.digest, artifact_id=artifact.id))
    return DocsImport(root, created, updated, unchanged, messages)
