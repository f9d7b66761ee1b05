"""A folder of Markdown documents read into what an artifact needs: kind, title, date,
and the file's path and content hash. Reads files, never writes them; problems with a
file are values (Beancount's style), reported all together by the caller.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import subprocess
from pathlib import Path

from luckos.domain.records import ARTIFACT_KINDS, SURFACES

SUFFIXES = (".md", ".markdown")
DEFAULT_ARTIFACT_KIND = "design-doc"


@dataclasses.dataclass(frozen=True)
class Document:
    path: Path  # resolved
    digest: str  # SHA-256 of the bytes
    title: str
    kind: str  # an artifact kind
    on: dt.date
    surface: str


@dataclasses.dataclass(frozen=True)
class Problem:
    path: Path
    message: str


def artifact_kind(text: str, path: Path) -> str:
    """The artifact kind of a document: the document kind the linter infers (front
    matter, title, path, sections; `luckos.writing.kinds.infer_kind`) as the artifact
    kind it is registered as, else a front matter `kind` that names an artifact kind
    ("talk", "post"), else a design doc."""
    from luckos.writing import frontmatter
    from luckos.writing.catalog import DOC_KINDS
    from luckos.writing.kinds import infer_kind

    inferred = infer_kind(text, str(path)).kind
    if inferred in DOC_KINDS:
        return DOC_KINDS[inferred].artifact_kind
    named = frontmatter.split(text.splitlines()).text("kind")
    value = "-".join((named or "").lower().split())
    return value if value in ARTIFACT_KINDS else DEFAULT_ARTIFACT_KIND


def read_folder(folder: Path) -> tuple[list[Document], list[Problem]]:
    """Every Markdown file under `folder` (hidden folders skipped), sorted by path."""
    paths = sorted(p for p in folder.rglob("*")
                   if p.suffix.lower() in SUFFIXES
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    dates = _git_dates(folder) if paths else {}
    documents, problems = [], []
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(path, f"unreadable ({exc.strerror or exc})"))
            continue
        if b"\x00" in raw[:8192]:
            problems.append(Problem(path, "a binary file, not Markdown text"))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(path, "not UTF-8 text"))
            continue
        resolved = path.resolve()
        documents.append(_document(resolved, raw, text, dates.get(resolved)))
    return documents, problems


def _document(path: Path, raw: bytes, text: str, committed: dt.date | None) -> Document:
    from luckos.writing import frontmatter

    lines = text.splitlines()
    front = frontmatter.split(lines)
    title = front.text("title") or _heading(lines[front.body_start:]) or path.stem
    on = _date(front.text("date")) or committed or dt.date.fromtimestamp(path.stat().st_mtime)
    surface = (front.text("surface") or "").lower()
    return Document(
        path=path,
        digest=hashlib.sha256(raw).hexdigest(),
        title=" ".join(title.split())[:200],
        kind=artifact_kind(text, path),
        on=on,
        surface=surface if surface in SURFACES else "internal",
    )


def _heading(lines: list[str]) -> str | None:
    for line in lines:
        match = re.match(r"^#\s+(.+?)\s*#*\s*$", line)
        if match:
            return match.group(1)
    return None


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _git_dates(folder: Path) -> dict[Path, dt.date]:
    """The date each file was last committed, when the folder sits in a git work tree
    (one `git log` for the whole folder); {} otherwise."""
    env = dict(os.environ, LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, env=env,
                             capture_output=True, check=False)
        if top.returncode != 0:
            return {}
        root = Path(top.stdout.decode().strip())
        done = subprocess.run(["git", "log", "-z", "--name-only", "--format=%x1e%aI", "--",
                               "."], cwd=folder, env=env, capture_output=True, check=False)
    except FileNotFoundError:  # no git on this machine: the files' times will do
        return {}
    if done.returncode != 0:
        return {}
    dates: dict[Path, dt.date] = {}
    for chunk in done.stdout.decode("utf-8", "replace").split("\x1e")[1:]:
        head, _, names = chunk.partition("\x00")
        head = head.strip()
        day = dt.datetime.fromisoformat(head.split("\n")[0]).date()
        for name in names.split("\x00"):
            name = name.strip("\n")
            if name:
                dates.setdefault((root / name).resolve(), day)  # newest first: keep the first
    return dates
