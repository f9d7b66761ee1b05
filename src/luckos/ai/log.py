"""The log of every call to the model: what left the machine, when, and what came back.

One JSON object per line in `ai-log.jsonl` in the workspace, mode 0600, appended to:
the prompt and its version, the model, the endpoint's host, a hash of the context sent,
the redaction counts (by kind, never the originals), tokens, duration and outcome.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from luckos.errors import LuckError

NAME = "ai-log.jsonl"


def append(home: Path, entry: dict[str, Any]) -> None:
    path = home / NAME
    line = json.dumps(entry, ensure_ascii=False, sort_keys=False) + "\n"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(line)
    except OSError as exc:
        raise LuckError(f"cannot write {path}: {exc.strerror or exc}") from None


def read(home: Path) -> tuple[list[dict[str, Any]], int]:
    """The entries, oldest first, and how many lines could not be read (kept as they are)."""
    path = home / NAME
    if not path.exists():
        return [], 0
    entries, broken = [], 0
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise LuckError(f"cannot read {path}: {exc.strerror or exc}") from None
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            broken += 1
            continue
        if isinstance(entry, dict):
            entries.append(entry)
        else:
            broken += 1
    return entries, broken
