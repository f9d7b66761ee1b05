"""Prompts as files: `prompts/NAME.md` in the workspace, versioned like code.

A prompt file is Markdown with front matter: `name`, `version` (a whole number, raised on
every change), `description`, `input` (the records it takes, from `INPUTS`) and `output`
(`text`, or a document kind whose sections it fills as JSON, optionally only the
`sections` named). The body is the instruction sent to the model. Built-in starters for
the essay's workflows ship in `starters/`; `sync` copies each one into the workspace the
first time, and never touches a prompt the user has: a newer built-in version is
reported, not forced.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from luckos.errors import LuckError

STARTERS = Path(__file__).with_name("starters")
TEXT = "text"
NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,47}")

# The records a prompt can name in `input`, and what each brings.
INPUTS: dict[str, str] = {
    "theme": "the theme (--theme, or the window's)",
    "window": "the decision window (--window)",
    "metrics": "the theme's three metrics and their latest readings",
    "readings": "metric readings of the months since --since (default: last month)",
    "decisions": "the theme's decisions (every decision without --theme)",
    "promises": "promises due since --since (all of the theme's when only --theme is given)",
    "wins": "year-in-public notes since --since",
    "notes": "journal notes since --since (earned secrets only with --include-private)",
    "artifacts": "artifacts since --since, with their testimonials",
    "signals": "routing signals since --since",
    "diagnosis": "the latest answers to the three diagnosis questions",
    "windows": "decision windows in the next 90 days",
    "weekly-packet": "the weekly packet (luck packet --for weekly; since --since if given)",
    "skip-level-packet": "the skip-level packet (luck packet --for skip-level)",
}


@dataclasses.dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    description: str
    inputs: tuple[str, ...]
    output: str  # "text" or a document kind
    sections: tuple[str, ...]  # the sections a document prompt fills (the kind's, by default)
    body: str
    path: Path | None = None

    @property
    def structured(self) -> bool:
        return self.output != TEXT


def parse(text: str, where: str) -> Prompt:
    """A prompt file's front matter and body, validated; mistakes name the file."""
    from luckos.writing import frontmatter
    from luckos.writing.catalog import DOC_KINDS

    lines = text.split("\n")
    front = frontmatter.split(lines)
    if front.error is not None:
        line, message, _ = front.error
        raise LuckError(f"{where}:{line}: {message}")
    data = front.data
    if not data:
        raise LuckError(f"{where}: a prompt opens with front matter (---, name, version, "
                        "input, output, ---)")
    name = data.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise LuckError(f"{where}: name = {name!r} must be a lower-case name (letters, "
                        "digits, hyphens)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LuckError(f"{where}: version = {version!r} must be a whole number from 1")
    inputs = _names(data.get("input", []), "input", where)
    for item in inputs:
        if item not in INPUTS:
            raise LuckError(f"{where}: input {item!r} is not a record a prompt can take "
                            f"(known: {', '.join(INPUTS)})")
    output = data.get("output", TEXT)
    if output != TEXT and output not in DOC_KINDS:
        raise LuckError(f"{where}: output = {output!r} must be text or a document kind "
                        f"({', '.join(DOC_KINDS)})")
    sections = _names(data.get("sections", []), "sections", where)
    if sections and output == TEXT:
        raise LuckError(f"{where}: sections are for a prompt whose output is a document kind")
    if output != TEXT:
        own = DOC_KINDS[output].sections
        if not own and not sections:
            raise LuckError(f"{where}: a {output} has no fixed sections to fill: use "
                            "output: text")
        for section in sections:
            if section not in own:
                raise LuckError(f"{where}: a {output} has no section {section!r} (its "
                                f"sections: {', '.join(own)})")
        sections = sections or own
    body = "\n".join(lines[front.body_start:]).strip()
    if not body:
        raise LuckError(f"{where}: the prompt has no text after its front matter")
    description = data.get("description", "")
    return Prompt(name, version, str(description or "").strip(), inputs, output, sections,
                  body)


def _names(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LuckError(f"{where}: {key} must be a list of names")
    return tuple(value)


def starters() -> dict[str, Prompt]:
    """The built-in prompts, by name."""
    found = {}
    for path in sorted(STARTERS.glob("*.md")):
        prompt = parse(path.read_text(encoding="utf-8"), f"built-in {path.name}")
        found[prompt.name] = dataclasses.replace(prompt, path=path)
    return found


@dataclasses.dataclass(frozen=True)
class Entry:
    """A prompt of the workspace's library, and what the built-ins say about it."""

    prompt: Prompt | None  # None when its file cannot be read as a prompt
    path: Path
    problem: str = ""  # why it cannot be used
    builtin_version: int | None = None  # the starter of the same name, if any
    copied: bool = False  # copied from the starters just now

    @property
    def newer_builtin(self) -> bool:
        return (self.prompt is not None and self.builtin_version is not None
                and self.builtin_version > self.prompt.version)


def sync(folder: Path) -> list[Entry]:
    """The workspace's prompts, after copying each starter it does not have yet.

    A file is only ever created, never replaced: an edited prompt stays as it is, and a
    newer built-in version is reported in its entry."""
    from luckos import files

    built = starters()
    files.make_folder(folder)
    copied = set()
    for name, prompt in built.items():
        target = folder / f"{name}.md"
        if not target.exists():
            assert prompt.path is not None
            if files.write_new(target, prompt.path.read_text(encoding="utf-8")):
                copied.add(name)
    entries = []
    for path in sorted(folder.glob("*.md")):
        where = str(path)
        try:
            prompt = parse(path.read_text(encoding="utf-8"), where)
        except (LuckError, UnicodeDecodeError, OSError) as exc:
            problem = exc.message if isinstance(exc, LuckError) else f"{where}: {exc}"
            entries.append(Entry(None, path, problem, None))
            continue
        if prompt.name != path.stem:
            entries.append(Entry(None, path, f"{where}: name {prompt.name!r} differs from "
                                             f"the file name {path.stem!r}", None))
            continue
        builtin = built.get(prompt.name)
        entries.append(Entry(dataclasses.replace(prompt, path=path), path, "",
                             builtin.version if builtin else None, prompt.name in copied))
    return entries
